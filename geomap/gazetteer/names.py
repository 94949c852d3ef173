"""Which spellings of a place name are worth matching in English-language news.

GeoNames alternate names include codes, script transliterations in lowercase
('shwshy'), and other scripts; only Latin-script spellings help an English geoparser.
Common English words ('Police', 'Of', 'Mobile') are kept only for big or high-level places,
and the geoparser still asks for context before it believes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from itertools import product

from geomap.folding import fold

_LATIN = re.compile(r"^[a-z][a-z '\-.]*[a-z.]$")
GENERIC_SUFFIXES = (
    "rayonu", "rayon", "raion", "oblast'", "oblast", "oblysy", "province", "provinsi",
    "governorate", "muhafazat", "state", "region", "district", "marz", "sahari", "city",
    "municipality", "prefecture", "county", "krai", "kray", "okrug", "republic", "territory",
    "department", "departamento", "estado", "ili", "ostan", "ostan-e", "wilayah", "vilayati",
    "novads", "megye", "rajons", "division", "sheng", "shi", "zizhiqu", "zhuangzu", "huizu",
    "uygur", "laen", "kraj", "zupanija", "aymag", "dzongkhag", "apskritis", "kanton", "parish",
    "fylke", "voblasts'", "oblasty", "respublika", "viloyati", "ken", "to", "fu", "do",
)
# GeoNames has no population for many towns in war zones (Bint Jbeil, Al Busayrah): with
# this many alternate names such a place is notable; the build keeps its alternate names
# and the resolver treats it as a town, not a hamlet.
UNKNOWN_POP_NOTABLE_ALTS = 3
MIN_COMMON_ZIPF = 3.0  # rarer than this, a dictionary word is not 'common' in news
CITY_COMMON_ZIPF = 4.0  # ... and rarer than this, not when it names a big city
CITY_POP = 100_000  # what a big city is, for the above


def usable(name: str) -> str | None:
    """The folded form of `name` if it is a Latin-script name of 3+ letters, else None.

    All-lowercase originals are dropped: in GeoNames they are machine transliterations
    of other scripts, not spellings anyone writes in English.
    """
    if not name or name == name.lower() or (name.isupper() and len(name) <= 4):
        return None
    if any(ch.isdigit() for ch in name):
        return None
    f = fold(name).strip()
    if len(f) < 3 or not _LATIN.match(f):
        return None
    return f


def variants(folded: str) -> set[str]:
    """Spelling variants news uses: without apostrophes, hyphen <-> space."""
    out = {folded}
    if "'" in folded:
        out.add(folded.replace("'", ""))
    for v in list(out):
        if "-" in v:
            out.add(v.replace("-", " "))
        elif " " in v and v.count(" ") <= 2:
            out.add(v.replace(" ", "-"))
    return {v for v in out if len(v) >= 3}


# Countries whose place names English news transliterates from Arabic, and from Ukrainian,
# Russian or Belarusian; their names get the spelling families news uses (build time).
ARABIC_CC = frozenset(("PS", "IL", "SY", "LB", "JO", "IQ", "SA", "YE", "OM", "AE", "QA", "BH",
                       "KW", "EG", "LY", "TN", "DZ", "MA", "MR", "SD", "SS", "TD", "ER", "DJ",
                       "SO"))
CYRILLIC_CC = frozenset(("UA", "RU", "BY", "MD", "KZ", "KG", "TJ"))
_ARTICLE = re.compile(r"^(?:a|e)(?:l|d|r|s|sh|t|z|n)$")
_ARABIC_WORD = {
    "dayr": ("deir", "dair", "deyr"), "deir": ("dayr", "dair"), "dair": ("deir", "dayr"),
    "bayt": ("beit",), "beit": ("bayt",), "khan": (), "tal": ("tell", "tall"),
    "tall": ("tell", "tal"), "tell": ("tall", "tal"), "jabal": ("jebel",),
    "jebel": ("jabal",), "bani": ("beni",),
    "beni": ("bani",), "wadi": (), "ayn": ("ein", "ain"), "ein": ("ayn", "ain"),
    "ain": ("ayn", "ein"), "umm": ("um",), "abu": ("abou",), "kafr": ("kfar",),
    "kfar": ("kafr",), "qasr": ("kasr",), "shaykh": ("sheikh", "shaikh"),
    "sheikh": ("shaykh",), "mazraat": ("mazraa",),
}
MAX_TRANSLIT = 24  # variants per name: the product of per-word choices is capped


def _arabic_word(w: str) -> list[str]:
    out = [w, *_ARABIC_WORD.get(w, ())]
    for end, alts in (("iyah", ("iya", "iyeh", "ieh", "ia")), ("iya", ("iyah", "iyeh", "ia")),
                      ("iyeh", ("iyah", "iya")), ("ah", ("a",))):
        if w.endswith(end) and len(w) > len(end) + 2:
            out += [w[: -len(end)] + a for a in alts]
            break
    if len(w) > 4 and w[-2:] in ("er", "ir") and w[-3] not in "aeiou":  # Fasher / Fashir
        out.append(w[:-2] + ("ir" if w.endswith("er") else "er"))
    if "yu" in w:  # Yunis / Younis
        out.append(w.replace("yu", "you"))
    elif "you" in w:
        out.append(w.replace("you", "yu"))
    if "ay" in w and not w.startswith("ay") and w not in _ARABIC_WORD:  # Zaytun / Zeitun
        out.append(w.replace("ay", "ei"))
    if len(w) >= 5 and _DOUBLE.search(w):  # a shadda written once: Shujaiyya / Shujaiya
        out += [_DOUBLE.sub(r"\1", v) for v in list(out)]
    return out


_DOUBLE = re.compile(r"([bdfhjklmnqrstwyz])\1")


def _cyrillic_word(w: str) -> list[str]:
    """Ukrainian national (2010) vs BGN/PCGN romanisation: ia/ya, iu/yu, ie/ye, ii/iyi,
    and the Russian-style -iy- and y endings news mixes in."""
    out = {w}
    a = re.sub(r"(?<=[bcdfghjklmnpqrstvwxz])y(?=[aeiu])", "i", w)  # Kostyantynivka
    a = a.replace("iyi", "ii").replace("iyu", "iiu")  # Avdiyivka -> Avdiivka
    out.add(a)
    b = re.sub(r"(?<=[bcdfghjklmnpqrstvwxz])i(?=[aeu])", "y", w)  # Kostiantynivka
    b = b.replace("ii", "iyi")
    out.add(b)
    if w.endswith("yy"):  # Novyy -> Novyi / Novy
        out |= {w[:-2] + "yi", w[:-1]}
    if len(w) >= 6 and w.endswith(("eve", "ove")):  # the Russian neuter: Zaitseve -> Zaitsevo
        out.add(w[:-1] + "o")
    # The adjective ending (-ский / -ський) four ways: Kyivskyi, Kyivskiy, Kyivsky, Kyivskyy.
    m = _ADJECTIVE_END.search(w)
    if m and m.start() >= 3:
        out |= {w[:m.start()] + end for end in ("skyi", "skiy", "sky", "skyy")}
    # й before a consonant or at the end is y or i (Grayvoron / Graivoron, Haivoron);
    # ї after a vowel is yi or i (Mykolayiv / Mykolaiv)
    for v in list(out):
        out.add(re.sub(r"(?<=[aeou])y(?=[bcdfghklmnprstvz]|$)", "i", v))
        out.add(re.sub(r"(?<=[aeou])i(?=[bcdfghklmnprstvz]|$)", "y", v))
        out.add(re.sub(r"(?<=[aeo])yi", "i", v))
    # the Ukrainian apostrophe after a labial or r before ia/iu/ie (Kam'ianske, Slov'iansk)
    if "'" not in w:
        out |= {re.sub(r"(?<=[aeiouy][bpvmfr])(?=i[aeu])", "'", v) for v in list(out)}
    return sorted(out, key=lambda x: x != w)


_ADJECTIVE_END = re.compile(r"(?:skyi|skiy|skyy|skii|sky)$")


_SUN = re.compile(r"sh|th|dh|[tdrzsn]")


def _assimilated(word: str) -> list[str]:
    """The article as said before a sun letter: al-Sultan is written as-Sultan, es-Sultan;
    al-Shati ash-Shati; al-Nasr an-Nasr."""
    sun = _SUN.match(word)
    return [f"a{sun.group()}", f"e{sun.group()}"] if sun else []


def transliterations(folded: str, cc: str | None) -> set[str]:
    """Spellings of a folded name in the other romanisations news uses for its country:
    Arabic articles (al-/el-/al /el ), Deir/Dayr/Dair, -iyah/-iya, u/ou (Khan Yunis /
    Khan Younis) for Arabic-speaking countries; ia/ya, ii/iyi for Cyrillic ones."""
    if cc in ARABIC_CC and "'" in folded:  # "ra's al 'ayn": the words without the ayn mark
        return {v for v in transliterations(folded.replace("'", ""), cc)
                | _transliterations(folded, cc) if v != folded}
    return _transliterations(folded, cc)


def _transliterations(folded: str, cc: str | None) -> set[str]:
    if cc in ARABIC_CC:
        word = _arabic_word
    elif cc in CYRILLIC_CC:
        word = _cyrillic_word
    else:
        return set()
    parts = re.split(r"([ -])", folded)
    choices: list[list[str]] = []
    for i, p in enumerate(parts):
        if i % 2:  # a separator; an Arabic article takes either joiner
            art = cc in ARABIC_CC and _ARTICLE.match(parts[i - 1])
            choices.append([" ", "-"] if art else [p])
        elif cc in ARABIC_CC and _ARTICLE.match(p):
            base = [p, "al", "el"] if p not in ("al", "el") else ["al", "el"]
            choices.append(base + _assimilated(parts[i + 2] if i + 2 < len(parts) else ""))
        else:
            choices.append(word(p))
    out: set[str] = set()
    for combo in product(*choices):
        out.add("".join(combo))
        if len(out) > MAX_TRANSLIT:
            break
    if cc == "SO":  # Somali doubles long vowels that English copy writes once: Hiiraan
        out.add(re.sub(r"([aeiou])\1", r"\1", folded))
    if cc in ARABIC_CC:  # news often drops a leading article: "Nuseirat", "Geneina"
        m = re.match(r"(?:a|e)(?:l|d|r|s|sh|t|z|n)[ -](?=[a-z]{5,}$)", folded)
        if m:
            out |= {v for v in transliterations(folded[m.end():], cc) if " " not in v}
            out.add(folded[m.end():])
    out.discard(folded)
    return {v for v in out if len(v) >= 4}


_AZ_LETTERS = str.maketrans({"q": "g", "Q": "G", "x": "kh", "X": "Kh", "ğ": "gh", "Ğ": "Gh",
                             "c": "j", "C": "J", "ç": "ch", "Ç": "Ch", "ş": "sh", "Ş": "Sh"})


def azerbaijani(name: str) -> set[str]:
    """English spellings of an Azerbaijani Latin name, folded: q/x/ğ/c/ç/ş as g/kh/gh/j/
    ch/sh and ə as a or e ("Qubadlı" -> "gubadli", "Xankəndi" -> "khankendi", "Kəlbəcər"
    -> "kalbajar", "Cəbrayıl" -> "jabrayil"). Only names with a letter that changes."""
    if not any(ch in name for ch in "qQxXğĞcCçÇşŞəƏ"):
        return set()
    out = set()
    english = name.translate(_AZ_LETTERS)
    for schwa in ("a", "e"):
        f = usable(english.replace("ə", schwa).replace("Ə", schwa.upper()))
        if f:
            out.add(f)
    out.discard(usable(name))
    return out


# Words that open an admin-1 unit's official name in GeoNames ("Muhafazat al Anbar",
# "Provincia di Modena", "Gobolka Bari"): the name news uses is what follows them and
# their connectors ("de", "du", "of"...). Taken from the leading words of Natural Earth's
# gn_name field; "County" and "District" are not here: "County Durham", "District of
# Columbia" are the names in use.
GENERIC_PREFIXES = frozenset((
    "misto", "city", "province", "provincia", "provincie", "provinsi", "state", "estado",
    "land", "freistaat", "avtonomna", "respublika", "republic", "muhafazat", "mohafazat",
    "obcina", "mestna", "opstina", "departamento", "departement", "changwat", "region",
    "tinh", "borough", "wilaya", "wilayat", "wilayat-e", "judetul", "distrito", "raionul",
    "parish", "ostan", "ostan-e", "komuna", "gouvernorat", "concelho", "prefecture",
    "kanton", "canton", "khett", "oblast", "wojewodztwo", "sha`biyat", "gobolka", "qarku",
    "mintaqat", "quarter", "distrikt", "baladiyat", "castello", "parroquia",
    "union",
))
# What is left of "Distrito Federal", "Distrito Capital" is no name.
# Words that are no unit's name alone: "Northern State", "Free State", "Capital Governorate"
# keep their generic word.
NOT_A_NAME_ALONE = frozenset((
    "federal", "capital", "central", "nacional", "national", "north", "south", "east", "west",
    "northern", "southern", "eastern", "western", "free", "coast", "gulf", "mountain",
    "upper", "lower", "middle", "maritime"))
_CONNECTORS = frozenset(("de", "di", "del", "della", "du", "des", "do", "da", "of", "e",
                         "i", "la", "l'", "d'", "and", "territory", "union"))


def strip_generic(name: str) -> str:
    """'Donets'ka Oblast'' -> 'Donets'ka', 'Aghstafa Rayon' -> 'Aghstafa',
    'Muhafazat al Anbar' -> 'al Anbar', 'Province de la Kompienga' -> 'Kompienga'; not
    'Northern State' -> 'Northern'."""
    words = name.split()
    while len(words) > 1 and fold(words[-1]).strip(".") in GENERIC_SUFFIXES:
        words.pop()
    if len(words) == 1 and fold(words[0]) in NOT_A_NAME_ALONE:
        return name
    if len(words) > 3 and fold(" ".join(words[:3])) == "freie und hansestadt":
        words = words[3:]
    rest, stripped = list(words), False
    while len(rest) > 1 and (fold(rest[0]) in GENERIC_PREFIXES or
                             (stripped and fold(rest[0]) in _CONNECTORS) or
                             (fold(rest[0]) == "county" and fold(rest[1]) == "of")):
        stripped = True
        rest.pop(0)
    if len(rest) == 1 and fold(rest[0]) in NOT_A_NAME_ALONE:
        return " ".join(words)
    return " ".join(rest)


@cache
def _dictionary() -> frozenset[str]:
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], lower=False, alpha=True)
                     if w.islower())


def common_words(folded_names: Iterable[str], cities: frozenset[str] = frozenset()) -> set[str]:
    """The names that are also common lowercase English words (by dictionary + frequency).

    For the name of a big city (`cities`) the word must be very common: wordfreq counts
    "Tripoli", "Tyre", "Cork" in their capitalised uses, mostly the city, so a word as
    rare in lowercase as "tripoli" (a rock) or "tyre" is the city when capitalised.
    """
    from wordfreq import zipf_frequency

    words = _dictionary()
    out = set()
    for name in folded_names:
        if " " not in name and name in words:
            z = zipf_frequency(name, "en")
            if z >= (CITY_COMMON_ZIPF if name in cities else MIN_COMMON_ZIPF):
                out.add(name)
    return out


def english_words() -> set[str]:
    """Lowercase English dictionary words common in text: a capitalised one is no surname."""
    from wordfreq import zipf_frequency

    return {w for w in _dictionary() if zipf_frequency(w, "en") >= MIN_COMMON_ZIPF}


def person_names() -> tuple[set[str], set[str]]:
    """US Census given names and common surnames (PyPI `names`): person-name cues.

    A given name right before a capitalised word marks a person ("David Jones"), and a
    bare common surname ("Jones said") is a person unless the text says it is a place.
    """
    import os

    import names as census

    d = os.path.dirname(census.__file__)

    def read(fname: str, max_cum: float) -> set[str]:
        out = set()
        with open(os.path.join(d, fname)) as fh:
            for line in fh:
                parts = line.split()
                if len(parts) >= 3 and float(parts[2]) <= max_cum:
                    out.add(fold(parts[0]))
        return out

    given = read("dist.male.first", 85.0) | read("dist.female.first", 85.0)
    return given, read("dist.all.last", 40.0)


# Faker locales whose given-name lists are left out: the English-speaking ones (the census
# list covers Anglo names; Faker's long `en` list holds place words, 'China', 'Brooklyn',
# and the British and Irish lists rare Anglo names that are US towns, 'Godfrey'), `sw`
# (Swahili words used as names: 'Bahari' sea, 'Boma'), `es` (a stub), and is_IS (3,700
# Icelandic names that conflict copy does not need).
_FAKER_SKIP = frozenset({"en", "en_US", "en_GB", "en_IE", "en_NZ", "es", "sw", "is_IS"})
_LATIN_NAME = re.compile(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F' -]*")


def international_given_names() -> dict[str, int]:
    """Latin-script given names of Faker's person providers (PyPI `faker`, MIT): folded
    name -> number of locales listing it.

    The census list is US-only; conflict copy quotes Somali, Congolese, Mozambican,
    Arab and Caucasian people ('Hassan', 'Amina', 'Jean-Pierre'), whose names otherwise
    read as the towns they share a spelling with. The count tells how surely a spelling is
    a given name across languages.
    """
    import importlib
    import pkgutil

    import faker.providers.person as person

    counts: dict[str, int] = {}
    for mod in pkgutil.iter_modules(person.__path__):
        if mod.name in _FAKER_SKIP:
            continue
        provider = getattr(importlib.import_module(f"{person.__name__}.{mod.name}"),
                           "Provider", None)
        found: set[str] = set()
        for attr in ("first_names", "first_names_male", "first_names_female",
                     "first_names_nonbinary"):
            value = getattr(provider, attr, None)
            if value is None or isinstance(value, property):
                continue
            found.update(fold(n.strip()) for n in value
                         if _LATIN_NAME.fullmatch(n.strip()))
        for name in found:
            if name:
                counts[name] = counts.get(name, 0) + 1
    return counts
