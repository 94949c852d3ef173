"""Property tests: no query string or upload body makes the API answer 500."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_store_fixtures import FakeExtractor, incident, new_store, snapshot

from geomap.web import create_app

PARAMS = ("bbox", "start", "end", "type", "sub_type", "q", "limit", "cursor", "zoom")
values = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["1,2,3,4", "-180,-90,180,90", "nan,0,1,1", "1e999,0,1,1", "2020-02-30",
                     "2020-01-01", "0", "5000", "-1", "Battles", "Battles,,Riots", "%", "\x00"]),
)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    store = new_store(tmp_path_factory.mktemp("fuzz"))
    app = create_app(store=store, extractor_factory=lambda: FakeExtractor(
        {"known": [incident()]}), max_upload_bytes=4096)
    app.test_client().post("/api/articles", json={"text": "known"})
    return app.test_client()


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(["/api/incidents", "/api/clusters", "/api/timeline",
                             "/export.csv"]),
       params=st.dictionaries(st.sampled_from(PARAMS), values, max_size=4))
def test_no_query_string_causes_a_server_error(client, path, params):
    r = client.get(f"{path}?{urlencode(params)}")
    assert r.status_code in (200, 400), (path, params, r.data[:200])
    if r.status_code == 400:
        assert r.get_json()["error"]


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=300),
       content_type=st.sampled_from(["application/json", "text/plain", "multipart/form-data",
                                     "application/x-www-form-urlencoded", ""]))
def test_no_upload_body_causes_a_server_error(client, body, content_type):
    before = snapshot(client.application.extensions["geomap"].store)
    r = client.post("/api/articles", data=body, content_type=content_type or None)
    assert r.status_code in (200, 201, 400, 413), (body, content_type, r.data[:200])
    if r.status_code >= 400:
        assert snapshot(client.application.extensions["geomap"].store) == before
