"""Kill -9 an ingest at random moments, many times, and check the store each time.

    python benchmarks/kill_trials.py 100

Each trial starts a process that stores batches of 50 claims (one transaction each), kills
it with SIGKILL after a random delay, then checks that the store passes SQLite's
integrity check and holds only whole batches; finally the same ingest is re-run to the end
and must give the same ids and counts as a run that was never interrupted.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from claimtrack.store import ClaimStore

WRITER = textwrap.dedent(
    """
    import sys
    from claimtrack.model import Claim, Source
    from claimtrack.store import ClaimStore

    store = ClaimStore(sys.argv[1])
    for batch in range(int(sys.argv[2])):
        source = Source(id=f"s{batch}", text="t" * 1000)
        store.add(source, [Claim.create(text=f"claim {batch} {i} " + "x" * 200,
                                        source=source.id, recorded_by="claimtrack.benchmark")
                           for i in range(50)])
    """
)


def main() -> None:
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    rng = random.Random(7)
    folder = Path(tempfile.mkdtemp())
    path = folder / "killed.db"
    survived = 0
    for _ in range(trials):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), "400"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.2, 1.5))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        with ClaimStore(path) as store:
            counts = store.counts()
            if store.integrity_check() == "ok" and counts["claims"] == 50 * counts["sources"]:
                survived += 1
    subprocess.run([sys.executable, "-c", WRITER, str(path), "400"], check=True)
    subprocess.run([sys.executable, "-c", WRITER, str(folder / "clean.db"), "400"], check=True)
    with ClaimStore(path) as resumed, ClaimStore(folder / "clean.db") as clean:
        same = resumed.analysis() == clean.analysis()
    print(
        json.dumps(
            {
                "trials": trials,
                "stores_sound_with_whole_batches": survived,
                "resumed_equals_uninterrupted": same,
            }
        )
    )


if __name__ == "__main__":
    main()
