"""The date normaliser: find temporal expressions in text and give each a TIMEX3 type and value.

`find_dates(text, published)` is the one public verb. The publication date is the anchor for relative
expressions ("on Friday", "this week", "last year"); with no anchor those get a type and no value, so an
undated article never guesses. The caller may pass `tense_at`, a function from a character offset to
'past', 'future', 'present', 'plan' or 'done' (the pipeline derives it from spaCy's parse); otherwise the
words around the expression decide, defaulting to the past, as news mostly reports what happened. Anaphors
("the following year", "that day") count from the time the text last named before them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from itertools import accumulate

from ..models import Timex
from . import days, periods, stretches  # noqa: F401 (importing them registers their resolvers)
from . import intervals as iv
from .grammar import COMPILED, FUTURE_CUES, MODIFIER_BEFORE, PAST_CUES, SIGNAL_BEFORE, TRIGGERS
from .rules import ANAPHOR, INVALID, RESOLVERS, Context, Reading, dated, safe_date

__all__ = ["find_dates", "guess_tense", "plausible"]

TenseAt = Callable[[int, int], str | None]

_PRIORITY = {name: index for index, name in enumerate(COMPILED)}
_MODIFIERS = {
    "early": "START", "mid": "MID", "late": "END", "beginning": "START", "start": "START", "end": "END",
    "close": "END", "middle": "MID", "turn": "START", "first": "START", "last": "END",
    "around": "APPROX", "about": "APPROX", "approximately": "APPROX", "circa": "APPROX", "roughly": "APPROX",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "more": "MORE_THAN", "less": "LESS_THAN",
    "at": "EQUAL_OR_MORE", "over": "MORE_THAN", "some": "APPROX", "up": "EQUAL_OR_LESS",
}  # fmt: skip
_DURATION_ONLY = {"MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"}
_SIGNALS = {
    "since": "AFTER", "after": "AFTER", "from": "AFTER", "starting": "AFTER", "as early as": "AFTER",
    "as of": "AFTER", "between": "AFTER", "until": "BEFORE", "till": "BEFORE", "til": "BEFORE",
    "through": "BEFORE", "by": "BEFORE", "before": "BEFORE", "prior to": "BEFORE", "no later than": "BEFORE",
    "to": "BEFORE", "and": "BEFORE",
}  # fmt: skip


def find_dates(
    text: str,
    published: date | None,
    *,
    tense_at: TenseAt | None = None,
    extra_spans: Iterable[tuple[int, int]] = (),
    earliest_year: int = 1800,
    future_years: int = 30,
) -> list[Timex]:
    """Every temporal expression in `text`, in order, without overlaps.

    `extra_spans` are character spans another tagger (spaCy's DATE entities) thinks are dates; those the
    grammar does not cover get a second chance through dateparser.
    """
    latest_year = (published.year if published else 2100) + future_years
    candidates: list[tuple[int, int, int, Reading]] = []
    lowered = text.lower()
    for name, pattern in COMPILED.items():
        trigger = TRIGGERS.get(name)
        if trigger is not None and not any(word in lowered for word in trigger):
            continue
        for match in pattern.finditer(text):
            start, end = _trim(text, match.start(), match.end())
            if start >= end:
                continue

            def tense_of(start=start, end=end) -> str | None:
                return (tense_at(start, end) if tense_at else None) or guess_tense(text, start, end)

            reading = _resolve(name, match, Context(text, start, end, published, tense_of))
            if reading is not None and plausible(reading.period, earliest_year, latest_year):
                candidates.append((start, end, _PRIORITY[name], reading))
    chosen = _split_ranges(text, _without_overlaps(candidates), earliest_year, latest_year)
    chosen = _with_coordinated_days(text, chosen)
    chosen = _follow_the_story(text, _day_before_or_after(text, chosen))
    found = [_timex(text, start, end, reading) for start, end, reading in chosen if reading.type != "INVALID"]
    extra = _uncovered(extra_spans, found)
    if extra:
        from .fallback import parse_spans

        found.extend(parse_spans(text, extra, published, earliest_year, latest_year))
        found.sort(key=lambda timex: timex.start)
    return found


def _resolve(name: str, match: re.Match, ctx: Context) -> Reading | None:
    """The resolver's reading; an expression whose value leaves the calendar ("3000 years ago", "next week"
    from 9999-12-31) names no date, and claims its span so that no part of it is read instead."""
    try:
        return RESOLVERS[name](match, ctx)
    except iv.OutOfCalendar:
        return INVALID


def plausible(period: iv.Period | None, earliest_year: int, latest_year: int) -> bool:
    """A date outside the window (before 1800, decades after publication) is an amount or a typo."""
    return period is None or earliest_year <= period.start.year <= latest_year


TENSE_WINDOW_BEFORE = 160
TENSE_WINDOW_AFTER = 80
"""How far the words around an expression are read for its tense: the clause, bounded, so that the guess
costs the same in a text without sentence ends ("January 2024, " repeated) as in prose."""


def guess_tense(text: str, start: int, end: int) -> str | None:
    """The tense of the nearest cue in the clause around the expression: 'past', 'future', or None."""
    window_start = max(0, start - TENSE_WINDOW_BEFORE)
    left_bound = max(text.rfind(mark, window_start, start) for mark in ".!?\n;")
    left = text[max(left_bound + 1, window_start) : start]
    right_match = re.search(r"[.!?\n;]", text[end : end + TENSE_WINDOW_AFTER])
    right = text[end : end + (right_match.start() if right_match else TENSE_WINDOW_AFTER)]
    best: tuple[int, str] | None = None
    for window, distance_of in ((left, lambda m: len(left) - m.end()), (right, lambda m: m.start())):
        for cues, tense, penalty in ((FUTURE_CUES, "future", 0), (PAST_CUES, "past", 1)):
            for match in cues.finditer(window):
                distance = distance_of(match) + penalty
                if best is None or distance < best[0]:
                    best = (distance, tense)
    return best[1] if best and best[0] < 70 else None


_ABBREVIATED = re.compile(r"(?:\b[ap]\.m|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec))\.$", re.IGNORECASE)
"""A dot that belongs to the word: 'p.m.', 'Sept.'. A full name ('June', 'May') ends before its full stop."""


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Spaces never open a span, and trailing punctuation never belongs to one, but an abbreviation's dot."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t\n,.;:!?)\"'’”":
        if text[end - 1] == "." and _ABBREVIATED.search(text, start, end):
            break
        end -= 1
    return start, end


def _without_overlaps(candidates: list[tuple[int, int, int, Reading]]) -> list[tuple[int, int, Reading]]:
    """Longest match first; on equal length the pattern listed first in the grammar wins."""
    ordered = sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    starts: list[int] = []  # of the spans taken, which never overlap: sorted by start, their ends are sorted too
    ends: list[int] = []
    taken: list[tuple[int, int, Reading]] = []
    for start, end, _, reading in ordered:
        index = bisect_right(starts, start)
        if (index and ends[index - 1] > start) or (index < len(starts) and starts[index] < end):
            continue
        starts.insert(index, start)
        ends.insert(index, end)
        taken.append((start, end, reading))
    return sorted(taken, key=lambda t: t[0])


def _split_ranges(
    text: str, chosen: list[tuple[int, int, Reading]], earliest_year: int, latest_year: int
) -> list[tuple[int, int, Reading]]:
    """A range written as one expression ("2011-2012", "1800 to 2100 hrs") is its start and its end, each
    an expression of its own: it claims its whole span against other readings, then gives way to both."""
    split = []
    for start, end, reading in chosen:
        if reading.range_end is None:
            split.append((start, end, reading))
            continue
        first_end, second_start, second_end, second = reading.range_end
        split.append((start, first_end, replace(reading, range_end=None)))
        if plausible(second.period, earliest_year, latest_year):
            split.append((*_trim(text, second_start, second_end), second))
    return split


def _uncovered(spans: Iterable[tuple[int, int]], found: list[Timex]) -> list[tuple[int, int]]:
    """The spans that overlap no expression found."""
    ordered = sorted(found, key=lambda timex: timex.start)
    starts = [timex.start for timex in ordered]
    reach = list(accumulate((timex.end for timex in ordered), max))  # the furthest end so far
    uncovered = []
    for start, end in spans:
        before = bisect_left(starts, end)  # the expressions that start before the span ends
        if not (before and reach[before - 1] > start):
            uncovered.append((start, end))
    return uncovered


_COORDINATED_DAY = re.compile(
    r"(?:\s+(?:and|or|to|through|until|till)\s+|\s*[-–]\s*)(?P<day>[0-3]?\d)(?:,\s+(?P<year>(?:1[89]|20)\d\d))?"
    r"(?=\s*(?:[,;)!?]|[.:](?!\d)|$)|\s+(?:in|at|on|for|with|when|as|from|after|before|but)\b)"
)
"""A bare day after a date, then what ends a date: a count ("May 4 and 12 people") goes on with its noun."""


def _with_coordinated_days(text: str, chosen: list[tuple[int, int, Reading]]) -> list[tuple[int, int, Reading]]:
    """The bare day after a date in "April 24 and 25" or "March 3 to 5, 2024" is a date of its own, in that
    month; a year written after the second day belongs to both."""
    result: list[tuple[int, int, Reading]] = []
    pending = deque(chosen)
    while pending:
        start, end, reading = pending.popleft()
        result.append((start, end, reading))
        period = reading.period
        if reading.type != "DATE" or period is None or period.precision != "day" or not text[end - 1].isdigit():
            continue
        match = _COORDINATED_DAY.match(text, end)
        if not match or int(match["day"]) <= period.start.day:
            continue
        if match["year"] and pending and pending[0][:2] == match.span("year"):
            pending.popleft()  # the year alone was read as a date of its own
        if pending and pending[0][0] < match.end():
            continue
        year = int(match["year"] or period.start.year)
        first, last = (safe_date(year, period.start.month, day) for day in (period.start.day, int(match["day"])))
        if first is None or last is None:
            continue
        if match["year"]:
            result[-1] = (start, end, dated(iv.day(first)))
        result.append((match.start("day"), match.end(), dated(iv.day(last), reading.anchored and not match["year"])))
    return result


_DAY_BEFORE_OR_AFTER = re.compile(r"(?i:\b(?:the\s+)?day\s+(?P<way>before|after)\s+)$")


def _day_before_or_after(text: str, chosen: list[tuple[int, int, Reading]]) -> list[tuple[int, int, Reading]]:
    """'The day before last Tuesday' is one expression, a day off the day it names."""
    shifted = []
    for start, end, reading in chosen:
        before = _DAY_BEFORE_OR_AFTER.search(text, max(0, start - 16), start)
        if before and reading.type == "DATE" and reading.period is not None and reading.period.precision == "day":
            step = 1 if before["way"].lower() == "after" else -1
            try:
                day = iv.day(iv.shift(reading.period.start, step))
            except iv.OutOfCalendar:
                start, reading = before.start(), INVALID
            else:
                start, reading = before.start(), replace(reading, value=day.value, period=day)
        shifted.append((start, end, reading))
    return shifted


_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“(])|\n")

_BOUND_BEFORE = re.compile(r"(?i:\bsince\s+(?:the\s+)?(?:(?:early|mid|late|end\s+of)[\s-]+)?)$")
"""'The highest since February 1995': a bound the story measures from, not a time it moves to."""


def _follow_the_story(text: str, chosen: list[tuple[int, int, Reading]]) -> list[tuple[int, int, Reading]]:
    """Anaphors ("that year", "the following month", "the previous Friday") count from the time the story
    last named, as a reader follows a narrative; only with none before do they fall back on publication.
    Earnings news names the quarter it reports once ("fiscal first-quarter profit") and then says "the
    quarter" and "a year earlier": those count from the quarter last named."""
    reference: iv.Period | None = None
    reported: iv.Period | None = None
    named_at = 0
    followed = []
    for start, end, reading in chosen:
        try:
            reading, reported = _counted_from(text, start, named_at, reading, reference, reported)
        except iv.OutOfCalendar:
            reading = INVALID  # "the following year" after 9999
        if _moves_the_story(text, start, reading, reference):
            reference, named_at = reading.period, end
        followed.append((start, end, reading))
    return followed


