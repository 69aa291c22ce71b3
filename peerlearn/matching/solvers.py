"""Assignment of offers to needs: optimal, fair and clusters, behind one interface.

Every solver takes an `AssignmentProblem` - arcs (need row, offer row, affinity)
that are already workable, how many offers each need wants, how many places
each offer has, the pinned arcs and the minimum affinity - and returns the arcs
it chose.  Affinities are turned into integers (micro-units) for the flow
solvers, so "exact" means exact for affinities rounded to 1e-6.

* `optimal`: maximum total affinity, each need at most `wants` offers (each
  offer once), each offer at most its capacity.  A min-cost flow over the
  sparse arcs (OR-Tools' network simplex, fed whole arrays at once); a dense
  instance where every need wants one offer goes to
  `scipy.optimize.linear_sum_assignment` on the needs x places matrix, which
  is exact too and the fastest method for that shape.
* `fair`: first serve as many needs as can be served, then make the affinity
  of the worst-served need as high as possible, then the total.
* `clusters`: group sessions - one offer serving several needs that share a
  topic, between a minimum and a maximum size, for one place of its capacity
  - and ordinary pairs, together maximising the total affinity (an integer
  programme solved by HiGHS; a greedy construction beyond `CLUSTER_EXACT_ARCS`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import numpy.typing as npt
from ortools.graph.python import max_flow, min_cost_flow  # type: ignore[import-untyped, unused-ignore]
from scipy.optimize import Bounds, LinearConstraint, linear_sum_assignment, milp  # type: ignore[import-untyped, unused-ignore]
from scipy.sparse import coo_matrix  # type: ignore[import-untyped, unused-ignore]

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
SolverName = Literal["optimal", "fair", "clusters"]
SOLVERS: tuple[SolverName, ...] = ("optimal", "fair", "clusters")
SCALE = 1_000_000
# Dense enough, and small enough, for linear_sum_assignment to beat the flow.
DENSE_SHARE = 0.5
DENSE_CELLS = 30_000_000
CLUSTER_EXACT_ARCS = 20_000
Progress = Callable[[str, int, int], None]


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


class SolverError(RuntimeError):
    pass


@dataclass(frozen=True, slots=True)
class AssignmentProblem:
    need: IntArray
    offer: IntArray
    weight: FloatArray
    wants: IntArray  # per need row
    capacity: IntArray  # per offer row
    min_weight: float = 0.0
    pinned: BoolArray = field(default_factory=lambda: np.zeros(0, dtype=np.bool_))
    # For clusters: the topic codes each arc's two sides share.
    shared_topics: Sequence[tuple[str, ...]] = ()
    cluster_min: int = 2
    cluster_max: int = 5

    @property
    def arcs(self) -> int:
        return len(self.need)

    def is_pinned(self) -> BoolArray:
        if len(self.pinned) == self.arcs:
            return self.pinned
        return np.zeros(self.arcs, dtype=np.bool_)


@dataclass(frozen=True, slots=True)
class Session:
    """A group session: one offer, one topic, several needs (arc indices)."""

    offer: int
    topic: str
    arcs: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Assignment:
    arcs: IntArray  # indices of the chosen arcs
    objective: float
    method: str
    unplaced_pins: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    sessions: tuple[Session, ...] = ()
    exact: bool = True


def _place_pins(problem: AssignmentProblem) -> tuple[IntArray, IntArray, IntArray, IntArray]:
    """Take pinned arcs first, in order, while wants and capacity allow.

    Returns (placed arcs, unplaced pinned arcs, wants left, capacity left).
    """
    wants = problem.wants.copy()
    capacity = problem.capacity.copy()
    placed: list[int] = []
    unplaced: list[int] = []
    taken: set[tuple[int, int]] = set()
    for arc in np.flatnonzero(problem.is_pinned()):
        need, offer = int(problem.need[arc]), int(problem.offer[arc])
        if wants[need] > 0 and capacity[offer] > 0 and (need, offer) not in taken:
            wants[need] -= 1
            capacity[offer] -= 1
            taken.add((need, offer))
            placed.append(int(arc))
        else:
            unplaced.append(int(arc))
    return (
        np.asarray(placed, dtype=np.int64),
        np.asarray(unplaced, dtype=np.int64),
        wants,
        capacity,
    )


def _open_arcs(
    problem: AssignmentProblem, wants: IntArray, capacity: IntArray, placed: IntArray
) -> IntArray:
    """Arcs still worth solving over: above the minimum, not pinned, both ends free."""
    usable = problem.weight >= problem.min_weight
    if len(problem.pinned) == problem.arcs:
        usable &= ~problem.pinned
    if (wants <= 0).any():
        usable &= wants[problem.need] > 0
    if (capacity <= 0).any():
        usable &= capacity[problem.offer] > 0
    if len(placed):
        # A need never takes the same offer twice.
        taken = (
            problem.need[placed] * (int(problem.offer.max(initial=0)) + 1) + problem.offer[placed]
        )
        keys = problem.need * (int(problem.offer.max(initial=0)) + 1) + problem.offer
        usable &= ~np.isin(keys, taken)
    return np.flatnonzero(usable).astype(np.int64)


def _costs(weight: FloatArray) -> IntArray:
    return -np.rint(np.asarray(weight, dtype=np.float64) * SCALE).astype(np.int64)


def min_cost_flow_assignment(
    need: IntArray,
    offer: IntArray,
    weight: FloatArray,
    wants: IntArray,
    capacity: IntArray,
    *,
    unserved_cost: IntArray | None = None,
) -> BoolArray:
    """Which arcs an optimal flow uses.

    `unserved_cost` (per need) is what leaving that need with no offer at all
    costs, in the same integer units as affinities; `fair` sets it above any
    total of affinities so that serving more needs comes first.
    """
    needs, offers = len(wants), len(capacity)
    chosen = np.zeros(len(need), dtype=np.bool_)
    if len(need) == 0:
        return chosen
    sink = needs + offers
    solver = min_cost_flow.SimpleMinCostFlow()
    rows = np.arange(needs, dtype=np.int64)
    served_first = np.minimum(wants, 1)
    tails = np.concatenate([need, needs + np.arange(offers), rows, rows])
    heads = np.concatenate(
        [needs + offer, np.full(offers, sink), np.full(needs, sink), np.full(needs, sink)]
    )
    capacities = np.concatenate(
        [np.ones(len(need), dtype=np.int64), capacity, served_first, wants - served_first]
    )
    costs = np.concatenate(
        [
            _costs(weight),
            np.zeros(offers, dtype=np.int64),
            (
                np.zeros(needs, dtype=np.int64)
                if unserved_cost is None
                else unserved_cost.astype(np.int64)
            ),
            np.zeros(needs, dtype=np.int64),
        ]
    )
    solver.add_arcs_with_capacity_and_unit_cost(
        tails.astype(np.int32), heads.astype(np.int32), capacities, costs
    )
    supplies = np.concatenate([wants, np.zeros(offers, dtype=np.int64), [-int(wants.sum())]])
    solver.set_nodes_supplies(np.arange(needs + offers + 1, dtype=np.int32), supplies)
    status = solver.solve()
    if status != solver.OPTIMAL:
        raise SolverError(f"min-cost flow ended with status {status}")
    flows = solver.flows(np.arange(len(need), dtype=np.int32))
    chosen[:] = np.asarray(flows) > 0
    return chosen


def dense_assignment(
    need: IntArray, offer: IntArray, weight: FloatArray, needs: int, capacity: IntArray
) -> BoolArray:
    """Which arcs an optimal assignment uses, by linear_sum_assignment on needs x places.

    Only for needs wanting one offer each.  Missing arcs weigh 0: with weights
    >= 0, a best full matching is a best matching, and zero pairs are dropped.
    """
    chosen = np.zeros(len(need), dtype=np.bool_)
    if int(capacity.sum()) == 0 or len(need) == 0:
        return chosen
    offers = len(capacity)
    matrix = np.zeros((needs, offers), dtype=np.float64)
    matrix[need, offer] = weight
    arc_at = np.full((needs, offers), -1, dtype=np.int64 if len(need) >= 2**31 else np.int32)
    arc_at[need, offer] = np.arange(len(need), dtype=arc_at.dtype)
    if bool((capacity == 1).all()):
        places = np.arange(offers)
    else:
        # An offer with c places is c identical columns.
        places = np.repeat(np.arange(offers), capacity)
        matrix = matrix[:, places]
    rows, columns = linear_sum_assignment(matrix, maximize=True)
    kept = matrix[rows, columns] > 0
    arcs = arc_at[rows[kept], places[columns[kept]]]
    chosen[arcs[arcs >= 0]] = True
    return chosen


def _compact(rows: IntArray, size: int) -> tuple[IntArray, IntArray]:
    """(the distinct values of `rows`, each row's position among them)."""
    present = np.zeros(size, dtype=np.bool_)
    present[rows] = True
    distinct = np.flatnonzero(present)
    if len(distinct) == size:
        return distinct.astype(np.int64), rows
    position = np.cumsum(present) - 1
    return distinct.astype(np.int64), position[rows].astype(np.int64)


def solve_optimal(problem: AssignmentProblem, progress: Progress = _no_progress) -> Assignment:
    placed, unplaced, wants, capacity = _place_pins(problem)
    arcs = _open_arcs(problem, wants, capacity, placed)
    progress("assignment", 0, 1)
    # Every arc open (the usual case without pins): no need to copy them.
    everything = len(arcs) == problem.arcs
    arc_need = problem.need if everything else problem.need[arcs]
    arc_offer = problem.offer if everything else problem.offer[arcs]
    arc_weight = problem.weight if everything else problem.weight[arcs]
    active_needs, need_rows = _compact(arc_need, len(wants))
    active_offers, offer_rows = _compact(arc_offer, len(capacity))
    places = int(capacity[active_offers].sum())
    dense = (
        len(arcs) > 0
        and bool(np.all(wants[active_needs] <= 1))
        and len(arcs) >= DENSE_SHARE * len(active_needs) * len(active_offers)
        and len(active_needs) * places <= DENSE_CELLS
    )
    if dense:
        used = dense_assignment(
            need_rows, offer_rows, arc_weight, len(active_needs), capacity[active_offers]
        )
        method = "linear_sum_assignment (dense)"
    else:
        used = min_cost_flow_assignment(
            need_rows, offer_rows, arc_weight, wants[active_needs], capacity[active_offers]
        )
        method = "min-cost flow"
    progress("assignment", 1, 1)
    chosen = np.concatenate([placed, arcs[used]])
    return Assignment(
        arcs=np.sort(chosen),
        objective=float(problem.weight[chosen].sum()),
        method=method,
        unplaced_pins=unplaced,
    )


def _most_served(need: IntArray, offer: IntArray, needs: int, capacity: IntArray) -> int:
    """Largest number of needs that can each get at least one offer (a max flow)."""
    if len(need) == 0:
        return 0
    offers = len(capacity)
    source, sink = needs + offers, needs + offers + 1
    solver = max_flow.SimpleMaxFlow()
    tails = np.concatenate([np.full(needs, source), need, needs + np.arange(offers)])
    heads = np.concatenate([np.arange(needs), needs + offer, np.full(offers, sink)])
    capacities = np.concatenate(
        [np.ones(needs, dtype=np.int64), np.ones(len(need), dtype=np.int64), capacity]
    )
    solver.add_arcs_with_capacity(tails.astype(np.int32), heads.astype(np.int32), capacities)
    status = solver.solve(source, sink)
    if status != solver.OPTIMAL:
        raise SolverError(f"max flow ended with status {status}")
    return int(solver.optimal_flow())


def solve_fair(problem: AssignmentProblem, progress: Progress = _no_progress) -> Assignment:
    """Serve as many needs as possible, then lift the worst-served, then the total.

    The worst-served need's affinity is the largest threshold t such that the
    arcs of affinity >= t still serve as many needs as all arcs do (a binary
    search over the distinct affinities, each step a max flow); the final
    assignment is a min-cost flow over those arcs in which leaving a need
    unserved costs more than any total of affinities.
    """
    placed, unplaced, wants, capacity = _place_pins(problem)
    arcs = _open_arcs(problem, wants, capacity, placed)
    served_already = np.zeros(len(wants), dtype=np.bool_)
    served_already[problem.need[placed]] = True
    candidates = arcs[~served_already[problem.need[arcs]]]
    active_needs = np.unique(problem.need[arcs])
    active_offers = np.unique(problem.offer[arcs]) if len(arcs) else np.zeros(0, np.int64)
    need_rows = np.searchsorted(active_needs, problem.need[candidates])
    offer_rows = np.searchsorted(active_offers, problem.offer[candidates])
    offer_capacity = capacity[active_offers]
    weights = problem.weight[candidates]
    target = _most_served(need_rows, offer_rows, len(active_needs), offer_capacity)
    levels = np.unique(weights)
    low, high = 0, len(levels) - 1
    steps = max(1, int(np.ceil(np.log2(len(levels) + 1))))
    step = 0
    # Largest level index whose arcs still serve `target` needs.
    while low < high:
        middle = (low + high + 1) // 2
        keep = weights >= levels[middle]
        if (
            _most_served(need_rows[keep], offer_rows[keep], len(active_needs), offer_capacity)
            == target
        ):
            low = middle
        else:
            high = middle - 1
        step += 1
        progress("assignment", step, steps + 1)
    floor = float(levels[low]) if len(levels) else 0.0
    # Arcs of needs already served by a pin may still add their other wants.
    usable = arcs[(problem.weight[arcs] >= floor) | served_already[problem.need[arcs]]]
    need_rows = np.searchsorted(active_needs, problem.need[usable])
    offer_rows = np.searchsorted(active_offers, problem.offer[usable])
    needs_wants = wants[active_needs]
    # Leaving a need unserved costs more than any total of affinities, except
    # for needs a pin already serves.
    penalty = SCALE * int(needs_wants.sum() + 1) + 1
    unserved_cost = np.where(served_already[active_needs], 0, penalty).astype(np.int64)
    used = min_cost_flow_assignment(
        need_rows,
        offer_rows,
        problem.weight[usable],
        needs_wants,
        offer_capacity,
        unserved_cost=unserved_cost,
    )
    progress("assignment", steps + 1, steps + 1)
    chosen = np.concatenate([placed, usable[used]])
    return Assignment(
        arcs=np.sort(chosen),
        objective=float(problem.weight[chosen].sum()),
        method="fair: max served, then max-min (binary search over max flows), then min-cost flow",
        unplaced_pins=unplaced,
    )


def solve_clusters(problem: AssignmentProblem, progress: Progress = _no_progress) -> Assignment:
    """Group sessions and pairs that together maximise the total affinity.

    A session is (offer, topic): needs whose pair with the offer shares that
    topic may join it, between `cluster_min` and `cluster_max` of them, and
    the session takes one place of the offer's capacity.  Needs that join no
    session may still be paired one-to-one.
    """
    placed, unplaced, wants, capacity = _place_pins(problem)
    arcs = _open_arcs(problem, wants, capacity, placed)
    topics = problem.shared_topics if len(problem.shared_topics) == problem.arcs else ()
    members: dict[tuple[int, str], list[int]] = {}
    for arc in arcs:
        for topic in topics[arc] if topics else ():
            members.setdefault((int(problem.offer[arc]), topic), []).append(int(arc))
    sessions = {
        key: arc_list
        for key, arc_list in members.items()
        if len(arc_list) >= max(problem.cluster_min, 2)
    }
    progress("assignment", 0, 1)
    memberships = sum(len(arc_list) for arc_list in sessions.values())
    if memberships + len(arcs) <= CLUSTER_EXACT_ARCS:
        chosen_pairs, chosen_sessions = _clusters_exact(problem, arcs, sessions, wants, capacity)
        exact = True
    else:
        chosen_pairs, chosen_sessions = _clusters_greedy(problem, arcs, sessions, wants, capacity)
        exact = False
    progress("assignment", 1, 1)
    session_arcs = [arc for session in chosen_sessions for arc in session.arcs]
    chosen = np.concatenate(
        [placed, np.asarray(chosen_pairs, dtype=np.int64), np.asarray(session_arcs, np.int64)]
    )
    return Assignment(
        arcs=np.sort(chosen),
        objective=float(problem.weight[chosen].sum()),
        method="clusters: integer programme (HiGHS)" if exact else "clusters: greedy",
        unplaced_pins=unplaced,
        sessions=tuple(chosen_sessions),
        exact=exact,
    )


def _clusters_exact(
    problem: AssignmentProblem,
    arcs: IntArray,
    sessions: dict[tuple[int, str], list[int]],
    wants: IntArray,
    capacity: IntArray,
) -> tuple[list[int], list[Session]]:
    keys = sorted(sessions)
    pair_count = len(arcs)
    membership = [(position, arc) for position, key in enumerate(keys) for arc in sessions[key]]
    # Variables: pairs z (one per arc), memberships x, sessions y.
    columns = pair_count + len(membership) + len(keys)
    objective = np.zeros(columns)
    objective[:pair_count] = -problem.weight[arcs]
    for column, (_, arc) in enumerate(membership, start=pair_count):
        objective[column] = -problem.weight[arc]
    session_column = pair_count + len(membership)
    rows: list[int] = []
    cols: list[int] = []
    values: list[float] = []
    lower: list[float] = []
    upper: list[float] = []

    def add(row_entries: Sequence[tuple[int, float]], low: float, high: float) -> None:
        row = len(lower)
        for column, value in row_entries:
            rows.append(row)
            cols.append(column)
            values.append(value)
        lower.append(low)
        upper.append(high)

    by_need: dict[int, list[int]] = {}
    by_pair: dict[tuple[int, int], list[int]] = {}
    for column, arc in enumerate(arcs):
        need = int(problem.need[arc])
        by_need.setdefault(need, []).append(column)
        by_pair.setdefault((need, int(problem.offer[arc])), []).append(column)
    for column, (_, arc) in enumerate(membership, start=pair_count):
        need = int(problem.need[arc])
        by_need.setdefault(need, []).append(column)
        by_pair.setdefault((need, int(problem.offer[arc])), []).append(column)
    for need, need_columns in by_need.items():
        add([(column, 1.0) for column in need_columns], 0.0, float(wants[need]))
    for pair_columns in by_pair.values():
        if len(pair_columns) > 1:
            add([(column, 1.0) for column in pair_columns], 0.0, 1.0)
    by_session: dict[int, list[int]] = {}
    for column, (position, _) in enumerate(membership, start=pair_count):
        by_session.setdefault(position, []).append(column)
        add([(column, 1.0), (session_column + position, -1.0)], -np.inf, 0.0)
    for position, member_columns in by_session.items():
        entries = [(column, 1.0) for column in member_columns]
        opened = session_column + position
        add([*entries, (opened, -float(problem.cluster_min))], 0.0, np.inf)
        add([*entries, (opened, -float(problem.cluster_max))], -np.inf, 0.0)
    by_offer: dict[int, list[int]] = {}
    for column, arc in enumerate(arcs):
        by_offer.setdefault(int(problem.offer[arc]), []).append(column)
    for position, key in enumerate(keys):
        by_offer.setdefault(key[0], []).append(session_column + position)
    for offer, offer_columns in by_offer.items():
        add([(column, 1.0) for column in offer_columns], 0.0, float(capacity[offer]))
    if columns == 0:
        return [], []
    matrix = coo_matrix((values, (rows, cols)), shape=(len(lower), columns)).tocsr()
    result = milp(
        objective,
        integrality=np.ones(columns),
        bounds=Bounds(np.zeros(columns), np.ones(columns)),
        constraints=LinearConstraint(matrix, np.asarray(lower), np.asarray(upper)),
        options={"time_limit": 60.0},
    )
    if result.x is None:
        raise SolverError(f"cluster programme not solved: {result.message}")
    x = np.rint(result.x).astype(np.int64)
    pairs = [int(arcs[column]) for column in range(pair_count) if x[column]]
    chosen: list[Session] = []
    for position, key in enumerate(keys):
        if x[session_column + position]:
            member_arcs = tuple(
                arc
                for column, (owner, arc) in enumerate(membership, start=pair_count)
                if owner == position and x[column]
            )
            chosen.append(Session(offer=key[0], topic=key[1], arcs=member_arcs))
    return pairs, chosen


def _clusters_greedy(
    problem: AssignmentProblem,
    arcs: IntArray,
    sessions: dict[tuple[int, str], list[int]],
    wants: IntArray,
    capacity: IntArray,
) -> tuple[list[int], list[Session]]:
    """Open the richest sessions first, then pair the rest optimally."""
    wants = wants.copy()
    capacity = capacity.copy()
    ranked = []
    for key, arc_list in sessions.items():
        best = sorted(arc_list, key=lambda arc: (-problem.weight[arc], arc))
        ranked.append((-float(problem.weight[best[: problem.cluster_max]].sum()), key, best))
    ranked.sort()
    chosen: list[Session] = []
    for _, key, best in ranked:
        if capacity[key[0]] <= 0:
            continue
        free = [arc for arc in best if wants[problem.need[arc]] > 0][: problem.cluster_max]
        if len(free) < problem.cluster_min:
            continue
        capacity[key[0]] -= 1
        for arc in free:
            wants[problem.need[arc]] -= 1
        chosen.append(Session(offer=key[0], topic=key[1], arcs=tuple(free)))
    grouped = {(int(problem.need[a]), int(problem.offer[a])) for s in chosen for a in s.arcs}
    rest = np.asarray(
        [
            arc
            for arc in arcs
            if wants[problem.need[arc]] > 0
            and capacity[problem.offer[arc]] > 0
            and (int(problem.need[arc]), int(problem.offer[arc])) not in grouped
        ],
        dtype=np.int64,
    )
    if len(rest) == 0:
        return [], chosen
    active_needs = np.unique(problem.need[rest])
    active_offers = np.unique(problem.offer[rest])
    used = min_cost_flow_assignment(
        np.searchsorted(active_needs, problem.need[rest]),
        np.searchsorted(active_offers, problem.offer[rest]),
        problem.weight[rest],
        wants[active_needs],
        capacity[active_offers],
    )
    return [int(arc) for arc in rest[used]], chosen


def solve(
    problem: AssignmentProblem, solver: SolverName = "optimal", progress: Progress = _no_progress
) -> Assignment:
    if solver == "optimal":
        return solve_optimal(problem, progress)
    if solver == "fair":
        return solve_fair(problem, progress)
    if solver == "clusters":
        return solve_clusters(problem, progress)
    raise ValueError(f"unknown solver {solver!r}; choose one of {', '.join(SOLVERS)}")
