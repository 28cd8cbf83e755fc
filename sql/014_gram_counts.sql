-- Exact totals of one- and two-character searches without counting (issue #13): a term that short is a whole word
-- in Chinese, Japanese and Korean, and a Latin letter or digit pair matches a large part of the catalog ('e' about
-- half of it, '00' every SKU), so counting its matches visited up to every heap page of the table (84 ms for '0'
-- at 100k). A short term is a substring of a row exactly when it is one of the row's search_grams (sql/009), so
-- the number of rows holding a gram is the total of that term searched alone.
--
-- gram_counts holds, per gram, how many product rows hold it, spread over 16 stripes (product id % 16) as
-- product_counts is (sql/012), so concurrent creates do not queue on the row of a common letter; a reader sums
-- the stripes. Row triggers keep it in the transaction of every statement that changes product rows; an update
-- fires only when the grams changed (a title or SKU edit), never for price, stock or category changes. A row's
-- grams are written in gram order within one stripe, so two single-product writes lock counter rows in the same
-- order and cannot deadlock on them (the rebuild, which writes many rows, holds an exclusive lock on products).

-- Writers wait while the table and its backfill are made; reads go on.
LOCK TABLE products IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE IF NOT EXISTS gram_counts (
    gram     text     NOT NULL,
    stripe   smallint NOT NULL CHECK (stripe BETWEEN 0 AND 15),
    products bigint   NOT NULL,
    PRIMARY KEY (gram, stripe)
);

CREATE OR REPLACE FUNCTION gram_counts_follow() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO gram_counts AS c (gram, stripe, products)
    SELECT d.gram, d.stripe, sum(d.products)
    FROM (SELECT g AS gram, (OLD.id % 16)::smallint AS stripe, -1 AS products
          FROM unnest(OLD.search_grams) AS g
          WHERE TG_OP <> 'INSERT'
          UNION ALL
          SELECT g, (NEW.id % 16)::smallint, 1
          FROM unnest(NEW.search_grams) AS g
          WHERE TG_OP <> 'DELETE') d
    GROUP BY d.gram, d.stripe
    HAVING sum(d.products) <> 0
    ORDER BY d.gram, d.stripe
    ON CONFLICT (gram, stripe) DO UPDATE SET products = c.products + EXCLUDED.products;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS gram_counts_insert_or_delete ON products;
DROP TRIGGER IF EXISTS gram_counts_update ON products;
CREATE TRIGGER gram_counts_insert_or_delete AFTER INSERT OR DELETE ON products
    FOR EACH ROW EXECUTE FUNCTION gram_counts_follow();
CREATE TRIGGER gram_counts_update AFTER UPDATE ON products
    FOR EACH ROW
    WHEN (OLD.search_grams IS DISTINCT FROM NEW.search_grams)
    EXECUTE FUNCTION gram_counts_follow();

-- What the rows say now; the audit compares the table with this, and the rebuild rewrites the table from it.
-- A row's grams are distinct (SearchGrams.For, search_grams_of), so a row counts once under each of them.
CREATE OR REPLACE VIEW gram_counts_expected AS
    SELECT g AS gram, (p.id % 16)::smallint AS stripe, count(*) AS products
    FROM products p, unnest(p.search_grams) AS g
    GROUP BY g, (p.id % 16)::smallint;

DELETE FROM gram_counts;
INSERT INTO gram_counts (gram, stripe, products)
SELECT gram, stripe, products FROM gram_counts_expected;

ANALYZE gram_counts;
