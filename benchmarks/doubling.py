"""Does the analysis cost grow with the corpus, not with its square?  Analyse the first N
real articles, then 2N, then 4N, and print the seconds and the ratio of each step beside
the ratio of the words read (the articles differ in length: twice the articles need not be
twice the text).  Time growing as the words do is linear; as their square, quadratic.

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
    previous: tuple[float, int] | None = None
    size = args.start
    while size <= len(rows):
        took = seconds_for(rows[:size])
        words = sum(len(str(row.get("text", "")).split()) for row in rows[:size])
        ratio = (f"  time x{took / previous[0]:.2f} for words x{words / previous[1]:.2f}"
                 if previous else "")  # fmt: skip
        print(
            f"{size:6d} articles {words:8d} words {took:7.1f} s "
            f"{60 * size / took:5.0f} articles/min {1000 * took / words:5.2f} s/1k words{ratio}"
        )
        previous, size = (took, words), size * 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
