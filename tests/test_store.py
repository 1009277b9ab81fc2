"""The store: queries, all-or-nothing writes, idempotent re-ingest, kills and concurrency."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

from claimtrack.errors import InputError, StoreBusyError, StoreError
from claimtrack.model import (
    Actor,
    ActorKind,
    Claim,
    Cluster,
    Conflict,
    ConflictKind,
    ConflictStatus,
    Source,
    When,
)
from claimtrack.store import ClaimStore
from claimtrack.store.schema import MIGRATIONS

from .strategies import analyses


def _claim(text, source="s1", speaker=None, said=None):
    return Claim.create(
        text=text, source=source, speaker=speaker, said=said, recorded_by="claimtrack.test"
    )


@pytest.fixture
def store():
    with ClaimStore(":memory:") as s:
        yield s


def _fill(store):
    store.add(
        Source(id="s1", outlet="VICE News", text="..."),
        [
            _claim(
                "Nusra is breaking ties with al-Qaeda",
                speaker="nusra",
                said=When.parse("2016-07-28"),
            ),
            _claim(
                "the split may be more in name than anything else",
                speaker="charles-lister",
                said=When.parse("2016-07"),
            ),
        ],
        actors=[Actor.named("Charles Lister", kind=ActorKind.PERSON, aliases=["Lister"])],
    )
    store.add(
        Source(id="s2", outlet="MEMRI", text="..."),
        [
            _claim(
                "the mujahideen in Syria must unite",
                source="s2",
                speaker="al-zawahiri",
                said=When.parse("2016-05-08"),
            ),
        ],
    )


def test_queries_by_speaker_source_outlet_time_and_text(store):
    """Each filter narrows the claims, and filters combine."""
    _fill(store)
    assert [c.speaker for c in store.claims(speaker="charles-lister")] == ["charles-lister"]
    assert len(store.claims(source="s1")) == 2
    assert [c.source for c in store.claims(outlet="memri")] == ["s2"]
    assert len(store.claims(since=dt.date(2016, 7, 1))) == 2
    assert len(store.claims(until=dt.date(2016, 6, 1))) == 1
    assert len(store.claims(said=When.parse("2016-07-28"))) == 2  # a month overlaps its days
    assert [c.speaker for c in store.claims(text="name")] == ["charles-lister"]
    assert [c.speaker for c in store.claims(text="al-Qaeda")] == ["nusra"]
    assert store.claims(text="unite", outlet="VICE News") == []


def test_actors_are_found_by_alias_in_any_case(store):
    """An actor is found by any of its names."""
    _fill(store)
    assert [a.id for a in store.actors(alias="lister")] == ["charles-lister"]


def test_readding_a_source_is_idempotent(store):
    """Adding the same source and claims again changes nothing."""
    _fill(store)
    before = store.analysis()
    _fill(store)
    assert store.analysis() == before
    assert store.counts()["claims"] == 3


def test_readding_replaces_machine_claims_of_that_source(store):
    """A new extraction of a source replaces the old one; other sources are untouched."""
    _fill(store)
    store.add(Source(id="s1", outlet="VICE News", text="..."), [_claim("only this now")])
    assert [c.text for c in store.claims(source="s1")] == ["only this now"]
    assert len(store.claims(source="s2")) == 1


def test_a_failing_write_leaves_the_store_as_it_was(store):
    """An error part-way through a batch rolls the whole batch back."""
    _fill(store)
    before = store.analysis()
    with pytest.raises(InputError):
        store.add_many(
            [
                (Source(id="s3", text="new"), [_claim("fine", source="s3")]),
                (Source(id="s4", text="bad"), [_claim("orphan", source="nowhere")]),
            ]
        )
    assert store.analysis() == before


def test_conflict_status_survives_being_found_again(store):
    """A person's decision on a conflict is kept when the detector finds it again."""
    _fill(store)
    a, b = (c.id for c in store.claims(source="s1"))
    conflict = Conflict.between(a, b, kind=ConflictKind.NULLIFIER, score=0.8, reason="r")
    store.save(conflicts=[conflict])
    store.set_conflict_status(conflict.id, ConflictStatus.REJECTED, note="different claims")
    store.save(conflicts=[conflict])
    kept = store.conflict(conflict.id)
    assert kept.status is ConflictStatus.REJECTED
    assert kept.note == "different claims"
    assert store.conflicts(status=ConflictStatus.UNRESOLVED) == []


