import pytest

from peerlearn.matching import InvalidInput, Taxonomy, Topic


def test_closeness_orders_same_ancestor_sibling_area(taxonomy: Taxonomy) -> None:
    same = taxonomy.closeness("environment.solid_waste", "environment.solid_waste")
    ancestor = taxonomy.closeness("environment", "environment.solid_waste")
    sibling = taxonomy.closeness("environment.solid_waste", "environment.water")
    other = taxonomy.closeness("environment.solid_waste", "finance.revenue")
    assert same > ancestor > sibling > other == 0.0


def test_same_area_deeper_down_counts_less_than_siblings() -> None:
    tree = Taxonomy(
        [
            Topic("a", None, {"en": "A"}),
            Topic("a.x", "a", {"en": "X"}),
            Topic("a.y", "a", {"en": "Y"}),
            Topic("a.x.1", "a.x", {"en": "X1"}),
        ]
    )
    assert tree.closeness("a.x", "a.y") > tree.closeness("a.x.1", "a.y") > 0


def test_matrix_matches_pairwise(taxonomy: Taxonomy) -> None:
    matrix = taxonomy.closeness_matrix()
    codes = [topic.code for topic in taxonomy.topics]
    for i, a in enumerate(codes):
        for j, b in enumerate(codes):
            assert matrix[i, j] == pytest.approx(taxonomy.closeness(a, b))


def test_unknown_parent_is_rejected() -> None:
    with pytest.raises(InvalidInput, match="parent"):
        Taxonomy([Topic("a.x", "a", {"en": "X"})])


def test_cycles_are_rejected() -> None:
    with pytest.raises(InvalidInput, match="cycle"):
        Taxonomy([Topic("a", "b", {}), Topic("b", "a", {})])
