"""A template-heavy synthetic corpus, and how well claimtrack's clustering keeps apart claims
that share a sentence frame but not a proposition.

    python benchmarks/template_corpus.py --claims 10000 --seed 0

runs ``cluster_texts`` (default threshold) on the corpus and prints B-cubed precision, recall
and F1 against the propositions, the number of clusters, the seconds; then what the
propositions that share a cluster differ in, how many of the pairs of propositions that
differ in one slot only share a cluster, and example false merges.

A proposition is one of 31 news frames (``template_frames.py``: "{S} will cut {N} jobs in
{X}, the company said {T}") filled with a subject S, an object or place X, a number N and
a time T.  Names are built from syllables and drawn with a Zipf long tail (a few subjects
in many propositions); some are prone to transliteration variants (al-/el-, Abu/Abou,
Mohammad/Mohamed, Qaeda/Qaida).  A share of the propositions are siblings of an earlier
one: the same frame and slots but one (another country, company, number or day), which
must NOT cluster with it.  Each proposition is stated k times (45% once, else 2-10, skewed
low), each statement rewritten: another template of the frame (clauses reordered), synonym
verbs, framing ("Reuters reported"), a dropped word, a one-character typo, a name variant,
the number or date spelled another way ("22,700" / "22700" / "about 22,700").  S, X, N and
T are always kept, and a different number or time is a different proposition (even
"Tuesday" vs "Friday").  Pure standard library; a million claims take about 20 s.

>>> items = generate(2000, seed=1)
>>> len(items), generate(2000, seed=1) == items
(2000, True)
>>> 500 < len({i.proposition for i in items}) < 1000
True
"""

from __future__ import annotations

import argparse
import gc
import random
import re
import resource
import sys
import time
from bisect import bisect
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from itertools import accumulate, combinations, product
from pathlib import Path
from typing import NamedTuple, TypeVar

sys.path.insert(0, str(Path(__file__).parent))

import template_frames as data

Entity = tuple[str, ...]  # a name's canonical spelling, then its variants
Number = int | float | tuple[int, int]  # (millions, cents a share) for earnings
When = str | tuple[int, int]  # a weekday, or (month - 1, day)
Prop = tuple[int, Entity, Entity, Number, When]  # frame, S, X, N, T
SLOTS = ("subject", "object/place", "number", "time")
FRAME_NAMES = list(data.FRAMES)
T = TypeVar("T")


class Item(NamedTuple):
    """A claim, the proposition it states, and that proposition's frame and slot values."""

    text: str
    proposition: int
    frame: str
    slots: tuple[str, str, str, str]  # canonical subject, object/place, number, time


def _pick(rng: random.Random, choices: Sequence[T]) -> T:
    """``rng.choice``, about three times faster."""
    return choices[int(rng.random() * len(choices))]


def _variants(name: str) -> Entity:
    found = [name.replace(p, r) for p, rs in data.VARIANTS if p in name for r in rs]
    return (name, *sorted(set(found) - {name}))


