"""From a grammar match to a TIMEX3 type and value: one resolver per pattern in `grammar.PATTERNS`.

A resolver returns a `Reading` or None when the match is not a temporal expression after all (an amount,
the verb "may", a date that does not exist). Relative expressions need the anchor (the publication
date); without one they get a type and no value, so an undated article never guesses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from . import intervals as iv
from .lexicon import (
    AMOUNT_PREFIXES,
    COUNT_NOUNS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    SPOKEN_ONES,
    SPOKEN_TEENS,
    SPOKEN_TENS,
    UNITS,
    WEEKDAYS,
)


class Context:
    """Where a match stands: the text, its span, the anchor, and the clause's tense (computed on demand)."""

    __slots__ = ("text", "start", "end", "anchor", "_tense_of", "_tense")

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        anchor: date | None,
        tense_of: Callable[[], str | None] | str | None = None,
    ) -> None:
        self.text, self.start, self.end, self.anchor = text, start, end, anchor
        self._tense_of = tense_of
        self._tense: str | None | bool = False

    @property
    def tense(self) -> str | None:
        """'past', 'future', or None (unknown): which way a year-less or relative expression points.

        Asked only by the rules that need it, since finding it (the parse, the words around) costs more
        than most matches are worth.
        """
        return "future" if self.planned else self._raw_tense()

    @property
    def planned(self) -> bool:
        """The date of something planned ("a rally planned for Saturday"): ahead, unless it is only days
        back and the plan is reported after the fact."""
        return self._raw_tense() == "plan"

    def _raw_tense(self) -> str | None:
        if self._tense is False:
            self._tense = self._tense_of() if callable(self._tense_of) else self._tense_of
        return self._tense


@dataclass(frozen=True)
class Reading:
    type: str
    value: str | None = None
    period: iv.Period | None = None
    anchored: bool = False
    modifier: str | None = None
    refers: Callable[[iv.Period], iv.Period | None] | None = field(default=None, compare=False)
    """For an anaphor ("that year", "the following month"): its period given the time the story last
    named, or None when that time is too coarse. The value above is the fallback without one."""


INVALID = Reading("INVALID")
"""Looks like a date but cannot be one (31 February): it claims its span so no part of it is read instead."""


ANAPHOR = "ANAPHOR"
"""The type of a reading that is a date only if the story named a time before it."""

Resolver = Callable[[re.Match, Context], Reading | None]
RESOLVERS: dict[str, Resolver] = {}


def resolver(name: str) -> Callable[[Resolver], Resolver]:
    def register(function: Resolver) -> Resolver:
        RESOLVERS[name] = function
        return function

    return register


