"""Reproducible synthetic pools for the `bench` command.

They imitate the shape of real programmes, not their words: a taxonomy of
thematic areas and topics with labels in five languages, texts written in
seven languages from each topic's own (invented) vocabulary plus common words,
people speaking one to three languages, local governments of every kind and
size in a few dozen countries, capacities of one to four.  The same seed gives
the same pool, byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from peerlearn.matching.model import (
    HelpKind,
    Modality,
    Need,
    Offer,
    Organisation,
    OrgKind,
    Person,
    Role,
    Scope,
    Topic,
)
from peerlearn.matching.taxonomy import Taxonomy

TEXT_LANGUAGES = ("en", "ar", "tr", "fr", "es", "pt", "no")
LANGUAGE_SHARE = (0.34, 0.16, 0.16, 0.12, 0.1, 0.06, 0.06)
LABEL_LANGUAGES = ("en", "ar", "tr", "fr", "es")
_LATIN = "abcdefghijklmnoprstuvyz"
_LATIN_EXTRA = {
    "tr": "çğıöşü",
    "fr": "éèàçê",
    "es": "ñáéíó",
    "pt": "ãçéóâ",
    "no": "æøå",
    "en": "",
}
_ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
_KINDS = tuple(OrgKind)
_KIND_POPULATION = {
    OrgKind.VILLAGE_COUNCIL: 3_000,
    OrgKind.MUNICIPALITY: 40_000,
    OrgKind.DISTRICT: 60_000,
    OrgKind.CITY: 300_000,
    OrgKind.METROPOLITAN: 2_000_000,
    OrgKind.REGION: 1_000_000,
}


@dataclass(frozen=True, slots=True)
class SyntheticPool:
    taxonomy: Taxonomy
    needs: tuple[Need, ...]
    offers: tuple[Offer, ...]


class _Words:
    """Invented words with the letters of each language, deterministic per seed."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng

    def make(self, language: str, count: int) -> list[str]:
        letters = _ARABIC if language == "ar" else _LATIN + _LATIN_EXTRA.get(language, "")
        alphabet = np.array(list(letters))
        lengths = self.rng.integers(4, 10, size=count)
        return ["".join(self.rng.choice(alphabet, size=length)) for length in lengths]


