"""Which company "it", "its", "the company", "the bank" or "we" stands for, as a reader of the article takes it.

The nearest fit wins: a company named as a subject earlier in the same sentence ("Nasdaq said it would
buy OMX"), else the company the story last made a subject, else the article's main company. "We" and
"our" in a quote are the company of the one quoted, else the main company.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .entities import ArticleEntities, Entity

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PRONOUNS = frozenset({"it", "its", "itself"})
FIRST_PERSON = frozenset({"we", "our", "us", "ours"})
COMPANY_NOUNS = frozenset(
    "company companies firm group automaker carmaker maker manufacturer brand giant business venture unit "
    "subsidiary operator airline carrier bank lender insurer retailer chain startup producer supplier "
    "conglomerate utility miner refiner brewer publisher developer builder concern corporation partnership "
    "fund exchange".split()
)
"""Nouns a definite description uses for a company named before: "the company", "the bank"."""
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OTHER_ACTOR_LABELS = frozenset({"ORG", "GPE"})
"""What "it" may stand for besides a company: an organisation the article does not count as one, or a state."""
GENERIC_COMPANY_NOUNS = frozenset({"company", "companies", "business", "corporation", "concern"})
"""'The company' is whatever company the story is about; 'the firm', 'the bank', 'the buyout firm' may say which."""


def is_company_reference(token: Token) -> bool:
    """'it', 'its' or a definite 'the company', 'the Detroit-based automaker'."""
    if token.lower_ in PRONOUNS:
        return True
    if token.lower_ in FIRST_PERSON:
        return True
    return (
        token.lower_ in COMPANY_NOUNS
        and any(child.dep_ == "det" and child.lower_ in ("the", "this") for child in token.children)
        and not any(child.dep_ in ("prep", "acl", "appos") or _restrictive(child) for child in token.children)
        and not any(child.pos_ == "PROPN" and not _place(child) for child in token.children)  # "the group Fortis"
        and not (token.i + 1 < len(token.doc) and token.doc[token.i + 1].pos_ == "PROPN")
    )


def _place(token: Token) -> bool:
    """'U.S.' in "the U.S. aircraft manufacturer": where a company is from describes it, and names no other."""
    return token.ent_type_ in ("GPE", "NORP", "LOC")


def is_subject(span: Span) -> bool:
    """The name is the subject itself ("GM said"), or joined to it ("GM and Ford said", "GM's shares fell"),
    not a word that qualifies it ("a J.D. Power study said")."""
    root = span.root
    if root.dep_ in SUBJECT_DEPS:
        return True
    return root.dep_ in ("conj", "appos", "poss") and root.head.dep_ in SUBJECT_DEPS


def _of_the_subject(span: Span) -> bool:
    """'The head of AXA said the company was coping': the company a subject belongs to is the one it speaks of."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.dep_ in SUBJECT_DEPS


def _in_a_noun_clause(token: Token) -> bool:
    """A word of a relative or participle clause, which says something about a noun, not what happened."""
    return any(ancestor.dep_ in ("relcl", "acl") for ancestor in token.ancestors)


def _description(token: Token) -> set[str]:
    return {token.lower_} | {c.lower_ for c in token.children if c.dep_ in ("compound", "amod")}


def _says_what_kind(token: Token) -> bool:
    """'the buyout firm', 'the online auction company': a description that says more than "the company"."""
    return token.lower_ not in PRONOUNS | FIRST_PERSON and bool(_description(token) - GENERIC_COMPANY_NOUNS)


def _restrictive(clause: Token) -> bool:
    """'the company that makes X' picks a company out; 'the airline, which is ...' refers back to one."""
    return clause.dep_ == "relcl" and not (clause.left_edge.i > 0 and clause.doc[clause.left_edge.i - 1].text == ",")


