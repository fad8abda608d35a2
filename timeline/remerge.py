"""Merging again only what an ingest touched: the events of the companies and dates its new (or
forgotten) articles name.

A new mention can join only mentions that share a company with it (or its article), and a dated one only
mentions whose dates hold its date or lie within it. So the events that can change are those of the
companies the new and forgotten mentions name whose dates overlap theirs, and those companies' events that
hold an undated mention (it joins the most alike dated event of its company, which may be a new one); a
company an undated new mention names has all its events merged again. Their mentions, with the new ones
and without the forgotten ones, are merged again as `merge.merge_mentions` merges everything; every other
event stays as it is.
"""

from __future__ import annotations

from collections.abc import Iterable

from .merge import merge_mentions
from .models import Event, Mention

Spans = dict[str, list | None]
"""Company (lower case) -> the (start, end) dates its touched mentions cover, or None for every date."""


def touched_companies(mentions: Iterable[Mention]) -> set[str]:
    return {company.lower() for mention in mentions for company in mention.companies}


def add_spans(spans: Spans, mentions: Iterable[Mention]) -> None:
    """Record in `spans` the companies and dates of `mentions`."""
    for mention in mentions:
        for company in mention.companies:
            key = company.lower()
            if mention.date is None:
                spans[key] = None
            elif spans.setdefault(key, []) is not None:
                spans[key].append((mention.date.start, mention.date.end))


def _touches(event: Event, spans: Spans) -> bool:
    when = event.date
    for mention in event.mentions:
        for company in mention.companies:
            covered = spans.get(company.lower(), False)
            if covered is False:
                continue
            if covered is None or when is None or mention.date is None:
                return True  # an undated mention may move to the most alike dated event of its company
            for held in (when, mention.date):  # a story's day holds sentences dated by the period it reports
                if any(start <= held.end and held.start <= end for start, end in covered):
                    return True
    return False


def remerge(
    events: Iterable[Event],
    new: list[Mention],
    forgotten: set[str],
    spans: Spans,
    similarity: float,
) -> tuple[set[str], list[Event]]:
    """(ids of events replaced, the events that replace them) after adding `new` mentions and removing the
    mentions of the `forgotten` doc_ids; `spans` holds the companies and dates of both."""
    replaced: set[str] = set()
    kept: list[Mention] = list(new)
    for event in events:
        mentions = event.mentions
        if not any(m.doc_id in forgotten for m in mentions) and not _touches(event, spans):
            continue
        replaced.add(event.event_id)
        kept.extend(m for m in mentions if m.doc_id not in forgotten)
    return replaced, merge_mentions(kept, similarity)
