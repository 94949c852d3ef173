"""Sentences + resolved place mentions -> located, dated incidents.

Per sentence (outside page chrome): classify the event, drop background, then give it
the most specific place the sentence ties to it (a name introduced by "in", "near",
"shelling of", ...), a date (its own, else the paragraph's, else the previous event's),
counts, actors and attribution. A sentence with counts but no event cue adds them to
the event just told ("clashes in X." + "One soldier was killed."). The same event told
twice in an article is merged (event family + compatible place + date within a day):
evidence is joined, counts take the maximum over sentences (a sentence's own counts for
different groups are summed, see geomap.numbers), the most specific place wins. Two
events each dated to a different day by their own sentences, or two places each with
its own different toll, stay apart. A place-less toll update ("The death toll rose to
five") goes to the incident it names, else to the latest one told with a toll.

Precision is never invented: a province is its label point with geo_precision 3 and its
area in `Incident.area`; a border is its line with geo_precision 4.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise
from operator import attrgetter

from geomap import taxonomy as tx
from geomap.actors import (
    NON_STATE,
    OFFICIAL_WORDS,
    country_name,
    country_refs,
    find_actors,
    geonames_countries,
    official_speaker,
    reported_by,
    speaker_country,
)
from geomap.dates import DATE_STEMS, DateRef, find_dates
from geomap.events import TRIGGERS as EVENT_TRIGGERS
from geomap.events import EventMatch, classify, is_background
from geomap.model import (
    DATE_DAY,
    DATE_MONTH,
    DATE_WEEK,
    GEO_LINE_OR_COUNTRY,
    GEO_NEAR,
    GEO_POINT,
    GEO_REGION,
    KIND_ADMIN1,
    KIND_COUNTRY,
    KIND_LINE,
    KIND_PLACE,
    KIND_REGION,
    TOLERANCE_KM,
    Article,
    Incident,
    Mention,
    Place,
    home_country,
)
from geomap.numbers import TRIGGERS as CASUALTY_TRIGGERS
from geomap.numbers import (
    Casualties,
    Count,
    added_deaths,
    casualty_counts,
    count_sides_at,
    disputed,
    extract_casualties,
    to_number,
    toll_corrected,
    total_casualties,
)
from geomap.prefilter import prefiltered
from geomap.sentences import CueIndex, dateline, fold, sentences_by_paragraph

_SENTENCE_STEMS = EVENT_TRIGGERS | CASUALTY_TRIGGERS | OFFICIAL_WORDS
# One Aho-Corasick pass over the article finds the rules' cues and the date cues.
_CUES = CueIndex(_SENTENCE_STEMS | DATE_STEMS)
_NO_CUES: frozenset[str] = frozenset()
Lookup = Callable[[str], "Place | list[Place] | None"]

_SPECIFICITY = {KIND_PLACE: 0, KIND_ADMIN1: 1, KIND_REGION: 2, KIND_LINE: 3, KIND_COUNTRY: 4}
_PRECISION = {KIND_PLACE: GEO_POINT, KIND_ADMIN1: GEO_REGION, KIND_REGION: GEO_REGION,
              KIND_LINE: GEO_LINE_OR_COUNTRY, KIND_COUNTRY: GEO_LINE_OR_COUNTRY}

# A place name the event happened at: introduced by a locative word (a few words back).
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|on|along|outside|around|across|into|inside|within|towards?|over|"
    r"off|of|hit|struck|shelled|bombed|attacked|targeted|pounded|captured|seized|"
    r"entered|recaptured|raided|stormed|besieged|"
    # a headline's present tense: "Artillery hits Bureij", "Drones target Odesa port"
    r"hits|strikes|shells|bombs|attacks|targets|pounds|raids|storms|captures|seizes|"
    r"enters)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:(?!(?:that|which|who|whom|where|when|and|or|but|to|as|with|by|for|from|said|"
    r"says|is|are|was|were|has|have|had|be|been|it|they|he|she|\d+)\b)[\w'-]+\s+){0,3}$"
)
_NEAR = re.compile(r"\b(?:near|outside|around|outskirts\s+of|vicinity\s+of|close\s+to|"
                   r"(?:countryside|suburbs?|environs|periphery)\s+of|"
                   r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of|km\s+from|"
                   r"kilomet\w+\s+from)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}$")
_PROVINCE_WORD = re.compile(r"^\s*(?:region|province|oblast|governorate|state)\b")
_REGION_WORD = re.compile(r"^\s*(?:region|district|province|oblast|governorate|state|rayon|"
                          r"county|area|raion|section|township|territory|zone|municipality|"
                          r"commune|locality|department|prefecture|tehsil|sub-?district|"
                          r"hromada|community)s?\b")
# "Azerbaijan's Foreign Ministry", "Russia's Interfax": the name stands for a speaker.
_ORG_AFTER = re.compile(
    r"^(?:'s)?\s+(?:[\w-]+\s+){0,2}?(?:ministry|news|agency|media|parliament|government|"
    r"president|prime|army|military|officials|authorities|spokes\w+|foreign|defen[cs]e|"
    r"interior|health|general\s+staff|air\s+force|embassy|leader|envoy|mission|"
    r"council|state\s+media|mediated|backed|regime)\b"
)
# "Israel says two soldiers were killed", "Kyiv claimed": the name is the speaker.
_SPEAKER_AFTER = re.compile(r"\s+(?:says|said|claims|claimed|accuses|accused|denies|denied|"
                            r"insists|insisted|warns|warned|told)\b")
# "the health ministry in Ramallah said", "officials in Kherson told": the speaker's seat.
_SEAT_HEAD = re.compile(r"\b(?:ministry|officials?|authorities|office|spokes\w+|agency|"
                        r"civil\s+defen[cs]e|rescuers|medics|red\s+crescent|red\s+cross|"
                        r"governor|administration|police|army|military|hospital\s+director|"
                        r"division|brigade|battalion|regiment|corps|command|headquarters|"
                        r"correspondent|reporter)\s+(?:based\s+)?in\s+(?:the\s+)?$")
# "Zelensky, speaking in Kyiv, called the strike on Odesa ...": where a speaker spoke.
_SPEAKING_IN = re.compile(r"\b(?:speaking|talking|addressing\s+\w+|interviewed|reporting)\s+"
                          r"(?:to\s+\w+\s+)?(?:in|from|at)\s+(?:the\s+)?$")
_SEAT_TAIL = re.compile(r"^\s*(?:said|says|told|reported|announced|stated|confirmed)\b")


def _speaks_from(head: str, tail: str, before: str = "") -> bool:
    """Is a place named only as where a speaker is ("the ministry in Ramallah said",
    "according to the health ministry in Ramallah, ten were killed")? `before` is the
    text ahead of `head`, where an "according to" may open the attribution."""
    if _SEAT_HEAD.search(head) and (_SEAT_TAIL.match(tail) or (
            tail.startswith(",") and _ACCORDING.search(before + head))):
        return True
    return bool(_SPEAKING_IN.search(head))


# "according to the Palestinian Health Ministry in ...": an attribution, ending at its seat
_ACCORDING = re.compile(r"\baccording\s+to\s+(?:the\s+)?(?:[\w'-]+\s+){0,5}?[\w'-]+\s+"
                        r"(?:based\s+)?in\s+(?:the\s+)?$")


_TOWN_OF = re.compile(r"\b(?:(?:city|town|village|capital)\s+of|central|downtown|"
                      r"(?:city\s+)?cent(?:re|er)\s+of)\s+$")
# "the Damascus highway", "the Kherson-Mykolaiv road": a road named for where it leads.
_ROAD_AFTER = re.compile(r"(?:-[\w'-]+)?\s+(?:highway|road|motorway|expressway|river|stream|"
                         r"canal)\b")
# "on the left bank of the Dnipro": a river, not where the event happened.
_RIVER_BANK = re.compile(r"\bbanks?\s+of\s+(?:the\s+)?$")
# "in response to ... in X", "to avenge ... in X": a reason's place, not the site
_REASON = re.compile(r"\b(?:in\s+(?:response|retaliation|reprisal|revenge)\s+(?:to|for)|"
                     r"to\s+avenge|in\s+reply\s+to)\b[^.;]{0,40}$")
# "The death toll rose to 11": a later toll of the event just told, even a paragraph on.
_TOLL_UPDATE = prefiltered(re.compile(
    r"\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|killed|victims|fatalities|"
    r"people\s+killed))\b(?:\s+[\w'-]+){0,4}?"
    r"\s+(?:rose|rises|risen|climbed|climbs|jumped|reached|reaches|increased|grew|surged|"
    r"has\s+risen|had\s+risen|now\s+stands|(?:is|stands)\s+(?:now|at)|is\s+now\s+at)\b"
    r"|\b(?:rais|bring|brought|tak|took|push|revis)\w*\s+(?:the\s+)?(?:death\s+)?toll\b"
    r"|\b(?:death\s+)?toll(?:\s+now|\s*:)\s+(?:at\s+)?\w"  # "Death toll now two."
    # "Three people are now confirmed dead": a live blog's later entry
    r"|\bnow\s+(?:confirmed\s+|known\s+to\s+be\s+|reported\s+)?(?:dead|killed)\b"
))
# "A third soldier died of his wounds": the toll is now three.
_NTH_DEATH = prefiltered(re.compile(
    r"\ban?\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:died|was\s+killed|succumbed|"
    r"(?:has\s+been\s+|was\s+)?(?:recovered|found|pulled))\b"))
# "died in hospital in Kharkiv", "taken to a hospital in X": where victims were treated.
_CARE_PLACE = re.compile(r"\b(?:hospitals?|clinic|morgue|mortuary)\s+(?:[\w'-]+\s+){0,2}?"
                         r"(?:in|at|of)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}$")
# What a heading line holds besides its place name: "Nikopol district.", "Kherson region:"
# (A dateline, "TEHRAN -", is not a heading: it ends in a dash.)
# ("Update on Kharkiv.": a post's heading too)
_HEADING_REST = re.compile(r"\s*(?:(?:update|updates|latest|more|news)\s+(?:on|from)\s+)?"
                           r"(?:(?:the\s+)?(?:city|town|region|district|province|oblast|"
                           r"raion|rayon|governorate|state|county|area|community|front|"
                           r"direction|sector|axis)\b)?\s*[.:]\s*")
# The story's own city, named earlier: "on the edge of the city", "in the town centre".
_THE_CITY = re.compile(r"\b(?:in|on|at|of|across|near|outside|struck|hit)\s+the\s+"
                       r"(?:[\w-]+\s+){0,2}?(?:city|town)(?!\s+of\b)\b")
# A week with no day in it: events dated only so are not coded.
_VAGUE_WEEK = re.compile(r"last\s+week|in\s+recent\s+days|(?:over|in|during)\s+the\s+"
                         r"(?:past|last)\s+(?:few\s+|several\s+)?(?:days|week)")
_CITY_POP = 100_000
_ASTRAY_KM = 1500.0  # a foreign town this far from all the story's places is a misreading
# "Rockets hit X. One fell in the city.": the same event's next sentence, a few lines on
_SAME_STORY_SPAN = 400
# A sentence that only says nobody was hurt.
_ZERO_ONLY = re.compile(r"(?:(?:an?\s+|the\s+)?[\w' -]{2,40}?\s+(?:said|says|reported|added)\s+"
                        r"(?:that\s+)?)?"  # "A local official said ..."
                        r"(?:there\s+(?:were|was|are|is|have\s+been|has\s+been)\s+no\s+"
                        r"(?:human\s+)?(?:casualties|victims|injuries|deaths|fatalities|losses)"
                        r"(?:\s+among\s+(?:our|the|its|their)\s+(?:[\w-]+\s+)?(?:personnel|"
                        r"troops|servicem[ae]n|soldiers|ranks|forces))?|"
                        r"no\s+(?:casualties|injuries|deaths)\s+(?:were|was)\s+"
                        r"(?:immediately\s+)?reported|(?:nobody|no\s+one)\s+was\s+(?:killed|"
                        r"hurt|injured))(?:\s+(?:there|in\s+the\s+attack))?"
                        # "..., the ministry said."
                        r"(?:\s*,\s*(?:the\s+|a\s+)?[\w' -]{2,40}?\s+(?:said|says|reported|"
                        r"added|stated))?\s*[.!]?")
_HISTORY_DAYS = 30  # an event dated further back than this is recalled, not reported
_ANCHOR_DAYS = 7  # a narrated day further from publication is history, not today's news
# "killed in the fighting on ...": a definite reference to a fight already told.
_THE_EVENT = re.compile(r"\b(?:in|during)\s+the\s+$")
_CUE_DATE_GAP = 8  # " on ", " of ": characters from the cue to its day
# "two of its soldiers", "three of our servicemen": the speaker's own dead
_OWN_DEAD = re.compile(r"[\w,-]+\s+(?:of\s+)?(?:its|our|their)\s+(?:own\s+)?\w+")
_NATION_REACH = 80  # characters between a count and the country it belongs to
# Where a sentence's second clause starts: ", and troops reported ...", "; police ..."
_CLAUSE_CUT = re.compile(r",\s+(?:and|while|whereas|but|as)\s+|;\s+")
# "the Solino neighbourhood": a quarter the gazetteer lacks, in the dateline's city.
_QUARTER = re.compile(r"\b(?:neighbou?rhoods?|suburbs?|slums?|shanty\s?towns?)\b")
# "their 2020 war over Nagorno-Karabakh": what a conflict is about, not a site.
_WAR_OVER = re.compile(r"\b(?:wars?|conflicts?|dispute|row|standoff|tensions?)\s+over\s+"
                       r"(?:the\s+)?$")
# "the town's east", "the city's outskirts": a part of the town the story is about.
_TOWNS_PART = re.compile(r"\bthe\s+(?:town|city|village)'s\b")
# "Chasiv Yar, a hilltop town about 10 km west of ...": a town introduced by apposition.
_INTRODUCED_TOWN = re.compile(r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|"
                              r"settlement)\b")
_STORY_TOWN_SPAN = 600  # characters back: the sentence before or the paragraph's start
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)(?:the\s+)?")
_BORDER = prefiltered(re.compile(r"\b(?:border|frontier|boundary)\b"))
_ON_BORDER = re.compile(r"\b(?:along|on|at|near|across)\s+(?:the|their|its|our|a)\s+"
                        r"(?:[\w'-]+\s+){0,3}?(?:border|frontier|boundary)\b")
# A that-clause of reported speech: what follows is someone's claim, not a new report.
_REPORTED_THAT = re.compile(
    r"\b(?:informs?|informed|reports?|reported|says?|said|stated|claims?|claimed|confirms?|"
    r"confirmed|announced)\b(?:\s+[\w'-]+){0,8}?\s+that\b(?=[^.;:]*$)"
)
# "the governor said on Tuesday": the day of the telling, not of the event.
_SAID_ON = re.compile(r"\b(?:said|says|reported|announced|added|told\s+\w+|stated|wrote)"
                      r"\s+(?:on\s+|late\s+|early\s+)?$")
# "the death toll rose to 28 on Wednesday": the day the toll was told, not the event's
_ROSE_ON = re.compile(r"\b(?:rose|risen|rises|climbed|jumped|reached|increased|grew|stood|"
                      r"stands)\s+(?:to\s+|at\s+)?[\w,]+(?:\s+(?:dead|people|deaths))?\s+"
                      r"(?:(?:on|by|late\s+on|early\s+on)\s+)?$")
# "The attack early on Tuesday hit several districts": the event told before, dated
_EVENT_DATED = re.compile(r"\W*(?:the|that|this)\s+(?:[\w-]+\s+){0,2}?(?:attack|strikes?|"
                          r"shelling|bombing|raid|assault|explosion|blast|bombardment)\b")
# Hundreds "have been killed" with no weapon, fight or day named: a running tally.
_PERFECT_TALLY = re.compile(r"\b(?:have|has)\s+(?:now\s+|reportedly\s+)?(?:been\s+killed|"
                            r"died|lost\s+their\s+lives|killed)\b")
_TALLY_MIN = 100
_WAR_TALLY_MIN = 500  # a toll this large told in the perfect is a war's, not a strike's
# The cue refers back: "as a result of the shelling", "in this attack".
_ANAPHOR = re.compile(r"(?:^\W*|\b(?:as\s+a\s+result\s+of|in|during|after|from|by)\s+)"
                      r"(?:the|this|that|these|those)\s+(?:[\w-]+\s+)?$")
# "killed in the strike": the cue itself holds the article ("the strike")
_ANAPHOR_PREP = re.compile(r"(?:^\W*|\b(?:as\s+a\s+result\s+of|in|during|after|from|by)\s+)$")
# "The strike came a day after ...", "The shelling came as ...": the event just told.
_CUE_IS_ANAPHOR = re.compile(r"(?:(?:the|this|that)\s+(?:[\w-]+\s+)?)?(?:strikes?|attacks?|"
                             r"shelling|bombing|raid|blast|explosion)\s+(?:came|comes|was|"
                             r"happened|occurred|took\s+place|followed)\b")
_DETERMINER_BEFORE = re.compile(r"(?:^|\W)(?:the|this|that)\s+(?:[\w-]+\s+)?$")
# "Mogadishu's Hodan district", "Gaza City's Zeitoun": a quarter of the city named before
# it, which the gazetteer often lacks (the locative word stands before the quarter).
# Matched on the original text: the quarter's name is capitalised.
_QUARTER_OF = re.compile(r"['’]s\s+(?:[A-Z][\w'-]+\s+){1,3}(?:district|neighbou?rhood|quarter|"
                         r"suburb|area|camp|refugee\s+camp)s?\b|['’]s\s+[A-Z][\w'-]+"
                         r"(?:\s+[A-Z][\w'-]+)?(?=\s*(?:$|[.,;:]))")
_CITYS = re.compile(r"\bthe\s+(?:city|town)['’]s\s+$")
# A live page's entry stamp: "12:05 BST", "10:42 GMT –", "09:30 local time -"
_STAMP = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*(?:GMT|BST|UTC|CET|CEST|EET|EEST|MSK|EST|EDT|IST|"
                    r"local\s+time|[ap]\.?m\.?))?\s*(?:[-–—|]\s*|$)")
_NIGHT = re.compile(r"\b(?:overnight|night)\b")
_BULLET_CHARS = " \t-*•▪–—"  # "- Huliaipole: shelling killed two": a bulleted summary line
_OPPONENT = re.compile(r"\b(?:with|against)\s+(?:neighbouring\s+|neighboring\s+)?$")
_MANY_SITES = re.compile(r"\b(?:several|multiple|many|numerous|a\s+number\s+of|dozens\s+of|"
                         r"scores\s+of|a\s+string\s+of|a\s+series\s+of)\s+(?:[\w-]+\s+)?"
                         r"(?:villages|towns|cities|communities|areas|settlements|localities|"
                         r"districts|regions|provinces|camps)\b")
_NUM = (r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)")
_ITEMISED = re.compile(r":\s*" + _NUM + r"\s+(?:[a-z'-]+\s+)?(?:in|at|near)\s+[^,;.]{2,40}?"
                       r"(?:,|\s+and)\s+" + _NUM + r"\s+(?:[a-z'-]+\s+)?(?:in|at|near)\s")
_ACROSS = re.compile(r"\b(?:across|throughout|all\s+over)\s+(?:the\s+)?(?:[\w'-]+\s+)?$")
# ... and what it came after: " a day after", " hours after", " as", " amid"
_THEN = re.compile(r"(?:\s+(?:just|only|barely))?(?:\s+(?:a|an|one|two|three|several|a\s+few|"
                   r"\w+)\s+(?:days?|hours?|nights?|minutes?))?\s+(?:after|as|amid|when|while)\b")
_DAY_TALLY = re.compile(r"\b(?:(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+"
                        r"(?:day|24\s+hours|twenty-four\s+hours)|over\s+the\s+day|"
                        r"during\s+the\s+day|in\s+total)\b")
# "In Sloviansk, three were injured": a bulletin's line headed by its town.
_TOWN_LEAD = re.compile(r"\W*(?:in|at)\s+(?:the\s+(?:town|city|village)\s+of\s+)?")
_BREAKDOWN = re.compile(
    r":\s*(?:(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+)?"
    r"(?:in|at|near)\s+[^,;.:]{2,40}?(?:,\s*(?:and\s+)?|\s+and\s+)){1,}(?:\d{1,3}|one|two|"
    r"three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+)?(?:in|at|near)\s+\w")
_NUM_WORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
              r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)")
# "killed 27 across the Gaza Strip", "across the region": a tally over a region
_TALLY_ACROSS = re.compile(r"\b(?:killed|dead|died|killing)\b[^.;]{0,60}?\bacross\s+"
                           r"(?:the\s+|much\s+of\s+(?:the\s+)?|several\s+|\w+\s+)?[a-z]")
# "including 11 in a strike on a school in X": the part of a tally that is one event
_PART_IN = re.compile(r"\b(?:including|among\s+them)\s+(?P<num>\d{1,3}|" + _NUM_WORDS + r")\s+"
                      r"(?:people\s+|civilians\s+|children\s+)?(?:in|at|when|who)\b")
# "units of the Armed Forces of Armenia": a country named for its forces, an actor
_FORCES_OF = re.compile(r"\b(?:forces|army|armed\s+forces|troops|units|military|ministry|"
                        r"government|president|embassy|border\s+guards?)\s+of\s+(?:the\s+)?$")
_STATIONED_IN = re.compile(r"\b(?:stationed|based|deployed|positioned|located\s+on\s+the\s+"
                           r"territory\s+of)\s+(?:in|at|near|around)?\s*(?:the\s+direction\s+of\s+)?"
                           r"(?:the\s+)?$")
_COMPASS_BEFORE = re.compile(r"\b(?:northern|southern|eastern|western|central|north-?eastern|"
                             r"north-?western|south-?eastern|south-?western)\s+$")
# A sentence that says it tells another event than the one before.
_SEPARATE = re.compile(r"\b(?:separate(?:ly)?|in\s+another\s+(?:incident|attack|strike|raid)|"
                       r"elsewhere(?!\s+in\s+the\s+(?:same\s+)?(?:city|town|village|capital|"
                       r"region|district|area|province|oblast|camp))|in\s+a\s+different)\b")
# A post's stamp line alone: "19 May, 17:05", "14:05", "Tuesday, 3 June 2025 - 09:30"
_STAMP_LINE = re.compile(
    r"\W*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\W+)?(?:\d{1,2}\s+[a-z]{3,9}\.?"
    r"(?:\s+\d{4})?|[a-z]{3,9}\.?\s+\d{1,2}(?:,?\s+\d{4})?)?\W*(?:\d{1,2}[:.]\d{2}\s*"
    r"(?:[ap]\.?m\.?|gmt|utc)?)?\W*")
# A paragraph's lead line naming what it updates: "Update on Kharkiv.", "Kharkiv update:"
_UPDATE_LEAD = re.compile(r"\W*(?:(?:an?\s+)?update\s+(?:on|from)\s+[\w' -]{2,40}|[\w' -]{2,40}?"
                          r"\s+update)\s*[.:]?\s*$")
# A live blog's entry stamp: "10:40 am —", "14:05 -", "09.30 GMT:"
_LIVE_STAMP = re.compile(r"\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|gmt|utc|local(?:\s+time)?)?"
                         r"\s*(?:[-–—:|]|\n)", re.I)
# "the toll of the raid", "the death toll from the strike": the toll names its event.
_TOLL_OF_EVENT = re.compile(
    r"\btoll\s+(?:of|from|in)\s+(?:the|this|that|(?:mon|tues|wednes|thurs|fri|satur|sun)"
    r"day's|yesterday's)\s+(?:[\w-]+\s+){0,2}?(?P<what>raid|strike|attack|shelling|bombing|"
    r"assault|ambush|explosion|blast|massacre|clash(?:es)?|incursion|operation)s?\b")
_RAID = re.compile(r"\b(?:raids?|incursions?|(?:military|security|army)\s+operations?|"
                   r"stormed|storming)\b")
# "The troops opened fire": the cue is a deed and "the troops" its doer, not an anaphor.
_DEED = re.compile(r"(?:opened|fired|exchanged|shot|killed|attacked|struck|hit|shelled|"
                   r"bombed|launched|stormed|raided|ambushed|repelled|repulsed|fought)\b")
# An exchange told only as fire at positions, no fighting word: its weapon is unnamed.
_FIRE_ONLY = re.compile(r"\b(?:subjected\s+(?:\w+\s+){0,14}?to\s+(?:\w+\s+)?fire|"
                        r"(?:opened|directed)\s+fire|fired\s+(?:at|on))\b")
_REPORTING = re.compile(r"\b(?:said|says|reported|according|told|confirmed|claimed|stated|"
                        r"accused|accuses)\b")


@dataclass
class _Draft:
    """An incident being assembled (merged sentence by sentence)."""

    event: EventMatch
    place: Place | None
    place_text: str | None
    precision: int | None
    date: date | None
    date_precision: int | None
    first_offset: int
    evidence: list[str] = field(default_factory=list)
    casualties: Casualties = field(default_factory=Casualties)
    actor1: str | None = None
    actor2: str | None = None
    reported_by: str | None = None
    confidence: float = 0.0
    speaker: str | None = None
    date_own: bool = False  # the date was written in one of the evidence sentences
    date_told: bool = False  # ... and it is the day a source spoke ("said on Monday")
    date_night: bool = False  # ... and it is a night ("overnight"): either day it spans
    # "Over the past day, Russia shelled Donetsk oblast 2,100 times": a province's daily
    # total; the towns told after are events of their own, never merged into it.
    tally: bool = False
    # The killed count the latest sentence told (a retold earlier figure may be below
    # the toll): what "two more died" adds to.
    last_told: int | None = None

    def __post_init__(self) -> None:
        if self.last_told is None:
            self.last_told = self.casualties.killed


def _capital_name(iso: str) -> str | None:
    """The capital's name in GeoNames' country table, for placing statements."""
    return geonames_countries().get(iso, {}).get("capital") or None


def _as_list(found: Place | list[Place] | None) -> list[Place]:
    if found is None:
        return []
    return found if isinstance(found, list) else [found]


def _first_place(found: Place | list[Place] | None, kinds: tuple[str, ...] = ()) -> Place | None:
    if found is None:
        return None
    items = found if isinstance(found, list) else [found]
    for place in items:
        if not kinds or place.kind in kinds:
            return place
    return None


def _overlaps_chrome(span: tuple[int, int], chrome: tuple[tuple[int, int], ...]) -> bool:
    """Is at least half of the span page furniture? (`chrome` is sorted and merged.)"""
    s, e = span
    covered = 0
    for cs, ce in chrome:
        if cs >= e:
            break
        if ce > s:
            covered += min(e, ce) - max(s, cs)
    return covered * 2 >= (e - s)


Mentions = Callable[[], list[Mention]]


class _Extractor:
    def __init__(self, article: Article, mentions: list[Mention] | Mentions,
                 geometry: Callable[[str], dict | None] | None,
                 lookup: Lookup | None, capital: Lookup | None) -> None:
        self.article = article
        self.text = article.text
        self.folded = fold(article.text)
        self.published = article.published
        self.all_mentions = mentions
        self.mentions: list[Mention] = []  # resolved ones in text order, once needed
        self.geometry = geometry
        self.lookup = lookup
        self.capital = capital
        self.drafts: list[_Draft] = []
        self.anchor: date | None = article.published
        self.last_event: _Draft | None = None
        self.last_speaker: str | None = None
        # Sentences that may name an official speaker, checked only when a statement
        # needs its speaker (most articles have none): the latest one that does wins.
        self.pending_speakers: list[tuple[str, AbstractSet[str]]] = []
        self.dateline_place: Place | None = None
        self.dateline_country: str | None = None
        self.sentence_refs: list[DateRef] = []
        self.present: AbstractSet[str] = _NO_CUES
        self.headline: Mention | None = None
        self.extra_places: list[tuple[Place, str, int]] = []
        self.row: list[tuple[int, int, str, AbstractSet[str], EventMatch | None]] = []
        self.heading: tuple[Place, str, int] | None = None  # the paragraph's heading place
        self.lead: tuple[int, int, str] | None = None  # the line alone before the paragraph
        self.pending_clauses: list[tuple[int, int]] = []  # other clauses, their own events
        self.home: str | None = None  # the country most of the story's places are in
        # The last violent event told could not be placed: a place-less toll update
        # after it is its own, not the previous incident's.
        self.unplaced = False
        self.date_told = False  # set by `_own_date`: its date is the day of telling
        self.date_night = False  # set by `_own_date`: its date is a night
        self.past_frame = False  # the paragraph told an earlier year's war (see _sentence)
        self.entry_place: tuple[Place, str, int] | None = None  # a live entry's headline
        self.entry_prev: _Draft | None = None  # the last event before the entry began

    # ------------------------------------------------------------------ driver
    def run(self) -> list[Incident]:
        paragraphs = sentences_by_paragraph(self.text)
        found = _CUES.find(self.folded)  # one pass over the whole text
        # First the event each sentence reports (it depends on the sentence alone): an
        # article that reports none costs no date, place or actor work at all.
        told: list[list[tuple[int, int, str, AbstractSet[str], EventMatch | None]]] = []
        any_event = False
        cue_i = 0
        cues = [c for c in found if c[1] in _SENTENCE_STEMS]
        n_cues = len(cues)
        chrome = self.article.chrome
        for sentences in paragraphs:
            row = []
            for start, end in sentences:
                present = _NO_CUES
                if cue_i < n_cues and cues[cue_i][0] < end:
                    present = set()
                    while cue_i < n_cues and cues[cue_i][0] < end:
                        if cues[cue_i][0] >= start:
                            present.add(cues[cue_i][1])
                        cue_i += 1
                if chrome and _overlaps_chrome((start, end), chrome):
                    continue
                sentence = self.text[start:end]
                match = classify(sentence, present) if present else None
                any_event = any_event or match is not None
                row.append((start, end, sentence, present, match))
            told.append(row)
        if not any_event:
            return []  # counts and statements only ever attach to an event
        resolved = self.all_mentions() if callable(self.all_mentions) else self.all_mentions
        self.mentions = sorted((m for m in resolved if m.place is not None),
                               key=attrgetter("start"))
        self.home = home_country(self.mentions, majority=True)
        self._find_dateline(paragraphs)
        self.headline = self._find_headline()
        carried: DateRef | None = None  # the previous paragraph's last date
        line_heading: tuple[Place, str, int] | None = None  # a place line alone
        lead: tuple[int, int, str] | None = None  # a line alone ("Update on X.")
        all_refs = find_dates(self.text, self.published, folded=self.folded,
                              cues=[c for c in found if c[1] in DATE_STEMS])
        latest = self.published + timedelta(days=1) if self.published else None
        ref_i = 0
        n_refs = len(all_refs)
        for n, row in enumerate(told):
            prev_draft: _Draft | None = None
            local: DateRef | None = None
            self.past_frame = False
            opens, entry_place = self._entry_start(paragraphs, n)
            if opens:
                # A live page's next timestamped entry: its events do not continue the
                # last entry's; those naming no place are at its headline's place.
                self.entry_place = entry_place
                self.entry_prev = self.last_event or self.entry_prev
                self.last_event, self.unplaced = None, False
                carried = None  # nor does the last entry's date carry over
            self.heading = own_heading = self._heading(row[0][0], row[0][1]) if row else None
            if self.heading is None and len(row) > 1 and _STAMP_LINE.fullmatch(
                    fold(row[0][2])):
                # "19 May, 17:05 / Kupiansk. A woman was killed": a post's stamp, then
                # its place line
                self.heading = self._heading(row[1][0], row[1][1])
            if self.heading is None and row and line_heading is not None:
                self.heading = line_heading  # "Kupiansk." alone on the line before
            if self.heading is None and row:
                self.heading = self.entry_place
            line_heading = own_heading if len(row) == 1 else None
            self.lead = lead
            lead = row[0][:3] if len(row) == 1 else None
            if row and _LIVE_STAMP.match(row[0][2]):
                # a live blog's timestamped entry is told on the blog's day: the day the
                # entry before narrated is not carried into it
                carried, self.anchor = None, self.published
            self.row = row
            for start, end, sentence, present, match in row:
                while ref_i < n_refs and all_refs[ref_i].start < start:
                    ref_i += 1
                if not present and (ref_i == n_refs or all_refs[ref_i].start >= end):
                    continue  # no cue and no date: nothing to tell, nothing to carry
                self.present = present
                day_refs = []
                sentence_refs = []
                j = ref_i
                while j < n_refs and all_refs[j].start < end:
                    ref = self._anchored(all_refs[j])
                    sentence_refs.append(ref)
                    if ref.date and ref.kind != "year" and (latest is None
                                                            or ref.date <= latest):
                        day_refs.append(ref)
                    j += 1
                self.sentence_refs = sentence_refs
                prev_draft = self._sentence(start, end, sentence, match, day_refs, local,
                                            local or carried, prev_draft)
                if self.pending_clauses:
                    while self.pending_clauses:  # "..., while a drone strike in B killed two"
                        cs, ce = self.pending_clauses.pop(0)
                        clause = self.text[cs:ce]
                        self._sentence(cs, ce, clause, classify(clause, present),
                                       [r for r in day_refs if cs <= r.start < ce] or day_refs,
                                       local, local or carried, None)
                elif match is not None and match.violent:
                    self._other_clauses(start, sentence, match, day_refs, local,
                                        local or carried)
                if day_refs:
                    local = day_refs[-1]
                    if day_refs[-1].precision == DATE_DAY:
                        self.anchor = day_refs[-1].date
            if row:  # a paragraph of page chrome (a caption) does not end the narration
                carried = local
        return [self._incident(d) for d in self.drafts
                if d.place is not None and not self._summed_up(d)]

    def _summed_up(self, d: _Draft) -> bool:
        """A country-wide toll ("air strikes killed 11 people in south Lebanon on Monday")
        or a province's day tally ("... in Donetsk region over the past day") whose events
        the story tells one by one at their own towns, the same kind on the same day or
        the next: a summary's sum, not an event of its own."""
        area = d.place
        if area is None or not d.event.violent or d.date is None or not (
                area.kind == KIND_COUNTRY or d.tally):
            return False
        towns = [o for o in self.drafts
                 if o is not d and o.place is not None and o.place.kind == KIND_PLACE
                 and (o.place.country == area.country if area.kind == KIND_COUNTRY
                      else _places_compatible(o.place, area))
                 and o.event.family == d.event.family
                 and o.date is not None and abs((o.date - d.date).days) <= 1]
        if not d.tally:
            return bool(towns)
        # a day tally is only a sum if its towns account for its dead ("shelled 40 times,
        # six killed" with one town's two wounded is still the province's own record)
        told = sum(o.casualties.killed or 0 for o in towns)
        return bool(towns) and (d.casualties.killed or 0) <= told

    def _anchored(self, ref: DateRef) -> DateRef:
        """"came a day after" counts back from the narration's date, not publication."""
        if ref.kind != "anchor" or ref.date is None or self.published is None \
                or self.anchor is None:
            return ref
        return replace(ref, date=self.anchor - (self.published - ref.date))

    def _entry_start(self, paragraphs: list[list[tuple[int, int]]], n: int
                     ) -> tuple[bool, tuple[Place, str, int] | None]:
        """Does paragraph `n` open a live page's entry ("12:05 BST", "10:42 GMT - Toll
        rises to 12")? And the place its headline names, if any: the stamp's own text,
        else the short line after it."""
        if not paragraphs[n]:
            return False, None
        start, end = paragraphs[n][0][0], paragraphs[n][-1][1]
        stamp = _STAMP.match(self.text, start, end)
        if stamp is None:
            return False, None
        head_start, head_end = stamp.end(), end
        if head_start >= head_end and n + 1 < len(paragraphs) and paragraphs[n + 1]:
            head_start, head_end = paragraphs[n + 1][0][0], paragraphs[n + 1][-1][1]
            line = self.text[head_start:head_end]
            if len(line.split()) > 15 or line.rstrip()[-1:] in ".!?":
                return True, None  # prose, not a headline
        inside = [m for m in self.mentions if head_start <= m.start < head_end
                  and m.place is not None and m.place.kind != KIND_COUNTRY]
        if not inside:
            return True, None
        m = min(inside, key=lambda m: _SPECIFICITY.get(m.place.kind if m.place else "", 5))
        assert m.place is not None
        return True, (m.place, m.text, _PRECISION.get(m.place.kind, GEO_LINE_OR_COUNTRY))

    def _heading(self, start: int, end: int) -> tuple[Place, str, int] | None:
        """A paragraph headed by a bare place line ("Nikopol district.", "Kherson
        region:"), as regional summaries are written: the place of the paragraph's
        events that name none of their own ("a drone struck a farm in the district")."""
        inside = [m for m in self.mentions if start <= m.start < end]
        if len(inside) != 1 or inside[0].place is None:
            return None
        m = inside[0]
        rest = fold(self.text[start:m.start] + " " + self.text[m.end:end])
        if not _HEADING_REST.fullmatch(rest):
            return None
        place = m.place
        assert place is not None
        precision = _PRECISION.get(place.kind, GEO_LINE_OR_COUNTRY)
        tail = fold(self.text[m.end:end])
        if place.kind == KIND_PLACE and _REGION_WORD.match(tail):
            admin = self._admin_of(place, m.text, _PROVINCE_WORD.match(tail) is not None)
            place, precision = (admin, GEO_REGION) if admin is not None else (place, GEO_NEAR)
        return place, m.text, precision

    def _find_headline(self) -> Mention | None:
        """The most specific place named in the headline line, if the text repeats it."""
        title = fold(self.article.title or "").strip()
        if not title:
            return None
        at = self.folded.find(title)
        if at < 0:
            return None
        inside = [m for m in self.mentions if at <= m.start < at + len(title) and m.place
                  and m.place.kind != KIND_COUNTRY]
        inside.sort(key=lambda m: _SPECIFICITY.get(m.place.kind if m.place else "", 5))
        return inside[0] if inside else None

    def _find_dateline(self, paragraphs: list[list[tuple[int, int]]]) -> None:
        for sentences in paragraphs:
            if not sentences:
                continue
            start, end = sentences[0]
            if _overlaps_chrome((start, end), self.article.chrome):
                continue
            # The dateline is its own sentence span: match on, into the paragraph (its
            # pattern looks at the first letter after the dash).
            dl = dateline(self.text, start, sentences[-1][1] + 1)
            if not dl:
                continue
            inside = [m for m in self.mentions if dl[0] <= m.start < dl[1]]
            place = inside[0].place if inside else None
            if place is None and self.lookup:
                place = _first_place(self.lookup(dl[2]), (KIND_PLACE,))
            if place is not None:
                self.dateline_place = place
                self.dateline_country = place.country
                return

    # ------------------------------------------------------------------ one sentence
    def _sentence(self, start: int, end: int, sentence: str, match: EventMatch | None,
                  refs: list[DateRef], local: DateRef | None, context: DateRef | None,
                  prev: _Draft | None) -> _Draft | None:
        """One sentence (`match`: what it reports, from `classify`): a new or merged
        draft, counts for the previous one, or None.

        `local` is the last date written earlier in this paragraph; `context` may also
        come from the paragraph before (wire copy often dates only the first).
        """
        if not self.present and not refs:
            return prev
        if match is not None and match.sub_event_type == tx.DIPLOMATIC_STATEMENT and \
                "statement" in fold(sentence)[match.start: match.end] and (
                    _TOLL_UPDATE.search(fold(sentence)) or _NTH_DEATH.search(fold(sentence))):
            # "In a statement, the group said the death toll had risen to 32": the
            # statement is only how the toll is told
            match = None
        if match is None and self.last_event is not None and self.last_event.date_told \
                and _EVENT_DATED.match(fold(sentence)) and (days := [
                    r for r in refs if r.precision == DATE_DAY and r.date is not None]):
            # "The toll rose to 28 on Wednesday. The attack early on Tuesday hit ...": the
            # event's own day, not the day its toll was told
            self.last_event.date, self.last_event.date_told = days[0].date, False
        if match is None:
            if self.sentence_refs and self._earlier_year() and is_background(
                    sentence, self.published, self.sentence_refs):
                # "The two fought a six-week war in 2020.": what follows is that war's
                self.past_frame = True
            if self.past_frame:
                return None  # "Four more bodies were found" after a recalled strike: its own
            # Counts alone only add to a violent event just told.
            if prev is None and (_TOLL_UPDATE.search(fold(sentence)) or _NTH_DEATH.search(
                    fold(sentence)) or added_deaths(sentence) is not None):
                prev = self._toll_target(sentence, start, end)
            elif prev is None and self.last_event is not None and not self.unplaced and \
                    _ZERO_ONLY.fullmatch(fold(sentence).strip()):
                prev = self.last_event  # "There were no casualties." a paragraph on
            if prev is not None and prev.event.violent:
                casualties = extract_casualties(sentence, self.present)
                if not casualties.any() and not refs:
                    # "A barn burned." tells no count and no day: the next sentence's
                    # "There were no casualties." is still the strike's.
                    self._may_speak(sentence)
                    return prev
                if casualties.any() and not is_background(sentence, self.published,
                                                          self.sentence_refs):
                    if (other := self._town_count(start, end, sentence, prev, casualties,
                                                  refs)) is not None:
                        return other
                    self._add_counts(prev, casualties, sentence)
                    return prev
            self._may_speak(sentence)
            return None
        if match.sub_event_type == tx.DIPLOMATIC_STATEMENT:
            self._statement(start, sentence, match, refs, local)
            return None
        counts = casualty_counts(sentence, self.present)
        casualties = total_casualties(counts)
        self._may_speak(sentence)
        if is_background(sentence, self.published, self.sentence_refs):
            self.past_frame = self.past_frame or self._earlier_year()
            return None
        if self.past_frame and not refs:
            # "In the 2020 war, 6,500 were killed. Azerbaijan regained X.": still history
            return None
        if match.violent and (
                told := self._retold_on_day(sentence, start, match, refs)) is not None:
            # "6 of its servicemen were killed in the fighting on 16 November", said by the
            # other side: the battle already told that day, whatever place it claims
            self._add_counts(told, casualties, sentence)
            return told
        if match.violent and (back := _cue_is_anaphor(fold(sentence), match.start)):
            # "The shelling came a day after fighting erupted in X": the event after
            # "after" is the news; "The strikes came as talks were held in Rome": none is
            then = _THEN.match(fold(sentence), back.end())
            told_next = classify(sentence[then.end():]) if then else None
            if then is not None and told_next is not None and told_next.violent:
                match = replace(told_next, start=told_next.start + then.end(),
                                end=told_next.end + then.end())
            elif self.last_event is not None and self.last_event.event.violent:
                self._add_counts(self.last_event, casualties, sentence)
                return self.last_event
        mentions = [m for m in self.mentions if start <= m.start < end]
        if match.violent and (split := self._placed_clauses(sentence, start, match, mentions)):
            # "a strike in A killed five, while a drone strike in B killed two": the other
            # clause is its own event with its own toll, told next (see `run`)
            counts = [c for c in counts if not any(s <= c[0] < e for s, e in split)]
            casualties = total_casualties(counts)
            self.pending_clauses = [(start + s, start + e) for s, e in split]
        mentions = _own_clause(sentence, start, match, mentions)
        place, place_text, precision, own_place = self._place(sentence, start, mentions)
        if own_place and match.violent and (
                _across_territory(sentence, start, mentions, place)
                or _ITEMISED.search(fold(sentence))):
            # "strikes killed 17 across the Gaza Strip", "killed 4 residents of the oblast:
            # 2 in X, 1 in Y and 1 in Z": many events' sum, each told on its own
            return None
        if not own_place and match.violent and self.heading is None and not _cue_is_anaphor(
                fold(sentence), match.start) and (  # under "Kupiansk." the city is Kupiansk
                town := self._story_town(sentence, start, unplaced=place is None,
                                         family=match.family)):
            # "fought in the Kanal district in the town's east": the town just introduced
            place, place_text, precision, own_place = *town, GEO_POINT, True
        raid = prev if prev is not None else self.last_event if place is None else None
        if match.event_type == tx.BATTLES and not own_place and not refs and raid is not None \
                and raid.event.event_type == tx.VIOLENCE_CIVILIANS and \
                _RAID.search(fold(" ".join(raid.evidence))):
            # "killed during an army raid on X. ... exchanges of fire with gunmen": the raid
            # met armed resistance, so it is a battle (ACLED), not one-sided violence. The
            # fight may be told in the next paragraph, naming no place of its own.
            raid.event = replace(match, confidence=raid.event.confidence)
            self._add_counts(raid, casualties, sentence)
            self.last_event = raid
            return raid
        if place is None and match.violent and prev is None and (
                setting := self._setting(start)) is not None:
            # "Troops spotted a gunman near X. They opened fire and killed him."
            place, place_text, precision, own_place = *setting, True
        if own_place and place is not None and place.kind == KIND_PLACE and \
                casualties.killed and (across := _TALLY_ACROSS.search(fold(sentence))):
            # "strikes killed 27 across the Gaza Strip, including 11 in a strike on a
            # school in Jabalia": the region's tally is not the town's toll, its part is
            casualties = replace(casualties, killed=self._part_at(
                sentence, start, place, across.end()))
        if counts and not own_place:
            kept = self._not_restated(sentence, counts)
            if len(kept) < len(counts):
                counts, casualties = kept, total_casualties(kept)
        extras = [(p, t, pr, Casualties()) for p, t, pr in self.extra_places] \
            if own_place else []
        by_place = self._counts_by_place(sentence, start, mentions, counts) \
            if own_place and len(counts) >= 2 else None
        if by_place is not None:
            # "killed one in Toretsk and wounded two in Kurakhove": one event per place,
            # each with its own counts.
            own = next((e for e in by_place if place is not None and e[0].id == place.id),
                       by_place[0])
            place, place_text, precision, casualties = own
            extras = [e for e in by_place if e is not own] + [
                e for e in extras if all(e[0].id != b[0].id for b in by_place)]
        if match.event_type == tx.VIOLENCE_CIVILIANS and _BREAKDOWN.search(fold(sentence)):
            # "Russians killed 4 residents of the oblast: 2 in A, 1 in B and 1 in C": a
            # bulletin's summary of the town lines it goes on to tell, no event of its own
            return None
        if not refs and (casualties.killed or 0) >= (_TALLY_MIN if match.generic
                                                     else _WAR_TALLY_MIN) and \
                _PERFECT_TALLY.search(fold(sentence)):
            # "more than 300 aid workers have been killed in Gaza", "Israeli strikes have
            # killed more than 41,000 Palestinians": a tally, no one event
            return None
        last = self.last_event
        if match.violent and not own_place and last is not None and last.event.violent \
                and (_ANAPHOR.search(fold(sentence), 0, match.start) or (
                    fold(sentence).startswith("the ", match.start)
                    and _ANAPHOR_PREP.search(fold(sentence), 0, match.start))
                     or _cue_is_anaphor(fold(sentence), match.start)) \
                and not _DEED.match(fold(sentence), match.start):
            # "As a result of the shelling, a serviceman was killed": the event just told,
            # or the latest one told with the same word ("killed in the strike on ...")
            last = self._told_with(fold(sentence)[match.start: match.end], last)
            if last.event.sub_event_type == tx.ARMED_CLASH and match.event_type == \
                    tx.EXPLOSIONS and _FIRE_ONLY.search(fold(" ".join(last.evidence))):
                # "subjected to fire ... As a result of the shelling": the teller's word
                # for the fire names the weapon.
                last.event = replace(match, confidence=last.event.confidence)
            self._add_counts(last, casualties, sentence)
            return last
        if match.generic and not own_place and last is not None and last.event.violent \
                and not _SEPARATE.search(fold(sentence)) \
                and (not refs or (last.date is not None and all(
                    r.date is not None and abs((r.date - last.date).days) <= 1
                    for r in refs))):
            # "Heavy shelling hit Ganja. Nine people were killed." tells one event.
            self._add_counts(last, casualties, sentence)
            return last
        date_, date_prec, own_date = self._own_date(match, refs, start)
        if own_date and date_ is not None and self.published is not None and \
                date_prec == DATE_DAY and (self.published - date_).days > _HISTORY_DAYS:
            # "On December 30, a strike on the city centre killed 25" in a March story:
            # an earlier event recalled for context, as is what the paragraph says next
            self.past_frame = True
            return None
        if not own_place and date_prec == DATE_MONTH and not casualties.any():
            return None  # "the clashes escalated last month": no event to map
        if own_date and date_prec == DATE_WEEK and all(
                _VAGUE_WEEK.fullmatch(fold(self.text[r.start:r.end])) for r in refs):
            return None  # "last week, heavy fighting around X": no day, not coded
        if own_date and date_prec == DATE_MONTH and all(
                r.precision == DATE_MONTH for r in refs):
            return None  # "last month, a car bomb in X": no day, not coded
        headed = not own_place and self.heading is not None and match.violent
        weak = not own_place and not headed and not own_date and not casualties.any()
        if headed:
            assert self.heading is not None
            place, place_text, precision = self.heading
        elif not own_place and match.violent and _SEPARATE.search(fold(sentence)):
            # "In a separate statement, the army said it killed eight militants in <a
            # valley the gazetteer lacks>": another event, not the last one's place nor
            # more of its dead
            self.unplaced = True
            return None
        elif not own_place and last is not None and (
                last.event.family == match.family or not match.violent):
            place, place_text, precision = last.place, last.place_text, last.precision
        elif place is None and self.headline is not None:
            place, place_text = self.headline.place, self.headline.text
            precision = _PRECISION.get(self.headline.place.kind, GEO_LINE_OR_COUNTRY)
        elif place is None and match.violent and (
                _THE_CITY.search(fold(sentence)) or _QUARTER.search(fold(sentence))) and \
                (city := self._story_city(start)) is not None:
            # "a missile struck the northern edge of the city", "shelling hit the Solino
            # neighbourhood" (a quarter the gazetteer lacks): the story's own city
            place, place_text, precision = city, city.name, GEO_POINT
        if not own_date:
            if not own_place and last is not None and last.event.family == match.family \
                    and last.date is not None:
                date_, date_prec = last.date, last.date_precision
            elif context is not None:
                date_, date_prec = context.date, context.precision
            elif self.published is not None and (casualties.any() or _REPORTING.search(
                    fold(sentence))):
                date_, date_prec = self.published, DATE_WEEK
            elif self.anchor is not None and (self.published is None or abs(
                    (self.published - self.anchor).days) <= _ANCHOR_DAYS):
                # "In Marhanets, a drone hit a car in the afternoon": the day the
                # narration is at (a summary dates its day once, at the top).
                date_ = self.anchor
                date_prec = DATE_WEEK if self.anchor == self.published else DATE_DAY
            elif self.published is not None:
                date_, date_prec = self.published, DATE_WEEK  # the narration is in history
        actor1, actor2 = find_actors(sentence, place_country=place.country if place else None,
                                     violent=match.violent)
        conf = match.confidence * (1.0 if own_place else 0.7) * (1.0 if own_date else 0.85)
        draft = _Draft(
            event=match, place=place, place_text=place_text, precision=precision,
            date=date_, date_precision=date_prec, first_offset=start,
            evidence=[sentence], casualties=casualties, actor1=actor1, actor2=actor2,
            reported_by=reported_by(sentence), confidence=round(min(1.0, conf), 3),
            date_own=own_date, date_told=own_date and self.date_told,
            date_night=own_date and self.date_night,
            tally=own_place and place is not None and place.kind in (KIND_ADMIN1, KIND_COUNTRY)
            and _DAY_TALLY.search(fold(sentence)) is not None,
        )
        merged = self._merge(draft, weak=weak or place is None)
        for n, (extra_place, extra_text, extra_precision, extra_counts) in enumerate(extras):
            self._merge(replace(draft, place=extra_place, place_text=extra_text,
                                precision=extra_precision, casualties=extra_counts,
                                evidence=list(draft.evidence),
                                first_offset=draft.first_offset + 1 + n,
                                last_told=extra_counts.killed), weak=False)
        if merged is None:
            self.unplaced = self.unplaced or (match.violent and place is None)
            return None
        self.unplaced = False
        self.last_event = merged
        return merged

    def _other_clauses(self, start: int, sentence: str, match: EventMatch,
                       refs: list[DateRef], local: DateRef | None,
                       context: DateRef | None) -> None:
        """A second clause that tells another kind of violence at a place of its own ("the
        army and the RSF traded artillery fire on Saturday, and clashes were reported in
        Bahri"): an event of its own, dated by its clause, else by the sentence. Only a
        dated sentence and a town or quarter: a summary's "fighting flared in North Kivu"
        or an undated aside is not coded apart."""
        cuts = [c.end() for c in _CLAUSE_CUT.finditer(sentence)]
        if not cuts or not refs:
            return
        for s, e in pairwise([0, *cuts, len(sentence)]):
            if s <= match.start < e:
                continue
            clause = sentence[s:e]
            other = classify(clause)
            if other is None or not other.violent or other.family == match.family:
                continue
            mentions = [m for m in self.mentions if start + s <= m.start < start + e]
            place, _text, _precision, own = self._place(clause, start + s, mentions)
            self.extra_places = []
            if not own or place is None or place.kind != KIND_PLACE:
                continue
            own_refs = [r for r in refs if start + s <= r.start < start + e]
            self._sentence(start + s, start + e, clause, other, own_refs or refs, local,
                           context, None)

    def _retold_on_day(self, sentence: str, start: int, match: EventMatch,
                       refs: list[DateRef]) -> _Draft | None:
        """The event a sentence refers back to as "the fighting on 16 November": the one
        violent event of its type told earlier with that day as its own date (the one
        with dead, if several)."""
        folded = fold(sentence)
        if not _THE_EVENT.search(folded, 0, match.start):
            return None
        days = [r.date for r in refs if r.precision == DATE_DAY and r.date is not None
                and 0 <= r.start - (start + match.end) <= _CUE_DATE_GAP]
        if not days:
            return None  # "in the fighting on 16 November": the day right after the cue
        day = days[0]
        told = [d for d in self.drafts if d.event.family == match.family and d.date_own
                and d.date == day and d.place is not None]
        if len(told) > 1:
            told = [d for d in told if d.casualties.killed]
        return told[0] if len(told) == 1 else None

    def _told_with(self, cue: str, last: _Draft) -> _Draft:
        """The latest violent draft whose evidence uses the cue word an anaphor names
        ("in the strike" after a strike and a rocket salvo: the strike), else `last`."""
        word = re.search(r"[a-z]{4,}", cue)
        if word is None or word.group(0)[:5] in fold(" ".join(last.evidence)):
            return last
        stem = word.group(0)[:5]
        for draft in reversed(self.drafts):
            if draft.event.violent and draft.place is not None and \
                    draft.event.family == last.event.family and \
                    stem in fold(" ".join(draft.evidence)):
                return draft
        return last

    def _part_at(self, sentence: str, start: int, place: Place, after: int) -> int | None:
        """The killed count an "including N in ..." part of a regional tally gives the
        town `place` (named after offset `after`), else None."""
        folded = fold(sentence)
        for part in _PART_IN.finditer(folded, after):
            if any(part.start() <= m.start - start < part.end() + 80 and m.place is not None
                   and m.place.id == place.id for m in self.mentions
                   if start <= m.start < start + len(sentence)):
                return to_number(part["num"])
        return None

    def _far_astray(self, place: Place) -> bool:
        """Is a foreign town thousands of km from every place of the story's own country,
        in a country the story never names? A misread name, not the event's site."""
        home = [m.place for m in self.mentions if m.place is not None
                and m.place.country == self.home]
        if not home or any(m.place is not None and m.place.country == place.country
                           and m.place.id != place.id for m in self.mentions):
            return False
        return all(_km(place, other) > _ASTRAY_KM for other in home)

    def _placed_clauses(self, sentence: str, start: int, match: EventMatch,
                        mentions: list[Mention]) -> list[tuple[int, int]]:
        """The other clauses of a sentence that tell a violent event of their own with a
        count and a place name of their own: told as events of their own."""
        out = []
        for s, e in _other_clauses(sentence, match):
            clause = sentence[s:e]
            other = classify(clause)
            if other is None or not other.violent or not casualty_counts(clause):
                continue
            if any(s <= m.start - start < e for m in mentions) and \
                    any(m.start - start < s or m.start - start >= e for m in mentions):
                out.append((s, e))
        return out

    def _earlier_year(self) -> bool:
        """Does the sentence date itself in a year before publication ("in the 2020 war")?"""
        published = self.published
        return published is not None and any(
            r.date is not None and r.kind in ("year", "month", "explicit")
            and r.date.year < published.year for r in self.sentence_refs)

    def _story_town(self, sentence: str, start: int, *, unplaced: bool, family: str = ""
                    ) -> tuple[Place, str] | None:
        """The town a sentence refers to as "the town's east" or "in the city": the last
        one the text introduced as a town ("Chasiv Yar, a hilltop town near ..."), a few
        sentences back, else (`unplaced`: the sentence names no place at all) the town of
        the last violent event told; None if the sentence does not refer back."""
        folded = fold(sentence)
        if not (_TOWNS_PART.search(folded) or _THE_CITY.search(folded)):
            return None
        for m in reversed(self.mentions):
            if m.start >= start:
                continue
            if start - m.start > _STORY_TOWN_SPAN:
                break
            if m.place is not None and m.place.kind == KIND_PLACE and _INTRODUCED_TOWN.match(
                    self.folded, m.end):
                return m.place, m.text
        last = self.last_event
        if unplaced and last is not None and last.event.violent and last.place is not None \
                and last.place.kind == KIND_PLACE and last.place_text:
            if last.place.population < _CITY_POP and "city" in folded and \
                    not self._called_city(last.place_text, start):
                # "the city" after an event in a small town: the last city named; when
                # the same event goes on being told, only one named since (else the
                # town is the focus: "Rockets hit X. One fell in the city.")
                same = last.event.family == family and \
                    start - last.first_offset <= _SAME_STORY_SPAN
                city = self._last_city(start, since=last.first_offset + len(
                    last.evidence[0]) if same else 0)
                if city is not None:
                    return city, city.name
            return last.place, last.place_text  # the town the story's events are in
        return None

    def _toll_target(self, sentence: str, start: int, end: int) -> _Draft | None:
        """The incident a place-less toll update ("The death toll rose to five") updates:
        the one whose place it names, else the latest told with a killed count, else the
        latest violent one. A hospital's or a morgue's town is not the event's place, nor
        a name that stands for a speaker ("the Gaza Health Ministry said")."""
        folded = fold(sentence)
        named = [m.place for m in self.mentions if start <= m.start < end
                 and m.place is not None and m.place.kind != KIND_COUNTRY
                 and not _CARE_PLACE.search(folded, 0, m.start - start)
                 and not _ORG_AFTER.match(folded[m.end - start: m.end - start + 40])
                 and not _speaks_from(folded[max(0, m.start - start - 45): m.start - start],
                                      folded[m.end - start: m.end - start + 12])]
        lead = self.row[0][:3] if self.row and self.row[0][0] < start else self.lead
        if not named and lead is not None and _UPDATE_LEAD.match(fold(lead[2])):
            # "Update on Kharkiv. The number of dead has risen to six.": the paragraph's
            # lead (or a line alone before it) names the place the update is about
            named = [m.place for m in self.mentions
                     if lead[0] <= m.start < lead[1] and m.place is not None
                     and m.place.kind != KIND_COUNTRY]
        if not named and self.heading is not None:
            named = [self.heading[0]]  # a post headed by its town: "Kupiansk. ..."
        violent = [d for d in reversed(self.drafts) if d.event.violent and d.place is not None]
        if not named and (event := _TOLL_OF_EVENT.search(folded)):
            # "raising the toll of the raid to four": an incident told before, the one
            # told as a raid if any, else the latest with a toll
            stem = event["what"][:5]
            told = next((d for d in violent if stem in fold(" ".join(d.evidence))), None) \
                or next((d for d in violent if d.casualties.killed), None)
            if told is not None:
                return told
        if not named and self.unplaced:
            return None
        if named:
            return next((d for d in violent if all(_places_compatible(p, d.place)
                                                   for p in named)), None)
        return next((d for d in violent if d.casualties.killed is not None),
                    violent[0] if violent else None)

    def _town_count(self, start: int, end: int, sentence: str, prev: _Draft,
                    casualties: Casualties, refs: list[DateRef]) -> _Draft | None:
        """A count-only sentence with its own town, elsewhere than the event just told
        ("In X, two were killed. In Y, three were injured."): a bulletin's next town, the
        same kind of event there, not more victims of the last one."""
        if prev.place is None or prev.place.kind != KIND_PLACE:
            return None
        mentions = [m for m in self.mentions if start <= m.start < end]
        place, text, precision, own = self._place(sentence, start, mentions)
        self.extra_places = []
        if not own or place is None or place.kind != KIND_PLACE or \
                _places_compatible(place, prev.place):
            return None
        lead = _TOWN_LEAD.match(fold(sentence))
        if lead is None or not any(m.start - start == lead.end() and m.place is not None
                                   and m.place.id == place.id for m in mentions):
            return None  # only "In X, ..." heads a bulletin's line; "died in X" does not
        date_, prec = prev.date, prev.date_precision
        if refs and refs[-1].date is not None:
            date_, prec = refs[-1].date, refs[-1].precision
        draft = replace(prev, place=place, place_text=text, precision=precision,
                        date=date_, date_precision=prec, first_offset=start,
                        evidence=[sentence], casualties=casualties,
                        reported_by=reported_by(sentence), speaker=None,
                        last_told=casualties.killed)
        merged = self._merge(draft, weak=False)
        if merged is not None:
            self.last_event = merged
        return merged

    def _setting(self, before: int) -> tuple[Place, str, int] | None:
        """The place an event-less sentence earlier in the paragraph sets the scene in
        (its own locative place, not a country), for a place-less event that follows."""
        saved = self.extra_places
        found = None
        for start, end, sentence, _present, match in self.row:
            if start >= before:
                break
            if match is not None:
                found = None  # that sentence's place belongs to its own event
                continue
            mentions = [m for m in self.mentions if start <= m.start < end]
            place, text, precision, own = self._place(sentence, start, mentions)
            if own and place is not None and text and place.kind != KIND_COUNTRY:
                found = place, text, precision or GEO_POINT
        self.extra_places = saved
        return found

    def _called_city(self, written: str, before: int) -> bool:
        """Did the text call `written` a city ("the southern city of X", "X city")
        before offset `before`? Then "the city" is it, whatever its population."""
        name = re.escape(fold(written))
        return re.search(rf"\bcity\s+of\s+{name}\b|\b{name}\s+city\b",
                         self.folded[:before]) is not None

    def _story_city(self, before: int) -> Place | None:
        """The city a story is about: its dateline's, else the last city named before
        offset `before`."""
        if self.dateline_place is not None:
            return self.dateline_place
        return self._last_city(before)

    def _last_city(self, before: int, since: int = 0) -> Place | None:
        """The last city (a populated place of 100,000 or more) named before `before`
        (and not before `since`)."""
        for m in reversed(self.mentions):
            if since <= m.start < before and m.place is not None and \
                    m.place.kind == KIND_PLACE and m.place.population >= _CITY_POP:
                return m.place
        return None

    def _may_speak(self, sentence: str) -> None:
        if not self.present.isdisjoint(OFFICIAL_WORDS):
            self.pending_speakers.append((sentence, self.present))

    def _speaker(self) -> str | None:
        """The country whose official spoke last (`official_speaker`), lazily."""
        for sentence, present in reversed(self.pending_speakers):
            speaker = official_speaker(sentence, present)
            if speaker:
                self.last_speaker = speaker
                break
        self.pending_speakers = []
        return self.last_speaker

    def _statement(self, start: int, sentence: str, match: EventMatch,
                   refs: list[DateRef], context: DateRef | None) -> None:
        iso = speaker_country(sentence, before=match.start) or self._speaker()
        if iso is None:
            iso = self.dateline_country
        self.last_speaker = iso
        self.pending_speakers = []
        place = self._seat(iso)
        if place is None:
            return
        ref = refs[0] if refs else context
        if ref is not None:
            date_, date_prec = ref.date, ref.precision
        elif self.published is not None:
            date_, date_prec = self.published, DATE_WEEK
        else:
            date_, date_prec = None, None
        precision = _PRECISION.get(place.kind, GEO_LINE_OR_COUNTRY)
        draft = _Draft(
            event=match, place=place, place_text=place.name, precision=precision,
            date=date_, date_precision=date_prec, first_offset=start, evidence=[sentence],
            actor1=f"Government of {country_name(iso)}" if iso else None,
            reported_by=reported_by(sentence), confidence=round(match.confidence, 3),
            speaker=iso, date_own=bool(refs),
        )
        self._merge(draft, weak=False)

    def _seat(self, iso: str | None) -> Place | None:
        """Where a government speaks from: the dateline city, else its capital."""
        if self.dateline_place is not None and (iso is None or iso == self.dateline_country):
            return self.dateline_place
        if iso is None:
            return None
        if self.capital is not None:
            place = _first_place(self.capital(iso))
            if place is not None:
                return place
        if self.lookup is not None and (name := _capital_name(iso)):
            for cand in _as_list(self.lookup(name)):
                if cand.feature == "PPLC" and cand.country == iso:
                    return cand
        for m in self.mentions:
            if m.place and m.place.feature == "PPLC" and m.place.country == iso:
                return m.place
        for m in self.mentions:
            if m.place and m.place.kind == KIND_COUNTRY and m.place.country == iso:
                return m.place
        if self.lookup is not None:
            return _first_place(self.lookup(country_name(iso)), (KIND_COUNTRY,))
        return None

    # ------------------------------------------------------------------ place
    def _place(self, sentence: str, start: int, mentions: list[Mention]
               ) -> tuple[Place | None, str | None, int | None, bool]:
        self.extra_places = []
        folded = fold(sentence)
        scored: list[tuple[tuple[int, ...], Mention, int]] = []
        for m in mentions:
            place = m.place
            assert place is not None
            rel_s, rel_e = m.start - start, m.end - start
            if _ORG_AFTER.match(folded[rel_e: rel_e + 40]) or fold(m.text) in NON_STATE \
                    or _SPEAKER_AFTER.match(folded, rel_e):
                continue  # a speaker ("Russia's Interfax") or an armed group ("Hamas")
            head = folded[max(0, rel_s - 45): rel_s]
            if _speaks_from(head, folded[rel_e: rel_e + 12],
                            folded[max(0, rel_s - 90): max(0, rel_s - 45)]):
                continue  # "the health ministry in Ramallah said", "speaking in Kyiv"
            if _RIVER_BANK.search(head) or _WAR_OVER.search(head) or _REASON.search(head) \
                    or (place.kind == KIND_COUNTRY and _FORCES_OF.search(head)):
                continue  # (not "fired rockets in response to massacres in Gaza City")
            if place.kind == KIND_COUNTRY and _OPPONENT.search(head):
                continue  # "fighting with Azerbaijan": a party to the fight, not its site
            if place.kind == KIND_PLACE and _CITYS.search(head) and _REGION_WORD.match(
                    folded[rel_e: rel_e + 30]):
                continue  # "the city's Zavodskyi district": a quarter, not a namesake town
            loc = _LOCATIVE.search(head)
            # "Kharkiv: 2 killed, 5 injured": a summary line headed by its place
            locative = loc is not None or (not head.strip(_BULLET_CHARS)
                                           and folded.startswith(":", rel_e))
            if _ROAD_AFTER.match(folded, rel_e):
                locative = False  # "on the Damascus highway": a road, not that town
            if not locative and place.kind == KIND_PLACE and _QUARTER_OF.match(sentence, rel_e):
                locative = True  # "near Mogadishu's Hodan district": in that city
            if not locative and place.kind == KIND_PLACE:
                continue  # "asked Moscow to", "Baku and Yerevan": a government, not a site
            precision = _PRECISION.get(place.kind, GEO_LINE_OR_COUNTRY)
            tail = folded[rel_e: rel_e + 20]
            if place.kind == KIND_PLACE and _NEAR.search(head):
                precision = GEO_NEAR
            if place.kind == KIND_ADMIN1 and _TOWN_OF.search(head):
                town = self._town_of(place, m.text)
                if town is not None:
                    place, precision = town, GEO_POINT
            if place.kind == KIND_PLACE and _REGION_WORD.match(tail):
                admin = self._admin_of(place, m.text, _PROVINCE_WORD.match(tail) is not None)
                if admin is not None:
                    place, precision = admin, GEO_REGION
                else:
                    precision = GEO_NEAR
            # "the town of X" names the site; "the countryside of Y" only its area
            weak_prep = loc is not None and loc.group(0).startswith("of") and \
                not _TOWN_OF.search(head)
            # A place abroad loses to one in the story's own country ("Jebel Moya, about
            # 15 km east of Singa" with Moya read as a town elsewhere).
            abroad = self.home is not None and place.country != self.home
            if abroad and place.kind == KIND_PLACE and self._far_astray(place):
                continue  # "the Karari district" of Omdurman read as a town in India
            # "In southern Gaza, ... in Rafah": a compass part of a name is an area, the
            # other name the site
            compass = _COMPASS_BEFORE.search(head) is not None or \
                _STATIONED_IN.search(head) is not None  # the shooters' base, not the target
            key = (0 if locative else 1, int(compass), int(abroad),
                   _SPECIFICITY.get(place.kind, 5), precision, int(weak_prep),
                   -int(m.confidence * 100))
            scored.append((key, Mention(m.text, m.start, m.end, place, m.confidence),
                           precision))
        scored.sort(key=lambda s: s[0])
        best = scored[0] if scored else None
        if best is not None and best[0][0] == 0:
            self.extra_places = self._coordinated(folded, start, best, mentions)
        best_kind = best[1].place.kind if best and best[1].place else None
        locative_best = best is not None and best[0][0] == 0
        if _BORDER.search(folded) and (
                best is None or best_kind == KIND_COUNTRY or not locative_best
                or (_ON_BORDER.search(folded) and best_kind != KIND_PLACE
                    and best_kind != KIND_ADMIN1)
                # "along the border in its Syunik, Vayots Dzor and Gegharkunik provinces":
                # one fight along the line, not one per province
                or (_ON_BORDER.search(folded) and best_kind == KIND_ADMIN1 and any(
                    p.kind == KIND_ADMIN1 for p, _t, _pr in self.extra_places))):
            border = self._border(sentence, mentions)
            if border is not None:
                self.extra_places = []
                return border, border.name, GEO_LINE_OR_COUNTRY, True
        if best is None:
            return None, None, None, False
        key, m, precision = best
        return m.place, m.text, precision, key[0] == 0

    def _not_restated(self, sentence: str, counts: list[Count]) -> list[Count]:
        """Counts less those that only restate an earlier toll: a count told as what
        another source reported ("the ministry informs that a serviceman died") in a
        sentence that names no place of its own, when an incident told earlier in the
        article already has that very number in that category. Such a sentence would
        otherwise add the earlier death to whatever event it follows."""
        folded = fold(sentence)
        out = []
        for count in counts:
            at, category, value, _text = count
            reported = _REPORTED_THAT.search(folded, 0, at)
            if reported is not None and value is not None and any(
                    getattr(d.casualties, category) == value for d in self.drafts
                    if d is not self.last_event):
                continue
            out.append(count)
        return out

    def _counts_by_place(self, sentence: str, start: int, mentions: list[Mention],
                         counts: list[Count]
                         ) -> list[tuple[Place, str, int, Casualties]] | None:
        """Counts that each belong to their own place, when a sentence tells two or more
        places' tolls: every count is followed by its place ("killed one in A and
        wounded two in B") or preceded by it ("in A one was killed, in B two were
        wounded"), never across another count, one reading for the whole sentence.
        None unless all counts are placed and at least two places get some."""
        folded = fold(sentence)
        sites: list[tuple[int, Place, str, int]] = []  # (offset, place, text, precision)
        for m in mentions:
            place = m.place
            if place is None or place.kind == KIND_COUNTRY:
                continue
            rel_s, rel_e = m.start - start, m.end - start
            if _ORG_AFTER.match(folded[rel_e: rel_e + 40]) or fold(m.text) in NON_STATE:
                continue
            head = folded[max(0, rel_s - 45): rel_s]
            if not _LOCATIVE.search(head):
                continue
            precision = _PRECISION.get(place.kind, GEO_LINE_OR_COUNTRY)
            if place.kind == KIND_PLACE and _NEAR.search(head):
                precision = GEO_NEAR
            sites.append((rel_s, place, m.text, precision))
        if len({site[1].id for site in sites}) < 2:
            return None
        ordered = sorted(counts)
        for follows in (True, False):  # one reading for the whole sentence
            groups: dict[str, list[Count]] = {}
            where: dict[str, tuple[Place, str, int]] = {}
            order: list[str] = []
            for i, count in enumerate(ordered):
                at = count[0]
                if follows:
                    nxt = ordered[i + 1][0] if i + 1 < len(ordered) else len(sentence)
                    near = [s for s in sites if at < s[0] < nxt and s[0] - at <= 80][:1]
                else:
                    prev = ordered[i - 1][0] if i else -1
                    near = [s for s in sites if prev < s[0] < at and at - s[0] <= 80][-1:]
                if not near:
                    break
                key = near[0][1].id
                if key not in groups:
                    groups[key], where[key] = [], near[0][1:]
                    order.append(key)
                groups[key].append(count)
            else:
                if len(order) >= 2:
                    break
        else:
            return None
        return [(*where[key], total_casualties(groups[key])) for key in order]

    def _coordinated(self, folded: str, start: int, best: tuple, mentions: list[Mention]
                     ) -> list[tuple[Place, str, int]]:
        """Places listed with the best one ("in Khartoum and Omdurman"): one event each."""
        extras: list[tuple[Place, str, int]] = []
        if folded[: best[1].start - start].endswith("between "):
            return extras  # "on the road between Tyre and Naqoura": one place, two names
        last_end = best[1].end
        precision = best[2]
        for m in mentions:
            if m.start < last_end or m.place is None or best[1].place is None:
                continue
            between = folded[last_end - start: m.start - start]
            if not _LIST_JOIN.fullmatch(between) or m.place.kind != best[1].place.kind \
                    or m.place.id == best[1].place.id:
                break
            extras.append((m.place, m.text, precision))
            last_end = m.end
        return extras

    def _admin_of(self, place: Place, written: str, province: bool = False) -> Place | None:
        """The district a town names ("the Kalbajar region" -> Kəlbəcər rayon). With
        `province` (the text said region, oblast, province, state): also the town's own
        province when its name is the town's in another form ("Zaporizhzhia region" ->
        Zaporiz'ka, "Sumy region" -> Sums'ka), as provinces named after their capital are."""
        if self.lookup is None or not place.admin1:
            return None
        names = [written, place.name]
        if province and _same_stem(fold(written), fold(place.admin1)):
            names.append(place.admin1)
        for name in names:
            for cand in _as_list(self.lookup(name)):
                if cand.kind == KIND_ADMIN1 and cand.country == place.country and \
                        fold(cand.name) == fold(place.admin1):
                    return cand
        return None

    def _town_of(self, place: Place, written: str) -> Place | None:
        """The city an admin unit is named after ("the city of Ganja")."""
        if self.lookup is None:
            return None
        for cand in _as_list(self.lookup(written)):
            if cand.kind == KIND_PLACE and cand.country == place.country:
                return cand
        return None

    def _border(self, sentence: str, mentions: list[Mention]) -> Place | None:
        if self.lookup is None:
            return None
        isos: list[str] = []
        for m in mentions:
            if m.place and m.place.kind != KIND_PLACE and m.place.country:
                isos.append(m.place.country)
        for _s, _e, iso, _k in country_refs(sentence):
            isos.append(iso)
        last = self.last_event or self.entry_prev
        if last and last.place and last.place.country:
            isos.append(last.place.country)
        seen: list[str] = []
        for iso in isos:
            if iso not in seen:
                seen.append(iso)
        for i, a in enumerate(seen):
            for b in seen[i + 1:]:
                for x, y in ((a, b), (b, a)):
                    place = _first_place(
                        self.lookup(f"{country_name(x)}-{country_name(y)} border"),
                        (KIND_LINE,))
                    if place is not None:
                        return place
        return None

    # ------------------------------------------------------------------ date
    def _own_date(self, match: EventMatch, refs: list[DateRef], start: int = 0
                  ) -> tuple[date | None, int | None, bool]:
        """The sentence's own date nearest the event cue (day precision first); the day
        a source spoke ("the governor said on Tuesday") only when nothing else dates it.
        `start`: the sentence's offset in the text (refs carry text offsets)."""
        if not refs:
            return None, None, False
        cue = start + match.start

        def rank(r: DateRef) -> tuple[bool, bool, int]:
            rel = r.start - cue
            said = bool(_SAID_ON.search(self.folded, max(0, r.start - 30), r.start)
                        or _ROSE_ON.search(self.folded, max(0, r.start - 45), r.start))
            return (said, r.precision != DATE_DAY, abs(rel) + (0 if rel >= 0 else 5))
        best = min(refs, key=rank)
        self.date_told = rank(best)[0]
        self.date_night = _NIGHT.search(self.folded, best.start, best.end) is not None
        return best.date, best.precision, True

    # ------------------------------------------------------------------ merging
    def _merge(self, draft: _Draft, *, weak: bool) -> _Draft | None:
        for other in reversed(self.drafts):
            if other.event.family != draft.event.family or other.tally != draft.tally:
                continue
            if not _dates_close(other, draft, lenient=weak):
                continue
            if not _places_compatible(other.place, draft.place):
                continue
            if _own_tolls_differ(other, draft):
                continue
            if len(draft.evidence) == 1:
                # "Three Armenian servicemen were killed ..." + "Azerbaijan said two of its
                # soldiers had been killed": each side's dead, summed
                draft.casualties = _other_side_added(other, draft.casualties,
                                                     draft.evidence[0])
            _absorb(other, draft)
            return other
        if weak:
            return None
        self.drafts.append(draft)
        return draft

    def _add_counts(self, draft: _Draft, casualties: Casualties, sentence: str) -> None:
        """Counts a later sentence gives the event: the larger toll wins, deaths told as
        added ("Two more people died in hospital") add to the toll told before, the other
        side's dead add to this side's, and a disputed figure counts for nothing."""
        if disputed(sentence):
            casualties = Casualties()  # "a figure not supported by any source"
        elif (corrected := toll_corrected(sentence)) is not None:
            draft.casualties.killed = corrected  # "the toll was revised down to 7"
        else:
            if draft.casualties.killed is not None and casualties.killed is not None and \
                    (more := added_deaths(sentence)) is not None:
                # "Three more bodies were found": more than the count told last ("12
                # killed" retold after "the toll has risen to 15" is still 15 in all)
                base = draft.last_told if draft.last_told is not None else \
                    draft.casualties.killed
                casualties = replace(casualties, killed=base + more)
            else:  # added once: "eleven attackers were also killed" is both
                casualties = _other_side_added(draft, casualties, sentence)
            if casualties.killed is not None:
                draft.last_told = casualties.killed
        _absorb(draft, _Draft(event=draft.event, place=None, place_text=None,
                              precision=None, date=None, date_precision=None,
                              first_offset=draft.first_offset, evidence=[sentence],
                              casualties=casualties, reported_by=reported_by(sentence)))

    # ------------------------------------------------------------------ output
    def _incident(self, d: _Draft) -> Incident:
        a = self.article
        place = d.place
        assert place is not None
        key = f"{a.id}|{d.event.event_type}|{place.id}|{d.date}|{d.first_offset}"
        area = None
        if self.geometry is not None and place.has_geometry and d.precision and \
                d.precision >= GEO_REGION:
            area = _area(self.geometry, place.id)
        return Incident(
            id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
            event_type=d.event.event_type,
            sub_event_type=d.event.sub_event_type,
            date=d.date,
            date_precision=d.date_precision if d.date else None,
            place=d.place_text,
            place_name=place.name,
            gazetteer_id=place.id,
            admin1=place.admin1,
            country=place.country,
            geo_precision=d.precision,
            lat=place.lat,
            lon=place.lon,
            killed=d.casualties.killed,
            wounded=d.casualties.wounded,
            captured=d.casualties.captured,
            killed_text=d.casualties.killed_text,
            wounded_text=d.casualties.wounded_text,
            actor1=d.actor1,
            actor2=d.actor2,
            reported_by=d.reported_by,
            evidence=" ".join(d.evidence),
            source=a.source,
            published=a.published,
            url=a.url,
            title=a.title,
            article_id=a.id,
            confidence=round(min(1.0, d.confidence), 3),
            area=area,
            uncertainty_km=TOLERANCE_KM.get(d.precision) if d.precision else None,
        )


