"""The executor against the real broker and real adapters: plans run as DAGs, results are
forwarded and coerced, failures skip their dependants, targets are never guessed,
sensitive calls wait, and the request's deadline holds."""
from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from devices.car import Car
from devices.home import Home
from devices.phone import Phone
from devices.sdk import DeviceAdapter
from hub.executor import CoercionError, ConfirmPolicy, Execution, Executor, coerce
from hub.service import Hub
from hub.settings import DEFAULT_CONFIRM, Settings
from protocols import ErrorCode, FunctionSpec, Topics
from protocols.plan import Plan


@pytest.fixture
async def hub(broker: str, root: str, tmp_path: Path) -> AsyncIterator[Hub]:
    h = Hub(Settings(broker=broker, root=root, db=str(tmp_path / "h.db"), model="none"))
    await h.start()
    yield h
    await h.stop()


class Fleet:
    """Adapters serving on the broker for one test."""

    def __init__(self, hub: Hub, broker: str, root: str) -> None:
        self.hub, self.broker, self.root = hub, broker, root
        self.stops: list[asyncio.Event] = []
        self.tasks: list[asyncio.Task[None]] = []

    async def add(self, adapter: DeviceAdapter, delay_s: float = 0.0) -> Any:
        adapter.call_delay_s = delay_s
        stop = asyncio.Event()
        self.stops.append(stop)
        self.tasks.append(asyncio.create_task(adapter.serve(self.broker, topics=Topics(self.root),
                                                            stop=stop)))
        for _ in range(200):
            known = self.hub.router.devices.get(adapter.device_id)
            if known and known.state == "online":
                return adapter
            await asyncio.sleep(0.025)
        raise AssertionError(f"{adapter.device_id} never came online")

    async def close(self) -> None:
        for stop in self.stops:
            stop.set()
        await asyncio.gather(*self.tasks)


@pytest.fixture
async def fleet(hub: Hub, broker: str, root: str) -> AsyncIterator[Fleet]:
    f = Fleet(hub, broker, root)
    yield f
    await f.close()


def plan(*calls: tuple[str, str, dict[str, Any]]) -> Plan:
    return Plan(calls=[{"id": i, "function": f, "args": a} for i, f, a in calls])


def executor(hub: Hub, confirm: str = "none", **kwargs: Any) -> Executor:
    return Executor(hub.router, ConfirmPolicy(confirm), **kwargs)


def by_id(execution: Execution) -> dict[str, Any]:
    return {o.id: o for o in execution.outcomes()}


async def test_parallel_calls_take_the_longest_not_the_sum(hub: Hub, fleet: Fleet) -> None:
    await fleet.add(Phone("phone-1"), delay_s=0.2)
    await fleet.add(Car("car-1"), delay_s=0.2)
    await fleet.add(Home("home-1"), delay_s=0.2)
    three = plan(("c1", "phone.take_a_photo", {}), ("c2", "car.flash_lights", {}),
                 ("c3", "home.turn_on", {"area": "Kitchen", "domain": "light"}))
    started = time.perf_counter()
    execution = await executor(hub).run(Execution("par", three), timeout_s=5)
    elapsed = time.perf_counter() - started
    assert execution.status == "ok", execution.outcomes()
    assert 0.19 < elapsed < 0.45, elapsed  # max(0.2, 0.2, 0.2), not 0.6
    assert {o.device_id for o in execution.outcomes()} == {"phone-1", "car-1", "home-1"}


async def test_nested_call_gets_the_coerced_result(hub: Hub, fleet: Fleet) -> None:
    phone = await fleet.add(Phone("phone-1"))
    nested = plan(("c1", "phone.get_weather_forecast", {"location": "Paris"}),
                  ("c2", "phone.send_text_message", {"contact_name": "Mom", "message": {"$ref": "c1"}}))
    execution = await executor(hub).run(Execution("nest", nested), timeout_s=5)
    outcomes = by_id(execution)
    assert execution.status == "ok", outcomes
    forecast = outcomes["c1"].value
    assert isinstance(forecast, list) and len(forecast) == 3
    assert outcomes["c2"].args == {"contact_name": "Mom", "message": "\n".join(forecast)}
    assert phone.outbox == [{"kind": "sms", "to": "Mom", "content": "\n".join(forecast)}]


