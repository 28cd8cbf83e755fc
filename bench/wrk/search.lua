-- Search only, as hard as shoppers make it: title terms in Latin (with diacritics), Cyrillic, CJK and Korean (a
-- quarter of them one or two characters), partial SKUs, price ranges matching up to half the catalog, root
-- subtrees, their combinations, deep offsets and limits. Run it with bench/run.sh search.
local bench = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
bench.use({ { 1, bench.search } })
