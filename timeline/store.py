"""The store: documents and merged events in one TinyDB JSON file.

Writes are batched in memory and reach the disk only through `flush()`, which replaces the file through
`files.replace_file` (a temporary file renamed over it: a crash at any moment leaves the old or the new
file, never half of one; links followed, permissions kept). A file that is not ours (`db_shape`), is
corrupt, comes from a newer version of timeline, or is read-only is refused with one line and never
written. A lock file beside the database keeps two writers apart. Every failure is a `StoreError` whose
message names the file; the data on disk stays as the last complete write left it.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from filelock import FileLock, Timeout
from tinydb import Query, TinyDB
from tinydb.middlewares import CachingMiddleware
from tinydb.storages import Storage

from . import db_shape
from .files import check_writable, failure, is_stream, make_folder, replace_file, resolved
from .models import Document, Event
from .view import write_view

SCHEMA_VERSION = 1
TABLES = db_shape.TABLES
LOGGER = logging.getLogger(__name__)
LEFT_UNTOUCHED = "it was left untouched - pass --db to choose another file"


class StoreError(RuntimeError):
    """The database cannot be used; the message names the file and what to do."""


class AtomicJSONStorage(Storage):
    """TinyDB storage that reads once, refuses what is not a timeline database, and writes by atomic rename."""

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
        if isinstance(data, dict) and db_shape.is_empty(data):
            return None
        problem = db_shape.problem(data)
        if problem:
            raise StoreError(f"{self.path}: not a timeline database ({problem}); {LEFT_UNTOUCHED}")
        return data

    def write(self, data: dict) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")

        def dump(out) -> None:
            text = io.TextIOWrapper(out, encoding="utf-8", newline="")
            json.dump(data, text, ensure_ascii=False, separators=(",", ":"))
            text.flush()
            text.detach()

        try:
            replace_file(self.path, dump)
        except OSError as error:
            raise StoreError(
                failure(self.path, error, "cannot write the database") + "; it keeps its last complete write"
            ) from error

    def close(self) -> None:
        pass


class _Cache(CachingMiddleware):
    WRITE_CACHE_SIZE = 10**9  # never flush on its own: only `Store.flush()` writes


class Store:
    """Documents (keyed by content hash) and events, with batched atomic writes."""

    def __init__(
        self,
        path: Path | str,
        *,
        read_only: bool = False,
        lock_timeout: float = 30.0,
        on_wait: Callable[[Path], None] | None = None,
    ):
        """`on_wait` hears when another process holds the lock, before this one waits up to `lock_timeout`."""
        self.path = resolved(path)  # through a link: the file it names is the database, and is locked
        self.read_only = read_only
        self._view_dirty = False
        self._write_failed = False
        self._lock = None
        if is_stream(path) or self.path.is_dir():
            kind = "a folder" if self.path.is_dir() else "not a regular file"
            raise StoreError(f"{path}: {kind}, not a database file; {LEFT_UNTOUCHED}")
        if not read_only:
            self._lock = self._acquire_lock(lock_timeout, on_wait)
        try:
            self._db = TinyDB(str(self.path), storage=_Cache(AtomicJSONStorage), read_only=read_only)
            self._check_schema()
        except BaseException:
            self._release()
            raise

    def _acquire_lock(self, timeout: float, on_wait: Callable[[Path], None] | None) -> FileLock:
        try:
            make_folder(self.path)
            check_writable(self.path)
        except PermissionError as error:
            if error.filename == str(self.path):
                raise StoreError(
                    f"{self.path}: the database is read-only; make it writable (chmod u+w) to add to it - "
                    "it was left untouched"
                ) from error
            raise StoreError(failure(self.path, error, "cannot write the database there")) from error
        except OSError as error:
            raise StoreError(failure(self.path, error, "cannot write the database there")) from error
        lock = FileLock(str(self.path) + ".lock")
        try:
            try:
                lock.acquire(timeout=0)
            except Timeout:
                if on_wait is not None:
                    on_wait(self.path)
                lock.acquire(timeout=timeout)
        except Timeout:
            raise StoreError(
                f"{self.path}: another timeline process is writing this database; wait for it to finish and try again"
            ) from None
        except OSError as error:
            raise StoreError(failure(self.path, error, f"cannot create the lock file {lock.lock_file}")) from error
        return lock

    def _check_schema(self) -> None:
        data = self._db.storage.read()
        version = db_shape.schema_version(data) if data else None
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
            yield self._read(Document, record)

    def document(self, doc_id: str) -> Document | None:
        record = self._db.table("documents").get(Query().doc_id == doc_id)
        return self._read(Document, record) if record else None

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
        return [self._read(Event, record) for record in self._db.table("events").all()]

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

    def _read(self, kind: type[Document] | type[Event], record: dict):
        """A stored record as an object; a record a hand edit broke is a refusal naming it, not a traceback."""
        try:
            return kind.from_dict(record)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            name = record.get("doc_id") or record.get("event_id")
            raise StoreError(
                f"{self.path}: not a timeline database ({kind.__name__.lower()} {name!r} is not a valid record: "
                f"{error.__class__.__name__} {error}); {LEFT_UNTOUCHED}"
            ) from error

    # lifecycle

    def flush(self) -> None:
        """Write what changed; a failure (a full disk) leaves the file as the last complete write left it."""
        if self.read_only:
            return
        try:
            self._db.storage.flush()
        except StoreError:
            self._write_failed = True  # closing will not try the same write again
            raise
        if self._view_dirty:
            try:
                write_view(self.path, self.event_records())
            except OSError as error:  # derived data: the app reads the database itself while the view is stale
                LOGGER.warning("%s: cannot write the app's view index (%s)", self.path, error.strerror)
            self._view_dirty = False

    def close(self) -> None:
        try:
            if not self.read_only and not self._write_failed:
                self.flush()
        finally:
            self._release()

    def _release(self) -> None:
        if self._lock is not None and self._lock.is_locked:
            self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
