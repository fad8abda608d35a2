"""One canonical company name everywhere: case variants are one company, aliases resolve, unknown names are said."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from timeline.cli import cli
from timeline.companies import Canonicaliser
from timeline.merge import merge_mentions
from timeline.models import DateValue, Event, Mention
from timeline.query import CompanyNames, FilterError
from timeline.store import Store


def dated(day: str) -> DateValue:
    when = date.fromisoformat(day)
    return DateValue(day, when, when, "day")


def mention(doc: str, company: str, sentence: str, day: str) -> Mention:
    return Mention(doc, "h" + doc, 0, len(sentence), sentence, (company,), dated(day), title=sentence)


MENTIONS = [
    mention("a", "eBay", "eBay bought Skype.", "2005-09-12"),
    mention("b", "EBay", "EBay sold a stake in Skype.", "2009-09-01"),
    mention("c", "eBay", "eBay reported higher profit.", "2008-01-23"),
    mention("d", "Renault", "Renault opened a plant.", "2024-03-01"),
]


def test_merge_writes_one_spelling_per_company():
    events = merge_mentions(MENTIONS)
    assert sorted({c for e in events for c in e.companies}) == ["Renault", "eBay"]
    assert all(m.companies[0] in ("eBay", "Renault") for e in events for m in e.mentions)


def test_company_names_merge_case_and_resolve_aliases_and_refuse_unknown_names():
    names = CompanyNames([("eBay",), ("EBay",), ("eBay", "EBAY"), ("Renault",)], Canonicaliser())
    assert names.counts == {"eBay": 3, "Renault": 1}
    assert names.resolve("EBAY") == "eBay"
    assert names.resolve("Renault Group") == "Renault"  # the gazetteer's alias
    assert names.resolve("Groupe Renault") == "Renault"
    with pytest.raises(FilterError, match=r"no company 'Renalt' in the timeline \(did you mean Renault\?\)"):
        names.resolve("Renalt")


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "db.json"
    events = [
        Event("e1", dated("2005-09-12"), ("eBay",), "eBay bought Skype.", [MENTIONS[0]]),
        Event("e2", dated("2009-09-01"), ("EBay",), "EBay sold a stake.", [MENTIONS[1]]),
        Event("e3", dated("2024-03-01"), ("Renault",), "Renault opened a plant.", [MENTIONS[3]]),
    ]
    with Store(path) as store:
        store.replace_events(events)
    return path


def run(db, *args):
    return CliRunner().invoke(cli, ["--db", str(db), *args])


def test_companies_lists_case_variants_as_one_company_as_the_app_does(db):
    from timeline.tui.model import TimelineModel

    lines = run(db, "companies").output.splitlines()
    listed = {name: int(count) for count, name in (line.split(None, 1) for line in lines)}
    with Store(db, read_only=True) as store:
        model = TimelineModel.from_records(store.event_records())
    assert dict(model.company_counts()) == listed == {"EBay": 2, "Renault": 1}  # a tie: the first alphabetically


def test_export_company_takes_an_alias_and_any_case(db):
    for typed in ("Renault Group", "renault"):
        result = run(db, "export", "--company", typed, "--format", "jsonl")
        assert result.exit_code == 0 and result.output.count("\n") == 1, (typed, result.output)
    result = run(db, "export", "--company", "EBAY", "--format", "jsonl")
    assert result.output.count("\n") == 2


def test_export_an_unknown_company_is_an_error_with_a_suggestion(db):
    result = run(db, "export", "--company", "Renalt")
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: no company 'Renalt' in the timeline (did you mean Renault?); `timeline companies` lists them"
    )
