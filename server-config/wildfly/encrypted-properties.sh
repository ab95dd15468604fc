#!/usr/bin/env bash
# Stores settings read from standard input, NAME=VALUE a line, as system properties of the stopped WildFly installed
# in the folder given, each value an encrypted expression (${ENC::mediquo-keys:...}) that the server decrypts at boot
# with the key of its Elytron credential store mediquo-keys (standalone/configuration/mediquo-keys.cs, see
# subsystems.cli); MicroProfile Config reads them as any system property. standalone-full.xml holds only ciphertext,
# and a clear value is never an argument (which ps shows): it passes through a temporary file readable by its owner
# alone, removed at once. A setting of that name is replaced. Values must not hold a double quote.
#   openssl rand -base64 32 | sed 's/^/mediquo.encryption.key.2026-12=/' \
#     | server-config/wildfly/encrypted-properties.sh target/wildfly
set -euo pipefail

server="$1"
names=()
values=()
while IFS= read -r line; do
  [ -n "$line" ] || continue
  names+=("${line%%=*}")
  values+=("${line#*=}")
done
[ "${#names[@]}" -gt 0 ] || { echo "no NAME=VALUE on standard input" >&2; exit 1; }

cli_offline() {
  local script
  script="$(mktemp --suffix=.cli)"
  chmod 600 "$script"
  {
    echo 'embed-server --server-config=standalone-full.xml --std-out=discard'
    cat
    echo 'stop-embedded-server'
  } > "$script"
  "$server/bin/jboss-cli.sh" --file="$script" || { rm -f "$script"; return 1; }
  rm -f "$script"
}

expressions="$(
  for value in "${values[@]}"; do
    printf '/subsystem=elytron/expression=encryption:create-expression(resolver=mediquo-keys, clear-text="%s")\n' \
      "$value"
  done | cli_offline | grep -o '\${ENC::[^"]*}'
)"
mapfile -t encrypted <<< "$expressions"
[ "${#encrypted[@]}" -eq "${#names[@]}" ] || { echo "the server made no expression for a value" >&2; exit 1; }

for i in "${!names[@]}"; do
  printf 'if (outcome == success) of /system-property=%s:read-resource\n' "${names[$i]}"
  printf '  /system-property=%s:remove\n' "${names[$i]}"
  printf 'end-if\n'
  printf '/system-property=%s:add(value="%s")\n' "${names[$i]}" "${encrypted[$i]}"
done | cli_offline > /dev/null
