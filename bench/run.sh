#!/usr/bin/env bash
# The receiver's benchmark, on loopback only, bounded in time (about 4 minutes per topology with the defaults):
#   bash bench/run.sh [embedded|postgres ...]        (default: both)
# For each topology it starts the receiver, then for 16 and 64 connections measures side by side:
#   A  accepted path: signed, valid, unique deliveries (202)
#   B  HTTP ceiling: the same requests with a wrong signature (401 at the filter, no database work)
#   C  database ceiling: single-row INSERT commits at the same concurrency (a JDBC loop on H2, pgbench on PostgreSQL)
# plus the notification lag (commit -> published on the queue, p50/p99), startup time and RSS; then it loads
# BENCH_GROWTH_ROWS (default 1,000,000) made-up deliveries with their reports and notifications (bench/grow.sql) and
# measures A again, and the read API's latency for one patient before and after the load. Results go to
# bench/results/<date>-<topology>.json and a Markdown table to standard output. Needs wrk (installed from Debian's
# packages when missing) and, for the postgres topology, PostgreSQL on 127.0.0.1:5432. BENCH_SECONDS (default 15)
# sets each run's length, after a warm-up of BENCH_WARMUP_SECONDS (default 10).
set -euo pipefail
cd "$(dirname "$0")/.."
top="$PWD"
seconds="${BENCH_SECONDS:-15}"
warmup_seconds="${BENCH_WARMUP_SECONDS:-10}"
growth_rows="${BENCH_GROWTH_ROWS:-1000000}"
port=18090
secret=bench-secret
data_key=$(head -c 32 /dev/urandom | base64)
work="$top/bench/work"
mkdir -p "$work" "$top/bench/results"
command -v wrk > /dev/null || { apt-get update -q && apt-get install -y -q wrk; }

mvn -B -q -ntp -DskipTests package
reader_hash=$(API_PASSWORD=bench-reader-password jshell -q server-config/password-hash.jsh 2> /dev/null | tail -1)
reader_credentials=$(printf 'bench-reader:bench-reader-password' | base64)
mvn -B -q -ntp dependency:copy -Dartifact=com.h2database:h2:2.2.224 -DoutputDirectory="$work" -Dmdep.stripVersion=true
server_pid=""

stop_server() {
  [ -n "$server_pid" ] && kill "$server_pid" 2> /dev/null && wait "$server_pid" 2> /dev/null || true
  server_pid=""
}
trap 'stop_server; bash src/test/infra/artemis.sh stop "$work/artemis/instance" > /dev/null 2>&1 || true' EXIT

start_server() { # post-boot file, extra options...
  local post_boot="$1"; shift
  local started; started=$(date +%s%N)
  java -Dmediquo.activemq.rar=target/server/activemq-rar.rar -Dmediquo.webhook.secrets="$secret" "${jvm_options[@]}" \
    -Dmediquo.encryption.keys=bench -Dmediquo.encryption.key.bench="$data_key" \
    -Dmediquo.api.users=bench-reader -Dmediquo.api.user.bench-reader.roles=reports-reader \
    -Dmediquo.api.user.bench-reader.password-hash="$reader_hash" \
    -jar target/server/payara-micro.jar --nocluster --port "$port" --contextroot / "$@" \
    --postbootcommandfile "target/server/$post_boot" --deploy target/mediquo-webhooks.war > "$work/server.log" 2>&1 &
  server_pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/webhooks/mediquo" \
      -H 'Content-Type: application/json' -d '{}')" = 401 ]; do
    kill -0 "$server_pid" 2> /dev/null || { tail -30 "$work/server.log"; exit 1; }
    sleep 0.2
  done
  startup_seconds=$(( ($(date +%s%N) - started) / 1000000 ))
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

