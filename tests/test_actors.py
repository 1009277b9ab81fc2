"""ActorRegistry: aliases, transliterations, fuzzy matches with refusal, surnames."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.actors import ActorRegistry, guess_kind, is_unnamed, merge_actors, split_title
from claimtrack.attribution.speakers import vocabulary
from claimtrack.errors import InputError
from claimtrack.model import Actor, ActorKind

SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture(scope="module")
def registry():
    return ActorRegistry.from_file(SEEDS / "actors.toml")


@pytest.mark.parametrize(
    ("mention", "actor", "method"),
    [
        ("al-Nusra", "jabhat-al-nusra", "alias"),
        ("Nusra Front", "jabhat-al-nusra", "alias"),
        ("Jabhat al-Nusrah", "jabhat-al-nusra", "transliteration"),
        ("Jabhat Fateh al-Sham", "jabhat-al-nusra", "alias"),  # renamed, same actor
        ("Al-Qaida", "al-qaeda", "transliteration"),
        ("al Qaedah", "al-qaeda", "transliteration"),
        ("Abou Mohamed al-Golani", "abu-mohammad-al-jolani", "transliteration"),
        ("Ayman al-Zawahri", "ayman-al-zawahiri", "transliteration"),
        ("Daesh", "islamic-state", "alias"),
        ("Sen. Lindsey Graham", "lindsey-graham", "alias"),
        ("Charles Lester", "charles-lister", "fuzzy"),
    ],
)
def test_mentions_resolve(registry, mention, actor, method):
    """Each spelling resolves to its actor, and says how."""
    match = registry.resolve(mention)
    assert match is not None
    assert (match.actor.id, match.method) == (actor, method)
    assert actor in match.why() or match.actor.name in match.why()


@pytest.mark.parametrize("mention", ["Hillary Clinton", "al-Shabaab", "Nasrallah", "Charles"])
def test_lookalikes_are_refused(registry, mention):
    """A mention that is only somewhat like a known actor is refused, not latched on."""
    assert registry.resolve(mention) is None


def test_surnames_resolve_to_the_name_introduced_earlier():
    """'Lister' is the Charles Lister introduced earlier in the same source."""
    lister = Actor.named("Charles Lister", kind=ActorKind.PERSON)
    registry = ActorRegistry([lister])
    registry_without_alias = ActorRegistry()
    assert registry.resolve("Lister", introduced=[lister]).method == "surname"
    assert registry_without_alias.resolve("Lister", introduced=[lister]).actor == lister
    assert registry_without_alias.resolve("Lister") is None


def test_renames_keep_one_actor(registry):
    """The renamed group is the same actor, with the rename and its date on record."""
    nusra = registry.get("jabhat-al-nusra")
    assert nusra.renames[0].name == "Jabhat Fateh al-Sham"
    assert str(nusra.renames[0].on) == "2016-07-28"


@pytest.mark.parametrize(
    ("mention", "kind"),
    [
        ("a senior U.S. official", ActorKind.UNNAMED),
        ("opposition sources", ActorKind.UNNAMED),
        ("one of the sources", ActorKind.UNNAMED),
        ("the State Department", ActorKind.GOVERNMENT),
        ("Amarnath Amarasingam", ActorKind.PERSON),
    ],
)
def test_kinds_of_new_mentions(mention, kind):
    """New mentions get a sensible kind; unnamed sources stay unnamed."""
    assert guess_kind(mention) is kind
    assert is_unnamed(mention) is (kind is ActorKind.UNNAMED)


def test_bad_actor_files_are_clear_errors(tmp_path):
    """A broken actors file names the file and the entry."""
    bad = tmp_path / "actors.toml"
    bad.write_text('[[actors]]\nkind = "person"\n')
    with pytest.raises(InputError, match=r"actors\[0\]"):
        ActorRegistry.from_file(bad)
    bad.write_text("[[actors]\n")
    with pytest.raises(InputError, match="not valid TOML"):
        ActorRegistry.from_file(bad)


def test_threshold_is_validated():
    """A threshold outside 0-100 is refused with the allowed range."""
    with pytest.raises(ValueError, match=r"\[0, 100\]"):
        ActorRegistry(threshold=120)


@pytest.mark.parametrize(
    ("mention", "title", "name"),
    [
        ("Secretary of State John Kerry", "Secretary of State", "John Kerry"),
        ("Russian Foreign Minister Sergei Lavrov", "Russian Foreign Minister", "Sergei Lavrov"),
        ("State Department spokesman John Kirby", "State Department spokesman", "John Kirby"),
        ("Lt. Gen. Ali Smith", "Lt. Gen.", "Ali Smith"),
        ("White House Chief of Staff Denis McDonough", "White House Chief of Staff",
         "Denis McDonough"),
        ("Syrian President Bashar al-Assad", "Syrian President", "Bashar al-Assad"),
        ("activist “Muzamjar al-Sham”", "activist", "Muzamjar al-Sham"),
        # Not a title and a name: companies, assemblies, a name with a title word in it.
        ("General Motors", "", "General Motors"),
        ("General Electric Co.", "", "General Electric Co."),
        ("Martin Luther King", "", "Martin Luther King"),
        ("President", "", "President"),
        ("the Syrian Foreign Ministry", "", "the Syrian Foreign Ministry"),
    ],
)  # fmt: skip
def test_titles_are_split_from_names(mention, title, name):
    assert split_title(mention) == (title, name)


@given(st.text(max_size=60))
def test_a_split_title_keeps_the_words_it_was_given(mention):
    """The title and the name are the mention's own words, in order; nothing is invented."""
    title, name = split_title(mention)
    stripped = mention.strip()
    if not title:
        assert name == stripped or name.strip('"“”') in stripped
    else:
        assert stripped.startswith(title)
        assert name.strip('"“”') in stripped[len(title) :]


