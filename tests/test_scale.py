"""Parallel ingest and the pure extraction function on a Dask cluster give the single-process events."""

from __future__ import annotations

import shutil

import pytest
from conftest import SEEDS, make_settings

from timeline.pipeline import extract_batch, ingest
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
    articles = [a for a in read_paths([SEEDS]) if not isinstance(a, str)]
    single = extract_batch(articles, settings)
    bag = dask_bag.from_sequence(articles, npartitions=2).map_partitions(extract_batch, settings)
    distributed = bag.compute(scheduler="processes", num_workers=2)
    assert [d.to_dict() for d in distributed] == [d.to_dict() for d in single]
