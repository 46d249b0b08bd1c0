"""`ask` and `confirm` over MQTT: the hub in process (plans sent with the ask), then the
real CLI in child processes, and end to end through the shipped planner model."""
from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from devices.car import Car
from devices.phone import Phone
from hub.bus import Bus
from hub.cli import stream_request
from hub.planner.planner import DEFAULT_MODEL
from hub.service import Hub
from hub.settings import Settings
from protocols import ErrorCode, HubReply, Topics, decode
from protocols.messages import AskProgress, AskRequest, ConfirmRequest
from protocols.plan import Plan
from tests.conftest import REPO, Procs, run_cli
from tests.test_executor import Fleet

MODEL = Path(os.environ.get("OCTOHUB_TEST_MODEL") or DEFAULT_MODEL)
needs_model = pytest.mark.skipif(
    not (MODEL / "planner.json").exists(),
    reason=f"no planner checkpoint at {MODEL} (ships in hub/planner/checkpoint/; "
           "or set OCTOHUB_TEST_MODEL=DIR)")

WEATHER_TO_MOM = {"calls": [
    {"id": "c1", "function": "phone.get_weather_forecast", "args": {"location": "Paris"}},
    {"id": "c2", "function": "phone.send_text_message",
     "args": {"contact_name": "Mom", "message": {"$ref": "c1"}}},
    {"id": "c3", "function": "car.flash_lights", "args": {}}]}


@pytest.fixture
async def hub(broker: str, root: str, tmp_path: Path) -> AsyncIterator[Hub]:
    h = Hub(Settings(broker=broker, root=root, db=str(tmp_path / "h.db"), model="none",
                     confirm_ttl_s=1.0))
    await h.start()
    yield h
    await h.stop()


@pytest.fixture
async def fleet(hub: Hub, broker: str, root: str) -> AsyncIterator[Fleet]:
    f = Fleet(hub, broker, root)
    yield f
    await f.close()


@pytest.fixture
async def client(broker: str, root: str) -> AsyncIterator[Bus]:
    async with Bus(broker, root=root) as bus:
        yield bus


async def send(client: Bus, root: str, request: Any, progress: list[AskProgress] | None = None,
               timeout: float = 10) -> HubReply:
    return await stream_request(client, Topics(root), "home",
                                lambda rt: request.model_copy(update={"reply_to": rt}), timeout,
                                progress.append if progress is not None else None)


def ask(query: str = "text Mom the weather in Paris", plan: dict | None = None, **kw: Any) -> AskRequest:
    return AskRequest(reply_to="-", query=query,
                      plan=Plan.model_validate(plan or WEATHER_TO_MOM), **kw)


async def test_ask_streams_progress_and_answers(hub: Hub, fleet: Fleet, client: Bus, root: str) -> None:
    await fleet.add(Phone("phone-1"))
    await fleet.add(Car("car-1"))
    updates: list[AskProgress] = []
    reply = await send(client, root, ask(yes=True, progress=True, request_id="r-stream"), updates)
    assert reply.status == "ok" and reply.request_id == "r-stream"
    assert [c.status for c in reply.calls or []] == ["ok", "ok", "ok"]
    assert reply.answer and "Forecast for Paris" in reply.answer and "text sent to Mom" in reply.answer
    assert updates[0].plan == reply.plan and updates[0].call is None  # the plan comes first
    assert sorted(u.call.id for u in updates[1:] if u.call) == ["c1", "c2", "c3"]
    c1 = next(c for c in reply.calls or [] if c.id == "c1")
    assert c1.device_id == "phone-1" and c1.call_id and c1.duration_ms and c1.started_at
    for name, message in (("HubReply", reply), ("AskProgress", updates[-1])):  # docs/schemas hold
        schema = json.loads((REPO / "docs" / "schemas" / f"{name}.json").read_text())
        Draft202012Validator(schema).validate(json.loads(message.model_dump_json(exclude_none=True)))

    await hub.registry.flush()
    row = await hub.registry.request("r-stream")
    assert row and row["status"] == "ok" and row["query"] == "text Mom the weather in Paris"
    assert row["plan"]["calls"][1]["args"]["message"] == {"$ref": "c1"}
    assert [c["status"] for c in row["calls"]] == ["ok", "ok", "ok"] and row["answer"] == reply.answer
    calls = await hub.registry.calls(request_id="r-stream")  # the router's own rows
    assert {r["call_id"] for r in calls} == {str(c.call_id) for c in reply.calls or []}


