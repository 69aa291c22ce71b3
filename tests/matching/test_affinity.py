import numpy as np
import pytest

from peerlearn.matching import Constraints, Modality, Scope, Taxonomy, Weights
from peerlearn.matching.affinity import (
    block_rules,
    block_workability,
    scope_admitted,
    score_pairs,
    workability,
)
from peerlearn.matching.model import HelpKind, OrgKind
from peerlearn.matching.pool import prepare_pool
from peerlearn.matching.synthetic import generate
from tests.matching.conftest import NeedFactory, OfferFactory, organisation

HOME = organisation("home", country="TR", region="Marmara")
NEIGHBOUR = organisation("neighbour", country="TR", region="Marmara")
COMPATRIOT = organisation("compatriot", country="TR", region="Aegean")
ABROAD = organisation("abroad", country="NO", region="Vestland")


@pytest.mark.parametrize(
    ("scope", "where", "offer_scopes", "admitted"),
    [
        (Scope.REGIONAL, NEIGHBOUR, {Scope.REGIONAL}, True),
        (Scope.REGIONAL, NEIGHBOUR, {Scope.NATIONAL}, True),
        (Scope.REGIONAL, COMPATRIOT, {Scope.NATIONAL}, False),
        (Scope.NATIONAL, COMPATRIOT, {Scope.NATIONAL}, True),
        (Scope.NATIONAL, COMPATRIOT, {Scope.REGIONAL, Scope.INTERNATIONAL}, False),
        (Scope.NATIONAL, ABROAD, set(Scope), False),
        (Scope.INTERNATIONAL, ABROAD, {Scope.INTERNATIONAL}, True),
        (Scope.INTERNATIONAL, ABROAD, {Scope.NATIONAL}, False),
        (Scope.INTERNATIONAL, NEIGHBOUR, {Scope.REGIONAL}, True),
    ],
)
def test_scope_follows_the_benchmark_rules(
    taxonomy: Taxonomy,
    make_need: NeedFactory,
    make_offer: OfferFactory,
    scope: Scope,
    where: object,
    offer_scopes: set[Scope],
    admitted: bool,
) -> None:
    need = make_need(org=HOME, scope=scope)
    offer = make_offer(org=where, scopes=frozenset(offer_scopes))
    pool = prepare_pool([need], [offer], taxonomy)
    zero = np.zeros(1, dtype=np.int64)
    assert bool(scope_admitted(pool, zero, zero)[0]) is admitted


def test_hard_constraints(
    taxonomy: Taxonomy, make_need: NeedFactory, make_offer: OfferFactory
) -> None:
    need = make_need("n1", org=HOME, languages=("tr",))
    offers = [
        make_offer("same-org", org=HOME, languages=("tr",)),
        make_offer("no-language", languages=("en",)),
        make_offer("full", languages=("tr",), capacity=0),
        make_offer("excluded", languages=("tr",)),
        make_offer("fine", languages=("tr", "en")),
    ]
    constraints = Constraints(excluded_pairs=frozenset({("n1", "excluded")}))
    pool = prepare_pool([need], offers, taxonomy, constraints)
    rows = np.zeros(len(offers), dtype=np.int64)
    ok = workable_of(pool, rows, np.arange(len(offers)), constraints)
    assert ok.tolist() == [False, False, False, False, True]


def workable_of(
    pool: object, need: np.ndarray, offer: np.ndarray, constraints: Constraints
) -> np.ndarray:
    return score_pairs(pool, need, offer, constraints=constraints).workable  # type: ignore[arg-type]


def test_interpretation_turns_language_into_a_penalty(
    taxonomy: Taxonomy, make_need: NeedFactory, make_offer: OfferFactory
) -> None:
    need = make_need(languages=("ar",), interpretation=True)
    pool = prepare_pool([need], [make_offer(languages=("en",))], taxonomy)
    scores = score_pairs(pool, np.zeros(1, np.int64), np.zeros(1, np.int64))
    assert scores.workable[0]
    assert scores.factors["language"][0] == pytest.approx(Weights().no_shared_language_factor)


def test_soft_rules_demote_but_keep(
    taxonomy: Taxonomy, make_need: NeedFactory, make_offer: OfferFactory
) -> None:
    need = make_need(
        org=organisation("small", population=10_000),
        modality=Modality.IN_PERSON,
        kind=HelpKind.STUDY_VISIT,
        requires_equivalence=True,
    )
    good = make_offer("good", org=organisation("peer", population=20_000))
    online_only = make_offer(
        "online",
        org=organisation("peer2", population=20_000),
        modalities=frozenset({Modality.ONLINE}),
    )
    huge = make_offer(
        "huge", org=organisation("metro", kind=OrgKind.METROPOLITAN, population=3_000_000)
    )
    pool = prepare_pool([need], [good, online_only, huge], taxonomy)
    scores = score_pairs(pool, np.zeros(3, np.int64), np.arange(3))
    assert scores.workable.all()
    assert scores.score[0] > scores.score[1] and scores.score[0] > scores.score[2]
    assert scores.factors["modality"][1] < 1 and scores.factors["equivalence"][2] < 1
    assert ((scores.score >= 0) & (scores.score <= 1)).all()