@lru_cache(maxsize=512)
def _area(geometry: Callable[[str], dict | None], place_id: str) -> dict | None:
    """An area's GeoJSON, fetched once per process: provinces recur across articles and
    parsing a polygon costs more than extracting an article. Treat it as read-only."""
    return geometry(place_id)


def _dates_close(a: _Draft, b: _Draft, *, lenient: bool) -> bool:
    if a.date is None or b.date is None:
        return lenient or (a.date is None and b.date is None)
    if _within_its_week(a, b) or _within_its_week(b, a) or _told_after(a, b) or \
            _told_after(b, a):
        return True
    if a.date != b.date and a.date_own and b.date_own and not a.date_told and \
            not b.date_told and not a.date_night and not b.date_night and \
            a.date_precision == DATE_DAY and b.date_precision == DATE_DAY:
        return False  # "on Saturday ... in X" and "on Sunday ... in Y": two days, two events
    return abs((a.date - b.date).days) <= 1


def _same_stem(a: str, b: str) -> bool:
    """"zaporizhzhia" and "zaporiz'ka", "sumy" and "sums'ka": one name, two forms (a
    common start of five letters, or all but the last of a short name)."""
    a, b = re.sub(r"[^a-z]", "", a), re.sub(r"[^a-z]", "", b)
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= 3 and n >= min(5, min(len(a), len(b)) - 1)


