#!/usr/bin/env python3
"""Plays systemd's side of a Type=notify service for the CI check and the benchmarks.

Binds a notify socket (AF_UNIX datagram, as systemd's), starts the command with NOTIFY_SOCKET and
WATCHDOG_USEC set, and runs a script of steps against it: wait for READY=1, count WATCHDOG=1 pings,
press keys on its stdin, wait for log lines on its stderr, run simulated cycles, read its resident
memory from /proc/PID/status. Prints one JSON object with what it measured; exits 1 on the first
failed step, saying which.

  service_harness.py [--timeout S] [--watchdog-usec N] [--log FILE] [--env K=V ...]
                     --notify-socket PATH --step STEP [--step STEP ...] -- COMMAND...

Steps:
  ready            wait for READY=1 (the time from start is reported as ready_s)
  status~REGEX     the status sent with READY=1 matches REGEX
  pings:N          wait until N WATCHDOG=1 pings have arrived since READY=1
  key:C            write C to the command's stdin (the simulated appliance's front panel)
  eof              close the command's stdin (as systemd's StandardInput=null gives end of input)
  signal:NAME      send the signal (e.g. TERM, as systemctl stop does) to the main process
  log~REGEX        wait for a stderr line matching REGEX (after the previous log step's line)
  nolog~REGEX      no stderr line so far matches REGEX
  sleep:S          wait S seconds
  cycles:S[:P]     press the lever (l) and wait for the cycle to end, again and again, until the
                   predicted heating times add up to S simulated seconds; P wall seconds between
                   cycles (unloading and loading bread; the chamber cools a little)
  rss              read VmRSS and VmHWM of the process
  stopping         STOPPING=1 was received
  exit:N           wait for the process to exit with status N
The process id comes from the notification's credentials (SO_PASSCRED), which also proves the
notifications came from the service's main process, as NotifyAccess=main requires (--any-pid
accepts another: the command is a wrapper such as strace that runs the service as its child).
"""
import argparse
import json
import os
import re
import signal
import socket
import struct
import subprocess
import sys
import threading
import time

SCM_CREDENTIALS = 2
SO_PASSCRED = 16
PRIORITY = re.compile(r"^<[0-7]>")


class Failure(Exception):
    pass


