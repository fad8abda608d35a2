"""Mentions from whole articles: which sentences become events, and on which day."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import make_settings

from timeline.merge import merge_mentions
from timeline.models import Article
from timeline.pipeline import extract_batch


def document_of(tmp_path, text: str, published: date | None):
    article = Article(doc_id="a.txt", text=text, title=text.split("\n", 1)[0], published=published)
    [document] = extract_batch([article], make_settings(tmp_path / "db.json"))
    return document


def mentions_of(tmp_path, text: str, published: date | None) -> list[tuple[str, tuple[str, ...], str | None]]:
    document = document_of(tmp_path, text, published)
    return [(m.sentence[:30], tuple(m.companies), m.date.value if m.date else None) for m in document.mentions]


UNVEILED = (
    "Boeing unveils new 787 Dreamliner\n\n"
    "Aircraft manufacturer Boeing have unveiled their new 787 Dreamliner at their Everett Factory near Seattle.\n\n"
    "Sunday was chosen as its date matches the aircraft's designation number.\n\n"
    "Boeing claims that the lighter airframe will offer enhanced fuel efficiency.\n"
)


def test_undated_reports_take_the_story_day_the_lead_names(tmp_path):
    """Published Monday about Sunday's roll-out: the headline and the undated reports are Sunday's."""
    found = mentions_of(tmp_path, UNVEILED, date(2007, 7, 9))
    days = {companies: value for _, companies, value in found}
    assert days == {("Boeing",): "2007-07-08"}
    assert len(found) == 2  # headline and "have unveiled"; what Boeing claims its airframe will do is no event


def test_a_lead_day_long_before_publication_is_not_the_story_day(tmp_path):
    text = UNVEILED.replace("Sunday was chosen", "March 3 was chosen")
    values = {value for _, _, value in mentions_of(tmp_path, text, date(2007, 7, 9))}
    assert values == {"2007-07-09"}


def test_an_undated_article_reports_only_its_lead_event_with_no_day(tmp_path):
    assert mentions_of(tmp_path, UNVEILED, None) == [("Boeing unveils new 787 Dreamli", ("Boeing",), None)]


def test_a_maker_naming_a_product_is_not_a_party_to_the_event(tmp_path):
    text = (
        "Airline news\n\n"
        "Aer Lingus Group Plc bought twelve new long-haul Airbus jets on Friday.\n\n"
        "The Dongfeng Renault joint venture was dissolved in 2020.\n"
    )
    companies = {companies for _, companies, _ in mentions_of(tmp_path, text, date(2007, 6, 9))}
    assert ("Aer Lingus",) in companies
    assert not any("Airbus" in names for names in companies)
    assert ("Dongfeng", "Renault") in companies


def test_a_company_set_beside_the_event_by_a_comparison_or_an_addition_is_not_a_party(tmp_path):
    text = (
        "Deals\n\n"
        "Besides the Vantor Steel Inc deal, Kessler Holdings AG has made an offer for Marlow Pipe Corp on Monday.\n\n"
        "Unlike Corvina Motors Inc, Halvard Autos Corp raised its forecast on Tuesday.\n"
    )
    companies = {companies for _, companies, _ in mentions_of(tmp_path, text, date(2007, 6, 9))}
    assert ("Kessler", "Marlow Pipe") in companies
    assert ("Halvard Autos",) in companies
    assert not any("Vantor Steel" in names or "Corvina Motors" in names for names in companies)


def test_what_a_relative_clause_tells_about_its_object_takes_that_object_as_a_party(tmp_path):
    """'Marlow Pipe Corp, which it acquired in March 2004': the antecedent is the relative clause's object."""
    text = (
        "Settlement\n\n"
        "Regulators said Kessler Holdings AG paid $20 million to settle charges over bonuses at Marlow Pipe Corp, "
        "which it acquired in March 2004.\n"
    )
    found = mentions_of(tmp_path, text, date(2007, 6, 9))
    assert {companies for _, companies, value in found if value == "2004-03"} == {("Marlow Pipe", "Kessler")}


