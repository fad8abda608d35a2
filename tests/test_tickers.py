"""Stock codes come out of the text and stay as evidence of the company named before them."""

from __future__ import annotations

import pytest

from timeline.tickers import strip_codes


@pytest.mark.parametrize(
    ("raw", "text", "kinds"),
    [
        ("Exxon Mobil Corp. ( XOM.N ) said", "Exxon Mobil Corp. said", [("ticker", 17, "XOM.N")]),
        (
            "maker Ipsco IPS.TO IPS.N for $7.7 billion.",
            "maker Ipsco for $7.7 billion.",
            [("ticker", 11, "IPS.TO"), ("ticker", 11, "IPS.N")],
        ),
        ("Ford (NYSE: F) said", "Ford said", [("ticker", 4, "F")]),
        ("MERRILL <MRLL> BUYS FRAYN", "MERRILL BUYS FRAYN", [("ticker", 7, "MRLL")]),
        ("Cerberus CBS.UL bought", "Cerberus bought", [("ticker", 8, "CBS.UL")]),
        ("Lehman Brothers Holdings Inc LEH.P has", "Lehman Brothers Holdings Inc has", [("ticker", 28, "LEH.P")]),
        ("the Steel Index .GSPSTEEL rose", "the Steel Index rose", [("index", 15, ".GSPSTEEL")]),
    ],
)
def test_codes_leave_the_text_and_mark_where_the_name_ended(raw, text, kinds):
    stripped, marks = strip_codes(raw)
    assert stripped == text
    assert [(mark.kind, mark.start, mark.symbol) for mark in marks] == kinds


def test_a_bracketed_name_keeps_its_words_and_is_marked():
    stripped, [mark] = strip_codes("acquired <Frayn Financial printing> from")
    assert stripped == "acquired Frayn Financial printing from"
    assert (mark.kind, stripped[mark.start : mark.end]) == ("bracket", "Frayn Financial printing")


@pytest.mark.parametrize(
    "text",
    ["the Fed (ACEA) said", "U.S. output rose 2.5 pct.", "in 2008 (Reuters) -", "bank J.P. Morgan Chase & Co. to"],
)
def test_acronyms_abbreviations_and_agencies_stay(text):
    assert strip_codes(text) == (text, ())


def test_codes_of_gulf_african_and_other_exchanges_leave_the_name_and_initials_stay():
    text, marks = strip_codes(
        "Gulf Carrier AGC.DU, Cape Mills CPMJ.J and Lakeside Holdings LKS.AD gained; J.D. Power and "
        "H.J. Heinz Co of Wayne, N.J. did not."
    )
    assert text == (
        "Gulf Carrier, Cape Mills and Lakeside Holdings gained; J.D. Power and H.J. Heinz Co of Wayne, N.J. did not."
    )
    assert [mark.symbol for mark in marks] == ["AGC.DU", "CPMJ.J", "LKS.AD"]
