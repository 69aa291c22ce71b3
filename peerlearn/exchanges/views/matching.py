"""The coordinator's matching console, and the answers of both sides."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View

from peerlearn.exchanges import matching, queries, services
from peerlearn.exchanges.forms import AnswerForm, MatchingRunForm, PairRuleForm
from peerlearn.exchanges.models import Match, MatchingRun, Need, Offer, PairRule, Proposal, Side
from peerlearn.exchanges.rules import may
from peerlearn.exchanges.templatetags.exchanges import percent
from peerlearn.exchanges.views.base import ActionView, cleaned, decision, load, posted_pk
from peerlearn.exchanges.views.seek_offer import programme_or_404
from peerlearn.lists import csv_response


def coordinated_programme(request: HttpRequest, pk: int) -> Any:
    programme = programme_or_404(pk)
    if not may(request.user, "exchanges.run_matching", programme):
        raise PermissionDenied
    return programme


class ConsoleView(LoginRequiredMixin, View):
    template_name = "exchanges/console.html"

    def page(self, programme: Any, form: MatchingRunForm, status: int = 200) -> HttpResponse:
        return render(
            self.request,
            self.template_name,
            {
                "programme": programme,
                "form": form,
                "runs": programme.matching_runs.all()[:10],
                "matches": queries.matches_of(programme)[:200],
                "approved_count": Match.objects.filter(
                    need__programme=programme, status=Match.Status.APPROVED
                ).count(),
                "open_needs": queries.open_needs(programme).count(),
                "pool_size": queries.pool(programme).count(),
                "background": matching.runs_in_background(),
            },
            status=status,
        )

    def get(self, request: HttpRequest, programme: int) -> HttpResponseBase:
        prog = coordinated_programme(request, programme)
        if request.GET.get("export") == "csv":
            return csv_response(
                "matches.csv",
                [
                    _("Need"),
                    _("Seeking local government"),
                    _("Peer"),
                    _("Offering local government"),
                    _("Score"),
                    _("Status"),
                    _("Answer of the seeking side"),
                    _("Answer of the offering side"),
                    _("Approved"),
                    _("Published"),
                    _("Reason for declining"),
                ],
                (
                    [
                        m.need.title,
                        m.need.local_government.name,
                        m.offer.person.name,
                        m.offer.local_government.name if m.offer.local_government else "",
                        percent(m.score),
                        m.get_status_display(),
                        m.get_need_answer_display(),
                        m.get_offer_answer_display(),
                        m.approved_at.date().isoformat(),
                        m.published_at.date().isoformat() if m.published_at else "",
                        m.decline_reason,
                    ]
                    for m in queries.matches_of(prog).iterator(chunk_size=2000)
                ),
            )
        return self.page(prog, MatchingRunForm())

    def post(self, request: HttpRequest, programme: int) -> HttpResponse:
        prog = coordinated_programme(request, programme)
        form = MatchingRunForm(request.POST)
        if not form.is_valid():
            return self.page(prog, form, status=400)
        run = services.start_matching_run(
            request.user,
            prog,
            solver=form.cleaned_data["solver"],
            minimum_score=form.cleaned_data["minimum_score"],
        )
        matching.dispatch(run)
        return redirect(run)


class RunView(LoginRequiredMixin, View):
    # Needs per page: a need shows up to five proposals with their explanations,
    # and a large programme has thousands of needs.
    page_size = 25

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        run = get_object_or_404(MatchingRun.objects.select_related("programme"), pk=pk)
        coordinated_programme(request, run.programme_id)
        finished = run.status in {MatchingRun.Status.DONE, MatchingRun.Status.FAILED}
        context: dict[str, Any] = {
            "run": run,
            "programme": run.programme,
            "rows": [],
            "refresh": not finished,
        }
        if run.status == MatchingRun.Status.DONE:
            paginator = Paginator(queries.run_needs(run), self.page_size)
            number = request.GET.get("page")
            page = paginator.get_page(paginator.num_pages if number == "last" else number)
            context.update(
                unplaced_pins=list(queries.unplaced_pins(run)[:50]),
                rows=queries.run_results(run, page.object_list),
                paginator=paginator,
                page_obj=page,
                is_paginated=page.has_other_pages(),
            )
        return render(request, "exchanges/run.html", context)


class ApproveProposalView(ActionView):
    success_message = gettext_lazy("Approved. Publish the approved matches to tell both sides.")

    def get_object(self, request: HttpRequest, **kwargs: Any) -> Proposal:
        proposal = get_object_or_404(
            Proposal.objects.select_related("need__programme", "offer__person", "run"),
            pk=kwargs["pk"],
        )
        coordinated_programme(request, proposal.need.programme_id)
        return proposal

    def perform(self, request: HttpRequest, obj: Proposal) -> Any:
        return services.approve_proposal(request.user, obj)

    def target(self, obj: Proposal, result: Any) -> str:
        return obj.run.get_absolute_url()


# A large run can refuse thousands: the page names the first few.
REFUSALS_SHOWN = 10


class ApproveAllView(ActionView):
    def get_object(self, request: HttpRequest, **kwargs: Any) -> MatchingRun:
        run = get_object_or_404(MatchingRun, pk=kwargs["pk"])
        coordinated_programme(request, run.programme_id)
        return run

    def perform(self, request: HttpRequest, obj: MatchingRun) -> Any:
        approved, refused = services.approve_run(request.user, obj)
        messages.success(
            request,
            ngettext("%(count)d proposal approved.", "%(count)d proposals approved.", approved)
            % {"count": approved},
        )
        for message in refused[:REFUSALS_SHOWN]:
            messages.warning(request, message)
        if len(refused) > REFUSALS_SHOWN:
            more = len(refused) - REFUSALS_SHOWN
            messages.warning(
                request,
                ngettext(
                    "%(count)d more proposal could not be approved.",
                    "%(count)d more proposals could not be approved.",
                    more,
                )
                % {"count": more},
            )


class PairRuleView(ActionView):
    """Pin or exclude a need–offer pair for the next runs."""

    def get_object(self, request: HttpRequest, **kwargs: Any) -> Any:
        programme = coordinated_programme(request, kwargs["programme"])
        need = get_object_or_404(Need, pk=posted_pk(request, "need"), programme=programme)
        offer = get_object_or_404(Offer, pk=posted_pk(request, "offer"), programme=programme)
        self.pair = (need, offer)
        return programme

    def perform(self, request: HttpRequest, obj: Any) -> Any:
        need, offer = self.pair
        kind = request.POST.get("kind", "")
        if kind not in PairRule.Kind.values:
            raise ValidationError(_("Choose pin or exclude."))
        reason = cleaned(PairRuleForm(request.POST))["reason"]
        services.set_pair_rule(request.user, need, offer, kind, reason)
        messages.success(
            request,
            _("Pinned: the next run will propose this pair.")
            if kind == PairRule.Kind.PINNED
            else _("Excluded: this pair will not be proposed again."),
        )

    def target(self, obj: Any, result: Any) -> str:
        return reverse("exchanges:console", kwargs={"programme": obj.pk})


class RemovePairRuleView(ActionView):
    success_message = gettext_lazy("The rule is removed.")

    def get_object(self, request: HttpRequest, **kwargs: Any) -> PairRule:
        rule = get_object_or_404(PairRule.objects.select_related("need"), pk=kwargs["pk"])
        coordinated_programme(request, rule.need.programme_id)
        return rule

    def perform(self, request: HttpRequest, obj: PairRule) -> Any:
        self.programme_id = obj.need.programme_id
        services.remove_pair_rule(request.user, obj)

    def target(self, obj: PairRule, result: Any) -> str:
        return reverse("exchanges:console", kwargs={"programme": obj.need.programme_id})


class PublishView(ActionView):
    def get_object(self, request: HttpRequest, **kwargs: Any) -> Any:
        return coordinated_programme(request, kwargs["programme"])

    def perform(self, request: HttpRequest, obj: Any) -> Any:
        count = services.publish_matches(request.user, obj)
        messages.success(
            request,
            ngettext(
                "%(count)d match published: both sides have been told.",
                "%(count)d matches published: both sides have been told.",
                count,
            )
            % {"count": count},
        )

    def target(self, obj: Any, result: Any) -> str:
        return reverse("exchanges:console", kwargs={"programme": obj.pk})


class MatchDetailView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        match = load(
            request,
            Match.objects.select_related(
                "need__local_government",
                "need__programme",
                "need__contact",
                "offer__person",
                "offer__local_government",
            ),
            pk,
            "exchanges.view_match",
        )
        user = request.user
        sides = [
            # One form per side, each with its own field ids.
            (side, heading, AnswerForm(auto_id=f"id_{side}_%s"))
            for side, heading, permission in (
                (Side.SEEKING, _("Your answer for the seeking side"), "exchanges.answer_seeking"),
                (
                    Side.OFFERING,
                    _("Your answer for the offering side"),
                    "exchanges.answer_offering",
                ),
            )
            if may(user, permission, match)
            and getattr(match, "need_answer" if side == Side.SEEKING else "offer_answer")
            == Match.Answer.PENDING
            and match.status == Match.Status.PUBLISHED
        ]
        return render(
            request,
            "exchanges/match_detail.html",
            {
                "match": match,
                "answer_sides": sides,
                "can_manage": may(user, "exchanges.manage_match", match),
                "exchange": getattr(match, "exchange", None)
                if match.status == Match.Status.ACCEPTED
                else None,
            },
        )


class AnswerMatchView(ActionView):
    def get_object(self, request: HttpRequest, **kwargs: Any) -> Match:
        return load(request, Match, kwargs["pk"], "exchanges.view_match")

    def perform(self, request: HttpRequest, obj: Match) -> Any:
        reason = cleaned(AnswerForm(request.POST))["reason"]
        accept = decision(request, "accept", "decline") == "accept"
        match = services.answer_match(
            request.user, obj, request.POST.get("side", ""), accept=accept, reason=reason
        )
        if match.status == Match.Status.ACCEPTED:
            messages.success(request, _("Both sides accepted: the exchange has started."))
        elif accept:
            messages.success(request, _("Thank you: we now wait for the other side."))
        else:
            messages.success(request, _("Declined. The coordinator will look for another peer."))
        return match

    def target(self, obj: Match, result: Any) -> str:
        if (
            result is not None
            and result.status == Match.Status.ACCEPTED
            and hasattr(result, "exchange")
        ):
            return str(result.exchange.get_absolute_url())
        return obj.get_absolute_url()


class WithdrawMatchView(ActionView):
    success_message = gettext_lazy("The match is withdrawn; its place is free again.")

    def get_object(self, request: HttpRequest, **kwargs: Any) -> Match:
        return load(request, Match, kwargs["pk"], "exchanges.manage_match")

    def perform(self, request: HttpRequest, obj: Match) -> Any:
        services.withdraw_match(request.user, obj)
