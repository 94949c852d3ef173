"""ACLED's event taxonomy (event_type -> sub_event_types), the vocabulary analysts know.

We add one sub-event type, "Diplomatic statement", under Strategic developments so that
official statements (placed at the speaker's seat) can be shown as their own map layer.
"""

from __future__ import annotations

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

ARMED_CLASH = "Armed clash"
GOVERNMENT_REGAINS = "Government regains territory"
NON_STATE_TAKEOVER = "Non-state actor overtakes territory"
SHELLING = "Shelling/artillery/missile attack"
AIR_DRONE = "Air/drone strike"
SUICIDE_BOMB = "Suicide bomb"
REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
GRENADE = "Grenade"
CHEMICAL = "Chemical weapon"
ATTACK = "Attack"
ABDUCTION = "Abduction/forced disappearance"
SEXUAL_VIOLENCE = "Sexual violence"
PEACEFUL_PROTEST = "Peaceful protest"
PROTEST_INTERVENTION = "Protest with intervention"
EXCESSIVE_FORCE = "Excessive force against protesters"
VIOLENT_DEMONSTRATION = "Violent demonstration"
MOB_VIOLENCE = "Mob violence"
AGREEMENT = "Agreement"
ARRESTS = "Arrests"
CHANGE_TO_GROUP = "Change to group/activity"
DISRUPTED_WEAPONS = "Disrupted weapons use"
HEADQUARTERS = "Headquarters or base established"
LOOTING = "Looting/property destruction"
NONVIOLENT_TRANSFER = "Non-violent transfer of territory"
OTHER = "Other"
DIPLOMATIC_STATEMENT = "Diplomatic statement"

TAXONOMY: dict[str, tuple[str, ...]] = {
    BATTLES: (ARMED_CLASH, GOVERNMENT_REGAINS, NON_STATE_TAKEOVER),
    EXPLOSIONS: (SHELLING, AIR_DRONE, SUICIDE_BOMB, REMOTE_EXPLOSIVE, GRENADE, CHEMICAL),
    VIOLENCE_CIVILIANS: (ATTACK, ABDUCTION, SEXUAL_VIOLENCE),
    PROTESTS: (PEACEFUL_PROTEST, PROTEST_INTERVENTION, EXCESSIVE_FORCE),
    RIOTS: (VIOLENT_DEMONSTRATION, MOB_VIOLENCE),
    STRATEGIC: (
        AGREEMENT,
        ARRESTS,
        CHANGE_TO_GROUP,
        DISRUPTED_WEAPONS,
        HEADQUARTERS,
        LOOTING,
        NONVIOLENT_TRANSFER,
        OTHER,
        DIPLOMATIC_STATEMENT,
    ),
}

# Event types whose incidents count as political violence (the map's default layers).
VIOLENT_EVENT_TYPES: frozenset[str] = frozenset({BATTLES, EXPLOSIONS, VIOLENCE_CIVILIANS})

EVENT_TYPES: tuple[str, ...] = tuple(TAXONOMY)


def is_valid(event_type: str, sub_event_type: str) -> bool:
    return sub_event_type in TAXONOMY.get(event_type, ())
