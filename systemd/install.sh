#!/usr/bin/env bash
# Installs the smart toaster controller as a systemd service (Raspberry Pi OS 64-bit; any systemd
# Linux with Java 17+). Run as root from a checkout with a built jar (mvn -B -q package -DskipTests).
#
#   systemd/install.sh [--jar FILE] [--config FILE] [--no-hw-watchdog]
#   systemd/install.sh --uninstall [--purge]
#
# Lays out:
#   /opt/smart-toaster/smart-toaster.jar         the device jar (and README.md; install.sh for --uninstall)
#   /etc/smart-toaster/toaster.yaml              the config (--config, default config/pi.yaml)
#   /etc/smart-toaster/jvm.options               the JVM options (java @argfile)
#   /etc/systemd/system/smart-toaster.service    the unit
#   /etc/systemd/system.conf.d/smart-toaster-watchdog.conf   the Pi's hardware watchdog
#   /var/lib/smart-toaster/                      state: latched fault, caches, CDS archive, history
# An edited config or jvm.options is never overwritten: the new one is put beside it as *.new.
# Then it creates the system user smart-toaster, writes the class-data-sharing archive and enables
# and (re)starts the service.
#
# DESTDIR=/some/root lays the files out under that root only (for packaging or a test): no user,
# no systemctl, no CDS archive (its paths must be the final ones).
#
# --uninstall stops and disables the service and removes the program, the unit and the watchdog
# drop-in; the config and the state (latched fault, cycle history) stay. --purge also removes
# /etc/smart-toaster, /var/lib/smart-toaster and the user.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
DESTDIR="${DESTDIR:-}"
DESTDIR="${DESTDIR%/}"

NAME=smart-toaster
SERVICE_USER=smart-toaster
OPT=/opt/$NAME
ETC=/etc/$NAME
STATE=/var/lib/$NAME
UNIT_DIR=/etc/systemd/system
DROPIN_DIR=/etc/systemd/system.conf.d
DROPIN=$NAME-watchdog.conf
GROUPS_NEEDED=(gpio spi input)

jar=""
config=""
hw_watchdog=true
mode=install
purge=false

usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
}

die() {
  echo "install.sh: $*" >&2
  exit 1
}

say() {
  echo "install.sh: $*"
}

while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar="${2:?--jar needs a file}"; shift 2 ;;
    --config) config="${2:?--config needs a file}"; shift 2 ;;
    --no-hw-watchdog) hw_watchdog=false; shift ;;
    --uninstall) mode=uninstall; shift ;;
    --purge) purge=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

if $purge && [ "$mode" != uninstall ]; then
  die "--purge goes with --uninstall"
fi

live() { [ -z "$DESTDIR" ]; }

if live && [ "$(id -u)" -ne 0 ]; then
  die "run as root (or set DESTDIR to lay the files out under another root)"
fi

have_systemd() { live && [ -d /run/systemd/system ] && command -v systemctl >/dev/null; }

# Installs $1 as $2 with mode $3, unless $2 exists with other content (an edited file): then $1 goes
# to $2.new and the edited file stays.
install_config_file() {
  local src="$1" dst="$2" mode="$3"
  if [ -e "$dst" ] && ! cmp -s "$src" "$dst"; then
    install -m "$mode" "$src" "$dst.new"
    say "kept the edited $dst; the shipped version is $dst.new (compare and merge by hand)"
  else
    install -m "$mode" "$src" "$dst"
    rm -f "$dst.new"
  fi
}

java_major() {
  # "17.0.21.1" or "21.0.5" -> 17 / 21
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -1
}

# --- uninstall ----------------------------------------------------------------------------------
if [ "$mode" = uninstall ]; then
  if have_systemd; then
    systemctl disable --now "$NAME.service" 2>/dev/null || true
  fi
  rm -f "$DESTDIR$UNIT_DIR/$NAME.service"
  rm -rf "$DESTDIR$UNIT_DIR/$NAME.service.d"
  rm -f "$DESTDIR$UNIT_DIR/multi-user.target.wants/$NAME.service"
  rm -f "$DESTDIR$DROPIN_DIR/$DROPIN"
  rmdir "$DESTDIR$DROPIN_DIR" 2>/dev/null || true
  rm -rf "$DESTDIR$OPT"
  if $purge; then
    rm -rf "$DESTDIR$ETC" "$DESTDIR$STATE"
    if live && getent passwd "$SERVICE_USER" >/dev/null; then
      userdel "$SERVICE_USER" || say "could not remove the user $SERVICE_USER"
    fi
    say "removed the program, the unit, the config$(live && echo ', the user') and the state (latched fault," \
      "cycle history)"
  else
    say "removed the program and the unit; kept $ETC and $STATE (latched fault, cycle history)." \
      "Remove them with --uninstall --purge"
  fi
  if have_systemd; then
    systemctl daemon-reload
  fi
  exit 0
fi

# --- install: what goes where -------------------------------------------------------------------
[ -n "$jar" ] || jar="$repo/target/$NAME.jar"
[ -n "$config" ] || config="$repo/config/pi.yaml"
[ -f "$jar" ] || die "no jar at $jar: build it with 'mvn -B -q package -DskipTests' or pass --jar FILE"
[ -f "$config" ] || die "no config at $config (pass --config FILE)"
for f in "$here/$NAME.service" "$here/jvm.options" "$here/system.conf.d/$DROPIN" "$here/README.md"; do
  [ -f "$f" ] || die "missing $f next to install.sh"
