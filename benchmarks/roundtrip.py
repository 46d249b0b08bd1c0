"""Router call -> device -> result latency, next to a bare paho request/reply loop.

Both run in the same process, against the same broker, interleaved in rounds so that
neither gets a quieter machine. Prints medians, p95s and the ratio.

    .venv/bin/python benchmarks/roundtrip.py [--broker mqtt://127.0.0.1:1883] [-n 500]

Without --broker it starts its own Mosquitto on a free port with set_tcp_nodelay
(deploy/mosquitto-local.conf); the machine's default broker keeps Nagle on, which adds
~40 ms to every small reply.
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import paho.mqtt.client as paho
from tqdm import tqdm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from devices.phone import Phone  # noqa: E402
from hub import logs  # noqa: E402
from hub.registry import Registry  # noqa: E402
from hub.bus import Bus  # noqa: E402
from hub.router import Router  # noqa: E402
from protocols import Topics  # noqa: E402
from tests.conftest import Mosquitto  # noqa: E402


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class BarePaho:
    """The floor: one paho client echoes, another asks and waits on a threading.Event."""

    def __init__(self, host: str, port: int) -> None:
        self.done = threading.Event()
        self.server = paho.Client(paho.CallbackAPIVersion.VERSION2, protocol=paho.MQTTv5)
        self.client = paho.Client(paho.CallbackAPIVersion.VERSION2, protocol=paho.MQTTv5)
        self.server.on_message = lambda c, u, m: c.publish("bare/reply", m.payload, qos=1)
        self.client.on_message = lambda c, u, m: self.done.set()
        for c in (self.server, self.client):
            c.on_socket_open = lambda c, u, s: s.setsockopt(6, 1, 1)  # TCP_NODELAY, as our bus
            c.connect(host, port)
            c.loop_start()
        time.sleep(0.3)
        self.server.subscribe("bare/request", 1)
        self.client.subscribe("bare/reply", 1)
        time.sleep(0.3)

    def roundtrip(self) -> float:
        self.done.clear()
        started = time.perf_counter()
        self.client.publish("bare/request", b'{"function":"take_a_photo","args":{}}', qos=1)
        if not self.done.wait(5):
            raise TimeoutError("bare paho reply lost")
        return time.perf_counter() - started

    def close(self) -> None:
        for c in (self.server, self.client):
            c.disconnect()
            c.loop_stop()


async def main(broker: str, rounds: int) -> None:
    root = f"octohub-bench/{uuid.uuid4().hex[:8]}"
    topics = Topics(root)
    phone = Phone("phone-bench")
    stop = asyncio.Event()
    device_task = asyncio.create_task(phone.serve(broker, topics=topics, stop=stop))
    with tempfile.TemporaryDirectory() as tmp:
        registry = await Registry(f"{tmp}/bench.db").open()
        async with Bus(broker, root=root) as bus:
            router = Router(bus, registry, topics, "bench")
            await router.start()
            while router.devices.get("phone-bench") is None or router.devices["phone-bench"].state != "online":
                await asyncio.sleep(0.05)
            host_port = bus.address
            bare = BarePaho(host_port.host, host_port.port)
            ours: list[float] = []
            floor: list[float] = []
            for _ in range(20):  # warm-up
                await router.call("phone-bench", "take_a_photo")
                await asyncio.to_thread(bare.roundtrip)
            for _ in tqdm(range(rounds), desc="round trips", file=sys.stderr):
                started = time.perf_counter()
                result = await router.call("phone-bench", "take_a_photo", {"camera": "front"})
                ours.append(time.perf_counter() - started)
                assert result.status == "ok", result
                floor.append(await asyncio.to_thread(bare.roundtrip))
            bare.close()
        await registry.close()
    stop.set()
    await device_task

    def row(name: str, values: list[float]) -> str:
        return (f"{name:<28} p50 {statistics.median(values) * 1e3:7.3f} ms   "
                f"p95 {pct(values, 0.95) * 1e3:7.3f} ms")

    print(f"broker {broker}, {rounds} round trips each, interleaved")
    print(row("octohub router call", ours))
    print(row("bare paho request/reply", floor))
    print(f"ratio p50 {statistics.median(ours) / statistics.median(floor):.2f}x   "
          f"p95 {pct(ours, 0.95) / pct(floor, 0.95):.2f}x   (target p50 <= 1.5x)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--broker", default=None)
    parser.add_argument("-n", "--rounds", type=int, default=500)
    args = parser.parse_args()
    logs.configure("warning")  # per-call info lines would measure the terminal, not us
    own: Mosquitto | None = None
    if args.broker is None:
        own = Mosquitto(Path(tempfile.mkdtemp()))
        own.start()
    try:
        asyncio.run(main(args.broker or own.url, args.rounds))  # type: ignore[union-attr]
    finally:
        if own:
            own.stop()
