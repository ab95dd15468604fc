#!/usr/bin/env bash
# The receiver on WildFly 38 (standalone-full.xml), on its embedded defaults (H2 under ./data, the server's own Artemis
# broker with its journal beside it), configured the way an operator does it: jboss-cli scripts, settings as system
# properties that MicroProfile Config reads, the secret and keys encrypted with the server's credential store. Builds
# the WAR; the first time, unpacks WildFly from Maven Central into target/wildfly and configures it (install.sh, the
# API users, then encrypted-properties.sh with the development secret and keys); starts the
# server in the background and deploys the WAR at http://localhost:8080/. Health and metrics are on the management
# interface, http://localhost:9990/. Stop the server with
#   target/wildfly/bin/jboss-cli.sh --connect :shutdown
# Settings: MEDIQUO_DATA_DIR (./data), MEDIQUO_HTTP_PORT (8080), MEDIQUO_MANAGEMENT_PORT (9990).
set -euo pipefail
cd "$(dirname "$0")/../.."
source server-config/run-functions.sh

data_dir="$(realpath -m "${MEDIQUO_DATA_DIR:-data}")"
http_port="${MEDIQUO_HTTP_PORT:-8080}"
management_port="${MEDIQUO_MANAGEMENT_PORT:-9990}"
server=target/wildfly

cli() {
  "$server/bin/jboss-cli.sh" --connect --controller="127.0.0.1:$management_port" "$@"
}

# System properties: where the data lives, and the development API users.
development_settings() {
  printf '/system-property=mediquo.data.dir:add(value="%s")\n' "$data_dir"
  printf '/system-property=mediquo.encryption.keys:add(value=dev)\n'
  printf '/system-property=mediquo.digest.keys:add(value=dev)\n'
  printf '/system-property=mediquo.audit.keys:add(value=dev)\n'
  content_of server-config/development.properties | while IFS='=' read -r name value; do
    printf '/system-property=%s:add(value="%s")\n' "$name" "$value"
  done
}

# The development secret and keys, for encrypted-properties.sh: kept encrypted with the server's credential store.
development_secrets() {
  printf 'mediquo.webhook.secrets=%s\n' "$(pom_property mediquo.dev.secret)"
  printf 'mediquo.encryption.key.dev=%s\n' "$(pom_property mediquo.dev.encryption-key)"
  printf 'mediquo.digest.key.dev=%s\n' "$(pom_property mediquo.dev.digest-key)"
  printf 'mediquo.audit.key.dev=%s\n' "$(pom_property mediquo.dev.audit-key)"
}

mvn -B -q -ntp -DskipTests package
if [ ! -x "$server/bin/standalone.sh" ]; then
  settings="$(mktemp --suffix=.cli)"
  development_settings > "$settings"
  server-config/wildfly/install.sh "$server" "$settings"
  rm -f "$settings"
  development_secrets | server-config/wildfly/encrypted-properties.sh "$server"
fi

if ! cli --command=':read-attribute(name=server-state)' > /dev/null 2>&1; then
  mkdir -p "$server/standalone/log"
  nohup "$server/bin/standalone.sh" -c standalone-full.xml -Djboss.http.port="$http_port" \
    -Djboss.management.http.port="$management_port" > "$server/standalone/log/console.log" 2>&1 &
  for _ in $(seq 120); do
    cli --command=':read-attribute(name=server-state)' 2>/dev/null | grep -q '"result" => "running"' && break
    sleep 1
  done
fi

cli --command="deploy --force target/mediquo-webhooks.war"
echo "The receiver runs on http://localhost:$http_port/ (management: http://localhost:$management_port/)."
