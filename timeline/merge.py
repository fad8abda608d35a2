"""Merge mentions from all articles into events: the same event reported by several articles is one event.

Two mentions are the same event when they share a company, their dates are compatible (the same day, or
one inside the other: a day inside a reported week or month) and their sentences say the same thing.
Wording similarity is rapidfuzz's token-set ratio: it ignores word order and the extra words one
report adds around the shared core ("Renault discussed with Li Auto and Xiaomi" against a longer
sentence), needs no model, and compares thousands of pairs per millisecond. An undated mention that
matches a dated event joins it and takes its date, marked as inferred (the mention keeps its own date,
None: what its article alone says). An undated article's story that joins none stays, placed by the
estimate of when its article was written, or undated.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from rapidfuzz.fuzz import token_set_ratio

from .companies import title_case
from .models import DateValue, Event, Mention, content_hash, precision_rank
from .table_lines import is_table_line

MAX_PARTNERS = 200
"""Comparisons per mention within one company, so a giant company cannot make merging quadratic."""


def merge_mentions(mentions: Iterable[Mention], similarity: float = 60.0) -> list[Event]:
    """Events from mentions, each mention in exactly one event, sorted by date (undated last)."""
    items = unify_spellings(list(mentions))
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    story: dict[str, list[int]] = defaultdict(list)
    for index, mention in enumerate(items):
        if mention.is_headline or mention.is_lead or mention.retells_story:
            story[mention.doc_id].append(index)
    for indices in story.values():
        for index in indices[1:]:  # the lead tells the headline's story in other words, whatever period it names
            parent[find(index)] = find(indices[0])
    same_sentence: dict[tuple, int] = {}
    for index, mention in enumerate(items):
        if mention.date:  # "X's directors said they would reject a merger with Y today": one sentence, one day
            key = (mention.doc_id, mention.start, mention.end, mention.date.value)
            parent[find(index)] = find(same_sentence.setdefault(key, index))
    by_company: dict[str, list[int]] = defaultdict(list)
    for index, mention in enumerate(items):
        for company in mention.companies:
            by_company[company].append(index)
    for indices in by_company.values():
        dated = sorted((i for i in indices if items[i].date), key=lambda i: items[i].date.start)
        for position, i in enumerate(dated):
            a = items[i]
            for j in dated[position + 1 : position + 1 + MAX_PARTNERS]:
                b = items[j]
                if b.date.start > a.date.end:
                    break
                if _same_event(a, b, similarity):
                    parent[find(j)] = find(i)
        undated = [i for i in indices if not items[i].date]
        for i in undated:
            best = max(dated, key=lambda j: _similarity(items[i], items[j]), default=None)
            if (
                best is not None
                and items[i].doc_id != items[best].doc_id
                and (_similarity(items[i], items[best]) >= similarity + 15)
            ):
                parent[find(i)] = find(best)
    groups: dict[int, list[Mention]] = defaultdict(list)
    for index, mention in enumerate(items):
        groups[find(index)].append(mention)
    return sort_events([_event(group) for group in groups.values()])


def unify_spellings(mentions: list[Mention]) -> list[Mention]:
    """One spelling per company across articles ("eBay" and "EBay", "Eni" and "ENI" are one company): the
    form most mentions use; a tie goes to the form not all in capitals, then to the first alphabetically."""
    counts = Counter(company for mention in mentions for company in mention.companies)
    spelling: dict[str, str] = {}
    for name in sorted(counts, key=lambda name: (-counts[name], name.isupper(), name)):
        spelling.setdefault(name.lower(), name)
    if all(spelling[name.lower()] == name for name in counts):
        return mentions
    return [
        replace(mention, companies=tuple(dict.fromkeys(spelling[c.lower()] for c in mention.companies)))
        if any(spelling[c.lower()] != c for c in mention.companies)
        else mention
        for mention in mentions
    ]


def sort_events(events: list[Event]) -> list[Event]:
    """Oldest first (an estimated event by its estimate); a day before the month that holds it; undated last."""
    return sorted(
        events,
        key=lambda e: (
            e.when is None,
            e.when.start if e.when else None,
            precision_rank(e.when.precision) if e.when else 0,
            e.event_id,
        ),
    )


def _compatible(a: DateValue, b: DateValue) -> bool:
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def _similarity(a: Mention, b: Mention) -> float:
    return token_set_ratio(_core(a), _core(b))


def _core(mention: Mention) -> str:
    """The sentence without its date expression, so two reports are compared on what happened."""
    if mention.date_span:
        start, end = mention.date_span
        return mention.sentence[:start] + mention.sentence[end:]
    return mention.sentence


def _same_event(a: Mention, b: Mention, similarity: float) -> bool:
    if not _compatible(a.date, b.date):
        return False
    if a.doc_id == b.doc_id:
        if a.date.value == b.date.value and set(a.companies) & set(b.companies):
            return True  # one article tells one story of the same companies on one day, however many sentences
        if not (a.is_headline or b.is_headline or a.is_lead or b.is_lead):
            return False  # other sentences of one article are other events unless one tells the story
    return _similarity(a, b) >= similarity


def _event(group: list[Mention]) -> Event:
    group.sort(key=lambda m: (m.published is None, m.published, m.doc_id, m.start))
    dated = [m.date for m in group if m.date]
    date = _most_precise(dated)
    companies = tuple(dict.fromkeys(c for m in _story_reports(group) for c in m.companies))
    told = _summary_mention(group)
    summary = readable(title_case(told.sentence) if told.is_headline and _shouted(told.sentence) else told.sentence)
    founder = min(m.mention_id for m in group)
    return Event(
        event_id=content_hash(f"event:{founder}")[:16],
        date=date,
        companies=companies,
        summary=summary[:400],
        mentions=group,
    )


def _story_reports(group: list[Mention]) -> list[Mention]:
    """The reports that name each article's story: its headline and lead, else its first sentence in the event.
    Other sentences of an article add detail, not parties: "Wells Fargo profit falls" is Wells Fargo's
    event, though a later sentence names Wachovia and Citigroup."""
    first: dict[str, list[Mention]] = {}
    for mention in sorted(group, key=lambda m: (not m.is_headline, not m.is_lead, m.start)):
        reports = first.setdefault(mention.doc_id, [])
        if (
            not reports
            or mention.is_lead
            and reports[0].is_headline
            or any(mention.start == report.start and not report.is_headline for report in reports)
        ):
            reports.append(mention)  # another clause of a reporting sentence names its other parties
    return [mention for reports in first.values() for mention in reports]


def _summary_mention(group: list[Mention]) -> Mention:
    """The headline, unless it is shouted and a sentence of the body tells the same story (a line of a results
    table, 'Net 14 mln vs 10.6 mln', tells none)."""
    headline = next((m for m in group if m.is_headline), None)
    if headline is not None and not _shouted(headline.sentence):
        return headline
    body = [m for m in group if not m.is_headline and not is_table_line(m.sentence)]
    if body:
        return min(body, key=lambda m: (not m.is_lead, m.published is None, m.published, m.start))
    return headline or group[0]


def _shouted(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) / len(letters) > 0.8


_DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z.'’ /,-]{1,60}?(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?\s*(?:\([A-Za-z ]+\))?\s+[-–—]\s+"
)


_CREDIT_LEFT = re.compile(r"^\(?\s*Reuters\s*\)\s*[-–—]\s+")
"""What a dateline leaves when the sentence splitter cut it: '(Reuters) - ', 'Reuters) - '."""


def readable(sentence: str) -> str:
    """A summary a reader can scan: one line, without the dateline ("DETROIT (Reuters) - ")."""
    text = " ".join(sentence.split())
    text = _DATELINE.sub("", text, count=1) if _DATELINE.match(text) and len(text) > 60 else text
    text = _CREDIT_LEFT.sub("", text, count=1)
    return text[:1].upper() + text[1:] if text else text


def _most_precise(dates: list[DateValue]) -> DateValue | None:
    if not dates:
        return None
    counts = Counter(d.value for d in dates)
    return min(dates, key=lambda d: (precision_rank(d.precision), -counts[d.value], d.start))
