"""Plain data shared by every stage: articles, normalised dates, mentions and merged events.

Nothing here imports spaCy or Textual. Each record converts to and from the JSON dicts the store keeps.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date

DOCUMENT_MARKER = "timeline_document"
DOCUMENT_FORMAT = 1
"""`Document.to_dict` writes `{DOCUMENT_MARKER: DOCUMENT_FORMAT}`: a JSON Lines record with this key is an
extracted document (a shard line, see `timeline.shards`), which `timeline ingest` stores without parsing."""

PRECISIONS = ("day", "week", "month", "season", "quarter", "half", "year", "decade", "century")
"""From the most to the least precise; `precision_rank` orders by this."""


def precision_rank(precision: str | None) -> int:
    """0 for a day, growing as the date gets coarser; unknown precision ranks last."""
    return PRECISIONS.index(precision) if precision in PRECISIONS else len(PRECISIONS)


def content_hash(text: str) -> str:
    """The stable identity of a piece of text (documents, mentions, events)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Article:
    """One news article as read from disk, before cleaning."""

    doc_id: str
    text: str
    title: str = ""
    published: date | None = None
    url: str = ""
    source: str = ""
    path: str = ""
    published_from: str = ""
    """Where the publication date came from: metadata, dateline, option, or empty when unknown."""


@dataclass(frozen=True)
class Timex:
    """A temporal expression found in text, with its TIMEX3 type and value.

    `start_date`/`end_date` are the inclusive interval the value covers; both are None for values with no
    fixed place in time (durations, sets, PRESENT_REF) or when the anchor needed to resolve it is missing.
    """

    start: int
    end: int
    text: str
    type: str = "DATE"
    value: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    precision: str | None = None
    modifier: str | None = None
    anchored: bool = False
    """True when the value was computed from the publication date (relative expressions)."""
    relation: str | None = None
    """BEFORE or AFTER from a signal outside the expression ("since 2014", "by 2030")."""

    @property
    def is_event_date(self) -> bool:
        """Only a DATE (or TIME) with a fixed interval can place an event on the timeline."""
        return self.type in ("DATE", "TIME") and self.start_date is not None

    def to_dict(self) -> dict:
        record = asdict(self)
        record["start_date"] = _iso(self.start_date)
        record["end_date"] = _iso(self.end_date)
        return record


@dataclass(frozen=True)
class DateValue:
    """The date an event carries: a TIMEX3 value with its interval, precision and modifier."""

    value: str
    start: date
    end: date
    precision: str
    modifier: str | None = None
    text: str = ""

    def to_dict(self) -> dict:
        return {
            "value": self.value,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": self.precision,
            "modifier": self.modifier,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, record: dict | None) -> DateValue | None:
        if not record:
            return None
        return cls(
            value=record["value"],
            start=date.fromisoformat(record["start"]),
            end=date.fromisoformat(record["end"]),
            precision=record["precision"],
            modifier=record.get("modifier"),
            text=record.get("text", ""),
        )

    @classmethod
    def from_timex(cls, timex: Timex, modifier: str | None = None) -> DateValue:
        assert timex.start_date is not None and timex.end_date is not None and timex.value
        return cls(
            value=timex.value,
            start=timex.start_date,
            end=timex.end_date,
            precision=timex.precision or "day",
            modifier=modifier or timex.modifier or timex.relation,
            text=timex.text,
        )


@dataclass(frozen=True)
class Mention:
    """One article's report of an event: a sentence (or headline) with its companies and date.

    `start`/`end` are character offsets of the sentence in the stored document text; `date_span` and
    `company_spans` are offsets relative to the sentence, for highlighting.
    """

    doc_id: str
    doc_hash: str
    start: int
    end: int
    sentence: str
    companies: tuple[str, ...]
    date: DateValue | None
    date_text: str = ""
    date_span: tuple[int, int] | None = None
    company_spans: tuple[tuple[int, int], ...] = ()
    published: date | None = None
    title: str = ""
    is_headline: bool = False
    is_lead: bool = False
    """The article's first sentence after the headline: it tells the headline's story."""
    retells_story: bool = False
    """A later sentence dated by the period the headline or lead reports ("third-quarter profit fell", then
    "in the third quarter, Wells Fargo added $500 million to reserves"): the story's results again."""
    estimated_date: DateValue | None = None
    """For an undated article's story, when the article was probably written (see `timeline.estimates`)."""

    @property
    def mention_id(self) -> str:
        key = f"{self.doc_hash}:{self.start}:{self.end}:{self.date_span}:{self.date.value if self.date else ''}"
        return content_hash(key)[:16]

    def to_dict(self) -> dict:
        return {
            "mention_id": self.mention_id,
            "doc_id": self.doc_id,
            "doc_hash": self.doc_hash,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "companies": list(self.companies),
            "date": self.date.to_dict() if self.date else None,
            "date_text": self.date_text,
            "date_span": list(self.date_span) if self.date_span else None,
            "company_spans": [list(span) for span in self.company_spans],
            "published": _iso(self.published),
            "title": self.title,
            "is_headline": self.is_headline,
            "is_lead": self.is_lead,
            "estimated_date": self.estimated_date.to_dict() if self.estimated_date else None,
            **({"retells_story": True} if self.retells_story else {}),  # absent is false, as in older databases
        }

    @classmethod
    def from_dict(cls, record: dict) -> Mention:
        return cls(
            doc_id=record["doc_id"],
            doc_hash=record["doc_hash"],
            start=record["start"],
            end=record["end"],
            sentence=record["sentence"],
            companies=tuple(record["companies"]),
            date=DateValue.from_dict(record.get("date")),
            date_text=record.get("date_text", ""),
            date_span=tuple(record["date_span"]) if record.get("date_span") else None,
            company_spans=tuple(tuple(span) for span in record.get("company_spans", [])),
            published=_parse_iso(record.get("published")),
            title=record.get("title", ""),
            is_headline=record.get("is_headline", False),
            is_lead=record.get("is_lead", False),
            retells_story=record.get("retells_story", False),
            estimated_date=DateValue.from_dict(record.get("estimated_date")),
        )


