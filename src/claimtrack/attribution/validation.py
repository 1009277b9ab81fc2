"""The validation stage of a speaker: the shapes of a span that never name one (a page's
label, the phrase about the occasion a sentence opens with, a clause cut short, markup).

The shapes are data (``resources/attribution/speaker_shapes.toml``), each with its scope:
``spans`` shapes are refused when finding attributions too, ``actors`` shapes only when an
actor is made of the span.  :func:`~claimtrack.attribution.speakers.is_speaker` asks
:func:`refusing_shape` first.

>>> refusing_shape("Correction", scopes=("spans",), names_someone=lambda chunk: True)
'label'
>>> refusing_shape("During the event", scopes=("spans", "actors"), names_someone=bool) is None
False
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from functools import cache
from importlib.resources import files as package_files
from typing import Any

import attrs

from claimtrack.actors.vocabulary import speaker_vocabulary
from claimtrack.attribution.cues import cue_table
from claimtrack.attribution.rules import pattern
from claimtrack.attribution.spans import Attribution, Span, strip_span
from claimtrack.errors import ClaimtrackError
from claimtrack.text import fold

__all__ = [
    "SUBJECT_PRONOUNS",
    "Shape",
    "ShapeError",
    "attitudes_inside_reports",
    "object_after_cue",
    "parse_shapes",
    "refusing_shape",
    "shapes",
    "shapes_resource",
    "speaker_before_parenthetical",
    "speaker_part",
    "without_markup",
]

_TESTS = ("whole", "starts", "head", "has")
_SCOPES = ("spans", "actors")
_EDGES = " \"'“”‘’()[],.;:—–-~*•"
_CHUNK = re.compile(r",\s+|\s+[-—–]+\s+")
# A whole tag, or the end of one the span starts inside: '<tweet author="@x">Donald Trump'.
_TAG = re.compile(r"<[^<>]*>|^[^<>]*>")
# A dateline before the first sentence: "MANCHESTER, N.H. - ", "Aug 27 - ", with the agency
# in brackets: "LONDON (Reuters) - ", "Washington (AFP) – ".
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]*)*(?:\s+\([A-Z][\w ]*\))?"
    r"|[A-Z][a-z]{2,8}\.? \d{1,2}"
    r"|[A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*){0,3}\s+\([A-Z][\w ]*\))\s+[-—–]+\s+"
)
# A participle opening a sentence: "Alarmed by the unrest", "Surveying the desolation"; a
# lower-case word follows it, where a name goes on in capitals ("Ahmed Rashid", "Fred Upton").
_PARTICIPLE = re.compile(r"[A-Z][a-z]+(?:ing|ed)\s+[a-z]")
# Two capitalised words open a name, not a clause: "Will Hurd", "Can Dündar", "Do Kwon".
_NAME_OPENING = re.compile(r"[A-Z][\w'’-]*\s+[A-Z]")
SUBJECT_PRONOUNS = frozenset(speaker_vocabulary()["grammar"]["subject_pronouns"])
# A relative or a conjunction before the subject: "which Mr. Putin (opposed)".
_LEADING_LINK = pattern("leading_link")


def without_markup(text: str) -> str:
    """The text without the tags a page left in it: what a speaker's name is read from.

    >>> without_markup('<tweet author="@x" date="March 4">Donald Trump')
    'Donald Trump'
    """
    return _TAG.sub(" ", text).strip()


class ShapeError(ClaimtrackError):
    """A speaker shape of the resource file is malformed."""


@attrs.frozen
class Shape:
    """One shape of span that names no speaker, as ``speaker_shapes.toml`` gives it."""

    name: str
    test: str
    scope: str
    words: frozenset[str]
    speakers: tuple[str, ...] = ()
    not_speakers: tuple[str, ...] = ()
    # The words as one pattern, compiled once: validation runs on every speaker.
    opening: re.Pattern[str] = attrs.field(init=False, eq=False, repr=False)

    @opening.default
    def _opening(self) -> re.Pattern[str]:
        words = "|".join(map(re.escape, sorted(self.words, key=len, reverse=True)))
        return re.compile(rf"(?:{words})(?:\s|$)")

    def opens(self, folded: str) -> bool:
        """Whether the folded span begins with one of the words (a whole word or phrase)."""
        return self.opening.match(folded) is not None

    def matches(self, plain: str, names_someone: Callable[[str], bool]) -> bool:
        """Whether the trimmed span has this shape."""
        folded = fold(plain)
        if self.test == "whole":
            return folded in self.words
        if self.test == "has":
            return any(w in folded for w in self.words)
        if not self.opens(folded):
            return False
        if self.test == "starts":
            return True
        if _NAME_OPENING.match(plain):
            return False  # "Will Hurd": the opening word is a given name
        # "head": the opening phrase refuses the span unless a later part names someone
        # ("At the Maine rally, Trump").
        return not any(names_someone(chunk) for chunk in _CHUNK.split(plain)[1:])


@cache
def shapes_resource() -> dict[str, Any]:
    """``resources/attribution/speaker_shapes.toml``, parsed."""
    folder = package_files("claimtrack.resources").joinpath("attribution")
    text = folder.joinpath("speaker_shapes.toml").read_text(encoding="utf-8")
    data: dict[str, Any] = tomllib.loads(text)
    return data


@cache
def _cue_verb() -> re.Pattern[str]:
    """A cue's verb at the end of a span, after its subject: "Trump fired (back)"."""
    table = shapes_resource()["cue_verb"]
    past = "|".join(map(re.escape, table["irregular_past"]))
    particles = "|".join(map(re.escape, table["particles"]))
    return pattern("cue_verb_after_subject", past=past, particles=particles)


