"""Which ACLED event a sentence reports, if any, and whether it is today's news.

Keyword rules over folded text, checked against the words around each cue: a cue under
negation ("denying that ... a ceasefire"), in a hypothetical ("could lead to fighting")
or in background ("the 1990s war", "claimed more than 6,500 lives", "since 1994") does
not make an incident. One sentence reports one event: the most specific cue wins.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date

from geomap import taxonomy as tx
from geomap.dates import DATE_DAY, DATE_WEEK, DateRef, find_dates
from geomap.sentences import CueIndex, fold


@dataclass(frozen=True, slots=True)
class EventMatch:
    """The event a sentence reports; (start, end) is the cue's span in the sentence."""

    event_type: str
    sub_event_type: str
    confidence: float
    start: int
    end: int
    generic: bool = False  # only "was killed": no weapon or fight named

    @property
    def violent(self) -> bool:
        return self.event_type in tx.VIOLENT_EVENT_TYPES

    @property
    def family(self) -> str:
        """What merges: all violent events of one type, or one strategic sub-type."""
        return self.event_type if self.violent else f"{self.event_type}/{self.sub_event_type}"


def _r(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# "was shot with live ammunition", "were shot in the legs by soldiers": one side's fire at
# people told in the passive (a raid's shooting); a battle if those shot were armed.
_SHOT_BY = _r(
    r"\b(?:was|were|been|being)\s+(?:\w+\s+)?(?:shot|wounded|injured|hit)\s+"
    r"(?:[\w'-]+\s+){0,6}?(?:with|by)\s+(?:an?\s+)?live\s+(?:bullets?|ammunition|rounds?|"
    r"fire)\b|\b(?:was|were|been|being)\s+shot\s+(?:[\w'-]+\s+){0,6}?by\s+(?:the\s+)?"
    r"(?:[\w'-]+\s+)?(?:forces|troops|soldiers|police|policem[ae]n|army|settlers|gunmen)\b"
)

# (pattern, event_type, sub_event_type, weight), most specific first.
_VIOLENT_RULES: list[tuple[re.Pattern[str], str, str, float]] = [
    (_r(r"\bsuicide\s+(?:bomb\w*|attack\w*|car\s+bomb|vest|blast|explosion)"),
     tx.EXPLOSIONS, tx.SUICIDE_BOMB, 0.9),
    (_r(r"\b(?:ieds?|improvised\s+explosive|roadside\s+bomb\w*|car\s+bomb\w*|land\s?mines?|"
        r"booby[- ]trap\w*|explosive\s+device|"
        # "their truck hit an anti-tank mine", "drove over a mine", "hit a land mine"
        r"(?:hit|struck|drove\s+(?:over|onto)|ran\s+over|triggered)\s+(?:an?\s+)?"
        r"(?:unexploded\s+)?(?:anti-?(?:tank|personnel)\s+|land\s?)?mines?\b(?!\s+of\b)|"
        r"(?:anti-?(?:tank|personnel)\s+)?mine\s+"
        r"(?:blast|explosion|exploded)|stepped\s+on\s+a\s+mine|anti-?(?:tank|personnel)\s+mines?|"
        r"bomb\s+(?:blast|exploded|"
        r"went\s+off)|detonated)\b"),
     tx.EXPLOSIONS, tx.REMOTE_EXPLOSIVE, 0.85),
    # "An explosion killed four people at a market": a blast told by its toll
    # ("an explosion in a street of X, north of Y, killed six": the place told at length)
    (_r(r"\b(?<!gas\s)(?<!boiler\s)(?<!industrial\s)(?:explosions?|blasts?)\s+"
        r"(?:(?:at|in|on|near)\s+[^.;]{1,80}?[\s,])?(?:killed|kills|killing|wounded|"
        r"wounding|injured|injuring|ripped\s+through|tore\s+through)\b|"
        # "one person was killed and several wounded in explosions in the X district"
        r"\b(?:killed|wounded|injured|hurt)\s+(?:[\w-]+\s+){0,4}?in\s+(?:an?\s+|the\s+)?"
        r"(?:series\s+of\s+|several\s+|multiple\s+|two\s+|three\s+)?(?:powerful\s+)?"
        r"(?:explosions|blasts)\b(?!\s+at\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:gas|fuel|chemical|"
        r"fireworks?|factory|plant|mine)\b)"),
     tx.EXPLOSIONS, tx.REMOTE_EXPLOSIVE, 0.7),
    # "air raid shelters", "an air raid siren": the alarm or the refuge, not a raid
    (_r(r"\b(?:air\s?strikes?|air\s?raids?(?!\s+(?:shelters?|sirens?|alerts?|alarms?|"
        r"warnings?|signals?|drills?|precautions?))|air\s+attacks?|"
        # "a ground and air assault on X": the bombardment is what kills
        r"(?:ground|land)\s+and\s+air\s+(?:assaults?|offensives?|attacks?|operations?)|"
        r"air\s+and\s+ground\s+(?:assaults?|offensives?|attacks?|operations?)|aerial\s+(?:bombard\w*|attack\w*|"
        r"strikes?)|drone\s+(?:strikes?|attacks?)|(?:drones?|uavs?|warplanes?|jets?|"
        r"aircraft|helicopters?|gunships?)\s+(?:(?:had|have|has|also|then|later|again|"
        r"reportedly)\s+){0,3}(?:struck|hit|bombed|attacked|targeted|fired|"
        # "an enemy warplane launched a raid on a house in the town of X"
        r"pounded|raided|(?:launched|carried\s+out|conducted|staged)\s+(?:an?\s+|\w+\s+){0,3}?"
        r"(?:air\s?)?(?:raids?|strikes?))|"
        # "a building destroyed by an enemy raid": a raid that flattens buildings is an air raid
        r"(?:destroyed|flattened|levell?ed|demolished)\s+by\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?"
        r"(?:air\s?)?raids?|(?:dropped|drops|dropping)\s+(?:[\w-]+\s+){0,2}?(?:explosives?|"
        r"munitions?|grenades?)|"
        r"(?:struck|hit|attacked|targeted|killed|wounded|injured)\s+by\s+(?:an?\s+)?"
        r"(?:[\w-]+\s+)?(?:drones?|uavs?|warplanes?|jets?|aircraft)\b|kamikaze\s+drones?|(?:attack(?:ed)?|strike|struck|hit|target(?:ed)?|pound(?:ed)?)\s+"
        r"(?:[\w'-]+\s+){0,9}?"
        r"with\s+(?:[\w-]+\s+){0,4}?(?:drones?|uavs?)|(?:drones?|uavs?)\s+(?:[\w()-]+\s+){1,8}?"
        r"(?:struck|hit|crashed\s+into|exploded|targeted|slammed\s+into)|(?:launched|fired|sent)\s+(?:[\w-]+\s+){0,2}?(?:drones?|uavs?)\s+"
        r"(?:at|on|against|towards?)|bombed|bombing\s+raids?|barrel\s+bombs?|"
        r"(?:glide|guided|aerial|gravity|air-dropped)\s+(?:aerial\s+)?bombs?|kabs?|"
        r"shaheds?|bombs?\s+(?:fell|landed|rained|struck|hit)|dropped\s+(?:\w+\s+)?bombs?|"
        # "attacked with explosives launched from a drone"
        r"(?:explosives?|bombs?|grenades?|munitions?)\s+(?:dropped|launched|fired)\s+(?:from|by)\s+"
        r"(?:an?\s+)?(?:[\w-]+\s+)?(?:drones?|uavs?|quadcopters?)|"
        # "a Russian drone injured two women": the weapon as the subject of the harm
        r"(?:drones?|uavs?|quadcopters?|air\s?strikes?|warplanes?)\s+(?:also\s+)?"
        r"(?:killed|wounded|injured|kills|wounds|injures)\b|"
        # "a quadcopter opened fire on the street": the drone's gun is the drone's fire
        r"(?:drones?|uavs?|quadcopters?|helicopters?|gunships?)\s+(?:[\w-]+\s+)?opened\s+fire|"
        # "a woman was killed by a drone": the weapon told as the killer
        r"(?:killed|wounded|injured|hit|struck)\s+by\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:drones?|uavs?|air\s?strikes?|warplanes?|quadcopters?))\b"),
     tx.EXPLOSIONS, tx.AIR_DRONE, 0.85),
    # "fired flare shells over the border villages": light, not fire on anyone
    (_r(r"\b(?:(?<!flare\s)(?<!illumination\s)(?<!illuminating\s)shell(?:ing|ed|fire|s)?|artillery|(?:rockets?|missiles?)(?!\s+(?:defen[cs]es?|"
        r"systems?|programm?e?s?|technology|launchers?|tests?|shields?|interceptors?|deals?|"
        r"sales?|factory|plants?|makers?|engines?|scientists?|lifted|launch\w*|industry))|"
        r"rocket\s+fire|mortars?|tank\s+(?:fire|shells?|rounds?)|"
        r"bombard\w*|howitzers?|mlrs|grad|multiple\s+rocket|cluster\s+munitions?|"
        r"heavy\s+weapons?\s+fire|projectiles?|"
        # "Azerbaijani units fired at the village of Sotk": an army's fire on a settlement,
        # from its positions (at a house, a car or people it is one-sided violence)
        r"(?:units|troops|forces|army)\s+(?:\w+\s+){0,2}?(?:fired|opened\s+fire)\s+(?:at|on)\s+"
        r"(?:the\s+)?(?:[\w-]+\s+)?(?:villages?|towns?|settlements?|city|outskirts)\b|"
        # "Residential quarters of A, B and C came under fire": settlements as the target
        r"(?:residential\s+(?:quarters|areas|districts|buildings)|villages|towns|"
        r"settlements)\s+(?:[\w,'’-]+\s+){0,8}?came\s+under\s+(?:heavy\s+)?fire|"
        # "bombs fired from the hills landed near the camp": bombs lobbed, not dropped
        r"bombs?\s+(?:were\s+)?(?:fired|lobbed))\b"),
     tx.EXPLOSIONS, tx.SHELLING, 0.8),
    (_r(r"\bgrenades?\b"), tx.EXPLOSIONS, tx.GRENADE, 0.8),
    (_r(r"\b(?:(?:another|a|the|israeli|russian|ukrainian|us|u\.s\.|turkish|saudi)\s+"
        r"strikes?|strikes?\s+(?:on|hit|struck|killed|destroyed|targeted|flattened))\b"),
     tx.EXPLOSIONS, tx.AIR_DRONE, 0.65),
    # "killed when a residential building was hit": a strike told by what it hit
    (_r(r"\b(?:buildings?|house|houses|homes?|tents?|school|cars?|vehicles?|apartments?|"
        r"block|shelters?|mosque|church|hospital|clinic|bakery|market)"
        # "a house in Jabalia in the north was hit", "a tent sheltering displaced people was
        # hit": where it stood or whom it held, between the house and the hit
        r"(?:\s+(?:in|on|near|at|sheltering|housing|hosting|belonging\s+to|used\s+(?:by|as))\s+"
        r"(?:[\w'-]+\s+){0,4}?[\w'-]+)?\s+(?:was|were|had\s+"
        r"been|has\s+been)\s+(?:directly\s+)?(?:hit|struck|targeted)\b(?!\s+by\s+(?:a\s+|an\s+|the\s+)?"
        r"(?:[\w-]+\s+)?(?:car|truck|lorry|bus|vehicle|train|lightning|storm|flood\w*|fire|"
        r"earthquake|tornado|hurricane|winds?|tree|landslide|wave)s?\b)"),
     tx.EXPLOSIONS, tx.AIR_DRONE, 0.6),
    # "the occupiers struck the city overnight, killing two civilians": an army's strike
    # told by its harm, no weapon named (its dead being civilians does not make it a raid)
    (_r(r"\b(?:forces|troops|army|military|units|enemy|occupiers|invaders)\s+(?:\w+\s+){0,2}?"
        r"(?:struck|pounded)\b(?=[^.;]{0,120}?\b(?:killing|killed|wounding|wounded|injuring|"
        r"damaging|destroying)\b)"),
     tx.EXPLOSIONS, tx.SHELLING, 0.6),
    # "its fighters targeted the enemy's positions in X with appropriate weapons": an
    # armed group's claim of fire on military sites, no weapon named (ACLED codes such
    # claimed strikes as remote violence)
    (_r(r"\btargeted\s+(?:the\s+|an?\s+)?(?:[a-z'-]+\s+){0,3}?(?:positions?|(?:out)?posts?|"
        r"bases?|barracks|gatherings?|military\s+sites?|headquarters)\b"),
     tx.EXPLOSIONS, tx.SHELLING, 0.55),
    (_r(r"\b(?:chemical\s+(?:weapons?|attack)|chlorine|sarin|nerve\s+agent)\b"),
     tx.EXPLOSIONS, tx.CHEMICAL, 0.8),
    (_r(r"\b(?:massacre\w*|executed|execution\s+of|summarily\s+killed|lynch\w*|behead\w*|"
        # bodies dumped or bearing the marks of an execution: a killing found
        r"bod(?:y|ies)\s+(?:[\w-]+\s+){0,6}?(?:were|was|had\s+been|have\s+been|been)\s+"
        r"(?:found|discovered|dumped|left)(?=[^.]*\b(?:tortur\w*|(?:hands|wrists)\s+(?:were\s+)?"
        r"(?:tied|bound)|blindfolded|execution|gunshot\s+wounds|bullet\s+wounds|shot\s+in\s+"
        r"the\s+head|dumped|narco-?banners?)\b))\b"),
     tx.VIOLENCE_CIVILIANS, tx.ATTACK, 0.8),
    (_r(r"\b(?:abduct\w*|kidnap\w*|forcibly\s+disappeared|taken\s+hostage)\b"),
     tx.VIOLENCE_CIVILIANS, tx.ABDUCTION, 0.75),
    (_r(r"\b(?:rap(?:e|ed|ing)|sexual\s+(?:violence|assault))\b"),
     tx.VIOLENCE_CIVILIANS, tx.SEXUAL_VIOLENCE, 0.75),
    # Gunmen, settlers or a militia attacking a village or its people (not a military
    # target: "militants attacked army positions" is a battle).
    (_r(r"\b(?:gunmen|militiamen|attackers|assailants|armed\s+men|settlers|militias?|"
        r"bandits|raiders)\s+(?:(?!were\b|was\b|been\b|are\b|and\b)[\w'-]+\s+){0,6}?"
        r"(?:killed|shot|attacked|stormed|raided|opened\s+fire|broke\s+into|burst\s+into)\b(?!\s+(?:(?:on|at|upon)\s+)?(?:[\w'-]+\s+)"
        r"{0,3}?(?:positions?|troops|soldiers|bases?|checkpoints?|posts?|army|forces|police|"
        r"convoys?|patrols?|militants|fighters)\b)|"
        r"(?:killed|killing|shot|attacked|targeted)\s+(?:(?!when\b|after\b)\w+\s+){0,4}?"
        r"(?:civilians|villagers|"
        r"residents|farmers|worshippers|aid\s+workers|displaced)\b|"
        # "settler attacks spread to two villages": settlers' violence is against civilians
        r"settler\s+(?:attacks?|raids?|violence|rampages?|assaults?)|"
        # "units fired at a house in the village": fire at civilian property or people
        r"(?:units|troops|forces|soldiers|servicemen|snipers?|gunmen|militants|tanks)\s+"
        r"(?:\w+\s+){0,2}?(?:fired|opened\s+fire|shot)\s+(?:at|on)\s+(?:an?\s+|the\s+)?"
        r"(?:[\w-]+\s+)?(?:(?:farm)?houses?|homes?|cars?|vehicles?|civilians|residents|"
        r"farmers|shepherds|tractors?|school|kindergarten|crowds?|aid\s+seekers|"
        r"worshippers|displaced\s+(?:people|families))\b|"
        # "the gang attack on the X neighbourhood": an armed group's attack on a community
        r"(?:gang|militia|bandit)\s+(?:attacks?|raids?)\s+on\s+(?:the\s+|an?\s+)?"
        r"(?:[\w'-]+\s+){0,3}?(?:neighbou?rhoods?|villages?|camps?|markets?|"
        r"communit(?:y|ies)|settlements?|quarters?)\b"
        r"(?![^.;]*\b(?:soldiers|troops|servicem[ae]n|policem[ae]n|officers)\b)"),
     tx.VIOLENCE_CIVILIANS, tx.ATTACK, 0.7),
    (_SHOT_BY, tx.VIOLENCE_CIVILIANS, tx.ATTACK, 0.7),
    (_r(r"\b(?:recaptured|retook|regained\s+control|liberated|re-?took\s+control)\b"),
     tx.BATTLES, tx.GOVERNMENT_REGAINS, 0.75),
    (_r(r"\b(?:seized\s+control|took\s+control|taken\s+control|overran|captured\s+the\s+"
        r"(?:town|city|village|district|base|airport)|"
        # "had fully taken the headquarters of the division": a garrison overrun
        r"(?:taken|took|seized|captured|overran|overrun)[\"'”’]?\s+(?:the\s+|an?\s+)?"
        r"(?:[\w'-]+\s+){0,2}?(?:headquarters|garrison|barracks|bases?))\b"),
     tx.BATTLES, tx.NON_STATE_TAKEOVER, 0.7),
    (_r(r"\b(?:clash(?:es|ed)?|(?<!flood\s)(?<!crime\s)(?<!blaze\s)(?<!fire\s)fighting(?!\s+over\b)|fought(?!\s+(?:a|the)\s+(?:[\w-]+\s+)?war)|firefights?|gunfights?|gun\s?battles?|"
        r"(?:battles?|battled)(?!\s+(?:with|against)\s+(?:[\w-]+\s+){0,2}?(?:cancer|"
        r"illness|disease|addiction|depression|covid|leukemia|tumou?rs?)\b)"
        r"(?!\s+(?:a\s+|the\s+)?(?:blazes?|fires?|flames|cancer|illness|"
        r"disease|wildfires?|over|for\s+the\s+title))|hostilities|skirmish(?:es)?|exchanges?\s+of\s+fire|"
        r"exchanged\s+fire|opened\s+fire|sniper\s+fire|snipers?\s+(?:shot|fired|killed|wounded|injured)|"
        r"(?:small[- ]arms|machine[- ]gun|automatic\s+weapons?)\s+fire|"
        r"subject(?:ed|ing)?\s+(?:[\w,-]+\s+){0,14}?to\s+(?:\w+\s+)?fire|"
        # a defence ministry's word for a cross-border attack
        r"(?:committed|carried\s+out|staged|launched)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:military|armed)\s+provocations?|(?:fired|firing|shooting)\s+(?:at|on)\s+(?:the\s+)?"
        r"(?:\w+\s+){0,3}?positions|attack(?:ed|s|ing)?[\"'”’]?\s+(?:on\s+)?(?:the\s+|its\s+|"
        r"their\s+|an?\s+)?(?:[\w'’-]+\s+){0,2}?(?:positions?|troops|soldiers|bases?|checkpoints?|"
        r"posts?|police\s+stations?|barracks|garrisons?|outposts?|military\s+camps?|convoys?|"
        r"headquarters|airbases?|airports?|"
        r"patrols?)|ambush(?:ed)?|offensive|assault(?:ed)?\s+on|came\s+under\s+(?:heavy\s+)?fire|"
        # "thwarted an RSF attack on X", "repelled a new attempt ... to cross the border",
        # "repelled a large Rapid Support Forces (RSF) attack" (air defences "thwarted an
        # attempt to strike": a weapon stopped, not a fight)
        r"(?:repell(?:ed|ing)|repuls(?:ed|ing)|thwarted|foiled|fend(?:ed|ing)\s+off|"
        r"beat(?:ing)?\s+back)\s+(?:an?\s+)?"
        r"(?:[\w()'\"“”-]+\s+){0,5}?(?:attacks?|assaults?|offensives?|incursions?|raids?|advances?|"
        r"infiltration)|(?:repelled|repulsed)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?attempts?|"
        # a front bulletin's count of ground attacks: "the enemy attacked seven times"
        r"attacked\s+(?:\w+\s+)?times|"
        r"(?:conflict|violence|fighting)\s+(?:flared|erupted|broke\s+out|resumed|"
        r"escalated)|flared\s+up|(?:close-quarters?|heavy|fierce|ground)\s+combat|"
        # "armed confrontations erupted between fighters and troops"
        r"(?:armed|violent|fierce|heavy|deadly)\s+confrontations?|"
        r"confrontations?\s+(?:erupted|broke\s+out|raged)|in\s+combat|shoot-?outs?|shootings?(?!\s+(?:footage|scenes?|a\s+film|photos|range|stars?|"
        r"guard))|gunfire|firing|"
        # "a soldier was killed by Azerbaijani fire": an armed force's fire, not a blaze
        r"(?:killed|wounded|injured|hit)\s+by\s+(?:(?!(?:a|an|the|house|forest|wild)\b)"
        r"(?!(?:artillery|mortar|tank|rocket|shell|missile|howitzer|mlrs|grad)\b)[\w-]+\s+){1,2}"
        r"fire)\b"),
     tx.BATTLES, tx.ARMED_CLASH, 0.75),
]

_DISRUPTED = _r(
    # ("was destroyed following a warning missile": the missile destroyed, not destroyed)
    r"\b(?:(?:shot\s+down|intercepted|downed|neutrali[sz]ed|destroyed|repelled|thwarted|"
    r"prevent\w*)\s+(?!(?:following|after|by|in|when|as)\b)(?:[\w-]+\s+){0,6}?"
    r"(?:drones?|uavs?|missiles?|rockets?|aircraft)|"
    r"(?:drones?|uavs?|missiles?|rockets?)\s+(?:[\w,]+\s+){0,5}?(?:were|was)\s+(?:shot\s+down|"
    r"intercepted|downed|destroyed|neutrali[sz]ed)|air\s+defen[cs]es?\s+(?:\w+\s+){0,6}?"
    r"(?:drones?|uavs?|missiles?|rockets?|attack)|(?:drones?|uavs?)\s+(?:\w+\s+){0,4}?"
    r"(?:in)?to\s+(?:\w+\s+){0,2}?airspace|(?:flying|flew|fly)\s+(?:\w+\s+){0,2}?"
    r"(?:drones?|uavs?)\s+(?:in)?to)"
)
# "debris of a downed missile fell on a house": the interception still struck a target.
_DEBRIS_HIT = _r(
    r"\b(?:debris|fragments|wreckage|parts)\s+(?:of|from)\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:missiles?|drones?|uavs?|rockets?)\s+(?:\w+\s+)?(?:fell|hit|"
    r"struck|crashed|damaged|landed)\s+(?:on|into|in)?\s*(?:an?\s+|the\s+)?(?:[\w-]+\s+)"
    r"{0,2}?(?:buildings?|houses?|homes?|blocks?|roofs?|yards?|sites?|facilit\w+|"
    r"plants?|schools?|cars?|streets?|infrastructure|warehouses?|ports?|depots?)\b"
)
_AGREEMENT = _r(
    r"\b(?:(?:ceasefire|cease-fire|truce|armistice|peace\s+(?:deal|agreement|accord|treaty|"
    r"plan)|humanitarian\s+(?:pause|corridor)|prisoner\s+(?:swap|exchange))\b(?:\s+\w+){0,6}?"
    r"\s+(?:was\s+|were\s+|has\s+been\s+|had\s+been\s+)?(?:agreed|signed|brokered|reached|"
    r"announced|declared|took\s+effect|came\s+into|went\s+into|entered\s+into|starting|"
    r"began|begins|established)|(?:agreed|agree|signed|sign|brokered|reached|announced|"
    r"declared)\s+(?:\w+\s+){0,4}?(?:ceasefire|cease-fire|truce|armistice|peace\s+(?:deal|"
    r"agreement|accord|treaty)|prisoner\s+(?:swap|exchange))|suspend\w*\s+(?:all\s+)?"
    r"(?:military\s+operations|hostilities|fighting|offensive))"
)
_ARRESTS = _r(r"\b(?:arrest(?:ed|s)?|detained|taken\s+into\s+custody|rounded\s+up)\b")
_LOOTING = _r(
    r"\b(?:loot(?:ed|ing)|pillag\w*|ransack\w*|torched|set\s+(?:fire\s+to|ablaze)|"
    r"burn(?:ed|t)\s+down|vandali[sz]\w*|demolish\w*\s+(?:\w+\s+){0,2}?(?:homes|houses))\b"
)
_TRANSFER = _r(
    r"\b(?:withdr[ae]w\w*\s+(?:\w+\s+){0,3}?(?:troops|forces|soldiers)\s+from|"
    r"(?:handed|hand(?:ing)?)\s+over\s+(?:control|the\s+(?:town|city|district|region))|"
    r"without\s+(?:a\s+fight|resistance))\b"
)
_RIOT = _r(r"\b(?:riot\w*|mob\s+(?:attack\w*|violence)|stone[- ]throwing|threw\s+stones)\b")
_WITH_POLICE = _r(r"\b(?:clash\w*|scuffl\w*|fought|brawl\w*)\s+with\s+(?:the\s+)?(?:riot\s+)?"
                  r"(?:police|security\s+forces|officers|gendarmes|troops)\b")
_PROTEST = _r(
    r"\b(?:protest(?:s|ed|ers|ors|ing)?|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies|ied)|"
    r"marched|marchers|sit-ins?|"
    # "a peaceful march against ...": not the month
    r"(?:peaceful|protest|silent|mass|street|solidarity)\s+march(?:es)?|"
    r"march(?:es)?\s+(?:against|to\s+demand|in\s+(?:protest|support)))\b"
)
_INTERVENTION = _r(r"\b(?:tear\s+gas|rubber\s+bullets|water\s+cannons?|dispersed|baton)\b")
_STATEMENT = _r(
    r"\b(?:condemn(?:s|ed|ing)?|urg(?:e|es|ed|ing)|call(?:s|ed|ing)?\s+(?:on|upon|for)|"
    r"express(?:es|ed|ing)?\s+(?:\w+\s+){0,2}?(?:regret|concern|sorrow|sympathy|"
    r"condolences|hope|support|solidarity|alarm)|voic(?:e|es|ed)\s+(?:\w+\s+)?concern|"
    r"(?:serious|deep|grave)\s+concern|(?:deeply|gravely|seriously)\s+concerned|warn(?:s|ed)|welcom(?:e|es|ed)|deplor\w*|"
    r"appeal(?:s|ed)?\s+(?:to|for)|invit(?:e|es|ed)\s+the|in\s+a\s+statement|"
    r"issued\s+a\s+statement|unacceptable|denounc\w*|reiterat\w*)\b"
)
# Words before a cue (same clause) that cancel it.
_NEGATION = _r(
    r"\b(?:not|no|nobody|never|without|deny|denies|denied|denying|rejected|refuted|false|"
    r"whether|unlikely|avoid|prevent|could|would|might|(?<!\d\s)(?<!\bin\s)(?<!-)may(?!\s+\d)|vow\w*|intend\w*|"
    # an intention, not "the wounded will be treated ... after shelling hit Kherson"
    r"will\s+(?:\w+\s+)?(?:intensify|launch|continue|strike|attack|respond|retaliate|"
    r"expand|resume|step|begin|start|carry|target|hit|shell|bomb|fight|clash|escalate|"
    r"use|send|deploy|keep|press|push)|will(?=\s+(?:[\w-]+\s+)?$)|"
    r"risk|threat\w*|fears?\s+of|"
    r"plans?\s+to|planning|planned|plott\w*|conspir\w*|ready\s+to|if|unless|against\s+attacks|defend\s+\w+\s+\w+\s+"
    r"\w+\s+against|in\s+case|possible|potential|renewed\s+threat|halt\s+to|end\s+to|"
    r"stop\s+(?:the|all)|cessation\s+of)\b[^.;]*$"
)
_MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|"
           r"november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b")
