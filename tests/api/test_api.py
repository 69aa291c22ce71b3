"""The read-only API: the same rules as the pages — visitors see public
profiles only, contact details only on a single person for viewers entitled
to them — and nothing can be written through it."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from peerlearn.directory.models import LocalGovernment, Person, Topic
from tests.conftest import ROLES
from tests.helpers import state

pytestmark = pytest.mark.django_db


def get(world, role, name, **kwargs):
    query = kwargs.pop("query", "")
    response = world.client(role).get(reverse(name, kwargs=kwargs or None) + query)
    return response


class TestReading:
    def test_local_governments(self, world):
        response = get(world, "anonymous", "api:localgovernment-list")
        assert response.status_code == 200
        data = response.json()
        assert data["count"] == 3
        first = data["results"][0]
        assert first == {
            "url": "http://testserver/api/local-governments/lg1/",
            "slug": "lg1",
            "name": "Hebron Test",
            "name_local": "",
            "kind": "city",
            "country": "PS",
            "region": "Hebron",
            "population": 215000,
            "website": "",
            "associations": ["AA"],
        }
        detail = get(world, "anonymous", "api:localgovernment-detail", slug="lg1").json()
        assert detail == first

    def test_filters_work_as_on_the_pages(self, world):
        data = get(world, "anonymous", "api:localgovernment-list", query="?country=NO").json()
        assert [lg["slug"] for lg in data["results"]] == ["lg3"]
        data = get(world, "anonymous", "api:localgovernment-list", query="?sort=-population")
        assert [lg["slug"] for lg in data.json()["results"]] == ["lg1", "lg2", "lg3"]

    def test_topics_and_languages_are_filtered_by_their_codes(self, world):
        data = get(world, "member", "api:person-list", query="?topic=planning&language=ar").json()
        assert [p["name"] for p in data["results"]] == ["Person hidden"]
        response = get(world, "anonymous", "api:localgovernment-list", query="?topic=no.such")
        assert response.status_code == 400
        assert "topic" in response.json()

    def test_associations_with_their_programmes(self, world):
        data = get(world, "anonymous", "api:association-detail", slug="aa").json()
        assert data["acronym"] == "AA"
        assert [p["slug"] for p in data["programmes"]] == ["hubs"]

    def test_topics_by_code(self, world):
        data = get(world, "anonymous", "api:topic-detail", code="planning.gis").json()
        assert data["code"] == "planning.gis"
        assert data["parent"] == "planning"
        assert data["labels"]["en"] == Topic.objects.get(code="planning.gis").label_en

    def test_unknown_objects_are_404(self, world):
        assert get(world, "admin", "api:localgovernment-detail", slug="nowhere").status_code == 404
        assert get(world, "admin", "api:person-detail", pk=999999).status_code == 404


class TestPeople:
    def test_visitors_see_only_public_people(self, world):
        data = get(world, "anonymous", "api:person-list").json()
        assert [p["name"] for p in data["results"]] == ["Person expert"]
        for key in ("member", "hidden"):
            pk = world.people[key].pk
            assert get(world, "anonymous", "api:person-detail", pk=pk).status_code == 404

    def test_signed_in_users_see_everyone_with_expertise(self, world):
        data = get(world, "member", "api:person-list").json()
        assert [p["name"] for p in data["results"]] == ["Person expert", "Person hidden"]

    @pytest.mark.parametrize("role", ROLES)
    def test_the_list_never_carries_contact_details(self, world, role):
        body = get(world, role, "api:person-list").content.decode()
        assert "@contact.example" not in body
        assert "000 0000" not in body
        assert '"contact"' not in body

    @pytest.mark.parametrize(
        ("role", "person", "visible"),
        [
            ("anonymous", "expert", False),
            ("member", "expert", True),
            ("member", "hidden", False),
            ("other_focal_point", "member", False),
            ("other_focal_point", "hidden", True),
            ("focal_point", "member", True),
            ("coordinator", "member", True),
            ("coordinator", "hidden", False),
            ("admin", "hidden", True),
            ("member", "member", True),
        ],
    )
    def test_contact_details_on_a_single_person(self, world, role, person, visible):
        target = world.people[person]
        response = get(world, role, "api:person-detail", pk=target.pk)
        assert response.status_code == 200
        contact = response.json()["contact"]
        if visible:
            assert contact == {"email": target.email, "phone": target.phone}
        else:
            assert contact is None
            assert target.email not in response.content.decode()

    def test_expertise_and_languages(self, world):
        data = get(world, "anonymous", "api:person-detail", pk=world.people["expert"].pk).json()
        assert data["expertise"] == [
            {"topic": "environment.solid_waste", "years": 8, "summary": "Sorting at source"}
        ]
        assert sorted(data["languages"]) == ["ar", "en"]
        assert data["local_government"] == "lg2"


WRITES = [
    ("post", "api:localgovernment-list", {}),
    ("put", "api:localgovernment-detail", {"slug": "lg1"}),
    ("patch", "api:localgovernment-detail", {"slug": "lg1"}),
    ("delete", "api:localgovernment-detail", {"slug": "lg1"}),
    ("post", "api:person-list", {}),
    ("patch", "api:person-detail", {"pk": "member"}),
    ("delete", "api:person-detail", {"pk": "member"}),
    ("post", "api:topic-list", {}),
    ("delete", "api:association-detail", {"slug": "aa"}),
]


@pytest.mark.parametrize("role", ROLES)
def test_nothing_can_be_written(world, role):
    client = world.client(role)
    before = (state(world.lg1), state(world.people["member"]), Person.objects.count())
    lg_count = LocalGovernment.objects.count()
    for method, name, kwargs in WRITES:
        if kwargs.get("pk") == "member":
            kwargs = {"pk": world.people["member"].pk}
        response = getattr(client, method)(
            reverse(name, kwargs=kwargs or None),
            data=json.dumps({"name": "Hacked", "population": 1}),
            content_type="application/json",
        )
        assert response.status_code in (403, 405), (method, name, response.status_code)
    assert (state(world.lg1), state(world.people["member"]), Person.objects.count()) == before
    assert LocalGovernment.objects.count() == lg_count


def test_the_openapi_schema_is_served(world):
    response = world.client("anonymous").get(reverse("api:schema"), HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "PeerLearn API"
    for path in (
        "/api/local-governments/",
        "/api/local-governments/{slug}/",
        "/api/people/",
        "/api/people/{id}/",
        "/api/topics/",
        "/api/associations/",
    ):
        assert path in schema["paths"], path
    # Read-only: no operation writes.
    methods = {m for item in schema["paths"].values() for m in item}
    assert methods <= {"get", "parameters"}


def test_the_schema_is_yaml_by_default(world):
    response = world.client("anonymous").get(reverse("api:schema"))
    assert response.status_code == 200
    assert response.content.startswith(b"openapi: 3.")
