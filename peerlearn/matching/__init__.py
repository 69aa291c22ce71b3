"""PeerLearn's matching engine: plain Python, no Django.

The Django side calls `propose_matches` (or `rank_offers`) with the plain
data below and gets back proposals with scores, components, explanations made
of translatable parts, and alternates.  See docs/matching.md.
"""

from peerlearn.matching.benchmark_format import Benchmark, load_benchmark, parse_benchmark
from peerlearn.matching.engine import (
    GroupSession,
    MatchingResult,
    ProgressCallback,
    Proposal,
    RankedOffer,
    UnplacedPin,
    propose_matches,
    rank_offers,
)
from peerlearn.matching.explanation import Explanation
from peerlearn.matching.messages import Part, Term, gettext_noop, render
from peerlearn.matching.model import (
    Constraints,
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
    Weights,
)
from peerlearn.matching.solvers import SOLVERS, SolverError, SolverName
from peerlearn.matching.taxonomy import Taxonomy

__all__ = [
    "SOLVERS",
    "Benchmark",
    "Constraints",
    "Explanation",
    "GroupSession",
    "HelpKind",
    "InvalidInput",
    "MatchingResult",
    "Modality",
    "Need",
    "Offer",
    "OrgKind",
    "Organisation",
    "Part",
    "Person",
    "ProgressCallback",
    "Proposal",
    "RankedOffer",
    "Role",
    "Scope",
    "SolverError",
    "SolverName",
    "Taxonomy",
    "Term",
    "Topic",
    "UnplacedPin",
    "Weights",
    "gettext_noop",
    "load_benchmark",
    "parse_benchmark",
    "propose_matches",
    "rank_offers",
    "render",
]
