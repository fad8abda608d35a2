"""The filter model shared by `timeline export` and the TUI: companies, a date range and a search text.

There is one answer to "does this event match": `Filter.matches` for an `Event` (the command line) and
`Filter.rows` for the app's columns (`timeline.view`) apply the same rules to the same fields, and the
search text of both is `models.search_text` (summary, companies, sources and the articles' titles).

A `Filter` renders as one editable line (`company:Renault,Xiaomi since:2024-01-01 until:2024-06-30
"talks"`), parses back from it, and turns into the equivalent command-line options, so an export from
the TUI can be repeated from the shell.
"""

from __future__ import annotations

import difflib
import re
import shlex
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from .companies import Canonicaliser
from .date_input import DateInputError
from .date_input import date_bound as read_bound
from .models import Event, search_key


class FilterError(ValueError):
    """A filter value the user typed cannot be read; the message says which and why."""


@dataclass(frozen=True)
class Filter:
    companies: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    search: str = ""
    since_text: str = field(default="", compare=False)
    until_text: str = field(default="", compare=False)

    @property
    def active(self) -> bool:
        return bool(self.companies or self.since or self.until or self.search)

    def matches(self, event: Event) -> bool:
        if self.companies:
            wanted = {name.lower() for name in self.companies}
            if not any(company.lower() in wanted for company in event.companies):
                return False
        if self.since or self.until:
            when = event.when  # an estimated event is placed, and filtered, by its estimate
            if when is None:
                return False
            if self.since and when.end < self.since:
                return False
            if self.until and when.start > self.until:
                return False
        if self.search and search_key(self.search) not in event.search_text:
            return False
        return True

    def rows(self, columns: dict, candidates: Iterable[int] | None = None) -> list[int]:
        """The row numbers of the view's `columns` (see `timeline.view`) that match, in their order:
        `matches` for the app, which holds events as columns."""
        rows: Iterable[int] = range(len(columns["event_id"])) if candidates is None else candidates
        if self.companies:
            wanted = {name.lower() for name in self.companies}
            names = columns["companies"]
            rows = [i for i in rows if any(company.lower() in wanted for company in names[i])]
        if self.since or self.until:
            low = self.since.toordinal() if self.since else -1
            high = self.until.toordinal() if self.until else 10**9
            starts, ends = columns["start"], columns["end"]
            rows = [i for i in rows if starts[i] is not None and ends[i] >= low and starts[i] <= high]
        if self.search:
            needle, search = search_key(self.search), columns["search"]
            rows = [i for i in rows if needle in search[i]]
        return list(rows)

    def describe(self) -> str:
        """The filter as one line, in the syntax `parse_filter` reads."""
        parts = []
        if self.companies:
            parts.append("company:" + ",".join(_quote_value(c) for c in self.companies))
        if self.since:
            parts.append(f"since:{_quote_value(self.since_text or self.since.isoformat())}")
        if self.until:
            parts.append(f"until:{_quote_value(self.until_text or self.until.isoformat())}")
        if self.search:
            parts.append(shlex.quote(self.search) if re.search(r"[\s'\"]", self.search) else self.search)
        return " ".join(parts)

    def cli_args(self) -> list[str]:
        """The `timeline export` options that select the same events."""
        args: list[str] = []
        for company in self.companies:
            args += ["--company", company]
        if self.since:
            args += ["--since", self.since.isoformat()]
        if self.until:
            args += ["--until", self.until.isoformat()]
        if self.search:
            args += ["--search", self.search]
        return args


