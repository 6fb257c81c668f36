#!/usr/bin/env python3
"""Runs a command on a fresh pseudo-terminal of a given size, as a user's terminal would.

usage: run_in_pty.py COLUMNS ROWS COMMAND [ARG...]

Bytes on this script's stdin are typed into the terminal; everything the command writes to the
terminal (stdout and stderr alike, escape codes included) is copied to this script's stdout, raw,
so a test can replay it. Exits with the command's exit status. Only the standard library is used.
"""
import fcntl
import os
import select
import struct
import subprocess
import sys
import termios


def main():
    cols, rows, cmd = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    master, slave = os.openpty()
    # The size is set before the command starts, so its first look at the terminal sees it.
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def controlling_terminal():
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)  # /dev/tty is this pty (stty, raw keys)

    child = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, start_new_session=True,
                             preexec_fn=controlling_terminal, close_fds=True)
    os.close(slave)
    typing = True
    out = sys.stdout.buffer
    while True:
        fds = [master] + ([0] if typing else [])
        ready, _, _ = select.select(fds, [], [], 0.05)
        if master in ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the command closed the terminal
                data = b""
            if not data:
                break
            out.write(data)
            out.flush()
        if 0 in ready:
            keys = os.read(0, 1024)
            if keys:
                os.write(master, keys)
            else:
                typing = False
        if not ready and child.poll() is not None:
            # drain what is left, then stop
            try:
                while True:
                    r, _, _ = select.select([master], [], [], 0.1)
                    if not r:
                        break
                    data = os.read(master, 65536)
                    if not data:
                        break
                    out.write(data)
            except OSError:
                pass
            out.flush()
            break
    sys.exit(child.wait())


if __name__ == "__main__":
    main()
