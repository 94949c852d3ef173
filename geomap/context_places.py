"""Place names the gazetteer lacks, located by the places named around them.

GeoNames cities500 has no neighbourhoods and misses many villages, camps and districts
that conflict news names: "the Zeitoun neighbourhood of Gaza City", "Masisi territory",
"the village of Qlayleh". A place-type word next to a capitalised name makes the name a
toponym all the same. It is resolved to the place that contains it: the place named with
it ("... of Gaza City", "Kharkiv's Saltivskyi district"), else the nearest town, province
or region named before it in its paragraph, else the first one after it in its sentence.
Its confidence stays low (CONTEXT_CONFIDENCE) because the point is the container's, not
its own. `geomap toponyms` lists these; incident placement does not use them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace

from geomap.actors import country_name
from geomap.folding import fold
from geomap.model import (
    KIND_ADMIN1,
    KIND_COUNTRY,
    KIND_LINE,
    KIND_PLACE,
    Mention,
    Place,
    haversine_km,
    home_country,
)
from geomap.recognize import DEMONYMS

CONTEXT_CONFIDENCE = 0.35
CONTAINER_BACK = 1000  # characters back, past its paragraph, a name's container is sought

# "the Zeitoun neighbourhood", "Masisi territory", "Far'a camp", "the Afungi peninsula"
_TYPE_AFTER = (r"neighbou?rhoods?|district|sub-?district|quarter|suburb|territory|"
               r"(?:refugee )?camp|village|township|commune|municipality|locality|hromada|"
               r"region|zone|peninsula|river|forest|lake|area")
# the same words written as part of the name ("Budalin Township", "Sambisa Forest"); not
# "District", which in English copy names offices more often ("School District")
_TYPE_AFTER_CAPITAL = r"Neighbou?rhood|Camp|Township|River|Forest|Lake|Peninsula"
# a capitalised word after a capitalised type word: an organisation's name ("... River
# Seafood", "... Neighborhood Association")
_CAPITAL_NEXT = re.compile(r" [A-Z]")
# "the village of Aitaroun", "the town of Mucojo"
_TYPE_BEFORE = (r"villages?|town|city|neighbou?rhoods?|district|suburb|camp|hamlet|"
                r"settlement|locality|quarter|hromada")
# a capitalised word; an apostrophe may join letters ("Far'a", "Ma'rib") but a possessive
# "'s" ends the word ("Odesa's Peresypskyi district")
_WORD = r"[A-Z]\w*(?:['’](?!s\b)\w+)*(?:-\w+(?:['’](?!s\b)\w+)*)*"
_ARTICLE = r"(?:(?:al|el|as|ash|an|ar|at|az|ad|Al|El|As|Ash|An|Ar|At|Az|Ad)[- ])"
_NAME = rf"{_ARTICLE}?{_WORD}(?: (?:{_ARTICLE})?{_WORD}){{0,2}}"
# Found from the place-type word, which few sentences have, then the name next to it:
# scanning every capitalised run for a following type word cost a third of the parse.
_TYPE_AFTER_WORD = re.compile(rf" (?:{_TYPE_AFTER}|{_TYPE_AFTER_CAPITAL})\b")
_NAME_ENDING = re.compile(rf"(?<![\w'’-]){_NAME}$")  # searched with endpos at the type word
_OF_CAPITAL = re.compile(r" of (?=[A-Z])")
_TYPE_WORD_ENDING = re.compile(rf"(?<![\w-])(?:{_TYPE_BEFORE})$")  # endpos before " of "
_NAME_AT = re.compile(_NAME)
# a container right after the phrase: "... of Gaza City", "... in Omdurman"
_CONTAINER_AFTER = re.compile(r" (?:of|in|near|outside) (?:the )?(?:city of )?")
# words that make a capitalised run no name: directions, generic and time words
_NOT_NAMES = frozenset(str.split("""
    north south east west northern southern eastern western central upper lower old new
    greater middle industrial residential commercial border frontline front security
    military government rural urban coastal eastern-most the a an this that these those its
    their our his her one two three each every same other another several many which
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december
    christian muslim druze alawite sunni shia shiite jewish yazidi arab bedouin
    by in at on from for with to of after before during near outside inside into across
    and or but as
    """))
HEADLINE_CAPITALS = 0.7  # a line with this share of its longer words capitalised is a title
HEADLINE_MAX = 300  # ... and no longer than this (characters)


def contextual_mentions(text: str, mentions: list[Mention],
                        neighbours: Mapping[str, frozenset[str]] | None = None) -> list[Mention]:
    """Mentions for names next to a place-type word that no mention covers, each
    resolved to its container (see the module docstring), sorted with the others; with
    the gazetteer's `neighbours`, also local places that the gazetteer lacks but a
    homonym abroad has (see relocate_homonyms)."""
    if neighbours is not None:
        mentions = relocate_homonyms(text, mentions, neighbours)
    mentions = _districts_home(text, mentions)
    taken = [(m.start, m.end) for m in mentions]
    added: list[Mention] = []
    placed: dict[str, Mention] = {}  # a name placed once stands there when named again
    for s, e, phrase_end in _typed_names(text):
        s, e = _trim(text, s, e)
        if e <= s or any(s < te and ts < e for ts, te in taken):
            continue
        container = placed.get(text[s:e]) or _container(text, phrase_end, s, mentions, True)
        if container is None or container.place is None:
            continue
        placed.setdefault(text[s:e], container)
        taken.append((s, e))
        added.append(Mention(text=text[s:e], start=s, end=e, place=container.place,
                             confidence=min(CONTEXT_CONFIDENCE, container.confidence)))
    for s, e, at in _near_names(text):
        s, e = _trim(text, s, e)
        if e <= s or any(s < te and ts < e for ts, te in taken):
            continue
        container = next((m for m in mentions if m.start == at and m.place is not None
                          and m.place.kind != KIND_COUNTRY), None)
        if container is None:
            continue  # placed only by a place named right after it
        placed.setdefault(text[s:e], container)
        taken.append((s, e))
        added.append(Mention(text=text[s:e], start=s, end=e, place=container.place,
                             confidence=min(CONTEXT_CONFIDENCE, container.confidence)))
    added += _named_again(text, placed, taken)
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: m.start)


def _named_again(text: str, placed: dict[str, Mention],
                 taken: list[tuple[int, int]]) -> list[Mention]:
    """Each other occurrence of a name placed by its type word ("Myinmu Township" ...
    "near Myinmu"): the same place, as the gazetteer would give a known name's."""
    out: list[Mention] = []
    for name, container in placed.items():
        s = text.find(name)
        while s >= 0:
            e = s + len(name)
            whole = (s == 0 or not (text[s - 1].isalnum() or text[s - 1] in "'’-")) and (
                e == len(text) or not (text[e].isalnum() or text[e] == "-"))
            if not whole or any(s < te and ts < e for ts, te in taken):
                s = text.find(name, e)
                continue
            taken.append((s, e))
            out.append(Mention(text=name, start=s, end=e, place=container.place,
                               confidence=min(CONTEXT_CONFIDENCE, container.confidence)))
            s = text.find(name, e)
    return out


