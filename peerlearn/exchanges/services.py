"""State changes of seek & offer, matching and exchanges: one function per
action. Each checks the permission, runs in a transaction and writes the
audit log; notifications go out after the transaction commits."""

from __future__ import annotations

import uuid
import zoneinfo
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override

from peerlearn.accounts.models import Role, RoleAssignment, User
from peerlearn.accounts.notifications import notify, notify_many
from peerlearn.audit.log import record, record_many, snapshot
from peerlearn.changes import apply_changes
from peerlearn.directory.models import LocalGovernment, Person, Programme
from peerlearn.exchanges.models import (
    HOLDING_PLACE,
    LIVE_MATCH,
    LIVE_STATUSES,
    PHASE_ORDER,
    ClosingFeedback,
    Endorsement,
    Exchange,
    FollowUpAction,
    HelpKind,
    LearningNote,
    Match,
    MatchingRun,
    Meeting,
    Need,
    Offer,
    PairRule,
    Participant,
    ParticipantRole,
    Phase,
    Proposal,
    ReviewStatus,
    Side,
    StaffExchangeRequest,
    WorkPlanActivity,
)
from peerlearn.exchanges.queries import local_governments_for_need
from peerlearn.exchanges.rules import exchange_sides, may

OFFER_FIELDS = (
    "topics",
    "description",
    "text_language",
    "languages",
    "years_experience",
    "capacity",
    "online",
    "in_person",
    "hosts_visits",
    "travels",
    "serves_region",
    "serves_country",
    "serves_abroad",
    "available_from",
    "available_until",
)
NEED_FIELDS = (
    "title",
    "topics",
    "problem",
    "outcome",
    "text_language",
    "kind",
    "modality",
    "scope",
    "languages",
    "requires_equivalence",
    "offers_wanted",
    "urgency",
    "wanted_by",
    "also_for",
    "baseline",
    "why_learn",
    "why_share",
    "days_for_learning",
    "days_to_implement",
    "staff_can_travel",
    "site_visit_wanted",
    "staff_involved",
    "part_of_their_job",
    "funding_learning",
    "funding_applying",
    "interpretation",
    "language_needs",
)


def _require(actor: Any, permission: str, obj: Any = None) -> None:
    if not may(actor, permission, obj):
        raise PermissionDenied


def _status_after_edit(current: str, submit: bool) -> str:
    """Editing sends an offer or need back to review; a draft stays a draft
    until its author submits it."""
    if submit or current in {ReviewStatus.SUBMITTED, ReviewStatus.ACCEPTED}:
        return ReviewStatus.SUBMITTED
    return current


# Offers and needs ------------------------------------------------------------


def _author(actor: Any) -> Person:
    """The actor's directory profile: offers and needs are written by people."""
    person = Person.objects.filter(user=actor).first()
    if person is None:
        raise PermissionDenied
    return person


def save_offer(
    actor: Any,
    offer: Offer,
    changes: Mapping[str, Any],
    *,
    submit: bool = False,
) -> Offer:
    creating = offer.pk is None
    if creating:
        _require(actor, "exchanges.offer_expertise", offer.programme)
        person = _author(actor)
        offer.person = person
        offer.local_government = person.local_government
        offer.created_by = actor
    else:
        _require(actor, "exchanges.change_offer", offer)
    with transaction.atomic():
        before = {} if creating else snapshot(offer, (*OFFER_FIELDS, "status"))
        was_accepted = offer.status == ReviewStatus.ACCEPTED
        offer.status = _status_after_edit(offer.status, submit)
        if offer.status == ReviewStatus.SUBMITTED:
            offer.mark_submitted()
        if not creating:
            # Locked so that no approval takes a place while the capacity shrinks.
            Offer.objects.select_for_update().filter(pk=offer.pk).first()
            if was_accepted:
                # Back to review: the matches not yet accepted go, and only
                # the exchanges under way still hold places.
                _withdraw_unanswered_matches(actor, offer)
            taken = live_matches_of(offer)
            if changes.get("capacity", offer.capacity) < taken:
                raise ValidationError(
                    {
                        "capacity": ngettext(
                            "You are already matched with %(count)d peer: the capacity "
                            "cannot be lower.",
                            "You are already matched with %(count)d peers: the capacity "
                            "cannot be lower.",
                            taken,
                        )
                        % {"count": taken}
                    }
                )
        apply_changes(offer, changes, OFFER_FIELDS)
        _announce(actor, offer, before.get("status"))
        record(
            actor,
            "exchanges.create_offer" if creating else "exchanges.update_offer",
            offer,
            before if not creating else None,
            snapshot(offer, (*OFFER_FIELDS, "status")),
        )
    return offer


def save_need(
    actor: Any,
    need: Need,
    changes: Mapping[str, Any],
    *,
    submit: bool = False,
) -> Need:
    creating = need.pk is None
    if creating:
        _require(actor, "exchanges.post_need", need.programme)
        person = _author(actor)
        if need.local_government_id is None:
            need.local_government_id = person.local_government_id
        allowed = local_governments_for_need(actor, need.programme)
        if not allowed.filter(pk=need.local_government_id).exists():
            raise ValidationError(
                {"local_government": _("You cannot ask for this local government here.")}
            )
        need.contact = person
        need.created_by = actor
    else:
        _require(actor, "exchanges.change_need", need)
    with transaction.atomic():
        before = {} if creating else snapshot(need, (*NEED_FIELDS, "status"))
        was_accepted = need.status == ReviewStatus.ACCEPTED
        need.status = _status_after_edit(need.status, submit)
        if need.status == ReviewStatus.SUBMITTED:
            need.mark_submitted()
        apply_changes(need, changes, NEED_FIELDS)
        if was_accepted:
            _withdraw_unanswered_matches(actor, need)
        if need.also_for.filter(pk=need.local_government_id).exists():
            raise ValidationError(
                {"also_for": _("The local government asking cannot also join its own request.")}
            )
        _announce(actor, need, before.get("status"), before.get("also_for", ()))
        record(
            actor,
            "exchanges.create_need" if creating else "exchanges.update_need",
            need,
            before if not creating else None,
            snapshot(need, (*NEED_FIELDS, "status")),
        )
    return need


