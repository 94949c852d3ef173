"""Exports: GeoJSON readable by geopandas/GDAL, ACLED-style CSV, GeoPackage, streaming."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import geopandas as gpd
import pytest
from test_store_fixtures import FakeExtractor, article, incident, line_incident, new_store

from geomap.errors import GeomapError
from geomap.store import Filters, export_incidents, ingest
from geomap.store.export import CSV_COLUMNS, EXPORT_PROPERTIES, iter_geojson
from geomap.web import create_app


@pytest.fixture
def store(tmp_path):
    script = {
        "a": [line_incident(killed=16, wounded=40, evidence="Clashes on the “line”, 16 dead.",
                            actor1="Azerbaijan", actor2="Armenia")],
        "b": [incident(date=date(2020, 10, 11), lat=39.8123456789, lon=46.7512345678,
                       event_type="Explosions/Remote violence",
                       sub_event_type="Air/drone strike", evidence="Drone strike.")],
        "c": [incident(date=None, date_precision=None, lat=None, lon=None, geo_precision=None,
                       evidence="Somewhere, sometime.")],
        "d": [line_incident(lat=39.9, lon=46.6, evidence="Second report of the clashes.",
                            killed=10)],  # merges into "a"
    }
    s = new_store(tmp_path)
    ingest(s, [article(k, source="Wire", url=f"https://x.org/{k}") for k in script],
           FakeExtractor(script), progress=False)
    return s


def test_geojson_export_is_rfc7946_and_flat(store, tmp_path):
    out = tmp_path / "x.geojson"
    assert export_incidents(store, out) == 3
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    located = [f for f in doc["features"] if f["geometry"]]
    drone = next(f for f in located if f["properties"]["event_type"].startswith("Explosions"))
    assert drone["geometry"]["coordinates"] == [46.751235, 39.812346]  # [lon, lat], 6 dp
    for feat in doc["features"]:
        assert list(feat["properties"]) == list(EXPORT_PROPERTIES)
        assert all(not isinstance(v, dict | list) for v in feat["properties"].values())
    clash = next(f for f in doc["features"] if f["properties"]["source_count"] == 2)
    assert json.loads(clash["properties"]["area_geojson"])["type"] == "LineString"
    assert len(json.loads(clash["properties"]["sources_json"])) == 2
    assert clash["properties"]["killed"] == 16


def test_geojson_export_reads_in_geopandas(store, tmp_path):
    out = tmp_path / "x.geojson"
    export_incidents(store, out)
    frame = gpd.read_file(out)
    assert len(frame) == 3
    assert frame.crs.to_epsg() == 4326
    assert {"event_type", "date", "killed", "area_geojson", "sources_json",
            "source_count"} <= set(frame.columns)
    assert frame.geometry.isna().sum() == 1  # the unplaced incident has a null geometry
    assert sorted(frame["killed"].dropna().astype(int)) == [16]
    assert frame.loc[frame["source_count"] == 2, "evidence"].iloc[0].startswith("Clashes")


def test_csv_export_header_and_rows(store):
    buffer = io.StringIO()
    export_incidents(store, buffer, "csv")
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert CSV_COLUMNS[:19] == (
        "event_id_cnty", "event_date", "year", "time_precision", "event_type",
        "sub_event_type", "actor1", "actor2", "country", "admin1", "location", "latitude",
        "longitude", "geo_precision", "source", "notes", "fatalities", "wounded", "captured")
    clash = next(r for r in rows if r["source_count"] == "2")
    assert clash["fatalities"] == "16" and clash["notes"].startswith("Clashes on the “line”")
    assert clash["year"] == "2020" and clash["event_date"] == "2020-09-27"
    assert clash["actor1"] == "Azerbaijan"


def test_gpkg_export_reads_back(store, tmp_path):
    out = tmp_path / "x.gpkg"
    assert export_incidents(store, out, "gpkg") == 3
    frame = gpd.read_file(out, layer="incidents")
    assert len(frame) == 3 and "area_geojson" in frame.columns
    assert export_incidents(store, out, "gpkg", Filters.parse(types=["Battles"])) == 2
    assert len(gpd.read_file(out)) == 2  # overwritten, not appended


def test_empty_exports_are_valid(tmp_path):
    s = new_store(tmp_path)
    out = tmp_path / "e.geojson"
    assert export_incidents(s, out) == 0
    assert json.loads(out.read_text()) == {"type": "FeatureCollection", "features": []}
    buffer = io.StringIO()
    export_incidents(s, buffer, "csv")
    assert buffer.getvalue().strip() == ",".join(CSV_COLUMNS)
    assert export_incidents(s, tmp_path / "e.gpkg", "gpkg") == 0


def test_filters_apply_to_exports(store):
    buffer = io.StringIO()
    assert export_incidents(store, buffer, "geojson", Filters.parse(q="drone")) == 1
    assert export_incidents(store, io.StringIO(), "csv", Filters.parse(start="2020-10-01")) == 1


def test_bad_format_and_unwritable_path(store, tmp_path):
    with pytest.raises(GeomapError, match="unknown export format"):
        export_incidents(store, tmp_path / "x.kml", "kml")
    with pytest.raises(GeomapError, match="cannot write"):
        export_incidents(store, tmp_path / "missing" / "x.geojson")


def test_http_exports_stream_with_attachment_names(store):
    client = create_app(store=store).test_client()
    r = client.get("/export.geojson?type=Battles", buffered=False)
    assert r.status_code == 200 and r.is_streamed
    assert r.mimetype == "application/geo+json"
    disposition = r.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="geomap-incidents-')
    assert disposition.endswith('.geojson"')
    doc = json.loads(b"".join(r.response))
    assert len(doc["features"]) == 2
    r = client.get("/export.csv")
    assert r.mimetype == "text/csv" and r.headers["Content-Disposition"].endswith('.csv"')
    assert r.get_data(as_text=True).splitlines()[0] == ",".join(CSV_COLUMNS)


def test_streaming_yields_in_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr("geomap.store.export.BATCH", 10)
    s = new_store(tmp_path)
    script = {f"t{k}": [incident(lat=float(k % 80), lon=float(k))] for k in range(35)}
    ingest(s, [article(k) for k in script], FakeExtractor(script), progress=False)
    chunks = list(iter_geojson(s))
    assert len(chunks) >= 5  # header, batches, footer: never one giant string
    assert len(json.loads("".join(chunks))["features"]) == 35
