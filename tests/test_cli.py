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
    assert files == {f"seeds/{p.name}" for p in SEEDS.glob("*.txt")}
    pieces = [s for s in sources.values() if s["parent"] == "001_54fd4921a38bbcd8"]
    assert sorted(s["published"]["timex"] for s in pieces) == [
        "2014-11-11",
        "2015-01-27",
        "2016-02-23",
        "2016-05-09",
    ]
    assert all(s["path"] == "seeds/001_54fd4921a38bbcd8.txt" for s in pieces)
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


# -- issue #23: nothing lost, nothing raw ---------------------------------------------------


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory):
    """The seeds ingested once; tests get copies."""
    path = tmp_path_factory.mktemp("seeded") / "seeds.db"
    result = CliRunner().invoke(main, ["ingest", str(SEEDS), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def seeded(seeds_store, tmp_path):
    """Copy the seeded store into the scratch folder (as claimtrack.db, or ``name``)."""

    def copy(name: str = "claimtrack.db") -> None:
        shutil.copy(seeds_store, tmp_path / name)

    return copy


def _folder(path, name, text):
    path.mkdir(parents=True, exist_ok=True)
    (path / name).write_text(text, encoding="utf-8")
    return str(path)


COUNCIL = "The council said on Monday that the truce is over."
ARMY = "The army denied on Tuesday that any truce was ever signed."


def test_same_named_articles_in_two_folders_are_never_overwritten(run, tmp_path):
    """#23.1: the second `story.txt` is refused in one line; the first keeps its claim."""
    a = _folder(tmp_path / "A", "story.txt", COUNCIL)
    b = _folder(tmp_path / "B", "story.txt", ARMY)
    assert run("ingest", a, "--db", "x.db")[0] == 0
    code, _, err = run("ingest", b, "--db", "x.db")
    assert code == 1
    assert "already taken by A/story.txt" in err
    code, _, err = run("ingest", a, b, "--db", "y.db")
    assert code == 1
    assert not ClaimStore("y.db").counts()["sources"]
    with ClaimStore("x.db", readonly=True) as store:
        assert [s.path for s in store.sources()] == ["A/story.txt"]
        assert store.claims()


def test_a_copy_under_another_name_is_stored_once(run, tmp_path):
    """#23.1: identical articles under two names are one article, said so on stderr."""
    a = _folder(tmp_path / "A", "story.txt", COUNCIL)
    _folder(tmp_path / "A", "copy.txt", COUNCIL)
    code, _, err = run("ingest", a, "--db", "x.db")
    assert code == 0
    assert "same text as source 'copy'" in err or "same text as source 'story'" in err
    assert ClaimStore("x.db").counts()["sources"] == 1


def test_ingest_is_one_transaction_with_its_clusters(run, tmp_path, monkeypatch):
    """#23.2: if clustering fails, no claim is left behind without its clusters."""
    import claimtrack.cli.inputs

    def broken(*args, **kwargs):
        raise MemoryError("clustering died")

    monkeypatch.setattr(claimtrack.cli.inputs, "refresh", broken)
    monkeypatch.setenv("CLAIMTRACK_DEBUG", "")
    code, _, err = run("ingest", str(SEEDS), "--db", "x.db")
    assert code == 1
    assert "internal error" in err
    assert ClaimStore("x.db").counts()["claims"] == 0


def test_a_damaged_store_is_not_written_by_ingest(run, seeded, tmp_path):
    """#23.4: ingest into a damaged file fails in one line and leaves it as it was."""
    seeded("d.db")
    path = tmp_path / "d.db"
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 4096] = bytes(range(256)) * 16
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    code, _, err = run("ingest", _folder(tmp_path / "n", "a.txt", COUNCIL), "--db", "d.db")
    assert code == 1
    assert err.count("\n") == 1
    assert path.read_bytes() == before


def test_decisions_survive_export_and_ingest_through_the_cli(run, seeded, tmp_path):
    """#23.7: `clusters --different`/`--same`, export jsonl, ingest elsewhere: kept."""
    seeded("a.db")
    ids = [c.id for c in ClaimStore("a.db").claims()[:3]]
    assert run("clusters", "--db", "a.db", "--different", ids[0], ids[1])[0] == 0
    assert run("clusters", "--db", "a.db", "--same", ids[0], ids[2])[0] == 0
    assert run("export", "--db", "a.db", "--format", "jsonl", "-o", "a.jsonl")[0] == 0
    assert run("ingest", "a.jsonl", "--db", "b.db")[0] == 0
    assert (ClaimStore("b.db").membership_decisions()
            == ClaimStore("a.db").membership_decisions())  # fmt: skip
    assert len(ClaimStore("b.db").membership_decisions()) == 2


@pytest.mark.parametrize(
    "args",
    [
        ["claims", "--speaker", "caf\udce9"],
        ["claims", "--text", "caf\udce9"],
        ["claims", "--outlet", "caf\udce9"],
        ["claims", "--source", "caf\udce9"],
        ["conflicts", "--mark", "caf\udce9", "resolved"],
        ["conflicts", "--mark", "x", "resolved", "--note", "caf\udce9"],
        ["clusters", "--same", "caf\udce9", "x"],
        ["claims", "--text", '"unclosed'],
        ["claims", "--text", "OR OR"],
    ],
)
def test_arguments_that_are_not_utf8_or_bad_fts_get_one_line(run, seeded, args):
    """#23.10/#23.21: bytes in arguments and bad text queries: exit 0 or one line."""
    seeded()
    code, _out, err = run(*args)
    assert code in (0, 1)
    if code:
        assert err.startswith("claimtrack: error:")
        assert err.count("\n") == 1
        assert "cannot read store" not in err


def test_a_hyphenated_or_query_works(run, seeded):
    """#23.21: the documented `--text "al-Qaeda OR Nusra"` finds claims."""
    seeded()
    code, out, _ = run("claims", "--text", "al-Qaeda OR Nusra", "--format", "json")
    assert code == 0
    assert json.loads(out)


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="FIFOs")
def test_actors_files_are_regular_files_under_a_cap(run, tmp_path):
    """#23.11/#23.13: --actors at a FIFO, the zero device, a huge file, a bad entry."""
    import os

    os.mkfifo(tmp_path / "fifo.toml")
    (tmp_path / "big.toml").write_text("#" * (6 * 1024 * 1024), encoding="utf-8")
    (tmp_path / "bad.toml").write_text(
        '[[actors]]\nname = "X"\nrenames = [{name = 5, on = 2016-07-28}]\n', encoding="utf-8"
    )
    article = _folder(tmp_path / "f", "a.txt", COUNCIL)
    for actors in ("fifo.toml", "/dev/zero", "big.toml", "bad.toml", str(tmp_path)):
        code, _, err = run("ingest", article, "--actors", actors)
        assert code == 1, actors
        assert err.startswith("claimtrack: error:")
        assert err.count("\n") == 1