def _own_tolls_differ(a: _Draft, b: _Draft) -> bool:
    """Two places, each with its own different death toll ("drones hit a port in the
    Odesa region, killing one" and "a missile struck the city of Odesa, killing two"):
    two events, even when one place lies in the other."""
    return a.place is not None and b.place is not None and a.place.id != b.place.id \
        and a.casualties.killed is not None and b.casualties.killed is not None \
        and a.casualties.killed != b.casualties.killed


def _other_clauses(sentence: str, match: EventMatch) -> list[tuple[int, int]]:
    """Spans of the clauses of `sentence`, other than the one of `match`, that tell an
    event of their own (see `_own_clause`)."""
    cuts = [c.end() for c in _CLAUSE_CUT.finditer(sentence)]
    if not cuts:
        return []
    bounds = [0, *cuts, len(sentence)]
    spans = list(pairwise(bounds))
    if not any(s <= match.start < e for s, e in spans):
        return []
    return [(s, e) for s, e in spans if not s <= match.start < e
            and classify(sentence[s:e]) is not None]


def _own_clause(sentence: str, start: int, match: EventMatch, mentions: list[Mention]
                ) -> list[Mention]:
    """The mentions of the clause that tells the event, when another clause of the
    sentence tells an event of its own ("insurgents killed two civilians in A, and
    troops reported an exchange of fire near B"): B is the second event's place."""
    cuts = [c.end() for c in _CLAUSE_CUT.finditer(sentence)]
    if not cuts or not mentions:
        return mentions
    bounds = [0, *cuts, len(sentence)]
    for s, e in pairwise(bounds):
        if s <= match.start < e:
            own = (s, e)
            break
    else:
        return mentions
    others = [(s, e) for s, e in pairwise(bounds) if (s, e) != own
              and classify(sentence[s:e]) is not None]
    if not others:
        return mentions
    return [m for m in mentions if not any(s <= m.start - start < e for s, e in others)]


