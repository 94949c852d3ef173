"""Evaluate the geoparser on the public LGL and TR-News corpora.

    python benchmarks/geoparse_eval.py [--corpora DIR] [--limit N] [corpus ...]

Prints recognition precision/recall/F1 on spans (exact and overlapping), accuracy@161 km
end to end (recognised spans that overlap a gold span) and with gold spans (each gold
phrase resolved in context via Geoparser.resolve_span), mean error, and speed: a cold
pass (caches filling) and a warm pass in CPU time (what a long-running service sees).
Demonyms are not place mentions in geomap, but the corpora annotate some ('Sudanese' ->
Sudan), so recall is also shown on gold spans that are not demonyms.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geomap.folding import fold  # noqa: E402
from geomap.gazetteer import Gazetteer  # noqa: E402
from geomap.geoparse import DEMONYMS, Geoparser  # noqa: E402

KM = 161.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def load(path: Path, limit: int | None) -> list[dict]:
    with path.open() as fh:
        docs = [json.loads(line) for line in fh]
    return docs[:limit] if limit else docs


def evaluate(gp: Geoparser, docs: list[dict]) -> dict[str, float]:
    tp_exact = tp_overlap = n_pred = n_gold = n_gold_nodem = tp_nodem = 0
    e2e_ok = e2e_n = 0
    gold_ok = gold_n = 0
    errors: list[float] = []
    t0 = time.perf_counter()
    parsed = [gp.parse(d["text"]) for d in docs]
    elapsed = time.perf_counter() - t0  # cold: record and fuzzy caches fill
    t0 = time.process_time()
    for d in docs:
        gp.parse(d["text"])
    warm = time.process_time() - t0  # CPU time, as a long-running service sees it
    kb = sum(len(d["text"]) for d in docs) / 1000
    for d, mentions in zip(docs, parsed, strict=True):
        gold = [t for t in d["toponyms"] if t.get("lat") is not None]
        n_gold += len(gold)
        n_pred += len(mentions)
        spans = {(m.start, m.end): m for m in mentions}
        for t in gold:
            demonym = fold(t["phrase"]) in DEMONYMS
            if not demonym:
                n_gold_nodem += 1
            if (t["start"], t["end"]) in spans:
                tp_exact += 1
            hit = next((m for m in mentions if m.start < t["end"] and t["start"] < m.end), None)
            if hit is not None:
                tp_overlap += 1
                tp_nodem += not demonym
                if hit.place is not None:
                    e2e_n += 1
                    e2e_ok += km(hit.place.lat, hit.place.lon, t["lat"], t["lon"]) <= KM
            m = gp.resolve_span(d["text"], t["start"], t["end"])
            gold_n += 1
            if m.place is not None:
                err = km(m.place.lat, m.place.lon, t["lat"], t["lon"])
                errors.append(err)
                gold_ok += err <= KM
            else:
                errors.append(20000.0)
    p_ex, r_ex = tp_exact / max(n_pred, 1), tp_exact / max(n_gold, 1)
    p_ov, r_ov = min(1.0, tp_overlap / max(n_pred, 1)), tp_overlap / max(n_gold, 1)
    return {
        "articles": len(docs), "gold": n_gold, "predicted": n_pred,
        "P_exact": p_ex, "R_exact": r_ex, "F1_exact": _f1(p_ex, r_ex),
        "P_overlap": p_ov, "R_overlap": r_ov, "F1_overlap": _f1(p_ov, r_ov),
        "R_overlap_no_demonyms": tp_nodem / max(n_gold_nodem, 1),
        "acc161_end_to_end": e2e_ok / max(e2e_n, 1),
        "acc161_gold_spans": gold_ok / max(gold_n, 1),
        "mean_error_km_gold_spans": sum(errors) / max(len(errors), 1),
        "articles_per_s_cold": len(docs) / elapsed if elapsed else float("inf"),
        "articles_per_s_warm_cpu": len(docs) / warm if warm else float("inf"),
        "ms_per_3kb_warm_cpu": 3 * 1000 * warm / kb if kb else 0.0,
        "kb_per_article": sum(len(d["text"]) for d in docs) / len(docs) / 1000,
    }


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", default=["lgl", "trnews"])
    ap.add_argument("--dir", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--gazetteer", type=Path)
    args = ap.parse_args(argv)
    t = time.perf_counter()
    gp = Geoparser(Gazetteer.load(args.gazetteer))
    print(f"gazetteer loaded in {time.perf_counter() - t:.2f} s")
    for name in args.corpora:
        res = evaluate(gp, load(args.dir / f"{name}.jsonl", args.limit))
        print(f"\n== {name}")
        for k, v in res.items():
            print(f"  {k:28s} {v:.3f}" if isinstance(v, float) else f"  {k:28s} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