_KINDS = {"person": ActorKind.PERSON, "organisation": ActorKind.ORGANIZATION,
          "government": ActorKind.GOVERNMENT, "outlet": ActorKind.OUTLET,
          "unnamed": ActorKind.UNNAMED}  # fmt: skip


@pytest.mark.parametrize(
    ("mention", "kind"),
    [(m, _KINDS[k]) for k, ms in vocabulary()["kind_examples"][0].items() for m in ms],
)
def test_kinds_from_the_vocabulary(mention, kind):
    """Each example of the attribution vocabulary's actor words gets its kind."""
    assert guess_kind(mention) is kind


_named = st.sampled_from(["Sergei Lavrov", "John Kerry", "Charles Lister"])
_found = st.builds(
    lambda name, description, kind: Actor.named(name, kind=kind, description=description),
    _named,
    st.sampled_from([None, "Foreign Minister", "a fellow", "diplomat"]),
    st.sampled_from([ActorKind.PERSON, ActorKind.UNKNOWN]),
)


@given(found=st.lists(_found, max_size=8), data=st.data())
def test_merged_actors_do_not_depend_on_order(found, data):
    """Actors found in articles merge to one per id, the same in any order, sorted by id."""
    known = [Actor.named("John Kerry", kind=ActorKind.PERSON, description="Secretary of State")]
    shuffled = data.draw(st.permutations(found))
    merged = merge_actors(known, found)
    assert merged == merge_actors(known, shuffled)
    assert [a.id for a in merged] == sorted({a.id for a in [*known, *found]})
    assert next(a for a in merged if a.id == "john-kerry") == known[0]


def test_a_rename_without_a_name_is_an_input_error(tmp_path):
    """`renames = [{name = 5}]` names the file, in claimtrack's own error (issue #23 item 13)."""
    from claimtrack.errors import InputError

    path = tmp_path / "actors.toml"
    path.write_text('[[actors]]\nname = "X"\nrenames = [{name = 5, on = "2016-01-01"}]\n')
    with pytest.raises(InputError, match="renames"):
        ActorRegistry.from_file(path)
