"""Regenerate the README screenshots from the real app on the bundled seeds: SVG, plus PNG via cairosvg.

    python screenshots/make_screenshots.py

Ingests seeds/ into a temporary database with the real pipeline, drives the app with key presses and
saves each view. The PNG conversion swaps in DejaVu Sans Mono, when installed, so columns line up.
"""

from __future__ import annotations

import asyncio
import os
import re
import tempfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

VIEWS = [
    ("main", (120, 34), []),
    ("companies", (120, 34), ["c", "enter"]),
    ("detail", (120, 40), ["G"]),
    ("find", (120, 34), ["slash", *"xiaomi", "enter"]),
    ("help", (120, 40), ["question_mark"]),
    ("small", (80, 24), []),
]


def ingest_seeds(folder: Path) -> Path:
    from timeline.config import Settings
    from timeline.pipeline import ingest
    from timeline.store import Store

    db = folder / "db.json"
    with Store(db) as store:  # from the project root, so documents are named seeds/000_....txt
        ingest([Path("seeds")], store, Settings(db_path=db, config_path=folder / "none.toml"))
    return db


async def shoot(db: Path, name: str, size: tuple[int, int], keys: list[str]) -> Path:
    from timeline.tui import make_app

    app = make_app(db, today=date(2024, 6, 1))
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.2)
        return Path(app.save_screenshot(f"{name}.svg", path=str(HERE)))


def to_png(svg: Path) -> None:
    import cairosvg

    text = svg.read_text(encoding="utf-8")
    if Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf").exists():
        text = re.sub(r'font-family: "?Fira Code"?[^;]*;', 'font-family: "DejaVu Sans Mono", monospace;', text)
    cairosvg.svg2png(bytestring=text.encode("utf-8"), write_to=str(svg.with_suffix(".png")))


def main() -> None:
    os.chdir(ROOT)
    with tempfile.TemporaryDirectory() as folder:
        db = ingest_seeds(Path(folder))
        for name, size, keys in VIEWS:
            svg = asyncio.run(shoot(db, name, size, keys))
            to_png(svg)
            print(f"wrote {svg} and {svg.with_suffix('.png').name}")


if __name__ == "__main__":
    main()
