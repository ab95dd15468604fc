#!/usr/bin/env bash
# The build's Payara Server domain for the container tests: installed by server-config/payara-server/install.sh into
# the folder given (a fresh one each build), given the suite's settings the way docs/payara-server.md tells an operator
# to (secrets, keys and password hashes as password aliases, the rest as the domain's MicroProfile Config properties,
# the heap as a JVM option), then stopped: the Payara Server execution starts it (PayaraServerDomainExtension). Never
# as -D JVM options: the domain logs every JVM option, at a change and at each start.
#   payara-server.sh DIR "-Xmx768m -Dname=value ..."    (the install.sh settings come from the environment)
set -euo pipefail
cd "$(dirname "$0")/../../.."
server="$1/payara6"
server-config/payara-server/install.sh "$1"
asadmin() {
  "$server/bin/asadmin" --port "$MEDIQUO_ADMIN_PORT" "$@" > /dev/null
}

aliases="$(mktemp)"
trap 'rm -f "$aliases"' EXIT
for option in $2; do
  case "$option" in
    -Xmx*)
      heap="$("$server/bin/asadmin" --port "$MEDIQUO_ADMIN_PORT" list-jvm-options | grep -E '^-Xmx' || true)"
      [ -z "$heap" ] || asadmin delete-jvm-options "$heap"
      asadmin create-jvm-options "$option"
      ;;
    -D*secret*=* | -D*key*=* | -D*password*=*)
      setting="${option#-D}"
      printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "${setting#*=}" > "$aliases"
      asadmin --passwordfile "$aliases" create-password-alias "${setting%%=*}"
      ;;
    -D*=*)
      setting="${option#-D}"
      asadmin set-config-property --source domain --propertyName "${setting%%=*}" --propertyValue "${setting#*=}"
      ;;
  esac
done
"$server/bin/asadmin" stop-domain mediquo > /dev/null
