"""Nothing lost, nothing injected: crashes, hostile files, odd encodings."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import pytest
from conftest import as_ordinary_user

from timeline.sources import SourceError, read_paths
from timeline.store import Store


def errors_and_articles(*paths, **options):
    items = list(read_paths(paths, **options))
    return [str(i) for i in items if isinstance(i, SourceError)], [i for i in items if not isinstance(i, SourceError)]


@pytest.mark.slow
def test_kill_9_mid_ingest_keeps_every_document_reported_stored(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(700):
        (folder / f"{number:04d}.txt").write_text(f"Story {number}\n\nAcme Corp said on Monday it sold {number} units.")
    db = tmp_path / "db.json"
    process = subprocess.Popen(
        [sys.executable, "-m", "timeline", "-v", "--db", str(db), "ingest", "-q", "--jobs", "1", str(folder)],
        stderr=subprocess.PIPE,
        text=True,
    )
    reported = 0
    deadline = time.time() + 240
    while time.time() < deadline:
        line = process.stderr.readline()
        if "documents stored" in line:
            reported = int(line.split()[1])
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert reported >= 200
    with Store(db, read_only=True) as store:
        assert store.count_documents() >= reported
    assert not list(tmp_path.glob(".db.json.*.tmp")) or db.exists()


def test_sparse_gigabyte_file_is_refused_by_the_size_limit(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(1 << 30)
    errors, _ = errors_and_articles(huge)
    assert len(errors) == 1 and "over the 20 MB limit" in errors[0]


def test_odd_inputs_each_get_one_clear_message_and_the_rest_is_read(tmp_path):
    (tmp_path / "nested.json").write_text("[" * 100000 + "]" * 100000)
    (tmp_path / "bad-utf8.txt").write_bytes(b"Acme news\n\nAcme \xff\xfe said \xc3\x28 in 2020.")
    (tmp_path / "nul.txt").write_bytes(b"Acme\x00news" * 100)
    (tmp_path / "script.html").write_text("<html><body>" + "<script>x=1;</script>" * 5000 + "</body></html>")
    (tmp_path / "long.txt").write_text("Acme said in 2020 it grew. " * 200000)
    (tmp_path / "good.md").write_text("# Good\n\nAcme said in 2021 it grew.")
    errors, articles = errors_and_articles(tmp_path)
    assert {a.doc_id.rsplit("/", 1)[1] for a in articles} >= {"good.md", "bad-utf8.txt", "long.txt"}
    assert all("\n" not in e and str(tmp_path) in e for e in errors)
    assert any("nested.json" in e for e in errors) and any("nul.txt: binary" in e for e in errors)
    assert any("script.html: no article text" in e for e in errors)


def test_unreadable_file(shared_tmp_path):
    locked = shared_tmp_path / "locked.txt"
    locked.write_text("text")
    locked.chmod(0)
    with as_ordinary_user():
        errors, _ = errors_and_articles(locked)
    assert "cannot read file" in errors[0]


def test_corrupt_database_is_not_overwritten_by_ingest(tmp_path):
    from click.testing import CliRunner

    from timeline.cli import cli

    db = tmp_path / "db.json"
    db.write_text('{"documents": {"1": ')
    (tmp_path / "a.txt").write_text("Acme\n\nAcme said in 2020 it grew.")
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", "-q", str(tmp_path / "a.txt")])
    assert result.exit_code == 1 and "corrupt or truncated" in result.output and str(db) in result.output
    assert db.read_text() == '{"documents": {"1": '


def test_view_index_is_ignored_when_the_database_changed(tmp_path):
    from timeline.view import read_view, write_view

    db = tmp_path / "db.json"
    db.write_text(json.dumps({"events": {}}))
    write_view(db, [])
    assert read_view(db) is not None
    db.write_text(json.dumps({"events": {}, "meta": {}}))
    assert read_view(db) is None


def test_a_utf16_mark_on_bytes_that_are_not_utf16(tmp_path):
    (tmp_path / "odd.txt").write_bytes(b"\xff\xfeAcme news\n\nAcme said in 2020 it grew.")
    errors, articles = errors_and_articles(tmp_path / "odd.txt")
    assert len(errors) + len(articles) == 1 and all("odd.txt" in e for e in errors)


@pytest.mark.slow
def test_two_ingests_on_one_database_lose_nothing(tmp_path):
    for name, count in (("a", 60), ("b", 40)):
        folder = tmp_path / name
        folder.mkdir()
        for number in range(count):
            (folder / f"{number:03d}.txt").write_text(
                f"{name} {number}\n\nAcme Corp said in 2020 it sold {number} units."
            )
    db = tmp_path / "db.json"
    command = [sys.executable, "-m", "timeline", "--db", str(db), "ingest", "-q", "--jobs", "1"]
    first = subprocess.Popen([*command, str(tmp_path / "a")], stderr=subprocess.PIPE, text=True)
    time.sleep(1.0)
    second = subprocess.Popen([*command, str(tmp_path / "b")], stderr=subprocess.PIPE, text=True)
    assert first.wait(timeout=300) == 0 and second.wait(timeout=300) == 0, second.stderr.read()
    with Store(db, read_only=True) as store:
        assert store.count_documents() == 100
