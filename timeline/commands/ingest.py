"""`timeline ingest`: articles in, events out, with progress and one line per problem."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import click

from ..config import Settings
from ..terminal_text import printable
from .common import CONTEXT, UserError, open_store, settings_of


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
    published, url, source), .html, .json and .jsonl articles, each also gzipped (.jsonl.gz). Articles
    already stored unchanged are skipped; a changed article replaces its own events. Exits with 1 if any
    file could not be read.
    """
    settings = settings_of(ctx)
    report = run_ingest(settings, list(paths), published.date() if published else None, quiet, jobs)
    click.echo(
        f"{report.added} added, {report.replaced} replaced, {report.unchanged} unchanged, "
        f"{len(report.errors)} failed; {report.events} events in {printable(str(settings.db_path))}",
        err=True,
    )
    if report.failed:
        ctx.exit(1)


def run_ingest(settings: Settings, paths: list, published: date | None, quiet: bool, jobs: int = 1):
    from ..nlp import ModelNotFound
    from ..pipeline import ingest as run
    from ..sources import count_articles

    store = open_store(settings)
    total = count_articles(paths)
    bar = (
        click.progressbar(
            length=total,
            label="Ingesting",
            show_pos=True,
            show_eta=True,
            file=sys.stderr,
            item_show_func=lambda item: item,
        )
        if not quiet
        else None
    )
    done_before = 0

    def progress(done: int, doc_id: str) -> None:
        nonlocal done_before
        if bar is not None:
            bar.update(done - done_before, printable(os.path.basename(doc_id), 30))
            done_before = done

    def say(kind: str, message: str) -> None:
        if bar is not None:
            sys.stderr.write("\r\033[K")
        click.echo(f"{kind}: {printable(message)}", err=True)

    def on_error(message: str) -> None:
        say("error", message)

    def on_warning(message: str) -> None:
        say("warning", message)

    try:
        if bar is not None:
            bar.__enter__()
        return run(
            paths,
            store,
            settings,
            published=published,
            progress=progress,
            on_error=on_error,
            on_warning=on_warning,
            jobs=jobs,
        )
    except ModelNotFound as error:
        raise UserError(str(error)) from error
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
        store.close()
