"""Clean scraped article text before NLP, and find the publication date the text itself carries.

`clean_article` removes what a scraper drags in around the story (advertising and JavaScript blocks,
comment widgets, "Read also"/"More from Author"/"Source link" tails, copyright footers, captions,
teasers of other stories), rejoins hard-wrapped lines, and reads a dateline such as
`PARIS, April 26 (Reuters) -` together with a copyright or other year to date an undated article.
All functions are pure: text in, text out.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date

from .tickers import CodeMark, strip_codes

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

# Lines after which nothing belongs to the story: comment widgets, author boxes, "more" lists.
_TAIL = re.compile(
    r"^\s*(?:-\s*)?(?:notify of|leave a reply|leave a comment|more from (?:the )?author|source link\b.*|"
    r"share this (?:story|article)\s*:?|about (?:the )?author|comments are closed\.?|"
    r"related (?:posts|articles|stories)|"
    r"you may also like|most popular|read next|recommended for you|a word from our sponsors\s*-?|"
    r"\d+ comments?|post navigation|subscribe to our newsletter.*)\s*$",
    re.IGNORECASE,
)
# Single lines that are page furniture, not story.
_FURNITURE = re.compile(
    r"^\s*(?:read (?:also|more|now)|advertisement|also read|see also|share|tweet|print|email|"
    r"linkedin\s*\+?|facebook|twitter|whatsapp|(?:source|sources|credits?|photo|image)\s*:.*|"
    r"published\b.*\bcategorized as\b.*|\(?(?:reporting|report|writing|editing) by [^.]*\)?\.?)\s*$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright\b)", re.IGNORECASE)
_CAPTION = re.compile(r"(?:\|\s*(?:font|photo|image|credit)s?\s*:|\((?:credits?|photo|image)\s*:[^)]*\)\s*$)", re.I)
_BREADCRUMB = re.compile(r"^Home[A-Z][a-z]+[A-Z]")
_CODE_LINE = re.compile(
    r"""^\s*(?:[\]\[{}(),;]+\s*$|[\w.$]+\s*[:=]\s*(?:[\[{(]|['"‘’\w$-].*[,;{[]\s*$)|"""
    r""".*(?:navigator\.|function\s*\(|=>|\.push\(|googletag|adsbygoogle|document\.|window\.)|"""
    r"""[}\]]\s*[,)]?\s*[}\])]?[;,]?\s*$|bids?\s*:)""",
    re.IGNORECASE,
)
_KEY_VALUE_LINE = re.compile(r"""^\s*[\w.$]+\s*:\s*\S.{0,80}$""")
_CREDIT_INLINE = re.compile(r"\s*\((?:report(?:ing)?|writing|editing|compiled|additional reporting) by [^)]*\)", re.I)
_CSS_JUNK = re.compile(r"\.[\w-]+\s*\{[^}]*\}|@media\s*\([^)]*\)\s*\{|\{\s*[\w-]+\s*:\s*[^;}]+;", re.IGNORECASE)
_AGENCIES = r"Reuters|AP|AFP|Bloomberg|Xinhua|dpa|PTI|IANS|ANI|Kyodo|Yonhap|UPI|TASS|EFE|ANSA"
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z. ]{1,30})?)\s*[,(]\s*"
    r"(?P<month>Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(?P<day>\d{1,2})"
    r"(?:,?\s+(?P<year>\d{4}))?\s*\)?\s*(?:\((?P<agency>" + _AGENCIES + r")[^)]*\))?\s*[-–—:]",
)
_AGENCY_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z. ]{1,30})?)\s*\((?:" + _AGENCIES + r")[^)]*\)\s*[-–—:]"
)
"""A dateline that names the place and the agency but no date: "DETROIT (Reuters) -"."""
_SUBHEAD = re.compile(
    r"(?P<end>^|[.!?\"”][ \t]+)(?P<head>(?:[A-Z0-9][A-Z0-9&'/.-]*,?[ \t]+)+[A-Z0-9][A-Z0-9&'/.-]*[A-Z][A-Z0-9&'/.-]*:?"
    r"|[A-Z]{6,})"
    r"[ \t]+(?=[A-Z][a-z]+\b)"
)
"""A shouted subhead run into its paragraph ("SILVER LINING Bear's profits ...", "HELP FOR FANNIE, FREDDIE As
...", "QUAGMIRE Delphi Corp ..."): it gets its own line, so that neither the parse nor a summary joins it to
the sentence. One word alone must be long, not initials ("NASA Administrator")."""
_COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?(\d{4})", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d,.$€£])\b(19[5-9]\d|20\d\d)\b(?![\d,.%]\d)")
_DATE_LINE = re.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|"
    r"\d{4}-\d\d-\d\d)\s*$"
)
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]\s*$")