def _announce(
    actor: Any, item: Offer | Need, before_status: str | None, before_also_for: Iterable[int] = ()
) -> None:
    """Tell the coordinators when something waits for their review, and the
    focal points of local governments named in a group request that they were."""
    newly_submitted = (
        item.status == ReviewStatus.SUBMITTED and before_status != ReviewStatus.SUBMITTED
    )
    title = item.title if isinstance(item, Need) else item.description[:60]
    if newly_submitted:
        notify(
            _coordinator_users(item.programme),
            "submitted_for_review",
            {"title": title, "programme": item.programme.name},
            item.get_absolute_url(),
        )
    if not isinstance(item, Need) or item.status == ReviewStatus.DRAFT:
        return
    # Those told when an earlier version was submitted are not told again.
    told = set(before_also_for) if before_status not in {None, ReviewStatus.DRAFT} else set()
    named = set(item.also_for.values_list("pk", flat=True)) - told
    focal_points = _focal_point_users_of(named)
    for lg in LocalGovernment.objects.filter(pk__in=named).order_by("pk"):
        notify(
            focal_points.get(lg.pk, []),
            "group_request_named",
            {
                "title": title,
                "programme": item.programme.name,
                "need_org": item.local_government.name,
                "local_government": lg.name,
            },
            item.get_absolute_url(),
        )


def withdraw(actor: Any, item: Offer | Need) -> None:
    permission = "exchanges.change_offer" if isinstance(item, Offer) else "exchanges.change_need"
    _require(actor, permission, item)
    with transaction.atomic():
        before = item.status
        item.status = ReviewStatus.WITHDRAWN
        item.save(update_fields=["status", "updated_at"])
        record(actor, "exchanges.withdraw", item, {"status": before}, {"status": item.status})
        _withdraw_unanswered_matches(actor, item)


def _both_open(match: Match) -> bool:
    return bool(
        Need.objects.filter(pk=match.need_id, status=ReviewStatus.ACCEPTED).exists()
        and Offer.objects.filter(pk=match.offer_id, status=ReviewStatus.ACCEPTED).exists()
    )


def _withdraw_unanswered_matches(actor: Any, item: Offer | Need) -> None:
    """A need or offer taken back (or sent back for changes) takes its matches
    that are not yet accepted with it, so they are neither published nor answered."""
    pending = Match.objects.select_for_update().filter(
        status__in=[Match.Status.APPROVED, Match.Status.PUBLISHED],
        **{"need" if isinstance(item, Need) else "offer": item},
    )
    for match in pending:
        before = match.status
        match.status = Match.Status.WITHDRAWN
        match.save(update_fields=["status"])
        record(
            actor, "exchanges.withdraw_match", match, {"status": before}, {"status": match.status}
        )


def review(actor: Any, item: Offer | Need, *, accept: bool, note: str = "") -> None:
    """A coordinator accepts an offer into the pool (or a need into matching),
    or asks its author for changes with a note."""
    _require(actor, "exchanges.review", item.programme)
    if item.status not in {ReviewStatus.SUBMITTED, ReviewStatus.ACCEPTED}:
        raise ValidationError(_("Only submitted items can be reviewed."))
    if not accept and not note.strip():
        raise ValidationError({"note": _("Say what should change.")})
    with transaction.atomic():
        before = {"status": item.status, "review_note": item.review_note}
        item.status = ReviewStatus.ACCEPTED if accept else ReviewStatus.CHANGES_REQUESTED
        item.review_note = note.strip()
        item.save(update_fields=["status", "review_note", "updated_at"])
        if not accept:
            _withdraw_unanswered_matches(actor, item)
        record(
            actor,
            "exchanges.review",
            item,
            before,
            {"status": item.status, "review_note": item.review_note},
        )
        with override("en"):
            # The English label is the message id: each reader sees it translated.
            status_msgid = str(ReviewStatus(item.status).label)
        if isinstance(item, Offer):
            notify(
                [item.person.user],
                "offer_reviewed",
                {
                    "title": item.description[:60],
                    "programme": item.programme.name,
                    "status": {"msgid": status_msgid},
                    "note": item.review_note,
                },
                item.get_absolute_url(),
            )
        else:
            notify(
                [item.contact.user, item.created_by],
                "need_reviewed",
                {
                    "title": item.title,
                    "programme": item.programme.name,
                    "status": {"msgid": status_msgid},
                    "note": item.review_note,
                },
                item.get_absolute_url(),
            )


# Pair rules and matches ------------------------------------------------------


def set_pair_rule(actor: Any, need: Need, offer: Offer, kind: str, reason: str = "") -> PairRule:
    _require(actor, "exchanges.run_matching", need.programme)
    if offer.programme_id != need.programme_id:
        raise ValidationError(_("The need and the offer belong to different programmes."))
    with transaction.atomic():
        previous = PairRule.objects.filter(need=need, offer=offer).first()
        before = None if previous is None else snapshot(previous, ("kind", "reason"))
        rule, _created = PairRule.objects.update_or_create(
            need=need,
            offer=offer,
            defaults={
                "kind": kind,
                "reason": reason,
                "decided_by": actor,
                "decided_at": timezone.now(),
            },
        )
        record(
            actor,
            f"exchanges.pair_{kind}",
            rule,
            before,
            {"need": need.pk, "offer": offer.pk, "kind": kind, "reason": reason},
        )
    return rule


def remove_pair_rule(actor: Any, rule: PairRule) -> None:
    _require(actor, "exchanges.run_matching", rule.need.programme)
    with transaction.atomic():
        record(actor, "exchanges.pair_rule_removed", rule, {"kind": rule.kind}, {})
        rule.delete()


def live_matches_of(offer: Offer) -> int:
    return Match.objects.filter(HOLDING_PLACE, offer=offer).count()


def _pair_refusal(need: Need, offer: Offer, *, excluded: bool, matched: bool) -> str | None:
    """Why a need and an offer (read under their locks) cannot be matched now."""
    if offer.status != ReviewStatus.ACCEPTED or need.status != ReviewStatus.ACCEPTED:
        return _("This need or offer is no longer open for matching.")
    if excluded:
        return _("This pair is excluded.")
    if matched:
        return _("This pair is already matched.")
    return None


