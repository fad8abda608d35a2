"""An article's companies: every organisation candidate, grouped into one entity per company, each judged
company or not from all its mentions, and ranked so that the article's main company is known.

Candidates come from spaCy's entities (organisations, and people, places and products as counter-evidence),
names before a legal form ("Frayn Printing Co"), names in the angle brackets of 1987 wire stories
(`<Frayn Financial>`) and names before a ticker (`( XOM.N )`, `<XON>`, `(NYSE: F)`). Two candidates are
one entity when their names agree once case, possessive, determiner and legal form are set aside, when one
is the leading part of the other ("Ford" of "Ford Motor Co"), or an acronym or ticker of it ("GM"). Shouted
text (an all-caps headline or line) is never a name of its own: it only names an entity of the body or a
known company. The dateline is never a company. Each entity is named by its fullest form in running text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .companies import Canonicaliser
from .company_evidence import (
    PERSON_TITLES,
    is_index,
    is_listed_public_body,
    is_media,
    is_news_agency,
    is_public_body,
    is_unit_word,
)
from .syntax import ents_of, text_of
from .tickers import CodeMark

LEGAL_FORMS = frozenset(
    "co cos corp corporation company companies inc incorporated ltd limited plc llc lp llp ag sa nv spa se "
    "bhd gmbh kgaa bv ab asa oyj pty pte sarl srl kk group holdings holding bancorp".split()
)
"""Words that end a company's name; the two-letter ones count only when written in capitals."""
CONNECTORS = frozenset({"&", "and", "of", "de", "du", "der", "-", "'s"})
GENERIC_FIRST_WORDS = frozenset(
    "general american united national first international british new great royal standard southern northern "
    "western eastern central pacific atlantic continental federal global china japan bank credit union the "
    "us u.s. world industrial commercial financial state".split()
)
"""First words shared by many companies: alone they name no one ("General" of "General Motors")."""
CANDIDATE_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC", "PRODUCT", "LOC", "WORK_OF_ART"})
COMPANY_LABEL = "ORG"


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

    @property
    def first(self) -> int:
        return min(span.start_char for span in self.mentions)


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


@dataclass
class _Candidate:
    span: Span
    label: str
    legal_form: bool = False
    ticker: str = ""
    bracket: bool = False
    shouted: bool = False
    in_headline: bool = False
    known: str = ""
    index_code: bool = False


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
    shouted_lines = _shouted_lines(text)
    candidates = _candidates(doc, canonicaliser, marks)
    datelines = _datelines(text, dateline)
    candidates = [c for c in candidates if not _in_dateline(c.span, datelines) and not _modifier_compound(c.span)]
    for candidate in candidates:
        candidate.shouted = _is_shouted(candidate.span, shouted_lines)
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
    _find_every_mention(doc, entities, datelines)
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


def _find_every_mention(doc: Doc, entities: list[Entity], datelines: list[tuple[int, int]]) -> None:
    """Once a company is known in the article, every other occurrence of its name is its mention, whatever
    the tagger made of it ("Nasdaq" untagged after "Nasdaq Stock Market Inc."), and so is the first word of
    a longer name when it is distinctive ("Nasdaq", "Cerberus")."""
    taken = {
        i for entity in entities if entity.is_company for span in entity.mentions for i in range(span.start, span.end)
    }
    taken |= {
        i for ent in ents_of(doc) if ent.label_ in ("PERSON", "GPE", "LOC", "NORP") for i in range(ent.start, ent.end)
    }
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
    if not forms:
        return
    longest = max(len(words) for words in forms)
    index = 0
    while index < len(doc):
        token = doc[index]
        if index in taken or not token.text[:1].isupper() or _in_dateline(token, datelines):
            index += 1
            continue
        for size in range(min(longest, len(doc) - index), 0, -1):
            span = doc[index : index + size]
            words = tuple(t.lower_ for t in span if not t.is_punct)
            entity = forms.get(words)
            if entity is not None and not any(i in taken for i in range(index, index + size)):
                entity.mentions.append(span)
                taken.update(range(index, index + size))
                index += size - 1
                break
        index += 1


