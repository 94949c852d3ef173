"""The five seed articles, end to end with the real geoparser and gazetteer.

Skipped (with the reason) until the geoparser is importable and a gazetteer is built.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from geomap import taxonomy as tx
from geomap.articles import read_articles
from geomap.incidents import extract_incidents
from geomap.model import GEO_LINE_OR_COUNTRY, GEO_POINT, Incident

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seeds() -> dict[str, list[Incident]]:
    geoparse = pytest.importorskip("geomap.geoparse", reason="geoparser not available yet")
    from geomap.errors import GazetteerError
    from geomap.gazetteer import Gazetteer

    try:
        gazetteer = Gazetteer.load()
    except GazetteerError as exc:
        pytest.skip(f"no built gazetteer ({exc}); run `geomap gazetteer build`")
    parser = geoparse.Geoparser(gazetteer)
    out = {}
    for article in read_articles(SEEDS):
        name = Path(article.path or "").name[:3]
        out[name] = extract_incidents(article, parser.parse(article.text),
                                      geometry=gazetteer.geometry, lookup=gazetteer.lookup)
    return out


def find(incidents: list[Incident], sub: str, day: date | None = None) -> list[Incident]:
    return [i for i in incidents if i.sub_event_type == sub and (day is None or i.date == day)]


def violent(incidents: list[Incident]) -> list[Incident]:
    return [i for i in incidents if i.event_type in tx.VIOLENT_EVENT_TYPES]


def test_000_statement_clashes_and_ceasefire(seeds) -> None:
    incs = seeds["000"]
    assert [i.place_name for i in find(incs, tx.DIPLOMATIC_STATEMENT)] == ["Tehran"]
    (clash,) = find(incs, tx.ARMED_CLASH, date(2020, 9, 27))
    assert clash.geo_precision == GEO_LINE_OR_COUNTRY and clash.country in ("AZ", "AM")
    (deal,) = find(incs, tx.AGREEMENT)
    assert deal.date == date(2020, 10, 10)
    assert len(violent(incs)) == 1  # history and totals make no incident


def test_001_shelling_of_ganja(seeds) -> None:
    incs = seeds["001"]
    (ganja,) = find(incs, tx.SHELLING, date(2020, 10, 11))
    assert ganja.place_name == "Ganja" and ganja.geo_precision == GEO_POINT
    assert (ganja.killed, ganja.wounded) == (9, 33)
    assert ganja.reported_by == "Azerbaijan's Foreign Ministry"
    assert ganja.actor1 == "Military Forces of Armenia"
    (front,) = find(incs, tx.ARMED_CLASH, date(2020, 9, 27))
    assert front.geo_precision == GEO_LINE_OR_COUNTRY
    assert "Tehran" in [i.place_name for i in find(incs, tx.DIPLOMATIC_STATEMENT)]


def test_002_border_clashes(seeds) -> None:
    incs = seeds["002"]
    (clash,) = violent(incs)
    assert clash.date == date(2021, 11, 16) and clash.event_type == tx.BATTLES
    assert (clash.killed, clash.captured) == (15, 12)
    assert clash.geo_precision == GEO_LINE_OR_COUNTRY and "border" in clash.place_name.lower()
    assert clash.reported_by == "Armenia's parliament (via Interfax)"
    assert not any("Washington" in i.evidence or "6,500" in i.evidence for i in incs)
    assert [i.place_name for i in find(incs, tx.DIPLOMATIC_STATEMENT)] == ["Tehran"]


def test_003_kalbajar_and_gegharkunik(seeds) -> None:
    incs = seeds["003"]
    clashes = find(incs, tx.ARMED_CLASH, date(2021, 7, 23))
    kalbajar = [i for i in clashes if i.place and i.place.lower().startswith("kalb")]
    gegh = [i for i in clashes if i.place == "Gegharkunik"]
    assert len(kalbajar) == 1 and len(gegh) == 1 and len(violent(incs)) == 2
    assert (kalbajar[0].killed, kalbajar[0].wounded) == (1, 3)
    assert kalbajar[0].geo_precision in (2, 3) and gegh[0].geo_precision in (3, 4)
    assert gegh[0].actor1 == "Military Forces of Azerbaijan"
    assert find(incs, tx.DISRUPTED_WEAPONS) and not find(incs, tx.AIR_DRONE)
    assert [i.place_name for i in find(incs, tx.DIPLOMATIC_STATEMENT)] == ["Tehran"]


def test_004_april_war(seeds) -> None:
    incs = seeds["004"]
    (battle,) = violent(incs)
    assert battle.date == date(2016, 4, 2) and battle.killed == 30  # 12 + 18, both sides
    (truce,) = find(incs, tx.AGREEMENT)
    assert truce.date == date(2016, 4, 3)
    assert {"Baku", "Moscow"} <= {i.place_name for i in find(incs, tx.DIPLOMATIC_STATEMENT)}


def test_every_incident_is_well_formed(seeds) -> None:
    for incidents in seeds.values():
        for i in incidents:
            assert tx.is_valid(i.event_type, i.sub_event_type)
            assert i.lat is not None and i.geo_precision in (1, 2, 3, 4)
            assert 0 < i.confidence <= 1 and i.evidence and i.article_id
            assert (i.date is None) == (i.date_precision is None)
