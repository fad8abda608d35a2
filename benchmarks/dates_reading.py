"""The date normaliser read by hand on modern wire news it was never tuned on (issue 16, step 2).

    python benchmarks/dates_reading.py                # precision and recall from the judged files
    python benchmarks/dates_reading.py --rerun        # the same judged items scored on the current code
    python benchmarks/dates_reading.py --draw         # draw anew: 1,000 articles, 200 expressions, sentences
    python benchmarks/dates_reading.py --draw-after   # a second draw with AFTER_SEED, after the rules changed

`--draw` takes ARTICLES articles of ../shared/data/reuters_news_2006_2009/ at random with SEED, runs
`timeline dates` over them (headline and text, as ingest reads them) and draws EXPRESSIONS of the
expressions it finds, and SENTENCES random sentences, with the same generator. A reader then judges each
expression in `dates_judged.jsonl` (`span_ok`: the span is a whole temporal expression and nothing more;
`value_ok`: its TIMEX3 value is right given the publication date; `right`: the value it should have, or
null when the words are no date at all; `right_type` where only the type is wrong), and each sentence in
`dates_recall.jsonl` (`dates`: every temporal expression a reader sees in it, with where it stands in the
sentence, its value, and whether the tagger found it with that value at the draw). Precision is the share
of drawn expressions whose value is right; recall is the share of the sentences' dates the tagger finds
with their value. Only the judgements are kept here, with the sentence they stand in; the articles are
read in place.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MODERN = SHARED / "data/reuters_news_2006_2009/articles.jsonl.gz"
JUDGED = ROOT / "benchmarks/dates_judged.jsonl"
RECALL = ROOT / "benchmarks/dates_recall.jsonl"
SEED = 16_2026
AFTER = ROOT / "benchmarks/dates_judged_after.jsonl"
AFTER_SEED = 16_2027
AFTER_EXPRESSIONS = 100
"""A second draw, made once the rules written from the first reading were done, so that its precision
counts only articles and expressions no rule was written from."""
ARTICLES = 1000
EXPRESSIONS = 200
SENTENCES = 120


def _articles(seed: int) -> list[dict]:
    with gzip.open(MODERN, "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    chosen = random.Random(seed).sample(range(len(records)), ARTICLES)
    return [records[index] for index in sorted(chosen)]


def _text(record: dict) -> str:
    return f"{record['title']}\n\n{record['text']}" if record.get("title") else record["text"]


def _tag(articles: list[dict]) -> dict[str, list[dict]]:
    """`timeline dates` over the articles: the expressions of each, by article id."""
    binary = shutil.which("timeline") or str(Path(sys.executable).parent / "timeline")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "articles.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for record in articles:
                row = {"id": record["id"], "published": record["published"], "text": _text(record)}
                out.write(json.dumps(row) + "\n")
        run = subprocess.run([binary, "dates", str(source)], capture_output=True, text=True, check=True)
    found: dict[str, list[dict]] = {record["id"]: [] for record in articles}
    for line in run.stdout.splitlines():
        row = json.loads(line)
        found[row["doc_id"]].append(row)
    return found


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a span: from the last sentence end before it to the next after it."""
    left = max(text.rfind(mark, 0, start) for mark in (". ", "\n", "? ", "! "))
    right_marks = [m.end() for m in re.finditer(r"[.?!](?=\s)|\n", text[end:])]
    right = end + right_marks[0] if right_marks else len(text)
    return left + 1 if left >= 0 else 0, right


def draw(seed: int, judged: Path = JUDGED, expressions: int = EXPRESSIONS, sentences: int = SENTENCES) -> None:
    articles = _articles(seed)
    print(f"seed {seed}: {len(articles)} articles of {MODERN.name}")
    found = _tag(articles)
    by_id = {record["id"]: record for record in articles}
    rng = random.Random(seed + 1)
    pool = [(doc_id, row) for doc_id, rows in found.items() for row in rows]
    print(f"{len(pool)} expressions found; drawing {expressions}")
    with judged.open("w", encoding="utf-8") as out:
        for doc_id, row in sorted(rng.sample(pool, expressions), key=lambda item: (item[0], item[1]["start"])):
            text = _text(by_id[doc_id])
            left, right = _sentence(text, row["start"], row["end"])
            item = {
                "doc_id": doc_id, "published": by_id[doc_id]["published"], "start": row["start"], "end": row["end"],
                "text": row["text"], "type": row["type"], "value": row["value"],
                "sentence": text[left:right].strip(), "span_ok": None, "value_ok": None, "right": None, "note": "",
            }  # fmt: skip
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    if not sentences:
        return
    pieces = []
    for record in articles:
        text = _text(record)
        for match in re.finditer(r"[^\n]+", text):
            for piece in re.split(r"(?<=[.?!])\s+(?=[A-Z\"'])", match.group()):
                if len(piece.split()) >= 4:
                    start = text.find(piece, match.start())
                    pieces.append((record["id"], record["published"], start, piece))
    with RECALL.open("w", encoding="utf-8") as out:
        for doc_id, published, start, piece in sorted(rng.sample(pieces, sentences)):
            end = start + len(piece)
            tagged = [[r["text"], r["value"]] for r in found[doc_id] if r["start"] < end and start < r["end"]]
            item = {"doc_id": doc_id, "published": published, "start": start, "sentence": piece, "tagged": tagged,
                    "dates": None}  # fmt: skip
            out.write(json.dumps(item, ensure_ascii=False) + "\n")


