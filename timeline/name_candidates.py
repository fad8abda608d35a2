"""Where an article names an organisation: the candidate names extraction starts from, before they are
grouped into entities and judged.

Candidates come from spaCy's entities (organisations, and people, places and products as counter-evidence),
names before a legal form ("Frayn Printing Co"), names in the angle brackets of 1987 wire stories
(`<Frayn Financial>`) and names before a ticker (`( XOM.N )`, `<XON>`, `(NYSE: F)`), each trimmed to the
name itself. Also here: what is shouted (an all-caps headline or line) and what is a dateline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .companies import POSSESSIVE_END, Canonicaliser
from .company_evidence import COMPANY_NOUNS, speaks_as_it
from .dates.lexicon import MONTHS, WEEKDAYS
from .syntax import ents_of
from .tickers import CodeMark

LEGAL_FORMS = frozenset(
    "co cos corp corporation company companies inc incorporated ltd limited plc llc lp llp ag sa nv spa se "
    "bhd gmbh kgaa bv ab asa oyj pty pte sarl srl kk group holdings holding bancorp".split()
)
"""Words that end a company's name; the two-letter ones count only when written in capitals."""
GROUP_WORDS = frozenset({"Grupo", "Groupe", "Gruppo"})
CONNECTORS = frozenset({"&", "and", "of", "de", "du", "der", "-", "'s"})
CANDIDATE_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC", "PRODUCT", "LOC", "WORK_OF_ART"})
COMPANY_LABEL = "ORG"


@dataclass
class Candidate:
    span: Span
    label: str
    legal_form: bool = False
    ticker: str = ""
    bracket: bool = False
    shouted: bool = False
    in_headline: bool = False
    known: str = ""
    index_code: bool = False


def name_candidates(doc: Doc, canonicaliser: Canonicaliser, marks: tuple[CodeMark, ...]) -> list[Candidate]:
    found: dict[tuple[int, int], Candidate] = {}
    taken: set[int] = set()

    def add(span: Span | None, label: str, **flags) -> Candidate | None:
        if span is None or not span.text.strip() or any(i in taken for i in range(span.start, span.end)):
            return None
        candidate = Candidate(span=span, label=label, **flags)
        found[(span.start, span.end)] = candidate
        taken.update(range(span.start, span.end))
        return candidate

    for mark in marks:
        if mark.kind == "bracket":
            span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
            if span is not None:
                add(span, COMPANY_LABEL, bracket=True, legal_form=ends_in_legal_form(span))
    for ent in ents_of(doc):
        if ent.label_ not in CANDIDATE_LABELS:
            continue
        for part in _names_joined(ent):
            span = with_legal_form(trim(part))
            if span is not None:
                add(span, ent.label_, legal_form=ends_in_legal_form(span), known=ent.ent_id_ or "")
    for token in doc:
        if (is_legal_form(token) or spanish_form_length(doc, token.i - 2)) and token.i not in taken and token.i > 0:
            span = _untaken_end(name_before(doc, token.i + 1), taken)
            if span is not None and len(span) > 1:
                add(span, COMPANY_LABEL, legal_form=True)
    for candidate in list(found.values()):
        if candidate.legal_form:
            _take_whole_legal_name(candidate, found, taken)
    for token in doc:
        if token.pos_ == "PROPN" and not token.ent_type_ and token.i not in taken and speaks_as_it(token):
            # "Tamweel said it was planning to launch bonds": a name the tagger missed that calls itself "it"
            add(_untaken_end(name_before(doc, token.i + 1), taken), COMPANY_LABEL)
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
            owner = add(_untaken_end(name_before(doc, end), taken), COMPANY_LABEL)
        if owner is not None and mark.kind == "index":
            owner.index_code = True  # ".GSPSTEEL" codes an index, not a company
        elif owner is not None:
            owner.ticker = mark.symbol.split(".")[0]
    for candidate in found.values():
        candidate.known = candidate.known or canonicaliser.known(surface(candidate.span)) or ""
    return sorted(found.values(), key=lambda c: c.span.start)


