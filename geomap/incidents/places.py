"""Place choice for incident extraction: the most specific place a sentence ties
to its event, and the places it only names as a speaker's seat or a reason.
"""

from __future__ import annotations

import re

from geomap.actors import (
    NON_STATE,
    country_name,
    country_refs,
    geonames_countries,
)
from geomap.incidents.merging import (
    _km,
    _same_stem,
)
from geomap.incidents.patterns import (
    _ACROSS,
    _ACROSS_RIVER,
    _ACROSS_THE_LAND,
    _APPOSED,
    _ASTRAY_KM,
    _ATTACKER_AFTER,
    _BETWEEN_AND,
    _BORDER,
    _BULLET_CHARS,
    _CITY_POP,
    _CITYS,
    _COMPASS_BEFORE,
    _EFFECT_IN,
    _FLIGHT_TO,
    _FORCES_OF,
    _INTRODUCED_TOWN,
    _ITS_UNNAMED_CITY,
    _LEAVING,
    _LINE_HEAD_AFTER,
    _LIST_JOIN,
    _LIST_JOIN_KIND,
    _LOCATIVE,
    _MANY_SITES,
    _NEAR,
    _ON_BORDER,
    _OPPONENT,
    _PART_OF_NAMED,
    _PRECISION,
    _PROVINCE_WORD,
    _QUARTER_OF,
    _REASON,
    _REFERENCE_POINT,
    _REGION_WORD,
    _RIVER_BANK,
    _ROAD_AFTER,
    _SAME_STORY_SPAN,
    _SPECIFICITY,
    _STATIONED_IN,
    _STORY_TOWN_SPAN,
    _STRUCK_AFTER,
    _THE_CITY,
    _TOWN_OF,
    _TOWNS_PART,
    _WAR_OVER,
    names_speaker,
)
from geomap.model import (
    GEO_LINE_OR_COUNTRY,
    GEO_NEAR,
    GEO_POINT,
    GEO_REGION,
    KIND_ADMIN1,
    KIND_COUNTRY,
    KIND_LINE,
    KIND_PLACE,
    KIND_REGION,
    Mention,
    Place,
    as_places,
)
from geomap.numbers import (
    Casualties,
    Count,
    total_casualties,
)
from geomap.sentences import fold


def _capital_name(iso: str) -> str | None:
    """The capital's name in GeoNames' country table, for placing statements."""
    return geonames_countries().get(iso, {}).get("capital") or None


def _first_place(found: Place | list[Place] | None, kinds: tuple[str, ...] = ()) -> Place | None:
    for place in as_places(found):
        if not kinds or place.kind in kinds:
            return place
    return None


def _across_territory(sentence: str, start: int, mentions: list[Mention],
                      place: Place | None) -> bool:
    """Is the event's place a province or country the sentence spreads it across ("killed
    17 across the Gaza Strip", "strikes throughout the region")? Then it sums several
    events a roundup tells (or never tells) one by one, and is none itself."""
    if place is None or place.kind not in (KIND_ADMIN1, KIND_COUNTRY, KIND_REGION):
        return False
    folded = fold(sentence)
    many = _MANY_SITES.search(folded)
    if many is not None and not _EFFECT_IN.search(folded, max(0, many.start() - 30),
                                                  many.start()):
        return True  # "settlers attacked several villages in the West Bank" (not "causing
        # outages in several cities": where the effects reached)
    if _ACROSS_THE_LAND.search(folded):
        return True  # "550 were killed across the country ... in Lebanon"
    return any(m.place is not None and m.place.id == place.id and _ACROSS.search(
        folded, max(0, m.start - start - 30), m.start - start) for m in mentions)



