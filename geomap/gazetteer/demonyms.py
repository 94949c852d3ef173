"""English demonyms -> ISO2, from the committed country table (npm world-countries).

Demonyms name a country's people or government ('Azerbaijani forces'), so the geoparser
reports them as actors/context, never as place mentions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from geomap.folding import fold

DATA_DIR = Path(__file__).resolve().parents[2] / "gazetteer"

# Common forms the table lacks (reviewed): short forms and irregular plurals.
EXTRA: dict[str, str] = {
    "azeri": "AZ", "azeris": "AZ", "turks": "TR", "brits": "GB", "english": "GB",
    "scottish": "GB", "welsh": "GB", "dutch": "NL", "emirati": "AE", "emiratis": "AE",
    "saudi": "SA", "saudis": "SA", "kuwaitis": "KW", "swiss": "CH", "french": "FR",
    "frenchmen": "FR", "chinese": "CN", "japanese": "JP", "lebanese": "LB",
    "sudanese": "SD", "israelis": "IL", "filipino": "PH", "filipinos": "PH",
}
_INVARIANT_ENDINGS = ("ese", "ish", "ch", "ss", "swiss", "x")


def demonym_table(table: list[dict[str, Any]] | None = None) -> dict[str, str]:
    """Folded demonym (singular and plural) -> ISO2; bigger country wins a shared demonym."""
    if table is None:
        table = json.loads((DATA_DIR / "countries.json").read_text())
    out: dict[str, str] = {}
    # Sovereign states first so 'American' is the US, not American Samoa.
    for c in sorted(table, key=lambda c: (not c.get("independent"), c["iso2"])):
        d = c.get("demonym")
        if not d or not d.strip():
            continue
        for form in _forms(fold(d.strip())):
            out.setdefault(form, c["iso2"])
    for k, v in EXTRA.items():
        if v:
            out[k] = v
    return out


def _forms(d: str) -> list[str]:
    forms = [d]
    if not d.endswith(_INVARIANT_ENDINGS) and " " not in d:
        forms.append(d + "s")
    return forms
