"""The surface grammar of temporal expressions: one regular expression per kind of expression.

Names of capital words (months, weekdays) are case-sensitive so that "may", "march" and "sun" as
ordinary words never match; the small words around them are not.
"""

from __future__ import annotations

import re

from .lexicon import (
    FUTURE_WORDS,
    NUMBERS,
    PAST_WORDS,
    PRESENT_WORDS,
    SPOKEN_ONES,
    SPOKEN_TEENS,
    SPOKEN_TENS,
    VAGUE_NUMBERS,
)

_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
)
_FULL_MONTHS = "|".join(_MONTH_NAMES.split("|")[:12])
MONTH = rf"(?P<month>(?:{_MONTH_NAMES}|{_MONTH_NAMES.upper()})\b\.?)"
WEEKDAY_NAMES = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_NUM_WORDS = "|".join(sorted((re.escape(w) for w in NUMBERS), key=len, reverse=True))
_VAGUE = "|".join(re.escape(w) for w in VAGUE_NUMBERS)
NUM = rf"(?P<num>(?<![\d/.,-])\d+(?:\.\d+)?(?:[\s-]+1/2|½)?|{_NUM_WORDS}|{_VAGUE})"
_UNIT = r"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))"
_REL = r"(?P<rel>this\s+past|this|last|next|past|coming|previous|current|following|same|prior|latest|preceding)"
_WEEKDAY_PREFIX = rf"(?:(?:{WEEKDAY_NAMES}),?\s+)?"


