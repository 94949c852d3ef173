"""The records that flow one way through geomap: text -> mentions -> places -> incidents.

Every stage takes and returns these plain dataclasses, so stages can be tested alone
and the store, API and exports share one definition of an incident.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# geo_precision, as ACLED analysts know it (we add 4 for border lines and countries).
GEO_POINT = 1  # a town or village: the event happened there
GEO_NEAR = 2  # a district, "near X", or a part of a town
GEO_REGION = 3  # a province or a named region
GEO_LINE_OR_COUNTRY = 4  # a border line, front line or a whole country

# How far apart two reports of one event may be placed, by geo_precision (km).
TOLERANCE_KM: dict[int, float] = {
    GEO_POINT: 10.0,
    GEO_NEAR: 25.0,
    GEO_REGION: 100.0,
    GEO_LINE_OR_COUNTRY: 300.0,
}

# date_precision, as ACLED's time_precision.
DATE_DAY = 1  # the exact day is known
DATE_WEEK = 2  # within a few days ("last week", "in recent days")
DATE_MONTH = 3  # only the month (or vaguer) is known

# Place kinds, from most to least specific.
KIND_PLACE = "place"  # populated place (GeoNames P class)
KIND_ADMIN1 = "admin1"  # first-level administrative division
KIND_REGION = "region"  # a named region with a polygon (curated)
KIND_LINE = "line"  # a border, front line or line of contact (curated)
KIND_COUNTRY = "country"


@dataclass(frozen=True, slots=True)
class Article:
    """One news article; `text` is what offsets refer to.

    `chrome` lists (start, end) spans of page furniture (captions, banners, mailing-list
    prompts): toponyms there are still reported, but no incident comes from them.
    """

    text: str
    id: str
    published: date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    path: str | None = None
    chrome: tuple[tuple[int, int], ...] = ()

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


def content_hash(text: str) -> str:
    """The identity of an article's text: ingesting the same text twice is a no-op."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    `id` is namespaced by source: "gn:<geonameid>" for GeoNames places, countries and
    admin-1 units that GeoNames knows; "cur:<slug>" for curated regions and lines.
    `feature` is a GeoNames feature code (PCLI, ADM1, PPLC, PPLA, PPL, RGN, ...; curated
    lines use "BDR" or "LCTY").
    """

    id: str
    name: str
    kind: str
    feature: str
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None  # name of the admin-1 unit it lies in (its own name for an ADM1)
    lat: float
    lon: float
    population: int = 0
    has_geometry: bool = False  # an area or line geometry is available from the gazetteer


@dataclass(slots=True)
class Mention:
    """A place name found in text and what it was resolved to."""

    text: str  # as written
    start: int
    end: int
    place: Place | None
    confidence: float
    runner_up: Place | None = None
    runner_up_confidence: float = 0.0
    fuzzy: bool = False  # matched by spelling similarity, not exactly


def as_places(found: Sequence[Place] | Place | None) -> list[Place]:
    """A gazetteer lookup's answer as a list (lookups and their test stand-ins give a
    list, one Place, or None)."""
    if found is None:
        return []
    return [found] if isinstance(found, Place) else list(found)


def home_country(mentions: list[Mention], majority: bool = False) -> str | None:
    """The country most of the mentions' places are in (with `majority`, only if more than
    half are): the story's own country, against which places abroad are weighed."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.place is not None and m.place.country:
            counts[m.place.country] = counts.get(m.place.country, 0) + 1
    if not counts:
        return None
    iso, n = max(counts.items(), key=lambda kv: kv[1])
    return iso if not majority or n * 2 > sum(counts.values()) else None


@dataclass(slots=True)
class Incident:
    """One located, dated event. Field names are the GeoJSON property names."""

    id: str
    event_type: str
    sub_event_type: str
    date: date | None
    date_precision: int | None
    place: str | None  # as written in the article
    place_name: str | None  # gazetteer name
    gazetteer_id: str | None
    admin1: str | None
    country: str | None
    geo_precision: int | None
    lat: float | None
    lon: float | None
    killed: int | None = None
    wounded: int | None = None
    captured: int | None = None
    killed_text: str | None = None  # vague amounts ("dozens") are kept as words
    wounded_text: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    reported_by: str | None = None
    evidence: str = ""
    source: str | None = None
    published: date | None = None
    url: str | None = None
    title: str | None = None
    article_id: str | None = None
    confidence: float = 0.0
    area: dict[str, Any] | None = None  # GeoJSON geometry of the area / line, if any
    uncertainty_km: float | None = None  # radius that the point stands for
    sources: list[dict[str, Any]] = field(default_factory=list)

    def properties(self) -> dict[str, Any]:
        """GeoJSON properties, JSON-ready (dates as ISO strings)."""
        props = {name: getattr(self, name) for name in PROPERTY_NAMES}
        props["date"] = self.date.isoformat() if self.date else None
        props["published"] = self.published.isoformat() if self.published else None
        return props

    def to_feature(self) -> dict[str, Any]:
        """An RFC 7946 Feature: a Point [lon, lat]; an area's geometry rides in `area`."""
        geometry = (
            {"type": "Point", "coordinates": [round(self.lon, 6), round(self.lat, 6)]}
            if self.lat is not None and self.lon is not None
            else None
        )
        return {"type": "Feature", "id": self.id, "geometry": geometry,
                "properties": self.properties()}


# The contract of `geomap extract` and the API, in output order.
PROPERTY_NAMES: tuple[str, ...] = (
    "id",
    "event_type",
    "sub_event_type",
    "date",
    "date_precision",
    "place",
    "place_name",
    "gazetteer_id",
    "admin1",
    "country",
    "geo_precision",
    "lat",
    "lon",
    "killed",
    "wounded",
    "captured",
    "killed_text",
    "wounded_text",
    "actor1",
    "actor2",
    "reported_by",
    "evidence",
    "source",
    "published",
    "url",
    "title",
    "article_id",
    "confidence",
    "uncertainty_km",
    "area",
)


def feature_collection(features: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": features}


EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
