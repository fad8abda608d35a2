"""Is a sentence's clause worth a line on the timeline? Only when a company does, reports, plans or undergoes
something: results, deals, launches, job cuts, filings, rulings, appointments, dividends, debt issues.

The predicate is the clause's verb, or what a company's reporting verb reports ("Ford said its sales
rose": "rose"). The clause is worth a line when its verb or one of its nouns names a business event and a
company takes part; not when it only quotes an opinion, reports no comment, describes a company, gives a
third party's forecast or figures, tells what has been going on, or moves a share price or an index.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .clauses import is_cause
from .syntax import inflected, text_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

EVENT_VERBS = inflected(
    "buy acquire sell merge agree sign launch open close shut cut slash raise lower boost reduce trim report post "
    "earn lose file sue settle rule fine approve reject appoint name hire resign retire quit pay declare issue "
    "offer price list delist suspend halt win award order plan restate recall invest spend borrow lend default "
    "restructure emerge exit enter expand build complete finalize terminate extend renew delay postpone withdraw "
    "bid propose announce unveil introduce release ship deliver produce form establish create found set "
    "eliminate lay fire replace promote split repurchase redeem sell-off divest spin acquire take receive "
    "obtain secure raise charge indict convict plead ban block clear downgrade upgrade rate cut forecast "
    "project guide warn expect estimate predict see target lift hike freeze scrap drop abandon end start begin "
    "resume stop tender accept decline rise fall climb jump slip increase decrease grow shrink surge plunge "
    "tumble soar gain narrow widen swing double triple top beat miss book record sign reach pledge commit "
    "file seek talk negotiate discuss consider study explore weigh hold meet partner team join invest "
    "award contract export import supply manufacture employ consolidate protest challenge appeal contest "
    "deny confirm defeat outbid",
)
"""Verbs that, with a company taking part, report something it did, reported, planned or underwent."""

EVENT_NOUNS = frozenset(
    "deal deals agreement agreements acquisition acquisitions merger mergers takeover takeovers bid bids offer "
    "offers stake stakes investment investments sale sales purchase results result profit profits loss losses "
    "earnings revenue revenues income dividend dividends split buyback repurchase layoffs jobs cuts cut "
    "bankruptcy lawsuit suit charges settlement fine fines penalty rating ratings outlook forecast forecasts "
    "guidance contract contracts order orders talks negotiations partnership venture alliance plant plants "
    "factory factories store stores ipo offering bond bonds notes loan loans debt financing resignation "
    "appointment strike recall writedown writedowns charge charges output production shipments deliveries "
    "launch expansion restructuring program plan plans shares dividends payout net quarter award".split()
)
"""Nouns of business events: "a 53 percent drop in sales", "the $3.7 billion deal"."""

OPINION_VERBS = inflected("think believe expect forecast predict estimate see reckon suggest speculate hope fear worry")
SPEECH_VERBS = inflected("say tell add note comment explain argue warn write")
NO_NEWS = re.compile(
    r"(?i)\b(?:declined|refused|would\s+not|wouldn't|could\s+not\s+be\s+reached|not\s+(?:immediately\s+)?"
    r"(?:available|reachable)|did\s+not\s+(?:immediately\s+)?(?:return|respond|comment)|no\s+comment|"
    r"was\s+not\s+immediately\s+clear|unclear|declined\s+to\s+(?:comment|elaborate|say))\b"
)
"""'declined to comment', 'could not be reached', 'did not return calls': nothing happened."""
MARKET_NOUNS = frozenset("shares stock stocks index indexes indices market markets futures prices price".split())
MOVE_VERBS = inflected(
    "rise fall climb jump slip gain lose drop surge plunge tumble soar close trade open edge advance add shed slide "
    "dive sink rally retreat decline ease dip slump rebound"
)
BE_FORMS = frozenset({"is", "are", "was", "were", "'s", "'re"})


ANNOUNCING_VERBS = inflected("announce disclose unveil confirm")
NEWS_SOURCES = frozenset("report reports source sources paper papers newspaper newspapers media filing".split())
"""A headline told on the authority of a report or sources carries news; one on a name's authority, a view."""


