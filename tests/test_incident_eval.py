"""The incident scorer applies the judging rule and names each error's cause."""

from __future__ import annotations

from benchmark_loader import load_benchmark

incident_eval = load_benchmark("incident_eval")

GOLD = {"event_type": "Battles", "date": "2024-03-10", "place": "X", "lat": 48.0, "lon": 37.0,
        "tolerance_km": 25, "killed": 3}


def pred(**changes):
    base = {"event_type": "Battles", "date": "2024-03-10", "lat": 48.0, "lon": 37.0,
            "killed": 3, "place": "X", "place_name": "X", "evidence": "..."}
    return {**base, **changes}


def test_a_day_off_still_matches_but_two_days_or_far_away_do_not() -> None:
    assert incident_eval.matches(pred(date="2024-03-11"), GOLD)
    assert incident_eval.failed_tests(pred(date="2024-03-12"), GOLD) == ["date"]
    assert incident_eval.failed_tests(pred(lat=49.0), GOLD) == ["place"]  # 111 km north
    assert incident_eval.failed_tests(pred(lat=None, lon=None, date=None),
                                      GOLD) == ["date", "place"]


def test_a_miss_is_blamed_on_the_one_test_a_prediction_failed() -> None:
    family_only = pred(event_type="Violence against civilians")
    assert incident_eval.miss_cause(GOLD, [pred(lat=60.0, date=None), family_only]) == "family"
    assert incident_eval.miss_cause(GOLD, [pred(lat=60.0, date=None)]) == "absent"
    assert incident_eval.miss_cause(GOLD, []) == "absent"


def test_scoring_counts_matches_extras_and_wrong_tolls_by_cause() -> None:
    score = incident_eval.Score()
    elsewhere = {**GOLD, "lat": 30.0, "date": "2024-01-01"}
    incident_eval.score_file([pred(killed=5), pred(event_type="Protests"), pred(lat=10.0)],
                             [GOLD, elsewhere], score, False, "f.txt")
    assert (score.true_pos, score.false_pos, score.false_neg) == (1, 1, 1)
    assert score.causes == {"killed: over": 1, "miss: absent": 1}
    assert (score.killed_exact, score.killed_total) == (0, 1)


def test_matching_finds_the_most_pairs_where_first_come_would_strand_a_gold_event() -> None:
    # The first prediction fits both gold events; the second fits only the first one. Taking
    # predictions in order would pair the first gold with the first prediction and leave the
    # second gold unmatched.
    east = {**GOLD, "lon": 37.4, "killed": 1}
    both, west_only = pred(lon=37.2), pred(lon=36.9)
    assert incident_eval.assign([both, west_only], [GOLD, east]) == {0: 1, 1: 0}


def test_among_equal_matchings_each_gold_event_takes_its_nearest_prediction() -> None:
    # Two towns 10 km apart, both within tolerance of each prediction: the toll judged for
    # each gold event is its own town's, not its neighbour's.
    score = incident_eval.Score()
    near = {**GOLD, "lon": 37.13, "killed": 9}
    incident_eval.score_file([pred(lon=37.13, killed=9), pred(killed=3)], [GOLD, near],
                             score, False, "f.txt")
    assert (score.true_pos, score.killed_exact, score.killed_total) == (2, 2, 2)
