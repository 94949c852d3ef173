"""The real app for the browser tests: seeds/ ingested through the real pipeline, served.

The e2e conftest runs this in a child process, so that the gazetteer and the extractor
(hundreds of MB) never load into the pytest process itself:

    python tests/e2e/realserver.py TMP_DIR [--no-xss]

prints `GEOMAP-E2E-READY <port> <incidents>` once it serves on 127.0.0.1, then serves
until terminated. A failed ingest is an error on stderr and exit status 1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
READY = "GEOMAP-E2E-READY"

# An article whose text, title and source carry markup: the page must show it as text.
XSS_TEXT = (
    "TOVUZ – Two civilians were killed and four wounded on Friday when Armenian forces "
    "shelled the village of Aghdam in Tovuz district of Azerbaijan, the Azerbaijani "
    "defence ministry said. <script>alert('xss-body')</script> "
    "<img src=x onerror=alert('xss-img')> The shelling of Tovuz also damaged houses.\n"
)
XSS_META = {"title": "<script>alert('xss-title')</script>Tovuz shelled",
            "source": "<b onmouseover=alert(1)>Evil Wire</b>", "published": "2020-07-17"}


def build_real_app(tmp: Path, *, xss: bool = True) -> tuple[Any, dict[str, Any]]:
    """A tmp store filled by ingesting seeds/ (and the hostile article) for real."""
    from geomap.errors import GazetteerError
    from geomap.gazetteer import Gazetteer, build_gazetteer
    from geomap.pipeline import Extractor
    from geomap.store import ingest_paths, open_store
    from geomap.web.app import create_app

    try:
        gazetteer = Gazetteer.load()
    except GazetteerError:  # a fresh checkout: build it once, as tests/conftest.py does
        build_gazetteer(None)
        gazetteer = Gazetteer.load()

    db = tmp / "geomap.db"
    paths: list[Path] = [SEEDS]
    if xss:
        xdir = tmp / "xss"
        xdir.mkdir(exist_ok=True)
        (xdir / "xss_article.txt").write_text(XSS_TEXT, encoding="utf-8")
        (xdir / "metadata.json").write_text(json.dumps({"xss_article.txt": XSS_META}))
        paths.append(xdir)
    store = open_store(db)
    try:
        report = ingest_paths(store, paths, Extractor(gazetteer), progress=False)
    finally:
        store.close()
    if report.errors:  # say so plainly rather than fail later on an empty map
        raise RuntimeError(f"ingest of seeds/ failed: {report.errors}")
    return create_app(db), {"report": report, "db": db}


def main(argv: list[str]) -> int:
    from waitress import create_server

    tmp = Path(argv[0])
    try:
        app, extra = build_real_app(tmp, xss="--no-xss" not in argv)
    except Exception as error:
        print(f"realserver: {error}", file=sys.stderr)
        return 1
    server = create_server(app, host="127.0.0.1", port=0, threads=8)
    incidents = extra["report"].incidents_created
    print(f"{READY} {server.effective_port} {incidents}", flush=True)
    server.run()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    sys.exit(main(sys.argv[1:]))
