"""Reader for `peerlearn-matching-benchmark/1` files (see shared/bench/matching/README.md).

Every problem is reported as an `InvalidInput` naming the record and the field,
so that the command line can print one useful line and stop.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from peerlearn.matching.model import (
    HelpKind,
    InvalidInput,
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

FORMAT = "peerlearn-matching-benchmark/1"

E = TypeVar("E", OrgKind, Role, Scope, Modality, HelpKind)


@dataclass(frozen=True, slots=True)
class Benchmark:
    taxonomy: Taxonomy
    needs: tuple[Need, ...]
    offers: tuple[Offer, ...]
    relevance: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    description: str = ""


def load_benchmark(path: str | Path) -> Benchmark:
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as error:
        raise InvalidInput(str(source), "file", error.strerror or str(error)) from error
    except UnicodeDecodeError as error:
        raise InvalidInput(str(source), "file", "not UTF-8 text") from error
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidInput(
            str(source), "json", f"malformed JSON at line {error.lineno} column {error.colno}"
        ) from error
    return parse_benchmark(document)


def parse_benchmark(document: Any) -> Benchmark:
    if not isinstance(document, dict):
        raise InvalidInput("file", "json", "the top level must be an object")
    if document.get("format") != FORMAT:
        raise InvalidInput("file", "format", f"expected {FORMAT!r}")
    taxonomy = Taxonomy(
        [_topic(raw, position) for position, raw in enumerate(_list(document, "taxonomy", "file"))]
    )
    offers = tuple(
        _offer(raw, position, taxonomy)
        for position, raw in enumerate(_list(document, "offers", "file"))
    )
    needs = tuple(
        _need(raw, position, taxonomy)
        for position, raw in enumerate(_list(document, "needs", "file"))
    )
    _unique_ids("offer", offers)
    _unique_ids("need", needs)
    relevance = _relevance(document.get("relevance", {}), needs, offers)
    description = document.get("description", "")
    return Benchmark(
        taxonomy=taxonomy,
        needs=needs,
        offers=offers,
        relevance=relevance,
        description=description if isinstance(description, str) else "",
    )


def _unique_ids(kind: str, records: Sequence[Need] | Sequence[Offer]) -> None:
    seen: set[str] = set()
    for record in records:
        if record.id in seen:
            raise InvalidInput(f"{kind} {record.id}", "id", "appears twice")
        seen.add(record.id)


def _list(raw: Mapping[str, Any], key: str, record: str) -> list[Any]:
    value = raw.get(key)
    if not isinstance(value, list):
        raise InvalidInput(record, key, "must be a list")
    return value


def _string(raw: Mapping[str, Any], key: str, record: str, *, required: bool = True) -> str:
    value = raw.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise InvalidInput(record, key, "must be a non-empty string")
    return value


def _integer(
    raw: Mapping[str, Any],
    key: str,
    record: str,
    *,
    minimum: int,
    maximum: int = 1_000_000_000,
    default: int | None = None,
) -> int:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(record, key, "must be an integer")
    if value < minimum:
        raise InvalidInput(record, key, f"must be >= {minimum}, got {value}")
    # Far beyond any real value, and low enough that sizing arrays by it is safe.
    if value > maximum:
        raise InvalidInput(record, key, f"must be <= {maximum:,}, got {value:,}")
    return value


def _optional_flag(raw: Mapping[str, Any], key: str, record: str) -> bool | None:
    value = raw.get(key)
    if value is not None and not isinstance(value, bool):
        raise InvalidInput(record, key, "must be true, false or absent")
    return value


def _choice(enum: type[E], raw: Mapping[str, Any], key: str, record: str) -> E:
    value = raw.get(key)
    try:
        return enum(str(value))
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise InvalidInput(record, key, f"{value!r} is not one of {allowed}") from None


def _topic(raw: Any, position: int) -> Topic:
    record = f"taxonomy[{position}]"
    if not isinstance(raw, dict):
        raise InvalidInput(record, "topic", "must be an object")
    code = _string(raw, "code", record)
    record = f"topic {code}"
    parent = raw.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise InvalidInput(record, "parent", "must be a topic code or null")
    labels = raw.get("label", {})
    if not isinstance(labels, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in labels.items()
    ):
        raise InvalidInput(record, "label", "must map language codes to strings")
    return Topic(code=code, parent=parent, labels=dict(labels))


def _organisation(raw: Any, record: str) -> Organisation:
    if not isinstance(raw, dict):
        raise InvalidInput(record, "org", "must be an object")
    name = _string(raw, "name", f"{record} org")
    country = _string(raw, "country", f"{record} org")
    return Organisation(
        # The format has no organisation id: name and country identify it,
        # whatever the case and spacing, so that one organisation written two
        # ways still never serves itself.
        id=str(raw.get("id") or f"{country.upper()}:{' '.join(name.split()).casefold()}"),
        name=name,
        kind=_choice(OrgKind, raw, "kind", f"{record} org"),
        country=country,
        region=_string(raw, "region", f"{record} org", required=False),
        population=_integer(raw, "population", f"{record} org", minimum=0),
    )


def _person(raw: Mapping[str, Any], record: str, *, experience: bool) -> Person:
    languages = raw.get("languages")
    if (
        not isinstance(languages, list)
        or not languages
        or not all(isinstance(code, str) and code for code in languages)
    ):
        raise InvalidInput(record, "languages", "must list at least one language code")
    role = raw.get("role", Role.EMPLOYEE.value)
    return Person(
        name=_string(raw, "person", record, required=False),
        role=_choice(Role, {"role": role}, "role", record),
        position=_string(raw, "position", record, required=False),
        languages=tuple(languages),
        years_experience=(
            _integer(raw, "years_experience", record, minimum=0, maximum=100, default=0)
            if experience
            else 0
        ),
    )


def _common(
    raw: Any, kind: str, position: int, taxonomy: Taxonomy
) -> tuple[str, str, Mapping[str, Any]]:
    if not isinstance(raw, dict):
        raise InvalidInput(f"{kind}[{position}]", kind, "must be an object")
    record_id = _string(raw, "id", f"{kind}[{position}]")
    record = f"{kind} {record_id}"
    topics = raw.get("topics", [])
    if not isinstance(topics, list) or not all(isinstance(code, str) for code in topics):
        raise InvalidInput(record, "topics", "must be a list of topic codes")
    taxonomy.check_codes(record, topics)
    if not isinstance(raw.get("text", ""), str):
        raise InvalidInput(record, "text", "must be a string")
    return record_id, record, raw


def _text_language(raw: Mapping[str, Any], person: Person, record: str) -> str:
    value = raw.get("text_language")
    if value is None:
        return person.languages[0]
    if not isinstance(value, str) or not value:
        raise InvalidInput(record, "text_language", "must be a language code")
    return value


def _offer(raw: Any, position: int, taxonomy: Taxonomy) -> Offer:
    offer_id, record, fields = _common(raw, "offer", position, taxonomy)
    person = _person(fields, record, experience=True)
    modalities = _list(fields, "modalities", record)
    scopes = _list(fields, "scopes", record)
    chosen_modalities = frozenset(
        _choice(Modality, {"modalities": value}, "modalities", record) for value in modalities
    )
    if Modality.EITHER in chosen_modalities:
        raise InvalidInput(record, "modalities", "list 'online' and/or 'in_person'")
    return Offer(
        id=offer_id,
        person=person,
        org=_organisation(fields.get("org"), record),
        topics=tuple(fields.get("topics", [])),
        text=fields.get("text", ""),
        text_language=_text_language(fields, person, record),
        capacity=_integer(fields, "capacity", record, minimum=0, maximum=10_000),
        modalities=chosen_modalities,
        scopes=frozenset(_choice(Scope, {"scopes": value}, "scopes", record) for value in scopes),
        practices_on_record=_integer(fields, "practices_on_record", record, minimum=0, default=0),
        hosts_visits=_optional_flag(fields, "hosts_visits", record),
        travels=_optional_flag(fields, "travels", record),
    )


def _need(raw: Any, position: int, taxonomy: Taxonomy) -> Need:
    need_id, record, fields = _common(raw, "need", position, taxonomy)
    person = _person(fields, record, experience=False)
    requires_equivalence = fields.get("requires_equivalence", False)
    if not isinstance(requires_equivalence, bool):
        raise InvalidInput(record, "requires_equivalence", "must be true or false")
    interpretation = fields.get("interpretation", False)
    if not isinstance(interpretation, bool):
        raise InvalidInput(record, "interpretation", "must be true or false")
    return Need(
        id=need_id,
        person=person,
        org=_organisation(fields.get("org"), record),
        topics=tuple(fields.get("topics", [])),
        text=fields.get("text", ""),
        text_language=_text_language(fields, person, record),
        scope=_choice(Scope, fields, "scope", record),
        modality=_choice(Modality, fields, "modality", record),
        kind=_choice(HelpKind, fields, "kind", record),
        requires_equivalence=requires_equivalence,
        wants=_integer(fields, "wants", record, minimum=1, maximum=1_000, default=1),
        interpretation=interpretation,
    )


def _relevance(
    raw: Any, needs: Sequence[Need], offers: Sequence[Offer]
) -> dict[str, dict[str, int]]:
    if not isinstance(raw, dict):
        raise InvalidInput("file", "relevance", "must be an object")
    need_ids = {need.id for need in needs}
    offer_ids = {offer.id for offer in offers}
    table: dict[str, dict[str, int]] = {}
    for need_id, grades in raw.items():
        record = f"relevance {need_id}"
        if need_id not in need_ids:
            raise InvalidInput(record, "need", "unknown need id")
        if not isinstance(grades, dict):
            raise InvalidInput(record, "grades", "must map offer ids to grades")
        for offer_id, grade in grades.items():
            if offer_id not in offer_ids:
                raise InvalidInput(record, offer_id, "unknown offer id")
            if isinstance(grade, bool) or grade not in (0, 1, 2, 3):
                raise InvalidInput(record, offer_id, "grade must be 0, 1, 2 or 3")
        table[need_id] = {offer_id: int(grade) for offer_id, grade in grades.items()}
    return table
