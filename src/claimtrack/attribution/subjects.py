"""Where a layout's speaker and content are: the subject before a cue verb (the noun phrase of
its clause, without a time, a conjunction or a clause put before it), the speaker after an
inverted cue, and the content after a cue (without its "that")."""

from __future__ import annotations

import re

from claimtrack.attribution.cues import DETERMINERS
from claimtrack.attribution.spans import MAX_SOURCE_WORDS, Span, count_words, strip_span
from claimtrack.time.finder import find_times

__all__ = [
    "FINITE",
    "FINITE_VERB",
    "LEADING_TIME",
    "MAIN_VERB",
    "NOT_A_SUBJECT",
    "left_subject",
    "right_source",
    "strip_auxiliaries",
    "trim_content",
]

_AUXILIARIES = re.compile(
    r"(?:\s+(?:also|has|have|had|would|will|later|previously|recently|then|once|repeatedly|"
    r"publicly|privately|further|again|never|not|did|does|do|is|was|were|are|am|reportedly|"
    r"allegedly|already|even|still|just|often|earlier|separately|quickly|directly|simply|"
    r"subsequently|initially|first|last|finally|ultimately|yet|clearly|flatly|strongly|"
    r"specifically|explicitly|openly|falsely|correctly|reportedly|been|being|be|could|may|"
    r"might|should|must|can|hasn't|hadn't|haven't|didn't|doesn't|don't|isn't|wasn't|won't|"
    r"wouldn't|can't|couldn't|has not|have not|had not|did not|does not|do not|[a-z]+ly))+$",
    re.IGNORECASE,
)
_LEADING_CONJUNCTIONS = re.compile(
    r"(?:[a-z]+ly,|even so|in fact|in addition|for example|for instance|but|and|yet|so|still|"
    r"however|"
    r"meanwhile|instead|"
    r"moreover|indeed|now|then|also)[\s,]+",
    re.IGNORECASE,
)
# A speaker who interrupts the sentence: "..., this official said, ...".
_CUE_THEN_COMMA = re.compile(r"\w+(?:\s+\w+){0,2},")
_PARTICIPLE_CUE = re.compile(r"\S*ing(?!\S)")
# A clause put before the subject: "Even though skateboarding is sanctioned in the park, the
# women say ...", "When asked about it, Smith said ...".
_LEADING_SUBORDINATE = re.compile(
    r"(?:even\s+)?(?:though|although|if|while|whereas|because|since|when|unless|once|after|"
    r"before)\b[^,;:\"“”]{1,120},\s*",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r'[;:]\s|["”],\s|\s[—–]\s|,\s(?:and|but|while|as|because|although'
    r"|though|since|so|when|where|after|before|if|whereas)\s|"
    r"\s(?:when|where|while|because|although|after|before|whereas|as)\s",
    re.IGNORECASE,
)


NOT_A_SUBJECT = re.compile(
    r"(?:this|that|these|those|already|privately|publicly|there|here|when|while|if|once|"
    r"unless|whether|because|although|though|"
    r"which|what|who|so|then|now|also|thus|hence|therefore|however|meanwhile|instead|indeed|"
    r"[a-z]+ly)",
    re.IGNORECASE,
)
FINITE_VERB = re.compile(
    r"\b(?:was|were|is|are|has|have|had|been|does|did|emerged|began|"
    r"came|went|failed|attempted|tried|wanted|remains|seemed)\b"
)
LEADING_TIME = re.compile(
    r"(?:(?:in|on|since|during|last|earlier|later|for|after|before|by)\b[^,]{0,30}|"
    r"(?:\w+\s+)?(?:hours|days|weeks|months|years|minutes)\s+(?:later|earlier|ago)),\s*",
    re.IGNORECASE,
)
_OPENING_PARTICIPLE = re.compile(
    r"[A-Z][a-z]{3,}ing\s+(?:the|a|an|to|on|about|at|in|from|with|his|her|their|its|this|that)\b|"
    r"(?:Citing|Quoting|Asked|Pressed|Responding|Referring|Speaking|Writing|Addressing)\s"
)
_CLAUSE_AFTER_SUBJECT = re.compile(r"(?:who|which|whose|without)\b")
# The verb of a clause after its subject: an auxiliary, a past form, or a present one of a
# reporting verb, perhaps after an adverb ("recently urged", "has denounced", "says").
MAIN_VERB = re.compile(
    r"(?<=[\w,’'])\s+(?:(?:also|then|later|again|already|still|even|never|once|\w+ly)\s+)?"
    r"(?:has|have|had|is|are|was|were|will|would|could|can|did|does|said|says|told|tells|"
    r"held|began|sought|took|made|gave|went|came|wrote|spoke|met|ran|won|lost|left|kept|sent|"
    r"stood|led|became|saw|got|found|thought|chose|drew|put|set|hit|struck|brought|"
    r"[a-z]{3,}ed)\b"
)
_RELEASED = re.compile(
    r"\s+(?:released|issued|published|posted|made|gave|delivered|sent|put out|aired)\s+"
    r"(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}(?:recording|statement|message|video|"
    r"audio|speech|tweet|letter|report|communique)$",
    re.IGNORECASE,
)


