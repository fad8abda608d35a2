"""Pilot tests: every key of the app, on fixed records."""

from __future__ import annotations

import csv
import json

import pytest

from timeline.tui import make_app
from timeline.tui.widgets import CompanyPanel, EventDetail, TimelineList
from tui.fixtures import TODAY, make_records


def app_with(tmp_path=None, records=None):
    return make_app(records=make_records() if records is None else records, today=TODAY, export_dir=tmp_path)


async def ready(app, pilot):
    await app.workers.wait_for_complete()
    await pilot.pause()


async def at_first(app, pilot):
    """Loaded, with the cursor on the oldest event (the app opens on the latest news)."""
    await ready(app, pilot)
    await pilot.press("g")


def current(app):
    return app.query_one(TimelineList).current_event_id()


def in_view(app):
    return [app.model.columns["event_id"][i] for i in app.model.visible]


async def test_moves_with_j_k_g_G_and_pages():
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:
        await at_first(app, pilot)
        assert current(app) == "e000"
        await pilot.press("j", "j")
        assert current(app) == "e002"
        await pilot.press("k")
        assert current(app) == "e001"
        await pilot.press("G")
        assert current(app) == "e007"
        await pilot.press("g")
        assert current(app) == "e000"
        await pilot.press("pagedown")
        assert current(app) == "e007"
        await pilot.press("pageup")
        assert current(app) == "e000"
        await pilot.press("down", "up", "end", "home")
        assert current(app) == "e000"


async def test_headings_group_by_year_and_month_and_undated_comes_last():
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:
        await at_first(app, pilot)
        headings = [app.model.heading(value)[0] for value in app.model.lines if value < 0]
        assert headings == ["2019", "2020", "2022", "2023", "2024", "Mar 2024", "Apr 2024", "Undated"]


async def test_o_toggles_newest_first_keeping_the_cursor():
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:
        await at_first(app, pilot)
        await pilot.press("j", "j")
        await pilot.press("o")
        assert in_view(app)[:2] == ["e006", "e005"] and in_view(app)[-1] == "e007"
        assert current(app) == "e002"


async def test_company_panel_select_solo_clear_and_narrow():
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:
        await at_first(app, pilot)
        panel = app.query_one(CompanyPanel)
        assert panel.display  # wide terminal: shown
        await pilot.press("c")
        assert panel.display and panel.company_list.has_focus  # the first c goes into the shown panel
        await pilot.press("c")
        assert not panel.display and app.query_one(TimelineList).has_focus  # from inside, c hides it
        await pilot.press("c")
        assert panel.display and panel.company_list.has_focus
        # most events first: Renault (4), Xiaomi (3), ...
        await pilot.press("enter")
        assert app.model.filter.companies == ("Renault",)
        assert in_view(app) == ["e000", "e001", "e004", "e005"]
        assert app.query_one(TimelineList).has_focus
        await pilot.press("escape")  # after a solo, escape shows every company again
        assert app.model.filter.companies == () and len(in_view(app)) == 8
        await pilot.press("c", "space", "down", "space")
        assert set(app.model.filter.companies) == {"Renault", "Xiaomi"}
        assert len(in_view(app)) == 6
        await pilot.press("backspace")
        assert app.model.filter.companies == ()
        await pilot.press("slash", "n", "i", "s")
        options = [panel.company_list.get_option_at_index(i).value for i in range(panel.company_list.option_count)]
        assert options == ["Nissan"]
        await pilot.press("backspace", "backspace", "backspace")
        assert panel.company_list.option_count == 8


async def test_company_counts_follow_the_date_filter():
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:
        await at_first(app, pilot)
        await pilot.press("d")
        await pilot.press(*"2024..", "enter")
        counts = app.model.company_counts()
        assert counts["Renault"] == 2 and "Nissan" not in counts


async def test_find_with_slash_n_and_N():
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:
        await at_first(app, pilot)
        await pilot.press("slash", *"xiaomi", "enter")
        assert current(app) == "e002"
        await pilot.press("n")
        assert current(app) == "e003"
        await pilot.press("n", "n")
        assert current(app) == "e002"  # wraps around
        await pilot.press("N")
        assert current(app) == "e005"
        assert len(in_view(app)) == 8  # finding never hides rows


async def test_date_range_and_filter_line_and_ctrl_f_keeps_position():
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:
        await at_first(app, pilot)
        await pilot.press("d", *"Q3 2023..2024-03", "enter")
        assert in_view(app) == ["e003", "e004"]
        await pilot.press("j")
        assert current(app) == "e004"
        await pilot.press("ctrl+f")
        assert len(in_view(app)) == 8 and current(app) == "e004"
        await pilot.press("ctrl+f")
        assert in_view(app) == ["e003", "e004"] and current(app) == "e004"
        await pilot.press("f")
        await pilot.press("ctrl+u")
        await pilot.press(*"company:Xiaomi since:2022", "enter")
        assert in_view(app) == ["e002", "e003", "e005"]
        line = str(app.query_one("#filter-line").render())
        assert "company:Xiaomi" in line and "3 of 8 events" in line


async def test_bad_date_is_a_notification_not_a_crash():
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:
        await at_first(app, pilot)
        await pilot.press("d", *"whenever", "enter")
        assert len(in_view(app)) == 8
        assert "cannot read 'whenever'" in app.screen.problem


