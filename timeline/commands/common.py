"""What every subcommand shares: the one-line user error, the settings, opening the store."""

from __future__ import annotations

import click

from ..config import Settings

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class UserError(click.ClickException):
    """A one-line error for the user; exit code 1."""


def settings_of(ctx: click.Context) -> Settings:
    return ctx.find_root().obj["settings"]


def open_store(settings: Settings, *, read_only: bool = False):
    from ..store import Store, StoreError

    if read_only and not settings.db_path.exists():
        raise UserError(f"{settings.db_path}: no database yet - run `timeline ingest PATH` first")
    try:
        return Store(settings.db_path, read_only=read_only)
    except StoreError as error:
        raise UserError(str(error)) from error
