"""A year of a business wire: a store of 100,000 articles, a daily ingest into it, and the app on it (#17).

    python benchmarks/scale_bench.py [--articles 100000] [--base 2000] [--cache DIR] [--keep DIR]
                                     [--jobs-articles 10000] [--jobs-only]

Builds a store of N articles from the two Reuters sets in ../shared/data/ (read in place), then prints:
- adding 100 new articles (real ones, through `pipeline.ingest` with the NLP): the time beyond the NLP
  (the whole ingest less the time spent in `extract_batch`, which cleans and parses) and the peak memory
  of the process (spaCy's model included);
- re-ingesting the same N + 100 articles, nothing new (every one skipped by its content hash);
- the app's first paint, the time until its events are drawn, and its reload (`r`) after the add, which
  runs in another process while the app is open (as an ingest in another terminal);
- the size on disk of the store (the database and every file the store keeps beside it);
- a bulk ingest of `--jobs-articles` distinct articles (half from each set, through `timeline ingest`
  in a child process, the spaCy model's load included) into a fresh store with `--jobs 2` against the
  same with `--jobs 1`: the wall times, their ratio (target >= 1.7), the load average around each run,
  and whether both stores hold the same events. `--jobs-only` runs this section alone.

The NLP is not what is measured when the store is built, so the store is not built by parsing N articles:
`--base` articles (half from each set) are extracted once, as `pipeline.extract_batch` extracts them, and
kept as a JSONL shard of documents in `--cache` (the shape the README's Dask section stores; reused while
the extraction key is the same). The N articles are those base articles repeated with new ids, each repeat
published a year later than the one before (its text unchanged, every extracted date moved with it), so
repeats are new events of the same companies, as a longer feed brings, and not copies that merge into
the first. The N articles are also written as a JSON Lines file, so that re-ingesting them meets exactly
the articles the store holds. The store is built through the `Store` API (`put_documents`, `flush`, then
`rebuild_events`), as the README's sharded ingest does.

Each measurement runs in a fresh process, so its peak memory is its own. Times depend on the machine and
on what else runs there; run it on a quiet one.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from itertools import islice
from pathlib import Path

from measure import peak_mb

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared/data"
CORPORA = (DATA / "reuters21578/reuters21578.jsonl", DATA / "reuters_news_2006_2009/articles.jsonl.gz")
NEW_ARTICLES = 100
BUILD_CHUNK = 5000
YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def settings_for(db: Path):
    from timeline.config import Settings

    return Settings(db_path=db, config_path=db.parent / "none.toml")


def corpus_records(count_each: int, skip_each: int = 0) -> list[dict]:
    """`count_each` article records from each Reuters set (after the first `skip_each`), alternating."""
    per_set = []
    for path in CORPORA:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as lines:
            per_set.append([json.loads(line) for line in islice(lines, skip_each, skip_each + count_each)])
    return [record for pair in zip(*per_set, strict=False) for record in pair]


def articles_of(records: list[dict], folder: Path, name: str):
    """The records as ingest reads them (through `sources.read_paths`, from a JSONL file in `folder`)."""
    from timeline.models import Article
    from timeline.sources import read_paths

    path = folder / name
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path, [item for item in read_paths([path]) if isinstance(item, Article)]


def base_documents(base: int, cache: Path, settings) -> tuple[list[dict], list]:
    """The base articles' records and their extracted documents, from the cache when its key matches."""
    from timeline.models import Document
    from timeline.pipeline import extract_articles, extraction_key

    records = corpus_records(base // 2)
    key = extraction_key(settings)
    shard = cache / f"scale_bench_base_{base}.jsonl"
    if shard.exists():
        with open(shard, encoding="utf-8") as lines:
            if json.loads(next(lines)).get("key") == key:
                documents = [Document.from_dict(json.loads(line)) for line in lines]
                print(f"base: {len(documents):,} documents from {shard}", flush=True)
                return records, documents
    with tempfile.TemporaryDirectory() as folder:
        _, articles = articles_of(records, Path(folder), "base.jsonl")
        begin = time.perf_counter()
        documents = list(extract_articles(articles, settings, jobs=os.cpu_count() or 1))
    print(f"base: {len(documents):,} articles extracted in {time.perf_counter() - begin:.0f} s", flush=True)
    cache.mkdir(parents=True, exist_ok=True)
    with open(shard, "w", encoding="utf-8") as out:
        out.write(json.dumps({"key": key}) + "\n")
        for document in documents:
            out.write(json.dumps(document.to_dict(), ensure_ascii=False) + "\n")
    return records, documents


def later(value: date | None, years: int) -> date | None:
    if value is None or not years:
        return value
    try:
        return value.replace(year=value.year + years)
    except ValueError:  # 29 February
        return value.replace(year=value.year + years, day=28)


def later_value(when, years: int):
    if when is None or not years:
        return when
    value = YEAR.sub(lambda match: str(int(match.group(1)) + years), when.value)
    return replace(when, value=value, start=later(when.start, years), end=later(when.end, years))


def repeated(record: dict, document, repeat: int, key: str):
    """Repeat `repeat` of a base article: its input record and its document, `repeat` years later."""
    from timeline.models import Article
    from timeline.pipeline import article_hash

    doc_id = record["id"] if not repeat else f"{record['id']}~{repeat}"
    published = later(date.fromisoformat(record["published"]), repeat) if record.get("published") else None
    new_record = {**record, "id": doc_id, "published": published.isoformat() if published else None}
    article = Article(doc_id=doc_id, text=record["text"], title=str(record.get("title") or "").strip(),
                      published=published)  # fmt: skip
    doc_hash = article_hash(article, key)
    mentions = tuple(
        replace(
            mention,
            doc_id=doc_id,
            doc_hash=doc_hash,
            date=later_value(mention.date, repeat),
            published=later(mention.published, repeat),
            estimated_date=later_value(mention.estimated_date, repeat),
        )
        for mention in document.mentions
    )
    new_document = replace(
        document, doc_id=doc_id, doc_hash=doc_hash, published=later(document.published, repeat), mentions=mentions
    )
    return new_record, new_document


def build(args, folder: Path) -> tuple[Path, Path, Path]:
    from timeline.pipeline import extraction_key, rebuild_events
    from timeline.store import Store

    db = folder / "store" / "timeline.json"
    db.parent.mkdir()
    settings = settings_for(db)
    records, documents = base_documents(args.base, args.cache, settings)
    by_id = {document.doc_id: document for document in documents}
    pairs = [(record, by_id[str(record["id"])]) for record in records if str(record["id"]) in by_id]
    key = extraction_key(settings)
    articles_path = folder / "articles.jsonl"
    begin = time.perf_counter()
    with Store(db) as store, open(articles_path, "w", encoding="utf-8") as out:
        chunk = []
        for number in range(args.articles):
            record, document = pairs[number % len(pairs)]
            new_record, new_document = repeated(record, document, number // len(pairs), key)
            out.write(json.dumps(new_record, ensure_ascii=False) + "\n")
            chunk.append(new_document)
            if len(chunk) >= BUILD_CHUNK:
                store.put_documents(chunk)
                store.flush()
                chunk = []
        store.put_documents(chunk)
        store.flush()
        rebuild_events(store, settings)
        events = store.count_events()
    print(
        f"store: {args.articles:,} articles ({len(pairs):,} base articles, repeated up to "
        f"{(args.articles - 1) // len(pairs)} years later), {events:,} events, built in "
        f"{time.perf_counter() - begin:.0f} s",
        flush=True,
    )
    new_path, _ = articles_of(corpus_records(NEW_ARTICLES // 2, skip_each=args.base // 2), folder, "new.jsonl")
    return db, articles_path, new_path


# the measured processes


def measure_ingest(db: Path, paths: list[Path]) -> dict:
    """Ingest `paths` into `db` in this process; the time spent extracting is timed apart."""
    from timeline import pipeline
    from timeline.nlp import load_pipeline
    from timeline.store import Store

    settings = settings_for(db)
    load_pipeline(settings.model, tuple(sorted(settings.company_aliases.items())))  # as a running tool has it
    extracting = 0.0
    extract_batch = pipeline.extract_batch

    def timed_extract(articles, settings):
        nonlocal extracting
        begin = time.perf_counter()
        try:
            return extract_batch(articles, settings)
        finally:
            extracting += time.perf_counter() - begin

    pipeline.extract_batch = timed_extract
    start_mb = peak_mb()
    begin = time.perf_counter()
    with Store(db) as store:
        report = pipeline.ingest(paths, store, settings, jobs=1)
    total = time.perf_counter() - begin
    return {
        "total_s": total,
        "nlp_s": extracting,
        "beyond_nlp_s": total - extracting,
        "peak_mb": peak_mb(),
        "start_mb": start_mb,
        "added": report.added,
        "unchanged": report.unchanged,
        "events": report.events,
    }


async def drive_app(db: Path, new_path: Path) -> dict:
    from timeline.tui import make_app

    begin = time.perf_counter()
    app = make_app(db)
    figures = {}
    async with app.run_test(size=(160, 48)) as pilot:
        figures["first_paint_s"] = time.perf_counter() - begin
        await app.workers.wait_for_complete()
        await pilot.pause()
        figures["usable_s"] = time.perf_counter() - begin
        figures["events"] = len(app.model)
        figures["added"] = child("--ingest", str(db), str(new_path))  # another terminal, while the app is open
        begin = time.perf_counter()
        await pilot.press("r")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        figures["reload_s"] = time.perf_counter() - begin
    figures["peak_mb"] = peak_mb()
    return figures


def child(*argv: str) -> dict:
    result = subprocess.run([sys.executable, __file__, *argv], capture_output=True, text=True)
    if result.returncode:
        sys.exit(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


def size_on_disk(folder: Path) -> tuple[int, int]:
    files = [path for path in folder.rglob("*") if path.is_file()]
    return sum(path.stat().st_size for path in files), len(files)


def load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def bulk_ingest(folder: Path, articles: Path, jobs: int) -> dict:
    """`timeline ingest --jobs N` of `articles` into a fresh store, in a child process: its wall time,
    its last line, the load average before and after, and the events it stored."""
    from timeline.store import Store

    db = folder / f"jobs{jobs}" / "timeline.json"
    db.parent.mkdir()
    config = folder / "none.toml"
    config.touch()
    command = [sys.executable, "-m", "timeline", "--config", str(config), "--db", str(db)]
    before = load()
    begin = time.perf_counter()
    result = subprocess.run([*command, "ingest", "-q", "-j", str(jobs), str(articles)], capture_output=True, text=True)
    seconds = time.perf_counter() - begin
    if result.returncode:
        sys.exit(result.stderr)
    with Store(db, read_only=True) as store:
        events = sorted(json.dumps(event.to_dict(), sort_keys=True) for event in store.events())
    return {"s": seconds, "said": result.stderr.strip().splitlines()[-1], "load": (before, load()), "events": events}


def jobs_section(count: int) -> None:
    """A bulk ingest of `count` distinct articles with --jobs 2 against --jobs 1, fresh stores each."""
    with tempfile.TemporaryDirectory(prefix="timeline-scale-jobs-") as scratch:
        folder = Path(scratch)
        records = corpus_records(count // 2)
        articles = folder / "articles.jsonl"
        articles.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        print(f"bulk ingest of {len(records):,} articles ({os.cpu_count()} cores, load average {load()})", flush=True)
        runs = {}
        for jobs in (1, 2):
            runs[jobs] = run = bulk_ingest(folder, articles, jobs)
            print(f"  --jobs {jobs}: {run['s']:.0f} s (load average {run['load'][0]} before, {run['load'][1]} "
                  f"after): {run['said'].split(';')[0]}", flush=True)  # fmt: skip
    same = runs[1]["events"] == runs[2]["events"]
    print(
        f"--jobs 2           {runs[1]['s'] / runs[2]['s']:.2f}x one process on {len(records):,} articles "
        f"(target >= 1.7; {runs[2]['s']:.0f} s against {runs[1]['s']:.0f} s), {len(runs[2]['events']):,} events, "
        f"{'the same' if same else 'NOT the same'} as with --jobs 1"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000, help="articles in the store (default 100,000)")
    parser.add_argument("--base", type=int, default=2000, help="distinct articles extracted with the NLP")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "timeline-scale-bench",
                        help="where the base articles' documents are kept between runs")  # fmt: skip
    parser.add_argument("--keep", type=Path, help="build in this (new) folder and leave it there")
    parser.add_argument("--jobs-articles", type=int, default=10_000,
                        help="articles of the --jobs 2 against --jobs 1 bulk ingest (default 10,000)")  # fmt: skip
    parser.add_argument("--jobs-only", action="store_true", help="run only the --jobs 2 against --jobs 1 section")
    parser.add_argument("--ingest", nargs="+", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--app", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.ingest:
        print(json.dumps(measure_ingest(args.ingest[0], args.ingest[1:])))
        return
    if args.app:
        print(json.dumps(asyncio.run(drive_app(*args.app))))
        return
    if args.jobs_only:
        jobs_section(args.jobs_articles)
        return
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        db, articles_path, new_path = build(args, folder)
        size, files = size_on_disk(db.parent)
        app = child("--app", str(db), str(new_path))
        added = app["added"]
        again = child("--ingest", str(db), str(articles_path), str(new_path))
    print(f"\nstore of {args.articles:,} articles ({files} files, {size / 1e6:.0f} MB on disk before the add)")
    print(
        f"add {added['added']} new articles  {added['beyond_nlp_s']:.2f} s beyond the NLP (target <= 5 s; "
        f"whole ingest {added['total_s']:.1f} s, NLP {added['nlp_s']:.1f} s), peak {added['peak_mb']:.0f} MB "
        f"(spaCy loaded: {added['start_mb']:.0f} MB; target <= 1,500 MB)"
    )
    print(
        f"re-ingest {again['unchanged']:,} unchanged  {again['total_s']:.2f} s (target <= 20 s), "
        f"peak {again['peak_mb']:.0f} MB"
    )
    print(
        f"app                {app['first_paint_s']:.2f} s first paint, {app['usable_s']:.2f} s until "
        f"{app['events']:,} events are drawn, reload {app['reload_s']:.2f} s (targets < 1 s), "
        f"peak {app['peak_mb']:.0f} MB"
    )
    jobs_section(args.jobs_articles)
    print("(times depend on the machine and its load: a shared machine makes them noisy)")


if __name__ == "__main__":
    main()
