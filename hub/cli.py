"""The `octohub` command (typer)."""
from __future__ import annotations

import asyncio
import json
import signal
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.table import Table

from hub import logs
from hub.bus import Bus, BusError, RequestTimeout
from hub.settings import Settings
from protocols import HubReply, ProtocolError, Topics, decode, encode
from protocols.messages import CallCommand, DevicesRequest

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
    log_level: str = "info",
) -> None:
    """Run the hub."""
    from hub.service import Hub

    logs.configure(log_level)
    settings = Settings(broker=broker, hub_id=hub_id, db=db, root=root, model=model, retrain=retrain,
                        retrain_args=retrain_args)
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


from hub.planner.commands import register as _register_planner_commands  # noqa: E402

_register_planner_commands(app)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
