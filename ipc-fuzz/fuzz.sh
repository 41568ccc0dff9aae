#!/usr/bin/env bash
# Fuzzes the receive path for longer than `mvn verify` does. See ipc-fuzz/README.md.
#
#   ipc-fuzz/fuzz.sh [--minutes N] [--wide] [TARGET...]   fuzz each TARGET for N minutes (default 10)
#   ipc-fuzz/fuzz.sh --regression                         replay the checked-in inputs of every target
#   ipc-fuzz/fuzz.sh --write-seeds                        regenerate the seed inputs (src/test/resources)
#
# TARGET: jackson, kryo, protobuf, framing (default: all four, one after the other; Jazzer fuzzes one target per
# JVM). --wide also instruments all of Jackson, Kryo and protobuf for coverage (slower start, deeper guidance).
# Findings are written to the target's inputs directory (src/test/resources/ipc/fuzz/<Class>Inputs/<method>/), where
# every later build replays them; the growing corpus is kept in ipc-fuzz/.cifuzz-corpus between runs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
minutes=10
wide=false
mode=fuzz
targets=()

while [[ $# -gt 0 ]]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --wide) wide=true; shift ;;
    --regression) mode=regression; shift ;;
    --write-seeds) mode=seeds; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    jackson|kryo|protobuf|framing) targets+=("$1"); shift ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ ${#targets[@]} -gt 0 ]] || targets=(jackson kryo protobuf framing)

class_of() {
  case "$1" in
    jackson) echo JacksonReceiveFuzzTest ;;
    kryo) echo KryoReceiveFuzzTest ;;
    protobuf) echo ProtobufReceiveFuzzTest ;;
    framing) echo LinuxFramingFuzzTest ;;
  esac
}

mvn_fuzz() {
  (cd "$root" && mvn -B -ntp -pl ipc-fuzz -am verify -Dsurefire.failIfNoSpecifiedTests=false "$@")
}

case "$mode" in
  regression)
    mvn_fuzz -Dtest='*FuzzTest' -Dipc.fuzz.mode=regression
    ;;
  seeds)
    mvn_fuzz -DskipTests -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test \
      dependency:build-classpath
    java -cp "$here/target/classes:$here/target/test-classes:$(cat "$here/target/classpath.txt")" \
      -Dipc.transport=linux ipc.fuzz.Seeds "$here/src/test/resources"
    ;;
  fuzz)
    seconds=$((minutes * 60))
    instrument=()
    if [[ $wide == true ]]; then
      instrument=(-Dipc.fuzz.instrument='ipc.**:tools.jackson.**:com.esotericsoftware.**:com.google.protobuf.**')
    fi
    for target in "${targets[@]}"; do
      class="$(class_of "$target")"
      log="$here/target/fuzz-$target.log"
      mkdir -p "$here/target"
      echo "== fuzzing $target ($class) for $minutes minute(s); log: $log"
      # Jazzer's own command line passes libFuzzer flags to a JUnit fuzz test as the configuration parameters
      # jazzer.internal.arg.N (N = 0 is argv[0]); a -max_total_time given there overrides @FuzzTest's maxDuration.
      status=0
      JAZZER_FUZZ=1 mvn_fuzz -Dtest="$class" -Dipc.fuzz.skipFuzzing=true -Dipc.fuzz.skipRegression=false \
        "${instrument[@]}" \
        "-Dipc.fuzz.extraArgs=-Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time=$seconds" \
        > "$log" 2>&1 || status=$?
      grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^Done [0-9]+ runs|FuzzTestFinding|Tests run:.*in ipc' "$log" || true
      if [[ $status -ne 0 ]]; then
        echo "== $target: FAILED (a finding, or the build failed); see $log" >&2
        exit "$status"
      fi
    done
    ;;
esac