async def test_colon_goes_to_a_date():
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:
        await at_first(app, pilot)
        await pilot.press("colon", *"2023-08", "enter")
        assert current(app) == "e004"
        await pilot.press("colon", *"last year", "enter")
        assert current(app) == "e003"


async def test_plus_minus_change_the_density_bucket():
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:
        await at_first(app, pilot)
        strip = app.query_one("#density")
        assert strip.bucket == "month"
        await pilot.press("minus")
        assert strip.bucket == "quarter"
        await pilot.press("minus", "minus")
        assert strip.bucket == "year" and strip.labels == ["2019", "2020", "2021", "2022", "2023", "2024"]
        assert strip.counts == [1, 1, 0, 1, 1, 3]
        await pilot.press("plus", "plus")
        assert strip.bucket == "month"


async def test_detail_pane_shows_sources_and_dates(tmp_path):
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:
        await at_first(app, pilot)
        await pilot.press("colon", *"2024-04-22", "enter")
        text = str(app.query_one(EventDetail).query_one("#detail-body").render())
        assert "articles/005.txt" in text and "articles/100.txt" in text
        assert "date as written: this week → 2024-W17" in text


async def test_e_exports_exactly_the_rows_in_view_with_the_filter_beside(tmp_path):
    app = app_with(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await at_first(app, pilot)
        await pilot.press("c", "enter", "o")  # solo Renault, newest first
        await pilot.press("e")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    path = tmp_path / f"timeline-{TODAY.isoformat()}.csv"
    rows = list(csv.DictReader(path.open()))
    assert [r["event_id"] for r in rows] == ["e005", "e004", "e001", "e000"]
    sidecar = json.loads((tmp_path / f"{path.name}.filter.json").read_text())
    assert sidecar["filter"] == "company:Renault" and "--company Renault" in sidecar["command"]
    assert sidecar["rows"] == 4


async def test_help_and_palette():
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:
        await at_first(app, pilot)
        await pilot.press("question_mark")
        assert app.screen.__class__.__name__ == "HelpScreen"
        await pilot.press("escape")
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Find text", "Export to CSV", "Toggle all filters"} <= set(commands)


async def test_markup_in_articles_is_shown_as_text():
    records = make_records()
    records[0]["summary"] = "[@click=app.quit]q[/] [bold]x[/bold]\x1b[31m\u202eevil"
    app = app_with(records=records)
    async with app.run_test(size=(120, 36)) as pilot:
        await at_first(app, pilot)
        strip = app.query_one(TimelineList).render_line(1)
        text = "".join(segment.text for segment in strip)
        assert "[@click=app.quit]q[/] [bold]x[/bold]" in text
        assert "\x1b" not in text and "\u202e" not in text
        await pilot.click(TimelineList, offset=(60, 1))
        assert app.is_running


async def test_empty_database_says_how_to_ingest(tmp_path):
    app = make_app(tmp_path / "none.json", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_first(app, pilot)
        text = "".join(s.text for s in app.query_one(TimelineList).render_line(1))
        assert "timeline ingest" in text
        await pilot.press("j", "e", "escape", "slash", "x", "enter", "n", "o", "minus")
        assert app.is_running


@pytest.mark.slow
async def test_the_real_database(seeds_db):
    app = make_app(seeds_db, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_first(app, pilot)
        assert len(app.model) >= 3  # the seeds hold three events (their nine required triples)
        assert not app.query_one(CompanyPanel).display  # narrow terminal: hidden until c


async def test_r_reloads_what_another_process_wrote(tmp_path):
    from timeline.models import Event
    from timeline.store import Store

    db = tmp_path / "db.json"
    records = make_records()
    with Store(db) as store:
        store.replace_events(Event.from_dict(r) for r in records[:3])
    app = make_app(db, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await at_first(app, pilot)
        assert len(app.model) == 3
        with Store(db) as store:  # an ingest finishing while the app is open
            store.replace_events(Event.from_dict(r) for r in records)
        await pilot.press("j")
        assert len(app.model) == 3 and current(app) == "e001"
        await pilot.press("r")
        await ready(app, pilot)
        assert len(app.model) == 8 and current(app) == "e001"


async def test_an_estimated_event_is_placed_by_its_estimate_and_shown_as_one():
    from datetime import date

    from timeline.models import DateValue, Event, Mention

    estimate = DateValue("2021/2023", date(2021, 1, 1), date(2023, 12, 31), "year", "APPROX", "estimated")
    mention = Mention(
        doc_id="articles/undated.txt",
        doc_hash="hu",
        start=0,
        end=40,
        sentence="Renault and Nissan establish R&D alliance",
        companies=("Renault", "Nissan"),
        date=None,
        is_headline=True,
        estimated_date=estimate,
    )
    records = make_records() + [Event("est", None, ("Renault", "Nissan"), mention.sentence, [mention]).to_dict()]
    app = app_with(records=records)
    async with app.run_test(size=(120, 36)) as pilot:
        await at_first(app, pilot)
        order = in_view(app)
        assert order.index("e001") < order.index("est") < order.index("e003")  # 2020 < 2021–2023 < Q3 2023
        row = app.model.row(app.model.columns["event_id"].index("est"))
        from timeline.tui.model import date_label

        assert date_label(row) == "≈2021–2023"
        await pilot.press("colon", *"2021-01-01", "enter")
        text = str(app.query_one(EventDetail).query_one("#detail-body").render())
        assert "estimated" in text and "probably written 2021–2023" in text
