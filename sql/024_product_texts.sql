-- Searches for a word (a term of three or more characters, issue #13) read a narrow copy of what they test. The
-- trigram index hands over every product whose text holds the term's trigrams, and each one is visited to test the
-- text and be counted: 2,000 matches for a common word lie on ~1,900 of the products table's 14,000 pages, since a
-- products row is ~1 kB (its grams, its path, the description). That one pass was the largest cost of the search
-- mix (a quarter of all statement time at 100k products). product_texts holds only what such a search filters on,
-- ~90 bytes a row, so the same matches lie on ~1,100 pages of its ~1,450: the bench's 311 words take 0.53 s one after
-- the other instead of 0.75-0.82 s, and 8 clients run 920-990 of them a second instead of 675-695
-- (docs/PERFORMANCE.md).
--
-- The rows follow the products rows in the same statement, by the triggers below, so a search sees a write as soon
-- as the products row shows it. A products row and its copy are always locked in that order (the copy only by the
-- trigger of a statement that holds the products row), so the copy adds no lock cycle to those of sql/020.
-- Price updates rewrite the copy too; nothing indexes its price, so that update is HOT while the page has room, and
-- adds no entries to the text index (on products, a price update adds every trigram of the row to it again).

-- Writers wait while the table is filled and indexed.
LOCK TABLE products IN SHARE ROW EXCLUSIVE MODE;

SET LOCAL maintenance_work_mem = '256MB';

CREATE TABLE IF NOT EXISTS product_texts (
    id            bigint        PRIMARY KEY,
    category_root bigint,
    price         numeric(12,2) NOT NULL,
    search_text   text          NOT NULL
) WITH (fillfactor = 90);

-- Vacuumed as often as products (sql/003), which also moves the text index's pending entries into the index proper.
ALTER TABLE product_texts SET (
    autovacuum_vacuum_scale_factor = 0.01,
    autovacuum_vacuum_insert_scale_factor = 0.01,
    autovacuum_analyze_scale_factor = 0.02
);

CREATE OR REPLACE FUNCTION product_texts_follow() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM product_texts WHERE id = OLD.id;
    ELSE
        INSERT INTO product_texts AS t (id, category_root, price, search_text)
        VALUES (NEW.id, NEW.category_root, NEW.price, NEW.search_text)
        ON CONFLICT (id) DO UPDATE
        SET category_root = EXCLUDED.category_root, price = EXCLUDED.price, search_text = EXCLUDED.search_text;
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS product_texts_insert_or_delete ON products;
CREATE TRIGGER product_texts_insert_or_delete AFTER INSERT OR DELETE ON products
    FOR EACH ROW EXECUTE FUNCTION product_texts_follow();
DROP TRIGGER IF EXISTS product_texts_update ON products;
CREATE TRIGGER product_texts_update AFTER UPDATE ON products
    FOR EACH ROW
    WHEN (OLD.search_text IS DISTINCT FROM NEW.search_text
          OR OLD.category_root IS DISTINCT FROM NEW.category_root
          OR OLD.price IS DISTINCT FROM NEW.price)
    EXECUTE FUNCTION product_texts_follow();

-- What the copy must hold; the audit compares the table with this, and the rebuild rewrites the table from it.
CREATE OR REPLACE VIEW product_texts_expected AS
    SELECT id, category_root, price, search_text FROM products;

-- In id order, so that a word's matches in a range of ids share pages.
INSERT INTO product_texts (id, category_root, price, search_text)
SELECT id, category_root, price, search_text FROM products ORDER BY id
ON CONFLICT (id) DO NOTHING;

-- btree_gin (sql/018) gives the bigint column a GIN operator class: a root's words come from one scan, as they did
-- from the products index this one replaces. New entries wait in the index's pending list until a write moves them in
-- bulk, and every search reads that whole list: with the default limit of 4 MB, 66 pages of it (524 new products) made
-- a word within a root 40% slower under load (8 clients, 1,700-2,000 against 2,900-3,150 a second once vacuumed).
-- 64 kB keeps it to 8 pages; the write that fills it moves them.
CREATE INDEX IF NOT EXISTS product_texts_root_search_text ON product_texts USING gin (category_root, search_text gin_trgm_ops)
    WITH (gin_pending_list_limit = 64);
DROP INDEX IF EXISTS products_root_search_text;

ANALYZE product_texts;
