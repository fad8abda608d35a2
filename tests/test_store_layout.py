"""The partitioned store (issue 17): a small ingest reads and writes a few parts, the events of only the
companies it touched are merged again (the same events as merging everything), and a database written by
the single-file release is converted once, with a message."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import TEST_DATA
from tinydb import TinyDB

from timeline.cli import cli
from timeline.merge import merge_mentions
from timeline.parts import document_part
from timeline.store import Store, StoreError
from timeline.view import build_columns, open_view

SCHEMA1 = TEST_DATA / "store_schema1.json"  # written by the single-file release from seeds/


def groups(events) -> dict:
    return {frozenset(m.mention_id for m in e.mentions): (e.event_id, e.when, e.companies, e.summary) for e in events}


def part_files(db: Path) -> set[str]:
    return {path.name for path in Path(f"{db}.parts").iterdir()}


def test_a_single_file_database_is_converted_once_with_a_message(tmp_path):
    db = tmp_path / "timeline.json"
    shutil.copy(SCHEMA1, db)
    old = json.loads(SCHEMA1.read_text())
    old_events = sorted(old["events"].values(), key=lambda record: record["event_id"])
    exported = CliRunner().invoke(cli, ["--db", str(db), "export", "--format", "jsonl", "-o", "-"])
    assert exported.exit_code == 0, exported.output
    assert db.read_bytes() == SCHEMA1.read_bytes()  # reading does not convert

    result = CliRunner().invoke(cli, ["--db", str(db), "forget", "no-such-id"])
    assert "converted to the partitioned layout" in result.output
    manifest = json.loads(db.read_text())
    assert manifest["meta"]["1"]["schema_version"] == 2
    with Store(db, read_only=True) as store:
        assert sorted(store.document_hashes()) == sorted(r["doc_id"] for r in old["documents"].values())
        assert sorted((e.to_dict() for e in store.events()), key=lambda r: r["event_id"]) == old_events
    again = CliRunner().invoke(cli, ["--db", str(db), "forget", "no-such-id"])
    assert "converted" not in again.output


def test_adding_an_article_merges_again_only_what_it_touched_and_rewrites_few_parts(seeds_db, tmp_path):
    with Store(seeds_db, read_only=True) as store:
        documents = list(store.documents())
    db = tmp_path / "db.json"
    later = [  # the same articles a year later and under other ids: other months, other events
        replace(
            document,
            doc_id=f"{document.doc_id}~1",
            published=date(2030, 1 + number, 1),
            mentions=tuple(replace(m, doc_id=f"{document.doc_id}~1") for m in document.mentions),
        )
        for number, document in enumerate(documents)
    ]
    with Store(db) as store:
        store.put_documents(documents[1:] + later)
        store.merge_changes(60.0)
    before = part_files(db)
    with Store(db) as store:
        store.put_documents(documents[:1])
        store.merge_changes(60.0)
        store.flush()
        events = store.events()
    after = part_files(db)
    assert groups(events) == groups(merge_mentions(m for d in documents + later for m in d.mentions))
    rewritten = after - before
    month = document_part(documents[0].published.isoformat() if documents[0].published else None)
    assert {name.split(".")[0] for name in rewritten if name.startswith("documents-")} == {month}
    assert {name for name in before if name.startswith("documents-2030")} <= after  # months it did not touch
    view = open_view(db)  # updated, not rebuilt: the same as building it from every event
    assert view.columns == build_columns([event.to_dict() for event in events])[0]
    assert [view.read(row)["event_id"] for row in range(len(events))] == view.columns["event_id"]
    view.close()
    for name in after:  # each part is a TinyDB database of one table
        assert len(TinyDB(Path(f"{db}.parts") / name).tables()) == 1


def test_a_write_stopped_before_its_manifest_leaves_the_last_complete_write(seeds_db_copy, monkeypatch):
    with Store(seeds_db_copy, read_only=True) as store:
        first = store.documents().__next__()
        events_before = [e.to_dict() for e in store.events()]
    manifest = seeds_db_copy.read_bytes()

    def refuse(*args):
        raise StoreError(f"{seeds_db_copy}: cannot write the database (No space left on device)")

    store = Store(seeds_db_copy)
    store.remove_documents([first.doc_id])
    store.merge_changes(60.0)
    monkeypatch.setattr("timeline.store.AtomicJSONStorage.write", lambda self, data: refuse())
    with pytest.raises(StoreError, match="No space left"):
        store.flush()
    store.close()
    assert seeds_db_copy.read_bytes() == manifest
    with Store(seeds_db_copy) as store:  # parts written for the lost commit are gone, the old ones read
        assert first.doc_id in store.document_hashes()
        assert [e.to_dict() for e in store.events()] == events_before
    named = {r["file"] for r in json.loads(seeds_db_copy.read_text())["parts"].values()}
    assert part_files(seeds_db_copy) == named


def test_a_manifest_naming_a_file_outside_its_parts_is_refused_and_nothing_is_removed(seeds_db_copy, tmp_path):
    victim = tmp_path / "keep.json"
    victim.write_text("{}")
    manifest = json.loads(seeds_db_copy.read_text())
    manifest["parts"]["1"]["file"] = "../keep.json"
    seeds_db_copy.write_text(json.dumps(manifest))
    for command in (["forget", "x"], ["companies"]):
        result = CliRunner().invoke(cli, ["--db", str(seeds_db_copy), *command])
        assert result.exit_code == 1 and "not a timeline database (part file '../keep.json')" in result.output
    assert victim.read_text() == "{}"


def test_a_report_joining_the_period_inside_a_story_event_is_merged_again(tmp_path):
    """An event of the story's day holds a sentence dated by the quarter it reports; another article's report of
    that quarter, added later, joins it as merging everything would, though the event's own date is a day."""
    from timeline.models import DateValue, Document, Mention

    quarter = DateValue("2008-Q3", date(2008, 7, 1), date(2008, 9, 30), "quarter", text="the third quarter")
    day = DateValue("2008-10-15", date(2008, 10, 15), date(2008, 10, 15), "day", text="Wednesday")

    def document(doc_id: str, *told: tuple[str, DateValue, dict]) -> Document:
        text = "\n\n".join(sentence for sentence, _, _ in told)
        mentions, start = [], 0
        for sentence, when, flags in told:
            mentions.append(
                Mention(doc_id, doc_id, start, start + len(sentence), sentence, ("Corvina Bank",), when, **flags)
            )
            start += len(sentence) + 2
        return Document(doc_id, doc_id, text, published=date(2008, 10, 15), mentions=tuple(mentions))

    story = document(
        "story",
        ("Corvina Bank profit falls 20 percent", day, {"is_headline": True}),
        ("Corvina Bank added $300 million to its loan loss reserves in the quarter", quarter, {"retells_story": True}),
    )
    later = document("later", ("Corvina Bank added $300 million to loan loss reserves in the quarter", quarter, {}))
    db = tmp_path / "db.json"
    with Store(db) as store:
        store.put_documents([story])
        store.merge_changes(60.0)
    with Store(db) as store:
        store.put_documents([later])
        store.merge_changes(60.0)
        events = store.events()
    assert groups(events) == groups(merge_mentions([*story.mentions, *later.mentions]))
