import numpy as np
import pytest

from peerlearn.matching import Constraints, Weights
from peerlearn.matching.affinity import score_pairs
from peerlearn.matching.candidates import (
    best_per_need,
    candidates,
    exhaustive,
    recall,
    search,
)
from peerlearn.matching.pool import Pool, prepare_pool
from peerlearn.matching.synthetic import generate


@pytest.fixture(scope="module")
def pool() -> Pool:
    data = generate(300, 600, seed=5)
    return prepare_pool(data.needs, data.offers, data.taxonomy)


def test_exhaustive_keeps_every_workable_pair_best_first(pool: Pool) -> None:
    found = exhaustive(pool, Weights(), Constraints(), None)
    every = score_pairs(
        pool,
        np.repeat(np.arange(pool.need_count), pool.offer_count),
        np.tile(np.arange(pool.offer_count), pool.need_count),
    )
    assert len(found) == int(every.workable.sum())
    for need in (0, 1, 2):
        scores = found.score[found.need == need]
        assert (np.diff(scores) <= 0).all()


def test_search_finds_most_of_the_exact_best_offers(pool: Pool) -> None:
    need, offer = search(pool, Weights(), depth=40)
    assert len(np.unique(need * pool.offer_count + offer)) == len(need)
    found = best_per_need(score_pairs(pool, need, offer), 10)
    exact = exhaustive(pool, Weights(), Constraints(), 10)
    assert recall(found, exact) > 0.85
    assert recall(best_per_need(found, 1), best_per_need(exact, 1)) > 0.9


def test_search_never_keeps_a_pair_without_a_shared_language(pool: Pool) -> None:
    need, offer = search(pool, Weights(), depth=20)
    shared = (pool.need.languages[need] & pool.offer.languages[offer]) != 0
    assert shared.any(axis=1).all()


def test_pinned_pairs_are_kept_whatever_their_rank(pool: Pool) -> None:
    scored = exhaustive(pool, Weights(), Constraints(), None)
    worst = int(np.argmin(scored.score))
    pin = (int(scored.need[worst]), int(scored.offer[worst]))
    kept = candidates(pool, per_need=1, pinned=[pin], exhaustive_pairs=0)
    pairs = set(zip(kept.need.tolist(), kept.offer.tolist(), strict=True))
    assert pin in pairs
