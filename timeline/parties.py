"""Company names that do not make their company a party to the event around them.

spaCy tags "Airbus" in "Aer Lingus buys Airbus jets" as an organisation, and it is one; but the event is
Aer Lingus's. These rules read the parse around an entity to tell a party from a maker named for its
product, a company named to introduce another, a yardstick, or a speaker's employer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .syntax import governed_by, inflected

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PRODUCT_NOUNS = frozenset(
    "jet jets aircraft airliner airliners jetliner jetliners plane planes airplane airplanes superjumbo "
    "freighter freighters tanker tankers helicopter helicopters car cars vehicle vehicles sedan sedans suv suvs "
    "truck trucks van vans ev evs engine engines phone phones smartphone smartphones handset handsets chip chips "
    "processor processors tablet tablets laptop laptops device devices model models product products".split()
)


ROLE_NOUNS = frozenset(
    "ceo chief executive officer president chairman chairwoman spokesman spokeswoman spokesperson director "
    "official officials executive executives head manager analyst analysts engineer engineers union pilot "
    "pilots employee employees worker workers founder boss vice economist economists strategist strategists "
    "trader traders dealer dealers partner researcher consultant professor fellow representative "
    "representatives source sources staff cfo coo treasurer counsel lawyer attorney veteran veterans alumnus".split()
)


def speaker_affiliation(ent: Span) -> bool:
    """'Northrop Grumman CEO Ron Sugar said', 'a spokesman for the main Airbus union': the company only says
    whom a speaker works for, so a quote is not the company's event."""
    token = ent.root
    for _ in range(3):
        if token.dep_ in ("compound", "nmod", "poss", "pobj", "prep") and token.head.i != token.i:
            token = token.head
            if token.lower_ in ROLE_NOUNS or token.ent_type_ == "PERSON":
                return True
        else:
            return False
    return False


RELATION_NOUNS = frozenset("parent owner rival rivals competitor competitors".split())
"""'Airbus parent EADS', 'the parent company of Airbus', 'Boeing's European rival Airbus': the company
named only to introduce another one."""


def _names_a_relative(ent: Span) -> bool:
    root = ent.root
    if root.dep_ in ("compound", "nmod", "poss"):
        return root.head.lower_ in RELATION_NOUNS
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        owner = root.head.head
        return owner.lower_ in RELATION_NOUNS or any(c.lower_ in RELATION_NOUNS for c in owner.children)
    return False


PUBLISHING_VERBS = inflected("post publish write say announce share tweet confirm reveal broadcast appear")
MESSAGE_NOUNS = frozenset("message messages post posts statement video interview blog page account".split())


def _names_a_medium(ent: Span) -> bool:
    """'A message posted on Friday on LinkedIn', 'confirmed by an official on LinkedIn': the platform a
    statement appeared on carries the news without taking part in it."""
    root = ent.root
    if root.dep_ != "pobj" or root.head.lower_ not in ("on", "via"):
        return False
    carrier = root.head.head
    return carrier.lower_ in PUBLISHING_VERBS | MESSAGE_NOUNS or (
        carrier.dep_ == "agent" and carrier.head.lower_ in PUBLISHING_VERBS
    )


def _model_number(token: Token, any_role: bool = False) -> bool:
    """'787', 'A380', 'SU7' right after a maker's name: a product."""
    if token.ent_type_ in ("DATE", "MONEY", "PERCENT", "QUANTITY") or (any_role and token.ent_type_ == "CARDINAL"):
        return False  # "Airbus' 2 A380s" counts planes
    if not any_role and token.dep_ not in ("nummod", "compound", "appos", "npadvmod"):
        return False
    return token.ent_type_ == "PRODUCT" or bool(re.fullmatch(r"[A-Z]{0,3}-?\d{2,4}[A-Za-z]{0,3}(?:'?s)?", token.text))


VENUE_WORDS = frozenset("exchange nyse nasdaq amex bourse board market markets".split())
ADVISER_NOUNS = frozenset(
    "manager managers underwriter underwriters adviser advisers advisor advisors bookrunner bookrunners "
    "arranger arrangers broker brokers".split()
)
ADVISING_VERBS = inflected("advise manage underwrite arrange") | {"underwritten", "underwrote"}
"""Not "led": "a group led by Robert H. Barker and Co" is led by a party."""
ADVISING_SUBJECT_VERBS = inflected("advise underwrite arrange co-manage co-lead") | {
    *"underwrote co comanaged co-managed co-led".split()
}
"""Not "manage": "Salomon managed the issue" may well be the issuer's own bank acting for itself; but a bank that
co-manages or co-leads an issue is one of several arranging it."""


def names_a_venue(ent: Span) -> bool:
    """'closed at $33.52 on the New York Stock Exchange', 'according to data from the NYSE': the market a
    trade happened on, or a source of figures, takes no part in the company's event."""
    root = ent.root
    words = {token.lower_ for token in ent}
    if root.dep_ == "pobj" and root.head.lower_ in ("on", "at", "from") and words & VENUE_WORDS:
        return True
    if root.dep_ == "poss" and words & VENUE_WORDS:
        return True  # "one of the Nasdaq's top gainers"
    return root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according"


