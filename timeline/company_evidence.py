"""Company or not: what the names and the contexts of an article's entity say for or against it being one.

An entity is judged once per article from all its mentions, so one good mention ("Brooklyn Union Gas
Co") rescues the short ones and a person's reading ("Mr. Volcker", "Paul Volcker") sinks them. Strong
evidence (a legal form, a ticker, a known company) always wins over these word lists: a list never rejects
a name that carries a legal form or that the gazetteer knows.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from .companies import NEWS_AGENCIES
from .syntax import inflected

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

BODY_HEADS = frozenset(
    "commission ministry minister government parliament congress senate council agency administration "
    "authority authorities department bureau court police army navy union association federation institute "
    "university college school party league committee organisation organization board office assembly "
    "embassy republic kingdom state states municipality club team foundation chamber society academy "
    "church military regulator tribunal nations secretariat treasury customs plant factory terminal "
    "airport station port mine refinery site summit conference forum award prize house senate reserve "
    "exchequer cabinet coalition opposition movement front alliance workers employees agreement accord pact "
    "treaty act force show fair exhibition festival record subcommittee tax programme program scheme project "
    "initiative vehicle satellite rocket amounts".split()
)
"""Words that make a name a public body, association, team or facility when they head it: the last word
("the Federal Trade Commission") or the word before "of" ("Ministry of Finance", "House of Commons"). Inside
a name they do not: "Union Pacific", "Brooklyn Union Gas", "State Street". Things heading a name (a programme,
a scheme, a vehicle, a tax) make it no company either."""

INSTRUMENT_WORDS = frozenset("treasuries treasury bonds bond futures notes bills gilts bunds shares stocks".split())
INDEX_WORDS = frozenset("index indexes indices average composite stoxx nikkei ftse dax cac kospi sensex topix".split())
"""Stock indexes are quoted, never act: "the Nikkei average", "the Dow Jones industrial average"."""

UNIT_WORDS = frozenset(
    "net dlrs dlr cts ct pct mln bln tonnes tonne tons ton shr shrs qtr qtrs mths oper revs div dividend "
    "avg bbl bpd barrels yen marks francs stg pesos rupees euros usd gmt est edt vat gdp cpi ppi ipo eps "
    "ceo cfo coo chairman president note notes bond bonds shares stock stocks rate rates sales profit loss "
    "year quarter".split()
)
"""Words of wire-story tables and jargon that the tagger reads as names when they are shouted."""

PERSON_TITLES = frozenset(
    "mr mrs ms miss dr sir lord lady sen senator rep gov governor president prime minister chairman chairwoman "
    "secretary judge justice gen general col prince king queen sheikh pope ceo cfo coo chief executive analyst "
    "director spokesman spokeswoman economist strategist founder co-founder vice".split()
)


@lru_cache(maxsize=1)
def public_bodies() -> frozenset[str]:
    """Names of public bodies no word rule finds (central banks, intergovernmental bodies, agencies known by
    their acronyms), from the shipped list, lower case."""
    text = resources.files("timeline").joinpath("data/public_bodies.txt").read_text(encoding="utf-8")
    return frozenset(" ".join(_words(line)) for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _words(name: str) -> list[str]:
    return re.findall(r"[a-z0-9&]+", name.lower().replace("'s", ""))


def is_listed_public_body(name: str) -> bool:
    """A public body the shipped list names: no legal form makes it a company ("Commodity Credit Corp")."""
    return _listed(_words(name))


def _listed(words: list[str]) -> bool:
    key = " ".join(words)
    return key in public_bodies() or key.removeprefix("the ") in public_bodies()


def is_public_body(name: str) -> bool:
    """A government, ministry, central bank, regulator, court, party, intergovernmental body or facility."""
    words = _words(name)
    while len(words) > 1 and words[-1].isdigit():
        words = words[:-1]  # "Plant 2", "Terminal 5"
    if not words:
        return False
    if _listed(words):
        return True
    key = " ".join(words)
    if words[-1] in INSTRUMENT_WORDS and (len(words) > 1 or words[-1] in ("treasuries", "gilts", "bunds")):
        return True  # "U.S. Treasuries", "Brent futures": traded things, not traders
    if words[-1] in BODY_HEADS or "fed" in words or "federal reserve" in key:
        return True
    return any(
        word in BODY_HEADS and following in ("of", "for", "on")
        for word, following in zip(words, words[1:], strict=False)
    )


def is_index(name: str) -> bool:
    """'the Nikkei average', 'the S&P 500', and 'the Dow' or 'the Nasdaq' named alone."""
    words = _words(name)
    if words in (["dow"], ["nasdaq"]):
        return True
    return any(word in INDEX_WORDS for word in words) or bool(re.search(r"(?i)\b(?:s&p|ftse|dj)\s*\d+\b", name))


def is_news_agency(name: str) -> bool:
    return " ".join(_words(name)) in NEWS_AGENCIES


MEDIA_HEADS = frozenset(
    "journal times post news telegraph herald tribune gazette daily magazine weekly globe chronicle observer "
    "guardian shimbun economist barron's barron blog newswire newswires wire tv television radio".split()
)
"""Newspapers, broadcasters and blogs are credited as sources of a report, not actors in it."""


def is_media(name: str) -> bool:
    words = _words(name)
    return bool(words) and (words[-1] in MEDIA_HEADS or " ".join(words) in ("financial times", "wall street journal"))


def is_unit_word(name: str) -> bool:
    words = _words(name)
    return len(words) == 1 and words[0] in UNIT_WORDS


def before_index_word(span: Span) -> bool:
    """'the Bovespa index', 'the Nikkei average': a name that heads an index is the index's."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in ("index", "average", "composite", "sub-index")


