"""Demo data of seek & offer and exchanges: MMU's MENTOR programme with its
first two years (53 experts from 13 municipalities, 37 needs from 14 local
governments, 24 meetings held by August 2022, exchanges in every phase) and
APLA's open-source GIS mentoring by Hebron. The records are in `demo_content`.

Everything goes through the services, acted by the people concerned (the
expert offers, the focal point asks, the coordinator reviews, approves and
publishes, both sides answer), so that permissions are checked and the audit
log tells the story. The services stamp the present; the history is then
dated with queryset updates: the audit entries and notifications each action
wrote, and the dates of the records themselves.

Loading twice changes nothing: offers are known by programme and expert, needs
by programme, local government and title, and a pairing's whole story by its
match. The notifications of the demo stay in the inboxes, but no e-mail is
sent while loading (hundreds would otherwise go out, or fill the console)."""

from __future__ import annotations

import datetime as dt
import math
import zlib
import zoneinfo
from collections.abc import Callable, Sequence
from typing import Any, ParamSpec, TypeVar

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Model
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.translation import gettext as _

from peerlearn.accounts.models import Notification, Role, RoleAssignment, User
from peerlearn.audit.models import AuditEntry
from peerlearn.directory import services as directory_services
from peerlearn.directory.demo import DEMO_DOMAIN, demo_password_hash
from peerlearn.directory.models import (
    Association,
    AssociationMembership,
    Department,
    Expertise,
    Language,
    LocalGovernment,
    LocalGovernmentKind,
    Person,
    PersonRole,
    Programme,
    Topic,
    slug_for,
)
from peerlearn.exchanges import demo_content as content
from peerlearn.exchanges import matching, services
from peerlearn.exchanges.models import (
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
    Proposal,
    ReviewStatus,
    Side,
    StaffExchangeRequest,
    WorkPlanActivity,
)
from peerlearn.matching import messages
from peerlearn.matching.model import Weights

P = ParamSpec("P")
T = TypeVar("T")

ACCOUNT_DOMAIN = "peerlearn.example"
SILENT_EMAIL = "django.core.mail.backends.dummy.EmailBackend"
HOME_ZONE = zoneinfo.ZoneInfo("Europe/Istanbul")
# Notifications older than this are shown as read: the demo's inboxes hold
# the recent news, not four years of it.
READ_AFTER = dt.timedelta(days=30)
KIND_LADDER = [kind.value for kind in LocalGovernmentKind]
MINIMUM_SCORE = 0.2


def load(say: Callable[[str], None] = print) -> dict[str, Any]:
    """Load the demo; returns the extra demo accounts as (e-mail, role, scope)."""
    # E-mails go out when the transaction commits, so the commit happens inside
    # the override: nothing is sent, the in-site notifications stay.
    with override_settings(EMAIL_BACKEND=SILENT_EMAIL), transaction.atomic():
        loader = _Loader()
        loader.load()
    for line in loader.report():
        say(line)
    return {"accounts": loader.accounts}


class _Clock:
    """Dates of the demo: ISO dates, or days relative to the day of loading."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now
        self.today = timezone.localtime(now, HOME_ZONE).date()

    def day(self, spec: str) -> dt.date:
        head = spec.split(" ", 1)[0]
        if head.startswith("now"):
            return self.today + dt.timedelta(days=int(head[3:] or 0))
        return dt.date.fromisoformat(head)

    def at(self, spec: str, zone: str = "", key: str = "") -> dt.datetime:
        """A moment: the time given, or else one in the working day (varied by
        `key`, so that a day's actions do not all happen at the same minute)."""
        _day, _sep, clock = spec.partition(" ")
        if clock:
            hour, minute = (int(part) for part in clock.split(":"))
        else:
            minutes = 9 * 60 + zlib.crc32(f"{spec}{key}".encode()) % (8 * 60)
            hour, minute = divmod(minutes, 60)
        day = self.day(spec)
        tz = zoneinfo.ZoneInfo(zone) if zone else HOME_ZONE
        return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)

    def past(self, moment: dt.datetime) -> dt.datetime:
        return min(moment, self.now - dt.timedelta(minutes=1))


