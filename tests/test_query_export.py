"""The filter model and the export function shared by the CLI and the TUI."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from timeline.export import CSV_COLUMNS, write_stream
from timeline.models import DateValue, Event, Mention
from timeline.query import Filter, FilterError, apply, date_bound, make_filter, parse_filter

TODAY = date(2024, 6, 15)


def event(event_id, value, start, end, precision, companies, summary):
    day = DateValue(value, date.fromisoformat(start), date.fromisoformat(end), precision)
    mention = Mention(
        doc_id=f"doc-{event_id}",
        doc_hash="h",
        start=0,
        end=len(summary),
        sentence=summary,
        companies=tuple(companies),
        date=day,
        published=date(2024, 5, 1),
        title="T",
    )
    return Event(event_id, day, tuple(companies), summary, [mention])


EVENTS = [
    event("a", "2023", "2023-01-01", "2023-12-31", "year", ["Renault"], "Renault did a thing"),
    event("b", "2024-03", "2024-03-01", "2024-03-31", "month", ["Xiaomi", "BAIC"], "Xiaomi and BAIC talk"),
    event("c", "2024-04-26", "2024-04-26", "2024-04-26", "day", ["Renault", "Li Auto"], "=HYPERLINK(1)"),
    Event("d", None, ("Nissan",), "Nissan, undated", []),
]


@pytest.mark.parametrize(
    ("text", "upper", "expected"),
    [
        ("2024-03-05", False, "2024-03-05"),
        ("2024-03", False, "2024-03-01"),
        ("2024-03", True, "2024-03-31"),
        ("2024", True, "2024-12-31"),
        ("Q1 2024", True, "2024-03-31"),
        ("last year", False, "2023-01-01"),
        ("March 2024", False, "2024-03-01"),
    ],
)
def test_date_bounds(text, upper, expected):
    assert date_bound(text, today=TODAY, upper=upper).isoformat() == expected


def test_unreadable_bound():
    with pytest.raises(FilterError, match="cannot read 'soonish'"):
        date_bound("soonish", today=TODAY, upper=False)


def test_filters():
    assert [e.event_id for e in apply(EVENTS, make_filter(companies=["renault"], today=TODAY))] == ["a", "c"]
    assert [e.event_id for e in apply(EVENTS, make_filter(since="2024-03", until="2024-03", today=TODAY))] == ["b"]
    assert [e.event_id for e in apply(EVENTS, make_filter(search="BAIC", today=TODAY))] == ["b"]
    assert [e.event_id for e in apply(EVENTS, Filter())] == ["a", "b", "c", "d"]


def test_filter_line_round_trips():
    flt = parse_filter('company:Renault,"Li Auto" since:2024-01 "thing one"', today=TODAY)
    assert flt.companies == ("Renault", "Li Auto") and flt.search == "thing one"
    assert parse_filter(flt.describe(), today=TODAY) == flt
    assert flt.cli_args()[:4] == ["--company", "Renault", "--company", "Li Auto"]


def test_csv_has_fixed_columns_a_header_when_empty_and_no_formulas():
    out = io.StringIO()
    assert write_stream([], out) == 0
    assert out.getvalue().strip() == ",".join(CSV_COLUMNS)
    out = io.StringIO()
    write_stream(EVENTS, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["event_id"] for r in rows] == ["a", "b", "c", "d"]
    assert rows[1]["companies"] == "Xiaomi; BAIC" and rows[2]["summary"] == "'=HYPERLINK(1)"
    assert rows[3]["date"] == "" and rows[0]["source_count"] == "1"


def test_jsonl_carries_mentions():
    out = io.StringIO()
    write_stream(EVENTS[:1], out, "jsonl")
    record = json.loads(out.getvalue())
    assert record["mentions"][0]["doc_id"] == "doc-a" and record["mentions"][0]["date"] == "2023"
    assert set(record) >= {"event_id", "date", "start", "end", "precision", "modifier", "companies", "summary"}
