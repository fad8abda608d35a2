"""Company events read by hand on news no rule was written from (issue 20's reading), kept reproducible.

    python benchmarks/events_reading.py --keep /tmp/reading          # ingest, export, draw, score
    python benchmarks/events_reading.py --keep /tmp/reading --reuse  # score the exports already there
    python benchmarks/events_reading.py ... --kinds --misses         # and the failure kinds, the misses
    python benchmarks/events_reading.py --seed 20261204 ...          # a fresh draw nobody has read

The seed (`--seed`, default SEED, the issue's first reading) draws ARTICLES articles of
../shared/data/reuters_news_2006_2009/ and as many of ../shared/data/reuters21578/, leaving out every
article of the gold sample (`events_sample.sample()`) and empty ones. Each set is ingested with the real
`timeline` command into a fresh database and exported as JSONL. A **line** is one event as read in one
article (its first sentence there); LINES lines per set are drawn by ranking every line on a hash of
the seed, its article and its sentence's start, so a line the code still writes stays drawn after a rule
change. A line is matched to an earlier verdict in `events_reading_judged.jsonl` by (doc_id, sentence
start, companies, date); lines without one go to `to_judge.jsonl` in the work folder, else in the
system's temporary folder (with their article's text around the sentence), to be judged by
`events_gold_guide.md` (`companies_right`, `date_right`, `worth`, and a `note` naming each failure as
"kind: detail; kind: detail") and appended to the judged file. Every seed's verdicts, wanted events
and names share the three files (keyed by article, sentence and name, seeds never clash); a rule
written from one seed's reading is measured cleanly only on a seed nobody has read yet. A verdict of
"same story twice" leans on another line of the article; it is kept while its own key is unchanged.

The script prints, per corpus, the lines fully correct, with the companies right, with the date right
and worth a line; the junk among the TOP_NAMES most frequent names of `timeline companies` on each
ingest (verdicts in `company_names_judged.json`; unjudged names are listed, never counted); and
recall: for WANTED_ARTICLES articles of each set (same seed), the dated company events an analyst
wants, written by hand from the article alone in `events_reading_wanted.jsonl` (the gold set's
format, `events_gold_guide.md`), found when a line of that article reports one with the right date
and one of its companies, as `events_score.found_events` counts. Articles are read in place; only
the verdicts and the sentences they judge are kept here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

from events_bench import ingest_records, timeline
from events_sample import MODERN, WIRE_1987, _records, sample
from events_score import found_events, judge, load_gold, read_jsonl

HERE = Path(__file__).resolve().parent
JUDGED = HERE / "events_reading_judged.jsonl"
WANTED = HERE / "events_reading_wanted.jsonl"
JUDGED_NAMES = HERE / "company_names_judged.json"
SEED = 20261203
ARTICLES = 400
LINES = 80
TOP_NAMES = 80
WANTED_ARTICLES = 30
CORPORA = (("reuters_2006_2009", MODERN), ("reuters21578", WIRE_1987))
CONTEXT = 600


def draw(seed: int = SEED) -> dict[str, list[dict]]:
    """ARTICLES articles per corpus, none of the gold sample, none empty."""
    gold_ids = {record["id"] for half in sample().values() for record in half}
    rng = random.Random(seed)
    drawn = {}
    for corpus, path in CORPORA:
        pool = [record for record in _records(path) if record["id"] not in gold_ids and record["text"].strip()]
        drawn[corpus] = rng.sample(pool, ARTICLES)
    return drawn


def wanted_ids(articles: list[dict], seed: int = SEED) -> list[str]:
    return [record["id"] for record in random.Random(seed).sample(articles, WANTED_ARTICLES)]


def ingest(folder: Path, corpus: str, articles: list[dict], jobs: int) -> None:
    db = ingest_records(folder, corpus, articles, jobs)
    (folder / f"{corpus}_companies.jsonl").write_text(timeline(db, "companies", "--format", "jsonl"), "utf-8")


def line_key(line: dict) -> tuple:
    return (line["doc_id"], line["start"], tuple(line["companies"]), line["date"])


def shown_date(event: dict) -> str | None:
    """The date a user reads on the line: estimated and inferred dates are marked, as the app marks them."""
    if event.get("estimated"):
        return f"estimated {event['estimated']}"
    if event.get("date") and event.get("inferred"):
        return f"{event['date']} (inferred)"
    return event.get("date")


def lines_of(events: list[dict]) -> list[dict]:
    """One line per (event, article): the article's first sentence of the event."""
    lines = []
    for event in events:
        firsts: dict[str, dict] = {}
        for mention in event.get("mentions", []):
            known = firsts.get(mention["doc_id"])
            if known is None or mention["start"] < known["start"]:
                firsts[mention["doc_id"]] = mention
        for doc_id, mention in firsts.items():
            lines.append(
                {
                    "doc_id": doc_id,
                    "start": mention["start"],
                    "sentence": " ".join(mention["sentence"].split()),
                    "companies": list(event["companies"]),
                    "date": shown_date(event),
                    "summary": " ".join((event.get("summary") or "").split()),
                    "sources": len({m["doc_id"] for m in event.get("mentions", [])}),
                }
            )
    return lines


