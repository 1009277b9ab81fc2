"""What of an attribution's content is a claim: whether it states a proposition at all, and
where the speaker's words stop.

PolNeAR annotates every attribution, those whose content is a topic or a thing too ("Boyle
asked him a question", "He wrote about the event"); :func:`find_attributions` keeps them for
that benchmark.  A claim, which clusters and conflicts, must state something, and its text
must be the speaker's words, not the narration that follows them.  The words and rules are
data (``resources/attribution/claim_shapes.toml``, each rule with its examples, run as tests).

>>> states_nothing("asked", "him a question")
'no_clause'
>>> states_nothing("said", "the plan was unfair") is None
True
>>> opening, content = "While critics argue that", "trading hurts, Obama has deemed it fair"
>>> content[: speakers_words_end(opening, content)]
'trading hurts'
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

from claimtrack.actors import speaker_class
from claimtrack.attribution.cues import cue_table, is_title_case
from claimtrack.attribution.rules import word_set as vocabulary_words
from claimtrack.attribution.spans import CLOSING, OPENING
from claimtrack.attribution.validation import shapes_resource
from claimtrack.time.finder import find_times

__all__ = [
    "asserts_nothing",
    "has_clause",
    "has_finite_clause",
    "shapes",
    "speakers_words_end",
    "speakers_words_start",
    "states_nothing",
]

# Mechanical: a word (letters, apostrophes, inner hyphens), and the breaks after which a
# reported content may go on with a statement of its own.
_WORD = re.compile(r"[\w’'][\w’'-]*")
_BREAK = re.compile(r";\s+|\s(?:[—–]|--?)\s+(?:and|but)\s+")
_CLAUSE_COMMA = re.compile(r",(?!\d)")  # not the comma of "2,400"
_LEAD_IN_THAT = re.compile(r",?\s+that\s+")
# A relative phrase the 'that' closes: "on CNN, where he is now a paid contributor, that".
_ASIDE = re.compile(r",\s*(?:where|who|which|when|while|as)\b[^,]*,?$")
_HEARER_WORDS = 5  # "CNN's Jake Tapper", "The Huffington Post"
_LEAD_IN_WORDS = 15  # a longer lead-in is a clause of its own, not the occasion
_CONTRACTION = re.compile(r"\w[’'](?:re|ve|ll|d|m)$|n[’']t$")


@cache
def shapes() -> dict[str, Any]:
    """The parsed ``claim_shapes.toml``."""
    folder = files("claimtrack.resources").joinpath("attribution")
    return tomllib.loads(folder.joinpath("claim_shapes.toml").read_text(encoding="utf-8"))


@cache
def _particle_forms() -> frozenset[str]:
    """The cue forms that may be another verb's particle ("cut back"): no report of their
    own (``[particle_cue]`` of ``speaker_shapes.toml``)."""
    return frozenset(shapes_resource()["particle_cue"]["forms"])


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset(shapes()["words"][name])


def _is_verb_form(words: list[str], index: int, *, titled: bool = False) -> bool:
    """Whether ``words[index]`` reads as a finite verb or an infinitive (``titled``: in a
    headline's title case, where a verb is capitalised too: "Trump Ties Clinton")."""
    word = words[index].lower().replace("’", "'")
    lower = titled or words[index][:1].islower()
    before = words[index - 1].lower() if index else ""
    following = words[index + 1] if index + 1 < len(words) else ""
    after = following.lower()
    if word in _words("finite") or word in _words("irregular_past"):
        return True
    if _CONTRACTION.search(word):
        return True
    if word.endswith("'s") and word[:-2] in _words("contracting"):
        return True  # "he's", "there's": is or has
    if before in _words("subject_pronouns") and lower:
        return True  # "they differ", "she worries"
    if before == "to" and word.isalpha() and word not in _words("not_infinitive"):
        return lower  # "to resign", not "to Clinton" or "to his record"
    if "-" in word or word in _words("not_verbs") or len(word) < 4:
        return False
    # what follows opens an object: "(moves that he said) improved Indiana's economy"
    opens_object = after in _words("noun_before") or following[:1].isupper()
    if word.endswith("ed") and after != "by" and (index > 0 or opens_object):
        # "attended by", "renewed fears" modify a noun; "the rebels attacked", and "(laws
        # that courts said) discriminated against ..." are verbs
        return True
    if word.endswith("s") and not word.endswith(("ss", "us", "'s", "is")) and index > 0:
        # "Clinton leads", "Endorsements prove" (a plural subject's verb right after it)
        return before not in _words("noun_before") and lower
    return (
        index == 1 and before.endswith("s") and word.isalpha() and lower
        and not {word, before} & (_words("noun_before") | _words("not_verbs"))
        and word not in vocabulary_words("determiners")
    )  # fmt: skip


def has_clause(content: str) -> bool:
    """Whether reported content holds a clause: a finite verb, an infinitive or a subject
    pronoun with its verb ("the plan was unfair", "the party to ax its system")."""
    words = _WORD.findall(content)
    titled = is_title_case(content)
    return any(_is_verb_form(words, i, titled=titled) for i in range(len(words)))


def has_finite_clause(content: str) -> bool:
    """Whether reported content holds a finite verb, not only an infinitive: what can be
    called untrue ("the plan was unfair", not "Trump's offer to make an exception").

    >>> has_finite_clause("the plan was unfair"), has_finite_clause("an offer to make peace")
    (True, False)
    """
    words = _WORD.findall(content)
    titled = is_title_case(content)
    return any(
        _is_verb_form(words, i, titled=titled)
        and (titled or not word[:1].isupper())  # "the United States" names, it does not do
        and (i == 0 or words[i - 1].lower() != "to")
        for i, word in enumerate(words)
    )


def states_nothing(cue: str, content: str, *, direct: bool = False) -> str | None:
    """The rule of ``claim_shapes.toml`` by which reported content states no proposition
    (a topic, a thing), or None when it states one.  A quote is the speaker's words and is
    kept; so is a naming cue's small clause ("calling Trump a fascist")."""
    if direct:
        return None
    words = cue.lower().replace("’", "'").split()
    if words and words[0] in _words("naming_cues"):
        return None
    if _topic(words, content):
        return "topic"
    if has_clause(content) or _gerund_clause(words, content):
        return None
    if words and words[0] in _words("evidence_cues") and _small_clause(content):
        return None
    first = _WORD.match(content)
    if (
        words
        and words[0] in _words("fact_cues")
        and first is not None
        and first.group(0).lower() not in _words("prepositions")
    ):
        return None  # "reported its smallest quarterly profit in years": a fact
    return "no_clause"


def _topic(cue: list[str], content: str) -> bool:
    """Whether the content is the topic a cue takes ("wrote about the event", "talked about
    renewed fears of terrorism"): it opens with a topic preposition, not with an
    approximation ("about half said ..."), and quotes nothing the speaker said of it."""
    if cue[:1] == ["according"] or any(mark in content for mark in '"“”«»'):
        return False
    if cue and cue[-1] in _words("topic_prepositions"):
        return True  # "talked about", "spoke about": the cue took the preposition
    found = [w.lower() for w in _WORD.findall(content[:60])]
    if len(found) < 3 or found[0] not in _words("topic_prepositions"):
        return False
    quantity = found[2] if found[1] == "a" else found[1]  # "about a third of voters"
    return not (quantity[:1].isdigit() or quantity in _words("quantities"))


def _gerund_clause(cue: list[str], content: str) -> bool:
    """Whether the content is a gerund clause, the object of its cue ("the group announces
    breaking its ties with its ally", "denied having met him"); "according to" reports a
    main clause, never a gerund ("According to Jack Kelly, writing for ...")."""
    first = _WORD.match(content)
    return (
        first is not None and first.group(0).endswith("ing") and len(first.group(0)) > 4
        and first.group(0)[:1].islower() and cue[:1] != ["according"]
        and first.group(0).lower() not in _words("not_gerunds")  # "said nothing about"
    )  # fmt: skip


def _small_clause(content: str) -> bool:
    """Whether an object is followed by its -ing verb or a predicate ("Clinton leading by 2.2
    percent", "Mrs. Clinton with a narrow lead")."""
    words = _WORD.findall(content)
    return any(
        (w.endswith("ing") and len(w) > 4 and words[i - 1].lower() not in _words("noun_before"))
        or w.lower() in _words("predicates")
        for i, w in enumerate(words[1:], 1)
    )


def _subordinate_opening(opening: str) -> bool:
    """Whether the sentence before the content opens a subordinate clause not yet closed
    ("While critics argue that", not "After all, she argued," or "As Clinton told")."""
    words = opening.lower().lstrip("\"“'‘ ").split()
    while words and words[0] in _words("leading_conjunctions"):
        words = words[1:]
    lead = " ".join(words)
    if not any(lead.startswith(s + " ") for s in _words("subordinators")):
        return False
    return not re.search(r"[,;:—–]", opening)


def _main_clause_at(content: str, comma: int) -> bool:
    """Whether what follows the comma at ``comma`` opens a main clause: a subject of up to
    six words, then its verb ("..., Trump deflected", "..., the GOP nominee had ...")."""
    words = _WORD.findall(content[comma + 1 :])
    if not words or words[0].lower() in _words("not_subjects"):
        return False
    if words[0].lower().endswith("ing"):
        return False  # "..., handing out penalties": a participle goes on with the content
    return any(_is_verb_form(words, i) for i in range(1, min(len(words), 7)))


def _reports_again(rest: str) -> bool:
    """Whether a clause reports of its own: a plain cue word in it ("46 percent said")."""
    pattern, classes = cue_table()
    ambiguous = vocabulary_words("ambiguous_forms") | vocabulary_words("ambiguous_nouns")
    clause = re.split(r"[;!?]", rest, maxsplit=1)[0]  # not at "Dr.": the content's sentence
    for found in pattern.finditer(clause):
        form = found.group(0).lower()
        if classes.get(form) in ("speech", "denial") and form not in (
            ambiguous | _words("evidence_cues") | _particle_forms()
        ):  # "-- and find them yesterday" goes on with the speaker's words
            return True
    return False


def speakers_words_end(opening: str, content: str) -> int:
    """How much of reported ``content`` is the speaker's (its length when all of it is):
    a report inside an opening subordinate clause ends where the main clause begins; a
    content that goes on after a break with a statement of its own ends at the break.
    ``opening`` is the sentence's text before the content."""
    end = len(content)
    if _subordinate_opening(opening):
        for comma in (m.start() for m in _CLAUSE_COMMA.finditer(content)):
            if _main_clause_at(content, comma):
                end = comma
                break
    for found in _BREAK.finditer(content, 0, end):
        if _reports_again(content[found.end() : end]):
            return found.start()
    return end


def speakers_words_start(content: str, cue: str = "") -> int:
    """Where the speaker's words begin in reported ``content`` (0 when at its start): after
    the hearer of a ``cue`` told to someone ("told MSNBC his involvement ..."), or after the
    'that' a phrase about the occasion leads in to ("on CNN, where he is now a paid
    contributor, that ...", "Monday night that ...")."""
    if hearer := _hearer_end(cue, content):
        return hearer
    found = _LEAD_IN_THAT.search(content, 0, 200)
    if found is None or len(_WORD.findall(content[: found.start()])) > _LEAD_IN_WORDS:
        return 0
    lead = content[: found.start()]
    first = _WORD.match(lead)
    opens = first is not None and first.group(0).lower() in _words("lead_in_openers")
    if not opens and not ((times := find_times(lead)) and times[0][0] == 0):
        return 0  # the time finder only when no opening word tells
    aside = _ASIDE.search(lead)
    if aside is None and found.group(0).startswith(","):
        return 0  # "In all, that amounts to ...": the 'that' after a comma is a subject
    lead = lead if aside is None else lead[: aside.start()]
    words = _WORD.findall(lead)
    if "," in lead or any(
        w[:1].islower() and _is_verb_form(words, i) and speaker_class(w) is None
        for i, w in enumerate(words)
    ):
        return 0  # "in fact the senator knew that ...": a clause of the narrator's, not a lead-in
    return found.end()


def _hearer_end(cue: str, content: str) -> int:
    """The end of the hearer a told-cue's content opens with, or 0 ("told MSNBC his
    involvement ..." -> after "MSNBC "; "told reporters he ..." -> after "reporters ")."""
    if cue.lower() not in _words("hearer_cues"):
        return 0
    words = list(_WORD.finditer(content[:160]))
    count = 0
    if words and words[0].group(0).lower() in _words("object_pronouns"):
        count = 1
    else:
        while count < min(len(words), _HEARER_WORDS) and words[count].group(0)[:1].isupper():
            count += 1
    if not 0 < count < len(words):
        return 0
    following = words[count].group(0).lower().replace("’", "'").split("'")[0]
    if not words[count].group(0)[:1].islower() or following not in _words("subject_openers"):
        return 0
    if following == "that" and count + 1 < len(words):
        return words[count + 1].start()  # "told Stephanopoulos that ...": the report after it
    return words[count].start()


def asserts_nothing(claim_text: str) -> bool:
    """Whether a claim's words are one word ('Washington talks about the Syrian "opposition"',
    'called him "unhinged"': a term, not what is said of anything) or a time and nothing
    more ("Early Tuesday, the State Department disclosed ...", "told ABC's 'This Week'")."""
    words = claim_text.strip(OPENING + CLOSING + "'‘’ .,;:?!")
    if len(words.split()) < 2:
        return True
    times = find_times(words)
    return bool(times) and times[0][0] == 0 and times[0][1] >= len(words)
