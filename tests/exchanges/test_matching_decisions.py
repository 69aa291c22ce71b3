"""The coordinator's choices hold: a swap is not undone by "approve all", a pin
that cannot be placed is said, an expert cannot shrink below their matches,
an edited need takes its unanswered matches back, an ended offer is not
proposed, and who was proposed is shown only to the people of the match."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from peerlearn.audit.models import AuditEntry
from peerlearn.exchanges import queries, services
from peerlearn.exchanges.models import Exchange, Match, MatchingRun, Need, PairRule, Proposal
from tests.exchanges.conftest import accepted_pool, learning_note, run_matching


def test_approve_all_keeps_the_alternate_the_coordinator_swapped_in(world, pool):
    need, _offers = accepted_pool(world, pool)
    coordinator = world.users["coordinator"]
    run = run_matching(world)
    first = run.proposals.get(assigned=True)
    alternate = run.proposals.get(assigned=False)
    services.approve_proposal(coordinator, first)
    services.approve_proposal(coordinator, alternate)  # the swap

    approved, refused = services.approve_run(coordinator, run)

    assert (approved, refused) == (0, [])
    live = Match.objects.filter(need=need, status=Match.Status.APPROVED)
    assert [m.offer_id for m in live] == [alternate.offer_id]


def test_approve_all_through_the_page_fills_only_the_needs_still_waiting(world, pool):
    accepted_pool(world, pool)
    run = run_matching(world)
    response = world.client("coordinator").post(
        reverse("exchanges:run_approve_all", args=[run.pk]), follow=True
    )
    assert "1 proposal approved." in response.content.decode()
    response = world.client("coordinator").post(
        reverse("exchanges:run_approve_all", args=[run.pk]), follow=True
    )
    assert "0 proposals approved." in response.content.decode()
    assert Match.objects.filter(status=Match.Status.APPROVED).count() == 1


def test_a_pin_the_run_cannot_place_is_listed_on_the_run_page(world, pool):
    need, offers = accepted_pool(world, pool)
    # Same organisation as the need: a hard rule, the engine never proposes it.
    offers[0].local_government = world.lg1
    offers[0].save()
    services.set_pair_rule(world.users["coordinator"], need, offers[0], PairRule.Kind.PINNED)
    run = run_matching(world)

    assert list(queries.unplaced_pins(run)) == [PairRule.objects.get()]
    page = world.client("coordinator").get(run.get_absolute_url()).content.decode()
    assert "Pinned pairs this run could not propose" in page


def test_an_expert_cannot_lower_capacity_below_the_places_taken(world, pool):
    need, (offer, _other) = accepted_pool(world, pool, capacity=3)
    second_need = Need.objects.get(pk=need.pk)
    second_need.pk = None
    second_need.title = "فرز النفايات في السوق"
    second_need.save()
    second_need.topics.set(need.topics.all())
    second_need.languages.set(need.languages.all())
    coordinator = world.users["coordinator"]
    run = services.start_matching_run(
        coordinator, world.programme, solver="optimal", minimum_score=0.2
    )
    for each in (need, second_need):
        proposal = Proposal.objects.create(
            run=run, need=each, offer=offer, assigned=True, score=0.7
        )
        services.approve_proposal(coordinator, proposal)
    # Both sides said yes to both: these places stay taken whatever the expert edits.
    Match.objects.filter(offer=offer).update(status=Match.Status.ACCEPTED)

    with pytest.raises(ValidationError) as refused:
        services.save_offer(offer.person.user, offer, {"capacity": 1})
    offer.refresh_from_db()
    assert offer.capacity == 3 and offer.status == "accepted"
    assert "already matched with 2 peers" in refused.value.message_dict["capacity"][0]
    services.save_offer(offer.person.user, offer, {"capacity": 2})
    offer.refresh_from_db()
    assert offer.capacity == 2


def test_editing_an_accepted_need_withdraws_its_unanswered_matches(world, pool):
    need, _offers = accepted_pool(world, pool)
    coordinator = world.users["coordinator"]
    match = services.approve_proposal(coordinator, run_matching(world).proposals.get(assigned=True))
    services.publish_matches(coordinator, world.programme)

    services.save_need(world.users["member"], need, {"outcome": "فرز من المصدر في حيين"})

    match.refresh_from_db()
    need.refresh_from_db()
    assert (need.status, match.status) == ("submitted", Match.Status.WITHDRAWN)
    assert AuditEntry.objects.filter(action="exchanges.withdraw_match").exists()


def test_an_offer_whose_availability_ended_is_neither_in_the_pool_nor_proposed(world, pool):
    _need, (ended, current) = accepted_pool(world, pool)
    ended.available_until = datetime.date.today() - datetime.timedelta(days=1)
    ended.save()

    assert list(queries.pool(world.programme)) == [current]
    run = run_matching(world)
    assert not run.proposals.filter(offer=ended).exists()
    assert run.proposals.get(assigned=True).offer == current


def test_the_need_page_shows_its_matches_only_to_the_people_of_the_match(world, pool):
    need, _offers = accepted_pool(world, pool)
    coordinator = world.users["coordinator"]
    match = services.approve_proposal(coordinator, run_matching(world).proposals.get(assigned=True))
    services.publish_matches(coordinator, world.programme)
    url = need.get_absolute_url()
    expert_name = match.offer.person.name
    other_expert = next(user for user in pool if user != match.offer.person.user)

    world.users["expert"] = match.offer.person.user
    world.users["other_expert"] = other_expert
    for role in ("coordinator", "member", "expert"):
        assert expert_name in world.client(role).get(url).content.decode()
    page = world.client("other_expert").get(url)
    assert page.status_code == 200 and expert_name not in page.content.decode()


def test_an_over_long_reason_refuses_the_pin_with_a_message(world, pool):
    need, offers = accepted_pool(world, pool)
    response = world.client("coordinator").post(
        reverse("exchanges:pair_rule", args=[world.programme.pk]),
        {"need": need.pk, "offer": offers[0].pk, "kind": "excluded", "reason": "x" * 501},
        follow=True,
    )
    assert not PairRule.objects.exists()
    assert "at most 500 characters" in response.content.decode()


def test_an_exchange_closes_once_even_from_a_page_read_before_it_closed(ex):
    learning_note(ex)
    stale = Exchange.objects.get(pk=ex.exchange.pk)  # a second tab, opened before
    services.close_exchange(ex.user("seeker"), ex.exchange)
    with pytest.raises(ValidationError):
        services.close_exchange(ex.user("mentor"), stale)
    assert AuditEntry.objects.filter(action="exchanges.close_exchange").count() == 1


def test_a_large_pool_runs_in_the_background_with_its_progress_shown(
    world, pool, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from peerlearn.exchanges import tasks

    settings.CELERY_BROKER_URL = "memory://"
    settings.MATCHING_INLINE_PAIRS = 0  # every pool counts as large
    accepted_pool(world, pool)
    sent: list[int] = []
    monkeypatch.setattr(tasks.run_matching, "delay", sent.append)
    coordinator = world.client("coordinator")

    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(
            reverse("exchanges:console", args=[world.programme.pk]),
            {"solver": "optimal", "minimum_score": "0.2"},
        )
    run = MatchingRun.objects.get()
    assert sent == [run.pk] and run.status == MatchingRun.Status.QUEUED
    page = coordinator.get(run.get_absolute_url()).content.decode()
    assert 'http-equiv="refresh"' in page and "<progress" in page

    MatchingRun.objects.filter(pk=run.pk).update(stage="candidates", progress_done=1)
    assert "finding candidates" in coordinator.get(run.get_absolute_url()).content.decode()
    MatchingRun.objects.filter(pk=run.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=10)
    )
    assert "No worker has started this run yet" in (
        coordinator.get(run.get_absolute_url()).content.decode()
    )

    tasks.run_matching.apply(args=[run.pk])  # what the worker does
    run.refresh_from_db()
    assert run.status == MatchingRun.Status.DONE and run.proposals.filter(assigned=True).exists()
    page = coordinator.get(run.get_absolute_url()).content.decode()
    assert 'http-equiv="refresh"' not in page and "Approve all proposals" in page


def test_a_study_visit_is_matched_with_the_peer_who_can_host_it(world, pool):
    need, (first, second) = accepted_pool(world, pool)
    need.kind = "study_visit"
    need.save()
    for offer, hosts in ((first, False), (second, True)):
        offer.in_person, offer.hosts_visits = True, hosts
        offer.save()
    run = run_matching(world)
    assert run.proposals.get(assigned=True).offer == second
    alternate = run.proposals.get(offer=first)
    assert alternate.components["help_kind_factor"] < 1
    page = world.client("coordinator").get(run.get_absolute_url()).content.decode()
    assert "needs a host, and this peer cannot host a visit" in page


def test_approve_all_keeps_every_capacity_and_audits_each_match(world, pool):
    need, (offer, _other) = accepted_pool(world, pool, capacity=1)
    second_need = Need.objects.get(pk=need.pk)
    second_need.pk = None
    second_need.title = "فرز النفايات في السوق"
    second_need.save()
    coordinator = world.users["coordinator"]
    run = services.start_matching_run(
        coordinator, world.programme, solver="optimal", minimum_score=0.2
    )
    for each in (need, second_need):
        Proposal.objects.create(run=run, need=each, offer=offer, assigned=True, score=0.7)

    approved, refused = services.approve_run(coordinator, run)

    assert approved == 1 and len(refused) == 1
    assert "has no capacity left (1)" in refused[0]
    assert Match.objects.filter(offer=offer).count() == 1
    entry = AuditEntry.objects.get(action="exchanges.approve_match")
    assert entry.actor == coordinator and entry.after["offer"] == offer.pk


def test_the_review_queue_pages_each_list_on_its_own(world, pool, settings, monkeypatch):
    from peerlearn.exchanges.views.seek_offer import ReviewQueueView

    monkeypatch.setattr(ReviewQueueView, "page_size", 2)
    need, _offers = accepted_pool(world, pool)
    for index in range(5):
        Need.objects.filter(pk=need.pk).update(status="submitted")
        copy = Need.objects.get(pk=need.pk)
        copy.pk = None
        copy.title = f"Need {index}"
        copy.save()
    url = reverse("exchanges:review", args=[world.programme.pk])
    client = world.client("coordinator")

    first = client.get(url).content.decode()
    assert "(6)" in first and first.count('class="card review-item"') == 2
    last = client.get(url + "?needs_page=3").content.decode()
    assert "Page 3 of 3" in last
    assert "needs_page=2" in last  # the way back keeps its own parameter
