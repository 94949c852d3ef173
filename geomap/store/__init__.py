"""The incident store: SQLite schema, ingest with cross-article merge, queries, exports."""

from geomap.store.db import SCHEMA_VERSION, Store, open_store, resolve_db_path
from geomap.store.export import FORMATS, export_incidents, iter_csv, iter_geojson
from geomap.store.ingest import (
    ArticleResult,
    ExtractionError,
    IngestReport,
    ingest,
    ingest_article,
    ingest_paths,
    read_paths,
)
from geomap.store.query import (
    FilterError,
    Filters,
    Page,
    clusters,
    get_incident,
    meta,
    query_incidents,
    timeline,
)

__all__ = [
    "FORMATS",
    "SCHEMA_VERSION",
    "ArticleResult",
    "ExtractionError",
    "FilterError",
    "Filters",
    "IngestReport",
    "Page",
    "Store",
    "clusters",
    "export_incidents",
    "get_incident",
    "ingest",
    "ingest_article",
    "ingest_paths",
    "iter_csv",
    "iter_geojson",
    "meta",
    "open_store",
    "query_incidents",
    "read_paths",
    "resolve_db_path",
    "timeline",
]
