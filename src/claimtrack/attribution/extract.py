"""Who said what: attributed statements found in news prose, turned into claims.

Two layers.  :func:`find_attributions` (:mod:`~claimtrack.attribution.engine`) works on plain
text and finds the three parts of each attribution — the **source** (who), the **cue** (said,
according to, told...) and the **content** (what) — in every common layout of direct and
indirect speech.  :func:`extract` turns them into :class:`~claimtrack.model.Claim` values for
one source: it resolves the speaker with an :class:`~claimtrack.actors.ActorRegistry`, follows
the attribution chain (``via``), dates the statement (``said``, against the right anchor) and
what it is about (``about``), and records the stance and modality cues the conflict detector
needs.  Only content that states a proposition becomes a claim, in the speaker's words
(:mod:`~claimtrack.attribution.propositions`): "asked him a question" stays an attribution,
and "Now that X claimed that Y, the nominee had explaining to do" claims Y alone.

Reporting verbs and cue phrases live in ``resources/reporting.toml``; hedges in
``resources/hedges.toml``.

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
from collections.abc import Sequence

import attrs

from claimtrack.actors import ActorRegistry, guess_kind
from claimtrack.anchoring import make_quote
from claimtrack.attribution.dating import anchor_of, resolve_time, when_said
from claimtrack.attribution.engine import find_attributions, merge_continuations
from claimtrack.attribution.headlines import headline_speaker, headlines_end
from claimtrack.attribution.propositions import (
    asserts_nothing,
    speakers_words_end,
    speakers_words_start,
    states_nothing,
)
from claimtrack.attribution.rules import pattern
from claimtrack.attribution.spans import (
    CLOSING,
    OPENING,
    Attribution,
    Span,
    count_words,
    strip_span,
    whole_word,
)
from claimtrack.attribution.speaker_phrases import split_mention
from claimtrack.attribution.speaker_resolution import Speakers
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
from claimtrack.resources import load
from claimtrack.text import Segment, sentences
from claimtrack.time.finder import find_times

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


_NEGATION = pattern("negation")
_TRANSLATION_MENTION = pattern("translation_mention")
_TRANSLATION_VIA = pattern("translation_via")
# Mechanical: a dash and the signature a bracketed comment ends with; punctuation that ends
# a claim's text.
_SIGNATURE = re.compile(r"\s*[—–-]\s*\w+$")
_TRAILING_PUNCTUATION = re.compile(r"[\s,;:]+$")


def _cues(text: str) -> tuple[list[Cue], Modality]:
    """Hedge and negation cues in a claim's text (longest first, never overlapping), and the
    modality they give."""
    hedges = load("hedges")
    cues: list[Cue] = []
    modality = Modality.CERTAIN
    words = [(w, level) for level in ("possible", "probable") for w in hedges[level]]
    for word, level in sorted(words, key=lambda wl: -len(wl[0])):
        for found in whole_word(word, re.IGNORECASE).finditer(text):
            if any(c.start < found.end() and found.start() < c.end for c in cues):
                continue
            cues.append(Cue(kind=f"hedge:{level}", text=found.group(0), start=found.start(),
                            end=found.end()))  # fmt: skip
            if level == "possible" or modality is Modality.CERTAIN:
                modality = Modality.POSSIBLE if level == "possible" else Modality.PROBABLE
    for found in _NEGATION.finditer(text):
        cues.append(Cue(kind="negation", text=found.group(0), start=found.start(), end=found.end()))
    return sorted(cues, key=lambda c: (c.start, c.kind)), modality


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
    speakers = Speakers(registry, source, text, segments)
    anchor = anchor_of(source)
    claims: list[Claim] = []
    previous: tuple[Actor | None, tuple[str, ...], When | None] | None = None
    last_said: dict[str, When] = {}
    starts = [s.start for s in segments]

    def sentence_at(position: int) -> Segment:
        return segments[max(0, bisect.bisect_right(starts, position) - 1)]

    speakers_by_index: list[tuple[Actor | None, tuple[str, ...]]] = []
    attributions = find_attributions(
        text, beliefs=beliefs, exclude=[*exclude, *blogger], segments=segments
    )
    headline_end, in_headline, silent = headlines_end(text), [], set()
    for attribution in attributions:
        sentence = sentence_at(
            attribution.span[0] if attribution.cue is None else attribution.cue[0]
        )
        attribution = _speakers_words(text, sentence, attribution)
        via: tuple[str, ...] = ()
        if attribution.kind == "continuation":
            if previous is None:
                continue
            speaker, via, said = previous
            speaker = speakers.continued(speaker, sentence.start)
        else:
            raw_mention = attribution.speaker_text(text)
            if raw_mention and not is_speaker(raw_mention, strict=True):
                raw_mention = ""  # no actor is named so: the speaker stays unknown
            if _TRANSLATION_MENTION.match(raw_mention):
                continue  # a translator passes a claim on; handled as `via` of the claim
            mention = split_mention(raw_mention)
            speaker = speakers.resolve(mention, attribution, sentence.start)
            via_names = list(mention.via)
            sentence_text = text[sentence.start : sentence.end]
            translation = _TRANSLATION_VIA.search(sentence_text)
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
            said = when_said(text, attribution, sentence, anchor, segments, speaker,
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
        if states_nothing(attribution.cue_text(text), attribution.content_text(text),
                          direct=attribution.direct or attribution.kind == "denial"):  # fmt: skip
            silent.add(len(claims))  # a topic or a thing: an attribution, but no claim
        claims.append(_claim(source, text, attribution, speaker, via, said, anchor))
    for index in in_headline:
        claims[index] = headline_speaker(claims[index], claims, speakers)
    claims = [c for i, c in enumerate(claims) if i not in silent]

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
        inner = strip_span(parent.text, offset + start + 1, offset + end - 1, " ()")
        inner_text = _SIGNATURE.sub("", parent.text[inner[0] : inner[1]])
        attribution = Attribution("author", None, None, ((inner[0], inner[0] + len(inner_text)),))
        claims.append(_claim(parent, parent.text, attribution, actor, (), parent.published, None))

    if source.kind is SourceKind.COMMENT and source.authors:
        claims += _author_claims(source, registry, [a.span for a in attributions], segments)
    return [c for c in claims if not asserts_nothing(c.text)]


def _speakers_words(text: str, sentence: Segment, attribution: Attribution) -> Attribution:
    """The attribution with its reported content cut where the speaker's words stop and the
    narration goes on (:func:`~claimtrack.attribution.propositions.speakers_words_end`)."""
    if attribution.direct or len(attribution.content) != 1 or attribution.cue is None:
        return attribution
    start, end = attribution.content[0]
    if not sentence.start <= start <= sentence.end:
        return attribution
    # A hearer stands right after its cue ("told MSNBC his ..."), not before it.
    told = attribution.cue_text(text) if attribution.cue[1] <= start else ""
    begin = start + speakers_words_start(text[start:end], told)
    cut = speakers_words_end(text[sentence.start : begin], text[begin:end])
    if begin == start and cut >= end - start:
        return attribution
    return attrs.evolve(attribution, content=(strip_span(text, begin, begin + cut),))


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
        content = strip_span(source.text, sentence.start, sentence.end, " \t\n•0123456789.")
        if content[0] >= content[1] or count_words(source.text[content[0] : content[1]]) < 4:
            continue
        if any(s <= content[0] < e for s, e in taken):
            continue
        attribution = Attribution("author", None, None, (content,))
        claims.append(
            _claim(source, source.text, attribution, actor, (), source.published, anchor_of(source))
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
    claim_text = content.strip().strip(OPENING + CLOSING + "'‘’").strip()
    for opening, closing in ("‘’", "“”"):
        if claim_text.count(opening) > claim_text.count(closing):
            claim_text += closing  # "… ‘Not Only Change They Will See’": an inner quote
    if len(attribution.content) > 1:
        claim_text = " … ".join(text[s:e].strip(OPENING + CLOSING) for s, e in attribution.content)
    claim_text = _TRAILING_PUNCTUATION.sub("", " ".join(claim_text.split()))
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
        about = resolve_time(times[0][2], base)
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
