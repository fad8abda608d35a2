"""The timeline as the app shows it: lines, headings, filters, company counts, density. No Textual here.

Events are held as columns (the store's view index, see `timeline.view`) in timeline order. Filtering
produces a list of row numbers; the lines are those numbers with headings between them, encoded as
integers (a heading is `-1 - k` for heading k) so that 100,000 events cost tens of milliseconds per
keystroke. Full `Event`s, with their mentions, are read one at a time for the detail pane and export.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import chain

from ..companies import Canonicaliser
from ..models import Event, search_key
from ..query import CompanyNames, Filter
from ..view import View, build_columns

MONTH_NAMES = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
BUCKETS = ("month", "quarter", "year")
MODIFIER_WORDS = {"START": "early", "MID": "mid", "END": "late", "APPROX": "about", "BEFORE": "by",
                  "AFTER": "since"}  # fmt: skip
MONTHLY = frozenset({"day", "week", "month"})


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event's display fields."""

    event_id: str
    value: str | None
    start: date | None
    end: date | None
    precision: str | None
    modifier: str | None
    companies: tuple[str, ...]
    summary: str
    source_count: int
    estimated: bool = False


def date_label(row: EventRow) -> str:
    """The date as precisely as it is known: 2024-04-26, 2024-W17, Mar 2024, Q1 2024, early 2022, 2010s;
    an estimate of when an undated article was written as ≈2022–2024."""
    if row.value is None or row.start is None:
        return "undated"
    if row.estimated:
        return "≈" + row.value.replace("/", "–")
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


