import pytest

from peerlearn.matching import Constraints, InvalidInput, OrgKind, Weights
from peerlearn.matching.model import HelpKind


def test_kind_ladder_puts_comparable_kinds_on_one_rung() -> None:
    assert OrgKind.MUNICIPALITY.rung == OrgKind.DISTRICT.rung
    assert OrgKind.METROPOLITAN.rung == OrgKind.REGION.rung
    assert OrgKind.VILLAGE_COUNCIL.rung < OrgKind.MUNICIPALITY.rung < OrgKind.CITY.rung


def test_travelling_kinds_of_help() -> None:
    assert HelpKind.STUDY_VISIT.needs_travel and not HelpKind.MENTORING.needs_travel


@pytest.mark.parametrize(
    "weights",
    [Weights(topic=-1.0), Weights(scope_factor=1.5), Weights(*(0.0,) * 7)],
)
def test_bad_weights_are_rejected(weights: Weights) -> None:
    with pytest.raises(InvalidInput):
        weights.check()


@pytest.mark.parametrize(
    "constraints",
    [
        Constraints(min_affinity=2.0),
        Constraints(remaining_capacity={"o1": -1}),
        Constraints(cluster_min_size=4, cluster_max_size=3),
    ],
)
def test_bad_constraints_are_rejected(constraints: Constraints) -> None:
    with pytest.raises(InvalidInput):
        constraints.check()
