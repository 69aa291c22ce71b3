from typing import Any

from django.contrib import admin

from peerlearn.audit.admin import AuditedAdmin
from peerlearn.exchanges import models


@admin.register(models.Offer)
class OfferAdmin(AuditedAdmin):
    list_display = ["person", "programme", "status", "capacity", "updated_at"]
    list_filter = ["status", "programme"]
    search_fields = ["person__name", "description"]
    autocomplete_fields = ["person", "local_government"]
    filter_horizontal = ["topics", "languages"]
    list_select_related = ["person", "programme"]


@admin.register(models.Need)
class NeedAdmin(AuditedAdmin):
    list_display = ["title", "local_government", "programme", "status", "kind", "updated_at"]
    list_filter = ["status", "kind", "programme"]
    search_fields = ["title", "problem", "local_government__name"]
    autocomplete_fields = ["local_government", "contact", "also_for"]
    filter_horizontal = ["topics", "languages"]
    list_select_related = ["local_government", "programme"]


@admin.register(models.PairRule)
class PairRuleAdmin(AuditedAdmin):
    list_display = ["need", "offer", "kind", "reason", "decided_at"]
    list_filter = ["kind"]
    raw_id_fields = ["need", "offer"]


@admin.register(models.MatchingRun)
class MatchingRunAdmin(AuditedAdmin):
    list_display = ["programme", "solver", "status", "needs_count", "offers_count", "created_at"]
    list_filter = ["status", "solver"]
    readonly_fields = ["progress_done", "progress_total", "stage", "objective", "seconds", "error"]


@admin.register(models.Proposal)
class ProposalAdmin(AuditedAdmin):
    list_display = ["run", "need", "offer", "rank", "assigned", "score"]
    list_filter = ["assigned"]
    raw_id_fields = ["run", "need", "offer"]


@admin.register(models.Match)
class MatchAdmin(AuditedAdmin):
    list_display = ["need", "offer", "status", "need_answer", "offer_answer", "approved_at"]
    list_filter = ["status"]
    raw_id_fields = ["need", "offer", "proposal"]


class ParticipantInline(admin.TabularInline):
    model = models.Participant
    extra = 0
    autocomplete_fields = ["person", "local_government"]


@admin.register(models.Exchange)
class ExchangeAdmin(AuditedAdmin):
    list_display = ["title", "programme", "kind", "phase", "coordination", "last_activity_at"]
    list_filter = ["phase", "coordination", "kind", "programme"]
    search_fields = ["title"]
    raw_id_fields = ["match"]
    inlines = [ParticipantInline]


@admin.register(
    models.Participant,
    models.Meeting,
    models.FollowUpAction,
    models.StaffExchangeRequest,
    models.WorkPlanActivity,
    models.Endorsement,
    models.ClosingFeedback,
    models.LearningNote,
)
class ExchangePartAdmin(AuditedAdmin):
    """The parts of an exchange, for the administrator's corrections."""

    def get_list_display(self, request: object) -> Any:
        return ["__str__", *(["exchange"] if hasattr(self.model, "exchange") else [])]

    def get_raw_id_fields(self, request: object) -> list[str]:
        return [
            f.name
            for f in self.model._meta.get_fields()
            if f.is_relation and f.many_to_one and f.concrete
        ]
