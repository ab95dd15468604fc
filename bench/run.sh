#!/usr/bin/env bash
# The receiver's benchmark, on loopback only, bounded in time (about 8 minutes per topology with the defaults):
#   bash bench/run.sh [embedded|postgres ...]        (default: both)
# For each topology it starts the receiver, then for 16 and 64 connections measures side by side:
#   A  accepted path: signed, valid, unique deliveries (202)
#   B  HTTP ceiling: the same requests with a wrong signature (401 at the filter, no database work)
#   C  database ceiling: single-row INSERT commits at the same concurrency (a JDBC loop on H2, pgbench on PostgreSQL)
# plus the notification lag (commit -> published on the queue, p50/p99), startup time and RSS; then it loads
# BENCH_GROWTH_ROWS (default 1,000,000) made-up deliveries with their reports and notifications (bench/grow.sql) and
# measures A again, and the read API's latency for one patient before and after the load. Results go to
# bench/results/<run>-<topology>.json and a Markdown table to standard output. Needs wrk (installed from Debian's
# packages when missing) and, for the postgres topology, PostgreSQL on 127.0.0.1:5432. BENCH_SECONDS (default 15)
# sets each run's length, after a warm-up of BENCH_WARMUP_SECONDS (default 120: on 2 cores the C2 compiler still took a
# third of the process's CPU in a run after 2 minutes of load, so a shorter warm-up measures the JIT, not the server).
# Then an open-loop phase (bench/OpenLoop.java): deliveries at a fixed rate, half the lower A of the run, with the
# acknowledgement's latency counted from when each request was due and the notification lag at that steady rate,
# over 64 keep-alive connections (a request due while all 64 wait goes out late and counts from when it was due),
# after 5 s at that rate which do not count (the client's own JVM starting up fell behind).
# BENCH_SOAK_SECONDS (default 0: off) holds that rate as long: errors, outbox backlog, RSS and the heap after a full
# GC after the first minute and at the end. C is measured after these latency phases, so that its load on the database
# does not land in them. Then a JFR profile of A at 64 connections (CPU by library, method and receiver frame, monitor
# waits; bench/hot-frames.py). Last, gnuplot draws bench/results/<run>-chart.png from the results files of that run.
# <run> is BENCH_NAME, by default the date the run starts on (fixed then: a run that passes midnight keeps it).
# The server runs with the JVM options of the README's run command (the pom's run.jvm.* ones), and logs its collector's
# pauses, which each latency phase reports (count, mean, longest, share of the phase's time).
set -euo pipefail
cd "$(dirname "$0")/.."
top="$PWD"
seconds="${BENCH_SECONDS:-15}"
warmup_seconds="${BENCH_WARMUP_SECONDS:-120}"
growth_rows="${BENCH_GROWTH_ROWS:-1000000}"
soak_seconds="${BENCH_SOAK_SECONDS:-0}"
run_name="${BENCH_NAME:-$(date +%F)}"
open_loop_warmup_seconds=5
open_loop_connections=64
port=18090
secret=bench-secret
data_key=$(head -c 32 /dev/urandom | base64)
digest_key=$(head -c 32 /dev/urandom | base64)
audit_key=$(head -c 32 /dev/urandom | base64)
work="$top/bench/work"
mkdir -p "$work" "$top/bench/results"
command -v wrk > /dev/null && command -v gnuplot > /dev/null ||
  { apt-get update -q && apt-get install -y -q wrk gnuplot-nox; }

mvn -B -q -ntp -DskipTests package
pom_property() { mvn -B -q -ntp help:evaluate -Dexpression="$1" -DforceStdout | sed 's/\x1b\[[0-9;]*m//g'; }
run_jvm_options=("$(pom_property run.jvm.heap)" "$(pom_property run.jvm.gc)" "$(pom_property run.jvm.buffers)")
reader_hash=$(API_PASSWORD=bench-reader-password jshell -q server-config/password-hash.jsh 2> /dev/null | tail -1)
reader_credentials=$(printf 'bench-reader:bench-reader-password' | base64)
mvn -B -q -ntp dependency:copy -Dartifact=com.h2database:h2:2.2.224 -DoutputDirectory="$work" -Dmdep.stripVersion=true
mvn -B -q -ntp dependency:copy -Dartifact=jakarta.jms:jakarta.jms-api:3.1.0 -DoutputDirectory="$work" -Dmdep.stripVersion=true
(cd "$work" && unzip -o -q "$top/target/server/activemq-rar.rar" 'activemq-client-*.jar' 'hawtbuf-*.jar' 'slf4j-api-*.jar')
server_pid=""
drain_pid=""

