"""The conflict-copy toponym scorer counts gold mentions the way its docstring says."""

from __future__ import annotations

from benchmark_loader import load_benchmark

toponym_eval = load_benchmark("toponym_eval")


def test_longest_name_claims_its_span_and_whole_words_only() -> None:
    body = "Shelling in the Kharkiv region; Kharkiv itself and Kharkivska were quiet."
    entries = [
        {"text": "Kharkiv", "lat": 50.0, "lon": 36.2, "kind": "city"},
        {"text": "Kharkiv region", "lat": 49.5, "lon": 36.6, "kind": "province"},
    ]
    found = toponym_eval.gold_mentions(body, entries, offset=10)
    assert [(g.text, g.start - 10) for g in found] == [
        ("Kharkiv region", body.index("Kharkiv region")),
        ("Kharkiv", body.index("Kharkiv itself")),
    ]


def test_a_point_is_resolved_within_161_km_and_a_country_by_its_outline() -> None:
    gold = toponym_eval.GoldMention(0, 7, "Kharkiv", 50.0, 36.23, "city")
    assert toponym_eval.resolved(gold, {"lat": 49.98, "lon": 36.25, "feature": "PPL"})
    assert not toponym_eval.resolved(gold, {"lat": 46.6, "lon": 32.6, "feature": "PPL"})
    sudan = toponym_eval.GoldMention(0, 5, "Sudan", 15.0, 30.0, "country")
    assert not toponym_eval.resolved(sudan, {"lat": 8.0, "lon": 30.0, "feature": "PCLI",
                                             "country": "SS"})
    assert toponym_eval.resolved(sudan, {"lat": 20.0, "lon": 25.0, "feature": "PCLI",
                                         "country": "SD"})
