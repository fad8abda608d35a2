"""From a grammar match to a TIMEX3 type and value: what every resolver shares.

A resolver (one per pattern in `grammar.PATTERNS`, registered with `@resolver`) returns a `Reading`, or None
when the match is not a temporal expression after all (an amount, the verb "may", a date that does not
exist). Relative expressions need the anchor (the publication date); without one they get a type and no
value, so an undated article never guesses. This module holds the reading, the match's context, and the
rules that pick which way a year-less or relative expression points. The resolvers live in `days`
(calendar days and times), `periods` (weeks to centuries, quarters, anaphors) and `stretches` (durations,
sets and references without a fixed value).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from . import intervals as iv
from .lexicon import (
    MONTHS,
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
        raw = self._raw_tense()
        return {"plan": "future", "done": "past"}.get(raw, raw) if raw else None

    @property
    def done(self) -> bool:
        """The date qualifies a past verb itself ("changed ... in December"): it lies on or before the anchor."""
        return self._raw_tense() == "done"

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
    reports_quarter: bool = False
    """Names the quarter the story reports on: a quarter by its number in a clause that is not about the
    future ("fourth-quarter profit fell", "the fiscal first quarter")."""
    from_reported: Callable[[iv.Period], iv.Period] | None = field(default=None, compare=False)
    """For 'the quarter', 'the latest period', 'a year earlier' in earnings news: its period given the
    quarter the story reports. The value above counts from the quarter before publication instead."""
    year_before_named: bool = False
    """A comparison base ("a year earlier", "the same period last year"): the period the same sentence named
    just before it, a year back ("$92 million as of May 31 from $364 million a year earlier")."""
    range_end: tuple[int, int, int, Reading] | None = field(default=None, compare=False)
    """For a range written as one expression ("2011-2012", "1998-99", "1800 to 2100 hrs"): where its start
    ends, and the span and reading of its end, which is an expression of its own of the same grammar."""


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


def dated(reading_period: iv.Period, anchored: bool = False) -> Reading:
    return Reading("DATE", reading_period.value, reading_period, anchored)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return iv.calendar_date(year, month, day)
    except ValueError:
        return None


def month_number(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


_SPOKEN_DAYS = {
    word: number
    for number, words in enumerate(
        [(), ("one", "first"), ("two", "second"), ("three", "third"), ("four", "fourth"), ("five", "fifth"),
         ("six", "sixth"), ("seven", "seventh"), ("eight", "eighth"), ("nine", "ninth"), ("ten", "tenth"),
         ("eleven", "eleventh"), ("twelve", "twelfth"), ("thirteen", "thirteenth"), ("fourteen", "fourteenth"),
         ("fifteen", "fifteenth"), ("sixteen", "sixteenth"), ("seventeen", "seventeenth"),
         ("eighteen", "eighteenth"), ("nineteen", "nineteenth"), ("twenty", "twentieth")]
    )
    for word in words
}  # fmt: skip
_SPOKEN_TENS = {"twenty": 20, "twentieth": 20, "thirty": 30, "thirtieth": 30}


def day_number(text: str) -> int:
    """The day of a written date: '26', '26th', or in words, 'One', 'Twenty-first', 'Thirty'."""
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group())
    words = re.split(r"[\s-]+", text.lower())
    if len(words) > 1:
        return _SPOKEN_TENS[words[0]] + _SPOKEN_DAYS[words[1]]
    return _SPOKEN_TENS.get(words[0]) or _SPOKEN_DAYS[words[0]]


def two_digit_year(text: str) -> int:
    value = int(text)
    return value if value >= 100 else (1900 + value if value >= 30 else 2000 + value)


def text_before(ctx: Context, chars: int = 24) -> str:
    return ctx.text[max(0, ctx.start - chars) : ctx.start]


def text_after(ctx: Context, chars: int = 24) -> str:
    return ctx.text[ctx.end : ctx.end + chars]


NEAR_FUTURE_DAYS = 62
"""A year-less date this close after publication is meant, whatever the tense: news rarely names a day
eleven months back without its year, but often one a few weeks ahead ("payable Dec. 15")."""


def nearest(anchor: date, candidates: list[date], tense: str | None) -> date:
    """The candidate on or before the anchor for the past, on or after it for the future.

    With no tense, the closest when it is soon after publication, else the latest one before: news names a
    year-less date months back ("the record set on Aug. 6") far more often than months ahead.
    A date a few weeks ahead wins over a past tense the parse may have misread ("payable Dec. 15", "told
    them of a cut in September"), unless the date qualifies a past deed itself ('done'). A deadline is the
    next one within half a year, else the closest.
    """

    def days_ahead(c: date) -> int:
        return (c - anchor).days  # a difference, never a date: the anchor may sit at the calendar's edge

    soon = [c for c in candidates if 0 < days_ahead(c) <= NEAR_FUTURE_DAYS]
    earlier = [c for c in candidates if c <= anchor]
    if tense == "past" and soon and not [c for c in earlier if -days_ahead(c) <= NEAR_FUTURE_DAYS]:
        return soon[0]
    if tense == "done":
        tense = "past"
    if tense == "deadline":
        ahead = [c for c in candidates if 0 <= days_ahead(c) <= DEADLINE_REACH_DAYS]
        return min(ahead) if ahead else nearest(anchor, candidates, None)
    if tense not in ("past", "future"):
        closest = min(candidates, key=lambda c: (abs(days_ahead(c)), c > anchor))
        if days_ahead(closest) <= NEAR_FUTURE_DAYS or not earlier:
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


_PUT_OFF = re.compile(
    r"(?i:\b(?:(?:postpon|delay|defer|adjourn|extend|reschedul|push(?:ed|ing)?\s+back|put\s+off)\w*"
    r"\b[^.;:!?]{0,60}?\b(?:until|till|to|through)|(?:gave|give|given|giving|grant\w*|allow\w*)"
    r"\b[^.;:!?]{0,40}?\b(?:until|till))\s+(?:early\s+|mid-?|late\s+)?)$"
)


def tense_or_deadline(ctx: Context) -> str | None:
    """A deadline ("by May", "until mid-November", "effective Feb. 1") lies ahead within half a year, unless
    the clause is past; a deadline a day gone ("by Jan. 14" on the 15th) is the one just passed.

    Putting something off or granting time ("postponed until Tuesday", "extended the loans through January",
    "has given them until Tuesday") moves it ahead of the report even when the clause is past, so that day is
    a deadline too."""
    before = text_before(ctx, 90)
    if _PUT_OFF.search(before) or (ctx.tense != "past" and _DEADLINE.search(before[-24:])):
        return "deadline"
    soonest = _SOONEST.search(text_before(ctx, 16))
    if soonest and (soonest["word"].lower() == "soon" or ctx.tense != "past"):
        return "future"  # "could arrive as early as Tuesday": the earliest of what is still to come
    return "done" if ctx.done else ctx.tense


def year_for(anchor: date, month: int, day: int, tense: str) -> date | None:
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := safe_date(y, month, day))]
    return nearest(anchor, options, tense) if options else None


_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
_ENDED_ON = re.compile(
    rf"(?i:\s+(?P<verb>ended|ending)\s+(?P<month>{_MONTH_WORDS})\.?\s+(?P<day>\d{{1,2}})\b"
    rf"(?:,?\s+(?P<year>\d{{4}})\b)?)"
)


def ended_on(ctx: Context) -> date | None:
    """The last day of a period named right after it: 'the quarter ended Sept. 30', 'ending June 30, 1990'.

    'Ended' is over, so a year-less day is the last one on or before publication; 'ending' is the nearest."""
    m = _ENDED_ON.match(text_after(ctx, 40))
    if not m:
        return None
    month, day = month_number(m["month"]), int(m["day"])
    if m["year"]:
        return safe_date(int(m["year"]), month, day)
    if ctx.anchor is None:
        return None
    return year_for(ctx.anchor, month, day, "done" if m["verb"].lower() == "ended" else None)


_QUARTER_OF_A_YEAR = re.compile(r"(?i:\bquarter(?:ly|s)?\b(?!-centur|\s+of\s+(?:a|an|the|its|their|all)\b)|\bQ[1-4]\b)")
"""A quarter of the year: not an amount ("a quarter-century low", "a quarter of the staff")."""


def about_quarters(ctx: Context) -> bool:
    """Business news counting in quarters: 'a year ago' then means the same quarter a year before."""
    return _QUARTER_OF_A_YEAR.search(ctx.text, max(0, ctx.start - 700), ctx.end + 60) is not None


def reported_quarter(ctx: Context, quarters_back: int = 0) -> Reading:
    """The quarter earnings news reports, `quarters_back` quarters before: the one the story named (a
    fiscal "first quarter" reported in October), else the last calendar quarter before publication."""
    return _from_reported(ctx, lambda named: iv.shift_quarter(named, -quarters_back), anchored=True)


def quarter_in_year(year: int, ctx: Context) -> Reading:
    """'The 1988 quarter', 'the 1989 period': the quarter the story reports, in that year."""
    return _from_reported(ctx, lambda named: iv.shift_quarter(named, 4 * (year - int(named.value[:4]))), anchored=False)


def _from_reported(ctx: Context, shift: Callable[[iv.Period], iv.Period], anchored: bool) -> Reading:
    """`shift` applied to the quarter the story names as reported; until it names one (and with a story
    that never does), to the last calendar quarter before publication."""
    if ctx.anchor is None:
        return Reading("DATE", None)
    fallback = shift(iv.unit_period(ctx.anchor, "Q", -1))
    return replace(dated(fallback, anchored=anchored), from_reported=shift)


OFFSETS = {"this": 0, "current": 0, "same": 0, "latest": -1, "last": -1, "past": -1, "this past": -1, "previous": -1,
            "prior": -1, "preceding": -1, "next": 1, "coming": 1, "following": 1}  # fmt: skip


def nearby(ctx: Context, make: Callable[[int], iv.Period], reported: bool = False) -> Reading:
    """The period `make(year)` of the year before, of, or after publication that the tense points at."""
    if ctx.anchor is None:
        return Reading("DATE", None)
    options = [make(y) for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)]
    return dated(nearest_period(ctx, options, reported), anchored=True)


REPORTING_LAG_DAYS = 92
"""A quarter or half that ended this recently is still the one future sentences mean: its results are
reported after it ends ("will report third-quarter earnings" in October)."""


def nearest_period(ctx: Context, options: list[iv.Period], reported: bool = False) -> iv.Period:
    """For the past, the latest period that has begun by the anchor; for the future, the next one not over
    (or, for `reported` periods such as quarters, over within the reporting lag)."""
    assert ctx.anchor is not None
    if ctx.tense not in ("past", "future"):
        current = [p for p in options if p.start <= ctx.anchor <= p.end]
        if current:
            return current[0]
    if ctx.tense == "future":
        lag = REPORTING_LAG_DAYS if reported else 0
        open_ones = [p for p in options if (ctx.anchor - p.end).days <= lag]
        return min(open_ones, key=lambda p: p.start) if open_ones else options[-1]
    begun = [p for p in options if p.start <= ctx.anchor]
    return max(begun, key=lambda p: p.start) if begun else options[0]