NAME_BREAKING_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def _take_whole_legal_name(candidate: Candidate, found: dict, taken: set[int]) -> None:
    """A name that ends in a legal form is taken whole when the tagger cut its start off: 'Alaska Air Group Inc'
    of which it took 'Air Group Inc', 'Kaiser Aluminum and Chemical Corp', 'Pier 1 Imports Inc', 'A C Goode
    and Co Ltd'. The words before join only when no other name (a person, a place, another company) holds
    them, so 'Exxon and Mobil Corp' stays two names."""
    span = candidate.span
    whole = name_before(span.doc, span.end)
    if whole is None or whole.start >= span.start:
        return
    doc = span.doc
    added = range(whole.start, span.start)
    if any(i in taken or doc[i].ent_type_ in NAME_BREAKING_ENTS for i in added):
        return
    if doc[whole.start].lower_ in CONNECTORS or doc[span.start - 1].lower_ in ("of", "de", "du", "der", "-", "'s"):
        return  # "Fruit of the Loom" or "John Smith of Acme Inc": 'of' cannot tell a name from a person's firm
    del found[(span.start, span.end)]
    candidate.span = doc[whole.start : span.end]
    found[(candidate.span.start, candidate.span.end)] = candidate
    taken.update(added)


def _untaken_end(span: Span | None, taken: set[int]) -> Span | None:
    """A name before a legal form or a ticker, starting after another candidate's possessive: "Mexico's
    Grupo IMSA SAB de CV" is Grupo IMSA's name, "Mexico's" the place's."""
    if span is None:
        return None
    doc = span.doc
    possessives = [
        i
        for i in range(span.start + 1, span.end)
        if doc[i].lower_ in ("'s", "’s") and i - 1 in taken and i not in taken
    ]
    return doc[possessives[-1] + 1 : span.end] if possessives and possessives[-1] + 1 < span.end else span


def _names_joined(span: Span) -> list[Span]:
    """'Dow Jones and Co and Telerate', 'Salomon Inc and First Boston', 'O2, Carphone Warehouse': names the
    tagger ran together, cut after each legal form that "and" or "&" follows, and at each comma of a span
    that is no partnership's name ("Keefe, Bruyette & Woods", "Kidder, Peabody and Co")."""
    parts, start = [], span.start
    listed = not any(token.lower_ in ("and", "&") for token in span)
    for token in span[:-1]:
        following = span.doc[token.i + 1]
        if is_legal_form(token) and following.lower_ in ("and", "&") and following.i + 1 < span.end:
            parts.append(span.doc[start : token.i + 1])
            start = following.i + 1
        elif listed and token.text == "," and token.i > start:
            parts.append(span.doc[start : token.i])
            start = token.i + 1
    parts.append(span.doc[start : span.end])
    return parts


def _initial_of_a_name(doc: Doc, i: int) -> bool:
    """The 'A' of 'A and W Brands', 'A&P' or 'A C Goode': a capital letter joined to a name, not an article."""
    return doc[i].text == "A" and i + 1 < len(doc) and (doc[i + 1].lower_ in ("and", "&") or _initial(doc[i + 1]))


def _initial(token) -> bool:
    """A single capital letter, with or without its full stop: the 'C' of 'A C Goode'."""
    return len(token.text.rstrip(".")) == 1 and token.text[:1].isupper()


def _number_in_a_name(doc: Doc, i: int, end: int) -> bool:
    """The '1' of 'Pier 1 Imports': a short number between capitalised words of a name."""
    return (
        doc[i].text.isdigit()
        and len(doc[i].text) <= 2
        and i > 0
        and doc[i - 1].text[:1].isupper()
        and doc[i - 1].is_alpha
        and i + 1 < end
        and doc[i + 1].text[:1].isupper()
    )