def _words(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_TWO_DIGITS = rf"(?:(?:{_words(SPOKEN_TENS)})(?:[\s-]+(?:{_words(SPOKEN_ONES)}))?|{_words(SPOKEN_TEENS)})"
_DECADE_WORDS = tuple(word[:-1] + "ies" for word in SPOKEN_TENS[2:])
"""'the forties' to 'the nineties'; 'the twenties' and 'the thirties' are as often ages or temperatures."""
SPOKEN_YEAR = (
    rf"(?P<spoken>(?:nineteen|twenty)[\s-]+{_TWO_DIGITS}"
    rf"|two\s+thousand(?:\s+and)?(?:[\s-]+(?:{_TWO_DIGITS}|{_words(SPOKEN_ONES)}))?)(?![\s-]+hundred)"
)

_SPOKEN_DAY = (
    r"(?:(?:Twenty|Thirty)[\s-]+(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|one|two|three|"
    r"four|five|six|seven|eight|nine)|Thirtieth|Thirty|Twentieth|Twenty|Tenth|Eleventh|Twelfth|Thirteenth|"
    r"Fourteenth|Fifteenth|Sixteenth|Seventeenth|Eighteenth|Nineteenth|Ten|Eleven|Twelve|Thirteen|Fourteen|"
    r"Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|"
    r"One|Two|Three|Four|Five|Six|Seven|Eight|Nine)"
)
"""A day of the month in words after its month ("May One", "July Fourth"): capitalised, as in a name of a
day, so that "May one day" and "March first-quarter" stay words."""

_SPOKEN_DAY_ENDS = r"(?=\s*(?:[,.;:)!?\"'’]|$)|\s+(?i:and|or|to|through|in|at|on|when|for|from|the|this|next|last)\b)"
"""What may follow a day in words: the end of the date, not a noun it would count ("May One analyst")."""

_CLOCK_ZONE = r"(?:GMT|UTC|[ECMP][SD]T|BST|CET|CEST|JST|IST|SGT|HKT|AEST|AEDT|(?i:local\s+time))\b"
_TWENTY_FOUR = r"(?:[01]\d|2[0-3])"

_YEAR_QUALIFIER = (
    r"(?:current\s+)?"
    rf"(?:(?P<year0>{YEAR})\s+|(?P<rel0>this|last|next)\s+year['’]?s\s+|(?P<ago>year[\s-](?:ago|earlier))\s+)?"
)
"""The year written before a quarter or half: "the 1988 second quarter", "this year's third quarter",
"the year-ago third quarter"."""

PATTERNS: dict[str, str] = {
    "iso": r"\b(?P<year>\d{4})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d))?\b",
    "slash": r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4}|\d{2})\b",
    "dmy": rf"\b{_WEEKDAY_PREFIX}(?P<day>{DAY})(?:\s+|-)(?:of\s+)?{MONTH}(?:(?:,?\s+|-)(?P<year>{YEAR}|\d{{2}}\b))?",
    "mdy": rf"{_WEEKDAY_PREFIX}\b{MONTH}\s+(?P<day>{DAY}|(?<![.]\s){_SPOKEN_DAY}{_SPOKEN_DAY_ENDS})\b"
    rf"(?![,.]?\d|:\d|\s*%)(?:,?\s+(?P<year>{YEAR})\b)?",
    "weekof": rf"(?i:\bthe\s+week\s+of)\s+{MONTH}\s+(?P<day>{DAY})\b(?:,?\s+(?P<year>{YEAR})\b)?",
    "my": rf"\b{MONTH},?\s+(?:of\s+)?(?P<year>{YEAR})\b",
    "relmonth": rf"(?i:\b(?P<rel>last|this|next|early|late|mid)\s+)?\b{MONTH}(?![\w-]|\.?\s+\d)"
    r"(?(rel)|(?i:\s+(?P<rel2>this|last|next)\s+year\b))",
    "month": rf"\b{MONTH}(?![\w-])",
    "monthrange": rf"\b(?P<first>{_MONTH_NAMES})\.?\s*(?:-|–|/)\s*{MONTH}(?![\w-])(?:,?\s+(?P<year>{YEAR})\b)?",
    "weekday": rf"(?i:\b(?:(?P<rel>last|next|this|coming|past|(?:the\s+)?(?:previous|following|preceding|prior))"
    rf"\s+)?)\b(?P<wd>{WEEKDAY_NAMES})(?P<plural>s)?\b"
    r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?",
    "relword": r"(?i:\b(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|"
    r"tomorrow|tonight|last\s+night)\b(?:\s+(?P<part>morning|afternoon|evening|night)\b)?)",
    "partofday": r"(?i:\bthis\s+(?P<part>morning|afternoon|evening)\b)",
    "relunit": rf"(?i:\b(?P<the>the\s+)?{_REL}\s+(?:fiscal\s+)?(?P<unit>day|week|weekend|month|year|quarter|decade|"
    r"century|spring|summer|autumn|fall|winter)\b)",
    "anaphor": r"(?i:\b(?:(?:later|earlier)\s+)?that\s+(?:same\s+)?(?P<unit>day|week|month|quarter|year)\b"
    r"(?![\w-]|\s+(?:traders?|trading)\b))",
    "ago": rf"(?i:\b{NUM}[\s-]+{_UNIT}(?P<approx>\s+or\s+so)?"
    r"\s+(?P<dir>ago|earlier|later|from\s+now|hence|previously)\b)",
    "duration": rf"(?i:\b(?:the\s+(?P<span>past|last|next|previous|coming|first|final)\s+)?{NUM}[\s-]+"
    rf"(?:(?:more|additional|extra|further|trading|business|working|calendar)\s+)?{_UNIT}"
    r"(?P<half>\s+and\s+a\s+half)?(?P<old>[\s-]+old)?\b)",
    "sessions": rf"(?i:\bthe\s+(?P<span>past|last|next|previous|coming|first|final)\s+{NUM}\s+"
    r"(?:trading\s+)?sessions\b)",
    "vague": r"(?i:\b(?P<adj>recent|coming|past|next|last)\s+(?P<unit>days|weeks|months|years|decades)\b)",
    "long": r"(?i:\b(?P<unit>day|week|month|year|decade|centur(?:y|ie))(?P<plural>s)?-long\b)",
    "bareplural": r"\b(?P<unit>days|weeks|months|years|decades)\b(?![\s-]+(?:old|ago|earlier|later|of\b|\d))",
    "definite": r"(?i:\bthe\s+(?:full\s+)?(?:fiscal\s+)?(?P<unit>quarter|year|weekend|week|month|day)\b)"
    r"(?!\s*(?:-|of(?!\s+[$€£¥])|before|after|earlier|ago|when|that))",
    "yearend": r"(?i:\byear(?:[\s-]|['’]s\s+)end\b)",
    "yearago": r"(?i:\b(?:the\s+)?(?:(?:same|comparable|corresponding)\s+)?year[\s-](?:earlier|ago)"
    r"(?:\s+(?P<unit>quarter|period|month|level|figure|results))?\b)",
    "sameperiod": r"(?i:\b(?:the\s+)?(?:(?:same|comparable|corresponding)\s+)?(?P<unit>quarter|period)\s+"
    r"(?:(?:of|in)\s+)?(?:a\s+year\s+(?:ago|earlier)|last\s+year|the\s+(?:previous|prior)\s+year)\b"
    r"|\blast\s+year['’]?s\s+(?P<unit2>quarter|period)\b|\bthe\s+(?P<latest>latest|most\s+recent)\s+period\b"
    rf"|\bthe\s+(?P<year>{YEAR})\s+period\b)",
    "holiday": r"\b(?P<name>Christmas(?:\s+Day|\s+Eve)?|New\s+Year'?s(?:\s+Day|\s+Eve)?|Thanksgiving(?:\s+Day)?|"
    r"Independence\s+Day|Valentine'?s\s+Day|Halloween|Election\s+Day|Labou?r\s+Day|Memorial\s+Day|"
    r"Easter(?:\s+Sunday|\s+Monday|\s+[Ww]eek)?(?!\s+(?:Islands?|[Ee]ggs?|[Bb]unny|Rising|[Ll]il(?:y|ies)))|Good\s+Friday)\b",
    "quarter": rf"(?i:\b(?:the\s+)?{_YEAR_QUALIFIER}(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+"
    rf"(?:fiscal\s+)?quarter\b)(?:(?:\s+of)?(?:\s+fiscal)?\s+(?P<year>{YEAR})\b|(?i:\s+of\s+(?P<rel>this|last|next)\s+year\b))?",
    "qcode": rf"\b(?:(?P<year1>{YEAR})\s*[-/]?\s*)?Q(?P<q>[1-4])(?:\s*(?P<year>{YEAR})\b|\s*'(?P<yy>\d{{2}})\b)?\b",
    "fiscal": rf"(?i:\bfiscal(?:\s+year)?\s+(?P<year>{YEAR})\b)|\bFY\s?(?P<fy>\d{{4}}|\d{{2}})\b",
    "half": rf"(?i:\b(?:the\s+)?{_YEAR_QUALIFIER}(?P<ord>first|second|1st|2nd|latter|last)\s+"
    rf"(?:half|two\s+quarters)\b)(?:(?:\s+of)?\s+(?P<year>{YEAR})\b|"
    r"(?i:\s+of\s+(?P<rel>this|last|next)\s+year\b))?",
    "hcode": rf"\bH(?P<h>[12])\s*(?P<year>{YEAR})\b",
    "season": rf"(?i:\b(?:(?P<rel>this|last|next|the)\s+)?(?:(?P<part>early|mid|late)[\s-]+)?"
    r"(?P<season>spring|summer|autumn|winter|fall)\b)"
    rf"(?:(?:\s+of)?\s+(?P<year>{YEAR})\b)?",
    "decade": r"\b(?:the\s+)?(?:(?P<century>1[6-9]|20)(?P<decade>\d)0'?s|'(?P<short>\d)0s)\b",
    "century": r"(?i:\b(?:the\s+)?(?P<ord>\d{1,2})(?:st|nd|rd|th)\s+century\b)",
    "spokenyear": rf"(?i:\b(?:(?P<month>{_MONTH_NAMES})\s+|(?:the\s+)?(?P<season>spring|summer|autumn|fall|"
    rf"winter)\s+of\s+|the\s+year\s+)?{SPOKEN_YEAR}\b)",
    "spokendecade": rf"(?i:\bthe\s+(?P<tens>{_words(_DECADE_WORDS)})\b(?!\s+degrees))",
    "yearrange": rf"\b(?P<first>{YEAR})\s*(?:-|–|/)\s*(?P<second>{YEAR}|\d\d)\b(?![-/]\d|\s*%|,\d{{3}}|\.\d)",
    "year": rf"\b(?:the\s+year\s+)?(?P<year>{YEAR})\b(?![-/]\d|\s*%|,\d{{3}}|\.\d)",
    "present": rf"(?i:\b(?:{_words(PRESENT_WORDS)})(?!\w))",
    "currentadj": r"(?i:(?<!then )\bcurrent\b(?!\s+(?:fiscal\s+)?(?:year|quarter|month|week|period|season|account|"
    r"accounts|affairs|events)\b))",
    "past": rf"(?i:\b(?:{_words(PAST_WORDS)})\b)",
    "future": rf"(?i:\b(?:{_words(FUTURE_WORDS)})\b)",
    "set": rf"(?i:\b(?:every|each|per)\s+(?:(?P<num>other|\d+|two|three|four|five|six)\s+)?"
    rf"(?P<unit>day|week|month|quarter|year|morning|evening|night|weekend|{WEEKDAY_NAMES.lower()}|"
    rf"{_FULL_MONTHS.lower()})s?\b)",
    "setadverb": r"(?i:\b(?P<adverb>annually|yearly|monthly|weekly|daily|hourly|nightly)\b)",
    "clock": r"(?:(?i:\b(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b))"
    rf"(?:\s+(?P<tz>{_CLOCK_ZONE}))?|(?i:\b(?P<noon>noon|midnight|midday)\b)"
    rf"|\b(?P<hour24>{_TWENTY_FOUR}|\d)(?::(?P<minute24>[0-5]\d)|(?<=\d\d)(?P<minute4>[0-5]\d))"
    rf"(?:\s*(?:-|–|(?i:to|and|until|till))\s*(?P<hour2>{_TWENTY_FOUR}):?(?P<minute2>[0-5]\d))?"
    rf"\s*(?:(?i:hrs|hours)\b(?:\s+{_CLOCK_ZONE})?|{_CLOCK_ZONE}))"
    rf"(?:,?\s+(?:(?P<wd>{WEEKDAY_NAMES})\b|(?<!,){MONTH}\s+(?P<day>{DAY})\b(?![,.]?\d)|(?i:(?P<rel>today|yesterday|tomorrow)\b)))?",
}