def _candidates(doc: Doc, canonicaliser: Canonicaliser, marks: tuple[CodeMark, ...]) -> list[_Candidate]:
    found: dict[tuple[int, int], _Candidate] = {}
    taken: set[int] = set()

    def add(span: Span | None, label: str, **flags) -> _Candidate | None:
        if span is None or not span.text.strip() or any(i in taken for i in range(span.start, span.end)):
            return None
        candidate = _Candidate(span=span, label=label, **flags)
        found[(span.start, span.end)] = candidate
        taken.update(range(span.start, span.end))
        return candidate

    for mark in marks:
        if mark.kind == "bracket":
            span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
            if span is not None:
                add(span, COMPANY_LABEL, bracket=True, legal_form=_ends_in_legal_form(span))
    for ent in ents_of(doc):
        if ent.label_ not in CANDIDATE_LABELS:
            continue
        span = _with_legal_form(_trim(ent))
        if span is None:
            continue
        add(span, ent.label_, legal_form=_ends_in_legal_form(span), known=ent.ent_id_ or "")
    for token in doc:
        if _is_legal_form(token) and token.i not in taken and token.i > 0:
            span = _name_before(doc, token.i + 1)
            if span is not None and len(span) > 1:
                add(span, COMPANY_LABEL, legal_form=True)
    for mark in marks:
        if mark.kind == "bracket":
            continue
        owner = next((c for c in found.values() if 0 <= mark.start - c.span.end_char <= 2), None)
        end = next((t.i + 1 for t in reversed(doc) if t.idx + len(t.text) <= mark.start), 0)
        if owner is None:
            around = next((c for c in found.values() if c.span.start < end < c.span.end), None)
            if around is not None:  # "PACIFICORP <PPW> BUYS": the tagger ran the name into the headline
                around.span = doc[around.span.start : end]
                owner = around
        if owner is None:
            owner = add(_name_before(doc, end), COMPANY_LABEL)
        if owner is not None and mark.kind == "index":
            owner.index_code = True  # ".GSPSTEEL" codes an index, not a company
        elif owner is not None:
            owner.ticker = mark.symbol.split(".")[0]
    for candidate in found.values():
        candidate.known = candidate.known or canonicaliser.known(_surface(candidate.span)) or ""
    return sorted(found.values(), key=lambda c: c.span.start)


