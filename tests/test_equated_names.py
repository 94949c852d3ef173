"""Two names the text gives for one place resolve to the place both name."""

from __future__ import annotations

import pytest

from geomap.equated_names import equate_names
from geomap.model import Mention, Place

MARTUNI_AM = Place("gn:1", "Martuni", "place", "PPL", "AM", "Gegharkunik", 40.14, 45.3, 12000)
KHOJAVEND = Place("gn:2", "Khojavend", "place", "PPL", "AZ", "Khojavend", 39.79, 47.11, 3700)
KHOJAVEND_ADM = Place("gn:3", "Khojavend", "admin1", "ADM1", "AZ", "Khojavend", 39.7, 47.0)
AZ = Place("gn:4", "Azerbaijan", "country", "PCLI", "AZ", None, 40.5, 47.5)
KYIV = Place("gn:5", "Kyiv", "place", "PPLC", "UA", "Kyiv", 50.45, 30.52, 2.8e6)
LVIV = Place("gn:6", "Lviv", "place", "PPLA", "UA", "Lviv", 49.84, 24.03, 7e5)
NAMES = {"Martuni": [MARTUNI_AM, KHOJAVEND], "Khojavend": [KHOJAVEND_ADM, KHOJAVEND],
         "Azerbaijan": [AZ], "Kyiv": [KYIV], "Lviv": [LVIV]}


def found(text: str) -> list[Mention]:
    """Each known name, resolved to its first reading (as a resolver without context
    would)."""
    out = []
    for name, places in NAMES.items():
        at = text.find(name)
        while at >= 0:
            out.append(Mention(name, at, at + len(name), places[0], 0.6))
            at = text.find(name, at + 1)
    return sorted(out, key=lambda m: m.start)


@pytest.mark.parametrize("text", [
    "A shell struck a school in Martuni (which Azerbaijan calls Khojavend) on Monday.",
    "A shell struck Martuni, known to Azerbaijanis as Khojavend, on Monday.",
    "A shell struck Martuni (Khojavend) on Monday.",
    "A shell struck Martuni, also called Khojavend, on Monday.",
])
def test_the_place_named_by_both_names_wins_for_each(text: str) -> None:
    got = {m.text: m.place for m in equate_names(text, found(text), NAMES.get)}
    assert got["Martuni"] == KHOJAVEND and got["Khojavend"] == KHOJAVEND
    assert got.get("Azerbaijan", AZ) == AZ


@pytest.mark.parametrize("text", [
    "Shelling hit Martuni, Khojavend and Kyiv.",  # a list names three places
    "Shelling hit Martuni or Khojavend.",
    "Shelling hit Martuni. Later, in the south, shells fell in Khojavend.",
])
def test_names_only_listed_together_keep_their_own_readings(text: str) -> None:
    got = {m.text: m.place for m in equate_names(text, found(text), NAMES.get)}
    assert got["Martuni"] == MARTUNI_AM and got["Khojavend"] == KHOJAVEND_ADM


def test_two_names_with_no_place_in_common_are_left_alone() -> None:
    text = "Drones hit Kyiv (also called Lviv by no one) overnight."
    got = {m.text: m.place for m in equate_names(text, found(text), NAMES.get)}
    assert got == {"Kyiv": KYIV, "Lviv": LVIV}


def test_the_pipeline_reads_a_contested_town_by_the_name_the_text_equates(extractor) -> None:
    from geomap.articles import make_article

    text = ("Mortar fire hit positions near Sotk in Gegharkunik province. Five civilians were "
            "killed when a shell struck a school in Martuni (which Azerbaijan calls "
            "Khojavend), officials said.")
    got = {m.text: m.place for m in extractor.toponyms(make_article(text, where="t"))}
    assert got["Martuni"].country == "AZ" and got["Martuni"] == got["Khojavend"]
