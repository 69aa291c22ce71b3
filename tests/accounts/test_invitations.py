"""Invitations: who may invite whom, the e-mail with its link, and accepting,
which creates the account, the person and the role, once."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from peerlearn.accounts import services
from peerlearn.accounts.models import Invitation, Role, RoleAssignment, User
from peerlearn.audit.models import AuditEntry
from peerlearn.directory.models import Person
from tests.conftest import PASSWORD
from tests.helpers import audit_count

pytestmark = pytest.mark.django_db

# (inviter, invited role, scope) → allowed. Scopes: lg1 and lg2 are in A, lg3 in B.
MAY_INVITE = {
    ("admin", "member", "lg3"): True,
    ("admin", "focal_point", "lg1"): True,
    ("admin", "coordinator", "b"): True,
    ("coordinator", "member", "lg1"): True,
    ("coordinator", "focal_point", "lg2"): True,
    ("coordinator", "coordinator", "a"): True,
    ("coordinator", "member", "lg3"): False,
    ("coordinator", "focal_point", "lg3"): False,
    ("coordinator", "coordinator", "b"): False,
    ("focal_point", "member", "lg1"): True,
    ("focal_point", "focal_point", "lg1"): False,
    ("focal_point", "member", "lg2"): False,
    ("focal_point", "member", "lg3"): False,
    ("focal_point", "coordinator", "a"): False,
    ("other_focal_point", "member", "lg3"): True,
    ("other_focal_point", "member", "lg1"): False,
    ("member", "member", "lg1"): False,
    ("member", "focal_point", "lg1"): False,
    ("member", "coordinator", "a"): False,
}


def scope_of(world, key):
    return {
        "lg1": world.lg1,
        "lg2": world.lg2,
        "lg3": world.lg3,
        "a": world.association_a,
        "b": world.association_b,
    }[key]


def invite_url(scope):
    kind = "association" if scope.__class__.__name__ == "Association" else "local-government"
    return reverse("accounts:invite", kwargs={"kind": kind, "slug": scope.slug})


@pytest.mark.parametrize(("inviter", "role", "scope"), list(MAY_INVITE))
def test_who_may_invite_whom(world, inviter, role, scope, django_capture_on_commit_callbacks):
    allowed = MAY_INVITE[(inviter, role, scope)]
    target = scope_of(world, scope)
    client = world.client(inviter)
    data = {"name": "New Person", "email": "new@test.example", "role": role}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(invite_url(target), data)
    if allowed:
        assert response.status_code == 302
        invitation = Invitation.objects.get()
        assert (invitation.role, invitation.scope, invitation.invited_by) == (
            role,
            target,
            world.users[inviter],
        )
        assert len(mail.outbox) == 1
    else:
        # Either the page is closed to them (403) or the role is not offered (400).
        assert response.status_code in (400, 403)
        assert not Invitation.objects.exists()
        assert mail.outbox == []
        assert audit_count() == 0


def test_the_form_offers_only_the_roles_the_inviter_may_give(world):
    page = world.client("focal_point").get(invite_url(world.lg1)).content.decode()
    assert 'value="member"' in page
    assert 'value="focal_point"' not in page
    page = world.client("coordinator").get(invite_url(world.lg1)).content.decode()
    assert 'value="member"' in page
    assert 'value="focal_point"' in page


def test_an_unknown_kind_of_scope_is_404(world):
    url = reverse("accounts:invite", kwargs={"kind": "planet", "slug": world.lg1.slug})
    assert world.client("admin").get(url).status_code == 404


def test_the_service_refuses_what_the_rules_refuse(world):
    with pytest.raises(PermissionDenied):
        services.send_invitation(
            world.users["focal_point"],
            email="x@test.example",
            name="X",
            role="focal_point",
            local_government=world.lg1,
        )
    assert not Invitation.objects.exists()


def test_the_invitation_email_contains_the_accept_link(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        world.client("focal_point").post(
            invite_url(world.lg1),
            {"name": "Rania Test", "email": "Rania@Test.Example", "role": "member"},
        )
    invitation = Invitation.objects.get()
    assert invitation.email == "rania@test.example"
    (message,) = mail.outbox
    assert message.to == ["rania@test.example"]
    link = f"http://testserver/accounts/invitations/{invitation.token}/"
    assert link in message.body
    assert "Rania Test" in message.body
    assert "Hebron Test" in message.body
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action) == (world.users["focal_point"], "accounts.send_invitation")
    assert entry.after["email"] == "rania@test.example"


def test_no_email_leaves_when_the_invitation_is_rolled_back(world):
    # Without running the on-commit callbacks (the transaction is the test's),
    # nothing is sent: the mail goes only once the invitation is stored for good.
    world.client("focal_point").post(
        invite_url(world.lg1), {"name": "A", "email": "a@test.example", "role": "member"}
    )
    assert Invitation.objects.count() == 1
    assert mail.outbox == []


def test_a_failed_invitation_form_keeps_the_typed_values(world):
    response = world.client("focal_point").post(
        invite_url(world.lg1), {"name": "Omar Typed", "email": "not-an-address", "role": "member"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="Omar Typed"' in page
    assert 'value="not-an-address"' in page
    assert "Enter a valid email address." in page
    assert not Invitation.objects.exists()


@pytest.fixture
def invitation(world):
    def make(role="focal_point", email="newcomer@test.example", **extra):
        scope = {"association": world.association_a} if role == "coordinator" else {}
        return Invitation.objects.create(
            email=email,
            name="Newcomer",
            role=role,
            local_government=None if scope else world.lg2,
            invited_by=world.users["coordinator"],
            **scope,
            **extra,
        )

    return make


def accept(client, invitation, **data):
    url = reverse("accounts:accept_invitation", kwargs={"token": invitation.token})
    return client.post(url, data)


def world_counts():
    return (
        User.objects.count(),
        Person.objects.count(),
        RoleAssignment.objects.count(),
        AuditEntry.objects.count(),
    )


class TestAccepting:
    def test_a_newcomer_gets_an_account_a_person_and_the_role(self, world, invitation):
        inv = invitation("focal_point")
        client = Client()
        response = accept(client, inv, name="Nour Newcomer", password1=PASSWORD, password2=PASSWORD)
        assert response.status_code == 302
        assert response["Location"] == reverse("directory:profile")
        user = User.objects.get(email="newcomer@test.example")
        assert user.check_password(PASSWORD)
        assert client.session[SESSION_KEY] == str(user.pk)
        person = Person.objects.get(user=user)
        assert (person.name, person.local_government) == ("Nour Newcomer", world.lg2)
        assert RoleAssignment.objects.filter(
            user=user, role=Role.FOCAL_POINT, local_government=world.lg2
        ).exists()
        inv.refresh_from_db()
        assert inv.accepted_by == user
        assert inv.accepted_at is not None
        entry = AuditEntry.objects.get(action="accounts.accept_invitation")
        assert entry.actor == user
        # The new focal point may now edit their local government.
        edit = reverse("directory:local_government_edit", kwargs={"slug": world.lg2.slug})
        assert client.get(edit).status_code == 200

    def test_a_member_invitation_gives_no_role(self, world, invitation):
        inv = invitation("member")
        accept(Client(), inv, name="M", password1=PASSWORD, password2=PASSWORD)
        user = User.objects.get(email="newcomer@test.example")
        assert not RoleAssignment.objects.filter(user=user).exists()
        assert Person.objects.get(user=user).local_government == world.lg2

    def test_a_signed_in_user_with_the_invited_address_gets_the_role(self, world, invitation):
        inv = invitation("coordinator", email="member@test.example")
        response = accept(world.client("member"), inv)
        assert response.status_code == 302
        member = world.users["member"]
        assert RoleAssignment.objects.filter(
            user=member, role=Role.COORDINATOR, association=world.association_a
        ).exists()
        # Their person stays where it works.
        assert Person.objects.get(user=member).local_government == world.lg1

    @pytest.mark.parametrize("role", ["member", "focal_point", "coordinator", "admin"])
    def test_signed_in_with_another_address_is_refused(self, world, invitation, role):
        inv = invitation("focal_point")
        before = world_counts()
        response = accept(world.client(role), inv)
        assert response.status_code == 403
        assert "This invitation was sent to another e-mail address." in response.content.decode()
        assert world_counts() == before
        inv.refresh_from_db()
        assert inv.accepted_at is None

    def test_an_expired_invitation_is_refused(self, world, invitation):
        inv = invitation(expires_at=timezone.now() - datetime.timedelta(minutes=1))
        before = world_counts()
        page = Client().get(reverse("accounts:accept_invitation", kwargs={"token": inv.token}))
        assert "This invitation has expired or has already been used." in page.content.decode()
        response = accept(Client(), inv, name="N", password1=PASSWORD, password2=PASSWORD)
        assert response.status_code == 400
        assert "This invitation has expired or has already been used." in (
            response.content.decode()
        )
        assert world_counts() == before

    def test_an_invitation_is_used_once(self, world, invitation):
        inv = invitation()
        accept(Client(), inv, name="N", password1=PASSWORD, password2=PASSWORD)
        before = world_counts()
        response = accept(Client(), inv, name="N2", password1=PASSWORD, password2=PASSWORD)
        assert response.status_code == 400
        assert world_counts() == before
        # Nor by the invitee once signed in.
        signed_in = Client()
        signed_in.force_login(User.objects.get(email=inv.email))
        assert accept(signed_in, inv).status_code == 400
        assert world_counts() == before

    def test_an_existing_account_must_sign_in_to_accept(self, world, invitation):
        inv = invitation(email="member@test.example")
        before = world_counts()
        response = accept(Client(), inv, name="N", password1=PASSWORD, password2=PASSWORD)
        assert response.status_code == 400
        assert "An account with this e-mail address exists: sign in to accept." in (
            response.content.decode()
        )
        assert world_counts() == before
        assert world.users["member"].check_password(PASSWORD)

    def test_a_refused_account_form_keeps_the_name_and_writes_nothing(self, world, invitation):
        inv = invitation()
        before = world_counts()
        response = accept(Client(), inv, name="Nour Typed", password1=PASSWORD, password2="other")
        assert response.status_code == 400
        page = response.content.decode()
        assert 'value="Nour Typed"' in page
        assert "The two passwords differ." in page
        assert world_counts() == before

    def test_accepting_gives_the_role_and_keeps_the_person_at_their_employer(
        self, world, invitation
    ):
        # The member works at LG1; the invitation makes them focal point of LG2.
        inv = invitation(email="member@test.example")
        signed_in = Client()
        signed_in.force_login(world.users["member"])
        accept(signed_in, inv)
        person = Person.objects.get(user=world.users["member"])
        assert person.local_government == world.lg1
        assert RoleAssignment.objects.filter(
            user=world.users["member"], role=Role.FOCAL_POINT, local_government=world.lg2
        ).exists()

    def test_a_member_invitation_does_not_move_someone_who_works_elsewhere(self, world, invitation):
        inv = invitation(role="member", email="member@test.example")  # to LG2; they are at LG1
        signed_in = Client()
        signed_in.force_login(world.users["member"])
        response = accept(signed_in, inv)
        assert response.status_code == 400
        assert "Ask an administrator to move it" in response.content.decode()
        inv.refresh_from_db()
        assert inv.accepted_at is None
        assert Person.objects.get(user=world.users["member"]).local_government == world.lg1

    def test_an_unknown_token_is_404(self, world):
        url = reverse("accounts:accept_invitation", kwargs={"token": "no-such-token"})
        assert Client().get(url).status_code == 404


class TestInvitationList:
    def test_each_inviter_sees_the_invitations_of_their_scope(self, world, invitation):
        invitation(email="to-lg2@test.example")
        Invitation.objects.create(
            email="to-lg3@test.example",
            name="Far",
            role="member",
            local_government=world.lg3,
            invited_by=world.users["other_focal_point"],
        )
        seen = {}
        for role in ("coordinator", "focal_point", "other_focal_point", "admin"):
            page = world.client(role).get(reverse("accounts:invitations")).content.decode()
            seen[role] = set(re.findall(r"to-lg\d@test\.example", page))
        assert seen == {
            "coordinator": {"to-lg2@test.example"},
            "focal_point": set(),
            "other_focal_point": {"to-lg3@test.example"},
            "admin": {"to-lg2@test.example", "to-lg3@test.example"},
        }