def headline_worth(headline: Span) -> bool:
    """A headline in someone else's voice names a business event, or is only their view: a named source
    after a colon ("Disney stands out for stability, discipline: Barron's") with no business event in the
    claim, or a claim whose only predicate is in quotation marks ("Fannie, Freddie nationalization
    'inevitable'"). "Cerberus drops out of race for N. Rock: report" is news told on a report's authority."""
    tokens = list(headline)
    colon = max((t.i for t in tokens if t.text == ":"), default=None)
    if colon is not None:
        source = [t for t in tokens if t.i > colon]
        claim = [t for t in tokens if t.i < colon]
        named = source and all(t.pos_ == "PROPN" or t.tag_ == "POS" for t in source)
        if named and not any(t.lower_ in NEWS_SOURCES for t in source) and not _names_an_event(claim):
            return False
    inside = _quoted_tokens(headline)
    if inside and not any(t.pos_ in ("VERB", "AUX") for t in tokens if t.i not in inside):
        return _names_an_event([t for t in tokens if t.i not in inside])
    return True


def _names_an_event(tokens: list[Token]) -> bool:
    return any(t.lower_ in EVENT_VERBS or t.lower_ in EVENT_NOUNS or t.lower_ in RESULT_NOUNS for t in tokens)


QUOTE_MARKS = frozenset({'"', "“", "”"})


def _quoted_tokens(span: Span) -> set[int]:
    return {token.i for token in span if token.text not in QUOTE_MARKS and quoted(span.doc, token.idx)}


def worth_a_line(
    sentence: Span,
    predicate: Token,
    reporter: Token | None,
    party_subject: bool,
    company_reports: bool,
    dated: bool,
    companies: Sequence[Span] = (),
) -> bool:
    """True when the clause on `predicate` (reported by `reporter`, if any) is a company event.

    `party_subject`: a party company is the subject of the clause or of its reporting verb;
    `company_reports`: the reporting verb's subject is a company; `dated`: the clause carries a date;
    `companies`: where the sentence names the companies of the line.
    """
    if NO_NEWS.search(sentence.text):
        return False
    if companies and not party_subject and all(source_of_figures(span, predicate) for span in companies):
        return False  # "Macau's gaming revenue doubled, according to a prospectus from Wynn Macau": its figures
    if companies and all(named_as_example(span) for span in companies):
        return False  # "automakers, dealers and every company in the sector, including eBay": a class, not eBay
    if quoted(sentence.doc, predicate.idx):
        return False  # someone's words, not a reported deed
    if predicate.lower_ in OPINION_VERBS and not (party_subject and _about_itself(predicate)):
        return False  # a view of the market ("Edmunds.com estimated incentives rose"), not of its own business
    if reporter is not None and not company_reports and _observers(reporter):
        return False  # "some analysts say GM overproduced SUVs": a view of the company, not its news
    if _speculation(predicate) and not company_reports and not (party_subject and dated and _scheduled(predicate)):
        return False  # "the deal would boost Panasonic", "analysts say Nestle will buy"
    if company_reports and reporter is not None and reporter.lower_ in ANNOUNCING_VERBS:
        return True  # "Ryanair announced that it is exercising its options": a company's announcement is news
    if _description(predicate, dated) or _holding(predicate) or _lasting(predicate):
        return False
    if _price_move(predicate) and not any(is_cause(child) for child in predicate.children):
        return False
    tokens = _clause(predicate) + [t for child in predicate.children if is_cause(child) for t in child.subtree]
    if predicate.lower_ in EVENT_VERBS or any(token.lower_ in EVENT_VERBS and token.pos_ == "VERB" for token in tokens):
        return True
    return any(token.lower_ in EVENT_NOUNS for token in tokens)


SOURCE_NOUNS = frozenset(
    "data figures report reports study studies survey surveys estimate estimates research prospectus poll "
    "statistics index ranking rankings tally count analysis".split()
)
"""What a third party publishes: figures 'according to' it are its findings, not its deeds."""
PUBLISHING_VERBS = inflected("release publish compile")
SOURCE_STEPS = 6


def source_of_figures(span: Span, predicate: Token) -> bool:
    """The company is named only as where the figures come from: 'according to Edmunds.com', 'data from
    MortgageDaily.com', 'the Harbour Report, released by Harbour Consulting', 'a prospectus from Wynn Macau'."""
    token = span.root
    for _ in range(SOURCE_STEPS):
        head = token.head
        if token.lower_ == "according":
            return True
        if head.i == token.i or head.i == predicate.i:
            return False
        if head.lower_ in SOURCE_NOUNS and token.dep_ in ("prep", "acl", "compound", "poss", "nmod"):
            return True
        if token.dep_ == "agent" and head.lower_ in PUBLISHING_VERBS:
            return True  # "the Harbour Report, released by Harbour Consulting"
        token = head
    return False