@dataclass(frozen=True)
class CleanText:
    """The cleaned text and what it says about its own publication date."""

    text: str
    published: date | None = None
    dateline: tuple[int, int] | None = None
    """Offsets of the dateline in `text`; dates inside it date the article, not an event."""
    marks: tuple[CodeMark, ...] = ()
    """Where stock codes and angle brackets were taken out of `text`: evidence of companies."""


_WIRE_TAG = re.compile(
    r"^\s*\(?(?:CORRECTED|CORRECTION|REFILE|RPT|REPEAT|UPDATE|INSTANT\s+VIEW|EXCLUSIVE|ANALYST\s+VIEW|"
    r"SNAP\s+ANALYSIS|NEWSMAKER|WRAPUP)\s*\d*\)?\s*[-:]\s*"
)
"""A wire service's tag before a headline: '(CORRECTED)-', 'UPDATE 2-', 'INSTANT VIEW1-': no part of the news."""


def without_wire_tags(headline: str) -> str:
    """The headline without the wire's tags: 'CORRECTED: INSTANT VIEW1-Cisco profit rises' is 'Cisco profit rises'."""
    while (match := _WIRE_TAG.match(headline)) and match.end() < len(headline):
        headline = headline[match.end() :]
    return headline


def clean_article(raw: str, title: str = "") -> CleanText:
    """Cleaned text (with the title as its first line) and the publication date found in it, if any."""
    published = find_published(raw)
    title = without_wire_tags(title)
    body = clean_text(raw)
    first, newline, rest = body.partition("\n")
    body = without_wire_tags(first) + newline + rest
    if title and not _is_furniture(title) and not _starts_with(body, title):
        body = f"{title.strip()}\n\n{body}"
    body, marks = strip_codes(body)
    dateline = _dateline_span(body)
    return CleanText(text=body, published=published, dateline=dateline, marks=marks)


def first_line(text: str) -> str:
    """The first line of cleaned text: the title of an article that names none."""
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:300]


