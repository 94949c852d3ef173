"""The Flask app factory and the waitress server.

The app holds one `Store` (per-thread connections) and builds the extractor lazily on the
first upload: loading the gazetteer is slow and a read-only map never needs it.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException, InternalServerError

from geomap.store import Store, ingest_paths, open_store
from geomap.store.ingest import ExtractorLike

DEFAULT_MAX_UPLOAD = 2 * 1024 * 1024
# seeds/ of the checkout this package sits in; GEOMAP_SEEDS overrides it.
DEFAULT_SEEDS = Path(__file__).resolve().parents[2] / "seeds"
EXTENSION = "geomap"
log = logging.getLogger(__name__)


def _default_extractor_factory() -> ExtractorLike:
    from geomap.pipeline import Extractor

    return Extractor.default()


class AppState:
    """What the views share: the store and a lazily built, process-wide extractor."""

    def __init__(self, store: Store, extractor_factory: Callable[[], ExtractorLike]) -> None:
        self.store = store
        self._factory = extractor_factory
        self._extractor: ExtractorLike | None = None
        self._lock = threading.Lock()
        self.write_lock = threading.Lock()  # one writer at a time within this process

    @property
    def extractor(self) -> ExtractorLike:
        with self._lock:
            if self._extractor is None:
                self._extractor = self._factory()
            return self._extractor


def create_app(db_path: str | os.PathLike[str] | None = None, *, store: Store | None = None,
               extractor_factory: Callable[[], ExtractorLike] | None = None,
               max_upload_bytes: int = DEFAULT_MAX_UPLOAD) -> Flask:
    """The app: the API blueprint, /healthz, /openapi.json, and the map page if present.

    Pass `store` to share an opened store (tests), else `db_path` / $GEOMAP_DB is opened.
    """
    app = Flask(__name__, static_folder=None)  # the map blueprint serves /static
    app.config["MAX_CONTENT_LENGTH"] = max_upload_bytes
    app.config["GEOMAP_MAX_UPLOAD"] = max_upload_bytes
    app.json.sort_keys = False  # type: ignore[attr-defined]  # keep property order
    state = AppState(store or open_store(db_path),
                     extractor_factory or _default_extractor_factory)
    app.extensions[EXTENSION] = state

    from geomap.web.api import bp as api_bp

    app.register_blueprint(api_bp)
    try:
        from geomap.web.mapview import bp as map_bp
    except ImportError as error:  # the map page is optional; the API works without it
        log.warning("map page unavailable: %s", error)
    else:
        app.register_blueprint(map_bp)

    @app.get("/healthz")
    def healthz() -> Any:
        counts = state.store.counts()
        return jsonify(status="ok", incidents=counts["incidents"], articles=counts["articles"])

    _register_errors(app)
    return app


def _register_errors(app: Flask) -> None:
    """Every error is JSON {"error": message}; bad input is never a 500."""

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Any:
        message = error.description or error.name
        if error.code == 413:
            limit = app.config["GEOMAP_MAX_UPLOAD"]
            message = f"request body too large: the limit is {limit} bytes"
        response = jsonify(error=message)
        response.status_code = error.code or 500
        if error.code == 405 and hasattr(error, "valid_methods") and error.valid_methods:
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> Any:
        if isinstance(error, HTTPException):
            return http_error(error)
        app.logger.exception("unhandled error", exc_info=error)
        return http_error(InternalServerError("internal error; see the server log"))


def seed_store(store: Store, extractor: ExtractorLike,
               seeds: str | os.PathLike[str] | None = None) -> int:
    """Ingest the seed articles into an empty store; return the number of new articles."""
    if store.counts()["articles"]:
        return 0
    folder = Path(seeds or os.environ.get("GEOMAP_SEEDS") or DEFAULT_SEEDS)
    if not folder.is_dir():
        print(f"geomap: no seeds folder at {folder}; starting with an empty store",
              file=sys.stderr)
        return 0
    report = ingest_paths(store, [folder], extractor, progress=False)
    print(f"geomap: seeded {folder}: {report.summary()}", file=sys.stderr)
    for error in report.errors:
        print(f"geomap: {error}", file=sys.stderr)
    return report.articles_new


def serve(host: str = "127.0.0.1", port: int = 8000,
          db_path: str | os.PathLike[str] | None = None, *, seed: bool = True,
          seeds: str | os.PathLike[str] | None = None, threads: int = 8,
          extractor_factory: Callable[[], ExtractorLike] | None = None) -> None:
    """Serve the map and the API with waitress (blocks); seed an empty store first."""
    import waitress

    app = create_app(db_path, extractor_factory=extractor_factory)
    state: AppState = app.extensions[EXTENSION]
    if seed and not state.store.counts()["articles"]:
        try:
            extractor = state.extractor  # loads the gazetteer: only when there is work
        except Exception as error:  # serve the (empty) map anyway, and say why
            print(f"geomap: cannot seed the store, extraction unavailable: {error}",
                  file=sys.stderr)
        else:
            seed_store(state.store, extractor, seeds)
    print(f"geomap: serving {state.store.path} on http://{host}:{port}/", file=sys.stderr)
    waitress.serve(app, host=host, port=port, threads=threads, ident="geomap")