def _cue_is_anaphor(folded: str, cue: int) -> re.Match[str] | None:
    """"The shelling came a day after ...": the cue is the subject, with a determiner,
    of a verb that places it beside another happening (the match, else None)."""
    m = _CUE_IS_ANAPHOR.match(folded, cue)
    if m is None or (not folded.startswith(("the ", "this ", "that "), cue)
                     and not _DETERMINER_BEFORE.search(folded, max(0, cue - 30), cue)):
        return None
    return m


def _across_territory(sentence: str, start: int, mentions: list[Mention],
                      place: Place | None) -> bool:
    """Is the event's place a province or country the sentence spreads it across ("killed
    17 across the Gaza Strip", "strikes throughout the region")? Then it sums several
    events a roundup tells (or never tells) one by one, and is none itself."""
    if place is None or place.kind not in (KIND_ADMIN1, KIND_COUNTRY, KIND_REGION):
        return False
    folded = fold(sentence)
    if _MANY_SITES.search(folded):
        return True  # "settlers attacked several villages in the West Bank"
    return any(m.place is not None and m.place.id == place.id and _ACROSS.search(
        folded, max(0, m.start - start - 30), m.start - start) for m in mentions)


def _told_after(a: _Draft, b: _Draft) -> bool:
    """A is dated only by the day a source told it ("the RSF said on Tuesday they had
    captured the base") and b's own day is up to three days before: the same event."""
    assert a.date is not None and b.date is not None
    return a.date_told and b.date_own and not b.date_told and 0 <= (a.date - b.date).days <= 3


