"""SVG snapshots of the main views, on fixed records (`pytest --snapshot-update` to accept a change)."""

from __future__ import annotations

from timeline.tui import make_app
from tui.fixtures import TODAY, make_records


async def settle(pilot):
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def app():
    return make_app(records=make_records(), today=TODAY)


class TestMainScreen:
    def test_timeline_with_panel_density_and_detail(self, snap_compare):
        """Year and month headings, the company panel with counts, the density strip and the detail pane."""
        assert snap_compare(app(), run_before=settle, terminal_size=(120, 36))

    def test_small_terminal(self, snap_compare):
        """At 80x24 the company panel starts hidden and every row still fits."""
        assert snap_compare(app(), run_before=settle, terminal_size=(80, 24))


class TestCompanyPanel:
    def test_selected_companies_filter_the_timeline(self, snap_compare):
        """Two companies selected with space: the timeline and filter line follow."""

        async def run_before(pilot):
            await settle(pilot)
            await pilot.press("c", "space", "down", "space")
            await pilot.pause()

        assert snap_compare(app(), run_before=run_before, terminal_size=(120, 36))


class TestDetailPane:
    def test_merged_event_shows_every_source(self, snap_compare):
        """An event reported by two articles: both sentences, dates as written and as normalised."""

        async def run_before(pilot):
            await settle(pilot)
            await pilot.press("colon", *"2024-04-22", "enter")
            await pilot.pause()

        assert snap_compare(app(), run_before=run_before, terminal_size=(120, 40))


class TestHelpAndEmpty:
    def test_help_screen(self, snap_compare):
        """`?` lists every key."""

        async def run_before(pilot):
            await settle(pilot)
            await pilot.press("question_mark")
            await pilot.pause()

        assert snap_compare(app(), run_before=run_before, terminal_size=(120, 40))

    def test_empty_database(self, snap_compare, tmp_path):
        """An empty database says how to ingest."""
        assert snap_compare(make_app(tmp_path / "none.json", today=TODAY), run_before=settle, terminal_size=(80, 24))
