"""Scenario 4: the language switcher turns the page to Arabic, right to left.

The Arabic catalogue is still being written: nothing here depends on wording."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import SCREENSHOTS, VIEWPORT

pytestmark = pytest.mark.browser


def horizontal_layout(page: Page) -> dict[str, float]:
    """Left edges and centres of the header's parts, in CSS pixels."""
    header = page.get_by_role("banner")
    boxes = {
        "brand": header.locator(".brand").bounding_box(),
        "nav": header.get_by_role("navigation").bounding_box(),
    }
    layout: dict[str, float] = {}
    for name, box in boxes.items():
        assert box is not None, f"the header's {name} is not displayed"
        layout[f"{name}_left"] = box["x"]
        layout[f"{name}_centre"] = box["x"] + box["width"] / 2
    return layout


def test_switch_to_arabic_gives_a_right_to_left_page(page: Page):
    middle = VIEWPORT["width"] / 2
    page.goto("/local-governments/")
    html = page.locator("html")
    expect(html).to_have_attribute("dir", "ltr")
    expect(html).to_have_attribute("lang", "en")
    ltr = horizontal_layout(page)
    assert ltr["nav_centre"] < middle
    assert ltr["brand_left"] < ltr["nav_left"]

    # No JavaScript needed: a select and a submit button.
    page.get_by_label("Language", exact=True).select_option("ar")
    page.get_by_role("button", name="Change language").click()

    expect(html).to_have_attribute("dir", "rtl")
    expect(html).to_have_attribute("lang", "ar")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # Still the same page, with the same data.
    assert page.url.endswith("/local-governments/")
    expect(page.get_by_role("table").get_by_role("rowheader")).to_have_count(3)
    # The header is mirrored: the navigation on the right, the brand at its right.
    rtl = horizontal_layout(page)
    assert rtl["nav_centre"] > middle, rtl
    assert rtl["brand_left"] > rtl["nav_left"], rtl
    expect(page.locator("#language-select")).to_have_value("ar")

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "arabic-local-governments.png", full_page=True)

    # The choice sticks for the next page.
    page.get_by_role("banner").get_by_role("navigation").get_by_role("link").nth(1).click()
    expect(html).to_have_attribute("dir", "rtl")
    expect(html).to_have_attribute("lang", "ar")
