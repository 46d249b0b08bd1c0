"""`octohub demo`: the whole product in one process, on a fresh machine.

    octohub demo                               # a prompt: type requests, see plans and results
    octohub demo --script demo/requests.txt    # run a script, print a summary table

It uses the broker at --broker when one answers there; otherwise it starts an embedded
amqtt broker (pure Python, MQTT 3.1.1 only) on that port if it is a free loopback port,
else on any free loopback port, and every client speaks 3.1.1 to it. Then the hub, with
the shipped planner, and one phone, one car and one home adapter start in this process,
and every request goes to the hub over MQTT exactly as `octohub ask` sends it.

A script line is a request, optionally after `[key=value, ...]` options:

    [area=Living Room] turn on the lights in here      context for the planner
    [expect=needs_confirmation] text Mom hello          what the line must end as
    [yes] unlock the car                                 confirm sensitive calls up front
    [device=car-1] honk the horn                         the device to use

`expect` is ok (at least one call, all ok), needs_confirmation, nothing (no function
applies), partial or error. Without it, a line must end ok with at least one call, or
needs_confirmation (only sensitive calls are ever held). The demo exits 0 only if every
line ends as expected. Calls held for confirmation are left unconfirmed in script mode.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.prompt import Confirm
from rich.table import Table

from devices import catalogue
from hub.bus import BrokerAddress, Bus, BusError, RequestTimeout
from hub.cli import AskPrinter, stream_request
from hub.service import Hub
from hub.settings import Settings
from protocols import HubReply, ProtocolError, Topics
from protocols.messages import AskRequest, ConfirmRequest

DEVICES = (("phone", "phone-1"), ("car", "car-1"), ("home", "home-1"))
PROBE_TIMEOUT_SECONDS = 2.0
STARTUP_TIMEOUT_SECONDS = 60.0  # loading the planner model is most of it
ASK_TIMEOUT_SECONDS = 30.0
EXPECTATIONS = ("ok", "needs_confirmation", "nothing", "partial", "error")

console = Console()


# ---- the script --------------------------------------------------------------------------

@dataclass
class ScriptLine:
    query: str
    context: dict[str, str] = field(default_factory=dict)
    expect: str | None = None
    yes: bool = False
    device: str | None = None

    def met_by(self, reply: HubReply) -> bool:
        calls = len(reply.calls or [])
        if self.expect is None:
            return (reply.status == "ok" and calls > 0) or reply.status == "needs_confirmation"
        if self.expect == "nothing":
            return reply.status == "ok" and calls == 0
        if self.expect == "ok":
            return reply.status == "ok" and calls > 0
        return reply.status == self.expect


def parse_line(line: str) -> ScriptLine | None:
    """One script line (None for blank lines and # comments). Raises ValueError."""
    text = line.strip()
    if not text or text.startswith("#"):
        return None
    options: dict[str, str] = {}
    while text.startswith("["):
        end = text.find("]")
        if end < 0:
            raise ValueError(f"unclosed [ in {line.strip()!r}")
        for item in filter(None, (part.strip() for part in text[1:end].split(","))):
            key, sep, value = item.partition("=")
            options[key.strip()] = value.strip() if sep else "true"
        text = text[end + 1:].strip()
    if not text:
        raise ValueError(f"no request in {line.strip()!r}")
    expect = options.pop("expect", None)
    if expect is not None and expect not in EXPECTATIONS:
        raise ValueError(f"expect={expect!r}: use one of {', '.join(EXPECTATIONS)}")
    yes = options.pop("yes", "false").lower() in ("true", "1", "yes")
    device = options.pop("device", None)
    return ScriptLine(text, options, expect, yes, device)


def load_script(path: Path) -> list[ScriptLine]:
    lines = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            parsed = parse_line(raw)
        except ValueError as exc:
            raise ValueError(f"{path}:{number}: {exc}") from None
        if parsed:
            lines.append(parsed)
    return lines


# ---- the broker --------------------------------------------------------------------------

class EmbeddedBroker:
    """amqtt in this process, on loopback, anonymous, MQTT 3.1.1."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port if port and port_is_free(port) else free_port()
        self._broker: Any = None

    @property
    def url(self) -> str:
        return f"mqtt://127.0.0.1:{self.port}"

    async def start(self) -> None:
        from amqtt.broker import Broker

        for name in ("amqtt", "transitions"):  # it logs every refused v5 CONNECT
            logging.getLogger(name).setLevel(logging.CRITICAL)
        self._broker = Broker({
            "listeners": {"default": {"type": "tcp", "bind": f"127.0.0.1:{self.port}"}},
            "plugins": {"amqtt.plugins.authentication.AnonymousAuthPlugin": {"allow_anonymous": True}},
        })
        await self._broker.start()

    async def stop(self) -> None:
        if self._broker is not None:
            await self._broker.shutdown()
            self._broker = None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def port_is_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


async def broker_answers(url: str) -> bool:
    bus = Bus(url)
    try:
        await bus.connect(timeout=PROBE_TIMEOUT_SECONDS)
    except BusError:
        return False
    await bus.close()
    return True


async def choose_broker(url: str) -> tuple[str, EmbeddedBroker | None]:
    """The broker at `url` if one answers, else a started embedded one."""
    if await broker_answers(url):
        return url, None
    address = BrokerAddress.parse(url)
    loopback = address.host in ("127.0.0.1", "localhost", "::1")
    embedded = EmbeddedBroker(address.port if loopback else None)
    await embedded.start()
    return embedded.url, embedded


# ---- the demo ----------------------------------------------------------------------------

async def run_demo(*, broker: str, model: str, db: str, root: str, script: Path | None,
                   log_level: str = "error") -> int:
    lines = load_script(script) if script else None
    url, embedded = await choose_broker(broker)
    stops: list[asyncio.Event] = []
    tasks: list[asyncio.Task[None]] = []
    hub: Hub | None = None
    try:
        console.print(f"broker: {'embedded amqtt at ' + url + ' (MQTT 3.1.1)' if embedded else url}",
                      highlight=False)
        # amqtt never answers an MQTT 5 CONNECT that carries a Will, so "auto" would wait
        # out the connect timeout before falling back: with it, speak 3.1.1 from the start.
        protocol = "3.1.1" if embedded else "auto"
        _quiet_model_loading()
        hub = Hub(Settings(broker=url, root=root, db=db, model=model, retrain=False,
                           log_level=log_level, protocol=protocol))
        with console.status("loading the planner and starting the hub…"):
            await hub.start()
        if hub.planning is None or hub.planning.planner is None:
            console.print(f"[red]error:[/red] no planner model could be loaded from {model!r} "
                          "(train one with `octohub train --out DIR`, then --model DIR)")
            return 2
        for kind, device_id in DEVICES:
            stop = asyncio.Event()
            adapter = catalogue.create(kind, device_id)
            stops.append(stop)
            tasks.append(asyncio.create_task(adapter.serve(url, topics=Topics(root), stop=stop,
                                                           protocol=protocol)))
        await _wait_for_devices(hub)
        console.print(f"hub 'home' on root {root}; devices: "
                      + ", ".join(d for _, d in DEVICES) + f"; history: octohub history --db {db}",
                      highlight=False)
        async with Bus(url, root=root, protocol=protocol) as client:
            if lines is not None:
                return await _run_script(client, Topics(root), lines)
            await _prompt_loop(client, Topics(root))
            return 0
    finally:
        for stop in stops:
            stop.set()
        for task in tasks:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(task, 5)
        if hub is not None:
            await hub.stop()
        if embedded:
            await embedded.stop()


def _quiet_model_loading() -> None:
    """transformers draws a progress bar for every checkpoint it loads; not in the demo."""
    with contextlib.suppress(ImportError):
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()


async def _wait_for_devices(hub: Hub) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    wanted = {device_id for _, device_id in DEVICES}
    while time.monotonic() < deadline:
        online = {d for d, known in hub.router.devices.items() if known.state == "online"}
        planned = set(hub.planning.manifests) if hub.planning else set()
        if wanted <= online and wanted <= planned:
            return
        await asyncio.sleep(0.05)
    raise BusError(f"the demo devices did not come online within {STARTUP_TIMEOUT_SECONDS:g}s")


async def ask(client: Bus, topics: Topics, line: ScriptLine, printer: AskPrinter) -> HubReply:
    def build(reply_to: str) -> AskRequest:
        return AskRequest(reply_to=reply_to, query=line.query, context=line.context,
                          device_id=line.device, yes=line.yes, timeout_s=ASK_TIMEOUT_SECONDS,
                          progress=True)

    try:
        reply = await stream_request(client, topics, "home", build, ASK_TIMEOUT_SECONDS + 5,
                                     printer.progress)
    except (RequestTimeout, ProtocolError) as exc:  # the demo goes on with the next request
        reply = HubReply(request_id="", status="error", answer=str(exc))
    printer.reply(reply)
    return reply


async def _run_script(client: Bus, topics: Topics, lines: list[ScriptLine]) -> int:
    rows = []
    for number, line in enumerate(lines, 1):
        context = "".join(f" [{k}={v}]" for k, v in line.context.items())
        console.rule(f"{number}/{len(lines)}  {escape(line.query)}{escape(context)}", align="left")
        started = time.perf_counter()
        reply = await ask(client, topics, line, AskPrinter(console))
        rows.append((number, line, reply, (time.perf_counter() - started) * 1e3))
    table = Table("#", "request", "calls", "status", "expected", "", "ms", title="demo summary")
    for number, line, reply, ms in rows:
        met = line.met_by(reply)
        calls = ", ".join(c.function for c in reply.calls or []) or "-"
        table.add_row(str(number), escape(line.query), calls, reply.status,
                      line.expect or "ok / needs_confirmation",
                      "[green]✓[/green]" if met else "[red]✗[/red]", f"{ms:.0f}")
    console.print(table)
    failed = [number for number, line, reply, _ in rows if not line.met_by(reply)]
    if failed:
        console.print(f"[red]{len(failed)} of {len(rows)} requests did not end as expected: "
                      f"{', '.join(map(str, failed))}[/red]")
        return 1
    console.print(f"[green]all {len(rows)} requests ended as expected[/green]")
    return 0


HELP = """Type a request, e.g.
  take a selfie
  what's the weather in Paris and how much charge does the car have
  text Mom the weather in Lisbon
  [area=Kitchen] turn off the lights in here
Options go in front in brackets: [area=...] (context), [yes], [device=car-1].
Empty line or `quit` to leave."""


async def _prompt_loop(client: Bus, topics: Topics) -> None:
    console.print(HELP, markup=False, highlight=False)
    while True:
        try:
            text = await asyncio.to_thread(console.input, "[bold cyan]octohub>[/bold cyan] ")
        except (EOFError, KeyboardInterrupt):
            return
        if text.strip() in ("", "quit", "exit"):
            return
        if text.strip() in ("help", "?"):
            console.print(HELP, markup=False, highlight=False)
            continue
        try:
            line = parse_line(text)
        except ValueError as exc:
            console.print(f"[red]{escape(str(exc))}[/red]", highlight=False)
            continue
        if line is None:
            continue
        printer = AskPrinter(console)
        reply = await ask(client, topics, line, printer)
        while reply.status == "needs_confirmation":
            approve = await asyncio.to_thread(Confirm.ask, "Send the held calls?", console=console,
                                              default=False)
            request_id = reply.request_id
            reply = await stream_request(
                client, topics, "home",
                lambda rt: ConfirmRequest(request_id=request_id, reply_to=rt, approve=approve,
                                          progress=True),
                ASK_TIMEOUT_SECONDS + 5, printer.progress)
            printer.reply(reply)
