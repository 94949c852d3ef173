"""geomap: turn conflict news into located, dated incidents on an offline map."""

__version__ = "0.1.0"