def _trim(span: Span) -> Span | None:
    """The span without leading determiners, trailing possessives and punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and (
        doc[start].lower_ in ("the", "a", "an", "former", "ex")
        or doc[start].is_punct
        or doc[start].is_space
        or not doc[start].text[:1].isupper()  # "bank HBOS"
        or (doc[start].lower_ in COMPANY_NOUNS and doc[start].is_sent_start)  # "Conglomerate Tyco International"
    ):
        start += 1
    if end > start + 1 and doc[end - 1].is_alpha and doc[end - 1].is_lower and doc[end - 1].lower_ not in CONNECTORS:
        return None  # "Nordic exchange": a description, whose capitalised word only qualifies it
    while end > start and (
        doc[end - 1].lower_ in ("'s", "'", "’s", "’") or doc[end - 1].is_punct or doc[end - 1].is_space
    ):
        if doc[end - 1].text in (".",) and end - 1 > start and _is_legal_form(doc[end - 2]):
            break
        end -= 1
    return doc[start:end] if end > start else None


def _is_legal_form(token) -> bool:
    if token.lower_.rstrip(".") not in LEGAL_FORMS and token.lower_.replace(".", "") not in LEGAL_FORMS:
        return False
    word = token.text.replace(".", "").lower()
    if len(word) <= 2 and word != "co":
        return token.text.replace(".", "").isupper()
    return token.text[:1].isupper()


def _ends_in_legal_form(span: Span) -> bool:
    return any(_is_legal_form(token) for token in span[1:])


def _with_legal_form(span: Span | None) -> Span | None:
    """'Chrysler' followed by 'LLC', 'Kraft Foods' by 'Inc.': the legal form belongs to the name."""
    if span is None:
        return None
    doc, start, end = span.doc, span.start, span.end
    if end < len(doc) - 1 and doc[end].text == "&" and doc[end + 1].lower_ in ("co", "co."):
        end += 2
    while end < len(doc) and _is_legal_form(doc[end]) and end - span.end < 2:
        end += 1
    if (
        start >= 2
        and doc[start - 1].lower_ in ("and", "&")
        and doc[start - 2].is_title
        and doc[start - 2].ent_type_ not in ("ORG", "PERSON", "GPE", "NORP", "LOC")
        and (_is_legal_form(doc[end - 1]) or any(t.lower_ in ("'s", "’s") for t in doc[start:end]))
    ):
        start -= 2  # "Standard and Poor's Corp", of which the tagger took "Poor's Corp"
    return doc[start:end]


def _name_before(doc: Doc, end: int) -> Span | None:
    """The capitalised words ending at `end` ("Frayn Printing Co"), connectors allowed inside."""
    start = end
    while start > 0:
        token = doc[start - 1]
        if token.is_space or "\n" in token.text:
            break
        shouted_word = token.is_upper and token.is_alpha and token.tag_ in ("JJ", "NN", "NNS")
        if (
            token.tag_ in ("NNP", "NNPS")
            or shouted_word
            or (token.text[:1].isupper() and token.is_alpha and start == end)
        ):
            start -= 1
        elif token.lower_ in CONNECTORS and start - 1 > 0 and doc[start - 2].text[:1].isupper():
            start -= 1
        else:
            break
    while start < end and (doc[start].lower_ in CONNECTORS or doc[start].lower_ in ("the", "a")):
        start += 1
    return doc[start:end] if start < end else None


_SURFACES: dict[str, str] = {}


def _surface(span: Span) -> str:
    """The name as written, on one line, without a possessive ending."""
    written = span.text
    surface = _SURFACES.get(written)
    if surface is None:
        if len(_SURFACES) > 50_000:
            _SURFACES.clear()
        surface = _SURFACES[written] = _POSSESSIVE_END.sub("", " ".join(written.split()))
    return surface


_POSSESSIVE_END = re.compile(r"\s*(?:'s|’s|'|’)$")


def name_words(name: str) -> tuple[str, ...]:
    """The words a name is compared by: lower case, without possessive, determiner or legal form."""
    words = re.findall(r"[a-z0-9&]+", re.sub(r"['’]s\b", "", name.lower()).replace(".", ""))
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    while len(words) > 1 and (words[-1] in LEGAL_FORMS or words[-1] == "&"):
        words = words[:-1]
    return tuple(words)


def _acronym(words: tuple[str, ...]) -> str:
    return (
        "".join(word[0] for word in words if word not in ("of", "and", "&", "the", "de", "for"))
        if len(words) > 1
        else ""
    )


def _group(candidates: list[_Candidate]) -> list[Entity]:
    """One entity per company: full running-text names first, then short, shouted and headline forms."""
    rank = {COMPANY_LABEL: 0, "PERSON": 1}
    order = sorted(
        candidates,
        key=lambda c: (c.shouted, rank.get(c.label, 2), -len(name_words(_surface(c.span))), c.span.start),
    )
    entities: list[Entity] = []
    for candidate in order:
        entity = _shouted_form(candidate, entities) if candidate.shouted else None
        words = name_words(_surface(candidate.span))
        if not words:
            continue
        key = "".join(words)
        entity = entity or _same_as(candidate, words, key, entities)
        if entity is None:
            entity = Entity(name="", words=words)
            entities.append(entity)
        entity.mentions.append(candidate.span)
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


def _shouted_form(candidate: _Candidate, entities: list[Entity]) -> Entity | None:
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


def _same_as(candidate: _Candidate, words: tuple[str, ...], key: str, entities: list[Entity]) -> Entity | None:
    exact = [entity for entity in entities if key in entity.keys]
    if exact:
        return exact[0]
    if candidate.label in ("GPE", "NORP", "LOC") or (candidate.label == "PERSON" and len(words) > 1):
        return None  # "Singapore" and "Henry Ford" never shorten a company's name
    if is_index(_surface(candidate.span)):
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
    if not shorter and len(words) == 1 and 2 <= len(key) <= 5 and candidate.span.text.replace(".", "").isupper():
        shorter = [entity for entity in entities if _acronym(entity.words) == key]
    if not shorter:
        return None
    before = [e for e in shorter if e.first < candidate.span.start_char]
    return max(before, key=lambda e: max(s.start_char for s in e.mentions)) if before else shorter[0]


MAIN_SALIENCE = 2.0
"""A main company is named in the headline or the lead, or often: a market wrap has none."""


def _judge(entity: Entity, doc: Doc, surnames: set[str], canonicaliser: Canonicaliser) -> None:
    """Company or not, from the evidence of every mention; and the name the timeline shows."""
    running = [span for span in entity.mentions if not _is_shouted_span(span)] or entity.mentions
    formal = [span for span in running if _ends_in_legal_form(span)] or running
    fullest = max(formal, key=lambda span: (len(name_words(_surface(span))), -span.start))
    surface = _surface(fullest)
    if any(_possessive_after(span) and _name_goes_on(span) for span in entity.mentions):
        surface += "'s"  # "Kohl's said", "Standard & Poor's Corp": the name itself ends so
    strong = bool(entity.evidence & {"legal_form", "ticker", "bracket", "known"})
    if not entity.name:
        entity.name = canonicaliser.normalised(surface) or ""
    organisation = entity.labels[COMPANY_LABEL] + entity.labels["FAC"] + entity.labels["PRODUCT"]
    people = entity.labels["PERSON"]
    places = entity.labels["GPE"] + entity.labels["LOC"] + entity.labels["NORP"]
    if not strong and not organisation and not any(_described_as_a_company(span) for span in entity.mentions):
        entity.evidence.add("place" if places > people else "person")
        entity.is_company = False  # a person or a place, and nothing says otherwise
        return
    if (
        people > organisation
        or any(_titled(span) or _described_as_a_person(span) for span in entity.mentions)
        or (len(entity.words) == 1 and entity.words[0] in surnames)
    ):
        entity.evidence.add("person")
    if places > organisation:
        entity.evidence.add("place")
    if any(_described_as_a_company(span) for span in entity.mentions):
        entity.evidence.add("described")
    if any(is_public_body(_surface(span)) for span in entity.mentions):
        entity.evidence.add("public_body")
    if (
        any(is_index(_surface(span)) or _before_index_word(span) for span in entity.mentions)
        or "index" in entity.evidence
    ):
        entity.evidence.add("index")
    if is_news_agency(surface) or any(is_media(_surface(span)) for span in entity.mentions):
        entity.evidence.add("news_agency")
    if is_unit_word(surface) or not re.search(r"[A-Z]", surface):
        entity.evidence.add("word")
    if "running_text" not in entity.evidence:
        entity.evidence.add("shouted_only")
    excluded = not entity.name or canonicaliser.excluded(entity.name) or canonicaliser.excluded(surface)
    if any(is_listed_public_body(_surface(span)) for span in entity.mentions):
        entity.evidence.add("listed_public_body")
    if (
        excluded
        or entity.evidence & {"news_agency", "index", "listed_public_body"}
        or not canonicaliser.plausible(entity.name)
    ):
        entity.is_company = False
    elif strong:
        entity.is_company = "known" in entity.evidence or not entity.evidence & {"word"}
    elif entity.evidence & {"public_body", "word", "shouted_only"}:
        entity.is_company = False
    elif "described" in entity.evidence:
        entity.is_company = not any(_titled(span) or _described_as_a_person(span) for span in entity.mentions)
    elif any(_speaks_as_it(span.root) for span in entity.mentions):
        entity.is_company = organisation > 0  # "Tamweel said it was planning to launch bonds"
    elif len(entity.words) == 1 or all(span.root.dep_ in ("compound", "nmod", "amod") for span in entity.mentions):
        entity.is_company = False  # the tagger's word alone: a single word or a mere modifier is too often not one
    else:
        entity.is_company = organisation > 0 and not entity.evidence & {"person", "place"}


def _before_index_word(span: Span) -> bool:
    """'the Bovespa index', 'the Nikkei average': a name that heads an index is the index's."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in ("index", "average", "composite", "sub-index")


