"""When an undated article was probably written, from the dates it tells in the past and in the future.

An article with no publication date still places itself: it reports "the dissolution of the joint venture
in 2020" as done, and "an entry into the market in 2024" as ahead, so it was written between the two. The
estimate is the interval from the latest date it tells as past to the earliest it tells as ahead (or two
years after the past one when nothing lies ahead). With no date told as past there is no estimate, and the
article's events stay undated. The estimate is kept apart from any date an article states.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from .models import DateValue, Timex

YEARS_AFTER_THE_PAST = 2
"""With nothing told as ahead, an article is taken to be written within this many years of its latest past."""
PAST = frozenset({"past", "done"})
AHEAD = frozenset({"future", "plan"})


def estimate_written(timexes: list[Timex], tense_of: Callable[[Timex], str | None]) -> DateValue | None:
    """The interval an undated article was written in, from its absolute dates and the tense of each."""
    past = [t for t in timexes if t.is_event_date and not t.anchored and tense_of(t) in PAST]
    if not past:
        return None
    start = max(t.start_date for t in past)
    ahead = [t for t in timexes if t.is_event_date and not t.anchored and tense_of(t) in AHEAD and t.end_date >= start]
    if ahead:
        end = min(t.end_date for t in ahead)
    else:
        end = date(start.year + YEARS_AFTER_THE_PAST, 12, 31)
    value = str(start.year) if start.year == end.year else f"{start.year}/{end.year}"
    return DateValue(
        value=value,
        start=date(start.year, 1, 1),
        end=end,
        precision="year",
        modifier="APPROX",
        text="estimated from the dates the article tells",
    )
