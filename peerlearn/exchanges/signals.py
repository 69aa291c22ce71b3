"""Reactions of exchanges to changes elsewhere in PeerLearn."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from peerlearn.accounts.notifications import notify
from peerlearn.directory.models import LocalGovernment
from peerlearn.directory.services import head_of_government_changed
from peerlearn.exchanges.models import Exchange, Phase


@receiver(head_of_government_changed)
def ask_to_renew_endorsements(
    sender: Any, local_government: LocalGovernment, **kwargs: Any
) -> None:
    """A new mayor: every open exchange of this local government needs a new sign-off."""
    exchanges = (
        Exchange.objects.exclude(phase=Phase.CLOSED)
        .filter(participants__local_government=local_government)
        .distinct()
        .prefetch_related("participants__person__user")
    )
    for exchange in exchanges:
        notify(
            [p.person.user for p in exchange.participants.all()],
            "endorsement_due",
            {"local_government": local_government.name, "exchange": exchange.title},
            exchange.get_absolute_url(),
        )