def _capacity_refusal(offer: Offer, taken: int) -> str | None:
    if taken >= offer.capacity:
        return _("%(person)s has no capacity left (%(capacity)d).") % {
            "person": offer.person.name,
            "capacity": offer.capacity,
        }
    return None


def _approved(actor: Any, need: Need, offer: Offer, proposal: Proposal) -> Match:
    return Match(
        need=need,
        offer=offer,
        proposal=proposal,
        score=proposal.score,
        explanation=proposal.explanation,
        approved_by=actor,
    )


def _approval_entry(match: Match) -> dict[str, Any]:
    return {"need": match.need_id, "offer": match.offer_id, "score": match.score}


def approve_proposal(actor: Any, proposal: Proposal) -> Match:
    """Turn a proposal into an approved match, replacing any unpublished match
    the need already had beyond what it asked for (swapping in an alternate).

    The offer's row is locked first, so that two coordinators approving at the
    same moment cannot both take its last place."""
    need, offer = proposal.need, proposal.offer
    _require(actor, "exchanges.run_matching", need.programme)
    with transaction.atomic():
        locked_offer = (
            Offer.objects.select_for_update(of=("self",)).select_related("person").get(pk=offer.pk)
        )
        locked_need = Need.objects.select_for_update().get(pk=need.pk)
        # The need's matches, read once under its lock: whether this pair is
        # matched already, how many peers the need has, which are unpublished.
        of_need = list(Match.objects.filter(need=need).order_by("approved_at", "pk"))
        refusal = _pair_refusal(
            locked_need,
            locked_offer,
            excluded=PairRule.objects.filter(
                need=need, offer=offer, kind=PairRule.Kind.EXCLUDED
            ).exists(),
            matched=any(m.offer_id == offer.pk and m.status in LIVE_STATUSES for m in of_need),
        )
        if refusal:
            raise ValidationError(refusal)
        unpublished = [m for m in of_need if m.status == Match.Status.APPROVED]
        live_for_need = sum(1 for m in of_need if m.status in LIVE_STATUSES)
        if live_for_need >= locked_need.offers_wanted:
            if not unpublished:
                raise ValidationError(_("This need already has all the peers it asked for."))
            # Swapping: the alternate replaces the oldest unpublished match.
            replaced = unpublished[0]
            replaced.status = Match.Status.WITHDRAWN
            replaced.save(update_fields=["status"])
            record(
                actor,
                "exchanges.withdraw_match",
                replaced,
                {"status": "approved"},
                {"status": "withdrawn"},
            )
        refusal = _capacity_refusal(locked_offer, live_matches_of(locked_offer))
        if refusal:
            raise ValidationError(refusal)
        match = _approved(actor, need, offer, proposal)
        match.save()
        record(actor, "exchanges.approve_match", match, None, _approval_entry(match))
    return match


def approve_run(actor: Any, run: MatchingRun) -> tuple[int, list[str]]:
    """Approve a run's assigned proposals for the needs that still have room,
    at once: thousands in one transaction, with the same checks as
    `approve_proposal` made on rows read and locked together.

    Approving "all" fills gaps and never undoes a choice made by hand: a need
    that has all the peers it asked for is left as it is, and a proposal of
    this run that became a match already is passed over, whatever became of
    the match (withdrawn by a swap or by hand is a choice). Returns the number
    approved and, for each proposal refused, a line saying why."""
    _require(actor, "exchanges.run_matching", run.programme)
    assigned = run.proposals.filter(assigned=True)
    # Subqueries rather than lists of ids: a large run names more rows than
    # SQLite takes parameters.
    need_ids, offer_ids = assigned.values("need_id"), assigned.values("offer_id")
    created: list[Match] = []
    refused: list[str] = []
    with transaction.atomic():
        # Offers, then needs, each in key order: the order approve_proposal
        # takes its locks in, so that one waits for the other, never both.
        offers = {
            o.pk: o
            for o in Offer.objects.select_for_update(of=("self",))
            .select_related("person")
            .filter(pk__in=offer_ids)
            .order_by("pk")
        }
        needs = {
            n.pk: n
            for n in Need.objects.select_for_update(of=("self",))
            .select_related("local_government")  # named in each audit entry
            .filter(pk__in=need_ids)
            .order_by("pk")
        }
        # Read under the locks: an approval that got in first is seen here.
        proposals = list(
            assigned.exclude(
                pk__in=Match.objects.filter(proposal__run=run).values("proposal")
            ).order_by("pk")
        )
        excluded = set(
            PairRule.objects.filter(need_id__in=need_ids, kind=PairRule.Kind.EXCLUDED).values_list(
                "need_id", "offer_id"
            )
        )
        live_pairs = set(
            Match.objects.filter(LIVE_MATCH, need_id__in=need_ids).values_list(
                "need_id", "offer_id"
            )
        )
        live_per_need = Counter(need_id for need_id, _offer in live_pairs)
        taken = Counter(
            dict(
                Match.objects.filter(HOLDING_PLACE, offer_id__in=offer_ids)
                .values("offer")
                .annotate(n=Count("pk"))
                .values_list("offer", "n")
            )
        )
        for proposal in proposals:
            need, offer = needs[proposal.need_id], offers[proposal.offer_id]
            if live_per_need[need.pk] >= need.offers_wanted:
                continue
            refusal = _pair_refusal(
                need,
                offer,
                excluded=(need.pk, offer.pk) in excluded,
                matched=(need.pk, offer.pk) in live_pairs,
            ) or _capacity_refusal(offer, taken[offer.pk])
            if refusal:
                refused.append(f"{need.title}: {refusal}")
                continue
            created.append(_approved(actor, need, offer, proposal))
            live_pairs.add((need.pk, offer.pk))
            live_per_need[need.pk] += 1
            taken[offer.pk] += 1
        Match.objects.bulk_create(created, batch_size=1000)
        record_many(
            actor,
            "exchanges.approve_match",
            [(match, None, _approval_entry(match)) for match in created],
        )
    return len(created), refused


