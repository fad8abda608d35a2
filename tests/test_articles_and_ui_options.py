"""`timeline articles` lists what is stored; `timeline ui` options open the app on a view."""

from __future__ import annotations

import json
from datetime import date

from click.testing import CliRunner

from timeline.cli import cli
from timeline.models import DateValue, Document, Event, Mention
from timeline.query import make_filter
from timeline.store import Store
from timeline.tui import make_app

DAY = DateValue("2024-04-26", date(2024, 4, 26), date(2024, 4, 26), "day")


def db_with_articles(tmp_path):
    db = tmp_path / "db.json"
    sentence = "Renault sold its stake."
    mention = Mention("a.txt", "ha", 0, len(sentence), sentence, ("Renault",), DAY, title="Renault news")
    documents = [
        Document("a.txt", "ha", sentence, title="Renault news", published=date(2024, 4, 26), url="https://x.test/a"),
        Document("b.txt", "hb", "Nothing here.", title="Quiet day"),
    ]
    with Store(db) as store:
        store.put_documents(documents)
        store.replace_events([Event("e1", DAY, ("Renault",), sentence, [mention])])
    return db


def test_articles_lists_date_event_count_id_and_title(tmp_path):
    db = db_with_articles(tmp_path)
    lines = CliRunner().invoke(cli, ["--db", str(db), "articles"]).output.splitlines()
    assert lines[0].split() == ["published", "events", "id", "title"]
    assert lines[1].split() == ["2024-04-26", "1", "a.txt", "Renault", "news"]
    assert lines[2].split() == ["undated", "0", "b.txt", "Quiet", "day"]
    records = [
        json.loads(line)
        for line in CliRunner().invoke(cli, ["--db", str(db), "articles", "--format", "jsonl"]).output.splitlines()
    ]
    assert records[0]["url"] == "https://x.test/a" and records[0]["events"] == 1


def test_ui_options_are_checked_before_the_app_opens(tmp_path):
    db = db_with_articles(tmp_path)
    result = CliRunner().invoke(cli, ["--db", str(db), "ui", "--company", "Renalt"])
    assert result.exit_code == 1 and "no company 'Renalt' in the timeline (did you mean Renault?)" in result.output
    result = CliRunner().invoke(cli, ["--db", str(db), "ui", "--since", "2024-02-30"])
    assert result.exit_code == 1 and "February 2024 has no day 30" in result.output


async def test_the_app_opens_on_the_view_the_options_give(tmp_path):
    db = db_with_articles(tmp_path)
    start = make_filter(companies=["Renault"], since="mar 2024", search="stake", today=date(2024, 6, 1))
    app = make_app(db, today=date(2024, 6, 1), start_filter=start)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [app.model.columns["event_id"][i] for i in app.model.visible] == ["e1"]
        assert "company:Renault since:'mar 2024' stake" in str(app.query_one("#filter-line").render())
