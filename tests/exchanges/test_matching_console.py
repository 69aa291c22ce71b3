"""Seek & offer through the pages, then the coordinator's matching console:
run, read the explanation, swap in an alternate, pin or exclude, approve,
publish, and both sides answer."""

from __future__ import annotations

from django.core import mail
from django.urls import reverse

from peerlearn.accounts.models import Notification
from peerlearn.audit.models import AuditEntry
from peerlearn.directory.models import Language, Topic
from peerlearn.exchanges import matching
from peerlearn.exchanges.models import (
    Exchange,
    Match,
    MatchingRun,
    Need,
    Offer,
    PairRule,
    Proposal,
    ReviewStatus,
)
from tests.exchanges.conftest import accepted_pool, run_matching


def _offer_form(**changes):
    data = {
        "topics": [str(Topic.objects.get(code="environment.solid_waste").pk)],
        "description": "Nous avons introduit le tri à la source dans 40 quartiers.",
        "text_language": str(Language.objects.get(code="fr").pk),
        "languages": [str(Language.objects.get(code=c).pk) for c in ("ar", "fr")],
        "years_experience": "9",
        "capacity": "1",
        "online": "on",
        "in_person": "on",
        "serves_region": "on",
        "serves_country": "on",
        "submit": "1",
    }
    data.update(changes)
    return data


def _need_form(world, **changes):
    data = {
        "local_government": str(world.lg1.pk),
        "title": "فرز النفايات المنزلية",
        "topics": [str(Topic.objects.get(code="environment.solid_waste").pk)],
        "problem": "النفايات المختلطة تملأ المكب ولا يوجد فرز من المصدر.",
        "outcome": "تجربة فرز من المصدر في حيين.",
        "text_language": str(Language.objects.get(code="ar").pk),
        "kind": "mentoring",
        "modality": "either",
        "scope": "national",
        "languages": [str(Language.objects.get(code="ar").pk)],
        "offers_wanted": "1",
        "urgency": "normal",
        "staff_involved": "3",
        "funding_learning": "own",
        "funding_applying": "none",
        "part_of_their_job": "on",
        "submit": "1",
    }
    data.update(changes)
    return data


