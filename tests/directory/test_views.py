"""The directory's edit pages as users meet them: bad input is refused with a
message next to the field, in the user's language, the page keeps what was
typed and nothing is written; text shows exactly as typed, escaped."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from peerlearn.accounts.models import Role, RoleAssignment
from peerlearn.audit.models import AuditEntry
from peerlearn.directory.models import Expertise, Person, Topic
from tests.conftest import make_user
from tests.helpers import (
    audit_count,
    lg_form_data,
    needs_arabic_catalogue,
    profile_form_data,
    state,
)

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"
ESCAPED_SCRIPT = "&lt;script&gt;"


def edit_lg(world, role="focal_point", headers=None, **changes):
    url = reverse("directory:local_government_edit", kwargs={"slug": world.lg1.slug})
    data = lg_form_data(world.lg1, **changes)
    return world.client(role).post(url, data, **(headers or {}))


class TestLocalGovernmentEdit:
    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"name": ""}, "This field is required."),
            ({"name": "x" * 201}, "Ensure this value has at most 200 characters (it has 201)."),
            ({"population": "-5"}, "Ensure this value is greater than or equal to 0."),
            ({"country": "ZZ"}, "Select a valid choice. ZZ is not one of the available choices."),
            (
                {"official_languages": ["999999"]},
                "Select a valid choice. 999999 is not one of the available choices.",
            ),
        ],
        ids=["empty name", "over-long name", "negative population", "unknown country", "bad id"],
    )
    def test_bad_input_is_refused_and_nothing_is_written(self, world, changes, message):
        before = state(world.lg1)
        audits = audit_count()
        response = edit_lg(world, **changes)
        assert response.status_code == 400
        assert html.escape(message) in response.content.decode()
        assert state(world.lg1) == before
        assert audit_count() == audits

    def test_a_failed_form_keeps_what_was_typed(self, world):
        response = edit_lg(
            world,
            population="-5",
            name="Hebron, as I typed it",
            region="Southern hills",
            description="A long description that took a while to write.",
        )
        assert response.status_code == 400
        page = response.content.decode()
        assert 'value="Hebron, as I typed it"' in page
        assert 'value="Southern hills"' in page
        assert 'value="-5"' in page
        assert "A long description that took a while to write." in page

    def test_a_valid_edit_is_saved_and_audited(self, world):
        response = edit_lg(world, role="coordinator", name="Hebron City", population="216000")
        assert response.status_code == 302
        assert response["Location"] == world.lg1.get_absolute_url()
        world.lg1.refresh_from_db()
        assert (world.lg1.name, world.lg1.population) == ("Hebron City", 216000)
        entry = AuditEntry.objects.get()
        assert entry.actor == world.users["coordinator"]
        assert entry.action == "directory.update_local_government"
        assert entry.target_id == str(world.lg1.pk)
        assert entry.before == {"name": "Hebron Test", "population": 215000}
        assert entry.after == {"name": "Hebron City", "population": 216000}

    def test_markup_is_stored_as_typed_and_shown_escaped(self, world):
        edit_lg(world, name=f"Hebron {SCRIPT}", description=f"Line {SCRIPT}")
        world.lg1.refresh_from_db()
        assert world.lg1.name == f"Hebron {SCRIPT}"
        for url in (
            world.lg1.get_absolute_url(),
            reverse("directory:local_governments"),
            reverse("directory:local_government_edit", kwargs={"slug": world.lg1.slug}),
        ):
            page = world.client("focal_point").get(url).content.decode()
            assert "<script>" not in page, url
            assert ESCAPED_SCRIPT in page, url

    def test_markup_in_a_refused_form_is_shown_escaped(self, world):
        response = edit_lg(world, name=SCRIPT, population="-5")
        page = response.content.decode()
        assert "<script>" not in page
        assert ESCAPED_SCRIPT in page

    def test_arabic_and_emoji_are_saved_and_shown(self, world):
        response = edit_lg(world, name="الخليل 🌿", name_local="بلدية الخليل", region="جنوب")
        assert response.status_code == 302
        page = world.client("anonymous").get(world.lg1.get_absolute_url()).content.decode()
        assert "الخليل 🌿" in page
        assert '<span class="local-name" dir="auto">بلدية الخليل</span>' in page
        listing = world.client("anonymous").get(reverse("directory:local_governments"))
        assert "الخليل 🌿" in listing.content.decode()

    def test_errors_follow_the_browsers_language(self, world):
        response = edit_lg(world, headers={"HTTP_ACCEPT_LANGUAGE": "ar"}, name="")
        assert response.status_code == 400
        page = response.content.decode()
        assert "هذا الحقل مطلوب." in page
        assert "This field is required." not in page

    def test_errors_follow_the_language_cookie(self, world):
        client = world.client("focal_point")
        client.cookies["django_language"] = "ar"
        url = reverse("directory:local_government_edit", kwargs={"slug": world.lg1.slug})
        response = client.post(url, lg_form_data(world.lg1, name=""))
        assert "هذا الحقل مطلوب." in response.content.decode()

    @needs_arabic_catalogue
    def test_page_text_in_arabic__needs_arabic_catalogue(self, world):
        response = edit_lg(world, headers={"HTTP_ACCEPT_LANGUAGE": "ar"}, name="")
        page = response.content.decode()
        # The Save button and the "(required)" marks are PeerLearn's own strings.
        assert ">Save</button>" not in page
        assert "(required)" not in page


def post_profile(world, role, person, **kwargs):
    url = reverse("directory:person_edit", kwargs={"pk": person.pk})
    return world.client(role).post(url, profile_form_data(person, **kwargs))


def person_state(person):
    return state(person), sorted(person.expertise.values_list("topic__code", "years", "summary"))


class TestProfileEdit:
    @pytest.mark.parametrize(
        ("kwargs", "message"),
        [
            ({"name": ""}, "This field is required."),
            ({"name": "n" * 201}, "Ensure this value has at most 200 characters (it has 201)."),
            ({"email": "nope"}, "Enter a valid email address."),
            (
                {"new_expertise": [(999999, 4, "")]},
                "Select a valid choice. That choice is not one of the available choices.",
            ),
            (
                {"new_expertise": [("planning.gis", 80, "")]},
                "Ensure this value is less than or equal to 70.",
            ),
        ],
        ids=["empty name", "over-long name", "bad e-mail", "unknown topic id", "80 years"],
    )
    def test_bad_input_is_refused_and_nothing_is_written(self, world, kwargs, message):
        person = world.people["member"]
        if "new_expertise" in kwargs:
            kwargs["new_expertise"] = [
                (Topic.objects.get(code=t).pk if isinstance(t, str) else t, y, s)
                for t, y, s in kwargs["new_expertise"]
            ]
        before = person_state(person)
        audits = audit_count()
        response = post_profile(world, "member", person, position="Changed", **kwargs)
        assert response.status_code == 400
        assert html.escape(message) in response.content.decode()
        assert person_state(person) == before
        assert audit_count() == audits

    def test_a_failed_form_keeps_the_typed_expertise(self, world):
        person = world.people["member"]
        gis = Topic.objects.get(code="planning.gis")
        response = post_profile(
            world,
            "member",
            person,
            name="",
            position="Chief engineer",
            new_expertise=[(gis.pk, 12, "Built the cadastre in QGIS")],
        )
        page = response.content.decode()
        assert 'value="Chief engineer"' in page
        assert "Built the cadastre in QGIS" in page
        assert f'<option value="{gis.pk}" selected>' in page

    def test_a_valid_profile_with_expertise_is_saved_and_audited(self, world):
        person = world.people["member"]
        gis = Topic.objects.get(code="planning.gis")
        response = post_profile(
            world,
            "focal_point",
            person,
            position="GIS officer",
            new_expertise=[(gis.pk, 6, "QGIS")],
        )
        assert response.status_code == 302
        person.refresh_from_db()
        assert person.position == "GIS officer"
        assert list(person.expertise.values_list("topic__code", "years")) == [("planning.gis", 6)]
        entry = AuditEntry.objects.get()
        assert (entry.actor, entry.action) == (
            world.users["focal_point"],
            "directory.update_profile",
        )
        assert entry.before == {"position": "", "expertise": []}
        assert entry.after == {
            "position": "GIS officer",
            "expertise": [["planning.gis", 6, "QGIS"]],
        }

    def test_only_the_person_sets_their_own_contact_details_and_publicity(self, world):
        member = world.people["member"]
        before = (member.email, member.phone, member.is_public)
        url = reverse("directory:person_edit", kwargs={"pk": member.pk})
        assert 'name="email"' not in world.client("focal_point").get(url).content.decode()
        response = post_profile(
            world,
            "focal_point",
            member,
            position="Planner",
            email="taken-over@example.org",
            is_public="on",
        )
        assert response.status_code == 302
        member.refresh_from_db()
        assert member.position == "Planner"
        assert (member.email, member.phone, member.is_public) == before
        assert 'name="email"' in world.client("member").get(url).content.decode()

    def test_a_profile_without_an_account_is_kept_whole_by_its_focal_point(self, world):
        expert = world.people["expert"]  # at LG2, no account of their own
        focal = make_user("focal-lg2@test.example")
        RoleAssignment.objects.create(user=focal, role=Role.FOCAL_POINT, local_government=world.lg2)
        world.users["lg2_focal_point"] = focal
        response = post_profile(world, "lg2_focal_point", expert, email="desk@stord.example")
        assert response.status_code == 302
        expert.refresh_from_db()
        assert expert.email == "desk@stord.example"

    def test_deleting_an_expertise_line(self, world):
        expert = world.people["expert"]
        data = profile_form_data(expert)
        data["form-0-DELETE"] = "on"
        url = reverse("directory:person_edit", kwargs={"pk": expert.pk})
        response = world.client("coordinator").post(url, data)
        assert response.status_code == 302
        assert not expert.expertise.exists()

    def test_markup_arabic_and_emoji_in_a_profile(self, world):
        person = world.people["member"]
        post_profile(
            world,
            "member",
            person,
            name="سامر 🙂",
            position="مهندس",
            biography=f"{SCRIPT} أعمل في التخطيط",
        )
        page = world.client("member").get(person.get_absolute_url()).content.decode()
        assert "سامر 🙂" in page
        assert "أعمل في التخطيط" in page
        assert "<script>" not in page
        assert ESCAPED_SCRIPT in page

    def test_own_profile_is_created_on_first_save(self, world):
        coordinator = world.users["coordinator"]
        assert not Person.objects.filter(user=coordinator).exists()
        page = world.client("coordinator").get(reverse("directory:profile"))
        # Pre-filled with what the account knows.
        assert 'value="coordinator@test.example"' in page.content.decode()
        data = profile_form_data(
            Person(user=coordinator, name="", email=coordinator.email),
            name="Coordinator Person",
            role="employee",
        )
        response = world.client("coordinator").post(reverse("directory:profile"), data)
        assert response.status_code == 302
        person = Person.objects.get(user=coordinator)
        assert person.name == "Coordinator Person"
        entry = AuditEntry.objects.get()
        assert entry.action == "directory.create_profile"
        assert entry.after["name"] == "Coordinator Person"


CONTACT_VISIBLE = {
    # viewer → {person key: may see their e-mail and telephone}
    "member": {"member": True, "expert": True, "hidden": False},
    "other_focal_point": {"member": False, "expert": False, "hidden": True},
    "focal_point": {"member": True, "expert": True, "hidden": False},
    "coordinator": {"member": True, "expert": True, "hidden": False},
    "admin": {"member": True, "expert": True, "hidden": True},
}


class TestContactDetails:
    @pytest.mark.parametrize("viewer", sorted(CONTACT_VISIBLE))
    def test_who_sees_contact_details_on_a_profile(self, world, viewer):
        client = world.client(viewer)
        for key, visible in CONTACT_VISIBLE[viewer].items():
            person = world.people[key]
            page = client.get(person.get_absolute_url()).content.decode()
            assert (person.email in page) is visible, (viewer, key)
            assert (person.phone in page) is visible, (viewer, key)

    def test_visitors_see_a_public_profile_without_contact_details(self, world):
        expert = world.people["expert"]
        response = world.client("anonymous").get(expert.get_absolute_url())
        assert response.status_code == 200
        page = response.content.decode()
        assert expert.name in page
        assert "Sorting at source" in page
        assert expert.email not in page
        assert expert.phone not in page
        assert "Sign in to see contact details." in page

    def test_a_visitor_is_sent_to_sign_in_for_a_profile_that_is_not_public(self, world):
        response = world.client("anonymous").get(world.people["hidden"].get_absolute_url())
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))

    def test_the_local_government_page_lists_only_public_people_to_visitors(self, world):
        url = world.lg2.get_absolute_url()
        anonymous = world.client("anonymous").get(url).content.decode()
        assert "Person expert" in anonymous
        lg1_anonymous = world.client("anonymous").get(world.lg1.get_absolute_url())
        assert "Person member" not in lg1_anonymous.content.decode()
        lg1_member = world.client("other_focal_point").get(world.lg1.get_absolute_url())
        assert "Person member" in lg1_member.content.decode()


def test_unknown_objects_are_404(world):
    client = world.client("admin")
    for url in (
        reverse("directory:local_government", kwargs={"slug": "nowhere"}),
        reverse("directory:local_government_edit", kwargs={"slug": "nowhere"}),
        reverse("directory:person", kwargs={"pk": 999999}),
        reverse("directory:person_edit", kwargs={"pk": 999999}),
        reverse("directory:association", kwargs={"slug": "nobody"}),
        reverse("directory:programme", kwargs={"association": "aa", "slug": "nothing"}),
    ):
        assert client.get(url).status_code == 404, url


def test_expertise_of_a_person_is_not_shared_with_another(world):
    """Editing one profile's formset cannot touch another person's expertise
    by posting its id."""
    expert = world.people["expert"]
    other = world.people["member"]
    stolen = Expertise.objects.get(person=expert)
    data = profile_form_data(other)
    data.update(
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": str(stolen.pk),
            "form-0-topic": str(stolen.topic_id),
            "form-0-years": "1",
            "form-0-summary": "mine now",
        }
    )
    url = reverse("directory:person_edit", kwargs={"pk": other.pk})
    world.client("member").post(url, data)
    stolen.refresh_from_db()
    assert (stolen.person_id, stolen.years, stolen.summary) == (expert.pk, 8, "Sorting at source")
