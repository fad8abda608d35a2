"""One filter model, one answer: the app and `timeline export` select the same events from the same database."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from timeline.cli import cli
from timeline.query import parse_filter
from timeline.tui.model import TimelineModel
from timeline.view import open_view

TODAY = date(2024, 6, 15)
FILTERS = [
    "talks",  # only in a title: the app once found 0 events where the command line found 1
    "Engages in Discussions",
    "alliance",
    "renault",
    "company:Renault",
    "company:xiaomi since:2024-01",
    "since:2020 until:2023",
    "company:Renault talks",
    "seeds/000",
]


def app_model(db) -> TimelineModel:
    view = open_view(db)
    assert view is not None, "the store writes the app's view index"
    return TimelineModel.from_view(view)


def cli_ids(db, flt) -> list[str]:
    args = ["--db", str(db), "export", "--format", "jsonl", "-o", "-", *flt.cli_args()]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [json.loads(line)["event_id"] for line in result.output.splitlines()]


@pytest.mark.parametrize("line", FILTERS)
def test_the_app_and_export_select_the_same_events(seeds_db, line):
    flt = parse_filter(line, today=TODAY)
    model = app_model(seeds_db)
    model.filter = flt
    model.refresh()
    in_app = [model.columns["event_id"][row] for row in model.visible]
    assert in_app == cli_ids(seeds_db, flt)


def test_a_word_only_in_a_title_is_found_by_both(seeds_db):
    flt = parse_filter("talks", today=TODAY)
    model = app_model(seeds_db)
    model.filter = flt
    model.refresh()
    assert len(model.visible) == len(cli_ids(seeds_db, flt)) == 1
    assert model.matches("TALKS"), "find (/) looks in the same text as the filter"


def test_search_ignores_how_whitespace_runs(seeds_db):
    spaced = parse_filter("'Engages   in\tDiscussions'", today=TODAY)
    single = cli_ids(seeds_db, parse_filter("'Engages in Discussions'", today=TODAY))
    assert single and cli_ids(seeds_db, spaced) == single
    model = app_model(seeds_db)
    model.filter = spaced
    model.refresh()
    assert [model.columns["event_id"][row] for row in model.visible] == single