COMPILED = {name: re.compile(pattern) for name, pattern in PATTERNS.items()}

_MONTH_WORDS = tuple(sorted({m.lower() for m in _MONTH_NAMES.split("|")}))
_WEEKDAY_WORDS = tuple(w.lower() for w in WEEKDAY_NAMES.split("|"))
TRIGGERS: dict[str, tuple[str, ...]] = {
    "iso": ("-",), "slash": ("/",), "dmy": _MONTH_WORDS, "mdy": _MONTH_WORDS, "my": _MONTH_WORDS,
    "relmonth": _MONTH_WORDS, "monthrange": _MONTH_WORDS, "weekof": ("week of",), "month": _MONTH_WORDS,
    "weekday": _WEEKDAY_WORDS,
    "relword": ("today", "yesterday", "tomorrow", "tonight", "last night"),
    "partofday": ("this morning", "this afternoon", "this evening"),
    "anaphor": ("that day", "that week", "that month", "that quarter", "that year", "that same"),
    "ago": ("ago", "earlier", "later", "from now", "hence", "previously"),
    "vague": ("recent", "coming", "past", "next", "last"),
    "sessions": ("sessions",),
    "bareplural": ("days", "weeks", "months", "years", "decades"), "long": ("-long",), "currentadj": ("current",),
    "definite": ("the quarter", "the year", "the week", "the month", "the day", "the full", "the fiscal"),
    "yearend": ("year end", "year-end", "year's end", "year’s end"),
    "yearago": ("year-ago", "year-earlier", "year ago", "year earlier"),
    "sameperiod": ("a year ago", "a year earlier", "last year", "previous year", "prior year", " period"),
    "holiday": ("christmas", "new year", "thanksgiving", "independence day", "valentine", "halloween",
                "election day", "labor day", "labour day", "memorial day", "easter", "good friday"),
    "quarter": ("quarter",), "qcode": ("q1", "q2", "q3", "q4"), "fiscal": ("fiscal", "fy"),
    "half": ("half", "two quarters"),
    "hcode": ("h1", "h2"), "season": ("spring", "summer", "autumn", "winter", "fall"), "decade": ("0s", "0's"),
    "century": ("century",), "set": ("every", "each", "per "), "spokenyear": ("nineteen", "twenty", "thousand"),
    "spokendecade": tuple(f"the {word}" for word in _DECADE_WORDS),
    "setadverb": ("annually", "yearly", "monthly", "weekly", "daily", "hourly", "nightly"),
    "clock": ("a.m", "p.m", "am", "pm", "noon", "midnight", "midday", "hrs", "hours", "gmt", "utc", "est", "edt",
              "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "jst", "ist", "sgt", "hkt", "aest", "aedt",
              "local time"),
    "yearrange": ("-", "/", "–"),
}  # fmt: skip
"""Words without which a pattern cannot match: checked on the lower-cased text before the pattern runs,
since most articles hold none of them for most patterns and a substring test costs far less than a scan."""

