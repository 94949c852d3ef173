"""Recognition: which capitalised spans of a news text are place names.

The gazetteer's folded names (see geomap.gazetteer.build) sit in a plain dict; the
scan visits only capitalised word starts (one compiled regex over the text), probes the
dict for the longest name there (token by token while the span is still a name prefix),
then drops what is not a toponym in context: common words without place cues, parts of
person or organisation names, titles, weekdays and months, demonyms, acronyms.

Why a hash table probed at word starts and not a pyahocorasick automaton (the issue asked
for "pyahocorasick or equal"). Measured on this index (580k folded names, pyahocorasick
2.3.1, one core): the pickled automaton is 100 MB on disk and adds 149 MB RSS when
unpickled (0.27 s); the name -> id dict pickles to 10 MB and adds 70 MB (0.26 s). An
automaton also reports every in-word and lowercase hit ("of", "police", "mobile") that
must then be filtered, while news has ~100 capitalised starts per 3 KB, each one or two
dict probes. The whole gazetteer loads in ~0.36 s at ~158 MB peak RSS
(benchmarks/bench_extract.py prints the figures).

Names not in the gazetteer but in a place context ("the town of Kalbjar") go to a fuzzy
matcher (rapidfuzz) over names of the article's countries, bucketed by initial and length.
"""

from __future__ import annotations

import re
import threading
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from geomap.folding import fold
from geomap.gazetteer import Gazetteer
from geomap.gazetteer.build import KINDS
from geomap.gazetteer.demonyms import demonym_table
from geomap.model import (
    KIND_ADMIN1,
    KIND_COUNTRY,
    KIND_LINE,
    KIND_PLACE,
    KIND_REGION,
    haversine_km,
)

DEMONYMS: dict[str, str] = demonym_table()


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper())
# A capitalised word start, or an Arabic article written lowercase before one (al-Fashir).
# Capital letters (a bare class scans twice as fast as one with word boundaries and
# alternatives); word starts and lowercase Arabic articles (al-Fashir) are checked after.
_CAPITAL = re.compile("[" + _UPPER + r"][^\W_]*")
_PARTICLE = re.compile(r"(?<![^\W_])(?:a[lnsrtdz]|ash|e[dlnrsz]|ul)[-‐‑'’]$")
_TOKEN = re.compile(r"[^\W_]+")
_GAPS = frozenset({" ", "-", "'", ".", ". ", " - ", "- ", " -"})
# The next word of a multi-word name after one of the _GAPS (longest gap first).
_NEXT_TOKEN = re.compile(r"(?: - |\. |- | -|[ \-'.])([^\W_]+)")
MAX_TOKENS = 6
LISTING_TOWN_POP = 10_000  # a province named like a town this big lists places after it
FUZZY_ABROAD = 90.0  # fuzz.ratio a fuzzy match outside the article's countries needs
# A misspelt town lies near the places the story names for sure ("Kalbjar" among Ganja and
# Tartar); a namesake farther than this from all of them is a village the gazetteer lacks
# ("Buhumba" near Goma is not Bumba, 1,100 km off in the same country)
FUZZY_NEAR_KM = 400.0
# Lowercase words allowed inside a multi-word name ("Line of Contact", "... border").
_NAME_LOWER = _words(
    "of the de del la le les al el upon on sur am an der den du des di da do dos das y and "
    "en in im border line state au aux")
# Lowercase words a multi-word name may go on with, while the gazetteer has the longer
# prefix: the above, the Arabic article's forms ("Deir ez-Zor", "Ras al-Ain", "Tall as
# Sultan"), which are no English words in a name, and the words that make a name a line or
# a crossing or a camp, not the town ("the Philadelphi corridor", "the Rafah crossing",
# "al-Shati camp"). ("Washington state" stays the state.)
_IN_NAME = _NAME_LOWER | _words(
    "ad adh ar as ash at ath az ed er es esh et ez ul an en corridor crossing camp")
# "officials in Ramallah said": a place the speakers are in, not a speaker's name; so is
# one they went to ("residents who fled towards Djibo reported")
_LOCATED_BEFORE = re.compile(r"\b(?:in|at|near|outside|towards?|into)\s+$")
# Particles that never end a name when a capitalised word follows ("Tal al-Sultan").
_MID_PARTICLES = _words("al el ad ar as ash at az an ed er es en et ez ul de del la le les du "
                        "des da do dos das di of the y")
_NEVER = _words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december christmas easter ramadan eid "
    "thanksgiving halloween hanukkah passover "
    # peoples and faiths that are no country's demonym
    "arab arabs kurd kurds kurdish jew jews jewish muslim muslims christian christians sunni "
    "sunnis shia shiite shiites druze ismaili ismailis alawite alawites bedouin tatar tatars "
    "latino hispanic african africans asian asians european europeans western eastern "
    "white black")
_SURNAME_PARTICLES = _words("van von de di da le la mac mc o st")
# Weekdays and months: "in Montana Sunday" (a date goes on, not a person's name).
_WHEN = _words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december")
# Institutions named after a place-name homonym ("White House" is also a town in Tennessee).
_INSTITUTIONS = frozenset({"white house", "pentagon", "kremlin", "capitol",
                           # organisations news names that GeoNames lists as a town's
                           # alternate name (Hamas: Hamm; Duma: the Russian parliament)
                           "hamas", "taliban", "duma", "olympic"})
