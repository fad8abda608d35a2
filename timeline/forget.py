"""Forget articles: their documents leave the store and their events leave the timeline.

An event reported by a forgotten article and by others stays, told by the others: the mentions that are
left are merged again as an ingest merges them (only the events of the companies the forgotten articles
name, as `Store.merge_changes` does for an ingest), so its date, companies, summary and number of sources
are what they would be had the forgotten articles never been ingested. The removal and the new events
reach the disk in one atomic write (the store's manifest), under the store's lock (the caller opens the
store for writing).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from .config import Settings
from .store import Store


@dataclass
class ForgetReport:
    forgotten: list[str] = field(default_factory=list)
    """The doc_ids removed, in the order asked."""
    unknown_ids: list[str] = field(default_factory=list)
    """Ids asked for that name no stored article."""
    unmatched_sources: list[str] = field(default_factory=list)
    """Source paths from which no stored article was read."""
    events_removed: int = 0
    """Events every report of which was forgotten."""
    events_kept: int = 0
    """Events some of whose reports were forgotten, kept for the others."""
    events: int = 0
    """Events in the store afterwards."""

    @property
    def failed(self) -> bool:
        return bool(self.unknown_ids or self.unmatched_sources)


def forget(store: Store, settings: Settings, ids: Iterable[str] = (), sources: Iterable[str] = ()) -> ForgetReport:
    """Remove the articles with these doc_ids and those read from these files or folders, with their events."""
    report = ForgetReport()
    paths = store.document_paths()
    chosen: dict[str, None] = {}
    for doc_id in ids:
        if doc_id in paths:
            chosen[doc_id] = None
        else:
            report.unknown_ids.append(doc_id)
    for source in sources:
        matches = [doc_id for doc_id, path in paths.items() if path and read_from(path, source)]
        if not matches:
            report.unmatched_sources.append(source)
        chosen.update(dict.fromkeys(matches))
    report.forgotten = list(chosen)
    if not chosen:
        report.events = store.count_events()
        return report
    for event in store.events_reporting(chosen):
        touched = sum(mention.doc_id in chosen for mention in event.mentions)
        if touched == len(event.mentions):
            report.events_removed += 1
        else:
            report.events_kept += 1
    store.remove_documents(chosen)
    store.merge_changes(settings.merge_similarity)
    store.flush()
    report.events = store.count_events()
    return report


def read_from(path: str, source: str) -> bool:
    """Whether an article read from `path` (as ingest was given it) comes from the file or folder `source`:
    the same path, or one inside it, written alike or reached alike from the current folder."""
    for stored, given in ((os.path.normpath(path), os.path.normpath(source)), (_real(path), _real(source))):
        if stored == given or stored.startswith(given.rstrip(os.sep) + os.sep):
            return True
    return False


def _real(path: str) -> str:
    return os.path.realpath(os.path.expanduser(path))
