"""Writing an output file safely: only a regular file (or standard output), atomically.

``-`` is standard output.  Any other target must be a regular file or not exist yet; a link
is followed to the regular file it names (the link stays); a FIFO, a device, a folder, a
dangling link are refused.  The text goes to a new temporary file beside the target
(created exclusively, so a planted file or link is never written through), which then
replaces the target in one rename, keeping the target's permission bits.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

from claimtrack.errors import InputError

__all__ = ["write_output"]


def _target(path: Path) -> tuple[Path, int | None]:
    """The file to replace and its permission bits (None when it does not exist yet)."""
    if path.is_symlink():
        try:
            path = path.resolve(strict=True)
        except (OSError, RuntimeError):
            raise InputError(f"cannot write {path}: it is a link to nothing (or a loop)") from None
    try:
        info = path.stat()
    except FileNotFoundError:
        return path, None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path} is a folder; name a file to write")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(
            f"cannot write {path}: not a regular file (a device, a FIFO...); "
            "use - for standard output"
        )
    return path, stat.S_IMODE(info.st_mode)


def write_output(path: str | Path, text: str | bytes) -> None:
    """Write ``text`` (or the bytes of a binary format) to ``path`` (``-``: standard output)
    as the module says."""
    name = os.fspath(path)
    if name == "-":
        if isinstance(text, bytes):
            if sys.stdout.isatty():  # a binary format would only garble the terminal
                raise InputError("not writing a binary format to a terminal; name a file, or "
                                 "send standard output to a file or a pipe")  # fmt: skip
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
        return
    if "\x00" in name:
        raise InputError(f"output path {name!r} holds a NUL character")
    if name.endswith(("/", os.sep)):
        raise InputError(f"{name} names a folder; name a file to write")
    try:
        data = text if isinstance(text, bytes) else text.encode("utf-8", errors="strict")
        target, mode = _target(Path(name))
        folder = target.parent
        if not folder.is_dir():
            raise InputError(f"cannot write {name}: folder {folder} does not exist")
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask  # as an ordinary new file would be
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temporary, mode)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except UnicodeEncodeError as exc:
        raise InputError(f"cannot write {name}: text that is not valid Unicode ({exc.reason})"
                         ) from exc  # fmt: skip
    except OSError as exc:
        raise InputError(f"cannot write {name}: {exc.strerror or exc}") from exc
