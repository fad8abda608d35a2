"""dateparser as a second opinion for spans another tagger marked as dates and the grammar did not read.

dateparser is always given `languages=["en"]` (a failed parse otherwise tries every language, for seconds).
Only spans with a written year are tried, so its `RELATIVE_BASE` never decides a value and one parser
serves every article (building a parser per publication date compiled its patterns anew, 1 ms a time).
Its `period` becomes the precision.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache

from ..models import Timex
from . import intervals as iv

_WORTH_TRYING = re.compile(
    r"\b(?:1[89]|20)\d\d\b|\d+[/.-]\d+|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|"
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
)
"""A written year, a numeric date, a month or a weekday: bare numbers ("52", an age) are never tried."""
_DURATION_WORDS = re.compile(r"(?i)^(?:an?|\d+|several|few|the\s+(?:past|last|next))\s+\w+s?$")


@lru_cache(maxsize=1)
def _parser():
    from dateparser.date import DateDataParser

    settings = {
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "RELATIVE_BASE": datetime(2000, 1, 1),  # never the clock; unused, as every span tried has its year
    }
    return DateDataParser(languages=["en"], settings=settings)


def parse_spans(
    text: str, spans: Iterable[tuple[int, int]], anchor: date | None, earliest_year: int, latest_year: int
) -> list[Timex]:
    found = []
    for start, end in spans:
        phrase = text[start:end].strip()
        if not phrase or not _WORTH_TRYING.search(phrase) or _DURATION_WORDS.match(phrase):
            continue
        if not re.search(r"\b(?:1[89]|20)\d\d\b", phrase):
            continue
        data = _parser().get_date_data(phrase)
        if data.date_obj is None or data.period == "time":
            continue
        day = data.date_obj.date()
        period = {
            "day": iv.day(day),
            "week": iv.week(day),
            "month": iv.month(day.year, day.month),
            "year": iv.year(day.year),
        }.get(data.period or "day", iv.day(day))
        if not earliest_year <= period.start.year <= latest_year:
            continue
        found.append(
            Timex(
                start=start,
                end=end,
                text=text[start:end],
                type="DATE",
                value=period.value,
                start_date=period.start,
                end_date=period.end,
                precision=period.precision,
                anchored=False,
            )
        )
    return found
