"""Sentence and paragraph spans, so every later stage can reason one claim at a time.

A rule-based splitter: news prose is regular enough, and it is two orders of magnitude
faster than a statistical one. Spans are (start, end) offsets into the given text,
trimmed of surrounding whitespace.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from functools import lru_cache

from geomap.folding import fold as fold_text

# Tokens that end with a period but do not end a sentence.
_ABBREVIATION_WORDS = """mr mrs ms dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr brig
    rep sen gov
    st mt ft no nos vs etc jr sr co corp inc ltd dept est approx fig al ave blvd rd
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m i.e e.g
    u.s.a d.c pres amb rev hon gens lts"""
ABBREVIATIONS: frozenset[str] = frozenset(_ABBREVIATION_WORDS.split())
# The last three characters of the abbreviations that have three or more.
_ABBREVIATION_TAILS: frozenset[str] = frozenset(w[-3:] for w in ABBREVIATIONS if len(w) >= 3)

# Words after "a.m."/"p.m." that continue the same sentence.
_TIME_CONTINUERS = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|GMT|UTC|local|EST|"
    r"EDT|CET|on|in|at|and|to|when)\b"
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, space,
# then something that can start a sentence.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9À-Þ])")
_SENTENCE_OPENER = re.compile(r"(?:The|A|An|In|On|It|He|She|They|We|But|However)\b")
_TOKEN_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_PARAGRAPH = re.compile(r"\n[ \t\r\u00a0]*\n\s*")
_NOT_BLANK = re.compile(r"[^ \t]")
# A list item ("- Three paramedics killed in ...", "• Strike on Kharkiv"): a summary's
# bullets are each a claim of their own, even when the line before has no full stop.
_BULLET = re.compile(r"[ \t]*(?:[-*•▪–—]|\d{1,2}[.)])[ \t]+(?=\S)")

# A dateline's day before its month ("3 March 2024") and its bracketed agency or country,
# up to two ("(Azerbaijan) (AFP)"): shared by the dateline forms below
_DAY_FIRST = r"\d{1,2}\s[A-Z][a-z]+\.?(?:,?\s\d{4})?"
_BRACKETED = r"(?:\s*\([^)\n]{1,40}\)){0,2}"

# "TEHRAN –", "TEHRAN (Iran News) –", "KYIV, March 3 (Reuters) -", "GAZA CITY, Oct 9 —",
# "KHARKIV, 3 March 2024 -"
# ... "YEREVAN/BAKU, Sept 14 (Reuters) -", "RAMALLAH, Palestinian Territories, April 14,
# 2024 (AFP) -", "DUBAI, United Arab Emirates (AP) —"
DATELINE = re.compile(
    r"(?P<city>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’\-]+(?:/[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’\-]+)*"
    r"(?:\s[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’\-]+){0,3})"
    r"(?:,\s*(?:" + _DAY_FIRST + "|"
    r"[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+){0,2}(?:\s\d{1,2})?(?:,\s*\d{4})?)){0,2}"
    + _BRACKETED + r"\s*(?:[-–—]{1,2}|:)\s+(?=[A-Z“\"‘'])"
)

_MONTH_DAY_YEAR = (r"(?:[A-Z][a-z]{2,8}\.?\s\d{1,2},\s*\d{4}|\d{1,2}\s[A-Z][a-z]{2,8}\.?,?\s\d{4})")
# The date-first form, the place in brackets: "July 4, 2024 (SENNAR) –" (Sudan Tribune).
DATED_DATELINE = re.compile(
    _MONTH_DAY_YEAR + r"\s*\((?P<city>[A-Z][A-Za-z.'’\- ]{1,38})\)"
    r"\s*[-–—]{1,2}\s+(?=[A-Z“\"‘'])"
)
# A place in title case, then a spaced dash: "Addis Abeba – A drone ...", "Mogadishu (HOL)
# - ...". Read only at the head of the lede: lower down, "Kupiansk - Two civilians were
# wounded" is a bulletin line whose place belongs to its own event.
TITLE_DATELINE = re.compile(
    r"(?P<city>[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){0,2})"
    r"(?:,\s*(?:[A-Z][a-z]+\.?\s\d{1,2}(?:,\s*\d{4})?|" + _DAY_FIRST + "))?"
    + _BRACKETED + r"\s+[-–—]{1,2}\s+(?=[A-Z“\"‘'])"
)
# The lede is the first paragraph at least this long; a headline or a byline is shorter.
LEDE_MIN_CHARS = 100


_DOUBLE_QUOTES = "“”«»"


def fold(text: str) -> str:
    """`geomap.folding.fold` (lower-case, accents stripped, same length, so offsets hold),
    with curly and angle double quotes straightened too: the cue and quotation patterns
    of sentence analysis look for '"'."""
    if not text.isascii():
        for quote in _DOUBLE_QUOTES:
            if quote in text:
                text = text.replace(quote, '"')
    return fold_text(text)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():  # index walks: no copies of the span
        start += 1
    if start >= end:
        return None
    while text[end - 1].isspace():
        end -= 1
    return start, end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blank-line separated blocks, split further at hard line ends."""
    return list(_paragraph_spans(text))


