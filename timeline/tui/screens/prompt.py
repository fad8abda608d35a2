"""A one-line question: search text, a date, a filter line, an export path."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

Answer = Callable[[str], str | None]
"""Takes the typed text and acts on it; returns None when done, or what is wrong (the prompt stays open)."""


class PromptScreen(ModalScreen[str | None]):
    """Asks for one line of text; enter answers it, escape cancels (None).

    With `answer`, enter first hands the text to it: a problem is shown under the line and the dialog
    stays open with the text as typed, so a typo costs one correction, not the whole line.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self, title: str, value: str = "", placeholder: str = "", hint: str = "", answer: Answer | None = None
    ) -> None:
        super().__init__()
        self.title_text, self.value, self.placeholder, self.hint = title, value, placeholder, hint
        self.answer = answer

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt"):
            yield Label(self.title_text, id="prompt-title", markup=False)
            yield Input(value=self.value, placeholder=self.placeholder, id="prompt-input")
            yield Label("", id="prompt-error", markup=False)
            if self.hint:
                yield Label(self.hint, id="prompt-hint", markup=False)

    @property
    def problem(self) -> str:
        return str(self.query_one("#prompt-error", Label).content)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem = self.answer(event.value) if self.answer else None
        if problem:
            error = self.query_one("#prompt-error", Label)
            error.update(problem)
            error.display = True
            return
        self.dismiss(event.value)

    def on_input_changed(self) -> None:
        self.query_one("#prompt-error", Label).display = False

    def action_cancel(self) -> None:
        self.dismiss(None)
