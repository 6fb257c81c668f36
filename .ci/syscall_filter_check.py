#!/usr/bin/env python3
"""Checks that a traced process made no system call the unit's SystemCallFilter= would refuse.

  syscall_filter_check.py UNIT TRACE...

UNIT is a .service file; its SystemCallFilter= lines are combined as systemd combines them (the
first line an allow list, later lines adding to it, lines starting with ~ taking away), with the
groups (@system-service, ...) expanded from `systemd-analyze syscall-filter` of this machine's
systemd. TRACE files are `strace -f -o` or `qemu-aarch64 -strace` output. Prints the calls used and
any refused; exits 1 if any would be refused.
"""
import re
import subprocess
import sys

CALL = re.compile(r"^(?:\[pid +\d+\] |\d+ +)?([a-z_][a-z0-9_]*)\(")


def groups():
    out = subprocess.run(["systemd-analyze", "syscall-filter"], capture_output=True, text=True, check=True).stdout
    table, current = {}, None
    for line in out.splitlines():
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        if not line.startswith(" ") and text.startswith("@"):
            current = table.setdefault(text, [])
        elif current is not None:
            current.append(text)
    return table


def expand(names, table, seen=None):
    seen = set() if seen is None else seen
    calls = set()
    for name in names:
        if name.startswith("@"):
            if name not in seen:
                seen.add(name)
                calls |= expand(table.get(name, []), table, seen)
        else:
            calls.add(name)
    return calls


def allowed_by(unit, table):
    allowed = None
    for line in open(unit, encoding="utf-8"):
        line = line.strip()
        if not line.startswith("SystemCallFilter="):
            continue
        value = line.split("=", 1)[1].strip()
        deny = value.startswith("~")
        names = expand(value.lstrip("~").split(), table)
        if allowed is None:
            if deny:
                raise SystemExit("this check reads allow lists; %s starts with a deny list" % unit)
            allowed = names
        elif deny:
            allowed -= names
        else:
            allowed |= names
    if allowed is None:
        raise SystemExit("%s has no SystemCallFilter=" % unit)
    return allowed


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    table = groups()
    allowed = allowed_by(sys.argv[1], table)
    used = set()
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = CALL.match(line)
                if m:
                    used.add(m.group(1))
    refused = sorted(used - allowed)
    print("%d distinct system calls traced; refused by %s: %s"
          % (len(used), sys.argv[1], ", ".join(refused) if refused else "none"))
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())
