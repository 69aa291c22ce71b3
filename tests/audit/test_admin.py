"""The Django admin is where administrators repair data: what they change or
delete there is in the audit log, and staff who are not administrators get a
refusal, not a server error."""

from __future__ import annotations

from django.contrib import admin
from django.forms import modelform_factory
from django.test import RequestFactory

from peerlearn.audit.models import AuditEntry
from peerlearn.directory.models import LocalGovernment


def _admin_request(user):
    request = RequestFactory().post("/admin/")
    request.user = user
    return request


def test_an_edit_in_the_admin_is_logged_with_before_and_after(world):
    model_admin = admin.site._registry[LocalGovernment]
    lg = LocalGovernment.objects.get(pk=world.lg1.pk)
    before = lg.population
    assert before is not None
    form = modelform_factory(LocalGovernment, fields=["population"])(
        {"population": before + 1000}, instance=lg
    )
    assert form.is_valid(), form.errors

    model_admin.save_model(
        _admin_request(world.users["admin"]), form.save(commit=False), form, True
    )

    entry = AuditEntry.objects.get(action="admin.change_localgovernment")
    assert entry.actor == world.users["admin"]
    assert (entry.before, entry.after) == (
        {"population": before},
        {"population": before + 1000},
    )


def test_a_deletion_in_the_admin_is_logged(world):
    model_admin = admin.site._registry[LocalGovernment]
    lg = LocalGovernment.objects.create(
        name="Entered twice", slug="entered-twice", kind="municipality", country="NO"
    )
    model_admin.delete_queryset(
        _admin_request(world.users["admin"]), LocalGovernment.objects.filter(pk=lg.pk)
    )
    entry = AuditEntry.objects.get(action="admin.delete_localgovernment")
    assert entry.before == {"object": "Entered twice"}
    assert not LocalGovernment.objects.filter(pk=lg.pk).exists()


def test_staff_who_are_not_administrators_are_kept_out_of_the_admin(world):
    for role in ("coordinator", "focal_point", "member"):
        user = world.users[role]
        user.is_staff = True
        user.save()
        assert not user.has_perm("directory.change_localgovernment")
        assert not user.has_perm("exchanges.change_offer")
        client = world.client(role)
        for url in (
            "/admin/",
            "/admin/directory/person/",
            "/admin/directory/localgovernment/",
            f"/admin/directory/localgovernment/{world.lg1.pk}/change/",
            "/admin/exchanges/offer/",
        ):
            response = client.get(url)
            assert response.status_code == 302, (role, url)
            assert response["Location"].startswith("/admin/login/")


def test_roles_given_in_the_user_page_inline_are_logged(world):
    from django.forms import inlineformset_factory

    from peerlearn.accounts.models import RoleAssignment, User

    model_admin = admin.site._registry[User]
    member = world.users["member"]
    roles = inlineformset_factory(
        User, RoleAssignment, fk_name="user", fields=["role", "local_government"], extra=1
    )
    formset = roles(
        {
            "roles-TOTAL_FORMS": "1",
            "roles-INITIAL_FORMS": "0",
            "roles-0-role": "focal_point",
            "roles-0-local_government": str(world.lg1.pk),
        },
        instance=member,
        prefix="roles",
    )
    assert formset.is_valid(), formset.errors
    model_admin.save_formset(_admin_request(world.users["admin"]), None, formset, True)

    assert RoleAssignment.objects.filter(user=member, role="focal_point").exists()
    entry = AuditEntry.objects.get(action="admin.add_roleassignment")
    assert entry.actor == world.users["admin"]
