"""`timeline dates` reads records as ingest does (a bad line is one error line, the rest is read) and its
table has a header and whole ids."""

from __future__ import annotations

import json

from click.testing import CliRunner

from timeline.cli import cli

LONG_ID = "reuters-2024-04-26-renault-xiaomi-talks-0001"


def write_records(path, *lines):
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n")
    return path


def test_a_bad_line_is_one_error_line_and_the_other_records_are_read(tmp_path):
    source = write_records(
        tmp_path / "docs.jsonl",
        {"id": "d1", "published": "2024-04-26", "text": "Renault said on Friday it grew."},
        "{not json",
        {"id": "d3", "title": "no text here"},
        {"id": "d4", "published": "2024-04-26", "text": "Sales rose in March 2024."},
    )
    result = CliRunner().invoke(cli, ["dates", str(source)])
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(row["doc_id"], row["value"]) for row in rows] == [("d1", "2024-04-26"), ("d4", "2024-03")]
    errors = result.stderr.splitlines()
    assert len(errors) == 2 and "Traceback" not in result.stderr
    assert errors[0].startswith(f"error: {source}:2: not valid JSON")
    assert errors[1].startswith(f"error: {source}:3: no article text")


def test_the_table_has_a_header_and_whole_ids(tmp_path):
    source = write_records(
        tmp_path / "docs.jsonl",
        {"id": LONG_ID, "published": "2024-04-26", "text": "Renault said on Friday it grew in early 2022."},
    )
    result = CliRunner().invoke(cli, ["dates", str(source), "--format", "table"])
    assert result.exit_code == 0, result.output
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["doc_id", "start", "end", "type", "value", "precision", "modifier", "text"]
    assert [row.split()[:5] for row in rows] == [
        [LONG_ID, "16", "22", "DATE", "2024-04-26"],
        [LONG_ID, "34", "44", "DATE", "2022"],
    ]
    assert rows[1].endswith("START     early 2022")
    assert header.index("value") == rows[0].index("2024-04-26", len(LONG_ID))  # columns line up under the header