def test_a_participle_after_a_comma_is_about_the_noun_before_it_not_the_sentence_subject(tmp_path):
    """The parser joins 'set up by ...' to 'take' as if Kessler had been set up in 2005; it tells of Marlow."""
    text = (
        "Stakes\n\n"
        "Under the deal, Kessler Holdings AG agreed to take a 30 percent stake in the Marlow Pipe Corp (MPC), set up "
        "by the state of Ohio in 2005 to make pipes.\n"
    )
    found = mentions_of(tmp_path, text, date(2007, 6, 9))
    assert {companies for _, companies, value in found if value == "2005"} == {("Marlow Pipe",)}


def test_the_platform_a_statement_appeared_on_is_not_a_party(tmp_path):
    text = (
        "Renault talks\n\n"
        "Renault discussed this week with Li Auto, its director said in a message posted on Friday on LinkedIn.\n\n"
        "The talks were confirmed by a senior Renault official on LinkedIn.\n"
    )
    companies = {name for _, names, _ in mentions_of(tmp_path, text, date(2024, 4, 26)) for name in names}
    assert "Renault" in companies
    assert "LinkedIn" not in companies


def test_a_quote_is_not_the_event_of_the_company_its_speaker_works_for(tmp_path):
    text = (
        "Tanker contract\n\n"
        'Northrop Grumman CEO Ron Sugar said in an interview "Everyone told us we were crazy."\n\n'
        "Boeing said it would protest the award.\n"
    )
    companies = [companies for _, companies, _ in mentions_of(tmp_path, text, date(2008, 3, 1))]
    assert companies == [("Boeing",)]


def test_a_relative_clause_belongs_to_the_company_it_describes(tmp_path):
    text = "Rivals\n\nBoeing's European rival Airbus, which delivered 434 jets in 2006, is upbeat.\n"
    found = mentions_of(tmp_path, text, date(2007, 1, 5))
    assert any(companies == ("Airbus",) and value == "2006" for _, companies, value in found)


def test_a_time_clause_dates_the_main_clause(tmp_path):
    text = (
        "Tanker protest\n\n"
        "When the Air Force selected Northrop Grumman on February 29 to build the aircraft, Boeing challenged "
        "the award.\n"
    )
    found = mentions_of(tmp_path, text, date(2008, 7, 2))
    assert any("Boeing" in companies and value == "2008-02-29" for _, companies, value in found)


def test_the_airline_stands_for_the_company_last_named_as_a_subject(tmp_path):
    text = (
        "China Eastern to buy jets\n\n"
        "China Eastern Airlines stated on Thursday that it had signed a contract for twenty jets.\n\n"
        "The airline, which is the third largest in China, signed the agreement in Paris on June 15.\n"
    )
    document = document_of(tmp_path, text, date(2009, 6, 18))
    [signed] = [m for m in document.mentions if m.date and m.date.value == "2009-06-15"]
    assert signed.companies == ("China Eastern Airlines",)
    assert [signed.sentence[s:e] for s, e in signed.company_spans] == ["The airline"]


def test_a_company_named_to_introduce_another_is_not_a_party(tmp_path):
    text = "Tanker deal\n\nAirbus parent EADS won a tanker contract on Friday.\n"
    companies = {companies for _, companies, _ in mentions_of(tmp_path, text, date(2008, 3, 27))}
    assert companies == {("EADS",)}


def test_a_place_sharing_a_company_first_word_is_not_the_company(tmp_path):
    text = "Superjumbo\n\nOn Monday, Singapore Airlines flew its first A380 to Singapore's Changi Airport.\n"
    document = document_of(tmp_path, text, date(2007, 10, 17))
    [flew] = [m for m in document.mentions if m.date and m.date.value == "2007-10-15"]
    assert [flew.sentence[s:e] for s, e in flew.company_spans] == ["Singapore Airlines"]


def test_a_model_number_or_a_comparison_does_not_make_a_party(tmp_path):
    text = (
        "Maiden flight\n\n"
        'The Boeing 787 "Dreamliner" made its maiden flight on Tuesday.\n\n'
        "Boeing received more orders than Airbus in 2005.\n\n"
        "Qatar will fly two of Airbus' new A380s from London in 2009.\n"
    )
    companies = {companies for _, companies, _ in mentions_of(tmp_path, text, date(2009, 12, 17))}
    assert companies == {("Boeing",)}


