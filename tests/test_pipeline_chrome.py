"""Page furniture around an article changes none of its incidents: a caption's places
are not "the city" of the story, and a byline's time stamp dates no event."""

from __future__ import annotations

from datetime import date

from geomap.articles import detect_chrome
from geomap.model import Article

LEDE = "Drones struck Pokrovsk on Monday, killing two people, the governor said.\n\n"
NEXT = "A missile struck the northern edge of the city on Tuesday, killing one man.\n"
HEAD = "By Jane Roe and John Doe\nPublished On 9 Mar 2023 | Updated 14:32 GMT\n"
CAPTION = ("A damaged building after a strike in Kharkiv, Ukraine, on March 1. "
           "REUTERS/Jane Roe\n\n")


def _incidents(extractor, text: str) -> list[tuple]:
    article = Article(text=text, id="a", published=date(2024, 9, 3),
                      chrome=tuple(detect_chrome(text)))
    return sorted((i.date, i.place_name, i.killed) for i in extractor.extract(article))


def test_chrome_around_the_story_changes_no_incident(extractor) -> None:
    clean = _incidents(extractor, LEDE + NEXT)
    assert clean == [(date(2024, 9, 2), "Pokrovsk", 2), (date(2024, 9, 3), "Pokrovsk", 1)]
    assert _incidents(extractor, HEAD + LEDE + CAPTION + NEXT) == clean
    assert _incidents(extractor, LEDE + CAPTION + NEXT) == clean


def test_the_headline_repeated_in_the_text_still_places_the_story(extractor) -> None:
    title = "Drone attack hits Pokrovsk"
    text = f"{title}\n\nThe attack killed two people on Monday, officials said.\n"
    article = Article(text=text, id="h", published=date(2024, 9, 3), title=title,
                      chrome=tuple(detect_chrome(text, title)))
    assert article.chrome  # the repeated headline line is furniture ...
    assert [(i.place_name, i.killed) for i in extractor.extract(article)] == [("Pokrovsk", 2)]
