"""Seek and offer, matching, and the exchanges that follow (MENTOR, TAIEX PEER 2
PEER, MIC partnerships): offers of expertise, needs, matching runs and their
proposals, matches, and the exchanges with meetings, staff exchanges, a joint
work plan, political endorsement, closing feedback and a learning note."""

from __future__ import annotations

import functools
import zoneinfo
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peerlearn.directory.models import (
    Language,
    LocalGovernment,
    Person,
    Programme,
    Topic,
    WebAddressField,
    at_most,
)

TEXT_MAX = 4000


@functools.cache
def time_zone_names() -> frozenset[str]:
    # Reading the zone database takes a tenth of a second: once per process.
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(name: str) -> None:
    if name not in time_zone_names():
        raise ValidationError(_("Choose a time zone from the list, e.g. Asia/Hebron."))


class Scope(models.TextChoices):
    REGIONAL = "regional", _("regional (same region)")
    NATIONAL = "national", _("national (same country)")
    INTERNATIONAL = "international", _("international (anywhere)")


class Modality(models.TextChoices):
    ONLINE = "online", _("online")
    IN_PERSON = "in_person", _("in person")
    EITHER = "either", _("online or in person")


class HelpKind(models.TextChoices):
    MENTORING = "mentoring", _("mentoring")
    STUDY_VISIT = "study_visit", _("study visit")
    EXPERT_MISSION = "expert_mission", _("expert mission")
    WORKSHOP = "workshop", _("workshop")
    STAFF_EXCHANGE = "staff_exchange", _("staff exchange")


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted for review")
    CHANGES_REQUESTED = "changes_requested", _("changes requested")
    ACCEPTED = "accepted", _("accepted")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Reviewed(models.Model):
    """What offers and needs share: written by someone, submitted, and
    accepted (or sent back with a note) by a coordinator."""

    status = models.CharField(
        _("status"), max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT
    )
    review_note = models.TextField(_("note from the coordinator"), max_length=TEXT_MAX, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # Kept when an edit sends it back to review: the programme's figures count
    # waiting times from the first submission.
    first_submitted_at = models.DateTimeField(_("first submitted"), null=True, blank=True)

    class Meta:
        abstract = True

    def mark_submitted(self) -> None:
        self.submitted_at = timezone.now()
        if self.first_submitted_at is None:
            self.first_submitted_at = self.submitted_at


class Offer(Reviewed):
    """A person's offer of expertise within a programme; accepted offers form
    the programme's expert pool."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="offers"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("expert"), on_delete=models.PROTECT, related_name="offers"
    )
    local_government = models.ForeignKey(
        LocalGovernment,
        verbose_name=_("local government"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="offers",
        help_text=_("The local government the expert works for, when there is one."),
    )
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), related_name="offers")
    description = models.TextField(
        _("what you have done"),
        max_length=TEXT_MAX,
        help_text=_("In your own language: what you did, where, with what result."),
    )
    text_language = models.ForeignKey(
        Language,
        verbose_name=_("language of the description"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    languages = models.ManyToManyField(
        Language, verbose_name=_("working languages"), related_name="offers"
    )
    years_experience = models.PositiveSmallIntegerField(
        _("years of experience"), validators=[MaxValueValidator(70)]
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("How many local governments you can help at the same time."),
    )
    online = models.BooleanField(_("online"), default=True)
    in_person = models.BooleanField(_("in person"), default=False)
    hosts_visits = models.BooleanField(_("can host a visit"), default=False)
    travels = models.BooleanField(_("can travel"), default=False)
    serves_region = models.BooleanField(_("my region"), default=True)
    serves_country = models.BooleanField(_("my country"), default=True)
    serves_abroad = models.BooleanField(_("other countries"), default=False)
    available_from = models.DateField(_("available from"), null=True, blank=True)
    available_until = models.DateField(_("available until"), null=True, blank=True)

    class Meta:
        verbose_name = _("offer of expertise")
        verbose_name_plural = _("offers of expertise")
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["programme", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gte=1, capacity__lte=20),
                name="exchanges_offer_capacity_range",
                violation_error_message=_("Capacity must be between 1 and 20."),
            ),
            models.CheckConstraint(
                condition=Q(years_experience__lte=70),
                name="exchanges_offer_years_range",
                violation_error_message=_("Years of experience must be between 0 and 70."),
            ),
            models.CheckConstraint(
                condition=Q(online=True) | Q(in_person=True),
                name="exchanges_offer_some_modality",
                violation_error_message=_("Choose online, in person, or both."),
            ),
            models.CheckConstraint(
                condition=Q(serves_region=True) | Q(serves_country=True) | Q(serves_abroad=True),
                name="exchanges_offer_some_scope",
                violation_error_message=_("Choose at least one place where you can help."),
            ),
            models.CheckConstraint(
                condition=Q(available_from__isnull=True)
                | Q(available_until__isnull=True)
                | Q(available_until__gte=F("available_from")),
                name="exchanges_offer_availability_ordered",
                violation_error_message=_("The availability cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=~Q(description=""),
                name="exchanges_offer_description_not_blank",
                violation_error_message=_("Describe what you have done."),
            ),
            at_most("description", TEXT_MAX),
            models.CheckConstraint(
                condition=Q(status__in=ReviewStatus.values), name="exchanges_offer_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return _("%(person)s: %(topics)s") % {
            "person": self.person.name,
            "topics": self.description[:60],
        }

    def get_absolute_url(self) -> str:
        return reverse("exchanges:offer", kwargs={"pk": self.pk})

    @property
    def modalities(self) -> list[str]:
        return [m for m, on in (("online", self.online), ("in_person", self.in_person)) if on]

    @property
    def scopes(self) -> list[str]:
        pairs = (
            ("regional", self.serves_region),
            ("national", self.serves_country),
            ("international", self.serves_abroad),
        )
        return [scope for scope, on in pairs if on]


class Urgency(models.TextChoices):
    LOW = "low", _("when possible")
    NORMAL = "normal", _("within a few months")
    HIGH = "high", _("urgent")


class Funding(models.TextChoices):
    OWN = "own", _("our own budget")
    PROGRAMME = "programme", _("the programme")
    DONOR = "donor", _("a donor or partner")
    NONE = "none", _("not yet secured")


class Need(Reviewed):
    """A local government asking for help, following UCLG's learning checklist
    (concept, purpose, time, location, people, finance, communication)."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="needs"
    )
    local_government = models.ForeignKey(
        LocalGovernment,
        verbose_name=_("local government"),
        on_delete=models.PROTECT,
        related_name="needs",
    )
    contact = models.ForeignKey(
        Person,
        verbose_name=_("contact person"),
        on_delete=models.PROTECT,
        related_name="needs",
    )
    also_for = models.ManyToManyField(
        LocalGovernment,
        verbose_name=_("other local governments in this group request"),
        blank=True,
        related_name="joined_needs",
    )
    title = models.CharField(_("title"), max_length=200)
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), related_name="needs")
    problem = models.TextField(
        _("the problem"),
        max_length=TEXT_MAX,
        help_text=_("In your own language: what is not working today, and for whom."),
    )
    outcome = models.TextField(
        _("the outcome you want"),
        max_length=TEXT_MAX,
        help_text=_("What should be different after the exchange?"),
    )
    text_language = models.ForeignKey(
        Language,
        verbose_name=_("language of the description"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(
        _("kind of help"), max_length=20, choices=HelpKind.choices, default=HelpKind.MENTORING
    )
    modality = models.CharField(
        _("modality"), max_length=10, choices=Modality.choices, default=Modality.EITHER
    )
    scope = models.CharField(
        _("where to look for peers"),
        max_length=15,
        choices=Scope.choices,
        default=Scope.NATIONAL,
    )
    languages = models.ManyToManyField(
        Language, verbose_name=_("working languages"), related_name="needs"
    )
    requires_equivalence = models.BooleanField(
        _("a comparable local government is wanted"),
        default=False,
        help_text=_("Same kind of local government and a population of similar size."),
    )
    offers_wanted = models.PositiveSmallIntegerField(
        _("number of peers wanted"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    urgency = models.CharField(
        _("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    wanted_by = models.DateField(_("wanted by"), null=True, blank=True)
    # UCLG learning checklist.
    baseline = models.TextField(
        _("baseline: the situation today, in figures if you have them"),
        max_length=TEXT_MAX,
        blank=True,
    )
    why_learn = models.TextField(
        _("why do you want to learn this?"), max_length=TEXT_MAX, blank=True
    )
    why_share = models.TextField(
        _("what could you share in return?"), max_length=TEXT_MAX, blank=True
    )
    days_for_learning = models.PositiveSmallIntegerField(
        _("days available for learning"), null=True, blank=True, validators=[MaxValueValidator(365)]
    )
    days_to_implement = models.PositiveSmallIntegerField(
        _("days planned to put it into practice"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(3650)],
    )
    staff_can_travel = models.BooleanField(_("our staff can travel"), default=False)
    site_visit_wanted = models.BooleanField(_("a site visit is wanted"), default=False)
    staff_involved = models.PositiveSmallIntegerField(
        _("staff involved"), default=1, validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    part_of_their_job = models.BooleanField(
        _("the learning is part of the staff's job description"), default=True
    )
    funding_learning = models.CharField(
        _("funding for learning"), max_length=10, choices=Funding.choices, default=Funding.OWN
    )
    funding_applying = models.CharField(
        _("funding for applying what is learnt"),
        max_length=10,
        choices=Funding.choices,
        default=Funding.NONE,
    )
    interpretation = models.BooleanField(
        _("we can arrange interpretation"),
        default=False,
        help_text=_("Then a peer without a shared working language can be proposed."),
    )
    language_needs = models.TextField(
        _("how language barriers will be solved"), max_length=TEXT_MAX, blank=True
    )

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["programme", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(title="") & ~Q(problem="") & ~Q(outcome=""),
                name="exchanges_need_texts_not_blank",
                violation_error_message=_("Give a title, the problem and the outcome you want."),
            ),
            # SQLite ignores VARCHAR lengths and TextField max_length is a form
            # rule only: these make the database refuse over-long texts too.
            at_most("title", 200),
            at_most("problem", TEXT_MAX),
            at_most("outcome", TEXT_MAX),
            models.CheckConstraint(
                condition=Q(offers_wanted__gte=1, offers_wanted__lte=5),
                name="exchanges_need_offers_wanted_range",
                violation_error_message=_("Ask for between 1 and 5 peers."),
            ),
            models.CheckConstraint(
                condition=Q(kind__in=HelpKind.values), name="exchanges_need_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(modality__in=Modality.values), name="exchanges_need_modality_valid"
            ),
            models.CheckConstraint(
                condition=Q(scope__in=Scope.values), name="exchanges_need_scope_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ReviewStatus.values), name="exchanges_need_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.local_government}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("exchanges:need", kwargs={"pk": self.pk})


class PairRule(models.Model):
    """A coordinator's decision about one need–offer pair for later runs:
    pinned (must be proposed) or excluded (never again, e.g. after a decline)."""

    class Kind(models.TextChoices):
        PINNED = "pinned", _("pinned")
        EXCLUDED = "excluded", _("excluded")

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="pair_rules")
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="pair_rules")
    kind = models.CharField(_("rule"), max_length=10, choices=Kind.choices)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("pair rule")
        verbose_name_plural = _("pair rules")
        constraints = [
            models.UniqueConstraint(fields=["need", "offer"], name="exchanges_pair_rule_unique"),
            models.CheckConstraint(
                condition=Q(kind__in=["pinned", "excluded"]), name="exchanges_pair_rule_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.need_id}–{self.offer_id}: {self.kind}"


class MatchingRun(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting to start")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    class Solver(models.TextChoices):
        OPTIMAL = "optimal", _("best total fit")
        FAIR = "fair", _("best for the worst-served need")
        CLUSTERS = "clusters", _("group sessions (clusters)")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="matching_runs")
    solver = models.CharField(
        _("method"), max_length=10, choices=Solver.choices, default=Solver.OPTIMAL
    )
    minimum_score = models.FloatField(
        _("minimum score"),
        default=0.2,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=_("Pairs scoring below this are never proposed."),
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    stage = models.CharField(max_length=80, blank=True)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    needs_count = models.PositiveIntegerField(default=0)
    offers_count = models.PositiveIntegerField(default=0)
    objective = models.FloatField(null=True, blank=True)
    seconds = models.FloatField(null=True, blank=True)
    error = models.TextField(blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("matching run")
        verbose_name_plural = _("matching runs")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(minimum_score__gte=0, minimum_score__lte=1),
                name="exchanges_run_minimum_score_range",
            )
        ]

    def __str__(self) -> str:
        return f"{self.programme} #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("exchanges:run", kwargs={"pk": self.pk})

    # The engine names its stages in English; the progress page says them in
    # the reader's language.
    STAGES = {
        "text": _("reading the texts"),
        "candidates": _("finding candidates"),
        "affinity": _("scoring the pairs"),
        "assignment": _("choosing the best matches"),
    }

    # A queued run no worker has picked up after this long is said to be stuck.
    STALLED_AFTER = timedelta(minutes=5)

    @property
    def is_stalled(self) -> bool:
        return (
            self.status == self.Status.QUEUED
            and timezone.now() - self.created_at > self.STALLED_AFTER
        )

    @property
    def stage_label(self) -> str:
        return str(self.STAGES.get(self.stage, self.stage))

    @property
    def percent(self) -> int:
        if not self.progress_total:
            return 0 if self.status != self.Status.DONE else 100
        return min(100, round(100 * self.progress_done / self.progress_total))


class Proposal(models.Model):
    """One offer proposed for one need by a run: the assignment (rank 0) or an
    alternate (rank 1, 2, …), with its score and explanation."""

    run = models.ForeignKey(MatchingRun, on_delete=models.CASCADE, related_name="proposals")
    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="proposals")
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="proposals")
    rank = models.PositiveSmallIntegerField(default=0)
    assigned = models.BooleanField(default=False)
    group = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("Needs served together in one group session.")
    )
    score = models.FloatField()
    components = models.JSONField(default=dict)
    explanation = models.JSONField(default=list)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["need_id", "-assigned", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "need", "offer"], name="exchanges_proposal_unique"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0, score__lte=1), name="exchanges_proposal_score_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.need_id} ← {self.offer_id} ({self.score:.2f})"


class Match(models.Model):
    """A pairing approved by a coordinator; published to both sides, who accept
    or decline. Capacity counts every match that is not declined or withdrawn."""

    class Status(models.TextChoices):
        APPROVED = "approved", _("approved, not yet published")
        PUBLISHED = "published", _("published, waiting for answers")
        ACCEPTED = "accepted", _("accepted by both sides")
        DECLINED = "declined", _("declined")
        WITHDRAWN = "withdrawn", _("withdrawn by the coordinator")

    class Answer(models.TextChoices):
        PENDING = "pending", _("no answer yet")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    need = models.ForeignKey(Need, on_delete=models.PROTECT, related_name="matches")
    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="matches")
    proposal = models.ForeignKey(
        Proposal, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    score = models.FloatField(default=0)
    explanation = models.JSONField(default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.APPROVED
    )
    need_answer = models.CharField(
        _("answer of the seeking side"), max_length=10, choices=Answer.choices, default="pending"
    )
    offer_answer = models.CharField(
        _("answer of the offering side"), max_length=10, choices=Answer.choices, default="pending"
    )
    decline_reason = models.TextField(_("reason for declining"), max_length=2000, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    approved_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["-approved_at"]
        constraints = [
            # At most one live match per pair; declined ones stay as history.
            models.UniqueConstraint(
                fields=["need", "offer"],
                condition=Q(status__in=["approved", "published", "accepted"]),
                name="exchanges_match_one_live_per_pair",
            ),
            models.CheckConstraint(
                condition=Q(
                    status__in=["approved", "published", "accepted", "declined", "withdrawn"]
                ),
                name="exchanges_match_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.need} ← {self.offer.person}"

    def get_absolute_url(self) -> str:
        return reverse("exchanges:match", kwargs={"pk": self.pk})


# A match holds a place of the offer's capacity until it is declined or withdrawn.
LIVE_STATUSES = (Match.Status.APPROVED, Match.Status.PUBLISHED, Match.Status.ACCEPTED)
LIVE_MATCH = Q(status__in=LIVE_STATUSES)


# An offer's place is free again once the exchange it led to is closed; for the
# need, the match still counts: it was served.
HOLDING_PLACE = LIVE_MATCH & ~Q(exchange__phase="closed")


def live_match_count() -> models.Count:
    """Annotation for needs: their matches that are not declined or withdrawn."""
    return models.Count("matches", filter=Q(matches__status__in=LIVE_STATUSES), distinct=True)


def places_taken() -> Coalesce:
    """Annotation for offers: the places of their capacity taken right now."""
    taken = (
        Match.objects.filter(HOLDING_PLACE, offer=OuterRef("pk"))
        .order_by()
        .values("offer")
        .annotate(n=models.Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(taken), 0)


class Phase(models.TextChoices):
    # MILE's five phases of a mentorship, then closed.
    COURTSHIP = "courtship", _("courtship")
    INSPIRATION = "inspiration", _("inspiration and reflection")
    ADOPTION = "adoption", _("adoption and adaptation")
    IMPLEMENTATION = "implementation", _("supported implementation")
    AFTERCARE = "aftercare", _("after-care")
    CLOSED = "closed", _("closed")


PHASE_ORDER = [p.value for p in Phase]


class Exchange(models.Model):
    class Coordination(models.TextChoices):
        SELF_MANAGED = "self_managed", _("self-managed by the two sides")
        COORDINATED = "coordinated", _("coordinated by the association")

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="exchanges", verbose_name=_("programme")
    )
    match = models.OneToOneField(
        Match, on_delete=models.PROTECT, null=True, blank=True, related_name="exchange"
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=HelpKind.choices)
    coordination = models.CharField(
        _("coordination"),
        max_length=15,
        choices=Coordination.choices,
        default=Coordination.COORDINATED,
    )
    phase = models.CharField(_("phase"), max_length=15, choices=Phase.choices, default="courtship")
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="+")
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)

    class Meta:
        verbose_name = _("exchange")
        verbose_name_plural = _("exchanges")
        ordering = ["-last_activity_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(phase__in=PHASE_ORDER), name="exchanges_exchange_phase_valid"
            ),
            models.CheckConstraint(
                condition=(Q(phase="closed") & Q(closed_at__isnull=False))
                | (~Q(phase="closed") & Q(closed_at__isnull=True)),
                name="exchanges_exchange_closed_has_date",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="exchanges_exchange_title"),
            at_most("title", 200),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("exchanges:exchange", kwargs={"pk": self.pk})

    @property
    def is_closed(self) -> bool:
        return self.phase == Phase.CLOSED


class ParticipantRole(models.TextChoices):
    MENTOR = "mentor", _("mentor")
    MENTEE = "mentee", _("mentee")
    HOST = "host", _("host")
    VISITOR = "visitor", _("visitor")
    COORDINATOR = "coordinator", _("coordinator")


class Side(models.TextChoices):
    OFFERING = "offering", _("offering side")
    SEEKING = "seeking", _("seeking side")
    ASSOCIATION = "association", _("association")


class Participant(models.Model):
    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="participations", verbose_name=_("person")
    )
    local_government = models.ForeignKey(
        LocalGovernment, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    role = models.CharField(_("role"), max_length=15, choices=ParticipantRole.choices)
    side = models.CharField(_("side"), max_length=15, choices=Side.choices)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["exchange", "person", "role"], name="exchanges_participant_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class Meeting(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text=_("The time zone the times are given in, e.g. Asia/Hebron or Europe/Istanbul."),
    )
    online_link = WebAddressField(_("online meeting link"), blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    attendees = models.ManyToManyField(
        Person, verbose_name=_("attendees"), blank=True, related_name="meetings"
    )
    agenda = models.TextField(_("agenda"), max_length=TEXT_MAX, blank=True)
    minutes = models.TextField(_("minutes"), max_length=20000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    uid = models.CharField(max_length=100, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="exchanges_meeting_ends_after_start",
                violation_error_message=_("A meeting must end after it starts."),
            ),
            models.CheckConstraint(
                condition=~Q(online_link="") | ~Q(place=""),
                name="exchanges_meeting_link_or_place",
                violation_error_message=_("Give an online link or a place (or both)."),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class FollowUpAction(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(_("action"), max_length=500)
    owner = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("owner")
    )
    due_on = models.DateField(_("due"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)

    class Meta:
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        ordering = ["due_on"]
        constraints = [
            models.CheckConstraint(condition=~Q(description=""), name="exchanges_action_text")
        ]

    def __str__(self) -> str:
        return self.description


class StaffExchangeRequest(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("waiting for approval")
        APPROVED = "approved", _("approved by both focal points")
        REFUSED = "refused", _("refused")

    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="staff_exchanges")
    staff_member = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("staff member")
    )
    home = models.ForeignKey(
        LocalGovernment,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("sending local government"),
    )
    host = models.ForeignKey(
        LocalGovernment,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("host local government"),
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    purpose = models.TextField(_("purpose"), max_length=TEXT_MAX)
    home_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    home_approved_at = models.DateTimeField(null=True, blank=True)
    host_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    host_approved_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    refusal_reason = models.CharField(_("reason"), max_length=500, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("staff-exchange request")
        verbose_name_plural = _("staff-exchange requests")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="exchanges_staff_exchange_dates",
                violation_error_message=_("The stay cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=~Q(home=F("host")),
                name="exchanges_staff_exchange_two_sides",
                violation_error_message=_("The host must be another local government."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.staff_member} → {self.host}"


class WorkPlanActivity(models.Model):
    """The joint work plan of the pair methodology: activities with a schedule,
    an expected result and who is responsible."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        UNDER_WAY = "under_way", _("under way")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("activity"), max_length=200)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    expected_result = models.CharField(_("expected result"), max_length=500)
    responsible = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("responsible")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )

    class Meta:
        verbose_name = _("work plan activity")
        verbose_name_plural = _("work plan")
        ordering = ["starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="exchanges_activity_dates",
                violation_error_message=_("An activity cannot end before it starts."),
            ),
            models.CheckConstraint(condition=~Q(title=""), name="exchanges_activity_title"),
        ]

    def __str__(self) -> str:
        return self.title


class Endorsement(models.Model):
    """The political sign-off of one side (the mayor or council)."""

    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="endorsements")
    local_government = models.ForeignKey(
        LocalGovernment, on_delete=models.PROTECT, related_name="+"
    )
    endorsed_by = models.CharField(
        _("endorsed by"), max_length=200, help_text=_("Name and title, e.g. the mayor.")
    )
    endorsed_on = models.DateField(_("endorsed on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("political endorsement")
        verbose_name_plural = _("political endorsements")
        ordering = ["-endorsed_on"]
        constraints = [
            models.CheckConstraint(condition=~Q(endorsed_by=""), name="exchanges_endorsement_who")
        ]

    def __str__(self) -> str:
        return f"{self.local_government}: {self.endorsed_by} ({self.endorsed_on})"


class ClosingFeedback(models.Model):
    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="feedback")
    side = models.CharField(_("side"), max_length=15, choices=Side.choices)
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    achieved = models.TextField(_("what was achieved?"), max_length=TEXT_MAX)
    changed_in_practice = models.TextField(
        _("what changed in practice?"), max_length=TEXT_MAX, blank=True
    )
    would_do_again = models.BooleanField(_("would you do it again?"))
    usefulness = models.PositiveSmallIntegerField(
        _("usefulness (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    relationship = models.PositiveSmallIntegerField(
        _("relationship with the peer (1–5)"),
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    organisation = models.PositiveSmallIntegerField(
        _("organisation of the exchange (1–5)"),
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("closing feedback")
        verbose_name_plural = _("closing feedback")
        constraints = [
            models.UniqueConstraint(
                fields=["exchange", "side"], name="exchanges_feedback_per_side"
            ),
            models.CheckConstraint(
                condition=Q(usefulness__gte=1, usefulness__lte=5)
                & Q(relationship__gte=1, relationship__lte=5)
                & Q(organisation__gte=1, organisation__lte=5),
                name="exchanges_feedback_ratings_range",
                violation_error_message=_("Ratings go from 1 to 5."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.exchange}: {self.get_side_display()}"


class LearningNote(models.Model):
    """What was learnt, including what did not work; stays with the exchange."""

    exchange = models.OneToOneField(
        Exchange, on_delete=models.CASCADE, related_name="learning_note"
    )
    summary = models.TextField(_("summary"), max_length=TEXT_MAX)
    what_worked = models.TextField(_("what worked"), max_length=TEXT_MAX)
    what_did_not = models.TextField(_("what did not work"), max_length=TEXT_MAX)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    written_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("learning note")
        verbose_name_plural = _("learning notes")

    def __str__(self) -> str:
        return self.summary[:80]
