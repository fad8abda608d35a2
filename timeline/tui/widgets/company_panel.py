"""The company panel: every company with its event count under the current filters.

Space selects several, enter solos the highlighted one, escape clears; typing narrows the list.
"""

from __future__ import annotations

from collections import Counter

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Label, SelectionList
from textual.widgets.selection_list import Selection

from ...terminal_text import printable


class CompanyList(SelectionList[str]):
    """A SelectionList whose enter solos and whose printable keys narrow the list."""

    BINDINGS = [
        Binding("enter", "solo", "Solo", show=False),
        Binding("escape", "clear", "Clear", show=False),
    ]

    class Solo(Message):
        def __init__(self, company: str) -> None:
            self.company = company
            super().__init__()

    class Cleared(Message):
        pass

    class Narrowed(Message):
        def __init__(self, text: str) -> None:
            self.text = text
            super().__init__()

    narrow = ""

    def action_solo(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Solo(self.get_option_at_index(self.highlighted).value))

    def action_clear(self) -> None:
        self.narrow = ""
        self.post_message(self.Cleared())

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isprintable() and event.character not in " " and event.key != "space":
            if event.key in ("j", "k") and not self.narrow:
                return
            self.narrow += event.character
            self.post_message(self.Narrowed(self.narrow))
            event.stop()
        elif event.key == "backspace" and self.narrow:
            self.narrow = self.narrow[:-1]
            self.post_message(self.Narrowed(self.narrow))
            event.stop()


class CompanyPanel(Vertical):
    """Title, narrowing text and the company list; posts `SelectionChanged` with the chosen companies."""

    class SelectionChanged(Message):
        def __init__(self, companies: tuple[str, ...]) -> None:
            self.companies = companies
            super().__init__()

    def compose(self) -> ComposeResult:
        yield Label("Companies", id="company-title", markup=False)
        yield CompanyList(id="company-list")

    @property
    def company_list(self) -> CompanyList:
        return self.query_one(CompanyList)

    _shown: tuple = ()

    def show_counts(self, counts: Counter, selected: tuple[str, ...]) -> None:
        """Rebuild the list for these counts, keeping the selection and the highlighted company.

        When only the selection changed, the options stay and just their check marks follow.
        """
        company_list = self.company_list
        narrow = company_list.narrow.lower()
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
        title = f"Companies ({len(names)})" + (f"  /{printable(company_list.narrow)}" if company_list.narrow else "")
        self.query_one("#company-title", Label).update(title)

    def on_selection_list_selection_toggled(self, event: SelectionList.SelectionToggled) -> None:
        event.stop()
        self.post_message(self.SelectionChanged(tuple(self.company_list.selected)))

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()


def _fit(name: str, width: int) -> str:
    return (name if len(name) <= width else name[: width - 1] + "…").ljust(width)
