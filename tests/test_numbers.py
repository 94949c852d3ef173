"""Casualty counts: tied to a casualty word, never years, times, ages or aggregates."""

from __future__ import annotations

import pytest

from geomap.numbers import (
    added_deaths,
    casualty_counts,
    extract_casualties,
    to_number,
    total_casualties,
)


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded", "captured"),
    [
        ("The shellfire left at least nine people dead and 33 others wounded, including "
         "children, less than 24 hours after the truce.", 9, 33, None),
        ("15 Armenian soldiers had died in clashes on the border.", 15, None, None),
        ("The parliament added that 12 of their soldiers had been captured.", None, None, 12),
        ("As a result, an Azerbaijani serviceman was killed.", 1, None, None),
        ("3 Armenian servicemen received slight injuries.", None, 3, None),
        ("One Azerbaijani soldier was reported killed and three Armenian soldiers were "
         "wounded in the clashes.", 1, 3, None),
        ("An airstrike killed at least 13 people, including 5 children, at 23:00.", 13, None,
         None),
        ("Russian missiles struck Kharkiv, killing at least seven people and wounding 21 "
         "others.", 7, 21, None),
        ("The death toll rose to 21, officials said.", 21, None, None),
        ("A 25-year-old man was killed.", 1, None, None),
        ("Twenty-five civilians were killed.", 25, None, None),
        ("Five soldiers and a civilian were killed in the attack.", 6, None, None),
        ("Eleven people, including four children, were killed.", 11, None, None),
        ("The death toll from Saturday's strike rose to 21.", 21, None, None),
        ("Shelling killed two and injured five.", 2, 5, None),
        ("The attack left 7 people dead, including two children, and wounded 19.", 7, 19,
         None),
    ],
)
def test_counts(sentence: str, killed, wounded, captured) -> None:
    c = extract_casualties(sentence)
    assert (c.killed, c.wounded, c.captured) == (killed, wounded, captured)


def test_counts_for_two_groups_add_up() -> None:
    c = extract_casualties("The ministry said 12 Azerbaijani soldiers have been killed in the "
                           "fighting while the Armenian side confirmed that 18 soldiers died.")
    assert c.killed == 30


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia has deployed 1,960 peacekeepers to the region for an initial five-year period.",
        "On July 23, at around 23:00, the air defense units took action.",
        "The conflict first broke out in 1988.",
        "The talks lasted 24 hours.",
        "A 40-year-old woman spoke to reporters.",
    ],
)
def test_no_false_counts(sentence: str) -> None:
    assert not extract_casualties(sentence).any()


def test_vague_amounts_are_words() -> None:
    c = extract_casualties("Dozens of civilians were killed and hundreds wounded.")
    assert (c.killed, c.killed_text, c.wounded, c.wounded_text) == (
        None, "Dozens", None, "hundreds")


