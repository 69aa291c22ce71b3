import numpy as np
import scipy.sparse as sp

from peerlearn.matching.text import Sketch, TextSpace, l2_normalise, normalise, sketch_similarity


def test_arabic_letter_variants_and_diacritics_fold_together() -> None:
    assert normalise("أَمانة إدارة آبار", "ar") == normalise("امانه اداره ابار", "ar")
    assert normalise("مدرسة", "ar") == normalise("مدرسه", "ar")
    assert normalise("مستشفى", "ar") == normalise("مستشفي", "ar")


def test_arabic_article_and_clinging_prepositions_are_stripped() -> None:
    assert normalise("والبلدية بالنفايات", "ar") == normalise("بلدية نفايات", "ar")


def test_arabic_indic_digits_become_ascii() -> None:
    assert normalise("٢٠٢٣", "ar") == "2023"


def test_turkish_dotted_and_dotless_i_meet_the_latin_forms() -> None:
    assert normalise("İSTANBUL IĞDIR", "tr") == normalise("istanbul igdir", "en")
    assert normalise("kırmızı", "tr") == "kirmizi"


def test_accents_and_ligatures_are_folded() -> None:
    assert normalise("Élaboration des déchets, Øst, æble, São", "fr") == (
        "elaboration des dechets ost aeble sao"
    )


def test_character_ngrams_survive_morphology() -> None:
    space = TextSpace()
    space.fit([("recycling", "en"), ("recyclage", "fr"), ("budget", "en")])
    vectors = space.vectors([("recycling", "en"), ("recyclage", "fr"), ("budget", "en")])
    similarity = (vectors @ vectors.T).toarray()
    assert similarity[0, 1] > 0.3
    assert similarity[0, 1] > similarity[0, 2]


def test_vectors_are_unit_length() -> None:
    space = TextSpace()
    doc_words = space.fit([("waste collection trucks", "en"), ("", "en")])
    vectors = space.weigh(doc_words)
    norms = np.sqrt(np.asarray(vectors.multiply(vectors).sum(axis=1)).ravel())
    assert np.allclose(norms, [1.0, 0.0], atol=1e-6)


def test_wide_sketches_give_exact_dot_products() -> None:
    rng = np.random.default_rng(3)
    left = l2_normalise(sp.random(40, 200, density=0.1, random_state=1, format="csr"))
    right = l2_normalise(sp.random(60, 200, density=0.1, random_state=2, format="csr"))
    rows = rng.integers(0, 40, 300)
    columns = rng.integers(0, 60, 300)
    exact = np.asarray(left[rows].multiply(right[columns]).sum(axis=1)).ravel()
    found = sketch_similarity(
        Sketch.of(left, 200), Sketch.of(right, 200), rows, columns, 200, group_size=7
    )
    assert np.allclose(found, exact, atol=1e-6)


def test_sketch_keeps_the_strongest_features() -> None:
    matrix = sp.csr_matrix(np.array([[0.1, 0.9, 0.0, 0.5, 0.3]], dtype=np.float32))
    sketch = Sketch.of(matrix, 2)
    assert sorted(sketch.features[0].tolist()) == [1, 3]
