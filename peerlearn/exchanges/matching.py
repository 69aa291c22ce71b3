"""Running the matching engine over a programme: models in, proposals out.

The engine (`peerlearn.matching`) knows nothing of Django; this module
translates the programme's open needs and offers, the coordinator's pair rules
and the capacity already taken into the engine's plain data, runs it, and
stores its proposals with their scores and explanations."""

from __future__ import annotations

import logging
import time
import traceback
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from peerlearn import matching as engine
from peerlearn.directory.models import Language, Topic
from peerlearn.exchanges.models import (
    Match,
    MatchingRun,
    Need,
    Offer,
    PairRule,
    Proposal,
    ReviewStatus,
    places_taken,
)
from peerlearn.exchanges.queries import available_offers, waiting_needs

logger = logging.getLogger(__name__)

ALTERNATES = 4


def runs_in_background() -> bool:
    return bool(settings.CELERY_BROKER_URL)


def dispatch(run: MatchingRun) -> None:
    """Run small pools in the request; large ones through Celery when a broker
    is configured (the run page shows the progress meanwhile)."""
    pairs = (
        run.programme.needs.filter(status=ReviewStatus.ACCEPTED).count()
        * run.programme.offers.filter(status=ReviewStatus.ACCEPTED).count()
    )
    if runs_in_background() and pairs > settings.MATCHING_INLINE_PAIRS:
        from peerlearn.exchanges.tasks import run_matching

        transaction.on_commit(lambda: run_matching.delay(run.pk))
    else:
        execute(run.pk)


