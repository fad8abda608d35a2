"""Shards of extracted documents (#17): `timeline ingest` stores them as they are, through the same store and
merge as articles, with one line per bad record, gzipped or not, mixed with articles or not."""

from __future__ import annotations

import gzip
import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import SEEDS, make_settings

from timeline import pipeline
from timeline.cli import cli
from timeline.models import DOCUMENT_MARKER, Article, Document
from timeline.shards import ShardRecordError, read_document, shard_lines
from timeline.sources import SourceError, SourceWarning, read_paths
from timeline.store import Store


def stored_documents(db) -> list[Document]:
    with Store(db, read_only=True) as store:
        return sorted(store.documents(), key=lambda document: document.doc_id)


def events_of(db) -> list[dict]:
    """Every event as exported, its mentions' doc ids cut to the file name (the same article read from
    another folder has another id)."""
    with Store(db, read_only=True) as store:
        records = [event.to_dict() for event in store.events()]
    for record in records:
        for mention in record["mentions"]:
            mention["doc_id"] = mention["doc_id"].rsplit("/", 1)[-1]
    return sorted(records, key=lambda record: record["event_id"])


def write_shard(path, documents, extra_lines=()):
    text = "".join(line + "\n" for line in [*shard_lines(documents), *extra_lines])
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(text.encode()))
    else:
        path.write_text(text, encoding="utf-8")
    return path


def ingest(db, *paths):
    return CliRunner().invoke(cli, ["--db", str(db), "ingest", "-q", *map(str, paths)], catch_exceptions=False)


def test_ingest_stores_shards_of_extracted_documents_without_parsing_and_gives_their_events(
    seeds_db, tmp_path, monkeypatch
):
    documents = stored_documents(seeds_db)
    shards = tmp_path / "shards"
    shards.mkdir()
    write_shard(shards / "0.jsonl", documents[:2])
    write_shard(shards / "1.jsonl.gz", documents[2:])

    def no_parse(articles, settings):
        raise AssertionError(f"{[article.doc_id for article in articles]} parsed again")

    monkeypatch.setattr(pipeline, "extract_batch", no_parse)
    db = tmp_path / "db.json"
    result = ingest(db, shards)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("5 added, 0 replaced, 0 unchanged, 0 failed;")
    assert [d.to_dict() for d in stored_documents(db)] == [d.to_dict() for d in documents]
    assert events_of(db) == events_of(seeds_db) and events_of(db)

    # the articles the shards came from, ingested after them, are the documents already stored
    again = ingest(db, seeds_db.parent / "seeds")
    assert again.output.startswith("0 added, 0 replaced, 5 unchanged, 0 failed;"), again.output


def test_re_ingesting_the_same_shards_changes_nothing(seeds_db, tmp_path):
    documents = stored_documents(seeds_db)
    shard = write_shard(tmp_path / "docs.jsonl", documents)
    db = tmp_path / "db.json"
    assert ingest(db, shard).exit_code == 0
    assert [d.doc_id for d in stored_documents(db)] == [d.doc_id for d in documents]
    files = sorted(path for path in tmp_path.rglob("*") if path.is_file() and path != shard)
    before = {path: path.read_bytes() for path in files}
    result = ingest(db, shard)
    assert result.exit_code == 0
    assert result.output.startswith("0 added, 0 replaced, 5 unchanged, 0 failed;")
    assert {path: path.read_bytes() for path in files} == before


def test_a_bad_shard_line_is_one_line_naming_file_and_line_and_the_rest_is_stored(seeds_db, tmp_path):
    documents = stored_documents(seeds_db)
    good = json.loads(shard_lines(documents[:1])[0])
    bad_offsets = json.loads(json.dumps(good))
    bad_offsets["mentions"][0]["start"] = "0"
    newer = {**good, DOCUMENT_MARKER: 2}
    shard = write_shard(
        tmp_path / "docs.jsonl",
        documents[1:],
        ['{"timeline_document": 1, "doc_id": "x", "doc_hash": ', json.dumps(bad_offsets), json.dumps(newer)],
    )
    db = tmp_path / "db.json"
    result = ingest(db, shard)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert [error.split(": ", 2)[1] for error in errors] == [f"{shard}:5", f"{shard}:6", f"{shard}:7"]
    assert "not valid JSON" in errors[0]
    assert "mention 1: 'start' \"0\" and 'end'" in errors[1] and "not offsets" in errors[1]
    assert "document format 2 comes from a newer timeline" in errors[2]
    assert "4 added, 0 replaced, 0 unchanged, 3 failed;" in result.output
    assert [d.doc_id for d in stored_documents(db)] == [d.doc_id for d in documents[1:]]