# Sentence-level background: totals, history, habits.
_STRONG_BACKGROUND = _r(
    # a running toll: "the cross-border fighting has killed 26 civilians", "the war has
    # left thousands dead" (a day's clash is told in the past: "the clashes killed 12")
    r"\b(?:war|conflict|hostilities|insurgency|cross-border\s+(?:fighting|exchanges|"
    r"violence|fire))\s+"
    r"(?:[\w-]+\s+){0,4}?(?:has|have)\s+(?:now\s+|so\s+far\s+|already\s+)?"
    r"(?:killed|claimed|left)\b|"
    # a front's daily count: "A total of 143 combat clashes were recorded along the front"
    r"\ba\s+total\s+of\s+\d[\d,]*\s+(?:[\w-]+\s+){0,2}?(?:clashes|engagements|attacks|"
    r"assaults|battles|shellings|strikes)\b|\b\d[\d,]*\s+combat\s+(?:clashes|engagements)\s+"
    r"(?:were\s+|have\s+been\s+)?(?:recorded\s+|reported\s+)?along\s+the\s+(?:entire\s+)?front\b|"
    # "As Ukrinform reported earlier, on February 26 a strike ...": news already told
    r"\bas\s+(?:[\w'-]+\s+){0,3}?(?:reported|wrote|said)\s+(?:earlier|previously|before)\b|"
    # "the army's toll in the offensive against Hamas stands at 219": the campaign's tally
    r"\btoll\b[^.;]{0,60}?\b(?:in|of|during)\s+the\s+(?:[\w-]+\s+){0,2}?(?:war|offensive|"
    r"campaign|conflict|invasion|operation)\b[^.;]{0,60}?\b(?:stands|stood|has\s+(?:now\s+)?"
    r"(?:risen|climbed|reached))\b|"
    # "brought to 122 the number of soldiers killed in the ground offensive": its tally
    r"\bnumber\s+of\s+(?:[\w-]+\s+){0,2}?(?:killed|dead|deaths|fatalities)\s+(?:in|during|"
    r"since)\s+the\s+(?:[\w-]+\s+){0,2}?(?:war|offensive|campaign|conflict|invasion)\b|"
    # "the conflict, which began in the north, has spread ..., killing thousands"
    r"\b(?:war|conflict|insurgency|hostilities)\b[^.;]{0,60}?\b(?:has|have)\s+\w+"
    r"[^.;]{0,80}?\bkilling\b|"
    # a time before the story's own: "600 had been killed before this week"
    r"\b(?:before|prior\s+to)\s+(?:this|last)\s+(?:week|month|year)\b|"
    r"\b(?:claimed\s+(?:\w+\s+){0,3}?lives|so\s+far|to\s+date|in\s+total|overall|since\s+"
    # ("since the start of the day": today's count, not the war's)
    r"(?:the\s+(?:start|beginning|outbreak|latest)(?!\s+of\s+(?:the\s+|this\s+)?(?:day|"
    r"morning|night|evening|afternoon)\b)|then)|since\s+(?:the\s+)?(?:\w+\s+){0,2}"
    r"(?:began|started|erupted|broke\s+out)|(?:have|has|had)\s+"
    r"(?:died|been\s+killed)\s+since|ever\s+since|in\s+the\s+past(?!\s+(?:24|twenty-four)\s+hours|\s+day\b)|historically|"
    r"first\s+broke\s+out|death\s+toll\s+(?:\w+\s+){0,4}?since|"
    r"(?:a|one|two|three|four|five|\d+)\s+years?\s+ago|anniversary|"
    # a tally over days or weeks: "over the past week, strikes killed 200 across Gaza"
    r"(?:over|in|during)\s+the\s+(?:past|last)\s+(?:week|month|(?:few|several|\w+)\s+"
    r"(?:days|weeks|months))|in\s+recent\s+(?:days|weeks|months)|"
    # "27 clashes along the Pokrovsk axis over the same period": the span just told
    r"(?:over|in|during|for)\s+the\s+same\s+(?:period|time|span|week|month)|"
    # a tally over a part of the year: "in the first half of the year", "this year"
    r"(?:in|during|over)\s+the\s+(?:first|second|third|last|past)\s+(?:half|quarter|year|"
    r"(?:\w+\s+)?months?|(?:\w+\s+)?weeks?)\s+of\s+(?:the\s+|this\s+|last\s+)?(?:year|"
    r"\d{4}|war|conflict|month)|"
    # a span of years or of months: "over the past decade", "between December and April"
    r"(?:over|during|in)\s+the\s+(?:past|last)\s+(?:decade|(?:\w+\s+)?(?:years|decades))|"
    r"(?:between|from)\s+" + _MONTHS + r"(?:\s+\d{4})?\s+(?:and|to|until)\s+" + _MONTHS
    + r"|"
    # a span of days is a tally, not one event: "between 1 and 7 July", "from May 3 to 9"
    r"(?:between|from)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:and|to)\s+\d{1,2}(?:st|nd|rd|th)?\s+"
    + _MONTHS + r"|" + _MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:and|to)\s+\d{1,2})|"
    # "between the afternoons of 6 and 8 June", "between 12:00 on 3 May and 12:00 on 5 May"
    r"between\s+(?:the\s+\w+\s+of\s+|[\d:.]+\s+(?:hrs?\s+)?on\s+)?(?:\d{1,2}(?:st|nd|rd|th)?"
    r"(?:\s+" + _MONTHS + r")?|" + _MONTHS + r"\s+\d{1,2})(?:,?\s+\d{4})?(?:\s*\([^)]{1,20}\))?"
    r"\s+and\s+"
    r"(?:the\s+\w+\s+of\s+|[\d:.]+\s+(?:hrs?\s+)?on\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+"
    + _MONTHS + r"|" + _MONTHS + r"\s+\d{1,2})|"
    # "The strike came a week after a guided bomb hit a store there, killing 19": an
    # earlier event recalled, not today's (a day or two after is dated, see dates.py)
    r"(?:came|comes|come|follows|followed)\s+(?:just\s+|only\s+|barely\s+)?(?:a\s+week|"
    r"weeks|days|a\s+month|months|a\s+fortnight|(?:two|three|four|five|six|several|a\s+few)"
    r"\s+(?:weeks|months))\s+(?:after|before)|"
    # "the city has become a target for missiles": what a place endures, not an event
    r"(?:has|have|had)\s+become\s+(?:an?\s+)?(?:\w+\s+)?(?:target|battleground|"
    r"front\s?line|flashpoint)|"
    r"(?:war|conflict|invasion|insurgency|violence)\b[^.;]{0,60}?\b(?:has|have)\s+"
    r"(?:killed|claimed|left|displaced|wounded)|"
    # how the war began: "The war started when militants attacked the south"
    r"(?:the|this)\s+(?:[\w-]+\s+)?(?:war|conflict|insurgency|invasion)\s+(?:first\s+)?"
    r"(?:started|began|erupted|broke\s+out|was\s+(?:triggered|sparked))\s+(?:when|after|"
    r"with|by)|"
    # a comparison with an earlier event: "It was the deadliest day since the truce
    # collapsed on Tuesday, when strikes killed 400"
    r"^\W*(?:it|this|that|(?:the|thursday's|friday's|saturday's|sunday's|monday's|tuesday's|"
    r"wednesday's)\s+[\w-]+)\s+(?:was|is|marked|became|has\s+been)\s+(?:the\s+|by\s+far\s+the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:deadliest|bloodiest|worst|heaviest|largest|biggest|most\s+[\w-]+)\b"
    r"[^.;]*?\bsince\b|"
    # an earlier event compared: "The week before, a similar attack on X killed two" (the
    # sentence opens on it; "..., a week after a similar attack" still tells today's)
    r"^\W*(?:(?:the|a)\s+(?:week|month|fortnight)\s+(?:before|earlier|prior)|(?:days|weeks|"
    r"months)\s+earlier)\b|^\W*(?:[\w,]+\s+){0,4}?(?:a|an)\s+similar\s+(?:attack|strike|raid|"
    r"shelling|bombing|incident|assault|ambush)|"
    # a trend: "Hostilities have escalated in two states since early February"
    r"(?:have|has)\s+(?:\w+\s+)?(?:escalated|intensified|increased|surged|raged|persisted|"
    r"worsened)\b[^.;]{0,80}?\bsince)\b"
)
_WEAK_BACKGROUND = _r(
    r"\b(?:decades?-old|years?-long|long\s+been|(?:\w+)-(?:day|week|month|year)\s+(?:war|"
    r"conflict)|locked\s+in|has\s+been\s+(?:a\s+)?(?:source|flashpoint)|regular\w*|often|"
    r"frequently|routinely|usually|typically|repeatedly|generally|since\s+(?:1[89]|20)\d\d|"
    # a habit: "has been shelled almost daily for months"
    r"(?:almost|nearly|virtually)\s+(?:daily|every\s+(?:day|night))|"
    # "Shelling at the time damaged ...": the time of an event recalled just before
    r"at\s+the\s+time(?!\s+of\s+writing)|"
    # a state since a time: "has been besieged by the RSF since May"
    r"(?:have|has|had)\s+been\s+\w+\s+(?:[\w'-]+\s+){0,4}?since|"
    r"since\s+(?:early\s+|late\s+|mid-?)?" + _MONTHS + r"(?!\s+\d)|"
    # a campaign over weeks, not an event: "repeated strikes on energy infrastructure",
    # "continued airstrikes in the weeks after the quake"
    r"repeated\s+(?:[\w-]+\s+)?(?:strikes|attacks|shelling|raids|bombardments?)|"
    r"in\s+the\s+(?:days|weeks|months)\s+(?:after|since|following)|"
    # a risk, not an event: "aid agencies warn that the fighting could cut off the city"
    r"warn(?:s|ed|ing)?\s+(?:that\s+)?[^.;]{0,120}?\b(?:could|would|might|may)\s+\w+|"
    # a habit, not an event: "every day people are being killed"
    r"every\s+(?:single\s+)?(?:day|night|week)|(?:day|night)\s+after\s+(?:day|night)|"
    r"last\s+year|a\s+year\s+ago|years\s+ago|"
    r"earlier\s+this\s+year|last\s+(?:summer|winter|spring|autumn|fall)|"
    r"this\s+year(?!'s)|"  # a tally of the year, unless a recent day dates it
    r"(?:several|many|multiple|numerous|a\s+number\s+of)\s+times\s+(?:before|in\s+the\s+past)|"
    r"fought\s+(?:a|the)\s+"
    r"(?:[\w-]+\s+)?war|"
    # an undated activity report: "armed groups continued to fire rockets towards Israel"
    r"continu(?:ed|es|e|ing)\s+to\s+(?:fire|launch|shell|bomb|attack|strike|target|pound)|"
    # "said they were continuing 'raids' into the two regions": a campaign, no one event
    r"(?:were|was|are|is)\s+continuing\s+(?:their\s+|its\s+|the\s+)?(?:[\w\"'-]+\s+)?"
    r"[\"']?(?:raids?|attacks?|operations?|offensives?|incursions?|strikes?)\b|"
    r"fired\s+(?:\w+\s+){0,3}?(?:towards?|in\s+the\s+direction\s+of)\s+(?!the\s+)"
    r"(?:\w+\s+){0,2}?(?:israel|ukraine|russia|lebanon|syria|gaza|sudan|armenia|azerbaijan)\b|"
    # a battle told as a span: "after a four-month assault", "ten months of battle"
    r"[\w]+-(?:day|week|month|year)\s+(?:assault|siege|battle|offensive|campaign)|"
    r"(?:days|weeks|months|years)\s+of\s+(?:battle|fighting|siege|combat|shelling)|"
    # an earlier event told for context: "That came days after the heaviest shelling"
    r"(?:came|comes|followed|follows)\s+(?:just\s+|only\s+)?(?:days|weeks|months)\s+after|"
    # an advance as a trend: "Russian units have pushed towards X and Y"
    r"(?:have|has)\s+(?:\w+\s+)?(?:pushed|advanced|pressed|edged|crept|inched)\s+"
    r"(?:\w+\s+)?(?:towards?|closer))\b"
)
# "their largest incursion since the start of the war": a comparison, not a tally.
# "recorded as the 58th massacre in Colombia so far this year": the count ranks the event
# just told, it is no tally in place of one
_ORDINAL_SO_FAR = _r(
    r"\b(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
    r"(?:[\w-]+\s+){0,5}?(?:so\s+far|to\s+date)\b"
)
_SUPERLATIVE_SINCE = _r(
    r"\b(?:largest|biggest|worst|heaviest|deadliest|fiercest|most\s+[\w-]+|first)\s+"
    r"(?:[\w-]+\s+){0,6}?since\s+(?:the\s+)?(?:start|beginning|outbreak)\s+of\s+"
    r"(?:the\s+)?(?:[\w-]+\s+)?(?:war|conflict|invasion|fighting)\b"
)
_FRESH_EVENT_VERBS = _r(
    r"\b(?:erupted|flared|broke\s+out|began|started|resumed|escalated)\b"
)