def names_an_adviser(ent: Span) -> bool:
    """'through lead manager Goldman Sachs', 'underwritten by Morgan Stanley', 'JPMorgan advised Nasdaq': a bank that
    arranges or advises on a deal or a bond is not one of its parties."""
    root = ent.root
    if any(child.dep_ == "compound" and child.lower_ in ADVISER_NOUNS for child in root.children):
        return True
    if root.dep_ in ("appos", "compound") and root.head.lower_ in ADVISER_NOUNS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.lower_ in ADVISING_VERBS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "through" and governed_by(root.head.head, OFFERING_WORDS, 3):
        return True  # "an offering of debentures through Thomson McKinnon Securities Inc"
    if root.dep_ == "conj" and root.head.i != root.i:
        return names_an_adviser(ent.doc[root.head.i : root.head.i + 1])  # "... and PaineWebber Inc"
    return root.dep_ == "nsubj" and root.head.lower_ in ADVISING_SUBJECT_VERBS


OFFERING_WORDS = inflected("offer sell issue place price") | frozenset(
    "offering offerings sale issue issues placement debentures notes bonds shares securities paper".split()
)


MAKER_NOUNS = frozenset("maker makers producer producers manufacturer manufacturers brand brands".split())


def names_a_product(ent: Span) -> bool:
    """'the maker of Nescafe coffee', 'the ThinkPad battery recall': a brand or product, not a company."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in MAKER_NOUNS:
        return True
    return root.dep_ == "conj" and names_a_product(ent.doc[root.head.i : root.head.i + 1])


SETTING_BESIDE = frozenset("besides beside unlike except excluding versus vs vs.".split())
"""Prepositions that set something beside the event rather than into it: what is compared with it, added
to it or left out of it ("Unlike Ford, GM raised its forecast"). Not "like": "GM, like Ford, cut jobs" says
Ford did too."""
SETTING_BESIDE_PAIRS = {"from": frozenset({"aside", "apart"}), "to": frozenset({"addition", "compared"})}
"""The same in two words: 'aside from', 'apart from', 'in addition to', 'compared to' (or 'with')."""
NOMINAL_DEPS = frozenset({"compound", "nmod", "poss", "pobj", "appos", "conj", "prep", "amod"})


def set_beside_the_event(ent: Span) -> bool:
    """'Besides the NYSE Euronext deal, Deutsche Boerse has made an offer for ISE', 'Unlike Ford, GM raised its
    forecast': a company in a phrase that compares, adds or excludes something is no party to the event."""
    token = ent.root
    for _ in range(8):
        if token.dep_ == "prep" and _sets_beside(token):
            return True
        if token.dep_ not in NOMINAL_DEPS or token.head.i == token.i:
            return False
        token = token.head
    return False


def _sets_beside(preposition: Token) -> bool:
    word = "to" if preposition.lower_ == "with" else preposition.lower_  # "compared with"
    return word in SETTING_BESIDE or preposition.head.lower_ in SETTING_BESIDE_PAIRS.get(word, ())


def is_bystander(ent: Span) -> bool:
    """Named in the sentence without being a party to its event: see the rules above."""
    return (
        not_a_party(ent)
        or speaker_affiliation(ent)
        or names_a_venue(ent)
        or names_an_adviser(ent)
        or names_a_product(ent)
        or set_beside_the_event(ent)
    )


def not_a_party(ent: Span) -> bool:
    """A company named without taking part: the maker naming a kind of thing ('Airbus jets', 'the Boeing 787
    Dreamliner', unlike 'the Dongfeng Renault joint venture'), a relative introducing another company, the
    platform a statement appeared on ('posted on LinkedIn'), or a yardstick ('more orders than Airbus')."""
    if _names_a_relative(ent) or _names_a_medium(ent):
        return True
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if following is not None and following.lower_ in RELATION_NOUNS | PRODUCT_NOUNS:
        return True  # "Airbus parent EADS", "Airbus superjumbo tour", whatever the parse made of them
    if ent.root.dep_ == "poss" and _model_number(ent.root.head, any_role=True):
        return True  # "Airbus' new A380s"
    if ent.root.dep_ == "pobj" and ent.root.head.lower_ == "than":
        return True  # "more orders than Airbus": a yardstick, not a party
    if any(_model_number(child) for child in ent.root.children if child.i >= ent.end):
        return True  # "Boeing 787 Dreamliner makes maiden flight"
    if ent.root.dep_ not in ("compound", "nmod"):
        return False
    head = ent.root.head
    if head.lower_ in PRODUCT_NOUNS or head.ent_type_ == "PRODUCT":
        return True
    return any(
        child.i != ent.root.i and (child.ent_type_ == "PRODUCT" or (child.like_num and child.dep_ != "nummod"))
        for child in head.children
        if child.dep_ in ("compound", "nmod", "nummod")
    )
