"""Bare `timeline` and `timeline ui`: which database gets the samples, and the app's need of a terminal."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from terminal import TerminalSession

from timeline.cli import cli
from timeline.config import standard_db_path
from timeline.store import Store


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_a_missing_named_database_is_reported_not_created_and_filled(tmp_path):
    typo = tmp_path / "typo.json"
    result = run("--db", str(typo))
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {typo}: no such database (check the name; `timeline --db {typo} ingest PATH` creates it)"
    ]
    assert not typo.exists() and not standard_db_path().exists()


def test_the_app_says_it_needs_a_terminal_when_output_is_redirected(seeds_db_copy):
    result = run("ui", "--db", str(seeds_db_copy))
    assert result.exit_code == 1
    [line] = result.output.strip().splitlines()
    assert "needs a terminal" in line and "timeline export" in line


def test_a_missing_named_database_is_created_empty_only_when_the_user_says_so(tmp_path):
    new = tmp_path / "new.json"
    session = TerminalSession(["--db", str(new)], env={})
    session.read_until(r"no such database\. Create an empty one there\? \[y/N\]")
    session.type("n\r")
    assert session.wait() == 1 and "nothing was created" in session.text
    assert not new.exists()
    session = TerminalSession(["--db", str(new)], env={})
    session.read_until(r"Create an empty one there\?")
    session.type("y\r")
    session.read_until("No events yet")  # the app, on the new database, without the samples
    session.type("q")
    assert session.wait() == 0
    with Store(new, read_only=True) as store:
        assert store.count_documents() == 0


@pytest.mark.slow
def test_bare_timeline_fills_the_default_database_with_the_samples_then_opens_the_app(tmp_path):
    session = TerminalSession([], env={}, cwd=tmp_path)
    session.read_until("ingesting the sample articles")
    session.read_until("Renault")
    session.type("q")
    assert session.wait() == 0
    with Store(standard_db_path(), read_only=True) as store:
        assert sorted(d.doc_id for d in store.documents())[0] == "seeds/000_2d0dbaa153dea599.txt"