stop_server() {
  [ -n "$server_pid" ] && kill "$server_pid" 2> /dev/null && wait "$server_pid" 2> /dev/null || true
  server_pid=""
}
start_queue_drain() { # broker URL [user password]: the estate's consumer of the notifications
  java -cp "$(echo "$work"/{activemq-client,hawtbuf,slf4j-api}-*.jar "$work/jakarta.jms-api.jar" | tr ' ' :)" \
    bench/QueueDrain.java "$@" > "$work/queue-drain.log" 2>&1 &
  drain_pid=$!
}

stop_queue_drain() {
  [ -n "$drain_pid" ] && kill "$drain_pid" 2> /dev/null && wait "$drain_pid" 2> /dev/null || true
  drain_pid=""
}
trap 'stop_server; stop_queue_drain; bash src/test/infra/artemis.sh stop "$work/artemis/instance" > /dev/null 2>&1 || true' EXIT

start_server() { # post-boot file, extra options...
  local post_boot="$1"; shift
  server_started=$(date +%s%N)
  java "${run_jvm_options[@]}" -Xlog:gc:file="$work/gc.log":utctime,uptime -Dmediquo.activemq.rar=target/server/activemq-rar.rar -Dmediquo.webhook.secrets="$secret" \
    "${jvm_options[@]}" \
    -Dmediquo.encryption.keys=bench -Dmediquo.encryption.key.bench="$data_key" \
    -Dmediquo.digest.keys=bench -Dmediquo.digest.key.bench="$digest_key" \
    -Dmediquo.audit.keys=bench -Dmediquo.audit.key.bench="$audit_key" \
    -Dmediquo.api.users=bench-reader -Dmediquo.api.user.bench-reader.roles=reports-reader \
    -Dmediquo.api.user.bench-reader.password-hash="$reader_hash" \
    -jar target/server/payara-micro.jar --nocluster --port "$port" --contextroot / "$@" \
    --postbootcommandfile "target/server/$post_boot" --deploy target/mediquo-webhooks.war > "$work/server.log" 2>&1 &
  server_pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/webhooks/mediquo" \
      -H 'Content-Type: application/json' -d '{}')" = 401 ]; do
    if ! kill -0 "$server_pid" 2> /dev/null || [ $(( $(date +%s%N) - server_started )) -gt 180000000000 ]; then
      grep -m 3 SEVERE "$work/server.log" || tail -30 "$work/server.log"; exit 1
    fi
    sleep 0.2
  done
  startup_seconds=$(( ($(date +%s%N) - server_started) / 1000000 ))
  startup_seconds=$(printf '%d.%03d' $((startup_seconds / 1000)) $((startup_seconds % 1000)))
  sleep 5
  idle_rss_mib=$(( $(ps -o rss= -p "$server_pid") / 1024 ))
}

reads_run() { # patient code
  wrk -t2 -c16 -d"${seconds}s" --timeout 10s -s bench/reads.lua "http://127.0.0.1:$port/api/patients/$1/reports" \
    -- "$reader_credentials" | tail -1
}

grow() { # first row, last row, patient code expression of X
  sed -e "s/\${SERIES}/$(series "$1" "$2")/" -e "s/\${PATIENT}/$3/" bench/grow.sql > "$work/grow.sql"
  load "$work/grow.sql"
}

wrk_run() { # connections, secret
  wrk -t2 -c"$1" -d"${seconds}s" --timeout 10s -s bench/deliveries.lua "http://127.0.0.1:$port/webhooks/mediquo" \
    -- "$2" "$(date +%s%N)" | tail -1
}

open_loop() { # rate per second, seconds
  java bench/OpenLoop.java "http://127.0.0.1:$port/webhooks/mediquo" "$secret" "$1" "$2" "$(date +%s%N)" \
    "$open_loop_warmup_seconds" "$open_loop_connections"
}