def test_offer_need_review_and_matching_through_the_pages(world, pool):
    member, coordinator = world.client("member"), world.client("coordinator")
    programme = world.programme

    for user in pool:
        world.users[user.email] = user
        response = world.client(user.email).post(
            reverse("exchanges:offer_new", args=[programme.pk]), _offer_form()
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    response = member.post(reverse("exchanges:need_new", args=[programme.pk]), _need_form(world))
    assert response.status_code == 302
    need = Need.objects.get()
    assert need.status == ReviewStatus.SUBMITTED and need.contact == world.people["member"]

    queue = coordinator.get(reverse("exchanges:review", args=[programme.pk]))
    assert "فرز النفايات المنزلية" in queue.content.decode()
    for item in [need, *Offer.objects.all()]:
        name = "exchanges:need_review" if isinstance(item, Need) else "exchanges:offer_review"
        coordinator.post(reverse(name, args=[item.pk]), {"decision": "accept"})
    assert Offer.objects.filter(status=ReviewStatus.ACCEPTED).count() == 2

    response = coordinator.post(
        reverse("exchanges:console", args=[programme.pk]),
        {"solver": "optimal", "minimum_score": "0.1"},
    )
    run = MatchingRun.objects.get()
    assert response.status_code == 302 and response["Location"] == run.get_absolute_url()
    assert run.status == MatchingRun.Status.DONE, run.error
    assigned = run.proposals.get(assigned=True)
    alternate = run.proposals.get(assigned=False)
    assert {assigned.offer_id, alternate.offer_id} == set(
        Offer.objects.values_list("pk", flat=True)
    )

    page = coordinator.get(run.get_absolute_url()).content.decode()
    # The explanation names the shared topic and language in the reader's words.
    assert "Solid waste management and recycling" in page
    assert "Arabic" in page

    # Swap in the alternate instead of the proposal.
    coordinator.post(reverse("exchanges:approve", args=[alternate.pk]))
    match = Match.objects.get()
    assert match.offer_id == alternate.offer_id and match.status == Match.Status.APPROVED

    mail.outbox.clear()
    with_capture = coordinator.post(reverse("exchanges:publish", args=[programme.pk]))
    assert with_capture.status_code == 302
    match.refresh_from_db()
    assert match.status == Match.Status.PUBLISHED
    mentor = match.offer.person.user
    assert Notification.objects.filter(user=mentor, kind="match_published").exists()
    assert Notification.objects.filter(user=world.users["member"], kind="match_published").exists()

    member.post(
        reverse("exchanges:answer", args=[match.pk]), {"side": "seeking", "decision": "accept"}
    )
    world.users["mentor"] = mentor
    world.client("mentor").post(
        reverse("exchanges:answer", args=[match.pk]), {"side": "offering", "decision": "accept"}
    )
    match.refresh_from_db()
    assert match.status == Match.Status.ACCEPTED
    exchange = Exchange.objects.get(match=match)
    assert exchange.participants.count() == 2
    assert AuditEntry.objects.filter(action="exchanges.start_exchange").exists()


def test_excluded_pair_is_never_proposed_and_pinned_pair_is(world, pool):
    need, (first, second) = accepted_pool(world, pool)
    coordinator = world.client("coordinator")
    proposed = run_matching(world).proposals.get(assigned=True).offer
    other = second if proposed == first else first

    coordinator.post(
        reverse("exchanges:pair_rule", args=[world.programme.pk]),
        {"need": need.pk, "offer": proposed.pk, "kind": "excluded", "reason": "met before"},
    )
    run = run_matching(world)
    assert run.proposals.get(assigned=True).offer == other
    assert not run.proposals.filter(offer=proposed).exists()

    PairRule.objects.all().delete()
    coordinator.post(
        reverse("exchanges:pair_rule", args=[world.programme.pk]),
        {"need": need.pk, "offer": other.pk, "kind": "pinned"},
    )
    assert run_matching(world).proposals.get(assigned=True).offer == other


def test_a_decline_frees_the_place_and_excludes_the_pair(world, pool):
    from peerlearn.exchanges import services

    need, _offers = accepted_pool(world, pool)
    proposal = run_matching(world).proposals.get(assigned=True)
    match = services.approve_proposal(world.users["coordinator"], proposal)
    services.publish_matches(world.users["coordinator"], world.programme)

    response = world.client("member").post(
        reverse("exchanges:answer", args=[match.pk]),
        {"side": "seeking", "decision": "decline", "reason": ""},
    )
    match.refresh_from_db()
    assert response.status_code == 302 and match.status == Match.Status.PUBLISHED  # no reason

    world.client("member").post(
        reverse("exchanges:answer", args=[match.pk]),
        {"side": "seeking", "decision": "decline", "reason": "We need someone who visits"},
    )
    match.refresh_from_db()
    assert match.status == Match.Status.DECLINED
    assert PairRule.objects.filter(need=need, offer=match.offer, kind="excluded").exists()
    run = run_matching(world)
    assert run.proposals.get(assigned=True).offer != match.offer


def test_only_the_coordinators_use_the_console(world, pool):
    accepted_pool(world, pool)
    url = reverse("exchanges:console", args=[world.programme.pk])
    assert world.client("anonymous").get(url).status_code == 302
    for role in ("member", "focal_point", "other_focal_point"):
        assert world.client(role).get(url).status_code == 403
        assert (
            world.client(role).post(url, {"solver": "optimal", "minimum_score": "0.2"}).status_code
            == 403
        )
    assert world.client("coordinator").get(url).status_code == 200
    assert MatchingRun.objects.count() == 0


def test_bad_console_input_keeps_the_form_and_runs_nothing(world, pool):
    response = world.client("coordinator").post(
        reverse("exchanges:console", args=[world.programme.pk]),
        {"solver": "greedy", "minimum_score": "1.5"},
    )
    assert response.status_code == 400
    assert MatchingRun.objects.count() == 0
    assert Proposal.objects.count() == 0


def test_the_offer_form_refuses_bad_input_and_keeps_what_was_typed(world, pool):
    world.users["expert"] = pool[0]
    response = world.client("expert").post(
        reverse("exchanges:offer_new", args=[world.programme.pk]),
        _offer_form(capacity="-2", online="", in_person=""),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nous avons introduit le tri" in page
    assert Offer.objects.count() == 0


def test_closing_an_exchange_frees_the_offer_place_but_not_the_need(ex):
    from peerlearn.exchanges import services
    from tests.exchanges.conftest import learning_note

    Offer.objects.filter(pk=ex.offer.pk).update(capacity=1)
    run = MatchingRun.objects.create(programme=ex.exchange.programme)
    assert services.live_matches_of(ex.offer) == 1
    assert ex.offer not in matching.open_offers(run)

    learning_note(ex)
    services.close_exchange(ex.user("coordinator"), ex.exchange)

    assert services.live_matches_of(ex.offer) == 0
    assert ex.offer in matching.open_offers(run)
    # The need was served: it is not matched again.
    assert ex.need not in matching.open_needs(run)


def test_the_run_page_lists_its_needs_a_page_at_a_time(world, pool, monkeypatch):
    import re

    from peerlearn.exchanges.views.matching import RunView

    accepted_pool(world, pool, capacity=5)
    arabic = Language.objects.get(code="ar")
    for index in range(4):
        need = Need.objects.create(
            programme=world.programme,
            local_government=world.lg1,
            contact=world.people["member"],
            title=f"فرز النفايات {index}",
            problem="لا يوجد فرز من المصدر",
            outcome="فرز من المصدر",
            text_language=arabic,
            status="accepted",
        )
        need.topics.set([Topic.objects.get(code="environment.solid_waste")])
        need.languages.set([arabic])
    run = run_matching(world)
    monkeypatch.setattr(RunView, "page_size", 2)
    coordinator = world.client("coordinator")
    url = run.get_absolute_url()

    pages = []
    for number in ("1", "2", "3"):
        page = coordinator.get(url, {"page": number}).content.decode()
        assert f"Page {number} of 3" in page
        pages.append([int(pk) for pk in re.findall(r'<h2 id="need-(\d+)"', page)])
    assert [len(ids) for ids in pages] == [2, 2, 1]
    listed = [pk for ids in pages for pk in ids]
    assert sorted(listed) == sorted(Need.objects.values_list("pk", flat=True))
    first = coordinator.get(url).content.decode()
    assert [int(pk) for pk in re.findall(r'<h2 id="need-(\d+)"', first)] == pages[0]
    last = coordinator.get(url, {"page": "last"}).content.decode()
    assert [int(pk) for pk in re.findall(r'<h2 id="need-(\d+)"', last)] == pages[2]

    # The buttons of a page bring the coordinator back to that page.
    second = coordinator.get(url, {"page": "2"}).content.decode()
    assert f'name="next" value="{url}?page=2"' in second
    proposal = run.proposals.filter(need_id__in=pages[1]).order_by("-assigned", "rank")[0]
    response = coordinator.post(
        reverse("exchanges:approve", args=[proposal.pk]), {"next": f"{url}?page=2"}
    )
    assert response.status_code == 302 and response["Location"] == f"{url}?page=2"
    assert Match.objects.filter(need=proposal.need, offer=proposal.offer).exists()
    again = coordinator.get(url, {"page": "2"}).content.decode()
    assert [int(pk) for pk in re.findall(r'<h2 id="need-(\d+)"', again)] == pages[1]
    assert "Matched with" in again
