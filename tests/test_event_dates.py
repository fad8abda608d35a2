"""The event's own date: what its verb carries, never a maturity, a comparison base or a forecast's period."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import lines_of

DAY = date(2009, 3, 4)  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Ford Motor Co said on Tuesday that its U.S. sales rose 43 percent in February.", "2009-02"),
        ("GM said on Tuesday it would buy Delphi Corp's steering business.", "2009-03-03"),
        ("Exxon Mobil Corp pulled in $11.68 billion in profits in the second quarter on Tuesday.", "2009-03-03"),
        ("Acme Corp issued $200 million of notes due 2017 on Monday.", "2009-03-02"),
        ("Acme Corp said its profit rose to $5 million from $3 million a year ago.", "2009-03-04"),
        ("Acme Corp increased its pre-tax profit by 39 pct from the previous year.", "2009-03-04"),
        ("Hormel Foods Corp now expects to earn $2.36 to $2.42 per share this year.", "2009-03-04"),
        ("Hormel Foods Corp raised its 2009 earnings view.", "2009-03-04"),
        ("Acme Corp said output rose 11 percent over the same period the previous year.", "2009-03-04"),
    ],
)
def test_the_date_of_the_event_verb(tmp_path, sentence, value):
    found = lines_of(tmp_path, f"News\n\nNEW YORK (Reuters) - {sentence}\n", DAY)
    assert [found_value for _, found_value, _ in found] == [value]


def test_a_dated_deed_in_a_relative_clause_is_an_event_of_its_own(tmp_path):
    text = (
        "Steel\n\nNEW YORK (Reuters) - Kanas was chief of North Fork Bancorp, which was acquired by Capital One "
        "Financial Corp in 2006.\n"
    )
    found = lines_of(tmp_path, text, DAY)
    assert any(value == "2006" and "North Fork Bancorp" in companies for companies, value, _ in found)


def test_no_event_is_dated_by_a_clock_time_alone(tmp_path):
    found = lines_of(
        tmp_path, "Data\n\nNEW YORK (Reuters) - Acme Corp will report results at 10 a.m. (1400 GMT).\n", DAY
    )
    assert all(value is None or "T" not in value for _, value, _ in found)


def test_a_chronology_line_is_dated_by_the_day_it_opens_with(tmp_path):
    text = (
        "TIMELINE: Volvo sale\n\nHere are the main events.\n\n"
        "Oct 28 - Ford Motor Co names Geely as preferred bidder for Volvo.\n"
    )
    found = lines_of(tmp_path, text, date(2009, 12, 8))
    assert any(value == "2009-10-28" and "Ford" in companies for companies, value, _ in found)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        (
            "Halvard Bank Corp said it hired five employees from Ostrey Capital Inc between April 22 and July 11.",
            "2008",
        ),
        ("Corvina Foods Inc bought 50,000 Pellam Corp shares between September 22 and October 7.", "2008-H2"),
        ("Corvina Foods Inc bought 50,000 Pellam Corp shares between May 2 and May 9.", "2008-05"),
    ],
)
def test_a_range_dates_its_event_by_the_period_that_holds_it(tmp_path, sentence, value):
    found = lines_of(tmp_path, f"News\n\nNEW YORK (Reuters) - {sentence}\n", date(2008, 10, 23))
    assert value in [found_value for _, found_value, _ in found], found


def test_a_time_of_day_dates_its_event_by_the_day(tmp_path):
    text = "News\n\nNEW YORK (Reuters) - Ostrey Corp said it will hold the shareholder vote at noon Wednesday.\n"
    found = lines_of(tmp_path, text, date(2009, 4, 23))
    assert [value for _, value, _ in found] == ["2009-04-29"], found


@pytest.mark.parametrize(
    ("sentence", "start"),
    [
        ("Halvard Corp said on Tuesday it would cut 900 jobs, the most since it was founded in 1987.", "1987"),
        (
            "Ostrey Inc said on Tuesday it expected to post a net loss for the fourth quarter, its first quarterly "
            "loss since the group was formed in 1994.",
            "1994",
        ),
    ],
)
def test_a_since_clause_only_starts_a_period(tmp_path, sentence, start):
    """A 'since' clause on a noun or a superlative (a comparison base) dates no line: the line takes the day of
    its own verb or of the report."""
    found = lines_of(tmp_path, f"News\n\nNEW YORK (Reuters) - {sentence}\n", DAY)
    assert found and all(value != start for _, value, _ in found), found


def test_a_deed_a_period_is_counted_from_keeps_its_date(tmp_path):
    """A 'since' clause on a verb tells a dated deed of its own (the guard against reading every 'since' as a
    comparison base)."""
    sentence = "Ostrey Inc shares have outperformed rivals since it raised its outlook in January."
    text = f"News\n\nNEW YORK (Reuters) - {sentence}\n"
    found = lines_of(tmp_path, text, DAY)
    assert any(value == "2009-01" and "Ostrey" in companies for companies, value, _ in found), found