@cache
def _tail_words() -> frozenset[str]:
    return frozenset(fold(w) for w in shapes_resource()["tail"]["words"])


def _without_tail(text: str) -> str:
    """The span without the verb group's auxiliary or an adverb after the speaker."""
    words = text.split()
    while len(words) > 1 and fold(words[-1]) in _tail_words():
        words.pop()
    return " ".join(words)


@cache
def shapes() -> tuple[Shape, ...]:
    """The shapes of ``resources/attribution/speaker_shapes.toml``, in file order."""
    return parse_shapes(shapes_resource())


def parse_shapes(data: dict[str, Any]) -> tuple[Shape, ...]:
    """The shapes of a parsed ``speaker_shapes.toml``; a :class:`ShapeError` when one has a
    test or a scope it cannot have."""
    found = []
    for entry in data.get("shape", []):
        if entry.get("test") not in _TESTS or entry.get("scope") not in _SCOPES:
            raise ShapeError(f"speaker shape {entry.get('name')!r}: bad test or scope")
        found.append(
            Shape(
                name=entry["name"],
                test=entry["test"],
                scope=entry["scope"],
                words=frozenset(fold(w) for w in entry["words"]),
                speakers=tuple(entry.get("speakers", ())),
                not_speakers=tuple(entry.get("not_speakers", ())),
            )
        )
    return tuple(found)


def refusing_shape(
    mention: str, *, scopes: Sequence[str], names_someone: Callable[[str], bool]
) -> str | None:
    """The name of the first shape in ``scopes`` that ``mention`` has, or None when it has
    none.  ``names_someone`` tells whether a part of the span names someone (used by the
    ``head`` shapes)."""
    plain = " ".join(without_markup(mention).split()).strip(_EDGES)
    for shape in shapes():
        if shape.scope in scopes and shape.matches(plain, names_someone):
            return shape.name
    return None


