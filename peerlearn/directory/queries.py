"""Read queries of the directory pages, each shaped to a bounded number of SQL
queries per page whatever the size of the directory."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet
from django_countries import countries

from peerlearn.directory.models import (
    Association,
    AssociationMembership,
    Expertise,
    LocalGovernment,
    Person,
    Programme,
    Topic,
)


def topic_and_descendants(topic: Topic) -> list[int]:
    """A thematic area stands for all its topics."""
    if topic.parent_id is None:
        return [topic.pk, *Topic.objects.filter(parent=topic).values_list("pk", flat=True)]
    return [topic.pk]


def visible_people(viewer: Any) -> QuerySet[Person]:
    """People whose profile the viewer may see; mirrors the rule
    `directory.view_person` (public profiles, or any profile when signed in)."""
    if getattr(viewer, "is_authenticated", False) and viewer.is_active:
        return Person.objects.all()
    return Person.objects.filter(is_public=True)


def local_governments_for_list() -> QuerySet[LocalGovernment]:
    return LocalGovernment.objects.prefetch_related(
        Prefetch("associations", queryset=Association.objects.only("id", "acronym", "slug"))
    )


def with_expertise_in(people: QuerySet[Person], topic: Topic) -> QuerySet[Person]:
    return people.filter(
        Exists(
            Expertise.objects.filter(
                person=OuterRef("pk"), topic_id__in=topic_and_descendants(topic)
            )
        )
    )


def local_governments_with_expertise_in(
    lgs: QuerySet[LocalGovernment], topic: Topic
) -> QuerySet[LocalGovernment]:
    return lgs.filter(
        Exists(
            Expertise.objects.filter(
                person__local_government=OuterRef("pk"),
                topic_id__in=topic_and_descendants(topic),
            )
        )
    )


def experts_for_list(viewer: Any) -> QuerySet[Person]:
    return (
        visible_people(viewer)
        .filter(Exists(Expertise.objects.filter(person=OuterRef("pk"))))
        .select_related("local_government", "association", "department")
        .prefetch_related(
            Prefetch(
                "expertise",
                queryset=Expertise.objects.select_related("topic", "topic__parent").order_by(
                    "-years", "topic__code"
                ),
            ),
            "languages",
        )
    )


def local_government_page(lg: LocalGovernment, viewer: Any) -> dict[str, Any]:
    people = (
        visible_people(viewer)
        .filter(local_government=lg)
        .select_related("department")
        .prefetch_related(
            Prefetch("expertise", queryset=Expertise.objects.select_related("topic")),
            "languages",
        )
        .order_by("name")
    )
    expertise_by_topic = (
        Expertise.objects.filter(person__in=people)
        .values("topic")
        .annotate(people=Count("person", distinct=True))
        .order_by("-people")
    )
    topics = {
        t.pk: t for t in Topic.objects.filter(pk__in=[e["topic"] for e in expertise_by_topic])
    }
    return {
        "people": people,
        "expertise_summary": [(topics[e["topic"]], e["people"]) for e in expertise_by_topic],
        "memberships": AssociationMembership.objects.filter(local_government=lg)
        .select_related("association")
        .order_by("association__acronym"),
        "departments": lg.departments.all(),
        "official_languages": lg.official_languages.all(),
    }


def association_page(association: Association) -> dict[str, Any]:
    return {
        "programmes": association.programmes.all(),
        "member_associations": association.member_associations.all(),
        "networks": association.networks.all(),
        "member_countries": [
            {"country": row["country"], "name": countries.name(row["country"]), "n": row["n"]}
            for row in association.members.values("country").annotate(n=Count("id")).order_by("-n")
        ],
    }


def associations_for_list() -> QuerySet[Association]:
    return Association.objects.annotate(
        member_count=Count("members", distinct=True),
        programme_count=Count("programmes", distinct=True),
    )


def programmes_of(association: Association) -> QuerySet[Programme]:
    return association.programmes.prefetch_related("methodologies", "topics")


def taxonomy_with_counts(viewer: Any) -> list[tuple[Topic, list[tuple[Topic, int]]]]:
    """Thematic areas with their topics and the number of visible experts on each."""
    counts = dict(
        Expertise.objects.filter(person__in=visible_people(viewer))
        .values("topic")
        .annotate(n=Count("person", distinct=True))
        .values_list("topic", "n")
    )
    areas: dict[int, tuple[Topic, list[tuple[Topic, int]]]] = {}
    for topic in Topic.objects.order_by("position", "code"):
        if topic.parent_id is None:
            areas[topic.pk] = (topic, [])
    for topic in Topic.objects.filter(parent__isnull=False).order_by("position", "code"):
        areas[topic.parent_id][1].append((topic, counts.get(topic.pk, 0)))  # type: ignore[index]
    return list(areas.values())


def directory_figures() -> dict[str, int]:
    return {
        "local_governments": LocalGovernment.objects.count(),
        "countries": LocalGovernment.objects.values("country").distinct().count(),
        "associations": Association.objects.count(),
        "experts": Person.objects.filter(
            Exists(Expertise.objects.filter(person=OuterRef("pk")))
        ).count(),
        "programmes": Programme.objects.count(),
    }
