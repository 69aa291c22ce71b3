"""Ranking and assignment metrics, exactly as defined in shared/bench/matching/README.md."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment  # type: ignore[import-untyped, unused-ignore]

Grades = Mapping[str, Mapping[str, int]]


@dataclass(frozen=True, slots=True)
class RankingQuality:
    needs: int
    mrr: float
    precision_at_1: float
    ndcg_at_5: float


def reciprocal_rank(ranked: Sequence[str], grades: Mapping[str, int]) -> float:
    for position, offer_id in enumerate(ranked, start=1):
        if grades.get(offer_id, 0) >= 2:
            return 1.0 / position
    return 0.0


def ndcg_at(ranked: Sequence[str], grades: Mapping[str, int], depth: int = 5) -> float:
    gained = sum(
        grades.get(offer_id, 0) / math.log2(position + 1)
        for position, offer_id in enumerate(ranked[:depth], start=1)
    )
    ideal_grades = sorted(grades.values(), reverse=True)[:depth]
    ideal = sum(grade / math.log2(position + 1) for position, grade in enumerate(ideal_grades, 1))
    return gained / ideal if ideal > 0 else 0.0


def ranking_quality(
    rankings: Mapping[str, Sequence[str]], relevance: Grades, need_ids: Iterable[str]
) -> RankingQuality:
    chosen = list(need_ids)
    if not chosen:
        return RankingQuality(0, 0.0, 0.0, 0.0)
    mrr = p1 = ndcg = 0.0
    for need_id in chosen:
        ranked = rankings.get(need_id, [])
        grades = relevance.get(need_id, {})
        mrr += reciprocal_rank(ranked, grades)
        p1 += 1.0 if ranked and grades.get(ranked[0], 0) >= 2 else 0.0
        ndcg += ndcg_at(ranked, grades)
    count = len(chosen)
    return RankingQuality(count, mrr / count, p1 / count, ndcg / count)


def best_assignment_value(
    relevance: Grades, capacities: Mapping[str, int], need_ids: Sequence[str]
) -> float:
    """Largest total grade of any assignment that respects capacities (exact)."""
    offers = sorted(capacities)
    slots = [offer_id for offer_id in offers for _ in range(capacities[offer_id])]
    if not slots or not need_ids:
        return 0.0
    matrix = np.zeros((len(need_ids), len(slots)))
    for row, need_id in enumerate(need_ids):
        grades = relevance.get(need_id, {})
        for column, offer_id in enumerate(slots):
            matrix[row, column] = grades.get(offer_id, 0)
    rows, columns = linear_sum_assignment(matrix, maximize=True)
    return float(matrix[rows, columns].sum())


def assignment_value(
    pairs: Iterable[tuple[str, str]], relevance: Grades, capacities: Mapping[str, int]
) -> float:
    """Total grade of an assignment; raises ValueError when it breaks a capacity."""
    used: dict[str, int] = {}
    served: set[str] = set()
    total = 0.0
    for need_id, offer_id in pairs:
        if need_id in served:
            raise ValueError(f"need {need_id} is assigned twice")
        served.add(need_id)
        used[offer_id] = used.get(offer_id, 0) + 1
        if used[offer_id] > capacities.get(offer_id, 0):
            raise ValueError(f"offer {offer_id} is assigned beyond its capacity")
        total += relevance.get(need_id, {}).get(offer_id, 0)
    return total
