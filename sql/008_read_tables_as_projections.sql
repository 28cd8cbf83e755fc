-- The product and category tables stop being grain storage: grain state now lives in OrleansStorage, and these
-- tables are its projection, written by the grains before they answer (docs/adr/004). The rules they used to
-- enforce inside the writing transaction are the grains' now. The unique constraints stay, as a backstop.
--
-- Foreign keys go: projections of one change arrive row by row (a subtree delete removes categories one grain at a
-- time, a product may be projected just before the delete that unlinks it), so an intermediate order may briefly
-- violate them, and the grains, not the read table, decide what exists.
ALTER TABLE products DROP CONSTRAINT IF EXISTS products_category_id_fkey;
ALTER TABLE categories DROP CONSTRAINT IF EXISTS categories_parent_id_fkey;

-- Orleans' membership table replaces the home-made one.
DROP TABLE IF EXISTS cluster_members;
DROP SEQUENCE IF EXISTS silo_generations;
