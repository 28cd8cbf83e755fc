-- Stock moves with every reservation, so an order rewrites its products' rows several times. When no index covers
-- a changed column, PostgreSQL updates a row in place on its page (a HOT update) and touches no index; until now
-- every such update inserted fresh entries into every index of products — the trigram and short-gram GIN indexes
-- (about a hundred entries per row) included — because `available` appeared in the predicates of the two in_stock
-- partial indexes. Without them a stock update (ProductReadRow's stock-only path) changes only unindexed columns.
-- in_stock filters read `available` from the rows the other conditions select (or walk the primary key);
-- docs/PERFORMANCE.md compares both.
DROP INDEX IF EXISTS products_in_stock;
DROP INDEX IF EXISTS products_out_of_stock;

-- Room on each page for the new row versions of HOT updates; existing pages get it as they are rewritten.
ALTER TABLE products SET (fillfactor = 85);