@pytest.mark.slow
def test_a_folder_of_articles_and_shards_stores_both_as_an_ingest_of_the_articles_does(seeds_db, tmp_path):
    documents = stored_documents(seeds_db)
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    assert [d.doc_id.rsplit("/", 1)[1] for d in documents] == [path.name for path in seeds]
    for path in seeds[:3]:
        shutil.copy(path, mixed / path.name)
    write_shard(mixed / "extracted.jsonl", documents[3:])
    db = tmp_path / "db.json"
    result = ingest(db, mixed)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("5 added, 0 replaced, 0 unchanged, 0 failed;")
    assert events_of(db) == events_of(seeds_db)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda r: r.pop("text"), "no 'text'"),
        (lambda r: r.update(doc_id=""), "'doc_id' is \"\", not non-empty text"),
        (lambda r: r.update(published="May 2024"), "'published' is \"May 2024\", not a YYYY-MM-DD date"),
        (lambda r: r.update(mentions={}), "'mentions' is a dict, not a list"),
        (lambda r: r["mentions"][0].update(doc_id="other"), "mention 1: 'doc_id' \"other\" is not its document's"),
        (lambda r: r["mentions"][0].update(end=10**6), "mention 1: 'start' 0 and 'end' 1000000 are not offsets"),
        (lambda r: r["mentions"][0].update(companies="Acme"), "mention 1: 'companies' is \"Acme\", not a list"),
        (lambda r: r["mentions"][0].update(date_span=[1]), "mention 1: 'date_span' holds [1], not a [start, end]"),
        (lambda r: r["mentions"][0]["date"].update(precision="eon"), "mention 1: 'date.precision' is \"eon\""),
        (lambda r: r["mentions"][0]["date"].update(end="2024-02-30"), "mention 1: 'date.end' is \"2024-02-30\""),
        (lambda r: r["mentions"][0].update(is_lead="yes"), "mention 1: 'is_lead' is \"yes\", not true or false"),
        (lambda r: r.update(timeline_document=True), "'timeline_document' is True, not a document format number"),
    ],
)
def test_a_marked_record_that_would_damage_the_store_is_refused_naming_the_field(change, problem):
    article = Article(doc_id="a", text="Acme Corp said on Monday it sold 20 units.")
    record = {
        **Document(doc_id="a", doc_hash="h", text=article.text).to_dict(),
        "mentions": [
            {
                "doc_id": "a",
                "doc_hash": "h",
                "start": 0,
                "end": len(article.text),
                "sentence": article.text,
                "companies": ["Acme"],
                "date": {"value": "2024-04-22", "start": "2024-04-22", "end": "2024-04-22", "precision": "day"},
            }
        ],
    }
    assert read_document(json.loads(json.dumps(record))).mentions[0].date.value == "2024-04-22"
    # extraction writes a company span that starts before its sentence as a negative offset: it is kept
    spanned = json.loads(json.dumps(record))
    spanned["mentions"][0]["company_spans"] = [[-13, 3], [0, 4]]
    assert read_document(spanned).mentions[0].company_spans == ((-13, 3), (0, 4))
    change(record)
    with pytest.raises(ShardRecordError) as refused:
        read_document(record)
    assert str(refused.value).startswith(problem)


def test_two_different_documents_under_one_id_keep_distinct_ids_and_a_repeat_is_read_once(tmp_path):
    first = Document(doc_id="a", doc_hash="h1", text="Acme grew.")
    other = Document(doc_id="a", doc_hash="h2", text="Acme shrank.")
    shard = write_shard(tmp_path / "docs.jsonl", [first, first, other])
    items = list(read_paths([shard]))
    assert [type(item) for item in items] == [Document, SourceWarning, Document]
    assert [item.doc_id for item in items if isinstance(item, Document)] == ["a", "a#2"]
    assert (
        str(items[1])
        == f"{shard}:3: id 'a' is already the id of a different article ({shard}:1); this one is stored as 'a#2'"
    )
    assert not any(isinstance(item, SourceError) for item in items)


def test_pipeline_ingest_takes_shards_with_two_jobs_as_with_one(seeds_db, tmp_path):
    shard = write_shard(tmp_path / "docs.jsonl", stored_documents(seeds_db))
    for jobs in (1, 2):
        db = tmp_path / f"db{jobs}.json"
        with Store(db) as store:
            report = pipeline.ingest([shard], store, make_settings(db), jobs=jobs)
        assert (report.added, report.errors, report.failure) == (5, [], "")
        assert events_of(db) == events_of(seeds_db)
