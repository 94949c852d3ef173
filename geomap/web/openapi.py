"""The OpenAPI 3.1 description of the API, kept next to it and checked by a test.

A test validates this document and checks that every API route Flask knows is described,
so the description cannot silently drift from the code.
"""

from __future__ import annotations

from typing import Any

from geomap import __version__
from geomap.model import PROPERTY_NAMES
from geomap.store.export import CSV_COLUMNS, EXPORT_PROPERTIES
from geomap.store.query import DEFAULT_LIMIT, MAX_LIMIT, MAX_ZOOM
from geomap.taxonomy import EVENT_TYPES, TAXONOMY

SUB_TYPES = sorted({s for subs in TAXONOMY.values() for s in subs})


def _param(name: str, description: str, schema: dict[str, Any], *,
           required: bool = False, where: str = "query", **extra: Any) -> dict[str, Any]:
    return {"name": name, "in": where, "required": required, "description": description,
            "schema": schema, **extra}


FILTERS = [
    _param("bbox", "Viewport minLon,minLat,maxLon,maxLat (WGS84 degrees); minLon > maxLon "
           "crosses the antimeridian (RFC 7946, 5.2).",
           {"type": "string", "pattern": r"^[^,]+,[^,]+,[^,]+,[^,]+$"},
           example="44.5,38.5,47.5,41.5"),
    _param("start", "First date, inclusive.", {"type": "string", "format": "date"}),
    _param("end", "Last date, inclusive.", {"type": "string", "format": "date"}),
    _param("type", "Event type; repeatable or comma-separated.",
           {"type": "array", "items": {"type": "string", "enum": list(EVENT_TYPES)}},
           style="form", explode=True),
    _param("sub_type", "Sub-event type; repeatable or comma-separated.",
           {"type": "array", "items": {"type": "string", "enum": SUB_TYPES}},
           style="form", explode=True),
    _param("q", "Text search (every word, prefix match) over evidence, place, actors, "
                "title, and what the incident's other reports said.",
           {"type": "string", "maxLength": 500}),
]

ERROR = {"type": "object", "required": ["error"],
         "properties": {"error": {"type": "string"}}}


def _error(description: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_INT = {"type": ["integer", "null"]}
NULLABLE_NUMBER = {"type": ["number", "null"]}
PROPERTY_SCHEMAS: dict[str, Any] = {
    name: NULLABLE_STRING for name in PROPERTY_NAMES
} | {
    "id": {"type": "string"}, "event_type": {"type": "string", "enum": list(EVENT_TYPES)},
    "sub_event_type": {"type": "string"}, "evidence": {"type": "string"},
    "date": {"type": ["string", "null"], "format": "date"},
    "published": {"type": ["string", "null"], "format": "date"},
    "date_precision": NULLABLE_INT, "geo_precision": NULLABLE_INT, "killed": NULLABLE_INT,
    "wounded": NULLABLE_INT, "captured": NULLABLE_INT, "lat": NULLABLE_NUMBER,
    "lon": NULLABLE_NUMBER, "confidence": {"type": "number"},
    "uncertainty_km": NULLABLE_NUMBER,
    "area": {"type": ["object", "null"], "description": "GeoJSON geometry of the area/line"},
}

SCHEMAS: dict[str, Any] = {
    "Error": ERROR,
    "Point": {"type": "object", "required": ["type", "coordinates"], "properties": {
        "type": {"const": "Point"},
        "coordinates": {"type": "array", "items": {"type": "number"}, "minItems": 2,
                        "maxItems": 2, "description": "[lon, lat], 6 decimals"}}},
    "Source": {"type": "object", "properties": {
        "article_id": {"type": "string"}, "source": NULLABLE_STRING, "url": NULLABLE_STRING,
        "title": NULLABLE_STRING, "published": NULLABLE_STRING,
        "reported_by": NULLABLE_STRING}},
    "IncidentProperties": {
        "type": "object",
        "properties": PROPERTY_SCHEMAS | {
            "sources": {"type": "array", "items": {"$ref": "#/components/schemas/Source"}},
            "source_count": {"type": "integer", "minimum": 1}},
    },
    "Incident": {"type": "object", "required": ["type", "id", "geometry", "properties"],
                 "properties": {
                     "type": {"const": "Feature"}, "id": {"type": "string"},
                     "geometry": {"oneOf": [{"$ref": "#/components/schemas/Point"},
                                            {"type": "null"}]},
                     "properties": {"$ref": "#/components/schemas/IncidentProperties"}}},
    "IncidentCollection": {"type": "object", "required": ["type", "features"], "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {"type": "array", "items": {"$ref": "#/components/schemas/Incident"}},
        "next_cursor": {"type": ["string", "null"],
                        "description": "Pass as `cursor` for the next page; null when done."}}},
    "Cluster": {"type": "object", "properties": {
        "type": {"const": "Feature"}, "id": {"type": "string", "description": "zoom/cx/cy"},
        "geometry": {"$ref": "#/components/schemas/Point"},
        "properties": {"type": "object", "properties": {
            "count": {"type": "integer"}, "killed": {"type": "integer"},
            "types": {"type": "object", "additionalProperties": {"type": "integer"}},
            "bbox": {"type": "array", "items": {"type": "number"}, "minItems": 4,
                     "maxItems": 4}}}}},
    "ArticleUpload": {"type": "object", "required": ["text"], "additionalProperties": False,
                      "properties": {
                          "text": {"type": "string", "minLength": 1},
                          "published": {"type": ["string", "null"], "format": "date"},
                          "source": NULLABLE_STRING, "url": NULLABLE_STRING,
                          "title": NULLABLE_STRING}},
    "ArticleResult": {"type": "object", "required": ["article_id", "duplicate", "incidents"],
                      "properties": {
                          "article_id": {"type": "string"}, "duplicate": {"type": "boolean"},
                          "incidents": {"$ref": "#/components/schemas/IncidentCollection"}}},
}