done

java_bin=/usr/bin/java
if [ -x "$java_bin" ]; then
  major="$(java_major "$java_bin")"
  if [ -n "$major" ] && [ "$major" -lt 17 ]; then
    die "$java_bin is Java $major; the service needs 17 or later (apt install openjdk-17-jre-headless)"
  fi
  # Refuse to install a config the service would refuse.
  if ! "$java_bin" -jar "$jar" check-config "$config" >/dev/null; then
    die "$config is not a valid config (see above); nothing was installed"
  fi
elif live; then
  die "no $java_bin: install a Java 17 runtime first (apt install openjdk-17-jre-headless)"
else
  say "no $java_bin here: the config was not checked"
fi

# --- user and groups (not under DESTDIR) --------------------------------------------------------
if live; then
  for g in "${GROUPS_NEEDED[@]}"; do
    if ! getent group "$g" >/dev/null; then
      groupadd --system "$g"
      say "created the missing group $g; the devices it stands for must belong to it (Raspberry Pi OS's udev" \
        "rules do this for gpio, spi and input)"
    fi
  done
  if ! getent passwd "$SERVICE_USER" >/dev/null; then
    useradd --system --user-group --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin \
      --comment "Smart toaster controller" "$SERVICE_USER"
    say "created the system user $SERVICE_USER"
  fi
  if have_systemd && systemctl is-active --quiet "$NAME.service"; then
    systemctl stop "$NAME.service"
    restart_note="stopped for the upgrade"
  fi
fi

# --- files --------------------------------------------------------------------------------------
install -d -m 0755 "$DESTDIR$OPT" "$DESTDIR$ETC" "$DESTDIR$UNIT_DIR"
install -m 0644 "$jar" "$DESTDIR$OPT/$NAME.jar"
install -m 0644 "$here/README.md" "$DESTDIR$OPT/README.md"
install -m 0755 "$here/install.sh" "$DESTDIR$OPT/install.sh"
install_config_file "$config" "$DESTDIR$ETC/toaster.yaml" 0640
install_config_file "$here/jvm.options" "$DESTDIR$ETC/jvm.options" 0644
install -m 0644 "$here/$NAME.service" "$DESTDIR$UNIT_DIR/$NAME.service"
if $hw_watchdog; then
  install -d -m 0755 "$DESTDIR$DROPIN_DIR"
  install -m 0644 "$here/system.conf.d/$DROPIN" "$DESTDIR$DROPIN_DIR/$DROPIN"
fi

if ! live; then
  say "laid out under $DESTDIR; skipped (not for a staging root): the user $SERVICE_USER, the state" \
    "directory, the CDS archive, systemctl enable --now $NAME.service"
  exit 0
fi

# The config may hold broker credentials later: readable by root and the service's group only.
chgrp "$SERVICE_USER" "$ETC/toaster.yaml"
[ -e "$ETC/toaster.yaml.new" ] && chgrp "$SERVICE_USER" "$ETC/toaster.yaml.new"
install -d -m 0750 -o "$SERVICE_USER" -g "$SERVICE_USER" "$STATE" "$STATE/tmp" "$STATE/cache"

# --- class-data sharing (Java 17: a dynamic archive from one training run, as the service user) ---
# The archive is tied to this JVM build and this jar; a JDK upgrade makes it stale (then ignored
# silently, start-up is just slower): re-run this script to write a fresh one.
cds_options="$(mktemp)"
scenario_dir="$(mktemp -d)"
trap 'rm -rf "$cds_options" "$scenario_dir"' EXIT
grep -v -e 'SharedArchiveFile' -e '^-Xshare' "$ETC/jvm.options" > "$cds_options"
chmod 0644 "$cds_options"
chmod 0755 "$scenario_dir"
cat > "$scenario_dir/cds-training.json" <<'JSON'
{"version": 1, "name": "class-data sharing training run", "seed": 1, "ambientC": 21.0, "mainsVolts": 230.0,
 "chamberStartC": 21.0, "slices": 2, "bread": {"type": "white", "thicknessMm": 12, "startC": 20.0},
 "shade": 4, "mode": "toast", "faults": [], "actions": []}
JSON
chmod 0644 "$scenario_dir/cds-training.json"
rm -f "$STATE/app-cds.jsa"
# (umask as the unit's UMask=0077, so the caches it fills are the service's alone)
if (umask 0077 && runuser -u "$SERVICE_USER" -- "$java_bin" "@$cds_options" "-XX:ArchiveClassesAtExit=$STATE/app-cds.jsa" \
    -jar "$OPT/$NAME.jar" simulate --scenario "$scenario_dir/cds-training.json" --json >/dev/null 2>&1) \
    && [ -s "$STATE/app-cds.jsa" ]; then
  say "wrote the class-data-sharing archive $STATE/app-cds.jsa"
else
  rm -f "$STATE/app-cds.jsa"
  say "could not write the class-data-sharing archive; the service starts without it (slower start)"
fi

# --- the service ---------------------------------------------------------------------------------
if have_systemd; then
  systemctl daemon-reload
  systemctl enable "$NAME.service"
  systemctl restart "$NAME.service"
  say "installed and started $NAME.service${restart_note:+ (it was $restart_note)}; follow it with:" \
    "journalctl -u $NAME -f"
  if $hw_watchdog; then
    say "the hardware watchdog drop-in takes effect at the next boot (or: systemctl daemon-reexec)"
  fi
else
  say "installed; systemd is not running here, so the service was not enabled or started"
fi
