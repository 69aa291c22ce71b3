"""The directory's services: each checks the permission, writes everything or
nothing, and leaves an audit entry saying who changed what."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from peerlearn.audit.models import AuditEntry
from peerlearn.directory import services
from peerlearn.directory.models import Department, Language, LocalGovernment, Person, Topic
from tests.conftest import ROLES
from tests.helpers import audit_count, state

pytestmark = pytest.mark.django_db

MAY_EDIT_LG1 = {"focal_point", "coordinator", "admin"}
MAY_EDIT_MEMBER = {"member", "focal_point", "coordinator", "admin"}


def fresh(lg: LocalGovernment) -> LocalGovernment:
    return LocalGovernment.objects.get(pk=lg.pk)


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anonymous"])
def test_update_local_government_checks_the_permission(world, role):
    before = state(world.lg1)
    actor = world.users[role]
    if role in MAY_EDIT_LG1:
        services.update_local_government(actor, fresh(world.lg1), {"population": 1})
        assert fresh(world.lg1).population == 1
        assert AuditEntry.objects.get().actor == actor
    else:
        with pytest.raises(PermissionDenied):
            services.update_local_government(actor, fresh(world.lg1), {"population": 1})
        assert state(world.lg1) == before
        assert audit_count() == 0


def test_anonymous_cannot_update(world):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.update_local_government(AnonymousUser(), fresh(world.lg1), {"name": "X"})
    with pytest.raises(PermissionDenied):
        services.save_profile(AnonymousUser(), world.people["member"], {"name": "X"})
    assert audit_count() == 0


def test_update_records_only_what_changed_with_many_to_many_as_ids(world):
    arabic = Language.objects.get(code="ar")
    finance = Department.objects.order_by("pk").first()
    assert finance is not None
    services.update_local_government(
        world.users["admin"],
        fresh(world.lg1),
        {
            "name": "Hebron Test",  # unchanged: not in the log
            "region": "Al-Khalil",
            "official_languages": [arabic],
            "departments": [finance],
        },
    )
    entry = AuditEntry.objects.get()
    assert entry.action == "directory.update_local_government"
    assert entry.target_repr == "Hebron Test"
    assert entry.before == {"region": "Hebron", "official_languages": [], "departments": []}
    assert entry.after == {
        "region": "Al-Khalil",
        "official_languages": [arabic.pk],
        "departments": [finance.pk],
    }


@pytest.mark.parametrize(
    "changes",
    [{"population": -5}, {"name": ""}, {"name": "x" * 201}, {"country": "ZZ"}],
    ids=["negative population", "empty name", "over-long name", "unknown country"],
)
def test_invalid_changes_write_nothing(world, changes):
    arabic = Language.objects.get(code="ar")
    before = state(world.lg1)
    with pytest.raises(ValidationError):
        services.update_local_government(
            world.users["admin"],
            fresh(world.lg1),
            # The many-to-many change comes after the refused field: it must not
            # be applied either.
            {**changes, "official_languages": [arabic]},
        )
    assert state(world.lg1) == before
    assert audit_count() == 0


def test_a_profile_refused_midway_leaves_no_partial_write(world):
    """The person is saved before the expertise lines are checked; a bad line
    must roll the person back too."""
    person = world.people["member"]
    gis = Topic.objects.get(code="planning.gis")
    waste = Topic.objects.get(code="environment.solid_waste")
    before = state(person)
    with pytest.raises(ValidationError):
        services.save_profile(
            world.users["member"],
            Person.objects.get(pk=person.pk),
            {"name": "Renamed", "position": "Engineer"},
            [{"topic": waste, "years": 3}, {"topic": gis, "years": 80}],
        )
    assert state(person) == before
    assert not person.expertise.exists()
    assert audit_count() == 0


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anonymous"])
def test_save_profile_checks_the_permission(world, role):
    person = world.people["member"]
    actor = world.users[role]
    before = state(person)
    if role in MAY_EDIT_MEMBER:
        services.save_profile(actor, Person.objects.get(pk=person.pk), {"position": "Mayor"})
        assert Person.objects.get(pk=person.pk).position == "Mayor"
        entry = AuditEntry.objects.get()
        assert (entry.actor, entry.action) == (actor, "directory.update_profile")
        assert (entry.before, entry.after) == ({"position": ""}, {"position": "Mayor"})
    else:
        with pytest.raises(PermissionDenied):
            services.save_profile(actor, Person.objects.get(pk=person.pk), {"position": "Mayor"})
        assert state(person) == before
        assert audit_count() == 0


def test_save_profile_replaces_the_expertise_list(world):
    expert = world.people["expert"]
    gis = Topic.objects.get(code="planning.gis")
    services.save_profile(
        world.users["admin"], expert, {}, [{"topic": gis, "years": 4, "summary": "QGIS"}]
    )
    assert list(expert.expertise.values_list("topic__code", "years", "summary")) == [
        ("planning.gis", 4, "QGIS")
    ]
    entry = AuditEntry.objects.get()
    assert entry.before == {"expertise": [["environment.solid_waste", 8, "Sorting at source"]]}
    assert entry.after == {"expertise": [["planning.gis", 4, "QGIS"]]}


def test_nobody_creates_a_profile_for_someone_else(world):
    coordinator = world.users["coordinator"]
    with pytest.raises(PermissionDenied):
        services.save_profile(
            world.users["admin"], Person(user=coordinator), {"name": "X", "role": "employee"}
        )
    assert not Person.objects.filter(user=coordinator).exists()


def test_nobody_creates_a_second_profile(world):
    member = world.users["member"]
    with pytest.raises(PermissionDenied):
        services.save_profile(member, Person(user=member), {"name": "Twin", "role": "employee"})
    assert Person.objects.filter(user=member).count() == 1


def test_creating_ones_own_profile_is_audited(world):
    coordinator = world.users["coordinator"]
    person = services.save_profile(
        coordinator, Person(user=coordinator), {"name": "Coord", "role": "employee"}, []
    )
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.target_id) == (
        coordinator,
        "directory.create_profile",
        str(person.pk),
    )
    assert entry.before == {}
    assert entry.after["name"] == "Coord"
    assert entry.after["expertise"] == []
