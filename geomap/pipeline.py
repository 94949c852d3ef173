"""One object that runs the whole extraction: article -> mentions -> places -> incidents.

The gazetteer is loaded once and shared, so the CLI, the ingest loop and the web app
all pay the start-up cost a single time per process.
"""

from __future__ import annotations

from functools import cache, partial
from typing import Any

from geomap.context_places import contextual_mentions
from geomap.gazetteer import Gazetteer
from geomap.geoparse import Geoparser
from geomap.incidents import extract_incidents
from geomap.model import Article, Incident, Mention


class Extractor:
    """Extracts toponyms and incidents from articles with one loaded gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.geoparser = Geoparser(gazetteer)

    @classmethod
    def default(cls) -> Extractor:
        """The process-wide extractor over the default on-disk gazetteer."""
        return _default_extractor()

    def toponyms(self, article: Article) -> list[Mention]:
        """Every place name, with those the gazetteer lacks located by their context."""
        return contextual_mentions(article.text, self.geoparser.parse(article.text))

    def extract(self, article: Article) -> list[Incident]:
        # Toponyms are resolved only once a sentence reports an event (see extract_incidents).
        return extract_incidents(article, partial(self.geoparser.parse, article.text),
                                 geometry=self.gazetteer.geometry,
                                 lookup=self.gazetteer.lookup,
                                 capital=self.gazetteer.capital_of)


@cache
def _default_extractor() -> Extractor:
    return Extractor(Gazetteer.load())


def mention_record(mention: Mention, article: Article) -> dict[str, Any]:
    """The `geomap toponyms` contract for one mention."""
    place = mention.place
    return {
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "name": place.name if place else None,
        "gazetteer_id": place.id if place else None,
        "feature": place.feature if place else None,
        "country": place.country if place else None,
        "lat": round(place.lat, 6) if place else None,
        "lon": round(place.lon, 6) if place else None,
        "confidence": round(mention.confidence, 3),
    }
