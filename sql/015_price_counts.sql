-- Exact totals of price-only searches without counting half the catalog (issue #13). A shopper's "under 150" or
-- "over 60" matches 40-60% of the products, and counting them was an index-only scan of that part of the price
-- index: 35 ms at 100k, the largest single cost of the search mix (pg_stat_statements, docs/PERFORMANCE.md).
--
-- price_bands cuts the price axis at fixed points (0, then 0.01 × 1.05^i rounded to the cent, up to the largest
-- price the API takes): about 520 bands, each 5% wide. price_counts holds how many product rows have a price in
-- each band [lower, next lower). A range's total is then
--     count(price <= max) - count(price < min),   where   count(price <= x) = sum of the bands below x's band
--                                                                           + count(rows of x's band at or below x)
-- i.e. two sums over at most a few hundred band rows and two index-only counts inside one band each (~0.2% of the
-- catalog when prices spread over four decades). The cuts never change once made: a band's count is only right for
-- the band it was counted for.
--
-- A row trigger keeps the counts in the transaction of every statement that changes product rows; an update fires
-- only when the price changed. A price change takes its two band rows in band order, so two writers cannot
-- deadlock on them; bands are narrow enough that two concurrent writes rarely share one, so there are no stripes
-- (a reader sums hundreds of bands, and stripes would multiply them).

-- Writers wait while the tables and the backfill are made; reads go on.
LOCK TABLE products IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE IF NOT EXISTS price_bands (lower numeric(12, 2) PRIMARY KEY);
INSERT INTO price_bands (lower)
SELECT 0
UNION
SELECT round(0.01 * power(1.05::numeric, i), 2)
FROM generate_series(0, 600) AS i
WHERE 0.01 * power(1.05::numeric, i) <= 9999999999.99
ON CONFLICT (lower) DO NOTHING;

-- The band a price falls in: the largest cut at or below it (none for a negative bound, which no price is under).
CREATE OR REPLACE FUNCTION price_band(price numeric) RETURNS numeric
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT max(lower) FROM price_bands WHERE lower <= price
$$;

CREATE TABLE IF NOT EXISTS price_counts (
    band     numeric(12, 2) PRIMARY KEY,
    products bigint NOT NULL
);

CREATE OR REPLACE FUNCTION price_counts_follow() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO price_counts AS c (band, products)
    SELECT d.band, sum(d.products)
    FROM (SELECT price_band(OLD.price) AS band, -1 AS products WHERE TG_OP <> 'INSERT'
          UNION ALL
          SELECT price_band(NEW.price), 1 WHERE TG_OP <> 'DELETE') d
    GROUP BY d.band
    HAVING sum(d.products) <> 0
    ORDER BY d.band
    ON CONFLICT (band) DO UPDATE SET products = c.products + EXCLUDED.products;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS price_counts_insert_or_delete ON products;
DROP TRIGGER IF EXISTS price_counts_update ON products;
CREATE TRIGGER price_counts_insert_or_delete AFTER INSERT OR DELETE ON products
    FOR EACH ROW EXECUTE FUNCTION price_counts_follow();
CREATE TRIGGER price_counts_update AFTER UPDATE ON products
    FOR EACH ROW
    WHEN (OLD.price IS DISTINCT FROM NEW.price)
    EXECUTE FUNCTION price_counts_follow();

-- What the rows say now; the audit compares the table with this, and the rebuild rewrites the table from it.
CREATE OR REPLACE VIEW price_counts_expected AS
    SELECT price_band(p.price) AS band, count(*) AS products
    FROM products p
    GROUP BY 1;

DELETE FROM price_counts;
INSERT INTO price_counts (band, products)
SELECT band, products FROM price_counts_expected;

ANALYZE price_bands;
ANALYZE price_counts;