class _Pool:
    """Entities drawn with Zipf-Mandelbrot weights: rank r (from 1) in proportion to
    1 / (r + 10), so that the most frequent name is in about 2% of the draws, not 15%."""

    def __init__(self, rng: random.Random, entities: Sequence[Entity]) -> None:
        self.entities = list(entities)
        rng.shuffle(self.entities)
        self.cumulative = list(accumulate(1 / (r + 10) for r in range(1, len(self.entities) + 1)))

    def draw(self, rng: random.Random) -> Entity:
        return self.entities[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


def _pools(rng: random.Random, size: int) -> dict[str, _Pool]:
    def word() -> str:
        return "".join(rng.choice(data.SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()

    def names(make: Callable[[], str], count: int) -> _Pool:
        return _Pool(rng, [_variants(n) for n in sorted({make() for _ in range(count)})])

    return {
        "company": names(lambda: word() + rng.choice(data.COMPANY_SUFFIXES), size // 20),
        "person": names(lambda: f"{rng.choice(data.FIRST_NAMES)} {rng.choice(['', 'al-'])}{word()}"
                        .replace("_", " "), size // 40),
        "group": names(lambda: rng.choice(data.GROUPS).format(word()), size // 60),
        "party": names(lambda: rng.choice(data.PARTIES).format(word()), size // 100),
        "city": names(lambda: rng.choice(data.CITIES).format(word()), size // 20),
        "country": _Pool(rng, data.COUNTRIES),
        "quarter": _Pool(rng, data.QUARTERS),
    }  # fmt: skip


def _number(rng: random.Random, kind: str) -> Number:
    if kind == "count":
        value = int(10 ** rng.uniform(2, 4.8))
        return round(value, -2 if value >= 1000 else -1)
    if kind == "small":
        return min(150, 2 + int(rng.expovariate(1 / 12)))
    if kind == "money":  # millions of dollars
        value = int(10 ** rng.uniform(0.7, 4))
        return round(value, -2) if value >= 1000 else value
    if kind == "earnings":  # millions of dollars, cents a share
        return (rng.randint(2, 900), rng.randint(1, 250))
    return round(rng.uniform(5, 70) if kind == "percent" else rng.uniform(0.5, 25), 1)


def _number_text(rng: random.Random, kind: str, v: Number) -> str:
    if kind == "count" and isinstance(v, int):
        forms = [f"{v:,}", str(v), f"about {v:,}", f"some {v:,}"]
    elif kind == "small" and isinstance(v, int):
        forms = [str(v), f"at least {v}", *data.NUMBER_WORDS[v : v + 1]]
    elif kind == "money" and isinstance(v, int) and v >= 1000:
        b = f"{v / 1000:g}"
        forms = [f"${b} billion", f"${b} bln", f"${v:,} million", f"US${b} billion"]
    elif kind == "money":
        forms = [f"${v} million", f"${v} mln", f"{v} million dollars", f"US${v} million"]
    elif kind == "earnings" and isinstance(v, tuple):
        m, c = v
        forms = [f"${m} million, or {c} cents a share", f"${m} mln, or {c} cents per share",
                 f"${m} million, or ${c / 100:.2f} a share"]  # fmt: skip
    else:
        forms = [f"{v} percent", f"{v}%", f"{v} per cent"]
    return _pick(rng, forms)


def _time(rng: random.Random) -> When:
    return _pick(rng, data.WEEKDAYS) if rng.random() < 0.6 else (rng.randrange(12),
                                                                 rng.randint(1, 28))  # fmt: skip


def _time_text(rng: random.Random, t: When) -> str:
    if isinstance(t, str):
        return _pick(rng, (f"on {t}", t))
    month, day = t
    name = data.MONTHS[month]
    return _pick(rng, (f"on {name} {day}", f"on {day} {name}", f"on {name[:3]}. {day}"))


_CHOICE = re.compile(r"\[([^\]]+)\](\S*)")


def _expand(template: str) -> tuple[list[str], list[str]]:
    """Format strings for every choice of synonyms in a template, and for every choice with
    one word (not a slot) dropped."""
    tokens = template.split()
    options = [[o.replace("_", " ") + m[2] for o in m[1].split("|")]
               if (m := _CHOICE.fullmatch(t)) else [t] for t in tokens]  # fmt: skip
    full = [list(words) for words in product(*options)]
    dropped = [" ".join(w[:i] + w[i + 1 :]) for w in full for i, t in enumerate(tokens)
               if "{" not in t]  # fmt: skip
    return [" ".join(w) for w in full], dropped


_TEMPLATES = [[_expand(t) for t in spec[3]] for spec in data.FRAMES.values()]


def _typo(rng: random.Random, text: str) -> str:
    """A letter dropped, doubled or swapped with the next in a random word of ``text``, if
    that word is all letters and long enough."""
    words = text.split(" ")
    i = int(rng.random() * len(words))
    if len(w := words[i]) >= 5 and w.isalpha():
        k = rng.randrange(1, len(w) - 2)
        words[i] = _pick(rng, (w[:k] + w[k + 1 :], w[:k] + w[k] + w[k:],
                               w[:k] + w[k + 1] + w[k] + w[k + 2 :]))  # fmt: skip
    return " ".join(words)


def _render(rng: random.Random, prop: Prop) -> str:
    """One statement of a proposition, rewritten; the slots' values are kept."""
    frame, subject, other, number, when = prop
    full, dropped = _pick(rng, _TEMPLATES[frame])
    template = _pick(rng, dropped if rng.random() < 0.2 else full)
    if rng.random() < 0.1:  # a typo in the frame's words...
        template = _typo(rng, template)
    s = subject[0] if len(subject) == 1 or rng.random() < 0.6 else _pick(rng, subject[1:])
    if rng.random() < 0.05:  # ... or in the subject's name
        s = _typo(rng, s)
    x = other[0] if len(other) == 1 or rng.random() < 0.6 else _pick(rng, other[1:])
    n = _number_text(rng, data.FRAMES[FRAME_NAMES[frame]][2], number)
    text = template.format(S=s, X=x, N=n, T=_time_text(rng, when))
    if rng.random() < 0.3:
        framing = _pick(rng, data.FRAMINGS)
        text = text + framing if framing[0] == "," else framing + text
    return text[0].upper() + text[1:]


def _statements(rng: random.Random) -> int:
    """How many times a proposition is stated: 45% once, else 2-10, skewed towards 2."""
    return 1 if rng.random() < 0.45 else min(10, 2 + int(rng.expovariate(0.5)))


def generate(n: int, seed: int = 0, *, siblings: float = 0.4) -> list[Item]:
    """``n`` claims in shuffled order, always the same for a seed.  A share ``siblings`` of
    the propositions copy an earlier one but for one slot."""
    rng = random.Random(seed)
    pools = _pools(rng, max(n, 4000))
    props: list[Prop] = []
    seen: set[Prop] = set()
    items: list[Item] = []
    collecting = gc.isenabled()
    gc.disable()  # millions of new tuples: the cyclic collector would take most of the time
    while len(items) < n:
        if props and rng.random() < siblings:  # the slot ``changed`` is drawn anew
            frame, s, x, number, when = props[int(rng.random() * len(props))]
            changed = rng.randrange(4)
        else:  # all are
            frame, changed = rng.randrange(len(FRAME_NAMES)), -1
        kinds = data.FRAMES[FRAME_NAMES[frame]]
        s = pools[kinds[0]].draw(rng) if changed in (-1, 0) else s
        x = pools[kinds[1]].draw(rng) if changed in (-1, 1) else x
        number = _number(rng, kinds[2]) if changed in (-1, 2) else number
        when = _time(rng) if changed in (-1, 3) else when
        prop = (frame, s, x, number, when)
        if prop in seen or prop[1] == prop[2]:
            continue
        seen.add(prop)
        slots = (prop[1][0], prop[2][0], str(prop[3]), str(prop[4]))
        name = FRAME_NAMES[prop[0]]
        items += (Item(_render(rng, prop), len(props), name, slots)
                  for _ in range(_statements(rng)))  # fmt: skip
        props.append(prop)
    del items[n:]
    rng.shuffle(items)
    if collecting:
        gc.enable()
    return items


def _kind(a: Item, b: Item) -> str:
    if a.frame != b.frame:
        return "different frames"
    differ = [s for s, x, y in zip(SLOTS, a.slots, b.slots, strict=True) if x != y]
    return "same frame, differ in " + "+".join(differ)


def report(items: Sequence[Item], labels: Sequence[int], examples: int = 5) -> None:
    """Print what the propositions sharing a cluster differ in, and example false merges."""
    rng = random.Random(0)
    clusters: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        clusters[label].append(i)
    kinds: Counter[str] = Counter()
    pairs: dict[str, tuple[int, int, int]] = {}
    mixed = 0
    for members in clusters.values():
        members.sort(key=lambda i: items[i].proposition)
        runs = Counter(items[i].proposition for i in members)
        if len(runs) < 2:
            continue
        mixed += len(members)
        start = 0  # members[start:start + run]: one proposition's claims
        while start < len(members):
            run = runs[items[members[start]].proposition]
            for i in members[start : start + run]:  # against a random claim of another
                r = int(rng.random() * (len(members) - run))
                j = members[r if r < start else r + run]
                kind = _kind(items[i], items[j])
                kinds[kind] += 1
                pairs.setdefault(kind, (i, j, len(members)))
            start += run
    print(f"claims in a cluster holding another proposition: {mixed} of {len(items)}; "
          "what a random co-member of another proposition differs in:")  # fmt: skip
    for kind, count in kinds.most_common(8):
        print(f"  {count / max(1, mixed):6.1%}  {kind}")
    by_prop = {item.proposition: item for item in items}
    prop_labels: dict[int, set[int]] = defaultdict(set)
    for item, label in zip(items, labels, strict=True):
        prop_labels[item.proposition].add(label)
    print("pairs of propositions that differ in one slot only: in one cluster / all")
    for s, slot in enumerate(SLOTS):
        groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for p, item in by_prop.items():
            groups[(item.frame, *item.slots[:s], *item.slots[s + 1 :])].append(p)
        found = [pair for g in groups.values() for pair in combinations(g, 2)]
        merged = sum(1 for p, q in found if prop_labels[p] & prop_labels[q])
        print(f"  {slot:13s} {merged:7d} / {len(found):7d} = {merged / max(1, len(found)):.1%}")
    print("example false merges (two propositions in one cluster):")
    for kind, _ in kinds.most_common(examples):
        i, j, size = pairs[kind]
        print(f"  [{kind}; cluster of {size}]\n    {items[i].text}\n    {items[j].text}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    from claimtrack.evaluation import bcubed
    from claimtrack.linking.clustering import cluster_texts

    start = time.perf_counter()
    items = generate(args.claims, args.seed)
    generated = time.perf_counter() - start
    start = time.perf_counter()
    labels = cluster_texts([item.text for item in items])
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    score = bcubed({i: it.proposition for i, it in enumerate(items)}, dict(enumerate(labels)))
    print(f"claims {len(items)}, propositions {len({it.proposition for it in items})}, "
          f"seed {args.seed}, generated in {generated:.1f} s")  # fmt: skip
    print(f"B-cubed precision {score.precision:.4f}  recall {score.recall:.4f}  F1 {score.f1:.4f}")
    print(f"clusters {len(set(labels))}, clustering {seconds:.1f} s, peak RSS {peak:.0f} MB")
    sys.stdout.flush()
    report(items, labels)


if __name__ == "__main__":
    main()
