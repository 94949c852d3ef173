"""A stand-in for the real API, written to the documented contract, over hand-made incidents.

It lets the map page be tested before (or without) the real store and app: the e2e
conftest uses the real `create_app` + ingest of `seeds/` when they exist and falls back to
this only when they do not. The incidents mirror what the seeds describe.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from typing import Any

from flask import Flask, Response, jsonify, request

XSS_TITLE = "<script>alert('xss-title')</script> Attack report"
XSS_EVIDENCE = "Witnesses said <img src=x onerror=alert('xss')> <script>alert(1)</script> fire."


def _inc(id_: str, event_type: str, sub: str, day: str, place: str, name: str, admin1: str,
         country: str, lat: float, lon: float, **extra: Any) -> dict[str, Any]:
    props: dict[str, Any] = {
        "id": id_, "event_type": event_type, "sub_event_type": sub, "date": day,
        "date_precision": 1, "place": place, "place_name": name, "gazetteer_id": None,
        "admin1": admin1, "country": country, "geo_precision": 1, "lat": lat, "lon": lon,
        "killed": None, "wounded": None, "captured": None, "killed_text": None,
        "wounded_text": None, "actor1": None, "actor2": None, "reported_by": None,
        "evidence": "", "source": "Press TV", "published": day, "url": "https://example.org/a",
        "title": "A report", "article_id": "a" + id_, "confidence": 0.8,
        "uncertainty_km": None, "area": None,
    }
    props.update(extra)
    props.setdefault("sources", [{
        "article_id": props["article_id"], "source": props["source"], "url": props["url"],
        "title": props["title"], "published": props["published"],
        "reported_by": props["reported_by"],
    }])
    props["source_count"] = len(props["sources"])
    return {"type": "Feature", "id": id_,
            "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": props}


def sample_incidents() -> list[dict[str, Any]]:
    """What the seed articles describe, by hand."""
    ganja_sources = [
        {"article_id": "s0", "source": "Mehr News via Tehran Times", "published": "2020-10-12",
         "url": "https://www.tehrantimes.com/news/1", "title": "Iran condemns killing",
         "reported_by": "Azerbaijan"},
        {"article_id": "s1", "source": "Press TV", "published": "2020-10-12",
         "url": "https://www.presstv.ir/Detail/2", "title": "Iran invites sides",
         "reported_by": "Azerbaijan"},
        {"article_id": "s9", "source": "Tasnim", "published": "2020-10-13",
         "url": "javascript:alert('src')", "title": "Third report", "reported_by": None},
    ]
    return [
        _inc("ganja", "Explosions/Remote violence", "Shelling/artillery/missile attack",
             "2020-10-11", "Ganja", "Ganja", "Ganja", "AZ", 40.6828, 46.3606,
             killed=9, wounded=33, actor1="Military Forces of Armenia",
             actor2="Civilians (Azerbaijan)", reported_by="Azerbaijan",
             evidence="Nine civilians were killed and 33 wounded in the shelling of Ganja.",
             sources=ganja_sources),
        _inc("kalbajar", "Battles", "Armed clash", "2021-11-16", "Kalbajar", "Kalbajar",
             "Kalbajar", "AZ", 40.1098, 46.0389, killed=7, actor1="Military Forces of Azerbaijan",
             actor2="Military Forces of Armenia",
             evidence="Clashes erupted on the border near Kalbajar."),
        _inc("gegharkunik", "Battles", "Armed clash", "2021-07-23", "Gegharkunik",
             "Gegharkunik", "Gegharkunik", "AM", 40.1553, 45.2637, geo_precision=3,
             uncertainty_km=40, killed=1, evidence="A soldier was killed in Gegharkunik."),
        _inc("loc", "Battles", "Armed clash", "2016-04-02", "Line of Contact",
             "Nagorno-Karabakh Line of Contact", None, "AZ", 39.9, 46.75, geo_precision=4,
             area={"type": "LineString", "coordinates": [[46.4, 40.3], [46.9, 39.9],
                                                          [47.2, 39.4]]},
             evidence="Heavy clashes along the Line of Contact in Nagorno-Karabakh."),
        _inc("tehran1", "Strategic developments", "Diplomatic statement", "2020-10-12",
             "Tehran", "Tehran", "Tehran", "IR", 35.6944, 51.4215,
             actor1="Government of Iran", evidence="Iran condemns missile attacks."),
        _inc("tehran2", "Strategic developments", "Diplomatic statement", "2021-11-16",
             "Tehran", "Tehran", "Tehran", "IR", 35.6944, 51.4215,
             actor1="Government of Iran", evidence="Iran urges restraint."),
    ]


def xss_incident() -> dict[str, Any]:
    return _inc("xss", "Violence against civilians", "Attack", "2021-07-24", "<b>Tovuz</b>",
                "Tovuz", "Tovuz", "AZ", 40.9925, 45.6284, killed=2, title=XSS_TITLE,
                evidence=XSS_EVIDENCE, actor1="<script>alert('actor')</script>",
                url="https://example.org/xss")


def boundaries(kind: str) -> dict[str, Any]:
    """A tiny stand-in for Gazetteer.boundaries: two boxes."""
    def box(name: str, w: float, s: float, e: float, n: float) -> dict[str, Any]:
        ring = [[w, s], [e, s], [e, n], [w, n], [w, s]]
        return {"type": "Feature", "properties": {"name": name},
                "geometry": {"type": "Polygon", "coordinates": [ring]}}
    if kind == "country":
        return {"type": "FeatureCollection",
                "features": [box("Azerbaijan", 44.8, 38.4, 50.4, 41.9),
                             box("Iran", 44.0, 25.0, 63.3, 38.4)]}
    return {"type": "FeatureCollection", "features": [box("Ganja", 46.2, 40.5, 46.6, 40.8)]}


def _matches(f: dict[str, Any], args: Any, *, use_dates: bool = True) -> bool:
    p = f["properties"]
    if args.get("bbox"):
        w, s, e, n = (float(v) for v in args["bbox"].split(","))
        if not (w <= p["lon"] <= e and s <= p["lat"] <= n):
            return False
    if use_dates and args.get("start") and (p["date"] or "") < args["start"]:
        return False
    if use_dates and args.get("end") and (p["date"] or "9999") > args["end"]:
        return False
    if "type" in args and p["event_type"] not in args["type"].split(","):
        return False
    q = args.get("q", "").lower()
    return not q or q in json.dumps(p).lower()


def create_standin_app(features: list[dict[str, Any]]) -> Flask:
    """The API contract over a list of features, plus the real map blueprint."""
    from geomap.web.mapview import bp

    app = Flask(__name__, static_folder=None)
    app.register_blueprint(bp)

    def selected(use_dates: bool = True) -> list[dict[str, Any]]:
        return [f for f in features if _matches(f, request.args, use_dates=use_dates)]

    @app.get("/api/incidents")
    def incidents() -> Response:
        rows = sorted(selected(), key=lambda f: (f["properties"]["date"] or "", f["id"]))
        start = int(request.args.get("cursor") or 0)
        limit = int(request.args.get("limit") or 500)
        page = rows[start:start + limit]
        nxt = str(start + limit) if start + limit < len(rows) else None
        return jsonify({"type": "FeatureCollection", "features": page, "next_cursor": nxt})

    @app.get("/api/clusters")
    def clusters() -> Response:
        zoom = int(request.args.get("zoom") or 2)
        cell = 360 / (2 ** zoom) / 4
        groups: dict[tuple[int, int], list[dict[str, Any]]] = {}
        for f in selected():
            p = f["properties"]
            groups.setdefault((math.floor(p["lon"] / cell), math.floor(p["lat"] / cell)),
                              []).append(p)
        out = []
        for members in groups.values():
            lons = [m["lon"] for m in members]
            lats = [m["lat"] for m in members]
            out.append({"type": "Feature",
                        "geometry": {"type": "Point",
                                     "coordinates": [sum(lons) / len(lons),
                                                     sum(lats) / len(lats)]},
                        "properties": {"count": len(members),
                                       "killed": sum(m["killed"] or 0 for m in members),
                                       "types": dict(Counter(m["event_type"]
                                                             for m in members)),
                                       "bbox": [min(lons), min(lats), max(lons), max(lats)]}})
        return jsonify({"type": "FeatureCollection", "features": out})

    @app.get("/api/timeline")
    def timeline() -> Response:
        days = Counter(f["properties"]["date"] for f in selected() if f["properties"]["date"])
        return jsonify({"days": sorted([d, n] for d, n in days.items())})

    @app.get("/api/meta")
    def meta() -> Response:
        dates = sorted(f["properties"]["date"] for f in features if f["properties"]["date"])
        return jsonify({"event_types": sorted({f["properties"]["event_type"]
                                               for f in features}),
                        "min_date": dates[0] if dates else None,
                        "max_date": dates[-1] if dates else None, "total": len(features)})

    @app.get("/export.geojson")
    def export() -> Response:
        body = json.dumps({"type": "FeatureCollection", "features": selected()})
        return Response(body, mimetype="application/geo+json", headers={
            "Content-Disposition": 'attachment; filename="geomap-export.geojson"'})

    return app
