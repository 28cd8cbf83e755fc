-- Searches count matches with index-only scans (price ranges) and bitmap scans, which skip the heap only for
-- pages the visibility map marks all-visible. With the default thresholds a 100k-product table is vacuumed
-- after ~20,000 updated rows, so under steady price updates many pages stay unmarked and every count visits
-- them. Vacuuming after 1% of the rows changed (or were inserted) keeps the map fresh at a small cost.
ALTER TABLE products SET (
    autovacuum_vacuum_scale_factor = 0.01,
    autovacuum_vacuum_insert_scale_factor = 0.01,
    autovacuum_analyze_scale_factor = 0.02
);
