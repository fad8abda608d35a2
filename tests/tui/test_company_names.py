"""Company names in the app: the filter line resolves aliases and case, an unknown name keeps the dialog open."""

from __future__ import annotations

from tui.fixtures import app_with, in_view, ready


async def test_filter_line_takes_an_alias_and_any_case():
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("f", "ctrl+u", *"company:'Renault Group',xiaomi", "enter")
        assert app.model.filter.companies == ("Renault", "Xiaomi")
        assert len(in_view(app)) == 6


async def test_an_unknown_company_is_said_in_the_dialog_which_keeps_the_text():
    app = app_with()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("f", "ctrl+u", *"company:Renalt", "enter")
        assert app.screen.__class__.__name__ == "PromptScreen"
        assert "no company 'Renalt' in the timeline (did you mean Renault?)" in app.screen.problem
        assert app.screen.query_one("#prompt-input").value == "company:Renalt"
        assert app.model.filter.companies == ()
