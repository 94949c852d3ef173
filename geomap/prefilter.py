"""Regexes behind a substring test: most sentences cannot match most rule patterns.

A regex search that fails still tries the pattern at every position of the sentence
(a few microseconds for the rule patterns), while `word in text` scans at C speed. For a
pattern, `required_words` derives from its parsed form a few literal strings of which
every match must contain one; `Prefiltered.search` runs the regex only when one occurs.
The words are derived, never written by hand, so editing a rule's regex keeps its gate
right (a pattern with no usable words is searched as before).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_MIN_LEN = 3  # shorter words occur in nearly every sentence: no gate
_MAX_WORDS = 12  # more `in` tests than this cost about what the regex does
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT))


def _required(items: Any) -> frozenset[str] | None:
    """Strings one of which every match of the parsed sequence `items` contains, or None
    when nothing is known (lookarounds, classes, optional parts count as nothing)."""
    options: list[frozenset[str]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            options.append(frozenset(("".join(run),)))
            run.clear()

    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        close()
        got: frozenset[str] | None = None
        if op is _c.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if not add_flags & re.IGNORECASE:
                got = _required(sub)
        elif op is _c.BRANCH:
            branches = [_required(sub) for sub in av[1]]
            if all(b is not None for b in branches):
                got = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in _REPEATS:
            low, _high, sub = av
            if low >= 1:
                got = _required(sub)
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            got = _required(av)
        if got is not None:
            options.append(got)
    close()
    usable = [o for o in options if o and min(map(len, o)) >= _MIN_LEN]
    if not usable:
        return None
    # the most selective: longest shortest word, then fewest words
    return max(usable, key=lambda o: (min(map(len, o)), -len(o)))


def required_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Literal strings one of which is in every match of `pattern`, or None."""
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return None
    words = _required(_parser.parse(pattern.pattern, pattern.flags))
    if words is None or len(words) > _MAX_WORDS:
        return None
    # a word containing another is implied by it: test only the shorter
    kept = sorted(w for w in words if not any(o != w and o in w for o in words))
    return tuple(kept)


class Prefiltered:
    """A compiled pattern that searches only texts holding one of its required words
    (`search`, `finditer`; other methods and attributes are the pattern's own)."""

    __slots__ = ("_pattern", "_words")

    def __init__(self, pattern: re.Pattern[str], words: tuple[str, ...]) -> None:
        self._pattern = pattern
        self._words = words

    def _may_match(self, text: str, pos: int, endpos: int) -> bool:
        """A required word lies in text[pos:endpos], where any match lies (the words
        come from the match itself, never from a lookaround)."""
        # plain loops: any() over a generator costs more than the tests it makes
        if pos == 0 and endpos >= len(text):
            for word in self._words:  # noqa: SIM110
                if word in text:
                    return True
            return False
        for word in self._words:  # noqa: SIM110
            if text.find(word, pos, endpos) >= 0:
                return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if not self._may_match(text, pos, endpos):
            return None
        return self._pattern.search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0,
                 endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        if not self._may_match(text, pos, endpos):
            return iter(())
        return self._pattern.finditer(text, pos, endpos)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)


def prefiltered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` behind its required-word test, or `pattern` itself if it has none (or
    if this Python's private regex parser is not the one this module reads)."""
    try:
        words = required_words(pattern)
    except Exception:  # pragma: no cover - re._parser is private: stay correct, ungated
        return pattern
    if not words:
        return pattern
    return Prefiltered(pattern, words)  # type: ignore[return-value]
