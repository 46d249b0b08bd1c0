"""A fleet of simulated devices in one process, and optional load through the hub.

    fleet = build(phones=50, cars=20, homes=5, seed=1, delay=0.05, jitter=0.1)
    async with Fleet(fleet, broker, Topics(root)):        # one MQTT connection per device
        async with Bus(broker, root=root) as client:
            await wait_ready(client, Topics(root), "home", fleet)
            summary = await load(client, Topics(root), "home", fleet, calls=500, concurrency=16)
    print(summary.report())

Every device runs the real `DeviceAdapter.serve` on its own connection; the load goes
through the hub's request topic exactly as `octohub call` does (a CallCommand), so it
measures the whole path: client -> hub -> device -> hub -> client.
"""
from __future__ import annotations

import asyncio
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tqdm import tqdm

from devices import catalogue
from devices.sdk import DeviceAdapter
from hub.bus import Bus, BusError, RequestTimeout
from protocols import HubReply, ProtocolError, Topics, decode, encode
from protocols.messages import CallCommand, DeviceInfo, DevicesRequest

Args = Callable[[random.Random], dict[str, Any]]

# Calls that validate against each kind's manifest and succeed on a fresh device.
CALLS: dict[str, list[tuple[str, Args]]] = {
    "phone": [
        ("take_a_photo", lambda r: {"camera": r.choice(["front", "back"])}),
        ("get_weather_forecast", lambda r: {"location": r.choice(["Paris", "Lagos", "Osaka"])}),
        ("set_volume", lambda r: {"level": r.randint(0, 10),
                                  "volume_type": r.choice(["ring", "media", "alarm"])}),
        ("change_screen_brightness", lambda r: {"level": r.randint(0, 10)}),
        ("set_timer_alarm", lambda r: {"time": f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}"}),
        ("send_text_message", lambda r: {"contact_name": "Mom", "message": "On my way"}),
        ("enable_do_not_disturb", lambda r: {"enabled": r.random() < 0.5}),
    ],
    "car": [
        ("flash_lights", lambda r: {}),
        ("honk_horn", lambda r: {"times": r.randint(1, 3)}),
        ("get_vehicle_status", lambda r: {}),
        ("set_climate_temperature", lambda r: {"zone": r.choice(["driver", "passenger", "rear"]),
                                               "temperature": r.randint(60, 80)}),
        ("set_seat_heating", lambda r: {"seat": "driver", "level": r.randint(0, 3)}),
        ("navigate_to", lambda r: {"destination": r.choice(["Work", "Airport", "Gym"])}),
    ],
    "home": [
        ("get_current_time", lambda r: {}),
        ("get_current_date", lambda r: {}),
        ("broadcast", lambda r: {"message": "Dinner is ready"}),
        ("shopping_list_add_item", lambda r: {"item": r.choice(["milk", "eggs", "bread"])}),
        ("turn_on", lambda r: {"name": r.choice(["Kitchen Light", "Floor Lamp"])}),
        ("turn_off", lambda r: {"name": r.choice(["Kitchen Light", "Floor Lamp"])}),
    ],
}


def build(phones: int = 0, cars: int = 0, homes: int = 0, *, seed: int = 0, delay: float = 0.0,
          jitter: float = 0.0) -> list[DeviceAdapter]:
    """The adapters, ids `phone-001`, `car-001`, `home-001`...; each call takes
    `delay` plus a random 0..`jitter` seconds."""
    rng = random.Random(seed)
    fleet: list[DeviceAdapter] = []
    for kind, count in (("phone", phones), ("car", cars), ("home", homes)):
        for i in range(1, count + 1):
            adapter = catalogue.create(kind, f"{kind}-{i:03d}", seed=seed + len(fleet))
            adapter.call_delay_s = delay
            if jitter > 0:
                _add_jitter(adapter, jitter, rng)
            fleet.append(adapter)
    return fleet


def _add_jitter(adapter: DeviceAdapter, jitter: float, rng: random.Random) -> None:
    inner = adapter.handle

    async def handle(request: Any) -> Any:
        await asyncio.sleep(rng.uniform(0, jitter))
        return await inner(request)

    adapter.handle = handle  # type: ignore[method-assign]


class Fleet:
    """Serve every adapter (each on its own connection) while the block runs."""

    def __init__(self, adapters: list[DeviceAdapter], broker: str, topics: Topics) -> None:
        self.adapters, self.broker, self.topics = adapters, broker, topics
        self._stop = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    async def __aenter__(self) -> Fleet:
        self._tasks = [asyncio.create_task(a.serve(self.broker, topics=self.topics, stop=self._stop))
                       for a in self.adapters]
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._stop.set()  # each device publishes `offline` and disconnects
        await asyncio.gather(*self._tasks, return_exceptions=True)

    def check(self) -> None:
        """Raise the first error a device hit (e.g. it could not connect)."""
        for task in self._tasks:
            if task.done() and not task.cancelled() and task.exception() is not None:
                raise task.exception()  # type: ignore[misc]


async def ask(client: Bus, topics: Topics, hub_id: str, build_request: Callable[[str], Any],
              timeout: float) -> HubReply:
    reply = await client.request(topics.hub_request(hub_id),
                                 lambda reply_to: encode(build_request(reply_to)), timeout=timeout)
    return decode(HubReply, reply.payload)


async def wait_ready(client: Bus, topics: Topics, hub_id: str, fleet: Fleet,
                     timeout: float = 30.0) -> list[DeviceInfo]:
    """Poll the hub until it lists every fleet device online; returns its listing."""
    want = {a.device_id for a in fleet.adapters}
    deadline = time.monotonic() + timeout
    online: set[str] = set()
    while time.monotonic() < deadline:
        fleet.check()
        try:
            listing = (await ask(client, topics, hub_id, lambda rt: DevicesRequest(reply_to=rt),
                                 timeout=5)).devices or []
        except RequestTimeout:
            raise BusError(f"hub {hub_id!r} did not answer on {topics.hub_request(hub_id)} "
                           "(is `octohub hub` running with this --root?)") from None
        online = {d.device_id for d in listing if d.state == "online"}
        if want <= online:
            return listing
        await asyncio.sleep(0.2)
    raise BusError(f"hub {hub_id!r} lists {len(want & online)}/{len(want)} fleet devices online "
                   f"after {timeout:g}s")


@dataclass
class Summary:
    calls: int = 0
    ok: int = 0
    errors: Counter[str] = field(default_factory=Counter)  # error code -> count
    unanswered: int = 0  # no reply from the hub in time
    latencies: list[float] = field(default_factory=list)  # seconds, answered calls
    elapsed: float = 0.0

    @property
    def answered(self) -> int:
        return self.calls - self.unanswered

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")

    def report(self) -> str:
        errors = ", ".join(f"{code} {n}" for code, n in self.errors.most_common()) or "none"
        return "\n".join([
            f"calls       {self.calls}  (ok {self.ok}, error {sum(self.errors.values())}, "
            f"unanswered {self.unanswered})",
            f"errors      {errors}",
            f"latency     p50 {self.percentile(0.50) * 1000:.1f} ms, "
            f"p95 {self.percentile(0.95) * 1000:.1f} ms",
            f"throughput  {self.answered / self.elapsed if self.elapsed else 0:.1f} calls/s "
            f"({self.elapsed:.2f} s)",
        ])


async def load(client: Bus, topics: Topics, hub_id: str, adapters: list[DeviceAdapter], *,
               calls: int, concurrency: int, seed: int = 0, timeout_s: float = 10.0,
               progress: bool = True) -> Summary:
    """Send `calls` random valid calls through the hub, `concurrency` at a time."""
    rng = random.Random(seed)
    plan = []
    for _ in range(calls):
        adapter = rng.choice(adapters)
        function, make_args = rng.choice(CALLS[adapter.kind])
        plan.append(CallCommand(reply_to="-", target=f"{adapter.device_id}.{function}",
                                args=make_args(rng), timeout_s=timeout_s))
    summary = Summary(calls=calls)
    gate = asyncio.Semaphore(concurrency)
    bar = tqdm(total=calls, unit="call", disable=not progress)

    async def one(command: CallCommand) -> None:
        async with gate:
            started = time.perf_counter()
            try:
                reply = await ask(client, topics, hub_id,
                                  lambda rt: command.model_copy(update={"reply_to": rt}),
                                  timeout=timeout_s + 5)
            except (RequestTimeout, ProtocolError):
                summary.unanswered += 1
            else:
                summary.latencies.append(time.perf_counter() - started)
                if reply.status == "ok":
                    summary.ok += 1
                else:
                    error = reply.error or (reply.result.error if reply.result else None)
                    summary.errors[error.code.value if error else "unknown"] += 1
            bar.update()

    started = time.perf_counter()
    try:
        await asyncio.gather(*(one(c) for c in plan))
    finally:
        bar.close()
    summary.elapsed = time.perf_counter() - started
    return summary


async def simulate(broker: str, root: str, hub_id: str, *, phones: int, cars: int, homes: int,
                   calls: int = 0, concurrency: int = 8, delay: float = 0.0, jitter: float = 0.0,
                   seed: int = 0, timeout_s: float = 10.0, progress: bool = True,
                   stop: asyncio.Event | None = None,
                   say: Callable[[str], None] = print) -> Summary | None:
    """Run the fleet; with `calls`, run the load and return its summary, else serve
    until `stop` is set."""
    topics = Topics(root)
    adapters = build(phones, cars, homes, seed=seed, delay=delay, jitter=jitter)
    async with Fleet(adapters, broker, topics) as fleet:
        if not calls:
            say(f"serving {len(adapters)} devices under {root}; Ctrl-C to stop")
            await (stop or asyncio.Event()).wait()
            return None
        async with Bus(broker, root=root) as client:
            await wait_ready(client, topics, hub_id, fleet)
            say(f"{len(adapters)} devices online at hub {hub_id!r}; sending {calls} calls, "
                f"{concurrency} at a time")
            return await load(client, topics, hub_id, adapters, calls=calls,
                              concurrency=concurrency, seed=seed, timeout_s=timeout_s,
                              progress=progress)