def _within_its_week(a: _Draft, b: _Draft) -> bool:
    """A's date is only the week up to publication (a summary bullet, "casualties
    reported") and b's own day falls in that week: the bullet tells b's event."""
    assert a.date is not None and b.date is not None
    return not a.date_own and a.date_precision == DATE_WEEK and b.date_own and \
        0 <= (a.date - b.date).days <= 7


def _km(a: Place, b: Place) -> float:
    """Rough distance in km (equirectangular, fine for a sanity bound)."""
    dlat = (a.lat - b.lat) * 111.0
    dlon = (a.lon - b.lon) * 111.0 * math.cos(math.radians((a.lat + b.lat) / 2))
    return math.hypot(dlat, dlon)


def _places_compatible(a: Place | None, b: Place | None) -> bool:
    """Same place, or one lies in the other (country ⊃ province ⊃ town; a line or
    region overlaps the units of its own country)."""
    if a is None or b is None:
        return True
    if a.id == b.id:
        return True
    if _SPECIFICITY.get(a.kind, 5) > _SPECIFICITY.get(b.kind, 5):
        a, b = b, a  # a is the more specific one
    if b.kind == KIND_COUNTRY:
        return a.country == b.country
    if b.kind in (KIND_ADMIN1, KIND_REGION):
        if a.kind == KIND_PLACE:
            return bool(a.admin1) and fold(a.admin1) == fold(b.name)
        return a.country == b.country and a.kind != KIND_ADMIN1
    if b.kind == KIND_LINE:
        return a.kind in (KIND_LINE, KIND_REGION) and a.country == b.country
    return False


