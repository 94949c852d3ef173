"""Store: schema and migrations, pragmas, filters, keyset pages, clusters, timeline, meta."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from test_store_fixtures import FakeExtractor, article, incident, line_incident, new_store

from geomap.errors import StoreError
from geomap.model import Incident
from geomap.store import (
    SCHEMA_VERSION,
    FilterError,
    Filters,
    clusters,
    get_incident,
    ingest,
    meta,
    open_store,
    query_incidents,
    resolve_db_path,
    timeline,
)
from geomap.store.db import MIGRATIONS, migrate
from geomap.store.query import decode_cursor, encode_cursor, feature, feature_from_row
from geomap.store.records import SELECT_COLUMNS, incident_from_row


def test_new_store_has_schema_version_tables_and_pragmas(tmp_path):
    store = new_store(tmp_path)
    conn = store.conn
    assert store.version == SCHEMA_VERSION == len(MIGRATIONS)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"articles", "incidents", "incident_sources", "incidents_rtree",
            "incidents_fts", "incidents_page", "incidents_geo"} <= names
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_reopening_does_not_migrate_again_and_keeps_data(tmp_path):
    store = new_store(tmp_path)
    ingest(store, [article("a")], FakeExtractor({"a": [incident()]}), progress=False)
    store.close()
    again = open_store(tmp_path / "t.db")
    assert again.version == SCHEMA_VERSION
    assert again.counts() == {"incidents": 1, "articles": 1}


def test_migrations_apply_in_order_from_an_old_version(tmp_path, monkeypatch):
    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    extra = "CREATE TABLE later_feature (x INTEGER);"
    monkeypatch.setattr("geomap.store.db.MIGRATIONS", (*MIGRATIONS, extra))
    monkeypatch.setattr("geomap.store.db.SCHEMA_VERSION", len(MIGRATIONS) + 1)
    assert migrate(conn) == len(MIGRATIONS) + 1
    assert conn.execute("SELECT count(*) FROM later_feature").fetchone()[0] == 0


def test_a_store_from_a_newer_geomap_is_refused(tmp_path):
    path = tmp_path / "future.db"
    sqlite3.connect(path).execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    with pytest.raises(StoreError, match="newer"):
        open_store(path)


def test_missing_directory_is_a_precise_error(tmp_path):
    with pytest.raises(StoreError, match="no such directory"):
        open_store(tmp_path / "nope" / "x.db")


def test_db_path_resolution(monkeypatch, tmp_path):
    monkeypatch.delenv("GEOMAP_DB", raising=False)
    assert str(resolve_db_path()) == "geomap.db"
    monkeypatch.setenv("GEOMAP_DB", str(tmp_path / "env.db"))
    assert resolve_db_path() == tmp_path / "env.db"
    assert str(resolve_db_path("explicit.db")) == "explicit.db"


# --- queries ------------------------------------------------------------------------


@pytest.fixture
def filled(tmp_path):
    """Six incidents from six articles, spread over places, days and types."""
    script = {
        "t1": [incident(date=date(2020, 9, 27), lat=40.34, lon=46.93, killed=3,
                        evidence="Armenian shelling hit Tartar.", actor1="Armenia")],
        "t2": [incident(date=date(2020, 10, 4), place="Ganja", place_name="Ganja",
                        lat=40.68, lon=46.36, event_type="Explosions/Remote violence",
                        sub_event_type="Shelling/artillery/missile attack", killed=1,
                        evidence="A missile struck Ganja.")],
        "t3": [incident(date=date(2020, 10, 11), place="Stepanakert",
                        place_name="Stepanakert", lat=39.82, lon=46.75,
                        event_type="Explosions/Remote violence",
                        sub_event_type="Air/drone strike", evidence="Drones over Stepanakert.")],
        "t4": [incident(date=date(2021, 7, 24), place="Yerevan", place_name="Yerevan",
                        lat=40.18, lon=44.51, event_type="Protests",
                        sub_event_type="Peaceful protest", evidence="Protest in Yerevan.")],
        "t5": [line_incident(date=date(2021, 11, 16), evidence="Border clashes erupted.")],
        "t6": [incident(date=None, date_precision=None, lat=None, lon=None, geo_precision=None,
                        evidence="Undated, unplaced report.")],
    }
    store = new_store(tmp_path)
    ingest(store, [article(k) for k in script], FakeExtractor(script), progress=False)
    return store


def _ids(page) -> list[str]:
    return [f["properties"]["evidence"].split()[0] for f in page.features]


def test_default_order_is_date_desc_with_undated_last(filled):
    page = query_incidents(filled)
    dates = [f["properties"]["date"] for f in page.features]
    assert dates == ["2021-11-16", "2021-07-24", "2020-10-11", "2020-10-04", "2020-09-27", None]
    assert page.next_cursor is None


def test_bbox_filter(filled):
    page = query_incidents(filled, Filters.parse(bbox="46.0,40.0,47.5,41.0"))
    assert sorted(_ids(page)) == ["A", "Armenian"]


def test_bbox_filter_through_the_date_index_agrees_with_the_rtree(filled, monkeypatch):
    monkeypatch.setattr("geomap.store.query.RTREE_SORT_MIN", 0)
    monkeypatch.setattr("geomap.store.query.RTREE_SORT_MAX", 0)  # force the table walk
    page = query_incidents(filled, Filters.parse(bbox="46.0,40.0,47.5,41.0"), limit=10)
    assert sorted(_ids(page)) == ["A", "Armenian"]


def test_a_bbox_with_west_past_east_crosses_the_antimeridian():
    assert Filters.parse(bbox="170,-20,-170,-10").bbox == (170.0, -20.0, -170.0, -10.0)
    # Leaflet's longitudes past 180 after panning round the world wrap onto it
    assert Filters.parse(bbox="170,-20,190,-10").bbox == (170.0, -20.0, -170.0, -10.0)
    assert Filters.parse(bbox="-400,-20,400,-10").bbox == (-180.0, -20.0, 180.0, -10.0)
    assert Filters.parse(bbox="-180,-90,180,90").bbox == (-180.0, -90.0, 180.0, 90.0)


@pytest.mark.parametrize("sort_max", [None, 0])  # the R*Tree, then the date-index walk
def test_incidents_either_side_of_the_antimeridian_are_in_a_box_across_it(
        tmp_path, monkeypatch, sort_max):
    if sort_max is not None:
        monkeypatch.setattr("geomap.store.query.RTREE_SORT_MIN", sort_max)
        monkeypatch.setattr("geomap.store.query.RTREE_SORT_MAX", sort_max)
    script = {name: [incident(evidence=f"{name} clash", lat=-17.0, lon=lon)]
              for name, lon in (("east", 179.5), ("west", -179.6), ("far", 0.0))}
    store = new_store(tmp_path)
    ingest(store, [article(k) for k in script], FakeExtractor(script), progress=False)
    across = Filters.parse(bbox="179,-18,-179,-16")
    assert sorted(_ids(query_incidents(store, across))) == ["east", "west"]
    assert sorted(_ids(query_incidents(store, Filters.parse(bbox="179,-18,180,-16")))) == [
        "east"]
    assert sum(f["properties"]["count"] for f in clusters(store, across, 6)["features"]) == 2
    assert sum(c for _, c in timeline(store, across)) == 2


def test_date_filters_are_inclusive(filled):
    page = query_incidents(filled, Filters.parse(start="2020-10-04", end="2020-10-11"))
    assert [f["properties"]["date"] for f in page.features] == ["2020-10-11", "2020-10-04"]
    page = query_incidents(filled, Filters.parse(start="2021-01-01"))
    assert len(page.features) == 2  # undated incidents are outside any date range


def test_type_and_sub_type_filters(filled):
    explosions = Filters.parse(types=["Explosions/Remote violence"])
    assert len(query_incidents(filled, explosions).features) == 2
    both = Filters.parse(types=["Protests,Explosions/Remote violence"])
    assert len(query_incidents(filled, both).features) == 3
    drones = Filters.parse(sub_types=["Air/drone strike"])
    assert _ids(query_incidents(filled, drones)) == ["Drones"]


def test_text_search_over_evidence_place_and_actors(filled):
    assert _ids(query_incidents(filled, Filters.parse(q="missile"))) == ["A"]
    assert _ids(query_incidents(filled, Filters.parse(q="stepan"))) == ["Drones"]  # prefix
    assert _ids(query_incidents(filled, Filters.parse(q="armenia"))) == ["Armenian"]
    assert query_incidents(filled, Filters.parse(q='"OR" NEAR(')).features == []


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"bbox": "1,2,3"}, "4 numbers"),
    ({"bbox": "a,b,c,d"}, "only numbers"),
    ({"bbox": "10,50,20,40"}, "minLat"),
    ({"bbox": "0,-100,1,1"}, "latitudes"),
    ({"start": "2020-13-45"}, "not a valid date"),
    ({"end": "yesterday"}, "YYYY-MM-DD"),
    ({"start": "2021-01-02", "end": "2021-01-01"}, "after"),
    ({"types": ["Skirmish"]}, "unknown type 'Skirmish'"),
    ({"sub_types": ["Dance"]}, "unknown sub_type"),
    ({"q": "!!!"}, "letter or digit"),
])
def test_bad_filters_raise_precise_errors(kwargs, message):
    with pytest.raises(FilterError, match=message):
        Filters.parse(**kwargs)


def test_keyset_pagination_visits_every_incident_once(filled):
    seen, cursor = [], None
    while True:
        page = query_incidents(filled, limit=2, cursor=cursor)
        seen += [f["id"] for f in page.features]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 6
    assert seen == [f["id"] for f in query_incidents(filled).features]


def test_pagination_is_stable_when_new_incidents_arrive(filled):
    first = query_incidents(filled, limit=3)
    ingest(filled, [article("late")],
           FakeExtractor({"late": [incident(date=date(2022, 1, 1), evidence="Late news.")]}),
           progress=False)
    rest = query_incidents(filled, limit=10, cursor=first.next_cursor)
    assert len(first.features) + len(rest.features) == 6  # the newer one sorts before


def test_cursor_round_trip_and_garbage():
    assert decode_cursor(encode_cursor("2020-01-02", 7)) == ("2020-01-02", 7)
    for bad in ("abc", "e30", encode_cursor("x", 1), "!!!!"):
        with pytest.raises(FilterError, match="cursor"):
            decode_cursor(bad)


def test_get_incident_and_feature_shape(filled):
    some = query_incidents(filled).features[0]
    got = get_incident(filled, some["id"])
    assert got == some
    assert got["geometry"]["type"] == "Point"
    assert got["properties"]["area"]["type"] == "LineString"  # nested in the API
    assert got["properties"]["source_count"] == 1
    assert set(got["properties"]["sources"][0]) == {
        "article_id", "source", "url", "title", "published", "reported_by"}
    assert get_incident(filled, "nope") is None


def test_fast_feature_path_equals_the_model(filled):
    rows = filled.conn.execute(f"SELECT {SELECT_COLUMNS} FROM incidents i").fetchall()
    for row in rows:
        model: Incident = incident_from_row(row)
        assert feature_from_row(row, []) == feature(model, [])


def test_clusters_group_by_cell_with_counts_and_types(filled):
    fc = clusters(filled, Filters(), zoom=2)  # 22.5 degree cells
    assert fc["type"] == "FeatureCollection"
    total = sum(f["properties"]["count"] for f in fc["features"])
    assert total == 5  # the unplaced incident is not on the map
    big = max(fc["features"], key=lambda f: f["properties"]["count"])
    assert big["properties"]["types"]["Explosions/Remote violence"] == 2
    assert big["properties"]["killed"] == 4
    x0, y0, x1, y1 = big["properties"]["bbox"]
    lon, lat = big["geometry"]["coordinates"]
    assert x0 <= lon <= x1 and y0 <= lat <= y1
    fine = clusters(filled, Filters.parse(bbox="46,39,47.5,41"), zoom=12)
    assert len(fine["features"]) == 4
    only = clusters(filled, Filters.parse(types=["Protests"]), zoom=2)
    assert [f["properties"]["count"] for f in only["features"]] == [1]


def test_timeline_counts_per_day(filled):
    assert timeline(filled) == [["2020-09-27", 1], ["2020-10-04", 1], ["2020-10-11", 1],
                                ["2021-07-24", 1], ["2021-11-16", 1]]
    assert timeline(filled, Filters.parse(start="2021-01-01", types=["Protests"])) == [
        ["2021-07-24", 1]]


def test_meta_has_taxonomy_counts_and_range(filled):
    info = meta(filled)
    assert info["total"] == 6
    assert info["date_range"] == {"start": "2020-09-27", "end": "2021-11-16"}
    by_type = {t["event_type"]: t for t in info["event_types"]}
    assert by_type["Explosions/Remote violence"]["count"] == 2
    assert by_type["Explosions/Remote violence"]["sub_event_types"]["Air/drone strike"] == 1
    assert by_type["Riots"]["count"] == 0


def test_each_thread_gets_its_own_connection(filled):
    from concurrent.futures import ThreadPoolExecutor

    def work(_):
        return len(query_incidents(filled).features), id(filled.conn)

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(work, range(8)))
    assert {count for count, _ in results} == {6}
    assert id(filled.conn) not in {conn for _, conn in results}


def _cells(fc):
    return {f["id"]: (f["properties"]["count"], f["properties"]["killed"],
                      f["properties"]["types"]) for f in fc["features"]}


def test_rollup_clusters_equal_grouped_clusters_after_inserts_and_merges(tmp_path):
    """The trigger-kept rollup must give the same cells as grouping the incidents."""
    import random

    from geomap.store import query as query_module

    rng = random.Random(5)
    script = {}
    for k in range(60):
        lat, lon = rng.uniform(-60, 70), rng.uniform(-179, 179)
        if k % 3 == 0:  # a second report of an earlier event: merges and moves the point
            lat, lon = lat % 1 + 40.0, lon % 1 + 46.0
        script[f"r{k}"] = [incident(lat=lat, lon=lon, killed=rng.choice([None, 1, 4]),
                                    event_type=rng.choice(["Battles", "Protests"]),
                                    sub_event_type="Armed clash",
                                    geo_precision=rng.choice([1, 4]))]
    store = new_store(tmp_path)
    report = ingest(store, [article(k) for k in script], FakeExtractor(script), progress=False)
    assert report.incidents_merged > 0
    for zoom in (0, 2, 5, 8):
        for bbox in (None, "30,30,60,50", "-180,-90,0,0", "150,-60,-150,70"):
            filters = Filters.parse(bbox=bbox)
            fast = clusters(store, filters, zoom)
            rows = list(query_module._grouped_rows(store.conn, filters, zoom))
            slow_cells = {}
            for cx, cy, event_type, count, killed, *_ in rows:
                cell = slow_cells.setdefault(f"{zoom}/{cx}/{cy}", [0, 0, {}])
                cell[0] += count
                cell[1] += killed
                cell[2][event_type] = count
            assert _cells(fast) == {k: tuple(v) for k, v in slow_cells.items()}, (zoom, bbox)


def test_rollup_follows_deletes(filled):
    filled.conn.execute("DELETE FROM incidents")
    assert filled.conn.execute("SELECT count(*) FROM grid_rollup").fetchone()[0] == 0
    assert clusters(filled, Filters(), 3)["features"] == []


def test_day_counts_equal_grouped_timeline_after_merges(tmp_path):
    script = {f"r{k}": [incident(date=date(2020, 9, 27 + k % 3), lat=40.0 + k % 2 * 0.01,
                                 lon=46.0, geo_precision=1 + k % 4)] for k in range(12)}
    store = new_store(tmp_path)
    report = ingest(store, [article(k) for k in script], FakeExtractor(script), progress=False)
    assert report.incidents_merged > 0
    world = Filters.parse(bbox="-180,-90,180,90")  # forces the grouped path
    assert timeline(store) == timeline(store, world)
    assert sum(c for _, c in timeline(store)) == store.counts()["incidents"]
    assert meta(store)["total"] == store.counts()["incidents"]


def test_schema_v1_store_migrates_to_current_with_rollups(tmp_path):
    """An incident stored under schema v1 is in the R*Tree, rollups and day counts."""
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path, isolation_level=None)
    monkey = MIGRATIONS[:1]
    from geomap.store import db as db_module

    saved = db_module.MIGRATIONS, db_module.SCHEMA_VERSION
    db_module.MIGRATIONS, db_module.SCHEMA_VERSION = monkey, 1
    try:
        migrate(conn)
        conn.execute("INSERT INTO incidents (id, event_type, sub_event_type, date, sort_date, "
                     "lat, lon, killed) VALUES ('old', 'Battles', 'Armed clash', '2020-09-27', "
                     "'2020-09-27', 40.0, 46.0, 2)")
        conn.execute("INSERT INTO incidents_rtree VALUES (1, 46.0, 46.0, 40.0, 40.0)")
    finally:
        db_module.MIGRATIONS, db_module.SCHEMA_VERSION = saved
    store = open_store(path)
    assert store.version == SCHEMA_VERSION
    assert timeline(store) == [["2020-09-27", 1]]
    assert clusters(store, Filters(), 2)["features"][0]["properties"]["killed"] == 2
    assert len(query_incidents(store, Filters.parse(bbox="45,39,47,41")).features) == 1


def test_bulk_load_rebuilds_derived_tables_and_restores_triggers(tmp_path):
    store = new_store(tmp_path)
    with store.bulk_load() as conn:
        conn.execute("INSERT INTO incidents (id, event_type, sub_event_type, date, sort_date, "
                     "lat, lon, evidence) VALUES ('b1', 'Battles', 'Armed clash', '2020-01-02', "
                     "'2020-01-02', 10.0, 20.0, 'bulk loaded shelling')")
        conn.execute("INSERT INTO incidents_rtree VALUES (1, 20, 20, 10, 10, '2020-01-02', "
                     "'Battles', NULL)")
    assert timeline(store) == [["2020-01-02", 1]]
    assert clusters(store, Filters(), 1)["features"][0]["properties"]["count"] == 1
    assert len(query_incidents(store, Filters.parse(q="shelling")).features) == 1
    ingest(store, [article("x")], FakeExtractor({"x": [incident()]}), progress=False)
    assert len(timeline(store)) == 2  # triggers are back


def test_failed_bulk_load_changes_nothing(tmp_path):
    store = new_store(tmp_path)
    with pytest.raises(RuntimeError), store.bulk_load() as conn:
        conn.execute("INSERT INTO incidents (id, event_type, sub_event_type) "
                     "VALUES ('b', 'Battles', 'Armed clash')")
        raise RuntimeError("stop")
    assert store.counts()["incidents"] == 0
    names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
    assert {"incidents_ai", "grid_ai", "days_ai"} <= names


@pytest.mark.parametrize("force_walk", [False, True])
def test_every_filter_agrees_on_both_page_plans(filled, monkeypatch, force_walk):
    """The R*Tree plan and the date-index walk must return the same pages."""
    if force_walk:
        monkeypatch.setattr("geomap.store.query.RTREE_SORT_MIN", 0)
        monkeypatch.setattr("geomap.store.query.RTREE_SORT_MAX", 0)
    cases = {
        "bbox=40,35,50,45&q=tartar": ["Armenian"],
        "bbox=40,35,50,45&q=drones": ["Drones"],
        "bbox=40,35,50,45&type=Protests": ["Protest"],
        "bbox=40,35,50,45&sub_type=Air/drone strike": ["Drones"],
        "bbox=40,35,50,45&start=2021-01-01": ["Border", "Protest"],
        "bbox=40,35,50,45&end=2020-10-05": ["A", "Armenian"],
    }
    for query, expected in cases.items():
        args = dict(part.split("=") for part in query.split("&"))
        filters = Filters.parse(bbox=args.get("bbox"), q=args.get("q"), start=args.get("start"),
                                end=args.get("end"), types=[args["type"]] if "type" in args
                                else (), sub_types=[args["sub_type"]] if "sub_type" in args
                                else ())
        assert _ids(query_incidents(filled, filters)) == expected, query


def test_schema_v5_store_migrates_other_reports_into_q(tmp_path):
    """An incident merged from two articles under schema v5 is found by the second
    article's words once migration 6 has run."""
    path = tmp_path / "v5.db"
    conn = sqlite3.connect(path, isolation_level=None)
    from geomap.store import db as db_module

    saved = db_module.MIGRATIONS, db_module.SCHEMA_VERSION
    db_module.MIGRATIONS, db_module.SCHEMA_VERSION = MIGRATIONS[:5], 5
    try:
        migrate(conn)
        for aid in ("a1", "a2"):
            conn.execute("INSERT INTO articles (id, content_hash, title, text, ingested_at) "
                         "VALUES (?, ?, ?, 'x', '2020')", (aid, aid, f"headline {aid}"))
        conn.execute("INSERT INTO incidents (id, event_type, sub_event_type, sort_date, "
                     "evidence, article_id, source_count) VALUES ('m', 'Battles', "
                     "'Armed clash', '', 'Clashes on the border.', 'a1', 2)")
        conn.executemany("INSERT INTO incident_sources (incident_n, article_id, evidence) "
                         "VALUES (1, ?, ?)", [("a1", "Clashes on the border."),
                                               ("a2", "Sniper fire near the quarry.")])
    finally:
        db_module.MIGRATIONS, db_module.SCHEMA_VERSION = saved
    store = open_store(path)
    assert store.version == SCHEMA_VERSION
    for q, hits in (("quarry", 1), ("headline a2", 1), ("headline a1", 0), ("border", 1)):
        assert len(query_incidents(store, Filters.parse(q=q)).features) == hits, q
