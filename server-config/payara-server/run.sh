#!/usr/bin/env bash
# The receiver on a Payara Server 6 domain, on its embedded defaults (H2 and an embedded ActiveMQ broker under ./data),
# set up the way an operator does it: asadmin commands against the running domain, secrets as password aliases,
# settings as MicroProfile Config properties of the domain. Builds the WAR, unpacks Payara Server from Maven Central
# into target/payara-server, creates the domain "mediquo" (admin console http://localhost:4848, no password) the first
# time, and deploys the WAR at http://localhost:8080/. The domain keeps running in the background; stop it with
#   target/payara-server/payara6/bin/asadmin stop-domain mediquo
# Settings: MEDIQUO_DATA_DIR (./data), MEDIQUO_HTTP_PORT (8080), MEDIQUO_ADMIN_PORT (4848), MEDIQUO_BROKER_PORT (61616).
set -euo pipefail
cd "$(dirname "$0")/../.."

data_dir="$(realpath -m "${MEDIQUO_DATA_DIR:-data}")"
http_port="${MEDIQUO_HTTP_PORT:-8080}"
admin_port="${MEDIQUO_ADMIN_PORT:-4848}"
broker_port="${MEDIQUO_BROKER_PORT:-61616}"
domain=mediquo

source server-config/run-functions.sh

mvn -B -q -ntp -DskipTests package
payara_version="$(pom_property payara.version)"
server=target/payara-server/payara6
if [ ! -x "$server/bin/asadmin" ]; then
  mvn -B -q -ntp dependency:copy -Dartifact="fish.payara.distributions:payara:$payara_version:zip" \
    -DoutputDirectory=target/payara-server
  (cd target/payara-server && jar xf "payara-$payara_version.zip" && rm "payara-$payara_version.zip")
  chmod +x "$server"/bin/* "$server"/glassfish/bin/* # jar keeps no file modes
fi
asadmin() {
  "$server/bin/asadmin" --port "$admin_port" "$@"
}

# Runs each command of an asadmin file as it is written (the backslash escapes inside --property values included),
# which asadmin's own multimode would unescape first. No argument of these files holds a space.
run_commands() {
  content_of "$1" | while read -r line; do
    (set -f && asadmin $line)
  done
}

# Sets each name=value of a properties file as a MicroProfile Config property of the domain (ordinal 110).
set_config_properties() {
  content_of "$1" | while IFS='=' read -r name value; do
    asadmin set-config-property --source domain --propertyName "$name" --propertyValue "$value" > /dev/null
  done
}

# A password alias holds a secret in the domain's encrypted store; MicroProfile Config reads it under its name.
password_alias() {
  local file; file="$(mktemp)"
  printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$2" > "$file"
  asadmin --passwordfile "$file" create-password-alias "$1"
  rm -f "$file"
}

if [ ! -d "$server/glassfish/domains/$domain" ]; then
  "$server/bin/asadmin" create-domain --nopassword --adminport "$admin_port" --instanceport "$http_port" "$domain"
  "$server/bin/asadmin" start-domain "$domain"
  # Referenced as ${mediquo.data.dir} and ${mediquo.broker.port} by the pool and the resource adapter's settings.
  asadmin create-system-properties "mediquo.data.dir=$data_dir:mediquo.broker.port=$broker_port"
  # The resource adapter's settings first: the embedded broker starts with the adapter.
  run_commands server-config/embedded.asadmin
  asadmin deploy --type rar --name activemq-rar target/server/activemq-rar.rar
  run_commands server-config/resources.asadmin
  password_alias mediquo.webhook.secrets "$(pom_property mediquo.dev.secret)"
  password_alias mediquo.encryption.key.dev "$(pom_property mediquo.dev.encryption-key)"
  asadmin set-config-property --source domain --propertyName mediquo.encryption.keys --propertyValue dev
  set_config_properties server-config/development.properties
else
  "$server/bin/asadmin" list-domains | grep -q "^$domain running" || "$server/bin/asadmin" start-domain "$domain"
fi

asadmin deploy --force --contextroot / --name mediquo-webhooks target/mediquo-webhooks.war
echo "The receiver runs on http://localhost:$http_port/ (admin console: http://localhost:$admin_port/)."