def _date(reading_period: iv.Period, anchored: bool = False) -> Reading:
    return Reading("DATE", reading_period.value, reading_period, anchored)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_number(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _two_digit_year(text: str) -> int:
    value = int(text)
    return value if value >= 100 else (1900 + value if value >= 30 else 2000 + value)


def _before(ctx: Context, chars: int = 24) -> str:
    return ctx.text[max(0, ctx.start - chars) : ctx.start]


def _after(ctx: Context, chars: int = 24) -> str:
    return ctx.text[ctx.end : ctx.end + chars]


NEAR_FUTURE_DAYS = 62
"""A year-less date this close after publication is meant, whatever the tense: news rarely names a day
eleven months back without its year, but often one a few weeks ahead ("payable Dec. 15")."""


def _nearest(anchor: date, candidates: list[date], tense: str | None) -> date:
    """The candidate on or before the anchor for the past, on or after it for the future.

    With no tense, the closest when it is soon after publication, else the latest one before: news names a
    year-less date months back ("the record set on Aug. 6") far more often than months ahead.
    A date a few weeks ahead wins over a past tense the parse may have misread ("payable Dec. 15", "told
    them of a cut in September"). A deadline is the next one within half a year, else the closest.
    """
    window = timedelta(days=NEAR_FUTURE_DAYS)
    soon = [c for c in candidates if anchor < c <= anchor + window]
    earlier = [c for c in candidates if c <= anchor]
    if tense == "past" and soon and not [c for c in earlier if anchor - window <= c]:
        return soon[0]
    if tense == "deadline":
        ahead = [c for c in candidates if anchor <= c <= anchor + timedelta(days=DEADLINE_REACH_DAYS)]
        return min(ahead) if ahead else _nearest(anchor, candidates, None)
    if tense not in ("past", "future"):
        closest = min(candidates, key=lambda c: (abs((c - anchor).days), c > anchor))
        if closest <= anchor + window or not earlier:
            return closest
        return max(earlier)
    if tense == "future":
        later = [c for c in candidates if c >= anchor]
        return min(later) if later else max(candidates)
    return max(earlier) if earlier else min(candidates)


_DEADLINE = re.compile(
    r"(?i:\b(?:by|until|till|through|due|effective|ahead\s+of|no\s+later\s+than)\s+(?:early\s+|mid-?|late\s+)?)$"
)
DEADLINE_REACH_DAYS = 183
_SOONEST = re.compile(r"(?i:\bas\s+(?P<word>soon|early)\s+as\s+)$")


def _tense_or_deadline(ctx: Context) -> str | None:
    """A deadline ("by May", "until mid-November", "effective Feb. 1") lies ahead within half a year, unless
    the clause is past; a deadline a day gone ("by Jan. 14" on the 15th) is the one just passed."""
    if ctx.tense != "past" and _DEADLINE.search(_before(ctx, 24)):
        return "deadline"
    soonest = _SOONEST.search(_before(ctx, 16))
    if soonest and (soonest["word"].lower() == "soon" or ctx.tense != "past"):
        return "future"  # "could arrive as early as Tuesday": the earliest of what is still to come
    return ctx.tense


def _year_for(anchor: date, month: int, day: int, tense: str) -> date | None:
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _safe_date(y, month, day))]
    return _nearest(anchor, options, tense) if options else None


def _about_quarters(ctx: Context) -> bool:
    """Business news counting in quarters: 'a year ago' then means the same quarter a year before."""
    return "quarter" in ctx.text[max(0, ctx.start - 700) : ctx.end + 60].lower()


@resolver("iso")
def _iso(m: re.Match, ctx: Context) -> Reading | None:
    day = _safe_date(int(m["year"]), int(m["mon"]), int(m["day"]))
    if not day:
        return INVALID
    if m["hour"]:
        return Reading("TIME", f"{day.isoformat()}T{m['hour']}:{m['minute']}", iv.day(day))
    return _date(iv.day(day))


@resolver("slash")
def _slash(m: re.Match, ctx: Context) -> Reading | None:
    a, b, year = int(m["a"]), int(m["b"]), _two_digit_year(m["year"])
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless impossible
    found = _safe_date(year, month, day)
    return _date(iv.day(found)) if found else INVALID


def _day_month(m: re.Match, ctx: Context) -> Reading | None:
    month, day = _month_number(m["month"]), _day_number(m["day"])
    if m["year"]:
        found = _safe_date(_two_digit_year(m["year"]), month, day)
        return _date(iv.day(found)) if found else INVALID
    if _safe_date(2000, month, day) is None:
        return INVALID
    if ctx.anchor is None:
        return Reading("DATE", None)
    said = re.search(r"(?i:\b(?P<rel>last|next|this|coming)\s+)$", _before(ctx, 8))
    tense = {"last": "past", "next": "future", "coming": "future"}.get(said["rel"].lower()) if said else None
    found = _year_for(ctx.anchor, month, day, tense or _tense_or_deadline(ctx))  # "last Oct. 23"
    return _date(iv.day(found), anchored=True) if found else None


RESOLVERS["dmy"] = _day_month
RESOLVERS["mdy"] = _day_month


@resolver("weekof")
def _week_of(m: re.Match, ctx: Context) -> Reading | None:
    """'The week of March 6' is the week that day falls in."""
    reading = _day_month(m, ctx)
    if reading is None or reading.period is None:
        return reading
    return _date(iv.week(reading.period.start), anchored=reading.anchored)


