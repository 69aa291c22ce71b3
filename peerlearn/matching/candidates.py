"""Candidate offers for every need, without the needs x offers matrix.

A small pool is scored exhaustively: every pair, exactly.  A large one is
searched in two steps:

1. An inverted file over the taxonomy.  Every offer is filed under the topic
   its ticks and its text point to most (its cell); every need visits the
   cells its own ticked topics (spread over the tree) and text point to most.
   Within a cell, a cheap score - the seeker's spread topics and text
   projection against the offerer's ticked topics and text projection, one
   matrix product - is multiplied by the same soft-rule factors as the full
   affinity and cut by the hard constraints, and each visiting need keeps its
   best `depth` offers of the cell.  Needs that only look in their own region
   or country visit the cells of their country a second time, with more
   probes, so that the few offers they can use are not crowded out by better
   but unusable ones abroad.  Memory is bounded by one block of a cell.
2. The full affinity (`affinity.score_pairs`) of each need's best `depth`
   candidates, of which the best `per_need` workable ones are kept.

The benchmark (`peerlearn-match bench`) measures the recall of step 1 against
exhaustive scoring on a sample of needs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from peerlearn.matching.affinity import (
    BlockRules,
    PairScores,
    block_rules,
    block_workability,
    score_pairs,
)
from peerlearn.matching.model import DEFAULT_CONSTRAINTS, DEFAULT_WEIGHTS, Constraints, Weights
from peerlearn.matching.pool import FloatArray, IntArray, Pool

Progress = Callable[[str, int, int], None]
# Up to this many pairs, every pair is scored exactly.
EXHAUSTIVE_PAIRS = 4_000_000
EXHAUSTIVE_BLOCK_PAIRS = 100_000
MIN_VISITED_OFFERS = 4000
# Elements of one block of cheap scores (float32): about 64 MB.
BLOCK_ELEMENTS = 4000000


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


@dataclass(frozen=True, slots=True)
class SearchVectors:
    need: FloatArray
    offer: FloatArray


def search_vectors(pool: Pool, weights: Weights) -> SearchVectors:
    topics = len(pool.taxonomy)
    need_topics = pool.need.topics
    spread = np.zeros((pool.need_count, topics), dtype=np.float32)
    ticked = np.maximum((need_topics >= 0).sum(axis=1), 1).astype(np.float32)
    for column in range(need_topics.shape[1]):
        present = need_topics[:, column] >= 0
        spread[present] += pool.closeness[need_topics[present, column]]
    spread /= ticked[:, None]
    offer_ticked = np.zeros((pool.offer_count, topics), dtype=np.float32)
    offer_topics = pool.offer.topics
    for column in range(offer_topics.shape[1]):
        present = offer_topics[:, column] >= 0
        offer_ticked[np.flatnonzero(present), offer_topics[present, column]] = 1.0
    # Text similarity is not in the cheap score; the projections carry most of it.
    concept_weight = weights.concepts + weights.text
    return SearchVectors(
        need=np.hstack([weights.topic * spread, concept_weight * pool.need.concepts]),
        offer=np.hstack([offer_ticked, pool.offer.concepts]).astype(np.float32),
    )


def _visits(affinity: FloatArray, count: int) -> IntArray:
    count = min(count, affinity.shape[1])
    return np.argpartition(-affinity, count - 1, axis=1)[:, :count].astype(np.int64)


class _Slots:
    """Candidates of some needs so far: `depth` slots per visit, filled block by block."""

    def __init__(self, needs: IntArray, visits: int, depth: int, need_count: int) -> None:
        self.needs = needs
        self.row_of = np.full(need_count, -1, dtype=np.int64)
        self.row_of[needs] = np.arange(len(needs))
        self.depth = depth
        self.offer = np.full((len(needs), visits * depth), -1, dtype=np.int64)
        self.value = np.full((len(needs), visits * depth), -np.inf, dtype=np.float32)

    def best(self, depth: int) -> tuple[IntArray, FloatArray]:
        """Each slot row's best `depth` offers and their values (-1 / -inf pad).

        Visits of one pass cover disjoint sets of offers, so no offer repeats.
        """
        keep = min(depth, self.offer.shape[1])
        chosen = np.argpartition(-self.value, keep - 1, axis=1)[:, :keep]
        values = np.take_along_axis(self.value, chosen, axis=1)
        offers = np.where(np.isfinite(values), np.take_along_axis(self.offer, chosen, axis=1), -1)
        return offers, values


def _best_distinct(offers: IntArray, values: FloatArray, depth: int) -> tuple[IntArray, FloatArray]:
    order = np.argsort(offers, axis=1, kind="stable")
    offers = np.take_along_axis(offers, order, axis=1)
    values = np.take_along_axis(values, order, axis=1)
    repeated = np.zeros(offers.shape, dtype=np.bool_)
    repeated[:, 1:] = offers[:, 1:] == offers[:, :-1]
    values[repeated | (offers < 0)] = -np.inf
    keep = min(depth, offers.shape[1])
    chosen = np.argpartition(-values, keep - 1, axis=1)[:, :keep]
    chosen_values = np.take_along_axis(values, chosen, axis=1)
    chosen_offers = np.where(
        np.isfinite(chosen_values), np.take_along_axis(offers, chosen, axis=1), -1
    )
    return chosen_offers, chosen_values


def _fill(
    pool: Pool,
    vectors: SearchVectors,
    slots: _Slots,
    visit_keys: IntArray,
    offer_keys: IntArray,
    key_count: int,
    rules: BlockRules,
    weights: Weights,
    constraints: Constraints,
    progress: Progress,
    *,
    same_country: bool,
) -> None:
    """Fill the slots: slot row r's visit v covers the offers whose key is visit_keys[r, v]."""
    depth = slots.depth
    offer_order = np.argsort(offer_keys, kind="stable")
    offer_bounds = np.searchsorted(offer_keys[offer_order], np.arange(key_count + 1))
    flat = visit_keys.ravel()
    visit_order = np.argsort(flat, kind="stable")
    visit_bounds = np.searchsorted(flat[visit_order], np.arange(key_count + 1))
    visits = visit_keys.shape[1]
    occupied = np.flatnonzero((np.diff(visit_bounds) > 0) & (np.diff(offer_bounds) > 0))
    for done, key in enumerate(occupied):
        offers = offer_order[offer_bounds[key] : offer_bounds[key + 1]]
        entries = visit_order[visit_bounds[key] : visit_bounds[key + 1]]
        slot_rows, visit = entries // visits, entries % visits
        offer_vectors = vectors.offer[offers]
        rows_per_block = max(1, BLOCK_ELEMENTS // len(offers))
        for start in range(0, len(slot_rows), rows_per_block):
            block_rows = slot_rows[start : start + rows_per_block]
            rows = slots.needs[block_rows]
            scores = vectors.need[rows] @ offer_vectors.T
            # The same hard rules and soft-rule factors as the full affinity,
            # or unusable offers would crowd usable ones out of the slots.
            scores = block_workability(
                pool, rules, rows, offers, weights, constraints, scores, same_country=same_country
            )
            keep = min(depth, len(offers))
            if len(offers) > keep:
                best = np.argpartition(-scores, keep - 1, axis=1)[:, :keep]
            else:
                best = np.broadcast_to(np.arange(keep), (len(rows), keep))
            values = np.take_along_axis(scores, best, axis=1)
            values[values < 0] = -np.inf
            columns = (visit[start : start + rows_per_block] * depth)[:, None] + np.arange(keep)
            slots.offer[block_rows[:, None], columns] = offers[best]
            slots.value[block_rows[:, None], columns] = values
        progress("candidates", done + 1, len(occupied))


def search(
    pool: Pool,
    weights: Weights,
    depth: int,
    progress: Progress = _no_progress,
    probes: int | None = None,
    constraints: Constraints = DEFAULT_CONSTRAINTS,
) -> tuple[IntArray, IntArray]:
    """Candidate (need, offer) pairs of a large pool: each need's best `depth`.

    Each need visits `probes` cells (by default a tenth of the topics, at
    least eight, and at least enough to see MIN_VISITED_OFFERS offers), which
    on a large pool cuts the work about tenfold against comparing every need
    with every offer.
    """
    vectors = search_vectors(pool, weights)
    rules = block_rules(pool, weights)
    topics = len(pool.taxonomy)
    offer_cell = np.argmax(vectors.offer[:, :topics] + vectors.offer[:, topics:], axis=1)
    # Offers with no place left are filed nowhere (key `topics` is never visited).
    offer_cell = np.where(pool.offer_capacity > 0, offer_cell, topics)
    need_affinity = vectors.need[:, :topics] + vectors.need[:, topics:]
    if probes is None:
        # A tenth of the topics, at least eight, and enough cells to see about
        # MIN_VISITED_OFFERS offers: on smaller pools looking further is cheap.
        wanted = int(np.ceil(MIN_VISITED_OFFERS * topics / max(pool.offer_count, 1)))
        probes = max(8, topics // 10, wanted)
    visits = min(topics, probes)
    everyone = np.arange(pool.need_count, dtype=np.int64)
    slots = _Slots(everyone, visits, depth, pool.need_count)
    _fill(
        pool,
        vectors,
        slots,
        _visits(need_affinity, visits),
        offer_cell.astype(np.int64),
        topics + 1,
        rules,
        weights,
        constraints,
        progress,
        same_country=True,
    )
    offers, values = slots.best(depth)
    scoped = np.flatnonzero(pool.need_scope < 2)
    if len(scoped):
        # A second pass for needs limited to their own region or country,
        # keyed by (country, thematic area) so that they only meet offers of
        # their own country, in the areas closest to them: far fewer offers per
        # key than per topic cell abroad, so each visit can cover a whole area.
        area_of = np.fromiter(
            (pool.taxonomy.index[pool.taxonomy.area(t.code)] for t in pool.taxonomy.topics),
            dtype=np.int64,
            count=topics,
        )
        areas, area_index = np.unique(area_of, return_inverse=True)
        area_affinity = np.full((len(scoped), len(areas)), -np.inf, dtype=np.float32)
        np.maximum.at(area_affinity.T, area_index, need_affinity[scoped].T)
        area_visits = min(len(areas), max(2, (len(areas) + 3) // 4))
        local = _Slots(scoped, area_visits, depth, pool.need_count)
        offer_area = np.where(
            offer_cell < topics, area_index[np.minimum(offer_cell, topics - 1)], -1
        )
        _fill(
            pool,
            vectors,
            local,
            pool.need.country[scoped, None] * len(areas) + _visits(area_affinity, area_visits),
            np.where(offer_area >= 0, pool.offer.country * len(areas) + offer_area, -1),
            (int(max(pool.need.country.max(), pool.offer.country.max())) + 1) * len(areas),
            rules,
            weights,
            constraints,
            progress,
            same_country=True,
        )
        local_offers, local_values = local.best(depth)
        merged_offers, merged_values = _best_distinct(
            np.hstack([offers[scoped], local_offers]),
            np.hstack([values[scoped], local_values]),
            depth,
        )
        offers[scoped], values[scoped] = merged_offers, merged_values
    need = np.repeat(everyone, offers.shape[1])
    found = offers.ravel() >= 0
    return need[found], offers.ravel()[found]


def exhaustive_search(
    pool: Pool,
    weights: Weights,
    depth: int,
    needs: IntArray,
    constraints: Constraints = DEFAULT_CONSTRAINTS,
) -> tuple[IntArray, IntArray]:
    """The same cheap score over every offer, for measuring the recall of `search`."""
    vectors = search_vectors(pool, weights)
    rules = block_rules(pool, weights)
    offers = np.arange(pool.offer_count, dtype=np.int64)
    scores = vectors.need[needs] @ vectors.offer.T
    scores = block_workability(
        pool, rules, needs, offers, weights, constraints, scores, same_country=True
    )
    keep = min(depth, pool.offer_count)
    best = np.argpartition(-scores, keep - 1, axis=1)[:, :keep]
    values = np.take_along_axis(scores, best, axis=1)
    valid = (values >= 0).ravel()
    return np.repeat(needs, keep)[valid], best.ravel()[valid]


def best_per_need(scores: PairScores, per_need: int | None) -> PairScores:
    """Workable pairs, best first within each need, at most `per_need` per need."""
    kept = scores.take(np.flatnonzero(scores.workable))
    order = np.lexsort((kept.offer, -kept.score, kept.need))
    kept = kept.take(order)
    if per_need is None or len(kept) == 0:
        return kept
    starts = np.searchsorted(kept.need, kept.need, side="left")
    rank = np.arange(len(kept)) - starts
    return kept.take(np.flatnonzero(rank < per_need))


def exhaustive(
    pool: Pool,
    weights: Weights,
    constraints: Constraints,
    per_need: int | None,
    progress: Progress = _no_progress,
) -> PairScores:
    """Every pair scored exactly, a block of needs at a time."""
    n, m = pool.need_count, pool.offer_count
    rows = max(1, EXHAUSTIVE_BLOCK_PAIRS // max(m, 1))
    parts: list[PairScores] = []
    for start in range(0, n, rows):
        block = np.arange(start, min(n, start + rows), dtype=np.int64)
        need = np.repeat(block, m)
        offer = np.tile(np.arange(m, dtype=np.int64), len(block))
        parts.append(best_per_need(score_pairs(pool, need, offer, weights, constraints), per_need))
        progress("candidates", min(n, start + rows), n)
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return score_pairs(pool, empty, empty, weights, constraints)
    return concatenate(parts)


def candidates(
    pool: Pool,
    weights: Weights = DEFAULT_WEIGHTS,
    constraints: Constraints = DEFAULT_CONSTRAINTS,
    *,
    per_need: int | None = 30,
    pinned: Sequence[tuple[int, int]] = (),
    progress: Progress = _no_progress,
    exhaustive_pairs: int = EXHAUSTIVE_PAIRS,
) -> PairScores:
    """Scored workable candidates, grouped by need, best first within a need.

    `per_need=None` keeps every workable pair (only sensible for small pools).
    Pinned pairs are always scored and kept when workable, whatever their rank.
    """
    n, m = pool.need_count, pool.offer_count
    if n * m <= exhaustive_pairs or per_need is None:
        best = exhaustive(pool, weights, constraints, per_need, progress)
    else:
        depth = max(3 * per_need, 60)
        need, offer = search(pool, weights, depth, progress, constraints=constraints)
        progress("affinity", 0, len(need))
        best = best_per_need(score_pairs(pool, need, offer, weights, constraints), per_need)
        progress("affinity", len(need), len(need))
    if not pinned:
        return best
    pinned_need = np.fromiter((pair[0] for pair in pinned), dtype=np.int64)
    pinned_offer = np.fromiter((pair[1] for pair in pinned), dtype=np.int64)
    forced = score_pairs(pool, pinned_need, pinned_offer, weights, constraints)
    keys = best.need * m + best.offer
    fresh = ~np.isin(pinned_need * m + pinned_offer, keys) & forced.workable
    if not fresh.any():
        return best
    merged = concatenate([best, forced.take(np.flatnonzero(fresh))])
    order = np.lexsort((merged.offer, -merged.score, merged.need))
    return merged.take(order)


def concatenate(parts: Sequence[PairScores]) -> PairScores:
    first = parts[0]
    return PairScores(
        need=np.concatenate([part.need for part in parts]),
        offer=np.concatenate([part.offer for part in parts]),
        score=np.concatenate([part.score for part in parts]),
        components={
            name: np.concatenate([part.components[name] for part in parts])
            for name in first.components
        },
        factors={
            name: np.concatenate([part.factors[name] for part in parts]) for name in first.factors
        },
        workable=np.concatenate([part.workable for part in parts]),
    )


def recall(found: PairScores, exact: PairScores) -> float:
    """Share of the exact best pairs that the search also found."""
    if len(exact) == 0:
        return 1.0
    found_keys = found.need.astype(np.int64) * (1 << 32) + found.offer
    exact_keys = exact.need.astype(np.int64) * (1 << 32) + exact.offer
    return float(np.isin(exact_keys, found_keys).mean())
