"""/openapi.json is valid OpenAPI 3.1 and documents every route the app serves."""

from __future__ import annotations

import re

from openapi_spec_validator import validate
from test_store_fixtures import new_store

from geomap.web import create_app


def _app(tmp_path):
    return create_app(store=new_store(tmp_path))


def test_openapi_document_is_valid(tmp_path):
    r = _app(tmp_path).test_client().get("/openapi.json")
    assert r.status_code == 200
    spec = r.get_json()
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def _openapi_path(rule: str) -> str:
    return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule)


def test_every_api_route_and_method_is_documented(tmp_path):
    app = _app(tmp_path)
    spec = app.test_client().get("/openapi.json").get_json()
    ours = [rule for rule in app.url_map.iter_rules()
            if rule.rule.startswith("/api") or rule.endpoint.startswith("api.")]
    assert ours
    for rule in ours:
        path = _openapi_path(rule.rule)
        assert path in spec["paths"], f"{rule.rule} is not in /openapi.json"
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert method.lower() in spec["paths"][path], f"{method} {rule.rule} undocumented"


def test_documented_paths_exist(tmp_path):
    app = _app(tmp_path)
    spec = app.test_client().get("/openapi.json").get_json()
    served = {_openapi_path(rule.rule) for rule in app.url_map.iter_rules()}
    assert set(spec["paths"]) <= served


def test_documented_filter_parameters_are_accepted(tmp_path):
    client = _app(tmp_path).test_client()
    spec = client.get("/openapi.json").get_json()
    names = {p["name"] for p in spec["paths"]["/api/incidents"]["get"]["parameters"]}
    assert names == {"bbox", "start", "end", "type", "sub_type", "q", "limit", "cursor"}
    r = client.get("/api/incidents?bbox=40,35,50,45&start=2020-01-01&end=2021-01-01"
                   "&type=Battles&sub_type=Armed%20clash&q=clash&limit=10")
    assert r.status_code == 200
