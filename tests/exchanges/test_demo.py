"""The seek & offer demo (`peerlearn.exchanges.demo`): MENTOR's figures as the
seed gives them, exchanges in every phase, the APLA example, and a second load
that changes nothing."""

from __future__ import annotations

import datetime
import io
import unicodedata
from collections import Counter
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from peerlearn.accounts.models import Notification, Role, RoleAssignment, User
from peerlearn.audit.models import AuditEntry
from peerlearn.directory.demo import DEMO_PASSWORD
from peerlearn.directory.models import LocalGovernment, Person, Programme
from peerlearn.exchanges import services
from peerlearn.exchanges.models import (
    PHASE_ORDER,
    ClosingFeedback,
    Endorsement,
    Exchange,
    FollowUpAction,
    LearningNote,
    Match,
    MatchingRun,
    Meeting,
    Need,
    Offer,
    PairRule,
    Participant,
    Proposal,
    ReviewStatus,
    Side,
    StaffExchangeRequest,
    WorkPlanActivity,
)

# People named in the programme documents (shared/seeds), which the demo must
# never name: participants of the UCLG working session (001), authors of the
# NIBR report (003) and people interviewed or quoted by UCLG (004). Copied
# here because the tests do not read the seeds.
SEED_NAMES = [
    "Beth Peoch",
    "Braulio Díaz",
    "Arnau Gutierrez Camps",
    "Arnau Guiterrez",
    "Daniel Longo",
    "Paulo Oliveira",
    "Felip Roca",
    "Agnès Bickard",
    "Agnès Bickart",
    "Sunil Dubey",
    "Mpilo Ngubane",
    "Sogen Moodley",
    "Kubeshni Govendor",
    "Kubeshni Govender",
    "Reuben Baatjies",
    "Hans Buis",
    "Josep Roig",
    "Sara Hoeflich",
    "Lina Gast",
    "Shubha Sinha",
    "Kate Kim",
    "Kate Shea",
    "Jean Pierre Elong Mbassi",
    "Tory Damantoro",
    "Jordi Pascual",
    "Magali Fricaudet",
    "Toni Blanco",
    "Gloria Young",
    "Dag Juvkam",
    "Frida Temmerdal",
    "Geir Heierstad",
    "Jorn Holm-Hansen",
    "Tatiane de Jesus",
    "Octavi de la Varga Mas",
    "Jordi Cortés",
    "Renske Steenbergen",
    "Sébastien Hamel",
    "Maria Luisa Zapata Trujillo",
    "Harold Jarche",
    "Benedito Guimino",
    "Christine Piquemal",
    "Bernadia Irawati Tjandradewi",
    "Lidia Cobas",
]
# Cited by surname only.
SEED_SURNAMES = ["Hjorth-Johansen", "Anger", "Moberg", "Kambewa", "Hvidsten", "Kuusi"]

AUGUST_2022_END = datetime.datetime(2022, 9, 1, tzinfo=datetime.UTC)
MENTOR_AREAS = {
    "planning",
    "mobility",
    "disaster",
    "finance",
    "migration",
    "environment",
    "sdg",
    "hr",
}


