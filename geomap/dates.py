"""Dates in news prose, resolved against the publication date.

News rarely writes the year: "on September 27", "on Saturday", "yesterday". We find such
phrases with precompiled regexes (fast) and resolve them ourselves; `dateparser` only
parses the explicit date strings we found, behind an lru_cache, because running it over
whole texts costs milliseconds per article. Without a publication date only dates that
carry their own year resolve: we never guess.

Precision follows ACLED's time_precision: 1 day, 2 week, 3 month (or vaguer).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise

from geomap.model import DATE_DAY, DATE_MONTH, DATE_WEEK
from geomap.sentences import CueIndex, fold

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}

# How far past the publication date a year-less "September 27" may fall (time zones).
TOLERANCE = timedelta(days=1)

_MONTH = (
    r"\b(?P<mon>january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
# Between a month and its day: spaces, or one line break (hard-wrapped text); a
# paragraph break ends the date ("... since 10 May.\n\n20 May, 07:10" is two dates)
_GAP = r"(?:[^\S\n]+\n?[^\S\n]*|\n[^\S\n]*)"
_MONTH_DAY = re.compile(
    _MONTH + _GAP + r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!:|\.\d)"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
)
_DAY_MONTH = re.compile(
    r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH
    + r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
)
_NUMERIC = re.compile(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<year>(?:19|20)\d\d)\b")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
_MONTH_YEAR = re.compile(
    r"\b(?P<mon>january|february|march|april|may|june|july|august|september|october|"
    r"november|december)(?:\s+(?P<year>(?:19|20)\d\d))?\b"
)
# A plan or a schedule: the month named after it is to come ("plans to hold in December")
_FUTURE_BEFORE = re.compile(r"\b(?:ahead\s+of|plans?|planned|planning|scheduled|due|expected|"
                            r"will|next|upcoming|intends?|promised)\b[^.;,]{0,40}$")
_MONTH_PREP = re.compile(r"\b(?:in|since|during|last|early|late|mid)[\s-]+$")
# "early May", "mid-May": a third of the month, dated on the 4th or the 14th so that
# `last_day` ends it on the 10th or the 20th: a strike "in mid-May" is not news on 1 June.
_PART_OF_MONTH = re.compile(r"\b(?P<part>early|mid)[\s-]+$")
_PART_START = {"early": 4, "mid": 14}
_WEEKDAY = re.compile(
    r"\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:night|morning|evening|afternoon))?\b"
    r"(?!\s+(?:nights|mornings|evenings|afternoons)\b)"  # "on Friday evenings": a habit
)
# "overnight into Sunday", "the night of Saturday to Sunday": the night is dated by the
# day it runs into.
_NIGHT_INTO = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:into|to)\s+(?:the\s+)?"
                         r"(?:early\s+hours\s+of\s+)?")
_NIGHT_OF = re.compile(r"\bnight\s+of\s+(?:the\s+)?$")
_WEEKDAY_MOD = re.compile(
    r"\b(?P<mod>last|past|late|early|overnight|next|this|coming|on|since|by|until)\s+$"
)
_RELATIVE = re.compile(
    r"\b(?P<phrase>the\s+day\s+before\s+yesterday|yesterday|last\s+night|earlier\s+today|"
    r"today|tonight|this\s+morning|this\s+evening|this\s+afternoon|overnight|"
    r"earlier\s+this\s+week|this\s+week|last\s+week|in\s+recent\s+days|"
    r"over\s+the\s+(?:past|last)\s+(?:few\s+|several\s+)?(?:days|week)|"
    r"(?:in|over|during|within)\s+the\s+(?:past|last)\s+(?:24|twenty-four)\s+hours|"
    r"(?:in|over|during|within)\s+the\s+(?:past|last)\s+day|"
    r"earlier\s+this\s+month|this\s+month|last\s+month|"
    r"(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<unit>days?|weeks?)\s+ago)\b"
)
_AFTER_ANCHOR = re.compile(
    r"\b(?:came|comes|come|happened|followed)\s+(?:just\s+|only\s+)?"
    r"(?P<n>a|one|two|three|\d)\s+days?\s+after\b"
    # "on the previous day", "a day earlier": the day before the one being told
    r"|\b(?:on\s+)?the\s+previous\s+day\b|\b(?P<n2>a|one|two|three)\s+days?\s+earlier\b"
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")  # `_years` finds its heads with str.find
_CAL_WORD = re.compile(
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
)
_CAL_WORD_I = re.compile(_CAL_WORD.pattern, re.I)
_DAY_BEFORE = re.compile(r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?$")
_MONTH_TAIL = re.compile(_MONTH + r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?")
_RELATIVE_KEYS = ("yesterday", "today", "tonight", "overnight", "last night", "last week",
                  "last month", "this week", "this month", "this morning", "this evening",
                  "this afternoon", "recent days", "over the past", "over the last", " ago",
                  "24 hours", "twenty-four hours", "past day", "last day")


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date phrase found in text and what it resolves to (None if it cannot)."""

    start: int
    end: int
    date: date | None
    precision: int | None
    kind: str  # explicit | weekday | relative | anchor | month | year


