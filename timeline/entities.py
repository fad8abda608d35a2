"""An article's companies: its candidate names grouped into one entity per company, each judged company or
not from all its mentions, and ranked so that the article's main company is known.

Two candidates (see `name_candidates`) are one entity when their names agree once case, possessive,
determiner and legal form are set aside, when one is the leading part of the other ("Ford" of "Ford Motor
Co"), an abbreviation ("Sun Micro") or an acronym or ticker of it ("GM"). Shouted text (an all-caps headline
or line) is never a name of its own: it only names an entity of the body or a known company. No dateline is
a company. Each entity is named by its fullest formal form in running text, and once it is known every
other occurrence of its name is its mention.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .companies import Canonicaliser
from .company_evidence import (
    before_index_word,
    coordinated_names,
    deal_buyers,
    described_as_a_company,
    described_as_a_person,
    description_words,
    is_index,
    is_listed_public_body,
    is_media,
    is_news_agency,
    is_public_body,
    is_unit_word,
    names_a_base,
    referred_to_as_a_person,
    speaks_as_it,
    takes_part_in_a_deal,
    titled,
)
from .name_candidates import (
    COMPANY_LABEL,
    Candidate,
    datelines,
    ends_in_legal_form,
    in_dateline,
    is_legal_form,
    is_shouted,
    is_shouted_span,
    name_candidates,
    name_words,
    shouted_lines,
    surface,
)
from .syntax import ents_of, text_of
from .tickers import CodeMark

GENERIC_FIRST_WORDS = frozenset(
    "general american united national first international british new great royal standard southern northern "
    "western eastern central pacific atlantic continental federal global china japan bank credit union the "
    "us u.s. world industrial commercial financial state".split()
)
"""First words shared by many companies: alone they name no one ("General" of "General Motors")."""


@dataclass(eq=False)
class Entity:
    """One company (or a name that turned out not to be one) as one article names it."""

    name: str
    mentions: list[Span] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    words: tuple[str, ...] = ()
    labels: Counter = field(default_factory=Counter)
    evidence: set[str] = field(default_factory=set)
    is_company: bool = False
    salience: float = 0.0
    descriptions: set[str] = field(default_factory=set)
    """Words the article describes the company with ("buyout firm", "equipment rental company")."""

    first: int = -1
    """Where the article first names it, kept as mentions are added: an article may name it thousands of times."""
    last: int = -1
    """Where the article last names it."""

    def add(self, span: Span) -> None:
        self.mentions.append(span)
        self.first = span.start_char if self.first < 0 else min(self.first, span.start_char)
        self.last = max(self.last, span.start_char)


@dataclass
class ArticleEntities:
    """The entities of one article, and for each token of a company mention the entity it names."""

    entities: list[Entity]
    by_token: dict[int, tuple[Entity, Span]]
    main: Entity | None

    @property
    def companies(self) -> list[Entity]:
        return [entity for entity in self.entities if entity.is_company]

    def mentions_in(self, tokens: set[int]) -> list[tuple[Entity, Span]]:
        """Company mentions whose head token lies in `tokens`, in text order, each once."""
        found = {}
        for index in tokens:
            hit = self.by_token.get(index)
            if hit is not None and hit[1].root.i == index:
                found[hit[1].start] = hit
        return [found[start] for start in sorted(found)]


def article_entities(
    doc: Doc,
    *,
    headline_end: int,
    dateline: tuple[int, int] | None,
    canonicaliser: Canonicaliser,
    marks: tuple[CodeMark, ...] = (),
) -> ArticleEntities:
    """Every entity of a parsed article, judged company or not, with the main company."""
    text = text_of(doc)
    shouted = shouted_lines(text)
    candidates = name_candidates(doc, canonicaliser, marks)
    dated = datelines(text, dateline)
    candidates = [c for c in candidates if not in_dateline(c.span, dated) and not _modifier_compound(c.span)]
    for candidate in candidates:
        candidate.shouted = is_shouted(candidate.span, shouted)
        candidate.in_headline = candidate.span.start_char < headline_end
    surnames = {
        ent.text.split()[-1].lower() for ent in ents_of(doc) if ent.label_ == "PERSON" and " " in ent.text.strip()
    }
    entities = _group(candidates)
    body = text[headline_end:]
    for entity in entities:
        if "running_text" not in entity.evidence and any(_written_in(span, body) for span in entity.mentions):
            entity.evidence.add("running_text")  # the body names it, though the tagger missed it there
        _judge(entity, doc, surnames, canonicaliser)
    people = {e.words[-1] for e in entities if "person" in e.evidence and not e.is_company and len(e.words) > 1}
    for entity in entities:
        if len(entity.words) == 1 and entity.words[0] in people - surnames:
            _judge(entity, doc, surnames | people, canonicaliser)  # "Richels" after "CEO JOHN RICHELS"
    _find_every_mention(doc, entities, dated)
    if _judge_bought_sides(entities, doc, surnames | people, canonicaliser):
        _find_every_mention(doc, entities, dated)
    for entity in entities:
        for span in entity.mentions:
            entity.descriptions |= description_words(span)
    _rank(entities, doc, headline_end)
    by_token: dict[int, tuple[Entity, Span]] = {}
    for entity in entities:
        if entity.is_company:
            for span in entity.mentions:
                for index in range(span.start, span.end):
                    by_token[index] = (entity, span)
    companies = sorted((e for e in entities if e.is_company), key=lambda e: (-e.salience, e.first))
    main = companies[0] if companies and companies[0].salience >= MAIN_SALIENCE else None
    return ArticleEntities(entities=entities, by_token=by_token, main=main)


def _judge_bought_sides(entities: list[Entity], doc: Doc, surnames: set[str], canonicaliser: Canonicaliser) -> bool:
    """What a company buys or merges with is a company, whatever the tagger called its name ("Mittal Steel's
    purchase of Arcelor" with Arcelor read as a person, "Rio's acquisition of Alcan" as a nationality); and so is
    an organisation named with a company as a side ("Visa, MasterCard Inc. and others colluded"). True when one
    became a company."""
    promoted = False
    company_tokens = {
        index
        for entity in entities
        if entity.is_company
        for span in entity.mentions
        for index in range(span.start, span.end)
    }
    for entity in entities:
        if entity.is_company or entity.labels["GPE"] + entity.labels["LOC"]:
            continue
        if any(any(t.i in company_tokens for t in deal_buyers(span.root)) for span in entity.mentions):
            entity.evidence.add("bought")
        elif entity.labels[COMPANY_LABEL] and any(
            any(t.i in company_tokens for t in coordinated_names(span.root)) for span in entity.mentions
        ):
            entity.evidence.add("coordinated")  # "Visa, MasterCard Inc. and others": named as one of companies
        else:
            continue
        _judge(entity, doc, surnames, canonicaliser)
        promoted = promoted or entity.is_company
    return promoted


def _find_every_mention(doc: Doc, entities: list[Entity], dated: list[tuple[int, int]]) -> None:
    """Once a company is known in the article, every other occurrence of its name is its mention, whatever
    the tagger made of it ("Nasdaq" untagged after "Nasdaq Stock Market Inc."), and so is the first word of
    a longer name when it is distinctive ("Nasdaq", "Cerberus")."""
    taken = {
        i for entity in entities if entity.is_company for span in entity.mentions for i in range(span.start, span.end)
    }
    taken |= {
        i for ent in ents_of(doc) if ent.label_ in ("PERSON", "GPE", "LOC", "NORP") for i in range(ent.start, ent.end)
    }
    named = {i for entity in entities for span in entity.mentions if len(span) > 1 for i in range(span.start, span.end)}
    first_words: set[tuple[str, ...]] = set()
    forms: dict[tuple[str, ...], Entity] = {}
    for entity in entities:
        if not entity.is_company:
            continue
        for span in entity.mentions:
            words = tuple(token.lower_ for token in span if not token.is_punct)
            if words:
                forms.setdefault(words, entity)
        first = entity.words[0] if entity.words else ""
        if len(entity.words) > 1 and len(first) >= 3 and first not in GENERIC_FIRST_WORDS:
            forms.setdefault((first,), entity)
            first_words.add((first,))
    if not forms:
        return
    longest = max(len(words) for words in forms)
    index = 0
    while index < len(doc):
        token = doc[index]
        if index in taken or not token.text[:1].isupper() or in_dateline(token, dated):
            index += 1
            continue
        for size in range(min(longest, len(doc) - index), 0, -1):
            span = doc[index : index + size]
            words = tuple(t.lower_ for t in span if not t.is_punct)
            entity = forms.get(words)
            if words in first_words and index in named:
                continue  # the "Steel" of "Oregon Steel" is no short form of Steel Dynamics
            if entity is not None and not any(i in taken for i in range(index, index + size)):
                entity.add(span)
                taken.update(range(index, index + size))
                index += size - 1
                break
        index += 1


ACRONYM_SMALL_WORDS = frozenset({"of", "and", "&", "the", "de", "for"})


def _acronym(words: tuple[str, ...], spelled: bool = False) -> str:
    """'gm' for General Motors; with `spelled`, the small words written out: 'bofa' for Bank of America."""
    if len(words) < 2:
        return ""
    if spelled:
        return "".join(word if word in ACRONYM_SMALL_WORDS else word[0] for word in words)
    return "".join(word[0] for word in words if word not in ACRONYM_SMALL_WORDS)


def _written_as_initials(text: str) -> bool:
    """'GM', 'G.M.', or initials with the small words spelled in lower case: 'BofA'."""
    letters = text.replace(".", "")
    return letters.isupper() or _initials_with_small_words(letters)


def _initials_with_small_words(text: str) -> bool:
    return " " not in text and not text.isupper() and sum(ch.isupper() for ch in text) >= 2 and text[0].isupper()


def _group(candidates: list[Candidate]) -> list[Entity]:
    """One entity per company: full running-text names first, then short, shouted and headline forms."""
    rank = {COMPANY_LABEL: 0, "PERSON": 1}
    order = sorted(
        candidates,
        key=lambda c: (c.shouted, rank.get(c.label, 2), -len(name_words(surface(c.span))), c.span.start),
    )
    entities: list[Entity] = []
    for candidate in order:
        entity = _shouted_form(candidate, entities) if candidate.shouted else None
        words = name_words(surface(candidate.span))
        if not words:
            continue
        entity = entity or _tail_of(candidate, words, entities)
        words = name_words(surface(candidate.span))
        key = "".join(words)
        entity = entity or _same_as(candidate, words, key, entities)
        if entity is None:
            entity = Entity(name="", words=words)
            entities.append(entity)
        entity.add(candidate.span)
        entity.keys.add(key)
        entity.labels[candidate.label] += 1
        if candidate.ticker:
            entity.keys.add(candidate.ticker.lower())
            entity.evidence.add("ticker")
        if candidate.index_code:
            entity.evidence.add("index")
        for flag in ("legal_form", "bracket"):
            if getattr(candidate, flag):
                entity.evidence.add(flag)
        if candidate.known:
            entity.evidence.add("known")
            entity.name = entity.name or candidate.known
        if not candidate.shouted and not candidate.in_headline:
            entity.evidence.add("running_text")  # a headline's words are a company only if the body says so
    return entities


TAIL_REACH = 3
"""Words before a fragment looked at to find the fuller name it was cut from."""


def _tail_of(candidate: Candidate, words: tuple[str, ...], entities: list[Entity]) -> Entity | None:
    """The entity whose name the words just before the candidate and the candidate's own spell out: 'Eagle'
    after 'American' where the article names American Eagle Outfitters, 'Imports Inc' after 'Pier 1'. The
    candidate's span grows to the whole name."""
    doc, span = candidate.span.doc, candidate.span
    for reach in range(1, TAIL_REACH + 1):
        start = span.start - reach
        if start < 0 or any(
            token.is_space or "\n" in token.text or token.is_punct for token in doc[start : span.start]
        ):
            return None
        whole = name_words(surface(doc[start : span.end]))
        if len(whole) <= len(words) or whole[-len(words) :] != words:
            continue
        key = "".join(whole)
        for entity in entities:
            if key in entity.keys or (len(whole) > 1 and entity.words[: len(whole)] == whole):
                candidate.span = doc[start : span.end]
                return entity
    return None


def _shouted_form(candidate: Candidate, entities: list[Entity]) -> Entity | None:
    """The body's company that a shouted name stands for: the longest run of words around the tagger's span
    that names it ("PROGRESSIVE SAVINGS <PRSL>" where the tagger took "SAVINGS", "REAL ESTATE FIRM CUTS
    INTERMAGNETICS<INMA>"). The candidate's span shrinks or grows to that run."""
    doc, span = candidate.span.doc, candidate.span
    start = span.start
    while (
        start > 0 and start > span.start - 3 and not doc[start - 1].is_space and "\n" not in doc[start - 1].text_with_ws
    ):
        start -= 1
    body = [entity for entity in entities if "running_text" in entity.evidence]
    best: tuple[int, int, Entity] | None = None
    for first in range(start, span.end):
        for last in range(span.end, first, -1):
            words = name_words(doc[first:last].text)
            if not words or (best is not None and last - first <= best[1] - best[0]):
                continue
            key = "".join(words)
            for entity in body:
                if key in entity.keys or (
                    entity.words[: len(words)] == words and (len(words) > 1 or words[0] not in GENERIC_FIRST_WORDS)
                ):
                    best = (first, last, entity)
                    break
    if best is None:
        return None
    candidate.span = doc[best[0] : best[1]]
    return best[2]


def _same_as(candidate: Candidate, words: tuple[str, ...], key: str, entities: list[Entity]) -> Entity | None:
    exact = [entity for entity in entities if key in entity.keys]
    if exact:
        return exact[0]
    if candidate.label in ("GPE", "NORP", "LOC") or (candidate.label == "PERSON" and len(words) > 1):
        return None  # "Singapore" and "Henry Ford" never shorten a company's name
    if is_index(surface(candidate.span)):
        return None  # "Standard & Poor's 500" is no short form of anyone
    abbreviated = [
        entity
        for entity in entities
        if len(words) == len(entity.words) > 1
        and entity.words[:-1] == words[:-1]
        and len(words[-1]) >= 4
        and entity.words[-1].startswith(words[-1])
    ]
    if abbreviated:
        return abbreviated[0]  # "Sun Micro" for "Sun Microsystems"
    shorter = [
        entity
        for entity in entities
        if len(words) < len(entity.words)
        and not is_index(" ".join(entity.words))
        and entity.words[: len(words)] == words
        and (len(words) > 1 or words[0] not in GENERIC_FIRST_WORDS)
    ]
    if not shorter and len(words) == 1 and 2 <= len(key) <= 5 and _written_as_initials(candidate.span.text):
        spelled = _initials_with_small_words(candidate.span.text)
        shorter = [entity for entity in entities if key == _acronym(entity.words, spelled=spelled)]
    if not shorter:
        return None
    before = [e for e in shorter if e.first < candidate.span.start_char]
    return max(before, key=lambda e: e.last) if before else shorter[0]


WELL_KNOWN_IN_THE_ARTICLE = 3
"""Mentions the tagger reads as an organisation that make a single word a company without other evidence."""
MAIN_SALIENCE = 2.0
"""A main company is named in the headline or the lead, or often: a market wrap has none."""


def _judge(entity: Entity, doc: Doc, surnames: set[str], canonicaliser: Canonicaliser) -> None:
    """Company or not, from the evidence of every mention; and the name the timeline shows."""
    running = [span for span in entity.mentions if not is_shouted_span(span)] or entity.mentions
    formal = [span for span in running if ends_in_legal_form(span)] or running
    fullest = max(formal, key=lambda span: (len(name_words(surface(span))), -span.start))
    written = surface(fullest)
    if any(_possessive_after(span) and _name_goes_on(span) for span in entity.mentions):
        written += "'s"  # "Kohl's said", "Standard & Poor's Corp": the name itself ends so
    strong = bool(entity.evidence & {"legal_form", "ticker", "bracket", "known"})
    if not entity.name:
        entity.name = canonicaliser.normalised(written) or ""
    organisation = entity.labels[COMPANY_LABEL] + entity.labels["FAC"] + entity.labels["PRODUCT"]
    people = entity.labels["PERSON"]
    places = entity.labels["GPE"] + entity.labels["LOC"] + entity.labels["NORP"]
    described = bool(entity.evidence & {"bought", "coordinated"}) or any(
        described_as_a_company(span) for span in entity.mentions
    )
    if not strong and not organisation and not described:
        entity.evidence.add("place" if places > people else "person")
        entity.is_company = False  # a person or a place, and nothing says otherwise
        return
    named_as_a_person = any(
        titled(span) or described_as_a_person(span) or referred_to_as_a_person(span) for span in entity.mentions
    ) or (len(entity.words) == 1 and entity.words[0] in surnames)
    if people > organisation or named_as_a_person:
        entity.evidence.add("person")
    a_base = any(names_a_base(span) for span in entity.mentions)
    if places > organisation or a_base:
        entity.evidence.add("place")
    if described:
        entity.evidence.add("described")
    if is_public_body(written):  # the full name: "Equity Office" is short for a trust, not an office
        entity.evidence.add("public_body")
    if (
        any(is_index(surface(span)) or before_index_word(span) for span in entity.mentions)
        or "index" in entity.evidence
    ):
        entity.evidence.add("index")
    if is_news_agency(written) or any(is_media(surface(span)) for span in entity.mentions):
        entity.evidence.add("news_agency")
    if is_unit_word(written) or not re.search(r"[A-Z]", written):
        entity.evidence.add("word")
    if "running_text" not in entity.evidence:
        entity.evidence.add("shouted_only")
    excluded = not entity.name or canonicaliser.excluded(entity.name) or canonicaliser.excluded(written)
    if any(is_listed_public_body(surface(span)) for span in entity.mentions):
        entity.evidence.add("listed_public_body")
    agency_ok = "legal_form" in entity.evidence  # "Dow Jones & Co", "Reuters Holdings PLC": the business itself
    if (
        excluded
        or entity.evidence & {"index", "listed_public_body"}
        or ("news_agency" in entity.evidence and not agency_ok)
        or not canonicaliser.plausible(entity.name, agency_ok=agency_ok)
    ):
        entity.is_company = False
    elif strong:
        entity.is_company = "known" in entity.evidence or not entity.evidence & {"word"}
    elif entity.evidence & {"public_body", "word", "shouted_only"}:
        entity.is_company = False
    elif named_as_a_person or a_base:
        entity.is_company = False  # "Immelt said it would", "the Oak Brook-based company": strong evidence only
    elif "described" in entity.evidence:
        entity.is_company = not any(titled(span) or described_as_a_person(span) for span in entity.mentions)
    elif any(speaks_as_it(span.root) for span in entity.mentions):
        entity.is_company = organisation > 0  # "Tamweel said it was planning to launch bonds"
    elif any(takes_part_in_a_deal(span.root) for span in entity.mentions):
        entity.is_company = organisation > 0 and not entity.evidence & {"person", "place"}
    elif entity.labels[COMPANY_LABEL] >= WELL_KNOWN_IN_THE_ARTICLE and not entity.evidence & {"person", "place"}:
        entity.is_company = True  # "Yahoo" eleven times an organisation in a story about Yahoo
    elif len(entity.words) == 1 or all(span.root.dep_ in ("compound", "nmod", "amod") for span in entity.mentions):
        entity.is_company = False  # the tagger's word alone: a single word or a mere modifier is too often not one
    elif entity.labels[COMPANY_LABEL] < 2:
        entity.is_company = False  # named once, by the tagger alone: "Monetary Compensatory Amounts"
    else:
        entity.is_company = organisation > 0 and not entity.evidence & {"person", "place"}


def _name_goes_on(span: Span) -> bool:
    """After 'X's' comes a verb, a legal form or the end of a clause: the 's is the name's, not a possessive."""
    doc = span.doc
    if span.end + 1 >= len(doc):
        return True
    following = doc[span.end + 1]
    return following.pos_ in ("VERB", "AUX", "CCONJ", "PUNCT") or is_legal_form(following)


def _possessive_after(span: Span) -> bool:
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s")


def _rank(entities: list[Entity], doc: Doc, headline_end: int) -> None:
    """Salience: named in the headline, the subject of the lead, named in the lead, named often."""
    lead = next(
        (sentence for sentence in doc.sents if sentence.start_char >= headline_end and sentence.text.strip()), None
    )
    for entity in entities:
        score = 0.0
        if any(span.start_char < headline_end for span in entity.mentions):
            score += 2.0
        if lead is not None:
            in_lead = [span for span in entity.mentions if lead.start_char <= span.start_char < lead.end_char]
            if in_lead:
                score += 1.0
                if any(
                    span.root.dep_ in ("nsubj", "nsubjpass") or span.root.head.dep_ in ("nsubj", "nsubjpass")
                    for span in in_lead
                ):
                    score += 1.0
        score += 0.5 * min(len(entity.mentions), 6)
        entity.salience = score


def _written_in(span: Span, body: str) -> bool:
    """The name, as written (not shouted), occurs in the body as a word."""
    name = " ".join(span.text.split())
    if len(name) < 3 or name.isupper() and len(name) > 5:
        return False
    return re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", body) is not None


def _modifier_compound(span: Span) -> bool:
    """'Shell-shocked', 'Ford-built': a name fused to a lower-case word by a hyphen names nothing."""
    doc = span.doc
    return (
        span.end + 1 < len(doc)
        and doc[span.end].text == "-"
        and doc[span.end + 1].text[:1].islower()
        and not doc[span.end].whitespace_
    )