def fold(text: str) -> str:
    """Without case, accents or hyphens, as people compare names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("-", " ").split())


def seed_name_in(name: str) -> str | None:
    words = fold(name).split()
    for real in SEED_NAMES:
        real_words = fold(real).split()
        # The full name, or the given name with the last word of the surname.
        if fold(real) in fold(name) or {real_words[0], real_words[-1]} <= set(words):
            return real
    for surname in SEED_SURNAMES:
        if set(fold(surname).split()) <= set(words):
            return surname
    return None


def snapshot() -> dict[str, Any]:
    """Counts and the key columns of what the demo writes, audit log included."""
    return {
        "counts": {
            model._meta.label: model._default_manager.count()
            for model in (
                User,
                RoleAssignment,
                Notification,
                AuditEntry,
                LocalGovernment,
                Person,
                Offer,
                Need,
                PairRule,
                MatchingRun,
                Proposal,
                Match,
                Exchange,
                Participant,
                Meeting,
                FollowUpAction,
                StaffExchangeRequest,
                WorkPlanActivity,
                Endorsement,
                ClosingFeedback,
                LearningNote,
            )
        },
        "offers": list(
            Offer.objects.order_by("pk").values_list("pk", "person_id", "status", "updated_at")
        ),
        "needs": list(
            Need.objects.order_by("pk").values_list("pk", "title", "status", "updated_at")
        ),
        "matches": list(
            Match.objects.order_by("pk").values_list(
                "pk", "need_id", "offer_id", "status", "need_answer", "offer_answer", "answered_at"
            )
        ),
        "exchanges": list(
            Exchange.objects.order_by("pk").values_list(
                "pk", "phase", "coordination", "started_at", "closed_at", "last_activity_at"
            )
        ),
        "meetings": list(
            Meeting.objects.order_by("pk").values_list("pk", "starts_at", "status", "sequence")
        ),
        "audit": list(AuditEntry.objects.order_by("pk").values_list("pk", "action", "at")),
        "mayors": list(
            LocalGovernment.objects.exclude(head_since=None).values_list("slug", "head_since")
        ),
        "mentor_participants": sorted(mentor().participants.values_list("pk", flat=True)),
    }


def mentor() -> Programme:
    return Programme.objects.get(association__acronym="MMU", slug="mentor")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded twice for the module, in a transaction rolled back at
    the end so that other modules never see it."""
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=hashers),
        transaction.atomic(),
    ):
        output = io.StringIO()
        call_command("load_demo", stdout=output)
        first = snapshot()
        call_command("load_demo", stdout=io.StringIO())
        yield {"output": output.getvalue(), "first": first, "second": snapshot()}
        transaction.set_rollback(True)


def test_the_name_check_would_catch_a_seed_name():
    assert seed_name_in("Mpilo Ngubane") == "Mpilo Ngubane"
    assert seed_name_in("Sogen  MOODLEY") == "Sogen Moodley"
    assert seed_name_in("Jean-Pierre Elong Mbassi") == "Jean Pierre Elong Mbassi"
    assert seed_name_in("Maria Trujillo") == "Maria Luisa Zapata Trujillo"
    assert seed_name_in("Ole Hvidsten") == "Hvidsten"
    assert seed_name_in("Ahmet Karaca") is None


@pytest.mark.django_db
def test_loading_twice_changes_nothing(demo):
    first, second = demo["first"], demo["second"]
    assert first["counts"]["exchanges.Exchange"] > 0
    for key in first:
        assert second[key] == first[key], f"the second load changed {key}"


@pytest.mark.django_db
def test_load_demo_says_what_it_loaded(demo):
    output = demo["output"]
    assert "53 experts from 13 municipalities" in output
    assert "37 needs from 14 local governments" in output
    assert "24 meetings held by August 2022" in output
    assert "expert.istanbul@peerlearn.example" in output
    assert "focalpoint.canakkale@peerlearn.example" in output


@pytest.mark.django_db
def test_the_pool_has_53_experts_from_13_mmu_municipalities(demo):
    pool = Offer.objects.filter(programme=mentor(), status=ReviewStatus.ACCEPTED)
    assert pool.count() == 53
    assert pool.values("person").distinct().count() == 53
    municipalities = set(pool.values_list("local_government", flat=True))
    assert len(municipalities) == 13
    members = set(
        LocalGovernment.objects.filter(associations__acronym="MMU").values_list("pk", flat=True)
    )
    assert municipalities <= members
    areas = {t.parent.code for o in pool for t in o.topics.all() if t.parent}
    assert areas >= MENTOR_AREAS
    assert {o.capacity for o in pool} == {1, 2, 3}
    languages = Counter(pool.values_list("text_language__code", flat=True))
    assert languages["tr"] > languages["en"] > 0
    assert pool.filter(serves_abroad=True).exists() and pool.filter(serves_abroad=False).exists()
    assert pool.filter(online=True, in_person=False).exists()
    assert pool.filter(online=True, in_person=True).exists()


