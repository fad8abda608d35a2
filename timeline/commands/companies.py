"""`timeline companies`: the canonical companies with their event counts."""

from __future__ import annotations

import click

from ..terminal_text import json_line, printable
from .common import CONTEXT, company_names, open_store, settings_of


@click.command(context_settings=CONTEXT)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.pass_context
def companies(ctx: click.Context, fmt: str) -> None:
    """List canonical companies with their event counts, most events first.

    Names that differ only in case are one company, as in the app's company panel; the names listed here
    are those `--company` takes (an alias from the gazetteer or timeline.toml works too)."""
    store = open_store(settings_of(ctx), read_only=True)
    try:
        counts = company_names(ctx, store.events()).counts
    finally:
        store.close()
    for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0].lower())):
        click.echo(
            json_line({"company": name, "events": count}) if fmt == "jsonl" else f"{count:6d}  {printable(name)}"
        )
