"""A learned last look at each violent incident: how likely a hand coder would agree.

The extractor's rules find candidates; many of their errors are of kinds no single rule
sees (a background paragraph told without a date word, a namesake far from the rest of
the story, a toll sentence that is not an event). A logistic model over generic signals
of the candidate and its article, trained on the hand-coded gold sets in `tests/data`
by `benchmarks/train_vetting.py`, gives each violent incident the probability that it
matches a gold incident (family, day and place). That probability becomes the incident's
`confidence`, and candidates below the model's threshold are dropped. Statements and
other non-violent incidents are not gold-coded, so they pass untouched.

The features describe the candidate's shape, never its words: where in the story it is
told, how far its place lies from the article's other incidents, the place's level, the
day's distance from publication, which counts were found, the rules' own confidence. The
evidence's words added nothing under cross-validation (session 11) and would tie the model
to the wording of the copy it was trained on. The features are computed here alone, for
training and for use, so the two cannot drift apart.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from geomap import taxonomy as tx
from geomap.model import Article, Incident, haversine_km

MODEL_PATH = Path(__file__).with_name("vetting_model.json")


def article_features(violent: list[Incident], article: Article) -> list[dict[str, float]]:
    """`incident_features` of each of an article's violent incidents among the others:
    the one loop that both use (`Vetter.vet`) and training (`train_vetting.py`) run."""
    story = story_text(article)
    return [incident_features(incident, [o for o in violent if o is not incident], story)
            for incident in violent]


def incident_features(incident: Incident, others: list[Incident],
                      story: str) -> dict[str, float]:
    """Signals of one violent incident among `others`, the article's other violent ones;
    `story` is the article's text without its chrome (`story_text`)."""
    features: dict[str, float] = {
        f"sub_event:{incident.sub_event_type}": 1.0,
        f"date_precision:{incident.date_precision}": 1.0,
        f"geo_precision:{incident.geo_precision}": 1.0,
        f"days_before:{_days_before(incident)}": 1.0,
        "rule_confidence": incident.confidence,
        "killed_given": float(incident.killed is not None),
        "killed_zero": float(incident.killed == 0),
        "log_killed": math.log1p(incident.killed or 0),
        "wounded_given": float(incident.wounded is not None),
        "captured_given": float(incident.captured is not None),
        "reported_by": float(incident.reported_by is not None),
        "actor2": float(incident.actor2 is not None),
        "is_area": float(incident.area is not None),
        "place_as_named": float(incident.place == incident.place_name),
    }
    text, evidence, place = story, incident.evidence, incident.place or ""
    offset = text.find(evidence[:60]) if evidence else -1
    features["position"] = offset / max(1, len(text)) if offset >= 0 else 0.5
    features["evidence_length"] = min(len(evidence), 600) / 600
    features["place_repeats"] = min(text.count(place), 5) / 5 if place else 0.0
    features.update(_context_features(incident, others))
    return features


def story_text(article: Article) -> str:
    """The article's text without its page chrome (header, captions, "Related" lists), so
    that the furniture a site wraps a story in moves no incident's position or counts."""
    if not article.chrome:
        return article.text
    parts, at = [], 0
    for start, end in sorted(article.chrome):
        parts.append(article.text[at:start])
        at = max(at, end)
    parts.append(article.text[at:])
    return "".join(parts)


def _days_before(incident: Incident) -> str:
    if incident.date is None or incident.published is None:
        return "unknown"
    days = (incident.published - incident.date).days
    return ("after" if days < 0 else str(days) if days < 3
            else "3-7" if days <= 7 else "older")


def _context_features(incident: Incident, others: list[Incident]) -> dict[str, float]:
    """How the incident sits among the article's others: a namesake far from all of them,
    or in a country none of them is in, is more often a wrong reading."""
    if not others:
        return {"alone": 1.0}
    features = {
        "same_place_others": float(sum(o.place_name == incident.place_name for o in others)),
        "same_date_share": sum(o.date == incident.date for o in others) / len(others),
    }
    countries = Counter(o.country for o in others)
    features["country_unshared"] = float(incident.country not in countries)
    if incident.lat is not None and incident.lon is not None:
        km = sorted(haversine_km(incident.lat, incident.lon, o.lat, o.lon)
                    for o in others if o.lat is not None and o.lon is not None)
        if km:
            features["log_km_median"] = math.log1p(km[len(km) // 2]) / 8
            features["log_km_nearest"] = math.log1p(km[0]) / 8
    return features


@dataclass(frozen=True)
class Vetter:
    """A trained logistic model: weights by feature name, an intercept, a threshold."""

    weights: dict[str, float]
    intercept: float
    threshold: float

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> Vetter:
        model = json.loads(path.read_text(encoding="utf-8"))
        return cls(model["weights"], model["intercept"], model["threshold"])

    def probability(self, features: dict[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(name, 0.0) * value
                                 for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))  # no overflow, ever

    def vet(self, incidents: list[Incident], article: Article) -> list[Incident]:
        """Violent incidents with their learned confidence, those below threshold dropped;
        the others as they came."""
        violent = [i for i in incidents if i.event_type in tx.VIOLENT_EVENT_TYPES]
        learned = {id(incident): self.probability(features) for incident, features
                   in zip(violent, article_features(violent, article), strict=True)}
        kept = []
        for incident in incidents:
            p = learned.get(id(incident))
            if p is None:
                kept.append(incident)
            elif p >= self.threshold:
                kept.append(replace(incident, confidence=round(p, 3)))
        return kept


@cache
def default_vetter() -> Vetter:
    """The model shipped with the package."""
    return Vetter.load()
