"""The topic tree: thematic areas, topics below them, stable codes, labels in many languages."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from peerlearn.matching.model import InvalidInput, Topic


@dataclass(frozen=True, slots=True)
class TreeCloseness:
    """How close two topics are on the tree, in [0, 1].

    Same topic beats an ancestor/descendant (one person ticked only the thematic
    area), which beats a sibling (same parent, a neighbouring problem), which
    beats two topics that only share their thematic area further up.
    """

    same: float = 1.0
    ancestor: float = 0.6
    sibling: float = 0.45
    same_area: float = 0.25


DEFAULT_CLOSENESS = TreeCloseness()


class Taxonomy:
    def __init__(self, topics: Sequence[Topic]) -> None:
        self.topics: tuple[Topic, ...] = tuple(topics)
        self.index: dict[str, int] = {}
        for position, topic in enumerate(self.topics):
            if topic.code in self.index:
                raise InvalidInput(f"topic {topic.code}", "code", "appears twice")
            self.index[topic.code] = position
        for topic in self.topics:
            if topic.parent is not None and topic.parent not in self.index:
                raise InvalidInput(
                    f"topic {topic.code}", "parent", f"unknown topic code {topic.parent!r}"
                )
        self._chains = {topic.code: self._chain(topic.code) for topic in self.topics}

    def _chain(self, code: str) -> tuple[str, ...]:
        """The code and its ancestors, nearest first."""
        chain = [code]
        parent = self.topics[self.index[code]].parent
        while parent is not None:
            if parent in chain:
                raise InvalidInput(f"topic {code}", "parent", "the parents form a cycle")
            chain.append(parent)
            parent = self.topics[self.index[parent]].parent
        return tuple(chain)

    def __len__(self) -> int:
        return len(self.topics)

    def __contains__(self, code: object) -> bool:
        return code in self.index

    def topic(self, code: str) -> Topic:
        return self.topics[self.index[code]]

    def ancestors(self, code: str) -> tuple[str, ...]:
        return self._chains[code][1:]

    def area(self, code: str) -> str:
        return self._chains[code][-1]

    def languages(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for topic in self.topics:
            for language in topic.labels:
                seen.setdefault(language, None)
        return tuple(seen)

    def closeness(self, a: str, b: str, weights: TreeCloseness = DEFAULT_CLOSENESS) -> float:
        if a == b:
            return weights.same
        chain_a, chain_b = self._chains[a], self._chains[b]
        if a in chain_b or b in chain_a:
            return weights.ancestor
        if len(chain_a) > 1 and len(chain_b) > 1 and chain_a[1] == chain_b[1]:
            return weights.sibling
        if chain_a[-1] == chain_b[-1]:
            return weights.same_area
        return 0.0

    def closeness_matrix(
        self, weights: TreeCloseness = DEFAULT_CLOSENESS
    ) -> npt.NDArray[np.float32]:
        codes = [topic.code for topic in self.topics]
        size = len(codes)
        matrix = np.zeros((size, size), dtype=np.float32)
        for i, a in enumerate(codes):
            for j, b in enumerate(codes):
                matrix[i, j] = self.closeness(a, b, weights)
        return matrix

    def check_codes(self, record: str, codes: Iterable[str]) -> None:
        for code in codes:
            if code not in self.index:
                raise InvalidInput(record, "topics", f"unknown topic code {code!r}")
