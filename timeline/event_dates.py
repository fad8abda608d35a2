"""The date of a sentence's event: the date its event verb carries, never a date that only qualifies something
around it.

Of the sentence's dates, those attached (by the parse) to the event's clause count, the reported clause's
first ("Ford said on Tuesday its sales rose 43% in February" is February's sales), then the reporting
verb's ("GM said on Tuesday it would buy ..." happened on Tuesday). Never a bond's maturity ("notes due
2017"), a comparison base ("from a year ago", "compared with March 2008", "than in 2006"), the start a
period is counted from ("since 2014"), a 'since' clause that measures how rare a thing is ("its first loss
since the group was formed in 1991"), or a clock time on its own.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from .dates.intervals import half, month, quarter, quarter_of, year
from .models import DateValue, Timex, precision_rank
from .syntax import attachment_head, governed_by, inflected, text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

INSTRUMENT_NOUNS = frozenset(
    "note notes bond bonds debenture debentures security securities loan loans debt maturity maturities "
    "warrant warrants certificate certificates paper issue issues eurobond eurobonds tranche tranches "
    "preferred convertible convertibles treasuries treasury coupon coupons".split()
)
MATURITY_WORDS = frozenset("due maturing mature matures matured expiring expire expires redeemable repayable".split())
_UNITS = r"mln|bln|million|billion|cents?|dollars?|dlrs|percent|pct|%|yen|euros?|pounds?|points?|a\s+share|per\s+share"
_AMOUNT = r"(?:[$€£]?\s?[\d.,]+(?:\s*(?:" + _UNITS + r"))*\s+)"
_COMPARISON_BEFORE = re.compile(
    r"(?ix)(?:"
    r"  \b(?:compared\s+(?:with|to)|versus|vs\.?|than|against|since)\s+(?:the\s+)?" + _AMOUNT + r"?"
    r"| \bfrom\s+"
    + _AMOUNT
    + r"| \b(?:from|over|than)\s+the\s+(?:same\s+)?(?:period|quarter|month|year|time)\s+(?:of|in|a)?\s*"
    r")(?:in\s+|of\s+|at\s+)?(?:the\s+)?(?:same\s+)?(?:(?:period|quarter|month)\s+(?:of|in)\s+)?$"
)
_YEAR_AGO = re.compile(r"(?i)\b(?:a|one|the)\s+year\s+(?:ago|earlier|before)|\byear-(?:ago|earlier)")
_PREVIOUS_PERIOD = re.compile(r"(?i)^(?:the\s+)?(?:previous|prior|preceding)\b")
_SAME_PERIOD = re.compile(r"(?i)\bsame\s+(?:period|quarter|month|week|time|day|year)\b")
_FROM_BEFORE = re.compile(r"(?i)\b(?:from|over)\s*$")


def event_date(doc: Doc, timexes: list[Timex], content: set[int], reporting: set[int]) -> Timex | None:
    """The date of the event whose clause holds the tokens `content`, reported by the clause `reporting`."""
    found_content, found_reporting = [], []
    for timex in timexes:
        if not can_date_an_event(timex):
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or qualifies_something_else(doc, timex, span):
            continue
        head = attachment_head(span)
        if head.i in content:
            found_content.append((head, timex))
        elif head.i in reporting:
            found_reporting.append((head, timex))
    for found in (found_content, found_reporting):
        if found:  # the finest of them: "pulled in $11.68 billion in the second quarter on Thursday" is Thursday
            return min(found, key=lambda pair: precision_rank(pair[1].precision))[1]
    return None


def can_date_an_event(timex: Timex) -> bool:
    """A DATE, or a TIME that names its day ("10 p.m. Wednesday"); never a duration, a set or a bare clock."""
    if not timex.is_event_date:
        return False
    if timex.type == "TIME":
        return bool(
            re.search(r"(?i)day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", timex.text)
        )
    return True


def qualifies_something_else(doc: Doc, timex: Timex, span) -> bool:
    """A maturity, a comparison base or the start a period is counted from."""
    if compared_or_bounded(doc, timex):
        return True
    head = attachment_head(span)
    if _names_an_instrument(head) or _names_an_instrument(span.root):
        return True
    return _qualifies_a_noun(span) or comparison_base(span)


PERIOD_STARTS = frozenset({"since"})
SUPERLATIVE_TAGS = frozenset({"JJS", "RBS"})


def since_scope(span: Span) -> Token | None:
    """The 'since' phrase ('Since taking the helm in July') or clause ('since the group was formed in 1991') the
    date lies in, wherever the parser hangs it: its 'since', or the verb that takes 'since' as its mark."""
    token = span.root
    for _ in range(8):
        if token.lower_ in PERIOD_STARTS and token.dep_ == "prep":
            return token
        if any(child.dep_ == "mark" and child.lower_ in PERIOD_STARTS for child in token.children):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def comparison_base(span: Span) -> bool:
    """'its first quarterly loss since the group was formed in 1991', 'the most since it was founded in 1987':
    a 'since' clause on a noun or a superlative only measures how rare the thing is; the date dates neither
    the sentence's event nor a deed of its own. ('Shares have outperformed since it raised its outlook in
    March' hangs on a verb: the raise is a dated deed.)"""
    scope = since_scope(span)
    if scope is None or scope.head.i == scope.i:
        return False
    governor = scope.head
    return governor.pos_ in ("NOUN", "PROPN", "NUM") or governor.tag_ in SUPERLATIVE_TAGS


