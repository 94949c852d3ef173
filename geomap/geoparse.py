"""Geoparser: find place names in news text (recognition) and pick the place (resolution).

Recognition probes the gazetteer's folded-name table at capitalised word starts, longest
name first, then drops what is not a toponym in context: common words without place cues,
parts of person or organisation names, weekdays and months, demonyms. Resolution scores
each candidate by feature level and population, the countries and provinces the article
names, local cues ("X province", "city of X", "X, Country", "Country's ... X"), and
closeness to the article's other places; confidence is the softmax share of the best.
"""

from __future__ import annotations

import math
import re
import threading
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
    Mention,
    Place,
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
MAX_TOKENS = 6
# Lowercase words allowed inside a multi-word name ("Line of Contact", "... border").
_NAME_LOWER = _words(
    "of the de del la le les al el upon on sur am an der den du des di da do dos das y and "
    "en in im border line state")
_NEVER = _words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december christmas easter ramadan eid "
    "thanksgiving halloween hanukkah passover "
    # peoples and faiths that are no country's demonym
    "arab arabs kurd kurds kurdish jew jews jewish muslim muslims christian christians sunni "
    "sunnis shia shiite shiites druze ismaili ismailis alawite alawites bedouin tatar tatars "
    "latino hispanic african africans asian asians european europeans western eastern "
    "white black")
# Institutions named after a place-name homonym ("White House" is also a town in Tennessee).
_INSTITUTIONS = frozenset({"white house", "pentagon", "kremlin", "capitol"})
_TITLES = _words(
    "mr mrs ms dr sir president minister premier spokesman spokeswoman spokesperson gen "
    "general sen senator rep gov governor mayor judge king queen prince princess pope lord "
    "lady colonel col lt sgt capt captain chairman chairwoman director secretary ambassador "
    "envoy commander coach professor prof rev father sheikh ayatollah emir sultan pm "
    "chancellor leader brother sister son daughter wife husband mother aide adviser advisor "
    "deputy correspondent reporter analyst mrs. dr. mr. ms. miss saint-")
_TITLE_END = re.compile(
    r"(?<![^\W_])(?:" + "|".join(sorted((re.escape(t.rstrip(".")) for t in _TITLES),
                                          key=len, reverse=True)) + r")\.? +$")
# Words that make the capitalised word before them a place-type phrase, not a surname.
_GENERIC = _words(
    "province region district oblast governorate state rayon raion marz county prefecture "
    "krai kray okrug municipality territory city town village valley river mountains "
    "mountain strip bank basin republic area border corridor")
_ADMIN_AFTER = re.compile(
    r"(?:'s)? (province|region|district|oblast|governorate|state|rayon|raion|marz|"
    r"prefecture|krai|okrug|municipality|territory)\b")
_PLACE_AFTER = re.compile(r" (city|town|village|settlement)\b")
_PLACE_BEFORE = re.compile(
    r"\b(?:city|town|village|villages|settlement|capital|port|suburb|hamlet|towns|cities)"
    r" of (?:the )?$")
_PREP_BEFORE = re.compile(
    r"\b(?:in|near|at|outside|around|from|into|to|towards|toward|across|through|"
    r"via|between|and|of) (?:the )?$")
_SPAN_GENERIC = _words(
    "county co parish river lake township park province region district oblast governorate "
    "state city town village valley mountains mountain")
