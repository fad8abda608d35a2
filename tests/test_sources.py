"""Reading articles from files and folders, and one-line errors for bad input."""

from __future__ import annotations

import json
from datetime import date

from conftest import SEEDS, TEST_DATA

from timeline.models import Article
from timeline.sources import SourceError, read_paths


def read(*paths, **options):
    items = list(read_paths(paths, **options))
    return [i for i in items if isinstance(i, Article)], [str(i) for i in items if isinstance(i, SourceError)]


def test_folder_of_seeds_gives_five_articles_with_paths_as_ids():
    articles, errors = read(SEEDS)
    assert errors == []
    assert [a.doc_id.rsplit("/", 1)[1][:3] for a in articles] == ["000", "001", "002", "003", "004"]
    assert all(a.doc_id.startswith(str(SEEDS)) for a in articles)


def test_markdown_front_matter(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\ntitle: Big news\npublished: 2024-05-02\nurl: http://x\nsource: Wire\n---\nRenault said on Friday.\n"
    )
    [article], _ = read(tmp_path / "a.md")
    assert (article.title, article.published, article.url, article.source) == (
        "Big news",
        date(2024, 5, 2),
        "http://x",
        "Wire",
    )
    assert article.text.strip() == "Renault said on Friday."


def test_html_page_gives_its_main_text_and_publication_date():
    [article], errors = read(TEST_DATA / "article.html")
    assert errors == []
    assert (article.title, article.published) == ("Acme Corp buys Widget Inc", date(2024, 4, 26))
    assert "agreed to buy Widget Inc" in article.text
    assert "Home" not in article.text and "ads" not in article.text


def test_json_and_jsonl_records_with_alternative_field_names(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([{"id": "x1", "maintext": "Body one.", "date_publish": "2024-01-02"}]))
    (tmp_path / "b.jsonl").write_text(json.dumps({"body": "Body two.", "date": "2024-01-03T10:00:00Z"}) + "\n")
    articles, errors = read(tmp_path)
    assert errors == []
    assert [(a.doc_id, a.published) for a in articles] == [
        ("x1", date(2024, 1, 2)),
        (f"{tmp_path}/b.jsonl:1", date(2024, 1, 3)),
    ]


def test_published_option_dates_undated_input_only(tmp_path):
    (tmp_path / "a.txt").write_text("Renault news\n\nText.")
    [article], _ = read(tmp_path, published=date(2020, 1, 1))
    assert article.published == date(2020, 1, 1) and article.published_from == "option"


def test_bad_input_gets_one_line_errors_and_the_rest_is_read(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "latin1.txt").write_bytes("Société Générale a annoncé.".encode("latin-1"))
    (tmp_path / "lines.jsonl").write_text('[1, 2]\n{"text": "Fine."}\nnot json\n')
    (tmp_path / "empty-dir").mkdir()
    articles, errors = read(tmp_path, tmp_path / "missing.txt", tmp_path / "empty-dir")
    assert [a.text.strip() for a in articles] == ["Société Générale a annoncé.", "Fine."]
    assert all("\n" not in e for e in errors)
    expected = [
        "binary.txt: binary file",
        "empty.txt: empty file",
        "lines.jsonl:1: a JSON list, not an article object",
        "lines.jsonl:3: not valid JSON",
        "missing.txt: no such file or directory",
        "empty-dir: no articles found",
    ]
    for fragment in expected:
        assert any(fragment in e for e in errors), (fragment, errors)


def test_utf16_with_bom(tmp_path):
    (tmp_path / "u.txt").write_bytes("Renault news\nBody.".encode("utf-16"))
    [article], errors = read(tmp_path / "u.txt")
    assert article.text.startswith("Renault news") and errors == []


def test_size_limit(tmp_path):
    (tmp_path / "big.txt").write_text("x" * 2000)
    _, [error] = read(tmp_path / "big.txt", max_bytes=1000)
    assert "over the" in error and "max_file_mb" in error


def test_symlink_loop_does_not_hang(tmp_path):
    (tmp_path / "a.txt").write_text("Text.")
    (tmp_path / "loop").symlink_to(tmp_path)
    articles, _ = read(tmp_path)
    assert len(articles) == 1