def _name_goes_on(span: Span) -> bool:
    """After 'X's' comes a verb, a legal form or the end of a clause: the 's is the name's, not a possessive."""
    doc = span.doc
    if span.end + 1 >= len(doc):
        return True
    following = doc[span.end + 1]
    return following.pos_ in ("VERB", "AUX", "CCONJ", "PUNCT") or _is_legal_form(following)


def _possessive_after(span: Span) -> bool:
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s")


ROLE_WORDS = frozenset(
    "chairman chairwoman chief ceo cfo president director spokesman spokeswoman analyst economist strategist "
    "executive officer founder minister secretary governor head trader manager partner professor".split()
)
"""An appositive role says a name is a person's: "Soud Ba'alawy, the firm's deputy chairman"."""


def _described_as_a_person(span: Span) -> bool:
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and (child.lower_ in ROLE_WORDS or any(t.lower_ in ROLE_WORDS for t in child.lefts)):
            return True
    return root.dep_ == "appos" and root.head.lower_ in ROLE_WORDS


COMPANY_NOUNS = frozenset(
    "company companies firm group maker manufacturer carmaker automaker insurer bank lender retailer airline "
    "carrier operator brewer miner refiner conglomerate giant chain fund "
    "partnership subsidiary unit rival competitor developer builder distributor provider "
    "publisher broker brokerage bourse exchange utility shipper shipbuilder chipmaker drugmaker steelmaker "
    "startup concern corporation outfit".split()
)
"""Nouns that describe a company. Not "exporter", "producer", "buyer" or "supplier": "China, the world's
biggest exporter" is a country."""


