#!/usr/bin/env bash
# The production test suite's external broker: Apache ActiveMQ Artemis, on loopback only, OpenWire with a login.
#   artemis.sh start INSTANCE   creates the broker instance if it does not exist yet, starts it, waits until it is live
#   artemis.sh stop INSTANCE    stops the broker by its own PID and waits until it is gone
# Creating an instance needs ARTEMIS_HOME (the unpacked distribution), ARTEMIS_PORT, ARTEMIS_USER, ARTEMIS_PASSWORD.
set -euo pipefail
command="${1:?usage: artemis.sh start|stop INSTANCE}"
instance="${2:?usage: artemis.sh start|stop INSTANCE}"
pid_file="$instance/broker.pid"
log_file="$instance/log/console.out"

create() {
  "$ARTEMIS_HOME/bin/artemis" create "$instance" --silent \
    --user "$ARTEMIS_USER" --password "$ARTEMIS_PASSWORD" --require-login \
    --host 127.0.0.1 --default-port "$ARTEMIS_PORT" --name mediquo-it \
    --no-web --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
    --nio --java-memory 256M --queues mediquo.patient-reports:anycast > /dev/null
  # The profile keeps -Xms512M, above the -Xmx it sets: the JVM would refuse to start.
  sed -i -E 's/-Xms[0-9]+[MmGg]/-Xms64M/' "$instance/etc/artemis.profile"
  sed -i -E 's/protocols=[A-Z,]+/protocols=CORE,OPENWIRE/' "$instance/etc/broker.xml"
}

running() {
  [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2> /dev/null
}

start() {
  [ -x "$instance/bin/artemis" ] || create
  if running; then return 0; fi
  mkdir -p "$instance/log"
  : > "$log_file"
  # JAVA_ARGS from the environment would replace the profile's JVM options; bin/artemis execs java, so $! is its PID.
  env -u JAVA_ARGS nohup "$instance/bin/artemis" run >> "$log_file" 2>&1 < /dev/null &
  echo $! > "$pid_file"
  for _ in $(seq 1 300); do
    running || { tail -20 "$log_file"; echo "Artemis died while starting" >&2; return 1; }
    grep -q 'AMQ221007' "$log_file" && { echo "Artemis $(cat "$pid_file") is live"; return 0; }
    sleep 0.2
  done
  echo "Artemis did not become live within 60 s" >&2
  return 1
}

stop() {
  running || { rm -f "$pid_file"; return 0; }
  local pid
  pid="$(cat "$pid_file")"
  kill "$pid"
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2> /dev/null || { rm -f "$pid_file"; echo "Artemis $pid stopped"; return 0; }
    sleep 0.1
  done
  kill -9 "$pid"
  rm -f "$pid_file"
}

case "$command" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: artemis.sh start|stop INSTANCE" >&2; exit 2 ;;
esac
