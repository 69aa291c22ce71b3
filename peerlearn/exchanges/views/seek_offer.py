"""Offer expertise, seek expertise, the expert pool, and the coordinator's review."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from peerlearn.directory.filters import (
    StableOrderingFilter,
    TopicFilter,
    countries_in_directory,
    topic_queryset,
)
from peerlearn.directory.models import Language, Programme
from peerlearn.directory.queries import topic_and_descendants
from peerlearn.exchanges import queries, services
from peerlearn.exchanges.forms import NeedForm, OfferForm, ReviewForm
from peerlearn.exchanges.models import HelpKind, Match, Need, Offer, ReviewStatus
from peerlearn.exchanges.rules import may
from peerlearn.exchanges.views.base import ActionView, cleaned, decision, load
from peerlearn.lists import FilteredListView


def programme_or_404(pk: int) -> Programme:
    return get_object_or_404(Programme.objects.select_related("association"), pk=pk)


class ProgrammeView(LoginRequiredMixin, TemplateView):
    """A programme's seek & offer page: what one can do here, and how it stands."""

    template_name = "exchanges/programme.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        programme = programme_or_404(self.kwargs["programme"])
        user = self.request.user
        if not (
            may(user, "exchanges.view_pool", programme) or may(user, "exchanges.review", programme)
        ):
            raise PermissionDenied
        context.update(
            programme=programme,
            can_offer=may(user, "exchanges.offer_expertise", programme),
            can_seek=may(user, "exchanges.post_need", programme),
            is_coordinator=may(user, "exchanges.review", programme),
            pool_size=programme.offers.filter(status=ReviewStatus.ACCEPTED).count(),
            open_needs=queries.waiting_needs(programme).count(),
            waiting_review=programme.offers.filter(status=ReviewStatus.SUBMITTED).count()
            + programme.needs.filter(status=ReviewStatus.SUBMITTED).count(),
        )
        return context


class MySeekOfferView(LoginRequiredMixin, TemplateView):
    template_name = "exchanges/mine.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(queries.my_seek_and_offer(self.request.user))
        context["programmes"] = queries.programmes_for(self.request.user)
        return context


# Offers ----------------------------------------------------------------------


