"""Draws the benchmark's chart with gnuplot from its results files: requests per second of A, B and C per topology
and connection count, and the open-loop phase's acknowledgement latency and notification lag.
    python3 bench/chart.py OUT.png RESULTS.json...    (files that do not exist are left out)"""
import json
import os
import subprocess
import sys

out, files = sys.argv[1], [name for name in sys.argv[2:] if os.path.exists(name)]
results = [json.load(open(name)) for name in files]
if not results:
    sys.exit("no results files to draw")

rates = "\n".join(
    f'"{r["topology"]} {run["connections"]}" {run["accepted"]["requests_per_second"]}'
    f' {run["http_ceiling"]["requests_per_second"]} {run["database_ceiling"]["requests_per_second"]}'
    for r in results for run in r["runs"])
latencies = "\n".join(
    f'"{r["topology"]} at {r["open_loop"]["load"]["offered_per_second"]:.0f}/s" {r["open_loop"]["load"]["p50_ms"]}'
    f' {r["open_loop"]["load"]["p90_ms"]} {r["open_loop"]["load"]["p99_ms"]}'
    f' {r["open_loop"]["notification_lag"]["p50_ms"]} {r["open_loop"]["notification_lag"]["p99_ms"]}'
    for r in results)
script = f"""
set terminal pngcairo size 1200,480 font ",10"
set output "{out}"
set multiplot layout 1,2 title "mediquo-webhooks, bench/run.sh, {results[0]['date']}, {results[0]['machine']['cores']} cores"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set logscale y
set grid ytics
set key top left
$rates << EOD
{rates}
EOD
$latencies << EOD
{latencies}
EOD
set title "closed loop (wrk): requests per second by connections"
set ylabel "req/s (log)"
plot $rates using 2:xtic(1) title "A accepted", '' using 3 title "B 401 ceiling", '' using 4 title "C commit ceiling"
set title "open loop at half of A: milliseconds (dashed: the goals, ack p99 25, lag p99 100)"
set ylabel "ms (log)"
set arrow 1 from graph 0, first 25 to graph 1, first 25 nohead dashtype 2 linewidth 1.5
set arrow 2 from graph 0, first 100 to graph 1, first 100 nohead dashtype 2 linewidth 1.5
plot $latencies using 2:xtic(1) title "ack p50", '' using 3 title "ack p90", '' using 4 title "ack p99", \\
     '' using 5 title "lag p50", '' using 6 title "lag p99"
unset multiplot
"""
subprocess.run(["gnuplot"], input=script, text=True, check=True)
print("wrote", out)
