"""The timeline app: composition, keys and worker plumbing. Logic lives in `model`, widgets, screens, dialogs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from ..companies import Canonicaliser
from ..models import Document
from ..query import Filter
from ..store import Store, StoreError
from ..terminal_text import printable
from ..view import open_view
from .dialogs import Dialogs
from .messages import EventsLoaded, LoadFailed
from .model import BUCKETS, TimelineModel, bucket_of
from .screens import ArticleScreen, HelpScreen, PromptScreen
from .widgets import CompanyList, CompanyPanel, DensityStrip, EventDetail, StatusLine, TimelineList

EMPTY_HINT = "No events yet. Add articles with:  timeline ingest PATH...   (then press r to reload)"
TYPED_KEYS_ACTIONS = frozenset(
    "help find find_next toggle_companies date_range edit_filter goto_date toggle_order bucket export reload "
    "quit clear_companies article".split()
)
"""Actions on printable keys: while a text box has focus those keys are typed, so the footer hides them."""


class TimelineApp(Dialogs, App[None]):
    """Browse, filter, search and export the merged timeline."""

    CSS_PATH = "app.tcss"
    TITLE = "timeline"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (22, "-tall")]
    """Below 22 rows the density strip gives its rows to the list."""

    BINDINGS = [
        Binding("question_mark", "help", "Keys"),
        Binding("slash", "find", "Find"),
        Binding("n", "find_next(1)", "Next", show=False),
        Binding("N", "find_next(-1)", "Prev", show=False),
        Binding("c", "toggle_companies", "Companies"),
        Binding("escape", "clear_companies", "All companies"),
        Binding("d", "date_range", "Dates", show=False),
        Binding("f", "edit_filter", "Filter"),
        Binding("ctrl+f", "toggle_filters", "All filters", priority=True, show=False),
        Binding("colon", "goto_date", "Go to", show=False),
        Binding("o", "toggle_order", "Order", show=False),
        Binding("plus,equals_sign", "bucket(1)", "Zoom", show=False),
        Binding("minus", "bucket(-1)", "Zoom out", show=False),
        Binding("a", "article", "Article"),
        Binding("e", "export", "Export"),
        Binding("r", "reload", "Reload", show=False),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(
        self,
        db_path: Path | None = None,
        *,
        records: list[dict] | None = None,
        today: date | None = None,
        export_dir: Path | None = None,
        company_aliases: dict[str, str] | None = None,
        start_filter: Filter | None = None,
    ) -> None:
        super().__init__()
        self.db_path = db_path
        self.records = records
        self.today = today or date.today()
        self.export_dir = export_dir or Path.cwd()
        self.canonicaliser = Canonicaliser(company_aliases or {})
        self.model = TimelineModel.from_records([])
        self.model.filter = start_filter or Filter()
        self.find_text = ""
        self.told_of_change = False
        self.loaded_once = False
        self.reloading = False

    # layout

    def compose(self) -> ComposeResult:
        yield Static("", id="filter-line")
        with Horizontal(id="main"):
            yield CompanyPanel(id="companies")
            yield TimelineList(self.model, id="timeline")
        yield DensityStrip(id="density")
        yield EventDetail(id="detail")
        self.status_line = StatusLine(id="status")
        yield self.status_line
        yield Footer()

    def on_resize(self) -> None:
        self.fit_footer()

    def fit_footer(self) -> None:
        """In a narrow terminal the footer packs its keys and leaves ctrl+p to the help, so q still shows."""
        footer = self.query_one(Footer)
        footer.compact = self.size.width < 100
        footer.show_command_palette = self.size.width >= 80

    def on_mount(self) -> None:
        self.fit_footer()
        self.query_one("#companies").display = self.size.width >= 110
        self.query_one(TimelineList).focus()
        self.update_filter_line()
        self.load()

    @property
    def timeline(self) -> TimelineList:
        return self.query_one(TimelineList)

    def notify(self, message: str, *, title: str = "", severity: str = "information", timeout=None, markup=False):
        """Every message goes to the status line above the footer, one at a time, never over the details, and
        as plain text: it quotes what the user typed and what articles say."""
        self.status_line.say(printable(message), severity, timeout if timeout is not None else 5.0)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in TYPED_KEYS_ACTIONS and isinstance(self.focused, Input):
            return False  # the key is typed into the box: the footer must not promise otherwise
        if action == "clear_companies" and not self.model.filter.companies:
            return False
        return True

    # loading

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load(self) -> None:
        """Read the store and build the model off the UI thread; the app paints before this ends."""
        try:
            model = self._read_model()
        except StoreError as error:
            self.post_message(LoadFailed(str(error)))
            return
        except (KeyError, TypeError, ValueError, AttributeError) as error:  # an event record a hand edit broke
            problem = f"{error.__class__.__name__} {error}"
            self.post_message(LoadFailed(f"{self.db_path}: not a timeline database ({problem})"))
            return
        model.newest_first, model.filter = self.model.newest_first, self.model.filter
        model.filters_enabled = self.model.filters_enabled
        model.refresh()
        self.post_message(EventsLoaded(model))

    def _read_model(self) -> TimelineModel:
        if self.records is not None:
            return TimelineModel.from_records(self.records, self.canonicaliser)
        if self.db_path is None or not Path(self.db_path).exists():
            return TimelineModel.from_records([], self.canonicaliser)
        db_path = Path(self.db_path)
        shown = self.model.view
        view = (shown.reopened() if shown is not None else None) or open_view(db_path)
        if view is not None:
            return TimelineModel.from_view(view, self.canonicaliser)
        with Store(db_path, read_only=True) as store:  # no fresh view index: read the database itself
            return TimelineModel.from_records(store.event_records(), self.canonicaliser)

    def on_events_loaded(self, message: EventsLoaded) -> None:
        keep = self.timeline.current_event_id()
        before = self.model
        if before.view is not None:
            before.view.close()
        self.model = message.model
        self.told_of_change = False
        self.timeline.model = self.model
        self.timeline.empty_message = EMPTY_HINT if not len(self.model) else "No events match the filters (ctrl+f)."
        if not self.loaded_once:
            self.loaded_once = True
            self.apply_model(None, opening=True)
        else:
            self.apply_model(keep)
        if self.reloading:
            self.reloading = False
            self.notify(self.model.change_since(before), timeout=4)

    def on_load_failed(self, message: LoadFailed) -> None:
        self.reloading = False
        self.timeline.empty_message = message.error
        self.timeline.reset()
        self.notify(message.error, severity="error", timeout=10)

    def action_reload(self) -> None:
        self.reloading = True
        self.load()

    # refreshing the view

    def apply_model(self, keep_event: str | None = None, opening: bool = False) -> None:
        """Show the model's current lines, counts, density and filter line."""
        self.timeline.reset(keep_event, self.model.opening_line(self.today) if opening else None)
        panel = self.query_one(CompanyPanel)
        if panel.display:
            panel.show_counts(self.model.company_counts(), self.model.effective_filter.companies)
        self.update_density()
        self.update_filter_line()
        self.refresh_bindings()

    def refilter(self, **changes) -> None:
        keep = self.timeline.current_event_id()
        self.model.filter = replace(self.model.filter, **changes)
        self.model.filters_enabled = True
        self.model.refresh()
        self.apply_model(keep)

    def update_filter_line(self) -> None:
        flt = self.model.filter
        first = Text.assemble(("Filter", "bold"), " ", printable(flt.describe()) or "(none)")
        if flt.active and not self.model.filters_enabled:
            first.append(" ").append(" off ", style="reverse")
        parts = [first]
        if self.find_text:
            parts.append(Text(f"find: {printable(self.find_text)}"))
        parts.append(Text(f"{len(self.model.visible):,} of {len(self.model):,} events"))
        parts.append(Text("newest first" if self.model.newest_first else "oldest first"))
        self.query_one("#filter-line", Static).update(Text("  │  ").join(parts))

    def update_density(self) -> None:
        strip = self.query_one(DensityStrip)
        labels, counts = self.model.density(strip.bucket)
        row = self.timeline.current_row()
        start = self.model.starts[row] if row is not None else None
        strip.show(labels, counts, bucket_of(start, strip.bucket) if start else None)

    @on(TimelineList.Highlighted)
    def show_highlighted(self, message: TimelineList.Highlighted) -> None:
        row = message.row
        view = self.model.view
        if view is not None and not self.told_of_change and view.replaced():
            self.told_of_change = True  # the rows shown stay those of the index read, until r
            self.notify("The database changed (an ingest in another terminal?): press r to reload", timeout=6)
        detail = self.query_one(EventDetail)
        detail.show(self.model.row(row), self.model.event(row)) if row is not None else detail.show(None, None)
        strip = self.query_one(DensityStrip)
        start = self.model.starts[row] if row is not None else None
        strip.show(strip.labels, strip.counts, bucket_of(start, strip.bucket) if start else None)

    # companies

    def action_toggle_companies(self) -> None:
        """Show the panel and go into it; from inside it, hide it."""
        panel = self.query_one(CompanyPanel)
        if panel.display and panel.has_focus_within:
            panel.display = False
            self.timeline.focus()
            return
        if not panel.display:
            panel.display = True
            panel.show_counts(self.model.company_counts(), self.model.filter.companies)
        panel.company_list.focus()

    def action_clear_companies(self) -> None:
        """Escape on the timeline: back to every company (after a solo, say)."""
        if self.model.filter.companies:
            self.refilter(companies=())
            self.notify("Every company again (the date range and search stay)", timeout=3)

    @on(CompanyPanel.SelectionChanged)
    def companies_selected(self, message: CompanyPanel.SelectionChanged) -> None:
        self.refilter(companies=message.companies)

    @on(CompanyList.Solo)
    def company_solo(self, message: CompanyList.Solo) -> None:
        self.refilter(companies=(message.company,))
        self.timeline.focus()
        self.notify(f"Only {message.company}: escape shows every company again", timeout=4)

    @on(CompanyList.Cleared)
    def companies_cleared(self) -> None:
        self.refilter(companies=())

    @on(CompanyList.Left)
    def companies_left(self) -> None:
        self.timeline.focus()

    @on(CompanyPanel.Narrowed)
    def companies_narrowed(self) -> None:
        self.query_one(CompanyPanel).show_counts(self.model.company_counts(), self.model.filter.companies)

    # filters

    def action_toggle_filters(self) -> None:
        keep = self.timeline.current_event_id()
        self.model.filters_enabled = not self.model.filters_enabled
        self.model.refresh()
        self.apply_model(keep)
        state = "on" if self.model.filters_enabled else "off"
        self.notify(f"Filters {state}", timeout=2)

    # find

    def action_find(self) -> None:
        def done(text: str | None) -> None:
            if text is None:
                return
            self.find_text = text.strip()
            self.timeline.set_find(self.find_text)
            self.update_filter_line()
            if self.find_text:
                self.action_find_next(1, from_current=True)

        self.push_screen(PromptScreen("Find", self.find_text, "text in summaries, companies, sources"), done)

    def action_find_next(self, step: int, from_current: bool = False) -> None:
        if not self.find_text:
            self.notify("Nothing to find: press / first", timeout=2)
            return
        hits = self.model.matches(self.find_text)
        if not hits:
            self.notify(f"No match for {self.find_text!r}", severity="warning", timeout=3)
            return
        cursor = self.timeline.cursor
        if from_current and cursor in hits:
            target = cursor
        elif step > 0:
            target = next((h for h in hits if h > cursor), hits[0])
        else:
            target = next((h for h in reversed(hits) if h < cursor), hits[-1])
        self.timeline.go_to_line(target)
        self.notify(f"match {hits.index(target) + 1} of {len(hits)}", timeout=1.5)

    # view

    def action_toggle_order(self) -> None:
        keep = self.timeline.current_event_id()
        self.model.newest_first = not self.model.newest_first
        self.model.refresh()
        self.apply_model(keep)

    def action_bucket(self, step: int) -> None:
        strip = self.query_one(DensityStrip)
        position = BUCKETS.index(strip.bucket)
        strip.bucket = BUCKETS[max(0, min(len(BUCKETS) - 1, position - step))]
        self.update_density()

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_article(self) -> None:
        row = self.timeline.current_row()
        if row is None:
            self.notify("No event highlighted", severity="warning", timeout=2)
            return
        self.push_screen(ArticleScreen(self.model.event(row), self.read_documents if self.db_path else None))

    def read_documents(self, doc_ids: list[str]) -> dict[str, Document]:
        """The stored articles with these ids (run in the article screen's worker)."""
        with Store(Path(self.db_path), read_only=True) as store:
            return {doc_id: document for doc_id in doc_ids if (document := store.document(doc_id)) is not None}

    # command palette

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for title, help_text, action in COMMANDS:
            yield SystemCommand(title, help_text, lambda action=action: self.run_action(action))


