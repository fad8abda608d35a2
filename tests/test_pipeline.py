"""The whole pipeline on the seeds: our own expected events, idempotent re-ingest, replacement."""

from __future__ import annotations

import shutil
from datetime import date

from conftest import SEEDS, make_settings

from timeline.pipeline import ingest
from timeline.store import Store

EXPECTED = {
    # (article, company, date value): why the event must be there
    ("000", "Renault", "2024-W17"): "discussed this week with Li Auto and Xiaomi Technology",
    ("000", "Li Auto", "2024-W17"): "the same clause, object of 'with'",
    ("000", "Xiaomi", "2024-W17"): "Xiaomi Technology is Xiaomi",
    ("000", "Renault", "2024-04-26"): "headline at the dateline's date",
    ("000", "Li Auto", "2024-04-26"): "headline",
    ("000", "Xiaomi", "2024-04-26"): "headline; the gazetteer fixes spaCy's PERSON label",
    ("002", "Dongfeng", "2020"): "the dissolution of the Dongfeng Renault joint venture in 2020",
    ("002", "Renault", "2020"): "same clause",
    ("004", "Xiaomi", "2022"): "the plant that started construction in early 2022 (main-clause company)",
}
FORBIDDEN_COMPANIES = {"Reuters", "Thomson Reuters", "Chinese", "Plant 2", "RPP", "Bloomberg", "Purchasing", "LinkedIn"}


def triples(db):
    with Store(db, read_only=True) as store:
        events = store.events()
    found = set()
    for event in events:
        for mention in event.mentions:
            if mention.date:
                stem = mention.doc_id.rsplit("/", 1)[1][:3]
                found.update((stem, company, mention.date.value) for company in mention.companies)
    return found, events


def test_seed_events(seeds_db):
    found, events = triples(seeds_db)
    missing = set(EXPECTED) - found
    assert not missing
    assert not {company for _, company, _ in found} & FORBIDDEN_COMPANIES
    assert not any(value == "2030" for _, _, value in found), "2030 governs the van market, not Renault"
    assert len(found - set(EXPECTED)) <= 2


def test_early_2022_keeps_its_modifier(seeds_db):
    _, events = triples(seeds_db)
    [event] = [e for e in events if e.date and e.date.value == "2022"]
    assert event.date.modifier == "START" and event.date.text == "early 2022"


