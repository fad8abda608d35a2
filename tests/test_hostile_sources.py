"""Hostile and odd input on the reading side: one article's problem is that article's one line, the rest
of the batch is read, and reading takes memory bounded by a record, not by the input."""

from __future__ import annotations

import json
import os
import threading
from datetime import date

import pytest
from click.testing import CliRunner
from conftest import as_ordinary_user, make_settings
from hypothesis import example, given, settings
from hypothesis import strategies as st

from timeline.cli import cli
from timeline.models import Article
from timeline.sources import SourceError, SourceWarning, count_articles, read_paths
from timeline.store import Store, StoreError

GOOD_TEXT = "Acme news\n\nAcme Corp said on Monday it sold 20 units."


def read(*paths, **options):
    items = list(read_paths(paths, **options))
    return (
        [i for i in items if isinstance(i, Article)],
        [str(i) for i in items if isinstance(i, SourceError)],
        [str(i) for i in items if isinstance(i, SourceWarning)],
    )


def run_cli(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


# item 3: integers longer than Python converts


@settings(max_examples=25, deadline=None)
@given(
    digits=st.one_of(st.integers(min_value=1, max_value=30), st.integers(min_value=4290, max_value=6000)),
    field=st.sampled_from(["views", "id", "title"]),
)
@example(digits=5000, field="views")
def test_a_json_number_of_any_length_in_any_field_leaves_the_record_readable(tmp_path_factory, digits, field):
    folder = tmp_path_factory.mktemp("numbers")
    number = "9" * digits
    line = f'{{"{field}": {number}, "text": "Acme said it grew."}}'
    (folder / "a.jsonl").write_text(line + "\n" + json.dumps({"text": "Second."}) + "\n")
    (folder / "b.json").write_text("[" + line.replace("grew", "shrank") + "]")
    articles, errors, _ = read(folder)
    assert errors == []
    assert [a.text for a in articles] == ["Acme said it grew.", "Second.", "Acme said it shrank."]
    if field == "id":
        assert articles[0].doc_id == number


def test_a_database_holding_an_integer_too_long_is_refused_with_one_line_and_left_untouched(tmp_path):
    db = tmp_path / "db.json"
    db.write_text('{"meta": {"1": {"schema_version": 1}}, "documents": {"1": {"n": ' + "9" * 5000 + "}}}")
    before = db.read_bytes()
    with pytest.raises(StoreError, match="corrupt"):
        Store(db)
    result = run_cli("--db", str(db), "companies")
    assert result.exit_code == 1 and "corrupt" in result.output and len(result.output.splitlines()) == 1
    assert db.read_bytes() == before


# item 4: YAML aliases in front matter


def test_front_matter_aliases_are_refused_in_one_line_and_the_rest_is_read(tmp_path):
    # a small "billion laughs": each level repeats the one before nine times (9**6 copies in all)
    levels = ['a0: "lol"'] + [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 7)]
    levels[0] = 'a0: &a0 "lol"'
    (tmp_path / "bomb.md").write_text("---\n" + "\n".join(levels) + "\ntitle: *a6\n---\nAcme said it grew.\n")
    (tmp_path / "good.md").write_text("---\ntitle: Good\n---\nAcme said it grew.\n")
    articles, errors, _ = read(tmp_path)
    assert [a.title for a in articles] == ["Good"]
    assert errors == [f"{tmp_path / 'bomb.md'}: front matter uses a YAML alias (line 3); aliases are not read"]


