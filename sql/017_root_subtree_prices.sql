-- Root subtrees with a price range without visiting every product of the tree (issue #13). Half of the shoppers'
-- category filters name a top-level category, and with a price range beside it the search found the tree's
-- products by category_path (GIN) and then read every one of their heap rows to test its price: 8-13 ms at 100k
-- products, 200-250 ms at 1M (docs/PERFORMANCE.md). For a root category R, "R is on the product's path" is
-- "the path starts with R". category_root holds the path's first element, and a b-tree on (category_root, price,
-- id) answers the root and the price range as one range of index entries, read without the heap (index-only) on
-- pages the last vacuum marked all-visible. A column rather than an index on the expression category_path[1]:
-- PostgreSQL does not scan an expression index index-only, and with the path added to that index (INCLUDE) the
-- planner took it for every other category filter as well, as a full scan testing each path.
--
-- That equivalence holds only while every product row's path is its category's current path. A move rewrites the
-- category rows first and the product rows after (ProductCategoryPaths), so in between, or after a crash until the
-- tree's repair, a category that has just become a root still has products whose path starts elsewhere.
-- categories.product_paths_current says when the equivalence may be used: a trigger clears it in the same
-- statement that changes a category row's path, and only a re-projection of the products under the category sets it
-- again, after that re-projection committed. A search uses the root range only when its category's row, in the
-- search statement's own snapshot, is a root with the flag set; otherwise it takes category_path as before.
--
-- Adding a stored column rewrites products and rebuilds its indexes: reads and writes of products wait for it
-- (about a minute at 1M products on the 2-core bench machine). Until the next vacuum of products, the range still
-- visits the heap for each entry; docs/DEPLOYMENT.md says to run VACUUM products after the upgrade.

SET LOCAL maintenance_work_mem = '256MB';

ALTER TABLE categories ADD COLUMN IF NOT EXISTS product_paths_current boolean NOT NULL DEFAULT true;

CREATE OR REPLACE FUNCTION categories_path_changed() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.product_paths_current := false;
    RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS categories_path_changed ON categories;
CREATE TRIGGER categories_path_changed BEFORE UPDATE ON categories
    FOR EACH ROW
    WHEN (OLD.path IS DISTINCT FROM NEW.path)
    EXECUTE FUNCTION categories_path_changed();

ALTER TABLE products ADD COLUMN IF NOT EXISTS category_root bigint GENERATED ALWAYS AS (category_path[1]) STORED;
CREATE INDEX IF NOT EXISTS products_root_price ON products (category_root, price, id);

ANALYZE products;
