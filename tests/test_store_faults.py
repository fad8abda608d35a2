"""Issue 19, items 14 to 17: the store and the files it writes under faults: an ingest killed mid-way,
targets that are not regular files, foreign or hand-edited databases, read-only places and full disks."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest
from conftest import make_settings

from timeline.pipeline import FLUSH_EVERY, ingest
from timeline.store import Store


def mentions_missing_from_events(db) -> set[tuple[str, str]]:
    """(doc_id, doc_hash) of stored documents whose mentions no event holds."""
    with Store(db, read_only=True) as store:
        stored = {(d.doc_id, d.doc_hash) for d in store.documents() if d.mentions}
        merged = {(m.doc_id, m.doc_hash) for event in store.events() for m in event.mentions}
    return stored - merged


def write_articles(folder, count: int) -> None:
    folder.mkdir()
    for number in range(count):
        (folder / f"{number:04d}.txt").write_text(
            f"Zorbex{number} Corp buys Quillon{number} Inc\n\n"
            f"Zorbex{number} Corp said on Monday it bought Quillon{number} Inc for $5 million.\n",
            encoding="utf-8",
        )


@pytest.mark.slow
def test_an_ingest_killed_after_a_periodic_flush_gets_its_events_on_the_next_ingest(tmp_path):
    db = tmp_path / "db.json"
    write_articles(tmp_path / "first", 1)
    with Store(db) as store:
        ingest([tmp_path / "first"], store, make_settings(db), published=None)
    stamp = db.stat().st_mtime_ns
    write_articles(tmp_path / "many", FLUSH_EVERY + 150)
    command = [sys.executable, "-m", "timeline", "--db", str(db), "ingest", "-q", "-j", "1",
               "--published", "2024-03-04", str(tmp_path / "many")]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while db.stat().st_mtime_ns == stamp and process.poll() is None:
            time.sleep(0.005)  # until the periodic flush has written the first documents
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    assert process.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"
    with Store(db, read_only=True) as store:
        assert FLUSH_EVERY <= store.count_documents() < FLUSH_EVERY + 151
    assert mentions_missing_from_events(db)  # the state the kill leaves

    with Store(db) as store:  # the next ingest, of articles all stored unchanged
        report = ingest([tmp_path / "first"], store, make_settings(db), published=None)
    assert report.added == 0 and report.unchanged == 1
    assert not mentions_missing_from_events(db)
    assert report.events >= FLUSH_EVERY
