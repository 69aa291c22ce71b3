"""The directory lists coordinators work with: filters, sorting, pages and the
CSV export, which carries no contact details and cannot smuggle a formula
into a spreadsheet."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.conf import settings
from django.urls import reverse

from peerlearn.directory.models import Language, LocalGovernment, Topic
from peerlearn.lists import safe_cell

pytestmark = pytest.mark.django_db

LGS = reverse("directory:local_governments")
EXPERTS = reverse("directory:experts")


def names_on_page(response):
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content).decode("utf-8")
    # The byte-order mark lets spreadsheet programs read Arabic as UTF-8.
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def lg_names(world, query, role="anonymous"):
    return names_on_page(world.client(role).get(LGS + query))


def expert_names(world, query, role="anonymous"):
    return names_on_page(world.client(role).get(EXPERTS + query))


class TestLocalGovernmentFilters:
    def test_no_filter_lists_all_by_name(self, world):
        assert lg_names(world, "") == ["Hebron Test", "Jenin Test", "Stord Test"]

    def test_country(self, world):
        assert lg_names(world, "?country=NO") == ["Stord Test"]

    def test_kind(self, world):
        assert lg_names(world, "?kind=city") == ["Hebron Test"]

    def test_association(self, world):
        assert lg_names(world, f"?association={world.association_a.pk}") == [
            "Hebron Test",
            "Jenin Test",
        ]

    def test_topic(self, world):
        waste = Topic.objects.get(code="environment.solid_waste")
        assert lg_names(world, f"?topic={waste.code}") == ["Jenin Test"]

    def test_a_thematic_area_means_all_its_topics(self, world):
        environment = Topic.objects.get(code="environment")
        assert environment.parent is None
        assert lg_names(world, f"?topic={environment.code}") == ["Jenin Test"]

    def test_name_search_covers_the_local_name(self, world):
        LocalGovernment.objects.filter(pk=world.lg1.pk).update(name_local="بلدية الخليل")
        assert lg_names(world, "?q=jenin") == ["Jenin Test"]
        assert lg_names(world, "?q=الخليل") == ["Hebron Test"]

    def test_filters_combine(self, world):
        query = f"?association={world.association_a.pk}&kind=municipality&country=PS"
        assert lg_names(world, query) == ["Jenin Test"]

    def test_the_country_choices_are_only_countries_in_the_directory(self, world):
        page = world.client("anonymous").get(LGS).content.decode()
        assert '<option value="NO">' in page
        assert '<option value="FR">' not in page

    def test_an_unknown_filter_value_says_so_and_lists_nothing(self, world):
        response = world.client("anonymous").get(LGS + "?country=ZZ")
        assert response.status_code == 200
        assert "Some filters were not understood; please choose again." in (
            response.content.decode()
        )
        assert names_on_page(response) == []

    @pytest.mark.parametrize(
        ("sort", "expected"),
        [
            ("name", ["Hebron Test", "Jenin Test", "Stord Test"]),
            ("-name", ["Stord Test", "Jenin Test", "Hebron Test"]),
            ("population", ["Stord Test", "Jenin Test", "Hebron Test"]),
            ("-population", ["Hebron Test", "Jenin Test", "Stord Test"]),
            ("-country", ["Hebron Test", "Jenin Test", "Stord Test"]),
        ],
    )
    def test_sorting(self, world, sort, expected):
        assert lg_names(world, f"?sort={sort}") == expected


class TestPagination:
    @pytest.fixture
    def many(self, world):
        # Stored in reverse order of name, so that insertion order is not name order.
        LocalGovernment.objects.bulk_create(
            LocalGovernment(
                name=f"Town {i:02}", slug=f"town-{i:02}", kind="village_council", country="PS"
            )
            for i in reversed(range(30))
        )

    def test_pages_keep_the_filters(self, world, many):
        client = world.client("anonymous")
        first = client.get(LGS + "?kind=village_council&sort=-name")
        assert names_on_page(first)[:2] == ["Town 29", "Town 28"]
        assert len(names_on_page(first)) == settings.DIRECTORY_PAGE_SIZE
        page = first.content.decode()
        assert "Page 1 of 2" in page
        assert 'href="?kind=village_council&amp;sort=-name&amp;page=2"' in page
        second = client.get(LGS + "?kind=village_council&sort=-name&page=2")
        assert names_on_page(second) == [f"Town {i:02}" for i in range(4, -1, -1)]
        assert "30 local governments found" in second.content.decode()

    def test_a_sort_on_a_shared_value_breaks_ties_by_name(self, world, many):
        # Every town has the same country: without a tie-breaker the database
        # may return them in any order, and page 2 repeat some of page 1.
        client = world.client("anonymous")
        query = LGS + "?kind=village_council&sort=country"
        shown = names_on_page(client.get(query)) + names_on_page(client.get(query + "&page=2"))
        assert shown == [f"Town {i:02}" for i in range(30)]

    def test_the_export_is_not_paginated(self, world, many):
        rows = csv_rows(world.client("anonymous").get(LGS + "?export=csv&page=2"))
        assert len(rows) == 1 + 33


class TestLocalGovernmentExport:
    def test_content(self, world):
        LocalGovernment.objects.filter(pk=world.lg1.pk).update(
            name_local="بلدية الخليل", website="https://hebron.example"
        )
        response = world.client("anonymous").get(LGS + "?export=csv")
        assert response["Content-Disposition"] == 'attachment; filename="local-governments.csv"'
        rows = csv_rows(response)
        assert rows[0] == [
            "Name",
            "Name in the local script",
            "Kind",
            "Country",
            "Region or governorate",
            "Population",
            "Associations",
            "Website",
        ]
        assert rows[1] == [
            "Hebron Test",
            "بلدية الخليل",
            "city",
            "Palestine",
            "Hebron",
            "215000",
            "AA",
            "https://hebron.example",
        ]
        assert [r[0] for r in rows[1:]] == ["Hebron Test", "Jenin Test", "Stord Test"]

    def test_the_export_follows_the_filters_and_sorting(self, world):
        rows = csv_rows(
            world.client("anonymous").get(LGS + "?country=PS&sort=-population&export=csv")
        )
        assert [r[0] for r in rows[1:]] == ["Hebron Test", "Jenin Test"]

    @pytest.mark.parametrize(
        "dangerous", ['=HYPERLINK("http://evil.example","x")', "+1+2", "-1+2", "@SUM(A1)"]
    )
    def test_a_cell_that_would_run_as_a_formula_is_defused(self, world, dangerous):
        LocalGovernment.objects.filter(pk=world.lg1.pk).update(name=dangerous, region=dangerous)
        rows = csv_rows(world.client("anonymous").get(LGS + "?export=csv&country=PS&kind=city"))
        assert rows[1][0] == "'" + dangerous
        assert rows[1][4] == "'" + dangerous

    def test_safe_cell(self):
        assert safe_cell("=1+1") == "'=1+1"
        assert safe_cell("\t=1") == "'\t=1"
        assert safe_cell("a=1") == "a=1"
        assert safe_cell(None) == ""
        assert safe_cell(5) == "5"


class TestExperts:
    def test_visitors_see_only_public_profiles(self, world):
        assert expert_names(world, "") == ["Person expert"]

    def test_signed_in_users_see_everyone_with_expertise(self, world):
        assert expert_names(world, "", role="member") == ["Person expert", "Person hidden"]

    def test_filters(self, world):
        planning = Topic.objects.get(code="planning")
        gis = Topic.objects.get(code="planning.gis")
        arabic = Language.objects.get(code="ar")
        assert expert_names(world, f"?topic={planning.code}", "member") == ["Person hidden"]
        assert expert_names(world, f"?topic={gis.code}", "member") == ["Person hidden"]
        assert expert_names(world, f"?topic={planning.code}") == []
        assert expert_names(world, "?country=NO", "member") == ["Person hidden"]
        assert expert_names(world, "?q=hidden", "member") == ["Person hidden"]
        assert expert_names(world, f"?language={arabic.code}&role=employee", "member") == [
            "Person expert",
            "Person hidden",
        ]
        assert expert_names(world, "?role=elected", "member") == []
        assert expert_names(world, "?sort=-name", "member") == ["Person hidden", "Person expert"]

    @pytest.mark.parametrize("role", ["anonymous", "member", "admin"])
    def test_the_export_has_no_contact_details(self, world, role):
        response = world.client(role).get(EXPERTS + "?export=csv")
        assert response["Content-Disposition"] == 'attachment; filename="experts.csv"'
        rows = csv_rows(response)
        assert rows[0] == [
            "Name",
            "Position",
            "Role",
            "Local government or association",
            "Country",
            "Working languages",
            "Expertise (years)",
        ]
        text = repr(rows)
        assert "@" not in text
        assert "000 0000" not in text
        expected = ["Person expert"] if role == "anonymous" else ["Person expert", "Person hidden"]
        assert [r[0] for r in rows[1:]] == expected
        assert rows[1][3:] == [
            "Jenin Test",
            "Palestine",
            "Arabic, English",
            "Solid waste management and recycling (8)",
        ]


def test_the_topic_filter_does_not_reveal_private_profiles_to_visitors(world):
    # Only the non-public person at LG3 knows GIS.
    gis = Topic.objects.get(code="planning.gis")
    url = reverse("directory:local_governments") + f"?topic={gis.code}"
    assert world.lg3.name not in world.client("anonymous").get(url).content.decode()
    assert world.lg3.name in world.client("member").get(url).content.decode()
    home = world.client("anonymous").get(reverse("home")).content.decode()
    assert "<strong>1</strong> person with expertise" in home


@pytest.mark.parametrize("page", ["99999999999", "abc", "0", "-1"])
def test_a_page_number_out_of_range_shows_the_nearest_page(world, page):
    response = world.client("anonymous").get(
        reverse("directory:local_governments") + f"?page={page}"
    )
    assert response.status_code == 200
    assert world.lg1.name in response.content.decode()


def test_the_home_page_topic_search_leads_to_the_filtered_experts(world):
    from django.test import Client

    home = Client().get(reverse("home")).content.decode()
    search = home[home.index('id="home-topic"') :]
    codes = re.findall(r'<option value="([^"]+)">', search)
    assert "environment.solid_waste" in codes
    response = Client().get(reverse("directory:experts") + "?topic=environment.solid_waste")
    assert response.status_code == 200
    assert "Person expert" in response.content.decode()
