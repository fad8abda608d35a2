"""From a parsed article to mentions: each date expression attached to the clause it modifies, with the
companies of that clause.

The date's head is the verb or noun it modifies in spaCy's dependency parse; the clause is that head's
subtree without embedded clauses (relative, adverbial, complement, coordinated verbs), plus the subject a
non-finite verb shares with its governor. So in "The van market is expected to grow by 2030, and Renault
... created Flexis", 2030 belongs to the market, not to Renault. When the clause's subject is only a
pronoun or "the company", the companies of the sentence's main clause stand in for it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from .companies import Canonicaliser
from .config import Settings
from .dates import find_dates
from .models import DateValue, Mention, Timex
from .parties import not_a_party, speaker_affiliation
from .syntax import FUTURE_AUX, attachment_head, inflected, tense_at

CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PRONOUN_TAGS = frozenset({"PRP", "PRP$", "WDT", "WP", "WP$", "EX", "DT"})
ANAPHORIC_NOUNS = frozenset(
    "one ones company companies firm group automaker carmaker maker manufacturer brand giant business venture "
    "plant factory unit subsidiary operator airline carrier bank lender retailer startup partner partners "
    "rival rivals supplier".split()
)
"""Subjects that stand for a company named elsewhere in the sentence ("the same one that started ...")."""
PUBLISHED_TEXT = "(publication date)"
"""The date text of a headline mention, dated by its article's publication."""
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z0-9&-]{1,9})\)")


def extract_mentions(
    doc: Doc,
    *,
    doc_id: str,
    doc_hash: str,
    title: str,
    published: date | None,
    dateline: tuple[int, int] | None,
    canonicaliser: Canonicaliser,
    settings: Settings,
) -> list[Mention]:
    """Every dated company mention in one parsed article, headline first."""
    ents = doc.ents  # spaCy rebuilds this tuple on every access
    text = doc.text  # spaCy joins the tokens again on every access
    companies = _company_spans(ents, text, canonicaliser)
    base = {"doc_id": doc_id, "doc_hash": doc_hash, "published": published, "title": title}
    mentions: list[Mention] = []
    timexes = date_expressions(doc, published, settings, ents)
    story = _story_day(text, timexes, published, dateline)
    headline = _headline(text, companies, story, base)
    if headline:
        mentions.append(headline)
    sentences = {sentence.start_char: sentence for sentence in doc.sents}  # Span.sent rescans the doc each time
    starts = sorted(sentences)
    seen: set[tuple] = set()
    for timex in timexes:
        if not _can_date_an_event(timex) or _inside(timex, dateline):
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or (headline and span.start_char < headline.end):
            continue
        sentence = sentences[starts[bisect_right(starts, span.start_char) - 1]]
        found = _clause_companies(span, sentence, companies) or _antecedent(span, companies)
        if not found:
            continue
        date_value = DateValue.from_timex(timex) if timex.is_event_date else None
        if date_value and story and _THE_DAY.search(timex.text) and timex.value == str(published):
            date_value = story  # "earlier in the day": the story's day, not the day it was published
        key = (sentence.start_char, tuple(name for name, _ in found), date_value.value if date_value else timex.text)
        if key in seen:
            continue
        seen.add(key)
        mentions.append(_mention(sentence, found, date_value, timex, base))
    if story is not None:
        dated = {m.start for m in mentions}
        after = headline.end if headline else 0
        mentions.extend(_reported_today(list(sentences.values()), companies, story, dated, after, base))
    return mentions


_THE_DAY = re.compile(r"(?i)\bthe\s+day\b")
STORY_LEAD_CHARS = 600
STORY_LAG_DAYS = 7


