"""One answer: the command and the library give the same analysis of the same folder."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from claimtrack.cli import main
from claimtrack.pipeline import analyze, refresh
from claimtrack.reading.folder import read_folder
from claimtrack.store import ClaimStore

SEEDS = Path(__file__).parent.parent / "seeds"


def _clusters(clusters) -> list[tuple[str, ...]]:
    return sorted(tuple(sorted(k.claims if hasattr(k, "claims") else k["claims"]))
                  for k in clusters)  # fmt: skip


def test_cli_and_library_agree_on_the_seeds(seed_analysis, tmp_path, monkeypatch):
    """`claimtrack analyze seeds/`, `analyze("seeds")` and `analyze(read_folder, actors=...)`
    give the same clusters and conflicts (the CLI re-clusters from the store, which keeps the
    registry's actors with their aliases)."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["analyze", str(SEEDS), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    cli = json.loads(result.stdout)
    by_path = analyze(SEEDS)
    for library in (seed_analysis, by_path):
        assert _clusters(library.clusters) == _clusters(cli["clusters"])
        assert sorted(c.id for c in library.conflicts) == sorted(c["id"] for c in cli["conflicts"])
    assert len(seed_analysis.conflicts) >= 4  # one statement read twice gives one conflict


def test_the_registry_survives_in_the_store(seed_analysis, tmp_path):
    """Re-clustering from the store equals analysing afresh: the actors file's aliases are
    kept, not only the actors who speak."""
    with ClaimStore(tmp_path / "s.db") as store:
        store.add_analysis(seed_analysis)
        stored = {a.id for a in store.actors()}
        again = refresh(store)
    assert {a.id for a in seed_analysis.actors} <= stored
    assert _clusters(again.clusters) == _clusters(seed_analysis.clusters)
    assert {c.id for c in again.conflicts} == {c.id for c in seed_analysis.conflicts}


def test_a_copied_article_changes_nothing_and_a_reprint_names_its_original(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(
            "The army denied on Tuesday that any truce was signed.\n\n"
            '"The truce is over," the council said on Monday.\n', encoding="utf-8")  # fmt: skip
    (tmp_path / "a.toml").write_text('outlet = "Daily One"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('outlet = "Daily One"\n', encoding="utf-8")
    alone = analyze(read_folder(tmp_path / "a.txt"))
    both = analyze(tmp_path)
    assert [s.id for s in both.sources] == [s.id for s in alone.sources]
    assert len(both.claims) == len(alone.claims)
    (tmp_path / "b.toml").write_text('outlet = "Weekly Two"\n', encoding="utf-8")
    reprinted = analyze(tmp_path)
    copy = next(s for s in reprinted.sources if s.id != alone.sources[0].id)
    assert copy.derived_from == (alone.sources[0].id,)


def test_a_copy_with_an_outlet_unknown_on_one_side_is_the_same_article(tmp_path):
    """As ingest decides (store.identity.beside_twin): an unknown outlet is no other outlet."""
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(
            '"The truce is over," the council said on Monday.\n', encoding="utf-8")  # fmt: skip
    (tmp_path / "a.toml").write_text('outlet = "Daily One"\n', encoding="utf-8")
    assert len(analyze(tmp_path).sources) == 1
