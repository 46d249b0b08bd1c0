"""The planner inside the hub: load at start, follow the live manifests, retrain and
hot-swap when a device of a new kind (or a changed function set) appears.

Retraining runs `octohub train --manifests FILE` in a child process, so the hub keeps
serving; its progress is logged. Until the new model is swapped in, a request that no
learned function serves is answered `not_learned`, naming the functions still missing.
"""
from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import structlog

from protocols import DeviceManifest
from protocols.plan import Plan

log = structlog.get_logger("octohub.planning")

RETRAIN_DEBOUNCE_SECONDS = 3.0  # devices of a new kind tend to arrive together


class NotLearnedYet(Exception):
    def __init__(self, missing: list[str], retraining: bool) -> None:
        state = "retraining now" if retraining else "retraining is off"
        super().__init__(f"the planner has not learned these functions yet ({state}): "
                         + ", ".join(missing[:8]) + (" …" if len(missing) > 8 else ""))
        self.missing = missing


class PlannerService:
    def __init__(self, model: str | None, *, retrain: bool = True, retrain_dir: str | None = None,
                 train_args: list[str] | None = None) -> None:
        self.model_path = model
        self.retrain_enabled = retrain
        self.retrain_dir = Path(retrain_dir or tempfile.mkdtemp(prefix="octohub-retrain-"))
        self.train_args = train_args or []
        self.planner: Any = None
        self.manifests: dict[str, DeviceManifest] = {}  # by device id
        self._lock = asyncio.Lock()
        self._retrain_task: asyncio.Task[None] | None = None
        self._generation = 0
        self.swaps = 0

    async def start(self) -> None:
        from hub.planner.planner import Planner

        try:
            self.planner = await asyncio.to_thread(Planner.load, self.model_path)
        except (FileNotFoundError, OSError) as exc:
            log.warning("planning.unavailable", reason=str(exc))
            return
        log.info("planning.loaded", model=str(self.model_path or "default"),
                 functions=len(self.planner.table.functions))

    @property
    def retraining(self) -> bool:
        return self._retrain_task is not None and not self._retrain_task.done()

    def update(self, manifest: DeviceManifest) -> None:
        """A device announced a manifest: refresh the live function set."""
        self.manifests[manifest.device_id] = manifest
        if self.planner is None:
            return
        self.planner.use_manifests(list(self.manifests.values()))
        if self.planner.missing and self.retrain_enabled and not self.retraining:
            self._retrain_task = asyncio.create_task(self._retrain())

    async def plan(self, query: str, context: dict[str, str]) -> Plan:
        if self.planner is None:
            raise RuntimeError("no planner model is loaded (see the hub's log)")
        if not self.manifests:
            raise NotLearnedYet(["(no devices online)"], self.retraining)
        if not self.planner.specs:  # every live device is of a kind the model never learned
            raise NotLearnedYet(self.planner.missing, self.retraining)
        async with self._lock:  # one request at a time on the CPU-bound model
            plan: Plan = await asyncio.to_thread(self.planner.plan, query, context)
        if not plan.calls and self.planner.missing:
            raise NotLearnedYet(self.planner.missing, self.retraining)
        return plan

    async def _retrain(self) -> None:
        await asyncio.sleep(RETRAIN_DEBOUNCE_SECONDS)
        self._generation += 1
        out = self.retrain_dir / f"model-{self._generation}"
        by_kind: dict[str, DeviceManifest] = {}
        for manifest in self.manifests.values():
            by_kind.setdefault(manifest.kind, manifest)
        spec_file = self.retrain_dir / f"manifests-{self._generation}.json"
        spec_file.write_text(json.dumps([m.model_dump(mode="json") for m in by_kind.values()]))
        command = [sys.executable, "-m", "hub.cli", "train", "--manifests", str(spec_file),
                   "--out", str(out), *self.train_args]
        log.info("planning.retrain_started", kinds=sorted(by_kind), missing=self.planner.missing[:10],
                 out=str(out))
        started = time.monotonic()
        process = await asyncio.create_subprocess_exec(*command, stdout=asyncio.subprocess.PIPE,
                                                       stderr=asyncio.subprocess.STDOUT)
        assert process.stdout is not None
        last = ""
        async for raw in process.stdout:  # tqdm and log lines: keep the latest for progress
            line = raw.decode(errors="replace").strip().split("\r")[-1]
            if line and line != last:
                last = line
                log.debug("planning.retrain_progress", line=line[-160:])
        code = await process.wait()
        if code != 0:
            log.error("planning.retrain_failed", exit_code=code, last_line=last[-300:])
            return
        from hub.planner.planner import Planner

        fresh = await asyncio.to_thread(Planner.load, out)
        fresh.use_manifests(list(self.manifests.values()))
        async with self._lock:
            self.planner = fresh
            self.model_path = str(out)
            self.swaps += 1
        log.info("planning.swapped", model=str(out), seconds=round(time.monotonic() - started, 1),
                 functions=len(fresh.table.functions), still_missing=fresh.missing[:10])
        if fresh.missing and self.retrain_enabled:  # more kinds arrived while we trained
            self._retrain_task = asyncio.create_task(self._retrain())

    async def stop(self) -> None:
        if self._retrain_task and not self._retrain_task.done():
            self._retrain_task.cancel()