measure() { # topology
  local topology="$1" file="$top/bench/results/$(date +%F)-$1.json"
  local runs=()
  seconds="$warmup_seconds" wrk_run 64 "$secret" > /dev/null # the JIT compiles the hot path before anything counts
  for connections in 16 64; do
    local since; since=$(date -u +%FT%T.%3NZ)
    local accepted forged ceiling lag
    accepted=$(wrk_run "$connections" "$secret")
    for _ in $(seq 1 60); do [ "$(backlog)" = 0 ] && break; sleep 1; done
    lag=$(notification_lag "$since")
    forged=$(wrk_run "$connections" forged-secret)
    ceiling=$(database_ceiling "$connections")
    runs+=("{\"connections\":$connections,\"accepted\":$accepted,\"http_ceiling\":$forged,\"database_ceiling\":$ceiling,\"notification_lag\":$lag}")
    echo "$topology c=$connections A=$accepted B=$forged C=$ceiling lag=$lag"
  done
  grow 1 100 "'growth-reader'"
  local read_before read_after load_started load_seconds grown=()
  read_before=$(reads_run growth-reader)
  load_started=$(date +%s)
  grow 101 $((100 + growth_rows)) "'growth-patient-' || MOD(X, 10000)"
  load_seconds=$(( $(date +%s) - load_started ))
  read_after=$(reads_run growth-reader)
  for connections in 16 64; do
    grown+=("{\"connections\":$connections,\"accepted\":$(wrk_run "$connections" "$secret")}")
  done
  echo "$topology growth: read before=$read_before after=$read_after load=${load_seconds}s"
  local growth="{\"rows\":$growth_rows,\"load_seconds\":$load_seconds,\"read_before\":$read_before,\"read_after\":$read_after,\"accepted_after\":[$(IFS=,; echo "${grown[*]}")]}"
  local loaded_rss_mib=$(( $(ps -o rss= -p "$server_pid") / 1024 ))
  (IFS=,; python3 - "$file" "$topology" "$startup_seconds" "$idle_rss_mib" "$loaded_rss_mib" "$seconds" "[${runs[*]}]" "$growth" <<'PY'
import json, os, sys, datetime
file, topology, startup, idle, loaded, seconds, runs, growth = sys.argv[1:]
runs = json.loads(runs)
growth = json.loads(growth)
for run in runs:
    ceiling = min(run["http_ceiling"]["requests_per_second"], run["database_ceiling"]["requests_per_second"])
    run["ratio_accepted_to_min_ceiling"] = round(run["accepted"]["requests_per_second"] / ceiling, 3)
result = {
    "date": datetime.date.today().isoformat(), "topology": topology,
    "machine": {"cores": os.cpu_count(), "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)},
    "command": "bash bench/run.sh " + topology, "seconds_per_run": int(seconds),
    "startup_seconds": float(startup), "idle_rss_mib": int(idle), "rss_after_load_mib": int(loaded), "runs": runs,
    "growth": growth}
json.dump(result, open(file, "w"), indent=2)
print("wrote", file)
for run in runs:
    a, b, c, lag = run["accepted"], run["http_ceiling"], run["database_ceiling"], run["notification_lag"]
    print(f"| {topology} | {run['connections']} | {a['requests_per_second']:.0f} | {a['p50_ms']:.0f} / {a['p99_ms']:.0f} / {a['max_ms']:.0f}"
          f" | {b['requests_per_second']:.0f} | {c['requests_per_second']:.0f} | {run['ratio_accepted_to_min_ceiling']:.2f}"
          f" | {lag['p50_ms']:.0f} / {lag['p99_ms']:.0f} | {float(startup):.1f} s | {idle} / {loaded} MiB |")
for before, after in zip(runs, growth["accepted_after"]):
    print(f"| {topology} after {growth['rows']:,} rows | {after['connections']} | {after['accepted']['requests_per_second']:.0f}"
          f" (empty: {before['accepted']['requests_per_second']:.0f}) | {after['accepted']['p50_ms']:.0f} / {after['accepted']['p99_ms']:.0f}"
          f" / {after['accepted']['max_ms']:.0f} | read p50 {growth['read_after']['p50_ms']:.1f} ms (empty: {growth['read_before']['p50_ms']:.1f}),"
          f" p99 {growth['read_after']['p99_ms']:.1f} ms (empty: {growth['read_before']['p99_ms']:.1f}) |")
PY
  )
}

embedded() {
  rm -rf "$work/embedded"
  jvm_options=(-Dmediquo.data.dir="$work/embedded" -Dmediquo.broker.port=61646)
  start_server post-boot-embedded.asadmin
  sql() { java -cp "$work/h2.jar" org.h2.tools.Shell -url "jdbc:h2:file:$work/embedded/h2/mediquo;AUTO_SERVER=TRUE" -sql "$1" | sed -n 2p | tr -d ' '; }
  backlog() { sql "SELECT COUNT(*) FROM notification WHERE published_at IS NULL" | cut -d'|' -f1; }
  notification_lag() {
    local row; row=$(sql "SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY DATEDIFF('MILLISECOND', created_at, published_at)), PERCENTILE_CONT(0.99) WITHIN GROUP (ORDER BY DATEDIFF('MILLISECOND', created_at, published_at)) FROM notification WHERE created_at >= TIMESTAMP WITH TIME ZONE '$1'")
    echo "{\"p50_ms\":${row%%|*},\"p99_ms\":${row##*|}}"
  }
  series() { echo "SYSTEM_RANGE($1, $2)"; }
  load() { java -cp "$work/h2.jar" org.h2.tools.RunScript -url "jdbc:h2:file:$work/embedded/h2/mediquo;AUTO_SERVER=TRUE" -script "$1"; }
  database_ceiling() { rm -f "$work/h2-ceiling"*; java -cp "$work/h2.jar" bench/H2Ceiling.java "$work/h2-ceiling" "$1" "$seconds"; }
  measure embedded
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
  sql() { psql -h 127.0.0.1 -U postgres -d mediquo_bench -tAc "$1"; }
  sql "CREATE TABLE bench_delivery (id VARCHAR(36) PRIMARY KEY, body VARCHAR NOT NULL, received_at TIMESTAMP WITH TIME ZONE NOT NULL)"
  backlog() { sql "SELECT COUNT(*) FROM notification WHERE published_at IS NULL"; }
  series() { echo "generate_series($1, $2) AS X"; }
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
  stop_server
  bash src/test/infra/artemis.sh stop "$work/artemis/instance"
}

for topology in "${@:-embedded postgres}"; do
  for t in $topology; do "$t"; done
done
