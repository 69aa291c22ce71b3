from typing import Any

from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction

from peerlearn.audit.log import record, snapshot
from peerlearn.audit.models import AuditEntry


class AuditedAdmin(admin.ModelAdmin):
    """The admin is where administrators repair data; each edit and deletion
    there is a state change like any other and goes into the audit log (the
    admin already runs it in a transaction)."""

    def _logged_fields(self, obj: models.Model, form: Any) -> list[str]:
        names = []
        for name in form.changed_data:
            try:
                field = obj._meta.get_field(name)
            except FieldDoesNotExist:
                continue  # a form-only field, such as a password confirmation
            if name != "password" and not field.many_to_many:
                names.append(name)
        return names

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        fields = self._logged_fields(obj, form)
        before = snapshot(type(obj)._default_manager.get(pk=obj.pk), fields) if change else None
        super().save_model(request, obj, form, change)
        action = "change" if change else "add"
        record(
            request.user,
            f"admin.{action}_{obj._meta.model_name}",
            obj,
            before,
            snapshot(obj, fields),
        )

    def save_formset(self, request: Any, form: Any, formset: Any, change: bool) -> None:
        """Inlines (a user's roles, above all) are edits too."""
        for gone in formset.deleted_forms:
            if gone.instance.pk is not None:
                _log_deletion(request.user, gone.instance)
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects:
            record(
                request.user, f"admin.add_{obj._meta.model_name}", obj, None, {"object": str(obj)}
            )
        for obj, changed in formset.changed_objects:
            edited = next(f for f in formset.forms if f.instance is obj)
            fields = [name for name in changed if name in self._logged_fields(obj, edited)]
            record(
                request.user,
                f"admin.change_{obj._meta.model_name}",
                obj,
                {name: edited.initial.get(name) for name in fields},
                snapshot(obj, fields),
            )

    def delete_model(self, request: Any, obj: Any) -> None:
        self.delete_queryset(request, type(obj)._default_manager.filter(pk=obj.pk))

    def delete_queryset(self, request: Any, queryset: Any) -> None:
        # The changelist's "delete selected" is not wrapped in a transaction.
        with transaction.atomic():
            for obj in queryset:
                _log_deletion(request.user, obj)
            super().delete_queryset(request, queryset)


def _log_deletion(actor: Any, obj: models.Model) -> None:
    record(actor, f"admin.delete_{obj._meta.model_name}", obj, {"object": str(obj)})


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "action", "target_repr"]
    list_filter = ["action", "target_type"]
    search_fields = ["target_repr", "actor__email", "action"]
    date_hierarchy = "at"
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    # The log is evidence: nobody edits or deletes it, not even administrators.
    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
