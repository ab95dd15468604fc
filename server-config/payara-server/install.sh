#!/usr/bin/env bash
# Unpacks Payara Server from Maven Central into the folder given (unless it is there already), creates the domain
# "mediquo" (admin without password) and sets it up on the embedded defaults the way an operator does it, with asadmin
# commands against the running domain: the system properties that embedded.asadmin refers to, embedded.asadmin, the
# ActiveMQ resource adapter, resources.asadmin, a JVM option; then restarts the domain and leaves it running. Settings
# that hold secrets are not made here. Does nothing when the domain exists. Used by run.sh and by the build's Payara Server tests.
#   server-config/payara-server/install.sh target/payara-server
# Settings: MEDIQUO_DATA_DIR (./data), MEDIQUO_HTTP_PORT (8080), MEDIQUO_ADMIN_PORT (4848), MEDIQUO_BROKER_PORT (61616),
# MEDIQUO_DOMAIN_PROPERTIES (the domain's other ports, as create-domain's --domainproperties; Payara's defaults if unset).
set -euo pipefail
cd "$(dirname "$0")/../.."
source server-config/run-functions.sh
server="$1/payara6"
source server-config/payara-server/domain-functions.sh

data_dir="$(realpath -m "${MEDIQUO_DATA_DIR:-data}")"
broker_port="${MEDIQUO_BROKER_PORT:-61616}"
if [ -d "$server/glassfish/domains/$domain" ]; then
  exit 0
fi

if [ ! -x "$server/bin/asadmin" ]; then
  payara_version="$(pom_property payara.version)"
  mvn -B -q -ntp dependency:copy -Dartifact="fish.payara.distributions:payara:$payara_version:zip" -DoutputDirectory="$1"
  (cd "$1" && jar xf "payara-$payara_version.zip" && rm "payara-$payara_version.zip")
  chmod +x "$server"/bin/* "$server"/glassfish/bin/* # jar keeps no file modes
fi

"$server/bin/asadmin" create-domain --nopassword --adminport "${MEDIQUO_ADMIN_PORT:-4848}" \
  --instanceport "${MEDIQUO_HTTP_PORT:-8080}" ${MEDIQUO_DOMAIN_PROPERTIES:+--domainproperties "$MEDIQUO_DOMAIN_PROPERTIES"} \
  "$domain" > /dev/null
"$server/bin/asadmin" start-domain "$domain" > /dev/null
# Runs each command of an asadmin file as it is written (the backslash escapes inside --property values included),
# which asadmin's own multimode would unescape first. No argument of these files holds a space.
run_commands() {
  content_of "$1" | while read -r line; do
    (set -f && asadmin $line > /dev/null)
  done
}

# The JDK's cache of direct buffers, capped as in the run command (pom.xml, run.jvm.buffers); a JVM option, in effect
# from the restart below.
asadmin create-jvm-options "$(pom_property run.jvm.buffers)" > /dev/null
# Referenced as ${mediquo.data.dir} and ${mediquo.broker.port} by the pool and the resource adapter's settings.
asadmin create-system-properties "mediquo.data.dir=$data_dir:mediquo.broker.port=$broker_port" > /dev/null
# The resource adapter's settings first: the embedded broker starts with the adapter.
run_commands server-config/embedded.asadmin
asadmin deploy --type rar --name activemq-rar target/server/activemq-rar.rar > /dev/null
run_commands server-config/resources.asadmin
asadmin restart-domain "$domain" > /dev/null
