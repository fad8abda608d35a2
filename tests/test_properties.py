"""Property-based tests: the date normaliser, the CSV export and the filter model, on generated input."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import find_dates
from timeline.export import CSV_COLUMNS, neutralise, write_stream
from timeline.models import DateValue, Event
from timeline.query import Filter, FilterError, apply, parse_filter

PHRASES = st.sampled_from(
    [
        "on Friday",
        "this week",
        "in March",
        "early 2022",
        "the first quarter",
        "Q3 2023",
        "since 2014",
        "by 2030",
        "the 1990s",
        "last month",
        "two years ago",
        "26-FEB-1987",
        "04/31/2024",
        "Feb 30",
        "May",
        "2024-13-45",
        "the end of 2023",
        "every year",
        "3 p.m.",
        "mid-2025",
        "10 days",
        "$2024",
        "300,000",
    ]
)
TEXT = st.lists(st.one_of(PHRASES, st.text(max_size=20)), max_size=8).map(" ".join)
ANCHORS = st.one_of(st.none(), st.dates(min_value=date(1850, 1, 1), max_value=date(2090, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(TEXT, ANCHORS)
def test_normaliser_never_raises_and_intervals_agree_with_values(text, anchor):
    for timex in find_dates(text, anchor):
        assert text[timex.start : timex.end] == timex.text
        if timex.start_date is not None:
            assert timex.start_date <= timex.end_date
            assert timex.value and timex.value[:3] == f"{timex.start_date.year:04d}"[:3]
            assert 1800 <= timex.start_date.year
        if timex.type in ("DURATION", "SET"):
            assert timex.start_date is None


CELL = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(CELL, st.lists(CELL, max_size=3)), max_size=5))
def test_csv_round_trips_exactly_except_for_neutralised_formulas(rows):
    events = [Event(f"e{i}", None, tuple(companies), summary, []) for i, (summary, companies) in enumerate(rows)]
    out = io.StringIO()
    write_stream(events, out)
    read = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert list(read[0].keys()) if read else True
    assert [r["summary"] for r in read] == [neutralise(summary) for summary, _ in rows]
    for row in read:
        assert not row["summary"].startswith(("=", "+", "-", "@", "\t", "\r"))
    assert out.getvalue().startswith(",".join(CSV_COLUMNS))


DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def events(draw):
    start = draw(DAYS)
    return Event(
        draw(st.text(min_size=1, max_size=6)),
        DateValue(start.isoformat(), start, start, "day"),
        tuple(draw(st.lists(st.sampled_from(["Renault", "Xiaomi", "BAIC"]), min_size=1, max_size=2))),
        draw(st.text(max_size=20)),
        [],
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(events(), max_size=20),
    st.lists(st.sampled_from(["Renault", "Xiaomi", "BAIC"]), max_size=2, unique=True),
    st.one_of(st.none(), DAYS),
    st.one_of(st.none(), DAYS),
)
def test_filter_keeps_exactly_the_matching_events_in_order(items, companies, since, until):
    flt = Filter(companies=tuple(companies), since=since, until=until)
    kept = apply(items, flt)
    assert kept == [e for e in items if flt.matches(e)]
    for event in kept:
        assert not companies or set(event.companies) & set(companies)
        assert since is None or event.date.end >= since
        assert until is None or event.date.start <= until
    if since and until and since > until:  # typed, such a range is refused rather than showing nothing
        with pytest.raises(FilterError, match="the range ends before it starts"):
            parse_filter(flt.describe(), today=date(2024, 1, 1))
    else:
        assert parse_filter(flt.describe(), today=date(2024, 1, 1)) == flt
