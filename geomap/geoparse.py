"""Geoparser: find place names in news text and pick the place each one means.

Recognition (geomap.recognize) probes the gazetteer's folded-name table at capitalised
word starts and keeps the spans that are toponyms in context; resolution
(geomap.resolve) scores each span's candidates with priors, the article's countries and
provinces, local cues, prominence and spatial coherence. This module joins the two.
"""

from __future__ import annotations

from geomap.folding import fold
from geomap.model import Mention, Place
from geomap.recognize import DEMONYMS, Recognizer
from geomap.resolve import Resolver


class Geoparser(Recognizer, Resolver):
    """Find and resolve toponyms; `parse(text)` returns Mentions sorted by start."""

    # -- public API -----------------------------------------------------------------------
    def parse(self, text: str) -> list[Mention]:
        """Toponyms in `text`, resolved; text[m.start:m.end] == m.text for each."""
        folded = fold(text)
        matches, unknown, dems = self._recognise(text, folded)
        doc_cc = self._doc_countries(matches, dems)
        matches = [m for m in matches if not self._stray(m, folded, doc_cc, text)]
        matches += self._fuzzy(text, folded, unknown, doc_cc, matches)
        matches.sort(key=lambda m: m.start)
        self._resolve(text, folded, matches, self._with_actor_neighbours(doc_cc, folded, dems))
        located = self._located_unknowns(text, folded, unknown, matches)
        if located:
            matches = sorted(matches + located, key=lambda m: m.start)
        return [self._mention(text, m) for m in matches if m.rows]

    def resolve_span(self, text: str, start: int, end: int) -> Mention:
        """Resolve a given span (e.g. a gold toponym) in the context of the whole text."""
        folded = fold(text)
        matches, _, dems = self._recognise(text, folded)
        doc_cc = self._doc_countries(matches, dems)
        matches = [m for m in matches if m.end <= start or m.start >= end]
        target = self._span_match(text, folded, start, end, doc_cc)
        matches.append(target)
        matches.sort(key=lambda m: m.start)
        self._resolve(text, folded, matches, self._with_actor_neighbours(doc_cc, folded, dems))
        return self._mention(text, target)


__all__ = ["DEMONYMS", "Geoparser", "Place"]
