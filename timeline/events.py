"""From a parsed article to mentions: who the article is about, what each sentence says happened, and when.

First the article's companies are settled once (`entities`). Then each sentence is read for one event:
its predicate (the verb, or what a company's reporting verb reports: "Ford said its sales rose" is
"rose"), the companies that take part (`parties`; "it", "its", "the company" resolved by `reference`),
whether it is worth a line (`worthiness`), and its date (`event_dates`): the date the event's clause
carries, else, for a dated article, the story's day. The headline is the story's event; the lead, which
tells the same story, is marked so that merging joins the two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from .companies import Canonicaliser
from .config import Settings
from .dates import find_dates
from .entities import ArticleEntities, Entity, article_entities
from .estimates import estimate_written
from .event_dates import DEED_NOUNS, can_date_an_event, event_date, qualifies_something_else
from .models import DateValue, Mention, Timex
from .parties import is_bystander
from .reference import References, is_company_reference, is_subject
from .syntax import attachment_head, ents_of, inflected, tense_at, text_of
from .tickers import CodeMark
from .worthiness import EVENT_VERBS, NO_NEWS, worth_a_line

CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PUBLISHED_TEXT = "(publication date)"
"""The date text of a mention dated by its article's publication (or story) day."""
REPORTING_VERBS = inflected("say tell report announce state add confirm disclose reveal note tell comment explain")
TIME_CLAUSE_MARKS = frozenset({"when", "as", "after", "once", "before"})
"""'When the Air Force selected Northrop on February 29, Boeing challenged the award': the main clause
happened at the time clause's date."""
MAX_PARTIES = 4
"""A sentence naming more companies than this lists partners, rivals or index members: not one event."""


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
    marks: tuple[CodeMark, ...] = (),
) -> list[Mention]:
    """Every company event one parsed article reports, headline first."""
    text = text_of(doc)
    headline_end = _headline_end(text)
    entities = article_entities(
        doc, headline_end=headline_end, dateline=dateline, canonicaliser=canonicaliser, marks=marks
    )
    timexes = [t for t in date_expressions(doc, published, settings) if not _inside(t, dateline)]
    story = _story_day(text, timexes, published, dateline)
    base = {"doc_id": doc_id, "doc_hash": doc_hash, "published": published, "title": title}
    reader = _Reader(doc, entities, timexes, story, base)
    mentions: list[Mention] = []
    headline = reader.headline(headline_end)
    if headline is not None:
        mentions.append(headline)
    lead = True
    for sentence in doc.sents:
        if sentence.start_char < headline_end or not sentence.text.strip() or _inside_span(sentence, dateline):
            continue
        mention = reader.read(sentence)
        if mention is not None:
            mentions.append(replace(mention, is_lead=True) if lead else mention)
        mentions += reader.dated_asides(sentence, mention)
        lead = False
    main = entities.main
    if published is not None and main is not None and not any(main.name in m.companies for m in mentions):
        story_mention = reader.main_story(headline_end)  # the main company's news is always on the timeline
        if story_mention is not None:
            mentions.append(replace(story_mention, date=story, date_text=story.text if story else "", is_lead=True))
    if published is None:
        estimate = estimate_written(timexes, lambda t: tense_at(doc, t.start, t.end))
        story_mention = next((m for m in mentions if m.is_headline), None) or reader.main_story(headline_end)
        if story_mention is not None:
            mentions = [replace(m, estimated_date=estimate) if m is story_mention else m for m in mentions]
            if story_mention not in mentions:
                mentions.insert(0, replace(story_mention, estimated_date=estimate))
    return mentions


