"""Resolvers for calendar days and clock times: written dates, months, weekdays, today, holidays."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from . import intervals as iv
from .grammar import WEEKDAY_NAMES
from .lexicon import (
    MONTHS,
    PARTS_OF_DAY,
    WEEKDAYS,
)
from .rules import (
    INVALID,
    OFFSETS,
    RESOLVERS,
    Context,
    Reading,
    dated,
    day_number,
    month_number,
    nearest,
    resolver,
    safe_date,
    tense_or_deadline,
    text_after,
    text_before,
    two_digit_year,
    year_for,
)


@resolver("iso")
def _iso(m: re.Match, ctx: Context) -> Reading | None:
    day = safe_date(int(m["year"]), int(m["mon"]), int(m["day"]))
    if not day:
        return INVALID
    if m["hour"]:
        return Reading("TIME", f"{day.isoformat()}T{m['hour']}:{m['minute']}", iv.day(day))
    return dated(iv.day(day))


@resolver("slash")
def _slash(m: re.Match, ctx: Context) -> Reading | None:
    a, b, year = int(m["a"]), int(m["b"]), two_digit_year(m["year"])
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless impossible
    found = safe_date(year, month, day)
    return dated(iv.day(found)) if found else INVALID


MONTH_WORDS = "|".join(sorted((name.capitalize() for name in MONTHS), key=len, reverse=True))


_WORD_BEFORE_DAY = re.compile(r"(?i:\b(?P<rel>last|next|this|coming|ended|ending)\s+)$")
_TENSE_OF_WORD_BEFORE = {"last": "past", "next": "future", "coming": "future", "ended": "done", "ending": "deadline"}
"""'Last Oct. 23' is past; 'the quarter ended Oct. 31' is over, however soon after publication; 'the fiscal
year ending September 30' ends ahead, as a deadline does, unless the clause is past."""


def _day_month(m: re.Match, ctx: Context) -> Reading | None:
    month, day = month_number(m["month"]), day_number(m["day"])
    if m["year"]:
        found = safe_date(two_digit_year(m["year"]), month, day)
        return dated(iv.day(found)) if found else INVALID
    if safe_date(2000, month, day) is None:
        return INVALID
    if ctx.anchor is None:
        return Reading("DATE", None)
    said = _WORD_BEFORE_DAY.search(text_before(ctx, 8))
    tense = _TENSE_OF_WORD_BEFORE.get(said["rel"].lower()) if said else None
    if tense == "deadline" and ctx.tense == "past":
        tense = "past"  # "sales in the fiscal year ending June 30 fell": that year is over
    found = year_for(ctx.anchor, month, day, tense or tense_or_deadline(ctx))
    return dated(iv.day(found), anchored=True) if found else None


RESOLVERS["dmy"] = _day_month


RESOLVERS["mdy"] = _day_month


@resolver("weekof")
def _week_of(m: re.Match, ctx: Context) -> Reading | None:
    """'The week of March 6' is the week that day falls in."""
    reading = _day_month(m, ctx)
    if reading is None or reading.period is None:
        return reading
    return dated(iv.week(reading.period.start), anchored=reading.anchored)


@resolver("my")
def _month_year(m: re.Match, ctx: Context) -> Reading | None:
    return dated(iv.month(int(m["year"]), month_number(m["month"])))


_MONTH_CUE = re.compile(
    r"(?i:\b(?:in|since|by|until|till|from|through|to|of|a|an|early|mid|late|last|next|this|during|before|after|"
    r"between|and|the|dated|end|beginning|start)[\s-]*)$"
)


@resolver("month")
def _month(m: re.Match, ctx: Context) -> Reading | None:
    word = m["month"].rstrip(".")
    ambiguous = word.lower() in ("may", "march") or len(word) <= 4
    if ambiguous and not _MONTH_CUE.search(text_before(ctx, 14)):
        return None
    if word == m["month"] and len(word) <= 3 and re.match(r"\s+[A-Z][a-z]", text_after(ctx, 3)):
        return None  # an undotted "Jan" before a capitalised word is a first name: "Jan Kavan"
    if ctx.anchor is None:
        return Reading("DATE", None)
    number = month_number(word)
    options = [iv.calendar_date(y, number, 1) for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)]
    first_of_anchor_month = ctx.anchor.replace(day=1)
    chosen = nearest(first_of_anchor_month, options, tense_or_deadline(ctx))
    return dated(iv.month(chosen.year, number), anchored=True)