@resolver("my")
def _month_year(m: re.Match, ctx: Context) -> Reading | None:
    return _date(iv.month(int(m["year"]), _month_number(m["month"])))


_MONTH_CUE = re.compile(
    r"(?i:\b(?:in|since|by|until|till|from|through|to|of|early|mid|late|last|next|this|during|before|after|"
    r"between|and|the|dated|end|beginning|start)[\s-]*)$"
)


@resolver("month")
def _month(m: re.Match, ctx: Context) -> Reading | None:
    word = m["month"].rstrip(".")
    ambiguous = word.lower() in ("may", "march") or len(word) <= 4
    if ambiguous and not _MONTH_CUE.search(_before(ctx, 14)):
        return None
    if word == m["month"] and len(word) <= 3 and re.match(r"\s+[A-Z][a-z]", _after(ctx, 3)):
        return None  # an undotted "Jan" before a capitalised word is a first name: "Jan Kavan"
    if ctx.anchor is None:
        return Reading("DATE", None)
    number = _month_number(word)
    options = [date(y, number, 1) for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)]
    first_of_anchor_month = ctx.anchor.replace(day=1)
    chosen = _nearest(first_of_anchor_month, options, _tense_or_deadline(ctx))
    return _date(iv.month(chosen.year, number), anchored=True)


