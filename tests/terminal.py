"""Run `timeline` as a user does, on a pseudo-terminal: read what it draws, type keys."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time

ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")
LIMIT = 180.0
"""Seconds before a session that never shows what the test waits for is failed (not a timing assertion)."""


class TerminalSession:
    """`python -m timeline ARGS` with a 100x30 pseudo-terminal as standard input, output and error."""

    def __init__(self, args: list[str], env: dict[str, str], cwd=None):
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        environment = {**os.environ, **env, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "timeline", *args],
            stdin=slave, stdout=slave, stderr=slave, env=environment, cwd=cwd, start_new_session=True,
        )  # fmt: skip
        os.close(slave)
        self.raw = b""

    @property
    def text(self) -> str:
        return ESCAPES.sub("", self.raw.decode("utf-8", "replace"))

    def read_until(self, pattern: str) -> str:
        """Everything shown so far, once `pattern` (a regular expression) has appeared; fails at the limit."""
        deadline = time.monotonic() + LIMIT
        while not re.search(pattern, self.text):
            if time.monotonic() > deadline:
                raise AssertionError(f"{pattern!r} never appeared; the terminal shows:\n{self.text[-2000:]}")
            self._read(0.2)
        return self.text

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def wait(self) -> int:
        """The exit code, once the program has ended (reading on, so it never blocks on a full terminal)."""
        deadline = time.monotonic() + LIMIT
        while self.process.poll() is None:
            if time.monotonic() > deadline:
                self.process.kill()
                raise AssertionError(f"still running; the terminal shows:\n{self.text[-2000:]}")
            self._read(0.1)
        self._read(0.1)
        os.close(self.master)
        return self.process.returncode

    def _read(self, seconds: float) -> None:
        ready, _, _ = select.select([self.master], [], [], seconds)
        if ready:
            try:
                self.raw += os.read(self.master, 65536)
            except OSError:  # the program ended and closed its side of the terminal
                time.sleep(seconds)
