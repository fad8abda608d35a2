"""Company names: the shipped gazetteer, canonical forms, and what is not a company.

`Canonicaliser.normalised(name)` maps a written name to the name the timeline uses ("Renault Group",
"Groupe Renault", "Renault's" and "the diamond group" are Renault) and `plausible(name)` says whether a
company could bear it; `canonical(name)` does both for a name seen on its own, with no article around it,
and also refuses names a word list marks as public bodies. Within an article, `timeline.entities` decides
company or not from all of a name's mentions. Legal suffixes are stripped by cleanco; aliases come from
the gazetteer (`data/companies.jsonl`, spaCy EntityRuler patterns `{"label", "pattern", "id"}`) and from
the user's `timeline.toml`.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from cleanco import basename

_SHOUTED_WORD = re.compile(r"\b[A-Z][A-Z'’]{3,}\b")
"""A shouted word of four letters or more ('BANK', "PEOPLE'S"); shorter ones may be initials ('IBM', 'CSX')."""
_SHOUTED_SMALL_WORD = re.compile(r"(?<=\s)(?:AND|OF|THE|DE|FOR)(?=\s)")


def title_case(shouted: str) -> str:
    """Shouted text as a title ('MELLON BANK SETS DIVIDEND' is 'Mellon Bank Sets Dividend'); words of three
    letters or fewer stay as written, as they may be initials ('IBM', 'CSX')."""
    text = _SHOUTED_WORD.sub(lambda word: word.group().capitalize(), shouted)
    return _SHOUTED_SMALL_WORD.sub(lambda word: word.group().lower(), text)


_DETERMINERS = re.compile(
    r"^(?:the|a(?!\s+(?:and|&|[a-z]\.?)\s)|an|its|their|our|this|that|rival|compatriot|automaker|carmaker)\s+", re.I
)
"""Words before a name that are not part of it; not the 'A' of 'A and W Brands' or 'A C Goode'."""
_NATIONALITY = re.compile(
    r"^(?:chinese|french|german|japanese|american|korean|south\s+korean|british|italian|swedish|indian|"
    r"u\.?s\.?|european|dutch|spanish)(?:\s+|$)",
    re.IGNORECASE,
)
"""A nationality describes the company only before another description ("the German carmaker BMW");
right before the rest of a name it is part of it: "American Express", "British Petroleum", "U.S. Steel"."""
POSSESSIVE_END = re.compile(r"\s*(?:'s|’s|'|’)$")
"""A possessive ending a name: "Renault's", "Barclays'"."""
_GROUP_WORDS = re.compile(
    r"(?:\s+(?:Group|Groupe|Holdings?|Corporation|Corp\.?|Company|Companies|Cos\.?|Co\.?|Inc\.?|Ltd\.?|plc|AG|SA))+$"
    r"|\s+(?:&|and)$"
)
_SHOUTED_HEADLINE = re.compile(r"^(?P<name>.+?)\s+(?:INC|CORP|CO|LTD|PLC)\.?\s+\S")
"""An upper-case wire headline the tagger read as one name: "EXCELAN INC SETS INITIAL STOCK OFFER"."""
_LEGAL_WORDS = frozenset("co inc corp ltd plc llc ag sa nv group company holding holdings bancorp cos".split())
_GENERIC_WORDS = frozenset(
    "american international general national united first federal global standard royal british pacific "
    "continental western eastern northern southern central new world".split()
)
"""Words that name no one alone: "American International Group" keeps its last word."""
_LEADING_GROUP = re.compile(r"^(?:Groupe|Grupo|Gruppo)\s+")
_SPANISH_FORM = re.compile(r"\s+S\.?A\.?(?:B\.?)?(?:\s+de)?(?:\s+C\.?V\.?)?$")
"""'Cemex SAB de CV', 'Grupo Televisa S.A. de C.V.': a Mexican legal form, of which cleanco strips only 'CV'."""

NOT_COMPANY_WORDS = re.compile(
    r"(?i)\b(?:commission|ministry|minister|government|parliament|congress|senate|council|agency|"
    r"administration|authority|authorities|department|bureau|court|police|army|navy|air\s+force|union|"
    r"association|federation|institute|university|college|school|party|league|committee|organi[sz]ation|"
    r"board|office|reserve|fund|assembly|embassy|republic|kingdom|state|states|municipality|city\s+of|"
    r"club|fc|team|foundation|chamber|society|academy|church|military|ministry|regulator|tribunal|"
    r"nations|secretariat|treasury|customs|parliamentary|plant|factory|terminal|airport|station|port|mine|"
    r"refinery|site|motor\s+show|auto\s+show|expo|summit|conference|forum|award|prize|central\s+bank|interbank)\b"
)
"""Words that mark a public body, association or team rather than a company."""

CURRENCIES = frozenset(
    "dollar dollars yen mark marks franc francs pound pounds sterling euro euros yuan renminbi peso pesos "
    "lira rupee rupees won ringgit rand".split()
)

_MONTH_ABBREVIATIONS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august "
    "september october november december".split()
)

NEWS_AGENCIES = frozenset(
    "reuters reuter bloomberg ap afp xinhua dpa pti ians ani kyodo yonhap upi tass efe ansa rpp ptr cnbc cnn "
    "bbc".split()
) | frozenset(
    {
        "associated press",
        "agence france-presse",
        "agence france presse",
        "dow jones",
        "dow jones newswires",
        "bloomberg news",
        "thomson reuters",
    }
)
"""News agencies and wires, lower case: credited as the source of a report, not a party to it."""
"""Wire services and broadcasters: in news text they are credited as sources, not actors."""

ACRONYM_GOVERNMENT = frozenset(
    "eu un nato wto imf opec sec faa ftc doj nasa fda epa ecb fed who oecd acea ntsb easa caac ndrc miit".split()
)


@lru_cache(maxsize=1)
def gazetteer_patterns() -> tuple[dict, ...]:
    """The shipped company patterns, as spaCy EntityRuler dicts."""
    text = resources.files("timeline").joinpath("data/companies.jsonl").read_text(encoding="utf-8")
    return tuple(json.loads(line) for line in text.splitlines() if line.strip())


class Canonicaliser:
    """Maps written company names to canonical ones, with user aliases and exclusions."""

    def __init__(self, aliases: dict[str, str] | None = None, exclusions: frozenset[str] = frozenset()):
        self._aliases: dict[str, str] = {}
        for pattern in gazetteer_patterns():
            self._aliases[pattern["pattern"].lower()] = pattern["id"]
        for alias, name in (aliases or {}).items():
            self._aliases[alias.lower()] = name
        self._canonical_names = {name.lower(): name for name in self._aliases.values()}
        self._exclusions = frozenset(name.lower() for name in exclusions)
        self._memo: dict[tuple[str, str], str | None] = {}

    def known(self, name: str) -> str | None:
        """The canonical name of a name the gazetteer or the user knows, else None."""
        key = name.lower()
        return self._aliases.get(key) or self._canonical_names.get(key)

    def excluded(self, name: str) -> bool:
        """The user's file says this name is never a company."""
        return name.lower() in self._exclusions

    def canonical(self, written: str) -> str | None:
        """The canonical company name for `written`, or None when it is not a company."""
        return self._remembered(("canonical", written), self._canonical)

    def normalised(self, written: str) -> str | None:
        """The name the timeline shows for `written`, before deciding whether it is a company: determiners,
        possessives, legal forms and describing nationalities removed, shouted words in title case."""
        return self._remembered(("normalised", written), self._normalised)

    def _remembered(self, key: tuple[str, str], compute) -> str | None:
        """One memo of names serves every article of a process (cleared when it grows too large)."""
        if key not in self._memo:
            if len(self._memo) > 100_000:
                self._memo.clear()
            self._memo[key] = compute(key[1])
        return self._memo[key]

    def _normalised(self, written: str) -> str | None:
        name = self._name(written)
        if name and name.isupper() and not self.known(name):
            # one shouted word is often initials ('SSAB', 'DIFX') unless long; a shouted run of words is a title
            name = title_case(name) if " " in name else (name.title() if len(name) > 4 and name.isalpha() else name)
        return name

    def plausible(self, name: str, *, agency_ok: bool = False) -> bool:
        """A name a company could have: written with a capital, not months, a legal form, a news agency (unless
        `agency_ok`: "Dow Jones & Co" selling itself is a company) or a government acronym, and not one the
        user excluded."""
        if agency_ok and name.lower() in NEWS_AGENCIES:
            return not self.excluded(name)
        return self._plausible(name) is not None

    def _canonical(self, written: str) -> str | None:
        return self._checked(self._name(written))

    def _name(self, written: str) -> str | None:
        name = " ".join(written.split())
        name = POSSESSIVE_END.sub("", name)
        shouted = _SHOUTED_HEADLINE.match(name) if name.isupper() else None
        if shouted:
            name = shouted["name"]
        if self.known(name):
            return self.known(name)
        while True:
            if _DETERMINERS.match(name):
                name = _DETERMINERS.sub("", name, count=1)
            elif (nationality := _NATIONALITY.match(name)) and (
                nationality.end() == len(name)
                or _DETERMINERS.match(name[nationality.end() :])
                or self.known(name[nationality.end() :])  # "Italian Fiat"
            ):
                name = name[nationality.end() :]
            else:
                break
        if _DETERMINERS.match(name + " "):
            return None  # only a determiner: "the"
        if not name or self.known(name):
            return self.known(name) if name else None
        stripped = basename(_one_legal_form(_SPANISH_FORM.sub("", name))) or name
        while (shorter := _GROUP_WORDS.sub("", stripped)) != stripped:
            stripped = shorter  # "Dow Jones & Co": the legal form, then the ampersand
        stripped = stripped.strip(" ,.")
        without_group = _LEADING_GROUP.sub("", stripped)
        if without_group != stripped and self.known(without_group):
            return self.known(without_group)  # "Groupe Renault"; but "Grupo Mexico" is no country
        if all(word.lower() in _GENERIC_WORDS for word in stripped.split()):
            stripped = " ".join(name.split()[: len(stripped.split()) + 1])  # "American International Group"
        return self.known(stripped) or stripped or None

    def _checked(self, name: str | None) -> str | None:
        name = self._plausible(name)
        if name and NOT_COMPANY_WORDS.search(name) and name.lower() not in self._canonical_names:
            return None
        return name

    def _plausible(self, name: str | None) -> str | None:
        if (
            not name
            or not re.search(r"[A-Z]", name)
            or len(name.strip(" .")) < 2
            or ":" in name
            or not name[0].isalnum()
        ):
            return None  # a company writes its name with a capital ("eBay" too): "cts", "dlrs" are units
        if all(part.lower().rstrip(".") in _MONTH_ABBREVIATIONS for part in re.split(r"[/\s-]+", name)):
            return None  # "Aug/Sept": delivery months in a commodity report
        key = name.lower()
        if key.rstrip(".") in _LEGAL_WORDS:
            return None  # a legal form left alone: "Co"
        if key in self._exclusions or key in NEWS_AGENCIES or key in ACRONYM_GOVERNMENT:
            return None
        nationality = _NATIONALITY.match(name)
        if name[nationality.end() if nationality else 0 :].lower() in CURRENCIES:
            return None  # "U.S. Dollar" in a currency report
        return name


def _one_legal_form(name: str) -> str:
    """'Rio Tinto Ltd./Plc', 'Unilever NV/Plc': a dual listing's forms, cut to the first for cleanco."""
    head, _, last = name.rpartition(" ")
    parts = last.split("/")
    if not head or len(parts) < 2 or any(basename(f"{head} {part}") != head for part in parts):
        return name
    return f"{head} {parts[0]}"