class References:
    """Reads an article sentence by sentence and resolves company references against what came before."""

    def __init__(self, entities: ArticleEntities):
        self._entities = entities
        self._last_subject: Entity | None = None
        self._last_actor_no_company = False
        self._just_named: Entity | None = None

    def resolve(self, token: Token, sentence: Span) -> Entity | None:
        if token.lower_ in FIRST_PERSON:
            speaker = self._speaker_company(sentence)
            return speaker or self._entities.main
        described = self._described(token)
        if described is not None:
            return described
        earlier = [
            (span.root.i, entity)
            for entity, span in self._entities.mentions_in(set(range(sentence.start, token.i)))
            if is_subject(span) or _of_the_subject(span)
        ]
        if token.lower_ in PRONOUNS:
            other = self._other_actor(sentence, token.i)
            if other is not None and (not earlier or other > earlier[-1][0]):
                return None  # "The IMF said it would lend": it is the IMF, no company
        if earlier:
            return earlier[-1][1]
        if self._just_named is not None and _says_what_kind(token):
            return self._just_named  # "... hurt every dealer, including eBay. The online auction company's sales"
        if token.lower_ in PRONOUNS and self._last_actor_no_company:
            return None
        return self._last_subject or self._entities.main

    def _other_actor(self, sentence: Span, before: int, main_clause: bool = False) -> int | None:
        """The last subject before `before` that names an organisation or a state the article does not count
        as a company (a fund, a regulator, a government), if any; with `main_clause`, only one the sentence is
        about, not one of a clause that qualifies a noun ("The investment, which the court approved, ...")."""
        found = None
        for token in sentence.doc[sentence.start : before]:
            if (
                token.dep_ in SUBJECT_DEPS
                and token.ent_type_ in OTHER_ACTOR_LABELS
                and token.i not in self._entities.by_token
                and not (main_clause and _in_a_noun_clause(token))
            ):
                found = token.i
        return found

    def _described(self, token: Token) -> Entity | None:
        """'the buyout firm' is the company the article described as one ("buyout firm Cerberus"), when the
        words say more than "company" or "firm"."""
        if not _says_what_kind(token):
            return None
        words = _description(token)
        scored = sorted(
            (
                (len(words & entity.descriptions - GENERIC_COMPANY_NOUNS), entity.first, entity)
                for entity in self._entities.companies
                if entity.first < token.idx
            ),
            key=lambda item: item[:2],
        )
        if not scored or scored[-1][0] == 0 or (len(scored) > 1 and scored[-2][0] == scored[-1][0]):
            return None  # described as no one, or as several alike
        return scored[-1][2]

    def observe(self, subject_company: Entity | None, sentence: Span) -> None:
        """The company this sentence made its subject, if any: the antecedent of the next reference. A
        sentence whose subject is another organisation ("The IMF agreed ...") makes the next "it" that one."""
        self._just_named = None
        if subject_company is not None:
            self._last_subject = subject_company
            self._last_actor_no_company = False
        elif self._other_actor(sentence, sentence.end, main_clause=True) is not None:
            self._last_actor_no_company = True
        else:
            self._just_named = self._only_company_in(sentence)

    def heading(self, heading: Span) -> None:
        """A section heading that names one company ("FIRST SOLAR INC CHAIRMAN MICHAEL AHEARN") opens that
        company's section: its "the company", "it" and "the solar cell maker" are that one."""
        self._just_named = None
        named = self._only_company_in(heading)
        if named is not None:
            self._last_subject = named
            self._last_actor_no_company = False

    def _only_company_in(self, span: Span) -> Entity | None:
        """The one company the span names, or None when it names none or several."""
        named = {entity for entity, _ in self._entities.mentions_in(set(range(span.start, span.end)))}
        return named.pop() if len(named) == 1 else None

    def _speaker_company(self, sentence: Span) -> Entity | None:
        for entity, span in self._entities.mentions_in(set(range(sentence.start, sentence.end))):
            token = span.root
            for _ in range(3):
                if token.head.i == token.i:
                    break
                token = token.head
                if token.ent_type_ == "PERSON" or token.dep_ in SUBJECT_DEPS:
                    return entity
        return None