def withdraw_match(actor: Any, match: Match) -> None:
    _require(actor, "exchanges.manage_match", match)
    with transaction.atomic():
        # Read again under the lock: both sides may have accepted meanwhile.
        match = Match.objects.select_for_update().get(pk=match.pk)
        if match.status not in {Match.Status.APPROVED, Match.Status.PUBLISHED}:
            raise ValidationError(_("Only matches that are not yet accepted can be withdrawn."))
        before = match.status
        match.status = Match.Status.WITHDRAWN
        match.save(update_fields=["status"])
        record(
            actor, "exchanges.withdraw_match", match, {"status": before}, {"status": match.status}
        )


def publish_matches(
    actor: Any, programme: Programme, matches: Iterable[Match] | None = None
) -> int:
    """Publish approved matches: both sides are told and asked to answer."""
    _require(actor, "exchanges.run_matching", programme)
    with transaction.atomic():
        queryset = Match.objects.select_for_update(of=("self",)).filter(
            need__programme=programme,
            status=Match.Status.APPROVED,
            need__status=ReviewStatus.ACCEPTED,
            offer__status=ReviewStatus.ACCEPTED,
        )
        if matches is not None:
            queryset = queryset.filter(pk__in=[m.pk for m in matches])
        approved = list(
            queryset.select_related(
                "need__local_government",
                "need__contact__user",
                "need__created_by",
                "offer__person__user",
                "offer__local_government",
            )
        )
        focal_points = _focal_point_users_of(
            {m.need.local_government_id for m in approved}
            | {m.offer.local_government_id for m in approved if m.offer.local_government_id}
        )
        now = timezone.now()
        for match in approved:
            match.status, match.published_at = Match.Status.PUBLISHED, now
        Match.objects.bulk_update(approved, ["status", "published_at"], batch_size=500)
        record_many(
            actor,
            "exchanges.publish_match",
            [(m, {"status": "approved"}, {"status": "published"}) for m in approved],
        )
        notify_many(
            (
                [
                    match.need.contact.user,
                    match.need.created_by,
                    match.offer.person.user,
                    *focal_points.get(match.need.local_government_id, []),
                    *focal_points.get(match.offer.local_government_id, []),
                ],
                "match_published",
                {
                    "programme": programme.name,
                    "need": match.need.title,
                    "need_org": match.need.local_government.name,
                    "offer_person": match.offer.person.name,
                    "offer_org": str(match.offer.local_government or ""),
                },
                match.get_absolute_url(),
            )
            for match in approved
        )
        published = len(approved)
    return published


def _focal_point_users(lg_id: int | None) -> list[User]:
    return [] if lg_id is None else _focal_point_users_of([lg_id]).get(lg_id, [])


def _focal_point_users_of(lg_ids: Iterable[int]) -> dict[int | None, list[User]]:
    """The focal points of several local governments, read in one query."""
    users: dict[int | None, list[User]] = {}
    for assignment in RoleAssignment.objects.filter(
        role=Role.FOCAL_POINT, local_government_id__in=list(lg_ids)
    ).select_related("user"):
        users.setdefault(assignment.local_government_id, []).append(assignment.user)
    return users


def answer_match(actor: Any, match: Match, side: str, *, accept: bool, reason: str = "") -> Match:
    """One side accepts or declines. A decline frees the capacity and excludes
    the pair from later runs; when both accept, the exchange begins."""
    permission = {
        Side.SEEKING.value: "exchanges.answer_seeking",
        Side.OFFERING.value: "exchanges.answer_offering",
    }.get(side)
    if permission is None:
        raise ValidationError(_("Choose the side you answer for."))
    _require(actor, permission, match)
    if not accept and not reason.strip():
        raise ValidationError(
            {"reason": _("Please say why you decline, so that the next proposal fits better.")}
        )
    with transaction.atomic():
        match = Match.objects.select_for_update().get(pk=match.pk)
        if match.status != Match.Status.PUBLISHED:
            raise ValidationError(_("This match is not waiting for an answer."))
        if not _both_open(match):
            raise ValidationError(_("The need or the offer has been withdrawn in the meantime."))
        field = "need_answer" if side == Side.SEEKING else "offer_answer"
        before = {field: getattr(match, field), "status": match.status}
        setattr(match, field, Match.Answer.ACCEPTED if accept else Match.Answer.DECLINED)
        match.answered_at = timezone.now()
        if not accept:
            match.status = Match.Status.DECLINED
            match.decline_reason = reason.strip()
            PairRule.objects.update_or_create(
                need=match.need,
                offer=match.offer,
                defaults={
                    "kind": PairRule.Kind.EXCLUDED,
                    "reason": match.decline_reason,
                    "decided_by": actor,
                },
            )
        elif (
            match.need_answer == Match.Answer.ACCEPTED
            and match.offer_answer == Match.Answer.ACCEPTED
        ):
            match.status = Match.Status.ACCEPTED
        match.save()
        record(
            actor,
            "exchanges.answer_match",
            match,
            before,
            {field: getattr(match, field), "status": match.status},
        )
        if match.status == Match.Status.DECLINED:
            notify(
                [
                    *_coordinator_users(match.need.programme),
                    match.need.contact.user,
                    match.offer.person.user,
                ],
                "match_declined",
                {
                    "need": match.need.title,
                    "offer_person": match.offer.person.name,
                    "reason": match.decline_reason,
                },
                match.get_absolute_url(),
            )
        elif match.status == Match.Status.ACCEPTED:
            exchange = _start_exchange(actor, match)
            notify(
                [
                    match.need.contact.user,
                    match.offer.person.user,
                    *_coordinator_users(match.need.programme),
                ],
                "match_accepted",
                {"exchange": exchange.title},
                exchange.get_absolute_url(),
            )
    return match


def _coordinator_users(programme: Programme) -> list[User]:
    return list(
        User.objects.filter(
            roles__role="coordinator", roles__association_id=programme.association_id
        )
    )


