"""Sentence spans: abbreviations, quotes, paragraphs and datelines."""

from __future__ import annotations

from geomap.sentences import dateline, fold, split_sentences


def texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_do_not_split() -> None:
    text = "Gen. Smith met Lt. Jones at 9 a.m. Monday in the U.S. capital. They talked."
    assert texts(text) == ["Gen. Smith met Lt. Jones at 9 a.m. Monday in the U.S. capital.",
                           "They talked."]


def test_initials_and_numbers() -> None:
    text = "John F. Kennedy spoke. Resolution No. 5 passed."
    assert texts(text) == ["John F. Kennedy spoke.", "Resolution No. 5 passed."]


def test_closing_quote_ends_sentence() -> None:
    text = 'He urged them to "exercise more restraint." He condemned the attacks.'
    assert texts(text) == ['He urged them to "exercise more restraint."',
                           "He condemned the attacks."]


def test_quote_with_comma_continues() -> None:
    text = "“Iran is ready to help,” the spokesman said. Talks resume."
    assert texts(text) == ["“Iran is ready to help,” the spokesman said.", "Talks resume."]


def test_paragraphs_and_lines() -> None:
    text = "Headline here\n\nFirst sentence. Second one.\nThird line.\n"
    assert texts(text) == ["Headline here", "First sentence.", "Second one.", "Third line."]


def test_hard_wrapped_lines_rejoin() -> None:
    text = ("Russian forces shelled the city of Kharkiv on Sunday, killing at least seven\n"
            "people, the governor said.")
    assert len(texts(text)) == 1


def test_datelines_are_own_spans() -> None:
    for head in ("TEHRAN –", "TEHRAN (Iran News) –", "KYIV, March 3 (Reuters) -",
                 "GAZA CITY, Oct 20 –"):
        text = f"{head} Officials said the talks failed."
        assert texts(text) == [head, "Officials said the talks failed."]
        dl = dateline(text)
        assert dl is not None and dl[1] > 0


def test_no_dateline_in_plain_sentence() -> None:
    assert dateline("The US - and Iran - talked.") is None


def test_spans_index_original_text() -> None:
    text = "  One.  Two?  "
    assert [text[s:e] for s, e in split_sentences(text)] == ["One.", "Two?"]


def test_fold_keeps_length() -> None:
    for s in ("Kəlbəcər’s “war” — İstanbul", "Ağdam"):
        assert len(fold(s)) == len(s)
    assert fold("Iran’s “Foreign” Ministry") == "iran's \"foreign\" ministry"


def test_bullet_lines_are_their_own_sentences() -> None:
    # A summary's list items carry no full stop; each is a claim of its own.
    text = ("Key points\n"
            "- Artillery fire on a market in the northern town left four people dead overnight\n"
            "- Two rescuers hurt when a second round landed on the same street in the afternoon\n"
            "• Talks on a local truce were postponed again by the mediators this week")
    assert texts(text) == [
        "Key points",
        "- Artillery fire on a market in the northern town left four people dead overnight",
        "- Two rescuers hurt when a second round landed on the same street in the afternoon",
        "• Talks on a local truce were postponed again by the mediators this week",
    ]


def test_a_hyphen_inside_a_wrapped_line_still_wraps() -> None:
    text = ("Officials said the convoy was stopped on the road north of the city and\n"
            "searched - a routine check, they said.")
    assert len(texts(text)) == 1


def test_datelines_of_two_cities_or_with_a_long_country() -> None:
    assert dateline("TBILISI/SUKHUMI, Oct 2 (Wire) - Officials said")[2] == "Tbilisi/Sukhumi"
    assert dateline("NABLUS, Palestinian Territories, May 5, 2024 (AFP) - Troops")[2] == \
        "Nablus"
    assert dateline("ABU DHABI, United Arab Emirates (AP) — Officials")[2] == "Abu Dhabi"


def test_date_first_dateline_with_the_place_in_brackets() -> None:
    text = "July 4, 2024 (SENNAR) - The army said it repelled an attack on Tuesday."
    assert texts(text) == ["July 4, 2024 (SENNAR) -",
                           "The army said it repelled an attack on Tuesday."]
    assert dateline(text)[2] == "Sennar"
    assert dateline("12 March 2024 (KHARTOUM) – Shelling hit Omdurman.")[2] == "Khartoum"


def test_title_case_dateline_heads_only_the_lede() -> None:
    lede = ("Addis Abeba - A drone strike hit a minibus on the road outside Debre Tabor on "
            "Tuesday, killing seven passengers, residents said.")
    assert texts(lede)[0] == "Addis Abeba -"
    assert dateline(lede, lede=True)[2] == "Addis Abeba"
    assert dateline(lede) is None  # not the lede: a bulletin line keeps its place
    bulletin = f"{lede}\n\nKupiansk - Two civilians were wounded by shelling on Monday."
    assert "Kupiansk - Two civilians were wounded by shelling on Monday." in texts(bulletin)
    assert dateline("The US - and Iran - talked about it for hours and hours on end, "
                    "officials said on Monday night.", lede=True) is None


def test_datelines_with_a_day_first_date() -> None:
    assert dateline("KHARKIV, 3 March 2024 - Shelling hit the city.")[:2] == (0, 24)
    assert dateline("Goma, 8 February 2024 - Fighting went on.", lede=True)[2] == "Goma"


def test_a_dateline_city_with_accented_capitals() -> None:
    assert dateline("POPAYÁN — Four men were killed on Sunday.")[2] == "Popayán"


def test_a_dateline_with_a_country_and_an_agency_in_brackets() -> None:
    text = "Stepanakert (Azerbaijan) (AFP) - Explosions rocked the city on Monday morning."
    assert dateline(text, lede=True)[2] == "Stepanakert"
    assert dateline("GAZA CITY (Palestine) (AFP) - Strikes hit the camp.")[2] == "Gaza City"
