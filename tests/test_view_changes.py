"""Issue 17: a reload after an ingest reads what the ingest changed, not the whole view index; the rows it
builds are those of the index written for the database, and an app never reads a line of another write."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tui.fixtures import TODAY, make_records

from timeline.models import Event
from timeline.store import Store
from timeline.tui import make_app
from timeline.tui.widgets import EventDetail
from timeline.view import open_view, update_view


def store_events(db: Path, records) -> None:
    with Store(db) as store:  # every event written: the view written whole
        store.replace_events(Event.from_dict(record) for record in records)


def update(db: Path, removed=(), added=()) -> None:
    """What the store does to the view after an incremental merge: the rows of `removed` events dropped,
    those of `added` ones placed."""
    before = db.stat()
    os.utime(db, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))  # the database was written
    assert update_view(db, set(removed), list(added), before)


def changed(record: dict) -> dict:
    return {**record, "summary": record["summary"] + " (updated)"}


def same_view(reopened, fresh) -> None:
    assert reopened.columns == fresh.columns
    assert reopened.header["offsets"] == fresh.header["offsets"]
    rows = range(len(fresh.columns["event_id"]))
    assert [reopened.read(row) for row in rows] == [fresh.read(row) for row in rows]


def test_a_view_reopened_after_updates_is_the_view_written_for_the_database(tmp_path):
    db = tmp_path / "db.json"
    records = make_records()
    store_events(db, records[2:])
    shown = open_view(db)
    update(db, added=records[:1])  # a new event
    update(db, removed=["e003"], added=[changed(records[3]), records[1]])  # one replaced, one new
    update(db, removed=["e006"])  # one gone
    reopened = shown.reopened()
    fresh = open_view(db)
    assert reopened is not None and not reopened.replaced()
    assert fresh.columns["event_id"] == ["e000", "e001", "e002", "e003", "e004", "e005", "e007"]
    assert fresh.read(3)["summary"].endswith("(updated)")
    same_view(reopened, fresh)
    assert shown.columns["event_id"] == [record["event_id"] for record in records[2:]]  # left as it was
    again = reopened.reopened()  # nothing since: the same rows
    same_view(again, fresh)
    for view in (shown, reopened, fresh, again):
        view.close()


def test_a_view_is_not_reopened_across_a_full_write_or_from_lines_of_another_write(tmp_path):
    db = tmp_path / "db.json"
    records = make_records()
    store_events(db, records[2:])
    shown = open_view(db)
    update(db, added=records[:1])
    store_events(db, records)  # every event written again: no update leads from the view shown
    assert shown.reopened() is None
    shown.close()

    shown = open_view(db)
    lines = Path(f"{db}.view.jsonl")
    kept = lines.read_bytes()
    update(db, removed=["e006"])
    lines.write_bytes(kept)  # the lines of an older write beside the updates of a newer one
    assert shown.reopened() is None
    shown.close()


async def test_a_reload_after_an_ingest_reads_only_what_it_changed(tmp_path):
    db = tmp_path / "db.json"
    records = make_records()
    store_events(db, records[1:])
    app = make_app(db, today=TODAY)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        update(db, removed=["e006", "e003"], added=[records[0], changed(records[3])])  # an ingest elsewhere
        # neither the whole index nor the database's parts are there to be read: only the updates
        index, parts = Path(f"{db}.view.json"), Path(f"{db}.parts")
        shutil.move(index, tmp_path / "index-away")
        shutil.move(parts, tmp_path / "parts-away")
        try:
            await pilot.press("r")
            await app.workers.wait_for_complete()
            await pilot.pause()
        finally:
            shutil.move(tmp_path / "index-away", index)
            shutil.move(tmp_path / "parts-away", parts)
        fresh = open_view(db)
        assert app.model.columns == fresh.columns
        assert app.model.columns["event_id"] == ["e000", "e001", "e002", "e003", "e004", "e005", "e007"]
        assert any("1 new, 1 gone" in message for message in app.status_line.history)
        for row in range(len(app.model)):
            assert app.model.event(row).to_dict() == Event.from_dict(fresh.read(row)).to_dict()
        await pilot.press("g")
        await pilot.pause()
        assert "Renault" in str(app.query_one(EventDetail).query_one("#detail-body").render())
        fresh.close()
