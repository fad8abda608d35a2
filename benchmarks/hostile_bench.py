"""Time and peak memory per pathological input, against input size: every row should grow linearly.

    python benchmarks/hostile_bench.py [--only SHAPE ...] [--timeout 600] [--memory-gb 4] [--issue-sizes]

Each shape of issue #19 is written to a file at doubling sizes and read, each size in a fresh process
(under a memory cap, killed after the timeout), by the stage it attacks: `ingest` (read, clean, parse,
dates, events, store: the whole of `timeline ingest --jobs 1`), `dates` (`timeline dates`) or `read` (the
file reader alone). Seconds exclude loading the spaCy model; `MB` is the peak resident memory above the
process's own after loading it. `x` is the time against the previous size's: about 2 at each doubling is
linear, about 4 quadratic. A row that fails, errs or runs out of time or memory says so. `--issue-sizes`
adds the sizes the issue reports (a 5 MB entity bomb, `'January ' * 50000`, 200,000 attributes; minutes each).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from measure import peak_mb

ROOT = Path(__file__).resolve().parent.parent
HEAD = "Acme news\n\n"


def _yaml_aliases(levels: int) -> str:
    """Billion laughs: each level a list of nine aliases of the one before (9**levels leaves from 50 bytes a level)."""
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels + 1):
        lines.append(f"l{level}: &l{level} [" + ",".join([f"*l{level - 1}"] * 9) + "]")
    return "---\n" + "\n".join(lines) + "\ntitle: Acme\n---\nAcme Corp said on Monday it sold 5 units.\n"


def _jsonl(records: int, text: str) -> str:
    return "".join(json.dumps({"id": f"r{n}", "text": text.format(n=n)}) + "\n" for n in range(records))


@dataclass(frozen=True)
class Shape:
    name: str
    suffix: str
    stage: str
    sizes: tuple[int, ...]
    issue_sizes: tuple[int, ...]
    make: object  # size -> str
    owner: str = "#19 items 1, 2, 9"


SHAPES = [
    Shape("'January 2024, ' * n", ".txt", "ingest", (1000, 2000, 4000), (8000,), lambda n: HEAD + "January 2024, " * n),
    Shape("'January ' * n", ".txt", "dates", (2000, 4000, 8000), (50000,), lambda n: "January " * n),
    Shape("'1 ' * n", ".txt", "ingest", (4000, 8000, 16000), (), lambda n: HEAD + "1 " * n),
    Shape("'(' * n + ')' * n", ".txt", "ingest", (4000, 8000, 16000), (), lambda n: HEAD + "(" * n + ")" * n),
    Shape(
        "tag with n attributes",
        ".html",
        "ingest",
        (25000, 50000, 100000),
        (200000,),
        lambda n: (
            "<html><body><article><p "
            + " ".join(f'a{i}="{i}"' for i in range(n))
            + ">Acme Corp said on Monday it sold 5 units in 2020, the company told reporters in Paris.</p>"
            "</article></body></html>"
        ),
    ),
    Shape(
        "HTML entity bomb, '&amp;' * n",
        ".html",
        "ingest",
        (5000, 10000, 20000),
        (1_000_000,),
        lambda n: (
            "<html><body><article><p>Acme Corp said on Monday it sold 5 units in 2020, the company told "
            "reporters.</p><p>" + "&amp;" * n + "</p></article></body></html>"
        ),
    ),
    Shape(
        "prose article of n lines",
        ".txt",
        "ingest",
        (2500, 5000, 10000, 21000),
        (),
        lambda n: HEAD + "".join(f"Acme Corp said on Monday it sold {i} units in 2020.\n" for i in range(n)),
    ),
    Shape(
        "prose of n lines, timeline dates",
        ".txt",
        "dates",
        (2500, 5000, 10000),
        (100_000,),
        lambda n: "".join(f"Acme Corp said on Monday it sold {i} units in 2020.\n" for i in range(n)),
    ),
    Shape(
        "'3000 years ago', n times",
        ".txt",
        "ingest",
        (250, 500, 1000),
        (),
        lambda n: HEAD + "Acme Corp said its craft began 3000 years ago and 900000 days ago.\n" * n,
    ),
    Shape(
        "published 9999-12-31, 'next week' n times",
        ".md",
        "ingest",
        (250, 500, 1000),
        (),
        lambda n: "---\npublished: 9999-12-31\n---\n# Acme meets\n\n" + "Acme Corp will meet next week.\n" * n,
    ),
    Shape("YAML aliases, n levels", ".md", "read", (5, 7, 9), (), _yaml_aliases, owner="#19 item 4 (other helper)"),
    Shape(
        "JSON integer of n digits",
        ".jsonl",
        "read",
        (5000, 50000, 500000),
        (),
        lambda n: '{"id": "a", "text": "Acme Corp said on Monday it sold 5 units.", "n": 1' + "1" * n + "}\n",
        owner="#19 item 3 (other helper)",
    ),
    Shape(
        "U+2028 in JSON strings, n records",
        ".jsonl",
        "read",
        (10000, 20000, 40000),
        (),
        lambda n: _jsonl(n, "Acme Corp said\u2028on Monday it sold {n} units.\u2029Then\u0085more."),
        owner="#19 item 6 (other helper)",
    ),
    Shape(
        "JSONL of n records",
        ".jsonl",
        "read",
        (50000, 100000, 200000),
        (),
        lambda n: _jsonl(n, "Acme Corp said on Monday it sold {n} units in 2020, the company told reporters."),
        owner="#19 item 10 (other helper)",
    ),
]


def run_child(shape_index: int, size: int, memory_gb: float) -> None:
    """In a fresh process: write the input, load the model, run the stage; print one JSON line."""
    if memory_gb:
        limit = int(memory_gb * 1024**3)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    shape = SHAPES[shape_index]
    folder = Path(tempfile.mkdtemp(prefix="hostile-"))
    path = folder / f"input{shape.suffix}"
    path.write_text(shape.make(size), encoding="utf-8")
    result = {"bytes": path.stat().st_size}

    from timeline.config import Settings
    from timeline.nlp import load_pipeline

    settings = Settings(db_path=folder / "db.json", config_path=folder / "none.toml")
    if shape.stage != "read":
        load_pipeline(settings.model, ())
        load_pipeline(settings.model)
    base = peak_mb()
    begin = time.perf_counter()
    try:
        if shape.stage == "ingest":
            from timeline.pipeline import ingest
            from timeline.store import Store

            with Store(settings.db_path) as store:
                report = ingest([path], store, settings, jobs=1)
            result.update(errors=report.errors, documents=report.added)
        elif shape.stage == "dates":
            from click.testing import CliRunner

            from timeline.cli import cli

            outcome = CliRunner().invoke(cli, ["dates", str(path), "--published", "2024-05-03"])
            lines = outcome.output.count("\n")
            if outcome.exit_code:
                result["errors"] = [outcome.output.strip().splitlines()[-1][:160] if outcome.output else repr(outcome)]
            result.update(documents=1 if not outcome.exit_code else 0, expressions=lines)
        else:
            from timeline.sources import SourceError, read_paths

            errors, documents = [], 0
            for item in read_paths([path]):  # counted, not kept: the reader's memory, not the bench's
                if isinstance(item, SourceError):
                    errors.append(str(item)[:160])
                else:
                    documents += 1
            result.update(errors=errors, documents=documents)
    except MemoryError:
        result["failure"] = "MemoryError"
    except Exception as error:  # noqa: BLE001 - the bench reports what escapes: a batch aborted by one input
        result["failure"] = f"{type(error).__name__}: {str(error).splitlines()[0][:120] if str(error) else ''}"
    result.update(seconds=time.perf_counter() - begin, mb=peak_mb() - base)
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="Shapes whose name contains one of these words.")
    parser.add_argument("--timeout", type=float, default=600, help="Seconds before a size is given up.")
    parser.add_argument("--memory-gb", type=float, default=4, help="Address-space cap per process (0: none).")
    parser.add_argument("--issue-sizes", action="store_true", help="Also the sizes the issue reports.")
    parser.add_argument("--child", nargs=2, type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(*args.child, args.memory_gb)
        return

    print(f"{'shape':42} {'stage':6} {'size n':>9} {'KB':>8} {'seconds':>8} {'x':>5} {'MB':>7}  outcome")
    for index, shape in enumerate(SHAPES):
        if args.only and not any(word.lower() in shape.name.lower() for word in args.only):
            continue
        previous = None
        for size in shape.sizes + (shape.issue_sizes if args.issue_sizes else ()):
            command = [sys.executable, __file__, "--child", str(index), str(size), "--memory-gb", str(args.memory_gb)]
            env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
            begin = time.perf_counter()
            try:
                done = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout, env=env)
            except subprocess.TimeoutExpired:
                print(f"{shape.name:42} {shape.stage:6} {size:9d} {'':>8} {f'>{args.timeout:.0f}':>8}  TIMEOUT")
                break  # a larger size takes longer still
            lines = done.stdout.strip().splitlines()
            if done.returncode or not lines:
                tail = (done.stderr.strip().splitlines() or ["no output"])[-1][:100]
                wall = time.perf_counter() - begin
                crash = f"CRASHED rc {done.returncode}: {tail}"
                print(f"{shape.name:42} {shape.stage:6} {size:9d} {'':>8} {wall:8.1f}  {crash}")
                continue
            row = json.loads(lines[-1])
            ratio = f"{row['seconds'] / previous:5.1f}" if previous and previous > 0.05 else ""
            previous = row["seconds"]
            errors = row.get("errors") or []
            if row.get("failure"):
                outcome = f"FAILED {row['failure']}"
            elif errors:
                outcome = f"{len(errors)} error line(s): {errors[0][-90:]}"
            else:
                outcome = f"ok, {row.get('documents', 0)} article(s)"
                if "expressions" in row:
                    outcome += f", {row['expressions']} expressions"
            if "other helper" in shape.owner:
                outcome += f"  [{shape.owner}]"
            print(
                f"{shape.name:42} {shape.stage:6} {size:9d} {row['bytes'] / 1024:8.0f} {row['seconds']:8.2f} "
                f"{ratio:>5} {row['mb']:7.0f}  {outcome}",
                flush=True,
            )


if __name__ == "__main__":
    main()
