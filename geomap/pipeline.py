"""One object that runs the whole extraction: article -> mentions -> places -> incidents
-> vetted incidents.

The gazetteer is loaded once and shared, so the CLI, the ingest loop and the web app
all pay the start-up cost a single time per process.
"""

from __future__ import annotations

import gc
from functools import cache, partial
from typing import Any

from geomap.articles import furniture
from geomap.context_places import contextual_mentions, demonym_borders, relocate_homonyms
from geomap.equated_names import equate_names
from geomap.gazetteer import Gazetteer
from geomap.geoparse import Geoparser
from geomap.incidents import extract_incidents
from geomap.incidents.vetting import default_vetter
from geomap.model import Article, Incident, Mention


class Extractor:
    """Extracts toponyms and incidents from articles with one loaded gazetteer."""

    def __init__(self, gazetteer: Gazetteer, *, vetted: bool = True) -> None:
        """`vetted=False` returns the rules' candidates unvetted (to train the vetter)."""
        self.gazetteer = gazetteer
        self.geoparser = Geoparser(gazetteer)
        self.vetter = default_vetter() if vetted else None

    @classmethod
    def default(cls) -> Extractor:
        """The process-wide extractor over the default on-disk gazetteer."""
        return _default_extractor()

    def toponyms(self, article: Article) -> list[Mention]:
        """Every place name, with those the gazetteer lacks located by their context."""
        return contextual_mentions(article.text, self._parsed(article.text),
                                   self.gazetteer.neighbours)

    def extract(self, article: Article) -> list[Incident]:
        # Toponyms are resolved only once a sentence reports an event (see extract_incidents).
        incidents = extract_incidents(article, partial(self._located, _without_chrome(article)),
                                      geometry=self.gazetteer.geometry,
                                      lookup=self.gazetteer.lookup,
                                      capital=self.gazetteer.capital_of)
        return self.vetter.vet(incidents, article) if self.vetter and incidents else incidents

    def _located(self, text: str) -> list[Mention]:
        """The geoparser's mentions, local places read as namesakes abroad moved home."""
        return relocate_homonyms(text, self._parsed(text), self.gazetteer.neighbours)

    def _parsed(self, text: str) -> list[Mention]:
        """The geoparser's mentions, with "the Libyan border" read as the line between
        that country and the article's home country, and two names the text equates
        ("Martuni (which Azerbaijan calls Khojavend)") read as the place both name."""
        mentions = demonym_borders(text, self.geoparser.parse(text), self.gazetteer.lookup)
        return equate_names(text, mentions, self.gazetteer.lookup)


def _without_chrome(article: Article) -> str:
    """The text with its page furniture (captions, "Related" headlines) blanked, offsets
    kept: a caption's places would otherwise weigh in the story's readings."""
    spans = furniture(article)
    if not spans:
        return article.text
    chars = list(article.text)
    for start, end in spans:
        chars[start:end] = [c if c == "\n" else " " for c in chars[start:end]]
    return "".join(chars)


@cache
def _default_extractor() -> Extractor:
    extractor = Extractor(Gazetteer.load())
    # The process-wide extractor lives as long as the process, and so do the index's
    # containers: moved out of the collector's sight (gc.freeze), no full collection walks
    # them mid-run (one such pass cost ~40 ms of an extraction run) nor at exit. Only
    # here: a gazetteer loaded and dropped again elsewhere must stay collectable.
    gc.freeze()
    return extractor


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