def _typed_names(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, phrase end) of each capitalised name next to a place-type word:
    "<Name> district" (the phrase ends after the type word), "village of <Name>"."""
    for typed in _TYPE_AFTER_WORD.finditer(text):
        at = typed.start()
        if text[text.rfind(" ", max(0, at - 40), at) + 1:at].islower():
            continue  # "the area", "a village": no name before it (no regex search)
        if text[at + 1].isupper() and (
                _CAPITAL_NEXT.match(text, typed.end()) or _headline(text, typed.start())):
            continue  # "Strike Hits Displacement Camp": title case, not a name's own word
        name = _NAME_ENDING.search(text, max(0, typed.start() - 80), typed.start())
        if name:
            yield name.start(), name.end(), typed.end()
    for of in _OF_CAPITAL.finditer(text):
        if _TYPE_WORD_ENDING.search(text, max(0, of.start() - 16), of.start()):
            name = _NAME_AT.match(text, of.end())
            if name:
                yield name.start(), name.end(), name.end()


def _headline(text: str, at: int) -> bool:
    """Is the line holding `at` written in title case (most longer words capitalised)?"""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = end if end >= 0 else len(text)
    if end - start > HEADLINE_MAX:
        return False  # a paragraph, not a title
    words = [w for w in text[start:end].split() if len(w) > 3]
    return len(words) >= 3 and \
        sum(w[0].isupper() for w in words) >= HEADLINE_CAPITALS * len(words)


# "near Komanda in Ituri province", "in Zabarmari, near Maiduguri": a name the text puts
# near the place it names right after ("in X in Y" alone is no such cue: "in Congress in").
# Found from the rarer "near" / "outside", then the name after or before it.
_NEAR_WORDS = ("near ", "outside ")
_NAME_THEN_IN = re.compile(rf"({_NAME}),? in (?:the )?")
_NAME_BEFORE_NEAR = re.compile(rf"\b(?:in|at) ({_NAME}),? $")


def _near_names(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, where the place after it must start) of each such name."""
    for near in _NEAR_WORDS:  # str.find: a regex scan for them costs several times more
        i = text.find(near)
        while i >= 0:
            at = i + len(near)
            if i == 0 or not text[i - 1].isalnum():
                after = _NAME_THEN_IN.match(text, at)
                if after:
                    yield after.start(1), after.end(1), after.end()
                before = _NAME_BEFORE_NEAR.search(text, max(0, i - 80), i)
                if before:
                    yield before.start(1), before.end(1), \
                        at + 4 if text.startswith("the ", at) else at
            i = text.find(near, at)


