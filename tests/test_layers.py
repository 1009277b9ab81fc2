"""The import graph shows the flow: no cycle, and no arrow from a lower layer to a higher one.

Read from the source with ``ast`` (nothing is imported), so a new module or import is
checked the moment it is written.  The layers, bottom to top, are also in docs/design.md.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "src" / "claimtrack"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors",),
    ("model",),
    ("serialization", "text", "resources", "lookup"),
    ("anchoring", "actors", "time"),
    ("reading",),
    ("attribution",),
    ("linking",),
    ("store",),
    ("pipeline", "evaluation"),
    ("present",),
    ("cli", ""),  # "" is the package itself: the public face may gather everything
)
"""Each module may import from its own layer and the layers below it."""

KNOWN_BACK_ARROWS: set[tuple[str, str]] = set()  # none left: add one only with a reason


def _module_name(path: Path) -> str:
    parts = ["claimtrack", *path.relative_to(PACKAGE).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path) -> set[str]:
    """The claimtrack modules ``name`` imports anywhere in its code (top-level, inside
    functions, or for type checking only)."""
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "claimtrack"}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if base.split(".")[0] != "claimtrack":
                continue
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in MODULES else base)
    found.discard(name)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def layer_of(module: str) -> int:
    """The layer index of a claimtrack module (by its top-level room)."""
    room = module.removeprefix("claimtrack").lstrip(".").split(".")[0]
    for index, rooms in enumerate(LAYERS):
        if room in rooms:
            return index
    raise AssertionError(f"{module} is in no layer: add its room to LAYERS (and docs)")


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_module_has_a_layer(module):
    """A new room must be placed in the order on purpose."""
    layer_of(module)


def test_no_arrow_points_up():
    """A module imports only from its own layer or below (bar the listed known exceptions)."""
    upward = sorted(
        (module, target)
        for module, targets in GRAPH.items()
        for target in targets
        if layer_of(target) > layer_of(module) and (module, target) not in KNOWN_BACK_ARROWS
    )
    assert upward == []


def test_known_exceptions_still_exist():
    """An exception that no longer happens is deleted from the list, not kept as a loophole."""
    for module, target in KNOWN_BACK_ARROWS:
        assert target in GRAPH[module], f"{module} no longer imports {target}: drop the entry"


def test_no_import_cycle():
    """No module reaches itself through its imports."""
    state: dict[str, int] = {}  # 1: being visited, 2: done
    cycles: list[list[str]] = []

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(GRAPH.get(module, ())):
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert cycles == []


MODEL = sorted(m for m in MODULES if m == "claimtrack.model" or m.startswith("claimtrack.model."))


@pytest.mark.parametrize("module", MODEL)
def test_the_model_imports_only_errors(module):
    """The model is the bottom of the house: attrs, the standard library, errors and the
    model's own modules."""
    assert {t for t in GRAPH[module] if t not in MODEL} <= {"claimtrack.errors"}
    imported = set()
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            imported |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            imported.add(node.module.split(".")[0])
    assert imported - {"claimtrack", "attrs", "__future__"} <= set(sys.stdlib_module_names)
