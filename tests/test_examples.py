"""Every script in examples/ runs on the seeds and prints something useful."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_runs_on_the_seeds(script, monkeypatch, capsys, tmp_path):
    """The example runs with the seeds as its input and writes a report."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", [script.name, str(ROOT / "seeds")])
    runpy.run_path(str(script), run_name="__main__")
    out = capsys.readouterr().out
    assert out.strip()


def test_examples_exist():
    """There are examples to adapt."""
    assert len(EXAMPLES) >= 3
