"""Ingest: idempotence, one transaction per article, error reporting, cross-article merge."""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path

import pytest
from test_store_fixtures import (
    FakeExtractor,
    article,
    incident,
    line_incident,
    new_store,
    snapshot,
)

from geomap.errors import ArticleError, StoreError
from geomap.model import GEO_NEAR, GEO_REGION, Article
from geomap.store import (
    Filters,
    ingest,
    ingest_article,
    ingest_paths,
    query_incidents,
)
from geomap.store.merge import haversine_km, merged, same_event
from geomap.taxonomy import DIPLOMATIC_STATEMENT, STRATEGIC

REPO = Path(__file__).resolve().parent.parent


def test_ingest_stores_article_and_incidents_and_reports_counts(tmp_path):
    store = new_store(tmp_path)
    ex = FakeExtractor({"one": [incident(), incident(lat=41.0, lon=45.0)]})
    report = ingest(store, [article("one", source="Press TV", published=date(2020, 9, 28))],
                    ex, progress=False)
    assert (report.articles_new, report.duplicates, report.incidents_created,
            report.incidents_merged, report.errors) == (1, 0, 2, 0, [])
    row = store.conn.execute("SELECT * FROM articles").fetchone()
    assert row["source"] == "Press TV" and row["published"] == "2020-09-28"
    assert row["text"] == "one" and len(row["content_hash"]) == 64
    props = query_incidents(store).features[0]["properties"]
    assert props["source"] == "Press TV" and props["article_id"] == row["id"]
    assert "2 incidents created" in report.summary()


def test_same_text_twice_changes_nothing(tmp_path):
    store = new_store(tmp_path)
    ex = FakeExtractor({"same": [incident()]})
    ingest(store, [article("same")], ex, progress=False)
    before = snapshot(store)
    report = ingest(store, [article("same", id="other-name", source="Elsewhere")], ex,
                    progress=False)
    assert report.duplicates == 1 and report.articles_new == 0
    assert snapshot(store) == before
    assert ex.calls == 1  # a duplicate is not even extracted again


def test_duplicate_result_lists_the_articles_incidents(tmp_path):
    store = new_store(tmp_path)
    ex = FakeExtractor({"same": [incident()]})
    first = ingest_article(store, article("same"), ex)
    again = ingest_article(store, article("same"), ex)
    assert again.duplicate and again.article_id == first.article_id
    assert again.incident_ns == first.incident_ns


class Exploding:
    def extract(self, article: Article):
        if "bad" in article.text:
            raise RuntimeError("boom")
        return [incident(evidence=article.text)]


def test_extractor_failure_stores_nothing_of_that_article_and_goes_on(tmp_path):
    store = new_store(tmp_path)
    report = ingest(store, [article("good 1"), article("bad one"), article("good 2")],
                    Exploding(), progress=False)
    assert report.articles_new == 2
    assert len(report.errors) == 1
    assert "extraction failed: RuntimeError: boom" in report.errors[0]
    texts = [r[0] for r in store.conn.execute("SELECT text FROM articles")]
    assert "bad one" not in texts and store.counts() == {"incidents": 1, "articles": 2}


def test_crash_midway_through_writing_rolls_the_article_back(tmp_path, monkeypatch):
    store = new_store(tmp_path)
    ingest(store, [article("first")], FakeExtractor({"first": [incident()]}), progress=False)
    before = snapshot(store)
    # importlib: the attribute geomap.store.ingest is the re-exported function
    ingest_module = importlib.import_module("geomap.store.ingest")

    real = ingest_module._link
    calls = {"n": 0}

    def flaky_link(conn, n, inc, aid):
        calls["n"] += 1
        if calls["n"] == 2:  # after the article row and one incident were written
            raise RuntimeError("power cut")
        real(conn, n, inc, aid)

    monkeypatch.setattr(ingest_module, "_link", flaky_link)
    ex = FakeExtractor({"second": [incident(lat=10.0, lon=10.0), incident(lat=20.0, lon=20.0)]})
    with pytest.raises(RuntimeError, match="power cut"):
        ingest_article(store, article("second"), ex)
    assert snapshot(store) == before
    assert not store.conn.in_transaction


def test_invalid_incident_from_the_extractor_rejects_the_whole_article(tmp_path):
    store = new_store(tmp_path)
    ex = FakeExtractor({"x": [incident(), incident(lat=95.0)]})
    report = ingest(store, [article("x")], ex, progress=False)
    assert "invalid coordinates" in report.errors[0]
    assert store.counts() == {"incidents": 0, "articles": 0}


def test_database_errors_become_store_errors(tmp_path, monkeypatch):
    store = new_store(tmp_path)
    store.conn.execute("CREATE TRIGGER no_more BEFORE INSERT ON incidents "
                       "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")
    with pytest.raises(StoreError, match="disk on fire"):
        ingest_article(store, article("x"), FakeExtractor({"x": [incident()]}))
    assert store.counts()["articles"] == 0