CITY_POP = 100_000  # a city this big has districts named like villages elsewhere
DISTRICT_VILLAGE_POP = 20_000  # ... and a namesake this small is such a village
DISTRICT_KM = 30.0  # a city's district lies this near the city's point
_DISTRICT_NEXT = re.compile(r" (?:city )?districts?\b")


def _districts_home(text: str, mentions: list[Mention]) -> list[Mention]:
    """"The city's Kyivskyi district" read as a village of that name far away, or as
    another city's district (GeoNames PPLX): a city's district lies in the city the text
    is in, so the mention moves there (as a place the gazetteer lacks would be placed)
    when that city is big and the reading far."""
    out = []
    for m in mentions:
        p = m.place
        district = _DISTRICT_NEXT.match(text, m.end) if p is not None and \
            p.kind == KIND_PLACE else None
        if district is not None:
            city = _container(text, district.end(), m.start,
                              [x for x in mentions if x is not m], True)
            c = city.place if city is not None else None
            # a small or sectional namesake, or a town much smaller than the city the text
            # names as the district's own ("the city's X district", "X district of Y")
            small = p.population < DISTRICT_VILLAGE_POP or p.feature == "PPLX" or (
                c is not None and p.population * 5 < c.population and (
                    text.endswith("city's ", 0, m.start) or
                    text.startswith(" of ", district.end())))
            if small and c is not None and c.kind == KIND_PLACE and c.population >= CITY_POP \
                    and haversine_km(p.lat, p.lon, c.lat, c.lon) > DISTRICT_KM:
                m = replace(m, place=c, confidence=min(CONTEXT_CONFIDENCE, city.confidence),
                            runner_up=p, runner_up_confidence=m.confidence)
        out.append(m)
    return out