def test_clusters_are_replaced_but_decisions_are_kept(store):
    """Re-clustering replaces clusters; membership decisions live on."""
    _fill(store)
    ids = [c.id for c in store.claims()]
    store.save(clusters=[Cluster.of(ids[:2])])
    store.decide_membership(ids[0], ids[2], same=True)
    store.save(clusters=[Cluster.of(ids)])
    assert [len(k.claims) for k in store.clusters()] == [3]
    assert store.membership_decisions() == {tuple(sorted((ids[0], ids[2]))): True}


@settings(max_examples=25, deadline=None)
@given(analyses())
def test_any_analysis_round_trips_through_the_store(analysis):
    """Whatever is stored comes back equal (sources, claims, actors, clusters, conflicts)."""
    import attrs

    # Claims must name a stored source, and parents must exist: make them consistent.
    ids = [s.id for s in analysis.sources]
    sources = {s.id: attrs.evolve(s, parent=None) for s in analysis.sources}
    if not sources:
        return
    claims = {c.id: attrs.evolve(c, source=ids[0]) for c in analysis.claims}
    actors = {a.id: a for a in analysis.actors}
    clean = attrs.evolve(
        analysis,
        sources=list(sources.values()),
        claims=list(claims.values()),
        actors=list(actors.values()),
        clusters=[],
        conflicts=[],
    )
    with ClaimStore(":memory:") as store:
        store.add_analysis(clean)
        back = store.analysis()
    assert sorted(back.claims, key=lambda c: c.id) == sorted(clean.claims, key=lambda c: c.id)
    assert sorted(back.sources, key=lambda s: s.id) == sorted(clean.sources, key=lambda s: s.id)
    assert sorted(back.actors, key=lambda a: a.id) == sorted(clean.actors, key=lambda a: a.id)


def test_hostile_strings_are_data_not_sql(store):
    """Quotes, semicolons and FTS syntax in every text field are stored and found as text."""
    hostile = "x'); DROP TABLE claims; -- \" OR 1=1 NEAR( * ^"
    store.add(
        Source(id=hostile, outlet=hostile, title=hostile, text=hostile),
        [_claim(hostile, source=hostile, speaker=hostile)],
        actors=[Actor(id=hostile, name=hostile, aliases=[hostile])],
    )
    assert store.claims(speaker=hostile)[0].text == hostile
    assert store.claims(outlet=hostile)[0].source == hostile
    assert store.actors(alias=hostile)[0].id == hostile
    assert store.counts()["claims"] == 1
    store.claims(text="DROP TABLE")  # words of the string, searched as words


def test_migrations_are_recorded(tmp_path):
    """A new store records every migration by name, and reopening applies none again."""
    path = tmp_path / "c.db"
    with ClaimStore(path) as store:
        assert store.schema_version == MIGRATIONS[-1][0]
    with ClaimStore(path) as store:
        assert store.integrity_check() == "ok"


def test_a_store_from_a_newer_claimtrack_is_refused(tmp_path):
    """Unknown migrations mean a newer claimtrack wrote the store: refuse, don't guess."""
    import sqlite3

    path = tmp_path / "c.db"
    ClaimStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO migrations VALUES ('9999_future', 'later')")
    with pytest.raises(StoreError, match="newer claimtrack"):
        ClaimStore(path)


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    """Opening a text file as a store says so."""
    path = tmp_path / "notes.db"
    path.write_text("this is not a database " * 100)
    with pytest.raises(StoreError, match="not a claimtrack store"):
        ClaimStore(path)


