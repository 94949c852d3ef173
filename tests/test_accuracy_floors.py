"""Regression floors on the studied evaluation sets: a change that costs incidents, tolls or
toponyms on copy we have already read fails here, not first in a benchmark run.

Only studied data is guarded (all of `unseen`-`unseen9`, the development halves of
`unseen10`/`unseen11`). The held-out halves are never used in tests, so that no rule is
ever fitted to them; they are scored by `benchmarks/incident_eval.py` alone. Each floor
is the session 7 figure less a small margin.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from geomap.articles import read_articles

DATA = Path(__file__).resolve().parent / "data"
_BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, _BENCH / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


incident_eval = _module("incident_eval")

# gold file: (F1 floor, exact-killed share floor)
INCIDENT_FLOORS = {
    "unseen/gold.json": (0.95, 0.95),
    "unseen2/gold.json": (0.90, 0.90),
    "unseen3/gold.json": (0.92, 0.95),
    "unseen4/gold.json": (0.94, 0.95),
    "unseen5/gold.json": (0.90, 0.95),
    "unseen6/gold.json": (0.92, 0.93),
    "unseen7/gold.json": (0.80, 0.88),
    "unseen8/gold.json": (0.84, 0.84),
    "unseen9/gold.json": (0.71, 0.68),
    "unseen10/gold_dev.json": (0.70, 0.80),
    "unseen11/gold_dev.json": (0.73, 0.63),
}


@pytest.mark.parametrize(("gold", "floors"), INCIDENT_FLOORS.items())
def test_incident_accuracy_on_studied_copy_does_not_regress(extractor, gold, floors) -> None:
    path = DATA / gold
    score = incident_eval.Score()
    for name, golds in json.loads(path.read_text(encoding="utf-8")).items():
        preds = [incident.properties() for article in read_articles(path.parent / name)
                 for incident in extractor.extract(article)]
        incident_eval.score_file(preds, golds, score, False, name)
    f1_floor, killed_floor = floors
    assert score.f1 >= f1_floor, (gold, round(score.f1, 3), dict(score.causes))
    assert score.killed_exact >= killed_floor * score.killed_total, (
        gold, score.killed_exact, score.killed_total)


toponym_eval = _module("toponym_eval")

# toponym gold files: (recall floor, resolution-of-recalled floor)
TOPONYM_FLOORS = {
    "unseen7/toponyms.json": (0.96, 0.94),
    "unseen8/toponyms.json": (0.97, 0.97),
    "unseen9/toponyms.json": (0.97, 0.94),
    "unseen10/toponyms_dev.json": (0.95, 0.94),
    "unseen11/toponyms_dev.json": (0.94, 0.95),
}


@pytest.mark.parametrize(("gold", "floors"), TOPONYM_FLOORS.items())
def test_toponym_accuracy_on_studied_copy_does_not_regress(extractor, gold, floors) -> None:
    from geomap.pipeline import mention_record

    path = DATA / gold
    n_gold = n_recalled = n_resolved = 0
    for name, entries in json.loads(path.read_text(encoding="utf-8")).items():
        (article,) = list(read_articles(path.parent / name))
        text = article.text
        body_start = len(text) - len(text.lstrip())
        predicted = [mention_record(m, article) for m in extractor.toponyms(article)]
        for g in toponym_eval.gold_mentions(text[body_start:], entries, body_start):
            n_gold += 1
            hits = [p for p in predicted if p["start"] < g.end and g.start < p["end"]]
            n_recalled += bool(hits)
            n_resolved += any(toponym_eval.resolved(g, p) for p in hits)
    recall_floor, resolution_floor = floors
    assert n_recalled >= recall_floor * n_gold, (gold, n_recalled, n_gold)
    assert n_resolved >= resolution_floor * n_recalled, (gold, n_resolved, n_recalled)
