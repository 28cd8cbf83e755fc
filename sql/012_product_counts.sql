-- Exact search totals without counting, for the shapes an aggregate can answer (issue #13 item 3): no filter
-- (every product), a category subtree, either with in_stock. A subtree count used to visit every heap page of
-- the subtree's products (a root tree: ~5,800 pages for ~7,900 products at 100k); now it is a sum of 16 rows.
--
-- product_counts holds, for each key, how many product rows count under it and how many of those have units
-- left (available > 0). Key 0 is the whole catalog; any other key is a category id, and a product counts under
-- every category of its category_path (the same column the subtree filter reads), so a subtree's total equals
-- `count(*) ... WHERE category_path @> ARRAY[id]` by construction, including while a move or a delete is under way.
-- Each key is spread over 16 stripes (product id % 16) so that concurrent writes of products in one root tree do
-- not queue on one row; a reader sums the stripes.
--
-- Row triggers keep it in the transaction of every statement that changes product rows (the row upsert, its
-- delete, the path re-projections after a move, the rebuild), so it cannot drift from the rows. An update fires
-- only when the path or whether the product is in stock changed (the WHEN clause, checked without calling the
-- function), so a price or title change, and most stock moves, cost nothing here. A product's keys are written in
-- key order, and all of them in one stripe: two single-product writes lock counter rows in the same order and
-- cannot deadlock on them; a subtree move's re-projection takes the same keys (the old and the new ancestors) for
-- every product of a stripe, so it keeps that order too. Statement triggers with transition tables were measured
-- first: they fire on every upsert, changed or not (docs/PERFORMANCE.md, issue #13).

-- Writers wait while the table and its backfill are made; reads go on.
LOCK TABLE products IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE IF NOT EXISTS product_counts (
    category_id bigint   NOT NULL,
    stripe      smallint NOT NULL CHECK (stripe BETWEEN 0 AND 15),
    products    bigint   NOT NULL,
    in_stock    bigint   NOT NULL,
    PRIMARY KEY (category_id, stripe)
);

-- One row per key a product row counts under: 0, then each category of its path.
CREATE OR REPLACE FUNCTION product_count_keys(id bigint, category_path bigint[], available bigint)
RETURNS TABLE (category_id bigint, stripe smallint, in_stock int)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT key, (id % 16)::smallint, (available > 0)::int FROM unnest(array_prepend(0::bigint, category_path)) AS key
$$;

CREATE OR REPLACE FUNCTION product_counts_follow() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO product_counts AS c (category_id, stripe, products, in_stock)
    SELECT d.category_id, d.stripe, sum(d.products), sum(d.in_stock)
    FROM (SELECT k.category_id, k.stripe, -1 AS products, -k.in_stock AS in_stock
          FROM product_count_keys(OLD.id, OLD.category_path, OLD.available) k
          WHERE TG_OP <> 'INSERT'
          UNION ALL
          SELECT k.category_id, k.stripe, 1, k.in_stock
          FROM product_count_keys(NEW.id, NEW.category_path, NEW.available) k
          WHERE TG_OP <> 'DELETE') d
    GROUP BY d.category_id, d.stripe
    HAVING sum(d.products) <> 0 OR sum(d.in_stock) <> 0
    ORDER BY d.category_id, d.stripe
    ON CONFLICT (category_id, stripe) DO UPDATE
        SET products = c.products + EXCLUDED.products, in_stock = c.in_stock + EXCLUDED.in_stock;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS product_counts_insert_or_delete ON products;
DROP TRIGGER IF EXISTS product_counts_update ON products;
CREATE TRIGGER product_counts_insert_or_delete AFTER INSERT OR DELETE ON products
    FOR EACH ROW EXECUTE FUNCTION product_counts_follow();
CREATE TRIGGER product_counts_update AFTER UPDATE ON products
    FOR EACH ROW
    WHEN (OLD.category_path IS DISTINCT FROM NEW.category_path OR (OLD.available > 0) IS DISTINCT FROM (NEW.available > 0))
    EXECUTE FUNCTION product_counts_follow();

-- What the rows say now; the audit compares the table with this, and the rebuild rewrites the table from it.
CREATE OR REPLACE VIEW product_counts_expected AS
    SELECT k.category_id, k.stripe, count(*) AS products, sum(k.in_stock) AS in_stock
    FROM products p, product_count_keys(p.id, p.category_path, p.available) k
    GROUP BY k.category_id, k.stripe;

DELETE FROM product_counts;
INSERT INTO product_counts (category_id, stripe, products, in_stock)
SELECT category_id, stripe, products, in_stock FROM product_counts_expected;

-- Planner statistics for the totals reads right away, rather than after the first autovacuum pass.
ANALYZE product_counts;
