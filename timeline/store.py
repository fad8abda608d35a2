"""The store: documents and merged events in one TinyDB JSON file.

Writes are batched in memory and reach the disk only through `flush()`, which writes a temporary file
beside the database and renames it over the old one, so a crash at any moment leaves either the old or
the new file, never a half-written one. A file that is not ours, is corrupt, or comes from a newer
version of timeline is refused with a message and never overwritten. A lock file keeps two writers apart.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from filelock import FileLock, Timeout
from tinydb import Query, TinyDB
from tinydb.middlewares import CachingMiddleware
from tinydb.storages import Storage

from .models import Document, Event
from .view import write_view

SCHEMA_VERSION = 1
TABLES = ("meta", "documents", "events")


class StoreError(RuntimeError):
    """The database cannot be used; the message names the file and what to do."""


class AtomicJSONStorage(Storage):
    """TinyDB storage that reads once and writes by atomic rename."""

    def __init__(self, path: str, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only

    def read(self) -> dict | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise StoreError(f"{self.path}: cannot read the database ({error.strerror})") from error
        if not raw.strip():
            return None
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError) as error:  # ValueError: bad JSON or bytes, or an integer too long
            raise StoreError(
                f"{self.path}: the database is corrupt or truncated ({error.__class__.__name__}); "
                "it was left untouched - move it aside or pass --db to use another file"
            ) from error
        if not isinstance(data, dict) or not set(data) <= set(TABLES) | {"_default"}:
            raise StoreError(
                f"{self.path}: not a timeline database (unexpected content); it was left untouched - "
                "pass --db to choose another file"
            )
        return data

    def write(self, data: dict) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self.path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)

    def close(self) -> None:
        pass


class _Cache(CachingMiddleware):
    WRITE_CACHE_SIZE = 10**9  # never flush on its own: only `Store.flush()` writes


class Store:
    """Documents (keyed by content hash) and events, with batched atomic writes."""

    def __init__(self, path: Path | str, *, read_only: bool = False, lock_timeout: float = 30.0):
        self.path = Path(path)
        self.read_only = read_only
        self._view_dirty = False
        self._lock = None
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._lock = FileLock(str(self.path) + ".lock")
            try:
                self._lock.acquire(timeout=lock_timeout)
            except Timeout:
                raise StoreError(
                    f"{self.path}: another timeline process is writing this database; "
                    "wait for it to finish and try again"
                ) from None
        try:
            self._db = TinyDB(str(self.path), storage=_Cache(AtomicJSONStorage), read_only=read_only)
            self._check_schema()
        except BaseException:
            self._release()
            raise

    def _check_schema(self) -> None:
        meta = self._db.table("meta").all()
        version = meta[0].get("schema_version") if meta else None
        has_data = bool(self._db.table("documents")) or bool(self._db.table("events"))
        if version is None and has_data:
            raise StoreError(f"{self.path}: not a timeline database (no schema version); it was left untouched")
        if version is not None and version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer timeline (schema {version}, this one reads {SCHEMA_VERSION}); "
                "upgrade timeline (pip install -U timeline); the file was left untouched"
            )
        if version is None and not self.read_only:
            self._db.table("meta").insert({"schema_version": SCHEMA_VERSION})

    # documents

    def document_hashes(self) -> dict[str, str]:
        """doc_id -> content hash of every stored document."""
        return {record["doc_id"]: record["doc_hash"] for record in self._db.table("documents").all()}

    def documents(self) -> Iterator[Document]:
        for record in self._db.table("documents").all():
            yield Document.from_dict(record)

    def document(self, doc_id: str) -> Document | None:
        record = self._db.table("documents").get(Query().doc_id == doc_id)
        return Document.from_dict(record) if record else None

    def put_documents(self, documents: Iterable[Document]) -> None:
        """Insert or replace documents by doc_id (a changed article replaces its old version)."""
        table = self._db.table("documents")
        incoming = {doc.doc_id: doc for doc in documents}
        if not incoming:
            return
        table.remove(lambda record: record["doc_id"] in incoming)
        table.insert_multiple(doc.to_dict() for doc in incoming.values())

    def document_paths(self) -> dict[str, str]:
        """doc_id -> the path the document was read from, as ingest was given it."""
        return {record["doc_id"]: record.get("path", "") for record in self._db.table("documents").all()}

    def remove_documents(self, doc_ids: Iterable[str]) -> None:
        """Remove documents by doc_id; their events stay until the events are replaced."""
        gone = set(doc_ids)
        self._db.table("documents").remove(lambda record: record["doc_id"] in gone)

    def count_documents(self) -> int:
        return len(self._db.table("documents"))

    # events

    def replace_events(self, events: Iterable[Event]) -> None:
        table = self._db.table("events")
        table.truncate()
        table.insert_multiple(event.to_dict() for event in events)
        self._view_dirty = True

    def events(self) -> list[Event]:
        return [Event.from_dict(record) for record in self._db.table("events").all()]

    def event_records(self) -> list[dict]:
        """Events as stored dicts, for readers that do not need objects (the TUI's fast load)."""
        return list(self._db.table("events").all())

    def count_events(self) -> int:
        return len(self._db.table("events"))

    def events_behind(self) -> bool:
        """Whether the events were merged from other documents than those stored: an ingest stopped after a
        periodic flush of documents and before the merge (kill -9, ctrl+c, a full disk) leaves them behind."""
        stored = {(r["doc_id"], r["doc_hash"]) for r in self._db.table("documents").all() if r.get("mentions")}
        merged = {
            (mention["doc_id"], mention["doc_hash"])
            for record in self._db.table("events").all()
            for mention in record.get("mentions", ())
        }
        return stored != merged

    # lifecycle

    def flush(self) -> None:
        if not self.read_only:
            self._db.storage.flush()
            if self._view_dirty:
                write_view(self.path, self.event_records())
                self._view_dirty = False

    def close(self) -> None:
        try:
            if not self.read_only:
                self.flush()
                self._db.close()
        finally:
            self._release()

    def _release(self) -> None:
        if self._lock is not None and self._lock.is_locked:
            self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