def test_to_number() -> None:
    assert [to_number(t) for t in ("13", "1,200", "twenty-five", "a", "dozens")] == [
        13, 1200, 25, 1, None]


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        # a further count for another place with its casualty word left out
        ("Israeli air strikes killed 12 people in Rafah and 7 in Khan Younis overnight.",
         [12, 7]),
        ("12 people were killed in Rafah, 7 in Khan Younis and three in Deir al-Balah.",
         [12, 7, 3]),
        ("Strikes killed five in Gaza City on Tuesday and 2 in Rafah.", [5, 2]),
        # not a count: a time span, a year
        ("Three were killed in Bakhmut and 20 in the past day.", [3]),
        ("Russian strikes killed 3 in Kherson and 2014 in total.", [3]),
    ],
)
def test_elided_counts_for_further_places(sentence: str, values: list[int]) -> None:
    from geomap.numbers import casualty_counts

    counts = casualty_counts(sentence)
    assert [c[2] for c in sorted(counts)] == values
    assert {c[1] for c in counts} == {"killed"}


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("The death toll rose to 11 on Monday as rescuers pulled two more bodies from the "
         "rubble.", 11),
        ("The toll climbed to 30 after four more people died in hospital.", 30),
        ("An official said the number of bodies recovered had risen to 11, while two "
         "herders were still missing.", 11),
        ("By evening the death toll had passed 30, the governor said.", 30),
        ("The committee said the death toll had exceeded 40.", 40),
        # a rival source's figure after ", while ..." does not replace the first-named one
        ("The health office said the death toll rose to 21, while a volunteer group put "
         "the toll at 34.", 21),
    ],
)
def test_a_toll_is_the_total_not_a_sum(sentence: str, killed: int) -> None:
    assert extract_casualties(sentence).killed == killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("IDF troops eliminated three terrorists in Jenin.", 3),
        ("Israeli forces shot dead a Palestinian man in Nablus.", 1),
        ("Residents said the RSF executed 7 men in El Fasher.", 7),
        ("Sappers neutralised 40 mines near Izium.", None),
        ("The army executed a plan to retake the town.", None),
    ],
)
def test_military_and_execution_verbs(sentence: str, killed) -> None:
    assert extract_casualties(sentence).killed == killed


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("Two women died at the scene and another person later died in hospital.", 3, None),
        ("Two soldiers were killed and another was wounded when troops opened fire.", 2, 1),
        ("Another 5 people were killed.", 5, None),
        ("He said another round of talks was planned after 2 died.", 2, None),
    ],
)
def test_another_is_one_more(sentence: str, killed, wounded) -> None:
    c = extract_casualties(sentence)
    assert (c.killed, c.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("The strike killed a family of five in Deir al-Balah.", 5),
        ("The RSF carried out a massacre of 30 civilians near Sennar.", 30),
        ("A family of five was displaced.", None),
    ],
)
def test_a_family_or_a_massacre_of_n(sentence: str, killed) -> None:
    assert extract_casualties(sentence).killed == killed


def test_a_toll_named_by_its_event() -> None:
    c = extract_casualties("The death toll from Saturday's strike on Sumy has risen to 35.")
    assert c.killed == 35


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [("No one was hurt.", 0, 0),
     ("No one was killed, but two were wounded.", 0, 2)],
)
def test_no_one_is_nobody(sentence: str, killed, wounded) -> None:
    """"No one" is nobody (a zero), never the number one."""
    c = extract_casualties(sentence)
    assert (c.killed, c.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("Nobody was killed in the attack on the depot.", 0, None),
        ("No one was hurt when the shell hit the school.", 0, 0),
        ("The governor said there were no casualties.", 0, 0),
        ("Police said the blast caused no deaths.", 0, None),
        ("The post was shelled overnight without casualties.", 0, 0),
        ("Three guards were wounded but no one died.", 0, 3),
        ("No casualty figures were given.", None, None),
        ("Casualty figures were not available.", None, None),
        ("No civilians were harmed, the command said.", None, None),
        ("No one has claimed responsibility for the bombing.", None, None),
    ],
)
def test_zero_tolls(sentence: str, killed, wounded) -> None:
    """A stated zero is 0 (coded as such), a missing figure or a group's zero is None."""
    c = extract_casualties(sentence)
    assert (c.killed, c.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("A shell hit the lorry, killing the driver and wounding two aid workers.", 1, 2),
        ("The strike killed the commander of the battalion.", 1, None),
        ("Gunmen stormed the village, shooting dead four farmers.", 4, None),
        ("The ambush wounded its pilot.", None, 1),
        ("The raid killed the driver and his brother.", 2, None),
        ("Shelling killed the soldiers guarding the bridge.", None, None),
    ],
)
def test_one_person_by_role(sentence: str, killed, wounded) -> None:
    """"killing the driver" is one dead; a pair is two, a plural group is not one."""
    c = extract_casualties(sentence)
    assert (c.killed, c.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("The death toll rose from 6 to 9 overnight.", 9, None),
        ("Two more bodies were pulled out, raising the death toll to 12.", 12, None),
        ("Rescue workers recovered more bodies, bringing the toll to 20.", 20, None),
        ("The number of injured rose from 15 to 26.", None, 26),
        ("Authorities later revised the toll to 8.", 8, None),
        ("The number of dead increased to 31 on Tuesday.", 31, None),
    ],
)
def test_toll_updates_give_the_latest_total(sentence: str, killed, wounded) -> None:
    """A toll that moved is the new total; the old number and the increment are not."""
    c = extract_casualties(sentence)
    assert (c.killed, c.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Officials said the June 14 attack had killed six people.", 6),
        ("The strike on July 2 killed 8 people.", 8),
        ("The 21 March bombing killed three.", 3),
        ("On 9 October 5 soldiers were killed.", 5),
    ],
)
def test_a_day_of_the_month_is_not_a_count(sentence: str, killed) -> None:
    assert extract_casualties(sentence).killed == killed


