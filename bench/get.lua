-- wrk script: GET /merchants/orders/{id}, round-robin over the order ids in orders.txt (one per line); the merchant
-- calls with its API token (API_TOKEN, checked at the bench identity-service).
local ids = {}
local next_index = 0

function init(args)
  for line in io.lines(os.getenv("BENCH_DIR") .. "/orders.txt") do ids[#ids + 1] = line end
  next_index = math.random(#ids)
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("API_TOKEN")
end

function request()
  next_index = next_index % #ids + 1
  return wrk.format("GET", "/merchants/orders/" .. ids[next_index])
end
