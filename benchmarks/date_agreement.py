"""How far the TempEval-3 gold's own consistency lets a date tagger go on DATE value F1.

The gold was written by several annotators over several years, and it treats the same phrase in different
ways: "now" is annotated 60 times and left out 25 times, "last week" is a week number in some articles,
`WXX` in others and a duration in a few. A tagger whose rules are general treats a phrase the same way
wherever its context is the same, so part of the gold is out of its reach.

`agreement_bound` measures that part. For every phrase that we or the gold tag as DATE, it collects every
occurrence in the corpus (tagged by us or not) with the gold's treatment of it: a value shape (digits as 9)
or nothing. It then lets the tagger pick, phrase by phrase, the one treatment that does best for DATE value
F1, and counts a value right whenever its shape is the one the gold has there (generous: the week, the year,
the day are all taken as right). Gold values that contradict their own words ("Friday" on a Tuesday,
"Sept. 27, 1989" as November) count as out of reach for any tagger."""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

WEEKDAYS = [name.lower() for name in calendar.day_name]
MONTHS = {name.lower()[:3]: number for number, name in enumerate(calendar.month_name) if name}
UNREACHABLE = "!"


@dataclass(frozen=True)
class Spot:
    """One occurrence of a phrase: whether we tag it as DATE now, the gold's shape there, and whether our
    value is the gold's."""

    tagged: bool
    gold_shape: str
    right: bool


def shape(value: str | None) -> str:
    return "-" if value is None else re.sub(r"\d", "9", value)


def contradicts(phrase: str, value: str | None) -> bool:
    """True when a gold value disagrees with a weekday, a year, or a month and day written in its phrase."""
    if not value or re.search(r"\b(?:before|after|following|preceding)\b", phrase):
        return False
    day = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value[:10])
    if day:
        when = date(*map(int, day.groups()))
        named = [i for i, name in enumerate(WEEKDAYS) if re.search(rf"\b{name}\b", phrase)]
        if named and when.weekday() not in named:
            return True
        month_day = re.search(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2})\b", phrase)
        if month_day and (MONTHS[month_day[1]], int(month_day[2])) != (when.month, when.day):
            return True
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", phrase)
    written = re.match(r"\d{4}", value)
    return bool(year and written and "fiscal" not in phrase and year[1] != written[0])


def spots_by_phrase(docs: list, predictions: list[list[tuple]], ep) -> tuple[dict[str, list[Spot]], int]:
    """Every occurrence of every phrase either side tags as DATE, and the number of gold DATE expressions."""
    spots: dict[str, list[Spot]] = defaultdict(list)
    untagged_gold: dict[str, list[tuple]] = {}
    ours: dict[str, list[tuple[int, int]]] = {}
    n_gold = 0
    for doc, found in zip(docs, predictions, strict=True):
        preds = [p for p in ep.normalise_pred(doc.text, found) if p[2] == "DATE"]
        gold = [g for g in doc.gold if g[2] == "DATE"]
        n_gold += len(gold)
        pairs = ep.match(gold, preds)
        matched = {j: gold[i] for i, j in pairs}
        found_gold = {i for i, _ in pairs}
        for j, p in enumerate(preds):
            phrase = doc.text[p[0] : p[1]].lower()
            g = matched.get(j)
            gold_shape = "-" if g is None else judged_shape(doc.text[g[0] : g[1]].lower(), g[3])
            spots[phrase].append(Spot(True, gold_shape, g is not None and g[3] == p[3]))
        untagged_gold[doc.name] = [g for i, g in enumerate(gold) if i not in found_gold]
        ours[doc.name] = [(p[0], p[1]) for p in preds]
        for g in untagged_gold[doc.name]:
            spots.setdefault(doc.text[g[0] : g[1]].lower(), [])
    for phrase, found_spots in spots.items():
        pattern = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.I)
        for doc in docs:
            for m in pattern.finditer(doc.text):
                if any(m.start() < end and start < m.end() for start, end in ours[doc.name]):
                    continue
                over = [g for g in untagged_gold[doc.name] if m.start() < g[1] and g[0] < m.end()]
                gold_shape = judged_shape(doc.text[over[0][0] : over[0][1]].lower(), over[0][3]) if over else "-"
                found_spots.append(Spot(False, gold_shape, False))
    return spots, n_gold