def tells_outbreak(sentence: str) -> bool:
    """Does the sentence tell how the fighting began ("clashes erupted on 27 September",
    "the conflict flared up on ...")? The outbreak of the war a story is about is coded
    at its day even weeks on, unlike other recalled events."""
    return _FRESH_EVENT_VERBS.search(fold(sentence)) is not None


# A violent cue that is only what a statement is about: "in reaction to ... clashes".
_OBJECT_OF_CONCERN = _r(
    r"\b(?:over|about|regarding|in\s+reaction\s+to|in\s+response\s+to|amid|concern\w*)"
    r"(?:\s+[\w'-]+){0,6}\s*$"
)


# "No casualties were reported after shelling hit Kherson": the toll is nil, the event is not.
_NO_CASUALTIES = re.compile(
    r"\b(?:no|without)\s+(?:immediate\s+)?(?:reports?\s+of\s+)?(?:casualties|injuries|deaths|"
    r"fatalities|victims|one\s+(?:was\s+)?(?:hurt|injured|killed))\b(?:\s+(?:were|was|have\s+"
    r"been|had\s+been)\s+(?:immediately\s+)?reported)?"
)


def _negated(folded: str, start: int) -> bool:
    window = folded[max(0, start - 70): start]
    if "casualt" in window or "injur" in window or "death" in window or "victim" in window \
            or "one" in window or "fatalit" in window:
        window = _NO_CASUALTIES.sub(" ", window)
    cut = max(window.rfind(", "), window.rfind("; "), window.rfind(" but "))
    if cut >= 0 and not re.search(r"\b(?:deny|denies|denied|denying)\b", window[:cut]):
        window = window[cut:]
    return bool(_NEGATION.search(window))


