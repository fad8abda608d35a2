"""Write events as CSV or JSONL: one function for the command line and the TUI.

The CSV always has its header, even with no rows, so "nothing matched" differs from "failed". A cell
that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) is
prefixed with a single quote, as OWASP advises against CSV injection.
"""

from __future__ import annotations

import csv
import io
import json
import shlex
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, TextIO

from .files import replace_bytes, replace_file
from .models import Event
from .query import Filter
from .terminal_text import json_line, printable

CSV_COLUMNS = (
    "event_id", "date", "start", "end", "precision", "modifier", "companies", "summary", "date_text",
    "sources", "published", "source_count", "estimated", "inferred",
)  # fmt: skip
FORMATS = ("csv", "jsonl")
LIST_SEPARATOR = "; "
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_row(event: Event) -> dict[str, str]:
    date = event.date
    when = event.when  # start and end place an estimated event too; its value goes to `estimated`
    published = event.published
    estimated = event.estimated
    return {
        "event_id": event.event_id,
        "date": date.value if date else "",
        "start": when.start.isoformat() if when else "",
        "end": when.end.isoformat() if when else "",
        "precision": date.precision if date else "",
        "modifier": (date.modifier or "") if date else "",
        "companies": LIST_SEPARATOR.join(event.companies),
        "summary": event.summary,
        "date_text": event.date_text,
        "sources": LIST_SEPARATOR.join(event.sources),
        "published": published.isoformat() if published else "",
        "source_count": str(event.source_count),
        "estimated": estimated.value if estimated else "",
        "inferred": "true" if event.inferred else "false",
    }


def jsonl_record(event: Event) -> dict:
    date = event.date
    return {
        "event_id": event.event_id,
        "date": date.value if date else None,
        "start": date.start.isoformat() if date else None,
        "end": date.end.isoformat() if date else None,
        "precision": date.precision if date else None,
        "modifier": date.modifier if date else None,
        "inferred": event.inferred,
        "estimated": _estimate(event.estimated),
        "companies": list(event.companies),
        "summary": event.summary,
        "mentions": [
            {
                "doc_id": m.doc_id,
                "start": m.start,
                "end": m.end,
                "sentence": m.sentence,
                "date_text": m.date_text,
                "date": m.date.value if m.date else None,
                "inferred_date": date.value if date and not m.date else None,
                "estimated_date": m.estimated_date.value if m.estimated_date else None,
                "companies": list(m.companies),
                "published": m.published.isoformat() if m.published else None,
            }
            for m in event.mentions
        ],
    }


def _estimate(value) -> dict | None:
    if value is None:
        return None
    return {"value": value.value, "start": value.start.isoformat(), "end": value.end.isoformat()}


def neutralise(cell: str) -> str:
    """A cell a spreadsheet will show as text, never run as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def write_stream(events: Iterable[Event], out: TextIO, fmt: str = "csv") -> int:
    """Write events to an open text stream; returns the number of rows written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    count = 0
    if fmt == "csv":
        # CSV cannot escape a character; on a terminal, a person reads it: hidden characters are shown, not obeyed
        shown = printable if _is_terminal(out) else str
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")  # RFC 4180: a lone \r is quoted too
        writer.writeheader()
        for event in events:
            writer.writerow({key: shown(neutralise(value)) for key, value in csv_row(event).items()})
            count += 1
    else:
        for event in events:
            out.write(json_line(jsonl_record(event)) + "\n")
            count += 1
    return count


def _is_terminal(out: TextIO) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


def write_file(events: Iterable[Event], path: Path | str, fmt: str = "csv") -> int:
    """Write events to `path` ('-' for standard output) through `files.replace_file`: atomically, links
    followed, permissions kept, written through to a terminal, a pipe or a device. Returns the number of rows.

    The folder must exist (a typo in it is an error, not a new folder)."""
    if str(path) == "-":
        return write_stream(events, sys.stdout, fmt)
    rows = 0

    def write(out: BinaryIO) -> None:
        nonlocal rows
        text = io.TextIOWrapper(out, encoding="utf-8", newline="")
        rows = write_stream(events, text, fmt)
        text.flush()
        text.detach()

    replace_file(path, write)
    return rows


def write_filter_sidecar(
    path: Path | str, flt: Filter, rows: int, newest_first: bool = False, db_path: Path | str | None = None
) -> Path:
    """`<export>.filter.json` beside an export: the filter and the command line that repeats the export
    exactly, from any folder: the same database, filter, order and output file, all paths absolute."""
    command = ["timeline"]
    if db_path is not None:
        command += ["--db", str(Path(db_path).resolve())]
    command += [
        "export",
        *flt.cli_args(),
        *(["--newest-first"] if newest_first else []),
        "-o",
        str(Path(path).resolve()),
    ]
    sidecar = {
        "filter": flt.describe(),
        "command": " ".join(shlex.quote(part) for part in command),
        "rows": rows,
        "order": "newest first" if newest_first else "oldest first",
    }
    target = Path(f"{path}.filter.json")
    replace_bytes(target, (json.dumps(sidecar, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    return target
