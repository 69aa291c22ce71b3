"""Every action of the exchange pages: done through its form, and refused with
the reason and what was typed (400) when the input or the moment is wrong.
Each success is in the audit log; the actions that concern others notify them."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from peerlearn.accounts.models import Notification
from peerlearn.audit.models import AuditEntry
from peerlearn.exchanges import services
from peerlearn.exchanges.models import (
    ClosingFeedback,
    Endorsement,
    Exchange,
    FollowUpAction,
    LearningNote,
    Meeting,
    StaffExchangeRequest,
    WorkPlanActivity,
)
from tests.exchanges.conftest import (
    ExchangeWorld,
    activity,
    held_meeting,
    learning_note,
    meeting_data,
    schedule,
    staff_request,
)

UTC = datetime.UTC


def audited(action: str) -> int:
    return AuditEntry.objects.filter(action=action).count()


def url(name: str, pk: int) -> str:
    return reverse(f"exchanges:{name}", args=[pk])


def refused(response: Any, message: str) -> str:
    """The form came back (400) with the reason; returns the page."""
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page, page
    return page


def fresh(exchange: Exchange) -> Exchange:
    return Exchange.objects.get(pk=exchange.pk)


# Phase and coordination -------------------------------------------------------------------


def test_change_the_phase(ex: ExchangeWorld) -> None:
    response = ex.client("seeker").post(
        url("exchange_phase", ex.exchange.pk), {"phase": "adoption"}
    )
    assert response.status_code == 302
    assert response["Location"] == ex.exchange.get_absolute_url() + "#phase"
    assert fresh(ex.exchange).phase == "adoption"
    assert audited("exchanges.set_phase") == 1
    page = ex.client("seeker").get(ex.exchange.get_absolute_url()).content.decode()
    assert 'aria-current="step"' in page
    current = page.split('aria-current="step"')[1].split("</li>")[0]
    assert "adoption and adaptation" in current


@pytest.mark.parametrize("phase", ["closed", "nonsense", ""])
def test_a_phase_outside_the_five_is_refused(ex: ExchangeWorld, phase: str) -> None:
    response = ex.client("seeker").post(url("exchange_phase", ex.exchange.pk), {"phase": phase})
    assert response.status_code == 400
    assert fresh(ex.exchange).phase == "courtship"
    assert audited("exchanges.set_phase") == 0


def test_coordination_changes_only_after_a_held_meeting(ex: ExchangeWorld) -> None:
    target = url("exchange_coordination", ex.exchange.pk)
    page = refused(
        ex.client("seeker").post(target, {"coordination": "self_managed"}),
        "The coordination mode can be changed after the first meeting has been held.",
    )
    # The choice is kept.
    assert '<option value="self_managed" selected>' in page
    assert fresh(ex.exchange).coordination == "coordinated"
    assert audited("exchanges.set_coordination") == 0

    held_meeting(ex)
    response = ex.client("mentor").post(target, {"coordination": "self_managed"})
    assert response.status_code == 302
    assert fresh(ex.exchange).coordination == "self_managed"
    assert audited("exchanges.set_coordination") == 1


# Meetings ------------------------------------------------------------------------------


def test_schedule_a_meeting_in_its_own_time_zone(ex: ExchangeWorld) -> None:
    response = ex.client("seeker").post(url("meeting_new", ex.exchange.pk), meeting_data(ex))
    assert response.status_code == 302
    meeting = Meeting.objects.get(exchange=ex.exchange)
    # 10:00 in Hebron in May (summer time, UTC+3) is 07:00 UTC.
    assert meeting.starts_at == datetime.datetime(2030, 5, 10, 7, tzinfo=UTC)
    assert meeting.ends_at == datetime.datetime(2030, 5, 10, 9, tzinfo=UTC)
    assert set(meeting.attendees.all()) == {ex.person("seeker"), ex.person("mentor")}
    assert meeting.sequence == 0 and meeting.uid
    assert audited("exchanges.schedule_meeting") == 1
    told = Notification.objects.filter(kind="meeting_scheduled")
    assert {n.user for n in told} == {ex.user("seeker"), ex.user("mentor")}
    assert all("10:00 (Asia/Hebron)" in n.params["when"] for n in told)
    page = ex.client("seeker").get(ex.exchange.get_absolute_url()).content.decode()
    assert "First meeting" in page
    assert "(Asia/Hebron)" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"starts_at": "2030-13-45T10:00"}, "Enter a valid date/time."),
        ({"ends_at": "tomorrow"}, "Enter a valid date/time."),
        ({"ends_at": "2030-05-10T09:00"}, "A meeting must end after it starts."),
        ({"ends_at": "2030-05-10T10:00"}, "A meeting must end after it starts."),
        ({"online_link": "", "place": ""}, "Give an online link or a place (or both)."),
        ({"online_link": "not a link"}, "Enter a valid URL."),
        ({"time_zone": "Mars/Olympus"}, "Select a valid choice."),
        ({"attendees": ["999999"]}, "Select a valid choice."),
    ],
)
def test_a_bad_meeting_is_refused_and_the_form_keeps_what_was_typed(
    ex: ExchangeWorld, changes: dict[str, Any], message: str
) -> None:
    data = meeting_data(ex, title="Visit to the sorting plant", **changes)
    page = refused(ex.client("seeker").post(url("meeting_new", ex.exchange.pk), data), message)
    assert 'value="Visit to the sorting plant"' in page
    assert "Introductions; the landfill, the baseline." in page
    assert not Meeting.objects.exists()
    assert audited("exchanges.schedule_meeting") == 0
    assert not Notification.objects.filter(kind="meeting_scheduled").exists()


def test_an_attendee_from_outside_the_exchange_is_refused_by_the_service(
    ex: ExchangeWorld,
) -> None:
    start = datetime.datetime(2030, 5, 10, 7, tzinfo=UTC)
    with pytest.raises(ValidationError) as error:
        schedule(ex, start, attendees=[ex.person("outsider")])
    assert "Choose someone who takes part in the exchange." in str(error.value)


def test_rescheduling_raises_the_sequence_and_an_unchanged_form_does_not(
    ex: ExchangeWorld,
) -> None:
    ex.client("seeker").post(url("meeting_new", ex.exchange.pk), meeting_data(ex))
    meeting = Meeting.objects.get()
    edit = url("meeting_edit", meeting.pk)
    # The form shows the times as they were typed, in the meeting's zone.
    form_page = ex.client("mentor").get(edit).content.decode()
    assert 'value="2030-05-10T10:00"' in form_page
    assert ex.client("mentor").post(edit, meeting_data(ex)).status_code == 302
    meeting.refresh_from_db()
    assert meeting.sequence == 0

    moved = meeting_data(ex, starts_at="2030-05-11T10:00", ends_at="2030-05-11T12:00")
    assert ex.client("mentor").post(edit, moved).status_code == 302
    meeting.refresh_from_db()
    assert meeting.sequence == 1
    assert meeting.starts_at == datetime.datetime(2030, 5, 11, 7, tzinfo=UTC)
    assert audited("exchanges.update_meeting") == 2

    page = refused(
        ex.client("mentor").post(edit, meeting_data(ex, ends_at="2030-05-09T12:00")),
        "A meeting must end after it starts.",
    )
    assert 'value="2030-05-09T12:00"' in page
    meeting.refresh_from_db()
    assert meeting.starts_at == datetime.datetime(2030, 5, 11, 7, tzinfo=UTC)


def test_record_minutes_and_attendance_of_a_held_meeting(ex: ExchangeWorld) -> None:
    meeting = schedule(ex, datetime.datetime.now(UTC) - datetime.timedelta(days=2))
    data = {
        "status": "held",
        "attendees": [str(ex.person("mentor").pk)],
        "minutes": "We agreed on a pilot in the old city.",
    }
    response = ex.client("coordinator").post(url("meeting_minutes", meeting.pk), data)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == "held"
    assert list(meeting.attendees.all()) == [ex.person("mentor")]
    assert meeting.minutes == "We agreed on a pilot in the old city."
    assert audited("exchanges.update_meeting") == 1
    page = ex.client("seeker").get(ex.exchange.get_absolute_url()).content.decode()
    assert "We agreed on a pilot in the old city." in page


def test_a_future_meeting_cannot_be_marked_held(ex: ExchangeWorld) -> None:
    meeting = schedule(ex, datetime.datetime.now(UTC) + datetime.timedelta(days=2))
    data = {"status": "held", "attendees": [], "minutes": "Typed in advance."}
    page = refused(
        ex.client("seeker").post(url("meeting_minutes", meeting.pk), data),
        "A meeting can be marked as held once it has started.",
    )
    assert "Typed in advance." in page
    meeting.refresh_from_db()
    assert meeting.status == "planned" and meeting.minutes == ""


def test_cancel_a_meeting(ex: ExchangeWorld) -> None:
    meeting = schedule(ex, datetime.datetime.now(UTC) + datetime.timedelta(days=2))
    data = {"status": "cancelled", "attendees": [], "minutes": ""}
    assert ex.client("seeker").post(url("meeting_minutes", meeting.pk), data).status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == "cancelled"
    assert meeting.sequence == 1  # calendars must replace the event


# Follow-up actions ------------------------------------------------------------------------


def test_add_a_follow_up_action_flag_it_overdue_and_mark_it_done(ex: ExchangeWorld) -> None:
    meeting = held_meeting(ex)
    due = datetime.date.today() - datetime.timedelta(days=1)
    data = {
        "description": "Send the tonnage figures",
        "owner": str(ex.person("mentor").pk),
        "due_on": due.isoformat(),
    }
    response = ex.client("seeker").post(url("follow_up_new", meeting.pk), data)
    assert response.status_code == 302
    action = FollowUpAction.objects.get()
    assert (action.owner, action.due_on, action.done_at) == (ex.person("mentor"), due, None)
    assert audited("exchanges.add_follow_up") == 1
    page = ex.client("seeker").get(ex.exchange.get_absolute_url()).content.decode()
    assert '<tr class="overdue">' in page
    assert "overdue" in page.split("Send the tonnage figures")[1].split("</tr>")[0]

    done = url("follow_up_done", action.pk)
    assert ex.client("mentor").post(done).status_code == 302
    action.refresh_from_db()
    assert action.done_at is not None
    assert audited("exchanges.complete_follow_up") == 1
    page = ex.client("seeker").get(ex.exchange.get_absolute_url()).content.decode()
    assert '<tr class="overdue">' not in page

    refused(ex.client("mentor").post(done), "This action is already done.")
    assert audited("exchanges.complete_follow_up") == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"due_on": "2030-02-31"}, "Enter a valid date."),
        ({"description": ""}, "This field is required."),
        ({"owner": "999999"}, "Select a valid choice."),
    ],
)
def test_a_bad_follow_up_action_is_refused(
    ex: ExchangeWorld, changes: dict[str, Any], message: str
) -> None:
    meeting = held_meeting(ex)
    data = {
        "description": "Visit the plant",
        "owner": str(ex.person("mentor").pk),
        "due_on": "2030-02-01",
        **changes,
    }
    page = refused(ex.client("seeker").post(url("follow_up_new", meeting.pk), data), message)
    if changes.get("description") != "":
        assert 'value="Visit the plant"' in page
    assert not FollowUpAction.objects.exists()


# Staff exchanges --------------------------------------------------------------------------


def staff_data(ex: ExchangeWorld, **changes: Any) -> dict[str, Any]:
    return {
        "staff_member": str(ex.person("seeker").pk),
        "home": str(ex.world.lg1.pk),
        "host": str(ex.world.lg2.pk),
        "starts_on": "2030-03-01",
        "ends_on": "2030-03-14",
        "purpose": "Two weeks with the sorting team.",
        **changes,
    }


def test_request_a_staff_exchange_and_both_focal_points_approve(ex: ExchangeWorld) -> None:
    response = ex.client("seeker").post(url("staff_exchange_new", ex.exchange.pk), staff_data(ex))
    assert response.status_code == 302
    request = StaffExchangeRequest.objects.get()
    assert request.status == "requested"
    assert audited("exchanges.request_staff_exchange") == 1
    told = Notification.objects.filter(kind="staff_exchange_requested")
    assert {n.user for n in told} == {ex.user("focal_point"), ex.user("offering_focal_point")}

    decide = url("staff_exchange_decide", request.pk)
    # The host's focal point (Jenin) first: still waiting for the sending side.
    assert (
        ex.client("offering_focal_point").post(decide, {"decision": "approve"}).status_code == 302
    )
    request.refresh_from_db()
    assert request.status == "requested"
    assert request.host_approved_by == ex.user("offering_focal_point")
    assert request.home_approved_at is None
    refused(
        ex.client("offering_focal_point").post(decide, {"decision": "approve"}),
        "You have already approved this request.",
    )
    page = ex.client("focal_point").get(ex.exchange.get_absolute_url()).content.decode()
    assert "waiting for approval" in page
    assert f'action="{decide}"' in page
    # The side that has decided is not asked again; nor is anyone else.
    for role in ("offering_focal_point", "seeker", "coordinator"):
        page = ex.client(role).get(ex.exchange.get_absolute_url()).content.decode()
        assert f'action="{decide}"' not in page, role

    assert ex.client("focal_point").post(decide, {"decision": "approve"}).status_code == 302
    request.refresh_from_db()
    assert request.status == "approved"
    assert audited("exchanges.decide_staff_exchange") == 2
    page = ex.client("seeker").get(ex.exchange.get_absolute_url()).content.decode()
    assert "approved by both focal points" in page


def test_refusing_a_staff_exchange_needs_a_reason(ex: ExchangeWorld) -> None:
    request = staff_request(ex)
    decide = url("staff_exchange_decide", request.pk)
    refused(
        ex.client("focal_point").post(decide, {"decision": "refuse", "reason": "  "}),
        "Please give a reason.",
    )
    response = ex.client("focal_point").post(
        decide, {"decision": "refuse", "reason": "The team is short-staffed in March."}
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "refused"
    assert request.refusal_reason == "The team is short-staffed in March."
    refused(
        ex.client("offering_focal_point").post(decide, {"decision": "approve"}),
        "This request has already been decided.",
    )


def test_a_staff_exchange_decision_without_a_choice_is_refused(ex: ExchangeWorld) -> None:
    request = staff_request(ex)
    refused(
        ex.client("focal_point").post(url("staff_exchange_decide", request.pk), {}),
        "Choose to approve or to refuse.",
    )


def test_the_wrong_focal_point_cannot_approve(ex: ExchangeWorld) -> None:
    request = staff_request(ex)
    with pytest.raises(PermissionDenied):
        services.decide_staff_exchange(ex.user("other_focal_point"), request, approve=True)
    with pytest.raises(PermissionDenied):
        # An administrator is not a focal point: the two keys stay with them.
        services.decide_staff_exchange(ex.user("admin"), request, approve=True)
    response = ex.client("other_focal_point").post(
        url("staff_exchange_decide", request.pk), {"decision": "approve"}
    )
    assert response.status_code == 403
    request.refresh_from_db()
    assert request.home_approved_at is None and request.host_approved_at is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"ends_on": "2030-02-01"}, "The stay cannot end before it starts."),
        ({"host": None}, "The host must be another local government."),
        ({"starts_on": "01/03/2030x"}, "Enter a valid date."),
        ({"purpose": ""}, "This field is required."),
    ],
)
def test_a_bad_staff_exchange_request_is_refused(
    ex: ExchangeWorld, changes: dict[str, Any], message: str
) -> None:
    if "host" in changes:
        changes = {"host": str(ex.world.lg1.pk)}
    page = refused(
        ex.client("seeker").post(
            url("staff_exchange_new", ex.exchange.pk), staff_data(ex, **changes)
        ),
        message,
    )
    if "purpose" not in changes:
        assert "Two weeks with the sorting team." in page
    assert not StaffExchangeRequest.objects.exists()
    assert not Notification.objects.filter(kind="staff_exchange_requested").exists()


# The joint work plan ------------------------------------------------------------------------


def activity_data(ex: ExchangeWorld, **changes: Any) -> dict[str, Any]:
    return {
        "title": "Similarities and differences",
        "starts_on": "2030-02-01",
        "ends_on": "2030-03-01",
        "expected_result": "A comparison of the two collection systems.",
        "responsible": str(ex.person("mentor").pk),
        "status": "planned",
        **changes,
    }


def test_add_and_change_a_work_plan_activity(ex: ExchangeWorld) -> None:
    response = ex.client("mentor").post(url("activity_new", ex.exchange.pk), activity_data(ex))
    assert response.status_code == 302
    item = WorkPlanActivity.objects.get()
    assert item.responsible == ex.person("mentor")
    edit = url("activity_edit", item.pk)
    assert 'value="Similarities and differences"' in ex.client("seeker").get(edit).content.decode()
    response = ex.client("seeker").post(edit, activity_data(ex, status="under_way"))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "under_way"
    assert audited("exchanges.save_activity") == 2
    page = ex.client("seeker").get(ex.exchange.get_absolute_url()).content.decode()
    assert "A comparison of the two collection systems." in page
    assert "under way" in page


def test_a_bad_activity_is_refused(ex: ExchangeWorld) -> None:
    item = activity(ex)
    page = refused(
        ex.client("seeker").post(
            url("activity_edit", item.pk),
            activity_data(ex, title="Renamed", starts_on="2030-04-01", ends_on="2030-03-01"),
        ),
        "An activity cannot end before it starts.",
    )
    assert 'value="Renamed"' in page
    item.refresh_from_db()
    assert item.title == "Diagnosis of the waste flows"
    refused(
        ex.client("seeker").post(
            url("activity_new", ex.exchange.pk), activity_data(ex, status="finished")
        ),
        "Select a valid choice.",
    )
    assert WorkPlanActivity.objects.count() == 1


# Political endorsement ------------------------------------------------------------------------


def test_record_an_endorsement(ex: ExchangeWorld) -> None:
    data = {
        "local_government": str(ex.world.lg1.pk),
        "endorsed_by": "The mayor of Hebron",
        "endorsed_on": datetime.date.today().isoformat(),
    }
    response = ex.client("focal_point").post(url("endorsement_new", ex.exchange.pk), data)
    assert response.status_code == 302
    endorsement = Endorsement.objects.get()
    assert endorsement.recorded_by == ex.user("focal_point")
    assert audited("exchanges.record_endorsement") == 1


def test_an_endorsement_for_a_local_government_that_does_not_take_part_is_refused(
    ex: ExchangeWorld,
) -> None:
    data = {
        "local_government": str(ex.world.lg3.pk),
        "endorsed_by": "The mayor of Stord",
        "endorsed_on": "2030-01-01",
    }
    page = refused(
        ex.client("coordinator").post(url("endorsement_new", ex.exchange.pk), data),
        "Select a valid choice.",
    )
    assert 'value="The mayor of Stord"' in page
    with pytest.raises(ValidationError) as error:
        services.record_endorsement(
            ex.user("coordinator"),
            ex.exchange,
            {
                "local_government": ex.world.lg3,
                "endorsed_by": "The mayor of Stord",
                "endorsed_on": datetime.date(2024, 1, 1),
            },
        )
    assert error.value.message_dict["local_government"] == [
        "This local government does not take part in the exchange."
    ]
    assert not Endorsement.objects.exists()


def test_an_endorsement_cannot_be_dated_in_the_future(ex: ExchangeWorld) -> None:
    data = {
        "local_government": str(ex.world.lg1.pk),
        "endorsed_by": "The mayor of Hebron",
        "endorsed_on": (datetime.date.today() + datetime.timedelta(days=3)).isoformat(),
    }
    refused(
        ex.client("focal_point").post(url("endorsement_new", ex.exchange.pk), data),
        "An endorsement cannot be dated in the future.",
    )
    assert not Endorsement.objects.exists()


# Learning note, closing questionnaire, closing -------------------------------------------------


NOTE = {
    "summary": "Sorting at source needs bins before fines.",
    "what_worked": "Door-to-door campaigns.",
    "what_did_not": "Fines in the first month.",
}


def test_write_and_edit_the_learning_note(ex: ExchangeWorld) -> None:
    target = url("learning_note", ex.exchange.pk)
    assert ex.client("mentor").post(target, NOTE).status_code == 302
    assert LearningNote.objects.get().written_by == ex.user("mentor")
    form_page = ex.client("seeker").get(target).content.decode()
    assert "Door-to-door campaigns." in form_page
    assert ex.client("seeker").post(target, {**NOTE, "what_worked": "Pilots."}).status_code == 302
    note = LearningNote.objects.get()
    assert note.what_worked == "Pilots." and note.written_by == ex.user("seeker")
    assert audited("exchanges.write_learning_note") == 2


def test_a_learning_note_without_what_did_not_work_is_refused(ex: ExchangeWorld) -> None:
    page = refused(
        ex.client("seeker").post(
            url("learning_note", ex.exchange.pk), {**NOTE, "what_did_not": ""}
        ),
        "This field is required.",
    )
    assert "Door-to-door campaigns." in page
    assert not LearningNote.objects.exists()


FEEDBACK = {
    "side": "seeking",
    "achieved": "A pilot in two neighbourhoods.",
    "changed_in_practice": "Collection rounds separate organic waste.",
    "would_do_again": "yes",
    "usefulness": "5",
    "relationship": "4",
    "organisation": "3",
}


def test_each_side_answers_the_closing_questionnaire_once(ex: ExchangeWorld) -> None:
    target = url("feedback", ex.exchange.pk)
    assert ex.client("seeker").post(target, FEEDBACK).status_code == 302
    feedback = ClosingFeedback.objects.get()
    assert (feedback.side, feedback.usefulness, feedback.would_do_again) == ("seeking", 5, True)
    assert audited("exchanges.submit_feedback") == 1

    # The focal point of the seeking side speaks for the same side: refused.
    page = refused(
        ex.client("focal_point").post(target, {**FEEDBACK, "achieved": "Something else."}),
        "This side has already answered the questionnaire.",
    )
    assert "Something else." in page
    # The offering side answers for itself, and cannot answer for the other.
    response = ex.client("mentor").post(target, FEEDBACK)
    assert response.status_code == 400
    assert ex.client("mentor").post(target, {**FEEDBACK, "side": "offering"}).status_code == 302
    assert ClosingFeedback.objects.count() == 2
    page = ex.client("coordinator").get(ex.exchange.get_absolute_url()).content.decode()
    assert "A pilot in two neighbourhoods." in page
    assert "Answer the closing questionnaire" not in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"usefulness": "6"}, "Ensure this value is less than or equal to 5."),
        ({"relationship": "0"}, "Ensure this value is greater than or equal to 1."),
        ({"organisation": "three"}, "Enter a whole number."),
        ({"would_do_again": "maybe"}, "Select a valid choice."),
        ({"achieved": ""}, "This field is required."),
    ],
)
def test_bad_answers_are_refused(ex: ExchangeWorld, changes: dict[str, Any], message: str) -> None:
    data = {**FEEDBACK, **changes}
    page = refused(ex.client("seeker").post(url("feedback", ex.exchange.pk), data), message)
    if "achieved" not in changes:
        assert "A pilot in two neighbourhoods." in page
    assert not ClosingFeedback.objects.exists()


def test_closing_requires_the_learning_note(ex: ExchangeWorld) -> None:
    target = url("exchange_close", ex.exchange.pk)
    page = refused(
        ex.client("coordinator").post(target),
        "Write the learning note before closing: what worked and what did not.",
    )
    assert url("learning_note", ex.exchange.pk) in page
    assert not fresh(ex.exchange).is_closed
    assert audited("exchanges.close_exchange") == 0

    learning_note(ex)
    response = ex.client("coordinator").post(target)
    assert response.status_code == 302
    exchange = fresh(ex.exchange)
    assert exchange.is_closed and exchange.closed_at is not None
    assert audited("exchanges.close_exchange") == 1
    told = Notification.objects.filter(kind="exchange_closed")
    assert {n.user for n in told} == {ex.user("seeker"), ex.user("mentor")}
    page = ex.client("seeker").get(exchange.get_absolute_url()).content.decode()
    assert "This exchange was closed on" in page
    assert url("exchange_close", exchange.pk) not in page
    assert url("exchange_phase", exchange.pk) not in page
    # Closing twice is refused, for the administrator as for everyone.
    assert ex.client("admin").post(target).status_code == 403


@pytest.mark.parametrize("name", ["exchange_close", "follow_up_done", "staff_exchange_decide"])
def test_buttons_do_not_answer_get(ex: ExchangeWorld, name: str) -> None:
    meeting = held_meeting(ex)
    action = services.add_follow_up(
        ex.user("seeker"),
        meeting,
        {"description": "x", "owner": ex.person("seeker"), "due_on": datetime.date(2030, 1, 1)},
    )
    pk = {
        "exchange_close": ex.exchange.pk,
        "follow_up_done": action.pk,
        "staff_exchange_decide": staff_request(ex).pk,
    }[name]
    assert ex.client("coordinator").get(url(name, pk)).status_code == 405


def test_activity_keeps_an_exchange_awake(ex: ExchangeWorld) -> None:
    long_ago = datetime.datetime.now(UTC) - datetime.timedelta(days=200)
    Exchange.objects.filter(pk=ex.exchange.pk).update(last_activity_at=long_ago)
    page = ex.client("seeker").get(ex.exchange.get_absolute_url()).content.decode()
    assert "Dormant:" in page
    ex.client("seeker").post(url("activity_new", ex.exchange.pk), activity_data(ex))
    page = ex.client("seeker").get(ex.exchange.get_absolute_url()).content.decode()
    assert "Dormant:" not in page