def _start_exchange(actor: Any, match: Match) -> Exchange:
    need, offer = match.need, match.offer
    visiting = need.kind in {HelpKind.STUDY_VISIT, HelpKind.STAFF_EXCHANGE}
    exchange = Exchange.objects.create(
        programme=need.programme,
        match=match,
        # The need's own words: the page names the two sides in the reader's language.
        title=need.title,
        kind=need.kind,
    )
    exchange.topics.set(need.topics.all())
    Participant.objects.create(
        exchange=exchange,
        person=offer.person,
        local_government=offer.local_government,
        role=ParticipantRole.HOST if visiting else ParticipantRole.MENTOR,
        side=Side.OFFERING,
    )
    Participant.objects.create(
        exchange=exchange,
        person=need.contact,
        local_government=need.local_government,
        role=ParticipantRole.VISITOR if visiting else ParticipantRole.MENTEE,
        side=Side.SEEKING,
    )
    record(
        actor,
        "exchanges.start_exchange",
        exchange,
        None,
        {"match": match.pk, "phase": exchange.phase},
    )
    return exchange


# Exchanges -------------------------------------------------------------------


ROLES_BY_SIDE = {
    Side.SEEKING: (ParticipantRole.MENTEE, ParticipantRole.VISITOR),
    Side.OFFERING: (ParticipantRole.MENTOR, ParticipantRole.HOST),
    Side.ASSOCIATION: (ParticipantRole.COORDINATOR,),
}


def local_governments_by_side(exchange: Exchange) -> dict[Side, set[int]]:
    """The local governments of each side: those taking part, and on the
    seeking side those named in the group request too."""
    sides: dict[Side, set[int]] = {Side.SEEKING: set(), Side.OFFERING: set()}
    for lg_id, side in exchange.participants.exclude(local_government=None).values_list(
        "local_government_id", "side"
    ):
        if side in sides:
            sides[Side(side)].add(lg_id)
    if exchange.match is not None:
        sides[Side.SEEKING] |= set(exchange.match.need.also_for.values_list("pk", flat=True))
    return sides


def side_of(exchange: Exchange, person: Person) -> Side | None:
    """Which side a person would join: that of their local government, or
    the association's for one of its coordinators; None for anyone else."""
    if person.local_government_id is None:
        coordinators = {user.pk for user in _coordinator_users(exchange.programme)}
        return Side.ASSOCIATION if person.user_id in coordinators else None
    for side, lg_ids in local_governments_by_side(exchange).items():
        if person.local_government_id in lg_ids:
            return side
    return None


def sides_open_to(actor: Any, exchange: Exchange) -> set[Side]:
    """Whose people the actor may bring in or take out: coordinators and
    administrators anyone's, the others only their own side's colleagues, so
    that nobody draws the other side's staff (and their contact details) in."""
    if may(actor, "exchanges.run_matching", exchange.programme):
        return {Side.SEEKING, Side.OFFERING, Side.ASSOCIATION}
    return {Side(side) for side in exchange_sides(actor, exchange)} - {Side.ASSOCIATION}


def add_participant(actor: Any, exchange: Exchange, person: Person, role: str) -> Participant:
    """Bring a colleague into the exchange: a second mentor, the host's team,
    staff of a local government that joined the group request, or the
    association's coordinator. They then see the exchange and its minutes."""
    _require_change(actor, exchange)
    side = side_of(exchange, person)
    if side is None:
        raise ValidationError(
            {
                "person": _(
                    "Only people of the local governments in this exchange, or of the "
                    "association running the programme, can take part."
                )
            }
        )
    if side not in sides_open_to(actor, exchange):
        raise ValidationError(
            {
                "person": _(
                    "You can bring in colleagues of your own side; ask the coordinator "
                    "for anyone else."
                )
            }
        )
    if role not in ROLES_BY_SIDE[side]:
        raise ValidationError(
            {
                "role": _("On the %(side)s this person can be: %(roles)s.")
                % {
                    "side": Side(side).label,
                    "roles": ", ".join(str(ParticipantRole(r).label) for r in ROLES_BY_SIDE[side]),
                }
            }
        )
    with transaction.atomic():
        _lock_open(exchange)
        if exchange.participants.filter(person=person, role=role).exists():
            raise ValidationError({"person": _("This person already takes part in this role.")})
        participant = Participant.objects.create(
            exchange=exchange,
            person=person,
            local_government=person.local_government,
            role=role,
            side=side,
        )
        record(
            actor,
            "exchanges.add_participant",
            exchange,
            None,
            {"person": person.pk, "role": role, "side": side},
        )
        _touch(exchange)
        with override("en"):
            role_msgid = str(ParticipantRole(role).label)
        notify(
            [person.user],
            "participant_added",
            {"exchange": exchange.title, "role": {"msgid": role_msgid}},
            exchange.get_absolute_url(),
        )
    return participant


def founders(exchange: Exchange) -> set[int]:
    """The two people the match brought together: they stay in the exchange."""
    if exchange.match_id is None:
        return set()
    pair = (
        Match.objects.filter(pk=exchange.match_id)
        .values_list("need__contact", "offer__person")
        .first()
    )
    return set(pair or ())


def is_founder(participant: Participant, founder_ids: set[int]) -> bool:
    return participant.person_id in founder_ids and participant.side in {
        Side.SEEKING,
        Side.OFFERING,
    }


def remove_participant(actor: Any, participant: Participant) -> None:
    exchange = participant.exchange
    _require_change(actor, exchange)
    if is_founder(participant, founders(exchange)):
        raise ValidationError(_("The two people the match brought together cannot be removed."))
    if participant.side not in sides_open_to(actor, exchange):
        raise ValidationError(
            _("You can take out colleagues of your own side; ask the coordinator for others.")
        )
    with transaction.atomic():
        _lock_open(exchange)
        record(
            actor,
            "exchanges.remove_participant",
            exchange,
            {"person": participant.person_id, "role": participant.role},
            None,
        )
        participant.delete()
        _touch(exchange)


def _touch(exchange: Exchange) -> None:
    exchange.last_activity_at = timezone.now()
    exchange.save(update_fields=["last_activity_at"])


def may_change_exchange(actor: Any, exchange: Exchange) -> bool:
    """The rule as written. Django lets an active superuser pass every
    `has_perm`; the rule already admits administrators, and its condition that
    the exchange is open must hold for them too."""
    return bool(rules.has_perm("exchanges.change_exchange", actor, exchange))


def _require_change(actor: Any, exchange: Exchange) -> None:
    if not may_change_exchange(actor, exchange):
        raise PermissionDenied


def _exchange_people(exchange: Exchange) -> set[int]:
    return set(exchange.participants.values_list("person_id", flat=True))


