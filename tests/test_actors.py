"""ACLED-style actors, attacker first, and attribution."""

from __future__ import annotations

import pytest

from geomap.actors import find_actors, iso_for, reported_by, speaker_country


def test_demonyms_without_geoparser() -> None:
    assert iso_for("Azeri") == "AZ" and iso_for("Armenian") == "AM"


@pytest.mark.parametrize(
    ("sentence", "country", "actors"),
    [
        ("The agreement fell apart due to reported Armenian shelling of Azerbaijan's "
         "second-largest city of Ganja.", "AZ",
         ("Military Forces of Armenia", "Civilians (Azerbaijan)")),
        ("The Azerbaijani armed forces opened fire at the Armenian positions.", "AM",
         ("Military Forces of Azerbaijan", "Military Forces of Armenia")),
        ("The ministry accused Armenia of firing at the positions of the Azerbaijani Armed "
         "Forces.", "AZ", ("Military Forces of Armenia", "Military Forces of Azerbaijan")),
        ("Clashes erupted between Azerbaijan and Armenia on September 27.", "AZ",
         ("Military Forces of Azerbaijan", "Military Forces of Armenia")),
        ("The RSF shelled a crowded market in El Fasher, killing 15 civilians.", "SD",
         ("Rapid Support Forces", "Civilians (Sudan)")),
        ("Armenia had asked for help against attacks by Azerbaijani forces.", "AM",
         ("Military Forces of Azerbaijan", None)),
        ("Israeli strikes killed at least 30 Palestinians across the Gaza Strip.", "PS",
         ("Military Forces of Israel", "Civilians (Palestine)")),
    ],
)
def test_actors(sentence: str, country: str, actors: tuple) -> None:
    assert find_actors(sentence, place_country=country) == actors


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The situation is stable, according to the Trend news agency.", "Trend news agency"),
        ("Azerbaijan's Foreign Ministry said the shellfire left nine dead.",
         "Azerbaijan's Foreign Ministry"),
        ("Armenpress also reported that the forces opened fire.", "Armenpress"),
        ("Russia’s Interfax news agency cited Armenia’s parliament as saying that 15 soldiers "
         "had died.", "Armenia's parliament (via Interfax)"),
        ("The Armenian Defense Ministry told Armenpress that on July 23 units took action.",
         "Armenian Defense Ministry (via Armenpress)"),
        ("Two people were killed.", None),
    ],
)
def test_reported_by(sentence: str, source: str | None) -> None:
    assert reported_by(sentence) == source


def test_speaker_country() -> None:
    assert speaker_country("Iran’s Foreign Ministry spokesman urged restraint.") == "IR"
    assert speaker_country("On Saturday, Russian President Vladimir Putin urged calm.") == "RU"
    assert speaker_country("He called on both sides.") is None


def test_country_name_beyond_the_table_comes_from_geonames() -> None:
    from geomap.actors import country_name

    assert country_name("AZ") == "Azerbaijan"
    assert country_name("CZ") == "Czechia"  # not "Military Forces of CZ"
    assert country_name("XX") == "XX"


def test_forces_named_before_their_country_are_the_attacker() -> None:
    assert find_actors("On September 13, units of the Armed Forces of Armenia subjected to "
                       "fire the positions of the Azerbaijan Army near Tovuz.") == (
        "Military Forces of Armenia", "Military Forces of Azerbaijan")
    assert find_actors("Soldiers of the Republic of Azerbaijan fired at Armenian positions "
                       "near Sotk.") == (
        "Military Forces of Azerbaijan", "Military Forces of Armenia")
