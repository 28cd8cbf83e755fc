-- Search only: title terms in Latin (with diacritics), Cyrillic and CJK, partial SKUs, price ranges,
-- category subtrees, their combinations, offsets and limits. Run it with bench/run.sh search.
local bench = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
bench.use({ { 1, bench.search } })
