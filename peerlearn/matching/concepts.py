"""The bridge between languages: projecting any text onto the taxonomy.

Each topic is described by its labels in every language the taxonomy carries
(en/ar/tr/fr/es in the benchmark format).  A text is compared, in the shared
character n-gram space, with every topic's labels; a text written in Arabic
resembles the Arabic labels of its topics, an English one the English labels,
so both land on the same topics and can be compared there, whatever language
they were written in.  Portuguese or Norwegian texts, with no labels of their
own, lean on the n-grams they share with the Spanish, French and English labels.

The raw projection is dominated by words every text shares with every label
("management", "municipal"), so each text's projection is standardised against
its own mean and spread and only the topics it resembles more than average are
kept.  This needs no tuned threshold: on the development set it beat every
fixed top-k cut (measured in docs/matching.md).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp  # type: ignore[import-untyped, unused-ignore]

from peerlearn.matching.taxonomy import Taxonomy
from peerlearn.matching.text import TextSpace, l2_normalise

FloatArray = npt.NDArray[np.float32]


def label_texts(taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """(label, language) for every topic and language, topic by topic."""
    return [
        (label, language) for topic in taxonomy.topics for language, label in topic.labels.items()
    ]


def concept_matrix(taxonomy: Taxonomy, label_vectors: sp.csr_matrix) -> sp.csr_matrix:
    """One row per topic: the sum of its (normalised) label vectors in all languages."""
    owners = np.fromiter(
        (position for position, topic in enumerate(taxonomy.topics) for _ in topic.labels),
        dtype=np.int64,
    )
    if label_vectors.shape[0] != len(owners):
        raise ValueError("label vectors do not match the taxonomy labels")
    gather = sp.csr_matrix(
        (np.ones(len(owners), dtype=np.float32), (owners, np.arange(len(owners)))),
        shape=(len(taxonomy), len(owners)),
    )
    return l2_normalise(sp.csr_matrix(gather @ label_vectors))


def project(texts: sp.csr_matrix, concepts: sp.csr_matrix, chunk: int = 20_000) -> FloatArray:
    """Standardised positive projection of texts onto concepts, rows L2-normalised."""
    rows = texts.shape[0]
    size = concepts.shape[0]
    result = np.zeros((rows, size), dtype=np.float32)
    transposed = sp.csr_matrix(concepts.T)
    for start in range(0, rows, chunk):
        stop = min(rows, start + chunk)
        raw = np.asarray((texts[start:stop] @ transposed).todense(), dtype=np.float32)
        mean = raw.mean(axis=1, keepdims=True)
        spread = raw.std(axis=1, keepdims=True)
        spread[spread == 0] = 1.0
        standard = np.clip((raw - mean) / spread, 0.0, None)
        norms = np.linalg.norm(standard, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        result[start:stop] = standard / norms
    return result


def build(
    taxonomy: Taxonomy, space: TextSpace, label_vectors: sp.csr_matrix | None = None
) -> sp.csr_matrix:
    vectors = label_vectors if label_vectors is not None else space.vectors(label_texts(taxonomy))
    return concept_matrix(taxonomy, vectors)


def top_concepts(projection: FloatArray, count: int) -> list[Sequence[int]]:
    """Indices of each text's strongest concepts, strongest first (for explanations)."""
    order = np.argsort(-projection, axis=1, kind="stable")[:, :count]
    return [
        [int(index) for index in row if projection[position, index] > 0]
        for position, row in enumerate(order)
    ]