@pytest.mark.django_db
def test_37_needs_from_14_local_governments(demo):
    needs = Need.objects.filter(programme=mentor())
    assert needs.count() == 37
    assert needs.values("local_government").distinct().count() == 14
    assert not needs.exclude(status=ReviewStatus.ACCEPTED).exists()
    languages = Counter(needs.values_list("text_language__code", flat=True))
    assert languages["tr"] > 30 and languages["ar"] >= 1 and languages["en"] >= 1
    abroad = needs.exclude(local_government__country="TR")
    assert abroad.exists() and not abroad.exclude(scope="international").exists()
    assert needs.filter(topics__code="sdg.vlr").count() == 2
    for need in needs:
        # The UCLG learning checklist is filled in.
        assert need.baseline and need.why_learn and need.why_share, need.title
        assert need.days_for_learning and need.days_to_implement, need.title
    seekers = LocalGovernment.objects.filter(needs__in=needs, country="TR").distinct()
    assert not seekers.exclude(associations__acronym="MMU").exists()


@pytest.mark.django_db
def test_24_meetings_held_from_september_2020_to_august_2022(demo):
    meetings = Meeting.objects.filter(exchange__programme=mentor())
    held = meetings.filter(status=Meeting.Status.HELD, starts_at__lt=AUGUST_2022_END)
    assert held.count() == 24
    first = held.order_by("starts_at").first()
    assert first is not None and first.starts_at.date() >= datetime.date(2020, 9, 1)
    assert meetings.filter(status=Meeting.Status.PLANNED, starts_at__gt=timezone.now()).exists()
    assert not meetings.filter(status=Meeting.Status.HELD, starts_at__gt=timezone.now()).exists()
    assert held.exclude(minutes="").count() == 24


@pytest.mark.django_db
def test_exchanges_in_every_phase_and_mode(demo):
    exchanges = Exchange.objects.filter(programme=mentor())
    assert set(exchanges.values_list("phase", flat=True)) == set(PHASE_ORDER)
    assert set(exchanges.values_list("coordination", flat=True)) == set(
        Exchange.Coordination.values
    )
    now = timezone.now()
    dormant = services.filter_dormant(exchanges, now, dormant=True)
    assert dormant.count() == 1
    assert services.endorsements_due(dormant.get()) == [
        LocalGovernment.objects.get(slug="bilecik-municipality")
    ]
    for exchange in exchanges.filter(phase="closed"):
        assert exchange.learning_note.what_did_not
        assert set(exchange.feedback.values_list("side", flat=True)) == {
            Side.SEEKING,
            Side.OFFERING,
        }
    vlr = exchanges.filter(phase="closed", topics__code="sdg.vlr")
    assert vlr.count() == 2
    assert all("VLR" in x.learning_note.summary for x in vlr)
    assert set(StaffExchangeRequest.objects.values_list("status", flat=True)) == {
        StaffExchangeRequest.Status.APPROVED,
        StaffExchangeRequest.Status.REQUESTED,
    }
    actions = FollowUpAction.objects.filter(meeting__exchange__programme=mentor())
    assert actions.exclude(done_at=None).exists()
    assert actions.filter(done_at=None, due_on__lt=now.date()).exists()
    assert WorkPlanActivity.objects.filter(exchange__programme=mentor()).count() >= 10


@pytest.mark.django_db
def test_matches_in_every_state_with_declines_on_both_sides(demo):
    matches = Match.objects.filter(need__programme=mentor())
    assert set(matches.values_list("status", flat=True)) == set(Match.Status.values) - {
        Match.Status.WITHDRAWN
    }
    declined = matches.filter(status=Match.Status.DECLINED)
    assert declined.filter(need_answer=Match.Answer.DECLINED).exists()
    assert declined.filter(offer_answer=Match.Answer.DECLINED).exists()
    assert not declined.filter(decline_reason="").exists()
    for match in declined:
        assert PairRule.objects.filter(
            need=match.need, offer=match.offer, kind=PairRule.Kind.EXCLUDED
        ).exists()
    waiting = matches.filter(status=Match.Status.PUBLISHED)
    canakkale = "focalpoint.canakkale@peerlearn.example"
    assert waiting.filter(need__contact__user__email=canakkale).exists()
    assert waiting.filter(offer__person__user__email="expert.istanbul@peerlearn.example").exists()


