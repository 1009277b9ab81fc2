"""Actors: who speaks and who is named, from a mention in the text to an actor.

:class:`ActorRegistry` resolves mentions (aliases, transliterations, fuzzy keys);
:mod:`~claimtrack.actors.names` splits titles from names, :mod:`~claimtrack.actors.kinds`
guesses what kind of actor a new mention names, :mod:`~claimtrack.actors.vocabulary` holds
the words both read, :func:`merge_actors` joins the actors several articles found, and
:class:`MentionFinder` finds the actors a claim names.
"""

from claimtrack.actors.finding import find_actors
from claimtrack.actors.kinds import guess_kind
from claimtrack.actors.mentions import MentionFinder, find_mentions
from claimtrack.actors.merging import merge_actors
from claimtrack.actors.names import NAME_PARTICLE, OUTLET_NOUN, is_unnamed, split_title, strip_title
from claimtrack.actors.registry import DEFAULT_THRESHOLD, ActorMatch, ActorRegistry
from claimtrack.actors.vocabulary import organization_words, speaker_class, speaker_vocabulary

__all__ = [
    "DEFAULT_THRESHOLD",
    "NAME_PARTICLE",
    "OUTLET_NOUN",
    "ActorMatch",
    "ActorRegistry",
    "MentionFinder",
    "find_actors",
    "find_mentions",
    "guess_kind",
    "is_unnamed",
    "merge_actors",
    "organization_words",
    "speaker_class",
    "speaker_vocabulary",
    "split_title",
    "strip_title",
]
