"""The map page: a folium-rendered shell, vendored static assets and the offline basemap.

folium draws the map, the layer control, the legend and the filter panel once; it holds no
incidents (10,000 folium markers take seconds to render and to parse). `static/geomap/map.js`
then loads the incidents for the current viewport from the API. folium pulls its scripts
from CDNs by default, so every CDN list it has is replaced with `/static/vendor/...`: the
page works with no network at all.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flask import Blueprint, Response, abort, current_app, request, send_from_directory

from geomap.taxonomy import (
    BATTLES,
    EVENT_TYPES,
    EXPLOSIONS,
    PROTESTS,
    RIOTS,
    STRATEGIC,
    VIOLENCE_CIVILIANS,
)

if TYPE_CHECKING:
    import folium

bp = Blueprint("mapview", __name__)

# Top-level `static/` of the checkout; GEOMAP_STATIC_DIR (env or app config) overrides it
# for installs where the package does not sit in a checkout.
DEFAULT_STATIC_DIR = Path(__file__).resolve().parents[2] / "static"

ATTRIBUTION = "GeoNames (CC-BY 4.0), Natural Earth"
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'

V = "/static/vendor"
# What folium (and its MarkerCluster plugin) would fetch from CDNs, pointed at our copies.
# Bootstrap, font-awesome, glyphicons and awesome-markers are dropped: nothing uses them.
# folium's jQuery is dropped too: neither its templates for this page nor map.js use it.
MAP_JS = [("leaflet", f"{V}/leaflet/dist/leaflet.js")]
MAP_CSS = [("leaflet_css", f"{V}/leaflet/dist/leaflet.css")]
CLUSTER_JS = [("markerclusterjs", f"{V}/leaflet.markercluster/dist/leaflet.markercluster.js")]
CLUSTER_CSS = [
    ("markerclustercss", f"{V}/leaflet.markercluster/dist/MarkerCluster.css"),
    ("markerclusterdefaultcss", f"{V}/leaflet.markercluster/dist/MarkerCluster.Default.css"),
]
PAGE_JS = [("geomap_js", "/static/geomap/map.js")]
PAGE_CSS = [("geomap_css", "/static/geomap/map.css")]


# Client-side clusters look like the server's (map.css .geomap-cluster), not
# markercluster's default green/yellow, which would read as another event type.
CLUSTER_ICON_JS = """function (cluster) {
    // markercluster calls this as options.iconCreateFunction(cluster): `this` is options.
    var extra = this.geomapClass ? " " + this.geomapClass : "";
    var n = cluster.getChildCount();
    var size = n < 10 ? 28 : n < 100 ? 34 : 40;
    var inner = document.createElement("div");
    inner.className = "geomap-cluster-inner geomap-mcluster" + extra;
    var label = document.createElement("span");
    label.textContent = String(n);
    inner.appendChild(label);
    return L.divIcon({html: inner, className: "geomap-cluster", iconSize: L.point(size, size)});
}"""


@dataclass(frozen=True)
class TypeStyle:
    """How one event type looks: the legend and map.js share this single definition."""

    event_type: str
    slug: str
    color: str
    shape: str  # a CSS class suffix in map.css: circle, diamond, triangle, square, ...


TYPE_STYLES: tuple[TypeStyle, ...] = (
    TypeStyle(BATTLES, "battles", "#d62728", "circle"),
    TypeStyle(EXPLOSIONS, "explosions", "#ff7f0e", "diamond"),
    TypeStyle(VIOLENCE_CIVILIANS, "civilians", "#9467bd", "triangle"),
    TypeStyle(PROTESTS, "protests", "#1f77b4", "square"),
    TypeStyle(RIOTS, "riots", "#8c564b", "hexagon"),
    TypeStyle(STRATEGIC, "strategic", "#6b6b6b", "pentagon"),
)
STATEMENT_STYLE = TypeStyle("Diplomatic statement", "statement", "#138d90", "bubble")
assert {s.event_type for s in TYPE_STYLES} == set(EVENT_TYPES), "a type has no map style"


INIT_SCRIPT = """{% macro script(this, kwargs) %}
    geomapInit({
        map: {{ this.map.get_name() }},
        incidents: {{ this.incidents.get_name() }},
        incidentCluster: {{ this.incident_cluster.get_name() }},
        statements: {{ this.statements.get_name() }},
        statementCluster: {{ this.statement_cluster.get_name() }},
        countries: {{ this.countries.get_name() }},
        provinces: {{ this.provinces.get_name() }},
        tiles: {{ this.tiles.get_name() }}
    }, {{ this.config_json }});
{% endmacro %}"""


@cache
def _elements() -> tuple[type, type]:
    """folium element classes for the page's assets and its start-up call.

    Defined on first use: importing folium imports pandas (~75 MB), which a process that
    only serves the API (or a test that only creates the app) should not pay for.
    """
    from branca.element import MacroElement
    from folium.elements import JSCSSMixin
    from jinja2 import Template

    class Assets(JSCSSMixin):
        """The page's own script and stylesheet, linked in <head> like folium's."""

        default_js = PAGE_JS
        default_css = PAGE_CSS
        _template = Template("")

    class Init(MacroElement):
        """Hands map.js the JS variables folium created, once they exist."""

        _template = Template(INIT_SCRIPT)

        def __init__(self, **layers: Any) -> None:
            super().__init__()
            self._name = "GeomapInit"
            for name, layer in layers.items():
                setattr(self, name, layer)
            # "</" must not appear inside an inline <script>.
            self.config_json = json.dumps(page_config()).replace("</", "<\\/")

    return Assets, Init


def page_config() -> dict[str, Any]:
    """Constants map.js needs: endpoints, styles, attribution."""
    return {
        "api": {
            "incidents": "/api/incidents",
            "clusters": "/api/clusters",
            "timeline": "/api/timeline",
            "meta": "/api/meta",
            "export": "/export.geojson",
            "countries": "/basemap/countries.geojson",
            "admin1": "/basemap/admin1.geojson",
        },
        "attribution": ATTRIBUTION,
        "types": [s.__dict__ for s in TYPE_STYLES],
        "statement": STATEMENT_STYLE.__dict__,
        "statementSubType": STATEMENT_STYLE.event_type,
    }


def _panel_html() -> str:
    """Filter panel, timeline and legend; map.js moves them into Leaflet controls."""
    checkboxes = "\n".join(
        f'<label class="geomap-type"><input type="checkbox" checked data-type="{s.event_type}"'
        f' value="{s.event_type}"> <span class="geomap-swatch geomap-shape-{s.shape}"'
        f' style="--c:{s.color}"></span> {s.event_type}</label>'
        for s in TYPE_STYLES
    )
    legend_rows = "\n".join(
        f'<li><span class="geomap-swatch geomap-shape-{s.shape}" style="--c:{s.color}"></span>'
        f" {s.event_type}</li>"
        for s in (*TYPE_STYLES, STATEMENT_STYLE)
    )
    return f"""
