"""The app at scale: 100,000 synthetic events over 500 companies and 20 years.

    python benchmarks/tui_bench.py [--events 100000] [--companies 500] [--years 20]

Writes the events to a temporary database, then drives the real app headless and prints:
first paint (the app's first frame, before the events are loaded), usable (events loaded and the
timeline drawn), the median repaint after selecting a company and after typing a search character
(50 keystrokes each), and peak memory (RSS) of the process.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from measure import peak_mb

from timeline.models import DateValue, Event, Mention
from timeline.store import Store

WORDS = (
    "announced agreed signed launched opened closed bought sold expanded cut raised talks deal plant "
    "merger partnership results profit loss shares investors electric battery software chips"
).split()
PRECISIONS = ("day", "day", "day", "week", "month", "month", "quarter", "year")


def synthetic_events(count: int, companies: int, years: int, seed: int = 7) -> list[Event]:
    rng = random.Random(seed)
    names = [f"Company {i:03d}" for i in range(companies)]
    first = date(2026 - years, 1, 1)
    events = []
    for number in range(count):
        day = first + timedelta(days=rng.randrange(years * 365))
        precision = rng.choice(PRECISIONS)
        when = (
            DateValue(day.isoformat(), day, day, precision)
            if precision == "day"
            else DateValue(f"{day.year}-{day.month:02d}", day.replace(day=1), day.replace(day=28), "month")
        )
        chosen = tuple(rng.sample(names, rng.choice((1, 1, 2, 3))))
        summary = f"{chosen[0]} " + " ".join(rng.choice(WORDS) for _ in range(12)) + "."
        mention = Mention(
            doc_id=f"archive/{number // 5:06d}.txt",
            doc_hash=f"{number:x}",
            start=0,
            end=len(summary),
            sentence=summary,
            companies=chosen,
            date=when,
            date_text=when.value,
            published=day,
            title=summary[:60],
        )
        events.append(Event(f"{number:016x}", when, chosen, summary, [mention]))
    return events


async def drive(db: Path) -> dict:
    from timeline.tui import make_app
    from timeline.tui.widgets import CompanyPanel, TimelineList

    started = time.perf_counter()
    app = make_app(db)
    figures = {}
    async with app.run_test(size=(160, 48)) as pilot:
        figures["first_paint_s"] = time.perf_counter() - started
        await app.workers.wait_for_complete()
        await pilot.pause()
        figures["usable_s"] = time.perf_counter() - started
        assert len(app.model) > 0
        timeline = app.query_one(TimelineList)

        def render_view() -> None:
            """What a repaint costs the widgets: every visible line of the list and the panel rendered."""
            for widget in (timeline, panel.company_list):
                widget.render_lines(widget.region.reset_offset)

        async def pilot_ms(keys) -> float:
            begin = time.perf_counter()
            await pilot.press(*keys)
            await pilot.pause()
            return (time.perf_counter() - begin) * 1000

        panel = app.query_one(CompanyPanel)
        names = [name for name, _ in app.model.total_counts.most_common(50)]
        work, keyed = [], []
        for name in names:
            begin = time.perf_counter()
            app.refilter(companies=(name,))
            render_view()
            work.append((time.perf_counter() - begin) * 1000)
        app.refilter(companies=())
        panel.company_list.focus()
        for _ in range(50):
            keyed.append(await pilot_ms(["space", "down"]))
        figures["select_company_ms"] = statistics.median(work)
        figures["select_company_pilot_ms"] = statistics.median(keyed)
        timeline.focus()
        app.refilter(companies=())
        text = "announced deal plant"
        work = []
        for index in range(50):
            begin = time.perf_counter()
            app.refilter(search=text[: index % len(text) + 1])
            render_view()
            work.append((time.perf_counter() - begin) * 1000)
        figures["search_char_ms"] = statistics.median(work)
        app.refilter(search="")
        figures["noop_key_pilot_ms"] = statistics.median([await pilot_ms(["j"]) for _ in range(20)])
    figures["peak_rss_mb"] = peak_mb()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--companies", type=int, default=500)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--drive", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.drive:  # the measured process: only the app, so its memory is the app's
        start = peak_mb()
        print(json.dumps({**asyncio.run(drive(args.drive)), "start_rss_mb": start}))
        return
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "db.json"
        begin = time.perf_counter()
        with Store(db) as store:
            store.replace_events(synthetic_events(args.events, args.companies, args.years))
        print(
            f"database: {args.events:,} events, {db.stat().st_size / 1e6:.0f} MB (+ view index), "
            f"written in {time.perf_counter() - begin:.1f} s"
        )
        result = subprocess.run([sys.executable, __file__, "--drive", str(db)], capture_output=True, text=True)
        if result.returncode:
            sys.exit(result.stderr)
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        before = figures["start_rss_mb"]
    print(f"first paint        {figures['first_paint_s']:.2f} s   (target < 1 s)")
    print(f"usable             {figures['usable_s']:.2f} s   (target < 2 s)")
    print(
        f"select a company   {figures['select_company_ms']:.0f} ms median of 50: filter, counts, lines, density, "
        "detail and a render of every visible row (target < 100 ms)"
    )
    print(f"search character   {figures['search_char_ms']:.0f} ms median of 50, the same way (target < 100 ms)")
    print(
        f"  through the test pilot (key press to idle screen): company {figures['select_company_pilot_ms']:.0f} ms,"
        f" a no-op key {figures['noop_key_pilot_ms']:.0f} ms - the pilot's own cost"
    )
    print(f"peak memory        {figures['peak_rss_mb']:.0f} MB (before the app: {before:.0f} MB; target < 600 MB)")


if __name__ == "__main__":
    main()
