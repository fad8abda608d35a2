"""The status line: the app's latest message, one line above the footer.

Toasts stack up in the corner over the detail pane; here a message replaces the one before, sits where it
hides nothing, and goes away after its timeout.
"""

from __future__ import annotations

from rich.text import Text
from textual.timer import Timer
from textual.widgets import Static

STYLES = {"information": "", "warning": "bold yellow", "error": "bold red"}


class StatusLine(Static):
    """Shows one message at a time; hidden when there is none."""

    def __init__(self, **kwargs) -> None:
        super().__init__("", **kwargs)
        self.message = ""
        self.history: list[str] = []
        """Every message said, oldest first (what a user saw, for tests and bug reports)."""
        self._timer: Timer | None = None

    def on_mount(self) -> None:
        self.display = False

    def say(self, message: str, severity: str = "information", timeout: float = 5.0) -> None:
        """Show `message` as plain text (never markup) until `timeout` seconds pass or another replaces it."""
        self.message = message
        self.history.append(message)
        self.update(Text(" ".join(message.split()), style=STYLES.get(severity, ""), no_wrap=True, overflow="ellipsis"))
        self.display = True
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(timeout, self.clear)

    def clear(self) -> None:
        self.message = ""
        self.display = False
