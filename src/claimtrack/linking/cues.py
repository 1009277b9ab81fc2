"""The cue words a conflict rests on, found in one claim: negations of its main clause,
denials, nullifiers, hedges, antonyms, quantities and single-valued attributes.

Each finder reads one text and returns :class:`~claimtrack.model.Cue` spans; the lexicons
are data (``resources/negation.toml``, ``nullifiers.toml``, ``hedges.toml``,
``antonyms.toml``).  Whether two claims conflict is decided in
:mod:`claimtrack.linking.conflicts`, from these cues and from what is left of the claims
once the cues are set aside (:func:`without`).

>>> [c.text for c in negations("The split is not real")]
['not']
>>> [c.text for c in negations("He said that if it were not real, they would leave")]
[]
>>> without("The split is not real", negations("The split is not real"))
'The split is  real'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from claimtrack.model import Cue
from claimtrack.resources import cached, load

__all__ = [
    "Quantity",
    "antonym_pairs",
    "antonyms_in",
    "clause_of",
    "denials",
    "find_phrases",
    "hedges",
    "in_the_future",
    "is_assertion",
    "negated_anywhere",
    "negations",
    "nullifiers",
    "opens_with_pronoun",
    "passed_on",
    "quantities",
    "sentence_of",
    "without",
]


@cached
def _patterns(lexicon: str, *keys: str) -> tuple[re.Pattern[str], ...]:
    # a lexicon a user put in place of ours may leave a list out: it then has none of it
    phrases = sorted({p for key in keys for p in load(lexicon).get(key, ())}, key=len,
                     reverse=True)  # fmt: skip
    return tuple(_phrase(p) for p in phrases)


@cache
def _phrase(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", re.IGNORECASE)


def find_phrases(text: str, patterns: Iterable[re.Pattern[str]], kind: str) -> list[Cue]:
    """Non-overlapping matches of ``patterns`` (longest first) as cues of ``kind``."""
    patterns = tuple(patterns)
    if not _any_of(patterns).search(text):
        return []  # most texts hold none: one scan, not one per phrase
    cues: list[Cue] = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            if not any(c.start < match.end() and match.start() < c.end for c in cues):
                cues.append(Cue(kind=kind, text=match.group(0), start=match.start(),
                                end=match.end()))  # fmt: skip
    return sorted(cues, key=lambda c: c.start)


@cache
def _any_of(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """One pattern that matches where any of ``patterns`` does."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns) or "(?!)", re.IGNORECASE)


def without(text: str, cues: Iterable[Cue]) -> str:
    """``text`` with the cue spans blanked out: what the claim says once they are set aside."""
    for cue in sorted(cues, key=lambda c: -c.start):
        if cue.end > cue.start:
            text = text[: cue.start] + " " + text[cue.end :]
    return text


@cached
def nullifiers(text: str) -> tuple[Cue, ...]:
    """Phrases that empty a claim of substance ("in name only", "cosmetic")."""
    return tuple(find_phrases(text, _patterns("nullifiers", "phrases"), "nullifier"))


@cached
def denials(text: str) -> tuple[Cue, ...]:
    """Words that call a report untrue ("denies", "hoax", "no evidence"), leaving out those
    in a phrase that denies nothing ("it was wrong to compare").

    >>> [c.text for c in denials("It was wrong to say the report was false")]
    ['false']
    """
    spared = find_phrases(text, _patterns("negation", "not_denials"), "spared")
    return tuple(
        cue
        for cue in find_phrases(text, _patterns("negation", "denials"), "denial")
        if not any(s.start < cue.end and cue.start < s.end for s in spared)
    )


@cached
def hedges(text: str) -> tuple[Cue, ...]:
    """Words that make a claim possible or probable rather than certain."""
    return tuple(find_phrases(text, _patterns("hedges", "possible", "probable"), "hedge"))


@cached
def passed_on(text: str) -> tuple[Cue, ...]:
    """Words that pass a report on without asserting it ("reportedly", "rumours")."""
    return tuple(find_phrases(text, _patterns("negation", "reporting"), "reporting"))


