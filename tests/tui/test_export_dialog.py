"""`e` asks before it surprises: an empty path, a missing folder and an existing file are said in the dialog."""

from __future__ import annotations

import stat

from tui.fixtures import TODAY, app_with, ready


async def test_empty_path_missing_folder_and_existing_file(tmp_path):
    existing = tmp_path / "old.csv"
    existing.write_text("keep me\n")
    app = app_with(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("e", "ctrl+u", "enter")
        assert "Type a file name" in app.screen.problem
        await pilot.press(*"typo/x.csv", "enter")
        assert f"No such folder: {tmp_path / 'typo'}" in app.screen.problem
        assert not (tmp_path / "typo").exists()
        await pilot.press("ctrl+u", *"old.csv", "enter")
        assert "old.csv exists: press enter again to replace it" in app.screen.problem
        assert existing.read_text() == "keep me\n"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.__class__.__name__ != "PromptScreen"
    assert existing.read_text().startswith("event_id,")
    sidecar = tmp_path / "old.csv.filter.json"
    assert stat.S_IMODE(existing.stat().st_mode) == stat.S_IMODE(sidecar.stat().st_mode)


async def test_a_new_file_is_written_at_once(tmp_path):
    app = app_with(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("e", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Exported 8 events" in app.status_line.message
    assert (tmp_path / f"timeline-{TODAY.isoformat()}.csv").exists()
