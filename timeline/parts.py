"""The store's parts: documents by publication month, events by company bucket and year, and an index, each its own
TinyDB JSON file (one table of numbered records), named by a manifest (the database file itself).

A write never changes a part file in place: a changed part is written under a new name, then the manifest
is replaced (`files.replace_file`, the commit point), then the files it no longer names are removed. A
crash at any moment leaves the old manifest naming old, complete files, or the new one naming new ones;
files left by a crash between the two are removed when the store is next opened for writing.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from pathlib import Path

from .files import replace_bytes

EVENT_BUCKETS = 64
PART_SUFFIX = ".json"
PART_FILE = re.compile(r"(index|documents-(\d{4}-\d{2}|undated)|events-\d{3}-(\d{4}|other))\.[0-9a-f]{12}\.json")
"""What a part's file is called: a manifest naming anything else (a hand edit, `../x`) is not ours."""


def parts_folder(db_path: Path) -> Path:
    return Path(f"{db_path}.parts")


def document_part(published: str | None) -> str:
    return f"documents-{published[:7]}" if published else "documents-undated"


def event_part(companies, when) -> str:
    """An event's part: a bucket of its first company, and the year its date lies in ("other" for an
    undated event or one whose date spans years), so that the events of a company in one year are read
    without those of its other years."""
    first = min((company.lower() for company in companies), default="")
    number = int.from_bytes(hashlib.sha1(first.encode("utf-8", "surrogatepass")).digest()[:4], "big")
    year = str(when.start.year) if when is not None and when.start.year == when.end.year else "other"
    return f"events-{number % EVENT_BUCKETS:03d}-{year}"


def years_of(spans: list | None) -> set[str] | None:
    """The event parts' years that the (start, end) dates of `spans` meet (None: every year)."""
    if spans is None:
        return None
    years = {"other"}
    for start, end in spans:
        years.update(str(year) for year in range(start.year, end.year + 1))
    return years


def part_year(name: str) -> str:
    return name.rsplit("-", 1)[1]


def table_of(name: str) -> tuple[str, str | None]:
    """The TinyDB table a part's file holds, and the field of a record that is its key (None: the index,
    whose records are {"key": ..., "value": ...})."""
    if name.startswith("documents-"):
        return "documents", "doc_id"
    if name.startswith("events-"):
        return "events", "event_id"
    return "index", None


def read_part(folder: Path, name: str, file_name: str) -> dict:
    """A part's records by key. Each part is a TinyDB database of one table (numbered records); a part the
    manifest names and that is missing or broken is an OSError or ValueError for the store's one line."""
    table, field = table_of(name)
    data = json.loads((folder / file_name).read_bytes())
    records = data.get(table) if isinstance(data, dict) else None
    if not isinstance(records, dict) or not all(isinstance(record, dict) for record in records.values()):
        raise ValueError(f"part {file_name} is not a TinyDB table {table!r} of records")
    if field is None:
        return {record["key"]: record["value"] for record in records.values()}
    return {record[field]: record for record in records.values()}


def write_part(folder: Path, name: str, records: dict, mode: int | None) -> str:
    """Write a part under a new file name; returns the name."""
    file_name = f"{name}.{secrets.token_hex(6)}{PART_SUFFIX}"
    table, field = table_of(name)
    rows = records.values() if field else ({"key": key, "value": value} for key, value in records.items())
    content = {table: {str(number): row for number, row in enumerate(rows, 1)}}
    data = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    replace_bytes(folder / file_name, data, mode)  # dumps: json.dump's encoder is slow
    return file_name


def leftovers(folder: Path, named: set[str]) -> list[Path]:
    """Part files in `folder` the manifest does not name (a write stopped before its commit, or after it
    and before the old files were removed)."""
    if not folder.is_dir():
        return []
    return [path for path in folder.iterdir() if PART_FILE.fullmatch(path.name) and path.name not in named]


def is_part(name: str, file_name: str) -> bool:
    """Whether a manifest's record names a part and a file of that part, inside the parts folder."""
    return (
        isinstance(name, str)
        and isinstance(file_name, str)
        and bool(PART_FILE.fullmatch(file_name))
        and (file_name.startswith(name + "."))
    )