class CompanyNames:
    """The companies of a timeline, one canonical name each, and what users type resolved to them.

    Names that differ only in case are one company, named as most events name it (the form not all in
    capitals on a tie). A typed name resolves by case, then through the aliases the extraction uses (the
    gazetteer and the user's `timeline.toml`: "Renault Group" is Renault); an unknown name is an error that
    suggests the closest names, never a silent empty result.
    """

    def __init__(self, names_per_event: Iterable[Iterable[str]], canonicaliser: Canonicaliser | None = None):
        written: Counter[str] = Counter()
        per_event = [tuple(names) for names in names_per_event]
        for names in per_event:
            written.update(names)
        self.canonical: dict[str, str] = {}
        for name in sorted(written, key=lambda name: (-written[name], name.isupper(), name)):
            self.canonical.setdefault(name.lower(), name)
        self.counts: Counter[str] = Counter(
            name for names in per_event for name in {self.canonical[n.lower()] for n in names}
        )
        self.canonicaliser = canonicaliser

    @classmethod
    def of_events(cls, events: Iterable[Event], canonicaliser: Canonicaliser | None = None) -> CompanyNames:
        return cls((event.companies for event in events), canonicaliser)

    def __contains__(self, name: str) -> bool:
        return name.lower() in self.canonical

    def resolve(self, typed: str) -> str:
        """The canonical name `typed` stands for; FilterError when no company of the timeline has it."""
        key = " ".join(typed.split()).lower()
        if key in self.canonical:
            return self.canonical[key]
        if self.canonicaliser is not None:
            for form in (self.canonicaliser.known(typed), self.canonicaliser.normalised(typed)):
                if form and form.lower() in self.canonical:
                    return self.canonical[form.lower()]
        close = difflib.get_close_matches(key, list(self.canonical), n=3, cutoff=0.6)
        close += [k for k in self.canonical if key and key in k and k not in close][: 3 - len(close)]
        hint = f" (did you mean {', '.join(self.canonical[k] for k in close)}?)" if close else ""
        raise FilterError(f"no company {typed.strip()!r} in the timeline{hint}")

    def resolve_all(self, typed: Iterable[str]) -> tuple[str, ...]:
        """Every typed name resolved, in order, once; the first unknown name is the error."""
        return tuple(dict.fromkeys(self.resolve(name) for name in typed))


def apply(events: Iterable[Event], flt: Filter) -> list[Event]:
    """The events the filter keeps, in their given order."""
    if not flt.active:
        return list(events)
    return [event for event in events if flt.matches(event)]


def newest_first_order(events: list[Event]) -> list[Event]:
    """Events in timeline order turned newest first, as the app's `o` shows them: undated events stay last."""
    placed = [event for event in events if event.when is not None]
    return placed[::-1] + [event for event in events if event.when is None]


def date_bound(text: str, *, today: date, upper: bool) -> date:
    """A `since`/`until` value (see `timeline.date_input`): "2024-03", "mar 2024", "Q1 2024", "last year"...

    `upper` picks the end of the period ("until 2024-03" is 2024-03-31) rather than its start.
    """
    try:
        return read_bound(text, today=today, upper=upper)
    except DateInputError as error:
        raise FilterError(str(error)) from error


def make_filter(
    *,
    companies: Iterable[str] = (),
    since: str | None = None,
    until: str | None = None,
    search: str = "",
    today: date,
) -> Filter:
    since_day = date_bound(since, today=today, upper=False) if since else None
    until_day = date_bound(until, today=today, upper=True) if until else None
    check_range(since_day, until_day, since, until)
    return Filter(
        companies=tuple(dict.fromkeys(c.strip() for c in companies if c.strip())),
        since=since_day,
        until=until_day,
        search=search or "",
        since_text=since or "",
        until_text=until or "",
    )


def check_range(since: date | None, until: date | None, since_text: str | None, until_text: str | None) -> None:
    """A range that ends before it starts selects nothing: say so rather than show no events."""
    if since and until and since > until:
        raise FilterError(
            f"the range ends before it starts: since {since_text or since} is {since.isoformat()}, "
            f"until {until_text or until} is {until.isoformat()}"
        )


def parse_filter(line: str, *, today: date) -> Filter:
    """Read the one-line filter syntax: `company:A,B since:X until:Y` and free words to search for."""
    try:
        words = shlex.split(line)
    except ValueError as error:
        raise FilterError(f"cannot read the filter: {error}") from error
    companies: list[str] = []
    since = until = None
    search: list[str] = []
    for word in words:
        key, _, value = word.partition(":")
        if key in ("company", "companies", "c") and value:
            companies += [name for name in value.split(",") if name]
        elif key in ("since", "from") and value:
            since = value
        elif key in ("until", "to") and value:
            until = value
        else:
            search.append(word)
    return make_filter(companies=companies, since=since, until=until, search=" ".join(search), today=today)


def _quote_value(value: str) -> str:
    return shlex.quote(value) if re.search(r"[\s'\"]", value) else value
