# Shell functions for asadmin against the domain "mediquo" of the Payara Server in $server, on the admin port
# MEDIQUO_ADMIN_PORT (4848); sourced by the scripts of this folder and by the build's test domain.
domain=mediquo

asadmin() {
  "$server/bin/asadmin" --port "${MEDIQUO_ADMIN_PORT:-4848}" "$@"
}

# A MicroProfile Config property of the domain (ordinal 110).
config_property() {
  asadmin set-config-property --source domain --propertyName "$1" --propertyValue "$2" > /dev/null
}

# A password alias holds a secret in the domain's encrypted store; MicroProfile Config reads it under its name. The
# value goes through a file, never on a command line.
password_alias() {
  local file; file="$(mktemp)"
  printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$2" > "$file"
  asadmin --passwordfile "$file" create-password-alias "$1" > /dev/null
  rm -f "$file"
}