# "crossed the border to escape the fighting": what people fled, told elsewhere.
_FLED_FROM = re.compile(r"\b(?:flee\w*|fled|escap\w+|displaced\s+by|driven\s+out\s+by|"

                        r"shelter(?:ing)?\s+from|refuge\s+from|away\s+from)\s+"
                        r"(?:the\s+|renewed\s+|heavy\s+|ongoing\s+|recent\s+)*$")


# "tried to strike the Kremlin with two drones": the attempt was made, so it is an event.
_ATTEMPT = re.compile(r"\b(?:try|tries|tried|trying|attempt|attempts|attempted|attempting)\s+"
                      r"to\s+$")
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$")
# "the areas affected by the fighting": a description of a place, no event
_AFFECTED_BY = re.compile(r"\b(?:affected|ravaged|torn|scarred)\s+by\s+"
                          r"(?:the\s+|years\s+of\s+)?(?:recent\s+|ongoing\s+)?$")
# "which has positioned artillery in eastern Khartoum": arms placed, not fired
_DEPLOYED = re.compile(r"\b(?:positioned|deployed|stationed|moved|massed|massing|amassed|"
                       r"amassing|brought\s+in|set\s+up|placed)\s+(?:its\s+|their\s+|heavy\s+|"
                       r"more\s+|long-range\s+)*$")
