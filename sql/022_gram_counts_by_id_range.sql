-- Deep pages of a one- or two-character term searched alone (issue #13): the kept total (sql/014) told the search
-- how many rows hold the gram, but not where they are, so page 50 of a gram held by 5,000-25,000 products either
-- collected and sorted every match or walked the primary key from the first id: 10-20 ms at 117k products, and ten
-- times that at 1M. Counting each gram per range of 4,096 ids as well tells where the page starts: the search
-- sums the ranges in id order, finds the range that holds the first row of the page, and reads the page from that
-- range on, skipping only the matches before it within the range. A page then costs at most about one range's rows
-- whatever its offset.
--
-- gram_counts is keyed (gram, id_range, stripe). The stripes go from 16 to 4 (id % 4) to keep the table small
-- (185k rows at 117k products against 34k; 16 stripes would have made ~600k); 4 is the number of lanes that
-- root_gram_counts (sql/019) already gives concurrent creates in a root's tree. The total of a term alone is the
-- sum over all its rows, as before. The triggers of sql/014 stay; their function writes the new key, still in
-- key order within one statement.

-- Writers wait while the table and its backfill are made.
LOCK TABLE products IN SHARE ROW EXCLUSIVE MODE;

-- The range of an id, and the first id of a range. SQL functions this simple are inlined, so a bound built from
-- them is a constant to the planner.
CREATE OR REPLACE FUNCTION gram_id_range(id bigint) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (id >> 12)::integer $$;

CREATE OR REPLACE FUNCTION gram_id_range_start(id_range integer) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT id_range::bigint << 12 $$;

-- The new table is filled beside the old one, which searches go on reading until the swap at the end.
DROP TABLE IF EXISTS gram_counts_by_range;
CREATE TABLE gram_counts_by_range (
    gram     text     NOT NULL,
    id_range integer  NOT NULL,
    stripe   smallint NOT NULL CHECK (stripe BETWEEN 0 AND 3),
    products bigint   NOT NULL,
    CONSTRAINT gram_counts_by_range_pkey PRIMARY KEY (gram, id_range, stripe)
) WITH (fillfactor = 70);

CREATE OR REPLACE FUNCTION gram_counts_follow() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO gram_counts AS c (gram, id_range, stripe, products)
    SELECT d.gram, d.id_range, d.stripe, sum(d.products)
    FROM (SELECT g AS gram, gram_id_range(OLD.id) AS id_range, (OLD.id % 4)::smallint AS stripe, -1 AS products
          FROM unnest(OLD.search_grams) AS g
          WHERE TG_OP <> 'INSERT'
          UNION ALL
          SELECT g, gram_id_range(NEW.id), (NEW.id % 4)::smallint, 1
          FROM unnest(NEW.search_grams) AS g
          WHERE TG_OP <> 'DELETE') d
    GROUP BY d.gram, d.id_range, d.stripe
    HAVING sum(d.products) <> 0
    ORDER BY d.gram, d.id_range, d.stripe
    ON CONFLICT (gram, id_range, stripe) DO UPDATE SET products = c.products + EXCLUDED.products;
    RETURN NULL;
END
$$;

-- What the rows say now; the audit compares the table with this, and the rebuild rewrites the table from it.
DROP VIEW IF EXISTS gram_counts_expected;
CREATE VIEW gram_counts_expected AS
    SELECT g AS gram, gram_id_range(p.id) AS id_range, (p.id % 4)::smallint AS stripe, count(*) AS products
    FROM products p, unnest(p.search_grams) AS g
    GROUP BY g, gram_id_range(p.id), (p.id % 4)::smallint;

-- In key order, and with room left on each page for the counters' updates to stay there (HOT): a search reads all
-- of a gram's rows (~1,000 at 1M products), which then lie on a few pages rather than one page each (3 ms at 1M).
INSERT INTO gram_counts_by_range (gram, id_range, stripe, products)
SELECT gram, id_range, stripe, products FROM gram_counts_expected ORDER BY gram, id_range, stripe;

DROP TABLE IF EXISTS gram_counts;
ALTER TABLE gram_counts_by_range RENAME TO gram_counts;
ALTER TABLE gram_counts RENAME CONSTRAINT gram_counts_by_range_pkey TO gram_counts_pkey;

ANALYZE gram_counts;
