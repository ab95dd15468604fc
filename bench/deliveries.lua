-- wrk script: POSTs patient_report_sent deliveries, each body unique (run id, thread, counter), signed with the
-- secret given as the first script argument. Prints one JSON line of figures at the end.
--   wrk -t2 -c16 -d15s -s bench/deliveries.lua http://127.0.0.1:18090/webhooks/mediquo -- SECRET RUN_ID

local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  secret = args[1]
  run = args[2]
  counter = 0
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"type":"patient_report_sent","occurred_on":%d,"payload":{"type":"soap","content":' ..
    '{"subjective":"bench %s-%d-%d made-up complaint","objective":"made-up vital signs",' ..
    '"assessment":"made-up assessment","plan":"made-up plan"},"patient":{"code":"bench-%d-%d"}}}',
    1704063600 + counter, run, tid, counter, tid, counter % 1000)
  return wrk.format("POST", nil,
    {["Content-Type"] = "application/json", ["x-webhook-signature"] = secret}, body)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.2f,"requests_per_second":%.1f,"p50_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,' ..
    '"non_2xx":%d,"socket_errors":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
