"""The REST API: incidents (filters, keyset pages), clusters, timeline, meta, uploads, exports.

Every failure is a JSON {"error": "..."} with a 4xx status that says what to fix; a
rejected request never changes the store.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request

from geomap.errors import GeomapError, StoreError
from geomap.model import Article, feature_collection
from geomap.store import Filters, clusters, get_incident, meta, query_incidents, timeline
from geomap.store.export import export_filename, iter_csv, iter_geojson
from geomap.store.ingest import ExtractionError, article_id_for, ingest_article
from geomap.store.query import FilterError, features_by_n, parse_date, parse_limit, parse_zoom

bp = Blueprint("api", __name__)
GEOJSON = "application/geo+json"
ARTICLE_FIELDS = ("published", "source", "url", "title")


class BadRequest(GeomapError):
    """Malformed input to an endpoint; becomes a 400 with this message."""


def _state() -> Any:
    return current_app.extensions["geomap"]


def _error(message: str, status: int) -> tuple[Response, int]:
    return jsonify(error=message), status


@bp.errorhandler(FilterError)
@bp.errorhandler(BadRequest)
def bad_request(error: GeomapError) -> tuple[Response, int]:
    return _error(str(error), 400)


@bp.errorhandler(StoreError)
def store_error(error: StoreError) -> tuple[Response, int]:
    return _error(str(error), 503)


def _geojson(payload: dict[str, Any], status: int = 200) -> Response:
    response = jsonify(payload)
    response.status_code = status
    response.mimetype = GEOJSON
    return response


# --- reads --------------------------------------------------------------------------


@bp.get("/api/incidents")
def incidents() -> Response:
    filters = Filters.from_args(request.args)
    limit = parse_limit(request.args.get("limit"))
    page = query_incidents(_state().store, filters, limit=limit,
                           cursor=request.args.get("cursor") or None)
    return _geojson(page.to_geojson())


@bp.get("/api/incidents/<incident_id>")
def incident(incident_id: str) -> Any:
    feat = get_incident(_state().store, incident_id)
    if feat is None:
        return _error(f"no incident with id {incident_id!r}", 404)
    return _geojson(feat)


@bp.get("/api/clusters")
def grid_clusters() -> Response:
    filters = Filters.from_args(request.args)
    zoom = parse_zoom(request.args.get("zoom"))
    return _geojson(clusters(_state().store, filters, zoom))


@bp.get("/api/timeline")
def day_counts() -> Response:
    return jsonify(days=timeline(_state().store, Filters.from_args(request.args)))


@bp.get("/api/meta")
def store_meta() -> Response:
    return jsonify(meta(_state().store))


@bp.get("/openapi.json")
def openapi() -> Response:
    from geomap.web.openapi import spec

    return jsonify(spec())


# --- exports ------------------------------------------------------------------------


def _attachment(chunks: Any, fmt: str, mimetype: str) -> Response:
    response = Response(chunks, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{export_filename(fmt)}"'
    return response


@bp.get("/export.geojson")
def export_geojson() -> Response:
    filters = Filters.from_args(request.args)
    return _attachment(iter_geojson(_state().store, filters), "geojson", GEOJSON)


@bp.get("/export.csv")
def export_csv() -> Response:
    filters = Filters.from_args(request.args)
    response = _attachment(iter_csv(_state().store, filters), "csv", "text/csv")
    response.charset = "utf-8"
    return response


# --- uploads ------------------------------------------------------------------------


@bp.post("/api/articles")
def post_article() -> Any:
    article = _article_from_request()
    state = _state()
    try:
        with state.write_lock:
            result = ingest_article(state.store, article, state.extractor)
    except ExtractionError as error:
        return _error(f"could not extract incidents: {error}", 422)
    body = {
        "article_id": result.article_id,
        "duplicate": result.duplicate,
        "incidents": feature_collection(features_by_n(state.store, result.incident_ns)),
    }
    return jsonify(body), (200 if result.duplicate else 201)


def _article_from_request() -> Article:
    """The uploaded Article, or BadRequest saying precisely what is wrong."""
    mimetype = request.mimetype
    if mimetype == "application/json":
        fields = _json_fields()
    elif mimetype == "multipart/form-data":
        fields = _multipart_fields()
    elif mimetype == "text/plain":
        fields = {name: request.args.get(name) for name in ARTICLE_FIELDS}
        fields["text"] = _decode(request.get_data(cache=False), "request body")
    else:
        shown = mimetype or "none"
        raise BadRequest(f"unsupported content type {shown!r}: send application/json "
                         "{\"text\": ...}, text/plain, or multipart/form-data with a file")
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadRequest("the article text is missing or blank")
    published = _published(fields.get("published"))
    for name in ("source", "url", "title"):
        if fields.get(name) is not None and not isinstance(fields[name], str):
            raise BadRequest(f"{name} must be a string")
    return Article(text=text, id=article_id_for(text), published=published,
                   source=fields.get("source") or None, url=fields.get("url") or None,
                   title=fields.get("title") or None)


def _json_fields() -> dict[str, Any]:
    raw = request.get_data(cache=False)
    if not raw.strip():
        raise BadRequest("the request body is empty")
    try:
        payload = json.loads(_decode(raw, "request body"))
    except json.JSONDecodeError as error:
        raise BadRequest(f"malformed JSON: {error}") from None
    if not isinstance(payload, dict):
        raise BadRequest("the JSON body must be an object like {\"text\": \"...\"}")
    unknown = sorted(set(payload) - {"text", *ARTICLE_FIELDS})
    if unknown:
        raise BadRequest(f"unknown field(s): {', '.join(unknown)}")
    if "text" in payload and not isinstance(payload["text"], str):
        raise BadRequest("text must be a string")
    return payload


def _multipart_fields() -> dict[str, Any]:
    files = list(request.files.values())
    if len(files) != 1:
        raise BadRequest(f"send exactly one file in the multipart upload, got {len(files)}")
    fields: dict[str, Any] = {name: request.form.get(name) for name in ARTICLE_FIELDS}
    upload = files[0]
    fields["text"] = _decode(upload.read(), f"file {upload.filename or 'upload'!r}")
    return fields


def _decode(raw: bytes, what: str) -> str:
    if not raw:
        raise BadRequest(f"the {what} is empty")
    if b"\x00" in raw:
        raise BadRequest(f"the {what} is binary (it contains NUL bytes); send UTF-8 text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadRequest(
            f"the {what} is not UTF-8 text (undecodable byte at offset {error.start})"
        ) from None


def _published(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise BadRequest("published must be a date string YYYY-MM-DD")
    try:
        return parse_date("published", value)
    except FilterError as error:
        raise BadRequest(str(error)) from None
