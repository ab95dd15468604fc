#!/usr/bin/env bash
# The build's Payara Server domain for the container tests: installed by server-config/payara-server/install.sh into
# the folder given (a fresh one each build), given the suite's settings as JVM options of the domain, then stopped:
# the Payara Server execution starts it (PayaraServerDomainExtension).
#   payara-server.sh DIR "-Xmx768m -Dname=value ..."    (the install.sh settings come from the environment)
set -euo pipefail
cd "$(dirname "$0")/../../.."
server="$1/payara6"
server-config/payara-server/install.sh "$1"
asadmin() {
  "$server/bin/asadmin" --port "$MEDIQUO_ADMIN_PORT" "$@" > /dev/null
}

# create-jvm-options takes a list separated by colons: a colon inside an option is escaped.
options=()
for option in $2; do
  options+=("${option//:/\\:}")
done
heap="$("$server/bin/asadmin" --port "$MEDIQUO_ADMIN_PORT" list-jvm-options | grep -E '^-Xmx' || true)"
[ -z "$heap" ] || asadmin delete-jvm-options "$heap"
asadmin create-jvm-options "$(IFS=:; echo "${options[*]}")"
"$server/bin/asadmin" stop-domain mediquo > /dev/null
