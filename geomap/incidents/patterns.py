"""The wording rules of incident extraction: the regexes that recognise how news
tells a site, a speaker, a toll or a recalled event, and the thresholds beside them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from geomap.actors import OFFICIAL_WORDS
from geomap.dates import DATE_STEMS
from geomap.events import TRIGGERS as EVENT_TRIGGERS
from geomap.model import (
    GEO_LINE_OR_COUNTRY,
    GEO_POINT,
    GEO_REGION,
    KIND_ADMIN1,
    KIND_COUNTRY,
    KIND_LINE,
    KIND_PLACE,
    KIND_REGION,
    Place,
)
from geomap.numbers import TRIGGERS as CASUALTY_TRIGGERS
from geomap.prefilter import prefiltered
from geomap.sentences import CueIndex

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
    r"overlooking|"
    r"off|of|hit|struck|shelled|bombed|attacked|targeted|pounded|captured|seized|"
    r"entered|recaptured|raided|stormed|besieged|rocked|shook|"
    # a headline's present tense: "Artillery hits Bureij", "Drones target Odesa port"
    r"hits|strikes|shells|bombs|attacks|targets|pounds|raids|storms|captures|seizes|rock|"
    r"enters)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:(?!(?:that|which|who|whom|where|when|and|or|but|to|as|with|by|for|from|said|"
    r"says|is|are|was|were|has|have|had|be|been|it|they|he|she|\d+)\b)[\w'-]+\s+){0,3}$"
)


# "the outskirts of the capital, Sanaa", "in the port city, Hodeidah": a name in
# apposition to a locative phrase is that phrase's place
_APPOSED = re.compile(r"\b(?:in|at|near|on|of|outside|around|into|hit|struck)\s+the\s+"
                      r"(?:[\w'-]+\s+){0,2}?(?:capital|city|town|village|port|camp)\s*,\s+$")
# "the capital Stepanakert was again targeted", "Kramatorsk came under fire": the place
# that underwent the attack, as the subject of a passive.
_STRUCK_AFTER = re.compile(
    r"\s+(?:(?:was|were|has\s+been|had\s+been|is|are)\s+(?:\w+\s+){0,2}?(?:targeted|shelled|"
    r"hit|struck|bombed|bombarded|attacked|pounded|rocketed)|came\s+under\s+(?:\w+\s+){0,3}?"
    r"(?:fire|shelling|attack|bombardment))\b")
# "shot dead three civilians trying to leave the Toretsk area": where the victims were
_LEAVING = re.compile(r"\b(?:leave|leaving|flee|fleeing|escape|escaping|evacuate|"
                      r"evacuating)\s+(?:the\s+)?$")
# "on the road between Kfar Roummane and Nabatieh": the second town of a stretch (the first
# unknown to the gazetteer) is near the site
_BETWEEN_AND = re.compile(r"\bbetween\s+(?:[\w'-]+\s+){1,4}?and\s+$")
_NEAR = re.compile(r"\b(?:near|outside|around|overlooking|outskirts\s+of|vicinity\s+of|close\s+to|"
                   r"(?:countryside|suburbs?|environs|periphery)\s+of|"
                   r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of|km\s+from|"
                   r"kilomet\w+\s+from)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}$")


# What follows the place that heads a summary line: "Kharkiv: ...", "X hromada – ...",
# "Nikopol district - ..." (a colon, or a spaced dash: "Seredyna-Buda" is one name)
_LINE_HEAD_AFTER = re.compile(r"(?:\s+(?:region|district|province|oblast|governorate|state|"
                              r"rayon|raion|county|area|township|municipality|hromada|"
                              r"community))?\s*(?::|\s[-–—]\s)")
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
    r"council|state\s+media|mediated|backed|regime|ombuds\w*|"
    # "The Artsakh Human Rights Defender reports that ...": the office that speaks
    r"human\s+rights\s+(?:defender|commissioner|commission|council|office))\b|"
    # "Karabakh's ombudsman said one civilian was killed": an office's holder speaking (not
    # "the Kharkiv governor said", which most often names the town hit)
    r"^'s\s+(?:[\w-]+\s+){0,2}?(?:ombuds\w*|governor|mayor|police|prosecutor)\b"
)


# "Israel says two soldiers were killed", "Kyiv claimed": the name is the speaker.
_SPEAKER_AFTER = re.compile(r"\s+(?:says|said|claims|claimed|accuses|accused|denies|denied|"
                            r"insists|insisted|warns|warned|told)\b")


# "the health ministry in Ramallah said", "officials in Kherson told": the speaker's seat.
_SEAT_HEAD = re.compile(r"\b(?:ministry|officials?|authorities|office|spokes\w+|agency|"
                        r"civil\s+defen[cs]e|rescuers|medics|red\s+crescent|red\s+cross|"
                        r"governor|administration|police|army|military|hospital\s+director|"
                        r"division|brigade|battalion|regiment|corps|command|headquarters|"
                        r"correspondent|reporter|observers|analysts|commentators|experts|"
                        r"diplomats)\s+(?:based\s+)?in\s+(?:the\s+)?$")


# "In the capital, the mayor said ...": a sentence set in the story's capital, unnamed
_IN_THE_CAPITAL = re.compile(r"\W*in\s+the\s+(?:country's\s+|nation's\s+)?capital\s*,")
# "Ukraine's second-largest city", "the region's main port": a city the sentence leaves
# unnamed, qualified by its country or province
_ITS_UNNAMED_CITY = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:city|town|port|capital)\b")


# "Zelensky, speaking in Kyiv, called the strike on Odesa ...": where a speaker spoke.
_SPEAKING_IN = re.compile(r"\b(?:(?:speaking|talking|addressing\s+\w+|interviewed|reporting)\s+"
                          r"(?:to\s+\w+\s+)?(?:in|from|at)|"
                          # "the ministry said in Yerevan that", "told reporters in Kyiv",
                          # "said at a briefing in Baku": where the words were spoken
                          r"(?:said|says|told(?:\s+\w+){1,3}?|announced|stated|added|wrote)"
                          r"(?:\s+at\s+(?:a|an|the)(?:\s+[\w-]+){1,3}?)?\s+(?:in|from))"
                          r"\s+(?:the\s+)?$")


# (past an appositive: "the defense ministry in Stepanakert, the region's main city, said")
# (or what the office did with its words or figures: "the ministry in Ramallah named the
# three", "... released footage", "... put the toll at")
_SEAT_TAIL = re.compile(r"^\s*(?:,[^,.;]{1,45},\s*)?(?:said|says|told|reported|announced|stated|"
                        r"confirmed|named|identified|released|published|issued|posted|"
                        r"updated|put|gave|added|accused|blamed|denied|condemned|warned|"
                        r"urged|called|see|saw|view|viewed|regard|regarded|argue|argued|"
                        r"believe|believed)\b")


def _speaks_from(head: str, tail: str, before: str = "") -> bool:
    """Is a place named only as where a speaker is ("the ministry in Ramallah said",
    "according to the health ministry in Ramallah, ten were killed")? `before` is the
    text ahead of `head`, where an "according to" may open the attribution."""
    if _SEAT_HEAD.search(head) and (_SEAT_TAIL.match(tail) or (
            tail.startswith(",") and _ACCORDING.search(before + head))):
        return True
    return bool(_SPEAKING_IN.search(head))


# "the head of the Donetsk region, Vadym Filashkin, said": the place is in a title
_TITLE_OF = re.compile(r"\b(?:head|governor|mayor|chief|leader|administrator|prosecutor|"
                       r"spokes(?:man|woman|person))\s+of\s+(?:the\s+)?$")


# "In Kyiv, President Zelensky said ...": the place that opens the sentence is where the
# speaker speaks
_OPENS_IN = re.compile(r"\W*in\s+")
_SPEAKER_NEXT = re.compile(r"\s*,\s+(?:[\w'.-]+\s+){1,6}?(?:said|says|told|announced|stated|"
                           r"presented|described|portrayed|called|blamed|accused|denied)\b")
# "the Moscow-led alliance", "Iran-backed militias": the name qualifies an actor
_ATTRIBUTE_AFTER = re.compile(r"-(?:led|backed|based|brokered|mediated|allied|aligned|"
                              r"installed|appointed|controlled|held|funded|supported)\b")


def names_speaker(folded: str, rel_s: int, rel_e: int) -> bool:
    """Is the name at `folded[rel_s:rel_e]` there for who speaks, not where the event
    was: a speaker ("Russia's Interfax", "Israel says") or its seat ("the ministry in
    Ramallah said", "according to the ministry in Ramallah, ...")?"""
    return bool(_ORG_AFTER.match(folded[rel_e: rel_e + 40])
                or _SPEAKER_AFTER.match(folded, rel_e)
                or _ATTRIBUTE_AFTER.match(folded, rel_e)
                or _TITLE_OF.search(folded, max(0, rel_s - 40), rel_s)
                or (_OPENS_IN.fullmatch(folded, 0, rel_s) is not None
                    and _SPEAKER_NEXT.match(folded, rel_e) is not None)
                or _speaks_from(folded[max(0, rel_s - 45): rel_s], folded[rel_e: rel_e + 64],
                                folded[max(0, rel_s - 90): max(0, rel_s - 45)]))


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
# "Across the Dnipro, the Nikopol district was attacked": a town is not "the" town; a
# river is (its name read as the city on it)
_ACROSS_RIVER = re.compile(r"\b(?:across|beyond|crossing|crossed|over)\s+the\s+$")


# "in response to ... in X", "to avenge ... in X": a reason's place, not the site
_REASON = re.compile(r"\b(?:in\s+(?:response|retaliation|reprisal|revenge)\s+(?:to|for)|"
                     r"to\s+avenge|in\s+reply\s+to)\b[^.;]{0,40}$|"
                     # "causing widespread power cuts in several states including Khartoum":
                     # where the strike's effects reached, not where it fell
                     r"\b(?:power\s+cuts?|(?:power\s+|electricity\s+)?outages?|blackouts?)\s+"
                     r"(?:in|across|to)\s+(?:[\w'-]+\s+){0,4}$")
# "causing outages in several cities": the effects reached many places, not the strike
_EFFECT_IN = re.compile(r"\b(?:outages?|cuts?|blackouts?|shortages?|disruptions?)\s+"
                        r"(?:in|across|to)\s+$")


# "The death toll rose to 11": a later toll of the event just told, even a paragraph on.
_TOLL_UPDATE = prefiltered(re.compile(
    r"\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|killed|victims|fatalities|"
    r"people\s+killed|bodies))\b(?:\s+[\w'-]+){0,8}?"
    r"\s+(?:rose|rises|risen|climbed|climbs|jumped|reached|reaches|increased|grew|surged|"
    r"exceeded|exceeds|topped|surpassed|"
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
# ("Update on Kharkiv.", "Kharkiv update:": a post's heading too, naming what it updates)
_HEADING_REST = re.compile(r"\s*(?:(?:an?\s+)?(?:update|updates|latest|more|news)\s+"
                           r"(?:on|from)\s+)?"
                           r"(?:(?:the\s+)?(?:city|town|region|district|province|oblast|"
                           r"raion|rayon|governorate|state|county|area|community|front|"
                           r"direction|sector|axis)\b)?\s*(?:update\s*)?[.:]\s*")


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


# An event dated further back than this is recalled, not reported: daily news tells the
# last day or two, a weekly roundup its week (gold never codes an event 9+ days old).
_HISTORY_DAYS = 8
_OUTBREAK_DAYS = 30  # ... but the outbreak of the war the story is about is its news


_ANCHOR_DAYS = 7  # a narrated day further from publication is history, not today's news


# "killed in the fighting on ...": a definite reference to a fight already told.
_THE_EVENT = re.compile(r"\b(?:in|during)\s+the\s+$")


_CUE_DATE_GAP = 8  # " on ", " of ": characters from the cue to its day


# "two of its soldiers", "three of our servicemen": the speaker's own dead
_OWN_DEAD = re.compile(r"[\w,-]+\s+(?:of\s+)?(?:its|our|their)\s+(?:own\s+)?\w+")


_NATION_REACH = 80  # characters between a count and the country it belongs to


# Where a sentence's second clause starts: ", and troops reported ...", "; police ..."
# "... killed a civilian in Tartar on Sunday and Azerbaijani forces pounded Stepanakert":
# "and" before armed actors doing a deed of their own opens a clause with its own site
_ACTOR_AND = (r"\s+and\s+(?=(?:the\s+)?(?:[\w-]+\s+){0,2}(?:forces|troops|army|militants|"
              r"fighters|rebels|soldiers|units|jets|warplanes|drones|militia|gunmen)\s+"
              r"(?:also\s+)?\w+ed\b)")
_ACTOR_CLAUSE = re.compile(_ACTOR_AND)
_CLAUSE_CUT = re.compile(r",\s+(?:and|while|whereas|but|as)\s+|;\s+|" + _ACTOR_AND)


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


# "the governor said on Tuesday", "in a statement (issued) on Wednesday": the day of the
# telling, not of the event.
_SAID_ON = re.compile(r"\b(?:said|says|reported|announced|added|told\s+\w+|stated|wrote|"
                      r"(?:statement|communiqu[eé]|report|video|post)(?:\s+(?:it\s+)?"
                      r"(?:issued|released|published|posted|put\s+out))?)"
                      r"\s+(?:on\s+|late\s+|early\s+)?$")


# "the death toll rose to 28 on Wednesday": the day the toll was told, not the event's
_ROSE_ON = re.compile(r"\b(?:rose|risen|rises|climbed|jumped|reached|increased|grew|stood|"
                      r"stands)\s+(?:to\s+|at\s+)?[\w,]+(?:\s+(?:dead|people|deaths))?\s+"
                      r"(?:(?:on|by|late\s+on|early\s+on)\s+)?$")


# "The attack early on Tuesday hit several districts": the event told before, dated
_EVENT_DATED = re.compile(r"\W*(?:the|that|this)\s+(?:[\w-]+\s+){0,2}?(?:attack|strikes?|"
                          r"shelling|bombing|raid|assault|explosion|blast|bombardment)\b")


# Hundreds "have been killed" with no weapon, fight or day named: a running tally.
_PERFECT_TALLY = re.compile(r"\b(?:have|has)\s+(?:now\s+|reportedly\s+|since\s+|so\s+far\s+|"
                            r"already\s+)?(?:been\s+killed|"
                            r"died|lost\s+their\s+lives|killed)\b")


_TALLY_MIN = 100


_WAR_TALLY_MIN = 500  # a toll this large told in the perfect is a war's, not a strike's


# The cue refers back: "as a result of the shelling", "in this attack".
_ANAPHOR = re.compile(r"(?:^\W*|\b(?:as\s+a\s+result\s+of|in|during|after|from|by)\s+)"
                      r"(?:the|this|that|these|those)\s+(?:[\w-]+\s+)?$")


# "killed in the strike": the cue itself holds the article ("the strike")
_ANAPHOR_PREP = re.compile(r"(?:^\W*|\b(?:as\s+a\s+result\s+of|in|during|after|from|by)\s+)$")


# "The strike came a day after ...", "The shelling came as ...": the event just told.
_CUE_IS_ANAPHOR = re.compile(r"(?:(?:the|this|that)\s+(?:[\w-]+\s+)?)?(?:(?:strikes?|attacks?|"
                             r"shelling|bombing|raid|blast|explosion)\s+(?:came|comes|was|"
                             r"happened|occurred|took\s+place|followed|began|started)|"
                             # "The exchange of fire came a day after ...": fighting placed
                             # beside another happening ("the fighting took place near X"
                             # places it: no anaphor)
                             r"(?:exchanges?\s+of\s+fire|fighting|clashes|violence|escalation|"
                             r"assault|offensive)(?:\s+(?:in|on|along|around)\s+the\s+[\w-]+)?"
                             r"\s+(?:came|comes|followed))\b")


_DETERMINER_BEFORE = re.compile(r"(?:^|\W)(?:the|this|that)\s+(?:[\w-]+\s+)?$")


# "Mogadishu's Hodan district", "Gaza City's Zeitoun": a quarter of the city named before
# it, which the gazetteer often lacks (the locative word stands before the quarter).
# Matched on the original text: the quarter's name is capitalised.
_QUARTER_OF = re.compile(r"['’]s\s+(?:[A-Z][\w'-]+\s+){1,3}(?:district|neighbou?rhood|quarter|"
                         r"suburb|area|camp|refugee\s+camp)s?\b|['’]s\s+[A-Z][\w'-]+"
                         r"(?:\s+[A-Z][\w'-]+)?(?=\s*(?:$|[.,;:]))")


_CITYS = re.compile(r"\bthe\s+(?:city|town)['’]s\s+$")


# A live page's entry stamp, at a paragraph's start: "12:05 BST -", "9:12 am —", "14:05"
# alone on its line, "19 May, 17:05", "Tuesday, 3 June 2025 - 09:30", "09.30 GMT:"
_STAMP = re.compile(
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\W+)?(?:(?:\d{1,2}\s+[a-z]{3,9}\.?"
    r"(?:\s+\d{4})?|[a-z]{3,9}\.?\s+\d{1,2}(?:,?\s+\d{4})?)\W+)?\d{1,2}[:.]\d{2}"
    r"(?:\s*(?:gmt|bst|utc|cet|cest|eet|eest|msk|est|edt|ist|local\s+time|[ap]\.?m\.?))?"
    r"\s*(?:[-–—|:]\s*|$)", re.I)
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


# "killed across the country", "throughout the region": the land itself, named by a noun
_ACROSS_THE_LAND = re.compile(r"\b(?:across|throughout|all\s+over)\s+(?:the\s+)?(?:whole\s+|"
                              r"entire\s+)?(?:country|region|province|territory|strip|enclave|"
                              r"state|nation)\b")
_ACROSS = re.compile(r"\b(?:across|throughout|all\s+over)\s+(?:the\s+)?(?:[\w'-]+\s+)?$")


# ... and what it came after: " a day after", " hours after", " as", " amid"
_THEN = re.compile(r"(?:\s+(?:just|only|barely))?(?:\s+(?:a|an|one|two|three|several|a\s+few|"
                   r"\w+)\s+(?:days?|hours?|nights?|minutes?))?\s+(?:after|as|amid|when|while)\b")


_DAY_TALLY = re.compile(r"\b(?:(?:over|in|during|for)\s+the\s+(?:past|last|previous)\s+"
                        r"(?:day|24\s+hours|twenty-four\s+hours)|over\s+the\s+day|"
                        r"during\s+the\s+day|in\s+total)\b")


# "In Sloviansk, three were injured": a bulletin's line headed by its town.
_TOWN_LEAD = re.compile(r"\W*(?:in|at)\s+(?:the\s+(?:town|city|village)\s+of\s+)?")
# "Another civilian was injured in Druzhkivka on Friday": a bulletin's next town, told
# after its count (not "died in hospital in X": a place of care is no event's site)
_HARMED_IN = re.compile(r"\b(?:was|were)\s+(?:also\s+)?(?:killed|injured|wounded)\s+in\s+"
                        r"(?:the\s+(?:town|city|village|settlement)\s+of\s+)?$")


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


# Where people flee or move to is not where the violence was: "as residents continued to
# flee the state capital towards Gedaref", "families fled to Rafah".
_FLIGHT_TO = re.compile(r"\b(?:fle[de]|fleeing|flees|escap(?:e|ed|ing)|evacuated|relocated|"
                        r"displaced|sought\s+refuge|took\s+refuge|heading|headed|moved|"
                        r"made\s+their\s+way)\b[^.;]{0,50}?\b(?:to|towards?|into|for)\s+"
                        r"(?:the\s+)?(?:[\w'-]+\s+){0,3}$|"
                        # "a refuge for people who fled the fighting in Khartoum": what they
                        # fled, told of the people (the event is elsewhere)
                        r"\b(?:who|that|had)\s+(?:\w+\s+)?(?:fled|escaped)\s+(?:the\s+)?"
                        r"(?:fighting|war|violence|clashes|shelling|bombing)\s+in\s+$")
# "on the hills overlooking Sake, about 25 km west of Goma": an appositive that says where
# the place just named lies; its town is a reference point, not the site.
_REFERENCE_POINT = re.compile(
    r",\s*(?:about|some|around|roughly|nearly|approximately|just|only)?\s*\d+(?:\.\d+)?\s*"
    r"(?:km|kilomet(?:er|re)s?|miles?)\s+(?:\([^)]{1,20}\)\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?\s+)?(?:of|from)\s+(?:the\s+)?"
    r"(?:[\w'-]+\s+){0,2}$")
# "Russia launched 112 drones against Ukraine": a country before its deed is the attacker
_ATTACKER_AFTER = re.compile(r"\s+(?:has\s+|had\s+|have\s+|also\s+)?(?:launched|fired|struck|"
                             r"attacked|shelled|hit|sent|targeted|bombed|carried\s+out|"
                             r"used|deployed)\b")
# ", a day after gunmen shot dead 12 civilians": a clause that tells an earlier deed
_EARLIER_DEED = re.compile(r",\s+(?:(?:a|one|two|three|four|five|several|\d+)\s+(?:days?|hours?|"
                           r"weeks?)\s+)?(?:after|following)\s+(?:[\w'-]+\s+){0,4}?(?:killed|"
                           r"shot|attacked|stormed|struck|hit|raided|ambushed|executed|massacred)\b")
# "The shells slammed into ...": the cue itself is the subject, named as known
_DEFINITE_CUE = re.compile(r"\W*(?:the|these|those|that|this)\s+(?:[\w-]+\s+)?")
# "In Khartoum's southern Jabal Awliya area": a part of the place named before it, the site
_COMPASS_WORDS = (r"northern|southern|eastern|western|central|north-?eastern|north-?western|"
                  r"south-?eastern|south-?western")
_PART_OF_NAMED = re.compile(r"[a-z]['’]s\s+(?:(?:" + _COMPASS_WORDS
                            + r"|outlying|suburban)\s+)?$")
# ("Khartoum's southern Jabal Awliya area" names a part by its place in the city: the
# part is the site, so a possessive before the compass word does not make it an area)
_COMPASS_BEFORE = re.compile(r"(?<!'s\s)(?<!’s\s)\b(?:" + _COMPASS_WORDS + r")\s+$")


# A sentence that says it tells another event than the one before.
_SEPARATE = re.compile(r"\b(?:separate(?:ly)?|in\s+another\s+(?:incident|attack|strike|raid)|"
                       r"elsewhere(?!\s+in\s+the\s+(?:same\s+)?(?:city|town|village|capital|"
                       r"region|district|area|province|oblast|camp))|in\s+a\s+different)\b")


# "the toll of the raid", "the death toll from the strike": the toll names its event.
_TOLL_OF_EVENT = re.compile(
    r"\btoll\s+(?:of|from|in)\s+(?:the|this|that|(?:mon|tues|wednes|thurs|fri|satur|sun)"
    r"day's|yesterday's)\s+(?:[\w-]+\s+){0,2}?(?P<what>raid|strike|attack|shelling|bombing|"
    r"assault|ambush|explosion|blast|massacre|clash(?:es)?|incursion|operation)s?\b")


# "the troops had come to the village after a PDF mine attack on a convoy": an event
# told as what came before, so the cause of what was just told, not a part of it
_AFTER_BEFORE_CUE = re.compile(r"\b(?:after|following|in\s+(?:retaliation|response)\s+"
                               r"(?:for|to))\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,3}$")
_RAID = re.compile(r"\b(?:raids?|incursions?|(?:military|security|army)\s+operations?|"
                   r"stormed|storming)\b")


# "The troops opened fire": the cue is a deed and "the troops" its doer, not an anaphor.
# "The attack killed seven", "It killed seven", "the paramilitaries said the raid killed
# seven": the subject of the deed is the event just told, so its toll is that event's
# (unlike "The soldiers killed two", whose subject is an actor).
_EVENT_SUBJECT = re.compile(
    r"(?:^\W*|\b(?:said|says|added|reported|claimed)\s+(?:that\s+)?)(?:(?:the|this|that)\s+"
    r"(?:[\w-]+\s+)?(?P<noun>attacks?|raids?|strikes?|blasts?|bombings?|bombardment|"
    r"assaults?|shelling|explosions?|ambush|barrage|airstrikes?)|it)\s+$")


_DEED = re.compile(r"(?:opened|fired|exchanged|shot|killed|attacked|struck|hit|shelled|"
                   r"bombed|launched|stormed|raided|ambushed|repelled|repulsed|fought)\b")


# An exchange told only as fire at positions, no fighting word: its weapon is unnamed.
_FIRE_ONLY = re.compile(r"\b(?:subject(?:ed|ing)?\s+(?:[\w,-]+\s+){0,14}?to\s+(?:\w+\s+)?fire|"
                        r"(?:opened|directed)\s+fire|fired\s+(?:at|on))\b")


_REPORTING = re.compile(r"\b(?:said|says|reported|according|told|confirmed|claimed|stated|"
                        r"accused|accuses)\b")


# "A, B and the village of C": a list's last member named with its kind
_LIST_JOIN_KIND = re.compile(r"\s*,?\s+and\s+the\s+(?:village|town|city|settlement)\s+of\s+")
# "In one incident, gunmen fired a missile at troops, who called in a drone strike": a
# moment of the fight just told (at its site, or at none), not an event of its own
_ONE_INSTANCE = re.compile(r"\W*(?:in|during)\s+one\s+(?:incident|instance|case|attack|"
                           r"engagement|encounter|clash)\b")
_OTHER_ACCOUNT = re.compile(r"\b(?:gave|offered|provided|presented)\s+(?:a|its|their)\s+"
                            r"(?:own\s+|different\s+|differing\s+|contrasting\s+|"
                            r"conflicting\s+)+(?:account|version)\b")
_SINCE_FIGHTING = re.compile(r"\bsince\s+the\s+(?:clashes|fighting|hostilities|battles?)\s+"
                             r"(?:began|started|erupted|broke\s+out)\b")
_PARTICIPLE_OPENS = re.compile(r",\s+(?:\w+ly\s+)?(?:also\s+)?$")
# "two of its soldiers", "for its part": the teller's own dead
_OWN_LOSSES = re.compile(r"\b(?:of\s+(?:its|their)\s+(?:own\s+)?(?:servicem[ae]n|soldiers|troops|"
                         r"fighters|personnel|members)|(?:its|their)\s+own|for\s+(?:its|their)"
                         r"\s+part)\b")
