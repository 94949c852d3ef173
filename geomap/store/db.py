"""The SQLite incident store: opening, pragmas, schema and ordered migrations.

One file holds articles, incidents, their link table, an R*Tree over incident points
(viewport queries stay fast at a million rows) and an FTS5 index for `q` searches.
Each thread gets its own connection (waitress serves from a thread pool).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from geomap.errors import StoreError

DEFAULT_DB = "geomap.db"

# What an incident's other reports said, for `q` (incidents.other_evidence): their
# evidence, attribution and headline. Ingest recomputes it when an article merges in;
# migration 6 filled it once, so changing this text needs a new migration.
def other_evidence_sql(primary: str = "incidents.article_id") -> str:
    """The subquery; `primary` is the SQL for the primary article's id (the row's own, or a
    parameter when the same UPDATE also changes it)."""
    return f"""
    SELECT coalesce(group_concat(coalesce(s.evidence, '') || ' ' ||
                                 coalesce(s.reported_by, '') || ' ' || coalesce(a.title, ''),
                                 ' '), '')
    FROM incident_sources s JOIN articles a ON a.id = s.article_id
    WHERE s.incident_n = incidents.n AND s.article_id IS NOT {primary}"""


OTHER_EVIDENCE = other_evidence_sql()

# Ordered migrations: MIGRATIONS[i] brings user_version i to i + 1. Never edit a shipped one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,               -- first 16 hex digits of content_hash
        content_hash TEXT NOT NULL UNIQUE,
        ref TEXT,                          -- the id the reader gave (file name, line...)
        source TEXT, url TEXT, title TEXT,
        published TEXT,                    -- YYYY-MM-DD
        path TEXT,
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE incidents (
        n INTEGER PRIMARY KEY,             -- rowid: R*Tree and FTS key, cursor tiebreak
        id TEXT NOT NULL UNIQUE,
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        date TEXT,
        sort_date TEXT NOT NULL DEFAULT '', -- date or '' so undated rows sort last
        date_precision INTEGER,
        place TEXT, place_name TEXT, gazetteer_id TEXT, admin1 TEXT, country TEXT,
        geo_precision INTEGER,
        lat REAL, lon REAL,
        killed INTEGER, wounded INTEGER, captured INTEGER,
        killed_text TEXT, wounded_text TEXT,
        actor1 TEXT, actor2 TEXT, reported_by TEXT,
        evidence TEXT NOT NULL DEFAULT '',
        source TEXT, published TEXT, url TEXT, title TEXT, article_id TEXT,
        confidence REAL NOT NULL DEFAULT 0,
        uncertainty_km REAL,
        area TEXT,                         -- GeoJSON geometry as text
        source_count INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX incidents_sort ON incidents (sort_date, n);
    CREATE INDEX incidents_type_date ON incidents (event_type, sort_date);
    CREATE TABLE incident_sources (
        incident_n INTEGER NOT NULL REFERENCES incidents (n) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        evidence TEXT, reported_by TEXT,
        killed INTEGER, wounded INTEGER, captured INTEGER,
        date TEXT, place TEXT, confidence REAL,
        PRIMARY KEY (incident_n, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX incident_sources_article ON incident_sources (article_id);
    CREATE VIRTUAL TABLE incidents_rtree USING rtree (n, min_lon, max_lon, min_lat, max_lat);
    CREATE VIRTUAL TABLE incidents_fts USING fts5 (
        evidence, place, place_name, actor1, actor2, reported_by, title,
        content = 'incidents', content_rowid = 'n'
    );
    CREATE TRIGGER incidents_ai AFTER INSERT ON incidents BEGIN
        INSERT INTO incidents_fts (rowid, evidence, place, place_name, actor1, actor2,
                                   reported_by, title)
        VALUES (new.n, new.evidence, new.place, new.place_name, new.actor1, new.actor2,
                new.reported_by, new.title);
    END;
    CREATE TRIGGER incidents_ad AFTER DELETE ON incidents BEGIN
        INSERT INTO incidents_fts (incidents_fts, rowid, evidence, place, place_name, actor1,
                                   actor2, reported_by, title)
        VALUES ('delete', old.n, old.evidence, old.place, old.place_name, old.actor1,
                old.actor2, old.reported_by, old.title);
        DELETE FROM incidents_rtree WHERE n = old.n;
    END;
    CREATE TRIGGER incidents_au AFTER UPDATE ON incidents BEGIN
        INSERT INTO incidents_fts (incidents_fts, rowid, evidence, place, place_name, actor1,
                                   actor2, reported_by, title)
        VALUES ('delete', old.n, old.evidence, old.place, old.place_name, old.actor1,
                old.actor2, old.reported_by, old.title);
        INSERT INTO incidents_fts (rowid, evidence, place, place_name, actor1, actor2,
                                   reported_by, title)
        VALUES (new.n, new.evidence, new.place, new.place_name, new.actor1, new.actor2,
                new.reported_by, new.title);
    END;
    """,
    # v2: pages, clusters and timelines at a million rows. The R*Tree carries the sort key
    # and filter columns (so a viewport page is chosen without touching incident rows),
    # and two covering indexes serve date-ordered walks and grid aggregation.
    """
    DROP TABLE incidents_rtree;
    CREATE VIRTUAL TABLE incidents_rtree USING rtree (
        n, min_lon, max_lon, min_lat, max_lat, +sort_date, +event_type, +killed
    );
    INSERT INTO incidents_rtree
        SELECT n, lon, lon, lat, lat, sort_date, event_type, killed
        FROM incidents WHERE lat IS NOT NULL AND lon IS NOT NULL;
    CREATE INDEX incidents_page ON incidents (sort_date, n, lon, lat, event_type);
    CREATE INDEX incidents_geo ON incidents (lon, lat, event_type, sort_date, killed);
    DROP INDEX incidents_sort;
    """,
    # v3: a per-zoom grid rollup (zooms 0-8) kept by triggers, so a world-wide cluster view
    # reads a few thousand rollup rows instead of aggregating every incident. Min/max are
    # not shrunk when an incident moves or goes, so a cell's bbox may be slightly large.
    """
    CREATE TABLE grid_levels (level INTEGER PRIMARY KEY, size REAL NOT NULL);
    INSERT INTO grid_levels (level, size) VALUES
        (0, 90.0), (1, 45.0), (2, 22.5), (3, 11.25), (4, 5.625), (5, 2.8125),
        (6, 1.40625), (7, 0.703125), (8, 0.3515625);
    CREATE TABLE grid_rollup (
        level INTEGER NOT NULL, cx INTEGER NOT NULL, cy INTEGER NOT NULL,
        event_type TEXT NOT NULL,
        count INTEGER NOT NULL, killed INTEGER NOT NULL,
        sum_lat REAL NOT NULL, sum_lon REAL NOT NULL,
        min_lon REAL NOT NULL, min_lat REAL NOT NULL, max_lon REAL NOT NULL,
        max_lat REAL NOT NULL,
        PRIMARY KEY (level, cx, cy, event_type)
    ) WITHOUT ROWID;
    INSERT INTO grid_rollup
        SELECT g.level, CAST((i.lon + 180.0) / g.size AS INTEGER) AS cx,
               CAST((i.lat + 90.0) / g.size AS INTEGER) AS cy, i.event_type, count(*),
               sum(coalesce(i.killed, 0)), sum(i.lat), sum(i.lon), min(i.lon), min(i.lat),
               max(i.lon), max(i.lat)
        FROM incidents i, grid_levels g WHERE i.lat IS NOT NULL AND i.lon IS NOT NULL
        GROUP BY g.level, cx, cy, i.event_type;
    CREATE TRIGGER grid_ai AFTER INSERT ON incidents
    WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL BEGIN
        INSERT INTO grid_rollup
            SELECT level, CAST((new.lon + 180.0) / size AS INTEGER),
                   CAST((new.lat + 90.0) / size AS INTEGER), new.event_type, 1,
                   coalesce(new.killed, 0), new.lat, new.lon, new.lon, new.lat, new.lon,
                   new.lat
            FROM grid_levels WHERE true
        ON CONFLICT (level, cx, cy, event_type) DO UPDATE SET
            count = count + 1, killed = killed + excluded.killed,
            sum_lat = sum_lat + excluded.sum_lat, sum_lon = sum_lon + excluded.sum_lon,
            min_lon = min(min_lon, excluded.min_lon), min_lat = min(min_lat, excluded.min_lat),
            max_lon = max(max_lon, excluded.max_lon), max_lat = max(max_lat, excluded.max_lat);
    END;
    CREATE TRIGGER grid_ad AFTER DELETE ON incidents
    WHEN old.lat IS NOT NULL AND old.lon IS NOT NULL BEGIN
        UPDATE grid_rollup SET count = count - 1, killed = killed - coalesce(old.killed, 0),
            sum_lat = sum_lat - old.lat, sum_lon = sum_lon - old.lon
        WHERE event_type = old.event_type AND (level, cx, cy) IN (
            SELECT level, CAST((old.lon + 180.0) / size AS INTEGER),
                   CAST((old.lat + 90.0) / size AS INTEGER) FROM grid_levels);
        DELETE FROM grid_rollup WHERE count <= 0 AND event_type = old.event_type
            AND (level, cx, cy) IN (
                SELECT level, CAST((old.lon + 180.0) / size AS INTEGER),
                       CAST((old.lat + 90.0) / size AS INTEGER) FROM grid_levels);
    END;
    CREATE TRIGGER grid_au_old AFTER UPDATE OF lat, lon, event_type, killed ON incidents
    WHEN old.lat IS NOT NULL AND old.lon IS NOT NULL BEGIN
        UPDATE grid_rollup SET count = count - 1, killed = killed - coalesce(old.killed, 0),
            sum_lat = sum_lat - old.lat, sum_lon = sum_lon - old.lon
        WHERE event_type = old.event_type AND (level, cx, cy) IN (
            SELECT level, CAST((old.lon + 180.0) / size AS INTEGER),
                   CAST((old.lat + 90.0) / size AS INTEGER) FROM grid_levels);
        DELETE FROM grid_rollup WHERE count <= 0 AND event_type = old.event_type
            AND (level, cx, cy) IN (
                SELECT level, CAST((old.lon + 180.0) / size AS INTEGER),
                       CAST((old.lat + 90.0) / size AS INTEGER) FROM grid_levels);
    END;
    CREATE TRIGGER grid_au_new AFTER UPDATE OF lat, lon, event_type, killed ON incidents
    WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL BEGIN
        INSERT INTO grid_rollup
            SELECT level, CAST((new.lon + 180.0) / size AS INTEGER),
                   CAST((new.lat + 90.0) / size AS INTEGER), new.event_type, 1,
                   coalesce(new.killed, 0), new.lat, new.lon, new.lon, new.lat, new.lon,
                   new.lat
            FROM grid_levels WHERE true
        ON CONFLICT (level, cx, cy, event_type) DO UPDATE SET
            count = count + 1, killed = killed + excluded.killed,
            sum_lat = sum_lat + excluded.sum_lat, sum_lon = sum_lon + excluded.sum_lon,
            min_lon = min(min_lon, excluded.min_lon), min_lat = min(min_lat, excluded.min_lat),
            max_lon = max(max_lon, excluded.max_lon), max_lat = max(max_lat, excluded.max_lat);
    END;
    """,
    # v4: incidents per (day, type, sub-type), kept by triggers: the timeline and the meta
    # counts read a few thousand rows instead of scanning every incident.
    """
    CREATE TABLE day_counts (
        sort_date TEXT NOT NULL, event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (sort_date, event_type, sub_event_type)
    ) WITHOUT ROWID;
    INSERT INTO day_counts
        SELECT sort_date, event_type, sub_event_type, count(*) FROM incidents
        GROUP BY sort_date, event_type, sub_event_type;
    CREATE TRIGGER days_ai AFTER INSERT ON incidents BEGIN
        INSERT INTO day_counts VALUES (new.sort_date, new.event_type, new.sub_event_type, 1)
        ON CONFLICT (sort_date, event_type, sub_event_type) DO UPDATE SET count = count + 1;
    END;
    CREATE TRIGGER days_ad AFTER DELETE ON incidents BEGIN
        UPDATE day_counts SET count = count - 1 WHERE sort_date = old.sort_date
            AND event_type = old.event_type AND sub_event_type = old.sub_event_type;
        DELETE FROM day_counts WHERE sort_date = old.sort_date AND event_type = old.event_type
            AND sub_event_type = old.sub_event_type AND count <= 0;
    END;
    CREATE TRIGGER days_au AFTER UPDATE OF sort_date, event_type, sub_event_type ON incidents
    BEGIN
        UPDATE day_counts SET count = count - 1 WHERE sort_date = old.sort_date
            AND event_type = old.event_type AND sub_event_type = old.sub_event_type;
        DELETE FROM day_counts WHERE sort_date = old.sort_date AND event_type = old.event_type
            AND sub_event_type = old.sub_event_type AND count <= 0;
        INSERT INTO day_counts VALUES (new.sort_date, new.event_type, new.sub_event_type, 1)
        ON CONFLICT (sort_date, event_type, sub_event_type) DO UPDATE SET count = count + 1;
    END;
    """,
    # v5: date-ordered and type-ordered indexes also cover the cluster columns, so grid
    # aggregation under a date filter never reads incident rows.
    """
    DROP INDEX incidents_page;
    CREATE INDEX incidents_page ON incidents (sort_date, n, lon, lat, event_type, killed);
    DROP INDEX incidents_type_date;
    CREATE INDEX incidents_type_date ON incidents (event_type, sort_date, lon, lat, killed);
    """,
    # v6: `q` also finds an incident by what its other reports said (their evidence,
    # attribution and headline), not only by the primary report's. Ingest keeps
    # other_evidence in step when an article merges into a stored incident.
    """
    ALTER TABLE incidents ADD COLUMN other_evidence TEXT NOT NULL DEFAULT '';
    DROP TRIGGER incidents_ai;
    DROP TRIGGER incidents_ad;
    DROP TRIGGER incidents_au;
    DROP TABLE incidents_fts;
    -- filled before the new index and its triggers exist: an update trigger would
    -- 'delete' rows the new external-content index never held
    UPDATE incidents SET other_evidence = (""" + OTHER_EVIDENCE + """) WHERE source_count > 1;
    CREATE VIRTUAL TABLE incidents_fts USING fts5 (
        evidence, place, place_name, actor1, actor2, reported_by, title, other_evidence,
        content = 'incidents', content_rowid = 'n'
    );
    CREATE TRIGGER incidents_ai AFTER INSERT ON incidents BEGIN
        INSERT INTO incidents_fts (rowid, evidence, place, place_name, actor1, actor2,
                                   reported_by, title, other_evidence)
        VALUES (new.n, new.evidence, new.place, new.place_name, new.actor1, new.actor2,
                new.reported_by, new.title, new.other_evidence);
    END;
    CREATE TRIGGER incidents_ad AFTER DELETE ON incidents BEGIN
        INSERT INTO incidents_fts (incidents_fts, rowid, evidence, place, place_name, actor1,
                                   actor2, reported_by, title, other_evidence)
        VALUES ('delete', old.n, old.evidence, old.place, old.place_name, old.actor1,
                old.actor2, old.reported_by, old.title, old.other_evidence);
        DELETE FROM incidents_rtree WHERE n = old.n;
    END;
    CREATE TRIGGER incidents_au AFTER UPDATE ON incidents BEGIN
        INSERT INTO incidents_fts (incidents_fts, rowid, evidence, place, place_name, actor1,
                                   actor2, reported_by, title, other_evidence)
        VALUES ('delete', old.n, old.evidence, old.place, old.place_name, old.actor1,
                old.actor2, old.reported_by, old.title, old.other_evidence);
        INSERT INTO incidents_fts (rowid, evidence, place, place_name, actor1, actor2,
                                   reported_by, title, other_evidence)
        VALUES (new.n, new.evidence, new.place, new.place_name, new.actor1, new.actor2,
                new.reported_by, new.title, new.other_evidence);
    END;
    INSERT INTO incidents_fts (incidents_fts) VALUES ('rebuild');
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


# Triggers that keep derived tables (FTS, grid rollup, day counts) in step row by row.
DERIVED_TRIGGERS = ("incidents_ai", "grid_ai", "days_ai")
REBUILD_DERIVED: tuple[str, ...] = (
    "INSERT INTO incidents_fts (incidents_fts) VALUES ('rebuild')",
    "DELETE FROM grid_rollup",
    """INSERT INTO grid_rollup
        SELECT g.level, CAST((i.lon + 180.0) / g.size AS INTEGER) AS cx,
               CAST((i.lat + 90.0) / g.size AS INTEGER) AS cy, i.event_type, count(*),
               sum(coalesce(i.killed, 0)), sum(i.lat), sum(i.lon), min(i.lon), min(i.lat),
               max(i.lon), max(i.lat)
        FROM incidents i, grid_levels g WHERE i.lat IS NOT NULL AND i.lon IS NOT NULL
        GROUP BY g.level, cx, cy, i.event_type""",
    "DELETE FROM day_counts",
    """INSERT INTO day_counts
        SELECT sort_date, event_type, sub_event_type, count(*) FROM incidents
        GROUP BY sort_date, event_type, sub_event_type""",
)


def resolve_db_path(db_path: str | os.PathLike[str] | None = None) -> Path:
    """--db, else $GEOMAP_DB, else ./geomap.db."""
    return Path(db_path or os.environ.get("GEOMAP_DB") or DEFAULT_DB)


def _connect(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False,
                               timeout=30.0)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA cache_size = -65536")  # 64 MiB page cache per connection
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    except sqlite3.Error as error:
        raise StoreError(f"cannot open store {path}: {error}") from None
    if mode.lower() != "wal":
        raise StoreError(f"cannot open store {path}: WAL journal mode unavailable ({mode})")
    return conn


def migrate(conn: sqlite3.Connection) -> int:
    """Apply pending migrations in order, each in its own transaction; return the version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"store schema version {version} is newer than this geomap ({SCHEMA_VERSION})"
        )
    for target in range(version + 1, SCHEMA_VERSION + 1):
        script = MIGRATIONS[target - 1]
        try:
            conn.execute("BEGIN IMMEDIATE")
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            if current >= target:  # another process migrated meanwhile
                conn.execute("COMMIT")
                continue
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {target}")
            conn.execute("COMMIT")
        except sqlite3.Error as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(f"cannot migrate store to version {target}: {error}") from None
    return conn.execute("PRAGMA user_version").fetchone()[0]