MODIFIER_BEFORE = re.compile(
    r"(?i:(?P<mod>early|mid|late|the\s+(?:beginning|start|end|middle|close|turn)\s+of|the\s+(?:first|last)\s+"
    r"(?:days?|weeks?|months?)\s+of|around|about|approximately|circa|roughly|nearly|almost|more\s+than|"
    r"less\s+than|at\s+least|over|some|up\s+to)[\s-]+(?:(?:in|of)\s+)?)$"
)
"""Words just before an expression that belong to it and give its TIMEX3 modifier."""

SIGNAL_BEFORE = re.compile(
    r"(?i:\b(?P<signal>since|after|from|starting|until|till|til|through|to|by|before|prior\s+to|no\s+later\s+than|"
    r"as\s+early\s+as|as\s+of|between|and)\s+(?:the\s+)?(?:end\s+of\s+)?)$"
)
"""A signal before an expression stays outside it and sets the event's modifier (since 2014: AFTER)."""

FUTURE_CUES = re.compile(
    r"(?i:\b(?:will|shall|'ll|going\s+to|plans?\s+to|planning\s+to|planned|expects?\s+to|expected\s+to|"
    r"is\s+to|are\s+to|scheduled|set\s+to|aims?\s+to|intends?\s+to|to\s+be\s+held|"
    r"upcoming|forthcoming|next)\b)"
)
PAST_CUES = re.compile(
    r"(?i:\b(?:was|were|had|did|said|says|announced|reported|posted|told|ended|closed|rose|fell|agreed|signed|"
    r"launched|released|last|ago)\b)"
)
