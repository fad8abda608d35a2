"""The `?` screen: every key of the app."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = [
    (
        "Move",
        [
            ("j / ↓, k / ↑", "next / previous event"),
            ("space / PgDn, b / PgUp", "a page down / up"),
            ("g / Home, G / End", "first / last event (the app opens on the latest news)"),
            (":", "go to a date (2024-03, mar 2024, Q1 2024, last year)"),
        ],
    ),
    (
        "Filter",
        [
            ("c", "go into the company panel (showing it); from inside it, hide it"),
            ("space (panel)", "select several companies"),
            ("enter (panel)", "only this company; escape on the timeline shows every company again"),
            ("backspace (panel)", "clear the company selection"),
            ("/ (panel)", "narrow the company list by typing; escape or enter ends typing"),
            ("escape (panel)", "back to the timeline"),
            ("d", "date range: since..until"),
            ("f", "edit the filter line (company:A,B since:X until:Y words)"),
            ("ctrl+f", "turn all filters off / on again, staying on the same event"),
        ],
    ),
    ("Find", [("/", "find text in summaries, companies, sources and titles"), ("n / N", "next / previous match")]),
    (
        "View",
        [
            ("a", "the whole article of the event, with its URL (o opens it, n/p other sources)"),
            ("o", "newest / oldest first"),
            ("+ / -", "density strip by month, quarter, year"),
            ("tab", "move between the list, the panel and the details"),
            ("r", "reload the database"),
        ],
    ),
    ("Export", [("e", "export the events in view to CSV (with the filter beside it)")]),
    ("App", [("?", "this help"), ("ctrl+p", "command palette"), ("q", "quit")]),
]


def keys_table() -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    for section, rows in KEYS:
        table.add_row(f"[b]{section}[/b]", "")
        for key, action in rows:
            table.add_row(f"  {key}", action)
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static("[b]timeline[/b] keys   (escape closes)", id="help-title")
            yield Static(keys_table())
