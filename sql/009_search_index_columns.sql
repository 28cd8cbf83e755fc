-- Search columns the projection writes so that every query shape has an index (issue #13).
--
-- search_grams: every 1- and 2-character substring of the case-folded title and of the case-folded SKU (never
-- across the U+001F between them). Trigrams cannot index a term shorter than three characters, so those used to
-- scan the table; a term of one or two characters occurs in search_text exactly when it is one of these grams, so
-- `search_grams @> ARRAY[term]` answers such a search from the GIN index with no recheck.
-- ProductReadRow computes the grams (SearchGrams.For); search_grams_of() computes the same from search_text, for
-- this backfill and for the tests that hold the two to each other.
--
-- category_path: the path (root … category) of the product's category, empty without one. A subtree filter is then
-- one GIN look-up (`category_path @> ARRAY[id]`) instead of a join with the categories below the id. The product
-- row write reads it from the categories row in the same statement; a move rewrites it for the moved subtree.

ALTER TABLE products
    ADD COLUMN IF NOT EXISTS search_grams text[] NOT NULL DEFAULT '{}',
    ADD COLUMN IF NOT EXISTS category_path bigint[] NOT NULL DEFAULT '{}';

CREATE OR REPLACE FUNCTION search_grams_of(search_text text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT coalesce(array_agg(DISTINCT gram ORDER BY gram), '{}')
    FROM unnest(string_to_array(search_text, E'\x1f')) AS part,
         generate_series(1, char_length(part)) AS position,
         LATERAL (VALUES (substr(part, position, 1)), (substr(part, position, 2))) AS grams (gram)
$$;

UPDATE products p
SET search_grams = search_grams_of(p.search_text),
    category_path = coalesce((SELECT c.path FROM categories c WHERE c.id = p.category_id), '{}');

CREATE INDEX IF NOT EXISTS products_search_grams ON products USING gin (search_grams);
CREATE INDEX IF NOT EXISTS products_category_path ON products USING gin (category_path);