# "ordered the evacuation of families, citing \"constant\" shelling": a reason given
_CITING = re.compile(r"\bciting\s+(?:[\w\"'“”‘’-]+\s+){0,2}$")
# "hospitals have shut because of fighting": a cause of something else (not "five were
# killed due to shelling", where what it caused is harm)
_BECAUSE = re.compile(r"\b(?:because\s+of|due\s+to|owing\s+to)\s+(?:the\s+)?(?:[\w-]+\s+)?$")
_BARE_VERB = re.compile(r"(?:attack|storm|raid|strike|shell|bomb|target|ambush|assault|"
                        r"kill|shoot|fire\s+(?:at|on))\b")


# A weapon named as hardware that was lost ("an enemy tank and two artillery installations
# were destroyed"): a battle's material toll, not a shelling of its own
_HARDWARE_AFTER = _r(r"\s+(?:installations?|pieces?|launchers?|batter(?:y|ies)|systems?|"
                     r"guns?|crews?|units?|depots?|emplacements?)\b")
# (told as undergone: "its units destroyed a battery near X" is a strike at X)
_DESTROYED = _r(r"\b(?:was|were|been)\s+(?:\w+\s+)?(?:destroyed|disabled|knocked\s+out|"
                r"put\s+out\s+of\s+action|neutrali[sz]ed|captured|seized)\b")
# "condemns the attack on Kutum hospital, during which armed men opened fire inside the
# wards, killing two patients": the deed is told in full, with its dead, so it is reported
_DEED_TOLD_WITHIN = _r(r"\b(?:during|in)\s+which\b[^.;]*?\b(?:killing|killed|wounding|"
                       r"wounded|injuring|injured)\b")
# A weapon's use on targets named only by their kind, as the subject of a state ("the
# shelling of cities was making its work extremely difficult"): no one event
_GENERIC_TARGETS_AFTER = _r(
    r"\s+(?:of|on|against)\s+(?:civilian\s+|residential\s+|populated\s+)?(?:cities|towns|"
    r"villages|settlements|areas|civilians|hospitals|schools|infrastructure)\s+"
    r"(?:was|were|is|are|has|have|had|continues?|remains?|makes?|making)\b")
_FOUND_ARMS = _r(
    r"\b(?:located|seized|confiscated|discovered|uncovered|found|captured)\s+(?:an?\s+|the\s+)?"
    r"(?:[\w'-]+\s+){0,4}?(?:containing|holding|with|including|stocked\s+with)\s+"
    r"(?:[\w'-]+,?\s+){0,3}$|\b(?:seized|confiscated)\s+(?:[\w'-]+,?\s+){0,3}$")
_IN_RANGE_OF = _r(r"\b(?:out\s+of|within|in|beyond)\s+(?:the\s+)?range\s+of\s+(?:the\s+)?"
                  r"(?:[\w-]+\s+)?$")
_PAUSE_BEFORE = _r(r"\b(?:pauses?|lulls?|halts?|respite|cessation|stop|end)\s+"
                   r"(?:in|to|of)\s+(?:the\s+)?(?:[\w-]+\s+)?$")


# A cue that is only heard: "heard artillery fire", "the sound of shelling", "explosions
# could be heard", "artillery rumbled in the distance"
_HEARD_BEFORE = _r(r"\b(?:heard|hear|hearing|sounds?\s+of|echo(?:es)?\s+of|rumble\s+of|"
                   r"listen\s+for)\s+(?:the\s+|distant\s+|heavy\s+|constant\s+|"
                   r"outgoing\s+|incoming\s+)*$")
_HEARD_AFTER = _r(r"(?:\s+fire)?\s+(?:(?:could|can)\s+be\s+heard|(?:was|were)\s+heard|"
                  r"echoed|echoing|rumbled|rumbling|reverberated|boomed)\b")
_HARM_OR_HIT = _r(r"\b(?:killed|killing|dead|died|wounded|wounding|injured|injuring|hit|struck|"
                  r"damaged|destroyed|landed|fell|casualties)\b")


def _first_live(pattern: re.Pattern[str], folded: str,
                original: str | None = None) -> re.Match[str] | None:
    """The first cue that is neither negated, nor a proper name ("Treva Battle",
    "Battle Ground Academy": capitalised mid-sentence), nor what people fled."""
    for m in pattern.finditer(folded):
        if original is not None and _is_name(original, m.start()):
            continue
        if _FLED_FROM.search(folded, max(0, m.start() - 40), m.start()):
            continue
        if _AFFECTED_BY.search(folded, max(0, m.start() - 30), m.start()):
            continue  # "the areas affected by the fighting": a description, no event
        if _DEPLOYED.search(folded, max(0, m.start() - 40), m.start()):
            continue  # "which has positioned artillery in eastern Khartoum": arms placed
        if _CITING.search(folded, max(0, m.start() - 40), m.start()):
            continue  # "citing constant shelling": why something was done, not an event
        if _BECAUSE.search(folded, max(0, m.start() - 30), m.start()) and \
                not _HARM_OR_HIT.search(folded, 0, m.start()):
            continue
        if _SINCE_BEFORE.search(folded, max(0, m.start() - 16), m.start()):
            continue  # "the closest strike since the conflict escalated": a time, no event
        if _FOUND_ARMS.search(folded, max(0, m.start() - 80), m.start()):
            continue  # "located a weapons storage facility containing explosives": a find
        if _IN_RANGE_OF.search(folded, max(0, m.start() - 30), m.start()):
            continue  # "out of range of Ukrainian artillery": a reach, no firing
        if _PAUSE_BEFORE.search(folded, max(0, m.start() - 30), m.start()):
            continue  # "during daily pauses in the fighting": its absence, no event
        if (_HEARD_BEFORE.search(folded, max(0, m.start() - 30), m.start())
                or _HEARD_AFTER.match(folded, m.end())) and not _HARM_OR_HIT.search(folded):
            continue  # "residents heard artillery fire for hours", "the sound of artillery
            # echoed in the distance": a sound, no target and no harm told
        if _GENERIC_TARGETS_AFTER.match(folded, m.end()):
            continue  # "the shelling of cities was making its work difficult": a condition
        if _HARDWARE_AFTER.match(folded, m.end()) and _DESTROYED.search(folded):
            continue  # "two artillery installations were destroyed": a loss, not a strike
        if folded.endswith(("to ", "then "), 0, m.start()) and \
                _BARE_VERB.match(folded, m.start()) and \
                not _ATTEMPT.search(folded, max(0, m.start() - 25), m.start()):
            continue  # "to attack a police station": an aim, not a deed (an attempt is)
        if not _negated(folded, m.start()) and not _MODAL_AFTER.match(folded, m.end()):
            return m
    return None


