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
        ("from 1800 to 2100 hrs", [("1800", "TIME", "2013-03-14T18:00"), ("2100 hrs", "TIME", "2013-03-14T21:00")]),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Net profit in July-September fell", [("July", "DATE", "2012-07"), ("September", "DATE", "2012-09")]),
        ("sales in Dec-Feb rose", [("Dec", "DATE", "2012-12"), ("Feb", "DATE", "2013-02")]),
        ("the April-June 2012 quarter", [("April", "DATE", "2012-04"), ("June 2012", "DATE", "2012-06")]),
    ],
)
def test_a_range_of_months_is_its_first_and_its_last_month(text, expected):
    assert found(text) == expected


def test_the_day_before_a_weekday_is_that_weekday():
    assert found("The story began Monday. During the day Friday, he played.") == [
        ("Monday", "DATE", "2013-03-11"),
        ("Friday", "DATE", "2013-03-08"),
    ]


def test_a_clock_time_takes_the_day_after_its_parenthesis():
    text = "The blast occurred at 10:35 a.m. (0735 GMT) Friday, toppling a building."
    assert [value for _, _, value in found(text)] == ["2013-03-08T10:35", "2013-03-08T07:35", "2013-03-08"]


@pytest.mark.parametrize(
    "text",
    [
        "A second group of bidders includes a franchisee.",
        "output was up for a second consecutive month",
        "said Avi Greengart, research director at Current Analysis.",
        "The Present Situation Index slid to 24.8.",
        "computers in April. One of those was sold",
    ],
)
def test_ordinals_and_names_are_no_times(text):
    assert [(span, value) for span, _, value in found(text) if value in ("PT1S", "PRESENT_REF", "2013-04-01")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plans to close 80 branches within a year", ("a year", "DURATION", "P1Y")),
        ("sold 300,000 vehicles a year", ("a year", "SET", "P1Y")),
        ("unemployment at a 26-1/2-year high", ("26-1/2-year", "DURATION", "P26Y6M")),
        ("homes in the current first quarter", ("the current first quarter", "DATE", "2013-Q1")),
    ],
)
def test_stretches_rates_and_quarters(text, expected):
    assert found(text) == [expected]


def test_a_bound_after_since_is_not_the_time_the_story_moves_to():
    text = "The rate rose to 5.7% in April, the highest since February 1995, from 4.5% the previous month."
    assert found(text, date(2009, 6, 1))[-1] == ("the previous month", "DATE", "2009-03")


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("Oil will weigh on stocks this week.", date(2008, 5, 25), "2008-W22"),  # a Sunday outlook
        ("Stocks fell this week.", date(2008, 5, 24), "2008-W21"),  # a Saturday wrap-up
        ("Oil will weigh on stocks this week.", date(2008, 5, 21), "2008-W21"),  # midweek
    ],
)
def test_a_weekend_story_looking_ahead_means_the_week_ahead(text, published, value):
    assert found(text, published)[0][2] == value


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("Cash fell to $92 million as of May 31 from $364 million a year earlier.", date(2008, 6, 23), "2007-05-31"),
        ("It was down 0.5% in the second quarter and up 0.2% a year ago.", date(2008, 11, 20), "2007-Q2"),
        (
            "Charges were $6 billion in the first half of the year, up from $3 billion in the same period last year.",
            date(2007, 11, 11),
            "2006-H1",
        ),  # fmt: skip
        ("Sales fell 5 percent in February from a year earlier.", date(2009, 3, 4), "2008-02"),
    ],
)
def test_a_comparison_base_is_the_period_the_sentence_named_a_year_back(text, published, value):
    assert found(text, published)[-1][2] == value


def test_a_comparison_base_in_a_sentence_that_names_no_period_counts_from_publication():
    text = "Sales rose in March. Profit was up from a year earlier."
    assert found(text, date(2009, 4, 20))[-1][2] == "2008"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares have lost ground in the past five sessions.", ("the past five sessions", "DURATION", "P5D")),
        (
            "It now expects $1.40 a share in its fiscal year ending September 30.",
            ("September 30", "DATE", "2013-09-30"),
        ),
    ],
)
def test_trading_sessions_and_a_period_ending_ahead(text, expected):
    assert found(text, date(2013, 4, 29))[-1] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Joblessness is near a quarter-century low and below its level a year earlier.",
        "A quarter of the staff left; pay is lower than a year ago.",
    ],
)
def test_quarter_as_a_fraction_does_not_make_a_story_count_in_quarters(text):
    """'A quarter-century low', 'a quarter of the staff' are amounts: the comparison base is a year, not a
    quarter of earnings news."""
    assert found(text, date(2009, 4, 20))[-1][2] == "2008"