_TITLES = _words(
    "mr mrs ms dr sir president minister premier spokesman spokeswoman spokesperson gen "
    "general sen senator rep gov governor mayor judge king queen prince princess pope lord "
    "lady colonel col lt sgt capt captain chairman chairwoman director secretary ambassador "
    "envoy commander coach professor prof rev father sheikh ayatollah emir sultan pm "
    "chancellor leader brother sister son daughter wife husband mother aide adviser advisor "
    "deputy correspondent reporter analyst mrs. dr. mr. ms. saint-")
# Titles written abbreviated, with a dot: a full title word before a dot ends a sentence.
_TITLE_ABBREVIATIONS = _words("mr mrs ms dr gen sen rep gov col lt sgt capt prof rev pm")
# A title ends the text before a name: the last word (an optional '.', then spaces).
_TITLE_WORDS = frozenset(t.rstrip(".") for t in _TITLES)
# What a text before a title ends with: the last three characters of a title word, or a
# whole two-letter one ("dr", "mr"); none is shorter.
_TITLE_TAILS = frozenset(t[-3:] for t in _TITLE_WORDS if len(t) >= 3)
_TITLE_PAIRS = frozenset(t for t in _TITLE_WORDS if len(t) == 2)
assert min(map(len, _TITLE_WORDS)) >= 2
# Head words of a town's or state's institutions: after a given-name-like place name they
# make it the place ("Georgia Bureau of Investigation", "Alexandria Police"), not a person.
_ORG_HEADS = _words(
    "police bureau department dept school schools public university college hospital "
    "council commission association chamber board zoo airport herald times gazette tribune "
    "courier journal sheriff fire county city regional medical community historical "
    "society symphony transit district court museum library")
# Words that make the capitalised word before them a place-type phrase, not a surname.
_GENERIC = _words(
    "province region district oblast governorate state rayon raion marz county prefecture "
    "krai kray okrug municipality territory city town village valley river mountains "
    "mountain strip bank basin republic area border corridor")
_ADMIN_AFTER = re.compile(
    r"(?:'s)? (province|region|district|oblast|governorate|state|rayon|raion|marz|"
    r"prefecture|krai|okrug|municipality|territory)\b")
