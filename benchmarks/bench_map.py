"""Map page benchmark: page load to first markers in headless Chromium, on N incidents.

    python benchmarks/bench_map.py --n 1000000 [--db /tmp/geomap-bench-map.db] [--reuse]

Fills a store with the store benchmark's synthetic incidents (hotspots, ten years), serves
the real app with waitress on 127.0.0.1 and opens the page in Debian's Chromium, each run
in a fresh browser context (empty cache). "First markers" is the moment the first incident
or cluster marker element enters the DOM, measured in the page from navigation start.
Views: `world` (no view in the URL: the page frames the data, server-side clusters) and
`city` (a shared URL zoomed in on a hotspot: individual incidents, markercluster).
Target: <= 1.5 s with 1M incidents.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
MARKERS = ".geomap-incident, .geomap-cluster, .marker-cluster"
# Records when the first marker appears, from navigation start (performance.now()).
PROBE = """
const MARKERS = SELECTOR;
window.__firstMarker = null;
new MutationObserver((records, observer) => {
  if (document.querySelector(MARKERS)) {
    window.__firstMarker = performance.now();
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
""".replace("SELECTOR", repr(MARKERS))


def fill_store(db: Path, n: int) -> None:
    from bench_store import fill

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    seconds = fill(db, n)
    print(f"fill: {n:,} incidents in {seconds:.1f} s", file=sys.stderr)


def serve(db: Path) -> tuple[Any, str]:
    from waitress import create_server

    from geomap.web.app import create_app

    server = create_server(create_app(db), host="127.0.0.1", port=0, threads=8)
    threading.Thread(target=server.run, daemon=True).start()
    return server, f"http://127.0.0.1:{server.effective_port}"


def hotspot(url: str) -> tuple[float, float]:
    """The densest cell at zoom 5: a realistic place to zoom in on."""
    import json
    from urllib.request import urlopen

    with urlopen(f"{url}/api/clusters?bbox=-180,-85,180,85&zoom=5", timeout=60) as resp:
        features = json.loads(resp.read())["features"]
    best = max(features, key=lambda f: f["properties"]["count"])
    lon, lat = best["geometry"]["coordinates"]
    return lat, lon


def measure(browser: Any, url: str) -> tuple[float, float, int]:
    """(ms to first marker, ms to status ready, markers in DOM) for one cold load."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    # No request interception here: routing every request through Playwright adds its own
    # latency. tests/e2e checks that the page never leaves 127.0.0.1.
    context.add_init_script(PROBE)
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("window.__firstMarker !== null", timeout=60_000)
    page.wait_for_selector("#geomap-status[data-state=ready]", timeout=60_000)
    first = page.evaluate("window.__firstMarker")
    ready = page.evaluate("performance.now()")
    count = page.locator(MARKERS).count()
    # Let the timeline request finish too, so that it does not slow the next run down.
    page.wait_for_selector("#timeline svg, .geomap-timeline-empty", timeout=60_000)
    context.close()
    return first, ready, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/geomap-bench-map.db"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reuse", action="store_true", help="keep an existing filled db")
    args = parser.parse_args()
    if not (args.reuse and args.db.exists()):
        fill_store(args.db, args.n)

    from playwright.sync_api import sync_playwright

    server, url = serve(args.db)
    lat, lon = hotspot(url)
    views = {"world": f"{url}/", "city": f"{url}/?z=11&lat={lat:.4f}&lon={lon:.4f}"}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, view in views.items():
                t0 = time.perf_counter()
                cold = measure(browser, view)  # the first load warms SQLite and the server
                print(f"{name}: first load {cold[0]:.0f} ms to first markers "
                      f"({(time.perf_counter() - t0) * 1000:.0f} ms wall)")
                runs = [measure(browser, view) for _ in range(args.runs)]
                firsts = [r[0] for r in runs]
                print(f"{name}: page load -> first markers median {statistics.median(firsts):.0f}"
                      f" ms (min {min(firsts):.0f}, max {max(firsts):.0f}, {args.runs} runs); "
                      f"-> all loaded median {statistics.median(r[1] for r in runs):.0f} ms; "
                      f"{runs[-1][2]} marker elements")
            browser.close()
    finally:
        server.close()


if __name__ == "__main__":
    main()
