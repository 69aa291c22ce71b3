"""Scenario 7: keyboard and screen-reader basics on the main pages.

Each page is checked for: the first Tab focuses "Skip to content", and the
link shows when focused; exactly one h1; every form control has an accessible
name (as Chromium's accessibility tree computes it); images have alt text;
element ids are unique (labels and aria-labelledby point at ids)."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import sign_in
from tests.conftest import World

pytestmark = pytest.mark.browser

ON_SCREEN = """link => {
    const box = link.getBoundingClientRect();
    return box.right > 0 && box.left < innerWidth && box.bottom > 0 && box.top < innerHeight;
}"""
CONTROLS = "input:not([type=hidden]), select, textarea, button"
IMAGES_WITHOUT_ALT = "img:not([alt]), [role=img]:not([aria-label]):not([aria-labelledby])"
ANY_NAME = re.compile(r"\S")
# A control in an ARIA snapshot: `- checkbox "Arabic" [checked]` has a name,
# `- checkbox [checked]` has none.
UNNAMED_CONTROL = re.compile(
    r"^\s*- (textbox|searchbox|combobox|listbox|checkbox|radio|spinbutton|slider|switch|button)"
    r'(?! ")(\s|:|$)'
)


def problems_of(page: Page, path: str) -> list[str]:
    response = page.goto(path)
    assert response is not None and response.ok, f"{path}: {response and response.status}"
    found: list[str] = []

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    if skip.count() != 1:
        found.append(f"{skip.count()} skip links")
    elif not skip.evaluate("link => link === document.activeElement"):
        focused = page.evaluate("document.activeElement.outerHTML.slice(0, 80)")
        found.append(f"the first Tab focuses {focused}, not the skip link")
    elif not skip.is_visible() or not skip.evaluate(ON_SCREEN):
        found.append("the skip link stays off screen when focused")

    headings = page.get_by_role("heading", level=1).count()
    if headings != 1:
        found.append(f"{headings} h1 headings")

    # The accessibility tree in one call; on a page with an unnamed control,
    # name each offender.
    snapshot = page.locator("body").aria_snapshot()
    if any(UNNAMED_CONTROL.match(line) for line in snapshot.splitlines()):
        for control in page.locator(CONTROLS).all():
            try:
                expect(control).to_have_accessible_name(ANY_NAME, timeout=100)
            except AssertionError:
                found.append(f"no accessible name: {control.evaluate('e => e.outerHTML')[:160]}")

    for image in page.locator(IMAGES_WITHOUT_ALT).all():
        found.append(f"image without alt text: {image.evaluate('e => e.outerHTML')[:160]}")

    duplicates = page.evaluate(
        """() => {
            const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
            return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
        }"""
    )
    found.extend(f"duplicate id {d!r}" for d in duplicates)
    return [f"{path}: {problem}" for problem in found]


def test_public_pages(page: Page, browser_world: World):
    expert = browser_world.people["expert"]
    paths = [
        "/",
        "/local-governments/",
        "/local-governments/?topic=999999",  # a filter that is not understood
        "/local-governments/lg1/",
        "/experts/",
        f"/people/{expert.pk}/",
        "/associations/",
        "/associations/aa/",
        "/associations/aa/programmes/hubs/",
        "/topics/",
        "/accounts/login/",
        "/accounts/password/reset/",
    ]
    problems = [problem for path in paths for problem in problems_of(page, path)]
    assert problems == []


def test_pages_of_a_signed_in_focal_point(page: Page, browser_world: World):
    focal = browser_world.people["focal_point"]
    sign_in(page, "focal@test.example")
    paths = [
        "/",
        "/local-governments/lg1/",
        "/local-governments/lg1/edit/",
        "/experts/",
        f"/people/{focal.pk}/",
        f"/people/{focal.pk}/edit/",
        "/profile/",
        "/accounts/invite/local-government/lg1/",
        "/accounts/invitations/",
        "/accounts/password/change/",
    ]
    problems = [problem for path in paths for problem in problems_of(page, path)]
    assert problems == []


def test_the_skip_link_moves_the_focus_to_the_main_content(page: Page):
    page.goto("/local-governments/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()
    # The next Tab goes on from the main content, not back to the header.
    page.keyboard.press("Tab")
    in_main = page.evaluate("document.querySelector('main').contains(document.activeElement)")
    assert in_main


def test_errors_in_a_form_are_announced_and_tied_to_their_field(page: Page, browser_world: World):
    page.goto("/accounts/login/")
    page.get_by_role("button", name="Sign in").click()  # nothing filled in
    for field in (page.get_by_label("E-mail address"), page.get_by_label("Password")):
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_accessible_description(re.compile("required"))
    expect(page.get_by_role("alert").first).to_be_visible()


BROKEN_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Broken</title></head><body>
<h1>One</h1><h1>Two</h1>
<a href="#main">Somewhere else</a>
<form><input type="text" name="q"><label for="a">A</label><input id="a"><select></select>
<button></button><button>Go</button></form>
<img src="/static/peerlearn/favicon.svg"><span id="a"></span>
<main id="main"></main></body></html>"""


def test_the_checks_above_find_problems(page: Page, live_server):
    """The checker itself: on a page with every fault, it reports every fault."""
    page.route(
        "**/broken/", lambda route: route.fulfill(body=BROKEN_PAGE, content_type="text/html")
    )
    problems = problems_of(page, "/broken/")
    assert len(problems) == 7, problems
    assert "/broken/: 2 h1 headings" in problems
    assert "/broken/: duplicate id 'a'" in problems
    assert "/broken/: 0 skip links" in problems
    assert sum("no accessible name" in p for p in problems) == 3
    assert sum("image without alt text" in p for p in problems) == 1
