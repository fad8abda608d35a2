"""What a timeline database file looks like, checked before the store uses or writes it.

A TinyDB file is a JSON object of tables, each an object of records keyed by a number. Ours holds the
tables `meta` (one record with an integer `schema_version`), `documents` and `events`, and nothing else;
each record carries the fields the store itself reads. Anything else (another application's TinyDB file,
a hand edit that made `schema_version` a string or `documents` a list, a record cut short) is not ours:
`problem` says what is wrong, and the store refuses the file without writing to it. Deeper fields are
checked when a record is read (`models.Document.from_dict`, `Event.from_dict`).
"""

from __future__ import annotations

TABLES = ("meta", "documents", "events", "parts")
REQUIRED = {
    "documents": (("doc_id", str), ("doc_hash", str), ("mentions", list)),
    "events": (("event_id", str), ("mentions", list)),
    "parts": (("name", str), ("file", str)),
}
MENTION_KEYS = ("doc_id", "doc_hash")


def is_empty(data: dict) -> bool:
    """A file that holds no table at all: a new database, not someone else's."""
    return not data


def problem(data) -> str | None:
    """What makes `data` (a parsed database file) not a timeline database, or None when it is one."""
    if not isinstance(data, dict):
        return f"a JSON {type(data).__name__}, not an object of tables"
    foreign = sorted(set(data) - set(TABLES))
    if foreign:
        return f"tables {', '.join(map(repr, foreign))} are not timeline's"
    for name, table in data.items():
        if not isinstance(table, dict):
            return f"table {name!r} is a {type(table).__name__}, not an object of records"
        for key, record in table.items():
            if not key.isdigit() or not isinstance(record, dict):
                return f"table {name!r}: record {key!r} is not a numbered object"
            missing = _missing(name, record)
            if missing:
                return f"table {name!r}: record {key} has no valid {missing!r}"
    meta = list(data.get("meta", {}).values())
    if len(meta) != 1:
        return "no schema version" if not meta else f"{len(meta)} meta records, not one"
    version = meta[0].get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return f"schema_version is {version!r}, not a positive integer"
    return None


def schema_version(data: dict) -> int:
    """The version of a file `problem` accepted."""
    return next(iter(data["meta"].values()))["schema_version"]


def _missing(table: str, record: dict) -> str | None:
    for field, kind in REQUIRED.get(table, ()):
        if not isinstance(record.get(field), kind):
            return field
    for mention in record.get("mentions", ()) if table in REQUIRED else ():
        if not isinstance(mention, dict) or not all(isinstance(mention.get(key), str) for key in MENTION_KEYS):
            return "mentions"
    return None
