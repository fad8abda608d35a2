"""Merging again only what an ingest touched: the events of the companies its new (or forgotten) articles name.

A new mention can join only mentions that share a company with it (or share its article), so the events
that can change are those of the companies the new and forgotten articles name. Their mentions, with the
new ones and without the forgotten ones, are merged again as `merge.merge_mentions` merges everything;
every other event stays as it is. Closure is one step: an event of a touched company that also names an
untouched one brings that company's mentions in that event, not the untouched company's other events
(whose merge with them was already decided and cannot change through a mention they do not share).
"""

from __future__ import annotations

from collections.abc import Iterable

from .merge import merge_mentions
from .models import Event, Mention


def touched_companies(mentions: Iterable[Mention]) -> set[str]:
    return {company.lower() for mention in mentions for company in mention.companies}


def remerge(
    events: Iterable[Event],
    new: list[Mention],
    forgotten: set[str],
    touched: set[str],
    similarity: float,
) -> tuple[set[str], list[Event]]:
    """(ids of events replaced, the events that replace them) after adding `new` mentions and removing the
    mentions of the `forgotten` doc_ids; `touched` holds the companies (lower case) of both."""
    replaced: set[str] = set()
    kept: list[Mention] = list(new)
    for event in events:
        mentions = event.mentions
        if not any(m.doc_id in forgotten for m in mentions) and not any(
            company.lower() in touched for m in mentions for company in m.companies
        ):
            continue
        replaced.add(event.event_id)
        kept.extend(m for m in mentions if m.doc_id not in forgotten)
    return replaced, merge_mentions(kept, similarity)
