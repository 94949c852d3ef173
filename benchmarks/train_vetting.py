"""Train the incident vetter (geomap/incidents/vetting.py) on the hand-coded gold sets.

Every violent incident the rules find in a gold set's articles is one example, labelled 1
when it matches a gold incident under the judging rule of `incident_eval.py` (family,
day within one, place within the gold tolerance) and 0 otherwise. A logistic regression
over `incident_features` is fitted under 5-fold cross-validation with whole sets held out
together (a set's articles, written by one writer, never sit on both sides of a fold).
The threshold is the one with the best cross-validated F1 (averaged with its neighbours on
the grid, as the curve is flat and noisy near its top) on the unstudied files alone
(held-out halves, `gold_holdout.json`, and the whole sets in NEVER_READ): the rules were
tuned on the other files, whose candidates hold fewer errors than new copy does, so they
would pick too lenient a cut. The script prints those figures, then writes the model
fitted on all examples.

Sets named in EVALUATION_ONLY are never trained on: they are the copy kept unread to
measure the whole extractor, the vetter included.

    pip install -e '.[train]'   # scikit-learn
    python benchmarks/train_vetting.py [--out geomap/incidents/vetting_model.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from incident_eval import assign  # noqa: E402

from geomap import taxonomy as tx  # noqa: E402
from geomap.incidents.vetting import MODEL_PATH, article_features  # noqa: E402

DATA = REPO / "tests" / "data"
EVALUATION_ONLY = frozenset({"unseen29", "unseen30", "unseen31", "unseen32", "unseen33",
                             "unseen34", "unseen47", "unseen48", "unseen49", "unseen50"})
# Whole sets trained on but never read nor studied: like the held-out halves, their
# candidates are what the rules make of new copy, so they choose the threshold too.
# (unseen35-46 were such sets in session 11; in session 12 their errors were read to find
# rules, so they are studied copy now.)
NEVER_READ: frozenset[str] = frozenset()
# Held-out halves that were read later all the same (session 8): studied copy now.
READ_HALVES = frozenset({"unseen10", "unseen11"})
REGULARISATION = 1.0  # scikit-learn's C; 0.1-3 gave the same cross-validated F1 +-0.004
THRESHOLDS = [round(0.05 * k, 2) for k in range(2, 13)]
FOLDS = 5


def training_gold_files() -> list[Path]:
    """Every gold file of every set not kept for evaluation (a split set's two halves)."""
    files = []
    for folder in sorted(DATA.glob("unseen*"), key=lambda p: p.name):
        if folder.name in EVALUATION_ONLY:
            continue
        halves = sorted(folder.glob("gold_*.json"))
        files += halves or [folder / "gold.json"]
    return [f for f in files if f.exists()]


def examples(paths: list[Path]) -> tuple[list[dict], list[int], list[str], dict[str, int]]:
    """Features, labels and gold files of every violent candidate; gold counts per file."""
    from geomap.articles import read_articles
    from geomap.gazetteer import Gazetteer
    from geomap.pipeline import Extractor

    extractor = Extractor(Gazetteer.load(), vetted=False)
    features, labels, groups, gold_counts = [], [], [], {}
    for path in paths:
        group = str(path.relative_to(DATA))
        for name, golds in json.loads(path.read_text(encoding="utf-8")).items():
            gold_counts[group] = gold_counts.get(group, 0) + len(golds)
            for article in read_articles(path.parent / name):
                violent = [i for i in extractor.extract(article)
                           if i.event_type in tx.VIOLENT_EVENT_TYPES]
                matched = set(assign([i.properties() for i in violent], golds).values())
                features += article_features(violent, article)
                labels += [int(k in matched) for k in range(len(violent))]
                groups += [group] * len(violent)
    return features, labels, groups, gold_counts


def _unstudied(gold_file: str) -> bool:
    """A held-out half, or a whole set never read: copy no rule was tuned on."""
    folder = gold_file.split("/")[0]
    return (gold_file.endswith("gold_holdout.json") and folder not in READ_HALVES) or \
        folder in NEVER_READ


def f1_at(probs: np.ndarray, labels: np.ndarray, gold: int, threshold: float) -> float:
    keep = probs >= threshold
    tp = int((labels & keep).sum())
    fp = int(keep.sum()) - tp
    return 2 * tp / max(1, 2 * tp + fp + (gold - tp))


def report(name: str, probs: np.ndarray, labels: np.ndarray, gold: int) -> dict[float, float]:
    scores = {t: f1_at(probs, labels, gold, t) for t in [0.0, *THRESHOLDS]}
    print(f"cross-validated F1, {name}: " + " ".join(f"{t}:{s:.3f}" for t, s in scores.items()))
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()

    import sklearn
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    paths = training_gold_files()
    features, label_list, group_list, gold_counts = examples(paths)
    labels = np.array(label_list)
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(features)
    sets = sorted({g.split("/")[0] for g in group_list})
    fold = np.array([sets.index(g.split("/")[0]) % FOLDS for g in group_list])
    held_out = np.zeros(len(labels))
    for k in range(FOLDS):
        train = fold != k
        model = LogisticRegression(C=REGULARISATION, max_iter=5000)
        model.fit(matrix[train], labels[train])
        held_out[~train] = model.predict_proba(matrix[~train])[:, 1]
    print(f"{len(paths)} gold files, {len(sets)} sets, {len(labels)} candidates "
          f"({int(labels.sum())} match gold), {sum(gold_counts.values())} gold incidents")
    every = report("all files", held_out, labels, sum(gold_counts.values()))
    unstudied = np.array([_unstudied(g) for g in group_list])
    halves = report("unstudied files", held_out[unstudied], labels[unstudied],
                    sum(n for g, n in gold_counts.items() if _unstudied(g)))
    # the curve is flat near its top and noisy in the third decimal: the threshold whose
    # neighbourhood (itself and the steps either side) scores best, not a lone peak
    def smoothed(t: float) -> float:
        near = [halves[u] for u in THRESHOLDS if abs(u - t) <= 0.051]
        return sum(near) / len(near)
    threshold = max(THRESHOLDS, key=lambda t: (round(smoothed(t), 4), -t))
    print(f"threshold {threshold}: unstudied files {halves[0.0]:.3f} -> {halves[threshold]:.3f}"
          f", all files {every[0.0]:.3f} -> {every[threshold]:.3f}")

    model = LogisticRegression(C=REGULARISATION, max_iter=5000).fit(matrix, labels)
    weights = {name: round(float(w), 5)
               for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0],
                                  strict=True) if abs(w) >= 1e-4}
    args.out.write_text(json.dumps({
        "about": "geomap incident vetter: logistic regression, see benchmarks/train_vetting.py",
        "scikit_learn": sklearn.__version__,
        "regularisation_C": REGULARISATION,
        "trained_on": [str(p.relative_to(REPO)) for p in paths],
        "examples": len(labels),
        "cross_validated_f1": {
            "unstudied_files": {"unvetted": round(halves[0.0], 4),
                                "vetted": round(halves[threshold], 4)},
            "all_files": {"unvetted": round(every[0.0], 4), "vetted": round(every[threshold], 4)},
        },
        "threshold": threshold,
        "intercept": round(float(model.intercept_[0]), 5),
        "weights": dict(sorted(weights.items())),
    }, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out.relative_to(REPO) if args.out.is_relative_to(REPO) else args.out}"
          f" ({len(weights)} weights)")


if __name__ == "__main__":
    main()