# Capitalised, yet no part of a name: title-case headlines ("Shelling Of Ganja"), dates
# ("off Steveston March 16").
_FUNCTION_WORDS = frozenset((
    "of", "the", "and", "in", "on", "at", "to", "for", "from", "by", "with", "near", "after",
    "as", "into", "over", "across", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday"))
# "Nabatieh town"; not "the southern Lebanon city of Nabatieh", where the country only
# says where the city named after "of" is
_PLACE_AFTER = re.compile(r" (city|town|village|settlement)\b(?! of )")
_PLACE_BEFORE = re.compile(
    r"\b(?:city|town|village|villages|settlement|capital|port|suburb|hamlet|towns|cities|"
    r"community)"
    r" of (?:the )?$")
_PREP_BEFORE = re.compile(
    r"\b(?:in|near|at|outside|around|from|into|to|towards|toward|across|through|"
    r"via|between|and|of) (?:the )?$")
_SPAN_GENERIC = _words(
    "county co parish river lake township park province region district oblast governorate "
    "state city town village valley mountains mountain")
_ADMIN_WORDS = _words("county co parish township province region district oblast governorate state")
_CUE_AFTER = _words(
    "province region district oblast governorate state rayon raion marz prefecture krai "
    "okrug municipality territory city town village settlement")
_CUE_OF = _words("city town village villages settlement capital port suburb hamlet")
_CUE_PREP = _words(
    "in near at outside around from into to towards toward across through via between and")
# A town's own institutions and people after its name ("Concord police", "the Monroe
# mayor", "Delta residents"): the name is the town, whatever else it could be.
_LOCAL_AFTER = re.compile(
    r"(?:'s)? (?:police|mayor|city council|town council|city hall|residents?|fire "
    r"department|sheriff|school district|public schools|township|native|area|man|woman|"
    r"couple|teen|teenager|boy|girl)\b")
# An all-caps name opening a story after its headline: "... stall. CROMWELL - City ..."
_DATELINE_DASH = (" - ", " -- ", " — ", " – ", " ---")
# "the Azov regiment", "its \"Centre\" grouping", "the Turi tribe": a military unit or a
# people named like a place
_UNIT_AFTER = re.compile(r"[\"”’']? (?:regiment|battalion|brigade|grouping|tribe|clan)s?\b|"
                         # "on Tumanyan street": a street named for a town or a person;
                         # "at the Kuwait roundabout" in Gaza City, "Palestine Square"
                         r" (?:street|avenue|boulevard|blvd|roundabout|square|junction)\b")
# An apostrophe inside a word, not a possessive: the name goes on ("Shuja'iyeh", "Ma'rib")
_WORD_GOES_ON = re.compile(r"['’](?!s\b)[a-z]")
# A month's short form before a day or year is a date ("KYIV, Nov 14 (Reuters)", "Aug. 3"),
# whatever town bears the letters (Nov, Tajikistan).
_MONTH_SHORT = _words("jan feb mar apr jun jul aug sep sept oct nov dec")
_DATE_AFTER = re.compile(r"\.? \d")
# A hyphen and a number after a name: a model designation ("a Mi-24 helicopter", "Su-25
# jets", "Tor-M2"), whose letters may spell some town's alternate name ("A Mi").
_MODEL_AFTER = re.compile(r"[-‐‑]\d")
# A state's organs after a country's possessive: the country, even if named like a person.
_STATE_AFTER = re.compile(
    r"'s (?:king|queen|president|prime minister|government|army|military|armed forces|"
    r"foreign|defen[cs]e|interior|ministry|parliament|capital|border|embassy|"
    r"security forces|navy|air force)\b")
_SPEECH_AFTER = re.compile(
    r" (?:said|says|reported|reports|told|added|wrote|quoted|news|agency|tweeted|stated|"
    r"noted|explained|recalled|insisted|argued|testified|admitted|replied|repeated)\b")
# "..., said Mather." / "said Jones, who": a bare name right after a speech verb is the
# speaker ("said Paris police" goes on past the name, so it stays a place).
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|added|told|according to) $")
_SPEAKER_END = re.compile(r"(?:,|\.(?:\s|$)|$)")
# "Terry A. Corbin": a given name and a middle initial before the word.
_MIDDLE_INITIAL = re.compile(r"[A-Z][a-z]+ [A-Z]\. $")
_DATELINE_COMMA = re.compile(r", (?:[A-Z][a-z]+\.? \d|\d|[A-Z][a-z]+(?: [A-Z][a-z]+)? [-–—(])")
_DATELINE_AFTER = (" - ", " – ", " — ", " -- ", " (")
# A dateline of several cities, "CAIRO/GAZA, Sept 10 (Reuters) -": the caps cities before
# a slash, and the slashed caps cities after one.
_SLASHED_BEFORE = re.compile(r"(?:[A-Z][A-Z .'’-]*/)+")
_SLASHED_AFTER = re.compile(r"(?:/[A-Z][A-Z .'’-]*[A-Z])+")
# Joins in a list of places: a name listed after a place is a place ("in Goris and Kapan
# said"), even before a speech verb.
_LIST_JOINS = frozenset({" and ", ", ", ", and ", " or "})
# The rest of a list of counties after one item: ", Clay, Grant and Wilkin counties".
_COUNTY_LIST = re.compile(r"(?:(?:,|,? and|,? or) [A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2}){0,12}"
                          r" ([Cc]ounties|[Pp]arishes)\b")
_CAP_WORD_AFTER = re.compile(r" [A-Z][a-z]+")
_GENERICS = ((" county", " parish"), (" parish", " county"))  # by "counties" / "parishes"
_SENT_END = re.compile(r"(?:^|[.!?:;\"“”]\s*|\n\s*)$")
_NO_POOL: tuple[Any, Any, dict[str, tuple[int, int]]] = (array("i"), array("H"), {})


@dataclass(slots=True)
class _Match:
    start: int
    end: int
    rows: list[int]
    recog: float  # how sure we are that this is a toponym at all
    admin_cue: bool = False
    place_cue: bool = False
    fuzzy: bool = False
    scores: list[float] = field(default_factory=list)
    own: tuple[str, int] = ("", 0)  # this match's own vote for a document country
    demoted: frozenset[int] = frozenset()  # homonyms of a world-known place
    listed: bool = False  # follows another place in a list ("Rafah and Khan Younis")
    embedded: bool = False  # a capitalised word of no known kind next to it ("Mir Ali")

    name_key: tuple[int, ...] | None = None
    within: int = -1  # admin-1 row named right after a comma ("Atlanta, Texas"), else -1

    @property
    def key(self) -> tuple[int, ...]:
        """The name's readings: repeated mentions of one name are one piece of evidence."""
        k = self.name_key
        if k is None:
            k = self.name_key = tuple(self.rows)
        return k


class Recognizer:
    """Finds toponym spans; Geoparser adds resolution (geomap.resolve.Resolver)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._kind = gazetteer.kind_code
        self._k_country = KINDS.index(KIND_COUNTRY)
        self._k_admin1 = KINDS.index(KIND_ADMIN1)
        self._k_place = KINDS.index(KIND_PLACE)
        self._k_region = KINDS.index(KIND_REGION)
        self._k_line = KINDS.index(KIND_LINE)
        self._demonyms = {**gazetteer.demonyms, **DEMONYMS}
        # (word, country, cut-off) -> (score, name id) or None: the best fuzzy name does not
        # depend on the article, and the same unknown words recur from article to article.
        self._fuzzy_best = lru_cache(maxsize=65536)(self._best_fuzzy)
        self._is_english = lru_cache(maxsize=65536)(self._english_word)
        self._plain = lru_cache(maxsize=65536)(self._plain_word)
        self._nid_info = lru_cache(maxsize=65536)(self._name_info)
        self._words: dict[str, tuple[int | None, bool, bool, bool]] = {}  # see _word_info
        self._seat_memo: dict[tuple[tuple[int, ...], str], frozenset[int]] = {}  # Resolver._seats
        self._other_memo: dict[tuple[tuple[int, ...], str], frozenset[int]] = {}  # _other_names
        # (readings, phrase) -> readings a world-known namesake demotes: Resolver._prominent
        self._prominent_memo: dict[tuple[tuple[int, ...], str], frozenset[int]] = {}
        # row -> fold(its name): resolution compares it with the text for every reading
        self._row_name = lru_cache(maxsize=65536)(self._folded_row_name)
        # (country, initial) -> (names, their ids, their lengths ascending): fuzzy pools,
        # cut from the gazetteer's prebuilt order on first use
        self._pools: dict[tuple[str, str], tuple[list[str], Any, Any]] = {}
        self._pool_lock = threading.Lock()

    def demonyms(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, ISO2) of capitalised demonyms ('Azerbaijani', 'Armenians')."""
        folded = fold(text)
        out = []
        for m in _CAPITAL.finditer(text):
            if m.start() and text[m.start() - 1].isalnum():
                continue
            t = _TOKEN.match(folded, m.start())
            if t and (cc := self._demonyms.get(t.group())):
                out.append((t.start(), t.end(), cc))
        return out

    # -- recognition ----------------------------------------------------------------------
    def _recognise(self, text: str, folded: str) -> tuple[
            list[_Match], list[tuple[int, int]], list[tuple[int, int, str]]]:
        """Longest gazetteer names at capitalised word starts, kept if toponyms in context."""
        gaz = self.gaz
        names, prefixes, cands, demonyms = gaz.name_ids, gaz.prefixes, gaz.cands, self._demonyms
        n = len(folded)
        out: list[_Match] = []
        unknown: list[tuple[int, int]] = []
        dems: list[tuple[int, int, str]] = []
        persons: set[str] = set()  # surnames seen in person names in this text
        words = self._words
        if len(words) > 65_536:  # bounded like the other memos
            words.clear()
        counties_here = "counties" in folded or "parishes" in folded
        pos = 0
        for sm in _CAPITAL.finditer(text):
            # fe: the end of the first word (the regex takes the capitalised word)
            s, fe = sm.span()
            if s < pos:
                continue
            if s:
                c = text[s - 1]
                if c.isalnum():
                    continue  # a capital inside a word (McDonald)
                if c in "-‐‑'’":
                    pm = _PARTICLE.search(text, max(0, s - 4), s)
                    if pm is not None and pm.start() >= pos:
                        s = pm.start()
            w = folded[s:fe]
            if not w.isalnum():  # a particle start, or a letter that folds to "'"
                first = _TOKEN.match(folded, s)
                if first is None:
                    continue
                w, fe = first.group(), first.end()
            if counties_here and (folded.find("counties", fe, fe + 150) >= 0
                                  or folded.find("parishes", fe, fe + 150) >= 0):
                got = self._county_listed(text, folded, s, fe)
                if got is not None:  # "Becker, Clay and Otter Tail counties"
                    out.append(_Match(s, got[0], list(cands(got[1])), 1.0, admin_cue=True))
                    pos = got[0]
                    continue
            info = words.get(w)
            if info is None:
                info = self._word_info(w)
            wnid, is_prefix, is_demonym, fuzzable = info
            if wnid is None and not is_prefix and not is_demonym and not (
                    folded[fe:fe + 1] == "." and w + "." in names):
                if fuzzable:  # no fuzzy match for "President"
                    unknown.append((s, fe))
                continue
            best = None
            if is_prefix:
                limit = min(n, s + 80)
                t = _NEXT_TOKEN.match(folded, fe, limit)
                # most prefixes ("The", "New", "County") go no further: look once, the
                # case test (the loop's own, cheaper than a slice) before the two probes;
                # one slice for both probes: the string hashes once
                longer = t is not None and (
                    text[t.start(1)].isupper() or t.group(1) in _IN_NAME
                    or (folded[t.start(1) - 1] == "'" and t.group(1) != "s")) and (
                    (span := folded[s:t.end()]) in prefixes or span in names)
                # the first word passed the loop's tests already
                ends = [t.end()] if longer else []
                last_end = ends[0] if longer else fe
                while longer and len(ends) < MAX_TOKENS:
                    t = _NEXT_TOKEN.match(folded, last_end, limit)
                    if t is None:
                        break
                    te = t.end()
                    span = folded[s:te]
                    if (span not in prefixes and span not in names) or \
                            not (text[t.start(1)].isupper() or t.group(1) in _IN_NAME
                                 or (folded[t.start(1) - 1] == "'" and t.group(1) != "s")):
                        break  # lowercase after an apostrophe only inside a word: Khuza'a
                    ends.append(te)
                    last_end = te
                for e in reversed(ends):
                    nid = names.get(folded[s:e + 1]) if folded[e:e + 1] == "." else None
                    if nid is not None:
                        best = (e + 1, nid)
                        break
                    nid = names.get(folded[s:e])
                    if nid is not None:
                        best = (e, nid)
                        break
            if best is None:
                e = fe
                nid = names.get(folded[s:e + 1]) if e - s <= 5 and folded[e:e + 1] == "." \
                    else None
                if nid is not None:
                    best = (e + 1, nid)
                elif wnid is not None:
                    best = (e, wnid)
            if best is None:
                if is_demonym:
                    dems.append((s, fe, demonyms[w]))
                elif fuzzable:
                    unknown.append((s, fe))
                continue
            e, nid = best
            if e + 1 < n and text[e] in "- " and text[e + 1].isupper() and \
                    folded[s:e].rpartition(" ")[2].rpartition("-")[2] in _MID_PARTICLES:
                continue  # "Tal al-Sultan": a longer name than "Tal al" goes on
            # "Goris and Kapan": after a town (not "Israel and Hamas": countries pair with actors)
            listed = bool(out) and folded[out[-1].end:s] in _LIST_JOINS and (
                self._town_reading(out[-1].rows) or self._peer_province(out[-1].rows, nid))
            # the capitalised word before the match, scanned once for both checks
            j = self._prev_start(text, s)
            prev = self._prev_at(text, folded, s, j)
            recog = self._recognition(text, folded, s, e, nid, persons, listed, (prev, j))
            if recog > 0:
                out.append(_Match(s, e, list(cands(nid)), recog, listed=listed,
                                  embedded=self._embedded(text, folded, s, e, prev)))
                pos = e
        if persons:  # "Bob Jones ... Jones said": the bare surname is the person too
            out = [m for m in out if folded[m.start:m.end] not in persons
                   or self._kind[m.rows[0]] == self._k_country]
        return out, unknown, dems

    def _held_by_next(self, folded: str, e: int, nid: int) -> bool:
        """True if the name after ", " at e is a province or country holding one of the
        readings of name `nid` ("Greer, South Carolina"; "Jordan, Minnesota")."""
        gaz = self.gaz
        t = _TOKEN.match(folded, e + 2)
        if t is None:
            return False
        ends = [t.end()]
        while len(ends) < 3:
            t = _NEXT_TOKEN.match(folded, ends[-1])
            if t is None or t.group()[0] != " ":
                break
            ends.append(t.end())
        units = None
        for end in reversed(ends):
            nxt = gaz.name_ids.get(folded[e + 2:end])
            if nxt is None:
                continue
            if units is None:
                units = {(gaz.admin1_of[r], gaz.cc[r]) for r in gaz.cands(nid)}
            for r in gaz.cands(nxt):
                k = self._kind[r]
                if (k == self._k_admin1 and any(a == r for a, _ in units)) or (
                        k == self._k_country and any(c == gaz.cc[r] for _, c in units)):
                    return True
        return False

    def _town_reading(self, rows: list[int]) -> bool:
        """A name read first as a town, or as a province named like its town ("Nabatieh,
        Tyre and Baalbek": Nabatieh is first the governorate): what is listed after it is
        a place too. Not a country, which pairs with actors ("Israel and Hamas"), nor a
        bare state ("In Pennsylvania, Meredith escaped")."""
        kind = self._kind
        if kind[rows[0]] == self._k_place:
            return True
        return kind[rows[0]] == self._k_admin1 and any(
            kind[r] == self._k_place and self.gaz.pop[r] >= LISTING_TOWN_POP for r in rows[1:4])

    def _peer_province(self, rows: list[int], nid: int) -> bool:
        """A province listed after another of its country ("Wisconsin, Michigan and
        Ohio"): a name read first as a province is one there, whatever else the word is
        (a surname); not a town after a state ("In Pennsylvania, Meredith escaped")."""
        kind, k_admin1 = self._kind, self._k_admin1
        top = self.gaz.cand_flat[self.gaz.cand_off[nid]]
        return kind[rows[0]] == k_admin1 and kind[top] == k_admin1 and \
            self.gaz.cc[rows[0]] == self.gaz.cc[top]

    def _word_info(self, w: str) -> tuple[int | None, bool, bool, bool]:
        """(name id or None, starts a longer name, demonym, long non-English word a fuzzy
        match may spell) of a capitalised word, folded; remembered."""
        gaz = self.gaz
        info = (gaz.name_ids.get(w), w in gaz.prefixes, w in self._demonyms,
                len(w) >= 5 and w not in gaz.english)
        self._words[w] = info
        return info

    def _county_listed(self, text: str, folded: str, s: int, fe: int) -> tuple[int, int] | None:
        """(end, name id of "<name> County") if the capitalised words at s are one item of
        a list of counties ("Jackson and Barrow counties", "Otter Tail, Swift and Wilkin
        counties"); the bare name would otherwise be a town or no place at all."""
        ends = [fe]
        while len(ends) < 3:
            t = _CAP_WORD_AFTER.match(text, ends[-1])
            if t is None:
                break
            ends.append(t.end())
        names = self.gaz.name_ids
        for e in reversed(ends):
            listed = _COUNTY_LIST.match(text, e)
            if listed:
                for generic in _GENERICS[listed.group(1)[0] in "Pp"]:
                    nid = names.get(folded[s:e] + generic)
                    if nid is not None:
                        return e, nid
        return None

    def _folded_row_name(self, row: int) -> str:
        """A row's name as the text's folded spans spell it (see _row_name)."""
        return fold(self.gaz.name_of(row))

    def _english_word(self, w: str) -> bool:
        eng = self.gaz.english
        if w in eng:
            return True
        for suf in ("s", "es", "ed", "d", "ing", "ly", "'s"):
            if w.endswith(suf) and w[: -len(suf)] in eng:
                return True
        return False

    def _name_info(self, nid: int) -> tuple[bool, bool, int, int, bool, bool, int]:
        """What recognition needs to know of name `nid` whatever its context: (never a
        toponym, top candidate not a town, common word, common word or small-town surname,
        a town under 100,000 (a speech verb after it makes it a source), broad area, length
        without dots)."""
        word = self.gaz.names[nid]
        top = self.gaz.cand_flat[self.gaz.cand_off[nid]]
        top_kind = self._kind[top]
        high = top_kind != self._k_place
        common = self.gaz.common[nid]
        pop = self.gaz.pop[top]
        return (word in _NEVER or word in self._demonyms or word in _INSTITUTIONS, high,
                common,
                1 if not high and pop < 50_000 and (
                    word in self.gaz.surnames or word in self.gaz.given_names) else common,
                not high and pop < 100_000,
                top_kind in (self._k_country, self._k_region, self._k_line),
                len(word.replace(".", "")))

    def _plain_word(self, w: str) -> bool:
        """A capitalised neighbour that does not make a run of capitals a person's name:
        a place-type word, demonym, English word, place name, name particle or letter."""
        return w in _GENERIC or w in self._demonyms or self._is_english(w) \
            or w in self.gaz.name_ids or w in _NAME_LOWER or len(w) < 2

    def _embedded(self, text: str, folded: str, s: int, e: int, prev: str | None) -> bool:
        """True if a capitalised word other than a place-type word, demonym or function
        word runs straight into the match: "Mir Ali", "Nur Shams", "Metro Vancouver".
        The match may then be part of a longer name the gazetteer lacks (English words
        count: mid-sentence capitals make names, "Rocky Mountain National Park")."""
        nxt = None
        if text[e:e + 1] == " " and e + 1 < len(text) and text[e + 1].isupper():
            t = _TOKEN.match(folded, e + 1)
            nxt = t.group() if t else None
        return any(w is not None and w not in _GENERIC and w not in self._demonyms
                   and w not in _FUNCTION_WORDS and w not in _NAME_LOWER and len(w) > 1
                   for w in (prev, nxt))

    def _recognition(self, text: str, folded: str, s: int, e: int, nid: int,
                     persons: set[str], listed: bool = False,
                     before_word: tuple[str | None, int] | None = None) -> float:
        """0 if the span is not a toponym here, else a confidence factor in (0, 1]."""
        never, high, common, common_here, speech_small, broad, size = self._nid_info(nid)
        if never or _UNIT_AFTER.match(folded, e) or _MODEL_AFTER.match(folded, e) or (
                folded[s:e] in _MONTH_SHORT and _DATE_AFTER.match(folded, e)) or \
                _WORD_GOES_ON.match(text, e):
            return 0.0  # "the Azov regiment", "the Donbas battalion": a unit, not a place;
            # "Shuja'iyeh" is no "Shuja" (Shuya, Russia)
        surface = text[s:e]
        # Short all-capitals words are acronyms (NATO, UN, AFP) unless a country alias.
        if size <= 4 and surface.isupper() and not (
                (high and size <= 3) or self._dateline(text, s, e)):
            return 0.0
        before = folded[max(0, s - 30):s]
        if self._title_before(before):
            if not high:
                persons.add(folded[s:e])  # "Gov. Jackson ... Jackson said": the person
            return 0.0
        if self._in_other_name(text, folded, s, e, persons, before_word):
            return 0.0
        if s > 1 and text[s - 1] == " " and text[s - 2].isalpha():
            # "Rep. Ilhan Omar": a title before the capitalised word before this one
            j = s - 2
            while j > 0 and text[j - 1].isalpha():
                j -= 1
            if text[j].isupper() and self._title_before(folded[max(0, j - 30):j]):
                if not high:
                    persons.add(folded[s:e])
                return 0.0
        if not common and high:
            return 1.0
        # "in Goris and Kapan said" is a list; "Speaking in Brussels, Stoltenberg said" is not
        if speech_small and not (listed and folded[s - 2:s] != ", ") and (
                (_SPEECH_AFTER.match(folded, e)
                 and not _LOCATED_BEFORE.search(folded, max(0, s - 8), s)) or (
                _SPEECH_BEFORE.search(folded, max(0, s - 14), s)
                and _SPEAKER_END.match(folded, e))):
            # "Mehr reported", "said Omar.": a source or person, not a village; but
            # "officials in Ramallah said" speak from the place
            return 0.0
        # common_here: "Jones", "Moore" (a surname, a small town): believe the place only
        # with a place cue
        initial = s == 0 or bool(_SENT_END.search(text, max(0, s - 6), s))
        if not common_here and not initial:
            return 1.0
        b0 = max(0, s - 30)
        cue = listed or bool(
            _PREP_BEFORE.search(folded, b0, s) or _PLACE_BEFORE.search(folded, b0, s)
            or _ADMIN_AFTER.match(folded, e) or _PLACE_AFTER.match(folded, e)
            or folded.startswith(", ", e))
        if common_here and folded.startswith(", ", e) and self._held_by_next(folded, e, nid):
            return 0.9  # "Greer, South Carolina": a reading of it lies in the unit named next
        if common_here:
            if broad:
                if not initial or cue or surface.isupper():
                    return 0.9 if not initial else 0.75
                # "Russia has ...", "Canada's ...": the dictionary lists "russia" (leather)
                # and "canada", but a sentence opening with a country name followed by a
                # lowercase word is the country; "Chad said", "Jordan Henderson" are not
                if _STATE_AFTER.match(folded, e):
                    return 0.75  # "Jordan's King Abdullah", "Chad's army"
                return 0.0 if folded[s:e] in self.gaz.given_names or \
                    _CAP_WORD_AFTER.match(text, e) or _SPEECH_AFTER.match(folded, e) else 0.75
            if _LOCAL_AFTER.match(folded, e) or (
                    surface.isupper() and (self._dateline(text, s, e) or (
                        initial and text.startswith(_DATELINE_DASH, e)))):
                return 0.7  # "Concord police", "MONROE - " opening a story: even initial
            return 0.7 if cue and not initial else 0.0
        return 1.0 if cue else 0.85

    @staticmethod
    def _dateline(text: str, s: int, e: int) -> bool:
        """An all-caps place opening a line before a comma, dash or agency: "KYIV, May 6 -",
        "GAZA CITY (Reuters) -", or one of several slashed there: "CAIRO/GAZA, Sept 10 -"."""
        if s and text[s - 1] != "\n" and not (
                text[s - 1] == "/" and _SLASHED_BEFORE.fullmatch(
                    text, text.rfind("\n", 0, s) + 1, s)):
            return False
        slashed = _SLASHED_AFTER.match(text, e)
        if slashed is not None:  # "KYIV/LONDON, May 3 -": the dateline goes on
            e = slashed.end()
        if text.startswith(",", e):  # "KYIV, May 6 -", "KYIV, Ukraine (AP) -"; not "NATO, EU"
            return _DATELINE_COMMA.match(text, e) is not None
        return text.startswith(_DATELINE_AFTER, e)

    @staticmethod
    def _title_before(before: str) -> bool:
        """True if `before` (folded text up to a name) ends with a title: "President "."""
        b = before.rstrip(" ")
        if len(b) == len(before):
            return False  # a title is followed by a space
        dot = b.endswith(".")
        if dot:
            b = b[:-1]
        if b[-3:] not in _TITLE_TAILS and b[-2:] not in _TITLE_PAIRS:
            return False  # no title ends so: most words, without the backward scan
        j = len(b) - 1 if b.endswith("-") else len(b)  # "saint-"
        while j > 0 and b[j - 1].isalnum():
            j -= 1
        # "Gov. ", "Dr. " are titles; "... named interim president. CINCINNATI" ends a
        # sentence
        return b[j:] in _TITLE_WORDS and (not dot or b[j:] in _TITLE_ABBREVIATIONS)

    def _in_other_name(self, text: str, folded: str, s: int, e: int,
                       persons: set[str] | None = None,
                       before_word: tuple[str | None, int] | None = None) -> bool:
        """True if the match sits in a run of capitalised words naming something else.

        "Nancy Pelosi", "Vladimir Putin", "David Jones": a given name next to a capitalised
        word, or a capitalised neighbour that is neither an English word, a place name, a
        place-type word nor a demonym, makes the run a person (or organisation).
        """
        given = self.gaz.given_names
        nxt = None  # the capitalised word right after
        if text[e:e + 1] == " " and e + 1 < len(text) and text[e + 1].isupper():
            t = _TOKEN.match(folded, e + 1)
            nxt = t.group() if t else None
            if nxt is not None and (nxt in _TITLE_WORDS or (
                    t.end() - t.start() > 1 and text[t.start():t.end()].isupper()
                    and not text[s:e].isupper()) or (
                    e - s > 3 and text[s:e].isupper() and not text[t.start():t.end()].isupper())):
                # "Alaska Gov. Sarah Palin", "the Gainesville VFW post", "WASHINGTON Barack
                # Obama pardoned": no name runs across a change of case
                nxt = None
            elif nxt is not None and (
                    nxt in _WHEN or folded[s:e].rpartition(" ")[2] in _SPAN_GENERIC
                    or (folded[e - 1] == "." and nxt not in given)):
                # "in Montana Sunday", "Harrisburg, Pa. Smith said", "Walker County
                # Fairgrounds": no person's name goes on after these
                nxt = None
        if before_word is None:
            j = self._prev_start(text, s)
            prev = self._prev_at(text, folded, s, j)
        else:
            prev, j = before_word
        # j < 0: no capitalised word right before, so no given name opening a sentence
        if (prev is not None and prev in given) or \
                (text[s - 2:s] == ". " and _MIDDLE_INITIAL.search(text, max(0, s - 30), s)) or \
                (prev is None and j >= 0 and text[s - 2:s - 1].isalpha()
                 and self._initial_given(text, folded, s, j)):
            if persons is not None and not (prev is not None and prev in self.gaz.name_ids
                                            and folded[s:e + 1].endswith(" ")
                                            and _CAP_WORD_AFTER.match(text, e)):
                # a surname: later bare mentions are the person; not inside a longer run
                # of place names ("Old Alton Edwardsville Road")
                persons.add(folded[s:e])
            return True
        if nxt is not None and (not self._plain(nxt) or (
                folded[s:e] in given and nxt not in _GENERIC and nxt not in _ORG_HEADS
                and (nxt in self.gaz.surnames or not self._broad_name(folded[s:e])
                     or not self._is_english(nxt) or len(nxt) == 1 or nxt in _SURNAME_PARTICLES))):
            # "Georgia Smith" is a person; "Georgia Bureau of Investigation", "Georgia
            # Environmental Protection Division" (a state before a plain word) are not
            return True
        if prev is not None and not self._plain(prev):
            if persons is not None and not text[s - 1 - len(prev):s - 1].isupper():
                # a surname: later bare mentions are the person (not after an acronym:
                # "told CTV Winnipeg" names a station, and Winnipeg stays a city)
                persons.add(folded[s:e])
            return True
        return False

    def _broad_name(self, span: str) -> bool:
        """The name's best reading is a country, province or region, not a town."""
        nid = self.gaz.name_ids.get(span)
        return nid is not None and self._nid_info(nid)[1]

    def _initial_given(self, text: str, folded: str, s: int, j: int) -> bool:
        """'... police said. Brian Munford, 43, ...': a given name opening the sentence
        right before the word (not one that is also an English word: 'Will', 'Grant');
        j is _prev_start(text, s), at least 0."""
        if not (j == 0 or _SENT_END.search(text, max(0, j - 6), j)):
            return False
        w = folded[j:s - 1]
        return w in self.gaz.given_names and not self._is_english(w)

    @staticmethod
    def _prev_start(text: str, s: int) -> int:
        """Start of the capitalised word right before s and one space, else -1: one
        backward scan that _prev_at and _initial_given share."""
        if s < 2 or text[s - 1] != " ":
            return -1
        j = s - 1
        while j > 0 and (text[j - 1].isalpha()):
            j -= 1
        if j == s - 1 or not text[j].isupper():
            return -1
        return j

    @classmethod
    def _prev_word(cls, text: str, folded: str, s: int) -> str | None:
        return cls._prev_at(text, folded, s, cls._prev_start(text, s))

    @staticmethod
    def _prev_at(text: str, folded: str, s: int, j: int) -> str | None:
        """The folded capitalised word starting at j (_prev_start) unless it opens a
        sentence (which says nothing), else None."""
        if j < 0:
            return None
        if j > 0 and not (text[j - 1] == " " or text[j - 1] == "\n"):
            return None
        if _SENT_END.search(text[max(0, j - 6):j]) or j == 0:
            return None  # a sentence-initial capital says nothing
        return folded[j:s - 1]

    # -- fuzzy ----------------------------------------------------------------------------
    def _pool(self, cc: str, letter: str) -> tuple[list[str], Any, Any]:
        """(names, name ids, lengths ascending) in country cc ('*': all) with this initial."""
        pool = self._pools.get((cc, letter))
        if pool is None:
            ids, lengths, letters = self.gaz.fuzzy_pools.get(cc, _NO_POOL)
            lo, hi = letters.get(letter, (0, 0))
            names = self.gaz.names
            with self._pool_lock:
                pool = self._pools.setdefault(
                    (cc, letter), ([names[n] for n in ids[lo:hi]], ids[lo:hi], lengths[lo:hi]))
        return pool

    def _best_fuzzy(self, word: str, cc: str, cutoff: float) -> tuple[float, int] | None:
        """(score, name id) of the closest name to `word` in country cc ('*': all) with its
        initial and about its length, if it scores at least `cutoff` (fuzz.ratio)."""
        names, nids, lengths = self._pool(cc, word[:1])
        length = len(word)
        # A name d characters longer scores at most 100 * 2L / (2L + d) (the Indel distance
        # is at least d), shorter ones less: past this d no name can reach the cut-off, so
        # rapidfuzz is not handed them (a third fewer names at 88; same best, same index).
        reach = min(3, int(2 * length * (100.0 - cutoff) / cutoff + 1e-6))
        lo, hi = bisect_left(lengths, length - reach), bisect_right(lengths, length + reach)
        got = process.extractOne(word, names[lo:hi], scorer=fuzz.ratio, score_cutoff=cutoff)
        return (got[1], nids[lo + got[2]]) if got else None

    def _fuzzy(self, text: str, folded: str, unknown: list[tuple[int, int]],
               doc_cc: Counter[str], known: list[_Match] | None = None) -> list[_Match]:
        """Misspelt names ('Kalbjar') in place context, matched within the doc's countries
        and, when the story names places for sure (`known` with one reading), near one."""
        out: list[_Match] = []
        if not unknown:
            return out
        gaz = self.gaz
        sure = [(gaz.lat[m.rows[0]], gaz.lon[m.rows[0]]) for m in known or ()
                if len(m.rows) == 1 and self._kind[m.rows[0]] in (self._k_place,
                                                                   self._k_admin1)]
        for s, e in unknown:
            cutoff = self._fuzzy_cue(folded, s, e, bool(doc_cc))
            if not cutoff or (cutoff > 80.0 and _SENT_END.search(text, max(0, s - 6), s)):
                continue
            b0 = max(0, s - 30)
            word = folded[s:e]
            if word in _NEVER or self._is_english(word) or \
                    self._in_other_name(text, folded, s, e) or \
                    self._title_before(folded[b0:s]):
                continue
            best: tuple[float, int] | None = None
            # The article's countries, or anywhere when it names none: a misspelling
            # abroad in an article about somewhere is more often a name the gazetteer
            # lacks ("Masisi territory" is not Cuba's Maisí).
            pools = [c for c, _ in doc_cc.most_common(3)] or ["*"]
            for cc in pools:
                if best is not None:
                    break
                # a misspelling abroad must be closer: "Tawila" near El Fasher is not
                # Tafilah in Jordan
                best = self._fuzzy_best(word, cc, max(cutoff, FUZZY_ABROAD)
                                        if cc == "*" and doc_cc else cutoff)
            if best:
                rows = [r for r in self.gaz.cands(best[1])
                        if not doc_cc or self.gaz.country(r) in doc_cc] or \
                    list(self.gaz.cands(best[1]))
                if sure:
                    rows = [r for r in rows if any(
                        haversine_km(gaz.lat[r], gaz.lon[r], lat, lon) <= FUZZY_NEAR_KM
                        for lat, lon in sure)]
                if rows:
                    out.append(_Match(s, e, rows, 0.8 * best[0] / 100, fuzzy=True))
        return out

    @staticmethod
    def _fuzzy_cue(folded: str, s: int, e: int, prep_ok: bool) -> float:
        """Score cut-off for a fuzzy match by the words around it (0: no place cue)."""
        nxt = folded[e + 1:e + 16].split(" ", 1)[0] if folded[e:e + 1] == " " else ""
        if nxt in _CUE_AFTER:
            return 80.0
        prev = folded[max(0, s - 24):s].split()
        if prev and prev[-1] == "the":
            prev.pop()
        if len(prev) >= 2 and prev[-1] == "of" and prev[-2] in _CUE_OF:
            return 80.0
        if prep_ok and prev and prev[-1] in _CUE_PREP:
            return 88.0
        return 0.0
