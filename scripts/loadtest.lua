-- wrk script: POST the text in $HYPECHECK_LOAD_TEXT to /api/v1/check as JSON.
-- Used by scripts/loadtest.sh; loopback only.
local path = os.getenv("HYPECHECK_LOAD_TEXT")
assert(path, "set HYPECHECK_LOAD_TEXT to the text file to post")
local f = assert(io.open(path, "rb"))
local text = f:read("*a")
f:close()

local escapes = { ['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }
local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return escapes[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"text": ' .. json_string(text) .. ', "lang": "en"}'

local statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("body: %d bytes of JSON (%d bytes of text)\n", #wrk.body, #text))
  io.write(string.format("requests: %d in %.1f s = %.1f req/s\n", summary.requests,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
  io.write(string.format("errors: connect %d, read %d, write %d, timeout %d, status %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    summary.errors.status))
end
