"""The loaded gazetteer: compact in-memory arrays for scoring and records, SQLite for areas.

Loading unpickles one prebuilt index (name table, arrays, the place table's columns and
the fuzzy matcher's pools); Place records are built from those columns on demand and
cached, and area geometry is read from SQLite, so start-up costs well under a second.
"""

from __future__ import annotations

import gc
import json
import pickle
import sqlite3
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from geomap.errors import GazetteerError
from geomap.folding import fold
from geomap.gazetteer.build import FORMAT, KINDS, default_path
from geomap.model import Place

_HINT = "run `geomap gazetteer build`"


class Gazetteer:
    """World gazetteer: countries, admin-1 units, populated places, curated regions/lines."""

    def __init__(self, path: Path, index: dict[str, Any]) -> None:
        self.path = path
        self.names: list[str] = index["names"].split("\n")
        self.name_ids: dict[str, int] = dict(zip(self.names, range(len(self.names)), strict=True))
        self.prefixes: set[str] = index["prefixes"]
        self.english: frozenset[str] = frozenset(index["english"].split("\n"))
        self.demonyms: dict[str, str] = index["demonyms"]
        self.neighbours: dict[str, frozenset[str]] = index["neighbours"]
        self.given_names: frozenset[str] = frozenset(index["given_names"])
        self.surnames: frozenset[str] = frozenset(index["surnames"])
        self.cand_off = index["cand_off"]
        self.cand_flat = index["cand_flat"]
        # cc ('*': all) -> (name ids by initial and length, their lengths, initial -> span)
        self.fuzzy_pools: dict[str, tuple[Any, Any, dict[str, tuple[int, int]]]] = \
            index["fuzzy_pools"]
        self.common: bytes = index["common"]
        self.lat, self.lon, self.pop = index["lat"], index["lon"], index["pop"]
        self.kind_code: bytes = index["kind"]
        self.cc = index["cc"]
        self.cc_codes: list[str] = index["cc_codes"]
        self.admin1_of = index["admin1"]
        self.prior = index["prior"]
        self.capital: bytes = index["capital"]
        # ISO2 -> row of the country's primary capital (where its government speaks from)
        self.primary_capital: dict[str, int] = index["primary_capital"]
        # GeoNames alternate names per place (capped at 255): how widely a place is known.
        self.alt_count: bytes = index["alt_count"]
        # compact curated region row -> the rows of the places inside it (build time)
        self.region_places: dict[int, frozenset[int]] = index["region_places"]
        places = index["places"]  # text columns of the place table (see build.place_columns)
        self._ids, self._id_off = places["ids"], places["id_off"]
        self._names, self._name_off = places["names"], places["name_off"]
        self._features, self._feature = places["features"], places["feature"]
        self._admin1s, self._admin1 = places["admin1s"], places["admin1"]
        self._has_geometry: bytes = places["has_geometry"]
        self._local = threading.local()
        self._boundaries: dict[str, dict[str, Any]] = {}
        self._name_id: dict[str, int] | None = None
        self.row = lru_cache(maxsize=65536)(self._row)
        self.country_row: dict[str, int] = {}
        # the first country row of each code, found by bytes.find over the kind column
        # (a Python loop over its quarter million rows cost ~19 ms of start-up)
        kc = bytes((KINDS.index("country"),))
        i = self.kind_code.find(kc)
        while i >= 0:
            self.country_row.setdefault(self.cc_codes[self.cc[i]], i)
            i = self.kind_code.find(kc, i + 1)

    # -- loading -------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path | None = None) -> Gazetteer:
        """Open a built gazetteer; GazetteerError if missing or from another format."""
        p = Path(path) if path else default_path()
        idx, db = p / "index.pkl", p / "gazetteer.sqlite"
        if not idx.exists() or not db.exists():
            raise GazetteerError(f"no gazetteer at {p}: {_HINT}")
        gc.disable()  # half a million new objects: collector passes would double the time
        try:
            with idx.open("rb") as fh:
                index = pickle.load(fh)
            if not isinstance(index, dict) or index.get("format") != FORMAT:
                raise GazetteerError(f"gazetteer at {p} has an old format: {_HINT}")
            gaz = cls(p, index)
            row = gaz._db().execute("SELECT value FROM meta WHERE key='format'").fetchone()
            if row is None or row[0] != str(FORMAT):
                raise GazetteerError(f"gazetteer database at {db} does not match its index: "
                                     f"{_HINT}")
            return gaz
        except GazetteerError:
            raise
        except Exception as exc:  # a truncated or foreign file
            raise GazetteerError(f"gazetteer index {idx} is damaged ({exc}): {_HINT}") from exc
        finally:
            gc.enable()

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            # immutable: no file lock and change check around every read (halves a row
            # lookup); a rebuild replaces the file by rename, so an open one never changes
            uri = f"file:{self.path / 'gazetteer.sqlite'}?mode=ro&immutable=1"
            db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._local.db = db
        return db

    # -- records ------------------------------------------------------------------------
    def _row(self, row: int) -> Place:
        """The Place of a row, from the index's columns (same values as the SQLite table)."""
        if not 0 <= row < len(self.kind_code):
            raise GazetteerError(f"gazetteer row {row} missing: {_HINT}")
        id_off, name_off = self._id_off, self._name_off
        return Place(self._ids[id_off[row]:id_off[row + 1]].decode(),
                     self._names[name_off[row]:name_off[row + 1]].decode(),
                     KINDS[self.kind_code[row]], self._features[self._feature[row]],
                     self.cc_codes[self.cc[row]] or None, self._admin1s[self._admin1[row]],
                     self.lat[row], self.lon[row], self.pop[row], self._has_geometry[row] == 1)

    def name_of(self, row: int) -> str:
        """A row's display name alone: what name tests need, without building its Place."""
        off = self._name_off
        return self._names[off[row]:off[row + 1]].decode()

    def row_of(self, place_id: str) -> int | None:
        r = self._db().execute("SELECT row FROM place WHERE id=?", (place_id,)).fetchone()
        return r[0] if r else None

    def get(self, place_id: str) -> Place | None:
        row = self.row_of(place_id)
        return None if row is None else self.row(row)

    def name_id(self, folded: str) -> int | None:
        return self.name_ids.get(folded)

    def cands(self, nid: int) -> Any:
        """Rows named by name id `nid`, best prior first."""
        return self.cand_flat[self.cand_off[nid]:self.cand_off[nid + 1]]

    def candidates(self, name: str) -> list[int]:
        """Rows carrying this exact name (folded), best prior first."""
        nid = self.name_id(fold(name).strip())
        return [] if nid is None else list(self.cands(nid))

    def lookup(self, name: str) -> list[Place]:
        """Places with this exact (folded) name, best first."""
        return [self.row(r) for r in self.candidates(name)]

    def capital_of(self, cc: str) -> Place | None:
        """The primary capital of country `cc` (ISO2): one row even where a country has
        several PPLC rows (South Africa) or many places share the capital's name (the
        US's Washingtons); None if unknown."""
        row = self.primary_capital.get(cc)
        return None if row is None else self.row(row)

    def kind(self, row: int) -> str:
        return KINDS[self.kind_code[row]]

    def country(self, row: int) -> str:
        return self.cc_codes[self.cc[row]]

    # -- geometry -----------------------------------------------------------------------
    def geometry(self, place_id: str) -> dict[str, Any] | None:
        """GeoJSON geometry of an admin-1 unit, country, curated region or line."""
        r = self._db().execute("SELECT pickled FROM geometry WHERE id=?", (place_id,)).fetchone()
        return pickle.loads(r[0]) if r else None

    def boundaries(self, kind: str) -> dict[str, Any]:
        """Simplified outlines for an offline basemap: kind 'country' or 'admin1'.

        Parsed once and shared between callers (the admin-1 layer is ~5 MB): do not mutate.
        """
        if kind not in ("country", "admin1"):
            raise ValueError(f"boundaries kind must be 'country' or 'admin1', not {kind!r}")
        got = self._boundaries.get(kind)
        if got is None:
            r = self._db().execute("SELECT value FROM meta WHERE key=?",
                                   (f"boundaries:{kind}",)).fetchone()
            if r is None:
                raise GazetteerError(f"gazetteer has no {kind} boundaries: {_HINT}")
            got = self._boundaries[kind] = json.loads(r[0])
        return got

    def stats(self) -> dict[str, Any]:
        """Counts per kind, number of indexed names, and the data sources."""
        counts = {k: 0 for k in KINDS}
        for code in self.kind_code:
            counts[KINDS[code]] += 1
        r = self._db().execute("SELECT value FROM meta WHERE key='sources'").fetchone()
        return {"kinds": counts, "places": len(self.kind_code), "names": len(self.cand_off) - 1,
                "sources": json.loads(r[0]) if r else [], "path": str(self.path)}
