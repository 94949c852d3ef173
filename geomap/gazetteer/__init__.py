"""Offline world gazetteer: build it once (`geomap gazetteer build`), load it fast."""

from geomap.gazetteer.build import build_gazetteer, default_path
from geomap.gazetteer.store import Gazetteer

__all__ = ["Gazetteer", "build_gazetteer", "default_path"]
