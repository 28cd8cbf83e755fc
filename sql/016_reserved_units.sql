-- The units live reservations hold across the catalog, kept instead of summed. The live-reservations gauge
-- (catalog.reservations.live) read `sum(reserved)` over every product row every 15 s in every process: a sequential
-- scan of the table, 3.3-4.1 s and ~144,000 pages at 1M products (docs/PERFORMANCE.md, issue #13). An index on
-- `reserved` would end the in-place (HOT) stock updates of sql/013, so the sum is kept instead.
--
-- reserved_units holds, per stripe (product id % 16, as the other kept counts), the sum of `reserved` over the
-- product rows of that stripe; the gauge sums 16 rows. Row triggers keep it in the transaction of every statement
-- that changes product rows; an update fires only when `reserved` changed (the WHEN clause), so a price, title,
-- category or on-hand change costs nothing here. A row touches one stripe, and this trigger's name sorts after the
-- other kept counts' (PostgreSQL fires same-event triggers in name order), so two single-product writes lock the
-- counter rows they share in the same order.

-- Writers wait while the table and its backfill are made; reads go on.
LOCK TABLE products IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE IF NOT EXISTS reserved_units (
    stripe smallint PRIMARY KEY CHECK (stripe BETWEEN 0 AND 15),
    units  bigint   NOT NULL
);

CREATE OR REPLACE FUNCTION reserved_units_follow() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    change bigint := CASE TG_OP WHEN 'INSERT' THEN NEW.reserved WHEN 'DELETE' THEN -OLD.reserved ELSE NEW.reserved - OLD.reserved END;
BEGIN
    IF change <> 0 THEN
        INSERT INTO reserved_units AS r (stripe, units)
        VALUES ((CASE TG_OP WHEN 'DELETE' THEN OLD.id ELSE NEW.id END % 16)::smallint, change)
        ON CONFLICT (stripe) DO UPDATE SET units = r.units + EXCLUDED.units;
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS reserved_units_insert_or_delete ON products;
DROP TRIGGER IF EXISTS reserved_units_update ON products;
CREATE TRIGGER reserved_units_insert_or_delete AFTER INSERT OR DELETE ON products
    FOR EACH ROW EXECUTE FUNCTION reserved_units_follow();
CREATE TRIGGER reserved_units_update AFTER UPDATE ON products
    FOR EACH ROW
    WHEN (OLD.reserved IS DISTINCT FROM NEW.reserved)
    EXECUTE FUNCTION reserved_units_follow();

-- What the rows say now; the audit compares the table with this, and the rebuild rewrites the table from it.
CREATE OR REPLACE VIEW reserved_units_expected AS
    SELECT (p.id % 16)::smallint AS stripe, sum(p.reserved)::bigint AS units
    FROM products p
    WHERE p.reserved > 0
    GROUP BY 1;

DELETE FROM reserved_units;
INSERT INTO reserved_units (stripe, units)
SELECT stripe, units FROM reserved_units_expected;
