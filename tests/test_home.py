"""The simulated home: specs generated from intents.json, and HA-like behaviour."""
from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from typing import Any

import jsonschema
import pytest

from devices.home import INTENTS_PATH, Home, function_name
from protocols import CallRequest, CallResult, DeviceManifest, encode
from protocols.messages import MAX_PAYLOAD_BYTES

INTENTS: dict[str, dict[str, Any]] = json.loads(INTENTS_PATH.read_text(encoding="utf-8"))
SERVED = {name: intent for name, intent in INTENTS.items()
          if name not in ("HassNevermind", "HassRespond")}


@pytest.fixture
def home() -> Home:
    return Home("home")


async def call(home: Home, function: str, **args: Any) -> CallResult:
    return await home.handle(CallRequest(
        hub_id="home", function=function, args=args, reply_to="x",
        deadline=datetime.now(timezone.utc) + timedelta(seconds=10)))


async def ok(home: Home, function: str, **args: Any) -> Any:
    result = await call(home, function, **args)
    assert result.status == "ok", result.error
    return result.value


def error_code(result: CallResult) -> str:
    assert result.status == "error" and result.error is not None
    return result.error.code.value


# ---- generated specs ---------------------------------------------------------------------

def test_forty_functions_without_nevermind_or_respond(home: Home) -> None:
    assert len(SERVED) == 40
    assert len(home.functions) == 40
    assert {"nevermind", "respond"}.isdisjoint(home.functions)


@pytest.mark.parametrize("intent, expected", [
    ("HassTurnOn", "turn_on"), ("HassLightSet", "light_set"),
    ("HassClimateSetTemperature", "climate_set_temperature"),
    ("HassGetCurrentTime", "get_current_time"),
    ("HassShoppingListAddItem", "shopping_list_add_item"),
    ("HassMediaPlayerMute", "media_player_mute"), ("HassSetVolumeRelative", "set_volume_relative"),
    ("HassLawnMowerStartMowing", "lawn_mower_start_mowing"),
    ("HassVacuumReturnToBase", "vacuum_return_to_base"),
])
def test_snake_case_names(intent: str, expected: str) -> None:
    assert function_name(intent) == expected


def test_function_names_follow_intents_json_order(home: Home) -> None:
    names = [function_name(intent) for intent in SERVED]
    assert home.function_order() == names
    assert [f.name for f in home.manifest().functions] == names
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", n) for n in names)


@pytest.mark.parametrize("intent_name", list(SERVED))
def test_slots_and_required_flags_match_intents_json(home: Home, intent_name: str) -> None:
    intent = SERVED[intent_name]
    spec = home.functions[function_name(intent_name)].spec
    slots = intent.get("slots") or {}
    assert list(spec.parameters["properties"]) == list(slots)
    assert set(spec.parameters["required"]) == {s for s, i in slots.items() if i["required"]}
    assert spec.parameters["additionalProperties"] is False
    assert spec.description  # from the intent
    assert spec.sensitive is False
    assert 1 <= len(spec.examples) <= 3


def test_manifest_validates_and_serializes(home: Home) -> None:
    manifest = home.manifest()
    payload = encode(manifest)
    assert len(payload) < MAX_PAYLOAD_BYTES
    assert DeviceManifest.model_validate_json(payload) == manifest
    json.dumps(manifest.model_dump(mode="json"))
    for spec in manifest.functions:
        jsonschema.Draft202012Validator.check_schema(spec.parameters)
        jsonschema.Draft202012Validator.check_schema(spec.returns)
    assert {"floors", "areas", "entities", "timers", "media"} <= set(manifest.inventory or {})


def test_enums_come_from_the_inventory(home: Home) -> None:
    props = home.functions["turn_on"].spec.parameters["properties"]
    assert "Kitchen" in props["area"]["enum"]
    assert props["floor"]["enum"] == ["Ground Floor", "First Floor", "Basement"]
    assert "Ceiling Light" in props["name"]["enum"] and "light" in props["domain"]["enum"]
    lists = home.functions["list_add_item"].spec.parameters["properties"]["name"]
    assert lists["enum"] == ["Shopping List", "Chores"]
    weather = home.functions["get_weather"].spec.parameters["properties"]["name"]
    assert weather["enum"] == ["Home Forecast"]
    for timer_fn in ("start_timer", "cancel_timer", "timer_status"):  # free timer names
        assert "enum" not in home.functions[timer_fn].spec.parameters["properties"]["name"]


