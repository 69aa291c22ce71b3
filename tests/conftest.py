"""Shared fixtures: a small directory with one user of every role.

`world` builds two associations: A (members LG1 and LG2) and B (member LG3).
Roles, as the permission walk names them:
  anonymous, member (person at LG1), other_focal_point (focal point of LG3),
  focal_point (of LG1), coordinator (of A), admin (platform administrator)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client

from peerlearn.accounts.models import Role, RoleAssignment, User
from peerlearn.directory.models import (
    Association,
    AssociationMembership,
    Expertise,
    Language,
    LocalGovernment,
    Person,
    Programme,
    Topic,
)

PASSWORD = "a-long-test-password-42"
ROLES = ("anonymous", "member", "other_focal_point", "focal_point", "coordinator", "admin")


@pytest.fixture(autouse=True)
def _test_settings(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@dataclass
class World:
    association_a: Association
    association_b: Association
    programme: Programme
    lg1: LocalGovernment
    lg2: LocalGovernment
    lg3: LocalGovernment
    users: dict[str, Any] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)

    def client(self, role: str) -> Client:
        client = Client()
        user = self.users.get(role)
        if user is not None:
            client.force_login(user)
        return client


def make_user(email: str, **extra: Any) -> User:
    return User.objects.create_user(email=email, password=PASSWORD, **extra)


@pytest.fixture
def world(db: Any) -> World:
    return build_world()


def build_world() -> World:
    """Create the `world` directory; for fixtures on other database fixtures
    (the browser tests build it on `transactional_db`)."""
    arabic = Language.objects.get(code="ar")
    english = Language.objects.get(code="en")
    waste = Topic.objects.get(code="environment.solid_waste")
    gis = Topic.objects.get(code="planning.gis")

    a = Association.objects.create(
        name="Association A", acronym="AA", slug="aa", kind="national", country="PS"
    )
    b = Association.objects.create(
        name="Association B", acronym="BB", slug="bb", kind="national", country="NO"
    )
    programme = Programme.objects.create(association=a, name="Hubs", slug="hubs")
    lg1 = LocalGovernment.objects.create(
        name="Hebron Test",
        slug="lg1",
        kind="city",
        country="PS",
        region="Hebron",
        population=215000,
    )
    lg2 = LocalGovernment.objects.create(
        name="Jenin Test",
        slug="lg2",
        kind="municipality",
        country="PS",
        region="Jenin",
        population=50000,
    )
    lg3 = LocalGovernment.objects.create(
        name="Stord Test",
        slug="lg3",
        kind="municipality",
        country="NO",
        region="Hordaland",
        population=18500,
    )
    for association, lg in ((a, lg1), (a, lg2), (b, lg3)):
        AssociationMembership.objects.create(association=association, local_government=lg)

    w = World(a, b, programme, lg1, lg2, lg3)
    w.users["anonymous"] = None
    w.users["admin"] = make_user("admin@test.example", is_staff=True, is_superuser=True)
    w.users["coordinator"] = make_user("coordinator@test.example")
    RoleAssignment.objects.create(user=w.users["coordinator"], role=Role.COORDINATOR, association=a)
    w.users["focal_point"] = make_user("focal@test.example")
    RoleAssignment.objects.create(
        user=w.users["focal_point"], role=Role.FOCAL_POINT, local_government=lg1
    )
    w.users["other_focal_point"] = make_user("otherfocal@test.example")
    RoleAssignment.objects.create(
        user=w.users["other_focal_point"], role=Role.FOCAL_POINT, local_government=lg3
    )
    w.users["member"] = make_user("member@test.example")

    def person(key: str, lg: LocalGovernment | None, user: User | None, **extra: Any) -> Person:
        p = Person.objects.create(
            name=f"Person {key}",
            local_government=lg,
            user=user,
            role="employee",
            email=f"{key}@contact.example",
            phone="+970 2 000 0000",
            **extra,
        )
        p.languages.set([arabic, english])
        w.people[key] = p
        return p

    person("member", lg1, w.users["member"])
    person("focal_point", lg1, w.users["focal_point"])
    person("other_focal_point", lg3, w.users["other_focal_point"])
    expert = person("expert", lg2, None, is_public=True)
    Expertise.objects.create(person=expert, topic=waste, years=8, summary="Sorting at source")
    hidden = person("hidden", lg3, None)
    Expertise.objects.create(person=hidden, topic=gis, years=3)
    return w
