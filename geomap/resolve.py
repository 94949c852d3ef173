"""Resolution: which gazetteer place a recognised name stands for.

Each candidate is scored by a prior (feature level, population; see
geomap.gazetteer.build._prior), the countries and provinces the article names, local cues
("X province", "city of X", "X, Country", "Country's ... X", "X, a village"), prominence
(a world-known place, by GeoNames alternate-name count, demotes an obscure foreign
homonym unless a local cue names it), a current name over a former one (Pokrovsk, not
Engels), readings that lie together (a town and its county), then a second pass for
coherence with the article's other places (inside a named province or a named county's
state, near other places). City districts stand in their city ("the Kyivskyi district of
Kharkiv"), and a name the gazetteer lacks stands where the text puts it ("the village of
X in Donetsk region"). Confidence is the softmax share of the best score. Kept apart
from recognition so the scoring rules can be read and tuned on their own
(benchmarks/geoparse_eval.py).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from geomap.folding import fold
from geomap.gazetteer.names import (
    ARABIC_CC,
    CYRILLIC_CC,
    UNKNOWN_POP_NOTABLE_ALTS,
    transliterations,
)
from geomap.model import Mention
from geomap.recognize import (
    _ADMIN_AFTER,
    _ADMIN_WORDS,
    _COUNTY_LIST,
    _DATELINE_DASH,
    _GENERICS,
    _LIST_JOINS,
    _LOCAL_AFTER,
    _NEVER,
    _PLACE_AFTER,
    _PLACE_BEFORE,
    _SENT_END,
    _SPAN_GENERIC,
    _Match,
)

if TYPE_CHECKING:
    from geomap.gazetteer import Gazetteer

SEAT_MIN_POP = 10_000  # a town this big that names its own district/province is the bare name
SEAT_MAX_KM = 120.0  # ... if the province is compact (not New York State, not Quebec)
WORLD_CITY_POP = 1_000_000  # cities this big are named without their country
STRAY_MAX_POP = 50_000  # smaller places need their country named in the article
STRAY_ALT_MAX_POP = 500_000  # ... and so do bigger ones matched by an alternate name
NEIGHBOUR_MIN_POP = 10_000  # ... or a neighbour of one, for towns this big
WORLD_KNOWN_ALTS = 80  # GeoNames alternate names of a place known worldwide (Paris, Gaza City)
FOREIGN_ADMIN1_ALTS = 60  # ... enough to outrank a same-name province abroad (Gaza, MZ)
OBSCURE_POP = 20_000  # a homonym this small needs a local cue to beat a world-known place
_ARTICLE_START = re.compile(r"^(?:a|e)(?:l|n|r|s|sh|t|d|z) ")  # "Al-", "El ", "Ash-"
PROVINCE_ABROAD_MIN_VOTES = 3  # country votes that make an article "about" somewhere
OWN_SPELLING_RATIO = 80.0  # "fasher" / "fashir" score 83; "hamm" / "hamas" 67
PROMINENCE_BONUS = 3.0
MAX_CONTEXT_BONUS = 4.0
# A place or county in the province of a county the article names ("Hall County" ->
# Gainesville, Georgia). Support from other places of the province is weighed apart
# (COHERENCE_*): they are often themselves a wrong homonym, so a contested name counts half.
SAME_ADMIN1_BONUS = 1.0  # second-pass bonus cap: candidates further behind cannot win
# Document coherence by province: each other name with a contending reading in an admin-1
# unit supports the candidates there ("Alexandria", "Douglas County" and "St. Cloud"
# together are Minnesota). A name with one reading counts fully, a contested one half.
COHERENCE_VIABLE = 2.0  # a reading this far behind its name's best does not contend
COHERENCE_WEIGHT = 1.5  # bonus per supporting name
COHERENCE_MAX = 4.5  # a town matched only by an alternate name ("Delaware" for West Point,
# Virginia) gets none: measured, bare state names mean the state
COHERENCE_UNDEMOTE = 1.0
SAME_NAME = 60.0  # fuzz.ratio of a spelling of a town's own name ("Kupiansk", "Kupyansk")
# A town matched only by one of its alternate names ("Delaware" for West Point, Virginia)
# gets this share of the support: bare state and country names mean the state.
COHERENCE_ALT = 0.5  # this much support outweighs a world-known namesake abroad
OTHER_NAME_PENALTY = 0.75  # a town named by another (former) name, when one bears it as its own
PEER_PROVINCE_BONUS = 3.0  # a province's reading of a name listed after a province
CONTAINER_BONUS = 5.0  # "X, Texas" / "X, Azerbaijan": the strongest local cue
COUNTRY_NAMESAKE_PENALTY = 4.0  # a province named like its country, without "state" after it
CONTAINER_COUNTRY = 1.0  # a reading in the named province's country, not in the province
# A contested town's reading inside a compact region the article names (Nagorno-Karabakh,
# Donbas; not the Sahel or the Middle East, which hold too much to tell readings apart:
# see gazetteer.build.COMPACT_REGION_MAX_DEG2)
REGION_BONUS = 4.5
TEMPERATURE = 1.5  # softmax sharpness of confidence over candidate scores
_NEAR_D2 = (150 / 111.2) ** 2 * (1 - 1e-9)  # squared degrees a little inside 150 km
_NONE: frozenset[int] = frozenset()  # no readings demoted (shared, never changed)
_ACTOR_AFTER = re.compile(
    r" (?:forces|troops|army|armed forces|military|soldiers|units|strikes?|airstrikes?|"
    r"air ?strikes?|missiles?|drones?|rockets?|shell(?:ing|s)|artillery|jets|warplanes|"
    r"aircraft|bombardment|attacks?|offensive|invasion|occupiers|occupation|navy|"
    r"air force|warships?|fighters|paratroopers|infantry|tanks)\b")
# The rest of a list of provinces after one item: ", Kursk and Bryansk regions".
_ADMIN_LIST = re.compile(r"(?:(?:,|,? and|,? or) [A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2}){1,8}"
                         r" (?:regions|provinces|oblasts|governorates|states|districts)\b")
_ADMIN_PLURAL = re.compile(r" (?:regions|provinces|oblasts|governorates)\b")  # its last item
# A unit word before the name: "the exclave of Nakhchivan", "the province of Kandahar" name
# the unit, not its seat (folded text, so no capital letters).
_ADMIN_BEFORE = re.compile(
    r"\b(?:province|region|governorate|oblast|state|exclave|enclave|autonomous republic|"
    r"prefecture|department) of (?:the )?$")
COLOC_KM = 40.0  # two names' readings this near lie together (a town and its county)
COLOC_BONUS = 1.5
COLOC_MAX = 40  # a name with more readings than this is everywhere
# Co-location grid cells of a degree, keyed by one int (no tuple to build per probe): a
# cell and its eight neighbours are these offsets from its key.
_CELL_ROW = 1024
_CELLS = tuple(di * _CELL_ROW + dj for di in (-1, 0, 1) for dj in (-1, 0, 1))


def _contested(scores: list[float]) -> bool:
    """Two readings or more score within reach of the best (MAX_CONTEXT_BONUS and
    COLOC_BONUS): the runner-up, found by a C-speed sort of a few floats, is."""
    if len(scores) < 2:
        return False
    runner_up, top = sorted(scores)[-2:]
    return runner_up >= top - MAX_CONTEXT_BONUS - COLOC_BONUS


ROMANISED_CC = ARABIC_CC | CYRILLIC_CC
# An unknown name placed by the text: what may stand between it and the place named next.
_LOCATED_BY = re.compile(
    r"(?: (?:village|town|settlement|hamlet|district|area|neighbou?rhood|camp))?,?"
    r"(?: (?:just |about |some )?(?:\d+ ?(?:km|kilometres|kilometers|miles) )?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?(?: of)?|in|near|outside|of))?"
    r" (?:the )?(?:(?:northern|southern|eastern|western|central|occupied) )?"
    r"(?:(?:city|town|municipality) of )?")  # "near the city of Belgorod"
_PREP_LOCATING = re.compile(r"\b(?:in|at|near|outside)\s+$")  # before a name the text places
LOCATED_CUE = 80.0  # _fuzzy_cue's score for "the village of X", "X village", "X district"
LOCATED_RECOG = 0.5
LOCATED_KM = 150.0  # a fuzzy reading further than this from where the text puts it is wrong
DISTRICT_KM = 30.0  # a city district's point lies this near the city's
# A Slavic adjective names a city's district ("Kyivskyi", "Sobornyi"), not a town: "the
# Kyivskyi district" is one of the city just named, while "the Cairns district" is the town's.
_ADJECTIVE_NAME = re.compile(r"(?:sk|zk|ts?k|n|v)(?:yi|yy|iy|ij|y|ii)$")
DISTRICT_CITY_POP = 50_000  # a town this big has districts a bare "the X district" may be
_DISTRICT_OF = re.compile(r" (?:city )?(district|neighbou?rhood|quarter|suburbs?|"
                          r"microdistrict|borough|area) of (?:the )?(?:city of )?")
_DISTRICT_AFTER = re.compile(r" (?:city )?(?:district|neighbou?rhood|quarter|suburb|"
                             r"microdistrict|borough)\b")
_APPOSITION = re.compile(r",? (?:a|the) (?:small |tiny |frontline |front-line )?"
                         r"(?:village|town|settlement|city|hamlet)\b")

def _own_spelling(name: str, span: str, cc: str | None = None) -> bool:
    """Is the matched text the place's own name, up to hyphens, apostrophes, articles and a
    transliteration's vowels ("El-Fashir" for El Fasher, Kupiansk for Kupyansk), or it
    with a generic word ("Gaza City" for Gaza), rather than another name it also has
    ("Hamas" among Hamm's alternates)? In a country whose names news romanises (cc), the
    other romanisations of the name count as its own ("Sweida" is close to "Suweida", a
    spelling of As-Suwayda)."""
    span = _ARTICLE_START.sub("", span.replace("-", " ").replace("'", ""))
    owns = _bare_romanisations(fold(name), cc)
    if any(own == span or span.startswith(own + " ") for own in owns):
        return True
    # the cutoff lets rapidfuzz stop early on spellings too far apart to count
    return any(len(own) >= 5 and fuzz.ratio(own, span, score_cutoff=OWN_SPELLING_RATIO)
               >= OWN_SPELLING_RATIO for own in owns)


@lru_cache(maxsize=16_384)
def _bare_romanisations(folded: str, cc: str | None) -> tuple[str, ...]:
    """The folded name and the spellings the gazetteer build derives from it, without
    hyphens, apostrophes and a leading article, as _own_spelling compares them."""
    owns = (folded, *sorted(transliterations(folded, cc))) if cc else (folded,)
    return tuple(_ARTICLE_START.sub("", own.replace("-", " ").replace("'", ""))
                 for own in owns)


def _accented(name: str, surface: str) -> bool:
    """The text writes the place's own name with its diacritics ("Ménaka", "Kédougou")."""
    return not surface.isascii() and surface.upper() == name.upper() and \
        any(not c.isascii() and c.isalpha() for c in surface)


class Resolver:
    """Scoring mixin of Geoparser; expects the attributes Recognizer.__init__ sets."""

    gaz: Gazetteer
    _kind: bytes
    _k_country: int
    _k_admin1: int
    _k_place: int
    _k_region: int
    _k_line: int
    _demonyms: dict[str, str]
    _seat_memo: dict[tuple[tuple[int, ...], str], frozenset[int]]
    _other_memo: dict[tuple[tuple[int, ...], str], frozenset[int]]
    _prominent_memo: dict[tuple[tuple[int, ...], str], frozenset[int]]
    _fuzzy_best: Any
    _row_name: Any  # row -> its place's name folded, remembered (Recognizer.__init__)

    def _doc_countries(self, matches: list[_Match],
                       demonyms: list[tuple[int, int, str]]) -> Counter[str]:
        """Countries the article is about: named countries, demonyms, unambiguous places.

        Each match remembers its own contribution so that it is not its own evidence.
        """
        gaz = self.gaz
        codes, cc_of = gaz.cc_codes, gaz.cc
        cc: Counter[str] = Counter()
        for m in matches:
            rows = m.rows
            top = rows[0]
            if self._kind[top] == self._k_country:
                m.own = (codes[cc_of[top]], 2 if len(rows) == 1 else 1)
            elif len(rows) == 1 or len({cc_of[r] for r in rows}) == 1:
                m.own = (codes[cc_of[top]], 1)
            else:
                continue
            cc[m.own[0]] += m.own[1]
        # a name repeated is still one name: its mentions are not each other's evidence
        # ("Obama" five times makes no article about Japan)
        by_name: dict[tuple[int, ...], int] = {}
        for m in matches:
            if m.own[1]:
                k = m.key
                by_name[k] = by_name.get(k, 0) + m.own[1]
        for m in matches:
            if m.own[1]:
                m.own = (m.own[0], by_name[m.key])
        for _, _, iso in demonyms:
            cc[iso] += 1
        return cc

    def _with_actor_neighbours(self, doc_cc: Counter[str], folded: str,
                               demonyms: list[tuple[int, int, str]]) -> Counter[str]:
        """The article's countries for scoring readings: a demonym naming an armed actor
        ("Russian forces", "Israeli strikes") says who fights, not where, and armies fight
        at home or next door, so it votes for the neighbours too. Not for the stray test:
        a village of a neighbour is no more likely named than before."""
        out = None
        for _, e, iso in demonyms:
            if _ACTOR_AFTER.match(folded, e):
                if out is None:
                    out = Counter(doc_cc)
                for n in self.gaz.neighbours.get(iso, ()):
                    out[n] += 1
        return doc_cc if out is None else out

    def _stray(self, m: _Match, folded: str, doc_cc: Counter[str], text: str = "") -> bool:
        """A small place (or a common-word province, or a mid-size town by one of its
        alternate names) in a country the article never names, without a place cue: a
        homonym ("Obama", Japan; "Hamas" for Hamm, Germany), not a toponym.
        """
        top = m.rows[0]
        k = self._kind[top]
        if k == self._k_country or k == self._k_region or k == self._k_line or m.listed:
            return False  # listed after a place: "Jeddah, Geneva and Nairobi"
        place = self.gaz.row(top)
        if place.id.startswith("cur:"):
            return False  # curated because news names it (a camp, a village): no homonym
        if place.feature == "PPLC" and self._row_name(top) == folded[m.start:m.end]:
            return False  # a capital by its own name (Ramallah), however small
        if k == self._k_place and len(m.rows) > 1 and \
                any(self._kind[r] != self._k_place for r in m.rows):
            return False
        pop = self.gaz.pop
        if k == self._k_place and pop[top] >= STRAY_MAX_POP and (
                pop[top] >= STRAY_ALT_MAX_POP or any(
                    pop[r] >= STRAY_MAX_POP and self._kind[r] == k and _own_spelling(
                        self._row_name(r), folded[m.start:m.end], self.gaz.country(r))
                    for r in m.rows)):
            # big enough, unless only an alternate name ("Hamas" for Hamm); a town's own
            # name counts even where a bigger place has it as a former name (Pokrovsk)
            return False
        if k == self._k_place and pop[top] >= STRAY_MAX_POP and \
                place.country in ROMANISED_CC and self._foreign_word(folded[m.start:m.end]):
            # A town of a country whose names news romanises, by another of its names:
            # GeoNames' alternates there are the other language's romanisation ("Nikolaev"
            # for Mykolaiv, "Artemovsk" for Bakhmut), not a word of ours like "Hamas"
            return False
        if k == self._k_place and text and _accented(place.name, text[m.start:m.end]):
            return False  # "Ménaka" written with its accents: no English word or surname
        own_cc, own_w = m.own
        if k == self._k_admin1 and any(
                self._kind[r] == self._k_place and pop[r] >= STRAY_MAX_POP and _own_spelling(
                    self._row_name(r), folded[m.start:m.end], self.gaz.country(r))
                for r in m.rows):
            return False  # a city named like its canton ("Geneva"): the city is no stray
        if k == self._k_admin1 and not self.gaz.common[self.gaz.name_ids.get(
                folded[m.start:m.end], 0)]:
            return self._province_abroad(m, doc_cc)
        if m.embedded and k == self._k_place and self.gaz.pop[top] < STRAY_ALT_MAX_POP:
            # part of a longer name ("Mir Ali", "Nur Shams"): only in a country the
            # article names, whatever the cues around the run, and only by a place's own
            # name ("Kings Way" is a street, not Montevallo, one of whose names is Kings;
            # "Karmir Shuka" is no Karmirgyugh)
            span = folded[m.start:m.end]
            if not any(_own_spelling(self._row_name(r), span, self.gaz.country(r))
                       for r in m.rows):
                return True
            return all(doc_cc.get(self.gaz.country(r), 0) -
                       (own_w if self.gaz.country(r) == own_cc else 0) <= 0 for r in m.rows)
        near = set()
        for r in m.rows:
            cc = self.gaz.country(r)
            if doc_cc.get(cc, 0) - (own_w if cc == own_cc else 0) > 0:
                return False
            if self.gaz.pop[r] >= NEIGHBOUR_MIN_POP or (
                    self.gaz.pop[r] == 0 and self.gaz.alt_count[r] >= UNKNOWN_POP_NOTABLE_ALTS):
                near.add(cc)  # a town, or one whose population GeoNames lacks
        # A town across the border of a country the article is about ("Israeli troops pushed
        # into Khan Younis").
        for c, w in doc_cc.items() if near else ():
            if w - (own_w if c == own_cc else 0) > 0 and \
                    not near.isdisjoint(self.gaz.neighbours.get(c, ())):
                return False
        s, e = m.start, m.end
        if _ADMIN_AFTER.match(folded, e) and self._towns_only(m) and \
                not self._city_district(folded, s, e) and any(
                w - (own_w if c == own_cc else 0) >= PROVINCE_ABROAD_MIN_VOTES
                for c, w in doc_cc.items()):
            return True  # "Kech district" in a story about Pakistan is not Ketsch, Germany
        b0 = max(0, s - 30)
        return not (_PLACE_BEFORE.search(folded, b0, s) or _ADMIN_AFTER.match(folded, e)
                    or _PLACE_AFTER.match(folded, e) or folded.startswith(", ", e)
                    or _LOCAL_AFTER.match(folded, e)
                    or (folded.startswith(_DATELINE_DASH, e)
                        and (s == 0 or _SENT_END.search(folded, max(0, s - 6), s))))

    def _towns_only(self, m: _Match) -> bool:
        """True if every reading is a town: in an article about another country, a
        district or province word after the name then names a unit there that the
        gazetteer lacks, not a town abroad with a like name (asked only of names in no
        country the article names). Without such a country the cue keeps the town: a
        local paper's "Ramsey District Court" need not name its own country."""
        return all(self._kind[r] == self._k_place for r in m.rows)

    @staticmethod
    def _city_district(folded: str, s: int, e: int) -> bool:
        """"Giza's Haram district", "the Shaab district of Baghdad": a district of a city
        the text names, which _districts_of places in that city."""
        return folded[max(0, s - 3):s] == "'s " or folded[max(0, s - 7):s] == "'s the " \
            or bool(_DISTRICT_OF.match(folded, e))

    def _foreign_word(self, span: str) -> bool:
        """A long single word that is no English word, given name or surname."""
        gaz = self.gaz
        return len(span) >= 6 and span.isalpha() and span not in gaz.english and \
            span not in gaz.given_names and span not in gaz.surnames

    def _seats(self, rows: list[int], span: str = "") -> frozenset[int]:
        """The provinces among `rows` that are compact and named like a town of theirs
        also among `rows` (Zaporizhzhia oblast and city): the bare name is the town. Not
        a town whose own name is the span and "city" (Oklahoma City): writers add the word
        to tell the town from its province, so the bare name is the province. Remembered
        by rows and span: it depends on the gazetteer alone, and a name's readings recur
        in both passes of every article that names it."""
        key = (tuple(rows), span)
        memo = self._seat_memo
        got = memo.get(key)
        if got is None:
            if len(memo) > 65_536:  # bounded like the other memos
                memo.clear()
            kind, admin1_of, pop = self._kind, self.gaz.admin1_of, self.gaz.pop
            provinces = {r for r in rows if kind[r] == self._k_admin1}
            got = memo[key] = frozenset(
                admin1_of[r] for r in rows
                if kind[r] == self._k_place and admin1_of[r] in provinces
                and pop[r] >= SEAT_MIN_POP and self._km(r, admin1_of[r]) < SEAT_MAX_KM
                and self._row_name(r) != span + " city")
        return got

    def _country_namesakes(self, rows: list[int]) -> frozenset[int]:
        """The provinces among `rows` named like their own country, which is also among
        `rows` (México state, Panamá province): the bare name is the country, since a
        writer names the province with its generic ("Mexico state") to tell them apart."""
        kind = self._kind
        countries = {self.gaz.cc[r] for r in rows if kind[r] == self._k_country}
        if not countries:
            return _NONE
        return frozenset(r for r in rows
                         if kind[r] == self._k_admin1 and self.gaz.cc[r] in countries)

    def _world_city_provinces(self, rows: list[int], span: str, top_cc: str) -> frozenset[int]:
        """The provinces among `rows` that hold a city of a million or more by the same
        name (New York), in an article mainly about another country: a story from abroad
        names the world city, not the state around it."""
        kind, gaz = self._kind, self.gaz
        return frozenset(
            a for r in rows
            if kind[r] == self._k_place and gaz.pop[r] >= WORLD_CITY_POP
            and gaz.country(r) != top_cc and (a := gaz.admin1_of[r]) in rows
            and self._row_name(r) in (span, span + " city")) if top_cc else _NONE

    def _province_abroad(self, m: _Match, doc_cc: Counter[str]) -> bool:
        """A province of a country the article neither names nor borders, in an article
        clearly about somewhere else: "the Kanal district" of a town in a Ukraine story is
        not Slovenia's Kanal municipality."""
        own_cc, own_w = m.own
        others = {c: w - (own_w if c == own_cc else 0) for c, w in doc_cc.items()}
        others = {c: w for c, w in others.items() if w > 0}
        if sum(others.values()) < PROVINCE_ABROAD_MIN_VOTES:
            return False
        ccs = {self.gaz.country(r) for r in m.rows}
        if not ccs.isdisjoint(others):
            return False
        return all(ccs.isdisjoint(self.gaz.neighbours.get(c, ())) for c in others)

    @staticmethod
    def _spelling(name: str, phrase: str) -> bool:
        """`phrase` spells the place's own name (Kupiansk for Kupyansk, Andriivka for
        Andriyivka), rather than naming it otherwise (Delaware for West Point, Washington
        for Washington Court House)."""
        return abs(len(name) - len(phrase)) <= 3 and fuzz.ratio(name, phrase) >= SAME_NAME

    def _span_match(self, text: str, folded: str, s: int, e: int,
                    doc_cc: Counter[str]) -> _Match:
        phrase = folded[s:e].strip()
        head = phrase
        admin = False
        words = phrase.split()
        if len(words) > 1 and words[-1].strip(".") in _SPAN_GENERIC:
            head, admin = " ".join(words[:-1]), words[-1].strip(".") in _ADMIN_WORDS
        listed = _COUNTY_LIST.match(text, e)
        if listed:  # "Jackson and Barrow counties"
            for generic in _GENERICS[listed.group(1)[0] in "Pp"]:
                nid = self.gaz.name_ids.get(phrase + generic)
                if nid is not None:
                    m = _Match(s, e, list(self.gaz.cands(nid)), 1.0)
                    m.admin_cue = True
                    return m
        iso = self._demonyms.get(phrase)
        if iso and iso in self.gaz.country_row:  # "Canadian" is Canada, not Canadian County
            return _Match(s, e, [self.gaz.country_row[iso]], 1.0)
        for p in (phrase, re.sub(r"^the ", "", phrase), phrase.rstrip("."), head):
            nid = self.gaz.name_ids.get(p)
            if nid is not None:
                m = _Match(s, e, list(self.gaz.cands(nid)), 1.0)
                m.admin_cue = admin and p == head
                return m
        iso = self._demonyms.get(phrase) or self._demonyms.get(phrase.rstrip("s"))
        if iso and iso in self.gaz.country_row:
            return _Match(s, e, [self.gaz.country_row[iso]], 1.0)
        for cc in list(doc_cc) or ["*"]:
            got = self._fuzzy_best(head, cc, 85)
            if got:
                return _Match(s, e, list(self.gaz.cands(got[1])), 0.5, fuzzy=True)
        return _Match(s, e, [], 0.0)

    def _resolve(self, text: str, folded: str, matches: list[_Match],
                 doc_cc: Counter[str]) -> None:
        """Score candidates: prior + document countries + local cues, then spatial context."""
        gaz = self.gaz
        kind, prior, admin1_of = self._kind, gaz.prior, gaz.admin1_of
        k_admin1, k_place, k_region = self._k_admin1, self._k_place, self._k_region
        k_country, pop, codes, cc_of = self._k_country, gaz.pop, gaz.cc_codes, gaz.cc
        by_own: dict[tuple[str, int], tuple[set[str], Any]] = {}
        top_cc = doc_cc.most_common(1)[0][0] if doc_cc else ""
        # A name mentioned again with the same vote, cues, container and demotions scores
        # its readings the same: the scores are copied, not recomputed.
        repeats: dict[tuple[Any, ...], list[float]] = {}
        for i, m in enumerate(matches):
            if not m.rows:
                continue
            if len(m.rows) == 1:  # nothing to choose between
                m.scores = [0.0]
                continue
            m.admin_cue = m.admin_cue or bool(_ADMIN_AFTER.match(folded, m.end)) or bool(
                _ADMIN_LIST.match(text, m.end) or _ADMIN_PLURAL.match(folded, m.end)
                or _ADMIN_BEFORE.search(folded, max(0, m.start - 30), m.start))
            m.place_cue = bool(_PLACE_BEFORE.search(folded, max(0, m.start - 30), m.start)
                               or _PLACE_AFTER.match(folded, m.end))
            container = self._container(matches, i, folded)
            m.within = container[1] if container is not None else -1
            poss = self._possessive_countries(matches, i, folded)
            span = folded[m.start:m.end]
            m.demoted = self._prominent(m, folded, span, container, poss)
            peer = self._listed_after_province(matches, i, folded)
            sig = (m.key, span, m.own, m.admin_cue, m.place_cue, container,
                   frozenset(poss) if poss else None, m.demoted, peer)
            scores = repeats.get(sig)
            if scores is not None:
                m.scores = scores.copy()
                continue
            seats = self._seats(m.rows, span)  # empty without a province among the rows
            namesakes = self._country_namesakes(m.rows)
            world_city = self._world_city_provinces(m.rows, span, top_cc)
            own_cc, own_w = m.own
            got = by_own.get(m.own)
            if got is None:
                others = {c for c, n in doc_cc.items() if n - (own_w if c == own_cc else 0) > 0}
                near = set().union(*(gaz.neighbours.get(c, ()) for c in others)) \
                    if others else set()
                # the bonus of each other country, once per vote rather than per candidate
                doc_bonus = {c: 2.0 + 0.5 * min(doc_cc[c] - (own_w if c == own_cc else 0), 4)
                             for c in others}
                got = by_own[m.own] = (doc_bonus, near)
            doc_bonus, near = got
            scores = []
            admin_cue, place_cue, demoted = m.admin_cue, m.place_cue, m.demoted
            other_name = self._other_names(m, folded)
            home = bool(doc_bonus) and any(
                kind[r] == k_place and pop[r] >= STRAY_MAX_POP and codes[cc_of[r]] in doc_bonus
                for r in m.rows)
            for r in m.rows:
                k = kind[r]
                sc = prior[r]
                cc = codes[cc_of[r]]
                bonus = doc_bonus.get(cc)
                if bonus is not None:
                    sc += bonus
                elif cc in near:
                    sc += 1.0  # a neighbour of a country the article is about
                elif doc_bonus and cc and k != k_country and (pop[r] < WORLD_CITY_POP or home):
                    # a place in a country the article never touches; a world city too,
                    # when a town of 50k+ of its name lies in one it does (Tripoli in a
                    # Lebanon article; not New York for a Donbas village). A sea or a
                    # region of several countries lies in none: "the Red Sea" in a Yemen
                    # story is not Egypt's Red Sea governorate
                    sc -= 1.5
                if admin_cue:
                    sc += 4.0 if k in (k_admin1, k_region) else 0.0
                elif place_cue:
                    sc += 4.0 if k == k_place else -2.0
                elif k == k_admin1 and r in seats:
                    # a compact province named after its capital: the bare name is the
                    # city; the province steps back rather than the city stepping ahead of
                    # same-name towns abroad (Alexandria, Virginia in a US article)
                    sc -= 4.0
                elif r in namesakes:
                    sc -= COUNTRY_NAMESAKE_PENALTY
                elif r in world_city:
                    sc -= COUNTRY_NAMESAKE_PENALTY  # "at the UN in New York" abroad
                if container is not None:
                    if admin1_of[r] == container[1] or (container[1] < 0 and cc == container[0]):
                        sc += CONTAINER_BONUS
                    elif cc == container[0]:
                        sc += CONTAINER_COUNTRY  # "Atlanta, Georgia": another US Atlanta
                if cc in poss:
                    sc += 3.0
                if k == k_admin1 and cc_of[r] == peer:
                    sc += PEER_PROVINCE_BONUS  # "Montana and Wyoming": a state too
                if r in demoted:
                    sc -= PROMINENCE_BONUS
                if r in other_name:
                    sc -= OTHER_NAME_PENALTY
                scores.append(sc)
            m.scores = scores
            repeats[sig] = scores.copy()
        self._colocated(matches, folded)
        self._context(matches, folded)
        self._inside_named_region(matches)
        self._districts_of(matches, folded)

    def _listed_after_province(self, matches: list[_Match], i: int, folded: str) -> int:
        """The country code index of the province the name is listed after ("Montana and
        Wyoming"), or -1 when what it is listed after is no province."""
        prev = matches[i - 1] if i else None
        if prev is None or not prev.rows or \
                folded[prev.end:matches[i].start] not in _LIST_JOINS:
            return -1
        r = self._best(prev)
        return self.gaz.cc[r] if self._kind[r] == self._k_admin1 else -1

    def _colocated(self, matches: list[_Match], folded: str) -> None:
        """Readings that lie together: a reading of a contested name gets COLOC_BONUS when
        another name of the article has a reading within COLOC_KM of it ("Paris" and
        "Henry County": Paris, Tennessee is Henry County's seat, whichever of the many
        Parises and Henry Counties the prior prefers). Names with more than COLOC_MAX
        readings ("Washington") are everywhere and support nothing; nor do towns matched
        by another of their names (West Point, Virginia, once Delaware) give or get it."""
        # the names the bonus can decide: two readings or more within reach of the best
        # (a reading further behind stays below _context's floor even with the bonus)
        contested = [m for m in matches if len(m.rows) > 1 and m.scores and _contested(m.scores)]
        if not contested:
            return
        lat, lon, kind, k_country = self.gaz.lat, self.gaz.lon, self._kind, self._k_country
        grid: dict[int, list[tuple[tuple[int, ...], float, float]]] = {}
        keys: dict[tuple[int, ...], frozenset[int]] = {}
        for m in matches:
            if not m.rows or len(m.rows) > COLOC_MAX or m.key in keys:
                continue
            other = keys[m.key] = self._other_names(m, folded)
            scores = m.scores or (0.0,)
            low = max(scores) - MAX_CONTEXT_BONUS - COLOC_BONUS
            for idx, r in enumerate(m.rows):
                if kind[r] != k_country and r not in other and (
                        len(scores) == 1 or scores[idx] >= low):
                    la, lo = lat[r], lon[r]
                    grid.setdefault(int(la) * _CELL_ROW + int(lo), []).append((m.key, la, lo))
        if len(keys) < 2:
            return
        d2_max = (COLOC_KM / 111.2) ** 2
        done: dict[tuple[int, tuple[int, ...]], bool] = {}
        for m in contested:
            mk = m.key
            other = keys.get(mk) or self._other_names(m, folded)
            scores = m.scores
            low = max(scores) - MAX_CONTEXT_BONUS - COLOC_BONUS
            for idx, r in enumerate(m.rows):
                if scores[idx] < low or kind[r] == k_country or r in other:
                    continue
                got = done.get((r, mk))
                if got is None:
                    got = False
                    la, lo = lat[r], lon[r]
                    kx = math.cos(math.radians(la))
                    cell = int(la) * _CELL_ROW + int(lo)
                    for off in _CELLS:
                        for k, ola, olo in grid.get(cell + off, ()):
                            if k != mk:
                                dy, dx = ola - la, (olo - lo) * kx
                                if dy * dy + dx * dx <= d2_max:
                                    got = True
                                    break
                        if got:
                            break
                    done[(r, mk)] = got
                if got:
                    scores[idx] += COLOC_BONUS

    def _located_unknowns(self, text: str, folded: str, unknown: list[tuple[int, int]],
                          matches: list[_Match]) -> list[_Match]:
        """Names the gazetteer lacks, in a strong place context and placed by the text: "the
        village of Prohres in Donetsk region", "Zhelanne village near Pokrovsk". Such a
        name is a toponym; it stands at the place the text puts it in or near (a village
        lies within a province's or a town's reach), with low confidence."""
        out: list[_Match] = []
        if matches:
            self._put_by_next(folded, matches)
            self._one_sense(matches)
        if not unknown or not matches:
            return out
        starts = [m.start for m in matches]
        taken = [(m.start, m.end) for m in matches]
        for s, e in unknown:
            appositive = bool(_APPOSITION.match(folded, e))
            if not appositive and self._fuzzy_cue(folded, s, e, False) != LOCATED_CUE and \
                    not self._in_then_in(folded, s, e):
                continue
            word = folded[s:e]
            if any(a < e and s < b for a, b in taken) or word in _NEVER or \
                    self._is_english(word) or word in self.gaz.given_names or \
                    word in self.gaz.surnames or self._in_other_name(text, folded, s, e) or \
                    self._title_before(folded[max(0, s - 30):s]):
                continue
            i = bisect_left(starts, e)
            if i >= len(matches):
                continue
            nxt = matches[i]
            if not nxt.rows:
                continue
            at = e
            if appositive:  # "Prohres, a village west of Avdiivka"
                at = _APPOSITION.match(folded, e).end()
            if not _LOCATED_BY.fullmatch(folded, at, nxt.start):
                continue
            c = self._best(nxt)
            if self._kind[c] in (self._k_place, self._k_admin1):
                out.append(_Match(s, e, [c], LOCATED_RECOG, scores=[0.0]))
        return out

    @staticmethod
    def _one_sense(matches: list[_Match]) -> None:
        """A name the text once placed ("the Tierra Blanca neighborhood of Culiacán") means
        the same place when mentioned again without a cue of its own ("Residents of Tierra
        Blanca said"): one sense per article."""
        pinned: dict[tuple[int, ...], set[int]] = {}
        moved: set[tuple[int, ...]] = set()  # names whose one reading the text moved
        for m in matches:
            if len(m.rows) == 1 and (len(m.key) > 1 or m.rows[0] not in m.key):
                pinned.setdefault(m.key, set()).add(m.rows[0])
                if m.rows[0] not in m.key:
                    moved.add(m.key)
        for m in matches:
            # ("the Sabra neighbourhood of Gaza City", then "the Sabra strike": not the
            # Libyan town Sabratah, the name's only reading)
            got = pinned.get(m.key) if len(m.rows) > 1 or (
                len(m.rows) == 1 and m.key in moved and m.rows[0] in m.key) else None
            if got is not None and len(got) == 1 and not (
                    m.admin_cue or m.place_cue or m.within >= 0):
                m.rows, m.scores = list(got), [0.0]

    def _put_by_next(self, folded: str, matches: list[_Match]) -> None:
        """Readings the text contradicts by the town it puts the name by."""
        # a fuzzy reading far from where the text puts the name ("Zhelanne village near
        # Pokrovsk" is no Zeeland) stands there instead
        # a village named like many ("the village of Nikolskoye near the city of Belgorod")
        # is the reading by the town the text puts it by ("near", "west of": words, not a
        # bare space, which may be a longer name's gap); with none within reach, a
        # namesake the gazetteer lacks, standing at that town
        for i, m in enumerate(matches[:-1]):
            if not m.rows or not (m.fuzzy or m.place_cue):
                continue
            nxt = matches[i + 1]
            if not nxt.rows or not _LOCATED_BY.fullmatch(folded, m.end, nxt.start):
                continue
            c = self._best(nxt)
            k = self._kind[c]
            if m.fuzzy and k in (self._k_place, self._k_admin1) and \
                    self._km(self._best(m), c) > LOCATED_KM:
                m.rows, m.scores, m.recog = [c], [0.0], min(m.recog, LOCATED_RECOG)
            elif not m.fuzzy and k == self._k_place and len(m.rows) > 1 and \
                    folded[m.end:nxt.start].strip(" ,"):
                near = min(m.rows, key=lambda r, c=c: self._km(r, c))
                if self._km(near, c) <= LOCATED_KM:
                    m.rows, m.scores = [near], [0.0]  # the reading by that town
                else:
                    m.rows, m.scores, m.recog = [c], [0.0], min(m.recog, LOCATED_RECOG)

    @staticmethod
    def _in_then_in(folded: str, s: int, e: int) -> bool:
        """"a base in Balcad, in Middle Shabelle region": a name after a locating word
        and before ", in" the next place, which the writer adds to say where it is ("X,
        near Y" is context_places' to place)."""
        return bool(_PREP_LOCATING.search(folded, max(0, s - 8), s)) and \
            folded.startswith(", in ", e)

    def _inside_named_region(self, matches: list[_Match]) -> None:
        """A contested town inside a compact region the article names ("Martuni" in a
        story of Nagorno-Karabakh is the Karabakh town, not Armenia's): its readings in
        the region gain REGION_BONUS over those outside, even a reading by another of its
        names (the region, unlike a province, is what such stories are about). Which
        places lie in which compact region is worked out when the gazetteer is built."""
        kind, region_places = self._kind, self.gaz.region_places
        named = {r for m in matches if m.rows and m.scores
                 and kind[r := self._best(m)] == self._k_region and r in region_places}
        if not named:
            return
        within = frozenset().union(*(region_places[r] for r in named))
        for m in matches:
            if len(m.rows) < 2 or not m.scores:
                continue
            inside = [i for i, r in enumerate(m.rows) if r in within]
            if inside and len(inside) < len(m.rows):
                for i in inside:
                    m.scores[i] += REGION_BONUS

    @staticmethod
    def _best(m: _Match) -> int:
        return m.rows[m.scores.index(max(m.scores))] if m.scores else m.rows[0]

    def _districts_of(self, matches: list[_Match], folded: str) -> None:
        """"The Kyivskyi district of Kharkiv", "Kharkiv's Kyivskyi district": a city
        district is in the city. Its reading nearest the city's wins if within
        DISTRICT_KM of it; else (the gazetteer lacks the district, or has only
        namesakes elsewhere) the mention stands at the city. "X district of <province>"
        keeps X's readings in the province if it has any."""
        for i, m in enumerate(matches):
            if not m.rows:
                continue
            city = None
            of = _DISTRICT_OF.match(folded, m.end)
            if of and i + 1 < len(matches) and of.end() == matches[i + 1].start:
                city = matches[i + 1]
            elif i > 0 and _DISTRICT_AFTER.match(folded, m.end) and \
                    folded[matches[i - 1].end:m.start] in ("'s ", "'s the "):
                city, of = matches[i - 1], None
            elif _DISTRICT_AFTER.match(folded, m.end) and \
                    folded.endswith(("the ", "the city's "), 0, m.start) and \
                    _ADJECTIVE_NAME.search(folded, m.start, m.end):
                city = self._city_before(matches, i, folded)
            if city is None or not city.rows:
                continue
            c = self._best(city)
            k = self._kind[c]
            if k == self._k_admin1:
                inside = [idx for idx, r in enumerate(m.rows) if self.gaz.admin1_of[r] == c]
                if inside and len(m.rows) > 1:
                    best = max(inside, key=lambda idx: m.scores[idx])
                    m.rows, m.scores = [m.rows[best]], [0.0]
                continue
            if k != self._k_place:
                continue
            near = min(m.rows, key=lambda r: self._km(r, c))
            mine = self._best(m)
            if self._km(near, c) > DISTRICT_KM and self.gaz.country(mine) != \
                    self.gaz.country(c) and self.gaz.pop[mine] > self.gaz.pop[c]:
                # "the Turbat area of Kech district" with Kech read as a small German town:
                # a container abroad smaller than X itself is a namesake, not X's city
                continue
            if self._km(near, c) > DISTRICT_KM and of:
                # "the Gaza City neighbourhood of Shujaiya", "the Cincinnati suburb of West
                # Chester": the place named first may be the city
                back = min(city.rows, key=lambda r: self._km(r, mine))
                if self._km(back, mine) <= DISTRICT_KM or of.group(1).startswith("suburb"):
                    city.rows, city.scores = [back if self._km(back, mine) <= DISTRICT_KM
                                              else mine], [0.0]
                    continue
            m.rows = [near] if self._km(near, c) <= DISTRICT_KM else [c]
            m.scores = [0.0]

    def _city_before(self, matches: list[_Match], i: int, folded: str) -> _Match | None:
        """The city a bare "the X district" / "the city's X district" lies in: the last
        town named before it in its paragraph, if big enough to have districts. Many
        cities share district names (Kyivskyi, Shevchenkivskyi), and the reading in
        another city is wrong when the text is about this one."""
        start = matches[i].start
        for j in range(i - 1, -1, -1):
            p = matches[j]
            if "\n\n" in folded[p.end:start]:
                return None
            if not p.rows:
                continue
            c = self._best(p)
            if self._kind[c] in (self._k_country, self._k_admin1):
                continue  # "In Kharkiv, Ukraine's second-largest city, ... the X district"
            if self._kind[c] != self._k_place:
                return None
            return p if self.gaz.pop[c] >= DISTRICT_CITY_POP else None
        return None

    def _other_names(self, m: _Match, folded: str) -> frozenset[int]:
        """The towns among the readings that the text names by another of their names
        (a former name: "Pokrovsk" for Engels), when another town bears it as its own
        (Pokrovsk, Donetsk oblast): a current name outweighs a historic one."""
        span = folded[m.start:m.end]
        memo = self._other_memo
        got = memo.get((m.key, span))
        if got is not None:
            return got
        if len(memo) > 65_536:  # bounded like the other memos
            memo.clear()
        k_place, kind = self._k_place, self._kind
        other, own = [], False
        for r in m.rows:
            if kind[r] != k_place:
                continue
            # a longer name the phrase only starts ("El Geneina Fort") is not its own
            name = self._row_name(r)
            if name == span or _own_spelling(name, span, self.gaz.country(r)):
                own = True
            else:
                other.append(r)
        got = memo[(m.key, span)] = frozenset(other) if own and other else frozenset()
        return got

    def _prominent(self, m: _Match, folded: str, phrase: str,
                   container: tuple[str, int] | None, poss: set[str]) -> frozenset[int]:
        """Candidates to demote because a world-known namesake exists (by GeoNames
        alternate-name count, the prominence signal of CLIFF/Mordecai-style resolvers):
        "Paris" is France and "New York" in a Ukraine article is still the US city, not a
        village of a few thousand; "Gaza" is Gaza City, not Mozambique's Gaza province.
        A local cue keeps the homonym in the running ("the village of New York in
        Donetsk region", "Paris, Texas"); so does naming its province (see _context).
        """
        if m.admin_cue or m.place_cue or container is not None or poss:
            return _NONE
        # Without a cue the demotions depend on the readings and the phrase alone:
        # remembered across articles (bounded like the other memos).
        memo = self._prominent_memo
        got = memo.get((m.key, phrase))
        if got is None:
            if len(memo) > 65_536:
                memo.clear()
            got = memo[(m.key, phrase)] = self._namesakes_abroad(m.rows, phrase)
        if got and _APPOSITION.match(folded, m.end):
            return _NONE
        return got

    def _namesakes_abroad(self, rows: list[int], phrase: str) -> frozenset[int]:
        """The readings of `rows` that a world-known namesake abroad demotes (see
        _prominent), cues aside."""
        gaz, kind, k_place, alts = self.gaz, self._kind, self._k_place, self.gaz.alt_count
        known = [r for r in rows if kind[r] == k_place and alts[r] >= FOREIGN_ADMIN1_ALTS]
        if not known:
            return _NONE
        out = set()
        for r in known:
            cc = gaz.country(r)
            # A province abroad yields only to the city's own name, and only if the city's
            # country has no same-name province ("New York" may be the state).
            over_admin1 = self._row_name(r) == phrase and not any(
                kind[o] == self._k_admin1 and gaz.country(o) == cc for o in rows)
            for o in rows:
                if gaz.country(o) == cc:
                    continue
                k = kind[o]
                if (k == self._k_admin1 and over_admin1) or (
                        k == k_place and alts[r] >= WORLD_KNOWN_ALTS
                        and gaz.pop[o] < OBSCURE_POP and alts[o] < FOREIGN_ADMIN1_ALTS):
                    out.add(o)
        return frozenset(out) if out else _NONE

    def _container(self, matches: list[_Match], i: int, folded: str) -> tuple[str, int] | None:
        """'X, Azerbaijan' / 'X, Texas': the country/admin-1 right after a comma."""
        if i + 1 >= len(matches):
            return None
        m, nxt = matches[i], matches[i + 1]
        if folded[m.end:nxt.start] != ", " or not nxt.rows:
            return None
        # "Atlanta, Georgia": a province that holds one of X's readings before a same-name
        # country that holds none
        admin1_of = self.gaz.admin1_of
        mine = {admin1_of[r] for r in m.rows}
        for r in nxt.rows:
            if self._kind[r] == self._k_admin1 and r in mine:
                return self.gaz.country(r), r
        for r in nxt.rows:
            if self._kind[r] == self._k_country:
                return self.gaz.country(r), -2
            if self._kind[r] == self._k_admin1:
                return self.gaz.country(r), r
        return None

    def _possessive_countries(self, matches: list[_Match], i: int, folded: str) -> set[str]:
        """"Azerbaijan's second-largest city of Ganja": a country possessive shortly before."""
        out = set()
        start = matches[i].start
        for j in range(i - 1, -1, -1):
            p = matches[j]
            if start - p.end > 60:
                break
            if p.rows and self._kind[p.rows[0]] == self._k_country and \
                    folded[p.end:p.end + 2] == "'s" and "." not in folded[p.end:start]:
                out.add(self.gaz.country(p.rows[0]))
        return out

    def _context(self, matches: list[_Match], folded: str = "") -> None:
        """Second pass: prefer candidates near, inside or containing the other places."""
        gaz, kind = self.gaz, self._kind
        tops: dict[int, int] = {}  # row -> count of mentions resolved to it
        for m in matches:
            if m.rows and m.scores:
                r = m.rows[0] if len(m.rows) == 1 else m.rows[m.scores.index(max(m.scores))]
                tops[r] = tops.get(r, 0) + 1
        points = [(r, gaz.lat[r], gaz.lon[r]) for r in tops if kind[r] != self._k_country]
        # How many mentions resolved to each admin-1 unit, or to a place inside it.
        admin1s: Counter[int] = Counter({r: n for r, n in tops.items()
                                         if kind[r] == self._k_admin1})
        inside: Counter[int] = Counter()
        counties: Counter[int] = Counter()  # counties (regions within an admin-1) per admin-1
        for r, n in tops.items():
            if kind[r] == self._k_place:
                inside[gaz.admin1_of[r]] += n
            elif kind[r] == self._k_region and gaz.admin1_of[r] >= 0:
                inside[gaz.admin1_of[r]] += n
                counties[gaz.admin1_of[r]] += n
        support = self._province_support(matches)
        cache: dict[tuple[int, int], float] = {}
        # plain dicts: a Counter's missing key costs a Python-level __missing__ call
        admin1_n, inside_n, counties_n = dict(admin1s), dict(inside), dict(counties)
        admin1_of, k_country, k_admin1 = gaz.admin1_of, self._k_country, self._k_admin1
        k_place, k_region = self._k_place, self._k_region
        # A name mentioned again with the same readings, scores, cues and spelling gets the
        # same support: its increments are reused (43% of contested mentions repeat one).
        repeats: dict[tuple[Any, ...], list[tuple[int, float]]] = {}
        for m in matches:
            if len(m.rows) < 2:
                continue
            scores = m.scores
            demoted = m.demoted
            sig = (m.key, tuple(scores), m.within, folded[m.start:m.end], demoted)
            incs = repeats.get(sig)
            if incs is not None:
                for idx, inc in incs:
                    scores[idx] += inc
                continue
            incs = repeats[sig] = []
            mine = m.rows[scores.index(max(scores))]  # the first best, as max(key=) gives
            alone = tops.get(mine, 0) <= 1
            floor = max(scores) - MAX_CONTEXT_BONUS
            mine_a1, mine_kind = admin1_of[mine], kind[mine]
            others = None
            mk = m.key
            # a compact province named like its capital (Zaporizhzhia): the places inside
            # it support the city as much, so they tip neither way
            seated = self._seats(m.rows, folded[m.start:m.end])
            within = m.within
            for idx, r in enumerate(m.rows):
                k = kind[r]
                if k == k_country or (scores[idx] < floor and r not in demoted) or (
                        within >= 0 and admin1_of[r] != within):
                    continue  # "Atlanta, Texas": no support lifts another state's Atlanta
                bonus = 0.0  # support from the other mentions, never from this one
                a1 = admin1_of[r]
                if k != k_admin1 and admin1_n.get(a1, 0) - (mine == a1) > 0:
                    bonus += 2.5 + (PROMINENCE_BONUS if r in demoted else 0.0)
                elif counties_n and k != k_admin1 and a1 >= 0 and counties_n.get(a1, 0) - (
                        mine_a1 == a1 and mine_kind == k_region) > 0:
                    bonus += SAME_ADMIN1_BONUS  # the article names a county of its province
                if k == k_admin1 and r not in seated and \
                        inside_n.get(r, 0) - (mine_kind == k_place and mine_a1 == r) > 0:
                    bonus += 2.5
                if support:
                    got_a1 = support.get(r if k == k_admin1 else a1)
                    if got_a1:
                        w = got_a1.get(mk, 0.0)
                        total = got_a1[-1] - w
                        if total > 0 and k == k_place and folded and a1 not in seated and \
                                not self._spelling(self._row_name(r), folded[m.start:m.end]):
                            # matched by another name, not a spelling of its own (a seat
                            # named like its province keeps it: "Nabatieh", officially
                            # Nabatîyé et Tahta, is the city the province is named for)
                            total = 0.0
                        if total > 0:
                            bonus += min(COHERENCE_MAX, COHERENCE_WEIGHT * total)
                            if r in demoted and total >= COHERENCE_UNDEMOTE:
                                bonus += PROMINENCE_BONUS
                key = (r, mine if alone else -1)
                got = cache.get(key)
                if got is None:
                    if others is None:
                        others = [p for p in points if p[0] != mine] if alone else points
                    got = self._near(r, others)
                    cache[key] = got
                inc = bonus + got
                scores[idx] += inc
                incs.append((idx, inc))

    def _province_support(self, matches: list[_Match]) -> dict[int, dict[Any, float]]:
        """admin-1 row -> {name: weight, ..., -1: total}: the names of the article with a
        contending reading in that unit or in it (the unit itself, a place or county of it);
        weight 1 for a name with one reading, 0.5 for a contested one, counted once."""
        kind, admin1_of, k_admin1 = self._kind, self.gaz.admin1_of, self._k_admin1
        out: dict[int, dict[Any, float]] = {}
        for m in matches:
            if not m.rows:
                continue
            scores = m.scores or [0.0]
            best = max(scores)
            units = set()
            for idx, r in enumerate(m.rows):
                if scores[idx] >= best - COHERENCE_VIABLE:
                    a1 = r if kind[r] == k_admin1 else admin1_of[r]
                    if a1 >= 0:
                        units.add(a1)
            w = 1.0 if len(units) == 1 else 0.5
            mk = m.key
            for a1 in units:
                got = out.setdefault(a1, {-1: 0.0})
                had = got.get(mk, 0.0)
                if had < w:
                    got[-1] += w - had
                    got[mk] = w
        return out

    def _near(self, r: int, points: list[tuple[int, float, float]]) -> float:
        """1.5 within 150 km of another mention's place, 0.75 within 400 km, else 0."""
        if not points:
            return 0.0
        lat, lon = self.gaz.lat[r], self.gaz.lon[r]
        kx = math.cos(math.radians(lat))
        best = 1e9
        for _, la, lo in points[:40]:
            dy = la - lat
            if -3.6 < dy < 3.6:  # 400 km of latitude
                dx = (lo - lon) * kx
                d2 = dx * dx + dy * dy
                if d2 < best:
                    if d2 < _NEAR_D2:
                        return 1.5  # surely within 150 km: no nearer point changes that
                    best = d2
        km = 111.2 * math.sqrt(best)
        return 1.5 if km < 150 else 0.75 if km < 400 else 0.0

    def _km(self, a: int, b: int) -> float:
        lat = self.gaz.lat
        dx = (self.gaz.lon[a] - self.gaz.lon[b]) * math.cos(math.radians(lat[a]))
        return 111.2 * math.hypot(dx, lat[a] - lat[b])

    def _mention(self, text: str, m: _Match) -> Mention:
        if not m.rows:
            return Mention(text[m.start:m.end], m.start, m.end, None, 0.0, fuzzy=m.fuzzy)
        if len(m.rows) == 1:  # one candidate: its softmax share is 1
            return Mention(text[m.start:m.end], m.start, m.end, self.gaz.row(m.rows[0]),
                           round(m.recog, 3), None, 0.0, m.fuzzy)
        scores = m.scores or [0.0] * len(m.rows)
        # the best and the runner-up as a stable sort by score would order them (the first
        # of equals first), without sorting all readings
        top = max(scores)
        best = scores.index(top)
        exps = [math.exp(TEMPERATURE * (s - top)) for s in scores]
        total = sum(exps)
        conf = round(m.recog * exps[best] / total, 3)
        ru, ru_conf = None, 0.0
        if len(scores) > 1:
            rest = scores[:best] + scores[best + 1:]
            second = rest.index(max(rest))
            second += second >= best  # back to an index of scores
            ru = self.gaz.row(m.rows[second])
            ru_conf = round(m.recog * exps[second] / total, 3)
        return Mention(text[m.start:m.end], m.start, m.end, self.gaz.row(m.rows[best]),
                       conf, ru, ru_conf, m.fuzzy)