def drawn_lines(lines: list[dict], seed: int = SEED) -> list[dict]:
    """LINES lines ranked by a hash of the seed and their place in the text: unchanged lines stay drawn."""

    def rank(line: dict) -> tuple:
        digest = hashlib.sha256(f"{seed}|{line['doc_id']}|{line['start']}".encode()).hexdigest()
        return (digest, line["companies"], line["date"] or "")

    return sorted(lines, key=rank)[:LINES]


def _context(record: dict, sentence: str) -> str:
    text = f"{record['title']}\n\n{record['text']}"
    flat = " ".join(text.split())
    at = flat.find(sentence[:60])
    if at < 0:
        return flat[: 2 * CONTEXT]
    return flat[max(0, at - CONTEXT) : at + len(sentence) + CONTEXT]


def score_lines(corpus: str, drawn: list[dict], judged: dict, articles: dict, to_judge: list) -> Counter:
    """Counts of the drawn lines right on each measure, and of the failure kinds their notes name
    ("kind: detail; kind: detail"); lines without a verdict go to `to_judge`."""
    counts: Counter = Counter()
    for line in drawn:
        verdict = judged.get(line_key(line))
        if verdict is None:
            record = articles[line["doc_id"]]
            to_judge.append(
                dict(
                    corpus=corpus,
                    **{k: line[k] for k in ("doc_id", "start", "sentence", "companies", "date")},
                    companies_right=None,
                    date_right=None,
                    worth=None,
                    note="",
                    summary=line["summary"],
                    published=record["published"],
                    title=record["title"],
                    context=_context(record, line["sentence"]),
                )
            )
            counts["unjudged"] += 1
            continue
        counts["companies"] += verdict["companies_right"]
        counts["date"] += verdict["date_right"]
        counts["worth"] += verdict["worth"]
        counts["correct"] += verdict["companies_right"] and verdict["date_right"] and verdict["worth"]
        if not (verdict["companies_right"] and verdict["date_right"] and verdict["worth"]):
            for kind in verdict.get("note", "").split(";"):
                if kind.strip():
                    counts["kind:" + kind.split(":")[0].strip()] += 1
    return counts


def junk_names(folder: Path, corpus: str, names_judged: dict) -> tuple[int, list[str]]:
    listed = read_jsonl(folder / f"{corpus}_companies.jsonl")[:TOP_NAMES]
    unjudged = [item["company"] for item in listed if item["company"] not in names_judged]
    junk = sum(names_judged.get(item["company"], "").startswith("junk") for item in listed)
    return junk, unjudged


def recall(corpus: str, events: list[dict], articles: dict, ids: list[str]) -> tuple[int, int, list[str], list[str]]:
    """(wanted events found, wanted events, articles with no wanted record, the missed events described)."""
    wanted = [record for record in read_jsonl(WANTED) if record["id"] in set(ids)] if WANTED.exists() else []
    missing = sorted(set(ids) - {record["id"] for record in wanted})
    published = {
        doc_id: date.fromisoformat(articles[doc_id]["published"]) if articles[doc_id]["published"] else None
        for doc_id in ids
    }
    gold = load_gold(wanted, {record["id"]: corpus for record in wanted}, published)
    lines = judge(events, gold, lambda doc_id: doc_id)
    found = required = 0
    missed = []
    for article in gold:
        f, r = found_events(lines, article)
        found, required = found + f, required + r
        for event in article.events:
            if event.get("required", True) and f < r and not _found(event, lines, article):
                missed.append(f"{article.doc_id[-45:]} {event['date']} {event['companies']}: {event['what']}")
    return found, required, missing, missed


