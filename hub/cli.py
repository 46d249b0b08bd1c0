"""The `octohub` command (typer)."""
from __future__ import annotations

import asyncio
import json
import signal
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.columns import Columns
from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.prompt import Confirm
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from hub import logs
from hub.bus import Bus, BusError, Message, RequestTimeout
from hub.settings import DEFAULT_CONFIRM, Settings
from protocols import HubReply, ProtocolError, Topics, decode, encode
from protocols.messages import (
    AskProgress,
    AskRequest,
    CallCommand,
    CallOutcome,
    ConfirmRequest,
    DevicesRequest,
    HubMessage,
)
from protocols.plan import Plan, is_ref

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="octohub: a home hub that routes device calls over MQTT.")
out = Console()
err = Console(stderr=True)

Broker = Annotated[str, typer.Option("--broker", envvar="OCTOHUB_BROKER",
                                     help="MQTT broker URL")]
HubId = Annotated[str, typer.Option("--hub-id", envvar="OCTOHUB_HUB_ID", help="Hub id")]
Root = Annotated[str, typer.Option("--root", envvar="OCTOHUB_ROOT", help="Topic root")]
DEFAULT_BROKER = "mqtt://127.0.0.1:1883"


def _run_until_signal(main: Any) -> None:
    """Run `main(stop_event)` until SIGINT/SIGTERM, then let it shut down cleanly."""
    async def runner() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await main(stop)

    try:
        asyncio.run(runner())
    except BusError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None


@app.command()
def hub(
    broker: Broker = DEFAULT_BROKER,
    hub_id: HubId = "home",
    db: Annotated[str, typer.Option("--db", envvar="OCTOHUB_DB", help="SQLite file")] = "octohub.db",
    root: Root = "octohub/v1",
    model: Annotated[str, typer.Option(envvar="OCTOHUB_MODEL",
                                       help='Planner directory, "default" (shipped) or "none"')] = "default",
    retrain: Annotated[bool, typer.Option(help="Retrain when devices of new kinds appear")] = True,
    retrain_args: Annotated[str, typer.Option(help="Extra `octohub train` flags for retrains")] = "",
    confirm: Annotated[str, typer.Option(
        envvar="OCTOHUB_CONFIRM", help='Which calls wait for confirmation, e.g. '
        '"sensitive, car.*, !phone.send_email" or "none" (docs/protocol.md)')] = DEFAULT_CONFIRM,
    default_devices: Annotated[str, typer.Option(
        envvar="OCTOHUB_DEFAULT_DEVICES",
        help='The device per kind when several could serve a call, e.g. "car=car-1"')] = "",
    log_level: str = "info",
) -> None:
    """Run the hub."""
    from pydantic import ValidationError

    from hub.service import Hub

    logs.configure(log_level)
    try:
        settings = Settings(broker=broker, hub_id=hub_id, db=db, root=root, model=model,
                            retrain=retrain, retrain_args=retrain_args, confirm=confirm,
                            default_devices=default_devices)
    except ValidationError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    _run_until_signal(Hub(settings).run)


