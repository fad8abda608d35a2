"""Merging one article's mentions: the same story told twice is one event, two deeds stay two."""

from __future__ import annotations

from datetime import date

from timeline.merge import merge_mentions
from timeline.models import DateValue, Mention

PUBLISHED = date(1987, 10, 19)


def day(value: date) -> DateValue:
    return DateValue(value=value.isoformat(), start=value, end=value, precision="day", text=value.isoformat())


SECOND_HALF = DateValue(value="1987-H2", start=date(1987, 7, 1), end=date(1987, 12, 31), precision="half", text="")


def mention(start: int, sentence: str, companies: tuple[str, ...], when: DateValue, said: str = "", **flags) -> Mention:
    """A mention whose date is written as `said` in its sentence (none: the story's day)."""
    return Mention(
        doc_id="a",
        doc_hash="h",
        start=start,
        end=start + len(sentence),
        sentence=sentence,
        companies=companies,
        date=when,
        date_span=(sentence.index(said), sentence.index(said) + len(said)) if said else None,
        published=PUBLISHED,
        **flags,
    )


def test_a_later_sentence_telling_the_lead_again_joins_the_story():
    lead = mention(
        40,
        "Grantley Group said it bought 90,000 shares of Pellow Inc common stock, or 5.1 pct of the total.",
        ("Grantley", "Pellow"),
        day(PUBLISHED),
        is_lead=True,
    )
    again = mention(
        300,
        "Grantley said it bought its Pellow common stock in open market transactions between August 3 and "
        "October 9 at 12.40 dlrs to 13.10 dlrs a share.",
        ("Grantley", "Pellow"),
        SECOND_HALF,
        said="between August 3 and October 9",
    )
    [event] = merge_mentions([lead, again])
    assert event.date.value == PUBLISHED.isoformat()


def test_two_other_sentences_of_an_article_stay_apart_though_alike():
    first = mention(
        300,
        "Grantley said it bought Pellow common stock in the second half.",
        ("Grantley",),
        SECOND_HALF,
        "the second half",
    )
    second = mention(400, "Grantley said it bought Pellow common stock on October 19.", ("Grantley",), day(PUBLISHED))
    assert len(merge_mentions([first, second])) == 2


def story_events(tmp_path, text: str, published: date) -> list[list[str]]:
    """The sentences of each event one article gives, in the article's order."""
    from conftest import make_settings

    from timeline.models import Article
    from timeline.pipeline import extract_batch

    article = Article(doc_id="a.txt", text=text, title=text.split("\n", 1)[0], published=published)
    [document] = extract_batch([article], make_settings(tmp_path / "db.json"))
    events = merge_mentions(document.mentions)
    return sorted([m.sentence.strip()[:24] for m in sorted(e.mentions, key=lambda m: m.start)] for e in events)


RESULTS = (
    "Corvina Bank profit falls 20 percent\n\n"
    "NEW YORK (Reuters) - Corvina Bank Corp said on Wednesday third-quarter profit fell 20 percent, hurt by "
    "higher credit losses.\n\n"
    "In the third quarter, Corvina Bank added $300 million to its reserves for loan losses.\n"
)


def test_a_sentence_dated_by_the_period_the_story_reports_tells_the_story_again(tmp_path):
    events = story_events(tmp_path, RESULTS, date(2008, 10, 15))
    assert [sentences for sentences in events if "In the third quarter, Co" in sentences] == [
        ["Corvina Bank profit fall", "NEW YORK (Reuters) - Cor", "In the third quarter, Co"]
    ], events


def test_a_sentence_dated_by_another_period_stays_its_own_event(tmp_path):
    text = RESULTS.replace("In the third quarter", "In the second quarter")
    events = story_events(tmp_path, text, date(2008, 10, 15))
    assert ["In the second quarter, C"] in events, events


def test_a_quarterly_story_reports_the_last_quarter_over_by_its_day(tmp_path):
    text = (
        "Corvina Foods profit tops view\n\n"
        "NEW YORK (Reuters) - Corvina Foods Inc reported a better-than-expected quarterly profit on Monday.\n\n"
        "Corvina Foods said net profit rose to $36 million, or 38 cents a share, in the first quarter.\n"
    )
    events = story_events(tmp_path, text, date(2008, 4, 21))
    assert events == [["Corvina Foods profit top", "NEW YORK (Reuters) - Cor", "Corvina Foods said net p"]]


def test_a_period_long_over_is_not_the_one_the_story_reports(tmp_path):
    text = (
        "Corvina Foods sues Bexley\n\n"
        "NEW YORK (Reuters) - Corvina Foods Inc sued Bexley Corp on Monday over their 2001 venture.\n\n"
        "In 2001, Corvina Foods bought a 20 percent stake in Bexley.\n"
    )
    events = story_events(tmp_path, text, date(2008, 4, 21))
    assert ["In 2001, Corvina Foods b"] in events, events


def test_a_deed_the_lead_tells_on_the_side_stays_its_own_event(tmp_path):
    text = (
        "Halvard Bank to cut 500 jobs\n\n"
        "NEW YORK (Reuters) - Halvard Bank Corp, which last month accepted a takeover offer from Bexley Corp, "
        "is set to cut about 500 jobs.\n"
    )
    events = story_events(tmp_path, text, date(2008, 10, 20))
    assert len(events) == 2, events
