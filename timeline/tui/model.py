"""The timeline as the app shows it: rows, headings, filters, company counts, density. No Textual here.

Events arrive as the store's dicts and become compact `EventRow`s; filtering rebuilds a list of row
indices and headings, never copies of events, so a keystroke over 100,000 events costs tens of
milliseconds. Full `Event` objects are built only for the detail pane and for export.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from ..models import Event, precision_rank
from ..query import Filter

MONTH_NAMES = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
BUCKETS = ("month", "quarter", "year")
MODIFIER_WORDS = {"START": "early", "MID": "mid", "END": "late", "APPROX": "about", "BEFORE": "by",
                  "AFTER": "since"}  # fmt: skip


@dataclass(slots=True)
class EventRow:
    """What one timeline row needs, taken from a stored event record."""

    event_id: str
    value: str | None
    start: date | None
    end: date | None
    precision: str | None
    modifier: str | None
    companies: tuple[str, ...]
    summary: str
    source_count: int
    haystack: str
    record: dict

    @classmethod
    def from_record(cls, record: dict) -> EventRow:
        when = record.get("date") or {}
        mentions = record.get("mentions", [])
        sources = sorted({m["doc_id"] for m in mentions})
        companies = tuple(record.get("companies", ()))
        haystack = "\n".join([record.get("summary", ""), " ".join(companies), " ".join(sources)]).lower()
        return cls(
            event_id=record["event_id"],
            value=when.get("value"),
            start=date.fromisoformat(when["start"]) if when.get("start") else None,
            end=date.fromisoformat(when["end"]) if when.get("end") else None,
            precision=when.get("precision"),
            modifier=when.get("modifier"),
            companies=companies,
            summary=" ".join(record.get("summary", "").split()),
            source_count=len(sources),
            haystack=haystack,
            record=record,
        )

    def event(self) -> Event:
        return Event.from_dict(self.record)


def date_label(row: EventRow) -> str:
    """The date as precisely as it is known: 2024-04-26, 2024-W17, Mar 2024, Q1 2024, early 2022, 2010s."""
    if row.value is None or row.start is None:
        return "undated"
    value, precision = row.value, row.precision
    if precision == "month":
        label = f"{MONTH_NAMES[row.start.month - 1]} {row.start.year}"
    elif precision == "quarter" and "-Q" in value:
        label = f"Q{value[-1]} {value[:4]}"
    elif precision == "half" and "-H" in value:
        label = f"H{value[-1]} {value[:4]}"
    elif precision == "decade":
        label = f"{value}0s"
    elif precision == "century":
        label = f"{int(value) + 1}th c."
    else:
        label = value
    word = MODIFIER_WORDS.get(row.modifier or "")
    return f"{word} {label}" if word else label


@dataclass(frozen=True)
class Line:
    """One line of the list: a heading (`row` is None) or an event."""

    text: str
    row: int | None = None
    level: int = 0


@dataclass
class TimelineModel:
    """All events, the active filter, and the lines currently shown."""

    rows: list[EventRow] = field(default_factory=list)
    newest_first: bool = False
    filter: Filter = field(default_factory=Filter)
    filters_enabled: bool = True
    lines: list[Line] = field(default_factory=list)
    visible: list[int] = field(default_factory=list)
    """Indices into `rows` of the events in view, in view order."""

    def load(self, records: list[dict]) -> None:
        rows = [EventRow.from_record(record) for record in records]
        rows.sort(key=lambda r: (r.start is None, r.start or date.min, precision_rank(r.precision), r.event_id))
        self.rows = rows
        self.refresh()

    @property
    def effective_filter(self) -> Filter:
        return self.filter if self.filters_enabled else Filter()

    def refresh(self) -> None:
        """Recompute the events in view and the lines with their headings."""
        flt = self.effective_filter
        self.visible = [index for index, row in enumerate(self.rows) if _keeps(flt, row)]
        order = self._ordered(self.visible)
        self.visible = order
        self.lines = self._with_headings(order)

    def _ordered(self, indices: list[int]) -> list[int]:
        if not self.newest_first:
            return indices
        dated = [i for i in indices if self.rows[i].start is not None]
        undated = [i for i in indices if self.rows[i].start is None]
        return dated[::-1] + undated

    def _with_headings(self, order: list[int]) -> list[Line]:
        lines: list[Line] = []
        year = month = None
        for index in order:
            row = self.rows[index]
            if row.start is None:
                if year != "undated":
                    lines.append(Line("Undated", None, 0))
                    year, month = "undated", None
            else:
                if row.start.year != year:
                    year, month = row.start.year, None
                    lines.append(Line(str(year), None, 0))
                row_month = row.start.month if row.precision in ("day", "week", "month") else None
                if row_month is not None and row_month != month:
                    month = row_month
                    lines.append(Line(f"{MONTH_NAMES[month - 1]} {year}", None, 1))
                elif row_month is None and month is not None:
                    month = None
            lines.append(Line("", index))
        return lines

    def line_of_event(self, event_id: str) -> int | None:
        for number, line in enumerate(self.lines):
            if line.row is not None and self.rows[line.row].event_id == event_id:
                return number
        return None

    def company_counts(self) -> Counter:
        """Events per company under the current date and search filters (not the company filter itself)."""
        flt = replace(self.effective_filter, companies=())
        counts: Counter = Counter()
        for row in self.rows:
            if _keeps(flt, row):
                counts.update(row.companies)
        return counts

    def matches(self, text: str) -> list[int]:
        """Line numbers of the events in view whose text contains `text`."""
        needle = text.lower()
        return [
            n for n, line in enumerate(self.lines) if line.row is not None and needle in self.rows[line.row].haystack
        ]

    def goto_line(self, day: date) -> int | None:
        """The line of the first event in view on or after `day` (before it, when newest first)."""
        dated = [n for n, line in enumerate(self.lines) if line.row is not None and self.rows[line.row].start]
        if not dated:
            return None
        starts = [self.rows[self.lines[n].row].start for n in dated]
        if self.newest_first:
            for n, start in zip(dated, starts, strict=True):
                if start <= day:
                    return n
            return dated[-1]
        position = bisect_left(starts, day)
        return dated[min(position, len(dated) - 1)]

    def density(self, bucket: str) -> tuple[list[str], list[int]]:
        """Event counts per bucket (month, quarter or year) over the dated events in view, zeros included."""
        keys = [self.rows[i].start for i in self.visible if self.rows[i].start is not None]
        if not keys:
            return [], []
        first, last = min(keys), max(keys)
        labels = _bucket_labels(first, last, bucket)
        index = {label: n for n, label in enumerate(labels)}
        counts = [0] * len(labels)
        for day in keys:
            counts[index[bucket_of(day, bucket)]] += 1
        return labels, counts

    def events_in_view(self) -> list[Event]:
        return [self.rows[i].event() for i in self.visible]


def bucket_of(day: date, bucket: str) -> str:
    if bucket == "year":
        return str(day.year)
    if bucket == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"


def _bucket_labels(first: date, last: date, bucket: str) -> list[str]:
    labels = []
    year, month = first.year, first.month
    step = {"month": 1, "quarter": 3, "year": 12}[bucket]
    if bucket == "quarter":
        month = 3 * ((month - 1) // 3) + 1
    if bucket == "year":
        month = 1
    while (year, month) <= (last.year, last.month):
        labels.append(bucket_of(date(year, month, 1), bucket))
        month += step
        while month > 12:
            year, month = year + 1, month - 12
    return labels


def _keeps(flt: Filter, row: EventRow) -> bool:
    if flt.companies and not any(c.lower() in _lower_set(flt.companies) for c in row.companies):
        return False
    if flt.since or flt.until:
        if row.start is None:
            return False
        if flt.since and row.end < flt.since:
            return False
        if flt.until and row.start > flt.until:
            return False
    return not (flt.search and flt.search.lower() not in row.haystack)


_LOWER_CACHE: dict[tuple[str, ...], frozenset[str]] = {}


def _lower_set(names: tuple[str, ...]) -> frozenset[str]:
    if names not in _LOWER_CACHE:
        _LOWER_CACHE.clear()
        _LOWER_CACHE[names] = frozenset(n.lower() for n in names)
    return _LOWER_CACHE[names]
