"""Regression floors on the studied evaluation sets: a change that costs incidents, tolls or
toponyms on copy we have already read fails here, not first in a benchmark run.

Only studied data is guarded: all of `unseen`-`unseen11` (the `unseen10`/`unseen11`
held-out halves were read in session 8), `unseen16`/`unseen17` (read in session 9) and
the development halves of `unseen12`-`unseen15` and `unseen18`-`unseen28` (`unseen22`-
`unseen28` were split and their development halves read in session 10). The held-out
halves, and the never-read sets written after the last rules, are never used in tests, so
that no rule is ever fitted to them; they are scored by `benchmarks/incident_eval.py` and
`benchmarks/toponym_eval.py` alone (the learned vetter is trained on the held-out halves'
labels, never their text, which is why rules are judged on them with `--unvetted`). Each
floor is the figure of the session that studied the set, less a small margin.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmark_loader import load_benchmark

DATA = Path(__file__).resolve().parent / "data"
incident_eval = load_benchmark("incident_eval")
toponym_eval = load_benchmark("toponym_eval")

# gold file: (F1 floor, exact-killed share floor)
INCIDENT_FLOORS = {
    # 0.95 before the vetter (session 11), which drops the rival side's claimed clash
    # told beside Jermuk's shelling
    "unseen/gold.json": (0.94, 0.95),
    "unseen2/gold.json": (0.90, 0.90),
    "unseen3/gold.json": (0.92, 0.95),
    "unseen4/gold.json": (0.94, 0.95),
    "unseen5/gold.json": (0.89, 0.95),
    "unseen6/gold.json": (0.92, 0.93),
    "unseen7/gold.json": (0.81, 0.88),
    "unseen8/gold.json": (0.85, 0.85),
    "unseen9/gold.json": (0.71, 0.68),
    "unseen10/gold.json": (0.76, 0.82),
    "unseen11/gold.json": (0.74, 0.66),
    "unseen12/gold_dev.json": (0.84, 0.85),
    "unseen13/gold_dev.json": (0.78, 0.74),
    "unseen14/gold_dev.json": (0.71, 0.75),
    "unseen15/gold_dev.json": (0.82, 0.82),
    "unseen16/gold.json": (0.84, 0.86),
    "unseen17/gold.json": (0.80, 0.80),
    "unseen18/gold_dev.json": (0.79, 0.95),
    "unseen19/gold_dev.json": (0.73, 0.90),
    "unseen20/gold_dev.json": (0.84, 0.95),
    # 19 tolls: one wrong is .947 (session 11: the vetter dropped a matched incident, and
    # with it an exact toll)
    "unseen21/gold_dev.json": (0.76, 0.94),
    "unseen22/gold_dev.json": (0.88, 0.88),
    "unseen23/gold_dev.json": (0.84, 0.78),
    # session 11: the vetter drops a matched clash (Talish) and a strike (Shujayea), and the
    # optimal matching then pairs their neighbours' tolls with other gold events
    "unseen24/gold_dev.json": (0.91, 0.90),
    "unseen25/gold_dev.json": (0.85, 0.62),
    "unseen26/gold_dev.json": (0.88, 0.85),
    "unseen27/gold_dev.json": (0.70, 0.95),
    "unseen28/gold_dev.json": (0.89, 0.95),
}


@pytest.mark.parametrize(("gold", "floors"), INCIDENT_FLOORS.items())
def test_incident_accuracy_on_studied_copy_does_not_regress(extractor, gold, floors) -> None:
    score = incident_eval.score_golds(extractor, [DATA / gold])
    f1_floor, killed_floor = floors
    assert score.f1 >= f1_floor, (gold, round(score.f1, 3), dict(score.causes))
    assert score.killed_exact >= killed_floor * score.killed_total, (
        gold, score.killed_exact, score.killed_total)


# toponym gold files: (recall floor, resolution-of-recalled floor)
TOPONYM_FLOORS = {
    "unseen7/toponyms.json": (0.97, 0.96),
    "unseen8/toponyms.json": (0.97, 0.97),
    "unseen9/toponyms.json": (0.97, 0.95),
    "unseen10/toponyms.json": (0.93, 0.97),
    "unseen11/toponyms.json": (0.95, 0.96),
    "unseen12/toponyms_dev.json": (0.94, 0.95),
    "unseen13/toponyms_dev.json": (0.96, 0.98),
    "unseen14/toponyms_dev.json": (0.90, 0.95),
    "unseen15/toponyms_dev.json": (0.97, 0.97),
    "unseen16/toponyms.json": (0.95, 0.97),
    "unseen17/toponyms.json": (0.98, 0.98),
    "unseen18/toponyms_dev.json": (0.96, 0.96),
    "unseen19/toponyms_dev.json": (0.95, 0.95),
    "unseen20/toponyms_dev.json": (0.96, 0.96),
    "unseen21/toponyms_dev.json": (0.93, 0.96),
    "unseen22/toponyms_dev.json": (0.95, 0.95),
    "unseen23/toponyms_dev.json": (0.97, 0.97),
    "unseen24/toponyms_dev.json": (0.97, 0.95),
    "unseen25/toponyms_dev.json": (0.95, 0.97),
    "unseen26/toponyms_dev.json": (0.92, 0.98),
    "unseen27/toponyms_dev.json": (0.92, 0.93),
    "unseen28/toponyms_dev.json": (0.97, 0.98),
}


@pytest.mark.parametrize(("gold", "floors"), TOPONYM_FLOORS.items())
def test_toponym_accuracy_on_studied_copy_does_not_regress(extractor, gold, floors) -> None:
    t = toponym_eval.score_golds(extractor, [DATA / gold])
    recall_floor, resolution_floor = floors
    assert t.recalled >= recall_floor * t.gold, (gold, t.recalled, t.gold)
    assert t.resolved >= resolution_floor * t.recalled, (gold, t.resolved, t.recalled)
