-- Exact totals of a one- or two-character term within a top-level category's tree without counting (issue #13).
-- A shopper who picks a department and types one Chinese or Korean character, a digit or a letter matches a large
-- part of that tree: '2' holds 68% of the bench's largest root tree, and collecting and counting those 6,300 rows
-- took 18-21 ms at 100k products (docs/PERFORMANCE.md), where the term alone reads its total from gram_counts
-- (sql/014) in under a millisecond.
--
-- root_gram_counts holds, per top-level category (category_root, sql/017) and gram, how many product rows hold the
-- gram, spread over 4 stripes (product id % 4): the keys are already spread over the roots, so fewer stripes than
-- gram_counts' 16 keep the table small (about 150,000 rows at 100k products) while concurrent creates in one tree
-- still rarely queue on the row of a common letter. A reader sums the stripes. Products without a category count
-- under no root. Row triggers keep it in the transaction of every statement that changes product rows; an update
-- fires only when the grams or the root changed (a title or SKU edit, a move to another tree, a category delete
-- that unlinks the product), never for price or stock. A row's keys are written in key order, so two
-- single-product writes lock counter rows in the same order and cannot deadlock on them.
--
-- The counts say how many rows have category_root = R and hold the gram. That is the search's total only while R is
-- a root whose products all carry its current path (categories.product_paths_current, sql/017); a search asks that
-- row first, as the root branch of the search statement does.

-- Writers wait while the table and its backfill are made; reads go on.
LOCK TABLE products IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE IF NOT EXISTS root_gram_counts (
    category_root bigint   NOT NULL,
    gram          text     NOT NULL,
    stripe        smallint NOT NULL CHECK (stripe BETWEEN 0 AND 3),
    products      bigint   NOT NULL,
    PRIMARY KEY (category_root, gram, stripe)
);

CREATE OR REPLACE FUNCTION root_gram_counts_follow() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO root_gram_counts AS c (category_root, gram, stripe, products)
    SELECT d.category_root, d.gram, d.stripe, sum(d.products)
    FROM (SELECT OLD.category_root, g AS gram, (OLD.id % 4)::smallint AS stripe, -1 AS products
          FROM unnest(OLD.search_grams) AS g
          WHERE TG_OP <> 'INSERT' AND OLD.category_root IS NOT NULL
          UNION ALL
          SELECT NEW.category_root, g, (NEW.id % 4)::smallint, 1
          FROM unnest(NEW.search_grams) AS g
          WHERE TG_OP <> 'DELETE' AND NEW.category_root IS NOT NULL) d
    GROUP BY d.category_root, d.gram, d.stripe
    HAVING sum(d.products) <> 0
    ORDER BY d.category_root, d.gram, d.stripe
    ON CONFLICT (category_root, gram, stripe) DO UPDATE SET products = c.products + EXCLUDED.products;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS root_gram_counts_insert_or_delete ON products;
DROP TRIGGER IF EXISTS root_gram_counts_update ON products;
CREATE TRIGGER root_gram_counts_insert_or_delete AFTER INSERT OR DELETE ON products
    FOR EACH ROW EXECUTE FUNCTION root_gram_counts_follow();
CREATE TRIGGER root_gram_counts_update AFTER UPDATE ON products
    FOR EACH ROW
    WHEN (OLD.search_grams IS DISTINCT FROM NEW.search_grams OR OLD.category_root IS DISTINCT FROM NEW.category_root)
    EXECUTE FUNCTION root_gram_counts_follow();

-- What the rows say now; the audit compares the table with this, and the rebuild rewrites the table from it.
CREATE OR REPLACE VIEW root_gram_counts_expected AS
    SELECT p.category_root, g AS gram, (p.id % 4)::smallint AS stripe, count(*) AS products
    FROM products p, unnest(p.search_grams) AS g
    WHERE p.category_root IS NOT NULL
    GROUP BY p.category_root, g, (p.id % 4)::smallint;

DELETE FROM root_gram_counts;
INSERT INTO root_gram_counts (category_root, gram, stripe, products)
SELECT category_root, gram, stripe, products FROM root_gram_counts_expected;

ANALYZE root_gram_counts;
