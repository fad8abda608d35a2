"""The article screen (`a`): the whole stored text of each article that reports the event, and its URL.

The text is the cleaned article the database keeps (what mention offsets point into), with the event's
sentence highlighted; `o` opens the URL in the browser, `n`/`p` step through the event's sources.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from ...models import Document, Event, Mention
from ...store import StoreError
from ...terminal_text import printable

ReadDocuments = Callable[[list[str]], dict[str, Document]]


class ArticleScreen(ModalScreen[None]):
    """A pager over the articles of one event."""

    BINDINGS = [
        Binding("escape,q,a", "dismiss", "Close"),
        Binding("o", "open_url", "Open URL"),
        Binding("n", "source(1)", "Next source"),
        Binding("p", "source(-1)", "Previous source"),
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
        Binding("space,pagedown", "page(1)", "Page down", show=False),
        Binding("b,pageup", "page(-1)", "Page up", show=False),
    ]

    def __init__(self, event: Event, read_documents: ReadDocuments | None) -> None:
        super().__init__()
        self.event = event
        self.read_documents = read_documents
        self.sources = list(dict.fromkeys(mention.doc_id for mention in event.mentions))
        self.documents: dict[str, Document] | None = None
        self.position = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="article"):
            yield Static("", id="article-head")
            with VerticalScroll(id="article-scroll"):
                yield Static("Reading the article...", id="article-body")
            yield Footer()

    def on_mount(self) -> None:
        self.query_one("#article-scroll").focus()
        if self.read_documents is None:
            self.documents = {}
            self.show()
        else:
            self.load()

    @work(thread=True, exit_on_error=False)
    def load(self) -> None:
        try:
            documents = self.read_documents(self.sources)
        except (StoreError, OSError, ValueError) as error:
            self.app.call_from_thread(self.failed, f"cannot read the database: {error}")
            return
        self.app.call_from_thread(self.loaded, documents)

    def loaded(self, documents: dict[str, Document]) -> None:
        self.documents = documents
        self.show()

    def failed(self, problem: str) -> None:
        self.documents = {}
        self.show(problem)

    @property
    def doc_id(self) -> str:
        return self.sources[self.position] if self.sources else ""

    @property
    def url(self) -> str:
        document = (self.documents or {}).get(self.doc_id)
        return document.url if document else ""

    def show(self, problem: str = "") -> None:
        mentions = [m for m in self.event.mentions if m.doc_id == self.doc_id]
        document = (self.documents or {}).get(self.doc_id)
        head = Text()
        title = document.title if document and document.title else (mentions[0].title if mentions else "")
        head.append(printable(title) or "(no title)", style="bold")
        published = document.published if document else (mentions[0].published if mentions else None)
        head.append(f"\nsource {self.position + 1} of {len(self.sources)} · {printable(self.doc_id)}", style="dim")
        head.append(f" · published {published.isoformat() if published else 'undated'}", style="dim")
        head.append("\n" + (printable(self.url) if self.url else "no URL stored for this article"), style="cyan")
        self.query_one("#article-head", Static).update(head)
        body = self.query_one("#article-body", Static)
        if document is not None:
            body.update(article_text(document, mentions))
        else:
            why = problem or "the article's text is not in this view's data"
            body.update(
                Text(f"({why}; the sentences that report the event:)\n\n", style="dim")
                + Text("\n\n".join(printable(m.sentence) for m in mentions))
            )
        self.query_one("#article-scroll", VerticalScroll).scroll_home(animate=False)

    def action_source(self, step: int) -> None:
        if len(self.sources) > 1 and self.documents is not None:
            self.position = (self.position + step) % len(self.sources)
            self.show()

    def action_open_url(self) -> None:
        if self.url:
            self.app.open_url(self.url)
            self.app.notify(f"Opening {self.url}", timeout=3)
        else:
            self.app.notify("This article has no URL stored", severity="warning", timeout=3)

    def action_scroll(self, step: int) -> None:
        scroll = self.query_one("#article-scroll", VerticalScroll)
        scroll.scroll_relative(y=step, animate=False)

    def action_page(self, step: int) -> None:
        scroll = self.query_one("#article-scroll", VerticalScroll)
        scroll.scroll_relative(y=step * max(scroll.size.height - 1, 1), animate=False)


def article_text(document: Document, mentions: list[Mention]) -> Text:
    """The stored text, paragraphs kept, hidden characters made visible, the event's sentences highlighted."""
    spans = sorted({(m.start, m.end) for m in mentions if 0 <= m.start < m.end <= len(document.text)})
    text = Text()
    position = 0
    for start, end in spans:
        if start < position:
            continue
        text.append(_shown(document.text[position:start]))
        text.append(_shown(document.text[start:end]), style="bold reverse")
        position = end
    text.append(_shown(document.text[position:]))
    return text


def _shown(part: str) -> str:
    """A piece of the article as a terminal may show it: its line breaks kept, the rest through `printable`."""
    return "\n".join(printable(line, limit=len(line)) for line in part.split("\n"))
