"""Converting between `Incident` objects and incident rows (one place for the mapping)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

from geomap.model import PROPERTY_NAMES, Incident

# Incident columns in the order of PROPERTY_NAMES (every property is a column).
COLUMNS: tuple[str, ...] = PROPERTY_NAMES
_DATE_COLUMNS = ("date", "published")


def incident_values(incident: Incident) -> dict[str, Any]:
    """Column values for an insert or update (dates ISO, area as GeoJSON text)."""
    values: dict[str, Any] = {name: getattr(incident, name) for name in COLUMNS}
    for name in _DATE_COLUMNS:
        value = values[name]
        values[name] = value.isoformat() if isinstance(value, date) else value
    values["area"] = json.dumps(incident.area, separators=(",", ":")) if incident.area else None
    values["sort_date"] = values["date"] or ""
    return values


def incident_from_row(row: sqlite3.Row) -> Incident:
    """An Incident from a row that has at least the COLUMNS."""
    kwargs: dict[str, Any] = {name: row[name] for name in COLUMNS}
    for name in _DATE_COLUMNS:
        if kwargs[name]:
            kwargs[name] = date.fromisoformat(kwargs[name])
    kwargs["area"] = json.loads(row["area"]) if row["area"] else None
    return Incident(**kwargs)


SELECT_COLUMNS = ", ".join(f"i.{name}" for name in ("n", *COLUMNS, "source_count"))