<div id="geomap-panel" class="geomap-panel">
  <div class="geomap-panel-title">geomap incidents
    <button type="button" id="geomap-panel-toggle" aria-expanded="true"
      aria-controls="geomap-panel" title="Show or hide the filters">&#9662;</button></div>
  <div class="geomap-row">
    <label>From <input type="date" id="filter-start" name="start"></label>
    <label>to <input type="date" id="filter-end" name="end"></label>
    <button type="button" id="filter-clear-dates" title="Any date">&times;</button>
  </div>
  <div id="timeline" class="geomap-timeline" title="Incidents per day; drag to pick dates">
  </div>
  <div class="geomap-row">
    <input type="search" id="filter-q" name="q" placeholder="Search text, places, actors">
  </div>
  <fieldset id="filter-types" class="geomap-types"><legend>Event types</legend>
{checkboxes}
  </fieldset>
  <div class="geomap-row geomap-actions">
    <a id="export-geojson" class="geomap-button" href="/export.geojson" download>
      Export GeoJSON</a>
    <span id="geomap-status" data-state="loading" aria-live="polite">Loading…</span>
  </div>
</div>
<details id="geomap-legend" class="geomap-legend" open>
  <summary class="geomap-panel-title">Legend</summary>
  <ul>
{legend_rows}
  <li><span class="geomap-swatch geomap-shape-area"></span> Region-level (area, not a pin)</li>
  </ul>
  <div class="geomap-legend-size">Size: killed + wounded
    <span class="geomap-swatch geomap-shape-circle geomap-size-s" style="--c:#999"></span>
    <span class="geomap-swatch geomap-shape-circle geomap-size-l" style="--c:#999"></span>
  </div>