@resolver("relmonth")
def _relative_month(m: re.Match, ctx: Context) -> Reading | None:
    """'last February', 'this September', 'June last year', 'January this year'."""
    rel = (m["rel"] or "").lower()
    if rel in ("early", "late", "mid"):
        return None  # a modifier, read by the plain month rule
    if ctx.anchor is None:
        return Reading("DATE", None)
    number = _month_number(m["month"])
    if m["rel2"]:
        return _date(iv.month(ctx.anchor.year + _OFFSETS[m["rel2"].lower()], number), anchored=True)
    current = ctx.anchor.year * 12 + ctx.anchor.month - 1
    candidates = [y * 12 + number - 1 for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)]
    if rel == "last":
        chosen = max(c for c in candidates if c < current)
    elif rel == "next":
        chosen = min(c for c in candidates if c > current)
    else:
        chosen = ctx.anchor.year * 12 + number - 1
    return _date(iv.month(chosen // 12, chosen % 12 + 1), anchored=True)


@resolver("weekday")
def _weekday(m: re.Match, ctx: Context) -> Reading | None:
    weekday = WEEKDAYS[m["wd"].lower()]
    if m["plural"]:
        return Reading("SET", f"XXXX-WXX-{weekday + 1}")
    if ctx.anchor is None:
        return Reading("DATE", None)
    rel = (m["rel"] or "").lower().split()[-1:] or [""]
    direction = {"previous": -1, "prior": -1, "preceding": -1, "following": 1}.get(rel[0])
    found = _weekday_date(ctx, weekday, rel[0] if direction is None else ("last" if direction < 0 else "next"))
    reading = _date(iv.day(found), anchored=True)  # "Friday night" is dated by its day, as TimeML news mostly does
    if direction is None:
        return reading
    return replace(reading, refers=_weekday_from(weekday, direction))


def _weekday_from(weekday: int, direction: int) -> Callable[[iv.Period], iv.Period | None]:
    """'The previous Friday': the Friday before the day the story last named."""

    def resolve(reference: iv.Period) -> iv.Period | None:
        if reference.precision != "day":
            return None
        steps = (direction * (weekday - reference.start.weekday())) % 7 or 7
        return iv.day(reference.start + timedelta(days=direction * steps))

    return resolve


def _weekday_date(ctx: Context, weekday: int, rel: str) -> date:
    """The weekday nearest the anchor that the relative word or the tense points at."""
    assert ctx.anchor is not None
    delta = weekday - ctx.anchor.weekday()
    if not rel and ctx.planned:  # the nearer of the two: "planned for Saturday" is tomorrow or yesterday
        return ctx.anchor + timedelta(days=min(delta % 7, delta % 7 - 7, key=abs))
    if rel == "last" or rel == "past":
        delta = delta - 7 if delta >= 0 else delta
    elif rel in ("next", "coming"):
        delta = delta + 7 if delta <= 0 else delta
    elif rel == "this":
        pass
    elif _tense_or_deadline(ctx) in ("future", "present", "deadline"):
        delta = delta + 7 if delta < 0 else delta  # "will meet on Friday", "they meet Friday": the coming one
    else:
        delta = delta - 7 if delta > 0 else delta
    return ctx.anchor + timedelta(days=delta)


@resolver("relword")
def _relword(m: re.Match, ctx: Context) -> Reading | None:
    word = " ".join(m["word"].lower().split())
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
              "the day before yesterday": -2, "the day after tomorrow": 2}[word]  # fmt: skip
    part = m["part"] or ("night" if word in ("tonight", "last night") else None)
    if ctx.anchor is None:
        return Reading("TIME" if part else "DATE", None)
    found = ctx.anchor + timedelta(days=offset)
    if part:
        return Reading("TIME", f"{found.isoformat()}T{PARTS_OF_DAY[part.lower()]}", iv.day(found), True)
    return _date(iv.day(found), anchored=True)


@resolver("partofday")
def _part_of_day(m: re.Match, ctx: Context) -> Reading | None:
    if ctx.anchor is None:
        return Reading("TIME", None)
    code = PARTS_OF_DAY[m["part"].lower()]
    return Reading("TIME", f"{ctx.anchor.isoformat()}T{code}", iv.day(ctx.anchor), True)


_OFFSETS = {"this": 0, "current": 0, "same": 0, "latest": -1, "last": -1, "past": -1, "this past": -1, "previous": -1,
            "prior": -1, "preceding": -1, "next": 1, "coming": 1, "following": 1}  # fmt: skip


_ANAPHORIC = ("following", "previous", "prior", "preceding", "same")
"""Relative words that count from the time the story last named, not from publication: "in 1995 ... the
following year" is 1996."""
_UNIT_DAYS = {"D": 0, "W": 6, "WE": 6, "M": 30, "Q": 91, "H": 183, "Y": 365, "DE": 3652, "CE": 36524}


def from_reference(unit: str, offset: int) -> Callable[[iv.Period], iv.Period | None]:
    """Count `offset` units from a named time at least as fine as the unit; a coarser one ("1995" for
    "the following month") says nothing, and the anaphor keeps its fallback."""

    def resolve(reference: iv.Period) -> iv.Period | None:
        if (reference.end - reference.start).days > _UNIT_DAYS[unit]:
            return None
        return iv.unit_period(reference.start, unit, offset)

    return resolve


@resolver("relunit")
def _relunit(m: re.Match, ctx: Context) -> Reading | None:
    rel, unit = " ".join(m["rel"].lower().split()), m["unit"].lower()
    if _before(ctx, 1) in ('"', "“") and all(word.istitle() for word in m.group().split()):
        return None  # a title in quotes: ABC's "This Week"
    if unit == "day" and rel not in (*_ANAPHORIC, "next"):
        return None  # "the last day of trading", "this day": no day of their own
    reading = _relunit_from_anchor(m, ctx)
    anaphoric = rel in _ANAPHORIC or unit == "day"  # "the next day" follows the story too
    if reading is None or not anaphoric or unit in SEASONS or (rel, unit) == ("same", "quarter"):
        return reading
    return replace(reading, refers=from_reference(UNITS[unit], _OFFSETS[rel]))


@resolver("anaphor")
def _anaphor(m: re.Match, ctx: Context) -> Reading | None:
    """'That year', 'later that day': the time the story last named. With none before it is generic ("trades
    made that day") and `find_dates` drops it."""
    return Reading(ANAPHOR, None, refers=from_reference(UNITS[m["unit"].lower()], 0))


def _relunit_from_anchor(m: re.Match, ctx: Context) -> Reading | None:
    rel, unit = " ".join(m["rel"].lower().split()), m["unit"].lower()
    if unit in SEASONS:
        if ctx.anchor is None:
            return Reading("DATE", None)
        if rel == "this past":  # the latest one over: in October, "this past spring" is this year's
            year = max(y for y in (ctx.anchor.year - 2, ctx.anchor.year - 1, ctx.anchor.year)
                       if iv.season(y, SEASONS[unit]).end < ctx.anchor)  # fmt: skip
            return _date(iv.season(year, SEASONS[unit]), anchored=True)
        base = ctx.anchor.year + _OFFSETS[rel]
        return _date(iv.season(base, SEASONS[unit]), anchored=True)
    if ctx.anchor is None:
        return Reading("DATE", None)
    if unit == "quarter" and rel == "same" and ctx.tense != "future":
        return _date(iv.unit_period(ctx.anchor, "Q", -1), anchored=True)  # "the same quarter": last reported
    return _date(iv.unit_period(ctx.anchor, UNITS[unit], _OFFSETS[rel]), anchored=True)


def _number(text: str) -> float | None:
    text = " ".join(text.lower().split())
    if text.endswith("1/2") or text.endswith("½"):
        whole = _number(text.removesuffix("1/2").removesuffix("½"))
        return None if whole is None else whole + 0.5  # "2 1/2 years"
    if text in NUMBERS:
        return NUMBERS[text]
    try:
        return float(text)
    except ValueError:
        return None  # several, a few, ...


@resolver("ago")
def _ago(m: re.Match, ctx: Context) -> Reading | None:
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
        return _date(iv.day(ctx.anchor + timedelta(days=direction * int(amount))), anchored=True)
    if unit == "Y" and direction < 0 and _about_quarters(ctx):
        return _date(iv.unit_period(ctx.anchor, "Q", -1 - 4 * int(amount)), anchored=True)
    return _date(iv.unit_period(ctx.anchor, unit, direction * int(amount)), anchored=True)


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
    if word.startswith("quarter") and re.match(r"\s+of\b", _after(ctx, 4)):
        return None  # "three-quarters of the shares": a fraction
    if amount is not None and amount >= 1000 and word.startswith("quarter") and ctx.anchor is not None:
        reported = iv.unit_period(ctx.anchor, "Q", -1)  # "the 1988 quarter": the reported quarter, that year
        return _date(iv.quarter(int(amount), int(reported.value[-1])))
    if m["num"].lower() in ("a", "an") and not m["span"]:
        before = _before(ctx, 30)
        if re.search(r"(?i:\d[\d,.]*\s+(?:\w+\s+){0,2}$)", before) or re.search(
            r"(?i:\b(?:times|once|twice)\s*$)", before
        ):
            unit = UNITS[word.rstrip("s")]
            return Reading("SET", f"P1{unit}")  # "300,000 vehicles a year": a rate
    singular = word.rstrip("s").replace("centurie", "century")
    if singular == "minute":
        return _duration_value(amount, "M", time_unit=True)
    if singular in ("hour", "second"):
        return _duration_value(amount, UNITS[singular], time_unit=True)
    return _duration_value(amount, UNITS[singular])


def _ordinal_year(m: re.Match, ctx: Context) -> tuple[int | None, bool]:
    """The year a quarter or half belongs to: written ("the 1988 second quarter", "the third quarter of
    1984"), relative ("this year's", "of last year"), or None for the anchor's by tense."""
    written = m["year"] or m["year0"]
    if written:
        return int(written), False
    rel = m["rel"] or m["rel0"]
    if rel:
        if ctx.anchor is None:
            return None, True
        return ctx.anchor.year + _OFFSETS[rel.lower()], True
    return None, True


def _ordinal_period(m: re.Match, ctx: Context, make: Callable[[int], iv.Period]) -> Reading | None:
    """A quarter or half of the year its words name; a year-ago one is the same period a year before the one
    the story reports ("the year-ago third quarter" beside this year's third quarter)."""
    year, relative = _ordinal_year(m, ctx)
    if year is not None:
        return _date(make(year), anchored=relative)
    reading = _nearby(ctx, make, reported=True)
    if m["ago"] and reading.period is not None:
        return _date(make(reading.period.start.year - 1), anchored=True)
    return reading


@resolver("quarter")
def _quarter(m: re.Match, ctx: Context) -> Reading | None:
    number = ORDINALS[m["ord"].lower()]
    return _ordinal_period(m, ctx, lambda year: iv.quarter(year, number))


def _nearby(ctx: Context, make: Callable[[int], iv.Period], reported: bool = False) -> Reading:
    """The period `make(year)` of the year before, of, or after publication that the tense points at."""
    if ctx.anchor is None:
        return Reading("DATE", None)
    options = [make(y) for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)]
    return _date(_nearest_period(ctx, options, reported), anchored=True)


