"""Generate gazetteer/curated.geojson: named regions and lines that GeoNames lacks.

Every geometry is derived from the committed Natural Earth extracts by a stated rule
(a union of admin-1 units by GeoNames id, or the shared boundary of two countries), and
each entry carries a `review` note saying how. Regenerate with
`python -m geomap.gazetteer.curated`, then review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from shapely.geometry import Point, mapping, shape
from shapely.ops import linemerge, unary_union

DATA_DIR = Path(__file__).resolve().parents[2] / "gazetteer"
BORDER_TOLERANCE = 0.05  # degrees: countries are simplified separately, so edges differ

# NKAO core: Khojavend, Khojaly, Shusha rayons and Khankendi (Stepanakert), Shusha cities.
NK_UNITS = (409423, 409421, 147163, 409419, 148449)
# The seven surrounding districts held by Armenian forces 1994-2020.
NK_SURROUNDING = (586047, 147626, 147694, 146900, 148140, 148617, 148107)

# Places news names often that GeoNames' cities500 lacks (refugee camps, neighbourhoods,
# villages under 500 people). Points are approximate centres to within ~3 km, from
# general knowledge of the places; each entry should be checked against OpenStreetMap
# when this list is next reviewed. Only places whose location is well established.
PLACES: list[dict[str, Any]] = [
    {"slug": "maghazi-camp", "name": "Maghazi", "country": "PS", "lat": 31.4225,
     "lon": 34.3833, "alternate_names": ["Al-Maghazi", "Al Maghazi", "el-Maghazi",
                                         "Maghazi camp", "Maghazi refugee camp"],
     "review": "Refugee camp in the middle Gaza Strip (Deir al-Balah governorate)."},
    {"slug": "shujaiya", "name": "Shujaiya", "country": "PS", "lat": 31.5000,
     "lon": 34.4800, "alternate_names": ["Shuja'iyya", "Shujaiyya", "Shejaiya", "Shejaia",
                                         "Shujaiyeh", "Al-Shujaiya", "Shujaia"],
     "review": "Eastern neighbourhood of Gaza City."},
    {"slug": "al-mawasi", "name": "al-Mawasi", "country": "PS", "lat": 31.3450,
     "lon": 34.2650, "alternate_names": ["Mawasi", "Al-Mawasi", "Al Mawasi", "el-Mawasi"],
     "review": "Coastal strip west of Khan Younis and Rafah, ~12 km long; the point is "
               "its middle."},
    {"slug": "zamzam-camp", "name": "Zamzam", "country": "SD", "lat": 13.5000,
     "lon": 25.3000, "alternate_names": ["Zamzam camp", "Zam Zam", "Zam Zam camp"],
     "review": "Displacement camp about 15 km south of El Fasher, North Darfur."},
    {"slug": "abu-shouk-camp", "name": "Abu Shouk", "country": "SD", "lat": 13.6650,
     "lon": 25.3350, "alternate_names": ["Abu Shouk camp", "Abu Shok", "Abu Shok camp"],
     "review": "Displacement camp on the northern edge of El Fasher, North Darfur."},
    {"slug": "robotyne", "name": "Robotyne", "country": "UA", "lat": 47.4436,
     "lon": 35.8378, "alternate_names": ["Rabotino"],
     "review": "Village south of Orikhiv, Zaporizhzhia oblast."},
    {"slug": "hadrut", "name": "Hadrut", "country": "AZ", "lat": 39.5206, "lon": 47.0311,
     "alternate_names": ["Hadrud"],
     "review": "Town in the south of the former Nagorno-Karabakh (Khojavend district)."},
    {"slug": "martakert", "name": "Martakert", "country": "AZ", "lat": 40.2119,
     "lon": 46.8081, "alternate_names": ["Aghdara", "Ağdərə", "Agdere", "Mardakert"],
     "review": "Town in the north of the former Nagorno-Karabakh (Aghdara)."},
]

# Russia's North Caucasian Federal District: Chechnya, Dagestan, Ingushetia,
# Kabardino-Balkaria, Karachay-Cherkessia, North Ossetia, Stavropol (GeoNames ids).
NORTH_CAUCASUS = (569665, 567293, 556349, 554667, 552927, 519969, 487839)

# Seas and a breakaway region news names that neither GeoNames' cities nor Natural Earth's
# admin-1 units carry: a point near the middle, from general knowledge (to within ~50 km
# for the seas), as PLACES; kind region, so that no small town of the name outranks them.
POINT_REGIONS: list[dict[str, Any]] = [
    {"slug": "south-ossetia", "name": "South Ossetia", "country": "GE", "feature": "RGN",
     "lat": 42.35, "lon": 44.05, "alternate_names": ["Tskhinvali Region", "Samachablo"],
     "review": "Breakaway region of Georgia north of Gori; the point is near its middle, "
               "north of Tskhinvali."},
    {"slug": "black-sea", "name": "Black Sea", "country": None, "feature": "SEA",
     "lat": 43.4, "lon": 34.3, "alternate_names": [], "review": "Middle of the sea."},
    {"slug": "sea-of-azov", "name": "Sea of Azov", "country": None, "feature": "SEA",
     "lat": 46.0, "lon": 36.5, "alternate_names": ["Azov Sea"], "review": "Middle of the sea."},
    {"slug": "red-sea", "name": "Red Sea", "country": None, "feature": "SEA",
     "lat": 20.0, "lon": 38.5, "alternate_names": [], "review": "Middle of the sea."},
    {"slug": "gulf-of-aden", "name": "Gulf of Aden", "country": None, "feature": "SEA",
     "lat": 12.5, "lon": 47.5, "alternate_names": [], "review": "Middle of the gulf."},
    {"slug": "mediterranean-sea", "name": "Mediterranean Sea", "country": None,
     "feature": "SEA", "lat": 35.0, "lon": 18.0, "alternate_names": ["Mediterranean"],
     "review": "Central Mediterranean, between Sicily, Crete and Libya."},
    {"slug": "caspian-sea", "name": "Caspian Sea", "country": None, "feature": "SEA",
     "lat": 42.0, "lon": 50.5, "alternate_names": [], "review": "Middle of the sea."},
    {"slug": "persian-gulf", "name": "Persian Gulf", "country": None, "feature": "SEA",
     "lat": 26.5, "lon": 52.0, "alternate_names": ["Arabian Gulf"],
     "review": "Middle of the gulf."},
]

REGIONS: list[dict[str, Any]] = [
    {"slug": "nagorno-karabakh", "name": "Nagorno-Karabakh", "country": "AZ",
     "alternate_names": ["Nagorno Karabakh", "Nagorny Karabakh", "Nagorno-Karabagh",
                         "Karabakh", "Karabagh", "Artsakh", "Upper Karabakh"],
     "units": NK_UNITS,
     "review": "Union of the Natural Earth admin-1 units Khojavend, Khojaly and Shusha "
               "rayons and Khankendi and Shusha cities (GeoNames ids 409423, 409421, "
               "147163, 148449, 409419): the former NKAO less its Aghdara/Martakert part, "
               "which NE splits between Tartar and Kalbajar."},
    {"slug": "donbas", "name": "Donbas", "country": "UA",
     "alternate_names": ["Donbass", "Donets Basin"], "units": (709716, 702657),
     "review": "Union of Donetsk and Luhansk oblasts (GeoNames 709716, 702657)."},
    {"slug": "darfur", "name": "Darfur", "country": "SD", "alternate_names": [],
     "units": (408666, 408658, 8394436, 408660, 8394435),
     "review": "Union of the five Darfur states: North, West, Central, South, East "
               "(GeoNames 408666, 408658, 8394436, 408660, 8394435)."},
    {"slug": "kordofan", "name": "Kordofan", "country": "SD",
     "alternate_names": ["Kordufan"], "units": (408667, 408661),
     "review": "Union of North and South Kordofan states (GeoNames 408667, 408661); NE "
               "predates West Kordofan, whose area is inside these two."},
    {"slug": "england", "name": "England", "country": "GB", "alternate_names": [],
     "nuts": ("North West", "North East", "Yorkshire and the Humber", "East Midlands",
              "West Midlands", "East", "South East", "South West"),
     "review": "Union of the NE admin-1 units of Great Britain whose NUTS-1 region is in "
               "England (NE 'region' field)."},
    {"slug": "scotland", "name": "Scotland", "country": "GB", "alternate_names": [],
     "nuts": ("South Western", "Eastern", "Highlands and Islands", "North Eastern"),
     "review": "Union of the NE admin-1 units of Great Britain in Scotland's NUTS-2 regions."},
    {"slug": "wales", "name": "Wales", "country": "GB", "alternate_names": [],
     "nuts": ("East Wales", "West Wales and the Valleys"),
     "review": "Union of the NE admin-1 units of Great Britain in Wales's NUTS-2 regions."},
    {"slug": "northern-ireland", "name": "Northern Ireland", "country": "GB",
     "alternate_names": [], "nuts": ("Northern Ireland",),
     "review": "Union of the NE admin-1 units of Great Britain in Northern Ireland."},
    {"slug": "north-caucasus", "name": "North Caucasus", "country": "RU",
     "alternate_names": ["Northern Caucasus"], "units": NORTH_CAUCASUS,
     "review": "Union of the Natural Earth admin-1 units of Russia's North Caucasian "
               "Federal District: Chechnya, Dagestan, Ingushetia, Kabardino-Balkaria, "
               "Karachay-Cherkessia, North Ossetia, Stavropol (GeoNames ids as listed)."},
    {"slug": "caucasus", "name": "Caucasus", "country": None, "alternate_names": [],
     "units": NORTH_CAUCASUS, "countries": ("AM", "AZ", "GE"),
     "review": "Union of the North Caucasus units above and the outlines of Armenia, "
               "Azerbaijan and Georgia."},
    {"slug": "middle-east", "name": "Middle East", "country": None,
     "alternate_names": ["Mideast"],
     "countries": ("BH", "CY", "EG", "IR", "IQ", "IL", "JO", "KW", "LB", "OM", "PS", "QA",
                   "SA", "SY", "TR", "AE", "YE"),
     "review": "Union of the Natural Earth outlines of the 17 countries usually counted "
               "in the Middle East (Bahrain, Cyprus, Egypt, Iran, Iraq, Israel, Jordan, "
               "Kuwait, Lebanon, Oman, Palestine, Qatar, Saudi Arabia, Syria, Turkey, UAE, "
               "Yemen)."},
    {"slug": "sahel", "name": "Sahel", "country": None, "alternate_names": [],
     "countries": ("MR", "ML", "BF", "NE", "TD"),
     "review": "Union of the outlines of the G5 Sahel countries (Mauritania, Mali, "
               "Burkina Faso, Niger, Chad): the Sahel of conflict reporting."},
    {"slug": "horn-of-africa", "name": "Horn of Africa", "country": None,
     "alternate_names": [], "countries": ("ET", "ER", "DJ", "SO"),
     "review": "Union of the outlines of Ethiopia, Eritrea, Djibouti and Somalia."},
    {"slug": "south-caucasus", "name": "South Caucasus", "country": None,
     "alternate_names": ["Southern Caucasus", "Transcaucasia"], "countries": ("AM", "AZ", "GE"),
     "review": "Union of the Natural Earth outlines of Armenia, Azerbaijan and Georgia."},
]
BORDERS: list[dict[str, Any]] = [
    {"slug": "armenia-azerbaijan-border", "name": "Armenia–Azerbaijan border",
     "pair": ("AM", "AZ"), "country": "AZ",
     "alternate_names": ["Armenia-Azerbaijan border", "Azerbaijan-Armenia border",
                         "Armenian-Azerbaijani border", "Azerbaijani-Armenian border",
                         "Armenia-Azerbaijan state border", "Azerbaijan-Armenia state border"],
     "review": "Shared boundary of the Natural Earth 1:50m outlines of Armenia and "
               f"Azerbaijan (Armenia's edge within {BORDER_TOLERANCE} deg of Azerbaijan)."},
    {"slug": "iran-azerbaijan-border", "name": "Iran–Azerbaijan border",
     "pair": ("IR", "AZ"), "country": "AZ",
     "alternate_names": ["Iran-Azerbaijan border", "Azerbaijan-Iran border",
                         "Iranian-Azerbaijani border", "Azerbaijani-Iranian border"],
     "review": "Shared boundary of the Natural Earth 1:50m outlines of Iran and "
               f"Azerbaijan (Iran's edge within {BORDER_TOLERANCE} deg of Azerbaijan)."},
]


def _merge(geom: Any) -> Any:
    return geom if geom.geom_type == "LineString" else linemerge(geom)


def _round(coords: Any) -> Any:
    if isinstance(coords, float):
        return round(coords, 3)
    return [_round(c) for c in coords]


def _geojson(geom: Any) -> dict[str, Any]:
    m = mapping(geom)
    return {"type": m["type"], "coordinates": _round(m["coordinates"])}


def _feature(slug: str, name: str, kind: str, feature: str, country: str | None,
             alternate_names: list[str], geom: Any, review: str) -> dict[str, Any]:
    return {"type": "Feature", "id": f"cur:{slug}",
            "properties": {"id": f"cur:{slug}", "name": name, "kind": kind, "feature": feature,
                           "country": country, "alternate_names": alternate_names,
                           "review": review},
            "geometry": _geojson(geom)}


def make_curated() -> dict[str, Any]:
    a1_features = json.loads((DATA_DIR / "ne_admin1.geojson").read_text())["features"]
    admin1 = {f["properties"]["gn_id"]: shape(f["geometry"]) for f in a1_features}
    gb_regions: dict[str, list[Any]] = {}
    for f in a1_features:
        if f["properties"]["iso_a2"] == "GB" and f["properties"].get("region"):
            gb_regions.setdefault(f["properties"]["region"], []).append(shape(f["geometry"]))
    countries = {f["properties"]["iso2"]: shape(f["geometry"]) for f in
                 json.loads((DATA_DIR / "ne_countries.geojson").read_text())["features"]}

    def union(shapes: list[Any]) -> Any:
        # a small buffer closes slivers between separately simplified neighbours
        return unary_union([s.buffer(0.005) for s in shapes]).buffer(-0.005).simplify(0.01)

    feats = []
    for r in REGIONS:
        parts = [admin1[i] for i in r.get("units", ())] + \
                [countries[c] for c in r.get("countries", ())] + \
                [g for n in r.get("nuts", ()) for g in gb_regions[n]]
        feats.append(_feature(r["slug"], r["name"], "region", "RGN", r["country"],
                              r["alternate_names"], union(parts), r["review"]))

    held = union([admin1[i] for i in NK_UNITS + NK_SURROUNDING])
    outside = countries["AM"].buffer(BORDER_TOLERANCE).union(
        countries["IR"].buffer(BORDER_TOLERANCE))
    loc = _merge(held.exterior.difference(outside))
    if loc.geom_type == "MultiLineString":  # keep the main line, drop stubs
        loc = max(loc.geoms, key=lambda g: g.length)
    feats.append(_feature(
        "line-of-contact-nk", "Line of Contact", "line", "LCTY", "AZ",
        ["Nagorno-Karabakh Line of Contact", "Karabakh Line of Contact"], loc,
        "Approximate Nagorno-Karabakh Line of Contact 1994-2020: the edge, away from the "
        "Armenian and Iranian borders, of the union of the NKAO units and the seven "
        "surrounding districts held by Armenian forces (Kalbajar, Lachin, Qubadli, "
        "Zangilan, Jabrayil, Agdam, Fuzuli). The real line ran through Agdam and Fuzuli "
        "districts, so this is up to ~30 km east of it there."))

    for bd in BORDERS:
        a, b = (countries[c] for c in bd["pair"])
        line = _merge(a.boundary.intersection(b.buffer(BORDER_TOLERANCE)))
        feats.append(_feature(bd["slug"], bd["name"], "line", "BDR", bd["country"],
                              bd["alternate_names"], line, bd["review"]))
    for pr in POINT_REGIONS:
        feats.append(_feature(pr["slug"], pr["name"], "region", pr["feature"], pr["country"],
                              pr["alternate_names"], Point(pr["lon"], pr["lat"]),
                              pr["review"]))
    for pl in PLACES:
        feats.append(_feature(pl["slug"], pl["name"], "place", "PPL", pl["country"],
                              pl["alternate_names"], Point(pl["lon"], pl["lat"]),
                              pl["review"]))
    return {"type": "FeatureCollection", "features": feats}


def main() -> None:
    fc = make_curated()
    text = json.dumps(fc, ensure_ascii=False, indent=1)
    (DATA_DIR / "curated.geojson").write_text(text + "\n")
    for f in fc["features"]:
        print(f["id"], f["geometry"]["type"])


if __name__ == "__main__":
    main()