@dataclass
class TimelineModel:
    """All events as columns, the active filter, and the lines currently shown."""

    columns: dict = field(default_factory=lambda: build_columns([])[0])
    newest_first: bool = False
    filter: Filter = field(default_factory=Filter)
    filters_enabled: bool = True
    visible: list[int] = field(default_factory=list)
    """Row numbers of the events in view, in view order."""
    lines: list[int] = field(default_factory=list)
    """Row numbers with headings between them: a heading is `-1 - k`, the text being `headings[k]`."""
    headings: list[tuple[str, int]] = field(default_factory=list)
    view: View | None = None
    """The open view index the full records are read from; None when `records` hold them."""
    records: list[dict] | None = None
    canonicaliser: Canonicaliser | None = None
    """Resolves the aliases users type (the gazetteer's and their config's) to the timeline's names."""

    # loading

    @classmethod
    def from_records(cls, records: list[dict], canonicaliser: Canonicaliser | None = None) -> TimelineModel:
        columns, ordered = build_columns(records)
        model = cls(columns=columns, records=ordered, canonicaliser=canonicaliser)
        model.prepare()
        return model

    @classmethod
    def from_view(cls, view: View, canonicaliser: Canonicaliser | None = None) -> TimelineModel:
        model = cls(columns=view.columns, view=view, canonicaliser=canonicaliser)
        model.prepare()
        return model

    def prepare(self) -> None:
        """Derived lookups: dates, the company index and total counts; then the first refresh."""
        self.starts = [date.fromordinal(n) if n else None for n in self.columns["start"]]
        self.month_numbers = [d.year * 12 + d.month - 1 if d else None for d in self.starts]
        self.names = CompanyNames(self.columns["companies"], self.canonicaliser)
        canonical = self.names.canonical
        raw = self.columns["companies"]
        if all(canonical[name.lower()] == name for names in raw for name in names):
            self.companies_by_row = raw  # the usual case: no two spellings, nothing to map per row
        else:
            self.companies_by_row = [tuple(dict.fromkeys(canonical[n.lower()] for n in names)) for names in raw]
        self.by_company: dict[str, list[int]] = {}
        for row, names in enumerate(self.columns["companies"]):
            for key in {name.lower() for name in names}:
                self.by_company.setdefault(key, []).append(row)
        self.total_counts = self.names.counts
        self.refresh()

    def __len__(self) -> int:
        return len(self.columns["event_id"])

    # rows

    def row(self, index: int) -> EventRow:
        c = self.columns
        return EventRow(
            event_id=c["event_id"][index],
            value=c["value"][index],
            start=self.starts[index],
            end=date.fromordinal(c["end"][index]) if c["end"][index] else None,
            precision=c["precision"][index],
            modifier=c["modifier"][index],
            companies=tuple(c["companies"][index]),
            summary=c["summary"][index],
            source_count=len(c["sources"][index]),
            estimated=bool(c["estimated"][index]) if "estimated" in c else False,
        )

    def event(self, index: int) -> Event:
        record = self.records[index] if self.records is not None else self.view.read(index)
        return Event.from_dict(record)

    def events_in_view(self) -> list[Event]:
        return [self.event(index) for index in self.visible]

    # filtering

    @property
    def effective_filter(self) -> Filter:
        return self.filter if self.filters_enabled else Filter()

    def refresh(self) -> None:
        """Recompute the events in view and the lines with their headings."""
        rows = self._filtered(self.effective_filter)
        if self.newest_first:
            dated = [i for i in rows if self.starts[i] is not None]
            rows = dated[::-1] + [i for i in rows if self.starts[i] is None]
        self.visible = rows
        self._build_lines(rows)

    def _filtered(self, flt: Filter) -> list[int]:
        candidates = None
        if flt.companies:  # the company index narrows first; `Filter.rows` decides, as for the command line
            chosen: set[int] = set()
            for name in flt.companies:
                chosen.update(self.by_company.get(name.lower(), ()))
            candidates = sorted(chosen)
        return flt.rows(self.columns, candidates)

    def _build_lines(self, rows: list[int]) -> None:
        lines: list[int] = []
        headings: list[tuple[str, int]] = []
        year = month = None
        precisions = self.columns["precision"]
        for index in rows:
            start = self.starts[index]
            if start is None:
                if year != "undated":
                    headings.append(("Undated", 0))
                    lines.append(-len(headings))
                    year, month = "undated", None
            else:
                if start.year != year:
                    year, month = start.year, None
                    headings.append((str(year), 0))
                    lines.append(-len(headings))
                row_month = start.month if precisions[index] in MONTHLY else None
                if row_month is not None and row_month != month:
                    month = row_month
                    headings.append((f"{MONTH_NAMES[month - 1]} {year}", 1))
                    lines.append(-len(headings))
                elif row_month is None:
                    month = None
            lines.append(index)
        self.lines, self.headings = lines, headings

    def heading(self, line_value: int) -> tuple[str, int]:
        return self.headings[-1 - line_value]

    def line_of_event(self, event_id: str | None) -> int | None:
        if event_id is None:
            return None
        ids = self.columns["event_id"]
        for number, value in enumerate(self.lines):
            if value >= 0 and ids[value] == event_id:
                return number
        return None

    def company_counts(self) -> Counter:
        """Events per company under the current date and search filters (not the company filter itself)."""
        flt = replace(self.effective_filter, companies=())
        if not flt.active:
            return self.total_counts
        companies = self.companies_by_row
        return Counter(chain.from_iterable(companies[index] for index in self._filtered(flt)))

    def resolve_companies(self, typed: tuple[str, ...]) -> tuple[str, ...]:
        """Typed company names as the timeline names them (aliases resolved); FilterError for an unknown one."""
        return self.names.resolve_all(typed)

    def matches(self, text: str) -> list[int]:
        """Line numbers of the events in view whose text contains `text`."""
        needle = search_key(text)
        search = self.columns["search"]
        return [n for n, value in enumerate(self.lines) if value >= 0 and needle in search[value]]

    def goto_line(self, day: date) -> int | None:
        """The line of the first event in view on or after `day` (on or before it, when newest first)."""
        dated = [n for n, value in enumerate(self.lines) if value >= 0 and self.starts[value] is not None]
        if not dated:
            return None
        starts = [self.starts[self.lines[n]] for n in dated]
        if self.newest_first:
            return next((n for n, start in zip(dated, starts, strict=True) if start <= day), dated[-1])
        return dated[min(bisect_left(starts, day), len(dated) - 1)]

    def opening_line(self, today: date) -> int | None:
        """Where the app opens: the latest event dated on or before today (recent news, not the oldest
        background), or the first dated event when all lie ahead; None when nothing is dated."""
        dated = [n for n, value in enumerate(self.lines) if value >= 0 and self.starts[value] is not None]
        if not dated:
            return None
        past = [n for n in dated if self.starts[self.lines[n]] <= today]
        if self.newest_first:
            return past[0] if past else dated[-1]
        return past[-1] if past else dated[0]

    def change_since(self, before: TimelineModel) -> str:
        """What a reload brought, in words: "no change", or how many events came and went."""
        old, new = set(before.columns["event_id"]), set(self.columns["event_id"])
        same = old == new and all(
            before.columns[name] == self.columns[name] for name in ("value", "companies", "summary", "sources")
        )
        if same:
            return f"Reloaded: no change ({len(self):,} events)"
        added, gone = len(new - old), len(old - new)
        if not added and not gone:
            return f"Reloaded: {len(self):,} events, the same ones, some of them changed"
        return f"Reloaded: {len(self):,} events ({added:,} new, {gone:,} gone)"

    def density(self, bucket: str) -> tuple[list[str], list[int]]:
        """Event counts per bucket (month, quarter or year) over the dated events in view, zeros included."""
        size = BUCKET_MONTHS[bucket]
        months = self.month_numbers
        counts_by = Counter(months[i] // size for i in self.visible if months[i] is not None)
        if not counts_by:
            return [], []
        first, last = min(counts_by), max(counts_by)
        labels = [bucket_of(date(n * size // 12, n * size % 12 + 1, 1), bucket) for n in range(first, last + 1)]
        return labels, [counts_by.get(n, 0) for n in range(first, last + 1)]


BUCKET_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def bucket_of(day: date, bucket: str) -> str:
    if bucket == "year":
        return str(day.year)
    if bucket == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"
