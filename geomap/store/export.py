"""Streaming exports: GeoJSON (RFC 7946), ACLED-style CSV and GeoPackage.

Rows come from a dedicated connection's cursor in fixed-size batches, so a million
incidents export in bounded memory. Export properties are flat so GDAL, QGIS and
geopandas read them cleanly: the area geometry becomes the JSON string `area_geojson`
and the sources list the JSON string `sources_json` (the API keeps both nested).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from geomap.errors import GeomapError
from geomap.model import PROPERTY_NAMES
from geomap.store.db import Store
from geomap.store.query import Filters, where

FORMATS = ("geojson", "csv", "gpkg")
BATCH = 2000

# Export property order: the API's properties, with the nested ones flattened.
EXPORT_PROPERTIES: tuple[str, ...] = (
    *(name for name in PROPERTY_NAMES if name != "area"),
    "source_count",
    "sources_json",
    "area_geojson",
)

CSV_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "source", "notes", "fatalities", "wounded", "captured",
    "source_count", "source_url",
)

_SOURCES_SQL = (
    "(SELECT json_group_array(json_object('article_id', a.id, 'source', a.source, 'url', a.url, "
    "'title', a.title, 'published', a.published, 'reported_by', s.reported_by)) "
    "FROM incident_sources s JOIN articles a ON a.id = s.article_id WHERE s.incident_n = i.n)"
)


def export_filename(fmt: str, today: datetime | None = None) -> str:
    day = (today or datetime.now(UTC)).strftime("%Y%m%d")
    return f"geomap-incidents-{day}.{fmt}"


def iter_rows(store: Store, filters: Filters | None = None) -> Iterator[dict[str, Any]]:
    """Flat export records, newest first, from a server-side cursor on its own connection."""
    conn = store.connect()
    try:
        sql, params = where(filters or Filters())
        columns = ", ".join(f"i.{name}" for name in PROPERTY_NAMES)
        cursor = conn.execute(
            f"SELECT {columns}, i.source_count, {_SOURCES_SQL} AS sources_json "
            f"FROM incidents i WHERE {sql} ORDER BY i.sort_date DESC, i.n DESC", params)
        names = [d[0] for d in cursor.description]
        while batch := cursor.fetchmany(BATCH):
            for row in batch:
                record = dict(zip(names, row, strict=True))
                record["area_geojson"] = record.pop("area")
                yield record
    finally:
        conn.close()


def _geometry(record: dict[str, Any]) -> dict[str, Any] | None:
    if record["lat"] is None or record["lon"] is None:
        return None
    return {"type": "Point", "coordinates": [round(record["lon"], 6), round(record["lat"], 6)]}


def iter_geojson(store: Store, filters: Filters | None = None) -> Iterator[str]:
    """The filtered incidents as a streamed GeoJSON FeatureCollection."""
    return geojson_chunks(iter_rows(store, filters))


def geojson_chunks(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A FeatureCollection as text chunks (one per batch of features)."""
    yield '{"type":"FeatureCollection","features":[\n'
    first = True
    chunk: list[str] = []
    for record in records:
        feat = {"type": "Feature", "id": record["id"], "geometry": _geometry(record),
                "properties": {name: record[name] for name in EXPORT_PROPERTIES}}
        chunk.append(("" if first else ",\n") + json.dumps(feat, ensure_ascii=False,
                                                           separators=(",", ":")))
        first = False
        if len(chunk) >= BATCH:
            yield "".join(chunk)
            chunk = []
    if chunk:
        yield "".join(chunk)
    yield "\n]}\n"


def csv_record(record: dict[str, Any]) -> list[Any]:
    day = record["date"] or ""
    return [
        record["id"], day, day[:4], record["date_precision"], record["event_type"],
        record["sub_event_type"], record["actor1"], record["actor2"], record["country"],
        record["admin1"], record["place_name"] or record["place"], record["lat"],
        record["lon"], record["geo_precision"], record["source"], record["evidence"],
        record["killed"], record["wounded"], record["captured"], record["source_count"],
        record["url"],
    ]


def iter_csv(store: Store, filters: Filters | None = None) -> Iterator[str]:
    """The filtered incidents as streamed ACLED-style CSV."""
    return csv_chunks(iter_rows(store, filters))


def csv_chunks(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """CSV text chunks: a header, then one chunk per batch of rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for count, record in enumerate(records, 1):
        writer.writerow(csv_record(record))
        if count % BATCH == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _write_text(chunks: Iterator[str], out: TextIO) -> None:
    for chunk in chunks:
        out.write(chunk)


def _write_gpkg(store: Store, filters: Filters, out_path: Path) -> int:
    import geopandas as gpd
    import pyogrio
    from shapely.geometry import Point

    if out_path.exists():
        out_path.unlink()
    written = 0
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal written
        frame = gpd.GeoDataFrame(
            [{name: r[name] for name in EXPORT_PROPERTIES} for r in batch],
            columns=list(EXPORT_PROPERTIES),
            geometry=[Point(r["lon"], r["lat"]) if r["lat"] is not None else None
                      for r in batch],
            crs="EPSG:4326",
        )
        pyogrio.write_dataframe(frame, out_path, layer="incidents", driver="GPKG",
                                append=written > 0)
        written += len(batch)
        batch.clear()

    for record in iter_rows(store, filters):
        batch.append(record)
        if len(batch) >= 50_000:
            flush()
    if batch or written == 0:
        flush()
    return written


def export_incidents(store: Store, out_path: str | os.PathLike[str] | TextIO,
                     fmt: str = "geojson", filters: Filters | None = None) -> int:
    """Write the filtered incidents to a file path or text stream; return the count.

    gpkg needs a path (GDAL writes it). The GeoJSON/CSV content is exactly what
    /export.geojson and /export.csv stream.
    """
    filters = filters or Filters()
    if fmt not in FORMATS:
        raise GeomapError(f"unknown export format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    if fmt == "gpkg":
        if not isinstance(out_path, str | os.PathLike):
            raise GeomapError("gpkg export needs a file path, not a stream")
        return _write_gpkg(store, filters, Path(out_path))
    counted = _Counter(iter_rows(store, filters))
    chunks = geojson_chunks(counted) if fmt == "geojson" else csv_chunks(counted)
    if isinstance(out_path, str | os.PathLike):
        try:
            with open(out_path, "w", encoding="utf-8", newline="") as out:
                _write_text(chunks, out)
        except OSError as error:
            raise GeomapError(f"cannot write {out_path}: {error.strerror}") from None
    else:
        _write_text(chunks, out_path)
    return counted.count


class _Counter:
    """Wraps the record iterator to count what was exported."""

    def __init__(self, records: Iterator[dict[str, Any]]) -> None:
        self.records, self.count = records, 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for record in self.records:
            self.count += 1
            yield record