gc_pauses() { # seconds: the collector's pauses in the last that many seconds, the full GCs jcmd asks for aside
  python3 - "$work/gc.log" "$(( ($(date +%s%N) - server_started) / 1000000 ))" "$1" <<'PY'
import json, re, sys
log, uptime_ms, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
pauses = {"Young": [], "Full": []}
for line in open(log):
    match = re.search(r"\[([0-9.]+)s\] GC\(\d+\) Pause (Young|Full) \((.*?)\) \d+M->.* ([0-9.]+)ms$", line.strip())
    if match and match[3] not in ("System.gc()", "Diagnostic Command") and uptime_ms - seconds * 1000 <= float(match[1]) * 1000 <= uptime_ms:
        pauses[match[2]].append(float(match[4]))
young, full = pauses["Young"], pauses["Full"]
print(json.dumps({"young": len(young), "young_mean_ms": round(sum(young) / max(len(young), 1), 1),
                  "young_max_ms": max(young, default=0), "full": len(full), "full_max_ms": max(full, default=0),
                  "share_of_time_percent": round((sum(young) + sum(full)) / (seconds * 10), 2)}))
PY
}

profile() { # a JFR profile of A at 64 connections
  jcmd "$server_pid" JFR.start name=bench settings=profile > /dev/null
  wrk_run 64 "$secret" > /dev/null
  jcmd "$server_pid" JFR.stop name=bench filename="$work/profile.jfr" > /dev/null
  jfr print --json --events jdk.ExecutionSample,jdk.JavaMonitorEnter --stack-depth 64 "$work/profile.jfr" |
    python3 bench/hot-frames.py 8 --json
}

wait_for_empty_outbox() { # prints the seconds it took
  local waited=0
  while [ "$(backlog)" != 0 ] && [ "$waited" -lt 120 ]; do sleep 1; waited=$((waited + 1)); done
  echo "$waited"
}

heap_after_full_gc_mib() { # the live heap: jcmd forces a full collection, jstat sums survivors, eden and old
  jcmd "$server_pid" GC.run > /dev/null
  jstat -gc "$server_pid" | awk 'NR == 1 { for (i = 1; i <= NF; i++) column[$i] = i }
    NR == 2 { printf "%d", ($column["S0U"] + $column["S1U"] + $column["EU"] + $column["OU"]) / 1024 }'
}

backlog_gauge() { # the receiver's own gauge: no database client to start (a JVM for H2's) while the load runs
  curl -s "http://127.0.0.1:$port/metrics" | awk '/^mediquo_outbox_backlog[ {]/ { print int($NF) }'
}

rss_mib() { echo $(( $(ps -o rss= -p "$server_pid") / 1024 )); }

store_mib() { echo $(( $(store_bytes) / 1048576 )); } # the database on disk

soak() { # rate: holds it for soak_seconds; samples the backlog and RSS every 10 s
  local rate="$1" samples=() first_minute="" since; since=$(date -u +%FT%T.%3NZ)
  open_loop "$rate" "$soak_seconds" > "$work/soak.json" &
  local generator=$! elapsed=0
  while kill -0 "$generator" 2> /dev/null; do
    sleep 10; elapsed=$((elapsed + 10))
    samples+=("{\"second\":$elapsed,\"backlog\":$(backlog_gauge),\"rss_mib\":$(rss_mib),\"store_mib\":$(store_mib)}")
    if [ -z "$first_minute" ] && [ "$elapsed" -ge 60 ]; then
      first_minute="{\"rss_mib\":$(rss_mib),\"heap_after_full_gc_mib\":$(heap_after_full_gc_mib),\"store_mib\":$(store_mib)}"
    fi
  done
  wait "$generator"
  local pauses; pauses=$(gc_pauses "$soak_seconds")
  local drained; drained=$(wait_for_empty_outbox)
  local end="{\"rss_mib\":$(rss_mib),\"heap_after_full_gc_mib\":$(heap_after_full_gc_mib),\"store_mib\":$(store_mib)}"
  echo "{\"seconds\":$soak_seconds,\"started_at\":\"$since\",\"load\":$(cat "$work/soak.json"),\"notification_lag\":$(notification_lag "$since"),\"gc_pauses\":$pauses,\"backlog_at_end\":$(backlog),\"seconds_to_empty_outbox\":$drained,\"after_first_minute\":${first_minute:-null},\"at_end\":$end,\"samples\":[$(IFS=,; echo "${samples[*]}")]}"
}

