"""Resolvers for what never dates an event: durations ("90 days"), sets ("every year") and references
without a fixed value ("now", "recently", "in the future")."""

from __future__ import annotations

import re
from dataclasses import replace

from . import intervals as iv
from .lexicon import (
    MONTHS,
    NUMBERS,
    PARTS_OF_DAY,
    UNITS,
    WEEKDAYS,
)
from .rules import (
    RESOLVERS,
    Context,
    Reading,
    about_quarters,
    dated,
    quarter_in_year,
    reported_quarter,
    resolver,
    text_after,
    text_before,
)

_LARGEST_AMOUNT = 10**7
"""More days than the calendar holds: a larger amount ("900000000 years ago") counts to no date."""


def _number(text: str) -> float | None:
    """The amount written, None for a vague one ("several"), OutOfCalendar for one too large to count."""
    text = " ".join(text.lower().split())
    if text.endswith("1/2") or text.endswith("½"):
        whole = _number(text.removesuffix("1/2").removesuffix("½").rstrip(" -"))
        return None if whole is None else whole + 0.5  # "2 1/2 years"
    if text in NUMBERS:
        return NUMBERS[text]
    try:
        amount = float(text)
    except ValueError:
        return None  # several, a few, ...
    if not amount <= _LARGEST_AMOUNT:  # also infinity, from a number of hundreds of digits
        raise iv.OutOfCalendar("the amount is beyond any calendar")
    return amount


@resolver("ago")
def _ago(m: re.Match, ctx: Context) -> Reading | None:
    reading = _ago_reading(m, ctx)
    if reading is not None and reading.type == "DATE" and m["approx"]:
        return replace(reading, modifier="APPROX")  # "a week or so ago"
    return reading


def _ago_reading(m: re.Match, ctx: Context) -> Reading | None:
    amount = _number(m["num"])
    unit = UNITS[m["unit"].lower().rstrip("s").replace("centurie", "century")]
    direction = -1 if m["dir"].lower() in ("ago", "earlier", "before", "previously") else 1
    if m["dir"].lower() == "later":
        # "three days later" counts from an event the story tells, not from publication: only the stretch
        minutes = m["unit"].lower().startswith("minute")
        return _duration_value(amount, "M" if minutes else unit, time_unit=minutes or unit in ("H", "S"))
    if amount is None:
        return Reading("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF")  # "several years ago"
    if ctx.anchor is None or amount != int(amount):
        return Reading("DATE", None)
    if unit in ("S", "H") or m["unit"].lower().startswith("minute"):
        return Reading("DATE", None)
    if unit == "D":
        return dated(iv.day(iv.shift(ctx.anchor, direction * int(amount))), anchored=True)
    comparison = unit == "Y" and amount == 1 and direction < 0  # "a year earlier": the base of a comparison
    if unit == "Y" and direction < 0 and about_quarters(ctx):
        return replace(reported_quarter(ctx, quarters_back=4 * int(amount)), year_before_named=comparison)
    reading = dated(iv.unit_period(ctx.anchor, unit, direction * int(amount)), anchored=True)
    return replace(reading, year_before_named=comparison)


_FRACTION_UNITS = {
    ("Y", False): ("M", 12, False), ("M", False): ("D", 30, False), ("W", False): ("D", 7, False),
    ("D", False): ("H", 24, True), ("H", True): ("M", 60, True), ("M", True): ("S", 60, True),
}  # fmt: skip
"""The next smaller unit, for a fractional amount: '2 1/2 years' is P2Y6M, '5 1/2 hours' PT5H30M."""


_IN_YEARS = {"DE": 10, "CE": 100}
"""TimeML news writes decades and centuries as years: "two decades" is P20Y."""


def _duration_value(amount: float | None, letter: str, time_unit: bool = False) -> Reading:
    if letter in _IN_YEARS:
        amount, letter = (None if amount is None else amount * _IN_YEARS[letter]), "Y"
    if amount is None:
        return Reading("DURATION", f"{'PT' if time_unit else 'P'}X{letter}")
    whole = int(amount)
    parts = [(whole, letter, time_unit)] if whole or amount == whole else []
    smaller = _FRACTION_UNITS.get((letter, time_unit))
    if amount != whole:
        rest = (amount - whole) * smaller[1] if smaller else None
        if rest is None or rest != int(rest):
            return Reading("DURATION", f"{'PT' if time_unit else 'P'}{amount}{letter}")
        parts.append((int(rest), smaller[0], smaller[2]))
    date_part = "".join(f"{n}{u}" for n, u, is_time in parts if not is_time)
    time_part = "".join(f"{n}{u}" for n, u, is_time in parts if is_time)
    return Reading("DURATION", "P" + date_part + (f"T{time_part}" if time_part else ""))


_ORDINAL_SECOND = re.compile(
    r"\s+(?!(?:ago|later|earlier|or|and|to|for|in|of|before|after|when|as|that|the|at|on|but|while)\b)[a-z]"
)
"""'A second' before a word that goes on the noun phrase is the ordinal, not the stretch of time."""

_STRETCH_BEFORE = re.compile(r"(?i:\b(?:within|in|for|over|after|under|than|about|nearly|almost|just)\s+$)")


