-- POST a new contact with a unique e-mail (so the dedupe check runs and passes) on every request.
-- args: <account ids file> <run label>. Prints one BENCH-JSON line when done.
local accounts = {}
local counter = 1
local sent = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then accounts[#accounts + 1] = line end
  end
  label = args[2]
  math.randomseed(tid or 0)
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  sent = sent + 1
  local body = string.format(
    '{"accountId":%s,"firstName":"Wrk","lastName":"Load%d","email":"wrk.%s.%d.%d@bench.example","title":"Buyer"}',
    accounts[math.random(#accounts)], sent % 1000, label, tid or 0, sent)
  return wrk.format("POST", "/api/customers/contacts", nil, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH-JSON {"requests":%d,"durationUs":%d,"errors":%d,"non2xx":%d,"p50Us":%d,"p95Us":%d,"p99Us":%d,"maxUs":%d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