measure() { # topology
  local topology="$1" file="$top/bench/results/$run_name-$1.json"
  local runs=() counts=(16 64)
  seconds="$warmup_seconds" wrk_run 64 "$secret" > /dev/null # the JIT compiles the hot path before anything counts
  for connections in "${counts[@]}"; do
    local since; since=$(date -u +%FT%T.%3NZ)
    local accepted forged lag
    accepted=$(wrk_run "$connections" "$secret")
    wait_for_empty_outbox > /dev/null
    lag=$(notification_lag "$since")
    forged=$(wrk_run "$connections" forged-secret)
    runs+=("{\"connections\":$connections,\"accepted\":$accepted,\"http_ceiling\":$forged,\"notification_lag\":$lag}")
    echo "$topology c=$connections A=$accepted B=$forged lag=$lag"
  done
  # Half the lower A: a steady rate keeps few requests in flight, so few share a commit, as at 16 connections.
  local rate; rate=$(python3 -c "import json, sys; print(round(min(json.loads(r)['accepted']['requests_per_second'] for r in sys.argv[1:]) / 2))" "${runs[@]}")
  local since; since=$(date -u +%FT%T.%3NZ)
  local open; open=$(open_loop "$rate" "$seconds")
  local pauses; pauses=$(gc_pauses "$seconds")
  wait_for_empty_outbox > /dev/null
  open="{\"load\":$open,\"notification_lag\":$(notification_lag "$since"),\"gc_pauses\":$pauses}"
  echo "$topology open loop at $rate/s: $open"
  local soaked=null
  if [ "$soak_seconds" -gt 0 ]; then
    soaked=$(soak "$rate")
    echo "$topology soak: $soaked"
  fi
  # The database ceiling after the latency phases, so that its load (pgbench's 100,000 rows, which PostgreSQL then
  # vacuums and checkpoints) does not land in them.
  local i
  for i in "${!counts[@]}"; do
    local ceiling; ceiling=$(database_ceiling "${counts[$i]}")
    runs[$i]="${runs[$i]%\}},\"database_ceiling\":$ceiling}"
    echo "$topology c=${counts[$i]} C=$ceiling"
  done
  local profiled; profiled=$(profile)
  echo "$topology profile: $profiled"
  grow 1 100 "'growth-reader'"
  local read_before read_after load_started load_seconds grown=()
  reads_run growth-reader > /dev/null # the read path is compiled before it counts, as the accepted path is by the warm-up
  read_before=$(reads_run growth-reader)
  load_started=$(date +%s)
  grow 101 $((100 + growth_rows)) "'growth-patient-' || MOD(X, 10000)"
  load_seconds=$(( $(date +%s) - load_started ))
  read_after=$(reads_run growth-reader)
  for connections in "${counts[@]}"; do
    grown+=("{\"connections\":$connections,\"accepted\":$(wrk_run "$connections" "$secret")}")
  done
  echo "$topology growth: read before=$read_before after=$read_after load=${load_seconds}s"
  local growth="{\"rows\":$growth_rows,\"load_seconds\":$load_seconds,\"read_before\":$read_before,\"read_after\":$read_after,\"store_mib_at_end\":$(store_mib),\"accepted_after\":[$(IFS=,; echo "${grown[*]}")]}"
  local loaded_rss_mib; loaded_rss_mib=$(rss_mib)
  (IFS=,; python3 - "$file" "$topology" "$startup_seconds" "$idle_rss_mib" "$loaded_rss_mib" "$seconds" "[${runs[*]}]" "$growth" "$open" "$soaked" "$profiled" "${run_jvm_options[*]}" <<'PY'
import json, os, sys, datetime
file, topology, startup, idle, loaded, seconds, runs, growth, open_loop, soak, profile, jvm = sys.argv[1:]
runs = json.loads(runs)
growth = json.loads(growth)
open_loop = json.loads(open_loop)
soak = json.loads(soak)
profile = json.loads(profile)
for run in runs:
    ceiling = min(run["http_ceiling"]["requests_per_second"], run["database_ceiling"]["requests_per_second"])
    run["ratio_accepted_to_min_ceiling"] = round(run["accepted"]["requests_per_second"] / ceiling, 3)
result = {
    "date": datetime.date.today().isoformat(), "topology": topology,
    "machine": {"cores": os.cpu_count(), "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)},
    "command": "bash bench/run.sh " + topology, "seconds_per_run": int(seconds), "jvm_options": jvm.replace(",", " "),
    "startup_seconds": float(startup), "idle_rss_mib": int(idle), "rss_after_load_mib": int(loaded), "runs": runs,
    "open_loop": open_loop, "soak": soak, "profile_accepted_64": profile, "growth": growth}
json.dump(result, open(file, "w"), indent=2)
print("wrote", file)
for run in runs:
    a, b, c, lag = run["accepted"], run["http_ceiling"], run["database_ceiling"], run["notification_lag"]
    print(f"| {topology} | {run['connections']} | {a['requests_per_second']:.0f} | {a['p50_ms']:.0f} / {a['p99_ms']:.0f} / {a['max_ms']:.0f}"
          f" | {b['requests_per_second']:.0f} | {c['requests_per_second']:.0f} | {run['ratio_accepted_to_min_ceiling']:.2f}"
          f" | {lag['p50_ms']:.0f} / {lag['p99_ms']:.0f} | {float(startup):.1f} s | {idle} / {loaded} MiB |")
o = open_loop["load"]
print(f"| {topology} open loop | {o['offered_per_second']:.0f}/s offered, {o['requests_per_second']:.0f}/s answered"
      f" | {o['p50_ms']:.1f} / {o['p90_ms']:.1f} / {o['p99_ms']:.1f} / {o['max_ms']:.1f}"
      f" | errors {o['non_2xx'] + o['socket_errors']} | lag p50 / p99 {open_loop['notification_lag']['p50_ms']} / {open_loop['notification_lag']['p99_ms']} |")
def worst_seconds(load):
    seconds = sorted(enumerate(load["p99_ms_per_second"]), key=lambda second: -second[1])[:5]
    return ", ".join(f"{second} s: {p99:,.0f} ms" for second, p99 in seconds)
def pauses(gc):
    return (f"{gc['young']} young GCs, mean {gc['young_mean_ms']} ms, longest {gc['young_max_ms']} ms; {gc['full']} full;"
            f" {gc['share_of_time_percent']} % of the time paused")
print(f"| {topology} open loop | collector: {pauses(open_loop['gc_pauses'])} | worst seconds' p99: {worst_seconds(o)} |")
if soak:
    first, end, load = soak["after_first_minute"] or soak["at_end"], soak["at_end"], soak["load"]  # a soak < 1 min
    print(f"| {topology} soak {soak['seconds']} s | {load['offered_per_second']:.0f}/s | p99 {load['p99_ms']:.1f} ms"
          f" | errors {load['non_2xx'] + load['socket_errors']} | backlog max {max(s['backlog'] for s in soak['samples'])},"
          f" at end {soak['backlog_at_end']} | RSS {first['rss_mib']} → {end['rss_mib']} MiB, heap after full GC"
          f" {first['heap_after_full_gc_mib']} → {end['heap_after_full_gc_mib']} MiB, database on disk {first['store_mib']} → {end['store_mib']} MiB |")
    print(f"| {topology} soak | collector: {pauses(soak['gc_pauses'])} | worst seconds' p99: {worst_seconds(load)} |")
print(f"| {topology} profile of A at 64 | CPU by library: "
      + ", ".join(f"{name} {share} %" for name, share in profile["cpu_self_by_library"])
      + " | monitor waits: " + ", ".join(f"{name} {ms} ms" for name, ms in profile["monitor_wait_ms"][:3]) + " |")
for before, after in zip(runs, growth["accepted_after"]):
    print(f"| {topology} after {growth['rows']:,} rows | {after['connections']} | {after['accepted']['requests_per_second']:.0f}"
          f" (empty: {before['accepted']['requests_per_second']:.0f}) | {after['accepted']['p50_ms']:.0f} / {after['accepted']['p99_ms']:.0f}"
          f" / {after['accepted']['max_ms']:.0f} | read p50 {growth['read_after']['p50_ms']:.1f} ms (empty: {growth['read_before']['p50_ms']:.1f}),"
          f" p99 {growth['read_after']['p99_ms']:.1f} ms (empty: {growth['read_before']['p99_ms']:.1f}) |")
print(f"| {topology} database on disk at the end | {growth['store_mib_at_end']:,} MiB |")
PY
  )
}

embedded() {
  rm -rf "$work/embedded"
  jvm_options=(-Dmediquo.data.dir="$work/embedded" -Dmediquo.broker.port=61646)
  start_server post-boot-embedded.asadmin
  start_queue_drain tcp://127.0.0.1:61646
  sql() { java -cp "$work/h2.jar" org.h2.tools.Shell -url "jdbc:h2:file:$work/embedded/h2/mediquo;AUTO_SERVER=TRUE" -sql "$1" | sed -n 2p | tr -d ' '; }
  backlog() { sql "SELECT COUNT(*) FROM notification WHERE published_at IS NULL" | cut -d'|' -f1; }
  notification_lag() {
    local row; row=$(sql "SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY DATEDIFF('MILLISECOND', created_at, published_at)), PERCENTILE_CONT(0.99) WITHIN GROUP (ORDER BY DATEDIFF('MILLISECOND', created_at, published_at)) FROM notification WHERE created_at >= TIMESTAMP WITH TIME ZONE '$1'")
    echo "{\"p50_ms\":${row%%|*},\"p99_ms\":${row##*|}}"
  }
  series() { echo "SYSTEM_RANGE($1, $2)"; }
  store_bytes() { stat -c %s "$work/embedded/h2/mediquo.mv.db"; }
  load() { java -cp "$work/h2.jar" org.h2.tools.RunScript -url "jdbc:h2:file:$work/embedded/h2/mediquo;AUTO_SERVER=TRUE" -script "$1"; }
  database_ceiling() { rm -f "$work/h2-ceiling"*; java -cp "$work/h2.jar" bench/H2Ceiling.java "$work/h2-ceiling" "$1" "$seconds"; }
  measure embedded
  stop_queue_drain
  stop_server
}

postgres() {
  bash src/test/infra/postgres.sh mediquo_bench
  mvn -B -q -ntp dependency:copy -Dartifact=org.apache.activemq:apache-artemis:2.40.0:tar.gz:bin -DoutputDirectory="$work"
  rm -rf "$work/artemis" && mkdir -p "$work/artemis" && tar xzf "$work/apache-artemis-2.40.0-bin.tar.gz" -C "$work/artemis"
  ARTEMIS_HOME="$work/artemis/apache-artemis-2.40.0" ARTEMIS_PORT=61656 ARTEMIS_USER=bench ARTEMIS_PASSWORD=bench-broker \
    bash src/test/infra/artemis.sh start "$work/artemis/instance"
  export MEDIQUO_DB_HOST=127.0.0.1 MEDIQUO_DB_PORT=5432 MEDIQUO_DB_NAME=mediquo_bench MEDIQUO_DB_USER=postgres \
    MEDIQUO_DB_PASSWORD=unused-with-trust-auth MEDIQUO_BROKER_URL='tcp\://127.0.0.1\:61656' MEDIQUO_BROKER_USER=bench \
    MEDIQUO_BROKER_PASSWORD=bench-broker
  jvm_options=()
  start_server post-boot-production.asadmin --addlibs target/server/postgresql.jar
  start_queue_drain tcp://127.0.0.1:61656 bench bench-broker
  sql() { psql -h 127.0.0.1 -U postgres -d mediquo_bench -tAc "$1"; }
  sql "CREATE TABLE bench_delivery (id VARCHAR(36) PRIMARY KEY, body VARCHAR NOT NULL, received_at TIMESTAMP WITH TIME ZONE NOT NULL)"
  backlog() { sql "SELECT COUNT(*) FROM notification WHERE published_at IS NULL"; }
  series() { echo "generate_series($1, $2) AS X"; }
  store_bytes() { sql "SELECT pg_database_size(current_database())"; }
  load() { psql -h 127.0.0.1 -U postgres -d mediquo_bench -q -v ON_ERROR_STOP=1 -f "$1" -c ANALYZE; }
  notification_lag() {
    local row; row=$(sql "SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at) * 1000)::numeric, 1), round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at) * 1000)::numeric, 1) FROM notification WHERE created_at >= '$1'")
    echo "{\"p50_ms\":${row%%|*},\"p99_ms\":${row##*|}}"
  }
  database_ceiling() {
    (cd "$work" && rm -f pgbench_log.* && pgbench -h 127.0.0.1 -U postgres -n -c "$1" -j 2 -T "$seconds" -l \
      -f "$top/bench/pg-insert.sql" mediquo_bench > pgbench.out 2>&1 && python3 - <<'PY'
import glob, re
latencies = sorted(int(line.split()[2]) for name in glob.glob("pgbench_log.*") for line in open(name))
out = open("pgbench.out").read()
tps = float(re.search(r"tps = ([0-9.]+)", out).group(1))
n = len(latencies)
print('{"requests":%d,"requests_per_second":%.1f,"p50_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,"non_2xx":0,"socket_errors":0}'
      % (n, tps, latencies[n // 2] / 1000, latencies[int(n * 0.99)] / 1000, latencies[-1] / 1000))
PY
    )
  }
  measure postgres
  stop_queue_drain
  stop_server
  bash src/test/infra/artemis.sh stop "$work/artemis/instance"
}

for topology in "${@:-embedded postgres}"; do
  for t in $topology; do "$t"; done
done
python3 bench/chart.py "bench/results/$run_name-chart.png" bench/results/"$run_name"-{embedded,postgres}.json
