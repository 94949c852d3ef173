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

from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import replace
from datetime import date, timedelta
from operator import attrgetter

from geomap import taxonomy as tx
from geomap.actors import (
    find_actors,
    reported_by,
)
from geomap.dates import DATE_STEMS, DateRef, find_dates, last_day
from geomap.events import EventMatch, classify, is_background, tells_outbreak
from geomap.incidents.assembly import _Assembly
from geomap.incidents.clauses import (
    _cue_is_anaphor,
    _overlaps_chrome,
    _own_clause,
    _Segments,
    clause_event,
)
from geomap.incidents.history import _History
from geomap.incidents.merging import _Draft, _places_compatible
from geomap.incidents.patterns import (
    _ACROSS_THE_LAND,
    _AFTER_BEFORE_CUE,
    _ANAPHOR,
    _ANAPHOR_PREP,
    _ANCHOR_DAYS,
    _BREAKDOWN,
    _CUES,
    _DAY_TALLY,
    _DEED,
    _DEFINITE_CUE,
    _EARLIER_DEED,
    _EVENT_DATED,
    _EVENT_SUBJECT,
    _FIRE_ONLY,
    _HISTORY_DAYS,
    _IN_THE_CAPITAL,
    _ITEMISED,
    _NO_CUES,
    _NTH_DEATH,
    _ONE_INSTANCE,
    _OTHER_ACCOUNT,
    _OUTBREAK_DAYS,
    _OWN_LOSSES,
    _PARTICIPLE_OPENS,
    _PERFECT_TALLY,
    _PRECISION,
    _QUARTER,
    _RAID,
    _REPORTING,
    _SENTENCE_STEMS,
    _SEPARATE,
    _SINCE_FIGHTING,
    _TALLY_ACROSS,
    _TALLY_MIN,
    _THE_CITY,
    _THEN,
    _TOLL_UPDATE,
    _VAGUE_WEEK,
    _WAR_TALLY_MIN,
    _ZERO_ONLY,
    Lookup,
)
from geomap.incidents.places import (
    _across_territory,
    _first_place,
    _Places,
)
from geomap.incidents.tolls import _out_of_scale, _Tolls
from geomap.model import (
    DATE_DAY,
    DATE_MONTH,
    DATE_WEEK,
    GEO_LINE_OR_COUNTRY,
    GEO_POINT,
    KIND_ADMIN1,
    KIND_COUNTRY,
    KIND_PLACE,
    Article,
    Incident,
    Mention,
    Place,
    haversine_km,
    home_country,
)
from geomap.numbers import (
    Casualties,
    added_deaths,
    casualty_counts,
    extract_casualties,
    total_casualties,
)
from geomap.sentences import fold, sentences_by_paragraph

Mentions = Callable[[], list[Mention]]
# How far a definite retelling ("The shells slammed into the Zamzam camp") may place the
# event just told from where that was first placed ("a camp near El Fasher")
RETOLD_NEARBY_KM = 30.0
# How far from the place of the shelling just told a bare killing may be its victim
SHELLED_NEARBY_KM = 60.0
WAR_NEARBY_KM = 100.0
QUARTER_KM = 10.0  # a smaller place this near a city's point is one of its quarters