def test_custom_inventory_changes_the_area_enum(tmp_path) -> None:
    path = tmp_path / "tiny.yaml"
    path.write_text(
        "floors: [{name: Deck, id: deck}]\n"
        "areas: [{name: Moon Base, id: moon_base, floor: deck}]\n"
        "entities:\n"
        "  - {name: Airlock Light, id: light.airlock, area: moon_base, state: off}\n")
    home = Home("home", inventory_path=path)
    props = home.manifest().function("turn_on").parameters["properties"]
    assert props["area"]["enum"] == ["Moon Base"]
    assert props["name"]["enum"] == ["Airlock Light"]
    assert home.state_of("light.airlock") == "off"  # YAML's unquoted off is not False


# ---- validation and errors -----------------------------------------------------------------

@pytest.mark.parametrize("function, args", [
    ("light_set", {"name": "Bedroom Lamp", "brightness": 150}),
    ("turn_on", {"area": "Moon Base"}),
    ("turn_on", {"area": "Kitchen", "colour": "red"}),
    ("set_position", {"name": "Garage Door"}),  # position is required
    ("light_set", {"name": "Bedroom Lamp"}),  # a brightness, colour or temperature is
    ("light_set", {"name": "Bedroom Lamp", "color": "mauve"}),  # not one of Home Assistant's colours
    ("start_timer", {"conversation_command": "turn off the lights"}),  # a delayed command, but no duration
    ("increase_timer", {"start_minutes": 5}),  # which timer, but not by how much
    ("turn_on", {"name": "Moon Lamp"}),  # not in the name enum
])
async def test_invalid_args(home: Home, function: str, args: dict[str, Any]) -> None:
    assert error_code(await call(home, function, **args)) == "invalid_args"


async def test_unmatched_target_is_a_device_error(home: Home) -> None:
    result = await call(home, "turn_on", name="Kitchen Light", area="Bedroom")
    assert error_code(result) == "device_error"
    assert "Kitchen Light" in result.error.message  # type: ignore[union-attr]
    assert error_code(await call(home, "cancel_timer", name="pizza")) == "device_error"


def sample(schema: dict[str, Any]) -> Any:
    if "anyOf" in schema:
        return sample(schema["anyOf"][0])
    if "enum" in schema:
        return schema["enum"][0]
    return {"integer": schema.get("minimum", 1) or 1, "number": 20.5}.get(schema["type"], "x")


@pytest.mark.parametrize("intent_name", list(SERVED))
async def test_every_slot_reaches_a_handler(home: Home, intent_name: str) -> None:
    """Each handler accepts all its slots: it may refuse the values, never the names."""
    spec = home.functions[function_name(intent_name)].spec
    args = {slot: sample(s) for slot, s in spec.parameters["properties"].items()}
    jsonschema.validate(args, spec.parameters)
    result = await call(home, spec.name, **args)
    if result.status == "error":
        assert error_code(result) == "device_error"
        assert result.error.message.startswith("ValueError")  # type: ignore[union-attr]


# ---- behaviour -----------------------------------------------------------------------------

async def test_turn_off_kitchen_lights_only(home: Home) -> None:
    before = {e["id"]: e["state"] for e in home.entities_in()}
    value = await ok(home, "turn_off", area="Kitchen", domain="light")
    kitchen = {"light.kitchen", "light.kitchen_under_cabinet"}
    assert set(value["targets"]) == kitchen and value["state"] == "off"
    after = {e["id"]: e["state"] for e in home.entities_in()}
    assert {i for i in after if after[i] != before[i]} == kitchen
    assert all(after[i] == "off" for i in kitchen)


async def test_area_without_domain_means_lights(home: Home) -> None:
    value = await ok(home, "turn_on", area="Living Room")
    assert set(value["targets"]) == {"light.living_room_ceiling", "light.living_room_floor_lamp"}
    assert home.state_of("switch.christmas_tree") == "off"


async def test_covers_and_locks_use_their_own_states(home: Home) -> None:
    assert (await ok(home, "turn_on", name="Garage Door"))["state"] == "open"
    assert home.entities_in(area="Garage", domain="cover")[0]["attributes"][
        "current_position"] == 100
    assert (await ok(home, "turn_off", name="Front Door Lock"))["state"] == "unlocked"


async def test_get_state_answers(home: Home) -> None:
    value = await ok(home, "get_state", area="Kitchen", domain="light", state="on")
    assert value["answer"] is True and len(value["matched"]) == 2
    value = await ok(home, "get_state", name="Ceiling Light", state="on")
    assert value["answer"] is False and value["unmatched"] == ["light.living_room_ceiling"]
    value = await ok(home, "get_state", name="Front Door", state="closed")  # binary sensor off
    assert value["answer"] is True
    value = await ok(home, "get_state", name="Bathroom Humidity")
    assert value["states"] == {"sensor.bathroom_humidity": "61"} and "answer" not in value