def _statements(script: str) -> Iterator[str]:
    """Split a script into statements (executescript would commit our transaction)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    if buffer.strip():
        yield buffer.strip()


class Store:
    """An opened, migrated store; `conn` is this thread's connection."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = resolve_db_path(path)
        if self.path.parent and not self.path.parent.exists():
            raise StoreError(f"cannot open store {self.path}: no such directory")
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self.version = migrate(self.conn)

    @property
    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self.connect()
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def connect(self) -> sqlite3.Connection:
        """A fresh connection, for long reads (streamed exports) that outlive a request."""
        return _connect(self.path)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception: all or nothing."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    @contextmanager
    def bulk_load(self) -> Iterator[sqlite3.Connection]:
        """One transaction for a bulk INSERT of incidents (benchmarks, imports).

        The per-row insert triggers of the derived tables are dropped, and the derived
        tables rebuilt in one pass at the end, with the triggers restored: all in the same
        transaction, so a failure leaves the store as it was. The caller still writes
        incident_sources and incidents_rtree rows itself.
        """
        conn = self.conn
        with self.transaction():
            triggers = conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
                f"({','.join('?' * len(DERIVED_TRIGGERS))})", DERIVED_TRIGGERS).fetchall()
            for name, _ in triggers:
                conn.execute(f"DROP TRIGGER {name}")
            yield conn
            for statement in REBUILD_DERIVED:
                conn.execute(statement)
            for _, sql in triggers:
                conn.execute(sql)

    def counts(self) -> dict[str, int]:
        conn = self.conn
        return {
            "incidents": conn.execute("SELECT count(*) FROM incidents").fetchone()[0],
            "articles": conn.execute("SELECT count(*) FROM articles").fetchone()[0],
        }

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()
            self._all.clear()
        self._local = threading.local()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(db_path: str | os.PathLike[str] | None = None) -> Store:
    """Open (creating and migrating if needed) the store at db_path / $GEOMAP_DB / ./geomap.db."""
    return Store(db_path)
