import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment

from peerlearn.matching import Taxonomy
from peerlearn.matching.baseline import python_loop_min_cost_flow, thirty_line_scores
from tests.matching.conftest import NeedFactory, OfferFactory


def test_loop_built_flow_is_optimal() -> None:
    scores = np.random.default_rng(2).random((12, 9))
    objective, chosen = python_loop_min_cost_flow(scores, [2] * 9)
    places = np.repeat(np.arange(9), 2)
    rows, columns = linear_sum_assignment(scores[:, places], maximize=True)
    assert objective == pytest.approx(scores[rows, places[columns]].sum(), abs=1e-4)
    assert len({need for need, _ in chosen}) == len(chosen)


def test_thirty_line_baseline_penalises_no_shared_language(
    taxonomy: Taxonomy, make_need: NeedFactory, make_offer: OfferFactory
) -> None:
    scores = thirty_line_scores(
        [make_need()],
        [make_offer("same"), make_offer("foreign", languages=("tr",))],
        taxonomy,
    )
    assert scores[0, 0] - scores[0, 1] == pytest.approx(1.0, abs=1e-6)
