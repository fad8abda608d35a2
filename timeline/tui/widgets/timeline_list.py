"""The scrolling timeline: a line-based widget that renders only the rows on screen (toolong's pattern).

A DataTable keeps a widget-side copy of every row and slows down past tens of thousands; this list
reads the model's lines on demand in `render_line`, caches the rendered strips, and costs the same at
100 rows or 100,000.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...terminal_text import printable
from ..model import TimelineModel, date_label

DATE_WIDTH = 17
"""Wide enough for the longest label ("about 2024-04-26") and a space before the companies."""
COMPANY_WIDTH = 26
NARROW = 84
"""Below this width the indent, the date and the companies take fewer columns."""


class TimelineList(ScrollView, can_focus=True):
    """Events under year and month headings; the cursor moves over events only.

    | Key | Action |
    |---|---|
    | `j` / `down`, `k` / `up` | next / previous event |
    | `pagedown` / `space`, `pageup` / `b` | a page down / up |
    | `g` / `home`, `G` / `end` | first / last event |
    """

    BINDINGS: list[BindingType] = [
        Binding("j,down", "cursor(1)", "Down", show=False),
        Binding("k,up", "cursor(-1)", "Up", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup,b", "page(-1)", "Page up", show=False),
        Binding("g,home", "edge(0)", "Top", show=False),
        Binding("G,end", "edge(1)", "Bottom", show=False),
    ]

    COMPONENT_CLASSES = {
        "timeline-list--year",
        "timeline-list--month",
        "timeline-list--date",
        "timeline-list--companies",
        "timeline-list--sources",
        "timeline-list--cursor",
        "timeline-list--match",
        "timeline-list--empty",
    }

    cursor: reactive[int] = reactive(-1, init=False)
    """The line number of the highlighted event (-1 when nothing is in view)."""

    class Highlighted(Message):
        """The cursor moved to another event (or to none: `row` is None)."""

        def __init__(self, row: int | None) -> None:
            self.row = row
            super().__init__()

    def __init__(self, model: TimelineModel, **kwargs) -> None:
        super().__init__(**kwargs)
        self.model = model
        self.find_text = ""
        self.empty_message = "Loading events..."
        self._cache: LRUCache[tuple, Strip] = LRUCache(1024)
        self._generation = 0

    # public

    def reset(self, keep_event: str | None = None, default_line: int | None = None) -> None:
        """Re-read the model's lines, keeping the cursor on `keep_event` when it is still in view, else on
        `default_line`, else on the first event."""
        self._generation += 1
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(self.model.lines))
        line = self.model.line_of_event(keep_event) if keep_event else None
        if line is None:
            line = default_line if default_line is not None else self._first_event_line()
        self._move_to(line, center=True)
        self.call_after_refresh(self._scroll_to_cursor, True)  # the new virtual size lets it scroll that far
        self.refresh()

    def current_row(self) -> int | None:
        if 0 <= self.cursor < len(self.model.lines) and self.model.lines[self.cursor] >= 0:
            return self.model.lines[self.cursor]
        return None

    def current_event_id(self) -> str | None:
        row = self.current_row()
        return self.model.columns["event_id"][row] if row is not None else None

    def go_to_line(self, line: int) -> None:
        self._move_to(line, center=True)

    def set_find(self, text: str) -> None:
        self.find_text = text
        self._cache.clear()
        self.refresh()

    # rendering

    def render_line(self, y: int) -> Strip:
        number = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        if not self.model.lines:
            message = self.empty_message if y == 1 else ""
            style = self.get_component_rich_style("timeline-list--empty")
            return Strip([Segment(f"  {message}".ljust(width)[:width], style)])
        if number >= len(self.model.lines):
            return Strip.blank(width, self.rich_style)
        key = (number, number == self.cursor, width, self._generation, self.find_text, self.has_focus)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render(number, width)
            self._cache[key] = strip
        return strip

    def _render(self, number: int, width: int) -> Strip:
        value = self.model.lines[number]
        base = self.rich_style
        if value < 0:
            heading, level = self.model.heading(value)
            part = "timeline-list--year" if level == 0 else "timeline-list--month"
            text = Text(("" if level == 0 else "  ") + heading, style=self.get_component_rich_style(part))
        else:
            text = self._event_text(value, width >= NARROW)
            if self.find_text:
                style = self.get_component_rich_style("timeline-list--match")
                text.highlight_words([self.find_text], style=style, case_sensitive=False)
            if number == self.cursor:
                text.stylize(self.get_component_rich_style("timeline-list--cursor"))
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = list(text.render(self.app.console))
        return Strip(segments, width).apply_style(base)

    def _event_text(self, index: int, wide: bool) -> Text:
        row = self.model.row(index)
        indent, date_width, company_width = ("    ", DATE_WIDTH, COMPANY_WIDTH) if wide else ("  ", 15, 18)
        sources = f"×{row.source_count}" if row.source_count > 1 else ""
        return Text.assemble(
            (indent + column(date_label(row), date_width), self.get_component_rich_style("timeline-list--date")),
            (
                column(printable(", ".join(row.companies)), company_width),
                self.get_component_rich_style("timeline-list--companies"),
            ),
            (sources.ljust(4), self.get_component_rich_style("timeline-list--sources")),
            printable(row.summary),
        )

    # cursor

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        self.post_message(self.Highlighted(self.current_row()))

    def refresh_line(self, number: int) -> None:
        y = number - self.scroll_offset.y
        if 0 <= y < self.size.height:
            self.refresh_lines(y)

    def _event_lines(self) -> list[int]:
        return [n for n, value in enumerate(self.model.lines) if value >= 0]

    def _first_event_line(self) -> int:
        return next((n for n, value in enumerate(self.model.lines) if value >= 0), -1)

    def _move_to(self, line: int, center: bool = False) -> None:
        lines = self.model.lines
        if not lines or self._first_event_line() < 0:
            self.cursor = -1
            self.post_message(self.Highlighted(None))
            return
        line = max(0, min(line, len(lines) - 1))
        step = 1 if line >= self.cursor else -1
        while 0 <= line < len(lines) and lines[line] < 0:
            line += step
        if not 0 <= line < len(lines):
            line = self._first_event_line() if step < 0 else max(self._event_lines() or [-1])
        if line == self.cursor:
            self.post_message(self.Highlighted(self.current_row()))
        self.cursor = line
        self._scroll_to_cursor(center)

    def _scroll_to_cursor(self, center: bool) -> None:
        height = max(self.scrollable_content_region.height, 1)
        top = self.scroll_offset.y
        if center and not top <= self.cursor < top + height:
            self.scroll_to(y=max(0, self.cursor - height // 2), animate=False)
        elif self.cursor < top:
            self.scroll_to(y=max(0, self.cursor - 1 if self.cursor == 1 else self.cursor), animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)
        if self.cursor > 0 and self.model.lines[self.cursor - 1] < 0 and self.cursor - 1 < top:
            self.scroll_to(y=self.cursor - 1, animate=False)  # keep the heading above the first event visible

    def action_cursor(self, step: int) -> None:
        if self.cursor < 0:
            self._move_to(self._first_event_line())
        else:
            self._move_to(self.cursor + step)

    def action_page(self, direction: int) -> None:
        height = max(self.scrollable_content_region.height - 1, 1)
        self._move_to(self.cursor + direction * height)

    def action_edge(self, end: int) -> None:
        events = self._event_lines()
        if events:
            self._move_to(events[-1] if end else events[0])
            if not end:
                self.scroll_to(y=0, animate=False)

    def on_resize(self) -> None:
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(self.model.lines))

    def on_focus(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._cache.clear()
        self.refresh()


def column(text: str, width: int) -> str:
    """`text` in a column of `width`, cut with an ellipsis so that at least one space always follows it."""
    if len(text) > width - 1:
        text = text[: width - 2] + "…"
    return text.ljust(width)
