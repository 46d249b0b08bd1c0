"""Planner accuracy, latency and prompt length on the held-out dev set.

    .venv/bin/python benchmarks/planner.py [--model DIR ...] [--data benchmarks/data/dev.jsonl] [--clauses both]

For each model: the `octohub eval` figures (function choice, exact call, exact plan,
no-call precision/recall, latency p50/p95), measured one after another in this run;
with `--clauses both`, each model also without clause-by-clause planning (what that
costs in latency and gives in accuracy, side by side). Then each model's no-call recall
on the near-miss irrelevant requests (benchmarks/data/dev_near_miss.jsonl).
Then the prompt length: the median tokens of our prompt (the request and its context
only) next to the same request with every function's description in the prompt, the
"describe-all" baseline that Octopus compares against.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hub import logs  # noqa: E402
from hub.planner.evaluate import LABELS, evaluate, load_cases  # noqa: E402
from hub.planner.model import render_prompt  # noqa: E402
from hub.planner.planner import DEFAULT_MODEL, Planner  # noqa: E402
from hub.planner.train import builtin_manifests  # noqa: E402

DEV = Path(__file__).resolve().parent / "data" / "dev.jsonl"
NEAR_MISS = Path(__file__).resolve().parent / "data" / "dev_near_miss.jsonl"


def describe_all(manifests: list, request: str, context: str | None) -> str:  # type: ignore[type-arg]
    functions = [{"name": f"{m.kind}.{f.name}", "description": f.description, "parameters": f.parameters}
                 for m in manifests for f in m.functions]
    return ("You can call these functions:\n" + "\n".join(json.dumps(f) for f in functions)
            + f"\n\nQuery: {request}" + (f"\nContext: {context}" if context else "") + "\nResponse:")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", action="append", type=Path, help="model dir (repeatable)")
    parser.add_argument("--data", type=Path, default=DEV)
    parser.add_argument("--limit", type=int, default=0, help="only the first N requests")
    parser.add_argument("--clauses", choices=["on", "both"], default="on",
                        help="both: also measure each model without clause-by-clause planning")
    args = parser.parse_args()
    logs.configure("warning")
    cases = load_cases(args.data)[: args.limit or None]
    models = args.model or [DEFAULT_MODEL]
    manifests = builtin_manifests(["phone", "car", "home"])
    reports = {}
    near_miss: dict[str, float | None] = {}
    for path in models:
        planner = Planner.load(path)
        planner.use_manifests(manifests)
        for case in cases[:20]:  # warm up
            planner.plan(case["query"], case.get("context"))
        for by_clauses in ([True, False] if args.clauses == "both" else [True]):
            planner.by_clauses = by_clauses
            name = Path(path).name + ("" if by_clauses else " (no clause planning)")
            reports[name] = evaluate(planner, cases)
            near_miss[name] = evaluate(planner, load_cases(NEAR_MISS), progress=False)["no_call_recall_pct"]

    print(f"\n{args.data}: {len(cases)} requests")
    width = max(len(label) for label, _, _ in LABELS)
    column = max(14, *(len(name) for name in reports))
    print(f"{'':<{width}}  " + "  ".join(f"{name:>{column}}" for name in reports))
    for label, key, unit in LABELS:
        cells = ["-" if r[key] is None else f"{r[key]}{unit}" for r in reports.values()]
        print(f"{label:<{width}}  " + "  ".join(f"{c:>{column}}" for c in cells))
    print(f"{'no-call recall, near misses':<{width}}  " + "  ".join(f"{f'{r}%':>{column}}" for r in near_miss.values())
          + f"   ({NEAR_MISS.name})")

    tokenizer = Planner.load(models[0]).backbone.tokenizer
    ours, baseline = [], []
    for case in cases:
        query, context = render_prompt(case["query"], case.get("context"))
        ours.append(len(tokenizer(query, context)["input_ids"]) if context
                    else len(tokenizer(query)["input_ids"]))
        baseline.append(len(tokenizer(describe_all(manifests, query, context))["input_ids"]))
    ratio = statistics.median(ours) / statistics.median(baseline)
    print(f"\nprompt tokens, median: ours {statistics.median(ours):.0f}, describe-all "
          f"{statistics.median(baseline):.0f} ({len([f for m in manifests for f in m.functions])} "
          f"functions): {100 * ratio:.2f}% (goal <= 5%)")


if __name__ == "__main__":
    main()
