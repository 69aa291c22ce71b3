"""Why a need and an offer were put together, in clauses a coordinator can check.

Each clause is a `messages.Part` (a translatable template and its
parameters); `Explanation.text` is the default English rendering.  Clauses
state facts from the two records (the shared topic, kinds and populations,
the shared language, where the two are, how they can meet), never the
scores themselves, which travel beside the explanation as components.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from peerlearn.matching import messages as msg
from peerlearn.matching.messages import Part, Term
from peerlearn.matching.model import DEFAULT_CONSTRAINTS, Constraints, Modality, Need, Offer
from peerlearn.matching.pool import Pool
from peerlearn.matching.text import normal_word, raw_tokens

# A topic both texts point to is named only when it is among the strongest
# this many of both projections: further down it is noise of shared words.
CONCEPTS_COMPARED = 2
# Words shorter than this are rarely telling enough to name, and so are words
# found in more than half of the texts (rarity below log 2).
SHORTEST_TERM = 4
LEAST_RARITY = float(np.log(2.0))
TERMS_SHOWN = 3


@dataclass(frozen=True, slots=True)
class Explanation:
    parts: tuple[Part, ...]
    text: str

    def as_json(self) -> list[dict[str, object]]:
        return [part.as_json() for part in self.parts]


def _topic(pool: Pool, code: str) -> Term:
    return Term(kind="topic", code=code, text=pool.taxonomy.topic(code).label("en"))


def _topic_parts(pool: Pool, need: Need, offer: Offer) -> list[Part]:
    shared = [code for code in need.topics if code in offer.topics]
    if shared:
        return [Part(msg.BOTH_WORK_ON, {"topic": tuple(_topic(pool, c) for c in shared[:2])})]
    best: tuple[float, str, str] | None = None
    for need_topic in need.topics:
        for offer_topic in offer.topics:
            closeness = pool.taxonomy.closeness(need_topic, offer_topic)
            if closeness > 0 and (best is None or closeness > best[0]):
                best = (closeness, need_topic, offer_topic)
    if best is None:
        return []
    return [
        Part(
            msg.RELATED_TOPICS,
            {"need_topic": _topic(pool, best[1]), "offer_topic": _topic(pool, best[2])},
        )
    ]


def _strongest_topics(pool: Pool, projection: np.ndarray) -> list[int]:
    """The text's two strongest topics below the thematic areas (areas are too broad)."""
    order = np.argsort(-projection, kind="stable")
    leaves = [int(k) for k in order if pool.taxonomy.topics[int(k)].parent is not None]
    return [k for k in leaves[:CONCEPTS_COMPARED] if projection[k] > 0]


def _concept_parts(
    pool: Pool, need_row: int, offer_row: int, need: Need, offer: Offer
) -> list[Part]:
    """Name a topic both texts point to, when it is among the strongest of both
    and lies in a thematic area one of the two people ticked (otherwise it is
    more likely an accident of shared words than what the texts are about)."""
    need_top = _strongest_topics(pool, pool.need.concepts[need_row])
    offer_top = set(_strongest_topics(pool, pool.offer.concepts[offer_row]))
    ticked_areas = {pool.taxonomy.area(code) for code in (*need.topics, *offer.topics)}
    for position in need_top:
        code = pool.taxonomy.topics[position].code
        if (
            position in offer_top
            and code not in need.topics
            and pool.taxonomy.area(code) in ticked_areas
        ):
            return [Part(msg.TEXTS_ABOUT, {"topic": _topic(pool, code)})]
    return []


def _shared_terms(pool: Pool, need: Need, offer: Offer) -> list[Part]:
    """Telling words both texts use, as the seeker wrote them."""
    written: dict[str, str] = {}
    for token in raw_tokens(need.text, need.text_language):
        written.setdefault(normal_word(token), token)
    offer_words = {normal_word(token) for token in raw_tokens(offer.text, offer.text_language)}
    rarity = pool.text_space.word_rarity
    shared = [
        word
        for word in written
        if word in offer_words
        and len(word) >= SHORTEST_TERM
        and not word.isdigit()
        and rarity(word) >= LEAST_RARITY
    ]
    shared.sort(key=lambda word: (-rarity(word), word))
    if not shared:
        return []
    return [Part(msg.SHARED_TERMS, {"terms": tuple(written[w] for w in shared[:TERMS_SHOWN])})]