class _History:
    """Dates what the services just wrote: their audit entries and the
    notifications they sent get the moment the action happened in the story."""

    def __init__(self, clock: _Clock) -> None:
        self.clock = clock
        self.audit = self._last(AuditEntry)
        self.inbox = self._last(Notification)
        self.latest: dt.datetime | None = None

    @staticmethod
    def _last(model: type[Model]) -> int:
        return model._default_manager.aggregate(last=Max("pk"))["last"] or 0

    def act(
        self, when: dt.datetime, action: Callable[P, T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        result = action(*args, **kwargs)
        self.stamp(when)
        return result

    def stamp(self, when: dt.datetime) -> dt.datetime:
        when = self.clock.past(when)
        audit = AuditEntry.objects.filter(pk__gt=self.audit).aggregate(last=Max("pk"))["last"]
        if audit is not None:
            AuditEntry.objects.filter(pk__gt=self.audit, pk__lte=audit).update(at=when)
            self.audit = audit
        inbox = Notification.objects.filter(pk__gt=self.inbox).aggregate(last=Max("pk"))["last"]
        if inbox is not None:
            read = when + dt.timedelta(days=1) if when < self.clock.now - READ_AFTER else None
            Notification.objects.filter(pk__gt=self.inbox, pk__lte=inbox).update(
                created_at=when, read_at=read
            )
            self.inbox = inbox
        self.latest = when if self.latest is None else max(self.latest, when)
        return when


def _upsert(model: type[Any], lookup: dict[str, Any], values: dict[str, Any]) -> Any:
    """Create, or update only what differs: loading twice writes nothing."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean()
        obj.save()
        return obj
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.full_clean()
        obj.save()
    return obj


def _set_m2m(manager: Any, wanted: Sequence[Model]) -> None:
    if {o.pk for o in manager.all()} != {o.pk for o in wanted}:
        manager.set(wanted)


def _first_sentence(text: str) -> str:
    head, dot, _rest = text.partition(". ")
    return (head + dot.strip())[:300]


class _Loader:
    def __init__(self) -> None:
        self.now = timezone.now()
        self.clock = _Clock(self.now)
        self.history = _History(self.clock)
        self.languages = {lang.code: lang for lang in Language.objects.all()}
        self.topics = {t.code: t for t in Topic.objects.select_related("parent")}
        self.departments = {d.code: d for d in Department.objects.all()}
        self.programmes = {
            key: Programme.objects.select_related("association").get(
                association__acronym=key[0], slug=key[1]
            )
            for key in (content.MENTOR, content.HUBS)
        }
        self.lgs: dict[str, LocalGovernment] = {}
        self.people: dict[str, Person] = {}
        self.users: dict[str, User] = {}
        self.offers: dict[str, Offer] = {}
        self.needs: dict[str, Need] = {}
        self.accounts: list[tuple[str, str, str]] = []
        self.warnings: list[str] = []
        # One object per person: the permission rules cache their roles on it.
        self.coordinators: dict[int, User] = {}
        self.focal_points: dict[int | None, User | None] = {}
        self.offer_topics: dict[int, set[str]] = {}

    # Directory -----------------------------------------------------------------

    def load(self) -> None:
        self._places()
        self._people()
        self._offers()
        self._needs()
        for name in content.RUNS:
            self._run(name)
        self._new_mayors()
        self._final_matching()

    def _lg(self, slug: str) -> LocalGovernment:
        if slug not in self.lgs:
            self.lgs[slug] = LocalGovernment.objects.get(slug=slug)
        return self.lgs[slug]

    def _places(self) -> None:
        for place in content.PLACES:
            lg = _upsert(
                LocalGovernment,
                {"slug": slug_for(place.name)},
                {
                    "name": place.name,
                    "name_local": place.name_local,
                    "kind": place.kind,
                    "country": place.country,
                    "region": place.region,
                    "population": place.population,
                },
            )
            _set_m2m(lg.official_languages, [self.languages[c] for c in place.languages.split()])
            _set_m2m(lg.departments, [self.departments[c] for c in place.departments.split()])
            association = Association.objects.get(acronym=place.association)
            AssociationMembership.objects.get_or_create(
                association=association, local_government=lg
            )
            self.lgs[lg.slug] = lg
        # The programme lists its participants; the partners abroad take part
        # through it, the members through their association.
        mentor = self.programmes[content.MENTOR]
        joining = [self.lgs[slug_for(p.name)] for p in content.PLACES]
        joining += [self._lg(slug) for slug in content.MENTOR_PARTNERS_ABROAD]
        present = set(mentor.participants.values_list("pk", flat=True))
        missing = [lg for lg in joining if lg.pk not in present]
        if missing:
            mentor.participants.add(*missing)

    def _person(
        self, key: str, lg_slug: str, name: str, position: str, department: str, langs: str
    ) -> Person:
        lg = self._lg(lg_slug)
        given, _sep, surname = name.partition(" ")
        email = f"{slug_for(given)}.{slug_for(surname)}@{lg.slug}.{DEMO_DOMAIN}"
        person = _upsert(
            Person,
            {"email": email},
            {
                "name": name,
                "local_government": lg,
                "association": None,
                "department": self.departments[department],
                "position": position,
                "role": PersonRole.EMPLOYEE,
            },
        )
        _set_m2m(person.languages, [self.languages[c] for c in langs.split()])
        self.people[key] = person
        return person

    def _user(self, person: Person, account: str, joined: dt.datetime) -> User:
        """The person's account: listed demo accounts sign in with the demo
        password; the others exist to act in the story and cannot sign in."""
        email = f"{account}@{ACCOUNT_DOMAIN}" if account else person.email
        user = User.objects.filter(email=email).first()
        if user is None:
            given, _sep, surname = person.name.partition(" ")
            codes = [lang.code for lang in person.languages.all()]
            supported = {code for code, _name in settings.LANGUAGES}
            user = User(
                email=email,
                first_name=given,
                last_name=surname,
                language=next((c for c in codes if c in supported), ""),
                date_joined=joined,
            )
            if account:
                # Hashing is slow on purpose: one hash serves every listed account.
                user.password = self._demo_password()
            else:
                user.set_unusable_password()
            user.save()
        if person.user_id != user.pk:
            person.user = user
            person.save(update_fields=["user"])
        return user

    def _people(self) -> None:
        first_need: dict[str, str] = {}
        for row in content.NEEDS:
            first_need.setdefault(row.contact, row.submitted)
        for contact in content.CONTACTS:
            person = self._person(
                contact.key,
                contact.lg,
                contact.name,
                contact.position,
                contact.department,
                contact.languages,
            )
            joined = self.clock.at(first_need.get(contact.key, "2020-07-01"), key=contact.key)
            joined -= dt.timedelta(days=3)
            if not contact.focal_point and contact.key not in first_need:
                continue  # staff sent on a staff exchange: no account
            user = self._user(person, contact.account, joined)
            self.users[contact.key] = user
            if contact.focal_point:
                RoleAssignment.objects.get_or_create(
                    user=user,
                    role=Role.FOCAL_POINT,
                    local_government=person.local_government,
                    defaults={"since": joined},
                )
            if contact.account:
                self.accounts.append((user.email, _("focal point"), str(person.local_government)))
        for expert in content.EXPERTS:
            person = self._person(
                expert.key,
                expert.lg,
                expert.name,
                expert.position,
                expert.department,
                expert.languages,
            )
            for code in expert.topics.split():
                _upsert(
                    Expertise,
                    {"person": person, "topic": self.topics[code]},
                    {"years": expert.years, "summary": _first_sentence(expert.description)},
                )
            joined = self.clock.at(expert.submitted, key=expert.key) - dt.timedelta(days=2)
            self.users[expert.key] = self._user(person, expert.account, joined)
            if expert.account:
                self.accounts.append(
                    (
                        f"{expert.account}@{ACCOUNT_DOMAIN}",
                        _("expert"),
                        f"{person.local_government} ({self.programmes[expert.programme]})",
                    )
                )

    def _demo_password(self) -> str:
        return demo_password_hash()

    def _coordinator(self, programme: Programme) -> User:
        key = programme.association_id
        if key not in self.coordinators:
            user = (
                User.objects.filter(
                    roles__role=Role.COORDINATOR, roles__association_id=programme.association_id
                )
                .order_by("pk")
                .first()
            )
            if user is None:
                raise LookupError(f"{programme.association} has no coordinator: load the directory")
            self.coordinators[key] = user
        return self.coordinators[key]

    def _focal_point(self, lg_id: int | None) -> User | None:
        if lg_id not in self.focal_points:
            found = (
                User.objects.filter(roles__role=Role.FOCAL_POINT, roles__local_government_id=lg_id)
                .order_by("pk")
                .first()
            )
            known = {user.pk: user for user in self.users.values()}
            self.focal_points[lg_id] = known.get(found.pk, found) if found is not None else None
        return self.focal_points[lg_id]

    # Seek & offer -------------------------------------------------------------

    def _offers(self) -> None:
        for row in content.EXPERTS:
            programme = self.programmes[row.programme]
            person = self.people[row.key]
            offer = Offer.objects.filter(programme=programme, person=person).first()
            if offer is None:
                submitted = self.clock.at(row.submitted, key=row.key)
                reviewed = submitted + dt.timedelta(days=3, hours=2)
                data = {
                    "topics": [self.topics[c] for c in row.topics.split()],
                    "description": row.description,
                    "text_language": self.languages[row.text_language],
                    "languages": [self.languages[c] for c in row.languages.split()],
                    "years_experience": row.years,
                    "capacity": row.capacity,
                    "online": row.modes in {"online", "both"},
                    "in_person": row.modes in {"in_person", "both"},
                    "hosts_visits": "h" in row.visits,
                    "travels": "t" in row.visits,
                    "serves_region": "r" in row.reach,
                    "serves_country": "c" in row.reach,
                    "serves_abroad": "a" in row.reach,
                }
                offer = self.history.act(
                    submitted,
                    services.save_offer,
                    self.users[row.key],
                    Offer(programme=programme),
                    data,
                    submit=True,
                )
                self.history.act(
                    reviewed, services.review, self._coordinator(programme), offer, accept=True
                )
                Offer.objects.filter(pk=offer.pk).update(
                    created_at=submitted,
                    submitted_at=submitted,
                    first_submitted_at=submitted,
                    updated_at=reviewed,
                )
                offer.created_at, offer.submitted_at = submitted, submitted
                offer.updated_at = reviewed
            self.offers[row.key] = offer

    def _needs(self) -> None:
        for row in content.NEEDS:
            programme = self.programmes[row.programme]
            lg = self._lg(row.lg)
            found = Need.objects.filter(
                programme=programme, local_government=lg, title=row.title
            ).first()
            if found is None:
                submitted = self.clock.at(row.submitted, key=row.key)
                reviewed = submitted + dt.timedelta(days=2, hours=5)
                data = {
                    "title": row.title,
                    "topics": [self.topics[c] for c in row.topics.split()],
                    "problem": row.problem,
                    "outcome": row.outcome,
                    "text_language": self.languages[row.text_language],
                    "kind": row.kind,
                    "modality": row.modality,
                    "scope": row.scope,
                    "languages": [self.languages[c] for c in row.languages.split()],
                    "requires_equivalence": row.requires_equivalence,
                    "offers_wanted": 1,
                    "urgency": row.urgency,
                    "wanted_by": None,
                    "also_for": [self._lg(slug) for slug in row.also_for.split()],
                    "baseline": row.baseline,
                    "why_learn": row.why_learn,
                    "why_share": row.why_share,
                    "days_for_learning": row.days_for_learning,
                    "days_to_implement": row.days_to_implement,
                    "staff_can_travel": row.staff_can_travel,
                    "site_visit_wanted": row.site_visit_wanted,
                    "staff_involved": row.staff_involved,
                    "part_of_their_job": row.part_of_their_job,
                    "funding_learning": row.funding_learning,
                    "funding_applying": row.funding_applying,
                    "interpretation": row.interpretation,
                    "language_needs": row.language_needs,
                }
                found = self.history.act(
                    submitted,
                    services.save_need,
                    self.users[row.contact],
                    Need(programme=programme, local_government=lg),
                    data,
                    submit=True,
                )
                self.history.act(
                    reviewed, services.review, self._coordinator(programme), found, accept=True
                )
                Need.objects.filter(pk=found.pk).update(
                    created_at=submitted,
                    submitted_at=submitted,
                    first_submitted_at=submitted,
                    updated_at=reviewed,
                )
                found.created_at, found.submitted_at = submitted, submitted
                found.updated_at = reviewed
            self.needs[row.key] = found

    # Matching rounds ----------------------------------------------------------

    def _run(self, name: str) -> None:
        """One earlier round: the coordinator's pairs as the run's proposals
        (with an alternate where the pool had one), then what followed."""
        programme_key, spec = content.RUNS[name]
        stories = [
            story
            for story in content.STORIES
            if story.run == name
            and not Match.objects.filter(
                need=self.needs[story.need], offer=self.offers[story.offer]
            ).exists()
        ]
        if not stories:
            return
        programme = self.programmes[programme_key]
        coordinator = self._coordinator(programme)
        at = self.clock.past(self.clock.at(spec))
        run = self.history.act(
            at,
            services.start_matching_run,
            coordinator,
            programme,
            solver=MatchingRun.Solver.OPTIMAL,
            minimum_score=MINIMUM_SCORE,
        )
        chosen: list[Proposal] = []
        for story in stories:
            need, offer = self.needs[story.need], self.offers[story.offer]
            proposal = self._propose(run, need, offer, rank=0)
            chosen.append(proposal)
            alternate = self._alternate(programme, need, proposal, at)
            if alternate is not None:
                self._propose(run, need, alternate, rank=1)
        MatchingRun.objects.filter(pk=run.pk).update(
            status=MatchingRun.Status.DONE,
            created_at=at,
            finished_at=at + dt.timedelta(seconds=2),
            seconds=1.2,
            needs_count=programme.needs.filter(submitted_at__lte=at).count(),
            offers_count=programme.offers.filter(submitted_at__lte=at).count(),
            progress_done=len(stories),
            progress_total=len(stories),
            objective=round(sum(p.score for p in chosen), 3),
        )
        for story, proposal in zip(stories, chosen, strict=True):
            self._story(story, programme, coordinator, proposal)

    def _alternate(
        self, programme: Programme, need: Need, chosen: Proposal, at: dt.datetime
    ) -> Offer | None:
        """The next best offer on the same topic that was in the pool then."""
        if not self.offer_topics:
            for offer_id, code in Offer.topics.through.objects.values_list(
                "offer_id", "topic__code"
            ):
                self.offer_topics.setdefault(offer_id, set()).add(code)
        codes = {t.code for t in need.topics.all()}
        for key in sorted(self.offers):
            offer = self.offers[key]
            if (
                offer.pk != chosen.offer_id
                and offer.programme_id == programme.pk
                and offer.local_government_id not in {need.local_government_id, None}
                and offer.submitted_at is not None
                and offer.submitted_at <= at
                and codes & self.offer_topics.get(offer.pk, set())
                and _fit(need, offer)[0] < chosen.score
            ):
                return offer
        return None

    def _propose(self, run: MatchingRun, need: Need, offer: Offer, *, rank: int) -> Proposal:
        score, components, explanation = _fit(need, offer)
        return Proposal.objects.create(
            run=run,
            need=need,
            offer=offer,
            rank=rank,
            assigned=rank == 0,
            score=score,
            components=components,
            explanation=explanation,
        )

    # One pairing's story --------------------------------------------------------

    def _when(self, spec: str, key: str = "") -> dt.datetime:
        return self.clock.at(spec, key=key)

    def _story(
        self, story: content.Story, programme: Programme, coordinator: User, proposal: Proposal
    ) -> None:
        need, offer = proposal.need, proposal.offer
        seeker, expert = self.users[self._contact_key(need)], self.users[self._expert_key(offer)]
        key = f"{story.need}/{story.offer}"
        self.history.latest = None
        approved = self._when(story.approved, key)
        match = self.history.act(approved, services.approve_proposal, coordinator, proposal)
        Match.objects.filter(pk=match.pk).update(approved_at=approved)
        if not story.published:
            return
        published = self._when(story.published, key + "/published")
        self.history.act(published, services.publish_matches, coordinator, programme, [match])
        Match.objects.filter(pk=match.pk).update(published_at=published)
        started = published
        for answer in story.answers:
            when = self._when(answer.on, f"{key}/{answer.side}")
            actor = seeker if answer.side == Side.SEEKING else expert
            match = self.history.act(
                when,
                services.answer_match,
                actor,
                match,
                answer.side,
                accept=answer.accept,
                reason=answer.reason,
            )
            Match.objects.filter(pk=match.pk).update(answered_at=when)
            if not answer.accept:
                PairRule.objects.filter(need=need, offer=offer).update(decided_at=when)
            started = when
        if match.status != Match.Status.ACCEPTED:
            return
        exchange = Exchange.objects.get(match=match)
        exchange.started_at = started
        Exchange.objects.filter(pk=exchange.pk).update(started_at=started)
        _Exchange(self, story, exchange, need, offer, coordinator).play()

    def _contact_key(self, need: Need) -> str:
        return next(k for k, p in self.people.items() if p.pk == need.contact_id)

    def _expert_key(self, offer: Offer) -> str:
        return next(k for k, p in self.people.items() if p.pk == offer.person_id)

    # After the story ------------------------------------------------------------

    def _new_mayors(self) -> None:
        for slug, on in content.NEW_MAYORS:
            lg = LocalGovernment.objects.get(slug=slug)
            since = self.clock.day(on)
            if lg.head_since == since:
                continue
            focal_point = self._focal_point(lg.pk)
            if focal_point is None:
                continue
            self.history.act(
                self.clock.at(on, key=slug),
                directory_services.update_local_government,
                focal_point,
                lg,
                {"head_since": since},
            )

    def _final_matching(self) -> None:
        """Run the engine once over what is still open, so that the
        coordinator has proposals to review. A run that fails (the adapter
        not ready) leaves nothing behind, and the next load tries again."""
        programme = self.programmes[content.MENTOR]
        earlier = sum(1 for key, _spec in content.RUNS.values() if key == content.MENTOR)
        runs = MatchingRun.objects.filter(programme=programme).exclude(
            status=MatchingRun.Status.FAILED
        )
        if runs.count() > earlier:
            return
        try:
            with transaction.atomic():
                run = services.start_matching_run(
                    self._coordinator(programme),
                    programme,
                    solver=MatchingRun.Solver.OPTIMAL,
                    minimum_score=MINIMUM_SCORE,
                )
                matching.execute(run.pk)
                run.refresh_from_db()
                if run.status != MatchingRun.Status.DONE:
                    raise _RunFailed(run.error.splitlines()[0] if run.error else run.status)
        except _RunFailed as failure:
            self.warnings.append(
                _("The final matching run of the demo did not complete (%(error)s).")
                % {"error": failure}
            )

    def report(self) -> list[str]:
        mentor = self.programmes[content.MENTOR]
        pool = Offer.objects.filter(programme=mentor, status=ReviewStatus.ACCEPTED)
        needs = Need.objects.filter(programme=mentor).exclude(status=ReviewStatus.WITHDRAWN)
        august_2022 = dt.datetime(2022, 9, 1, tzinfo=HOME_ZONE)
        held = Meeting.objects.filter(
            exchange__programme=mentor, status=Meeting.Status.HELD, starts_at__lt=august_2022
        )
        figures = {
            "experts": pool.count(),
            "offering": pool.values("local_government").distinct().count(),
            "needs": needs.count(),
            "seeking": needs.values("local_government").distinct().count(),
            "exchanges": Exchange.objects.filter(programme=mentor).count(),
            "meetings": held.count(),
        }
        line = (
            _(
                "Demo MENTOR programme: %(experts)d experts from %(offering)d municipalities, "
                "%(needs)d needs from %(seeking)d local governments, %(exchanges)d exchanges, "
                "%(meetings)d meetings held by August 2022."
            )
            % figures
        )
        return [line, *self.warnings]


class _RunFailed(Exception):
    pass


class _Exchange:
    """What happened in one exchange after both sides accepted."""

    def __init__(
        self,
        loader: _Loader,
        story: content.Story,
        exchange: Exchange,
        need: Need,
        offer: Offer,
        coordinator: User,
    ) -> None:
        self.loader = loader
        self.clock = loader.clock
        self.act = loader.history.act
        self.story = story
        self.exchange = exchange
        self.need = need
        self.offer = offer
        self.coordinator = coordinator
        self.seeker = loader.users[loader._contact_key(need)]
        self.expert = loader.users[loader._expert_key(offer)]
        self.key = f"{story.need}/{story.offer}"
        self.alone_since = (
            self.clock.at(story.self_managed, key=self.key) if story.self_managed else None
        )

    def when(self, spec: str, salt: str = "") -> dt.datetime:
        return self.clock.at(spec, key=f"{self.key}/{salt}")

    def organiser(self, moment: dt.datetime) -> User:
        """The association coordinates until the two sides go on alone."""
        if self.alone_since is not None and moment >= self.alone_since:
            return self.seeker
        return self.coordinator

    def person(self, side: str) -> Person:
        return self.need.contact if side == Side.SEEKING else self.offer.person

    def user(self, side: str) -> User:
        return self.seeker if side == Side.SEEKING else self.expert

    def focal_point(self, side: str) -> User:
        lg_id = (
            self.need.local_government_id
            if side == Side.SEEKING
            else self.offer.local_government_id
        )
        return self.loader._focal_point(lg_id) or self.user(side)

    def after_start(self, moment: dt.datetime) -> dt.datetime:
        return max(moment, self.exchange.started_at + dt.timedelta(hours=1))

    def play(self) -> None:
        story = self.story
        for index, row in enumerate(story.meetings):
            self.meeting(index, row)
        for phase, on in story.phases:
            moment = self.when(on, phase)
            self.act(moment, services.set_phase, self.organiser(moment), self.exchange, phase)
        for activity in story.activities:
            self.activity(activity)
        for endorsement in story.endorsements:
            self.endorsement(endorsement)
        for request in story.staff:
            self.staff_exchange(request)
        closed: dt.datetime | None = None
        if story.note is not None:
            moment = self.when(story.note.on, "note")
            author = self.organiser(moment)
            note = self.act(
                moment,
                services.write_learning_note,
                author,
                self.exchange,
                {
                    "summary": story.note.summary,
                    "what_worked": story.note.worked,
                    "what_did_not": story.note.did_not,
                },
            )
            LearningNote.objects.filter(pk=note.pk).update(written_at=moment)
        if story.closed:
            closed = self.when(story.closed, "closed")
            self.act(closed, services.close_exchange, self.organiser(closed), self.exchange)
            Exchange.objects.filter(pk=self.exchange.pk).update(closed_at=closed)
        for answer in story.feedback:
            self.feedback(answer)
        last = closed or self.loader.history.latest or self.exchange.started_at
        Exchange.objects.filter(pk=self.exchange.pk).update(last_activity_at=last)

    def meeting(self, index: int, row: content.MeetingRow) -> None:
        starts = self.clock.at(row.starts, row.time_zone)
        ends = starts + dt.timedelta(minutes=row.minutes_long)
        if row.scheduled:
            scheduled = self.when(row.scheduled, f"scheduled {index}")
        else:
            scheduled = starts - dt.timedelta(days=14)
        scheduled = self.after_start(scheduled)
        organiser = self.organiser(scheduled)
        online = row.where == "online"
        room = f"{self.exchange.programme.slug}/{self.exchange.pk}-{index + 1}"
        link = f"https://meet.{ACCOUNT_DOMAIN}/{room}"
        meeting = self.act(
            scheduled,
            services.schedule_meeting,
            organiser,
            self.exchange,
            {
                "title": row.title,
                "starts_at": starts,
                "ends_at": ends,
                "time_zone": row.time_zone,
                "online_link": link if online else "",
                "place": "" if online else row.where,
                "agenda": row.agenda,
                "attendees": [self.need.contact, self.offer.person],
            },
        )
        recorded = scheduled
        if row.status == Meeting.Status.HELD:
            recorded = ends + dt.timedelta(hours=2)
            self.act(
                recorded,
                services.update_meeting,
                self.organiser(recorded),
                meeting,
                {"minutes": row.minutes, "status": Meeting.Status.HELD},
            )
        elif row.status == Meeting.Status.CANCELLED:
            recorded = starts - dt.timedelta(days=7)
            self.act(
                recorded,
                services.update_meeting,
                self.organiser(recorded),
                meeting,
                {"minutes": row.minutes, "status": Meeting.Status.CANCELLED},
            )
        for number, action in enumerate(row.actions):
            item = self.act(
                recorded,
                services.add_follow_up,
                self.organiser(recorded),
                meeting,
                {
                    "description": action.description,
                    "owner": self.person(action.owner),
                    "due_on": self.clock.day(action.due),
                },
            )
            if action.done:
                done = self.when(action.done, f"done {index}.{number}")
                self.act(done, services.complete_follow_up, self.user(action.owner), item)
                FollowUpAction.objects.filter(pk=item.pk).update(done_at=self.clock.past(done))
        if index == 0 and self.alone_since is not None:
            self.act(
                self.alone_since,
                services.set_coordination,
                self.seeker,
                self.exchange,
                Exchange.Coordination.SELF_MANAGED,
            )

    def activity(self, row: content.Activity) -> None:
        starts = self.clock.day(row.starts)
        moment = self.clock.at(row.starts, key=f"{self.key}/{row.title}") - dt.timedelta(days=10)
        if moment > self.clock.now:  # planned ahead: written into the plan recently
            moment = self.clock.at("now-2", key=f"{self.key}/{row.title}")
        moment = self.after_start(moment)
        self.act(
            moment,
            services.save_activity,
            self.organiser(moment),
            WorkPlanActivity(exchange=self.exchange),
            {
                "title": row.title,
                "starts_on": starts,
                "ends_on": self.clock.day(row.ends),
                "expected_result": row.result,
                "responsible": self.person(row.side),
                "status": row.status,
            },
        )

    def endorsement(self, row: content.EndorsementRow) -> None:
        on = self.clock.day(row.on)
        moment = self.when(row.on, f"endorsed {row.side}") + dt.timedelta(days=1)
        lg = self.need.local_government if row.side == Side.SEEKING else self.offer.local_government
        endorsement = self.act(
            moment,
            services.record_endorsement,
            self.focal_point(row.side),
            self.exchange,
            {"local_government": lg, "endorsed_by": row.endorsed_by, "endorsed_on": on},
        )
        Endorsement.objects.filter(pk=endorsement.pk).update(recorded_at=self.clock.past(moment))

    def staff_exchange(self, row: content.StaffRow) -> None:
        requested = self.when(row.requested, "staff requested")
        request = self.act(
            requested,
            services.request_staff_exchange,
            self.seeker,
            self.exchange,
            {
                "staff_member": self.loader.people[row.staff],
                "home": self.need.local_government,
                "host": self.offer.local_government,
                "starts_on": self.clock.day(row.starts),
                "ends_on": self.clock.day(row.ends),
                "purpose": row.purpose,
            },
        )
        dates: dict[str, Any] = {"requested_at": self.clock.past(requested)}
        for side, on, approver in (
            ("home", row.home_approved, self.focal_point(Side.SEEKING)),
            ("host", row.host_approved, self.focal_point(Side.OFFERING)),
        ):
            if on:
                moment = self.when(on, f"staff {side}")
                request = self.act(
                    moment, services.decide_staff_exchange, approver, request, approve=True
                )
                dates[f"{side}_approved_at"] = self.clock.past(moment)
        StaffExchangeRequest.objects.filter(pk=request.pk).update(**dates)

    def feedback(self, row: content.Feedback) -> None:
        moment = self.when(row.on, f"feedback {row.side}")
        feedback = self.act(
            moment,
            services.submit_feedback,
            self.user(row.side),
            self.exchange,
            {
                "side": row.side,
                "achieved": row.achieved,
                "changed_in_practice": row.changed,
                "would_do_again": row.again,
                "usefulness": row.usefulness,
                "relationship": row.relationship,
                "organisation": row.organisation,
            },
        )
        ClosingFeedback.objects.filter(pk=feedback.pk).update(submitted_at=self.clock.past(moment))


def _fit(need: Need, offer: Offer) -> tuple[float, dict[str, float], list[dict[str, object]]]:
    """Score, components and explanation of a pair the coordinator chose,
    with the clauses and weights of the matching engine, so that earlier
    rounds read like the runs PeerLearn makes."""
    msg = messages
    need_topics = list(need.topics.select_related("parent"))
    offer_topics = list(offer.topics.select_related("parent"))
    shared = [t for t in need_topics if t.pk in {o.pk for o in offer_topics}]
    related = [
        (n, o)
        for n in need_topics
        for o in offer_topics
        if n.pk != o.pk and n.parent_id is not None and n.parent_id == o.parent_id
    ]
    parts: list[messages.Part] = []
    if shared:
        parts.append(msg.Part(msg.BOTH_WORK_ON, {"topic": tuple(_term(t) for t in shared[:2])}))
    elif related:
        parts.append(
            msg.Part(
                msg.RELATED_TOPICS,
                {"need_topic": _term(related[0][0]), "offer_topic": _term(related[0][1])},
            )
        )
    need_lg, offer_lg = need.local_government, offer.local_government
    equivalence = 0.5
    if offer_lg is not None:
        steps = abs(KIND_LADDER.index(need_lg.kind) - KIND_LADDER.index(offer_lg.kind))
        sizes = (max(need_lg.population or 1, 1), max(offer_lg.population or 1, 1))
        ratio = abs(math.log10(sizes[0] / sizes[1]))
        equivalence = max(0.0, 1 - steps / 3) * max(0.0, 1 - ratio / 2)
        kinds: dict[str, messages.ParamValue] = {
            "need_kind": msg.message_term(need_lg.kind, msg.KIND_NAMES),
            "offer_kind": msg.message_term(offer_lg.kind, msg.KIND_NAMES),
            "need_population": sizes[0],
            "offer_population": sizes[1],
        }
        if steps == 0 and ratio <= 0.5:
            same = {"kind": kinds["need_kind"], "need_population": sizes[0]}
            parts.append(msg.Part(msg.SAME_KIND, {**same, "offer_population": sizes[1]}))
        elif steps <= 1 and ratio <= 0.5:
            parts.append(msg.Part(msg.COMPARABLE, kinds))
        elif need.requires_equivalence:
            parts.append(msg.Part(msg.NOT_COMPARABLE, kinds))
    spoken = sorted(
        set(need.languages.values_list("code", flat=True))
        & set(offer.languages.values_list("code", flat=True)),
        key=lambda code: (code != need.text_language.code, code),
    )
    if len(spoken) == 1:
        parts.append(msg.Part(msg.SHARED_LANGUAGE, {"language": msg.language_term(spoken[0])}))
    elif spoken:
        languages = tuple(msg.language_term(c) for c in spoken)
        parts.append(msg.Part(msg.SHARED_LANGUAGES, {"languages": languages}))
    else:
        parts.append(msg.Part(msg.INTERPRETATION))
    if offer_lg is not None:
        need_country, offer_country = str(need_lg.country), str(offer_lg.country)
        if need_country != offer_country:
            both = {"need_country": need_country, "offer_country": offer_country}
            parts.append(msg.Part(msg.ACROSS_BORDERS, both))
        elif need_lg.region and need_lg.region == offer_lg.region:
            parts.append(msg.Part(msg.SAME_REGION, {"region": need_lg.region}))
        else:
            parts.append(msg.Part(msg.SAME_COUNTRY, {"country": need_country}))
    if need.modality != "either":
        modality = msg.message_term(need.modality, msg.MODALITY_NAMES)
        parts.append(msg.Part(msg.MEETS, {"modality": modality}))
    parts.append(msg.Part(msg.EXPERIENCE, {"years": offer.years_experience}))
    # A stable, slightly varied text similarity: the engine's own would differ.
    texture = (zlib.crc32(f"{need.title}|{offer.description}".encode()) % 100) / 1000
    components = {
        "topic": 1.0 if shared else (0.5 if related else 0.0),
        "text": round(0.25 + texture, 3),
        "concepts": round((0.6 if shared else 0.35) + texture, 3),
        "equivalence": round(equivalence, 3),
        "experience": round(min(1.0, offer.years_experience / 20), 3),
        "scope": 1.0,
        "modality": 1.0,
    }
    weights = Weights().components()
    score = sum(weights[name] * value for name, value in components.items())
    return round(min(1.0, score / sum(weights.values())), 3), components, _json(parts)


def _json(parts: Sequence[messages.Part]) -> list[dict[str, object]]:
    return [part.as_json() for part in parts]


def _term(topic: Topic) -> messages.Term:
    return messages.Term(kind="topic", code=topic.code, text=topic.label_en)
