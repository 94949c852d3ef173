"""Storing articles and their incidents: one article is one transaction.

Extraction runs before the write transaction (it is the slow part and must not hold the
write lock); the article row, its new incidents, merges into existing incidents and the
source links are then written all-or-nothing. Ingesting the same text twice is a no-op.
"""

from __future__ import annotations

import math
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Protocol

from geomap.errors import ArticleError, GeomapError, StoreError
from geomap.model import Article, Incident, content_hash
from geomap.store.db import Store, other_evidence_sql
from geomap.store.merge import find_match, merged
from geomap.store.records import COLUMNS, incident_values

# The merged row's primary article may change in the same UPDATE, so name it by parameter.
_MERGED_OTHER_EVIDENCE = other_evidence_sql(":article_id")


class ExtractorLike(Protocol):
    def extract(self, article: Article) -> list[Incident]: ...


class ExtractionError(GeomapError):
    """The extractor failed on one article; the article was not stored."""


@dataclass
class ArticleResult:
    """What storing one article did; `incident_ns` are the rowids it created or fed."""

    article_id: str
    duplicate: bool
    created: int = 0
    merged: int = 0
    incident_ns: list[int] = field(default_factory=list)


@dataclass
class IngestReport:
    """Counts for the CLI's summary line; `errors` are one-line messages."""

    articles_new: int = 0
    duplicates: int = 0
    incidents_created: int = 0
    incidents_merged: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, result: ArticleResult) -> None:
        if result.duplicate:
            self.duplicates += 1
            return
        self.articles_new += 1
        self.incidents_created += result.created
        self.incidents_merged += result.merged

    def summary(self) -> str:
        return (f"{self.articles_new} new articles, {self.duplicates} duplicates skipped, "
                f"{self.incidents_created} incidents created, {self.incidents_merged} merged, "
                f"{len(self.errors)} errors")

    def to_dict(self) -> dict[str, Any]:
        return {"articles_new": self.articles_new, "duplicates": self.duplicates,
                "incidents_created": self.incidents_created,
                "incidents_merged": self.incidents_merged, "errors": list(self.errors)}


def article_id_for(text: str) -> str:
    """Store id of an article: stable across runs and machines (its content hash)."""
    return content_hash(text)[:16]


def _label(article: Article) -> str:
    return article.path or article.id or article_id_for(article.text)


def ingest_article(store: Store, article: Article, extractor: ExtractorLike) -> ArticleResult:
    """Store one article and its incidents in one transaction; a duplicate changes nothing.

    Raises ExtractionError if the extractor fails (nothing stored) and StoreError if the
    write fails (rolled back).
    """
    digest = content_hash(article.text)
    aid = digest[:16]
    existing = _existing(store.conn, digest)
    if existing is not None:
        return existing
    try:
        incidents = list(extractor.extract(article))
    except GeomapError:
        raise
    except Exception as error:  # an extractor bug must not stop a batch
        raise ExtractionError(
            f"{_label(article)}: extraction failed: {type(error).__name__}: {error}"
        ) from error
    try:
        with store.transaction() as conn:
            existing = _existing(conn, digest)  # another writer may have won the race
            if existing is not None:
                return existing
            _insert_article(conn, article, digest)
            result = ArticleResult(article_id=aid, duplicate=False)
            for incident in incidents:
                n, was_merged = _store_incident(conn, _with_article(incident, article, aid), aid)
                result.merged += was_merged
                result.created += not was_merged
                if n not in result.incident_ns:
                    result.incident_ns.append(n)
            return result
    except sqlite3.Error as error:
        raise StoreError(f"{_label(article)}: cannot store article: {error}") from None


def _existing(conn: sqlite3.Connection, digest: str) -> ArticleResult | None:
    row = conn.execute("SELECT id FROM articles WHERE content_hash = ?", (digest,)).fetchone()
    if row is None:
        return None
    ns = [r[0] for r in conn.execute(
        "SELECT incident_n FROM incident_sources WHERE article_id = ? ORDER BY incident_n",
        (row[0],))]
    return ArticleResult(article_id=row[0], duplicate=True, incident_ns=ns)


def _insert_article(conn: sqlite3.Connection, article: Article, digest: str) -> None:
    conn.execute(
        "INSERT INTO articles (id, content_hash, ref, source, url, title, published, path, "
        "text, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (digest[:16], digest, article.id, article.source, article.url, article.title,
         article.published.isoformat() if article.published else None, article.path,
         article.text, datetime.now(UTC).isoformat(timespec="seconds")),
    )


def _with_article(incident: Incident, article: Article, aid: str) -> Incident:
    """The incident with its article fields filled from the stored article."""
    _check(incident)
    return replace(
        incident,
        article_id=aid,
        source=incident.source or article.source,
        url=incident.url or article.url,
        title=incident.title or article.title,
        published=incident.published or article.published,
    )


def _check(incident: Incident) -> None:
    if not incident.event_type or not incident.sub_event_type:
        raise ExtractionError(f"incident {incident.id!r} has no event type")
    if (incident.lat is None) != (incident.lon is None):
        raise ExtractionError(f"incident {incident.id!r} has only one coordinate")
    if incident.lat is not None and not (
        math.isfinite(incident.lat) and math.isfinite(incident.lon)  # type: ignore[arg-type]
        and -90 <= incident.lat <= 90 and -180 <= incident.lon <= 180  # type: ignore[operator]
    ):
        raise ExtractionError(f"incident {incident.id!r} has invalid coordinates")
    if incident.date is not None and not isinstance(incident.date, date):
        raise ExtractionError(f"incident {incident.id!r} has a non-date date")


