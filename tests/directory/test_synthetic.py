"""`manage.py generate_synthetic`: the synthetic directory for scale tests."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from peerlearn.directory import demo, synthetic
from peerlearn.directory.models import (
    Association,
    AssociationMembership,
    Expertise,
    LocalGovernment,
    Person,
    Topic,
)

pytestmark = pytest.mark.django_db


def generate(*args: str, **options: Any) -> str:
    out = io.StringIO()
    call_command("generate_synthetic", *args, stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every synthetic row by its natural keys (ids differ between runs)."""
    lgs = synthetic.synthetic_local_governments()
    people = synthetic.synthetic_people()
    return {
        "local governments": list(
            lgs.order_by("slug").values_list(
                "slug", "name", "name_local", "kind", "country", "region", "population", "website"
            )
        ),
        "memberships": list(
            AssociationMembership.objects.filter(local_government__in=lgs)
            .order_by("local_government__slug", "association__acronym")
            .values_list("local_government__slug", "association__acronym", "since")
        ),
        "official languages": list(
            lgs.filter(official_languages__isnull=False)
            .order_by("slug", "official_languages__code")
            .values_list("slug", "official_languages__code")
        ),
        "departments": list(
            lgs.filter(departments__isnull=False)
            .order_by("slug", "departments__code")
            .values_list("slug", "departments__code")
        ),
        "people": list(
            people.order_by("email").values_list(
                "email",
                "name",
                "position",
                "role",
                "phone",
                "is_public",
                "local_government__slug",
                "association__acronym",
                "department__code",
            )
        ),
        "working languages": list(
            people.order_by("email", "languages__code").values_list("email", "languages__code")
        ),
        "expertise": list(
            Expertise.objects.filter(person__in=people)
            .order_by("person__email", "topic__code")
            .values_list("person__email", "topic__code", "years")
        ),
    }


def table_sizes() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Association, AssociationMembership, LocalGovernment, Person, Expertise)
    }


def test_generates_the_requested_numbers() -> None:
    output = generate("--local-governments", "40", "--people", "150", "--seed", "3")

    assert synthetic.synthetic_local_governments().count() == 40
    assert synthetic.synthetic_people().count() == 150
    assert "40 local governments" in output
    assert "150 people" in output