def left_subject(text: str, start: int, cue_start: int) -> Span | None:
    """The noun phrase before a cue verb, from the start of its clause."""
    left = text[start:cue_start]
    cut = 0
    for match in _CLAUSE_BREAK.finditer(left):
        cut = match.end()
    begin, end = start + cut, cue_start
    chunk = text[begin:end].rstrip()
    auxiliaries = _AUXILIARIES.search(chunk)
    if auxiliaries:
        if re.search(r"n't|\bnot\b|\bnever\b", auxiliaries.group(0), re.IGNORECASE):
            return None  # "X did not say...": no claim by X
        chunk = chunk[: auxiliaries.start()]
    end = begin + len(chunk)
    # "In May, the leader released an audio recording saying...": the speaker is the leader.
    # A clause before the subject is left alone where the speaker interrupts the sentence
    # ("When they were up against the militia, this official said, 'they didn't fight'"): it is
    # part of what was said.
    interrupts = _CUE_THEN_COMMA.match(text, cue_start) is not None
    leading_clause = () if interrupts else (_LEADING_SUBORDINATE,)
    stripped = True
    while stripped:
        stripped = False
        for pattern in (LEADING_TIME, _LEADING_CONJUNCTIONS, *leading_clause):
            lead = pattern.match(text, begin, end)
            if lead and lead.end() > begin:
                begin, stripped = lead.end(), True
        # The rest of "On Tuesday, July 26, 2016, ...": a date of its own, as dates finds it.
        times = find_times(text[begin:end])
        if times and times[0][0] == 0 and (comma := re.match(r",\s*", text[begin + times[0][1] :])):
            begin, stripped = begin + times[0][1] + comma.end(), True
    # "Addressing the relationship with the group, he hints ...": an opening participle clause
    # ends at the last comma before the subject, not at one opening a clause after it
    # ("Recalling that moment, David Axelrod, who was chief strategist, said").
    if _OPENING_PARTICIPLE.match(text, begin, end):
        commas = [begin + m.end() for m in re.finditer(r",\s+", text[begin:end])]
        while len(commas) > 1 and _CLAUSE_AFTER_SUBJECT.match(text, commas[-1]):
            commas.pop()
        if commas:
            begin = commas[-1]
    released = _RELEASED.search(text, begin, end)
    if released:
        end = released.start()
    if _PARTICIPLE_CUE.match(text, cue_start):
        # "..., with one message from an operative claiming ...": the message's author.
        with_ = list(re.finditer(r"\bwith\s+", text[begin:end]))
        if with_:
            begin += with_[-1].end()
        elif text[begin:end].rstrip().endswith(","):
            # "Albright recently urged women to vote for Clinton, saying ...": the one who
            # says is the subject of the clause the participle hangs on, before its verb.
            for verb in MAIN_VERB.finditer(text, begin, end):
                before = text[begin : verb.start()].split()
                if before and before[-1].lower() not in DETERMINERS:  # not "the embattled"
                    end = verb.start()
                    break
    s, e = strip_span(text, begin, end, ' \t\n,;:"“”')
    if s >= e or count_words(text[s:e]) > MAX_SOURCE_WORDS:
        return None
    if re.search(r"\s(?:and|or|but)$", text[s:e]):
        # "the rebels seized the town and said ...": the verb is coordinated with another,
        # whose subject is the speaker; without one ("clear the decks and call"), nobody.
        coordinated = MAIN_VERB.search(text, s, e)
        if coordinated is None:
            return None
        s, e = strip_span(text, s, coordinated.start(), ' \t\n,;:"“”')
        if s >= e:
            return None
    subject = text[s:e]
    if not re.search(r"[A-Za-z]", subject) or NOT_A_SUBJECT.fullmatch(subject):
        return None
    if FINITE_VERB.search(re.split(r"\b(?:who|which|that)\b|,", subject)[0]):
        return None  # a clause, not a noun phrase: "the truce begins on Saturday and was"
    return s, e


def right_source(text: str, start: int, end: int) -> Span | None:
    """The speaker after an inverted cue (", said Charles Lister, a fellow at ..."), to the end
    of the sentence."""
    clause = re.search(
        r",\s+(?:referring|adding|saying|noting|explaining|citing|according|"
        r"speaking|writing|calling|arguing|who|which|in\s+a|in\s+an)\b",
        text[start:end],
    )
    if clause:
        end = start + clause.start()
    s, e = strip_span(text, start, end, ' \t\n,;:."”“')
    if s >= e or count_words(text[s:e]) > MAX_SOURCE_WORDS:
        return None
    return s, e


def trim_content(text: str, start: int, end: int) -> Span:
    start, end = strip_span(text, start, end)
    lead = re.match(
        r"(?:(?:on|in|at|during|after|before|for|over|to|with)\b[^,\"“]{0,40}?\s+|"
        r"[a-z]+ly\s+)?"  # "insists publicly that"
        r"(?:that|whether|if),?\s+",
        text[start:end],
        re.IGNORECASE,
    )
    if lead:
        start += lead.end()
    return strip_span(text, start, end)


FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|"
    r"must|did|does|do)\b|\w+ed\b"
)


def strip_auxiliaries(text: str, span: Span) -> Span:
    chunk = _AUXILIARIES.sub("", text[span[0] : span[1]])
    return span[0], span[0] + len(chunk.rstrip())
