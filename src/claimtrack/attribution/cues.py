"""Cue words: one pattern for every form of the reporting verbs and cue phrases
(``resources/reporting.toml``), and whether a word it finds is a cue where it stands ("the
claim" is a noun, "claims that" a cue); also whom a statement was told and how ("told
Reuters", "in a statement")."""

from __future__ import annotations

import re
from functools import cache

from claimtrack.attribution.rules import pattern, word_set
from claimtrack.attribution.spans import Span, strip_span
from claimtrack.resources import cached, load
from claimtrack.text import Segment, fold

__all__ = [
    "DETERMINERS",
    "after_possessive",
    "channel_of",
    "classify_cue",
    "cue_table",
    "hearer_span",
    "is_title_case",
    "retort_cue",
    "unreliable_cues",
]


# Mechanical spelling: a final consonant after one vowel doubles ('admit' -> 'admitted'),
# but for the verbs of `no_doubling` (vocabulary.toml), stressed on another syllable.
_DOUBLES_FINAL = re.compile(r".*[^aeiou][aeiou][bdgmnprt]")
# Mechanical: up to four capitalised words, whom something was told ('told Reuters').
_CAPITALISED_WORDS = re.compile(r"\s*((?:[A-Z][\w.'-]*\s?){1,4})")


def _inflections(verb: str) -> set[str]:
    if " " in verb:
        head, rest = verb.split(" ", 1)
        return {f"{form} {rest}" for form in _inflections(head)}
    forms = {verb}
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    elif verb.endswith("e"):
        forms |= {verb + "s", verb + "d", verb[:-1] + "ing"}
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {verb + "es", verb + "ed", verb + "ing"}
    else:
        forms |= {verb + "s", verb + "ed", verb + "ing"}
        if _DOUBLES_FINAL.fullmatch(verb) and verb not in word_set("no_doubling"):
            forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return forms


@cached  # built from the lexicons in force
def cue_table() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex for every cue form, and the class of each form."""
    lexicon = load("reporting")
    classes: dict[str, str] = {}
    irregular = lexicon["irregular"]
    for kind, verbs in lexicon["verbs"].items():
        for verb in verbs:
            forms = (
                set(irregular.get(verb, [])) | {verb} if verb in irregular else _inflections(verb)
            )
            for form in forms:
                classes.setdefault(form, kind)
    for phrase in lexicon["phrases"]["according"]:
        classes[phrase] = "according"
    alternatives = sorted(classes, key=len, reverse=True)
    every_cue = re.compile(
        r"(?<![\w-])(?:" + "|".join(map(re.escape, alternatives)) + r")(?![\w-])", re.IGNORECASE
    )
    return every_cue, classes


DETERMINERS = word_set("determiners")
_AMBIGUOUS_NOUNS = word_set("ambiguous_nouns")
_PASSIVE = word_set("passive")
_AMBIGUOUS_FORMS = word_set("ambiguous_forms")
_NOT_POSSESSIVES = word_set("not_possessives")
_BACK_RETORTS = word_set("back_retorts")
_BACK_ADVERB_FOLLOWERS = word_set("back_adverb_followers")
_CONTINUE_TO = pattern("continue_to")
_CAPTION_BY = pattern("caption_by")
_PASSIVE_ADVERB = pattern("passive_adverb")
_INTRODUCES = {
    "belief": pattern("introduces_belief"),
    "question": pattern("introduces_question"),
}
_INTRODUCES_CONTENT = pattern("introduces_content")
_SUBJECT_PRONOUN = pattern("subject_pronoun")
# Mechanical shapes (no word list): a possessive ending, a past or present participle
# ending, a dash, a stop or the end of the text.
_POSSESSIVE = re.compile(r"\w(?:'s|s')$")
_PARTICIPLE_ENDING = re.compile(r"(?:ed|ing)$")
_DASH = re.compile("[—–]")
_DASH_AT_END = re.compile(r"[—–]\s*$")
_STOP_OR_END = re.compile(r"(?:[.,;!?]|$)")


def classify_cue(text: str, match: re.Match[str], sentence: Segment) -> str | None:
    """The cue's class, or None when the word is not used as a reporting verb here."""
    _, classes = cue_table()
    form = match.group(0).lower()
    kind = classes.get(form)
    if kind is None:
        return None
    before = text[sentence.start : match.start()].split()
    previous = before[-1].lower().strip(",;:") if before else ""
    # "larger than that, said X": a word that ends its clause determines nothing after it
    closed = bool(before) and before[-1][-1:] in ",;:"
    if kind != "according" and previous in DETERMINERS and not closed:
        return None  # a noun after a determiner (layout cue_word has the examples)
    if kind != "according" and previous in ("to", "not", "never"):
        return None  # an infinitive after a refusal or a negation: no statement
    if form == "back" and previous not in _BACK_RETORTS:
        next_words = text[match.end() : match.end() + 12].split()[:1]
        after = next_words[0].lower().strip(",.;:") if next_words else ""
        if _PARTICIPLE_ENDING.search(previous) or after in _BACK_ADVERB_FOLLOWERS:
            return None  # an adverb: "flew back to Washington", "looking back"
    if form == "called" and previous in ("so", "so-"):
        return None  # "so called": a label, not a statement
    if form.startswith("continu") and _CONTINUE_TO.match(text[match.end() :]):
        return None  # "continue to": going on, not saying
    if form in ("report", "reports") and _CONTINUE_TO.match(text[match.end() :]):
        return None  # "who reports to the secretary": answering to someone, not saying
    words = [w.lower() for w in before[-2:]]
    passive = bool(words) and (
        words[-1] in _PASSIVE
        or (len(words) == 2 and words[0] in _PASSIVE and _PASSIVE_ADVERB.fullmatch(words[1]))
    )
    if kind != "according" and passive and not form.endswith(("s", "ing")):
        return None  # a passive: no speaker
    opened = text[sentence.start : match.start()]
    dashes = len(_DASH.findall(opened))
    if kind != "according" and dashes % 2 and _DASH_AT_END.search(opened):
        return None  # set off by dashes: an aside, not a cue
    if kind != "according" and _CAPTION_BY.match(text[match.end() : match.end() + 4]):
        return None  # "added by": a caption, not a statement
    if kind != "according" and form in _AMBIGUOUS_NOUNS and (not before or previous in ("to",)):
        return None  # "to say", or sentence-initial base form
    if before and match.group(0)[:1].isupper() and not is_title_case(sentence.text):
        return None  # capitalised inside a sentence: a name, not a verb
    if form in _AMBIGUOUS_FORMS:
        following = text[match.end() : match.end() + 8].lstrip()
        introduces = _INTRODUCES.get(kind, _INTRODUCES_CONTENT)
        # ... or ends a quote's attribution: '"The split is real," Smith maintained.'
        closes_quote = _STOP_OR_END.match(following) and _QUOTE_BEFORE.search(
            text, sentence.start, match.start()
        )
        # ... or has a pronoun for its subject: "he claims his boss is OK with it"
        after_pronoun = _SUBJECT_PRONOUN.fullmatch(previous) is not None
        if not (introduces.match(following) or closes_quote or after_pronoun):
            return None  # "Gulf states", "reports of": a noun unless it introduces content
    return kind