class ReviewedFormView(LoginRequiredMixin, View):
    """A new offer or need (`programme` in the address) or an existing one
    (`pk`): the form, then its service function; a refused form keeps what
    was typed. Subclasses name the model, the permissions and the service."""

    model: Any = None
    name = ""  # "offer" or "need": the template's name for the item
    template_name = ""
    create_permission = ""
    submitted_message: Any = ""
    draft_message: Any = ""

    def item(self) -> Any:
        if "pk" in self.kwargs:
            return load(
                self.request, self.model, self.kwargs["pk"], f"exchanges.change_{self.name}"
            )
        programme = programme_or_404(self.kwargs["programme"])
        if not may(self.request.user, self.create_permission, programme):
            raise PermissionDenied
        return self.model(programme=programme)

    def form(self, item: Any, data: Any = None, initial: Any = None) -> forms.ModelForm:
        raise NotImplementedError

    def save(self, item: Any, form: forms.ModelForm) -> Any:
        raise NotImplementedError

    def initial(self) -> dict[str, Any]:
        """For a new item: the author's working languages, the first as the text's."""
        person = getattr(self.request.user, "person", None)
        if person is None:
            return {}
        languages = list(person.languages.all())
        return {"languages": languages, "text_language": next(iter(languages), None)}

    def page(self, item: Any, form: forms.ModelForm, status: int = 200) -> HttpResponse:
        return render(
            self.request,
            self.template_name,
            {"form": form, self.name: item, "programme": item.programme},
            status=status,
        )

    def get(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        item = self.item()
        return self.page(item, self.form(item, initial=self.initial() if not item.pk else None))

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        item = self.item()
        creating = item.pk is None
        form = self.form(item, request.POST)
        if form.is_valid():
            try:
                saved = self.save(item, form)
            except ValidationError as error:
                form.add_error(None, error)
                if creating:  # the refused save rolled back: it is still new
                    item.pk = None
            else:
                messages.success(
                    request,
                    str(
                        self.submitted_message
                        if saved.status == ReviewStatus.SUBMITTED
                        else self.draft_message
                    ),
                )
                return redirect(saved)
        return self.page(item, form, status=400)


class OfferFormView(ReviewedFormView):
    model = Offer
    name = "offer"
    template_name = "exchanges/offer_form.html"
    create_permission = "exchanges.offer_expertise"
    submitted_message = gettext_lazy("Your offer is submitted: a coordinator will review it.")
    draft_message = gettext_lazy("Your offer is saved as a draft.")

    def form(self, item: Any, data: Any = None, initial: Any = None) -> forms.ModelForm:
        instance = Offer.objects.get(pk=item.pk) if item.pk else Offer(programme=item.programme)
        return OfferForm(data, instance=instance, initial=initial)

    def save(self, item: Any, form: forms.ModelForm) -> Any:
        return services.save_offer(
            self.request.user, item, form.cleaned_data, submit="submit" in self.request.POST
        )


class OfferDetailView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        offer = load(
            request,
            queries.offers_with_details(Offer.objects.all()),
            pk,
            "exchanges.view_offer",
        )
        return render(
            request,
            "exchanges/offer_detail.html",
            {
                "offer": offer,
                "can_edit": may(request.user, "exchanges.change_offer", offer),
                "sees_review_note": may(request.user, "exchanges.change_offer", offer)
                or may(request.user, "exchanges.review", offer.programme),
                "can_review": may(request.user, "exchanges.review", offer.programme)
                and offer.status in {ReviewStatus.SUBMITTED, ReviewStatus.ACCEPTED},
                "review_form": ReviewForm(),
            },
        )


class ReviewView(ActionView):
    """Accept, or ask for changes (with a note), on an offer or a need."""

    model: Any = None

    def get_object(self, request: HttpRequest, **kwargs: Any) -> Any:
        item = get_object_or_404(self.model, pk=kwargs["pk"])
        if not may(request.user, "exchanges.review", item.programme):
            raise PermissionDenied
        return item

    def perform(self, request: HttpRequest, obj: Any) -> Any:
        note = cleaned(ReviewForm(request.POST))["note"]
        accept = decision(request, "accept", "changes") == "accept"
        services.review(request.user, obj, accept=accept, note=note)
        messages.success(request, _("Accepted.") if accept else _("Changes requested."))


class WithdrawView(ActionView):
    model: Any = None
    permission = ""
    success_message = gettext_lazy("Withdrawn.")

    def get_object(self, request: HttpRequest, **kwargs: Any) -> Any:
        return load(request, self.model, kwargs["pk"], self.permission)

    def perform(self, request: HttpRequest, obj: Any) -> Any:
        services.withdraw(request.user, obj)


class PoolFilter(django_filters.FilterSet):
    topic = TopicFilter(label=gettext_lazy("Topic"), queryset=topic_queryset, method="filter_topic")
    language = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Working language"),
        queryset=Language.objects.order_by("label_en"),
        to_field_name="code",
        field_name="languages",
    )
    country = django_filters.ChoiceFilter(
        label=gettext_lazy("Country"),
        choices=countries_in_directory,
        field_name="local_government__country",
    )
    sort = StableOrderingFilter(
        label=gettext_lazy("Sort by"),
        fields=(
            ("person__name", "name"),
            ("years_experience", "experience"),
            ("submitted_at", "submitted"),
        ),
        field_labels={
            "person__name": gettext_lazy("name"),
            "-name": gettext_lazy("name (Z–A)"),
            "years_experience": gettext_lazy("experience (least first)"),
            "-experience": gettext_lazy("experience (most first)"),
            "submitted_at": gettext_lazy("oldest first"),
            "-submitted": gettext_lazy("newest first"),
        },
        empty_label=None,  # the first choice is the default order
    )

    class Meta:
        model = Offer
        fields: list[str] = []

    def filter_topic(self, queryset: QuerySet[Offer], name: str, value: Any) -> Any:
        return (
            queryset.filter(topics__in=topic_and_descendants(value)).distinct()
            if value
            else queryset
        )


