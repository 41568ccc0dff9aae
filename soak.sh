#!/usr/bin/env bash
# Builds the soak test, then runs it: a coordinator JVM and worker JVMs exchange messages of mixed sizes and handles
# while workers are killed with SIGKILL and restarted; it checks exactly-once delivery of every acknowledged message
# and that the coordinator's descriptors, mappings and memory stay flat. See ipc-soak/README.md.
#   ./soak.sh [--minutes N] [--workers K] [--seed S]      (defaults: 3 minutes, 3 workers, a random seed)
# Exits 0 only if every check held.
set -euo pipefail
cd "$(dirname "$0")"
mvn -q -B -Dstyle.color=never package -DskipTests -pl ipc-soak -am
java=java
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; fi
flags=(-Xmx512m)
feature=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${feature%%.*}" -ge 24 ]; then
  flags+=(--enable-native-access=org.jnrproject.jffi)
fi
exec "$java" "${flags[@]}" -p ipc-soak/target/modules --add-modules ALL-MODULE-PATH -m ipc.soak/ipc.soak.SoakMain "$@"
