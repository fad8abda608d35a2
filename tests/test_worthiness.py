"""Which sentences are worth a line: a company does, reports, plans or undergoes something."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import lines_of

DAY = date(2009, 3, 4)  # a Wednesday


@pytest.mark.parametrize(
    "sentence",
    [
        "Ford said it would cut 1,000 jobs at its Michigan plants.",
        "General Motors Corp posted a 53 percent drop in February sales.",
        "Acme Corp said it agreed to buy Widgets Inc for $50 million.",
        "Xerox Corp plans to cut $300 million in costs this year.",
        "Boeing said it would protest the award.",
    ],
)
def test_a_company_doing_reporting_or_planning_is_an_event(tmp_path, sentence):
    found = lines_of(tmp_path, f"Company news\n\nNEW YORK (Reuters) - {sentence}\n", DAY)
    assert any(companies and value for companies, value, _ in found), found


@pytest.mark.parametrize(
    "sentence",
    [
        "Representatives from Appaloosa Management and Cerberus Capital were not immediately available to comment.",
        '"We are in an automotive depression," said Standard & Poor\'s equity analyst Efraim Levy.',
        "Wells Fargo & Co shares closed at $33.52 on the New York Stock Exchange.",
        "Shares of Corvina Foods Inc advanced 0.8 percent to $81.36 on the NYSE.",
        "Corvina Foods Inc's shares are up around 50 percent this year.",
        "Goldman Sachs Group Inc is the world's most profitable securities firm.",
        "Bear Stearns Cos has a smaller investment banking business than Goldman Sachs Group Inc.",
        "The deal would boost Panasonic Corp's competitiveness in rechargeable batteries.",
        "Analysts said Nestle SA would buy a big player in health and nutrition.",
    ],
)
def test_quotes_no_comment_prices_descriptions_and_other_views_are_not(tmp_path, sentence):
    text = f"Deal talk\n\nNEW YORK (Reuters) - Acme Corp said on Tuesday it agreed to buy Widgets Inc.\n\n{sentence}\n"
    assert [line for line in lines_of(tmp_path, text, DAY) if sentence in line[2]] == []


def test_the_company_and_it_stand_for_the_company_named_before(tmp_path):
    text = (
        "Acme results\n\n"
        "CHICAGO (Reuters) - Acme Corp reported a first-quarter loss on Tuesday.\n\n"
        "The company said it would close two plants in May.\n"
    )
    found = lines_of(tmp_path, text, DAY)
    assert (("Acme",), "2009-05", "The company said it would close two plants in May.\n") in found


def test_both_parties_of_a_deal_are_listed(tmp_path):
    found = lines_of(
        tmp_path, "Deal\n\nCHICAGO (Reuters) - Acme Corp said on Monday it agreed to buy Widgets Inc.\n", DAY
    )
    assert (("Acme", "Widgets"), "2009-03-02") in [(companies, value) for companies, value, _ in found]


def test_an_adviser_a_venue_and_an_analyst_employer_are_bystanders(tmp_path):
    text = (
        "Bond\n\n"
        "LONDON (Reuters) - Household Finance Corp issued $75 million of notes through lead manager Goldman Sachs "
        "on Tuesday.\n\n"
        "Sanford Bernstein & Co analyst Brad Hintz said Merrill Lynch & Co cut 500 jobs on Tuesday.\n\n"
        "Wells Fargo & Co said on Tuesday its shares would be listed on the New York Stock Exchange.\n"
    )
    names = {name for companies, _, _ in lines_of(tmp_path, text, DAY) for name in companies}
    assert {"Household Finance", "Merrill Lynch", "Wells Fargo"} <= names
    assert not names & {"Goldman Sachs", "Sanford Bernstein", "New York Stock Exchange"}


def test_what_a_market_move_follows_is_the_news(tmp_path):
    text = (
        "Stocks rise\n\n"
        "NEW YORK (Reuters) - Stocks rose on Monday.\n\n"
        "PepsiCo Inc rose 2 percent after agreeing to buy Pepsi Bottling Group Inc for $4.2 billion.\n"
    )
    found = lines_of(tmp_path, text, date(2009, 8, 4))
    assert any({"PepsiCo", "Pepsi Bottling"} <= set(companies) for companies, _, _ in found), found


def test_a_described_reference_is_the_company_described_so(tmp_path):
    text = (
        "Rentals deal off\n\n"
        "NEW YORK (Reuters) - United Rentals Inc, an equipment rental company, sued private equity firm "
        "Cerberus Capital Management LP on Tuesday.\n\n"
        "The buyout firm withdrew its offer for United Rentals in November.\n"
    )
    found = lines_of(tmp_path, text, date(2007, 12, 17))
    assert any(value == "2007-11" and "Cerberus Capital Management" in companies for companies, value, _ in found)


def test_the_lines_of_a_dividend_table_are_the_main_company_s(tmp_path):
    text = (
        "ACME CORP <ACM> SETS QUARTERLY DIVIDEND\n\n"
        "CHICAGO, March 3 - Acme Corp said its board declared a quarterly dividend.\n\n"
        "Qtly div 10 cts vs 10 cts prior\n\n"
        "Pay May 8\n\n"
        "Record April 10\n"
    )
    found = lines_of(tmp_path, text, date(1987, 3, 3))
    assert [(companies, value) for companies, value, sentence in found if sentence.startswith("Qtly div")] == [
        (("Acme",), "1987-03-03")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ostrey Air Ltd announced that it is exercising its options with Halvard Aero Corp to take 20 jets.",
        "Halvard Aero Corp will begin production of the jet in 2010.",
    ],
)
def test_an_announcement_and_a_dated_plan_of_a_company_are_events(tmp_path, sentence):
    text = f"Airline news\n\nNEW YORK (Reuters) - Fuel prices rose again this week.\n\n{sentence}\n"
    found = lines_of(tmp_path, text, DAY)
    assert any(line.startswith(sentence[:20]) and companies for companies, _, line in found), found


@pytest.mark.parametrize(
    "sentence",
    [
        "Halvard Aero Corp will probably begin production of the jet in 2010.",
        "Halvard Aero Corp could begin production of the jet in 2010.",
    ],
)
def test_a_hedged_or_modal_future_is_not_a_plan(tmp_path, sentence):
    text = f"Airline news\n\nNEW YORK (Reuters) - Fuel prices rose again this week.\n\n{sentence}\n"
    found = lines_of(tmp_path, text, DAY)
    assert not any(line.startswith(sentence[:20]) for _, _, line in found), found


@pytest.mark.parametrize(
    "sentence",
    [
        "Regional boat sales doubled in February, according to a survey from Brightline Research Inc.",
        "Harbor freight volumes dropped 5 percent in the winter, according to the Tidewater Index, published by "
        "Tidewater Analytics Corp.",
    ],
)
def test_a_third_party_s_figures_are_not_its_event(tmp_path, sentence):
    text = f"Boat trade\n\nNEW YORK (Reuters) - Acme Corp said on Tuesday it agreed to buy Widgets Inc.\n\n{sentence}\n"
    assert [line for line in lines_of(tmp_path, text, DAY) if sentence[:30] in line[2]] == []


def test_a_company_s_figures_told_by_a_third_party_stay_its_event(tmp_path):
    sentence = "Acme Corp sales doubled in February, according to a survey from Brightline Research Inc."
    text = f"Boat trade\n\nNEW YORK (Reuters) - Fuel prices rose again this week.\n\n{sentence}\n"
    found = lines_of(tmp_path, text, DAY)
    assert any(sentence[:20] in line and "Acme" in companies for companies, _, line in found), found


def test_unnamed_observers_views_of_a_company_are_not_its_event(tmp_path):
    sentence = "Some economists say Acme Corp overbuilt its widget plants in the second quarter."
    text = f"Widgets\n\nNEW YORK (Reuters) - Fuel prices rose again this week.\n\n{sentence}\n"
    assert [line for line in lines_of(tmp_path, text, DAY) if sentence[:30] in line[2]] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The widget maker has been hoping to win more government work.",
        "Acme Corp has sold 2 million widgets since it opened its first plant.",
        "Results at Acme Corp have weakened over the last year.",
    ],
)
def test_what_has_been_going_on_is_not_an_event(tmp_path, sentence):
    text = f"Widgets\n\nNEW YORK (Reuters) - Acme Corp said on Tuesday it agreed to buy Widgets Inc.\n\n{sentence}\n"
    assert [line for line in lines_of(tmp_path, text, DAY) if sentence[:30] in line[2]] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Regional lenders such as Acme Bancorp Inc and Widget Savings Corp have all taken big losses.",
        "The slump in boat sales has hurt builders, dealers and every company in the trade, including Acme Corp.",
    ],
)
def test_companies_named_only_as_examples_of_a_class_are_not_its_event(tmp_path, sentence):
    text = f"Boats\n\nNEW YORK (Reuters) - Fuel prices rose again this week.\n\n{sentence}\n"
    assert [line for line in lines_of(tmp_path, text, DAY) if sentence[:30] in line[2]] == []


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Acme Corp has been exploring a sale of its widget unit.", id="a deed going on"),
        pytest.param(
            "Acme Corp agreed to buy rivals such as Widgets Inc and Gadget Works Corp on Tuesday.",
            id="a company acting on examples of a class",
        ),
    ],
)
def test_a_company_s_own_deed_is_an_event_however_it_is_told(tmp_path, sentence):
    text = f"Widgets\n\nNEW YORK (Reuters) - Fuel prices rose again this week.\n\n{sentence}\n"
    found = lines_of(tmp_path, text, DAY)
    assert any(sentence[:20] in line and "Acme" in companies for companies, _, line in found), found


@pytest.mark.parametrize(
    "headline", ["Acme Corp shines for thrift, patience: Barron's", 'Acme Corp collapse "inevitable"']
)
def test_a_headline_that_is_only_someone_s_view_is_not_an_event(tmp_path, headline):
    text = f"{headline}\n\nNEW YORK (Reuters) - Acme Corp said on Tuesday it agreed to buy Widgets Inc.\n"
    assert [line for line in lines_of(tmp_path, text, DAY) if line[2] == headline] == []


@pytest.mark.parametrize(
    "headline", ["Acme Corp drops out of race for Widgets: report", 'Acme Corp scheme was "decades long"']
)
def test_a_headline_told_on_a_report_s_authority_or_quoting_colour_is_news(tmp_path, headline):
    text = f"{headline}\n\nNEW YORK (Reuters) - Acme Corp said on Tuesday it agreed to buy Widgets Inc.\n"
    assert [companies for companies, _, line in lines_of(tmp_path, text, DAY) if line == headline] == [("Acme",)]
