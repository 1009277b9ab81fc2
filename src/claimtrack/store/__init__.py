"""The one stateful object: :class:`ClaimStore`, claims and their links in SQLite."""

from claimtrack.store.claimstore import DEFAULT_STORE, ClaimStore
from claimtrack.store.schema import MembershipDecision

__all__ = ["DEFAULT_STORE", "ClaimStore", "MembershipDecision"]