_ADMIN_WORDS = _words("county co parish township province region district oblast governorate state")
SEAT_MIN_POP = 10_000  # a town this big that names its own district/province is the bare name
SEAT_MAX_KM = 120.0  # ... if the province is compact (not New York State, not Quebec)
WORLD_CITY_POP = 1_000_000  # cities this big are named without their country
STRAY_MAX_POP = 50_000  # smaller places need their country named in the article
STRAY_ALT_MAX_POP = 500_000  # ... and so do bigger ones matched by an alternate name
WORLD_KNOWN_ALTS = 80  # GeoNames alternate names of a place known worldwide (Paris, Gaza City)
FOREIGN_ADMIN1_ALTS = 60  # ... enough to outrank a same-name province abroad (Gaza, MZ)
OBSCURE_POP = 20_000  # a homonym this small needs a local cue to beat a world-known place
PROMINENCE_BONUS = 3.0
MAX_CONTEXT_BONUS = 4.0
# A place or county in the province of a county the article names ("Hall County" ->
# Gainesville, Georgia). Measured: support from other *places* of the province hurts
# (they are often themselves the wrong homonym), so only counties count.
SAME_ADMIN1_BONUS = 1.0  # second-pass bonus cap: candidates further behind cannot win
TEMPERATURE = 1.5  # softmax sharpness of confidence over candidate scores
_CUE_AFTER = _words(
    "province region district oblast governorate state rayon raion marz prefecture krai "
    "okrug municipality territory city town village settlement")
_CUE_OF = _words("city town village villages settlement capital port suburb hamlet")
_CUE_PREP = _words(
    "in near at outside around from into to towards toward across through via between and")
_SPEECH_AFTER = re.compile(
    r" (?:said|says|reported|reports|told|added|wrote|quoted|news|agency|tweeted|stated)\b")
_APPOSITION = re.compile(r",? (?:a|the) (?:small |tiny |frontline |front-line )?"
                         r"(?:village|town|settlement|city|hamlet)\b")
_DATELINE_COMMA = re.compile(r", (?:[A-Z][a-z]+\.? \d|\d|[A-Z][a-z]+(?: [A-Z][a-z]+)? [-–—(])")
_DATELINE_AFTER = (" - ", " – ", " — ", " -- ", " (")
_SENT_END = re.compile(r"(?:^|[.!?:;\"“”]\s*|\n\s*)$")


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
    demoted: set[int] = field(default_factory=set)  # homonyms of a world-known place


