-- Stock on the product read row (docs/adr/006): the product grain owns on_hand and its reservations and projects
-- both here with every write, so product lists and searches show `available` and filter on it without a join.
ALTER TABLE products
    ADD COLUMN IF NOT EXISTS on_hand  bigint NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS reserved bigint NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS available bigint GENERATED ALWAYS AS (on_hand - reserved) STORED;

-- A backstop like the unique constraints: the grain never projects such a row; if one came, it is a bug.
ALTER TABLE products DROP CONSTRAINT IF EXISTS products_stock;
ALTER TABLE products ADD CONSTRAINT products_stock CHECK (reserved >= 0 AND reserved <= on_hand);

-- in_stock=true walks the products with units left in id order; in_stock=false those without.
CREATE INDEX IF NOT EXISTS products_in_stock ON products (id) WHERE available > 0;
CREATE INDEX IF NOT EXISTS products_out_of_stock ON products (id) WHERE available = 0;
