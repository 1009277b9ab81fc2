"""Clock times: "3 p.m.", "10:35 a.m. EST", "noon", "nine in the morning"."""

from __future__ import annotations

import re

from claimtrack.time.vocabulary import number, slot
from claimtrack.time.wording import normalise, strip_lead

_ZONE = slot("zone")
_CLOCK = re.compile(
    rf"(?:(?:(?:shortly|just|soon|right|sometime)\s+)?(?:at|around|about|by|until|before|after)\s+)?"
    rf"(?:(?P<hour>\d{{1,2}})(?::(?P<minute>\d\d))?"
    rf"\s*(?P<half>a\.?\s?m|p\.?\s?m)\.?|(?P<hour24>\d{{1,2}}):(?P<minute24>\d\d)(?![\d:])|"
    rf"(?P<word>noon|midday|midnight)|"
    rf"(?P<military>[01]\d|2[0-3])(?P<military_minute>[0-5]\d)(?=\s+{_ZONE})|(?P<spoken>\d{{1,2}}|"
    rf"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?: o'clock)? in the "
    rf"(?P<part>morning|afternoon|evening))(?:\s+{_ZONE})?"
)


def clock_time(text: str) -> tuple[str | None, str]:
    """The time of day an expression names as TIMEX3 ``HH:MM`` (or ``24`` for midnight), and
    the expression without it: '9 a.m. EST Tuesday' -> ('09:00', 'tuesday').

    >>> clock_time("10 p.m. Wednesday")
    ('22:00', 'wednesday')
    >>> clock_time("Friday at 10:35 a.m.")
    ('10:35', 'friday')
    >>> clock_time("Tuesday")
    (None, 'tuesday')
    >>> clock_time("shortly after 0800 GMT Friday")
    ('08:00', 'friday')
    """
    text = normalise(text)
    m = _CLOCK.search(text)
    if m is None or (m.start() and not text[m.start() - 1].isspace()):
        return None, text
    if m["word"]:
        value = {"noon": "12:00", "midday": "12:00", "midnight": "24"}[m["word"]]
    elif m["military"]:  # "0735 GMT": four digits count as a time only with their zone
        value = f"{m['military']}:{m['military_minute']}"
    elif m["spoken"]:
        hour = int(number(m["spoken"]) or 0) % 12 + (0 if m["part"] == "morning" else 12)
        value = f"{hour:02d}:00"
    else:
        if m["hour24"]:
            hour, minute = int(m["hour24"]), m["minute24"]
        else:
            hour = int(m["hour"]) % 12 + (12 if m["half"].startswith("p") else 0)
            minute = m["minute"] or "00"
        if hour > 23 or int(minute) > 59:
            return None, text
        value = f"{hour:02d}:{minute}"
    rest = f"{text[: m.start()]} {text[m.end() :]}"
    return value, strip_lead(re.sub(r"\s+", " ", rest).strip(" ,"))
