"""Background tasks (through Celery when a broker is configured)."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="exchanges.run_matching", acks_late=True)
def run_matching(run_id: int) -> None:
    from peerlearn.exchanges.matching import execute

    execute(run_id)
