"""Capacity is never exceeded, even when two coordinators approve at the same
moment: the approval locks the offer's row (SELECT … FOR UPDATE), so the second
approval waits, then sees the place taken. Needs real concurrent transactions,
hence PostgreSQL."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from peerlearn.accounts.models import Role, RoleAssignment
from peerlearn.directory.models import Language, Person, Topic
from peerlearn.exchanges import services
from peerlearn.exchanges.models import LIVE_MATCH, Match, MatchingRun, Need, Offer, Proposal
from tests.conftest import make_user

pytestmark = pytest.mark.postgres


def _pool(world: Any, needs: int, capacity: int) -> tuple[Offer, list[Proposal], list[Any]]:
    arabic = Language.objects.get(code="ar")
    topic = Topic.objects.get(code="environment.solid_waste")
    expert = Person.objects.create(name="Mentor", local_government=world.lg2, role="employee")
    offer = Offer.objects.create(
        programme=world.programme,
        person=expert,
        local_government=world.lg2,
        description="Sorting at source",
        text_language=arabic,
        years_experience=5,
        capacity=capacity,
        status="accepted",
    )
    run = MatchingRun.objects.create(programme=world.programme, status="done")
    proposals = []
    for index in range(needs):
        need = Need.objects.create(
            programme=world.programme,
            local_government=world.lg1,
            contact=world.people["member"],
            title=f"Need {index}",
            problem="Waste everywhere",
            outcome="Sorted waste",
            text_language=arabic,
            status="accepted",
        )
        need.topics.set([topic])
        proposals.append(
            Proposal.objects.create(run=run, need=need, offer=offer, score=0.8, assigned=True)
        )
    coordinators = [world.users["coordinator"], world.users["admin"]]
    for index in range(needs - 2):
        user = make_user(f"coordinator{index}@test.example")
        RoleAssignment.objects.create(
            user=user, role=Role.COORDINATOR, association=world.association_a
        )
        coordinators.append(user)
    return offer, proposals, coordinators


def _approve_all_at_once(proposals: list[Proposal], coordinators: list[Any]) -> list[str]:
    barrier = threading.Barrier(len(proposals))
    outcomes: list[str] = []
    lock = threading.Lock()

    def approve(proposal: Proposal, coordinator: Any) -> None:
        try:
            barrier.wait()
            services.approve_proposal(coordinator, proposal)
            result = "approved"
        except ValidationError:
            result = "refused"
        finally:
            connections.close_all()
        with lock:
            outcomes.append(result)

    threads = [
        threading.Thread(target=approve, args=(p, c))
        for p, c in zip(proposals, coordinators, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize(("needs", "capacity"), [(2, 1), (6, 2)])
def test_concurrent_approvals_never_exceed_capacity(world, needs, capacity):
    if connection.vendor != "postgresql":
        pytest.skip("needs concurrent transactions with row locks (PostgreSQL)")
    offer, proposals, coordinators = _pool(world, needs, capacity)

    outcomes = _approve_all_at_once(proposals, coordinators)

    assert sorted(outcomes) == sorted(["approved"] * capacity + ["refused"] * (needs - capacity))
    assert Match.objects.filter(LIVE_MATCH, offer=offer).count() == capacity


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_approve_all_and_single_approvals_at_once_never_exceed_capacity(world):
    if connection.vendor != "postgresql":
        pytest.skip("needs concurrent transactions with row locks (PostgreSQL)")
    offer, proposals, coordinators = _pool(world, 4, 2)
    run = proposals[0].run
    barrier = threading.Barrier(4)
    finished: list[str] = []

    def act(index: int) -> None:
        outcome = "done"
        try:
            barrier.wait()
            if index == 0:
                services.approve_run(coordinators[0], run)
            else:
                services.approve_proposal(coordinators[index], proposals[index])
        except ValidationError:
            pass
        except Exception as error:  # a crash in a thread must fail the test
            outcome = repr(error)
        finally:
            connections.close_all()
            finished.append(outcome)

    threads = [threading.Thread(target=act, args=(index,)) for index in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert finished == ["done"] * 4  # nobody failed or deadlocked
    assert Match.objects.filter(LIVE_MATCH, offer=offer).count() == 2