def test_earlier_in_the_day_is_the_story_day(tmp_path):
    text = UNVEILED + "\nEarlier in the day, Boeing received a congratulatory letter.\n"
    days = {value for _, _, value in mentions_of(tmp_path, text, date(2007, 7, 9))}
    assert days == {"2007-07-08"}


def test_a_maker_before_a_product_noun_is_not_a_party_whatever_the_parse(tmp_path):
    text = "Tanker\n\nNorthrop Grumman and Airbus parent EADS defeated Boeing on Friday.\n"
    companies = {companies for _, companies, _ in mentions_of(tmp_path, text, date(2008, 3, 1))}
    assert all("Airbus" not in names for names in companies) and companies


def test_another_event_joined_by_and_keeps_its_companies_to_itself(tmp_path):
    text = (
        "Steelmakers keep buying\n\n"
        "In March, Brenmore Tube Corp agreed to buy Kestrel Pipe Inc for $2 billion, and Alder Metals Inc "
        "agreed in February to buy Fennick Wire Co.\n"
    )
    found = mentions_of(tmp_path, text, date(2007, 5, 3))
    march = [companies for _, companies, value in found if value == "2007-03"]
    assert march and all("Alder Metals" not in c and "Fennick Wire" not in c for c in march)
    assert ("Alder Metals", "Fennick Wire") in {companies for _, companies, value in found if value == "2007-02"}


def test_a_price_quote_is_not_an_event_for_the_day_it_names(tmp_path):
    text = (
        "Corvina profit falls\n\n"
        "Corvina Foods Inc said on Tuesday its quarterly profit fell 20 percent on higher milk costs.\n\n"
        "Corvina Foods shares closed Wednesday at $33.52 on the New York Stock Exchange.\n"
    )
    sentences = [sentence for sentence, _, _ in mentions_of(tmp_path, text, date(2008, 10, 16))]
    assert not any(sentence.startswith("Corvina Foods shares closed") for sentence in sentences)


def test_it_in_a_dated_side_clause_is_the_company_the_sentence_is_about(tmp_path):
    text = (
        "Halvard Bank profit falls\n\n"
        "Halvard Bank Corp, based in Charlotte, was hurt by a $12 billion mortgage portfolio it took on when it "
        "bought California lender Ostrey Savings Inc in October 2006.\n"
    )
    found = mentions_of(tmp_path, text, date(2009, 8, 4))
    assert ("Halvard Bank", "Ostrey Savings") in {companies for _, companies, value in found if value == "2006-10"}


def test_initials_with_the_small_words_spelled_name_the_company_of_the_body(tmp_path):
    text = (
        "BofA hires Citigroup veteran\n\n"
        "NEW YORK (Reuters) - Bank of America Corp hired former Citigroup Inc executive Sallie Krawcheck on "
        "Monday to head its wealth management operations. The hire is a coup for the Charlotte, North "
        "Carolina-based bank.\n"
    )
    document = document_of(tmp_path, text, date(2009, 8, 4))
    [headline] = [mention for mention in document.mentions if mention.is_headline]
    assert headline.companies == ("Bank of America",)
    assert all("Charlotte" not in mention.companies for mention in document.mentions)


def test_a_dated_deed_inside_a_quote_is_no_event(tmp_path):
    text = (
        "Corvina shares fall\n\n"
        "Corvina Foods Inc shares fell 8 percent on Friday after the dairy group cut its outlook.\n\n"
        '"The brand is strong, but on Monday Corvina Foods could be bought on the cheap by anyone," said one '
        "analyst.\n"
    )
    sentences = [sentence for sentence, _, _ in mentions_of(tmp_path, text, date(2009, 8, 4))]
    assert not any(sentence.startswith('"The brand') for sentence in sentences)


def test_it_after_an_organisation_that_is_no_company_is_no_company(tmp_path):
    text = (
        "Ostrey Bank gets state aid\n\n"
        "NEW YORK (Reuters) - Ostrey Bank Corp said on Monday it received $2 billion in state aid.\n\n"
        "The International Monetary Fund met on Tuesday. It agreed on a $16.5 billion loan for Ukraine on "
        "Sunday.\n\n"
        "The IMF said it would lend $2 billion to Iceland on Wednesday.\n"
    )
    found = mentions_of(tmp_path, text, date(2008, 10, 28))
    assert not any(
        sentence.startswith(("It agreed", "The IMF said")) and "Ostrey Bank" in companies
        for sentence, companies, _ in found
    ), found


