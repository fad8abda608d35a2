"""A density strip: events per month, quarter or year for the current filters, following the cursor."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

BARS = " ▁▂▃▄▅▆▇█"
LEFT = 8
"""Columns before the first bar: the bucket name."""


class DensityStrip(Widget):
    """Two lines: a bar per bucket (zero buckets included) and the year labels under them.

    Each year label starts exactly under the first bucket of its year, and only where it does not run
    into the label before it; the `max N` note is counted in the width, so neither line wraps.
    """

    bucket: reactive[str] = reactive("month")

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.labels: list[str] = []
        self.counts: list[int] = []
        self.current: str | None = None

    def show(self, labels: list[str], counts: list[int], current: str | None) -> None:
        self.labels, self.counts, self.current = labels, counts, current
        self.refresh()

    def render(self) -> Text:
        if not self.counts:
            return Text(f"{self.bucket:>7} no dated events in view", style="dim")
        note = f"  max {max(self.counts)}"
        width = max(self.size.width - LEFT - len(note), 4)
        position = self.labels.index(self.current) if self.current in self.labels else 0
        first = 0 if len(self.labels) <= width else max(0, min(position - width // 2, len(self.labels) - width))
        labels, counts = self.labels[first : first + width], self.counts[first : first + width]
        peak = max(counts) or 1
        bars = Text(f"{self.bucket:>7} ", style="dim")
        for label, count in zip(labels, counts, strict=True):
            level = 0 if count == 0 else max(1, round(count / peak * (len(BARS) - 1)))
            style = "reverse bold" if label == self.current else ("cyan" if count else "dim")
            bars.append(BARS[level] if count else "·", style=style)
        bars.append(f"  max {peak}", style="dim")
        return Text("\n").join([bars, self.year_labels(labels, len(labels) + len(note))])

    def year_labels(self, labels: list[str], room: int) -> Text:
        current_year = self.current[:4] if self.current else None
        years = Text(" " * LEFT)
        free_from = 0  # the first column (after the bucket name) a label may use
        last_year = None
        for column, label in enumerate(labels):
            year = label[:4]
            if year == last_year:
                continue
            last_year = year
            if column < free_from or column + len(year) > room:
                continue
            years.append(" " * (column - (len(years) - LEFT)))
            years.append(year, style="bold" if year == current_year else "dim")
            free_from = column + len(year) + 1
        return years
