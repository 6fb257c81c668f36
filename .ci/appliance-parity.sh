#!/usr/bin/env bash
# Appliance parity: every example scenario, every scenario of the fault set and the kitchen set (earlier
# cycles, mains unlike the config, a 120 V appliance, absurd answers) runs on the simulated
# appliance and on the emulated Raspberry Pi (the real hal.pi code on emulated chips), from the device
# jar, and must end the same way: outcome, fault code and predictor (fallback or not). Prints one line
# per scenario and exits 1 on any difference.
#
#   .ci/appliance-parity.sh                    the host's java
#   .ci/appliance-parity.sh --aarch64          arm64 JRE under qemu (see aarch64-smoke.sh for the setup)
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=target/smart-toaster.jar
run=(java -jar "$JAR")
label=x86_64
if [ "${1:-}" = "--aarch64" ]; then
  run=(qemu-aarch64-static /usr/lib/jvm/java-17-openjdk-arm64/bin/java -jar "$JAR")
  label=aarch64
fi
[ -f "$JAR" ] || mvn -B -ntp -q package -DskipTests

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
started=$(date +%s)
for dir in src/test/resources/scenarios src/test/resources/fault-scenarios src/test/resources/kitchen-scenarios; do
  name=$(basename "$dir")
  for appliance in sim pi-emulated; do
    if ! "${run[@]}" simulate --scenario "$dir" --json --appliance "$appliance" >"$out/$name.$appliance.jsonl" \
        2>"$out/$name.$appliance.err"; then
      echo "simulate --appliance $appliance on $dir failed:" >&2
      tail -20 "$out/$name.$appliance.err" >&2
      exit 1
    fi
  done
done

python3 - "$out" "$label" "$started" <<'PY'
import json, pathlib, sys, time
out, label, started = pathlib.Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
def load(p):
    return [json.loads(l) for l in p.read_text().splitlines() if l.strip()]
bad = 0
total = 0
for name in ("scenarios", "fault-scenarios", "kitchen-scenarios"):
    sim, emu = load(out / f"{name}.sim.jsonl"), load(out / f"{name}.pi-emulated.jsonl")
    if len(sim) != len(emu):
        print(f"{name}: {len(sim)} results on sim, {len(emu)} on pi-emulated"); sys.exit(1)
    for a, b in zip(sim, emu):
        total += 1
        key = lambda r: (r["outcome"], r["fault"], r["predictor"], r["fallbackReason"] is not None)
        same = key(a) == key(b)
        bad += not same
        lat = lambda r: "-" if r["tripLatencyMs"] is None else f'{r["tripLatencyMs"]:.0f}'
        print(f'{"ok  " if same else "DIFF"} {a["scenario"][:44]:44} sim {a["outcome"]}/{a["fault"]}/{a["predictor"]} '
              f'{lat(a)} ms | pi-emulated {b["outcome"]}/{b["fault"]}/{b["predictor"]} {lat(b)} ms')
print(f"{label}: {total - bad} of {total} scenarios end the same on sim and pi-emulated"
      f" ({int(time.time()) - started} s)")
sys.exit(1 if bad else 0)
PY
