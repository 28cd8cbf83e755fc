-- Orders under contention (issue #11 item 5): orders of 1-3 lines (distinct products, quantity 1-2) over a skewed
-- popularity — 80% of the lines on the 20 hottest products (the first 20 ids of the manifest), the rest uniform
-- over the catalog — and ~5% of requests a stock top-up (+50, reason "restock") on a hot product so stock keeps
-- flowing. 201 = placed, 409 = not enough stock (expected here, counted apart, not an error); any other non-2xx is.
-- Same paths as the service, so it drives bench/OrdersBaseline too. Stock must exist first (bench/orders.sh seeds it).
--   bench/run.sh orders 64 20s
-- done() also writes the counts to BENCH_ORDERS_RESULT (bench/out/orders-last.txt) for bench/orders-check.sh.
local bench = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")
local products = bench.dataset.products
local random = math.random
local HOT = 20
local json_headers = { ["Content-Type"] = "application/json" }

local function product()
  if random() < 0.8 then return products.first + random(0, HOT - 1) end
  return random(products.first, products.last)
end

local placed_ordinal = 0

local function order()
  sent.order = (sent.order or 0) + 1
  local lines, seen = {}, {}
  local n = random(1, 3)
  while #lines < n do
    local id = product()
    if not seen[id] then
      seen[id] = true
      lines[#lines + 1] = string.format('{"product_id":%d,"quantity":%d}', id, random(1, 2))
    end
  end
  placed_ordinal = placed_ordinal + 1
  local body = string.format('{"customer_id":"bench-%s-%d-%d","items":[%s]}',
    run_tag, thread_number, placed_ordinal % 1000, table.concat(lines, ","))
  return wrk.format("POST", "/api/v1/orders", json_headers, body)
end

local function top_up()
  sent.top_up = (sent.top_up or 0) + 1
  return wrk.format("POST", "/api/v1/products/" .. (products.first + random(0, HOT - 1)) .. "/stock-adjustments",
    json_headers, '{"delta":50,"reason":"restock"}')
end

bench.use({ { 95, order }, { 5, top_up } })

-- Per-thread counters.
created, conflicts, adjusted, other = 0, 0, 0, 0

function response(status, headers, body)
  if status == 201 then created = created + 1
  elseif status == 409 then conflicts = conflicts + 1
  elseif status == 200 then adjusted = adjusted + 1
  else
    other = other + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

local threads = {}
local base_setup = setup
function setup(thread)
  base_setup(thread)
  threads[#threads + 1] = thread
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local t = { created = 0, conflicts = 0, adjusted = 0, other = 0 }
  local by_status = {}
  for _, thread in ipairs(threads) do
    for key in pairs(t) do t[key] = t[key] + (thread:get(key) or 0) end
    for status, n in pairs(thread:get("statuses") or {}) do by_status[status] = (by_status[status] or 0) + n end
  end
  local function ms(us) return us / 1000 end
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  local codes = {}
  for status, n in pairs(by_status) do codes[#codes + 1] = status .. "x" .. n end
  print("------------------------------------------------------------")
  print(string.format("requests      %d in %.1f s = %.1f req/s (orders and top-ups; latency below is over both)",
    summary.requests, seconds, summary.requests / seconds))
  print(string.format("orders        %d placed (201) = %.1f orders/s, %d refused for stock (409), %.1f%% refused",
    t.created, t.created / seconds, t.conflicts, 100 * t.conflicts / math.max(1, t.created + t.conflicts)))
  print(string.format("top-ups       %d (200), +50 each", t.adjusted))
  print(string.format("latency ms    p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  (mean %.2f)",
    ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)),
    ms(latency:percentile(99.9)), ms(latency.max), ms(latency.mean)))
  print(string.format("other non-2xx %d %s", t.other, #codes > 0 and ("(" .. table.concat(codes, " ") .. ")") or ""))
  print(string.format("socket errors connect %d, read %d, write %d, timeout %d", e.connect, e.read, e.write, e.timeout))
  print(string.format("RESULT rps=%.1f orders_per_s=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d requests=%d created=%d conflicts=%d topups=%d",
    summary.requests / seconds, t.created / seconds, ms(latency:percentile(50)), ms(latency:percentile(90)),
    ms(latency:percentile(99)), ms(latency.max), t.other, socket_errors, summary.requests, t.created, t.conflicts, t.adjusted))
  local file = io.open(os.getenv("BENCH_ORDERS_RESULT") or "bench/out/orders-last.txt", "w")
  if file then
    file:write(string.format("created=%d\nconflicts=%d\ntopups=%d\ntopup_units=%d\nother=%d\nsocket_errors=%d\n",
      t.created, t.conflicts, t.adjusted, 50 * t.adjusted, t.other, socket_errors))
    file:close()
  end
end
