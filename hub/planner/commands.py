"""`octohub plan`, `octohub train` and `octohub eval`."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.table import Table

out = Console()
err = Console(stderr=True)


def parse_context(pairs: list[str] | None) -> dict[str, str]:
    context: dict[str, str] = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise typer.BadParameter(f"expected key=value, got {pair!r}")
        context[key.strip()] = value.strip().strip('"')
    return context


def load_planner(model: Path | None, inventory: Path | None, kinds: list[str] | None = None) -> Any:
    """The planner, constrained to the built-in adapters' live manifests."""
    from hub.planner.planner import Planner
    from hub.planner.train import builtin_manifests

    try:
        planner = Planner.load(model)
    except (FileNotFoundError, OSError, ValueError) as exc:
        err.print(f"[red]error:[/red] cannot load the planner: {exc}")
        raise typer.Exit(2) from None
    known = kinds or sorted({f.split(".", 1)[0] for f in planner.table.functions})
    try:
        planner.use_manifests(builtin_manifests(known, str(inventory) if inventory else None))
    except (OSError, ValueError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    return planner


def render_plan(plan: Any) -> str:
    if not plan.calls:
        return "(no function applies)"
    lines = []
    for call in plan.calls:
        args = ", ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in call.args.items())
        lines.append(f"{call.id}  {call.function}({args})")
    return "\n".join(lines)


def register(app: typer.Typer) -> None:
    @app.command()
    def plan(
        request: Annotated[Optional[str], typer.Argument(help="The request, in words")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print the Plan as JSON")] = False,
        jsonl: Annotated[bool, typer.Option("--jsonl", help="Read JSON lines from stdin")] = False,
        context: Annotated[Optional[list[str]], typer.Option(help='key=value, e.g. area="Living Room"')] = None,
        model: Annotated[Optional[Path], typer.Option(help="Model directory")] = None,
        inventory: Annotated[Optional[Path], typer.Option(help="Home inventory YAML")] = None,
    ) -> None:
        """Print the plan for a request (or for each JSON line on stdin)."""
        from hub import logs

        logs.configure("warning")
        if not jsonl and request is None:
            err.print("[red]error:[/red] give a REQUEST, or --jsonl with requests on stdin")
            raise typer.Exit(2)
        from hub.planner.planner import PlanningError

        planner = load_planner(model, inventory)
        if not jsonl:
            try:
                result = planner.plan(request, parse_context(context))
            except (ValueError, PlanningError) as exc:  # e.g. an Octopus answer that won't parse
                err.print(f"[red]error:[/red] no plan: {exc}")
                raise typer.Exit(1) from None
            print(result.model_dump_json(indent=2) if as_json else render_plan(result))
            return
        for n, line in enumerate(sys.stdin, 1):
            line = line.strip()
            if not line:
                continue
            try:
                item = json.loads(line) if line.startswith("{") else {"query": line}
                query, ctx = item["query"], item.get("context") or {}
                if not isinstance(query, str) or not isinstance(ctx, dict):
                    raise ValueError("query must be a string and context an object")
                print(planner.plan(query, ctx).model_dump_json(), flush=True)
            except (ValueError, KeyError, TypeError, PlanningError) as exc:  # one bad line, not the run
                print(json.dumps({"error": f"line {n}: {exc}"}), flush=True)

    @app.command()
    def train(
        kinds: Annotated[str, typer.Option(help="Device kinds to learn")] = "phone,car,home",
        inventory: Annotated[Optional[Path], typer.Option(help="Home inventory YAML")] = None,
        out: Annotated[Path, typer.Option(help="Output directory")] = Path("runs/planner"),
        base: Annotated[Optional[Path], typer.Option(help="A local causal LM to fine-tune")] = None,
        lora: Annotated[bool, typer.Option(help="LoRA (rank 16, alpha 32) instead of full")] = False,
        seed: int = 0,
        per_function: Annotated[int, typer.Option(help="Single-call examples per function")] = 400,
        prior_per_function: Annotated[int, typer.Option(
            help="Examples per function drawn for the first choice's prior (neighbours), also with --neighbours-only")] = 100,
        epochs: float = 3.0,
        max_minutes: float = 19.0,
        manifests: Annotated[Optional[Path], typer.Option(
            help="JSON list of DeviceManifests to learn (default: the built-in adapters)")] = None,
        hidden: int = 256,
        layers: int = 2,
        int8_encoder: Annotated[bool, typer.Option(help="int8 encoder (faster; the decoder trains on its states)")] = True,
        neighbours_only: Annotated[bool, typer.Option(
            help="Only rebuild the first choice's prior (neighbours.safetensors) for the model at --out")] = False,
    ) -> None:
        """Generate data from the manifests, train, and save (safetensors + token map)."""
        from hub import logs
        from hub.planner.train import TrainConfig, rebuild_neighbours, train as run

        logs.configure("info")
        if neighbours_only:
            count = rebuild_neighbours(out, [k.strip() for k in kinds.split(",") if k.strip()], seed, prior_per_function)
            print(json.dumps({"out": str(out), "neighbours": count}))
            return
        report = run(TrainConfig(kinds=[k.strip() for k in kinds.split(",") if k.strip()],
                                 inventory=str(inventory) if inventory else None, out=str(out),
                                 base=str(base) if base else None, lora=lora, seed=seed,
                                 per_function=per_function, prior_per_function=prior_per_function,
                                 epochs=epochs, max_minutes=max_minutes,
                                 manifests_file=str(manifests) if manifests else None,
                                 hidden=hidden, layers=layers, int8_encoder=int8_encoder))
        out_summary = {k: report[k] for k in ("backbone", "examples", "steps", "final_loss", "minutes")}
        print(json.dumps({"out": str(out), **out_summary}))

    @app.command("eval")
    def evaluate(
        file: Annotated[Path, typer.Argument(help="JSONL: query, context?, expected")],
        model: Annotated[Optional[Path], typer.Option(help="Model directory")] = None,
        inventory: Annotated[Optional[Path], typer.Option(help="Home inventory YAML")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
        show_errors: Annotated[int, typer.Option(help="Print this many wrong answers")] = 0,
    ) -> None:
        """Score a planner: function choice, exact call/plan, no-call, latency."""
        from hub import logs
        from hub.planner.evaluate import LABELS, evaluate as score, load_cases

        logs.configure("warning")
        try:
            cases = load_cases(file)
        except (OSError, ValueError) as exc:
            err.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from None
        planner = load_planner(model, inventory)
        report = score(planner, cases)
        if as_json:
            print(json.dumps({k: v for k, v in report.items() if k != "errors" or show_errors}, indent=1))
            return
        table = Table("metric", "value", title=f"{file} ({report['cases']} requests: {report['single']} "
                      f"single, {report['multi']} multi, {report['irrelevant']} irrelevant)")
        for label, key, unit in LABELS:
            value = report[key]
            table.add_row(label, "-" if value is None else f"{value}{unit}")
        out.print(table)
        for item in report["errors"][:show_errors]:
            out.print(f"[yellow]{item['query']}[/yellow] {item.get('context') or ''}\n"
                      f"  expected {json.dumps(item['expected'], ensure_ascii=False)}\n"
                      f"  got      {json.dumps(item['predicted'], ensure_ascii=False)}"
                      + (f"\n  error    {item['error']}" if item["error"] else ""))
