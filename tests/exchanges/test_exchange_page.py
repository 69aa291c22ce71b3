"""The exchange page as a whole: what it shows, its structure for assistive
technology, and a number of queries that does not grow with the exchange."""

from __future__ import annotations

import datetime
from html.parser import HTMLParser
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from peerlearn.exchanges import services
from tests.exchanges.conftest import (
    ExchangeWorld,
    activity,
    held_meeting,
    learning_note,
    schedule,
    staff_request,
)

UTC = datetime.UTC


class Outline(HTMLParser):
    """Headings, table header cells and the phase steps of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.th_without_scope = 0
        self.steps: list[dict[str, Any]] = []
        self.in_steps = False
        self.lists: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))
        if tag == "th" and "scope" not in attributes:
            self.th_without_scope += 1
        if tag in ("ol", "ul"):
            self.lists.append(attributes.get("class") or "")
            if "phase-steps" in (attributes.get("class") or ""):
                self.in_steps = tag == "ol"
        if tag == "li" and self.in_steps:
            self.steps.append(attributes)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ol", "ul") and self.lists and "phase-steps" in self.lists.pop():
            self.in_steps = False


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


def busy(ex: ExchangeWorld, meetings: int) -> None:
    for i in range(meetings):
        meeting = held_meeting(ex)
        services.add_follow_up(
            ex.user("seeker"),
            meeting,
            {
                "description": f"Action {i}",
                "owner": ex.person("mentor"),
                "due_on": datetime.date(2020, 1, 1),
            },
        )
        staff_request(ex)
        activity(ex)
    schedule(ex, datetime.datetime(2030, 5, 10, 7, tzinfo=UTC))


def test_the_page_is_structured_for_everyone(ex: ExchangeWorld) -> None:
    busy(ex, 2)
    services.set_phase(ex.user("seeker"), ex.exchange, "implementation")
    html = ex.client("focal_point").get(ex.exchange.get_absolute_url()).content.decode()
    page = outline(html)
    assert page.headings.count(1) == 1 and page.headings[0] == 1
    for before, after in zip(page.headings, page.headings[1:], strict=False):
        assert after <= before + 1, page.headings
    assert page.th_without_scope == 0
    assert len(page.steps) == 5
    current = [i for i, step in enumerate(page.steps) if step.get("aria-current") == "step"]
    assert current == [3]


def test_a_closed_exchange_has_no_current_step(ex: ExchangeWorld) -> None:
    learning_note(ex)
    services.close_exchange(ex.user("coordinator"), ex.exchange)
    page = outline(ex.client("seeker").get(ex.exchange.get_absolute_url()).content.decode())
    assert len(page.steps) == 5
    assert not any(step.get("aria-current") for step in page.steps)


def test_participants_and_how_to_reach_them(ex: ExchangeWorld) -> None:
    html = ex.client("coordinator").get(ex.exchange.get_absolute_url()).content.decode()
    for text in (
        "Person member",
        "mentee",
        "member@contact.example",
        "Person mentor",
        "mentor",
        "mentor@contact.example",
        "+970 2 111 1111",
        "coordinated by the association",
        "mentoring",
    ):
        assert text in html, text


def test_the_number_of_queries_does_not_grow_with_the_exchange(ex: ExchangeWorld) -> None:
    def queries() -> int:
        client = ex.client("focal_point")
        with CaptureQueriesContext(connection) as captured:
            assert client.get(ex.exchange.get_absolute_url()).status_code == 200
        return len(captured)

    busy(ex, 1)
    small = queries()
    busy(ex, 4)
    assert queries() <= small
