-- Orders as read tables (docs/adr/006): the order grain owns the order; these rows are its projection, written with
-- the order's version before a placement or cancel answers. Lines carry the product's title, SKU and price as they
-- were when the order was placed, so an order reads the same after its products change or are deleted.
CREATE SEQUENCE IF NOT EXISTS order_ids;

CREATE TABLE IF NOT EXISTS orders (
    id          bigint        PRIMARY KEY,
    customer_id text          NOT NULL,
    status      text          NOT NULL CHECK (status IN ('placed', 'cancelled')),
    total       numeric(22,2) NOT NULL,
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL,
    version     bigint        NOT NULL CHECK (version > 0)
);

-- A customer's history, newest first: one index range per page.
CREATE INDEX IF NOT EXISTS orders_customer ON orders (customer_id, created_at DESC, id DESC);

CREATE TABLE IF NOT EXISTS order_lines (
    order_id    bigint        NOT NULL,
    line_no     int           NOT NULL,
    product_id  bigint        NOT NULL,
    title       text          NOT NULL,
    sku         text          NOT NULL,
    unit_price  numeric(12,2) NOT NULL,
    quantity    bigint        NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, line_no)
);