@dataclass
class Event:
    """One thing that happened, as reported by one or more mentions (possibly from several articles)."""

    event_id: str
    date: DateValue | None
    companies: tuple[str, ...]
    summary: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        return sorted({mention.doc_id for mention in self.mentions})

    @property
    def source_count(self) -> int:
        return len(self.sources)

    @property
    def published(self) -> date | None:
        dates = [mention.published for mention in self.mentions if mention.published]
        return min(dates) if dates else None

    @property
    def estimated(self) -> DateValue | None:
        """For an event no article dates, when its undated article was probably written, else None."""
        if self.date is not None:
            return None
        return next((m.estimated_date for m in self.mentions if m.estimated_date), None)

    @property
    def inferred(self) -> bool:
        """The date comes from another report for at least one source whose article does not date the event."""
        return self.date is not None and any(mention.date is None for mention in self.mentions)

    @property
    def when(self) -> DateValue | None:
        """The date, or the estimate: what places the event on the timeline."""
        return self.date or self.estimated

    @property
    def search_text(self) -> str:
        return search_text(self.summary, self.companies, self.sources, [m.title for m in self.mentions])

    @property
    def date_text(self) -> str:
        if self.date:
            return self.date.text
        return next((mention.date_text for mention in self.mentions if mention.date_text), "")

    def to_dict(self) -> dict:
        return {
            "event_id": self.event_id,
            "date": self.date.to_dict() if self.date else None,
            "companies": list(self.companies),
            "summary": self.summary,
            "mentions": [mention.to_dict() for mention in self.mentions],
        }

    @classmethod
    def from_dict(cls, record: dict) -> Event:
        return cls(
            event_id=record["event_id"],
            date=DateValue.from_dict(record.get("date")),
            companies=tuple(record["companies"]),
            summary=record["summary"],
            mentions=[Mention.from_dict(m) for m in record.get("mentions", [])],
        )


def search_key(text: str) -> str:
    """Text as a search compares it: lower case, every run of whitespace one space."""
    return " ".join(text.split()).lower()


def search_text(summary: str, companies: Iterable[str], sources: Iterable[str], titles: Iterable[str]) -> str:
    """What a search looks in, for the command line and the app alike: the summary, the companies, the
    sources and the articles' titles, one field a line (so no search runs from one field into the next)."""
    parts = [summary, " ".join(companies), " ".join(sources), *dict.fromkeys(titles)]
    return "\n".join(search_key(part) for part in parts)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _parse_iso(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass(frozen=True)
class Document:
    """A stored article: its cleaned text (what mention offsets point into) and its mentions."""

    doc_id: str
    doc_hash: str
    text: str
    title: str = ""
    published: date | None = None
    published_from: str = ""
    path: str = ""
    url: str = ""
    source: str = ""
    mentions: tuple[Mention, ...] = ()

    def to_dict(self) -> dict:
        return {
            DOCUMENT_MARKER: DOCUMENT_FORMAT,
            "doc_id": self.doc_id,
            "doc_hash": self.doc_hash,
            "text": self.text,
            "title": self.title,
            "published": _iso(self.published),
            "published_from": self.published_from,
            "path": self.path,
            "url": self.url,
            "source": self.source,
            "mentions": [mention.to_dict() for mention in self.mentions],
        }

    @classmethod
    def from_dict(cls, record: dict) -> Document:
        return cls(
            doc_id=record["doc_id"],
            doc_hash=record["doc_hash"],
            text=record["text"],
            title=record.get("title", ""),
            published=_parse_iso(record.get("published")),
            published_from=record.get("published_from", ""),
            path=record.get("path", ""),
            url=record.get("url", ""),
            source=record.get("source", ""),
            mentions=tuple(Mention.from_dict(m) for m in record.get("mentions", [])),
        )
