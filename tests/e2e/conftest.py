"""Browser-test fixtures: a real waitress server on 127.0.0.1 and headless Debian Chromium.

Playwright must never download a browser here, so Chromium is the system one. Every page
gets a network guard: any request to a host other than 127.0.0.1/localhost is recorded
and aborted, and the test fails if the list is not empty at the end (the page must work
offline).
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("GEOMAP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@dataclass
class LiveServer:
    url: str
    backend: str  # "real" (create_app + ingest of seeds) or "standin" (hand-made)
    app: Any
    extra: dict[str, Any] = field(default_factory=dict)


def _serve(app: Any) -> tuple[Any, str]:
    from waitress import create_server

    server = create_server(app, host="127.0.0.1", port=0, threads=8)
    threading.Thread(target=server.run, daemon=True, name="geomap-e2e-server").start()
    return server, f"http://127.0.0.1:{server.effective_port}"


REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"

# An article whose text, title and source carry markup: the page must show it as text.
XSS_TEXT = (
    "TOVUZ – Two civilians were killed and four wounded on Friday when Armenian forces "
    "shelled the village of Aghdam in Tovuz district of Azerbaijan, the Azerbaijani "
    "defence ministry said. <script>alert('xss-body')</script> "
    "<img src=x onerror=alert('xss-img')> The shelling of Tovuz also damaged houses.\n"
)
XSS_META = {"title": "<script>alert('xss-title')</script>Tovuz shelled",
            "source": "<b onmouseover=alert(1)>Evil Wire</b>", "published": "2020-07-17"}


def real_backend_available() -> bool:
    if os.environ.get("GEOMAP_E2E_BACKEND") == "standin":
        return False
    try:
        import geomap.pipeline
        import geomap.web.app  # noqa: F401
    except ImportError:
        return False
    return True


def build_real_app(tmp: Path, *, xss: bool = True) -> tuple[Any, dict[str, Any]]:
    """The real thing: a tmp store filled by ingesting seeds/ through the real pipeline."""
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


def start_server(tmp: Path, *, standin_features: list[dict[str, Any]] | None = None,
                 xss: bool = True) -> tuple[Any, LiveServer]:
    """Build the app (the real one when it exists, else the stand-in) and serve it."""
    if standin_features is None and real_backend_available():
        app, extra = build_real_app(tmp, xss=xss)
        kind = "real"
    else:
        import standin

        from geomap.web import mapview

        features = standin_features
        if features is None:
            features = standin.sample_incidents() + ([standin.xss_incident()] if xss else [])
        original = mapview.load_boundaries
        mapview.load_boundaries = lambda kind, path: standin.boundaries(kind)
        restore = lambda: setattr(mapview, "load_boundaries", original)  # noqa: E731
        app, extra, kind = standin.create_standin_app(features), {"restore": restore}, "standin"
    server, url = _serve(app)
    return server, LiveServer(url=url, backend=kind, app=app, extra=extra)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server, live = start_server(tmp_path_factory.mktemp("e2e-store"))
    yield live
    server.close()
    if "restore" in live.extra:
        live.extra["restore"]()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.skip(f"no Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Guard:
    """What a page did that it must not: foreign requests, dialogs, script errors."""

    foreign: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def guard_page(context: Any) -> Guard:
    guard = Guard()

    def route(r: Any) -> None:
        host = urlsplit(r.request.url).hostname or ""
        if r.request.url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
            r.continue_()
        else:
            guard.foreign.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    return guard


@pytest.fixture
def page(browser: Any) -> Iterator[tuple[Any, Guard]]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 800})
    guard = guard_page(context)
    pg = context.new_page()
    pg.on("dialog", lambda d: (guard.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: guard.errors.append(str(e)))
    yield pg, guard
    context.close()
    assert guard.foreign == [], f"requests left localhost: {guard.foreign}"
    assert guard.dialogs == [], f"dialogs fired: {guard.dialogs}"
    assert guard.errors == [], f"page errors: {guard.errors}"
