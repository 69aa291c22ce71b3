"""Forms refuse bad data with a message that says what to fix, in the user's
language, and accept every script the programmes write in."""

from __future__ import annotations

import pytest
from django.utils import translation

from peerlearn.accounts.forms import AcceptInvitationForm, InvitationForm
from peerlearn.directory.forms import ExpertiseFormSet, LocalGovernmentForm, ProfileForm
from peerlearn.directory.models import Topic
from tests.conftest import PASSWORD
from tests.helpers import has_arabic, lg_form_data, needs_arabic_catalogue, profile_form_data

pytestmark = pytest.mark.django_db


def lg_form(world, **changes):
    return LocalGovernmentForm(
        lg_form_data(world.lg1, **changes), instance=type(world.lg1).objects.get(pk=world.lg1.pk)
    )


class TestLocalGovernmentForm:
    def test_unchanged_data_is_valid(self, world):
        form = lg_form(world)
        assert form.is_valid(), form.errors

    @pytest.mark.parametrize(
        ("changes", "field", "message"),
        [
            ({"name": ""}, "name", "This field is required."),
            ({"name": "   "}, "name", "This field is required."),
            (
                {"name": "x" * 201},
                "name",
                "Ensure this value has at most 200 characters (it has 201).",
            ),
            (
                {"population": "-5"},
                "population",
                "Ensure this value is greater than or equal to 0.",
            ),
            ({"population": "many"}, "population", "Enter a whole number."),
            (
                {"country": "ZZ"},
                "country",
                "Select a valid choice. ZZ is not one of the available choices.",
            ),
            (
                {"kind": "galaxy"},
                "kind",
                "Select a valid choice. galaxy is not one of the available choices.",
            ),
            (
                {"official_languages": ["999999"]},
                "official_languages",
                "Select a valid choice. 999999 is not one of the available choices.",
            ),
            ({"website": "not a web address"}, "website", "Enter a valid URL."),
        ],
        ids=[
            "empty name",
            "blank name",
            "over-long name",
            "negative population",
            "population not a number",
            "unknown country",
            "unknown kind",
            "unknown language id",
            "bad website",
        ],
    )
    def test_refuses(self, world, changes, field, message):
        form = lg_form(world, **changes)
        assert not form.is_valid()
        assert form.errors[field] == [message]

    def test_html_is_accepted_as_text(self, world):
        form = lg_form(world, description="<script>alert(1)</script><b>bold</b>")
        assert form.is_valid(), form.errors
        assert form.cleaned_data["description"] == "<script>alert(1)</script><b>bold</b>"

    def test_arabic_and_emoji_are_accepted(self, world):
        form = lg_form(world, name="الخليل 🌿", name_local="بلدية الخليل", region="الخليل")
        assert form.is_valid(), form.errors
        assert form.cleaned_data["name"] == "الخليل 🌿"

    def test_two_hundred_characters_of_arabic_fit(self, world):
        # Length is counted in characters, not in the bytes of UTF-8.
        form = lg_form(world, name="ب" * 200)
        assert form.is_valid(), form.errors

    def test_errors_in_arabic_use_djangos_catalogue(self, world):
        with translation.override("ar"):
            form = lg_form(world, name="")
            assert not form.is_valid()
            assert form.errors["name"] == ["هذا الحقل مطلوب."]


class TestProfileForm:
    @pytest.mark.parametrize(
        ("changes", "field", "message"),
        [
            ({"name": ""}, "name", "This field is required."),
            (
                {"name": "n" * 201},
                "name",
                "Ensure this value has at most 200 characters (it has 201).",
            ),
            ({"email": "not-an-address"}, "email", "Enter a valid email address."),
            (
                {"role": "astronaut"},
                "role",
                "Select a valid choice. astronaut is not one of the available choices.",
            ),
            (
                {"languages": ["999999"]},
                "languages",
                "Select a valid choice. 999999 is not one of the available choices.",
            ),
        ],
        ids=["empty name", "over-long name", "bad e-mail", "unknown role", "unknown language"],
    )
    def test_refuses(self, world, changes, field, message):
        person = world.people["member"]
        form = ProfileForm(profile_form_data(person, **changes), instance=person)
        assert not form.is_valid()
        assert form.errors[field] == [message]

    def test_accepts_arabic_emoji_and_markup(self, world):
        person = world.people["member"]
        data = profile_form_data(
            person, name="سامر 🙂", biography="<script>x()</script> مهندس", position="مهندس"
        )
        form = ProfileForm(data, instance=person)
        assert form.is_valid(), form.errors


def formset(world, rows):
    person = world.people["member"]
    return ExpertiseFormSet(
        profile_form_data(person, new_expertise=rows), queryset=person.expertise.all()
    )


