"""Dates of events, and whether a sentence reports news or recalls background.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from geomap.dates import DateRef
from geomap.events import EventMatch
from geomap.incidents.patterns import (
    _NIGHT,
    _ROSE_ON,
    _SAID_ON,
)
from geomap.model import DATE_DAY


class _History:
    """When an event happened, and whether it is news or recalled background. (A part
    of `_Extractor`.)"""

    def _anchored(self, ref: DateRef) -> DateRef:
        """"came a day after" counts back from the narration's date, not publication."""
        if ref.kind != "anchor" or ref.date is None or self.published is None \
                or self.anchor is None:
            return ref
        return replace(ref, date=self.anchor - (self.published - ref.date))

    def _earlier_year(self) -> bool:
        """Does the sentence date itself in a year before publication ("in the 2020 war")?"""
        published = self.published
        return published is not None and any(
            r.date is not None and r.kind in ("year", "month", "explicit")
            and r.date.year < published.year for r in self.sentence_refs)

    def _own_date(self, match: EventMatch, refs: list[DateRef], start: int = 0
                  ) -> tuple[date | None, int | None, bool]:
        """The sentence's own date nearest the event cue (day precision first); the day
        a source spoke ("the governor said on Tuesday") only when nothing else dates it.
        `start`: the sentence's offset in the text (refs carry text offsets)."""
        if not refs:
            return None, None, False
        cue = start + match.start

        def rank(r: DateRef) -> tuple[bool, bool, int]:
            rel = r.start - cue
            said = bool(_SAID_ON.search(self.folded, max(0, r.start - 30), r.start)
                        or _ROSE_ON.search(self.folded, max(0, r.start - 45), r.start))
            return (said, r.precision != DATE_DAY, abs(rel) + (0 if rel >= 0 else 5))
        best = min(refs, key=rank)
        self.date_told = rank(best)[0]
        self.date_night = _NIGHT.search(self.folded, best.start, best.end) is not None
        return best.date, best.precision, True