def test_what_a_company_holds_at_a_date_is_no_event(tmp_path):
    text = (
        "Halvard Aero seeks loan\n\n"
        "NEW YORK (Reuters) - Halvard Aero Corp is in talks with banks for a loan, it said on Thursday.\n\n"
        "It had $3.5 billion of outstanding debt at the end of 2008, according to a filing with the Securities "
        "and Exchange Commission.\n"
    )
    sentences = [sentence for sentence, _, _ in mentions_of(tmp_path, text, date(2009, 6, 25))]
    assert not any(sentence.startswith("It had") for sentence in sentences)


def test_a_factbox_headline_is_no_event_and_summaries_lose_the_credit(tmp_path):
    text = (
        "FACTBOX: Facts about Corvina's record earnings\n\n"
        "NEW YORK (Reuters) - Corvina Foods Inc pulled in $11.68 billion in profits in the second quarter on "
        "Thursday, the highest quarterly profit ever.\n"
    )
    document = document_of(tmp_path, text, date(2008, 7, 31))
    assert not any(mention.is_headline for mention in document.mentions)
    [event] = merge_mentions(document.mentions)
    assert event.summary.startswith("Corvina Foods Inc pulled in")


def test_the_banks_an_offering_goes_through_are_not_its_parties(tmp_path):
    text = (
        "Corvina offers debentures\n\n"
        "NEW YORK, March 13 - Corvina Foods Corp - Offering of 60 mln dlrs of convertible subordinated debentures "
        "due 2012 through Ostrey Securities Inc and Halvard Brothers Inc.\n\n"
        "Pellam Brothers Inc co-managed the deal.\n"
    )
    named = {company for _, companies, _ in mentions_of(tmp_path, text, date(1987, 3, 13)) for company in companies}
    assert named == {"Corvina Foods"}


def test_a_results_table_story_is_summarised_by_its_headline(tmp_path):
    text = (
        "CORVINA FOODS INC 1ST QTR NET\n\n"
        "Calgary, Alberta, June 1 - Shr three cts vs three cts\n\n"
        "Net 421,000 vs 333,000\n\nRevs 2,103,000 vs 2,287,000\n"
    )
    [event] = merge_mentions(document_of(tmp_path, text, date(1987, 6, 1)).mentions)
    assert event.summary == "Corvina Foods INC 1ST QTR NET"


def test_a_section_heading_in_capitals_is_no_event(tmp_path):
    text = (
        "Stocks rise on Cisco results\n\n"
        "NEW YORK (Reuters) - U.S. technology stocks rose on Wednesday as Cisco Systems Inc's profit beat "
        "forecasts.\n\n"
        "EXXON DROPS, CISCO JUMPS\n\n"
        "Exxon Mobil Corp fell 2 percent on Wednesday after oil prices slid.\n"
    )
    sentences = [sentence for sentence, _, _ in mentions_of(tmp_path, text, date(2007, 2, 8))]
    assert not any(sentence.startswith("EXXON DROPS") for sentence in sentences), sentences


