"""`timeline articles`: what the database holds, one article a line, with how many events each gave."""

from __future__ import annotations

from collections import Counter
from datetime import date

import click

from ..terminal_text import json_line, printable
from .common import CONTEXT, open_store, settings_of


@click.command(context_settings=CONTEXT)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.pass_context
def articles(ctx: click.Context, fmt: str) -> None:
    """List the stored articles, oldest first: publication date, number of events, id and title.

    The id is what `timeline export` shows in `sources`; JSONL adds the URL and where the date came from.
    """
    store = open_store(settings_of(ctx), read_only=True)
    try:
        documents = list(store.documents())
        events = store.events()
    finally:
        store.close()
    per_article = Counter(doc_id for event in events for doc_id in event.sources)
    documents.sort(key=lambda d: (d.published is None, d.published or date.min, d.doc_id))
    if fmt == "table":
        click.echo(f"{'published':10}  {'events':>6}  id  title")
    for document in documents:
        published = document.published.isoformat() if document.published else None
        count = per_article.get(document.doc_id, 0)
        if fmt == "jsonl":
            record = {
                "id": document.doc_id,
                "published": published,
                "published_from": document.published_from or None,
                "events": count,
                "title": document.title,
                "url": document.url or None,
            }
            click.echo(json_line(record))
        else:
            title = " ".join(document.title.split())
            click.echo(f"{published or 'undated':10}  {count:6d}  {printable(document.doc_id)}  {printable(title)}")
