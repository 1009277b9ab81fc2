"""The people an article names, where, and whether "he" or "she" can stand for them.

Capitalised words are a person's name when they begin with a known given name ("Freddy
Ortega"), follow a title ("Sen. Bernie Sanders", "Mrs. Clinton", "the French ambassador,
François Delattre" is found by the given name), follow "named" ("a resident named
Caroline"), or are the surname of a person named before ("Sanders" after "Bernie Sanders").
The given names and the words that say a gender are data: ``resources/people.toml``.

>>> text = "Mrs. Clinton met Sen. Bernie Sanders. Sanders left."
>>> [(p.name, p.gender) for p in people_named(text)]
[('Clinton', 'f'), ('Bernie Sanders', 'm'), ('Bernie Sanders', 'm')]
"""

from __future__ import annotations

import re

import attrs

from claimtrack.actors.names import (
    NAME_CAPITAL,
    NAME_PARTICLE,
    is_title,
    repaired_name,
    split_title,
)
from claimtrack.actors.vocabulary import institution_words
from claimtrack.errors import InputError
from claimtrack.resources import cached, load
from claimtrack.text import fold

__all__ = ["Person", "gender_of_name", "people_named", "quoted_spans", "title_gender"]

# A word of a name: a capital, then letters; mojibake pairs ("FranÃ§ois") are letters too.
_WORD = rf"[{NAME_CAPITAL}](?:[ÂÃÅ][^\s,.;:!?\"“”()]|[^\W\d_]|['’-](?=[^\W\d_]))*"
_RUN = re.compile(
    rf"(?<![\w'’-]){_WORD}"
    # A possessive ends a name: "Trump's Indiana chairman".
    # A middle initial ("James B. Comey") or a nickname ('Juan "Chico" Manriquez') inside.
    rf"(?:(?<!['’]s)[ \t]+(?:[A-Z]\.[ \t]+|[\"“]{_WORD}[\"”][ \t]+)?"
    rf"(?:(?:{NAME_PARTICLE})[ \t]+)?{_WORD})*"
)
_POSSESSIVE = re.compile(r"['’]s?$")
_AGE_AFTER = re.compile(r",[ \t]+\d{1,3},")  # "Dewayne Smithy, 33, of Baldwin"
# A quote may open with one mark and close with the other ('“Look," she said').
_QUOTED = re.compile(r"[“\"][^“”\"\n]*[”\"]|''.*?''")
# Mechanical: a full word's stop (not an abbreviation's), a folded word.
_FULL_WORD_STOP = re.compile(r"[A-Za-z]{5,}\.$")
_LOWER_WORD = re.compile(r"[a-z]+")


@attrs.frozen
class Person:
    """A person named at ``start:end``, by ``name`` (the full name the article gave them),
    and the gender ("m", "f") a pronoun for them has, or None when nothing says."""

    start: int
    end: int
    name: str
    gender: str | None
    possessive: bool = False  # "Trump's Indiana chairman": whose, not who
    title: str = ""  # the title the article gave them, folded: "president", "state senator"


def _key(word: str) -> str:
    return fold(_POSSESSIVE.sub("", repaired_name(word)))


_GENDERS = {"male": "m", "female": "f", "either": None}


def _people_table(table: str) -> dict[str, list[str]]:
    """One table of ``people.toml`` (a user's may leave one out: it then lists nothing), its
    groups checked against what they can be, its words folded as they are looked up."""
    found: dict[str, list[str]] = load("people").get(table, {})
    allowed = {
        "given_names": _GENDERS,
        "titles": (*_GENDERS, "male_endings", "female_endings", "introducing", "describing"),
    }
    for group in found:
        if group not in allowed[table]:
            raise InputError(
                f"[{table}] has no group {group!r}; its groups: {', '.join(allowed[table])}",
                location="people.toml",
            )
    return {group: [fold(w) for w in words] for group, words in found.items()}


@cached  # built from the lexicons in force
def _given_names() -> dict[str, str | None]:
    names = _people_table("given_names")
    return {name: _GENDERS[group] for group, words in names.items() for name in words}


@cached  # built from the lexicons in force
def _title_genders() -> dict[str, str]:
    titles = _people_table("titles")
    return {w: g for group, g in (("male", "m"), ("female", "f")) for w in titles.get(group, ())}


@cached  # built from the lexicons in force
def _introducing() -> re.Pattern[str]:
    words = "|".join(map(re.escape, _people_table("titles").get("introducing", ()))) or "(?!)"
    return re.compile(rf"\b(?:{words})[ \t]+$")


