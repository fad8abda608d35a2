"""`timeline dates`: the date normaliser on its own, over a text, a .jsonl file or standard input."""

from __future__ import annotations

import json
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

    SOURCE is a text file, a .jsonl file of {"id", "published", "text"} records (either may be
    gzipped: .txt.gz, .jsonl.gz), or - for standard input. Each output line: doc_id, start, end, text,
    type, value, start_date, end_date, precision, modifier, with character offsets into the given text.
    """
    from ..clean import find_published
    from ..events import date_expressions
    from ..nlp import ModelNotFound, load_pipeline, parse_texts

    settings = settings_of(ctx)
    records = _date_records(source, published.date() if published else None, settings.max_file_bytes)
    try:
        nlp = load_pipeline(settings.model)
    except ModelNotFound as error:
        raise UserError(str(error)) from error
    docs = parse_texts(nlp, (text for _, _, text in records), settings.batch_size)
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
                click.echo(
                    f"{printable(doc_id, 20):20} {timex.start:6d} {timex.type:8} {str(timex.value):14} "
                    f"{timex.precision or '':8} {row['modifier'] or '':7} {printable(timex.text)}"
                )


def _date_records(source: Path, anchor: date | None, max_bytes: int) -> list[tuple[str, date | None, str]]:
    """(doc_id, publication date, text) from a .jsonl file of records, a text file (either gzipped, at most
    `max_bytes` once decompressed), or standard input."""
    from ..sources import JSON_LINES_SUFFIXES, article_suffix, decode, read_input

    name = str(source)
    try:
        data = sys.stdin.buffer.read() if name == "-" else read_input(source, max_bytes)
        text = decode(data)
    except OSError as error:
        raise UserError(f"{name}: cannot read file ({error.strerror or error})") from error
    except ValueError as error:
        raise UserError(f"{name}: {error}") from error
    if name == "-" or article_suffix(source) not in JSON_LINES_SUFFIXES:
        return [(name, anchor, text)]
    records = []
    for number, line in enumerate(text.split("\n"), start=1):  # U+2028 and kin may sit inside a JSON string
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            own = record.get("published")
            records.append(
                (
                    str(record.get("id", f"{name}:{number}")),
                    date.fromisoformat(own[:10]) if own else anchor,
                    record["text"],
                )
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise UserError(f"{name}:{number}: not a {{id, published, text}} record ({error})") from error
    return records
