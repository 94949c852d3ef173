"""The shared incident record and its GeoJSON form."""

from __future__ import annotations

import json
from datetime import date

from geomap.model import PROPERTY_NAMES, Incident, feature_collection
from geomap.taxonomy import EVENT_TYPES, TAXONOMY, is_valid


def make_incident(**overrides) -> Incident:
    fields = dict(
        id="abc", event_type="Battles", sub_event_type="Armed clash",
        date=date(2021, 7, 23), date_precision=1, place="Kalbajar district",
        place_name="Kalbajar", gazetteer_id="gn:1", admin1="Kalbajar", country="AZ",
        geo_precision=2, lat=40.1, lon=46.03, killed=1,
    )
    fields.update(overrides)
    return Incident(**fields)


def test_feature_is_a_point_in_lon_lat_order_with_every_property():
    feature = make_incident().to_feature()
    assert feature["geometry"] == {"type": "Point", "coordinates": [46.03, 40.1]}
    assert tuple(feature["properties"]) == PROPERTY_NAMES
    assert feature["properties"]["date"] == "2021-07-23"
    json.dumps(feature_collection([feature]))  # JSON-ready, no date objects left


def test_unlocated_incident_has_null_geometry_and_null_date():
    feature = make_incident(lat=None, lon=None, date=None, date_precision=None).to_feature()
    assert feature["geometry"] is None
    assert feature["properties"]["date"] is None


def test_taxonomy_has_acled_types_and_our_statement_layer():
    assert EVENT_TYPES[:3] == ("Battles", "Explosions/Remote violence",
                               "Violence against civilians")
    assert is_valid("Strategic developments", "Diplomatic statement")
    assert not is_valid("Battles", "Air/drone strike")
    assert all(subs for subs in TAXONOMY.values())
