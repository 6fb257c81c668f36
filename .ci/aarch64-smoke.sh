#!/usr/bin/env bash
# aarch64 proof: runs the device jar on an arm64 JDK under qemu user-mode emulation, the way it runs
# on Raspberry Pi OS 64-bit, and checks that the TFLite model (bytedeco's runtime, linux-arm64
# natives from the jar) answered: the result must say "predictor":"model". Exits non-zero otherwise,
# printing what the run said.
#
#   .ci/aarch64-smoke.sh               the jar's installed model (src/main/resources/model/)
#   .ci/aarch64-smoke.sh --demo-model  a random untrained model from the test classes, put on the
#                                      classpath beside the jar (for builds without a trained model)
#
# Needs root for apt (Debian: qemu-user-static, openjdk-17-jre-headless:arm64 via multiarch).
# Builds target/smart-toaster.jar if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${JAR:-target/smart-toaster.jar}  # JAR=target/smart-toaster-pi.jar checks the Pi-only jar
SCENARIO=src/test/resources/scenarios/normal-white-medium.json
ARM_JAVA=/usr/lib/jvm/java-17-openjdk-arm64/bin/java
QEMU=qemu-aarch64-static
started=$(date +%s.%N)

demo=false
case "${1:-}" in
  "") ;;
  --demo-model) demo=true ;;
  *) echo "usage: $0 [--demo-model]" >&2; exit 2 ;;
esac

elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
has_model() { jar tf "$JAR" 2>/dev/null | grep -qx 'model/toast-time.tflite'; }

# --- 1. qemu-user and an arm64 JRE (multiarch), unless already there -------------------------------
if ! command -v "$QEMU" >/dev/null || [ ! -x "$ARM_JAVA" ]; then
  export DEBIAN_FRONTEND=noninteractive
  # Installing the arm64 JRE registers its java in the alternatives; keep the host's java the default.
  host_java=$(readlink -f "$(command -v java)" || true)
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends qemu-user-static >/dev/null
  dpkg --add-architecture arm64
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless:arm64 >/dev/null
  if [ -n "$host_java" ] && [ "$(readlink -f "$(command -v java)")" != "$host_java" ]; then
    update-alternatives --set java "$host_java" >/dev/null
  fi
fi
echo "qemu: $($QEMU --version | sed -n 1p)"
echo "arm64 java: $($QEMU "$ARM_JAVA" -version 2>&1 | sed -n 1p)"
echo "setup done after $(elapsed "$started") s"

# --- 2. the device jar ---------------------------------------------------------------------------
if [ ! -f "$JAR" ]; then
  mvn -B -ntp -q package -DskipTests
fi
run=("$QEMU" "$ARM_JAVA" -jar "$JAR")
if $demo; then
  [ -d target/test-classes ] || mvn -B -ntp -q test-compile
  demo_dir=$(mktemp -d)
  trap 'rm -rf "$demo_dir"' EXIT
  java -cp "target/test-classes:$JAR" com.smarttoaster.predict.DemoModel "$demo_dir/model" >/dev/null
  run=("$QEMU" "$ARM_JAVA" -cp "$JAR:$demo_dir" com.smarttoaster.cli.Main)
fi

# --- 3. one cycle on emulated aarch64 --------------------------------------------------------------
t0=$(date +%s.%N)
set +e
output=$("${run[@]}" simulate --scenario "$SCENARIO" --json 2>&1)
status=$?
set -e
echo "simulate under qemu: exit $status after $(elapsed "$t0") s"
if [ "$status" -ne 0 ] || ! grep -Eq '"predictor"[[:space:]]*:[[:space:]]*"model"' <<<"$output"; then
  echo "FAIL: the model did not answer on emulated aarch64; the run said:" >&2
  echo "$output" >&2
  if ! $demo && ! has_model; then
    echo "($JAR has no model/toast-time.tflite: install the trained model in src/main/resources/model/" \
      "and rebuild, or run with --demo-model)" >&2
  fi
  exit 1
fi
grep -Eo '"predictor":"model","fallbackReason":null,"predictedS":[0-9.]+' <<<"$output" || true
echo "OK: \"predictor\":\"model\" on emulated aarch64, $(elapsed "$started") s end to end"