def _load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def precision(items: list[dict]) -> str:
    judged = [item for item in items if item["value_ok"] is not None]
    spans = sum(bool(item["span_ok"]) for item in judged)
    values = sum(bool(item["value_ok"]) for item in judged)
    both = sum(bool(item["span_ok"] and item["value_ok"]) for item in judged)
    return (
        f"precision on {len(judged)} judged expressions: value right {values / len(judged):.2f} ({values}), "
        f"span right {spans / len(judged):.2f} ({spans}), both {both / len(judged):.2f} ({both})"
    )


def recall(items: list[dict], found: dict[str, list[dict]] | None = None) -> str:
    """The share of the dates readers saw in the sentences that the tagger found with the right value:
    in `found` (a fresh run) when given, else as judged at the draw (`hit`)."""
    read = [item for item in items if item["dates"] is not None]
    wanted = [(item, wanted_date) for item in read for wanted_date in item["dates"]]
    hits = 0
    for item, wanted_date in wanted:
        if found is None:
            hits += bool(wanted_date["hit"])
            continue
        start = item["start"] + wanted_date["at"]
        end = start + len(wanted_date["text"])
        rows = found[item["doc_id"]]
        hits += any(row["start"] < end and start < row["end"] and row["value"] == wanted_date["value"] for row in rows)
    with_dates = sum(bool(item["dates"]) for item in read)
    return (
        f"recall on {with_dates} sentences with a date ({len(read)} read): "
        f"{hits / len(wanted):.2f} ({hits} of {len(wanted)} dates found with their value)"
    )


def rerun(items: list[dict], seed: int) -> tuple[str, dict[str, list[dict]]]:
    """The judged expressions scored on the current code: an item counts right when the current run has an
    expression overlapping it whose value is the judged right one (or none, when the words are no date)."""
    wanted_ids = {item["doc_id"] for item in items}
    articles = [record for record in _articles(seed) if record["id"] in wanted_ids]
    found = _tag(articles)
    judged = [item for item in items if item.get("value_ok") is not None]
    right = 0
    for item in judged:
        rows = [r for r in found[item["doc_id"]] if r["start"] < item["end"] and item["start"] < r["end"]]
        if item["right"] is None:
            right += not rows
        else:
            kind = item.get("right_type")
            right += any(row["value"] == item["right"] and kind in (None, row["type"]) for row in rows)
    return f"judged expressions still right on the current code: {right / len(judged):.2f} ({right})", found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draw", action="store_true", help="draw a new sample (overwrites the judged files)")
    parser.add_argument("--draw-after", action="store_true", help="draw the second sample (overwrites it)")
    parser.add_argument("--rerun", action="store_true", help="score the judged items on the current code")
    args = parser.parse_args()
    if args.draw or args.draw_after:
        draw(SEED) if args.draw else draw(AFTER_SEED, AFTER, AFTER_EXPRESSIONS, 0)
        return
    items, sentences = _load(JUDGED), _load(RECALL)
    print(f"seed {SEED}, {ARTICLES} articles of {MODERN.name}")
    print(precision(items))
    print(recall(sentences))
    if AFTER.exists():
        print(f"second draw, seed {AFTER_SEED}, after the rules changed: {precision(_load(AFTER))}")
    if args.rerun:
        line, found = rerun(items + sentences, SEED)
        print(line)
        print("current code: " + recall(sentences, found))
        if AFTER.exists():
            print("second draw: " + rerun(_load(AFTER), AFTER_SEED)[0])


if __name__ == "__main__":
    main()
