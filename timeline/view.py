"""The browsing index: what the app needs to show 100,000 events at once, without parsing them all.

Beside the database the store writes `<db>.view.json`, the events as columns in timeline order (ids,
dates as day numbers, precision, companies, summary, the text a search looks in, byte offsets), and
`<db>.view.jsonl`, one full event record a line. The app loads the columns in a fraction of the time the
whole database takes and reads one line when it needs an event's mentions. Both files are derived data:
stamped with the database's size and modification time, and rebuilt by any write of the events.

Another process may rewrite both files while the app is open (an ingest in another terminal). Each write
gets a fresh token, on the first line of the lines file and in the index; `open_view` keeps the lines file
open and accepts it only when its token is the index's, so the offsets it holds always point into the file
they were written for, however often the files are replaced afterwards. An update in place also lists
what it changed (`view_changes`), so that an app reloading after an ingest reads only that.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from datetime import date
from pathlib import Path
from typing import BinaryIO

from .files import replace_bytes, replace_file, resolved
from .models import precision_rank, search_text
from .view_changes import column_key, forget_changes, record_change, replay, updates_between

VIEW_VERSION = 4
COLUMNS = ("event_id", "value", "start", "end", "precision", "modifier", "companies", "summary", "sources",
           "search", "estimated")  # fmt: skip


def view_paths(db_path: Path) -> tuple[Path, Path]:
    return Path(f"{db_path}.view.json"), Path(f"{db_path}.view.jsonl")


def build_columns(records: list[dict]) -> tuple[dict, list[dict]]:
    """Columns for `records` sorted in timeline order, and the records in that order."""
    ordered = sorted(records, key=_order_key)
    columns: dict[str, list] = {name: [] for name in COLUMNS}
    for record in ordered:
        when = record.get("date") or _estimate(record) or {}
        sources = sorted({mention["doc_id"] for mention in record.get("mentions", [])})
        companies = list(record.get("companies", ()))
        summary = " ".join(str(record.get("summary", "")).split())
        columns["event_id"].append(record["event_id"])
        columns["value"].append(when.get("value"))
        columns["start"].append(date.fromisoformat(when["start"]).toordinal() if when.get("start") else None)
        columns["end"].append(date.fromisoformat(when["end"]).toordinal() if when.get("end") else None)
        columns["precision"].append(when.get("precision"))
        columns["modifier"].append(when.get("modifier"))
        columns["companies"].append(companies)
        columns["summary"].append(summary)
        columns["sources"].append(sources)
        titles = [mention.get("title", "") for mention in record.get("mentions", [])]
        columns["search"].append(search_text(summary, companies, sources, titles))
        columns["estimated"].append(not record.get("date") and bool(when))
    return columns, ordered


def write_view(db_path: Path, records: list[dict]) -> None:
    """Write both view files for the database's current events (atomically, each by rename)."""
    columns, ordered = build_columns(records)
    index_path, lines_path = view_paths(db_path)
    token = secrets.token_hex(16)
    first = (json.dumps({"view": token}) + "\n").encode("utf-8")
    offsets = []
    position = len(first)
    lines = [first]
    for record in ordered:
        line = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        offsets.append(position)
        position += len(line)
        lines.append(line)
    stat = db_path.stat()
    mode = stat.st_mode & 0o777  # the view holds the database's data: it is as private or as shared
    replace_bytes(lines_path, b"".join(lines), mode)
    _write_header(db_path, index_path, mode, token=token, lines_size=position, offsets=offsets, columns=columns)
    forget_changes(db_path)


def _write_header(db_path: Path, index_path: Path, mode: int, **fields) -> os.stat_result:
    """The view's index, stamped with the database file as it is now: a later write makes the view stale."""
    stat = db_path.stat()
    header = {"version": VIEW_VERSION, "db_size": stat.st_size, "db_mtime_ns": stat.st_mtime_ns, **fields}
    replace_bytes(index_path, json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), mode)
    return stat


def read_view(db_path: Path) -> dict | None:
    """The view index when it matches the database as it is now, else None (the caller reads the database)."""
    view = open_view(db_path)
    if view is None:
        return None
    view.close()
    return view.header


