#!/usr/bin/env bash
# Unpacks WildFly from Maven Central into the folder given (unless it is there already), installs EclipseLink in its
# org.eclipse.persistence module and applies the jboss-cli scripts of this folder offline: subsystems.cli, then the
# topology's file (MEDIQUO_TOPOLOGY: embedded.cli by default, or production.cli) and resources.cli in one batch, with
# any further CLI files given after the folder in the same batch. Settings that hold secrets go in those files, not
# here. Used by run.sh and by the build's WildFly tests.
#   [MEDIQUO_TOPOLOGY=production] server-config/wildfly/install.sh target/wildfly [settings.cli ...]
set -euo pipefail
cd "$(dirname "$0")/../.."
source server-config/run-functions.sh

server="$1"
shift
topology="server-config/wildfly/${MEDIQUO_TOPOLOGY:-embedded}.cli"
[ -f "$topology" ] || { echo "MEDIQUO_TOPOLOGY: embedded or production" >&2; exit 1; }
if [ -x "$server/bin/standalone.sh" ]; then
  exit 0
fi

wildfly_version="$(pom_property wildfly.version)"
eclipselink_version="$(pom_property wildfly.eclipselink.version)"
downloads="$(mktemp -d)"
mvn -B -q -ntp dependency:copy -Dartifact="org.wildfly:wildfly-dist:$wildfly_version:zip" -DoutputDirectory="$downloads"
mvn -B -q -ntp dependency:copy -Dartifact="org.eclipse.persistence:eclipselink:$eclipselink_version" \
  -DoutputDirectory="$downloads"
(cd "$downloads" && jar xf "wildfly-dist-$wildfly_version.zip")
mkdir -p "$(dirname "$server")"
mv "$downloads/wildfly-$wildfly_version" "$server"
chmod +x "$server"/bin/*.sh # jar keeps no file modes

module="$server/modules/system/layers/base/org/eclipse/persistence/main"
mv "$downloads/eclipselink-$eclipselink_version.jar" "$module/"
cp server-config/wildfly/eclipselink/module.xml "$module/module.xml"
rm -rf "$downloads"

script="$(mktemp)"
{
  echo 'embed-server --server-config=standalone-full.xml --std-out=discard'
  content_of server-config/wildfly/subsystems.cli
  echo batch
  content_of "$topology"
  content_of server-config/wildfly/resources.cli
  for settings in "$@"; do
    content_of "$settings"
  done
  echo run-batch
  echo stop-embedded-server
} > "$script"
"$server/bin/jboss-cli.sh" --file="$script" > /dev/null
rm -f "$script"
# The JDK's cache of direct buffers, capped as in the run command (pom.xml, run.jvm.buffers): a JVM option, which
# standalone.sh takes from standalone.conf.
printf '\nJAVA_OPTS="$JAVA_OPTS %s"\n' "$(pom_property run.jvm.buffers)" >> "$server/bin/standalone.conf"
# The server reads logging.properties at boot, before its configuration, and the offline configuration above does not
# rewrite it: resources.cli's level for org.jboss.as.config (which logs every system property) goes there too.
sed -i 's/^logger\.org\.jboss\.as\.config\.level=DEBUG$/logger.org.jboss.as.config.level=INFO/' \
  "$server/standalone/configuration/logging.properties"
grep -q '^logger\.org\.jboss\.as\.config\.level=INFO$' "$server/standalone/configuration/logging.properties"
