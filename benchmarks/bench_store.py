"""Store benchmark: N synthetic incidents, then API latency, export throughput and memory.

    python benchmarks/bench_store.py --n 1000000 [--db /tmp/bench.db] [--reuse]

Fills a store with synthetic incidents (clustered around hotspots, as real conflict data
is), then measures through the Flask test client: /api/incidents for random viewports at
several zooms, /api/clusters, /api/timeline, and a full streamed /export.geojson in a
fresh child process (so its peak RSS is the export's, not the fill's).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geomap.store import open_store
from geomap.store.records import COLUMNS
from geomap.taxonomy import TAXONOMY

SCREEN_PX = (1280, 800)
ZOOMS = (3, 5, 7, 9, 11, 13)
TYPES = [(t, s) for t, subs in TAXONOMY.items() for s in subs]
DAY0 = date(2015, 1, 1)


def synthetic(n: int, seed: int = 7) -> Iterator[tuple]:
    rng = random.Random(seed)
    hotspots = [(rng.uniform(-40, 60), rng.uniform(-20, 120), rng.uniform(0.2, 3.0))
                for _ in range(60)]
    for i in range(1, n + 1):
        if rng.random() < 0.85:
            lat0, lon0, spread = rng.choice(hotspots)
            lat = max(-89.0, min(89.0, rng.gauss(lat0, spread)))
            lon = max(-179.0, min(179.0, rng.gauss(lon0, spread)))
        else:
            lat, lon = rng.uniform(-60, 70), rng.uniform(-180, 180)
        event_type, sub = rng.choice(TYPES)
        day = (DAY0 + timedelta(days=rng.randrange(3650))).isoformat()
        values = {name: None for name in COLUMNS}
        values.update(
            id=f"syn-{i}", event_type=event_type, sub_event_type=sub, date=day,
            date_precision=1, place=f"Place {i % 5000}", place_name=f"Place {i % 5000}",
            gazetteer_id=f"gn:{i % 5000}", country="XX", geo_precision=rng.randint(1, 4),
            lat=round(lat, 6), lon=round(lon, 6), killed=rng.choice((None, 0, 1, 2, 5, 12)),
            evidence=f"Synthetic report {i} of {sub.lower()} near place {i % 5000}.",
            source="Bench Wire", published=day, article_id=f"a{i % 10000:015d}",
            confidence=round(rng.random(), 3),
        )
        yield values


def fill(db: Path, n: int) -> float:
    store = open_store(db)
    t0 = time.perf_counter()
    conn = store.conn
    names = (*COLUMNS, "sort_date")
    insert = (f"INSERT INTO incidents (n, {', '.join(names)}) "
              f"VALUES (:n, {', '.join(':' + k for k in names)})")
    with store.bulk_load():
        conn.executemany(
            "INSERT INTO articles (id, content_hash, source, published, text, ingested_at) "
            "VALUES (?, ?, 'Bench Wire', '2020-01-01', 'synthetic', '2020-01-01')",
            ((f"a{k:015d}", f"h{k}") for k in range(10000)))
        rows: list[dict] = []
        for i, values in enumerate(synthetic(n), 1):
            values["n"] = i
            values["sort_date"] = values["date"]
            rows.append(values)
            if len(rows) == 50_000:
                _flush(conn, insert, rows)
        _flush(conn, insert, rows)
    conn.execute("ANALYZE")
    store.close()
    return time.perf_counter() - t0


def _flush(conn, insert: str, rows: list[dict]) -> None:
    if not rows:
        return
    conn.executemany(insert, rows)
    conn.executemany("INSERT INTO incidents_rtree VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     ((r["n"], r["lon"], r["lon"], r["lat"], r["lat"], r["sort_date"],
                       r["event_type"], r["killed"]) for r in rows))
    conn.executemany("INSERT INTO incident_sources (incident_n, article_id, evidence) "
                     "VALUES (?, ?, ?)", ((r["n"], r["article_id"], r["evidence"]) for r in rows))
    print(f"  inserted {rows[-1]['n']:,}", file=sys.stderr, end="\r")
    rows.clear()


def viewport(rng: random.Random, centers: list[tuple[float, float]], zoom: int) -> str:
    lat, lon = rng.choice(centers)
    w = 360.0 * SCREEN_PX[0] / (256 * 2 ** zoom)
    h = min(170.0, w * SCREEN_PX[1] / SCREEN_PX[0])
    return (f"{max(-180, lon - w / 2):.5f},{max(-89.9, lat - h / 2):.5f},"
            f"{min(180, lon + w / 2):.5f},{min(89.9, lat + h / 2):.5f}")


def timed(client, url: str) -> float:
    t0 = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - t0) * 1000
    assert response.status_code == 200, (url, response.status_code, response.data[:200])
    return elapsed


def summary(samples: list[float]) -> str:
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return f"median {statistics.median(samples):7.1f} ms   p95 {p95:7.1f} ms"


def measure_api(db: Path, runs: int) -> None:
    from geomap.web import create_app

    app = create_app(db)
    client = app.test_client()
    rng = random.Random(11)
    conn = app.extensions["geomap"].store.conn
    centers = [(r[0], r[1]) for r in conn.execute(
        "SELECT lat, lon FROM incidents WHERE n % 997 = 0 LIMIT 2000")]
    client.get("/api/incidents?limit=1")  # warm the page cache
    print(f"/api/incidents (limit 500, {runs} random viewports per zoom, centred on data)")
    for zoom in ZOOMS:
        times = [timed(client, f"/api/incidents?bbox={viewport(rng, centers, zoom)}&limit=500")
                 for _ in range(runs)]
        print(f"  zoom {zoom:2d}: {summary(times)}")
    print("/api/incidents filtered (zoom 7 + type=Battles + last year)")
    times = [timed(client, f"/api/incidents?bbox={viewport(rng, centers, 7)}&type=Battles"
                           "&start=2024-01-01&end=2024-12-31") for _ in range(runs)]
    print(f"           {summary(times)}")
    print("/api/incidents?q=shelling (zoom 7)")
    times = [timed(client, f"/api/incidents?bbox={viewport(rng, centers, 7)}&q=shelling")
             for _ in range(runs)]
    print(f"           {summary(times)}")
    print(f"/api/clusters ({runs} viewports per zoom)")
    for zoom in (2, 4, 6, 8):
        times = [timed(client, f"/api/clusters?bbox={viewport(rng, centers, zoom)}&zoom={zoom}")
                 for _ in range(max(3, runs // 4))]
        print(f"  zoom {zoom:2d}: {summary(times)}")
    times = [timed(client, "/api/clusters?zoom=2&type=Battles&start=2020-01-01")
             for _ in range(3)]
    print(f"  world, type+date filter: {summary(times)}")
    times = [timed(client, f"/api/timeline?bbox={viewport(rng, centers, 6)}") for _ in range(5)]
    print(f"/api/timeline zoom 6: {summary(times)}")
    times = [timed(client, "/api/timeline") for _ in range(3)]
    print(f"/api/timeline world:  {summary(times)}")


def measure_export(db: Path) -> None:
    """Child process: stream /export.geojson fully; print features/s and peak RSS."""
    from geomap.web import create_app

    client = create_app(db).test_client()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    response = client.get("/export.geojson", buffered=False)
    size = 0
    features = 0
    for chunk in response.response:
        data = chunk if isinstance(chunk, bytes) else chunk.encode()
        size += len(data)
        features += data.count(b'{"type":"Feature"')
    elapsed = time.perf_counter() - t0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"features": features, "seconds": round(elapsed, 1),
                      "features_per_s": round(features / elapsed), "mb": round(size / 1e6),
                      "maxrss_before_mb": round(rss0 / 1024),
                      "maxrss_peak_mb": round(rss1 / 1024)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/geomap-bench.db"))
    parser.add_argument("--runs", type=int, default=60, help="viewports per zoom")
    parser.add_argument("--reuse", action="store_true", help="keep an existing filled db")
    parser.add_argument("--phase", choices=("all", "export"), default="all",
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase == "export":
        measure_export(args.db)
        return
    if not (args.reuse and args.db.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
        seconds = fill(args.db, args.n)
        print(f"fill: {args.n:,} incidents in {seconds:.1f} s "
              f"({args.n / seconds:,.0f}/s), db {args.db.stat().st_size / 1e6:,.0f} MB")
    measure_api(args.db, args.runs)
    out = subprocess.run([sys.executable, __file__, "--phase", "export", "--db", str(args.db)],
                         check=True, capture_output=True, text=True).stdout
    result = json.loads(out)
    print(f"export.geojson: {result['features']:,} features in {result['seconds']} s "
          f"({result['features_per_s']:,}/s, {result['mb']} MB); peak RSS "
          f"{result['maxrss_peak_mb']} MB (before export {result['maxrss_before_mb']} MB)")


if __name__ == "__main__":
    main()
