"""The clauses of a parsed sentence: its event's verb, the words that belong to that verb's clause, and who
its subject is. Read from spaCy's dependency parse; a clause leaves out what is embedded in it (relative,
adverbial and complement clauses, coordinated verbs) and keeps a subject it shares with its governor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .syntax import inflected

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
REPORTING_VERBS = inflected("say tell report announce state add confirm disclose reveal note comment explain")
TIME_CLAUSE_MARKS = frozenset({"when", "as", "after", "once", "before"})
"""'When the Air Force selected Northrop on February 29, Boeing challenged the award': the main clause
happened at the time clause's date."""


def predicate(root: Token) -> tuple[Token, Token | None]:
    """The event's verb and the verb that reports it: 'Ford said its sales rose' gives ('rose', 'said')."""
    if root.lower_ in REPORTING_VERBS:
        content = next((child for child in root.children if child.dep_ == "ccomp"), None)
        if content is not None:
            return content, root
    return root, None


def antecedent_of(verb: Token, span: Span) -> bool:
    """'North Fork, which was acquired by Capital One': what a relative clause tells is about its antecedent,
    whatever role the antecedent plays outside it ("CEO of North Fork")."""
    return verb.dep_ == "relcl" and span.root.i == verb.head.i


IMPLICIT_SUBJECTS = frozenset({"one", "ones", "which", "that", "who", "it", "they"})


def subject_is_implicit(verb: Token) -> bool:
    """A relative or pronoun subject ("the same one that started ..."): the clause is about what the
    sentence is about."""
    subject = own_subject(verb)
    if subject is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        return verb.head.lower_ in IMPLICIT_SUBJECTS or verb.head.pos_ == "NOUN"
    return subject.lower_ in IMPLICIT_SUBJECTS


def subject_tokens(verb: Token) -> set[int]:
    subject = own_subject(verb) or shared_subject(verb)
    return {token.i for token in subject.subtree} if subject is not None else set()


def time_clauses(predicate: Token) -> set[int]:
    tokens: set[int] = set()
    for child in predicate.children:
        if child.dep_ == "advcl" and any(
            mark.dep_ in ("mark", "advmod") and mark.lower_ in TIME_CLAUSE_MARKS for mark in child.children
        ):
            tokens |= clause_tokens(child)
    return tokens


BACKGROUND_AUX = frozenset({"had", "'d"})


def background(predicate: Token) -> bool:
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
    subject = shared_subject(head)
    if subject is not None:
        tokens.update(t.i for t in subject.subtree)
    if head.dep_ == "relcl" and _relative_pronoun(head) is not None:
        antecedent = head.head  # "Airbus, which has out-sold Boeing since 2003", "Merrill, which it acquired"
        tokens.add(antecedent.i)
        if antecedent.dep_ == "appos":
            tokens.add(antecedent.head.i)
    return tokens


RELATIVE_ROLES = frozenset({"nsubj", "nsubjpass", "dobj"})


def _relative_pronoun(clause: Token) -> Token | None:
    """The 'which', 'that' or 'who' a relative clause stands on, as its subject or its object."""
    return next((c for c in clause.children if c.dep_ in RELATIVE_ROLES and c.tag_ in ("WDT", "WP")), None)


def _infinitive(clause: Token) -> bool:
    """'a deal to buy Oregon Steel', 'made a deal to buy Oregon Steel': a purpose, part of its clause."""
    return clause.dep_ in ("acl", "advcl") and any(
        child.dep_ == "aux" and child.lower_ == "to" for child in clause.children
    )


def party_clauses(predicate: Token, reporter: Token | None) -> set[int]:
    """Where a sentence's parties are: the event's clause, the verbs coordinated with it ('failed to win
    ... but still owns'), and what a verb other than a reporting one reports (the parser often makes
    'Pearl announced a bid, topping a deal agreed between ...' hang on 'agreed')."""
    tokens = clause_tokens(predicate)
    for child in predicate.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and own_subject(child) is None:
            tokens |= clause_tokens(child)
        if reporter is None and child.dep_ == "ccomp":
            tokens |= clause_tokens(child)
        if is_cause(child):
            tokens |= clause_tokens(child)
    return tokens


def coordinated_events(*verbs: Token | None) -> set[int]:
    """'Tenaris said it would buy Hydril and in January Nucor agreed to buy Harris Steel': a verb joined to
    the event's (or its reporting verb) with a subject of its own tells another event, whole."""
    return {
        token.i
        for verb in verbs
        if verb is not None
        for child in verb.children
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and own_subject(child) is not None
        for token in child.subtree
    }


CAUSE_MARKS = frozenset({"after", "following"})


def is_cause(clause: Token) -> bool:
    """'PepsiCo rose 2 percent after agreeing to buy its two bottlers': what a market move follows is news."""
    return clause.dep_ in ("advcl", "prep") and (
        clause.lower_ in CAUSE_MARKS
        or any(c.dep_ in ("mark", "prep") and c.lower_ in CAUSE_MARKS for c in clause.children)
    )


def own_subject(verb: Token) -> Token | None:
    return next((child for child in verb.children if child.dep_ in SUBJECT_DEPS), None)


def shared_subject(head: Token) -> Token | None:
    """The subject of a verb that has none of its own: its governor's, or the noun a participle modifies."""
    token = head
    for _ in range(4):
        if own_subject(token) is not None:
            return own_subject(token) if token is not head else None
        if token.dep_ in ("acl", "relcl"):
            return token.head
        if _reduced_relative(token):
            return _noun_before(token)
        if token.dep_ not in ("xcomp", "conj", "advcl", "pcomp") or token.head.i == token.i:
            return None
        token = token.head
    return None


def _reduced_relative(verb: Token) -> bool:
    """'a stake in the Dubai exchange, set up by the government in 2005': a bare participle after a comma that
    the parser joined to an active verb modifies the noun before it, as 'which was set up' would."""
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and verb.head.tag_ != "VBN"
        and not any(child.dep_ in ("aux", "auxpass", "cc") for child in verb.children)
        and not any(child.dep_ == "cc" for child in verb.head.children if child.i < verb.i)
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
    )


def _noun_before(verb: Token) -> Token | None:
    """The noun phrase the participle follows: past the comma and a closing bracket ('Exchange (DIFX),')."""
    index = verb.i - 1
    while index >= 0 and verb.doc[index].is_punct:
        index -= 1
    if index < 0 or verb.doc[index].pos_ not in ("NOUN", "PROPN"):
        return None
    noun = verb.doc[index]
    while noun.dep_ in ("appos", "compound") and noun.head.i > noun.i - 8 and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun
