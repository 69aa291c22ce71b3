"""Every URL of the project, fetched by every role, against an explicit table.

A new URL pattern without a line in EXPECTED fails `test_every_url_pattern_has_an_expectation`:
whoever adds a view must say who may open it. The POST walk at the end sends
each state-changing form as every role and checks that refused roles change
nothing."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import RoutePattern
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from peerlearn.accounts.models import Invitation, Notification, Role, RoleAssignment, User
from peerlearn.accounts.notifications import notify
from peerlearn.audit.log import record
from peerlearn.audit.models import AuditEntry
from peerlearn.directory.models import (
    AssociationMembership,
    Department,
    Expertise,
    Language,
    Methodology,
    Person,
    SustainableDevelopmentGoal,
    Topic,
)
from peerlearn.exchanges import matching, services
from peerlearn.exchanges.models import ClosingFeedback, Proposal
from tests.conftest import PASSWORD, ROLES, World
from tests.exchanges.conftest import (
    activity,
    build_exchange,
    days_ago,
    held_meeting,
    learning_note,
    staff_request,
)
from tests.helpers import content_of, lg_form_data, profile_form_data, state

ANONYMOUS, MEMBER, OTHER_FOCAL_POINT, FOCAL_POINT, COORDINATOR, ADMIN = ROLES
NON_STAFF = (ANONYMOUS, MEMBER, OTHER_FOCAL_POINT, FOCAL_POINT, COORDINATOR)

# Outcomes besides a plain status code.
LOGIN = "302 to the sign-in page"
ADMIN_LOGIN = "302 to the admin sign-in page"
REDIRECT = "302 elsewhere"

Outcome = int | str


def everyone(outcome: Outcome) -> dict[str, Outcome]:
    return dict.fromkeys(ROLES, outcome)


def signed_in(outcome: Outcome, **exceptions: Outcome) -> dict[str, Outcome]:
    return {**dict.fromkeys(ROLES, outcome), ANONYMOUS: LOGIN, **exceptions}


def staff_only(outcome: Outcome) -> dict[str, Outcome]:
    return {**dict.fromkeys(NON_STAFF, ADMIN_LOGIN), ADMIN: outcome}


COORDINATORS_ONLY = signed_in(403, coordinator=200, admin=200)

# --- The table -----------------------------------------------------------------------------------

EXPECTED: dict[str, dict[str, Outcome]] = {
    "home": everyone(200),
    # The directory is public, people's profiles only once signed in (the walk
    # opens a profile that is not public).
    "directory:local_governments": everyone(200),
    "directory:local_government": everyone(200),
    "directory:local_government_edit": signed_in(
        200, member=403, other_focal_point=403
    ),  # the walk edits LG1: its focal point, A's coordinator and the admin may
    "directory:experts": everyone(200),
    "directory:person": signed_in(200),
    "directory:person_edit": signed_in(200, other_focal_point=403),
    "directory:profile": signed_in(200),
    "directory:associations": everyone(200),
    "directory:association": everyone(200),
    "directory:programme": everyone(200),
    "directory:topics": everyone(200),
    # Accounts.
    "accounts:login": {**everyone(REDIRECT), ANONYMOUS: 200},
    "accounts:logout": everyone(405),  # signing out is a POST
    "accounts:password_change": signed_in(200),
    "accounts:password_change_done": signed_in(200),
    "accounts:password_reset": everyone(200),
    "accounts:password_reset_done": everyone(200),
    # A valid link stores the token in the session and redirects to the form.
    "accounts:password_reset_confirm": everyone(REDIRECT),
    "accounts:password_reset_complete": everyone(200),
    "accounts:invitations": signed_in(200, member=403),
    "accounts:invite": signed_in(200, member=403, other_focal_point=403),
    # The token is the credential: whoever holds the link sees the invitation.
    "accounts:accept_invitation": everyone(200),
    "accounts:notifications": signed_in(200),
    # The API is read-only and public; a non-public person is hidden from visitors.
    "api:api-root": everyone(200),
    "api:schema": everyone(200),
    "api:topic-list": everyone(200),
    "api:topic-detail": everyone(200),
    "api:localgovernment-list": everyone(200),
    "api:localgovernment-detail": everyone(200),
    "api:association-list": everyone(200),
    "api:association-detail": everyone(200),
    "api:person-list": everyone(200),
    "api:person-detail": {**everyone(200), ANONYMOUS: 404},
    # The language switcher; a GET changes nothing and goes back.
    "set_language": everyone(REDIRECT),
    # Seek & offer. The walk's programme belongs to association A: its members
    # (member, focal point) take part, other_focal_point (association B) does
    # not. The walk's need is the member's, its offer a mentor's at LG2, and the
    # exchange joins them (see tests/exchanges/conftest.py).
    "exchanges:mine": signed_in(200),
    "exchanges:programme": signed_in(200, other_focal_point=403),
    # Offering and seeking need a profile: the walk's coordinator has none.
    "exchanges:offer_new": signed_in(200, other_focal_point=403, coordinator=403, admin=403),
    "exchanges:need_new": signed_in(200, other_focal_point=403, coordinator=403, admin=403),
    "exchanges:pool": signed_in(200, other_focal_point=403),
    "exchanges:needs": signed_in(200, other_focal_point=403),
    "exchanges:review": COORDINATORS_ONLY,
    # Accepted offers and needs are seen by those who take part in the programme.
    "exchanges:offer": signed_in(200, other_focal_point=403),
    "exchanges:offer_edit": signed_in(403),  # only its author
    "exchanges:need": signed_in(200, other_focal_point=403),
    "exchanges:need_edit": signed_in(200, other_focal_point=403, coordinator=403, admin=403),
    "exchanges:console": COORDINATORS_ONLY,
    "exchanges:run": COORDINATORS_ONLY,
    "exchanges:dashboard": COORDINATORS_ONLY,
    "exchanges:programme_exchanges": COORDINATORS_ONLY,
    "exchanges:match": signed_in(200, other_focal_point=403),
    # The exchange, its minutes and contact details: the two sides, their focal
    # points and the coordinators.
    "exchanges:exchange": signed_in(200, other_focal_point=403),
    "exchanges:meeting_calendar": signed_in(200, other_focal_point=403),
    "exchanges:exchange_phase": signed_in(200, other_focal_point=403),
    "exchanges:exchange_coordination": signed_in(200, other_focal_point=403),
    "exchanges:meeting_new": signed_in(200, other_focal_point=403),
    "exchanges:meeting_edit": signed_in(200, other_focal_point=403),
    "exchanges:meeting_minutes": signed_in(200, other_focal_point=403),
    "exchanges:follow_up_new": signed_in(200, other_focal_point=403),
    "exchanges:staff_exchange_new": signed_in(200, other_focal_point=403),
    "exchanges:participant_new": signed_in(200, other_focal_point=403),
    "exchanges:activity_new": signed_in(200, other_focal_point=403),
    "exchanges:activity_edit": signed_in(200, other_focal_point=403),
    "exchanges:endorsement_new": signed_in(200, other_focal_point=403),
    "exchanges:learning_note": signed_in(200, other_focal_point=403),
    # The closing questionnaire is for the two sides only.
    "exchanges:feedback": signed_in(403, member=200, focal_point=200),
    # Buttons: POST only.
    **{
        f"exchanges:{name}": everyone(405)
        for name in (
            "offer_review",
            "offer_withdraw",
            "need_review",
            "need_withdraw",
            "pair_rule",
            "pair_rule_remove",
            "publish",
            "run_approve_all",
            "approve",
            "answer",
            "match_withdraw",
        )
    },
    **{
        f"exchanges:{name}": signed_in(405)
        for name in (
            "exchange_close",
            "follow_up_done",
            "staff_exchange_decide",
            "participant_remove",
        )
    },
    # The admin: only staff get past its sign-in page.
    "admin:index": staff_only(200),
    "admin:login": {**everyone(200), ADMIN: REDIRECT},
    # Signing out is a POST; others are sent to the admin index, which asks them to sign in.
    "admin:logout": {**dict.fromkeys(NON_STAFF, REDIRECT), ADMIN: 405},
    "admin:password_change": staff_only(200),
    "admin:password_change_done": staff_only(200),
    "admin:autocomplete": staff_only(200),
    "admin:jsi18n": staff_only(200),
    "admin:view_on_site": staff_only(REDIRECT),
    "admin:app_list": staff_only(200),
    "admin:auth_user_password_change": staff_only(200),
    "admin:<unnamed> (?P<url>.*)$": staff_only(404),
}

# Every model in the admin, with what the administrator gets on each of its pages.
ADMIN_MODELS = {
    "auth.group": {},
    "audit.auditentry": {"add": 403, "delete": 403},  # the log is evidence: read-only
    "accounts.user": {},
    "accounts.roleassignment": {},
    "accounts.invitation": {},
    "directory.topic": {},
    "directory.language": {},
    "directory.sustainabledevelopmentgoal": {},
    "directory.methodology": {},
    "directory.department": {},
    "directory.localgovernment": {},
    "directory.association": {},
    "directory.associationmembership": {},
    "directory.programme": {},
    "directory.person": {},
    "directory.expertise": {},
    "accounts.notification": {},
    "exchanges.offer": {},
    "exchanges.need": {},
    "exchanges.pairrule": {},
    "exchanges.matchingrun": {},
    "exchanges.proposal": {},
    "exchanges.match": {},
    "exchanges.exchange": {},
    "exchanges.participant": {},
    "exchanges.meeting": {},
    "exchanges.followupaction": {},
    "exchanges.staffexchangerequest": {},
    "exchanges.workplanactivity": {},
    "exchanges.endorsement": {},
    "exchanges.closingfeedback": {},
    "exchanges.learningnote": {},
}
for _label, _exceptions in ADMIN_MODELS.items():
    _prefix = _label.replace(".", "_")
    for _page in ("changelist", "add", "history", "delete", "change"):
        EXPECTED[f"admin:{_prefix}_{_page}"] = staff_only(_exceptions.get(_page, 200))
    # /admin/<app>/<model>/<id>/ redirects to the change page.
    EXPECTED[f"admin:<unnamed> {_label.replace('.', '/')}/<path:object_id>/"] = staff_only(REDIRECT)


# --- Walking the URL configuration ---------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    key: str  # namespaced URL name, or "<namespace>:<unnamed> <route below the namespace>"
    name: str | None
    route: str  # full route, as `resolve()` reports it
    params: tuple[str, ...]


def _params(pattern: Any) -> tuple[str, ...]:
    if isinstance(pattern, RoutePattern):
        return tuple(pattern.converters)
    return tuple(pattern.regex.groupindex)


def walk(
    patterns: list[Any] | None = None,
    prefix: str = "",
    namespaces: tuple[str, ...] = (),
    below_namespace: str = "",
    params: tuple[str, ...] = (),
) -> Iterator[Route]:
    for p in get_resolver().url_patterns if patterns is None else patterns:
        part = str(p.pattern).lstrip("^")
        if isinstance(p, URLResolver):
            yield from walk(
                p.url_patterns,
                prefix + part,
                (*namespaces, p.namespace) if p.namespace else namespaces,
                "" if p.namespace else below_namespace + part,
                params + _params(p.pattern),
            )
        elif isinstance(p, URLPattern):
            ns = ":".join(namespaces)
            if p.name:
                key = f"{ns}:{p.name}" if ns else p.name
            else:
                key = f"{ns}:<unnamed> {below_namespace}{part}"
            yield Route(key, p.name, prefix + part, params + _params(p.pattern))


def test_every_url_pattern_has_an_expectation():
    missing = sorted({r.key for r in walk() if r.key not in EXPECTED})
    assert not missing, "\n".join(f"add an expectation for {key}" for key in missing)


def test_the_table_has_no_stale_lines():
    # A renamed view must not leave its old line behind, unexercised.
    keys = {r.key for r in walk()}
    assert sorted(set(EXPECTED) - keys) == []


@pytest.fixture
def walk_objects(world: World) -> dict[str, Any]:
    """What the walk needs beyond `world`: one object of every model in the admin."""
    admin = world.users[ADMIN]
    invitation = Invitation.objects.create(
        email="invitee@test.example",
        name="Invitee",
        role="member",
        local_government=world.lg1,
        invited_by=world.users[FOCAL_POINT],
    )
    entry = record(admin, "test.walk", world.lg1, {"name": "a"}, {"name": "b"})
    member = world.users[MEMBER]
    ex = build_exchange(world)
    coordinator = world.users[COORDINATOR]
    meeting = held_meeting(ex)
    action = services.add_follow_up(
        ex.user("seeker"),
        meeting,
        {"description": "Send the baseline", "owner": ex.person("seeker"), "due_on": days_ago(-7)},
    )
    run = services.start_matching_run(
        coordinator, world.programme, solver="optimal", minimum_score=0.2
    )
    matching.execute(run.pk)
    note = learning_note(ex)
    feedback = ClosingFeedback.objects.create(
        exchange=ex.exchange,
        side="seeking",
        achieved="A pilot",
        would_do_again=True,
        usefulness=4,
        relationship=5,
        organisation=4,
    )
    endorsement = services.record_endorsement(
        ex.user("seeker"),
        ex.exchange,
        {"local_government": world.lg1, "endorsed_by": "The mayor", "endorsed_on": days_ago(3)},
    )
    notify([member], "match_accepted", {"exchange": ex.exchange.title})
    return {
        "exchange_world": ex,
        "accounts.notification": Notification.objects.filter(user=member).first(),
        "exchanges.offer": ex.offer,
        "exchanges.need": ex.need,
        "exchanges.pairrule": services.set_pair_rule(coordinator, ex.need, ex.offer, "pinned"),
        "exchanges.matchingrun": run,
        "exchanges.proposal": Proposal.objects.order_by("pk").first(),
        "exchanges.match": ex.match,
        "exchanges.exchange": ex.exchange,
        "exchanges.participant": ex.exchange.participants.first(),
        "exchanges.meeting": meeting,
        "exchanges.followupaction": action,
        "exchanges.staffexchangerequest": staff_request(ex),
        "exchanges.workplanactivity": activity(ex),
        "exchanges.endorsement": endorsement,
        "exchanges.closingfeedback": feedback,
        "exchanges.learningnote": note,
        "auth.group": Group.objects.create(name="Editors"),
        "audit.auditentry": entry,
        "accounts.user": member,
        "accounts.roleassignment": RoleAssignment.objects.filter(role=Role.COORDINATOR).first(),
        "accounts.invitation": invitation,
        "directory.topic": Topic.objects.get(code="planning.gis"),
        "directory.language": Language.objects.get(code="ar"),
        "directory.sustainabledevelopmentgoal": SustainableDevelopmentGoal.objects.get(number=11),
        "directory.methodology": Methodology.objects.order_by("pk").first(),
        "directory.department": Department.objects.order_by("pk").first(),
        "directory.localgovernment": world.lg1,
        "directory.association": world.association_a,
        "directory.associationmembership": AssociationMembership.objects.order_by("pk").first(),
        "directory.programme": world.programme,
        "directory.person": world.people["member"],
        "directory.expertise": Expertise.objects.order_by("pk").first(),
    }


def url_kwargs(world: World, objects: dict[str, Any]) -> dict[str, dict[str, Any]]:
    lg1 = world.lg1
    by_pk = {
        "exchanges:offer": "exchanges.offer",
        "exchanges:offer_edit": "exchanges.offer",
        "exchanges:offer_review": "exchanges.offer",
        "exchanges:offer_withdraw": "exchanges.offer",
        "exchanges:need": "exchanges.need",
        "exchanges:need_edit": "exchanges.need",
        "exchanges:need_review": "exchanges.need",
        "exchanges:need_withdraw": "exchanges.need",
        "exchanges:pair_rule_remove": "exchanges.pairrule",
        "exchanges:run": "exchanges.matchingrun",
        "exchanges:run_approve_all": "exchanges.matchingrun",
        "exchanges:approve": "exchanges.proposal",
        "exchanges:match": "exchanges.match",
        "exchanges:answer": "exchanges.match",
        "exchanges:match_withdraw": "exchanges.match",
        "exchanges:meeting_edit": "exchanges.meeting",
        "exchanges:meeting_minutes": "exchanges.meeting",
        "exchanges:meeting_calendar": "exchanges.meeting",
        "exchanges:follow_up_new": "exchanges.meeting",
        "exchanges:follow_up_done": "exchanges.followupaction",
        "exchanges:staff_exchange_decide": "exchanges.staffexchangerequest",
        "exchanges:activity_edit": "exchanges.workplanactivity",
        "exchanges:participant_remove": "exchanges.participant",
    }
    exchange_kwargs = {"pk": objects["exchanges.exchange"].pk}
    return {
        **{name: {"pk": objects[label].pk} for name, label in by_pk.items()},
        **{
            f"exchanges:{name}": exchange_kwargs
            for name in (
                "exchange",
                "exchange_phase",
                "exchange_coordination",
                "exchange_close",
                "meeting_new",
                "participant_new",
                "staff_exchange_new",
                "activity_new",
                "endorsement_new",
                "learning_note",
                "feedback",
            )
        },
        **{
            f"exchanges:{name}": {"programme": world.programme.pk}
            for name in (
                "programme",
                "offer_new",
                "need_new",
                "pool",
                "needs",
                "review",
                "console",
                "pair_rule",
                "publish",
                "dashboard",
                "programme_exchanges",
            )
        },
        "directory:local_government": {"slug": lg1.slug},
        "directory:local_government_edit": {"slug": lg1.slug},
        # Not public: visitors may not see it, every signed-in user may.
        "directory:person": {"pk": world.people["member"].pk},
        "directory:person_edit": {"pk": world.people["member"].pk},
        "directory:association": {"slug": world.association_a.slug},
        "directory:programme": {
            "association": world.association_a.slug,
            "slug": world.programme.slug,
        },
        # Made now: signing in changes `last_login`, which invalidates older tokens.
        "accounts:password_reset_confirm": {
            "uidb64": urlsafe_base64_encode(force_bytes(objects["accounts.user"].pk)),
            "token": default_token_generator.make_token(objects["accounts.user"]),
        },
        "accounts:invite": {"kind": "local-government", "slug": lg1.slug},
        "accounts:accept_invitation": {"token": objects["accounts.invitation"].token},
        "api:topic-detail": {"code": "planning.gis"},
        "api:localgovernment-detail": {"slug": lg1.slug},
        "api:association-detail": {"slug": world.association_a.slug},
        "api:person-detail": {"pk": world.people["member"].pk},
        "admin:app_list": {"app_label": "directory"},
        "admin:view_on_site": {
            "content_type_id": ContentType.objects.get_for_model(lg1).pk,
            "object_id": lg1.pk,
        },
        "admin:auth_user_password_change": {"id": objects["accounts.user"].pk},
    }


# Query strings some pages need to do their job rather than refuse a bare request.
QUERY = {
    "admin:autocomplete": "?app_label=accounts&model_name=roleassignment&field_name=user",
}
# Concrete addresses of patterns that take no ordinary arguments.
LITERAL_URLS = {"admin:<unnamed> (?P<url>.*)$": "/admin/no-such-page/"}


def _admin_model_of(route: Route) -> str | None:
    match = re.match(r"admin/(\w+)/(\w+)/", route.route)
    return f"{match[1]}.{match[2]}" if match else None


def concrete_url(route: Route, world: World, objects: dict[str, Any]) -> str:
    if route.key in LITERAL_URLS:
        return LITERAL_URLS[route.key]
    known = url_kwargs(world, objects).get(route.key, {})
    kwargs: dict[str, Any] = {}
    for param in route.params:
        if param in known:
            kwargs[param] = known[param]
        elif param == "format":
            kwargs[param] = "json"
        elif param == "object_id" and _admin_model_of(route) in objects:
            kwargs[param] = objects[_admin_model_of(route)].pk  # type: ignore[index]
        else:
            raise AssertionError(f"add URL arguments for {route.key} ({param})")
    if route.name:
        url = reverse(route.key, kwargs=kwargs)
    else:
        url = "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m[1]]), route.route)
    # Each pattern must be exercised by its own address, not by a sibling's.
    assert resolve(url).route == route.route, (route.key, url)
    return url + QUERY.get(route.key, "")


def outcome_of(response: Any) -> Outcome:
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("accounts:login") + "?next="):
            return LOGIN
        if location.startswith(reverse("admin:login") + "?next="):
            return ADMIN_LOGIN
        return REDIRECT
    return int(response.status_code)


@pytest.mark.parametrize("role", ROLES)
def test_get_every_url(world, walk_objects, role):
    client = world.client(role)
    wrong = []
    # Patterns missing from the table are reported by the test above.
    for route in (r for r in walk() if r.key in EXPECTED):
        url = concrete_url(route, world, walk_objects)
        expected = EXPECTED[route.key][role]
        got = outcome_of(client.get(url))
        if got != expected:
            wrong.append(f"{route.key} {url}: expected {expected}, got {got}")
    assert not wrong, f"{role}:\n" + "\n".join(wrong)


def test_visitors_never_see_contact_details_on_any_page(world, walk_objects):
    """Anonymous pages, including every list export and the API, show no e-mail
    or telephone of anyone."""
    client = world.client(ANONYMOUS)
    urls = [concrete_url(r, world, walk_objects) for r in walk() if r.key in EXPECTED]
    urls += [
        reverse("directory:experts") + "?export=csv",
        reverse("directory:local_governments") + "?export=csv",
        reverse("directory:person", kwargs={"pk": world.people["expert"].pk}),
        reverse("api:person-detail", kwargs={"pk": world.people["expert"].pk}),
    ]
    secrets = {p.email for p in Person.objects.all()} | {p.phone for p in Person.objects.all()}
    secrets |= {"@contact.example", "000 0000"}
    for url in urls:
        response = client.get(url)
        body = content_of(response)
        leaked = [s for s in secrets if s and s in body]
        assert not leaked, f"{url} shows {leaked}"


# --- POST walk -----------------------------------------------------------------------------------


def outcome_and_change(
    world: World, role: str, url: str, data: dict[str, Any], watched: Callable[[], Any]
) -> tuple[Outcome, bool, int]:
    before = watched()
    audit_before = AuditEntry.objects.count()
    response = world.client(role).post(url, data)
    return (
        outcome_of(response),
        watched() != before,
        AuditEntry.objects.count() - audit_before,
    )


POST_EXPECTED: dict[str, dict[str, Outcome]] = {
    "directory:local_government_edit": signed_in(REDIRECT, member=403, other_focal_point=403),
    "directory:person_edit": signed_in(REDIRECT, other_focal_point=403),
    "directory:profile": signed_in(REDIRECT),
    "accounts:invite": signed_in(REDIRECT, member=403, other_focal_point=403),
    # Only a visitor can create the invited account; anyone signed in with
    # another address is refused.
    "accounts:accept_invitation": {**everyone(403), ANONYMOUS: REDIRECT},
}


def _assert_post(outcome, changed, audited, expected):
    got = (outcome, changed, audited)
    if expected in (LOGIN, 403):
        assert got == (expected, False, 0)
    else:
        assert got == (expected, True, 1)


@pytest.mark.parametrize("role", ROLES)
def test_post_edit_local_government(world, role):
    lg = world.lg1
    url = reverse("directory:local_government_edit", kwargs={"slug": lg.slug})
    data = lg_form_data(lg, name="Hebron Renamed", population="216000")
    result = outcome_and_change(world, role, url, data, lambda: state(lg))
    _assert_post(*result, POST_EXPECTED["directory:local_government_edit"][role])


@pytest.mark.parametrize("role", ROLES)
def test_post_edit_person(world, role):
    person = world.people["member"]
    url = reverse("directory:person_edit", kwargs={"pk": person.pk})
    data = profile_form_data(person, position="Head of planning")
    result = outcome_and_change(world, role, url, data, lambda: state(person))
    _assert_post(*result, POST_EXPECTED["directory:person_edit"][role])


@pytest.mark.parametrize("role", ROLES)
def test_post_own_profile(world, role):
    user = world.users[role]
    existing = Person.objects.filter(user=user).first() if user else None
    data = profile_form_data(existing or Person(name="New Profile", role="employee"))
    data["position"] = "Changed position"

    def watched():
        return sorted(Person.objects.values_list("pk", "user_id", "position"))

    result = outcome_and_change(world, role, reverse("directory:profile"), data, watched)
    _assert_post(*result, POST_EXPECTED["directory:profile"][role])
    if user is not None:
        assert Person.objects.get(user=user).position == "Changed position"


@pytest.mark.parametrize("role", ROLES)
def test_post_invite(world, role):
    url = reverse("accounts:invite", kwargs={"kind": "local-government", "slug": world.lg1.slug})
    data = {"name": "New Colleague", "email": "colleague@test.example", "role": "member"}

    def watched():
        return (Invitation.objects.count(), len(mail.outbox))

    result = outcome_and_change(world, role, url, data, watched)
    _assert_post(*result, POST_EXPECTED["accounts:invite"][role])


@pytest.mark.parametrize("role", ROLES)
def test_post_accept_invitation(world, role):
    invitation = Invitation.objects.create(
        email="newcomer@test.example",
        name="Newcomer",
        role="focal_point",
        local_government=world.lg2,
        invited_by=world.users[COORDINATOR],
    )
    url = reverse("accounts:accept_invitation", kwargs={"token": invitation.token})
    data = {"name": "Newcomer", "password1": PASSWORD, "password2": PASSWORD}

    def watched():
        return (
            User.objects.count(),
            Person.objects.count(),
            RoleAssignment.objects.count(),
            Invitation.objects.filter(accepted_at__isnull=False).count(),
        )

    result = outcome_and_change(world, role, url, data, watched)
    _assert_post(*result, POST_EXPECTED["accounts:accept_invitation"][role])
