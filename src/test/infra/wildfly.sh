#!/usr/bin/env bash
# The build's WildFly for the container tests: installed by server-config/wildfly/install.sh into the folder given
# with wildfly.cli, then given the suite's keys the way docs/wildfly.md tells an operator to: system properties
# encrypted with the server's Elytron credential store (encrypted-properties.sh), never on its command line.
#   wildfly.sh DIR "-Dmediquo.encryption.key.it-1=... ..."
set -euo pipefail
cd "$(dirname "$0")/../../.."
server-config/wildfly/install.sh "$1" src/test/infra/wildfly.cli
for option in $2; do
  printf '%s\n' "${option#-D}"
done | server-config/wildfly/encrypted-properties.sh "$1"
