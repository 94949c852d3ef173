"""The required-word gate in front of a regex never hides a match."""

from __future__ import annotations

import re

from geomap.prefilter import Prefiltered, prefiltered, required_words

SAMPLES = [
    "The death toll rose to 11 on Monday.",
    "A third soldier later died of his wounds.",
    "Shelling hit the border village of Sotk.",
    "now confirmed dead", "the number of victims has risen to 30", "tollbooth", "",
    "They were taking the toll road near the frontier.",
]


def test_required_words_of_alternatives_and_repeats() -> None:
    assert required_words(re.compile(r"\b(?:border|frontier|boundary)\b")) == (
        "border", "boundary", "frontier")
    assert required_words(re.compile(r"(?:death\s+)?toll\b")) == ("toll",)
    # optional parts, classes, lookarounds and short words give no gate
    assert required_words(re.compile(r"(?:border)?\w+")) is None
    assert required_words(re.compile(r"(?=border)\w+")) is None
    assert required_words(re.compile(r"\bof\b")) is None
    assert required_words(re.compile(r"border|x")) is None
    assert required_words(re.compile(r"border", re.I)) is None  # case-blind: no gate


def test_prefiltered_finds_what_the_regex_finds() -> None:
    patterns = [r"\b(?:death\s+toll|toll|number\s+of\s+\w+)\s+(?:rose|has\s+risen)",
                r"\ban?\s+(?:second|third)\s+(?:[\w-]+\s+){0,2}?died\b",
                r"\b(?:border|frontier|boundary)\b", r"(?:now|confirmed)+\s+dead"]
    for source in patterns:
        plain = re.compile(source)
        gated = prefiltered(plain)
        assert isinstance(gated, Prefiltered)
        for text in SAMPLES:
            folded = text.lower()
            assert [m.span() for m in gated.finditer(folded)] == \
                [m.span() for m in plain.finditer(folded)]
            for pos, end in ((0, len(folded)), (4, 20), (10, 12)):
                got, want = gated.search(folded, pos, end), plain.search(folded, pos, end)
                assert (got and got.span()) == (want and want.span())
    assert gated.pattern == plain.pattern  # other attributes are the pattern's own