class _Reader:
    """Reads an article's sentences in order, keeping track of whom 'it' and 'the company' stand for."""

    def __init__(self, doc: Doc, entities: ArticleEntities, timexes: list[Timex], story: DateValue | None, base: dict):
        self.doc = doc
        self.entities = entities
        self.timexes = timexes
        self.story = story
        self.base = base
        self.references = References(entities)

    def headline(self, end: int) -> Mention | None:
        """The headline reports the article's story, on the story's day (or a day it names itself)."""
        if end <= 0 or NO_NEWS.search(text_of(self.doc)[:end]):
            return None
        span = self.doc.char_span(0, end, alignment_mode="contract")
        if span is None:
            return None
        found = [(e, s) for e, s in self.entities.mentions_in(set(range(span.start, span.end))) if not is_bystander(s)]
        if not found:
            return None
        timex = next(
            (t for t in self.timexes if t.end <= end and can_date_an_event(t) and not self._qualifies(t)), None
        )
        date_value = DateValue.from_timex(timex) if timex else self.story
        return self._mention(0, end, text_of(self.doc)[:end], found, date_value, timex, is_headline=True)

    def read(self, sentence: Span) -> Mention | None:
        predicate, reporter = _predicate(sentence.root)
        content = clause_tokens(predicate)
        parties = _party_clauses(predicate, reporter)
        reporting = (clause_tokens(reporter) - {t.i for t in predicate.subtree}) if reporter is not None else set()
        subjects = _subject_tokens(predicate) | (_subject_tokens(reporter) if reporter is not None else set())
        found = [
            (entity, span)
            for entity, span in self.entities.mentions_in(parties | (subjects & reporting))
            if not is_bystander(span)
        ]
        references = self._referenced(sentence, subjects, {entity for entity, _ in found})
        referenced = {span.root.i for _, span in references}
        found += references
        subject_company = next((e for e, s in found if is_subject(s) or s.root.i in referenced), None)
        self.references.observe(subject_company)
        names = _unique(entity.name for entity, _ in found)
        if not found or len(names) > MAX_PARTIES:
            return None
        dates_here = [t for t in self.timexes if sentence.start_char <= t.start < sentence.end_char]
        timex = _chronology_date(text_of(self.doc), sentence, dates_here) or event_date(
            self.doc, dates_here, content | _time_clauses(predicate), reporting
        )
        if timex is not None and _forecast_period(self.doc, timex):
            timex = None  # "Hormel now expects to earn $2.36 a share this year": forecast today, of the year
        company_reports = reporter is not None and any(
            s.root.i in _subject_tokens(reporter) or s.root.head.i in _subject_tokens(reporter) for _, s in found
        )
        if not worth_a_line(
            sentence, predicate, reporter, subject_company is not None, company_reports, timex is not None
        ):
            return None
        if timex is not None:
            date_value = DateValue.from_timex(timex)
            if self.story and _THE_DAY.search(timex.text) and timex.value == str(self.base["published"]):
                date_value = self.story  # "earlier in the day": the story's day, not the day it was published
        elif self.story is not None and not _background(predicate):
            date_value = self.story
        else:
            return None
        return self._mention(sentence.start_char, sentence.end_char, sentence.text, found, date_value, timex)

    def main_story(self, headline_end: int) -> Mention | None:
        """The main company's story when no sentence made a line of it: the lead, with the main company."""
        main = self.entities.main
        if main is None:
            return None
        lead = next((s for s in self.doc.sents if s.start_char > headline_end and s.text.strip()), None)
        if lead is None:
            return None
        spans = [s for s in main.mentions if lead.start_char <= s.start_char < lead.end_char and not is_bystander(s)]
        if not spans:
            return None
        return self._mention(lead.start_char, lead.end_char, lead.text, [(main, spans[0])], None, None)

    def dated_asides(self, sentence: Span, main: Mention | None) -> list[Mention]:
        """Events a sentence dates on the side: a dated deed in a relative or subordinate clause ("the plant
        that started construction in early 2022") or a dated deed noun ("the dissolution of the Dongfeng
        Renault joint venture in 2020"). Each date another clause than the sentence's event carries is one."""
        used = main.date_span if main is not None else None
        found_events = []
        for timex in self.timexes:
            if not sentence.start_char <= timex.start < sentence.end_char or not can_date_an_event(timex):
                continue
            if used is not None and (timex.start - sentence.start_char, timex.end - sentence.start_char) == used:
                continue
            span = self.doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is None or qualifies_something_else(self.doc, timex, span) or _forecast_period(self.doc, timex):
                continue
            head = attachment_head(span)
            if main is not None and head.i in clause_tokens(sentence.root):
                continue  # the sentence's own event already carries its date
            clause = clause_tokens(head) if head.pos_ in ("VERB", "AUX") else {t.i for t in head.subtree}
            if head.pos_ not in ("VERB", "AUX") and head.lower_ not in DEED_NOUNS:
                continue
            if head.pos_ in ("VERB", "AUX") and (head.lower_ not in EVENT_VERBS or _background(head)):
                continue
            found = [
                (e, s) for e, s in self.entities.mentions_in(clause) if not is_bystander(s) or _antecedent_of(head, s)
            ]
            if not found and _subject_is_implicit(head):
                # "Xiaomi's main plant, the same one that started construction in early 2022"
                found = [
                    (e, s) for e, s in self.entities.mentions_in(clause_tokens(sentence.root)) if not is_bystander(s)
                ]
            if not found or len({e.name for e, _ in found}) > MAX_PARTIES:
                continue
            date_value = DateValue.from_timex(timex)
            found_events.append(
                self._mention(sentence.start_char, sentence.end_char, sentence.text, found, date_value, timex)
            )
        return found_events

    def _referenced(self, sentence: Span, subjects: set[int], named: set[Entity]) -> list[tuple[Entity, Span]]:
        """'it', 'its' and 'the company' as (or in) a subject, resolved to the company they stand for."""
        found = []
        for index in sorted(subjects):
            token = self.doc[index]
            if not is_company_reference(token) or (token.dep_ not in SUBJECT_DEPS and token.dep_ != "poss"):
                continue
            entity = self.references.resolve(token, sentence)
            if entity is not None and entity not in named:
                named.add(entity)
                found.append(
                    (entity, self.doc[token.left_edge.i if token.dep_ in SUBJECT_DEPS else token.i : token.i + 1])
                )
        return found

    def _qualifies(self, timex: Timex) -> bool:
        span = self.doc.char_span(timex.start, timex.end, alignment_mode="expand")
        return span is None or qualifies_something_else(self.doc, timex, span)

    def _mention(
        self,
        start: int,
        end: int,
        sentence: str,
        found: list[tuple[Entity, Span]],
        date_value: DateValue | None,
        timex: Timex | None,
        is_headline: bool = False,
    ) -> Mention:
        found = sorted(found, key=lambda pair: pair[1].start_char)
        return Mention(
            start=start,
            end=end,
            sentence=sentence,
            companies=tuple(_unique(entity.name for entity, _ in found)),
            date=date_value,
            date_text=timex.text if timex else (date_value.text if date_value else ""),
            date_span=(timex.start - start, timex.end - start) if timex else None,
            company_spans=tuple((span.start_char - start, span.end_char - start) for _, span in found),
            is_headline=is_headline,
            **self.base,
        )


