"""The one entry point: plain needs, offers and taxonomy in; proposals with reasons out."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from peerlearn.matching.affinity import PairScores, score_pairs
from peerlearn.matching.candidates import EXHAUSTIVE_PAIRS, candidates
from peerlearn.matching.explanation import Explanation, explain
from peerlearn.matching.model import (
    DEFAULT_CONSTRAINTS,
    DEFAULT_WEIGHTS,
    Constraints,
    InvalidInput,
    Modality,
    Need,
    Offer,
    Topic,
    Weights,
)
from peerlearn.matching.pool import Pool, prepare_pool
from peerlearn.matching.solvers import (
    SOLVERS,
    Assignment,
    AssignmentProblem,
    SolverName,
    solve,
)
from peerlearn.matching.taxonomy import Taxonomy

ProgressCallback = Callable[[str, int, int], None]
DEFAULT_CANDIDATES_PER_NEED = 20


@dataclass(frozen=True, slots=True)
class RankedOffer:
    """One offer for one need, with everything needed to show and check it."""

    offer_id: str
    score: float
    components: Mapping[str, float]
    factors: Mapping[str, float]
    explanation: Explanation


@dataclass(frozen=True, slots=True)
class Proposal:
    need_id: str
    offer_id: str
    score: float
    components: Mapping[str, float]
    factors: Mapping[str, float]
    explanation: Explanation
    pinned: bool = False
    session_id: str | None = None


@dataclass(frozen=True, slots=True)
class GroupSession:
    id: str
    offer_id: str
    topic: str
    need_ids: tuple[str, ...]
    # What every member and the offerer have in common besides the topic.
    language: str = ""
    modality: str = ""


@dataclass(frozen=True, slots=True)
class UnplacedPin:
    need_id: str
    offer_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class MatchingResult:
    proposals: tuple[Proposal, ...]
    unmatched: tuple[str, ...]
    alternates: Mapping[str, tuple[RankedOffer, ...]]
    objective: float
    solver: SolverName
    method: str
    exact: bool = True
    sessions: tuple[GroupSession, ...] = ()
    unplaced_pins: tuple[UnplacedPin, ...] = ()
    timings: Mapping[str, float] = field(default_factory=dict)


def _taxonomy(taxonomy: Taxonomy | Sequence[Topic]) -> Taxonomy:
    return taxonomy if isinstance(taxonomy, Taxonomy) else Taxonomy(list(taxonomy))


def _progress(callback: ProgressCallback | None) -> ProgressCallback:
    if callback is None:
        return lambda stage, done, total: None
    return callback


def _values(scores: PairScores, row: int) -> tuple[dict[str, float], dict[str, float]]:
    components = {name: round(float(values[row]), 4) for name, values in scores.components.items()}
    factors = {name: round(float(values[row]), 4) for name, values in scores.factors.items()}
    return components, factors


def _ranked(pool: Pool, scores: PairScores, row: int, constraints: Constraints) -> RankedOffer:
    components, factors = _values(scores, row)
    return RankedOffer(
        offer_id=pool.offers[int(scores.offer[row])].id,
        score=round(float(scores.score[row]), 4),
        components=components,
        factors=factors,
        explanation=explain(
            pool, int(scores.need[row]), int(scores.offer[row]), factors, constraints=constraints
        ),
    )


def _pinned_rows(
    pool: Pool, constraints: Constraints
) -> tuple[list[tuple[int, int]], list[UnplacedPin]]:
    need_index = {need.id: row for row, need in enumerate(pool.needs)}
    offer_index = {offer.id: row for row, offer in enumerate(pool.offers)}
    rows: list[tuple[int, int]] = []
    rejected: list[UnplacedPin] = []
    for need_id, offer_id in constraints.pinned_pairs:
        if need_id not in need_index:
            raise InvalidInput(f"pinned pair {need_id}/{offer_id}", "need", "unknown need id")
        if offer_id not in offer_index:
            raise InvalidInput(f"pinned pair {need_id}/{offer_id}", "offer", "unknown offer id")
        rows.append((need_index[need_id], offer_index[offer_id]))
    if rows:
        need = np.asarray([r[0] for r in rows], dtype=np.int64)
        offer = np.asarray([r[1] for r in rows], dtype=np.int64)
        workable = score_pairs(pool, need, offer, constraints=constraints).workable
        for (need_row, offer_row), ok in zip(rows, workable, strict=True):
            if not ok:
                rejected.append(
                    UnplacedPin(
                        pool.needs[need_row].id,
                        pool.offers[offer_row].id,
                        "breaks a hard constraint (language, own organisation, "
                        "exclusion or no capacity)",
                    )
                )
    return rows, rejected


def rank_offers(
    needs: Sequence[Need],
    offers: Sequence[Offer],
    taxonomy: Taxonomy | Sequence[Topic],
    *,
    top: int = 10,
    weights: Weights = DEFAULT_WEIGHTS,
    constraints: Constraints = DEFAULT_CONSTRAINTS,
    progress: ProgressCallback | None = None,
) -> dict[str, tuple[RankedOffer, ...]]:
    """For every need, its best `top` workable offers, best first, with reasons."""
    weights.check()
    report = _progress(progress)
    pool = prepare_pool(needs, offers, _taxonomy(taxonomy), constraints, progress=report)
    scored = candidates(pool, weights, constraints, per_need=top, progress=report)
    ranking: dict[str, list[RankedOffer]] = {need.id: [] for need in pool.needs}
    for row in range(len(scored)):
        ranking[pool.needs[int(scored.need[row])].id].append(
            _ranked(pool, scored, row, constraints)
        )
    return {need_id: tuple(offers_of) for need_id, offers_of in ranking.items()}


def propose_matches(
    needs: Sequence[Need],
    offers: Sequence[Offer],
    taxonomy: Taxonomy | Sequence[Topic],
    *,
    weights: Weights = DEFAULT_WEIGHTS,
    constraints: Constraints = DEFAULT_CONSTRAINTS,
    solver: SolverName = "optimal",
    alternates: int = 3,
    candidates_per_need: int = DEFAULT_CANDIDATES_PER_NEED,
    progress: ProgressCallback | None = None,
) -> MatchingResult:
    """Propose matches of offers to needs, with scores, reasons and alternates.

    Hard constraints are never broken: a shared working language (unless the
    need arranges interpretation), an organisation never serves itself,
    excluded pairs are never proposed, and no offer takes more needs than its
    (remaining) capacity.  Pinned pairs are placed first when they are
    workable and capacity allows; the others come back in `unplaced_pins`.
    `progress(stage, done, total)` is called as the stages advance.
    """
    if solver not in SOLVERS:
        raise InvalidInput("options", "solver", f"choose one of {', '.join(SOLVERS)}")
    weights.check()
    report = _progress(progress)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    pool = prepare_pool(needs, offers, _taxonomy(taxonomy), constraints, progress=report)
    timings["text"] = time.perf_counter() - started
    pinned, rejected = _pinned_rows(pool, constraints)
    mark = time.perf_counter()
    # A pool small enough to score whole is solved over every workable pair,
    # so the assignment is optimal over the full graph, not a candidate graph.
    per_need: int | None = max(
        candidates_per_need, alternates + int(pool.need_wants.max(initial=1))
    )
    if pool.need_count * pool.offer_count <= EXHAUSTIVE_PAIRS:
        per_need = None
    scored = candidates(
        pool,
        weights,
        constraints,
        per_need=per_need,
        pinned=pinned,
        progress=report,
        exhaustive_pairs=EXHAUSTIVE_PAIRS,
    )
    timings["candidates"] = time.perf_counter() - mark
    mark = time.perf_counter()
    pinned_keys = {need * pool.offer_count + offer for need, offer in pinned}
    keys = scored.need * pool.offer_count + scored.offer
    problem = AssignmentProblem(
        need=scored.need,
        offer=scored.offer,
        weight=scored.score.astype(np.float64),
        wants=pool.need_wants,
        capacity=pool.offer_capacity,
        min_weight=constraints.min_affinity,
        pinned=np.isin(keys, np.fromiter(pinned_keys, dtype=np.int64)),
        shared_topics=_session_keys(pool, scored) if solver == "clusters" else (),
        cluster_min=constraints.cluster_min_size,
        cluster_max=constraints.cluster_max_size,
    )
    assignment = solve(problem, solver, report)
    timings["assignment"] = time.perf_counter() - mark
    mark = time.perf_counter()
    result = _result(pool, scored, problem, assignment, solver, alternates, constraints, rejected)
    timings["explanations"] = time.perf_counter() - mark
    return MatchingResult(
        proposals=result.proposals,
        unmatched=result.unmatched,
        alternates=result.alternates,
        objective=result.objective,
        solver=solver,
        method=assignment.method,
        exact=assignment.exact,
        sessions=result.sessions,
        unplaced_pins=result.unplaced_pins,
        timings=timings,
    )


def _shared_topics(pool: Pool, scored: PairScores) -> list[tuple[str, ...]]:
    """Topic codes each candidate pair shares, the more specific one when related."""
    shared: list[tuple[str, ...]] = []
    taxonomy = pool.taxonomy
    for need_row, offer_row in zip(scored.need.tolist(), scored.offer.tolist(), strict=True):
        need_topics = pool.needs[need_row].topics
        offer_topics = pool.offers[offer_row].topics
        codes = [code for code in need_topics if code in offer_topics]
        for need_topic in need_topics:
            for offer_topic in offer_topics:
                if need_topic in taxonomy.ancestors(offer_topic):
                    codes.append(offer_topic)
                elif offer_topic in taxonomy.ancestors(need_topic):
                    codes.append(need_topic)
        shared.append(tuple(dict.fromkeys(codes)))
    return shared


# A session key is "topic|language|modality": the solver groups needs by it.
SESSION_KEY_SEPARATOR = "|"


def _session_keys(pool: Pool, scored: PairScores) -> list[tuple[str, ...]]:
    """The group sessions each candidate pair could be part of: a topic both
    share, a working language the seeker and the offerer both speak, and one
    way of meeting both accept. Seekers gathered under one key then share all
    three, so that nobody joins a session held in a language they lack."""
    keys: list[tuple[str, ...]] = []
    pairs = zip(scored.need.tolist(), scored.offer.tolist(), strict=True)
    for (need_row, offer_row), topics in zip(pairs, _shared_topics(pool, scored), strict=True):
        need, offer = pool.needs[need_row], pool.offers[offer_row]
        languages = sorted(set(need.person.languages) & set(offer.person.languages))
        ways = [
            way.value
            for way in (Modality.ONLINE, Modality.IN_PERSON)
            if way in offer.modalities and need.modality in {way, Modality.EITHER}
        ]
        keys.append(
            tuple(
                SESSION_KEY_SEPARATOR.join((topic, language, way))
                for topic in topics
                for language in languages
                for way in ways
            )
        )
    return keys


def _result(
    pool: Pool,
    scored: PairScores,
    problem: AssignmentProblem,
    assignment: Assignment,
    solver: SolverName,
    alternates: int,
    constraints: Constraints,
    rejected: list[UnplacedPin],
) -> MatchingResult:
    session_of: dict[int, tuple[str, str, int]] = {}
    sessions: list[GroupSession] = []
    for number, session in enumerate(assignment.sessions, start=1):
        session_id = f"s{number}"
        topic, _, rest = session.topic.partition(SESSION_KEY_SEPARATOR)
        language, _, way = rest.partition(SESSION_KEY_SEPARATOR)
        for arc in session.arcs:
            session_of[arc] = (session_id, topic, len(session.arcs) - 1)
        sessions.append(
            GroupSession(
                id=session_id,
                offer_id=pool.offers[session.offer].id,
                topic=topic,
                need_ids=tuple(pool.needs[int(problem.need[arc])].id for arc in session.arcs),
                language=language,
                modality=way,
            )
        )
    pinned = problem.is_pinned()
    proposals: list[Proposal] = []
    assigned: dict[int, set[int]] = {}
    for arc in assignment.arcs.tolist():
        components, factors = _values(scored, arc)
        in_session = session_of.get(arc)
        need_row, offer_row = int(scored.need[arc]), int(scored.offer[arc])
        assigned.setdefault(need_row, set()).add(offer_row)
        proposals.append(
            Proposal(
                need_id=pool.needs[need_row].id,
                offer_id=pool.offers[offer_row].id,
                score=round(float(scored.score[arc]), 4),
                components=components,
                factors=factors,
                explanation=explain(
                    pool,
                    need_row,
                    offer_row,
                    factors,
                    constraints=constraints,
                    pinned=bool(pinned[arc]),
                    session=(in_session[1], in_session[2]) if in_session else None,
                ),
                pinned=bool(pinned[arc]),
                session_id=in_session[0] if in_session else None,
            )
        )
    proposals.sort(key=lambda proposal: (proposal.need_id, -proposal.score, proposal.offer_id))
    others: dict[str, list[RankedOffer]] = {need.id: [] for need in pool.needs}
    for row in range(len(scored)):
        need_row = int(scored.need[row])
        need_id = pool.needs[need_row].id
        if len(others[need_id]) >= alternates:
            continue
        if int(scored.offer[row]) in assigned.get(need_row, set()):
            continue
        others[need_id].append(_ranked(pool, scored, row, constraints))
    unplaced = list(rejected) + [
        UnplacedPin(
            pool.needs[int(problem.need[arc])].id,
            pool.offers[int(problem.offer[arc])].id,
            "no capacity left, or the need already has all the offers it wants",
        )
        for arc in assignment.unplaced_pins.tolist()
    ]
    return MatchingResult(
        proposals=tuple(proposals),
        unmatched=tuple(need.id for row, need in enumerate(pool.needs) if row not in assigned),
        alternates={need_id: tuple(found) for need_id, found in others.items()},
        objective=round(assignment.objective, 6),
        solver=solver,
        method=assignment.method,
        exact=assignment.exact,
        sessions=tuple(sessions),
        unplaced_pins=tuple(unplaced),
    )
