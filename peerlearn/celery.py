"""Celery application for background work (large matching runs, notifications),
used only when CELERY_BROKER_URL is set; otherwise the work runs inline.

Start a worker with: celery -A peerlearn.celery worker"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peerlearn.settings")

app = Celery("peerlearn")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
