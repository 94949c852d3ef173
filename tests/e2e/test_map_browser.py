"""The map page in headless Chromium against a live server on a store of the seed articles.

Each test runs under the conftest's guard: a request to any host but 127.0.0.1/localhost,
a JavaScript dialog or an uncaught page error fails it.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit
from urllib.request import urlopen

import pytest

pytestmark = pytest.mark.browser

READY = "#geomap-status[data-state=ready]"


def api(live: Any, path: str, **params: Any) -> Any:
    url = f"{live.url}{path}" + (f"?{urlencode(params)}" if params else "")
    with urlopen(url, timeout=30) as resp:
        return json.loads(resp.read())


def all_features(live: Any, **params: Any) -> list[dict[str, Any]]:
    return api(live, "/api/incidents", limit=5000, **params)["features"]


# Spellings the gazetteer may resolve a seed place to (GeoNames has several).
ALIASES = {"Kalbajar": ("Kalbajar", "Kalbacar", "Kelbajar", "Kəlbəcər", "Kalbjar")}


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def find(features: list[dict[str, Any]], text: str, event_type: str | None = None
         ) -> dict[str, Any]:
    """The feature whose place (as written or resolved) mentions `text`."""
    wanted = [fold(name) for name in ALIASES.get(text, (text,))]
    for f in features:
        p = f["properties"]
        names = fold(" ".join(str(p.get(k) or "") for k in ("place", "place_name", "admin1")))
        if any(w in names for w in wanted) and event_type in (None, p["event_type"]):
            return f
    raise AssertionError(f"no incident at {text!r} ({event_type}) in "
                         f"{[f['properties'].get('place_name') for f in features]}")


def open_map(pg: Any, live: Any, query: str = "") -> None:
    pg.goto(f"{live.url}/{query}")
    pg.wait_for_selector(READY, timeout=20_000)


def wait_loaded_for(pg: Any, needle: str) -> None:
    """Wait until the markers shown were loaded for a query containing `needle`."""
    pg.wait_for_function(
        """(needle) => {
            const s = document.getElementById('geomap-status');
            return s.dataset.state === 'ready' && (s.dataset.query || '').includes(needle);
        }""",
        arg=needle, timeout=20_000)


def shown_ids(pg: Any) -> set[str]:
    return {p["id"] for p in pg.evaluate("geomap.incidents()")}


def url_params(pg: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(pg.url).query)


def view_query(f: dict[str, Any], zoom: int = 11) -> str:
    lon, lat = f["geometry"]["coordinates"]
    return f"?z={zoom}&lat={lat}&lon={lon}"


def test_page_shows_the_seed_incidents(page: Any, live_server: Any) -> None:
    pg, _guard = page
    world = all_features(live_server)
    assert len(world) >= 5
    for place in ("Ganja", "Kalbajar", "Gegharkunik", "Tehran"):
        find(world, place)
    places = " ".join(str(f["properties"].get(k) or "") for f in world
                      for k in ("place", "place_name")).lower()
    assert "karabakh" in places or "line of contact" in places

    open_map(pg, live_server)
    # Framed on the data, every seed incident is loaded and drawn (some in clusters).
    assert shown_ids(pg) == {f["properties"]["id"] for f in world}
    counts = pg.evaluate("geomap.counts()")
    assert counts["points"] + counts["statements"] + counts["areas"] == len(world)
    assert counts["statements"] >= 1, counts  # the Tehran statements, in their own layer
    assert counts["serverClusters"] == 0
    assert pg.locator(".geomap-incident").count() >= 1
    # Statements are not mixed into the incidents' cluster group.
    statement_ids = {f["properties"]["id"] for f in world
                     if f["properties"]["sub_event_type"] == "Diplomatic statement"}
    assert len(statement_ids) == counts["statements"]

    # Region-level incidents are drawn as their area / line / uncertainty circle, not pins.
    areas = [f["properties"]["id"] for f in world
             if (f["properties"]["geo_precision"] or 0) >= 3 or f["properties"]["area"]]
    assert areas, "the seeds have region-level incidents (Line of Contact, Nagorno-Karabakh)"
    for incident_id in areas:
        assert pg.locator(f'path.geomap-area[data-ids~="{incident_id}"]').count() >= 1
        assert pg.locator(f'.leaflet-marker-icon[data-id="{incident_id}"]').count() == 0

    assert "GeoNames (CC-BY 4.0), Natural Earth" in pg.inner_text(".leaflet-control-attribution")
    assert pg.locator("#geomap-legend").is_visible()
    pg.wait_for_selector("#timeline svg rect")  # drawn after the markers
    # The offline basemap was drawn from the local endpoint.
    status = pg.evaluate("fetch('/basemap/countries.geojson').then(r => r.status)")
    assert status == 200


def test_controls_do_not_overlap(page: Any, live_server: Any) -> None:
    pg, _ = page
    open_map(pg, live_server)
    boxes = {sel: pg.locator(sel).bounding_box() for sel in
             ("#geomap-panel", "#geomap-legend", ".leaflet-control-layers",
              ".leaflet-control-zoom")}
    names = list(boxes)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            ba, bb = boxes[a], boxes[b]
            assert ba and bb
            overlap = (ba["x"] < bb["x"] + bb["width"] and bb["x"] < ba["x"] + ba["width"]
                       and ba["y"] < bb["y"] + bb["height"] and bb["y"] < ba["y"] + ba["height"])
            assert not overlap, f"{a} overlaps {b}"


def test_ganja_popup(page: Any, live_server: Any) -> None:
    pg, _ = page
    ganja = find(all_features(live_server), "Ganja", "Explosions/Remote violence")
    props = ganja["properties"]
    open_map(pg, live_server, view_query(ganja))
    marker = pg.locator(f'.geomap-incident[data-id="{props["id"]}"]')
    marker.click()
    popup = pg.locator(f'.geomap-popup[data-id="{props["id"]}"]')
    popup.wait_for()
    assert popup.locator('[data-field="killed"] td').inner_text() == "9"
    assert popup.locator('[data-field="wounded"] td').inner_text() == "33"
    confidence = popup.locator('[data-field="confidence"] td').inner_text()
    assert confidence == f"{math.floor(props['confidence'] * 100 + 0.5)}%"  # as Math.round
    text = popup.inner_text()
    assert "Explosions/Remote violence" in text
    assert props["date"] in text
    assert "Ganja" in popup.locator('[data-field="resolved"]').inner_text()
    assert props["evidence"] and props["evidence"][:40] in text
    n_sources = props.get("source_count") or 1
    assert f"{n_sources} source" in popup.locator(".gp-sources-title").inner_text()
    assert popup.locator(".gp-sources li").count() == len(props.get("sources") or [1])
    for href in popup.locator(".gp-sources a").evaluate_all("as => as.map(a => a.href)"):
        assert href.startswith(("http://", "https://")), href

    # A small pan stays inside the data already loaded: no reload, the popup stays open.
    pg.evaluate("void geomap.map.panBy([80, 40], {animate: false})")
    pg.wait_for_timeout(400)
    assert popup.is_visible()
    assert pg.evaluate("document.getElementById('geomap-status').dataset.state") == "ready"


def test_date_filter_updates_markers_and_url(page: Any, live_server: Any) -> None:
    pg, _ = page
    open_map(pg, live_server)
    before = shown_ids(pg)
    view_before = {k: url_params(pg)[k] for k in ("z", "lat", "lon")}

    pg.fill("#filter-start", "2021-01-01")
    wait_loaded_for(pg, "start=2021-01-01")
    after = shown_ids(pg)
    assert after and after < before
    assert all(p["date"] >= "2021-01-01" for p in pg.evaluate("geomap.incidents()"))
    assert url_params(pg)["start"] == ["2021-01-01"]
    assert {k: url_params(pg)[k] for k in ("z", "lat", "lon")} == view_before

    # A shared URL restores the filter, the view and the same markers.
    pg.reload()
    pg.wait_for_selector(READY)
    wait_loaded_for(pg, "start=2021-01-01")
    assert pg.input_value("#filter-start") == "2021-01-01"
    assert shown_ids(pg) == after

    # Unticking an event type hides it without reloading the page, and is shared too.
    pg.evaluate("window.__sameDocument = true")
    pg.uncheck('input[data-type="Strategic developments"]')
    wait_loaded_for(pg, "type=")
    assert pg.evaluate("window.__sameDocument") is True
    assert all(p["event_type"] != "Strategic developments"
               for p in pg.evaluate("geomap.incidents()"))
    assert pg.evaluate("geomap.counts().statements") == 0
    assert "Strategic developments" not in url_params(pg)["type"][0]
    pg.reload()
    pg.wait_for_selector(READY)
    assert not pg.is_checked('input[data-type="Strategic developments"]')
    assert pg.is_checked('input[data-type="Battles"]')


def test_timeline_drag_sets_the_date_range(page: Any, live_server: Any) -> None:
    pg, _ = page
    open_map(pg, live_server)
    pg.wait_for_selector("#timeline svg rect")
    box = pg.locator("#timeline svg").bounding_box()
    assert box
    y = box["y"] + box["height"] / 2
    pg.mouse.move(box["x"] + box["width"] * 0.6, y)
    pg.mouse.down()
    pg.mouse.move(box["x"] + box["width"] - 2, y, steps=4)
    pg.mouse.up()
    wait_loaded_for(pg, "start=")
    start, end = pg.input_value("#filter-start"), pg.input_value("#filter-end")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", start) and start <= end
    assert url_params(pg)["start"] == [start] and url_params(pg)["end"] == [end]
    assert all(start <= p["date"] <= end for p in pg.evaluate("geomap.incidents()"))
    pg.click("#filter-clear-dates")
    pg.wait_for_function("!location.search.includes('start=')")


def test_text_search(page: Any, live_server: Any) -> None:
    pg, _ = page
    open_map(pg, live_server, "?q=Ganja")
    assert pg.input_value("#filter-q") == "Ganja"
    shown = pg.evaluate("geomap.incidents()")
    assert shown and len(shown) < len(all_features(live_server))
    pg.fill("#filter-q", "")
    pg.press("#filter-q", "Enter")
    wait_loaded_for(pg, "")
    pg.wait_for_function("!location.search.includes('q=')")


def test_export_downloads_the_current_view(page: Any, live_server: Any, tmp_path: Any) -> None:
    import geopandas

    pg, _ = page
    open_map(pg, live_server, "?start=2020-01-01")
    shown = shown_ids(pg)
    href = pg.get_attribute("#export-geojson", "href")
    assert href and href.startswith("/export.geojson?") and "start=2020-01-01" in href
    assert "bbox=" in href
    with pg.expect_download() as info:
        pg.click("#export-geojson")
    download = info.value
    assert download.suggested_filename.endswith(".geojson")
    path = tmp_path / "export.geojson"
    download.save_as(path)
    frame = geopandas.read_file(path)
    # The export is the current view (bbox + filters); the page loads a margin around it.
    params = {k: v[0] for k, v in parse_qs(urlsplit(href).query).items()}
    in_view = {f["properties"]["id"] for f in all_features(live_server, **params)}
    assert len(frame) == len(in_view) >= 1
    assert set(frame["id"]) == in_view <= shown
    assert (frame["date"].astype(str) >= "2020-01-01").all()
    assert {"event_type", "killed", "place_name", "evidence"} <= set(frame.columns)


def test_article_markup_renders_as_text(page: Any, live_server: Any) -> None:
    pg, guard = page
    hostile = [f for f in all_features(live_server)
               if re.search(r"<script|<img|<b", json.dumps(f["properties"]))]
    if not hostile:
        pytest.fail("the XSS article produced no incident; nothing to test")
    f = hostile[0]
    props = f["properties"]
    open_map(pg, live_server, view_query(f))
    pg.locator(f'.geomap-incident[data-id="{props["id"]}"]').first.click()
    popup = pg.locator(f'.geomap-popup[data-id="{props["id"]}"]')
    popup.wait_for()
    pg.wait_for_timeout(300)  # give an injected handler the chance to fire
    assert popup.locator("script, img, b, iframe").count() == 0
    text = popup.inner_text()
    assert "<script>" in text or "<img" in text
    assert pg.locator("img[src=x]").count() == 0
    assert guard.dialogs == []
    # A javascript: URL never becomes a link.
    assert not pg.locator('a[href^="javascript:"]').count()

    # Markup in a shared URL is a search string, nothing more.
    open_map(pg, live_server, "?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert pg.input_value("#filter-q") == "<img src=x onerror=alert(1)>"
    assert pg.locator("img[src=x]").count() == 0


def test_online_tiles_are_opt_in(page: Any, live_server: Any) -> None:
    """Nothing is fetched from outside until the user turns the OSM layer on; the guard
    then sees (and blocks) the tile requests, which proves that it works."""
    pg, guard = page
    open_map(pg, live_server)
    pg.wait_for_timeout(300)
    assert guard.foreign == []
    pg.hover(".leaflet-control-layers")
    pg.get_by_label("OpenStreetMap tiles (online)").check()
    pg.wait_for_function("document.querySelectorAll('.leaflet-tile').length > 0")
    pg.wait_for_timeout(300)
    assert guard.foreign and all("tile.openstreetmap.org" in u for u in guard.foreign)
    guard.foreign.clear()