def _progress_writer(run: MatchingRun) -> Any:
    last = [0.0]

    def report(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        # A write per stage change or per second is enough for the progress page.
        if stage == run.stage and now - last[0] < 1.0 and done < total:
            return
        last[0] = now
        run.stage, run.progress_done, run.progress_total = stage[:80], done, total
        MatchingRun.objects.filter(pk=run.pk).update(
            stage=run.stage, progress_done=done, progress_total=total
        )

    return report


def execute(run_id: int) -> None:
    run = MatchingRun.objects.select_related("programme").get(pk=run_id)
    started = time.monotonic()
    MatchingRun.objects.filter(pk=run.pk).update(status=MatchingRun.Status.RUNNING)
    try:
        engine_input = build_input(run)
        result = solve(engine_input, run, _progress_writer(run))
        with transaction.atomic():
            store(run, engine_input, result)
            run.status = MatchingRun.Status.DONE
            run.objective = result.objective
    except Exception as error:  # the run must end visibly, whatever went wrong
        logger.exception("Matching run %s failed", run.pk)
        run.status = MatchingRun.Status.FAILED
        run.error = f"{type(error).__name__}: {error}"[:2000]
        if settings.DEBUG:
            run.error += "\n" + traceback.format_exc()[-4000:]
    run.seconds = time.monotonic() - started
    run.finished_at = timezone.now()
    run.save()


def _with_codes(queryset: QuerySet[Any]) -> QuerySet[Any]:
    """Topics and languages read into plain lists (`topic_rows`, `language_rows`):
    the engine wants only their codes, and a related manager and a queryset per
    need or offer cost more than the rows themselves in a large pool."""
    return queryset.prefetch_related(
        Prefetch("topics", queryset=Topic.objects.only("code"), to_attr="topic_rows"),
        Prefetch("languages", queryset=Language.objects.only("code"), to_attr="language_rows"),
    )


def open_needs(run: MatchingRun) -> list[Need]:
    """Accepted needs that still want peers (a group request may want several)."""
    return list(
        _with_codes(
            waiting_needs(run.programme).select_related(
                "local_government", "contact", "text_language"
            )
        )
    )


def open_offers(run: MatchingRun) -> list[Offer]:
    offers = _with_codes(
        available_offers(run.programme)
        # An external expert's association gives their country.
        .select_related("person__association", "local_government", "text_language")
        .annotate(live=places_taken())
    )
    return [o for o in offers if o.live < o.capacity]


def excluded_pairs(run: MatchingRun) -> set[tuple[int, int]]:
    """Excluded by a coordinator, declined before, or already matched."""
    pairs = set(
        PairRule.objects.filter(
            need__programme=run.programme, kind=PairRule.Kind.EXCLUDED
        ).values_list("need_id", "offer_id")
    )
    pairs |= set(
        Match.objects.filter(need__programme=run.programme)
        .exclude(status=Match.Status.WITHDRAWN)
        .values_list("need_id", "offer_id")
    )
    return pairs


def pinned_pairs(run: MatchingRun) -> list[tuple[int, int]]:
    return list(
        PairRule.objects.filter(
            need__programme=run.programme, kind=PairRule.Kind.PINNED
        ).values_list("need_id", "offer_id")
    )


def _organisation(lg: Any, person: Any) -> engine.Organisation:
    if lg is None:
        # An external expert: their own "organisation", so they never count as
        # serving themselves, with the country of their association if any.
        association = getattr(person, "association", None)
        return engine.Organisation(
            id=f"person-{person.pk}",
            name=person.name,
            kind=engine.OrgKind.MUNICIPALITY,
            country=str(association.country.code or "") if association else "",
            region="",
            population=0,
        )
    return engine.Organisation(
        id=f"lg-{lg.pk}",
        name=lg.name,
        kind=engine.OrgKind(lg.kind),
        country=lg.country.code,
        region=lg.region,
        population=lg.population or 0,
    )


def _related(item: Need | Offer, name: str) -> Any:
    """The topics or languages of a need or offer, prefetched by `_with_codes`
    or else read now."""
    rows = getattr(item, f"{name[:-1]}_rows", None)
    return getattr(item, name).all() if rows is None else rows


def _languages(languages: Any, fallback: str) -> tuple[str, ...]:
    codes = tuple(sorted(language.code for language in languages))
    return codes or (fallback,)


def _engine_person(person: Any, item: Need | Offer, years: int = 0) -> engine.Person:
    """The person behind a need or offer, speaking the languages it lists."""
    return engine.Person(
        name=person.name,
        role=engine.Role(person.role),
        position=person.position,
        languages=_languages(_related(item, "languages"), item.text_language.code),
        years_experience=years,
    )


def _engine_need(need: Need) -> engine.Need:
    contact = need.contact
    return engine.Need(
        id=str(need.pk),
        person=_engine_person(contact, need),
        org=_organisation(need.local_government, contact),
        topics=tuple(sorted(t.code for t in _related(need, "topics"))),
        text="\n".join(filter(None, [need.title, need.problem, need.outcome])),
        text_language=need.text_language.code,
        scope=engine.Scope(need.scope),
        modality=engine.Modality(need.modality),
        kind=engine.HelpKind(need.kind),
        requires_equivalence=need.requires_equivalence,
        wants=max(1, need.offers_wanted - getattr(need, "live", 0)),
        interpretation=need.interpretation,
    )


def _engine_offer(offer: Offer) -> engine.Offer:
    person = offer.person
    return engine.Offer(
        id=str(offer.pk),
        person=_engine_person(person, offer, years=offer.years_experience),
        org=_organisation(offer.local_government, person),
        topics=tuple(sorted(t.code for t in _related(offer, "topics"))),
        text=offer.description,
        text_language=offer.text_language.code,
        capacity=offer.capacity,
        modalities=frozenset(engine.Modality(m) for m in offer.modalities),
        scopes=frozenset(engine.Scope(s) for s in offer.scopes),
        hosts_visits=offer.hosts_visits,
        travels=offer.travels,
    )


def taxonomy() -> list[engine.Topic]:
    topics = Topic.objects.select_related("parent").order_by("parent_id", "position", "code")
    # Areas first, so that every parent is known before its topics.
    ordered = sorted(topics, key=lambda t: t.parent_id is not None)
    return [
        engine.Topic(
            code=t.code,
            parent=t.parent.code if t.parent else None,
            labels={lang: label for lang, label in t.labels().items() if label},
        )
        for t in ordered
    ]


@dataclass(frozen=True)
class EngineInput:
    needs: list[engine.Need]
    offers: list[engine.Offer]
    topics: list[engine.Topic]
    constraints: engine.Constraints


def build_input(run: MatchingRun) -> EngineInput:
    needs = open_needs(run)
    offers = open_offers(run)
    need_ids = {n.pk for n in needs}
    offer_ids = {o.pk for o in offers}
    excluded = {
        (str(n), str(o)) for n, o in excluded_pairs(run) if n in need_ids and o in offer_ids
    }
    pinned = tuple(
        (str(n), str(o))
        for n, o in pinned_pairs(run)
        if n in need_ids and o in offer_ids and (str(n), str(o)) not in excluded
    )
    return EngineInput(
        needs=[_engine_need(n) for n in needs],
        offers=[_engine_offer(o) for o in offers],
        topics=taxonomy(),
        constraints=engine.Constraints(
            excluded_pairs=frozenset(excluded),
            pinned_pairs=pinned,
            remaining_capacity={str(o.pk): o.capacity - getattr(o, "live", 0) for o in offers},
            min_affinity=run.minimum_score,
        ),
    )


def solve(engine_input: EngineInput, run: MatchingRun, progress: Any) -> engine.MatchingResult:
    if not engine_input.needs or not engine_input.offers:
        return engine.MatchingResult(
            proposals=(),
            unmatched=tuple(n.id for n in engine_input.needs),
            alternates={},
            objective=0.0,
            solver=run.solver,  # type: ignore[arg-type]
            method="nothing to match",
        )
    return engine.propose_matches(
        engine_input.needs,
        engine_input.offers,
        engine_input.topics,
        constraints=engine_input.constraints,
        solver=run.solver,  # type: ignore[arg-type]
        alternates=ALTERNATES,
        progress=progress,
    )


def _components(components: Any, factors: Any) -> dict[str, float]:
    values = {name: float(value) for name, value in components.items()}
    # Factors below 1 are the soft rules a pair breaks; 1 means "no penalty".
    values.update({f"{name}_factor": float(v) for name, v in factors.items() if v != 1})
    return values


def store(run: MatchingRun, engine_input: EngineInput, result: engine.MatchingResult) -> None:
    sessions = {s.id: index + 1 for index, s in enumerate(result.sessions)}
    rows: list[Proposal] = []
    assigned: set[tuple[int, int]] = set()
    for proposal in result.proposals:
        key = (int(proposal.need_id), int(proposal.offer_id))
        assigned.add(key)
        rows.append(
            Proposal(
                run=run,
                need_id=key[0],
                offer_id=key[1],
                rank=0,
                assigned=True,
                group=sessions.get(proposal.session_id) if proposal.session_id else None,
                score=min(1.0, max(0.0, proposal.score)),
                components=_components(proposal.components, proposal.factors),
                explanation=proposal.explanation.as_json(),
            )
        )
    for need_id, ranked in result.alternates.items():
        for rank, alternate in enumerate(ranked, start=1):
            key = (int(need_id), int(alternate.offer_id))
            if key in assigned:
                continue
            assigned.add(key)
            rows.append(
                Proposal(
                    run=run,
                    need_id=key[0],
                    offer_id=key[1],
                    rank=rank,
                    assigned=False,
                    score=min(1.0, max(0.0, alternate.score)),
                    components=_components(alternate.components, alternate.factors),
                    explanation=alternate.explanation.as_json(),
                )
            )
    Proposal.objects.filter(run=run).delete()
    Proposal.objects.bulk_create(rows, batch_size=2000)
    run.needs_count = len(engine_input.needs)
    run.offers_count = len(engine_input.offers)
    run.error = "\n".join(
        f"{pin.need_id}/{pin.offer_id}: {pin.reason}" for pin in result.unplaced_pins
    )
