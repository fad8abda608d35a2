"""The browsing index: what the app needs to show 100,000 events at once, without parsing them all.

Beside the database the store writes `<db>.view.json`, the events as columns in timeline order (ids,
dates as day numbers, precision, companies, summary, the text a search looks in, byte offsets), and
`<db>.view.jsonl`, one full event record a line. The app loads the columns in a fraction of the time the
whole database takes and reads one line when it needs an event's mentions. Both files are derived data:
stamped with the database's size and modification time, and rebuilt by any write of the events.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date
from pathlib import Path

from .models import precision_rank, search_text

VIEW_VERSION = 3
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
    offsets = []
    position = 0
    lines = []
    for record in ordered:
        line = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        offsets.append(position)
        position += len(line)
        lines.append(line)
    _atomic_write(lines_path, b"".join(lines))
    stat = db_path.stat()
    header = {
        "version": VIEW_VERSION,
        "db_size": stat.st_size,
        "db_mtime_ns": stat.st_mtime_ns,
        "lines_size": position,
        "offsets": offsets,
        "columns": columns,
    }
    _atomic_write(index_path, json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def read_view(db_path: Path) -> dict | None:
    """The view index when it matches the database as it is now, else None (the caller reads the database)."""
    index_path, lines_path = view_paths(db_path)
    try:
        stat = db_path.stat()
        header = json.loads(index_path.read_bytes())
        lines_size = lines_path.stat().st_size
    except (OSError, ValueError):
        return None
    fresh = (
        isinstance(header, dict)
        and header.get("version") == VIEW_VERSION
        and header.get("db_size") == stat.st_size
        and header.get("db_mtime_ns") == stat.st_mtime_ns
        and header.get("lines_size") == lines_size
    )
    return header if fresh else None


def read_line(db_path: Path, offset: int) -> dict:
    """One event record from the view's lines file."""
    with open(view_paths(db_path)[1], "rb") as handle:
        handle.seek(offset)
        return json.loads(handle.readline())


def _estimate(record: dict) -> dict | None:
    """An undated event's estimate (from its mentions), in the shape of a date."""
    return next((m["estimated_date"] for m in record.get("mentions", ()) if m.get("estimated_date")), None)


def _order_key(record: dict) -> tuple:
    when = record.get("date") or _estimate(record) or {}
    return (not when, when.get("start") or "", precision_rank(when.get("precision")), record["event_id"])


def _atomic_write(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
