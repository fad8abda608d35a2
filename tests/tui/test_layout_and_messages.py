"""How the app lays itself out and talks: heights, the density strip, the date column, messages, opening."""

from __future__ import annotations

import re
from datetime import date

from textual.widgets._toast import Toast

from timeline.models import DateValue, Event, Mention
from timeline.tui.widgets import DensityStrip, EventDetail, TimelineList
from tui.fixtures import app_with, current, make_records, ready


def screen_rows(app, widget) -> int:
    return app.query_one(widget).region.height


async def test_the_detail_pane_grows_with_the_terminal_and_the_list_keeps_rows_in_a_small_one():
    app = app_with()
    async with app.run_test(size=(200, 50)) as pilot:
        await ready(app, pilot)
        assert screen_rows(app, EventDetail) >= 15  # room for both sources of the ×2 event
    app = app_with()
    async with app.run_test(size=(60, 15)) as pilot:
        await ready(app, pilot)
        assert screen_rows(app, TimelineList) >= 8
        assert not app.query_one(DensityStrip).display  # a short terminal gives its rows to the list


async def test_messages_replace_each_other_on_the_status_line_never_over_the_details():
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("n", "ctrl+f", "ctrl+f")
        await pilot.pause()
        assert not app.query(Toast)
        assert app.status_line.message == "Filters on"
        status, detail = app.status_line.region, app.query_one(EventDetail).region
        assert status.height == 1 and not status.overlaps(detail) and status.y >= detail.bottom


async def test_density_labels_stay_under_their_year_and_the_max_never_wraps():
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:  # wide enough for every month since 2019
        await ready(app, pilot)
        strip = app.query_one(DensityStrip)
        for bucket_presses in ([], ["minus"], ["minus"]):
            await pilot.press(*bucket_presses)
            await pilot.pause()
            bars, years = strip.render().plain.split("\n")
            assert len(bars) <= strip.size.width and len(years) <= strip.size.width
            for column, label in enumerate(strip.labels):
                year = label[:4]
                if years[8 + column : 8 + column + 4] == year:
                    assert column == 0 or strip.labels[column - 1][:4] != year  # under the year's first bucket
            written = years.split()
            assert written and all(strip.labels[years.index(y) - 8][:4] == y for y in written)


async def test_a_long_date_label_never_runs_into_the_companies():
    records = make_records()
    since = DateValue("1984-08", date(1984, 8, 1), date(1984, 8, 31), "month", "AFTER", text="since August 1984")
    sentence = "NAPM has grown since August 1984."
    mention = Mention("old.txt", "h", 0, len(sentence), sentence, ("NAPM",), since, title=sentence)
    records.append(Event("old", since, ("NAPM",), sentence, [mention]).to_dict())
    for width in (120, 60):
        app = app_with(records=records)
        async with app.run_test(size=(width, 24)) as pilot:
            await ready(app, pilot)
            await pilot.press("g")
            line = "".join(segment.text for segment in app.query_one(TimelineList).render_line(2))
            assert re.search(r"since Aug 198(4|…) +NAPM", line), line


async def test_the_app_opens_on_the_latest_event_up_to_today():
    app = app_with()  # today is 2024-06-01; the latest dated event is 2024-04-26, undated ones come after
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        assert current(app) == "e006"


async def test_reload_says_when_nothing_changed(tmp_path):
    from timeline.store import Store

    db = tmp_path / "db.json"
    with Store(db) as store:
        store.replace_events(Event.from_dict(r) for r in make_records())
    from timeline.tui import make_app

    app = make_app(db, today=date(2024, 6, 1))
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("r")
        await ready(app, pilot)
        assert app.status_line.message == "Reloaded: no change (8 events)"


async def test_the_palette_lists_each_command_once():
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert len(titles) == len(set(titles)), titles


async def test_a_narrow_footer_still_shows_quit():
    from textual.widgets._footer import FooterKey

    app = app_with()
    async with app.run_test(size=(60, 15)) as pilot:
        await ready(app, pilot)
        for _ in range(50):  # on a loaded machine the footer is laid out a few refreshes after the data
            quit_key = next((key for key in app.query(FooterKey) if key.key == "q"), None)
            if quit_key is not None and quit_key.region.width:
                break
            await pilot.pause()
        assert quit_key is not None and quit_key.region.width and quit_key.region.right <= 60
