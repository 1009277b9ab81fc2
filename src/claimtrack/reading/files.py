"""Opening files by claimtrack's input policy (see ``docs/robustness.md``).

Only regular files are read, each kind under its size cap; FIFOs, devices and link loops are
refused before anything is opened, so nothing hangs or fills memory; a file name that is not
UTF-8 is refused (and shown escaped); a link may not lead out of the folder read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from claimtrack.errors import InputError

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_ARTICLE_BYTES",
    "MAX_SIDECAR_BYTES",
    "article_paths",
    "read_regular",
    "read_text",
    "shown",
]

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
"""File endings read as articles: text files and saved web pages (reading.webpage)."""

MAX_ARTICLE_BYTES = 20 * 1024 * 1024
"""An article larger than this is refused: it is a dump, not an article (ingest JSONL)."""

MAX_SIDECAR_BYTES = 1024 * 1024
"""A metadata sidecar larger than this is refused."""


def shown(path: Path) -> str:
    """``path`` as a message may print it (a name that is not UTF-8 shown escaped)."""
    return os.fsdecode(path).encode("utf-8", "backslashreplace").decode("utf-8")


def _check_name(path: Path) -> None:
    try:
        os.fsdecode(path).encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(
            "the file name is not valid UTF-8; rename the file", location=shown(path)
        ) from None


def read_regular(path: Path, *, max_bytes: int, kind: str = "file") -> bytes:
    """The bytes of ``path``, a regular file (FIFOs, devices and link loops are refused
    before anything is opened) of at most ``max_bytes``."""
    where = shown(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                "not a regular file (a FIFO, a device...); claimtrack reads regular files only",
                location=where,
            )
        if info.st_size > max_bytes:
            raise InputError(
                f"file is {info.st_size:,} bytes, more than the {max_bytes:,} a {kind} may have",
                location=where,
            )
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except (OSError, RuntimeError, ValueError) as exc:  # RuntimeError: a link loop
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise InputError(f"cannot read file: {reason}", location=where) from exc
    if len(data) > max_bytes:
        raise InputError(f"file grew past the {max_bytes:,} bytes a {kind} may have",
                         location=where)  # fmt: skip
    return data


def read_text(path: Path, *, max_bytes: int = MAX_ARTICLE_BYTES, kind: str = "article") -> str:
    """The text of an article (or sidecar) file, by claimtrack's encoding policy."""
    _check_name(path)
    data = read_regular(path, max_bytes=max_bytes, kind=kind)
    where = shown(path)
    if b"\x00" in data:
        raise InputError(f"binary file (it holds NUL bytes), not a text {kind}", location=where)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 at byte {exc.start} (claimtrack reads UTF-8 text; "
            "convert the file, e.g. with iconv)",
            location=where,
        ) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("empty file", location=where)
    return text


def article_paths(folder: Path) -> Iterator[Path]:
    """The article files of a folder (recursively), sorted; refuses links out of it, link
    loops, and anything that is not a regular file."""
    root = folder.resolve()

    def refuse(error: OSError) -> None:
        raise InputError(f"cannot read folder: {error.strerror or error}",
                         location=shown(Path(error.filename or folder)))  # fmt: skip

    for dirpath, dirnames, filenames in os.walk(folder, onerror=refuse):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or not name.endswith(ARTICLE_SUFFIXES):
                continue
            path = Path(dirpath) / name
            try:
                real = path.resolve(strict=True)
            except (OSError, RuntimeError) as exc:
                raise InputError(f"cannot read file: {exc}", location=shown(path)) from exc
            if not real.is_relative_to(root):
                raise InputError(
                    f"links outside the folder {shown(folder)} (to {shown(real)}); refusing "
                    "to read it",
                    location=shown(path),
                )
            yield path
