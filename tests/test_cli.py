"""Every command through click's CliRunner, and every command's --help."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import SEEDS

from timeline.cli import cli

COMMANDS = sorted(cli.commands)


def run(*args, stdin=None):
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


@pytest.mark.parametrize("command", [[], *[[name] for name in COMMANDS]])
def test_help(command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output and len(result.output.splitlines()) > 5


def test_help_names_the_config_file_and_environment():
    output = run("--help").output
    assert "timeline.toml" in output and "TIMELINE_DB" in output


def test_ingest_export_companies(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    db = str(tmp_path / "db.json")
    result = run("--db", db, "ingest", "-q", str(tmp_path / "seeds"))
    assert result.exit_code == 0, result.output
    assert "5 added" in result.output
    out = tmp_path / "events.csv"
    result = run("--db", db, "export", "-o", str(out))
    assert result.exit_code == 0 and "events written" in result.output
    rows = list(csv.DictReader(out.open()))
    assert rows and all(row["event_id"] for row in rows)
    renault = run("--db", db, "export", "--company", "Renault", "--format", "jsonl").output
    assert all("Renault" in json.loads(line)["companies"] for line in renault.splitlines())
    assert "Renault" in run("--db", db, "companies").output
    empty = run("--db", db, "export", "--search", "no such words anywhere").output
    assert empty.strip() == next(io.StringIO(out.read_text())).strip()


def test_ingest_reports_failures_with_exit_code_1(tmp_path):
    (tmp_path / "ok.txt").write_text("Renault news\n\nRenault said in 2020 it grew.")
    (tmp_path / "empty.txt").write_text("")
    result = run("--db", str(tmp_path / "db.json"), "ingest", "-q", str(tmp_path), str(tmp_path / "nope"))
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.output and "nope: no such file" in result.output
    assert "1 added" in result.output


def test_export_without_database_says_how_to_start(tmp_path):
    result = run("--db", str(tmp_path / "none.json"), "export")
    assert result.exit_code == 1 and "timeline ingest" in result.output


def test_bad_since_is_a_one_line_error(tmp_path):
    result = run("--db", str(tmp_path / "none.json"), "export", "--since", "whenever")
    assert result.exit_code == 1 and "cannot read 'whenever'" in result.output


def test_dates_command_jsonl_records(tmp_path):
    source = tmp_path / "docs.jsonl"
    source.write_text(json.dumps({"id": "d1", "published": "2024-04-26", "text": "Renault said on Friday."}) + "\n")
    lines = run("dates", str(source)).output.splitlines()
    row = json.loads(lines[0])
    assert (row["doc_id"], row["text"], row["value"], row["type"]) == ("d1", "Friday", "2024-04-26", "DATE")
    assert "Renault said on Friday."[row["start"] : row["end"]] == "Friday"


def test_dates_command_stdin_table():
    result = run("dates", "-", "--published", "2024-04-26", "--format", "table", stdin="It grew in early 2022.")
    assert "2022" in result.output and "START" in result.output


def test_dates_command_dates_a_text_given_without_a_date_by_its_dateline():
    text = "WASHINGTON, August 11, 1998 (Xinhua) -- Albright said on Tuesday that she would go."
    rows = [json.loads(line) for line in run("dates", "-", stdin=text).output.splitlines()]
    found = [(row["text"], row["value"]) for row in rows]
    assert found == [("August 11, 1998", "1998-08-11"), ("Tuesday", "1998-08-11")]


def test_the_users_config_file_adds_aliases_and_exclusions(tmp_path):
    """What the small model and the gazetteer get wrong, the user's timeline.toml fixes."""
    config = tmp_path / "timeline.toml"
    config.write_text(
        '[companies.aliases]\n"the diamond brand" = "Renault"\n"Zentro Motorworks" = "Zentro Motors"\n\n'
        '[companies]\nexclude = ["Li Auto"]\n',
        encoding="utf-8",
    )
    article = tmp_path / "news.md"
    article.write_text(
        "---\ntitle: Talks\npublished: 2024-05-03\n---\n"
        "Zentro Motorworks signed a deal with the diamond brand on Monday.\n\n"
        "Li Auto said on Tuesday it had opened a plant.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "db.json")
    assert run("--config", str(config), "--db", db, "ingest", "-q", str(article)).exit_code == 0
    output = run("--config", str(config), "--db", db, "export", "--format", "jsonl", "-o", "-").output
    companies = {name for line in output.splitlines() for name in json.loads(line)["companies"]}
    assert {"Zentro Motors", "Renault"} <= companies
    assert "Li Auto" not in companies
