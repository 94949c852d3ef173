"""Place names the gazetteer lacks, located by the places named around them."""

from __future__ import annotations

import pytest

from geomap.context_places import CONTEXT_CONFIDENCE, contextual_mentions
from geomap.geoparse import Geoparser


@pytest.fixture(scope="module")
def gp(built_gazetteer) -> Geoparser:
    return Geoparser(built_gazetteer)


def located(gp: Geoparser, text: str) -> dict[str, tuple[str, str]]:
    """text as written -> (container's name, country) for the contextual mentions only."""
    base = gp.parse(text)
    known = {(m.start, m.end) for m in base}
    return {m.text: (m.place.name, m.place.country)
            for m in contextual_mentions(text, base) if (m.start, m.end) not in known}


def test_a_neighbourhood_of_a_named_city_is_placed_at_the_city(gp: Geoparser) -> None:
    got = located(gp, "Tanks pushed into the Qurnat neighbourhood of Kharkiv overnight.")
    assert got == {"Qurnat": ("Kharkiv", "UA")}


def test_a_district_after_its_citys_possessive(gp: Geoparser) -> None:
    got = located(gp, "A drone hit Odesa's Peresypskyi district on Monday.")
    assert got["Peresypskyi"] == ("Odesa", "UA")


def test_a_village_takes_the_nearest_place_named_before_it(gp: Geoparser) -> None:
    text = ("Fighting spread across Ituri province. Gunmen then raided the village of "
            "Ndjazakpa, residents said.")
    assert located(gp, text) == {"Ndjazakpa": ("Ituri", "CD")}


def test_confidence_stays_low_and_spans_are_exact(gp: Geoparser) -> None:
    text = "Shells fell on the Barzawi camp near Tyre."
    mentions = contextual_mentions(text, gp.parse(text))
    (camp,) = [m for m in mentions if m.text == "Barzawi"]
    assert text[camp.start:camp.end] == "Barzawi"
    assert camp.confidence <= CONTEXT_CONFIDENCE


@pytest.mark.parametrize("text", [
    "Troops left the Russian-held village at dawn near Kherson.",  # a people's adjective
    "Aid reached the UN camp outside Goma.",                       # an acronym
    "Residents of the Northern district of Kharkiv sheltered.",    # a direction word
    "Shelling hit a village on Tuesday.",                           # no name at all
])
def test_no_name_no_mention(gp: Geoparser, text: str) -> None:
    assert located(gp, text) == {}


def test_without_a_place_around_it_nothing_is_guessed(gp: Geoparser) -> None:
    assert located(gp, "Gunmen attacked the village of Ndjazakpa.") == {}


def test_a_container_found_by_nearness_must_be_in_the_articles_country(
        gp: Geoparser) -> None:
    # "Amina Saide" reads as a Turkish town; the camp is not put in Turkey
    text = ("Fighters raided Mocimboa da Praia and Pemba. Amina Saide fled with her "
            "children to the Ntokota camp.")
    assert located(gp, text).get("Ntokota", ("", "MZ"))[1] == "MZ"
