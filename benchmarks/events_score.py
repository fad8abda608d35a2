"""Score exported timeline events against the hand-annotated company-events gold set.

A **line** is what a user reads: one exported event, for one gold article among its sources. A line is
**worth** when one of that article's mentions is a sentence the gold gives as evidence of an event (and no
earlier line already took that gold event: the same story twice is one line too many); its **companies**
are right when every listed company is a party the gold names or accepts and every required party is
listed; its **date** is right when the event's date is the gold date or one the gold accepts (for an
article with no date, an undated or estimated line is right for an "UNDATED" event). Precision counts lines
right on all three; recall counts required gold events found by a line with the right date and at least
one of their parties.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz.fuzz import partial_ratio

LEGAL_WORDS = frozenset(
    "inc incorporated corp corporation co company cos ltd limited plc llc lp ag sa nv spa se bhd group holdings "
    "holding the".split()
)
EVIDENCE_RATIO = 90


def name_key(name: str) -> str:
    """A company name compared without case, punctuation, possessive or legal form."""
    words = re.sub(r"['’]s\b", "", name.lower())
    words = re.sub(r"(?<=\w)[-'’.](?=\w)", "", words)  # "Wal-Mart" is "Walmart", "A.G." is "AG"
    words = re.sub(r"[^\w&]+", " ", words).split()
    kept = [word for word in words if word not in LEGAL_WORDS]
    return "".join(kept or words)  # "ExxonMobil" is "Exxon Mobil"


_CODES = re.compile(
    r"\(\s*(?:[A-Za-z]+\s*:\s*)?\.?[A-Za-z0-9]{1,8}(?:\.[A-Z]{1,3})?\s*\)|<[A-Z][A-Z0-9.]{0,7}>|[<>]"
    r"|(?<=\s)\.?[A-Z0-9][A-Za-z0-9]{0,7}\.[A-Z]{1,3}(?=[\s,.;:)]|$)"
)


def collapse(text: str) -> str:
    """Text compared without case, spacing or stock codes, which a cleaner may or may not keep."""
    return " ".join(_CODES.sub(" ", text).split()).lower()


@dataclass
class GoldArticle:
    doc_id: str
    half: str
    published: date | None
    companies: dict[str, set[str]]
    events: list[dict]
    main_company: str | None = None

    def company_of(self, name: str) -> str | None:
        """The gold company an output name stands for in this article, or None."""
        key = name_key(name)
        for company, keys in self.companies.items():
            if key in keys:
                return company
        return None


def load_gold(records: Iterable[dict], halves: dict[str, str], published: dict[str, date | None]) -> list[GoldArticle]:
    articles = []
    for record in records:
        companies = {
            name: {name_key(name)} | {name_key(form) for form in forms} for name, forms in record["companies"].items()
        }
        for event in record["events"]:
            for name in event["companies"] + event.get("optional_companies", []):
                companies.setdefault(name, {name_key(name)})
        articles.append(
            GoldArticle(
                doc_id=record["id"],
                half=halves[record["id"]],
                published=published.get(record["id"]),
                companies=companies,
                events=record["events"],
                main_company=record.get("main_company"),
            )
        )
    return articles


@dataclass
class Line:
    event: dict
    article: GoldArticle
    mentions: list[dict]
    gold: dict | None = None
    duplicate: bool = False
    companies_right: bool = False
    date_right: bool = False
    unknown_companies: list[str] = field(default_factory=list)
    covered: list[dict] = field(default_factory=list)

    @property
    def worth(self) -> bool:
        return self.gold is not None and not self.duplicate

    @property
    def correct(self) -> bool:
        return self.worth and self.companies_right and self.date_right


def _evidence_matches(sentence: str, evidence: str) -> bool:
    sentence, evidence = collapse(sentence), collapse(evidence)
    if not sentence or not evidence:
        return False
    if evidence in sentence or (len(sentence) >= 20 and sentence in evidence):
        return True
    shorter = min(len(sentence), len(evidence))
    return shorter >= 25 and partial_ratio(sentence, evidence) >= EVIDENCE_RATIO


def _date_right(event: dict, gold: dict) -> bool:
    accepted = {gold["date"], *gold.get("alt_dates", [])}
    value = event.get("date")
    if value is None or event.get("estimated") or (event.get("inferred") and "UNDATED" in accepted):
        return "UNDATED" in accepted  # a date from another report, marked so, claims nothing of this article
    return value in accepted


def judge(events: Iterable[dict], gold: list[GoldArticle], doc_of: callable) -> list[Line]:
    """Every line of the export that falls in a gold article, judged.

    A line may cover several gold events told in one sentence ("sales fell 48 percent at Ford and 53
    percent at GM" annotated as one event per company): its companies are right when each is a party of
    one of them and all the parties of at least one are listed, and it takes all of those it names.
    """
    by_id = {article.doc_id: article for article in gold}
    lines: list[Line] = []
    for event in events:
        mentions_by_doc: dict[str, list[dict]] = defaultdict(list)
        for mention in event.get("mentions", []):
            doc_id = doc_of(mention["doc_id"])
            if doc_id in by_id:
                mentions_by_doc[doc_id].append(mention)
        for doc_id, mentions in mentions_by_doc.items():
            lines.append(Line(event=event, article=by_id[doc_id], mentions=mentions))
    taken: set[tuple[str, int]] = set()
    for line in sorted(lines, key=_line_order):
        article = line.article
        mapped = [article.company_of(name) for name in line.event["companies"]]
        line.unknown_companies = [n for n, c in zip(line.event["companies"], mapped, strict=True) if c is None]
        candidates = [
            number
            for number, gold_event in enumerate(article.events)
            if any(_evidence_matches(m["sentence"], e) for m in line.mentions for e in gold_event["evidence"])
        ]
        if not candidates:
            continue
        dated = [n for n in candidates if _date_right(line.event, article.events[n])]
        pool = dated or candidates
        allowed = set().union(*(_parties(article.events[n]) for n in pool))
        names = set(mapped)
        complete = [n for n in pool if set(article.events[n]["companies"]) <= names]
        line.companies_right = not line.unknown_companies and names <= allowed and bool(complete)
        line.date_right = bool(dated)
        covered = [n for n in pool if _parties(article.events[n]) & names] or pool[:1]
        fresh = [n for n in covered if (article.doc_id, n) not in taken]
        line.gold = article.events[(complete or fresh or covered)[0]]
        line.covered = [article.events[n] for n in covered]
        line.duplicate = not fresh
        taken.update((article.doc_id, n) for n in covered)
    return lines


def _parties(gold_event: dict) -> set[str]:
    return set(gold_event["companies"]) | set(gold_event.get("optional_companies", []))


def _line_order(line: Line) -> tuple:
    """Headline lines first, then in text order: the first report of a story is the one that counts."""
    first = min((m["start"] for m in line.mentions), default=0)
    return (line.article.doc_id, first)


def found_events(lines: list[Line], article: GoldArticle) -> tuple[int, int]:
    """(required gold events found, required gold events) in one article."""
    required = [event for event in article.events if event.get("required", True)]
    found = 0
    for event in required:
        parties = set(event["companies"])
        for line in lines:
            if line.article is not article or not any(covered is event for covered in line.covered):
                continue
            mapped = {article.company_of(name) for name in line.event["companies"]}
            if line.date_right and mapped & parties:
                found += 1
                break
    return found, len(required)


def more_than_a_year_ahead(event: dict) -> bool:
    """An event dated (by its start) more than a year after its earliest publication date."""
    if not event.get("start") or event.get("estimated"):
        return False
    published = [m["published"] for m in event.get("mentions", []) if m.get("published")]
    if not published:
        return False
    start, first = date.fromisoformat(event["start"]), date.fromisoformat(min(published))
    return (start - first).days > 366


def read_jsonl(path) -> list[dict]:
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]