def speaker_part(mention: str, names_someone: Callable[[str], bool]) -> str:
    """The part of a span that names its speaker: without markup or a dateline, past the
    phrase about the occasion that opens the sentence ("At the Maine rally, Trump" ->
    "Trump"), and the subject pronoun that ends a run of words before the cue ("late
    Saturday he" -> "he", "Clinton pointedly whether she" -> "she").

    >>> speaker_part("MANCHESTER, N.H. - To a standing ovation, Sen. Jane Doe", str.istitle)
    'Sen. Jane Doe'
    >>> speaker_part("ORLANDO, Fla. (Reuters) - President Jane Doe", str.istitle)
    'President Jane Doe'
    >>> speaker_part("late Saturday he", bool)
    'he'
    """
    text = _DATELINE.sub("", " ".join(without_markup(mention).split()))
    if text.startswith("(") and ")" not in text:
        text = text[1:]  # "(Forbes": a bracket the speaker's sentence opened
    chunks = text.split(", ")
    if len(chunks) > 1 and _opens_occasion(chunks[0]):
        later = next((i for i in range(1, len(chunks)) if names_someone(chunks[i])), None)
        if later is not None:
            text = ", ".join(chunks[later:])
    text = _LEADING_LINK.sub("", text)
    text = _without_tail(text)
    if len(text.split()) <= 6:
        text = _cue_verb().sub(r"\g<subject>", text)  # "Trump fired (back)": the subject
    words = text.split()
    if (
        len(words) > 1
        and "," not in text
        and fold(words[-1]) in SUBJECT_PRONOUNS
        and fold(words[-2]) not in ("and", "or", "nor")  # "My wife and I": both speak
    ):
        return words[-1]
    return text


def _opens_occasion(chunk: str) -> bool:
    """Whether a span's first part is a phrase about the occasion, not a speaker."""
    folded = fold(chunk)
    if _PARTICIPLE.match(chunk):
        return True
    first = folded.split()[:1]
    if first and first[0] in speaker_vocabulary()["not_speakers"]["prepositions"]:
        return True
    return any(shape.test == "head" and shape.opens(folded) for shape in shapes())


def object_after_cue(text: str, source: tuple[int, int], cue: tuple[int, int]) -> bool:
    """Whether the span a layout put after its cue as the speaker of an inverted report is
    the cue's object instead: after a participle, a verb of belief or judgment, or a verb
    whose object follows it (``[object_after_cue]`` of ``speaker_shapes.toml``).

    >>> text = "His aide, Tad Devine, told The Huffington Post."
    >>> told = text.index("told")
    >>> object_after_cue(text, (text.index("The H"), len(text) - 1), (told, told + 4))
    True
    """
    if source[0] < cue[1]:
        return False
    form = " ".join(fold(text[cue[0] : cue[1]]).split())
    kind = cue_table()[1].get(form)
    if kind == "according":
        return False  # "according to the newspaper": its speaker always follows
    if not form:
        return False
    if form.split()[0].endswith("ing"):
        return True  # a participle: "..., saying the city embodied ..."
    forms, classes = _object_taking()
    return form in forms or kind in classes


@cache
def _object_taking() -> tuple[frozenset[str], frozenset[str]]:
    table = shapes_resource()["object_after_cue"]
    return frozenset(table["forms"]), frozenset(table["classes"])


def attitudes_inside_reports(attributions: Sequence[Attribution]) -> list[Attribution]:
    """The attributions, each attitude whose speaker stands inside another speaker's reported
    words ("Collins said Trump campaign strategists plan to ...") without its speaker: the
    outer speaker says it (``[attitude_inside_report]`` of ``speaker_shapes.toml``).

    >>> said = Attribution("speech", (0, 7), (8, 12), ((13, 60),))
    >>> plan = Attribution("belief", (13, 33), (34, 38), ((39, 60),))
    >>> [a.source for a in attitudes_inside_reports([said, plan])]
    [(0, 7), None]
    """
    table = shapes_resource()["attitude_inside_report"]
    reports = [
        span
        for a in attributions
        if a.source is not None and a.kind in table["outer"]
        for span in a.content
    ]
    return [
        attrs.evolve(a, source=None, antecedent=None)
        if a.source is not None
        and a.kind in table["inner"]
        and any(s <= a.source[0] and a.source[1] <= e for s, e in reports)
        else a
        for a in attributions
    ]


