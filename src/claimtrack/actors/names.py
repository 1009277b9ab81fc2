"""Names and titles in a mention: a title split from the name ("Russian Foreign Minister
Sergei Lavrov"), and a described speaker told from a named one ("a senior U.S. official")."""

from __future__ import annotations

import re

from claimtrack.actors.vocabulary import institution_words, speaker_class
from claimtrack.resources import cached, load
from claimtrack.text import fold, transliterator

__all__ = [
    "NAME_CAPITAL",
    "NAME_PARTICLE",
    "OUTLET_NOUN",
    "TITLE_HEAD",
    "description_head",
    "is_title",
    "is_unnamed",
    "repaired_name",
    "split_title",
    "strip_title",
]


# The capital a name's word begins with, Latin-1's accented ones too ("Émile", "Ñ").
NAME_CAPITAL = "A-ZÀ-ÖØ-Þ"  # not "×", which sits among them


def repaired_name(name: str) -> str:
    """A name read back from mojibake, word by word: a text encoded as UTF-8 and read as
    cp1252, once or twice ("FranÃ§ois" -> "François"); any other word is left as it is.

    >>> repaired_name("FranÃ§ois Delattre")
    'François Delattre'
    >>> repaired_name("Arturo SarukhÃƒÂ¡n")
    'Arturo Sarukhán'
    """
    return " ".join(_repaired_word(w) for w in name.split(" "))


def _repaired_word(word: str) -> str:
    for _ in range(2):  # "SarukhÃƒÂ¡n" was decoded wrongly twice
        try:
            again = word.encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return word
        if again == word:
            return word
        word = again
    return word


def strip_title(name: str) -> str:
    """'Sen. Lindsey Graham' -> 'Lindsey Graham'; titles are not part of a name, nor are the
    quotation marks of 'activist “Muzamjar al-Sham”' (a pseudonym)."""
    return split_title(name)[1]


def is_unnamed(mention: str) -> bool:
    """Whether a mention describes a speaker without naming one ("a senior U.S. official",
    "opposition sources", "one of the sources", "the conference speaker").  The words that
    decide are data: ``resources/reporting.toml`` [speakers]."""
    words = fold(mention).split()
    if not words:
        return False
    speakers = load("reporting")["speakers"]
    if words[0] in speakers["unnamed_openers"]:
        return True
    # The head noun comes before any prepositional phrase: "sources in the ministry".
    before_preposition = description_head(" ".join(words)).split()
    if len(before_preposition) < len(words):
        words = before_preposition
        mention = " ".join(mention.split()[: len(words)])
    head = _NOT_LETTER.sub("", words[-1])
    # "lawyers with the project", "prosecutors": a plural of a noun for people, lowercase.
    plural = (
        head.endswith("s")
        and mention.split()[-1][:1].islower()
        and speaker_class(head.removesuffix("s")) in speakers["described_classes"]
    )
    described = (
        head in speakers["unnamed_heads"]
        or plural
        or (
            # "the conference speaker", "the 71-year-old diplomat": a noun for people, lowercase.
            words[0] in speakers["definite_openers"]
            and speaker_class(words[-1]) in speakers["described_classes"]
        )
    )
    if len(words) == 1:
        return head in speakers["unnamed_heads"] or plural
    return described and not any(w[:1].isupper() for w in mention.split()[-1:])


def description_head(mention: str) -> str:
    """The words of a mention before what ends its head: 'sources in the ministry' ->
    'sources'; 'people familiar with the talks' -> 'people'."""
    return _head_enders().split(mention, maxsplit=1)[0]


# Mechanical: what is not a letter of a folded word.
_NOT_LETTER = re.compile(r"[^a-z]")


@cached  # built from the lexicons in force
def _head_enders() -> re.Pattern[str]:
    enders = load("reporting")["speakers"]["head_enders"]
    words = "|".join(re.escape(w).replace(r"\ ", r"\s") for w in enders)
    return re.compile(rf"\s(?:{words})\s")


NAME_PARTICLE = (
    rf"(?:{transliterator().article.joined_pattern}-[\w'’-]+|"
    rf"{transliterator().article.apart_pattern}|bin|ibn|bint|abu|de|da|del|van|von|der|la|le)"
)
"""Lower-case words that belong to a person's name: "al-Sham", "bin", "van"."""


# The word a title ends in ("Russian Foreign Minister", "State Department spokesman"), with
# the portfolios of "Secretary of State" and "Chief of Staff" as part of it.
TITLE_HEAD = (
    r"(?:mr|mrs|ms|dr|sen|senator|rep|representative|gov|governor|gen|general|col|colonel|lt|"
    r"capt|captain|adm|admiral|brig|sgt|president|premier|chancellor|minister|"
    r"secretary(?:-general)?|spokes(?:man|woman|person)|adviser|advisor|ambassador|envoy|"
    r"commander|leader|chief|director|chairman|chairwoman|judge|justice|mayor|king|queen|"
    r"prince|princess|emir|sheikh|shaykh|imam|cleric|prof|professor|activist|analyst|blogger|"
    r"journalist|researcher|scholar|lawyer|attorney|historian|economist|founder|editor|"
    r"correspondent|coordinator)\.?"
    r"(?:\s+of\s+(?:the\s+)?(?:state|defen[cs]e|foreign\s+affairs|interior|justice|energy|"
    r"health|commerce|labou?r|education|treasury|agriculture|transportation|homeland\s+security|"
    r"veterans\s+affairs|national\s+intelligence|staff|information|finance|economy|trade|war))?"
)
_TITLE_WORDS = re.compile(TITLE_HEAD, re.IGNORECASE)


def is_title(words: str) -> bool:
    """Whether the words are one title and nothing more: 'Sen.', 'Secretary of State'.

    >>> is_title("Secretary of State"), is_title("Secretary Kerry")
    (True, False)
    """
    return _TITLE_WORDS.fullmatch(words) is not None


_NAME_WORD = rf"(?-i:[\"“]?(?:[A-Z][\w.'’-]*|{NAME_PARTICLE})[\"”]?)"
# The longest title that leaves a name of one to four words: "Lt. Gen. Ali Smith".
_TITLED = re.compile(
    rf"(?P<title>(?:\S+\s+)*{TITLE_HEAD})\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})",
    re.IGNORECASE,
)


def split_title(mention: str) -> tuple[str, str]:
    """The title and the name of a mention: ('Secretary of State', 'John Kerry').  The title
    is '' when there is none, or when what would be left is not a person's name ('General
    Motors', 'General Electric Co.').

    >>> split_title("Russian Foreign Minister Sergei Lavrov")
    ('Russian Foreign Minister', 'Sergei Lavrov')
    >>> split_title("General Motors")
    ('', 'General Motors')
    """
    mention = mention.strip()
    m = _TITLED.fullmatch(mention)
    title, name = (m["title"], m["name"]) if m else ("", mention)
    if title and (
        set(re.findall(r"[a-z]+", fold(name))) & institution_words()
        # "General" spelled out names companies and assemblies as often as officers.
        or (re.search(r"(?i)\bgeneral$", title) and len(name.split()) == 1)
    ):
        title, name = "", mention
    if quoted := re.fullmatch(r"[\"“](?P<name>[^\"“”]+)[\"”]", name):
        name = quoted["name"]  # a pseudonym: 'activist “Abu Karim al-Dimashqi”'
    return title, name


OUTLET_NOUN = r"(?:news\s+agency|newspaper|daily|channel|broadcaster|website)"
"""What an article calls a news outlet: "SANA, the state-run news agency"."""
