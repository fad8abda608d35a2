"""`timeline ui` (and bare `timeline`): the app, on a database filled with the samples when it is empty.

Only the default database is filled with the samples: a database named by `--db`, `TIMELINE_DB` or the
config file that does not exist is a typo until the user says otherwise (asked on a terminal, refused
elsewhere). The app draws on a terminal; with standard input or output redirected it says so and exits.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import click

from ..config import Settings, standard_db_path
from ..terminal_text import printable
from .common import CONTEXT, UserError, open_store, resolve_companies, settings_of
from .ingest import run_ingest


@click.command(context_settings=CONTEXT)
@click.option("--company", "companies", multiple=True, help="Open on this company's events (repeatable).")
@click.option("--since", help="Open on events on or after: 2024-03-01, mar 2024, Q1 2024, 'last year'.")
@click.option("--until", help="Open on events on or before (same forms as --since).")
@click.option("--search", default="", help="Open on events whose text contains this.")
@click.pass_context
def ui(ctx: click.Context, companies, since, until, search: str) -> None:
    """Open the timeline app (the default when no command is given), optionally on a filtered view.

    The options take what `timeline export` takes; in the app, ctrl+f turns the filter off and on.
    An empty default database is first filled with the bundled sample articles; a database named with
    --db that does not exist is created empty only when you say so.
    """
    from datetime import date
    from functools import cache, partial

    from ..query import FilterError, make_filter

    try:
        start_filter = make_filter(companies=companies, since=since, until=until, search=search, today=date.today())
    except FilterError as error:
        raise UserError(str(error)) from error
    settings = settings_of(ctx)
    is_default = settings.db_path.expanduser().resolve() == standard_db_path().resolve()
    if not is_default and not settings.db_path.exists():
        _create_when_asked(settings)
    is_empty = cache(partial(_is_empty, settings))  # the store is opened for it once, and only when asked
    if start_filter.companies and not is_empty():  # a mistyped name is told before anything else
        start_filter = resolve_companies(ctx, start_filter, _events_companies(settings))
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError(
            "the timeline app needs a terminal (standard input or output is redirected); "
            "`timeline export -o FILE` writes the events to a file or a pipe"
        )
    if is_default and is_empty():
        from ..sources import bundled_seeds

        seeds = bundled_seeds()
        if seeds is not None:
            click.echo(f"Empty database: ingesting the sample articles from {printable(str(seeds))} first.", err=True)
            settings = settings.with_overrides(db_path=settings.db_path.resolve())
            with contextlib.chdir(seeds.parent):  # so the documents are named seeds/000_....txt
                run_ingest(settings, [Path(seeds.name)], None, quiet=False, jobs=os.cpu_count() or 1)
        if start_filter.companies:  # the samples just ingested
            start_filter = resolve_companies(ctx, start_filter, _events_companies(settings))
    from ..tui import make_app, run_app

    app = make_app(settings.db_path, company_aliases=settings.company_aliases, start_filter=start_filter)
    ctx.exit(run_app(app))


def _events_companies(settings: Settings):
    """Each event's companies, from the app's fast index when it is fresh, else from the database."""
    from types import SimpleNamespace

    from ..view import read_view

    view = read_view(settings.db_path)
    if view is not None:
        return [SimpleNamespace(companies=names) for names in view["columns"]["companies"]]
    store = open_store(settings, read_only=True)
    try:
        return store.events()
    finally:
        store.close()


def _create_when_asked(settings: Settings) -> None:
    path = settings.db_path
    missing = f"{path}: no such database"
    if not sys.stdin.isatty():
        raise UserError(f"{missing} (check the name; `timeline --db {path} ingest PATH` creates it)")
    if not click.confirm(f"{printable(missing)}. Create an empty one there?", default=False, err=True):
        raise UserError(f"{missing}; nothing was created")
    open_store(settings).close()


def _is_empty(settings: Settings) -> bool:
    if not settings.db_path.exists():
        return True
    store = open_store(settings, read_only=True)
    try:
        return store.count_documents() == 0
    finally:
        store.close()
