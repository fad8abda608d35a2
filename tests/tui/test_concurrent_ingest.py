"""Issue 19, item 12: an ingest in another process while the app is open never shows a wrong event or
crashes the app; the app says the database changed and `r` reads the new one."""

from __future__ import annotations

from timeline.models import Event
from timeline.store import Store
from timeline.tui import make_app
from timeline.tui.widgets import EventDetail, TimelineList
from timeline.view import open_view
from tui.fixtures import TODAY, make_records


def store_events(db, records) -> None:
    with Store(db) as store:  # what an ingest finishing in another terminal does
        store.replace_events(Event.from_dict(record) for record in records)


def test_an_open_view_reads_the_events_it_was_opened_with_after_the_files_are_replaced(tmp_path):
    db = tmp_path / "db.json"
    records = make_records()
    store_events(db, records[5:])
    view = open_view(db)
    assert view is not None and not view.replaced()
    ids = view.columns["event_id"]
    store_events(db, records)  # every event now at another offset of a new lines file
    store_events(db, records[:2])
    assert [view.read(row)["event_id"] for row in range(len(ids))] == ids
    assert view.replaced()
    view.close()
    fresh = open_view(db)
    assert fresh.columns["event_id"] == ["e000", "e001"] and fresh.read(1)["event_id"] == "e001"
    fresh.close()


def test_a_view_whose_lines_belong_to_another_write_is_not_used(tmp_path):
    db = tmp_path / "db.json"
    records = make_records()
    store_events(db, records[5:])
    lines = tmp_path / "db.json.view.jsonl"
    kept = lines.read_bytes()
    store_events(db, records[:3])
    view = open_view(db)
    assert view is not None
    view.close()
    lines.write_bytes(kept)  # the index of one write beside the lines of another, of the same size or not
    assert open_view(db) is None


async def test_the_app_keeps_showing_the_events_it_read_and_says_the_database_changed(tmp_path):
    db = tmp_path / "db.json"
    records = make_records()
    store_events(db, records[5:])
    app = make_app(db, today=TODAY)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("g")  # the oldest event, e005
        store_events(db, records)
        await pilot.press("j")
        await pilot.pause()
        assert app.is_running
        timeline = app.query_one(TimelineList)
        assert timeline.current_event_id() == "e006"
        detail = str(app.query_one(EventDetail).query_one("#detail-body").render())
        assert "A message was posted on Friday on LinkedIn" in detail and "articles/006.txt" in detail
        assert any("press r to reload" in message for message in app.status_line.history)
        await pilot.press("j")  # said once
        assert sum("press r to reload" in message for message in app.status_line.history) == 1
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.model) == 8 and timeline.current_event_id() == "e007"
        detail = str(app.query_one(EventDetail).query_one("#detail-body").render())
        assert "Volkswagen" in detail
