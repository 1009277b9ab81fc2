"""Real-corpus audit: how precise are claimtrack's clusters and conflicts on real news?

Builds a corpus from a JSONL file of articles (PolNeAR by default: fields id, publisher,
published, title, text) exactly as a user would, one ``<id>.txt`` plus a TOML sidecar
``<id>.toml`` per article in a temporary folder, runs ``claimtrack.analyze(read_folder(...))``
and prints: throughput, claims, the share of claims in clusters of 2+, the cluster-size
distribution, the share of clusters of 2+ spanning more than one source, and conflicts per
100 articles by kind and by relation.

It then writes to ``--out`` a deterministic sample (``random.Random(seed)``) of 50
cross-source same-cluster pairs, drawn uniformly over all such pairs (a cluster is drawn
weighted by its number of cross-source pairs, then one of those pairs uniformly; duplicates
are redrawn), and 50 conflicts drawn uniformly: ``pairs.jsonl``, ``conflicts.jsonl``,
``summary.json`` and ``pairs.md`` / ``conflicts.md`` for a person to judge.  Judgments go in
``judgments.jsonl`` (``{"id", "verdict": "yes"|"no", "note"}``, one per line); when present
the judged precision (share of items judged yes) is printed.

Reproduce:

    python benchmarks/real_corpus_audit.py --out benchmarks/audit/before
    python benchmarks/real_corpus_audit.py --out benchmarks/audit/before --judged-only
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import claimtrack
from claimtrack import Analysis, Claim
from claimtrack.model import ActorKind

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "attribution" / "polnear-train.jsonl"
SAMPLE = 50
BUCKETS = {
    "1": (1, 1),
    "2": (2, 2),
    "3": (3, 3),
    "4-5": (4, 5),
    "6-10": (6, 10),
    "11+": (11, 10**9),
}
QUESTIONS = {
    "pairs": "Do A and B state the same proposition (same subject, same thing said of it, "
    "same event)? Being on the same topic is not enough.",
    "conflicts": "Is this a real conflict (A and B cannot both be true at the same time, "
    "about the same thing)?",
    "speakers": 'Did the named speaker (or, for "(no speaker)", nobody the passage names) '
    "assert or report the claim, as the passage shows? A wrong, partial or junk speaker is no.",
}
CONTEXT = 300
"""Characters of the article shown on each side of a sampled claim."""


def toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def write_corpus(rows: list[dict[str, Any]], folder: Path) -> None:
    for row in rows:
        (folder / f"{row['id']}.txt").write_text(row["text"], encoding="utf-8")
        meta = {
            "title": row.get("title"),
            "outlet": row.get("publisher"),
            "published": row.get("published"),
            "kind": "article",
        }
        lines = [f"{k} = {toml_string(str(v))}" for k, v in meta.items() if v]
        (folder / f"{row['id']}.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def bucket(size: int) -> str:
    return next(name for name, (lo, hi) in BUCKETS.items() if lo <= size <= hi)


def summarize(analysis: Analysis, articles: int, seconds: float) -> dict[str, Any]:
    claims = analysis.claims
    clusters = [c.claims for c in analysis.clusters]
    seen = {cid for members in clusters for cid in members}
    clusters += [(c.id,) for c in claims if c.id not in seen]  # unclustered = singletons
    source = {c.id: c.source for c in claims}
    multi = [m for m in clusters if len(m) >= 2]
    in_multi = sum(len(m) for m in multi)
    per100 = 100 / articles if articles else 0.0
    conflicts = analysis.conflicts
    return {
        "articles": articles,
        "seconds": round(seconds, 1),
        "articles_per_minute": round(articles / seconds * 60, 1) if seconds else None,
        "claims": len(claims),
        "clusters_2plus": len(multi),
        "claims_in_clusters_2plus_share": round(in_multi / len(claims), 4) if claims else 0.0,
        "cluster_sizes": {name: sum(bucket(len(m)) == name for m in clusters) for name in BUCKETS},
        "clusters_2plus_cross_source_share": round(
            sum(len({source[c] for c in m}) > 1 for m in multi) / len(multi), 4
        )
        if multi
        else 0.0,
        "actors": len(analysis.actors),
        "actors_unknown_kind_share": round(
            sum(a.kind is ActorKind.UNKNOWN for a in analysis.actors) / len(analysis.actors), 4
        )
        if analysis.actors
        else 0.0,
        "conflicts": len(conflicts),
        "conflicts_per_100_articles": round(len(conflicts) * per100, 1),
        "conflicts_per_100_by_kind": {
            str(k): round(n * per100, 1)
            for k, n in Counter(c.kind for c in conflicts).most_common()
        },
        "conflicts_per_100_by_relation": {
            str(k): round(n * per100, 1)
            for k, n in Counter(c.relation for c in conflicts).most_common()
        },
    }


def describe(claim: Claim, analysis: Analysis, names: dict[str, str]) -> dict[str, Any]:
    src = next(s for s in analysis.sources if s.id == claim.source)
    return {
        "text": claim.text,
        "speaker": names.get(claim.speaker or "", claim.speaker),
        "source": claim.source,
        "outlet": src.outlet,
        "date": str(src.published) if src.published else None,
    }


def sample_pairs(analysis: Analysis, rng: random.Random) -> list[tuple[Any, Claim, Claim]]:
    """Uniform over all cross-source same-cluster pairs, without enumerating them."""
    by_id = {c.id: c for c in analysis.claims}
    weighted: list[tuple[Any, list[Claim], int]] = []
    for cluster in sorted(analysis.clusters, key=lambda c: c.id):
        members = [by_id[cid] for cid in cluster.claims]
        per_source = Counter(c.source for c in members)
        n = len(members)
        cross = (n * n - sum(k * k for k in per_source.values())) // 2
        if cross:
            weighted.append((cluster, members, cross))
    total = sum(w for _, _, w in weighted)
    picked: dict[tuple[str, str], tuple[Any, Claim, Claim]] = {}
    while weighted and len(picked) < min(SAMPLE, total):
        cluster, members, _ = rng.choices(weighted, weights=[w for _, _, w in weighted])[0]
        a, b = rng.sample(members, 2)
        if a.source != b.source:  # rejection keeps the draw uniform over cross-source pairs
            picked.setdefault((min(a.id, b.id), max(a.id, b.id)), (cluster, a, b))
    return list(picked.values())


def write_samples(analysis: Analysis, out: Path, seed: int) -> None:
    rng = random.Random(seed)
    names = {a.id: a.name for a in analysis.actors}
    by_id = {c.id: c for c in analysis.claims}
    pairs = [
        {
            "id": f"pair-{i:02d}",
            "cluster": cluster.id,
            "cluster_size": len(cluster.claims),
            "a": describe(a, analysis, names),
            "b": describe(b, analysis, names),
        }
        for i, (cluster, a, b) in enumerate(sample_pairs(analysis, rng), 1)
    ]
    pool = sorted(analysis.conflicts, key=lambda c: c.id)
    conflicts = [
        {
            "id": f"conflict-{i:02d}",
            "conflict": c.id,
            "kind": str(c.kind),
            "relation": str(c.relation),
            "score": round(c.score, 4),
            "reason": c.reason,
            "a": describe(by_id[c.a], analysis, names),
            "b": describe(by_id[c.b], analysis, names),
        }
        for i, c in enumerate(rng.sample(pool, min(SAMPLE, len(pool))), 1)
    ]
    for name, items in (("pairs", pairs), ("conflicts", conflicts)):
        write_sample(out, name, items, seed)
    write_speakers(analysis, out, seed, names)


def write_speakers(analysis: Analysis, out: Path, seed: int, names: dict[str, str]) -> None:
    """50 claims drawn uniformly, each with its speaker and the passage it was read from."""
    rng = random.Random(f"{seed}-speakers")  # apart from the pairs' draw, which stays as it was
    texts = {s.id: s.text for s in analysis.sources}
    pool = sorted(analysis.claims, key=lambda c: c.id)
    items = []
    for i, claim in enumerate(rng.sample(pool, min(SAMPLE, len(pool))), 1):
        text, quote = texts.get(claim.source, ""), claim.quote
        start, end = (quote.start, quote.end) if quote is not None else (0, 0)
        passage = (text[max(0, start - CONTEXT) : start] + "[[" + text[start:end] + "]]"
                   + text[end : end + CONTEXT]) if quote is not None else ""  # fmt: skip
        items.append({"id": f"speaker-{i:02d}", "claim": claim.id,
                      "speaker": names.get(claim.speaker or "", claim.speaker),
                      "text": claim.text, "passage": " ".join(passage.split())})  # fmt: skip
    (out / "speakers.jsonl").write_text(
        "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items), encoding="utf-8"
    )
    md = [f"# speakers ({len(items)} sampled, seed {seed})", "", QUESTIONS["speakers"], ""]
    for n, it in enumerate(items, 1):
        md += [f"{n}. **{it['id']}** — speaker: {it['speaker'] or '(no speaker)'}",
               f"   - claim: “{it['text']}”", f"   - passage: {it['passage']}",
               "   - judgment:", ""]  # fmt: skip
    (out / "speakers.md").write_text("\n".join(md), encoding="utf-8")


def write_sample(out: Path, name: str, items: list[dict[str, Any]], seed: int) -> None:
    """One sample as JSON Lines and as Markdown for a reader to judge."""
    (out / f"{name}.jsonl").write_text(
        "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items), encoding="utf-8"
    )
    md = [f"# {name} ({len(items)} sampled, seed {seed})", "", QUESTIONS[name], ""]
    for n, it in enumerate(items, 1):
        md.append(f"{n}. **{it['id']}**")
        for side in ("a", "b"):
            s = it[side]
            md.append(
                f"   - {side.upper()}: “{s['text']}” — {s['speaker'] or '(no speaker)'} "
                f"({s['outlet']}, {s['date']})"
            )
        md += ["   - judgment:", ""]
    (out / f"{name}.md").write_text("\n".join(md), encoding="utf-8")


def print_summary(summary: dict[str, Any]) -> None:
    for key, value in summary.items():
        if isinstance(value, dict):
            print(f"{key}:")
            for k, v in value.items():
                print(f"  {k:>14}  {v}")
        else:
            print(f"{key}: {value}")


def print_judged(out: Path) -> None:
    path = out / "judgments.jsonl"
    if not path.exists():
        print(f"no judgments yet ({path})")
        return
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    for prefix in ("pair", "conflict", "speaker"):
        verdicts = [r["verdict"] for r in rows if str(r["id"]).startswith(prefix + "-")]
        if verdicts:
            yes = verdicts.count("yes")
            print(
                f"judged precision of {prefix}s: {yes}/{len(verdicts)} = {yes / len(verdicts):.0%}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "audit" / "latest")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--judged-only",
        action="store_true",
        help="only read --out/judgments.jsonl and print the judged precision",
    )
    args = parser.parse_args(argv)
    if args.judged_only:
        print_judged(args.out)
        return 0
    if not args.data.is_file():
        print(f"data file not found: {args.data} (pass --data PATH)", file=sys.stderr)
        return 2
    lines = args.data.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()][: args.limit]
    with tempfile.TemporaryDirectory(prefix="claimtrack-audit-") as tmp:
        write_corpus(rows, Path(tmp))
        start = time.perf_counter()
        analysis = claimtrack.analyze(claimtrack.read_folder(tmp))
        seconds = time.perf_counter() - start
    summary = summarize(analysis, len(rows), seconds)
    args.out.mkdir(parents=True, exist_ok=True)
    summary["data"], summary["seed"] = str(args.data.name), args.seed
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    write_samples(analysis, args.out, args.seed)
    print_summary(summary)
    print_judged(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
