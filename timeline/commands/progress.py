"""The ingest's progress line: drawn in place on a terminal, absent elsewhere, with an honest ETA.

The time left is the articles left over the pace of the last `WINDOW` seconds, measured from the first
article done, so the minutes spent loading the model and the instant skips of unchanged articles do not
throw it off for long. Messages (errors, warnings) are printed above the line; off a terminal they are
plain lines with no escape codes.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from typing import TextIO

from ..terminal_text import printable

WINDOW = 20.0
"""Seconds of recent progress the pace is measured over."""
REDRAW_EVERY = 0.1
CLEAR_LINE = "\r\x1b[K"


class Pace:
    """Seconds left, from (time, articles done) samples over the last `WINDOW` seconds."""

    def __init__(self, total: int, clock: Callable[[], float] = time.monotonic):
        self.total = total
        self.clock = clock
        self.samples: deque[tuple[float, int]] = deque()

    def update(self, done: int) -> None:
        now = self.clock()
        self.samples.append((now, done))
        while len(self.samples) > 2 and now - self.samples[1][0] >= WINDOW:
            self.samples.popleft()

    def seconds_left(self) -> float | None:
        """None until a second has passed since the first article was done."""
        if len(self.samples) < 2:
            return None
        (first_time, first_done), (last_time, last_done) = self.samples[0], self.samples[-1]
        if last_time - first_time < 1.0 or last_done <= first_done:
            return None
        rate = (last_done - first_done) / (last_time - first_time)
        return max(0, self.total - last_done) / rate


def clock_text(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class ProgressLine:
    """`Ingesting [#####-----] 123/1000 ETA 01:23 name`, redrawn at most every `REDRAW_EVERY` seconds."""

    def __init__(self, total: int, stream: TextIO, *, enabled: bool, clock: Callable[[], float] = time.monotonic):
        self.total, self.stream, self.clock = total, stream, clock
        self.enabled = enabled and stream.isatty()
        self.pace = Pace(total, clock)
        self.done, self.name, self.drawn_at = 0, "", None

    def advance(self, done: int, name: str) -> None:
        self.done, self.name = done, name
        self.pace.update(done)
        if self.enabled and (self.drawn_at is None or self.clock() - self.drawn_at >= REDRAW_EVERY):
            self.draw()

    def draw(self) -> None:
        width = 24
        filled = width * min(self.done, self.total) // self.total if self.total else width
        bar = "#" * filled + "-" * (width - filled)
        line = f"Ingesting  [{bar}]  {self.done}/{self.total}  ETA {clock_text(self.pace.seconds_left())}"
        self.stream.write(f"{CLEAR_LINE}{line}  {printable(self.name, 30)}")
        self.stream.flush()
        self.drawn_at = self.clock()

    def message(self, line: str) -> None:
        """A line of its own above the progress line (which is drawn again after it)."""
        if self.enabled and self.drawn_at is not None:
            self.stream.write(CLEAR_LINE)
        self.stream.write(line + "\n")
        if self.enabled and self.drawn_at is not None:
            self.draw()
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.drawn_at is not None:
            self.stream.write(CLEAR_LINE)
            self.stream.flush()
