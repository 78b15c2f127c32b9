-- wrk script: partial captures of 1.00 SAR, round-robin over authorised orders whose ids are in orders.txt
-- (one per line), with the merchant's API token (API_TOKEN, checked at the bench identity-service). Each wrk
-- thread starts at its own place in the list (LuaJIT's unseeded math.random gave every thread the same start, so
-- both threads captured the same orders at the same moment and measured row-lock queues instead of captures).
local ids = {}
local next_index = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  for line in io.lines(os.getenv("BENCH_DIR") .. "/orders.txt") do ids[#ids + 1] = line end
  next_index = ((thread_number or 1) - 1) * math.floor(#ids / 2)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("API_TOKEN")
end

function request()
  next_index = next_index % #ids + 1
  local body = '{"order_id": "' .. ids[next_index] .. '", "total_amount": {"amount": 1.00, "currency": "SAR"},'
    .. ' "shipping_info": {"shipped_at": "2026-11-20T10:00:00Z", "shipping_company": "SMSA"}}'
  return wrk.format(nil, "/payments/capture", nil, body)
end
