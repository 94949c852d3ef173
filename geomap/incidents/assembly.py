"""Assembly: drafts merged into incidents, statements placed, records written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from geomap import taxonomy as tx
from geomap.actors import (
    OFFICIAL_WORDS,
    country_name,
    official_speaker,
    reported_by,
    speaker_country,
)
from geomap.dates import DateRef
from geomap.events import EventMatch
from geomap.incidents.merging import (
    _absorb,
    _dates_close,
    _Draft,
    _own_tolls_differ,
    _places_compatible,
)
from geomap.incidents.patterns import _PRECISION, _SAME_STORY_SPAN
from geomap.incidents.tolls import _summed_unless_competing
from geomap.model import (
    DATE_WEEK,
    GEO_LINE_OR_COUNTRY,
    GEO_REGION,
    KIND_PLACE,
    TOLERANCE_KM,
    Incident,
    haversine_km,
)

RETOLD_QUARTER_KM = 8.0  # the same toll, same day, this near the first place: one event


@lru_cache(maxsize=512)
def _area(geometry: Callable[[str], dict | None], place_id: str) -> dict | None:
    """An area's GeoJSON, fetched once per process: provinces recur across articles and
    parsing a polygon costs more than extracting an article. Treat it as read-only."""
    return geometry(place_id)


def _same_toll_nearby(a: _Draft, b: _Draft) -> bool:
    """The same dead told again at a quarter of the town ("Three civilians were killed when
    troops shelled the Kuibyshevsky district of Donetsk" + "'As a result of shelling of the
    Kuibyshevsky district, three civilians were killed,' he wrote"): one event."""
    return bool(a.place is not None and b.place is not None and a.place.kind == KIND_PLACE
                and b.place.kind == KIND_PLACE and a.date is not None and a.date == b.date
                and (a.casualties.killed or 0) >= 2
                and a.casualties.killed == b.casualties.killed
                and haversine_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon)
                <= RETOLD_QUARTER_KM)


class _Assembly:
    """Drafts merged into incidents; statements; the output records. (A part of `_Extractor`.)"""

    def _merge(self, draft: _Draft, *, weak: bool) -> _Draft | None:
        for other in reversed(self.drafts):
            means = _means_of(other, draft)
            if (other.event.family != draft.event.family and not means) \
                    or other.tally != draft.tally:
                continue
            if not _dates_close(other, draft, lenient=weak):
                continue
            if not _places_compatible(other.place, draft.place) and \
                    not _same_toll_nearby(other, draft):
                continue
            if _own_tolls_differ(other, draft):
                continue
            if len(draft.evidence) == 1:
                # "Three Armenian servicemen were killed ..." + "Azerbaijan said two of its
                # soldiers had been killed": each side's dead, summed
                # (unless it is another source's figure: "The RSF, which controls the
                # town, said 27 civilians were killed in the bombardment")
                draft.casualties = _summed_unless_competing(other, draft.casualties,
                                                            draft.evidence[0])
            if means and other.event.generic:
                # "killed in a Russian attack on X" + "Russia struck X with drones": the
                # attack's means name its type, as ACLED codes it
                other.event = replace(draft.event, start=other.event.start,
                                      end=other.event.end)
            _absorb(other, draft)
            return other
        if weak:
            return None
        self.drafts.append(draft)
        return draft

    def _may_speak(self, sentence: str) -> None:
        if not self.present.isdisjoint(OFFICIAL_WORDS):
            self.pending_speakers.append((sentence, self.present))

    def _speaker(self) -> str | None:
        """The country whose official spoke last (`official_speaker`), lazily."""
        for sentence, present in reversed(self.pending_speakers):
            speaker = official_speaker(sentence, present)
            if speaker:
                self.last_speaker = speaker
                break
        self.pending_speakers = []
        return self.last_speaker

    def _statement(self, start: int, sentence: str, match: EventMatch,
                   refs: list[DateRef], context: DateRef | None) -> None:
        iso = speaker_country(sentence, before=match.start) or self._speaker()
        if iso is None:
            iso = self.dateline_country
        self.last_speaker = iso
        self.pending_speakers = []
        place = self._seat(iso)
        if place is None:
            return
        ref = refs[0] if refs else context
        if ref is not None:
            date_, date_prec = ref.date, ref.precision
        elif self.published is not None:
            date_, date_prec = self.published, DATE_WEEK
        else:
            date_, date_prec = None, None
        precision = _PRECISION.get(place.kind, GEO_LINE_OR_COUNTRY)
        draft = _Draft(
            event=match, place=place, place_text=place.name, precision=precision,
            date=date_, date_precision=date_prec, first_offset=start, evidence=[sentence],
            actor1=f"Government of {country_name(iso)}" if iso else None,
            reported_by=reported_by(sentence), confidence=round(match.confidence, 3),
            speaker=iso, date_own=bool(refs),
        )
        self._merge(draft, weak=False)

    def _incident(self, d: _Draft) -> Incident:
        a = self.article
        place = d.place
        assert place is not None
        key = f"{a.id}|{d.event.event_type}|{place.id}|{d.date}|{d.first_offset}"
        area = None
        if self.geometry is not None and place.has_geometry and d.precision and \
                d.precision >= GEO_REGION:
            area = _area(self.geometry, place.id)
        return Incident(
            id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
            event_type=d.event.event_type,
            sub_event_type=d.event.sub_event_type,
            date=d.date,
            date_precision=d.date_precision if d.date else None,
            place=d.place_text,
            place_name=place.name,
            gazetteer_id=place.id,
            admin1=place.admin1,
            country=place.country,
            geo_precision=d.precision,
            lat=place.lat,
            lon=place.lon,
            killed=_fatalities(d),
            wounded=d.casualties.wounded,
            captured=d.casualties.captured,
            killed_text=d.casualties.killed_text,
            wounded_text=d.casualties.wounded_text,
            actor1=d.actor1,
            actor2=d.actor2,
            reported_by=d.reported_by,
            evidence=" ".join(d.evidence),
            source=a.source,
            published=a.published,
            url=a.url,
            title=a.title,
            article_id=a.id,
            confidence=round(min(1.0, d.confidence), 3),
            area=area,
            uncertainty_km=TOLERANCE_KM.get(d.precision) if d.precision else None,
        )


def _fatalities(d: _Draft) -> int | None:
    """The toll; 0 for a violent event whose report gives none, as ACLED codes fatalities
    (an analyst sums them); None only where the report gives a vague amount ("dozens",
    kept in killed_text) rather than a number."""
    killed = d.casualties.killed
    if killed is None and d.event.violent and d.casualties.killed_text is None:
        return 0
    return killed


def _means_of(a: _Draft, b: _Draft) -> bool:
    """Is one of two violent drafts a killing told with no weapon or fight ("two were
    killed in an attack on X") and the other the same day's strike or shelling at the
    same place, told right after it? Then the second tells the first one's means."""
    if not (a.event.violent and b.event.violent) or a.event.generic == b.event.generic:
        return False
    generic, means = (a, b) if a.event.generic else (b, a)
    return means.event.event_type == tx.EXPLOSIONS and generic.place is not None \
        and means.place is not None and generic.place.id == means.place.id \
        and abs(means.first_offset - generic.first_offset) <= _SAME_STORY_SPAN
