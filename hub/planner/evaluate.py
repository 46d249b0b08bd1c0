"""Score a planner on a JSONL file of {"query", "context"?, "expected": Plan.calls}.

Arguments compare after normalisation: strings case-folded, trimmed, trailing
punctuation dropped; numbers by value; a nested call by its own function and args.
Parallel calls compare order-free.
"""
from __future__ import annotations

import json
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

from tqdm import tqdm

from hub.planner.planner import Planner
from protocols.plan import Plan, is_ref


def load_cases(path: str | Path) -> list[dict[str, Any]]:
    cases = []
    for n, line in enumerate(Path(path).read_text().splitlines(), 1):
        if line.strip():
            case = json.loads(line)
            if "query" not in case or "expected" not in case:
                raise ValueError(f"{path}:{n}: each line needs query and expected")
            cases.append(case)
    return cases


def normalise(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        return " ".join(value.casefold().split()).strip(" .!?,;:")
    return value


def canonical(calls: list[dict[str, Any]]) -> Counter[Any]:
    """Each root call as a hashable tree; a multiset, so parallel order does not matter."""
    by_id = {c["id"]: c for c in calls}
    used = {v["$ref"] for c in calls for v in c.get("args", {}).values() if is_ref(v)}

    def tree(call: dict[str, Any]) -> Any:
        args = tuple(sorted((k, tree(by_id[v["$ref"]]) if is_ref(v) else normalise(v))
                            for k, v in call.get("args", {}).items()))
        return call["function"], args

    return Counter(tree(c) for c in calls if c["id"] not in used)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def evaluate(planner: Planner, cases: list[dict[str, Any]], progress: bool = True) -> dict[str, Any]:
    rows = []
    for case in tqdm(cases, desc="evaluating", disable=not progress, mininterval=2.0):
        started = time.perf_counter()
        try:
            plan = planner.plan(case["query"], case.get("context"))
            predicted = [c.model_dump() for c in plan.calls]
            error = None
        except Exception as exc:  # a crash is a wrong answer, and is reported
            predicted, error = [], f"{type(exc).__name__}: {exc}"
        rows.append({"case": case, "predicted": predicted, "error": error,
                     "ms": (time.perf_counter() - started) * 1e3})
    return summarise(rows)


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    def functions(calls: list[dict[str, Any]]) -> list[str]:
        return sorted(c["function"] for c in calls)

    positive = [r for r in rows if r["case"]["expected"]]
    single = [r for r in positive if len(r["case"]["expected"]) == 1]
    multi = [r for r in positive if len(r["case"]["expected"]) > 1]
    negative = [r for r in rows if not r["case"]["expected"]]
    predicted_none = [r for r in rows if not r["predicted"]]
    for r in rows:
        r["function_ok"] = functions(r["predicted"]) == functions(r["case"]["expected"])
        r["exact"] = canonical(r["predicted"]) == canonical(r["case"]["expected"])

    def share(items: list[dict[str, Any]], key: str) -> float | None:
        return round(100 * sum(r[key] for r in items) / len(items), 2) if items else None

    true_none = [r for r in predicted_none if not r["case"]["expected"]]
    return {
        "cases": len(rows), "single": len(single), "multi": len(multi), "irrelevant": len(negative),
        "function_choice_pct": share(positive, "function_ok"),
        "function_choice_single_pct": share(single, "function_ok"),
        "exact_call_pct": share(single, "exact"),
        "exact_plan_multi_pct": share(multi, "exact"),
        "no_call_precision_pct": round(100 * len(true_none) / len(predicted_none), 2) if predicted_none else None,
        "no_call_recall_pct": share(negative, "exact"),
        "refused_real_pct": round(100 * sum(not r["predicted"] for r in positive) / len(positive), 2) if positive else None,
        "latency_single_p50_ms": round(statistics.median([r["ms"] for r in single]), 2) if single else None,
        "latency_single_p95_ms": round(pct([r["ms"] for r in single], 0.95), 2),
        "latency_multi_p50_ms": round(statistics.median([r["ms"] for r in multi]), 2) if multi else None,
        "latency_multi_p95_ms": round(pct([r["ms"] for r in multi], 0.95), 2),
        "errors": [{"query": r["case"]["query"], "context": r["case"].get("context"),
                    "expected": r["case"]["expected"], "predicted": r["predicted"], "error": r["error"]}
                   for r in rows if not r["exact"]],
    }


LABELS = [
    ("function choice (all real requests)", "function_choice_pct", "%"),
    ("exact call (single-call requests)", "exact_call_pct", "%"),
    ("exact plan (parallel/nested requests)", "exact_plan_multi_pct", "%"),
    ("no-call precision", "no_call_precision_pct", "%"),
    ("no-call recall (irrelevant -> no call)", "no_call_recall_pct", "%"),
    ("real requests refused", "refused_real_pct", "%"),
    ("plan latency single p50", "latency_single_p50_ms", " ms"),
    ("plan latency single p95", "latency_single_p95_ms", " ms"),
    ("plan latency composite p50", "latency_multi_p50_ms", " ms"),
    ("plan latency composite p95", "latency_multi_p95_ms", " ms"),
]


def check_plan(calls: list[dict[str, Any]]) -> None:
    """Expected calls must themselves be a valid Plan (refs backwards, unique ids)."""
    Plan.model_validate({"calls": calls})