_QUOTE_BEFORE = pattern("quote_before")


def after_possessive(text: str, cue_start: int) -> bool:
    """Whether the cue word at ``cue_start`` follows a possessive, as a noun does ("Sanders'
    plans", "Mr. Cruz's plan"); "he's said" is no possessive.  Annotators often mark what such
    a noun introduces, but the word before it is no speaker."""
    before = text[max(0, cue_start - 40) : cue_start].split()
    previous = before[-1].lower().strip(",;:").replace("’", "'") if before else ""
    return _POSSESSIVE.search(previous) is not None and previous not in _NOT_POSSESSIVES


def retort_cue(text: str, source: Span, cue: Span) -> tuple[Span, Span] | None:
    """Source and cue of "Trump fired back": the retort verb is part of the cue, not of the
    speaker; None when the cue is no such 'back'."""
    if text[cue[0] : cue[1]].lower() != "back":
        return None
    words = text[source[0] : source[1]].split()
    if len(words) < 2 or words[-1].lower() not in _BACK_RETORTS:
        return None
    verb = text.rindex(words[-1], source[0], source[1])
    return strip_span(text, source[0], verb), (verb, cue[1])


def is_title_case(sentence: str) -> bool:
    """Whether a sentence is a headline in title case ("Bellwether County Says Trump...")."""
    words = [w for w in sentence.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def hearer_span(text: str, start: int, end: int) -> Span | None:
    chunk = _CAPITALISED_WORDS.match(text[start:end])
    if not chunk:
        return None
    return strip_span(text, start + chunk.start(1), start + chunk.end(1))


def channel_of(text: str, start: int, end: int) -> str | None:
    channels: list[str] = load("reporting")["phrases"]["channels"]
    window = fold(text[start:end])[:80]
    found = _channel_pattern(tuple(channels)).search(window)
    return None if found is None else found["channel"]


@cache
def _channel_pattern(channels: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for every channel, the longest first (compiled once: the re module's own
    cache is too small for extraction's patterns and the sentence splitter's together)."""
    alternatives = "|".join(re.escape(c) for c in sorted(channels, key=len, reverse=True))
    return pattern("channel", channels=alternatives)


@cached  # per set of resources: reporting.toml is a user's to replace
def unreliable_cues() -> frozenset[str]:
    """Cue forms whose speaker is too seldom right to name (``reporting.toml``)."""
    return frozenset(load("reporting")["unreliable"]["forms"])
