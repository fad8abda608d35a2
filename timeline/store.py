"""The store: documents and merged events in TinyDB JSON parts named by a manifest (see `parts`).

The database file is the manifest: its schema version and the part files it names, beside it in
`<db>.parts/`. Documents are kept by publication month, events by a bucket of their first company and
their year, and an index holds each document's hash, part and path and each company's event parts, so
that an ingest of a few articles reads and writes a few parts: the month they were published in, and the
events of the companies they name in the years their dates meet, merged again (`remerge`). A database
written by schema 1 (one file holding every document and event) is read as it is, and converted once by
the first write, with a message.

Writes are batched in memory and reach the disk only through `flush()`, which writes each changed part
under a new name and then replaces the manifest through `files.replace_file` (a temporary file renamed
over it: a crash at any moment leaves the old manifest and its parts or the new ones, never half of
either; links followed, permissions kept, and the parts get the manifest's). A file that is not ours (`db_shape`), is
corrupt, comes from a newer version of timeline, or is read-only is refused with one line and never
written. A lock file beside the database keeps two writers apart. Every failure is a `StoreError` whose
message names the file; the data on disk stays as the last complete write left it.
"""

from __future__ import annotations

import io
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from filelock import FileLock, Timeout
from tinydb.storages import Storage

from . import db_shape
from . import parts as layout
from .files import check_writable, failure, is_stream, make_folder, replace_file, resolved
from .merge import sort_events
from .models import Document, Event
from .remerge import Spans, add_spans, remerge, touched_companies
from .view import update_view, write_view

SCHEMA_VERSION = 2
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


INDEX = "index"


