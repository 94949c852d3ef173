"""Speed of extraction on one core: start-up, articles/s for `extract` and `toponyms`, RSS.

Articles are ~3 KB news texts: the seeds and, when present, the TR-News and LGL corpora
(`../shared/corpora`, read at run time, never copied), cut at a paragraph near 3 KB.

    python benchmarks/bench_extract.py [--corpora DIR] [--n 3000]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # measure this checkout's geomap, not whichever is installed


def load_texts(corpora: Path, n: int) -> list[str]:
    """n articles of about 3 KB: short texts are joined, long ones cut at a line break."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    for name in ("trnews.jsonl", "lgl.jsonl"):
        path = corpora / name
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                texts.extend(json.loads(line)["text"] for line in handle)
    articles, current = [], ""
    for text in texts:
        current = f"{current}\n\n{text}" if current else text
        if len(current) >= 3000:
            articles.append(_about_3kb(current))
            current = ""
    return [articles[i % len(articles)] for i in range(n)]


def _about_3kb(text: str) -> str:
    if len(text) <= 3200:
        return text
    end = text.rfind("\n", 2600, 3200)
    return text[: end if end > 0 else 3000]


def startup_seconds(runs: int = 5) -> tuple[float, float]:
    """Wall and CPU time (user + system) of a whole `geomap extract` process on a one-line
    article, medians of `runs`."""
    probe = Path(os.environ.get("TMPDIR", "/tmp")) / "geomap-bench-startup.txt"
    probe.write_text("Shelling hit Kharkiv on Monday.\n", encoding="utf-8")
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "geomap", "extract", "--published", "2024-05-06",
                        str(probe)], check=True, capture_output=True, cwd=REPO)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


class _Timed:
    """Wall-clock and CPU seconds of one run. CPU time is shown too because this machine is
    shared: other processes on the pinned core stretch the wall clock, not the CPU time."""

    def __init__(self, wall: float, cpu: float, result: int) -> None:
        self.wall, self.cpu, self.result = wall, cpu, result

    def rate(self, n: int) -> str:
        return f"{n / self.wall:,.0f} articles/s ({n / self.cpu:,.0f}/s of CPU time)"


def _timed(run: Callable[[], int]) -> _Timed:
    w0, c0 = time.perf_counter(), time.process_time()
    result = run()
    return _Timed(time.perf_counter() - w0, time.process_time() - c0, result)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpora", type=Path, default=REPO.parent / "shared" / "corpora")
    parser.add_argument("--n", type=int, default=3000, help="articles per measurement")
    args = parser.parse_args()
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core

    from geomap.model import Article
    from geomap.pipeline import Extractor

    t0 = time.perf_counter()
    extractor = Extractor.default()
    load_s = time.perf_counter() - t0
    texts = load_texts(args.corpora, args.n)
    articles = [Article(text=t, id=str(i)) for i, t in enumerate(texts)]
    size_kb = sum(len(t.encode()) for t in texts) / len(texts) / 1024

    # Steady state on text the process has not seen: warm up on one half of the distinct
    # articles, time the other half (memos of repeated text would flatter the warm loop).
    unique = list({a.text: a for a in articles}.values())
    half = len(unique) // 2
    first = _timed(lambda: sum(len(extractor.extract(a)) for a in unique[:half]))
    unseen = _timed(lambda: sum(len(extractor.extract(a)) for a in unique[half:]))
    toponyms = _timed(lambda: sum(len(extractor.toponyms(a)) for a in articles))
    extract = _timed(lambda: sum(len(extractor.extract(a)) for a in articles))
    mentions, incidents = toponyms.result, extract.result
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"articles: {len(articles)} of {size_kb:.1f} KB on average, one core")
    print(f"gazetteer load in process: {load_s:.3f} s")
    wall, cpu = startup_seconds()
    print(f"start-up, whole `geomap extract` process (median of 5): {wall:.3f} s "
          f"({cpu:.3f} s of CPU time)")
    print(f"extract, first {half} articles of a fresh process: {first.rate(half)}")
    print(f"extract, next {len(unique) - half} distinct, unseen articles: "
          f"{unseen.rate(len(unique) - half)}")
    print(f"toponyms, warm: {toponyms.rate(len(articles))} ({mentions} mentions)")
    print(f"extract, warm:  {extract.rate(len(articles))} ({incidents} incidents)")
    print(f"peak RSS: {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
