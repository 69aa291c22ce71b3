import json

import numpy as np

from peerlearn.matching import Taxonomy
from peerlearn.matching.affinity import score_pairs
from peerlearn.matching.explanation import explain
from peerlearn.matching.messages import render
from peerlearn.matching.model import OrgKind
from peerlearn.matching.pool import prepare_pool
from tests.matching.conftest import NeedFactory, OfferFactory, organisation


def explanation_of(taxonomy: Taxonomy, need: object, offer: object) -> str:
    pool = prepare_pool([need], [offer], taxonomy)  # type: ignore[list-item]
    scores = score_pairs(pool, np.zeros(1, np.int64), np.zeros(1, np.int64))
    factors = {name: float(values[0]) for name, values in scores.factors.items()}
    return explain(pool, 0, 0, factors).text


def test_a_coordinator_can_check_every_clause(
    taxonomy: Taxonomy, make_need: NeedFactory, make_offer: OfferFactory
) -> None:
    need = make_need(
        languages=("ar", "en"),
        language="ar",
        text="نريد فرز النفايات الصلبة من المصدر",
        org=organisation("a", population=12_000, region="South"),
    )
    offer = make_offer(
        languages=("ar",),
        language="ar",
        text="بدأنا فرز النفايات الصلبة من المصدر في الأحياء",
        org=organisation("b", population=15_000, region="South"),
        years=7,
    )
    text = explanation_of(taxonomy, need, offer)
    assert text.startswith("Both work on Solid waste management and recycling")
    assert "same kind of local government (municipality), populations 12,000 and 15,000" in text
    assert "shared language: Arabic" in text
    assert "same region (South)" in text
    assert "7 years of experience" in text
    assert "النفايات" in text  # shared terms as the seeker wrote them


def test_broken_soft_rules_are_said(
    taxonomy: Taxonomy, make_need: NeedFactory, make_offer: OfferFactory
) -> None:
    from peerlearn.matching import Modality, Scope

    need = make_need(
        scope=Scope.NATIONAL,
        modality=Modality.IN_PERSON,
        requires_equivalence=True,
        org=organisation("v", kind=OrgKind.VILLAGE_COUNCIL, population=3_000, country="PS"),
    )
    offer = make_offer(
        modalities=frozenset({Modality.ONLINE}),
        org=organisation("m", kind=OrgKind.METROPOLITAN, population=4_000_000, country="JO"),
    )
    text = explanation_of(taxonomy, need, offer)
    assert "outside the requested scope (own country)" in text
    assert "cannot work in person as asked" in text
    assert "not comparable although asked for" in text


def test_parts_are_data_that_render_again_in_another_language(
    taxonomy: Taxonomy, make_need: NeedFactory, make_offer: OfferFactory
) -> None:
    pool = prepare_pool([make_need()], [make_offer()], taxonomy)
    explanation = explain(pool, 0, 0, {})
    json.dumps(explanation.as_json())
    french = render(
        explanation.parts,
        lambda text: {"both work on {topic}": "les deux travaillent sur {topic}"}.get(text, text),
        topic_label=lambda code: taxonomy.topic(code).label("fr"),
    )
    assert french.startswith("Les deux travaillent sur Gestion des déchets solides et recyclage")
