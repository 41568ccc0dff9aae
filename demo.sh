#!/usr/bin/env bash
# Builds what the demo needs, then runs it: a parent JVM starts a worker JVM and the two talk through
# typed ipc-channel channels and shared memory. Exits 0 when the worker finished cleanly.
set -euo pipefail
cd "$(dirname "$0")"
mvn -q -B install -DskipTests -pl ipc-demo -am
java=java
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; fi
flags=()
feature=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${feature%%.*}" -ge 24 ]; then
  flags+=(--enable-native-access=org.jnrproject.jffi)
fi
exec "$java" "${flags[@]}" -p ipc-demo/target/modules --add-modules ALL-MODULE-PATH -m ipc.demo/ipc.demo.Demo
