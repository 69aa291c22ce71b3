"""Language-aware normalisation and character n-gram vectors of free texts.

The texts are short, written quickly in en/ar/tr/fr/es/pt/no (or anything else),
so the representation must survive spelling variants and rich morphology:

* Arabic: diacritics and tatweel removed, alef/yeh/teh-marbuta variants folded,
  the article and its clinging prepositions stripped ("والبلدية" -> "بلديه"),
  Arabic-Indic digits mapped to ASCII;
* Turkish: capital dotted/dotless I lowered the Turkish way for Turkish texts,
  then dotless i folded onto i so that Turkish and other texts meet;
* Latin scripts: accents and ligatures folded (é->e, ç->c, ø->o, æ->ae).

Words are then cut into character n-grams inside word boundaries (3 to 5
characters, plus the whole word), so that "recycling"/"recyclage"/"reciclaje"
or "belediye"/"belediyesi"/"belediyemiz" share most of their features.  The
n-grams of each distinct word are computed once, and a document's vector is its
word counts times the word-to-n-gram matrix: on a large pool this is many times
faster than cutting every document separately.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp  # type: ignore[import-untyped, unused-ignore]

_ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_FOLD = str.maketrans(
    {
        "\u0622": "\u0627",  # alef with madda
        "\u0623": "\u0627",  # alef with hamza above
        "\u0625": "\u0627",  # alef with hamza below
        "\u0671": "\u0627",  # alef wasla
        "\u0649": "\u064a",  # alef maksura -> yeh
        "\u06cc": "\u064a",  # farsi yeh
        "\u0626": "\u064a",  # yeh with hamza
        "\u0624": "\u0648",  # waw with hamza
        "\u0629": "\u0647",  # teh marbuta -> heh
        "\u06a9": "\u0643",  # keheh -> kaf
        **{chr(0x0660 + digit): str(digit) for digit in range(10)},
        **{chr(0x06F0 + digit): str(digit) for digit in range(10)},
    }
)
_LATIN_FOLD = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ß": "ss",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "’": "'",
    }
)
# The article and the prepositions that cling to it; only stripped when enough
# of the word is left to carry meaning.
_ARABIC_PREFIXES = ("وبال", "وال", "بال", "كال", "فال", "لل", "ال")
_WORD = re.compile(r"\w+", re.UNICODE)
_TURKIC = frozenset({"tr", "az"})


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _fold_case(text: str, language: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    if language in _TURKIC:
        text = text.replace("I", "ı").replace("İ", "i")
    return _ARABIC_DIACRITICS.sub("", text.casefold())


def _fold_word(word: str) -> str:
    word = word.translate(_ARABIC_FOLD)
    if not word.isascii():
        word = _COMBINING.sub("", unicodedata.normalize("NFD", word))
        word = unicodedata.normalize("NFC", word).translate(_LATIN_FOLD)
    return word


def _strip_arabic_prefix(word: str) -> str:
    if word and "\u0621" <= word[0] <= "\u064a":
        for prefix in _ARABIC_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                return word[len(prefix) :]
    return word


def raw_tokens(text: str, language: str = "") -> list[str]:
    """Case-folded tokens, before the per-word folding that `normal_word` does."""
    return _WORD.findall(_fold_case(text, language))


def normal_word(token: str) -> str:
    """The compared form of one token from `raw_tokens`."""
    return _strip_arabic_prefix(_fold_word(token))


def words(text: str, language: str = "") -> list[str]:
    """The compared forms of the words of a text."""
    return [normal_word(token) for token in raw_tokens(text, language)]


def normalise(text: str, language: str = "") -> str:
    """Fold a text to the form that texts in any language are compared in."""
    return " ".join(words(text, language))


def word_features(word: str, smallest: int = 3, largest: int = 5) -> list[str]:
    """The whole word plus its character n-grams, with the boundaries marked."""
    padded = f" {word} "
    features = [padded]
    for size in range(smallest, largest + 1):
        features.extend(padded[i : i + size] for i in range(len(padded) - size + 1))
    return features


class TextSpace:
    """TF-IDF over character n-grams, fitted on one pool of texts.

    Vectors are L2-normalised, so that a dot product is the cosine similarity.
    Words never seen when fitting still get the n-grams the fitted feature set
    knows.  Tokens are folded once per distinct token, not once per occurrence.
    """

    def __init__(self, smallest: int = 3, largest: int = 5) -> None:
        self.smallest = smallest
        self.largest = largest
        self._tokens: dict[str, int] = {}  # raw token -> word id
        self._words: dict[str, int] = {}  # normalised word -> word id
        self._features: dict[str, int] = {}
        self._word_rows: list[list[int]] = []
        self._word_matrix = sp.csr_matrix((0, 0), dtype=np.float32)
        self.idf: npt.NDArray[np.float32] = np.zeros(0, dtype=np.float32)
        self.word_document_frequency: npt.NDArray[np.int64] = np.zeros(0, dtype=np.int64)
        self.documents = 0

    @property
    def feature_count(self) -> int:
        return len(self._features)

    def word_rarity(self, word: str) -> float:
        """Inverse document frequency of a normalised word (0 for a word never seen)."""
        position = self._words.get(word)
        if position is None or position >= len(self.word_document_frequency):
            return 0.0
        frequency = int(self.word_document_frequency[position])
        return float(np.log((1 + self.documents) / (1 + frequency)))

    def _word_id(self, token: str, grow: bool) -> int:
        word = normal_word(token)
        position = self._words.get(word)
        if position is None:
            features = self._features
            grams = word_features(word, self.smallest, self.largest)
            if grow:
                columns = [features.setdefault(gram, len(features)) for gram in grams]
            else:
                columns = [features[gram] for gram in grams if gram in features]
            position = len(self._word_rows)
            self._words[word] = position
            self._word_rows.append(columns)
        self._tokens[token] = position
        return position

    def word_counts(self, texts: Sequence[tuple[str, str]], grow: bool = False) -> sp.csr_matrix:
        """Documents x words, raw counts; `grow` lets new n-grams into the feature set."""
        tokens = self._tokens
        indptr = np.zeros(len(texts) + 1, dtype=np.int64)
        pieces: list[list[int]] = []
        total = 0
        for row, (text, language) in enumerate(texts):
            ids = [
                position
                if (position := tokens.get(token)) is not None
                else self._word_id(token, grow)
                for token in raw_tokens(text, language)
            ]
            pieces.append(ids)
            total += len(ids)
            indptr[row + 1] = total
        indices = np.fromiter(
            (position for ids in pieces for position in ids), dtype=np.int64, count=total
        )
        doc_words = sp.csr_matrix(
            (np.ones(total, dtype=np.float32), indices, indptr),
            shape=(len(texts), len(self._word_rows)),
        )
        doc_words.sum_duplicates()
        return doc_words

    def _word_feature_matrix(self) -> sp.csr_matrix:
        lengths = np.fromiter((len(row) for row in self._word_rows), dtype=np.int64)
        indptr = np.concatenate([[0], np.cumsum(lengths)])
        indices = np.fromiter(
            (column for row in self._word_rows for column in row),
            dtype=np.int64,
            count=int(indptr[-1]),
        )
        matrix = sp.csr_matrix(
            (np.ones(len(indices), dtype=np.float32), indices, indptr),
            shape=(len(self._word_rows), len(self._features)),
        )
        matrix.sum_duplicates()
        return matrix

    def fit(self, texts: Sequence[tuple[str, str]], chunk: int = 20_000) -> sp.csr_matrix:
        """Learn words, n-grams and IDF from (text, language) pairs.

        Returns the documents x words counts, from which `weigh` makes vectors
        chunk by chunk: the documents x n-grams matrix of a large pool is many
        times larger and never has to exist whole.
        """
        doc_words = self.word_counts(texts, grow=True)
        self.documents = doc_words.shape[0]
        self.word_document_frequency = np.bincount(
            doc_words.indices, minlength=doc_words.shape[1]
        ).astype(np.int64)
        self._word_matrix = self._word_feature_matrix()
        document_frequency = np.zeros(len(self._features), dtype=np.int64)
        for start in range(0, doc_words.shape[0], chunk):
            grams = sp.csr_matrix(doc_words[start : start + chunk] @ self._word_matrix)
            document_frequency += np.bincount(grams.indices, minlength=len(self._features))
        self.idf = (np.log((1 + doc_words.shape[0]) / (1 + document_frequency)) + 1).astype(
            np.float32
        )
        return doc_words

    def weigh(self, doc_words: sp.csr_matrix) -> sp.csr_matrix:
        """TF-IDF vectors, L2-normalised, of documents given as word counts."""
        if doc_words.shape[1] > self._word_matrix.shape[0]:
            self._word_matrix = self._word_feature_matrix()
        counts = sp.csr_matrix(doc_words @ self._word_matrix[: doc_words.shape[1]])
        # Sublinear term frequency through a table: counts are small integers and
        # a gather is many times faster than log1p over every stored value.
        integral = counts.data.astype(np.int64)
        table = np.log1p(np.arange(int(integral.max(initial=0)) + 1, dtype=np.float64))
        data = table.astype(np.float32)[integral] * self.idf[counts.indices]
        weighted = sp.csr_matrix((data, counts.indices, counts.indptr), shape=counts.shape)
        return l2_normalise(weighted)

    def vectors(self, texts: Sequence[tuple[str, str]]) -> sp.csr_matrix:
        return self.weigh(self.word_counts(texts, grow=False))


def row_norms(matrix: sp.csr_matrix) -> npt.NDArray[np.float32]:
    squares = np.concatenate([matrix.data.astype(np.float32) ** 2, np.zeros(1, np.float32)])
    sums = np.add.reduceat(squares, np.minimum(matrix.indptr[:-1], len(squares) - 1))
    sums[np.diff(matrix.indptr) == 0] = 0.0
    return np.sqrt(sums).astype(np.float32)


def l2_normalise(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """Rows scaled to unit length (empty rows stay empty)."""
    matrix = sp.csr_matrix(matrix)
    norms = row_norms(matrix)
    norms[norms == 0] = 1.0
    scale = np.repeat((1.0 / norms).astype(np.float32), np.diff(matrix.indptr))
    data = matrix.data.astype(np.float32) * scale
    return sp.csr_matrix((data, matrix.indices, matrix.indptr), shape=matrix.shape)


@dataclass(frozen=True, slots=True)
class Sketch:
    """The strongest `width` features of each vector, as padded arrays.

    Similarities over millions of pairs need fixed-width rows: a full row of
    character n-grams holds hundreds of features.  On the development set,
    keeping the 64 strongest (without re-normalising, which also drops weak,
    generic n-grams) changed no metric by more than 0.002.
    """

    features: npt.NDArray[np.int64]  # (rows, width), -1 pads
    values: npt.NDArray[np.float32]  # (rows, width), 0 pads

    @classmethod
    def of(cls, matrix: sp.csr_matrix, width: int = 64) -> Sketch:
        matrix = sp.csr_matrix(matrix)
        rows = matrix.shape[0]
        features = np.full((rows, width), -1, dtype=np.int64)
        values = np.zeros((rows, width), dtype=np.float32)
        lengths = np.diff(matrix.indptr)
        longest = int(lengths.max(initial=0))
        if longest == 0:
            return cls(features, values)
        position = np.arange(longest)
        present = position[None, :] < lengths[:, None]
        index = np.where(present, matrix.indptr[:-1, None] + position[None, :], 0)
        padded = np.where(present, matrix.data[index], -1.0).astype(np.float32)
        keep = min(width, longest)
        if longest > keep:
            chosen = np.argpartition(-padded, keep - 1, axis=1)[:, :keep]
        else:
            chosen = np.broadcast_to(position[None, :keep], (rows, keep))
        chosen_values = np.take_along_axis(padded, chosen, axis=1)
        chosen_features = matrix.indices[np.take_along_axis(index, chosen, axis=1)]
        valid = chosen_values > 0
        features[:, :keep] = np.where(valid, chosen_features, -1)
        values[:, :keep] = np.where(valid, chosen_values, 0.0)
        return cls(features, values)

    @classmethod
    def stack(cls, parts: Sequence[Sketch]) -> Sketch:
        return cls(
            np.concatenate([part.features for part in parts]),
            np.concatenate([part.values for part in parts]),
        )

    def __len__(self) -> int:
        return len(self.features)


def sketch_similarity(
    left: Sketch,
    right: Sketch,
    left_rows: npt.NDArray[np.int64],
    right_rows: npt.NDArray[np.int64],
    features: int,
    group_size: int = 512,
) -> npt.NDArray[np.float32]:
    """Dot products of left[left_rows[k]] and right[right_rows[k]] for every k.

    Pairs are handled by groups of left rows: the group's rows are spread into
    a small dense matrix over the features they use, and each right row looks
    its features up there.  The cost is one lookup per stored feature of the
    right row, whatever the size of the vocabulary.
    """
    result = np.zeros(len(left_rows), dtype=np.float32)
    if len(left_rows) == 0:
        return result
    order = np.argsort(left_rows, kind="stable")
    sorted_left = left_rows[order]
    local_column = np.full(features, -1, dtype=np.int64)
    distinct = np.unique(sorted_left)
    for start in range(0, len(distinct), group_size):
        group = distinct[start : start + group_size]
        first = int(np.searchsorted(sorted_left, group[0], side="left"))
        last = int(np.searchsorted(sorted_left, group[-1], side="right"))
        pairs = order[first:last]
        group_features = left.features[group]
        used = np.unique(group_features[group_features >= 0])
        local_column[used] = np.arange(len(used))
        # The extra last column stays zero: features the group lacks land there.
        dense = np.zeros((len(group), len(used) + 1), dtype=np.float32)
        present = group_features >= 0
        rows_of = np.broadcast_to(np.arange(len(group))[:, None], group_features.shape)
        dense[rows_of[present], local_column[group_features[present]]] = left.values[group][present]
        group_row = np.searchsorted(group, left_rows[pairs])
        right_features = right.features[right_rows[pairs]]
        columns = np.where(right_features >= 0, local_column[np.maximum(right_features, 0)], -1)
        looked_up = dense[group_row[:, None], columns]
        result[pairs] = (looked_up * right.values[right_rows[pairs]]).sum(axis=1)
        local_column[used] = -1
    return result