def _equivalence_parts(need: Need, offer: Offer, comparable: bool) -> list[Part]:
    kinds: dict[str, msg.ParamValue] = {
        "need_kind": msg.message_term(need.org.kind.value, msg.KIND_NAMES),
        "offer_kind": msg.message_term(offer.org.kind.value, msg.KIND_NAMES),
        "need_population": need.org.population,
        "offer_population": offer.org.population,
    }
    if comparable and need.org.kind == offer.org.kind:
        return [
            Part(
                msg.SAME_KIND,
                {
                    "kind": kinds["need_kind"],
                    "need_population": need.org.population,
                    "offer_population": offer.org.population,
                },
            )
        ]
    if comparable:
        return [Part(msg.COMPARABLE, kinds)]
    if need.requires_equivalence:
        return [Part(msg.NOT_COMPARABLE, kinds)]
    return []


def _language_parts(need: Need, offer: Offer) -> list[Part]:
    shared = [code for code in need.person.languages if code in offer.person.languages]
    if not shared:
        return [Part(msg.INTERPRETATION)]
    # The seeker's own writing language first: it is the one they work in.
    shared.sort(key=lambda code: code != need.text_language)
    if len(shared) == 1:
        return [Part(msg.SHARED_LANGUAGE, {"language": msg.language_term(shared[0])})]
    return [Part(msg.SHARED_LANGUAGES, {"languages": tuple(msg.language_term(c) for c in shared)})]


def _geography_parts(need: Need, offer: Offer, in_scope: bool) -> list[Part]:
    if not in_scope:
        return [Part(msg.OUTSIDE_SCOPE, {"scope": msg.message_term(need.scope, msg.SCOPE_NAMES)})]
    if need.org.same_region(offer.org):
        return [Part(msg.SAME_REGION, {"region": need.org.region})]
    if need.org.country == offer.org.country:
        return [Part(msg.SAME_COUNTRY, {"country": need.org.country})]
    return [
        Part(
            msg.ACROSS_BORDERS,
            {"need_country": need.org.country, "offer_country": offer.org.country},
        )
    ]


def _modality_parts(need: Need, offer: Offer, modality_ok: bool, travel_ok: bool) -> list[Part]:
    parts: list[Part] = []
    if need.modality != Modality.EITHER:
        name = msg.message_term(need.modality.value, msg.MODALITY_NAMES)
        parts.append(Part(msg.MEETS if modality_ok else msg.CANNOT_MEET, {"modality": name}))
    if not travel_ok:
        if Modality.IN_PERSON not in offer.modalities:
            why = msg.NO_TRAVEL
        elif need.kind.travel == 1:
            why = msg.NO_HOST
        else:
            why = msg.NO_TRAVELLING
        parts.append(Part(why, {"help_kind": msg.message_term(need.kind, msg.HELP_KIND_NAMES)}))
    return parts


def explain(
    pool: Pool,
    need_row: int,
    offer_row: int,
    factors: Mapping[str, float],
    *,
    constraints: Constraints = DEFAULT_CONSTRAINTS,
    pinned: bool = False,
    session: tuple[str, int] | None = None,
) -> Explanation:
    """The explanation of one pair; `session` is (topic code, other seekers in it)."""
    need, offer = pool.needs[need_row], pool.offers[offer_row]
    parts: list[Part] = []
    if pinned:
        parts.append(Part(msg.PINNED))
    if session is not None:
        parts.append(Part(msg.CLUSTER, {"topic": _topic(pool, session[0]), "others": session[1]}))
    parts += _topic_parts(pool, need, offer)
    parts += _concept_parts(pool, need_row, offer_row, need, offer)
    parts += _shared_terms(pool, need, offer)
    comparable = _comparable(pool, need_row, offer_row, factors, constraints)
    parts += _equivalence_parts(need, offer, comparable)
    parts += _language_parts(need, offer)
    parts += _geography_parts(need, offer, factors.get("scope", 1.0) >= 1.0)
    parts += _modality_parts(
        need, offer, factors.get("modality", 1.0) >= 1.0, factors.get("help_kind", 1.0) >= 1.0
    )
    if offer.person.years_experience > 0:
        parts.append(Part(msg.EXPERIENCE, {"years": offer.person.years_experience}))
    return Explanation(parts=tuple(parts), text=msg.render(parts))


def _comparable(
    pool: Pool,
    need_row: int,
    offer_row: int,
    factors: Mapping[str, float],
    constraints: Constraints,
) -> bool:
    if pool.needs[need_row].requires_equivalence:
        return factors.get("equivalence", 1.0) >= 1.0
    # Same test as the product rule, also for needs that did not ask for it.
    ratio = abs(
        float(pool.need_log_population[need_row]) - float(pool.offer_log_population[offer_row])
    )
    steps = abs(int(pool.need.rung[need_row]) - int(pool.offer.rung[offer_row]))
    return (
        ratio <= float(np.log(constraints.equivalence_population_ratio)) + 1e-6
        and steps <= constraints.equivalence_kind_steps
    )