def test_the_accused_are_not_the_dead() -> None:
    c = extract_casualties("The two men are accused of killing a shopkeeper last year.")
    assert c.killed is None


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ('The army said it had "neutralised" 12 terrorists near the border.', 12),
        ("Drones hit a depot overnight, killing a truck driver.", 1),
        ("A teacher and two pupils were killed.", 3),
    ],
)
def test_quoted_military_words_and_more_roles(sentence: str, killed) -> None:
    assert extract_casualties(sentence).killed == killed


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("Jets struck the village, killing a shepherd and his son.", 2, None),
        ("The blast killed a mother and her three daughters.", 4, None),
        ("A father and his daughter were killed by the shell.", 2, None),
        ("Snipers wounded a man and his brother near the bridge.", None, 2),
    ],
)
def test_a_person_and_their_relatives(sentence: str, killed, wounded) -> None:
    c = extract_casualties(sentence)
    assert (c.killed, c.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [("Monitors documented the killing of four civilians in the raid.", 4),
     ("The ministry confirmed the deaths of two soldiers.", 2)],
)
def test_the_killing_of_n(sentence: str, killed) -> None:
    assert extract_casualties(sentence).killed == killed


def test_a_nth_death_and_added_deaths() -> None:
    from geomap.numbers import added_deaths
    assert extract_casualties("A fourth victim died in hospital on Friday.").killed == 4
    assert added_deaths("Two more people died of their wounds overnight.") == 2
    assert added_deaths("A further three bodies were pulled from the rubble.") == 3
    assert added_deaths("Two more people died, bringing the toll to 9.") is None
    assert added_deaths("Two soldiers were killed and another was wounded.") is None


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Four of our soldiers rose as martyrs defending the bridge.", 4),
        ("Two guards fell martyrs at the gate.", 2),
        ('Residents said "at least eight" villagers were killed.', 8),
    ],
)
def test_translated_and_quoted_death_counts(sentence: str, killed) -> None:
    assert extract_casualties(sentence).killed == killed


def test_count_sides_tell_fighters_from_forces() -> None:
    from geomap.numbers import casualty_counts, count_sides
    for sentence, sides in (("Six bandits were killed.", {"armed"}),
                            ("Police shot dead three suspected gunmen.", {"armed"}),
                            ("Two of our servicemen died.", {"forces"}),
                            ("Nine people died.", {None})):
        assert count_sides(sentence, casualty_counts(sentence)) == sides


def test_a_sentence_disputing_its_own_figure() -> None:
    from geomap.numbers import disputed
    assert disputed("The group claimed 40 kills, a figure not supported by witnesses.")
    assert not disputed("The figure rose to 40, officials said.")


def test_beheaded_victims_are_killed() -> None:
    assert extract_casualties("Militants beheaded three villagers on the road.").killed == 3


def test_no_losses_among_our_troops_is_a_zero_toll() -> None:
    c = extract_casualties("There were no losses among our troops.")
    assert (c.killed, c.wounded) == (0, 0)
    assert extract_casualties("The enemy suffered heavy losses.").killed is None


def test_one_armed_attacker_killed_by_role() -> None:
    assert extract_casualties("Guards shot and eliminated the gunman.").killed == 1
    assert extract_casualties("Police killed the attacker near the gate.").killed == 1
    assert extract_casualties("Troops eliminated the militants in the house.").killed is None