def _counted_from(
    text: str, start: int, named_at: int, reading: Reading, reference: iv.Period | None, reported: iv.Period | None
) -> tuple[Reading, iv.Period | None]:
    """The reading counted from the time the story last named (at `named_at`) and the quarter it reports; and
    the quarter reported from now on."""
    if reading.year_before_named and reference is not None and not _SENTENCE_END.search(text, named_at, start):
        shifted = iv.year_before(reference)
        if shifted is not None:
            reading = replace(reading, value=shifted.value, period=shifted, from_reported=None)
    if reading.from_reported is not None and reported is not None:
        period = reading.from_reported(reported)
        reading = replace(reading, value=period.value, period=period)
    if reading.reports_quarter:
        reported = reading.period
    if reading.refers is not None:
        period = reading.refers(reference) if reference is not None else None
        if period is not None:
            kind = "DATE" if reading.type == ANAPHOR else reading.type
            reading = replace(reading, type=kind, value=period.value, period=period, anchored=True)
        elif reading.type == ANAPHOR:
            reading = INVALID
    return reading, reported


def _moves_the_story(text: str, start: int, reading: Reading, reference: iv.Period | None) -> bool:
    """Whether a time becomes the one later anaphors count from: not a bound ("since February 1995"), a
    comparison base ("a year earlier"), a period around the one just named, nor the day that closes it."""
    if reading.type not in ("DATE", "TIME") or reading.period is None or reading.year_before_named:
        return False
    if _BOUND_BEFORE.search(text, max(0, start - 24), start):
        return False
    return not _closes(reading.period, reference) and not _holds(reading.period, reference)


