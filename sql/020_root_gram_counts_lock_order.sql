-- The lock order of root_gram_counts (sql/019) against statements that re-project many product rows at once.
--
-- A single-product write takes each kept-counts table's rows in key order, and the tables in the order their row
-- triggers fire, which is the triggers' names in alphabetical order; two such writes cannot deadlock. A move's
-- re-projection (ProductCategoryPaths) changes category_root on many rows in one statement, and per row the
-- triggers take that row's counters: the root gram counters of different products are different keys, so the
-- statement as a whole took them out of key order, and a product write racing a move deadlocked with it
-- (SubtreeMoveRaceTests saw a create answered 503). The re-projection now locks, after the product rows it is about
-- to change, every root gram counter those rows will write, in key order, before its update; that is a whole
-- table's counters taken ahead of the others', so a single-product write must take them first too. These triggers are
-- renamed to fire before every other kept count's (their names sort first); what they do is unchanged.
DROP TRIGGER IF EXISTS root_gram_counts_insert_or_delete ON products;
DROP TRIGGER IF EXISTS root_gram_counts_update ON products;
DROP TRIGGER IF EXISTS counts_by_root_insert_or_delete ON products;
DROP TRIGGER IF EXISTS counts_by_root_update ON products;
CREATE TRIGGER counts_by_root_insert_or_delete AFTER INSERT OR DELETE ON products
    FOR EACH ROW EXECUTE FUNCTION root_gram_counts_follow();
CREATE TRIGGER counts_by_root_update AFTER UPDATE ON products
    FOR EACH ROW
    WHEN (OLD.search_grams IS DISTINCT FROM NEW.search_grams OR OLD.category_root IS DISTINCT FROM NEW.category_root)
    EXECUTE FUNCTION root_gram_counts_follow();
