"""The company panel focused: the footer's keys work there, escape leaves it, typing needs the narrowing box."""

from __future__ import annotations

import pytest

from timeline.tui.screens import HelpScreen, PromptScreen
from timeline.tui.widgets import CompanyPanel, TimelineList
from tui.fixtures import app_with, footer_keys, ready


async def in_panel(app, pilot):
    await ready(app, pilot)
    await pilot.press("c")
    assert app.query_one(CompanyPanel).company_list.has_focus


@pytest.mark.parametrize(
    ("key", "done"),
    [
        ("q", lambda app: not app.is_running),
        ("question_mark", lambda app: isinstance(app.screen, HelpScreen)),
        ("e", lambda app: isinstance(app.screen, PromptScreen) and "Export" in app.screen.title_text),
        ("f", lambda app: isinstance(app.screen, PromptScreen) and app.screen.title_text == "Filter"),
        ("a", lambda app: app.screen.__class__.__name__ == "ArticleScreen"),
        ("c", lambda app: not app.query_one(CompanyPanel).display and app.query_one(TimelineList).has_focus),
        ("escape", lambda app: app.query_one(TimelineList).has_focus),
        ("slash", lambda app: app.focused.id == "company-narrow"),
        ("enter", lambda app: app.model.filter.companies == ("Renault",)),
        ("space", lambda app: app.model.filter.companies == ("Renault",)),
    ],
)
async def test_every_key_the_footer_shows_in_the_panel_works_there(key, done):
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:
        await in_panel(app, pilot)
        shown = footer_keys(app)
        assert key in shown, shown
        await pilot.press(key)
        await pilot.pause()
        assert done(app)


async def test_the_footer_in_the_panel_shows_the_app_keys_too():
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:
        await in_panel(app, pilot)
        assert {"q", "question_mark", "e", "f", "c", "escape", "slash", "enter"} <= set(footer_keys(app))


async def test_typing_goes_to_the_narrowing_box_whose_footer_promises_no_letter_keys():
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:
        await in_panel(app, pilot)
        await pilot.press("slash", "q", "u", "i")  # "qui" would quit without the box
        panel = app.query_one(CompanyPanel)
        assert app.is_running and panel.narrow == "qui"
        assert not {"q", "question_mark", "e", "f", "c", "slash"} & set(footer_keys(app))
        await pilot.press("escape")  # leaves the box, emptied, for the list
        assert panel.company_list.has_focus and panel.narrow == ""
        await pilot.press("escape")  # leaves the panel
        assert app.query_one(TimelineList).has_focus
