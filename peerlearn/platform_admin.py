"""The Django admin, for platform administrators only.

The site's rules are per object ("may change this local government"); the
admin asks per model ("may view people?"), where a rule such as "signed-in
users see public profiles" would open every person's contact details to any
staff account. So the admin is closed to everyone but administrators."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class PlatformAdminSite(admin.AdminSite):
    site_header = _("PeerLearn administration")
    site_title = _("PeerLearn")

    def has_permission(self, request: Any) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)


class PlatformAdminConfig(AdminConfig):
    default_site = "peerlearn.platform_admin.PlatformAdminSite"
