"""Issue 19, items 14 to 17: the store and the files it writes under faults: an ingest killed mid-way,
targets that are not regular files, foreign or hand-edited databases, read-only places and full disks."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from conftest import make_settings

from timeline.cli import cli
from timeline.models import Event, Mention
from timeline.pipeline import FLUSH_EVERY, ingest
from timeline.store import Store, StoreError


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


# item 15: the targets of export -o and of the database write stay what they are


def database_with_events(db, count: int = 2) -> None:
    mentions = [
        Mention(doc_id=f"a{n}.txt", doc_hash=f"h{n}", start=0, end=10, sentence=f"Acme {n} grew.",
                companies=("Acme",), date=None)
        for n in range(count)
    ]  # fmt: skip
    with Store(db) as store:
        store.replace_events(Event(f"e{n}", None, ("Acme",), m.sentence, [m]) for n, m in enumerate(mentions))


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def one_line_error(result, *words: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and all(word in lines[0] for word in words), result.output


def test_export_to_a_named_pipe_writes_into_the_pipe(tmp_path):
    db = tmp_path / "db.json"
    database_with_events(db)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # a reader waiting, as `cat pipe` would be
    try:
        result = run("--db", str(db), "export", "--format", "jsonl", "-o", str(pipe))
        assert result.exit_code == 0, result.output
        received = os.read(reader, 1 << 20).decode()
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert [json.loads(line)["event_id"] for line in received.splitlines()] == ["e0", "e1"]


def test_export_to_a_full_device_is_one_line(tmp_path):
    db = tmp_path / "db.json"
    database_with_events(db)
    full = tmp_path / "full"
    full.symlink_to("/dev/full")  # the device, reached through a link in a folder of the test's own
    one_line_error(run("--db", str(db), "export", "-o", str(full)), str(full), "No space left on device")
    assert os.readlink(full) == "/dev/full" and stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_export_to_a_folder_is_one_line(tmp_path):
    db = tmp_path / "db.json"
    database_with_events(db)
    folder = tmp_path / "out"
    folder.mkdir()
    one_line_error(run("--db", str(db), "export", "-o", str(folder)), str(folder), "folder")
    assert folder.is_dir() and not list(folder.iterdir())


def test_writes_through_a_link_change_the_file_it_names_and_keep_the_link(tmp_path):
    real = tmp_path / "data" / "db.json"
    real.parent.mkdir()
    database_with_events(real, 1)
    link = tmp_path / "db.json"
    link.symlink_to(real)
    database_with_events(link, 2)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert run("--db", str(real), "companies").output.split() == ["2", "Acme"]
    export = tmp_path / "events.csv"
    export.symlink_to(tmp_path / "data" / "events.csv")
    assert run("--db", str(link), "export", "-o", str(export)).exit_code == 0
    assert export.is_symlink() and (tmp_path / "data" / "events.csv").read_text().count("grew") == 2


def test_the_database_and_its_view_keep_the_permissions_they_were_given(tmp_path):
    db = tmp_path / "db.json"
    database_with_events(db, 1)
    db.chmod(0o664)  # shared with a group
    database_with_events(db, 2)
    assert stat.S_IMODE(db.stat().st_mode) == 0o664
    for view in tmp_path.glob("db.json.view.*"):
        assert stat.S_IMODE(view.stat().st_mode) == 0o664


def test_a_read_only_database_is_refused_with_one_line_and_left_untouched(tmp_path):
    db = tmp_path / "db.json"
    database_with_events(db, 1)
    db.chmod(0o444)
    before = db.read_bytes()
    with pytest.raises(StoreError, match="read-only"):
        Store(db)
    (tmp_path / "a.txt").write_text("Acme grows\n\nAcme said on Monday it grew.")
    one_line_error(run("--db", str(db), "ingest", "-q", str(tmp_path / "a.txt")), str(db), "read-only")
    assert db.read_bytes() == before and stat.S_IMODE(db.stat().st_mode) == 0o444
    assert run("--db", str(db), "companies").output.split() == ["1", "Acme"]  # reading it still works


# item 16: a hand-edited or foreign database is refused with one line and never written

META = '"meta": {"1": {"schema_version": 1}}'
NOT_OURS = {
    "schema version a string": '{"meta": {"1": {"schema_version": "2"}}}',
    "schema version a list": '{"meta": {"1": {"schema_version": [2]}}}',
    "schema version true": '{"meta": {"1": {"schema_version": true}}}',
    "meta a list": '{"meta": [{"schema_version": 1}]}',
    "two meta records": '{"meta": {"1": {"schema_version": 1}, "2": {"schema_version": 1}}}',
    "documents a string": '{' + META + ', "documents": "none"}',
    "a record not numbered": '{' + META + ', "events": {"first": {"event_id": "e", "mentions": []}}}',
    "a document cut short": '{' + META + ', "documents": {"1": {"doc_id": "a.txt"}}}',
    "an event without mentions": '{' + META + ', "events": {"1": {"event_id": "e1"}}}',
    "a mention without its document": '{' + META + ', "events": {"1": {"event_id": "e1", "mentions": [{}]}}}',
    "another application's TinyDB file": '{"_default": {"1": {"name": "Ann", "age": 31}}}',
    "another application's empty TinyDB file": '{"_default": {}}',
    "our tables without a schema version": '{"documents": {}, "events": {}}',
}  # fmt: skip


@pytest.mark.parametrize("content", NOT_OURS.values(), ids=NOT_OURS.keys())
def test_a_database_that_is_not_ours_is_refused_with_one_line_and_never_written(tmp_path, content):
    db = tmp_path / "db.json"
    db.write_text(content)
    with pytest.raises(StoreError, match="not a timeline database"):
        Store(db)
    with pytest.raises(StoreError, match="not a timeline database"):
        Store(db, read_only=True)
    (tmp_path / "a.txt").write_text("")  # nothing to parse: the database alone decides
    for command in (["ingest", "-q", str(tmp_path / "a.txt")], ["companies"], ["export"]):
        one_line_error(run("--db", str(db), *command), str(db), "not a timeline database")
    assert db.read_text() == content
    assert {path.name for path in tmp_path.iterdir()} <= {"a.txt", "db.json", "db.json.lock"}  # no view written


def test_a_record_broken_deeper_is_refused_when_read(tmp_path):
    db = tmp_path / "db.json"
    mention = {"doc_id": "a.txt", "doc_hash": "h", "sentence": "Acme grew."}  # no offsets, no companies
    event = {"event_id": "e1", "companies": ["Acme"], "mentions": [mention]}
    content = json.dumps({"meta": {"1": {"schema_version": 1}}, "events": {"1": event}})
    db.write_text(content)
    for command in (["companies"], ["export"]):
        one_line_error(run("--db", str(db), *command), str(db), "not a timeline database", "'e1'")
    assert db.read_text() == content


async def test_the_app_says_what_is_wrong_with_a_hand_edited_database(tmp_path):
    from timeline.tui import make_app
    from timeline.tui.widgets import TimelineList

    db = tmp_path / "db.json"
    event = {"event_id": "e1", "date": {"value": "2024", "start": "soon", "end": "later"}, "mentions": []}
    db.write_text(json.dumps({"meta": {"1": {"schema_version": 1}}, "events": {"1": event}}))
    app = make_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        shown = "".join(segment.text for segment in app.query_one(TimelineList).render_line(1))
        assert "not a timeline database" in shown
        assert "soon" in app.query_one(TimelineList).empty_message  # in full on the line, cut to the width here


def test_an_empty_file_or_object_is_a_new_database(tmp_path):
    for number, content in enumerate(["", "{}"]):
        db = tmp_path / f"db{number}.json"
        db.write_text(content)
        database_with_events(db, 1)
        assert run("--db", str(db), "companies").output.split() == ["1", "Acme"]


# item 17: a read-only folder, a full disk, a folder that is a file: one line each, the data as it was


def in_private_mounts(script: str, **paths) -> subprocess.CompletedProcess:
    """Run a shell script as root in a mount namespace of its own, where it may mount a small or read-only
    file system (permissions do not stop root; a mount does). Skips where no such namespace can be made."""
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("needs `unshare -m` (root in a namespace) to make a read-only or full file system")
    environment = {**os.environ, **{name: str(value) for name, value in paths.items()}, "PYTHON": sys.executable}
    return subprocess.run(["unshare", "-m", "sh", "-euc", script], capture_output=True, text=True, env=environment)


def stored_article(tmp_path):
    """A database holding one ingested article, and the article's folder."""
    folder = tmp_path / "articles"
    write_articles(folder, 1)
    db = tmp_path / "db.json"
    with Store(db) as store:
        ingest([folder], store, make_settings(db))
    return db, folder


