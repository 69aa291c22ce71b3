import json
from pathlib import Path
from typing import Any

import pytest

from peerlearn.matching import InvalidInput, load_benchmark, parse_benchmark


def document() -> dict[str, Any]:
    org = {"name": "Town", "kind": "municipality", "country": "PS", "region": "N", "population": 9}
    return {
        "format": "peerlearn-matching-benchmark/1",
        "taxonomy": [
            {"code": "env", "parent": None, "label": {"en": "Environment"}},
            {"code": "env.waste", "parent": "env", "label": {"en": "Waste"}},
        ],
        "offers": [
            {
                "id": "o1",
                "person": "A",
                "role": "expert",
                "position": "",
                "org": {**org, "name": "City", "country": "JO"},
                "languages": ["ar", "en"],
                "topics": ["env.waste"],
                "text": "Recycling",
                "years_experience": 4,
                "capacity": 2,
                "modalities": ["online"],
                "scopes": ["international"],
            }
        ],
        "needs": [
            {
                "id": "n1",
                "person": "B",
                "role": "employee",
                "position": "",
                "org": org,
                "languages": ["ar"],
                "topics": ["env"],
                "text": "Waste",
                "scope": "international",
                "modality": "either",
                "kind": "mentoring",
                "requires_equivalence": False,
            }
        ],
        "relevance": {"n1": {"o1": 3}},
    }


def test_a_valid_document_is_read() -> None:
    benchmark = parse_benchmark(document())
    offer = benchmark.offers[0]
    assert offer.text_language == "ar"  # first of `languages` when absent
    assert offer.capacity == 2 and benchmark.needs[0].topics == ("env",)
    assert benchmark.relevance == {"n1": {"o1": 3}}
    assert benchmark.needs[0].org.id != offer.org.id


def test_the_development_set_loads(dev_set: Path) -> None:
    benchmark = load_benchmark(dev_set)
    assert (len(benchmark.offers), len(benchmark.needs)) == (101, 62)


@pytest.mark.parametrize(
    ("change", "record", "field"),
    [
        (lambda d: d["offers"][0].__setitem__("capacity", -1), "offer o1", "capacity"),
        (lambda d: d["offers"][0].__setitem__("capacity", 2**63), "offer o1", "capacity"),
        (lambda d: d["needs"][0].__setitem__("wants", 10**6), "need n1", "wants"),
        (lambda d: d["needs"][0].__setitem__("languages", []), "need n1", "languages"),
        (lambda d: d["needs"][0].__setitem__("topics", ["nowhere"]), "need n1", "topics"),
        (lambda d: d["needs"][0].__setitem__("scope", "galactic"), "need n1", "scope"),
        (lambda d: d["offers"][0].__setitem__("modalities", ["either"]), "offer o1", "modalities"),
        (lambda d: d.__setitem__("format", "other/2"), "file", "format"),
        (lambda d: d["relevance"]["n1"].__setitem__("o9", 3), "relevance n1", "o9"),
    ],
)
def test_bad_records_name_the_record_and_the_field(change: Any, record: str, field: str) -> None:
    broken = document()
    change(broken)
    with pytest.raises(InvalidInput) as raised:
        parse_benchmark(broken)
    assert raised.value.record == record
    assert raised.value.field_name == field


def test_malformed_json_is_reported_with_its_position(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"format": ', encoding="utf-8")
    with pytest.raises(InvalidInput, match="line 1 column"):
        load_benchmark(path)


def test_a_file_round_trips_through_json(tmp_path: Path) -> None:
    path = tmp_path / "ok.json"
    path.write_text(json.dumps(document()), encoding="utf-8")
    assert load_benchmark(path).needs[0].id == "n1"


def test_one_organisation_written_two_ways_is_still_one() -> None:
    both = document()
    both["offers"][0]["org"] = {**both["needs"][0]["org"], "name": "  town "}
    benchmark = parse_benchmark(both)
    assert benchmark.needs[0].org.id == benchmark.offers[0].org.id
