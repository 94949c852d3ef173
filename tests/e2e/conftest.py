"""Browser-test fixtures: a real waitress server on 127.0.0.1 and headless Debian Chromium.

Playwright must never download a browser here, so Chromium is the system one. Every page
gets a network guard: any request to a host other than 127.0.0.1/localhost is recorded
and aborted, and the test fails if the list is not empty at the end (the page must work
offline).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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
    extra: dict[str, Any] = field(default_factory=dict)


def _serve(app: Any) -> tuple[Any, str]:
    from waitress import create_server

    server = create_server(app, host="127.0.0.1", port=0, threads=8)
    threading.Thread(target=server.run, daemon=True, name="geomap-e2e-server").start()
    return server, f"http://127.0.0.1:{server.effective_port}"


REPO = Path(__file__).resolve().parents[2]
REAL_SERVER = Path(__file__).resolve().parent / "realserver.py"
STARTUP_SECONDS = 600  # a fresh checkout builds the gazetteer first


def real_backend_available() -> bool:
    if os.environ.get("GEOMAP_E2E_BACKEND") == "standin":
        return False
    try:
        import geomap.pipeline
        import geomap.web.app  # noqa: F401
    except ImportError:
        return False
    return True


class ChildServer:
    """The real app in a child process (see realserver.py): the gazetteer and extractor
    stay out of the pytest process, whose size other tests measure."""

    def __init__(self, tmp: Path, *, xss: bool) -> None:
        args = [sys.executable, str(REAL_SERVER), str(tmp), *([] if xss else ["--no-xss"])]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])}
        self.stderr = tmp / "server.stderr"
        with self.stderr.open("wb") as err:
            self.proc = subprocess.Popen(args, cwd=REPO, env=env, stdout=subprocess.PIPE,
                                         stderr=err, text=True)
        line: list[str] = []
        reader = threading.Thread(target=lambda: line.append(self.proc.stdout.readline()),
                                  daemon=True)
        reader.start()
        reader.join(STARTUP_SECONDS)
        words = (line[0] if line else "").split()
        if len(words) != 3 or words[0] != "GEOMAP-E2E-READY":
            self.close()
            raise RuntimeError("the e2e server did not start: "
                               + self.stderr.read_text(errors="replace")[-3000:])
        self.url = f"http://127.0.0.1:{words[1]}"
        self.incidents = int(words[2])

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class ThreadServer:
    """The stand-in app, served by waitress in a thread of this process."""

    def __init__(self, app: Any) -> None:
        self.server, self.url = _serve(app)

    def close(self) -> None:
        self.server.close()


def start_server(tmp: Path, *, standin_features: list[dict[str, Any]] | None = None,
                 xss: bool = True) -> tuple[Any, LiveServer]:
    """Serve the real app (ingest of seeds/) when it exists, else the stand-in."""
    if standin_features is None and real_backend_available():
        child = ChildServer(tmp, xss=xss)
        return child, LiveServer(url=child.url, backend="real",
                                 extra={"incidents": child.incidents})
    import standin

    from geomap.web import mapview

    features = standin_features
    if features is None:
        features = standin.sample_incidents() + ([standin.xss_incident()] if xss else [])
    original = mapview.load_boundaries
    mapview.load_boundaries = lambda kind, path: standin.boundaries(kind)
    restore = lambda: setattr(mapview, "load_boundaries", original)  # noqa: E731
    served = ThreadServer(standin.create_standin_app(features))
    return served, LiveServer(url=served.url, backend="standin",
                              extra={"restore": restore})


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
