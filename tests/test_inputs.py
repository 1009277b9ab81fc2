"""Real inputs: saved web pages, CSV and JSON Lines tables of articles, metadata tables for a
folder of text files, and text files with no metadata at all."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.cli import main
from claimtrack.errors import InputError
from claimtrack.model import Precision
from claimtrack.pipeline import analyze
from claimtrack.reading import table
from claimtrack.reading.folder import read_folder

pytest.importorskip("trafilatura")

PAGES = Path(__file__).parent / "pages"

# A second outlet's page, declared windows-1252 and written so (the é, the en dash).
TIMES_PAGE = """<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Bridge costs soar – The Coastal Times</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Bridge costs soar as opening slips","datePublished":"2016-08-02T08:15:00+01:00",
"author":{"@type":"Person","name":"Sam Writer"},
"publisher":{"@type":"Organization","name":"The Coastal Times"}}</script>
</head><body>
<div class="gdpr-notice">This site uses cookies. Manage your cookie settings here.</div>
<nav class="menu"><a href="/">Front page</a> | <a href="/world">World</a> |
<a href="/business">Business</a></nav>
<article>
<h1>Bridge costs soar as opening slips</h1>
<time datetime="2016-08-02">2 August 2016</time>
<p>The cost of the Easton bridge has risen by a third since the spring, according to figures
seen by this newspaper.</p>
<p>"The bridge will not open in May, whatever the mayor says," said Tom Becker, a member of
the city council, on Monday.</p>
<p>The council will vote on the contract next week. Residents have complained for years about
the café queues and traffic on the old crossing.</p>
</article>
<footer>Subscribe to our newsletter. Follow us on social media. © The Coastal Times 2016</footer>
</body></html>
"""

NOISE = ("cookie", "Home", "Most read", "rights reserved", "newsletter", "Front page", "Sport")
EXPECTED = {
    "ledger": ("Daily Ledger", "2016-07-28", "Easton bridge to open in May, mayor says"),
    "times": ("The Coastal Times", "2016-08-02", "Bridge costs soar as opening slips"),
}


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "ledger.html").write_bytes((PAGES / "ledger.html").read_bytes())
    (folder / "times.htm").write_bytes(TIMES_PAGE.encode("cp1252"))
    return folder


def _rows(folder: Path) -> list[dict[str, str]]:
    """The two pages as rows of a table of articles, as a scraper would write them."""
    rows = []
    for doc in read_folder(folder):
        s = doc.source
        rows.append({"id": s.id, "title": s.title or "", "outlet": s.outlet or "",
                     "published": s.published.expression if s.published else "",
                     "url": s.url or "", "authors": "; ".join(s.authors), "text": s.text,
                     "section": "local"})  # fmt: skip
    return rows


@pytest.fixture
def tables(pages: Path, tmp_path: Path) -> tuple[Path, Path]:
    rows = _rows(pages)
    csv_path, jsonl_path = tmp_path / "articles.csv", tmp_path / "articles.jsonl"
    with csv_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    jsonl_path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return csv_path, jsonl_path


def _check(documents) -> None:
    analysis = analyze(documents)
    by_id = {s.id: s for s in analysis.sources}
    for source_id, (outlet, day, title) in EXPECTED.items():
        source = by_id[source_id]
        assert (source.outlet, source.title) == (outlet, title)
        assert source.published is not None
        assert source.published.precision is Precision.DAY
        assert source.published.timex == day
    speakers = {c.speaker for c in analysis.claims}
    assert {"maria-lopez", "tom-becker"} <= speakers
    lopez = [c for c in analysis.claims if c.speaker == "maria-lopez"]
    assert any("open in May" in c.text for c in lopez)
    for claim in analysis.claims:
        assert not any(word in claim.text for word in NOISE), claim.text
    for source in analysis.sources:
        assert not any(word in source.text for word in NOISE), source.text


def test_a_folder_of_saved_pages_gives_outlet_date_title_and_speakers(pages):
    _check(read_folder(pages))
    times = {d.source.id: d.source for d in read_folder(pages)}["times"]
    assert "café" in times.text  # decoded by the charset the page declares
    assert times.authors == ("Sam Writer",)


def test_the_same_articles_as_csv_and_jsonl_give_the_same_sources(tables):
    for path in tables:
        _check(read_folder(path))


def test_cli_analyzes_a_csv_like_a_folder_and_a_jsonl_of_articles_is_not_an_export(
    tables, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    for path in tables:
        result = CliRunner().invoke(main, ["analyze", str(path), "--format", "json",
                                           "--db", f"{path.stem}{path.suffix}.db"])  # fmt: skip
        assert result.exit_code == 0, result.stderr
        data = json.loads(result.stdout)
        assert {s["outlet"] for s in data["sources"]} == {"Daily Ledger", "The Coastal Times"}


def test_a_metadata_table_stands_for_sidecars(tmp_path):
    folder = tmp_path / "texts"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text("Some text. It goes on.\n", encoding="utf-8")
    (folder / "sub" / "two.txt").write_text("More text here.\n", encoding="utf-8")
    (folder / "sub" / "two.toml").write_text('outlet = "Sidecar News"\n', encoding="utf-8")
    (folder / "metadata.csv").write_text(
        "file,outlet,published,title,extra\none.txt,Row Times,2016-07,A title,x\n"
        "sub/two,Row Post,2015,Other,y\n", encoding="utf-8")  # fmt: skip
    by_id = {d.source.id: d.source for d in read_folder(folder)}
    assert (by_id["one"].outlet, by_id["one"].published.timex) == ("Row Times", "2016-07")
    assert by_id["two"].outlet == "Sidecar News"  # a sidecar wins over its row
    named = tmp_path / "meta.jsonl"
    named.write_text('{"file": "one", "outlet": "Named"}\n', encoding="utf-8")
    (folder / "metadata.csv").unlink()
    assert {d.source.id: d.source for d in read_folder(folder, metadata=named)}[
        "one"].outlet == "Named"  # fmt: skip


def test_a_row_for_a_missing_file_is_refused(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "one.txt").write_text("Some text.\n", encoding="utf-8")
    (folder / "metadata.csv").write_text("file,outlet\none,A\nghost,B\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"metadata\.csv:3.*ghost"):
        read_folder(folder)


def test_a_text_without_metadata_takes_its_headline_and_the_cli_warns_once(tmp_path, monkeypatch):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text("Mayor promises bridge by May\n\nThe mayor said it.\n")
    (folder / "b.txt").write_text("This story is over 5 years old.\n\nText.\n")
    by_id = {d.source.id: d.source for d in read_folder(folder)}
    assert by_id["a"].title == "Mayor promises bridge by May"
    assert by_id["b"].title is None  # a sentence is not a headline
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["ingest", str(folder)])
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1
    assert "2 of 2 articles have no publication date" in warnings[0]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.csv", 'id,text\na,"never closed\n', r"bad\.csv:\d+"),
        ("bad.csv", "id,text\na,one,two\n", r"bad\.csv:2: .*more cells"),
        ("bad.csv", "id,title\na,No text\n", r"bad\.csv:2: a row needs text"),
        ("bad.jsonl", '{"text": "fine"}\n{"text": \n', r"bad\.jsonl:2: not valid JSON"),
        ("bad.jsonl", '["a list"]\n', r"bad\.jsonl:1: a line must be a JSON object"),
        ("bad.jsonl", '{"text": 3}\n', r"bad\.jsonl:1: text must be a string"),
        ("bad.jsonl", '{"text": "x", "published": "soon-ish"}\n', r"bad\.jsonl:1: published"),
        ("bad.jsonl", '{"text": "x", "kind": "rumour"}\n', r"bad\.jsonl:1: kind"),
        ("dup.jsonl", '{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n', "used by both"),
        ("empty.csv", "id,text\n", "no rows"),
        ("nul.csv", "id,text\na,b\x00\n", "NUL"),
        ("page.html", "<html><head><title>T</title></head><body></body></html>", "no article text"),
        ("odd.html", '<meta charset="x-klingon"><p>text</p>', "unknown charset"),
        ("lying.html", '<meta charset="utf-8"><p>caf\xe9 au lait and more</p>', "not valid utf-8"),
    ],
)
def test_bad_tables_and_pages_name_the_file_and_line(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content.encode("latin-1"))
    with pytest.raises(InputError, match=message):
        read_folder(path)


def test_a_hostile_page_yields_text_not_markup_or_script(tmp_path):
    """Script, style, comments, a forged JSON-LD and markup in the metadata stay out."""
    page = tmp_path / "hostile.html"
    page.write_text(
        '<html><head><meta property="og:site_name" content="&lt;b&gt;[bold]Evil&lt;/b&gt;">'
        '<script type="application/ld+json">{not json</script>'
        '<script type="application/ld+json">[1, "x", {"@graph": 5}]</script>'
        "<style>p { color: red }</style></head><body><script>alert('pwned')</script>"
        "<!-- a comment --><article><p>The mayor said the bridge would open in May, "
        "and the council said it would not open before the autumn of next year.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (doc,) = read_folder(page)
    assert "alert" not in doc.source.text
    assert "color" not in doc.source.text
    assert "comment" not in doc.source.text
    assert doc.source.outlet == "<b>[bold]Evil</b>"  # kept as written; escaped when shown
    assert doc.source.published is None


def test_a_long_article_is_read_and_a_huge_csv_field_is_a_clear_error(tmp_path, monkeypatch):
    path = tmp_path / "huge.csv"
    path.write_text("id,text\na," + "Words go on. " * 20_000 + "\n", encoding="utf-8")
    assert len(read_folder(path)[0].source.text) > 200_000  # past csv's own 131,072 limit
    monkeypatch.setattr(table, "MAX_FIELD_CHARS", 1000)
    with pytest.raises(InputError, match=r"huge\.csv:\d+: not valid CSV: field larger"):
        read_folder(path)


def test_without_the_web_extra_a_page_is_one_clear_line(pages, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(InputError, match=r"needs the web extra: pip install 'claimtrack\[web\]'"):
        read_folder(pages)


def test_the_seeds_are_dated(tmp_path, monkeypatch):
    """The seeds' compilation page is dated by its pieces: no warning."""
    monkeypatch.chdir(tmp_path)
    seeds = Path(__file__).parent.parent / "seeds"
    result = CliRunner().invoke(main, ["ingest", str(seeds)])
    assert result.exit_code == 0
    assert "warning" not in result.stderr


def test_a_bad_row_leaves_the_store_as_it_was(tables, tmp_path, monkeypatch):
    from claimtrack.store import ClaimStore

    monkeypatch.chdir(tmp_path)
    csv_path, _ = tables
    assert CliRunner().invoke(main, ["ingest", str(csv_path)]).exit_code == 0
    with ClaimStore("claimtrack.db") as store:
        before = store.counts()
    bad = tmp_path / "more.csv"
    bad.write_text(csv_path.read_text(encoding="utf-8").replace("ledger", "ledger2", 1)
                   + 'x,,,,,,,\n', encoding="utf-8")  # fmt: skip
    result = CliRunner().invoke(main, ["ingest", str(bad)])
    assert result.exit_code == 1
    assert "more.csv:" in result.stderr
    assert "a row needs text" in result.stderr
    with ClaimStore("claimtrack.db") as store:
        assert store.counts() == before


def test_a_metadata_row_cannot_reach_outside_the_folder(tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "one.txt").write_text("Some text.\n", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("Not in the folder.\n", encoding="utf-8")
    (folder / "metadata.csv").write_text("file,outlet\n../secret.txt,X\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no article file '\.\./secret\.txt'"):
        read_folder(folder)
