"""`octohub demo`: the embedded amqtt broker (MQTT 3.1.1 only) carries the whole protocol,
the broker is chosen as documented, script lines parse, and the shipped script runs."""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from devices.phone import Phone
from hub.bus import Bus
from hub.cli import stream_request
from hub.demo import EmbeddedBroker, ScriptLine, choose_broker, load_script, parse_line
from hub.service import Hub
from hub.settings import Settings
from protocols import HubReply, Topics
from protocols.messages import AskRequest, DevicesRequest
from protocols.plan import Plan
from tests.conftest import REPO, free_port, run_cli
from tests.test_ask import MODEL, needs_model

SCRIPT = REPO / "demo" / "requests.txt"


async def test_embedded_broker_carries_the_protocol_over_311(root: str, tmp_path: Path) -> None:
    broker = EmbeddedBroker()
    await broker.start()
    stop = asyncio.Event()
    hub = Hub(Settings(broker=broker.url, root=root, db=str(tmp_path / "h.db"), model="none"))
    try:
        await hub.start()
        assert not hub.bus.is_v5  # the auto protocol fell back from MQTT 5 (with a Will)
        phone = Phone("phone-1")
        serving = asyncio.create_task(phone.serve(broker.url, topics=Topics(root), stop=stop,
                                                  protocol="3.1.1"))
        async with Bus(broker.url, root=root) as client:
            assert not client.is_v5
            listing: HubReply | None = None
            for _ in range(100):  # retained manifest and status reach the hub
                listing = await stream_request(client, Topics(root), "home",
                                               lambda rt: DevicesRequest(reply_to=rt), 5)
                if listing.devices and listing.devices[0].state == "online":
                    break
                await asyncio.sleep(0.05)
            assert listing and [d.device_id for d in listing.devices or []] == ["phone-1"]
            plan = Plan(calls=[{"id": "c1", "function": "phone.get_weather_forecast",
                                "args": {"location": "Oslo"}},
                               {"id": "c2", "function": "phone.send_text_message",
                                "args": {"contact_name": "Mom", "message": {"$ref": "c1"}}}])
            reply = await stream_request(client, Topics(root), "home", lambda rt: AskRequest(
                reply_to=rt, query="text Mom the weather in Oslo", plan=plan, yes=True), 10)
        assert reply.status == "ok", reply
        assert phone.outbox[0]["content"].count("\n") == 2
        stop.set()
        await serving
    finally:
        stop.set()
        await hub.stop()
        await broker.stop()


async def test_demo_uses_a_broker_that_answers_else_starts_one(broker: str) -> None:
    url, embedded = await choose_broker(broker)
    assert (url, embedded) == (broker, None)
    port = free_port()
    url, embedded = await choose_broker(f"mqtt://127.0.0.1:{port}")
    try:
        assert embedded is not None and url == f"mqtt://127.0.0.1:{port}"  # the port asked for
        async with Bus(url) as bus:
            assert bus.connected
    finally:
        if embedded:
            await embedded.stop()


def test_script_lines() -> None:
    assert parse_line("   ") is None and parse_line("# a comment") is None
    assert parse_line("take a selfie") == ScriptLine("take a selfie")
    line = parse_line("[area=Living Room, expect=ok] [yes] turn on the lights in here")
    assert line == ScriptLine("turn on the lights in here", {"area": "Living Room"}, "ok", True)
    assert parse_line("[device=car-1] honk") == ScriptLine("honk", device="car-1")
    for bad in ("[area=Kitchen", "[expect=maybe] hi", "[yes]"):
        with pytest.raises(ValueError):
            parse_line(bad)
    lines = load_script(SCRIPT)
    assert 8 <= len(lines) <= 12
    assert {"ok", "needs_confirmation", "nothing"} <= {line.expect for line in lines}
    assert any(line.context.get("area") for line in lines) and any(line.yes for line in lines)


def test_expectations() -> None:
    ok = HubReply(request_id="r", status="ok", calls=[{"id": "c1", "function": "car.lock_doors",
                                                       "status": "ok"}])
    empty = HubReply(request_id="r", status="ok", calls=[])
    held = HubReply(request_id="r", status="needs_confirmation", calls=ok.calls)
    assert ScriptLine("x").met_by(ok) and ScriptLine("x").met_by(held)
    assert not ScriptLine("x").met_by(empty)
    assert ScriptLine("x", expect="nothing").met_by(empty) and not ScriptLine("x", expect="ok").met_by(empty)
    assert not ScriptLine("x", expect="ok").met_by(held)


@pytest.mark.timeout(60)
def test_demo_without_a_model_says_so(tmp_path: Path) -> None:
    result = run_cli("demo", "--script", str(SCRIPT), "--broker", f"mqtt://127.0.0.1:{free_port()}",
                     "--model", str(tmp_path / "no-model"), "--db", str(tmp_path / "d.db"))
    assert result.returncode == 2
    assert "embedded amqtt" in result.stdout and "no planner model" in result.stdout


@needs_model
@pytest.mark.timeout(300)
def test_demo_script_runs_on_the_embedded_broker(tmp_path: Path) -> None:
    result = run_cli("demo", "--script", str(SCRIPT), "--broker", f"mqtt://127.0.0.1:{free_port()}",
                     "--model", str(MODEL), "--db", str(tmp_path / "d.db"), timeout=240)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "embedded amqtt" in result.stdout
    assert f"all {len(load_script(SCRIPT))} requests ended as expected" in result.stdout
