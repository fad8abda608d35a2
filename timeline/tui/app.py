"""The timeline app: composition, keys and worker plumbing. Logic lives in `model`, widgets and screens."""

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
from textual.widgets import Footer, Static

from ..export import write_file, write_filter_sidecar
from ..query import FilterError, date_bound, parse_filter
from ..store import Store, StoreError
from ..terminal_text import printable
from ..view import open_view
from .messages import EventsLoaded, ExportFinished, LoadFailed
from .model import BUCKETS, TimelineModel, bucket_of
from .screens import HelpScreen, PromptScreen
from .widgets import CompanyList, CompanyPanel, DensityStrip, EventDetail, TimelineList

FILTER_FIELDS = ("companies", "since", "until", "search", "since_text", "until_text")
EMPTY_HINT = "No events yet. Add articles with:  timeline ingest PATH...   (then press r to reload)"


class TimelineApp(App[None]):
    """Browse, filter, search and export the merged timeline."""

    CSS_PATH = "app.tcss"
    TITLE = "timeline"

    BINDINGS = [
        Binding("question_mark", "help", "Keys"),
        Binding("slash", "find", "Find"),
        Binding("n", "find_next(1)", "Next", show=False),
        Binding("N", "find_next(-1)", "Prev", show=False),
        Binding("c", "toggle_companies", "Companies"),
        Binding("d", "date_range", "Dates", show=False),
        Binding("f", "edit_filter", "Filter"),
        Binding("ctrl+f", "toggle_filters", "All filters", priority=True, show=False),
        Binding("colon", "goto_date", "Go to", show=False),
        Binding("o", "toggle_order", "Order", show=False),
        Binding("plus,equals_sign", "bucket(1)", "Zoom", show=False),
        Binding("minus", "bucket(-1)", "Zoom out", show=False),
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
    ) -> None:
        super().__init__()
        self.db_path = db_path
        self.records = records
        self.today = today or date.today()
        self.export_dir = export_dir or Path.cwd()
        self.model = TimelineModel.from_records([])
        self.find_text = ""
        self.told_of_change = False

    def notify(self, message: str, *, title: str = "", severity="information", timeout=None, markup=False) -> None:
        """Every notification is plain text: it quotes what the user typed and what articles say."""
        super().notify(printable(message), title=printable(title), severity=severity, timeout=timeout, markup=markup)

    # layout

    def compose(self) -> ComposeResult:
        yield Static("", id="filter-line")
        with Horizontal(id="main"):
            yield CompanyPanel(id="companies")
            yield TimelineList(self.model, id="timeline")
        yield DensityStrip(id="density")
        yield EventDetail(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#companies").display = self.size.width >= 110
        self.query_one(TimelineList).focus()
        self.update_filter_line()
        self.load()

    @property
    def timeline(self) -> TimelineList:
        return self.query_one(TimelineList)

    # loading

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load(self) -> None:
        """Read the store and build the model off the UI thread; the app paints before this ends."""
        try:
            model = self._read_model()
        except StoreError as error:
            self.post_message(LoadFailed(str(error)))
            return
        model.newest_first, model.filter = self.model.newest_first, self.model.filter
        model.filters_enabled = self.model.filters_enabled
        model.refresh()
        self.post_message(EventsLoaded(model))

    def _read_model(self) -> TimelineModel:
        if self.records is not None:
            return TimelineModel.from_records(self.records)
        if self.db_path is None or not Path(self.db_path).exists():
            return TimelineModel.from_records([])
        db_path = Path(self.db_path)
        view = open_view(db_path)
        if view is not None:
            return TimelineModel.from_view(view)
        with Store(db_path, read_only=True) as store:  # no fresh view index: read the database itself
            return TimelineModel.from_records(store.event_records())

    def on_events_loaded(self, message: EventsLoaded) -> None:
        keep = self.timeline.current_event_id()
        if self.model.view is not None:
            self.model.view.close()
        self.model = message.model
        self.told_of_change = False
        self.timeline.model = self.model
        self.timeline.empty_message = EMPTY_HINT if not len(self.model) else "No events match the filters (ctrl+f)."
        self.apply_model(keep)

    def on_load_failed(self, message: LoadFailed) -> None:
        self.timeline.empty_message = message.error
        self.timeline.reset()
        self.notify(message.error, severity="error", timeout=10)

    def action_reload(self) -> None:
        self.load()

    # refreshing the view

    def apply_model(self, keep_event: str | None = None) -> None:
        """Show the model's current lines, counts, density and filter line."""
        self.timeline.reset(keep_event)
        panel = self.query_one(CompanyPanel)
        if panel.display:
            panel.show_counts(self.model.company_counts(), self.model.effective_filter.companies)
        self.update_density()
        self.update_filter_line()

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
        panel = self.query_one(CompanyPanel)
        panel.display = not panel.display
        if panel.display:
            panel.show_counts(self.model.company_counts(), self.model.filter.companies)
            panel.company_list.focus()
        else:
            self.timeline.focus()

    @on(CompanyPanel.SelectionChanged)
    def companies_selected(self, message: CompanyPanel.SelectionChanged) -> None:
        self.refilter(companies=message.companies)

    @on(CompanyList.Solo)
    def company_solo(self, message: CompanyList.Solo) -> None:
        self.refilter(companies=(message.company,))
        self.timeline.focus()  # the panel takes typed letters; the timeline's keys work again

    @on(CompanyList.Cleared)
    def companies_cleared(self) -> None:
        self.refilter(companies=())

    @on(CompanyList.Narrowed)
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

    def action_edit_filter(self) -> None:
        def done(line: str | None) -> None:
            if line is None:
                return
            try:
                flt = parse_filter(line, today=self.today)
            except FilterError as error:
                self.notify(str(error), severity="error")
                return
            self.refilter(**{name: getattr(flt, name) for name in FILTER_FIELDS})

        self.push_screen(
            PromptScreen(
                "Filter",
                self.model.filter.describe(),
                "company:Renault,Xiaomi since:2024-01 until:2024-06 words",
                "company:A,B  since:DATE  until:DATE  free words search the text",
            ),
            done,
        )

    def action_date_range(self) -> None:
        flt = self.model.filter
        current = f"{flt.since_text or (flt.since or '')}..{flt.until_text or (flt.until or '')}"

        def done(text: str | None) -> None:
            if text is None:
                return
            since_text, _, until_text = text.partition("..")
            try:
                since = date_bound(since_text, today=self.today, upper=False) if since_text.strip() else None
                until = date_bound(until_text, today=self.today, upper=True) if until_text.strip() else None
            except FilterError as error:
                self.notify(str(error), severity="error")
                return
            self.refilter(since=since, until=until, since_text=since_text.strip(), until_text=until_text.strip())

        self.push_screen(
            PromptScreen(
                "Date range (since..until)",
                current if current != ".." else "",
                "2024-01..2024-06",
                "2024-03, Q1 2024, March 2024, last year; empty side = open",
            ),
            done,
        )

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

    def action_goto_date(self) -> None:
        def done(text: str | None) -> None:
            if not text:
                return
            try:
                day = date_bound(text, today=self.today, upper=False)
            except FilterError as error:
                self.notify(str(error), severity="error")
                return
            line = self.model.goto_line(day)
            if line is not None:
                self.timeline.go_to_line(line)

        self.push_screen(PromptScreen("Go to date", "", "2024-04-26, 2024-03, Q1 2024, last year"), done)

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    # export

    def action_export(self) -> None:
        default = self.export_dir / f"timeline-{self.today.isoformat()}.csv"

        def done(path: str | None) -> None:
            if path:
                self.export_view(Path(path).expanduser())

        self.push_screen(PromptScreen(f"Export {len(self.model.visible):,} events in view to CSV", str(default)), done)

    @work(thread=True, group="export", exit_on_error=False)
    def export_view(self, path: Path) -> None:
        """Write exactly the rows in view, in view order, and the filter beside them for the command line."""
        try:
            events = self.model.events_in_view()
            count = write_file(events, path, "csv")
            write_filter_sidecar(path, self.model.effective_filter, count, self.model.newest_first, self.db_path)
        except OSError as error:
            self.call_from_thread(self.notify, f"{path}: cannot write ({error.strerror})", severity="error")
            return
        self.post_message(ExportFinished(str(path), count))

    def on_export_finished(self, message: ExportFinished) -> None:
        self.notify(f"Exported {message.rows:,} events to {message.path} (filter in {message.path}.filter.json)")

    # command palette

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for title, help_text, action in COMMANDS:
            yield SystemCommand(title, help_text, lambda action=action: self.run_action(action))


COMMANDS = [
    ("Find text", "Find text in summaries, companies and sources (/)", "find"),
    ("Companies panel", "Show or hide the company panel (c)", "toggle_companies"),
    ("Date range", "Filter by since..until (d)", "date_range"),
    ("Edit filter", "Edit the one-line filter (f)", "edit_filter"),
    ("Toggle all filters", "Turn every filter off or on again (ctrl+f)", "toggle_filters"),
    ("Go to date", "Jump to a date (:)", "goto_date"),
    ("Newest or oldest first", "Reverse the order (o)", "toggle_order"),
    ("Export to CSV", "Export the events in view (e)", "export"),
    ("Reload", "Read the database again (r)", "reload"),
    ("Keys", "Show every key (?)", "help"),
]


def make_app(
    db_path: Path | None = None,
    *,
    records: list[dict] | None = None,
    today: date | None = None,
    export_dir: Path | None = None,
) -> TimelineApp:
    """The app users get, for the CLI and the tests alike: on a database file, or on given event records."""
    return TimelineApp(db_path, records=records, today=today, export_dir=export_dir)


def run_app(app: App, **options) -> int:
    """Run `app` in the terminal until it ends; the exit code: 0 after quitting, non-zero after a crash."""
    app.run(**options)
    return app.return_code or 0