COMMANDS = [
    ("Find text", "Find text in summaries, companies and sources (/)", "find"),
    ("Companies panel", "Show the company panel and go into it; hide it from inside (c)", "toggle_companies"),
    ("Date range", "Filter by since..until (d)", "date_range"),
    ("Edit filter", "Edit the one-line filter (f)", "edit_filter"),
    ("Toggle all filters", "Turn every filter off or on again (ctrl+f)", "toggle_filters"),
    ("Go to date", "Jump to a date (:)", "goto_date"),
    ("Newest or oldest first", "Reverse the order (o)", "toggle_order"),
    ("Read the article", "The whole article of the highlighted event, with its URL (a)", "article"),
    ("Export to CSV", "Export the events in view (e)", "export"),
    ("Reload", "Read the database again (r)", "reload"),
    ("Help: every key", "What each key does (?)", "help"),
]


def make_app(
    db_path: Path | None = None,
    *,
    records: list[dict] | None = None,
    today: date | None = None,
    export_dir: Path | None = None,
    company_aliases: dict[str, str] | None = None,
    start_filter: Filter | None = None,
) -> TimelineApp:
    """The app users get, for the CLI and the tests alike: on a database file, or on given event records."""
    return TimelineApp(
        db_path,
        records=records,
        today=today,
        export_dir=export_dir,
        company_aliases=company_aliases,
        start_filter=start_filter,
    )


def run_app(app: App, **options) -> int:
    """Run `app` in the terminal until it ends; the exit code: 0 after quitting, non-zero after a crash."""
    app.run(**options)
    return app.return_code or 0