# "claims that Azerbaijani units shelled Sotk are false": the cue is only what is refuted.
_REFUTED = _r(
    r"\b(?:claims?|reports?|allegations?|accusations?|information|statements?|assertions?|"
    r"rumou?rs?)\s+(?:[\w'-]+\s+){0,4}?(?:that|of|about)\b(?:\s+[\w'-]+){1,16}?\s+"
    r"(?:(?:is|are|was|were)\s+(?:\w+\s+)?(?:false|untrue|groundless|baseless|fabricated|"
    r"unfounded|lies|a\s+lie|disinformation|fake|not\s+true|a\s+provocation)|"
    r"(?:do|does|did)\s+not\s+(?:reflect|correspond\s+to)\s+(?:the\s+)?reality)\b"
)
_REFUTED_HINTS = ("false", "untrue", "groundless", "baseless", "fabricat", "unfounded", "lie",
                  "disinformation", "fake", "not true", "provocation", "reality")


_REFUTED_HINT = re.compile("|".join(_REFUTED_HINTS))


def _in_refuted(folded: str, pos: int) -> bool:
    return any(s <= pos < e for s, e in _refuted(folded))


# "came under fire from a multiple rocket launcher": the fire is the weapon's.
# "under fire from heavy mortars", "fire from various types of weapons, including mortars"
_FROM_WEAPON = re.compile(r"\s+from\s+(?:[\w-]+,?\s+){0,6}?")


def _weapon_of_fire(folded: str, chosen: tuple[re.Match[str], str, str, float],
                    violent: list[tuple[re.Match[str], str, str, float]]
                    ) -> tuple[re.Match[str], str, str, float]:
    """The strike a generic 'under fire' or 'subjected to fire' names as its source
    ("subjected to artillery fire", "came under fire from mortars"), else `chosen`. An
    attack made with a remote weapon and no fighting ("attacked the base with drones") is
    coded by its means, as ACLED does: an air/drone strike or shelling, not a clash."""
    cue = chosen[0].group(0)
    if cue.startswith(("attack", "opened fire", "open fire")) and not _CLASHED.search(folded):
        # ("opened fire with 120mm mortars on the village": the same, told as fire)
        weapon = _WITH_REMOTE.search(folded, chosen[0].end(), chosen[0].end() + 80)
        if weapon is None:
            return chosen
        sub = tx.AIR_DRONE if weapon["air"] else tx.SHELLING
        return weapon, tx.EXPLOSIONS, sub, chosen[3]
    if not cue.startswith(("came under", "subject")):
        return chosen
    for v in violent:
        if v[1] == tx.EXPLOSIONS and (
                chosen[0].start() <= v[0].start() < chosen[0].end()
                or _FROM_WEAPON.fullmatch(folded, chosen[0].end(), v[0].start())):
            return v
    return chosen


def _refuted(folded: str) -> list[tuple[int, int]]:
    if not _REFUTED_HINT.search(folded):
        return []
    return [m.span() for m in _REFUTED.finditer(folded)]


# "An RSF attack killed 5 people in El Fasher": an attack told by its toll, no weapon named.
_ATTACK_KILLED = _r(
    r"\b(?:attacks?|raids?|assaults?)\s+(?:on\s+(?:[\w'-]+\s+){1,3}?)?(?:[\w'-]+\s+){0,2}?"
    r"(?:(?:has|have|had)\s+)?(?:killed|kills|killing|left\s+(?:\w+\s+){1,3}?dead)\b"
)
_ATTACK_STEMS = frozenset(("attack", "raid", "assault", "stormed"))
# "the RSF attacked the town of Mellit, killing at least 16 civilians"
_ATTACKED_KILLING = _r(
    r"\b(?:attacked|stormed|raided)\s+(?:[\w'-]+,?\s+){0,18}?"
    r"(?:killing|and\s+killed)\b"
)
_COMBATANTS = _r(
    r"(?:\s+[\w'-]+){0,4}?\s+(?:soldiers?|troops|servicem[ae]n|fighters?|militants?|"
    r"combatants?|personnel|officers?|policem[ae]n|gunm[ae]n|militiam[ae]n|paramilitar\w*)\b"
)


# "Photo: A firefighter at the site of a strike in Kharkiv": a caption retells, never tells.
_CAPTION = re.compile(r"\s*[\[(]?(?:photo|picture|image|file\s+photo|pictured|caption|"
                      r"video)(?:\s+(?:caption|credit))?\b\s*(?:[:|\-–—)\]]|credit)", re.I)
# '"Who ordered the shelling?" the mayor asked.': a quoted question and its asker
_ASKED = re.compile(r"\?[\"'”’]?\s*,?\s*[\w' .-]{1,40}?\s+(?:asked|asks|wondered|said|says)\W*$")
_DEMONYM_CUE = re.compile(r"(?:Israeli|Russian|Ukrainian|US|U\.S\.|Turkish|Saudi)\s")

# "IDF troops eliminated three terrorists": a military's word for killing fighters.
_ELIMINATED = _r(
    # "killed when insurgents attacked": after "when", "by", "as" the fighters are the
    # doers, not the dead
    r"\b(?:eliminated|neutrali[sz]ed|killed|kills|killing)\s+"
    r"(?:(?!(?:when|as|after|by|while|because|before|once)\b)\w+\s+){0,4}?(?:terrorists?|"
    r"militants?|gunm[ae]n|fighters?|operatives?|insurgents?|saboteurs?)\b"
)
_ELIMINATED_STEMS = frozenset(("eliminat", "neutrali", "killed", "kills", "killing"))
# Stabbings and beatings are political violence only beside a conflict actor ("a settler
# was stabbed near Hebron"); without one they are crime news, not for the map.
_STABBING = _r(r"\b(?:stabb(?:ed|ing)|knife\s+attacks?|(?:hacked|beaten|stoned)\s+to\s+death)\b")
_CONFLICT_ACTOR = _r(
    r"\b(?:settlers?|soldiers?|troops|militants?|militia\w*|palestinians?|israelis?|"
    r"checkpoints?|terror\w*|insurgents?|fighters|rsf|idf|occupied|janjaweed|paramilitar\w*)\b"
)
_STABBING_STEMS = frozenset(("stabb", "knife", "to death"))

# "fighting may erupt", "clashes could escalate": a cue followed by a modal is not news.
_MODAL_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:may|could|would|might|will|can)\b(?!\s+\d)")


# Weapons news writes with a capital, as the names they are: "a Shahed struck", "Grad fire"
# (Only drones named alone: "Grad rockets", "Iskander missiles" carry their own noun, and
# "Grad missile systems are set up" is no attack.)
_WEAPON_NAME = re.compile(r"(?:shaheds?|gerans?|lancets?)\b(?!\s+(?:drones?\s+)?(?:systems?|"
                          r"factory|plants?|production|launchers?))", re.I)


def _is_name(original: str, pos: int) -> bool:
    if not original[pos: pos + 1].isupper() or pos == 0:
        return False
    if _WEAPON_NAME.match(original, pos):
        return False  # "a Shahed struck": a weapon's name is the weapon
    if _DEMONYM_CUE.match(original, pos):
        return False  # "in Israeli strike on Rafah": a demonym, not a name
    before = original[:pos].rstrip(" \t\"'“‘(")
    if before[-1:] in ("-", "–", "—") and original[pos - 1: pos].isspace():
        return False  # "09:45 - Fighting ...", "KAPAN - A ...": a stamp or dateline starts it
    return bool(before) and before[-1] not in ".!?:;\n" and not original[pos: pos + 4].isupper()


# Substrings without which a rule cannot match: cheap `in` tests skip most regexes.
_RULE_TRIGGERS: tuple[tuple[str, ...], ...] = (
    ("suicide",),
    ("ied", "explosive", "roadside", "bomb", "mine", "landmine", "booby", "detonat"),
    ("explosion", "blast"),
    ("air", "drone", "uav", "quadcopter", "warplane", "jet", "aircraft", "helicopter",
     "gunship", "bomb", "kamikaze", "shahed", "aerial", "drop", "raid"),
    ("shell", "artiller", "rocket", "missile", "mortar", "bombard", "howitzer", "mlrs",
     "grad", "munition", "heavy weapon", "projectile", "tank", "bomb", "fired", "opened fire",
     "came under"),
    ("grenade",),
    ("strike",),
    ("hit", "struck", "targeted"),
    ("struck", "pounded"),
    ("targeted",),
    ("chemical", "chlorine", "sarin", "nerve agent"),
    ("massacre", "execut", "summarily", "lynch", "behead", "bod"),
    ("abduct", "kidnap", "disappeared", "hostage"),
    ("rap", "sexual"),
    ("gunmen", "militiamen", "attackers", "assailants", "armed men", "civilian", "villager",
     "settler", "militia", "bandit", "raider", "gang",
     "resident", "farmer", "worshipper", "aid worker", "displaced", "fired", "opened fire",
     "shot"),
    ("shot", "live bullet", "live ammunition", "live round", "live fire"),
    ("recaptur", "retook", "regained", "liberated", "took control"),
    ("control", "overran", "captured", "taken", "took", "seized", "overrun"),
    ("clash", "fight", "fought", "subject", "sniper", "provocation", "thwarted", "foiled",
     "fended off", "beat back",
     "battl", "hostilit", "skirmish", "fire", "attack",
     "ambush", "offensive", "assault", "repel", "repuls", "flare", "erupt", "broke out",
     "resum", "escalat", "shoot", "gun", "firing", "positions", "exchange", "flared",
     "combat", "confrontation"),
)
_STATEMENT_STEMS = frozenset((
    "condemn", "urg", "call", "express", "voic", "concern", "warn", "welcom", "deplor",
    "appeal", "invit", "statement", "unacceptable", "denounc", "reiterat"))
