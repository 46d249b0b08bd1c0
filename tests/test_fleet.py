"""The fleet simulator against the real broker and an in-process hub: many devices in
one process, random valid calls through the hub, all answered ok."""
from __future__ import annotations

import random

import pytest
from jsonschema import Draft202012Validator

from hub.bus import Bus
from hub.service import Hub
from protocols import Topics
from simulations.fleet import CALLS, Fleet, build, load, wait_ready

pytestmark = pytest.mark.timeout(60)


def test_call_table_validates_against_manifests() -> None:
    """Every call the load can pick is valid for the device's own manifest."""
    rng = random.Random(0)
    for adapter in build(1, 1, 1):
        manifest = adapter.manifest()
        for function, make_args in CALLS[adapter.kind]:
            spec = manifest.function(function)
            assert spec is not None, (adapter.kind, function)
            for _ in range(5):
                Draft202012Validator(spec.parameters).validate(make_args(rng))


async def test_fleet_under_load(hub: Hub, broker: str, root: str) -> None:
    topics = Topics(root)
    adapters = build(phones=5, cars=3, homes=1, seed=7, delay=0.01, jitter=0.02)
    assert [a.device_id for a in adapters][:2] == ["phone-001", "phone-002"]
    async with Fleet(adapters, broker, topics) as fleet, Bus(broker, root=root) as client:
        listing = await wait_ready(client, topics, "home", fleet, timeout=15)
        summary = await load(client, topics, "home", adapters, calls=60, concurrency=8, seed=7,
                             progress=False)
        online = [d for d in hub.device_list() if d.state == "online"]
    assert summary.ok == 60, summary.report()
    assert summary.unanswered == 0 and not summary.errors
    assert len(summary.latencies) == 60 and summary.percentile(0.95) < 5
    assert len([d for d in listing if d.state == "online"]) == 9
    assert sorted(d.device_id for d in online) == sorted(a.device_id for a in adapters)
    assert sum(a.calls_executed for a in adapters) == 60
