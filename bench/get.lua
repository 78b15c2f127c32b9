-- wrk script: GET /merchants/orders/{id}, round-robin over the order ids in orders.txt (one per line); the merchant
-- is the sandbox's X-Merchant-Id.
local ids = {}
local next_index = 0

function init(args)
  for line in io.lines(os.getenv("BENCH_DIR") .. "/orders.txt") do ids[#ids + 1] = line end
  next_index = math.random(#ids)
  wrk.headers["X-Merchant-Id"] = os.getenv("MERCHANT")
end

function request()
  next_index = next_index % #ids + 1
  return wrk.format("GET", "/merchants/orders/" .. ids[next_index])
end
