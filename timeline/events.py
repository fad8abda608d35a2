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
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from .clauses import (
    SUBJECT_DEPS,
    antecedent_of,
    background,
    clause_tokens,
    coordinated_events,
    party_clauses,
    predicate,
    subject_is_implicit,
    subject_tokens,
    time_clauses,
)
from .companies import Canonicaliser
from .config import Settings
from .dates import find_dates
from .dates.intervals import unit_period
from .entities import ArticleEntities, Entity, article_entities
from .estimates import estimate_written
from .event_dates import (
    DEED_NOUNS,
    can_date_an_event,
    chronology_date,
    compared_or_bounded,
    date_of,
    event_date,
    forecast_period,
    qualifies_something_else,
)
from .models import DateValue, Mention, Timex
from .name_candidates import capitals, is_shouted, shouted_lines
from .parties import is_bystander
from .reference import References, is_company_reference, is_subject
from .syntax import attachment_head, ents_of, inflected, tense_at, text_of
from .table_lines import is_table_line
from .tickers import CodeMark
from .worthiness import EVENT_VERBS, NO_NEWS, headline_worth, quoted, worth_a_line

PUBLISHED_TEXT = "(publication date)"
"""The date text of a mention dated by its article's publication (or story) day."""
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
    story_end = headline_end  # where the headline and the lead end: the story they tell is told by then
    headings = [line for line in shouted_lines(text) if line[0] >= headline_end]
    for sentence in doc.sents:
        if sentence.start_char < headline_end or not sentence.text.strip() or _inside_span(sentence, dateline):
            continue
        if is_shouted(sentence, headings) and capitals(sentence.text) > 0.8:
            reader.references.heading(sentence)
            continue  # a section heading in capitals ("EXXON DROPS, CISCO JUMPS"): it names what follows
        if lead:
            story_end = sentence.end_char
        mention = reader.read(sentence)
        if mention is not None:
            mentions.append(replace(mention, is_lead=True) if lead else mention)
        mentions += reader.dated_asides(sentence, mention)
        lead = lead and not any(character.isalpha() for character in sentence.text)  # "(" cut off "(Reuters) -"
    main = entities.main
    if published is not None and main is not None and not any(main.name in m.companies for m in mentions):
        story_mention = reader.main_story(headline_end)  # the main company's news is always on the timeline
        if story_mention is not None:
            mentions.append(replace(story_mention, date=story, date_text=story.text if story else "", is_lead=True))
    if story is not None:
        mentions = _retellings_marked(doc, mentions, timexes, story_end, story)
    if published is None:
        estimate = estimate_written(timexes, lambda t: tense_at(doc, t.start, t.end))
        story_mention = next((m for m in mentions if m.is_headline), None) or reader.main_story(headline_end)
        if story_mention is not None:
            mentions = [replace(m, estimated_date=estimate) if m is story_mention else m for m in mentions]
            if story_mention not in mentions:
                mentions.insert(0, replace(story_mention, estimated_date=estimate))
    return mentions


REPORTED_PERIODS = frozenset({"month", "quarter", "half", "year"})
_QUARTERLY = re.compile(r"(?i)\bquarterly\b")
"""A story of quarterly results reports the last quarter over by its day, as "the quarter" of earnings news is."""


def _retellings_marked(
    doc: Doc, mentions: list[Mention], timexes: list[Timex], story_end: int, story: DateValue
) -> list[Mention]:
    """Later sentences dated by a period the headline or lead reports are marked as telling the story again:
    under "Wells Fargo said on Wednesday third-quarter profit fell 25 percent", "In the third quarter, Wells
    Fargo added $500 million to reserves" tells those results. A period reported is the one just over by the
    story's day (not "the 1998 buyout" of a 2007 story); a comparison base ("from the third quarter a year
    earlier") is none, and a deed the headline or lead tells on the side ("Merrill, which last month accepted
    an offer, is set to cut jobs") is an event of its own."""
    reported = {
        timex.value
        for timex in timexes
        if timex.start < story_end
        and can_date_an_event(timex)
        and timex.precision in REPORTED_PERIODS
        and timex.end_date < story.start
        and (story.start - timex.end_date) <= (timex.end_date - timex.start_date)  # just over: the one reported
        and not compared_or_bounded(doc, timex)
    }
    if _QUARTERLY.search(text_of(doc), 0, story_end) and not any(value[5:6] == "Q" for value in reported):
        reported.add(unit_period(story.start, "Q", -1).value)  # "reported a quarterly profit on Monday"
    told = {company for m in mentions if m.is_headline or m.is_lead for company in m.companies}
    return [
        replace(m, retells_story=True)
        if m.date is not None
        and m.date.value in reported
        and m.start >= story_end  # a deed the headline or lead tells on the side is another event
        and told & set(m.companies)
        else m
        for m in mentions
    ]


