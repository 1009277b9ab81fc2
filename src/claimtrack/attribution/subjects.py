"""Where a layout's speaker and content are: the subject before a cue verb (the noun phrase of
its clause, without a time, a conjunction or a clause put before it), the speaker after an
inverted cue, and the content after a cue (without its "that")."""

from __future__ import annotations

import re

from claimtrack.attribution.cues import DETERMINERS
from claimtrack.attribution.rules import pattern
from claimtrack.attribution.spans import MAX_SOURCE_WORDS, Span, count_words, strip_span
from claimtrack.attribution.validation import shapes_resource
from claimtrack.time.finder import find_times

__all__ = [
    "FINITE",
    "FINITE_VERB",
    "LEADING_TIME",
    "MAIN_VERB",
    "NOT_A_SUBJECT",
    "left_subject",
    "only_auxiliaries",
    "relative_antecedent",
    "right_source",
    "strip_auxiliaries",
    "subject_with_aside",
    "trim_content",
]

_AUXILIARIES = pattern("auxiliaries")
_LEADING_CONJUNCTIONS = pattern("leading_conjunctions")
_CUE_THEN_COMMA = pattern("cue_then_comma")
_PARTICIPLE_CUE = pattern("participle_cue")
_LEADING_SUBORDINATE = pattern("leading_subordinate")
_CLAUSE_BREAK = pattern("clause_break")
_ASIDES = (pattern("dash_aside_before_cue"), pattern("relative_aside_before_cue"))


NOT_A_SUBJECT = pattern("not_a_subject")
FINITE_VERB = pattern("finite_verb")
LEADING_TIME = pattern("leading_time")
_OPENING_PARTICIPLE = pattern("opening_participle")
_CLAUSE_AFTER_SUBJECT = pattern("clause_after_subject")
MAIN_VERB = pattern("main_verb")
_RELEASED = pattern("released")
_RELATIVE_SOURCE = pattern("relative_source")
_CLAUSE_THEN_SUBJECT = pattern("clause_then_subject")
_ANTECEDENT_BREAK = pattern("antecedent_break")
_NEGATED = pattern("negated_auxiliaries")
_ENDS_WITH_CONJUNCTION = pattern("ends_with_conjunction")
_SUBJECT_CLAUSE_SPLIT = pattern("subject_clause_split")
_WITH_AUTHOR = pattern("with_author")
_INVERTED_SOURCE_END = pattern("inverted_source_end")
_CONTENT_LEAD = pattern("content_lead")
_GERUND_BY = pattern("gerund_preposition")
_APPOSITION_ASIDE = pattern("apposition_aside")
# Mechanical: commas, and a letter (a subject has one).
_COMMA = re.compile(r",\s*")
_COMMA_SPACE = re.compile(r",\s+")
_LETTER = re.compile(r"[A-Za-z]")
_RELATIVE_PRONOUNS = ("who", "which", "that")
_HEAD_WORDS = 6  # a name with its title ("former Rep. George Miller (D-Calif.)")