REPORTING_LAG_DAYS = 92
"""A quarter or half that ended this recently is still the one future sentences mean: its results are
reported after it ends ("will report third-quarter earnings" in October)."""


def _nearest_period(ctx: Context, options: list[iv.Period], reported: bool = False) -> iv.Period:
    """For the past, the latest period that has begun by the anchor; for the future, the next one not over
    (or, for `reported` periods such as quarters, over within the reporting lag)."""
    assert ctx.anchor is not None
    if ctx.tense not in ("past", "future"):
        current = [p for p in options if p.start <= ctx.anchor <= p.end]
        if current:
            return current[0]
    if ctx.tense == "future":
        recent_end = ctx.anchor - timedelta(days=REPORTING_LAG_DAYS if reported else 0)
        open_ones = [p for p in options if p.end >= recent_end]
        return min(open_ones, key=lambda p: p.start) if open_ones else options[-1]
    begun = [p for p in options if p.start <= ctx.anchor]
    return max(begun, key=lambda p: p.start) if begun else options[0]


@resolver("qcode")
def _qcode(m: re.Match, ctx: Context) -> Reading | None:
    number = int(m["q"])
    year = m["year"] or m["year1"]
    if year:
        return _date(iv.quarter(int(year), number))
    if m["yy"]:
        return _date(iv.quarter(_two_digit_year(m["yy"]), number))
    return _nearby(ctx, lambda year: iv.quarter(year, number), reported=True)


