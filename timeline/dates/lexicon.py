"""Words the date grammar knows: months, weekdays, numbers, units, seasons, ordinals, references."""

from __future__ import annotations

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12, "half a": 0.5,
}  # fmt: skip

SPOKEN_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
SPOKEN_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                "nineteen")  # fmt: skip
SPOKEN_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
"""Words of a year read aloud ("nineteen ninety-six", "two thousand and one") in broadcast transcripts."""

VAGUE_NUMBERS = ("several", "a few", "few", "some", "many", "the next few", "a number of", "couple")
"""Quantities with no value: a duration of 'several years' is `PXY`."""

ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": 4,
}  # fmt: skip

UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "weekend": "WE",
}  # fmt: skip
"""TIMEX3 duration letters; minutes and hours take a `PT` prefix."""

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}

PRESENT_WORDS = ("now", "currently", "nowadays", "at present", "presently", "at the moment", "right now",
                 "these days", "the present")  # fmt: skip
PAST_WORDS = ("recently", "lately", "the past", "formerly")
FUTURE_WORDS = ("the future", "the near future", "the years ahead", "the near term", "the short term", "the long term",
                "a later date")  # fmt: skip
# "near-term debt", "short-term costs": the hyphenated adjective is a kind of thing, not a time.
# "soon", "once", "eventually", "previously": TimeML leaves these adverbs unannotated, and they date nothing.

COUNT_NOUNS = frozenset(
    "units vehicles cars trucks people persons employees workers jobs shares tons tonnes barrels bags miles km "
    "kilometres kilometers metres meters feet points dollars euros yuan yen pounds francs marks stores flights "
    "passengers planes aircraft seats members times words pages acres hectares students homes houses beds "
    "troops soldiers votes customers users subscribers copies machines engines ships boats lines "
    "staff patients cases deaths kilos kg pieces items bottles calls visitors rooms".split()
)
"""A bare four-digit number followed by one of these is an amount, not a year."""

AMOUNT_PREFIXES = (
    "$",
    "€",
    "£",
    "¥",
    "us$",
    "no.",
    "#",
    "id",
    "number",
    "code",
    "page",
    "p.",
    "pp.",
    "route",
    "flight",
    "model",
    "version",
    "plant",
    "about",
    "nearly",
    "almost",
    "over",
    "some",
    "approximately",
    "roughly",
)
"""A four-digit number right after one of these is an amount or a label, not a year."""