def generate(
    needs: int,
    offers: int,
    *,
    capacity: int | None = None,
    seed: int = 7,
    areas: int = 13,
    topics_per_area: int = 5,
    topic_words: int = 40,
    common_words: int = 400,
    text_words: int = 32,
) -> SyntheticPool:
    rng = np.random.default_rng(seed)
    maker = _Words(rng)
    # Vocabularies: each topic has its own words in every language; areas too.
    codes: list[tuple[str, str | None]] = []
    for area in range(areas):
        codes.append((f"area{area:02d}", None))
        codes.extend(
            (f"area{area:02d}.topic{topic:02d}", f"area{area:02d}")
            for topic in range(topics_per_area)
        )
    vocabulary = {
        language: [maker.make(language, topic_words) for _ in codes] for language in TEXT_LANGUAGES
    }
    common = {language: maker.make(language, common_words) for language in TEXT_LANGUAGES}
    taxonomy = Taxonomy(
        [
            Topic(
                code=code,
                parent=parent,
                labels={
                    language: " ".join(vocabulary[language][position][:3])
                    for language in LABEL_LANGUAGES
                },
            )
            for position, (code, parent) in enumerate(codes)
        ]
    )
    leaves = np.array([i for i, (_, parent) in enumerate(codes) if parent is not None])
    parents = np.array([taxonomy.index[p] if p else -1 for _, p in codes])

    countries = [f"C{number:02d}" for number in range(40)]
    country_weight = 1.0 / np.arange(1, len(countries) + 1)
    country_weight /= country_weight.sum()
    org_count = max(2, (needs + offers) // 3)
    org_country = rng.choice(len(countries), size=org_count, p=country_weight)
    org_region = rng.integers(0, 6, size=org_count)
    org_kind = rng.choice(len(_KINDS), size=org_count, p=(0.1, 0.45, 0.05, 0.25, 0.1, 0.05))
    org_population = [
        int(_KIND_POPULATION[_KINDS[k]] * float(np.exp(rng.normal(0.0, 0.8)))) + 100
        for k in org_kind
    ]
    organisations = [
        Organisation(
            id=f"org{i}",
            name=f"Local government {i}",
            kind=_KINDS[org_kind[i]],
            country=countries[org_country[i]],
            region=f"R{org_region[i]}",
            population=org_population[i],
        )
        for i in range(org_count)
    ]

    language_codes = np.array(TEXT_LANGUAGES)
    # Every language's words in one array: topic words first, then common words.
    per_language = len(codes) * topic_words + common_words
    lexicon = np.array(
        [
            word
            for language in TEXT_LANGUAGES
            for word in [w for topic in vocabulary[language] for w in topic] + common[language]
        ],
        dtype=object,
    )
    n_main = int(text_words * 0.35)
    n_second = int(text_words * 0.1)
    n_area = int(text_words * 0.1)
    n_common = text_words - n_main - n_second - n_area
    area_of = np.where(parents >= 0, parents, np.arange(len(codes)))

    def draw(count: int, experience: bool) -> dict[str, np.ndarray]:
        language = rng.choice(len(TEXT_LANGUAGES), size=count, p=LANGUAGE_SHARE)
        main = rng.choice(leaves, size=count)
        second = np.where(rng.random(count) < 0.5, rng.choice(leaves, size=count), main)
        base = language * per_language
        pick = rng.integers(0, topic_words, size=(count, n_main + n_second + n_area))
        topic_of_word = np.concatenate(
            [
                np.repeat(main[:, None], n_main, axis=1),
                np.repeat(second[:, None], n_second, axis=1),
                np.repeat(area_of[main][:, None], n_area, axis=1),
            ],
            axis=1,
        )
        topical = base[:, None] + topic_of_word * topic_words + pick
        everyday = (
            base[:, None]
            + len(codes) * topic_words
            + rng.integers(0, common_words, size=(count, n_common))
        )
        chosen = np.concatenate([topical, everyday], axis=1)
        chosen = np.take_along_axis(
            chosen, rng.permuted(np.tile(np.arange(text_words), (count, 1)), axis=1), axis=1
        )
        second_language = rng.choice(len(TEXT_LANGUAGES), size=count)
        return {
            "language": language,
            "main": main,
            "second": second,
            "words": chosen,
            "tick": rng.random(count),
            "sibling": rng.integers(0, topics_per_area, size=count),
            "pair": rng.random(count) < 0.4,
            "english": rng.random(count) < 0.6,
            "third": np.where(rng.random(count) < 0.2, second_language, -1),
            "org": rng.integers(0, org_count, size=count),
            "years": rng.integers(2, 25, size=count) if experience else np.zeros(count, np.int64),
        }

    def ticked(record: dict[str, np.ndarray], row: int) -> tuple[str, ...]:
        main = int(record["main"][row])
        second = int(record["second"][row])
        draw_value = float(record["tick"][row])
        parent = int(parents[main])
        if draw_value < 0.1:
            first = codes[parent][0]
        elif draw_value < 0.2:
            first = f"{codes[parent][0]}.topic{int(record['sibling'][row]):02d}"
        else:
            first = codes[main][0]
        if bool(record["pair"][row]) and codes[second][0] != first:
            return (first, codes[second][0])
        return (first,)

    def person(record: dict[str, np.ndarray], row: int) -> Person:
        language = str(language_codes[record["language"][row]])
        spoken = [language]
        if language != "en" and bool(record["english"][row]):
            spoken.append("en")
        if record["third"][row] >= 0:
            spoken.append(str(language_codes[record["third"][row]]))
        return Person(
            name="",
            role=Role.EMPLOYEE,
            position="",
            languages=tuple(dict.fromkeys(spoken)),
            years_experience=int(record["years"][row]),
        )

    def text(record: dict[str, np.ndarray], row: int) -> str:
        return " ".join(lexicon[record["words"][row]]) + "."

    scopes = (Scope.REGIONAL, Scope.NATIONAL, Scope.INTERNATIONAL)
    help_kinds = tuple(HelpKind)
    seekers = draw(needs, experience=False)
    need_scope = rng.choice(3, size=needs, p=(0.15, 0.25, 0.6))
    need_modality = rng.choice(3, size=needs, p=(0.5, 0.25, 0.25))
    need_kind = rng.integers(0, len(help_kinds), size=needs)
    need_equivalence = rng.random(needs) < 0.15
    modalities = (Modality.EITHER, Modality.ONLINE, Modality.IN_PERSON)
    need_records = tuple(
        Need(
            id=f"n{row}",
            person=person(seekers, row),
            org=organisations[int(seekers["org"][row])],
            topics=ticked(seekers, row),
            text=text(seekers, row),
            text_language=str(language_codes[seekers["language"][row]]),
            scope=scopes[int(need_scope[row])],
            modality=modalities[int(need_modality[row])],
            kind=help_kinds[int(need_kind[row])],
            requires_equivalence=bool(need_equivalence[row]),
        )
        for row in range(needs)
    )
    modality_sets = (
        frozenset({Modality.ONLINE, Modality.IN_PERSON}),
        frozenset({Modality.ONLINE}),
        frozenset({Modality.IN_PERSON}),
    )
    scope_sets = (
        frozenset({Scope.NATIONAL, Scope.INTERNATIONAL}),
        frozenset({Scope.REGIONAL, Scope.NATIONAL}),
        frozenset({Scope.INTERNATIONAL}),
        frozenset(scopes),
    )
    helpers = draw(offers, experience=True)
    capacities = (
        np.full(offers, capacity)
        if capacity is not None
        else rng.choice((1, 2, 3, 4), size=offers, p=(0.3, 0.4, 0.2, 0.1))
    )
    offer_modality = rng.choice(3, size=offers, p=(0.7, 0.25, 0.05))
    offer_scope = rng.choice(4, size=offers, p=(0.45, 0.3, 0.15, 0.1))
    # (hosts visits, travels); drawn last, so that the draws above stay as they were.
    visit_options: tuple[tuple[bool | None, bool | None], ...] = (
        (None, None),
        (True, True),
        (True, False),
        (False, True),
        (False, False),
    )
    offer_visits = rng.choice(5, size=offers, p=(0.4, 0.25, 0.15, 0.1, 0.1))
    offer_records = tuple(
        Offer(
            id=f"o{row}",
            person=person(helpers, row),
            org=organisations[int(helpers["org"][row])],
            topics=ticked(helpers, row),
            text=text(helpers, row),
            text_language=str(language_codes[helpers["language"][row]]),
            capacity=int(capacities[row]),
            modalities=modality_sets[int(offer_modality[row])],
            scopes=scope_sets[int(offer_scope[row])],
            hosts_visits=visit_options[int(offer_visits[row])][0],
            travels=visit_options[int(offer_visits[row])][1],
        )
        for row in range(offers)
    )
    return SyntheticPool(taxonomy=taxonomy, needs=need_records, offers=offer_records)
