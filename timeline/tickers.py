"""Stock codes read out of wire text: they help say what is a company, and hurt everything else.

Reuters writes "Exxon Mobil Corp ( XOM.N )", "Kraft Foods Inc. KFT.N", "(NYSE: F)", index codes such as
".GSPSTEEL", and in 1987 "MERRILL <MRLL> BUYS" and `<Frayn Financial>` for an unlisted company. Left in,
they break the parse ("IPS.TO IPS.N" read as a verb) and clutter every summary. `strip_codes` removes
them and returns where they were, so the entity stage still knows that the name before a ticker is a
listed company and that a name in angle brackets is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EXCHANGE_SUFFIXES = (
    "N|O|OQ|OB|PK|UL|A|L|T|PA|DE|F|TO|HK|SS|SZ|KS|BO|NS|AX|MI|MC|AS|BR|CO|ST|HE|OL|SW|VX|MX|SA|TW|SI|JK|BK|KL|V"
    "|DU|AD|KW|QA|SE|BH|OM|CA|TA|WA|PR|BU|VI|SN|BA|IS|KQ|OS|TWO"
)
"""Reuters exchange suffixes (New York, Nasdaq, London, Dubai, Abu Dhabi, Kuwait, Riyadh, Tel Aviv ...)."""
INITIAL_LIKE_SUFFIXES = "J|I"
"""Johannesburg and Dublin: a code before them has three characters or more, unlike initials ("J.D. Power")."""
_CODES = re.compile(
    r"[ \t]*\(\s*(?:(?:NYSE|Nasdaq|NASDAQ|AMEX|Amex|LSE|TSX|TSE|HKEx|OTC)\s*:\s*(?P<listed>[A-Z][A-Z0-9.]{0,7})"
    r"|(?P<ric>[A-Z0-9][A-Za-z0-9]{0,7}\.[A-Z]{1,3})|(?P<paren_index>\.[A-Z][A-Z0-9]{2,9}))\s*\)"
    r"|(?<=[\s,])(?P<bare>[A-Z0-9][A-Za-z0-9]{0,7}\.(?:" + EXCHANGE_SUFFIXES + r")|[A-Z]{2,7}\.P"
    r"|[A-Z0-9][A-Za-z0-9]{2,7}\.(?:" + INITIAL_LIKE_SUFFIXES + r"))(?=[\s,.;:)]|$)"
    r"|(?<=\s)(?P<index>\.[A-Z][A-Z0-9]{2,9})(?=[\s,.;)]|$)"
    r"|[ \t]*<(?P<wire>[A-Z][A-Z0-9.]{0,7})>"
    r"|<(?P<name>[A-Z][^<>\n]{1,80}?)>"
)


@dataclass(frozen=True)
class CodeMark:
    """Where a code was in the cleaned text: a ticker or index code after the name ending at `start`, or
    a bracketed company name from `start` to `end`."""

    kind: str
    start: int
    end: int
    symbol: str = ""


def strip_codes(text: str) -> tuple[str, tuple[CodeMark, ...]]:
    """The text without stock codes and angle brackets, and the marks they leave."""
    out: list[str] = []
    marks: list[CodeMark] = []
    length = 0
    last = 0
    for match in _CODES.finditer(text):
        piece = text[last : match.start()]
        last = match.end()
        if match["name"]:
            out += [piece, match["name"]]
            marks.append(CodeMark("bracket", length + len(piece), length + len(piece) + len(match["name"])))
            length += len(piece) + len(match["name"])
            continue
        piece = piece.rstrip(" \t")  # the code goes with the space before it: "Ipsco IPS.TO IPS.N for"
        out.append(piece)
        length += len(piece)
        symbol = match["listed"] or match["ric"] or match["bare"] or match["wire"] or ""
        index = match["paren_index"] or match["index"]
        marks.append(CodeMark("index" if index else "ticker", length, length, index or symbol))
    out.append(text[last:])
    return "".join(out), tuple(marks)
