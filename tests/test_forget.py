"""`timeline forget` (issue 17): articles leave the store with their events; an event other articles report
too stays, merged again from them as an ingest would, in one atomic write under the lock."""

from __future__ import annotations

import json
import threading

from click.testing import CliRunner
from conftest import make_settings

from timeline.cli import cli
from timeline.pipeline import ingest
from timeline.store import Store

SHARED = "000_2d0dbaa153dea599.txt"  # with 001, reports Renault's talks with Li Auto and Xiaomi


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def stored(db):
    with Store(db, read_only=True) as store:
        documents = sorted(document.doc_id for document in store.documents())
        events = sorted((e.to_dict() for e in store.events()), key=lambda e: e["event_id"])
    return documents, events


def test_forgetting_an_article_leaves_the_events_an_ingest_without_it_gives(seeds_db, seeds_db_copy, tmp_path):
    seeds = seeds_db.parent / "seeds"
    documents_before, events_before = stored(seeds_db_copy)
    forgotten = str(seeds / SHARED)
    assert forgotten in documents_before

    result = run("--db", str(seeds_db_copy), "forget", forgotten)
    assert result.exit_code == 0, result.output
    alone = sum(all(m["doc_id"] == forgotten for m in e["mentions"]) for e in events_before)
    kept = sum(any(m["doc_id"] == forgotten for m in e["mentions"]) for e in events_before) - alone
    assert kept >= 1
    assert result.output == (
        f"1 article forgotten: {alone} events removed, {kept} kept for their other sources; "
        f"{len(events_before) - alone} events in {seeds_db_copy}\n"
    )
    documents, events = stored(seeds_db_copy)
    assert documents == [doc_id for doc_id in documents_before if doc_id != forgotten]
    assert all(m["doc_id"] != forgotten for e in events for m in e["mentions"])

    fresh = tmp_path / "fresh.json"
    with Store(fresh) as store:
        others = [seeds / name for name in sorted(path.name for path in seeds.iterdir()) if name != SHARED]
        ingest(others, store, make_settings(fresh))
    assert stored(fresh) == (documents, events)
    view = json.loads((seeds_db_copy.parent / f"{seeds_db_copy.name}.view.json").read_text())
    assert forgotten not in json.dumps(view)


def test_forget_by_source_folder_or_file_and_unknown_ids_get_a_line_each(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news" / "old").mkdir(parents=True)
    (tmp_path / "news" / "old" / "a.txt").write_text("Acme news\n\nAcme Corp said on Monday it sold 20 units.")
    (tmp_path / "news" / "old" / "b.md").write_text("Beta news\n\nBeta Inc said on Monday it hired 40 people.")
    (tmp_path / "news" / "new.txt").write_text("Gamma news\n\nGamma Ltd said on Monday it opened a plant.")
    records = [{"id": f"f{n}", "text": f"Delta Corp sold {n} ships.", "published": "2024-04-26"} for n in (2, 3)]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    db = str(tmp_path / "db.json")
    assert run("--db", db, "ingest", "-q", "--published", "2024-04-29", "news", "feed.jsonl").exit_code == 0

    result = run("--db", db, "forget", "--source", str(tmp_path / "news" / "old"), "--source", "./feed.jsonl", "f2")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("4 articles forgotten: ")
    assert stored(db)[0] == ["news/new.txt"]
    assert {m["doc_id"] for e in stored(db)[1] for m in e["mentions"]} == {"news/new.txt"}

    result = run("--db", db, "forget", "nope", "news/new.txt", "--source", "elsewhere/")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "error: nope: no stored article has this id",
        "error: elsewhere/: no stored article was read from this path",
        f"1 article forgotten: 1 event removed, 0 kept for their other sources; 0 events in {db}",
    ]
    assert stored(db) == ([], [])


def test_forget_changes_nothing_when_nothing_matches_and_asks_for_something_to_forget(seeds_db_copy):
    before = seeds_db_copy.read_bytes()
    result = run("--db", str(seeds_db_copy), "forget", "no-such-id")
    assert result.exit_code == 1 and "error: no-such-id: no stored article has this id" in result.output
    assert seeds_db_copy.read_bytes() == before
    result = run("--db", str(seeds_db_copy), "forget")
    assert result.exit_code == 2 and "IDS, or --source PATH" in result.output
    assert seeds_db_copy.read_bytes() == before


def test_forget_waits_for_another_writer_to_finish_and_then_forgets(seeds_db_copy):
    before = seeds_db_copy.read_bytes()
    [doc_id, *others] = stored(seeds_db_copy)[0]
    results = []
    with Store(seeds_db_copy):  # another process's ingest holds the lock
        worker = threading.Thread(target=lambda: results.append(run("--db", str(seeds_db_copy), "forget", doc_id)))
        worker.start()
        worker.join(timeout=1.0)
        assert worker.is_alive() and seeds_db_copy.read_bytes() == before
    worker.join()
    assert results[0].exit_code == 0 and stored(seeds_db_copy)[0] == others
