-- Text within a root tree from one index look-up (issue #13). Half of the shoppers' category filters name a top-level
-- category, and a text term beside one was answered by ANDing two GIN bitmaps: every product of the term and every
-- product of the tree (8% of the catalog), each built in full before the AND. A multicolumn GIN index holds the
-- entries of both columns in one tree, and its scan intersects the term's posting list with the root's, skipping
-- through the longer one instead of reading it: counting a two-character word in a root tree 3.0 -> 0.4 ms, a rare
-- Latin letter 10.2 -> 1.5 ms, a Latin word 5.6 -> 2.4 ms at 100k products (docs/PERFORMANCE.md).
--
-- The root is category_root (sql/017), which equals "the category is on the path" only for a root whose products
-- carry its current path; the search asks categories.product_paths_current as sql/017 describes, so nothing about
-- that changes here. The two indexes replace the single-column ones on the same text columns: a GIN scan is as fast
-- on any subset of its columns, so a term without a category is answered from the same index as before, and each
-- product write still maintains two text indexes, not four. btree_gin gives category_root (bigint) a GIN operator
-- class; it is a trusted extension, so the catalog's owner may create it (docs/DEPLOYMENT.md).
--
-- Building the two indexes takes a SHARE lock: reads go on, product writes wait (7 s at 100k products, 41 s at 1M
-- on the 2-core bench machine). The old indexes are dropped last, so the exclusive lock their drop
-- needs is held only from then until this migration commits.

SET LOCAL maintenance_work_mem = '256MB';

CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE INDEX IF NOT EXISTS products_root_search_grams ON products USING gin (category_root, search_grams);
CREATE INDEX IF NOT EXISTS products_root_search_text ON products USING gin (category_root, search_text gin_trgm_ops);

DROP INDEX IF EXISTS products_search_grams;
DROP INDEX IF EXISTS products_search_text;

ANALYZE products;
