"""The database refuses what the forms refuse, so that a script, an import or
the admin cannot store what a form would not accept; and the models' own
validation says why, in words a user understands."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, connection, transaction
from django.utils import translation

from peerlearn.accounts.models import Invitation, Role, RoleAssignment
from peerlearn.directory.models import (
    Association,
    AssociationMembership,
    Expertise,
    LocalGovernment,
    Person,
    Programme,
    Topic,
    slug_for,
)

# PostgreSQL refuses text longer than a VARCHAR with DataError before any
# check constraint runs; SQLite has no VARCHAR limit and relies on the
# explicit length constraint (IntegrityError). Both refuse the row.
TOO_LONG = (IntegrityError, DataError)


def lg(**extra):
    values = {"name": "Testville", "slug": "testville", "kind": "municipality", "country": "PS"}
    return LocalGovernment(**{**values, **extra})


def refused(exception, create):
    """Run `create` in a savepoint, expect the database to refuse it."""
    with pytest.raises(exception), transaction.atomic():
        create()


@pytest.mark.django_db
class TestLocalGovernmentConstraints:
    def test_a_valid_row_is_stored(self):
        lg().save()
        assert LocalGovernment.objects.filter(slug="testville").exists()

    @pytest.mark.parametrize(
        "bad",
        [
            {"population": -5},
            {"name": ""},
            {"country": "ZZ"},
            {"kind": "galaxy"},
            {"slug": ""},
        ],
        ids=["negative population", "empty name", "unknown country", "unknown kind", "no slug"],
    )
    def test_create_refuses(self, bad):
        refused(IntegrityError, lambda: LocalGovernment.objects.create(**{**vars_of(lg()), **bad}))
        assert not LocalGovernment.objects.exists()

    def test_create_refuses_an_over_long_name(self):
        refused(TOO_LONG, lambda: LocalGovernment.objects.create(**vars_of(lg(name="x" * 201))))
        assert not LocalGovernment.objects.exists()

    def test_a_name_of_exactly_200_characters_is_allowed(self):
        LocalGovernment.objects.create(**vars_of(lg(name="x" * 200)))

    def test_bulk_create_refuses_the_whole_batch(self):
        rows = [lg(slug="good"), lg(slug="bad", population=-5)]
        refused(IntegrityError, lambda: LocalGovernment.objects.bulk_create(rows))
        assert not LocalGovernment.objects.exists()

    def test_bulk_create_refuses_an_unknown_country(self):
        refused(IntegrityError, lambda: LocalGovernment.objects.bulk_create([lg(country="ZZ")]))

    def test_update_cannot_sneak_a_negative_population_in(self):
        row = lg()
        row.save()
        refused(IntegrityError, lambda: LocalGovernment.objects.update(population=-5))
        row.refresh_from_db()
        assert row.population is None


def vars_of(instance):
    return {
        f.name: getattr(instance, f.attname)
        for f in instance._meta.concrete_fields
        if not f.primary_key and f.name not in {"created_at", "updated_at"}
    }


@pytest.mark.django_db
class TestOtherConstraints:
    def test_association_refuses_an_empty_name_and_an_unknown_country(self):
        values = {"name": "N", "acronym": "N", "slug": "n", "kind": "national", "country": "PS"}
        refused(IntegrityError, lambda: Association.objects.create(**{**values, "name": ""}))
        refused(IntegrityError, lambda: Association.objects.create(**{**values, "country": "ZZ"}))
        refused(TOO_LONG, lambda: Association.objects.create(**{**values, "name": "n" * 201}))
        assert not Association.objects.exists()

    def test_person_refuses_two_employers(self, world):
        refused(
            IntegrityError,
            lambda: Person.objects.create(
                name="Both",
                role="employee",
                local_government=world.lg1,
                association=world.association_a,
            ),
        )
        assert not Person.objects.filter(name="Both").exists()

    def test_person_refuses_an_empty_or_over_long_name(self, world):
        refused(IntegrityError, lambda: Person.objects.create(name="", role="employee"))
        refused(TOO_LONG, lambda: Person.objects.create(name="p" * 201, role="employee"))
        refused(IntegrityError, lambda: Person.objects.create(name="P", role="astronaut"))

    def test_expertise_refuses_80_years(self, world):
        gis = Topic.objects.get(code="planning.gis")
        person = world.people["member"]
        refused(
            IntegrityError, lambda: Expertise.objects.create(person=person, topic=gis, years=80)
        )
        refused(
            IntegrityError,
            lambda: Expertise.objects.bulk_create([Expertise(person=person, topic=gis, years=80)]),
        )
        assert not person.expertise.exists()

    def test_expertise_on_a_topic_that_does_not_exist_is_refused(self, world):
        def create():
            Expertise.objects.create(person=world.people["member"], topic_id=999999, years=1)
            # Foreign keys are checked at commit (deferred on both databases): ask now.
            connection.check_constraints(table_names=[Expertise._meta.db_table])

        refused(IntegrityError, create)
        assert not world.people["member"].expertise.exists()

    def test_expertise_refuses_the_same_topic_twice(self, world):
        expert = world.people["expert"]
        topic = expert.expertise.get().topic
        refused(
            IntegrityError, lambda: Expertise.objects.create(person=expert, topic=topic, years=1)
        )

    def test_duplicate_membership_is_refused(self, world):
        refused(
            IntegrityError,
            lambda: AssociationMembership.objects.create(
                association=world.association_a, local_government=world.lg1
            ),
        )
        assert AssociationMembership.objects.filter(local_government=world.lg1).count() == 1

    @pytest.mark.parametrize(
        "scope",
        ["focal point of an association", "coordinator of a local government", "both", "none"],
    )
    def test_role_assignment_with_the_wrong_scope_is_refused(self, world, scope):
        user = world.users["member"]
        values = {
            "focal point of an association": {
                "role": Role.FOCAL_POINT,
                "association": world.association_a,
            },
            "coordinator of a local government": {
                "role": Role.COORDINATOR,
                "local_government": world.lg1,
            },
            "both": {
                "role": Role.COORDINATOR,
                "association": world.association_a,
                "local_government": world.lg1,
            },
            "none": {"role": Role.FOCAL_POINT},
        }[scope]
        refused(IntegrityError, lambda: RoleAssignment.objects.create(user=user, **values))
        assert not RoleAssignment.objects.filter(user=user).exists()

    def test_the_same_role_twice_is_refused(self, world):
        refused(
            IntegrityError,
            lambda: RoleAssignment.objects.create(
                user=world.users["coordinator"],
                role=Role.COORDINATOR,
                association=world.association_a,
            ),
        )

    def test_invitation_scope_must_match_the_role(self, world):
        refused(
            IntegrityError,
            lambda: Invitation.objects.create(
                email="x@test.example", name="X", role="member", association=world.association_a
            ),
        )
        refused(
            IntegrityError,
            lambda: Invitation.objects.create(
                email="x@test.example", name="", role="member", local_government=world.lg1
            ),
        )

    def test_a_programme_cannot_end_before_it_starts(self, world):
        refused(
            IntegrityError,
            lambda: Programme.objects.create(
                association=world.association_a,
                name="Backwards",
                slug="backwards",
                starts_on="2024-01-01",
                ends_on="2023-01-01",
            ),
        )


@pytest.mark.django_db
class TestModelValidationMessages:
    """`full_clean()` names the field and says what is wrong: what the admin
    and the services show."""

    def errors(self, instance):
        with pytest.raises(ValidationError) as caught:
            instance.full_clean()
        return caught.value.message_dict

    def test_local_government(self):
        errors = self.errors(lg(name="", population=-5, country="ZZ"))
        assert errors["name"] == ["This field cannot be blank."]
        assert errors["population"] == ["Ensure this value is greater than or equal to 0."]
        assert "Value 'ZZ' is not a valid choice." in errors["country"]

    def test_over_long_name(self):
        errors = self.errors(lg(name="x" * 201))
        assert errors["name"] == ["Ensure this value has at most 200 characters (it has 201)."]

    def test_person_with_two_employers(self, world):
        person = Person(
            name="Both",
            role="employee",
            local_government=world.lg1,
            association=world.association_a,
        )
        errors = self.errors(person)
        assert errors["__all__"] == [
            "A person works for a local government or an association, not both."
        ]

    def test_expertise_years(self, world):
        gis = Topic.objects.get(code="planning.gis")
        errors = self.errors(Expertise(person=world.people["member"], topic=gis, years=80))
        assert errors["years"] == ["Ensure this value is less than or equal to 70."]

    def test_a_topic_is_not_a_thematic_area(self):
        gis = Topic.objects.get(code="planning.gis")
        child = Topic(code="planning.gis.deeper", label_en="Deeper", parent=gis)
        assert self.errors(child)["parent"] == [
            "Choose a thematic area, not a topic, as the parent."
        ]

    def test_arabic_and_emoji_are_valid_text(self):
        row = lg(name="بلدية الخليل 🌳", name_local="بلدية الخليل", slug="hebron-ar")
        row.full_clean()
        row.save()
        row.refresh_from_db()
        assert row.name == "بلدية الخليل 🌳"

    def test_labels_fall_back_to_english(self):
        topic = Topic(code="x", label_en="Waste", label_ar="")
        with translation.override("ar"):
            assert topic.label == "Waste"
            topic.label_ar = "النفايات"
            assert topic.label == "النفايات"


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Stjørdal kommune", "stjordal-kommune"),
        ("Kadıköy Belediyesi", "kadikoy-belediyesi"),
        ("Ål Municipality", "al-municipality"),
        ("Santiago Atitlán", "santiago-atitlan"),
    ],
)
def test_slugs_are_ascii(name, slug):
    assert slug_for(name) == slug
