"""Company events on real news, against the hand-annotated gold set, per half of the split.

    python benchmarks/events_bench.py                  # precision, recall and more, tuning and held-out
    python benchmarks/events_bench.py --errors 40      # and the tuning half's wrong lines and misses
    python benchmarks/events_bench.py --names          # and the junk among the 80 most frequent names
                                                       # of a 1,000-article ingest of each corpus

The gold set (`events_gold.jsonl`, written by hand by `events_gold_guide.md`) covers the 205 articles
`events_sample.py` draws: 150 modern Reuters stories, 50 from 1987 and the five seeds, split by article
into a tuning half and a held-out half. The articles are ingested with the real `timeline` command into
a fresh database, exported as JSONL and judged by `events_score.py`. The held-out figures are the ones
that count. Names are judged by hand in `company_names_judged.json` ("company", or "junk: why"); the benchmark lists
the names it finds unjudged, so the count is never silently partial: judge them and run it again.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

from events_sample import MODERN, ROOT, SEED, WIRE_1987, _records, sample
from events_score import found_events, judge, load_gold, more_than_a_year_ahead, read_jsonl

HERE = Path(__file__).resolve().parent
GOLD = HERE / "events_gold.jsonl"
JUDGED_NAMES = HERE / "company_names_judged.json"
NAMES_ARTICLES = 1000
TOP_NAMES = 80


def timeline(db: Path, *arguments: str) -> str:
    """The real command, run from the project root so that this checkout's package is the one imported."""
    command = [sys.executable, "-m", "timeline", "--db", str(db), *arguments]
    return subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout


def fresh(db: Path) -> Path:
    """A database path with nothing stored: extraction changes between runs without a version change."""
    for stale in db.parent.glob(db.name + "*"):
        shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    return db


def ingest_records(folder: Path, corpus: str, records: list[dict], jobs: int, *more: Path) -> Path:
    """Records (and `more` paths) ingested with the real command into a fresh `<corpus>.db.json`, their events
    exported to `<corpus>_events.jsonl`; the database's path."""
    source = folder / f"{corpus}.jsonl"
    with open(source, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps({key: record[key] for key in ("id", "title", "published", "text")}) + "\n")
    db = fresh(folder / f"{corpus}.db.json")
    timeline(db, "ingest", "-q", "-j", str(jobs), str(source), *map(str, more))
    timeline(db, "export", "--format", "jsonl", "-o", str(folder / f"{corpus}_events.jsonl"))
    return db


def doc_of(doc_id: str) -> str:
    """The gold id of an exported document id: a JSON record's id, or a seed file's stem."""
    return Path(doc_id).stem if doc_id.endswith(".txt") else doc_id


def run_gold(folder: Path, jobs: int) -> list[dict]:
    records = [record for half in sample().values() for record in half if record["corpus"] != "seeds"]
    ingest_records(folder, "gold", records, jobs, ROOT / "seeds")
    return read_jsonl(folder / "gold_events.jsonl")


def report(events: list[dict], errors: int) -> None:
    halves = sample()
    half_of = {record["id"]: half for half, records in halves.items() for record in records}
    published = {
        record["id"]: date.fromisoformat(record["published"]) if record["published"] else None
        for records in halves.values()
        for record in records
    }
    gold = load_gold(read_jsonl(GOLD), half_of, published)
    lines = judge(events, gold, doc_of)
    print(f"{'half':9} {'articles':>8} {'lines':>6} {'correct':>8} {'precision':>9} {'companies':>9} "
          f"{'date':>6} {'worth':>6} {'recall':>11} {'>1y ahead':>9}")  # fmt: skip
    for half in ("tune", "held_out"):
        articles = [article for article in gold if article.half == half]
        mine = [line for line in lines if line.article.half == half]
        found = required = 0
        for article in articles:
            f, r = found_events(mine, article)
            found, required = found + f, required + r
        count = len(mine) or 1
        ahead = sum(more_than_a_year_ahead(line.event) for line in mine)
        correct = sum(line.correct for line in mine)
        companies = sum(line.companies_right for line in mine)
        dates = sum(line.date_right for line in mine)
        worth = sum(line.worth for line in mine)
        print(
            f"{half:9} {len(articles):8d} {len(mine):6d} {correct:8d} {correct / count:9.2f} "
            f"{companies / count:9.2f} {dates / count:6.2f} {worth / count:6.2f} "
            f"{found:4d}/{required:<4d}{found / (required or 1):.2f} {ahead:9d}"
        )
    if errors:
        _print_errors([line for line in lines if line.article.half == "tune"], gold, errors)


def _print_errors(lines, gold, limit: int) -> None:
    print("\nwrong lines (tuning half):")
    wrong = [line for line in lines if not line.correct]
    random.Random(SEED).shuffle(wrong)
    for line in wrong[:limit]:
        why = []
        if not line.worth:
            why.append("duplicate" if line.duplicate else "not an event")
        else:
            if not line.companies_right:
                why.append(f"companies (gold {line.gold['companies']})")
            if not line.date_right:
                why.append(f"date (gold {line.gold['date']} {line.gold.get('alt_dates', [])})")
        sentence = " ".join(line.mentions[0]["sentence"].split())[:160]
        print(f"- [{', '.join(why)}] {line.event.get('date')} {line.event['companies']} :: {sentence}")
    print("\nmissed required events (tuning half):")
    missed = []
    for article in gold:
        if article.half != "tune":
            continue
        for event in article.events:
            if not event.get("required", True):
                continue
            hit = any(
                any(c is event for c in line.covered) and line.date_right for line in lines if line.article is article
            )
            if not hit:
                missed.append((article.doc_id, event))
    random.Random(SEED).shuffle(missed)
    for doc_id, event in missed[:limit]:
        print(f"- {doc_id[-30:]} {event['date']} {event['companies']} :: {event['what']}")


def names(folder: Path, jobs: int) -> None:
    judged = json.loads(JUDGED_NAMES.read_text(encoding="utf-8")) if JUDGED_NAMES.exists() else {}
    gold_ids = {record["id"] for half in sample().values() for record in half}
    rng = random.Random(SEED + 1)
    for corpus, path in (("reuters_2006_2009", MODERN), ("reuters21578", WIRE_1987)):
        pool = [record for record in _records(path) if record["id"] not in gold_ids and record["text"].strip()]
        db = ingest_records(folder, corpus, rng.sample(pool, NAMES_ARTICLES), jobs)
        listed = [json.loads(line) for line in timeline(db, "companies", "--format", "jsonl").splitlines()]
        top = listed[:TOP_NAMES]
        verdicts = Counter(judged.get(item["company"], "unjudged").split(":")[0] for item in top)
        events = read_jsonl(folder / f"{corpus}_events.jsonl")
        ahead = sum(more_than_a_year_ahead(event) for event in events)
        print(
            f"\n{corpus}: {NAMES_ARTICLES} articles, {len(events)} events, {ahead} dated more than a year after "
            f"publication; junk among the {TOP_NAMES} most frequent names: {verdicts['junk']} "
            f"({verdicts['unjudged']} unjudged)"
        )
        for item in top:
            verdict = judged.get(item["company"], "unjudged")
            if verdict != "company":
                print(f"  {item['events']:5d}  {item['company']}: {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="wrong lines and misses of the tuning half to list")
    parser.add_argument("--names", action="store_true", help="also judge the names of 1,000-article ingests")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"seed {SEED}; gold {GOLD.name}")
        report(run_gold(folder, args.jobs), args.errors)
        if args.names:
            names(folder, args.jobs)


if __name__ == "__main__":
    main()
