-- Root subtrees with a price range without visiting every product of the tree (issue #13). Half of the shoppers'
-- category filters name a top-level category, and with a price range beside it the search found the tree's
-- products by category_path (GIN) and then read every one of their heap rows to test its price: 8-13 ms at 100k
-- products, 60-130 ms at 1M (docs/PERFORMANCE.md). For a root category R, "R is on the product's path" is
-- "the path starts with R", which a b-tree on (category_path[1], price, id) answers as one range: only the tree's
-- products inside the price range are read. (With the path as an INCLUDE column the range would be index-only, but
-- the planner then also took that index for every other category filter, as a full scan testing each path.)
--
-- That equivalence holds only while every product row's path is its category's current path. A move rewrites the
-- category rows first and the product rows after (ProductCategoryPaths), so in between, or after a crash until the
-- tree's repair, a category that has just become a root still has products whose path starts elsewhere.
-- categories.product_paths_current says when the equivalence may be used: a trigger clears it in the same
-- statement that changes a category row's path, and only a re-projection of the products under the category sets it
-- again, after that re-projection committed. A search uses the root range only when its category's row, in the
-- search statement's own snapshot, is a root with the flag set; otherwise it takes category_path as before.

-- Writers wait while the index is built; reads go on.
LOCK TABLE products IN SHARE ROW EXCLUSIVE MODE;

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

CREATE INDEX IF NOT EXISTS products_root_price ON products ((category_path[1]), price, id);

ANALYZE products;
