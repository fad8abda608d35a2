"""General mechanisms of the date grammar that hold on text nobody tuned on (issue 16): a range is a start
and an end of one grammar, a clock time with a day is that day, trailing punctuation never belongs to a
span, spelled day numbers are days. The sentences are made up in the shapes seen on unseen news."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import find_dates

THURSDAY = date(2013, 3, 14)


def found(text: str, published: date = THURSDAY) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in find_dates(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the 2011-2012 drought hurt farmers", [("2011", "DATE", "2011"), ("2012", "DATE", "2012")]),
        ("sales in the season of 1998-99 fell", [("1998", "DATE", "1998"), ("99", "DATE", "1999")]),
        ("the 2008/09 crop was poor", [("2008", "DATE", "2008"), ("09", "DATE", "2009")]),
        ("a 1999-00 budget gap", [("1999", "DATE", "1999"), ("00", "DATE", "2000")]),
        ("curfew from 1800 to 2100 hrs", [("1800", "TIME", "2013-03-14T18:00"), ("2100 hrs", "TIME", "2013-03-14T21:00")]),
        ("talks on March 3-5 in Geneva", [("March 3", "DATE", "2013-03-03"), ("5", "DATE", "2013-03-05")]),
    ],
)
def test_a_range_is_its_start_and_its_end(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "he paid $1998-2005 for it",  # an amount
        "between 1800-2100 tonnes a day",  # a count
        "the score was 2011-2009 at the end",  # a range that runs backwards is no range of years
        "he worked for 1800 hours",  # an amount of hours, no clock time
    ],
)
def test_amounts_are_not_ranges_of_years_or_clock_times(text):
    assert [value for _, kind, value in found(text) if kind in ("DATE", "TIME")] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The vote was delayed until 10:00 GMT Monday.", "2013-03-18T10:00"),
        ("The market closed at 1600 GMT on Friday.", "2013-03-08T16:00"),
        ("Trading resumes at 0930 GMT.", "2013-03-14T09:30"),
        ("The meeting will be held at 10 a.m. on Monday.", "2013-03-18T10:00"),
    ],
)
def test_a_clock_time_with_a_day_is_on_that_day(text, value):
    assert found(text)[0][2] == value


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The offer runs through June.", "June"),
        ("It was signed in May.", "May"),
        ("It rose in July;", "July"),
        ("(the plan of 2012)", "2012"),
        ('he said "tomorrow."', "tomorrow"),
        ("It closes at 5 p.m.", "5 p.m."),
        ("It was signed on Sept. 3.", "Sept. 3"),
        ("It was signed in Sept.", "Sept."),
    ],
)
def test_trailing_punctuation_never_belongs_to_a_span(text, span):
    assert found(text)[0][0] == span


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Talks resume on May One.", "2013-05-01"),
        ("The parade will be on July Fourth.", "2013-07-04"),
        ("It was signed on January Twenty-first.", "2013-01-21"),
    ],
)
def test_spelled_day_numbers_are_days(text, value):
    assert found(text)[0][2] == value


def test_a_spelled_number_after_may_is_a_word_unless_capitalised():
    assert found("May one ask what he meant?") == []
