"""Lexicons and rule tables as data: their own examples, and replacing them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack import analyze, read_folder
from claimtrack.actors import NAME_PARTICLE, ActorRegistry, guess_kind
from claimtrack.cli import main
from claimtrack.errors import InputError
from claimtrack.model import ActorKind, Source
from claimtrack.reading import Document
from claimtrack.resources import Names, Resources, active, load, using
from claimtrack.text import transliteration_key

ROOT = Path(__file__).parent.parent
ARTICLE = ROOT / "seeds" / "000_2cd39a7d3fd715a3.txt"

_RULES = [(kind, rule) for kind in ("words", "letters") for rule in load("transliteration")[kind]]


@pytest.mark.parametrize(
    ("pair", "why"),
    [(pair, rule["why"]) for _, rule in _RULES for pair in rule["same"]],
)
def test_transliteration_rules_join_their_examples(pair, why):
    """Each rule's `same` examples get one key."""
    first, second = pair
    assert transliteration_key(first) == transliteration_key(second), why


@pytest.mark.parametrize(
    ("pair", "why"),
    [(pair, rule["why"]) for _, rule in _RULES for pair in rule["different"]],
)
def test_transliteration_rules_keep_their_counterexamples_apart(pair, why):
    """Each rule's `different` examples keep different keys."""
    first, second = pair
    assert transliteration_key(first) != transliteration_key(second), why


_ARTICLE = load("transliteration")["article"]


@pytest.mark.parametrize("word", _ARTICLE["particles"])
def test_the_arabic_article_makes_a_name_particle(word):
    """A word with the article written before a name (or the article apart) is part of a
    name: the finder of names reads transliteration.toml's one list."""
    assert re.fullmatch(NAME_PARTICLE, word), _ARTICLE["why"]


@pytest.mark.parametrize("word", _ARTICLE["not_particles"])
def test_english_words_that_spell_an_article_are_no_name_particle(word):
    """'as', 'an', 'at' alone are English, not the article written apart."""
    assert not re.fullmatch(NAME_PARTICLE, word), _ARTICLE["why"]


@pytest.mark.parametrize("form", _ARTICLE["joined"])
def test_keys_drop_every_form_of_the_article(form):
    """'ash-Shami' and 'Shami' are one key, for every form the list holds."""
    assert transliteration_key(f"{form}-Shami") == transliteration_key("Shami")


def test_a_transliteration_file_of_one_list_or_none_is_read(tmp_path):
    """A user's file may hold an older single list of dropped words (`articles`) or no
    article at all: the keys drop what it lists, and nothing is refused."""
    (tmp_path / "transliteration.toml").write_text('articles = ["al"]\nwords = []\nletters = []\n')
    assert transliteration_key("al-Shami", resources=Resources(directory=tmp_path)) == "shami"
    bare = tmp_path / "bare"
    bare.mkdir()
    (bare / "transliteration.toml").write_text("words = []\nletters = []\n")
    assert transliteration_key("al-Shami", resources=Resources(directory=bare)) == "al shami"


@pytest.mark.parametrize("mention", load("organizations")["organizations"])
def test_organization_words_mark_organizations(mention):
    """Names headed by an organisation word are organisations."""
    assert guess_kind(mention) is ActorKind.ORGANIZATION


@pytest.mark.parametrize("mention", load("organizations")["not_organizations"])
def test_person_names_are_not_organizations(mention):
    """People's names hold no organisation word."""
    assert guess_kind(mention) is not ActorKind.ORGANIZATION


def test_story_organization_words_come_with_the_story():
    """A story's group name is an organisation only when its names are in force."""
    assert guess_kind("Tanzim Hurras") is ActorKind.ORGANIZATION  # a general Arabic word
    assert guess_kind("Boko Haram") is not ActorKind.ORGANIZATION
    with using(Resources(names=Names(organizations=["haram"]))):
        assert guess_kind("Boko Haram") is ActorKind.ORGANIZATION


