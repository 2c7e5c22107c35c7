-- wrk script for the search row of src/bench/run.sh: a different query on every request, so no
-- answer comes from the page cache (each target is new: `&r=` carries the thread and a counter).
-- Queries cycle through what readers type, over the words src/bench/generate.py writes (common
-- ones match nearly every essay, the worst case: every match is scored and counted): one word,
-- two words, an "exact phrase", a prefix*, a word in one tag, and page 2 of one word.

local words = {"index", "queue", "lock", "tenant", "invariant", "transaction", "commit", "snapshot",
  "replica", "latency", "throughput", "partition", "vacuum", "row", "column", "schema", "migration",
  "rollback", "retry", "backoff", "idempotent", "consumer", "producer", "offset", "cursor", "batch",
  "worker", "lease", "deadline", "budget", "shard", "primary", "follower", "quorum", "checksum",
  "journal", "segment", "compaction", "bloom", "filter", "cache", "eviction", "the", "of", "when",
  "system", "service", "request", "response", "client", "server", "table", "query", "plan", "cost"}
local tags = {"postgresql", "queues", "java", "caching", "indexes", "replication", "search", "storage"}
local counter = 0
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("id", thread_count)
end

local function word()
  return words[math.random(#words)]
end

function request()
  counter = counter + 1
  local q
  local form = counter % 6
  if form == 0 then
    q = word()
  elseif form == 1 then
    q = word() .. "+" .. word()
  elseif form == 2 then
    q = "%22" .. word() .. "+" .. word() .. "%22"
  elseif form == 3 then
    q = string.sub(word(), 1, 3) .. "*"
  elseif form == 4 then
    q = word() .. "+tag%3A" .. tags[math.random(#tags)]
  else
    q = word() .. "&page=2"
  end
  return wrk.format("GET", "/search?q=" .. q .. "&r=" .. (id or 0) .. "-" .. counter) -- id: set by setup()
end