@lru_cache(maxsize=256)
def _paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Cached: splitting sentences and finding the lede (for datelines) need the same
    paragraphs of the same text."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARAGRAPH.finditer(text):
        spans.extend(_lines(text, pos, m.start()))
        pos = m.end()
    spans.extend(_lines(text, pos, len(text)))
    return tuple(spans)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a block at newlines that end a line of prose; re-join hard-wrapped lines.

    A newline continues the sentence only when the line before it is long and does not
    end in terminal punctuation, or the next line starts in lower case.
    """
    out: list[tuple[int, int]] = []
    seg_start = start
    pos = start
    while True:
        nl = text.find("\n", pos, end)
        if nl < 0:
            break
        line = text[pos:nl].rstrip()
        wrapped = bool(line) and line[-1] not in ".!?\"”’:)" and (
            len(line) >= 60 or _next_char(text, nl + 1, end).islower()
        ) and not _BULLET.match(text, nl + 1, end)
        if not wrapped:
            span = _trim(text, seg_start, nl)
            if span:
                out.append(span)
            seg_start = nl + 1
        pos = nl + 1
    span = _trim(text, seg_start, end)
    if span:
        out.append(span)
    return out


def _next_char(text: str, start: int, end: int) -> str:
    """The first character of text[start:end] that is not a space or tab ("" if none),
    without copying the rest of the block."""
    m = _NOT_BLANK.search(text, start, end)
    return text[m.start()] if m else ""


def dateline(text: str, start: int = 0, end: int | None = None,
             lede: bool = False) -> tuple[int, int, str] | None:
    """The dateline at the head of a paragraph: (start, end of dateline, city as written).
    A title-case place ("Addis Abeba – ") is a dateline only at the head of the `lede`."""
    stop = len(text) if end is None else end
    m = DATELINE.match(text, start, stop) or DATED_DATELINE.match(text, start, stop) or (
        TITLE_DATELINE.match(text, start, stop) if lede else None)
    if not m:
        return None
    city = m.group("city").strip(" .,")
    if len(city) < 3 or not any(c.isalpha() for c in city):
        return None
    return m.start(), m.end(), city.title()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans over the whole text; a dateline is its own span."""
    return [span for para in _by_paragraph(text) for span in para]


def sentences_by_paragraph(text: str) -> list[list[tuple[int, int]]]:
    """Sentence spans grouped by paragraph (date context does not cross paragraphs)."""
    return [list(para) for para in _by_paragraph(text)]


