#!/usr/bin/env bash
# Screenshots of the Payara Server admin console showing the receiver's resources, into docs/payara-server/. Needs the
# domain of server-config/payara-server/run.sh running (admin console on MEDIQUO_ADMIN_PORT, 4848, no password) and
# headless Chromium (Debian's package "chromium"; installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
console="http://localhost:${MEDIQUO_ADMIN_PORT:-4848}"
out=docs/payara-server
mkdir -p "$out"

command -v chromium > /dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }

# The console deploys itself on its first request and answers 202 meanwhile.
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$console/")" = 200 ]; do sleep 2; done

shoot() { # name, page of the console
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,800 \
    --virtual-time-budget=30000 --screenshot="$out/$1.png" "$console/$2" 2> /dev/null
}

shoot applications common/applications/applications.jsf
shoot jdbc-resources jdbc/jdbcResources.jsf
shoot connector-resources jca/connectorResources.jsf
shoot admin-objects jca/adminObjectResources.jsf
shoot resource-adapter-configs jca/resourceAdapterConfigs.jsf
