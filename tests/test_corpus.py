"""Reading articles and sidecars: the seeds, parts, and clear errors for bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimtrack.errors import InputError, SidecarError
from claimtrack.model import Precision, SourceKind
from claimtrack.reading.folder import read_folder, read_source

SEEDS = Path(__file__).parent.parent / "seeds"


def test_the_seeds_are_read_with_their_metadata():
    """The five seed files are sources with outlet, date and kind from their sidecars."""
    documents = read_folder(SEEDS)
    pages = {d.source.path.removeprefix("seeds/"): d.source for d in documents}
    assert len(pages) == 5
    vice = pages["000_2cd39a7d3fd715a3.txt"]
    assert vice.outlet == "VICE News"
    assert vice.published.earliest == dt.date(2016, 7, 28)
    assert pages["003_d08f9e76a43a27ed.txt"].published.timex == "2015-FA"
    assert pages["004_9ff19969fff6d3d3.txt"].published.precision is Precision.MONTH
    assert pages["001_54fd4921a38bbcd8.txt"].published is None  # unknown, not guessed


def test_the_compilation_page_has_four_dated_pieces():
    """Seed 001's reposted pieces are sources of their own, with the page as parent."""
    document = read_source(SEEDS / "001_54fd4921a38bbcd8.txt")
    page, *pieces = document.sources
    assert page.kind is SourceKind.COMPILATION
    assert [(p.outlet, p.published.timex) for p in pieces] == [
        ("MEMRI", "2016-05-09"),
        ("The Jewish Press", "2016-02-23"),
        ("The Daily Beast", "2015-01-27"),
        ("The Daily Beast", "2014-11-11"),
    ]
    assert {p.parent for p in pieces} == {page.id}
    assert pieces[0].text.startswith("Al-Qaeda Leader Ayman Al-Zawahiri")
    assert "Truce Signed" not in pieces[0].text
    assert "Inside The ISIS-Al Qaeda Merger Talks" in pieces[3].text


def test_reader_comments_are_sources_of_their_own():
    """Seed 003's comments are sources by their commenters, under the post."""
    document = read_source(SEEDS / "003_d08f9e76a43a27ed.txt")
    comments = [s for s in document.sources if s.kind is SourceKind.COMMENT]
    assert len(comments) == 6
    assert all(c.parent == document.source.id for c in comments)
    assert "Comments are closed" not in comments[-1].text


def _article(folder: Path, name: str, text: str, sidecar: str | None = None) -> Path:
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    if sidecar is not None:
        (folder / f"{name}.toml").write_text(sidecar, encoding="utf-8")
    return path


def test_sidecar_claims_are_anchored(tmp_path):
    """Claims a person lists in a sidecar are anchored at their quote and dated."""
    _article(
        tmp_path,
        "a",
        "Officials said the talks failed on Monday.",
        """
published = "2016-07-28"
[[claims]]
text = "the talks failed"
quote = "the talks failed"
speaker = "Officials"
said = "2016-07-25"
""",
    )
    document = read_folder(tmp_path)[0]
    claim = document.claims[0]
    assert claim.quote.start == 15
    assert claim.said.timex == "2016-07-25"
    assert claim.speaker == "officials"
    assert claim.recorded_by == "sidecar"


def test_front_matter_works_like_a_sidecar(tmp_path):
    """TOML between +++ lines at the top of the text is the metadata."""
    _article(tmp_path, "a", '+++\noutlet = "Reuters"\npublished = "2016-07"\n+++\nBody text.')
    source = read_folder(tmp_path)[0].source
    assert (source.outlet, source.text) == ("Reuters", "Body text.")


@pytest.mark.parametrize(
    ("sidecar", "message"),
    [
        ("published = [", "not valid TOML"),
        ('published = "the day after"', "published"),
        ("outlet = 7", "outlet must be a non-empty string"),
        ('kind = "tweet"', "kind 'tweet' is not one of"),
        ('colour = "blue"', "unknown field 'colour'"),
        ('[[parts]]\nid = "p"\nstarts = "not in the text"', "parts[0]"),
        ('[[claims]]\ntext = "x"\nquote = "missing"', "claims[0]"),
    ],
)
def test_bad_sidecars_name_the_file_and_field(tmp_path, sidecar, message):
    """A bad sidecar is refused with the file and the field at fault."""
    _article(tmp_path, "bad", "Some article text.", sidecar)
    with pytest.raises(SidecarError, match=r"bad\.toml") as info:
        read_folder(tmp_path)
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"   \n\t", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("caf\u00e9".encode("latin-1"), "not valid UTF-8 at byte 3"),
    ],
)
def test_unreadable_articles_are_refused_clearly(tmp_path, data, message):
    """Empty, binary and non-UTF-8 files are refused, naming the file."""
    (tmp_path / "x.txt").write_bytes(data)
    with pytest.raises(InputError, match=message) as info:
        read_folder(tmp_path)
    assert "x.txt" in str(info.value)


def test_utf8_bom_and_windows_line_ends_are_accepted(tmp_path):
    """A byte-order mark is dropped and CRLF read as LF, so offsets match the text."""
    (tmp_path / "x.txt").write_bytes("\ufeffLine one.\r\nLine two.".encode())
    assert read_folder(tmp_path)[0].source.text == "Line one.\nLine two."


def test_links_out_of_the_folder_are_refused(tmp_path):
    """A symlink to a file outside the folder is not read."""
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside)
    with pytest.raises(InputError, match="outside the folder"):
        read_folder(folder)


