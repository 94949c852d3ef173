"""Incident assembly with hand-built places: placement, dates, counts, merging, ids."""

from __future__ import annotations

import re
from datetime import date

import pytest

from geomap import taxonomy as tx
from geomap.incidents import extract_incidents
from geomap.model import (
    DATE_WEEK,
    GEO_LINE_OR_COUNTRY,
    GEO_NEAR,
    GEO_POINT,
    GEO_REGION,
    Article,
    Mention,
    Place,
)

GANJA = Place("gn:586523", "Ganja", "place", "PPL", "AZ", "Ganja", 40.68, 46.36, 300000)
GANJA_ADM = Place("gn:828298", "Ganja", "admin1", "ADM1", "AZ", "Ganja", 40.68, 46.36, 0, True)
AZ = Place("gn:587116", "Azerbaijan", "country", "PCLI", "AZ", None, 40.5, 47.5, 0, True)
AM = Place("gn:174982", "Armenia", "country", "PCLI", "AM", None, 40.25, 45.0, 0, True)
IR = Place("gn:130758", "Iran", "country", "PCLI", "IR", None, 32.0, 53.0, 0, True)
TEHRAN = Place("gn:112931", "Tehran", "place", "PPLC", "IR", "Tehran", 35.69, 51.42, 7e6)
BAKU = Place("gn:587084", "Baku", "place", "PPLC", "AZ", "Baku", 40.38, 49.89, 2e6)
MOSCOW = Place("gn:524901", "Moscow", "place", "PPLC", "RU", "Moscow", 55.75, 37.62, 1e7)
GEGH = Place("gn:828261", "Gegharkunik", "admin1", "ADM1", "AM", "Gegharkunik", 40.2, 45.3,
             0, True)
KALB_TOWN = Place("gn:586268", "Kalbajar", "place", "PPL", "AZ", "Kəlbəcər",
                  40.1, 46.04, 7000)
KALB_ADM = Place("gn:586047", "Kəlbəcər", "admin1", "ADM1", "AZ", "Kəlbəcər", 40.1, 46.0, 0,
                 True)
BORDER = Place("cur:armenia-azerbaijan-border", "Armenia–Azerbaijan border", "line", "BDR",
               "AZ", None, 40.0, 45.6, 0, True)
# an invented lakeside town in Gegharkunik, for the province-and-town rules
LAKETOWN = Place("t:lake", "Laketown", "place", "PPL", "AM", "Gegharkunik", 40.3, 45.2, 9000)
AVDIIVKA = Place("gn:713122", "Avdiivka", "place", "PPL", "UA", "Donetsk", 48.14, 37.75, 30000)

NAMES = {"Ganja": GANJA, "Azerbaijan": AZ, "Armenia": AM, "Iran": IR, "TEHRAN": TEHRAN,
         "Tehran": TEHRAN, "Moscow": MOSCOW, "Gegharkunik": GEGH, "Kalbajar": KALB_TOWN,
         "Avdiivka": AVDIIVKA, "Baku": BAKU, "Laketown": LAKETOWN}
BY_NAME = {"armenia-azerbaijan border": [BORDER], "azerbaijan-armenia border": [BORDER],
           "kəlbəcər": [KALB_ADM], "kalbajar": [KALB_ADM, KALB_TOWN], "ganja": [GANJA_ADM, GANJA],
           "azerbaijan": [AZ], "iran": [IR], "tehran": [TEHRAN], "baku": [BAKU]}
CAPITALS = {"IR": TEHRAN, "AZ": BAKU, "RU": MOSCOW}


def mentions(text: str) -> list[Mention]:
    """A tiny stand-in for the geoparser: exact names from NAMES."""
    out = []
    for name, place in NAMES.items():
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            out.append(Mention(name, m.start(), m.end(), place, 0.9))
    return sorted(out, key=lambda m: m.start)


def lookup(name: str) -> list[Place]:
    return BY_NAME.get(name.lower().replace("–", "-"), [])


def run(text: str, published: date | None = date(2020, 10, 12), **kw) -> list:
    article = Article(text=text, id="art1", published=published, source="Wire",
                      chrome=kw.pop("chrome", ()))
    return extract_incidents(article, mentions(text), lookup=lookup,
                             capital=CAPITALS.get, **kw)


def violent(incidents: list) -> list:
    return [i for i in incidents if i.event_type in tx.VIOLENT_EVENT_TYPES]


def test_shelling_with_counts_from_the_next_sentence() -> None:
    text = ("Ministry spokesman Saeed Khatibzadeh on Monday urged the two sides to show "
            "restraint.\n\nHis remarks came a day after the truce fell apart due to reported "
            "Armenian shelling of Azerbaijan's second-largest city of Ganja.\n\n"
            "Azerbaijan's Foreign Ministry said the shellfire left at least nine people dead "
            "and 33 others wounded, including children.")
    (inc,) = violent(run(text))
    assert (inc.event_type, inc.sub_event_type) == (tx.EXPLOSIONS, tx.SHELLING)
    assert (inc.place_name, inc.geo_precision, inc.date) == ("Ganja", GEO_POINT,
                                                             date(2020, 10, 11))
    assert (inc.killed, inc.wounded) == (9, 33)
    assert inc.reported_by == "Azerbaijan's Foreign Ministry"
    assert inc.actor1 == "Military Forces of Armenia"
    assert "shellfire" in inc.evidence and "city of Ganja" in inc.evidence
    assert inc.article_id == "art1" and inc.source == "Wire" and 0 < inc.confidence <= 1


def test_counts_without_event_cue_join_the_previous_event() -> None:
    text = ("Armenia's parliament said that 15 Armenian soldiers had died in clashes on the "
            "country's border with Azerbaijan on Tuesday. The parliament added that 12 of "
            "their soldiers had been captured by Azerbaijan.")
    (inc,) = violent(run(text, date(2021, 11, 16)))
    assert (inc.killed, inc.captured) == (15, 12)
    assert inc.gazetteer_id == BORDER.id and inc.geo_precision == GEO_LINE_OR_COUNTRY
    assert inc.date == date(2021, 11, 16)


def test_one_event_told_twice_is_one_incident() -> None:
    text = ("On Friday night, media reported clashes between Azerbaijan and Armenia in the "
            "Kalbajar region. One Azerbaijani soldier was reported killed in the clashes.\n\n"
            "The ministry accused Armenia of firing at the positions of the Azerbaijani Armed "
            "Forces in Kalbajar district on July 23, as a result of which an Azerbaijani "
            "serviceman was killed.")
    (inc,) = violent(run(text, date(2021, 7, 24)))
    assert inc.event_type == tx.BATTLES and inc.date == date(2021, 7, 23)
    assert inc.gazetteer_id == KALB_ADM.id and inc.geo_precision == GEO_REGION
    assert inc.killed == 1 and inc.evidence.count("Kalbajar") >= 2


def test_two_places_two_incidents() -> None:
    text = ("Clashes broke out in the Kalbajar region on July 23. Azerbaijani forces opened "
            "fire at Armenian positions in the Gegharkunik section of the border on July 23.")
    incs = violent(run(text, date(2021, 7, 24)))
    assert sorted(i.place_name for i in incs) == ["Gegharkunik", "Kəlbəcər"]
    gegh = next(i for i in incs if i.place_name == "Gegharkunik")
    assert gegh.geo_precision == GEO_REGION and gegh.actor1 == "Military Forces of Azerbaijan"


def test_province_has_area_and_uncertainty() -> None:
    text = "Fighting raged in Gegharkunik on Sunday, officials said."
    geometry = {"type": "Polygon", "coordinates": [[[45, 40], [46, 40], [46, 41], [45, 40]]]}
    (inc,) = run(text, geometry=lambda pid: geometry if pid == GEGH.id else None)
    assert inc.area == geometry and inc.uncertainty_km and inc.uncertainty_km >= 50
    assert (inc.lat, inc.lon) == (GEGH.lat, GEGH.lon)


def test_near_is_precision_two() -> None:
    text = "Ukrainian forces repelled an assault near Avdiivka on Sunday, the general staff said."
    (inc,) = run(text, date(2024, 5, 6))
    assert inc.geo_precision == GEO_NEAR and inc.date == date(2024, 5, 5)


def test_background_and_chrome_make_no_incident() -> None:
    caption = "Troops take part in a parade in Ganja on November 8, 2021. (Photo by Reuters)"
    text = (caption + "\n\nThe six-week conflict, which claimed more than 6,500 lives, ended "
            "last November. The conflict first broke out in 1988.")
    assert run(text, date(2021, 11, 16), chrome=((0, len(caption)),)) == []


def test_statement_at_dateline_or_capital() -> None:
    text = ("TEHRAN – Foreign Ministry spokesman Saeed Khatibzadeh has condemned the killing "
            "of civilians. “Iran condemns missile attacks on civilian areas,” he added.")
    (inc,) = run(text)
    assert inc.sub_event_type == tx.DIPLOMATIC_STATEMENT and inc.place_name == "Tehran"
    text = "On Saturday, Russian President Vladimir Putin urged the parties to observe a truce."
    (inc,) = run(text)
    assert inc.place_name == "Moscow" and inc.date == date(2020, 10, 10)


def test_metonymy_is_not_a_place() -> None:
    text = ("Armenia had asked Moscow to help defend its sovereignty against attacks by "
            "Azerbaijani forces, officials said on Tuesday.")
    assert all(i.place_name != "Moscow" for i in run(text, date(2021, 11, 16)))


def test_no_publication_date_no_guess() -> None:
    (inc,) = run("Clashes broke out in Ganja on Saturday.", None)
    assert inc.date is None and inc.date_precision is None


def test_ids_are_deterministic_and_distinct() -> None:
    text = ("Clashes broke out in the Kalbajar region on July 23. Azerbaijani forces opened "
            "fire at Armenian positions in Gegharkunik on July 23.")
    a = run(text, date(2021, 7, 24))
    b = run(text, date(2021, 7, 24))
    assert [i.id for i in a] == [i.id for i in b] and len({i.id for i in a}) == len(a)


def test_empty_article() -> None:
    assert run("   ") == []


def test_place_from_the_headline() -> None:
    text = "Shelling hits Ganja\n\nShelling killed two people on Monday, officials said."
    article = Article(text=text, id="h", published=date(2020, 10, 12), title="Shelling hits Ganja",
                      chrome=((0, 19),))
    (inc,) = extract_incidents(article, mentions(text), lookup=lookup)
    assert inc.place_name == "Ganja" and inc.killed == 2 and "hits Ganja" not in inc.evidence
    own = run("Shelling killed two people in Ganja on Monday, officials said.")[0]
    assert inc.confidence < own.confidence


def test_places_listed_together_are_one_event_each() -> None:
    text = "Fighting continued in Ganja and Baku on Thursday, residents said."
    incs = run(text)
    assert sorted(i.place_name for i in incs) == ["Baku", "Ganja"]
    assert len({i.id for i in incs}) == 2


def test_armed_group_names_are_not_places() -> None:
    NAMES["Hamas"] = GANJA  # a geoparser that mistakes the group for a town
    try:
        text = "Troops clashed with fighters of Hamas in Baku on Thursday."
        (inc,) = run(text)
        assert inc.place_name == "Baku"
    finally:
        del NAMES["Hamas"]


def test_killed_sentence_after_an_attack_is_its_toll() -> None:
    text = "Heavy shelling hit Ganja on Sunday. Nine people were killed, officials said."
    (inc,) = run(text)
    assert inc.sub_event_type == tx.SHELLING and inc.killed == 9


def test_war_totals_do_not_join_the_event() -> None:
    text = ("Shelling hit Ganja on Sunday, killing two people. The war has killed more than "
            "6,000 people, officials said.")
    (inc,) = run(text)
    assert inc.killed == 2


def test_each_place_keeps_its_own_toll() -> None:
    for text in ("Shelling killed one civilian in Ganja and wounded two in Baku on Sunday.",
                 "On Sunday, in Ganja one civilian was killed by shelling, while in Baku two "
                 "were wounded."):
        incs = {i.place_name: i for i in violent(run(text))}
        assert set(incs) == {"Ganja", "Baku"}, text
        assert (incs["Ganja"].killed, incs["Ganja"].wounded) == (1, None), text
        assert (incs["Baku"].killed, incs["Baku"].wounded) == (0, 2), text


