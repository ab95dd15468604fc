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
server=target/payara-server/payara6
source server-config/payara-server/domain-functions.sh

mvn -B -q -ntp -DskipTests package
if [ ! -d "$server/glassfish/domains/$domain" ]; then
  server-config/payara-server/install.sh target/payara-server
  password_alias mediquo.webhook.secrets "$(pom_property mediquo.dev.secret)"
  password_alias mediquo.encryption.key.dev "$(pom_property mediquo.dev.encryption-key)"
  config_property mediquo.encryption.keys dev
  password_alias mediquo.digest.key.dev "$(pom_property mediquo.dev.digest-key)"
  config_property mediquo.digest.keys dev
  password_alias mediquo.audit.key.dev "$(pom_property mediquo.dev.audit-key)"
  config_property mediquo.audit.keys dev
  content_of server-config/development.properties | while IFS='=' read -r name value; do
    config_property "$name" "$value"
  done
else
  "$server/bin/asadmin" list-domains | grep -q "^$domain running" || "$server/bin/asadmin" start-domain "$domain"
fi

asadmin deploy --force --contextroot / --name mediquo-webhooks target/mediquo-webhooks.war
echo "The receiver runs on http://localhost:$http_port/ (admin console: http://localhost:${MEDIQUO_ADMIN_PORT:-4848}/)."
