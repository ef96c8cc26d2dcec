-- wrk script of bench/load.sh: one line per response, classified, timed with clock_gettime.
--
-- Run wrk with as many threads as connections (-t N -c N), so that each thread has ONE connection and
-- request() / response() strictly alternate per thread: the time taken in request() is then the start
-- of the very request whose answer response() sees.
--
-- Settings come from the environment (wrk passes no options to a script's threads):
--   REC_OUT      prefix of the per-thread files (REC_OUT.<thread id>), one line per response:
--                  <wall ms> <outcome> <status> <latency us>
--                outcome: number | planned | other | error (no answer: the connection broke or was
--                reset and wrk reconnected; status 0; the latency is the time until that was noticed)
--   REC_SUMMARY  file for wrk's totals (key=value lines), written by done()
--   REC_KIND     rng (GET, plain-text number) | json (GET /api/number) | page (POST /, HTML page)
--   REC_THINK_MS a user's pause between an answer and its next request (default 0: none)
--
-- Classification (must match what bench/load/analyze.py expects):
--   number   status 200 and the body carries a number: rng: only digits; json: {"number":N};
--            page: "Here it is: N"
--   planned  the service's planned answer: the body says "RNG service unavailable" with status 503
--            (json), or with status 200/503 (page: the page shows the message)
--   other    anything else (any other status, a 503 without the message, a 200 without a number)

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_load_timespec;
int clock_gettime(int clk_id, bench_load_timespec *tp);
]]
local CLOCK_REALTIME = 0
local ts = ffi.new("bench_load_timespec")

local function now_us()
    ffi.C.clock_gettime(CLOCK_REALTIME, ts)
    return tonumber(ts.tv_sec) * 1000000 + math.floor(tonumber(ts.tv_nsec) / 1000)
end

-- main thread: number the threads and keep them for done()
local threads = {}
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("id", counter)
    table.insert(threads, thread)
end

-- per thread (each thread has its own Lua state; these globals are per thread)
local out, kind, req
pending = 0    -- start (us) of the request in flight, 0 if none; read by done() via thread:get
answered = 0
lost = 0

function init(args)
    local prefix = os.getenv("REC_OUT") or "/tmp/record"
    out = assert(io.open(string.format("%s.%d", prefix, id), "w"))
    out:setvbuf("full", 65536)
    kind = os.getenv("REC_KIND") or "json"
    if kind == "page" then
        req = wrk.format("POST", "/", { ["Content-Type"] = "application/x-www-form-urlencoded",
                                        ["Accept"] = "text/html" }, "")
    elseif kind == "json" then
        req = wrk.format("GET", nil, { ["Accept"] = "application/json" })
    else
        req = wrk.format("GET", nil)
    end
end

local think_ms = tonumber(os.getenv("REC_THINK_MS") or "0")
if think_ms > 0 then
    function delay()
        return think_ms
    end
end

function request()
    local t = now_us()
    if pending > 0 then
        -- the previous request got no answer: wrk reconnected after a socket error
        out:write(string.format("%d error 0 %d\n", math.floor(t / 1000), t - pending))
        lost = lost + 1
    end
    pending = t
    return req
end

local function classify(status, body)
    body = body or ""
    if status == 200 then
        if kind == "rng" then
            if body:match("^%s*%-?%d+%s*$") then return "number" end
        elseif kind == "json" then
            if body:match('^%s*{%s*"number"%s*:%s*%-?%d+%s*}%s*$') then return "number" end
        else
            if body:find("Here it is: %-?%d") then return "number" end
            if body:find("RNG service unavailable", 1, true) then return "planned" end
        end
        return "other"
    end
    if status == 503 and body:find("RNG service unavailable", 1, true) then
        return "planned"
    end
    return "other"
end

function response(status, headers, body)
    local t = now_us()
    local lat = pending > 0 and (t - pending) or 0
    pending = 0
    answered = answered + 1
    out:write(string.format("%d %s %d %d\n", math.floor(t / 1000), classify(status, body), status, lat))
    if answered % 256 == 0 then out:flush() end
end

function done(summary, latency, requests)
    local f = assert(io.open(os.getenv("REC_SUMMARY") or "/tmp/record.summary", "w"))
    local now = now_us()
    f:write(string.format("end_us=%d\n", now))
    f:write(string.format("duration_us=%d\n", summary.duration))
    f:write(string.format("requests=%d\n", summary.requests))
    f:write(string.format("bytes=%d\n", summary.bytes))
    f:write(string.format("errors_connect=%d\n", summary.errors.connect))
    f:write(string.format("errors_read=%d\n", summary.errors.read))
    f:write(string.format("errors_write=%d\n", summary.errors.write))
    f:write(string.format("errors_status=%d\n", summary.errors.status))
    f:write(string.format("errors_timeout=%d\n", summary.errors.timeout))
    for _, p in ipairs({ 50, 90, 99, 99.9 }) do
        f:write(string.format("wrk_latency_p%s_us=%d\n", tostring(p), latency:percentile(p)))
    end
    f:write(string.format("wrk_latency_max_us=%d\n", latency.max))
    -- requests still waiting for an answer when wrk stopped: one line per thread that had one
    for _, thread in ipairs(threads) do
        local p = thread:get("pending")
        if p and p > 0 then
            f:write(string.format("pending_us=%d\n", p))
        end
    end
    f:close()
end