def test_missing_and_empty_folders_are_errors(tmp_path):
    """A folder that does not exist, or holds no articles, is an error."""
    with pytest.raises(InputError, match="no such folder"):
        read_folder(tmp_path / "nope")
    with pytest.raises(InputError, match="no article files"):
        read_folder(tmp_path)


def test_duplicate_source_ids_are_refused(tmp_path):
    """Two files claiming one source id would overwrite each other: refused."""
    _article(tmp_path, "a", "One.", 'id = "same"')
    _article(tmp_path, "b", "Two.", 'id = "same"')
    with pytest.raises(InputError, match="used by both"):
        read_folder(tmp_path)


def test_huge_files_are_refused_before_reading(tmp_path):
    """An article larger than the limit is refused without being read into memory."""
    from claimtrack.reading import folder as corpus

    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.seek(corpus.MAX_ARTICLE_BYTES + 10)
        handle.write(b"x")
    with pytest.raises(InputError, match="more than"):
        read_folder(tmp_path)


# -- issue #23: odd names, special files, links, caps ----------------------------------------


def _plain(folder, name="a.txt", text="The council said on Monday that the truce is over."):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def test_paths_name_the_folder_read_so_same_names_differ(tmp_path):
    """#23.1: A/story.txt and B/story.txt get paths that tell them apart."""
    a = read_folder(_plain(tmp_path / "A", "story.txt").parent)[0].source
    b = read_folder(_plain(tmp_path / "B", "story.txt").parent)[0].source
    assert (a.id, a.path) == ("story", "A/story.txt")
    assert (b.id, b.path) == ("story", "B/story.txt")
    assert read_source(tmp_path / "A" / "story.txt").source.path == "A/story.txt"


def test_a_file_name_that_is_not_utf8_is_refused_clearly(tmp_path):
    """#23.10: caf\\xe9.txt: one InputError naming the file, escaped."""
    import os

    os.makedirs(tmp_path / "f")
    with open(os.path.join(os.fsencode(tmp_path / "f"), b"caf\xe9.txt"), "wb") as out:
        out.write(b"The council said the truce is over.")
    with pytest.raises(InputError, match=r"caf\\udce9.txt: the file name is not valid UTF-8"):
        read_folder(tmp_path / "f")


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="FIFOs")
def test_fifos_and_devices_are_refused_not_read(tmp_path):
    """#23.11: a FIFO named *.txt, or a device, is refused at once (no hang)."""
    import os

    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(InputError, match="not a regular file"):
        read_folder(tmp_path)
    with pytest.raises(InputError, match="not a regular file"):
        read_source("/dev/zero")


def test_a_link_loop_is_refused(tmp_path):
    """#23.15: `ln -s x.txt x.txt`: an InputError, not a RuntimeError."""
    (tmp_path / "x.txt").symlink_to("x.txt")
    with pytest.raises(InputError, match=r"x\.txt"):
        read_folder(tmp_path)
    with pytest.raises(InputError):
        read_source(tmp_path / "x.txt")


def test_a_sidecar_linking_out_of_the_folder_is_refused(tmp_path):
    """#23.23: sidecars obey the same rule as articles: no links out of the folder."""
    outside = tmp_path / "secret.toml"
    outside.write_text('title = "read me"\n', encoding="utf-8")
    _plain(tmp_path / "f")
    (tmp_path / "f" / "a.toml").symlink_to(outside)
    with pytest.raises(SidecarError, match="links outside the folder"):
        read_folder(tmp_path / "f")


def test_sidecars_have_a_size_cap(tmp_path):
    """#23.11: a sidecar larger than its cap is refused before it is read."""
    from claimtrack.reading.folder import MAX_SIDECAR_BYTES

    _plain(tmp_path)
    (tmp_path / "a.toml").write_text("# " + "x" * MAX_SIDECAR_BYTES, encoding="utf-8")
    with pytest.raises(InputError, match="more than"):
        read_folder(tmp_path)


def test_nul_bytes_anywhere_are_refused(tmp_path):
    """#23.8: a NUL after the first 8 KiB is refused as well."""
    (tmp_path / "a.txt").write_bytes(b"x" * 9000 + b"\x00 said the truce is over.")
    with pytest.raises(InputError, match="NUL"):
        read_folder(tmp_path)


@pytest.mark.parametrize(
    ("sidecar", "message"),
    [
        ('published = "9999-W52"\n', "published"),
        ('published = "winter 9999"\n', "published"),
        ('[[claims]]\ntext = "x"\ndirect = "no"\n', "direct must be true or false"),
        ('[[claims]]\ntext = "x"\nvia = ["???"]\n', "not a name"),
    ],
)
def test_sidecar_values_at_the_edges_are_refused_clearly(tmp_path, sidecar, message):
    """#23.8/#23.12: dates at the calendar's edge and bad values: one SidecarError."""
    _plain(tmp_path)
    (tmp_path / "a.toml").write_text(sidecar, encoding="utf-8")
    try:
        read_folder(tmp_path)
    except SidecarError as error:
        assert message in str(error)  # noqa: PT017
    else:
        assert message == "published"  # time/ may learn to read the date: then no error


def test_bad_paths_given_to_the_api_raise_input_errors(tmp_path):
    """#23.16: NUL in a name, a name too long: InputError, not ValueError/OSError."""
    with pytest.raises(InputError):
        read_source("a\x00.txt")
    with pytest.raises(InputError):
        read_folder("x" * 5000)
    with pytest.raises(InputError):
        read_folder(b"caf\xe9-missing")