def speaker_before_parenthetical(text: str, attribution: Attribution) -> Attribution:
    """The attribution, its speaker before the clause set off by commas between the speaker
    and the cue when the span a layout found is that clause's end ("..., who backed Mr.
    Romney in 2012, said": Mr. Romney is the object; ``[parenthetical_before_cue]`` of
    ``speaker_shapes.toml``).

    >>> text = "Salceda, citing data from the U.S. State Department, said so."
    >>> cue = text.index("said")
    >>> data = Attribution("speech", (text.index("data"), cue - 2), (cue, cue + 4), ())
    >>> moved = speaker_before_parenthetical(text, data).source
    >>> text[moved[0] : moved[1]]
    'Salceda'
    """
    source, cue = attribution.source, attribution.cue
    if source is None or cue is None or not _ADVERB_COMMA.fullmatch(text[source[1] : cue[0]]):
        return attribution
    table = shapes_resource()["parenthetical_before_cue"]
    if (aside := _parenthetical()[2].fullmatch(text, source[0], source[1])) is not None:
        # The layout kept the phrase about the occasion in the span: "Sexton, after previous
        # Trump rallies, (wrote)"; the speaker is before it.
        phrase = aside.group("head")
        if len(phrase.split()) <= table["max_words"] and (
            phrase[0].isupper() or fold(phrase.split()[0]) in table["determiners"]
        ):
            return attrs.evolve(attribution, source=(source[0], aside.end("head")), antecedent=None)
    start = max(0, source[0] - _PARENTHETICAL_REACH)
    opener = _parenthetical()[0].search(text, start, source[0])
    if opener is None:
        return attribution
    if ", " in text[source[0] : source[1]] and opener.group("word") in table["occasions"]:
        return attribution  # "after winning Ohio, Gov. John Kasich": the span reaches the speaker
    for found in _parenthetical()[1].finditer(text, start, opener.start()):
        start = found.end()
    head = strip_span(text, start, opener.start(), " \t\n")
    head = _named_part(text, head)
    phrase = text[head[0] : head[1]]
    if (
        not phrase
        or len(phrase.split()) > table["max_words"]
        or not (phrase[0].isupper() or fold(phrase.split()[0]) in table["determiners"])
    ):
        return attribution
    return attrs.evolve(attribution, source=head, antecedent=None)


def _named_part(text: str, span: Span) -> Span:
    """The part of the phrase before a set-off clause that names the speaker: past the
    occasion the sentence opens with ("In the interview, Reid"), without the apposition
    after the name ("Christopher M. Shelton, the president of the union")."""
    phrase = text[span[0] : span[1]]
    chunks = phrase.split(", ")
    offset = 0
    if len(chunks) > 1 and _opens_occasion(chunks[0]):
        offset = len(chunks[0]) + 2
        chunks = chunks[1:]
    first = chunks[0].split(maxsplit=1)
    links = shapes_resource()["parenthetical_before_cue"]["conjunctions"]
    if len(first) > 1 and fold(first[0]) in links:
        offset += chunks[0].index(first[1])  # "But Tom Miller": the conjunction goes
        chunks[0] = first[1]
    return strip_span(text, span[0] + offset, span[0] + offset + len(chunks[0]), " \t\n,")


# How far before the span the clause's start is looked for (a long sentence's subject).
_PARENTHETICAL_REACH = 300
# Between the clause set off and the cue: its closing comma, perhaps an adverb ("initially").
_ADVERB_COMMA = re.compile(r"\s*,\s*(?:[a-z]+ly\s*)?")


@cache
def _parenthetical() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The comma opening a clause set off up to the span (a relative pronoun or a
    participle, no punctuation after it), where a clause starts, and a span made of a
    speaker and a phrase about the occasion after it."""
    table = shapes_resource()["parenthetical_before_cue"]
    occasions = "|".join(map(re.escape, table["occasions"]))
    aside = re.compile(rf"(?P<head>[^,;:.!?\"“”()]+),\s+(?:{occasions})\s[^,;:.!?\"“”()]*")
    openers = "|".join(map(re.escape, (*table["openers"], *table["occasions"])))
    breaks = "|".join(map(re.escape, table["breaks"]))
    opener = re.compile(rf",\s+(?P<word>{openers}|[a-z]+ing)\s[^,;:.!?\"“”()]*\Z")
    # A full stop ends a sentence after a word or a number, not after a title ("Sen. Doe").
    stop = r"[!?]\s+|(?<=[a-z]{3})\.\s+|(?<=\d)\.\s+"
    boundary = re.compile(rf"{stop}|\n|[;:]\s|[\"“”]\s*|,\s+(?i:{breaks})\s")
    return opener, boundary, aside
