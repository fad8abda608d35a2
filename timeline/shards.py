"""Shards: extracted documents as JSON Lines, stored by `timeline ingest` without parsing them again.

A shard line is `json.dumps(Document.to_dict())`: the document's cleaned text, its mentions and their
dates, and the key `"timeline_document": 1` (`models.DOCUMENT_MARKER`) that tells a reader it holds an
extracted document and not an article. Extraction on a cluster writes them (`shard_lines`, or
`pipeline.extract_shard` for articles), and `sources` reads them back through `read_document`, which
checks every field the store, the merge and the app rely on, so that a damaged line is refused in one
line and never stored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date

from .models import DOCUMENT_FORMAT, DOCUMENT_MARKER, PRECISIONS, Document

OPTIONAL_TEXT = ("title", "published_from", "path", "url", "source")
MENTION_TEXT = ("date_text", "title")
MENTION_FLAGS = ("is_headline", "is_lead", "retells_story")
DATE_TEXT = ("value", "text")


class ShardRecordError(ValueError):
    """A record marked as a document that cannot be stored; the message says which field and why."""


def document_line(document: Document) -> str:
    """One shard line (without its line end) for an extracted document."""
    return json.dumps(document.to_dict(), ensure_ascii=False)


def shard_lines(documents: Iterable[Document]) -> list[str]:
    """Shard lines for extracted documents, as Dask's `Bag.to_textfiles` or a plain file write takes them."""
    return [document_line(document) for document in documents]


def is_document_record(record: dict) -> bool:
    """Whether a JSON record is marked as an extracted document (whatever its format version)."""
    return DOCUMENT_MARKER in record


def read_document(record: dict) -> Document:
    """The document a marked record holds; `ShardRecordError` names the first field that is wrong."""
    version = record.get(DOCUMENT_MARKER)
    if not _is_int(version) or version < 1:
        raise ShardRecordError(f"{DOCUMENT_MARKER!r} is {version!r}, not a document format number")
    if version > DOCUMENT_FORMAT:
        raise ShardRecordError(
            f"document format {version} comes from a newer timeline (this one reads format {DOCUMENT_FORMAT})"
        )
    _check_text(record, "doc_id", required=True, non_empty=True)
    _check_text(record, "doc_hash", required=True, non_empty=True)
    _check_text(record, "text", required=True)
    for name in OPTIONAL_TEXT:
        _check_text(record, name)
    _check_day(record, "published")
    mentions = record.get("mentions", [])
    if not isinstance(mentions, list):
        raise ShardRecordError(f"'mentions' is a {type(mentions).__name__}, not a list")
    for number, mention in enumerate(mentions, 1):
        try:
            _check_mention(mention, record)
        except ShardRecordError as error:
            raise ShardRecordError(f"mention {number}: {error}") from None
    return Document.from_dict(record)


def _check_mention(mention: object, document: dict) -> None:
    if not isinstance(mention, dict):
        raise ShardRecordError(f"a JSON {type(mention).__name__}, not an object")
    for name in ("doc_id", "doc_hash"):
        if mention.get(name) != document[name]:
            raise ShardRecordError(f"{name!r} {_shown(mention.get(name))} is not its document's")
    start, end = mention.get("start"), mention.get("end")
    if not (_is_int(start) and _is_int(end) and 0 <= start <= end <= len(document["text"])):
        raise ShardRecordError(
            f"'start' {_shown(start)} and 'end' {_shown(end)} are not offsets into its document's text"
        )
    _check_text(mention, "sentence", required=True)
    companies = mention.get("companies")
    if not isinstance(companies, list) or not all(isinstance(company, str) for company in companies):
        raise ShardRecordError(f"'companies' is {_shown(companies)}, not a list of names")
    for name in MENTION_TEXT:
        _check_text(mention, name)
    for name in MENTION_FLAGS:
        if not isinstance(mention.get(name, False), bool):
            raise ShardRecordError(f"{name!r} is {_shown(mention[name])}, not true or false")
    _check_day(mention, "published")
    _check_span(mention.get("date_span"), "date_span", optional=True)
    spans = mention.get("company_spans", [])
    if not isinstance(spans, list):
        raise ShardRecordError(f"'company_spans' is {_shown(spans)}, not a list")
    for span in spans:
        _check_span(span, "company_spans")
    for name in ("date", "estimated_date"):
        _check_date_value(mention.get(name), name)


def _check_date_value(value: object, name: str) -> None:
    if value is None:
        return
    if not isinstance(value, dict):
        raise ShardRecordError(f"{name!r} is {_shown(value)}, not a date object")
    for field in DATE_TEXT:
        _check_text(value, field, required=field == "value", label=f"{name}.{field}")
    for field in ("start", "end"):
        _check_day(value, field, required=True, label=f"{name}.{field}")
    if value.get("precision") not in PRECISIONS:
        raise ShardRecordError(f"'{name}.precision' is {_shown(value.get('precision'))}, not one of timeline's")
    if not isinstance(value.get("modifier"), str | None):
        raise ShardRecordError(f"'{name}.modifier' is {_shown(value['modifier'])}, not text")


def _check_text(record: dict, name: str, *, required=False, non_empty=False, label: str = "") -> None:
    label = label or name
    if name not in record:
        if required:
            raise ShardRecordError(f"no {label!r}")
        return
    value = record[name]
    if not isinstance(value, str) or (non_empty and not value):
        raise ShardRecordError(f"{label!r} is {_shown(value)}, not {'non-empty ' if non_empty else ''}text")


def _check_day(record: dict, name: str, *, required=False, label: str = "") -> None:
    label = label or name
    value = record.get(name)
    if value is None and not required:
        return
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ShardRecordError(f"{label!r} is {_shown(value)}, not a YYYY-MM-DD date") from None


def _check_span(span: object, name: str, optional: bool = False) -> None:
    """A pair of integers. Not checked against the sentence: extraction writes a company span that begins
    before its sentence (a name the sentence continues) as a negative offset, and the app copes with it."""
    if span is None and optional:
        return
    if not (isinstance(span, list) and len(span) == 2 and all(_is_int(offset) for offset in span)):
        raise ShardRecordError(f"{name!r} holds {_shown(span)}, not a [start, end] pair of offsets")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _shown(value: object) -> str:
    """A value as a message shows it: its JSON, cut short."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."