_WRITER = textwrap.dedent(
    """
    import sys
    from claimtrack.model import Claim, Source
    from claimtrack.store import ClaimStore

    path, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    store = ClaimStore(path, timeout=float(sys.argv[4]) if len(sys.argv) > 4 else 10.0)
    for batch in range(first, first + count):
        source = Source(id=f"s{batch}", text="t" * 1000)
        claims = [Claim.create(text=f"claim {batch} {i} " + "x" * 200, source=source.id,
                               recorded_by="claimtrack.test") for i in range(50)]
        store.add(source, claims)
        print(batch, flush=True)
    """
)


def _run_writer(path, first, count, *, timeout=None):
    args = [sys.executable, "-c", _WRITER, str(path), str(first), str(count)]
    if timeout is not None:
        args.append(str(timeout))
    return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _finish(writer):
    _, errors = writer.communicate()
    assert writer.returncode == 0, errors
    return writer.returncode


def test_killed_ingest_leaves_only_whole_batches(tmp_path):
    """kill -9 at random moments: the store stays sound and holds exactly whole batches."""
    rng = random.Random(20161128)
    path = tmp_path / "killed.db"
    ClaimStore(path).close()
    for trial in range(8):
        writer = _run_writer(path, trial * 1000, 200)
        time.sleep(rng.uniform(0.3, 1.2))
        writer.send_signal(signal.SIGKILL)
        writer.communicate()
        with ClaimStore(path) as store:
            assert store.integrity_check() == "ok"
            counts = store.counts()
            assert counts["claims"] == 50 * counts["sources"]  # never half a batch


def test_rerunning_an_ingest_is_idempotent(tmp_path):
    """Running the same ingest twice gives the same ids and counts."""
    path = tmp_path / "again.db"
    for _ in range(2):
        _finish(_run_writer(path, 0, 5))
    with ClaimStore(path) as store:
        assert store.counts()["sources"] == 5
        assert store.counts()["claims"] == 250


def test_two_writers_at_once_both_succeed(tmp_path):
    """Two processes ingesting into one store both get their batches in, nothing lost."""
    path = tmp_path / "shared.db"
    ClaimStore(path).close()
    writers = [_run_writer(path, 0, 30), _run_writer(path, 5000, 30)]
    for writer in writers:
        _finish(writer)
    with ClaimStore(path) as store:
        assert store.counts() == {
            "sources": 60,
            "actors": 0,
            "claims": 3000,
            "clusters": 0,
            "conflicts": 0,
        }