@resolver("fiscal")
def _fiscal(m: re.Match, ctx: Context) -> Reading | None:
    year = int(m["year"]) if m["year"] else _two_digit_year(m["fy"])
    return _date(iv.year(year))  # TimeML writes fiscal 1989 as 1989


@resolver("half")
def _half(m: re.Match, ctx: Context) -> Reading | None:
    """'The second half', 'the first two quarters of 1990'; 'the last half' only of a named year, since
    alone it is as often 'the last half hour'."""
    ord_ = m["ord"].lower()
    if ord_ == "last" and not (m["year"] or m["rel"]):
        return None
    number = 1 if ord_ in ("first", "1st") else 2
    return _ordinal_period(m, ctx, lambda year: iv.half(year, number))


@resolver("hcode")
def _hcode(m: re.Match, ctx: Context) -> Reading | None:
    return _date(iv.half(int(m["year"]), int(m["h"])))


@resolver("season")
def _season(m: re.Match, ctx: Context) -> Reading | None:
    word, rel = m["season"].lower(), (m["rel"] or "").lower()
    if m["year"]:
        return _date(iv.season(int(m["year"]), SEASONS[word]))
    if not rel or (word == "fall" and rel == "the"):
        return None  # a bare "spring" or "fall" is as often a noun or a verb
    if ctx.anchor is None:
        return Reading("DATE", None)
    if rel == "the":
        return _nearby(ctx, lambda year: iv.season(year, SEASONS[word]))
    return _date(iv.season(ctx.anchor.year + _OFFSETS[rel], SEASONS[word]), anchored=True)


