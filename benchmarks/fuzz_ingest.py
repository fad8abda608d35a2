"""Fuzz the ingest path with hypothesis: random bytes and mutated seeds, as every supported file type.

    python benchmarks/fuzz_ingest.py [--examples 3000] [--nlp-every 25]

Each input is written to a file (.txt, .md, .html, .json or .jsonl) and goes through reading, decoding,
cleaning and the date normaliser; every `--nlp-every`-th input also through spaCy and event extraction,
into a real store. A failure is any exception other than the one-line SourceError the reader reports.
Prints the inputs tried and the failures (the target is zero).
"""

from __future__ import annotations

import argparse
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


INPUTS = st.tuples(st.one_of(mutated_seed(), st.binary(max_size=3000)), st.sampled_from(SUFFIXES))


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
    tried, failures = 0, []

    @settings(max_examples=args.examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(INPUTS)
    def run(case) -> None:
        nonlocal tried
        data, suffix = case
        tried += 1
        path = folder / f"input{tried % 50}{suffix}"
        path.write_bytes(data)
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

    begin = time.perf_counter()
    run()
    print(
        f"inputs tried: {tried:,} in {time.perf_counter() - begin:.0f} s "
        f"({tried // args.nlp_every} through spaCy and the store); failures: {len(failures)}"
    )
    for suffix, head, trace in failures[:5]:
        print(f"--- {suffix} {head!r}\n{trace}")


if __name__ == "__main__":
    main()
