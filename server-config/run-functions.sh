# Shell functions shared by the run commands of payara-server/ and wildfly/; sourced from the project's root.

# A property of pom.xml, without the colour codes Maven may print around it.
pom_property() {
  mvn -B -q -ntp help:evaluate -Dexpression="$1" -DforceStdout | sed 's/\x1b\[[0-9;]*m//g'
}

# The lines of a command or properties file that are neither blank nor a comment.
content_of() {
  grep -Ev '^[[:space:]]*(#|$)' "$1"
}
