"""The hub in process against the real broker: bad input never hurts it, calls run
concurrently, and pending calls fail fast when their device goes offline."""
from __future__ import annotations

import asyncio
import time


from devices.car import Car
from devices.phone import Phone
from hub.bus import Bus
from hub.service import Hub
from protocols import ErrorCode, HubReply, Topics, decode, encode
from protocols.messages import CallCommand, DevicesRequest


async def start_device(adapter, broker: str, root: str):  # type: ignore[no-untyped-def]
    stop = asyncio.Event()
    task = asyncio.create_task(adapter.serve(broker, topics=Topics(root), stop=stop))
    return stop, task


async def wait_online(hub: Hub, device_id: str) -> None:
    for _ in range(100):
        known = hub.router.devices.get(device_id)
        if known and known.state == "online":
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"{device_id} never came online")


async def test_bad_input_is_dropped_and_hub_keeps_serving(hub: Hub, broker: str, root: str) -> None:
    topics = Topics(root)
    phone = Phone("phone-1")
    stop, task = await start_device(phone, broker, root)
    await wait_online(hub, "phone-1")
    async with Bus(broker, root=root) as client:
        junk = [b"", b"\xff", b"[]", b'{"type":"call"}', b'{"type":"devices"}', b"x" * 300_000,
                '{"type":"devices","reply_to":"\u202e\U0001f600"}'.encode()]
        for payload in junk:
            client.publish(topics.hub_request("home"), payload)
            client.publish(topics.device_manifest("phone-2"), payload)
            client.publish(topics.device_status("phone-1"), payload)
            client.publish(topics.device_result("phone-1", "home"), payload)
        # A manifest whose body names another device is refused too.
        client.publish(topics.device_manifest("evil"), encode(Car("car-1").manifest()))
        # A v5 client that names a response topic is told why its request was refused.
        reply = await client.request(topics.hub_request("home"), lambda rt: b'{"type":"nope"}', timeout=5)
        refused = decode(HubReply, reply.payload)
        assert refused.status == "error" and refused.error.code is ErrorCode.invalid_request  # type: ignore[union-attr]
        # Odd Unicode in args is just data.
        reply = await client.request(topics.hub_request("home"), lambda rt: encode(CallCommand(
            reply_to=rt, target="phone-1.send_text_message",
            args={"contact_name": "Zoë \u200d👩‍👩‍👧", "message": "مرحبا \u202e test"})), timeout=5)
        ok = decode(HubReply, reply.payload)
        assert ok.status == "ok", ok
        assert phone.outbox[-1]["to"] == "Zoë \u200d👩‍👩‍👧"
        reply = await client.request(topics.hub_request("home"),
                                     lambda rt: encode(DevicesRequest(reply_to=rt)), timeout=5)
        devices = decode(HubReply, reply.payload).devices or []
    assert [d.device_id for d in devices] == ["phone-1"]
    assert devices[0].state == "online"
    stop.set()
    await task


async def test_calls_run_concurrently(hub: Hub, broker: str, root: str) -> None:
    car = Car("car-1")
    car.call_delay_s = 0.3
    stop, task = await start_device(car, broker, root)
    await wait_online(hub, "car-1")
    started = time.monotonic()
    results = await asyncio.gather(*[hub.router.call("car-1", "flash_lights") for _ in range(10)])
    elapsed = time.monotonic() - started
    assert all(r.status == "ok" for r in results)
    assert elapsed < 1.5, elapsed  # ten 0.3 s calls, not 3 s in a row
    stop.set()
    await task


async def test_pending_call_fails_when_device_goes_offline(hub: Hub, broker: str, root: str) -> None:
    car = Car("car-1")
    car.call_delay_s = 5
    stop, task = await start_device(car, broker, root)
    await wait_online(hub, "car-1")
    pending = asyncio.create_task(hub.router.call("car-1", "flash_lights", timeout_s=10))
    await asyncio.sleep(0.3)
    started = time.monotonic()
    stop.set()  # a graceful exit publishes offline itself (no Last Will on clean disconnect)
    result = await pending
    assert result.error and result.error.code is ErrorCode.device_offline
    assert time.monotonic() - started < 2
    task.cancel()
