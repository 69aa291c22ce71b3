"""Solvers: exactness against brute force, capacity, fairness, clusters, determinism."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerlearn.matching.solvers import (
    Assignment,
    AssignmentProblem,
    SolverName,
    dense_assignment,
    min_cost_flow_assignment,
    solve,
)

SETTINGS = settings(max_examples=60, deadline=None)


@st.composite
def problems(draw: st.DrawFn, wants_up_to: int = 2) -> AssignmentProblem:
    needs = draw(st.integers(1, 4))
    offers = draw(st.integers(1, 4))
    cells = draw(
        st.lists(
            st.integers(0, needs * offers - 1),
            min_size=1,
            max_size=min(8, needs * offers),
            unique=True,
        )
    )
    pairs = np.asarray(sorted(cells), dtype=np.int64)
    weights = draw(st.lists(st.integers(1, 1000), min_size=len(pairs), max_size=len(pairs)))
    return AssignmentProblem(
        need=pairs // offers,
        offer=pairs % offers,
        weight=np.asarray(weights, dtype=np.float64) / 1000,
        wants=np.asarray(
            draw(st.lists(st.integers(1, wants_up_to), min_size=needs, max_size=needs))
        ),
        capacity=np.asarray(draw(st.lists(st.integers(0, 3), min_size=offers, max_size=offers))),
        min_weight=draw(st.sampled_from([0.0, 0.25])),
    )


def feasible(problem: AssignmentProblem, arcs: tuple[int, ...] | np.ndarray) -> bool:
    wants = np.zeros(len(problem.wants), dtype=np.int64)
    used = np.zeros(len(problem.capacity), dtype=np.int64)
    for arc in arcs:
        wants[problem.need[arc]] += 1
        used[problem.offer[arc]] += 1
    return bool((wants <= problem.wants).all() and (used <= problem.capacity).all())


def brute_force(problem: AssignmentProblem) -> float:
    usable = [a for a in range(problem.arcs) if problem.weight[a] >= problem.min_weight]
    best = 0.0
    for size in range(len(usable) + 1):
        for arcs in itertools.combinations(usable, size):
            if feasible(problem, arcs):
                best = max(best, float(problem.weight[list(arcs)].sum()))
    return best


def worst_served(problem: AssignmentProblem, assignment: Assignment) -> float:
    """Lowest affinity over all needs that have any usable arc, 0 for an unserved one."""
    servable = np.unique(problem.need[problem.weight >= problem.min_weight])
    best = dict.fromkeys(servable.tolist(), 0.0)
    for arc in assignment.arcs.tolist():
        need = int(problem.need[arc])
        best[need] = min(best[need], problem.weight[arc]) if best[need] else problem.weight[arc]
    return min(best.values(), default=0.0)


@SETTINGS
@given(problems())
def test_optimal_equals_brute_force(problem: AssignmentProblem) -> None:
    assignment = solve(problem, "optimal")
    assert assignment.objective == pytest.approx(brute_force(problem), abs=1e-9)


@SETTINGS
@given(problems(), st.sampled_from(["optimal", "fair", "clusters"]))
def test_no_solver_exceeds_wants_or_capacity_or_goes_below_the_minimum(
    problem: AssignmentProblem, solver: str
) -> None:
    assignment = solve(problem, solver)  # type: ignore[arg-type]
    assert feasible(problem, assignment.arcs)
    assert (problem.weight[assignment.arcs] >= problem.min_weight).all()
    pairs = list(zip(problem.need[assignment.arcs], problem.offer[assignment.arcs], strict=True))
    assert len(pairs) == len(set(pairs))


@SETTINGS
@given(problems(wants_up_to=1))
def test_fair_never_has_a_worse_minimum_nor_serves_fewer(problem: AssignmentProblem) -> None:
    optimal = solve(problem, "optimal")
    fair = solve(problem, "fair")
    assert worst_served(problem, fair) >= worst_served(problem, optimal) - 1e-12
    assert len(np.unique(problem.need[fair.arcs])) >= len(np.unique(problem.need[optimal.arcs]))


def test_fair_lifts_the_worst_served_need() -> None:
    # Optimal gives need 0 its favourite and leaves need 1 with nothing.
    problem = AssignmentProblem(
        need=np.array([0, 0, 1]),
        offer=np.array([0, 1, 0]),
        weight=np.array([1.0, 0.2, 0.3]),
        wants=np.ones(2, dtype=np.int64),
        capacity=np.array([1, 1]),
    )
    assert solve(problem, "optimal").arcs.tolist() == [0]
    fair = solve(problem, "fair")
    assert sorted(fair.arcs.tolist()) == [1, 2]


@SETTINGS
@given(problems())
def test_results_are_deterministic(problem: AssignmentProblem) -> None:
    solvers: tuple[SolverName, ...] = ("optimal", "fair", "clusters")
    for solver in solvers:
        first = solve(problem, solver)
        second = solve(problem, solver)
        assert first.arcs.tolist() == second.arcs.tolist()


def test_dense_and_flow_paths_agree() -> None:
    rng = np.random.default_rng(5)
    needs, offers = 30, 20
    rows = np.repeat(np.arange(needs), offers)
    columns = np.tile(np.arange(offers), needs)
    weights = rng.random(needs * offers)
    capacity = rng.integers(1, 3, offers)
    dense = dense_assignment(rows, columns, weights, needs, capacity)
    flow = min_cost_flow_assignment(rows, columns, weights, np.ones(needs, np.int64), capacity)
    assert weights[dense].sum() == pytest.approx(weights[flow].sum(), abs=1e-5)


def test_pinned_arcs_come_first_and_overflowing_pins_are_reported() -> None:
    problem = AssignmentProblem(
        need=np.array([0, 1, 1]),
        offer=np.array([0, 0, 1]),
        weight=np.array([0.05, 0.9, 0.8]),
        wants=np.ones(2, dtype=np.int64),
        capacity=np.array([1, 1]),
        min_weight=0.1,
        pinned=np.array([True, True, False]),
    )
    assignment = solve(problem, "optimal")
    assert 0 in assignment.arcs.tolist()  # pinned although below the minimum
    assert assignment.unplaced_pins.tolist() == [1]  # offer 0 is full
    assert 2 in assignment.arcs.tolist()


def test_group_requests_take_several_distinct_offers() -> None:
    problem = AssignmentProblem(
        need=np.array([0, 0, 0]),
        offer=np.array([0, 1, 2]),
        weight=np.array([0.9, 0.8, 0.1]),
        wants=np.array([2]),
        capacity=np.array([3, 1, 1]),
    )
    assert solve(problem, "optimal").arcs.tolist() == [0, 1]


def test_clusters_group_needs_sharing_a_topic_within_size_limits() -> None:
    # One offer with one place; five needs on the same topic.
    problem = AssignmentProblem(
        need=np.arange(5),
        offer=np.zeros(5, dtype=np.int64),
        weight=np.array([0.9, 0.8, 0.7, 0.6, 0.5]),
        wants=np.ones(5, dtype=np.int64),
        capacity=np.array([1]),
        shared_topics=[("waste",)] * 5,
        cluster_min=2,
        cluster_max=3,
    )
    assignment = solve(problem, "clusters")
    assert len(assignment.sessions) == 1
    assert assignment.sessions[0].arcs == (0, 1, 2)
    assert assignment.objective == pytest.approx(2.4)
    assert solve(problem, "optimal").objective == pytest.approx(0.9)
