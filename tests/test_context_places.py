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


def test_a_local_place_read_as_a_namesake_abroad_moves_home(gp: Geoparser,
                                                            built_gazetteer) -> None:
    from geomap.context_places import relocate_homonyms

    text = ("Army jets struck Omdurman again. Residents of the Haram district said three "
            "shells fell near the market, and Khartoum was quiet.")
    base = {m.text: m.place for m in gp.parse(text)}
    assert base["Haram"].country != "SD"  # the namesake abroad
    moved = {m.text: m for m in relocate_homonyms(text, gp.parse(text),
                                                  built_gazetteer.neighbours)}
    assert moved["Haram"].place.name == "Omdurman"
    assert moved["Haram"].runner_up == base["Haram"]
    assert moved["Haram"].confidence <= CONTEXT_CONFIDENCE


def test_a_namesake_abroad_before_a_capitalised_type_word_moves_home(
        gp: Geoparser, built_gazetteer) -> None:
    from geomap.context_places import relocate_homonyms

    # Japan has a Kani; the township is in Sagaing, Myanmar
    text = ("Junta jets bombed villages in Sagaing Region on Friday, residents said. A school "
            "in Kani Township was hit.")
    moved = {m.text: m.place.country for m in relocate_homonyms(
        text, gp.parse(text), built_gazetteer.neighbours)}
    assert moved["Kani"] == "MM"


def test_a_city_abroad_without_a_place_type_word_stays(gp: Geoparser,
                                                       built_gazetteer) -> None:
    from geomap.context_places import relocate_homonyms

    text = ("Army jets struck Omdurman and Khartoum. Envoys met in Geneva to discuss a "
            "truce for Darfur.")
    moved = {m.text: m.place.country for m in relocate_homonyms(
        text, gp.parse(text), built_gazetteer.neighbours)}
    assert moved["Geneva"] == "CH"


@pytest.mark.parametrize(("text", "name"), [
    ("Jets struck Mandalay again. Monks fled a monastery in Qorvintu Township.", "Qorvintu"),
    ("Fighters in Maiduguri withdrew into the Qorvintu Forest at dusk.", "Qorvintu"),
    ("Gas works resumed on the Qorvintu peninsula near Pemba.", "Qorvintu"),
    ("Shelling hit Kharkiv. Aid reached the Qorvintu region later.", "Qorvintu"),
])
def test_a_capitalised_type_word_and_wider_types_make_a_name(gp: Geoparser, text: str,
                                                            name: str) -> None:
    assert name in located(gp, text)


def test_a_name_placed_once_stands_there_when_named_again(gp: Geoparser) -> None:
    # the second mention's paragraph and sentence name no place, and the first place
    # lies too far back to be reached by nearness alone
    text = ("Drones hit Kharkiv's Qorvintu district overnight.\n\n"
            + "Rescuers worked through the night. " * 40
            + "\n\nA second strike on Qorvintu district followed.")
    got = [m for m in contextual_mentions(text, gp.parse(text)) if m.text == "Qorvintu"]
    assert len(got) == 2 and got[1].place == got[0].place
    assert got[0].place.name == "Kharkiv"


def test_the_story_stays_where_it_last_was(gp: Geoparser) -> None:
    text = ("Troops retook Konduga, in Borno state, on Monday.\n\n"
            "Insurgents fled into the Qorvintu Forest, the army said.")
    assert located(gp, text).get("Qorvintu", ("", ""))[1] == "NG"


@pytest.mark.parametrize("text", [
    "Jets struck Mandalay. Read more: Regime Shells Village Camp in Sagaing, Killing Six",
    "Shelling hit Sumy.\n\nBy hromada: two strikes.",  # a preposition opens no name
])
def test_titles_and_function_words_make_no_name(gp: Geoparser, text: str) -> None:
    got = located(gp, text)
    assert not any(k.split()[0] in ("Regime", "Shells", "Village", "By") for k in got), got


def test_a_placed_name_is_placed_wherever_it_recurs(gp: Geoparser) -> None:
    text = ("Jets struck Mandalay. Monks fled Qorvintu Township at dawn.\n\n"
            "Later, troops shelled the roads around Qorvintu again.")
    got = [m for m in contextual_mentions(text, gp.parse(text)) if m.text == "Qorvintu"]
    assert len(got) == 2 and got[0].place == got[1].place
    assert all(m.confidence <= CONTEXT_CONFIDENCE for m in got)


def test_an_area_names_a_place(gp: Geoparser) -> None:
    assert located(gp, "Shells struck the Qorvintu area of Omdurman.") == {
        "Qorvintu": ("Omdurman", "SD")}


