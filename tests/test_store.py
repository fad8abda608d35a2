"""The store: atomic writes, schema version, refusing files that are not ours, the writer lock."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.store import SCHEMA_VERSION, Store, StoreError


def test_schema_version_is_written(tmp_path):
    db = tmp_path / "db.json"
    with Store(db):
        pass
    assert json.loads(db.read_text())["meta"]["1"]["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"documents": {"1": {"doc_id"', "corrupt or truncated"),
        ('{"meta": {"1": {"schema_version": 99}}}', "newer timeline"),
        ('{"users": {}}', "not a timeline database"),
        ("[1, 2, 3]", "not a timeline database"),
    ],
)
def test_bad_database_files_are_refused_and_left_untouched(tmp_path, content, message):
    db = tmp_path / "db.json"
    db.write_text(content)
    with pytest.raises(StoreError, match=message) as error:
        Store(db)
    assert str(db) in str(error.value)
    assert db.read_text() == content


def test_second_writer_fails_clearly(tmp_path):
    db = tmp_path / "db.json"
    with Store(db):
        with pytest.raises(StoreError, match="another timeline process"):
            Store(db, lock_timeout=0.1)


def test_nothing_reaches_disk_before_flush(tmp_path, seeds_db):
    from timeline.models import Document

    db = tmp_path / "db.json"
    store = Store(db)
    store.flush()
    before = db.read_text(), sorted(Path(f"{db}.parts").iterdir())
    store.put_documents([Document(doc_id="a", doc_hash="h", text="t")])
    assert (db.read_text(), sorted(Path(f"{db}.parts").iterdir())) == before
    with Store(db, read_only=True) as reader:
        assert reader.document("a") is None
    store.flush()
    with Store(db, read_only=True) as reader:
        assert reader.document("a").text == "t"
    store.close()
    assert not list(tmp_path.rglob(".*.tmp"))
