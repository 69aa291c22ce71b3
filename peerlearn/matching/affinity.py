"""Affinity of need-offer pairs: named components, workability factors, hard constraints.

Everything takes arrays of pairs (need row, offer row) and computes over all of
them at once; nothing loops over pairs in Python.

affinity = (sum of weight * component) / (sum of weights) * product of factors

Components are in [0, 1].  Factors are 1 for a pair that keeps a soft product
rule and the configured penalty otherwise: a strong pair outside the seeker's
scope, or one that cannot meet the way the seeker asked, must rank below the
pairs that can actually work (DESIGN.md, "Matching - what good means here").
Pairs breaking a hard constraint are not workable: they are never ranked nor
assigned.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from peerlearn.matching.model import DEFAULT_CONSTRAINTS, DEFAULT_WEIGHTS, Constraints, Weights
from peerlearn.matching.pool import NEED_CLASSES, OFFER_CLASSES, FloatArray, IntArray, Pool
from peerlearn.matching.text import sketch_similarity

BoolArray = npt.NDArray[np.bool_]
COMPONENTS = ("topic", "text", "concepts", "equivalence", "experience", "scope", "modality")
FACTORS = ("scope", "modality", "help_kind", "equivalence", "language")
# Kinds further apart than this on the ladder share nothing of their mandate.
KIND_LADDER_SPAN = 3.0
_CHUNK = 200_000


@dataclass(frozen=True, slots=True)
class PairScores:
    need: IntArray
    offer: IntArray
    score: FloatArray
    components: Mapping[str, FloatArray]
    factors: Mapping[str, FloatArray]
    workable: BoolArray

    def __len__(self) -> int:
        return len(self.need)

    def take(self, rows: npt.NDArray[np.int64] | BoolArray) -> PairScores:
        return PairScores(
            need=self.need[rows],
            offer=self.offer[rows],
            score=self.score[rows],
            components={name: values[rows] for name, values in self.components.items()},
            factors={name: values[rows] for name, values in self.factors.items()},
            workable=self.workable[rows],
        )


def shares_language(pool: Pool, need: IntArray, offer: IntArray) -> BoolArray:
    common = pool.need.languages[need] & pool.offer.languages[offer]
    return np.asarray(np.any(common != 0, axis=-1), dtype=np.bool_)


def workable(pool: Pool, need: IntArray, offer: IntArray) -> BoolArray:
    """Hard constraints: language (unless interpretation), own organisation,
    exclusions, capacity."""
    ok = shares_language(pool, need, offer) | pool.need_interpretation[need]
    ok &= pool.need.org[need] != pool.offer.org[offer]
    ok &= pool.offer_capacity[offer] > 0
    if len(pool.excluded_keys):
        keys = need * pool.offer_count + offer
        ok &= ~np.isin(keys, pool.excluded_keys)
    return ok


def scope_admitted(pool: Pool, need: IntArray, offer: IntArray) -> BoolArray:
    """Both sides accept where the other is (benchmark README, rule 3)."""
    same_region = pool.need.region[need] == pool.offer.region[offer]
    same_country = pool.need.country[need] == pool.offer.country[offer]
    scope = pool.need_scope[need]
    seeker_accepts = np.where(scope == 0, same_region, np.where(scope == 1, same_country, True))
    scopes = pool.offer_scopes[offer]
    offerer_accepts = np.where(
        same_region,
        scopes[..., 0] | scopes[..., 1],
        np.where(same_country, scopes[..., 1], scopes[..., 2]),
    )
    return np.asarray(seeker_accepts & offerer_accepts, dtype=np.bool_)


def kind_can_happen(
    modality: npt.ArrayLike,
    travel: npt.ArrayLike,
    in_person: npt.ArrayLike,
    hosts: npt.ArrayLike,
    travels: npt.ArrayLike,
) -> BoolArray:
    """Whether the kind of help can take place with this offer: a study visit
    or staff exchange needs an offering side that receives visitors, an expert
    mission one that travels, both in person. A seeker who asked for online
    help is not held to it; one who asked for in-person help already loses the
    modality factor when the offer does not meet in person, so only who
    travels is checked then."""
    modality, travel = np.asarray(modality), np.asarray(travel)
    in_person = np.asarray(in_person, dtype=np.bool_)
    direction = np.where(travel == 1, hosts, travels).astype(np.bool_)
    checked = np.where(modality == 2, in_person & direction, ~in_person | direction)
    return np.asarray((travel == 0) | (modality == 0) | checked, dtype=np.bool_)


def modality_fit(pool: Pool, need: IntArray, offer: IntArray) -> tuple[BoolArray, BoolArray]:
    """(the asked modality is offered, the kind of help can happen as offered)."""
    modality = pool.need_modality[need]
    online = pool.offer_online[offer]
    in_person = pool.offer_in_person[offer]
    asked = np.where(modality == 0, online, np.where(modality == 1, in_person, True))
    travel = kind_can_happen(
        modality,
        pool.need_travel[need],
        in_person,
        pool.offer_hosts[offer],
        pool.offer_travels[offer],
    )
    return np.asarray(asked, dtype=np.bool_), travel


def comparable(pool: Pool, need: IntArray, offer: IntArray, constraints: Constraints) -> BoolArray:
    ratio = np.abs(np.log(pool.need.population[need] / pool.offer.population[offer]))
    steps = np.abs(pool.need.rung[need] - pool.offer.rung[offer])
    return np.asarray(
        (ratio <= np.log(constraints.equivalence_population_ratio) + 1e-9)
        & (steps <= constraints.equivalence_kind_steps),
        dtype=np.bool_,
    )


def equivalence(
    pool: Pool, need: IntArray, offer: IntArray, constraints: Constraints
) -> FloatArray:
    """Functional equivalence in [0, 1]: similar size and similar kind of local government."""
    ratio = np.abs(np.log(pool.need.population[need] / pool.offer.population[offer]))
    # Twice the "comparable" ratio already means nothing alike in size.
    span = 2.0 * np.log(max(constraints.equivalence_population_ratio, 1.5))
    size = np.clip(1.0 - ratio / span, 0.0, 1.0)
    steps = np.abs(pool.need.rung[need] - pool.offer.rung[offer])
    kind = np.clip(1.0 - steps / KIND_LADDER_SPAN, 0.0, 1.0)
    return np.asarray(0.5 * size + 0.5 * kind, dtype=np.float32)


def topic_closeness(pool: Pool, need: IntArray, offer: IntArray) -> FloatArray:
    """For each topic the seeker ticked, the closest topic the offerer ticked on the tree.

    Half the best of these, half their mean: a pair that covers one of two
    ticked topics exactly is good, one that covers both is better.
    """
    result = np.zeros(len(need), dtype=np.float32)
    for start in range(0, len(need), _CHUNK):
        stop = min(len(need), start + _CHUNK)
        need_topics = pool.need.topics[need[start:stop]]
        offer_topics = pool.offer.topics[offer[start:stop]]
        closeness = pool.closeness[
            np.maximum(need_topics, 0)[:, :, None], np.maximum(offer_topics, 0)[:, None, :]
        ]
        closeness = np.where(
            (need_topics[:, :, None] >= 0) & (offer_topics[:, None, :] >= 0), closeness, 0.0
        )
        best_per_topic = closeness.max(axis=2)
        ticked = (need_topics >= 0).sum(axis=1)
        mean = best_per_topic.sum(axis=1) / np.maximum(ticked, 1)
        result[start:stop] = 0.5 * best_per_topic.max(axis=1) + 0.5 * mean
    return result


def concept_closeness(pool: Pool, need: IntArray, offer: IntArray) -> FloatArray:
    result = np.zeros(len(need), dtype=np.float32)
    for start in range(0, len(need), _CHUNK):
        stop = min(len(need), start + _CHUNK)
        result[start:stop] = np.einsum(
            "ij,ij->i", pool.need.concepts[need[start:stop]], pool.offer.concepts[offer[start:stop]]
        )
    return np.clip(result, 0.0, 1.0)


def workability(
    pool: Pool,
    need: IntArray,
    offer: IntArray,
    weights: Weights = DEFAULT_WEIGHTS,
    constraints: Constraints = DEFAULT_CONSTRAINTS,
) -> tuple[BoolArray, FloatArray]:
    """(hard constraints kept, product of the soft-rule factors).

    Works on pair arrays and also on broadcasting blocks (needs as a column,
    offers as a row), which is how the candidate search uses it.
    """
    ok = workable(pool, need, offer)
    in_scope = scope_admitted(pool, need, offer)
    asked, travel = modality_fit(pool, need, offer)
    factor = np.where(in_scope, 1.0, weights.scope_factor)
    factor = factor * np.where(asked, 1.0, weights.modality_factor)
    factor = factor * np.where(travel, 1.0, weights.help_kind_factor)
    requested = pool.need_requires_equivalence[need]
    factor = factor * np.where(
        ~requested | comparable(pool, need, offer, constraints), 1.0, weights.equivalence_factor
    )
    factor = factor * np.where(
        shares_language(pool, need, offer), 1.0, weights.no_shared_language_factor
    )
    return ok, np.asarray(factor, dtype=np.float32)


@functools.lru_cache(maxsize=8)
def factor_table(weights: Weights) -> FloatArray:
    """Soft-rule factor by (need class, offer class, where the offerer is).

    The factors of scope, modality and kind of help depend only on a few
    categorical fields, so over a block of pairs they are one table lookup.
    """
    table = np.ones((NEED_CLASSES, OFFER_CLASSES, 3), dtype=np.float32)
    for need_class in range(NEED_CLASSES):
        scope, modality, travel = need_class // 9, (need_class // 3) % 3, need_class % 3
        for offer_class in range(OFFER_CLASSES):
            online, in_person = offer_class & 1, (offer_class >> 1) & 1
            regional, national = (offer_class >> 2) & 1, (offer_class >> 3) & 1
            international = (offer_class >> 4) & 1
            hosts, travels = (offer_class >> 5) & 1, (offer_class >> 6) & 1
            happens = bool(kind_can_happen(modality, travel, bool(in_person), hosts, travels))
            for where in range(3):  # 0 same region, 1 same country, 2 abroad
                seeker = where <= scope
                offerer = (regional or national, national, international)[where]
                factor = 1.0 if seeker and offerer else weights.scope_factor
                asked = online if modality == 0 else in_person if modality == 1 else True
                factor *= 1.0 if asked else weights.modality_factor
                if not happens:
                    factor *= weights.help_kind_factor
                table[need_class, offer_class, where] = factor
    table.setflags(write=False)  # cached and shared between runs
    return table


@dataclass(frozen=True, slots=True)
class BlockRules:
    """Everything the candidate search needs to judge a block of pairs by lookups.

    A pair's soft-rule factor and its language constraint depend on the need's
    class and set of languages, the offer's class and set of languages, and
    where the offerer is: one flat table indexed by
    `need_code[i] + offer_code[j] + where`, holding -1 where the two share no
    language (and the seeker arranges no interpretation).
    """

    table: FloatArray
    need_code: npt.NDArray[np.int32]
    offer_code: npt.NDArray[np.int32]
    # With many distinct sets of languages the languages get their own table.
    language: FloatArray | None = None
    need_language: npt.NDArray[np.int32] | None = None
    offer_language: npt.NDArray[np.int32] | None = None


# Above this many entries the table stops fitting in cache and stops paying.
_MAX_RULE_TABLE = 2_000_000


def block_rules(pool: Pool, weights: Weights) -> BlockRules:
    need_sets, need_set = np.unique(
        np.hstack([pool.need.languages, pool.need_interpretation[:, None].astype(np.uint64)]),
        axis=0,
        return_inverse=True,
    )
    offer_sets, offer_set = np.unique(pool.offer.languages, axis=0, return_inverse=True)
    need_set, offer_set = need_set.ravel().astype(np.int64), offer_set.ravel().astype(np.int64)
    shared = np.any((need_sets[:, None, :-1] & offer_sets[None, :, :]) != 0, axis=2)
    interpreted = need_sets[:, -1] != 0
    language = np.where(
        shared, 1.0, np.where(interpreted[:, None], weights.no_shared_language_factor, -1.0)
    ).astype(np.float32)
    soft = factor_table(weights)  # (need class, offer class, where)
    need_class = pool.need_class.astype(np.int64)
    offer_class = pool.offer_class.astype(np.int64)
    if NEED_CLASSES * len(need_sets) * OFFER_CLASSES * len(offer_sets) * 3 > _MAX_RULE_TABLE:
        return BlockRules(
            table=soft.ravel(),
            need_code=(need_class * OFFER_CLASSES * 3).astype(np.int32),
            offer_code=(offer_class * 3).astype(np.int32),
            language=language.ravel(),
            need_language=(need_set * len(offer_sets)).astype(np.int32),
            offer_language=offer_set.astype(np.int32),
        )
    # A negative language entry makes the whole product negative: unusable.
    table = soft[:, None, :, None, :] * language[None, :, None, :, None]
    return BlockRules(
        table=np.ascontiguousarray(table, dtype=np.float32).ravel(),
        need_code=(
            (need_class * len(need_sets) + need_set) * OFFER_CLASSES * len(offer_sets) * 3
        ).astype(np.int32),
        offer_code=((offer_class * len(offer_sets) + offer_set) * 3).astype(np.int32),
    )


def block_workability(
    pool: Pool,
    rules: BlockRules,
    needs: IntArray,
    offers: IntArray,
    weights: Weights,
    constraints: Constraints,
    scores: FloatArray,
    *,
    same_country: bool = False,
) -> FloatArray:
    """`scores` (needs x offers) times the soft-rule factors; negative where a pair cannot work.

    The blockwise twin of `workability` for the candidate search, where it runs
    over hundreds of millions of pairs, so it does as little as it can: where
    the offerer is (same region, same country, abroad) is only compared when
    `same_country` says the block may hold compatriots; otherwise every pair is
    taken as across borders, which is true of most pairs of a large pool and
    only misjudges the scope factor of the others.  The exact affinity of the
    surviving pairs corrects that.  The own-organisation rule is left to it
    too: it forbids too few pairs to matter here.
    """
    # Codes are int32 and "abroad" (2) is folded into the offer code: this is
    # the hottest loop of a large run, and memory traffic is its cost.
    index = rules.need_code[needs][:, None] + (rules.offer_code[offers] + 2)[None, :]
    if same_country:
        index -= pool.need.country[needs][:, None] == pool.offer.country[offers][None, :]
        index -= pool.need.region[needs][:, None] == pool.offer.region[offers][None, :]
    scores *= rules.table[index]
    if (
        rules.language is not None
        and rules.need_language is not None
        and rules.offer_language is not None
    ):
        pair = rules.need_language[needs][:, None] + rules.offer_language[offers][None, :]
        scores *= rules.language[pair]
    requested = np.flatnonzero(pool.need_requires_equivalence[needs])
    if len(requested):
        rows = needs[requested]
        apart = np.abs(
            pool.need_log_population[rows][:, None] - pool.offer_log_population[offers][None, :]
        )
        steps = np.abs(pool.need.rung[rows][:, None] - pool.offer.rung[offers][None, :])
        alike = (apart <= np.log(constraints.equivalence_population_ratio) + 1e-6) & (
            steps <= constraints.equivalence_kind_steps
        )
        scores[requested] *= np.where(alike, 1.0, weights.equivalence_factor).astype(np.float32)
    return scores


def score_pairs(
    pool: Pool,
    need: IntArray,
    offer: IntArray,
    weights: Weights = DEFAULT_WEIGHTS,
    constraints: Constraints = DEFAULT_CONSTRAINTS,
) -> PairScores:
    need = np.asarray(need, dtype=np.int64)
    offer = np.asarray(offer, dtype=np.int64)
    in_scope = scope_admitted(pool, need, offer)
    asked, travel = modality_fit(pool, need, offer)
    is_comparable = comparable(pool, need, offer, constraints)
    components: dict[str, FloatArray] = {
        "topic": topic_closeness(pool, need, offer),
        "text": np.clip(
            sketch_similarity(pool.need.text, pool.offer.text, need, offer, pool.text_features),
            0.0,
            1.0,
        ).astype(np.float32),
        "concepts": concept_closeness(pool, need, offer),
        "equivalence": equivalence(pool, need, offer, constraints),
        "experience": pool.offer_experience[offer],
        "scope": in_scope.astype(np.float32),
        "modality": np.where(asked, np.where(travel, 1.0, 0.5), 0.0).astype(np.float32),
    }
    requested = pool.need_requires_equivalence[need]
    named = weights.components()
    equivalence_weight = np.where(
        requested, named["equivalence"] * weights.equivalence_requested, named["equivalence"]
    )
    total = np.zeros(len(need), dtype=np.float64)
    weight_sum = np.full(len(need), sum(named.values()) - named["equivalence"], dtype=np.float64)
    weight_sum += equivalence_weight
    for name, values in components.items():
        weight = equivalence_weight if name == "equivalence" else named[name]
        total += weight * values
    has_language = shares_language(pool, need, offer)
    factors: dict[str, FloatArray] = {
        "scope": np.where(in_scope, 1.0, weights.scope_factor).astype(np.float32),
        "modality": np.where(asked, 1.0, weights.modality_factor).astype(np.float32),
        "help_kind": np.where(travel, 1.0, weights.help_kind_factor).astype(np.float32),
        "equivalence": np.where(~requested | is_comparable, 1.0, weights.equivalence_factor).astype(
            np.float32
        ),
        "language": np.where(has_language, 1.0, weights.no_shared_language_factor).astype(
            np.float32
        ),
    }
    score = total / np.maximum(weight_sum, 1e-12)
    for values in factors.values():
        score = score * values
    return PairScores(
        need=need,
        offer=offer,
        score=np.clip(score, 0.0, 1.0).astype(np.float32),
        components=components,
        factors=factors,
        workable=workable(pool, need, offer),
    )