class Geoparser:
    """Find and resolve toponyms; `parse(text)` returns Mentions sorted by start."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._kind = gazetteer.kind_code
        self._k_country = KINDS.index(KIND_COUNTRY)
        self._k_admin1 = KINDS.index(KIND_ADMIN1)
        self._k_place = KINDS.index(KIND_PLACE)
        self._k_region = KINDS.index(KIND_REGION)
        self._k_line = KINDS.index(KIND_LINE)
        self._demonyms = {**gazetteer.demonyms, **DEMONYMS}
        self._fuzzy_choices = lru_cache(maxsize=4096)(self._choices)
        # (country, initial) -> (name lengths ascending, name ids): fuzzy pools, built lazily
        self._pools: dict[tuple[str, str], tuple[list[int], list[int]]] = {}
        self._pool_lock = threading.Lock()

    # -- public API -----------------------------------------------------------------------
    def parse(self, text: str) -> list[Mention]:
        """Toponyms in `text`, resolved; text[m.start:m.end] == m.text for each."""
        folded = fold(text)
        matches, unknown, dems = self._recognise(text, folded)
        doc_cc = self._doc_countries(matches, dems)
        matches = [m for m in matches if not self._stray(m, folded, doc_cc)]
        matches += self._fuzzy(text, folded, unknown, doc_cc)
        matches.sort(key=lambda m: m.start)
        self._resolve(text, folded, matches, doc_cc)
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
        self._resolve(text, folded, matches, doc_cc)
        return self._mention(text, target)

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
        english = gaz.english
        pos = 0
        for sm in _CAPITAL.finditer(text):
            s = sm.start()
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
            fe = sm.end()  # end of the first word (the regex takes the capitalised word)
            w = folded[s:fe]
            if not w.isalnum():  # a particle start, or a letter that folds to "'"
                first = _TOKEN.match(folded, s)
                if first is None:
                    continue
                w, fe = first.group(), first.end()
            if w not in names and w not in prefixes and w not in demonyms and not (
                    folded[fe:fe + 1] == "." and w + "." in names):
                if fe - s >= 5 and w not in english:  # no fuzzy match for "President"
                    unknown.append((s, fe))
                continue
            best = None
            if w in prefixes:
                ends = []
                last_end = fe
                for t in _TOKEN.finditer(folded, fe, min(n, s + 80)):
                    if folded[last_end:t.start()] not in _GAPS or \
                            (folded[s:t.end()] not in prefixes
                             and folded[s:t.end()] not in names) or \
                            not (text[t.start()].isupper() or t.group() in _NAME_LOWER):
                        break
                    ends.append(t.end())
                    last_end = t.end()
                    if len(ends) == MAX_TOKENS:
                        break
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
                else:
                    nid = names.get(w)
                    if nid is not None:
                        best = (e, nid)
            if best is None:
                if w in demonyms:
                    dems.append((s, fe, demonyms[w]))
                elif fe - s >= 5 and w not in english:
                    unknown.append((s, fe))
                continue
            e, nid = best
            rows = list(cands(nid))
            recog = self._recognition(text, folded, s, e, nid, rows, persons)
            if recog > 0:
                out.append(_Match(s, e, rows, recog))
                pos = e
        if persons:  # "Bob Jones ... Jones said": the bare surname is the person too
            out = [m for m in out if folded[m.start:m.end] not in persons
                   or self._kind[m.rows[0]] == self._k_country]
        return out, unknown, dems

    def _is_english(self, w: str) -> bool:
        eng = self.gaz.english
        if w in eng:
            return True
        for suf in ("s", "es", "ed", "d", "ing", "ly", "'s"):
            if w.endswith(suf) and w[: -len(suf)] in eng:
                return True
        return False

    def _recognition(self, text: str, folded: str, s: int, e: int, nid: int,
                     rows: list[int], persons: set[str]) -> float:
        """0 if the span is not a toponym here, else a confidence factor in (0, 1]."""
        word = folded[s:e]
        if word in _NEVER or word in self._demonyms or word in _INSTITUTIONS:
            return 0.0
        top_kind = self._kind[rows[0]]
        high = top_kind != self._k_place
        surface = text[s:e]
        # Short all-capitals words are acronyms (NATO, UN, AFP) unless a country alias.
        if surface.isupper() and len(word.replace(".", "")) <= 4 and not (
                (high and len(word.replace(".", "")) <= 3) or self._dateline(text, s, e)):
            return 0.0
        before = folded[max(0, s - 30):s]
        if self._title_before(before) or self._in_other_name(text, folded, s, e, persons):
            return 0.0
        if s > 1 and text[s - 1] == " " and text[s - 2].isalpha():
            # "Rep. Ilhan Omar": a title before the capitalised word before this one
            j = s - 2
            while j > 0 and text[j - 1].isalpha():
                j -= 1
            if text[j].isupper() and self._title_before(folded[max(0, j - 30):j]):
                return 0.0
        initial = s == 0 or bool(_SENT_END.search(text, max(0, s - 6), s))
        common = self.gaz.common[nid]
        if not common and high:
            return 1.0
        after = folded[e:e + 30]
        if not high and self.gaz.pop[rows[0]] < 100_000 and _SPEECH_AFTER.match(after):
            return 0.0  # "Mehr reported", "Omar said": a source or person, not a village
        if not high and word in self.gaz.surnames and self.gaz.pop[rows[0]] < 50_000:
            common = 1  # "Jones", "Moore": believe the place only with a place cue
        if not common and not initial:
            return 1.0
        b0 = max(0, s - 30)
        cue = bool(_PREP_BEFORE.search(folded, b0, s) or _PLACE_BEFORE.search(folded, b0, s)
                   or _ADMIN_AFTER.match(folded, e) or _PLACE_AFTER.match(folded, e)
                   or after.startswith(", "))
        if common:
            broad = top_kind in (self._k_country, self._k_region, self._k_line)
            if broad:
                return 0.9 if not initial else (0.75 if cue or surface.isupper() else 0.0)
            return 0.7 if cue and not initial else 0.0
        return 1.0 if cue else 0.85

    @staticmethod
    def _dateline(text: str, s: int, e: int) -> bool:
        """An all-caps place opening a line before a comma, dash or agency: "KYIV, May 6 -",
        "GAZA CITY (Reuters) -"."""
        if s and text[s - 1] != "\n":
            return False
        if text.startswith(",", e):  # "KYIV, May 6 -", "KYIV, Ukraine (AP) -"; not "NATO, EU"
            return _DATELINE_COMMA.match(text, e) is not None
        return text.startswith(_DATELINE_AFTER, e)

    @staticmethod
    def _title_before(before: str) -> bool:
        """True if `before` (folded text up to a name) ends with a title: "President "."""
        return _TITLE_END.search(before) is not None

    def _in_other_name(self, text: str, folded: str, s: int, e: int,
                       persons: set[str] | None = None) -> bool:
        """True if the match sits in a run of capitalised words naming something else.

        "Nancy Pelosi", "Vladimir Putin", "David Jones": a given name next to a capitalised
        word, or a capitalised neighbour that is neither an English word, a place name, a
        place-type word nor a demonym, makes the run a person (or organisation).
        """
        gaz = self.gaz
        nxt = self._next_word(text, folded, e)
        prev = self._prev_word(text, folded, s)
        if prev is not None and prev in gaz.given_names:
            if persons is not None:
                persons.add(folded[s:e])
            return True
        if nxt is not None and folded[s:e] in gaz.given_names and nxt not in _GENERIC:
            return True
        for is_prev, w in ((False, nxt), (True, prev)):
            if w is None or w in _GENERIC or w in self._demonyms or self._is_english(w) \
                    or w in gaz.name_ids or w in _NAME_LOWER or len(w) < 2:
                continue
            if is_prev and persons is not None:
                persons.add(folded[s:e])  # a surname: later bare mentions are the person
            return True
        return False

    @staticmethod
    def _next_word(text: str, folded: str, e: int) -> str | None:
        if text[e:e + 1] != " " or e + 1 >= len(text) or not text[e + 1].isupper():
            return None
        t = _TOKEN.match(folded, e + 1)
        return t.group() if t else None

    @staticmethod
    def _prev_word(text: str, folded: str, s: int) -> str | None:
        if s < 2 or text[s - 1] != " ":
            return None
        j = s - 1
        while j > 0 and (text[j - 1].isalpha()):
            j -= 1
        if j == s - 1 or not text[j].isupper():
            return None
        if j > 0 and not (text[j - 1] == " " or text[j - 1] == "\n"):
            return None
        if _SENT_END.search(text[max(0, j - 6):j]) or j == 0:
            return None  # a sentence-initial capital says nothing
        return folded[j:s - 1]

    # -- fuzzy ----------------------------------------------------------------------------
    def _choices(self, cc: str, letter: str, length: int) -> tuple[list[str], list[int]]:
        """Names in country cc ('*': all) with this initial and about this length."""
        names = self.gaz.names
        pool = self._pools.get((cc, letter))
        if pool is None:
            self._pool_lock.acquire()
            try:
                by_letter: dict[str, list[tuple[int, int]]] = {}
                for n in (range(len(names)) if cc == "*" else self.gaz.names_by_cc.get(cc, ())):
                    by_letter.setdefault(names[n][:1], []).append((len(names[n]), n))
                for ch, items in by_letter.items():
                    items.sort()
                    self._pools[(cc, ch)] = ([k for k, _ in items], [n for _, n in items])
                pool = self._pools.setdefault((cc, letter), ([], []))
            finally:
                self._pool_lock.release()
        lengths, nids = pool
        keep = nids[bisect_left(lengths, length - 3):bisect_right(lengths, length + 3)]
        return [names[n] for n in keep], keep

    def _fuzzy(self, text: str, folded: str, unknown: list[tuple[int, int]],
               doc_cc: Counter[str]) -> list[_Match]:
        """Misspelt names ('Kalbjar') in place context, matched within the doc's countries."""
        out: list[_Match] = []
        if not unknown:
            return out
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
            pools = [c for c, _ in doc_cc.most_common(3)] or ["*"]
            if cutoff <= 80.0 and pools != ["*"]:
                pools.append("*")  # a strong place cue may name a place anywhere
            for cc in pools:
                if best is not None:
                    break
                choices, nids = self._fuzzy_choices(cc, word[0], len(word))
                got = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
                if got:
                    best = (got[1], nids[got[2]])
            if best:
                rows = [r for r in self.gaz.cands(best[1])
                        if not doc_cc or self.gaz.country(r) in doc_cc] or \
                    list(self.gaz.cands(best[1]))
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

    # -- resolution -----------------------------------------------------------------------
    def _doc_countries(self, matches: list[_Match],
                       demonyms: list[tuple[int, int, str]]) -> Counter[str]:
        """Countries the article is about: named countries, demonyms, unambiguous places.

        Each match remembers its own contribution so that it is not its own evidence.
        """
        gaz = self.gaz
        cc: Counter[str] = Counter()
        for m in matches:
            top = m.rows[0]
            ccs = {gaz.country(r) for r in m.rows}
            if self._kind[top] == self._k_country:
                m.own = (gaz.country(top), 2 if len(m.rows) == 1 else 1)
            elif len(ccs) == 1:
                m.own = (gaz.country(top), 1)
            else:
                continue
            cc[m.own[0]] += m.own[1]
        for _, _, iso in demonyms:
            cc[iso] += 1
        return cc

    def _stray(self, m: _Match, folded: str, doc_cc: Counter[str]) -> bool:
        """A small place (or a common-word province, or a mid-size town by one of its
        alternate names) in a country the article never names, without a place cue: a
        homonym ("Obama", Japan; "Hamas" for Hamm, Germany), not a toponym.
        """
        top = m.rows[0]
        k = self._kind[top]
        if k == self._k_country or k == self._k_region or k == self._k_line:
            return False
        if k == self._k_place and len(m.rows) > 1 and \
                any(self._kind[r] != self._k_place for r in m.rows):
            return False
        if k == self._k_place and self.gaz.pop[top] >= STRAY_MAX_POP and (
                self.gaz.pop[top] >= STRAY_ALT_MAX_POP
                or fold(self.gaz.row(top).name) == folded[m.start:m.end]):
            return False  # big enough, unless only an alternate name ("Hamas" for Hamm)
        if k == self._k_admin1 and not self.gaz.common[self.gaz.name_ids.get(
                folded[m.start:m.end], 0)]:
            return False
        own_cc, own_w = m.own
        for r in m.rows:
            cc = self.gaz.country(r)
            if doc_cc.get(cc, 0) - (own_w if cc == own_cc else 0) > 0:
                return False
        s, e = m.start, m.end
        b0 = max(0, s - 30)
        return not (_PLACE_BEFORE.search(folded, b0, s) or _ADMIN_AFTER.match(folded, e)
                    or _PLACE_AFTER.match(folded, e) or folded.startswith(", ", e))

    def _span_match(self, text: str, folded: str, s: int, e: int,
                    doc_cc: Counter[str]) -> _Match:
        phrase = folded[s:e].strip()
        head = phrase
        admin = False
        words = phrase.split()
        if len(words) > 1 and words[-1].strip(".") in _SPAN_GENERIC:
            head, admin = " ".join(words[:-1]), words[-1].strip(".") in _ADMIN_WORDS
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
            choices, nids = self._fuzzy_choices(cc, head[:1], len(head))
            got = process.extractOne(head, choices, scorer=fuzz.ratio, score_cutoff=85)
            if got:
                return _Match(s, e, list(self.gaz.cands(nids[got[2]])), 0.5, fuzzy=True)
        return _Match(s, e, [], 0.0)

    def _resolve(self, text: str, folded: str, matches: list[_Match],
                 doc_cc: Counter[str]) -> None:
        """Score candidates: prior + document countries + local cues, then spatial context."""
        gaz = self.gaz
        kind, prior, admin1_of = self._kind, gaz.prior, gaz.admin1_of
        k_admin1, k_place, k_region = self._k_admin1, self._k_place, self._k_region
        by_own: dict[tuple[str, int], tuple[set[str], Any]] = {}
        for i, m in enumerate(matches):
            if not m.rows:
                continue
            if len(m.rows) == 1:  # nothing to choose between
                m.scores = [0.0]
                continue
            m.admin_cue = m.admin_cue or bool(_ADMIN_AFTER.match(folded, m.end))
            m.place_cue = bool(_PLACE_BEFORE.search(folded, max(0, m.start - 30), m.start)
                               or _PLACE_AFTER.match(folded, m.end))
            container = self._container(matches, i, folded)
            poss = self._possessive_countries(matches, i, folded)
            admin_rows = {r for r in m.rows if kind[r] == k_admin1}
            m.demoted = self._prominent(m, folded, folded[m.start:m.end], container, poss)
            own_cc, own_w = m.own
            got = by_own.get(m.own)
            if got is None:
                others = {c for c, n in doc_cc.items() if n - (own_w if c == own_cc else 0) > 0}
                near = set().union(*(gaz.neighbours.get(c, ()) for c in others)) \
                    if others else set()
                got = by_own[m.own] = (others, near)
            others, near = got
            scores = []
            for r in m.rows:
                k = kind[r]
                sc = prior[r]
                cc = gaz.country(r)
                if cc in others:
                    sc += 2.0 + 0.5 * min(doc_cc[cc] - (own_w if cc == own_cc else 0), 4)
                elif cc in near:
                    sc += 1.0  # a neighbour of a country the article is about
                elif others and k != self._k_country and gaz.pop[r] < WORLD_CITY_POP:
                    sc -= 1.5  # a place in a country the article never touches
                if m.admin_cue:
                    sc += 4.0 if k in (k_admin1, k_region) else 0.0
                elif m.place_cue:
                    sc += 4.0 if k == k_place else -2.0
                elif k == k_place and admin1_of[r] in admin_rows and gaz.pop[r] >= SEAT_MIN_POP \
                        and self._km(r, admin1_of[r]) < SEAT_MAX_KM:
                    # a compact province named after its capital: the bare name is the city
                    sc += 4.0
                if container is not None and (cc == container[0] or admin1_of[r] == container[1]):
                    sc += 5.0
                if cc in poss:
                    sc += 3.0
                if r in m.demoted:
                    sc -= PROMINENCE_BONUS
                scores.append(sc)
            m.scores = scores
        self._context(matches)

    def _prominent(self, m: _Match, folded: str, phrase: str,
                   container: tuple[str, int] | None, poss: set[str]) -> set[int]:
        """Candidates to demote because a world-known namesake exists (by GeoNames
        alternate-name count, the prominence signal of CLIFF/Mordecai-style resolvers):
        "Paris" is France and "New York" in a Ukraine article is still the US city, not a
        village of a few thousand; "Gaza" is Gaza City, not Mozambique's Gaza province.
        A local cue keeps the homonym in the running ("the village of New York in
        Donetsk region", "Paris, Texas"); so does naming its province (see _context).
        """
        gaz, kind, k_place, alts = self.gaz, self._kind, self._k_place, self.gaz.alt_count
        known = [r for r in m.rows if kind[r] == k_place and alts[r] >= FOREIGN_ADMIN1_ALTS]
        if not known or m.admin_cue or m.place_cue or container is not None or poss or \
                _APPOSITION.match(folded, m.end):
            return set()
        out = set()
        for r in known:
            cc = gaz.country(r)
            # A province abroad yields only to the city's own name, and only if the city's
            # country has no same-name province ("New York" may be the state).
            over_admin1 = fold(gaz.row(r).name) == phrase and not any(
                kind[o] == self._k_admin1 and gaz.country(o) == cc for o in m.rows)
            for o in m.rows:
                if gaz.country(o) == cc:
                    continue
                k = kind[o]
                if (k == self._k_admin1 and over_admin1) or (
                        k == k_place and alts[r] >= WORLD_KNOWN_ALTS
                        and gaz.pop[o] < OBSCURE_POP and alts[o] < FOREIGN_ADMIN1_ALTS):
                    out.add(o)
        return out

    def _container(self, matches: list[_Match], i: int, folded: str) -> tuple[str, int] | None:
        """'X, Azerbaijan' / 'X, Texas': the country/admin-1 right after a comma."""
        if i + 1 >= len(matches):
            return None
        m, nxt = matches[i], matches[i + 1]
        if folded[m.end:nxt.start] != ", " or not nxt.rows:
            return None
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

    def _context(self, matches: list[_Match]) -> None:
        """Second pass: prefer candidates near, inside or containing the other places."""
        gaz, kind = self.gaz, self._kind
        tops: dict[int, int] = {}  # row -> count of mentions resolved to it
        for m in matches:
            if m.rows and m.scores:
                r = m.rows[max(range(len(m.rows)), key=m.scores.__getitem__)]
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
        cache: dict[tuple[int, int], float] = {}
        for m in matches:
            if len(m.rows) < 2:
                continue
            mine = m.rows[max(range(len(m.rows)), key=m.scores.__getitem__)]
            alone = tops.get(mine, 0) <= 1
            floor = max(m.scores) - MAX_CONTEXT_BONUS
            for idx, r in enumerate(m.rows):
                k = kind[r]
                if k == self._k_country or (m.scores[idx] < floor and r not in m.demoted):
                    continue
                bonus = 0.0  # support from the other mentions, never from this one
                a1 = gaz.admin1_of[r]
                if k != self._k_admin1 and admin1s[a1] - (mine == a1) > 0:
                    bonus += 2.5 + (PROMINENCE_BONUS if r in m.demoted else 0.0)
                elif k != self._k_admin1 and a1 >= 0 and counties[a1] - (
                        gaz.admin1_of[mine] == a1 and kind[mine] == self._k_region) > 0:
                    bonus += SAME_ADMIN1_BONUS  # the article names a county of its province
                if k == self._k_admin1 and \
                        inside[r] - (kind[mine] == self._k_place and gaz.admin1_of[mine] == r) > 0:
                    bonus += 2.5
                key = (r, mine if alone else -1)
                got = cache.get(key)
                if got is None:
                    got = self._near(r, [p for p in points if not (alone and p[0] == mine)])
                    cache[key] = got
                m.scores[idx] += bonus + got

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
        scores = m.scores or [0.0] * len(m.rows)
        order = sorted(range(len(m.rows)), key=lambda i: -scores[i])
        top = scores[order[0]]
        exps = [math.exp(TEMPERATURE * (s - top)) for s in scores]
        total = sum(exps)
        conf = round(m.recog * exps[order[0]] / total, 3)
        ru, ru_conf = None, 0.0
        if len(order) > 1:
            ru = self.gaz.row(m.rows[order[1]])
            ru_conf = round(m.recog * exps[order[1]] / total, 3)
        return Mention(text[m.start:m.end], m.start, m.end, self.gaz.row(m.rows[order[0]]),
                       conf, ru, ru_conf, m.fuzzy)


__all__ = ["DEMONYMS", "Geoparser", "Place"]
