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
    Language,
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


def speaking(people: QuerySet[Person], language: Language) -> QuerySet[Person]:
    """People with this working language. EXISTS, checked person by person in
    the list's order, rather than a join: most people speak English, and
    sorting all of them to show the first page took longer than the rest of
    the page."""
    return people.filter(
        Exists(Person.languages.through.objects.filter(person_id=OuterRef("pk"), language=language))
    )


def local_governments_for_list() -> QuerySet[LocalGovernment]:
    return LocalGovernment.objects.prefetch_related(
        Prefetch("associations", queryset=Association.objects.only("id", "acronym", "slug"))
    )


def with_expertise_in(people: QuerySet[Person], topic: Topic) -> QuerySet[Person]:
    """People with expertise on the topic (or, for a thematic area, on any of
    its topics). An uncorrelated subquery: the database reads who knows the
    topic once, from the (topic, person) index, instead of probing the
    expertise of every person in turn (EXISTS), which made counting a filtered
    list of 100,000 people take seconds on SQLite."""
    return people.filter(
        pk__in=Expertise.objects.filter(topic_id__in=topic_and_descendants(topic)).values(
            "person_id"
        )
    )


def local_governments_with_expertise_in(
    lgs: QuerySet[LocalGovernment], topic: Topic, viewer: Any
) -> QuerySet[LocalGovernment]:
    """Local governments with someone the viewer may see who has expertise on
    the topic (a visitor must not learn of private profiles through a filter);
    a subquery for the reason given in `with_expertise_in`."""
    return lgs.filter(
        pk__in=visible_expertise(viewer)
        .filter(topic_id__in=topic_and_descendants(topic))
        .values("person__local_government_id")
    )


def experts_for_list(viewer: Any) -> QuerySet[Person]:
    return (
        visible_people(viewer)
        .filter(Exists(Expertise.objects.filter(person=OuterRef("pk"))))
        .select_related("local_government", "association", "department")
        .prefetch_related(
            Prefetch(
                "expertise",
                queryset=Expertise.objects.select_related("topic").order_by(
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


def visible_expertise(viewer: Any) -> QuerySet[Expertise]:
    """Expertise of the people `visible_people` lets the viewer see. The people
    are a subquery (read from an index once) rather than a join (a lookup per
    entry), and no subquery at all when the viewer may see everyone."""
    if getattr(viewer, "is_authenticated", False) and viewer.is_active:
        return Expertise.objects.all()
    return Expertise.objects.filter(person__in=visible_people(viewer))


def topic_tree() -> list[tuple[Topic, list[Topic]]]:
    """Thematic areas in order, each with its topics."""
    areas: dict[int, tuple[Topic, list[Topic]]] = {}
    topics = list(Topic.objects.order_by("position", "code"))
    for topic in topics:
        if topic.parent_id is None:
            areas[topic.pk] = (topic, [])
    for topic in topics:
        if topic.parent_id is not None:
            areas[topic.parent_id][1].append(topic)
    return list(areas.values())


def taxonomy_with_counts(viewer: Any) -> list[tuple[Topic, list[tuple[Topic, int]]]]:
    """Thematic areas with their topics and the number of visible experts on each."""
    # A person has at most one entry per topic (a unique constraint), so
    # counting entries counts people, without DISTINCT.
    counts = dict(
        visible_expertise(viewer)
        .order_by()
        .values("topic_id")
        .annotate(n=Count("id"))
        .values_list("topic_id", "n")
    )
    return [
        (area, [(topic, counts.get(topic.pk, 0)) for topic in topics])
        for area, topics in topic_tree()
    ]


def directory_figures(viewer: Any) -> dict[str, int]:
    return {
        "local_governments": LocalGovernment.objects.count(),
        "countries": LocalGovernment.objects.values("country").distinct().count(),
        "associations": Association.objects.count(),
        # Read from the expertise index alone rather than probed person by person.
        "experts": visible_expertise(viewer).aggregate(n=Count("person_id", distinct=True))["n"],
        "programmes": Programme.objects.count(),
    }