_DISRUPTED_STEMS = frozenset(("drone", "uav", "missile", "rocket", "aircraft", "airspace"))
_PROTEST_STEMS = frozenset(("protest", "demonstrat", "rall", "march", "sit-in"))
_RIOT_STEMS = frozenset(("riot", "mob", "stone"))
_STRATEGIC_STEMS = (
    frozenset(("ceasefire", "cease-fire", "truce", "armistice", "peace", "humanitarian",
               "prisoner", "suspend")),
    frozenset(("withdr", "hand", "without")),
    frozenset(("loot", "pillag", "ransack", "torch", "ablaze", "burn", "vandal", "demolish")),
    frozenset(("arrest", "detain", "custody", "rounded up")),
)
# Last resort among violent cues: somebody was killed, with no weapon or fight named
# ("the governor was killed in El Geneina", "forces killed three Palestinians").
_KILLING = _r(
    r"\b(?:(?:was|were|been|being)\s+(?:\w+\s+)?(?:killed|shot\s+dead|murdered|assassinated|"
    r"beheaded|lynched|martyred)|assassinat\w+|(?:forces|troops|soldiers|army|police|militants|"
    r"fighters|gunmen|militia\w*)\s+(?:\w+\s+){0,2}?(?:killed|kills|killing|shot\s+dead|"
    r"shot\s+and\s+killed)\s+(?:[\w'-]+\s+){0,3}?(?:civilians?|palestinians?|people|persons?|m[ae]n|wom[ae]n|"
    r"child(?:ren)?|teenagers?|boys?|girls?|youths?|protesters|residents?|villagers?|"
    r"farmers?|shepherds?|worshippers|journalists?|drivers?))\b"
)
_ACCIDENT = _r(r"\b(?:accident|crash\w*|collision|fell|fire|blaze|flood\w*|storm|tornado|"
               r"earthquake|landslide|avalanche|drown\w*|lightning|overdose|electrocut\w*)\b")
# "a building in X was struck, killing five", "a school was hit; 11 people were killed":
# a strike told by its toll, no weapon named.
_STRUCK_KILLING = _r(
    r"\b(?:was|were|been)\s+(?:\w+\s+)?(?:struck|hit|targeted)\b(?!\s+by\b)[^.]{0,80}?"
    r"\b(?:killing|killed)\b"
)
_KILLING_STEMS = frozenset(("killed", "kills", "killing", "shot", "murdered", "assassinat",
                            "beheaded", "lynched", "martyred"))
_OTHER_TRIGGERS = (_KILLING_STEMS | _ATTACK_STEMS | _ELIMINATED_STEMS | _STABBING_STEMS
                   | _STATEMENT_STEMS
                   | _DISRUPTED_STEMS | _PROTEST_STEMS | _RIOT_STEMS
                   | frozenset().union(*_STRATEGIC_STEMS))
TRIGGERS: frozenset[str] = frozenset({t for group in _RULE_TRIGGERS for t in group}
                                    | set(_OTHER_TRIGGERS))
_RULE_SETS = tuple(frozenset(group) for group in _RULE_TRIGGERS)
_CUES = CueIndex(TRIGGERS)


def _rules_of_stems() -> dict[str, tuple[int, ...]]:
    """stem -> indices of the violent rules (_RULE_SETS) it triggers, ascending."""
    out: dict[str, tuple[int, ...]] = {}
    for i, group in enumerate(_RULE_SETS):
        for stem in group:
            out[stem] = (*out.get(stem, ()), i)
    return out


_RULES_OF_STEM = _rules_of_stems()


def _violent_rules(present: AbstractSet[str]) -> list[int]:
    """Indices of the violent rules with a trigger in `present`, in rule order: a sentence
    has a few cue stems, so most of the 16 rules are never visited (testing each rule's
    set was a loop of 16 per classified sentence)."""
    hit: set[int] = set()
    for stem in present:
        got = _RULES_OF_STEM.get(stem)
        if got is not None:
            hit.update(got)
    return sorted(hit)


# Fire that only one side gave, at unarmed people: "a sniper shot a boy", "troops opened
# fire on residents". Violence against civilians, not a battle.
_ONE_SIDED_CUE = _r(r"\b(?:sniper|snipers|opened\s+fire|shooting|shot|gunfire|firing|fired|"
                    r"(?:killed|wounded|injured|hit)\s+by)\b")
_CIVILIAN_VICTIM = _r(
    r"\b(?:civilians?|villagers?|residents?|child(?:ren)?|boys?|girls?|teenagers?|wom[ae]n|"
    r"farmers?|shepherds?|worshippers?|passers-?by|pedestrians?|students?|pupils?|infants?|"
    r"toddlers?|journalists?|aid\s+workers?|displaced|families|elderly|mourners|"
    r"protesters|fishermen|paramedics?|crowds?|people|aid\s+seekers|queues?|"
    # a person told by age or as a man: "a young man", "a 21-year-old", "an elderly man"
    r"(?:young|elderly|old)\s+m[ae]n|(?:a|an|the)\s+(?:\w+\s+)?man|\d+-year-old|"
    # medical and aid work: "a vehicle carrying our mobile clinic team came under gunfire"
    r"medics|ambulances?|(?:medical|clinic|aid|relief|humanitarian|rescue)\s+(?:teams?|"
    r"convoys?|staff|vehicles?|trucks?))\b")
_CLASHED = _r(r"\b(?:clashed|fought|exchanged\s+fire|firefights?|gun\s?battles?)\b")
# "attacked the base with explosive-laden drones": the remote weapon the attack was made with
_WITH_REMOTE = _r(r"\bwith\s+(?:[\w-]+\s+){0,3}?(?:(?P<air>drones?|uavs?|quadcopters?|"
                  r"air\s?strikes|warplanes|aircraft|helicopters?|barrel\s+bombs)|missiles?|"
                  r"rockets?|artillery|mortars?|shells|howitzers?|grads?)\b")
_ARMOUR = _r(r"\b(?:tanks?|armou?red\s+(?:vehicles?|personnel\s+carriers?)|infantry|"
             r"anti-(?:tank|armou?r))\b")
# a clash cue that is an assault ("attacked positions", "an attack on posts"), not fire
_ASSAULT = _r(r"(?:attack|assault|offensive|storm)")
_CAME_UNDER = _r(r"\bcame\s+under\s+(?:heavy\s+)?$")  # "... came under gunfire": a target
_BARE_FIRE = _r(r"(?:gunfire|firing|shooting)\b")
_HARM = _r(r"\b(?:killed|killing|wounded|wounding|injured|injuring|hurt|dead|died|shot|"
           r"martyred)\b")
_TWO_SIDED = _r(
    r"\b(?:clash\w*|fight(?!ers?\b)\w*|fought|exchang\w*|firefights?|gunfights?|gun\s?battles?|"
    r"battl\w*|skirmish\w*|repel\w*|repuls\w*|positions?|returned\s+fire|combat|"
    # "clashes between X and Y", not "the road between Zamzam and El Fasher"
    r"(?<!road\s)(?<!highway\s)(?<!route\s)between)\b")
_ARMED_VICTIM = _r(r"\b(?:soldiers?|servicem[ae]n|troops|fighters?|militants?|gunm[ae]n|"
                   r"combatants?|policem[ae]n|officers?|guards?|militiam[ae]n)\b")


def _one_sided(folded: str, cue: int) -> bool:
    """A fire cue whose victims are civilians, with no sign of a second armed side. Bare
    gunfire ("when the gunfire started, she grabbed her children") needs someone hurt."""
    return bool(_ONE_SIDED_CUE.match(folded, cue) and _CIVILIAN_VICTIM.search(folded)
                and not _TWO_SIDED.search(folded) and not _ARMED_VICTIM.search(folded, cue)
                and (not _BARE_FIRE.match(folded, cue) or _HARM.search(folded)
                     or _CAME_UNDER.search(folded, max(0, cue - 30), cue)))


# A report's title or header line: "Hostilities in X - Flash Update #191".
_REPORT_TITLE = re.compile(
    r"\b(?:flash\s+update|situation\s+report|sitrep|humanitarian\s+(?:update|snapshot|"
    r"bulletin)|(?:update|report|bulletin|sitrep)\s*(?:no\.?|number|n°|#)\s*\d+|"
    r"daily\s+(?:brief|briefing|digest))", re.I)
_TOLD = re.compile(r"\b(?:said|says|reported|according|killed|wounded|injured|hit|struck)\b")
# One of these is in every _REPORT_TITLE match, folded (the case-blind regex costs ~7 us
# a sentence; folding maps every letter it equates with these to their ASCII form).
_REPORT_TITLE_WORDS = ("update", "report", "sitrep", "humanitarian", "bulletin", "daily")


def _report_title_word(folded: str) -> bool:
    """One of _REPORT_TITLE_WORDS is in `folded` (a loop: any() over a generator costs
    more than the six tests)."""
    for word in _REPORT_TITLE_WORDS:  # noqa: SIM110
        if word in folded:
            return True
    return False


