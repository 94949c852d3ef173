"""Reading the store: filters, keyset pages, viewport, clusters, timeline, meta.

Every read takes the same `Filters`, so the map, the API, the exports and the CLI agree
on what "incidents in this view" means.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from geomap.errors import GeomapError
from geomap.model import Incident, feature_collection
from geomap.store.db import Store
from geomap.store.records import COLUMNS, SELECT_COLUMNS
from geomap.taxonomy import EVENT_TYPES, TAXONOMY

DEFAULT_LIMIT = 500
MAX_LIMIT = 5000
MAX_ZOOM = 22
ROLLUP_MAX_ZOOM = 8  # grid_rollup keeps zooms 0..8 (see migration 3)
SUB_EVENT_TYPES: frozenset[str] = frozenset(s for subs in TAXONOMY.values() for s in subs)
# Bounds on how many R*Tree hits a page query will sort (see _sort_cap).
RTREE_SORT_MIN = 500
RTREE_SORT_MAX = 50_000


class FilterError(GeomapError, ValueError):
    """A filter value is malformed; the message names the parameter and what is wrong."""


@dataclass(frozen=True)
class Filters:
    """Which incidents: all fields optional, combined with AND; types OR'ed within."""

    bbox: tuple[float, float, float, float] | None = None  # minLon, minLat, maxLon, maxLat
    start: date | None = None
    end: date | None = None
    types: tuple[str, ...] = ()
    sub_types: tuple[str, ...] = ()
    q: str | None = None

    @classmethod
    def parse(cls, *, bbox: str | None = None, start: str | None = None,
              end: str | None = None, types: Iterable[str] = (),
              sub_types: Iterable[str] = (), q: str | None = None) -> Filters:
        """Filters from raw strings (query string or CLI); raises FilterError."""
        filters = cls(
            bbox=parse_bbox(bbox) if bbox not in (None, "") else None,
            start=parse_date("start", start) if start else None,
            end=parse_date("end", end) if end else None,
            types=_parse_names("type", types, EVENT_TYPES),
            sub_types=_parse_names("sub_type", sub_types, SUB_EVENT_TYPES),
            q=_parse_q(q),
        )
        if filters.start and filters.end and filters.start > filters.end:
            raise FilterError(f"start {filters.start} is after end {filters.end}")
        return filters

    @classmethod
    def from_args(cls, args: Any) -> Filters:
        """From a werkzeug MultiDict (request.args): type/sub_type repeatable or comma lists."""
        return cls.parse(bbox=args.get("bbox"), start=args.get("start"), end=args.get("end"),
                         types=args.getlist("type"), sub_types=args.getlist("sub_type"),
                         q=args.get("q"))


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    parts = value.split(",")
    if len(parts) != 4:
        raise FilterError(
            f"bbox must be minLon,minLat,maxLon,maxLat (4 numbers), got {len(parts)}: {value!r}")
    try:
        min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
    except ValueError:
        raise FilterError(f"bbox must contain only numbers, got {value!r}") from None
    if not all(math.isfinite(v) for v in (min_lon, min_lat, max_lon, max_lat)):
        raise FilterError(f"bbox must contain finite numbers, got {value!r}")
    if not (-90 <= min_lat <= 90 and -90 <= max_lat <= 90):
        raise FilterError(f"bbox latitudes must be within -90..90, got {value!r}")
    if min_lat > max_lat:
        raise FilterError(f"bbox minLat {min_lat} is greater than maxLat {max_lat}")
    if max_lon - min_lon >= 360:
        return -180.0, min_lat, 180.0, max_lat
    # Longitudes past ±180 (Leaflet's after panning round the world) wrap onto the world;
    # west > east then means the box crosses the antimeridian, as RFC 7946 (5.2) says.
    return _wrapped(min_lon), min_lat, _wrapped(max_lon), max_lat


def _wrapped(lon: float) -> float:
    return lon if -180.0 <= lon <= 180.0 else (lon + 180.0) % 360.0 - 180.0


def lon_spans(bbox: tuple[float, float, float, float]) -> tuple[tuple[float, float], ...]:
    """The bbox's longitude ranges: two when it crosses the antimeridian (west > east)."""
    west, _, east, _ = bbox
    return ((west, east),) if west <= east else ((west, 180.0), (-180.0, east))


