"""Cross-article dedupe: one event reported by several articles is one incident.

Two reports are the same event when they are in the same event family, their dates are
within a day, and their places lie within TOLERANCE_KM of the coarser precision. Official
statements are stricter: same speaker, same day. Candidates come from the R*Tree (a bbox
around the new point) and the date index, then are checked exactly here.
"""

from __future__ import annotations

import math
import sqlite3
from datetime import timedelta

from geomap.model import GEO_LINE_OR_COUNTRY, TOLERANCE_KM, Incident, haversine_km
from geomap.store.query import rtree_overlap_sql
from geomap.store.records import SELECT_COLUMNS, incident_from_row
from geomap.taxonomy import (
    BATTLES,
    DIPLOMATIC_STATEMENT,
    EXPLOSIONS,
    PROTESTS,
    RIOTS,
    STRATEGIC,
    VIOLENCE_CIVILIANS,
)

MAX_TOLERANCE_KM = max(TOLERANCE_KM.values())

# Event types whose reports may describe the same event: one article's "clashes" is
# another's "shelling"; a protest that turned violent may be filed as a riot.
FAMILIES: dict[str, str] = {
    BATTLES: "fighting",
    EXPLOSIONS: "fighting",
    VIOLENCE_CIVILIANS: "civilians",
    PROTESTS: "demonstrations",
    RIOTS: "demonstrations",
    STRATEGIC: "strategic",
}


def family(incident: Incident) -> str:
    if incident.sub_event_type == DIPLOMATIC_STATEMENT:
        return "statement"
    return FAMILIES.get(incident.event_type, incident.event_type)


def _norm(value: str | None) -> str | None:
    return value.strip().casefold() if value and value.strip() else None


def _same_speaker(a: Incident, b: Incident) -> bool:
    """One statement: the same government (actor1) and no two different named speakers.

    `reported_by` is often missing on one side (one outlet names the spokesman, another
    only the ministry), so a missing value does not split two reports of one statement.
    """
    actor_a, actor_b = _norm(a.actor1), _norm(b.actor1)
    said_a, said_b = _norm(a.reported_by), _norm(b.reported_by)
    if actor_a and actor_b and actor_a != actor_b:
        return False
    if said_a and said_b:
        return said_a == said_b
    return bool(actor_a and actor_b) or bool(said_a and said_a == said_b)


def same_event(a: Incident, b: Incident) -> bool:
    """Whether two reports describe one event (see the module docstring)."""
    if a.date is None or b.date is None or family(a) != family(b):
        return False
    if family(a) == "statement":
        return a.date == b.date and _same_speaker(a, b)
    if abs((a.date - b.date).days) > 1:
        return False
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    coarser = max(a.geo_precision or GEO_LINE_OR_COUNTRY, b.geo_precision or GEO_LINE_OR_COUNTRY)
    tolerance = TOLERANCE_KM.get(coarser, MAX_TOLERANCE_KM)
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= tolerance  # type: ignore[arg-type]


def _max(a: int | None, b: int | None) -> int | None:
    values = [v for v in (a, b) if v is not None]
    return max(values) if values else None


def _precision(value: int | None) -> int:
    return value if value is not None else 99


def merged(old: Incident, new: Incident) -> Incident:
    """`old` updated with `new`: most specific place, max counts, best confidence.

    Counts are maxed, never summed: two articles about one event repeat the same toll.
    The incident keeps its id, so links and URLs stay valid.
    """
    out = Incident(**{name: getattr(old, name) for name in old.__slots__})
    if (_precision(new.geo_precision), -new.confidence) < (
        _precision(old.geo_precision), -old.confidence
    ):
        for name in ("place", "place_name", "gazetteer_id", "admin1", "country",
                     "geo_precision", "lat", "lon", "area", "uncertainty_km"):
            setattr(out, name, getattr(new, name))
    if _precision(new.date_precision) < _precision(old.date_precision):
        out.date, out.date_precision = new.date, new.date_precision
    for name in ("killed", "wounded", "captured"):
        setattr(out, name, _max(getattr(old, name), getattr(new, name)))
    for name in ("killed_text", "wounded_text", "actor1", "actor2", "reported_by"):
        if getattr(out, name) is None:
            setattr(out, name, getattr(new, name))
    if new.confidence > old.confidence:
        out.confidence = new.confidence
        out.event_type, out.sub_event_type = new.event_type, new.sub_event_type
        out.evidence = new.evidence or old.evidence
        for name in ("source", "url", "title", "published", "article_id"):
            setattr(out, name, getattr(new, name))  # the best report is the primary one
    return out


def _bbox(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    dlat = km / 111.0
    dlon = km / max(1e-6, 111.0 * math.cos(math.radians(min(89.0, abs(lat)))))
    return lon - dlon, lon + dlon, lat - dlat, lat + dlat


def find_match(conn: sqlite3.Connection, incident: Incident,
               article_id: str) -> tuple[int, Incident] | None:
    """The stored incident (rowid, Incident) that `incident` repeats, nearest first.

    Incidents already linked to `article_id` are never candidates: the extractor has
    decided that two incidents of one article are distinct.
    """
    if incident.date is None:
        return None
    lo = (incident.date - timedelta(days=1)).isoformat()
    hi = (incident.date + timedelta(days=1)).isoformat()
    fam = family(incident)
    types = sorted(t for t, f in FAMILIES.items() if f == fam) or [incident.event_type]
    type_sql = ",".join("?" * len(types))
    not_linked = ("AND NOT EXISTS (SELECT 1 FROM incident_sources s "
                  "WHERE s.incident_n = i.n AND s.article_id = ?)")
    if fam == "statement" or incident.lat is None or incident.lon is None:
        rows = conn.execute(
            f"SELECT {SELECT_COLUMNS} FROM incidents i WHERE i.sort_date BETWEEN ? AND ? "
            f"AND i.event_type IN ({type_sql}) {not_linked}",
            (lo, hi, *types, article_id),
        ).fetchall()
    else:
        min_lon, max_lon, min_lat, max_lat = _bbox(incident.lat, incident.lon, MAX_TOLERANCE_KM)
        overlap, params = rtree_overlap_sql((min_lon, min_lat, max_lon, max_lat), "r.")
        rows = conn.execute(
            f"SELECT {SELECT_COLUMNS} FROM incidents_rtree r JOIN incidents i ON i.n = r.n "
            f"WHERE {overlap} AND i.sort_date BETWEEN ? AND ? "
            f"AND i.event_type IN ({type_sql}) {not_linked}",
            (*params, lo, hi, *types, article_id),
        ).fetchall()
    best: tuple[float, int, Incident] | None = None
    for row in rows:
        other = incident_from_row(row)
        if not same_event(other, incident):
            continue
        distance = (
            haversine_km(other.lat, other.lon, incident.lat, incident.lon)  # type: ignore[arg-type]
            if None not in (other.lat, other.lon, incident.lat, incident.lon) else 0.0
        ) + abs((other.date - incident.date).days) * 1000.0  # type: ignore[operator]
        if best is None or distance < best[0]:
            best = (distance, row["n"], other)
    return (best[1], best[2]) if best else None

