"""Reading articles: formats, encodings, metadata precedence, bad input, page chrome."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from geomap.articles import decode_bytes, detect_chrome, read_articles
from geomap.errors import ArticleError

BODY = "Russian missiles struck the city of Kharkiv on Sunday, killing seven people.\n"


def write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_plain_text_offsets_are_into_the_file(tmp_path: Path) -> None:
    f = write(tmp_path / "a.txt", BODY)
    (article,) = read_articles(f, published=date(2024, 5, 6), source="cli")
    assert article.text == BODY
    assert article.published == date(2024, 5, 6) and article.source == "cli"
    assert len(article.id) == 16 and article.path == str(f)


def test_same_text_same_id(tmp_path: Path) -> None:
    a = next(read_articles(write(tmp_path / "a.txt", BODY)))
    b = next(read_articles(write(tmp_path / "b.txt", BODY)))
    assert a.id == b.id


def test_front_matter_is_blanked_in_place(tmp_path: Path) -> None:
    text = ("---\npublished: 2024-05-06\nsource: Wire\nurl: https://x.test/1\n"
            "title: Strike on Kharkiv\n---\n" + BODY)
    f = write(tmp_path / "a.md", text)
    (article,) = read_articles(f, published=date(2000, 1, 1), source="cli")
    assert len(article.text) == len(text)
    assert article.text.endswith(BODY) and "Kharkiv" not in article.text[: text.index(BODY)]
    assert article.text.index("Kharkiv") == text.index("Kharkiv", text.index(BODY))
    assert (article.published, article.source, article.url, article.title) == (
        date(2024, 5, 6), "Wire", "https://x.test/1", "Strike on Kharkiv")
    assert article.chrome[0][0] == 0


def test_key_value_header(tmp_path: Path) -> None:
    f = write(tmp_path / "a.txt", "Published: 12 October 2020\nSource: Press TV\n\n" + BODY)
    (article,) = read_articles(f)
    assert article.published == date(2020, 10, 12) and article.source == "Press TV"


def test_prose_with_colon_is_not_a_header(tmp_path: Path) -> None:
    text = "Warning: heavy fighting continues.\n\n" + BODY
    (article,) = read_articles(write(tmp_path / "a.txt", text))
    assert article.text == text


def test_jsonl(tmp_path: Path) -> None:
    lines = [{"id": "x1", "text": BODY, "published": "2024-05-06", "source": "S"},
             {"text": "Gaza. " + BODY, "published": "2024-05-07T10:00:00Z"}]
    f = write(tmp_path / "a.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    a, b = read_articles(f)
    assert a.id == "x1" and a.published == date(2024, 5, 6)
    assert b.published == date(2024, 5, 7) and b.id != a.id


def test_malformed_json_line_names_the_line(tmp_path: Path) -> None:
    f = write(tmp_path / "a.jsonl", json.dumps({"text": BODY}) + "\n{oops\n")
    it = read_articles(f)
    assert next(it).text == BODY  # the good article before it is not lost
    with pytest.raises(ArticleError, match=r"line 2: malformed JSON"):
        next(it)


def test_directory_with_metadata(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", BODY)
    write(tmp_path / "a.txt", "Gaza. " + BODY)
    write(tmp_path / "metadata.json", json.dumps(
        {"b.txt": {"published": "2024-05-06", "source": "Meta", "title": "T"}}))
    a, b = read_articles(tmp_path, source="cli")
    assert a.path.endswith("a.txt") and a.source == "cli"
    assert (b.published, b.source, b.title) == (date(2024, 5, 6), "Meta", "T")


def test_seeds_directory() -> None:
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    articles = list(read_articles(seeds))
    assert len(articles) == 5
    assert all(a.published and a.source and a.title for a in articles)


def test_publication_date_from_page_dateline(tmp_path: Path) -> None:
    text = "Iran Press TV\n\nMonday, 12 October 2020 6:33 AM\n\n" + BODY
    (article,) = read_articles(write(tmp_path / "a.txt", text))
    assert article.published == date(2020, 10, 12)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", "  \n\n", "empty article"),
        ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("ctl.txt", bytes(range(1, 32)) * 20, "non-text"),
        ("bad.jsonl", '{"text": ""}\n', "empty \"text\""),
        ("date.txt", "---\npublished: not a date\n---\n" + BODY, "bad published date"),
    ],
)
def test_bad_input(tmp_path: Path, name: str, data: str | bytes, message: str) -> None:
    f = write(tmp_path / name, data)
    with pytest.raises(ArticleError, match=message):
        list(read_articles(f))


def test_missing_path_and_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        list(read_articles(tmp_path / "nope.txt"))
    with pytest.raises(ArticleError, match="no articles"):
        list(read_articles(tmp_path))


def test_encodings() -> None:
    text = "Kəlbəcər – “clashes” in Ağdam"
    assert decode_bytes(text.encode("utf-8-sig"), "x") == text
    assert decode_bytes(text.encode("utf-16"), "x") == text
    assert decode_bytes("Café “Ganja” – résumé".encode("cp1252"), "x") == (
        "Café “Ganja” – résumé")


def spans_text(text: str, title: str | None = None) -> list[str]:
    return [text[s:e] for s, e in detect_chrome(text, title)]


def test_chrome_captions_banners_nav() -> None:
    text = (
        "News / Politics\n\n"
        "Headline about clashes\n\n"
        "US Rep. X (L) talks with Y during a rally on the steps of the Capitol on March 08, "
        "2019 in Washington, DC.\n"
        "Soldiers take part in a parade in Baku, Azerbaijan, on November 8, 2021. "
        "(Photo by Reuters)\n\n"
        "Clashes erupted on the border on Tuesday, the ministry said.\n\n"
        "Join the mailing list\n"
        "The site can also be accessed at the following alternate addresses:\n"
    )
    chrome = spans_text(text, "Headline about clashes")
    assert "News / Politics" in chrome and "Headline about clashes" in chrome
    assert any(c.startswith("US Rep.") for c in chrome)
    assert any(c.endswith("(Photo by Reuters)") for c in chrome)
    assert "Join the mailing list" in chrome
    assert not any("Clashes erupted" in c for c in chrome)


def test_chrome_inside_prose_and_repeats() -> None:
    text = ("Clashes erupted on Monday near the border, officials said. Two soldiers died. "
            "MH/PA All Content by Mehr News Agency is licensed under a Creative Commons "
            "Attribution 4.0 International License.\n\n"
            "Clashes erupted on Monday near the border, officials said.\n")
    spans = detect_chrome(text)
    chrome = [text[s:e] for s, e in spans]
    assert any("licensed under" in c for c in chrome)
    assert "MH/PA" in " ".join(chrome)
    # the repeated sentence is chrome, the first telling is not
    assert all(s > 0 for s, _ in spans)
    second = text.rindex("Clashes")
    assert any(s <= second < e for s, e in spans)


def test_chrome_agency_photo_credits() -> None:
    text = ("Shelling hit the town on Monday, officials said.\n\n"
            "A house destroyed by a drone in Sumy, Ukraine, on March 1. REUTERS/Jane Doe\n"
            "Rescuers at the site of a strike in Khan Younis. AFP via Getty Images\n"
            "A damaged school in Nyala (AP Photo/John Smith)\n")
    chrome = spans_text(text)
    assert len(chrome) == 3 and not any("Shelling" in c for c in chrome)


def test_chrome_lists_of_other_stories() -> None:
    """Headlines under 'Related' or 'Most read' name places and tolls of other events."""
    text = ("Two people were killed in a strike on the port on Monday, the governor said.\n\n"
            "Related\n"
            "Drone attack on power plant kills three in the south\n"
            "Army retakes the airport after weeks of fighting\n"
            "Most read:\n"
            "1. Explosion at a fuel depot kills dozens\n\n"
            "The governor said repairs would take weeks.\n")
    chrome = spans_text(text)
    assert any("power plant" in c for c in chrome)
    assert any("retakes the airport" in c for c in chrome)
    assert any("fuel depot" in c for c in chrome)
    assert not any("governor" in c for c in chrome)


def test_jsonl_text_may_hold_raw_unicode_line_separators(tmp_path) -> None:
    """U+0085 and U+2028 are legal raw inside a JSON string; they do not end a line."""
    import json as _json

    path = tmp_path / "a.jsonl"
    body = "Shelling hit Ganja\u0085on Monday.\u2028Two people died."
    path.write_text(_json.dumps({"id": "x", "text": body}, ensure_ascii=False) + "\r\n",
                    encoding="utf-8")
    articles = list(read_articles(path))
    assert [a.text for a in articles] == [body]


@pytest.mark.parametrize(("line", "chrome"), [
    ("Published On 3 Feb 2025 | Updated 09:10 GMT", True),
    ("Last updated: 04.02.2025, 11:45", True),
    ("Posted 3h ago", True),
    ("Updated figures released on Monday show 12 dead.", False),
    ("Published in 2023, the survey counted 40 ruined villages.", False),
    # a site's menu and share buttons move no incident (the vetter reads positions)
    ("Home | News | Europe | Middle East | Africa | Sport | Opinion", True),
    ("Share on Facebook  Share on X  Share via Email", True),
    ("Share this story on WhatsApp", True),
    ("Shares in Facebook fell sharply after the strike on Monday.", False),
    ("Home to 40,000 people, the town | was shelled | again.", False),
])
def test_a_stamp_menu_or_share_line_is_chrome(line, chrome) -> None:
    text = f"Shelling hit the port overnight, officials said.\n{line}\nMore prose follows here."
    start = text.index(line)
    assert ((start, start + len(line)) in detect_chrome(text)) is chrome


def test_a_related_headline_on_its_own_line_is_chrome_but_the_word_in_prose_is_not() -> None:
    text = ("Kharkiv was shelled on Friday.\n\nRelated: 'We left with nothing': the people "
            "fleeing the new offensive\n\nOfficials said the strikes were related: both hit "
            "the same district.")
    spans = detect_chrome(text)
    assert [text[s:e] for s, e in spans] == [
        "Related: 'We left with nothing': the people fleeing the new offensive"]