def _story_day(text: str, timexes: list[Timex], published: date | None, dateline) -> DateValue | None:
    """The day the story happened, for what the article reports without a date of its own.

    The publication day, unless the lead's first dated day is one of the few days before it: news often
    runs a day or two after the event ("Boeing have unveiled their 787 ... Sunday was chosen"), and the
    headline and the undated reports then belong to that day.
    """
    if published is None:
        return None
    day = DateValue(value=published.isoformat(), start=published, end=published, precision="day", text=PUBLISHED_TEXT)
    lead_start = text.find("\n") + 1
    for timex in timexes:
        if timex.start >= lead_start + STORY_LEAD_CHARS:
            break
        if timex.start < lead_start or _inside(timex, dateline) or not timex.is_event_date or _alone(text, timex):
            continue
        if timex.precision == "day" and timex.start_date is not None:
            if published - timedelta(days=STORY_LAG_DAYS) <= timex.start_date < published:
                return DateValue.from_timex(timex)
            break
    return day


REPORTING_VERBS = inflected(
    "say announce report confirm state tell add claim unveil reveal disclose sign agree deny warn complete "
    "file order buy acquire sell win award"
)
"""Verbs that report news: a dated article's sentence built on one happened at its publication date."""
MAX_REPORTED_COMPANIES = 4
"""A sentence naming more companies than this lists partners or rivals: background, not one event."""


def _reported_today(
    sentences: list[Span],
    companies: dict[int, tuple[str, Span]],
    day: DateValue,
    dated: set[int],
    after: int,
    base: dict,
) -> list[Mention]:
    """Undated sentences of a dated article that report something done: events on the story's day.

    Counts: a main verb in the simple past, the present perfect of a company ("Airbus has confirmed"), or
    a reporting verb in the present ("Boeing says"); never the future or background in the present
    ("Renault is currently collaborating with Geely").
    """
    found = []
    for sentence in sentences:
        if sentence.start_char < after or sentence.start_char in dated:
            continue
        verb = sentence.root
        if verb.pos_ not in ("VERB", "AUX") or _is_future(verb):
            continue
        tokens = clause_tokens(verb)
        subject = _own_subject(verb)
        company_subject = subject is not None and any(index in companies for index in (t.i for t in subject.subtree))
        perfect = verb.tag_ == "VBN" and any(child.lower_ in ("has", "have", "'ve") for child in verb.children)
        reporting = verb.lower_ in REPORTING_VERBS
        simple_past = verb.tag_ == "VBD"
        if not (simple_past or (perfect and company_subject) or (reporting and verb.tag_ in ("VBZ", "VBP"))):
            continue
        if reporting and company_subject:  # "Boeing says it will be compensated by Airbus": what it says counts
            for child in verb.children:
                if child.dep_ == "ccomp":
                    tokens.update(t.i for t in child.subtree)
        inside = _companies_in(tokens, companies, sentence)
        inside = [(name, ent) for name, ent in inside if not speaker_affiliation(ent)]
        if inside and len({name for name, _ in inside}) <= MAX_REPORTED_COMPANIES:
            found.append(
                Mention(
                    start=sentence.start_char,
                    end=sentence.end_char,
                    sentence=sentence.text,
                    companies=tuple(_unique(name for name, _ in inside)),
                    date=day,
                    date_text=day.text,
                    company_spans=tuple(
                        (e.start_char - sentence.start_char, e.end_char - sentence.start_char) for _, e in inside
                    ),
                    **base,
                )
            )
    return found


def _is_future(verb: Token) -> bool:
    return any(
        child.dep_ in ("aux", "auxpass") and child.lower_ in FUTURE_AUX | {"would", "could", "may", "might"}
        for child in verb.children
    )


def date_expressions(doc: Doc, published: date | None, settings: Settings, ents=None) -> list[Timex]:
    """The normaliser run over a parsed text: tense from the parse, spaCy's DATE entities as extra spans."""
    return find_dates(
        doc.text,
        published,
        tense_at=lambda start, end: tense_at(doc, start, end),
        extra_spans=[(e.start_char, e.end_char) for e in (doc.ents if ents is None else ents) if e.label_ == "DATE"],
        earliest_year=settings.earliest_year,
        future_years=settings.future_years,
    )


