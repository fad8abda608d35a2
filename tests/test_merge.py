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
