"""The articles of the hand-annotated company-events gold set, drawn at random and split by article.

    python benchmarks/events_sample.py                 # the seed, the sample and its halves
    python benchmarks/events_sample.py --show OUTDIR   # the drawn articles as text files, for annotators

150 articles of ../shared/data/reuters_news_2006_2009/ and 50 of ../shared/data/reuters21578/ are drawn with
SEED, then each corpus's draw is split in two by the same generator: a tuning half, which rules may be
written from, and a held-out half, which rules are only checked on. The five seeds join the tuning half
(earlier sessions tuned on them). The split is fixed here, before any rule was changed for it.
Articles are read in place; nothing of the corpora is copied into the project.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MODERN = SHARED / "data/reuters_news_2006_2009/articles.jsonl.gz"
WIRE_1987 = SHARED / "data/reuters21578/reuters21578.jsonl"
SEEDS = ROOT / "seeds"
SEED = 20261128
MODERN_COUNT = 150
WIRE_COUNT = 50


def _records(path: Path) -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def _draw(records: list[dict], count: int, rng: random.Random) -> tuple[list[dict], list[dict]]:
    chosen = rng.sample(records, count)
    return chosen[: count // 2], chosen[count // 2 :]


def sample() -> dict[str, list[dict]]:
    """{"tune": [...], "held_out": [...]}: records with `id`, `title`, `published`, `text`, `corpus`."""
    rng = random.Random(SEED)
    halves: dict[str, list[dict]] = {"tune": [], "held_out": []}
    for corpus, path, count in (("reuters_2006_2009", MODERN, MODERN_COUNT), ("reuters21578", WIRE_1987, WIRE_COUNT)):
        tune, held_out = _draw(list(_records(path)), count, rng)
        halves["tune"] += [dict(record, corpus=corpus) for record in tune]
        halves["held_out"] += [dict(record, corpus=corpus) for record in held_out]
    for path in sorted(SEEDS.glob("*.txt")):
        halves["tune"].append(
            {
                "id": path.stem,
                "title": "",
                "published": None,
                "text": path.read_text(encoding="utf-8"),
                "corpus": "seeds",
            }
        )
    return halves


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=Path, help="write each drawn article to OUTDIR/<n>.txt for annotation")
    args = parser.parse_args()
    halves = sample()
    print(f"seed {SEED}")
    for half, records in halves.items():
        print(f"{half}: {len(records)} articles")
        for record in records:
            print(f"  {record['corpus']:18} {record['id']}")
    if args.show:
        args.show.mkdir(parents=True, exist_ok=True)
        for number, record in enumerate(r for records in halves.values() for r in records):
            text = f"id: {record['id']}\npublished: {record['published']}\ntitle: {record['title']}\n\n{record['text']}"
            (args.show / f"{number:03d}.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