EXAMPLE_MARKS = frozenset({"like", "including", "as"})
CLASS_NOUNS = frozenset({"sector", "industry", "company", "market", "business", "trade"})
"""A class named in the singular: 'every company in the automotive sector, including eBay'."""


def named_as_example(span: Span) -> bool:
    """The company is an example of a class the sentence talks about ('financial groups such as Citigroup',
    'retailers like Aeropostale', 'every company in the sector, including eBay'): what it says is about the
    class, not an event of the company."""
    token = span.root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ != "pobj" or token.head.lower_ not in EXAMPLE_MARKS:
        return False
    mark = token.head
    if mark.lower_ == "as" and not any(child.lower_ == "such" for child in mark.children):
        return False
    return mark.head.tag_ == "NNS" or mark.head.lower_ in CLASS_NOUNS


OBSERVERS = frozenset(
    "analyst analysts economist economists expert experts observer observers critic critics strategist "
    "strategists commentator commentators investors traders pundits skeptics".split()
)


def _observers(reporter: Token) -> bool:
    """The reporting verb's subject is unnamed people who watch companies ("analysts", "some economists",
    "two traders in Jakarta"), not a named person who may pass on news ("analyst Brad Hintz said")."""
    subject = next((c for c in reporter.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subject is not None
        and subject.lower_ in OBSERVERS
        and not any(child.dep_ == "appos" and child.pos_ == "PROPN" for child in subject.children)
    )


SELF_WORDS = frozenset({"it", "its", "itself", "they", "their", "we", "our", "us"})


def _about_itself(predicate: Token) -> bool:
    """What a company expects or estimates is its own business only when the clause says so ("Nestle
    expects its sales to rise", "GM forecast a loss"), or names what it forecasts (a result noun)."""
    if any(child.dep_ == "xcomp" for child in predicate.children):
        return True  # "Hormel expects to earn": what the subject itself will do
    subject = {t.i for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    rest = [t for t in predicate.subtree if t.i not in subject and t.i != predicate.i]
    return any(t.lower_ in SELF_WORDS or t.lower_ in RESULT_NOUNS for t in rest)


RESULT_NOUNS = frozenset(
    "profit profits loss losses earnings revenue revenues sales income results margin margins growth "
    "output production shipments deliveries dividend charge writedown".split()
)


def _clause(predicate: Token) -> list[Token]:
    """The predicate's words, not those of clauses inside it."""
    out, stack = [], [predicate]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(child for child in token.children if child.dep_ not in ("relcl", "advcl", "ccomp", "parataxis"))
    return out


def quoted(doc, offset: int) -> bool:
    """The text at `offset` stands inside quotation marks opened earlier in its paragraph."""
    text = text_of(doc)
    start = text.rfind("\n", 0, offset) + 1
    before = text[start:offset]
    return (before.count('"') + before.count("“") + before.count("”")) % 2 == 1 or before.count("“") > before.count("”")


MODALS = frozenset({"would", "could", "might", "may", "should", "must", "ca", "can"})
FUTURE = frozenset({"will", "'ll", "wo", "shall"})


def _speculation(predicate: Token) -> bool:
    """A modal or future clause: only a company's own announcement makes it news."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS | FUTURE for c in predicate.children)


HEDGES = frozenset({"likely", "probably", "possibly", "perhaps", "reportedly"})


def _scheduled(predicate: Token) -> bool:
    """'Boeing will begin production in 2006': a company's dated 'will', unhedged, is its plan, not a guess."""
    auxiliaries = {c.lower_ for c in predicate.children if c.dep_ in ("aux", "auxpass")}
    hedged = any(c.lower_ in HEDGES for c in predicate.children if c.dep_ == "advmod")
    return bool(auxiliaries & FUTURE) and not auxiliaries & MODALS and not hedged


PLAN_VERBS = inflected("plan expect aim intend schedule target forecast project see seek want hope")


def _description(predicate: Token, dated: bool) -> bool:
    """What a company is or habitually does ('X is the world's largest ...', 'shares trade at 2.8 times
    book', 'Bear has a smaller business'): a present tense with no date, other than a plan or a report."""
    if dated:
        return False
    auxiliaries = {c.lower_ for c in predicate.children if c.dep_ in ("aux", "auxpass")}
    if predicate.lower_ in ("is", "are", "'s", "'re", "remains", "remain", "be", "been"):
        return True
    if predicate.lower_ in ("was", "were"):
        return not any(token.ent_type_ in ("MONEY", "PERCENT") for token in predicate.subtree)  # "net was $5 mln"
    if predicate.tag_ in ("VBZ", "VBP") and not auxiliaries:
        return predicate.lower_ not in PLAN_VERBS | SPEECH_VERBS | EVENT_REPORTS
    if auxiliaries & {"is", "are", "'s", "'re"} and predicate.tag_ == "VBN":
        return True  # "are rated AA-minus", "is owned by", "is based in": a state
    return (
        bool(auxiliaries & {"is", "are", "'s", "'re"})
        and predicate.tag_ == "VBG"
        and predicate.lower_ not in EVENT_VERBS
    )


PRESENT_PERFECT_AUX = frozenset({"has", "have", "'s", "'ve"})
"""Not 'had': a past perfect tells what was over by then, not what has been going on up to now."""
STRETCH_WORDS = frozenset({"last", "past"})
"""'over the past year': what went on through a stretch of time up to now."""


def _lasting(predicate: Token) -> bool:
    """What has been going on up to now, rather than what happened: a present perfect progressive other than
    a deed ('The software giant has been aiming to issue more regular updates'), or a present perfect
    through a stretch of time ('has struggled for some time', 'have weakened over the last year', 'has sold
    17 million units since it was launched')."""
    auxiliaries = [c.lower_ for c in predicate.children if c.dep_ in ("aux", "auxpass")]
    if not PRESENT_PERFECT_AUX & set(auxiliaries):
        return False
    if "been" in auxiliaries and predicate.tag_ == "VBG":
        return predicate.lower_ not in EVENT_VERBS  # "has been exploring alternatives" is a deed going on
    for child in predicate.children:
        if child.dep_ == "prep" and child.lower_ == "since":
            return True
        if child.dep_ == "prep" and child.lower_ in ("for", "over") and _stretch(child):
            return True
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in child.children):
            return True
    return False


def _stretch(preposition: Token) -> bool:
    """'for some time', 'for years', 'over the last year': a stretch of time, not 'for $3 billion'."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    return any(
        obj.lower_ in ("time", "years", "months", "decades", "weeks")
        or (obj.ent_type_ == "DATE" and any(c.lower_ in STRETCH_WORDS for c in obj.children))
        for obj in objects
    )


HOLDING_FORMS = frozenset({"has", "have", "had"})
DEED_OBJECTS = RESULT_NOUNS | frozenset(
    "deal deals agreement agreements talks offer bid contract contracts stake meeting plan plans".split()
)


def _holding(predicate: Token) -> bool:
    """'As of October 28 AeroVironment had a funded backlog of $69.5 million', 'At January 31 Wickes had 239 mln
    shares outstanding': what a company holds at a date is a state, dated or not, unless it is a result or a
    deal ("had a net loss", "has an agreement")."""
    if predicate.lower_ not in HOLDING_FORMS or predicate.pos_ != "VERB":
        return False
    if any(child.dep_ in ("aux", "auxpass") for child in predicate.children):
        return False
    objects = [child for child in predicate.children if child.dep_ == "dobj"]
    return bool(objects) and not any(obj.lower_ in DEED_OBJECTS for obj in objects)


EVENT_REPORTS = inflected("announce report confirm agree plan propose")


def _price_move(predicate: Token) -> bool:
    """'Wells Fargo shares closed at $33.52', 'the index fell 2 percent', 'its shares are up 50 percent': a price,
    not a company's deed."""
    subject = next((child for child in predicate.children if child.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    market = subject.lower_ in MARKET_NOUNS or subject.lower_.endswith("index")
    if predicate.lower_ in BE_FORMS:
        return market and any(child.lower_ in ("up", "down") for child in predicate.children)
    return market and predicate.lower_ in MOVE_VERBS