@pytest.mark.parametrize(("sentence", "killed", "wounded"), [
    ("A bomb on the bus killed 14 pupils and a driver near the bridge.", 15, None),
    ("Shelling killed 6 villagers and two soldiers on Friday.", 8, None),
    ("The blast killed 3 people and 9 others were wounded.", 3, 9),
    ("The blast killed 3 people and 9 were hurt.", 3, 9),
])
def test_two_groups_after_one_verb_and_a_second_verbs_count(sentence: str, killed: int,
                                                            wounded: int | None) -> None:
    c = extract_casualties(sentence)
    assert (c.killed, c.wounded) == (killed, wounded)


def test_up_to_is_a_ceiling_not_a_count() -> None:
    c = extract_casualties("The barrage killed up to 40 people in the market.")
    assert (c.killed, c.killed_text) == (None, "up to 40")


def test_a_singular_role_as_subject_is_one() -> None:
    c = extract_casualties("The pilot was killed and two crew were hurt.")
    assert c.killed == 1


def test_passive_neutralised_fighters_are_killed() -> None:
    assert extract_casualties("Nine insurgents were neutralised.").killed == 9
    assert extract_casualties("Four drones were neutralised.").killed is None


def test_burials_are_not_a_toll() -> None:
    assert extract_casualties("Villagers buried 11 bodies on Friday.").killed is None
    assert extract_casualties("Rescuers pulled 11 bodies from the rubble.").killed == 11


@pytest.mark.parametrize(("sentence", "said"), [
    ("The bombing killed 8 to 12 people.", "8 to 12"),
    ("Three or four guards were killed.", "Three or four"),
    ("Between 40 and 60 villagers were killed.", "Between 40 and 60"),
])
def test_a_range_is_no_count(sentence: str, said: str) -> None:
    c = extract_casualties(sentence)
    assert (c.killed, c.killed_text) == (None, said)


def test_a_toll_rising_from_one_number_to_another_is_not_a_range() -> None:
    assert extract_casualties("The toll climbed from 6 to 10 overnight.").killed == 10


def test_an_injured_victim_who_died_is_a_death_added() -> None:
    from geomap.numbers import added_deaths
    sentence = "Another injured patient died overnight."
    assert extract_casualties(sentence).killed == 1
    assert extract_casualties(sentence).wounded is None
    assert added_deaths(sentence) == 1


def test_the_wounded_who_later_died_are_added() -> None:
    from geomap.numbers import added_deaths
    assert added_deaths("Three of the wounded later died in hospital.") == 3
    assert added_deaths("Two injured soldiers died overnight.") == 2
    assert added_deaths("Of the six dead, two died of their wounds in hospital.") is None


@pytest.mark.parametrize("sentence, killed, wounded", [
    ("The farmer, a father of three, was shot dead near his field.", 1, None),
    ("The woman was killed when the shell hit her car.", 1, None),
    ("The guard, named by police as Omar Said, 31, died at the scene.", 1, None),
    ("A medic from the Red Crescent, Ali Hassan (born 1990), was fatally wounded.", 1, None),
    ("A teacher of the local school, aged 40, was injured.", None, 1),
    ("The man fired at two soldiers.", None, None),
])
def test_one_person_as_subject_with_apposition(sentence: str, killed, wounded) -> None:
    c = extract_casualties(sentence)
    assert (c.killed, c.wounded) == (killed, wounded)


@pytest.mark.parametrize("sentence, killed", [
    ("The ministry confirmed the loss of four servicemen.", 4),
    ("The unit suffered losses of 9 men in the ambush.", 9),
    ("The loss of three armoured vehicles was confirmed.", None),
    ("Police said 12 militants neutralised in the operation.", 12),
    ("Two gunmen neutralised three guards at the gate.", None),
])
def test_loss_of_people_and_shorthand_neutralised(sentence: str, killed) -> None:
    assert extract_casualties(sentence).killed == killed


