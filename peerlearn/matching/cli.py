"""`peerlearn-match`: rank, assign, evaluate and bench from the command line.

Bad input is reported on one line naming the record and the field, with exit
status 2; so are usage errors (argparse's convention).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from peerlearn.matching.benchmark_format import load_benchmark
from peerlearn.matching.engine import propose_matches, rank_offers
from peerlearn.matching.model import InvalidInput
from peerlearn.matching.solvers import SOLVERS, SolverError, SolverName

EXIT_BAD_INPUT = 2


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an integer") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be at least 1")
    return value


def _not_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an integer") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must not be negative")
    return value


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="peerlearn-match",
        description="Match needs of local governments to offers of expertise.",
    )
    commands = main_parser.add_subparsers(dest="command", required=True)
    rank = commands.add_parser("rank", help="best offers for every need, as JSON")
    rank.add_argument("file", help="a peerlearn-matching-benchmark/1 file")
    rank.add_argument("--top", type=_positive, default=10, help="offers per need (default 10)")
    assign = commands.add_parser("assign", help="assign offers to needs, as JSON")
    assign.add_argument("file")
    assign.add_argument("--solver", choices=SOLVERS, default="optimal")
    evaluate = commands.add_parser("evaluate", help="MRR, P@1, nDCG@5 and assignment ratio")
    evaluate.add_argument("file")
    evaluate.add_argument(
        "--baseline", action="store_true", help="also measure the thirty-line baseline"
    )
    bench = commands.add_parser("bench", help="time and memory on a synthetic pool")
    bench.add_argument("--needs", type=_positive, required=True)
    bench.add_argument("--offers", type=_positive, required=True)
    bench.add_argument(
        "--capacity", type=_positive, default=None, help="every offer's capacity (default 1-4)"
    )
    bench.add_argument("--seed", type=int, default=7)
    bench.add_argument(
        "--dense-size", type=_positive, default=None, help="side of the dense comparison (5000)"
    )
    bench.add_argument(
        "--loop-size", type=_not_negative, default=1000, help="side of the Python-loop baseline"
    )
    bench.add_argument(
        "--recall-sample", type=_not_negative, default=30, help="needs checked exhaustively"
    )
    bench.add_argument(
        "--general-dense-limit",
        type=_not_negative,
        default=3000,
        help="largest dense side also solved by the general min-cost flow",
    )
    return main_parser


def _rank(path: str, top: int, out: TextIO) -> None:
    benchmark = load_benchmark(path)
    ranking = rank_offers(benchmark.needs, benchmark.offers, benchmark.taxonomy, top=top)
    document = {
        need_id: [
            {
                "offer": ranked.offer_id,
                "score": ranked.score,
                "components": dict(ranked.components),
                "factors": dict(ranked.factors),
                "explanation": ranked.explanation.text,
            }
            for ranked in offers
        ]
        for need_id, offers in ranking.items()
    }
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _assign(path: str, solver: SolverName, out: TextIO) -> None:
    benchmark = load_benchmark(path)
    result = propose_matches(benchmark.needs, benchmark.offers, benchmark.taxonomy, solver=solver)
    document: dict[str, object] = {
        "matches": [
            {
                "need": proposal.need_id,
                "offer": proposal.offer_id,
                "score": proposal.score,
                "components": dict(proposal.components),
                "explanation": proposal.explanation.text,
                **({"session": proposal.session_id} if proposal.session_id else {}),
            }
            for proposal in result.proposals
        ],
        "unmatched": list(result.unmatched),
        "objective": result.objective,
        "solver": result.solver,
        "method": result.method,
    }
    if result.sessions:
        document["sessions"] = [
            {
                "id": session.id,
                "offer": session.offer_id,
                "topic": session.topic,
                "language": session.language,
                "modality": session.modality,
                "needs": list(session.need_ids),
            }
            for session in result.sessions
        ]
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _evaluate(path: str, baseline: bool, out: TextIO) -> None:
    from peerlearn.matching.evaluation import evaluate_baseline, evaluate_engine

    benchmark = load_benchmark(path)
    if not benchmark.relevance:
        raise InvalidInput(path, "relevance", "the file has no graded pairs to evaluate against")
    if baseline:
        base = evaluate_baseline(benchmark)
        out.write("\n".join(base.lines("thirty-line baseline (topic overlap + char TF-IDF)")))
        out.write(f"\n  {base.summary()}\n\n")
    quality = evaluate_engine(benchmark)
    out.write("\n".join(quality.lines("peerlearn matching engine")) + "\n")
    out.write(quality.summary() + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    out = sys.stdout
    try:
        if arguments.command == "rank":
            _rank(arguments.file, arguments.top, out)
        elif arguments.command == "assign":
            _assign(arguments.file, arguments.solver, out)
        elif arguments.command == "evaluate":
            _evaluate(arguments.file, arguments.baseline, out)
        else:
            from peerlearn.matching.bench import run

            run(
                arguments.needs,
                arguments.offers,
                capacity=arguments.capacity,
                seed=arguments.seed,
                dense_size=arguments.dense_size,
                loop_size=arguments.loop_size,
                recall_sample=arguments.recall_sample,
                general_dense_limit=arguments.general_dense_limit,
                out=out,
            )
    except InvalidInput as error:
        print(f"peerlearn-match: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except SolverError as error:
        print(f"peerlearn-match: solver failed: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader (e.g. `head`) stopped reading: not an error of ours.
        sys.stderr.close()
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
