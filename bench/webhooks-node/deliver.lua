-- wrk script: sends the pre-built deliveries of a file written by deliveries.js, each exactly once, then ends wrk.
-- Arguments (after --): FILE THREADS CONNECTIONS_PER_THREAD RATE
--   RATE: requests per second over all threads, paced by delay(); 0 sends as fast as the connections allow.
-- Thread t (0-based) takes lines t, t + THREADS, t + 2 * THREADS, ... and turns them into requests with wrk.format
-- before its first request, so the timed part only hands out strings.
-- A thread is done once each of its connections has asked for a request after the last one (so every response of
-- its slice has arrived); it then stops, and the last thread done sends SIGINT to wrk, which ends the run (and
-- wrk's sleep for -d) and calls done(). -d is only the upper bound of a run that stalls.
-- done() prints one line, "WRK key=value ...": the run's own wall time from the first request handed out to the
-- last response (wrk's duration also counts loading the slices), and wrk's latencies in microseconds. wrk times a
-- request from the moment it is written, so paced latencies are per-request service times.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock_id, bench_timespec *tp);
int getpid(void);
int kill(int pid, int sig);
]]
local CLOCK_MONOTONIC = 1
local SIGINT = 2
local timespec = ffi.new("bench_timespec")

local function now_us()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, timespec)
  return tonumber(timespec.tv_sec) * 1e6 + math.floor(tonumber(timespec.tv_nsec) / 1000)
end

-- Main state: numbers the threads as wrk creates them (thread 0 first) and keeps them for done().
local threads = {}
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

-- Thread state.
local file, thread_count, connections, interval
local requests, count, sent, idle, next_slot, verify_pending
first_us, last_us = 0, 0 -- globals: done() reads them through thread:get

function init(args)
  file = args[1]
  thread_count = tonumber(args[2])
  connections = tonumber(args[3])
  local rate = tonumber(args[4])
  if rate > 0 then
    interval = 1000 * thread_count / rate
  end
  -- wrk calls request() once on thread 0, before the run, to check what the script sends; that one is never sent.
  verify_pending = (tid == 0)
  os.remove(file .. ".done." .. tid)
end

local function load()
  requests = {}
  local line_no = 0
  for line in io.lines(file) do
    if line_no % thread_count == tid then
      local topic, shop, version, hmac, webhook_id, event_id, triggered_at, body =
        line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
      if not body then
        error(file .. ": line " .. (line_no + 1) .. " is not a delivery")
      end
      requests[#requests + 1] = wrk.format("POST", wrk.path, {
        ["Content-Type"] = "application/json",
        ["X-Shopify-Topic"] = topic,
        ["X-Shopify-Shop-Domain"] = shop,
        ["X-Shopify-API-Version"] = version,
        ["X-Shopify-Hmac-Sha256"] = hmac,
        ["X-Shopify-Webhook-Id"] = webhook_id,
        ["X-Shopify-Event-Id"] = event_id,
        ["X-Shopify-Triggered-At"] = triggered_at,
      }, body)
    end
    line_no = line_no + 1
  end
  count = #requests
  sent = 0
  idle = 0
  next_slot = nil -- the pacing schedule starts with the first request after loading
end

function delay()
  if not interval then
    return 0
  end
  if not requests then
    load()
  end
  -- Each call claims the thread's next slot on a fixed schedule; a connection waits for its slot.
  local now = now_us() / 1000
  next_slot = (next_slot or now) + interval
  if next_slot < now - 1000 then
    next_slot = now -- more than a second behind (a stall): resume the schedule from now rather than burst
  end
  local wait = next_slot - now
  return wait > 0 and math.floor(wait) or 0
end

-- Marks this thread done; the last thread done (it sees every thread's mark) ends wrk.
local function finish()
  last_us = now_us()
  io.open(file .. ".done." .. tid, "w"):close()
  for t = 0, thread_count - 1 do
    local mark = io.open(file .. ".done." .. t, "r")
    if not mark then
      return
    end
    mark:close()
  end
  ffi.C.kill(ffi.C.getpid(), SIGINT)
end

function request()
  if verify_pending then
    verify_pending = false
    return wrk.format("POST", wrk.path, { ["Content-Type"] = "application/json" }, "{}")
  end
  if not requests then
    load()
  end
  if sent < count then
    if sent == 0 then
      first_us = now_us()
    end
    sent = sent + 1
    return requests[sent]
  end
  -- Nothing left: this connection's last response is in. It sends nothing more.
  idle = idle + 1
  if idle == connections then
    wrk.thread:stop()
    finish()
  end
  return ""
end

function done(summary, latency, _)
  local first, last = math.huge, 0
  for _, thread in ipairs(threads) do
    local f, l = thread:get("first_us"), thread:get("last_us")
    if f > 0 and f < first then
      first = f
    end
    if l > last then
      last = l
    end
  end
  local wall_us = (last > 0 and first < math.huge) and (last - first) or summary.duration
  local e = summary.errors
  io.write(string.format(
    "WRK requests=%d duration_us=%d wrk_duration_us=%d bytes=%d connect=%d read=%d write=%d status=%d timeout=%d"
      .. " p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d mean_us=%d\n",
    summary.requests, wall_us, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
    latency.max, math.floor(latency.mean)))
end
