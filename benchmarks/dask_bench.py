"""The README's Dask path at scale (#17): a local Dask cluster extracts articles into shards, one
`timeline ingest` stores them, and the events are those of a single-process ingest of the same articles.

    python benchmarks/dask_bench.py [--articles 10000] [--workers 4] [--partitions 40] [--source FILE]

Takes the first N articles of `--source` (default: ../shared/data/reuters_news_2006_2009/articles.jsonl.gz,
10,000 articles, read in place; a subset is written to a temporary folder, never into the project), then:
- single process: `timeline ingest --jobs 1` of those articles into a fresh store;
- Dask: a `LocalCluster` of `--workers` worker processes (one thread each) maps
  `timeline.pipeline.extract_shard` over `--partitions` partitions and writes gzipped JSON Lines shards
  to a temporary folder (`Bag.to_textfiles`, as the README's snippet does), then one
  `timeline ingest shards/` stores them in another fresh store;
and prints the wall time of each step, the load average around it, the events and documents of both
stores, and whether they are identical (every event and document as exported, compared whole).

Both ingests run the real command line in a child process with the same empty config file, so the
cluster extracts with the settings the command reads. Dask and distributed must be installed
(`pip install "timeline[dask]"`, or the test group). Times depend on the machine and its load: the
workers share its cores with everything else, so on a machine with fewer cores than workers the cluster
cannot beat one process by much; what this measures is that the path holds at this size.
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared/data/reuters_news_2006_2009/articles.jsonl.gz"


def load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def timed(label: str, step):
    before = load()
    begin = time.perf_counter()
    result = step()
    seconds = time.perf_counter() - begin
    print(f"{label}: {seconds:.1f} s (load average {before} before, {load()} after)", flush=True)
    return result, seconds


def source_file(source: Path, articles: int, folder: Path) -> Path:
    """`source` itself when it holds at most `articles` records, else its first `articles` lines in `folder`."""
    opener = gzip.open if source.suffix == ".gz" else open
    with opener(source, "rt", encoding="utf-8") as lines:
        first = list(islice(lines, articles + 1))
    if len(first) <= articles:
        return source
    subset = folder / f"first_{articles}.jsonl"
    subset.write_text("".join(first[:articles]), encoding="utf-8")
    return subset


def timeline(config: Path, db: Path, *args: str) -> str:
    command = [sys.executable, "-m", "timeline", "--config", str(config), "--db", str(db), "ingest", "-q", *args]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode not in (0, 1):  # 1: some input failed, each told in a line; the rest is stored
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    lines = result.stderr.strip().splitlines()
    for line in lines[:-1][:20]:
        print(f"  {line}", flush=True)
    return lines[-1]


def extract_on_cluster(path: Path, shards: Path, config: Path, workers: int, partitions: int):
    """Extract the articles of `path` into shards on a local cluster: (articles, start s, extraction s)."""
    import dask.bag
    from dask.distributed import Client, LocalCluster

    from timeline.config import load_settings
    from timeline.models import Article
    from timeline.pipeline import extract_shard
    from timeline.sources import read_paths

    settings = load_settings(config)
    articles = [item for item in read_paths([path], max_bytes=settings.max_file_bytes) if isinstance(item, Article)]
    (cluster, client), start_s = timed(
        f"cluster of {workers} worker processes started",
        lambda: _start(LocalCluster, Client, workers),
    )
    try:
        bag = dask.bag.from_sequence(articles, npartitions=partitions).map_partitions(extract_shard, settings)
        _, extract_s = timed(
            f"Dask: {len(articles):,} articles extracted into {partitions} shards on {workers} workers",
            lambda: bag.to_textfiles(str(shards / "*.jsonl.gz")),
        )
    finally:
        client.close()
        cluster.close()
    return len(articles), start_s, extract_s


def _start(cluster_type, client_type, workers: int):
    cluster = cluster_type(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return cluster, client_type(cluster)


def contents(db: Path) -> tuple[list[dict], list[dict]]:
    from timeline.store import Store

    with Store(db, read_only=True) as store:
        events = sorted((event.to_dict() for event in store.events()), key=lambda record: record["event_id"])
        documents = sorted((d.to_dict() for d in store.documents()), key=lambda record: record["doc_id"])
    return events, documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles to take (default 10,000)")
    parser.add_argument("--workers", type=int, default=4, help="Dask worker processes (default 4)")
    parser.add_argument("--partitions", type=int, default=40, help="partitions, one shard each (default 40)")
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="a JSON Lines file of articles")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; load average {load()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="timeline-dask-bench-") as scratch:
        folder = Path(scratch)
        config = folder / "timeline.toml"
        config.write_text("", encoding="utf-8")
        path = source_file(args.source, args.articles, folder)

        single = folder / "single" / "timeline.json"
        single.parent.mkdir()
        said, single_s = timed(
            "single process: timeline ingest --jobs 1", lambda: timeline(config, single, "-j", "1", str(path))
        )
        print(f"  {said}", flush=True)

        shards = folder / "shards"
        count, start_s, extract_s = extract_on_cluster(path, shards, config, args.workers, args.partitions)
        files = sorted(shards.glob("*.jsonl.gz"))
        size = sum(file.stat().st_size for file in files)
        print(f"  {len(files)} shards, {size / 1e6:.1f} MB gzipped", flush=True)
        sharded = folder / "sharded" / "timeline.json"
        sharded.parent.mkdir()
        said, ingest_s = timed("timeline ingest shards/", lambda: timeline(config, sharded, str(shards)))
        print(f"  {said}", flush=True)

        (single_events, single_documents), (shard_events, shard_documents) = contents(single), contents(sharded)
    same_events = single_events == shard_events
    same_documents = single_documents == shard_documents
    print(f"\n{count:,} articles from {args.source.name}")
    print(f"single process   {len(single_events):,} events, {len(single_documents):,} documents, {single_s:.0f} s")
    print(
        f"Dask + ingest    {len(shard_events):,} events, {len(shard_documents):,} documents, "
        f"{extract_s + ingest_s:.0f} s: extraction on {args.workers} workers {extract_s:.0f} s (the cluster's "
        f"start {start_s:.0f} s apart), timeline ingest of the shards {ingest_s:.1f} s"
    )
    print(f"identical: events {'yes' if same_events else 'NO'}, documents {'yes' if same_documents else 'NO'}")
    if not same_events:
        ids = {record["event_id"] for record in single_events} ^ {record["event_id"] for record in shard_events}
        print(f"  {len(ids)} event ids in one store only")
    print("(times depend on the machine and its load; see the load averages above)")


if __name__ == "__main__":
    main()