def _require_taking_part(exchange: Exchange, people: Iterable[Person], field: str) -> None:
    """The people named in a meeting, an action or the work plan come from the
    exchange itself: the forms offer only them, and so does the API."""
    taking_part = _exchange_people(exchange)
    if any(person.pk not in taking_part for person in people):
        raise ValidationError({field: _("Choose someone who takes part in the exchange.")})


def dormant_cutoff(now: datetime, days: int = 120) -> datetime:
    """The last activity before which an open exchange is dormant; agrees with
    `queries.is_dormant` (more than `days` whole days without activity)."""
    return now - timedelta(days=days + 1)


def filter_dormant(
    queryset: QuerySet[Exchange], now: datetime, *, dormant: bool, days: int = 120
) -> QuerySet[Exchange]:
    quiet = Q(last_activity_at__lte=dormant_cutoff(now, days)) & ~Q(phase=Phase.CLOSED)
    return queryset.filter(quiet) if dormant else queryset.exclude(quiet)


def follow_up_is_overdue(action: FollowUpAction, today: date) -> bool:
    return action.done_at is None and action.due_on < today


def meeting_is_upcoming(meeting: Meeting, now: datetime) -> bool:
    return meeting.status == Meeting.Status.PLANNED and meeting.ends_at >= now


def coordination_can_change(exchange: Exchange) -> bool:
    """As in MENTOR: the two sides choose how to go on once they have met."""
    return exchange.meetings.filter(status=Meeting.Status.HELD).exists()


def feedback_sides(actor: Any, exchange: Exchange) -> list[str]:
    """The sides (offering, seeking) the actor may answer the closing
    questionnaire for: as a participant or a focal point of that side."""

    sides = exchange_sides(actor, exchange)
    return [side for side in (Side.SEEKING, Side.OFFERING) if side in sides]


def may_write_learning_note(actor: Any, exchange: Exchange) -> bool:
    """While the exchange is open, whoever may change it; once closed, whoever
    may see it (the note often comes from the closing conversation)."""
    return bool(
        may(actor, "exchanges.view_exchange", exchange)
        and (may_change_exchange(actor, exchange) or exchange.is_closed)
    )


def staff_exchange_sides(actor: Any, request: StaffExchangeRequest) -> list[str]:
    """The sides (home, host) whose focal point the actor is. The rules are
    asked directly: approval takes the two focal points, and a superuser's
    blanket `has_perm` must not stand in for both."""
    return [
        side
        for side, permission in (
            ("home", "exchanges.approve_staff_exchange_home"),
            ("host", "exchanges.approve_staff_exchange_host"),
        )
        if rules.has_perm(permission, actor, request)
    ]


def staff_exchange_sides_waiting(actor: Any, request: StaffExchangeRequest) -> list[str]:
    """The sides the actor has yet to decide for: the request still waits, and
    the exchange is open."""
    if request.status != StaffExchangeRequest.Status.REQUESTED or request.exchange.is_closed:
        return []
    return [
        side
        for side in staff_exchange_sides(actor, request)
        if getattr(request, f"{side}_approved_at") is None
    ]


def _lock_open(exchange: Exchange) -> Exchange:
    """The exchange read again under a lock; it may have been closed meanwhile."""
    locked = Exchange.objects.select_for_update().get(pk=exchange.pk)
    if locked.is_closed:
        raise ValidationError(_("The exchange is closed."))
    exchange.phase, exchange.coordination = locked.phase, locked.coordination
    return exchange


def set_phase(actor: Any, exchange: Exchange, phase: str) -> Exchange:
    """Move through MILE's phases; closing has its own function."""
    _require_change(actor, exchange)
    if phase not in PHASE_ORDER or phase == Phase.CLOSED:
        raise ValidationError(
            {"phase": _("Choose one of the phases; to close, use “Close the exchange”.")}
        )
    with transaction.atomic():
        _lock_open(exchange)
        before = exchange.phase
        exchange.phase = phase
        exchange.last_activity_at = timezone.now()
        exchange.save(update_fields=["phase", "last_activity_at"])
        record(actor, "exchanges.set_phase", exchange, {"phase": before}, {"phase": phase})
    return exchange


def set_coordination(actor: Any, exchange: Exchange, mode: str) -> Exchange:
    """As in MENTOR: after the first meeting the two sides either carry on
    alone or keep the association coordinating."""
    _require_change(actor, exchange)
    if mode not in Exchange.Coordination.values:
        raise ValidationError({"coordination": _("Choose a coordination mode.")})
    if not coordination_can_change(exchange):
        raise ValidationError(
            _("The coordination mode can be changed after the first meeting has been held.")
        )
    with transaction.atomic():
        _lock_open(exchange)
        before = exchange.coordination
        exchange.coordination = mode
        exchange.last_activity_at = timezone.now()
        exchange.save(update_fields=["coordination", "last_activity_at"])
        record(
            actor,
            "exchanges.set_coordination",
            exchange,
            {"coordination": before},
            {"coordination": mode},
        )
    return exchange


MEETING_FIELDS = (
    "title",
    "starts_at",
    "ends_at",
    "time_zone",
    "online_link",
    "place",
    "agenda",
    "attendees",
)
# What a calendar shows of a meeting: a change to any of them is a new
# revision (SEQUENCE), so that a re-imported file updates the event.
CALENDAR_FIELDS = (
    "title",
    "starts_at",
    "ends_at",
    "time_zone",
    "online_link",
    "place",
    "agenda",
    "status",
)


def meeting_local_time(meeting: Meeting) -> str:
    """The start as the participants agreed it: in the meeting's time zone."""
    local = meeting.starts_at.astimezone(zoneinfo.ZoneInfo(meeting.time_zone))
    return f"{local:%Y-%m-%d %H:%M} ({meeting.time_zone})"


def schedule_meeting(actor: Any, exchange: Exchange, data: Mapping[str, Any]) -> Meeting:
    _require_change(actor, exchange)
    _require_taking_part(exchange, data.get("attendees") or [], "attendees")
    with transaction.atomic():
        meeting = Meeting(exchange=exchange, uid=f"{uuid.uuid4()}@peerlearn")
        apply_changes(meeting, data, MEETING_FIELDS)
        _touch(exchange)
        record(
            actor, "exchanges.schedule_meeting", meeting, None, snapshot(meeting, MEETING_FIELDS)
        )
        _tell_participants(exchange, meeting, "meeting_scheduled")
    return meeting