class _Extractor(_Segments, _Places, _Tolls, _History, _Assembly):
    """One article's incidents, sentence by sentence."""

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
        # a war's tally or a recalled event was told after the last event: a bare toll
        # further on ("At least nine people have been killed") is no longer that event's
        self.tally_since = False
        self.entry_place: tuple[Place, str, int] | None = None  # a live entry's headline
        self.entry_prev: _Draft | None = None  # the last event before the entry began
        # toll updates naming a place no event told so far is at (see _apply_later_updates)
        self.later_updates: list[tuple[list[Place], int, str]] = []

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
                # last entry's; those naming no place are at its headline's place. It is
                # told on its stamp's day ("19 May, 17:05"), else the page's: the day the
                # entry before narrated is not carried into it.
                self.entry_place = entry_place
                self.entry_prev = self.last_event or self.entry_prev
                self.last_event, self.unplaced = None, False
                carried, self.anchor = None, self.published
                stamp_end = paragraphs[n][0][1]
                for ref in all_refs:
                    if ref.start >= stamp_end:
                        break
                    if ref.start >= paragraphs[n][0][0] and ref.precision == DATE_DAY:
                        carried, self.anchor = ref, ref.date
            self.heading = own_heading = self._heading(row[0][0], row[0][1]) if row else None
            if self.heading is None and row and line_heading is not None:
                self.heading = line_heading  # "Kupiansk." alone on the line before
            if self.heading is None and row:
                self.heading = self.entry_place
            line_heading = own_heading if len(row) == 1 else None
            self.lead = lead
            lead = row[0][:3] if len(row) == 1 else None
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
                    if ref.date and ref.kind != "year" and (
                            latest is None or ref.date <= latest) and not (
                            ref.kind == "weekday" and self.folded.startswith(
                                "since ", ref.start)):
                        # (not "under bombardment since Friday": where a span began, not
                        # the day of what the sentence tells)
                        day_refs.append(ref)
                    j += 1
                self.sentence_refs = sentence_refs
                prev_draft = self._sentence(start, end, sentence, match, day_refs, local,
                                            local or carried, prev_draft)
                if prev_draft is not None and match is not None and not match.generic:
                    self.tally_since = False  # an event told anew
                while self.pending_clauses:  # "..., while a drone strike in B killed two"
                    cs, ce = self.pending_clauses.pop(0)
                    clause = self.text[cs:ce]
                    other = clause_event(clause, match, present)
                    if other is not None and other.generic and match is not None and \
                            match.violent and not match.generic:
                        # "... hit the town with guided bombs, and one person was killed
                        # in X": a bare killing in the same telling, by the same weapons
                        other = replace(match, start=other.start, end=other.end)
                    self._sentence(cs, ce, clause, other,
                                   [r for r in day_refs if cs <= r.start < ce] or day_refs,
                                   local, local or carried, None)
                if day_refs:
                    # the sentence's last day, not a month it recalls after it ("on
                    # Wednesday, ... since a ceasefire took hold in January")
                    local = next((r for r in reversed(day_refs) if r.precision == DATE_DAY),
                                 day_refs[-1])
                    if local.precision == DATE_DAY:
                        self.anchor = local.date
            if row:  # a paragraph of page chrome (a caption) does not end the narration
                carried = local
        if self.later_updates:
            self._apply_later_updates()
        return [self._incident(d) for d in self.drafts
                if d.place is not None and not self._summed_up(d)
                and not self._told_with_its_day(d)]


    def _own_dead_since(self, folded: str) -> _Draft | None:
        """The one battle told, when a side counts its own dead since the fighting began
        ("Azerbaijan said 50 of its servicemen had been killed since the clashes began"):
        their dead in that battle, added to the other side's; or when the other side
        gives its account of it ("Azerbaijan's ministry gave a different account, saying
        Armenian forces had attacked its positions near Kalbajar")."""
        if not ((_SINCE_FIGHTING.search(folded) and _OWN_LOSSES.search(folded))
                or _OTHER_ACCOUNT.search(folded)):
            return None
        told = [d for d in self.drafts if d.event.event_type == tx.BATTLES
                and d.place is not None]
        return told[0] if len(told) == 1 else None

    def _before_the_news(self, day: date | None, precision: int | None, sentence: str) -> bool:
        """Does a day (its whole month, at month precision) end before the stretch of days
        an article reports as news (`_HISTORY_DAYS`; `_OUTBREAK_DAYS` for the outbreak of
        the war the story is about)?"""
        if day is None or self.published is None:
            return False
        last = last_day(day, precision) if precision == DATE_MONTH else day
        return (self.published - last).days > (
            _OUTBREAK_DAYS if tells_outbreak(sentence) else _HISTORY_DAYS)

    def _placed_anew(self, match: EventMatch, place: Place | None, place_text: str | None,
                     precision: int | None, refs: list[DateRef], start: int, folded: str
                     ) -> _Draft | None:
        """"Fighters shelled a camp near El Fasher, killing nine. The shells slammed into
        the Zamzam camp, 15 km south, on Monday": a definite subject retells the event just
        told at a more exact place nearby (and on its own day, if it had none): the same
        event, now placed and dated, not a second one."""
        last = self.last_event
        if not match.violent or place is None or precision is None or last is None \
                or last.place is None or last.event.family != match.family \
                or last.precision is None or _SEPARATE.search(folded) or " also " in folded:
            return None
        if precision >= last.precision and not (
                precision == last.precision == GEO_POINT and place.id != last.place.id
                and place.population < last.place.population
                and haversine_km(last.place.lat, last.place.lon, place.lat,
                                 place.lon) <= QUARTER_KM):
            return None  # (a quarter of the city told first is more exact: "a strike in
            # Rafah ... The strike hit a house in the Tal as-Sultan neighbourhood")
        subject = _EVENT_SUBJECT.search(folded, 0, match.start)
        definite = (subject is not None and subject.group("noun") is not None) or \
            _DEFINITE_CUE.fullmatch(folded, 0, match.start) is not None or \
            _DEFINITE_CUE.match(folded[match.start: match.end]) is not None  # "The strike"
        if not definite or haversine_km(
                last.place.lat, last.place.lon, place.lat, place.lon) > RETOLD_NEARBY_KM:
            return None
        last.place, last.place_text, last.precision = place, place_text, precision
        if (not last.date_own or last.date_told) and refs:
            # its day was none, or the day a source spoke ("said Wednesday")
            day, day_precision, own = self._own_date(match, refs, start)
            if own and day is not None and not self.date_told:
                last.date, last.date_precision, last.date_own = day, day_precision, True
                last.date_told = False
        return last

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
        folded = fold(sentence)  # the many cue tests below all read the folded sentence
        if match is not None and match.sub_event_type == tx.DIPLOMATIC_STATEMENT and \
                "statement" in folded[match.start: match.end] and (
                    _TOLL_UPDATE.search(folded) or _NTH_DEATH.search(folded)):
            # "In a statement, the group said the death toll had risen to 32": the
            # statement is only how the toll is told
            match = None
        if match is None and self.last_event is not None and self.last_event.date_told \
                and _EVENT_DATED.match(folded) and (days := [
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
            if self.last_event is not None and not self.tally_since and casualty_counts(
                    sentence, self.present) and is_background(sentence, self.published,
                                                             self.sentence_refs):
                self.tally_since = True  # "The violence has killed at least 101 people."
            # Counts alone only add to a violent event just told.
            if prev is None and (_TOLL_UPDATE.search(folded) or _NTH_DEATH.search(
                    folded) or added_deaths(sentence) is not None):
                prev = self._toll_target(sentence, start, end)
            elif prev is None and self.last_event is not None and not self.unplaced and \
                    _ZERO_ONLY.fullmatch(folded.strip()):
                prev = self.last_event  # "There were no casualties." a paragraph on
            elif prev is None:
                prev = self._own_dead_since(folded)
            if prev is not None and prev.event.violent:
                casualties = extract_casualties(sentence, self.present)
                if not casualties.any() and not refs:
                    # "A barn burned." tells no count and no day: the next sentence's
                    # "There were no casualties." is still the strike's.
                    self._may_speak(sentence)
                    return prev
                if casualties.any() and not is_background(
                        sentence, self.published, self.sentence_refs) \
                        and not _ACROSS_THE_LAND.search(folded):
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
        if (after := _EARLIER_DEED.search(folded, match.end)) is not None:
            # "killed seven soldiers near Djibo, a day after gunmen shot dead 12 civilians
            # in a village": the dead of the event told as before are not this one's
            counts = [c for c in counts if c[0] < after.start()]
        casualties = total_casualties(counts)
        self._may_speak(sentence)
        if match.violent and (told := self._own_dead_since(folded)) is not None:
            self._add_counts(told, casualties, sentence)  # (a war's count since would be
            return told  # background: this one counts since the battle began)
        if is_background(sentence, self.published, self.sentence_refs):
            self.past_frame = self.past_frame or self._earlier_year()
            self.tally_since = True
            return None
        if match.violent and self._framed_earlier(start):
            self.past_frame = True  # "In April, a strike on ... killed 35": background
            self.tally_since = True
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
        if match.violent and (back := _cue_is_anaphor(folded, match.start)):
            # "The shelling came a day after fighting erupted in X": the event after
            # "after" is the news; "The strikes came as talks were held in Rome": none is
            then = _THEN.match(folded, back.end())
            told_next = classify(sentence[then.end():]) if then else None
            if then is not None and told_next is not None and told_next.violent:
                match = replace(told_next, start=told_next.start + then.end(),
                                end=told_next.end + then.end())
            elif self.last_event is not None and self.last_event.event.violent:
                if self.last_event.date_told and (days := [
                        r for r in refs if r.precision == DATE_DAY and r.date is not None]):
                    # "killed dozens, medics said Tuesday. The attacks began on Sunday
                    # ...": the event's own day, not the day it was told
                    self.last_event.date, self.last_event.date_told = days[0].date, False
                    self.last_event.date_own = True
                self._add_counts(self.last_event, casualties, sentence)
                return self.last_event
        mentions = [m for m in self.mentions if start <= m.start < end]
        if match.violent and (split := self._second_clauses(sentence, start, match, mentions,
                                                            refs)):
            # "a strike in A killed five, while a drone strike in B killed two": the other
            # clause is its own event with its own toll, told next (see `run`)
            counts = [c for c in counts if not any(s <= c[0] < e for s, e in split)]
            casualties = total_casualties(counts)
            self.pending_clauses = [(start + s, start + e) for s, e in split]
        mentions = _own_clause(sentence, start, match, mentions)
        place, place_text, precision, own_place = self._place(sentence, start, mentions)
        if own_place and match.violent and (
                _across_territory(sentence, start, mentions, place)
                or _ITEMISED.search(folded)):
            # "strikes killed 17 across the Gaza Strip", "killed 4 residents of the oblast:
            # 2 in X, 1 in Y and 1 in Z": many events' sum, each told on its own
            return None
        bare_toll = match.generic and self.last_event is not None and \
            self.last_event.event.violent  # "The ministry said 16 were killed": the last's
        if not own_place and match.violent and self.heading is None and not bare_toll and \
                not _cue_is_anaphor(folded, match.start) and (
                # under "Kupiansk." the city is Kupiansk
                town := self._story_town(
                    sentence, start, family=match.family,
                    # "Russia struck the city": a country named as the actor is no place
                    unplaced=place is None or place.kind == KIND_COUNTRY)):
            # "fought in the Kanal district in the town's east": the town just introduced
            place, place_text, precision, own_place = *town, GEO_POINT, True
        if not own_place and match.violent and self.home and self.capital is not None and \
                _IN_THE_CAPITAL.match(folded) and (
                    capital := _first_place(self.capital(self.home))):
            # "In the capital, the mayor said one person was killed": the story's capital
            place, place_text, precision, own_place = capital, capital.name, GEO_POINT, True
        raid = prev if prev is not None else self.last_event if place is None else None
        if match.event_type == tx.BATTLES and not own_place and not refs and raid is not None \
                and raid.event.event_type == tx.VIOLENCE_CIVILIANS and \
                _RAID.search(fold(" ".join(raid.evidence))) and \
                not _AFTER_BEFORE_CUE.search(folded, 0, match.start):
            # "killed during an army raid on X. ... exchanges of fire with gunmen": the raid
            # met armed resistance, so it is a battle (ACLED), not one-sided violence. The
            # fight may be told in the next paragraph, naming no place of its own.
            raid.event = replace(match, confidence=raid.event.confidence)
            self._add_counts(raid, casualties, sentence)
            self.last_event = raid
            return raid
        if place is None and match.violent and prev is None and (
                setting := self._setting(start)) is not None:
            last = self.last_event
            if bare_toll and last is not None and _places_compatible(setting[0], last.place):
                # "The attack took place in villages east of Al-Hasaheisa. The group said 35
                # were killed.": the setting places the event told before, whose toll this is
                if last.precision is None or setting[2] < last.precision:
                    last.place, last.place_text, last.precision = setting
            else:
                # "Troops spotted a gunman near X. They opened fire and killed him."
                place, place_text, precision, own_place = *setting, True
        if own_place and place is not None and place.kind == KIND_PLACE and \
                casualties.killed and (across := _TALLY_ACROSS.search(folded)):
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
        if match.event_type == tx.VIOLENCE_CIVILIANS and _BREAKDOWN.search(folded):
            # "Russians killed 4 residents of the oblast: 2 in A, 1 in B and 1 in C": a
            # bulletin's summary of the town lines it goes on to tell, no event of its own
            return None
        killed = casualties.killed or 0
        if (killed >= _WAR_TALLY_MIN or (not refs and killed >= (
                _TALLY_MIN if match.generic else _WAR_TALLY_MIN))) and \
                _PERFECT_TALLY.search(folded):
            # "more than 300 aid workers have been killed in Gaza", "Israeli strikes have
            # killed more than 41,000 Palestinians": a tally, no one event (a war's, even
            # when the day it was told is given: "..., the ministry said on Tuesday")
            return None
        last = self.last_event
        same_site = own_place and place is not None and last is not None and \
            last.place is not None and place.id == last.place.id  # "the shelling of X" again
        if match.violent and (not own_place or same_site) and last is not None \
                and last.event.violent \
                and ((subject := _EVENT_SUBJECT.search(folded, 0, match.start))
                     or _ONE_INSTANCE.match(folded) or (
                    (_ANAPHOR.search(folded, 0, match.start) or (
                        folded.startswith("the ", match.start)
                        and _ANAPHOR_PREP.search(folded, 0, match.start))
                     or _cue_is_anaphor(folded, match.start))
                    and not _DEED.match(folded, match.start))):
            # "As a result of the shelling, a serviceman was killed": the event just told,
            # or the latest one told with the same word ("killed in the strike on ...");
            # "The raid killed seven": the one its subject names ("it" is the last)
            if subject is None:
                last = self._told_with(folded[match.start: match.end], last)
            elif subject.group("noun") is not None:
                last = self._told_with(subject.group("noun"), last)
            if last.event.sub_event_type == tx.ARMED_CLASH and match.event_type == \
                    tx.EXPLOSIONS and _FIRE_ONLY.search(fold(" ".join(last.evidence))):
                # "subjected to fire ... As a result of the shelling": the teller's word
                # for the fire names the weapon.
                last.event = replace(match, confidence=last.event.confidence)
            self._add_counts(last, casualties, sentence)
            return last
        if (refined := self._placed_anew(match, place, place_text, precision, refs, start,
                                         folded)) is not None:
            self._add_counts(refined, casualties, sentence)
            return refined
        if match.generic and not own_place and _ACROSS_THE_LAND.search(folded):
            return None  # "more than 550 were killed across the country": a tally
        if match.generic and not own_place and last is not None and last.event.violent \
                and not _SEPARATE.search(folded) and not self.tally_since \
                and (not refs or (last.date is not None and all(
                    r.date is not None and abs((r.date - last.date).days) <= 1
                    for r in refs))):
            # "Heavy shelling hit Ganja. Nine people were killed." tells one event.
            if _out_of_scale(last, casualties.killed):
                return None  # "one soldier killed by a sniper ... About 200 people were
                # killed on both sides": the war's dead, not the sniper's
            self._add_counts(last, casualties, sentence)
            return last
        if match.generic and own_place and place is not None and prev is not None \
                and prev.event.event_type == tx.EXPLOSIONS and prev.place is not None \
                and haversine_km(prev.place.lat, prev.place.lon, place.lat,
                                 place.lon) <= SHELLED_NEARBY_KM:
            # "Russian artillery shelled the Nikopol district throughout the night. A woman
            # was killed in Marhanets, he said.": a bare killing told next to the shelling
            # of its area is that weapon's, at its own town
            match = replace(prev.event, start=match.start, end=match.end)
        elif match.generic and match.event_type == tx.VIOLENCE_CIVILIANS and own_place and \
                place is not None and last is not None and last.event.violent and \
                last.event.event_type != tx.VIOLENCE_CIVILIANS and last.place is not None \
                and folded.startswith(("was", "were", "been"), match.start) and \
                not folded.startswith(" by ", match.end) and haversine_km(
                    last.place.lat, last.place.lon, place.lat, place.lon) <= WAR_NEARBY_KM:
            # "A civilian man was killed in Sotk" in a story of shelling along the border:
            # a death told with no one who killed is the war's way of killing told so far,
            # not a deliberate attack on civilians
            match = replace(last.event, start=match.start, end=match.end)
        date_, date_prec, own_date = self._own_date(match, refs, start)
        if own_date and date_prec in (DATE_DAY, DATE_MONTH) and \
                self._before_the_news(date_, date_prec, sentence):
            # "On December 30, a strike on the city centre killed 25" in a March story,
            # "On Sept. 23, strikes killed 550" two weeks before: an earlier event
            # recalled for context, as is what the paragraph says next
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
        elif not own_place and match.violent and _SEPARATE.search(folded):
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
                _THE_CITY.search(folded) or _QUARTER.search(folded)) and \
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
                    folded)):
                date_, date_prec = self.published, DATE_WEEK
            elif self.anchor is not None and (self.published is None or abs(
                    (self.published - self.anchor).days) <= _ANCHOR_DAYS):
                # "In Marhanets, a drone hit a car in the afternoon": the day the
                # narration is at (a summary dates its day once, at the top).
                date_ = self.anchor
                date_prec = DATE_WEEK if self.anchor == self.published else DATE_DAY
            elif self.published is not None:
                date_, date_prec = self.published, DATE_WEEK  # the narration is in history
        if match.violent and not own_date and self._before_the_news(date_, date_prec, sentence):
            # "Fighting continued in and around X" under a paragraph dated "since 10 May" a
            # month back: the day it inherits is history, and it has no day of its own
            return None
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
            and _DAY_TALLY.search(folded) is not None,
        )
        merged = self._merge(draft, weak=weak or place is None)
        listed = _list_event(sentence, match, extras[0][1]) if extras else match
        for n, (extra_place, extra_text, extra_precision, extra_counts) in enumerate(extras):
            self._merge(replace(draft, event=listed, place=extra_place, place_text=extra_text,
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


def _list_event(sentence: str, match: EventMatch, listed_text: str) -> EventMatch:
    """The event of the places listed after the first ("attacked positions along the
    border, shelling the towns of A, B and C"): a violent cue of another family between
    the sentence's own cue and the list is theirs (the first place keeps the sentence's)."""
    at = sentence.find(listed_text, match.end)
    between = sentence[match.end: at] if at > match.end else ""
    told = classify(between) if between else None
    if told is None or not told.violent or told.family == match.family or \
            not between[told.start: told.end].endswith("ing") or \
            not _PARTICIPLE_OPENS.search(between, 0, told.start):
        return match  # only a participle clause of its own: "..., shelling the towns of"
    return replace(told, start=told.start + match.end, end=told.end + match.end)


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