def compared_or_bounded(doc: Doc, timex: Timex) -> bool:
    """A comparison base ("from a year ago", "the same period") or where a reporting period ends."""
    if _YEAR_AGO.search(timex.text):
        return True
    before = text_of(doc)[max(0, timex.start - 40) : timex.start]
    if _COMPARISON_BEFORE.search(before):
        return True
    if _PREVIOUS_PERIOD.search(timex.text) and _FROM_BEFORE.search(before):
        return True  # "profit rose 39 pct from the previous year"
    if _SAME_PERIOD.search(timex.text):
        return True  # "over the same period the previous year": a comparison base, whatever the preposition
    return bool(_PERIOD_BOUND.search(before))


_PERIOD_BOUND = re.compile(r"(?i)\b(?:ended|ending|to|qtr|quarter|year|mths|months|period|fiscal)\s*$")
"""'the quarter ended June 30', 'YEAR TO JANUARY 31', '2ND QTR JAN 31': where a reporting period ends."""
DEED_NOUNS = frozenset(
    "launch announcement meeting sale purchase acquisition merger deal agreement bankruptcy filing offering "
    "ipo listing opening closure closing strike recall ruling verdict vote election resignation appointment "
    "visit trip conference hearing trial release debut delivery deliveries signing dissolution formation "
    "creation founding takeover buyout spinoff collapse rescue bailout restructuring layoffs default "
    "downgrade upgrade settlement lawsuit suit complaint investigation probe indictment conviction fine "
    "penalty approval rejection bid construction start entry exit expansion introduction unveiling "
    "split sale merger".split()
)


def _qualifies_a_noun(span) -> bool:
    """'the 2009 view', 'profit forecasts of $7 billion in 2007', 'the May 23 closing price': a date that
    modifies a noun dates that thing, not the event, unless the noun is itself a deed ("the June 5 launch")."""
    token = span.root
    head = token.head
    if token.dep_ == "pobj":
        head = head.head
    elif token.dep_ not in ("compound", "nmod", "amod", "nummod", "poss", "npadvmod") or head.i == token.i:
        return False
    return head.pos_ in ("NOUN", "PROPN", "NUM") and head.lower_ not in DEED_NOUNS and head.dep_ != "ROOT"


def _names_an_instrument(token: Token) -> bool:
    for _ in range(3):
        if token.lower_ in MATURITY_WORDS or token.lower_ in INSTRUMENT_NOUNS:
            return True
        if token.head.i == token.i or token.pos_ == "VERB":
            return False
        token = token.head
    return False


_ENTRY_MARK = re.compile(r"\s*[-–—:]\s")


def chronology_date(text: str, sentence: Span, timexes: list[Timex]) -> Timex | None:
    """'Sept 15 - Volvo Car CEO says Geely denied ...': a line of a chronology opens with its own date."""
    first = next((t for t in timexes if can_date_an_event(t)), None)
    if first is None or text[sentence.start_char : first.start].strip():
        return None
    return first if _ENTRY_MARK.match(text, first.end) else None


PERIODS = frozenset({"quarter", "half", "year"})
FORECAST_WORDS = inflected("expect forecast estimate predict project see target guide anticipate plan aim intend") | {
    *"forecasts outlook guidance view targets estimates projection plans goal".split()
}
"""The verbs and nouns of a forecast or a plan."""


def forecast_period(doc: Doc, timex: Timex) -> bool:
    """A quarter, half or year a forecast is about ("expects to earn $2.36 a share this year", "confirmed its
    outlook for sales to rise in 2008"): the forecast is made on the story's day, not in that period."""
    if timex.precision not in PERIODS:
        return False
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    return span is not None and governed_by(attachment_head(span), FORECAST_WORDS, 8)


_RANGE_JOIN = re.compile(r"\s*(?:and|to|until|through|thru|-|–|—)\s*")


def date_of(timex: Timex, timexes: list[Timex], text: str) -> DateValue:
    """The date a chosen expression gives an event: itself (a time of day: its day), or the range it opens
    ("between April 22 and July 11", "from March 3 to March 10") as the smallest month, quarter, half or year
    that holds the whole range."""
    if (timex.modifier or timex.relation) == "AFTER":
        end = next((t for t in timexes if t.start >= timex.end and t.start - timex.end <= 12), None)
        if (
            end is not None
            and (end.modifier or end.relation) == "BEFORE"
            and end.is_event_date
            and _RANGE_JOIN.fullmatch(text[timex.end : end.start])
            and timex.start_date <= end.end_date
        ):
            return _holding_period(timex.start_date, end.end_date, text[timex.start : end.end])
    if timex.type == "TIME":  # "last night", "noon Wednesday": the event's day, not the hour ("2009-04-22TNI")
        return replace(DateValue.from_timex(timex), value=timex.start_date.isoformat(), precision="day")
    return DateValue.from_timex(timex)


def _holding_period(first: date, last: date, text: str) -> DateValue:
    """The smallest month, quarter, half or year that holds first..last; past a year's end, the first day."""
    y = first.year
    for period in (
        month(y, first.month),
        quarter(y, quarter_of(first)),
        half(y, 1 if first.month <= 6 else 2),
        year(y),
    ):
        if last <= period.end:
            return DateValue(period.value, period.start, period.end, period.precision, text=text)
    return DateValue(first.isoformat(), first, first, "day", modifier="AFTER", text=text)