def _can_date_an_event(timex: Timex) -> bool:
    """A DATE or TIME with a value, or one that needed the missing anchor; never a duration or a set."""
    if timex.type not in ("DATE", "TIME"):
        return False
    if timex.value is None:
        return True
    return timex.is_event_date


def _inside(timex: Timex, region: tuple[int, int] | None) -> bool:
    return region is not None and region[0] <= timex.start < region[1]


def _company_spans(ents, text: str, canonicaliser: Canonicaliser) -> dict[int, tuple[str, Span]]:
    """Canonical company per entity, keyed by the entity's root token index."""
    found: dict[int, tuple[str, Span]] = {}
    local: dict[str, str] = {}
    first_words: dict[str, str] = {}
    for ent in ents:
        if ent.label_ != "ORG" or not_a_party(ent):
            continue
        name = ent.ent_id_ or local.get(ent.text.lower()) or canonicaliser.canonical(ent.text)
        if not name or canonicaliser.excluded(name) or canonicaliser.excluded(ent.text):
            continue  # the gazetteer's id, too, gives way to the user's exclusions
        found[ent.root.i] = (name, ent)
        acronym = _ACRONYM_AFTER.match(text, ent.end_char)
        if acronym:
            local.setdefault(acronym.group(1).lower(), canonicaliser.known(acronym.group(1)) or name)
        first_word = name.split()[0]
        if " " in name and len(first_word) > 3 and not canonicaliser.known(first_word):
            first_words.setdefault(first_word.lower(), name)  # "Northrop" after "Northrop Grumman"
    if local or first_words:
        for ent in ents:
            key = ent.text.lower()
            if (key not in local and key not in first_words) or ent.root.i in found or not_a_party(ent):
                continue
            if key in local and ent.label_ in ("ORG", "PERSON", "GPE", "NORP"):
                found[ent.root.i] = (local[key], ent)
            elif key in first_words and ent.label_ in ("ORG", "PERSON"):  # "Singapore" alone is the city
                found[ent.root.i] = (first_words[key], ent)
    return found


def _alone(text: str, timex: Timex) -> bool:
    """A date on a line of its own is the article's date line, not an event."""
    line_start = text.rfind("\n", 0, timex.start) + 1
    line_end = text.find("\n", timex.end)
    return not text[line_start : line_end if line_end >= 0 else len(text)].replace(timex.text, "").strip(" ,.-|")


def _headline(text: str, companies: dict[int, tuple[str, Span]], day: DateValue | None, base: dict) -> Mention | None:
    """The headline reports the article's story, on the story's day; an undated article's headline is its lead
    event with no date, which merging may date from another report of the same story."""
    end = text.find("\n")
    end = len(text) if end < 0 else end
    inside = [(name, ent) for name, ent in companies.values() if ent.end_char <= end]
    names = _unique(name for name, _ in sorted(inside, key=lambda pair: pair[1].start_char))
    if not names or end == 0:
        return None
    spans = tuple((ent.start_char, ent.end_char) for _, ent in sorted(inside, key=lambda p: p[1].start_char))
    return Mention(
        start=0,
        end=end,
        sentence=text[:end],
        companies=tuple(names),
        date=day,
        date_text=day.text if day else "",
        company_spans=spans,
        is_headline=True,
        **base,
    )


def _mention(
    sentence: Span, found: list[tuple[str, Span]], date_value: DateValue | None, timex: Timex, base: dict
) -> Mention:
    offset = sentence.start_char
    return Mention(
        start=offset,
        end=sentence.end_char,
        sentence=sentence.text,
        companies=tuple(_unique(name for name, _ in found)),
        date=date_value,
        date_text=timex.text,
        date_span=(timex.start - offset, timex.end - offset),
        company_spans=tuple((ent.start_char - offset, ent.end_char - offset) for _, ent in found),
        **base,
    )


