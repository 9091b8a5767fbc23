"""A date known to the year, the month or the day: a source published "in 2019" or "in
March 2019" is never shown with a made-up first day."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import total_ordering

PRECISIONS = ("year", "month", "day")

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@total_ordering
@dataclass(frozen=True)
class PartialDate:
    """``PartialDate(2019)``, ``PartialDate(2019, 3)`` or ``PartialDate(2019, 3, 8)``.

    Dates sort by their first day, and a less precise date before a more precise one
    that starts the same day (``2019`` < ``2019-01`` < ``2019-01-01``).
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        dt.date(self.year, self.month or 1, self.day or 1)  # raises ValueError when out of range

    @classmethod
    def of(cls, date: dt.date) -> PartialDate:
        return cls(date.year, date.month, date.day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """``"2019"``, ``"2019-03"`` or ``"2019-03-08"``; ``ValueError`` otherwise."""
        m = _ISO.match(text.strip())
        if not m:
            raise ValueError(f"not a date: {text!r}")
        year, month, day = (int(g) if g else None for g in m.groups())
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    @property
    def first_day(self) -> dt.date:
        """The first day the date may mean: for ages, which it never understates."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def date(self) -> dt.date | None:
        """The day, when the day is known."""
        return self.first_day if self.day is not None else None

    def isoformat(self) -> str:
        """``2019``, ``2019-03`` or ``2019-03-08``: also a valid ``<time datetime>``."""
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def _key(self) -> tuple[dt.date, int]:
        return self.first_day, PRECISIONS.index(self.precision)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __str__(self) -> str:
        return self.isoformat()