def clean_text(raw: str) -> str:
    """The story text without page furniture, with wrapped lines rejoined and blank runs collapsed."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    paragraphs = _paragraphs(text)
    kept: list[str] = []
    for paragraph in paragraphs:
        first = paragraph.split("\n", 1)[0]
        if _TAIL.match(first) and kept:
            break
        lines = [line for line in paragraph.split("\n") if not _is_furniture(line)]
        lines = _drop_code(lines)
        if not lines:
            continue
        joined = _SUBHEAD.sub(lambda match: _own_line(match, text), _CREDIT_INLINE.sub("", _reflow(lines)))
        if _CSS_JUNK.search(joined):
            continue
        kept.append(joined)
    return "\n\n".join(kept).strip() + "\n"


def _own_line(match: re.Match, text: str) -> str:
    end, head, carried = match["end"].rstrip(), match["head"], ""
    words = head.split()
    following = match.string[match.end() :].split(maxsplit=1)[0]
    if len(words) > 1 and len(re.findall(rf"\b{re.escape(words[-1])}\s+{re.escape(following)}", text)) > 1:
        # "MOUNTING LOSSES US Airways said": a name the article writes elsewhere starts in the capitals
        head, carried = head[: head.rindex(words[-1])].rstrip(), words[-1] + " "
    return f"{end}\n{head}\n{carried}" if end else f"{head}\n{carried}"


def _paragraphs(text: str) -> list[str]:
    """Blocks separated by blank lines or by an indented first line (wire-story style)."""
    text = re.sub(r"\n[ \t]{2,}(?=\S)", "\n\n", text)
    return [block.strip("\n") for block in re.split(r"\n\s*\n", text) if block.strip()]


def _is_furniture(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return True
    if _FURNITURE.match(stripped) or _COPYRIGHT.match(stripped) or _BREADCRUMB.match(stripped):
        return True
    if _CAPTION.search(stripped) and len(stripped) < 160:
        return True
    return bool(re.fullmatch(_AGENCIES + "|Reuter", stripped))


def _drop_code(lines: list[str]) -> list[str]:
    """Lines of a paragraph that are not advertising or script code (a code run needs two such lines)."""
    flags = [bool(_CODE_LINE.match(line)) for line in lines]
    if sum(flags) >= 2:
        return [
            line for line, is_code in zip(lines, flags, strict=True) if not is_code and not _KEY_VALUE_LINE.match(line)
        ]
    if len(lines) == 1 and flags[0] and re.search(r"[{};]", lines[0]):
        return []
    return lines


def _reflow(lines: list[str]) -> str:
    """Rejoin lines a wire service wrapped at a fixed width; keep real line breaks.

    A line joins the one before when that one stops mid-sentence, unless the line is a date of its own
    ("March 01, 2008" under a headline) or the one before is too short to have been wrapped.
    """
    out = lines[0].strip()
    previous = out
    for line in lines[1:]:
        line = line.strip()
        wrapped = (not _SENTENCE_END.search(previous) and len(previous) >= 40) or line[:1].islower()
        if _DATE_LINE.match(line):
            wrapped = False
        out = f"{out} {line}" if wrapped else f"{out}\n{line}"
        previous = line
    return out


def _starts_with(body: str, title: str) -> bool:
    first = body.lstrip().split("\n", 1)[0]
    squash = lambda s: re.sub(r"\W+", "", s).lower()  # noqa: E731
    return squash(first).startswith(squash(title)[:60])


def _dateline_span(text: str) -> tuple[int, int] | None:
    """The dateline's place, date and agency ("ST. PAUL, March 11 -", "DETROIT (Reuters) -"): never an event
    or a company."""
    offset = 0
    for index, line in enumerate(text.split("\n")):
        if index > 6:
            break
        match = _DATELINE.match(line) or _AGENCY_DATELINE.match(line)
        if match:
            return offset + match.start("place"), offset + match.end()
        offset += len(line) + 1
    return None


def find_published(raw: str) -> date | None:
    """The date of a dateline near the top, with its year from the dateline, a copyright line or the text.

    Returns None when there is no dateline: an undated article stays undated.
    """
    head = "\n".join(raw.strip().split("\n")[:12])
    match = None
    for line in head.split("\n"):
        match = _DATELINE.match(line)
        if match:
            break
    if not match:
        return None
    month = MONTHS[
        match.group("month").lower()[:4].rstrip("t")
        if match.group("month").lower().startswith("sept")
        else match.group("month").lower()[:3]
    ]
    day = int(match.group("day"))
    year = int(match.group("year")) if match.group("year") else _article_year(raw)
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _article_year(raw: str) -> int | None:
    """The copyright year, else the most mentioned year (the latest on a tie)."""
    copyright_years = [int(y) for y in _COPYRIGHT_YEAR.findall(raw)]
    if copyright_years:
        return max(copyright_years)
    counts = Counter(int(y) for y in _YEAR.findall(raw))
    if not counts:
        return None
    return max(counts, key=lambda year: (counts[year], year))
