"""Resolvers for periods longer than a day: relative units, quarters and halves, seasons, years, decades,
centuries, earnings-news comparisons ("the year-ago quarter"), and anaphors ("that year")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from . import intervals as iv
from .lexicon import (
    AMOUNT_PREFIXES,
    COUNT_NOUNS,
    ORDINALS,
    SEASONS,
    SPOKEN_ONES,
    SPOKEN_TEENS,
    SPOKEN_TENS,
    UNITS,
)
from .rules import (
    ANAPHOR,
    OFFSETS,
    Context,
    Reading,
    about_quarters,
    dated,
    ended_on,
    month_number,
    nearby,
    quarter_in_year,
    reported_quarter,
    resolver,
    text_after,
    text_before,
    two_digit_year,
)

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
        if reference.precision == "quarter" and unit == "Q":
            return iv.shift_quarter(reference, offset)  # a fiscal quarter stays the company's quarter
        return iv.unit_period(reference.start, unit, offset)

    return resolve


@resolver("relunit")
def _relunit(m: re.Match, ctx: Context) -> Reading | None:
    rel, unit = " ".join(m["rel"].lower().split()), m["unit"].lower()
    if text_before(ctx, 1) in ('"', "“") and all(word.istitle() for word in m.group().split()):
        return None  # a title in quotes: ABC's "This Week"
    if unit == "day" and rel not in (*_ANAPHORIC, "next"):
        return None  # "the last day of trading", "this day": no day of their own
    reading = _relunit_from_anchor(rel, unit, ctx)
    anaphoric = rel in _ANAPHORIC or unit == "day"  # "the next day" follows the story too
    if reading is None or not anaphoric or unit in SEASONS or (rel, unit) == ("same", "quarter"):
        return reading
    return replace(reading, refers=from_reference(UNITS[unit], OFFSETS[rel]))


@resolver("anaphor")
def _anaphor(m: re.Match, ctx: Context) -> Reading | None:
    """'That year', 'later that day': the time the story last named. With none before it is generic ("trades
    made that day") and `find_dates` drops it."""
    return Reading(ANAPHOR, None, refers=from_reference(UNITS[m["unit"].lower()], 0))


def _relunit_from_anchor(rel: str, unit: str, ctx: Context) -> Reading | None:
    if unit in SEASONS:
        if ctx.anchor is None:
            return Reading("DATE", None)
        if rel == "this past":  # the latest one over: in October, "this past spring" is this year's
            year = max(y for y in (ctx.anchor.year - 2, ctx.anchor.year - 1, ctx.anchor.year)
                       if iv.season(y, SEASONS[unit]).end < ctx.anchor)  # fmt: skip
            return dated(iv.season(year, SEASONS[unit]), anchored=True)
        base = ctx.anchor.year + OFFSETS[rel]
        return dated(iv.season(base, SEASONS[unit]), anchored=True)
    if ctx.anchor is None:
        return Reading("DATE", None)
    if unit == "quarter" and rel == "same" and ctx.tense != "future":
        return reported_quarter(ctx)  # "the same quarter"
    offset = OFFSETS[rel]
    if unit == "week" and rel == "this" and _week_ahead_from_weekend(ctx):
        offset = 1
    return dated(iv.unit_period(ctx.anchor, UNITS[unit], offset), anchored=True)


def _week_ahead_from_weekend(ctx: Context) -> bool:
    """A weekend story's 'this week' is the week ahead when it looks ahead ("stocks will take their cue from
    earnings this week" on a Sunday); on a Sunday a clause in no tense looks ahead too, as outlooks do."""
    assert ctx.anchor is not None
    weekday = ctx.anchor.weekday()
    return weekday >= 5 and (ctx.tense == "future" or (weekday == 6 and ctx.tense is None))


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
        return ctx.anchor.year + OFFSETS[rel.lower()], True
    return None, True


def _ordinal_period(m: re.Match, ctx: Context, make: Callable[[int], iv.Period]) -> Reading | None:
    """A quarter or half of the year its words name; a year-ago one is the same period a year before the one
    the story reports ("the year-ago third quarter" beside this year's third quarter)."""
    year, relative = _ordinal_year(m, ctx)
    if year is not None:
        return dated(make(year), anchored=relative)
    reading = nearby(ctx, make, reported=True)
    if m["ago"] and reading.period is not None:
        return dated(make(reading.period.start.year - 1), anchored=True)
    return _marked_if_reported(reading, ctx)


_REPORTED_BEFORE = re.compile(r"(?i:\b(?:for|in|during)\s+(?:the|its)\s+(?:fiscal\s+)?$)")
_REPORTED_AFTER = re.compile(
    r"(?i:\s*(?:ended|ending|closed)\b|[\s-]+(?:net|profits?|earnings|results|loss|income|sales|revenues?|"
    r"operating|per-share)\b)"
)


def _marked_if_reported(reading: Reading, ctx: Context) -> Reading:
    """A quarter named as the one whose results the story reports: 'third-quarter profit', 'for the fiscal
    first quarter', 'the fourth quarter ended Aug. 26'. 'After a flat second quarter' or 'into the fourth
    quarter' only mention one, and a quarter in a clause about the future is not reported yet."""
    if reading.period is None or reading.period.precision != "quarter":
        return reading
    named = _REPORTED_AFTER.match(text_after(ctx, 16)) or _REPORTED_BEFORE.search(text_before(ctx, 30))
    return replace(reading, reports_quarter=True) if named and ctx.tense != "future" else reading


@resolver("quarter")
def _quarter(m: re.Match, ctx: Context) -> Reading | None:
    number = ORDINALS[m["ord"].lower()]
    reading = _ordinal_period(m, ctx, lambda year: iv.quarter(year, number))
    return _ending(reading, ctx, number) if reading is not None and not m["year"] else reading


def _ending(reading: Reading, ctx: Context, number: int | None) -> Reading:
    """A quarter followed by the day it ended ("the second quarter ended Oct. 31") is the three months
    before that day, in that day's year; once over, it is the quarter the story reports. 'The quarter ended
    Sept. 29' keeps the number the story gave it ("fiscal first quarter"), else the calendar one."""
    end = ended_on(ctx)
    if end is None:
        return reading
    period = iv.quarter_ending(end, number)
    over = ctx.anchor is None or end <= ctx.anchor
    named_by_story = None if number else (lambda named: iv.quarter_ending(end, int(named.value[-1])))
    return replace(
        reading, value=period.value, period=period, anchored=True, from_reported=named_by_story, reports_quarter=over
    )


@resolver("qcode")
def _qcode(m: re.Match, ctx: Context) -> Reading | None:
    number = int(m["q"])
    year = m["year"] or m["year1"]
    if year:
        return dated(iv.quarter(int(year), number))
    if m["yy"]:
        return dated(iv.quarter(two_digit_year(m["yy"]), number))
    return _marked_if_reported(nearby(ctx, lambda year: iv.quarter(year, number), reported=True), ctx)


@resolver("fiscal")
def _fiscal(m: re.Match, ctx: Context) -> Reading | None:
    year = int(m["year"]) if m["year"] else two_digit_year(m["fy"])
    return dated(iv.year(year))  # TimeML writes fiscal 1989 as 1989


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
    return dated(iv.half(int(m["year"]), int(m["h"])))


@resolver("season")
def _season(m: re.Match, ctx: Context) -> Reading | None:
    """'Last summer', 'the spring', 'early summer' (then the modifier START), 'winter 1990'."""
    word, rel, part = m["season"].lower(), (m["rel"] or "").lower(), (m["part"] or "").lower()
    modifier = {"early": "START", "mid": "MID", "late": "END"}.get(part)
    if m["year"]:
        return replace(dated(iv.season(int(m["year"]), SEASONS[word])), modifier=modifier)
    if not (rel or part) or (word == "fall" and rel == "the" and not part):
        return None  # a bare "spring" or "fall" is as often a noun or a verb
    if ctx.anchor is None:
        return Reading("DATE", None, modifier=modifier)
    if rel in ("the", ""):
        reading = nearby(ctx, lambda year: iv.season(year, SEASONS[word]))
    else:
        reading = dated(iv.season(ctx.anchor.year + OFFSETS[rel], SEASONS[word]), anchored=True)
    return replace(reading, modifier=modifier)


@resolver("decade")
def _decade(m: re.Match, ctx: Context) -> Reading | None:
    if m["short"] is not None:
        base = 1900 + int(m["short"]) * 10
        if ctx.anchor and base + 100 <= ctx.anchor.year:
            base += 100
        return dated(iv.decade(base))
    return dated(iv.decade(int(m["century"]) * 100 + int(m["decade"]) * 10))


@resolver("century")
def _century(m: re.Match, ctx: Context) -> Reading | None:
    number = int(m["ord"])
    if not 1 <= number <= 22:
        return None
    return dated(iv.century((number - 1) * 100))


@resolver("year")
def _year(m: re.Match, ctx: Context) -> Reading | None:
    if _amount_around(ctx):
        return None
    before = text_before(ctx, 16).lower()
    if re.search(r"\d[\d,.]*\s*(?:to|-|–|and)\s*$", before) and not re.search(r"\b1[6-9]\d\d|20\d\d", before):
        return None  # "1,500 to 2000": an amount range
    return dated(iv.year(int(m["year"])))


@resolver("yearrange")
def _year_range(m: re.Match, ctx: Context) -> Reading | None:
    """'2011-2012', 'the 1998-99 season', '2008/09': a start and an end of the same grammar, two years,
    each an expression of its own. An amount range ("1,800-2,100 tonnes", "$1998-2005") is not dated."""
    first, second = int(m["first"]), m["second"]
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if len(second) == 2 and last <= first:
        last += 100  # "1999-00"
    if not first < last <= first + 100 or _amount_around(ctx):
        return None
    end = dated(iv.year(last))
    return replace(dated(iv.year(first)), range_end=(m.end("first"), m.start("second"), m.end("second"), end))


def _amount_around(ctx: Context) -> bool:
    """A four-digit number that counts: after '$' or 'about', before 'tonnes', inside a code ("A-2024")."""
    before = text_before(ctx, 16).lower()
    after = text_after(ctx, 24).lower()
    if any(before.rstrip().endswith(prefix) for prefix in AMOUNT_PREFIXES):
        return True
    next_word = re.match(r"\s*([a-z]+)", after)
    if next_word and next_word.group(1) in COUNT_NOUNS:
        return True
    return bool(
        (re.search(r"[\w'’]-$", before) and not re.search(r"(?i:\b(?:mid|early|late|pre|post))-$", before))
        or re.match(r"-[a-z]", after)
    )


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
        if not prefixed and not _YEAR_CUE.search(text_before(ctx)):
            return None  # "two thousand people"
        year = 2000 + _spoken_number(words.removeprefix("two thousand").removeprefix(" and"))
    else:
        century, rest = words.split(" ", 1)
        year = (1900 if century == "nineteen" else 2000) + _spoken_number(rest)
    if m["month"]:
        return dated(iv.month(year, month_number(m["month"])))
    if m["season"]:
        return dated(iv.season(year, SEASONS[m["season"].lower()]))
    return dated(iv.year(year))


@resolver("spokendecade")
def _spoken_decade(m: re.Match, ctx: Context) -> Reading | None:
    """'the nineties': a decade of the twentieth century."""
    decade = 1900 + 20 + 10 * SPOKEN_TENS.index(m["tens"].lower()[:-3] + "y")
    return dated(iv.decade(decade))


_ENDED_AFTER = re.compile(r"(?i:\s*(?:ended|ending)\b)")
_BOUNDED_AFTER = re.compile(r"(?i:\s*(?:ended|ending|starting|beginning|through|to|following|preceding)\b)")


_DAY_NAMED_AFTER = re.compile(
    r"\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tomorrow)\b"
)


@resolver("definite")
def _definite(m: re.Match, ctx: Context) -> Reading | None:
    """'the quarter' of business news is the last one reported; 'the year' the current one.

    'The week' and 'the month' are those of the day the story last named ("fell on Friday; for the week,
    the index dropped"), else the current ones. 'The day' is only ever the day last named ("arrived in
    Philadelphia later in the day"); with none it is generic ("the day belonged to Poland")."""
    unit = m["unit"].lower()
    if unit == "day":
        if _DAY_NAMED_AFTER.match(text_after(ctx, 12)):
            return None  # "during the day Friday": the day is the one named next, its own expression
        return Reading(ANAPHOR, None, refers=from_reference("D", 0))
    bounded = _BOUNDED_AFTER.match(text_after(ctx, 16))
    if unit == "year" and "full" not in m.group().lower() and _ENDED_AFTER.match(text_after(ctx, 12)):
        return Reading("DURATION", "P1Y")  # "net for the year ended June 30": a year's worth, not a date
    follows = from_reference(UNITS[unit], 0) if unit in ("week", "month") else None
    if follows is not None and bounded:
        return None  # "the week ended Oct. 20", "the month following the crash": the period is named after
    if ctx.anchor is None:
        return Reading("DATE", None, refers=follows)
    if follows is not None:
        return replace(dated(iv.unit_period(ctx.anchor, UNITS[unit], 0), anchored=True), refers=follows)
    if unit == "quarter":
        return _ending(reported_quarter(ctx), ctx, None)
    if unit == "weekend":  # "will meet at the weekend", "when ministers meet at the weekend": the coming one
        offset = 0 if ctx.tense in ("future", "present") or ctx.anchor.weekday() >= 5 else -1
        return dated(iv.unit_period(ctx.anchor, "WE", offset), anchored=True)
    return dated(iv.year(ctx.anchor.year), anchored=True)


@resolver("yearend")
def _year_end(m: re.Match, ctx: Context) -> Reading | None:
    """'By year-end' is the end of the current year; 'since year-end' and a past clause the one gone by."""
    if ctx.anchor is None:
        return Reading("DATE", None, modifier="END")
    gone = ctx.tense == "past" or re.search(r"(?i:\bsince\s+)$", text_before(ctx, 8))
    period = iv.year(ctx.anchor.year - (1 if gone else 0))
    return Reading("DATE", period.value, period, anchored=True, modifier="END")


@resolver("yearago")
def _year_ago(m: re.Match, ctx: Context) -> Reading | None:
    if ctx.anchor is None:
        return Reading("DATE", None)
    quarterly = (m["unit"] or "").lower() == "quarter" or (m["unit"] != "month" and about_quarters(ctx))
    if quarterly:
        return replace(reported_quarter(ctx, quarters_back=4), year_before_named=not m["unit"])
    return replace(dated(iv.unit_period(ctx.anchor, "Y", -1), anchored=True), year_before_named=not m["unit"])


@resolver("sameperiod")
def _same_period(m: re.Match, ctx: Context) -> Reading | None:
    """Earnings news compares the quarter it reports with the same one a year before ("the quarter a year
    ago", "last year's quarter", "the corresponding period last year"); "the latest period" is the one it
    reports, and "the 1988 period" that quarter in 1988. A period with no quarters around is left alone."""
    unit = (m["unit"] or m["unit2"] or "period").lower()
    if unit == "period" and not about_quarters(ctx):
        if m["year"] or m["latest"] or ctx.anchor is None:
            return None
        return replace(dated(iv.unit_period(ctx.anchor, "Y", -1), anchored=True), year_before_named=True)
    if m["year"]:
        return quarter_in_year(int(m["year"]), ctx)
    if ctx.anchor is None:
        return Reading("DATE", None)
    return replace(reported_quarter(ctx, quarters_back=0 if m["latest"] else 4), year_before_named=not m["latest"])
