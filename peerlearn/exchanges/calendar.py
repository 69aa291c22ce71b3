"""A meeting as an iCalendar file (RFC 5545) that calendar programs import.

The `icalendar` library writes the format (escaping, line folding, the
VTIMEZONE of the meeting's zone); this module only says what goes in it."""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, timedelta
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress

from peerlearn.exchanges.models import Meeting

PRODID = "-//PeerLearn//Exchanges//EN"
STATUS = {
    Meeting.Status.PLANNED: "CONFIRMED",
    Meeting.Status.HELD: "CONFIRMED",
    Meeting.Status.CANCELLED: "CANCELLED",
}


def filename(meeting: Meeting) -> str:
    return f"peerlearn-meeting-{meeting.pk}.ics"


def _description(meeting: Meeting, exchange_url: str) -> str:
    parts = []
    if meeting.agenda:
        parts.append(f"{_('Agenda')}:\n{meeting.agenda}")
    if meeting.online_link and meeting.place:
        # The place is the location; the link must not get lost.
        parts.append(f"{_('Join online')}: {meeting.online_link}")
    parts.append(f"{_('The exchange')}: {meeting.exchange.title}\n{exchange_url}")
    return "\n\n".join(parts)


def _organizer(meeting: Meeting) -> vCalAddress:
    """RFC 5545 asks for an organiser whenever there are attendees; the
    programme's association organises, reached through the site's address."""
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = vCalAddress(f"mailto:{address}")
    organizer.params["CN"] = meeting.exchange.programme.association.name
    return organizer


def meeting_calendar(meeting: Meeting, exchange_url: str, now: datetime | None = None) -> bytes:
    """The .ics file of one meeting. Times carry the meeting's own time zone
    (TZID with its VTIMEZONE), so that a participant travelling to the
    meeting sees it at the hour that was agreed."""
    zone = zoneinfo.ZoneInfo(meeting.time_zone)
    starts = meeting.starts_at.astimezone(zone)
    ends = meeting.ends_at.astimezone(zone)

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")

    event = Event()
    event.add("uid", meeting.uid)
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", (now or timezone.now()).astimezone(zoneinfo.ZoneInfo("UTC")))
    event.add("dtstart", starts)
    event.add("dtend", ends)
    event.add("summary", meeting.title)
    event.add("description", _description(meeting, exchange_url))
    location = meeting.place or meeting.online_link
    if location:
        event.add("location", location)
    event.add("url", exchange_url)
    event.add("status", STATUS[Meeting.Status(meeting.status)])
    attendees = [person for person in meeting.attendees.all() if person.email]
    if attendees:
        event.add("organizer", _organizer(meeting))
    for person in attendees:
        attendee = vCalAddress(f"mailto:{person.email}")
        attendee.params["CN"] = person.name
        attendee.params["ROLE"] = "REQ-PARTICIPANT"
        event.add("attendee", attendee)
    calendar.add_component(event)
    # A VTIMEZONE covering the meeting (not 1970–2038): Palestinian and other
    # zones change often, and a short definition keeps the file small.
    calendar.add_missing_timezones(
        first_date=date(starts.year - 1, 1, 1), last_date=(ends + timedelta(days=366)).date()
    )
    return calendar.to_ical()
