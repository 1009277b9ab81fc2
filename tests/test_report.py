"""The terminal report fits a screen or two, prints ids whole and shows data as written;
the listings page, filter by fuzzy names and dates, and write JSON, JSON Lines and CSV."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from rich.console import Console

from claimtrack.cli import main
from claimtrack.model import ConflictStatus
from claimtrack.present.terminal import print_analysis, print_claims, print_conflicts

SEEDS = Path(__file__).parent.parent / "seeds"


def _report(analysis, width: int = 80) -> str:
    console = Console(width=width, record=True, soft_wrap=False, highlight=False,
                      file=io.StringIO())  # fmt: skip
    print_analysis(analysis, console, store="claimtrack.db")
    return console.export_text()


def test_the_seeds_report_fits_200_lines_at_80_columns(seed_analysis):
    text = _report(seed_analysis)
    lines = text.splitlines()
    assert len(lines) <= 200
    assert all(len(line.rstrip()) <= 80 for line in lines)
    assert lines[0].startswith("5 articles")
    conflicts_at = text.index("Conflicts, strongest first")
    repeated_at = text.index("The claims stated most often")
    assert conflicts_at < repeated_at
    assert re.search(r"stated most often \(\d+ of \d+ stated more than once\)", text)
    assert "claimtrack claims" in text
    for conflict in seed_analysis.conflicts:  # ids whole, for --mark
        assert conflict.id in text.split()
    repeated = [k for k in seed_analysis.clusters if len(k.claims) > 1][:10]
    for group in repeated:  # claim ids whole, for --same
        assert all(c in text.split() for c in group.claims)
    assert "changed position" in " ".join(text.split())  # the seeds' reversal shows


def test_markup_in_data_is_shown_as_written(seed_analysis):
    conflict = attrs.evolve(seed_analysis.conflicts[0], status=ConflictStatus.REJECTED,
                            note="[bold]kept[/bold] [rejected]")  # fmt: skip
    claims = {c.id: c for c in seed_analysis.claims}
    console = Console(width=80, record=True, file=io.StringIO())
    print_conflicts([conflict], claims, console, sources=seed_analysis.sources)
    text = " ".join(console.export_text().split())
    assert "rejected" in text
    assert "[bold]kept[/bold] [rejected]" in text


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("store") / "seeds.db"
    result = CliRunner().invoke(main, ["ingest", str(SEEDS), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    return db


def _run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [*args, "--db", str(db)])
    return result.exit_code, result.stdout, result.stderr


def test_speaker_is_found_by_a_near_spelling(seeds_db):
    code, out, err = _run(seeds_db, "claims", "--speaker", "Golani", "--format", "json")
    assert code == 0
    found = json.loads(out)
    assert found
    assert {c["speaker"] for c in found} == {"abu-mohammad-al-jolani"}
    assert "al-Jolani" in err  # says whom it matched


def test_since_falls_back_to_the_publication_date_and_takes_a_year(seeds_db):
    code, out, _ = _run(seeds_db, "claims", "--speaker", "Lister", "--since", "2016",
                        "--format", "jsonl")  # fmt: skip
    assert code == 0
    assert len(out.splitlines()) >= 1
    code, out, _ = _run(seeds_db, "claims", "--speaker", "Lister", "--until", "2015-12",
                        "--format", "jsonl")  # fmt: skip
    assert code == 0
    assert out.strip() == ""
    code, _, err = _run(seeds_db, "claims", "--since", "July 2016")
    assert code == 1
    assert "a year, a month or a day" in err


def test_listings_page_and_write_every_format(seeds_db):
    _, everything, _ = _run(seeds_db, "claims", "--format", "jsonl")
    ids = [json.loads(line)["id"] for line in everything.splitlines()]
    _, page, _ = _run(seeds_db, "claims", "--format", "jsonl", "--limit", "3", "--offset", "2")
    assert [json.loads(line)["id"] for line in page.splitlines()] == ids[2:5]
    for command in ("claims", "sources", "actors", "clusters", "conflicts"):
        code, out, _ = _run(seeds_db, command, "--format", "csv", "--limit", "2")
        assert code == 0, command
        rows = list(csv.DictReader(io.StringIO(out)))
        assert 1 <= len(rows) <= 2
        assert "id" in rows[0]
        code, out, _ = _run(seeds_db, command, "--format", "json")
        assert code == 0
        assert isinstance(json.loads(out), list)
        code, out, _ = _run(seeds_db, command)
        assert code == 0
        assert out.strip()


def test_actors_lists_the_registry_not_only_speakers(seeds_db):
    code, out, _ = _run(seeds_db, "actors", "--format", "json")
    assert code == 0
    stored = {a["id"] for a in json.loads(out)}
    code, out, _ = _run(seeds_db, "claims", "--format", "json")
    speakers = {c["speaker"] for c in json.loads(out)}
    assert len(stored - speakers) > 0


def test_csv_listings_keep_formulas_inert():
    from claimtrack.model import Source
    from claimtrack.present.listing import render_rows

    out = render_rows([Source(id="a", text="x", title="=HYPERLINK(1)")], "csv")
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["title"] == "'=HYPERLINK(1)"


def test_about_finds_claims_naming_an_actor(seeds_db):
    code, out, err = _run(seeds_db, "claims", "--about", "Zawahiri", "--format", "json")
    assert code == 0
    found = json.loads(out)
    assert found
    assert all("zawahiri" in c["text"].lower() or "zawahri" in c["text"].lower() for c in found)
    code, _, err = _run(seeds_db, "claims", "--speaker", "Nobody Atall")
    assert code == 1
    assert "names no known actor" in err


def _claims_table(analysis, width: int) -> str:
    console = Console(width=width, record=True, soft_wrap=False, highlight=False,
                      file=io.StringIO())  # fmt: skip
    print_claims(analysis.claims, console, actors={a.id: a for a in analysis.actors})
    return console.export_text()


def test_the_claims_table_fits_80_columns_with_each_id_on_one_line(seed_analysis):
    """At 80 columns no line is longer, claim ids are whole and a long source id is cut in
    its middle on its one line rather than wrapped; at 130 source ids are whole; below 60
    the ids column is left out."""
    text = _claims_table(seed_analysis, 80)
    assert all(len(line) <= 80 for line in text.splitlines())
    cells = [line.rstrip("│ ").rsplit("│ ", 1)[-1] for line in text.splitlines()[3:]]
    for claim in seed_analysis.claims:
        assert claim.id in cells
        at = cells.index(claim.id) + 1
        shown = cells[at]
        assert len(shown) <= 18
        head, _, tail = shown.partition("…")
        assert claim.source == shown or (
            claim.source.startswith(head) and claim.source.endswith(tail)
        )
    wide = _claims_table(seed_analysis, 130)
    assert all(c.source in wide for c in seed_analysis.claims)
    narrow = _claims_table(seed_analysis, 50)
    assert all(len(line) <= 50 for line in narrow.splitlines())
    assert not any(c.id in narrow for c in seed_analysis.claims)


def test_claims_about_a_name_resolves_it_once(seeds_db, monkeypatch):
    """--about and --speaker each look their name up once, in the CLI; the store, given the
    actors found, neither reads the actors again nor looks the name up again."""
    import claimtrack.cli.listings as listings
    import claimtrack.store.queries as queries

    calls: list[str] = []
    found = listings.find_actors
    monkeypatch.setattr(listings, "find_actors", lambda q, a: calls.append(q) or found(q, a))
    monkeypatch.setattr(queries, "find_actors", lambda q, a: pytest.fail(f"{q} looked up again"))
    reads = []
    actors = queries.StoreQueries.actors
    monkeypatch.setattr(queries.StoreQueries, "actors",
                        lambda self, **kw: reads.append(1) or actors(self, **kw))  # fmt: skip
    code, out, _ = _run(seeds_db, "claims", "--about", "Zawahiri", "--speaker", "Cole",
                        "--format", "json")  # fmt: skip
    assert code == 0, out
    assert calls == ["Cole", "Zawahiri"]
    assert len(reads) == 1
