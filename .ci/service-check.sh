#!/usr/bin/env bash
# CI check of the systemd packaging (issue 6), as far as a machine without systemd as PID 1 allows:
#
#  1. systemd-analyze verify: the unit is clean (no output at all).
#  2. systemd-analyze security --offline=yes: exposure at most 2.5.
#  3. install.sh into a temporary DESTDIR: the laid-out tree, modes, an edited config kept,
#     --uninstall keeping config and state, --uninstall --purge removing them.
#  4. The packaged jar's `run` on the simulated appliance under the unit's environment: the
#     dedicated user (setpriv, no new privileges, empty capability bounding set), the unit's JVM
#     options with its state directory, java.io.tmpdir and native-library caches there, a private
#     /tmp, /home and /root hidden, and every other file system read-only (ProtectSystem=strict),
#     a clean environment, UMask=0077. This script plays systemd's notify socket: READY=1 after the
#     self-test, WATCHDOG=1 pings, a cycle, STOPPING=1, exit 0. Then a stored fault is restored at
#     start-up and reset, one that needs service is not, and ExecStopPost's safe-off runs.
#  5. Every system call of such a run (strace; the arm64 JVM under qemu -strace when installed) is
#     one the unit's SystemCallFilter= allows: the seccomp filter itself needs systemd as PID 1.
#
# Needs root (useradd, unshare, mount), java, python3 and systemd-analyze (strace: installed with
# apt-get when CI=true). Idempotent: every run
# starts from an empty target/service-check (logs, the DESTDIR tree) and an empty
# $SERVICE_CHECK_ROOT (default /var/lib/smart-toaster-service-check: what the sandboxed service
# sees; removed when every check passed). Builds target/smart-toaster.jar if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"

UNIT=systemd/smart-toaster.service
JAR="$repo/target/smart-toaster.jar"
SERVICE_USER=smart-toaster
MAX_EXPOSURE=2.5
work="$repo/target/service-check"   # logs and the DESTDIR tree
# What the sandboxed service sees (jar, config, notify socket, state directory) lives outside the
# checkout: the sandbox hides /tmp, /var/tmp, /home and /root as the unit does, and a clone may sit
# in any of them. Like /opt/smart-toaster and /var/lib/smart-toaster on a Pi, it is world-readable
# up to the state directory, which only the service user may enter.
svc="${SERVICE_CHECK_ROOT:-/var/lib/smart-toaster-service-check}"
state="$svc/state"
failures=0

step() { echo; echo "== $*"; }
ok() { echo "ok: $*"; }
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

[ "$(id -u)" -eq 0 ] || { echo "service-check: needs root (useradd, unshare, mount)" >&2; exit 2; }
for tool in java python3 systemd-analyze unshare setpriv findmnt runuser; do
  command -v "$tool" >/dev/null || { echo "service-check: $tool is missing" >&2; exit 2; }
done
if [ ! -f "$JAR" ]; then
  mvn -B -ntp -q package -DskipTests
