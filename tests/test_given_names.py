"""The given-name list the recognizer reads: US census names plus Faker's international
ones, without the spellings that are chiefly places or words."""

from __future__ import annotations

import pytest

from geomap.gazetteer import Gazetteer
from geomap.geoparse import Geoparser


def test_international_given_names_are_latin_and_counted() -> None:
    from geomap.gazetteer.names import international_given_names

    names = international_given_names()
    assert names["hassan"] >= 3 and names["amina"] >= 3 and "jean-pierre" in names
    assert all(n == n.lower() and not any(c.isdigit() for c in n) for n in names)
    assert "brooklyn" not in names  # Faker's US `en` list is left out


@pytest.mark.parametrize("name", ["hassan", "amina", "pierre", "ahmad", "mohammed"])
def test_international_names_reach_the_index(built_gazetteer: Gazetteer, name: str) -> None:
    assert name in built_gazetteer.given_names


@pytest.mark.parametrize("name", [
    "el", "nova", "wadi",   # open many place names ("El Gezira state")
    "over", "said",         # English words
    "amani", "khalil",      # alternate names of Amman and Hebron: chiefly places
])
def test_place_like_spellings_are_no_given_names(built_gazetteer: Gazetteer,
                                                 name: str) -> None:
    assert name not in built_gazetteer.given_names


def test_given_name_filter_rules() -> None:
    from geomap.gazetteer.build import _Builder, _given_names

    b = _Builder()
    town = b.add("1", "Bigtown", "place", "PPL", "XX", None, 0.0, 0.0, 500_000, None)
    b.name(town, "Bigtown")
    region = b.add("2", "Regio", "region", "RGN", "XX", None, 0.0, 0.0, 0, None)
    b.name(region, "Regio")
    for i in range(25):
        name = f"Nova Place{chr(97 + i)}"
        b.name(b.add(f"h{i}", name, "place", "PPL", "XX", None, 0, 0, 10, None), name)
    intl = {"bigtown": 1, "regio": 9, "nova": 1, "al": 9, "word": 9, "hassan": 1}
    assert _given_names(b, {"john"}, intl, {"word"}) == {"john", "hassan"}
    assert "bigtown" in _given_names(b, set(), {"bigtown": 3}, set())  # widely a name


def test_foreign_given_name_makes_a_person(built_gazetteer: Gazetteer) -> None:
    gp = Geoparser(built_gazetteer)
    text = ("President Hassan Sheikh Mohamud spoke in Mogadishu. Local administrator "
            "Jean Pierre Kambale said the road to Goma was closed.")
    got = {text[m.start:m.end] for m in gp.parse(text) if m.place is not None}
    assert "Hassan" not in got and "Pierre" not in got
    assert {"Mogadishu", "Goma"} <= got
