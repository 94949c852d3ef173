"""Dates of events, and whether a sentence reports news or recalls background.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from geomap.dates import DateRef, last_day
from geomap.events import EventMatch
from geomap.incidents.patterns import (
    _HISTORY_DAYS,
    _NIGHT,
    _ROSE_ON,
    _SAID_ON,
)
from geomap.model import DATE_DAY

# What may stand before a time that opens a sentence: "In late April, ...", "On 3 May, ..."
_OPENING = re.compile(r"\W*(?:(?:in|during|on|by|at|throughout|back\s+in)\s+)?"
                      r"(?:(?:early|late|mid|the\s+(?:end|start|middle)\s+of)[\s-]+)?"
                      r"(?:the\s+)?")


def _last_day(ref: DateRef) -> date | None:
    """The last day a date reference covers (`last_day`), None if it does not resolve."""
    return None if ref.date is None else last_day(ref.date, ref.precision)


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

    def _framed_earlier(self, start: int) -> bool:
        """Does the sentence open with a time weeks before publication ("In April, a
        missile attack on Palm Sunday killed 35", "On 3 May, ...")? A fronted time
        dates the whole sentence: a weekday later in it falls in that time, not in the
        story's week, so the sentence recalls background."""
        if self.published is None or not self.sentence_refs:
            return False
        first = self.sentence_refs[0]
        end = _last_day(first)
        if end is None or first.kind == "anchor" or \
                not _OPENING.fullmatch(self.folded, start, first.start):
            return False
        return (self.published - end).days > _HISTORY_DAYS
