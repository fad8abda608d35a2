"""`timeline ui` (and bare `timeline`): the app, on a database filled with the samples when it is empty."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import click

from ..config import Settings
from ..terminal_text import printable
from .common import CONTEXT, open_store, settings_of
from .ingest import run_ingest


@click.command(context_settings=CONTEXT)
@click.pass_context
def ui(ctx: click.Context) -> None:
    """Open the timeline app (the default when no command is given)."""
    settings = settings_of(ctx)
    if _is_empty(settings):
        from ..sources import bundled_seeds

        seeds = bundled_seeds()
        if seeds is not None:
            click.echo(f"Empty database: ingesting the sample articles from {printable(str(seeds))} first.", err=True)
            settings = settings.with_overrides(db_path=settings.db_path.resolve())
            with contextlib.chdir(seeds.parent):  # so the documents are named seeds/000_....txt
                run_ingest(settings, [Path(seeds.name)], None, quiet=False, jobs=os.cpu_count() or 1)
    from ..tui import make_app, run_app

    ctx.exit(run_app(make_app(settings.db_path)))


def _is_empty(settings: Settings) -> bool:
    if not settings.db_path.exists():
        return True
    store = open_store(settings, read_only=True)
    try:
        return store.count_documents() == 0
    finally:
        store.close()