def test_actors_file_carries_the_story_names():
    """The [names] table of an actors file comes with the registry it makes."""
    registry = ActorRegistry.from_file(ROOT / "seeds" / "actors.toml")
    assert ("jolani", "golani", "joulani", "julani") in registry.names.spellings
    assert "qaeda" in registry.names.organizations
    assert registry.resolve("Abou Mohamed al-Golani").method == "transliteration"
    assert active().names == Names()  # reading a file puts nothing in force


def test_a_bad_names_table_is_refused(tmp_path):
    """A names table that is not lists of words is an input error naming the file."""
    path = tmp_path / "actors.toml"
    path.write_text('[names]\nspellings = ["jolani"]\n')
    with pytest.raises(InputError, match="names"):
        ActorRegistry.from_file(path)


def test_a_folder_of_lexicons_replaces_files_by_name(tmp_path):
    """A lexicon file in the folder replaces the package's; the others stay."""
    (tmp_path / "hedges.toml").write_text('possible = ["perhaps"]\nprobable = []\n')
    assert load("hedges", directory=tmp_path) == {"possible": ["perhaps"], "probable": []}
    assert load("nullifiers", directory=tmp_path) == load("nullifiers")


def test_a_file_that_is_no_lexicon_is_refused(tmp_path):
    """A typo in a lexicon's file name is an error, not a silently ignored file."""
    (tmp_path / "hedge.toml").write_text("possible = []\n")
    with pytest.raises(InputError, match="no lexicon 'hedge'"):
        Resources(directory=tmp_path)
    with pytest.raises(InputError, match="no such folder"):
        Resources(directory=tmp_path / "missing")


def _possible(analysis):
    return sum(c.modality.value == "possible" for c in analysis.claims)


def test_a_replaced_lexicon_changes_the_analysis(tmp_path):
    """analyze(resources=FOLDER) reads the folder's hedges instead of the package's."""
    (tmp_path / "hedges.toml").write_text('possible = ["perhaps"]\nprobable = []\n')
    documents = read_folder(ARTICLE)
    assert _possible(analyze(documents)) > 0
    assert _possible(analyze(documents, resources=tmp_path)) == 0
    assert _possible(analyze(documents, resources=Resources(directory=tmp_path))) == 0
    assert _possible(analyze(documents)) > 0  # and nothing stays replaced after


def test_the_cli_takes_a_folder_of_lexicons(tmp_path, monkeypatch):
    """claimtrack analyze --resources DIR analyses with the folder's lexicons."""
    lexicons = tmp_path / "lexicons"
    lexicons.mkdir()
    (lexicons / "hedges.toml").write_text('possible = ["perhaps"]\nprobable = []\n')
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    shipped = runner.invoke(main, ["analyze", str(ARTICLE), "--db", "a.db", "--format", "json"])
    own = runner.invoke(
        main,
        ["analyze", str(ARTICLE), "--db", "b.db", "--format", "json", "--resources", "lexicons"],
    )
    assert shipped.exit_code == 0, shipped.output
    assert own.exit_code == 0, own.output
    assert '"modality": "possible"' in shipped.output
    assert '"modality": "possible"' not in own.output


def test_a_replaced_cue_lexicon_is_not_hidden_by_a_cache(tmp_path):
    """Tables built from a lexicon (the cue words) are rebuilt for a replaced lexicon, even
    after an analysis with the package's has built them in the same process."""
    shipped = (ROOT / "src" / "claimtrack" / "resources" / "reporting.toml").read_text()
    (tmp_path / "reporting.toml").write_text(shipped.replace('"say", ', ""))
    text = '"The plan will work," said Ali Hassan.'
    documents = [Document(sources=(Source(id="s", text=text),))]
    assert [c.text for c in analyze(documents).claims] == ["The plan will work"]
    assert analyze(documents, resources=tmp_path).claims == ()
    assert len(analyze(documents).claims) == 1
