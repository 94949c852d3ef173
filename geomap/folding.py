"""Length-preserving case and accent folding.

Names are matched in folded text, and a match's offsets must index the original text, so
every character folds to exactly one character: lowercase, diacritics stripped, schwa to
"e", dotless i to "i", typographic apostrophes to "'" and dashes to "-".
"""

from __future__ import annotations

import re
import unicodedata

_SPECIAL = {
    "ə": "e", "Ə": "e", "ı": "i", "İ": "i", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
    "ł": "l", "Ł": "l", "ħ": "h", "Ħ": "h", "ŧ": "t", "ð": "d", "Ð": "d", "þ": "t",
    "Þ": "t", "ŋ": "n", "ʻ": "'", "ʼ": "'", "’": "'", "‘": "'", "`": "'", "´": "'",
    "′": "'", "ʹ": "'", "ʾ": "'", "ʿ": "'", "‛": "'", "‐": "-", "‑": "-", "‒": "-",
    "–": "-", "—": "-", "―": "-", "−": "-", "\u00a0": " ", "ß": "s", "æ": "a", "Æ": "a",
    "œ": "o", "Œ": "o", "ς": "σ",  # str.lower() makes a final sigma by context
}


class _FoldTable(dict[int, str]):
    """str.translate table that folds each new character once and remembers it."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        out = _SPECIAL.get(ch)
        if out is None:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch)
                           if not unicodedata.combining(c))
            low = base.lower() if base else ch.lower()
            out = low if len(low) == 1 else (ch.lower() if len(ch.lower()) == 1 else ch)
            out = _SPECIAL.get(out, out)
        self[code] = out
        return out


_TABLE = _FoldTable()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_PUNCTUATION = tuple((ch, _SPECIAL[ch]) for ch in "’‘–—\u00a0")


def _fold_one(m: re.Match[str]) -> str:
    return _TABLE[ord(m.group())]


def fold(text: str) -> str:
    """Fold `text` for matching; len(fold(text)) == len(text) always."""
    if not text.isascii():
        # News is mostly ASCII plus typographic quotes and dashes: replace those with
        # C-speed str.replace first (they are their own lower case and fold like what
        # replaces them), so that str.lower often runs on ASCII, several times faster.
        for char, folded in _PUNCTUATION:
            if char in text:
                text = text.replace(char, folded)
    low = text.lower()
    if "`" in low:
        low = low.replace("`", "'")
    if text.isascii():
        return low
    if len(low) != len(text):  # a few capitals lowercase to two characters (İ)
        return text.translate(_TABLE)
    # What is left (accents) folds one character at a time.
    return _NON_ASCII.sub(_fold_one, low)


def fold_char(ch: str) -> str:
    """Fold one character."""
    return fold(ch)
