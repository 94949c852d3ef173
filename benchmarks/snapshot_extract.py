"""Snapshot of everything extraction outputs, so a speed change can prove it changed nothing.

Runs `Extractor.default()` over the seeds, `tests/data/unseen*/` and every article of the
LGL and TR-News corpora (`../shared/corpora`, read at run time, never copied), once as
published and once with a fixed published date (so relative dates are resolved too), and
writes each article's `toponyms` records and incident features as JSON Lines. Every
article is then extracted a second time in the same process: a memo or cache that makes
the warm result differ from the cold one fails the run.

    python benchmarks/snapshot_extract.py OUT.jsonl [--corpora DIR]
    diff <(python benchmarks/snapshot_extract.py /dev/stdout) baseline.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # this checkout's geomap, not whichever one is installed
FIXED_PUBLISHED = date(2024, 5, 6)


def sources(corpora: Path) -> list[tuple[str, Path, date | None]]:
    """(label, path, published default) of every input, in a fixed order."""
    folders = [REPO / "seeds", *sorted((REPO / "tests" / "data").glob("unseen*"))]
    corpus_files = [corpora / "lgl.jsonl", corpora / "trnews.jsonl"]
    out: list[tuple[str, Path, date | None]] = []
    for path in [*folders, *corpus_files]:
        label = str(path.relative_to(REPO.parent)) if path.is_relative_to(REPO.parent) \
            else str(path)
        out.append((label, path, None))
        out.append((f"{label}@{FIXED_PUBLISHED}", path, FIXED_PUBLISHED))
    return out


def records(corpora: Path) -> Iterator[tuple[str, Any]]:
    """(key, article) for every input article; keys are unique and stable."""
    from geomap.articles import read_articles

    for label, path, published in sources(corpora):
        articles = (_corpus_articles(path, published) if path.suffix == ".jsonl"
                    else read_articles(path, published=published))
        for article in articles:
            name = Path(article.path).name if article.path else ""
            yield f"{label}:{name}:{article.id}", article


def _corpus_articles(path: Path, published: date | None) -> Iterator[Any]:
    """A corpus read line by line: `read_articles` splits lines on U+0085 inside LGL texts."""
    from geomap.articles import make_article

    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            record = json.loads(line)
            yield make_article(record["text"], where=f"{path} line {lineno}",
                               id=record.get("id"), title=record.get("title"),
                               path=str(path), defaults={"published": published})


def snapshot(extractor: Any, key: str, article: Any) -> str:
    """One JSON line: the `geomap toponyms` records and the incident features."""
    from geomap.pipeline import mention_record

    features = [i.to_feature() for i in extractor.extract(article)]  # first: cold memos
    mentions = [mention_record(m, article) for m in extractor.toponyms(article)]
    return json.dumps({"key": key, "mentions": mentions, "incidents": features},
                      ensure_ascii=False, sort_keys=True, default=str)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpora", type=Path, default=REPO.parent / "shared" / "corpora")
    args = parser.parse_args()
    from geomap.pipeline import Extractor

    extractor = Extractor.default()
    articles = list(records(args.corpora))
    lines = [snapshot(extractor, key, article) for key, article in articles]
    again = [snapshot(extractor, key, article) for key, article in articles]
    changed = [a[0] for a, x, y in zip(articles, lines, again, strict=True) if x != y]
    with args.out.open("w", encoding="utf-8") as handle:
        handle.writelines(line + "\n" for line in lines)
    print(f"{len(lines)} articles snapshotted to {args.out}", file=sys.stderr)
    if changed:
        sys.exit(f"warm output differs from cold output for {len(changed)} articles, "
                 f"first {changed[0]}")


if __name__ == "__main__":
    main()
