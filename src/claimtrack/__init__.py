"""claimtrack: who asserted what, when, and where; which statements are the same claim; who
contradicts whom.

>>> import claimtrack as ct
>>> ct.When.parse("2016-07-28").precision.value
'day'
"""

from importlib.metadata import PackageNotFoundError, version

from claimtrack.errors import (
    ClaimtrackError,
    DateResolutionError,
    InputError,
    ModelError,
    NotBuiltError,
    SchemaError,
    SidecarError,
    StoreBusyError,
    StoreError,
)
from claimtrack.model import (
    Actor,
    ActorKind,
    Analysis,
    Claim,
    Cluster,
    Conflict,
    ConflictKind,
    ConflictStatus,
    Cue,
    Modality,
    Precision,
    Quote,
    Relation,
    Rename,
    Source,
    SourceKind,
    Stance,
    When,
)
from claimtrack.pipeline import analyze
from claimtrack.reading.folder import Document, read_folder, read_source
from claimtrack.serialization import SCHEMA_VERSION, dumps, loads
from claimtrack.store import ClaimStore
from claimtrack.time.dates import infer_tense, resolve_when, timex_value

try:
    __version__ = version("claimtrack")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "Analysis",
    "Claim",
    "ClaimStore",
    "ClaimtrackError",
    "Cluster",
    "Conflict",
    "ConflictKind",
    "ConflictStatus",
    "Cue",
    "DateResolutionError",
    "Document",
    "InputError",
    "Modality",
    "ModelError",
    "NotBuiltError",
    "Precision",
    "Quote",
    "Relation",
    "Rename",
    "SchemaError",
    "SidecarError",
    "Source",
    "SourceKind",
    "Stance",
    "StoreBusyError",
    "StoreError",
    "When",
    "__version__",
    "analyze",
    "dumps",
    "infer_tense",
    "loads",
    "read_folder",
    "read_source",
    "resolve_when",
    "timex_value",
]