@pytest.mark.parametrize("sentence, killed", [
    ("Three guards lost their lives in the blast.", 3),
    ("A medic lost his life at the checkpoint.", 1),
    ("The bombardment claimed the lives of 14 villagers.", 14),
    ("The raid took the lives of at least six farmers.", 6),
])
def test_lives_lost_are_killed_not_captured(sentence: str, killed) -> None:
    c = extract_casualties(sentence)
    assert (c.killed, c.captured) == (killed, None)


@pytest.mark.parametrize("sentence, killed", [
    ("The ambush killed the four guards.", 4),
    ("A missile hit the minibus and killed its nine passengers.", 9),
    ("Police found the bodies of five farmers in a ditch.", 5),
    ("Mourners buried the bodies of two men on Friday.", None),
])
def test_counted_object_after_a_determiner_and_bodies_of(sentence: str, killed) -> None:
    assert extract_casualties(sentence).killed == killed


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("A boy and his grandfather died when the shell landed.", 2, None),
        ("The drone strike claimed the lives of a father and his daughter.", 2, None),
        ("An elderly couple was killed in the shelling of the suburb.", 2, None),
        ("Rocket fire killed a nurse, her husband and their three sons.", 5, None),
        ("The bodies of a shepherd and his nephew were found by the road.", 2, None),
        ("Militiamen shot dead two traders and a herder at the well.", 3, None),
        ("A pensioner and a volunteer were wounded by fragments.", None, 2),
        ("The shell killed 4 people and 6 others were hurt.", 4, 6),
        ("Assailants shot dead the mayor and his aide outside the office.", 2, None),
        ("Nine villagers died, among them a teacher and her niece.", 9, None),
    ],
)
def test_a_list_of_people_counts_each(sentence: str, killed, wounded) -> None:
    """Every person of a list is one victim, a couple is two, a number counts its group."""
    c = extract_casualties(sentence)
    assert (c.killed, c.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Four of the dead were members of one family.", None),
        ("Two of those killed were firefighters, the mayor said.", None),
        ("Seven people, three of them children, died in the blaze of the strike.", 7),
        ("At least 15 civilians - most of them women - were killed.", 15),
        ("Three of the injured later died in hospital.", 3),
    ],
)
def test_a_part_of_the_dead_is_not_the_toll(sentence: str, killed) -> None:
    """"N of the dead were ..." and ", N of them ...," describe a toll, they are not one."""
    assert extract_casualties(sentence).killed == killed


def test_a_part_told_as_fatally_wounded_is_still_counted() -> None:
    c = extract_casualties("Ten people were hit, four of them fatally, police said.")
    assert c.killed == 4


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("Shelling of the town killed a man aged 71, officials said.", 1, None),
        ("A pensioner aged 80 was killed when the shell hit her flat.", 1, None),
        ("A farmer aged 52 and his son were wounded.", None, 2),
        ("Three women, aged 19, 24 and 60, died in the attack.", 3, None),
    ],
)
def test_an_age_is_not_a_count(sentence: str, killed, wounded) -> None:
    c = extract_casualties(sentence)
    assert (c.killed, c.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("The toll was later corrected to six.", 6),
        ("Authorities lowered the number of dead to 4 after identifying the remains.", 4),
        ("The death toll from the night's drone attack on the port city has climbed to 9.", 9),
    ],
)
def test_corrected_and_long_subject_tolls(sentence: str, killed: int) -> None:
    assert extract_casualties(sentence).killed == killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Unknown assailants shot dead a village elder near the market.", 1),
        ("A roadside bomb hit the patrol, martyring two soldiers.", 2),
        ("Gunmen killed an opposition activist outside his home.", 1),
    ],
)
def test_more_single_victims_and_martyring(sentence: str, killed: int) -> None:
    assert extract_casualties(sentence).killed == killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # a toll told after a long description of its event; the bodies are in it
        ("Rescuers said the number of people killed in Friday's raid on a crowded "
         "two-storey clinic near the old market has risen to 14, after crews found four "
         "more bodies.", 14),
        ("The death toll from a missile strike on a nine-storey apartment block in the "
         "central part of the southern industrial city of Laketown rose to 11 on Thursday.",
         11),
        # a health ministry's word for the dead
        ("The ministry mourned the martyrdom of five citizens in the night's bombardment.", 5),
        ("It also announced the martyrdom of the young driver, hit at a checkpoint.", 1),
        # a side's own losses are its dead: they add to the enemy dead of one fight
        ("The army said its units killed 20 rebels and lost two soldiers in the battle.", 22),
    ],
)
def test_tolls_told_the_long_way(sentence: str, killed: int) -> None:
    assert extract_casualties(sentence).killed == killed


