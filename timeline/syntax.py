"""What the dependency parse says about a date's clause: the word the date modifies and the clause's tense.

The pipeline runs no lemmatizer (it costs time and the small model's lemmas add little), so verbs are
recognised by their inflected forms, generated from base words by `inflected`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})


def ents_of(doc: Doc) -> tuple:
    """The document's entities, built once: spaCy builds the tuple again on each `doc.ents`."""
    ents = doc.user_data.get("timeline_ents")
    if ents is None:
        ents = doc.user_data["timeline_ents"] = doc.ents
    return ents


def text_of(doc: Doc) -> str:
    """The document's text, joined once: spaCy joins every token again on each `doc.text`."""
    text = doc.user_data.get("timeline_text")
    if text is None:
        text = doc.user_data["timeline_text"] = doc.text
    return text


IRREGULAR_FORMS = {
    "say": "said", "tell": "told", "sell": "sold", "buy": "bought", "win": "won", "set": "set", "make": "made",
    "write": "wrote written", "hold": "held", "begin": "began begun", "meet": "met",
}  # fmt: skip


def inflected(bases: str) -> frozenset[str]:
    """Every form of these verbs ('plan' gives plans, planned, planning): the pipeline runs no lemmatizer."""
    forms: set[str] = set()
    for base in bases.split():
        if re.search(r"[^aeiou]y$", base):
            forms.update({base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"})
        elif base.endswith("e"):
            stem = base[:-1] if re.search(r"[^aeiou]e$", base) else base
            forms.update({base, base + "s", base + "d", stem + "ing"})
        else:
            forms.update({base, base + "es" if re.search(r"(?:[sxzo]|[cs]h)$", base) else base + "s"})
            forms.update({base + "ed", base + "ing"})
            if re.search(r"[^aeiou][aeiou][bdgmnprt]$", base):  # "planned", though "delivered": both forms
                forms.update({base + base[-1] + "ed", base + base[-1] + "ing"})
        forms.update(IRREGULAR_FORMS.get(base, "").split())
    return frozenset(forms)


FUTURE_GOVERNORS = inflected("expect plan aim intend schedule set due prepare hope")


def governed_by(token: Token | None, words: frozenset[str], steps: int) -> bool:
    """The token, or one of the `steps` words above it in the parse, is one of `words`."""
    for _ in range(steps):
        if token is None:
            return False
        if token.lower_ in words:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def attachment_head(span: Span) -> Token:
    """The verb or noun a date expression modifies: past its preposition, outside the expression."""
    token = span.root
    head = token.head
    if head.i == token.i:
        return token
    while span.start <= head.i < span.end and head.head.i != head.i:
        head = head.head
    if head.dep_ in ("prep", "agent") and head.head.i != head.i:
        return head.head
    return head


SPEECH_VERBS = inflected("say tell report announce state add confirm claim write")
"""Verbs of saying: "Boeing says Tuesday" reports the past, unlike a plain present ("they meet Monday")."""
PERFECT_AUX = frozenset({"has", "have", "had", "'ve", "'d"})
MODAL_AUX = frozenset({"would", "can", "may", "might", "should", "must"})
"""Modals look ahead in news ("may come as early as Tuesday"); with a perfect they look back. Not "could",
as often the past of "can" ("could not be reached Wednesday")."""
SAME_FORM_PAST = frozenset("hurt cut put set hit cost shut quit spread let bid split cast beat burst read".split())
"""Verbs whose past looks like their present, which the tagger often reads as present in past reports."""
NOMINAL_LINKS = frozenset(
    {"pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr", "appos", "compound", "npadvmod", "amod", "poss"}
)
"""Dependencies through which a noun with a date ("the Oct. 23 slaying") takes the tense of its verb."""


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
"""Verb forms that carry their own tense: no auxiliary of another verb reaches them."""


def tense_at(doc: Doc, start: int, end: int) -> str | None:
    """'past', 'future', 'present' (a plain present that is not a report: "they meet Monday"), 'plan' (the
    date of something planned or scheduled, which may lie either side of publication), 'done' (a past
    whose verb the date qualifies itself, so the date cannot lie ahead), or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    head = attachment_head(span)
    through_noun = False
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i or head.dep_ not in NOMINAL_LINKS:
            break
        head, through_noun = head.head, True
    token = head
    for _ in range(3):
        auxiliaries = {child.lower_ for child in token.children if child.dep_ in ("aux", "auxpass")}
        if auxiliaries & PERFECT_AUX and not auxiliaries & FUTURE_AUX:
            return _verb_tense(token, span.start)  # "may have killed", "would have won": past, unless it planned
        if auxiliaries & (FUTURE_AUX | MODAL_AUX) or _headline_future(token, auxiliaries):
            return "future"
        if token.dep_ == "xcomp" and token.head.lower_ in FUTURE_GOVERNORS:
            governor_aux = {child.lower_ for child in token.head.children if child.dep_ in ("aux", "auxpass")}
            return "past" if governor_aux & PERFECT_AUX else "future"  # "had been due to expire Friday"
        if token.dep_ not in ("xcomp", "conj", "pcomp", "prep", "pobj") or token.head.i == token.i:
            break
        if token.dep_ == "conj" and token.tag_ in FINITE_TAGS:
            break  # "would cancel the deal and closed on Jan. 1": a finite conjunct has its own tense
        token = token.head
    tense = _verb_tense(head, span.start)
    if through_noun:
        # "follows Tuesday's declaration": a dated noun does not share its verb's present
        return None if tense == "present" else tense
    if tense == "past" and head.tag_ == "VBD" and head.lower_ not in SPEECH_VERBS:
        return "done"  # "changed to a calendar year in December": the date is of the deed, which is over
    return tense


def _headline_future(verb: Token, auxiliaries: set[str]) -> bool:
    """'Amazon to unveil e-book reader on Monday': a subject and 'to' with no verb above them is a headline's
    future."""
    return "to" in auxiliaries and verb.dep_ == "ROOT" and any(child.dep_ == "nsubj" for child in verb.children)


def _record_set(verb: Token) -> bool:
    """'set on Aug. 6' (a record) rather than 'set for April' or 'set to open' (a plan)."""
    return verb.lower_ == "set" and not any(
        child.dep_ == "xcomp" or (child.dep_ == "prep" and child.lower_ == "for") for child in verb.children
    )


PRESENT_BE = frozenset({"is", "are", "'s", "'re", "am"})
SCHEDULES = inflected("schedule set plan slate due") - {"sets", "setting"}
"""What 'is set for August' and 'is scheduled for Monday' put ahead. Not 'is expected to rise in May': a
forecast may be of a month already over whose figure is not out yet."""


def _compared(verb: Token) -> bool:
    """'Rose less than expected in June', 'as planned': a comparison with a plan, not a plan itself."""
    return verb.i > 0 and verb.doc[verb.i - 1].lower_ in ("than", "as")


def _plans_a_thing(verb: Token, date_at: int) -> bool:
    """'Scheduled a news conference Thursday': a day after the plan verb is the planned thing's. One before
    it ('On Friday, it planned to pay') may be the planning's."""
    return verb.lower_ in FUTURE_GOVERNORS and not _record_set(verb) and date_at > verb.i


def _verb_tense(head: Token, date_at: int) -> str | None:
    auxiliaries = {child.lower_ for child in head.children if child.dep_ in ("aux", "auxpass")}
    if auxiliaries & PERFECT_AUX:
        return "plan" if _plans_a_thing(head, date_at) else "past"
    if head.tag_ == "VBD" and _plans_a_thing(head, date_at):
        return "plan"  # "planned a rally on Saturday": the plan is past, its day may not be
    if head.tag_ == "VBD" or auxiliaries & {"was", "were", "did"}:
        return "past"
    if head.tag_ == "VBN":
        if "to" in auxiliaries or (auxiliaries & PRESENT_BE and head.lower_ in SCHEDULES and date_at > head.i):
            return "future"  # "an interview to be published on Monday", "a trial is set for August"
        if auxiliaries:  # "will be held"
            return None
        # a participle modifying a noun reports what was done ("the record set on Aug. 6") unless it plans
        if head.lower_ in FUTURE_GOVERNORS and not _record_set(head) and not _compared(head):
            return "plan"
        return "past" if head.dep_ in ("acl", "amod") else None
    if head.tag_ in ("VBZ", "VBP") and head.lower_ in FUTURE_GOVERNORS:
        return "future"
    if head.tag_ in ("VBZ", "VBP") and head.lower_ not in SPEECH_VERBS | SAME_FORM_PAST and not auxiliaries:
        return "present"
    if head.tag_ == "VB" and auxiliaries & {"do", "does"}:
        return "present"
    return None
