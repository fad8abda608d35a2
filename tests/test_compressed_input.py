"""Compressed input (issue 17): a `.gz` of any supported type is read as the file inside it, streamed, with
the size limits applied to what it decompresses to, and a corrupt one is one line naming it."""

from __future__ import annotations

import gzip
import json
import zlib

from click.testing import CliRunner

from timeline.cli import cli
from timeline.models import Article
from timeline.sources import SourceError, count_articles, read_paths

STORY = "Acme news\n\nAcme Corp said on Monday it sold 20 units."
HTML = (
    "<html><head><title>Acme sells units</title></head><body><article><h1>Acme sells units</h1>"
    + "<p>Acme Corp said on Monday it sold 20 units of its new machine to a large customer in Ohio.</p>" * 4
    + "</article></body></html>"
)


def read(*paths, **options):
    items = list(read_paths(paths, **options))
    return [i for i in items if isinstance(i, Article)], [str(i) for i in items if isinstance(i, SourceError)]


def gzipped(path, data: bytes | str):
    path.write_bytes(gzip.compress(data.encode() if isinstance(data, str) else data))
    return path


def jsonl(*texts: str) -> str:
    records = ({"id": f"r{n}", "published": "2024-04-26", "text": text} for n, text in enumerate(texts))
    return "".join(json.dumps(record) + "\n" for record in records)


def test_every_supported_type_is_read_from_its_gz_inside_a_folder_as_it_is_read_plain(tmp_path):
    plain, packed = tmp_path / "plain", tmp_path / "packed"
    plain.mkdir()
    packed.mkdir()
    contents = {
        "a.txt": STORY,
        "b.md": "---\ntitle: Acme sells\npublished: 2024-04-26\n---\n" + STORY,
        "c.json": json.dumps({"articles": [{"id": "j1", "text": STORY}, {"id": "j2", "text": "Beta Inc grew."}]}),
        "d.jsonl": jsonl(STORY, "Beta Inc said it grew."),
        "e.html": HTML,
    }
    for name, content in contents.items():
        (plain / name).write_text(content)
        gzipped(packed / f"{name}.gz", content)
    (packed / "notes.csv.gz").write_bytes(gzip.compress(b"not,an,article\n"))  # not an article type: not walked

    expected, plain_errors = read(plain)
    articles, errors = read(packed)
    assert errors == plain_errors == []
    assert len(articles) == 7
    assert [(a.text, a.title, a.published) for a in articles] == [(a.text, a.title, a.published) for a in expected]
    assert [a.doc_id for a in articles] == [
        str(packed / "a.txt.gz"),
        str(packed / "b.md.gz"),
        "j1",
        "j2",
        "r0",
        "r1",
        str(packed / "e.html.gz"),
    ]
    assert articles[0].path == str(packed / "a.txt.gz")
    assert count_articles([packed]) == count_articles([plain]) == 6  # a .json file counts once


def test_a_gz_named_directly_is_read_and_its_lines_are_numbered(tmp_path):
    path = gzipped(tmp_path / "feed.jsonl.gz", jsonl(STORY) + "\n[1, 2]\n" + json.dumps({"text": "Beta grew."}) + "\n")
    articles, errors = read(path)
    assert [a.doc_id for a in articles] == ["r0", f"{path}:4"]
    assert errors == [f"{path}:3: a JSON list, not an article object"]


def test_a_gzip_bomb_gets_one_line_for_its_long_line_and_the_rest_is_read(tmp_path):
    # 64 MB of spaces in one line compresses to about 64 KB; with a 1 MB limit the line is refused unread
    bomb = gzip.compress(b'{"text": "' + b" " * (64 << 20) + b'"}\n' + jsonl(STORY).encode(), compresslevel=9)
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(bomb)
    text_bomb = gzipped(tmp_path / "bomb.txt.gz", b"Acme " * (1 << 20))
    assert path.stat().st_size < 1 << 20 and text_bomb.stat().st_size < 1 << 20
    articles, errors = read(path, text_bomb, max_bytes=1 << 20)
    assert [a.doc_id for a in articles] == ["r0"]
    assert errors == [
        f"{path}:1: line is over the 1 MB limit (raise max_file_mb in timeline.toml to read it)",
        f"{text_bomb}: decompressed file is over the 1 MB limit (raise max_file_mb in timeline.toml to read it)",
    ]


def test_a_corrupt_or_truncated_gz_is_one_line_naming_it_and_the_rest_of_the_batch_goes_on(tmp_path):
    good = gzipped(tmp_path / "a_good.txt.gz", STORY)
    not_gzip = tmp_path / "b_plain.txt.gz"
    not_gzip.write_text(STORY)
    whole = gzip.compress(jsonl(*(f"Acme sold {n} units. " * 50 for n in range(200))).encode())
    truncated = tmp_path / "c_truncated.jsonl.gz"
    truncated.write_bytes(whole[: len(whole) // 2])
    damaged = bytearray(gzip.compress(STORY.encode() * 50))
    damaged[20:40] = bytes(20)
    corrupt = tmp_path / "d_corrupt.md.gz"
    corrupt.write_bytes(bytes(damaged))
    after = tmp_path / "e_after.jsonl"
    after.write_text(jsonl("Beta Inc grew."))

    articles, errors = read(tmp_path)
    assert [a.doc_id for a in articles][0] == str(good) and articles[-1].text == "Beta Inc grew."
    assert 0 < sum(a.path == str(truncated) for a in articles) < 200  # what came before the break is kept
    assert [error.split(": ", 1)[0] for error in errors] == [str(not_gzip), str(truncated), str(corrupt)]
    assert all("gzip" in error and "\n" not in error for error in errors)
    assert count_articles([tmp_path]) >= 4


def test_ingest_and_dates_read_gz_through_the_command_line(tmp_path):
    feed = gzipped(tmp_path / "feed.jsonl.gz", jsonl("Acme Corp said on Friday it sold 20 units."))
    broken = tmp_path / "broken.txt.gz"
    broken.write_bytes(zlib.compress(b"not gzip framing"))
    db = str(tmp_path / "db.json")
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", db, "ingest", "-q", str(feed), str(broken)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "1 added" in result.output and f"error: {broken}: not a gzip file" in result.output

    rows = [json.loads(line) for line in runner.invoke(cli, ["dates", str(feed)]).output.splitlines()]
    assert [(row["doc_id"], row["text"], row["value"]) for row in rows] == [("r0", "Friday", "2024-04-26")]
    text = gzipped(tmp_path / "story.txt.gz", "Acme said on Friday it sold 20 units.")
    result = runner.invoke(cli, ["dates", str(text), "--published", "2024-04-29"])
    assert [json.loads(line)["value"] for line in result.output.splitlines()] == ["2024-04-26"]
    result = runner.invoke(cli, ["dates", str(broken)])
    assert result.exit_code == 1 and result.output.startswith(f"Error: {broken}: not a gzip file")