# "near the Libyan border", "the Lebanese frontier": a people's adjective before "border"
_DEMONYM_BORDER = re.compile(r"\b([A-Z][a-z]+) (?:border|frontier)\b")
BORDER_CONFIDENCE = 0.6


def demonym_borders(text: str, mentions: list[Mention],
                    lookup: Callable[[str], list[Place]]) -> list[Mention]:
    """"The Libyan border" in a Sudanese story is the Libya–Sudan border: a demonym before
    "border" names the line between its country and the article's home country, which
    the gazetteer knows by the two countries' names. Added where no mention covers it."""
    home = home_country(mentions)
    if home is None or (" border" not in text and " frontier" not in text):
        return mentions
    added = []
    for m in _DEMONYM_BORDER.finditer(text):
        other = DEMONYMS.get(fold(m.group(1)))
        if other is None or other == home or any(
                x.start < m.end() and m.start() < x.end for x in mentions):
            continue
        line = next((p for p in lookup(f"{country_name(other)}-{country_name(home)} border")
                     if p.kind == KIND_LINE), None)
        if line is not None:
            added.append(Mention(text=m.group(0), start=m.start(), end=m.end(), place=line,
                                 confidence=BORDER_CONFIDENCE))
    return sorted([*mentions, *added], key=lambda x: x.start) if added else mentions


def relocate_homonyms(text: str, mentions: list[Mention],
                      neighbours: Mapping[str, frozenset[str]]) -> list[Mention]:
    """A local place the gazetteer lacks, read as a namesake abroad: "the Karari area" of
    Omdurman as a village in India, "the Bani Matar district" near Sanaa as Baneh, Iran.
    A place-type word next to the name says it is local; the namesake lies outside the
    article's country and its neighbours, in a country the article never names. Such a
    mention is moved to its local container (as contextual_mentions would place it) with
    a low confidence; without a container it is left alone."""
    home = home_country(mentions)
    if home is None:
        return mentions
    named = {m.place.country for m in mentions
             if m.place is not None and m.place.kind == KIND_COUNTRY}
    near = {home, *neighbours.get(home, ())}
    out = []
    for m in mentions:
        p = m.place
        if p is None or p.kind not in (KIND_PLACE, KIND_ADMIN1) or p.feature == "PPLC":
            out.append(m)
            continue
        typed = _TYPE_NEXT.match(text, m.end) or _LISTED_TYPE.match(text, m.end)
        container = None
        if p.country not in near and p.country not in named and (typed or _typed(text, m)):
            container = _container(text, typed.end() if typed else m.end, m.start,
                                   [x for x in mentions if x is not m])
        elif typed and (after := _named_after(text, typed.end(), mentions)) is not None and \
                after.place.kind == KIND_PLACE and \
                haversine_km(p.lat, p.lon, after.place.lat, after.place.lon) > NAMED_CONTAINER_KM:
            # "the Al Wahda and Al Thawra neighbourhoods of El Fasher": the city named as
            # the container outweighs a reading far from it, even next door (South
            # Sudan's Unity state is Al Wahda in Arabic)
            container = after
        if container is not None and container.place is not None:
            m = replace(m, place=container.place,
                        confidence=min(CONTEXT_CONFIDENCE, container.confidence),
                        runner_up=p, runner_up_confidence=m.confidence)
        out.append(m)
    return out


# (the capitalised forms too: "Kani Township" in Sagaing is no namesake in Japan)
_TYPE_NEXT = re.compile(rf" (?:{_TYPE_AFTER}|{_TYPE_AFTER_CAPITAL}|area)\b")
# "Shujaiya and Zeitoun neighbourhoods", "Al Wahda, Al Thawra and Al Qubba districts": the
# plural type word is every listed name's
_PLURAL_TYPE = (r"neighbou?rhoods|districts|sub-?districts|quarters|suburbs|camps|villages|"
                r"townships|communes|municipalities|localities|areas|hromadas")
