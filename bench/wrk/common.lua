-- Shared by mix.lua, search.lua and get.lua (wrk 4, LuaJIT). Every request aims at data that exists: ids,
-- search terms and category ids come from the manifest bench/DataGen wrote (BENCH_DATASET, default
-- bench/out/dataset.lua). BENCH_PRODUCT_IDS / BENCH_CATEGORY_IDS ("first-last") override its id ranges.
-- Each worker thread counts non-2xx answers by status; done() adds them up and prints one RESULT line.

local bench = {}

local dataset = dofile(os.getenv("BENCH_DATASET") or "bench/out/dataset.lua")

local function override_range(variable, range)
  local value = os.getenv(variable)
  if value then
    local first, last = value:match("^(%d+)%-(%d+)$")
    assert(first, variable .. " must look like 1-100000")
    range.first, range.last = tonumber(first), tonumber(last)
  end
end
override_range("BENCH_PRODUCT_IDS", dataset.products)
override_range("BENCH_CATEGORY_IDS", dataset.categories)
bench.dataset = dataset

local random = math.random

local function pick(list) return list[random(#list)] end

local function between(range) return random(range.first, range.last) end

-- Picks one entry of { {weight, value}, ... } by weight.
local function weighted(choices)
  local total = 0
  for _, choice in ipairs(choices) do total = total + choice[1] end
  local roll = random() * total
  for _, choice in ipairs(choices) do
    roll = roll - choice[1]
    if roll < 0 then return choice[2] end
  end
  return choices[#choices][2]
end
bench.weighted = weighted

-- Per-thread counters (each wrk thread runs its own Lua state).
sent = {}
non2xx = 0
statuses = {}

local function count(kind) sent[kind] = (sent[kind] or 0) + 1 end

local json_headers = { ["Content-Type"] = "application/json" }

-- Requests ------------------------------------------------------------------------------------------------

function bench.get_product()
  count("get_product")
  return wrk.format("GET", "/api/v1/products/" .. between(dataset.products))
end

local function log_uniform(low, high) return math.exp(math.log(low) + random() * (math.log(high) - math.log(low))) end

local function price_text(value) return string.format("%.2f", value) end

-- Shoppers in Chinese, Japanese and Korean type whole words of one or two characters: a quarter of the terms.
local function text_term()
  local group = weighted({ { 30, "latin" }, { 15, "cyrillic" }, { 10, "cjk" }, { 15, "korean" }, { 25, "short" }, { 5, "miss" } })
  return pick(dataset.terms[group])
end

-- Part of a SKU (CCC-0012345-XY): the id's digits, a prefix of them (a range of ids), or its tail.
local function sku_term()
  local digits = string.format("%0" .. dataset.sku_digits .. "d", between(dataset.products))
  return weighted({
    { 40, digits },
    { 30, digits:sub(1, dataset.sku_digits - 2) },
    { 30, digits:sub(-4) },
  })
end

-- Prices are log-uniform, so the catalog's median is the geometric mean of the bounds (~100 here). A shopper's
-- "under 150" or "over 60" matches 40-60% of the catalog; narrower ranges are the rest.
local median_price = math.sqrt(dataset.price.min * dataset.price.max)

local function price_range()
  local kind = random(5)
  if kind <= 2 then
    local bound = median_price * (0.6 + random() * 0.9)
    if kind == 1 then return "max_price=" .. price_text(bound) end
    return "min_price=" .. price_text(bound)
  end
  local low = log_uniform(dataset.price.min, dataset.price.max)
  if kind == 3 then return "min_price=" .. price_text(low) end
  if kind == 4 then return "max_price=" .. price_text(low) end
  return "min_price=" .. price_text(low) .. "&max_price=" .. price_text(low * (1.05 + random() * 2))
end

-- Half of the subtree filters are a whole root tree (what a shop's top menu links to).
local function category_filter()
  local id = weighted({
    { 50, pick(dataset.bushy_roots) },
    { 10, between(dataset.deep_chain) },
    { 40, between(dataset.categories) },
  })
  return "category_id=" .. id
end

local search_shapes = {
  { 24, function() return { "q=" .. text_term() } end },
  { 8, function() return { "q=" .. sku_term() } end },
  { 12, function() return { price_range() } end },
  { 12, function() return { category_filter() } end },
  { 12, function() return { "q=" .. text_term(), price_range() } end },
  { 12, function() return { "q=" .. text_term(), category_filter() } end },
  { 10, function() return { category_filter(), price_range() } end },
  { 10, function() return { "q=" .. text_term(), category_filter(), price_range() } end },
}

-- Paging as shoppers do it: mostly the first pages, some deep (page 50-250 of 20).
local function paging(parts)
  local roll = random()
  if roll < 0.2 then
    parts[#parts + 1] = "offset=" .. (20 * random(1, 25))
  elseif roll < 0.25 then
    parts[#parts + 1] = "offset=" .. (20 * random(50, 250))
  end
  if random() < 0.2 then parts[#parts + 1] = "limit=" .. pick({ 10, 50, 100 }) end
end

function bench.search()
  count("search")
  local parts = weighted(search_shapes)()
  paging(parts)
  return wrk.format("GET", "/api/v1/products/search?" .. table.concat(parts, "&"))
end

function bench.category()
  local roll = random()
  if roll < 0.5 then
    count("get_category")
    return wrk.format("GET", "/api/v1/categories/" .. between(dataset.categories))
  elseif roll < 0.95 then
    count("list_children")
    return wrk.format("GET", "/api/v1/categories?parent_id=" .. pick(dataset.parents))
  end
  count("list_roots")
  return wrk.format("GET", "/api/v1/categories?parent_id=null")
end

-- Writes never conflict: PATCH changes only the price (no If-Match, so no 412), and every POST carries a
-- SKU no one else uses: run tag (BENCH_RUN_TAG, set per run by run.sh), thread number and a counter.
local created = 0
local new_titles = { "Bench Kühlschrank Ström", "Тестовый чайник Байкал", "测试耳机 星光", "Crème brûlée Zöllner" }

function bench.write()
  if random() < 0.9 then
    count("patch_price")
    local body = string.format('{"price":"%s"}', price_text(log_uniform(dataset.price.min, dataset.price.max)))
    return wrk.format("PATCH", "/api/v1/products/" .. between(dataset.products), json_headers, body)
  end
  count("post_product")
  created = created + 1
  local category = "null"
  if random() < 0.8 then category = tostring(between(dataset.categories)) end
  local body = string.format(
    '{"title":"%s %d","description":"Created by bench/wrk.","sku":"BENCH-%s-%d-%d","price":"%s","category_id":%s}',
    pick(new_titles), created, run_tag, thread_number, created,
    price_text(log_uniform(dataset.price.min, dataset.price.max)), category)
  return wrk.format("POST", "/api/v1/products", json_headers, body)
end

-- Sets the global request() to a weighted mix of the request makers above.
function bench.use(mix)
  request = function() return weighted(mix)() end
end

-- wrk hooks -----------------------------------------------------------------------------------------------

local threads = {}
local run_tag_value = (os.getenv("BENCH_RUN_TAG") or tostring(os.time())):gsub("[^%w]", "")

function setup(thread)
  thread:set("thread_number", #threads + 1)
  thread:set("run_tag", run_tag_value)
  threads[#threads + 1] = thread
end

function init(args)
  math.randomseed(os.time() * 1000 + thread_number * 7919)
  for _ = 1, 10 do random() end
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local total_non2xx, by_status, by_kind = 0, {}, {}
  for _, thread in ipairs(threads) do
    total_non2xx = total_non2xx + (thread:get("non2xx") or 0)
    for status, n in pairs(thread:get("statuses") or {}) do by_status[status] = (by_status[status] or 0) + n end
    for kind, n in pairs(thread:get("sent") or {}) do by_kind[kind] = (by_kind[kind] or 0) + n end
  end
  local function ms(us) return us / 1000 end
  local e = summary.errors
  print("------------------------------------------------------------")
  print(string.format("requests      %d in %.1f s = %.1f req/s", summary.requests, seconds, summary.requests / seconds))
  print(string.format("latency ms    p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  (mean %.2f)",
    ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)),
    ms(latency:percentile(99.9)), ms(latency.max), ms(latency.mean)))
  local codes = {}
  for status, n in pairs(by_status) do codes[#codes + 1] = status .. "x" .. n end
  table.sort(codes)
  print(string.format("non-2xx       %d %s", total_non2xx, #codes > 0 and ("(" .. table.concat(codes, " ") .. ")") or ""))
  print(string.format("socket errors connect %d, read %d, write %d, timeout %d", e.connect, e.read, e.write, e.timeout))
  local kinds = {}
  for kind, n in pairs(by_kind) do kinds[#kinds + 1] = string.format("%s %.1f%%", kind, 100 * n / math.max(1, summary.requests)) end
  table.sort(kinds)
  print("sent          " .. table.concat(kinds, ", "))
  print(string.format("RESULT rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d requests=%d",
    summary.requests / seconds, ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)),
    ms(latency.max), total_non2xx, e.connect + e.read + e.write + e.timeout, summary.requests))
end

return bench