@resolver("decade")
def _decade(m: re.Match, ctx: Context) -> Reading | None:
    if m["short"] is not None:
        base = 1900 + int(m["short"]) * 10
        if ctx.anchor and base + 100 <= ctx.anchor.year:
            base += 100
        return _date(iv.decade(base))
    return _date(iv.decade(int(m["century"]) * 100 + int(m["decade"]) * 10))


@resolver("century")
def _century(m: re.Match, ctx: Context) -> Reading | None:
    number = int(m["ord"])
    if not 1 <= number <= 22:
        return None
    return _date(iv.century((number - 1) * 100))


@resolver("year")
def _year(m: re.Match, ctx: Context) -> Reading | None:
    before = _before(ctx, 16).lower()
    after = _after(ctx, 24).lower()
    if any(before.rstrip().endswith(prefix) for prefix in AMOUNT_PREFIXES):
        return None
    next_word = re.match(r"\s*([a-z]+)", after)
    if next_word and next_word.group(1) in COUNT_NOUNS:
        return None
    if (re.search(r"[\w'’]-$", before) and not re.search(r"(?i:\b(?:mid|early|late|pre|post))-$", before)) or re.match(
        r"-[a-z]", after
    ):
        return None  # part of a name or code such as "A-2024" or "2024-class"
    if re.search(r"\d[\d,.]*\s*(?:to|-|–|and)\s*$", before) and not re.search(r"\b1[6-9]\d\d|20\d\d", before):
        return None  # "1,500 to 2000": an amount range
    return _date(iv.year(int(m["year"])))


def _spoken_number(words: str) -> int:
    """'ninety-six' is 96, 'twelve' 12: the two digits of a year read aloud."""
    total = 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word in SPOKEN_TENS:
            total += 20 + 10 * SPOKEN_TENS.index(word)
        elif word in SPOKEN_TEENS:
            total += 10 + SPOKEN_TEENS.index(word)
        elif word in SPOKEN_ONES:
            total += 1 + SPOKEN_ONES.index(word)
    return total


_YEAR_CUE = re.compile(r"(?i:\b(?:in|since|by|until|of|from|early|late|mid|during|before|after)[\s-]+)$")


@resolver("spokenyear")
def _spoken_year(m: re.Match, ctx: Context) -> Reading | None:
    """'nineteen ninety-six', 'January nineteen ninety-seven', 'the year two thousand', 'in two thousand and one'."""
    words = " ".join(m["spoken"].lower().replace("-", " ").split())
    if words.startswith("two thousand"):
        prefixed = m["month"] or m["season"] or m.group().lower().startswith("the year")
        if not prefixed and not _YEAR_CUE.search(_before(ctx)):
            return None  # "two thousand people"
        year = 2000 + _spoken_number(words.removeprefix("two thousand").removeprefix(" and"))
    else:
        century, rest = words.split(" ", 1)
        year = (1900 if century == "nineteen" else 2000) + _spoken_number(rest)
    if m["month"]:
        return _date(iv.month(year, _month_number(m["month"])))
    if m["season"]:
        return _date(iv.season(year, SEASONS[m["season"].lower()]))
    return _date(iv.year(year))


@resolver("spokendecade")
def _spoken_decade(m: re.Match, ctx: Context) -> Reading | None:
    """'the nineties': a decade of the twentieth century."""
    decade = 1900 + 20 + 10 * SPOKEN_TENS.index(m["tens"].lower()[:-3] + "y")
    return _date(iv.decade(decade))


@resolver("present")
def _present(m: re.Match, ctx: Context) -> Reading | None:
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
    every = every or (int(m["num"]) if m["num"] and m["num"].isdigit() else 1)
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


