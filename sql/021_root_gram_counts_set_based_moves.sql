-- A move's re-projection (ProductCategoryPaths) changes category_root on every product of the moved tree in one
-- transaction. The row trigger of sql/019 moved each product's ~60 root gram counters one product at a time, so a
-- counter that the tree's products share was updated once per product, each time a new row version that the next
-- update had to step over while the transaction stayed open: re-projecting a root tree of 9,252 products took 253 s
-- on the bench machine (3.3 s without the trigger). The re-projection now moves the counters of all the rows it
-- re-projects in one set-based upsert, one update per counter in key order, and sets a transaction-local setting so
-- that the row trigger leaves those rows to it. Every other write is counted by the trigger as before.
CREATE OR REPLACE FUNCTION root_gram_counts_follow() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF current_setting('commerce.root_gram_counts_by_statement', true) = 'on' THEN
        RETURN NULL;
    END IF;

    INSERT INTO root_gram_counts AS c (category_root, gram, stripe, products)
    SELECT d.category_root, d.gram, d.stripe, sum(d.products)
    FROM (SELECT OLD.category_root, g AS gram, (OLD.id % 4)::smallint AS stripe, -1 AS products
          FROM unnest(OLD.search_grams) AS g
          WHERE TG_OP <> 'INSERT' AND OLD.category_root IS NOT NULL
          UNION ALL
          SELECT NEW.category_root, g, (NEW.id % 4)::smallint, 1
          FROM unnest(NEW.search_grams) AS g
          WHERE TG_OP <> 'DELETE' AND NEW.category_root IS NOT NULL) d
    GROUP BY d.category_root, d.gram, d.stripe
    HAVING sum(d.products) <> 0
    ORDER BY d.category_root, d.gram, d.stripe
    ON CONFLICT (category_root, gram, stripe) DO UPDATE SET products = c.products + EXCLUDED.products;
    RETURN NULL;
END
$$;
