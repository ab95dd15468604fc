#!/usr/bin/env bash
# The receiver on a Payara Server 6 domain, on its embedded defaults (H2 and an embedded ActiveMQ broker under ./data),
# set up the way an operator does it: asadmin commands against the running domain, secrets as password aliases,
# settings as MicroProfile Config properties of the domain. Builds the WAR, unpacks Payara Server from Maven Central
# into target/payara-server and creates the domain "mediquo" (admin console http://localhost:4848, no password) the
# first time (install.sh), and deploys the WAR at http://localhost:8080/. The domain keeps running in the background;
# stop it with
#   target/payara-server/payara6/bin/asadmin stop-domain mediquo
# Settings: MEDIQUO_DATA_DIR (./data), MEDIQUO_HTTP_PORT (8080), MEDIQUO_ADMIN_PORT (4848), MEDIQUO_BROKER_PORT (61616).
set -euo pipefail
cd "$(dirname "$0")/../.."
source server-config/run-functions.sh

http_port="${MEDIQUO_HTTP_PORT:-8080}"
admin_port="${MEDIQUO_ADMIN_PORT:-4848}"
server=target/payara-server/payara6
domain=mediquo

asadmin() {
  "$server/bin/asadmin" --port "$admin_port" "$@"
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
  asadmin --passwordfile "$file" create-password-alias "$1" > /dev/null
  rm -f "$file"
}

mvn -B -q -ntp -DskipTests package
if [ ! -d "$server/glassfish/domains/$domain" ]; then
  server-config/payara-server/install.sh target/payara-server
  password_alias mediquo.webhook.secrets "$(pom_property mediquo.dev.secret)"
  password_alias mediquo.encryption.key.dev "$(pom_property mediquo.dev.encryption-key)"
  asadmin set-config-property --source domain --propertyName mediquo.encryption.keys --propertyValue dev > /dev/null
  set_config_properties server-config/development.properties
else
  "$server/bin/asadmin" list-domains | grep -q "^$domain running" || "$server/bin/asadmin" start-domain "$domain"
fi

asadmin deploy --force --contextroot / --name mediquo-webhooks target/mediquo-webhooks.war
echo "The receiver runs on http://localhost:$http_port/ (admin console: http://localhost:$admin_port/)."
