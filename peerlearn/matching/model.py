"""Plain data the matching engine works on.

The Django side builds these objects from its models; the benchmark loader builds
them from a `peerlearn-matching-benchmark/1` file.  Nothing here knows about
storage, so every field is a value, never a lazy relation.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class InvalidInput(ValueError):
    """A record that the engine cannot work with, named by record and field."""

    def __init__(self, record: str, field_name: str, problem: str) -> None:
        self.record = record
        self.field_name = field_name
        self.problem = problem
        super().__init__(f"{record}: field '{field_name}': {problem}")


class OrgKind(StrEnum):
    VILLAGE_COUNCIL = "village_council"
    MUNICIPALITY = "municipality"
    DISTRICT = "district"
    CITY = "city"
    METROPOLITAN = "metropolitan"
    REGION = "region"

    @property
    def rung(self) -> int:
        """Position on the ladder of comparable kinds of local government.

        Municipality and district share a rung, as do metropolitan areas and
        regions: they carry comparable mandates (DESIGN.md, the MIC lesson).
        """
        return _RUNGS[self]


_RUNGS = {
    OrgKind.VILLAGE_COUNCIL: 0,
    OrgKind.MUNICIPALITY: 1,
    OrgKind.DISTRICT: 1,
    OrgKind.CITY: 2,
    OrgKind.METROPOLITAN: 3,
    OrgKind.REGION: 3,
}


class Role(StrEnum):
    EMPLOYEE = "employee"
    ELECTED = "elected"
    EXPERT = "expert"


class Scope(StrEnum):
    REGIONAL = "regional"
    NATIONAL = "national"
    INTERNATIONAL = "international"


class Modality(StrEnum):
    ONLINE = "online"
    IN_PERSON = "in_person"
    EITHER = "either"


class HelpKind(StrEnum):
    MENTORING = "mentoring"
    STUDY_VISIT = "study_visit"
    EXPERT_MISSION = "expert_mission"
    WORKSHOP = "workshop"
    STAFF_EXCHANGE = "staff_exchange"

    @property
    def needs_travel(self) -> bool:
        """Whether this kind of help only happens with people in the same place."""
        return self in _TRAVELLING_KINDS

    @property
    def travel(self) -> int:
        """Who moves: 0 nobody needs to, 1 the seekers go to the offering side
        (a study visit, a staff exchange), 2 the offering side goes (a mission)."""
        if self in {HelpKind.STUDY_VISIT, HelpKind.STAFF_EXCHANGE}:
            return 1
        return 2 if self is HelpKind.EXPERT_MISSION else 0


_TRAVELLING_KINDS = frozenset(
    {HelpKind.STUDY_VISIT, HelpKind.EXPERT_MISSION, HelpKind.STAFF_EXCHANGE}
)


@dataclass(frozen=True, slots=True)
class Organisation:
    """A local government (or association) behind a need or an offer.

    `id` decides identity: an organisation never serves itself, so two records
    with the same `id` are the same organisation whatever their names say.
    """

    id: str
    name: str
    kind: OrgKind
    country: str
    region: str
    population: int

    def same_region(self, other: Organisation) -> bool:
        return self.country == other.country and self.region == other.region


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    role: Role
    position: str
    languages: tuple[str, ...]
    years_experience: int = 0


@dataclass(frozen=True, slots=True)
class Need:
    """A local government asking for help.

    `wants` is the number of offers a group request takes (1 for an ordinary
    need).  `interpretation` says that the seeker arranges interpretation, which
    turns the shared-language constraint into a preference.
    """

    id: str
    person: Person
    org: Organisation
    topics: tuple[str, ...]
    text: str
    text_language: str
    scope: Scope
    modality: Modality
    kind: HelpKind
    requires_equivalence: bool = False
    wants: int = 1
    interpretation: bool = False


@dataclass(frozen=True, slots=True)
class Offer:
    """A person offering expertise, with the capacity they declared.

    `practices_on_record` counts documented practices of the offering side (the
    knowledge base), a sign that they have actually done the thing.
    """

    id: str
    person: Person
    org: Organisation
    topics: tuple[str, ...]
    text: str
    text_language: str
    capacity: int
    modalities: frozenset[Modality]
    scopes: frozenset[Scope]
    practices_on_record: int = 0
    # Whether the offering side can host a visit, and can travel; None when
    # not said, which counts as able whenever they meet in person.
    hosts_visits: bool | None = None
    travels: bool | None = None


@dataclass(frozen=True, slots=True)
class Topic:
    code: str
    parent: str | None
    labels: Mapping[str, str]

    def label(self, language: str = "en") -> str:
        if language in self.labels:
            return self.labels[language]
        if "en" in self.labels:
            return self.labels["en"]
        return next(iter(self.labels.values()), self.code)


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each affinity component counts, and how hard soft rules bite.

    Component weights are relative: the affinity divides by their sum, so it
    stays in [0, 1].  The `*_factor` values multiply the affinity of a pair that
    breaks a soft rule; they are the product rules of DESIGN.md ("the geography
    fits the requested scope", "functionally equivalent where the need asks for
    it") and deliberately push such pairs below any pair that keeps the rules.
    """

    topic: float = 0.35
    text: float = 0.20
    concepts: float = 0.35
    equivalence: float = 0.02
    experience: float = 0.03
    scope: float = 0.025
    modality: float = 0.025
    # Equivalence counts this many times more when the need asks for it.
    equivalence_requested: float = 5.0
    scope_factor: float = 0.5
    modality_factor: float = 0.5
    help_kind_factor: float = 0.8
    equivalence_factor: float = 0.7
    no_shared_language_factor: float = 0.5

    def components(self) -> dict[str, float]:
        return {
            "topic": self.topic,
            "text": self.text,
            "concepts": self.concepts,
            "equivalence": self.equivalence,
            "experience": self.experience,
            "scope": self.scope,
            "modality": self.modality,
        }

    def check(self) -> None:
        for name, value in self.components().items():
            if not math.isfinite(value) or value < 0:
                raise InvalidInput("weights", name, "must be a finite number >= 0")
        if sum(self.components().values()) <= 0:
            raise InvalidInput("weights", "topic", "at least one weight must be positive")
        for name in (
            "scope_factor",
            "modality_factor",
            "help_kind_factor",
            "equivalence_factor",
            "no_shared_language_factor",
        ):
            value = getattr(self, name)
            if not 0 <= value <= 1:
                raise InvalidInput("weights", name, "must be between 0 and 1")
        if self.equivalence_requested < 0:
            raise InvalidInput("weights", "equivalence_requested", "must be >= 0")


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True, slots=True)
class Constraints:
    """What the coordinator decided beyond the records themselves.

    * `excluded_pairs` (need id, offer id): declined or failed before, never proposed.
    * `pinned_pairs`: forced into the assignment when they are workable and
      capacity allows, whatever their affinity.
    * `remaining_capacity`: offer id -> places still free (overrides the declared
      capacity, e.g. after earlier rounds).
    * `min_affinity`: nothing below it is proposed.
    * `equivalence_population_ratio` / `equivalence_kind_steps`: what
      "comparable local governments" means.
    """

    excluded_pairs: frozenset[tuple[str, str]] = frozenset()
    pinned_pairs: tuple[tuple[str, str], ...] = ()
    remaining_capacity: Mapping[str, int] = field(default_factory=dict)
    min_affinity: float = 0.15
    equivalence_population_ratio: float = 5.0
    equivalence_kind_steps: int = 1
    cluster_min_size: int = 2
    cluster_max_size: int = 5

    def check(self) -> None:
        if not 0 <= self.min_affinity <= 1:
            raise InvalidInput("constraints", "min_affinity", "must be between 0 and 1")
        for offer_id, places in self.remaining_capacity.items():
            if places < 0:
                raise InvalidInput(f"offer {offer_id}", "remaining_capacity", "must be >= 0")
        if self.equivalence_population_ratio < 1:
            raise InvalidInput("constraints", "equivalence_population_ratio", "must be >= 1")
        if self.equivalence_kind_steps < 0:
            raise InvalidInput("constraints", "equivalence_kind_steps", "must be >= 0")
        if not 1 <= self.cluster_min_size <= self.cluster_max_size:
            raise InvalidInput(
                "constraints", "cluster_min_size", "must be >= 1 and <= cluster_max_size"
            )


DEFAULT_CONSTRAINTS = Constraints()