@resolver("clock")
def _clock(m: re.Match, ctx: Context) -> Reading | None:
    """'10 p.m.', 'noon', and with their day: '10 p.m. Wednesday', '5 p.m. EST Nov. 9', 'noon Thursday'."""
    if m["noon"]:
        hour, minute = (0 if m["noon"].lower() == "midnight" else 12), 0
    else:
        hour, minute = int(m["hour"]), int(m["minute"] or 0)
        if hour > 12:
            return None
        pm = m["ampm"].lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
    if ctx.anchor is None:
        return Reading("TIME", None)
    day = ctx.anchor
    if m["wd"]:
        day = _weekday_date(ctx, WEEKDAYS[m["wd"].lower()], "")
    elif m["month"]:
        if _safe_date(2000, _month_number(m["month"]), _day_number(m["day"])) is None:
            return INVALID
        day = _year_for(ctx.anchor, _month_number(m["month"]), _day_number(m["day"]), _tense_or_deadline(ctx))
    elif m["rel"]:
        day = ctx.anchor + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[m["rel"].lower()])
    if day is None:
        return None
    clock = f"{hour:02d}:{minute:02d}"
    if m["noon"] and hour == 0 and (m["wd"] or m["month"] or m["rel"]):
        clock = "24:00"  # "midnight Friday" is the end of Friday, TimeML's T24:00
    return Reading("TIME", f"{day.isoformat()}T{clock}", iv.day(day), True)


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
    return _vague(m, ctx) if _BARE_PLURAL_CUE.search(_before(ctx, 8)) else None


@resolver("definite")
def _definite(m: re.Match, ctx: Context) -> Reading | None:
    """'the quarter' of business news is the last one reported; 'the year', 'the day' the current ones."""
    unit = m["unit"].lower()
    if m.group().lower() == "the year" and re.search(r"(?i:\bfor\s)$", _before(ctx, 5)):
        return Reading("DURATION", "P1Y")  # "earnings for the year": a year's worth, not a date
    if ctx.anchor is None:
        return Reading("DATE", None)
    if unit == "quarter":
        return _date(iv.unit_period(ctx.anchor, "Q", -1), anchored=True)
    if unit == "weekend":
        offset = 0 if ctx.tense == "future" or ctx.anchor.weekday() >= 5 else -1
        return _date(iv.unit_period(ctx.anchor, "WE", offset), anchored=True)
    return _date(iv.unit_period(ctx.anchor, {"year": "Y", "day": "D"}[unit], 0), anchored=True)


@resolver("yearago")
def _year_ago(m: re.Match, ctx: Context) -> Reading | None:
    if ctx.anchor is None:
        return Reading("DATE", None)
    about_quarters = (m["unit"] or "").lower() == "quarter" or (m["unit"] != "month" and _about_quarters(ctx))
    if about_quarters:
        return _date(iv.unit_period(ctx.anchor, "Q", -5), anchored=True)
    return _date(iv.unit_period(ctx.anchor, "Y", -1), anchored=True)


@resolver("sameperiod")
def _same_period(m: re.Match, ctx: Context) -> Reading | None:
    """Earnings news compares the quarter it reports with the same one a year before ("the quarter a year
    ago", "last year's quarter", "the corresponding period last year"); "the latest period" is the one it
    reports. A period with no quarters around is left alone."""
    unit = (m["unit"] or m["unit2"] or "period").lower()
    if unit == "period" and not _about_quarters(ctx):
        return None
    if ctx.anchor is None:
        return Reading("DATE", None)
    return _date(iv.unit_period(ctx.anchor, "Q", -1 if m["latest"] else -5), anchored=True)


def _thanksgiving(year: int) -> date:
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year": (1, 1),
             "new years": (1, 1), "new year day": (1, 1), "new years day": (1, 1), "new year eve": (12, 31),
             "new years eve": (12, 31), "independence day": (7, 4), "valentine day": (2, 14),
             "valentines day": (2, 14), "halloween": (10, 31)}  # fmt: skip


@resolver("holiday")
def _holiday(m: re.Match, ctx: Context) -> Reading | None:
    if ctx.anchor is None:
        return Reading("DATE", None)
    name = " ".join(m["name"].lower().replace("'", "").split())
    if name.startswith("thanksgiving"):
        options = [_thanksgiving(y) for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)]
    else:
        month, day = _HOLIDAYS[name]
        options = [date(y, month, day) for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)]
    return _date(iv.day(_nearest(ctx.anchor, options, ctx.tense)), anchored=True)
