"""Device SDK: schemas from type hints, validation, errors, and dedup on redelivery."""
from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta
from typing import Annotated, Literal

from pydantic import Field

from devices.car import Car
from devices.phone import OCTOPUS_ORDER, Phone
from devices.sdk import DeviceAdapter, function
from hub.bus import Bus
from protocols import CallRequest, CallResult, ErrorCode, Topics, decode, encode
from protocols.messages import utcnow


class Lamp(DeviceAdapter):
    kind = "lamp"

    def __init__(self, device_id: str) -> None:
        super().__init__(device_id)
        self.level = 0

    @function(sensitive=True, examples=["dim the lamp to {level}"])
    async def set_level(self, level: Annotated[int, Field(ge=0, le=10)],
                        mode: Literal["warm", "cold"] = "warm") -> int:
        """Sets the lamp level.

        Args:
            level: 0 (off) to 10.
            mode: Colour mode.
        """
        self.level = level
        return level

    @function
    async def explode(self) -> None:
        """Always fails."""
        raise RuntimeError("boom")


def request(function: str, args: dict[str, object] | None = None, **over: object) -> CallRequest:
    fields: dict[str, object] = dict(hub_id="home", function=function, args=args or {},
                                     deadline=utcnow() + timedelta(seconds=5), reply_to="r")
    fields.update(over)
    return CallRequest(**fields)  # type: ignore[arg-type]


def test_schema_from_type_hints() -> None:
    spec = Lamp("lamp-1").functions["set_level"].spec
    assert spec.description == "Sets the lamp level."
    assert spec.sensitive and spec.examples == ["dim the lamp to {level}"]
    props = spec.parameters["properties"]
    assert props["level"] == {"type": "integer", "minimum": 0, "maximum": 10,
                              "description": "0 (off) to 10."}
    assert props["mode"]["enum"] == ["warm", "cold"] and props["mode"]["default"] == "warm"
    assert spec.parameters["required"] == ["level"]
    assert spec.parameters["additionalProperties"] is False
    assert spec.returns == {"type": "integer"}


def test_phone_and_car_manifests() -> None:
    phone = Phone("phone-1").manifest()
    assert [f.name for f in phone.functions] == OCTOPUS_ORDER
    assert len(phone.functions) == 20
    sensitive = {f.name for f in phone.functions if f.sensitive}
    assert sensitive == {"send_email", "send_text_message", "make_phone_call", "open_or_lock_door"}
    car = Car("car-1").manifest()
    assert len(car.functions) == 17
    assert [f.name for f in car.functions][:5] == ["adjust_volume", "set_climate_temperature",
                                                  "adjust_seat_position", "control_window",
                                                  "operate_sunroof"]
    assert {f.name for f in car.functions if f.sensitive} == {"unlock_doors", "open_trunk"}


async def test_validation_and_errors() -> None:
    lamp = Lamp("lamp-1")
    ok = await lamp.handle(request("set_level", {"level": 4}))
    assert ok.status == "ok" and ok.value == 4 and lamp.level == 4
    bad = await lamp.handle(request("set_level", {"level": 11}))
    assert bad.error and bad.error.code is ErrorCode.invalid_args and "level" in bad.error.message
    extra = await lamp.handle(request("set_level", {"level": 1, "colour": "red"}))
    assert extra.error and extra.error.code is ErrorCode.invalid_args
    unknown = await lamp.handle(request("fly"))
    assert unknown.error and unknown.error.code is ErrorCode.unknown_function
    boom = await lamp.handle(request("explode"))
    assert boom.error and boom.error.code is ErrorCode.device_error and "boom" in boom.error.message
    late = await lamp.handle(request("set_level", {"level": 2},
                                     deadline=utcnow() - timedelta(seconds=1)))
    assert late.error and late.error.code is ErrorCode.rejected and lamp.level == 4


async def test_dedup_in_process() -> None:
    lamp = Lamp("lamp-1")
    first = request("set_level", {"level": 3})
    results = await asyncio.gather(lamp.handle(first), lamp.handle(first))
    assert lamp.calls_executed == 1
    assert results[0] == results[1]


async def test_redelivered_call_over_mqtt_runs_once(broker: str, root: str) -> None:
    """A QoS 1 redelivery (same call_id) gets the cached result again; nothing runs twice."""
    phone = Phone("phone-dedup")
    stop = asyncio.Event()
    topics = Topics(root)
    serving = asyncio.create_task(phone.serve(broker, topics=topics, stop=stop))
    async with Bus(broker, root=root) as hub_bus:
        results: asyncio.Queue[CallResult] = asyncio.Queue()
        reply_to = topics.device_result("phone-dedup", "home")
        await hub_bus.subscribe(reply_to, lambda m: results.put_nowait(decode(CallResult, m.payload)))
        await asyncio.sleep(0.3)  # let the device subscribe
        call = request("take_a_photo", {"camera": "front"}, reply_to=reply_to)
        for _ in range(3):
            hub_bus.publish(topics.device_call("phone-dedup"), encode(call))
        got = [await asyncio.wait_for(results.get(), 5) for _ in range(3)]
    stop.set()
    await serving
    assert phone.calls_executed == 1 and len(phone.photos) == 1
    assert {r.call_id for r in got} == {call.call_id}
    assert len({r.value for r in got}) == 1


async def test_invalid_call_payload_is_dropped_and_device_keeps_serving(broker: str, root: str) -> None:
    phone = Phone("phone-bad")
    stop = asyncio.Event()
    topics = Topics(root)
    serving = asyncio.create_task(phone.serve(broker, topics=topics, stop=stop))
    async with Bus(broker, root=root) as bus:
        results: asyncio.Queue[bytes] = asyncio.Queue()
        reply_to = f"{root}/replies"
        await bus.subscribe(reply_to, lambda m: results.put_nowait(m.payload))
        await asyncio.sleep(0.3)
        for junk in (b"\xff\x00", b"{", b'{"type":"call"}', "ü".encode() * 300_000):
            bus.publish(topics.device_call("phone-bad"), junk)
        good = request("change_screen_brightness", {"level": 7}, reply_to=reply_to)
        bus.publish(topics.device_call("phone-bad"), encode(good))
        reply = decode(CallResult, await asyncio.wait_for(results.get(), 5))
    stop.set()
    await serving
    assert reply.call_id == good.call_id and reply.status == "ok" and phone.brightness == 7
    assert results.empty()  # the junk got no reply
    assert not serving.exception()


def test_call_id_is_required_unique() -> None:
    assert request("x").call_id != request("x").call_id
    assert isinstance(request("x").call_id, uuid.UUID)