@app.command()
def device(
    kind: Annotated[str, typer.Argument(help="phone, car or home")],
    device_id: Annotated[str, typer.Option("--id", help="Device id, e.g. phone-1")],
    inventory: Annotated[Optional[Path], typer.Option(help="Home inventory YAML")] = None,
    seed: int = 0,
    delay: Annotated[float, typer.Option(help="Seconds added to every call")] = 0.0,
    broker: Broker = DEFAULT_BROKER,
    root: Root = "octohub/v1",
    log_level: str = "info",
) -> None:
    """Run a simulated device adapter."""
    from devices import catalogue

    logs.configure(log_level)
    if not _valid_id(device_id):
        err.print(f"[red]error:[/red] invalid device id {device_id!r} (use [a-z0-9][a-z0-9-]*)")
        raise typer.Exit(2)
    try:
        adapter = catalogue.create(kind, device_id, seed=seed, inventory=inventory)
    except (KeyError, ValueError, OSError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    adapter.call_delay_s = delay
    _run_until_signal(lambda stop: adapter.serve(broker, topics=Topics(root), stop=stop))


def _valid_id(value: str) -> bool:
    from protocols.topics import valid_id
    return valid_id(value)


async def _ask_hub(broker: str, hub_id: str, root: str, build: Any, timeout: float) -> HubReply:
    async with Bus(broker, root=root) as bus:
        reply = await bus.request(Topics(root).hub_request(hub_id),
                                  lambda reply_to: encode(build(reply_to)), timeout=timeout)
    return decode(HubReply, reply.payload)


def _request(broker: str, hub_id: str, root: str, build: Any, timeout: float) -> HubReply:
    try:
        return asyncio.run(_ask_hub(broker, hub_id, root, build, timeout))
    except RequestTimeout:
        err.print(f"[red]error:[/red] hub {hub_id!r} did not answer within {timeout:g}s "
                  f"(is `octohub hub` running on {broker}?)")
        raise typer.Exit(3) from None
    except (BusError, ProtocolError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None


@app.command()
def devices(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    broker: Broker = DEFAULT_BROKER,
    hub_id: HubId = "home",
    root: Root = "octohub/v1",
) -> None:
    """List the devices the hub knows, with their state."""
    reply = _request(broker, hub_id, root, lambda rt: DevicesRequest(reply_to=rt), 5.0)
    listing = reply.devices or []
    if as_json:
        print(json.dumps([d.model_dump(mode="json") for d in listing], indent=2))
        return
    table = Table("device", "kind", "name", "state", "functions")
    for d in listing:
        colour = "green" if d.state == "online" else "red"
        table.add_row(d.device_id, d.kind, d.name, f"[{colour}]{d.state}[/{colour}]", str(d.functions))
    out.print(table)


def parse_kv(pairs: list[str]) -> dict[str, Any]:
    """key=value pairs; a value is JSON when it parses as JSON, else a string."""
    args: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise typer.BadParameter(f"expected key=value, got {pair!r}")
        try:
            args[key] = json.loads(value)
        except json.JSONDecodeError:
            args[key] = value
    return args


@app.command()
def call(
    target: Annotated[str, typer.Argument(help="DEVICE_ID.FUNCTION, e.g. phone-1.take_a_photo")],
    args: Annotated[Optional[list[str]], typer.Argument(help="key=value ...")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the CallResult as JSON")] = False,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for the result")] = 10.0,
    broker: Broker = DEFAULT_BROKER,
    hub_id: HubId = "home",
    root: Root = "octohub/v1",
) -> None:
    """Call one device function through the hub and print its CallResult."""
    kwargs = parse_kv(args or [])
    try:
        command = CallCommand(reply_to="-", target=target, args=kwargs, timeout_s=timeout)
    except ValueError as exc:
        err.print(f"[red]error:[/red] invalid target {target!r}: use DEVICE_ID.FUNCTION ({exc})")
        raise typer.Exit(2) from None
    reply = _request(broker, hub_id, root,
                     lambda rt: command.model_copy(update={"reply_to": rt}), timeout + 5)
    result = reply.result
    if as_json:
        print(result.model_dump_json(indent=2) if result else reply.model_dump_json(indent=2))
    elif result and result.status == "ok":
        value = result.value
        out.print(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
    if reply.status != "ok":
        error = reply.error or (result.error if result else None)
        code, message = (error.code.value, error.message) if error else ("error", "unknown")
        err.print(f"[red]{code}[/red]: {message}")
        raise typer.Exit(1)


@app.command()
def simulate(
    phones: Annotated[int, typer.Option(min=0, help="Simulated phones")] = 5,
    cars: Annotated[int, typer.Option(min=0, help="Simulated cars")] = 2,
    homes: Annotated[int, typer.Option(min=0, help="Simulated homes")] = 1,
    calls: Annotated[int, typer.Option(min=0, help="Calls to send through the hub; "
                                                   "0 serves the devices until Ctrl-C")] = 0,
    concurrency: Annotated[int, typer.Option(min=1, help="Calls in flight at once")] = 8,
    delay: Annotated[float, typer.Option(min=0, help="Seconds added to every call")] = 0.0,
    jitter: Annotated[float, typer.Option(min=0, help="Up to this many more seconds, random")] = 0.0,
    timeout: Annotated[float, typer.Option(min=0.1, help="Per-call timeout at the hub")] = 10.0,
    seed: int = 0,
    broker: Broker = DEFAULT_BROKER,
    root: Root = "octohub/v1",
    hub_id: HubId = "home",
    log_level: str = "warning",
) -> None:
    """Run a fleet of simulated devices in one process, optionally with load through the hub."""
    from simulations.fleet import simulate as run_fleet

    logs.configure(log_level)
    options = dict(phones=phones, cars=cars, homes=homes, calls=calls, concurrency=concurrency,
                   delay=delay, jitter=jitter, seed=seed, timeout_s=timeout, say=err.print)
    if not calls:
        _run_until_signal(lambda stop: run_fleet(broker, root, hub_id, stop=stop, **options))
        return
    try:
        summary = asyncio.run(run_fleet(broker, root, hub_id, **options))
    except BusError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    assert summary is not None
    out.print(summary.report(), highlight=False)
    if summary.unanswered:
        raise typer.Exit(1)


# ---- ask, confirm, history, demo ---------------------------------------------------------

# Exit codes of `ask` and `confirm`: 0 ok; 1 the request failed (error or partial, or
# declined); 2 bad usage or no broker; 3 the hub did not answer; 4 calls still wait for
# confirmation.
EXIT_FAILED, EXIT_NEEDS_CONFIRMATION = 1, 4
ASK_GRACE_SECONDS = 5.0  # how much longer than the request's deadline the CLI waits


async def stream_request(bus: Bus, topics: Topics, hub_id: str, build: Callable[[str], Any],
                         timeout: float,
                         on_progress: Callable[[AskProgress], None] | None = None) -> HubReply:
    """Send build(reply_to) to the hub; hand each AskProgress to on_progress as it comes,
    return the final HubReply. (bus.request() ends at the first message.)"""
    loop = asyncio.get_running_loop()
    corr = uuid.uuid4().hex
    reply_to = f"{topics.client_inbox(bus.client_id)}/{corr}"
    inbox: asyncio.Queue[Message] = asyncio.Queue()
    unsubscribe = await bus.subscribe(reply_to, inbox.put_nowait)
    try:
        bus.publish(topics.hub_request(hub_id), encode(build(reply_to)),
                    response_topic=reply_to, correlation=corr.encode(), expiry_s=timeout)
        deadline = loop.time() + timeout
        while True:
            try:
                message = await asyncio.wait_for(inbox.get(), max(0.0, deadline - loop.time()))
            except asyncio.TimeoutError:
                raise RequestTimeout(f"no reply from hub {hub_id!r} within {timeout:g}s") from None
            update = decode(HubMessage, message.payload)
            if isinstance(update, HubReply):
                return update
            if on_progress:
                on_progress(update)
    finally:
        unsubscribe()


def context_pairs(pairs: list[str] | None) -> dict[str, str]:
    """--context key=value pairs (values are plain strings)."""
    from hub.planner.commands import parse_context

    return parse_context(pairs)


# ---- showing plans and results ----------------------------------------------------------

STATUS_MARKS = {"ok": "[green]✓[/green]", "error": "[red]✗[/red]", "timeout": "[red]⏱[/red]",
                "skipped": "[yellow]↷[/yellow]", "declined": "[yellow]✗[/yellow]",
                "needs_confirmation": "[yellow]?[/yellow]"}


def call_label(call: dict[str, Any]) -> str:
    args = ", ".join(f"{k}={'←' + v['$ref'] if is_ref(v) else _short(v, 40)}"
                     for k, v in call.get("args", {}).items())
    return f"[bold]{call['id']}[/bold] {call['function']}({escape(args)})"


def plan_view(plan: dict[str, Any] | None) -> RenderableType:
    """The plan as trees: parallel branches side by side, nested calls indented under the
    call whose result they use."""
    calls = (plan or {}).get("calls") or []
    if not calls:
        return Text("plan: no function applies")
    latency = (plan or {}).get("latency_ms")
    header = f"plan: {len(calls)} call{'s' * (len(calls) > 1)}" + (
        f", planned in {latency:.0f} ms" if latency is not None else "")
    nodes: dict[str, Tree] = {}
    roots: list[Tree] = []
    for call in calls:
        refs = [v["$ref"] for v in call.get("args", {}).values() if is_ref(v)]
        label = call_label(call)
        if len(refs) > 1:
            label += f" [dim](also uses {', '.join(refs[:-1])})[/dim]"
        node = nodes[refs[-1]].add(label) if refs else Tree(label)
        nodes[call["id"]] = node
        if not refs:
            roots.append(node)
    return Group(Text(header, style="dim"), Columns(roots, padding=(0, 4)))


def outcome_line(outcome: CallOutcome) -> str:
    where = f" on {outcome.device_id}" if outcome.device_id else ""
    took = f" · {outcome.duration_ms:.0f} ms" if outcome.duration_ms is not None else ""
    if outcome.status == "ok":
        detail = _short(outcome.value, 160)
    elif outcome.status == "needs_confirmation" and outcome.error is None:
        detail = "waits for confirmation: " + _short(outcome.args or {}, 160)
    else:
        detail = f"{outcome.error.code.value}: {outcome.error.message}" if outcome.error else outcome.status
    return (f"{STATUS_MARKS.get(outcome.status, '·')} [bold]{outcome.id}[/bold] "
            f"{outcome.function}{where}{took}  {escape(detail)}")


def _short(value: Any, limit: int) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(text.split()) if isinstance(value, str) else text
    return text if len(text) <= limit else text[: limit - 1] + "…"


class AskPrinter:
    """Prints an ask as it runs: the plan, each call as it ends, then the answer."""

    def __init__(self, console: Console, *, resumed: bool = False) -> None:
        self.console = console
        self.plan_shown = resumed  # a confirm shows what runs now, then the answer
        self.resumed = resumed
        self.shown: set[tuple[str, str]] = set()  # (call, status): QoS 1 may repeat one

    def progress(self, update: AskProgress) -> None:
        if update.plan is not None and not self.plan_shown:
            self.plan_shown = True
            self.console.print(plan_view(update.plan))
        if update.call is not None:
            self.call(update.call)

    def call(self, outcome: CallOutcome) -> None:
        if (outcome.id, outcome.status) not in self.shown:
            self.shown.add((outcome.id, outcome.status))
            self.console.print(outcome_line(outcome), highlight=False)

    def reply(self, reply: HubReply) -> None:
        if reply.plan is not None and not self.plan_shown:
            self.progress(AskProgress(request_id=reply.request_id, plan=reply.plan))
        for outcome in reply.calls or []:
            if not self.resumed or outcome.status != "ok":
                self.call(outcome)
        colour = {"ok": "green", "partial": "yellow", "needs_confirmation": "yellow"}.get(
            reply.status, "red")
        self.console.print(f"[{colour}]{reply.status}[/{colour}]  {escape(reply.answer or '')}",
                           highlight=False)


def reply_json(reply: HubReply) -> dict[str, Any]:
    """The reply as `ask --json` prints it: exactly these five keys."""
    return {"request_id": reply.request_id, "plan": reply.plan,
            "calls": [c.model_dump(mode="json", exclude_none=True) for c in reply.calls or []],
            "status": reply.status, "answer": reply.answer}


def exit_code(reply: HubReply) -> int:
    return {"ok": 0, "needs_confirmation": EXIT_NEEDS_CONFIRMATION}.get(reply.status, EXIT_FAILED)


# ---- the commands ------------------------------------------------------------------------

def _converse(broker: str, root: str, hub_id: str, first: Callable[[str], Any], timeout: float,
              as_json: bool, resumed: bool = False) -> HubReply:
    """Send `first` (an ask or confirm) and, while calls wait for confirmation and a
    person is at the terminal, ask them and send their answer."""
    printer = None if as_json else AskPrinter(out, resumed=resumed)

    async def run() -> HubReply:
        async with Bus(broker, root=root) as bus:
            reply = await stream_request(bus, Topics(root), hub_id, first, timeout,
                                         printer.progress if printer else None)
            if printer:
                printer.reply(reply)
            while (reply.status == "needs_confirmation" and printer is not None
                   and sys.stdin.isatty()):
                approve = await asyncio.to_thread(_prompt, reply)
                request_id = reply.request_id
                reply = await stream_request(
                    bus, Topics(root), hub_id, lambda rt: ConfirmRequest(request_id=request_id, reply_to=rt,
                                                           approve=approve, progress=True),
                    timeout, printer.progress)
                printer.reply(reply)
            return reply

    try:
        return asyncio.run(run())
    except RequestTimeout as exc:
        err.print(f"[red]error:[/red] {exc} (is `octohub hub` running on {broker}?)")
        raise typer.Exit(3) from None
    except (BusError, ProtocolError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None


def _prompt(reply: HubReply) -> bool:
    held = [c for c in reply.calls or [] if c.status == "needs_confirmation" and c.error is None]
    out.print("[yellow]These calls need your confirmation:[/yellow]")
    for call in held:
        args = ", ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in (call.args or {}).items())
        out.print(f"  {call.id} {call.function}({escape(args)}) on {call.device_id}", highlight=False)
    return Confirm.ask("Send them?", console=out, default=False)


def _finish(reply: HubReply, as_json: bool) -> None:
    if as_json:
        print(json.dumps(reply_json(reply), indent=2, ensure_ascii=False))
    elif reply.status == "needs_confirmation":
        when = f" before {reply.expires_at:%H:%M:%S}" if reply.expires_at else ""
        err.print(f"Nothing sensitive was sent. To send it, re-run with --yes, or run "
                  f"[bold]octohub confirm {reply.request_id}[/bold]{when} "
                  f"(or `octohub confirm {reply.request_id} --no` to decline).")
    code = exit_code(reply)
    if code:
        raise typer.Exit(code)


Timeout = Annotated[float, typer.Option(min=0.1, max=3600, help="Seconds the whole request may take")]


@app.command()
def ask(
    request: Annotated[str, typer.Argument(help="The request, in words")],
    context: Annotated[Optional[list[str]], typer.Option(
        "--context", help='key=value, e.g. area="Living Room" (repeatable)')] = None,
    device: Annotated[Optional[str], typer.Option(
        "--device", help="The device to use where several of a kind could serve a call")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the reply as JSON")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Confirm sensitive calls up front")] = False,
    plan: Annotated[Optional[Path], typer.Option(
        "--plan", help="Run this Plan (a JSON file) instead of planning the request")] = None,
    timeout: Timeout = 30.0,
    broker: Broker = DEFAULT_BROKER,
    hub_id: HubId = "home",
    root: Root = "octohub/v1",
) -> None:
    """Ask the hub in words: it plans, runs the calls and answers.

    Exit codes: 0 ok, 1 failed or partly failed, 2 usage or broker error, 3 no hub,
    4 calls wait for confirmation (see `octohub confirm`)."""
    logs.configure("error")
    try:
        given = Plan.model_validate_json(plan.read_text()) if plan else None
        command = AskRequest(reply_to="-", query=request, context=context_pairs(context),
                             device_id=device, yes=yes, timeout_s=timeout, progress=not as_json,
                             plan=given)
    except (ValueError, OSError) as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    reply = _converse(broker, root, hub_id, lambda rt: command.model_copy(update={"reply_to": rt}),
                      timeout + ASK_GRACE_SECONDS, as_json)
    _finish(reply, as_json)


@app.command()
def confirm(
    request_id: Annotated[str, typer.Argument(help="The request id of an ask that waits")],
    no: Annotated[bool, typer.Option("--no", help="Decline: send none of the held calls")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the reply as JSON")] = False,
    timeout: Timeout = 30.0,
    broker: Broker = DEFAULT_BROKER,
    hub_id: HubId = "home",
    root: Root = "octohub/v1",
) -> None:
    """Confirm (or --no: decline) the calls an ask holds for confirmation."""
    logs.configure("error")
    try:
        command = ConfirmRequest(reply_to="-", request_id=request_id, approve=not no,
                                 timeout_s=timeout, progress=not as_json)
    except ValueError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    reply = _converse(broker, root, hub_id, lambda rt: command.model_copy(update={"reply_to": rt}),
                      timeout + ASK_GRACE_SECONDS, as_json, resumed=True)
    _finish(reply, as_json)


@app.command()
def history(
    request_id: Annotated[Optional[str], typer.Argument(
        help="Show this request in full (its id or the start of it)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    n: Annotated[int, typer.Option("-n", min=1, help="How many requests, latest first")] = 20,
    db: Annotated[str, typer.Option("--db", envvar="OCTOHUB_DB", help="The hub's SQLite file")] = "octohub.db",
) -> None:
    """The latest asks the hub ran: query, plan, calls, status and answer."""
    from hub.registry import Registry

    if not Path(db).exists():
        err.print(f"[red]error:[/red] no database at {db} (the hub's --db; OCTOHUB_DB)")
        raise typer.Exit(2)

    async def read() -> list[dict[str, Any]]:
        registry = await Registry(db).open()
        try:
            return await registry.requests(n, request_id, prefix=True)
        finally:
            await registry.close()

    rows = asyncio.run(read())
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if request_id:
        if not rows:
            err.print(f"[red]error:[/red] no request {request_id!r} in {db}")
            raise typer.Exit(1)
        for row in rows:
            _show_request(row)
        return
    table = Table(caption=f"`octohub history REQUEST_ID` shows one in full ({db})")
    for name in ("when (UTC)", "request", "status"):
        table.add_column(name, no_wrap=True)
    table.add_column("query", ratio=1)
    table.add_column("answer", ratio=1)
    for row in rows:
        table.add_row(row["created_at"][5:16].replace("T", " "), _short(row["request_id"], 12),
                      row["status"], escape(_short(row["query"], 80)),
                      escape(_short(row["answer"] or "", 80)))
    out.print(table)


def _show_request(row: dict[str, Any]) -> None:
    context = ", ".join(f"{k}={v}" for k, v in (row["context"] or {}).items())
    out.print(f"[bold]{escape(row['query'])}[/bold]" + (f"  [dim]{escape(context)}[/dim]" if context else "")
              + f"\n[dim]{row['request_id']} · {row['created_at']} · hub {row['hub_id']}[/dim]")
    if row["plan"] is not None:
        out.print(plan_view(row["plan"]))
    printer = AskPrinter(out)
    for call in row["calls"] or []:
        printer.call(CallOutcome.model_validate(call))
    out.print(f"{row['status']}  {escape(row['answer'] or '')}", highlight=False)


@app.command()
def demo(
    script: Annotated[Optional[Path], typer.Option(
        help="Run these requests (one a line) and print a summary, instead of a prompt")] = None,
    broker: Annotated[str, typer.Option(help="Use this broker if one answers there; "
                                             "else start an embedded one")] = DEFAULT_BROKER,
    model: Annotated[str, typer.Option(help='Planner directory or "default" (shipped)')] = "default",
    db: Annotated[str, typer.Option(help="SQLite file for the demo hub")] = "octohub-demo.db",
    root: Annotated[str, typer.Option(help="Topic root for the demo")] = "octohub-demo/v1",
    log_level: str = "error",
) -> None:
    """The whole product in one process: broker, hub, a phone, a car and a home."""
    from hub.demo import run_demo

    logs.configure(log_level)
    try:
        code = asyncio.run(run_demo(broker=broker, model=model, db=db, root=root, script=script,
                                    log_level=log_level))
    except BusError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    if code:
        raise typer.Exit(code)


from hub.planner.commands import register as _register_planner_commands  # noqa: E402

_register_planner_commands(app)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
