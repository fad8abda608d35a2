"""Fuzz the ingest path with hypothesis: random bytes, mutated seeds and hostile shapes, as every file type.

    python benchmarks/fuzz_ingest.py [--examples 3000] [--nlp-every 25]

Each input is written to a file (.txt, .md, .html, .json or .jsonl) and goes through reading, decoding,
cleaning and the date normaliser; every `--nlp-every`-th input also through spaCy and event extraction,
into a real store. The hostile shapes of issue #19 are among the inputs: dates outside the calendar ("3000
years ago", a publication date of 9999-12-31 or 0001-01-01 with "next week"), repeated months, '1 ' * n,
'(' * n + ')' * n, tags with thousands of attributes, entity bombs, YAML aliases, huge JSON integers, raw
U+2028 in JSON strings. A failure is any exception other than the one-line SourceError the reader
reports. Prints the inputs tried, the failures (the target is zero) and the slowest inputs per KB.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [path.read_bytes() for path in sorted((ROOT / "seeds").glob("*.txt"))]
SUFFIXES = (".txt", ".md", ".html", ".json", ".jsonl")
INSERTS = [
    b"[bold red]",
    b"[@click=app.quit]",
    b"\x1b[31m",
    b"\x00",
    b"\xff\xfe",
    b"\u202e".decode().encode(),
    b"{",
    b"]]",
    b'"',
    b"\n---\n",
    b"---\npublished: 2024-99-99\n---\n",
    b"<script>",
    b"Feb 30, 2024",
    b"since 1799",
    b"by 2090",
    b"\r\n",
    b"\t=cmd|' /C calc'!A0",
]


@st.composite
def mutated_seed(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(0, 12))):
        position = draw(st.integers(0, max(len(data) - 1, 0)))
        action = draw(st.sampled_from(["flip", "insert", "cut", "repeat"]))
        if action == "flip" and data:
            data[position] ^= 1 << draw(st.integers(0, 7))
        elif action == "insert":
            data[position:position] = draw(st.sampled_from(INSERTS))
        elif action == "cut":
            del data[position : position + draw(st.integers(1, 400))]
        else:
            data[position:position] = data[position : position + 200] * draw(st.integers(1, 20))
    return bytes(data)


OUT_OF_CALENDAR = [
    "3000 years ago", "2024 years ago", "8000 years from now", "900000 days ago", "30000 months ago",
    "next week", "last week", "tomorrow", "yesterday", "the following year", "a year earlier", "in January",
    "99999999999999999999 days ago", "9" * 5000 + " years later",
]  # fmt: skip


@st.composite
def hostile_text(draw) -> str:
    """A text shaped to walk every step to its end, or to leave the calendar."""
    n = draw(st.integers(1, 3000))
    kind = draw(st.sampled_from(["months", "month-years", "ones", "parens", "calendar", "word"]))
    if kind == "months":
        return "Acme news\n\n" + "January " * n
    if kind == "month-years":
        return "Acme news\n\n" + "January 2024, " * n
    if kind == "ones":
        return "Acme news\n\n" + "1 " * n
    if kind == "parens":
        return "Acme news\n\nAcme Corp said " + "(" * n + ")" * n
    if kind == "word":
        return "Acme news\n\nAcme Corp said " + draw(st.sampled_from(["x", "&", "-", "é"])) * (50 * n)
    phrases = draw(st.lists(st.sampled_from(OUT_OF_CALENDAR), min_size=1, max_size=5))
    return "Acme news\n\n" + " ".join(f"Acme Corp said it met {phrase}." for phrase in phrases)


@st.composite
def hostile_file(draw) -> tuple[bytes, str]:
    """A hostile shape in the file type it attacks."""
    text = draw(hostile_text())
    form = draw(st.sampled_from(["txt", "edge-published", "html-attributes", "html-entities", "json", "yaml"]))
    if form == "edge-published":
        day = draw(st.sampled_from(["9999-12-31", "0001-01-01", "0001-01-07", "9999-12-25"]))
        return f"---\npublished: {day}\n---\n{text}".encode(), ".md"
    if form == "html-attributes":
        attributes = " ".join(f'a{i}="{i}"' for i in range(draw(st.integers(1, 20000))))
        return f"<html><body><article><p {attributes}>{text}</p></article></body></html>".encode(), ".html"
    if form == "html-entities":
        bomb = "&amp;" * draw(st.integers(1, 20000))
        return f"<html><body><article><p>{text}</p><p>{bomb}</p></article></body></html>".encode(), ".html"
    if form == "json":
        digits = "1" * draw(st.integers(1, 6000))
        record = json.dumps({"id": "a", "text": text.replace("\n\n", "\u2028", 1)}, ensure_ascii=False)
        return (record[:-1] + f', "n": {digits}}}\n' + record + "\n").encode(), ".jsonl"
    if form == "yaml":
        levels = draw(st.integers(1, 9))
        lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        lines += [f"l{k}: &l{k} [" + ",".join([f"*l{k - 1}"] * 9) + "]" for k in range(1, levels + 1)]
        return ("---\n" + "\n".join(lines) + "\n---\n" + text).encode(), ".md"
    return text.encode(), ".txt"


INPUTS = st.one_of(
    st.tuples(st.one_of(mutated_seed(), st.binary(max_size=3000)), st.sampled_from(SUFFIXES)),
    hostile_file(),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=3000)
    parser.add_argument("--nlp-every", type=int, default=25)
    args = parser.parse_args()

    from timeline.clean import clean_article
    from timeline.config import Settings
    from timeline.dates import find_dates
    from timeline.models import Article
    from timeline.pipeline import ingest
    from timeline.sources import SourceError, SourceWarning, read_paths
    from timeline.store import Store

    folder = Path(tempfile.mkdtemp())
    db = folder / "db.json"
    config = Settings(db_path=db, config_path=folder / "none.toml")
    tried, failures, timings = 0, [], []

    @settings(max_examples=args.examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(INPUTS)
    def run(case) -> None:
        nonlocal tried
        data, suffix = case
        tried += 1
        path = folder / f"input{tried % 50}{suffix}"
        path.write_bytes(data)
        begin = time.perf_counter()
        try:
            for item in read_paths([path]):
                if isinstance(item, SourceError | SourceWarning):
                    assert "\n" not in str(item) and str(path) in str(item)
                    continue
                assert isinstance(item, Article)
                cleaned = clean_article(item.text, item.title)
                for timex in find_dates(cleaned.text, item.published or cleaned.published):
                    assert timex.start_date is None or timex.start_date <= timex.end_date
            if tried % args.nlp_every == 0:
                with Store(db) as store:
                    ingest([path], store, config)
        except Exception:  # noqa: BLE001 - the fuzzer's job is to catch and count every failure
            failures.append((suffix, data[:80], traceback.format_exc(limit=3)))
        timings.append((time.perf_counter() - begin, len(data), suffix, data[:60]))

    begin = time.perf_counter()
    run()
    print(
        f"inputs tried: {tried:,} in {time.perf_counter() - begin:.0f} s "
        f"({tried // args.nlp_every} through spaCy and the store); failures: {len(failures)}"
    )
    for suffix, head, trace in failures[:5]:
        print(f"--- {suffix} {head!r}\n{trace}")
    print("slowest inputs (seconds, KB, type, start):")
    for seconds, size, suffix, head in sorted(timings, reverse=True)[:5]:
        print(f"  {seconds:6.2f} s {size / 1024:8.1f} KB {suffix:6} {head!r}")


if __name__ == "__main__":
    main()
