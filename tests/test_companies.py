"""Company names: the canonical name of what an article writes, or None when it is no company."""

from __future__ import annotations

import pytest

from timeline.companies import Canonicaliser


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        # group words, possessives and the gazetteer's descriptions name the same company
        ("Renault Group", "Renault"),
        ("Groupe Renault", "Renault"),
        ("Renault's", "Renault"),
        ("the diamond group", "Renault"),
        ("Xiaomi Technology", "Xiaomi"),
        ("Li Auto Inc.", "Li Auto"),
        ("Rio Tinto Ltd./Plc", "Rio Tinto"),  # a dual listing's two legal forms
        ("Unilever NV/Plc", "Unilever"),
        ("Family Dollar", "Family Dollar"),
        ("Cemex SAB de CV", "Cemex"),  # a Mexican legal form
        ("Grupo Mexico SAB de CV", "Grupo Mexico"),  # a group word stays unless the rest is a known company
        ("eBay", "eBay"),
        # a nationality describes a company before a description or a known name, else it is part of the name
        ("the German carmaker BMW", "BMW"),
        ("Chinese carmaker BYD", "BYD"),
        ("Italian Fiat", "Fiat"),
        ("American Express", "American Express"),
        ("British Petroleum", "British Petroleum"),
        ("U.S. Steel", "U.S. Steel"),
        ("Korean Air", "Korean Air"),
        # agencies credited as sources, nationalities, public bodies and facilities are no companies
        ("Reuters", None),
        ("U.S. Dollar", None),  # a currency, named by its nationality
        ("Chinese", None),
        ("the Ministry of Finance", None),
        ("Plant 2", None),
        # a company writes its name with a capital: lower-case "cts" and "dlrs" are wire-story units
        ("cts", None),
        ("dlrs", None),
        ("Aug/Sept", None),
        ("Co", None),
        # an upper-case wire headline read as one name keeps the name before its legal form
        ("EXCELAN INC SETS INITIAL STOCK OFFER", "EXCELAN"),
        ("Sri Lanka's Central Bank", None),
        ("London Interbank Offered Rates", None),
    ],
)
def test_canonical_names(written, canonical):
    assert Canonicaliser().canonical(written) == canonical


def test_aliases_and_exclusions_win_over_the_gazetteer():
    names = Canonicaliser(aliases={"the french carmaker": "Renault"}, exclusions=frozenset({"xiaomi"}))
    assert names.canonical("the French carmaker") == "Renault"
    assert names.canonical("Xiaomi Technology") is None


@pytest.mark.parametrize(
    ("shouted", "shown"),
    [
        ("MELLON BANK CORP", "Mellon Bank"),
        ("TELEPHONE AND DATA SYSTEMS INC", "Telephone and Data Systems"),
        ("PEOPLE'S SAVINGS BANK OF BROCKTON", "People's Savings Bank of Brockton"),
        ("CSX CORP", "CSX"),  # three letters or fewer may be initials: they stay
    ],
)
def test_a_shouted_name_is_shown_in_title_case(shouted, shown):
    assert Canonicaliser().normalised(shouted) == shown
