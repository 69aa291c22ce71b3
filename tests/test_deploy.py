"""`manage.py check --deploy` passes with a production environment, and still
catches the development key when production forgets to set SECRET_KEY."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

MANAGE = Path(__file__).resolve().parents[1] / "manage.py"

# Variables the settings read; the test's own environment must not leak in.
SETTINGS_VARIABLES = (
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER",
    "DJANGO_SETTINGS_MODULE",
)


def check_deploy(**environment: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    env.update(environment)
    return subprocess.run(  # noqa: S603 - our own manage.py with the test's interpreter
        [sys.executable, str(MANAGE), "check", "--deploy"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_the_deployment_checklist():
    result = check_deploy(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="peerlearn.example.org",
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output


def test_the_development_key_is_flagged():
    result = check_deploy(DEBUG="0", ALLOWED_HOSTS="peerlearn.example.org")
    output = result.stdout + result.stderr
    assert "security.W009" in output, output
    assert "no issues" not in output