def test_one_toll_for_places_listed_together_stays_whole() -> None:
    text = "Shelling killed two people and wounded five in Ganja and Baku on Sunday."
    incs = violent(run(text))
    assert sorted(i.place_name for i in incs) == ["Baku", "Ganja"]
    assert sum(i.killed or 0 for i in incs) == 2 and sum(i.wounded or 0 for i in incs) == 5


def test_a_reported_restatement_of_an_earlier_toll_is_not_a_new_death() -> None:
    text = ("Clashes broke out in Kalbajar on Friday. One Azerbaijani soldier was killed in the "
            "clashes. On Saturday, troops opened fire at Armenian positions in Gegharkunik. "
            "The shootings came after the ministry informed that an Azerbaijani serviceman "
            "died in the shootings. Two Armenian soldiers were wounded in the shootings.")
    incs = {i.place_name: i for i in violent(run(text))}
    assert incs["Kalbajar"].killed == 1
    assert (incs["Gegharkunik"].killed, incs["Gegharkunik"].wounded) == (0, 2)


def test_a_new_toll_in_reported_speech_still_counts() -> None:
    text = ("Troops opened fire at positions in Gegharkunik on Saturday. The ministry said "
            "that two soldiers died in the shootings.")
    (inc,) = violent(run(text))
    assert inc.killed == 2


def test_elided_count_for_a_second_place_is_its_own_toll() -> None:
    text = "Air strikes killed 12 people in Ganja and 7 in Baku on Sunday."
    incs = {i.place_name: i for i in violent(run(text))}
    assert (incs["Ganja"].killed, incs["Baku"].killed) == (12, 7)


def test_a_later_toll_updates_the_event_a_paragraph_on() -> None:
    text = ("A missile attack killed nine people in Ganja on Sunday, officials said.\n\n"
            "The death toll rose to 11 on Monday as rescuers pulled two more bodies from "
            "the rubble.")
    (inc,) = violent(run(text))
    assert inc.killed == 11


def test_a_toll_naming_another_place_is_not_an_update() -> None:
    text = ("A missile attack killed nine people in Ganja on Sunday, officials said.\n\n"
            "The death toll in Tehran rose to 40.")
    (inc,) = violent(run(text))
    assert inc.killed == 9


def test_killed_sentence_with_its_reporting_day_is_the_toll() -> None:
    text = ("During an operation in Ganja overnight, troops exchanged fire with gunmen. "
            "Four gunmen were killed in the exchange, the military said on Monday.")
    (inc,) = violent(run(text))
    assert inc.event_type == tx.BATTLES and inc.killed == 4


def test_central_town_named_like_its_province_is_the_town() -> None:
    text = "Three people were killed as shells hit a bus stop in central Ganja on Sunday."
    at = text.index("Ganja")
    article = Article(text=text, id="a", published=date(2020, 10, 12))
    (inc,) = extract_incidents(article, [Mention("Ganja", at, at + 5, GANJA_ADM, 0.9)],
                               lookup=lookup)
    assert inc.gazetteer_id == GANJA.id and inc.geo_precision == GEO_POINT


def test_a_river_bank_is_not_the_site() -> None:
    text = "Troops clashed near Avdiivka on the left bank of the Baku on Sunday."
    (inc,) = violent(run(text))
    assert inc.place_name == "Avdiivka"


def test_the_day_a_source_spoke_yields_to_the_event_date() -> None:
    text = ("Over the past 24 hours, troops shelled Ganja 46 times, the governor said on "
            "Tuesday morning.")
    (inc,) = violent(run(text, published=date(2024, 3, 12)))
    assert (inc.date, inc.date_precision) == (date(2024, 3, 11), DATE_WEEK)


def test_as_a_result_of_the_shelling_is_the_event_just_told() -> None:
    text = ("On Sunday, units of the Armenian armed forces subjected to fire the positions "
            "of the Azerbaijani army in Kalbajar. As a result of the shelling, a serviceman "
            "was killed.")
    (inc,) = violent(run(text))
    assert (inc.event_type, inc.sub_event_type, inc.killed) == (tx.EXPLOSIONS, tx.SHELLING, 1)


@pytest.mark.parametrize("follow", [
    "The raid killed four farmers.", "It killed four farmers.",
    "Local officials said the attack killed four farmers.",
])
def test_a_deed_whose_subject_is_the_event_just_told_gives_that_event_its_toll(follow) -> None:
    # the subject names the strike just told, not the earlier event told with "killed"
    text = ("Shelling killed two men in Ganja on Sunday. On Sunday, a drone strike hit a "
            f"grain store in Laketown. {follow}")
    tolls = {i.place_name: i.killed for i in violent(run(text))}
    assert tolls == {"Ganja": 2, "Laketown": 4}


def test_a_deed_whose_subject_is_an_actor_is_not_the_last_events_toll() -> None:
    text = ("On Sunday, a drone strike hit a grain store in Laketown. "
            "Soldiers killed two gunmen.")
    assert [i.killed for i in violent(run(text)) if i.place_name == "Laketown"] == [0]