class PoolView(LoginRequiredMixin, FilteredListView):
    """The programme's expert pool: accepted offers."""

    filterset_class = PoolFilter
    template_name = "exchanges/pool.html"
    csv_filename = "expert-pool.csv"

    def programme(self) -> Programme:
        if not hasattr(self, "_programme"):
            self._programme = programme_or_404(self.kwargs["programme"])
            if not may(self.request.user, "exchanges.view_pool", self._programme):
                raise PermissionDenied
        return self._programme

    def get_base_queryset(self) -> QuerySet[Offer]:
        return queries.pool(self.programme()).order_by("person__name")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "programme": self.programme()}

    def csv_header(self) -> Sequence[str]:
        return [
            _("Expert"),
            _("Local government"),
            _("Country"),
            _("Topics"),
            _("Working languages"),
            _("Years of experience"),
            _("Capacity"),
            _("Places taken"),
        ]

    def csv_row(self, offer: Offer) -> Sequence[Any]:
        lg = offer.local_government
        return [
            offer.person.name,
            lg.name if lg else "",
            lg.country.name if lg else "",  # type: ignore[attr-defined]
            "; ".join(t.label for t in offer.topics.all()),
            ", ".join(lang.label for lang in offer.languages.all()),
            offer.years_experience,
            offer.capacity,
            getattr(offer, "live_matches", 0),
        ]


# Needs -------------------------------------------------------------------------


class NeedFormView(ReviewedFormView):
    model = Need
    name = "need"
    template_name = "exchanges/need_form.html"
    create_permission = "exchanges.post_need"
    submitted_message = gettext_lazy("Your need is submitted: a coordinator will review it.")
    draft_message = gettext_lazy("Your need is saved as a draft.")

    def form(self, item: Any, data: Any = None, initial: Any = None) -> forms.ModelForm:
        instance = Need.objects.get(pk=item.pk) if item.pk else Need(programme=item.programme)
        return NeedForm(
            data,
            instance=instance,
            initial=initial,
            local_governments=queries.local_governments_for_need(self.request.user, item.programme)
            if not item.pk
            else queries.programme_local_governments(item.programme).filter(
                pk=item.local_government_id
            ),
            programme_lgs=queries.programme_local_governments(item.programme),
        )

    def initial(self) -> dict[str, Any]:
        initial = super().initial()
        person = getattr(self.request.user, "person", None)
        if person is not None:
            initial["local_government"] = person.local_government_id
        return {**initial, "kind": HelpKind.MENTORING}

    def save(self, item: Any, form: forms.ModelForm) -> Any:
        if item.pk is None:
            item.local_government = form.cleaned_data["local_government"]
        return services.save_need(
            self.request.user, item, form.cleaned_data, submit="submit" in self.request.POST
        )


def _with_need(match: Match, need: Need) -> Match:
    match.need = need  # loaded already, with what the rules read
    return match


class NeedDetailView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        need = load(
            request, queries.needs_with_details(Need.objects.all()), pk, "exchanges.view_need"
        )
        return render(
            request,
            "exchanges/need_detail.html",
            {
                "need": need,
                "can_edit": may(request.user, "exchanges.change_need", need),
                "sees_review_note": may(request.user, "exchanges.change_need", need)
                or may(request.user, "exchanges.review", need.programme),
                "can_review": may(request.user, "exchanges.review", need.programme)
                and need.status in {ReviewStatus.SUBMITTED, ReviewStatus.ACCEPTED},
                "review_form": ReviewForm(),
                # Who was proposed and who declined is for the people of the
                # match and the coordinators, not for every programme member.
                "matches": [
                    m
                    for m in need.matches.select_related("offer__person", "offer__local_government")
                    if may(request.user, "exchanges.view_match", _with_need(m, need))
                ],
            },
        )