def _described_as_a_company(span: Span) -> bool:
    """'British insurer Pearl', 'buyout firm Cerberus', 'Pearl, the insurer', 'shares of Pearl': a company."""
    doc, root = span.doc, span.root
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in COMPANY_NOUNS and before.dep_ in ("compound", "nmod", "amod"):
        return True
    if any(child.dep_ in ("compound", "appos") and child.lower_ in COMPANY_NOUNS for child in root.children):
        return True
    if root.dep_ == "appos" and root.head.lower_ in COMPANY_NOUNS:
        return True
    after = doc[span.end : span.end + 2]
    if (
        len(after) == 2
        and after[0].lower_ in ("'s", "’s")
        and after[1].lower_ in ("shares", "stock", "chief", "board", "shareholders")
    ):
        return True
    return (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lower_ in ("shares", "stake", "shareholders")
    )


SPEECH_FORMS = frozenset("said says say told tells announced announces reported reports added adds".split())


def _speaks_as_it(root) -> bool:
    """'Tamweel said it was planning to launch bonds', 'X said its profit rose': a subject that calls itself
    "it" is an organisation, not a person."""
    if root.dep_ != "nsubj" or root.head.lower_ not in SPEECH_FORMS:
        return False
    for child in root.head.children:
        if child.dep_ == "ccomp":
            subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and (subject.lower_ == "it" or any(t.lower_ == "its" for t in subject.subtree)):
                return True
    return False


def _titled(span: Span) -> bool:
    """'Mr. Volcker', 'President Reagan': a person, whatever the tagger says."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.text.rstrip(".").lower() in PERSON_TITLES and before.text[:1].isupper()


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


def _shouted_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in capitals (a wire headline) in an article that is not all capitals."""
    if _capitals(text) > 0.6:
        return []
    lines, offset = [], 0
    for line in text.split("\n"):
        if len(line) >= 6 and _capitals(line) > 0.8:
            lines.append((offset, offset + len(line)))
        offset += len(line) + 1
    return lines


_NOT_LETTERS = re.compile(r"[^A-Za-z]+")


def _capitals(text: str) -> float:
    letters = _NOT_LETTERS.sub("", text)
    return sum(map(str.isupper, letters)) / len(letters) if len(letters) >= 6 else 0.0


def _is_shouted(span: Span, lines: list[tuple[int, int]]) -> bool:
    return any(start <= span.start_char < end for start, end in lines)


def _is_shouted_span(span: Span) -> bool:
    letters = [ch for ch in span.text if ch.isalpha()]
    return len(letters) > 3 and all(ch.isupper() for ch in letters)


_PARAGRAPH_DATELINE = re.compile(
    r"(?m)^[A-Z][A-Z.'’ /-]{1,40}(?:,\s*[A-Z][A-Za-z.]{1,12})?(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*"
    r"(?:\([A-Za-z ]+\))?\s*[-–—]\s"
)
"""A roundup's later items open with their own datelines: "SAO PAULO, April 6 -", "WASHINGTON -"."""


def _datelines(text: str, dateline: tuple[int, int] | None) -> list[tuple[int, int]]:
    found = [(match.start(), match.end()) for match in _PARAGRAPH_DATELINE.finditer(text)]
    return found + [dateline] if dateline is not None else found


def _in_dateline(span, datelines: list[tuple[int, int]]) -> bool:
    start = span.start_char if hasattr(span, "start_char") else span.idx
    return any(first <= start < last for first, last in datelines)


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
