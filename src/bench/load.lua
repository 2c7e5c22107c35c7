-- wrk script for src/bench/load.sh: round-robin over the paths in $LOAD_PATHS (one a line),
-- counting 5xx answers per thread and reporting their sum.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(os.getenv("LOAD_PATHS")) do
    if line ~= "" then table.insert(paths, line) end
  end
  index = math.random(#paths)
  server_errors = 0
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end

function response(status, headers, body)
  if status >= 500 then
    server_errors = server_errors + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("server_errors")
  end
  io.write(string.format("5xx responses: %d\n", total))
end
