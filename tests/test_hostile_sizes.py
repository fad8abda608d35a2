"""Hostile sizes and shapes: articles longer than spaCy reads at once, and text shaped so that a step per
date, per word or per tag would walk the whole input. Speed itself is measured by
`benchmarks/hostile_bench.py`; these tests hold the behaviour that keeps every step bounded."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner
from conftest import TEST_DATA, make_settings
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.cli import cli
from timeline.config import DEFAULT_MODEL
from timeline.dates import _uncovered, _without_overlaps, find_dates
from timeline.dates.rules import INVALID
from timeline.html_bounds import MAX_TAG_CHARS, bound_tags
from timeline.models import Timex
from timeline.nlp import MAX_UNENDED_TOKENS, MAX_WORD_CHARS, load_pipeline, parse_texts
from timeline.pipeline import ingest
from timeline.sources import read_paths
from timeline.store import Store

PARAGRAPHS = "\n\n".join(f"Acme Corp said on Monday it sold {n} units to Renault in 2020." for n in range(250))


def test_a_text_over_the_pipelines_max_length_is_parsed_in_pieces_into_one_doc(monkeypatch):
    nlp = load_pipeline(DEFAULT_MODEL)
    whole = nlp(PARAGRAPHS)
    monkeypatch.setattr(nlp, "max_length", 3000)
    [pieced] = parse_texts(nlp, [PARAGRAPHS], 8)
    assert pieced.text == PARAGRAPHS
    assert pieced.tensor.size == 0  # the vectors the parse read are not kept: a third of a long Doc's memory
    assert [t.text for t in pieced] == [t.text for t in whole]
    assert [s.text for s in pieced.sents] == [s.text for s in whole.sents]
    assert [(e.text, e.ent_id_) for e in pieced.ents if e.ent_id_] == [
        (e.text, e.ent_id_) for e in whole.ents if e.ent_id_
    ]


def test_the_pieces_of_a_long_article_are_not_parsed_all_at_once(monkeypatch):
    import timeline.nlp

    nlp = load_pipeline(DEFAULT_MODEL)
    monkeypatch.setattr(timeline.nlp, "PIECE_CHARS", 3000)
    monkeypatch.setattr(timeline.nlp, "BATCH_CHARS", 3000)
    batches = []
    parse = nlp.pipe

    def recorded(texts, **options):
        texts = list(texts)
        batches.append(sum(map(len, texts)))
        return parse(texts, **options)

    monkeypatch.setattr(nlp, "pipe", recorded)
    docs = list(parse_texts(nlp, ["Acme grows.", PARAGRAPHS, "Acme shrinks."], 64))
    assert [doc.text for doc in docs] == ["Acme grows.", PARAGRAPHS, "Acme shrinks."]
    assert len(batches) > 5 and max(batches) <= 3000  # spaCy's memory grows with what it parses at once


def test_an_article_over_the_pipelines_max_length_is_ingested_with_the_rest(tmp_path, monkeypatch):
    monkeypatch.setattr(load_pipeline(DEFAULT_MODEL, ()), "max_length", 3000)  # the pipeline ingest loads
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text("Acme sells\n\n" + PARAGRAPHS)
    (folder / "short.txt").write_text("Acme grows\n\nAcme Corp said on Monday it sold 5 units in 2021.")
    db = tmp_path / "db.json"
    with Store(db) as store:
        report = ingest([folder], store, make_settings(db), published=date(2024, 5, 3))
        assert report.errors == [] and report.added == 2
        long_document = next(d for d in store.documents() if d.doc_id.endswith("long.txt"))
        assert len(long_document.mentions) > 100  # its last paragraphs too


def test_dates_command_reads_a_text_over_the_pipelines_max_length(tmp_path, monkeypatch):
    monkeypatch.setattr(load_pipeline(DEFAULT_MODEL), "max_length", 3000)
    source = tmp_path / "long.txt"
    source.write_text(PARAGRAPHS + "\n\nThe last one came in 1999.")
    result = CliRunner().invoke(cli, ["dates", str(source), "--published", "2024-05-03", "--format", "table"])
    assert result.exit_code == 0, result.output
    assert result.output.count("2020 ") == 250 and "1999" in result.output


def test_a_run_without_spaces_is_tokenized_in_bounded_pieces_keeping_the_text():
    nlp = load_pipeline(DEFAULT_MODEL)
    text = "Acme Corp said on Jan. 5 it sold " + "x" * 5000 + " and " + "(" * 3000 + ")" * 3000 + " units."
    doc = nlp(text)
    assert doc.text == text
    assert max(len(token) for token in doc) <= MAX_WORD_CHARS
    assert [t.text for t in doc[:8]] == ["Acme", "Corp", "said", "on", "Jan.", "5", "it", "sold"]
    assert [t.text for t in doc[-2:]] == ["units", "."]


def test_no_sentence_runs_on_without_a_full_stop():
    doc = load_pipeline(DEFAULT_MODEL)("Acme news\n" + "January 2024, " * 600)
    assert max(len(sentence) for sentence in doc.sents) <= MAX_UNENDED_TOKENS + 1


def test_ordinary_sentences_keep_their_length():
    sentence = "Acme Corp, " + ", ".join(f"the maker of part {n}" for n in range(60)) + ", said it grew."
    doc = load_pipeline(DEFAULT_MODEL)(sentence)
    assert len(list(doc.sents)) == 1


class _ReadRecorder(str):
    """A text that notes the length of every slice taken of it."""

    longest = 0

    def __getitem__(self, key):
        piece = str.__getitem__(self, key)
        type(self).longest = max(type(self).longest, len(piece))
        return piece


def test_no_step_per_date_reads_more_than_a_bounded_stretch_of_text():
    text = _ReadRecorder("We will meet in January 2024, " + "January 2024, " * 3000)
    _ReadRecorder.longest = 0
    found = find_dates(text, date(2024, 5, 1))
    assert len(found) == 3001
    assert _ReadRecorder.longest < 1000


SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)).map(lambda s: (s[0], s[0] + s[1])), max_size=25)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12), st.integers(0, 5)), max_size=25))
def test_overlaps_are_resolved_as_longest_first_then_grammar_order(raw):
    candidates = [(start, start + length, priority, INVALID) for start, length, priority in raw]
    naive: list[tuple[int, int]] = []
    for start, end, _, _ in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        if not any(start < e and s < end for s, e in naive):
            naive.append((start, end))
    assert [(s, e) for s, e, _ in _without_overlaps(candidates)] == sorted(naive)


@settings(max_examples=300, deadline=None)
@given(SPANS, SPANS)
def test_extra_spans_are_kept_exactly_when_they_overlap_nothing_found(spans, taken):
    found = [Timex(start=s, end=e, text="", type="DATE") for s, e in sorted(taken)]
    expected = [span for span in spans if not any(span[0] < t.end and t.start < span[1] for t in found)]
    assert _uncovered(spans, found) == expected


def test_an_overlong_tag_loses_its_attributes_and_ordinary_pages_are_untouched(tmp_path):
    page = (TEST_DATA / "article.html").read_text()
    assert bound_tags(page) == page
    attributes = " ".join(f'a{n}="{n}"' for n in range(MAX_TAG_CHARS // 5))
    html = f"<html><body><article><p {attributes}>Acme Corp said on Monday it sold 5 units.</p></article></body></html>"
    assert (
        bound_tags(html)
        == "<html><body><article><p>Acme Corp said on Monday it sold 5 units.</p></article></body></html>"
    )
    (tmp_path / "a.html").write_text(html)
    [article] = read_paths([tmp_path / "a.html"])
    assert "Acme Corp said on Monday" in article.text


def test_where_an_entity_is_first_and_last_named_is_kept_as_its_mentions_are_added():
    from timeline.companies import Canonicaliser
    from timeline.entities import article_entities

    text = "Acme news\n\n" + "".join(f"Acme Corp and Renault said on Monday they sold {n} units.\n" for n in range(40))
    doc = load_pipeline(DEFAULT_MODEL)(text)
    found = article_entities(doc, headline_end=9, dateline=None, canonicaliser=Canonicaliser({}, frozenset()))
    assert any(len(entity.mentions) >= 40 for entity in found.entities)
    for entity in found.entities:
        assert entity.first == min(span.start_char for span in entity.mentions)
        assert entity.last == max(span.start_char for span in entity.mentions)
