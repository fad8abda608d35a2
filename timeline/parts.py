"""The store's parts: documents by publication month, events by company bucket, and an index, each its own
TinyDB-shaped JSON file, named by a manifest (the database file itself).

A write never changes a part file in place: a changed part is written under a new name, then the manifest
is replaced (`files.replace_file`, the commit point), then the files it no longer names are removed. A
crash at any moment leaves the old manifest naming old, complete files, or the new one naming new ones;
files left by a crash between the two are removed when the store is next opened for writing.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from pathlib import Path

from .files import replace_file

EVENT_BUCKETS = 512
PART_SUFFIX = ".json"


def parts_folder(db_path: Path) -> Path:
    return Path(f"{db_path}.parts")


def document_part(published: str | None) -> str:
    return f"documents-{published[:7]}" if published else "documents-undated"


def event_part(companies) -> str:
    first = min((company.lower() for company in companies), default="")
    number = int.from_bytes(hashlib.sha1(first.encode("utf-8", "surrogatepass")).digest()[:4], "big")
    return f"events-{number % EVENT_BUCKETS:03d}"


def company_part(company: str) -> str:
    return event_part((company,))


def read_part(folder: Path, file_name: str) -> dict[str, dict]:
    """A part's records by key; a part the manifest names and that is missing or broken is an OSError or
    ValueError for the store's one line."""
    data = json.loads((folder / file_name).read_bytes())
    if not isinstance(data, dict) or not isinstance(data.get("records"), dict):
        raise ValueError(f"part {file_name} is not an object of records")
    return data["records"]


def write_part(folder: Path, name: str, records: dict[str, dict], mode: int | None) -> str:
    """Write a part under a new file name; returns the name."""
    file_name = f"{name}.{secrets.token_hex(6)}{PART_SUFFIX}"

    data = json.dumps({"records": records}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    replace_file(folder / file_name, lambda out: out.write(data), mode)  # dumps: json.dump's encoder is slow
    return file_name


def leftovers(folder: Path, named: set[str]) -> list[Path]:
    """Part files in `folder` the manifest does not name (a write stopped before its commit, or after it
    and before the old files were removed)."""
    if not folder.is_dir():
        return []
    return [path for path in folder.iterdir() if path.name.endswith(PART_SUFFIX) and path.name not in named]
