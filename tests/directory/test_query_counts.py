"""The directory's pages and API lists answer in a bounded number of SQL
queries whatever the size of the directory: nothing is queried once per row
(N+1). Each page is asked for on a synthetic directory, then on one twice as
large; its number of queries must stay the same and under the page's bound."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django import forms
from django.db import connection
from django.db.models import Count, Q
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertHTMLEqual

from peerlearn.accounts.models import User
from peerlearn.directory import synthetic
from peerlearn.directory.filters import ExpertFilter, LocalGovernmentFilter, QuickSelect
from peerlearn.directory.models import Association, Language, LocalGovernment, Person, Topic

LOCAL_GOVERNMENTS = 60
PEOPLE = 200
SEED = 11


@dataclass(frozen=True)
class Sample:
    """The values the pages are asked about: the busiest of each kind, so that
    every list has rows and every detail page has related rows to show."""

    country: str
    kind: str
    association: Association
    area: Topic
    topic: Topic
    language: Language
    local_government: LocalGovernment
    person: Person
    name_fragment: str

    @classmethod
    def busiest(cls) -> Sample:
        lgs = synthetic.synthetic_local_governments()
        country = lgs.values("country").annotate(n=Count("id")).order_by("-n", "country")[0]
        kind = lgs.values("kind").annotate(n=Count("id")).order_by("-n", "kind")[0]
        topic = (
            Topic.objects.filter(parent__isnull=False)
            .annotate(n=Count("expertise"))
            .order_by("-n", "code")
            .select_related("parent")[0]
        )
        assert topic.parent is not None
        local_government = lgs.annotate(
            n=Count("people", filter=Q(people__is_public=True))
        ).order_by("-n", "slug")[0]
        return cls(
            country=str(country["country"]),
            kind=str(kind["kind"]),
            association=Association.objects.annotate(n=Count("members")).order_by("-n", "pk")[0],
            area=topic.parent,
            topic=topic,
            language=Language.objects.annotate(n=Count("people")).order_by("-n", "code")[0],
            local_government=local_government,
            person=synthetic.synthetic_people()
            .filter(is_public=True)
            .annotate(n=Count("expertise"))
            .order_by("-n", "pk")[0],
            name_fragment=local_government.name[:3],
        )


@dataclass(frozen=True)
class Page:
    name: str
    address: Callable[[Sample], str]
    # For a visitor; a signed-in member adds the SIGNED_IN queries.
    max_queries: int


# The session, the user, their roles and their unread notifications.
SIGNED_IN = 7


def _lgs(query: str = "") -> Callable[[Sample], str]:
    return lambda s: reverse("directory:local_governments") + query.format(s=s)


def _experts(query: str = "") -> Callable[[Sample], str]:
    return lambda s: reverse("directory:experts") + query.format(s=s)


def _api(name: str, query: str = "") -> Callable[[Sample], str]:
    return lambda s: reverse(f"api:{name}") + query.format(s=s)


# A page that queried once per row would exceed its bound by the size of a
# page (25 rows) or, for a detail page, by the number of related rows.
PAGES = [
    Page("home", lambda s: reverse("home"), 11),
    Page("local governments", _lgs(), 8),
    Page("local governments by country", _lgs("?country={s.country}"), 9),
    Page("local governments by kind", _lgs("?kind={s.kind}"), 8),
    Page("local governments by association", _lgs("?association={s.association.pk}"), 9),
    Page("local governments by thematic area", _lgs("?topic={s.area.code}"), 10),
    Page("local governments by topic", _lgs("?topic={s.topic.code}"), 9),
    Page("local governments by name", _lgs("?q={s.name_fragment}"), 8),
    Page("local governments by population", _lgs("?sort=-population"), 8),
    Page("local governments in country order", _lgs("?sort=country"), 8),
    Page("local governments, page 2", _lgs("?page=2"), 8),
    Page(
        "local governments, every filter",
        _lgs(
            "?country={s.country}&kind={s.kind}&association={s.association.pk}"
            "&topic={s.area.code}&q=a&sort=-name"
        ),
        10,
    ),
    Page("local governments as CSV", _lgs("?export=csv"), 4),
    Page("experts", _experts(), 9),
    Page("experts by thematic area", _experts("?topic={s.area.code}"), 11),
    Page("experts by topic", _experts("?topic={s.topic.code}"), 10),
    Page("experts by language", _experts("?language={s.language.code}"), 10),
    Page("experts by country", _experts("?country={s.country}"), 10),
    Page("experts by role", _experts("?role=employee"), 9),
    Page("experts by name", _experts("?q=a"), 9),
    Page("experts recently updated", _experts("?sort=-updated"), 9),
    Page("experts, page 2", _experts("?page=2"), 9),
    Page("experts as CSV", _experts("?export=csv"), 5),
    Page("local government", lambda s: s.local_government.get_absolute_url(), 11),
    Page("person", lambda s: s.person.get_absolute_url(), 5),
    Page("associations", lambda s: reverse("directory:associations"), 3),
    Page("association", lambda s: s.association.get_absolute_url(), 7),
    Page("topics", lambda s: reverse("directory:topics"), 5),
    Page("API: local governments", _api("localgovernment-list"), 5),
    Page(
        "API: local governments by topic", _api("localgovernment-list", "?topic={s.topic.code}"), 6
    ),
    Page("API: people", _api("person-list"), 6),
    Page("API: people by thematic area", _api("person-list", "?topic={s.area.code}"), 8),
    Page("API: person", lambda s: reverse("api:person-detail", args=[s.person.pk]), 5),
    Page("API: associations", _api("association-list"), 4),
    Page("API: topics", _api("topic-list"), 3),
]


def count_queries(client: Client, address: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response: Any = client.get(address)
        if response.streaming:
            # A CSV export queries while it streams.
            b"".join(response.streaming_content)
    assert response.status_code == 200, address
    return len(queries)


def grow_directory() -> None:
    """Adds as many local governments and people as the first run made; the
    people are spread over all synthetic local governments, old and new."""
    synthetic.generate(local_governments=LOCAL_GOVERNMENTS, people=0, seed=SEED)
    synthetic.generate(local_governments=0, people=PEOPLE, seed=SEED)


def client_for(viewer: str) -> Client:
    client = Client()
    if viewer == "member":
        user = User.objects.create_user(email="member@test.example", password="x-long-password")
        Person.objects.create(
            name="Member Test",
            user=user,
            role="employee",
            local_government=synthetic.synthetic_local_governments().order_by("slug")[0],
        )
        client.force_login(user)
    return client


@pytest.mark.parametrize("viewer", ["anonymous", "member"])
def test_pages_ask_a_bounded_number_of_queries(
    viewer: str, db: Any, django_assert_max_num_queries: Any
) -> None:
    synthetic.generate(local_governments=LOCAL_GOVERNMENTS, people=PEOPLE, seed=SEED)
    client = client_for(viewer)
    sample = Sample.busiest()
    small = {page.name: count_queries(client, page.address(sample)) for page in PAGES}

    grow_directory()
    assert LocalGovernment.objects.count() >= 2 * LOCAL_GOVERNMENTS
    sample = Sample.busiest()
    large: dict[str, int] = {}
    allowance = SIGNED_IN if viewer == "member" else 0
    for page in PAGES:
        with django_assert_max_num_queries(page.max_queries + allowance, info=page.name):
            large[page.name] = count_queries(client, page.address(sample))

    grew = {name: (small[name], large[name]) for name in small if large[name] != small[name]}
    assert not grew, f"queries per page (small, twice as large) for {viewer}: {grew}"


@pytest.mark.parametrize("filterset_class", [LocalGovernmentFilter, ExpertFilter])
@pytest.mark.parametrize("bound", [False, True])
def test_quick_selects_write_what_django_writes(
    filterset_class: Any, bound: bool, world: Any
) -> None:
    """The filters' selects are written without Django's per-option templates
    (see QuickSelect); the page must not change."""
    data = {"country": "PS", "topic": Topic.objects.order_by("pk")[0].code}
    form = filterset_class(
        data if bound else None, queryset=filterset_class._meta.model.objects
    ).form
    quick = [name for name, field in form.fields.items() if isinstance(field.widget, QuickSelect)]
    assert {"country", "topic"} <= set(quick)
    for name in quick:
        field = form.fields[name]
        django_select = forms.Select(attrs=field.widget.attrs, choices=field.widget.choices)
        assertHTMLEqual(str(form[name]), form[name].as_widget(widget=django_select))