_LISTED_TYPE = re.compile(rf"(?:(?:,| and|, and) (?:the )?{_NAME})+ (?:{_PLURAL_TYPE})\b")
NAMED_CONTAINER_KM = 50  # a typed name's reading this far from the city named as its container


def _named_after(text: str, phrase_end: int, mentions: list[Mention]) -> Mention | None:
    """The place named right after a typed phrase ("... neighbourhoods of El Fasher",
    "... district in Omdurman")."""
    after = _CONTAINER_AFTER.match(text, phrase_end)
    if after is None:
        return None
    return next((m for m in mentions if m.start == after.end() and m.place is not None), None)


_TYPE_PREV = re.compile(rf"\b(?:{_TYPE_BEFORE}) of $")


def _typed(text: str, m: Mention) -> bool:
    """A place-type word right after the name, or "the village of" right before it."""
    return bool(_TYPE_NEXT.match(text, m.end) or
                _TYPE_PREV.search(text, max(0, m.start - 30), m.start))


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop leading words that are no name ("The", "Northern") from the run."""
    words = text[s:e].split(" ")
    while words and words[0].lower() in _NOT_NAMES:
        s += len(words.pop(0)) + 1
    if not words or any(w.lower() in _NOT_NAMES or _demonym(w) for w in words) \
            or text[s:e].isupper():
        return s, s  # "the Security district", "Russian-held village", "UN camp": no name
    return s, e


def _demonym(word: str) -> bool:
    """'Palestinian', 'Russian-held': a people's adjective opens no place name."""
    return fold(word.split("-")[0]) in DEMONYMS


def _container(text: str, phrase_end: int, start: int,
               mentions: list[Mention], far: bool = False) -> Mention | None:
    """The mention that contains the name: named right after the phrase, else the
    nearest place (not a country) before it in its paragraph, else the first one after
    it in its sentence; with `far`, else the last one within CONTAINER_BACK before it
    (for the toponym list only: a far guess moves no incident)."""
    after = _named_after(text, phrase_end, mentions)
    if after is not None:
        return after
    possessive = [m for m in mentions if m.end in (start - 3, start - 2)
                  and text[m.end:start].rstrip() in ("'s", "’s")]
    if possessive:
        return possessive[0]
    # a place named before it in its own sentence, at home or abroad ("in Russia's Belgorod
    # region, ... the village of Nekhoteyevka"; "the territory of Kalbajar and Lachin
    # districts" in an Armenian story)
    sentence_start = _sentence_start(text, start)
    own = [m for m in mentions if m.place is not None and m.place.kind != KIND_COUNTRY
           and sentence_start <= m.start and m.end <= start]
    if own:
        return own[-1]
    home = home_country(mentions)
    local = [m for m in mentions if m.place is not None and m.place.kind != KIND_COUNTRY
             and (home is None or m.place.country == home)]
    paragraph = text.rfind("\n", 0, start) + 1
    before = [m for m in local if paragraph <= m.start and m.end <= start]
    if before:
        return before[-1]
    sentence_end = _sentence_end(text, start)
    after_in_sentence = [m for m in local if start < m.start < sentence_end]
    if after_in_sentence or not far:
        return after_in_sentence[0] if after_in_sentence else None
    # else the story is still where it last was: the last place named not long before
    before = [m for m in local if start - CONTAINER_BACK <= m.start and m.end <= start]
    return before[-1] if before else None


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


def _sentence_start(text: str, start: int) -> int:
    """Where the sentence holding `start` begins (after the last stop or line break)."""
    cut = max(text.rfind(". ", 0, start), text.rfind("! ", 0, start),
              text.rfind("? ", 0, start))
    return max(cut + 2 if cut >= 0 else 0, text.rfind("\n", 0, start) + 1)


def _sentence_end(text: str, start: int) -> int:
    found = _SENTENCE_END.search(text, start)
    return found.start() if found else len(text)
