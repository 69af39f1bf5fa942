-- One shop's cost bucket, updated atomically. Clocked by Redis (TIME) so every JVM sees the same restore.
-- KEYS[1]  the bucket's hash: a = available points (may be negative: reserved debt), t = last update (ms),
--          m = bucket size, r = restore rate (points per second)
-- ARGV     op ('reserve' | 'settle' | 'peek'), points (cost to reserve, or refund), initial size, initial rate,
--          then for 'settle' optionally Shopify's currentlyAvailable, maximumAvailable, restoreRate
-- Returns  { available (string, keeps the fraction), wait in ms before the reserved call may be sent }
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local s = redis.call('HMGET', KEYS[1], 'a', 't', 'm', 'r')
local max = tonumber(s[3]) or tonumber(ARGV[3])
local rate = tonumber(s[4]) or tonumber(ARGV[4])
local available = tonumber(s[1]) or max
local last = tonumber(s[2]) or now
available = math.min(max, available + math.max(0, now - last) * rate / 1000)

local wait = 0
local op = ARGV[1]
if op == 'reserve' then
  available = available - tonumber(ARGV[2])
  if available < 0 then
    wait = math.ceil(-available * 1000 / rate)
  end
elseif op == 'settle' then
  available = math.min(max, available + tonumber(ARGV[2]))
  if ARGV[5] then
    max = tonumber(ARGV[6])
    rate = tonumber(ARGV[7])
    available = math.min(available, tonumber(ARGV[5]))
  end
end

redis.call('HSET', KEYS[1], 'a', tostring(available), 't', now, 'm', tostring(max), 'r', tostring(rate))
-- An idle shop's bucket is full again long before this; the key only saves memory.
redis.call('PEXPIRE', KEYS[1], 3600000)
return { tostring(available), wait }
