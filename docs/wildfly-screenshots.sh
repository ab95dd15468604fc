#!/usr/bin/env bash
# Screenshots of the WildFly management console (HAL) showing the receiver's resources, into docs/wildfly/. Needs the
# server of server-config/wildfly/run.sh running (console on MEDIQUO_MANAGEMENT_PORT, 9990), Node.js with npm, and
# headless Chromium (Debian's package "chromium"; installed here when missing). The console asks for a management user
# with HTTP Digest: the script adds one with a random password for its own use and removes it at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
server=target/wildfly
console="http://localhost:${MEDIQUO_MANAGEMENT_PORT:-9990}"
mkdir -p docs/wildfly target/screenshots

command -v chromium > /dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }
# Puppeteer drives Chromium through the DevTools protocol: it answers the Digest challenge and clicks through the
# console, which a plain --screenshot cannot.
npm install --silent --no-save --prefix target/screenshots puppeteer-core@25.16.0

user=docs-screenshots
password="$(openssl rand -hex 16)"
remove_user() {
  sed -i "/^$user=/d" "$server"/standalone/configuration/mgmt-users.properties \
    "$server"/standalone/configuration/mgmt-groups.properties
}
trap remove_user EXIT
"$server/bin/add-user.sh" -u "$user" -p "$password" -s

CONSOLE="$console" CONSOLE_USER="$user" CONSOLE_PASSWORD="$password" NODE_PATH=target/screenshots/node_modules \
  node docs/wildfly-screenshots.cjs docs/wildfly
