"""Needs and offers turned into arrays, once, so that every later step is vectorised."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from peerlearn.matching import concepts
from peerlearn.matching.model import (
    DEFAULT_CONSTRAINTS,
    Constraints,
    InvalidInput,
    Modality,
    Need,
    Offer,
    Scope,
)
from peerlearn.matching.taxonomy import DEFAULT_CLOSENESS, Taxonomy, TreeCloseness
from peerlearn.matching.text import Sketch, TextSpace

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float32]
BoolArray = npt.NDArray[np.bool_]
Progress = Callable[[str, int, int], None]

SCOPE_CODES = {Scope.REGIONAL: 0, Scope.NATIONAL: 1, Scope.INTERNATIONAL: 2}
MODALITY_CODES = {Modality.ONLINE: 0, Modality.IN_PERSON: 1, Modality.EITHER: 2}
# Years of experience beyond which more years say little more.
EXPERIENCE_SATURATION_YEARS = 15.0
PRACTICES_SATURATION = 3.0
# Categorical classes of needs (scope x modality x who travels) and of offers
# (bits: online, in person, regional, national, international, hosts visits,
# travels), so that soft-rule factors over a block of pairs are one table lookup.
NEED_CLASSES = 27
OFFER_CLASSES = 128
TEXT_CHUNK = 10_000
SKETCH_WIDTH = 64


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


@dataclass(frozen=True, slots=True)
class Side:
    """Columns shared by needs and offers."""

    ids: tuple[str, ...]
    org: IntArray
    country: IntArray
    region: IntArray  # country and region together
    population: npt.NDArray[np.float64]
    rung: IntArray
    languages: npt.NDArray[np.uint64]  # (records, words) bitmask
    topics: IntArray  # (records, width), -1 pads
    text: Sketch  # strongest TF-IDF features of each text
    concepts: FloatArray  # (records, topics), L2-normalised


@dataclass(frozen=True, slots=True)
class Pool:
    needs: tuple[Need, ...]
    offers: tuple[Offer, ...]
    taxonomy: Taxonomy
    need: Side
    offer: Side
    closeness: FloatArray
    text_space: TextSpace
    text_features: int
    language_codes: tuple[str, ...]
    need_scope: IntArray
    need_modality: IntArray
    need_travel: IntArray  # HelpKind.travel: 0 nobody, 1 seekers visit, 2 offerer travels
    need_requires_equivalence: BoolArray
    need_interpretation: BoolArray
    need_wants: IntArray
    offer_online: BoolArray
    offer_in_person: BoolArray
    offer_hosts: BoolArray
    offer_travels: BoolArray
    offer_scopes: npt.NDArray[np.bool_]  # (offers, 3): regional, national, international
    offer_experience: FloatArray
    offer_capacity: IntArray
    need_class: IntArray
    offer_class: IntArray
    need_log_population: FloatArray
    offer_log_population: FloatArray
    excluded_keys: IntArray  # sorted need * offers + offer of every excluded pair

    @property
    def need_count(self) -> int:
        return len(self.needs)

    @property
    def offer_count(self) -> int:
        return len(self.offers)


class _Codes:
    """Stable integer codes for strings, in order of first appearance."""

    def __init__(self) -> None:
        self.codes: dict[str, int] = {}

    def __call__(self, value: str) -> int:
        return self.codes.setdefault(value, len(self.codes))


def _language_masks(
    languages: Sequence[Iterable[str]], bits: Mapping[str, int], words: int
) -> npt.NDArray[np.uint64]:
    masks = np.zeros((len(languages), words), dtype=np.uint64)
    for row, codes in enumerate(languages):
        for code in codes:
            bit = bits[code]
            masks[row, bit // 64] |= np.uint64(1) << np.uint64(bit % 64)
    return masks


def _padded_topics(records: Sequence[Need | Offer], taxonomy: Taxonomy) -> IntArray:
    width = max((len(record.topics) for record in records), default=0)
    padded = np.full((len(records), max(width, 1)), -1, dtype=np.int64)
    for row, record in enumerate(records):
        for column, code in enumerate(record.topics):
            padded[row, column] = taxonomy.index[code]
    return padded


def _side(
    records: Sequence[Need | Offer],
    taxonomy: Taxonomy,
    orgs: _Codes,
    countries: _Codes,
    regions: _Codes,
    bits: Mapping[str, int],
    words: int,
    text: Sketch,
    projection: FloatArray,
) -> Side:
    return Side(
        ids=tuple(record.id for record in records),
        org=np.fromiter((orgs(r.org.id) for r in records), dtype=np.int64, count=len(records)),
        country=np.fromiter(
            (countries(r.org.country) for r in records), dtype=np.int64, count=len(records)
        ),
        region=np.fromiter(
            (regions(f"{r.org.country}\x00{r.org.region}") for r in records),
            dtype=np.int64,
            count=len(records),
        ),
        population=np.fromiter(
            (max(r.org.population, 1) for r in records), dtype=np.float64, count=len(records)
        ),
        rung=np.fromiter((r.org.kind.rung for r in records), dtype=np.int64, count=len(records)),
        languages=_language_masks([r.person.languages for r in records], bits, words),
        topics=_padded_topics(records, taxonomy),
        text=text,
        concepts=projection,
    )


def check_records(
    needs: Sequence[Need], offers: Sequence[Offer], taxonomy: Taxonomy, constraints: Constraints
) -> None:
    """Reject records the engine cannot reason about, naming record and field."""
    seen: set[str] = set()
    for need in needs:
        record = f"need {need.id}"
        if need.id in seen:
            raise InvalidInput(record, "id", "appears twice")
        seen.add(need.id)
        if not need.person.languages:
            raise InvalidInput(record, "languages", "must list at least one language code")
        if need.wants < 1:
            raise InvalidInput(record, "wants", "must be >= 1")
        taxonomy.check_codes(record, need.topics)
    seen = set()
    for offer in offers:
        record = f"offer {offer.id}"
        if offer.id in seen:
            raise InvalidInput(record, "id", "appears twice")
        seen.add(offer.id)
        if not offer.person.languages:
            raise InvalidInput(record, "languages", "must list at least one language code")
        if offer.capacity < 0:
            raise InvalidInput(record, "capacity", f"must be >= 0, got {offer.capacity}")
        taxonomy.check_codes(record, offer.topics)
    constraints.check()


def prepare_pool(
    needs: Sequence[Need],
    offers: Sequence[Offer],
    taxonomy: Taxonomy,
    constraints: Constraints = DEFAULT_CONSTRAINTS,
    *,
    closeness: TreeCloseness = DEFAULT_CLOSENESS,
    progress: Progress = _no_progress,
) -> Pool:
    check_records(needs, offers, taxonomy, constraints)
    n, m = len(needs), len(offers)
    space = TextSpace()
    labels = concepts.label_texts(taxonomy)
    texts = (
        [(need.text, need.text_language) for need in needs]
        + [(offer.text, offer.text_language) for offer in offers]
        + labels
    )
    total = len(texts)
    progress("text", 0, total)
    doc_words = space.fit(texts)
    concept_rows = concepts.build(taxonomy, space, space.weigh(doc_words[n + m :]))
    sketches: list[Sketch] = []
    projections: list[FloatArray] = []
    # Vectors are made, used and dropped chunk by chunk: only the sketches and
    # the projections of the whole pool are kept.
    for start in range(0, n + m, TEXT_CHUNK):
        stop = min(n + m, start + TEXT_CHUNK)
        vectors = space.weigh(doc_words[start:stop])
        sketches.append(Sketch.of(vectors, SKETCH_WIDTH))
        projections.append(concepts.project(vectors, concept_rows))
        progress("text", stop, total)
    sketch = Sketch.stack(sketches)
    projection = np.concatenate(projections)
    need_text = Sketch(sketch.features[:n], sketch.values[:n])
    offer_text = Sketch(sketch.features[n:], sketch.values[n:])
    need_projection, offer_projection = projection[:n], projection[n:]

    language_codes = tuple(
        dict.fromkeys(
            code
            for records in (needs, offers)
            for record in records
            for code in record.person.languages
        )
    )
    bits = {code: position for position, code in enumerate(language_codes)}
    words = max(1, (len(language_codes) + 63) // 64)
    orgs, countries, regions = _Codes(), _Codes(), _Codes()
    need_side = _side(
        needs, taxonomy, orgs, countries, regions, bits, words, need_text, need_projection
    )
    offer_side = _side(
        offers, taxonomy, orgs, countries, regions, bits, words, offer_text, offer_projection
    )
    need_index = {need.id: row for row, need in enumerate(needs)}
    offer_index = {offer.id: row for row, offer in enumerate(offers)}
    excluded_keys = np.unique(
        np.fromiter(
            (
                need_index[need_id] * m + offer_index[offer_id]
                for need_id, offer_id in constraints.excluded_pairs
                if need_id in need_index and offer_id in offer_index
            ),
            dtype=np.int64,
        )
    )
    capacity = np.fromiter(
        (constraints.remaining_capacity.get(offer.id, offer.capacity) for offer in offers),
        dtype=np.int64,
        count=m,
    )
    need_scope = np.fromiter((SCOPE_CODES[x.scope] for x in needs), dtype=np.int64, count=n)
    need_modality = np.fromiter(
        (MODALITY_CODES[x.modality] for x in needs), dtype=np.int64, count=n
    )
    need_travel = np.fromiter((x.kind.travel for x in needs), dtype=np.int64, count=n)
    offer_online = np.fromiter(
        (Modality.ONLINE in x.modalities for x in offers), dtype=np.bool_, count=m
    )
    offer_in_person = np.fromiter(
        (Modality.IN_PERSON in x.modalities for x in offers), dtype=np.bool_, count=m
    )
    offer_scopes = np.array(
        [[scope in x.scopes for scope in SCOPE_CODES] for x in offers], dtype=np.bool_
    ).reshape(m, 3)
    offer_hosts = np.fromiter((x.hosts_visits is not False for x in offers), np.bool_, count=m)
    offer_travels = np.fromiter((x.travels is not False for x in offers), np.bool_, count=m)
    offer_class = (
        offer_online.astype(np.int64)
        + 2 * offer_in_person
        + 4 * offer_scopes[:, 0]
        + 8 * offer_scopes[:, 1]
        + 16 * offer_scopes[:, 2]
        + 32 * offer_hosts
        + 64 * offer_travels
    )
    years = np.fromiter((o.person.years_experience for o in offers), dtype=np.float32, count=m)
    practices = np.fromiter((o.practices_on_record for o in offers), dtype=np.float32, count=m)
    return Pool(
        needs=tuple(needs),
        offers=tuple(offers),
        taxonomy=taxonomy,
        need=need_side,
        offer=offer_side,
        closeness=taxonomy.closeness_matrix(closeness),
        text_space=space,
        text_features=space.feature_count,
        language_codes=language_codes,
        need_scope=need_scope,
        need_modality=need_modality,
        need_travel=need_travel,
        need_requires_equivalence=np.fromiter(
            (x.requires_equivalence for x in needs), dtype=np.bool_, count=n
        ),
        need_interpretation=np.fromiter((x.interpretation for x in needs), dtype=np.bool_, count=n),
        need_wants=np.fromiter((x.wants for x in needs), dtype=np.int64, count=n),
        offer_online=offer_online,
        offer_in_person=offer_in_person,
        offer_hosts=offer_hosts,
        offer_travels=offer_travels,
        offer_scopes=offer_scopes,
        offer_experience=np.minimum(
            1.0, years / EXPERIENCE_SATURATION_YEARS + practices / PRACTICES_SATURATION
        ).astype(np.float32),
        offer_capacity=capacity,
        need_class=(need_scope * 9 + need_modality * 3 + need_travel).astype(np.int32),
        offer_class=offer_class.astype(np.int32),
        need_log_population=np.log(need_side.population).astype(np.float32),
        offer_log_population=np.log(offer_side.population).astype(np.float32),
        excluded_keys=excluded_keys,
    )
