"""Directory pages. Views only bind forms and call services or queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, TemplateView
from django_countries import countries
from rules.contrib.views import PermissionRequiredMixin

from peerlearn.directory import queries, services
from peerlearn.directory.filters import ExpertFilter, LocalGovernmentFilter
from peerlearn.directory.forms import ExpertiseFormSet, LocalGovernmentForm, ProfileForm
from peerlearn.directory.models import (
    Association,
    AssociationMembership,
    Expertise,
    Language,
    LocalGovernment,
    LocalGovernmentKind,
    Person,
    PersonRole,
    Programme,
    Topic,
)
from peerlearn.lists import EXPORT_CHUNK, FilteredListView, chunked


class HomeView(TemplateView):
    template_name = "directory/home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["figures"] = queries.directory_figures(self.request.user)
        context["associations"] = queries.associations_for_list()
        context["taxonomy"] = queries.topic_tree()
        return context


class TranslatedOnce:
    """Names and labels in the viewer's language, translated once per request:
    a CSV export of 100,000 rows spent a third of its time translating the
    same country names, kinds and roles row after row."""

    @cached_property
    def country_names(self) -> dict[str, str]:
        return {code: str(name) for code, name in countries}

    @cached_property
    def kind_labels(self) -> dict[str, str]:
        return {value: str(label) for value, label in LocalGovernmentKind.choices}

    @cached_property
    def role_labels(self) -> dict[str, str]:
        return {value: str(label) for value, label in PersonRole.choices}


class LocalGovernmentListView(TranslatedOnce, FilteredListView):
    filterset_class = LocalGovernmentFilter
    template_name = "directory/localgovernment_list.html"
    csv_filename = "local-governments.csv"

    def get_base_queryset(self) -> QuerySet[LocalGovernment]:
        return queries.local_governments_for_list()

    def csv_header(self) -> Sequence[str]:
        return [
            _("Name"),
            _("Name in the local script"),
            _("Kind"),
            _("Country"),
            _("Region or governorate"),
            _("Population"),
            _("Associations"),
            _("Website"),
        ]

    def csv_rows(self, lgs: QuerySet[LocalGovernment]) -> Iterator[Sequence[Any]]:
        # Plain values, and the memberships of a chunk in one query: building a
        # model object per local government and membership took most of the time.
        rows = lgs.prefetch_related(None).values_list(
            "pk", "name", "name_local", "kind", "country", "region", "population", "website"
        )
        for chunk in chunked(rows.iterator(chunk_size=EXPORT_CHUNK), EXPORT_CHUNK):
            acronyms: dict[int, list[str]] = defaultdict(list)
            for lg_id, acronym in (
                AssociationMembership.objects.filter(local_government__in=[r[0] for r in chunk])
                .order_by("association__acronym")
                .values_list("local_government_id", "association__acronym")
            ):
                acronyms[lg_id].append(acronym)
            for pk, name, name_local, kind, country, region, population, website in chunk:
                yield [
                    name,
                    name_local,
                    self.kind_labels.get(kind, kind),
                    self.country_names.get(country, ""),
                    region,
                    population,
                    ", ".join(acronyms[pk]),
                    website,
                ]


class LocalGovernmentDetailView(DetailView):
    model = LocalGovernment
    template_name = "directory/localgovernment_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(queries.local_government_page(self.object, self.request.user))
        context["can_edit"] = self.request.user.has_perm(
            "directory.change_localgovernment", self.object
        )
        context["can_invite"] = self.request.user.has_perm("accounts.invite_member", self.object)
        return context


class LocalGovernmentEditView(PermissionRequiredMixin, View):
    permission_required = "directory.change_localgovernment"
    template_name = "directory/localgovernment_form.html"

    def get_permission_object(self) -> LocalGovernment:
        if not hasattr(self, "object"):
            self.object = get_object_or_404(LocalGovernment, slug=self.kwargs["slug"])
        return self.object

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        form = LocalGovernmentForm(instance=self.get_permission_object())
        return render(request, self.template_name, {"form": form, "object": self.object})

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        lg = self.get_permission_object()
        # The form validates against a copy so that a refused change leaves the
        # page's object (and the database) as it was.
        form = LocalGovernmentForm(request.POST, instance=LocalGovernment.objects.get(pk=lg.pk))
        if form.is_valid():
            try:
                services.update_local_government(request.user, lg, form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("The changes to %(name)s are saved.") % {"name": lg.name}
                )
                return redirect(lg)
        return render(request, self.template_name, {"form": form, "object": lg}, status=400)


class ExpertListView(TranslatedOnce, FilteredListView):
    filterset_class = ExpertFilter
    template_name = "directory/person_list.html"
    csv_filename = "experts.csv"

    def get_base_queryset(self) -> QuerySet[Person]:
        return queries.experts_for_list(self.request.user)

    def csv_header(self) -> Sequence[str]:
        return [
            _("Name"),
            _("Position"),
            _("Role"),
            _("Local government or association"),
            _("Country"),
            _("Working languages"),
            _("Expertise (years)"),
        ]

    def csv_rows(self, people: QuerySet[Person]) -> Iterator[Sequence[Any]]:
        # Plain values, and the languages and expertise of a chunk in one query
        # each: building model objects for every person, language and expertise
        # made exporting 100,000 people take minutes.
        languages = {lang.pk: lang for lang in Language.objects.all()}
        topics = {topic.pk: topic.label for topic in Topic.objects.all()}
        rows = people.prefetch_related(None).values_list(
            "pk",
            "name",
            "position",
            "role",
            "local_government__name",
            "association__acronym",
            "local_government__country",
        )
        for chunk in chunked(rows.iterator(chunk_size=EXPORT_CHUNK), EXPORT_CHUNK):
            ids = [row[0] for row in chunk]
            spoken: dict[int, list[Language]] = defaultdict(list)
            for person_id, language_id in Person.languages.through.objects.filter(
                person__in=ids
            ).values_list("person_id", "language_id"):
                spoken[person_id].append(languages[language_id])
            known: dict[int, list[str]] = defaultdict(list)
            for person_id, topic_id, years in (
                Expertise.objects.filter(person__in=ids)
                .order_by("-years", "topic__code")
                .values_list("person_id", "topic_id", "years")
            ):
                known[person_id].append(f"{topics[topic_id]} ({years})")
            for pk, name, position, role, lg_name, acronym, country in chunk:
                yield [
                    name,
                    position,
                    self.role_labels.get(role, role),
                    lg_name or acronym or "",
                    self.country_names.get(country, "") if country else "",
                    # In the order of the page: languages by their English name.
                    ", ".join(
                        lang.label for lang in sorted(spoken[pk], key=lambda lang: lang.label_en)
                    ),
                    "; ".join(known[pk]),
                ]


class PersonDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "directory.view_person"
    template_name = "directory/person_detail.html"

    def get_queryset(self) -> QuerySet[Person]:
        return Person.objects.select_related(
            "local_government", "association", "department"
        ).prefetch_related("languages")

    def get_permission_object(self) -> Person:
        return self.get_object()

    def get_object(self, queryset: QuerySet[Person] | None = None) -> Person:
        if not hasattr(self, "_person"):
            self._person = super().get_object(queryset)
        return self._person

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["expertise"] = Expertise.objects.filter(person=self.object).select_related(
            "topic", "topic__parent"
        )
        context["can_see_contact"] = user.has_perm("directory.view_person_contact", self.object)
        context["can_edit"] = user.has_perm("directory.change_person", self.object)
        return context


def _profile_page(
    request: HttpRequest, person: Person, *, heading: str, status: int = 200, **forms: Any
) -> HttpResponse:
    return render(
        request,
        "directory/profile_form.html",
        {"person": person, "heading": heading, **forms},
        status=status,
    )


class PersonEditView(PermissionRequiredMixin, View):
    """Edit a profile: one's own, or one in a local government one looks after."""

    permission_required = "directory.change_person"

    def get_permission_object(self) -> Person:
        if not hasattr(self, "person"):
            self.person = get_object_or_404(Person, pk=self.kwargs["pk"])
        return self.person

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        person = self.get_permission_object()
        return _profile_page(
            request,
            person,
            heading=_("Edit the profile of %(name)s") % {"name": person.name},
            form=ProfileForm(instance=person, contact=may_change_contact(request.user, person)),
            formset=ExpertiseFormSet(queryset=person.expertise.select_related("topic")),
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        return save_profile_from_post(
            request,
            self.get_permission_object(),
            heading=_("Edit the profile of %(name)s") % {"name": self.person.name},
        )


def may_change_contact(user: Any, person: Person) -> bool:
    return bool(user.has_perm("directory.change_person_contact", person))


def save_profile_from_post(request: HttpRequest, person: Person, *, heading: str) -> HttpResponse:
    user: Any = request.user
    instance = Person.objects.get(pk=person.pk) if person.pk else Person(user=user)
    form = ProfileForm(
        request.POST,
        instance=instance,
        contact=not person.pk or may_change_contact(user, person),
    )
    formset: Any = ExpertiseFormSet(
        request.POST,
        queryset=person.expertise.select_related("topic")
        if person.pk
        else Expertise.objects.none(),
    )
    if form.is_valid() and formset.is_valid():
        try:
            saved = services.save_profile(user, person, form.cleaned_data, formset.expertise())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The profile is saved."))
            return redirect(saved)
    return _profile_page(request, person, heading=heading, form=form, formset=formset, status=400)


class OwnProfileView(LoginRequiredMixin, View):
    """The signed-in user's own profile; created on first save."""

    def own_person(self) -> Person:
        user: Any = self.request.user
        return Person.objects.filter(user=user).first() or Person(
            user=user, name=user.get_full_name(), email=user.email
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        person = self.own_person()
        return _profile_page(
            request,
            person,
            heading=_("My profile"),
            form=ProfileForm(instance=person),
            formset=ExpertiseFormSet(
                queryset=person.expertise.select_related("topic")
                if person.pk
                else Expertise.objects.none()
            ),
        )

    def post(self, request: HttpRequest) -> HttpResponse:
        return save_profile_from_post(request, self.own_person(), heading=_("My profile"))


class AssociationListView(TemplateView):
    template_name = "directory/association_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["associations"] = queries.associations_for_list()
        return context


class AssociationDetailView(DetailView):
    model = Association
    template_name = "directory/association_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(queries.association_page(self.object))
        context["can_invite"] = self.request.user.has_perm(
            "accounts.invite_coordinator", self.object
        )
        return context


class ProgrammeDetailView(DetailView):
    template_name = "directory/programme_detail.html"

    def get_object(self, queryset: QuerySet[Programme] | None = None) -> Programme:
        return get_object_or_404(
            Programme.objects.select_related("association").prefetch_related(
                "methodologies", "topics"
            ),
            association__slug=self.kwargs["association"],
            slug=self.kwargs["slug"],
        )


class TopicListView(TemplateView):
    template_name = "directory/topic_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["taxonomy"] = queries.taxonomy_with_counts(self.request.user)
        return context
