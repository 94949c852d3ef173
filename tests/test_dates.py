"""Date phrases resolved against the publication date; property tests for the rules."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geomap.dates import (
    WEEKDAYS,
    find_dates,
    find_publication_date,
    last_day,
    resolve_month_day,
    resolve_weekday,
)
from geomap.model import DATE_DAY, DATE_MONTH, DATE_WEEK

PUB = date(2020, 10, 12)  # a Monday


def first(text: str, published: date | None = PUB, **kw) -> tuple[date | None, int | None]:
    refs = [r for r in find_dates(text, published, **kw) if r.kind != "year"]
    assert refs, text
    return refs[0].date, refs[0].precision


def test_explicit_dates() -> None:
    assert first("on September 27") == (date(2020, 9, 27), DATE_DAY)
    assert first("July 23, 2021") == (date(2021, 7, 23), DATE_DAY)
    assert first("on 12 October 2020") == (date(2020, 10, 12), DATE_DAY)
    assert first("on 27/09/2020") == (date(2020, 9, 27), DATE_DAY)
    assert first("on 2020-09-27") == (date(2020, 9, 27), DATE_DAY)


def test_year_less_date_is_not_in_the_future() -> None:
    assert first("on December 30", date(2021, 1, 3)) == (date(2020, 12, 30), DATE_DAY)
    assert first("on October 13") == (date(2020, 10, 13), DATE_DAY)  # tolerance: +1 day
    assert first("on October 14") == (date(2019, 10, 14), DATE_DAY)


def test_weekdays_news_convention() -> None:
    assert first("on Monday") == (PUB, DATE_DAY)  # same day counts
    assert first("on Saturday") == (date(2020, 10, 10), DATE_DAY)
    assert first("Friday night") == (date(2020, 10, 9), DATE_DAY)
    assert first("overnight Saturday", date(2016, 4, 4)) == (date(2016, 4, 2), DATE_DAY)
    assert first("late Sunday") == (date(2020, 10, 11), DATE_DAY)
    assert first("last Monday") == (date(2020, 10, 5), DATE_DAY)


def test_relative_phrases() -> None:
    assert first("yesterday") == (date(2020, 10, 11), DATE_DAY)
    assert first("today") == (PUB, DATE_DAY)
    assert first("two days ago") == (date(2020, 10, 10), DATE_DAY)
    assert first("last week")[1] == DATE_WEEK
    assert first("earlier this month") == (date(2020, 10, 1), DATE_MONTH)


def test_a_day_after_uses_the_anchor() -> None:
    assert first("His remarks came a day after the shelling", anchor=PUB) == (
        date(2020, 10, 11), DATE_DAY)


def test_no_publication_date_means_no_guess() -> None:
    assert first("on Saturday", None) == (None, None)
    assert first("on September 27", None) == (None, None)
    assert first("on 12 October 2020", None) == (date(2020, 10, 12), DATE_DAY)


def test_times_and_verbs_are_not_dates() -> None:
    assert find_dates("at 23:00 and you may 5 times", PUB) == []


def test_years_are_marked() -> None:
    kinds = [(r.kind, r.date) for r in find_dates("since 1994 and the 1990s", PUB)]
    assert kinds == [("year", date(1994, 1, 1)), ("year", date(1990, 1, 1))]


def test_publication_date_from_page() -> None:
    text = "Iran Press TV\n\nMonday, 12 October 2020 6:33 AM\n\nIran's Foreign Ministry..."
    assert find_publication_date(text) == PUB
    caption = ("X talks with Y during a rally before voting on the East Steps of the US "
               "Capitol on March 08, 2019 in Washington, DC. (AFP photo)\n")
    assert find_publication_date(caption) is None
    byline = "Strike kills 4\nBy A B Associated Press\nUpdated 3:15 PM GMT+2, March 21, 2024\n"
    assert find_publication_date(byline) == date(2024, 3, 21)


published_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))


@given(published_dates, st.sampled_from(sorted(WEEKDAYS)))
def test_weekday_never_after_publication_nor_a_week_before(pub: date, name: str) -> None:
    resolved = resolve_weekday(WEEKDAYS[name], pub)
    assert pub - timedelta(days=6) <= resolved <= pub
    assert resolved.weekday() == WEEKDAYS[name]
    (ref,) = find_dates(f"on {name.title()}", pub)
    assert ref.date == resolved


@given(published_dates, st.integers(1, 12), st.integers(1, 31))
def test_month_day_never_after_publication_plus_a_day(pub: date, month: int, day: int) -> None:
    resolved = resolve_month_day(month, day, pub)
    if resolved is not None:
        assert resolved <= pub + timedelta(days=1)
        assert resolved > pub - timedelta(days=366 * 2)
        assert (resolved.month, resolved.day) == (month, day)


@given(published_dates, st.integers(1, 10))
def test_days_ago_is_exact(pub: date, n: int) -> None:
    (ref,) = find_dates(f"{n} days ago", pub)
    assert ref.date == pub - timedelta(days=n) and ref.precision == DATE_DAY


@pytest.mark.parametrize("month", list(range(1, 13)))
def test_explicit_dates_with_a_year_parse_in_every_month(month):
    """Regression: "5 May 2024" once crashed because "may" is a three-letter name."""
    import calendar

    from geomap.dates import find_dates

    text = f"Shelling hit the town on 5 {calendar.month_name[month]} 2024."
    found = find_dates(text, date(2024, 12, 31))
    assert [d.date for d in found if d.date] == [date(2024, month, 5)]


@pytest.mark.parametrize(
    "text",
    ["In the past 24 hours, Russian forces shelled Nikopol 12 times.",
     "Over the last twenty-four hours, two people were killed.",
     "Within the past day, shelling hit Kherson."],
)
def test_a_daily_summary_is_the_day_before_within_a_few_days(text: str) -> None:
    (ref,) = find_dates(text, date(2024, 3, 12))
    assert (ref.date, ref.precision) == (date(2024, 3, 11), DATE_WEEK)


def test_the_last_day_of_something_is_no_date() -> None:
    assert find_dates("On the last day of the talks, nothing changed.", date(2024, 3, 12)) == []


@pytest.mark.parametrize(
    ("text", "days"),
    [("Shelling hit Kherson on the previous day.", 1),
     ("Two days earlier, a drone struck Sumy.", 2)],
)
def test_the_previous_day_counts_back(text: str, days: int) -> None:
    (ref,) = find_dates(text, date(2024, 6, 5))
    assert (ref.date, ref.kind) == (date(2024, 6, 5) - timedelta(days=days), "anchor")


def test_nights_and_habits() -> None:
    from geomap.dates import find_dates
    pub = date(2023, 3, 8)  # a Wednesday
    assert [r.date for r in find_dates("Drones hit the depot in the night of Sunday to "
                                       "Monday.", pub)] == [date(2023, 3, 6)]
    assert [r.date for r in find_dates("Shelling went on overnight into Monday.", pub)] \
        == [date(2023, 3, 6)]
    assert [r.date for r in find_dates("The port was shelled overnight.", pub)] \
        == [date(2023, 3, 7)]
    assert find_dates("The cafe, crowded on Saturday evenings, was hit.", pub) == []


def test_the_month_may_after_a_preposition_is_a_month_and_the_verb_is_not() -> None:
    refs = find_dates("Talks may resume. The town fell in May, officials said.", date(2024, 7, 14))
    assert [(r.kind, r.date) for r in refs] == [("month", date(2024, 5, 1))]


def test_a_paragraph_break_ends_a_date() -> None:
    text = "Residents fled after 10 May.\n\n20 May, 07:10\nShelling resumed."
    refs = find_dates(text, date(2024, 5, 21))
    assert [text[r.start:r.end].rstrip(".") for r in refs] == ["10 May", "20 May"]


def test_a_month_after_a_plan_is_the_coming_one() -> None:
    refs = find_dates("The army steps up attacks ahead of a vote it plans to hold in December.",
                      date(2025, 9, 3))
    assert [r.date for r in refs] == [date(2025, 12, 1)]
    refs = find_dates("The town fell in December.", date(2025, 9, 3))
    assert [r.date for r in refs] == [date(2024, 12, 1)]


def test_a_third_of_a_month_ends_on_its_tenth_or_twentieth() -> None:
    (mid,) = find_dates("In mid-May a strike killed five.", date(2024, 6, 1))
    (early,) = find_dates("In early March, shelling hit the town.", date(2024, 6, 1))
    (whole,) = find_dates("In May, shelling hit the town.", date(2024, 6, 1))
    assert last_day(mid.date, mid.precision) == date(2024, 5, 20)
    assert last_day(early.date, early.precision) == date(2024, 3, 10)
    assert last_day(whole.date, whole.precision) == date(2024, 5, 31)
    assert mid.precision == whole.precision == DATE_MONTH


def test_a_birth_year_is_no_time_of_the_story() -> None:
    refs = find_dates("Two civilians, a man born in 1961 and a woman born in 1987, were killed.",
                      date(2020, 10, 16))
    assert refs == []
