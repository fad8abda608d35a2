"""Calendar arithmetic: the interval and TIMEX3 value of a day, week, month, quarter, half, season,
year, decade or century, and moving an anchor by a number of units.

Every date is made here through `calendar_date` and `shift`, which raise `OutOfCalendar` when the result
leaves Python's calendar (years 1 to 9999): "3000 years ago", "900000 days ago", or "next week" from a
publication date of 9999-12-31 name no date, and the normaliser drops them instead of failing the article.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date

from .lexicon import SEASON_MONTHS


class OutOfCalendar(ValueError):
    """The date an expression names lies outside the years 1 to 9999."""


_LAST_ORDINAL = date.max.toordinal()


def calendar_date(year: int, month: int, day: int) -> date:
    """The date, or OutOfCalendar for a year beyond the calendar (ValueError for a day the month lacks)."""
    if not MINYEAR <= year <= MAXYEAR:
        raise OutOfCalendar("the year lies outside the calendar")
    return date(year, month, day)


def shift(d: date, days: int) -> date:
    """`d` moved by `days` (of any size), or OutOfCalendar."""
    ordinal = d.toordinal() + days
    if not 1 <= ordinal <= _LAST_ORDINAL:
        raise OutOfCalendar("the day lies outside the calendar")
    return date.fromordinal(ordinal)


@dataclass(frozen=True)
class Period:
    value: str
    start: date
    end: date
    precision: str


def day(d: date) -> Period:
    return Period(d.isoformat(), d, d, "day")


def week(d: date) -> Period:
    iso_year, iso_week, weekday = d.isocalendar()
    monday = shift(d, 1 - weekday)
    return Period(f"{iso_year}-W{iso_week:02d}", monday, shift(monday, 6), "week")


def weekend(d: date) -> Period:
    iso_year, iso_week, weekday = d.isocalendar()
    saturday = shift(d, 6 - weekday)
    return Period(f"{iso_year}-W{iso_week:02d}-WE", saturday, shift(saturday, 1), "week")


def month(year: int, number: int) -> Period:
    first = calendar_date(year, number, 1)
    last = first.replace(day=monthrange(year, number)[1])
    return Period(f"{year:04d}-{number:02d}", first, last, "month")


def quarter(year: int, number: int) -> Period:
    first = 3 * (number - 1) + 1
    start, end = calendar_date(year, first, 1), month(year, first + 2).end
    return Period(f"{year:04d}-Q{number}", start, end, "quarter")


def quarter_ending(end: date, number: int | None = None) -> Period:
    """The three months that end on `end` (a fiscal quarter), named by their number in the company's year
    when the text gives one ("its fourth quarter ended June 30" is 1989-Q4), else by the calendar quarter
    most of them fall in ("the quarter ended July 31" is May to July: 1989-Q2)."""
    start = add_months(shift(end, 1), -3)
    if number is None:
        middle = start + (end - start) / 2
        return Period(f"{middle.year:04d}-Q{quarter_of(middle)}", start, end, "quarter")
    return Period(f"{end.year:04d}-Q{number}", start, end, "quarter")


def shift_quarter(named: Period, offset: int) -> Period:
    """The quarter `offset` quarters from `named`, keeping its naming: a fiscal '1989-Q1' that ran from
    July to September is '1988-Q1', July to September 1988, four quarters back."""
    year, number = (int(part) for part in named.value.split("-Q"))
    index = year * 4 + number - 1 + offset
    start = add_months(named.start, 3 * offset)
    end = shift(add_months(shift(named.end, 1), 3 * offset), -1)
    return Period(f"{index // 4:04d}-Q{index % 4 + 1}", start, end, "quarter")


def year_before(named: Period) -> Period | None:
    """The same period a year back: a day, a month, a quarter (keeping a fiscal quarter's naming) or a half;
    None for a coarser or looser one."""
    if named.precision == "day":
        leap_day = (named.start.month, named.start.day) == (2, 29)
        return day(calendar_date(named.start.year - 1, named.start.month, 28 if leap_day else named.start.day))
    if named.precision == "month":
        return month(named.start.year - 1, named.start.month)
    if named.precision == "quarter":
        return shift_quarter(named, -4)
    if named.precision == "half":
        return half(named.start.year - 1, 1 if named.start.month <= 6 else 2)
    return None


def half(year: int, number: int) -> Period:
    start = calendar_date(year, 1 if number == 1 else 7, 1)
    end = start.replace(month=6, day=30) if number == 1 else start.replace(month=12, day=31)
    return Period(f"{year:04d}-H{number}", start, end, "half")


def season(year: int, code: str) -> Period:
    first, last = SEASON_MONTHS[code]
    start = calendar_date(year, first, 1)
    end = month(year + 1 if last < first else year, last).end
    return Period(f"{year:04d}-{code}", start, end, "season")


def year(number: int) -> Period:
    start = calendar_date(number, 1, 1)
    return Period(f"{number:04d}", start, start.replace(month=12, day=31), "year")


def decade(first_year: int) -> Period:
    first_year -= first_year % 10
    start, end = calendar_date(first_year, 1, 1), calendar_date(first_year + 9, 12, 31)
    return Period(f"{first_year // 10:03d}", start, end, "decade")


def century(first_year: int) -> Period:
    first_year -= first_year % 100
    start, end = calendar_date(first_year, 1, 1), calendar_date(first_year + 99, 12, 31)
    return Period(f"{first_year // 100:02d}", start, end, "century")


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    new_year, new_month = divmod(index, 12)
    first = calendar_date(new_year, new_month + 1, 1)
    return first.replace(day=min(d.day, monthrange(new_year, new_month + 1)[1]))


def unit_period(anchor: date, unit: str, offset: int) -> Period:
    """The period of `unit` that lies `offset` units from the one holding `anchor` (0 is the same one)."""
    if unit == "D":
        return day(shift(anchor, offset))
    if unit == "W":
        return week(shift(anchor, 7 * offset))
    if unit == "WE":
        return weekend(shift(anchor, 7 * offset))
    if unit == "M":
        moved = add_months(anchor.replace(day=1), offset)
        return month(moved.year, moved.month)
    if unit == "Q":
        index = anchor.year * 4 + quarter_of(anchor) - 1 + offset
        return quarter(index // 4, index % 4 + 1)
    if unit == "H":
        index = anchor.year * 2 + (0 if anchor.month <= 6 else 1) + offset
        return half(index // 2, index % 2 + 1)
    if unit == "Y":
        return year(anchor.year + offset)
    if unit == "DE":
        return decade(anchor.year + 10 * offset)
    if unit == "CE":
        return century(anchor.year + 100 * offset)
    raise ValueError(f"unknown unit {unit!r}")


def narrow(period: Period, modifier: str | None) -> tuple[date, date]:
    """The part of the period that 'early', 'mid' or 'late' points at: its first, middle or last third."""
    if modifier not in ("START", "MID", "END"):
        return period.start, period.end
    days = (period.end - period.start).days + 1
    third = max(days // 3, 1)
    if modifier == "START":
        return period.start, shift(period.start, third - 1)
    if modifier == "END":
        return shift(period.end, 1 - third), period.end
    return shift(period.start, third), shift(period.end, -third)