def test_the_attack_retold_adds_its_toll() -> None:
    text = ("A gunman opened fire on police in Ganja on Sunday night. The attack left one "
            "officer dead and three people wounded.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed, inc.wounded) == ("Ganja", 1, 3)


def test_clashes_then_a_shelling_stay_clashes() -> None:
    text = ("Fierce clashes broke out in Kalbajar on Sunday. Two soldiers were killed in the "
            "shelling.")
    (inc,) = violent(run(text))
    assert (inc.event_type, inc.killed) == (tx.BATTLES, 2)


def test_a_summary_line_headed_by_its_place() -> None:
    (inc,) = violent(run("Ganja: 2 killed, 5 injured in shelling on Sunday."))
    assert (inc.place_name, inc.killed, inc.wounded) == ("Ganja", 2, 5)


def test_the_previous_day_counts_back_from_the_narration() -> None:
    text = ("Shelling hit Ganja on Saturday, officials said.\n\n"
            "On the previous day, clashes broke out in Kalbajar.")
    incs = {i.event_type: i for i in violent(run(text, published=date(2020, 10, 12)))}
    assert incs[tx.EXPLOSIONS].date == date(2020, 10, 10)
    assert incs[tx.BATTLES].date == date(2020, 10, 9)


def test_a_running_tally_without_an_event_is_no_incident() -> None:
    assert not violent(run("The UN says more than 300 aid workers have been killed in Ganja."))
    (inc,) = violent(run("Two civilians have been killed in Ganja, the governor said."))
    assert inc.killed == 2


def test_statement_placed_at_the_primary_capital(extractor) -> None:
    # the pipeline passes Gazetteer.capital_of: one capital even where a country has three
    text = "On Saturday, the South African government condemned the attack on the convoy."
    (inc,) = extractor.extract(Article(text=text, id="za", published=date(2024, 1, 10),
                                       source="Wire"))
    assert inc.place_name == "Pretoria"
    text = "The US State Department condemned the shelling of civilians on Tuesday."
    (inc,) = extractor.extract(Article(text=text, id="us", published=date(2024, 1, 10),
                                       source="Wire"))
    assert inc.place_name == "Washington" and abs(inc.lon + 77.04) < 0.1


def test_a_toll_update_goes_to_the_event_with_a_toll_not_the_last_told() -> None:
    text = ("A drone strike killed four people in Ganja on Sunday.\n\n"
            "Separately, clashes broke out in Kalbajar on Sunday.\n\n"
            "By Monday the death toll had climbed to six, officials said.")
    incs = {i.place_name: i for i in violent(run(text))}
    assert (incs["Ganja"].killed, incs["Kalbajar"].killed) == (6, 0)


def test_a_count_of_bodies_updates_the_killing_told_without_a_number() -> None:
    # the latest event told with dead, even uncounted, takes the later count; and "the
    # number of bodies recovered" is a toll
    text = ("A drone strike killed four people in Ganja on Sunday.\n\n"
            "Separately, gunmen on Sunday killed shepherds grazing their flocks near "
            "Kalbajar, residents said.\n\n"
            "On Monday a local official said the number of bodies recovered had risen to 9.")
    incs = {i.place_name: i for i in violent(run(text))}
    assert (incs["Ganja"].killed, incs["Kalbajar"].killed) == (4, 9)


def test_a_hospital_town_does_not_block_a_toll_update() -> None:
    text = ("A missile hit the market in Ganja on Sunday, killing three people.\n\n"
            "The toll rose to five after two of the wounded died in hospital in Baku.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed) == ("Ganja", 5)


def test_a_toll_raised_by_later_deaths_replaces_the_first_and_is_not_added() -> None:
    text = ("Shelling hit Ganja on Sunday, killing two people.\n\n"
            "Three more bodies were found on Monday, bringing the death toll to five.")
    (inc,) = violent(run(text))
    assert inc.killed == 5


def test_a_heading_line_places_its_paragraph_and_the_summary_date_holds() -> None:
    text = ("Evening summary, 10 October.\n\n"
            "Kalbajar district. In the afternoon a drone struck a farm in the district. "
            "A barn and two tractors burned. There were no casualties.\n\n"
            "Ganja. Shelling damaged a school in the morning. A guard was wounded.")
    incs = {i.place_name: i for i in violent(run(text))}
    assert set(incs) == {"Kəlbəcər", "Ganja"}
    farm, school = incs["Kəlbəcər"], incs["Ganja"]
    assert (farm.geo_precision, farm.killed, farm.date) == (GEO_REGION, 0, date(2020, 10, 10))
    assert (school.wounded, school.date) == (1, date(2020, 10, 10))


def test_an_undated_event_takes_the_narrated_day_not_none() -> None:
    text = ("On Saturday, shelling hit Ganja, killing two.\n\n"
            "Residents queued for water at the station. Shops were closed.\n\n"
            "In Kalbajar, a drone hit a car in the evening.")
    incs = {i.place_name: i for i in violent(run(text))}
    assert incs["Kalbajar"].date == date(2020, 10, 10)


def test_a_dateline_is_not_a_heading() -> None:
    text = "TEHRAN – Clashes erupted between Azerbaijan and Armenia on Sunday, officials said."
    (inc,) = violent(run(text))
    assert inc.place_name != "Tehran"


def test_events_on_two_stated_days_in_nested_places_stay_two() -> None:
    text = ("A drone strike killed four people in Kalbajar on Saturday.\n\n"
            "Separately, shelling in the Kalbajar district killed two civilians on Sunday.")
    incs = sorted(violent(run(text)), key=lambda i: i.date)
    assert [(i.date, i.killed) for i in incs] == [(date(2020, 10, 10), 4),
                                                   (date(2020, 10, 11), 2)]


def test_a_night_into_a_day_is_that_day() -> None:
    text = "Troops clashed with gunmen in Ganja during an overnight raid into Sunday."
    (inc,) = violent(run(text, published=date(2020, 10, 13)))
    assert inc.date == date(2020, 10, 11)


def test_the_city_of_a_story_datelined_there() -> None:
    text = ("GANJA – Life goes on in the market.\n\n"
            "Last Thursday, a missile struck a warehouse on the eastern edge of the city, "
            "killing two workers.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed, inc.date) == ("Ganja", 2, date(2020, 10, 8))


def test_a_caption_between_paragraphs_does_not_end_the_narrated_day() -> None:
    """Page chrome between two paragraphs of one story: the second paragraph's event is
    still on the day the first one set, not on the publication day."""
    first = "Shelling hit Ganja on Saturday, the ministry said.\n\n"
    caption = "A damaged house in Baku. REUTERS/Jane Doe"
    text = first + caption + "\n\nThe shells killed two civilians in Ganja.\n"
    start = len(first)
    got = violent(run(text, date(2020, 10, 12), chrome=((start, start + len(caption)),)))
    assert [i.date for i in got] == [date(2020, 10, 10)]
    assert got[0].killed == 2


def test_mentions_are_asked_for_only_when_a_sentence_reports_an_event() -> None:
    """`extract` passes the geoparser as a function: an article without an event must not
    pay for toponym resolution, and one with an event must get the same incidents."""
    asked: list[str] = []

    def lazy(text: str):
        return lambda: asked.append(text) or mentions(text)

    quiet = "Officials in Baku met their counterparts from Tehran to discuss trade."
    article = Article(text=quiet, id="q", published=date(2020, 10, 12))
    assert extract_incidents(article, lazy(quiet), lookup=lookup) == []
    assert asked == []
    text = "Armenian shelling hit Ganja on Sunday, killing nine people."
    article = Article(text=text, id="art1", published=date(2020, 10, 12), source="Wire")
    got = extract_incidents(article, lazy(text), lookup=lookup, capital=CAPITALS.get)
    assert asked == [text]
    assert got == run(text) and got


def test_an_event_dated_only_last_week_is_not_coded() -> None:
    text = ("Last week, heavy fighting broke out around Kalbajar, residents said.\n\n"
            "On Sunday, shelling hit Ganja, killing two.")
    assert [i.place_name for i in violent(run(text))] == ["Ganja"]


def test_a_live_blog_toll_naming_the_place_updates_its_event() -> None:
    text = ("09:12 A missile hit a block of flats in Ganja on Sunday, killing three people.\n\n"
            "10:40 In Kalbajar, a drone hit a power line. No casualties were reported.\n\n"
            "13:20 The toll in Ganja is now 8, including a child.")
    incs = {i.place_name: i for i in violent(run(text))}
    assert (incs["Ganja"].killed, incs["Kalbajar"].killed) == (8, 0)


def test_the_town_of_x_in_the_countryside_of_y_is_x() -> None:
    text = "Shelling killed four civilians in the town of Ganja in the countryside of Baku."
    ms = [Mention(m.text, m.start, m.end, m.place, 0.6 if m.text == "Ganja" else 0.95)
          for m in mentions(text)]
    article = Article(text=text, id="a", published=date(2020, 10, 12), source="Wire")
    (inc,) = violent(extract_incidents(article, ms, lookup=lookup, capital=CAPITALS.get))
    assert (inc.place_name, inc.geo_precision) == ("Ganja", GEO_POINT)


def test_a_toll_update_after_an_unplaced_event_is_not_the_earlier_ones() -> None:
    text = ("Shelling hit Ganja on Saturday, killing six people.\n\n"
            "On Sunday, gunmen attacked a remote hamlet, killing 20 villagers. The toll rose "
            "from 20 to 31 by Monday.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed) == ("Ganja", 6)


def test_the_number_of_fatalities_rose_updates_the_strike() -> None:
    text = ("On Sunday, an air strike on a house in Ganja killed at least five people. "
            "Later that day, the number of fatalities rose to seven.")
    (inc,) = violent(run(text))
    assert inc.killed == 7


def test_the_city_is_the_last_city_named_without_a_dateline() -> None:
    text = ("Shelling hit Baku on Friday, killing two.\n\n"
            "On Saturday, a drone hit a market in Kalbajar, wounding three.\n\n"
            "Clashes continued on the western edge of the city on Sunday.")
    incs = {i.event_type: i for i in violent(run(text))}
    assert incs[tx.BATTLES].place_name == "Baku"


def test_an_event_dated_only_last_month_is_not_coded() -> None:
    text = ("Last month, a car bomb exploded in Kalbajar.\n\n"
            "On Sunday, shelling hit Ganja, killing two.")
    assert [i.place_name for i in violent(run(text))] == ["Ganja"]


def test_a_region_and_its_town_with_their_own_tolls_are_two_events() -> None:
    text = ("On Sunday, drones hit a depot in the Kalbajar district, killing a driver. "
            "Hours later, a missile struck the town of Kalbajar, killing three people.")
    incs = sorted(violent(run(text)), key=lambda i: i.geo_precision)
    assert [(i.place_name, i.killed) for i in incs] == [("Kalbajar", 3), ("Kəlbəcər", 1)]


def test_a_region_named_after_its_capital_in_another_form_is_the_region() -> None:
    town = Place("gn:692194", "Sumy", "place", "PPL", "UA", "Sums'ka", 50.92, 34.8, 260000)
    region = Place("gn:692196", "Sums'ka", "admin1", "ADM1", "UA", "Sums'ka", 51.0, 34.0, 0,
                   True)
    by_name = {"sumy": [town], "sums'ka": [region]}
    for text, name, precision in (
            ("On Monday, shelling in the Sumy region killed two civilians.", "Sums'ka",
             GEO_REGION),
            ("On Monday, shelling in the Sumy district killed two civilians.", "Sumy",
             GEO_NEAR)):
        at = text.index("Sumy")
        article = Article(text=text, id="a", published=date(2024, 5, 7), source="Wire")
        (inc,) = extract_incidents(article, [Mention("Sumy", at, at + 4, town, 0.9)],
                                   lookup=lambda n: by_name.get(n.lower(), []))
        assert (inc.place_name, inc.geo_precision) == (name, precision), text


def test_a_township_or_territory_named_after_a_town_is_near_it_not_on_it() -> None:
    for word in ("Township", "territory", "zone"):
        text = f"An air strike on a village in Avdiivka {word} killed 11 people on Saturday."
        (inc,) = violent(run(text))
        assert (inc.place_name, inc.geo_precision) == ("Avdiivka", GEO_NEAR), word


def test_an_undated_event_after_a_historic_day_takes_publication_not_history() -> None:
    text = ("On 7 October 2019, shelling hit Ganja.\n\n"
            "Residents queued for water.\n\n"
            "In Kalbajar, a drone hit a car in the evening.")
    incs = {i.place_name: i for i in violent(run(text))}
    assert incs["Kalbajar"].date == date(2020, 10, 12)


def test_a_road_between_two_towns_is_one_event() -> None:
    text = "A drone strike on a car on the road between Ganja and Kalbajar killed two people."
    assert len(violent(run(text))) == 1


def test_a_reading_abroad_loses_to_a_place_in_the_storys_country() -> None:
    text = ("Shelling hit Ganja on Saturday.\n\n"
            "On Sunday, troops repelled an attack on Tehran hill, about 15 km east of Kalbajar.")
    incs = {i.event_type: i for i in violent(run(text))}
    assert (incs[tx.BATTLES].place_name, incs[tx.BATTLES].geo_precision) == ("Kalbajar",
                                                                              GEO_NEAR)


def test_there_were_no_casualties_a_paragraph_on() -> None:
    (inc,) = violent(run("Units opened fire at positions in Kalbajar on Sunday.\n\n"
                         "There were no casualties."))
    assert inc.killed == 0


def test_a_toll_told_on_a_later_day_is_the_same_event() -> None:
    text = ("Shelling hit Ganja on Sunday, killing two people.\n\n"
            "The shelling of Ganja killed three people, officials said on Monday.")
    (inc,) = violent(run(text))
    assert (inc.date, inc.killed) == (date(2020, 10, 11), 3)


def test_deaths_told_as_added_raise_the_toll() -> None:
    for later, killed in (("Two more people died in hospital overnight.", 5),
                          ("A third soldier died of his wounds on Monday.", 3),
                          ("Another civilian later died of wounds.", 4)):
        text = f"Shelling hit Ganja on Sunday, killing three people.\n\n{later}"
        if "third" in later:
            text = f"Shelling hit Ganja on Sunday, killing two soldiers.\n\n{later}"
        (inc,) = violent(run(text))
        assert inc.killed == killed, later


def test_the_other_sides_dead_add_to_the_clash_toll() -> None:
    text = ("Gunmen attacked an army post in Kalbajar on Sunday. Three soldiers were killed. "
            "Troops said eleven attackers were also killed.")
    (inc,) = violent(run(text))
    assert inc.killed == 14


def test_the_same_side_told_twice_is_not_added() -> None:
    text = ("Gunmen attacked an army post in Kalbajar on Sunday. Three soldiers were killed. "
            "The three soldiers were killed at the gate, officials said.")
    (inc,) = violent(run(text))
    assert inc.killed == 3


def test_a_disputed_claim_does_not_raise_the_toll() -> None:
    text = ("Gunmen attacked an army post in Kalbajar on Sunday. Two soldiers were killed. "
            "The gunmen claimed to have killed 30 soldiers, a figure not supported by "
            "local sources.")
    (inc,) = violent(run(text))
    assert inc.killed == 2


def test_a_toll_update_from_a_place_named_health_office_updates_the_event() -> None:
    text = ("Shelling hit Kalbajar on Sunday, killing four.\n\n"
            "By evening, Ganja health officials said the toll had risen to seven.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed) == ("Kalbajar", 7)


def test_the_towns_east_is_the_town_just_introduced() -> None:
    text = ("Attention has turned to Kalbajar, a mountain town north of Ganja. On Sunday, "
            "troops fought in the old quarter in the town's south.")
    (inc,) = violent(run(text))
    assert (inc.event_type, inc.place_name) == (tx.BATTLES, "Kalbajar")


def test_what_a_war_was_over_is_not_the_site() -> None:
    text = ("Fighting broke out on Sunday, the worst since the 2020 war over Kalbajar, "
            "officials said.")
    assert all(i.place_name != "Kalbajar" for i in violent(run(text)))


def test_the_citys_east_is_the_town_of_the_story() -> None:
    text = ("TEHRAN - Shelling hit Ganja on Sunday, killing two. On Saturday, troops "
            "fought gunmen in the city's eastern suburbs.")
    incs = {i.event_type: i for i in violent(run(text))}
    assert incs[tx.BATTLES].place_name == "Ganja"


def test_a_summary_bullet_is_the_event_told_later_that_week() -> None:
    text = ("- Drone strike on Ganja; casualties reported.\n\n"
            "On 9 October, a drone struck a market in Ganja. Several people were hurt.")
    (inc,) = violent(run(text, published=date(2020, 10, 12)))
    assert inc.date == date(2020, 10, 9)


def test_a_paragraph_framed_in_an_earlier_war_stays_history() -> None:
    text = ("Shelling hit Ganja on Sunday.\n\n"
            "In the 2016 fighting, dozens were killed. Troops recaptured Kalbajar.")
    assert [i.place_name for i in violent(run(text))] == ["Ganja"]


def test_an_unknown_neighbourhood_is_in_the_dateline_city() -> None:
    text = ("BAKU - Gunmen shot dead four residents in the Zarya neighbourhood on Sunday, "
            "police said.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed) == ("Baku", 4)


def test_a_second_clauses_event_keeps_its_place_to_itself() -> None:
    text = ("On Sunday, gunmen killed two farmers in the hills, and police reported "
            "clashes in Ganja.")
    assert not [i for i in violent(run(text)) if i.event_type == tx.VIOLENCE_CIVILIANS
                and i.place_name == "Ganja"]


def test_two_armies_dead_add_up_and_one_armys_restated_do_not() -> None:
    text = ("Clashes broke out in Kalbajar on Sunday. Four Azerbaijani soldiers were killed. "
            "Armenia said three Armenian soldiers were killed.")
    (inc,) = violent(run(text))
    assert inc.killed == 7
    text = ("Clashes broke out in Kalbajar on Sunday. Four Azerbaijani soldiers were killed. "
            "Officials said two Azerbaijani soldiers were killed at the pass.")
    (inc,) = violent(run(text))
    assert inc.killed == 4


def test_the_other_sides_account_of_the_fighting_on_that_day_is_the_same_battle() -> None:
    text = ("Clashes broke out in Kalbajar on 10 October. Two Azerbaijani soldiers were "
            "killed.\n\nArmenia said 3 of its soldiers died in the fighting on 10 October, "
            "which it said took place in Gegharkunik.")
    (inc,) = violent(run(text, published=date(2020, 10, 12)))
    assert (inc.place_name, inc.killed) == ("Kalbajar", 5)


def test_a_place_less_deed_happens_where_the_paragraph_set_the_scene() -> None:
    text = ("Artillery shelled Ganja on Sunday.\n\nOn Sunday, a patrol spotted an armed man "
            "near Avdiivka. The troops opened fire and eliminated the terrorist.")
    battles = [i for i in violent(run(text)) if i.event_type == tx.BATTLES]
    assert [(i.place_name, i.killed) for i in battles] == [("Avdiivka", 1)]


def test_a_road_named_for_a_city_is_not_that_city() -> None:
    text = ("Clashes in the mountain city of Kalbajar killed five people on Sunday. "
            "Fighting spread along the Ganja highway to several neighbourhoods of the city.")
    assert [i.place_name for i in violent(run(text))] == ["Kalbajar"]


def test_the_city_is_the_town_the_text_called_a_city() -> None:
    text = ("Officials met in Ganja. Clashes in the mountain city of Kalbajar killed five "
            "people on Sunday. Fighting spread to several neighbourhoods of the city.")
    assert [i.place_name for i in violent(run(text))] == ["Kalbajar"]


def test_a_later_paragraphs_no_losses_is_the_clash_s_zero() -> None:
    text = ("Armenian units fired at Azerbaijani positions in Kalbajar on Sunday.\n\n"
            "There are no losses among our personnel.")
    (inc,) = violent(run(text))
    assert inc.killed == 0


def test_a_raid_that_met_fire_is_a_battle() -> None:
    text = ("Two men were killed during an army raid on Ganja on Sunday. Witnesses reported "
            "exchanges of fire between troops and gunmen in the old quarter.")
    (inc,) = violent(run(text))
    assert (inc.event_type, inc.place_name, inc.killed) == (tx.BATTLES, "Ganja", 2)


def test_a_raid_met_by_fire_in_the_next_paragraph_is_a_battle() -> None:
    text = ("Two youths were martyred on Sunday as troops stormed Ganja, officials said.\n\n"
            "Residents said gunmen fought the soldiers in the narrow lanes for hours.")
    (inc,) = violent(run(text))
    assert (inc.event_type, inc.place_name, inc.killed) == (tx.BATTLES, "Ganja", 2)


def test_a_toll_naming_its_raid_updates_it_after_an_unplaced_aside() -> None:
    text = ("Two men were killed on Sunday when soldiers raided Ganja.\n\n"
            "A local brigade said its members detonated a roadside bomb against a jeep.\n\n"
            "On Monday a third man died of his wounds, bringing the toll of the raid to "
            "three.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed) == ("Ganja", 3)


def test_fighters_are_the_other_side_of_soldiers() -> None:
    text = ("Clashes broke out in Kalbajar on Sunday. Three soldiers were killed. "
            "Rebels said 8 of their fighters died.")
    (inc,) = violent(run(text))
    assert inc.killed == 11


def test_a_bulletins_next_town_line_is_its_own_incident() -> None:
    text = ("Artillery shelled Ganja on Sunday, killing two people. In Kalbajar, three "
            "people were injured.")
    got = sorted((i.place_name, i.killed, i.wounded) for i in violent(run(text)))
    assert got == [("Ganja", 2, None), ("Kalbajar", 0, 3)]


def test_a_death_in_another_towns_hospital_stays_with_the_event() -> None:
    text = ("Artillery shelled Kalbajar on Sunday, killing two people. A third victim died "
            "in hospital in Ganja.")
    (inc,) = violent(run(text))
    assert inc.place_name == "Kalbajar"


def test_a_raided_town_sets_the_scene_for_the_shooting_after() -> None:
    text = "Before dawn on Sunday, troops raided Kalbajar. Two young men were shot dead."
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed) == ("Kalbajar", 2)


def test_a_provinces_daily_total_stays_apart_from_its_towns() -> None:
    text = ("Over the past day, artillery shelled Kəlbəcər 40 times. Six people were "
            "killed.\n\nIn Kalbajar, shelling wounded two people.")
    found = sorted([*mentions(text), Mention("Kəlbəcər", 37, 45, KALB_ADM, 0.9)],
                   key=lambda m: m.start)
    article = Article(text=text, id="art1", published=date(2020, 10, 12), source="Wire")
    got = sorted((i.place_name, i.killed) for i in violent(extract_incidents(
        article, found, lookup=lookup, capital=CAPITALS.get)))
    assert got == [("Kalbajar", 0), ("Kəlbəcər", 6)]


def test_a_later_entry_saying_how_many_are_now_dead_updates_the_toll() -> None:
    text = ("A drone hit a bus in Ganja on Sunday, killing two passengers.\n\n"
            "Three people are now confirmed dead.")
    (inc,) = violent(run(text))
    assert inc.killed == 3


def test_where_a_speaker_sits_is_not_the_events_place() -> None:
    """'the ministry in Tehran said a man was killed': the toll belongs to the clash just
    told, not to the ministry's city."""
    text = ("Clashes broke out in Ganja on Sunday. The health ministry in Tehran said a "
            "man was killed in the clashes.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed) == ("Ganja", 1)


def test_another_group_also_killed_adds_to_the_toll() -> None:
    text = ("Militants attacked a market in Kalbajar on Sunday. Six traders were killed. "
            "Two children were also killed in the attack.")
    (inc,) = violent(run(text))
    assert inc.killed == 8


def test_the_city_after_a_small_towns_event_is_that_town() -> None:
    text = ("Shelling hit Baku on Saturday, killing two.\n\n"
            "Rockets hit Avdiivka on Sunday. One rocket landed on the edge of the city; "
            "nobody was hurt.")
    got = sorted((i.place_name, i.killed) for i in violent(run(text)))
    assert got == [("Avdiivka", 0), ("Baku", 2)]


def test_a_live_blog_entry_is_not_dated_by_the_entry_before() -> None:
    text = ("09:05 - Two soldiers were killed in clashes in Kalbajar on Saturday.\n\n"
            "10:40 - Drone strikes Ganja\nA drone hit a yard in the city, no one was hurt.")
    got = sorted((i.place_name, i.date) for i in violent(run(text)))
    assert got == [("Ganja", date(2020, 10, 12)), ("Kalbajar", date(2020, 10, 10))]


def test_killed_in_the_strike_goes_to_the_strike_not_the_last_salvo() -> None:
    text = ("Jets carried out a strike on a depot in Ganja on Sunday. Separately, rockets "
            "were fired at Kalbajar; no one was hurt.\n\n"
            "Officials later said three guards were killed in the strike on the depot.")
    got = sorted((i.place_name, i.killed) for i in violent(run(text)))
    assert got == [("Ganja", 3), ("Kalbajar", 0)]


def test_a_zero_toll_told_with_its_source_in_the_next_paragraph() -> None:
    text = ("Enemy units fired at our positions in Kalbajar on Sunday.\n\n"
            "There were no human casualties, the defence ministry said.")
    (inc,) = violent(run(text))
    assert inc.killed == 0
    text = ("A drone hit a fuel depot in Ganja on Sunday.\n\n"
            "A local official said there were no casualties.")
    (inc,) = violent(run(text))
    assert inc.killed == 0


@pytest.mark.parametrize("gap", [" ", "\n\n"])
def test_a_posts_place_line_and_update_lead(gap: str) -> None:
    """Telegram-style posts: a stamp, a place line ("Avdiivka."), the post; a later post
    "Update on Ganja." updates Ganja's toll, not the latest one told."""
    text = ("19 October, 15:40\n\nJets bombed Ganja. Four people were killed.\n\n"
            f"19 October, 17:05\n\nAvdiivka.{gap}As a result of shelling of the city a man "
            f"aged 58 was killed.\n\n19 October, 21:30\n\nUpdate on Ganja.{gap}The number of "
            "dead has risen to five.")
    got = sorted((i.place_name, i.killed) for i in violent(run(text, date(2020, 10, 20))))
    assert got == [("Avdiivka", 1), ("Ganja", 5)]


def test_a_toll_corrected_down_replaces_the_higher_one() -> None:
    text = ("A missile hit a market in Ganja on Sunday, killing nine people. Officials later "
            "revised the death toll down to seven, saying two victims had been counted twice.")
    (inc,) = violent(run(text))
    assert inc.killed == 7
    text = ("Shelling hit Ganja on Sunday; eleven people were killed.\n\n"
            "The toll from Sunday's shelling of the city centre has since risen to 14.")
    (inc,) = violent(run(text))
    assert inc.killed == 14


def test_a_toll_update_told_in_a_statement_is_still_a_toll() -> None:
    text = ("Gunmen stormed Kalbajar on Sunday, killing at least 12 villagers.\n\n"
            "In a statement on Monday, a local rights group said the death toll had risen to "
            "17.")
    (inc,) = violent(run(text))
    assert inc.killed == 17


def test_three_more_bodies_add_to_the_count_told_last() -> None:
    text = ("The toll from Thursday's gang attack on the Kalbajar neighbourhood has risen to "
            "15 dead, residents "
            "said on Saturday. On Friday a rights group reported at least 12 people "
            "killed. Three more bodies were found on Saturday, the group said.")
    (inc,) = violent(run(text, date(2020, 10, 10)))
    assert inc.killed == 15
    text = ("Gunmen raided Kalbajar on Sunday, killing 12 villagers. Three more bodies were "
            "found on Monday.")
    (inc,) = violent(run(text))
    assert inc.killed == 15


def test_each_sides_own_dead_add_when_told_by_each_side() -> None:
    text = ("Three Armenian soldiers were killed on Sunday in a clash with Azerbaijani forces "
            "near Kalbajar, the Armenian ministry said. The Azerbaijani ministry blamed "
            "Armenia for the fighting in Kalbajar and said two of its soldiers had died.")
    (inc,) = violent(run(text))
    assert inc.killed == 5


@pytest.mark.parametrize("tally", [
    "Strikes have killed more than 41,000 people in Ganja, the ministry says.",
    "The UN says over 3,600 people were killed in Ganja in the first half of the year.",
    "At least 1,200 civilians were killed in Ganja this year, monitors said.",
])
def test_war_wide_totals_neither_make_nor_change_an_incident(tally: str) -> None:
    text = f"A drone hit a bus in Kalbajar on Sunday, killing four.\n\n{tally}"
    got = [(i.place_name, i.killed) for i in violent(run(text))]
    assert got == [("Kalbajar", 4)]


def test_a_separate_event_without_a_known_place_is_not_the_last_ones() -> None:
    text = ("Militants attacked a police post in Kalbajar on Sunday; two policemen were "
            "killed.\n\nIn a separate statement, the army said troops had killed nine "
            "militants in a remote mountain valley.")
    got = [(i.place_name, i.killed) for i in violent(run(text))]
    assert got == [("Kalbajar", 2)]


def test_a_compass_area_loses_to_the_named_site() -> None:
    text = ("In western Azerbaijan, two soldiers were killed in a clash with rebels in "
            "Kalbajar on Sunday.")
    (inc,) = violent(run(text))
    assert inc.place_name == "Kalbajar"
    text = "In southern Baku, troops fought gunmen in Ganja on Sunday."
    (inc,) = violent(run(text))
    assert inc.place_name == "Ganja"


def test_a_bulletins_summary_breakdown_is_not_an_event_of_its_own() -> None:
    text = ("On Sunday, the enemy killed 3 residents of the region: 2 in Ganja and 1 in "
            "Kalbajar.\n\nGanja: artillery shelled the city centre; two men were killed.\n\n"
            "Kalbajar: a drone hit a car, killing its driver.")
    got = sorted((i.place_name, i.event_type, i.killed) for i in violent(run(text)))
    assert got == [("Ganja", tx.EXPLOSIONS, 2), ("Kalbajar", tx.EXPLOSIONS, 1)]


def test_a_reasons_place_and_a_river_are_not_the_site() -> None:
    text = ("The group said it fired rockets at Kalbajar on Sunday in response to "
            "\"crimes\" in Ganja.")
    (inc,) = violent(run(text))
    assert inc.place_name == "Kalbajar"
    text = "Jets bombed supply lines east of the Ganja river on Sunday."
    assert violent(run(text)) == []


def test_a_place_that_speaks_is_not_the_site() -> None:
    # "Azerbaijan says": the government, not where the fighting was.
    text = "Azerbaijan says two of its soldiers were killed in an overnight clash on Sunday."
    assert violent(run(text)) == []


def test_a_sum_across_a_province_is_no_event() -> None:
    text = ("Artillery fire killed 12 people across Gegharkunik on Sunday, officials said.\n\n"
            "A shell hit a school in Ganja on Sunday, killing two.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed) == ("Ganja", 2)


def test_a_quarter_named_after_its_city() -> None:
    # The quarter is unknown to the gazetteer; the city that owns it is the site.
    text = ("Three people were killed on Sunday when a drone struck a bus stop on the road "
            "into Ganja's Kapaz district.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed) == ("Ganja", 3)


def test_a_headline_in_the_present_tense_names_its_site() -> None:
    text = "09:10 GMT - Four wounded as artillery hits Ganja"
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.wounded) == ("Ganja", 4)


def test_the_strike_came_after_refers_back() -> None:
    text = ("A drone hit a car near Kalbajar on Sunday, killing two, officials in Ganja said."
            "\n\nThe strike came a day after new shelters opened in the centre of the city.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed) == ("Kalbajar", 2)


def test_the_other_party_is_not_the_site() -> None:
    # The speaker and the enemy are both countries; neither is where it happened.
    text = "Armenia said four soldiers were killed in fighting with Azerbaijan on Sunday."
    assert violent(run(text)) == []


def test_an_event_weeks_before_publication_is_recalled_not_reported() -> None:
    # Published 12 October; the strike of 20 August is context, and so is its toll.
    text = ("A drone hit a car near Kalbajar on Sunday, killing two.\n\n"
            "On August 20, a missile strike on Ganja killed 14 people. It was the deadliest "
            "attack on the city. Four more bodies were found later.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed) == ("Kalbajar", 2)


def test_the_strikes_came_as_names_no_new_event() -> None:
    text = ("A drone hit a car near Kalbajar on Sunday, killing two.\n\n"
            "The strikes came as envoys met in Moscow to discuss a truce.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed) == ("Kalbajar", 2)


def test_the_shelling_came_after_a_fight_tells_the_fight() -> None:
    text = ("Shells hit a market in Ganja on Sunday, killing five.\n\n"
            "The shelling came a day after heavy clashes broke out near Kalbajar.")
    found = {(i.event_type, i.place_name) for i in violent(run(text))}
    assert found == {(tx.EXPLOSIONS, "Ganja"), (tx.BATTLES, "Kalbajar")}


def test_provinces_along_the_border_are_one_border_fight() -> None:
    syunik = Place("gn:828262", "Syunik", "admin1", "ADM1", "AM", "Syunik", 39.5, 46.3, 0,
                   True)
    text = ("Clashes erupted overnight into Sunday, with Armenia accusing Azerbaijan of "
            "attacking villages along the border in its Syunik and Gegharkunik provinces.")
    found = [Mention("Armenia", text.index("Armenia"), text.index("Armenia") + 7, AM, 0.9),
             Mention("Azerbaijan", text.index("Azerbaijan"), text.index("Azerbaijan") + 10,
                     AZ, 0.9),
             Mention("Syunik", text.index("Syunik"), text.index("Syunik") + 6, syunik, 0.9),
             Mention("Gegharkunik", text.index("Gegharkunik"),
                     text.index("Gegharkunik") + 11, GEGH, 0.9)]
    article = Article(text=text, id="art1", published=date(2020, 10, 12), source="Wire")
    (inc,) = violent(extract_incidents(article, found, lookup=lookup, capital=CAPITALS.get))
    assert inc.place_name == "Armenia–Azerbaijan border"


def test_a_toll_after_a_past_war_is_that_wars() -> None:
    text = ("A drone hit a car near Kalbajar on Sunday, killing two.\n\n"
            "The two neighbours fought a seven-week war in 2016 over the region. More than "
            "5,000 soldiers were killed before a truce was signed.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed) == ("Kalbajar", 2)


def test_an_as_clause_with_its_own_fight_keeps_its_place() -> None:
    text = ("Militants killed four farmers in a night raid on a hamlet, officials said on "
            "Sunday, as clashes flared in Gegharkunik despite a truce.")
    assert all(i.place_name != "Gegharkunik" or i.event_type == tx.BATTLES
               for i in violent(run(text)))


def test_a_capital_named_for_its_government_is_no_site() -> None:
    text = ("Rebels said on Sunday they had repelled an attack by forces of the Baku regime "
            "but gave no figures.")
    assert violent(run(text)) == []


def test_a_day_of_telling_joins_the_day_it_happened() -> None:
    # Published Monday 12 October 2020: "on Sunday" is 11 October, "on Friday" the 9th.
    text = ("Rebels said on Sunday they had taken an army base in Ganja after days of "
            "fighting.\n\nTheir statement said the fighters took the army base on Friday "
            "following clashes with troops in Ganja.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.date) == ("Ganja", date(2020, 10, 9))


def test_a_second_clause_with_its_own_fight_and_town() -> None:
    text = ("Artillery shells hit homes in Ganja on Sunday, and heavy clashes were reported "
            "near Kalbajar, residents said.")
    found = {(i.event_type, i.place_name, i.date) for i in violent(run(text))}
    assert found == {(tx.EXPLOSIONS, "Ganja", date(2020, 10, 11)),
                     (tx.BATTLES, "Kalbajar", date(2020, 10, 11))}


def test_an_undated_aside_or_a_province_is_not_coded_apart() -> None:
    text = ("Artillery shells hit homes in Ganja, and heavy clashes flared in Gegharkunik "
            "province, residents said.")
    assert {i.place_name for i in violent(run(text))} <= {"Ganja"}


def test_the_citys_district_is_a_quarter_not_a_namesake_town() -> None:
    # "Avdiivka" stands in for a village the gazetteer holds under the quarter's name.
    text = ("A missile hit Ganja on Sunday, killing three.\n\n"
            "Officials said the missile struck the city's Avdiivka district shortly after "
            "noon on Sunday.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed) == ("Ganja", 3)


def test_a_live_entry_is_placed_by_its_headline() -> None:
    text = ("08:00 GMT\nClashes near Kalbajar\n\n"
            "Troops and rebels fought near Kalbajar on Sunday.\n\n"
            "09:10 GMT\nGanja market hit\n\n"
            "A shell struck the market on Sunday morning, killing two.")
    found = {(i.event_type, i.place_name, i.killed) for i in violent(run(text))}
    assert found == {(tx.BATTLES, "Kalbajar", 0), (tx.EXPLOSIONS, "Ganja", 2)}


def test_a_night_spans_two_days() -> None:
    # Published Monday: "overnight" is dated Sunday, the same strike's "early on Monday".
    text = ("A drone struck Ganja overnight, killing four.\n\n"
            "Officials said the drone hit a block of flats in Ganja early on Monday.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed) == ("Ganja", 4)


def test_attacks_on_several_villages_of_a_province_sum_a_roundup() -> None:
    text = ("Gunmen attacked several villages in Gegharkunik on Sunday, officials said.\n\n"
            "In Ganja, gunmen killed two farmers on Sunday.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed) == ("Ganja", 2)


def test_a_country_wide_toll_told_town_by_town_is_a_sum() -> None:
    text = ("Artillery fire killed nine people in western Azerbaijan on Sunday, officials "
            "said.\n\nIn Ganja, shells hit a school on Sunday, killing five.\n\n"
            "Shelling near Kalbajar killed four on Sunday.")
    found = {(i.place_name, i.killed) for i in violent(run(text))}
    assert found == {("Ganja", 5), ("Kalbajar", 4)}


def test_a_country_wide_event_alone_stays() -> None:
    text = "Artillery fire killed nine people in western Azerbaijan on Sunday."
    (inc,) = violent(run(text))
    assert inc.place_name == "Azerbaijan"


def test_a_bulleted_line_headed_by_its_town() -> None:
    text = ("Overnight summary:\n- Ganja: artillery shelling killed two residents.\n"
            "- Kalbajar: a drone hit a barn, no one was hurt.")
    found = {(i.place_name, i.killed) for i in violent(run(text))}
    assert found == {("Ganja", 2), ("Kalbajar", 0)}


def test_a_toll_itemised_by_town_after_a_colon_is_a_summary() -> None:
    text = ("On Sunday, shelling killed 3 people in the province: 2 in Ganja and 1 in "
            "Kalbajar.\n\nGanja: shells hit a market on Sunday, killing two.\n\n"
            "Kalbajar: a drone hit a car on Sunday, killing its driver.")
    found = {(i.place_name, i.killed) for i in violent(run(text))}
    assert found == {("Ganja", 2), ("Kalbajar", 1)}


def test_where_a_leader_speaks_is_not_the_site() -> None:
    text = ("A missile hit Kalbajar on Sunday, killing two.\n\n"
            "The president, speaking in Baku, called the strike on Kalbajar a crime.")
    assert {i.place_name for i in violent(run(text))} == {"Kalbajar"}


def test_a_bare_time_stamp_opens_an_entry_whose_date_is_its_own() -> None:
    # Published Monday 12 October 2020; the earlier entry recalls last March.
    text = ("09:00 — A drone hit a depot in Ganja overnight, officials say.\n\n"
            "10:30 — Officials recalled a similar raid last March.\n\n"
            "11:00 — Separately, a shell struck a school in Kalbajar, killing one.")
    found = {(i.place_name, i.date) for i in violent(run(text))}
    assert ("Kalbajar", date(2020, 10, 12)) in found or \
        ("Kalbajar", date(2020, 10, 11)) in found


def test_posts_headed_by_their_town() -> None:
    text = ("Guided bombs struck a park on the outskirts of Ganja on Sunday. Preliminary "
            "information: 3 people killed.\n\n"
            "Kalbajar. As a result of enemy shelling of the town a man aged 70 was killed.\n\n"
            "Update on Ganja. The number of dead has risen to five.")
    found = {(i.place_name, i.killed) for i in violent(run(text))}
    assert found == {("Ganja", 5), ("Kalbajar", 1)}


def test_a_provinces_day_tally_told_town_by_town_is_a_sum() -> None:
    text = ("Shelling killed two people in Kalbajar region over the past day, officials "
            "said.\n\nIn Kalbajar, a shell hit a school on Sunday, killing two.")
    found = {(i.place_name, i.killed) for i in violent(run(text))}
    assert found == {("Kalbajar", 2)}


def test_where_a_leader_spoke_is_not_the_site() -> None:
    text = ("A missile hit Ganja on Sunday, killing three.\n\nThe president, speaking in Baku, "
            "called the strike on Ganja a crime.")
    got = [(i.place_name, i.killed) for i in violent(run(text))]
    assert got == [("Ganja", 3)]


def test_a_second_clause_with_its_own_place_and_toll_is_its_own_event() -> None:
    text = ("On Sunday a shell hit a house in Ganja, killing a farmer and his two sons, while "
            "a drone strike in Kalbajar killed a driver.")
    got = sorted((i.place_name, i.killed) for i in violent(run(text)))
    assert got == [("Ganja", 3), ("Kalbajar", 1)]


def test_a_comparison_with_an_earlier_day_is_not_an_event() -> None:
    text = ("A missile hit Ganja on Sunday, killing six.\n\nIt was the deadliest attack on "
            "the city since Friday, when strikes on Kalbajar killed 40 people.")
    got = [(i.place_name, i.killed) for i in violent(run(text))]
    assert got == [("Ganja", 6)]


def test_a_regional_tally_gives_the_town_only_its_part() -> None:
    text = ("Air strikes killed at least 30 people across Azerbaijan on Sunday, including 12 "
            "in a strike on a market in Ganja, officials said.")
    got = [(i.place_name, i.killed) for i in violent(run(text))]
    assert got == [("Ganja", 12)]


def test_the_day_a_toll_rose_is_not_the_events_day() -> None:
    text = ("The death toll from a missile attack on Ganja rose to 12 on Monday as rescuers "
            "searched the rubble. The attack late on Saturday destroyed a school.")
    (inc,) = violent(run(text, date(2020, 10, 12)))
    assert (inc.killed, inc.date) == (12, date(2020, 10, 10))


def test_the_shooters_base_and_a_forces_country_are_not_the_target() -> None:
    text = ("On Sunday, units of the Armed Forces of Armenia stationed in the direction of "
            "Gegharkunik subjected our positions located in Kalbajar to fire.")
    (inc,) = violent(run(text))
    assert inc.place_name == "Kalbajar"


def test_a_far_foreign_town_the_story_never_leads_to_is_a_misreading() -> None:
    text = ("Shelling hit a market in Ganja, Azerbaijan, on Sunday, killing four, officials "
            "in Baku said.\n\nShells landed in the meat section of the market in the "
            "Moscow district, witnesses said.")
    got = [(i.place_name, i.killed) for i in violent(run(text))]
    assert got == [("Ganja", 4)]


def test_a_bulleted_town_line_places_its_own_event() -> None:
    text = ("Over the past day the enemy shelled the region 40 times.\n\n"
            "- Ganja: artillery killed two residents.\n"
            "- Kalbajar: a drone hit a car; nobody was hurt.")
    got = sorted((i.place_name, i.killed) for i in violent(run(text)))
    assert ("Ganja", 2) in got and ("Kalbajar", 0) in got


def test_a_day_tally_told_town_by_town_is_their_summary() -> None:
    text = ("Over the past day, the enemy shelled 14 settlements in Azerbaijan.\n\n"
            "- Ganja: artillery shelling killed two residents.\n"
            "- Kalbajar: shelling damaged a school; nobody was hurt.")
    got = sorted((i.place_name, i.killed) for i in violent(run(text)))
    assert got == [("Ganja", 2), ("Kalbajar", 0)]


def test_a_later_entrys_nth_body_and_bare_toll_update_the_event() -> None:
    text = ("11:15 - Jets struck a building in Ganja. One person was killed.\n\n"
            "12:30 - Ganja update: a second body has been recovered from the ruins.\n\n"
            "14:00 - Death toll now three.")
    (inc,) = violent(run(text))
    assert inc.killed == 3


def test_an_attribution_to_a_ministry_in_a_city_is_not_the_site() -> None:
    text = ("According to the health ministry in Ganja, a drone strike killed two people "
            "near Kalbajar on Sunday.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed) == ("Kalbajar", 2)


def test_a_province_line_told_again_town_by_town_is_only_their_sum() -> None:
    text = ("In Gegharkunik, two people were killed and four wounded in attacks on Sunday. "
            "Both died in Laketown, where a drone hit a house on Sunday.")
    incs = violent(run(text))
    assert [(i.place_name, i.killed) for i in incs] == [("Laketown", 2)]


def test_a_province_line_with_one_named_event_stays_beside_its_town() -> None:
    text = ("On Sunday a drone hit a bus depot in Gegharkunik, killing a driver. "
            "On Sunday a missile struck Laketown, killing two.")
    incs = sorted(violent(run(text)), key=lambda i: i.place_name)
    assert [(i.place_name, i.killed) for i in incs] == [("Gegharkunik", 1), ("Laketown", 2)]


def test_a_summary_line_headed_by_its_place_and_a_dash_is_placed_there() -> None:
    text = ("Over the past day the region was shelled 30 times.\n\n"
            "Laketown community – mortar shelling (4 explosions). No casualties.\n\n"
            "Ganja – a drone struck a shed. A man was wounded.")
    incs = sorted(violent(run(text)), key=lambda i: i.place_name)
    assert [(i.place_name, i.wounded) for i in incs] == [("Ganja", 1), ("Laketown", 0)]


def test_a_strike_dated_two_weeks_before_the_story_is_recalled_not_news() -> None:
    text = ("Shelling hit Ganja on Sunday, killing two.\n\n"
            "On September 28, a missile strike on Ganja had killed seven people.")
    incs = violent(run(text))
    assert [(i.date, i.killed) for i in incs] == [(date(2020, 10, 11), 2)]


def test_the_outbreak_of_the_war_weeks_ago_is_still_coded_at_its_day() -> None:
    text = "Clashes erupted between Azerbaijan and Armenia on September 27."
    (inc,) = violent(run(text))
    assert inc.date == date(2020, 9, 27)


def test_a_sentence_opening_with_an_earlier_month_recalls_it_whatever_weekday_follows() -> None:
    text = ("A drone hit Ganja on Sunday, wounding three.\n\n"
            "In August, a missile attack on Ganja on a Sunday killed 12 people.")
    incs = violent(run(text))
    assert [(i.date, i.wounded, i.killed) for i in incs] == [(date(2020, 10, 11), 3, 0)]


def test_the_story_s_own_month_opening_a_sentence_does_not_make_history() -> None:
    text = "In October, shelling of Ganja on Sunday killed four people."
    (inc,) = violent(run(text))
    assert (inc.date, inc.killed) == (date(2020, 10, 11), 4)


def test_a_country_named_as_the_attacker_does_not_stop_the_city_being_the_story_s() -> None:
    text = ("Two people were killed in an attack on Ganja overnight, the mayor said. "
            "Armenia struck the city with rockets and drones before dawn.")
    assert tx.EXPLOSIONS in {i.event_type for i in violent(run(text)) if i.place_name == "Ganja"}


def test_a_name_in_apposition_to_the_capital_is_the_site() -> None:
    text = "Late on Sunday, strikes hit the outskirts of the capital, Baku, officials said."
    (inc,) = violent(run(text))
    assert inc.place_name == "Baku"


def test_a_killing_told_without_its_weapon_takes_the_strike_told_next() -> None:
    text = ("Two people were killed in an attack on Ganja on Sunday, the mayor said. "
            "Armenian rockets struck Ganja before dawn on Sunday, hitting a school.")
    (inc,) = violent(run(text))
    assert (inc.event_type, inc.killed) == (tx.EXPLOSIONS, 2)


def test_a_live_page_s_toll_update_above_its_event_still_updates_it() -> None:
    text = ("10:40\n\nThe death toll from the overnight drone attack on Ganja has risen to "
            "three, the mayor said.\n\n08:12\n\nTwo people were killed when a drone struck "
            "a house in Ganja overnight, the mayor said.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed) == ("Ganja", 3)


def test_an_exchange_of_fire_that_came_after_a_strike_wave_is_not_a_new_battle() -> None:
    text = ("Rockets hit Ganja on Sunday, wounding two. "
            "The exchange of fire came a day after warplanes pounded Armenia.")
    assert tx.BATTLES not in {i.event_type for i in violent(run(text))}


def test_a_country_wide_tally_is_not_the_toll_of_a_town_s_strike() -> None:
    text = ("A drone hit a house in Ganja on Sunday. More than 300 people were killed "
            "across the country on Sunday, officials in Azerbaijan said.")
    assert [i.killed for i in violent(run(text))] == [0]


def test_the_day_an_anaphor_gives_replaces_the_day_the_event_was_told() -> None:
    text = ("Shelling killed five civilians in Ganja, officials said on Tuesday. "
            "The shelling began on Sunday evening and lasted for hours.")
    (inc,) = violent(run(text, published=date(2020, 10, 13)))
    assert (inc.date, inc.killed) == (date(2020, 10, 11), 5)


def test_a_live_entry_is_told_on_its_stamp_s_day() -> None:
    text = ("10 October, 21:30\n\nShelling hit Ganja, killing one man.\n\n"
            "12 October, 08:10\n\nA drone struck Baku port, wounding two.")
    # stamps are page chrome (see geomap.articles): their day must still date the entry
    stamps = tuple((m.start(), m.end()) for m in re.finditer(r"^\d+ October, \d\d:\d\d$",
                                                              text, re.M))
    incs = {i.place_name: i.date
            for i in violent(run(text, published=date(2020, 10, 12), chrome=stamps))}
    assert incs == {"Ganja": date(2020, 10, 10), "Baku": date(2020, 10, 12)}


def test_a_place_in_a_speaker_s_title_is_not_the_site() -> None:
    text = ("GANJA - Rockets struck the city on Sunday, killing two, the governor of "
            "Gegharkunik, a province across the border, said.")
    (inc,) = violent(run(text))
    assert inc.place_name == "Ganja"


def test_a_city_that_opens_a_sentence_before_its_speaker_is_where_they_spoke() -> None:
    text = "In Baku, officials said on Sunday that Armenian rockets had hit a village."
    assert "Baku" not in {i.place_name for i in violent(run(text))}


@pytest.mark.parametrize("speaker", [
    "The ministry said in Baku that", "Officials told reporters in Baku that",
    "A spokesman said at a news briefing in Baku that",
])
def test_where_the_words_were_spoken_is_not_the_site(speaker) -> None:
    text = f"{speaker} four soldiers had been killed in overnight fighting."
    assert [i.place_name for i in violent(run(text))] == []
    text = f"{speaker} four soldiers had been killed in overnight fighting in Kalbajar."
    assert [i.place_name for i in violent(run(text))] == ["Kalbajar"]


def test_the_other_sides_own_dead_in_the_fighting_join_the_one_battle_told() -> None:
    text = ("On Sunday, Azerbaijani troops attacked Armenian positions in Gegharkunik. Three "
            "Armenian soldiers were killed in the fighting, the ministry said.\n\n"
            "Azerbaijan's defence ministry, for its part, said five of its servicemen were "
            "killed in the fighting and blamed Armenia for provocations in the Kalbajar "
            "direction.")
    assert [(i.place_name, i.killed) for i in violent(run(text))] == [("Gegharkunik", 8)]


def test_the_fighting_somewhere_comes_as_another_happening_adds_no_event() -> None:
    text = ("Shelling killed two men in Ganja on Sunday. The fighting in the west comes as "
            "Azerbaijani troops press on with an incursion into Kalbajar.")
    assert [i.place_name for i in violent(run(text))] == ["Ganja"]


def test_an_event_that_inherits_a_day_weeks_before_publication_is_not_news() -> None:
    text = ("The siege began on 2 September.\n\nFighting continued in and around Ganja, "
            "residents said.")
    assert violent(run(text, published=date(2020, 10, 12))) == []
    text = "Shelling hit Ganja on 10 October.\n\nFighting continued in and around Ganja."
    assert {i.date for i in violent(run(text, published=date(2020, 10, 12)))} == {
        date(2020, 10, 10)}



def test_a_violent_event_with_no_toll_has_zero_killed_and_a_vague_toll_none() -> None:
    # ACLED's convention: fatalities are 0 unless a number is reported; a vague amount
    # is kept as text, never guessed as a number
    (quiet,) = violent(run("Shelling hit Ganja on Sunday, damaging two houses."))
    assert (quiet.killed, quiet.killed_text) == (0, None)
    (vague,) = violent(run("Shelling hit Ganja on Sunday, killing dozens of people."))
    assert (vague.killed, vague.killed_text) == (None, "dozens")
    statements = [i for i in run("Azerbaijan condemned the shelling of Ganja on Sunday.")
                  if i.event_type not in tx.VIOLENT_EVENT_TYPES]
    assert all(i.killed is None for i in statements)


def test_where_people_flee_to_is_not_the_site() -> None:
    text = ("Azerbaijani forces shelled positions near Gegharkunik on Sunday, as "
            "residents continued to flee towards Ganja.")
    (inc,) = violent(run(text))
    assert inc.place_name == "Gegharkunik"


def test_the_day_a_statement_was_issued_does_not_split_the_event() -> None:
    text = ("Armenian forces shelled Ganja on Sunday, killing two people.\n\n"
            "In a statement issued on Monday, the ministry said the shelling of Ganja had "
            "destroyed several houses.")
    (inc,) = violent(run(text))
    assert inc.date == date(2020, 10, 11)


def test_the_day_of_a_statement_is_not_the_day_of_the_strike_it_reports() -> None:
    text = ("The command said in a statement on Tuesday that it conducted an air strike "
            "against the fighters in a remote area about 35 kilometres northeast of Ganja, "
            "in the border region, on Sunday, killing three of them.")
    (inc,) = violent(run(text, date(2020, 10, 14)))
    assert inc.date == date(2020, 10, 11)


def test_a_town_given_as_a_reference_point_is_not_the_site() -> None:
    text = ("Fighting raged on Sunday on the hills overlooking Laketown, about 25 km west "
            "of Ganja, residents said.")
    found = [Mention("Laketown", text.index("Laketown"), text.index("Laketown") + 8,
                     LAKETOWN, 0.6),
             Mention("Ganja", text.index("Ganja"), text.index("Ganja") + 5, GANJA, 0.95)]
    article = Article(text=text, id="art1", published=date(2020, 10, 12), source="Wire")
    (inc,) = violent(extract_incidents(article, found, lookup=lookup, capital=CAPITALS.get))
    assert inc.place_name == "Laketown"


def test_and_before_armed_actors_opens_a_clause_with_its_own_site() -> None:
    text = ("Shelling killed a civilian in the town of Ganja on Sunday and Armenian forces "
            "pounded Laketown, the regional centre, overnight.")
    found = [Mention("Ganja", text.index("Ganja"), text.index("Ganja") + 5, GANJA, 0.8),
             Mention("Laketown", text.index("Laketown"), text.index("Laketown") + 8,
                     LAKETOWN, 0.95)]
    article = Article(text=text, id="art1", published=date(2020, 10, 12), source="Wire")
    incidents = violent(extract_incidents(article, found, lookup=lookup, capital=CAPITALS.get))
    assert (incidents[0].place_name, incidents[0].killed) == ("Ganja", 1)


def test_what_follows_an_event_in_mid_month_weeks_ago_is_background() -> None:
    text = ("Shelling hit Ganja on Sunday, killing two people.\n\n"
            "In mid-May, a strike on a store in Ganja killed 12 people. Days later, missiles "
            "hit a printing house in Ganja, killing seven workers.")
    (inc,) = violent(run(text, date(2020, 6, 1)))
    assert inc.killed == 2


def test_a_bare_killing_in_a_second_clause_takes_the_weapon_told_first() -> None:
    text = ("Russian forces hit Ganja with guided bombs and artillery on Sunday, killing "
            "three people, and one person was killed in the town of Laketown on the same day.")
    by_place = {i.place_name: i for i in violent(run(text))}
    assert by_place["Laketown"].event_type == tx.EXPLOSIONS
    assert (by_place["Ganja"].killed, by_place["Laketown"].killed) == (3, 1)


def test_an_attack_told_as_what_came_before_a_raid_does_not_make_it_a_battle() -> None:
    text = ("Troops killed five villagers during a raid on the town of Ganja on Sunday.\n\n"
            "Residents said the troops had come to the town after a militant ambush on a "
            "military convoy nearby.")
    (inc,) = violent(run(text))
    assert inc.event_type == tx.VIOLENCE_CIVILIANS and inc.killed == 5


def test_an_undated_province_line_sums_its_towns_of_the_day_before() -> None:
    text = ("In Gegharkunik, Azerbaijani attacks killed two people, the governor said.\n\n"
            "Two people were killed in Laketown on Sunday when shells hit the town.")
    (inc,) = violent(run(text))  # published on Monday
    assert (inc.place_name, inc.killed, inc.date) == ("Laketown", 2, date(2020, 10, 11))


def test_a_country_before_its_deed_is_the_attacker_not_the_site() -> None:
    text = "Azerbaijan launched 40 drones against Armenia overnight, officials said."
    assert all(i.place_name != "Azerbaijan" for i in violent(run(text)))


@pytest.mark.parametrize("later", [
    "The confirmed toll of the war stands at about 270 people, officials say.",
    "The army reported the deaths of 21 more of its troops, bringing its military toll to 244.",
    # a bare count of the war's dead, and the toll of a whole day's strikes
    "Officially, about 200 people were killed on both sides, including civilians.",
    "The death toll from Sunday's strikes rises to 436.",
])
def test_a_running_total_of_the_war_does_not_update_a_strike(later: str) -> None:
    text = ("Missiles hit Ganja on Sunday, killing one civilian and wounding 32.\n\n"
            f"Talks stalled in Moscow.\n\n{later}")
    (inc,) = violent(run(text))
    assert inc.killed == 1


def test_explosions_rocked_a_town_is_in_that_town() -> None:
    text = "Shelling rocked Laketown, the main town of Gegharkunik, on Sunday."
    (inc,) = violent(run(text))
    assert inc.place_name == "Laketown"


def test_the_dead_of_an_earlier_deed_in_an_after_clause_are_not_counted() -> None:
    text = ("Militants killed seven soldiers in an ambush near Ganja on Sunday, a day after "
            "gunmen shot dead 12 civilians in a village.")
    (inc,) = [i for i in violent(run(text)) if i.place_name == "Ganja"]
    assert inc.killed == 7


def test_a_definite_retelling_places_and_dates_the_event_just_told() -> None:
    camp = Place("t:camp", "Nearcamp", "place", "PPL", "AZ", "Ganja", 40.57, 46.30, 5000)
    text = ("Fighters shelled a camp near the besieged city of Ganja, killing nine people, "
            "aid workers said on Monday.\n\nThe shells slammed into the Nearcamp camp, "
            "about 15 km south of Ganja, on Saturday afternoon, hitting a market.")
    at = text.index("Nearcamp")
    found = [*mentions(text), Mention("Nearcamp", at, at + 8, camp, 0.9)]
    article = Article(text=text, id="art1", published=date(2020, 10, 12), source="Wire")
    (inc,) = violent(extract_incidents(article, sorted(found, key=lambda m: m.start),
                                       lookup=lookup, capital=CAPITALS.get))
    assert (inc.place_name, inc.date, inc.killed) == ("Nearcamp", date(2020, 10, 10), 9)


def test_a_bulletin_town_told_after_its_count_is_an_event_of_its_own() -> None:
    text = ("Three people were killed in the town of Ganja, where shells hit the market on "
            "Sunday. Another civilian was injured in Laketown on Sunday, the governor said.")
    by_place = {i.place_name: i for i in violent(run(text))}
    assert (by_place["Ganja"].wounded, by_place["Laketown"].wounded) == (None, 1)


def test_a_regions_ombudsman_is_a_speaker_not_a_site() -> None:
    from geomap.incidents.patterns import names_speaker
    text = "karabakh's ombudsman said one civilian was killed in monday's strikes."
    assert names_speaker(text, 0, len("karabakh"))
    text = "the kharkiv governor said shelling killed two people."
    assert not names_speaker(text, 4, 4 + len("kharkiv"))


def test_a_bare_killing_next_to_a_shelling_of_its_area_is_that_shellings() -> None:
    text = ("Artillery shelled Gegharkunik throughout the night on Sunday. A woman was killed "
            "in Laketown, the governor said.")
    by_place = {i.place_name: i for i in violent(run(text))}
    assert by_place["Laketown"].event_type == tx.EXPLOSIONS
    assert by_place["Laketown"].killed == 1


def test_a_bare_toll_after_a_scene_setting_sentence_is_the_last_events() -> None:
    # the setting places the event told before; the toll is a figure of that event's
    text = ("Gunmen stormed a cluster of villages in Gegharkunik this week, killing at least "
            "41 people, officials said on Friday.\n\nThe attack took place on Wednesday in "
            "villages east of the town of Laketown, a monitoring group said. The group "
            "initially said 35 people were killed.")
    (inc,) = violent(run(text, date(2020, 10, 16)))
    assert (inc.place_name, inc.killed) == ("Laketown", 41)


def test_a_town_far_abroad_is_a_misreading_though_its_country_is_named() -> None:
    far = Place("t:far", "Lahaina", "place", "PPL", "US", "Hawaii", 20.88, -156.68, 11704)
    usa = Place("t:us", "United States", "country", "PCLI", "US", None, 39.8, -98.6, 0, True)
    text = ("Fighting raged near Ganja, Azerbaijan, on Sunday. Troops took control of the "
            "Lele height on Sunday, Azerbaijan's ministry said. Envoys of the United States "
            "urged calm in Baku.")
    at = text.index("Lele")
    found = [*mentions(text), Mention("Lele", at, at + 4, far, 0.5),
             Mention("United States", text.index("United States"),
                     text.index("United States") + 13, usa, 0.9)]
    article = Article(text=text, id="art1", published=date(2020, 10, 12), source="Wire")
    incidents = violent(extract_incidents(article, sorted(found, key=lambda m: m.start),
                                          lookup=lookup, capital=CAPITALS.get))
    assert all(i.country != "US" for i in incidents)


def test_the_shelling_of_the_same_town_retold_is_the_fire_told_first() -> None:
    text = ("Enemy units continued to subject the city of Ganja to intensive fire overnight "
            "on Sunday.\n\nAs a result of the shelling of Ganja city, two civilians were "
            "killed.")
    (inc,) = violent(run(text))
    assert (inc.event_type, inc.place_name, inc.killed) == (tx.EXPLOSIONS, "Ganja", 2)


def test_towns_listed_in_a_participle_clause_take_its_event() -> None:
    # "attacked ..., shelling the towns of A, B and C": the fight is the sentence's event,
    # the towns after the first are the shelling's
    text = ("Officials said four soldiers were killed when Azerbaijani forces attacked "
            "positions overnight, shelling the towns of Laketown, Ganja and Avdiivka.")
    found = {i.place_name: i.event_type for i in violent(run(text, date(2022, 9, 13)))}
    assert found == {"Laketown": tx.BATTLES, "Ganja": tx.EXPLOSIONS,
                     "Avdiivka": tx.EXPLOSIONS}


def test_an_assault_named_by_its_weapons_keeps_one_event_for_its_list() -> None:
    text = ("Azerbaijani forces launched a massive artillery and drone assault on positions "
            "near Laketown, Ganja and Avdiivka.")
    assert {i.event_type for i in violent(run(text, date(2022, 9, 13)))} == {tx.EXPLOSIONS}


def test_a_rights_defender_speaks_and_the_town_shelled_as_subject_is_the_site() -> None:
    text = ("The Gegharkunik Human Rights Defender reports that overnight the town Laketown "
            "was again targeted with rockets. A woman was killed.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.geo_precision, inc.killed) == ("Laketown", GEO_POINT, 1)


def test_towns_listed_as_the_subject_that_came_under_fire_are_each_shelled() -> None:
    text = ("Residential quarters of Ganja, Avdiivka and Laketown came under fire on Monday, "
            "the regional administration said.")
    found = {i.place_name: i.event_type for i in violent(run(text))}
    assert found == dict.fromkeys(("Ganja", "Avdiivka", "Laketown"), tx.EXPLOSIONS)


def test_a_town_in_the_shelled_province_told_next_is_where_the_event_was() -> None:
    text = ("Artillery also attacked the Gegharkunik province on Sunday. In Laketown itself, "
            "a 70-year-old man was wounded.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.wounded) == ("Laketown", 1)


def test_across_the_river_named_like_a_city_is_no_site() -> None:
    river_town = Place("t:river", "Dnipro", "place", "PPLA", "UA", "Dnipro", 48.45, 34.98, 1e6)
    text = "Across the Dnipro, the village of Laketown was also attacked with artillery."
    at = text.index("Dnipro")
    found = sorted([*mentions(text), Mention("Dnipro", at, at + 6, river_town, 0.9)],
                   key=lambda m: m.start)
    article = Article(text=text, id="art1", published=date(2023, 11, 14), source="Wire")
    (inc,) = violent(extract_incidents(article, found, lookup=lookup, capital=CAPITALS.get))
    assert inc.place_name == "Laketown"


def test_one_incident_of_a_fight_just_told_is_part_of_it() -> None:
    text = ("Troops fought militants in Ganja on Sunday, the army said. In one incident, "
            "a cell of gunmen fired an anti-tank missile at troops, who called in a drone "
            "strike.")
    (inc,) = violent(run(text))
    assert (inc.event_type, inc.place_name) == (tx.BATTLES, "Ganja")


def test_where_a_strikes_power_cuts_reached_is_not_where_it_fell() -> None:
    text = ("Drones hit a power station near the city of Laketown on Tuesday, causing "
            "widespread power cuts in several provinces including Ganja.")
    (inc,) = violent(run(text))
    assert inc.place_name == "Laketown"


def test_a_death_told_with_no_killer_in_a_story_of_shelling_is_the_shellings() -> None:
    hilltown = Place("t:hill", "Hilltown", "place", "PPL", "AM", "Gegharkunik", 40.5, 45.5, 900)
    text = ("Azerbaijani artillery shelled Laketown on Tuesday, officials said.\n\n"
            "The health ministry said a civilian man was killed in Hilltown on Tuesday.")
    at = text.index("Hilltown")
    found = sorted([*mentions(text), Mention("Hilltown", at, at + 8, hilltown, 0.9)],
                   key=lambda m: m.start)
    article = Article(text=text, id="art1", published=date(2022, 9, 13), source="Wire")
    incidents = violent(extract_incidents(article, found, lookup=lookup,
                                          capital=CAPITALS.get))
    assert {i.place_name: i.event_type for i in incidents} == {
        "Laketown": tx.EXPLOSIONS, "Hilltown": tx.EXPLOSIONS}


def test_a_month_recalled_after_the_ledes_day_does_not_date_the_next_paragraph() -> None:
    text = ("Israeli air strikes killed at least 38 people across the Gaza Strip on Wednesday, "
            "a day after Israel launched its most intense bombardment since a ceasefire took "
            "hold in January.\n\nThe deadliest strike hit a house in Ganja before dawn, killing "
            "14 members of one family.")
    (inc,) = violent(run(text, date(2025, 3, 19)))
    assert (inc.place_name, inc.killed, inc.date) == ("Ganja", 14, date(2025, 3, 19))


def test_the_known_town_of_a_stretch_between_two_is_near_the_site() -> None:
    text = "A drone targeted a car on the road between Kfar Summa and Laketown, killing two."
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.geo_precision, inc.killed) == ("Laketown", GEO_NEAR, 2)


def test_the_place_victims_were_trying_to_leave_is_where_they_were_shot() -> None:
    text = ("The ombudsman accused Russian forces of shooting dead three civilians who were "
            "trying to leave the Laketown area by car on Friday.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed, inc.event_type) == ("Laketown", 3,
                                                            tx.VIOLENCE_CIVILIANS)


def test_the_other_sides_dead_since_the_clashes_began_add_to_the_one_battle() -> None:
    text = ("Armenia said on Wednesday that 64 of its soldiers had been killed in two days of "
            "fighting along its border with Azerbaijan. Prime Minister Pashinyan said the "
            "toll had risen from 49.\n\nAzerbaijan's Defense Ministry said 50 of its "
            "servicemen had been killed since the clashes began early Tuesday.")
    battles = [i for i in violent(run(text, date(2022, 9, 14))) if i.event_type == tx.BATTLES]
    assert [i.killed for i in battles] == [114]


def test_a_list_ending_with_the_village_of_a_town_is_one_event_per_town() -> None:
    text = ("Officials said artillery struck positions and settlements near Ganja, Avdiivka "
            "and the village of Laketown on Tuesday.")
    assert {i.place_name for i in violent(run(text))} == {"Ganja", "Avdiivka", "Laketown"}


def test_a_part_named_after_its_citys_possessive_is_the_site() -> None:
    part = Place("t:part", "Jebel Aulia", "place", "PPL", "AZ", "Ganja", 40.5, 46.3, 9000)
    text = ("In Ganja's southern Jebel Aulia area, volunteers said fighters shot dead four "
            "civilians on Thursday.")
    at = text.index("Jebel Aulia")
    found = sorted([*mentions(text), Mention("Jebel Aulia", at, at + 11, part, 0.9)],
                   key=lambda m: m.start)
    article = Article(text=text, id="art1", published=date(2025, 1, 31), source="Wire")
    (inc,) = violent(extract_incidents(article, found, lookup=lookup, capital=CAPITALS.get))
    assert (inc.place_name, inc.killed) == ("Jebel Aulia", 4)


def test_outages_in_several_cities_do_not_make_a_strike_a_regions_tally() -> None:
    text = ("A drone strike on Friday hit a power station in Gegharkunik province, causing "
            "widespread outages in several cities, the electricity company said.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.geo_precision) == ("Gegharkunik", GEO_REGION)


def test_a_ministrys_seat_named_with_an_appositive_is_where_it_speaks() -> None:
    text = ("The defense ministry in Ganja, the region's main city, said rockets hit the town "
            "of Laketown on Sunday, wounding three people.")
    (inc,) = violent(run(text))
    assert inc.place_name == "Laketown"


def test_a_ministrys_seat_is_where_it_names_the_dead_not_a_second_strike() -> None:
    text = ("A drone strike killed three men in the village of Laketown on Tuesday, the health "
            "ministry said. The ministry in Ganja named the three as farmers, and said a "
            "fourth person was wounded in the strike.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed, inc.wounded) == ("Laketown", 3, 1)


def test_the_town_taken_is_the_site_not_where_its_refugees_fled_the_fighting() -> None:
    text = ("Fighters say they have taken control of Laketown, the capital of the province and "
            "a refuge for people who fled the fighting in Ganja, after four days of clashes.")
    (inc,) = violent(run(text))
    assert inc.place_name == "Laketown"


def test_another_sources_different_toll_does_not_replace_the_first_told() -> None:
    text = ("Late Friday, a drone struck a group of gunmen in the town of Laketown, killing "
            "three, the army said. The health ministry said four people had been killed.")
    (inc,) = violent(run(text))
    assert inc.killed == 3
    risen = ("Late Friday, a drone struck a group of gunmen in the town of Laketown, killing "
             "three, the army said. The death toll later rose to four, the army said.")
    (inc,) = violent(run(risen))
    assert inc.killed == 4


def test_a_source_named_by_according_to_and_a_leader_who_puts_the_toll_compete() -> None:
    text = ("On Saturday, gunmen stormed a village near Laketown, killing 12 civilians, "
            "according to the Doctors Network, a medical group. A local leader put the toll "
            "at 20.")
    (inc,) = violent(run(text))
    assert inc.killed == 12


def test_a_sides_media_claiming_a_higher_toll_does_not_replace_what_residents_told() -> None:
    text = ("In Laketown, an air strike on a market on Sunday killed at least four people, "
            "residents told a local radio station. The rebel-affiliated media claimed nine "
            "civilians were killed.")
    (inc,) = violent(run(text))
    assert inc.killed == 4


def test_a_sides_own_telling_of_the_strike_with_a_higher_toll_competes() -> None:
    text = ("In Laketown, an air strike on the weekly market on Friday killed at least 15 "
            "people, according to the Emergency Lawyers, a rights group. The rebels, who "
            "control the town, said in a statement that 27 civilians were killed in the "
            "bombardment of the market.")
    (inc,) = violent(run(text))
    assert inc.killed == 15


def test_a_second_deed_of_the_same_subject_keeps_its_dead_apart() -> None:
    text = ("The militia shelled Laketown on Saturday with artillery, killing four civilians, "
            "among them two children, and also targeted the Daraja neighbourhood in the south "
            "of the city, killing two women.")
    incidents = violent(run(text))
    assert next(i.killed for i in incidents if i.place_name == "Laketown") == 4


def test_a_wars_toll_told_with_the_day_it_was_told_is_still_a_tally() -> None:
    text = ("Israel's military offensive on Ganja has since killed at least 34,183 people and "
            "wounded 77,143, the health ministry said on Tuesday.")
    assert violent(run(text, date(2024, 4, 23))) == []


def test_the_strike_retold_in_a_quarter_of_the_city_is_the_strike_told_first() -> None:
    quarter = Place("t:q", "Old Quarter", "place", "PPL", "AZ", "Ganja", 40.685, 46.365, 0)
    text = ("An air strike on a family home in Ganja has killed at least 17 people, officials "
            "said.\n\nThe strike hit a three-storey house in the Old Quarter neighbourhood "
            "shortly before midnight on Monday.")
    at = text.index("Old Quarter")
    found = sorted([*mentions(text), Mention("Old Quarter", at, at + 11, quarter, 0.9)],
                   key=lambda m: m.start)
    article = Article(text=text, id="art1", published=date(2024, 4, 23), source="Wire")
    (inc,) = violent(extract_incidents(article, found, lookup=lookup, capital=CAPITALS.get))
    assert (inc.place_name, inc.killed, inc.date) == ("Old Quarter", 17, date(2024, 4, 22))


def test_the_other_sides_account_of_the_one_battle_is_that_battle() -> None:
    text = ("Heavy fighting broke out on Tuesday in Armenia's Gegharkunik province, leaving "
            "one soldier dead.\n\nAzerbaijan's Defence Ministry gave a different account, "
            "saying Armenian forces had attacked its positions near Kalbajar. It announced "
            "that seven Azerbaijani servicemen were killed.")
    (inc,) = violent(run(text, date(2021, 11, 17)))
    assert (inc.place_name, inc.killed) == ("Gegharkunik", 8)


def test_a_place_that_qualifies_an_actor_or_opens_a_framing_is_no_site() -> None:
    text = ("The clash on Tuesday near Laketown killed two soldiers. Analysts say the clash "
            "also tests Armenia's ties to the Moscow-led alliance.\n\nIn Baku, officials "
            "presented the fighting as a response to provocations.")
    assert {i.place_name for i in violent(run(text))} == {"Laketown"}


def test_the_same_toll_retold_at_a_quarter_of_the_town_on_the_day_is_one_event() -> None:
    quarter = Place("t:q", "Old Quarter", "place", "PPL", "AZ", "Ganja", 40.66, 46.32, 0)
    text = ("Three civilians were killed on Tuesday when troops shelled Ganja, the mayor "
            "said.\n\n\"As a result of shelling of the Old Quarter district, three civilians "
            "were killed,\" he wrote.\n\nOn Monday, two people were killed when a shell hit "
            "the Old Quarter.")
    found = sorted([*mentions(text)] + [Mention("Old Quarter", m.start(), m.end(), quarter, 0.9)
                                        for m in re.finditer("Old Quarter", text)],
                   key=lambda m: m.start)
    article = Article(text=text, id="art1", published=date(2023, 1, 24), source="Wire")
    incidents = violent(extract_incidents(article, found, lookup=lookup, capital=CAPITALS.get))
    assert sorted((i.date.day, i.killed) for i in incidents) == [(23, 2), (24, 3)]


def test_a_bare_toll_after_the_wars_tally_is_not_the_last_events() -> None:
    text = ("Rebels fired a salvo of rockets at Laketown on Sunday. No one was hurt.\n\n"
            "The cross-border violence has killed at least 101 people, according to a tally."
            "\n\nOn the other side, at least nine people were killed, six of them soldiers.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed) == ("Laketown", 0)


def test_a_countrys_unnamed_city_is_not_the_country() -> None:
    text = ("Shelling hit residential areas of Armenia's second-largest city on Sunday, "
            "killing five people, officials said.")
    assert all(i.place_name != "Armenia" for i in violent(run(text)))


def test_in_the_capital_is_the_storys_capital() -> None:
    text = ("Artillery hit Ganja on Sunday, wounding two.\n\nIn the capital, the mayor said "
            "that one person was killed and several wounded in explosions on Saturday.")
    got = {(i.place_name, i.killed) for i in violent(run(text))}
    assert got == {("Ganja", 0), ("Baku", 1)}


def test_observers_in_a_city_who_see_the_fighting_some_way_do_not_place_it_there() -> None:
    text = ("Heavy fighting erupted near Ganja on Saturday, officials said.\n\n"
            "Some observers in Baku, by contrast, see the fighting as a signal of change.")
    assert {i.place_name for i in violent(run(text))} == {"Ganja"}


def test_a_standfirst_without_day_or_dead_is_the_event_told_below_with_both() -> None:
    camp = Place("t:camp", "Lakecamp", "place", "PPL", "AM", "Gegharkunik", 40.32, 45.2, 500)
    text = ("Shells hit crowded Lakecamp as fighting rages and aid groups warn of famine.\n\n"
            "At least 11 people were killed after rebels shelled a camp on the edge of "
            "Laketown, rescuers said.\n\nThe shells struck Lakecamp on Sunday afternoon, the "
            "group said.")
    found = sorted([*mentions(text), *(Mention("Lakecamp", i, i + 8, camp, 0.9) for i in (
        text.find("Lakecamp"), text.rfind("Lakecamp")))], key=lambda m: m.start)
    article = Article(text=text, id="a", published=date(2020, 10, 12), source="Wire")
    (inc,) = violent(extract_incidents(article, found, lookup=lookup, capital=CAPITALS.get))
    assert (inc.place_name, inc.killed, inc.date) == ("Lakecamp", 11, date(2020, 10, 11))


def test_the_day_a_bombardment_began_is_not_the_day_of_what_the_sentence_tells() -> None:
    text = ("Shelling hit Ganja on Monday, officials said.\n\nOfficials said rebels had "
            "fired rockets against the city, which has been under bombardment since Friday. "
            "One civilian was killed in Monday's strikes.")
    (inc,) = violent(run(text))
    assert (inc.date, inc.killed) == (date(2020, 10, 12), 1)


def test_a_citys_named_neighbour_town_is_the_site_not_the_city() -> None:
    text = ("Rebel artillery pounded Ganja's northern town of Laketown on Sunday, killing "
            "four people.")
    (inc,) = violent(run(text))
    assert (inc.place_name, inc.killed) == ("Laketown", 4)
