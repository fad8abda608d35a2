"""`a`: the whole stored article of the highlighted event, its URL, and the event's other sources."""

from __future__ import annotations

from timeline.models import Document, Event
from timeline.store import Store
from timeline.tui import make_app
from tui.fixtures import TODAY, make_records, ready

LEAD = "PARIS (Reuters) - Renault Group discussed this week with Li Auto and Xiaomi Technology."


def article_db(tmp_path):
    db = tmp_path / "db.json"
    records = make_records()
    event = Event.from_dict(records[5])  # two sources: articles/005.txt and articles/100.txt
    first = event.mentions[0]
    text = "Renault and Xiaomi\n\n" + LEAD + "\n\nMore paragraphs follow.\n" + "Line\n" * 80 + "The last line."
    start = text.index(LEAD)
    documents = [
        Document("articles/005.txt", "h5", text, title="Renault and Xiaomi", url="https://example.com/renault"),
        Document("articles/100.txt", "h100", "A second report about Renault.", title="A second report"),
    ]
    records[5]["mentions"][0].update(start=start, end=start + len(LEAD), sentence=LEAD)
    assert first.doc_id == "articles/005.txt"
    with Store(db) as store:
        store.put_documents(documents)
        store.replace_events(Event.from_dict(r) for r in records)
    return db


def shown(app) -> str:
    return (
        str(app.screen.query_one("#article-head").render()) + "\n" + str(app.screen.query_one("#article-body").render())
    )


async def test_a_shows_the_whole_article_with_its_url_and_steps_through_sources(tmp_path):
    app = make_app(article_db(tmp_path), today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("colon", *"2024-04-22", "enter", "a")
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = shown(app)
        assert "https://example.com/renault" in text and "source 1 of 2" in text
        assert LEAD in text and "The last line." in text  # the whole text, not the sentence alone
        await pilot.press("n")
        text = shown(app)
        assert "source 2 of 2" in text and "A second report about Renault." in text
        assert "no URL stored for this article" in text
        await pilot.press("o")
        assert app.status_line.message == "This article has no URL stored"
        await pilot.press("escape")
        assert app.screen.__class__.__name__ != "ArticleScreen"


async def test_without_a_database_the_article_screen_shows_the_sentences_and_says_why():
    app = make_app(records=make_records(), today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert "not in this view's data" in shown(app)
