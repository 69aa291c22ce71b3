from peerlearn.matching.model import Need, Offer
from peerlearn.matching.synthetic import generate


def test_the_same_seed_gives_the_same_pool() -> None:
    first, second = generate(30, 40, seed=11), generate(30, 40, seed=11)
    assert first.needs == second.needs and first.offers == second.offers
    assert generate(30, 40, seed=12).needs != first.needs


def test_sizes_capacity_and_valid_codes() -> None:
    pool = generate(25, 35, capacity=2, seed=1)
    assert (len(pool.needs), len(pool.offers)) == (25, 35)
    assert {offer.capacity for offer in pool.offers} == {2}
    records: list[Need | Offer] = [*pool.needs, *pool.offers]
    for record in records:
        assert record.topics and all(code in pool.taxonomy for code in record.topics)
        assert record.text_language in record.person.languages