fi
case "$svc/" in
  /tmp/*|/var/tmp/*|/home/*|/root/*|/run/user/*)
    echo "service-check: SERVICE_CHECK_ROOT=$svc is hidden inside the sandbox; use a path outside /tmp, /var/tmp, /home, /root" >&2
    exit 2 ;;
esac
rm -rf "$work" "$svc"
mkdir -p "$work" "$svc"
chmod 0755 "$work" "$svc"
cp "$JAR" "$svc/smart-toaster.jar"
chmod 0644 "$svc/smart-toaster.jar"

# --- 1. verify ------------------------------------------------------------------------------------
step "systemd-analyze verify $UNIT"
if verify_out="$(systemd-analyze verify "$UNIT" 2>&1)" && [ -z "$verify_out" ]; then
  ok "verify is clean"
else
  fail "systemd-analyze verify said: $verify_out"
fi

# --- 2. exposure ----------------------------------------------------------------------------------
step "systemd-analyze security --offline=yes $UNIT"
security_out="$(systemd-analyze security --offline=yes "$UNIT" 2>&1 || true)"
exposure="$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p' <<<"$security_out")"
threshold="$(awk -v e="$MAX_EXPOSURE" 'BEGIN { printf "%d", e * 10 }')"
if [ -n "$exposure" ] && systemd-analyze security --offline=yes --threshold="$threshold" "$UNIT" >/dev/null 2>&1; then
  ok "exposure $exposure (at most $MAX_EXPOSURE)"
else
  fail "exposure '${exposure:-?}' above $MAX_EXPOSURE:"$'\n'"$(grep '✗' <<<"$security_out")"
fi

# --- 3. install.sh into a DESTDIR -----------------------------------------------------------------
step "install.sh into a temporary DESTDIR"
root="$work/destdir"
expect_file() { # path mode
  local f="$root$1"
  if [ ! -f "$f" ]; then fail "missing $1"; return; fi
  local mode
  mode="$(stat -c %a "$f")"
  [ "$mode" = "$2" ] || fail "$1 has mode $mode, expected $2"
}
DESTDIR="$root" bash systemd/install.sh >"$work/install.log" 2>&1 || fail "install.sh failed: $(cat "$work/install.log")"
expect_file /opt/smart-toaster/smart-toaster.jar 644
expect_file /opt/smart-toaster/README.md 644
expect_file /opt/smart-toaster/install.sh 755
expect_file /etc/smart-toaster/toaster.yaml 640
expect_file /etc/smart-toaster/jvm.options 644
expect_file /etc/systemd/system/smart-toaster.service 644
expect_file /etc/systemd/system.conf.d/smart-toaster-watchdog.conf 644
cmp -s "$JAR" "$root/opt/smart-toaster/smart-toaster.jar" || fail "the installed jar differs from $JAR"
cmp -s config/pi.yaml "$root/etc/smart-toaster/toaster.yaml" || fail "the installed config is not config/pi.yaml"
cmp -s "$UNIT" "$root/etc/systemd/system/smart-toaster.service" || fail "the installed unit differs"
grep -qx 'RuntimeWatchdogSec=10s' "$root/etc/systemd/system.conf.d/smart-toaster-watchdog.conf" \
  || fail "the watchdog drop-in does not set RuntimeWatchdogSec=10s"
unexpected="$(cd "$root" && find . -type f | sort | grep -v -x -e ./opt/smart-toaster/smart-toaster.jar \
  -e ./opt/smart-toaster/README.md -e ./opt/smart-toaster/install.sh -e ./etc/smart-toaster/toaster.yaml \
  -e ./etc/smart-toaster/jvm.options -e ./etc/systemd/system/smart-toaster.service \
  -e ./etc/systemd/system.conf.d/smart-toaster-watchdog.conf || true)"
[ -z "$unexpected" ] || fail "unexpected files in the tree: $unexpected"
grep -q 'skipped (not for a staging root)' "$work/install.log" || fail "install.sh did not say what it skipped"
# Again, with an edited config: kept, the shipped one beside it.
echo "# edited by the owner" >>"$root/etc/smart-toaster/toaster.yaml"
DESTDIR="$root" bash systemd/install.sh >"$work/install2.log" 2>&1 || fail "second install.sh failed"
grep -q '# edited by the owner' "$root/etc/smart-toaster/toaster.yaml" || fail "an edited config was overwritten"
cmp -s config/pi.yaml "$root/etc/smart-toaster/toaster.yaml.new" || fail "no toaster.yaml.new beside the edited config"
# Uninstall keeps config and state; purge removes them.
mkdir -p "$root/var/lib/smart-toaster" && echo '{}' >"$root/var/lib/smart-toaster/latched-fault.json"
DESTDIR="$root" bash systemd/install.sh --uninstall >/dev/null
[ ! -e "$root/opt/smart-toaster" ] || fail "--uninstall left /opt/smart-toaster"
[ ! -e "$root/etc/systemd/system/smart-toaster.service" ] || fail "--uninstall left the unit"
[ ! -e "$root/etc/systemd/system.conf.d/smart-toaster-watchdog.conf" ] || fail "--uninstall left the drop-in"
[ -f "$root/etc/smart-toaster/toaster.yaml" ] || fail "--uninstall removed the config"
[ -f "$root/var/lib/smart-toaster/latched-fault.json" ] || fail "--uninstall removed the state"
DESTDIR="$root" bash systemd/install.sh --uninstall --purge >/dev/null
[ ! -e "$root/etc/smart-toaster" ] && [ ! -e "$root/var/lib/smart-toaster" ] || fail "--purge left config or state"
[ "$failures" -eq 0 ] && ok "tree laid out, edited config kept, uninstall keeps state, purge removes it"

# --- the device jar: the natives a Pi needs, nothing it does not ------------------------------------
step "the device jar's native libraries"
jar_list="$(jar tf "$JAR")"
for needed in org/bytedeco/tensorflowlite/linux-arm64/libjnitensorflowlite.so \
    org/bytedeco/javacpp/linux-arm64/libjnijavacpp.so org/sqlite/native/Linux/aarch64/libsqlitejdbc.so \
    com/sun/jna/linux-aarch64/libjnidispatch.so lib/aarch64/pi4j-gpiod/libpi4j-gpiod.so model/toast-time.tflite; do
  grep -qx "$needed" <<<"$jar_list" || fail "the device jar lacks $needed"
done
unwanted="$(grep -E '^(ai/djl/pytorch|org/sqlite/native/(Windows|Mac|FreeBSD|Linux-Android|Linux-Musl)/|com/sun/jna/(win32|darwin)-|org/apache/pdfbox/)' <<<"$jar_list" | head -3 || true)"
[ -z "$unwanted" ] || fail "the device jar carries what no Pi loads: $unwanted"
[ -z "$unwanted" ] && ok "linux-aarch64 natives for TFLite, SQLite, JNA and Pi4J; no PyTorch, no other platforms' SQLite ($(du -m "$JAR" | cut -f1) MB)"

# --- 4. the jar under the unit's environment ------------------------------------------------------
step "run on the simulated appliance as $SERVICE_USER, sandboxed as the unit is"
if ! getent passwd "$SERVICE_USER" >/dev/null; then
  # The same user install.sh creates.
  useradd --system --user-group --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin \
    --comment "Smart toaster controller" "$SERVICE_USER"
  echo "created the system user $SERVICE_USER"
fi
# StateDirectory=smart-toaster smart-toaster/tmp smart-toaster/cache, StateDirectoryMode=0750
install -d -m 0750 -o "$SERVICE_USER" -g "$SERVICE_USER" "$state" "$state/tmp" "$state/cache"
# The unit's JVM options, its state directory here.
sed "s#/var/lib/smart-toaster#$state#g" systemd/jvm.options >"$svc/jvm.options"
# The simulated appliance, 10 times faster than real time (a cycle takes about 11 s). Not faster:
# the heat lease is 0.5 s of simulated time, so at 50 times a 10 ms scheduling delay on a busy
# machine rightly trips LEASE_EXPIRED.
sed 's/^  realtimeFactor: 1$/  realtimeFactor: 10/' config/toaster.yaml >"$svc/toaster.yaml"
grep -q '^  realtimeFactor: 10$' "$svc/toaster.yaml" || fail "could not set realtimeFactor in the test config"
# The cycle history as config/pi.yaml has it: a bare name, so in the state directory.
printf 'history:\n  databaseFile: history.db\n' >>"$svc/toaster.yaml"
chmod 0644 "$svc/jvm.options" "$svc/toaster.yaml"

# ExecStart's environment: systemd's clean one plus what the unit and the manager set.
service_env=(--env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin --env LANG=C.UTF-8
  --env HOME=/nonexistent --env USER="$SERVICE_USER" --env LOGNAME="$SERVICE_USER" --env SHELL=/usr/sbin/nologin
  --env STATE_DIRECTORY="$state:$state/tmp:$state/cache" --env JOURNAL_STREAM=0:0 --env INVOCATION_ID=ci)

# Runs "$@" the way the unit runs ExecStart (see the header), in place of the calling shell: every
# step execs, so the java process keeps the pid the harness started (NotifyAccess=main).
sandboxed() {
  exec /usr/bin/unshare --mount --propagation private -- /bin/bash -c '
    set -e
    state="$1"; user="$2"; shift 2
    mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs /tmp                      # PrivateTmp=yes
    mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs /var/tmp
    for d in /home /root /run/user; do                                       # ProtectHome=yes
      if [ -d "$d" ]; then mount -t tmpfs -o mode=0000 tmpfs "$d"; fi
    done
    mount --bind "$state" "$state"                                           # StateDirectory=
    findmnt -rno TARGET,OPTIONS | while read -r target options; do           # ProtectSystem=strict
      case "$target" in /proc|/proc/*|/sys|/sys/*|/dev|/dev/*|/tmp|/var/tmp|/home|/root|/run/user|"$state") continue ;; esac
      case ",$options," in *,ro,*) continue ;; esac
      mount -o remount,bind,ro "$target"
    done
    cd "$state"                                                              # WorkingDirectory=
    umask 0077                                                               # UMask=0077
    exec setpriv --reuid="$user" --regid="$user" --init-groups --no-new-privs \
      --inh-caps=-all --ambient-caps=-all --bounding-set=-all -- "$@"        # User=, NoNewPrivileges=, CapabilityBoundingSet=
  ' sandboxed "$state" "$SERVICE_USER" "$@"
}

# Writes the command line of the sandboxed service into $svc/service.sh (the harness runs it).
cat >"$svc/service.sh" <<EOF
#!/bin/bash
$(declare -f sandboxed)
state='$state'
SERVICE_USER='$SERVICE_USER'
sandboxed "\$@"
EOF
chmod 0755 "$svc/service.sh"
java_cmd=(/usr/bin/java "@$svc/jvm.options" -jar "$svc/smart-toaster.jar")

harness() { # name, harness args...
  local name="$1"
  shift
  local out
  if out="$(python3 .ci/service_harness.py --notify-socket "$svc/notify.sock" --log "$work/$name.log" \
      --timeout 60 "${service_env[@]}" "$@")"; then
    ok "$name: $out"
  else
    fail "$name: $out"$'\n'"--- last lines of $work/$name.log:"$'\n'"$(tail -25 "$work/$name.log")"
  fi
}

# Class-data sharing, as install.sh writes it: one training run as the service user.
grep -v -e SharedArchiveFile -e '^-Xshare' "$svc/jvm.options" >"$svc/jvm-cds-training.options"
cp src/test/resources/scenarios/normal-white-medium.json "$svc/scenario.json"
chmod 0644 "$svc/jvm-cds-training.options" "$svc/scenario.json"
if (cd "$svc" && umask 0077 && runuser -u "$SERVICE_USER" -- /usr/bin/java "@$svc/jvm-cds-training.options" \
    "-XX:ArchiveClassesAtExit=$state/app-cds.jsa" -jar "$svc/smart-toaster.jar" simulate \
    --scenario "$svc/scenario.json" --json >/dev/null 2>"$work/cds.log") \
    && runuser -u "$SERVICE_USER" -- /usr/bin/java "@$svc/jvm.options" -Xshare:on -jar "$svc/smart-toaster.jar" --version >/dev/null; then
  ok "class-data-sharing archive written and accepted ($(du -k "$state/app-cds.jsa" | cut -f1) KB)"
else
  fail "class-data-sharing archive: $(tail -5 "$work/cds.log")"
fi

harness cycle --watchdog-usec 2000000 \
  --step ready --step 'status~^Ready: self-test passed' --step pings:3 \
  --step key:l --step 'log~Cycle started: [0-9.]+ s from model' --step 'log~Cycle ended: done' \
  --step key:q --step exit:0 --step stopping \
  --step 'nolog~MODEL REFUSED|Read-only file system|AccessDenied|Permission denied|Exception' \
  -- "$svc/service.sh" "${java_cmd[@]}" run --config "$svc/toaster.yaml"
grep -q 'State directory .* (from \$STATE_DIRECTORY)' "$work/cycle.log" || fail "the state directory was not taken from \$STATE_DIRECTORY"
grep -q 'Self-test sensor PASS' "$work/cycle.log" || fail "no sensor self-test in the log"
# The TFLite runtime's natives stay unpacked in the state directory (x86_64: DJL's cache; JNA's
# stub is unpacked afresh by each process and removed when it exits).
[ -n "$(find "$state/cache/djl" -name '*.so' 2>/dev/null | head -1)" ] || fail "no TFLite native under $state/cache/djl"
[ -d "$state/cache/jna" ] || fail "JNA did not use $state/cache/jna"

[ -f "$state/history.db" ] || fail "no cycle history at $state/history.db"

# A power cut (kill -9) mid-cycle leaves the cycle open; the next start closes it as interrupted.
harness killed-mid-cycle --watchdog-usec 2000000 \
  --step ready --step key:l --step 'log~Cycle started: [0-9.]+ s from model' --step sleep:1 \
  --step signal:KILL --step exit:-9 \
  -- "$svc/service.sh" "${java_cmd[@]}" run --config "$svc/toaster.yaml"
harness interrupted-closed --watchdog-usec 2000000 \
  --step ready --step 'log~Cycle .* closed as interrupted' --step key:q --step exit:0 \
  -- "$svc/service.sh" "${java_cmd[@]}" run --config "$svc/toaster.yaml"

# Under systemd stdin is /dev/null: at its end the simulated toaster runs on without keys, and
# SIGTERM (systemctl stop) switches it off; the JVM then exits 143, which the unit counts as success.
harness headless --watchdog-usec 2000000 \
  --step ready --step eof --step 'log~No more keys on standard input: running until stopped' --step pings:3 \
  --step signal:TERM --step stopping --step 'log~Stopped: heater off, carriage released' --step exit:143 \
  -- "$svc/service.sh" "${java_cmd[@]}" run --config "$svc/toaster.yaml"
grep -qx 'SuccessExitStatus=143' "$UNIT" || fail "the unit does not count the JVM's exit on SIGTERM (143) as success"

# A user-resettable fault stored before the restart: latched again, start refused, reset clears it.
cat >"$state/latched-fault.json" <<'JSON'
{"version": 1, "code": "LEASE_EXPIRED", "message": "Heat lease expired (stored by service-check.sh).",
 "measured": 0.55, "limit": 0.5, "latchedAt": "2026-11-27T10:15:30Z"}
JSON
chown "$SERVICE_USER:$SERVICE_USER" "$state/latched-fault.json" && chmod 0600 "$state/latched-fault.json"
harness restored-fault --watchdog-usec 2000000 \
  --step ready --step 'status~^FAULT LEASE_EXPIRED: .*Restored after a restart' --step pings:1 \
  --step key:l --step 'log~start refused: a fault is latched' --step sleep:0.5 \
  --step key:x --step 'log~Fault LEASE_EXPIRED cleared by USER reset' --step key:q --step exit:0 \
  -- "$svc/service.sh" "${java_cmd[@]}" run --config "$svc/toaster.yaml"
[ ! -e "$state/latched-fault.json" ] || fail "the reset did not clear the fault store"

# One that needs service: a user reset is refused and the stored fault stays.
cat >"$state/latched-fault.json" <<'JSON'
{"version": 1, "code": "HEATER_STUCK_ON", "message": "Heater stuck on (stored by service-check.sh).",
 "measured": 0.15, "limit": 0.1, "latchedAt": "2026-11-27T10:15:30Z"}
JSON
chown "$SERVICE_USER:$SERVICE_USER" "$state/latched-fault.json" && chmod 0600 "$state/latched-fault.json"
harness service-fault \
  --step ready --step 'status~^FAULT HEATER_STUCK_ON' --step sleep:0.5 \
  --step key:x --step 'log~USER reset of HEATER_STUCK_ON refused: .*needs service' --step key:q --step exit:0 \
  -- "$svc/service.sh" "${java_cmd[@]}" run --config "$svc/toaster.yaml"
[ -f "$state/latched-fault.json" ] || fail "a fault that needs service was cleared by a user reset"
rm -f "$state/latched-fault.json" # the service reset, as it were

# --- 5. the system calls against the unit's SystemCallFilter= --------------------------------------
# Without systemd as PID 1 the seccomp filter cannot be applied here; instead every system call the
# JVM makes in a run (start, self-test, sd_notify, a cycle with the model, stop) is traced and checked
# against the filter as systemd would build it. The same for the arm64 JVM under qemu when the
# aarch64 toolchain of .ci/aarch64-smoke.sh is installed.
step "system calls against SystemCallFilter="
if ! command -v strace >/dev/null && [ "${CI:-}" = true ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends strace >/dev/null 2>&1 || true
fi
install -d -m 0700 -o "$SERVICE_USER" -g "$SERVICE_USER" "$state/trace"
if command -v strace >/dev/null; then
  harness syscalls-x86_64 --any-pid --watchdog-usec 2000000 \
    --step ready --step pings:2 --step key:l --step 'log~Cycle ended: done' --step key:q --step exit:0 \
    -- "$svc/service.sh" /usr/bin/strace -f -qq -ff -o "$state/trace/native" "${java_cmd[@]}" run --config "$svc/toaster.yaml"
  if filter_out="$(python3 .ci/syscall_filter_check.py "$UNIT" "$state"/trace/native.*)"; then
    ok "$(uname -m) JVM: $filter_out"
  else
    fail "$(uname -m) JVM: $filter_out"
  fi
else
  echo "skipped: no strace (apt-get install strace)"
fi
ARM_JAVA=/usr/lib/jvm/java-17-openjdk-arm64/bin/java
if command -v qemu-aarch64-static >/dev/null && [ -x "$ARM_JAVA" ]; then
  # Slower under emulation (and tracing): real time, so that a controller thread the emulator stalls
  # for a few hundred milliseconds does not let the 0.5 s heat lease run out (at 4 times real time a
  # 130 ms stall did, 1 run in 3); the lightest shade for a short cycle (about 90 s).
  sed 's/^  realtimeFactor: 10$/  realtimeFactor: 1/' "$svc/toaster.yaml" >"$svc/toaster-arm64.yaml"
  chmod 0644 "$svc/toaster-arm64.yaml"
  harness syscalls-aarch64 --watchdog-usec 5000000 --timeout 150 \
    --step ready --step pings:1 --step key:1 --step key:l --step 'log~Cycle started: [0-9.]+ s from model' \
    --step 'log~Cycle ended: done' --step key:q --step exit:0 \
    -- "$svc/service.sh" /usr/bin/qemu-aarch64-static -strace -D "$state/trace/aarch64.log" "$ARM_JAVA" \
    "@$svc/jvm.options" -jar "$svc/smart-toaster.jar" run --config "$svc/toaster-arm64.yaml"
  if filter_out="$(python3 .ci/syscall_filter_check.py "$UNIT" "$state/trace/aarch64.log")"; then
    ok "aarch64 JVM (emulated): $filter_out"
  else
    fail "aarch64 JVM (emulated): $filter_out"
  fi
else
  echo "aarch64: skipped (no qemu-aarch64-static or arm64 JRE; .ci/aarch64-smoke.sh installs them)"
fi
rm -rf "$state/trace"

# ExecStopPost: safe-off (nothing to drive on the simulated appliance; exit 0).
if safe_off="$("$svc/service.sh" "${java_cmd[@]}" safe-off --config "$svc/toaster.yaml" 2>&1)"; then
  ok "safe-off: $safe_off"
else
  fail "safe-off: $safe_off"
fi

# Everything in the state directory belongs to the service user and is private to it.
not_owned="$(find "$state" ! -user "$SERVICE_USER" | head -3)"
[ -z "$not_owned" ] || fail "not owned by $SERVICE_USER in the state directory: $not_owned"
readable="$(find "$state" -type f -perm /077 | head -3)"
[ -z "$readable" ] || fail "files in the state directory open to others despite UMask=0077: $readable"

echo
if [ "$failures" -ne 0 ]; then
  echo "service-check: $failures check(s) failed" >&2
  exit 1
fi
rm -rf "$svc"
echo "service-check: all checks passed"