def classify(sentence: str, present: AbstractSet[str] | None = None) -> EventMatch | None:
    """The ACLED (event_type, sub_event_type) this sentence reports, ignoring background.

    `present`: the cue stems in the sentence, if the caller found them article-wide.
    """
    if present is not None and present.isdisjoint(TRIGGERS):
        return None
    if _CAPTION.match(sentence):
        return None
    if sentence.rstrip(" \t\"'”’)").endswith("?") or _ASKED.search(sentence):
        return None  # "How many people have been killed in Gaza?": a question, no report
    folded = fold(sentence)
    if _report_title_word(folded) and _REPORT_TITLE.search(sentence) \
            and not _TOLD.search(folded):
        return None  # a title names its topic ("Hostilities in ..."), it reports nothing
    if present is None:
        present = _CUES.present(folded)
    if present.isdisjoint(TRIGGERS):
        return None
    statement = None
    if not present.isdisjoint(_STATEMENT_STEMS):
        statements = list(_STATEMENT.finditer(folded))
        verbs = [m for m in statements if "statement" not in m.group(0)]
        statement = (verbs or statements or [None])[0]
    violent: list[tuple[re.Match[str], str, str, float]] = []
    for i in _violent_rules(present):  # the rules with a trigger here, in rule order
        pattern, etype, sub, weight = _VIOLENT_RULES[i]
        m = _first_live(pattern, folded, sentence)
        if m:
            violent.append((m, etype, sub, weight))
    refuted = _refuted(folded) if violent else []
    if refuted:
        violent = [v for v in violent
                   if not any(s <= v[0].start() < e for s, e in refuted)]
    disrupted = None if present.isdisjoint(_DISRUPTED_STEMS) else _DISRUPTED.search(folded)
    if disrupted and (not violent or all(
            v[2] in (tx.AIR_DRONE, tx.SHELLING) for v in violent)):
        if debris := _DEBRIS_HIT.search(folded):
            # the intercepted weapon still hit something: a strike with its damage
            sub = tx.AIR_DRONE if re.search(r"drone|uav", debris.group(0)) else tx.SHELLING
            return EventMatch(tx.EXPLOSIONS, sub, 0.65, *debris.span())
        return EventMatch(tx.STRATEGIC, tx.DISRUPTED_WEAPONS, 0.7, *disrupted.span())
    first_violent = min((v[0].start() for v in violent), default=len(folded))
    # "said in a statement that its fighters took the base": a report's frame, not a
    # statement of its own, when the sentence reports a violent event
    framed = statement is not None and "statement" in statement.group(0) and bool(violent)
    if statement and not framed and not _DEED_TOLD_WITHIN.search(folded, statement.end()) and (
            statement.start() < first_violent or all(
                _OBJECT_OF_CONCERN.search(folded, max(0, v[0].start() - 60), v[0].start())
                for v in violent)):
        return EventMatch(tx.STRATEGIC, tx.DIPLOMATIC_STATEMENT, 0.7, *statement.span())
    protest = None if present.isdisjoint(_PROTEST_STEMS) else _first_live(_PROTEST, folded)
    riot = None if present.isdisjoint(_RIOT_STEMS) else _first_live(_RIOT, folded)
    if protest or riot:
        cue = protest or riot
        assert cue is not None
        if violent and re.search(r"\b(?:killed|shot|opened\s+fire)\b", folded):
            return EventMatch(tx.PROTESTS, tx.EXCESSIVE_FORCE, 0.7, *cue.span())
        if riot:
            return EventMatch(tx.RIOTS, tx.VIOLENT_DEMONSTRATION, 0.7, *riot.span())
        if violent and all(v[2] == tx.ARMED_CLASH for v in violent) and \
                _WITH_POLICE.search(folded):
            # "Protesters clash with police outside the government building": a riot, not
            # a battle between armed groups
            return EventMatch(tx.RIOTS, tx.VIOLENT_DEMONSTRATION, 0.7, *cue.span())
        if _INTERVENTION.search(folded):
            return EventMatch(tx.PROTESTS, tx.PROTEST_INTERVENTION, 0.7, *cue.span())
        if not violent:
            return EventMatch(tx.PROTESTS, tx.PEACEFUL_PROTEST, 0.65, *cue.span())
    if violent:
        # Specific weapons beat generic fighting words; then the earliest cue.
        specific = (tx.SUICIDE_BOMB, tx.REMOTE_EXPLOSIVE, tx.CHEMICAL)
        m, etype, sub, weight = _weapon_of_fire(folded, min(
            violent, key=lambda v: (v[2] not in specific, v[0].start())), violent)
        clash = next((v for v in violent if v[2] == tx.ARMED_CLASH), None)
        if sub in (tx.SHELLING, tx.AIR_DRONE) and clash is not None and (
                _CLASHED.search(folded) or _ASSAULT.match(clash[0].group(0))) and \
                _ARMOUR.search(folded):
            # "fighters hit a tank with an anti-armour shell and clashed with infantry",
            # "attacked positions with artillery and armoured vehicles": a ground assault
            # its guns back, a battle
            m, etype, sub, weight = clash
        if sub == tx.NON_STATE_TAKEOVER and re.search(
                r"\b(?:army|troops|forces|military)\b", folded[: m.start()]):
            sub = tx.ARMED_CLASH
        if m.re is _SHOT_BY and (_ARMED_VICTIM.search(folded, 0, m.start())
                                 or _TWO_SIDED.search(folded)):
            # "a soldier was shot by gunmen", "injured by live fire during an exchange
            # of fire between troops and gunmen": two armed sides
            etype, sub = tx.BATTLES, tx.ARMED_CLASH
        elif sub == tx.ARMED_CLASH and _one_sided(folded, m.start()):
            etype, sub = tx.VIOLENCE_CIVILIANS, tx.ATTACK
        return EventMatch(etype, sub, weight, *m.span())
    if not present.isdisjoint(_ELIMINATED_STEMS):
        m = _first_live(_ELIMINATED, folded, sentence)
        if m and not _in_refuted(folded, m.start()):
            return EventMatch(tx.BATTLES, tx.ARMED_CLASH, 0.6, *m.span())
    if not present.isdisjoint(_STABBING_STEMS) and _CONFLICT_ACTOR.search(folded):
        m = _first_live(_STABBING, folded, sentence)
        if m and not _in_refuted(folded, m.start()):
            return EventMatch(tx.VIOLENCE_CIVILIANS, tx.ATTACK, 0.6, *m.span())
    if not present.isdisjoint(_ATTACK_STEMS):
        m = _first_live(_ATTACK_KILLED, folded, sentence) or _first_live(
            _ATTACKED_KILLING, folded, sentence)
        if m and not _in_refuted(folded, m.start()):
            if _COMBATANTS.match(folded, m.end()):
                return EventMatch(tx.BATTLES, tx.ARMED_CLASH, 0.6, *m.span())
            return EventMatch(tx.VIOLENCE_CIVILIANS, tx.ATTACK, 0.6, *m.span())
    if not present.isdisjoint(_KILLING_STEMS) and not _ACCIDENT.search(folded):
        m = _first_live(_STRUCK_KILLING, folded, sentence)
        if m and not _in_refuted(folded, m.start()):
            return EventMatch(tx.EXPLOSIONS, tx.SHELLING, 0.6, *m.span())
        m = _first_live(_KILLING, folded, sentence)
        if m and not _in_refuted(folded, m.start()):
            if folded.startswith(("was", "were", "been", "being"), m.start()) and \
                    _ARMED_VICTIM.search(folded, 0, m.start()) and \
                    not _CIVILIAN_VICTIM.search(folded, 0, m.start()):
                # "A contract soldier was killed near the village": a soldier's death
                # at the front, no one-sided violence (that needs unarmed victims)
                return EventMatch(tx.BATTLES, tx.ARMED_CLASH, 0.55, *m.span(), generic=True)
            return EventMatch(tx.VIOLENCE_CIVILIANS, tx.ATTACK, 0.6, *m.span(), generic=True)
    for (pattern, sub, weight), stems in zip((
        (_AGREEMENT, tx.AGREEMENT, 0.7),
        (_TRANSFER, tx.NONVIOLENT_TRANSFER, 0.6),
        (_LOOTING, tx.LOOTING, 0.6),
        (_ARRESTS, tx.ARRESTS, 0.6),
    ), _STRATEGIC_STEMS, strict=True):
        if present.isdisjoint(stems):
            continue
        m = _first_live(pattern, folded)
        if m:
            return EventMatch(tx.STRATEGIC, sub, weight, *m.span())
    if statement:
        return EventMatch(tx.STRATEGIC, tx.DIPLOMATIC_STATEMENT, 0.6, *statement.span())
    return None


def is_background(sentence: str, published: date | None,
                  refs: list[DateRef] | None = None) -> bool:
    """Does the sentence tell history, totals or habits rather than a fresh event?

    A recent day- or week-precise date ("flared up on September 27") outweighs weak
    cues ("the decades-old conflict"), never strong ones ("claimed 6,500 lives").
    """
    folded = fold(sentence)
    if "since" in folded:
        folded = _SUPERLATIVE_SINCE.sub(" ", folded)
    if "so far" in folded or "to date" in folded:
        folded = _ORDINAL_SO_FAR.sub(" ", folded)
    if _STRONG_BACKGROUND.search(folded):
        return True
    if refs is None:
        refs = find_dates(sentence, published)
    recent = [r for r in refs if r.precision in (DATE_DAY, DATE_WEEK) and r.date
              and (published is None or abs((published - r.date).days) <= 90)]
    if published:
        years = [r.date.year for r in refs if r.kind in ("year", "month", "explicit")
                 and r.date]
        if years and max(years) < published.year - 1 and not recent:
            return True
        if years and not recent and all(y < published.year for y in years) and \
                not _FRESH_EVENT_VERBS.search(folded):
            return True
    return bool(_WEAK_BACKGROUND.search(folded)) and not recent
