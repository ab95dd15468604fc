-- wrk script: POSTs patient_report_sent deliveries, each body unique (run id, thread, counter), signed with the
-- secret given as the first script argument. Prints one JSON line of figures at the end (bench/report.lua).
--   wrk -t2 -c16 -d15s -s bench/deliveries.lua http://127.0.0.1:18090/webhooks/mediquo -- SECRET RUN_ID

dofile("bench/report.lua")

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
