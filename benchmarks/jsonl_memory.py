"""Peak memory of reading a large JSON Lines file, against its size.

Writes a JSONL file of SIZE_MB (default 200) of news-like records in a temporary folder, then reads every
article of it with `timeline.sources.read_paths` in a fresh process (the file-size limit raised so the
whole file is read) and prints the process's peak resident memory above what it held before reading.
Reading is streamed, so the figure should stay near the size of one record, whatever the file size.

    python benchmarks/jsonl_memory.py            # 200 MB
    python benchmarks/jsonl_memory.py 50 200 400 # several sizes, one line each
    python benchmarks/jsonl_memory.py --gzip-bomb 1024  # a .jsonl.gz whose first line inflates to 1024 MB

The gzip bomb is read with the default 20 MB limit: its long line should cost one error line and memory
near the limit, and the record after it should still be read.
"""

from __future__ import annotations

import gzip
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
articles = sum(isinstance(item, Article) for item in read_paths([sys.argv[1]], max_bytes=int(sys.argv[2])))
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


def write_gzip_bomb(path: Path, size_mb: int) -> None:
    """One record whose text is `size_mb` of spaces (about 1,000 times smaller compressed), then a good one."""
    with gzip.open(path, "wb", compresslevel=9) as out:
        out.write(b'{"id": "bomb", "text": "')
        for _ in range(size_mb):
            out.write(b" " * (1 << 20))
        out.write(b'"}\n' + json.dumps({"id": "after", "text": PARAGRAPH}).encode() + b"\n")


def measure(size_mb: int, bomb: bool = False) -> tuple[int, float, float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("bomb.jsonl.gz" if bomb else "big.jsonl")
        (write_gzip_bomb if bomb else write_jsonl)(path, size_mb)
        limit = str(20 << 20 if bomb else 1 << 40)
        if bomb:
            print(f"{path.name}: {path.stat().st_size / 1048576:.1f} MB compressed, {size_mb} MB decompressed")
        command = [sys.executable, "-c", READER, str(path), limit]
        result = subprocess.run(command, capture_output=True, text=True, check=True)
    articles, before_kb, peak_kb = (int(value) for value in result.stdout.split())
    return articles, before_kb / 1024, peak_kb / 1024


def main() -> None:
    if sys.argv[1:2] == ["--gzip-bomb"]:
        size_mb = int(sys.argv[2]) if len(sys.argv) > 2 else 1024
        articles, before, peak = measure(size_mb, bomb=True)
        print(f"articles read {articles} (the one after the bomb); peak {peak:.0f} MB, {peak - before:.0f} above start")
        return
    sizes = [int(argument) for argument in sys.argv[1:]] or [200]
    print(f"{'file MB':>8} {'articles':>9} {'peak MB':>8} {'above start MB':>15}")
    for size_mb in sizes:
        articles, before, peak = measure(size_mb)
        print(f"{size_mb:8d} {articles:9d} {peak:8.0f} {peak - before:15.0f}")


if __name__ == "__main__":
    main()
