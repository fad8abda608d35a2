"""Company timelines on SemEval-2015 Task 4 (corpus 1: 30 Wikinews articles), scored by the shared scorer.

    python benchmarks/semeval_bench.py [--errors 20]

Prepares the corpus with ../shared/tools/semeval/prepare.py, ingests it into a fresh database, exports
JSONL and prints the scorer's per-entity table: strict and relaxed F1 of (entity, article, sentence, date)
tuples and sentence recall. The naive peer (every spaCy ORG a company, every sentence dated by its spaCy
DATE through plain dateparser, else the publication date) scores strict F1 0.330.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="misses and false positives to list")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        tools = SHARED / "tools/semeval"

        def run(*command: str) -> str:
            return subprocess.run(command, check=True, capture_output=True, text=True).stdout

        run(
            sys.executable,
            str(tools / "prepare.py"),
            folder,
            "--split",
            "test",
            "--data-root",
            str(SHARED / "data/semeval2015"),
        )
        timeline = [sys.executable, "-m", "timeline", "--db", str(out / "db.json")]
        run(*timeline, "ingest", "-q", str(out / "docs.jsonl"))
        run(*timeline, "export", "--format", "jsonl", "-o", str(out / "events.jsonl"))
        print(
            run(
                sys.executable, str(tools / "score.py"), folder, str(out / "events.jsonl"), "--errors", str(args.errors)
            )
        )


if __name__ == "__main__":
    main()