def test_terminal_escapes_are_never_printed(run, tmp_path):
    """#23.20: ESC sequences from articles and sidecars do not reach the terminal."""
    text = "The council\x1b[2J said on Monday\x1b]0;pwned\x07 that the truce is over."
    folder = _folder(tmp_path / "f", "a.txt", text)
    (tmp_path / "f" / "a.toml").write_text('outlet = "X\\u001b[31m"\n', encoding="utf-8")
    for args in (["analyze", folder], ["claims"], ["claims", "--format", "json"]):
        code, out, _ = run(*args)
        assert code == 0, args
        assert "\x1b" not in out
        assert "\x07" not in out


@pytest.mark.parametrize("target", ["/dev/null", "fifo", "link-to-stdout", "newdir/"])
def test_export_writes_only_regular_files(run, seeded, tmp_path, target):
    """#23.18: a device, a FIFO, a link to a non-file, a folder: refused, left as they were."""
    import os
    import stat

    seeded()
    if target == "fifo":
        os.mkfifo(tmp_path / "fifo")
    if target == "link-to-stdout":
        os.symlink("/dev/stdout", tmp_path / target)
    before = os.stat(target) if os.path.exists(target) else None
    code, _, err = run("export", "--format", "csv", "-o", target)
    assert code == 1
    assert err.count("\n") == 1
    if before is not None:
        assert stat.S_IFMT(os.stat(target).st_mode) == stat.S_IFMT(before.st_mode)
    assert not (tmp_path / "newdir").exists()


def test_export_keeps_the_mode_and_dash_means_stdout(run, seeded, tmp_path):
    """#23.18: a 0600 target stays 0600; `-o -` prints the export."""
    import os

    seeded()
    target = tmp_path / "private.csv"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o600)
    assert run("export", "--format", "csv", "-o", str(target))[0] == 0
    assert os.stat(target).st_mode & 0o777 == 0o600
    assert target.read_text(encoding="utf-8").startswith("id,")
    code, out, _ = run("export", "--format", "jsonl", "-o", "-")
    assert code == 0
    assert out.startswith('{"schema"')


def test_read_commands_work_on_a_read_only_store(run, seeded, tmp_path):
    """#23.5/#23.14: a read-only store is read (mode=ro); a write to it is one line."""
    import os

    seeded("r.db")
    os.chmod("r.db", 0o444)
    assert run("claims", "--db", "r.db")[0] == 0
    assert run("conflicts", "--db", "r.db")[0] == 0
    assert run("export", "--db", "r.db", "--format", "csv", "-o", "-")[0] == 0


def test_a_date_time_cannot_resolve_is_one_line_not_a_traceback(run, tmp_path):
    """#23.12: "this winter" published 9999-12-20 (time/ raises AssertionError today): the
    CLI prints one line; once time/ handles it, the ingest simply succeeds."""
    folder = _folder(
        tmp_path / "f", "a.txt", "The council said this winter that the truce is over."
    )
    (tmp_path / "f" / "a.toml").write_text('published = "9999-12-20"\n', encoding="utf-8")
    code, _, err = run("ingest", folder)
    assert code in (0, 1)
    if code:
        assert err.startswith("claimtrack: error:")
        assert err.count("\n") == 1
