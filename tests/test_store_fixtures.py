"""Shared helpers for the store/ingest/API/export tests: a scripted fake extractor.

The fake returns the incidents that a test attached to an article text, so every test
states exactly what "extraction" found without loading the gazetteer.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import count
from typing import Any

from geomap.model import GEO_LINE_OR_COUNTRY, GEO_POINT, Article, Incident
from geomap.store import Store, open_store

_ids = count(1)


def incident(**fields: Any) -> Incident:
    """A valid incident (a clash in Tartar on 2020-09-27) with `fields` overridden."""
    base = Incident(
        id=f"inc-{next(_ids)}", event_type="Battles", sub_event_type="Armed clash",
        date=date(2020, 9, 27), date_precision=1, place="Tartar", place_name="Tartar",
        gazetteer_id="gn:584630", admin1="Tartar", country="AZ", geo_precision=GEO_POINT,
        lat=40.3444, lon=46.9303, evidence="Clashes erupted in Tartar.", confidence=0.7,
    )
    return replace(base, **fields)


LINE_OF_CONTACT = {"type": "LineString", "coordinates": [[46.5, 39.3], [46.9, 40.2]]}


def line_incident(**fields: Any) -> Incident:
    """A clash placed on the line of contact (coarse precision, with an area)."""
    defaults: dict[str, Any] = dict(
        place="line of contact", place_name="Line of contact", gazetteer_id="cur:loc",
        admin1=None, geo_precision=GEO_LINE_OR_COUNTRY, lat=39.8, lon=46.7,
        area=LINE_OF_CONTACT, uncertainty_km=120.0,
    )
    return incident(**(defaults | fields))


class FakeExtractor:
    """Returns the incidents registered for an article's exact text (else none)."""

    def __init__(self, script: dict[str, list[Incident]] | None = None) -> None:
        self.script = dict(script or {})
        self.calls = 0

    def extract(self, article: Article) -> list[Incident]:
        self.calls += 1
        return [replace(i, article_id=article.id) for i in self.script.get(article.text, [])]


def article(text: str, **fields: Any) -> Article:
    return Article(text=text, id=fields.pop("id", text[:12]), **fields)


def new_store(tmp_path: Any, name: str = "t.db") -> Store:
    return open_store(tmp_path / name)


def snapshot(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table we own: equality means the store did not change."""
    conn = store.conn
    return {
        table: [tuple(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]
        for table in ("articles", "incidents", "incident_sources", "incidents_rtree")
    }