@pytest.mark.parametrize("text", [
    "Gunmen raided homes near Qorvintu in Ituri province on Saturday.",
    "Farmers were killed in Qorvintu, near Maiduguri, in 2020.",
])
def test_a_name_put_near_the_place_named_after_it(gp: Geoparser, text: str) -> None:
    got = located(gp, text)
    assert got.get("Qorvintu", ("", ""))[1] in ("CD", "NG"), got


def test_in_a_name_in_a_place_is_no_cue(gp: Geoparser) -> None:
    # "in X in Y" is how people and bodies are written too
    assert located(gp, "The bill stalled in Qorvintu in Kharkiv last week.") == {}


def test_a_capitalised_type_word_before_another_capital_is_an_organisation(
        gp: Geoparser) -> None:
    tail = " met through the night and into the following morning, officials there said."
    assert located(gp, "In Kharkiv the Qorvintu Camp Association" + tail) == {}
    assert located(gp, "In Kharkiv the Qorvintu Camp residents" + tail) != {}


def test_a_citys_district_read_as_a_namesake_far_away_moves_to_the_city(
        gp: Geoparser) -> None:
    # a made-up document: a known town name used as a district of a big city it is
    # far from ("the city's X district")
    base = {m.text: m for m in gp.parse("Drones hit Kharkiv at night. The city's "
                                        "Pokrovsk district lost power.")}
    assert base["Pokrovsk"].place.name != "Kharkiv"  # the town in Donetsk region
    text = "Drones hit Kharkiv at night. The city's Pokrovsk district lost power."
    got = {m.text: m for m in contextual_mentions(text, gp.parse(text))}
    assert got["Pokrovsk"].place.name == "Kharkiv"
    assert got["Pokrovsk"].confidence <= CONTEXT_CONFIDENCE
    assert got["Pokrovsk"].runner_up == base["Pokrovsk"].place
    # without a city named as its container, a raion keeps its town
    text = "Shelling hit Pokrovsk district overnight."
    got = {m.text: m for m in contextual_mentions(text, gp.parse(text))}
    assert got["Pokrovsk"].place.name != "Kharkiv"


def test_names_listed_before_a_plural_type_word_of_a_city_stand_in_that_city(
        gp: Geoparser, built_gazetteer) -> None:
    from geomap.context_places import relocate_homonyms

    # "Al Wahda" is also the Arabic name of a state next door: named as a neighbourhood of
    # the city, with another, it is the city's
    text = ("Clashes took place on Tuesday in the Al Wahda and Al Qubba neighbourhoods of "
            "El Fasher, residents said.")
    base = {m.text: m.place for m in gp.parse(text)}
    assert base["Al Wahda"].country != "SD"
    moved = {m.text: m for m in relocate_homonyms(text, gp.parse(text),
                                                  built_gazetteer.neighbours)}
    assert moved["Al Wahda"].place.name == "El Fasher"
    assert moved["Al Wahda"].confidence <= CONTEXT_CONFIDENCE
    # a real district of the city stays itself
    text = "Israeli tanks shelled the Shujaiya and Zeitoun neighbourhoods of Gaza City."
    kept = {m.text: m.place.name for m in relocate_homonyms(text, gp.parse(text),
                                                            built_gazetteer.neighbours)}
    assert kept["Shujaiya"] == "Shujaiya"


def test_a_demonym_before_border_is_the_line_with_the_home_country(built_gazetteer) -> None:
    from geomap.context_places import demonym_borders

    gp = Geoparser(built_gazetteer)
    text = ("Sudanese troops shelled positions near the Chadian border in West Darfur, and "
            "clashes were reported in El Geneina.")
    got = {m.text: m.place for m in demonym_borders(text, gp.parse(text),
                                                     built_gazetteer.lookup)}
    assert got["Chadian border"].kind == "line"
    assert "Chad" in got["Chadian border"].name and "Sudan" in got["Chadian border"].name
    # the home country's own border, or no home country at all, adds nothing
    for text in ("Troops massed near the Sudanese border in West Darfur and El Geneina.",
                 "Talks on the Chadian border question resumed."):
        assert all(m.text.endswith("border") is False
                   for m in demonym_borders(text, gp.parse(text), built_gazetteer.lookup))


def test_a_village_takes_a_place_abroad_named_before_it_in_its_own_sentence(
        gp: Geoparser) -> None:
    text = ("Shelling hit Kharkiv and Odesa on Thursday, Ukrainian officials said.\n\n"
            "In Russia's Belgorod region, the governor said a drone attack had wounded two "
            "people in the village of Nekhotovka on Thursday.")
    assert located(gp, text)["Nekhotovka"] == ("Belgorod", "RU")
