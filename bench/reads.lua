-- wrk script: GETs one patient's reports (first page) through the read API as a reports-reader.
--   wrk -t2 -c16 -d15s -s bench/reads.lua http://127.0.0.1:18090/api/patients/CODE/reports -- BASE64_CREDENTIALS
dofile("bench/report.lua")

function init(args)
  wrk.headers["Authorization"] = "Basic " .. args[1]
end
