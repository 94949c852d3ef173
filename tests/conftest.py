"""Shared fixtures. The gazetteer is built once per machine (`geomap gazetteer build`);
tests that need it use `built_gazetteer`, which builds it if it is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture(scope="session")
def built_gazetteer():
    """The loaded default gazetteer, built first if this checkout has none."""
    from geomap.errors import GazetteerError
    from geomap.gazetteer import Gazetteer, build_gazetteer

    try:
        return Gazetteer.load()
    except GazetteerError:
        build_gazetteer(None)
        return Gazetteer.load()


@pytest.fixture(scope="session")
def extractor(built_gazetteer):
    from geomap.pipeline import Extractor

    return Extractor(built_gazetteer)