def test_a_folder_that_is_a_file_is_one_line(tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("not a folder")
    (tmp_path / "a.txt").write_text("")
    one_line_error(run("--db", str(plain / "db.json"), "ingest", "-q", str(tmp_path / "a.txt")), "Not a directory")
    db = tmp_path / "db.json"
    database_with_events(db)
    one_line_error(run("--db", str(db), "export", "-o", str(plain / "x.csv")), "no such folder")
    assert plain.read_text() == "not a folder"


def test_a_read_only_folder_is_one_line_and_reading_still_works(tmp_path):
    db, folder = stored_article(tmp_path)
    before = db.read_bytes()
    result = in_private_mounts(
        """
        mkdir -p "$MOUNT"; mount -t tmpfs tmpfs "$MOUNT"; cp "$DB" "$MOUNT/db.json"
        cp -r "$DB.parts" "$MOUNT/"; mount -o remount,ro "$MOUNT"
        "$PYTHON" -m timeline --db "$MOUNT/db.json" ingest -q "$ARTICLES" 2>&1 && exit 9 || echo "ingest: $?"
        "$PYTHON" -m timeline --db "$MOUNT/db.json" companies
        "$PYTHON" -m timeline --db "$MOUNT/db.json" export -o "$MOUNT/out.csv" 2>&1 && exit 9 || echo "export: $?"
        cmp "$DB" "$MOUNT/db.json" && echo same
        """,
        MOUNT=tmp_path / "mount", DB=db, ARTICLES=folder,
    )  # fmt: skip

    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "db.json: cannot write the database there (Read-only file system" in lines[0], lines
    assert lines[1] == "ingest: 1"
    assert [line.split() for line in lines[2:4]] == [["1", "Quillon0"], ["1", "Zorbex0"]]
    assert "out.csv: cannot write (Read-only file system" in lines[4] and lines[5] == "export: 1", lines
    assert lines[6:] == ["same"] and db.read_bytes() == before


def test_a_full_disk_is_one_line_and_the_database_keeps_its_last_write(tmp_path):
    db, folder = stored_article(tmp_path)
    (folder / "0001.txt").write_text(  # the next ingest has an article to store and events to merge and write
        "Zorbex1 Corp buys Quillon1 Inc\n\nZorbex1 Corp said on Monday it bought Quillon1 Inc for $5 million.\n"
    )
    before = db.read_bytes()
    result = in_private_mounts(
        """
        mkdir -p "$MOUNT"; mount -t tmpfs -o size=1m tmpfs "$MOUNT"; cp "$DB" "$MOUNT/db.json"
        cp -r "$DB.parts" "$MOUNT/"
        cat /dev/zero > "$MOUNT/filler" 2>/dev/null || true
        "$PYTHON" -m timeline --db "$MOUNT/db.json" ingest -q "$ARTICLES" 2>&1 && exit 9 || echo "ingest: $?"
        "$PYTHON" -m timeline --db "$MOUNT/db.json" export -o "$MOUNT/out.csv" 2>&1 && exit 9 || echo "export: $?"
        cmp "$DB" "$MOUNT/db.json" && echo same
        ls -A "$MOUNT"
        """,
        MOUNT=tmp_path / "mount", DB=db, ARTICLES=folder,
    )  # fmt: skip
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "db.json: cannot write the database (No space left on device)" in lines[0], lines
    assert lines[1] == "ingest: 1"
    assert "out.csv: cannot write (No space left on device" in lines[2] and lines[3] == "export: 1", lines
    assert lines[4] == "same"
    assert lines[5:] == ["db.json", "db.json.lock", "db.json.parts", "filler"]  # no temporary file left behind
    assert db.read_bytes() == before
