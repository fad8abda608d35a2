"""Year-less and relative dates resolved by the tense the parse gives their clause (publication: Thursday
26 October 1989, the day after a quarter ended). Each row names the rule it pins."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.config import DEFAULT_MODEL, Settings
from timeline.events import date_expressions
from timeline.nlp import load_pipeline
from timeline.syntax import inflected

THURSDAY = date(1989, 10, 26)
SETTINGS = Settings(db_path=Path("unused.json"), config_path=Path("unused.toml"))


def value_of(sentence: str, phrase: str, published: date = THURSDAY) -> str | None:
    doc = load_pipeline(DEFAULT_MODEL)(sentence)
    start = sentence.index(phrase)
    found = [t for t in date_expressions(doc, published, SETTINGS) if t.start <= start < t.end]
    assert found, f"no date found at {phrase!r}"
    return found[0].value


@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        pytest.param(
            "The company will report third-quarter results next week.",
            "third-quarter",
            "1989-Q3",
            id="a quarter just ended is the one future reports mean",
        ),
        pytest.param(
            "Sales will rise in the first quarter.",
            "first quarter",
            "1990-Q1",
            id="a quarter long over is next year's in the future",
        ),
        pytest.param("Profit fell in the third quarter.", "third quarter", "1989-Q3", id="a past quarter of this year"),
        pytest.param(
            "Corvina Foods to open new plant on Monday",
            "Monday",
            "1989-10-30",
            id="a headline's subject and 'to' is its future, though last Monday is closer",
        ),
        pytest.param(
            "The owners said they would cancel the sale unless it paid more, and closed the mill on January 5.",
            "January 5",
            "1989-01-05",
            id="a finite verb joined to a modal one keeps its own past",
        ),
        pytest.param(
            "Investigators have searched for him since shortly after the Oct. 23 slaying.",
            "Oct. 23",
            "1989-10-23",
            id="a dated noun takes its verb's tense",
        ),
        pytest.param(
            "The index is within 70 points of its record high set on Aug. 6.",
            "Aug. 6",
            "1989-08-06",
            id="a participle modifying a noun reports the past",
        ),
        pytest.param(
            "The operator changed to a calendar year in February.",
            "February",
            "1989-02",
            id="a past verb points at the last February, though the next is closer",
        ),
        pytest.param(
            "The operator changed to a calendar year in December.",
            "December",
            "1988-12",
            id="a date of a past deed is never ahead, however soon",
        ),
        pytest.param(
            "The summit set for Washington in April will discuss it.", "April", "1990-04", id="set for is a plan"
        ),
        pytest.param(
            "The group must pay down the loan by February.", "February", "1990-02", id="a deadline lies ahead"
        ),
        pytest.param(
            "The bank extended the credit line until mid-November.",
            "mid-November",
            "1989-11",
            id="a deadline in a past clause that is a few weeks ahead",
        ),
        pytest.param(
            "He and Arafat meet separately Monday with Albright.",
            "Monday",
            "1989-10-30",
            id="a plain present with a weekday is the coming one",
        ),
        pytest.param(
            "The move follows Tuesday's declaration by Ford.",
            "Tuesday",
            "1989-10-24",
            id="a dated noun does not share its verb's present",
        ),
        pytest.param(
            "Mr. Gerstner said Friday that the sale is complete.",
            "Friday",
            "1989-10-20",
            id="a report in the past is the last Friday",
        ),
        pytest.param(
            "The father would be traveling to the United States Saturday.",
            "Saturday",
            "1989-10-28",
            id="would looks ahead",
        ),
        pytest.param(
            "Officials could not be reached Wednesday.", "Wednesday", "1989-10-25", id="could is often the past of can"
        ),
        pytest.param(
            "A memorial service planned for Wednesday was canceled.",
            "Wednesday",
            "1989-10-25",
            id="a planned day is the nearer one: yesterday",
        ),
        pytest.param(
            "Protesters planned a large demonstration on Saturday.",
            "Saturday",
            "1989-10-28",
            id="a planned day is the nearer one: the day after tomorrow",
        ),
        pytest.param(
            "The attorney has scheduled a news conference Friday.",
            "Friday",
            "1989-10-27",
            id="a perfect plan verb still plans",
        ),
        pytest.param(
            "New orders at factories rose less than expected in June.",
            "June",
            "1989-06",
            id="'than expected' compares with a plan and plans nothing",
        ),
        pytest.param("A trial in the case is set for August.", "August", "1990-08", id="'is set for' lies ahead"),
        pytest.param(
            "The issue will be a focal point when ministers meet at the weekend.",
            "the weekend",
            "1989-W43-WE",
            id="a weekend in a present clause is the coming one",
        ),
        pytest.param(
            "She said so in an interview to be published on Monday.",
            "Monday",
            "1989-10-30",
            id="'to be published' lies ahead",
        ),
    ],
)
def test_tense_decides_the_year_or_week(sentence, phrase, value):
    assert value_of(sentence, phrase) == value


def test_verb_forms_stand_in_for_the_lemmatizer_the_pipeline_skips():
    forms = inflected("plan agree deny say")
    assert {"plans", "planned", "planning", "agreed", "agreeing", "denied", "denies", "said", "says"} <= forms
