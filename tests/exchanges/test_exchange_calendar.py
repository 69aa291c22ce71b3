"""A meeting's .ics file: parsed back with the icalendar library, as a calendar
program would read it."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from icalendar import Calendar

from peerlearn.directory.models import Person
from peerlearn.exchanges.models import Meeting
from tests.exchanges.conftest import ExchangeWorld, meeting_data

UTC = datetime.UTC
AGENDA = (
    "1. Introductions; who is who, and what each side wants.\n"
    "2. The landfill: 300 t/day, mixed, 60% organic.\n"
    "٣. فرز النفايات من المصدر، تجربة الخليل؛ الأسئلة والأجوبة\n"
    "4. Next steps, a backslash \\ and a comma, at the end."
)


def typed_meeting(ex: ExchangeWorld, **changes: Any) -> tuple[Meeting, Calendar, str]:
    """Schedule through the form, as a person types it; fetch the calendar file."""
    typed: dict[str, Any] = {
        "starts_at": "2025-01-15T10:00",
        "ends_at": "2025-01-15T11:30",
        "time_zone": "Asia/Hebron",
        "agenda": AGENDA,
        **changes,
    }
    data = meeting_data(ex, **typed)
    response = ex.client("seeker").post(
        reverse("exchanges:meeting_new", args=[ex.exchange.pk]), data
    )
    assert response.status_code == 302, response.content.decode()
    meeting = Meeting.objects.latest("pk")
    calendar, text = fetch(ex, meeting)
    return meeting, calendar, text


def fetch(ex: ExchangeWorld, meeting: Meeting) -> tuple[Calendar, str]:
    response = ex.client("mentor").get(reverse("exchanges:meeting_calendar", args=[meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="peerlearn-meeting-{meeting.pk}.ics"'
    )
    return Calendar.from_ical(response.content), response.content.decode("utf-8")


def event_of(calendar: Calendar) -> Any:
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def test_ten_in_hebron_is_eight_utc_in_winter(ex: ExchangeWorld) -> None:
    meeting, calendar, text = typed_meeting(ex)
    event = event_of(calendar)
    starts, ends = event.decoded("dtstart"), event.decoded("dtend")
    assert starts.astimezone(UTC) == datetime.datetime(2025, 1, 15, 8, 0, tzinfo=UTC)
    assert ends.astimezone(UTC) == datetime.datetime(2025, 1, 15, 9, 30, tzinfo=UTC)
    # The time as it was agreed, with the zone it belongs to, and that zone's definition.
    assert "DTSTART;TZID=Asia/Hebron:20250115T100000" in text
    assert "DTEND;TZID=Asia/Hebron:20250115T113000" in text
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Hebron"]
    assert calendar.get_missing_tzids() == set()
    assert meeting.starts_at == datetime.datetime(2025, 1, 15, 8, 0, tzinfo=UTC)


def test_ten_in_hebron_is_seven_utc_in_summer(ex: ExchangeWorld) -> None:
    _meeting, calendar, _text = typed_meeting(
        ex, starts_at="2024-07-15T10:00", ends_at="2024-07-15T11:00"
    )
    starts = event_of(calendar).decoded("dtstart")
    assert starts.astimezone(UTC) == datetime.datetime(2024, 7, 15, 7, 0, tzinfo=UTC)
    assert starts.utcoffset() == datetime.timedelta(hours=3)


def test_a_meeting_in_utc_needs_no_time_zone_definition(ex: ExchangeWorld) -> None:
    _meeting, calendar, text = typed_meeting(ex, time_zone="UTC")
    assert "DTSTART:20250115T100000Z" in text
    assert event_of(calendar).decoded("dtstart") == datetime.datetime(2025, 1, 15, 10, tzinfo=UTC)


def test_the_event_says_what_where_and_who(ex: ExchangeWorld) -> None:
    Person.objects.filter(pk=ex.person("mentor").pk).update(email="")
    meeting, calendar, _text = typed_meeting(ex, place="Hebron municipality, room 2")
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    event = event_of(calendar)
    assert str(event["UID"]) == meeting.uid
    assert event["SEQUENCE"] == 0
    assert event.decoded("dtstamp").tzinfo is not None
    assert str(event["SUMMARY"]) == "First meeting"
    exchange_url = "http://testserver" + ex.exchange.get_absolute_url()
    description = str(event["DESCRIPTION"])
    assert AGENDA in description
    assert exchange_url in description
    # With a place and a link, the place is the location and the link is kept.
    assert str(event["LOCATION"]) == "Hebron municipality, room 2"
    assert "https://meet.example/peerlearn" in description
    assert str(event["URL"]) == exchange_url
    assert str(event["STATUS"]) == "CONFIRMED"
    # Only the attendee with an e-mail address is listed.
    attendees = event.get("ATTENDEE")
    attendees = attendees if isinstance(attendees, list) else [attendees]
    assert [str(a) for a in attendees] == ["mailto:member@contact.example"]
    assert attendees[0].params["CN"] == "Person member"
    assert str(event["ORGANIZER"]).startswith("mailto:")


def test_an_online_meeting_is_located_at_its_link(ex: ExchangeWorld) -> None:
    _meeting, calendar, _text = typed_meeting(ex)
    assert str(event_of(calendar)["LOCATION"]) == "https://meet.example/peerlearn"


def test_lines_are_folded_and_text_escaped(ex: ExchangeWorld) -> None:
    long_title = "Sorting; at source, in Hebron \\ Jenin " * 3
    _meeting, calendar, text = typed_meeting(ex, title=long_title.strip())
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines), max(lines, key=len)
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert "Sorting\\; at source\\, in Hebron \\\\ Jenin" in text.replace("\r\n ", "")
    event = event_of(calendar)
    assert str(event["SUMMARY"]) == long_title.strip()
    assert AGENDA in str(event["DESCRIPTION"])


def test_a_change_updates_the_same_event_and_a_cancellation_cancels_it(
    ex: ExchangeWorld,
) -> None:
    meeting, calendar, _text = typed_meeting(ex)
    uid = str(event_of(calendar)["UID"])
    edit = reverse("exchanges:meeting_edit", args=[meeting.pk])
    moved = meeting_data(
        ex,
        starts_at="2025-01-16T10:00",
        ends_at="2025-01-16T11:30",
        time_zone="Asia/Hebron",
        agenda=AGENDA,
    )
    assert ex.client("seeker").post(edit, moved).status_code == 302
    calendar, _text = fetch(ex, Meeting.objects.get(pk=meeting.pk))
    event = event_of(calendar)
    assert (str(event["UID"]), event["SEQUENCE"]) == (uid, 1)
    assert event.decoded("dtstart").astimezone(UTC) == datetime.datetime(2025, 1, 16, 8, tzinfo=UTC)

    minutes = reverse("exchanges:meeting_minutes", args=[meeting.pk])
    data = {"status": "cancelled", "attendees": [], "minutes": ""}
    assert ex.client("seeker").post(minutes, data).status_code == 302
    calendar, _text = fetch(ex, Meeting.objects.get(pk=meeting.pk))
    event = event_of(calendar)
    assert (str(event["STATUS"]), event["SEQUENCE"]) == ("CANCELLED", 2)


@pytest.mark.parametrize("role", ["outsider", "other_coordinator"])
def test_the_calendar_file_is_for_the_exchange_only(ex: ExchangeWorld, role: str) -> None:
    meeting, _calendar, _text = typed_meeting(ex)
    url = reverse("exchanges:meeting_calendar", args=[meeting.pk])
    assert ex.client(role).get(url).status_code == 403
