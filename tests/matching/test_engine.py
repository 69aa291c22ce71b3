"""The public entry point, on small pools where every outcome can be checked."""

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerlearn.matching import (
    Constraints,
    MatchingResult,
    Modality,
    Taxonomy,
    load_benchmark,
    propose_matches,
    rank_offers,
)
from peerlearn.matching.synthetic import generate
from tests.matching.conftest import NeedFactory, OfferFactory, organisation


def check_hard_constraints(result: MatchingResult, data: object, constraints: Constraints) -> None:
    needs = {need.id: need for need in data.needs}  # type: ignore[attr-defined]
    offers = {offer.id: offer for offer in data.offers}  # type: ignore[attr-defined]
    # A group session takes one place of its offer, whatever its size.
    places = {(p.offer_id, p.session_id or f"pair:{p.need_id}") for p in result.proposals}
    used = Counter(offer_id for offer_id, _ in places)
    for offer_id, count in used.items():
        capacity = constraints.remaining_capacity.get(offer_id, offers[offer_id].capacity)
        assert count <= capacity
    for proposal in result.proposals:
        need, offer = needs[proposal.need_id], offers[proposal.offer_id]
        assert need.org.id != offer.org.id
        assert set(need.person.languages) & set(offer.person.languages)
        assert (need.id, offer.id) not in constraints.excluded_pairs
        assert 0 <= proposal.score <= 1


@settings(max_examples=8, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    needs=st.integers(5, 40),
    offers=st.integers(5, 40),
    solver=st.sampled_from(["optimal", "fair", "clusters"]),
)
def test_hard_constraints_are_never_broken(seed: int, needs: int, offers: int, solver: str) -> None:
    data = generate(needs, offers, seed=seed)
    some = data.needs[: needs // 3]
    excluded = frozenset((need.id, offer.id) for need in some for offer in data.offers[:10])
    constraints = Constraints(
        excluded_pairs=excluded,
        remaining_capacity={offer.id: 0 for offer in data.offers[10:13]},
    )
    result = propose_matches(
        data.needs,
        data.offers,
        data.taxonomy,
        constraints=constraints,
        solver=solver,  # type: ignore[arg-type]
    )
    check_hard_constraints(result, data, constraints)
    assert set(result.unmatched) | {p.need_id for p in result.proposals} == {
        n.id for n in data.needs
    }


def test_large_pools_use_the_candidate_search_and_keep_the_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import peerlearn.matching.engine as engine

    searched: list[int] = []
    original = engine.candidates

    def spy(*args: object, **kwargs: object) -> object:
        searched.append(int(kwargs["exhaustive_pairs"]))  # type: ignore[call-overload]
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "EXHAUSTIVE_PAIRS", 1_000)
    monkeypatch.setattr(engine, "candidates", spy)
    data = generate(300, 400, seed=9)
    constraints = Constraints()
    result = propose_matches(data.needs, data.offers, data.taxonomy, alternates=1)
    assert searched == [1_000]
    check_hard_constraints(result, data, constraints)
    assert len(result.proposals) > 0.8 * len(data.needs)


def test_the_same_input_gives_the_same_result() -> None:
    data = generate(40, 50, seed=2)
    first = propose_matches(data.needs, data.offers, data.taxonomy)
    second = propose_matches(data.needs, data.offers, data.taxonomy)
    assert first.proposals == second.proposals
    assert first.alternates == second.alternates


def test_pins_exclusions_capacity_and_group_requests(
    taxonomy: Taxonomy, make_need: NeedFactory, make_offer: OfferFactory
) -> None:
    needs = [make_need("n1"), make_need("n2"), make_need("group", wants=2)]
    offers = [make_offer("o1", capacity=3), make_offer("o2", capacity=1), make_offer("o3")]
    constraints = Constraints(
        excluded_pairs=frozenset({("n1", "o1")}),
        pinned_pairs=(("n2", "o3"),),
        remaining_capacity={"o1": 1},
    )
    result = propose_matches(needs, offers, taxonomy, constraints=constraints)
    pairs = {(p.need_id, p.offer_id) for p in result.proposals}
    assert ("n1", "o1") not in pairs
    assert ("n2", "o3") in pairs
    assert next(p for p in result.proposals if p.offer_id == "o3").pinned
    assert sum(1 for p in result.proposals if p.offer_id == "o1") <= 1
    assert len({offer for need, offer in pairs if need == "group"}) <= 2