def left_subject(text: str, start: int, cue_start: int) -> Span | None:
    """The noun phrase before a cue verb, from the start of its clause."""
    left = text[start:cue_start]
    # "Many speakers — including Muslims, Christians — said", "Mr. Regalado, who emigrated
    # as a teenager, said": no word of the aside (its closing dash, its "as") is a clause
    # break; the subject's clause begins before the aside.
    before_aside, subject_end = left, cue_start
    for aside_shape in _ASIDES:
        if (aside := aside_shape.search(left)) is not None:
            before_aside = left[: aside.start()]
            break
    else:
        if (apposition := _subject_then_aside(left)) is not None:
            before_aside = apposition
            if _about_the_occasion(left[len(apposition) :]):
                # "Sexton, after previous Trump rallies, wrote": the aside describes no one.
                subject_end = start + len(apposition.rstrip())
    cut = 0
    for match in _CLAUSE_BREAK.finditer(before_aside):
        cut = match.end()
    begin, end = start + cut, subject_end
    chunk = text[begin:end].rstrip()
    auxiliaries = _AUXILIARIES.search(chunk)
    if auxiliaries:
        if _NEGATED.search(auxiliaries.group(0)):
            return None  # "X did not say...": no claim by X
        chunk = chunk[: auxiliaries.start()]
    end = begin + len(chunk)
    if (relative := _RELATIVE_SOURCE.search(chunk)) is not None:
        # "Obama, who called ...": the pronoun is the source; its antecedent names the speaker.
        return begin + relative.start("pronoun"), begin + relative.end("pronoun")
    # "In May, the leader released an audio recording saying...": the speaker is the leader.
    # A clause before the subject is left alone where the speaker interrupts the sentence
    # ("When they were up against the militia, this official said, 'they didn't fight'"): it is
    # part of what was said.
    interrupts = _CUE_THEN_COMMA.match(text, cue_start) is not None
    leading_clause = () if interrupts else (_LEADING_SUBORDINATE,)
    stripped = True
    while stripped:
        stripped = False
        for leading in (LEADING_TIME, _LEADING_CONJUNCTIONS, *leading_clause):
            lead = leading.match(text, begin, end)
            if lead and lead.end() > begin:
                begin, stripped = lead.end(), True
        # The rest of "On Tuesday, July 26, 2016, ...": a date of its own, as dates finds it.
        times = find_times(text[begin:end])
        if times and times[0][0] == 0 and (comma := _COMMA.match(text[begin + times[0][1] :])):
            begin, stripped = begin + times[0][1] + comma.end(), True
    # "Addressing the relationship with the group, he hints ...": an opening participle clause
    # ends at the last comma before the subject, not at one opening a clause after it
    # ("Recalling that moment, David Axelrod, who was chief strategist, said").
    if _OPENING_PARTICIPLE.match(text, begin, end):
        commas = [begin + m.end() for m in _COMMA_SPACE.finditer(text[begin:end])]
        while len(commas) > 1 and _CLAUSE_AFTER_SUBJECT.match(text, commas[-1]):
            commas.pop()
        if commas:
            begin = commas[-1]
    released = _RELEASED.search(text, begin, end)
    if released:
        end = released.start()
    if _PARTICIPLE_CUE.match(text, cue_start):
        # "..., with one message from an operative claiming ...": the message's author.
        with_ = list(_WITH_AUTHOR.finditer(text[begin:end]))
        after_comma = text[begin:end].rstrip().endswith(",")
        # "Fiorina opened by talking about ...": a gerund after "by" says what the clause's
        # subject does, as a participle after a comma does.
        after_by = _GERUND_BY.match(text, begin, end) is not None
        if with_ and not after_comma:
            begin += with_[-1].end()
        elif after_comma or after_by:
            # "Albright recently urged women to vote for Clinton, saying ...": the one who
            # says is the subject of the clause the participle hangs on, before its verb; that
            # clause is the sentence's own, before any clause break ("Bradley apologized
            # after they came out, saying ...").
            origins = [(begin, False)]
            if cut:
                origins.insert(0, (_main_clause_start(text, start, end), True))
            for origin, short in origins:
                verb = _verb_after_subject(text, origin, end, short=short)
                if verb is not None:
                    begin, end = origin, verb
                    break
    s, e = strip_span(text, begin, end, ' \t\n,;:"“”')
    if s >= e:
        return None
    if count_words(text[s:e]) > MAX_SOURCE_WORDS:
        return _long_apposition_head(text, s, e, closed=True) or _subject_after_clause(text, s, e)
    if _ENDS_WITH_CONJUNCTION.search(text[s:e]):
        # "the rebels seized the town and said ...": the verb is coordinated with another,
        # whose subject is the speaker; without one ("clear the decks and call"), nobody.
        coordinated = MAIN_VERB.search(text, s, e)
        if coordinated is None:
            return None
        s, e = strip_span(text, s, coordinated.start(), ' \t\n,;:"“”')
        if s >= e:
            return None
    subject = text[s:e]
    if not _LETTER.search(subject) or NOT_A_SUBJECT.fullmatch(subject):
        return None
    if FINITE_VERB.search(_SUBJECT_CLAUSE_SPLIT.split(subject)[0]):
        # a clause, not a noun phrase ("the truce begins on Saturday and was"), unless a
        # subject of its own follows it ("... when he was around 10, he says")
        return _subject_after_clause(text, s, e)
    return s, e


def _subject_then_aside(left: str) -> str | None:
    """The subject of words that are a subject and an aside set off by commas, right before a
    cue ("Westmacott, who will retire soon after also serving in Iran, Turkey and France,"
    -> "Westmacott"); None when they are not."""
    found = _APPOSITION_ASIDE.fullmatch(left)
    if found is None or MAIN_VERB.search(found["head"]) is not None:
        return None
    return found["head"]


def _about_the_occasion(aside: str) -> bool:
    """Whether an aside set off by commas opens with a word of the occasion ("after previous
    rallies", "when contacted by Reuters"), as ``speaker_shapes.toml`` lists them."""
    words = aside.lstrip(" ,").split(maxsplit=1)
    occasions = shapes_resource()["parenthetical_before_cue"]["occasions"]
    return bool(words) and words[0].lower() in occasions