def _holds(period: iv.Period, reference: iv.Period | None) -> bool:
    """A longer period around the time just named ("the first half of the year"): the story still speaks of
    the finer one."""
    return (
        reference is not None
        and period.start <= reference.start
        and reference.end <= period.end
        and (period.start, period.end) != (reference.start, reference.end)
    )


def _closes(period: iv.Period, reference: iv.Period | None) -> bool:
    """The last day of the period just named ("the second quarter ended Oct. 31"): the story still speaks
    of the period, so "that quarter" after it is that one."""
    if reference is None or reference.precision == "day":
        return False
    return period.precision == "day" and period.start == reference.end


def _timex(text: str, start: int, end: int, reading: Reading) -> Timex:
    modifier = reading.modifier
    prefix = MODIFIER_BEFORE.search(text, max(0, start - 40), start)
    if prefix and prefix.end() == start:
        word = prefix["mod"].lower().split()
        key = word[1] if word[0] == "the" else word[0]
        candidate = _MODIFIERS.get(key)
        if candidate in _DURATION_ONLY:
            applies = reading.type == "DURATION"
        elif candidate == "APPROX":
            applies = True
        else:
            applies = reading.type in ("DATE", "TIME") and reading.value is not None and "_REF" not in reading.value
        if candidate and applies:
            modifier = candidate
            start = prefix.start()
    relation = None
    signal = SIGNAL_BEFORE.search(text, max(0, start - 30), start)
    if signal and signal.end() == start and reading.type in ("DATE", "TIME"):
        word = " ".join(signal["signal"].lower().split())
        context = text[max(0, start - 60) : signal.start()].lower()
        if word not in ("to", "and") or re.search(r"\b(?:from|between)\b", context):
            relation = _SIGNALS.get(word)
    period = reading.period
    first, last = iv.narrow(period, modifier) if period else (None, None)
    return Timex(
        start=start,
        end=end,
        text=text[start:end],
        type=reading.type,
        value=reading.value,
        start_date=first,
        end_date=last,
        precision=period.precision if period else None,
        modifier=modifier,
        anchored=reading.anchored,
        relation=relation,
    )
