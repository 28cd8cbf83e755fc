-- GET product by a random existing id only. Run it with bench/run.sh get.
local bench = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
bench.use({ { 1, bench.get_product } })