def clause_tokens(head: Token) -> set[int]:
    """The head's own clause: its subtree minus embedded clauses, plus a subject it shares."""
    tokens: set[int] = set()
    stack = [head]
    while stack:
        token = stack.pop()
        tokens.add(token.i)
        for child in token.children:
            if child.dep_ in CLAUSE_DEPS:
                continue
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
                continue
            stack.append(child)
    subject = _shared_subject(head)
    if subject is not None:
        tokens.update(t.i for t in subject.subtree)
    own = _own_subject(head)
    if head.dep_ == "relcl" and own is not None and own.tag_ in ("WDT", "WP"):
        antecedent = head.head  # "Airbus, which has out-sold Boeing since 2003"
        tokens.add(antecedent.i)
        if antecedent.dep_ == "appos":
            tokens.add(antecedent.head.i)
    return tokens


def _own_subject(verb: Token) -> Token | None:
    return next((child for child in verb.children if child.dep_ in SUBJECT_DEPS), None)


def _shared_subject(head: Token) -> Token | None:
    """The subject of a verb that has none of its own: its governor's, or the noun a participle modifies."""
    token = head
    for _ in range(4):
        if _own_subject(token) is not None:
            return _own_subject(token) if token is not head else None
        if token.dep_ in ("acl", "relcl"):
            return token.head
        if token.dep_ not in ("xcomp", "conj", "advcl", "pcomp") or token.head.i == token.i:
            return None
        token = token.head
    return None


def _subject_is_explicit(head: Token) -> bool:
    subject = _own_subject(head) or _shared_subject(head)
    if subject is None:
        return head.pos_ in ("NOUN", "PROPN")
    if subject.dep_ == "relcl" or subject.tag_ in PRONOUN_TAGS:
        return False
    return subject.lower_ not in ANAPHORIC_NOUNS


TIME_CLAUSE_MARKS = frozenset({"when", "as", "after", "once"})
"""'When the Air Force selected Northrop on February 29, Boeing challenged the award': the main clause
happened at the time clause's date."""


def _antecedent(span: Span, companies: dict[int, tuple[str, Span]]) -> list[tuple[str, Span]]:
    """'The airline ... signed the agreement on June 15': a definite 'the airline' or 'the company' as the
    subject stands for the company last named as a subject before it; the phrase is what gets marked."""
    head = attachment_head(span)
    subject = _own_subject(head) or _shared_subject(head)
    if subject is None or subject.lower_ not in ANAPHORIC_NOUNS:
        return []
    if not any(child.dep_ == "det" and child.lower_ == "the" for child in subject.children):
        return []
    earlier = [
        (ent.start_char, name, ent)
        for name, ent in companies.values()
        if ent.end_char <= subject.idx and ent.root.dep_ in SUBJECT_DEPS
    ]
    if not earlier:
        return []
    _, name, _ = max(earlier, key=lambda item: item[0])
    return [(name, subject.doc[subject.left_edge.i : subject.i + 1])]  # marks "The airline" in the sentence


def _clause_companies(span: Span, sentence: Span, companies: dict[int, tuple[str, Span]]) -> list[tuple[str, Span]]:
    head = attachment_head(span)
    tokens = clause_tokens(head)
    if head.dep_ == "advcl" and any(
        child.dep_ in ("mark", "advmod") and child.lower_ in TIME_CLAUSE_MARKS for child in head.children
    ):
        tokens |= clause_tokens(head.head)
    found = _companies_in(tokens, companies, sentence)
    if found or _subject_is_explicit(head):
        return found
    root = sentence.root
    if root.i == head.i:
        return found
    return _companies_in(clause_tokens(root), companies, sentence)


def _companies_in(tokens: set[int], companies: dict[int, tuple[str, Span]], sentence: Span) -> list[tuple[str, Span]]:
    inside = [
        (name, ent)
        for index, (name, ent) in companies.items()
        if index in tokens and sentence.start <= index < sentence.end
    ]
    return sorted(inside, key=lambda pair: pair[1].start_char)


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))
