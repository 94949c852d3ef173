"""Casualty counts (killed, wounded, captured) stated in one sentence.

A count is only taken when the number and a casualty word are tied by the sentence's
grammar ("at least 13 civilians were killed", "killing nine", "left 9 people dead and 33
others wounded"); years, dates, clock times, ages and other quantities ("1,960
peacekeepers", "a five-year period") never are. Vague amounts ("dozens") are kept as
words, not guessed as numbers; a stated zero ("nobody was killed", "no casualties were
reported") is 0. Within one sentence counts for different groups add up
("12 Azerbaijani soldiers were killed ... 18 Armenian soldiers died" -> 30); a subset
("including 2 children") does not.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from geomap.sentences import CueIndex, fold

UNITS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "another": 1, "both": 2,
}
VAGUE = ("dozens", "scores", "hundreds", "thousands", "several", "many", "a number",
         "a dozen", "numerous", "tens", "a few", "some")

_NUM_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|"
    r"four|five|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|one hundred|a hundred|one|two|three|four|five|six|"
    r"seven|eight|nine|ten)"
)
_VAGUE = (r"(?:dozens|scores|hundreds|thousands|tens|several|numerous|many|a dozen|a few|"
          r"an?\s+(?:unknown|undetermined|unspecified|undisclosed|unconfirmed|large|"
          r"significant)\s+number|a number)")
_QUAL = r"(?:(?:at\s+least|more\s+than|over|about|around|some|nearly|almost|up\s+to|roughly|"
_QUAL += r"approximately|as\s+many\s+as|another|a\s+further|an\s+additional)\s+)?"
# One person named by what they are: "a soldier", "a pupil" ("a" counts as one).
_ONE_PERSON = (
    r"(?:soldier|serviceman|servicewoman|civilian|person|man|woman|child|boy|girl|officer|"
    r"fighter|militant|policeman|policewoman|guard|journalist|resident|worker|member|"
    r"volunteer|trooper|commander|pilot|teenager|youth|farmer|shepherd|doctor|nurse|"
    r"paramedic|medic|student|pupil|schoolboy|schoolgirl|protester|demonstrator|villager|"
    r"driver|passenger|teacher|trader|fisherman|herder|labourer|laborer|miner|guide|ranger|"
    r"engineer|victim|leader|chief|elder|activist|official|mayor|priest|imam|cleric|judge|"
    r"lawyer|politician|councillor|shopkeeper|pensioner|baby|infant|toddler|conscript|"
    r"rescuer|firefighter|aid\s+worker|photographer|cameraman|reporter|patient|pedestrian|"
    r"worshipper|peacekeeper|refugee)"
)
# A number token: digits (not a year, time or decimal) or a number word.
_NUMBER = (
    r"(?P<num>(?<![\d:.,/-])\d{1,3}(?:,\d{3})*(?![\d:/]|\.\d|-year|-month|-day|-week|\s*%|"
    r"\s*(?:km|kilomet|mile|meter|metre|year|month|week|day|hour|minute|percent|am\b|pm\b|"
    r"a\.m|p\.m|gmt|utc))|" + _NUM_WORD + r"(?![\w-])|" + _VAGUE + r"(?=\s)"
    # "a 12-year-old pupil", "an elderly man": one, with up to two words before the noun
    r"|(?<![\w])an?(?=\s+[a-z0-9\-]+\s+(?:[a-z\-]+\s+)?" + _ONE_PERSON + r"\b)"
    # "Both men were killed", "killed both of them", "exchanged fire with two gunmen,
    # killing both.": two
    r"|(?<![\w])both(?=\s+(?:of\s+(?:them|whom)\b|(?:[a-z-]+\s+)?(?:were|died|had|have)\b|"
    r"were\b|died\b)|\s*[.;,:])"
    # "another person later died", "and another was wounded": one more
    r"|(?<![\w])another(?=\s+(?:(?:injured|wounded|seriously|critically|elderly|young)\s+)?"
    r"(?:person|man|woman|child|boy|girl|soldier|serviceman|civilian|resident|officer|"
    r"fighter|passenger|victim|patient|was|later|died|has|had|injured|wounded|hurt)\b)"
    r"|(?<![\w])an?(?=\s+" + _ONE_PERSON + r"\b))"
)
_KILLED = (r"(?:killed|dead|died|die|dies|deaths?|killing|slain|perished|lost\s+their\s+lives|"
           r"murdered|assassinated|massacred|executed|"
           r"lost\s+(?:his|her)\s+life|fatalities|fatally|martyred|bodies|"
           # translated army statements: "rose as martyrs", "fell martyrs"
           r"(?:rose|ascended|fell)\s+(?:as\s+)?martyrs)")
_WOUNDED = (r"(?:wounded|injured|injuries|injuring|wounding|hurt|wounds|casualties)")
_CAPTURED = (r"(?:captured|taken\s+(?:prisoner|captive|hostage)|held\s+captive|"
             r"abducted|kidnapped|seized|prisoners\s+of\s+war|pows)")
_GAP = (r"(?:\s+(?!(?:and|or|but|while|after|before|since|as|in|on|at|among)\b)"
        r"(?:[a-z'\-]+|\d+-[a-z\-]+)){0,5}?")
_BE = (r"(?:\s+(?:were|was|are|is|have|has|had|been|be|being|reportedly|reported|"
       r"also|later|confirmed|believed|feared|said|to|left|received|sustained|suffered|"
       r"slight|slightly|minor|serious|seriously|severe|severely|critically|mortally|"
       r"light|heavy|by|other|others|more))*")

# Words that end a victims' unit phrase ("of the armed forces of armenia"): a verb or a
# conjunction starts the next clause.
_NOT_IN_UNIT = (r"(?:and|or|but|while|who|which|that|were|was|are|is|had|has|have|been|be|"
                r"in|on|at|after|when)")

_SUBJECT = re.compile(
    r"\b" + _QUAL + _NUMBER + r"(?P<gap>" + _GAP
    # the unit they belong to: "of the armed forces of armenia", "from the 5th brigade"
    + r"(?:\s+(?:of|from)\s+(?:their|the|its|his|our|them|whom)(?:\s+(?!" + _NOT_IN_UNIT
    + r"\b)[a-z0-9'\-]+){0,6})?"
    # what they were doing: "three contractors working for an international charity"
    + r"(?:\s+(?:working|living|serving|sheltering|staying|travel?ling|employed|waiting)\s+"
    r"(?:for|at|in|with|on|near)(?:\s+(?!" + _NOT_IN_UNIT + r"\b)[a-z0-9'\-]+){1,5})?"
    # "two men, aged 45 and 52, were killed": their ages, in apposition or not
    r"(?:\s*,\s*aged\s+\d{1,3}(?:\s*(?:,|and|to)\s*\d{1,3})*\s*,|"
    r"\s+aged\s+\d{1,3}(?:\s*(?:,|and|to)\s*\d{1,3})+)?)" + _BE
    + r"\s+(?P<kind>" + _KILLED + "|"
    + _WOUNDED + "|" + _CAPTURED + r")\b"
    # "another injured passenger died": the word describes the victim, the verb follows
    r"(?!\s+(?:passengers?|persons?|people|m[ae]n|wom[ae]n|soldiers?|servicem[ae]n|"
    r"civilians?|victims?|patients?|child(?:ren)?|boys?|girls?|residents?)\s+(?:later\s+)?"
    r"(?:died|succumbed|has\s+died|had\s+died))"
)
_OBJECT = re.compile(
    r"\b(?P<kind>killing\s+of|deaths?\s+of|martyrdom\s+of|killed|killing|kills|kill|"
    r"shot\s+dead|martyring|murdered|murdering|massacred|massacring|"
    r"shooting\s+dead|executed|beheaded|wounded|wounding|injured|injuring|"
    r"captured|capturing|left|claimed|abducted|kidnapped)\s+"
    r"(?:(?:the|its|their)\s+)?" + _QUAL + _NUMBER  # "killed its two occupants"
    + r"(?P<gap>" + _GAP + r")(?:\s+(?P<tail>dead|wounded|injured|lives))?\b"
)
# "the number of bodies recovered had risen to 11": a count of bodies is the toll
_TOLL_WORD = (r"(?P<kind>death\s+toll|toll|number\s+of\s+(?:dead|deaths|killed|fatalities|"
              r"victims|people\s+killed|bodies(?:\s+(?:recovered|found|retrieved))?|"
              r"wounded|injured))")
# "the toll rose from 13 to 17": the second number is the toll.
_TOLL_FROM = r"(?:from\s+" + _QUAL + r"[\w,]+\s+)?"
_TOLL = re.compile(
    r"\b" + _TOLL_WORD + r"(?:\s+[a-z'-]+){0,12}?\s+(?:rose|rises|risen|climbed|climbs|stands|"
    r"stood|reached|reaches|is|was|jumped|increased|grew|hit|surged|exceeded|exceeds|topped|"
    r"passed|surpassed|(?:was\s+|has\s+been\s+|"
    r"had\s+been\s+)?(?:revised|corrected|lowered|adjusted|raised|updated)(?:\s+(?:down|up)"
    r"(?:wards?)?)?|fell|dropped)\s+(?:now\s+)?" + _TOLL_FROM
    + r"(?:to\s+|at\s+)?" + _QUAL + _NUMBER
)
# A live blog's shorthand: "Death toll now two.", "Toll: 4 dead", "death toll now at 9"
_TOLL_BARE = re.compile(
    r"\b(?P<kind>(?:death\s+)?toll)(?:\s+now(?:\s+at)?|\s*:)\s+" + _QUAL + _NUMBER
)
# "a second body was recovered", "a third victim has died": the toll is now that many
_NTH_FOUND = re.compile(
    r"\ban?\s+(?P<num>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
    r"(?:[\w-]+\s+)?(?:body|bodies|victim|person|casualty)\s+(?:has\s+been\s+|had\s+been\s+|was\s+)?"
    r"(?:recovered|found|pulled|retrieved|died|succumbed)\b"
)
# "raising the death toll to 12", "officials revised the toll to 14"
_TOLL_BY = re.compile(
    r"\b(?:rais\w+|bring\w*|brought|tak\w+|took|push\w*|lift\w*|revis\w+|put\w*|"
    r"lower\w*|correct\w*|adjust\w*|updat\w*)\s+"
    r"(?:the\s+|its\s+|their\s+)?(?:overall\s+|total\s+|final\s+)?" + _TOLL_WORD
    + r"(?:\s+[a-z']+){0,3}?\s+" + _TOLL_FROM + r"(?:to|at)\s+" + _QUAL + _NUMBER
)
# "gave a higher toll of 26 dead, saying some of the wounded had died": a toll stated
_TOLL_OF = re.compile(r"\b" + _TOLL_WORD + r"\s+(?:of|at)\s+" + _QUAL + _NUMBER)
_SIMPLE_NUM = (r"(?:\d{1,3}(?:,\d{3})*(?![\d:/-])|" + _NUM_WORD + r"(?![\w-])|an?(?=\s))")
# "eliminated three terrorists": a military's word for killing, only of fighters.
_ELIMINATED = re.compile(
    r"\b(?P<kind>eliminated|neutrali[sz]ed)[\"'”’]?\s+" + _QUAL + r"(?P<num>" + _SIMPLE_NUM
    + r"|the(?=\s+(?:[a-z'-]+\s+)?(?:terrorist|militant|gunman|fighter|operative|insurgent)"
    r"(?![\w'-])))\s+"
    r"(?:[a-z'-]+\s+)?(?:terrorists?|militants?|gunm[ae]n|fighters?|operatives?|insurgents?)\b"
)
# "Fifteen assailants were neutralised": the same word in the passive.
_ELIMINATED_PASSIVE = re.compile(
    r"\b" + _QUAL + r"(?P<num>" + _SIMPLE_NUM + r")\s+(?:[a-z'-]+\s+)?(?:terrorists?|"
    r"militants?|gunm[ae]n|fighters?|operatives?|insurgents?|assailants?|attackers?|rebels?)"
    # the verb may be left out in a report's shorthand: "30 terrorists neutralised"
    r"(?:\s+(?:were|have\s+been|had\s+been)(?:\s+\w+)?)?\s+(?P<kind>eliminated|neutrali[sz]ed)\b"
    r"(?!\s+(?:the|an?|his|her|their|its|\d+|one|two|three|four|five|six|seven|eight|nine|"
    r"ten)\b)"  # "three gunmen neutralised two guards": the gunmen acted
)
# "killed a family of five", "a massacre of 30 civilians"
_GROUP_OF = re.compile(
    r"\b(?:(?:killed|killing|kills|wiped\s+out)\s+(?:an?\s+(?:entire\s+|whole\s+)?)?family|"
    r"massacre)\s+of\s+" + _QUAL + r"(?P<num>" + _SIMPLE_NUM + r")(?![\w-])"
)
# "Five soldiers and a civilian were killed": two groups, one verb.
_AND_PAIR = re.compile(
    r"\b(?P<n1>" + _SIMPLE_NUM + r")\s+(?:[a-z'-]+\s+){1,2}?and\s+(?:another\s+)?(?P<num>"
    + _SIMPLE_NUM + r")\s+(?:[a-z'-]+\s+){1,2}?(?:were|have\s+been|had\s+been|are|was)\s+"
    r"(?:\w+\s+)?(?P<kind>killed|dead|died|wounded|injured)\b"
)
_BURIED = re.compile(r"\b(?:buri(?:ed|al|als)|bury|funerals?|laid\s+to\s+rest|graves?)\b")
_RANGE_AFTER = re.compile(r"\s*(?:to|-|–|or)\s*(?:\d{1,3}(?:,\d{3})*(?![\d:/])|" + _NUM_WORD
                          + r"(?![\w-]))")
_RANGE_BEFORE = re.compile(r"(?:\bbetween\s+\S+\s+and|(?<![\w,:.])(?<!from\s)(?:\d{1,3}(?:,\d{3})*|"
                           + _NUM_WORD + r")\s*(?:to|-|–|or))\s*$")
# "Two of the injured later died", "died of their wounds in hospital": added deaths.
_DIED_OF_WOUNDS = re.compile(
    r"\b(?:of\s+the\s+(?:injured|wounded)|(?:injured|wounded)\s+(?:[a-z-]+\s+)?(?:people|"
    r"persons|m[ae]n|wom[ae]n|soldiers|civilians|victims|patients))\b[^.;]*?\b(?:died|"
    r"succumbed)|\bdied\s+(?:later\s+)?(?:in\s+hospital\s+)?(?:of|from)\s+(?:their|his|her)\s+"
    r"(?:wounds|injuries)")
_OF_THE_DEAD = re.compile(r"\b(?:of|among)\s+(?:the|those)\s+(?:[\w-]+\s+)?(?:dead|killed)\b")
_PART_OF_DEAD = re.compile(r"\s+(?:of|among)\s+(?:the|those)\s+(?:[\w-]+\s+)?"
                           r"(?:dead|killed|victims|fatalities|bodies)\b")
_UP_TO = re.compile(r"\bup\s+to\s+$")
_VERB_BEFORE = re.compile(r"\b(?:killed|killing|kills|wounded|wounding|injured|injuring|"
                          r"left)\s+" + _QUAL + r"$")
# "killed 20 children and two teachers": two groups, objects of one verb.
_PERSONS = (r"(?:people|persons?|civilians?|child(?:ren)?|kids|infants?|babies|teenagers?|"
            r"wom[ae]n|m[ae]n|boys?|girls?|soldiers?|servicem[ae]n|troops|officers?|"
            r"policem[ae]n|fighters?|militants?|rebels?|teachers?|students?|pupils?|doctors?|"
            r"nurses?|medics?|paramedics?|journalists?|workers?|farmers?|residents?|"
            r"villagers?|guards?|members?|relatives?|drivers?|passengers?|others?)")
# "acknowledged the loss of six soldiers": people lost are people killed.
_LOSS_OF = re.compile(
    r"\bloss(?:es)?\s+of\s+" + _QUAL + r"(?P<num>" + _SIMPLE_NUM + r")\s+(?:[a-z'-]+\s+)?"
    r"(?:lives|" + _PERSONS + r"|personnel)\b"
)
# "troops killed 15 militants and lost three soldiers": people a side lost are its dead.
_LOST = re.compile(
    r"\b(?P<kind>lost)\s+" + _QUAL + r"(?P<num>" + _SIMPLE_NUM + r")\s+(?:[a-z'-]+\s+)?"
    r"(?:" + _PERSONS + r"|personnel)\b"
)
# A toll told after a long description of its event: "the number of people killed in
# Monday's strike on a two-storey house in the camp has risen to 12" (a rise "to" N only).
_TOLL_LONG = re.compile(
    r"\b" + _TOLL_WORD + r"(?:\s+[a-z'-]+){7,22}?\s+(?:has\s+|had\s+)?(?:rose|rises|risen|"
    r"climbed|climbs|jumped|increased|grew|surged)\s+(?:now\s+)?" + _TOLL_FROM + r"to\s+"
    + _QUAL + _NUMBER
)
# "gave a higher figure of 19 dead", "a toll of 12": another telling of the toll
_FIGURE_OF = re.compile(
    r"\b(?:a|an|the|its|their)\s+(?:[\w-]+\s+)?(?:figure|tally|toll)\s+of\s+" + _QUAL
    + r"(?P<num>" + _SIMPLE_NUM + r")(?![\w-])(?:\s+(?P<what>dead|killed|deaths|wounded|"
    r"injured))?(?!\s+(?:people|persons|civilians)?\s*(?:wounded|injured))"
)
# "claimed the lives of two civilians", "cost the lives of 12 soldiers"
_LIVES_OF = re.compile(
    r"\b(?:claimed|took|cost|taken|claiming|taking|costing)\s+the\s+lives\s+of\s+" + _QUAL
    + r"(?P<num>" + _SIMPLE_NUM + r")\b"
)
# "the bodies of three men were found": each body is one killed.
_BODIES_OF = re.compile(r"\bbodies\s+of\s+" + _QUAL + r"(?P<num>" + _SIMPLE_NUM + r")\b")
_AND_OBJECT = re.compile(
    r"\b(?P<kind>killed|killing|kills|wounded|wounding|injured|injuring)\s+" + _QUAL
    + r"(?:\d{1,3}(?:,\d{3})*|" + _NUM_WORD + r")\s+(?:[a-z'-]+\s+)?" + _PERSONS
    + r"\s+and\s+(?P<num>" + _SIMPLE_NUM + r")\s+(?:[a-z'-]+\s+)?" + _PERSONS
    + r"(?![\w'-])(?!\s+(?:were|was|are|is|have|has|had|also|later|died|wounded|injured|hurt))"
)
# ", including four children," and "(among them two medics)": a subset, blanked out.
# An aside between spaced dashes that tells no harm of its own ("two civilians - a man
# born in 1961 and a woman born in 1987 - were killed"): blanked, so its "a man" is not
# counted again and the count before it meets its verb
_DASHED_ASIDE = re.compile(r" - (?![^.;]*?\b(?:killed|dead|died|wounded|injured|hurt)\b[^.;]*? - )"
                           r"[^.;-]{1,90}? - ")
_SUBSET_CLAUSE = re.compile(# "31 people, including soldiers, fighters and civilians, were"
                            r",\s*including\b[^,;.]*(?:,[^,;.]*){1,4}?,(?=\s+(?:were|was|have|"
                            r"had|are)\b)|"
                            # "..., among them an imam, four women and six children, and"
                            r",\s*(?:including|among\s+them|among\s+whom)\b[^,;.]*"
                            r"(?:,(?!\s*and\b)(?![^,;.]*\b(?:were|was|are|is|have|has|had|"
                            r"killed|wounded|injured|died|when)\b)[^,;.]{0,50}?\band\b"
                            r"[^,;.]{0,30})?,|"
                            r"\((?:including|among\s+them)[^)]*\)|"
                            # "Three people, two of them children, were killed"
                            r"(?:,|\s[-–—])\s*(?:\d{1,3}|" + _NUM_WORD + r"|all|most|many|"
                            r"some)\s+of\s+(?:them|whom)\b(?:(?!fatal|kill|dead|died|wound|"
                            r"injur)[^,;.()–—])*(?:,|\s[-–—])|"
                            # "Two men, aged 30 and 41, were killed"
                            r",\s*aged\s+\d{1,3}(?:\s*(?:,|and|to|-)\s*\d{1,3})*\s*,")
# "Two people, a mother and her son, were killed": who they were, between the count and
# its verb (blanked, so the count meets its verb). Ages may be in it ("a man and a woman
# aged 61 and 58"), no other figure: that could be a count of its own.
_APPOSITION = re.compile(
    r"(?<=[a-z])\s*,(?:[^,;.:\d]|\baged\s+\d{1,3}(?:\s+and\s+\d{1,3})?){1,80},"
    r"(?=\s+(?:were|was|have|has|had|are)\s+(?:\w+\s+)?"
    r"(?:killed|wounded|injured|dead|died|hurt|martyred|shot)\b)")
_SUBSET = re.compile(r"(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|incl\.)\s*$")
# "killed 12 people in Rafah and 7 in Khan Younis": a further count for another place,
# its casualty word left out, after a count tied to its place.
_ELLIPSIS = re.compile(
    r"(?:\s+(?!(?:and|or|in|at|near|outside)\b)[a-z'-]+){0,3}?\s+(?:in|at|near|outside)\s+"
    r"(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,3}?(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
    + _QUAL + r"(?P<num>" + _SIMPLE_NUM + r")(?:\s+(?:more|others|people|civilians))?"
    r"\s+(?:in|at|near|outside)\s(?!(?:the\s+)?(?:past|last|total|all)\b)"
)
# "killing the driver", "wounding its commander": one person named by a singular role.
_OBJECT_ONE = re.compile(
    r"\b(?P<kind>killed|killing|kills|shot\s+dead|shooting\s+dead|wounded|wounding|injured|"
    r"injuring|martyrdom\s+of)\s+(?P<num>the|its|their|his|her|an?)\s+(?:[a-z0-9'-]+\s+)?(?:driver|pilot|"
    r"commander|owner|shepherd|farmer|journalist|photographer|cameraman|policeman|officer|"
    r"guard|passenger|teenager|boy|girl|man|woman|child|soldier|son|daughter|father|mother|"
    r"husband|wife|brother|sister|leader|chief|mayor|imam|priest|doctor|paramedic|nurse|"
    r"gunman|attacker|assailant|terrorist|militant|sniper|suicide\s+bomber|bomber)"
    r"(?![\w'-])(?!,?\s+(?:and|or)\s+(?:the|his|her|its|their|an?|another|\d+|one|two|"
    r"three|four|five|six|seven|eight|nine|ten)\b)"  # "the driver and his son": not one
)
# "The driver was killed": one person named by a singular role, as the subject.
_ONE_ROLE = (r"(?:driver|pilot|commander|owner|shepherd|farmer|journalist|photographer|"
             r"cameraman|policeman|officer|guard|passenger|teenager|boy|girl|man|woman|child|"
             r"soldier|serviceman|servicewoman|son|daughter|father|mother|husband|wife|"
             r"brother|sister|leader|chief|mayor|imam|priest|doctor|paramedic|nurse|gunman|"
             r"attacker|assailant|resident|worker|fighter|victim|medic|teacher|student|civilian|"
             r"person|pensioner|villager|herder|shopkeeper|trader|fisherman|volunteer|rescuer|"
             r"firefighter|pedestrian|conscript|baby|infant|toddler)")
# "The man, identified as X, 27, was killed", "A serviceman of the army, X (born 1999),
# was fatally wounded": one person as the subject, a complement or an apposition between.
_SUBJECT_ONE = re.compile(
    r"\b(?P<num>the|its|their|his|her|an?)\s+(?:[a-z0-9'-]+\s+){0,2}?" + _ONE_ROLE
    + r"(?:\s+aged\s+\d{1,3})?"
    r"(?:\s+(?:of|from)\s+(?:the\s+)?[a-z'-]+(?:\s+[a-z'-]+){0,3}?)?(?:\s+aged\s+\d{1,3}|"
    r"\s+in\s+(?:his|her)\s+(?:early\s+|late\s+|mid-)?\d0s)?"
    r"(?:\s*,[^;.:]{1,90}?,)?"
    r"\s+(?:(?:was|has\s+been|had\s+been)\s+(?:(?!fatally)\w+\s+)?"
    r"(?=fatally|killed|wounded|injured|shot\s+dead)|(?=died\b))"
    r"(?P<kind>fatally|killed|wounded|injured|shot\s+dead|died)\b"
)
# "As a result, contract serviceman Junior Sergeant A. Hakobyan was killed": one soldier
# told by rank and name, without an article (a defence ministry's style)
# ("announced that Staff Sgt. A. B., 20, from Modiin, was killed": an army's notice, with
# the soldier's age and home town)
_RANK_NAMED_ONE = re.compile(
    r"(?:^|[,;:]\s+|\bthat\s+)(?:(?:contract|conscript|junior|senior|staff|first|master|"
    r"command)\s+)?(?P<num>serviceman|servicewoman|soldier|conscript|sergeant|lieutenant|"
    r"corporal|private|captain|major|colonel|(?:sgt|cpl|pvt|pte|lt|capt|maj|col)\.)"
    # "Contract serviceman of the Armed Forces of Armenia, Sergeant A. B. (born 1996), was
    # killed": the unit, then the rank and name, then the year of birth
    r"(?:\s+of\s+the\s+(?:[a-z'-]+\s+){0,4}?[a-z'-]+\s*,)?\s+"
    r"(?:[a-z.'-]+\s+){0,4}?[a-z.'-]+(?:\s*,\s*\d{1,3}\s*,(?:\s+(?:from|of)\s+[a-z'-]+"
    r"(?:\s+[a-z'-]+)?\s*,)?|\s*\(born\s+(?:in\s+)?\d{4}\)\s*,?)?\s+(?:was|has\s+been|had\s+been)\s+"
    r"(?:(?!fatally)\w+\s+)?"
    r"(?P<kind>killed|wounded|injured|shot\s+dead)\b"
)
# "killing the driver and a passenger": two people named by their roles, one verb.
_TWO_ROLES = re.compile(
    r"\b(?P<kind>killed|killing|kills|shot\s+dead|wounded|wounding|injured|injuring)\s+"
    r"(?P<num>the|its|their|an?|one)\s+(?:[a-z'-]+\s+)?" + _ONE_ROLE + r"\s+and\s+"
    r"(?:the|its|their|an?|one|another|his|her)\s+(?:[a-z'-]+\s+)?" + _ONE_ROLE
    + r"(?![\w'-])(?!\s+(?:were|was|are|is|have|has|had)\b)"
)
_KIN_SECOND = re.compile(r"\band\s+(?:his|her)\s+(?:[a-z'-]+\s+)?(?:sons?|daughters?|wife|"
                         r"husband|brothers?|sisters?|father|mother)\b")
_MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|"
           r"november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)")
_MONTH_BEFORE = re.compile(r"\b" + _MONTHS + r"\.?\s+$")
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTHS + r"\b")
_EVENT_AFTER = re.compile(r"(?:st|nd|rd|th)?(?:\s*,|\s+(?:(?:air|drone|missile|rocket)\s+)?"
                          r"(?:strikes?|attacks?|bombings?|shelling|raids?|assault|massacre|"
                          r"explosions?|blasts?|offensive|incident|ambush|(?:19|20)\d\d|"
                          # "the strike on May 5 killed 12": no noun, so a date
                          r"killed|kill|killing|left|wounded|injured|claimed|"
                          # "shelling ... on May 18 had killed one woman"
                          r"(?:had|has|have)\s+(?:been\s+)?(?:killed|wounded|injured|left))\b)")
_ACCUSED_OF = re.compile(r"\b(?:accused|charged|suspected|convicted|arrested|jailed|sentenced|"
                         r"wanted|guilty|tried)\s+(?:\w+\s+){0,2}?(?:of|for|with)\s+$")
_ARMED_ACCUSED = re.compile(r"\b(?:forces|troops|army|soldiers|military|militias?|fighters|"
                            r"rebels|police|paramilitar\w*|gunmen|militants)\b")
_PERPETRATOR = re.compile(r"\b(?:accused|charged|suspected|convicted|arrested|responsible|"
                          r"blamed|sentenced|jailed|wanted)\b")
# "killing a man and his son", "wounded a woman and her two daughters": the relatives
# are further victims of the same verb.
_AND_KIN = re.compile(
    r"\b(?P<kind>killed|killing|kills|shot\s+dead|shooting\s+dead|wounded|wounding|injured|"
    r"injuring)\s+(?P<first>an?|the|one)\s+(?:[\w-]+\s+){0,2}?(?:man|woman|mother|father|farmer|"
    r"shepherd|driver|teacher|doctor)\s+and\s+(?:his|her)\s+(?P<num>" + _NUM_WORD
    + r"\s+|\d{1,2}\s+)?(?:[\w-]+\s+)?(?:sons?|daughters?|wife|husband|brothers?|sisters?|"
    r"father|mother|child(?:ren)?|grand(?:son|daughter|child)(?:ren|s)?|nephews?|nieces?|"
    r"cousins?)\b"
)
# "A man and his son were killed": the same pair as the subject.
_KIN_SUBJECT = re.compile(
    r"\b(?:an?|one)\s+(?:[\w-]+\s+){0,2}?(?:man|woman|mother|father|farmer|shepherd|driver|"
    r"teacher|doctor)\s+and\s+(?:his|her)\s+(?P<num>" + _NUM_WORD + r"\s+|\d{1,2}\s+)?"
    r"(?:[\w-]+\s+)?(?:sons?|daughters?|wife|husband|brothers?|sisters?|father|mother|"
    r"child(?:ren)?|grand(?:son|daughter|child)(?:ren|s)?|nephews?|nieces?|cousins?)\s+"
    r"(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?P<kind>killed|wounded|injured)\b"
)
# A list of people, each one counted: "a girl and her grandmother", "a man, his wife and
# their two sons", "an elderly couple", "a medic and three soldiers". A plural with no
# number ("his children") leaves the list uncounted.
_KIN_ONE = (r"(?:grand(?:mother|father|son|daughter|child|ma|pa)|uncle|aunt|nephew|niece|"
            r"cousin|baby|infant|toddler|newborn|fianc[eé]e?|friend|neighbou?r|colleague|"
            r"herder|villager|shopkeeper|trader|fisherman|labou?rer|volunteer|rescuer|"
            r"firefighter|pensioner|patient|pedestrian|passer-by|policewoman|conscript|"
            r"militant|youth|pupil|nun|monk|bodyguard|aide|deputy|escort|assistant|"
            r"relative|sibling|stepson|stepdaughter|(?:mother|father|son|daughter|brother|"
            r"sister)-in-law)")
_KIN_MANY = (r"(?:grand(?:sons|daughters|children)|sons|daughters|brothers|sisters|"
             r"child(?:ren)?|uncles|aunts|nephews|nieces|cousins|babies|infants|relatives|"
             r"siblings|friends|neighbou?rs|colleagues|traders|herders|shopkeepers|fishermen|"
             r"labou?rers|volunteers|rescuers|firefighters|pensioners|patients|pedestrians|"
             r"conscripts|youths|" + _PERSONS[3:-1] + ")")
_PERSON_UNIT = (
    r"(?:(?:an?|one|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:" + _ONE_ROLE + "|"
    + _KIN_ONE + r")(?![\w'-])(?:\s+aged\s+\d{1,3})?"
    r"|(?:(?:his|her|their|the|its)\s+)?(?:" + _NUM_WORD + r"|\d{1,3})\s+(?:[\w-]+\s+){0,2}?"
    + _KIN_MANY + r"(?![\w'-])"
    r"|(?:(?:an?|the|one)\s+)?(?:[\w-]+\s+)?couple(?![\w'-])"
    r"|husband\s+and\s+wife|(?:his|her|their)\s+parents|(?:his|her|their)\s+(?:two\s+)?"
    r"twins)"
)
_PERSON_LIST = (r"(?P<list>" + _PERSON_UNIT + r"(?:\s*,\s*" + _PERSON_UNIT + r")*"
                r"(?:\s*,)?\s+and\s+" + _PERSON_UNIT + r"|(?:(?:an?|the|one)\s+)?"
                r"(?:[\w-]+\s+)?couple|husband\s+and\s+wife|(?:his|her|their)\s+parents)")
# "... were killed", "... died"; "killed ...", "claimed the lives of ...", "the bodies of ..."
_LIST_SUBJECT = re.compile(
    r"\b" + _PERSON_LIST + r"(?:\s*,\s*(?:both|all)\s+[\w-]+\s*,)?\s+(?:(?:were|have\s+been|"
    r"had\s+been|are|was)\s+(?:(?:both|all|also|reportedly|later|reported)\s+)?"
    r"(?P<kind>killed|wounded|injured|hurt|shot\s+dead|martyred)|(?P<died>died|perished))\b"
)
_LIST_OBJECT = re.compile(
    r"\b(?P<kind>killed|killing|kills|shot\s+dead|shooting\s+dead|wounded|wounding|injured|"
    r"injuring|(?:claimed|took|cost|taken|claiming|taking|costing)\s+the\s+lives\s+of|"
    r"bodies\s+of)\s+" + _PERSON_LIST + r"(?![\w'-])"
)
# "killed 3 people and 9 others were wounded": the last group has its own verb
_OWN_VERB = re.compile(r"\s+(?:were|was|are|is|have|has|had|also|later|died|wounded|"
                       r"injured|hurt)\b")
_UNIT = re.compile(_PERSON_UNIT)
# A group named generally, then who they were: "two residents, a man and his wife"
_GENERIC_GROUP = re.compile(r"\b(?:\d{1,3}|" + _NUM_WORD + r")\s+(?:[\w-]+\s+)?(?:people|persons|"
                            r"residents|civilians|villagers|locals|members|m[ae]n|wom[ae]n|"
                            r"child(?:ren)?|relatives|siblings|brothers|sisters)$")
_UNIT_NUM = re.compile(r"\b(" + _NUM_WORD + r"|\d{1,3})\s")


def _list_size(text: str) -> int | None:
    """How many people a list of people names ("a man, his wife and their two sons" -> 4);
    None if one of them is a plural with no number ("a woman and her children")."""
    total = 0
    for unit in _UNIT.finditer(text):
        words = unit.group(0)
        if words.endswith("couple") or words.startswith("husband") or \
                words.endswith(("parents", "twins")):
            total += 2
        elif (n := _UNIT_NUM.match(words + " ") or _UNIT_NUM.search(words + " ")) and \
                re.search(_KIN_MANY + r"$", words):
            value = to_number(n[1])
            if value is None:
                return None
            total += value
        elif re.search(_KIN_MANY + r"$", words) and not re.search(
                r"(?:" + _ONE_ROLE + "|" + _KIN_ONE + r")$", words):
            return None
        else:
            total += 1
    return total or None


ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10}
_ORDINAL = re.compile(r"\s+(" + "|".join(ORDINALS) + r")\b")
_NTH_ONE = re.compile(r"\ban?\s+(?:" + "|".join(ORDINALS) + r")\b")
# "Two more people died", "another soldier died of his wounds", "a further three bodies":
# deaths added to a toll already told.
_MORE = re.compile(
    r"\b(?:(?P<n>" + _NUM_WORD + r"|\d{1,3})\s+(?:more|further|additional|other)\b|"
    r"(?:a\s+further|an\s+additional|another)\s+(?P<n2>" + _NUM_WORD + r"|\d{1,3})\b|"
    r"(?P<one>another)\b)"
)
# "Four civilians were also killed": another group's dead, on top of those told before.
_ALSO = re.compile(
    r"\b(?P<n>" + _NUM_WORD + r"|\d{1,3})\s+(?:[a-z'-]+\s+){0,3}?(?:(?:were|was|have|had)\s+"
    r"(?:been\s+)?)?also\s+(?:been\s+)?(?:killed|died)\b"
)
_ONE_OF = frozenset(("the", "its", "their", "his", "her"))
# "aged 64", and the later ages of a list: "two women aged 54 and 71 were wounded"
_AGED = re.compile(r"\b(?:aged|age|ages|age\s+of|ages\s+of)\s+"
                   r"(?:\d{1,3}\s*(?:,|and|to|-)\s*){0,3}$")
_ROSTER_BEFORE = re.compile(r"\b(?:names|list|identities|photos|photographs)\s+of\s+"
                            r"(?:the\s+|another\s+)?$")
_AGE = re.compile(r"^\s*(?:-?years?[- ]old|-year|year)")
# "Nobody was killed", "no casualties were reported", "without casualties": a toll of
# zero, which analysts code as 0, not as unknown. A group's own zero ("no civilians were
# harmed") is not the event's, and "no casualty figures" is no toll at all.
_NONE_HURT = re.compile(
    r"\b(?:nobody|no\s+one|no-one)\s+(?:\w+\s+){0,2}?(?:(?:was|were|has\s+been|had\s+been|"
    r"have\s+been|is|got)\s+(?:reported\s+|reportedly\s+)?(?P<kind>killed|hurt|injured|"
    r"wounded|harmed)|(?P<died>died|was\s+killed|perished))\b"
    r"|\b(?:no|without|zero)\s+(?:immediate\s+|further\s+|other\s+|human\s+)?"
    r"(?:reports?\s+of\s+)?(?:human\s+)?"
    r"(?P<what>casualties|deaths|fatalities|dead|victims|injuries|loss\s+of\s+life|"
    r"losses(?=\s+(?:among|in|to|of)\s+(?:our|the|its|their)\s+(?:[\w-]+\s+)?(?:personnel|"
    r"troops|servicem[ae]n|soldiers|units|ranks|forces|side)))\b"
    r"(?!\s+(?:figures?|numbers?|counts?|toll))"
)


# Words that bring in another source's figure: "..., while activists said 34 died".
# "up from an earlier toll of 80", "from an initial figure of 15": a superseded figure
_EARLIER_FIGURE = re.compile(r"\b(?:up|down|revised)?\s*from\s+(?:an?\s+|the\s+)?(?:earlier|"
                             r"previous|initial|original|first|preliminary)\s+(?:death\s+)?"
                             r"(?:toll|figure|count|estimate|tally|report)s?\s+(?:of\s+)?$")
# ", while other sources put it at ...": a second source's figure for the same dead
_RIVAL_CLAUSE = re.compile(r",\s+(?:while|whereas)\s+(?:\w+\s+){0,4}?"
                           r"(?:said|says|put|puts|gave|gives|estimated|estimates|reported)\b")
_SOURCE_WORDS = re.compile(r"\b(?:said|says|say|told|according\s+to|reported|reports|put|puts|"
                           r"gave|gives|estimated|estimates|claimed|claims|counted|figure)\b")
_MORE_AFTER = re.compile(r"[\w,-]+\s+(?:more|further|additional|other|others)\b")
_MORE_BEFORE = re.compile(r"\b(?:more|another|further|additional|also|other)\s+(?:\S+\s+)?$")
# Who a count is of, from the words after its number: the armed opponents of a state
# ("112 rebels", "ten insurgents", "three suspected gang members") or its forces ("two
# soldiers", "seven of our heroes", "a police officer"). Per-side tolls of one clash add.
_SIDE_NOUN = re.compile(
    r"[\w,'-]+\s+(?:[\w'-]+\s+){0,3}?(?:(?P<armed>rebels?|insurgents?|militants?|terrorists?|"
    r"gang(?:\s+members?|sters?)?|attackers?|gunm[ae]n|jihadists?|militiam[ae]n|"
    r"assailants?|enemy|bandits?|fighters?)|(?P<forces>soldiers?|servicem[ae]n|troops|"
    r"officers?|"
    r"policem[ae]n|police|heroes|guards?|personnel|our|conscripts?|gendarmes?))\b"
)
# "a figure not supported by any local source": a count its own sentence disputes.
_DISPUTED = re.compile(
    r"\b(?:figures?|numbers?|claims?|tolls?|tally)\s+(?:that\s+)?(?:(?:was|is|were|are|has|"
    r"have|could|can)\s+)?(?:(?:not|never)\s+(?:been\s+|be\s+)?(?:supported|corroborated|"
    r"backed)|unsupported|uncorroborated)\b"
)


def count_sides(sentence: str, counts: list[Count]) -> set[str | None]:
    """The sides ("armed" opponents, state "forces", None unknown) whose dead the killed
    `counts` of `sentence` are."""
    return {side for _at, side in count_sides_at(sentence, counts)}


def count_sides_at(sentence: str, counts: list[Count]) -> list[tuple[int, str | None]]:
    """(where the count is, its side) for each nonzero killed count, as `count_sides`."""
    text = fold(sentence).replace('"', " ")
    out: list[tuple[int, str | None]] = []
    for at, category, value, _text in counts:
        if category != "killed" or value is None or value == 0:
            continue
        m = _SIDE_NOUN.match(text, at)
        out.append((at, None if m is None else ("armed" if m["armed"] else "forces")))
    return out


def disputed(sentence: str) -> bool:
    """Does the sentence dispute its own count ("a figure not supported by ...")?"""
    return bool(_DISPUTED.search(fold(sentence)))


TRIGGERS = frozenset(("kill", "dead", "die", "death", "slain", "perish", "lives", "life", "fatal",
             "martyr", "bodies", "body", "toll", "wound", "injur", "hurt", "casualt", "captur",
             "prisoner", "captive", "hostage", "abduct", "kidnap", "seized", "pows",
             "eliminat", "neutrali", "shot dead", "executed", "massacre", "harmed",
             "behead", "losses", "loss of", "lost", "murder", "assassinat"))
_CUES = CueIndex(TRIGGERS)


@dataclass(slots=True)
class Casualties:
    """Counts in one sentence; None where the sentence says nothing."""

    killed: int | None = None
    wounded: int | None = None
    captured: int | None = None
    killed_text: str | None = None
    wounded_text: str | None = None

    def any(self) -> bool:
        return any(v is not None for v in (self.killed, self.wounded, self.captured,
                                           self.killed_text, self.wounded_text))


def to_number(token: str) -> int | None:
    """"13" -> 13, "1,200" -> 1200, "twenty-five" -> 25, "a" -> 1; vague words -> None."""
    token = token.strip().lower()
    if token.replace(",", "").isdigit():
        return int(token.replace(",", ""))
    if token in UNITS:
        return UNITS[token]
    if "-" in token:
        tens, _, unit = token.partition("-")
        if tens in UNITS and unit in UNITS:
            return UNITS[tens] + UNITS[unit]
    return None


def _category(kind: str, tail: str | None = None) -> str:
    word = (tail or kind).split()[0]
    if tail == "lives" or kind.endswith(("martyrs", "lives", "life")) or \
            kind.startswith(("martyr", "lost")):
        return "killed"
    if re.match(_KILLED, word) or word in ("killed", "killing", "kills", "kill", "claimed"):
        return "killed"
    if re.match(_WOUNDED, word) or word.startswith(("wound", "injur")):
        return "wounded"
    if word.startswith(("left", "shot", "shooting", "executed", "beheaded")):
        return "killed"
    return "captured"


def extract_casualties(sentence: str, present: AbstractSet[str] | None = None) -> Casualties:
    """Killed / wounded / captured counts stated in `sentence`.

    `present`: the cue stems in the sentence, if the caller found them article-wide.
    """
    return total_casualties(casualty_counts(sentence, present))


# One count as stated: (start of the number in the sentence, category, value or None,
# the vague amount as written when value is None).
Count = tuple[int, str, "int | None", "str | None"]


def total_casualties(counts: list[Count]) -> Casualties:
    """Counts of one sentence (or one clause of it) added up: different groups sum."""
    found: dict[str, list[int]] = {"killed": [], "wounded": [], "captured": []}
    vague: dict[str, str] = {}
    for _start, category, value, text in counts:
        if value is None:
            vague.setdefault(category, text or "")
        else:
            found[category].append(value)

    def total(values: list[int]) -> int | None:
        return sum(values) if values else None

    return Casualties(
        killed=total(found["killed"]),
        wounded=total(found["wounded"]),
        captured=total(found["captured"]),
        killed_text=None if found["killed"] else vague.get("killed"),
        wounded_text=None if found["wounded"] else vague.get("wounded"),
    )


# "The toll was revised down to 7", "corrected the toll to 7": a correction, not a rise.
_TOLL_DOWN = re.compile(r"\b(?:revis\w+\s+(?:\w+\s+){0,4}?down(?:wards?)?|lower(?:ed|s|ing)|"
                        r"correct(?:ed|s|ing)|fell|dropped|revised\s+(?:down|downwards?))\b")


def toll_corrected(sentence: str) -> int | None:
    """The corrected toll `sentence` states ("officials revised the toll down to 7" -> 7),
    which replaces a higher one told before; None if it corrects none."""
    text = fold(sentence)
    if not _TOLL_DOWN.search(text):
        return None
    for m in (*_TOLL.finditer(text), *_TOLL_BY.finditer(text)):
        if "wound" in m["kind"] or "injur" in m["kind"]:
            continue
        if _TOLL_DOWN.search(text, m.start(), m.end()):
            return to_number(m["num"])
    return None


# "The driver died of his wounds at the scene": the death already told, not a later one
_AT_THE_SCENE = re.compile(r"\b(?:at\s+the\s+scene|on\s+the\s+spot|on\s+site|instantly|"
                           r"immediately)\b")


def added_deaths(sentence: str) -> int | None:
    """Deaths `sentence` adds to a toll told before ("Two more people died in hospital"
    -> 2), or None when it tells none or states the toll itself ("raising the toll to 7")."""
    text = fold(sentence)
    starts = set()
    # every _MORE match holds one of these words ("other" is in "another"): str `in` tests
    # skip its costly scan in most sentences
    if "more" in text or "other" in text or "further" in text or "additional" in text:
        for m in _MORE.finditer(text):
            starts.add(m.start("n") if m["n"] else m.start("n2") if m["n2"]
                       else m.start("one"))
    if "also" in text:
        starts.update(m.start("n") for m in _ALSO.finditer(text))
    # the wounded told before, now dead; not "of the five dead, two died of wounds"
    # ("a third soldier died of his wounds" tells the toll itself: three)
    wounds = ("died" in text or "succumbed" in text) and \
        _DIED_OF_WOUNDS.search(text) is not None and not _OF_THE_DEAD.search(text) \
        and not _NTH_ONE.search(text) and not _AT_THE_SCENE.search(text)
    if not wounds and not starts:
        return None  # no count can qualify: skip the toll and count scans (most sentences)
    if _TOLL.search(text) or _TOLL_BY.search(text) or _TOLL_OF.search(text):
        return None  # the toll itself ("gave a higher toll of 26 dead"), not deaths added
    added = [value for at, category, value, _t in casualty_counts(sentence)
             if category == "killed" and value and (wounds or at in starts)]
    return sum(added) if added else None


def _person_lists(text: str, counts: list[Count], used: list[tuple[int, int]]) -> None:
    """Counts of lists of people killed or hurt in folded `text` ("a girl and her
    grandmother were killed" -> 2, "claimed the lives of a mother and her son" -> 2),
    added to `counts`; each list's span goes to `used` so its parts are not counted
    again."""
    for m in (*_LIST_SUBJECT.finditer(text), *_LIST_OBJECT.finditer(text)):
        start, end = m.span("list")
        if any(s <= start < e or start <= s < end for s, e in used):
            continue
        if m.re is _LIST_SUBJECT and _VERB_BEFORE.search(text, max(0, start - 40), start):
            continue  # "killed 3 people and 9 others were wounded": two verbs, two counts
        if m.re is _LIST_OBJECT and not m["kind"].startswith("bodies") and \
                _OWN_VERB.match(text, end):
            continue
        if _SUBSET.search(text, max(0, start - 20), start) or _OF_THE_DEAD.search(
                text, max(0, start - 30), start):
            continue  # "among them a woman and her son": a part of a toll
        size = _list_size(m["list"])
        if size is None:
            continue
        head, comma, _rest = m["list"].partition(",")
        if comma and _GENERIC_GROUP.search(head) and (first := _list_size(head)):
            size = first  # "two residents, a man and his wife": who the two were
        kind = m["kind"] or "died"
        category = "killed" if kind.startswith(("claim", "took", "cost", "tak", "bodies",
                                                 "martyr")) else _category(kind)
        counts.append((start, category, size, None))
        used.append((start, end))


def _zero_counts(text: str) -> list[Count]:
    """Counts of zero stated in folded `text` ("Nobody was hurt": none killed, none
    wounded; "no deaths": none killed)."""
    out: list[Count] = []
    for m in _NONE_HURT.finditer(text):
        word = m["kind"] or m["what"] or "killed"
        out.append((m.start(), "killed", 0, None))
        if word in ("hurt", "injured", "wounded", "harmed", "casualties", "victims",
                    "injuries", "losses"):
            out.append((m.start(), "wounded", 0, None))
    return out


def casualty_counts(sentence: str, present: AbstractSet[str] | None = None) -> list[Count]:
    """Every count `extract_casualties` takes from `sentence`, in the order found."""
    if present is not None and present.isdisjoint(TRIGGERS):
        return []
    text = fold(sentence)
    if present is None:
        present = _CUES.present(text)
    if present.isdisjoint(TRIGGERS):
        return []
    counts: list[Count] = []
    used: list[tuple[int, int]] = []
    ellipsis: list[tuple[int, str]] = []  # (where a placed count may follow, category)

    def take(m: re.Match[str], category: str) -> None:
        start = m.start("num")
        if any(s <= start < e for s, e in used):
            return
        if _SUBSET.search(text, max(0, start - 20), start):
            return
        if _AGE.match(text, m.end("num")) or _AGED.search(text, max(0, start - 30), start):
            return  # "a 64-year-old", "a woman aged 64 was killed": an age, not a count
        if (_MONTH_BEFORE.search(text, max(0, start - 11), start) and _EVENT_AFTER.match(
                text, m.end("num"))) or _MONTH_AFTER.match(text, m.end("num")):
            return  # "the April 10 strike killed four": a day of the month
        if text.startswith("no ", max(0, start - 3)) or text.startswith("no-", max(0, start - 3)):
            return  # "No one was hurt": nobody
        if _ROSTER_BEFORE.search(text, max(0, start - 24), start):
            return  # "published the names of 29 more servicemen killed": a roll of the dead
        if _EARLIER_FIGURE.search(text, max(0, start - 50), start):
            return  # "89 were killed, up from an earlier toll of 80": the old figure
        token = m["num"]
        value = 1 if token in _ONE_OF else to_number(token)
        if token in ("a", "an") and (o := _ORDINAL.match(text, m.end("num"))) and \
                category == "killed":
            value = ORDINALS[o[1]]  # "a third soldier died": the toll is now three (but
            # "killed three, and a fourth person was wounded": one wounded)
        said_from, said_to = start, m.end("num")
        if up := _UP_TO.search(text, max(0, start - 10), start):
            value, said_from = None, up.start()  # "up to 30 dead": a ceiling, not a count
        elif value is not None and (rng := _RANGE_AFTER.match(text, m.end("num"))):
            value, said_to = None, rng.end()  # "10 to 15 people": a range, not a count
        elif value is not None and (rng := _RANGE_BEFORE.search(text, max(0, start - 30),
                                                                 start)):
            value, said_from = None, rng.start()  # "one or two", "between 20 and 30"
        if category in ("killed", "wounded"):
            ellipsis.append((m.end("num"), category))
        used.append((m.start("num"), said_to))
        counts.append((start, category, value,
                       sentence[said_from: said_to] if value is None else None))

    if '"' in text:  # 'said "at least ten" insurgents': a quoted figure is still one
        text = text.replace('"', " ")
    if "includ" in text or "among" in text or " of them" in text or " of whom" in text \
            or "aged" in text:
        text = _SUBSET_CLAUSE.sub(lambda m: " " * len(m.group(0)), text)
    if text.count(" - ") >= 2:  # "two civilians - a man and a woman - were killed"
        text = _DASHED_ASIDE.sub(lambda m: " " * len(m.group(0)), text)
    if text.count(",") >= 2:
        text = _APPOSITION.sub(lambda m: " " * len(m.group(0)), text)
    if " and " in text or "couple" in text or "parents" in text:
        _person_lists(text, counts, used)
    for m in _AND_PAIR.finditer(text):
        if any(s <= m.start("n1") < e for s, e in used):
            continue
        if _VERB_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "killed 4 people and 12 others were wounded": two verbs, two counts
        first = to_number(m["n1"])
        if first is not None and to_number(m["num"]) is not None:
            category = _category(m["kind"])
            counts.append((m.start("n1"), category, first, None))
            used.append((m.start("n1"), m.end("n1")))
            take(m, category)
    if " and " in text:
        for m in _TWO_ROLES.finditer(text):
            start = m.start("num")
            if _KIN_SECOND.search(m.group(0)):
                continue  # "the farmer and his son": the kin rule counts them
            if not any(s <= start < e for s, e in used):
                used.append((start, m.end()))
                counts.append((start, _category(m["kind"]), 2, None))
    n_before = len(counts)
    for m in (*_TOLL.finditer(text), *_TOLL_BY.finditer(text), *_TOLL_LONG.finditer(text),
              *_TOLL_BARE.finditer(text)):
        take(m, "wounded" if "wound" in m["kind"] or "injur" in m["kind"] else "killed")
    if "body" in text or "victim" in text or "person" in text or "casualty" in text:
        for m in _NTH_FOUND.finditer(text):
            counts.append((m.start("num"), "killed", ORDINALS[m["num"]], None))
            used.append((m.start(), m.end()))
    tolls: dict[str, int] = {}  # a toll is the total: other counts are in it
    for at, category, _v, _t in sorted(counts[n_before:]):
        first = tolls.get(category)
        # the later toll stands ("initially put at nine, the toll rose to ten"), unless a
        # rival source gives it ("the committee said the toll exceeded 50, while other
        # sources put it at 124"): the first-named source's figure
        if first is None or not _RIVAL_CLAUSE.search(text, first, at):
            tolls[category] = at
    for m in _SUBJECT.finditer(text):
        if m["kind"] == "casualties":
            continue
        if _PERPETRATOR.search(text, m.end("num"), m.start("kind")):
            continue  # "the three are accused of killing him": who killed, not who died
        if _PART_OF_DEAD.match(text, m.end("num")):
            continue  # "Five of the dead were children": a part of the toll, not the toll
        if m["kind"] == "bodies" and _BURIED.search(text):
            continue  # "buried 14 bodies": a funeral's count, not the event's toll
        take(m, _category(m["kind"]))
    if "family of" in text or "massacre of" in text:
        for m in _GROUP_OF.finditer(text):
            take(m, "killed")
    if "bodies of" in text and not _BURIED.search(text):
        for m in _BODIES_OF.finditer(text):
            take(m, "killed")
    if "figure of" in text or "tally of" in text or "toll of" in text:
        for m in _FIGURE_OF.finditer(text):
            if m["what"] or "wound" not in text[m.end(): m.end() + 12]:
                take(m, "wounded" if m["what"] and m["what"].startswith(("wound", "injur"))
                     else "killed")
    if "lives of" in text:
        for m in _LIVES_OF.finditer(text):
            take(m, "killed")
    if "loss" in text:
        for m in _LOSS_OF.finditer(text):
            take(m, "killed")
    if "lost " in text:
        for m in _LOST.finditer(text):
            take(m, "killed")
    if "eliminat" in text or "neutrali" in text:
        for m in (*_ELIMINATED.finditer(text), *_ELIMINATED_PASSIVE.finditer(text)):
            take(m, "killed")
    for m in _OBJECT.finditer(text):
        kind, tail = m["kind"], m["tail"]
        if (acc := _ACCUSED_OF.search(text, max(0, m.start() - 40), m.start())) and \
                not _ARMED_ACCUSED.search(acc.group(0)):
            continue  # "accused of killing a shopkeeper": a charge, not this event's dead
            # ("accused Russian forces of shooting dead three civilians" is a side's
            # account of the event, with its dead)
        if kind in ("left", "claimed") and tail is None:
            continue
        if kind == "left" and tail and tail != "dead":
            take(m, _category(tail))
            continue
        take(m, _category(kind, tail if kind in ("left", "claimed") else None))
    if " and " in text:
        for m in _AND_OBJECT.finditer(text):
            take(m, _category(m["kind"]))
    if "the " in text or "its " in text or "their " in text or "his " in text \
            or "her " in text or "a " in text:
        for m in (*_OBJECT_ONE.finditer(text), *_SUBJECT_ONE.finditer(text)):
            take(m, _category(m["kind"]))
    if " was " in text or " been " in text:
        for m in _RANK_NAMED_ONE.finditer(text):
            if not any(s <= m.start("num") < e for s, e in used) and \
                    not any(m.start() <= c[0] < m.end() for c in counts):  # "the Border
                # Guard of Georgia, Corporal X, was killed": one person, counted once
                used.append((m.start("num"), m.end()))
                counts.append((m.start("num"), _category(m["kind"]), 1, None))
    if " and his " in text or " and her " in text:
        for m in (*_AND_KIN.finditer(text), *_KIN_SUBJECT.finditer(text)):
            first = m.start() if m.re is _KIN_SUBJECT else m.start("first")
            if any(s <= first < e for s, e in used):
                continue  # told as a list of people
            if all(c[0] != first for c in counts):
                counts.append((first, _category(m["kind"]), 1, None))  # the first one
            if m["num"]:
                take(m, _category(m["kind"]))
            else:
                counts.append((m.end() - 1, _category(m["kind"]), 1, None))
    while ellipsis:
        end, category = ellipsis.pop()
        if (e := _ELLIPSIS.match(text, end)) and to_number(e["num"]) is not None:
            take(e, category)
    if "no" in text or "without" in text or "zero" in text:
        counts.extend(_zero_counts(text))
    if tolls:
        # "The death toll rose to 11 as rescuers found two more bodies": 11 in all.
        counts = [c for c in counts if c[1] not in tolls or tolls[c[1]] == c[0]]
    if len(counts) >= 2 and _SOURCE_WORDS.search(text):
        counts = _one_figure_per_victims(text, counts)
    return counts


def _one_figure_per_victims(text: str, counts: list[Count]) -> list[Count]:
    """Two sources' figures for the same dead ("the ministry said 21 were killed, while a
    volunteer group said 34 died"; "gave a higher figure of 19") are one toll, the larger,
    not two groups to add up. Counts of different sides, or added ones ("two more"), still
    add."""
    out: list[Count] = []
    for count in sorted(counts):
        at, category, value, _t = count
        prev = next((c for c in reversed(out) if c[1] == category), None)
        if prev is None or value is None or prev[2] is None or value == 0 or prev[2] == 0:
            out.append(count)
            continue
        between = text[prev[0]: at]
        if not _SOURCE_WORDS.search(between) or _MORE_BEFORE.search(text, max(0, at - 15), at) \
                or _MORE_AFTER.match(text, at) or _side_at(text, prev[0]) != _side_at(text, at) \
                or _own_losses_of_two(text, prev[0], at):
            out.append(count)
            continue
        if value > prev[2]:
            out[out.index(prev)] = count
    return out


# "49 of its soldiers", "it had lost 50 servicemen": a side's own dead, told by that side
_OWN_AFTER = re.compile(r"\S+\s+(?:of\s+)?(?:its|their|our)\s+(?:own\s+)?\w+")
_OWN_BEFORE = re.compile(r"\b(?:lost|losing|loss\s+of)\s+(?:\w+\s+){0,2}$")
# The teller of a count: the word before the last "said" ahead of it
_TELLER = re.compile(r"\b([a-z][\w'-]*)\s+(?:said|says|reported|claimed|announced)\b"
                     r"(?!.*\b(?:said|says|reported|claimed|announced)\b)")


def _own_losses_of_two(text: str, a: int, b: int) -> bool:
    """Are counts at `a` and `b` two tellers' own dead ("Armenia said 49 of its soldiers
    were killed, while Azerbaijan said it had lost 50 servicemen")? Two sides' losses,
    to add up, not two figures for the same dead."""
    def own(at: int) -> bool:
        return bool(_OWN_AFTER.match(text, at) or _OWN_BEFORE.search(text, max(0, at - 30), at))

    if not (own(a) and own(b)):
        return False
    first, second = _TELLER.search(text, 0, a), _TELLER.search(text, a, b)
    return first is not None and second is not None and first[1] != second[1]


def _side_at(text: str, at: int) -> str | None:
    """The side ("armed", "forces" or None) of the count at `at` in folded `text`."""
    m = _SIDE_NOUN.match(text, at)
    return None if m is None else ("armed" if m["armed"] else "forces")
