"""Ask -> all results latency on a warm hub, split into its parts.

    .venv/bin/python benchmarks/ask.py [--model DIR|default|none] [-n 200] [--broker URL]

The hub, a phone, a car and a home adapter (zero added delay) and the asking client
run in this process against a loopback Mosquitto: without --broker, a private one on a
free port with set_tcp_nodelay (deploy/mosquitto-local.conf), since the machine's
default broker keeps Nagle on and adds ~40 ms to every small reply.

Four requests, each asked n times after a warm-up:
  single    one call                      take a selfie
  parallel  three calls on three devices  a selfie, the car's lights, the kitchen lights
  nested    two calls, one feeding the other   the forecast, texted to Mom (--yes)
  briefing  the briefing's request: a selfie texted to Mom, and the living room at 21

Each ask's total (client: publish -> final reply) is split into
  plan           the planner's own time (Plan.latency_ms; 0 when the plan is sent along)
  broker+device  the DAG's critical path of hub -> device -> hub call round trips
  hub            the rest: client <-> hub MQTT hops, decoding, executor, registry, reply
With a model, the hub plans the request in words and an ask whose plan has not the
expected shape is counted and left out; with --model none (or no checkpoint) the
expected plan is sent with the ask.
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devices import catalogue  # noqa: E402
from hub import logs  # noqa: E402
from hub.bus import Bus  # noqa: E402
from hub.cli import stream_request  # noqa: E402
from hub.planner.planner import DEFAULT_MODEL  # noqa: E402
from hub.service import Hub  # noqa: E402
from hub.settings import Settings  # noqa: E402
from protocols import HubReply, Topics  # noqa: E402
from protocols.messages import AskRequest  # noqa: E402
from protocols.plan import Plan  # noqa: E402
from tests.conftest import Mosquitto  # noqa: E402

CASES: dict[str, tuple[str, list[dict[str, Any]]]] = {
    "single": ("take a selfie", [
        {"id": "c1", "function": "phone.take_a_photo", "args": {"camera": "front"}}]),
    "parallel": ("take a selfie, flash the car's lights and turn on the kitchen lights", [
        {"id": "c1", "function": "phone.take_a_photo", "args": {"camera": "front"}},
        {"id": "c2", "function": "car.flash_lights", "args": {}},
        {"id": "c3", "function": "home.turn_on", "args": {"area": "Kitchen", "domain": "light"}}]),
    "nested": ("send Mom the forecast for Paris", [
        {"id": "c1", "function": "phone.get_weather_forecast", "args": {"location": "Paris"}},
        {"id": "c2", "function": "phone.send_text_message",
         "args": {"contact_name": "Mom", "message": {"$ref": "c1"}}}]),
    "briefing": ("take a selfie with the front camera, text it to Mom, and set the living room to 21 degrees", [
        {"id": "c1", "function": "phone.take_a_photo", "args": {"camera": "front"}},
        {"id": "c2", "function": "phone.send_text_message",
         "args": {"contact_name": "Mom", "message": {"$ref": "c1"}}},
        {"id": "c3", "function": "home.climate_set_temperature", "args": {"area": "Living Room", "temperature": 21}}]),
}
WARMUP = 20


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def critical_path_ms(reply: HubReply) -> float:
    """The longest chain of call round trips through the plan's $refs."""
    ends: dict[str, float] = {}
    refs = {c["id"]: [v["$ref"] for v in c.get("args", {}).values()
                      if isinstance(v, dict) and "$ref" in v]
            for c in (reply.plan or {}).get("calls", [])}
    for call in reply.calls or []:
        start = max((ends[r] for r in refs.get(call.id, [])), default=0.0)
        ends[call.id] = start + (call.duration_ms or 0.0)
    return max(ends.values(), default=0.0)


def shape(calls: list[dict[str, Any]]) -> list[tuple[str, tuple[str, ...]]]:
    return [(c["function"], tuple(sorted(k for k, v in c.get("args", {}).items()
                                         if isinstance(v, dict) and "$ref" in v))) for c in calls]


