-- Catalog schema, version 1.
-- Each table holds its grains' state (one row per grain, with the version that makes writes conditional)
-- and is at the same time the indexed read table that lists and searches use, so a write that answered
-- 2xx is visible to every later read: there is no second copy to fall behind.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE SEQUENCE IF NOT EXISTS category_ids;
CREATE SEQUENCE IF NOT EXISTS product_ids;

CREATE TABLE IF NOT EXISTS categories (
    id          bigint      PRIMARY KEY,
    parent_id   bigint      REFERENCES categories (id),
    name        text        NOT NULL,
    -- Case-folded name (see CaseFold): siblings may not share it.
    name_key    text        NOT NULL,
    -- Ids from the root down to this category itself; its length is the level (a root is level 1).
    path        bigint[]    NOT NULL CHECK (cardinality(path) BETWEEN 1 AND 100 AND path[cardinality(path)] = id),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     bigint      NOT NULL CHECK (version > 0),
    CONSTRAINT categories_sibling_name UNIQUE NULLS NOT DISTINCT (parent_id, name_key)
);

-- Subtree look-ups (search by category, delete, move): every category whose path contains an id.
CREATE INDEX IF NOT EXISTS categories_path ON categories USING gin (path);
CREATE INDEX IF NOT EXISTS categories_parent ON categories (parent_id, id);

CREATE TABLE IF NOT EXISTS products (
    id           bigint        PRIMARY KEY,
    title        text          NOT NULL,
    description  text          NOT NULL,
    image_url    text,
    sku          text          NOT NULL,
    price        numeric(12,2) NOT NULL CHECK (price >= 0),
    category_id  bigint        REFERENCES categories (id),
    -- Case-folded title and SKU joined by U+001F, which no search term can contain, so a match never spans both.
    search_text  text          NOT NULL,
    created_at   timestamptz   NOT NULL,
    updated_at   timestamptz   NOT NULL,
    version      bigint        NOT NULL CHECK (version > 0),
    CONSTRAINT products_sku UNIQUE (sku)
);

-- Substring search in any script: trigram GIN index (the database is created with a UTF-8 ctype so
-- pg_trgm sees Cyrillic and CJK letters as word characters).
CREATE INDEX IF NOT EXISTS products_search_text ON products USING gin (search_text gin_trgm_ops);
CREATE INDEX IF NOT EXISTS products_price ON products (price, id);
CREATE INDEX IF NOT EXISTS products_category ON products (category_id, id);
