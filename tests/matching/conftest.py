"""Small, hand-made records for the matching engine's tests (no Django here)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from peerlearn.matching import (
    HelpKind,
    Modality,
    Need,
    Offer,
    Organisation,
    OrgKind,
    Person,
    Role,
    Scope,
    Taxonomy,
    Topic,
)

DEV_SET = Path(__file__).resolve().parents[3] / "shared" / "bench" / "matching" / "dev.json"

LABELS = {
    "environment": {"en": "Environment", "ar": "البيئة", "fr": "Environnement"},
    "environment.solid_waste": {
        "en": "Solid waste management and recycling",
        "ar": "إدارة النفايات الصلبة وإعادة التدوير",
        "fr": "Gestion des déchets solides et recyclage",
    },
    "environment.water": {
        "en": "Water supply and wastewater",
        "ar": "المياه والصرف الصحي",
        "fr": "Eau potable et assainissement",
    },
    "finance": {"en": "Financial management", "ar": "الإدارة المالية", "fr": "Gestion financière"},
    "finance.revenue": {
        "en": "Own-source revenue and property tax",
        "ar": "الإيرادات الذاتية وضريبة الأملاك",
        "fr": "Recettes propres et impôt foncier",
    },
}


@pytest.fixture
def taxonomy() -> Taxonomy:
    return Taxonomy(
        [
            Topic(code=code, parent=code.split(".")[0] if "." in code else None, labels=labels)
            for code, labels in LABELS.items()
        ]
    )


def organisation(
    key: str,
    *,
    kind: OrgKind = OrgKind.MUNICIPALITY,
    country: str = "PS",
    region: str = "North",
    population: int = 20_000,
) -> Organisation:
    return Organisation(
        id=key, name=key, kind=kind, country=country, region=region, population=population
    )


NeedFactory = Callable[..., Need]
OfferFactory = Callable[..., Offer]


@pytest.fixture
def make_need() -> NeedFactory:
    def make(
        need_id: str = "n1",
        *,
        text: str = "We want to organise the separate collection and recycling of solid waste.",
        language: str = "en",
        languages: tuple[str, ...] = ("en",),
        topics: tuple[str, ...] = ("environment.solid_waste",),
        org: Organisation | None = None,
        scope: Scope = Scope.INTERNATIONAL,
        modality: Modality = Modality.EITHER,
        kind: HelpKind = HelpKind.MENTORING,
        requires_equivalence: bool = False,
        wants: int = 1,
        interpretation: bool = False,
    ) -> Need:
        return Need(
            id=need_id,
            person=Person(name="", role=Role.EMPLOYEE, position="", languages=languages),
            org=org or organisation(f"org-{need_id}"),
            topics=topics,
            text=text,
            text_language=language,
            scope=scope,
            modality=modality,
            kind=kind,
            requires_equivalence=requires_equivalence,
            wants=wants,
            interpretation=interpretation,
        )

    return make


@pytest.fixture
def make_offer() -> OfferFactory:
    def make(
        offer_id: str = "o1",
        *,
        text: str = "We run door-to-door separate collection of solid waste and recycling.",
        language: str = "en",
        languages: tuple[str, ...] = ("en",),
        topics: tuple[str, ...] = ("environment.solid_waste",),
        org: Organisation | None = None,
        capacity: int = 1,
        modalities: frozenset[Modality] = frozenset({Modality.ONLINE, Modality.IN_PERSON}),
        scopes: frozenset[Scope] = frozenset(Scope),
        years: int = 10,
    ) -> Offer:
        return Offer(
            id=offer_id,
            person=Person(
                name="",
                role=Role.EXPERT,
                position="",
                languages=languages,
                years_experience=years,
            ),
            org=org or organisation(f"org-{offer_id}"),
            topics=topics,
            text=text,
            text_language=language,
            capacity=capacity,
            modalities=modalities,
            scopes=scopes,
        )

    return make


@pytest.fixture
def dev_set() -> Path:
    if not DEV_SET.exists():
        pytest.skip("shared/bench/matching/dev.json is not beside the repository")
    return DEV_SET