_ENTRY_MARK = re.compile(r"\s*[-–—:]\s")


def _chronology_date(text: str, sentence: Span, timexes: list[Timex]) -> Timex | None:
    """'Sept 15 - Volvo Car CEO says Geely denied ...': a line of a chronology opens with its own date."""
    first = next((t for t in timexes if can_date_an_event(t)), None)
    if first is None or text[sentence.start_char : first.start].strip():
        return None
    return first if _ENTRY_MARK.match(text, first.end) else None


def _predicate(root: Token) -> tuple[Token, Token | None]:
    """The event's verb and the verb that reports it: 'Ford said its sales rose' gives ('rose', 'said')."""
    if root.lower_ in REPORTING_VERBS:
        content = next((child for child in root.children if child.dep_ == "ccomp"), None)
        if content is not None:
            return content, root
    return root, None


def _antecedent_of(verb: Token, span: Span) -> bool:
    """'North Fork, which was acquired by Capital One': what a relative clause tells is about its antecedent,
    whatever role the antecedent plays outside it ("CEO of North Fork")."""
    return verb.dep_ == "relcl" and span.root.i == verb.head.i


IMPLICIT_SUBJECTS = frozenset({"one", "ones", "which", "that", "who", "it", "they"})


def _subject_is_implicit(verb: Token) -> bool:
    """A relative or pronoun subject ("the same one that started ..."): the clause is about what the
    sentence is about."""
    subject = _own_subject(verb)
    if subject is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        return verb.head.lower_ in IMPLICIT_SUBJECTS or verb.head.pos_ == "NOUN"
    return subject.lower_ in IMPLICIT_SUBJECTS


def _subject_tokens(verb: Token) -> set[int]:
    subject = _own_subject(verb) or _shared_subject(verb)
    return {token.i for token in subject.subtree} if subject is not None else set()


