"""Dates typed in the app: the same forms as the command line, any year for `:`, mistakes said in the dialog."""

from __future__ import annotations

from tui.fixtures import app_with, current, in_view, ready


async def test_colon_takes_any_year_and_says_when_it_stops_at_the_end():
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("colon", *"2099", "enter")
        assert app.screen.__class__.__name__ != "PromptScreen"
        assert current(app) == "e006"  # the last dated event
        assert "No event on or after 2099-01-01" in app.status_line.message
        await pilot.press("colon", *"1900", "enter")
        assert current(app) == "e000"


async def test_a_mistake_keeps_the_dialog_open_with_the_text_and_says_what_is_wrong():
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("d", *"2024-02-30..", "enter")
        assert app.screen.query_one("#prompt-input").value == "2024-02-30.."
        assert "February 2024 has no day 30 (it has 29)" in app.screen.problem
        await pilot.press("ctrl+u", *"2024-06..2024-01", "enter")
        assert "the range ends before it starts" in app.screen.problem
        await pilot.press("ctrl+u", *"mar 2024..2024/04/30", "enter")
        assert app.screen.__class__.__name__ != "PromptScreen"
        assert in_view(app) == ["e004", "e005", "e006"]


async def test_a_bad_go_to_date_keeps_the_dialog_open():
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("colon", *"2024-13", "enter")
        assert "there is no month 13" in app.screen.problem
        await pilot.press("escape")
        assert app.screen.__class__.__name__ != "PromptScreen"
