#!/usr/bin/env bash
# Stores a secret read from standard input as a password alias of a Payara Micro root directory (--rootdir ROOT), where
# MicroProfile Config reads it under the alias's name: a data key as mediquo.encryption.key.ID, a digest key as
# mediquo.digest.key.ID. The secret is never an argument (which ps shows) nor the server's environment.
#
#   openssl rand -base64 32 | server-config/payara-micro-password-alias.sh ROOT mediquo.encryption.key.2026-12
#
# Payara Micro cannot create an alias itself (its post-boot commands refuse a password on their command line). Its
# alias store is the JCEKS keystore ROOT/config/domain-passwords under the master password, Payara's default unless
# one is set; the JDK's keytool writes the entry as Payara Server's create-password-alias does. An alias of that name
# is replaced. The store protects the key from a look at the process or the configuration, not from whoever can read
# the root directory: keep it readable by the server's user alone.
set -euo pipefail

root="$1"
alias="$2"
master_password=changeit
store="$root/config/domain-passwords"

IFS= read -r secret
[ -n "$secret" ] || { echo "no secret on standard input" >&2; exit 1; }
mkdir -p "$root/config"
if [ -f "$store" ] && keytool -list -storetype JCEKS -keystore "$store" -storepass "$master_password" -alias "$alias" > /dev/null 2>&1; then
  keytool -delete -storetype JCEKS -keystore "$store" -storepass "$master_password" -alias "$alias"
fi
# keytool asks for the secret twice, on its standard input.
printf '%s\n%s\n' "$secret" "$secret" \
  | keytool -importpass -storetype JCEKS -keystore "$store" -storepass "$master_password" \
      -keypass "$master_password" -alias "$alias" > /dev/null 2>&1
chmod 600 "$store"