def test_unworkable_pins_are_reported_not_placed(
    taxonomy: Taxonomy, make_need: NeedFactory, make_offer: OfferFactory
) -> None:
    home = organisation("home")
    constraints = Constraints(pinned_pairs=(("n1", "o1"),))
    result = propose_matches(
        [make_need("n1", org=home)], [make_offer("o1", org=home)], taxonomy, constraints=constraints
    )
    assert result.proposals == ()
    assert [(pin.need_id, pin.offer_id) for pin in result.unplaced_pins] == [("n1", "o1")]


def test_alternates_exclude_the_proposed_offer_and_come_best_first(
    taxonomy: Taxonomy, make_need: NeedFactory, make_offer: OfferFactory
) -> None:
    offers = [make_offer(f"o{i}", capacity=1) for i in range(4)]
    result = propose_matches([make_need("n1")], offers, taxonomy, alternates=2)
    chosen = result.proposals[0].offer_id
    alternates = result.alternates["n1"]
    assert len(alternates) == 2 and chosen not in {a.offer_id for a in alternates}
    assert alternates[0].score >= alternates[1].score


def test_progress_reports_every_stage(
    taxonomy: Taxonomy, make_need: NeedFactory, make_offer: OfferFactory
) -> None:
    seen: list[tuple[str, int, int]] = []
    propose_matches(
        [make_need()], [make_offer()], taxonomy, progress=lambda *event: seen.append(event)
    )
    stages = {stage for stage, _, _ in seen}
    assert {"text", "candidates", "assignment"} <= stages
    assert all(0 <= done <= total for _, done, total in seen)


def test_cross_language_offer_is_found_through_the_taxonomy(
    taxonomy: Taxonomy, make_need: NeedFactory, make_offer: OfferFactory
) -> None:
    need = make_need(
        text="نريد تنظيم جمع النفايات الصلبة وفرزها وإعادة التدوير في البلدة",
        language="ar",
        languages=("ar", "fr"),
        topics=("environment",),
    )
    right = make_offer(
        "waste",
        text="Nous organisons la collecte des déchets solides et le recyclage.",
        language="fr",
        languages=("fr",),
        topics=("environment.solid_waste",),
    )
    wrong = make_offer(
        "water",
        text="Nous gérons l'eau potable et l'assainissement de la commune.",
        language="fr",
        languages=("fr",),
        topics=("environment.water",),
    )
    ranking = rank_offers([need], [wrong, right], taxonomy)
    assert [r.offer_id for r in ranking["n1"]] == ["waste", "water"]


def test_development_set_quality_floor(dev_set: Path) -> None:
    from peerlearn.matching.evaluation import evaluate_engine

    quality = evaluate_engine(load_benchmark(dev_set))
    assert quality.overall.mrr >= 0.9 and quality.overall.ndcg_at_5 >= 0.88
    assert quality.cross_language.mrr >= 0.85
    assert quality.assignment >= 0.9


def test_rank_offers_rejects_bad_records(taxonomy: Taxonomy, make_need: NeedFactory) -> None:
    from peerlearn.matching import InvalidInput

    with pytest.raises(InvalidInput, match="languages"):
        rank_offers([make_need(languages=())], [], taxonomy)


def test_a_group_session_never_mixes_seekers_without_a_common_language(
    taxonomy: Taxonomy, make_need: NeedFactory, make_offer: OfferFactory
) -> None:
    needs = [
        make_need("ar1", languages=("ar",), language="ar"),
        make_need("ar2", languages=("ar",), language="ar"),
        make_need("tr1", languages=("tr",), language="tr", modality=Modality.IN_PERSON),
        make_need("tr2", languages=("tr",), language="tr", modality=Modality.IN_PERSON),
    ]
    offer = make_offer("o1", languages=("ar", "tr", "en"), capacity=2)
    constraints = Constraints(cluster_min_size=2, cluster_max_size=4)
    result = propose_matches(needs, [offer], taxonomy, constraints=constraints, solver="clusters")

    assert len(result.sessions) == 2
    for session in result.sessions:
        members = {need_id[:2] for need_id in session.need_ids}
        assert len(members) == 1, session
        assert session.language == next(iter(members))
    modality = {s.language: s.modality for s in result.sessions}
    assert modality["tr"] == Modality.IN_PERSON.value