async def test_failing_inner_call_skips_the_outer_and_other_branches_finish(
        hub: Hub, fleet: Fleet) -> None:
    phone = await fleet.add(Phone("phone-1"))
    await fleet.add(Car("car-1"))
    await fleet.add(Home("home-1"))
    failing = plan(
        ("c1", "home.media_search_and_play", {"search_query": "no such song anywhere"}),
        ("c2", "phone.send_text_message", {"contact_name": "Mom", "message": {"$ref": "c1"}}),
        ("c3", "phone.send_email", {"recipient": "a@b.c", "title": "x", "content": {"$ref": "c2"}}),
        ("c4", "car.flash_lights", {}))
    execution = await executor(hub).run(Execution("fail", failing), timeout_s=5)
    outcomes = by_id(execution)
    assert outcomes["c1"].status == "error" and outcomes["c1"].error.code is ErrorCode.device_error
    assert outcomes["c2"].status == "skipped" and outcomes["c2"].error.code is ErrorCode.skipped
    assert "c1 (home.media_search_and_play) failed" in outcomes["c2"].error.message
    assert outcomes["c3"].status == "skipped" and "c2" in outcomes["c3"].error.message
    assert outcomes["c4"].status == "ok"
    assert execution.status == "partial"
    assert phone.outbox == []  # nothing the skipped calls would have sent


async def test_result_that_cannot_fit_the_parameter_fails_invalid_args(hub: Hub, fleet: Fleet) -> None:
    phone = await fleet.add(Phone("phone-1"))
    bad = plan(("c1", "phone.get_weather_forecast", {"location": "Oslo"}),
               ("c2", "phone.set_volume", {"level": {"$ref": "c1"}, "volume_type": "ring"}))
    execution = await executor(hub).run(Execution("coerce", bad), timeout_s=5)
    c2 = by_id(execution)["c2"]
    assert c2.status == "error" and c2.error.code is ErrorCode.invalid_args
    assert "level" in c2.error.message and "c1" in c2.error.message
    assert "whole number" in c2.error.message
    assert phone.volume["ring"] == 5 and execution.status == "partial"


async def test_ambiguous_target_lists_the_candidates(hub: Hub, fleet: Fleet) -> None:
    await fleet.add(Car("car-1"))
    car2 = await fleet.add(Car("car-2"))
    honk = plan(("c1", "car.honk_horn", {}))
    execution = await executor(hub).run(Execution("amb", honk), timeout_s=5)
    c1 = by_id(execution)["c1"]
    assert c1.status == "error" and c1.error.code is ErrorCode.ambiguous_target
    assert "car-1 (online)" in c1.error.message and "car-2 (online)" in c1.error.message
    assert c1.device_id is None and car2.calls_executed == 0
    # The request names one ...
    execution = await executor(hub).run(Execution("named", honk, device_hint="car-2"), timeout_s=5)
    assert by_id(execution)["c1"].device_id == "car-2" and car2.calls_executed == 1
    # ... or the hub has a default for the kind.
    chosen = executor(hub, defaults={"car": "car-1"})
    execution = await chosen.run(Execution("default", honk), timeout_s=5)
    assert by_id(execution)["c1"].device_id == "car-1" and execution.status == "ok"