def gender_of_name(name: str) -> str | None:
    """The gender a person's given name says ("Caroline" -> "f"), or None."""
    words = name.split()
    return _given_names().get(_key(words[0])) if words else None


@cached  # built from the lexicons in force
def _describing() -> frozenset[str]:
    return frozenset(_people_table("titles").get("describing", ()))


def _describes(word: str) -> bool:
    """Whether a capitalised word before a given name describes the person: "Actor"."""
    return _key(word) in _describing() or is_title(word)


def _title_before(tokens: list[str]) -> str:
    """The title the last words before a name are ("Sen.", "Secretary of State"), or ''.
    A full word's full stop ends a sentence ("an adviser. At that moment"); "Sen." not."""
    for count in (1, 3):
        words = " ".join(tokens[-count:])
        sentence_end = _FULL_WORD_STOP.search(words)
        if len(tokens) >= count and is_title(words) and not sentence_end:
            return words
    return ""


def title_gender(title: str) -> str | None:
    """The gender a title says ("Mrs.", "congresswoman" -> "f"), or None."""
    for word in reversed(_LOWER_WORD.findall(fold(title))):
        if word in _title_genders():
            return _title_genders()[word]
        for gender, endings in _title_endings():
            if word.endswith(endings):
                return gender
    return None


@cached  # built from the lexicons in force
def _title_endings() -> tuple[tuple[str, tuple[str, ...]], ...]:
    titles = _people_table("titles")
    return tuple(
        (gender, tuple(titles.get(f"{group}_endings", ())))
        for group, gender in (("female", "f"), ("male", "m"))
    )


def people_named(text: str) -> tuple[Person, ...]:
    """Every person ``text`` names, in order of where they are named."""
    people: list[Person] = []
    surnames: dict[str, Person] = {}
    given = _given_names()
    institutions = institution_words()
    for run in _RUN.finditer(text):
        # One word has no title inside it: split_title only for runs that may ("Sen. X").
        one_word = " " not in run.group(0) and "\t" not in run.group(0)
        title, name = ("", run.group(0)) if one_word else split_title(run.group(0))
        first, _, rest = name.partition(" ")
        if not title and rest and fold(first) in _title_genders():
            title, name = first, rest  # "Sir Peter Westmacott", "Queen Elizabeth"
        possessive = _POSSESSIVE.search(name) is not None
        lead = name.split()
        given_at = next((i for i, w in enumerate(lead[:-1]) if _key(w) in _given_names()), 0)
        if given_at and _describes(lead[given_at - 1]):
            name = " ".join(lead[given_at:])  # "Actor Clint Howard", "Sheriff Joe Arpaio"
        before = text[max(0, run.start() - 40) : run.start()]
        tokens = before.split()[-3:] if before[-1:] in (" ", "\t") else []
        if not title and tokens:
            title = _title_before(tokens)
        start = run.start() + run.group(0).rfind(name)
        words = name.split()
        keys = [_key(w) for w in words]
        if set(keys) & institutions:
            continue
        gender = title_gender(title) if title else None
        if not title and tokens:
            gender = _title_genders().get(tokens[-1].rstrip(".,").lower())
        known = surnames.get(keys[-1]) if len(words) == 1 else None
        if known is not None and gender and known.gender and gender != known.gender:
            known = None  # "Mrs. Clinton" after "Bill Clinton": someone else
        if known is not None:
            gender = gender or known.gender
            title = fold(title) or known.title
            people.append(Person(start, run.end(), known.name, gender, possessive, title))
            continue
        first_name = keys[0] in given
        if not (
            title
            or gender
            or (first_name and len(words) > 1)
            or (len(words) > 1 and _AGE_AFTER.match(text, run.end()))
            or (first_name and _introducing().search(before))
        ):
            continue
        # The name as written before a wrong decoding: "FranÃ§ois" is "François".
        name = " ".join(repaired_name(w) for w in _POSSESSIVE.sub("", name).split())
        gender = gender or given.get(keys[0])
        person = Person(start, run.end(), name, gender, possessive, fold(title))
        people.append(person)
        if len(words) > 1:
            surnames[keys[-1]] = person
    return tuple(people)


def quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` quotes someone: the people named inside a quote are not whom the
    narration's "he" or "she" stands for.

    >>> quoted_spans('He said: "Ask Clinton." She left.')
    ((9, 23),)
    """
    return tuple((m.start(), m.end()) for m in _QUOTED.finditer(text))
