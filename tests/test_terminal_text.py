"""Issue 19, item 13: what articles, file names and the user say reaches a terminal as text, never as
escape sequences or invisible characters: `printable`, `json_line`, and every command's output."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import unicodedata

from click.testing import CliRunner
from conftest import make_settings
from hypothesis import given
from hypothesis import strategies as st

from timeline.cli import cli
from timeline.models import Event, Mention
from timeline.store import Store
from timeline.terminal_text import json_line, printable

HIDDEN_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs"}
# Unicode's Default_Ignorable_Code_Point outside those categories (DerivedCoreProperties.txt): they render
# as nothing, so a name can hide in them
OTHER_IGNORABLE = {0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0, *range(0x180B, 0x1810),
                   *range(0x2060, 0x2070), *range(0xFE00, 0xFE10), *range(0xE0000, 0xE1000)}  # fmt: skip
VARIATION_SELECTORS = set(range(0xFE00, 0xFE10))
ATTACK = "Evil\x1b[2J\x1b]2;pwned\x07\u202eCorp\u061c\u00ad\u034f\U000e0041\x9b31m"


def hidden(character: str) -> bool:
    return unicodedata.category(character) in HIDDEN_CATEGORIES or ord(character) in OTHER_IGNORABLE


def assert_shown_as_text(output: str) -> None:
    assert not [c for c in output.replace("\n", "") if hidden(c)], repr(output)


def test_every_hidden_code_point_is_shown_as_a_mark():
    every = [chr(c) for c in range(0x110000) if hidden(chr(c)) and chr(c) not in "\n\t\r"]
    for start in range(0, len(every), 1000):
        chunk = "".join(every[start : start + 1000])
        shown = printable(chunk)
        assert set(shown) <= {"\ufffd"}, [hex(ord(c)) for c in shown if c != "\ufffd"]
    assert printable("a\u061cb\u00adc\u034fd\U000e0041e") == "a\ufffdb\ufffdc\ufffdd\ufffde"


@given(st.text(st.characters(codec="utf-8") | st.sampled_from(ATTACK), max_size=300))
def test_printable_hides_nothing_and_keeps_every_visible_character(text):
    shown = printable(text)
    assert_shown_as_text(shown)
    assert "\n" not in shown
    kept = [c for c in text if ord(c) not in VARIATION_SELECTORS]  # they only choose a glyph's look
    assert len(shown) == len(kept)
    for original, result in zip(kept, shown, strict=True):
        assert result == (" " if original in "\n\t\r" else "\ufffd" if hidden(original) else original)


@given(st.dictionaries(st.text(max_size=5), st.text(st.characters(codec="utf-8") | st.sampled_from(ATTACK))))
def test_json_line_keeps_the_data_exactly_and_shows_nothing_hidden(value):
    line = json_line(value)
    assert json.loads(line) == value
    assert_shown_as_text(line)


def test_a_file_name_python_could_not_decode_is_shown_not_written_raw():
    name = os.fsdecode(b"caf\xe9.txt")  # a surrogate stands for the byte
    assert printable(name) == "caf\ufffd.txt"
    assert json.loads(json_line(name)) == name
    json_line(name).encode("utf-8")  # writable to any UTF-8 terminal


def store_company(db, name: str) -> None:
    mention = Mention(
        doc_id=f"{name}.txt", doc_hash="h", start=0, end=4, sentence=f"{name} grew.", companies=(name,), date=None
    )
    with Store(db) as store:
        store.replace_events([Event("e1", None, (name,), f"{name} grew.", [mention])])


def test_companies_and_export_show_article_text_as_text(tmp_path):
    db = tmp_path / "db.json"
    store_company(db, ATTACK)
    table = CliRunner().invoke(cli, ["--db", str(db), "companies"])
    assert table.exit_code == 0 and "pwned" in table.output
    assert_shown_as_text(table.output)
    lines = CliRunner().invoke(cli, ["--db", str(db), "companies", "--format", "jsonl"])
    assert_shown_as_text(lines.output)
    assert json.loads(lines.output) == {"company": ATTACK, "events": 1}
    exported = CliRunner().invoke(cli, ["--db", str(db), "export", "--format", "jsonl"])
    assert_shown_as_text(exported.output)
    assert json.loads(exported.output)["companies"] == [ATTACK]


def test_articles_shows_titles_and_ids_as_text(tmp_path):
    from timeline.models import Document

    db = tmp_path / "db.json"
    with Store(db) as store:
        store.put_documents([Document(doc_id=f"{ATTACK}.txt", doc_hash="h", text="x", title=ATTACK)])
    table = CliRunner().invoke(cli, ["--db", str(db), "articles"])
    assert table.exit_code == 0 and table.output.count("pwned") == 2
    assert_shown_as_text(table.output)
    lines = CliRunner().invoke(cli, ["--db", str(db), "articles", "--format", "jsonl"])
    assert_shown_as_text(lines.output)
    assert json.loads(lines.output)["title"] == ATTACK


def test_error_lines_show_file_names_as_text(tmp_path):
    bad = tmp_path / f"{ATTACK}.txt"
    bad.write_bytes(b"")  # an empty file: one error line naming it
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "db.json"), "ingest", "-q", str(bad)])
    assert result.exit_code == 1 and "pwned" in result.output
    assert_shown_as_text(result.output)
    missing = CliRunner().invoke(cli, ["--db", str(tmp_path / f"{ATTACK}.json"), "companies"])
    assert missing.exit_code == 1 and "no database yet" in missing.output
    assert_shown_as_text(missing.output)


def run_in_terminal(args: list[str], timeout: float = 120) -> str:
    """What a command shows in a real (pseudo-)terminal, read until it exits."""
    master, slave = os.openpty()
    process = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env={**os.environ, "COLUMNS": "120"})
    os.close(slave)
    chunks = []
    try:
        while select.select([master], [], [], timeout)[0]:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal closed: the command ended
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(master)
        process.wait(timeout)
    return b"".join(chunks).decode("utf-8", "replace")


def test_the_progress_bar_shows_file_names_as_text(tmp_path):
    from timeline.pipeline import ingest

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "evil\x1b]2;pwned\x07\x1b[2J.txt").write_text("Acme Corp grows\n\nAcme Corp said in 2020 it grew.")
    db = tmp_path / "db.json"
    with Store(db) as store:
        ingest([folder], store, make_settings(db))
    # again, in a terminal: the article is unchanged, so the bar names it without parsing it
    shown = run_in_terminal([sys.executable, "-m", "timeline", "--db", str(db), "ingest", str(folder)])
    assert "1 unchanged" in shown and "pwned" in shown
    assert "\x1b]2;" not in shown and "\x1b[2J" not in shown and "\x07" not in shown
