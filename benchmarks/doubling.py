"""Does the analysis cost grow with the corpus, not with its square?  Analyse the first N
real articles, then 2N, then 4N, and print the seconds and the ratio of each step (2.0 is
linear, 4.0 quadratic).

    python benchmarks/doubling.py [--data POLNEAR.jsonl] [--start 100]

The corpus is built as a user would (`.txt` files with sidecars), as in the real-corpus
audit; reading, extraction, clustering and conflicts are all timed, the store is not.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import claimtrack as ct

sys.path.insert(0, str(Path(__file__).parent))
from real_corpus_audit import write_corpus

DEFAULT_DATA = Path(__file__).parent.parent.parent / "shared/data/attribution/polnear-train.jsonl"


def seconds_for(rows: list[dict[str, object]]) -> float:
    """Wall time of reading and analysing ``rows`` as a folder of articles."""
    with tempfile.TemporaryDirectory() as folder:
        write_corpus(rows, Path(folder))  # type: ignore[arg-type]
        start = time.perf_counter()
        ct.analyze(ct.read_folder(folder))
        return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--start", type=int, default=100)
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"no data at {args.data}: pass --data FILE", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in args.data.open(encoding="utf-8")]
    previous = None
    size = args.start
    while size <= len(rows):
        took = seconds_for(rows[:size])
        ratio = f"  x{took / previous:.2f}" if previous else ""
        print(f"{size:6d} articles  {took:7.1f} s  {60 * size / took:6.0f} articles/min{ratio}")
        previous, size = took, size * 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
