"""How the store holds up: ingest throughput and query latency on a store of 1M claims.

    python benchmarks/store_load.py            # 1,000,000 claims
    python benchmarks/store_load.py 100000     # a smaller store

Prints, as JSON: full-pipeline ingest of articles (read, extract, store) in articles per
second; store ingest in claims per second; the median and 95th-percentile latency of
queries by speaker, by text (FTS5) and by time range; the file size and peak memory.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from claimtrack.actors import ActorRegistry
from claimtrack.model import Claim, Source, When
from claimtrack.pipeline import extract_all
from claimtrack.reading.folder import read_folder
from claimtrack.store import ClaimStore

ROOT = Path(__file__).parent.parent
WORDS = (
    "split ties al-Qaeda Nusra group fighters Aleppo Idlib rebels talks funding cut "
    "ceasefire offensive airstrike commander border leader merger statement audio"
).split()


def article_ingest(folder: Path, copies: int = 40) -> float:
    """Articles per second through read, extract and store (the seeds, copied)."""
    work = Path(tempfile.mkdtemp())
    for i in range(copies):
        for path in (ROOT / "seeds").glob("*.txt"):
            (work / f"{i:03d}_{path.name}").write_bytes(path.read_bytes())
            sidecar = path.with_suffix(".toml")
            # each copy's pieces get ids of their own (the explicit part ids would collide)
            lines = [
                line
                for line in sidecar.read_text(encoding="utf-8").splitlines()
                if not line.startswith("id = ")
            ]
            (work / f"{i:03d}_{sidecar.name}").write_text("\n".join(lines), encoding="utf-8")
    registry = ActorRegistry.from_file(ROOT / "seeds" / "actors.toml")
    start = time.perf_counter()
    documents = read_folder(work)
    with ClaimStore(folder / "articles.db") as store:
        store.add_analysis(extract_all(documents, actors=registry))
    seconds = time.perf_counter() - start
    shutil.rmtree(work)
    return len(documents) / seconds


def fill(store: ClaimStore, claims: int, per_source: int = 10, batch: int = 500) -> float:
    """Claims per second stored, in batches of ``batch`` sources."""
    rng = random.Random(1)
    speakers = [f"speaker-{i}" for i in range(5000)]
    start = time.perf_counter()
    for first in range(0, claims // per_source, batch):
        pairs = []
        for s in range(first, min(first + batch, claims // per_source)):
            day = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(1000))
            source = Source(id=f"s{s}", text="", outlet=f"outlet {s % 50}", published=When.on(day))
            pairs.append(
                (
                    source,
                    [
                        Claim.create(
                            text=" ".join(rng.choices(WORDS, k=8)) + f" {s}-{k}",
                            source=source.id,
                            speaker=rng.choice(speakers),
                            said=When.on(day - dt.timedelta(days=rng.randrange(5))),
                            recorded_by="claimtrack.benchmark",
                        )
                        for k in range(per_source)
                    ],
                )
            )
        store.add_many(pairs)
    return claims / (time.perf_counter() - start)


def latency(run, repeats: int = 50) -> dict[str, float]:
    times = []
    for i in range(repeats):
        start = time.perf_counter()
        run(i)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[int(0.95 * len(times)) - 1], 2),
    }


def main() -> None:
    claims = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    folder = Path(tempfile.mkdtemp())
    try:
        articles_per_second = article_ingest(folder)
        with ClaimStore(folder / "load.db") as store:
            claims_per_second = fill(store, claims)
            rng = random.Random(2)
            result = {
                "claims": store.counts()["claims"],
                "article_ingest_per_second": round(articles_per_second, 1),
                "store_ingest_claims_per_second": round(claims_per_second),
                "query_by_speaker": latency(
                    lambda i: store.claims(speaker=f"speaker-{rng.randrange(5000)}")
                ),
                "query_by_text": latency(
                    lambda i: store.claims(
                        text=f"{rng.choice(WORDS)} {rng.choice(WORDS)}", limit=100
                    )
                ),
                "query_by_time_range": latency(
                    lambda i: store.claims(
                        since=dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(600)),
                        until=dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(600, 607)),
                        limit=100,
                    )
                ),
                "file_mb": round((folder / "load.db").stat().st_size / 1e6),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            }
        print(json.dumps(result, indent=2))
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
