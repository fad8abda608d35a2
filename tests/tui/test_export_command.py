"""The command line written beside an app export (`FILE.filter.json`) reproduces that export exactly."""

from __future__ import annotations

import json
import shlex

from click.testing import CliRunner

from timeline.cli import cli
from timeline.tui import make_app
from tui.fixtures import TODAY


async def export_from_app(db, folder, filter_line: str, newest_first: bool):
    app = make_app(db, today=TODAY, export_dir=folder)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("f", *filter_line, "enter")
        if newest_first:
            await pilot.press("o")
        await pilot.press("e", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    return folder / f"timeline-{TODAY.isoformat()}.csv"


async def test_the_exported_command_reproduces_the_export_from_another_folder(seeds_db_copy, tmp_path, monkeypatch):
    (tmp_path / "out").mkdir()
    path = await export_from_app(seeds_db_copy, tmp_path / "out", "Renault since:2020", newest_first=True)
    exported = path.read_bytes()
    sidecar = json.loads(path.with_name(path.name + ".filter.json").read_text())
    assert sidecar["rows"] >= 2
    command = shlex.split(sidecar["command"])
    assert command[0] == "timeline"
    path.unlink()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # another folder, with another default database
    result = CliRunner().invoke(cli, command[1:], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == exported
