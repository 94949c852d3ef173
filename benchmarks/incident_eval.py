"""Score violent-incident extraction against hand-made gold, with the judging rule.

A predicted incident matches a gold one when the event family (event_type) is the same,
the dates are within a day, and the point lies within the gold tolerance. Matching is
one-to-one and optimal: the most matches, and among those the nearest in place and day
(a greedy pass could pair a gold event with a neighbour's prediction and report a toll
error that is not one). Prints precision, recall, F1 and the share of matched incidents whose
killed count is exact, then the errors by cause, so a round can be judged per class of
failure rather than per set: a miss is a wrong `family`, `date` or `place` when an unmatched
prediction fails on that test alone, else `absent`; a wrong toll is `none` (no number),
`over` or `under`. Several gold files are scored together.

`--unvetted` scores the rules' candidates before the learned vetter
(geomap/incidents/vetting.py): the vetter is trained on every gold file but the
evaluation-only sets, so a rule is judged on the held-out halves unvetted.

    python benchmarks/incident_eval.py [--gold tests/data/unseen/gold.json ...] [-v]
                                       [--unvetted]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from geopy.distance import great_circle
from scipy.optimize import linear_sum_assignment

REPO = Path(__file__).resolve().parent.parent
# Score this checkout's geomap, not whichever one the environment installed (a worktree
# run as `python benchmarks/incident_eval.py` would otherwise import another tree).
sys.path.insert(0, str(REPO))
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


@dataclass
class Score:
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    killed_exact: int = 0
    killed_total: int = 0
    causes: Counter[str] = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.true_pos / max(1, self.true_pos + self.false_pos)

    @property
    def recall(self) -> float:
        return self.true_pos / max(1, self.true_pos + self.false_neg)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def failed_tests(pred: dict[str, Any], gold: dict[str, Any]) -> list[str]:
    """Which of the judging rule's three tests the prediction fails ([] is a match)."""
    failed = []
    if pred["event_type"] != gold["event_type"]:
        failed.append("family")
    if pred["date"] is None or abs(
        (date.fromisoformat(pred["date"]) - date.fromisoformat(gold["date"])).days
    ) > 1:
        failed.append("date")
    if pred["lat"] is None or great_circle(
        (pred["lat"], pred["lon"]), (gold["lat"], gold["lon"])
    ).km > gold["tolerance_km"]:
        failed.append("place")
    return failed


def matches(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    return not failed_tests(pred, gold)


def nearness(pred: dict[str, Any], gold: dict[str, Any]) -> float:
    """How far off a matching prediction is, in tolerances and days (0 is exact)."""
    km = great_circle((pred["lat"], pred["lon"]), (gold["lat"], gold["lon"])).km
    days = abs((date.fromisoformat(pred["date"]) - date.fromisoformat(gold["date"])).days)
    return km / max(gold["tolerance_km"], 1) + days


def assign(preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> dict[int, int]:
    """An optimal one-to-one matching, gold index -> prediction index.

    Every match weighs far more than any sum of nearness terms, so the matching first has
    the most pairs and only then the nearest ones.
    """
    weight = np.zeros((len(golds), len(preds)))
    for g, gold in enumerate(golds):
        for p, pred in enumerate(preds):
            if matches(pred, gold):
                weight[g, p] = 1000.0 - min(nearness(pred, gold), 2.0)
    rows, cols = linear_sum_assignment(weight, maximize=True)
    return {int(g): int(p) for g, p in zip(rows, cols, strict=True) if weight[g, p] > 0}


def miss_cause(gold: dict[str, Any], unmatched: list[dict[str, Any]]) -> str:
    """`family`, `date` or `place` when some prediction fails that test alone, else `absent`."""
    singles = {tuple(failed_tests(p, gold)) for p in unmatched}
    return next((c for c in ("family", "date", "place") if (c,) in singles), "absent")


def toll_cause(got: int | None, gold: int) -> str:
    return "none" if got is None else "over" if got > gold else "under"


def score_file(preds: list[dict[str, Any]], golds: list[dict[str, Any]], score: Score,
               verbose: bool, name: str) -> None:
    preds = [p for p in preds if p["event_type"] in VIOLENT]
    pairs = assign(preds, golds)
    unmatched = [p for i, p in enumerate(preds) if i not in pairs.values()]
    for g, gold in enumerate(golds):
        hit = preds[pairs[g]] if g in pairs else None
        if hit is None:
            score.false_neg += 1
            cause = miss_cause(gold, unmatched)
            score.causes[f"miss: {cause}"] += 1
            if verbose:
                print(f"  MISS ({cause}) {name}: {gold['event_type']} {gold['date']} "
                      f"{gold['place']}")
            continue
        score.true_pos += 1
        if gold.get("killed") is not None:
            score.killed_total += 1
            score.killed_exact += hit["killed"] == gold["killed"]
            if hit["killed"] != gold["killed"]:
                score.causes[f"killed: {toll_cause(hit['killed'], gold['killed'])}"] += 1
            if verbose and hit["killed"] != gold["killed"]:
                print(f"  KILLED {name}: {gold['place']} gold {gold['killed']} "
                      f"got {hit['killed']}")
    score.false_pos += len(unmatched)
    if verbose:
        for p in unmatched:
            print(f"  EXTRA {name}: {p['event_type']} {p['date']} {p['place']!r} "
                  f"-> {p['place_name']} :: {p['evidence'][:90]!r}")


def score_golds(extractor: Any, paths: list[Path], verbose: bool = False) -> Score:
    """Score `extractor.extract` on every article of the gold files."""
    from geomap.articles import read_articles

    score = Score()
    for path in paths:
        for name, golds in json.loads(path.read_text(encoding="utf-8")).items():
            preds = [
                incident.properties()
                for article in read_articles(path.parent / name)
                for incident in extractor.extract(article)
            ]
            score_file(preds, golds, score, verbose, name)
    return score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, nargs="+",
                        default=[REPO / "tests/data/unseen/gold.json"])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--unvetted", action="store_true",
                        help="score the rules' candidates without the learned vetter")
    args = parser.parse_args()

    from geomap.gazetteer import Gazetteer
    from geomap.pipeline import Extractor

    extractor = (Extractor(Gazetteer.load(), vetted=False) if args.unvetted
                 else Extractor.default())
    score = score_golds(extractor, args.gold, args.verbose)
    print(f"violent incidents: P {score.precision:.2f} R {score.recall:.2f} F1 {score.f1:.2f} "
          f"(tp {score.true_pos}, fp {score.false_pos}, fn {score.false_neg})")
    print(f"killed exact: {score.killed_exact}/{score.killed_total}")
    if score.causes:
        print("errors by cause: " + ", ".join(
            f"{cause} {n}" for cause, n in sorted(score.causes.items())))


if __name__ == "__main__":
    main()