def _found(event: dict, lines: list, article) -> bool:
    """One wanted event found as `events_score.found_events` counts it."""
    for line in lines:
        if line.article is not article or not any(covered is event for covered in line.covered):
            continue
        named = {article.company_of(name) for name in line.event["companies"]}
        if line.date_right and named & set(event["companies"]):
            return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED, help=f"draw of articles and lines (default {SEED})")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    parser.add_argument("--reuse", action="store_true", help="score the exports already in --keep, no ingest")
    parser.add_argument("--kinds", action="store_true", help="also list the failure kinds of the wrong lines")
    parser.add_argument("--misses", action="store_true", help="also list the wanted events not found")
    args = parser.parse_args()
    print(f"seed {args.seed}; {ARTICLES} articles and {LINES} lines per corpus; judged {JUDGED.name}")
    drawn = draw(args.seed)
    judged = {line_key(record): record for record in read_jsonl(JUDGED)} if JUDGED.exists() else {}
    names_judged = json.loads(JUDGED_NAMES.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        to_judge: list[dict] = []
        rows = []
        for corpus, _ in CORPORA:
            articles = {record["id"]: record for record in drawn[corpus]}
            if not args.reuse:
                ingest(folder, corpus, drawn[corpus], args.jobs)
            events = read_jsonl(folder / f"{corpus}_events.jsonl")
            lines = lines_of(events)
            counts = score_lines(corpus, drawn_lines(lines, args.seed), judged, articles, to_judge)
            junk, unjudged_names = junk_names(folder, corpus, names_judged)
            ids = wanted_ids(drawn[corpus], args.seed)
            found, required, missing, missed = recall(corpus, events, articles, ids)
            row = (corpus, len(events), len(lines), counts, junk, unjudged_names, found, required, missing, missed)
            rows.append(row)
        print(
            f"{'corpus':18} {'events':>6} {'lines':>6} {'correct':>8} {'companies':>9} {'date':>6} {'worth':>6} "
            f"{'unjudged':>8} {'junk names':>10} {'wanted found':>12}"
        )
        for corpus, events, lines, counts, junk, unjudged_names, found, required, missing, _ in rows:
            print(
                f"{corpus:18} {events:6d} {lines:6d} {counts['correct']:5d}/{LINES} {counts['companies']:6d}/{LINES} "
                f"{counts['date']:3d}/{LINES} {counts['worth']:3d}/{LINES} {counts['unjudged']:8d} "
                f"{junk:7d}/{TOP_NAMES} {found:8d}/{required:<3d}"
            )
            if unjudged_names:
                print(f"  {corpus}: names to judge in {JUDGED_NAMES.name}: {unjudged_names}")
            if missing:
                print(f"  {corpus}: articles without wanted events in {WANTED.name}: {missing}")
        if args.kinds:
            for corpus, _events, _lines, counts, *_ in rows:
                print(f"\nfailure kinds, {corpus}:")
                for kind, count in sorted(((k[5:], c) for k, c in counts.items() if k.startswith("kind:")),
                                          key=lambda item: (-item[1], item[0])):  # fmt: skip
                    print(f"  {count:3d}  {kind}")
        if args.misses:
            for corpus, *_, missed in rows:
                print(f"\nwanted events not found, {corpus}:")
                for miss in missed:
                    print(f"  {miss}")
        if to_judge:
            kept = (args.keep or Path(tempfile.gettempdir())) / "to_judge.jsonl"  # outlives the temporary folder
            with open(kept, "w", encoding="utf-8") as out:
                for record in to_judge:
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
            print(f"{len(to_judge)} lines to judge: {kept} (append the verdicts to {JUDGED.name})")
        if args.keep:
            with open(folder / "wanted_articles.txt", "w", encoding="utf-8") as out:
                for corpus, _ in CORPORA:
                    articles = {record["id"]: record for record in drawn[corpus]}
                    for doc_id in wanted_ids(drawn[corpus], args.seed):
                        record = articles[doc_id]
                        out.write(f"=== {corpus} {doc_id} published {record['published']}\n{record['title']}\n\n")
                        out.write(record["text"] + "\n\n")


if __name__ == "__main__":
    main()
