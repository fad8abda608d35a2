"""Export files as users receive them: the `inferred` column, permissions, and where they may be written."""

from __future__ import annotations

import csv
import io
import os
import stat
import subprocess
import sys
from datetime import date

import pytest
from click.testing import CliRunner

from timeline.cli import cli
from timeline.export import CSV_COLUMNS, write_file, write_filter_sidecar, write_stream
from timeline.models import DateValue, Event, Mention
from timeline.query import Filter
from timeline.store import Store

DAY = DateValue("2024-04-26", date(2024, 4, 26), date(2024, 4, 26), "day")


def mention(doc_id: str, when: DateValue | None) -> Mention:
    sentence = "Renault sold its stake."
    return Mention(doc_id, "h-" + doc_id, 0, len(sentence), sentence, ("Renault",), when, title=sentence)


INFERRED = Event("inf", DAY, ("Renault",), "Renault sold its stake.", [mention("a", DAY), mention("b", None)])
OWN_DATE = Event("own", DAY, ("Renault",), "Renault sold its stake.", [mention("c", DAY)])


def test_csv_says_when_a_date_is_inferred_from_another_report():
    out = io.StringIO()
    write_stream([INFERRED, OWN_DATE], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert CSV_COLUMNS[-1] == "inferred"
    assert [(row["event_id"], row["inferred"]) for row in rows] == [("inf", "true"), ("own", "false")]


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_export_and_its_filter_file_get_the_same_ordinary_permissions(tmp_path, umask_022):
    path = tmp_path / "events.csv"
    write_file([OWN_DATE], path)
    sidecar = write_filter_sidecar(path, Filter(), 1)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert stat.S_IMODE(sidecar.stat().st_mode) == 0o644
    path.chmod(0o640)
    write_file([OWN_DATE], path)  # replacing a file keeps its permissions
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_to_a_missing_folder_is_an_error_not_a_new_folder(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_file([OWN_DATE], tmp_path / "typo" / "events.csv")
    assert not (tmp_path / "typo").exists()


def test_cli_export_to_a_missing_folder_says_so_in_one_line(tmp_path):
    db = tmp_path / "db.json"
    with Store(db) as store:
        store.replace_events([OWN_DATE])
    result = CliRunner().invoke(cli, ["--db", str(db), "export", "-o", str(tmp_path / "typo" / "x.csv")])
    assert result.exit_code == 1
    assert (
        result.output.strip().splitlines()[-1]
        == f"Error: {tmp_path / 'typo' / 'x.csv'}: cannot write (no such folder: {tmp_path / 'typo'})"
    )


def test_export_to_a_reader_that_stops_reading_ends_quietly(tmp_path):
    """`timeline export | head` and `| grep -q`: the reader closing the pipe is no error to report."""
    db = tmp_path / "db.json"
    many = [
        Event(f"e{n}", DAY, ("Renault",), "Renault sold its stake. " * 20, [mention(f"d{n}", DAY)]) for n in range(3000)
    ]
    with Store(db) as store:
        store.replace_events(many)
    command = [sys.executable, "-m", "timeline", "--db", str(db), "export", "--format", "jsonl", "-o", "-"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.read(100)
    process.stdout.close()
    process.wait(timeout=60)
    assert b"Error" not in process.stderr.read()
