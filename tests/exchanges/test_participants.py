"""Bringing colleagues into an exchange: who can be added and on which side,
what they then see, and who stays."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from peerlearn.accounts.models import Notification, Role, RoleAssignment
from peerlearn.audit.models import AuditEntry
from peerlearn.directory.models import Person
from peerlearn.exchanges import services
from peerlearn.exchanges.models import Participant, Side
from tests.conftest import make_user
from tests.exchanges.conftest import ExchangeWorld


def _colleague(ex: ExchangeWorld, key: str, lg=None, association=None) -> Person:
    user = make_user(f"{key}@test.example")
    ex.users[key] = user
    return Person.objects.create(
        name=f"Colleague {key}",
        local_government=lg,
        association=association,
        user=user,
        role="employee",
        email=f"{key}@contact.example",
    )


def test_a_colleague_of_the_seeking_side_joins_and_then_sees_the_minutes(ex):
    engineer = _colleague(ex, "engineer", lg=ex.world.lg1)
    url = ex.exchange.get_absolute_url()
    assert ex.client("engineer").get(url).status_code == 403

    response = ex.client("seeker").post(
        reverse("exchanges:participant_new", args=[ex.exchange.pk]),
        {"person": engineer.pk, "role": "mentee"},
    )

    assert response.status_code == 302
    participant = Participant.objects.get(exchange=ex.exchange, person=engineer)
    assert (participant.side, participant.local_government) == (Side.SEEKING, ex.world.lg1)
    assert ex.client("engineer").get(url).status_code == 200
    assert Notification.objects.filter(user=ex.users["engineer"], kind="participant_added").exists()
    assert AuditEntry.objects.filter(action="exchanges.add_participant").exists()


def test_a_coordinator_of_the_association_joins_on_the_association_side(ex):
    staff = _colleague(ex, "assocstaff", association=ex.world.association_a)
    clerk = _colleague(ex, "assocclerk", association=ex.world.association_a)
    RoleAssignment.objects.create(
        user=ex.users["assocstaff"], role=Role.COORDINATOR, association=ex.world.association_a
    )
    participant = services.add_participant(
        ex.user("coordinator"), ex.exchange, staff, "coordinator"
    )
    assert participant.side == Side.ASSOCIATION
    assert ex.client("assocstaff").get(ex.exchange.get_absolute_url()).status_code == 200
    # Staff without the coordinator's role would be told they take part and
    # then be refused the page: they are not offered.
    with pytest.raises(ValidationError):
        services.add_participant(ex.user("coordinator"), ex.exchange, clerk, "coordinator")


def test_each_side_brings_in_only_its_own_colleagues(ex):
    seeking_colleague = _colleague(ex, "hebron-engineer", lg=ex.world.lg1)
    offering_colleague = _colleague(ex, "jenin-engineer", lg=ex.world.lg2)
    form_page = (
        ex.client("seeker")
        .get(reverse("exchanges:participant_new", args=[ex.exchange.pk]))
        .content.decode()
    )
    assert seeking_colleague.name in form_page and offering_colleague.name not in form_page

    with pytest.raises(ValidationError) as refused:
        services.add_participant(ex.user("mentor"), ex.exchange, seeking_colleague, "mentee")
    assert "person" in refused.value.message_dict
    added = services.add_participant(ex.user("mentor"), ex.exchange, offering_colleague, "host")
    with pytest.raises(ValidationError):
        services.remove_participant(ex.user("seeker"), added)
    # The coordinator may bring in and take out anyone's.
    services.add_participant(ex.user("coordinator"), ex.exchange, seeking_colleague, "mentee")
    services.remove_participant(ex.user("coordinator"), added)


@pytest.mark.parametrize(
    ("where", "role", "field"),
    [
        ("lg3", "mentee", "person"),  # a local government outside the exchange
        ("lg1", "mentor", "role"),  # the seeking side does not mentor
        ("lg1", "coordinator", "role"),
    ],
)
def test_who_cannot_join_and_why(ex, where, role, field):
    person = _colleague(ex, f"someone-{where}-{role}", lg=getattr(ex.world, where))
    before = Participant.objects.count()
    with pytest.raises(ValidationError) as refused:
        services.add_participant(ex.user("seeker"), ex.exchange, person, role)
    assert field in refused.value.message_dict
    assert Participant.objects.count() == before


def test_the_form_refuses_a_person_outside_the_exchange_and_keeps_the_role(ex):
    outsider = _colleague(ex, "stranger", lg=ex.world.lg3)
    response = ex.client("seeker").post(
        reverse("exchanges:participant_new", args=[ex.exchange.pk]),
        {"person": outsider.pk, "role": "visitor"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="visitor" selected' in page
    assert not Participant.objects.filter(person=outsider).exists()


def test_the_same_person_twice_in_one_role_is_refused(ex):
    engineer = _colleague(ex, "twice", lg=ex.world.lg2)
    services.add_participant(ex.user("mentor"), ex.exchange, engineer, "host")
    with pytest.raises(ValidationError):
        services.add_participant(ex.user("mentor"), ex.exchange, engineer, "host")


def test_an_added_colleague_can_be_removed_but_not_the_two_the_match_brought(ex):
    engineer = _colleague(ex, "leaver", lg=ex.world.lg2)
    added = services.add_participant(ex.user("mentor"), ex.exchange, engineer, "host")
    founder = ex.exchange.participants.get(person=ex.person("seeker"))

    with pytest.raises(ValidationError):
        services.remove_participant(ex.user("coordinator"), founder)
    response = ex.client("coordinator").post(
        reverse("exchanges:participant_remove", args=[added.pk])
    )
    assert response.status_code == 302
    assert not Participant.objects.filter(pk=added.pk).exists()
    assert ex.exchange.participants.filter(pk=founder.pk).exists()


def test_a_local_government_named_in_the_group_request_can_send_someone(ex):
    ex.need.also_for.add(ex.world.lg3)
    delegate = _colleague(ex, "delegate", lg=ex.world.lg3)
    participant = services.add_participant(ex.user("seeker"), ex.exchange, delegate, "visitor")
    assert participant.side == Side.SEEKING
    # Their focal point now follows the exchange too.
    assert ex.client("other_focal_point").get(ex.exchange.get_absolute_url()).status_code == 200
