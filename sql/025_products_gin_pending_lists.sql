-- Every write of a product row that is not HOT (a new product, a price or text change, a move; not the stock updates of
-- sql/013) adds its short grams (about sixty) to products_root_search_grams and its path to products_category_path.
-- New entries wait in each index's pending list until a write finds the list over gin_pending_list_limit (4 MB by
-- default: 512 pages) or a vacuum moves them into the index, and every search that reads the index reads its whole
-- pending list. After four 20 s rounds of the bench's mix the grams' list held 479 pages: a short term cost more, and
-- the planner, pricing that list in, walked the primary key instead of the matches' bitmaps (12 of the 149 queries of
-- bench/short-terms.sh over 10 ms against 1 before the writes; docs/PERFORMANCE.md). 64 kB keeps each list to 8 pages,
-- as product_texts' index has since sql/024; the write that fills one moves its entries in.

-- What is waiting goes in first, while searches and writes go on.
SELECT gin_clean_pending_list('products_root_search_grams'::regclass), gin_clean_pending_list('products_category_path'::regclass);

-- Last: each takes its index's exclusive lock, which products' searches and writes then wait for until the commit.
ALTER INDEX products_root_search_grams SET (gin_pending_list_limit = 64);
ALTER INDEX products_category_path SET (gin_pending_list_limit = 64);
