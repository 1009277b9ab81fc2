"""Opening a store safely: the checks made before anything is read or written.

A claimtrack store is an SQLite file whose header carries claimtrack's application id and a
random tag of its own (``PRAGMA user_version``).  Before SQLite is let near a file:

- a file that is not SQLite, or an SQLite file of another program (tables but no
  ``migrations``, or another application id), is refused untouched;
- a write-ahead log (``NAME-wal``) whose copy of the header page names another store is
  refused, since SQLite would replay it into this file without a word;
- a store opened for writing must pass ``PRAGMA quick_check`` (nothing is written into a
  damaged file); one opened for reading is opened ``mode=ro``: no WAL switch, no migration.
"""

from __future__ import annotations

import secrets
import sqlite3
import struct
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimtrack.errors import StoreBusyError, StoreError

__all__ = [
    "APPLICATION_ID",
    "check_file",
    "connect",
    "describe",
    "new_tag",
    "wal_is_foreign",
    "with_retry",
]

APPLICATION_ID = 0x436C546B
"""``PRAGMA application_id`` of a claimtrack store ("ClTk")."""

_SQLITE_MAGIC = b"SQLite format 3\x00"
_WAL_MAGICS = (0x377F0682, 0x377F0683)


def new_tag() -> int:
    """A random non-zero tag that tells this store from every other (``user_version``)."""
    return secrets.randbelow(2**31 - 1) + 1


def describe(exc: BaseException, path: str, action: str) -> StoreError:
    """SQLite's (or the system's) own cause, as one line naming the store."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    lowered = message.lower()
    if "locked" in lowered or "busy" in lowered:
        return StoreBusyError(f"store {path} is busy (another process is writing); try again later")
    if "not a database" in lowered or "file is encrypted" in lowered:
        return StoreError(f"{path} is not a claimtrack store (not an SQLite database)")
    if "malformed" in lowered or "decode" in lowered or "corrupt" in lowered:
        return StoreError(
            f"store {path} is damaged ({message}); restore it from a backup, or ingest again "
            "into a new store"
        )
    if "readonly" in lowered or "read-only" in lowered:
        return StoreError(f"cannot {action} store {path}: it is read-only ({message})")
    return StoreError(f"cannot {action} store {path}: {message}")


def _header(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(100)
    except OSError as exc:
        raise StoreError(f"cannot open store {path}: {exc.strerror or exc}") from exc


def _page_size(header: bytes) -> int:
    size = struct.unpack(">H", header[16:18])[0]
    return 65536 if size == 1 else size


def check_file(path: Path) -> None:
    """Refuse, untouched, a file that is not an SQLite database or not a regular file."""
    if not path.exists():
        return
    if not path.is_file():
        raise StoreError(f"{path} is not a regular file; name a store file with --db")
    header = _header(path)
    if header and not header.startswith(_SQLITE_MAGIC[: len(header)]):
        raise StoreError(f"{path} is not a claimtrack store (not an SQLite database)")
    if len(header) == 100:
        application = struct.unpack(">I", header[68:72])[0]
        if application not in (0, APPLICATION_ID):
            raise StoreError(
                f"{path} is the SQLite database of another program (application id "
                f"{application:#x}), not a claimtrack store; it was not changed"
            )


def wal_is_foreign(path: Path) -> bool:
    """Whether ``NAME-wal`` holds a header page of another store (see the module doc)."""
    wal = Path(f"{path}-wal")
    try:
        size = wal.stat().st_size
    except OSError:
        return False
    header = _header(path) if path.exists() else b""
    if size < 32 or len(header) < 100:
        return False  # no log, or a store not written yet: nothing to compare with
    with wal.open("rb") as handle:
        wal_header = handle.read(32)
        magic, _, page_size, _, salt1, salt2 = struct.unpack(">IIIIII", wal_header[:24])
        if magic not in _WAL_MAGICS:
            return False  # SQLite ignores a log without its magic
        if page_size != _page_size(header):
            return True
        tag = header[60:64]
        frame = 24 + page_size
        latest_page_one = None
        for offset in range(32, size - frame + 1, frame):
            handle.seek(offset)
            frame_header = handle.read(24)
            page, _, frame_salt1, frame_salt2 = struct.unpack(">IIII", frame_header[:16])
            if (frame_salt1, frame_salt2) != (salt1, salt2):
                break  # frames of an older log generation: SQLite ignores them
            if page == 1:
                latest_page_one = handle.read(100)
    if latest_page_one is None or tag == b"\x00\x00\x00\x00":
        return False
    return latest_page_one[60:64] != tag or latest_page_one[68:72] != header[68:72]


def _uri(path: Path, mode: str) -> str:
    return f"file:{urllib.parse.quote(str(path.absolute()))}?mode={mode}"


def connect(path: Path, *, readonly: bool, timeout: float) -> sqlite3.Connection:
    """A connection to the store at ``path`` (``:memory:`` too), checked as the module says."""
    if str(path) == ":memory:":
        return sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    check_file(path)
    if wal_is_foreign(path):
        raise StoreError(
            f"store {path} has a write-ahead log ({path}-wal) that belongs to another store; "
            "it was not replayed: move that file away and try again"
        )
    if readonly and not path.exists():
        raise StoreError(f"no store at {path}")
    db = sqlite3.connect(
        _uri(path, "ro" if readonly else "rwc"),
        uri=True,
        timeout=timeout,
        isolation_level=None,
        check_same_thread=False,
    )
    if readonly:
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as exc:
            if "unable to open" not in str(exc):
                db.close()
                raise
            # A WAL store in a read-only folder cannot make its -shm file: no one can be
            # writing it then, so it is read as an immutable file.
            db.close()
            db = sqlite3.connect(
                _uri(path, "ro") + "&immutable=1",
                uri=True,
                timeout=timeout,
                isolation_level=None,
                check_same_thread=False,
            )
    return db


def with_retry(action: str, path: str, timeout: float, step: Callable[[], Any]) -> None:
    """Run ``step()`` again while SQLite reports a busy store, for up to ``timeout`` seconds
    (switching to WAL and recovering a log fail at once instead of waiting)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            busy = "locked" in str(exc) or "busy" in str(exc)
            if not busy or time.monotonic() > deadline:
                raise describe(exc, path, action) from exc
            time.sleep(0.02)
