"""Sentences + resolved place mentions -> located, dated incidents (see `extractor`)."""

from geomap.incidents.extractor import Mentions, extract_incidents
from geomap.incidents.patterns import Lookup

__all__ = ["Lookup", "Mentions", "extract_incidents"]
