"""Shared test setup: doctests run in a scratch folder holding a copy of the seeds, so the
examples in docs/ and in docstrings can say `seeds/` and write `claimtrack.db` freely, and
with the seeds' story names (``[names]`` of seeds/actors.toml) in force, as
`claimtrack analyze seeds/` has them: the examples are about the seed articles."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).parent


@pytest.fixture(autouse=True)
def _doctest_folder(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    if not isinstance(request.node, pytest.DoctestItem):
        yield
        return
    from claimtrack.actors import ActorRegistry
    from claimtrack.resources import using

    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    with using(ActorRegistry.from_file(ROOT / "seeds" / "actors.toml").resources()):
        yield
