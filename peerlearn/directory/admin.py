from django.contrib import admin

from peerlearn.audit.admin import AuditedAdmin
from peerlearn.directory import models

LABELS = ["label_en", "label_ar", "label_tr", "label_fr", "label_es"]


@admin.register(models.Topic)
class TopicAdmin(AuditedAdmin):
    list_display = ["code", "label_en", "label_ar", "parent", "position"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["code", *LABELS]
    ordering = ["code"]


@admin.register(models.Language)
class LanguageAdmin(AuditedAdmin):
    list_display = ["code", "label_en", "native_name"]
    search_fields = ["code", "native_name", *LABELS]


@admin.register(models.SustainableDevelopmentGoal)
class SdgAdmin(AuditedAdmin):
    list_display = ["number", "label_en", "label_ar"]


@admin.register(models.Methodology, models.Department)
class VocabularyAdmin(AuditedAdmin):
    list_display = ["code", "label_en", "label_ar"]
    search_fields = ["code", *LABELS]


class MembershipInline(admin.TabularInline):
    model = models.AssociationMembership
    extra = 0
    autocomplete_fields = ["association"]


@admin.register(models.LocalGovernment)
class LocalGovernmentAdmin(AuditedAdmin):
    list_display = ["name", "kind", "country", "region", "population"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "name_local", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["official_languages", "departments"]
    inlines = [MembershipInline]
    list_per_page = 50
    show_full_result_count = False


@admin.register(models.Association)
class AssociationAdmin(AuditedAdmin):
    list_display = ["acronym", "name", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["acronym", "name"]
    prepopulated_fields = {"slug": ["acronym"]}
    filter_horizontal = ["member_associations"]


@admin.register(models.AssociationMembership)
class AssociationMembershipAdmin(AuditedAdmin):
    list_display = ["association", "local_government", "since"]
    list_filter = ["association"]
    autocomplete_fields = ["association", "local_government"]
    search_fields = ["local_government__name"]


@admin.register(models.Programme)
class ProgrammeAdmin(AuditedAdmin):
    list_display = ["name", "association", "starts_on", "ends_on"]
    list_filter = ["association"]
    search_fields = ["name"]
    filter_horizontal = ["methodologies", "topics"]


class ExpertiseInline(admin.TabularInline):
    model = models.Expertise
    extra = 0
    autocomplete_fields = ["topic"]


@admin.register(models.Person)
class PersonAdmin(AuditedAdmin):
    list_display = ["name", "position", "role", "local_government", "association", "is_public"]
    list_filter = ["role", "is_public"]
    search_fields = ["name", "position", "email"]
    autocomplete_fields = ["local_government", "association", "user"]
    filter_horizontal = ["languages"]
    inlines = [ExpertiseInline]
    list_select_related = ["local_government", "association"]
    show_full_result_count = False


@admin.register(models.Expertise)
class ExpertiseAdmin(AuditedAdmin):
    list_display = ["person", "topic", "years"]
    autocomplete_fields = ["person", "topic"]
    list_select_related = ["person", "topic"]
