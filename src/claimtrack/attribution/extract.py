"""Who said what: attributed statements found in news prose, turned into claims.

Two layers.  :func:`find_attributions` works on plain text and finds the three parts of each
attribution — the **source** (who), the **cue** (said, according to, told...) and the
**content** (what) — in every common layout of direct and indirect speech.  :func:`extract`
turns them into :class:`~claimtrack.model.Claim` values for one source: it resolves the
speaker with an :class:`~claimtrack.actors.ActorRegistry`, follows the attribution chain
(``via``), dates the statement (``said``, against the right anchor) and what it is about
(``about``), and records the stance and modality cues the conflict detector needs.

Reporting verbs and cue phrases live in ``lexicon/reporting.toml``; hedges in
``lexicon/hedges.toml``.

>>> text = ('Nusra is breaking ties with al-Qaeda, according to an announcement on Thursday. '
...         '"The split is cosmetic," said Charles Lister, a fellow at the Middle East Institute.')
>>> for a in find_attributions(text):
...     print(a.kind, "|", a.source_text(text), "|", a.cue_text(text), "|", a.content_text(text))
according | an announcement on Thursday | according to | Nusra is breaking ties with al-Qaeda
speech | Charles Lister, a fellow at the Middle East Institute | said | "The split is cosmetic,"
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

import attrs

from claimtrack.actors import (
    NAME_PARTICLE,
    OUTLET_NOUN,
    ActorMatch,
    ActorRegistry,
    guess_kind,
    is_unnamed,
    split_title,
)
from claimtrack.anchoring import make_quote
from claimtrack.attribution.layouts import block_intro, block_quote, colon_quote, ends_block
from claimtrack.attribution.speakers import is_speaker
from claimtrack.model import (
    Actor,
    ActorKind,
    Claim,
    Cue,
    Modality,
    Precision,
    Source,
    SourceKind,
    Stance,
    When,
    slugify,
)
from claimtrack.resources import cached, load
from claimtrack.text import Segment, fold, sentences
from claimtrack.time.dates import resolve_when
from claimtrack.time.finder import find_times, is_anaphoric, reference_time

__all__ = [
    "EXTRACTOR",
    "Attribution",
    "Extraction",
    "extract",
    "extract_document",
    "find_attributions",
    "merge_continuations",
]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("claimtrack")
    except PackageNotFoundError:  # pragma: no cover - a source tree without metadata
        return "0.0.0"


EXTRACTOR = f"claimtrack.extract {_version()}"
"""What extracted claims record in ``recorded_by``."""

Span = tuple[int, int]


@attrs.frozen
class Attribution:
    """One attribution found in a text; spans are offsets into that text.

    ``kind`` is the cue's class (speech, denial, question, belief, according, author) or
    ``continuation`` for a quote that goes on after an attributed one.  ``hearer`` is the
    person told ("told Lister"), ``channel`` how it was said ("in a statement").
    """

    kind: str
    source: Span | None
    cue: Span | None
    content: tuple[Span, ...]
    direct: bool = False
    hearer: Span | None = None
    channel: str | None = None
    outer: int | None = None  # the attribution (index) whose content this one sits in

    def source_text(self, text: str) -> str:
        return "" if self.source is None else text[self.source[0] : self.source[1]]

    def cue_text(self, text: str) -> str:
        return "" if self.cue is None else text[self.cue[0] : self.cue[1]]

    def content_text(self, text: str) -> str:
        return " ".join(text[s:e] for s, e in self.content)

    @property
    def span(self) -> Span:
        """From the first to the last character of the content."""
        return self.content[0][0], self.content[-1][1]


# ---------------------------------------------------------------------------------------------
# The cue lexicon, compiled once


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
        if re.fullmatch(r".*[^aeiou][aeiou][bdgmnprt]", verb) and verb not in (
            "offer",
            "happen",
            "listen",
            "open",
            "visit",
            "edit",
            "limit",
            "credit",
        ):
            forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return forms


@cached  # built from the lexicons in force
def _cue_table() -> tuple[re.Pattern[str], dict[str, str]]:
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
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(map(re.escape, alternatives)) + r")(?![\w-])", re.IGNORECASE
    )
    return pattern, classes


_DETERMINERS = frozenset(
    {
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "whose",
        "any",
        "no",
        "every",
        "each",
        "such",
        "first",
        "new",
        "latest",
    }
)
_AMBIGUOUS_NOUNS = frozenset(
    {
        "report",
        "claim",
        "claims",
        "post",
        "posts",
        "tweet",
        "tweets",
        "reply",
        "estimate",
        "charge",
        "charges",
        "question",
        "questions",
        "doubt",
        "doubts",
        "fear",
        "fears",
        "hope",
        "hopes",
        "counter",
        "promise",
        "promises",
        "vow",
        "brief",
        "reports",
        "agree",
        "feel",
        "expect",
        "think",
        "believe",
        "worry",
        "ask",
        "say",
        "deny",
        "reject",
        "dismiss",
        "dispute",
        "remark",
        "remarks",
        "mention",
        "warning",
        "testify",
        "admit",
        "maintain",
        "wonder",
        "query",
        "observe",
        "note",
        "notes",
        "add",
        "tell",
        "state",
        "states",
    }
)
_PASSIVE = frozenset({"is", "was", "were", "are", "been", "being", "be", "widely", "often"})
_AMBIGUOUS_FORMS = frozenset(
    {
        "states",
        "notes",
        "reports",
        "claims",
        "tweets",
        "posts",
        "charges",
        "promises",
        "hopes",
        "fears",
        "doubts",
        "questions",
        "estimates",
        "replies",
        "remarks",
        "counters",
        "vows",
        "thinks",
        "feels",
        "state",
        "note",
        "report",
        "claim",
        "tweet",
        "post",
        "add",
        "agree",
        "mentions",
        "mention",
        "concerns",
        "briefs",
        "brief",
        "agrees",
        "observes",
        "points out",
        "charge",
        "predicts",
        "hints",
        "hint",
        "maintains",
        "maintained",  # "has maintained food shipments to the unit": kept up, not said
        "maintaining",
        "holds",
        "question",
    }
)
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
_OPENING = '"“«'
_CLOSING = '"”»'
_TERMINAL_RIGHT = re.compile(
    r"^(?:(?:\s+(?:in|on|at|during|after|before|last|earlier|later|this|to|from|via|through|"
    r"when|while|as|of|with|about|over|outside|inside|today|yesterday|recently|Thursday|"
    r"Monday|Tuesday|Wednesday|Friday|Saturday|Sunday)\b[^,;:\"“]{0,80}?)?)[.!?]?[\"”’)]*$",
    re.IGNORECASE,
)
_MAX_SOURCE_WORDS = 25
# A participle clause after a plain verb of saying goes on with the same speaker ("...,
# Hollande said Tuesday in Paris, noting that ..."): the verb still ends its own clause.
_PLAIN_SAYING = frozenset({"said", "says", "told", "tells", "added", "adds", "wrote", "writes"})
_TRAILING_PARTICIPLE = re.compile(
    r",\s+(?:noting|adding|saying|explaining|arguing|insisting|warning|stressing|citing|"
    r"calling|referring|suggesting|describing|acknowledging|asserting|claiming)\b.*$",
    re.DOTALL,
)


_QUOTE_MARK = re.compile(r"''|``|[\"“”«»]")


def _quote_spans(text: str) -> list[Span]:
    """Spans of quoted passages (marks included), paired within each paragraph; an opening
    mark never closed runs to the end of its paragraph (a quote that goes on).  Typewriter
    quotes ``''`` (as some newspapers' archives write them) count as quote marks."""
    spans: list[Span] = []
    for paragraph in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        start: int | None = None
        for mark in _QUOTE_MARK.finditer(text, paragraph.start(), paragraph.end()):
            char = mark.group(0)
            if char in ("“", "«", "``"):
                start = mark.start() if start is None else start
            elif char in ("”", "»"):
                if start is not None:
                    spans.append((start, mark.end()))
                    start = None
            elif start is None:
                start = mark.start()
            else:
                spans.append((start, mark.end()))
                start = None
        if start is not None and paragraph.end() - start > 1:
            spans.append((start, paragraph.end()))
    return spans


def _inside(position: int, spans: Iterable[Span]) -> bool:
    return any(s < position < e for s, e in spans)


def _strip_span(text: str, start: int, end: int, chars: str = " \t\n,;:.") -> Span:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _words(text: str) -> int:
    return len(text.split())


_NOT_A_SUBJECT = re.compile(
    r"(?:this|that|these|those|already|privately|publicly|there|here|when|while|if|once|"
    r"unless|whether|because|although|though|"
    r"which|what|who|so|then|now|also|thus|hence|therefore|however|meanwhile|instead|indeed|"
    r"[a-z]+ly)",
    re.IGNORECASE,
)
_FINITE_VERB = re.compile(
    r"\b(?:was|were|is|are|has|have|had|been|does|did|emerged|began|"
    r"came|went|failed|attempted|tried|wanted|remains|seemed)\b"
)
_LEADING_TIME = re.compile(
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
_MAIN_VERB = re.compile(
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


def _left_subject(text: str, start: int, cue_start: int) -> Span | None:
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
        for pattern in (_LEADING_TIME, _LEADING_CONJUNCTIONS, *leading_clause):
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
            for verb in _MAIN_VERB.finditer(text, begin, end):
                before = text[begin : verb.start()].split()
                if before and before[-1].lower() not in _DETERMINERS:  # not "the embattled"
                    end = verb.start()
                    break
    s, e = _strip_span(text, begin, end, ' \t\n,;:"“”')
    if s >= e or _words(text[s:e]) > _MAX_SOURCE_WORDS:
        return None
    if re.search(r"\s(?:and|or|but)$", text[s:e]):
        # "the rebels seized the town and said ...": the verb is coordinated with another,
        # whose subject is the speaker; without one ("clear the decks and call"), nobody.
        coordinated = _MAIN_VERB.search(text, s, e)
        if coordinated is None:
            return None
        s, e = _strip_span(text, s, coordinated.start(), ' \t\n,;:"“”')
        if s >= e:
            return None
    subject = text[s:e]
    if not re.search(r"[A-Za-z]", subject) or _NOT_A_SUBJECT.fullmatch(subject):
        return None
    if _FINITE_VERB.search(re.split(r"\b(?:who|which|that)\b|,", subject)[0]):
        return None  # a clause, not a noun phrase: "the truce begins on Saturday and was"
    return s, e


def _right_source(text: str, start: int, end: int) -> Span | None:
    """The speaker after an inverted cue (", said Charles Lister, a fellow at ..."), to the end
    of the sentence."""
    clause = re.search(
        r",\s+(?:referring|adding|saying|noting|explaining|citing|according|"
        r"speaking|writing|calling|arguing|who|which|in\s+a|in\s+an)\b",
        text[start:end],
    )
    if clause:
        end = start + clause.start()
    s, e = _strip_span(text, start, end, ' \t\n,;:."”“')
    if s >= e or _words(text[s:e]) > _MAX_SOURCE_WORDS:
        return None
    return s, e


def _trim_content(text: str, start: int, end: int) -> Span:
    start, end = _strip_span(text, start, end)
    lead = re.match(
        r"(?:(?:on|in|at|during|after|before|for|over|to|with)\b[^,\"“]{0,40}?\s+|"
        r"[a-z]+ly\s+)?"  # "insists publicly that"
        r"(?:that|whether|if),?\s+",
        text[start:end],
        re.IGNORECASE,
    )
    if lead:
        start += lead.end()
    return _strip_span(text, start, end)


def _is_quote(text: str, span: Span) -> bool:
    s, e = span
    return e - s >= 2 and text[s] in _OPENING + "'" and text[e - 1] in _CLOSING + "'"


def _classify_cue(text: str, match: re.Match[str], sentence: Segment) -> str | None:
    """The cue's class, or None when the word is not used as a reporting verb here."""
    pattern, classes = _cue_table()
    del pattern
    form = match.group(0).lower()
    kind = classes.get(form)
    if kind is None:
        return None
    before = text[sentence.start : match.start()].split()
    previous = before[-1].lower().strip(",;:") if before else ""
    if kind != "according" and previous in _DETERMINERS:
        return None  # "the claim", "a report": a noun
    if kind != "according" and previous in ("to", "not", "never"):
        return None  # "declined to say", "refused to confirm": no statement
    if form == "called" and previous in ("so", "so-"):
        return None  # "a so called Caliph"
    if form.startswith("continu") and re.match(r"\s+to\b", text[match.end() :]):
        return None  # "will continue to honor this red line": going on, not saying
    words = [w.lower() for w in before[-2:]]
    passive = bool(words) and (
        words[-1] in _PASSIVE
        or (len(words) == 2 and words[0] in _PASSIVE and re.fullmatch(r"also|[a-z]+ly", words[1]))
    )
    if kind != "according" and passive and not form.endswith(("s", "ing")):
        return None  # "the coordination being claimed", "it is said": passive, no speaker
    opened = text[sentence.start : match.start()]
    dashes = len(re.findall("[—–]", opened))
    if kind != "according" and dashes % 2 and re.search(r"[—–]\s*$", opened):
        return None  # "funding cuts —explained and unexplained— create": set off by dashes
    if kind != "according" and re.match(r"\s+by\b", text[match.end() : match.end() + 4]):
        return None  # "added by Juan Cole": a caption, not a statement
    if kind != "according" and form in _AMBIGUOUS_NOUNS and (not before or previous in ("to",)):
        return None  # "to say", or sentence-initial base form
    if before and match.group(0)[:1].isupper() and not _title_case(sentence.text):
        return None  # "the Islamic State", "State Department": a name, not a verb
    if form in _AMBIGUOUS_FORMS:
        following = text[match.end() : match.end() + 8].lstrip()
        introduces = {
            "belief": r"(?:that|:|[\"“]|to\b)",
            "question": r"(?:that|:|[\"“]|whether|if|why|how|what|who)",
        }.get(kind, r"(?:that|:|[\"“])")
        # ... or ends a quote's attribution: '"The split is real," Smith maintained.'
        closes_quote = re.match(r"(?:[.,;!?]|$)", following) and _QUOTE_BEFORE.search(
            text, sentence.start, match.start()
        )
        if not (re.match(introduces, following) or closes_quote):
            return None  # "Gulf states", "reports of": a noun unless it introduces content
    return kind


# A quote just closed, then a few words (the speaker): '"...," Smith' before a cue.
_QUOTE_BEFORE = re.compile(r"[,?!][\"”’']+\s+(?:\S+\s+){0,6}$")


# "Samantha Phillips, the city's emergency operations director, said ...": a subject with an
# appositive, not content before an inverted cue.
_APPOSITIVE_SUBJECT = re.compile(
    r"(?:[A-Z][\w.'’-]*\s?|(?:al|el|bin|de|van|von)-?\w*\s?){1,5},\s+[^,]{2,120},$"
    r"|(?:(?:[A-Z][\w.'’-]*|a|an|the|his|her|its|their)\s+){0,6}[a-z]+\s+(?:[A-Z][\w.'’-]*\s?){1,4},$"
    r"|(?:[A-Z][\w.'’-]*\s?){1,4},\s*\d{1,3},$"
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|"
    r"must|did|does|do)\b|\w+ed\b"
)

# Signs of a clause that _FINITE misses: "told voters she's with them", "told X he'd support".
_CLAUSE_SIGN = re.compile(r"\b(?:I|you|he|she|it|we|they)\b|\w['’](?:s|re|d|ll|ve|m)\b|n['’]t\b")


def _inverted_speaker(right: str) -> bool:
    """Whether what follows a cue reads as its speaker: '..., said Charles Lister, a fellow'."""
    if _TERMINAL_RIGHT.match(right):
        return False
    chunk = right.strip().split(",")[0]
    if not chunk or _words(chunk) > 9:
        return False
    if chunk[:1].isupper():
        return True
    return bool(re.match(r"(?:an?|the|one|two|some|several|another|many)\b", chunk)) and not (
        _FINITE.search(chunk)
    )


def _title_case(sentence: str) -> bool:
    """Whether a sentence is a headline in title case ("Bellwether County Says Trump...")."""
    words = [w for w in sentence.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _attribution_at(
    text: str, sentence: Segment, match: re.Match[str], kind: str, quotes: Sequence[Span]
) -> Attribution | None:
    s, e = sentence.start, sentence.end
    cs, ce = match.start(), match.end()
    cue = (cs, ce)
    if kind == "according":
        return _according(text, s, e, cue)

    # A quote just before the cue: '"...," X said' / '"...," said X'.
    before = [
        q
        for q in quotes
        if q[1] <= cs
        and q[1] > s - 1
        and _words(text[q[1] : cs]) <= 12
        and re.search(r"[,?!]", text[q[1] - 3 : q[1] + 2] + text[q[1] : cs][:3]) is not None
    ]
    if before:
        quote = before[-1]
        between = _strip_span(text, quote[1], cs, " \t\n,;:")
        if between[0] < between[1] and not re.fullmatch(r"[\s,]*", text[between[0] : between[1]]):
            named = _strip_span(text, *between, ' \t\n,;:"“”')
            if match.group(0).lower().endswith("ing"):
                # '"...," McCain said, citing ...': the speaker without the verb before.
                verb = _MAIN_VERB.search(text, *named)
                if verb is not None:
                    named = _strip_span(text, named[0], verb.start())
            source = named if _words(text[named[0] : named[1]]) <= _MAX_SOURCE_WORDS else None
            hearer = _hearer(text, ce, e) if match.group(0).lower() in ("told", "tells") else None
        else:
            source, hearer = _right_source(text, ce, e), None
        if source is None:
            return None
        return Attribution(
            kind, source, cue, (quote,), True, hearer=hearer, channel=_channel(text, ce, e)
        )

    # A quote just after the cue: 'X said: "..."' / 'X said, "..."' / 'X told Y that "..."'.
    # A quote inside a that-clause ('tell commanders that unspecified "other funders" have
    # ordered the cuts') is not what is said: the clause is, as below.
    after = [
        q
        for q in quotes
        if cs < q[0] <= e
        and _words(text[ce : q[0]]) <= 6
        and not re.search(r"\bthat\s+\S", text[ce : q[0]])
    ]
    source = _left_subject(text, s, cs)
    if after and source is not None:
        quote = after[0]
        end = max(quote[1], min(e, quote[1]))
        # 'told The Daily Beast that "..."': what was said starts after "that".
        that = re.search(r"\bthat\s*$", text[ce : quote[0]])
        content = _trim_content(text, quote[0] if that else ce, end)
        if text[content[0]] not in _OPENING:
            content = quote if _words(text[ce : quote[0]]) <= 3 else content
        hearer = (
            _hearer(text, ce, quote[0]) if match.group(0).lower() in ("told", "tells") else None
        )
        return Attribution(
            kind,
            source,
            cue,
            (content,),
            _is_quote(text, content),
            hearer=hearer,
            channel=_channel(text, ce, quote[0]),
        )

    left_text = text[s:cs].rstrip()
    right_text = text[ce:e]
    if (parenthetical := _parenthetical(text, s, e, cue, kind)) is not None:
        return parenthetical
    if (relative := _relative_clause_speaker(text, s, e, cue, kind)) is not None:
        return relative
    # '..., said Amarasingam, a fellow at ...' (the speaker after the cue)
    if (
        left_text.endswith(",")
        and not match.group(0).lower().endswith("ing")  # ", telling Reuters that" is not
        and _inverted_speaker(right_text)  # inverted like ", said Reuters"
        and not _APPOSITIVE_SUBJECT.match(left_text)
    ):
        content = _trim_content(text, s, s + len(left_text))
        speaker = _right_source(text, ce, e)
        if speaker is None or content[0] >= content[1]:
            return None
        return Attribution(kind, speaker, cue, (content,), _is_quote(text, content))
    # "..., Carter told a Senate panel Wednesday.": whom it was told, and nothing more.
    told_only = match.group(0).lower() in ("told", "tells") and not (
        re.search(r"\bthat\b", right_text)
        or _FINITE.search(right_text)
        or _CLAUSE_SIGN.search(right_text)
    )
    plain = match.group(0).lower() in _PLAIN_SAYING
    own_clause = _TRAILING_PARTICIPLE.sub("", right_text) if plain else right_text
    terminal = told_only or _TERMINAL_RIGHT.match(own_clause) is not None
    if terminal and "," in left_text:
        # '..., the source said.' (the speaker between the content and the cue)
        comma = left_text.rfind(",")
        speaker_span = _strip_span(text, s + comma + 1, cs, ' \t\n,;:"“”')
        content = _trim_content(text, s, s + comma)
        if (
            speaker_span[0] < speaker_span[1]
            and content[0] < content[1]
            and _words(text[speaker_span[0] : speaker_span[1]]) <= 12
        ):
            speaker_span = _strip_aux(text, speaker_span)
            return Attribution(
                kind,
                speaker_span,
                cue,
                (content,),
                _is_quote(text, content),
                channel=_channel(text, ce, e),
            )
    # 'X said (that) ...', 'X told Y (that) ...'
    if source is None:
        return None
    if terminal and source[0] == _strip_span(text, s, e)[0]:
        # '"...." Trump said.': the quote is the sentence before.
        previous = [q for q in quotes if 0 <= s - q[1] <= 3]
        if previous:
            return Attribution(kind, source, cue, (previous[-1],), True)
    if told_only:
        return None  # "Ban Ki-moon told a news conference in Geneva.": whom, not what
    content_start = ce
    hearer = None
    if match.group(0).lower() in ("told", "tells", "telling", "tell"):
        that = re.search(r"\bthat\b", text[ce:e])
        if that and _words(text[ce : ce + that.start()]) <= 6:
            hearer = _strip_span(text, ce, ce + that.start())
            content_start = ce + that.end()
    channel = _channel(text, content_start, e)
    if channel:
        lead = re.match(
            r"\s*(?:in|on|via|through)\s+(?:a|an|the|his|her|its|their)\s+[\w\s-]+?"
            r"(?=\s+(?:that|on|in|,)|[,:])",
            text[content_start:e],
        )
        if lead:
            content_start += lead.end()
    content = _trim_content(text, content_start, e)
    if content[0] >= content[1] or _words(text[content[0] : content[1]]) < 3:
        return None
    return Attribution(
        kind, source, cue, (content,), _is_quote(text, content), hearer=hearer, channel=channel
    )


# "..., which he said would be its lowest ever", "laws that appeals courts said
# discriminated": the speaker inside a relative clause, the verb of that clause right after.
_RELATIVE_SPEAKER = re.compile(
    r"(?:,\s+which|\bthat|,\s+who)\s+(?P<speaker>(?:[\w.'’-]+\s+){0,5}?[\w.'’-]+)\s+$"
)
_CLAUSE_TAKING = frozenset(
    f"{verb}{ending}"
    for verb in ("say", "believe", "think", "hope", "doubt", "fear", "claim", "argue", "insist",
                 "predict", "know", "suspect", "allege", "contend", "maintain", "expect", "warn")
    for ending in ("", "s")
) | {"said", "thought", "knew"}  # fmt: skip
_RELATIVE_VERB = re.compile(
    r"\s+(?:(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must)\b|"
    r"(?!that\b)[a-z]{3,}(?:ed|es)\b)"
)


def _relative_clause_speaker(text: str, s: int, e: int, cue: Span, kind: str) -> Attribution | None:
    """A cue inside a relative clause, between its speaker and the clause's own verb: what
    is said is the rest of the clause (about the noun the clause hangs on)."""
    verb = text[cue[0] : cue[1]].lower()
    if not (verb.endswith("ed") or verb in _CLAUSE_TAKING):  # not "plans", "votes", "attack"
        return None
    speaker = _RELATIVE_SPEAKER.search(text, s, cue[0])
    if speaker is None or not _RELATIVE_VERB.match(text, cue[1], e):
        return None
    source = speaker.span("speaker")
    if _NOT_A_SUBJECT.fullmatch(text[source[0] : source[1]]) or _FINITE_VERB.search(text, *source):
        return None
    end = re.search(r",\s|\s[—–-]\s|;|$", text[cue[1] : e])
    content = _strip_span(text, cue[1], cue[1] + end.start() if end else e, " \t\n.,;:")
    if _words(text[content[0] : content[1]]) < 2:
        return None
    return Attribution(kind, source, cue, (content,), False)


def _parenthetical(text: str, s: int, e: int, cue: Span, kind: str) -> Attribution | None:
    """A speaker set off by commas inside what is reported: 'At its best, Republican senators
    argue, it's not going to work'; 'the participants agreed, say opposition sources, that
    the front should be eliminated'.  The content is the two parts around it."""
    cs, ce = cue
    left = text[s:cs].rstrip()
    comma = left.rfind(",")
    if comma < 0:
        return None
    if comma == len(left) - 1:
        # Inverted: ', say opposition sources, that ...'
        inverted = re.match(r"\s+([^,;:]+?),\s+that\s+(?=\S)", text[ce:e])
        if inverted is None or _words(inverted.group(1)) > 6 or _FINITE.search(inverted.group(1)):
            return None
        speaker: Span = (ce + inverted.start(1), ce + inverted.end(1))
        before = _trim_content(text, s, s + comma)
        after = _trim_content(text, ce + inverted.end(), e)
    else:
        # Middle: ', they say, ...'
        tail = re.match(r"\s*,\s+(?=\S)", text[ce:e])
        speaker = _strip_span(text, s + comma + 1, cs)
        named = text[speaker[0] : speaker[1]]
        if (
            tail is None
            or not 0 < _words(named) <= 6
            or _FINITE.search(named)
            or _NOT_A_SUBJECT.fullmatch(named)
            or _LEADING_TIME.match(left[: comma + 1])
        ):
            return None
        before = _trim_content(text, s, s + comma)
        after = _trim_content(text, ce + tail.end(), e)
    if before[0] >= before[1] or _words(text[after[0] : after[1]]) < 3:
        return None
    return Attribution(kind, speaker, cue, (before, after), False)


_APPOSITIVE = re.compile(
    r"(?:an?|the|one|who|which|author|head|leader|spokesman|director|"
    r"professor|fellow|senior|former)\b[^,;:]{0,90}?(?=,\s|[.;:]?$)"
)
_SOURCE_END = re.compile(r"[,:;]\s|\s(?=(?:they|he|she|it|we|there|this|that)\s)")


def _according(text: str, s: int, e: int, cue: Span) -> Attribution | None:
    """'According to X, CONTENT' / 'CONTENT, according to X' / 'A, according to X, B'."""
    cs, ce = cue
    after = text[ce:e]
    stop = _SOURCE_END.search(after)
    src_end = ce + stop.start() if stop else e
    rest_start = ce + stop.end() if stop else e
    # An appositive after the name belongs to the source: "X, a fellow at Y, ..."
    sentence_initial = not text[s:cs].strip()
    if stop and after[stop.start()] == ",":
        appositive = _APPOSITIVE.match(text, rest_start, e)
        if appositive and sentence_initial and not re.match(r",\s", text[appositive.end() :]):
            appositive = None  # "According to X, the split is...": that is the content
        if appositive:
            src_end = appositive.end()
            comma = re.match(r",\s*", text[src_end:e])
            rest_start = src_end + (comma.end() if comma else 0)
    source = _strip_span(text, ce, src_end, ' \t\n,;:."”“')
    if source[0] >= source[1] or _words(text[source[0] : source[1]]) > _MAX_SOURCE_WORDS:
        return None
    left = _strip_span(text, s, cs)
    left_text = text[left[0] : left[1]]
    pieces = []
    if left[0] < left[1] and not re.search(r"(?:^|,)\s*(?:and|but|so)$", left_text, re.I):
        pieces.append(left)
    # "..., according to X, which raises the issue of ..., and how ...": the rest goes on
    # with the clause about X, not with what X says.
    goes_on = re.search(r",\s+(?:which|who)\s", text[ce:src_end]) and re.match(
        r"\s*(?:and|or)\s", text[rest_start:e]
    )
    if rest_start < e and not goes_on and (not pieces or text[cs - 2 : cs].strip() == ","):
        rest = _strip_span(text, rest_start, e)
        if rest[0] < rest[1]:
            pieces.append(rest)
    if left[0] < left[1] and re.search(r"(?:^|,)\s*(?:and|but|so)$", left_text, re.I):
        pieces = [_strip_span(text, rest_start, e)] if rest_start < e else []
    pieces = [_trim_content(text, *p) for p in pieces]
    pieces = [p for p in pieces if p[0] < p[1]]
    if not pieces:
        return None
    direct = len(pieces) == 1 and _is_quote(text, pieces[0])
    return Attribution("according", source, cue, tuple(pieces), direct)


_PROPOSITIONAL = re.compile(
    r"\s*(?:that\b|[\"“:]|(?:the\s+|any\s+)?(?:reports?|claims?|allegations?|"
    r"suggestions?|accusations?|rumou?rs?|charges?|speculation)\b)",
    re.IGNORECASE,
)


def _strip_aux(text: str, span: Span) -> Span:
    chunk = _AUXILIARIES.sub("", text[span[0] : span[1]])
    return span[0], span[0] + len(chunk.rstrip())


def _hearer(text: str, start: int, end: int) -> Span | None:
    chunk = re.match(r"\s*((?:[A-Z][\w.'-]*\s?){1,4})", text[start:end])
    if not chunk:
        return None
    return _strip_span(text, start + chunk.start(1), start + chunk.end(1))


def _channel(text: str, start: int, end: int) -> str | None:
    channels: list[str] = load("reporting")["phrases"]["channels"]
    window = fold(text[start:end])[:80]
    found = _channel_pattern(tuple(channels)).search(window)
    return None if found is None else found["channel"]


@cache
def _channel_pattern(channels: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for every channel, the longest first (compiled once: the re module's own
    cache is too small for extraction's patterns and the sentence splitter's together)."""
    alternatives = "|".join(re.escape(c) for c in sorted(channels, key=len, reverse=True))
    return re.compile(
        r"\b(?:in|on|via|through)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+)?"
        rf"(?P<channel>{alternatives})\b"
    )


@lru_cache(maxsize=8192)
def _whole_word(word: str, flags: int = 0) -> re.Pattern[str]:
    """A word or phrase not inside a longer word, compiled once."""
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", flags)


@lru_cache(maxsize=4096)
def _any_of(alternatives: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the given patterns as a whole word, compiled once."""
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])")


# "Trump: I Will Win": a headline quoting a name before a colon -- but not the labels of a
# web page ("Related:", "Photo Credit:").
_HEADLINE_COLON = re.compile(r"((?:[A-Z][\w.'’-]*\s?){1,4}):\s+\S")
# "..., MEMRI, May 9, 2016": a headline cited with its outlet and date, which are not said.
_CITATION_TAIL = re.compile(
    r",\s+(?:[A-Z][\w.'’&-]*\s?){1,4},\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}|"
    r"\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4}|\d{4}-\d\d-\d\d)\s*$"
)
_PAGE_LABELS = frozenset(
    {"related", "photo", "photo credit", "credit", "image", "caption", "update", "updated",
     "breaking", "video", "watch", "listen", "note", "editor's note", "read more", "see also",
     "source", "sources", "tags", "share", "advertisement", "exclusive", "analysis", "opinion",
     "live", "developing", "just in", "more", "also read", "file photo", "pictured", "top"}
)  # fmt: skip

# A headline is a line of its own without the stop that ends a sentence ("Fiction.''" has one).
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’]*$")
# "Russia to pull troops from Syria: Kremlin": a headline naming its speaker after a colon.
_HEADLINE_SPEAKER_AFTER = re.compile(
    r"(?P<content>.+?\S):\s+(?P<speaker>(?:[A-Z][\w.'’-]*\s?){1,4})"
)
_NOT_SPEAKERS = frozenset(
    {"report", "reports", "study", "poll", "survey", "video", "photos", "live", "update",
     "analysis", "opinion", "interview", "exclusive", "explainer", "timeline", "q&a"}
)  # fmt: skip

# "By: Hana Levi Julian Published: February 23rd, 2016" names an author, not a speaker.
_BYLINE = re.compile(r"(?:by\b|.*\b(?:published|posted|updated|written)\s*$)", re.IGNORECASE)


def _headline_speaker_after(text: str, sentence: Segment) -> Attribution | None:
    """'Split From Al-Qaeda ‘Not Only Change Nusra Will See’: Source': a headline line (no
    closing stop, a line of its own) whose speaker follows the colon."""
    line = sentence.text.rstrip()
    if _ENDS_SENTENCE.search(line) or not re.match(r"[ \t]*(?:\n|$)", text[sentence.end :]):
        return None
    m = _HEADLINE_SPEAKER_AFTER.fullmatch(line)
    if m is None or fold(m["speaker"]).strip() in _NOT_SPEAKERS or _words(m["content"]) < 3:
        return None
    start = sentence.start
    content = _strip_span(text, start, start + m.end("content"))
    colon = start + m.end("content")
    speaker = _strip_span(text, start + m.start("speaker"), start + m.end("speaker"))
    return Attribution("speech", speaker, (colon, colon + 1), (content,), _is_quote(text, content))


def find_attributions(
    text: str, *, beliefs: bool = True, exclude: Sequence[Span] = ()
) -> list[Attribution]:
    """Every attribution in ``text``, in order.

    ``beliefs`` keeps attitude cues (believe, think, hope...); ``exclude`` are spans of the
    text to leave alone (the pieces of a compilation page, handled as sources of their own).
    """
    pattern, _ = _cue_table()
    quotes = _quote_spans(text)
    found: list[Attribution] = []
    last_attributed_end = -10
    block: Attribution | None = None  # the excerpts a line ending in a colon introduced
    covered: list[Span] = []  # the excerpts taken
    for sentence in sentences(text):
        if _inside(sentence.start + 1, exclude) or any(s <= sentence.start < e for s, e in exclude):
            continue
        if any(s <= sentence.start < e for s, e in covered):
            continue
        if block is not None:
            if (excerpt := block_quote(text, sentence.start, quotes)) is not None:
                found.append(
                    attrs.evolve(block, content=(excerpt,))
                    if block.content == ()
                    else Attribution("continuation", None, None, (excerpt,), True)
                )
                block = attrs.evolve(block, content=(excerpt,))
                covered.append(excerpt)
                continue
            if ends_block(text, sentence.start, sentence.end):
                block = None
        if (intro := block_intro(text, sentence.start, sentence.end)) is not None:
            colon = sentence.start + len(sentence.text.rstrip()) - 1
            block = Attribution("speech", intro, (colon, colon + 1), (), True)
            continue
        said = colon_quote(text, sentence.start, quotes)
        if said is not None and pattern.search(text, sentence.start, said[1][0]) is None:
            found.append(Attribution("speech", said[0], said[1], (said[2],), True))
            covered.append(said[2])
            continue
        headline = _HEADLINE_COLON.match(sentence.text)
        if (headline and not _inside(sentence.start, quotes)
                and fold(headline.group(1)).strip() not in _PAGE_LABELS
                and not _BYLINE.match(headline.group(1))):  # fmt: skip
            colon = sentence.start + headline.end(1)
            content = _strip_span(text, colon + 1, sentence.end)
            if (tail := _CITATION_TAIL.search(text, *content)) is not None:
                content = (content[0], tail.start())
            if _words(text[content[0] : content[1]]) >= 3 and is_speaker(
                text[sentence.start : colon]
            ):
                found.append(
                    Attribution(
                        "speech",
                        (sentence.start, colon),
                        (colon, colon + 1),
                        (content,),
                        _is_quote(text, content),
                    )
                )
                continue
        after = _headline_speaker_after(text, sentence)
        if after is not None:
            found.append(_speaker_checked(text, after))
            continue
        taken: list[Span] = []
        attributed = False
        for match in pattern.finditer(text, sentence.start, sentence.end):
            if _inside(match.start(), quotes) or _inside(match.start(), taken):
                continue
            kind = _classify_cue(text, match, sentence)
            if kind is None or (kind in ("belief", "evaluation") and not beliefs):
                continue
            if (coordinated := _coordinated(text, sentence, match, kind, found)) is None:
                coordinated = _participle_after(text, sentence, match, kind, found)
            if coordinated is not None:
                # "the combatants say they suffer ... and argue that ...": one speaker, two
                # statements; the first one ends where the second verb's "and" begins.
                found[-1] = coordinated[1]
                found.append(coordinated[0])
                taken.append((match.start(), match.end()))
                attributed = True
                continue
            # "the paper reports that the leader called for unity": a statement inside another's
            # content is passed on by the outer speaker; its clause starts with that content.
            outer = next(
                (
                    i
                    for i in range(len(found) - 1, max(-1, len(found) - 4), -1)
                    if any(s <= match.start() < e for s, e in found[i].content)
                ),
                None,
            )
            clause = sentence
            if outer is not None:
                if match.group(0).lower().endswith("ing"):
                    continue
                begin = next(s for s, e in found[outer].content if s <= match.start() < e)
                clause = Segment(text[begin : sentence.end], begin, sentence.end)
            attribution = _attribution_at(text, clause, match, kind, quotes)
            if attribution is None:
                continue
            if (
                kind == "denial"
                and attribution.cue is not None
                and not _PROPOSITIONAL.match(text, attribution.cue[1])
                and not attribution.direct
            ):
                continue  # "renounced ties with ISIS": an act, not a reported proposition
            if outer is not None:
                if not re.search(
                    r"[A-Z]", attribution.source_text(text)
                ) or attribution.content in [f.content for f in found]:
                    continue
                attribution = attrs.evolve(attribution, outer=outer)
            attribution = _speaker_checked(text, attribution)
            found.append(attribution)
            taken.append(attribution.cue or attribution.span)
            if attribution.source:
                taken.append(attribution.source)
            attributed = True
        if attributed:
            last_attributed_end = sentence.end
        elif (
            found
            and found[-1].direct
            and 0 <= sentence.start - last_attributed_end <= 4
            and "\n" not in text[last_attributed_end : sentence.start]
        ):
            # A quote that is the whole sentence goes on from the attributed quote before it.
            stripped = _strip_span(text, sentence.start, sentence.end, " \t\n")
            whole = [
                q
                for q in quotes
                if abs(q[0] - stripped[0]) <= 1
                and q[1] <= stripped[1] + 1
                and q[1] >= stripped[1] - 2
            ]
            if whole:
                found.append(Attribution("continuation", None, None, (stripped,), True))
                last_attributed_end = sentence.end
    return found


@cache
def _unreliable_cues() -> frozenset[str]:
    """Cue forms whose speaker is too seldom right to name (``reporting.toml``)."""
    return frozenset(load("reporting")["unreliable"]["forms"])


def _speaker_checked(text: str, attribution: Attribution) -> Attribution:
    """The attribution, without its speaker when what stands there names nobody (dropping
    the whole attribution instead loses .03 of content F1 for .005 of source F1), or when its
    cue is a form that is seldom a report ("support", "attacks")."""
    if attribution.source is None:
        return attribution
    cue = fold(attribution.cue_text(text)).strip()
    if is_speaker(attribution.source_text(text)) and cue not in _unreliable_cues():
        return attribution
    return attrs.evolve(attribution, source=None)


def _coordinated(
    text: str, sentence: Segment, match: re.Match[str], kind: str, found: list[Attribution]
) -> tuple[Attribution, Attribution] | None:
    """A cue verb joined by "and" to the cue of the attribution before it in the sentence:
    the new attribution, with the earlier speaker, and the earlier one cut short."""
    if kind == "according" or not found:
        return None
    previous = found[-1]
    if previous.source is None or previous.cue is None or previous.cue[0] < sentence.start:
        return None
    joint = re.search(r",?\s+and\s+$", text[previous.cue[1] : match.start()])
    if joint is None or len(previous.content) != 1 or previous.span[1] < match.start():
        return None
    start, _ = previous.span
    cut = previous.cue[1] + joint.start()
    if cut <= start:
        return None
    content = _trim_content(text, match.end(), sentence.end)
    if _words(text[content[0] : content[1]]) < 3:
        return None
    earlier = _strip_span(text, start, cut)
    return _second_statement(text, previous, earlier, kind, previous.source, match, content)


def _second_statement(
    text: str,
    previous: Attribution,
    earlier: Span,
    kind: str,
    source: Span,
    match: re.Match[str],
    content: Span,
) -> tuple[Attribution, Attribution]:
    """A new attribution at cue ``match``, and the one before it cut back to ``earlier``."""
    cue = (match.start(), match.end())
    return (
        Attribution(kind, source, cue, (content,), _is_quote(text, content)),
        attrs.evolve(previous, content=(earlier,), direct=_is_quote(text, earlier)),
    )


def _participle_after(
    text: str, sentence: Segment, match: re.Match[str], kind: str, found: list[Attribution]
) -> tuple[Attribution, Attribution] | None:
    """A participle cue after a comma inside what the attribution before it reports ("urged
    women to vote for Clinton, saying, ..."; "announces a break, adding that ..."): a second
    statement by the same speaker, and the earlier one cut short at the comma."""
    if kind not in ("speech", "question") or not match.group(0).lower().endswith("ing"):
        return None
    if not found or (previous := found[-1]).source is None or previous.cue is None:
        return None
    if previous.cue[0] < sentence.start or len(previous.content) != 1:
        return None
    start, end = previous.content[0]
    if end <= previous.cue[0] < match.start():
        # "..., Hollande said Tuesday in Paris, noting ...": the participle after the cue is
        # the same speaker's next statement, and the one before stays whole.
        after_cue = max(previous.cue[1], previous.source[1])
        between = text[after_cue : match.start()].rstrip()
        if not between.endswith(",") or not _TERMINAL_RIGHT.match(between[:-1]):
            return None
        content = _trim_content(text, match.end(), sentence.end)
        if _words(text[content[0] : content[1]]) < 3:
            return None
        cue = (match.start(), match.end())
        return Attribution(
            kind, previous.source, cue, (content,), _is_quote(text, content)
        ), previous
    comma = re.search(r",\s*$", text[start : match.start()])
    if not start < match.start() < end or comma is None:
        return None
    content = _trim_content(text, match.end(), end)
    if _words(text[content[0] : content[1]]) < 3:
        return None
    earlier = _strip_span(text, start, start + comma.start())
    if earlier[0] >= earlier[1]:
        return None
    source: Span = previous.source
    if re.search(r"\b(?:where|which|who|whom|that|when)\s+$", text[sentence.start : source[0]]):
        # "The activist spoke about a video where the group announces ..., adding that": the earlier
        # speaker is inside a relative clause; the participle hangs on the main one.
        verb = _MAIN_VERB.search(text, sentence.start, source[0])
        if verb is None:
            return None
        source = _strip_span(text, sentence.start, verb.start(), ' \t\n,;:"“”')
        if not 0 < _words(text[source[0] : source[1]]) <= _MAX_SOURCE_WORDS:
            return None
    return _second_statement(text, previous, earlier, kind, source, match, content)


def merge_continuations(attributions: Sequence[Attribution]) -> list[Attribution]:
    """Attributions with each continuation quote folded into the content of the one it goes
    on from (one attribution with a discontinuous content, as annotators mark it)."""
    merged: list[Attribution] = []
    for attribution in attributions:
        if attribution.kind == "continuation" and merged:
            last = merged[-1]
            merged[-1] = attrs.evolve(last, content=(*last.content, *attribution.content))
        else:
            merged.append(attribution)
    return merged


# ---------------------------------------------------------------------------------------------
# From attributions to claims


_ROLE_NOUNS = re.compile(
    r"^(?:an?|the)\s+(?:new\s+|audio\s+|video\s+|written\s+|brief\s+|official\s+|joint\s+)*"
    r"(?:recent\s+|latest\s+)?"
    r"(?:announcement|statement|message|audio message|recording|video|report|interview|tweet|"
    r"post|communique|broadcast|speech|letter|translation|analysis|study|poll|survey|"
    r"briefing|editorial|investigation|review)\s+"
    r"(?:from|by|of|issued by|released by)\s+",
    re.IGNORECASE,
)
# The phrase after a speaker's head noun: a place, an employer ("officials in Damascus", "a
# source at the ministry"), or a time the finder does not know ("on the eve of the talks").
_HEAD_TAIL = re.compile(r"\s+(?:on|in|at|last|earlier|this)\s+[\w\s.,]+$", re.IGNORECASE)
_TIME_TAIL = re.compile(
    r",?\s*\b(?:on|in|at|last|earlier|this)\s+(?:[\w.,]+\s+)*?(?:the\s+)?(?:day|days|week|"
    r"weeks|month|months|year|years|eve|morning|afternoon|evening|night|time|weekend)\b.*$",
    re.IGNORECASE,
)
# What an article calls an organisation it has named: "the group", "the movement".
_GROUP_NOUN = r"(?:group|organi[sz]ation|movement|militia|faction|front|network|party)"
_GENERIC_GROUP = re.compile(
    rf"^(?:the|this|that)\s+(?:{_GROUP_NOUN}|militants|jihadists)$", re.IGNORECASE
)
_GENERIC_DOCUMENT = re.compile(
    r"^(?:the|this|that)\s+(?:report|statement|study|briefing|"
    r"message|recording|video|letter|document|analysis)$",
    re.IGNORECASE,
)
# "The group's leader", "its spokesman": a role in the group the sentence is about.
_ROLE_IN_GROUP = re.compile(
    rf"^(?:(?:the|this|that)\s+{_GROUP_NOUN}['’]s|its)\s+(?P<role>leader|chief|head|founder|"
    r"commander|emir|spokesman|spokeswoman|spokesperson)$",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i)$", re.IGNORECASE)
# One person left unnamed: "a former senior administration official", "another commander".
_ONE_UNNAMED_PERSON = re.compile(r"(?i:a|an|one|another)\s(?!.*\bof\b).*\b\w+[^\Ws]")
# A second unnamed speaker of the same kind as the one before: "Another says", "A second
# added"; and the one before it: "one rebel commander", "a senior official".
_ANOTHER = re.compile(r"(?i:another|another one|a second|a third)")
_ONE_OF_A_KIND = re.compile(r"(?i:one|a|an|another)\s+(?P<kind>[^,]+)")
# "The activist asked ...", "the official added": one noun after "the", naming someone the
# article has already brought in ("an activist ..., Muzamjar al-Sham"; "a senior official").
_DEFINITE_DESCRIPTION = re.compile(r"^(?:the|this|that)\s+(?:same\s+)?(?P<noun>[a-z]+)$",
                                   re.IGNORECASE)  # fmt: skip


_NAME_WORD = rf"(?:[A-Z][\w'’.-]*|{NAME_PARTICLE})"
# "A statement by the ministry", "an audio message from its leader": a document and its author.
_DOCUMENT_BY = re.compile(
    r"\b(?:statement|report|message|recording|video|letter|communiqu[eé]|post|tweet)\s+"
    rf"(?:by|from)\s+(?P<author>(?:the\s+)?(?:{_NAME_WORD})(?:\s+(?:{_NAME_WORD}))*"
    r"(?:,\s+(?:an?|the)\s[^,.;:]{3,80}(?=,))?)"  # and what the article says it is
)


# The comma before an apposition, not the one inside "Washington, D.C.", "Amherst, N.Y.",
# "Fresno, Calif." or "John Smith, Jr." (titles such as "Dr." begin an apposition).
_APPOSITION_COMMA = re.compile(
    r",\s+(?!(?:[A-Z]\.){2,3}(?=[\s,]|$)|(?!(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Sen|Rep|Gov)\.)"
    r"[A-Z][a-z]{1,4}\.(?=[\s,]|$))"
)


@attrs.frozen
class _Mention:
    head: str
    description: str | None
    via: tuple[str, ...]


_LEADING_CONJUNCTION = re.compile(
    r"^(?:when|as|while|after|before|if|because|since|though|although|and|but|so|then)\s+(?=[A-Z])",
    re.IGNORECASE,
)


def _split_mention(mention: str) -> _Mention:
    """'Charles Lister, a Senior Fellow at the Middle East Institute' -> head and description;
    'sources in al-Nusra cited by Reuters' -> head and the chain."""
    mention = " ".join(mention.split())
    via: list[str] = []
    cited = re.search(r"\s+(?:cited|quoted|reported)\s+by\s+(.+)$", mention, re.IGNORECASE)
    if cited:
        via.append(_outlet_name(cited.group(1)))
        mention = mention[: cited.start()]
    # A time ends the mention ("officials on Tuesday"), unless the author comes after it:
    # "a statement released Tuesday afternoon by the agency".
    for start, end, _expression in reversed(find_times(mention)):
        if start > 0:
            author = re.match(r"\s+by\s", mention[end:])
            mention = mention[:start].rstrip() + (mention[end:] if author else "")
    mention = _ROLE_NOUNS.sub("", mention)
    mention = _TIME_TAIL.sub("", mention).strip(" ,")
    head, description = (*_APPOSITION_COMMA.split(mention, maxsplit=1), "")[:2]
    if description.lower().startswith(("who ", "which ")):
        description = ""  # a clause about the speaker, not what the speaker is
    if tail := _HEAD_TAIL.search(head):
        # "an official source at the Foreign Ministry": the head names the speaker, the
        # place or employer describes it.
        head = head[: tail.start()]
        description = ", ".join(p for p in (tail.group(0).strip(" ,"), description) if p)
    # "the head of the group's media office, Abu Ammar al-Shami": the name is the speaker.
    name_after = re.fullmatch(rf"((?:{_NAME_WORD}\s?){{1,6}})", description.strip())
    if head[:1].islower() and name_after:
        head, description = name_after.group(1).strip(), head
    # "the journalist Hala Jaber": a lowercase role before a name.
    role_name = re.fullmatch(
        rf"((?:the|a|an)\s+(?:[a-z][\w-]*\s+){{1,4}})((?:{_NAME_WORD}\s?){{1,6}})", head
    )
    if role_name:
        head, description = role_name.group(2).strip(), (description or role_name.group(1).strip())
    # "the state-run Xinhua news agency": the outlet's name, and what the article says it is.
    outlet = re.fullmatch(
        rf"((?:the|an?)\s+(?:[a-z][\w-]*\s+){{0,3}})((?:{_NAME_WORD}\s?){{1,4}})\s+"
        rf"({OUTLET_NOUN})",
        head,
    )
    if outlet:
        head = outlet.group(2).strip()
        what = f"{outlet.group(1)}{outlet.group(3)}"
        description = ", ".join(p for p in (what, description) if p)
    head = re.sub(r"\s*[(\[].*?[)\]]\s*", " ", head)
    head = re.sub(r"[\"“”«»]", "", head).strip(" ,.'")
    # "When Trump", "As House Speaker Paul Ryan": a conjunction is no part of the name.
    head = _LEADING_CONJUNCTION.sub("", head)
    head = re.sub(
        r"(?:\s+(?:now|also|too|then|again|still|themselves|himself|herself))+$", "", head
    )
    described: str | None = description.strip(" ,.") or None
    return _Mention(head=head, description=described, via=tuple(via))


def _outlet_name(text: str) -> str:
    """'London-based Arabic newspaper Asharq al-Awsat' -> 'Asharq al-Awsat'."""
    text = text.strip(" ,.")
    words = text.split()
    tail: list[str] = []
    for word in reversed(words):
        if word[:1].isupper() or re.match(r"(?:al|el|of|the|de)(?:-|$)", word.lower()):
            tail.insert(0, word)
        else:
            break
    while tail and tail[0].lower() in ("of", "the", "de"):
        tail.pop(0)
    return " ".join(tail) if tail else text


def _anchor(source: Source) -> When | None:
    """The date relative expressions in a source resolve against: its publication, when it is
    known to the day (or week); else nothing — 'on Sunday' in an undated post stays unknown."""
    published = source.published
    if published is None or published.latest is None:
        return None
    if published.precision in (Precision.DAY, Precision.WEEKEND, Precision.WEEK):
        return published
    return None


def _resolve_time(
    expression: str, anchor: When | None, reference: When | None = None
) -> When | None:
    day = None if anchor is None else anchor.latest
    when = resolve_when(expression, day, tense="past", reference=reference)
    if when is None or not when.known:
        return None
    return when


class _Speakers:
    """Speaker resolution inside one source: who was introduced, who spoke last."""

    def __init__(self, registry: ActorRegistry, source: Source, text: str,
                 segments: Sequence[Segment]) -> None:  # fmt: skip
        self.registry = registry
        self.source = source
        self.text = text
        self.starts = [s.start for s in segments]  # the source's sentences, split once
        self.introduced: list[Actor] = []
        self.recent: list[Actor] = []
        self.last_spoke = -1  # where the latest speaker's sentence begins
        # Everyone who has spoken so far, the latest last, with the role words the article
        # described them by ("activist", "official"), for "the activist" to point back to.
        self.described: dict[str, tuple[Actor, frozenset[str]]] = {}

    def _sentence_starts(self, position: int, count: int) -> list[int]:
        """Where the last ``count`` sentences beginning before ``position`` begin."""
        before = bisect.bisect_left(self.starts, position)
        return self.starts[max(0, before - count) : before]

    def spoke(self, actor: Actor, sentence_start: int) -> None:
        """Note that ``actor`` is the speaker of the sentence beginning at ``sentence_start``."""
        self.recent.append(actor)
        self.last_spoke = sentence_start

    def _remember(self, actor: Actor) -> Actor:
        if actor not in self.introduced:
            self.introduced.append(actor)
        return actor

    def mentioned(
        self, start: int, end: int, kind: ActorKind = ActorKind.ORGANIZATION
    ) -> list[tuple[int, Actor]]:
        """The known actors of one kind named between two offsets, by position."""
        found = []
        folded = fold(self.text[start:end])
        for actor in self.registry:
            if actor.kind is not kind:
                continue
            for name in actor.names:
                at = _whole_word(fold(name)).search(folded)
                if at and len(name) > 2:
                    found.append((start + at.start(), actor))
        return sorted(found, key=lambda pair: pair[0])

    def resolve(self, mention: _Mention, attribution: Attribution, position: int) -> Actor | None:
        head = mention.head
        if not head:
            return None
        if _PRONOUN.match(head):
            start = attribution.source[0] if attribution.source else position
            author = self._document_author(start) if head.lower() == "it" else None
            if author and not _PRONOUN.match(_split_mention(author).head):
                return self.resolve(_split_mention(author), attribution, position)
            return self._pronoun(head.lower(), start)
        if _GENERIC_GROUP.match(head):
            return self._group(attribution, position)
        if (role := _ROLE_IN_GROUP.match(head)) and (
            group := self._group_before(attribution, position)
        ):
            return self._describe(self._member(group, role["role"].lower()), head)
        if _GENERIC_DOCUMENT.match(head):
            named = [a for a in self.recent if a.kind is not ActorKind.UNNAMED]
            return named[-1] if named else None
        if (antecedent := self._antecedent(head)) is not None:
            return antecedent
        if (other := self._another(head)) is not None:
            return self._describe(other, other.name)
        if is_unnamed(head) or is_unnamed(mention.head.split(" who ")[0]):
            description = head if mention.description is None else f"{head}, {mention.description}"
            return self._describe(self._unnamed(head, description), head)
        match = self._resolve_name(head)
        if match is not None:
            actor = match.actor
            if mention.description and not actor.description:
                actor = attrs.evolve(actor, description=mention.description)
                self.registry.add(actor)
            return self._describe(self._remember(actor), head, mention.description)
        title, name = split_title(head)
        if not re.search(r"[A-Z]", name) or _words(name) > 8:
            return None
        # The title is what the article says the speaker is: "Secretary of State".
        actor = Actor.named(
            name,
            kind=guess_kind(name, mention.description),
            description=mention.description or title or None,
        )
        self.registry.add(actor)
        return self._describe(self._remember(actor), head)

    def _describe(self, actor: Actor, *words_about: str | None) -> Actor:
        """Note the role words ``actor`` was described by, as the latest speaker."""
        text = " ".join(filter(None, (*words_about, actor.description)))
        roles = _role_words() & frozenset(re.findall(r"[a-z]+", fold(text)))
        _, before = self.described.pop(actor.id, (actor, frozenset()))
        self.described[actor.id] = (actor, before | roles)
        return actor

    def roles_of(self, actor: Actor | None) -> frozenset[str]:
        """The role words ("activist", "official") the article has described ``actor`` by."""
        if actor is None or actor.id not in self.described:
            return frozenset()
        return self.described[actor.id][1]

    def _another(self, head: str) -> Actor | None:
        """Whom "another" (or "a second") stands for after one unnamed speaker: '"...,"
        complains one rebel commander. ... Another says' -> another rebel commander."""
        if _ANOTHER.fullmatch(head) is None:
            return None
        for actor in reversed(self.recent):
            one = _ONE_OF_A_KIND.match(actor.name)
            if actor.kind is ActorKind.UNNAMED and one is not None:
                kind = one["kind"]
                return self._unnamed(f"another {kind}", f"another {kind}")
        return None

    def _antecedent(self, head: str) -> Actor | None:
        """Whom a definite description ("the activist", "the official") points back to: the
        last speaker described by that noun, if there is one."""
        m = _DEFINITE_DESCRIPTION.match(head)
        if m is None:
            return None
        noun = fold(m["noun"])
        # "The activists said" of one activist: the plural of a noun the article used.
        forms = {noun, noun.removesuffix("s")} if len(noun) > 4 else {noun}
        for actor, roles in reversed(self.described.values()):
            if forms & roles:
                return actor
        return None

    def _resolve_name(self, head: str) -> ActorMatch | None:
        """The head as written, then shorter forms of it: 'Sen. Lindsey Graham of South
        Carolina' -> 'Lindsey Graham'; 'Russian President Vladimir Putin' -> 'Vladimir Putin';
        'Secretary of State John Kerry' -> 'John Kerry'."""
        candidates = [head]
        short = re.split(r"\s+(?:of|from|at|in|for|with)\s+", head)[0]
        for phrase in (short, head):
            words = phrase.split()
            candidates += [" ".join(words[i:]) for i in range(len(words))]
        for candidate in dict.fromkeys(candidates):
            if not candidate[:1].isupper() and candidate is not head:
                continue
            match = self.registry.resolve(candidate, introduced=self.introduced)
            if match is not None:
                return match
        return None

    def _document_author(self, position: int) -> str | None:
        """Who wrote the document an "it" that speaks stands for: "A statement by al-Maqalat,
        a Dutch al-Nusra associate, explained it well. '...,' it said." -> "al-Maqalat, a
        Dutch al-Nusra associate".
        Only a document introduced in this sentence or the one before counts."""
        begin = (self._sentence_starts(position, 2) or [0])[0]
        found = list(_DOCUMENT_BY.finditer(self.text, begin, position))
        return found[-1]["author"] if found else None

    def _pronoun(self, pronoun: str, position: int) -> Actor | None:
        if pronoun in ("he", "she"):
            # "... heard from President Obama. Gone was the rhetoric of 2013 when he said": a
            # person named in the previous sentence, with no "he" or "she" there to carry on
            # the earlier speaker, is whom the pronoun picks up.
            begin = (self._sentence_starts(position, 2) or [0])[0]
            named = {a.id: a for _, a in self.mentioned(begin, position, ActorKind.PERSON)}
            carried_on = re.search(r"\b(?:he|she)\b", self.text[begin:position], re.IGNORECASE)
            if len(named) == 1 and not carried_on:
                return self._remember(next(iter(named.values())))
        wanted = (
            {ActorKind.PERSON}
            if pronoun in ("he", "she", "i")
            else {ActorKind.ORGANIZATION, ActorKind.GOVERNMENT, ActorKind.GROUP, ActorKind.OUTLET}
        )

        def fits(actor: Actor) -> bool:
            # "he" can be "a former senior official", one unnamed person, as well as a name.
            return actor.kind in wanted or (
                pronoun in ("he", "she") and _ONE_UNNAMED_PERSON.fullmatch(actor.name) is not None
            )

        if self.recent and fits(self.recent[-1]):
            return self.recent[-1]  # '"...," says an official. "...," he adds.'
        if pronoun == "they" and self.recent and self.recent[-1].kind is ActorKind.UNNAMED:
            # "Moderate rebels accuse ... This, they say, has created ...": the group that
            # spoke in the sentence before.
            previous = (self._sentence_starts(position + 1, 2) or [0])[0]
            if self.last_spoke >= previous and not _ONE_UNNAMED_PERSON.fullmatch(
                self.recent[-1].name
            ):
                return self.recent[-1]
        if pronoun == "they" and (people := self._people_before(position)) is not None:
            return people
        # Otherwise unnamed groups ("sources", "officials") are not counted: a "they" further
        # on is too often somebody else.
        counted = [a for a in self.recent if a.kind is not ActorKind.UNNAMED or fits(a)]
        candidates = [a for a in counted[-3:] if fits(a)]
        if not candidates:
            candidates = [a for a in self.introduced[-2:] if fits(a)]
        if not candidates or len({a.id for a in candidates}) > 1:
            return None  # nobody, or more than one: ambiguous, so unknown
        return candidates[-1]

    def _people_before(self, position: int) -> Actor | None:
        """The people a "they" picks up from the sentence before, when nobody spoke there
        and they are its subject: "In Syria, few rebel fighters want to join a force focused
        only on ISIS. They argue that ..." -> "rebel fighters"."""
        starts = self._sentence_starts(position + 1, 2)
        if len(starts) < 2 or self.last_spoke >= starts[0]:
            return None
        subject = _plural_people_subject().match(self.text, starts[0], starts[1])
        if subject is None:
            return None
        return self._describe(self._unnamed(subject["people"]), subject["people"])

    def _unnamed(
        self, name: str, description: str | None = None, affiliation: str | None = None
    ) -> Actor:
        """The unnamed speaker ``name`` of this source (of the page, for a piece of one)."""
        scope = self.source.parent or self.source.id
        actor = Actor(
            id=f"{scope}:{slugify(name)[:60]}",
            name=name,
            kind=ActorKind.UNNAMED,
            description=description or name,
            affiliation=affiliation,
        )
        return self.registry.add(actor)

    def _group_before(self, attribution: Attribution, position: int) -> Actor | None:
        """The group a mention inside a sentence refers to: the first one the sentence names
        before it ("Al Nusra has remained neutral ..., with the group's leader calling"),
        else as for a sentence that begins with it."""
        source_start = attribution.source[0] if attribution.source else position
        found = self.mentioned(position, source_start)
        return found[0][1] if found else self._group(attribution, position)

    def _member(self, group: Actor, role: str) -> Actor:
        """Who holds ``role`` in ``group``: the catalogue's person affiliated with it and
        described by that role ("leader of Jabhat al-Nusra"), else an unnamed one of the
        group's, which at least keeps the affiliation."""
        for actor in self.registry:
            if (
                actor.kind is ActorKind.PERSON
                and actor.affiliation == group.id
                and role in re.findall(r"[a-z]+", fold(actor.description or ""))
            ):
                return self._remember(actor)
        return self._unnamed(f"the {role} of {group.name}", affiliation=group.id)

    def _group(self, attribution: Attribution, position: int) -> Actor | None:
        if not attribution.direct:
            inside = self.mentioned(*attribution.span)
            if inside:
                return inside[0][1]
        for begin in reversed(self._sentence_starts(position, 3)):
            found = self.mentioned(begin, position)
            if found:
                return found[0][1]
        return None


_NEGATION = re.compile(
    r"\b(?:not|no|never|n't|none|nobody|nothing|neither|nor|without)\b", re.IGNORECASE
)


def _cues(text: str) -> tuple[list[Cue], Modality]:
    """Hedge and negation cues in a claim's text (longest first, never overlapping), and the
    modality they give."""
    hedges = load("hedges")
    cues: list[Cue] = []
    modality = Modality.CERTAIN
    words = [(w, level) for level in ("possible", "probable") for w in hedges[level]]
    for word, level in sorted(words, key=lambda wl: -len(wl[0])):
        for found in _whole_word(word, re.IGNORECASE).finditer(text):
            if any(c.start < found.end() and found.start() < c.end for c in cues):
                continue
            cues.append(Cue(kind=f"hedge:{level}", text=found.group(0), start=found.start(),
                            end=found.end()))  # fmt: skip
            if level == "possible" or modality is Modality.CERTAIN:
                modality = Modality.POSSIBLE if level == "possible" else Modality.PROBABLE
    for found in _NEGATION.finditer(text):
        cues.append(Cue(kind="negation", text=found.group(0), start=found.start(), end=found.end()))
    return sorted(cues, key=lambda c: (c.start, c.kind)), modality


@cached  # built from the lexicons in force
def _plural_people_subject() -> re.Pattern[str]:
    """A sentence whose subject is people of a kind ("In Syria, few rebel fighters want"):
    after an opening phrase, up to two words before a plural head, then the verb."""
    heads = "|".join(
        w
        for w in load("reporting")["speakers"]["unnamed_heads"]
        if w.endswith("s") or w == "people"
    )
    return re.compile(
        r"(?:[^,.;:]{1,40},\s+)?(?:(?:few|many|some|most|several|other|these|those|the)\s+)?"
        rf"(?P<people>(?:[A-Za-z-]+\s+){{0,2}}?(?:{heads}))\s+"
        r"(?!of\b|in\b|from\b|at\b|who\b|that\b|with\b|and\b|or\b)[a-z]+\b"
    )


@cached  # built from the lexicons in force
def _role_words() -> frozenset[str]:
    """Words an article calls someone by when it refers back to them ("the activist")."""
    speakers = load("reporting")["speakers"]
    return frozenset(w for w in (*speakers["unnamed_heads"], *speakers["roles"]) if len(w) > 3)


# Words that put a statement on an occasion of its own, or on many.
_ANOTHER_OCCASION = re.compile(
    r"\b(?:ha(?:s|ve|d)\s+(?:\w+\s+)?(?:said|stated|told|claimed|argued|written|warned)|"
    r"repeatedly|often|several occasions|many occasions|at the time|previously|once|earlier)\b",
    re.IGNORECASE,
)
_CLAUSE_BOUNDARY = re.compile(r"(?:,\s*(?:and|but|while|whereas)|;)\s+")


def _said(
    text: str,
    attribution: Attribution,
    sentence: Segment,
    anchor: When | None,
    segments: Sequence[Segment],
    speaker: Actor | None,
    roles: frozenset[str] = frozenset(),
    said_before: When | None = None,
) -> When | None:
    """When the statement was made: a time expression in the attribution's own clause
    (outside the content); else, for a person, their last dated appearance in the three
    paragraphs before, by name or as "a(n) <role the article gave them>" ("An
    activist ... published a series of tweets on Tuesday, July 26"); else the time of their
    statement before (``said_before``), as a person quoted again is still on the occasion
    the article dated, unless the words say it was another ("has said on several
    occasions")."""
    first = min(span[0] for span in (attribution.source, attribution.cue, attribution.span) if span)
    # "The ministers met on July 15, and according to diplomatic sources they may have
    # agreed ...": the date belongs to the meeting, in a clause of its own.
    boundaries = list(_CLAUSE_BOUNDARY.finditer(text, sentence.start, first))
    clause_start = boundaries[-1].end() if boundaries else sentence.start
    reported_after_cue = attribution.cue is not None and attribution.cue[1] <= attribution.span[0]
    for start, _end, expression in find_times(text[sentence.start : sentence.end]):
        position = sentence.start + start
        if position < clause_start or any(s <= position < e for s, e in attribution.content):
            continue
        if reported_after_cue and position >= attribution.span[1]:
            # "cited the 'poor performance' of rebel brigades last October": the tail of
            # what was reported, not the time of reporting it.
            continue
        reference = None
        if is_anaphoric(expression) and anchor is not None:
            # "The next day, the ministry said ...": the day after the last one mentioned.
            reference = reference_time(text[max(0, position - 1000) : position], anchor.latest)
        return _resolve_time(expression, anchor, reference)
    if speaker is None or speaker.kind is not ActorKind.PERSON:
        return None
    if _ANOTHER_OCCASION.search(_outside(text, sentence, attribution.content)):
        return None
    names = [re.escape(fold(n)) for n in speaker.names if len(n) > 2]
    names += [rf"an? {re.escape(role)}" for role in roles]
    if not names:
        return said_before
    mentioned = _any_of(tuple(names))
    window = [s for s in segments if sentence.start - 1500 <= s.start < sentence.start]
    for previous in reversed(window):
        if mentioned.search(fold(previous.text)):
            quoted = _quote_spans(previous.text)
            times = [t for t in find_times(previous.text) if not _inside(t[0], quoted)]
            if times:
                return _resolve_time(times[0][2], anchor)
    return said_before


def _outside(text: str, sentence: Segment, spans: Sequence[Span]) -> str:
    """A sentence's words outside the given spans (what frames a statement, not what it says)."""
    pieces, position = [], sentence.start
    for start, end in sorted(spans):
        pieces.append(text[position : max(position, start)])
        position = max(position, end)
    pieces.append(text[position : sentence.end])
    return " ".join(pieces)


def _blogger_comments(page: Source, part: Source) -> list[Span]:
    """Spans (in the part's text) of the bracketed comments the page's author signed."""
    spans = []
    for author in page.authors:
        pattern = rf"\((?:[^()]|\([^()]*\))*?[—–-]\s*{re.escape(author)}\s*\)"
        spans += [(m.start(), m.end()) for m in re.finditer(pattern, part.text)]
    return spans


@attrs.frozen
class Extraction:
    """What extraction found in one page: its claims, and the actors they name that the
    registry did not hold as they are now (new ones, or known ones described more)."""

    claims: tuple[Claim, ...]
    actors: tuple[Actor, ...]


def extract_document(
    page: Source,
    parts: Sequence[Source] = (),
    *,
    actors: ActorRegistry | None = None,
    beliefs: bool = False,
) -> Extraction:
    """The claims of a page and of its pieces (``parts``), and the actors they name.

    ``actors`` is only read: what the page brings in is returned, so that analysing
    articles in any order finds the same (merge them with
    :func:`~claimtrack.actors.merge_actors`).
    """
    known = actors if actors is not None else ActorRegistry()
    local = known.copy()
    claims = _extract(page, local, parts=parts, beliefs=beliefs)
    for part in parts:
        claims += _extract(part, local, parent=page, beliefs=beliefs)
    named = dict.fromkeys(a for c in claims for a in (c.speaker, *c.via) if a is not None)
    found = [
        actor
        for actor_id in sorted(named)
        if (actor := local.get(actor_id)) is not None and known.get(actor_id) != actor
    ]
    return Extraction(claims=tuple(claims), actors=tuple(found))


def extract(
    source: Source,
    *,
    actors: ActorRegistry | None = None,
    parent: Source | None = None,
    parts: Sequence[Source] = (),
    beliefs: bool = False,
) -> list[Claim]:
    """The claims attributed in one source's text.

    ``actors`` resolves speakers and is only read (:func:`extract_document` also returns
    the actors met).  ``parent`` is the page a piece sits in (its author's bracketed
    comments in the piece are the author's claims, on the page); ``parts`` are pieces of
    this page, left to their own extraction.  ``beliefs`` also keeps attitude cues (believe,
    think, hope), which are not assertions.
    """
    known = actors if actors is not None else ActorRegistry()
    return _extract(source, known.copy(), parent=parent, parts=parts, beliefs=beliefs)


def _extract(
    source: Source,
    registry: ActorRegistry,
    *,
    parent: Source | None = None,
    parts: Sequence[Source] = (),
    beliefs: bool = False,
) -> list[Claim]:
    """:func:`extract` on a registry of this page's own, which it adds the actors it meets to."""
    text = source.text
    exclude = [
        (text.find(p.text), text.find(p.text) + len(p.text))
        for p in parts
        if p.text and text.find(p.text) >= 0
    ]
    blogger: list[Span] = []
    if parent is not None and parent.authors:
        blogger = _blogger_comments(parent, source)
    segments = list(sentences(text))
    speakers = _Speakers(registry, source, text, segments)
    anchor = _anchor(source)
    claims: list[Claim] = []
    previous: tuple[Actor | None, tuple[str, ...], When | None] | None = None
    last_said: dict[str, When] = {}
    starts = [s.start for s in segments]

    def sentence_at(position: int) -> Segment:
        return segments[max(0, bisect.bisect_right(starts, position) - 1)]

    speakers_by_index: list[tuple[Actor | None, tuple[str, ...]]] = []
    attributions = find_attributions(text, beliefs=beliefs, exclude=[*exclude, *blogger])
    headline_end, in_headline = _headline_end(text), []
    for attribution in attributions:
        sentence = sentence_at(
            attribution.span[0] if attribution.cue is None else attribution.cue[0]
        )
        via: tuple[str, ...] = ()
        if attribution.kind == "continuation":
            if previous is None:
                continue
            speaker, via, said = previous
        else:
            raw_mention = attribution.source_text(text)
            if raw_mention and not is_speaker(raw_mention, strict=True):
                raw_mention = ""  # no actor is named so: the speaker stays unknown
            if re.match(r"(?:a|an|the)\s+translation\b", raw_mention, re.IGNORECASE):
                continue  # a translator passes a claim on; handled as `via` of the claim
            mention = _split_mention(raw_mention)
            speaker = speakers.resolve(mention, attribution, sentence.start)
            via_names = list(mention.via)
            sentence_text = text[sentence.start : sentence.end]
            translation = re.search(
                r"according\s+to\s+(?:a|an|the)\s+translation\s+(?:from|by)\s+"
                r"((?:[A-Z][\w'-]*\s?){1,4})",
                sentence_text,
            )
            if translation:
                via_names.append(translation.group(1).strip())
            if attribution.hearer is not None:
                hearer = text[attribution.hearer[0] : attribution.hearer[1]]
                match = registry.resolve(hearer, introduced=speakers.introduced)
                if match is not None and match.actor.kind is ActorKind.PERSON:
                    via_names.append(match.actor.name)
            via_ids = []
            for name in via_names:
                match = registry.resolve(name, introduced=speakers.introduced)
                actor = (
                    match.actor if match else registry.add(Actor.named(name, kind=guess_kind(name)))
                )
                via_ids.append(actor.id)
            if attribution.outer is not None and attribution.outer < len(speakers_by_index):
                outer_speaker, outer_via = speakers_by_index[attribution.outer]
                if outer_speaker is not None:
                    via_ids += [outer_speaker.id, *outer_via]
            via = tuple(dict.fromkeys(via_ids))
            said = _said(text, attribution, sentence, anchor, segments, speaker,
                         speakers.roles_of(speaker),
                         last_said.get(speaker.id) if speaker else None)  # fmt: skip
        if speaker is not None and said is not None:
            last_said[speaker.id] = said
        if speaker is not None:
            speakers.spoke(speaker, sentence.start)
        previous = (speaker, via, said)
        speakers_by_index.append((speaker, via))
        if attribution.span[0] < headline_end:
            in_headline.append(len(claims))
        claims.append(_claim(source, text, attribution, speaker, via, said, anchor))
    for index in in_headline:
        claims[index] = _headline_speaker(claims[index], claims, speakers)

    for start, end in blogger:
        if parent is None:
            break
        author = registry.resolve(parent.authors[0])
        actor = (
            author.actor
            if author
            else registry.add(Actor.named(parent.authors[0], kind=ActorKind.PERSON))
        )
        offset = parent.text.find(source.text)
        if offset < 0:
            continue
        inner = _strip_span(parent.text, offset + start + 1, offset + end - 1, " ()")
        inner_text = re.sub(r"\s*[—–-]\s*\w+$", "", parent.text[inner[0] : inner[1]])
        attribution = Attribution("author", None, None, ((inner[0], inner[0] + len(inner_text)),))
        claims.append(_claim(parent, parent.text, attribution, actor, (), parent.published, None))

    if source.kind is SourceKind.COMMENT and source.authors:
        claims += _author_claims(source, registry, [a.span for a in attributions], segments)
    return claims


def _headline_end(text: str) -> int:
    """Where the headlines end: the first lines (a headline and its subheadlines), as long as
    they have no closing stop; 0 when the first line has one."""
    end = 0
    for line in re.finditer(r"[^\n]*", text):
        content = line.group(0).rstrip()
        if not content:
            continue
        if len(content) >= 200 or _ENDS_SENTENCE.search(content) or line.start() > 600:
            break
        end = line.start() + len(content)
    return end


def _headline_speaker(claim: Claim, claims: Sequence[Claim], speakers: _Speakers) -> Claim:
    """A headline names its speaker by role alone ("Activist confirms ..."), the article by
    name ("Activist “Muzamjar al-Sham” said"): the headline's speaker is the first speaker
    of the article described by that role, and it reports the same occasion."""
    actor = speakers.registry.get(claim.speaker) if claim.speaker else None
    if actor is None or actor.kind is not ActorKind.UNNAMED or " " in actor.name.strip():
        return claim
    noun = fold(actor.name).strip()
    forms = {noun, noun.removesuffix("s")}
    for other in claims:
        named = speakers.registry.get(other.speaker) if other.speaker else None
        if named is None or named.id == actor.id:
            continue
        if forms & speakers.roles_of(named):
            return attrs.evolve(claim, speaker=named.id, said=claim.said or other.said)
    # "Split From Parent Group 'Not Only Change Rebels Will See': Source" restates what the
    # article's speaker says ("The split from the parent group is not the only change the
    # rebels will see"): the headline's source is that speaker.
    body = [c for c in claims if c.speaker and c.speaker != actor.id and c.id != claim.id]
    if not body:
        return claim
    score, restated = max(((_restates(claim.text, c.text), c) for c in body),
                          key=lambda pair: pair[0])  # fmt: skip
    if score >= _RESTATES:
        return attrs.evolve(claim, speaker=restated.speaker, said=claim.said or restated.said)
    return claim


# How much of a headline's words a statement of the article must hold to restate it: most,
# as it settles who the headline's source is.
_RESTATES = 0.6


def _content_words(text: str) -> frozenset[str]:
    stop = frozenset(load("stopwords")["words"])
    return frozenset(
        w for w in re.findall(r"[a-z0-9]+", fold(text)) if len(w) > 2 and w not in stop
    )


def _restates(headline: str, statement: str) -> float:
    """The share of a headline's content words a statement holds (0 for a headline of
    fewer than three): "Split From Al-Qaeda 'Not Only Change Nusra Will See'" and "the
    split from al-Qaeda is not the only change Nusra will see" share all of them."""
    words = _content_words(headline)
    if len(words) < 3:
        return 0.0
    return len(words & _content_words(statement)) / len(words)


def _author_claims(source: Source, registry: ActorRegistry, taken: list[Span],
                   segments: Sequence[Segment]) -> list[Claim]:  # fmt: skip
    """Every assertion in a reader comment is the commenter's claim."""
    author = source.authors[0]
    scope = source.parent or source.id
    actor = registry.get(f"{scope}:{slugify(author)}") or registry.add(
        Actor(
            id=f"{scope}:{slugify(author)}",
            name=author,
            kind=ActorKind.PERSON,
            description=f"reader comment under {scope}",
        )
    )
    claims = []
    for sentence in segments:
        content = _strip_span(source.text, sentence.start, sentence.end, " \t\n•0123456789.")
        if content[0] >= content[1] or _words(source.text[content[0] : content[1]]) < 4:
            continue
        if any(s <= content[0] < e for s, e in taken):
            continue
        attribution = Attribution("author", None, None, (content,))
        claims.append(
            _claim(source, source.text, attribution, actor, (), source.published, _anchor(source))
        )
    return claims


def _claim(
    source: Source,
    text: str,
    attribution: Attribution,
    speaker: Actor | None,
    via: tuple[str, ...],
    said: When | None,
    anchor: When | None,
) -> Claim:
    start, end = attribution.span
    content = text[start:end]
    claim_text = content.strip().strip(_OPENING + _CLOSING + "'‘’").strip()
    for opening, closing in ("‘’", "“”"):
        if claim_text.count(opening) > claim_text.count(closing):
            claim_text += closing  # "… ‘Not Only Change They Will See’": an inner quote
    if len(attribution.content) > 1:
        claim_text = " … ".join(
            text[s:e].strip(_OPENING + _CLOSING) for s, e in attribution.content
        )
    claim_text = re.sub(r"[\s,;:]+$", "", " ".join(claim_text.split()))
    cues, modality = _cues(claim_text)
    stance = Stance.ASSERTS
    if attribution.kind == "denial":
        stance = Stance.DENIES
    elif attribution.kind == "question" or claim_text.endswith("?"):
        stance = Stance.QUESTIONS
    if attribution.cue is not None:
        cue_word = text[attribution.cue[0] : attribution.cue[1]].lower()
        if cue_word in ("claimed", "claims", "claiming", "alleged", "alleges", "alleging"):
            modality = Modality.REPORTED
    about = None
    times = find_times(claim_text)
    if times:
        base = said if said is not None and said.precision is Precision.DAY else anchor
        about = _resolve_time(times[0][2], base)
    return Claim.create(
        text=claim_text or content,
        source=source.id,
        quote=make_quote(text, start, end),
        speaker=None if speaker is None else speaker.id,
        via=via,
        said=said,
        about=about,
        stance=stance,
        modality=modality,
        cues=cues,
        direct=attribution.direct,
        recorded_by=EXTRACTOR,
    )