def test_a_held_lock_gives_a_clear_busy_error(tmp_path):
    """A writer that cannot get the lock in time gets StoreBusyError, not a hang or crash."""
    import sqlite3

    path = tmp_path / "busy.db"
    ClaimStore(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with ClaimStore(path, timeout=0.2) as store, pytest.raises(StoreBusyError, match="busy"):
            store.add(Source(id="s", text="t"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_store_in_a_missing_folder_is_a_clear_error(tmp_path):
    """A store path whose folder does not exist is named in the error."""
    with pytest.raises(StoreError, match="does not exist"):
        ClaimStore(tmp_path / "nope" / "c.db")


@pytest.mark.skipif(os.name != "posix", reason="signals")
def test_store_survives_kill_during_first_migration(tmp_path):
    """Even a kill while the schema is being built leaves a store that opens and works."""
    path = tmp_path / "fresh.db"
    for _ in range(5):
        opener = f"from claimtrack.store import ClaimStore; ClaimStore({str(path)!r})"
        proc = subprocess.Popen([sys.executable, "-c", opener])
        time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    with ClaimStore(path) as store:
        assert store.integrity_check() == "ok"
        assert store.schema_version == MIGRATIONS[-1][0]


# -- issue #23: nothing lost, nothing raw ---------------------------------------------------


def _page(source_id, text, path):
    return Source(id=source_id, text=text, path=path)


def test_a_different_article_cannot_take_a_stored_id(store):
    """#23.1: A/story.txt and B/story.txt are two articles; the second may not replace the
    first under the id they share (the store refuses, the first stays)."""
    store.add(_page("story", "The council said the truce is over.", "A/story.txt"),
              [_claim("the truce is over", source="story")])  # fmt: skip
    with pytest.raises(InputError, match=r"already taken by A/story\.txt"):
        store.add(_page("story", "The army denied any truce.", "B/story.txt"))
    assert store.source("story").path == "A/story.txt"
    assert [c.text for c in store.claims()] == ["the truce is over"]


def test_the_same_article_again_or_edited_in_place_is_replaced(store):
    """#23.1: re-ingesting an article (same text, or its own file edited) stays idempotent."""
    store.add(_page("story", "First text.", "A/story.txt"))
    store.add(_page("story", "First text.", "A/story.txt"))
    store.add(_page("story", "Corrected text.", "A/story.txt"))
    assert store.counts()["sources"] == 1
    assert store.source("story").text == "Corrected text."


def test_identical_articles_under_two_names_are_stored_once(store):
    """#23.1/#23.9: a word-for-word copy is recognised; another outlet's is a reprint."""
    from claimtrack.model import Analysis

    text = "The council said on Monday that the truce is over."
    first = attrs.evolve(_page("story", text, "A/story.txt"), outlet="X")
    copy = attrs.evolve(_page("copy", text, "B/copy.txt"), outlet="X")
    reprint = attrs.evolve(_page("reprint", text, "C/reprint.txt"), outlet="Y")
    claims = [_claim("the truce is over", source=s.id) for s in (first, copy, reprint)]
    copies = store.add_articles(Analysis(sources=[first, copy, reprint], claims=claims))
    assert copies == {"copy": "story"}
    assert {s.id for s in store.sources()} == {"story", "reprint"}
    assert store.source("reprint").derived_from == ("story",)
    assert {c.source for c in store.claims()} == {"story", "reprint"}


def test_atomic_block_is_one_transaction(tmp_path):
    """#23.2: writes inside atomic() are all kept or none; another reader sees none of them
    until the block ends."""
    path = tmp_path / "a.db"
    with ClaimStore(path) as store:

        def killed_half_way():
            with store.atomic():
                store.add(Source(id="s1", text="t"), [_claim("x")])
                raise RuntimeError("killed half-way")

        with pytest.raises(RuntimeError):
            killed_half_way()
        assert store.counts()["claims"] == 0
        with store.atomic():
            store.add(Source(id="s1", text="t"), [_claim("x")])
            with ClaimStore(path, readonly=True) as reader:
                assert reader.counts()["claims"] == 0
            store.save([Cluster(id="k1", label="x", claims=(store.claims()[0].id,))])
        with ClaimStore(path, readonly=True) as reader:
            assert reader.counts()["claims"] == reader.counts()["clusters"] == 1


def _write_store(path, n):
    with ClaimStore(path) as store:
        for i in range(n):
            store.add(Source(id=f"s{i}", text=f"text {i}"), [_claim(f"claim {i}", f"s{i}")])


def test_a_write_ahead_log_of_another_store_is_refused(tmp_path):
    """#23.3: a stale -wal copied from another store is never replayed silently."""
    import shutil
    import sqlite3

    big, small = tmp_path / "g.db", tmp_path / "small.db"
    _write_store(big, 20)
    small_store = ClaimStore(small)
    small_store.add(Source(id="x", text="x"), [_claim("only", "x")])
    holder = sqlite3.connect(small)  # keeps small.db-wal on disk while we copy it
    holder.execute("SELECT 1").fetchone()
    shutil.copy(f"{small}-wal", f"{big}-wal")
    holder.close()
    small_store.close()
    with pytest.raises(StoreError, match="belongs to another store"):
        ClaimStore(big)
    with pytest.raises(StoreError, match="belongs to another store"):
        ClaimStore(big, readonly=True)
    os.remove(f"{big}-wal")
    with ClaimStore(big) as store:
        assert store.counts()["claims"] == 20


def test_a_damaged_store_is_never_written(tmp_path):
    """#23.4: random bytes in the middle: the store refuses to be written, in one line."""
    path = tmp_path / "d.db"
    _write_store(path, 200)
    data = bytearray(path.read_bytes())
    rng = random.Random(4)
    middle = len(data) // 2
    data[middle : middle + 4096] = bytes(rng.randrange(256) for _ in range(4096))
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(StoreError, match=r"damaged|malformed|not a claimtrack"):
        ClaimStore(path)
    assert path.read_bytes() == before


def test_a_foreign_sqlite_file_is_left_untouched(tmp_path):
    """#23.5: an SQLite file of another program (with a `claims` table): refused by read and
    write opens alike, with no migrations table added and no switch to WAL."""
    import sqlite3

    path = tmp_path / "other.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE claims (x)")
    other.commit()
    other.close()
    before = path.read_bytes()
    for readonly in (True, False):
        with pytest.raises(StoreError, match="another program"):
            ClaimStore(path, readonly=readonly)
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists()


def test_a_read_only_open_writes_nothing(tmp_path):
    """#23.5: a read command opens mode=ro: it reads, and refuses to write."""
    path = tmp_path / "r.db"
    _write_store(path, 3)
    with ClaimStore(path, readonly=True) as store:
        assert store.counts()["claims"] == 3
        with pytest.raises(StoreError, match="read-only"):
            store.add(Source(id="new", text="t"))


def test_concurrent_openers_of_a_new_store_all_succeed(tmp_path):
    """#23.6: four processes opening one new store at the same instant all get it."""
    start = time.time() + 1.0
    opener = textwrap.dedent(
        """
        import sys, time
        from claimtrack.store import ClaimStore
        time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
        ClaimStore(sys.argv[1]).close()
        """
    )
    for trial in range(3):
        path = tmp_path / f"new{trial}.db"
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", opener, str(path), str(start + trial)],
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(4)
        ]
        for proc in procs:
            _, errors = proc.communicate()
            assert proc.returncode == 0, errors
        with ClaimStore(path) as store:
            assert store.schema_version == MIGRATIONS[-1][0]


def test_membership_decisions_survive_export_and_ingest(store, tmp_path):
    """#23.7: a person's decisions go out with the JSONL export and come back in."""
    from claimtrack.present import export
    from claimtrack.serialization import iter_records

    _fill(store)
    a, b = (c.id for c in store.claims()[:2])
    store.decide_membership(a, b, same=False)
    out = tmp_path / "x.jsonl"
    export.jsonl(store.analysis(), out, decisions=store.decision_records())
    with ClaimStore(":memory:") as fresh:
        lines = out.read_text(encoding="utf-8").splitlines()
        fresh.add_records(iter_records(lines))
        assert fresh.membership_decisions() == store.membership_decisions()
        assert fresh.membership_decisions() == {tuple(sorted((a, b))): False}


def test_sqlite_errors_are_one_line_with_the_real_cause(store):
    """#23.14: an error inside a transaction names SQLite's cause, not a failed ROLLBACK."""
    with pytest.raises(StoreError) as caught, store.atomic():
        store._db.execute("INSERT INTO nowhere VALUES (1)")
    assert "no such table: nowhere" in str(caught.value)
    assert "rollback" not in str(caught.value)
    assert "\n" not in str(caught.value)


def test_damaged_rows_and_tables_give_store_errors(tmp_path):
    """#23.14: a blob in a text column, a dropped table: one StoreError, no traceback."""
    import sqlite3

    path = tmp_path / "b.db"
    _write_store(path, 2)
    raw = sqlite3.connect(path)
    raw.execute("UPDATE claims SET doc = X'FF00FE'")
    raw.execute("DROP TABLE clusters")
    raw.commit()
    raw.close()
    with ClaimStore(path, readonly=True) as store:
        with pytest.raises(StoreError):
            store.claims()
        with pytest.raises(StoreError, match="no such table"):
            store.clusters()


@pytest.mark.parametrize(
    "header", [b"", b"SQLite format 3\x00" + b"\x00" * 84, b"hello world" * 100, b"\xff" * 4096]
)
def test_files_that_are_not_stores_give_one_line(tmp_path, header):
    """#23.14: empty, truncated or garbage files: a StoreError, never a traceback."""
    path = tmp_path / "g.db"
    path.write_bytes(header)
    for readonly in (True, False):
        try:
            ClaimStore(path, readonly=readonly).close()
        except StoreError as error:
            assert "\n" not in str(error)  # noqa: PT017


def test_the_api_raises_only_claimtrack_errors(store):
    """#23.16: bad arguments to the store raise ClaimtrackError subclasses."""
    from claimtrack.errors import ClaimtrackError

    with pytest.raises(StoreError):
        ClaimStore("a\x00b.db")
    with pytest.raises(InputError):
        store.claims(speaker="\ud800")
    with pytest.raises(InputError):
        store.add(Source(id="s\ud800", text="t"))
    with pytest.raises(ClaimtrackError):
        ClaimStore(":memory:", timeout=-1)
    assert store.claims(limit=2**70) == []


def test_conflicts_no_longer_found_are_dropped_unless_decided(store):
    """Re-finding conflicts over a grown store leaves no stale machine conflict behind (seen
    as 2 conflicts instead of 1 after three concurrent ingests); a decided one stays."""
    _fill(store)
    a, b = (c.id for c in store.claims()[:2])
    first = Conflict(id="x1", a=a, b=b, kind=ConflictKind.NEGATION, score=0.5)
    second = attrs.evolve(first, id="x2")
    store.save([], [first, second])
    store.set_conflict_status("x2", ConflictStatus.RESOLVED)
    store.save([], [])
    assert [c.id for c in store.conflicts()] == ["x2"]


def test_a_store_of_the_previous_schema_is_upgraded_with_digests(tmp_path):
    """0003 adds sources.digest to an existing store and fills it, so the identity rule holds
    for articles stored before it."""
    import sqlite3

    from claimtrack.store.identity import statements

    path = tmp_path / "old.db"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    for name, script in MIGRATIONS[:2]:
        for statement in statements(script):
            raw.execute(statement)
        raw.execute("INSERT INTO migrations VALUES (?, 'then')", (name,))
    raw.execute(
        "INSERT INTO sources (id, path, doc) VALUES ('story', 'A/story.txt', ?)",
        ('{"id": "story", "text": "Old text.", "path": "A/story.txt"}',),
    )
    raw.commit()
    raw.close()
    with ClaimStore(path, readonly=True) as store:
        assert store.source("story").text == "Old text."
    with ClaimStore(path) as store:
        assert store.schema_version == MIGRATIONS[-1][0]
        with pytest.raises(InputError, match="already taken"):
            store.add(Source(id="story", text="Another text.", path="B/story.txt"))


def test_claims_by_and_about_names_read_the_actors_once(tmp_path, monkeypatch):
    """A speaker and a subject given as names are looked up among actors read once."""
    store = ClaimStore(tmp_path / "x.db")
    reads = []
    actors = type(store).actors
    monkeypatch.setattr(type(store), "actors",
                        lambda self, **kw: reads.append(1) or actors(self, **kw))  # fmt: skip
    assert store.claims(speaker=["Lister", "Kerry"], about="Nusra") == []
    assert len(reads) == 1