def test_the_directory_looks_like_a_real_one() -> None:
    generate("--local-governments", "120", "--people", "400", "--seed", "5")
    lgs = synthetic.synthetic_local_governments()
    people = synthetic.synthetic_people()

    assert lgs.values("country").distinct().count() >= 20
    assert lgs.values("kind").distinct().count() >= 4
    assert lgs.exclude(region="").exists()
    populations = sorted(p for p in lgs.values_list("population", flat=True) if p is not None)
    assert populations[-1] > 50 * populations[len(populations) // 2]
    assert lgs.values("name").distinct().count() == 120
    assert all(slug.startswith("syn-") for slug in lgs.values_list("slug", flat=True))
    # A blank directory gets a few synthetic associations to be a member of.
    assert synthetic.synthetic_associations().exists()
    assert AssociationMembership.objects.filter(local_government__in=lgs).exists()

    assert all(e.endswith(".example") for e in people.values_list("email", flat=True))
    assert people.values("email").distinct().count() == 400
    languages = people.annotate(n=Count("languages")).values_list("n", flat=True)
    assert set(languages) <= {1, 2, 3}
    assert len(set(languages)) > 1
    expertise = people.annotate(n=Count("expertise")).values_list("n", flat=True)
    assert set(expertise) <= {0, 1, 2, 3, 4}
    assert {0, 1, 2} <= set(expertise)
    assert Expertise.objects.filter(person__in=people, topic__parent__isnull=False).exists()
    assert people.filter(is_public=True).exists()
    assert people.filter(is_public=False).exists()
    assert people.values("role").distinct().count() == 3
    assert not people.filter(local_government__isnull=True, association__isnull=True).exists()


def test_the_same_seed_gives_the_same_directory() -> None:
    generate("--local-governments", "30", "--people", "100", "--seed", "7")
    first = snapshot()

    generate("--local-governments", "30", "--people", "100", "--seed", "7", "--replace")
    assert snapshot() == first

    generate("--local-governments", "30", "--people", "100", "--seed", "8", "--replace")
    assert snapshot() != first


def test_a_second_run_adds_rows_without_clashing() -> None:
    generate("--local-governments", "30", "--people", "100", "--seed", "7")
    generate("--local-governments", "30", "--people", "100", "--seed", "7")
    generate("--people", "50", "--seed", "7")

    lgs = synthetic.synthetic_local_governments()
    people = synthetic.synthetic_people()
    assert lgs.count() == 60
    assert lgs.values("name").distinct().count() == 60
    assert people.count() == 250
    assert people.values("email").distinct().count() == 250


def test_replace_removes_the_previous_synthetic_rows() -> None:
    generate("--local-governments", "30", "--people", "100")
    generate("--local-governments", "10", "--people", "20", "--replace")

    assert synthetic.synthetic_local_governments().count() == 10
    assert synthetic.synthetic_people().count() == 20


def test_rows_satisfy_the_model_constraints() -> None:
    generate("--local-governments", "50", "--people", "200", "--seed", "9")
    lgs = synthetic.synthetic_local_governments()
    people = synthetic.synthetic_people()

    samples: list[Any] = [
        *lgs.order_by("?")[:25],
        *people.order_by("?")[:50],
        *Expertise.objects.filter(person__in=people).order_by("?")[:50],
        *AssociationMembership.objects.filter(local_government__in=lgs).order_by("?")[:25],
        *synthetic.synthetic_associations(),
    ]
    for row in samples:
        row.full_clean()


def test_lives_beside_the_demo_data() -> None:
    demo.load(say=lambda _text: None)
    demo_sizes = table_sizes()

    generate("--local-governments", "30", "--people", "100")
    # The demo's associations are there: no synthetic ones are needed.
    assert not synthetic.synthetic_associations().exists()
    assert AssociationMembership.objects.filter(
        local_government__in=synthetic.synthetic_local_governments()
    ).exists()
    demo.load(say=lambda _text: None)

    generate("--replace")
    assert table_sizes() == demo_sizes


def test_a_real_place_whose_name_begins_with_syn_is_not_synthetic() -> None:
    real = LocalGovernment.objects.create(
        name="Syn City", slug="syn-city", kind="city", country="NO"
    )
    generate("--local-governments", "5")
    generate("--local-governments", "5")
    assert synthetic.synthetic_local_governments().count() == 10

    generate("--replace")
    assert LocalGovernment.objects.get() == real


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--local-governments", "-1"), "cannot be negative"),
        (("--people", "-5"), "cannot be negative"),
        (("--local-governments", "5", "--batch-size", "0"), "batch size"),
        (("--people", "10", "--replace"), "local governments"),
    ],
)
def test_refuses_an_impossible_request_and_writes_nothing(
    args: tuple[str, ...], message: str
) -> None:
    generate("--local-governments", "10", "--people", "20")
    before = snapshot(), table_sizes()

    with pytest.raises(CommandError, match=message):
        generate(*args)
    assert (snapshot(), table_sizes()) == before


def test_people_need_local_governments() -> None:
    with pytest.raises(CommandError, match="local governments"):
        generate("--people", "10")
    assert not Person.objects.exists()


def test_shows_progress_on_stderr_only() -> None:
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "generate_synthetic", "--local-governments", "5", "--people", "5", stdout=out, stderr=err
    )
    assert "100%" in err.getvalue()
    assert "%" not in out.getvalue()

    quiet = io.StringIO()
    call_command(
        "generate_synthetic", "--people", "5", stdout=io.StringIO(), stderr=quiet, verbosity=0
    )
    assert quiet.getvalue() == ""


def test_expertise_is_on_real_topics() -> None:
    generate("--local-governments", "10", "--people", "60")
    used = set(
        Expertise.objects.filter(person__in=synthetic.synthetic_people()).values_list(
            "topic_id", flat=True
        )
    )
    assert used
    assert used <= set(Topic.objects.values_list("pk", flat=True))
