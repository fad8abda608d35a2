"""`timeline dates`: the date normaliser on its own, over a text, a .jsonl file or standard input."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from ..terminal_text import json_line, printable
from .common import CONTEXT, UserError, settings_of


@click.command(context_settings=CONTEXT)
@click.argument("source", default="-", type=click.Path(allow_dash=True, dir_okay=False, path_type=Path))
@click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date (YYYY-MM-DD): the anchor for relative expressions.",
)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@click.pass_context
def dates(ctx: click.Context, source: Path, published, fmt: str) -> None:
    """Find and normalise temporal expressions (TIMEX3 type and value) in text.

    SOURCE is a text file, a .json or .jsonl file of {"id", "published", "text"} records read as ingest
    reads them (any may be gzipped: .txt.gz, .jsonl.gz), or - for standard input. Each output line:
    doc_id, start, end, text, type, value, start_date, end_date, precision, modifier, with character
    offsets into the given text; --format table prints them under a header. A record that cannot be read
    is one line on standard error, the others are read, and the exit code is 1.
    """
    from ..clean import find_published
    from ..events import date_expressions
    from ..nlp import ModelNotFound, load_pipeline, parse_texts

    settings = settings_of(ctx)
    records, problems = _date_records(source, published.date() if published else None, settings.max_file_bytes)
    try:
        nlp = load_pipeline(settings.model)
    except ModelNotFound as error:
        raise UserError(str(error)) from error
    docs = parse_texts(nlp, (text for _, _, text in records), settings.batch_size)
    rows = []
    for (doc_id, anchor, text), doc in zip(records, docs, strict=True):
        anchor = anchor or find_published(text)  # a dateline dates a text given without a date, as in ingest
        for timex in date_expressions(doc, anchor, settings):
            row = {"doc_id": doc_id, **timex.to_dict()}
            for key in ("anchored", "relation"):
                row.pop(key)
            row["modifier"] = timex.modifier or timex.relation
            if fmt == "jsonl":
                click.echo(json_line(row))
            else:
                rows.append(row)
    if fmt == "table":
        _print_table(rows)
    if problems:
        ctx.exit(1)


TABLE_COLUMNS = ("doc_id", "start", "end", "type", "value", "precision", "modifier", "text")


def _print_table(rows: list[dict]) -> None:
    """A header, then a row per expression, each column as wide as its longest cell (ids are never cut)."""
    cells = [TABLE_COLUMNS] + [
        tuple(printable(str(row[column] if row[column] is not None else "")) for column in TABLE_COLUMNS)
        for row in rows
    ]
    widths = [max(len(line[index]) for line in cells) for index in range(len(TABLE_COLUMNS) - 1)]
    for line in cells:
        padded = [
            cell.rjust(width) if column in ("start", "end") and line is not cells[0] else cell.ljust(width)
            for column, cell, width in zip(TABLE_COLUMNS, line, widths, strict=False)
        ]
        click.echo("  ".join([*padded, line[-1]]).rstrip())


def _date_records(source: Path, anchor: date | None, max_bytes: int) -> tuple[list[tuple[str, date | None, str]], int]:
    """(doc_id, publication date, text) from a JSON or JSON Lines file of records (read as ingest reads it),
    a text file (either gzipped, at most `max_bytes` once decompressed) or standard input; and the number of
    records that could not be read, each told in one line on standard error, as ingest does."""
    from ..models import Article, Document
    from ..sources import JSON_LINES_SUFFIXES, SourceError, SourceWarning, article_suffix, decode, read_file, read_input

    name = str(source)
    if name != "-" and article_suffix(source) in (".json", *JSON_LINES_SUFFIXES):
        records, problems = [], 0
        for item in read_file(source, published=anchor, max_bytes=max_bytes):
            if isinstance(item, Article | Document):  # a shard's document: its cleaned text
                records.append((item.doc_id, item.published, item.text))
            elif isinstance(item, SourceError):
                problems += 1
                click.echo(f"error: {printable(str(item))}", err=True)
            elif isinstance(item, SourceWarning):
                click.echo(f"warning: {printable(str(item))}", err=True)
        return records, problems
    try:
        data = sys.stdin.buffer.read() if name == "-" else read_input(source, max_bytes)
        text = decode(data)
    except OSError as error:
        raise UserError(f"{name}: cannot read file ({error.strerror or error})") from error
    except ValueError as error:
        raise UserError(f"{name}: {error}") from error
    return [(name, anchor, text)], 0
