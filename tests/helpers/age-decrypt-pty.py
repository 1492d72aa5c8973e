#!/usr/bin/env python3
"""age-decrypt-pty.py PASSPHRASE_FILE INPUT OUTPUT: `age --decrypt` with the passphrase typed at its prompt.

The age CLI reads a passphrase only from a terminal (/dev/tty): there is no flag, environment
variable or stdin for it. So the test gives it one: a pseudo-terminal (Python's pty module) as
its controlling terminal, answering "Enter passphrase:" the way a person at the keyboard would.
The passphrase comes from a file, never from the command line (which `ps` shows). Exits with age's
exit code; what age printed goes to stderr.
"""
import os
import pty
import sys


def main() -> int:
    passphrase_file, source, output = sys.argv[1:4]
    with open(passphrase_file, "rb") as f:
        passphrase = f.read().strip()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp("age", ["age", "--decrypt", "-o", output, source])
    seen = b""
    answered = False
    while True:
        try:
            chunk = os.read(fd, 1024)
        except OSError:  # EIO: age exited and closed the terminal
            break
        if not chunk:
            break
        seen += chunk
        if not answered and b"passphrase" in seen.lower():
            os.write(fd, passphrase + b"\n")
            answered = True
    _, status = os.waitpid(pid, 0)
    sys.stderr.write(seen.replace(passphrase, b"[passphrase]").decode("utf-8", "replace"))
    return os.waitstatus_to_exitcode(status)


sys.exit(main())