def _store_incident(conn: sqlite3.Connection, incident: Incident, aid: str) -> tuple[int, bool]:
    """Merge into a matching stored incident, or insert; link the article. (rowid, merged)."""
    match = find_match(conn, incident, aid)
    if match is not None:
        n, old = match
        values = incident_values(merged(old, incident))
        del values["id"]
        _link(conn, n, incident, aid)  # first, so one UPDATE counts it (one FTS refresh)
        assignments = ", ".join(f"{k} = :{k}" for k in values)
        conn.execute(
            f"UPDATE incidents SET {assignments}, source_count = (SELECT count(*) FROM "
            "incident_sources WHERE incident_n = :n), "
            f"other_evidence = ({_MERGED_OTHER_EVIDENCE}) WHERE n = :n",
            {**values, "n": n},
        )
        _index_point(conn, n, values, replace_old=True)
        return n, True
    values = incident_values(incident)
    values["id"] = _unique_id(conn, incident.id or aid)
    names = (*COLUMNS, "sort_date")
    cursor = conn.execute(
        f"INSERT INTO incidents ({', '.join(names)}) VALUES ({', '.join(':' + k for k in names)})",
        values,
    )
    n = int(cursor.lastrowid)  # type: ignore[arg-type]
    _link(conn, n, incident, aid)
    _index_point(conn, n, values)
    return n, False


def _unique_id(conn: sqlite3.Connection, wanted: str) -> str:
    candidate, k = wanted, 1
    while conn.execute("SELECT 1 FROM incidents WHERE id = ?", (candidate,)).fetchone():
        k += 1
        candidate = f"{wanted}-{k}"
    return candidate


def _link(conn: sqlite3.Connection, n: int, incident: Incident, aid: str) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO incident_sources (incident_n, article_id, evidence, reported_by, "
        "killed, wounded, captured, date, place, confidence) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (n, aid, incident.evidence, incident.reported_by, incident.killed, incident.wounded,
         incident.captured, incident.date.isoformat() if incident.date else None,
         incident.place, incident.confidence),
    )


def _index_point(conn: sqlite3.Connection, n: int, values: dict[str, Any],
                 replace_old: bool = False) -> None:
    """(Re)index the point with the R*Tree's auxiliary columns (see migration 2)."""
    if replace_old:
        conn.execute("DELETE FROM incidents_rtree WHERE n = ?", (n,))
    lat, lon = values["lat"], values["lon"]
    if lat is not None and lon is not None:
        conn.execute("INSERT INTO incidents_rtree VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     (n, lon, lon, lat, lat, values["sort_date"], values["event_type"],
                      values["killed"]))


Progress = Callable[[Article | None, ArticleResult | None, str | None], None]


def ingest(store: Store, articles: Iterable[Article], extractor: ExtractorLike, *,
           progress: bool | None = None, on_article: Progress | None = None) -> IngestReport:
    """Store every article; a bad article is reported in `errors` and the rest go on.

    `articles` may raise ArticleError while iterating (a bad file): it is recorded and
    iteration continues if the iterator can. `progress` None shows a tqdm bar on stderr
    only when stderr is a terminal. `on_article(article, result, error)` is called per item.
    """
    report = IngestReport()
    bar = _bar(progress)
    iterator = iter(articles)
    try:
        while True:
            try:
                item: Any = next(iterator)
            except StopIteration:
                break
            except ArticleError as error:
                item = error
            if isinstance(item, GeomapError):
                report.errors.append(str(item))
                if on_article:
                    on_article(None, None, str(item))
                continue
            try:
                result = ingest_article(store, item, extractor)
            except (ExtractionError, ArticleError) as error:
                report.errors.append(str(error))
                if on_article:
                    on_article(item, None, str(error))
                continue
            report.add(result)
            if on_article:
                on_article(item, result, None)
            if bar is not None:
                bar.update(1)
                bar.set_postfix(new=report.articles_new, dup=report.duplicates,
                                err=len(report.errors), refresh=False)
    finally:
        if bar is not None:
            bar.close()
    return report


def _bar(progress: bool | None) -> Any:
    if progress is None:
        progress = sys.stderr.isatty()
    if not progress:
        return None
    from tqdm import tqdm

    return tqdm(desc="ingest", unit="article", file=sys.stderr)


def read_paths(paths: Iterable[str | Path], *, published: date | None = None,
               source: str | None = None,
               reader: Callable[..., Iterable[Article]] | None = None,
               ) -> Iterator[Article | ArticleError]:
    """Articles from files, folders and JSON Lines; a bad file yields its ArticleError.

    If a folder's reader stops on a bad file, the folder's remaining files are read one by
    one so that one bad file does not hide the rest.
    """
    from geomap.articles import article_files, read_articles

    reader = reader or read_articles
    for path in paths:
        path = Path(path)
        seen: set[str] = set()
        try:
            for article in reader(path, published=published, source=source):
                if article.path:
                    seen.add(str(Path(article.path).resolve()))
                yield article
        except ArticleError as error:
            yield error
            if not path.is_dir():
                continue
            failed = str(error)
            for child in article_files(path):
                if str(child.resolve()) in seen:
                    continue
                try:
                    yield from reader(child, published=published, source=source)
                except ArticleError as child_error:
                    if str(child_error) != failed:
                        yield child_error


def ingest_paths(store: Store, paths: Iterable[str | Path], extractor: ExtractorLike, *,
                 published: date | None = None, source: str | None = None,
                 progress: bool | None = None, on_article: Progress | None = None,
                 reader: Callable[..., Iterable[Article]] | None = None) -> IngestReport:
    """`ingest` over files, folders or JSON Lines (what `geomap ingest PATH...` does)."""
    return ingest(store, read_paths(paths, published=published, source=source, reader=reader),
                  extractor, progress=progress, on_article=on_article)