@pytest.mark.parametrize("sentence", [
    "The home side lost three matches in a row.",
    "The brigade lost two tanks near the ridge.",
])
def test_lost_things_are_no_dead(sentence: str) -> None:
    assert extract_casualties(sentence).killed is None


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("Three people, a nurse and her two daughters, were killed.", 3, None),
        ("14:20 - Four civilians were killed by shelling in the town centre.", 4, None),
        ("Two fighters of the group's northern brigade were killed and four hurt.", 2, 4),
    ],
)
def test_appositions_stamps_and_long_of_phrases(sentence: str, killed, wounded) -> None:
    """A count meets its verb across who they were; a clock time is not a range."""
    c = extract_casualties(sentence)
    assert (c.killed, c.wounded) == (killed, wounded)


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("A shell struck a taxi on the bridge, killing the driver and a passenger.", 2, None),
        ("The blast wounded a medic and a teacher near the clinic.", None, 2),
        # kin are counted by their own rule, once
        ("The strike killed the farmer and his son.", 2, None),
        ("Shelling near the bridge killed an officer and his driver.", 2, None),
    ],
)
def test_two_people_named_by_their_roles(sentence: str, killed: int | None,
                                         wounded: int | None) -> None:
    found = extract_casualties(sentence)
    assert (found.killed, found.wounded) == (killed, wounded)


def test_one_person_with_an_age_and_a_name() -> None:
    found = extract_casualties("A 31-year-old shepherd, Omar Haddad, was shot dead near the "
                               "well, relatives said.")
    assert found.killed == 1


def test_victims_with_their_ages_in_apposition() -> None:
    found = extract_casualties("Two women, aged 38 and 71, were killed and four people were "
                               "hurt when the shell hit the yard.")
    assert (found.killed, found.wounded) == (2, 4)


@pytest.mark.parametrize(("sentence", "killed"), [
    ("A man aged 58 was killed when the shell hit his garden.", 1),
    ("Rescuers said a woman aged 81 died of her injuries.", 1),
])
def test_an_age_after_aged_is_no_count(sentence: str, killed: int) -> None:
    assert extract_casualties(sentence).killed == killed


@pytest.mark.parametrize("sentence", [
    "Masked men shot dead an opposition leader outside his home.",
    "A roadside bomb hit the patrol near the bridge, martyring one policeman.",
])
def test_one_victim_by_role_or_martyred(sentence: str) -> None:
    assert extract_casualties(sentence).killed == 1


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Officials said 14 people died, while medics said at least 22 were killed.", 22),
        ("The hospital reported nine dead; a rights group gave a higher figure of 13.", 13),
        ("The governor said eight civilians were killed; the mayor said six died.", 8),
        ("The army said two soldiers were killed and the rebels said 11 fighters died.", 13),
        ("Police said three people died, and medics said two more died later.", 5),
    ],
)
def test_two_sources_for_the_same_dead_are_one_toll(sentence: str, killed: int) -> None:
    """Another source's figure for the same victims is not more victims (the larger
    figure stands); other sides' dead and deaths told as more still add."""
    assert extract_casualties(sentence).killed == killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("A 12-year-old boy was among those killed.", None),
        ("Four paramedics were among the 20 people killed.", 20),
        ("A man in his 70s was killed when the drone hit his yard.", 1),
    ],
)
def test_among_the_dead_is_a_part_and_an_age_decade_is_one(sentence: str, killed) -> None:
    assert extract_casualties(sentence).killed == killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Shelling killed two villagers, a shepherd and his nephew.", 2),
        ("The strike killed three people, a teacher and her son.", 3),
        ("Gunmen killed two guards, a nurse and a driver.", 4),
    ],
)
def test_a_group_then_who_they_were_is_the_group(sentence: str, killed: int) -> None:
    """"two villagers, a shepherd and his nephew" names the two, it adds nobody."""
    assert extract_casualties(sentence).killed == killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Death toll now four.", 4),
        ("Toll: 9 dead, 20 hurt.", 9),
        ("Rescuers say a third body was pulled from the rubble.", 3),
    ],
)
def test_a_live_blogs_shorthand_tolls(sentence: str, killed: int) -> None:
    assert extract_casualties(sentence).killed == killed


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded"),
    [
        ("Both brothers were killed instantly.", 2, None),
        ("The shell wounded both of them.", None, 2),
        ("Both sides reported heavy casualties.", None, None),
    ],
)
def test_both_is_two(sentence: str, killed, wounded) -> None:
    c = extract_casualties(sentence)
    assert (c.killed, c.wounded) == (killed, wounded)


