"""The async MQTT client: publish/subscribe, request/reply, protocol choice, reconnect."""
from __future__ import annotations

import asyncio

import pytest

from hub.bus import Bus, BusError, Message, RequestTimeout


async def echo_server(bus: Bus, topic: str) -> None:
    def echo(message: Message) -> None:
        bus.publish(message.response_topic or message.payload.decode(), b"echo",
                    correlation=message.correlation)
    await bus.subscribe(topic, echo)


@pytest.mark.parametrize("protocol", ["5", "3.1.1"])
async def test_request_reply(broker: str, root: str, protocol: str) -> None:
    async with Bus(broker, root=root, protocol=protocol) as server, \
               Bus(broker, root=root, protocol=protocol) as client:
        assert server.is_v5 == (protocol == "5")
        await echo_server(server, f"{root}/echo")
        # The reply topic travels in the body too, so 3.1.1 works without v5 properties.
        replies = await asyncio.gather(*[
            client.request(f"{root}/echo", lambda rt: rt.encode(), timeout=5) for _ in range(20)])
        assert all(r.payload == b"echo" for r in replies)
        assert len({r.topic for r in replies}) == 20  # each request had its own reply topic


async def test_request_times_out(broker: str, root: str) -> None:
    async with Bus(broker, root=root) as client:
        with pytest.raises(RequestTimeout):
            await client.request(f"{root}/nobody", lambda rt: b"x", timeout=0.3)


async def test_connect_to_nothing_fails_clearly() -> None:
    with pytest.raises(BusError, match="cannot connect"):
        await Bus("mqtt://127.0.0.1:1", protocol="5").connect(timeout=1)


def test_bad_url() -> None:
    with pytest.raises(BusError, match="scheme"):
        Bus("http://127.0.0.1:1883")


async def test_handler_errors_do_not_kill_the_bus(broker: str, root: str) -> None:
    got: asyncio.Queue[bytes] = asyncio.Queue()

    def broken(_m: Message) -> None:
        raise RuntimeError("handler bug")

    async with Bus(broker, root=root) as bus:
        await bus.subscribe(f"{root}/t", broken)
        await bus.subscribe(f"{root}/t", lambda m: got.put_nowait(m.payload))
        bus.publish(f"{root}/t", b"1")
        bus.publish(f"{root}/t", b"2")
        assert [await asyncio.wait_for(got.get(), 5) for _ in range(2)] == [b"1", b"2"]


async def test_reconnects_and_resubscribes_after_broker_restart(own_broker) -> None:  # type: ignore[no-untyped-def]
    got: asyncio.Queue[bytes] = asyncio.Queue()
    reconnected = asyncio.Event()
    async with Bus(own_broker.url) as listener, Bus(own_broker.url) as sender:
        listener.on_reconnect(reconnected.set)
        await listener.subscribe("t/#", lambda m: got.put_nowait(m.payload))
        sender.publish("t/a", b"before")
        assert await asyncio.wait_for(got.get(), 5) == b"before"

        own_broker.stop()
        await asyncio.sleep(0.5)
        assert not listener.connected
        own_broker.start()
        await asyncio.wait_for(reconnected.wait(), 15)
        for _ in range(100):  # the sender reconnects on its own schedule
            if sender.connected:
                break
            await asyncio.sleep(0.1)
        sender.publish("t/b", b"after")
        assert await asyncio.wait_for(got.get(), 5) == b"after"
