"""Publication dates as metadata writes them: `2024-04-26`, `2024-04-26T10:00:00Z`, `28/10/2018`,
`2018/10/28`, `28.10.2018`, `October 28, 2018`, `28 Oct 2018`, `Sun, 28 Oct 2018 10:00:00 GMT`.

A numeric day and month in either order (`03/04/2018`) is read only when one of them cannot be a month;
otherwise the date is ambiguous and is not guessed. No reading depends on today's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_NUMERIC = re.compile(r"(\d{1,4})([/.\-])(\d{1,2})\2(\d{1,4})")
_NAMED_FORMATS = (
    "%B %d, %Y",
    "%B %d %Y",
    "%b %d, %Y",
    "%b %d %Y",
    "%b. %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%d %b. %Y",
    "%A, %B %d, %Y",
    "%a, %d %b %Y",
)


@dataclass(frozen=True)
class MetadataDate:
    """What a metadata value says: a date, or why it gives none (`problem`)."""

    value: date | None
    problem: str = ""
    iso: bool = True
    """Whether it was written in the ISO form (YYYY-MM-DD, or a date and time) the README asks for."""


def read_metadata_date(raw: object) -> MetadataDate:
    """The date a metadata field holds (a `date`/`datetime` from YAML, or text in a common form)."""
    if isinstance(raw, datetime):
        return MetadataDate(raw.date())
    if isinstance(raw, date):
        return MetadataDate(raw)
    text = " ".join(str(raw).split())
    if not text:
        return MetadataDate(None, "is empty")
    return _iso(text) or _numeric(text) or _named(text) or _email(text) or MetadataDate(None, "is not a date")


def _iso(text: str) -> MetadataDate | None:
    try:
        return MetadataDate(datetime.fromisoformat(text.replace("Z", "+00:00")).date())
    except ValueError:
        pass
    try:
        return MetadataDate(date.fromisoformat(text[:10]))
    except ValueError:
        return None


def _numeric(text: str) -> MetadataDate | None:
    match = _NUMERIC.match(text)
    if match is None or text[match.end() :][:1] not in ("", " ", "T"):
        return None
    first, second, third = match.group(1), int(match.group(3)), match.group(4)
    if len(first) == 4:
        year, month, day = int(first), second, int(third)
    elif len(third) == 4:
        year = int(third)
        if int(first) > 12 >= second:
            day, month = int(first), second
        elif second > 12 >= int(first):
            month, day = int(first), second
        elif int(first) == second:
            day = month = second
        else:
            return MetadataDate(None, "is ambiguous (day and month could be either way round)")
    else:
        return None  # a two-digit year is not guessed
    try:
        return MetadataDate(date(year, month, day), iso=False)
    except ValueError:
        return MetadataDate(None, "is not a date of the calendar")


def _named(text: str) -> MetadataDate | None:
    for form in _NAMED_FORMATS:
        try:
            return MetadataDate(datetime.strptime(text, form).date(), iso=False)
        except ValueError:
            continue
    return None


def _email(text: str) -> MetadataDate | None:
    try:
        return MetadataDate(parsedate_to_datetime(text).date(), iso=False)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
