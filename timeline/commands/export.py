"""`timeline export`: the timeline, or the filtered part of it, as CSV or JSON Lines."""

from __future__ import annotations

from datetime import date

import click

from ..terminal_text import printable
from .common import CONTEXT, UserError, open_store, resolve_companies, settings_of


@click.command(context_settings=CONTEXT)
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option("--company", "companies", multiple=True, help="Only events of this company (repeatable).")
@click.option("--since", help="Only events on or after: 2024-03-01, 2024-03, 2024, 'Q1 2024', 'last year'.")
@click.option("--until", help="Only events on or before (same forms as --since).")
@click.option(
    "--search",
    default="",
    help="Only events whose summary, companies, sources or article titles contain this text (any case).",
)
@click.option("--newest-first", is_flag=True, help="Newest events first (undated ones stay last), as the app's `o`.")
@click.option("-o", "--output", default="-", show_default=True, help="Output file, or - for standard output.")
@click.pass_context
def export(ctx: click.Context, fmt: str, companies, since, until, search: str, newest_first: bool, output: str) -> None:
    """Write the timeline (or the filtered part of it) as CSV or JSON Lines.

    CSV columns: event_id, date, start, end, precision, modifier, companies, summary, date_text, sources,
    published, source_count, estimated, inferred. JSONL carries every event with all its mentions.
    """
    from ..export import write_file
    from ..files import failure
    from ..query import FilterError, apply, make_filter, newest_first_order

    try:
        flt = make_filter(companies=companies, since=since, until=until, search=search, today=date.today())
    except FilterError as error:
        raise UserError(str(error)) from error
    store = open_store(settings_of(ctx), read_only=True)
    try:
        every_event = store.events()  # in timeline order
        events = apply(every_event, resolve_companies(ctx, flt, every_event))
        if newest_first:
            events = newest_first_order(events)
    finally:
        store.close()
    try:
        count = write_file(events, output, fmt)
    except BrokenPipeError:
        raise  # the reader stopped reading ("| head", "| grep -q"): click ends quietly, as a pipe's writer does
    except OSError as error:
        raise UserError(failure(output, error)) from error
    if output != "-":
        click.echo(f"{count} events written to {printable(output)}", err=True)