</details>
"""


def build_map() -> folium.Map:
    """The folium map shell: layers and controls, every asset local, no incidents."""
    import folium
    from branca.element import Element, Figure
    from folium.plugins import MarkerCluster

    assets, init = _elements()
    m = folium.Map(
        location=[25, 20],
        zoom_start=2,
        tiles=None,
        # Without a base tile layer folium puts no zoom limits on the map itself, and
        # markercluster needs one.
        **{"minZoom": 2, "maxZoom": 18},
        control_scale=True,
        world_copy_jump=True,
    )
    m.default_js = MAP_JS
    m.default_css = MAP_CSS
    fig = m.get_root()
    assert isinstance(fig, Figure)
    fig.header.add_child(Element("<title>geomap — incident map</title>"), name="title")

    # Online tiles are offered, never needed: an overlay that starts switched off.
    tiles = folium.TileLayer(
        OSM_TILES, attr=OSM_ATTRIBUTION, name="OpenStreetMap tiles (online)",
        overlay=True, show=False, max_zoom=19,
    ).add_to(m)
    countries = folium.FeatureGroup(name="Countries", show=True).add_to(m)
    provinces = folium.FeatureGroup(name="Provinces", show=True).add_to(m)
    incidents = folium.FeatureGroup(name="Incidents", show=True).add_to(m)
    statements = folium.FeatureGroup(name="Statements", show=True).add_to(m)
    clusters = []
    for group, css_class in ((incidents, ""), (statements, "geomap-mcluster-statement")):
        cluster = MarkerCluster(
            control=False,
            icon_create_function=CLUSTER_ICON_JS,
            options={"showCoverageOnHover": False, "chunkedLoading": True,
                     "maxClusterRadius": 40, "geomapClass": css_class},
        )
        cluster.default_js = CLUSTER_JS
        cluster.default_css = CLUSTER_CSS
        cluster.add_to(group)
        clusters.append(cluster)
    folium.LayerControl(position="topright", collapsed=True).add_to(m)

    m.add_child(assets())
    fig.html.add_child(Element(_panel_html()), name="geomap_panel")
    m.add_child(init(
        map=m, incidents=incidents, incident_cluster=clusters[0], statements=statements,
        statement_cluster=clusters[1], countries=countries, provinces=provinces, tiles=tiles,
    ))
    return m


_page_lock = threading.Lock()


@cache
def _page() -> tuple[bytes, str]:
    """The rendered page and its ETag: it holds no data, so one render serves all."""
    with _page_lock:
        html = build_map().get_root().render()
    body = html.encode("utf-8")
    return body, hashlib.sha256(body).hexdigest()[:32]


@bp.get("/")
def index() -> Response:
    body, etag = _page()
    resp = Response(body, mimetype="text/html")
    resp.set_etag(etag)
    resp.cache_control.no_cache = True
    return resp.make_conditional(request)


def static_dir() -> Path:
    configured = current_app.config.get("GEOMAP_STATIC_DIR") or os.environ.get(
        "GEOMAP_STATIC_DIR"
    )
    return Path(configured) if configured else DEFAULT_STATIC_DIR


@bp.get("/static/<path:filename>")
def static_file(filename: str) -> Response:
    """Vendored files change only with a pinned version, so they may be cached a day;
    geomap's own page code is revalidated on every load."""
    max_age = 86400 if filename.startswith("vendor/") else 0
    return send_from_directory(static_dir(), filename, max_age=max_age)


# --- offline basemap ---------------------------------------------------------------------

BASEMAP_KINDS = {"countries": "country", "admin1": "admin1"}
_basemap_lock = threading.Lock()
_basemap_cache: dict[tuple[str | None, str], tuple[bytes, bytes, str]] = {}


def _gazetteer_path() -> str | None:
    path = current_app.config.get("GEOMAP_GAZETTEER_PATH")
    return str(path) if path else None


@cache
def _gazetteer(path: str | None) -> Any:
    """Loaded once per process and path: loading reads the whole name index (seconds)."""
    from geomap.gazetteer import Gazetteer

    return Gazetteer.load(path)


def load_boundaries(kind: str, path: str | None) -> dict[str, Any]:
    """The gazetteer's Natural Earth boundaries (a seam tests can monkeypatch)."""
    return _gazetteer(path).boundaries(kind)


def _basemap_bytes(kind: str) -> tuple[bytes, bytes, str]:
    """(json, gzipped json, etag), built once per process: borders do not change while
    the server runs, and the admin-1 file is megabytes worth compressing once."""
    key = (_gazetteer_path(), kind)
    with _basemap_lock:
        if key not in _basemap_cache:
            fc = load_boundaries(kind, key[0])
            raw = json.dumps(fc, separators=(",", ":")).encode("utf-8")
            _basemap_cache[key] = (
                raw, gzip.compress(raw, 6, mtime=0), hashlib.sha256(raw).hexdigest()[:32],
            )
        return _basemap_cache[key]


@bp.get("/basemap/<name>.geojson")
def basemap(name: str) -> Response:
    from geomap.errors import GeomapError

    kind = BASEMAP_KINDS.get(name)
    if kind is None:
        abort(404)
    try:
        raw, gz, etag = _basemap_bytes(kind)
    except (GeomapError, ImportError, OSError) as exc:
        return Response(json.dumps({"error": f"basemap unavailable: {exc}"}), status=503,
                        mimetype="application/json")
    use_gzip = "gzip" in request.headers.get("Accept-Encoding", "")
    resp = Response(gz if use_gzip else raw, mimetype="application/geo+json")
    if use_gzip:
        resp.headers["Content-Encoding"] = "gzip"
    resp.headers["Vary"] = "Accept-Encoding"
    resp.set_etag(etag + ("-gz" if use_gzip else ""))
    resp.cache_control.public = True
    resp.cache_control.max_age = 86400
    return resp.make_conditional(request)

