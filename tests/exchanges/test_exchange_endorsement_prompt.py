"""Turnover is the main risk: after an election the exchange page asks for the
new mayor's endorsement, until it is recorded."""

from __future__ import annotations

import datetime

from django.urls import reverse

from peerlearn.accounts.models import Notification
from peerlearn.directory import services as directory_services
from peerlearn.exchanges import services
from tests.exchanges.conftest import ExchangeWorld, days_ago

PROMPT = "Re-endorsement needed:"


def endorse(ex: ExchangeWorld, role: str, lg_pk: int, on: datetime.date) -> None:
    response = ex.client(role).post(
        reverse("exchanges:endorsement_new", args=[ex.exchange.pk]),
        {"local_government": str(lg_pk), "endorsed_by": "The mayor", "endorsed_on": on.isoformat()},
    )
    assert response.status_code == 302


def page(ex: ExchangeWorld, role: str = "seeker") -> str:
    return ex.client(role).get(ex.exchange.get_absolute_url()).content.decode()


def test_a_new_mayor_asks_for_a_new_endorsement(ex: ExchangeWorld) -> None:
    # Before any sign-off, both sides are asked for one (not for a renewal).
    first = page(ex)
    assert first.count("Endorsement missing:") == 2
    assert PROMPT not in first

    endorse(ex, "focal_point", ex.world.lg1.pk, days_ago(60))
    endorse(ex, "offering_focal_point", ex.world.lg2.pk, days_ago(60))
    assert services.endorsements_due(ex.exchange) == []
    signed = page(ex)
    assert PROMPT not in signed and "Endorsement missing:" not in signed

    # The focal point of Hebron records the election in the directory.
    lg1 = ex.world.lg1
    directory_services.update_local_government(
        ex.user("focal_point"), lg1, {"head_since": days_ago(10)}
    )
    assert services.endorsements_due(ex.exchange) == [lg1]
    told = Notification.objects.filter(kind="endorsement_due")
    assert {n.user for n in told} == {ex.user("seeker"), ex.user("mentor")}
    after_election = page(ex, "mentor")
    assert after_election.count(PROMPT) == 1
    prompt = after_election.split(PROMPT)[1].split("</div>")[0]
    assert "Hebron Test" in prompt
    link = reverse("exchanges:endorsement_new", args=[ex.exchange.pk])
    assert f"{link}?local_government={lg1.pk}" in prompt
    # The prompt's link chooses the local government in the form.
    form = ex.client("focal_point").get(f"{link}?local_government={lg1.pk}").content.decode()
    assert f'<option value="{lg1.pk}" selected>' in form

    endorse(ex, "focal_point", lg1.pk, datetime.date.today())
    assert services.endorsements_due(ex.exchange) == []
    renewed = page(ex)
    assert PROMPT not in renewed
    assert "Endorsement missing:" not in renewed


def test_a_closed_exchange_asks_for_nothing(ex: ExchangeWorld) -> None:
    from tests.exchanges.conftest import learning_note

    learning_note(ex)
    services.close_exchange(ex.user("coordinator"), ex.exchange)
    closed = page(ex)
    assert "Endorsement missing:" not in closed
    assert PROMPT not in closed
