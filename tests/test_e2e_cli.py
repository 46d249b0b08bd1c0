"""End to end with the real CLI in separate processes: hub + phone, car and home adapters
on the real broker, results over MQTT, every call kept in SQLite."""
from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from devices.car import Car
from devices.phone import Phone
from tests.conftest import Procs, run_cli

pytestmark = pytest.mark.timeout(120)


def common(broker: str, root: str) -> list[str]:
    return ["--broker", broker, "--root", root]


def wait_for_devices(broker: str, root: str, want: int, timeout: float = 20) -> list[dict]:
    deadline = time.monotonic() + timeout
    listing: list[dict] = []
    while time.monotonic() < deadline:
        result = run_cli("devices", "--json", *common(broker, root))
        if result.returncode == 0:
            listing = json.loads(result.stdout)
            if sum(d["state"] == "online" for d in listing) >= want:
                return listing
        time.sleep(0.3)
    raise AssertionError(f"only {listing} after {timeout}s")


def call(broker: str, root: str, target: str, *args: str, timeout: float = 5) -> tuple[int, dict | None, str]:
    result = run_cli("call", target, *args, "--json", "--timeout", str(timeout), *common(broker, root))
    body = json.loads(result.stdout) if result.stdout.strip() else None
    return result.returncode, body, result.stderr


@pytest.fixture
def fleet(procs: Procs, broker: str, root: str, tmp_path: Path) -> Procs:
    db = tmp_path / "hub.db"
    procs.start("hub", "hub", "--db", str(db), "--model", "none", *common(broker, root))
    procs.start("phone", "device", "phone", "--id", "phone-1", *common(broker, root))
    procs.start("car", "device", "car", "--id", "car-1", *common(broker, root))
    procs.start("home", "device", "home", "--id", "home-1", *common(broker, root))
    procs.start("slow", "device", "car", "--id", "slow-car", "--delay", "3", *common(broker, root))
    wait_for_devices(broker, root, 4)
    return procs


def test_fleet_end_to_end(fleet: Procs, broker: str, root: str, tmp_path: Path) -> None:
    listing = {d["device_id"]: d for d in wait_for_devices(broker, root, 4)}
    assert {k: (v["kind"], v["state"]) for k, v in listing.items() if k != "slow-car"} == {
        "phone-1": ("phone", "online"), "car-1": ("car", "online"), "home-1": ("home", "online")}
    assert listing["phone-1"]["functions"] == 20 and listing["car-1"]["functions"] == 17
    assert listing["home-1"]["functions"] == 40

    # A call to each adapter succeeds, and its value matches the function's return schema.
    returns = {("phone-1", "get_weather_forecast"): Phone("x").functions["get_weather_forecast"].spec.returns,
               ("car-1", "get_vehicle_status"): Car("x").functions["get_vehicle_status"].spec.returns}
    rc, body, _ = call(broker, root, "phone-1.get_weather_forecast", "location=Paris")
    assert rc == 0 and body and body["status"] == "ok"
    Draft202012Validator(returns[("phone-1", "get_weather_forecast")]).validate(body["value"])
    assert all(line[:4].isdigit() and line[10:12] == ": " for line in body["value"])
    rc, body, _ = call(broker, root, "car-1.get_vehicle_status")
    assert rc == 0 and body and body["status"] == "ok"
    Draft202012Validator(returns[("car-1", "get_vehicle_status")]).validate(body["value"])
    rc, body, _ = call(broker, root, "home-1.turn_off", "area=Kitchen", "domain=light")
    assert rc == 0 and body and body["status"] == "ok", body
    rc, body, _ = call(broker, root, "home-1.get_state", "area=Kitchen", "domain=light", "state=off")
    assert rc == 0 and body and body["value"]["answer"] is True

    # invalid_args never reaches the device; unknown targets are named.
    rc, body, stderr = call(broker, root, "phone-1.set_volume", "level=42", "volume_type=ring")
    assert rc == 1 and body and body["error"]["code"] == "invalid_args" and "42" in body["error"]["message"]
    assert "invalid_args" in stderr
    rc, body, _ = call(broker, root, "phone-9.take_a_photo")
    assert rc == 1 and body and body["error"]["code"] == "unknown_device"
    rc, body, _ = call(broker, root, "car-1.fly_away")
    assert rc == 1 and body and body["error"]["code"] == "unknown_function"

    # A slow function gives timeout; its late result is still recorded.
    rc, body, _ = call(broker, root, "slow-car.honk_horn", timeout=1)
    assert rc == 1 and body and body["error"]["code"] == "timeout"
    slow_call_id = body["call_id"]

    # Killing an adapter: its Last Will marks it offline, and calls fail fast.
    fleet.stop("car", kill=True)
    started = time.monotonic()
    code = None
    while time.monotonic() - started < 2.0:
        rc, body, _ = call(broker, root, "car-1.honk_horn")
        code = body["error"]["code"] if body and body.get("error") else None
        if code == "device_offline":
            break
    assert code == "device_offline", code
    assert time.monotonic() - started < 2.0

    # The registry holds every call after a hub restart.
    time.sleep(2.5)  # the slow car's late result arrives
    fleet.stop("hub")
    fleet.start("hub2", "hub", "--db", str(tmp_path / "hub.db"), "--model", "none",
                *common(broker, root))
    listing = {d["device_id"]: d for d in wait_for_devices(broker, root, 3)}
    assert listing["car-1"]["state"] == "offline" and listing["phone-1"]["state"] == "online"
    rc, body, _ = call(broker, root, "phone-1.take_a_photo", "camera=front")
    assert rc == 0
    fleet.stop("hub2")
    with sqlite3.connect(tmp_path / "hub.db") as db:
        rows = db.execute("SELECT device_id, function, status, error_code, late_result FROM calls").fetchall()
        history = db.execute("SELECT state FROM device_status WHERE device_id='car-1'").fetchall()
    functions = [(r[0], r[1]) for r in rows]
    for expected in [("phone-1", "get_weather_forecast"), ("car-1", "get_vehicle_status"),
                     ("home-1", "turn_off"), ("phone-1", "set_volume"), ("phone-9", "take_a_photo"),
                     ("car-1", "fly_away"), ("slow-car", "honk_horn"), ("car-1", "honk_horn"),
                     ("phone-1", "take_a_photo")]:
        assert expected in functions, expected
    assert all(r[2] in ("ok", "error") for r in rows)  # nothing left pending
    late = [r for r in rows if r[1] == "honk_horn" and r[0] == "slow-car"][0]
    assert late[3] == "timeout" and late[4] and json.loads(late[4])["status"] == "ok"
    assert ("offline",) in history
    assert slow_call_id


def test_call_without_hub_fails_clearly(broker: str, root: str) -> None:
    result = run_cli("call", "phone-1.take_a_photo", "--timeout", "0.5", *common(broker, root))
    assert result.returncode != 0 and "did not answer" in result.stderr


def test_bad_target_syntax(broker: str, root: str) -> None:
    result = run_cli("call", "no-dot-here", *common(broker, root))
    assert result.returncode == 2 and "DEVICE_ID.FUNCTION" in result.stderr
