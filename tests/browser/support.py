"""Helpers shared by the browser tests."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.conftest import PASSWORD


def sign_in(page: Page, email: str, password: str = PASSWORD) -> None:
    """Sign in through the real form, by keyboard, as a person would."""
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_label("Password").press("Enter")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def h1(page: Page) -> Locator:
    return page.get_by_role("heading", level=1)


def whole(text: str) -> re.Pattern[str]:
    """Match an element's whole text, give or take surrounding white space."""
    return re.compile(rf"^\s*{re.escape(text)}\s*$")
