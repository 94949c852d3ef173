"""The REST API through the Flask test client: reads, filters, errors, uploads, health."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from test_store_fixtures import FakeExtractor, incident, line_incident, new_store, snapshot

from geomap.web import create_app

TEXT = "Clashes erupted along the line of contact on September 27."


@pytest.fixture
def store(tmp_path):
    return new_store(tmp_path)


@pytest.fixture
def extractor():
    return FakeExtractor({
        TEXT: [line_incident(killed=5)],
        "Drone strike on Stepanakert.": [incident(
            date=date(2020, 10, 11), event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike", place="Stepanakert", lat=39.82, lon=46.75,
            evidence="Drone strike on Stepanakert.")],
    })


@pytest.fixture
def app(store, extractor):
    return create_app(store=store, extractor_factory=lambda: extractor,
                      max_upload_bytes=10_000)


@pytest.fixture
def client(app):
    return app.test_client()


def _post_text(client, text, **meta):
    return client.post("/api/articles", json={"text": text, **meta})


def test_healthz(client):
    assert client.get("/healthz").get_json() == {"status": "ok", "incidents": 0, "articles": 0}
    _post_text(client, TEXT)
    assert client.get("/healthz").get_json()["incidents"] == 1


def test_post_article_json_then_duplicate(client):
    r = _post_text(client, TEXT, published="2020-09-28", source="Mehr", title="T",
                   url="https://example.org/a")
    assert r.status_code == 201
    body = r.get_json()
    assert body["duplicate"] is False and len(body["article_id"]) == 16
    (feat,) = body["incidents"]["features"]
    assert feat["properties"]["source"] == "Mehr"
    assert feat["properties"]["sources"][0]["url"] == "https://example.org/a"
    again = _post_text(client, TEXT)
    assert again.status_code == 200 and again.get_json()["duplicate"] is True
    assert again.get_json()["incidents"]["features"][0]["id"] == feat["id"]


def test_post_plain_text_and_multipart(client):
    r = client.post("/api/articles?source=Wire&published=2020-10-12",
                    data=b"Drone strike on Stepanakert.",
                    content_type="text/plain; charset=utf-8")
    assert r.status_code == 201
    assert r.get_json()["incidents"]["features"][0]["properties"]["source"] == "Wire"
    r = client.post("/api/articles", data={
        "file": (io.BytesIO(TEXT.encode()), "a.txt"), "source": "Mehr"},
        content_type="multipart/form-data")
    assert r.status_code == 201, r.get_json()


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"data": b"", "content_type": "text/plain"}, "empty"),
    ({"data": b"abc\x00def", "content_type": "text/plain"}, "binary"),
    ({"data": b"\xff\xfe\xfa bad", "content_type": "text/plain"}, "not UTF-8"),
    ({"data": b"{not json", "content_type": "application/json"}, "malformed JSON"),
    ({"data": b"", "content_type": "application/json"}, "empty"),
    ({"data": b"[1, 2]", "content_type": "application/json"}, "must be an object"),
    ({"json": {"title": "no text"}}, "missing or blank"),
    ({"json": {"text": "   \n"}}, "missing or blank"),
    ({"json": {"text": 42}}, "text must be a string"),
    ({"json": {"text": "x", "published": "2020-13-45"}}, "not a valid date"),
    ({"json": {"text": "x", "published": "12/10/2020"}}, "YYYY-MM-DD"),
    ({"json": {"text": "x", "source": ["a"]}}, "source must be a string"),
    ({"json": {"text": "x", "colour": "red"}}, "unknown field"),
    ({"data": b"x", "content_type": "application/pdf"}, "unsupported content type"),
    ({"data": b"x"}, "unsupported content type"),
    ({"data": {}, "content_type": "multipart/form-data"}, "exactly one file"),
    ({"data": {"file": (io.BytesIO(b"\x00\x01"), "x.bin")},
      "content_type": "multipart/form-data"}, "binary"),
])
def test_bad_uploads_are_400_json_and_change_nothing(client, store, kwargs, message):
    before = snapshot(store)
    r = client.post("/api/articles", **kwargs)
    assert r.status_code == 400, r.data
    assert r.is_json and message in r.get_json()["error"]
    assert snapshot(store) == before


def test_too_large_upload_is_413_json(client, store):
    before = snapshot(store)
    r = client.post("/api/articles", data=b"x" * 20_000, content_type="text/plain")
    assert r.status_code == 413
    assert "10000 bytes" in r.get_json()["error"]
    r = client.post("/api/articles", json={"text": "y" * 20_000})
    assert r.status_code == 413
    assert snapshot(store) == before


def test_extractor_crash_is_422_and_stores_nothing(store):
    class Broken:
        def extract(self, article):
            raise ValueError("gazetteer fell over")

    client = create_app(store=store, extractor_factory=Broken).test_client()
    r = client.post("/api/articles", json={"text": "anything"})
    assert r.status_code == 422 and "gazetteer fell over" in r.get_json()["error"]
    assert store.counts() == {"incidents": 0, "articles": 0}


def test_list_get_and_404(client):
    _post_text(client, TEXT)
    _post_text(client, "Drone strike on Stepanakert.")
    r = client.get("/api/incidents")
    assert r.status_code == 200 and r.mimetype == "application/geo+json"
    fc = r.get_json()
    assert fc["type"] == "FeatureCollection" and fc["next_cursor"] is None
    assert len(fc["features"]) == 2
    props = fc["features"][0]["properties"]
    assert {"sources", "source_count", "area", "evidence", "geo_precision"} <= set(props)
    one = client.get(f"/api/incidents/{fc['features'][0]['id']}")
    assert one.get_json() == fc["features"][0]
    missing = client.get("/api/incidents/does-not-exist")
    assert missing.status_code == 404 and "does-not-exist" in missing.get_json()["error"]


def test_every_filter_through_http(client):
    _post_text(client, TEXT)
    _post_text(client, "Drone strike on Stepanakert.")

    def count(query):
        r = client.get(f"/api/incidents?{query}")
        assert r.status_code == 200, r.get_json()
        return len(r.get_json()["features"])

    assert count("bbox=46.7,39.8,46.8,39.85") == 2
    assert count("bbox=46.74,39.81,46.76,39.83") == 1
    assert count("bbox=0,0,1,1") == 0
    assert count("start=2020-10-01") == 1
    assert count("end=2020-10-01") == 1
    assert count("start=2020-09-27&end=2020-09-27") == 1
    assert count("type=Battles") == 1
    assert count("type=Battles&type=Explosions/Remote%20violence") == 2
    assert count("type=Battles,Protests") == 1
    assert count("sub_type=Air/drone%20strike") == 1
    assert count("q=drone") == 1
    assert count("q=line") == 1
    assert count("limit=1") == 1


@pytest.mark.parametrize(("url", "message"), [
    ("/api/incidents?bbox=1,2,3", "4 numbers"),
    ("/api/incidents?start=2020-13-45", "not a valid date"),
    ("/api/incidents?limit=-1", "limit"),
    ("/api/incidents?limit=5001", "between 1 and 5000"),
    ("/api/incidents?limit=ten", "limit"),
    ("/api/incidents?type=Skirmish", "unknown type"),
    ("/api/incidents?cursor=garbage", "cursor"),
    ("/api/clusters?zoom=99", "zoom"),
    ("/api/clusters", "zoom"),
    ("/api/timeline?end=soon", "YYYY-MM-DD"),
    ("/export.geojson?bbox=a,b,c,d", "numbers"),
    ("/export.csv?type=Nope", "unknown type"),
])
def test_bad_query_values_are_400_json(client, url, message):
    r = client.get(url)
    assert r.status_code == 400
    assert message in r.get_json()["error"]


def test_cursor_pages_through_http(client):
    for k in range(5):
        client.post("/api/articles", json={"text": f"article {k}"})
    extra = FakeExtractor({f"n{k}": [incident(lat=10.0 + k, lon=10.0)] for k in range(7)})
    app2 = create_app(store=client.application.extensions["geomap"].store,
                      extractor_factory=lambda: extra)
    c2 = app2.test_client()
    for k in range(7):
        c2.post("/api/articles", json={"text": f"n{k}"})
    ids, cursor = [], None
    while True:
        url = "/api/incidents?limit=3" + (f"&cursor={cursor}" if cursor else "")
        body = c2.get(url).get_json()
        ids += [f["id"] for f in body["features"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert len(ids) == len(set(ids)) == 7


def test_clusters_timeline_meta(client):
    _post_text(client, TEXT)
    _post_text(client, "Drone strike on Stepanakert.")
    fc = client.get("/api/clusters?zoom=3&bbox=40,35,50,45").get_json()
    assert sum(f["properties"]["count"] for f in fc["features"]) == 2
    assert {"count", "killed", "types", "bbox"} <= set(fc["features"][0]["properties"])
    days = client.get("/api/timeline").get_json()["days"]
    assert days == [["2020-09-27", 1], ["2020-10-11", 1]]
    info = client.get("/api/meta").get_json()
    assert info["total"] == 2 and info["date_range"]["end"] == "2020-10-11"


def test_errors_are_json_for_unknown_routes_and_methods(client):
    r = client.get("/api/nothing-here")
    assert r.status_code == 404 and "error" in r.get_json()
    r = client.delete("/api/incidents")
    assert r.status_code == 405 and "error" in r.get_json()
    r = client.get("/api/articles")
    assert r.status_code == 405


def test_internal_errors_are_json_500(store, monkeypatch):
    app = create_app(store=store)
    monkeypatch.setattr("geomap.web.api.meta", lambda s: 1 / 0)
    r = app.test_client().get("/api/meta")
    assert r.status_code == 500 and r.get_json() == {"error": "internal error; see the server log"}


def test_map_page_is_registered_when_available(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    try:
        import geomap.web.mapview  # noqa: F401
    except ImportError:
        pytest.skip("map page not available")
    assert any(e.startswith("mapview.") for e in endpoints)


def test_create_app_opens_a_db_path(tmp_path):
    app = create_app(tmp_path / "fresh.db")
    assert app.test_client().get("/healthz").get_json()["articles"] == 0
    assert (tmp_path / "fresh.db").exists()


def test_seed_store_ingests_seeds_into_an_empty_store_only(tmp_path):
    pytest.importorskip("geomap.articles")
    from geomap.web.app import seed_store

    store = new_store(tmp_path)
    assert seed_store(store, FakeExtractor()) == 5
    assert seed_store(store, FakeExtractor()) == 0


def test_responses_are_valid_json_text(client):
    _post_text(client, TEXT)
    raw = client.get("/api/incidents").get_data(as_text=True)
    assert json.loads(raw)["features"][0]["properties"]["area"]["type"] == "LineString"