def trim(span: Span) -> Span | None:
    """The span without leading determiners, trailing possessives and punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and (
        (doc[start].lower_ in ("the", "a", "an", "former", "ex") and not _initial_of_a_name(doc, start))
        or doc[start].lower_ in ("and", "&")
        or doc[start].is_punct
        or doc[start].is_space
        or not doc[start].text[:1].isupper()  # "bank HBOS"
        or (doc[start].lower_ in COMPANY_NOUNS and doc[start].is_sent_start)  # "Conglomerate Tyco International"
    ):
        start += 1
    if end > start + 1 and doc[end - 1].is_alpha and doc[end - 1].is_lower and doc[end - 1].lower_ not in CONNECTORS:
        return None  # "Nordic exchange": a description, whose capitalised word only qualifies it
    while end > start and (
        doc[end - 1].lower_ in ("'s", "'", "’s", "’", "de", "du", "der", "of", "and")
        or doc[end - 1].is_punct
        or doc[end - 1].is_space
    ):
        if doc[end - 1].text in (".",) and end - 1 > start and is_legal_form(doc[end - 2]):
            break
        end -= 1
    if spanish_form_length(doc, start) >= end - start or all(
        is_legal_form(token) or token.is_punct for token in doc[start:end]
    ):
        return None  # "Plc" of "Rio Tinto Ltd/Plc": a legal form alone names no one
    return doc[start:end] if end > start else None


def is_legal_form(token) -> bool:
    """'Inc', 'Plc', 'AG', and the forms of a dual listing ('Ltd./Plc', 'NV/Plc'), capitalised as a form is."""
    return all(_is_legal_form_word(part) for part in token.text.split("/")) if token.text else False


def _is_legal_form_word(text: str) -> bool:
    lower = text.lower()
    if lower.rstrip(".") not in LEGAL_FORMS and lower.replace(".", "") not in LEGAL_FORMS:
        return False
    word = lower.replace(".", "")
    if len(word) <= 2 and word != "co":
        return text.replace(".", "").isupper()
    return text[:1].isupper()


_SPANISH_FORM = (("sab", "sa", "s.a.", "s.a.b."), ("de",), ("cv", "c.v."))


def spanish_form_length(doc: Doc, i: int) -> int:
    """3 where 'SAB de CV' or 'S.A. de C.V.' (a Mexican legal form) starts at token `i`, else 0."""
    if i < 0 or i + 3 > len(doc) or doc[i].lower_ not in _SPANISH_FORM[0]:
        return 0
    words = [token.lower_ for token in doc[i : i + 3]]
    return 3 if len(words) == 3 and all(w in forms for w, forms in zip(words, _SPANISH_FORM, strict=True)) else 0


def ends_in_legal_form(span: Span) -> bool:
    return any(is_legal_form(token) or spanish_form_length(span.doc, token.i) for token in span[1:])


def with_legal_form(span: Span | None) -> Span | None:
    """'Chrysler' followed by 'LLC', 'Kraft Foods' by 'Inc.': the legal form belongs to the name."""
    if span is None:
        return None
    doc, start, end = span.doc, span.start, span.end
    if end < len(doc) - 1 and doc[end].lower_ in ("&", "and") and doc[end + 1].lower_ in ("co", "co.", "sons"):
        end += 2
    end += spanish_form_length(doc, end)
    while end < len(doc) and is_legal_form(doc[end]) and end - span.end < 2:
        end += 1
    if start > 0 and doc[start - 1].text in GROUP_WORDS:
        start -= 1  # "Grupo Mexico", of which the tagger took "Mexico SAB de CV"
    if (
        start >= 2
        and doc[start - 1].lower_ in ("and", "&")
        and doc[start - 2].is_title
        and doc[start - 2].ent_type_ not in ("ORG", "PERSON", "GPE", "NORP", "LOC")
        and not is_legal_form(doc[start - 2])  # "Dow Jones and Co and Telerate Inc": two names
        and (is_legal_form(doc[end - 1]) or any(t.lower_ in ("'s", "’s") for t in doc[start:end]))
    ):
        start -= 2  # "Standard and Poor's Corp", of which the tagger took "Poor's Corp"
    return doc[start:end]


CALENDAR_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS)


def _dated_by_preposition(doc: Doc, i: int) -> bool:
    """'in February', 'on Monday': a month or a day after a preposition is a date ("May Department Stores
    Co" on its own is a name)."""
    return doc[i].lower_.rstrip(".") in CALENDAR_NAMES and i > 0 and doc[i - 1].tag_ == "IN"


def name_before(doc: Doc, end: int) -> Span | None:
    """The capitalised words ending at `end` ("Frayn Printing Co"), connectors allowed inside."""
    start = end
    while start > 0:
        token = doc[start - 1]
        if token.is_space or "\n" in token.text or _dated_by_preposition(doc, start - 1):
            break  # "in February Alder Metals Inc": the date is no part of the name
        shouted_word = (
            token.is_upper
            and token.is_alpha
            and (token.tag_ in ("JJ", "NN", "NNS") or (token.tag_ == "IN" and not token.is_stop))
        )  # the tagger reads a shouted name as anything: "ALASKA AIR GROUP INC" with ALASKA a preposition
        if (
            token.tag_ in ("NNP", "NNPS")
            or shouted_word
            or (token.text[:1].isupper() and token.is_alpha and start == end)
        ):
            start -= 1
        elif token.lower_ in CONNECTORS and start - 1 > 0 and doc[start - 2].text[:1].isupper():
            start -= 1
        elif _number_in_a_name(doc, start - 1, end) or _initial(token):
            start -= 1  # "Pier 1 Imports Inc", "A C Goode and Co"
        else:
            break
    while start < end and (
        doc[start].lower_ in CONNECTORS or (doc[start].lower_ in ("the", "a") and not _initial_of_a_name(doc, start))
    ):
        start += 1
    return doc[start:end] if start < end else None


_SURFACES: dict[str, str] = {}


def surface(span: Span) -> str:
    """The name as written, on one line, without a possessive ending."""
    written = span.text
    surface = _SURFACES.get(written)
    if surface is None:
        if len(_SURFACES) > 50_000:
            _SURFACES.clear()
        surface = _SURFACES[written] = POSSESSIVE_END.sub("", " ".join(written.split()))
    return surface


def name_words(name: str) -> tuple[str, ...]:
    """The words a name is compared by: lower case, without possessive, determiner or legal form."""
    words = re.findall(r"[a-z0-9&]+", re.sub(r"['’]s\b", "", name.lower()).replace(".", ""))
    while words and (words[0] in ("the", "an") or (words[0] == "a" and not (len(words) > 1 and len(words[1]) == 1))):
        words = words[1:]
    while len(words) > 1 and (words[-1] in LEGAL_FORMS or words[-1] == "&"):
        words = words[:-1]
    return tuple(words)


def shouted_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in capitals (a wire headline) in an article that is not all capitals."""
    if capitals(text) > 0.6:
        return []
    lines, offset = [], 0
    for line in text.split("\n"):
        if len(line) >= 6 and capitals(line) > 0.8:
            lines.append((offset, offset + len(line)))
        offset += len(line) + 1
    return lines


_NOT_LETTERS = re.compile(r"[^A-Za-z]+")


def capitals(text: str) -> float:
    letters = _NOT_LETTERS.sub("", text)
    return sum(map(str.isupper, letters)) / len(letters) if len(letters) >= 6 else 0.0


def is_shouted(span: Span, lines: list[tuple[int, int]]) -> bool:
    return any(start <= span.start_char < end for start, end in lines)


def is_shouted_span(span: Span) -> bool:
    letters = [ch for ch in span.text if ch.isalpha()]
    return len(letters) > 3 and all(ch.isupper() for ch in letters)


_PARAGRAPH_DATELINE = re.compile(
    r"(?m)^[A-Z][A-Z.'’ /-]{1,40}(?:,\s*[A-Z][A-Za-z.]{1,12})?(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*"
    r"(?:\([A-Za-z ]+\))?\s*[-–—]\s"
)
"""A roundup's later items open with their own datelines: "SAO PAULO, April 6 -", "WASHINGTON -"."""


def datelines(text: str, dateline: tuple[int, int] | None) -> list[tuple[int, int]]:
    found = [(match.start(), match.end()) for match in _PARAGRAPH_DATELINE.finditer(text)]
    return found + [dateline] if dateline is not None else found


def in_dateline(span, datelines: list[tuple[int, int]]) -> bool:
    start = span.start_char if hasattr(span, "start_char") else span.idx
    return any(first <= start < last for first, last in datelines)
