"""A density strip: events per month, quarter or year for the current filters, following the cursor."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

BARS = " ▁▂▃▄▅▆▇█"


class DensityStrip(Widget):
    """Two lines: a bar per bucket (zero buckets included) and the year labels under them."""

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
        width = max(self.size.width - 8, 10)
        if not self.counts:
            return Text(f"{self.bucket:>7} no dated events in view", style="dim")
        position = self.labels.index(self.current) if self.current in self.labels else 0
        first = 0 if len(self.labels) <= width else max(0, min(position - width // 2, len(self.labels) - width))
        labels, counts = self.labels[first : first + width], self.counts[first : first + width]
        peak = max(counts) or 1
        bars = Text(f"{self.bucket:>7} ", style="dim")
        years = Text(" " * 8)
        last_year = None
        for offset, (label, count) in enumerate(zip(labels, counts, strict=True)):
            level = 0 if count == 0 else max(1, round(count / peak * (len(BARS) - 1)))
            style = "reverse bold" if label == self.current else ("cyan" if count else "dim")
            bars.append(BARS[level] if count else "·", style=style)
            year = label[:4]
            if year != last_year and len(years) <= 8 + offset:
                years.append(year + " ", style="bold" if label == self.current else "dim")
                last_year = year
            elif len(years) <= 8 + offset:
                years.append(" ")
        bars.append(f"  max {peak}", style="dim")
        return Text("\n").join([bars, years])
