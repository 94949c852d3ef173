"""Segmentation for incident extraction: page chrome, live-page entries, heading
lines, datelines and the clauses of a sentence that tell events of their own.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import replace
from itertools import pairwise

from geomap.dates import DateRef
from geomap.events import EventMatch, classify
from geomap.incidents.patterns import (
    _ACTOR_CLAUSE,
    _CLAUSE_CUT,
    _CUE_IS_ANAPHOR,
    _DETERMINER_BEFORE,
    _HEADING_REST,
    _PRECISION,
    _PROVINCE_WORD,
    _QUARTER,
    _REGION_WORD,
    _SPECIFICITY,
    _STAMP,
)
from geomap.incidents.places import _first_place
from geomap.model import (
    GEO_LINE_OR_COUNTRY,
    GEO_NEAR,
    GEO_REGION,
    KIND_COUNTRY,
    KIND_PLACE,
    Mention,
    Place,
)
from geomap.numbers import casualty_counts
from geomap.sentences import dateline, fold, lede_paragraph


def _overlaps_chrome(span: tuple[int, int], chrome: tuple[tuple[int, int], ...]) -> bool:
    """Is at least half of the span page furniture? (`chrome` is sorted and merged.)"""
    s, e = span
    covered = 0
    for cs, ce in chrome:
        if cs >= e:
            break
        if ce > s:
            covered += min(e, ce) - max(s, cs)
    return covered * 2 >= (e - s)


# A clause that goes on with the subject's next deed, no subject of its own: "..., and also
# targeted the Daraja Oula neighbourhood, killing two women"
_SAME_SUBJECT_DEED = re.compile(r"\W*(?:also\s+|then\s+|later\s+)?(?:targeted|hit|struck|"
                                r"shelled|bombed|attacked|pounded)\b")


def clause_event(clause: str, match: EventMatch | None,
                 present: AbstractSet[str] | None = None) -> EventMatch | None:
    """What a clause of `match`'s sentence tells: its own cue, else, when it goes on with
    the same subject's deed and names no weapon, the sentence's event."""
    other = classify(clause, present)
    if other is None and match is not None and match.violent and \
            (deed := _SAME_SUBJECT_DEED.match(fold(clause))) is not None:
        return replace(match, start=deed.start(), end=deed.end(), generic=False)
    return other


def _other_clauses(sentence: str, match: EventMatch) -> list[tuple[int, int]]:
    """Spans of the clauses of `sentence`, other than the one of `match`, that tell an
    event of their own (see `_own_clause`)."""
    cuts = [c.end() for c in _CLAUSE_CUT.finditer(sentence)]
    if not cuts:
        return []
    bounds = [0, *cuts, len(sentence)]
    spans = list(pairwise(bounds))
    if not any(s <= match.start < e for s, e in spans):
        return []
    return [(s, e) for s, e in spans if not s <= match.start < e
            and clause_event(sentence[s:e], match) is not None]


def _own_clause(sentence: str, start: int, match: EventMatch, mentions: list[Mention]
                ) -> list[Mention]:
    """The mentions of the clause that tells the event, when another clause of the
    sentence tells an event of its own ("insurgents killed two civilians in A, and
    troops reported an exchange of fire near B"): B is the second event's place."""
    cuts = [c.end() for c in _CLAUSE_CUT.finditer(sentence)]
    if not cuts or not mentions:
        return mentions
    bounds = [0, *cuts, len(sentence)]
    for s, e in pairwise(bounds):
        if s <= match.start < e:
            own = (s, e)
            break
    else:
        return mentions
    deeds = {c.end() for c in _ACTOR_CLAUSE.finditer(sentence)}
    others = [(s, e) for s, e in pairwise(bounds) if (s, e) != own
              and (s in deeds or classify(sentence[s:e]) is not None)]
    if not others:
        return mentions
    return [m for m in mentions if not any(s <= m.start - start < e for s, e in others)]


def _cue_is_anaphor(folded: str, cue: int) -> re.Match[str] | None:
    """"The shelling came a day after ...": the cue is the subject, with a determiner,
    of a verb that places it beside another happening (the match, else None)."""
    m = _CUE_IS_ANAPHOR.match(folded, cue)
    if m is None or (not folded.startswith(("the ", "this ", "that "), cue)
                     and not _DETERMINER_BEFORE.search(folded, max(0, cue - 30), cue)):
        return None
    return m


class _Segments:
    """Where a text's units start and end: live-page entries, heading lines, headlines,
    datelines, second clauses. (A part of `_Extractor`.)"""

    def _entry_start(self, paragraphs: list[list[tuple[int, int]]], n: int
                     ) -> tuple[bool, tuple[Place, str, int] | None]:
        """Does paragraph `n` open a live page's entry ("12:05 BST", "10:42 GMT - Toll
        rises to 12", "19 May, 17:05")? And the place its headline names, if any: the
        stamp's own text, else a bare place line after the stamp ("Kupiansk."), else
        the short line after it."""
        if not paragraphs[n]:
            return False, None
        start, end = paragraphs[n][0][0], paragraphs[n][-1][1]
        stamp = _STAMP.match(self.text, start, paragraphs[n][0][1])
        if stamp is None:
            return False, None
        head_start, head_end = stamp.end(), end
        if head_start >= paragraphs[n][0][1] and len(paragraphs[n]) > 1:
            # the stamp is a line of its own, then the post: "19 May, 17:05 / Kupiansk. ..."
            return True, self._heading(*paragraphs[n][1])
        if head_start >= head_end and n + 1 < len(paragraphs) and paragraphs[n + 1]:
            head_start, head_end = paragraphs[n + 1][0][0], paragraphs[n + 1][-1][1]
            line = self.text[head_start:head_end]
            if len(line.split()) > 15 or line.rstrip()[-1:] in ".!?":
                return True, None  # prose, not a headline
        inside = [m for m in self.mentions if head_start <= m.start < head_end
                  and m.place is not None and m.place.kind != KIND_COUNTRY]
        if not inside:
            return True, None
        m = min(inside, key=lambda m: _SPECIFICITY.get(m.place.kind if m.place else "", 5))
        assert m.place is not None
        return True, (m.place, m.text, _PRECISION.get(m.place.kind, GEO_LINE_OR_COUNTRY))

    def _heading(self, start: int, end: int) -> tuple[Place, str, int] | None:
        """A paragraph headed by a bare place line ("Nikopol district.", "Kherson
        region:"), as regional summaries are written: the place of the paragraph's
        events that name none of their own ("a drone struck a farm in the district")."""
        inside = [m for m in self.mentions if start <= m.start < end]
        if len(inside) != 1 or inside[0].place is None:
            return None
        m = inside[0]
        rest = fold(self.text[start:m.start] + " " + self.text[m.end:end])
        if not _HEADING_REST.fullmatch(rest):
            return None
        place = m.place
        assert place is not None
        precision = _PRECISION.get(place.kind, GEO_LINE_OR_COUNTRY)
        tail = fold(self.text[m.end:end])
        if place.kind == KIND_PLACE and _REGION_WORD.match(tail):
            admin = self._admin_of(place, m.text, _PROVINCE_WORD.match(tail) is not None)
            place, precision = (admin, GEO_REGION) if admin is not None else (place, GEO_NEAR)
        return place, m.text, precision

    def _find_headline(self) -> Mention | None:
        """The most specific place named in the headline line, if the text repeats it."""
        title = fold(self.article.title or "").strip()
        if not title:
            return None
        at = self.folded.find(title)
        if at < 0:
            return None
        inside = [m for m in self.mentions if at <= m.start < at + len(title) and m.place
                  and m.place.kind != KIND_COUNTRY]
        inside.sort(key=lambda m: _SPECIFICITY.get(m.place.kind if m.place else "", 5))
        return inside[0] if inside else None

    def _find_dateline(self, paragraphs: list[list[tuple[int, int]]]) -> None:
        lede = lede_paragraph(self.text)
        for sentences in paragraphs:
            if not sentences:
                continue
            start, end = sentences[0]
            if _overlaps_chrome((start, end), self.article.chrome):
                continue
            # The dateline is its own sentence span: match on, into the paragraph (its
            # pattern looks at the first letter after the dash).
            dl = dateline(self.text, start, sentences[-1][1] + 1,
                          lede is not None and lede[0] <= start < lede[1])
            if not dl:
                continue
            inside = [m for m in self.mentions if dl[0] <= m.start < dl[1]]
            place = inside[0].place if inside else None
            if place is None and self.lookup:
                place = _first_place(self.lookup(dl[2]), (KIND_PLACE,))
            if place is not None:
                self.dateline_place = place
                self.dateline_country = place.country
                return

    def _second_clauses(self, sentence: str, start: int, match: EventMatch,
                        mentions: list[Mention], refs: list[DateRef]) -> list[tuple[int, int]]:
        """The other clauses of a sentence that tell a violent event of their own, told as
        events of their own: one with its own count and its own place name while the
        event's clause has another ("a strike in A killed five, while a drone strike in B
        killed two"), or another kind of violence at a town of its own in a dated
        sentence ("the army and the RSF traded artillery fire on Saturday, and clashes
        were reported in Bahri"). A summary's "fighting flared in North Kivu" or an
        undated aside is not coded apart."""
        out = []
        for s, e in _other_clauses(sentence, match):
            clause = sentence[s:e]
            other = clause_event(clause, match)
            if other is None or not other.violent:
                continue
            counted = bool(casualty_counts(clause))
            outside = any(m.start - start < s or m.start - start >= e for m in mentions)
            if counted and outside and (any(s <= m.start - start < e for m in mentions)
                                        or _QUARTER.search(fold(clause))):
                # (or a quarter the gazetteer lacks: "..., killing four in the Abu Shouk
                # camp, and also targeted the Daraja Oula neighbourhood, killing two")
                out.append((s, e))
            elif refs and other.family != match.family:
                inside = [m for m in mentions if s <= m.start - start < e]
                place, _text, _precision, own = self._place(clause, start + s, inside)
                self.extra_places = []
                if own and place is not None and place.kind == KIND_PLACE:
                    out.append((s, e))
        return out
