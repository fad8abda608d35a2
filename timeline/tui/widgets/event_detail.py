"""The detail pane: the highlighted event's sentences with date and companies highlighted, and its sources."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...models import Event
from ...terminal_text import printable
from ..model import EventRow, date_label


def describe_event(row: EventRow, event: Event) -> Text:
    """Rich text for one event; article text goes in as plain text, never as markup."""
    text = Text()
    date = event.date
    text.append(date_label(row), style="bold")
    if date:
        text.append(f"  {date.value}  {date.start} – {date.end}  ({date.precision}", style="dim")
        text.append(f", {date.modifier})" if date.modifier else ")", style="dim")
    elif event.estimated:
        estimate = event.estimated
        text.append(f"  estimated: written {estimate.start} – {estimate.end}, from the dates it tells", style="dim")
    text.append("   " + ", ".join(printable(c) for c in event.companies), style="bold cyan")
    for mention in event.mentions:
        text.append("\n\n")
        sentence = Text(printable(mention.sentence))
        if mention.date_span:
            sentence.stylize("bold reverse", *mention.date_span)
        for start, end in mention.company_spans:
            sentence.stylize("bold cyan underline", start, end)
        text.append_text(sentence)
        written = printable(mention.date_text) or "—"
        if mention.date:
            value = mention.date.value
        elif date:
            value = f"{date.value} (inferred from another report)"
        elif mention.estimated_date:
            value = f"none; the article was probably written {mention.estimated_date.value.replace('/', '–')}"
        else:
            value = "unresolved"
        published = mention.published.isoformat() if mention.published else "undated"
        text.append(f"\n  {printable(mention.title)[:80]}", style="italic")
        text.append(
            f"\n  {printable(mention.doc_id)} · published {published} · date as written: {written} → {value}",
            style="dim",
        )
    return text


class EventDetail(VerticalScroll):
    """Shows one event, or a hint when there is none."""

    def compose(self):
        yield Static(id="detail-body")

    def show(self, row: EventRow | None, event: Event | None) -> None:
        body = self.query_one("#detail-body", Static)
        if row is None or event is None:
            body.update(Text("No event highlighted.", style="dim"))
        else:
            body.update(describe_event(row, event))
        self.scroll_home(animate=False)
