"""`timeline companies`: the canonical companies with their event counts."""

from __future__ import annotations

import click

from ..terminal_text import json_line, printable
from .common import CONTEXT, open_store, settings_of


@click.command(context_settings=CONTEXT)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.pass_context
def companies(ctx: click.Context, fmt: str) -> None:
    """List canonical companies with their event counts, most events first."""
    from collections import Counter

    store = open_store(settings_of(ctx), read_only=True)
    try:
        counts = Counter(company for event in store.events() for company in event.companies)
    finally:
        store.close()
    for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0].lower())):
        click.echo(
            json_line({"company": name, "events": count}) if fmt == "jsonl" else f"{count:6d}  {printable(name)}"
        )