class TestExpertiseFormSet:
    def test_a_valid_line(self, world):
        gis = Topic.objects.get(code="planning.gis")
        fs = formset(world, [(gis.pk, 5, "Built the municipal GIS")])
        assert fs.is_valid(), fs.errors
        assert [e["topic"] for e in fs.expertise()] == [gis]

    def test_an_empty_line_is_skipped(self, world):
        fs = formset(world, [("", "", "")])
        assert fs.is_valid(), fs.errors
        assert fs.expertise() == []

    def test_refuses_a_topic_that_does_not_exist(self, world):
        fs = formset(world, [(999999, 5, "")])
        assert not fs.is_valid()
        assert fs.errors[0]["topic"] == [
            "Select a valid choice. That choice is not one of the available choices."
        ]

    @pytest.mark.parametrize(
        ("years", "message"),
        [
            (80, "Ensure this value is less than or equal to 70."),
            (-1, "Ensure this value is greater than or equal to 0."),
            ("", "This field is required."),
        ],
    )
    def test_refuses_bad_years(self, world, years, message):
        gis = Topic.objects.get(code="planning.gis")
        fs = formset(world, [(gis.pk, years, "")])
        assert not fs.is_valid()
        assert fs.errors[0]["years"] == [message]

    def test_refuses_the_same_topic_twice(self, world):
        gis = Topic.objects.get(code="planning.gis")
        fs = formset(world, [(gis.pk, 5, ""), (gis.pk, 3, "")])
        assert not fs.is_valid()
        assert fs.errors[1]["topic"] == ["This topic is already in the profile."]

    def test_topics_are_labelled_with_their_thematic_area_in_the_viewers_language(self, world):
        gis = Topic.objects.select_related("parent").get(code="planning.gis")
        with translation.override("ar"):
            choices = dict(formset(world, []).empty_form.fields["topic"].choices)
        label = str(choices[gis.pk])
        assert label.startswith(gis.parent.label_ar)  # type: ignore[union-attr]
        assert label.endswith(gis.label_ar)
        assert has_arabic(label)

    @needs_arabic_catalogue
    def test_duplicate_topic_message_in_arabic__needs_arabic_catalogue(self, world):
        gis = Topic.objects.get(code="planning.gis")
        with translation.override("ar"):
            fs = formset(world, [(gis.pk, 5, ""), (gis.pk, 3, "")])
            assert not fs.is_valid()
            message = fs.errors[1]["topic"][0]
        assert message != "This topic is already in the profile."
        assert has_arabic(str(message))


class TestInvitationForms:
    ROLES = [("member", "member")]

    @pytest.mark.parametrize(
        ("data", "field", "message"),
        [
            ({"name": "", "email": "a@test.example"}, "name", "This field is required."),
            ({"name": "   ", "email": "a@test.example"}, "name", "This field is required."),
            ({"name": "A", "email": "not-an-address"}, "email", "Enter a valid email address."),
            (
                {"name": "n" * 201, "email": "a@test.example"},
                "name",
                "Ensure this value has at most 200 characters (it has 201).",
            ),
        ],
    )
    def test_invitation_refuses(self, data, field, message):
        form = InvitationForm({**data, "role": "member"}, roles=self.ROLES)
        assert not form.is_valid()
        assert form.errors[field] == [message]

    def test_invitation_refuses_a_role_the_inviter_may_not_give(self):
        form = InvitationForm(
            {"name": "A", "email": "a@test.example", "role": "coordinator"}, roles=self.ROLES
        )
        assert not form.is_valid()
        assert form.errors["role"] == [
            "Select a valid choice. coordinator is not one of the available choices."
        ]

    def test_accept_refuses_different_passwords(self):
        form = AcceptInvitationForm(
            {"name": "A", "password1": PASSWORD, "password2": PASSWORD + "x"},
            email="a@test.example",
        )
        assert not form.is_valid()
        assert form.errors["password2"] == ["The two passwords differ."]

    def test_accept_refuses_a_weak_password(self):
        form = AcceptInvitationForm(
            {"name": "A", "password1": "password", "password2": "password"},
            email="a@test.example",
        )
        assert not form.is_valid()
        assert "This password is too common." in form.errors["password1"]

    @needs_arabic_catalogue
    def test_password_mismatch_in_arabic__needs_arabic_catalogue(self):
        with translation.override("ar"):
            form = AcceptInvitationForm(
                {"name": "A", "password1": PASSWORD, "password2": PASSWORD + "x"},
                email="a@test.example",
            )
            assert not form.is_valid()
            message = form.errors["password2"][0]
        assert has_arabic(str(message))
