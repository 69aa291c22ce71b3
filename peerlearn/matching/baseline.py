"""The comparisons the engine is measured against, run in the same process.

* `thirty_line_ranking`: the "thirty-line baseline" of the issue - topic overlap
  that knows ancestors, plus character TF-IDF similarity of the texts, minus a
  penalty when the two people share no language - then an optimal assignment.
* `python_loop_min_cost_flow`: an optimal min-cost flow whose arcs are added
  one by one from Python, as OpenReview's matcher builds its graph.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from ortools.graph.python import min_cost_flow  # type: ignore[import-untyped, unused-ignore]
from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped, unused-ignore]

from peerlearn.matching.model import Need, Offer
from peerlearn.matching.taxonomy import Taxonomy

NO_LANGUAGE_PENALTY = 1.0


def thirty_line_scores(
    needs: Sequence[Need], offers: Sequence[Offer], taxonomy: Taxonomy
) -> npt.NDArray[np.float64]:
    """needs x offers scores of the baseline (dense: it is meant for small sets)."""

    def expanded(codes: Sequence[str]) -> set[str]:
        return {c for code in codes for c in (code, *taxonomy.ancestors(code))}

    need_topics = [expanded(need.topics) for need in needs]
    offer_topics = [expanded(offer.topics) for offer in offers]
    overlap = np.array(
        [
            [len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0 for b in offer_topics]
            for a in need_topics
        ]
    )
    vectoriser = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    vectors = vectoriser.fit_transform([x.text for x in needs] + [x.text for x in offers])
    text = (vectors[: len(needs)] @ vectors[len(needs) :].T).toarray()
    shared = np.array(
        [
            [bool(set(need.person.languages) & set(offer.person.languages)) for offer in offers]
            for need in needs
        ]
    )
    return np.asarray(overlap + text - NO_LANGUAGE_PENALTY * ~shared, dtype=np.float64)


def python_loop_min_cost_flow(
    scores: npt.NDArray[np.float64], capacity: Sequence[int], scale: int = 1_000_000
) -> tuple[float, list[tuple[int, int]]]:
    """Optimal assignment of a dense needs x offers score matrix, built arc by arc."""
    needs, offers = scores.shape
    solver = min_cost_flow.SimpleMinCostFlow()
    source, sink = needs + offers, needs + offers + 1
    pair_arcs: list[tuple[int, int, int]] = []
    for need in range(needs):
        solver.add_arc_with_capacity_and_unit_cost(source, need, 1, 0)
        solver.add_arc_with_capacity_and_unit_cost(need, sink, 1, 0)
        for offer in range(offers):
            cost = -round(float(scores[need, offer]) * scale)
            arc = solver.add_arc_with_capacity_and_unit_cost(need, needs + offer, 1, cost)
            pair_arcs.append((arc, need, offer))
    for offer in range(offers):
        solver.add_arc_with_capacity_and_unit_cost(needs + offer, sink, int(capacity[offer]), 0)
    solver.set_node_supply(source, needs)
    solver.set_node_supply(sink, -needs)
    if solver.solve() != solver.OPTIMAL:
        raise RuntimeError("the loop-built min-cost flow found no optimum")
    chosen = [(need, offer) for arc, need, offer in pair_arcs if solver.flow(arc) > 0]
    return sum(float(scores[need, offer]) for need, offer in chosen), chosen
