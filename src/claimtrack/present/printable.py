"""Text made safe for a terminal: what claimtrack prints never carries control sequences
from the data it read (see ``docs/robustness.md``)."""

from __future__ import annotations

import re
from typing import TextIO

__all__ = ["PrintableStream", "printable"]

# Terminal control: CSI and OSC sequences, other escapes, C0 (but tab and newline), DEL, C1.
_CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)
_STYLE = re.compile(r"\x1b\[[0-9;]*m")


def printable(text: str, *, keep_style: bool = False) -> str:
    r"""``text`` safe for a terminal: control sequences removed (the colour codes rich writes
    itself kept when ``keep_style``), text that is not Unicode escaped.

    >>> printable("a\x1b[2Jb\x1b]0;title\x07c\x9b\udce9")
    'abc\\udce9'
    """

    def drop(match: re.Match[str]) -> str:
        return match.group() if keep_style and _STYLE.fullmatch(match.group()) else ""

    cleaned = _CONTROL.sub(drop, text)
    return cleaned.encode("utf-8", "backslashreplace").decode("utf-8")


class PrintableStream:
    """A text stream that passes on only :func:`printable` text (rich writes to it)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(printable(text, keep_style=self.isatty()))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def encoding(self) -> str:
        return getattr(self._stream, "encoding", "utf-8")
