"""Scenario 5: a focal point keeps their local government's profile."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import h1, sign_in
from tests.conftest import World

pytestmark = pytest.mark.browser

ARABIC_NAME = "بلدية الخليل"


def test_a_focal_point_edits_their_local_government(page: Page, browser_world: World):
    lg = browser_world.lg1
    sign_in(page, "focal@test.example")
    page.goto(lg.get_absolute_url())
    page.get_by_role("link", name="Edit this local government").click()
    expect(h1(page)).to_have_text(f"Edit {lg.name}")

    page.get_by_label("Population").fill("230000")
    page.get_by_label("Name in the local script").fill(ARABIC_NAME)
    page.get_by_role("button", name="Save").click()

    expect(page).to_have_url(re.compile(rf"{re.escape(lg.get_absolute_url())}$"))
    expect(page.get_by_role("status")).to_contain_text(f"The changes to {lg.name} are saved.")
    expect(h1(page)).to_have_text(f"{lg.name} {ARABIC_NAME}")
    # The name in Arabic script is laid out right-to-left inside the English page.
    local_name = h1(page).locator(".local-name")
    assert local_name.evaluate("element => getComputedStyle(element).direction") == "rtl"
    expect(page.locator("dt:text-is('Population') + dd")).to_have_text("230,000")
    lg.refresh_from_db()
    assert (lg.population, lg.name_local) == (230000, ARABIC_NAME)


def test_a_bad_population_is_refused_next_to_the_field(page: Page, browser_world: World):
    lg = browser_world.lg1
    sign_in(page, "focal@test.example")
    page.goto(f"{lg.get_absolute_url()}edit/")

    population = page.get_by_label("Population")
    population.fill("-5")
    page.get_by_role("button", name="Save").click()

    expect(h1(page)).to_have_text(f"Edit {lg.name}")
    field = page.locator("div.field").filter(has=page.get_by_label("Population"))
    error = field.get_by_role("alert")
    expect(error).to_contain_text("greater than or equal to 0")
    # Tied to the field for screen readers: announced with it, and marked invalid.
    expect(population).to_have_accessible_description(re.compile("greater than or equal to 0"))
    expect(population).to_have_attribute("aria-invalid", "true")
    expect(population).to_have_value("-5")  # kept, for the person to correct
    # Next to the field: just under the input, not only in a summary at the top.
    field_box, error_box = population.bounding_box(), error.bounding_box()
    assert field_box is not None and error_box is not None
    assert 0 <= error_box["y"] - (field_box["y"] + field_box["height"]) < 40
    # Only that field is in error.
    expect(page.locator("div.field.has-error")).to_have_count(1)

    lg.refresh_from_db()
    assert lg.population == 215000
