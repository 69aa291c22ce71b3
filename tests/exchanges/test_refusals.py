"""Odd requests and odd moments are refused with a message and change nothing:
tampered buttons, a side one does not speak for, records of other programmes,
and changes that arrive after something else has moved on."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from peerlearn.directory.models import Programme
from peerlearn.exchanges import services
from peerlearn.exchanges.models import (
    Match,
    MatchingRun,
    Need,
    PairRule,
    Proposal,
    ReviewStatus,
)
from tests.exchanges.conftest import learning_note, meeting_data


def _published_match(ex):
    """A second need of the seeker, matched and published, waiting for answers."""
    need = Need.objects.create(
        programme=ex.need.programme,
        local_government=ex.world.lg1,
        contact=ex.need.contact,
        title="Composting",
        problem="Organic waste",
        outcome="A compost site",
        text_language=ex.need.text_language,
        status=ReviewStatus.ACCEPTED,
    )
    run = MatchingRun.objects.create(programme=need.programme)
    proposal = Proposal.objects.create(run=run, need=need, offer=ex.offer, score=0.7, assigned=True)
    match = services.approve_proposal(ex.user("coordinator"), proposal)
    services.publish_matches(ex.user("coordinator"), need.programme)
    match.refresh_from_db()
    return match


@pytest.mark.parametrize(
    "data",
    [
        {"side": "xyz", "decision": "accept"},
        {"decision": "accept"},
        {"side": "seeking", "reason": "not sure yet"},  # no button pressed
        {"side": "seeking", "decision": "maybe"},
    ],
)
def test_a_tampered_answer_is_refused_and_changes_nothing(ex, data):
    match = _published_match(ex)
    response = ex.client("seeker").post(reverse("exchanges:answer", args=[match.pk]), data)
    assert response.status_code == 302
    match.refresh_from_db()
    assert (match.status, match.need_answer) == (Match.Status.PUBLISHED, Match.Answer.PENDING)
    assert not PairRule.objects.filter(need=match.need, offer=match.offer).exists()


def test_a_platform_administrator_does_not_answer_for_a_municipality(ex):
    match = _published_match(ex)
    page = ex.client("admin").get(match.get_absolute_url()).content.decode()
    assert 'name="side"' not in page
    with pytest.raises(PermissionDenied):
        services.answer_match(ex.user("admin"), match, "seeking", accept=True)


@pytest.mark.parametrize("value", ["abc", "", "-1", "1.5"])
def test_a_pin_for_a_tampered_need_is_not_found(ex, value):
    response = ex.client("coordinator").post(
        reverse("exchanges:pair_rule", args=[ex.need.programme_id]),
        {"need": value, "offer": str(ex.offer.pk), "kind": "pinned"},
    )
    assert response.status_code == 404
    assert PairRule.objects.count() == 0


def test_a_review_without_a_decision_changes_nothing(ex):
    need = ex.need
    response = ex.client("coordinator").post(
        reverse("exchanges:need_review", args=[need.pk]), {"note": "looks fine"}
    )
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.status == ReviewStatus.ACCEPTED


def test_needs_and_offers_of_another_programme_stay_private(ex):
    other = Programme.objects.create(association=ex.world.association_b, name="Other", slug="o")
    need = Need.objects.create(
        programme=other,
        local_government=ex.world.lg3,
        contact=ex.world.people["other_focal_point"],
        title="Elsewhere",
        problem="p",
        outcome="o",
        text_language=ex.need.text_language,
        status=ReviewStatus.ACCEPTED,
    )
    assert ex.client("seeker").get(need.get_absolute_url()).status_code == 403
    assert ex.client("other_focal_point").get(need.get_absolute_url()).status_code == 200
    assert ex.client("outsider").get(ex.offer.get_absolute_url()).status_code == 403


def test_a_coordinator_can_post_a_need_for_a_local_government_of_the_programme(world):
    coordinator = world.users["coordinator"]
    from peerlearn.directory.models import Person

    Person.objects.create(
        name="Coordinator", association=world.association_a, user=coordinator, role="employee"
    )
    from peerlearn.directory.models import Language, Topic

    need = services.save_need(
        coordinator,
        Need(programme=world.programme, local_government=world.lg2),
        {
            "title": "Budget",
            "problem": "p",
            "outcome": "o",
            "text_language": Language.objects.get(code="en"),
            "topics": [Topic.objects.get(code="finance.budgeting")],
            "languages": [Language.objects.get(code="en")],
        },
    )
    assert need.local_government == world.lg2
    # Not for a local government outside the programme.
    with pytest.raises(ValidationError):
        services.save_need(
            coordinator,
            Need(programme=world.programme, local_government=world.lg3),
            {"title": "X", "problem": "p", "outcome": "o"},
        )


def test_a_withdrawn_need_takes_its_unanswered_matches_with_it(ex):
    match = _published_match(ex)
    services.withdraw(ex.user("seeker"), match.need)
    match.refresh_from_db()
    assert match.status == Match.Status.WITHDRAWN
    with pytest.raises(ValidationError):
        services.answer_match(ex.user("mentor"), match, "offering", accept=True)
    # The accepted match of the running exchange stays.
    assert Match.objects.get(pk=ex.match.pk).status == Match.Status.ACCEPTED


def test_withdrawing_a_match_that_was_accepted_meanwhile_is_refused(ex):
    match = _published_match(ex)
    stale = Match.objects.get(pk=match.pk)
    services.answer_match(ex.user("seeker"), match, "seeking", accept=True)
    services.answer_match(ex.user("mentor"), match, "offering", accept=True)
    with pytest.raises(ValidationError):
        services.withdraw_match(ex.user("coordinator"), stale)
    assert Match.objects.get(pk=match.pk).status == Match.Status.ACCEPTED


def test_a_phase_change_after_the_exchange_closed_is_refused(ex):
    stale = type(ex.exchange).objects.get(pk=ex.exchange.pk)
    learning_note(ex)
    services.close_exchange(ex.user("coordinator"), ex.exchange)
    with pytest.raises((ValidationError, PermissionDenied)):
        services.set_phase(ex.user("seeker"), stale, "implementation")


@pytest.mark.parametrize("starts", ["9999-12-31T23:00", "0001-01-01T00:00"])
def test_a_meeting_in_a_far_year_is_refused_with_a_message(ex, starts):
    data = meeting_data(
        ex, starts_at=starts, ends_at=starts.replace("T0", "T1"), time_zone="Pacific/Kiritimati"
    )
    response = ex.client("seeker").post(
        reverse("exchanges:meeting_new", args=[ex.exchange.pk]), data
    )
    assert response.status_code == 400
    assert "Give a date between 1990 and 2200." in response.content.decode()


def test_a_refused_new_need_is_still_shown_as_new(world):
    response = world.client("member").post(
        reverse("exchanges:need_new", args=[world.programme.pk]),
        {"local_government": str(world.lg1.pk), "title": "", "submit": "1"},
    )
    assert response.status_code == 400
    assert "Seek expertise" in response.content.decode()


def test_run_again_keeps_the_minimum_score_in_french(ex):
    run = MatchingRun.objects.create(
        programme=ex.need.programme, status=MatchingRun.Status.DONE, minimum_score=0.25
    )
    client = ex.client("coordinator")
    page = client.get(run.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert 'name="minimum_score" value="0.25"' in page


@pytest.mark.parametrize(
    ("model", "field", "length"),
    [("need", "title", 201), ("need", "problem", 4001), ("offer", "description", 4001)],
)
def test_the_database_refuses_over_long_texts_even_past_the_forms(ex, model, field, length):
    from django.db import DataError, IntegrityError, transaction

    record = getattr(ex, model)
    # PostgreSQL's VARCHAR refuses first (DataError); SQLite needs the check constraint.
    with pytest.raises((DataError, IntegrityError)), transaction.atomic():
        type(record).objects.filter(pk=record.pk).update(**{field: "x" * length})
