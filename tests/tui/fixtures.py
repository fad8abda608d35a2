"""Fixed event records for the app's tests and snapshots: no spaCy, no clock, no user database."""

from __future__ import annotations

from datetime import date

from timeline.models import DateValue, Event, Mention

TODAY = date(2024, 6, 1)

_ROWS = [
    (
        "2019",
        "2019-01-01",
        "2019-12-31",
        "year",
        None,
        ["Renault", "Nissan"],
        "Renault and Nissan sold more vehicles in China in 2019.",
    ),
    (
        "2020",
        "2020-01-01",
        "2020-12-31",
        "year",
        None,
        ["Dongfeng", "Renault"],
        "The Dongfeng Renault joint venture was dissolved in 2020.",
    ),
    (
        "2022",
        "2022-01-01",
        "2022-05-01",
        "year",
        "START",
        ["Xiaomi"],
        "Xiaomi's Beijing plant started construction in early 2022.",
    ),
    (
        "2023-Q3",
        "2023-07-01",
        "2023-09-30",
        "quarter",
        None,
        ["BAIC", "Xiaomi"],
        "BAIC and Xiaomi discussed production in Q3 2023.",
    ),
    (
        "2024-03",
        "2024-03-01",
        "2024-03-31",
        "month",
        None,
        ["Renault"],
        "Renault's CEO wrote a letter to Europeans in March.",
    ),
    (
        "2024-W17",
        "2024-04-22",
        "2024-04-28",
        "week",
        None,
        ["Renault", "Li Auto", "Xiaomi"],
        "Renault Group discussed this week with Li Auto and Xiaomi Technology.",
    ),
    (
        "2024-04-26",
        "2024-04-26",
        "2024-04-26",
        "day",
        None,
        ["LinkedIn"],
        "A message was posted on Friday on LinkedIn [bold red]not markup[/].",
    ),
    (None, None, None, None, None, ["Volkswagen"], "Renault is in talks with Volkswagen about a small electric car."),
]


def make_records() -> list[dict]:
    records = []
    for number, (value, start, end, precision, modifier, companies, summary) in enumerate(_ROWS):
        when = (
            DateValue(value, date.fromisoformat(start), date.fromisoformat(end), precision, modifier, text=value or "")
            if value
            else None
        )
        date_text = value or "this week"
        sentence = summary
        position = sentence.find(companies[0])
        mentions = [
            Mention(
                doc_id=f"articles/{number:03d}.txt",
                doc_hash=f"h{number}",
                start=10,
                end=10 + len(sentence),
                sentence=sentence,
                companies=tuple(companies),
                date=when,
                date_text=date_text,
                company_spans=((position, position + len(companies[0])),) if position >= 0 else (),
                published=date(2024, 4, 26),
                title=f"Article {number}",
            )
        ]
        if number == 5:
            mentions.append(
                Mention(
                    doc_id="articles/100.txt",
                    doc_hash="h100",
                    start=0,
                    end=len(sentence),
                    sentence=sentence,
                    companies=tuple(companies),
                    date=when,
                    date_text="this week",
                    published=date(2024, 4, 27),
                    title="A second report",
                )
            )
        records.append(Event(f"e{number:03d}", when, tuple(companies), summary, mentions).to_dict())
    return records


def app_with(tmp_path=None, records=None, **options):
    from timeline.tui import make_app

    records = make_records() if records is None else records
    return make_app(records=records, today=TODAY, export_dir=tmp_path, **options)


async def ready(app, pilot):
    await app.workers.wait_for_complete()
    await pilot.pause()


def current(app):
    from timeline.tui.widgets import TimelineList

    return app.query_one(TimelineList).current_event_id()


def in_view(app):
    return [app.model.columns["event_id"][i] for i in app.model.visible]


def footer_keys(app) -> dict[str, str]:
    """The keys the footer shows now, with their descriptions."""
    return {
        key: active.binding.description
        for key, active in app.screen.active_bindings.items()
        if active.binding.show and active.enabled
    }
