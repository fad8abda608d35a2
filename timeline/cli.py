"""The `timeline` command: a thin click group over the library. With no subcommand it opens the app.

The subcommands live in `timeline.commands`, one module each.
"""

from __future__ import annotations

import logging
from pathlib import Path

import click

from . import __version__
from .commands.articles import articles
from .commands.common import CONTEXT, UserError, global_options, group_options
from .commands.companies import companies
from .commands.dates import dates
from .commands.export import export
from .commands.forget import forget
from .commands.ingest import ingest
from .commands.ui import ui


class TimelineGroup(click.Group):
    """The group, turning a store failure met anywhere in a command (a full disk mid-ingest, a record a hand
    edit broke) into the one-line error that names the database."""

    def invoke(self, ctx: click.Context):
        from .store import StoreError

        try:
            return super().invoke(ctx)
        except StoreError as error:
            raise UserError(str(error)) from error


@click.group(cls=TimelineGroup, invoke_without_command=True, context_settings=CONTEXT)
@group_options
@click.version_option(__version__, prog_name="timeline")
@click.pass_context
def cli(ctx: click.Context, db: Path | None, config_path: Path | None, model: str | None, verbose: bool) -> None:
    """Turn news articles into a dated, per-company event timeline.

    With no command, opens the timeline app on the database (ingesting the bundled sample articles
    first when the database is empty).

    \b
    Examples:
      timeline ingest seeds/                 extract events from articles
      timeline                               browse them
      timeline export -o events.csv          write them as CSV
      timeline export --company Renault --since 2024-01 --format jsonl -o -
      timeline forget --source old-news/     remove articles and their events

    --db, --config, --model and -v also work after the command (`timeline ingest seeds/ --db x.json`).
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s")
    ctx.obj = {"options": {"db": db, "config_path": config_path, "model": model}}
    if ctx.invoked_subcommand is None:
        ctx.invoke(ui)


for command in (ingest, ui, export, companies, articles, dates, forget):
    cli.add_command(global_options(command))


def main() -> None:
    cli(prog_name="timeline")
