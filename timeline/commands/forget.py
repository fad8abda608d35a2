"""`timeline forget`: remove articles, by id or by the file or folder they were read from, and their events."""

from __future__ import annotations

import click

from ..terminal_text import printable
from .common import CONTEXT, UserError, open_store, settings_of


@click.command(context_settings=CONTEXT)
@click.argument("ids", nargs=-1)
@click.option(
    "--source",
    "sources",
    multiple=True,
    type=click.Path(),  # as typed, so a line about it quotes the user
    help="Forget the articles read from this file or folder (repeatable); it need not exist any more.",
)
@click.pass_context
def forget(ctx: click.Context, ids: tuple[str, ...], sources: tuple[str, ...]) -> None:
    """Remove articles and their events from the database.

    IDS are article ids as `timeline articles` lists them (a file's path as it was given to ingest, or
    a JSON record's id). An event that other articles report too stays, told by them (merged
    again as an ingest would). Everything is removed in one atomic write, or nothing. An id or a source
    with no stored article gets a line, and the exit code is 1.

    \b
    Examples:
      timeline forget seeds/000_2d0dbaa153dea599.txt
      timeline forget --source feeds/2024-04.jsonl.gz --source old-news/
    """
    from ..forget import forget as remove

    if not ids and not sources:
        raise click.UsageError("name the articles to forget: IDS, or --source PATH")
    settings = settings_of(ctx)
    if not settings.db_path.exists():
        raise UserError(f"{settings.db_path}: no database yet - nothing to forget")
    store = open_store(settings)
    try:
        report = remove(store, settings, ids, sources)
    finally:
        store.close()
    for doc_id in report.unknown_ids:
        click.echo(f"error: {printable(doc_id)}: no stored article has this id", err=True)
    for source in report.unmatched_sources:
        click.echo(f"error: {printable(source)}: no stored article was read from this path", err=True)
    click.echo(
        f"{_count(len(report.forgotten), 'article')} forgotten: {_count(report.events_removed, 'event')} removed, "
        f"{report.events_kept} kept for their other sources; {_count(report.events, 'event')} in "
        f"{printable(str(settings.db_path))}",
        err=True,
    )
    if report.failed:
        ctx.exit(1)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
