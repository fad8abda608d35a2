"""Dates users type for --since/--until and in the app: any case and separator, any year, precise refusals."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from timeline.cli import cli
from timeline.date_input import DateInputError, read_period
from timeline.query import FilterError, make_filter

TODAY = date(2024, 6, 15)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("mar 2024", "2024-03-01", "2024-03-31"),
        ("MARCH 2024", "2024-03-01", "2024-03-31"),
        ("Sept. 2023", "2023-09-01", "2023-09-30"),
        ("2024/03/01", "2024-03-01", "2024-03-01"),
        ("2024.03.01", "2024-03-01", "2024-03-01"),
        ("2024/3", "2024-03-01", "2024-03-31"),
        ("1 march 2024", "2024-03-01", "2024-03-01"),
        ("March 5, 2024", "2024-03-05", "2024-03-05"),
        ("q1 2024", "2024-01-01", "2024-03-31"),
        ("2024-Q4", "2024-10-01", "2024-12-31"),
        ("h2 2024", "2024-07-01", "2024-12-31"),
        ("2024-02-29", "2024-02-29", "2024-02-29"),
        ("2099", "2099-01-01", "2099-12-31"),
        ("1900", "1900-01-01", "1900-12-31"),
        ("last year", "2023-01-01", "2023-12-31"),
        ("  2024   ", "2024-01-01", "2024-12-31"),
    ],
)
def test_forms_users_type(text, first, last):
    assert read_period(text, today=TODAY) == (date.fromisoformat(first), date.fromisoformat(last))


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("2024-02-30", "February 2024 has no day 30 (it has 29)"),
        ("2023-02-29", "February 2023 has no day 29 (it has 28)"),
        ("2024-13", "there is no month 13"),
        ("2024/00/10", "there is no month 0"),
        ("Q5 2024", "a year has no Q5"),
        ("0000", "there is no year 0"),
        ("whenever", "cannot read 'whenever' as a date (try 2024-03-01"),
        ("", "no date given"),
    ],
)
def test_what_is_wrong_is_said(text, says):
    with pytest.raises(DateInputError) as caught:
        read_period(text, today=TODAY)
    assert says in str(caught.value)


def test_a_range_that_ends_before_it_starts_is_refused():
    with pytest.raises(FilterError, match="the range ends before it starts: since 2024-06 is 2024-06-01, until"):
        make_filter(since="2024-06", until="2024-01", today=TODAY)
    assert make_filter(since="2024-03", until="2024-03", today=TODAY).until == date(2024, 3, 31)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--since", "2024-02-30"], "February 2024 has no day 30"),
        (["--since", "2024-06", "--until", "2024-01"], "the range ends before it starts"),
    ],
)
def test_cli_refuses_in_one_line(tmp_path, args, says):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "none.json"), "export", *args])
    assert result.exit_code == 1 and says in result.output and len(result.output.strip().splitlines()) == 1


def test_cli_reads_lower_case_months_and_slashes(tmp_path):
    from timeline.models import DateValue, Event
    from timeline.store import Store

    db = tmp_path / "db.json"
    march = DateValue("2024-03-05", date(2024, 3, 5), date(2024, 3, 5), "day")
    with Store(db) as store:
        store.replace_events([Event("m", march, ("Renault",), "Renault did it", [])])
    for since in ("mar 2024", "2024/03/01"):
        result = CliRunner().invoke(cli, ["--db", str(db), "export", "--since", since, "--until", "2024/3"])
        assert result.exit_code == 0, result.output
        assert result.output.count("\n") == 2  # the header and the event