class Harness:
    def __init__(self, args):
        self.args = args
        self.lines = []
        self.lines_lock = threading.Condition()
        self.notes = []
        self.notes_lock = threading.Condition()
        self.prefixed = 0
        self.log_pos = 0
        self.result = {"command": args.command[0], "pings": 0}
        self.log_file = open(args.log, "w", encoding="utf-8") if args.log else None

    # --- notify socket ---------------------------------------------------------------------------
    def bind(self):
        path = self.args.notify_socket
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, SO_PASSCRED, 1)
        self.sock.bind(path)
        os.chmod(path, 0o777)  # the service runs as its own user
        self.sock.settimeout(0.2)

    def receive(self):
        while not self.done:
            try:
                data, anc, _flags, _addr = self.sock.recvmsg(4096, socket.CMSG_SPACE(12))
            except socket.timeout:
                continue
            except OSError:
                return
            pid = None
            for level, kind, payload in anc:
                if level == socket.SOL_SOCKET and kind == SCM_CREDENTIALS:
                    pid, _uid, _gid = struct.unpack("iII", payload[:12])
            with self.notes_lock:
                self.notes.append((time.monotonic() - self.t0, pid, data.decode("utf-8", "replace")))
                self.notes_lock.notify_all()

    def wait_note(self, predicate, what):
        deadline = time.monotonic() + self.args.timeout
        with self.notes_lock:
            while True:
                for note in self.notes:
                    if predicate(note):
                        return note
                self.check_alive(what)
                left = deadline - time.monotonic()
                if left <= 0:
                    raise Failure("timed out after %.0f s waiting for %s" % (self.args.timeout, what))
                self.notes_lock.wait(min(left, 0.2))

    # --- the process -----------------------------------------------------------------------------
    def start(self):
        env = {}
        for kv in self.args.env:
            k, _, v = kv.partition("=")
            env[k] = v
        env["NOTIFY_SOCKET"] = self.args.notify_socket
        if self.args.watchdog_usec:
            env["WATCHDOG_USEC"] = str(self.args.watchdog_usec)
        self.done = False
        self.t0 = time.monotonic()
        self.proc = subprocess.Popen(self.args.command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, env=env)
        threading.Thread(target=self.receive, daemon=True).start()
        threading.Thread(target=self.read_stderr, daemon=True).start()

    def read_stderr(self):
        for raw in iter(self.proc.stderr.readline, b""):
            for part in raw.decode("utf-8", "replace").replace("\r", "\n").split("\n"):
                if not part.strip() or part.startswith("["):  # the panel's status line
                    continue
                if PRIORITY.match(part):
                    self.prefixed += 1
                    part = part[3:]
                if self.log_file:
                    self.log_file.write("%8.3f %s\n" % (time.monotonic() - self.t0, part))
                    self.log_file.flush()
                with self.lines_lock:
                    self.lines.append(part)
                    self.lines_lock.notify_all()
        with self.lines_lock:
            self.lines_lock.notify_all()

    def check_alive(self, what):
        if self.proc.poll() is not None:
            raise Failure("the process exited with status %s while waiting for %s" % (self.proc.returncode, what))

    def wait_line(self, pattern, what=None):
        regex = re.compile(pattern)
        deadline = time.monotonic() + self.args.timeout
        with self.lines_lock:
            while True:
                while self.log_pos < len(self.lines):
                    line = self.lines[self.log_pos]
                    self.log_pos += 1
                    if regex.search(line):
                        return line
                self.check_alive(what or "a log line matching " + pattern)
                left = deadline - time.monotonic()
                if left <= 0:
                    raise Failure("timed out after %.0f s waiting for a log line matching %s"
                                  % (self.args.timeout, pattern))
                self.lines_lock.wait(min(left, 0.2))

    def key(self, text):
        self.proc.stdin.write(text.encode())
        self.proc.stdin.flush()

    # --- steps -----------------------------------------------------------------------------------
    def step(self, step):
        if step == "ready":
            t, pid, msg = self.wait_note(lambda n: "READY=1" in n[2].split("\n"), "READY=1")
            self.result["ready_s"] = round(t, 3)
            self.result["status"] = next((l[7:] for l in msg.split("\n") if l.startswith("STATUS=")), None)
            self.pid = pid if pid else self.proc.pid
            self.result["pid_matches"] = self.pid == self.proc.pid
            if not self.result["pid_matches"] and not self.args.any_pid:
                raise Failure("READY=1 came from pid %s, not the main process %s" % (pid, self.proc.pid))
            self.ready_at = t
        elif step.startswith("status~"):
            if not re.search(step[7:], self.result.get("status") or ""):
                raise Failure("status %r does not match %s" % (self.result.get("status"), step[7:]))
        elif step.startswith("pings:"):
            n = int(step[6:])
            self.wait_note(lambda _n: self.count_pings() >= n, "%d watchdog pings" % n)
        elif step.startswith("key:"):
            self.key(step[4:])
        elif step == "eof":
            self.proc.stdin.close()
        elif step.startswith("signal:"):
            self.proc.send_signal(getattr(signal, "SIG" + step[7:]))
        elif step.startswith("log~"):
            self.wait_line(step[4:])
        elif step.startswith("nolog~"):
            regex = re.compile(step[6:])
            with self.lines_lock:
                bad = [l for l in self.lines if regex.search(l)]
            if bad:
                raise Failure("unexpected log line: " + bad[0])
        elif step.startswith("sleep:"):
            time.sleep(float(step[6:]))
        elif step.startswith("cycles:"):
            spec = step[7:].split(":")
            self.cycles(float(spec[0]), float(spec[1]) if len(spec) > 1 else 0.0)
        elif step == "rss":
            self.rss()
        elif step == "stopping":
            self.wait_note(lambda n: "STOPPING=1" in n[2].split("\n"), "STOPPING=1")
        elif step.startswith("exit:"):
            try:
                code = self.proc.wait(timeout=self.args.timeout)
            except subprocess.TimeoutExpired:
                raise Failure("the process did not exit within %.0f s" % self.args.timeout)
            self.result["exit"] = code
            if code != int(step[5:]):
                raise Failure("exit status %d, expected %s" % (code, step[5:]))
        else:
            raise Failure("unknown step " + step)

    def count_pings(self):
        return sum(1 for n in self.notes if n[2] == "WATCHDOG=1")

    def cycles(self, sim_seconds, pause):
        total = 0.0
        count = 0
        started = time.monotonic()
        while total < sim_seconds:
            if count and pause:
                time.sleep(pause)
            self.key("l")
            line = self.wait_line(r"Cycle started: [0-9.]+ s|start refused")
            m = re.search(r"Cycle started: ([0-9.]+) s", line)
            if not m:
                raise Failure("a cycle did not start: " + line)
            total += float(m.group(1))
            end = self.wait_line(r"Cycle ended: done|FAULT ")
            if "FAULT " in end:
                raise Failure("a fault ended cycle %d: %s" % (count + 1, end))
            count += 1
            self.wait_line(r"Carriage released")
        self.result["cycles"] = count
        self.result["simulated_heating_s"] = round(total, 1)
        self.result["cycles_wall_s"] = round(time.monotonic() - started, 1)

    def rss(self):
        fields = {}
        with open("/proc/%d/status" % self.pid) as f:
            for line in f:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM", "Threads"):
                    fields[key] = value.split()[0]
        self.result["rss_mb"] = round(int(fields["VmRSS"]) / 1024, 1)
        self.result["hwm_mb"] = round(int(fields["VmHWM"]) / 1024, 1)
        self.result["threads"] = int(fields["Threads"])

    def run(self):
        self.bind()
        self.start()
        try:
            for step in self.args.step:
                self.step(step)
            self.result["ok"] = True
        except Failure as e:
            self.result["ok"] = False
            self.result["failed_step"] = step
            self.result["error"] = str(e)
        finally:
            self.result["pings"] = self.count_pings()
            self.result["priority_prefixed_lines"] = self.prefixed
            if self.proc.poll() is None:
                self.proc.terminate()
                try:
                    self.proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
            self.done = True
            self.sock.close()
            try:
                os.unlink(self.args.notify_socket)
            except FileNotFoundError:
                pass
        print(json.dumps(self.result))
        return 0 if self.result["ok"] else 1


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--notify-socket", required=True)
    p.add_argument("--timeout", type=float, default=60.0)
    p.add_argument("--watchdog-usec", type=int, default=0)
    p.add_argument("--log")
    p.add_argument("--any-pid", action="store_true", help="notifications may come from a child process")
    p.add_argument("--env", action="append", default=[], help="K=V for the command's environment")
    p.add_argument("--step", action="append", default=[])
    p.add_argument("command", nargs="+")
    args = p.parse_args()
    sys.exit(Harness(args).run())


if __name__ == "__main__":
    main()