async def test_sensitive_call_is_held_until_confirmed_then_runs_once(
        hub: Hub, fleet: Fleet, client: Bus, root: str) -> None:
    phone = await fleet.add(Phone("phone-1"))
    await fleet.add(Car("car-1"))
    reply = await send(client, root, ask(request_id="r-held"))
    assert reply.status == "needs_confirmation" and reply.expires_at
    statuses = {c.id: c.status for c in reply.calls or []}
    assert statuses == {"c1": "ok", "c2": "needs_confirmation", "c3": "ok"}
    assert "waiting for confirmation to send a text to Mom" in (reply.answer or "")
    assert phone.outbox == []
    await hub.registry.flush()
    assert (await hub.registry.request("r-held"))["status"] == "needs_confirmation"  # type: ignore[index]

    confirmed, again = await asyncio.gather(  # two confirms at once: one runs it
        send(client, root, ConfirmRequest(reply_to="-", request_id="r-held")),
        send(client, root, ConfirmRequest(reply_to="-", request_id="r-held")))
    assert sorted([confirmed.status, again.status]) == ["error", "ok"]
    done = confirmed if confirmed.status == "ok" else again
    assert [c.status for c in done.calls or []] == ["ok", "ok", "ok"]
    assert len(phone.outbox) == 1 and phone.outbox[0]["to"] == "Mom"
    late = await send(client, root, ConfirmRequest(reply_to="-", request_id="r-held"))
    assert late.status == "error" and late.error and late.error.code is ErrorCode.invalid_request
    assert "already ended (ok)" in late.error.message and len(phone.outbox) == 1
    await hub.registry.flush()
    assert (await hub.registry.request("r-held"))["status"] == "ok"  # type: ignore[index]


async def test_declined_and_expired_confirmations_send_nothing(
        hub: Hub, fleet: Fleet, client: Bus, root: str) -> None:
    phone = await fleet.add(Phone("phone-1"))
    await fleet.add(Car("car-1"))
    await send(client, root, ask(request_id="r-no"))
    declined = await send(client, root, ConfirmRequest(reply_to="-", request_id="r-no", approve=False))
    assert declined.status == "partial"
    assert [c.status for c in declined.calls or []] == ["ok", "declined", "ok"]
    assert "did not send a text to Mom (declined)" in (declined.answer or "")

    held = await send(client, root, ask(request_id="r-expire"))
    assert held.status == "needs_confirmation"
    await asyncio.sleep(1.3)  # confirm_ttl_s is 1 s in this hub
    expired = await send(client, root, ConfirmRequest(reply_to="-", request_id="r-expire"))
    assert expired.status == "error" and expired.error
    assert "already ended (partial)" in expired.error.message
    assert "not confirmed" in json.dumps((await hub.registry.request("r-expire"))["calls"])  # type: ignore[index]
    assert phone.outbox == []


async def test_yes_confirms_up_front(hub: Hub, fleet: Fleet, client: Bus, root: str) -> None:
    car = await fleet.add(Car("car-1"))
    unlock = {"calls": [{"id": "c1", "function": "car.unlock_doors", "args": {}}]}
    reply = await send(client, root, ask("unlock the car", unlock, yes=True))
    assert reply.status == "ok" and reply.answer == "Car unlocked." and not car.locked


