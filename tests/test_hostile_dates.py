"""Hostile dates: arithmetic that leaves the calendar, and text shaped to make the normaliser slow.

An expression whose value lies outside the years 1 to 9999 ("3000 years ago", "next week" from 9999-12-31)
names no date; it never fails the article, let alone the batch.
"""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner
from conftest import make_settings
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.cli import cli
from timeline.dates import find_dates
from timeline.dates import intervals as iv
from timeline.models import Article
from timeline.pipeline import ingest
from timeline.store import Store

EDGE_ANCHORS = st.one_of(
    st.sampled_from([date.min, date.max, date(1, 1, 7), date(9999, 12, 25), date(2024, 1, 1)]),
    st.dates(min_value=date.min, max_value=date(30, 12, 31)),
    st.dates(min_value=date(9970, 1, 1), max_value=date.max),
    st.dates(),
)
AMOUNTS = st.one_of(
    st.integers(0, 10**25).map(str),
    st.integers(300, 5000).map(lambda digits: "9" * digits),  # past Python's 4,300-digit int limit
    st.sampled_from(["a", "two", "a dozen", "several", "2 1/2", "1.5"]),
)
UNITS = st.sampled_from(["days", "weeks", "weekends", "months", "quarters", "years", "decades", "centuries", "day"])
DIRECTIONS = st.sampled_from(["ago", "from now", "earlier", "later", "hence", "previously"])
OFFSET_PHRASES = st.builds(lambda n, unit, way: f"{n} {unit} {way}", AMOUNTS, UNITS, DIRECTIONS)
RELATIVE_PHRASES = st.sampled_from(
    [
        "next week", "last week", "this weekend", "tomorrow", "yesterday", "the day before yesterday",
        "the day after tomorrow", "next year", "last year", "next decade", "last century", "the next quarter",
        "the previous quarter", "in January", "last January", "next December", "December next year", "May 5",
        "Jan. 1", "on Friday", "last Monday", "next Sunday", "10 p.m. Wednesday", "midnight Friday",
        "Christmas", "Easter", "Good Friday", "Thanksgiving", "New Year's Eve", "last spring", "next winter",
        "this past summer", "the following year", "the previous Friday", "the day after", "that year",
        "the quarter ended Dec. 31", "the year-ago quarter", "a year ago", "a year earlier", "by year-end",
        "the 1988 quarter", "the same quarter a year ago", "the fourth quarter", "the second half", "this morning",
        "tonight", "the quarter", "the week", "the month", "every 99999999999999999999 years",
        "the day after Dec. 31, 2024", "9999-12-31 and the next day", "the week of Dec. 30", "April-June", "Dec-Feb",
    ]
)  # fmt: skip
TEXTS = st.lists(st.one_of(OFFSET_PHRASES, RELATIVE_PHRASES), min_size=1, max_size=6).map(". It fell ".join)


@settings(max_examples=400, deadline=None)
@given(TEXTS, EDGE_ANCHORS)
def test_any_offset_from_any_anchor_is_a_date_in_the_calendar_or_none(text, anchor):
    for timex in find_dates(text, anchor, earliest_year=1, future_years=10**6):
        assert text[timex.start : timex.end] == timex.text
        if timex.start_date is not None:
            assert date.min <= timex.start_date <= timex.end_date <= date.max


@settings(max_examples=300, deadline=None)
@given(st.dates(), st.sampled_from(["D", "W", "WE", "M", "Q", "H", "Y", "DE", "CE"]), st.integers(-(10**12), 10**12))
def test_unit_arithmetic_gives_a_period_or_says_it_left_the_calendar(anchor, unit, offset):
    try:
        period = iv.unit_period(anchor, unit, offset)
    except iv.OutOfCalendar:
        return
    assert period.start <= period.end


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("It began 3000 years ago.", date(2024, 1, 1)),
        ("The line is 2024 years ago, and 8000 years from now.", date(2024, 1, 1)),
        ("900000 days ago and 30000 months ago", date(2024, 1, 1)),
        ("They meet next week.", date(9999, 12, 31)),
        ("They met last week.", date(1, 1, 1)),
    ],
)
def test_an_expression_outside_the_calendar_is_no_date(text, anchor):
    assert find_dates(text, anchor, earliest_year=1, future_years=10**6) == []


def test_articles_whose_dates_leave_the_calendar_are_stored_with_the_rest_of_the_batch(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ancient.txt").write_text("Acme history\n\nAcme Corp said its craft began 3000 years ago.")
    (folder / "days.txt").write_text("Acme count\n\nAcme Corp said 900000 days ago it sold units.")
    (folder / "end.md").write_text("---\npublished: 9999-12-31\n---\n# Acme meets\n\nAcme Corp will meet next week.")
    (folder / "start.md").write_text("---\npublished: 0001-01-01\n---\n# Acme met\n\nAcme Corp met last week.")
    (folder / "good.txt").write_text("Acme grows\n\nAcme Corp said on Monday it sold 5 units in 2020.")
    db = tmp_path / "db.json"
    with Store(db) as store:
        report = ingest([folder], store, make_settings(db))
        assert report.errors == []
        assert store.count_documents() == 5


@pytest.mark.parametrize("earliest_year", [1, 1800])
def test_extraction_from_the_calendars_first_and_last_days(tmp_path, earliest_year):
    from timeline.pipeline import extract_batch

    phrases = ("last week", "next week", "yesterday", "tomorrow", "on Friday", "in January", "on Jan. 5", "Dec. 30")
    articles = [
        Article(doc_id=f"{day} {words}", title="Acme news", text=f"Acme news\n\nAcme Corp met {words}.", published=day)
        for day in (date.min, date.max)
        for words in phrases
    ]
    settings = make_settings(tmp_path / "db.json").with_overrides(earliest_year=earliest_year)
    documents = extract_batch(articles, settings)
    assert [d.doc_id for d in documents] == [a.doc_id for a in articles]


def test_since_outside_the_calendar_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "db.json"), "export", "--since", "3000 years ago"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot read '3000 years ago' as a date") and result.output.count("\n") == 1


def test_dates_command_reads_past_expressions_outside_the_calendar(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("It began 3000 years ago, and again 900000 days ago, then on Monday.")
    result = CliRunner().invoke(cli, ["dates", str(source), "--published", "2024-01-03", "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "2024-01-01" in result.output and "3000" not in result.output
