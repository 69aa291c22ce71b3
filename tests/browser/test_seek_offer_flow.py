"""Issue 4: from seek & offer to a closed exchange, through the pages.

Three people, each at a browser of their own (a context, signed in through the
form): an expert of Jenin offers expertise, the focal point of Hebron posts a
need in Arabic, and the coordinator of the association reviews both, runs the
matching, reads why the engine proposes the expert, approves and publishes the
match. Both sides accept; the exchange has its first meeting (with a calendar
file), goes through MILE's phases, records the meeting's minutes and the
learning note, closes, and both sides answer the closing questionnaire. The
programme dashboard counts one more accepted match, closed exchange and held
meeting."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Callable, Iterator
from pathlib import Path

import icalendar
import pytest
from django.utils import translation
from playwright.sync_api import Browser, Locator, Page, expect
from pytest_django.live_server_helper import LiveServer

from peerlearn.directory.forms import TopicChoiceField
from peerlearn.directory.models import Language, Person, Topic
from tests.browser.conftest import SCREENSHOTS, TIMEOUT_MS, VIEWPORT
from tests.browser.support import h1, sign_in, whole
from tests.conftest import World, make_user

pytestmark = pytest.mark.browser

EXPERT_EMAIL = "jenin.expert@test.example"
EXPERT_NAME = "Samir Khalil"
FOCAL_EMAIL = "focal@test.example"
COORDINATOR_EMAIL = "coordinator@test.example"

NEED_TITLE = "فرز النفايات المنزلية من المصدر"
NEED_PROBLEM = "النفايات المختلطة تملأ المكب، ولا يوجد فرز من المصدر في الأحياء."
NEED_OUTCOME = "تجربة فرز من المصدر في حيين خلال ستة أشهر."
MEETING = "Kick-off call"
MEETING_ZONE = "Asia/Hebron"
MEETING_LINK = "https://meet.example/hebron-jenin"

# A browser of one's own for each person: `desk(email)` opens it, signed in.
Desk = Callable[[str], Page]


@pytest.fixture
def desk(
    browser: Browser,
    live_server: LiveServer,
    browser_world: World,
    request: pytest.FixtureRequest,
) -> Iterator[Desk]:
    pages: dict[str, Page] = {}

    def open_desk(email: str) -> Page:
        context = browser.new_context(base_url=live_server.url, locale="en-GB", viewport=VIEWPORT)
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        pages[email] = page
        sign_in(page, email)
        return page

    yield open_desk
    report = getattr(request.node, "rep_call", None)
    for email, page in pages.items():
        try:
            if report is not None and report.failed:
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                who = email.split("@")[0]
                page.screenshot(
                    path=SCREENSHOTS / f"failed-{request.node.name}-{who}.png", full_page=True
                )
        finally:
            page.context.close()


def topic_option(code: str) -> str:
    """How the topics select names a topic, in English."""
    topic = Topic.objects.select_related("parent").get(code=code)
    with translation.override("en"):
        return TopicChoiceField(queryset=Topic.objects.none()).label_from_instance(topic)


def said(page: Page, text: str) -> None:
    """The page tells the person `text` (a message after an action)."""
    expect(page.get_by_role("status").filter(has_text=text)).to_be_visible()


def open_programme(page: Page, name: str) -> None:
    page.get_by_role("link", name="My seek & offer").click()
    expect(h1(page)).to_have_text("My seek & offer")
    page.get_by_role("region", name="My programmes").get_by_role("link", name=name).click()
    expect(h1(page)).to_have_text(f"Seek & offer: {name}")


def open_exchange(page: Page, title: str) -> None:
    page.get_by_role("link", name="My seek & offer").click()
    page.get_by_role("region", name="My exchanges").get_by_role("link", name=title).click()
    expect(h1(page)).to_have_text(title)


def count_in(table: Locator, row: str) -> int:
    """The number in the first cell of the row headed `row`."""
    cells = (
        table.get_by_role("row")
        .filter(has=table.page.get_by_role("rowheader", name=whole(row)))
        .get_by_role("cell")
    )
    return int(cells.first.inner_text().replace(",", ""))


def dashboard_figures(page: Page) -> dict[str, int]:
    expect(h1(page)).to_have_text(re.compile(r"^Dashboard: "))
    matches = page.get_by_role(
        "table", name="Matches approved by a coordinator, by where they stand"
    )
    phases = page.get_by_role("table", name=re.compile(r"^Exchanges by phase"))
    held = page.get_by_role("listitem").filter(
        has_text=re.compile(r"^\s*[\d,]+\s+meetings held\s*$")
    )
    return {
        "matches accepted": count_in(matches, "accepted by both sides"),
        "exchanges closed": count_in(phases, "closed"),
        "meetings held": int(re.sub(r"\D", "", held.inner_text())),
    }


def for_meeting(action: str) -> re.Pattern[str]:
    """A meeting's link: the action, then the meeting's title (hidden from view;
    Chromium's accessible name has a space before its colon)."""
    return re.compile(rf"^{re.escape(action)}\s*: {re.escape(MEETING)}$")


def change_phase(page: Page, label: str) -> None:
    phase = page.get_by_role("region", name="Phase", exact=True)
    phase.get_by_label("Phase").select_option(label=label)
    phase.get_by_role("button", name="Change the phase").click()
    said(page, "The phase is changed.")
    current = page.get_by_role("region", name="Phase", exact=True).get_by_role("listitem")
    expect(current.filter(has_text=label)).to_have_attribute("aria-current", "step")


def answer_questionnaire(page: Page, side: str, achieved: str) -> None:
    page.get_by_role("link", name="Answer the closing questionnaire").click()
    expect(h1(page)).to_have_text("Closing questionnaire")
    # One side to answer for: it is chosen already.
    expect(page.get_by_role("group", name="side").get_by_label(side)).to_be_checked()
    page.get_by_label("What was achieved?").fill(achieved)
    page.get_by_label("What changed in practice?").fill("Sorting is now part of the contract.")
    page.get_by_role("group", name="Would you do it again?").get_by_label("yes").check()
    for rating, value in (("usefulness", "5"), ("relationship", "4"), ("organisation", "5")):
        page.get_by_role("group", name=rating).get_by_label(value, exact=True).check()
    page.get_by_role("button", name="Send the answers").click()
    said(page, "Thank you: your answers are recorded.")
    feedback = page.get_by_role("region", name="Closing feedback")
    expect(feedback).to_contain_text(achieved)


def test_from_an_offer_and_an_arabic_need_to_a_closed_exchange(
    desk: Desk, browser_world: World
) -> None:
    world = browser_world
    programme = world.programme.name
    jenin = world.lg2.name
    waste = topic_option("environment.solid_waste")
    waste_label = Topic.objects.get(code="environment.solid_waste").label
    # The expert works in English and French; the need is in Arabic, and its
    # contact works in Arabic and English: English is what they share.
    expert = Person.objects.create(
        name=EXPERT_NAME,
        local_government=world.lg2,
        user=make_user(EXPERT_EMAIL),
        role="employee",
        email="samir.khalil@contact.example",
    )
    expert.languages.set(Language.objects.filter(code__in=["en", "fr"]))
    zone = zoneinfo.ZoneInfo(MEETING_ZONE)
    # The kick-off was two days ago (a meeting is marked held once it has begun).
    day = dt.datetime.now(zone).date() - dt.timedelta(days=2)
    starts = dt.datetime.combine(day, dt.time(10, 0))
    ends = dt.datetime.combine(day, dt.time(11, 30))

    # 1. The expert offers expertise in the programme and submits it for review.
    expert_desk = desk(EXPERT_EMAIL)
    open_programme(expert_desk, programme)
    expert_desk.get_by_role("link", name="Offer expertise").click()
    expect(h1(expert_desk)).to_have_text("Offer your expertise")
    expert_desk.get_by_label("Topics").select_option(label=waste)
    expert_desk.get_by_label("What you have done").fill(
        "We introduced sorting at source in 40 neighbourhoods of Jenin: "
        "separate bins, door-to-door campaigns and a composting site."
    )
    expert_desk.get_by_label("Language of the description").select_option(label="English")
    languages = expert_desk.get_by_role("group", name="Working languages")
    # Proposed from the expert's profile.
    expect(languages.get_by_label("English", exact=True)).to_be_checked()
    expect(languages.get_by_label("French", exact=True)).to_be_checked()
    expect(languages.get_by_label("Arabic", exact=True)).not_to_be_checked()
    expert_desk.get_by_label("Years of experience").fill("12")
    expert_desk.get_by_label("Capacity").fill("2")
    expert_desk.get_by_label("Online", exact=True).check()
    expert_desk.get_by_label("In person", exact=True).check()
    for scope in ("My region", "My country", "Other countries"):
        expert_desk.get_by_label(scope, exact=True).check()
    expert_desk.get_by_role("button", name="Submit for review").click()
    expect(h1(expert_desk)).to_have_text(f"Offer of expertise by {EXPERT_NAME}")
    said(expert_desk, "Your offer is submitted: a coordinator will review it.")
    expect(expert_desk.get_by_text("submitted for review", exact=True)).to_be_visible()

    # 2. The focal point of Hebron posts a need, in Arabic, and submits it.
    focal = desk(FOCAL_EMAIL)
    open_programme(focal, programme)
    focal.get_by_role("link", name="Post a need").click()
    expect(h1(focal)).to_have_text("Seek expertise")
    focal.get_by_label("Title").fill(NEED_TITLE)
    focal.get_by_label("Topics").select_option(label=waste)
    focal.get_by_label("The problem").fill(NEED_PROBLEM)
    focal.get_by_label("The outcome you want").fill(NEED_OUTCOME)
    focal.get_by_label("Language of the description").select_option(label="Arabic")
    focal.get_by_label("Kind of help").select_option(label="mentoring")
    focal.get_by_label("Where to look for peers").select_option(label="national (same country)")
    languages = focal.get_by_role("group", name="Working languages")
    languages.get_by_label("Arabic", exact=True).check()
    languages.get_by_label("English", exact=True).check()
    expect(languages.get_by_label("French", exact=True)).not_to_be_checked()
    focal.get_by_role("button", name="Submit for review").click()
    expect(h1(focal)).to_have_text(NEED_TITLE)
    said(focal, "Your need is submitted: a coordinator will review it.")

    # 3. The coordinator notes the dashboard's figures, reviews both, matches.
    coordinator = desk(COORDINATOR_EMAIL)
    open_programme(coordinator, programme)
    coordinator.get_by_role("link", name="Programme dashboard").click()
    before = dashboard_figures(coordinator)

    coordinator.get_by_role("main").get_by_role("link", name=whole(programme)).click()
    coordinator.get_by_role("link", name="Review (2 waiting)").click()
    expect(h1(coordinator)).to_have_text("Waiting for review")
    offer_item = coordinator.get_by_role("article").filter(
        has=coordinator.get_by_role("heading", name=EXPERT_NAME)
    )
    offer_item.get_by_label("Note to the author").fill("Welcome to the expert pool.")
    offer_item.get_by_role("button", name="Accept").click()
    said(coordinator, "Accepted.")
    need_item = coordinator.get_by_role("article").filter(
        has=coordinator.get_by_role("heading", name=NEED_TITLE)
    )
    expect(need_item).to_contain_text(NEED_PROBLEM)
    need_item.get_by_role("button", name="Accept").click()
    said(coordinator, "Accepted.")
    expect(coordinator.get_by_text("No need is waiting.")).to_be_visible()
    expect(coordinator.get_by_text("No offer is waiting.")).to_be_visible()

    coordinator.get_by_role("main").get_by_role("link", name=whole(programme)).click()
    coordinator.get_by_role("link", name="Matching console").click()
    expect(h1(coordinator)).to_have_text("Matching console")
    coordinator.get_by_role("button", name="Run matching").click()
    expect(coordinator).to_have_url(re.compile(r"/runs/\d+/$"))
    expect(h1(coordinator)).to_have_text(re.compile(r"^Matching run of "))
    proposal = coordinator.get_by_role("region", name=re.compile(re.escape(NEED_TITLE)))
    expect(proposal).to_contain_text(f"Proposed: {EXPERT_NAME}, {jenin}")
    # The reasons, in words a coordinator can check: the topic and the language.
    explanation = proposal.get_by_text(re.compile(r"shared languages?: "))
    expect(explanation).to_contain_text(waste_label)
    expect(explanation).to_contain_text(re.compile(r"shared language: English\b"))
    proposal.get_by_role("button", name="Approve", exact=True).click()
    said(coordinator, "Approved. Publish the approved matches to tell both sides.")
    expect(proposal).to_contain_text(f"Matched with {EXPERT_NAME} (approved, not yet published)")
    coordinator.get_by_role("button", name="Publish approved matches").click()
    expect(h1(coordinator)).to_have_text("Matching console")
    said(coordinator, "1 match published: both sides have been told.")

    # 4. Both sides accept: the expert from "My seek & offer", the focal point
    # from the notification. The second acceptance opens the exchange.
    expert_desk.get_by_role("link", name="My seek & offer").click()
    waiting = expert_desk.get_by_role("region", name="Waiting for your answer")
    waiting.get_by_role("link", name=re.compile(re.escape(NEED_TITLE))).click()
    expect(h1(expert_desk)).to_have_text("Proposed match")
    expect(expert_desk.get_by_role("main")).to_contain_text(waste_label)
    answer = expert_desk.get_by_role("region", name="Your answer for the offering side")
    answer.get_by_role("button", name="Accept").click()
    said(expert_desk, "Thank you: we now wait for the other side.")

    focal.get_by_role("link", name=re.compile(r"^Notifications")).click()
    expect(h1(focal)).to_have_text("Notifications")
    focal.get_by_role(
        "link", name=re.compile(rf"{re.escape(NEED_TITLE)}.*accept or decline")
    ).click()
    expect(h1(focal)).to_have_text("Proposed match")
    answer = focal.get_by_role("region", name="Your answer for the seeking side")
    answer.get_by_role("button", name="Accept").click()
    exchange_title = NEED_TITLE
    expect(focal).to_have_url(re.compile(r"/exchanges/\d+/$"))
    expect(h1(focal)).to_have_text(exchange_title)
    said(focal, "Both sides accepted: the exchange has started.")
    participants = focal.get_by_role(
        "table", name="Participants, their roles and how to reach them"
    )
    expect(participants.get_by_role("rowheader")).to_have_text(
        [EXPERT_NAME, world.people["focal_point"].name]
    )

    # 5. The focal point schedules the kick-off, in Hebron's time, online, and
    # downloads its calendar file.
    focal.get_by_role("link", name="Schedule a meeting").click()
    expect(h1(focal)).to_have_text("Schedule a meeting")
    focal.get_by_label("Title").fill(MEETING)
    focal.get_by_label("Time zone").select_option(label=MEETING_ZONE)
    focal.get_by_label("Starts").fill(f"{starts:%Y-%m-%dT%H:%M}")
    focal.get_by_label("Ends").fill(f"{ends:%Y-%m-%dT%H:%M}")
    focal.get_by_label("Online meeting link").fill(MEETING_LINK)
    attendees = focal.get_by_role("group", name="Attendees")
    attendees.get_by_label(EXPERT_NAME).check()
    attendees.get_by_label(world.people["focal_point"].name).check()
    focal.get_by_label("Agenda").fill("Introductions; the landfill today; the baseline.")
    focal.get_by_role("button", name="Schedule the meeting").click()
    expect(h1(focal)).to_have_text(exchange_title)
    said(focal, "The meeting is scheduled; the participants have been told.")
    meeting = focal.get_by_role("article", name=re.compile(rf"^{MEETING}"))
    expect(meeting).to_contain_text(f"({MEETING_ZONE})")
    expect(meeting.get_by_role("link", name=MEETING_LINK)).to_be_visible()
    with focal.expect_download() as download_info:
        meeting.get_by_role("link", name=for_meeting("Add to my calendar (.ics)")).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    ics = Path(download.path()).read_bytes()
    (event,) = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert str(event.get("SUMMARY")) == MEETING
    dtstart = event.decoded("DTSTART")
    assert isinstance(dtstart, dt.datetime)
    # The hour typed, in the time zone chosen (not moved to the server's UTC).
    assert f"DTSTART;TZID={MEETING_ZONE}:{starts:%Y%m%dT%H%M%S}" in ics.decode()
    assert dtstart.replace(tzinfo=None) == starts
    assert dtstart == starts.replace(tzinfo=zone)
    assert str(event.get("LOCATION")) == MEETING_LINK

    # 6. Through the phases: the focal point moves on, the expert records the
    # meeting as held, the focal point writes the learning note and closes.
    change_phase(focal, "inspiration and reflection")

    open_exchange(expert_desk, exchange_title)
    meeting = expert_desk.get_by_role("article", name=re.compile(rf"^{MEETING}"))
    meeting.get_by_role("link", name=for_meeting("Minutes and attendance")).click()
    expect(h1(expert_desk)).to_have_text("Minutes and attendance")
    expert_desk.get_by_label("Status").select_option(label="held")
    attendees = expert_desk.get_by_role("group", name="Attendees")
    expect(attendees.get_by_label(EXPERT_NAME)).to_be_checked()
    expert_desk.get_by_label("Minutes").fill(
        "Hebron's landfill is full in three years. Jenin shows its door-to-door campaign; "
        "Hebron picks two neighbourhoods for a pilot."
    )
    expert_desk.get_by_role("button", name="Save", exact=True).click()
    said(expert_desk, "The minutes are saved.")
    held = expert_desk.get_by_role("article", name=whole(f"{MEETING} held"))
    expect(held).to_contain_text("door-to-door campaign")

    focal.reload()
    for phase in ("adoption and adaptation", "supported implementation", "after-care"):
        change_phase(focal, phase)

    note = focal.get_by_role("region", name="Learning note")
    note.get_by_role("link", name="Write the learning note").click()
    expect(h1(focal)).to_have_text("The learning note")
    focal.get_by_label("Summary").fill("Sorting at source works when the bins come first.")
    focal.get_by_label("What worked").fill("Door-to-door campaigns in the two pilot areas.")
    focal.get_by_label("What did not work").fill("Fines before there were bins to sort into.")
    focal.get_by_role("button", name="Save", exact=True).click()
    said(focal, "The learning note is saved.")
    expect(focal.get_by_role("region", name="Learning note")).to_contain_text(
        "Fines before there were bins"
    )
    focal.get_by_role("button", name="Close the exchange").click()
    said(focal, "The exchange is closed. Both sides are asked for their feedback.")
    expect(focal.get_by_text(re.compile(r"^This exchange was closed on "))).to_be_visible()
    # Closed: nothing left to change.
    expect(focal.get_by_role("button", name="Change the phase")).to_have_count(0)

    # Both sides answer the closing questionnaire.
    answer_questionnaire(focal, "seeking side", "A pilot of sorting at source in two areas.")
    expert_desk.reload()
    expect(h1(expert_desk)).to_have_text(exchange_title)
    answer_questionnaire(expert_desk, "offering side", "Hebron runs its own pilot now.")
    expect(expert_desk.get_by_role("link", name="Answer the closing questionnaire")).to_have_count(
        0
    )

    # 7. The dashboard counts the accepted match, the closed exchange and the
    # meeting held.
    coordinator.get_by_role("main").get_by_role("link", name=whole(programme)).click()
    coordinator.get_by_role("link", name="Programme dashboard").click()
    after = dashboard_figures(coordinator)
    assert after == {key: value + 1 for key, value in before.items()}, (before, after)
