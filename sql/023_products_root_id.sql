-- A root tree's products in id order (issue #13). A one- or two-character term within a top-level category, or the
-- category alone, reads its page on a deep offset either by walking the primary key, which tests every product of
-- the catalog between the first id and the page (about (offset + limit) × catalog ÷ matches rows), or by collecting
-- every match of the tree and sorting their ids (6,900-13,000 matches for a common letter or digit in a bushy root at
-- 117k products: 12-30 ms). A b-tree on (category_root, id) reads only the root's products, in id order: about
-- (offset + limit) × tree ÷ matches rows, 1,000-3,000 rows (1-6 ms) at offset 1,000 for those same terms; a root
-- alone reads index entries only (docs/PERFORMANCE.md). The search uses it only while the category's row says its products carry its current path
-- (product_paths_current, sql/017), as it does the other indexes that lead with category_root.
--
-- Every product insert adds one more b-tree entry, and so does an update that is not HOT. The stock updates of sql/013
-- stay HOT: neither column of this index changes with them. Building it reads products once and blocks writes to
-- products meanwhile (under a second at 117k products, 2.3 s at 1M).

SET LOCAL maintenance_work_mem = '256MB';

CREATE INDEX IF NOT EXISTS products_root_id ON products (category_root, id);

ANALYZE products;