class View:
    """A view index and the lines file it was written with, held open: what the app browses."""

    def __init__(self, db_path: Path, header: dict, index_stamp: tuple, lines: BinaryIO) -> None:
        self.db_path, self.header, self._lines = db_path, header, lines
        self._index_stamp = tuple(index_stamp)

    @property
    def columns(self) -> dict:
        return self.header["columns"]

    def read(self, row: int) -> dict:
        """Row `row`'s full event record (safe from any thread: a positioned read, no shared file position)."""
        position = self.header["offsets"][row]  # rows are in timeline order; lines in the order written
        descriptor = self._lines.fileno()
        return json.loads(os.pread(descriptor, _line_length(descriptor, position), position))

    def replaced(self) -> bool:
        """Whether the index on disk is no longer the one read (another process wrote the events since)."""
        try:
            return _stamp(os.stat(view_paths(self.db_path)[0])) != self._index_stamp
        except OSError:
            return True

    def close(self) -> None:
        self._lines.close()

    def reopened(self) -> View | None:
        """The view as it is now on disk, from this one's rows and the updates made to it since (see
        `view_changes`): what a reload after an ingest reads, in place of the whole index. None when the
        updates since do not lead to the lines file on disk, or the database changed after them (the
        caller opens the view whole). This view stays as it is, open."""
        opened = _open_lines(view_paths(self.db_path)[1])
        if opened is None:
            return None
        lines, token, lines_size = opened
        try:
            db_stat = self.db_path.stat()
        except OSError:
            lines.close()
            return None
        if token == self.header.get("token"):  # nothing written since
            if lines_size == self.header.get("lines_size") and _fresh(self.header, db_stat):
                return View(self.db_path, self.header, self._index_stamp, lines)
            lines.close()
            return None
        updates = updates_between(self.db_path, self.header.get("token"), token) if isinstance(token, str) else None
        last = updates[-1] if updates else None
        stale = last is None or not _fresh({**last, "version": VIEW_VERSION}, db_stat)
        if stale or last.get("lines_size") != lines_size:
            lines.close()
            return None
        columns, offsets = self.columns, self.header["offsets"]
        for update in updates:
            columns, offsets = replay(columns, offsets, update)
        header = {"version": VIEW_VERSION, "token": token, "lines_size": lines_size, "offsets": offsets,
                  "columns": columns, "db_size": last["db_size"], "db_mtime_ns": last["db_mtime_ns"]}  # fmt: skip
        return View(self.db_path, header, last["index_stamp"], lines)


def open_view(db_path: Path, attempts: int = 3) -> View | None:
    """The view index with its lines file open, when both match the database as it is now and each other;
    else None (the caller reads the database). A writer caught between its two renames is waited out by
    trying again."""
    db_path = resolved(db_path)  # the store writes the view beside the file a link names
    index_path, lines_path = view_paths(db_path)
    for _ in range(attempts):
        opened = _open_lines(lines_path)
        if opened is None:
            return None
        lines, token, lines_size = opened
        try:
            db_stat = db_path.stat()
            with open(index_path, "rb") as index:
                index_stat = os.fstat(index.fileno())
                header = json.loads(index.read())
        except (OSError, ValueError):
            lines.close()
            return None
        if not _fresh(header, db_stat):
            lines.close()
            return None
        if header.get("token") == token and header.get("lines_size") == lines_size:
            return View(db_path, header, _stamp(index_stat), lines)
        lines.close()
    return None


def _open_lines(lines_path: Path) -> tuple[BinaryIO, object, int] | None:
    """The lines file opened (the caller closes it), with the token on its first line and its size; None
    when it cannot be read."""
    try:
        lines = open(lines_path, "rb")  # noqa: SIM115 - closed by the caller
    except OSError:
        return None
    try:
        token = json.loads(lines.readline()).get("view")
        return lines, token, os.fstat(lines.fileno()).st_size
    except (OSError, ValueError, AttributeError):
        lines.close()
        return None


def _fresh(header, db_stat: os.stat_result) -> bool:
    return (
        isinstance(header, dict)
        and header.get("version") == VIEW_VERSION
        and header.get("db_size") == db_stat.st_size
        and header.get("db_mtime_ns") == db_stat.st_mtime_ns
    )


def _stamp(stat: os.stat_result) -> tuple[int, int, int]:
    return (stat.st_dev, stat.st_ino, stat.st_mtime_ns)


