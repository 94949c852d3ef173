"""The map page's HTML and assets, without a browser: everything it loads is local."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any

import pytest

from geomap.web import mapview

REPO = Path(__file__).resolve().parent.parent
STATIC = REPO / "static"
VENDORED = {"leaflet": "1.9.4", "leaflet.markercluster": "1.5.3"}


@pytest.fixture
def client(tmp_path: Path) -> Any:
    from geomap.web.app import create_app

    app = create_app(tmp_path / "geomap.db")
    app.config["TESTING"] = True
    return app.test_client()


@pytest.fixture
def fake_boundaries(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    def boundaries(kind: str, path: str | None) -> dict[str, Any]:
        calls.append(kind)
        ring = [[44.0, 38.0], [50.0, 38.0], [50.0, 42.0], [44.0, 38.0]]
        return {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"name": f"{kind} <x>"},
             "geometry": {"type": "Polygon", "coordinates": [ring]}}]}

    monkeypatch.setattr(mapview, "load_boundaries", boundaries)
    monkeypatch.setattr(mapview, "_basemap_cache", {})
    return calls


def page_html(client: Any) -> str:
    resp = client.get("/")
    assert resp.status_code == 200
    assert resp.mimetype == "text/html"
    return resp.get_data(as_text=True)


def test_page_references_only_local_assets(client: Any) -> None:
    html = page_html(client)
    refs = re.findall(r'<(?:script|link|img)[^>]*?(?:src|href)="([^"]+)"', html)
    assert refs, "no assets found"
    for ref in refs:
        assert ref.startswith("/static/"), ref
        assert client.get(ref).status_code == 200, ref
    for name in ("leaflet.js", "leaflet.css", "leaflet.markercluster.js",
                 "MarkerCluster.css", "geomap/map.js", "geomap/map.css"):
        assert any(ref.endswith(name) for ref in refs), name
    assert not any("jquery" in ref for ref in refs), "jQuery is not used by the page"


def test_no_url_the_browser_would_fetch(client: Any) -> None:
    """Only the off-by-default tile layer's template and attribution links name hosts."""
    html = page_html(client)
    for url in re.findall(r"https?://[^\s\"'<>\\)]+", html):
        assert url == mapview.OSM_TILES or url.startswith(
            "https://www.openstreetmap.org/copyright"), url
    for cdn in ("cdn.jsdelivr", "cdnjs", "code.jquery", "bootstrapcdn", "bootstrap.min",
                "font-awesome", "fontawesome", "awesome-markers", "googleapis"):
        assert cdn not in html, cdn
    # The OSM layer is created but never added to the map at start.
    tiles_var = re.search(r"var (tile_layer_\w+) = L\.tileLayer", html)
    assert tiles_var
    assert f"{tiles_var.group(1)}.addTo(" not in html


def test_page_has_the_controls_tests_and_users_rely_on(client: Any) -> None:
    html = page_html(client)
    for anchor in ('id="filter-start"', 'id="filter-end"', 'id="filter-q"', 'id="timeline"',
                   'id="export-geojson"', 'id="geomap-legend"', 'id="geomap-status"',
                   "geomapInit(", "GeoNames (CC-BY 4.0), Natural Earth"):
        assert anchor in html, anchor
    from geomap.taxonomy import EVENT_TYPES

    for event_type in EVENT_TYPES:
        assert f'data-type="{event_type}"' in html
    # Incidents are fetched by map.js, never embedded in the page.
    assert "L.marker(" not in html and "L.circleMarker(" not in html


def test_page_is_cacheable_and_revalidated(client: Any) -> None:
    resp = client.get("/")
    assert resp.headers["ETag"]
    assert "no-cache" in resp.headers["Cache-Control"]
    again = client.get("/", headers={"If-None-Match": resp.headers["ETag"]})
    assert again.status_code == 304


def test_static_files_and_traversal(client: Any) -> None:
    resp = client.get("/static/vendor/leaflet/dist/leaflet.js")
    assert resp.status_code == 200 and "javascript" in resp.mimetype
    assert resp.cache_control.max_age == 86400
    assert client.get("/static/geomap/map.js").cache_control.max_age == 0
    assert client.get("/static/vendor/leaflet/dist/images/marker-icon.png").mimetype == "image/png"
    assert client.get("/static/../pyproject.toml").status_code == 404
    assert client.get("/static/nope.js").status_code == 404


def test_leaflet_css_images_are_vendored() -> None:
    css = (STATIC / "vendor/leaflet/dist/leaflet.css").read_text()
    for ref in set(re.findall(r"url\((images/[^)]+)\)", css)):
        assert (STATIC / "vendor/leaflet/dist" / ref).is_file(), ref
    for icon in ("marker-icon.png", "marker-icon-2x.png", "marker-shadow.png"):
        assert (STATIC / "vendor/leaflet/dist/images" / icon).is_file()


def test_every_vendored_package_is_recorded_with_its_licence() -> None:
    record = (STATIC / "VENDORED.md").read_text()
    dirs = {p.name for p in (STATIC / "vendor").iterdir() if p.is_dir()}
    assert dirs == set(VENDORED)
    for pkg, version in VENDORED.items():
        assert f"`{pkg}` | {version}" in record, pkg
        assert (STATIC / "vendor" / pkg / "LICENSE").stat().st_size > 200
        script = (REPO / "scripts/vendor_static.sh").read_text()
        assert f"{pkg}@{version}" in script
    head = (STATIC / "vendor/leaflet/dist/leaflet.js").read_text()[:300]
    assert "1.9.4" in head


def test_basemap_endpoints(client: Any, fake_boundaries: list[str]) -> None:
    resp = client.get("/basemap/countries.geojson")
    assert resp.status_code == 200
    assert resp.mimetype == "application/geo+json"
    assert resp.get_json()["features"][0]["properties"]["name"] == "country <x>"
    assert resp.cache_control.max_age == 86400
    etag = resp.headers["ETag"]
    assert client.get("/basemap/countries.geojson",
                      headers={"If-None-Match": etag}).status_code == 304
    zipped = client.get("/basemap/admin1.geojson", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(zipped.data))["features"][0]["properties"]["name"] == (
        "admin1 <x>")
    assert client.get("/basemap/rivers.geojson").status_code == 404
    # Built once per process, not per request.
    client.get("/basemap/countries.geojson")
    assert fake_boundaries == ["country", "admin1"]


def test_basemap_without_gazetteer_is_a_clear_503(client: Any,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from geomap.errors import GazetteerError

    def missing(kind: str, path: str | None) -> dict[str, Any]:
        raise GazetteerError("no gazetteer: run `geomap gazetteer build`")

    monkeypatch.setattr(mapview, "load_boundaries", missing)
    monkeypatch.setattr(mapview, "_basemap_cache", {})
    resp = client.get("/basemap/countries.geojson")
    assert resp.status_code == 503
    assert "geomap gazetteer build" in resp.get_json()["error"]


def test_type_styles_cover_the_taxonomy_and_css() -> None:
    from geomap.taxonomy import EVENT_TYPES

    css = (STATIC / "geomap/map.css").read_text()
    assert [s.event_type for s in mapview.TYPE_STYLES] == list(EVENT_TYPES)
    for style in (*mapview.TYPE_STYLES, mapview.STATEMENT_STYLE):
        assert f".geomap-t-{style.slug} {{ background: {style.color}; }}" in css
        assert f".geomap-shape-{style.shape}" in css


def test_map_js_builds_popups_without_html_strings() -> None:
    """Article text must never reach innerHTML: the page code does not use it at all."""
    js = (STATIC / "geomap/map.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in js, sink
