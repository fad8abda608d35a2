"""Parallel ingest and the pure extraction function on a Dask cluster give the single-process events."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from conftest import SEEDS, make_settings

from timeline.cli import cli
from timeline.models import Article
from timeline.pipeline import extract_batch, extract_shard, ingest
from timeline.sources import read_paths
from timeline.store import Store


def event_triples(db):
    with Store(db, read_only=True) as store:
        return sorted(
            (m.doc_id.rsplit("/", 1)[1], tuple(m.companies), m.date.value if m.date else None, m.start)
            for event in store.events()
            for m in event.mentions
        )


@pytest.mark.slow
def test_two_jobs_store_the_same_events_as_one(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    results = []
    for jobs in (1, 2):
        db = tmp_path / f"db{jobs}.json"
        with Store(db) as store:
            report = ingest([folder], store, make_settings(db), jobs=jobs)
        assert report.added == 5 and not report.errors
        results.append(event_triples(db))
    assert results[0] == results[1] and results[0]


@pytest.mark.slow
def test_dask_partitions_give_the_same_documents(tmp_path):
    dask_bag = pytest.importorskip("dask.bag")
    settings = make_settings(tmp_path / "db.json")
    articles = [item for item in read_paths([SEEDS]) if isinstance(item, Article)]
    single = extract_batch(articles, settings)
    bag = dask_bag.from_sequence(articles, npartitions=2).map_partitions(extract_batch, settings)
    distributed = bag.compute(scheduler="processes", num_workers=2)
    assert [d.to_dict() for d in distributed] == [d.to_dict() for d in single]


@pytest.mark.slow
def test_a_local_dask_cluster_extracts_shards_that_one_ingest_stores_with_the_single_process_events(tmp_path):
    """The README's "Beyond one machine" path as written: `extract_shard` mapped over partitions on a cluster
    of worker processes writes JSON Lines shards, and one `timeline ingest shards/` stores and merges them."""
    dask_bag = pytest.importorskip("dask.bag", reason="dask is not installed (the test dependency group has it)")
    distributed = pytest.importorskip(
        "dask.distributed", reason="dask.distributed is not installed (the test dependency group has it)"
    )
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    single = tmp_path / "single.json"
    with Store(single) as store:
        assert not ingest([folder], store, make_settings(single)).errors

    sharded = tmp_path / "sharded.json"
    shards = tmp_path / "shards"
    articles = [item for item in read_paths([folder]) if isinstance(item, Article)]
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster),
    ):
        lines = dask_bag.from_sequence(articles, npartitions=3).map_partitions(extract_shard, make_settings(sharded))
        lines.to_textfiles(str(shards / "*.jsonl.gz"))
    assert len(list(shards.glob("*.jsonl.gz"))) == 3
    result = CliRunner().invoke(cli, ["--db", str(sharded), "ingest", "-q", str(shards)], catch_exceptions=False)
    assert result.exit_code == 0 and result.output.startswith("5 added, 0 replaced, 0 unchanged, 0 failed;")

    def events(db):
        with Store(db, read_only=True) as store:
            return sorted((event.to_dict() for event in store.events()), key=lambda record: record["event_id"])

    assert events(sharded) == events(single) and events(single)
    again = CliRunner().invoke(cli, ["--db", str(sharded), "ingest", "-q", str(folder)], catch_exceptions=False)
    assert again.output.startswith("0 added, 0 replaced, 5 unchanged, 0 failed;")  # the same documents