async def test_sensitive_call_waits_until_approved_and_runs_once(hub: Hub, fleet: Fleet) -> None:
    phone = await fleet.add(Phone("phone-1"))
    car = await fleet.add(Car("car-1"))
    mixed = plan(("c1", "phone.get_weather_forecast", {"location": "Rome"}),
                 ("c2", "phone.send_text_message", {"contact_name": "Mom", "message": {"$ref": "c1"}}),
                 ("c3", "car.flash_lights", {}),
                 ("c4", "car.navigate_to", {"destination": {"$ref": "c2"}}))
    runner = executor(hub, DEFAULT_CONFIRM)
    execution = await runner.run(Execution("held", mixed), timeout_s=5)
    outcomes = by_id(execution)
    assert execution.status == "needs_confirmation"
    assert [s.call.id for s in execution.held()] == ["c2"]
    assert outcomes["c1"].status == outcomes["c3"].status == "ok"  # independent: ran now
    assert outcomes["c2"].status == "needs_confirmation" and outcomes["c2"].error is None
    assert outcomes["c2"].args["message"] == "\n".join(outcomes["c1"].value)  # what will be sent
    assert outcomes["c4"].status == "needs_confirmation" and "c2" in outcomes["c4"].error.message
    assert phone.outbox == [] and car.calls_executed == 1
    phone_calls = phone.calls_executed

    execution.approved = True
    await runner.run(execution, timeout_s=5)
    outcomes = by_id(execution)
    assert outcomes["c2"].status == "ok" and len(phone.outbox) == 1
    assert phone.calls_executed == phone_calls + 1  # the forecast was not fetched again
    assert outcomes["c4"].status == "ok" and outcomes["c4"].args == {"destination": "yes"}
    assert execution.status == "ok"


async def test_declined_call_is_not_sent_and_its_dependants_skip(hub: Hub, fleet: Fleet) -> None:
    car = await fleet.add(Car("car-1"))
    unlock = plan(("c1", "car.unlock_doors", {}), ("c2", "car.flash_lights", {}),
                  ("c3", "car.navigate_to", {"destination": {"$ref": "c1"}}))
    runner = executor(hub, DEFAULT_CONFIRM)
    execution = await runner.run(Execution("no", unlock), timeout_s=5)
    assert execution.status == "needs_confirmation" and car.locked
    execution.declined = "declined by the user"
    await runner.run(execution, timeout_s=5)
    outcomes = by_id(execution)
    assert outcomes["c1"].status == "declined" and "declined by the user" in outcomes["c1"].error.message
    assert outcomes["c3"].status == "skipped" and "c1" in outcomes["c3"].error.message
    assert outcomes["c2"].status == "ok" and execution.status == "partial" and car.locked


async def test_request_deadline_is_honoured(hub: Hub, fleet: Fleet) -> None:
    await fleet.add(Car("car-1"), delay_s=3)
    await fleet.add(Phone("phone-1"))
    slow = plan(("c1", "car.get_vehicle_status", {}), ("c2", "phone.take_a_photo", {}),
                ("c3", "phone.send_text_message", {"contact_name": "Mom", "message": {"$ref": "c1"}}))
    started = time.perf_counter()
    execution = await executor(hub).run(Execution("late", slow), timeout_s=0.5)
    elapsed = time.perf_counter() - started
    outcomes = by_id(execution)
    assert 0.45 < elapsed < 0.8, elapsed
    assert outcomes["c1"].status == "timeout" and outcomes["c1"].error.code is ErrorCode.timeout
    assert outcomes["c2"].status == "ok"
    assert outcomes["c3"].status == "skipped" and "timed out" in outcomes["c3"].error.message
    assert execution.status == "partial"
    await hub.registry.flush()
    rows = await hub.registry.calls(request_id="late")
    assert sorted(r["status"] for r in rows) == ["error", "ok"]  # nothing left pending


async def test_a_plan_with_no_calls_is_ok_and_empty(hub: Hub) -> None:
    execution = await executor(hub).run(Execution("none", Plan(calls=[])), timeout_s=1)
    assert execution.status == "ok" and execution.outcomes() == []


