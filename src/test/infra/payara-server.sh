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
source server-config/payara-server/domain-functions.sh

for option in $2; do
  setting="${option#-D}"
  case "$option" in
    -Xmx*)
      heap="$(asadmin list-jvm-options | grep -E '^-Xmx' || true)"
      [ -z "$heap" ] || asadmin delete-jvm-options "$heap" > /dev/null
      asadmin create-jvm-options "$option" > /dev/null
      ;;
    -XX:*) ;; # the domain keeps its JVM's compilers and collector (pom.xml, it.server.settings.without.keys)
    # Secrets, the data, digest and audit keys (mediquo.encryption.key.<id>, mediquo.digest.key.<id>,
    # mediquo.audit.key.<id>) and password hashes; not the lists of key ids.
    -D*secret*=* | -D*.key.*=* | -D*password*=*) password_alias "${setting%%=*}" "${setting#*=}" ;;
    -D*=*) config_property "${setting%%=*}" "${setting#*=}" ;;
  esac
done
asadmin stop-domain "$domain" > /dev/null
