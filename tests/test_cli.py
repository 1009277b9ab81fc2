"""The command line: the main job on the seeds, and one clear line for every bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.cli import main
from claimtrack.store import ClaimStore

SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture
def run(tmp_path, monkeypatch):
    """Run the CLI in a scratch folder; returns (exit code, stdout, stderr)."""
    monkeypatch.chdir(tmp_path)

    def invoke(*args: str) -> tuple[int, str, str]:
        result = CliRunner().invoke(main, list(args))
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result.exit_code, result.stdout, result.stderr

    return invoke


def test_analyze_seeds_as_json_lists_every_source(run, tmp_path):
    """`analyze seeds/ --format json` lists the five files and the four reposted pieces."""
    code, out, _ = run("analyze", str(SEEDS), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "claimtrack/1"
    assert set(data) == {"schema", "sources", "actors", "claims", "clusters", "conflicts"}
    sources = {s["id"]: s for s in data["sources"]}
    files = {s["path"] for s in sources.values() if s["parent"] is None}
    assert files == {p.name for p in SEEDS.glob("*.txt")}
    pieces = [s for s in sources.values() if s["parent"] == "001_54fd4921a38bbcd8"]
    assert sorted(s["published"]["timex"] for s in pieces) == [
        "2014-11-11",
        "2015-01-27",
        "2016-02-23",
        "2016-05-09",
    ]
    assert all(s["path"] == "001_54fd4921a38bbcd8.txt" for s in pieces)
    assert sources["000_2cd39a7d3fd715a3"]["published"]["timex"] == "2016-07-28"
    assert (tmp_path / "claimtrack.db").exists()


def test_analyze_prints_a_readable_summary(run):
    """The default output is tables a person reads, ending with what was stored where."""
    code, out, _ = run("analyze", str(SEEDS), "--db", "seeds.db")
    assert code == 0
    assert "VICE News" in out
    assert "stored in seeds.db" in " ".join(out.split())


def test_analyze_twice_does_not_duplicate(run):
    """Analysing the same folder again leaves the same counts."""
    run("analyze", str(SEEDS))
    with ClaimStore("claimtrack.db") as store:
        before = store.counts()
    run("analyze", str(SEEDS))
    with ClaimStore("claimtrack.db") as store:
        assert store.counts() == before


def test_a_corrupt_sidecar_leaves_the_store_as_it_was(run, tmp_path):
    """One bad sidecar in a folder: an error, and nothing of the folder is stored."""
    run("ingest", str(SEEDS))
    with ClaimStore("claimtrack.db") as store:
        before = store.analysis()
    folder = tmp_path / "more"
    shutil.copytree(SEEDS, folder)
    (folder / "002_8d4d78478bdbfadf.toml").write_text('published = "not a date at all"')
    (folder / "005_new.txt").write_text("A new article that must not be stored.")
    code, _out, err = run("ingest", str(folder))
    assert code == 1
    assert err.startswith("claimtrack: error: ")
    assert "002_8d4d78478bdbfadf.toml" in err
    with ClaimStore("claimtrack.db") as store:
        assert store.analysis() == before


def test_export_json_can_be_ingested_back(run, tmp_path):
    """What `analyze --format json` prints, `ingest` reads back without loss."""
    _, out, _ = run("analyze", str(SEEDS), "--format", "json", "--db", "one.db")
    (tmp_path / "export.json").write_text(out)
    code, _, err = run("ingest", "export.json", "--db", "two.db")
    assert code == 0, err
    with ClaimStore("one.db") as one, ClaimStore("two.db") as two:
        assert one.analysis() == two.analysis()


@pytest.mark.parametrize(
    ("args", "files", "message"),
    [
        (["analyze", "missing-folder"], {}, "no such folder: missing-folder"),
        (
            ["ingest", "bad.json"],
            {"bad.json": '{"schema": "claimtrack/1", "claims": [{}]}'},
            "$.claims[0]",
        ),
        (["ingest", "other.json"], {"other.json": '{"hello": 1}'}, "not a claimtrack export"),
        (
            ["ingest", "old.json"],
            {"old.json": '{"schema": "claimtrack/0"}'},
            "unknown schema version",
        ),
        (["claims", "--db", "nowhere.db"], {}, "no store at nowhere.db"),
        (
            ["claims", "--since", "last tuesday"],
            {"claimtrack.db": None},
            "--since takes a year, a month or a day",
        ),
        (["evaluate", "dates", "gone.jsonl"], {}, "gone.jsonl"),
        (["evaluate", "dates", "rows.jsonl"], {"rows.jsonl": '{"doc": "d"}\n'}, "rows.jsonl:1"),
    ],
)
def test_bad_input_gets_one_clear_line(run, tmp_path, args, files, message):
    """Each bad input exits 1 with one line on stderr naming what was wrong."""
    for name, content in files.items():
        if content is None:
            ClaimStore(tmp_path / name).close()
        else:
            (tmp_path / name).write_text(content)
    code, _, err = run(*args)
    assert code == 1
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_claims_are_listed_and_filtered(run, tmp_path):
    """`claims` lists what a sidecar recorded, filtered by speaker name."""
    (tmp_path / "a.txt").write_text("Officials said the talks failed.")
    (tmp_path / "a.toml").write_text(
        'published = "2016-07-28"\n[[claims]]\ntext = "the talks failed"\nspeaker = "Officials"\n'
    )
    run("ingest", str(tmp_path / "a.txt"))
    code, out, _ = run("claims", "--speaker", "Officials", "--format", "json")
    assert code == 0
    assert [c["text"] for c in json.loads(out)] == ["the talks failed"]
    code, out, _ = run("claims", "--text", "nothing-like-it", "--format", "json")
    assert json.loads(out) == []


def test_the_installed_command_never_shows_a_traceback(tmp_path):
    """The real `claimtrack` process answers bad input with one line and exit code 1."""
    (tmp_path / "x.txt").write_bytes(b"\xff\xfe\x00binary")
    result = subprocess.run(
        [sys.executable, "-m", "claimtrack.cli", "analyze", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("claimtrack: error:")
    assert "Traceback" not in result.stderr


def test_every_command_and_option_is_documented():
    """docs/cli.md has a section for every command, naming every one of its options."""
    reference = (Path(__file__).parent.parent / "docs" / "cli.md").read_text()
    for name, command in main.commands.items():
        heading = f"## claimtrack {name}"
        assert heading in reference, f"{name} is not documented"
        section = reference.split(heading, 1)[1].split("\n## ", 1)[0]
        for param in command.params:
            for option in param.opts:
                if option.startswith("-"):
                    assert option in section, f"{name} {option} is not documented"
