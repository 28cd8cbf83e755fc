-- Activates every product grain: each wrk thread walks all product ids of the manifest in order, starting at
-- its own point, and wraps around. Run it before measuring warm GETs or memory with all grains active:
--   bench/run.sh warm 8 30s
local bench = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
local products = bench.dataset.products
local span = products.last - products.first + 1
local walked = -1

bench.use({ { 1, function()
  walked = walked + 1
  local offset = ((thread_number - 1) * math.floor(span / 2) + walked) % span
  return wrk.format("GET", "/api/v1/products/" .. (products.first + offset))
end } })
