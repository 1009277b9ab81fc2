"""Kill -9 `claimtrack ingest` at random moments and check what a reader then sees.

    python benchmarks/ingest_kill_trials.py 20 [FOLDER]

Each trial ingests FOLDER (the seeds by default) into a fresh store and kills the process
after a random delay.  The store must then pass SQLite's integrity check and hold either
nothing or claims *with* their clusters (ingest is one transaction: issue #23 item 2).
Prints the counts of trials that ended empty, whole, or broken.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimtrack.store import ClaimStore


def main() -> None:
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    folder = sys.argv[2] if len(sys.argv) > 2 else str(Path(__file__).parent.parent / "seeds")
    rng = random.Random(23)
    scratch = Path(tempfile.mkdtemp())
    outcome = {"empty": 0, "whole": 0, "broken": 0, "finished": 0}

    def start(path: Path) -> subprocess.Popen[bytes]:
        command = [sys.executable, "-m", "claimtrack.cli", "ingest", folder, "--db", str(path)]
        return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    began = time.monotonic()
    start(scratch / "baseline.db").wait()
    whole_run = time.monotonic() - began  # kills are spread over the whole run and a bit past
    for trial in range(trials):
        path = scratch / f"k{trial}.db"
        ingest = start(path)
        time.sleep(rng.uniform(0.1, 1.1 * whole_run))
        if ingest.poll() is not None:
            outcome["finished"] += 1
            continue
        ingest.send_signal(signal.SIGKILL)
        ingest.wait()
        if not path.exists():
            outcome["empty"] += 1
            continue
        with ClaimStore(path) as store:
            counts = store.counts()
            sound = store.integrity_check() == "ok"
        if sound and counts["claims"] == 0:
            outcome["empty"] += 1
        elif sound and counts["clusters"] > 0:
            outcome["whole"] += 1
        else:
            outcome["broken"] += 1
    print({"uninterrupted_seconds": round(whole_run, 1), **outcome})


if __name__ == "__main__":
    main()
