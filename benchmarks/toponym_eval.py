"""Score `geomap toponyms` on hand-made conflict articles: recall and resolution.

The public corpora (LGL, TR-News) are local US and general news; the judges measure
toponym recall and resolution on conflict copy. Each blind set may carry a
`toponyms.json` mapping a file to every distinct place name in its body, as written, with
the real coordinates and a kind:

    {"a.txt": [{"text": "Kharkiv region", "lat": 49.5, "lon": 36.6, "kind": "province"}]}

Every occurrence of a listed name in the body is a gold mention (longest names claim
their span first, so "Kharkiv" inside "Kharkiv region" is not counted twice). A gold
mention is *recalled* when a predicted mention overlaps it, and *resolved* when that
mention's point is within 161 km of the gold point; a country counts as resolved when the
prediction names that country (the gold point lies in its outline), because a country's
"central point" is a matter of convention. Precision is against the listed names only.

    python benchmarks/toponym_eval.py [--gold tests/data/unseen7/toponyms.json] [-v]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from geopy.distance import great_circle

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # score this checkout's geomap, not whichever is installed
KM = 161.0


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    text: str
    lat: float
    lon: float
    kind: str


def gold_mentions(body: str, entries: list[dict[str, Any]], offset: int) -> list[GoldMention]:
    """Every whole-word occurrence of every listed name, longest names first."""
    taken: list[tuple[int, int]] = []
    found: list[GoldMention] = []
    for entry in sorted(entries, key=lambda e: -len(e["text"])):
        pattern = r"(?<!\w)" + re.escape(entry["text"]) + r"(?!\w)"
        for m in re.finditer(pattern, body):
            s, e = m.start() + offset, m.end() + offset
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            found.append(GoldMention(s, e, entry["text"], float(entry["lat"]),
                                     float(entry["lon"]), entry.get("kind", "")))
    return sorted(found, key=lambda g: g.start)


@cache
def _country_shapes() -> list[tuple[str, Any]]:
    from shapely.geometry import shape

    data = json.loads((REPO / "gazetteer" / "ne_countries.geojson").read_text("utf-8"))
    return [(f["properties"]["iso2"], shape(f["geometry"])) for f in data["features"]]


def country_at(lat: float, lon: float) -> str | None:
    from shapely.geometry import Point

    point = Point(lon, lat)
    for iso2, geom in _country_shapes():
        if geom.covers(point):
            return iso2
    return None


def resolved(gold: GoldMention, mention: dict[str, Any]) -> bool:
    if mention.get("lat") is None:
        return False
    if gold.kind == "country" and mention.get("feature", "").startswith("PCL"):
        return mention.get("country") == country_at(gold.lat, gold.lon)
    distance = great_circle((gold.lat, gold.lon), (mention["lat"], mention["lon"])).km
    return distance <= KM


@dataclass
class Tally:
    """Gold mentions, predictions and how they met, over one or more gold files."""

    gold: int = 0
    recalled: int = 0
    resolved: int = 0
    predicted: int = 0
    predicted_listed: int = 0


def score_golds(extractor: Any, paths: list[Path], verbose: bool = False) -> Tally:
    """Score `extractor.toponyms` on every article of the gold files (see the module doc)."""
    from geomap.articles import read_articles
    from geomap.pipeline import mention_record

    t = Tally()
    for gold_path in paths:
        gold = json.loads(gold_path.read_text("utf-8"))
        for name, entries in sorted(gold.items()):
            (article,) = list(read_articles(gold_path.parent / name))
            text = article.text
            body_start = len(text) - len(text.lstrip())
            golds = gold_mentions(text[body_start:], entries, body_start)
            predicted = [mention_record(m, article) for m in extractor.toponyms(article)]
            t.predicted += len(predicted)
            for p in predicted:
                if any(p["start"] < g.end and g.start < p["end"] for g in golds):
                    t.predicted_listed += 1
                elif verbose:
                    print(f"EXTRA {name}: {p['text']!r} -> {p['name']} {p['country']} "
                          f"{p['feature']}")
            for g in golds:
                t.gold += 1
                hits = [p for p in predicted if p["start"] < g.end and g.start < p["end"]]
                if not hits:
                    if verbose:
                        print(f"MISS  {name}: {g.text!r} ({g.kind})")
                    continue
                t.recalled += 1
                if any(resolved(g, p) for p in hits):
                    t.resolved += 1
                elif verbose:
                    p = hits[0]
                    print(f"WRONG {name}: {g.text!r} ({g.kind}) -> {p['name']} "
                          f"{p['country']} {p['feature']} ({p['lat']}, {p['lon']})")
    return t


def main(argv: list[str] | None = None) -> int:
    from geomap.pipeline import Extractor

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, nargs="+",
                    default=[REPO / "tests/data/unseen7/toponyms.json"])
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = ap.parse_args(argv)

    t = score_golds(Extractor.default(), args.gold, args.verbose)
    print(f"gold mentions {t.gold}, predicted {t.predicted}")
    print(f"recall (overlap)           {t.recalled / t.gold if t.gold else 0.0:.3f}"
          f"  ({t.recalled}/{t.gold})")
    print(f"precision vs listed names  {t.predicted_listed / t.predicted if t.predicted else 0:.3f}"
          f"  ({t.predicted_listed}/{t.predicted})")
    print(f"resolution of recalled     {t.resolved / t.recalled if t.recalled else 0:.3f}"
          f"  ({t.resolved}/{t.recalled}; within {KM:.0f} km, countries by outline)")
    print(f"end to end (found + right) {t.resolved / t.gold if t.gold else 0:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
