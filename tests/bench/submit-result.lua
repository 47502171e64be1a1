-- wrk script for GET /submit-result: every request asks for a submit ID picked at random from a
-- list of real IDs (one a line, written by switchyard-bench-prefill, spread over the whole queue),
-- with the key in the X-Api-Key header.
--
--   wrk -t2 -c64 -d20s --latency -s submit-result.lua https://127.0.0.1:PORT -- IDS_FILE SECRET
--
-- done() prints one JSON line (latencies in microseconds) for run-benchmarks.sh.

local ids = {}
local secret = ""
local threads = 0

-- Runs in the main state: gives each thread its own random seed.
function setup(thread)
    threads = threads + 1
    thread:set("seed", threads)
end

function init(args)
    for line in io.lines(args[1]) do
        if #line > 0 then
            ids[#ids + 1] = line
        end
    end
    secret = args[2]
    math.randomseed(os.time() * 1000 + (seed or 0))
end

function request()
    local id = ids[math.random(#ids)]
    return wrk.format("GET", "/submit-result?submitID=" .. id, { ["X-Api-Key"] = secret })
end

function done(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local errors = summary.errors
    io.write(string.format(
        '{"requests": %d, "seconds": %.3f, "requestsPerSecond": %.1f, "p50Us": %d, "p90Us": %d, ' ..
        '"p99Us": %d, "maxUs": %d, "meanUs": %.1f, "errors": {"connect": %d, "read": %d, "write": %d, ' ..
        '"status": %d, "timeout": %d}}\n',
        summary.requests, seconds, summary.requests / seconds, latency:percentile(50),
        latency:percentile(90), latency:percentile(99), latency.max, latency.mean, errors.connect,
        errors.read, errors.write, errors.status, errors.timeout))
end
