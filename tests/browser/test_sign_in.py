"""Scenario 1: sign in through the real login form, by keyboard."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import h1
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_sign_in_with_the_keyboard_shows_the_signed_in_header(page: Page):
    page.goto("/local-governments/")
    header = page.get_by_role("banner")
    header.get_by_role("link", name="Sign in").click()
    expect(h1(page)).to_have_text("Sign in")

    page.get_by_label("E-mail address").fill("focal@test.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")

    # Back where the visitor was, now signed in.
    expect(page).to_have_url(re.compile(r"/local-governments/$"))
    expect(header.get_by_role("button", name="Sign out")).to_be_visible()
    expect(header.get_by_role("link", name="My profile")).to_be_visible()
    expect(header.get_by_role("link", name="Sign in")).to_have_count(0)


def test_a_wrong_password_keeps_the_visitor_signed_out(page: Page):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill("focal@test.example")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_label("Password").press("Enter")

    expect(h1(page)).to_have_text("Sign in")
    expect(page.get_by_role("alert").first).to_be_visible()
    header = page.get_by_role("banner")
    expect(header.get_by_role("link", name="Sign in")).to_be_visible()
    expect(header.get_by_role("button", name="Sign out")).to_have_count(0)
