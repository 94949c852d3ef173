"""Two names the text itself gives for one place: "Martuni (which Azerbaijan calls
Khojavend)", "Stepanakert, known to Azerbaijanis as Khankendi", "Shusha, or Shushi".

Contested places carry a name on each side, and one of them may also be a town elsewhere
(Armenia has its own Martuni). When the text equates the two names, the place is the one
the gazetteer knows by both: that reading wins for each of them, whatever the resolver
preferred for either name alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from geomap.model import Mention, Place, as_places

# What stands between two names of one place: "X (Y)", "X (which Azerbaijan calls Y)",
# "X, known to Armenians as Y", "X, also called Y", "X, or Y", "X/Y"
_EQUATES = re.compile(
    r"\s*(?:\(|,|—|–|-)?\s*(?:(?:which|what)\s+(?:[\w'-]+\s+){1,3}?(?:calls?|names?|refers?\s+"
    r"to\s+as)|(?:also\s+|otherwise\s+)?(?:known|referred\s+to)\s+(?:to\s+(?:[\w'-]+\s+)"
    r"{1,2}?|locally\s+|in\s+\w+\s+)?as|also\s+(?:called|spelled|spelt|written)|called|"
    r"or)?\s*$|\s*/\s*$", re.IGNORECASE)
_GAP = 45  # characters at most between the two names


def equate_names(text: str, mentions: Sequence[Mention],
                 lookup: Callable[[str], Sequence[Place] | Place | None]) -> list[Mention]:
    """The mentions, each pair of names the text equates resolved to the one place the
    gazetteer knows by both (when there is exactly one such place)."""
    out = list(mentions)
    for i, a in enumerate(out):
        for j in range(i + 1, len(out)):
            b = out[j]
            between = text[a.end: b.start]
            if len(between) > _GAP:
                break
            if a.place is None or b.place is None or a.place.id == b.place.id or \
                    not _EQUATES.fullmatch(between) or between.strip() in ("", ",", "or"):
                # "Kharkiv, Ukraine" and "Kyiv or Lviv" list two places: only a cue
                # naming the second as a name, or brackets, equate them
                continue
            shared = _shared(lookup(a.text), lookup(b.text))
            if shared is None:
                continue
            confidence = max(a.confidence, b.confidence)
            out[i] = a = replace(a, place=shared, confidence=confidence)
            out[j] = replace(b, place=shared, confidence=confidence)
            break
    return out


def _shared(first: Sequence[Place] | Place | None,
            second: Sequence[Place] | Place | None) -> Place | None:
    """The one place both names can mean, else None."""
    ids = {p.id for p in as_places(second)}
    common = [p for p in as_places(first) if p.id in ids]
    return common[0] if len(common) == 1 else None

