"""Dates typed by users (`--since`, `--until`, the app's `d` and `:`), read forgivingly and refused precisely.

Absolute forms are read here, whatever their case and separators: `2024`, `2024-03`, `2024/03/01`,
`2024.03.01`, `mar 2024`, `March 2024`, `1 March 2024`, `March 1, 2024`, `Q1 2024`, `2024-Q1`, `H2 2024`.
Any year from 1 to 9999 is a date a user may ask for: the plausibility window that protects extraction
from "2099 bonds" has no place in a question. Relative phrases ("last year", "yesterday", "this month")
go to the date grammar, anchored on the `today` the caller passes. A value that looks like a date but
is not one says why (`2024-02-30`: February 2024 has no day 30).
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from .dates import find_dates

FORMS = "2024-03-01, 2024/03/01, 2024-03, mar 2024, 2024, Q1 2024, last year"
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip

_NUMERIC = re.compile(r"(?P<year>\d{4})(?:[-/.](?P<month>\d{1,2})(?:[-/.](?P<day>\d{1,2}))?)?")
_MONTH_YEAR = re.compile(r"(?:(?P<day>\d{1,2})\s+)?(?P<month>[a-z]+)\.?(?:\s+(?P<day2>\d{1,2}),?)?\s+(?P<year>\d{4})")
_YEAR_MONTH = re.compile(r"(?P<year>\d{4})\s+(?P<month>[a-z]+)")
_PART = re.compile(r"(?:(?P<kind>[qh])(?P<n>\d)[\s-]*(?P<year>\d{4})|(?P<year2>\d{4})[\s-]*(?P<kind2>[qh])(?P<n2>\d))")


class DateInputError(ValueError):
    """The text is not a date; the message says what is wrong and which forms are read."""


def read_period(text: str, *, today: date) -> tuple[date, date]:
    """The first and last day of the period `text` names."""
    typed = " ".join(text.split())
    key = typed.lower()
    if not key:
        raise DateInputError("no date given")
    period = _absolute(typed, key)
    if period is not None:
        return period
    return _relative(typed, today)


def date_bound(text: str, *, today: date, upper: bool) -> date:
    """A `since` (the period's first day) or `until` (`upper`: its last day) bound."""
    first, last = read_period(text, today=today)
    return last if upper else first


def _absolute(typed: str, key: str) -> tuple[date, date] | None:
    if match := _NUMERIC.fullmatch(key):
        year, month, day = match["year"], match["month"], match["day"]
        return _period(typed, int(year), int(month) if month else None, int(day) if day else None)
    if match := _PART.fullmatch(key):
        kind = match["kind"] or match["kind2"]
        number = int(match["n"] or match["n2"])
        year = _year(typed, int(match["year"] or match["year2"]))
        size = 3 if kind == "q" else 6
        if not 1 <= number <= 12 // size:
            raise DateInputError(f"cannot read {typed!r} as a date: a year has no {kind.upper()}{number}")
        first_month = (number - 1) * size + 1
        return date(year, first_month, 1), _month_end(year, first_month + size - 1)
    match = _MONTH_YEAR.fullmatch(key) or _YEAR_MONTH.fullmatch(key)
    if match and match["month"] in MONTHS:
        groups = match.groupdict()
        day = groups.get("day") or groups.get("day2")
        return _period(typed, int(match["year"]), MONTHS[match["month"]], int(day) if day else None)
    return None


def _period(typed: str, year: int, month: int | None, day: int | None) -> tuple[date, date]:
    year = _year(typed, year)
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if not 1 <= month <= 12:
        raise DateInputError(f"cannot read {typed!r} as a date: there is no month {month}")
    if day is None:
        return date(year, month, 1), _month_end(year, month)
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise DateInputError(
            f"cannot read {typed!r} as a date: {calendar.month_name[month]} {year} has no day {day} (it has {days})"
        )
    return date(year, month, day), date(year, month, day)


def _year(typed: str, year: int) -> int:
    if not 1 <= year <= 9999:
        raise DateInputError(f"cannot read {typed!r} as a date: there is no year {year}")
    return year


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _relative(typed: str, today: date) -> tuple[date, date]:
    """ "last year", "this month", "yesterday": the date grammar, anchored on today, any year allowed."""
    found = [
        timex
        for timex in find_dates(typed, today, earliest_year=1, future_years=9999 - today.year)
        if timex.start_date is not None
    ]
    if len(found) != 1 or len(found[0].text) < len(typed) - 2:
        raise DateInputError(f"cannot read {typed!r} as a date (try {FORMS})")
    timex = found[0]
    return timex.start_date, timex.end_date or timex.start_date