def _absorb(into: _Draft, other: _Draft) -> None:
    for sentence in other.evidence:
        if sentence not in into.evidence:
            into.evidence.append(sentence)
    if other.place is not None and (into.place is None or (other.precision or 9) < (
            into.precision or 9)):
        into.place, into.place_text, into.precision = (other.place, other.place_text,
                                                       other.precision)
    if other.date is not None and (
            into.date is None
            or (other.date_own, not other.date_told, -(other.date_precision or 9))
            > (into.date_own, not into.date_told, -(into.date_precision or 9))):
        into.date, into.date_precision = other.date, other.date_precision
        into.date_own = other.date_own
        into.date_told = other.date_told
    c, o = into.casualties, other.casualties
    if o.killed is not None:
        into.last_told = o.killed
    c.killed = _max(c.killed, o.killed)
    c.wounded = _max(c.wounded, o.wounded)
    c.captured = _max(c.captured, o.captured)
    c.killed_text = None if c.killed is not None else c.killed_text or o.killed_text
    c.wounded_text = None if c.wounded is not None else c.wounded_text or o.wounded_text
    for actor in (other.actor1, other.actor2):
        if actor is None or actor in (into.actor1, into.actor2):
            continue
        if into.actor1 is None:
            into.actor1 = actor
        elif into.actor2 is None:
            into.actor2 = actor
    into.reported_by = into.reported_by or other.reported_by
    into.confidence = min(1.0, max(into.confidence, other.confidence) + 0.05)