def test_reader_errors_are_reported_and_the_rest_goes_on(tmp_path):
    store = new_store(tmp_path)

    class Resumable:
        """An iterator that can go on after a bad item (like a folder reader)."""

        def __init__(self):
            self.items = [article("a"), ArticleError("b.txt: not UTF-8 text"), article("c")]

        def __iter__(self):
            return self

        def __next__(self):
            if not self.items:
                raise StopIteration
            item = self.items.pop(0)
            if isinstance(item, Exception):
                raise item
            return item

    report = ingest(store, Resumable(), FakeExtractor(), progress=False)
    assert report.articles_new == 2 and report.errors == ["b.txt: not UTF-8 text"]


def test_ingest_paths_continues_past_a_bad_file_in_a_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("1.txt", "2.txt", "3.txt"):
        (folder / name).write_text(f"article {name}")

    def reader(path, published=None, source=None):
        """Like read_articles: a generator that dies on the first bad file."""
        files = sorted(path.iterdir()) if path.is_dir() else [path]
        for f in files:
            if f.name == "2.txt":
                raise ArticleError(f"{f}: unreadable")
            yield Article(text=f.read_text(), id=f.name, path=str(f), source=source)

    store = new_store(tmp_path)
    report = ingest_paths(store, [folder], FakeExtractor(), source="Wire", reader=reader,
                          progress=False)
    assert report.articles_new == 2
    assert report.errors == [f"{folder / '2.txt'}: unreadable"]
    sources = {r[0] for r in store.conn.execute("SELECT source FROM articles")}
    assert sources == {"Wire"}