async def test_bad_asks_and_confirms_get_clear_errors(hub: Hub, fleet: Fleet, client: Bus,
                                                      root: str) -> None:
    await fleet.add(Phone("phone-1"))
    topics = Topics(root)
    for payload in [b'{"type":"ask"}', b'{"type":"ask","reply_to":"x","query":""}',
                    b'{"type":"ask","reply_to":"x","query":"hi","timeout_s":-1}',
                    b'{"type":"ask","reply_to":"x","query":"hi","plan":{"calls":[{"id":"c1",'
                    b'"function":"phone.x","args":{"a":{"$ref":"c9"}}}]}}',
                    b'{"type":"confirm","reply_to":"x"}', b'{"type":"confirm","reply_to":"x",'
                    b'"request_id":"r","approve":"perhaps"}', b"\xff\xfe", b"[1]"]:
        message = await client.request(topics.hub_request("home"), lambda rt, p=payload: p, timeout=5)
        refused = decode(HubReply, message.payload)
        assert refused.status == "error" and refused.error, payload
        assert refused.error.code is ErrorCode.invalid_request, payload

    unknown = await send(client, root, ConfirmRequest(reply_to="-", request_id="never-asked"))
    assert unknown.error and "no ask 'never-asked' is known" in unknown.error.message
    no_device = await send(client, root, ask(device_id="phone-9"))
    assert no_device.error and no_device.error.code is ErrorCode.unknown_device
    assert "phone-9" in no_device.error.message and "phone-1" in no_device.error.message
    no_planner = await send(client, root, AskRequest(reply_to="-", query="take a selfie"))
    assert no_planner.error and "without a planner" in no_planner.error.message
    assert no_planner.answer == no_planner.error.message

    held = await send(client, root, ask(request_id="dup", plan={"calls": WEATHER_TO_MOM["calls"][:2]}))
    assert held.status == "needs_confirmation"
    dup = await send(client, root, ask(request_id="dup", plan={"calls": WEATHER_TO_MOM["calls"][:2]}))
    assert dup.error and "already in use" in dup.error.message
    # The hub still serves.
    ok = await send(client, root, ask("photo", {"calls": [{"id": "c1", "function": "phone.take_a_photo"}]}))
    assert ok.status == "ok"


async def test_call_failure_makes_the_reply_an_error(hub: Hub, fleet: Fleet, client: Bus,
                                                     root: str) -> None:
    await fleet.add(Phone("phone-1"))
    loud = {"calls": [{"id": "c1", "function": "phone.set_volume",
                       "args": {"level": 42, "volume_type": "ring"}}]}
    reply = await send(client, root, ask("volume to 42", loud))
    assert reply.status == "error" and reply.error and reply.error.code is ErrorCode.invalid_args
    assert reply.answer and reply.answer.startswith("Could not set the ring volume to 42 (invalid_args")


# ---- the CLI, in child processes ---------------------------------------------------------

def cli(*args: str, broker: str, root: str, timeout: float = 30) -> Any:
    return run_cli(*args, "--broker", broker, "--root", root, timeout=timeout)


@pytest.fixture
def fleet_procs(procs: Procs, broker: str, root: str, tmp_path: Path) -> Procs:
    common = ["--broker", broker, "--root", root]
    model = ["--model", str(MODEL), "--no-retrain"] if (MODEL / "planner.json").exists() else [
        "--model", "none"]
    procs.start("hub", "hub", "--db", str(tmp_path / "hub.db"), *model, *common)
    for kind in ("phone", "car", "home"):
        procs.start(kind, "device", kind, "--id", f"{kind}-1", *common)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        result = run_cli("devices", "--json", *common)
        if result.returncode == 0 and sum(d["state"] == "online" for d in json.loads(result.stdout)) == 3:
            time.sleep(0.3)  # the planner takes the manifests in too
            return procs
        time.sleep(0.3)
    raise AssertionError(procs.log("hub"))