def in_bbox(lon: float, lat: float, bbox: tuple[float, float, float, float]) -> bool:
    return bbox[1] <= lat <= bbox[3] and any(w <= lon <= e for w, e in lon_spans(bbox))


def rtree_overlap_sql(bbox: tuple[float, float, float, float],
                      alias: str) -> tuple[str, list[Any]]:
    """SQL for the R*Tree entries that overlap the bbox (either side of the antimeridian),
    and its parameters; `alias` is the R*Tree's table prefix ("r." or "")."""
    spans = lon_spans(bbox)
    lon = " OR ".join(f"({alias}max_lon >= ? AND {alias}min_lon <= ?)" for _ in spans)
    return (f"({lon}) AND {alias}max_lat >= ? AND {alias}min_lat <= ?",
            [v for span in spans for v in span] + [bbox[1], bbox[3]])


def parse_date(name: str, value: str) -> date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise FilterError(f"{name} must be a date YYYY-MM-DD, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise FilterError(f"{name} {value!r} is not a valid date: {error}") from None


def _parse_names(param: str, values: Iterable[str], known: Iterable[str]) -> tuple[str, ...]:
    known = tuple(known)
    names: list[str] = []
    for raw in values:
        for name in (part.strip() for part in raw.split(",")):
            if not name:
                continue
            if name not in known:
                raise FilterError(f"unknown {param} {name!r}; expected one of: "
                                  + ", ".join(sorted(known)))
            if name not in names:
                names.append(name)
    return tuple(names)


def _parse_q(q: str | None) -> str | None:
    if q is None or not q.strip():
        return None
    if not re.search(r"\w", q):
        raise FilterError(f"q must contain at least one letter or digit, got {q!r}")
    if len(q) > 500:
        raise FilterError("q is too long (max 500 characters)")
    return q.strip()


def parse_limit(value: str | None) -> int:
    if value is None or value == "":
        return DEFAULT_LIMIT
    if not re.fullmatch(r"\d+", value.strip()):
        raise FilterError(f"limit must be an integer 1..{MAX_LIMIT}, got {value!r}")
    limit = int(value)
    if not 1 <= limit <= MAX_LIMIT:
        raise FilterError(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
    return limit


def parse_zoom(value: str | None) -> int:
    if value is None or not re.fullmatch(r"\d{1,2}", value.strip()):
        raise FilterError(f"zoom must be an integer 0..{MAX_ZOOM}, got {value!r}")
    zoom = int(value)
    if zoom > MAX_ZOOM:
        raise FilterError(f"zoom must be an integer 0..{MAX_ZOOM}, got {zoom}")
    return zoom


def fts_query(q: str) -> str:
    """A safe FTS5 query: every word must occur (prefix match), no operators."""
    return " ".join(f'"{word}"*' for word in re.findall(r"\w+", q))


def where(filters: Filters, alias: str = "i") -> tuple[str, list[Any]]:
    """SQL conditions (without the bbox R*Tree join) and their parameters."""
    clauses: list[str] = []
    params: list[Any] = []
    if filters.start:
        clauses.append(f"{alias}.sort_date >= ?")
        params.append(filters.start.isoformat())
    if filters.end:
        clauses.append(f"{alias}.sort_date <= ? AND {alias}.sort_date <> ''")
        params.append(filters.end.isoformat())
    if filters.types:
        clauses.append(f"{alias}.event_type IN ({','.join('?' * len(filters.types))})")
        params.extend(filters.types)
    if filters.sub_types:
        clauses.append(f"{alias}.sub_event_type IN ({','.join('?' * len(filters.sub_types))})")
        params.extend(filters.sub_types)
    if filters.q:
        clauses.append(f"{alias}.n IN (SELECT rowid FROM incidents_fts WHERE incidents_fts "
                       "MATCH ?)")
        params.append(fts_query(filters.q))
    if filters.bbox:
        spans = lon_spans(filters.bbox)
        lon = " OR ".join(f"{alias}.lon BETWEEN ? AND ?" for _ in spans)
        clauses.append(f"({lon}) AND {alias}.lat BETWEEN ? AND ?")
        params.extend((*(v for span in spans for v in span), filters.bbox[1], filters.bbox[3]))
    return (" AND ".join(clauses) or "1"), params


def _rtree_hits(conn: sqlite3.Connection, bbox: tuple[float, float, float, float],
                cap: int) -> int:
    """R*Tree hits in the bbox, counting no further than cap + 1."""
    sql, params = rtree_overlap_sql(bbox, "")
    return conn.execute(
        f"SELECT count(*) FROM (SELECT n FROM incidents_rtree WHERE {sql} LIMIT ?)",
        (*params, cap + 1),
    ).fetchone()[0]


def _fts_hits(conn: sqlite3.Connection, q: str, cap: int) -> int:
    """Text-search hits, counting no further than cap + 1."""
    return conn.execute(
        "SELECT count(*) FROM (SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH ? "
        "LIMIT ?)", (fts_query(q), cap + 1)).fetchone()[0]


def _sort_cap(conn: sqlite3.Connection, limit: int) -> int:
    """Most R*Tree hits worth sorting for one page.

    Sorting h hits costs ~h R*Tree reads (~2 us each, measured); walking the covering
    date index until `limit` rows fall in the viewport costs ~limit * total / h index
    entries (~55 ns each). They break even near h = sqrt(limit * total / 36).
    """
    total = conn.execute("SELECT max(n) FROM incidents").fetchone()[0] or 0
    return max(RTREE_SORT_MIN, min(RTREE_SORT_MAX, int(math.sqrt((limit + 1) * total / 36))))


def _rtree_page_sql(filters: Filters) -> tuple[str, list[Any]]:
    """Page candidates straight from the R*Tree and its auxiliary columns.

    Only sub_type needs the incident rows; bbox, dates and types are answered by the
    R*Tree entry itself, q by the full-text index.
    """
    overlap, params = rtree_overlap_sql(filters.bbox, "r.")  # type: ignore[arg-type]
    clauses = [overlap]
    rest = Filters(sub_types=filters.sub_types)
    if filters.start:
        clauses.append("r.sort_date >= ?")
        params.append(filters.start.isoformat())
    if filters.end:
        clauses.append("r.sort_date <= ? AND r.sort_date <> ''")
        params.append(filters.end.isoformat())
    if filters.types:
        clauses.append(f"r.event_type IN ({','.join('?' * len(filters.types))})")
        params.extend(filters.types)
    if filters.q:
        clauses.append("+r.n IN (SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH ?)")
        params.append(fts_query(filters.q))
    source = "incidents_rtree r"
    if rest.sub_types:
        source += " CROSS JOIN incidents i ON i.n = r.n"
        sql, more = where(rest)
        clauses.append(sql)
        params += more
    return f"SELECT r.n AS n, r.sort_date AS sort_date FROM {source} WHERE " + " AND ".join(
        clauses), params


def _page_keys(conn: sqlite3.Connection, filters: Filters, limit: int,
               after: tuple[str, int] | None) -> list[tuple[int, str]]:
    """(rowid, sort_date) of up to limit + 1 incidents, newest first, after the cursor.

    A selective viewport is answered from the R*Tree; a dense one by walking the covering
    date index (incidents_page) until the page is full. Both avoid reading incident rows.
    """
    cap = _sort_cap(conn, limit)
    # With a text filter most viewport rows fail it, so the walk would read many entries
    # per page row: sorting up to RTREE_SORT_MAX hits that pass the text check is cheaper.
    bbox_cap = RTREE_SORT_MAX if filters.q and not filters.sub_types else cap
    use_rtree = bool(filters.bbox) and _rtree_hits(
        conn, filters.bbox, bbox_cap) <= bbox_cap  # type: ignore[arg-type]
    if use_rtree:
        sql, params = _rtree_page_sql(filters)
        key = "r"
    else:
        where_sql, params = where(filters)
        # bbox, dates and types are all in incidents_page (and q is checked against the
        # rowid): walk it in page order, unless a rare word or a sub-type filter makes
        # driving from the text index or the table cheaper: let the planner choose then.
        rare = filters.q is not None and _fts_hits(conn, filters.q, cap) <= cap
        hint = "" if filters.sub_types or rare else " INDEXED BY incidents_page"
        sql = (f"SELECT i.n AS n, i.sort_date AS sort_date FROM incidents i{hint} "
               f"WHERE {where_sql}")
        key = "i"
    if after:
        sql += (f" AND ({key}.sort_date < ? OR ({key}.sort_date = ? AND {key}.n < ?))")
        params += [after[0], after[0], after[1]]
    sql += f" ORDER BY {key}.sort_date DESC, {key}.n DESC LIMIT ?"
    return [(n, d) for n, d in conn.execute(sql, [*params, limit + 1])]


# --- cursors ------------------------------------------------------------------------


def encode_cursor(sort_date: str, n: int) -> str:
    raw = json.dumps([sort_date, n], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        sort_date, n = json.loads(raw)
        if not (isinstance(sort_date, str) and isinstance(n, int) and not isinstance(n, bool)
                and (sort_date == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", sort_date))):
            raise ValueError
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise FilterError(f"cursor {cursor!r} is not a cursor returned by this API") from None
    return sort_date, n


# --- features -----------------------------------------------------------------------


def _sources(conn: sqlite3.Connection, ns: list[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {n: [] for n in ns}
    for chunk in range(0, len(ns), 900):
        part = ns[chunk:chunk + 900]
        rows = conn.execute(
            "SELECT s.incident_n, s.article_id, a.source, a.url, a.title, a.published, "
            "s.reported_by FROM incident_sources s JOIN articles a ON a.id = s.article_id "
            f"WHERE s.incident_n IN ({','.join('?' * len(part))}) "
            "ORDER BY a.published, a.ingested_at, a.id",
            part,
        )
        for row in rows:
            out[row[0]].append({"article_id": row[1], "source": row[2], "url": row[3],
                                "title": row[4], "published": row[5], "reported_by": row[6]})
    return out


def feature(incident: Incident, sources: list[dict[str, Any]]) -> dict[str, Any]:
    """An API Feature: Incident.properties() plus `sources` and `source_count`."""
    feat = incident.to_feature()
    feat["properties"]["sources"] = sources
    feat["properties"]["source_count"] = len(sources)
    return feat


_NCOLS = len(COLUMNS)  # SELECT_COLUMNS is n, *COLUMNS, source_count
_LAT, _LON = 1 + COLUMNS.index("lat"), 1 + COLUMNS.index("lon")


def feature_from_row(row: sqlite3.Row, sources: list[dict[str, Any]]) -> dict[str, Any]:
    """Same as feature(incident_from_row(row), sources), without the detour (hot path)."""
    props = dict(zip(COLUMNS, row[1:_NCOLS + 1], strict=True))  # by position: fast
    if props["area"]:
        props["area"] = json.loads(props["area"])
    props["sources"] = sources
    props["source_count"] = len(sources)
    lat, lon = props["lat"], props["lon"]
    geometry = ({"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}
                if lat is not None and lon is not None else None)
    return {"type": "Feature", "id": props["id"], "geometry": geometry, "properties": props}


def features_for_rows(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    sources = _sources(conn, [row[0] for row in rows])
    return [feature_from_row(row, sources[row[0]]) for row in rows]


def features_by_n(store: Store, ns: list[int]) -> list[dict[str, Any]]:
    if not ns:
        return []
    conn = store.conn
    rows = conn.execute(
        f"SELECT {SELECT_COLUMNS} FROM incidents i WHERE i.n IN ({','.join('?' * len(ns))}) "
        "ORDER BY i.sort_date DESC, i.n DESC", ns).fetchall()
    return features_for_rows(conn, rows)


def get_incident(store: Store, incident_id: str) -> dict[str, Any] | None:
    """One Feature by incident id, or None."""
    conn = store.conn
    row = conn.execute(f"SELECT {SELECT_COLUMNS} FROM incidents i WHERE i.id = ?",
                       (incident_id,)).fetchone()
    return features_for_rows(conn, [row])[0] if row else None


@dataclass
class Page:
    features: list[dict[str, Any]]
    next_cursor: str | None

    def to_geojson(self) -> dict[str, Any]:
        out = feature_collection(self.features)
        out["next_cursor"] = self.next_cursor
        return out


def query_incidents(store: Store, filters: Filters | None = None, *,
                    limit: int = DEFAULT_LIMIT, cursor: str | None = None) -> Page:
    """One page, newest first (date desc, then rowid desc); `next_cursor` None when done.

    Two steps: choose the page's keys from indexes only, then read just those rows.
    """
    conn = store.conn
    filters = filters or Filters()
    keys = _page_keys(conn, filters, limit, decode_cursor(cursor) if cursor else None)
    more = len(keys) > limit
    keys = keys[:limit]
    next_cursor = encode_cursor(keys[-1][1], keys[-1][0]) if more else None
    by_n = {row[0]: row for row in _rows(conn, [n for n, _ in keys])}
    rows = [by_n[n] for n, _ in keys if n in by_n]
    if filters.bbox:  # the R*Tree stores float32 boxes: drop hits just outside the bbox
        rows = [r for r in rows if in_bbox(r[_LON], r[_LAT], filters.bbox)]
    return Page(features_for_rows(conn, rows), next_cursor)


def _rows(conn: sqlite3.Connection, ns: list[int]) -> list[sqlite3.Row]:
    rows: list[sqlite3.Row] = []
    for start in range(0, len(ns), 900):
        part = ns[start:start + 900]
        rows += conn.execute(f"SELECT {SELECT_COLUMNS} FROM incidents i "
                             f"WHERE i.n IN ({','.join('?' * len(part))})", part).fetchall()
    return rows


# --- aggregates for the map ---------------------------------------------------------


def cell_degrees(zoom: int) -> float:
    """Grid cell edge in degrees: about 64 screen pixels at this zoom (256 px tiles)."""
    return 90.0 / (2 ** zoom)


def _cell_range(filters: Filters, size: float
                ) -> tuple[tuple[tuple[int, int], ...], int, int] | None:
    """Cells the bbox touches: ((cx0, cx1) per longitude span, cy0, cy1); None for all."""
    if not filters.bbox:
        return None
    _, min_lat, _, max_lat = filters.bbox
    return (tuple((int((w + 180.0) / size), int((e + 180.0) / size))
                  for w, e in lon_spans(filters.bbox)),
            int((min_lat + 90.0) / size), int((max_lat + 90.0) / size))


def _rollup_rows(conn: sqlite3.Connection, filters: Filters, zoom: int) -> Iterable[tuple]:
    """Per (cell, type) aggregates from the trigger-maintained grid_rollup (migration 3)."""
    clauses, params = ["level = ?"], [zoom]
    cells = _cell_range(filters, cell_degrees(zoom))
    if cells:
        spans, cy0, cy1 = cells
        clauses.append(f"({' OR '.join('cx BETWEEN ? AND ?' for _ in spans)}) "
                       "AND cy BETWEEN ? AND ?")
        params += [*(c for span in spans for c in span), cy0, cy1]
    if filters.types:
        clauses.append(f"event_type IN ({','.join('?' * len(filters.types))})")
        params += filters.types
    return conn.execute(
        "SELECT cx, cy, event_type, count, killed, sum_lat, sum_lon, min_lon, min_lat, "
        f"max_lon, max_lat FROM grid_rollup WHERE {' AND '.join(clauses)}", params)


def _grouped_rows(conn: sqlite3.Connection, filters: Filters, zoom: int) -> Iterable[tuple]:
    """The same aggregates computed from the incidents (any filter, any zoom)."""
    size = cell_degrees(zoom)
    cells = _cell_range(filters, size)
    sql, params = where(replace(filters, bbox=None))
    if cells:  # every incident of every touched cell, as the rollup counts them
        spans, cy0, cy1 = cells
        lon = " OR ".join("(i.lon >= ? AND i.lon < ? AND cx BETWEEN ? AND ?)" for _ in spans)
        sql += f" AND ({lon}) AND i.lat >= ? AND i.lat < ? AND cy BETWEEN ? AND ?"
        for cx0, cx1 in spans:
            params += [cx0 * size - 180.0 - 1e-9, (cx1 + 1) * size - 180.0 + 1e-9, cx0, cx1]
        params += [cy0 * size - 90.0 - 1e-9, (cy1 + 1) * size - 90.0 + 1e-9, cy0, cy1]
    return conn.execute(
        "SELECT CAST((i.lon + 180.0) / ? AS INTEGER) AS cx, "
        "CAST((i.lat + 90.0) / ? AS INTEGER) AS cy, i.event_type, count(*), "
        "sum(coalesce(i.killed, 0)), sum(i.lat), sum(i.lon), min(i.lon), min(i.lat), "
        f"max(i.lon), max(i.lat) FROM incidents i WHERE {sql} AND i.lat IS NOT NULL "
        "AND i.lon IS NOT NULL GROUP BY cx, cy, i.event_type",
        [size, size, *params])


def clusters(store: Store, filters: Filters | None, zoom: int) -> dict[str, Any]:
    """One Point per grid cell the bbox touches, at its incidents' mean position.

    A cell counts all of its incidents, even those just outside the bbox. Without date,
    sub_type or text filters, zooms 0-8 read the precomputed rollup (a world view at a
    million incidents is a few thousand rows); otherwise SQL groups the incidents.
    """
    conn = store.conn
    filters = filters or Filters()
    rollup = (zoom <= ROLLUP_MAX_ZOOM and not filters.start and not filters.end
              and not filters.sub_types and not filters.q)
    rows = (_rollup_rows if rollup else _grouped_rows)(conn, filters, zoom)
    cells: dict[tuple[int, int], dict[str, Any]] = {}
    for cx, cy, event_type, count, killed, slat, slon, x0, y0, x1, y1 in rows:
        cell = cells.setdefault((cx, cy), {"count": 0, "killed": 0, "types": {}, "slat": 0.0,
                                           "slon": 0.0, "bbox": [x0, y0, x1, y1]})
        cell["count"] += count
        cell["killed"] += killed
        cell["types"][event_type] = count
        cell["slat"] += slat
        cell["slon"] += slon
        b = cell["bbox"]
        cell["bbox"] = [min(b[0], x0), min(b[1], y0), max(b[2], x1), max(b[3], y1)]
    features = []
    for (cx, cy), cell in sorted(cells.items()):
        lon, lat = cell.pop("slon") / cell["count"], cell.pop("slat") / cell["count"]
        cell["bbox"] = [round(v, 6) for v in cell["bbox"]]
        features.append({
            "type": "Feature", "id": f"{zoom}/{cx}/{cy}",
            "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
            "properties": cell,
        })
    out = feature_collection(features)
    out["zoom"] = zoom
    out["cell_degrees"] = cell_degrees(zoom)
    return out


def timeline(store: Store, filters: Filters | None = None) -> list[list[Any]]:
    """[[YYYY-MM-DD, count], ...] in date order; undated incidents are left out.

    Without a bbox or text filter this reads the trigger-kept day_counts (migration 4).
    """
    conn = store.conn
    filters = filters or Filters()
    if filters.bbox or filters.q:
        sql, params = where(filters)
        rows = conn.execute(
            f"SELECT i.sort_date, count(*) FROM incidents i WHERE {sql} AND i.sort_date <> ''"
            " GROUP BY i.sort_date ORDER BY i.sort_date", params)
    else:
        sql, params = where(filters, alias="d")
        rows = conn.execute(
            f"SELECT d.sort_date, sum(d.count) FROM day_counts d WHERE {sql} "
            "AND d.sort_date <> '' GROUP BY d.sort_date ORDER BY d.sort_date", params)
    return [[day, count] for day, count in rows]


def meta(store: Store) -> dict[str, Any]:
    """The taxonomy with stored counts, the date range and the total, for the map's UI."""
    conn = store.conn
    counts: dict[tuple[str, str], int] = {
        (t, s): c for t, s, c in conn.execute(
            "SELECT event_type, sub_event_type, sum(count) FROM day_counts "
            "GROUP BY event_type, sub_event_type")
    }
    event_types = []
    for event_type, subs in TAXONOMY.items():
        sub_counts = {s: counts.get((event_type, s), 0) for s in subs}
        event_types.append({"event_type": event_type,
                            "count": sum(c for (t, _), c in counts.items() if t == event_type),
                            "sub_event_types": sub_counts})
    first, last = conn.execute(
        "SELECT min(sort_date), max(sort_date) FROM day_counts WHERE sort_date <> ''"
    ).fetchone()
    return {"event_types": event_types, "date_range": {"start": first, "end": last},
            "total": sum(counts.values()), "articles": store.counts()["articles"]}


def args_filters(args: Mapping[str, Any]) -> Filters:
    """Filters from a plain mapping (e.g. argparse vars): bbox, start, end, type, q."""
    types = args.get("type") or args.get("types") or ()
    if isinstance(types, str):
        types = (types,)
    sub_types = args.get("sub_type") or ()
    if isinstance(sub_types, str):
        sub_types = (sub_types,)
    return Filters.parse(bbox=args.get("bbox"), start=args.get("start"), end=args.get("end"),
                         types=types, sub_types=sub_types, q=args.get("q"))