def test_after_a_bad_file_a_folder_is_still_read_as_articles_only(tmp_path):
    """The fallback after a bad file lists the folder the way the reader does."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "1.txt").write_text("Shelling hit the town on Monday.")
    (folder / "2.txt").write_bytes(b"\x00\x01\x02" * 50)
    (folder / "3.txt").write_text("Clashes broke out near the border on Tuesday.")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\x00\x00")

    report = ingest_paths(new_store(tmp_path), [folder], FakeExtractor(), progress=False)
    assert report.articles_new == 2
    assert len(report.errors) == 1 and "2.txt" in report.errors[0]


def test_progress_callback_sees_every_item(tmp_path):
    seen = []
    ingest(new_store(tmp_path), [article("a"), article("a")], FakeExtractor(), progress=False,
           on_article=lambda a, r, e: seen.append((a.text, r.duplicate)))
    assert seen == [("a", False), ("a", True)]


def test_seed_folder_ingests_with_the_real_reader(tmp_path):
    pytest.importorskip("geomap.articles")
    store = new_store(tmp_path)
    report = ingest_paths(store, [REPO / "seeds"], FakeExtractor(), progress=False)
    assert report.articles_new == 5 and report.errors == []
    titles = {r[0] for r in store.conn.execute("SELECT title FROM articles")}
    assert any(t and "Iran" in t for t in titles)  # metadata.json was applied
    again = ingest_paths(store, [REPO / "seeds"], FakeExtractor(), progress=False)
    assert again.duplicates == 5 and again.articles_new == 0


# --- cross-article merge ------------------------------------------------------------


def _two(store, a, b):
    ex = FakeExtractor({"first report": a, "second report": b})
    return ingest(store, [article("first report", source="Mehr"),
                          article("second report", source="Press TV")], ex, progress=False)


def test_two_articles_on_one_event_make_one_incident_with_two_sources(tmp_path):
    """Both report clashes that began on 27 September 2020 along the line of contact."""
    store = new_store(tmp_path)
    report = _two(store,
                  [line_incident(killed=10, wounded=None, confidence=0.6)],
                  [line_incident(lat=40.0, lon=46.5, killed=16, wounded=40, confidence=0.8,
                                 date=date(2020, 9, 28))])
    assert (report.incidents_created, report.incidents_merged) == (1, 1)
    (feat,) = query_incidents(store).features
    props = feat["properties"]
    assert props["source_count"] == 2
    assert {s["source"] for s in props["sources"]} == {"Mehr", "Press TV"}
    assert props["killed"] == 16 and props["wounded"] == 40  # max, not the sum
    assert props["confidence"] == 0.8


def test_reports_on_different_days_stay_two_incidents(tmp_path):
    store = new_store(tmp_path)
    report = _two(store, [incident(date=date(2020, 9, 27))], [incident(date=date(2020, 9, 29))])
    assert report.incidents_created == 2 and report.incidents_merged == 0


def test_reports_too_far_apart_stay_two_incidents(tmp_path):
    store = new_store(tmp_path)
    report = _two(store, [incident()], [incident(lat=40.68, lon=46.36)])  # Tartar vs Ganja
    assert report.incidents_created == 2


def test_merge_keeps_the_most_specific_place(tmp_path):
    store = new_store(tmp_path)
    _two(store, [incident(geo_precision=GEO_REGION, place="Tartar district", lat=40.3,
                          lon=46.8, confidence=0.9)],
         [incident(geo_precision=GEO_NEAR, place="near Tartar", lat=40.34, lon=46.93,
                   confidence=0.5)])
    (feat,) = query_incidents(store).features
    assert feat["properties"]["place"] == "near Tartar"
    assert feat["geometry"]["coordinates"] == [46.93, 40.34]
    assert feat["properties"]["confidence"] == 0.9
    # the R*Tree follows the new point
    assert len(query_incidents(store, Filters.parse(bbox="46.9,40.33,46.95,40.35")).features) == 1


def test_shelling_and_clash_reports_are_one_family(tmp_path):
    store = new_store(tmp_path)
    report = _two(store, [incident()],
                  [incident(event_type="Explosions/Remote violence",
                            sub_event_type="Shelling/artillery/missile attack")])
    assert report.incidents_merged == 1


def test_a_protest_never_merges_with_a_battle(tmp_path):
    store = new_store(tmp_path)
    report = _two(store, [incident()],
                  [incident(event_type="Protests", sub_event_type="Peaceful protest")])
    assert report.incidents_created == 2


def _statement(**fields):
    return incident(**({"event_type": STRATEGIC, "sub_event_type": DIPLOMATIC_STATEMENT,
                        "reported_by": "Saeed Khatibzadeh", "place": "Tehran",
                        "lat": 35.69, "lon": 51.42, "date": date(2020, 10, 12)} | fields))


def test_statements_merge_only_same_speaker_same_day(tmp_path):
    store = new_store(tmp_path)
    assert _two(store, [_statement()], [_statement(reported_by="saeed khatibzadeh ")]
                ).incidents_merged == 1
    other = new_store(tmp_path, "b.db")
    assert _two(other, [_statement()], [_statement(reported_by="Ilham Aliyev")]
                ).incidents_created == 2
    third = new_store(tmp_path, "c.db")
    assert _two(third, [_statement()], [_statement(date=date(2020, 10, 13))]
                ).incidents_created == 2


def test_a_statement_reported_with_and_without_the_spokesman_is_one(tmp_path):
    store = new_store(tmp_path)
    iran = {"actor1": "Government of Iran"}
    assert _two(store, [_statement(**iran)], [_statement(reported_by=None, **iran)]
                ).incidents_merged == 1
    other = new_store(tmp_path, "b.db")
    assert _two(other, [_statement(**iran)],
                [_statement(reported_by=None, actor1="Government of Azerbaijan")]
                ).incidents_created == 2


def test_two_incidents_of_one_article_never_merge_together(tmp_path):
    store = new_store(tmp_path)
    ex = FakeExtractor({"x": [incident(), incident()]})
    report = ingest(store, [article("x")], ex, progress=False)
    assert report.incidents_created == 2


def test_same_event_and_merged_rules_directly():
    a, b = incident(killed=None, killed_text="dozens"), incident(killed=5)
    assert same_event(a, b)
    assert not same_event(a, incident(date=None))
    m = merged(a, b)
    assert m.killed == 5 and m.killed_text == "dozens" and m.id == a.id
    assert haversine_km(40.0, 46.0, 40.0, 46.0) == 0.0
    assert 110 < haversine_km(0.0, 0.0, 1.0, 0.0) < 112


def test_q_finds_an_incident_by_what_its_other_report_said(tmp_path):
    store = new_store(tmp_path)
    _two(store, [line_incident(confidence=0.8, evidence="Shelling hit the border villages.")],
         [line_incident(confidence=0.5, reported_by="Ombudsman",
                        evidence="Mortar rounds landed near the schoolyard.")])
    (feat,) = query_incidents(store).features
    assert feat["properties"]["evidence"] == "Shelling hit the border villages."
    assert "other_evidence" not in feat["properties"]
    for q in ("schoolyard", "mortar", "ombudsman", "villages"):
        assert len(query_incidents(store, Filters(q=q)).features) == 1, q
    assert query_incidents(store, Filters(q="airport")).features == []


def test_q_finds_the_old_primary_report_when_a_better_one_takes_its_place(tmp_path):
    store = new_store(tmp_path)
    old = "Mortar rounds landed near the schoolyard."
    _two(store, [line_incident(confidence=0.5, evidence=old)],
         [line_incident(confidence=0.8, evidence="Shelling hit the border villages.")])
    (feat,) = query_incidents(store).features
    assert feat["properties"]["evidence"] == "Shelling hit the border villages."
    assert feat["properties"]["source_count"] == 2
    for q in ("schoolyard", "villages"):
        assert len(query_incidents(store, Filters(q=q)).features) == 1, q
