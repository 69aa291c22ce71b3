import numpy as np

from peerlearn.matching import Taxonomy
from peerlearn.matching.concepts import build, label_texts, project
from peerlearn.matching.text import TextSpace


def test_texts_in_different_languages_land_on_the_same_topic(taxonomy: Taxonomy) -> None:
    texts = [
        ("Nous voulons améliorer la gestion des déchets solides et le recyclage.", "fr"),
        ("نريد تحسين إدارة النفايات الصلبة وإعادة التدوير في البلدة", "ar"),
        ("We want our property tax and own revenue to grow.", "en"),
    ]
    space = TextSpace()
    doc_words = space.fit(texts + label_texts(taxonomy))
    concepts = build(taxonomy, space, space.weigh(doc_words[len(texts) :]))
    projection = project(space.weigh(doc_words[: len(texts)]), concepts)
    waste = taxonomy.index["environment.solid_waste"]
    revenue = taxonomy.index["finance.revenue"]
    assert int(np.argmax(projection[0])) == waste
    assert int(np.argmax(projection[1])) == waste
    assert int(np.argmax(projection[2])) == revenue
    similarity = projection @ projection.T
    assert similarity[0, 1] > similarity[0, 2]
    assert np.allclose(np.linalg.norm(projection, axis=1), 1.0, atol=1e-5)
