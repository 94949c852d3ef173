"""The web side: app factory, REST API, OpenAPI description (and the map page blueprint)."""

from geomap.web.app import create_app, serve

__all__ = ["create_app", "serve"]