def test_two_tellers_own_dead_add_up_but_two_figures_for_one_toll_do_not() -> None:
    both = ("Country A said 12 of its soldiers had been killed in the fighting, while "
            "country B said it had lost 20 servicemen.")
    assert total_casualties(casualty_counts(both)).killed == 32
    one = "The ministry said 21 were killed, while a volunteer group said 34 died."
    assert total_casualties(casualty_counts(one)).killed == 34


def test_a_superseded_figure_is_not_added_to_the_new_one() -> None:
    found = extract_casualties("At least 40 people were killed, up from an earlier toll of 31.")
    assert found.killed == 40
    found = extract_casualties("The toll rose to 12 from an initial figure of 5.")
    assert found.killed == 12


def test_a_day_of_the_month_before_had_killed_is_a_date_not_a_count() -> None:
    found = extract_casualties("Shelling of the village on June 21 had killed two farmers.")
    assert found.killed == 2


@pytest.mark.parametrize(("text", "killed"), [
    ("Two sailors of the coast guard of the republic were killed.", 2),
    ("Five fighters from the 12th mountain brigade were killed on the ridge.", 5),
    ("Three bridges of the river crossing were destroyed and one driver was killed.", 1),
])
def test_the_victims_unit_between_the_count_and_the_verb(text, killed) -> None:
    assert extract_casualties(text).killed == killed


def test_one_person_named_by_what_they_are() -> None:
    for sentence in ("A rocket hit the school yard, killing a 12-year-old pupil.",
                     "A shell struck the road, killing a schoolgirl.",
                     "A sniper shot dead a worshipper outside the mosque."):
        assert extract_casualties(sentence).killed == 1, sentence


def test_victims_described_by_what_they_were_doing() -> None:
    for sentence, killed in (
            ("Three contractors working for an aid charity were killed on Monday.", 3),
            ("Five people sheltering in the school were killed by the strike.", 5)):
        assert extract_casualties(sentence).killed == killed, sentence


def test_murders_and_massacres_are_counted_as_killed() -> None:
    for sentence, killed in (("Four young men were murdered on Sunday night.", 4),
                             ("Gunmen murdered four men at a checkpoint.", 4),
                             ("Militants massacred 30 villagers.", 30)):
        assert extract_casualties(sentence).killed == killed, sentence


def test_an_aside_between_dashes_is_not_counted_again() -> None:
    sentence = ("Two civilians – a man born in 1961 and a woman born in 1987 – were killed "
                "when shells hit the town.")
    assert extract_casualties(sentence).killed == 2


def test_ages_listed_after_the_victims_are_not_their_count() -> None:
    for sentence, wounded in (("Two farmers aged 48 and 63 were wounded by shellfire.", 2),
                              ("Three boys aged 9, 11 and 14 were injured in the strike.", 3)):
        assert extract_casualties(sentence).wounded == wounded, sentence


def test_a_roll_of_names_of_the_dead_is_no_toll() -> None:
    sentence = "The army published the names of 29 more servicemen killed in action."
    assert extract_casualties(sentence).killed is None


