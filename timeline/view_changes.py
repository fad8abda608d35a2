"""What each in-place update of the view index changed, so that an app holding the index reads only that.

`<db>.view.changes.json` lists the updates made since the view was last written whole, oldest first:
each names the token of the view it was applied to and the token of the view it made, the events whose
rows it dropped, the rows it added (as columns, in timeline order, with their lines' offsets), how far the
old lines moved, and the database and index stamps it was written with. An app whose view has one of the
listed "from" tokens replays the updates from there onto its rows (`replay`) instead of parsing the whole
index again; it accepts the result only when the last update replayed made the lines file it holds open
and the database is as that update left it, so the offsets always point into the file they were written
for. Anything else (no file, a chain broken by a full write, a newer write caught half-way) is None, and
the caller reads the whole index.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from operator import itemgetter
from pathlib import Path

from .files import replace_bytes
from .models import precision_rank

KEPT_UPDATES = 32
"""Updates kept in the list: an app further behind reads the whole index."""


def changes_path(db_path: Path) -> Path:
    return Path(f"{db_path}.view.changes.json")


def record_change(db_path: Path, change: dict, mode: int) -> None:
    """Add `change` (an update from the view of token change["from"]) to the list, starting it again when
    the list does not end with that view (a full write came between)."""
    path = changes_path(db_path)
    try:
        updates = json.loads(path.read_bytes())
    except (OSError, ValueError):
        updates = []
    if not isinstance(updates, list) or not updates or updates[-1].get("token") != change["from"]:
        updates = []
    updates = [*updates, change][-KEPT_UPDATES:]
    replace_bytes(path, json.dumps(updates, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), mode)


def forget_changes(db_path: Path) -> None:
    """The view was written whole: no update applies to it."""
    changes_path(db_path).unlink(missing_ok=True)


def updates_between(db_path: Path, since: str, until: str) -> list[dict] | None:
    """The updates that lead from the view of token `since` to that of token `until`, or None."""
    try:
        updates = json.loads(changes_path(db_path).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(updates, list):
        return None
    start = next((n for n, update in enumerate(updates) if update.get("from") == since), None)
    if start is None:
        return None
    chain, token = [], since
    for update in updates[start:]:
        if update.get("from") != token:
            return None
        chain.append(update)
        token = update.get("token")
        if token == until:
            return chain
    return None


def replay(columns: dict, offsets: list[int], update: dict) -> tuple[dict, list[int]]:
    """The rows after `update`: new lists (the ones given are being shown and stay as they are)."""
    removed = set(update["removed"])
    ids = columns["event_id"]
    keep = [row for row, event_id in enumerate(ids) if event_id not in removed] if removed else None
    if keep is None or len(keep) == len(ids):
        kept_columns = {name: list(values) for name, values in columns.items()}
        kept_offsets = list(offsets)
    else:
        kept_columns = {name: _pick(values, keep) for name, values in columns.items()}
        kept_offsets = _pick(offsets, keep)
    shift = update["shift"]
    if shift:
        kept_offsets = [offset + shift for offset in kept_offsets]
    added, added_offsets = update["added"], update["offsets"]
    # both in timeline order: each added row goes where the kept rows' order puts it
    places = [bisect_left(range(len(kept_offsets)), column_key(added, row), key=lambda n: column_key(kept_columns, n))
              for row in range(len(added_offsets))]  # fmt: skip
    merged = {name: _insert(values, places, added[name]) for name, values in kept_columns.items()}
    return merged, _insert(kept_offsets, places, added_offsets)


def column_key(columns: dict, row: int) -> tuple:
    """A row's place in timeline order: dated first, by start, precision, then id."""
    start = columns["start"][row]
    return (start is None, start or 0, precision_rank(columns["precision"][row]), columns["event_id"][row])


def _pick(values: list, rows: list[int]) -> list:
    if not rows:
        return []
    picked = itemgetter(*rows)(values)
    return list(picked) if len(rows) > 1 else [picked]


def _insert(values: list, places: list[int], added: list) -> list:
    """`values` with `added[k]` before the item at `places[k]` (places ascending; equal ones keep k's order)."""
    if not added:
        return values
    merged, begin = [], 0
    for place, value in zip(places, added, strict=True):
        merged.extend(values[begin:place])
        merged.append(value)
        begin = place
    merged.extend(values[begin:])
    return merged
