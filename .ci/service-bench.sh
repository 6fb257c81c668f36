#!/usr/bin/env bash
# Benchmarks of the packaged service (issue 6); not a CI gate, run by hand:
#
#   .ci/service-bench.sh [native|emulated|both] [--runs N] [--sim-seconds S] [--factor F] [--emulated-factor F]
#
# For each architecture, with the unit's JVM options (systemd/jvm.options, its state directory moved
# to target/service-bench/ARCH/state) and the simulated appliance:
#  - ready: time from starting the process to READY=1 (after the self-test), measured by a notify
#    socket as systemd would (.ci/service_harness.py): the very first start (natives unpacked, no
#    class-data-sharing archive), then N starts without and N with the archive install.sh writes;
#  - memory: resident memory (VmRSS, and the peak VmHWM) from /proc/PID/status after S seconds of
#    simulated heating (default 3600: an hour of cycles, each followed by 60 s for unloading and
#    loading, in which the chamber cools a little), the appliance running F times
#    faster than real time (simulation.realtimeFactor; default 20 natively, 5 emulated). Faster
#    than that, a few milliseconds of GC pause or scheduling delay are seconds of simulated time,
#    and the supervisor rightly trips LEASE_EXPIRED (its lease is 0.5 s of simulated time).
# native is this machine's JVM; emulated is the arm64 JVM under qemu-aarch64-static (user-mode
# emulation, as in .ci/aarch64-smoke.sh): its times are an emulator's, not a Pi's, and its resident
# memory is the qemu process's, translated code included.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"

which_arch=native
runs=5
sim_seconds=3600
factor=20
emulated_factor=5
while [ $# -gt 0 ]; do
  case "$1" in
    native|emulated|both) which_arch="$1"; shift ;;
    --runs) runs="$2"; shift 2 ;;
    --sim-seconds) sim_seconds="$2"; shift 2 ;;
    --factor) factor="$2"; shift 2 ;;
    --emulated-factor) emulated_factor="$2"; shift 2 ;;
    *) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 2 ;;
  esac
done

JAR="$repo/target/smart-toaster.jar"
[ -f "$JAR" ] || mvn -B -ntp -q package -DskipTests
ARM_JAVA=/usr/lib/jvm/java-17-openjdk-arm64/bin/java
QEMU=qemu-aarch64-static
SCENARIO="$repo/src/test/resources/scenarios/normal-white-medium.json"
out="$repo/target/service-bench"
mkdir -p "$out"
results="$out/results.jsonl"
: >"$results"

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
field() { python3 -c 'import json,sys; d=json.loads(sys.stdin.read()); print(d.get(sys.argv[1], ""))' "$1"; }

bench_arch() {
  local arch="$1"
  local speed="$2"
  shift 2
  local java=("$@")
  local dir="$out/$arch"
  local state="$dir/state"
  rm -rf "$dir"
  mkdir -p "$state/tmp" "$state/cache"
  sed "s#/var/lib/smart-toaster#$state#g" systemd/jvm.options >"$dir/jvm.options"
  grep -v -e SharedArchiveFile -e '^-Xshare' "$dir/jvm.options" >"$dir/jvm-cds-training.options"
  sed "s/^  realtimeFactor: 1\$/  realtimeFactor: $speed/" config/toaster.yaml >"$dir/toaster.yaml"
  grep -q "^  realtimeFactor: $speed\$" "$dir/toaster.yaml" || { echo "could not set realtimeFactor" >&2; return 1; }
  printf 'history:\n  databaseFile: history.db\n' >>"$dir/toaster.yaml" # as config/pi.yaml: SQLite in the state directory
  local env=(--env PATH=/usr/bin:/bin --env LANG=C.UTF-8 --env "STATE_DIRECTORY=$state" --env HOME=/nonexistent)
  local run=("${java[@]}" "@$dir/jvm.options" -jar "$JAR" run --config "$dir/toaster.yaml")

  start_once() { # label
    local result
    result="$(python3 .ci/service_harness.py --notify-socket "$dir/notify.sock" --timeout 120 --log "$dir/$1.log" --watchdog-usec 5000000 \
      "${env[@]}" --step ready --step key:q --step exit:0 -- "${run[@]}")" || { echo "$result" >&2; return 1; }
    echo "{\"arch\": \"$arch\", \"what\": \"$1\", \"result\": $result}" >>"$results"
    field ready_s <<<"$result"
  }

  echo "== $arch: ${java[*]}"
  local first
  first="$(start_once first-start)"
  echo "first start (natives unpacked, no CDS archive): ready after $first s"

  local no_cds=()
  for i in $(seq "$runs"); do no_cds+=("$(start_once "no-cds-$i")"); done
  "${java[@]}" "@$dir/jvm-cds-training.options" "-XX:ArchiveClassesAtExit=$state/app-cds.jsa" -jar "$JAR" \
    simulate --scenario "$SCENARIO" --json >/dev/null 2>"$dir/cds-training.log"
  local with_cds=()
  for i in $(seq "$runs"); do with_cds+=("$(start_once "cds-$i")"); done
  echo "later starts without CDS: ready after $(printf '%s\n' "${no_cds[@]}" | median) s (median of $runs:" \
    "$(printf '%s ' "${no_cds[@]}"))"
  echo "later starts with the CDS archive ($(du -k "$state/app-cds.jsa" | cut -f1) KB): ready after" \
    "$(printf '%s\n' "${with_cds[@]}" | median) s (median of $runs: $(printf '%s ' "${with_cds[@]}"))"

  local mem
  mem="$(python3 .ci/service_harness.py --notify-socket "$dir/notify.sock" --timeout 900 --log "$dir/memory.log" --watchdog-usec 5000000 \
    "${env[@]}" --step ready --step "cycles:$sim_seconds:$(awk -v f="$speed" 'BEGIN { print 60 / f }')" --step rss --step key:q --step exit:0 -- "${run[@]}")" \
    || { echo "memory run failed: $mem" >&2; return 1; }
  echo "{\"arch\": \"$arch\", \"what\": \"memory\", \"result\": $mem}" >>"$results"
  echo "after $(field cycles <<<"$mem") cycles, $(field simulated_heating_s <<<"$mem") s of simulated heating, 60 s between cycles" \
    "($(field cycles_wall_s <<<"$mem") s of wall time at realtimeFactor $speed): VmRSS $(field rss_mb <<<"$mem") MB," \
    "peak VmHWM $(field hwm_mb <<<"$mem") MB, $(field threads <<<"$mem") threads," \
    "$(field pings <<<"$mem") watchdog pings"
  echo
}

echo "machine: $(uname -m), $(nproc) cores, $(java -version 2>&1 | sed -n 1p)"
if [ "$which_arch" = native ] || [ "$which_arch" = both ]; then
  bench_arch "native-$(uname -m)" "$factor" /usr/bin/java
fi
if [ "$which_arch" = emulated ] || [ "$which_arch" = both ]; then
  command -v "$QEMU" >/dev/null && [ -x "$ARM_JAVA" ] \
    || { echo "emulated: needs $QEMU and $ARM_JAVA (see .ci/aarch64-smoke.sh)" >&2; exit 2; }
  echo "(EMULATED: arm64 JVM under $($QEMU --version | sed -n 1p); not a Raspberry Pi)"
  bench_arch emulated-aarch64 "$emulated_factor" "$QEMU" "$ARM_JAVA"
fi
echo "raw results: $results"
