"""The engine: it splits a text into sentences once and applies the layouts to each sentence
in the order :func:`find_attributions` documents."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from claimtrack.attribution.cues import (
    after_possessive,
    classify_cue,
    cue_table,
    retort_cue,
    unreliable_cues,
)
from claimtrack.attribution.headlines import headline_speaker_after, headline_speaker_before
from claimtrack.attribution.layouts import (
    block_intro,
    block_quote,
    colon_quote,
    coordinated_predicate,
    ends_block,
)
from claimtrack.attribution.reported import TERMINAL_RIGHT, attribution_at
from claimtrack.attribution.rules import word_set
from claimtrack.attribution.second_statements import coordinated_statement, participle_after
from claimtrack.attribution.senses import reporting_nothing
from claimtrack.attribution.spans import (
    Attribution,
    Span,
    is_inside,
    quote_spans,
    strip_span,
)
from claimtrack.attribution.speakers import is_speaker
from claimtrack.attribution.subjects import relative_antecedent, strip_auxiliaries
from claimtrack.attribution.validation import (
    attitudes_inside_reports,
    object_after_cue,
    speaker_before_parenthetical,
)
from claimtrack.text import Segment, fold, sentences

__all__ = ["find_attributions", "merge_continuations", "speaker_checked"]

_CAPITAL = re.compile(r"[A-Z]")  # mechanical: a name has a capital
_PLAIN_REPORTS = word_set("plain_reports")


def find_attributions(
    text: str,
    *,
    beliefs: bool = True,
    exclude: Sequence[Span] = (),
    segments: Sequence[Segment] | None = None,
) -> list[Attribution]:
    """Every attribution in ``text``, in order.

    ``beliefs`` keeps attitude cues (believe, think, hope...); ``exclude`` are spans of the
    text to leave alone (the pieces of a compilation page, handled as sources of their own);
    ``segments`` are the text's sentences when the caller has split it already.

    Each sentence is given to the layouts in this order; the first that takes it wins, except
    that every cue word of a sentence may make an attribution of its own (step 6):

    1. a paragraph that is a quote, inside a block of excerpts opened by step 2
       (:func:`~claimtrack.attribution.layouts.block_quote`);
    2. a line introducing excerpts ("The following are excerpts from the message:");
    3. a quote after a colon that ends what its speaker does ("X then turns to Y: "...""),
       when no cue word stands before the colon;
    4. a headline quoting its speaker before a colon ("Trump: I Will Win");
    5. a headline naming its speaker after a colon ("... to pull troops from Syria: Kremlin");
    6. each cue word (:func:`~claimtrack.attribution.cues.classify_cue`), left to right: a
       second statement by the speaker before it
       (:mod:`~claimtrack.attribution.second_statements`), else the reported-speech layouts
       (:func:`~claimtrack.attribution.reported.attribution_at`); one found inside another's
       content is passed on by the outer speaker (``outer``);
    7. a sentence that is a whole quote right after an attributed quote goes on with it
       (``continuation``).
    """
    pattern, _ = cue_table()
    quotes = quote_spans(text)
    found: list[Attribution] = []
    last_attributed_end = -10
    block: Attribution | None = None  # the excerpts a line ending in a colon introduced
    covered: list[Span] = []  # the excerpts taken
    for sentence in sentences(text) if segments is None else segments:
        if is_inside(sentence.start + 1, exclude) or any(
            s <= sentence.start < e for s, e in exclude
        ):
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
        if (before := headline_speaker_before(text, sentence, quotes)) is not None:
            found.append(before)
            continue
        after = headline_speaker_after(text, sentence)
        if after is not None:
            found.append(speaker_checked(text, after))
            continue
        taken: list[Span] = []
        attributed = False
        for match in pattern.finditer(text, sentence.start, sentence.end):
            if is_inside(match.start(), quotes) or is_inside(match.start(), taken):
                continue
            kind = classify_cue(text, match, sentence)
            if kind is None or (kind in ("belief", "evaluation") and not beliefs):
                continue
            if (coordinated := coordinated_statement(text, sentence, match, kind, found)) is None:
                coordinated = participle_after(text, sentence, match, kind, found)
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
            attribution = attribution_at(text, clause, match, kind, quotes)
            if attribution is None and outer is None:
                cue = (match.start(), match.end())
                attribution = coordinated_predicate(text, sentence.start, sentence.end, cue, kind)
            if attribution is None:
                continue
            if (
                attribution.source is not None
                and attribution.cue is not None
                and (retort := retort_cue(text, attribution.source, attribution.cue))
            ):
                source = strip_auxiliaries(text, retort[0])
                attribution = attrs.evolve(attribution, source=source, cue=retort[1])
            if attribution.source is not None and (
                antecedent := relative_antecedent(text, clause.start, attribution.source)
            ):
                attribution = attrs.evolve(attribution, antecedent=antecedent)
            if outer is not None:
                set_off = _set_off(text, attribution, sentence)
                named = _CAPITAL.search(attribution.source_text(text)) or (
                    set_off and is_speaker(attribution.speaker_text(text))
                )
                if not named or attribution.content in [f.content for f in found]:
                    continue
                sentence_wide = None
                if set_off:
                    sentence_wide = attribution_at(text, sentence, match, kind, quotes)
                if sentence_wide is not None and not _plain_report(text, found[outer]):
                    # "Around 30 to 70 people would show up to each event, he said.": the
                    # report set off at the end says the sentence, and the word before that
                    # was read as a cue ("show") reports nothing.
                    found[:] = _without(found, outer)
                    attribution = attrs.evolve(attribution, content=sentence_wide.content)
                else:
                    attribution = attrs.evolve(attribution, outer=outer)
            attribution = speaker_checked(text, attribution)
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
            stripped = strip_span(text, sentence.start, sentence.end, " \t\n")
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
    return attitudes_inside_reports(found)


def _without(found: list[Attribution], index: int) -> list[Attribution]:
    """The attributions without the one at ``index``, the others' ``outer`` kept pointing
    at the same attributions (and at none for the one removed)."""

    def outer_of(a: Attribution) -> int | None:
        if a.outer is None or a.outer < index:
            return a.outer
        return None if a.outer == index else a.outer - 1

    return [attrs.evolve(a, outer=outer_of(a)) for k, a in enumerate(found) if k != index]


def _set_off(text: str, attribution: Attribution, sentence: Segment) -> bool:
    """Whether an attribution inside another's content is set off by a comma and ends its
    clause with a verb of speech (", he said.", ", she noted.", ", according to the survey,"): a
    report of its own, not a verb of the content (an attitude verb there, ", he hopes", is
    more often wrong)."""
    if attribution.source is None or attribution.cue is None:
        return False
    if attribution.kind not in ("according", "speech"):
        return False
    if attribution.kind == "according":
        before = text[sentence.start : attribution.cue[0]].rstrip()
        after = text[attribution.source[1] : sentence.end]
    else:
        if attribution.cue[0] < attribution.source[0]:
            return False
        before = text[sentence.start : attribution.source[0]].rstrip()
        after = text[attribution.cue[1] : sentence.end]
    return before.endswith((",", "—", "–")) and (
        after.lstrip().startswith(",") or TERMINAL_RIGHT.match(after) is not None
    )


def _plain_report(text: str, attribution: Attribution) -> bool:
    """Whether an attribution's cue plainly reports ("said", "according to"), as a word read
    as a cue in a sentence another report ends ("show", "considered") seldom does."""
    return attribution.kind == "according" or (
        fold(attribution.cue_text(text)).strip().lower() in _PLAIN_REPORTS
    )


def speaker_checked(text: str, attribution: Attribution) -> Attribution:
    """The attribution, without its speaker when what stands there names nobody (dropping
    the whole attribution instead loses .03 of content F1 for .005 of source F1), or when its
    cue is a form that is seldom a report ("support", "attacks") or a noun after a possessive
    ("Sanders' plans")."""
    attribution = speaker_before_parenthetical(text, attribution)
    if attribution.source is None:
        return attribution
    if attribution.cue is not None and (
        after_possessive(text, attribution.cue[0])
        or object_after_cue(text, attribution.source, attribution.cue)
        or reporting_nothing(text, attribution.source, attribution.cue) is not None
    ):
        return attrs.evolve(attribution, source=None, antecedent=None)
    cue = fold(attribution.cue_text(text)).strip()
    if is_speaker(attribution.speaker_text(text)) and cue not in unreliable_cues():
        return attribution
    return attrs.evolve(attribution, source=None, antecedent=None)


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