@pytest.mark.django_db
def test_earlier_rounds_and_a_fresh_run_to_review(demo):
    runs = MatchingRun.objects.filter(programme=mentor()).order_by("created_at")
    assert list(runs.values_list("status", flat=True)) == [MatchingRun.Status.DONE] * 6
    *earlier, latest = runs
    assert earlier[0].created_at.date() == datetime.date(2020, 9, 1)
    for run in earlier:  # the coordinator's pairs were approved from these
        assert set(
            Match.objects.filter(proposal__run=run).values_list("proposal__assigned", flat=True)
        ) == {True}
    assert latest.created_at > timezone.now() - datetime.timedelta(hours=1)
    live = [Match.Status.APPROVED, Match.Status.PUBLISHED, Match.Status.ACCEPTED]
    open_needs = Need.objects.filter(programme=mentor()).exclude(matches__status__in=live)
    proposed = set(latest.proposals.filter(assigned=True).values_list("need_id", flat=True))
    assert proposed and proposed <= set(open_needs.values_list("pk", flat=True))
    for match in Match.objects.filter(status=Match.Status.DECLINED):
        assert not latest.proposals.filter(need=match.need, offer=match.offer).exists()


@pytest.mark.django_db
def test_hebron_mentors_on_open_source_gis(demo):
    hubs = Programme.objects.get(association__acronym="APLA", slug="technical-exchange-hubs")
    offer = Offer.objects.get(programme=hubs, local_government__slug="hebron-municipality")
    assert offer.text_language.code == "ar"
    assert set(offer.topics.values_list("code", flat=True)) >= {"digital.open_source"}
    needs = Need.objects.filter(programme=hubs)
    assert set(needs.values_list("text_language__code", flat=True)) == {"ar"}
    assert "bethlehem-municipality" in needs.values_list("local_government__slug", flat=True)
    assert needs.values("local_government").distinct().count() >= 2
    exchange = Exchange.objects.get(programme=hubs)
    assert exchange.phase == "inspiration"


@pytest.mark.django_db
def test_the_audit_log_tells_who_did_what_and_when(demo):
    for offer in Offer.objects.select_related("person"):
        entry = AuditEntry.objects.get(action="exchanges.create_offer", target_id=str(offer.pk))
        assert entry.actor_id == offer.person.user_id
        assert entry.at == offer.submitted_at
    for need in Need.objects.select_related("contact", "programme"):
        entry = AuditEntry.objects.get(action="exchanges.create_need", target_id=str(need.pk))
        assert entry.actor_id == need.contact.user_id
        if need.programme.slug == "mentor":  # MENTOR's needs come from focal points
            assert RoleAssignment.objects.filter(user=entry.actor, role=Role.FOCAL_POINT).exists()
    entries = AuditEntry.objects.all()
    earliest = entries.order_by("at").first()
    assert earliest is not None and earliest.at.year == 2020
    assert not entries.filter(at__gt=timezone.now()).exists()
    # Old news is read; the inboxes hold what is recent.
    old = Notification.objects.filter(created_at__lt=timezone.now() - datetime.timedelta(days=60))
    assert old.exists() and not old.filter(read_at=None).exists()


@pytest.mark.django_db
def test_the_listed_accounts_can_sign_in(demo):
    for email in ("expert.istanbul@peerlearn.example", "focalpoint.canakkale@peerlearn.example"):
        assert User.objects.get(email=email).check_password(DEMO_PASSWORD)
    others = User.objects.filter(person__offers__programme=mentor()).exclude(
        email="expert.istanbul@peerlearn.example"
    )
    assert others.count() == 52
    assert not any(user.has_usable_password() for user in others)


@pytest.mark.django_db
def test_no_demo_person_is_named_in_the_seeds(demo):
    names = list(Person.objects.values_list("name", flat=True))
    names += [user.get_full_name() for user in User.objects.all()]
    assert len(names) > 200
    assert {name: real for name in names if (real := seed_name_in(name))} == {}


@pytest.mark.django_db
def test_every_demo_email_is_on_the_reserved_example_domain(demo):
    emails = [e for e in Person.objects.values_list("email", flat=True) if e]
    emails += list(User.objects.values_list("email", flat=True))
    assert len(emails) > 200
    assert [e for e in emails if not e.endswith(".example")] == []
