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
