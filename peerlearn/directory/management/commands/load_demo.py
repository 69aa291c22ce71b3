"""Load the demo data of every capability, in the order of INSTALLED_APPS.

Each app that has demo data provides `peerlearn.<app>.demo.load(say)`."""

from __future__ import annotations

import importlib
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, no_translations

from peerlearn.directory.demo import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Load the demo data set (idempotent: running it twice changes nothing)."

    # The summary is for whoever runs `make run`, in the project's language.
    @no_translations
    def handle(self, *args: Any, **options: Any) -> None:
        accounts: list[tuple[str, str, str]] = []
        for config in apps.get_app_configs():
            if not config.name.startswith("peerlearn."):
                continue
            try:
                module = importlib.import_module(f"{config.name}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{config.name}.demo":
                    raise
                continue
            result = module.load(say=self.stdout.write) or {}
            accounts.extend(result.get("accounts", []))
        if accounts:
            self.stdout.write("")
            self.stdout.write(
                self.style.SUCCESS(f"Demo accounts (password for all: {DEMO_PASSWORD})")
            )
            width = max(len(email) for email, _role, _scope in accounts)
            for email, role, scope in accounts:
                self.stdout.write(f"  {email.ljust(width)}  {role} — {scope}")