GEOJSON_REF = {"application/geo+json": {"schema": {
    "$ref": "#/components/schemas/IncidentCollection"}}}


def _export(fmt: str, mimetype: str, description: str) -> dict[str, Any]:
    return {"get": {
        "summary": f"Download the filtered incidents as {fmt} (streamed)",
        "description": description,
        "operationId": f"export_{fmt.lower()}",
        "parameters": FILTERS,
        "responses": {
            "200": {"description": "An attachment geomap-incidents-YYYYMMDD." + fmt.lower(),
                    "headers": {"Content-Disposition": {"schema": {"type": "string"}}},
                    "content": {mimetype: {"schema": {"type": "string"}}}},
            "400": _error("A filter value is malformed."),
        }}}


def spec() -> dict[str, Any]:
    """The OpenAPI 3.1 document served at /openapi.json."""
    upload_fields = ", ".join(("published", "source", "url", "title"))
    return {
        "openapi": "3.1.0",
        "info": {"title": "geomap API", "version": __version__,
                 "description": "Located, dated conflict incidents extracted from news."},
        "paths": {
            "/api/incidents": {"get": {
                "summary": "Incidents matching the filters, newest first, one page",
                "operationId": "list_incidents",
                "parameters": [*FILTERS,
                               _param("limit", "Page size.", {
                                   "type": "integer", "minimum": 1, "maximum": MAX_LIMIT,
                                   "default": DEFAULT_LIMIT}),
                               _param("cursor", "Opaque cursor from `next_cursor`.",
                                      {"type": "string"})],
                "responses": {"200": {"description": "A FeatureCollection page",
                                      "content": GEOJSON_REF},
                              "400": _error("A filter, limit or cursor is malformed.")}}},
            "/api/incidents/{incident_id}": {"get": {
                "summary": "One incident",
                "operationId": "get_incident",
                "parameters": [_param("incident_id", "Incident id", {"type": "string"},
                                      required=True, where="path")],
                "responses": {"200": {"description": "A Feature", "content": {
                    "application/geo+json": {"schema": {
                        "$ref": "#/components/schemas/Incident"}}}},
                              "404": _error("No such incident.")}}},
            "/api/clusters": {"get": {
                "summary": "Incident counts per grid cell for zoomed-out views",
                "description": "Cell edge is 90/2^zoom degrees; one Point per occupied cell "
                               "at the members' mean position.",
                "operationId": "clusters",
                "parameters": [*FILTERS, _param(
                    "zoom", "Map zoom level", {"type": "integer", "minimum": 0,
                                               "maximum": MAX_ZOOM}, required=True)],
                "responses": {"200": {"description": "A FeatureCollection of cells",
                                      "content": {"application/geo+json": {"schema": {
                                          "type": "object", "properties": {
                                              "type": {"const": "FeatureCollection"},
                                              "zoom": {"type": "integer"},
                                              "cell_degrees": {"type": "number"},
                                              "features": {"type": "array", "items": {
                                                  "$ref": "#/components/schemas/Cluster"}}}}}}},
                              "400": _error("A filter or the zoom is malformed.")}}},
            "/api/timeline": {"get": {
                "summary": "Incident counts per day",
                "operationId": "timeline",
                "parameters": FILTERS,
                "responses": {"200": {"description": "[[YYYY-MM-DD, count], ...] by date",
                                      "content": {"application/json": {"schema": {
                                          "type": "object", "properties": {"days": {
                                              "type": "array", "items": {
                                                  "type": "array",
                                                  "prefixItems": [{"type": "string"},
                                                                  {"type": "integer"}]}}}}}}},
                              "400": _error("A filter value is malformed.")}}},
            "/api/meta": {"get": {
                "summary": "Event taxonomy with counts, date range and totals",
                "operationId": "meta",
                "responses": {"200": {"description": "Store summary", "content": {
                    "application/json": {"schema": {"type": "object", "properties": {
                        "event_types": {"type": "array", "items": {"type": "object"}},
                        "date_range": {"type": "object", "properties": {
                            "start": NULLABLE_STRING, "end": NULLABLE_STRING}},
                        "total": {"type": "integer"},
                        "articles": {"type": "integer"}}}}}}}}},
            "/api/articles": {"post": {
                "summary": "Store an article and extract its incidents",
                "description": "JSON, a text/plain body (metadata in the query string: "
                               f"{upload_fields}) or a multipart file (metadata as form "
                               "fields). Same text twice is a duplicate: nothing changes.",
                "operationId": "post_article",
                "parameters": [_param(name, "Article metadata for text/plain uploads",
                                      {"type": "string"}) for name in
                               ("published", "source", "url", "title")],
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": {
                        "$ref": "#/components/schemas/ArticleUpload"}},
                    "text/plain": {"schema": {"type": "string"}},
                    "multipart/form-data": {"schema": {"type": "object", "properties": {
                        "file": {"type": "string", "contentMediaType": "text/plain"},
                        "published": {"type": "string", "format": "date"},
                        "source": {"type": "string"}, "url": {"type": "string"},
                        "title": {"type": "string"}}}}}},
                "responses": {
                    "201": {"description": "Stored", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/ArticleResult"}}}},
                    "200": {"description": "Duplicate: already stored, nothing changed",
                            "content": {"application/json": {"schema": {
                                "$ref": "#/components/schemas/ArticleResult"}}}},
                    "400": _error("Empty, binary, malformed or missing text, bad date, "
                                  "wrong content type."),
                    "413": _error("Body larger than the upload limit."),
                    "422": _error("The extractor failed on this text; nothing stored."),
                }}},
            "/export.geojson": _export(
                "GeoJSON", "application/geo+json",
                "RFC 7946, flat properties: " + ", ".join(EXPORT_PROPERTIES)
                + ". `area_geojson` and `sources_json` are JSON strings."),
            "/export.csv": _export("CSV", "text/csv",
                                   "ACLED-style columns: " + ", ".join(CSV_COLUMNS)),
            "/healthz": {"get": {
                "summary": "Liveness and store counts", "operationId": "healthz",
                "responses": {"200": {"description": "ok", "content": {"application/json": {
                    "schema": {"type": "object", "properties": {
                        "status": {"const": "ok"}, "incidents": {"type": "integer"},
                        "articles": {"type": "integer"}}}}}}}}},
            "/openapi.json": {"get": {
                "summary": "This document", "operationId": "openapi",
                "responses": {"200": {"description": "OpenAPI 3.1",
                                      "content": {"application/json": {}}}}}},
        },
        "components": {"schemas": SCHEMAS},
    }