def test_reingest_adds_nothing_and_changed_article_replaces_its_events(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    db = tmp_path / "db.json"
    settings = make_settings(db)
    with Store(db) as store:
        first = ingest([folder], store, settings)
    before = db.read_bytes()
    with Store(db) as store:
        again = ingest([folder], store, settings)
    assert (first.added, again.added, again.unchanged) == (5, 0, 5)
    assert db.read_bytes() == before
    path = next(folder.glob("002_*.txt"))
    path.write_text(path.read_text().replace("in 2020", "in 2019"))
    with Store(db) as store:
        changed = ingest([folder], store, settings)
        assert store.count_documents() == 5
    assert (changed.replaced, changed.added) == (1, 0)
    found, _ = triples(db)
    assert ("002", "Renault", "2019") in found and ("002", "Renault", "2020") not in found


def test_mention_offsets_point_into_the_stored_text(seeds_db):
    with Store(seeds_db, read_only=True) as store:
        documents = {d.doc_id: d for d in store.documents()}
        events = store.events()
    for event in events:
        for mention in event.mentions:
            text = documents[mention.doc_id].text
            assert text[mention.start : mention.end] == mention.sentence
            if mention.date_span:
                start, end = mention.date_span
                assert mention.sentence[start:end] == mention.date_text


def test_an_undated_article_takes_the_date_of_the_dated_report_of_its_story(seeds_db, tmp_path):
    """Seed 001 (undated) reports the talks seed 000 dates: its lead joins that event, its date inferred."""
    from timeline.export import jsonl_record

    with Store(seeds_db, read_only=True) as store:
        records = [jsonl_record(event) for event in store.events()]
    [talks] = [r for r in records if any(m["doc_id"].endswith(".txt") and "001_" in m["doc_id"] for m in r["mentions"])]
    assert talks["date"] == "2024-04-26" and talks["inferred"]
    [lead] = [m for m in talks["mentions"] if "001_" in m["doc_id"]]
    assert (lead["date"], lead["inferred_date"]) == (None, "2024-04-26")
    assert {m["doc_id"].split("/")[-1][:3] for m in talks["mentions"]} == {"000", "001"}


def test_reingest_with_other_extraction_settings_reads_the_articles_again(tmp_path):
    db = tmp_path / "db.json"
    settings = make_settings(db)
    with Store(db) as store:
        ingest([SEEDS], store, settings)
    with Store(db) as store:
        again = ingest([SEEDS], store, settings.with_overrides(company_aliases={"the diamond maker": "Renault"}))
    assert (again.unchanged, again.replaced, again.added) == (0, 5, 0)


def test_an_undated_article_keeps_its_news_placed_by_when_it_was_probably_written(seeds_db):
    """Seeds 003 and 004 carry no date: their main company's news stays, estimated from the years they tell as
    past and as ahead, kept apart from any date an article states."""
    from timeline.export import csv_row, jsonl_record

    with Store(seeds_db, read_only=True) as store:
        events = store.events()
    by_seed = {e.mentions[0].doc_id.rsplit("/", 1)[1][:3]: e for e in events if e.date is None and e.estimated}
    assert by_seed["004"].estimated.value == "2022/2024"  # construction started in early 2022; 2024 lies ahead
    assert set(by_seed["004"].companies) >= {"Xiaomi", "BAIC"}
    assert set(by_seed["003"].companies) == {"Renault", "Nissan"}
    record = jsonl_record(by_seed["004"])
    assert record["date"] is None and record["estimated"]["value"] == "2022/2024"
    assert record["mentions"][0]["date"] is None and record["mentions"][0]["estimated_date"] == "2022/2024"
    row = csv_row(by_seed["004"])
    assert (row["date"], row["estimated"], row["start"], row["end"]) == ("", "2022/2024", "2022-01-01", "2024-12-31")


def test_the_main_story_is_one_event_for_the_headline_and_the_lead(tmp_path):
    from timeline.merge import merge_mentions
    from timeline.models import Article
    from timeline.pipeline import extract_batch

    text = (
        "Nasdaq to buy OMX for $3.7 billion\n\n"
        "NEW YORK (Reuters) - Nasdaq Stock Market Inc said on Friday it would buy Nordic exchange operator OMX AB "
        "for $3.7 billion.\n\n"
        "The deal values OMX at 208.1 crowns a share.\n"
    )
    article = Article(doc_id="a", text=text, title="Nasdaq to buy OMX for $3.7 billion", published=date(2007, 5, 25))
    events = merge_mentions(extract_batch([article], make_settings(tmp_path / "db.json"))[0].mentions)
    [story] = [e for e in events if any(m.is_headline for m in e.mentions)]
    assert any(m.is_lead for m in story.mentions)
    assert story.summary == "Nasdaq to buy OMX for $3.7 billion"
    assert set(story.companies) == {"Nasdaq Stock Market", "OMX"}


def test_one_sentence_on_one_day_is_one_event_with_every_party(tmp_path):
    from timeline.merge import merge_mentions
    from timeline.models import Article
    from timeline.pipeline import extract_batch

    text = (
        "HUGHES TOOL DIRECTORS REJECT MERGER WITH BAKER\n\n"
        "HOUSTON, March 5 - The directors of Hughes Tool Co said they would recommend to shareholders that they "
        "reject a merger with Baker International Corp today.\n"
    )
    article = Article(
        doc_id="a", text=text, title="HUGHES TOOL DIRECTORS REJECT MERGER WITH BAKER", published=date(1987, 3, 5)
    )
    events = merge_mentions(extract_batch([article], make_settings(tmp_path / "db.json"))[0].mentions)
    [event] = [e for e in events if "Hughes Tool" in e.companies or "Baker International" in e.companies]
    assert {"Hughes Tool", "Baker International"} <= set(event.companies)
