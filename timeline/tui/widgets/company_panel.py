"""The company panel: every company with its event count under the current filters.

In the list: space selects several, enter solos the highlighted one, backspace clears the selection, `/`
narrows the list by typing, escape goes back to the timeline. Every other key of the app works here too:
the list takes no typed letters, only the narrowing box does, and escape leaves that box.
"""

from __future__ import annotations

from collections import Counter

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Label, SelectionList
from textual.widgets.selection_list import Selection

from ...terminal_text import printable


class CompanyList(SelectionList[str]):
    """A SelectionList whose enter solos the highlighted company."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
        Binding("space", "select", "Select"),
        Binding("enter", "solo", "Solo"),
        Binding("backspace", "clear", "Clear"),
        Binding("slash", "narrow", "Narrow"),
        Binding("escape", "leave", "Back"),
    ]

    class Solo(Message):
        def __init__(self, company: str) -> None:
            self.company = company
            super().__init__()

    class Cleared(Message):
        pass

    class Left(Message):
        """Escape: back to the timeline."""

    def action_solo(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Solo(self.get_option_at_index(self.highlighted).value))

    def action_clear(self) -> None:
        self.post_message(self.Cleared())

    def action_narrow(self) -> None:
        narrow = self.parent.query_one("#company-narrow", Input)
        narrow.display = True
        narrow.focus()

    def action_leave(self) -> None:
        self.post_message(self.Left())


class CompanyPanel(Vertical):
    """Title, narrowing box and the company list; posts `SelectionChanged` with the chosen companies."""

    class SelectionChanged(Message):
        def __init__(self, companies: tuple[str, ...]) -> None:
            self.companies = companies
            super().__init__()

    class Narrowed(Message):
        def __init__(self, text: str) -> None:
            self.text = text
            super().__init__()

    BINDINGS = [Binding("escape", "stop_narrowing", "Back to the list", show=False)]

    def compose(self) -> ComposeResult:
        yield Label("Companies", id="company-title", markup=False)
        yield Input(placeholder="narrow: type part of a name", id="company-narrow")
        yield CompanyList(id="company-list")

    def on_mount(self) -> None:
        self.query_one("#company-narrow", Input).display = False

    @property
    def company_list(self) -> CompanyList:
        return self.query_one(CompanyList)

    @property
    def narrow(self) -> str:
        return self.query_one("#company-narrow", Input).value

    _shown: tuple = ()

    def show_counts(self, counts: Counter, selected: tuple[str, ...]) -> None:
        """Rebuild the list for these counts, keeping the selection and the highlighted company.

        When only the selection changed, the options stay and just their check marks follow.
        """
        company_list = self.company_list
        narrow = self.narrow.lower()
        if self._shown == (id(counts), narrow):
            for name in set(selected) - set(company_list.selected):
                if name in self._names:
                    company_list.select(name)
            for name in set(company_list.selected) - set(selected):
                company_list.deselect(name)
            return
        self._shown = (id(counts), narrow)
        highlighted = None
        if company_list.highlighted is not None and company_list.option_count:
            highlighted = company_list.get_option_at_index(company_list.highlighted).value
        names = sorted(set(counts) | set(selected), key=lambda name: (-counts.get(name, 0), name.lower()))
        if narrow:
            names = [name for name in names if narrow in name.lower()]
        self._names = set(names)
        with self.app.batch_update():
            company_list.clear_options()
            company_list.add_options(
                Selection(Content(f"{_fit(printable(name), 18)} {counts.get(name, 0):>5}"), name, name in selected)
                for name in names
            )
            if highlighted in names:
                company_list.highlighted = names.index(highlighted)
            elif names:
                company_list.highlighted = 0
        self.query_one("#company-title", Label).update(f"Companies ({len(names)})")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Narrowed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.company_list.focus()

    def action_stop_narrowing(self) -> None:
        """Escape in the narrowing box: empty it, hide it, back to the list."""
        narrow = self.query_one("#company-narrow", Input)
        if narrow.has_focus:
            narrow.value = ""
            narrow.display = False
            self.company_list.focus()

    def on_selection_list_selection_toggled(self, event: SelectionList.SelectionToggled) -> None:
        event.stop()
        self.post_message(self.SelectionChanged(tuple(self.company_list.selected)))

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()


def _fit(name: str, width: int) -> str:
    return (name if len(name) <= width else name[: width - 1] + "…").ljust(width)