def _tell_participants(exchange: Exchange, meeting: Meeting, kind: str) -> None:
    notify(
        [p.person.user for p in exchange.participants.select_related("person__user")],
        kind,
        {"meeting": meeting.title, "exchange": exchange.title, "when": meeting_local_time(meeting)},
        exchange.get_absolute_url(),
    )


def update_meeting(actor: Any, meeting: Meeting, data: Mapping[str, Any]) -> Meeting:
    """Reschedule, record minutes and attendance, or mark held or cancelled."""
    _require_change(actor, meeting.exchange)
    _require_taking_part(meeting.exchange, data.get("attendees") or [], "attendees")
    fields = (*MEETING_FIELDS, "minutes", "status")
    held = data.get("status", meeting.status) == Meeting.Status.HELD
    if held and data.get("starts_at", meeting.starts_at) > timezone.now():
        raise ValidationError({"status": _("A meeting can be marked as held once it has started.")})
    with transaction.atomic():
        before = snapshot(meeting, fields)
        # Compare values, not their text: the same instant typed in another
        # time zone is no change.
        rescheduled = any(k in data and data[k] != getattr(meeting, k) for k in CALENDAR_FIELDS)
        if rescheduled:
            meeting.sequence += 1
        apply_changes(meeting, data, fields)
        _touch(meeting.exchange)
        record(actor, "exchanges.update_meeting", meeting, before, snapshot(meeting, fields))
        if meeting.status == Meeting.Status.CANCELLED and before["status"] != meeting.status:
            _tell_participants(meeting.exchange, meeting, "meeting_cancelled")
        elif rescheduled and meeting.status == Meeting.Status.PLANNED:
            _tell_participants(meeting.exchange, meeting, "meeting_rescheduled")
    return meeting


def add_follow_up(actor: Any, meeting: Meeting, data: Mapping[str, Any]) -> FollowUpAction:
    _require_change(actor, meeting.exchange)
    owner = data.get("owner")
    _require_taking_part(meeting.exchange, [owner] if owner is not None else [], "owner")
    with transaction.atomic():
        action = FollowUpAction(meeting=meeting)
        apply_changes(action, data, ("description", "owner", "due_on"))
        _touch(meeting.exchange)
        record(
            actor,
            "exchanges.add_follow_up",
            action,
            None,
            snapshot(action, ("description", "owner", "due_on")),
        )
    return action


def complete_follow_up(actor: Any, action: FollowUpAction) -> None:
    _require_change(actor, action.meeting.exchange)
    with transaction.atomic():
        action = FollowUpAction.objects.select_for_update().get(pk=action.pk)
        if action.done_at is not None:
            raise ValidationError(_("This action is already done."))
        action.done_at = timezone.now()
        action.save(update_fields=["done_at"])
        _touch(action.meeting.exchange)
        record(
            actor,
            "exchanges.complete_follow_up",
            action,
            {"done_at": None},
            {"done_at": action.done_at.isoformat()},
        )


def request_staff_exchange(
    actor: Any, exchange: Exchange, data: Mapping[str, Any]
) -> StaffExchangeRequest:
    _require_change(actor, exchange)
    fields = ("staff_member", "home", "host", "starts_on", "ends_on", "purpose")
    lgs = set(
        exchange.participants.exclude(local_government=None).values_list(
            "local_government_id", flat=True
        )
    )
    with transaction.atomic():
        request = StaffExchangeRequest(exchange=exchange, requested_by=actor)
        for name in fields:
            setattr(request, name, data.get(name))
        if request.home_id not in lgs or request.host_id not in lgs:
            raise ValidationError(
                _("The sending and host local governments must both take part in the exchange.")
            )
        staff = request.staff_member
        if staff is not None and staff.local_government_id != request.home_id:
            raise ValidationError(
                {"staff_member": _("Choose someone who works for the sending local government.")}
            )
        request.full_clean()
        request.save()
        _touch(exchange)
        record(actor, "exchanges.request_staff_exchange", request, None, snapshot(request, fields))
        notify(
            [*_focal_point_users(request.home_id), *_focal_point_users(request.host_id)],
            "staff_exchange_requested",
            {
                "person": request.staff_member.name,
                "host": str(request.host),
                "starts": request.starts_on.isoformat(),
                "ends": request.ends_on.isoformat(),
                "purpose": request.purpose[:200],
            },
            exchange.get_absolute_url(),
        )
    return request


def decide_staff_exchange(
    actor: Any, request: StaffExchangeRequest, *, approve: bool, reason: str = ""
) -> StaffExchangeRequest:
    """Each focal point (home and host) approves for their own side; the
    request is approved when both have."""
    sides = staff_exchange_sides(actor, request)
    if not sides:
        raise PermissionDenied
    if request.exchange.is_closed:
        raise ValidationError(_("The exchange is closed."))
    with transaction.atomic():
        request = StaffExchangeRequest.objects.select_for_update().get(pk=request.pk)
        if request.status != StaffExchangeRequest.Status.REQUESTED:
            raise ValidationError(_("This request has already been decided."))
        before = {"status": request.status}
        if not approve:
            if not reason.strip():
                raise ValidationError({"reason": _("Please give a reason.")})
            request.status = StaffExchangeRequest.Status.REFUSED
            request.refusal_reason = reason.strip()
        else:
            if all(getattr(request, f"{side}_approved_at") for side in sides):
                raise ValidationError(_("You have already approved this request."))
            now = timezone.now()
            for side in sides:
                setattr(request, f"{side}_approved_by", actor)
                setattr(request, f"{side}_approved_at", now)
            if request.home_approved_at and request.host_approved_at:
                request.status = StaffExchangeRequest.Status.APPROVED
        request.save()
        _touch(request.exchange)
        record(
            actor,
            "exchanges.decide_staff_exchange",
            request,
            before,
            {"status": request.status, "sides": sides},
        )
        if request.status != StaffExchangeRequest.Status.REQUESTED:
            with override("en"):
                status_msgid = str(StaffExchangeRequest.Status(request.status).label)
            notify(
                [
                    request.requested_by,
                    request.staff_member.user,
                    *_focal_point_users(request.home_id),
                    *_focal_point_users(request.host_id),
                ],
                "staff_exchange_decided",
                {
                    "person": request.staff_member.name,
                    "host": str(request.host),
                    "status": {"msgid": status_msgid},
                    "reason": request.refusal_reason,
                },
                request.exchange.get_absolute_url(),
            )
    return request