ROLE_WORDS = frozenset(
    "chairman chairwoman chief ceo cfo president director spokesman spokeswoman analyst economist strategist "
    "executive officer founder minister secretary governor head trader manager partner professor".split()
)
"""An appositive role says a name is a person's: "Soud Ba'alawy, the firm's deputy chairman"."""


def described_as_a_person(span: Span) -> bool:
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


def description_words(span: Span) -> set[str]:
    """The words that describe a name where it is written: 'buyout firm Cerberus' gives {buyout, firm};
    'United Rentals, an equipment rental company' gives {equipment, rental, company}."""
    root = span.root
    nouns = [
        child
        for child in root.children
        if child.dep_ in ("compound", "appos") and child.i not in range(span.start, span.end) and not _based_in(child)
    ]
    if root.dep_ == "appos":
        nouns.append(root.head)
    words = set()
    for noun in nouns:
        if noun.pos_ not in ("NOUN", "ADJ"):
            continue
        words.add(noun.lower_)
        words.update(t.lower_ for t in noun.children if t.dep_ in ("compound", "amod") and t.is_alpha)
    return words


def _based_in(noun) -> bool:
    """'the Charlotte, North Carolina-based bank': the name before it is where the company is, not the company
    (the parser may hang the noun on the place as its appositive)."""
    return any(child.lower_ == "based" or child.lower_.endswith("-based") for child in noun.children)


def names_a_base(span: Span) -> bool:
    """'The Oak Brook, Illinois-based company', 'the Detroit-based automaker': the place a company is based in."""
    doc = span.doc
    following = [token.lower_ for token in doc[span.end : span.end + 5]]
    if following[:1] == [","] and len(following) > 1:
        following = following[2:]  # ", Illinois-based"
    return following[:2] == ["-", "based"] or (following[:1] and following[0].endswith("-based"))


def described_as_a_company(span: Span) -> bool:
    """'British insurer Pearl', 'buyout firm Cerberus', 'Pearl, the insurer', 'shares of Pearl', 'London-based
    Pearl': a company."""
    doc, root = span.doc, span.root
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in COMPANY_NOUNS and before.dep_ in ("compound", "nmod", "amod"):
        return True
    if before is not None and (before.lower_ == "based" or before.lower_.endswith("-based")):
        return True  # "U.S.-based NanoDynamics": where a company is based is said of companies
    if any(
        child.dep_ in ("compound", "appos") and child.lower_ in COMPANY_NOUNS and not _based_in(child)
        for child in root.children
    ):
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


PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})


def referred_to_as_a_person(span: Span) -> bool:
    """'Benmosche told the paper that 10 people reporting directly to him ...': a subject its own sentence
    calls "he" or "she" is a person."""
    if span.root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return any(token.lower_ in PERSONAL_PRONOUNS for token in span.sent[span.end - span.sent.start :])


def speaks_as_it(root) -> bool:
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


DEAL_VERB_FORMS = inflected("buy acquire purchase merge sell")
DEAL_NOUNS = frozenset("acquisition acquisitions purchase takeover merger buyout bid sale".split())


def takes_part_in_a_deal(root) -> bool:
    """'Nucor agreed to buy Canada's Harris Steel Group', 'Rio's acquisition of Alcan': a side of a purchase or a
    merger, which organisations are far more often than anything else the tagger calls one."""
    head = root.head
    if root.tag_ == "NNPS" or any(child.dep_ == "nummod" for child in root.children):
        return False  # "the purchase of 22 new Boeing 787 Dreamliners": things counted are products
    if root.dep_ == "nsubj":
        verbs = [head, *(child for child in head.children if child.dep_ == "xcomp")]
        return any(verb.lower_ in DEAL_VERB_FORMS for verb in verbs)
    if root.dep_ == "dobj":
        return head.lower_ in DEAL_VERB_FORMS
    if root.dep_ == "pobj" and head.lower_ in ("of", "for", "with"):
        return head.head.lower_ in DEAL_NOUNS
    return root.dep_ == "poss" and head.lower_ in DEAL_NOUNS


def deal_buyers(root: Token) -> list[Token]:
    """The other side of a deal in which the name is what is bought or merged: 'Mittal Steel's purchase of
    Arcelor', 'the acquisition of Alcan by Rio', 'Nucor agreed to buy Harris', 'Rio's merger with Alcan'. The
    tokens that name the buyer or partner; none when the name is not the bought side."""
    head = root.head
    if root.tag_ == "NNPS" or any(child.dep_ == "nummod" for child in root.children):
        return []  # "the purchase of 22 Boeing 787s": things counted are products
    if root.dep_ == "pobj" and head.lower_ in ("of", "for", "with") and head.head.lower_ in DEAL_NOUNS:
        deal = head.head
        buyers = [child for child in deal.children if child.dep_ == "poss"]
        for preposition in deal.children:
            if preposition.dep_ in ("prep", "agent") and preposition.lower_ in ("by", "with") and preposition != head:
                buyers += [child for child in preposition.children if child.dep_ == "pobj"]
        return buyers
    if root.dep_ == "dobj" and head.lower_ in DEAL_VERB_FORMS:
        verb = head
        while not any(child.dep_ == "nsubj" for child in verb.children) and verb.dep_ in ("xcomp", "conj"):
            verb = verb.head  # "Nucor agreed to buy Harris"
        return [child for child in verb.children if child.dep_ == "nsubj"]
    return []


def coordinated_names(root: Token) -> list[Token]:
    """The names a name is coordinated with: 'Visa, MasterCard Inc. and others colluded', 'Lac Minerals Ltd and
    Cambior Inc said'. Names joined by 'and' or a comma play the same part in the sentence, so they are the same
    kind of thing."""
    first = root
    while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ == "PROPN":
        first = first.head
    if first.pos_ != "PROPN" or first.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return []  # "the Ford and GM plants" names kinds of plant; only sides that act or are acted on count
    group = [first]
    stack = [first]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ == "conj" and child.pos_ == "PROPN":
                group.append(child)
                stack.append(child)
    return [token for token in group if token.i != root.i]


def titled(span: Span) -> bool:
    """'Mr. Volcker', 'President Reagan': a person, whatever the tagger says."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.text.rstrip(".").lower() in PERSON_TITLES and before.text[:1].isupper()
