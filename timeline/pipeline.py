"""Ingest: articles in, documents and merged events stored. The one verb that composes every stage.

`extract_document` is a pure function of (article, parsed doc, settings); `ingest` streams articles from
disk, skips those already stored unchanged (by a hash of the content and the extraction key, before any
NLP), parses the rest in `nlp.pipe` batches, stores the documents in batches and merges the events they
touch once at the end. Extracted documents read from shards (`extract_shard` writes them) take the same
path without the parse.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import islice
from pathlib import Path

from . import __version__
from .clean import CleanText, clean_article, first_line
from .companies import Canonicaliser
from .config import Settings
from .events import extract_mentions
from .merge import merge_mentions
from .models import Article, Document, content_hash
from .nlp import check_model, load_pipeline, parse_texts
from .shards import shard_lines
from .sources import SourceError, SourceWarning, read_paths
from .store import Store

LOGGER = logging.getLogger(__name__)
FLUSH_EVERY = 200
"""Documents between two atomic writes of the database: a crash loses at most this many."""
TASK_SIZE = 16
"""Articles per task sent to a worker process: small, so progress moves evenly and a stop is quick."""


class WorkerFailure(RuntimeError):
    """A worker process failed or died; the message says how, in one line."""


@dataclass
class IngestReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    events: int = 0
    warnings: list[str] = field(default_factory=list)
    interrupted: bool = False
    """Stopped before the end (Ctrl-C): what was reported done is stored, events included."""
    failure: str = ""
    """Why the ingest ended early (a worker failed); what was done before is stored, events included."""

    @property
    def failed(self) -> bool:
        return bool(self.errors or self.failure)


Progress = Callable[[int, str], None]
"""Called with (articles done so far, the article's doc_id)."""


def extraction_key(settings: Settings) -> str:
    """What besides the article shapes its mentions: this release of timeline and the settings extraction
    reads. It is part of each stored hash, so after an upgrade, with another spaCy pipeline or with new
    company aliases, the next ingest reads stored articles again instead of keeping stale events."""
    return repr(
        (
            __version__,
            settings.model,
            settings.earliest_year,
            settings.future_years,
            sorted(settings.company_aliases.items()),
            sorted(settings.company_exclusions),
        )
    )


def article_hash(article: Article, key: str) -> str:
    """What identifies an article's extraction: its text, title and publication date, and the extraction key."""
    return content_hash(f"{key}\x00{article.title}\x00{article.published}\x00{article.text}")


def prepare(article: Article, key: str) -> tuple[Article, str, CleanText]:
    """The article with cleaned text, its title and publication date settled, and what cleaning found
    (the dateline, stock codes)."""
    cleaned = clean_article(article.text, article.title)
    title = article.title or first_line(cleaned.text)
    published, source = article.published, article.published_from
    if published is None and cleaned.published is not None:
        published, source = cleaned.published, "dateline"
    ready = Article(
        doc_id=article.doc_id,
        text=cleaned.text,
        title=title,
        published=published,
        url=article.url,
        source=article.source,
        path=article.path,
        published_from=source,
    )
    return ready, article_hash(article, key), cleaned


def extract_document(article: Article, doc_hash: str, cleaned: CleanText, doc, settings: Settings) -> Document:
    """The stored form of one prepared article, given its parsed spaCy doc."""
    canonicaliser = _canonicaliser(settings)
    mentions = extract_mentions(
        doc,
        doc_id=article.doc_id,
        doc_hash=doc_hash,
        title=article.title,
        published=article.published,
        dateline=cleaned.dateline,
        marks=cleaned.marks,
        canonicaliser=canonicaliser,
        settings=settings,
    )
    return Document(
        doc_id=article.doc_id,
        doc_hash=doc_hash,
        text=article.text,
        title=article.title,
        published=article.published,
        published_from=article.published_from,
        path=article.path,
        url=article.url,
        source=article.source,
        mentions=tuple(mentions),
    )


def extract_batch(articles: list[Article], settings: Settings) -> list[Document]:
    """The pure extraction function: documents for articles, given only the settings.

    Deterministic for the same (articles, settings) and free of I/O beyond loading the model once per
    process, so it can run anywhere: in a worker process here, or mapped over partitions by Dask or Ray.
    """
    nlp = load_pipeline(settings.model, tuple(sorted(settings.company_aliases.items())))
    key = extraction_key(settings)
    prepared = [prepare(article, key) for article in articles]
    docs = parse_texts(nlp, (article.text for article, _, _ in prepared), settings.batch_size)
    return [
        extract_document(article, doc_hash, cleaned, doc, settings)
        for (article, doc_hash, cleaned), doc in zip(prepared, docs, strict=True)
    ]


def extract_shard(articles: list[Article], settings: Settings) -> list[str]:
    """`extract_batch` as shard lines (JSON, one document each) that `timeline ingest` stores as they are:
    what a Dask or Ray partition maps to before writing its text file."""
    return shard_lines(extract_batch(articles, settings))


def extract_articles(
    articles: Iterable[Article], settings: Settings, jobs: int = 1, stop: threading.Event | None = None
) -> Iterator[Document]:
    """Documents for articles in their order, parsed in batches, on `jobs` processes, until `stop` is set.

    A worker that raises or dies ends the extraction with a `WorkerFailure`."""
    stop = stop or threading.Event()
    iterator = iter(articles)
    if jobs <= 1:
        for batch in iter(lambda: list(islice(iterator, settings.batch_size)), []):
            if stop.is_set():
                return
            yield from extract_batch(batch, settings)
        return
    batches = iter(lambda: list(islice(iterator, TASK_SIZE)), [])
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_ignore_interrupts)
    try:
        pending: deque[Future] = deque()
        for batch in batches:  # at most two tasks per worker in flight: memory stays flat
            if stop.is_set():
                return
            pending.append(pool.submit(extract_batch, batch, settings))
            if len(pending) >= 2 * jobs:
                yield from _result(pending.popleft(), stop)
        while pending and not stop.is_set():
            yield from _result(pending.popleft(), stop)
    finally:
        pool.shutdown(wait=not stop.is_set(), cancel_futures=True)


