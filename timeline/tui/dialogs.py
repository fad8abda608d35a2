"""The app's one-line questions (filter, date range, go to date, export): each reads what was typed, acts on
it, or says what is wrong while the dialog stays open with the text as typed."""

from __future__ import annotations

from pathlib import Path

from textual import work

from ..export import write_file, write_filter_sidecar
from ..files import failure, is_stream
from ..query import FilterError, check_range, date_bound, parse_filter
from .messages import ExportFinished
from .screens import PromptScreen

FILTER_FIELDS = ("since", "until", "search", "since_text", "until_text")
"""What the filter line sets besides the companies, which are resolved to the timeline's names first."""


class Dialogs:
    """Mixed into `TimelineApp`: the actions behind `f`, `d`, `:` and `e`."""

    def action_edit_filter(self) -> None:
        def answer(line: str) -> str | None:
            try:
                flt = parse_filter(line, today=self.today)
                companies = self.model.resolve_companies(flt.companies)
            except FilterError as error:
                return str(error)
            self.refilter(**{name: getattr(flt, name) for name in FILTER_FIELDS}, companies=companies)
            return None

        self.push_screen(
            PromptScreen(
                "Filter",
                self.model.filter.describe(),
                "company:Renault,Xiaomi since:2024-01 until:2024-06 words",
                "company:A,B  since:DATE  until:DATE  free words search the text",
                answer=answer,
            )
        )

    def action_date_range(self) -> None:
        flt = self.model.filter
        current = f"{flt.since_text or (flt.since or '')}..{flt.until_text or (flt.until or '')}"

        def answer(text: str) -> str | None:
            since_text, _, until_text = (part.strip() for part in text.partition(".."))
            try:
                since = date_bound(since_text, today=self.today, upper=False) if since_text else None
                until = date_bound(until_text, today=self.today, upper=True) if until_text else None
                check_range(since, until, since_text, until_text)
            except FilterError as error:
                return str(error)
            self.refilter(since=since, until=until, since_text=since_text, until_text=until_text)
            return None

        self.push_screen(
            PromptScreen(
                "Date range (since..until)",
                current if current != ".." else "",
                "2024-01..2024-06",
                "2024-03, mar 2024, 2024/03/01, Q1 2024, last year; an empty side is open",
                answer=answer,
            )
        )

    def action_goto_date(self) -> None:
        def answer(text: str) -> str | None:
            if not text.strip():
                return None
            try:
                day = date_bound(text, today=self.today, upper=False)
            except FilterError as error:
                return str(error)
            line = self.model.goto_line(day)
            if line is None:
                self.notify("No dated event in view to go to", severity="warning")
                return None
            self.timeline.go_to_line(line)
            reached = self.timeline.current_row()
            start = self.model.starts[reached] if reached is not None else None
            if start is not None and start < day and not self.model.newest_first:
                self.notify(f"No event on or after {day.isoformat()}: at the last dated event", timeout=4)
            elif start is not None and start > day and self.model.newest_first:
                self.notify(f"No event on or before {day.isoformat()}: at the oldest dated event", timeout=4)
            return None

        self.push_screen(
            PromptScreen("Go to date", "", "2024-04-26, 2024-03, mar 2024, Q1 2024, last year", answer=answer)
        )

    # export

    def action_export(self) -> None:
        default = self.export_dir / f"timeline-{self.today.isoformat()}.csv"
        confirmed: list[Path] = []

        def answer(text: str) -> str | None:
            problem, path = self.export_problem(text, confirmed)
            if problem:
                return problem
            self.export_view(path)
            return None

        title = f"Export {len(self.model.visible):,} events in view to CSV"
        self.push_screen(PromptScreen(title, str(default), "a file name", answer=answer))

    def export_problem(self, text: str, confirmed: list[Path]) -> tuple[str | None, Path]:
        """What stops an export to `text`, if anything, and the path it names (relative to the export folder).

        An existing file is replaced only when the same name is given twice in a row."""
        path = Path(text.strip()).expanduser()
        if not text.strip():
            return "Type a file name: the CSV goes there and its filter beside it", path
        if not path.is_absolute():
            path = self.export_dir / path
        if path.is_dir():
            return f"{path} is a folder: add a file name", path
        if not path.parent.is_dir():
            return f"No such folder: {path.parent} (create it first, or choose another)", path
        if path.exists() and path not in confirmed:
            confirmed.append(path)
            return f"{path.name} exists: press enter again to replace it (and its .filter.json)", path
        return None, path

    @work(thread=True, group="export", exit_on_error=False)
    def export_view(self, path: Path) -> None:
        """Write exactly the rows in view, in view order, and the filter beside them for the command line."""
        try:
            events = self.model.events_in_view()
            count = write_file(events, path, "csv")
            if not is_stream(path):  # a pipe or a device has no folder to put the filter in
                write_filter_sidecar(path, self.model.effective_filter, count, self.model.newest_first, self.db_path)
        except OSError as error:
            self.call_from_thread(self.notify, failure(path, error), severity="error")
            return
        self.post_message(ExportFinished(str(path), count))

    def on_export_finished(self, message: ExportFinished) -> None:
        sidecar = "" if is_stream(message.path) else f" (filter in {message.path}.filter.json)"
        self.notify(f"Exported {message.rows:,} events to {message.path}{sidecar}")