def singular_of(word: str) -> str:
    return word.rstrip("s").replace("centurie", "century")


@resolver("duration")
def _duration(m: re.Match, ctx: Context) -> Reading | None:
    word = m["unit"].lower()
    amount = _number(m["num"])
    if amount is not None and m["half"]:
        amount += 0.5  # "a minute and a half"
    if m["old"]:
        return None  # an age: "a 52-year-old executive"
    if amount is None and (m["span"] or "").lower() in ("past", "last", "previous"):
        return Reading("DATE", "PAST_REF")  # "the past few months": some time back, TimeML's PAST_REF
    if word.startswith("quarter") and re.match(r"\s+of\b", text_after(ctx, 4)):
        return None  # "three-quarters of the shares": a fraction
    if amount is not None and amount >= 1000 and word.startswith("quarter"):
        return quarter_in_year(int(amount), ctx)  # "the 1988 quarter"
    singular = singular_of(word)
    if singular == "second" and amount == 1 and _ORDINAL_SECOND.match(text_after(ctx, 20)):
        return None  # "a second group of bidders", "a second consecutive month": an ordinal
    before = text_before(ctx, 30)
    if m["num"].lower() in ("a", "an") and not m["span"] and not _STRETCH_BEFORE.search(before):
        if re.search(r"(?i:\d[\d,.]*\s+(?:\w+\s+){0,2}$)", before) or re.search(
            r"(?i:\b(?:times|once|twice)\s*$)", before
        ):
            return Reading("SET", f"P1{UNITS[singular]}")  # "300,000 vehicles a year": a rate; "within a year" is not
    if singular == "minute":
        return _duration_value(amount, "M", time_unit=True)
    if singular in ("hour", "second"):
        return _duration_value(amount, UNITS[singular], time_unit=True)
    return _duration_value(amount, UNITS[singular])


_NAME_GOES_ON = re.compile(r"\s+(?:[A-Z][a-z]+|[A-Z]{2,})\b")


@resolver("sessions")
def _sessions(m: re.Match, ctx: Context) -> Reading | None:
    """'The past five sessions' of a market: that many trading days, a stretch back or ahead."""
    return _duration_value(_number(m["num"]), "D")


@resolver("present")
def _present(m: re.Match, ctx: Context) -> Reading | None:
    """'now', 'currently', 'the present'; a capitalised one that a capitalised word follows is part of a
    name ("Current Analysis", "The Present Situation Index")."""
    if m.group()[-1:].isupper() or (m.group().split()[-1][:1].isupper() and _NAME_GOES_ON.match(text_after(ctx, 20))):
        return None
    return Reading("DATE", "PRESENT_REF")


RESOLVERS["currentadj"] = _present  # "its current share", "current market conditions": TimeML's PRESENT_REF


@resolver("past")
def _past(m: re.Match, ctx: Context) -> Reading | None:
    return Reading("DATE", "PAST_REF")


@resolver("future")
def _future(m: re.Match, ctx: Context) -> Reading | None:
    return Reading("DATE", "FUTURE_REF")


@resolver("set")
def _set(m: re.Match, ctx: Context) -> Reading | None:
    unit = m["unit"].lower()
    every = {"other": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}.get((m["num"] or "").lower())
    every = every or (int(_number(m["num"]) or 1) if m["num"] and m["num"].isdigit() else 1)
    if unit in WEEKDAYS:
        return Reading("SET", f"XXXX-WXX-{WEEKDAYS[unit] + 1}")
    if unit in MONTHS:
        return Reading("SET", f"XXXX-{MONTHS[unit]:02d}")  # "each July"
    if unit in ("morning", "evening", "night"):
        return Reading("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}")
    return Reading("SET", f"P{every}{UNITS[unit]}")


@resolver("setadverb")
def _set_adverb(m: re.Match, ctx: Context) -> Reading | None:
    """'daily' recurs every day: TimeML news writes the period of the recurrence, P1D."""
    value = {"annually": "P1Y", "yearly": "P1Y", "monthly": "P1M", "weekly": "P1W", "daily": "P1D",
             "nightly": "XXXX-XX-XXTNI", "hourly": "PT1H"}[m["adverb"].lower()]  # fmt: skip
    return Reading("SET", value)


@resolver("vague")
def _vague(m: re.Match, ctx: Context) -> Reading | None:
    """'recent years', and a bare 'for years', 'over the years': a stretch of unknown length, PXY."""
    return _duration_value(None, UNITS[m["unit"].lower().rstrip("s")])


@resolver("long")
def _long(m: re.Match, ctx: Context) -> Reading | None:
    """'a day-long strike' lasts a day; 'decades-long' an unknown number of decades (counted in years)."""
    unit = UNITS[m["unit"].lower().replace("centurie", "century")]
    return _duration_value(None if m["plural"] else 1, unit)


_BARE_PLURAL_CUE = re.compile(r"(?i:\b(?:for|the|within|over)\s)$")


@resolver("bareplural")
def _bare_plural(m: re.Match, ctx: Context) -> Reading | None:
    """'for years', 'over the years': only after these words is a bare plural a stretch of time."""
    return _vague(m, ctx) if _BARE_PLURAL_CUE.search(text_before(ctx, 8)) else None
