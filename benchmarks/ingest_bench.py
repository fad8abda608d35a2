"""Ingest throughput against the bare spaCy pipeline, on Reuters-21578.

    python benchmarks/ingest_bench.py [--articles 2000 | --all] [--jobs N]

Ingests a sample of ../shared/data/reuters21578/reuters21578.jsonl into a fresh database and prints
articles/s, words/s and peak memory; then, on the same texts, the words/s of the bare spaCy pipeline the
project uses (`nlp.pipe` with the same components and batch size: no cleaning, dates, store); the ratio of
the two is the headline figure. Then it re-ingests the stored corpus (skipped by content hash).
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from measure import peak_mb

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared/data/reuters21578/reuters21578.jsonl"


def sample(path: Path, count: int | None, folder: Path) -> tuple[Path, list[str]]:
    target = folder / "sample.jsonl"
    texts = []
    with open(path, encoding="utf-8") as source, open(target, "w", encoding="utf-8") as out:
        for line in source:
            if count is not None and len(texts) >= count:
                break
            out.write(line)
            texts.append(json.loads(line)["text"])
    return target, texts


def workers_mb(jobs: int) -> str:
    """The worker processes' share: the largest worker's peak, times the number of workers."""
    if jobs <= 1:
        return ""
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return f" + {jobs} workers of at most {largest:.0f} MB each"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--all", action="store_true", help="all 19,043 articles")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--skip-bare", action="store_true", help="do not time the bare spaCy pipeline")
    args = parser.parse_args()

    from timeline.config import Settings
    from timeline.nlp import load_pipeline
    from timeline.pipeline import ingest
    from timeline.store import Store

    with tempfile.TemporaryDirectory() as folder:
        source, texts = sample(CORPUS, None if args.all else args.articles, Path(folder))
        words = sum(len(text.split()) for text in texts)
        db = Path(folder) / "db.json"
        settings = Settings(db_path=db, config_path=Path(folder) / "none.toml")
        nlp = load_pipeline(settings.model)  # model load is not ingest time, for both measurements

        def bare_seconds() -> float:
            begin = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=settings.batch_size):
                pass
            return time.perf_counter() - begin

        bare_before = 0.0 if args.skip_bare else bare_seconds()
        begin = time.perf_counter()
        with Store(db) as store:
            report = ingest([source], store, settings, jobs=args.jobs)
        seconds = time.perf_counter() - begin
        print(
            f"ingest --jobs {args.jobs}: {len(texts):,} articles, {words:,} words in {seconds:.1f} s: "
            f"{len(texts) / seconds:.1f} articles/s, {words / seconds:,.0f} words/s; "
            f"{report.events:,} events; peak memory {peak_mb():.0f} MB{workers_mb(args.jobs)}; "
            f"{len(report.errors)} errors"
        )
        begin = time.perf_counter()
        with Store(db) as store:
            again = ingest([source], store, settings, jobs=args.jobs)
        print(
            f"re-ingest of the stored corpus: {time.perf_counter() - begin:.2f} s "
            f"({again.unchanged:,} unchanged, {again.added} added)"
        )
        if not args.skip_bare:
            bare = (bare_before + bare_seconds()) / 2  # once before and once after the ingest: fair to both
            print(f"bare spaCy ({', '.join(nlp.pipe_names)}): {words / bare:,.0f} words/s in one process")
            print(f"ratio ingest/bare: {bare / seconds:.2f} (target >= 0.85 for --jobs 1)")


if __name__ == "__main__":
    main()
