"""Tolls: which incident a count belongs to, and when counts add up or stand alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from geomap import taxonomy as tx
from geomap.actors import reported_by
from geomap.dates import DateRef
from geomap.events import EventMatch
from geomap.incidents.merging import (
    _absorb,
    _Draft,
    _other_side_added,
    _places_compatible,
)
from geomap.incidents.patterns import (
    _CARE_PLACE,
    _CUE_DATE_GAP,
    _HARMED_IN,
    _NTH_DEATH,
    _OWN_LOSSES,
    _PART_IN,
    _REPORTED_THAT,
    _THE_EVENT,
    _TOLL_OF_EVENT,
    _TOLL_UPDATE,
    _TOWN_LEAD,
    names_speaker,
)
from geomap.model import (
    DATE_DAY,
    KIND_ADMIN1,
    KIND_COUNTRY,
    KIND_PLACE,
    Place,
)
from geomap.numbers import (
    Casualties,
    Count,
    added_deaths,
    disputed,
    extract_casualties,
    to_number,
    toll_corrected,
)
from geomap.sentences import fold

# "insurgents killed farmers working on their fields": dead told without a number, whose
# count a later update gives ("the number of bodies recovered had risen to 11")
_DEAD_UNCOUNTED = re.compile(r"\b(?:killed|killing|shot\s+dead|massacred|executed)\b")


class _Tolls:
    """Which incident a count belongs to, and how counts combine. (A part of `_Extractor`.)"""

    def _told_with_its_day(self, d: _Draft) -> bool:
        """Is `d`, with no day and no dead of its own, an event the story tells again
        with both ("Shells hit Abu Shouk camp as fighting rages": a standfirst, then "The
        shells struck the Abu Shouk camp on Thursday ..., killing 11")? Then it is that
        event, not a second one on the day of publication."""
        if d.date_own or d.casualties.killed or d.place is None or d.date is None:
            return False
        return any(o is not d and o.place is not None and o.place.id == d.place.id
                   and o.event.family == d.event.family and o.date_own
                   and o.date is not None and 0 <= (d.date - o.date).days <= 7
                   for o in self.drafts)

    def _summed_up(self, d: _Draft) -> bool:
        """A country-wide toll ("air strikes killed 11 people in south Lebanon on Monday"),
        a province's line ("In Kherson Oblast, two were killed in Russian attacks") or its
        day tally ("... in Donetsk region over the past day") whose events the story tells
        one by one at their own towns, on the same day or the next: a summary's sum, not an
        event of its own. The towns' events are the same kind, or any violence when the
        summary names none ("attacks", "were killed"); a province's line or tally is a sum
        only if its towns account for its dead ("shelled 40 times, six killed" with one
        town's two wounded is still the province's own record)."""
        area = d.place
        if area is None or not d.event.violent or d.date is None or not (
                area.kind in (KIND_COUNTRY, KIND_ADMIN1) or d.tally):
            return False
        towns = [o for o in self.drafts
                 if o is not d and o.place is not None and o.place.kind == KIND_PLACE
                 and (o.place.country == area.country if area.kind == KIND_COUNTRY
                      else _places_compatible(o.place, area))
                 and o.event.violent
                 and (o.event.family == d.event.family or d.event.generic or (
                     # "Russian attacks killed four": no weapon named, any violence
                     d.event.sub_event_type == tx.ATTACK and _names_many(d)))
                 and o.date is not None and abs((o.date - d.date).days) <= 1]
        if area.kind == KIND_COUNTRY and not d.tally:
            return bool(towns)
        if not d.tally:
            # a province's line names no one event ("were killed in Russian attacks", not
            # "drones hit a depot in the district") and comes before its towns' lines, on
            # the same day
            if not (d.event.generic or _names_many(d)):
                return False
            # (a line with no day of its own, dated by the news day, sums the towns of the
            # day before too: "In Donetsk Oblast, Russian attacks killed four people")
            towns = [o for o in towns if o.first_offset > d.first_offset and (
                o.date == d.date or (not d.date_own and o.date < d.date))]
        told = sum(o.casualties.killed or 0 for o in towns)
        return bool(towns) and (d.casualties.killed or 0) <= told

    def _toll_target(self, sentence: str, start: int, end: int) -> _Draft | None:
        """The incident a place-less toll update ("The death toll rose to five") updates:
        the one whose place it names, else the latest told with a killed count or with
        dead it does not count, else the latest violent one. A hospital's or a morgue's
        town is not the event's place, nor a name that stands for a speaker ("the Gaza
        Health Ministry said")."""
        folded = fold(sentence)
        named = [m.place for m in self.mentions if start <= m.start < end
                 and m.place is not None and m.place.kind != KIND_COUNTRY
                 and not _CARE_PLACE.search(folded, 0, m.start - start)
                 and not names_speaker(folded, m.start - start, m.end - start)]
        if not named and self.heading is not None:
            # a post headed by its town ("Kupiansk. ...", "Update on Kharkiv. The number of
            # dead has risen to six."): the place the update is about
            named = [self.heading[0]]
        violent = [d for d in reversed(self.drafts) if d.event.violent and d.place is not None]
        if not named and (event := _TOLL_OF_EVENT.search(folded)):
            # "raising the toll of the raid to four": an incident told before, the one
            # told as a raid if any, else the latest with a toll
            stem = event["what"][:5]
            told = next((d for d in violent if stem in fold(" ".join(d.evidence))), None) \
                or next((d for d in violent if d.casualties.killed), None)
            if told is not None and _out_of_scale(told, extract_casualties(sentence).killed):
                return None  # "the toll from Tuesday's strikes rises to 436": the wave's
            if told is not None:
                return told
        if not named and self.unplaced:
            return None
        if named:
            target = next((d for d in violent if all(_places_compatible(p, d.place)
                                                     for p in named)), None)
            if target is None:
                # a live page runs newest first: the event may be told further down
                self.later_updates.append((named, start, sentence))
            return target
        target = next((d for d in violent if d.casualties.killed is not None
                       or _DEAD_UNCOUNTED.search(fold(d.evidence[0]))),
                      violent[0] if violent else None)
        if target is not None and (
                _out_of_scale(target, extract_casualties(sentence).killed) or (
                    (total := _BRINGING_TOLL_TO.search(folded)) is not None
                    and _out_of_scale(target, int(total["n"].replace(",", ""))))):
            # "The confirmed toll stands at about 270", "21 more of its troops, bringing
            # its military toll to 244": the war's running total, not the strike's
            return None
        return target

    def _apply_later_updates(self) -> None:
        """Toll updates told above their event ("10:40 UPDATE: the toll from the overnight
        attack on X has risen to two" over the 08:12 entry that told it): on a live page,
        newest first, they update the first event at their place told further down."""
        for named, start, sentence in self.later_updates:
            target = next((d for d in self.drafts if d.first_offset > start and d.event.violent
                           and d.place is not None
                           and all(_places_compatible(p, d.place) for p in named)), None)
            if target is not None:
                self._add_counts(target, extract_casualties(sentence), sentence)

    def _town_count(self, start: int, end: int, sentence: str, prev: _Draft,
                    casualties: Casualties, refs: list[DateRef]) -> _Draft | None:
        """A count-only sentence with its own town, elsewhere than the event just told
        ("In X, two were killed. In Y, three were injured."): a bulletin's next town, the
        same kind of event there, not more victims of the last one."""
        if prev.place is None or prev.place.kind not in (KIND_PLACE, KIND_ADMIN1):
            return None
        mentions = [m for m in self.mentions if start <= m.start < end]
        place, text, precision, own = self._place(sentence, start, mentions)
        self.extra_places = []
        if prev.place.kind == KIND_ADMIN1:
            if own and place is not None and place.kind == KIND_PLACE and \
                    place.admin1 == prev.place.admin1 and place.country == prev.place.country \
                    and (lead := _TOWN_LEAD.match(fold(sentence))) is not None and any(
                        m.start - start == lead.end() for m in mentions):
                # "The Nikopol district was attacked. In Nikopol itself, a man was
                # wounded": the town is where the province's event is known to have been
                prev.place, prev.place_text, prev.precision = place, text, precision
                self._add_counts(prev, casualties, sentence)
                return prev
            return None
        if not own or place is None or place.kind != KIND_PLACE or \
                _places_compatible(place, prev.place):
            return None
        folded = fold(sentence)
        lead = _TOWN_LEAD.match(folded)
        at = next((m.start - start for m in mentions
                   if m.place is not None and m.place.id == place.id), -1)
        if not ((lead is not None and at == lead.end())
                or (at > 0 and _HARMED_IN.search(folded, 0, at))):
            # "In X, ..." heads a bulletin's line, or "... was injured in X" ends one;
            # "died in X" does not
            return None
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
                casualties = _summed_unless_competing(draft, casualties, sentence)
            if casualties.killed is not None:
                draft.last_told = casualties.killed
        _absorb(draft, _Draft(event=draft.event, place=None, place_text=None,
                              precision=None, date=None, date_precision=None,
                              first_offset=draft.first_offset, evidence=[sentence],
                              casualties=casualties, reported_by=reported_by(sentence)))

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
            if refs or not _OWN_LOSSES.search(folded):
                return None  # "in the fighting on 16 November": the day right after the cue
            # "The other side, for its part, said seven of its servicemen were killed in the
            # fighting": its own dead in the one battle told, however it places it
            told = [d for d in self.drafts if d.event.family == match.family
                    and d.place is not None and d.date_own]
            return told[0] if len(told) == 1 else None
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


# The teller's own dead: "seven of its servicemen", "their own losses", "for its part".


_BRINGING_TOLL_TO = re.compile(r"\b(?:bringing|taking|raising|pushing)\s+(?:its|their|the)\s+"
                               r"(?:[\w-]+\s+){0,2}?toll\s+to\s+(?:at\s+least\s+)?"
                               r"(?P<n>\d{1,3}(?:,\d{3})*)\b")


def _out_of_scale(d: _Draft, killed: int | None) -> bool:
    """Would a toll that names neither place nor event raise d's more than tenfold and by
    over 50 ("killing one" then "the confirmed toll stands at about 270")? Then it is a
    running total of the war, not an update of d's."""
    told = d.casualties.killed
    return told is not None and killed is not None and killed > max(10 * told, told + 50)


def _names_many(d: _Draft) -> bool:
    """Does the draft's first sentence name its violence in the plural ("in Russian
    attacks", "strikes hit the region"): several events, not one?"""
    words = fold(d.evidence[0])[d.event.start: d.event.end].split()
    if not words:
        return False
    # "in Russian attacks" (the cue's last word), "attacks killed four" (its head; not
    # "drones hit a depot", one strike told by its weapons)
    return words[0] in _MANY_DEEDS or (words[-1].endswith("s") and not words[-1].endswith("ss"))


_MANY_DEEDS = frozenset(("attacks", "strikes", "airstrikes", "raids", "assaults", "shellings",
                         "bombardments", "bombings"))


def _summed_unless_competing(draft: _Draft, casualties: Casualties,
                             sentence: str) -> Casualties:
    """The counts `sentence` gives `draft`'s event: the other side's dead added to this
    side's, but no killed figure at all when it is another source's different toll ("The
    IDF said it killed three. The health ministry said four had been killed"): the first
    told stands."""
    summed = _other_side_added(draft, casualties, sentence)
    if summed.killed == casualties.killed and _competing(draft, casualties, sentence):
        return replace(summed, killed=None)
    return summed


def _competing(draft: _Draft, casualties: Casualties, sentence: str) -> bool:
    """Is `sentence` another source's different death toll for the event, not a rise told
    as one ("the toll rose to", "a third soldier died")?"""
    told, new = draft.casualties.killed, casualties.killed
    if told is None or new is None or new == told or told < 2 or sentence in draft.evidence:
        return False  # (one death told first is most often the target the toll includes:
        # "killed the commander ... six people were killed in the strike")
    folded = fold(sentence)
    source, first = _source(sentence), _source(draft.evidence[0])
    if source is None or first is None or source in first or first in source:
        return False
    return not (_TOLL_UPDATE.search(folded) or _NTH_DEATH.search(folded))


def _source(sentence: str) -> str | None:
    """Who tells `sentence`, folded: a named reporter, or the office that opens or closes
    it ("The Palestinian health ministry said ...", "..., the army said.")."""
    named = reported_by(sentence)
    if named is not None:
        return fold(named)
    folded = fold(sentence)
    said = _SOURCE_SAID.match(folded) or _SAID_BY_END.search(folded) or \
        _ACCORDING_TO.search(folded)
    return said.group(1) if said else None


# An office that tells a toll, with up to four words before it: "the Palestinian health
# ministry", "the army", "the IDF"
_OFFICE_WORDS = (r"(?:[\w'-]+\s+){0,4}?(?:ministry|officials?|authorities|agency|army|"
                 r"military|police|medics|hospital|idf|committee|network|office|service|"
                 r"media|leader|group|observatory|monitors?|council|activists|witnesses|"
                 r"residents)")
_OFFICE = "(" + _OFFICE_WORDS + ")"  # the office, captured as the source
# A sentence opening with its source ("The Palestinian health ministry said ...") or
# closing with it ("..., the army said.")
_SOURCE_SAID = re.compile(r"\W*(?:the\s+|an?\s+)?(" + _OFFICE_WORDS + r"|(?:[\w'-]+\s+){0,2}?"
                          r"[\w'-]+(?=,[^,.;]{1,60},))(?:,[^,.;]{1,60},)?"
                          r"\s+(?:said|says|reported|told|"
                          r"claimed|claims|alleged|put\s+the\s+(?:death\s+)?toll|gave\s+a\s+toll)\b")
# "..., according to the Sudan Doctors Network, a medical group": the source it names
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:the\s+|an?\s+)?" + _OFFICE + r"\b")
_SAID_BY_END = re.compile(r",\s+(?:the\s+)?" + _OFFICE + r"\s+(?:said|says|reported|"
                          r"told(?:\s+[\w'-]+){1,4})\W*$")