def test_a_toll_stated_by_another_source_adds_no_deaths() -> None:
    assert added_deaths("A monitoring group gave a higher toll of 26 dead, saying some of "
                        "the wounded had died overnight.") is None
    assert added_deaths("Two of the wounded died overnight in hospital.") == 2


def test_a_side_accusing_armed_forces_of_a_killing_tells_its_dead() -> None:
    assert extract_casualties("The ombudsman accused Russian forces of shooting dead three "
                              "civilians on Friday.").killed == 3
    assert extract_casualties("The man was accused of killing a shopkeeper.").killed is None


def test_a_subset_listing_several_kinds_of_victim_keeps_the_count() -> None:
    assert extract_casualties("At least 31 people, including soldiers, fighters and "
                              "civilians, were killed in the battle.").killed == 31


def test_an_unknown_number_of_dead_is_kept_as_text_not_zero() -> None:
    got = extract_casualties("The ministry said an unknown number of people had been killed.")
    assert (got.killed, got.killed_text) == (None, "an unknown number")


def test_an_ordinal_victim_wounded_is_one_wounded_but_an_ordinal_death_is_the_toll() -> None:
    c = extract_casualties("Three men were killed, and a fourth person was seriously wounded.")
    assert (c.killed, c.wounded) == (3, 1)
    assert extract_casualties("A third soldier died of his wounds on Monday.").killed == 3


@pytest.mark.parametrize(("sentence", "killed", "wounded"), [
    ("As a result, contract serviceman Junior Sergeant K. Mirzoyan was killed and two "
     "other servicemen were wounded.", 1, 2),
    ("Private Tigran Avetisyan was killed by sniper fire, the ministry said.", 1, None),
    ("Sergeant Ali Hasanov was wounded near the village.", None, 1),
])
def test_one_soldier_told_by_rank_and_name_counts_one(sentence, killed, wounded) -> None:
    c = extract_casualties(sentence)
    assert (c.killed, c.wounded) == (killed, wounded)


@pytest.mark.parametrize(("sentence", "killed", "wounded"), [
    ("At least 34 civilians were killed, among them an imam, four women and six children, "
     "and more than 50 were wounded.", 34, 50),
    ("Six people, including three children, were killed when shells hit homes and a water "
     "point, the ministry said.", 6, None),
])
def test_a_list_of_who_the_dead_were_is_not_counted_again(sentence, killed, wounded) -> None:
    c = extract_casualties(sentence)
    assert (c.killed, c.wounded) == (killed, wounded)


def test_a_death_at_the_scene_is_the_one_told_and_another_injured_is_one() -> None:
    assert added_deaths("The driver died of his wounds at the scene.") is None
    assert added_deaths("A wounded soldier later died of his wounds.") == 1
    c = extract_casualties("A civilian was killed and another injured when a drone struck.")
    assert (c.killed, c.wounded) == (1, 1)


@pytest.mark.parametrize(("sentence", "killed"), [
    ("A drone hit a minibus outside the market, killing the 52-year-old driver.", 1),
    ("Two people, a man and a woman aged 70 and 66, were killed when the shell landed.", 2),
])
def test_ages_inside_the_words_that_tell_who_died(sentence, killed) -> None:
    assert extract_casualties(sentence).killed == killed


@pytest.mark.parametrize(("sentence", "killed"), [
    # an army's notice of one soldier, by rank, with age and home town
    ("The army announced that Sgt. Daniel Roth, 21, from Haifa, was killed in the fighting.",
     1),
    ("The ministry said that Captain Lev Arutyunov was killed by sniper fire.", 1),
    # a defence ministry's style: the unit, then rank, name and year of birth
    ("Contract serviceman of the Border Guard of Georgia, Corporal Ilia Beridze (born 2001), "
     "was killed by enemy fire.", 1),
    # a pair told before, then "killing both"
    ("Troops cornered two gunmen in a warehouse and opened fire, killing both.", 2),
])
def test_one_soldier_named_by_rank_and_a_pair_killed_both(sentence, killed) -> None:
    assert extract_casualties(sentence).killed == killed