def subject_with_aside(left: str) -> bool:
    """Whether the words before a cue are its subject and an aside, not what an inverted cue
    reports ("Representative Mike Coffman of Colorado, a Republican who served in combat as a
    Marine, denounced Mr. Trump's remarks.")."""
    return _subject_then_aside(left) is not None


def _long_apposition_head(text: str, start: int, end: int, *, closed: bool) -> Span | None:
    """The head of a speaker too long to be one because an apposition describes it at
    length ("Erin Clark, a postdoctoral fellow at Brandeis University who spends ..."): the
    words before its first comma, when they start with a capital; None otherwise.  ``closed``
    wants a comma after the apposition too (a subject before its cue)."""
    comma = text.find(",", start, end)
    if comma < 0 or not text[start].isupper() or (closed and text[end : end + 1] != ","):
        return None
    head = strip_span(text, start, comma)
    if head[0] >= head[1] or count_words(text[head[0] : head[1]]) > _HEAD_WORDS:
        return None
    return head


def _main_clause_start(text: str, start: int, end: int) -> int:
    """Where a sentence's own clause begins, after a time or a conjunction put first."""
    for leading in (LEADING_TIME, _LEADING_CONJUNCTIONS):
        lead = leading.match(text, start, end)
        if lead:
            start = lead.end()
    return start


def _verb_after_subject(text: str, begin: int, end: int, *, short: bool) -> int | None:
    """Where the verb after the subject starting at ``begin`` is, or None; ``short`` wants a
    subject of a few words without a comma."""
    for verb in MAIN_VERB.finditer(text, begin, end):
        before = text[begin : verb.start()].split()
        if before and before[-1].lower() not in DETERMINERS:  # not "the embattled"
            subject = text[begin : verb.start()]
            fits = not short or (count_words(subject) <= 8 and "," not in subject)
            return verb.start() if fits else None
    return None


def _subject_after_clause(text: str, start: int, end: int) -> Span | None:
    found = _CLAUSE_THEN_SUBJECT.search(text, start, end)
    if found is None or NOT_A_SUBJECT.fullmatch(found["subject"]):
        return None
    return found.span("subject")


def relative_antecedent(text: str, start: int, source: Span) -> Span | None:
    """What a relative pronoun in the source's place stands for: the noun phrase before it
    ("a reaction from U.S. President Barack Obama, who" -> "U.S. President Barack Obama"), from
    ``start`` (the clause's beginning) on; None when the source is no relative pronoun.

    >>> text = "It drew a reaction from Barack Obama, who called it a disgrace."
    >>> span = relative_antecedent(text, 0, (38, 41))
    >>> text[span[0] : span[1]]
    'Barack Obama'
    """
    if text[source[0] : source[1]] not in _RELATIVE_PRONOUNS:
        return None
    s, e = strip_span(text, start, source[0], " \t\n,")
    for found in _ANTECEDENT_BREAK.finditer(text, s, e):
        s = max(s, found.end())
    s, e = strip_span(text, s, e, ' \t\n,;:"“”')
    if s >= e or count_words(text[s:e]) > 8:
        return None
    return s, e


def right_source(text: str, start: int, end: int) -> Span | None:
    """The speaker after an inverted cue (", said Charles Lister, a fellow at ..."), to the end
    of the sentence."""
    clause = _INVERTED_SOURCE_END.search(text[start:end])
    if clause:
        end = start + clause.start()
    s, e = strip_span(text, start, end, ' \t\n,;:."”“')
    if s >= e:
        return None
    if count_words(text[s:e]) > MAX_SOURCE_WORDS:
        return _long_apposition_head(text, s, e, closed=False)
    return s, e


def trim_content(text: str, start: int, end: int) -> Span:
    start, end = strip_span(text, start, end)
    lead = _CONTENT_LEAD.match(text[start:end])  # "insists publicly that"
    if lead:
        start += lead.end()
    return strip_span(text, start, end)


FINITE = pattern("finite")


def only_auxiliaries(phrase: str) -> bool:
    """Whether a phrase is a verb group and nothing else ("has", "also", "has repeatedly"):
    what stands between an aside and its cue, not a speaker ("Jim Prosser, a Twitter
    spokesman, also declined").

    >>> only_auxiliaries("has repeatedly"), only_auxiliaries("the spokesman")
    (True, False)
    """
    phrase = phrase.strip()
    return bool(phrase) and _AUXILIARIES.fullmatch(f" {phrase}") is not None


def strip_auxiliaries(text: str, span: Span) -> Span:
    chunk = _AUXILIARIES.sub("", text[span[0] : span[1]])
    return span[0], span[0] + len(chunk.rstrip())
