"""Errors that carry a precise, user-facing message (the CLI prints it, the API returns it)."""


class GeomapError(Exception):
    """Base class: str(error) is a one-line message fit for a user."""


class ArticleError(GeomapError):
    """An article could not be read or parsed (missing, unreadable, malformed)."""


class GazetteerError(GeomapError):
    """The on-disk gazetteer is missing or damaged."""


class StoreError(GeomapError):
    """The incident store could not be opened or written."""
