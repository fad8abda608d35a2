"""Issue 19, item 11: text from articles and from the user reaches the screen as text, never as markup;
a crash of the app is a non-zero exit."""

from __future__ import annotations

import pytest

from timeline.tui import TimelineApp, make_app, run_app
from timeline.tui.widgets import CompanyPanel
from tui.fixtures import TODAY, make_records

HOSTILE_NAMES = ["Acme[/foo] Industries Inc.", "Acme[b] Motors"]
HOSTILE_INPUTS = ["[/x]", "[b]bold[/b]", "[@click=app.quit]q[/]"]


def records_naming(companies: list[str]) -> list[dict]:
    records = make_records()
    records[0]["companies"] = companies
    for mention in records[0]["mentions"]:
        mention["companies"] = companies
    return records


async def ready(app, pilot):
    await app.workers.wait_for_complete()
    await pilot.pause()


def notifications(app) -> list[str]:
    return app.status_line.history


def shown_message(app) -> str:
    """What the status line shows on screen."""
    return app.status_line.render().plain


async def test_company_names_with_brackets_start_the_app_and_show_literally():
    app = make_app(records=records_naming(HOSTILE_NAMES), today=TODAY)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await ready(app, pilot)
        assert app.is_running
        company_list = app.query_one(CompanyPanel).company_list
        prompts = [company_list.get_option_at_index(i).prompt for i in range(company_list.option_count)]
        shown = {prompt.plain.split("  ")[0].strip(): prompt for prompt in prompts}
        assert "Acme[b] Motors" in shown and "Acme[/foo] Indust…" in shown
        assert not shown["Acme[b] Motors"].spans  # not bold: no style came out of the name
        await pilot.press("c", "slash", *"acme[", "enter")  # narrow the panel by typing a bracket
        await pilot.pause()
        assert app.is_running
        assert app.query_one(CompanyPanel).narrow == "acme[" and company_list.option_count == 2
        await pilot.press("enter")  # solo
        await pilot.pause()
        assert app.is_running and len(app.model.filter.companies) == 1


@pytest.mark.parametrize("typed", HOSTILE_INPUTS)
async def test_bracketed_input_in_every_prompt_is_text(typed, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the export path typed below is relative to where the app runs
    (tmp_path / typed).parent.mkdir(parents=True, exist_ok=True)
    app = make_app(records=make_records(), today=TODAY, export_dir=tmp_path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await ready(app, pilot)
        await pilot.press("slash", *typed, "enter")  # find: no match, notified with the text
        await pilot.pause()
        assert app.is_running
        assert any(typed in message for message in notifications(app))
        assert typed in shown_message(app)
        assert typed in str(app.query_one("#filter-line").render())
        for key, line in (("d", typed), ("f", f"company:{typed}"), ("colon", typed)):
            await pilot.press(key, "ctrl+u", *line, "enter")  # a date, a company: an error naming the text
            await pilot.pause()
            assert app.is_running and typed in app.screen.problem
            await pilot.press("escape")
        await pilot.press("f", "ctrl+u", *typed, "enter")  # the filter line searches for the text
        await pilot.pause()
        assert app.is_running
        assert typed in str(app.query_one("#filter-line").render())
        await pilot.press("e", "ctrl+u", *typed, "enter")  # export to a path with brackets
        await ready(app, pilot)
        assert app.is_running
        assert any(message.startswith(f"Exported 0 events to {tmp_path / typed}") for message in notifications(app))
        assert (tmp_path / typed).is_file()


class _CrashingApp(TimelineApp):
    """The real app with a fault injected at start-up, standing for any bug the app may still hold."""

    def on_mount(self) -> None:
        super().on_mount()
        raise RuntimeError("a bug in the app")


def test_a_crash_of_the_app_is_a_non_zero_exit(capsys):
    assert run_app(_CrashingApp(records=[], today=TODAY), headless=True) == 1
    assert run_app(make_app(records=[], today=TODAY), headless=True, auto_pilot=_quit) == 0


async def _quit(pilot) -> None:
    await pilot.press("q")