@resolver("monthrange")
def _month_range(m: re.Match, ctx: Context) -> Reading | None:
    """'April-June', 'July-September 2008', 'Dec-Feb': the end month read as a month alone would be, and
    the start the latest such month before it; each is an expression of its own."""
    first, last = month_number(m["first"]), month_number(m["month"])
    if first == last:
        return None
    if m["year"]:
        end = iv.month(int(m["year"]), last)
    elif ctx.anchor is None:
        return Reading("DATE", None)
    else:
        options = [iv.calendar_date(y, last, 1) for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)]
        chosen = nearest(ctx.anchor.replace(day=1), options, tense_or_deadline(ctx))
        end = iv.month(chosen.year, last)
    start = iv.month(end.start.year - (1 if first > last else 0), first)
    anchored = not m["year"]
    second = dated(end, anchored=anchored)
    return replace(dated(start, anchored=anchored), range_end=(m.end("first"), m.start("month"), m.end(), second))


@resolver("relmonth")
def _relative_month(m: re.Match, ctx: Context) -> Reading | None:
    """'last February', 'this September', 'June last year', 'January this year'."""
    rel = (m["rel"] or "").lower()
    if rel in ("early", "late", "mid"):
        return None  # a modifier, read by the plain month rule
    if ctx.anchor is None:
        return Reading("DATE", None)
    number = month_number(m["month"])
    if m["rel2"]:
        return dated(iv.month(ctx.anchor.year + OFFSETS[m["rel2"].lower()], number), anchored=True)
    current = ctx.anchor.year * 12 + ctx.anchor.month - 1
    candidates = [y * 12 + number - 1 for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)]
    if rel == "last":
        chosen = max(c for c in candidates if c < current)
    elif rel == "next":
        chosen = min(c for c in candidates if c > current)
    else:
        chosen = ctx.anchor.year * 12 + number - 1
    return dated(iv.month(chosen // 12, chosen % 12 + 1), anchored=True)


@resolver("weekday")
def _weekday(m: re.Match, ctx: Context) -> Reading | None:
    weekday = WEEKDAYS[m["wd"].lower()]
    if m["plural"]:
        return Reading("SET", f"XXXX-WXX-{weekday + 1}")
    if ctx.anchor is None:
        return Reading("DATE", None)
    rel = m["rel"].lower().split()[-1] if m["rel"] else ""
    direction = _FROM_THE_STORY.get(rel)
    if direction is not None:  # without a day named before, "the previous Friday" is last Friday
        found = _step_to(ctx.anchor, weekday, direction)
    else:
        found = _weekday_date(ctx, weekday, rel)
    reading = dated(iv.day(found), anchored=True)  # "Friday night" is dated by its day, as TimeML news mostly does
    if direction is None:
        return reading
    return replace(reading, refers=_weekday_from(weekday, direction))


_FROM_THE_STORY = {"previous": -1, "prior": -1, "preceding": -1, "following": 1}
"""'The previous Friday' counts from the day the story last named."""


def _step_to(base: date, weekday: int, direction: int) -> date:
    """The nearest such weekday strictly before (-1) or after (+1) `base`."""
    steps = (direction * (weekday - base.weekday())) % 7 or 7
    return iv.shift(base, direction * steps)


def _weekday_from(weekday: int, direction: int) -> Callable[[iv.Period], iv.Period | None]:
    """'The previous Friday': the Friday before the day the story last named."""

    def resolve(reference: iv.Period) -> iv.Period | None:
        if reference.precision != "day":
            return None
        return iv.day(_step_to(reference.start, weekday, direction))

    return resolve


def _weekday_date(ctx: Context, weekday: int, rel: str) -> date:
    """The weekday nearest the anchor that the relative word or the tense points at."""
    assert ctx.anchor is not None
    delta = weekday - ctx.anchor.weekday()
    if not rel and ctx.planned:  # the nearer of the two: "planned for Saturday" is tomorrow or yesterday
        return iv.shift(ctx.anchor, min(delta % 7, delta % 7 - 7, key=abs))
    if rel in ("last", "past"):
        return _step_to(ctx.anchor, weekday, -1)
    if rel in ("next", "coming"):
        return _step_to(ctx.anchor, weekday, 1)
    if rel == "this":
        return iv.shift(ctx.anchor, delta)
    if tense_or_deadline(ctx) in ("future", "present", "deadline"):
        delta = delta + 7 if delta < 0 else delta  # "will meet on Friday", "they meet Friday": the coming one
    else:
        delta = delta - 7 if delta > 0 else delta
    return iv.shift(ctx.anchor, delta)


_NAME_BEFORE = re.compile(r"\b(?:[A-Z]{2,}|[A-Z][a-z]+) +$")
"""A capitalised word right before: in mid-sentence "Today" then ends a name ("USA Today", "VOA Today")."""


_GENERIC_AFTER = re.compile(
    r"(?i:['’]s\s+(?:\w+\s+)?(?:world|youth|society|generations?|children|kids|young|teenagers|families|"
    r"consumers|workers|students|parents|culture|technology|computers|cars|standards)\b)"
)
_GENERIC_BEFORE = re.compile(r"(?i:\b(?:people|world|leaders|cars|technology|jobs|industries|children)\s+of\s+)$")
"""'Today's youth', 'in today's world', 'the people of tomorrow': an era, not a day."""


@resolver("relword")
def _relword(m: re.Match, ctx: Context) -> Reading | None:
    word = " ".join(m["word"].lower().split())
    if m["word"] == "Today" and _NAME_BEFORE.search(text_before(ctx)):
        return None
    if word in ("today", "tomorrow") and (
        _GENERIC_AFTER.match(text_after(ctx, 30)) or _GENERIC_BEFORE.search(text_before(ctx, 30))
    ):
        return None
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
              "the day before yesterday": -2, "the day after tomorrow": 2}[word]  # fmt: skip
    part = m["part"] or ("night" if word in ("tonight", "last night") else None)
    if ctx.anchor is None:
        return Reading("TIME" if part else "DATE", None)
    found = iv.shift(ctx.anchor, offset)
    if part:
        return Reading("TIME", f"{found.isoformat()}T{PARTS_OF_DAY[part.lower()]}", iv.day(found), True)
    return dated(iv.day(found), anchored=True)


@resolver("partofday")
def _part_of_day(m: re.Match, ctx: Context) -> Reading | None:
    if ctx.anchor is None:
        return Reading("TIME", None)
    code = PARTS_OF_DAY[m["part"].lower()]
    return Reading("TIME", f"{ctx.anchor.isoformat()}T{code}", iv.day(ctx.anchor), True)


_DAY_AFTER_CLOCK = re.compile(
    r"(?:\s*\([^()]{0,24}\))?\)?(?:\s+on)?,?\s+"
    rf"(?:(?P<wd>{WEEKDAY_NAMES})\b|(?P<month>{MONTH_WORDS})\.?\s+(?P<day>\d{{1,2}})\b(?![,.]?\d))"
)
"""The day named right after a clock time and its own expression ("at 10 a.m. on Monday")."""

_COUNTED_HOURS = re.compile(r"(?i:\b(?:for|of|about|some|than|over|nearly|almost|around|only|just)\s+)$")


@resolver("clock")
def _clock(m: re.Match, ctx: Context) -> Reading | None:
    """'10 p.m.', 'noon', '10:00 GMT', '1800 hrs', and with their day: '10 p.m. Wednesday', '5 p.m. EST Nov. 9',
    'noon Thursday', '10:00 GMT Monday'. A clock time is on the day named with it, even as an expression of
    its own ("at 10 a.m. on Monday"), else on the publication day; "1800 to 2100 hrs" is two clock times."""
    if m["noon"]:
        hour, minute = (0 if m["noon"].lower() == "midnight" else 12), 0
    elif m["hour24"]:
        hour, minute = int(m["hour24"]), int(m["minute24"] or m["minute4"])
        if m["minute4"] and _COUNTED_HOURS.search(text_before(ctx, 12)):
            return None  # "for 1800 hours": an amount
    else:
        hour, minute = int(m["hour"]), int(m["minute"] or 0)
        if hour > 12:
            return None
        pm = m["ampm"].lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
    if ctx.anchor is None:
        return Reading("TIME", None)
    day = _day_of_clock(m["wd"], m["month"], m["day"], m["rel"], ctx)
    if day is INVALID:
        return INVALID
    if day is None:
        return None
    clock = f"{hour:02d}:{minute:02d}"
    if m["noon"] and hour == 0 and (m["wd"] or m["month"] or m["rel"]):
        clock = "24:00"  # "midnight Friday" is the end of Friday, TimeML's T24:00
    reading = Reading("TIME", f"{day.isoformat()}T{clock}", iv.day(day), True)
    if m["hour2"]:
        until = f"{day.isoformat()}T{int(m['hour2']):02d}:{m['minute2']}"
        end = Reading("TIME", until, iv.day(day), True)
        return replace(reading, range_end=(m.end("minute24") if m["minute24"] else m.end("minute4"),
                                           m.start("hour2"), m.end(), end))  # fmt: skip
    return reading


def _day_of_clock(weekday, month, day, rel, ctx: Context):
    """The day a clock time is on: the one written with it or right after it, else the publication day."""
    assert ctx.anchor is not None
    if not (weekday or month or rel):
        after = _DAY_AFTER_CLOCK.match(text_after(ctx, 30))
        if after is None:
            return ctx.anchor
        weekday, month, day = after["wd"], after["month"], after["day"]
    if weekday:
        return _weekday_date(ctx, WEEKDAYS[weekday.lower()], "")
    if month:
        if safe_date(2000, month_number(month), day_number(day)) is None:
            return INVALID
        return year_for(ctx.anchor, month_number(month), day_number(day), tense_or_deadline(ctx))
    return iv.shift(ctx.anchor, {"today": 0, "yesterday": -1, "tomorrow": 1}[rel.lower()])


def _weekday_on_or_after(year: int, month: int, day: int, weekday: int) -> date:
    first = iv.calendar_date(year, month, day)
    return iv.shift(first, (weekday - first.weekday()) % 7)


def easter_sunday(year: int) -> date:
    """Western Easter by the anonymous Gregorian computus (Meeus, Jones, Butcher)."""
    golden = year % 19
    century, years = divmod(year, 100)
    leap_c, rest_c = divmod(century, 4)
    moon = (19 * golden + century - leap_c - (century - (century + 8) // 25 + 1) // 3 + 15) % 30
    leap_y, rest_y = divmod(years, 4)
    weekday = (32 + 2 * rest_c + 2 * leap_y - moon - rest_y) % 7
    shift = (golden + 11 * moon + 22 * weekday) // 451
    month, day = divmod(moon + weekday - 7 * shift + 114, 31)
    return iv.calendar_date(year, month, day + 1)


_MOVABLE_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "thanksgiving": lambda year: _weekday_on_or_after(year, 11, 22, 3),  # the fourth Thursday of November
    "thanksgiving day": lambda year: _weekday_on_or_after(year, 11, 22, 3),
    "election day": lambda year: _weekday_on_or_after(year, 11, 2, 1),  # the Tuesday after November's first Monday
    "labor day": lambda year: _weekday_on_or_after(year, 9, 1, 0),
    "memorial day": lambda year: _weekday_on_or_after(year, 5, 25, 0),  # the last Monday of May
    "easter": easter_sunday,
    "easter sunday": easter_sunday,
    "easter week": easter_sunday,  # the Holy Week that ends on Easter Sunday: its ISO week
    "easter monday": lambda year: iv.shift(easter_sunday(year), 1),
    "good friday": lambda year: iv.shift(easter_sunday(year), -2),
}
"""The holidays news dates by weekday or by the moon, not by a fixed day."""


_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year": (1, 1),
             "new years": (1, 1), "new year day": (1, 1), "new years day": (1, 1), "new year eve": (12, 31),
             "new years eve": (12, 31), "independence day": (7, 4), "valentine day": (2, 14),
             "valentines day": (2, 14), "halloween": (10, 31)}  # fmt: skip


@resolver("holiday")
def _holiday(m: re.Match, ctx: Context) -> Reading | None:
    if ctx.anchor is None:
        return Reading("DATE", None)
    name = " ".join(m["name"].lower().replace("'", "").replace("labour", "labor").split())
    years = (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
    movable = _MOVABLE_HOLIDAYS.get(name)
    if movable is not None:
        options = [movable(y) for y in years]
    else:
        month, day = _HOLIDAYS[name]
        options = [iv.calendar_date(y, month, day) for y in years]
    chosen = nearest(ctx.anchor, options, ctx.tense)
    return dated(iv.week(chosen) if name.endswith("week") else iv.day(chosen), anchored=True)