def judged_shape(phrase: str, value: str | None) -> str:
    return UNREACHABLE if contradicts(phrase, value) else shape(value)


def best_treatments(spots: dict[str, list[Spot]], n_gold: int) -> tuple[float, dict[str, tuple]]:
    """The best DATE value F1 and the phrases whose best treatment differs from ours: phrase -> (shape,
    right values gained, predictions added). The ratio is maximised by Dinkelbach's iteration."""
    right_now, pred_now = totals(spots)
    ratio = right_now / (pred_now + n_gold)
    changes: dict[str, tuple] = {}
    for _ in range(30):
        right, pred, changes = right_now, pred_now, {}
        for phrase, rows in spots.items():
            kept = (sum(s.right for s in rows), sum(s.tagged for s in rows))
            options = {"keep": kept, "-": (0, 0)}
            for gold_shape in {s.gold_shape for s in rows} - {"-", UNREACHABLE}:
                options[gold_shape] = (sum(s.gold_shape == gold_shape for s in rows), len(rows))
            best = max(options, key=lambda o: options[o][0] - ratio * options[o][1])
            gained = options[best][0] - kept[0], options[best][1] - kept[1]
            if best != "keep" and gained[0] - ratio * gained[1] > 1e-9:
                changes[phrase] = (best, *gained)
                right, pred = right + gained[0], pred + gained[1]
        if abs(right / (pred + n_gold) - ratio) < 1e-12:
            break
        ratio = right / (pred + n_gold)
    return 200 * ratio, changes


def totals(spots: dict[str, list[Spot]]) -> tuple[int, int]:
    """Our right values and our DATE predictions now."""
    return sum(s.right for rows in spots.values() for s in rows), sum(s.tagged for rows in spots.values() for s in rows)


def value_f1(spots: dict[str, list[Spot]], n_gold: int, changes: dict[str, tuple]) -> float:
    right, pred = totals(spots)
    right += sum(c[1] for c in changes.values())
    pred += sum(c[2] for c in changes.values())
    return 200 * right / (pred + n_gold)


def agreement_bound(docs: list, predictions: list[list[tuple]], ep) -> str:
    """The report printed by `dates_bench.py --agreement`."""
    spots, n_gold = spots_by_phrase(docs, predictions, ep)
    best, changes = best_treatments(spots, n_gold)
    # A change that gains one value (or drops one false date) is a rule fitted to one spot in one article.
    recurring = {phrase: c for phrase, c in changes.items() if c[1] >= 2 or c[2] <= -2}
    contradicted = sum(s.gold_shape == UNREACHABLE for rows in spots.values() for s in rows)
    top = sorted(recurring.items(), key=lambda item: -item[1][1])[:8]
    listed = ", ".join(
        f"{phrase!r} as {how} ({right:+d} right, {added:+d} tagged)" for phrase, (how, right, added) in top
    )
    return (
        f"DATE value F1 {value_f1(spots, n_gold, {}):.1f} now, each article scored on its own output (the shared\n"
        f"  scorer keys output by text, and two AQUAINT articles share one under different dates).\n"
        f"A tagger that treats each phrase one way everywhere, and gets every value right whose shape the gold\n"
        f"  agrees with, reaches at most {best:.1f}: {len(changes)} phrases change treatment for "
        f"{sum(c[1] for c in changes.values())} more right values;\n"
        f"  {contradicted} gold values contradict their own words and count as out of reach.\n"
        f"Only the {len(recurring)} changes that recur (two or more values gained or false dates dropped): "
        f"{value_f1(spots, n_gold, recurring):.1f}.\n"
        f"  They are: {listed}"
    )