async def measure(client: Bus, topics: Topics, name: str, n: int, send_plan: bool) -> dict[str, Any]:
    query, expected = CASES[name]
    plan = Plan(calls=expected) if send_plan else None
    rows: list[tuple[float, float, float]] = []
    planning: list[float] = []  # every ask's planner time, whatever plan it made
    mismatched = 0
    for i in range(WARMUP + n):
        started = time.perf_counter()
        reply = await stream_request(client, topics, "home", lambda rt: AskRequest(
            reply_to=rt, query=query, plan=plan, yes=True, timeout_s=10), 15)
        total = (time.perf_counter() - started) * 1e3
        if i < WARMUP:
            continue
        planning.append(float((reply.plan or {}).get("latency_ms") or 0.0))
        got = (reply.plan or {}).get("calls", [])
        if reply.status != "ok" or shape(got) != shape(expected):
            mismatched += 1
            continue
        planned = float((reply.plan or {}).get("latency_ms") or 0.0) if not send_plan else 0.0
        devices = critical_path_ms(reply)
        rows.append((total, planned, devices))
    return {"rows": rows, "mismatched": mismatched, "planning": planning}


async def main(broker: str | None, model: str, n: int) -> None:
    logs.configure("error")
    mosquitto = None
    if broker is None:
        mosquitto = Mosquitto(Path(tempfile.mkdtemp(prefix="octohub-bench-")))
        mosquitto.start()
        broker = mosquitto.url
    root = f"octohub-bench/{uuid.uuid4().hex[:8]}"
    topics = Topics(root)
    has_model = model != "none" and (
        (DEFAULT_MODEL if model == "default" else Path(model)) / "planner.json").exists()
    db = Path(tempfile.mkdtemp(prefix="octohub-bench-")) / "hub.db"
    hub = Hub(Settings(broker=broker, root=root, db=str(db), model=model if has_model else "none",
                       retrain=False))
    stops = [asyncio.Event() for _ in range(3)]
    tasks: list[asyncio.Task[None]] = []
    try:
        await hub.start()
        for stop, kind in zip(stops, ("phone", "car", "home")):
            adapter = catalogue.create(kind, f"{kind}-1")
            tasks.append(asyncio.create_task(adapter.serve(broker, topics=topics, stop=stop)))
        while sum(d.state == "online" for d in hub.router.devices.values()) < 3 or (
                hub.planning and len(hub.planning.manifests) < 3):
            await asyncio.sleep(0.05)
        async with Bus(broker, root=root) as client:
            results = {name: await measure(client, topics, name, n, not has_model) for name in CASES}
    finally:
        for stop in stops:
            stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)
        await hub.stop()
        if mosquitto:
            mosquitto.stop()
    report(results, n, broker, model if has_model else "none (plans sent with the ask)")


def report(results: dict[str, dict[str, Any]], n: int, broker: str, model: str) -> None:
    print(f"\nask -> all results: {n} asks per request after {WARMUP} warm-up, broker {broker}, "
          f"planner {model}, zero-delay devices (ms)\n")
    head = f"{'request':<14}{'total p50':>10}{'p95':>8}{'plan p50':>10}{'p95':>8}" \
           f"{'hub p50':>9}{'p95':>8}{'broker+dev p50':>16}{'p95':>8}{'left out':>10}"
    print(head)
    print("-" * len(head))
    for name, result in results.items():
        rows = result["rows"]
        calls = len(CASES[name][1])
        label = f"{name} ({calls})"
        if not rows:
            print(f"{label:<14}  every plan differed from the expected one ({result['mismatched']}); "
                  f"plan p50 {statistics.median(result['planning']):.1f} ms")
            continue
        total = [r[0] for r in rows]
        plan = [r[1] for r in rows]
        device = [r[2] for r in rows]
        hub = [t - p - d for t, p, d in rows]
        cells = [statistics.median(total), pct(total, 0.95), statistics.median(plan), pct(plan, 0.95),
                 statistics.median(hub), pct(hub, 0.95), statistics.median(device), pct(device, 0.95)]
        print(f"{label:<14}" + "".join(f"{c:>{w}.1f}" for c, w in zip(cells, (10, 8, 10, 8, 9, 8, 16, 8)))
              + f"{result['mismatched']:>10}")
    print("\nhub = total - plan - broker+device: the client <-> hub MQTT hops, decoding, the "
          "executor, registry queueing and the reply.")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--broker", help="an MQTT broker URL (default: a private Mosquitto)")
    parser.add_argument("--model", default="default", help='planner dir, "default" or "none"')
    parser.add_argument("-n", type=int, default=200, help="asks per request")
    args = parser.parse_args()
    asyncio.run(main(args.broker, args.model, args.n))
