"""The learned vetter: its features, how it applies a model, and the model we ship."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from benchmark_loader import load_benchmark
from test_store_fixtures import incident

from geomap.articles import make_article
from geomap.incidents.vetting import (
    MODEL_PATH,
    Vetter,
    default_vetter,
    incident_features,
    story_text,
)
from geomap.model import Article
from geomap.pipeline import Extractor

DATA = Path(__file__).resolve().parent / "data"
incident_eval = load_benchmark("incident_eval")
train_vetting = load_benchmark("train_vetting")


def _article(text: str = "Clashes erupted in Tartar.", **fields) -> Article:
    return Article(text=text, id="a", published=fields.pop("published", date(2020, 9, 28)),
                   **fields)


def test_features_are_the_candidates_shape_never_its_words() -> None:
    inc = incident(evidence="Shelling by Russian forces killed four in Orikhiv on Tuesday.",
                   place="Orikhiv", killed=4)
    names = set(incident_features(inc, [], story_text(_article(inc.evidence))))
    # no word, place or actor of the text becomes a feature: the model cannot learn the
    # wording or the conflicts of the copy it was trained on
    assert not {n for n in names if any(w in n.lower() for w in ("shelling", "orikhiv",
                                                                  "russian", "tuesday"))}
    assert {"rule_confidence", "position", "log_killed", "alone"} <= names


def test_days_before_publication_are_bucketed() -> None:
    published = date(2020, 10, 30)
    def bucket(day: date | None) -> set[str]:
        inc = incident(date=day, published=published)
        return {k for k in incident_features(inc, [], story_text(_article(published=published)))
                if k.startswith("days_before:")}
    assert bucket(date(2020, 10, 29)) == {"days_before:1"}
    assert bucket(date(2020, 10, 25)) == {"days_before:3-7"}
    assert bucket(date(2020, 9, 27)) == {"days_before:older"}
    assert bucket(None) == {"days_before:unknown"}


def test_a_place_far_from_the_story_and_in_another_country_says_so() -> None:
    here = incident(country="AZ", lat=40.34, lon=46.93)
    near = incident(country="AZ", lat=40.45, lon=47.0)
    far = incident(country="CO", lat=4.6, lon=-74.1)
    near_features = incident_features(near, [here], story_text(_article()))
    far_features = incident_features(far, [here], story_text(_article()))
    assert near_features["country_unshared"] == 0.0 and far_features["country_unshared"] == 1.0
    assert far_features["log_km_nearest"] > 3 * near_features["log_km_nearest"]
    assert incident_features(here, [], story_text(_article())).get("alone") == 1.0


def test_the_probability_becomes_the_confidence_and_the_threshold_drops() -> None:
    statement = incident(event_type="Strategic developments",
                         sub_event_type="Diplomatic statement", confidence=0.85)
    clash = incident(confidence=0.7)
    keeps_all = Vetter(weights={}, intercept=0.0, threshold=0.4)
    kept = keeps_all.vet([statement, clash], _article())
    assert [i.confidence for i in kept] == [0.85, 0.5]  # statements pass untouched
    drops_violent = Vetter(weights={}, intercept=-5.0, threshold=0.4)
    assert drops_violent.vet([statement, clash], _article()) == [statement]
    lifted = Vetter(weights={"rule_confidence": 10.0}, intercept=-5.0, threshold=0.4)
    assert lifted.vet([clash], _article())[0].confidence == pytest.approx(0.881, abs=1e-3)
    # a toll of thousands with a large weight is still a probability, not an overflow
    huge = Vetter(weights={"log_killed": -1000.0}, intercept=0.0, threshold=0.4)
    assert huge.probability({"log_killed": 9.0}) == pytest.approx(0.0)


def test_a_front_wide_tally_is_dropped_and_the_strike_kept(extractor) -> None:
    article = make_article(
        "published: 2024-08-20\n\n"
        "KYIV, Aug 20 (Wire) - A Russian missile hit a hotel in Kramatorsk on Tuesday, "
        "killing five people, the regional governor said.\n\n"
        "Police said the missile was launched from the occupied part of the region.\n\n"
        "Across the front line, Ukrainian forces repelled 54 attacks in the past day, the "
        "general staff said, with the heaviest fighting in the Donetsk region.\n", where="t")
    unvetted = Extractor(extractor.gazetteer, vetted=False).extract(article)
    assert {i.place for i in unvetted} == {"Kramatorsk", "Donetsk"}
    vetted = extractor.extract(article)
    assert [(i.place, i.killed) for i in vetted] == [("Kramatorsk", 5)]
    assert vetted[0].confidence >= default_vetter().threshold


def test_the_shipped_model_never_saw_the_evaluation_sets() -> None:
    model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    trained = {Path(f).parts[2] for f in model["trained_on"]}
    assert trained and not trained & train_vetting.EVALUATION_ONLY
    assert 0.0 < model["threshold"] < 1.0 and model["weights"]
    assert not any(k.startswith("word:") for k in model["weights"])


def test_training_labels_are_the_scorers_matches(built_gazetteer) -> None:
    gold = DATA / "unseen" / "gold.json"
    _, labels, groups, gold_counts = train_vetting.examples([gold])
    score = incident_eval.score_golds(Extractor(built_gazetteer, vetted=False), [gold])
    assert sum(labels) == score.true_pos and len(labels) == score.true_pos + score.false_pos
    assert set(groups) == {"unseen/gold.json"} and gold_counts == {"unseen/gold.json": 10}
