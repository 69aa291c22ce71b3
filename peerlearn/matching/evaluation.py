"""Quality of the engine (and of the thirty-line baseline) on a graded benchmark file."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment  # type: ignore[import-untyped, unused-ignore]

from peerlearn.matching.baseline import thirty_line_scores
from peerlearn.matching.benchmark_format import Benchmark
from peerlearn.matching.engine import propose_matches, rank_offers
from peerlearn.matching.metrics import (
    RankingQuality,
    assignment_value,
    best_assignment_value,
    ranking_quality,
)
from peerlearn.matching.model import DEFAULT_CONSTRAINTS, DEFAULT_WEIGHTS, Constraints, Weights


@dataclass(frozen=True, slots=True)
class Quality:
    overall: RankingQuality
    cross_language: RankingQuality
    same_language: RankingQuality
    assignment: float
    assigned_grade: float
    best_grade: float

    def lines(self, title: str) -> list[str]:
        rows = [title]
        for name, quality in (
            ("overall", self.overall),
            ("cross-language", self.cross_language),
            ("same-language", self.same_language),
        ):
            rows.append(
                f"  {name:15s} needs={quality.needs:4d}  MRR={quality.mrr:.3f}  "
                f"P@1={quality.precision_at_1:.3f}  nDCG@5={quality.ndcg_at_5:.3f}"
            )
        rows.append(
            f"  assignment ratio {self.assignment:.3f} "
            f"(grades {self.assigned_grade:g} of {self.best_grade:g} achievable)"
        )
        return rows

    def summary(self) -> str:
        return (
            f"MRR={self.overall.mrr:.3f} P@1={self.overall.precision_at_1:.3f} "
            f"nDCG@5={self.overall.ndcg_at_5:.3f} assignment={self.assignment:.3f}"
        )


def language_groups(benchmark: Benchmark) -> tuple[list[str], list[str]]:
    """(cross-language needs, same-language needs) as the benchmark README defines them."""
    language = {offer.id: offer.text_language for offer in benchmark.offers}
    cross, same = [], []
    for need in benchmark.needs:
        grades = benchmark.relevance.get(need.id, {})
        ideal = [offer_id for offer_id, grade in grades.items() if grade == 3]
        if any(language[offer_id] != need.text_language for offer_id in ideal):
            cross.append(need.id)
        else:
            same.append(need.id)
    return cross, same


def _quality(
    benchmark: Benchmark,
    rankings: Mapping[str, Sequence[str]],
    pairs: Sequence[tuple[str, str]],
) -> Quality:
    cross, same = language_groups(benchmark)
    need_ids = [need.id for need in benchmark.needs]
    capacities = {offer.id: offer.capacity for offer in benchmark.offers}
    best = best_assignment_value(benchmark.relevance, capacities, need_ids)
    achieved = assignment_value(pairs, benchmark.relevance, capacities)
    return Quality(
        overall=ranking_quality(rankings, benchmark.relevance, need_ids),
        cross_language=ranking_quality(rankings, benchmark.relevance, cross),
        same_language=ranking_quality(rankings, benchmark.relevance, same),
        assignment=achieved / best if best > 0 else 1.0,
        assigned_grade=achieved,
        best_grade=best,
    )


def evaluate_engine(
    benchmark: Benchmark,
    weights: Weights = DEFAULT_WEIGHTS,
    constraints: Constraints = DEFAULT_CONSTRAINTS,
) -> Quality:
    ranked = rank_offers(
        benchmark.needs,
        benchmark.offers,
        benchmark.taxonomy,
        top=len(benchmark.offers),
        weights=weights,
        constraints=constraints,
    )
    rankings = {need_id: [r.offer_id for r in offers] for need_id, offers in ranked.items()}
    result = propose_matches(
        benchmark.needs,
        benchmark.offers,
        benchmark.taxonomy,
        weights=weights,
        constraints=constraints,
        alternates=0,
    )
    pairs = [(proposal.need_id, proposal.offer_id) for proposal in result.proposals]
    return _quality(benchmark, rankings, pairs)


def evaluate_baseline(benchmark: Benchmark) -> Quality:
    scores = thirty_line_scores(benchmark.needs, benchmark.offers, benchmark.taxonomy)
    offers = benchmark.offers
    rankings = {
        need.id: [offers[j].id for j in np.argsort(-scores[row], kind="stable")]
        for row, need in enumerate(benchmark.needs)
    }
    places = np.repeat(np.arange(len(offers)), [offer.capacity for offer in offers])
    rows, columns = linear_sum_assignment(scores[:, places], maximize=True)
    pairs = [
        (benchmark.needs[row].id, offers[places[column]].id)
        for row, column in zip(rows, columns, strict=True)
        if scores[row, places[column]] > 0
    ]
    return _quality(benchmark, rankings, pairs)