@cached
def _negation() -> re.Pattern[str]:
    """The negations of ``resources/negation.toml`` as one pattern; a contraction's "n't"
    is found as a word's ending, with either apostrophe."""
    words = sorted((w for w in load("negation").get("negations", ()) if "'" not in w), key=len,
                   reverse=True)  # fmt: skip
    alternatives = "|".join(map(re.escape, words)) or "(?!)"  # none listed: none found
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])|n['’]t\b", re.IGNORECASE)


# A negation inside one of these clauses says nothing of the claim's own polarity.
_SUBORDINATE = re.compile(r"\b(?:so|that|who|which|because|if|when|while|unless|whether|"
                          r"until|than|though|although|where|after|before|once)\b",
                          re.IGNORECASE)  # fmt: skip
# "not only", "not the only change": more is said; only "only" is denied.
_ADDITIVE = re.compile(r"\s+(?:the\s+)?(?P<word>only|just|merely|simply|alone)\b", re.IGNORECASE)


def negations(text: str, other: str = "") -> list[Cue]:
    """Negations of the claim's main clause.  Those in a subordinate clause ("so he won't
    turn into a werewolf") or inside a quotation within the claim are not the claim's own,
    and an additive "not (the) only" denies something only of an ``other`` claim that says
    "only"."""
    cues = []
    spared = find_phrases(text, _patterns("negation", "not_negations"), "spared")
    for m in _negation().finditer(text):
        if any(s.start <= m.start() < s.end for s in spared):
            continue
        additive = _ADDITIVE.match(text, m.end()) if m.group(0).lower() == "not" else None
        if additive and not re.search(rf"\b{additive['word']}\b", other, re.IGNORECASE):
            continue
        before = text[: m.start()]
        clause = re.split(r"[,;:.!?—–]", before)[-1]
        contrastive = not clause.strip() and re.search(r",\s*$", before) is not None
        quoted = sum(before.count(q) for q in '"“”') % 2 == 1
        # "No, I meant ...": an answer, not the negation of what follows
        interjection = re.match(r"\s*[,.!;:—–]", text[m.end() :]) is not None
        if contrastive or quoted or interjection or _SUBORDINATE.search(clause):
            continue
        cues.append(Cue(kind="negation", text=m.group(0), start=m.start(), end=m.end()))
    return cues


_CLAUSE_BOUNDARY = re.compile(r"[,;:.!?—–()]|\b(?:and|but|or|while|because)\b")


def clause_of(text: str, cue: Cue) -> str:
    """The rest of the clause a cue stands in (the cue left out): from the boundary before
    it to the boundary after.

    >>> text = "I love Oreos. I will never eat them again"
    >>> clause_of(text, negations(text)[0])
    ' I will   eat them again'
    """
    starts = [m.end() for m in _CLAUSE_BOUNDARY.finditer(text, 0, cue.start)]
    after = _CLAUSE_BOUNDARY.search(text, cue.end)
    start, end = starts[-1] if starts else 0, after.start() if after else len(text)
    return text[start : cue.start] + " " + text[cue.end : end]


_SENTENCE_END = re.compile(r"[.!?](?=\s)")


def sentence_of(text: str, cue: Cue) -> str:
    """The sentence of ``text`` a cue stands in (for a claim of several sentences)."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, cue.start)]
    after = _SENTENCE_END.search(text, cue.end)
    return text[starts[-1] if starts else 0 : after.start() if after else len(text)]


def negated_anywhere(text: str) -> bool:
    """Whether any clause of ``text`` holds a negation, main clause or not."""
    return _negation().search(text) is not None


@cached
def antonym_pairs() -> tuple[tuple[str, str], ...]:
    """The antonym pairs of ``resources/antonyms.toml``, both ways round."""
    pairs = [(str(x), str(y)) for x, y in load("antonyms")["pairs"]]
    return tuple(pairs + [(y, x) for x, y in pairs])


@cached
def antonyms_in(text: str) -> dict[str, tuple[Cue, ...]]:
    """Every side of an antonym pair that stands in ``text``, with where: found once per
    text with one pattern, so that comparing many pairs of claims reads each claim once.

    >>> sorted(antonyms_in("The group broke ties, then united"))
    ['broke ties', 'united']
    """
    sides = {p.casefold(): p for pair in antonym_pairs() for p in pair}
    found: dict[str, list[Cue]] = {}
    for match in _antonym_pattern().finditer(text):
        side = sides[match.group(0).casefold()]
        found.setdefault(side, []).append(
            Cue(kind="antonym", text=match.group(0), start=match.start(), end=match.end())
        )
    return {side: tuple(cues) for side, cues in found.items()}


@cached
def _antonym_pattern() -> re.Pattern[str]:
    sides = sorted({p for pair in antonym_pairs() for p in pair}, key=len, reverse=True)
    alternatives = "|".join(map(re.escape, sides)) or "(?!)"  # no pairs: no sides found
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


@cached
def in_the_future(text: str) -> bool:
    """Whether ``text`` speaks of the future ("will", "going to": ``negation.toml``).

    >>> in_the_future("He will release his returns"), in_the_future("He released them")
    (True, False)
    """
    return any(p.search(text) for p in _patterns("negation", "future"))


def opens_with_pronoun(text: str) -> bool:
    """Whether ``text`` opens with a pronoun subject: what it is about is not in its words
    (``resources/reference.toml``).

    >>> opens_with_pronoun("And we are telling the truth."), opens_with_pronoun("Fields lied")
    (True, False)
    """
    words = _opening_words(text)
    return bool(words) and words[0] in _reference_words()[1]


@cached
def _reference_words() -> tuple[frozenset[str], frozenset[str]]:
    lexicon = load("reference")
    return frozenset(lexicon.get("openers", ())), frozenset(lexicon.get("pronoun_subjects", ()))


_CONDITIONAL = re.compile(r"^\W*(?:if|unless|whether|should|suppose|in case)\b", re.IGNORECASE)


MIN_ASSERTION_WORDS = 3
"""A claim of fewer words is a fragment quoted for its phrase ("the narrator mentions
'classified emails'"), a name or a title: it states nothing that another claim could deny."""


def is_assertion(text: str) -> bool:
    """Whether a claim asserts anything: a question, a condition, an exhortation or a
    fragment of a word or two does not.

    >>> is_assertion("Is the split real?"), is_assertion("If the split is real, we leave")
    (False, False)
    >>> is_assertion("And let’s make America great again.")
    False
    >>> is_assertion("classified emails"), is_assertion("Nusra is splitting")
    (False, True)
    """
    return (
        "?" not in text
        and len(re.findall(r"[\w'’]+", text)) >= MIN_ASSERTION_WORDS
        and not _CONDITIONAL.search(text)
        and not _exhorts(text)
    )


def _exhorts(text: str) -> bool:
    """Whether ``text`` opens, after its openers ("And"), with "let's" or "let us": an
    exhortation ("Let's make it great again") is true or false of nothing."""
    words = _opening_words(text)
    return bool(words) and (words[0] in ("let's", "let’s") or words[:2] == ["let", "us"])


def _opening_words(text: str) -> list[str]:
    """The first words of ``text``, folded, with its openers ("And", "But") left out."""
    openers, _ = _reference_words()
    words = re.findall(r"[\w'’]+", text[:80].casefold())
    start = next((k for k, word in enumerate(words) if word not in openers), len(words))
    return words[start:]


_NUMBER = re.compile(
    r"(?P<mod>at least|more than|over|nearly|almost|about|around|some|up to|fewer than|"
    r"less than|roughly|approximately|within|under)?\s*(?P<low>\d[\d,.]*)(?:\s*(?:-|–|to)\s*"
    r"(?P<high>\d[\d,.]*))?\s*(?P<scale>percent|%|million|billion|thousand|hundred)?"
    r"\s+(?P<unit>[a-z]+)",
    re.IGNORECASE,
)
_SCALES = {"million": 1e6, "billion": 1e9, "thousand": 1e3, "hundred": 1e2}
_AT_LEAST = ("at least", "more than", "over")
_ABOUT = ("nearly", "almost", "about", "around", "some", "roughly", "approximately")
_AT_MOST = ("up to", "fewer than", "less than", "within", "under")

Quantity = tuple[str, float, float, Cue]
"""A count in a claim: the word it counts, its lowest and highest value, and its span."""


@cached
def quantities(text: str) -> tuple[Quantity, ...]:
    """Numbers with the word they count ('90 percent of', 'at least 10 fighters'), in order;
    years are not counts.

    >>> [(unit, low, cue.text) for unit, low, _, cue in quantities("at least 10 fighters")]
    [('fighter', 10.0, 'at least 10')]
    """
    found: list[Quantity] = []
    for m in _NUMBER.finditer(text):
        try:
            low = float(m["low"].replace(",", "").rstrip("."))
            high = float(m["high"].replace(",", "").rstrip(".")) if m["high"] else low
        except ValueError:
            continue
        scale_word = (m["scale"] or "").lower()
        if 1900 <= low <= 2100 and not scale_word:
            continue
        scale = _SCALES.get(scale_word, 1.0)
        low, high = low * scale, high * scale
        modifier = (m["mod"] or "").lower()
        if modifier in _AT_LEAST:
            high = float("inf")
        elif modifier in _ABOUT:
            low, high = low * 0.85, high * 1.15
        elif modifier in _AT_MOST:
            low = 0.0
        unit = "percent" if scale_word in ("percent", "%") else m["unit"].lower()
        if unit.endswith("s") and len(unit) > 3:
            unit = unit[:-1]
        # the span is the number and its modifier, not the word counted: what is left of
        # the claim without it still says what was counted
        end = m.end("scale") if m["scale"] else m.end("high") if m["high"] else m.end("low")
        start = m.start("mod") if m["mod"] else m.start("low")
        cue = Cue(kind="number", text=text[start:end], start=start, end=end)
        found.append((unit, low, high, cue))
    return tuple(found)


def number_spans(found: Sequence[Quantity]) -> list[Cue]:
    """The cues of some quantities, for :func:`without`."""
    return [q[3] for q in found]