async def test_light_set(home: Home) -> None:
    value = await ok(home, "light_set", name="Bedroom Lamp", brightness=50, color="red")
    assert value["brightness"] == 50 and value["state"] == "on"
    lamp = home.entities_in(area="Bedroom", domain="light")[0]
    assert lamp["attributes"]["brightness"] == 128 and lamp["attributes"]["color_name"] == "red"
    await ok(home, "light_set", name="Desk Lamp", temperature=2700)
    assert home.entities_in(area="Office", domain="light")[0]["attributes"][
        "color_temp_kelvin"] == 2700


async def test_climate(home: Home) -> None:
    await ok(home, "climate_set_temperature", area="Bedroom", temperature=22)
    heater = home.entities_in(area="Bedroom", domain="climate")[0]
    assert heater["attributes"]["temperature"] == 22
    value = await ok(home, "climate_get_temperature", name="Thermostat")
    assert value["current_temperature"] == 20.5
    bad = await call(home, "climate_set_fan_mode", name="Bedroom Heater", fan_mode="medium")
    assert error_code(bad) == "device_error"


async def test_timers(home: Home) -> None:
    started = await ok(home, "start_timer", minutes=5)
    assert started["total_seconds"] == 300 and started["state"] == "active"
    status = await ok(home, "timer_status")
    assert [t["id"] for t in status["timers"]] == [started["id"]]
    await ok(home, "start_timer", minutes=10, name="pizza")
    assert (await ok(home, "pause_timer", name="pizza"))["state"] == "paused"
    assert (await ok(home, "increase_timer", start_minutes=5, minutes=1))["remaining"] == 360
    assert (await ok(home, "cancel_timer", start_minutes=5))["state"] == "canceled"
    assert [t["name"] for t in (await ok(home, "timer_status"))["timers"]] == ["pizza"]
    assert (await ok(home, "cancel_all_timers"))["canceled"]
    assert (await ok(home, "timer_status"))["timers"] == []
    assert error_code(await call(home, "start_timer", name="empty")) == "invalid_args"  # no duration: nothing to time


async def test_media(home: Home) -> None:
    await ok(home, "media_search_and_play", search_query="Pink Floyd", area="Kitchen")
    assert home.state_of("media_player.kitchen_speaker") == "playing"
    value = await ok(home, "media_pause")  # the only playing one
    assert value["targets"] == ["media_player.kitchen_speaker"]
    await ok(home, "set_volume", name="Bedroom Speaker", volume_level=50)
    value = await ok(home, "set_volume_relative", name="Bedroom Speaker", volume_step=-20)
    assert value["volume_levels"] == {"media_player.bedroom_speaker": 30}
    await ok(home, "media_player_mute", name="Living Room TV")
    tv = home.entities_in(area="Living Room", domain="media_player")[0]
    assert tv["attributes"]["is_volume_muted"] is True


async def test_lists(home: Home) -> None:
    value = await ok(home, "shopping_list_add_item", item="apples")
    assert value["pending"] == ["apples"] and home.state_of("todo.shopping_list") == "1"
    await ok(home, "shopping_list_complete_item", item="Apples")
    assert home.state_of("todo.shopping_list") == "0"
    await ok(home, "list_remove_item", name="Chores", item="vacuum stairs")
    assert (await ok(home, "list_add_item", name="Chores", item="dust"))["pending"] == [
        "water plants", "dust"]
    missing = await call(home, "list_complete_item", name="Chores", item="mow")
    assert error_code(missing) == "device_error"


async def test_vacuum_mower_weather_broadcast_and_clock(home: Home) -> None:
    await ok(home, "vacuum_clean_area", area="Kitchen")
    assert home.state_of("vacuum.robot") == "cleaning"
    await ok(home, "vacuum_return_to_base")
    assert home.state_of("vacuum.robot") == "returning"
    await ok(home, "lawn_mower_start_mowing")
    assert home.state_of("lawn_mower.garden") == "mowing"
    assert (await ok(home, "get_weather"))["state"] == "sunny"
    assert (await ok(home, "broadcast", message="dinner is ready")) == {
        "message": "dinner is ready"}
    assert home.broadcasts == ["dinner is ready"]
    home.now = lambda: datetime(2025, 3, 4, 7, 5)
    assert await ok(home, "get_current_time") == "07:05"
    assert await ok(home, "get_current_date") == "2025-03-04"


async def test_inventory_is_live(home: Home) -> None:
    await ok(home, "turn_on", name="Guest Mode")
    entities = {e["id"]: e for e in home.manifest().inventory["entities"]}  # type: ignore[index]
    assert entities["input_boolean.guest_mode"]["state"] == "on"