def _time_clauses(predicate: Token) -> set[int]:
    tokens: set[int] = set()
    for child in predicate.children:
        if child.dep_ == "advcl" and any(
            mark.dep_ in ("mark", "advmod") and mark.lower_ in TIME_CLAUSE_MARKS for mark in child.children
        ):
            tokens |= clause_tokens(child)
    return tokens


FORECAST_VERBS = inflected("expect forecast estimate predict project see target guide anticipate")
PERIODS = frozenset({"quarter", "half", "year"})


FORECAST_NOUNS = frozenset(
    "forecast forecasts outlook guidance view target targets estimate estimates projection plan plans goal aim".split()
)
PLAN_VERBS = inflected("plan aim intend")


def _forecast_period(doc: Doc, timex: Timex) -> bool:
    """A quarter, half or year a forecast is about ("expects to earn $2.36 a share this year", "confirmed its
    outlook for sales to rise in 2008"): the forecast is made on the story's day, not in that period."""
    if timex.precision not in PERIODS:
        return False
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    token = attachment_head(span) if span is not None else None
    for _ in range(8):
        if token is None:
            return False
        if token.lower_ in FORECAST_VERBS or token.lower_ in FORECAST_NOUNS or token.lower_ in PLAN_VERBS:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


BACKGROUND_AUX = frozenset({"had", "'d"})


def _background(predicate: Token) -> bool:
    """A past perfect ('had agreed') tells what came before the story, not what happened on its day."""
    return any(child.dep_ in ("aux", "auxpass") and child.lower_ in BACKGROUND_AUX for child in predicate.children)


def clause_tokens(head: Token) -> set[int]:
    """The head's own clause: its subtree minus embedded clauses, plus a subject it shares (read once per
    token and document: a sentence asks for the same clauses several times)."""
    cache = head.doc.user_data.setdefault("timeline_clauses", {})
    if head.i not in cache:
        cache[head.i] = frozenset(_clause_tokens(head))
    return set(cache[head.i])


def _clause_tokens(head: Token) -> set[int]:
    tokens: set[int] = set()
    stack = [head]
    while stack:
        token = stack.pop()
        tokens.add(token.i)
        for child in token.children:
            if child.dep_ in CLAUSE_DEPS and not _infinitive(child):
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


def _infinitive(clause: Token) -> bool:
    """'a deal to buy Oregon Steel', 'made a deal to buy Oregon Steel': a purpose, part of its clause."""
    return clause.dep_ in ("acl", "advcl") and any(
        child.dep_ == "aux" and child.lower_ == "to" for child in clause.children
    )


def _party_clauses(predicate: Token, reporter: Token | None) -> set[int]:
    """Where a sentence's parties are: the event's clause, the verbs coordinated with it ('failed to win
    ... but still owns'), and what a verb other than a reporting one reports (the parser often makes
    'Pearl announced a bid, topping a deal agreed between ...' hang on 'agreed')."""
    tokens = clause_tokens(predicate)
    for child in predicate.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            tokens |= clause_tokens(child)
        if reporter is None and child.dep_ == "ccomp":
            tokens |= clause_tokens(child)
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


def date_expressions(doc: Doc, published: date | None, settings: Settings, ents=None) -> list[Timex]:
    """The normaliser run over a parsed text: tense from the parse, spaCy's DATE entities as extra spans."""
    return find_dates(
        text_of(doc),
        published,
        tense_at=lambda start, end: tense_at(doc, start, end),
        extra_spans=[
            (e.start_char, e.end_char) for e in (ents_of(doc) if ents is None else ents) if e.label_ == "DATE"
        ],
        earliest_year=settings.earliest_year,
        future_years=settings.future_years,
    )


def _headline_end(text: str) -> int:
    end = text.find("\n")
    return len(text) if end < 0 else end


def _inside(timex: Timex, region: tuple[int, int] | None) -> bool:
    return region is not None and region[0] <= timex.start < region[1]


def _inside_span(sentence: Span, region: tuple[int, int] | None) -> bool:
    """A sentence that is nothing but the dateline."""
    return region is not None and region[0] <= sentence.start_char and sentence.end_char <= region[1] + 1


def _alone(text: str, timex: Timex) -> bool:
    """A date on a line of its own is the article's date line, not an event."""
    line_start = text.rfind("\n", 0, timex.start) + 1
    line_end = text.find("\n", timex.end)
    return not text[line_start : line_end if line_end >= 0 else len(text)].replace(timex.text, "").strip(" ,.-|")


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))
