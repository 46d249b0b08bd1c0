"""The hub's planner: plan requests over MQTT, `not_learned` for a new kind of device,
background retraining and the hot swap."""
from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import pytest
from pydantic import Field

from devices.sdk import DeviceAdapter, function
from hub.bus import Bus
from hub.planner.planner import DEFAULT_MODEL
from hub.service import Hub
from hub.settings import Settings
from protocols import ErrorCode, HubReply, Topics, decode, encode
from protocols.messages import PlanRequest

needs_model = pytest.mark.skipif(not (DEFAULT_MODEL / "planner.json").exists(),
                                 reason="the shipped planner checkpoint is not built yet")


class Aquarium(DeviceAdapter):
    """A device of a kind the shipped planner has never seen."""

    kind = "aquarium"
    display_name = "Aquarium"

    @function(examples=[
        "(set|change|put) the (fish tank|aquarium) (light|lights|lamp) to {level}",
        "(dim|brighten) the (fish tank|aquarium) [light] to [level] {level}",
        "aquarium (light|lamp) [level] {level} [please]",
        "[please] make the fish tank (light|glow) {level}",
    ])
    async def set_tank_light(self, level: Annotated[int, Field(ge=0, le=10)]) -> int:
        """Sets the aquarium light level.

        Args:
            level: 0 (off) to 10.
        """
        return level


async def plan_over_mqtt(broker: str, root: str, query: str) -> HubReply:
    async with Bus(broker, root=root) as client:
        reply = await client.request(Topics(root).hub_request("home"), lambda rt: encode(
            PlanRequest(reply_to=rt, query=query)), timeout=30)
    return decode(HubReply, reply.payload)


@needs_model
@pytest.mark.timeout(400)
async def test_new_kind_is_learned_in_the_background(broker: str, root: str, tmp_path: Path) -> None:
    retrain = "--per-function 120 --epochs 10 --hidden 96 --layers 1 --max-minutes 4"
    hub = Hub(Settings(broker=broker, root=root, hub_id="home", db=str(tmp_path / "h.db"),
                       model="default", retrain_args=retrain))
    hub.planning.retrain_dir = tmp_path  # type: ignore[union-attr]
    await hub.start()
    stop = asyncio.Event()
    tank = asyncio.create_task(Aquarium("tank-1").serve(broker, topics=Topics(root), stop=stop))
    try:
        planning = hub.planning
        assert planning is not None
        for _ in range(100):
            if planning.planner.missing:
                break
            await asyncio.sleep(0.05)
        assert planning.planner.missing == ["aquarium.set_tank_light"]
        assert planning.retraining

        # Until the swap, a request nothing learned can serve is answered not_learned.
        reply = await plan_over_mqtt(broker, root, "set the fish tank light to 4")
        assert reply.status == "error" and reply.error, reply
        assert reply.error.code is ErrorCode.not_learned
        assert "aquarium.set_tank_light" in reply.error.message

        for _ in range(700):  # the child `octohub train` runs, then the model is swapped
            if planning.swaps:
                break
            await asyncio.sleep(0.5)
        assert planning.swaps == 1, "the retrained model was never swapped in"
        assert planning.planner.missing == []
        reply = await plan_over_mqtt(broker, root, "set the fish tank light to 4")
        assert reply.status == "ok", reply
        # The token is learned; a retrain this small (seconds) is not held to its numbers.
        assert reply.plan and [c["function"] for c in reply.plan["calls"]] == ["aquarium.set_tank_light"]
        assert 0 <= reply.plan["calls"][0]["args"]["level"] <= 10
    finally:
        stop.set()
        await tank
        await hub.stop()


async def test_hub_without_planner_says_so(broker: str, root: str, tmp_path: Path) -> None:
    hub = Hub(Settings(broker=broker, root=root, hub_id="home", db=str(tmp_path / "h.db"), model="none"))
    await hub.start()
    try:
        reply = await plan_over_mqtt(broker, root, "turn on the lights")
        assert reply.status == "error" and reply.error
        assert reply.error.code is ErrorCode.invalid_request and "without a planner" in reply.error.message
    finally:
        await hub.stop()
