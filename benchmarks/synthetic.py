"""A deterministic synthetic corpus of news-like claims, for benchmarks at any size.

Each proposition is an actor doing something to an object, at a place ("Jabhat al-Nusra
breaks ties with al-Qaeda in Idlib"), built from generated names so that the corpus has a
realistic long tail of rare words.  Each proposition is stated several times with the
rewrites that real reports show: synonym swaps, dropped words, reordered clauses, added
framing ("officials say"), transliteration variants (al-/el-, Qaeda/Qaida) and typos.

    >>> claims = generate(20, seed=1)
    >>> len(claims), claims[0].proposition == claims[1].proposition
    (20, True)
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import attrs

SYLLABLES = [
    "al",
    "ba",
    "ka",
    "ra",
    "sha",
    "mi",
    "dor",
    "tan",
    "vel",
    "qu",
    "zar",
    "ne",
    "lo",
    "fi",
    "ha",
    "jo",
    "lan",
    "mur",
    "sem",
    "ti",
    "wa",
    "yus",
    "ek",
    "or",
]
VERBS = [
    ("breaks ties with", "cuts ties with", "splits from"),
    ("attacks", "strikes", "launches an assault on"),
    ("captures", "seizes", "takes control of"),
    ("negotiates with", "holds talks with", "opens talks with"),
    ("condemns", "denounces", "criticizes"),
    ("funds", "finances", "bankrolls"),
    ("merges with", "joins forces with", "unites with"),
    ("kills", "assassinates", "executes"),
]
FRAMES = [
    "",
    "",
    "",
    "officials say ",
    "reports: ",
    "sources claim ",
    "breaking: ",
    "according to witnesses, ",
]
VARIANTS = {
    "al-": ["el-", "al ", ""],
    "qaeda": ["qaida", "qaedah"],
    "mohammad": ["mohamed"],
    "nusra": ["nusrah"],
    "abu": ["abou"],
}


@attrs.frozen
class SyntheticClaim:
    id: str
    text: str
    proposition: int


def _name(rng: random.Random, parts: int) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(parts))
    return word.capitalize()


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    names = {f"{_name(rng, 4)} {_name(rng, 4)}" for _ in range(size)}
    return sorted(names)


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1 :] if rng.random() < 0.5 else word[:i] + word[i] + word[i:]


def _rewrite(rng: random.Random, actor: str, verb: tuple[str, ...], target: str, place: str
             ) -> str:  # fmt: skip
    words = [actor, rng.choice(verb), target]
    if rng.random() < 0.7:
        words += ["in", place]
    if rng.random() < 0.2:  # reorder: the place first
        words = words[-2:] + words[:-2] if len(words) > 3 else words
    text = rng.choice(FRAMES) + " ".join(words)
    tokens = text.split()
    if rng.random() < 0.3 and len(tokens) > 4:  # drop a word
        del tokens[rng.randrange(len(tokens))]
    if rng.random() < 0.2:  # a typo
        i = rng.randrange(len(tokens))
        tokens[i] = _typo(rng, tokens[i])
    text = " ".join(tokens)
    for pattern, choices in VARIANTS.items():
        if pattern in text.lower() and rng.random() < 0.3:
            text = text.replace(pattern, rng.choice(choices))
    return text


def generate(n: int, *, seed: int = 0, per_proposition: int = 8) -> list[SyntheticClaim]:
    """``n`` claims, about ``n / per_proposition`` propositions, always the same for a seed."""
    rng = random.Random(seed)
    propositions = max(1, n // per_proposition)
    # Every name takes part in about two propositions, every place in about four: a long tail
    # of rare words, as in news.
    names = _vocabulary(rng, max(50, propositions))
    places = _vocabulary(rng, max(20, propositions // 4))
    plan = [
        (rng.choice(names), rng.choice(VERBS), rng.choice(names), rng.choice(places))
        for _ in range(propositions)
    ]
    claims = []
    for i in range(n):
        p = i * propositions // n
        actor, verb, target, place = plan[p]
        claims.append(SyntheticClaim(id=f"c{i:08d}", text=_rewrite(rng, actor, verb, target, place),
                                     proposition=p))  # fmt: skip
    return claims


def texts(n: int, *, seed: int = 0) -> Iterator[str]:
    """Just the texts."""
    return (c.text for c in generate(n, seed=seed))