@lru_cache(maxsize=256)
def _by_paragraph(text: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Cached: reading an article (chrome) and extracting from it split the same text,
    and `geomap extract` reads all its files before extracting (256 texts of a few KB
    and their spans are well under a few MB)."""
    lede = lede_paragraph(text)
    return tuple(tuple(_split_paragraph(text, s, e, (s, e) == lede))
                 for s, e in _paragraph_spans(text))


def lede_paragraph(text: str) -> tuple[int, int] | None:
    """The span of the first paragraph of LEDE_MIN_CHARS or more: the one a dateline heads."""
    return next(((s, e) for s, e in _paragraph_spans(text) if e - s >= LEDE_MIN_CHARS), None)


def _split_paragraph(text: str, start: int, end: int, lede: bool = False) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    dl = dateline(text, start, end, lede)
    if dl:
        span = _trim(text, dl[0], dl[1])
        if span:
            spans.append(span)
        start = dl[1]
    seg_start = start
    for cut in _cuts(text, start, end):
        span = _trim(text, seg_start, cut)
        if span:
            spans.append(span)
        seg_start = cut
    span = _trim(text, seg_start, end)
    if span:
        spans.append(span)
    return spans


def _cuts(text: str, start: int, end: int) -> list[int]:
    """Where sentences end in text[start:end]: the ends of `_BOUNDARY.finditer(text,
    start, end)` matches, less periods of abbreviations and initials. The regex is tried
    only where str.find (much faster than a regex scan) sees terminal punctuation."""
    marks = []
    for ch in ".!?":
        i = text.find(ch, start, end)
        while i >= 0:
            marks.append(i)
            i = text.find(ch, i + 1, end)
    marks.sort()
    cuts = []
    last = start
    for i in marks:
        if i < last or i + 1 >= end:  # a match needs white space after the mark
            continue
        if text[i + 1] == " " and i + 2 < end and "A" <= text[i + 2] <= "Z":
            last = i + 1  # ". The": what `_BOUNDARY` matches, known without it
        else:
            m = _BOUNDARY.match(text, i, end)
            if not m:
                continue
            last = m.end()
        if text[i] == ".":
            # Most periods follow a word ending in three ASCII letters that no
            # abbreviation ends in: no abbreviation nor initial, known without
            # `_is_boundary`'s ~0.6 µs regex search.
            tail = text[i - 3: i] if i >= 3 else ""
            if not (tail.isalpha() and tail.isascii()
                    and tail.lower() not in _ABBREVIATION_TAILS) \
                    and not _is_boundary(text, i, last, end):
                continue
        cuts.append(last)
    return cuts


def _is_boundary(text: str, dot: int, cut: int, end: int) -> bool:
    """Is the period at `dot` the end of a sentence (not an abbreviation or initial)?"""
    tok = _TOKEN_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if not tok:
        return True
    word = tok.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        nxt = cut
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if word in ("a.m", "p.m"):
            return not _TIME_CONTINUERS.match(text, nxt, end)
        # "U.S." can end a sentence; titles like "Gen." never do.
        return word in ("u.s", "u.k", "u.n", "e.u", "d.c", "etc") and bool(
            _SENTENCE_OPENER.match(text, nxt, end)
        )
    # A single capital letter ("John F. Kennedy") is an initial.
    return not (len(word) == 1 and word.isalpha() and tok.group(1).isupper())


def _word_chars_error(err: UnicodeError) -> tuple[str, int]:
    """Encoding error handler for `_word_map`: a non-ASCII letter continues a word
    ("\x01", which no stem contains), anything else separates words (" ")."""
    assert isinstance(err, UnicodeEncodeError)
    return ("".join("\x01" if c.isalpha() else " " for c in err.object[err.start:err.end]),
            err.end)


codecs.register_error("geomap-word-chars", _word_chars_error)
# ASCII letters (and the non-ASCII letter mark) stay, every other byte separates words.
_WORD_TABLE = bytes(c if chr(c).isalpha() or c == 1 else 32 for c in range(256))


def _word_map(folded: str) -> str:
    """`folded` (same length) with every character that is not a letter as a space and
    every non-ASCII letter as "\x01": a stem starts a word where " stem" occurs."""
    if "\x01" in folded:
        folded = folded.replace("\x01", " ")
    return folded.encode("ascii", "geomap-word-chars").translate(_WORD_TABLE).decode("ascii")


class CueIndex:
    """Where cue stems ("clash", "kill", "urg") start words: one Aho-Corasick pass.

    Rules only run their regexes in sentences that contain one of their stems; finding
    the stems of a whole article at C speed is what keeps extraction under a
    millisecond. The automaton runs over `_word_map(text)` with each stem as " stem":
    a word start is then part of the pattern, and the automaton stays at its root
    (one child, the space) inside words, which makes the pass several times cheaper.
    Stems with characters other than letters and spaces are checked against the text.
    Without pyahocorasick it falls back to substring tests.
    """

    def __init__(self, stems: Iterable[str]) -> None:
        self.stems = tuple(sorted(set(stems)))
        try:
            import ahocorasick

            keys: dict[str, list[str]] = {}
            for stem in self.stems:
                keys.setdefault(" " + _word_map(stem), []).append(stem)
            automaton = ahocorasick.Automaton()
            for key, found in keys.items():
                # (length, stems, stems that need checking against the text)
                check = tuple(st for st in found
                              if len(found) > 1 or not st.isalpha() or st != key[1:])
                automaton.add_word(key, (len(key) - 1, tuple(found), check))
            automaton.make_automaton()
            self._automaton = automaton
        except ImportError:  # pragma: no cover - a dependency, but stay usable
            self._automaton = None

    def find(self, folded: str) -> list[tuple[int, str]]:
        """(start, stem) of every occurrence at a word start, in order of their end."""
        if self._automaton is None:
            return sorted((m.start(), stem) for stem in self.stems
                          for m in re.finditer(r"(?<![^\W\d_])" + re.escape(stem), folded))
        out = []
        # Offsets in " " + mapped: a hit ending at `end` starts at `end - n` in `folded`.
        for end, (n, stems, check) in self._automaton.iter(" " + _word_map(folded)):
            start = end - n
            if not check:
                out.append((start, stems[0]))
            else:
                out.extend((start, st) for st in stems if folded.startswith(st, start))
        return out

    def present(self, folded: str) -> frozenset[str]:
        """The stems that occur in `folded`."""
        return frozenset(stem for _, stem in self.find(folded))