@lru_cache(maxsize=4096)
def parse_explicit(text: str) -> date | None:
    """Parse one explicit date string that carries a year ("July 23, 2021")."""
    import dateparser  # lazy: importing it costs ~0.3 s

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY",
                  "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date() if parsed else None


_BORN = re.compile(r"\bborn(?:\s+in)?\s+$|\(b\.\s*$")


def last_day(day: date, precision: int | None) -> date:
    """The last day a resolved date covers: the month's end for a month ("in April"),
    six days on for a third of one ("mid-May", dated the 14th) or a week, else the day."""
    if precision == DATE_MONTH and day.day == 1:
        return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    if precision in (DATE_MONTH, DATE_WEEK):
        return day + timedelta(days=6)
    return day


def resolve_month_day(month: int, day: int, published: date) -> date | None:
    """A year-less day: the most recent such date not after publication (+ tolerance)."""
    for year in (published.year + 1, published.year, published.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= published + TOLERANCE:
            return candidate
    return None


def resolve_weekday(weekday: int, published: date, *, strictly_before: bool = False) -> date:
    """The most recent such weekday on or before publication ("on Monday" in a Monday
    article is that day, as news writes it); `strictly_before` for "last Monday"."""
    delta = (published.weekday() - weekday) % 7
    if strictly_before and delta == 0:
        delta = 7
    return published - timedelta(days=delta)


def _word_number(token: str) -> int | None:
    token = token.lower()
    return int(token) if token.isdigit() else NUMBER_WORDS.get(token)


def find_dates(
    text: str, published: date | None, *, anchor: date | None = None, offset: int = 0,
    cues: list[tuple[int, str]] | None = None, folded: str | None = None,
) -> list[DateRef]:
    """Every date phrase in `text`, resolved; spans are shifted by `offset`.

    `anchor` is the date the surrounding narration is at (for "came a day after");
    it defaults to the publication date. `cues`: `DATE_CUES.find(fold(text))` (or a
    CueIndex over a superset of `DATE_STEMS`) and `folded` (`fold(text)`) if the caller
    already has them.
    """
    refs: list[DateRef] = []
    taken: list[tuple[int, int]] = []
    original, text = text, fold(text) if folded is None else folded
    if cues is None:
        cues = DATE_CUES.find(text)

    def add(start: int, end: int, value: date | None, precision: int | None, kind: str):
        for s, e in taken:  # a loop, not any(genexpr): this runs for every phrase
            if s < end and start < e:
                return
        taken.append((start, end))
        refs.append(DateRef(start + offset, end + offset, value, precision, kind))

    years = _years(text)
    # Every numeric date carries a year: try the two numeric forms only around years.
    numeric = []
    for y in years:
        at = y.start()
        if text.startswith("-", y.end()):
            m = _ISO.match(text, at)
            if m:
                try:
                    value = date(int(m["year"]), int(m["m"]), int(m["d"]))
                except ValueError:
                    pass
                else:
                    add(m.start(), m.end(), value, DATE_DAY, "explicit")
        if at and text[at - 1] in "/.":
            for begin in range(max(0, at - 6), at - 3):
                m = _NUMERIC.match(text, begin)
                if m and m.start("year") == at:
                    numeric.append(m)
                    break
    for m in numeric:
        a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
        day, month = (b, a) if b > 12 and a <= 12 else (a, b)
        try:
            add(m.start(), m.end(), date(year, month, day), DATE_DAY, "explicit")
        except ValueError:
            continue
    # Month and weekday names are capitalised in prose: the cue pass finds their
    # lower-cased stems at word starts, and only capitalised occurrences count.
    for pos in _calendar_hits(original, cues):
        # Weekday names share no head with month names: only a month name is tried
        # against the month patterns.
        if not text.startswith(_WEEKDAY_HEADS, pos):
            m = _MONTH_DAY.match(text, pos)
            if m:
                if m["mon"] == "may" and original[pos].islower():
                    continue  # the verb "may"
                _month_day(m, m.start(), published, add)
                continue
            before = _DAY_BEFORE.search(text, max(0, pos - 14), pos)
            m = _MONTH_TAIL.match(text, pos)
            if before and m:
                _month_day(m, before.start(), published, add, day=int(before["day"]))
                continue
            m = _MONTH_YEAR.match(text, pos)
            # "in May", "since May": the month, capitalised after a preposition; the
            # verb "may" is neither
            if m and m["mon"] == "may" and not m["year"] and not (
                    original[pos].isupper()
                    and _MONTH_PREP.search(text, max(0, pos - 8), pos)):
                m = None
            if m:
                month = MONTHS[m["mon"]]
                if m["year"]:
                    value: date | None = date(int(m["year"]), month, 1)
                elif published and _MONTH_PREP.search(text, max(0, pos - 8), pos):
                    if _FUTURE_BEFORE.search(text, max(0, pos - 50), pos):
                        # "an election it plans to hold in December": the coming one
                        year = published.year if month >= published.month \
                            else published.year + 1
                    else:
                        year = published.year if month <= published.month \
                            else published.year - 1
                    value = date(year, month, 1)
                else:
                    value = None
                part = _PART_OF_MONTH.search(text, max(0, pos - 7), pos)
                if value is not None and part is not None:
                    add(m.start(), m.end(), value.replace(day=_PART_START[part["part"]]),
                        DATE_MONTH, "month")
                    continue
                add(m.start(), m.end(), value, DATE_MONTH if value else None, "month")
                continue
        m = _WEEKDAY.match(text, pos)
        if m:
            mm = _WEEKDAY_MOD.search(text, max(0, pos - 11), pos)
            mod = mm["mod"] if mm else ""
            begin = mm.start() if mm else pos
            if mod in ("next", "coming") or published is None:
                add(begin, m.end(), None, None, "weekday")
                continue
            value = resolve_weekday(WEEKDAYS[m["wd"]], published,
                                    strictly_before=mod in ("last", "past"))
            add(begin, m.end(), value, DATE_DAY, "weekday")
    relative: list[tuple[int, int]] = []  # (key order, position), as the keys rank
    anchors = False
    for pos, stem in cues:
        rank = _RELATIVE_RANK.get(stem)
        if rank is None:
            anchors = anchors or stem in _ANCHOR_STEMS
            continue
        if stem == "ago":
            if not pos or text[pos - 1] != " ":
                continue
            pos -= 1
        relative.append((rank, pos))
    if anchors:
        for m in _AFTER_ANCHOR.finditer(text):
            base = anchor or published
            n = _word_number(m["n"] or m["n2"] or "1") or 1
            add(m.start(), m.end(), base - timedelta(days=n) if base else None,
                DATE_DAY if base else None, "anchor")
    relative.sort()
    for rank, i in relative:
        key = _RELATIVE_KEYS[rank]
        m = _RELATIVE.search(text, max(0, i - 25), i + len(key) + 1)
        if m:
            value, precision = _relative(m, published)
            add(m.start(), m.end(), value, precision, "relative")
    for m in years:
        start, end = m.span()
        if start and (text[start - 1].isalnum() or text[start - 1] in ":/.-"):
            continue
        if end < len(text) and text[end] == "s":
            end += 1
        if end < len(text) and (text[end].isalnum() or (
                text[end] in ":/.-" and text[end + 1: end + 2].isdigit())):
            continue
        if _BORN.search(text, max(0, start - 9), start):
            continue  # "a man born in 1961": a person's age, not a time of the story
        add(start, end, date(int(m.group(0)[:4]), 1, 1), DATE_MONTH, "year")
    refs.sort(key=lambda r: r.start)
    return _nights_into(refs, text, offset)


def _nights_into(refs: list[DateRef], text: str, offset: int) -> list[DateRef]:
    """Drop a night's first day when the text names the day it runs into."""
    drop = set()
    for i, (a, b) in enumerate(pairwise(refs)):
        s, e = a.start - offset, a.end - offset
        night = text[s:e] == "overnight" or (a.kind == "weekday" and _NIGHT_OF.search(
            text, max(0, s - 20), s))
        if night and b.date is not None and b.precision == DATE_DAY and \
                _NIGHT_INTO.fullmatch(text, e, b.start - offset):
            drop.add(i)
    return [r for i, r in enumerate(refs) if i not in drop] if drop else refs


def _years(text: str) -> list[re.Match[str]]:
    """`list(_YEAR.finditer(text))`, tried only where "18", "19" or "20" starts: found
    as the digit "1" or "2" with str.find, whose one-character search is ~15x faster
    than a two-character one, and the digit after checked."""
    starts = []
    for digit, heads in (("1", ("18", "19")), ("2", "20")):
        i = text.find(digit)
        while i >= 0:
            if text.startswith(heads, i):
                starts.append(i)
            i = text.find(digit, i + 1)
    starts.sort()
    out = []
    last = 0
    for i in starts:
        if i >= last and (m := _YEAR.match(text, i)):
            out.append(m)
            last = m.end()
    return out


_CAL_PREFIXES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                 "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                 "Sunday")
_CAL_STEMS = {p.lower(): p for p in _CAL_PREFIXES}
_WEEKDAY_HEADS = tuple(day[:3] for day in WEEKDAYS)  # "mon", ..., none a month's head
# The relative keys, as cue stems (" ago" is found as the word "ago").
_RELATIVE_RANK = {key.strip(): i for i, key in enumerate(_RELATIVE_KEYS)}
_ANCHOR_STEMS = frozenset(("day after", "days after", "previous day", "day earlier",
                           "days earlier"))
DATE_STEMS: frozenset[str] = frozenset(_CAL_STEMS) | frozenset(_RELATIVE_RANK) | _ANCHOR_STEMS
DATE_CUES = CueIndex(DATE_STEMS)


def _calendar_hits(original: str, cues: list[tuple[int, str]]) -> list[int]:
    """Starts of month and weekday names, capitalised as prose writes them (an all-caps
    text is searched case-insensitively)."""
    if original.isupper():
        return [m.start() for m in _CAL_WORD_I.finditer(original)]
    hits = []
    for pos, stem in cues:
        prefix = _CAL_STEMS.get(stem)
        if prefix is not None and original.startswith(prefix, pos) and \
                _CAL_WORD.match(original, pos):
            hits.append(pos)
    hits.sort()
    return hits


def _month_day(m: re.Match[str], start: int, published: date | None, add: Callable[..., None],
               *, day: int | None = None) -> None:
    month = MONTHS[m["mon"]]
    day = int(m["day"]) if day is None else day
    if not 1 <= day <= 31:
        return
    if m["year"]:
        value = _calendar_day(int(m["year"]), month, day)
    else:
        value = resolve_month_day(month, day, published) if published else None
    add(start, m.end(), value, DATE_DAY if value else None, "explicit")


def _calendar_day(year: int, month: int, day: int) -> date | None:
    """The date, or None if the month has no such day: what `parse_explicit` gives for
    "<day> <Month> <year>" (checked for every day of 1900-2099) at a ~1 ms dateparser
    call less."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _relative(m: re.Match[str], published: date | None) -> tuple[date | None, int | None]:
    if published is None:
        return None, None
    phrase = " ".join(m["phrase"].lower().split())
    if m["n"]:
        n = _word_number(m["n"]) or 1
        if m["unit"].startswith("week"):
            return published - timedelta(weeks=n), DATE_WEEK
        return published - timedelta(days=n), DATE_DAY
    if phrase in ("today", "tonight", "earlier today", "this morning", "this evening",
                  "this afternoon"):
        return published, DATE_DAY
    if phrase in ("yesterday", "last night", "overnight"):
        return published - timedelta(days=1), DATE_DAY
    if phrase == "the day before yesterday":
        return published - timedelta(days=2), DATE_DAY
    if phrase in ("earlier this week", "this week"):
        return published - timedelta(days=min(published.weekday(), 3)), DATE_WEEK
    if phrase == "last week":
        return published - timedelta(days=7), DATE_WEEK
    if phrase.endswith(("hours", " day")):
        # a daily summary ("in the past 24 hours"): mostly the day before, ACLED's 2
        return published - timedelta(days=1), DATE_WEEK
    if phrase.startswith(("in recent", "over the")):
        return published - timedelta(days=3), DATE_WEEK
    if phrase in ("earlier this month", "this month"):
        return published.replace(day=1), DATE_MONTH
    if phrase == "last month":
        first = published.replace(day=1) - timedelta(days=1)
        return first.replace(day=1), DATE_MONTH
    return None, None


_PUBLISHED_HINT = re.compile(
    r"^\s*(?:(?:published|posted|updated|date|last\s+updated)\b|(?:mon|tue|wed|thu|fri|sat|sun)"
    r"[a-z]*,?\s|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d)",
    re.I,
)


def find_publication_date(text: str, *, head: int = 2000) -> date | None:
    """The page's own dateline ("Monday, 12 October 2020 6:33 AM", "Updated 3:15 PM GMT+2,
    March 21, 2024") near its top.

    Only short lines that start like a dateline count, so a date inside a caption or a
    sentence is never taken.
    """
    for line in text[:head].splitlines():
        line = line.strip()
        if not line or len(line) > 80 or not _PUBLISHED_HINT.match(line):
            continue
        for ref in find_dates(line, None):
            if ref.kind == "explicit" and ref.date:
                return ref.date
    return None