class Store:
    """Documents (keyed by doc_id, with their content hash) and events, in parts; batched atomic writes."""

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
        self.notices: list[str] = []
        self._write_failed = False
        self._lock = None
        self._folder = layout.parts_folder(self.path)
        self._files: dict[str, str] = {}  # part name -> file name, as the manifest names them
        self._loaded: dict[str, dict[str, dict]] = {}
        self._dirty: set[str] = set()
        self._manifest_dirty = False
        self._behind = False
        self._new_mentions: list = []
        self._forgotten: set[str] = set()
        self._touched: Spans = {}
        self._view_changes: tuple[set[str], list[dict]] | None = None
        self._view_full = False
        if is_stream(path) or self.path.is_dir():
            kind = "a folder" if self.path.is_dir() else "not a regular file"
            raise StoreError(f"{path}: {kind}, not a database file; {LEFT_UNTOUCHED}")
        if not read_only:
            self._lock = self._acquire_lock(lock_timeout, on_wait)
        try:
            self._storage = AtomicJSONStorage(str(self.path), read_only=read_only)
            self._open(self._storage.read())
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

    def _open(self, data: dict | None) -> None:
        version = db_shape.schema_version(data) if data else None
        if version is not None and version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer timeline (schema {version}, this one reads {SCHEMA_VERSION}); "
                "upgrade timeline (pip install -U timeline); the file was left untouched"
            )
        if version is None:
            self._loaded[INDEX] = {}
            self._manifest_dirty = self._dirty_index()
            return
        meta = next(iter(data["meta"].values()))
        self._behind = bool(meta.get("events_behind"))
        if version == 1:
            self._convert(data)
            return
        self._files = {record["name"]: record["file"] for record in data.get("parts", {}).values()}
        strange = next((file for name, file in self._files.items() if not layout.is_part(name, file)), None)
        if strange is not None:
            raise StoreError(f"{self.path}: not a timeline database (part file {strange!r}); {LEFT_UNTOUCHED}")
        if not self.read_only:
            for path in layout.leftovers(self._folder, set(self._files.values())):
                path.unlink(missing_ok=True)

    def _dirty_index(self) -> bool:
        self._dirty.add(INDEX)
        return not self.read_only

    def _convert(self, data: dict) -> None:
        """A schema-1 database: its documents and events laid out in parts (written at the next flush)."""
        documents = [self._read(Document, record) for record in data.get("documents", {}).values()]
        events = [self._read(Event, record) for record in data.get("events", {}).values()]
        self._loaded[INDEX] = {}
        self._dirty.add(INDEX)
        self._add_documents(documents)
        self._new_mentions, self._forgotten, self._touched = [], set(), {}
        self._write_events(events, replace_all=True)
        self._manifest_dirty = True
        if not self.read_only:
            self.notices.append(
                f"{self.path}: converted to the partitioned layout of timeline's schema {SCHEMA_VERSION} "
                f"(parts in {self._folder}); older releases of timeline cannot read it"
            )

    # parts

    def _part(self, name: str) -> dict[str, dict]:
        records = self._loaded.get(name)
        if records is None:
            file_name = self._files.get(name)
            if file_name is None:
                records = {}
            else:
                try:
                    records = self._read_part(name, file_name)
                except (OSError, ValueError, RecursionError) as error:
                    raise StoreError(
                        f"{self.path}: part {file_name} is missing or corrupt ({error.__class__.__name__}); "
                        f"{LEFT_UNTOUCHED}"
                    ) from error
            self._loaded[name] = records
        return records

    def _read_part(self, name: str, file_name: str) -> dict[str, dict]:
        try:
            return layout.read_part(self._folder, name, file_name)
        except FileNotFoundError:
            if not self.read_only:
                raise
        # a writer committed since this reader opened, and removed the files it no longer names: its parts
        data = self._storage.read()
        files = {record["name"]: record["file"] for record in (data or {}).get("parts", {}).values()}
        self._files = {**self._files, **files}
        return layout.read_part(self._folder, name, files[name]) if name in files else {}

    def _names(self, prefix: str) -> list[str]:
        names = set(self._files) | set(self._loaded)
        return sorted(name for name in names if name.startswith(prefix))

    def _index(self) -> dict[str, dict]:
        return self._part(INDEX)

    def _changed(self, name: str) -> None:
        self._dirty.add(name)
        self._manifest_dirty = True

    # documents

    def document_hashes(self) -> dict[str, str]:
        """doc_id -> content hash of every stored document."""
        return {key[2:]: record["hash"] for key, record in self._index().items() if key.startswith("d:")}

    def documents(self) -> Iterator[Document]:
        for name in self._names("documents-"):
            for record in list(self._part(name).values()):
                yield self._read(Document, record)

    def document(self, doc_id: str) -> Document | None:
        entry = self._index().get("d:" + doc_id)
        if entry is None:
            return None
        record = self._part(entry["part"]).get(doc_id)
        return self._read(Document, record) if record else None

    def put_documents(self, documents: Iterable[Document]) -> None:
        """Insert or replace documents by doc_id (a changed article replaces its old version)."""
        incoming = {doc.doc_id: doc for doc in documents}
        if not incoming:
            return
        self._remove(incoming)
        self._add_documents(incoming.values())

    def _add_documents(self, documents: Iterable[Document]) -> None:
        index = self._index()
        for document in documents:
            record = document.to_dict()
            name = layout.document_part(record.get("published"))
            self._part(name)[document.doc_id] = record
            self._changed(name)
            index["d:" + document.doc_id] = {"hash": document.doc_hash, "part": name, "path": document.path}
            self._new_mentions.extend(document.mentions)
            add_spans(self._touched, document.mentions)
        self._changed(INDEX)

    def _remove(self, doc_ids: Iterable[str]) -> None:
        index = self._index()
        for doc_id in doc_ids:
            entry = index.pop("d:" + doc_id, None)
            if entry is None:
                continue
            record = self._part(entry["part"]).pop(doc_id, None)
            self._changed(entry["part"])
            self._changed(INDEX)
            self._forgotten.add(doc_id)
            if record:
                add_spans(self._touched, self._read(Document, record).mentions)
            self._new_mentions = [m for m in self._new_mentions if m.doc_id != doc_id]

    def document_paths(self) -> dict[str, str]:
        """doc_id -> the path the document was read from, as ingest was given it."""
        return {key[2:]: record.get("path", "") for key, record in self._index().items() if key.startswith("d:")}

    def remove_documents(self, doc_ids: Iterable[str]) -> None:
        """Remove documents by doc_id; their events change at the next `merge_changes` or `replace_events`."""
        self._remove(set(doc_ids))

    def count_documents(self) -> int:
        return sum(key.startswith("d:") for key in self._index())

    # events

    def replace_events(self, events: Iterable[Event]) -> None:
        self._write_events(list(events), replace_all=True)

    def merge_changes(self, similarity: float) -> None:
        """Merge again the events of the companies the documents put or removed since the last merge name."""
        if not (self._new_mentions or self._forgotten):
            return
        parts = self._event_parts(self._touched)
        candidates = (self._read(Event, record) for name in parts for record in list(self._part(name).values()))
        replaced, fresh = remerge(candidates, self._new_mentions, self._forgotten, self._touched, similarity)
        self._write_events(fresh, replace_ids=replaced)

    def _write_events(self, events: list[Event], replace_all: bool = False, replace_ids: set[str] = frozenset()):
        index = self._index()
        removed: set[str] = set()
        if replace_all:
            for name in self._names("events-"):
                removed.update(self._part(name))
                self._loaded[name] = {}
                self._changed(name)
            for key in [key for key in index if key.startswith("c:")]:
                del index[key]
        else:
            for event_id in replace_ids:
                entry = index.pop("e:" + event_id, None)
                if entry is not None:
                    self._part(entry).pop(event_id, None)
                    self._changed(entry)
                    removed.add(event_id)
        added = []
        for event in events:
            record = event.to_dict()
            name = layout.event_part(event.companies or [c for m in event.mentions for c in m.companies], event.date)
            self._part(name)[event.event_id] = record
            self._changed(name)
            index["e:" + event.event_id] = name
            for mention in event.mentions:
                for company in mention.companies:
                    entry = index.setdefault("c:" + company.lower(), {"parts": [], "undated": []})
                    if name not in entry["parts"]:
                        entry["parts"].append(name)
                    if mention.date is None and name not in entry["undated"]:
                        entry["undated"].append(name)
            added.append(record)
        self._changed(INDEX)
        self._new_mentions, self._forgotten, self._touched = [], set(), {}
        self._behind = False
        if replace_all or self._view_full:
            self._view_full, self._view_changes = True, None
        else:
            before_removed, before_added = self._view_changes or (set(), [])
            kept = [record for record in before_added if record["event_id"] not in removed]
            self._view_changes = (before_removed | removed, kept + added)

    def events_reporting(self, doc_ids: Iterable[str]) -> list[Event]:
        """The events some mention of which comes from these documents (read from their companies' parts)."""
        wanted = set(doc_ids)
        companies = set()
        for doc_id in wanted:
            document = self.document(doc_id)
            if document is not None:
                companies |= touched_companies(document.mentions)
        parts = self._event_parts(dict.fromkeys(companies))
        events = [self._read(Event, record) for name in parts for record in self._part(name).values()]
        return [event for event in events if any(mention.doc_id in wanted for mention in event.mentions)]

    def _event_parts(self, spans: Spans) -> list[str]:
        """The event parts holding the events of these companies that meet these dates, and those holding
        an undated mention of them (it may join an event of any date)."""
        index = self._index()
        chosen: set[str] = set()
        for company, covered in spans.items():
            entry = index.get("c:" + company, {})
            years = layout.years_of(covered)
            chosen.update(name for name in entry.get("parts", ()) if years is None or layout.part_year(name) in years)
            chosen.update(entry.get("undated", ()))
        return sorted(chosen)

    def events(self) -> list[Event]:
        return sort_events([self._read(Event, record) for record in self.event_records()])

    def event_records(self) -> list[dict]:
        """Events as stored dicts, for readers that do not need objects (the TUI's fast load)."""
        return [record for name in self._names("events-") for record in self._part(name).values()]

    def count_events(self) -> int:
        return sum(key.startswith("e:") for key in self._index())

    def events_behind(self) -> bool:
        """Whether documents were stored and their events not merged: an ingest stopped after a periodic
        flush of documents and before the merge (kill -9, ctrl+c, a full disk) leaves them behind."""
        return self._behind

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
        """Write the changed parts under new names, then the manifest naming them (the commit), then remove
        the files it no longer names; a failure leaves the database as the last complete write left it."""
        if self.read_only or not (self._dirty or self._manifest_dirty):
            return
        behind = bool(self._new_mentions or self._forgotten)
        try:
            self._folder.mkdir(exist_ok=True)
            mode = self.path.stat().st_mode & 0o777 if self.path.exists() else None
            written = {
                name: layout.write_part(self._folder, name, self._part(name), mode)
                for name in self._dirty
                if name == INDEX or self._part(name)
            }
        except OSError as error:
            self._write_failed = True
            raise StoreError(
                failure(self.path, error, "cannot write the database") + "; it keeps its last complete write"
            ) from error
        files = {**self._files, **written}
        files = {name: file for name, file in files.items() if name == INDEX or self._loaded.get(name, True) != {}}
        manifest = {
            "meta": {"1": {"schema_version": SCHEMA_VERSION, "events_behind": behind}},
            "parts": {str(number): {"name": name, "file": files[name]} for number, name in enumerate(sorted(files), 1)},
        }
        try:
            before = self.path.stat()
        except FileNotFoundError:
            before = None
        try:
            self._storage.write(manifest)
        except StoreError:
            self._write_failed = True
            for file_name in written.values():
                (self._folder / file_name).unlink(missing_ok=True)
            raise
        old = set(self._files.values()) - set(files.values())
        self._files, self._dirty, self._manifest_dirty = files, set(), False
        for file_name in old:
            (self._folder / file_name).unlink(missing_ok=True)
        self._write_view(before)

    def _write_view(self, before: os.stat_result | None) -> None:
        if not (self._view_full or self._view_changes):
            return
        try:
            if self._view_full or not update_view(self.path, *self._view_changes, before):
                write_view(self.path, self.event_records())
        except OSError as error:  # derived data: the app reads the database itself while the view is stale
            LOGGER.warning("%s: cannot write the app's view index (%s)", self.path, error.strerror)
        self._view_full, self._view_changes = False, None

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
