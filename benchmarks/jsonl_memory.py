"""Peak memory of reading a large JSON Lines file, against its size.

Writes a JSONL file of SIZE_MB (default 200) of news-like records in a temporary folder, then reads every
article of it with `timeline.sources.read_paths` in a fresh process (the file-size limit raised so the
whole file is read) and prints the process's peak resident memory above what it held before reading.
Reading is streamed, so the figure should stay near the size of one record, whatever the file size.

    python benchmarks/jsonl_memory.py            # 200 MB
    python benchmarks/jsonl_memory.py 50 200 400 # several sizes, one line each
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

PARAGRAPH = (
    "Acme Corp said on Tuesday it had agreed to buy Widget Inc for $1.2 billion in cash, its largest deal "
    "since 2019, as it seeks to expand in industrial sensors. Shares of Widget rose 14% in early trading. "
)

READER = """
import resource, sys
from timeline.sources import read_paths
from timeline.models import Article
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
articles = sum(isinstance(item, Article) for item in read_paths([sys.argv[1]], max_bytes=1 << 40))
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(articles, before, peak)
"""


def write_jsonl(path: Path, size_mb: int) -> None:
    target = size_mb * 1024 * 1024
    written = 0
    number = 0
    with open(path, "w", encoding="utf-8") as out:
        while written < target:
            number += 1
            record = {
                "id": f"story-{number}",
                "title": f"Acme buys Widget, story {number}",
                "published": "2024-04-26",
                "text": PARAGRAPH * (8 + number % 17),
            }
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line)


def measure(size_mb: int) -> tuple[int, float, float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.jsonl"
        write_jsonl(path, size_mb)
        result = subprocess.run([sys.executable, "-c", READER, str(path)], capture_output=True, text=True, check=True)
    articles, before_kb, peak_kb = (int(value) for value in result.stdout.split())
    return articles, before_kb / 1024, peak_kb / 1024


def main() -> None:
    sizes = [int(argument) for argument in sys.argv[1:]] or [200]
    print(f"{'file MB':>8} {'articles':>9} {'peak MB':>8} {'above start MB':>15}")
    for size_mb in sizes:
        articles, before, peak = measure(size_mb)
        print(f"{size_mb:8d} {articles:9d} {peak:8.0f} {peak - before:15.0f}")


if __name__ == "__main__":
    main()