def _estimate(record: dict) -> dict | None:
    """An undated event's estimate (from its mentions), in the shape of a date."""
    return next((m["estimated_date"] for m in record.get("mentions", ()) if m.get("estimated_date")), None)


def _order_key(record: dict) -> tuple:
    when = record.get("date") or _estimate(record) or {}
    return (not when, when.get("start") or "", precision_rank(when.get("precision")), record["event_id"])


def update_view(db_path: Path, removed: set[str], added: list[dict], before: os.stat_result | None) -> bool:
    """Bring the view up to date after an incremental merge: the rows of `removed` events dropped, those of
    `added` ones placed in order, the new records' lines appended to a copy of the lines file (streamed:
    memory stays that of the columns). `before` is the database's stat before the write that made these
    changes: only a view that was fresh then is updated. False when there is none, or when most of its
    lines are of events replaced since (the caller writes it whole)."""
    if before is None:
        return False
    opened = _open_for_update(db_path, before)
    if opened is None:
        return False
    header, old = opened
    with old:
        return _update(db_path, header, old, removed, added)


def _update(db_path: Path, header: dict, old: BinaryIO, removed: set[str], added: list[dict]) -> bool:
    columns, offsets = header["columns"], header["offsets"]
    size = header["lines_size"]
    old_token = header["token"]
    keep, dead = [], header.get("dead", 0)
    for row, event_id in enumerate(columns["event_id"]):
        if event_id in removed:
            dead += _line_length(old.fileno(), offsets[row])
        else:
            keep.append(row)
    if dead > size // 2:
        return False
    new_columns, ordered = build_columns(added)
    token = secrets.token_hex(16)
    first = (json.dumps({"view": token}) + "\n").encode("utf-8")
    old_first = _line_length(old.fileno(), 0)
    shift = len(first) - old_first
    position = size + shift
    appended, new_offsets = [], []
    for record in ordered:
        line = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        new_offsets.append(position)
        position += len(line)
        appended.append(line)
    rows = [(column_key(columns, row), 0, row) for row in keep]
    rows += [(column_key(new_columns, row), 1, row) for row in range(len(ordered))]
    rows.sort()
    merged: dict[str, list] = {name: [] for name in COLUMNS}
    merged_offsets = []
    for _, new, row in rows:
        source = new_columns if new else columns
        for name in COLUMNS:
            merged[name].append(source[name][row])
        merged_offsets.append(new_offsets[row] if new else offsets[row] + shift)

    def write_lines(out: BinaryIO) -> None:
        out.write(first)
        old.seek(old_first)
        shutil.copyfileobj(old, out, 1 << 20)
        out.write(b"".join(appended))

    mode = db_path.stat().st_mode & 0o777
    index_path, lines_path = view_paths(db_path)
    replace_file(lines_path, write_lines, mode)
    stat = _write_header(
        db_path, index_path, mode, token=token, lines_size=position, offsets=merged_offsets, columns=merged, dead=dead
    )
    change = {"from": old_token, "token": token, "removed": sorted(removed), "added": new_columns,
              "offsets": new_offsets, "shift": shift, "lines_size": position, "db_size": stat.st_size,
              "db_mtime_ns": stat.st_mtime_ns, "index_stamp": list(_stamp(os.stat(index_path)))}  # fmt: skip
    record_change(db_path, change, mode)
    return True


def _open_for_update(db_path: Path, before: os.stat_result) -> tuple[dict, BinaryIO] | None:
    """The view's index and its lines file (open), when they were written together and were fresh for the
    database as it was `before` the caller's write."""
    index_path, lines_path = view_paths(db_path)
    opened = _open_lines(lines_path)
    if opened is None:
        return None
    lines, token, size = opened
    try:
        header = json.loads(index_path.read_bytes())
    except (OSError, ValueError):
        lines.close()
        return None
    if not _fresh(header, before) or header.get("token") != token or header.get("lines_size") != size:
        lines.close()
        return None
    return header, lines


def _line_length(descriptor: int, position: int) -> int:
    """The length of the line at `position`, its newline included."""
    length = 0
    while True:
        chunk = os.pread(descriptor, 65536, position + length)
        end = chunk.find(b"\n")
        if end >= 0 or not chunk:
            return length + (end + 1 if end >= 0 else len(chunk))
        length += len(chunk)
