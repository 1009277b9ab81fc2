"""Linking claims: which state the same proposition (matching, clustering) and which
contradict each other (conflicts).

Works on extracted claims; never reaches back into extraction.
"""

from claimtrack.linking.clustering import cluster
from claimtrack.linking.conflicts import find_conflicts

__all__ = ["cluster", "find_conflicts"]