def test_a_calendar_impossible_front_matter_date_leaves_the_article_undated_with_a_warning(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: Big news\npublished: 2024-99-99\n---\nAcme said it grew.\n")
    [article], errors, [warning] = read(tmp_path / "a.md", published=date(2020, 1, 1))
    assert errors == [] and article.title == "Big news"
    assert (article.published, article.published_from) == (date(2020, 1, 1), "option")
    assert "a.md: 'published' '2024-99-99'" in warning and "undated" in warning


# item 5: named pipes


def _read_with_guard(target, fifos):
    """`target()` in a thread; a reader that blocks on a pipe is released by opening the pipes for writing."""
    outcome = {}
    thread = threading.Thread(target=lambda: outcome.setdefault("value", target()), daemon=True)
    thread.start()
    thread.join(60)
    if thread.is_alive():
        for fifo in fifos:
            try:
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass
        thread.join(60)
        pytest.fail("reading blocked on a named pipe")
    return outcome["value"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipes_given_or_in_a_folder_get_one_line_each_and_never_block(tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT)
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "pipe.jsonl")
    os.mkfifo(tmp_path / "given.txt")
    fifos = [folder / "pipe.txt", folder / "pipe.jsonl", tmp_path / "given.txt"]
    assert _read_with_guard(lambda: count_articles([folder, tmp_path / "given.txt"]), fifos) == 3
    articles, errors, _ = _read_with_guard(lambda: read(tmp_path / "given.txt", folder), fifos)
    assert [a.doc_id for a in articles] == [str(folder / "good.txt")]
    assert sorted(errors) == sorted(
        f"{path}: not a regular file (a named pipe); only regular files are read" for path in fifos
    )


# item 6: line separators inside JSON strings

JSON_TEXT = st.text(min_size=1).filter(lambda text: text.strip())


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(JSON_TEXT, min_size=1, max_size=4))
def test_any_json_string_round_trips_through_a_jsonl_record(tmp_path_factory, texts):
    path = tmp_path_factory.mktemp("lines") / "a.jsonl"
    path.write_bytes(b"".join(json.dumps({"text": text}, ensure_ascii=False).encode() + b"\n" for text in texts))
    articles, errors, _ = read(path)
    assert errors == []
    assert [a.text for a in articles] == texts
    assert [a.doc_id for a in articles] == [f"{path}:{number}" for number in range(1, len(texts) + 1)]


def test_unicode_line_separators_inside_a_record_do_not_split_it(tmp_path):
    text = "Acme said\u2028it grew\u2029in 2020\u0085and 2021."
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n" + json.dumps({"text": "Two."}) + "\n")
    articles, errors, _ = read(path)
    assert errors == [] and [a.text for a in articles] == [text, "Two."]
    assert count_articles([path]) == 2


def test_the_dates_command_reads_a_record_holding_a_line_separator_as_one(tmp_path):
    path = tmp_path / "a.jsonl"
    record = {"id": "x", "published": "2024-04-26", "text": "Acme grew\u2028in March 2024."}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n")
    result = run_cli("dates", str(path))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(row["doc_id"], row["text"]) for row in rows] == [("x", "March 2024")]


# item 7: unreadable files and folders


def test_unreadable_files_and_folders_get_one_line_each_and_the_rest_is_ingested(shared_tmp_path):
    folder = shared_tmp_path / "articles"
    (folder / "locked-folder").mkdir(parents=True)
    (folder / "locked-folder" / "inside.txt").write_text(GOOD_TEXT)
    (folder / "good.txt").write_text(GOOD_TEXT)
    locked_file = shared_tmp_path / "locked.txt"
    locked_file.write_text(GOOD_TEXT)
    (shared_tmp_path / "other.txt").write_text("Other news\n\nBeta Inc said on Monday it hired 30 people.")
    locked_file.chmod(0)
    (folder / "locked-folder").chmod(0)
    db = shared_tmp_path / "db.json"
    config = shared_tmp_path / "timeline.toml"
    config.write_text("")
    # The same ingest run first as the test's own user, so that every module it imports lazily is loaded
    # (an ordinary user may not read the interpreter's own library, as under /root).
    warm_up = run_cli("--db", str(shared_tmp_path / "warm.json"), "ingest", "-q", "--jobs", "1", str(folder))
    assert warm_up.exit_code == 0
    try:
        with as_ordinary_user():
            articles, errors, _ = read(locked_file, folder)
            result = run_cli(
                "--db", str(db), "--config", str(config), "ingest", "-q", "--jobs", "1",
                str(locked_file), str(shared_tmp_path / "other.txt"), str(folder),
            )  # fmt: skip
    finally:
        locked_file.chmod(0o644)
        (folder / "locked-folder").chmod(0o755)
    assert [a.doc_id for a in articles] == [str(folder / "good.txt")]
    assert errors == [
        f"{locked_file}: cannot read file (Permission denied)",
        f"{folder / 'locked-folder'}: cannot read folder (Permission denied)",
    ]
    assert result.exit_code == 1, result.output
    assert f"error: {locked_file}: cannot read file (Permission denied)" in result.output
    assert f"error: {folder / 'locked-folder'}: cannot read folder (Permission denied)" in result.output
    assert "2 added" in result.output and "2 failed" in result.output