def _result(future: Future, stop: threading.Event) -> list[Document]:
    """A task's documents; none when `stop` is set first (checked while waiting, so Ctrl-C is quick)."""
    while not wait([future], timeout=0.2, return_when=FIRST_COMPLETED).done:
        if stop.is_set():
            return []
    try:
        return future.result()
    except BrokenProcessPool:
        raise WorkerFailure("a worker process died (killed, or out of memory?)") from None
    except Exception as error:  # whatever a worker raised ends the ingest in one line, as -j 1 would
        raise WorkerFailure(f"a worker process failed: {error}") from error


def _ignore_interrupts() -> None:
    """Ctrl-C reaches every process of the terminal's group: the main process alone stops the ingest."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    settings: Settings,
    *,
    published: date | None = None,
    progress: Progress | None = None,
    on_error: Callable[[str], None] | None = None,
    jobs: int = 1,
    on_warning: Callable[[str], None] | None = None,
    stop: threading.Event | None = None,
) -> IngestReport:
    """Read, extract and store every article under `paths`; merge all stored mentions into events.

    Extracted documents found there (shard lines) are stored as they are, unless stored unchanged.

    `on_error` hears of each file or record that could not be read, `on_warning` of each article read
    with a problem (a publication date that could not be read, an id given to two different articles).
    Setting `stop` (the CLI does on Ctrl-C) ends the ingest early, and a failed worker ends it too: either
    way every document reported done through `progress` is stored and merged into the events, and the
    report says why it ended (`interrupted`, `failure`). A missing spaCy pipeline raises `ModelNotFound`
    before anything starts."""
    check_model(settings.model)
    stop = stop or threading.Event()
    report = IngestReport()
    stored = store.document_hashes()
    key = extraction_key(settings)
    done = 0
    pending: list[Document] = []

    def keep(document: Document) -> None:
        nonlocal done, pending
        if document.doc_id in stored:
            report.replaced += 1
        else:
            report.added += 1
        stored[document.doc_id] = document.doc_hash
        pending.append(document)
        done += 1
        if progress:
            progress(done, document.doc_id)
        if len(pending) >= FLUSH_EVERY:
            store.put_documents(pending)
            store.flush()
            pending = []
            LOGGER.info("%d documents stored in %s", report.added + report.replaced, store.path)

    def fresh_articles() -> Iterator[Article]:
        """The articles to extract; documents already extracted are kept on the way (in this thread)."""
        nonlocal done
        for item in read_paths(paths, published=published, max_bytes=settings.max_file_bytes):
            if stop.is_set():
                return
            if isinstance(item, SourceError):
                report.errors.append(str(item))
                if on_error:
                    on_error(str(item))
                continue
            if isinstance(item, SourceWarning):
                report.warnings.append(str(item))
                if on_warning:
                    on_warning(str(item))
                continue
            ready = isinstance(item, Document)
            if stored.get(item.doc_id) == (item.doc_hash if ready else article_hash(item, key)):
                report.unchanged += 1
                done += 1
                if progress:
                    progress(done, item.doc_id)
            elif ready:
                keep(item)
            else:
                yield item

    try:
        for document in extract_articles(fresh_articles(), settings, jobs, stop):
            keep(document)
    except WorkerFailure as failure:
        report.failure = str(failure)
    report.interrupted = stop.is_set()
    store.put_documents(pending)
    if store.events_behind():
        rebuild_events(store, settings)
    elif report.added or report.replaced:
        store.merge_changes(settings.merge_similarity)
    store.flush()
    report.events = store.count_events()
    return report


def rebuild_events(store: Store, settings: Settings) -> None:
    """Merge the mentions of every stored document into the events table."""
    mentions = [mention for document in store.documents() for mention in document.mentions]
    store.replace_events(merge_mentions(mentions, settings.merge_similarity))


@lru_cache(maxsize=4)
def _canonicaliser_for(aliases: tuple[tuple[str, str], ...], exclusions: frozenset[str]) -> Canonicaliser:
    return Canonicaliser(dict(aliases), exclusions)


def _canonicaliser(settings: Settings) -> Canonicaliser:
    """One canonicaliser per alias set and process, so its memo of names serves every article."""
    return _canonicaliser_for(tuple(sorted(settings.company_aliases.items())), settings.company_exclusions)
