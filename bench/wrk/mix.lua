-- The realistic mix: 60% GET product, 25% search, 10% categories (GET by id, list children), 5% writes
-- (PATCH price, occasionally POST a product). Run it with bench/run.sh mix.
local bench = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
bench.use({
  { 60, bench.get_product },
  { 25, bench.search },
  { 10, bench.category },
  { 5, bench.write },
})