@pytest.mark.timeout(120)
def test_cli_ask_confirm_and_history(fleet_procs: Procs, broker: str, root: str,
                                     tmp_path: Path) -> None:
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(WEATHER_TO_MOM))
    shown = cli("ask", "text Mom the weather in Paris", "--plan", str(plan_file), broker=broker, root=root)
    assert shown.returncode == 4, shown.stderr  # waits for confirmation; stdin is no TTY
    assert "plan: 3 calls" in shown.stdout and "└── c2 phone.send_text_message" in shown.stdout
    assert "needs_confirmation" in shown.stdout and "octohub confirm" in shown.stderr

    asked = cli("ask", "text Mom the weather in Paris", "--plan", str(plan_file), "--json",
                broker=broker, root=root)
    assert asked.returncode == 4
    body = json.loads(asked.stdout)
    assert list(body) == ["request_id", "plan", "calls", "status", "answer"]
    assert body["status"] == "needs_confirmation" and body["plan"] == {**WEATHER_TO_MOM, **body["plan"]}
    assert [c["status"] for c in body["calls"]] == ["ok", "needs_confirmation", "ok"]
    assert {"device_id", "value", "duration_ms", "started_at", "finished_at"} <= set(body["calls"][0])

    confirmed = cli("confirm", body["request_id"], broker=broker, root=root)
    assert confirmed.returncode == 0, confirmed.stdout + confirmed.stderr
    assert "✓ c2 phone.send_text_message on phone-1" in confirmed.stdout
    again = cli("confirm", body["request_id"], "--json", broker=broker, root=root)
    assert again.returncode == 1 and "already ended (ok)" in json.loads(again.stdout)["answer"]

    yes = cli("ask", "text Mom", "--plan", str(plan_file), "--yes", "--json", broker=broker, root=root)
    assert yes.returncode == 0 and json.loads(yes.stdout)["status"] == "ok"
    bad = cli("ask", "x", "--device", "Not An Id", broker=broker, root=root)
    assert bad.returncode == 2

    time.sleep(0.2)  # the registry commits within 50 ms
    db = str(tmp_path / "hub.db")
    listing = run_cli("history", "--json", "-n", "2", "--db", db)
    rows = json.loads(listing.stdout)
    assert [r["status"] for r in rows] == ["ok", "ok"] and rows[0]["request_id"] != body["request_id"]
    assert rows[1]["request_id"] == body["request_id"] and rows[1]["plan"]["calls"][0]["id"] == "c1"
    table = run_cli("history", "--db", db)
    assert table.returncode == 0 and "text Mom" in table.stdout
    one = run_cli("history", body["request_id"][:8], "--db", db)
    assert one.returncode == 0 and "plan: 3 calls" in one.stdout and "text sent to Mom" in one.stdout
    with sqlite3.connect(db) as conn:
        states = conn.execute("SELECT status, count(*) FROM calls GROUP BY status").fetchall()
    assert dict(states).get("pending") is None
    assert run_cli("history", "--db", str(tmp_path / "nope.db")).returncode == 2


# ---- end to end through the shipped planner ----------------------------------------------

def state_of(broker: str, root: str, *args: str) -> Any:
    result = cli("call", "home-1.get_state", *args, "--json", broker=broker, root=root)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)["value"]


@needs_model
@pytest.mark.timeout(180)
def test_ask_end_to_end_through_the_model(fleet_procs: Procs, broker: str, root: str) -> None:
    before = state_of(broker, root, "area=Kitchen", "domain=light", "state=on")
    assert before["answer"] is True  # the default inventory's kitchen light is on

    off = cli("ask", "turn off the kitchen lights", "--json", broker=broker, root=root)
    assert off.returncode == 0, off.stdout + off.stderr
    body = json.loads(off.stdout)
    assert [c["function"] for c in body["calls"]] == ["home.turn_off"]
    assert state_of(broker, root, "area=Kitchen", "domain=light", "state=off")["answer"] is True

    here = cli("ask", "turn on the lights in here", "--context", "area=Kitchen", "--json",
               broker=broker, root=root)
    assert here.returncode == 0, here.stdout + here.stderr
    assert json.loads(here.stdout)["calls"][0]["args"]["area"] == "Kitchen"
    assert state_of(broker, root, "area=Kitchen", "domain=light", "state=on")["answer"] is True

    selfie = cli("ask", "take a selfie", broker=broker, root=root)
    assert selfie.returncode == 0 and "phone.take_a_photo" in selfie.stdout
    assert "Photo saved to" in selfie.stdout

    text = cli("ask", "text Mom the weather forecast for Paris", "--json", broker=broker, root=root)
    held = json.loads(text.stdout)
    assert text.returncode == 4 and held["status"] == "needs_confirmation"
    assert [c["function"] for c in held["calls"]] == ["phone.get_weather_forecast",
                                                      "phone.send_text_message"]
    sent = cli("confirm", held["request_id"], "--json", broker=broker, root=root)
    assert sent.returncode == 0 and json.loads(sent.stdout)["status"] == "ok"

    nothing = cli("ask", "what is the capital of Peru", "--json", broker=broker, root=root)
    assert nothing.returncode == 0 and json.loads(nothing.stdout)["calls"] == []