def _other_side_added(draft: _Draft, casualties: Casualties, sentence: str) -> Casualties:
    """A later sentence's dead of the other side of the clash ("Two soldiers were killed."
    + "Ten insurgents were also killed.") add to the event's toll: analysts sum per-side
    counts. The same side told again (a restatement) still takes the maximum."""
    if draft.casualties.killed is None or casualties.killed is None \
            or sentence in draft.evidence:
        return casualties
    new = _sides(sentence)
    old: set[tuple[str | None, str | None]] = set()
    for told in draft.evidence:
        old |= _sides(told)
    if not new or not old or any(side is None for side, _n in new | old) or any(
            a == b and (x is None or y is None or x == y) for a, x in new for b, y in old):
        return casualties
    return replace(casualties, killed=draft.casualties.killed + casualties.killed)


def _sides(sentence: str) -> set[tuple[str | None, str | None]]:
    """(side, country) of each killed count: two armies' soldiers are two sides ("7
    servicemen of the Azerbaijani army" / "6 of its servicemen", said by Armenia). The
    country is the one named nearest the count, within a clause's reach."""
    refs = country_refs(sentence)
    out: set[tuple[str | None, str | None]] = set()
    folded = fold(sentence)
    for at, side in count_sides_at(sentence, casualty_counts(sentence)):
        if _OWN_DEAD.match(folded, at) and (own := speaker_country(sentence, at)):
            # "Azerbaijan's ministry blamed Armenia and said two of its soldiers died":
            # "its" is the speaker's, whatever country is named nearer
            out.add((side, own))
            continue
        near = [(min(abs(at - e), abs(s - at)), iso) for s, e, iso, _k in refs]
        nation = min(near)[1] if near and min(near)[0] <= _NATION_REACH else None
        out.add((side, nation))
    return out


def _max(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def extract_incidents(
    article: Article,
    mentions: list[Mention] | Mentions,
    *,
    geometry: Callable[[str], dict | None] | None = None,
    lookup: Lookup | None = None,
    capital: Lookup | None = None,
) -> list[Incident]:
    """Incidents told by `article`, placed with its resolved `mentions`.

    `mentions` may be a function that returns them: it is called only if a sentence
    reports an event, so an article that reports none (about 40% of the news we measure)
    costs no toponym resolution, which is most of the cost of extraction.

    `geometry(place_id)` gives an area's GeoJSON; `lookup(name)` finds gazetteer
    entries by name (curated borders, districts); `capital(iso2)` gives a country's
    capital (PPLC) for placing statements. All are optional: without them statements
    fall back to the dateline or a mentioned capital, and borders to the countries.
    """
    if not article.text.strip():
        return []
    return _Extractor(article, mentions, geometry, lookup, capital).run()