class NeedsFilter(django_filters.FilterSet):
    topic = TopicFilter(label=gettext_lazy("Topic"), queryset=topic_queryset, method="filter_topic")
    kind = django_filters.ChoiceFilter(label=gettext_lazy("Kind of help"), choices=HelpKind.choices)
    country = django_filters.ChoiceFilter(
        label=gettext_lazy("Country"),
        choices=countries_in_directory,
        field_name="local_government__country",
    )
    sort = StableOrderingFilter(
        label=gettext_lazy("Sort by"),
        fields=(("submitted_at", "submitted"), ("title", "title"), ("wanted_by", "wanted_by")),
        field_labels={
            "submitted_at": gettext_lazy("oldest first"),
            "-submitted": gettext_lazy("newest first"),
            "title": gettext_lazy("title"),
            "-title": gettext_lazy("title (Z–A)"),
            "wanted_by": gettext_lazy("wanted soonest"),
            "-wanted_by": gettext_lazy("wanted latest"),
        },
        empty_label=None,  # the first choice is the default order
    )

    class Meta:
        model = Need
        fields: list[str] = []

    def filter_topic(self, queryset: QuerySet[Need], name: str, value: Any) -> Any:
        return (
            queryset.filter(topics__in=topic_and_descendants(value)).distinct()
            if value
            else queryset
        )


class OpenNeedsView(PoolView):
    filterset_class = NeedsFilter
    template_name = "exchanges/needs.html"
    csv_filename = "open-needs.csv"

    def get_base_queryset(self) -> QuerySet[Need]:  # type: ignore[override]
        # Those waiting longest first, as a coordinator works through them.
        return queries.open_needs(self.programme()).order_by("submitted_at", "pk")

    def csv_header(self) -> Sequence[str]:
        return [
            _("Title"),
            _("Local government"),
            _("Country"),
            _("Topics"),
            _("Kind of help"),
            _("Modality"),
            _("Where to look for peers"),
            _("Working languages"),
            _("Urgency"),
        ]

    def csv_row(self, need: Need) -> Sequence[Any]:  # type: ignore[override]
        return [
            need.title,
            need.local_government.name,
            need.local_government.country.name,  # type: ignore[attr-defined]
            "; ".join(t.label for t in need.topics.all()),
            need.get_kind_display(),
            need.get_modality_display(),
            need.get_scope_display(),
            ", ".join(lang.label for lang in need.languages.all()),
            need.get_urgency_display(),
        ]


class ReviewQueueView(LoginRequiredMixin, TemplateView):
    template_name = "exchanges/review_queue.html"
    page_size = 20

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        programme = programme_or_404(self.kwargs["programme"])
        if not may(self.request.user, "exchanges.review", programme):
            raise PermissionDenied
        for kind, items in queries.review_queue(programme).items():
            # Each list pages on its own; the other's page stays in the links.
            param = f"{kind}_page"
            page = Paginator(items, self.page_size).get_page(self.request.GET.get(param))
            for item in page.object_list:
                # A form per item, with ids of its own: each "Note to the
                # author" label then names its own field, not the first one.
                item.review_form = ReviewForm(auto_id=f"id_{kind}_{item.pk}_%s")
                item.review_heading = f"review-{kind}-{item.pk}"
            others = self.request.GET.copy()
            others.pop(param, None)
            context[kind] = {
                "page_obj": page,
                "paginator": page.paginator,
                "is_paginated": page.has_other_pages(),
                "page_param": param,
                "query_string": others.urlencode(),
            }
        context["programme"] = programme
        return context
