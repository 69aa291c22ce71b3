"""Scenarios 2, 3 and 6: browse the directory, filter by topic, and see
contact details only where the rules allow."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation
from playwright.sync_api import Page, expect

from peerlearn.directory.forms import TopicChoiceField
from peerlearn.directory.models import Topic
from tests.browser.support import h1, sign_in
from tests.conftest import World

pytestmark = pytest.mark.browser


def option_label(topic: Topic) -> str:
    """How the topic filters name a topic, in English."""
    with translation.override("en"):
        return TopicChoiceField(queryset=Topic.objects.none()).label_from_instance(topic)


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query, keep_blank_values=True)


def test_browse_from_the_list_to_a_local_government_and_a_person(page: Page):
    page.goto("/")
    main_menu = page.get_by_role("navigation", name="Main")
    main_menu.get_by_role("link", name="Local governments").click()
    expect(h1(page)).to_have_text("Local governments")
    table = page.get_by_role("table", name="Local governments")
    expect(table.get_by_role("rowheader")).to_have_text(["Hebron Test", "Jenin Test", "Stord Test"])

    table.get_by_role("link", name="Jenin Test").click()
    expect(page).to_have_url(re.compile(r"/local-governments/lg2/$"))
    expect(h1(page)).to_have_text("Jenin Test")

    people = page.get_by_role("region", name="People")
    people.get_by_role("link", name="Person expert").click()
    expect(h1(page)).to_have_text("Person expert")
    expect(page.get_by_role("link", name="Jenin Test")).to_be_visible()


def test_filter_the_experts_by_topic(page: Page, browser_world: World):
    gis = Topic.objects.select_related("parent").get(code="planning.gis")
    sign_in(page, "member@test.example")
    page.goto("/experts/")
    table = page.get_by_role("table", name="Experts")
    expect(table.get_by_role("rowheader")).to_have_text(["Person expert", "Person hidden"])

    page.get_by_label("Topic", exact=True).select_option(label=option_label(gis))
    page.get_by_role("button", name="Apply").click()

    expect(table.get_by_role("rowheader")).to_have_text(["Person hidden"])
    assert query(page)["topic"] == [gis.code]
    expect(page.get_by_text("1 person found")).to_be_visible()
    # The form shows the filter that is applied.
    expect(page.get_by_label("Topic", exact=True)).to_have_value(gis.code)


def test_filter_the_local_governments_by_topic(page: Page, browser_world: World):
    waste = Topic.objects.select_related("parent").get(code="environment.solid_waste")
    page.goto("/local-governments/")
    table = page.get_by_role("table", name="Local governments")
    expect(table.get_by_role("rowheader")).to_have_count(3)

    page.get_by_label("Expertise on topic").select_option(label=option_label(waste))
    page.get_by_role("button", name="Apply").click()

    expect(table.get_by_role("rowheader")).to_have_text(["Jenin Test"])
    assert query(page)["topic"] == [waste.code]
    expect(page.get_by_text("1 local government found")).to_be_visible()


def test_a_visitor_sees_no_contact_details(page: Page, browser_world: World):
    expert = browser_world.people["expert"]
    page.goto(f"/people/{expert.pk}/")
    expect(h1(page)).to_have_text("Person expert")

    contact = page.get_by_role("region", name="Contact")
    expect(contact).to_contain_text("Sign in to see contact details.")
    expect(page.locator("a[href^='mailto:']")).to_have_count(0)
    expect(page.get_by_text(expert.email)).to_have_count(0)
    expect(page.get_by_text(expert.phone)).to_have_count(0)

    # A profile that is not public is not shown at all: the visitor is asked to sign in.
    hidden = browser_world.people["hidden"]
    page.goto(f"/people/{hidden.pk}/")
    expect(h1(page)).to_have_text("Sign in")
    expect(page.get_by_text(hidden.email)).to_have_count(0)


def test_a_member_of_the_same_association_sees_the_e_mail(page: Page, browser_world: World):
    expert = browser_world.people["expert"]  # at LG2, a member of association A
    sign_in(page, "member@test.example")  # at LG1, a member of association A
    page.goto(f"/people/{expert.pk}/")

    contact = page.get_by_role("region", name="Contact")
    e_mail = contact.get_by_role("link", name=expert.email)
    expect(e_mail).to_be_visible()
    expect(e_mail).to_have_attribute("href", f"mailto:{expert.email}")
    expect(contact).to_contain_text(expert.phone)

    # Someone in another association only: no contact details.
    other = browser_world.people["other_focal_point"]  # at LG3, association B
    page.goto(f"/people/{other.pk}/")
    expect(h1(page)).to_have_text(other.name)
    expect(page.locator("a[href^='mailto:']")).to_have_count(0)
    expect(page.get_by_text(other.email)).to_have_count(0)