DEAL_WORDS = inflected("buy acquire sell merge bid offer sue settle partner") | frozenset(
    "deal deals merger acquisition takeover bid offer talks agreement stake partnership venture lawsuit suit".split()
)


def _a_deal(verb: Token, clause: set[int]) -> bool:
    """A transaction between companies: its sides are parties wherever the sentence names them."""
    return verb.lower_ in DEAL_WORDS or any(verb.doc[i].lower_ in DEAL_WORDS for i in clause)


class _Reader:
    """Reads an article's sentences in order, keeping track of whom 'it' and 'the company' stand for."""

    def __init__(self, doc: Doc, entities: ArticleEntities, timexes: list[Timex], story: DateValue | None, base: dict):
        self.doc = doc
        self.entities = entities
        self.timexes = sorted(timexes, key=lambda timex: timex.start)
        self.timex_starts = [timex.start for timex in self.timexes]
        self.story = story
        self.base = base
        self.references = References(entities)

    def headline(self, end: int) -> Mention | None:
        """The headline reports the article's story, on the story's day (or a day it names itself)."""
        if end <= 0 or NO_NEWS.search(text_of(self.doc)[:end]) or _LABEL_HEADLINE.match(text_of(self.doc)):
            return None
        span = self.doc.char_span(0, end, alignment_mode="contract")
        if span is None or not headline_worth(span):
            return None
        found = [(e, s) for e, s in self.entities.mentions_in(set(range(span.start, span.end))) if not is_bystander(s)]
        if not found:
            return None
        timex = next(
            (
                t
                for t in self.timexes
                if t.end <= end and can_date_an_event(t) and not self._qualifies(t) and not forecast_period(self.doc, t)
            ),
            None,
        )
        date_value = date_of(timex, self.timexes, text_of(self.doc)) if timex else self.story
        return self._mention(0, end, text_of(self.doc)[:end], found, date_value, timex, is_headline=True)

    def read(self, sentence: Span) -> Mention | None:
        if is_table_line(sentence.text) and self.entities.main is not None and self.story is not None:
            return self._table_line(sentence)
        verb, reporter = predicate(sentence.root)  # "Ford said its sales rose": rose, said
        content = clause_tokens(verb)
        parties = party_clauses(verb, reporter)
        reporting = (clause_tokens(reporter) - {t.i for t in verb.subtree}) if reporter is not None else set()
        subjects = subject_tokens(verb) | (subject_tokens(reporter) if reporter is not None else set())
        if _a_deal(verb, parties):
            # a deal's sides may be named anywhere in the sentence, except in another event told beside it
            parties = parties | set(range(sentence.start, sentence.end)) - coordinated_events(verb, reporter)
        found = [
            (entity, span)
            for entity, span in self.entities.mentions_in(parties | (subjects & reporting))
            if not is_bystander(span)
        ]
        references = self._referenced(sentence, subjects, {entity for entity, _ in found})
        referenced = {span.root.i for _, span in references}
        found += references
        subject_company = next((e for e, s in found if is_subject(s) or s.root.i in referenced), None)
        self.references.observe(subject_company, sentence)
        names = _unique(entity.name for entity, _ in found)
        if not found or len(names) > MAX_PARTIES:
            return None
        dates_here = self._timexes_in(sentence)
        timex = chronology_date(text_of(self.doc), sentence, dates_here) or event_date(
            self.doc, dates_here, content | time_clauses(verb), reporting
        )
        if timex is not None and forecast_period(self.doc, timex):
            timex = None  # "Hormel now expects to earn $2.36 a share this year": forecast today, of the year
        company_reports = reporter is not None and any(
            s.root.i in subject_tokens(reporter) or s.root.head.i in subject_tokens(reporter) for _, s in found
        )
        spans = [span for _, span in found]
        if not worth_a_line(
            sentence, verb, reporter, subject_company is not None, company_reports, timex is not None, spans
        ):
            return None
        if timex is not None:
            date_value = date_of(timex, dates_here, text_of(self.doc))
            if self.story and _THE_DAY.search(timex.text) and timex.value == str(self.base["published"]):
                date_value = self.story  # "earlier in the day": the story's day, not the day it was published
        elif self.story is not None and (reporter is not None or not background(verb)):
            # a past perfect is background, unless reported: "said it had applied" is "has applied" told today
            date_value = self.story
        else:
            return None
        return self._mention(sentence.start_char, sentence.end_char, sentence.text, found, date_value, timex)

    def _table_line(self, sentence: Span) -> Mention:
        """'Qtly div 10 cts vs 10 cts prior', 'Pay May 8 Record April 10', 'Net 882,000 vs 82,000': a line of a
        results or dividend table has no subject; it is the main company's, on the story's day (its own
        dates are when a dividend is paid or a period ended, not when the news broke)."""
        return self._mention(
            sentence.start_char, sentence.end_char, sentence.text, [(self.entities.main, None)], self.story, None
        )

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
        verb, _ = predicate(sentence.root)
        own_clauses = clause_tokens(sentence.root) | clause_tokens(verb)
        found_events = []
        for timex in self._timexes_in(sentence):
            if not can_date_an_event(timex):
                continue
            if used is not None and (timex.start - sentence.start_char, timex.end - sentence.start_char) == used:
                continue
            span = self.doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is None or qualifies_something_else(self.doc, timex, span) or forecast_period(self.doc, timex):
                continue
            head = attachment_head(span)
            if head.i in own_clauses:
                continue  # the sentence's own event, already read: a line of its own or judged not worth one
            clause = clause_tokens(head) if head.pos_ in ("VERB", "AUX") else {t.i for t in head.subtree}
            if head.pos_ not in ("VERB", "AUX") and head.lower_ not in DEED_NOUNS:
                continue
            if head.pos_ in ("VERB", "AUX") and (head.lower_ not in EVENT_VERBS or background(head)):
                continue
            if quoted(self.doc, head.idx):
                continue  # someone's words: "today it could be bought", not a dated deed
            if _a_deal(head, clause):
                # a deal's sides, wherever its clause names them: "when Qatar sold its OMX holding to Borse Dubai"
                clause |= {t.i for t in head.subtree} - coordinated_events(head)
            found = [
                (e, s) for e, s in self.entities.mentions_in(clause) if not is_bystander(s) or antecedent_of(head, s)
            ]
            if head.pos_ in ("VERB", "AUX"):  # "a portfolio it took on when it bought Golden West": it is Wachovia
                found += self._referenced(sentence, subject_tokens(head) & clause, {e for e, _ in found})
            if not found and subject_is_implicit(head):
                # "Xiaomi's main plant, the same one that started construction in early 2022"
                found = [
                    (e, s) for e, s in self.entities.mentions_in(clause_tokens(sentence.root)) if not is_bystander(s)
                ]
            if not found or len({e.name for e, _ in found}) > MAX_PARTIES:
                continue
            date_value = date_of(timex, self._timexes_in(sentence), text_of(self.doc))
            found_events.append(
                self._mention(sentence.start_char, sentence.end_char, sentence.text, found, date_value, timex)
            )
        return found_events

    def _timexes_in(self, sentence: Span) -> list[Timex]:
        """The expressions that start in the sentence: found by bisection, as an article may hold thousands."""
        first = bisect_left(self.timex_starts, sentence.start_char)
        return self.timexes[first : bisect_left(self.timex_starts, sentence.end_char, first)]

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
        found: list[tuple[Entity, Span | None]],
        date_value: DateValue | None,
        timex: Timex | None,
        is_headline: bool = False,
    ) -> Mention:
        found = sorted(found, key=lambda pair: pair[1].start_char if pair[1] is not None else start)
        return Mention(
            start=start,
            end=end,
            sentence=sentence,
            companies=tuple(_unique(entity.name for entity, _ in found)),
            date=date_value,
            date_text=timex.text if timex else (date_value.text if date_value else ""),
            date_span=(timex.start - start, timex.end - start) if timex else None,
            company_spans=tuple((span.start_char - start, span.end_char - start) for _, span in found if span),
            is_headline=is_headline,
            **self.base,
        )


_LABEL_HEADLINE = re.compile(
    r"\s*(?:FACTBOX|FACT\s+BOX|TIMELINE|CHRONOLOGY|SCENARIOS|HIGHLIGHTS|QUOTEBOX|TEXT|Q\+A|GLANCE)\b\s*\d*\s*[-:]"
)
"""'FACTBOX: Facts about Exxon's record earnings', 'TIMELINE-...': the headline names a reference piece, not news."""
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
            if 0 < (published - timex.start_date).days <= STORY_LAG_DAYS:  # a difference: no date leaves the calendar
                return date_of(timex, timexes, text)
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