ACTIVITY_FIELDS = ("title", "starts_on", "ends_on", "expected_result", "responsible", "status")


def save_activity(
    actor: Any, activity: WorkPlanActivity, data: Mapping[str, Any]
) -> WorkPlanActivity:
    _require_change(actor, activity.exchange)
    responsible = data.get("responsible")
    _require_taking_part(
        activity.exchange, [responsible] if responsible is not None else [], "responsible"
    )
    with transaction.atomic():
        before = None if activity.pk is None else snapshot(activity, ACTIVITY_FIELDS)
        apply_changes(activity, data, ACTIVITY_FIELDS)
        _touch(activity.exchange)
        record(
            actor, "exchanges.save_activity", activity, before, snapshot(activity, ACTIVITY_FIELDS)
        )
    return activity


def record_endorsement(actor: Any, exchange: Exchange, data: Mapping[str, Any]) -> Endorsement:
    _require_change(actor, exchange)
    lg: LocalGovernment = data["local_government"]
    if not exchange.participants.filter(local_government=lg).exists():
        raise ValidationError(
            {"local_government": _("This local government does not take part in the exchange.")}
        )
    endorsed_on = data.get("endorsed_on")
    if endorsed_on is not None and endorsed_on > timezone.localdate():
        raise ValidationError({"endorsed_on": _("An endorsement cannot be dated in the future.")})
    with transaction.atomic():
        endorsement = Endorsement(exchange=exchange, recorded_by=actor)
        apply_changes(endorsement, data, ("local_government", "endorsed_by", "endorsed_on"))
        _touch(exchange)
        record(
            actor,
            "exchanges.record_endorsement",
            endorsement,
            None,
            snapshot(endorsement, ("local_government", "endorsed_by", "endorsed_on")),
        )
    return endorsement


def endorsements_due(exchange: Exchange) -> list[LocalGovernment]:
    """Participating local governments whose latest endorsement predates their
    current mayor (or that never endorsed): turnover is the main risk."""
    due: list[LocalGovernment] = []
    latest: dict[int, Any] = {}
    for e in exchange.endorsements.all():
        if e.local_government_id not in latest or e.endorsed_on > latest[e.local_government_id]:
            latest[e.local_government_id] = e.endorsed_on
    for participant in exchange.participants.select_related("local_government"):
        lg = participant.local_government
        if lg is None or lg in due:
            continue
        signed = latest.get(lg.pk)
        if signed is None or (lg.head_since is not None and lg.head_since > signed):
            due.append(lg)
    return due


def submit_feedback(actor: Any, exchange: Exchange, data: Mapping[str, Any]) -> ClosingFeedback:
    sides = feedback_sides(actor, exchange)
    side = data.get("side") or (sides[0] if len(sides) == 1 else None)
    if side not in sides:
        raise PermissionDenied
    fields = (
        "achieved",
        "changed_in_practice",
        "would_do_again",
        "usefulness",
        "relationship",
        "organisation",
    )
    with transaction.atomic():
        # The exchange's row is the lock: two answers at once for one side
        # would otherwise both pass the check below.
        Exchange.objects.select_for_update().filter(pk=exchange.pk).first()
        if ClosingFeedback.objects.filter(exchange=exchange, side=side).exists():
            raise ValidationError(_("This side has already answered the questionnaire."))
        feedback = ClosingFeedback(exchange=exchange, side=side, respondent=actor)
        for name in fields:
            setattr(feedback, name, data.get(name))
        feedback.full_clean()
        feedback.save()
        record(
            actor,
            "exchanges.submit_feedback",
            feedback,
            None,
            snapshot(feedback, ("side", *fields)),
        )
    return feedback


def write_learning_note(actor: Any, exchange: Exchange, data: Mapping[str, Any]) -> LearningNote:
    if not may_write_learning_note(actor, exchange):
        raise PermissionDenied
    fields = ("summary", "what_worked", "what_did_not")
    with transaction.atomic():
        note = LearningNote.objects.filter(exchange=exchange).first() or LearningNote(
            exchange=exchange
        )
        before = None if note.pk is None else snapshot(note, fields)
        note.written_by = actor
        apply_changes(note, data, fields)
        record(actor, "exchanges.write_learning_note", note, before, snapshot(note, fields))
    return note


def close_exchange(actor: Any, exchange: Exchange) -> Exchange:
    """Close with a learning note on record; both sides are asked for feedback."""
    _require_change(actor, exchange)
    if not LearningNote.objects.filter(exchange=exchange).exists():
        raise ValidationError(
            _("Write the learning note before closing: what worked and what did not.")
        )
    with transaction.atomic():
        _lock_open(exchange)
        before = exchange.phase
        exchange.phase = Phase.CLOSED
        exchange.closed_at = timezone.now()
        exchange.last_activity_at = exchange.closed_at
        exchange.save(update_fields=["phase", "closed_at", "last_activity_at"])
        record(
            actor,
            "exchanges.close_exchange",
            exchange,
            {"phase": before},
            {"phase": exchange.phase},
        )
        notify(
            [p.person.user for p in exchange.participants.select_related("person__user")],
            "exchange_closed",
            {"exchange": exchange.title},
            exchange.get_absolute_url(),
        )
    return exchange


# Matching runs ----------------------------------------------------------------


def start_matching_run(
    actor: Any, programme: Programme, *, solver: str, minimum_score: float
) -> MatchingRun:
    _require(actor, "exchanges.run_matching", programme)
    with transaction.atomic():
        run = MatchingRun(
            programme=programme, solver=solver, minimum_score=minimum_score, started_by=actor
        )
        run.full_clean()
        run.save()
        record(
            actor,
            "exchanges.start_matching_run",
            run,
            None,
            {"solver": solver, "minimum_score": minimum_score},
        )
    return run
