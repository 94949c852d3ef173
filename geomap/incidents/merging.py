"""Incident drafts and the rules for merging two tellings of one event.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import date

from geomap.actors import (
    country_refs,
    speaker_country,
)
from geomap.events import EventMatch
from geomap.incidents.patterns import (
    _NATION_REACH,
    _OWN_DEAD,
    _SPECIFICITY,
)
from geomap.model import (
    DATE_DAY,
    DATE_WEEK,
    KIND_ADMIN1,
    KIND_COUNTRY,
    KIND_LINE,
    KIND_PLACE,
    KIND_REGION,
    Place,
)
from geomap.numbers import (
    Casualties,
    casualty_counts,
    count_sides_at,
)
from geomap.sentences import fold


@dataclass
class _Draft:
    """An incident being assembled (merged sentence by sentence)."""

    event: EventMatch
    place: Place | None
    place_text: str | None
    precision: int | None
    date: date | None
    date_precision: int | None
    first_offset: int
    evidence: list[str] = field(default_factory=list)
    casualties: Casualties = field(default_factory=Casualties)
    actor1: str | None = None
    actor2: str | None = None
    reported_by: str | None = None
    confidence: float = 0.0
    speaker: str | None = None
    date_own: bool = False  # the date was written in one of the evidence sentences
    date_told: bool = False  # ... and it is the day a source spoke ("said on Monday")
    date_night: bool = False  # ... and it is a night ("overnight"): either day it spans
    # "Over the past day, Russia shelled Donetsk oblast 2,100 times": a province's daily
    # total; the towns told after are events of their own, never merged into it.
    tally: bool = False
    # The killed count the latest sentence told (a retold earlier figure may be below
    # the toll): what "two more died" adds to.
    last_told: int | None = None

    def __post_init__(self) -> None:
        if self.last_told is None:
            self.last_told = self.casualties.killed


def _dates_close(a: _Draft, b: _Draft, *, lenient: bool) -> bool:
    if a.date is None or b.date is None:
        return lenient or (a.date is None and b.date is None)
    if _within_its_week(a, b) or _within_its_week(b, a) or _told_after(a, b) or \
            _told_after(b, a):
        return True
    if a.date != b.date and a.date_own and b.date_own and not a.date_told and \
            not b.date_told and not a.date_night and not b.date_night and \
            a.date_precision == DATE_DAY and b.date_precision == DATE_DAY:
        return False  # "on Saturday ... in X" and "on Sunday ... in Y": two days, two events
    return abs((a.date - b.date).days) <= 1


def _same_stem(a: str, b: str) -> bool:
    """"zaporizhzhia" and "zaporiz'ka", "sumy" and "sums'ka": one name, two forms (a
    common start of five letters, or all but the last of a short name)."""
    a, b = re.sub(r"[^a-z]", "", a), re.sub(r"[^a-z]", "", b)
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= 3 and n >= min(5, min(len(a), len(b)) - 1)


def _own_tolls_differ(a: _Draft, b: _Draft) -> bool:
    """Two places, each with its own different death toll ("drones hit a port in the
    Odesa region, killing one" and "a missile struck the city of Odesa, killing two"):
    two events, even when one place lies in the other."""
    return a.place is not None and b.place is not None and a.place.id != b.place.id \
        and a.casualties.killed is not None and b.casualties.killed is not None \
        and a.casualties.killed != b.casualties.killed


def _told_after(a: _Draft, b: _Draft) -> bool:
    """A is dated only by the day a source told it ("the RSF said on Tuesday they had
    captured the base") and b's own day is up to three days before: the same event."""
    assert a.date is not None and b.date is not None
    return a.date_told and b.date_own and not b.date_told and 0 <= (a.date - b.date).days <= 3


def _within_its_week(a: _Draft, b: _Draft) -> bool:
    """A's date is only the week up to publication (a summary bullet, "casualties
    reported") and b's own day falls in that week: the bullet tells b's event."""
    assert a.date is not None and b.date is not None
    return not a.date_own and a.date_precision == DATE_WEEK and b.date_own and \
        0 <= (a.date - b.date).days <= 7


def _km(a: Place, b: Place) -> float:
    """Rough distance in km (equirectangular, fine for a sanity bound)."""
    dlat = (a.lat - b.lat) * 111.0
    dlon = (a.lon - b.lon) * 111.0 * math.cos(math.radians((a.lat + b.lat) / 2))
    return math.hypot(dlat, dlon)


def _places_compatible(a: Place | None, b: Place | None) -> bool:
    """Same place, or one lies in the other (country ⊃ province ⊃ town; a line or
    region overlaps the units of its own country)."""
    if a is None or b is None:
        return True
    if a.id == b.id:
        return True
    if _SPECIFICITY.get(a.kind, 5) > _SPECIFICITY.get(b.kind, 5):
        a, b = b, a  # a is the more specific one
    if b.kind == KIND_COUNTRY:
        return a.country == b.country
    if b.kind in (KIND_ADMIN1, KIND_REGION):
        if a.kind == KIND_PLACE:
            return bool(a.admin1) and fold(a.admin1) == fold(b.name)
        return a.country == b.country and a.kind != KIND_ADMIN1
    if b.kind == KIND_LINE:
        return a.kind in (KIND_LINE, KIND_REGION) and a.country == b.country
    return False


def _absorb(into: _Draft, other: _Draft) -> None:
    for sentence in other.evidence:
        if sentence not in into.evidence:
            into.evidence.append(sentence)
    if other.place is not None and (into.place is None or (other.precision or 9) < (
            into.precision or 9)):
        into.place, into.place_text, into.precision = (other.place, other.place_text,
                                                       other.precision)
    if other.date is not None and (
            into.date is None
            or (other.date_own, not other.date_told, -(other.date_precision or 9))
            > (into.date_own, not into.date_told, -(into.date_precision or 9))):
        into.date, into.date_precision = other.date, other.date_precision
        into.date_own = other.date_own
        into.date_told = other.date_told
    c, o = into.casualties, other.casualties
    if o.killed is not None:
        into.last_told = o.killed
    c.killed = _max(c.killed, o.killed)
    c.wounded = _max(c.wounded, o.wounded)
    c.captured = _max(c.captured, o.captured)
    c.killed_text = None if c.killed is not None else c.killed_text or o.killed_text
    c.wounded_text = None if c.wounded is not None else c.wounded_text or o.wounded_text
    for actor in (other.actor1, other.actor2):
        if actor is None or actor in (into.actor1, into.actor2):
            continue
        if into.actor1 is None:
            into.actor1 = actor
        elif into.actor2 is None:
            into.actor2 = actor
    into.reported_by = into.reported_by or other.reported_by
    into.confidence = min(1.0, max(into.confidence, other.confidence) + 0.05)


def _other_side_added(draft: _Draft, casualties: Casualties, sentence: str) -> Casualties:
    """A later sentence's dead of the other side of the clash ("Two soldiers were killed."
    + "Ten insurgents were also killed.") add to the event's toll: analysts sum per-side
    counts. The same side told again (a restatement) still takes the maximum."""
    if draft.casualties.killed is None or casualties.killed is None \
            or sentence in draft.evidence:
        return casualties
    new = _sides(sentence)
    old: set[tuple[str | None, str | None]] = set()
    for told in draft.evidence:
        old |= _sides(told)
    # a toll retold with no side ("the toll had risen from 49") is one of the sides told
    old = {o for o in old if o[0] is not None} if any(o[0] for o in old) else old
    if not new or not old or any(side is None for side, _n in new | old) or any(
            a == b and (x is None or y is None or x == y) for a, x in new for b, y in old):
        return casualties
    return replace(casualties, killed=draft.casualties.killed + casualties.killed)


def _sides(sentence: str) -> set[tuple[str | None, str | None]]:
    """(side, country) of each killed count: two armies' soldiers are two sides ("7
    servicemen of the Azerbaijani army" / "6 of its servicemen", said by Armenia). The
    country is the one named nearest the count, within a clause's reach."""
    refs = country_refs(sentence)
    out: set[tuple[str | None, str | None]] = set()
    folded = fold(sentence)
    for at, side in count_sides_at(sentence, casualty_counts(sentence)):
        if _OWN_DEAD.match(folded, at) and (own := speaker_country(sentence, at)):
            # "Azerbaijan's ministry blamed Armenia and said two of its soldiers died":
            # "its" is the speaker's, whatever country is named nearer
            out.add((side, own))
            continue
        near = [(min(abs(at - e), abs(s - at)), iso) for s, e, iso, _k in refs]
        nation = min(near)[1] if near and min(near)[0] <= _NATION_REACH else None
        out.add((side, nation))
    return out


def _max(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)
