import math

import pytest

from peerlearn.matching.metrics import (
    assignment_value,
    best_assignment_value,
    ndcg_at,
    ranking_quality,
    reciprocal_rank,
)

GRADES = {"n1": {"a": 3, "b": 1}, "n2": {"c": 2}}


def test_reciprocal_rank_needs_grade_two() -> None:
    assert reciprocal_rank(["b", "x", "a"], GRADES["n1"]) == pytest.approx(1 / 3)
    assert reciprocal_rank(["b"], GRADES["n1"]) == 0.0


def test_ndcg_of_ideal_order_is_one_and_of_swapped_order_less() -> None:
    assert ndcg_at(["a", "b"], GRADES["n1"]) == pytest.approx(1.0)
    swapped = (1 + 3 / math.log2(3)) / (3 + 1 / math.log2(3))
    assert ndcg_at(["b", "a"], GRADES["n1"]) == pytest.approx(swapped)


def test_ranking_quality_averages_over_needs() -> None:
    quality = ranking_quality({"n1": ["a"], "n2": ["x", "c"]}, GRADES, ["n1", "n2"])
    assert quality.mrr == pytest.approx(0.75)
    assert quality.precision_at_1 == pytest.approx(0.5)


def test_best_assignment_respects_capacity() -> None:
    grades = {"n1": {"a": 3}, "n2": {"a": 3, "b": 1}}
    assert best_assignment_value(grades, {"a": 1, "b": 1}, ["n1", "n2"]) == 4
    assert best_assignment_value(grades, {"a": 2, "b": 1}, ["n1", "n2"]) == 6


def test_assignment_beyond_capacity_is_invalid() -> None:
    with pytest.raises(ValueError, match="capacity"):
        assignment_value([("n1", "a"), ("n2", "a")], GRADES, {"a": 1})
