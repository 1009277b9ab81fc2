"""The public API is deliberate: this test pins exactly what `import claimtrack` offers."""

from __future__ import annotations

import claimtrack

EXPECTED = [
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "ActorRegistry",
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
    "Index",
    "InputError",
    "Modality",
    "ModelError",
    "Names",
    "NotBuiltError",
    "Precision",
    "Quote",
    "Relation",
    "Rename",
    "Resources",
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
    "cluster",
    "dumps",
    "extract",
    "find_conflicts",
    "infer_tense",
    "loads",
    "read_date",
    "read_folder",
    "read_source",
    "resolve_when",
    "timex_value",
]


def test_all_is_pinned():
    """Adding or removing a public name is a decision: update this list with it."""
    assert claimtrack.__all__ == EXPECTED


def test_all_names_exist():
    """Every exported name can be imported."""
    for name in claimtrack.__all__:
        assert hasattr(claimtrack, name), name


def test_version_comes_from_package_metadata():
    """__version__ is the installed distribution's version."""
    from importlib.metadata import version

    assert claimtrack.__version__ == version("claimtrack")
