"""`timeline ingest`: articles in, events out, with progress and one line per problem."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import click

from ..config import Settings
from ..terminal_text import printable
from .common import CONTEXT, UserError, open_store, settings_of
from .progress import ProgressLine


@click.command(context_settings=CONTEXT)
# readable=False: an unreadable path is one error line from the reader, and the rest is ingested
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False, path_type=Path))
@click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date (YYYY-MM-DD) for articles that carry none of their own.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="all cores",
    help="Processes that parse articles in parallel.",
)
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[Path, ...], published, quiet: bool, jobs: int) -> None:
    """Extract dated company events from article files and folders.

    PATHS are files or folders (read recursively) of .txt/.md (optional YAML front matter: title,
    published, url, source), .html, .json and .jsonl articles, each also gzipped (.jsonl.gz), and shards
    of extracted documents (JSON Lines records marked "timeline_document", as
    timeline.pipeline.extract_shard writes them), stored without parsing them again. Articles
    already stored unchanged are skipped; a changed article replaces its own events. Exits with 1 if any
    file could not be read or a worker process failed. Ctrl-C stops it: what was reported done is kept,
    events included, and the exit code is 130.
    """
    settings = settings_of(ctx)
    report = run_ingest(settings, list(paths), published.date() if published else None, quiet, jobs)
    counts = (
        f"{report.added} added, {report.replaced} replaced, {report.unchanged} unchanged, {len(report.errors)} failed"
    )
    where = printable(str(settings.db_path))
    if report.interrupted:
        click.echo(f"interrupted: {counts}; what was done is kept, {report.events} events in {where}", err=True)
        ctx.exit(130)  # as a program stopped by Ctrl-C
    click.echo(f"{counts}; {report.events} events in {where}", err=True)
    if report.failed:
        ctx.exit(1)


def run_ingest(settings: Settings, paths: list, published: date | None, quiet: bool, jobs: int = 1):
    """Ingest with a progress line, one line per problem, and Ctrl-C turned into a clean stop."""
    from ..nlp import ModelNotFound
    from ..pipeline import ingest as run
    from ..sources import count_articles

    store = open_store(settings, on_wait=_say_waiting)
    line = ProgressLine(count_articles(paths), sys.stderr, enabled=not quiet)

    def on_error(message: str) -> None:
        line.message(f"error: {printable(message)}")

    def on_warning(message: str) -> None:
        line.message(f"warning: {printable(message)}")

    try:
        with _ctrl_c_stops() as stop:
            report = run(
                paths,
                store,
                settings,
                published=published,
                progress=lambda done, doc_id: line.advance(done, os.path.basename(doc_id)),
                on_error=on_error,
                on_warning=on_warning,
                jobs=jobs,
                stop=stop,
            )
    except ModelNotFound as error:
        raise UserError(str(error)) from error
    finally:
        line.close()
        store.close()
    if report.failure:
        click.echo(f"error: {printable(report.failure)}", err=True)
    return report


def _say_waiting(path) -> None:
    click.echo(f"waiting: another timeline process is writing {printable(str(path))}...", err=True)


@contextlib.contextmanager
def _ctrl_c_stops() -> Iterator[threading.Event]:
    """An event Ctrl-C sets (instead of raising KeyboardInterrupt anywhere); a second Ctrl-C quits at once."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def interrupt(signum, frame) -> None:
        stop.set()
        signal.signal(signal.SIGINT, signal.default_int_handler)

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)