async def test_unknown_kind_fails_without_sending(hub: Hub) -> None:
    execution = await executor(hub).run(Execution("tv", plan(("c1", "tv.power_on", {}))), timeout_s=1)
    c1 = by_id(execution)["c1"]
    assert c1.status == "error" and c1.error.code is ErrorCode.unknown_device
    assert "no tv device" in c1.error.message


# ---- pure functions ------------------------------------------------------------------------

@pytest.mark.parametrize("value, schema, expected", [
    (["a: sun", "b: rain"], {"type": "string"}, "a: sun\nb: rain"),
    (21.5, {"type": "string"}, "21.5"),
    (3, {"type": "string"}, "3"),
    (True, {"type": "string"}, "yes"),
    ({"locked": True, "range_km": 256}, {"type": "string"}, '{"locked":true,"range_km":256}'),
    ("42", {"type": "integer", "minimum": 0}, 42),
    (" 7 ", {"type": "integer"}, 7),
    (4.0, {"type": "integer"}, 4),
    (["5"], {"type": "integer"}, 5),
    ("20.5", {"type": "number"}, 20.5),
    ("yes", {"type": "boolean"}, True),
    ("up", {"anyOf": [{"type": "integer"}, {"type": "string", "enum": ["up", "down"]}]}, "up"),
    ("x", {"type": "array", "items": {"type": "string"}}, ["x"]),
    ({"a": 1}, {}, {"a": 1}),
    ({"a": 1}, None, {"a": 1}),
])
def test_coerce_where_well_defined(value: Any, schema: Any, expected: Any) -> None:
    assert coerce(value, schema) == expected


@pytest.mark.parametrize("value, schema, reason", [
    (["a", "b"], {"type": "integer"}, "not a whole number"),
    ("4.5", {"type": "integer"}, "not a whole number"),
    (True, {"type": "integer"}, "not a whole number"),
    ("maybe", {"type": "boolean"}, "not true or false"),
    ("blue", {"type": "string", "enum": ["front", "back"]}, "not one of 'front', 'back'"),
    ([1, 2], {"type": "object"}, "not an object"),
    (None, {"type": "string"}, "empty"),
])
def test_coerce_refuses_with_a_reason(value: Any, schema: Any, reason: str) -> None:
    with pytest.raises(CoercionError, match=reason):
        coerce(value, schema)


def test_confirm_policy_rules() -> None:
    text_spec = FunctionSpec(name="send_text_message", description="x", sensitive=True)
    plain = FunctionSpec(name="take_a_photo", description="x")
    inventory = {"entities": [{"name": "Front Door Lock", "id": "lock.front_door"},
                              {"name": "Garage Door", "id": "cover.garage_door",
                               "attributes": {"device_class": "garage"}}]}
    default = ConfirmPolicy(DEFAULT_CONFIRM)
    assert default.holds("phone.send_text_message", text_spec, {})
    assert not default.holds("phone.take_a_photo", plain, {})
    assert default.holds("home.turn_off", None, {"domain": "lock"})
    assert default.holds("home.turn_off", None, {"name": "front door lock"}, inventory)
    assert not default.holds("home.turn_off", None, {"name": "Kitchen Light"}, inventory)
    assert default.holds("home.turn_on", None, {"name": "Garage Door"}, inventory)
    custom = ConfirmPolicy("car.*, !car.flash_lights, phone.set_volume[volume_type=ring]")
    assert custom.holds("car.honk_horn", None, {}) and not custom.holds("car.flash_lights", None, {})
    assert custom.holds("phone.set_volume", None, {"volume_type": "RING"})
    assert not custom.holds("phone.set_volume", None, {"volume_type": "media"})
    assert not custom.holds("phone.send_text_message", text_spec, {})  # no `sensitive` rule
    assert not ConfirmPolicy("none").holds("phone.send_text_message", text_spec, {})
    with pytest.raises(ValueError, match="bad confirmation rule"):
        ConfirmPolicy("sensitive, phone send")
