"""Fixtures shared by the test modules."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrack.actors import ActorRegistry
from claimtrack.model import Analysis
from claimtrack.pipeline import analyze
from claimtrack.reading.folder import read_folder

SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture(scope="session")
def seed_analysis() -> Analysis:
    """The analysis of the seed articles with their actors file, as `claimtrack analyze
    seeds/` makes it; computed once for the whole run (it is a frozen value)."""
    return analyze(read_folder(SEEDS), actors=ActorRegistry.from_file(SEEDS / "actors.toml"))