# item 8: one id, different articles


def test_an_id_given_to_different_articles_keeps_both_with_stable_ids_and_says_so_once(tmp_path):
    records = [
        {"id": "x1", "text": "Acme said on Monday it sold 20 units."},
        {"id": "x1", "text": "Acme said on Monday it sold 20 units."},
        {"id": "x1", "text": "Beta Inc said on Tuesday it hired 30 people."},
        {"id": "x2", "text": "Gamma Corp said on Friday it closed a plant."},
    ]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(record) + "\n" for record in records))
    articles, errors, warnings = read(tmp_path)
    assert errors == []
    assert [(a.doc_id, a.text[:4]) for a in articles] == [("x1", "Acme"), ("x1#2", "Beta"), ("x2", "Gamm")]
    assert warnings == [
        f"{tmp_path}/a.jsonl:3: id 'x1' is already the id of a different article ({tmp_path}/a.jsonl:1); "
        "this one is stored as 'x1#2'"
    ]


def test_re_ingesting_input_with_a_duplicated_id_changes_nothing(tmp_path):
    from timeline.pipeline import ingest

    (tmp_path / "a.json").write_text(
        json.dumps(
            [
                {"id": "x1", "text": "Acme Corp said on Monday it sold 20 units.", "published": "2024-04-26"},
                {"id": "x1", "text": "Beta Inc said on Tuesday it hired 30 people.", "published": "2024-04-26"},
            ]
        )
    )
    db = tmp_path / "db.json"
    reports = []
    for _ in range(2):
        with Store(db) as store:
            reports.append(ingest([tmp_path / "a.json"], store, make_settings(db)))
        with Store(db, read_only=True) as store:
            assert sorted(d.doc_id for d in store.documents()) == ["x1", "x1#2"]
    assert (reports[0].added, reports[1].added, reports[1].replaced, reports[1].unchanged) == (2, 0, 0, 2)
    assert len(reports[1].warnings) == 1 and not reports[1].errors


# item 10: JSON Lines are streamed


def test_a_json_lines_file_over_the_size_limit_is_read_record_by_record(tmp_path):
    path = tmp_path / "a.jsonl"
    lines = [json.dumps({"text": f"Acme said it sold {n} units. " + "x" * 400}) for n in range(10)]
    lines.insert(4, json.dumps({"text": "y" * 3000}))
    path.write_text("\n".join(lines) + "\n")
    articles, errors, _ = read(path, max_bytes=1000)
    assert len(articles) == 10 and path.stat().st_size > 4000
    assert errors == [f"{path}:5: line is over the 0 MB limit (raise max_file_mb in timeline.toml to read it)"]


# issue 18 item 13: a front-matter date not written YYYY-MM-DD


@pytest.mark.parametrize(
    ("written", "read_as", "says"),
    [
        ("28/10/2018", date(2018, 10, 28), "is not written YYYY-MM-DD; read as 2018-10-28"),
        ("10/28/2018", date(2018, 10, 28), "read as 2018-10-28"),
        ("28.10.2018", date(2018, 10, 28), "read as 2018-10-28"),
        ("October 28, 2018", date(2018, 10, 28), "read as 2018-10-28"),
        ("Sun, 28 Oct 2018 10:00:00 GMT", date(2018, 10, 28), "read as 2018-10-28"),
        ("03/04/2018", None, "is ambiguous"),
        ("31/02/2018", None, "is not a date of the calendar"),
        ("someday", None, "is not a date; the article is read as undated"),
    ],
)
def test_a_front_matter_date_not_written_iso_is_read_if_it_can_be_else_undated_with_a_warning(
    tmp_path, written, read_as, says
):
    (tmp_path / "a.md").write_text(f"---\ntitle: News\npublished: {written}\n---\nAcme said it grew.\n")
    [article], errors, [warning] = read(tmp_path / "a.md")
    assert errors == [] and article.published == read_as
    assert article.published_from == ("metadata" if read_as else "")
    assert warning.startswith(f"{tmp_path / 'a.md'}: 'published' {written!r}") and says in warning


def test_a_json_record_date_not_written_iso_is_read_the_same_way(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"text": "Acme grew.", "date": "28/10/2018"}))
    [article], errors, [warning] = read(tmp_path / "a.json")
    assert errors == [] and article.published == date(2018, 10, 28) and "read as 2018-10-28" in warning