class _Places:
    """Which place a sentence ties its event to. (A part of `_Extractor`.)"""

    def _place(self, sentence: str, start: int, mentions: list[Mention]
               ) -> tuple[Place | None, str | None, int | None, bool]:
        self.extra_places = []
        folded = fold(sentence)
        scored: list[tuple[tuple[int, ...], Mention, int]] = []
        for m in mentions:
            place = m.place
            assert place is not None
            rel_s, rel_e = m.start - start, m.end - start
            if fold(m.text) in NON_STATE or names_speaker(folded, rel_s, rel_e):
                continue  # an armed group ("Hamas"), a speaker or its seat ("Russia's
                # Interfax", "the health ministry in Ramallah said", "speaking in Kyiv")
            head = folded[max(0, rel_s - 45): rel_s]
            if _RIVER_BANK.search(head) or _WAR_OVER.search(head) or _REASON.search(head) \
                    or _FLIGHT_TO.search(head) \
                    or (place.kind == KIND_COUNTRY and _FORCES_OF.search(head)):
                continue  # (not "fired rockets in response to massacres in Gaza City")
            if place.kind == KIND_PLACE and _ACROSS_RIVER.search(head) and \
                    not fold(place.name).startswith("the "):
                continue  # "Across the Dnipro, ...": the river, not the city named for it
            if (city := _ITS_UNNAMED_CITY.match(folded, rel_e)) is not None and (
                    place.kind in (KIND_COUNTRY, KIND_ADMIN1) or (
                        place.kind == KIND_PLACE and folded.startswith(" of ", city.end())
                        and any(o.start - start == city.end() + len(" of ")
                                for o in mentions))):
                continue  # "hit Ukraine's second-largest city": a city left unnamed, not
                # the whole country; "Gaza's main southern city of Khan Yunis": the city
                # named after it, not the possessive city
            if place.kind == KIND_COUNTRY and (_OPPONENT.search(head)
                                               or _ATTACKER_AFTER.match(folded, rel_e)):
                continue  # "fighting with Azerbaijan", "Russia launched drones at": a party
                # to the fight, not its site
            if place.kind == KIND_PLACE and _CITYS.search(head) and _REGION_WORD.match(
                    folded[rel_e: rel_e + 30]):
                continue  # "the city's Zavodskyi district": a quarter, not a namesake town
            loc = _LOCATIVE.search(head) or _APPOSED.search(head)
            # "Kharkiv: 2 killed, 5 injured", "X hromada – mortar attack": a summary line
            # headed by its place (a dateline, "KYIV -", is a span of its own)
            locative = loc is not None or (not head.strip(_BULLET_CHARS)
                                           and _LINE_HEAD_AFTER.match(folded, rel_e) is not None)
            if _ROAD_AFTER.match(folded, rel_e):
                locative = False  # "on the Damascus highway": a road, not that town
            if not locative and place.kind == KIND_PLACE and _QUARTER_OF.match(sentence, rel_e):
                locative = True  # "near Mogadishu's Hodan district": in that city
            if not locative and place.kind == KIND_PLACE and _STRUCK_AFTER.match(folded, rel_e):
                locative = True  # "the capital Stepanakert was again targeted": the site
            between = not locative and place.kind == KIND_PLACE and \
                _BETWEEN_AND.search(head) is not None
            locative = locative or between or (
                place.kind != KIND_COUNTRY and _LEAVING.search(head) is not None)
            if not locative and place.kind == KIND_PLACE:
                continue  # "asked Moscow to", "Baku and Yerevan": a government, not a site
            precision = _PRECISION.get(place.kind, GEO_LINE_OR_COUNTRY)
            tail = folded[rel_e: rel_e + 20]
            if place.kind == KIND_PLACE and (between or _NEAR.search(head)):
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
                not _TOWN_OF.search(head) and not head.endswith("control of ")
            # A place abroad loses to one in the story's own country ("Jebel Moya, about
            # 15 km east of Singa" with Moya read as a town elsewhere).
            abroad = self.home is not None and place.country != self.home
            if abroad and place.kind == KIND_PLACE and self._far_astray(place):
                continue  # "the Karari district" of Omdurman read as a town in India
            # "In southern Gaza, ... in Rafah": a compass part of a name is an area, the
            # other name the site
            compass = _COMPASS_BEFORE.search(head) is not None or \
                _STATIONED_IN.search(head) is not None  # the shooters' base, not the target
            reference = bool(scored) and _REFERENCE_POINT.search(head) is not None
            part = bool(scored) and place.kind == KIND_PLACE and \
                _PART_OF_NAMED.search(head) is not None
            key = (0 if locative else 1, int(compass), int(abroad),
                   _SPECIFICITY.get(place.kind, 5), int(reference), int(not part), precision,
                   int(weak_prep), -int(m.confidence * 100))
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
            if fold(m.text) in NON_STATE or names_speaker(folded, rel_s, rel_e):
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
        # "A, B and C came under fire", "struck settlements near A, B and the village of
        # C": a list that ends at the place chosen (for its "village of")
        first_start = best[1].start
        before: list[tuple[Place, str, int]] = []
        for m in reversed(mentions):
            if m.start >= first_start or m.place is None or best[1].place is None:
                continue
            between = folded[m.end - start: first_start - start]
            if not (_LIST_JOIN.fullmatch(between) or _LIST_JOIN_KIND.fullmatch(between)) or \
                    m.place.kind != best[1].place.kind or m.place.id == best[1].place.id:
                break
            before.append((m.place, m.text, precision))
            first_start = m.start
        head = folded[max(0, first_start - start - 45): first_start - start]
        if before and (_STRUCK_AFTER.match(folded, best[1].end - start)
                       or _LOCATIVE.search(head) or _NEAR.search(head)):
            extras.extend(before)
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
            for cand in as_places(self.lookup(name)):
                if cand.kind == KIND_ADMIN1 and cand.country == place.country and \
                        fold(cand.name) == fold(place.admin1):
                    return cand
        return None

    def _town_of(self, place: Place, written: str) -> Place | None:
        """The city an admin unit is named after ("the city of Ganja")."""
        if self.lookup is None:
            return None
        for cand in as_places(self.lookup(written)):
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

    def _far_astray(self, place: Place) -> bool:
        """Is a foreign town thousands of km from every place of the story's own country,
        in a country where the story names no other place? A misread name, not the event's
        site (the country itself named as a diplomat, "Russia, the United States and
        France", does not make "Lele Tepe" Lahaina, Hawaii)."""
        home = [m.place for m in self.mentions if m.place is not None
                and m.place.country == self.home]
        if not home or any(m.place is not None and m.place.country == place.country
                           and m.place.id != place.id and m.place.kind != KIND_COUNTRY
                           for m in self.mentions):
            return False
        return all(_km(place, other) > _ASTRAY_KM for other in home)

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
            for cand in as_places(self.lookup(name)):
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