def test_same_language_text_and_topic_rank_the_right_offer_first(
    taxonomy: Taxonomy, make_need: NeedFactory, make_offer: OfferFactory
) -> None:
    need = make_need(text="Property tax registers are out of date; we want to raise own revenue.")
    right = make_offer(
        "tax",
        text="We updated our property tax register and doubled own revenue.",
        topics=("finance.revenue",),
    )
    wrong = make_offer("waste", topics=("environment.solid_waste",))
    need = make_need(
        text="Property tax registers are out of date; we want to raise own revenue.",
        topics=("finance.revenue",),
    )
    pool = prepare_pool([need], [wrong, right], taxonomy)
    scores = score_pairs(pool, np.zeros(2, np.int64), np.arange(2))
    assert scores.score[1] > scores.score[0]
    assert scores.components["topic"][1] == pytest.approx(1.0)


def test_block_rules_agree_with_pairwise_rules() -> None:
    data = generate(120, 150, seed=3)
    pool = prepare_pool(data.needs, data.offers, data.taxonomy)
    weights, constraints = Weights(), Constraints()
    needs = np.arange(pool.need_count, dtype=np.int64)
    offers = np.arange(pool.offer_count, dtype=np.int64)
    ok, factor = workability(pool, needs[:, None], offers[None, :], weights, constraints)
    expected = np.where(ok, factor, -1.0)
    found = block_workability(
        pool,
        block_rules(pool, weights),
        needs,
        offers,
        weights,
        constraints,
        np.ones((len(needs), len(offers)), dtype=np.float32),
        same_country=True,
    )
    found = np.where(found < 0, -1.0, found)
    same_org = pool.need.org[:, None] == pool.offer.org[None, :]
    # The block version leaves the (rare) own-organisation rule to the exact affinity.
    assert np.allclose(found[~same_org], expected[~same_org])


@pytest.mark.parametrize(
    ("kind", "modality", "hosts", "travels", "happens"),
    [
        (HelpKind.STUDY_VISIT, Modality.EITHER, True, False, True),
        (HelpKind.STUDY_VISIT, Modality.EITHER, False, True, False),
        (HelpKind.STUDY_VISIT, Modality.IN_PERSON, False, True, False),
        (HelpKind.STAFF_EXCHANGE, Modality.EITHER, None, None, True),  # not said: able
        (HelpKind.EXPERT_MISSION, Modality.EITHER, True, False, False),
        (HelpKind.EXPERT_MISSION, Modality.IN_PERSON, False, True, True),
        (HelpKind.MENTORING, Modality.EITHER, False, False, True),
        (HelpKind.STUDY_VISIT, Modality.ONLINE, False, False, True),  # asked online: not held to it
    ],
)
def test_the_kind_of_help_needs_the_right_side_to_travel(
    taxonomy: Taxonomy,
    make_need: NeedFactory,
    make_offer: OfferFactory,
    kind: HelpKind,
    modality: Modality,
    hosts: bool | None,
    travels: bool | None,
    happens: bool,
) -> None:
    from dataclasses import replace

    from peerlearn.matching.explanation import explain

    need = make_need(kind=kind, modality=modality)
    offer = replace(make_offer(), hosts_visits=hosts, travels=travels)
    pool = prepare_pool([need], [offer], taxonomy)
    scores = score_pairs(pool, np.zeros(1, np.int64), np.zeros(1, np.int64))
    assert bool(scores.factors["help_kind"][0] == 1.0) == happens
    rules = block_rules(pool, Weights())
    found = block_workability(
        pool,
        rules,
        np.zeros(1, np.int64),
        np.zeros(1, np.int64),
        Weights(),
        Constraints(),
        np.ones((1, 1), dtype=np.float32),
        same_country=True,
    )
    _ok, factor = workability(pool, np.zeros(1, np.int64), np.zeros(1, np.int64))
    assert found[0, 0] == pytest.approx(float(factor[0]))
    if not happens:
        factors = {name: float(values[0]) for name, values in scores.factors.items()}
        text = explain(pool, 0, 0, factors).text
        assert ("host" in text) if kind.travel == 1 else ("travel" in text)