@pytest.mark.parametrize(
    ("text", "published", "starts", "companies"),
    [
        pytest.param(
            "Crisis weighs on executives\n\n"
            "NEW YORK (Reuters) - Halvard Bank Corp said on Wednesday that it would cut 500 jobs.\n\n"
            "ORVILLE SOLAR INC CHIEF EXECUTIVE JOHN SMITH\n"
            "The solar panel maker has cut its output in the crisis, he said. "
            '"Orville Solar is in a strong position," Smith said.\n',
            date(2008, 10, 9),
            "The solar",
            "Orville Solar",
            id="a section heading naming a company opens its section",
        ),
        pytest.param(
            "Crisis weighs on executives\n\n"
            "NEW YORK (Reuters) - Halvard Bank Corp said on Wednesday that it would cut 500 jobs.\n\n"
            "The head of Orville Asset Management Ltd said the company expected good results for this year.\n",
            date(2008, 10, 9),
            "The head",
            "Orville Asset Management",
            id="the company after the head of a company is that company",
        ),
        pytest.param(
            "Executives speak on the crisis\n\n"
            "DUBAI (Reuters) - Halvard Mining Corp said on Monday it would cut 500 jobs.\n\n"
            "Mawarid said it was planning to sell up to 1 billion dirhams of bonds next year.\n",
            date(2008, 10, 6),
            "Mawarid",
            "Mawarid",
            id="a name the tagger missed that calls itself it is the company of its line",
        ),
        pytest.param(
            "Halvard Motors turns to the web\n\n"
            "DETROIT (Reuters) - Halvard Motors Corp said on Monday it would sell cars online.\n\n"
            "The slump in sales has hurt dealers and every firm in the sector, including Corvina Foods Inc. "
            "The frozen food company's sales fell 10 percent in the second quarter.\n",
            date(2009, 8, 10),
            "The frozen",
            "Corvina Foods",
            id="a description after a sentence naming one company is that company",
        ),
    ],
)
def test_a_reference_is_the_company_it_stands_for_not_the_article_s_lead(tmp_path, text, published, starts, companies):
    """A round-up under a heading, 'the head of X said the company', a name only its 'it' shows to be a
    company, a description after a sentence naming one company: each line is that company's, not the one the
    article led with."""
    found = mentions_of(tmp_path, text, published)
    assert [names for sentence, names, _ in found if sentence.startswith(starts)] == [(companies,)], found


def test_a_credit_cut_off_by_the_sentence_splitter_does_not_take_the_lead(tmp_path):
    text = (
        "FACTBOX: Facts about Corvina's record earnings\n\n"
        "(Reuters) - Corvina Foods Inc pulled in $2.3 billion in profits in the second quarter on Thursday, "
        "the highest quarterly income in its history.\n\n"
        "Here are a few facts: ** Corvina earned over $25 million a day during the quarter.\n"
    )
    document = document_of(tmp_path, text, date(2008, 7, 31))
    assert [m.sentence[:30] for m in document.mentions if m.is_lead] == ["Reuters) - Corvina Foods Inc p"]
    assert len(merge_mentions(document.mentions)) == 1


def test_a_description_with_a_country_in_it_is_a_reference_to_the_company(tmp_path):
    """'The U.S. aircraft maker' after a regulator's sentence: the country describes the company, it names no
    other, so the line is the company's."""
    text = (
        "Corvina Aero unveils jet\n\n"
        "SEATTLE (Reuters) - Corvina Aero Corp said on Thursday it would build a new jet.\n\n"
        "The Federal Aviation Administration said it would review the design.\n\n"
        "The U.S. aircraft maker said its engine unit cut 500 jobs on Wednesday.\n"
    )
    found = mentions_of(tmp_path, text, date(2009, 8, 27))
    assert [companies for sentence, companies, _ in found if sentence.startswith("The U.S.")] == [("Corvina Aero",)], (
        found
    )


def test_an_organisation_in_a_relative_clause_does_not_take_the_next_it(tmp_path):
    """The court approved the plan in a clause about the plan; the next "it" is still the company."""
    text = (
        "Corvina Foods to close plants\n\n"
        "CHICAGO (Reuters) - Corvina Foods Inc said on Monday it would close two plants.\n\n"
        "The plan, which the U.S. Bankruptcy Court approved in January, remains contingent on talks with unions. "
        "It also plans to sell its dairy business.\n"
    )
    found = mentions_of(tmp_path, text, date(2007, 3, 12))
    assert [companies for sentence, companies, _ in found if sentence.startswith("It also")] == [("Corvina Foods",)], (
        found
    )


def test_a_dated_deal_on_the_side_names_its_buyer_wherever_the_parse_hangs_it(tmp_path):
    """The parser hangs 'holding to Corvina Foods' on a clause of its own under 'sold': the buyer is still a side
    of the sale the 'when' clause dates."""
    text = (
        "Corvina says it may sell Pellam stake\n\n"
        "DUBAI (Reuters) - Corvina Foods Inc said on Sunday it would consider selling its stake in Pellam Corp.\n\n"
        "Corvina had not agreed on any deal with Ostrey on selling its stake when Ostrey Group sold its entire "
        "Pellam holding to Corvina Foods earlier this month, an official said.\n"
    )
    asides = [companies for _, companies, value in mentions_of(tmp_path, text, date(2008, 2, 17)) if value == "2008-02"]
    assert asides == [("Ostrey", "Pellam", "Corvina Foods")]
