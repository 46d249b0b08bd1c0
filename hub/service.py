"""The hub process: registry + router on one bus, serving HubRequests.

It announces itself with a retained `online` status (its Last Will says `offline`) and
answers requests on {root}/hubs/{hub_id}/request at the reply topic each one names.

An `ask` is planned (hub/planning.py), run (hub/executor.py) and answered (hub/answers.py)
here; each state of it is written to the registry's `requests` table. An ask whose calls
wait for confirmation is kept in memory (`_held`) until it is confirmed, declined or
expires after `confirm_ttl_s`; its row in SQLite says `needs_confirmation` meanwhile.
"""
from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import structlog

from hub import answers
from hub.bus import Bus, Message
from hub.executor import ConfirmPolicy, Execution, Executor
from hub.logs import truncate
from hub.planning import NotLearnedYet, PlannerService
from hub.registry import Registry, RequestRow
from hub.router import Router
from hub.settings import Settings
from protocols import CallError, ErrorCode, HubReply, HubRequest, HubStatus, ProtocolError, Topics, decode, encode
from protocols.messages import (
    AskProgress,
    AskRequest,
    CallCommand,
    ConfirmRequest,
    DeviceInfo,
    DevicesRequest,
    PlanRequest,
    utcnow,
)
from protocols.plan import Plan

Progress = Callable[[AskProgress], None]
MIN_RUN_SECONDS = 0.001  # planning used up the deadline: every call ends timeout, unsent


@dataclass
class Held:
    """An ask waiting for the user's confirmation."""

    row: RequestRow
    execution: Execution
    expiry: asyncio.TimerHandle

log = structlog.get_logger("octohub.hub")


class Hub:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.topics = Topics(settings.root)
        offline = encode(HubStatus(state="offline", hub_id=settings.hub_id))
        self.bus = Bus(settings.broker, client_id=self.topics.client_id("hub", settings.hub_id),
                       protocol=settings.protocol, root=settings.root,
                       will=(self.topics.hub_status(settings.hub_id), offline))
        self.registry = Registry(settings.db)
        self.router = Router(self.bus, self.registry, self.topics, settings.hub_id,
                             settings.call_timeout_s)
        self._offline = offline
        self.executor = Executor(self.router, ConfirmPolicy(settings.confirm),
                                 defaults=settings.defaults_by_kind(),
                                 call_timeout_s=settings.call_timeout_s)
        self._held: dict[str, Held] = {}  # request id -> ask waiting for confirmation
        self._running: set[str] = set()  # request ids of asks being planned or run
        self._tasks: set[asyncio.Task[Any]] = set()
        self.planning: PlannerService | None = None
        if settings.model != "none":
            self.planning = PlannerService(None if settings.model == "default" else settings.model,
                                           retrain=settings.retrain,
                                           train_args=settings.retrain_args.split())
            self.router.on_manifest(self.planning.update)

    async def start(self) -> None:
        if self.planning:
            await self.planning.start()
        await self.registry.open()
        interrupted = await self.registry.end_interrupted(self.settings.hub_id)
        if interrupted:
            log.info("hub.interrupted_asks_ended", count=interrupted)
        await self.bus.connect()
        await self.router.start()
        if self.planning:
            # Devices remembered in SQLite: their retained manifests, unchanged, will not
            # reach the router's manifest listeners, so the planner learns of them here.
            for known in list(self.router.devices.values()):
                self.planning.update(known.manifest)
        await self.bus.subscribe(self.topics.hub_request(self.settings.hub_id), self._on_request)
        self.bus.on_reconnect(self._announce)
        await self._announce()
        log.info("hub.online", hub_id=self.settings.hub_id, broker=self.settings.broker,
                 mqtt="5" if self.bus.is_v5 else "3.1.1")

    async def _announce(self) -> None:
        await self.bus.publish_and_wait(
            self.topics.hub_status(self.settings.hub_id),
            encode(HubStatus(state="online", hub_id=self.settings.hub_id)), retain=True)

    async def stop(self) -> None:
        for held in self._held.values():
            held.expiry.cancel()
        for task in list(self._tasks):
            await task  # expiries being written
        if self.planning:
            await self.planning.stop()
        await self.bus.close(final=[(self.topics.hub_status(self.settings.hub_id), self._offline)])
        await self.registry.close()

    async def run(self, stop: asyncio.Event | None = None) -> None:
        await self.start()
        try:
            await (stop or asyncio.Event()).wait()
        finally:
            await self.stop()

    def device_list(self) -> list[DeviceInfo]:
        return [DeviceInfo(device_id=d.manifest.device_id, kind=d.manifest.kind,
                           name=d.manifest.name, state=d.state,  # type: ignore[arg-type]
                           functions=len(d.manifest.functions),
                           manifest_version=d.manifest.manifest_version)
                for d in sorted(self.router.devices.values(), key=lambda d: d.manifest.device_id)]

    async def _on_request(self, message: Message) -> None:
        try:
            request: Any = decode(HubRequest, message.payload)
        except ProtocolError as exc:
            log.warning("hub.invalid_request_dropped", reason=str(exc),
                        payload=truncate(message.payload))
            if message.response_topic:  # a v5 client told us where to say why
                self.bus.publish(message.response_topic, encode(HubReply(
                    request_id="", status="error",
                    error=CallError(code=ErrorCode.invalid_request, message=str(exc)))),
                    correlation=message.correlation)
            return
        reply_to = message.response_topic or request.reply_to

        def progress(update: AskProgress) -> None:
            self.bus.publish(reply_to, encode(update), correlation=message.correlation)

        with structlog.contextvars.bound_contextvars(request_id=request.request_id):
            wants_progress = isinstance(request, (AskRequest, ConfirmRequest)) and request.progress
            reply = await self.handle(request, progress if wants_progress else None)
        self.bus.publish(reply_to, encode(reply), correlation=message.correlation)

    async def handle(self, request: Any, progress: Progress | None = None) -> HubReply:
        if isinstance(request, DevicesRequest):
            return HubReply(request_id=request.request_id, status="ok", devices=self.device_list())
        if isinstance(request, CallCommand):
            device_id, function = request.target.split(".", 1)
            result = await self.router.call(device_id, function, request.args,
                                            timeout_s=request.timeout_s,
                                            request_id=request.request_id)
            return HubReply(request_id=request.request_id, status=result.status, result=result,
                            error=result.error)
        if isinstance(request, PlanRequest):
            return await self._plan(request)
        if isinstance(request, AskRequest):
            return await self._ask(request, progress)
        if isinstance(request, ConfirmRequest):
            return await self._confirm(request, progress)
        raise AssertionError(f"unhandled request {request!r}")  # the union is closed

    async def _plan(self, request: PlanRequest) -> HubReply:
        def refuse(code: ErrorCode, message: str) -> HubReply:
            return HubReply(request_id=request.request_id, status="error",
                            error=CallError(code=code, message=message))

        if self.planning is None:
            return refuse(ErrorCode.invalid_request, "this hub runs without a planner (--model none)")
        try:
            plan = await self.planning.plan(request.query, dict(request.context))
        except NotLearnedYet as exc:
            return refuse(ErrorCode.not_learned, str(exc))
        except Exception as exc:  # the model must never take the hub down
            log.exception("hub.plan_failed")
            return refuse(ErrorCode.internal, f"planning failed: {exc}")
        log.info("hub.planned", calls=len(plan.calls), latency_ms=plan.latency_ms)
        return HubReply(request_id=request.request_id, status="ok", plan=plan.model_dump(mode="json"))

    # ---- ask and confirm ---------------------------------------------------------------

    async def _ask(self, request: AskRequest, progress: Progress | None) -> HubReply:
        request_id = request.request_id
        if request_id in self._running or request_id in self._held:
            return _refused(request_id, ErrorCode.invalid_request,
                            f"request id {request_id!r} is already in use by a running ask")
        started = time.monotonic()  # the deadline covers planning too
        hint = request.device_id or request.context.get("device_id")
        context = {k: v for k, v in request.context.items() if k != "device_id"}
        row = RequestRow(request_id, self.settings.hub_id, request.query, context, hint, utcnow())
        self._running.add(request_id)
        try:
            refusal = None
            if hint and hint not in self.router.devices:
                known = ", ".join(sorted(self.router.devices)) or "none"
                refusal = CallError(code=ErrorCode.unknown_device,
                                    message=f"no device {hint!r} (known: {known})")
            plan = request.plan
            if plan is None and refusal is None:
                plan, refusal = await self._plan_ask(request.query, context)
            if refusal is not None:
                row.status, row.error_code, row.answer = "error", refusal.code.value, refusal.message
                self.registry.record_request(row)
                return _refused(request_id, refusal.code, refusal.message)
            assert plan is not None
            row.plan = plan.model_dump(mode="json")
            self.registry.record_request(row)
            if progress:
                progress(AskProgress(request_id=request_id, plan=row.plan))
            execution = Execution(request_id, plan, device_hint=hint, approved=request.yes,
                                  on_step=_forward(request_id, progress))
            left = request.timeout_s - (time.monotonic() - started)
            await self.executor.run(execution, max(left, MIN_RUN_SECONDS))
            return self._finish(row, execution)
        finally:
            self._running.discard(request_id)

    async def _plan_ask(self, query: str, context: dict[str, str]) -> tuple[Plan | None, CallError | None]:
        if self.planning is None:
            return None, CallError(code=ErrorCode.invalid_request,
                                   message="this hub runs without a planner (--model none); "
                                           "send a plan with the ask, or start it with a model")
        try:
            plan = await self.planning.plan(query, context)
        except NotLearnedYet as exc:
            return None, CallError(code=ErrorCode.not_learned, message=str(exc))
        except Exception as exc:  # the model must never take the hub down
            log.exception("hub.plan_failed")
            return None, CallError(code=ErrorCode.internal, message=f"planning failed: {exc}")
        log.info("hub.planned", calls=len(plan.calls), latency_ms=plan.latency_ms)
        return plan, None

    async def _confirm(self, request: ConfirmRequest, progress: Progress | None) -> HubReply:
        request_id = request.request_id
        held = self._held.pop(request_id, None)
        if held is None:
            return await self._not_held(request_id)
        held.expiry.cancel()
        execution = held.execution
        execution.on_step = _forward(request_id, progress)
        if request.approve:
            execution.approved = True
        else:
            execution.declined = "declined by the user"
        log.info("hub.confirmed", approve=request.approve,
                 calls=[s.call.id for s in execution.held()])
        self._running.add(request_id)
        try:
            await self.executor.run(execution, request.timeout_s)
            return self._finish(held.row, execution)
        finally:
            self._running.discard(request_id)

    async def _not_held(self, request_id: str) -> HubReply:
        """A clear reason why there is nothing to confirm for this request id."""
        if request_id in self._running:
            why = f"ask {request_id!r} is still running; confirm after its needs_confirmation reply"
        else:
            await self.registry.flush()
            row = await self.registry.request(request_id)
            if row is None:
                why = f"no ask {request_id!r} is known to this hub; nothing to confirm"
            elif row["status"] == "needs_confirmation":
                why = f"ask {request_id!r} is no longer held (the hub restarted); ask again"
            else:
                why = f"ask {request_id!r} already ended ({row['status']}): {row['answer']}"
        return _refused(request_id, ErrorCode.invalid_request, why)

    def _finish(self, row: RequestRow, execution: Execution) -> HubReply:
        """Record the ask's state, hold it if calls wait for confirmation, and reply."""
        outcomes = execution.outcomes()
        row.status = execution.status
        row.calls = [o.model_dump(mode="json", exclude_none=True) for o in outcomes]
        row.answer = answers.compose(outcomes)
        row.expires_at = None
        if row.status == "needs_confirmation":
            ttl = self.settings.confirm_ttl_s
            row.expires_at = utcnow() + timedelta(seconds=ttl)
            expiry = asyncio.get_running_loop().call_later(ttl, self._expire, row.request_id)
            self._held[row.request_id] = Held(row, execution, expiry)
        self.registry.record_request(row)
        log.info("hub.asked", status=row.status, calls=len(outcomes))
        error = _first_error(outcomes) if row.status in ("error", "partial") else None
        return HubReply(request_id=row.request_id, status=row.status, plan=row.plan,  # type: ignore[arg-type]
                        calls=outcomes, answer=row.answer, expires_at=row.expires_at, error=error)

    def _expire(self, request_id: str) -> None:
        held = self._held.pop(request_id, None)
        if held is None:
            return
        held.execution.declined = f"not confirmed within {self.settings.confirm_ttl_s:g}s"
        held.execution.on_step = None
        log.info("hub.confirmation_expired", request_id=request_id)

        async def end() -> None:
            await self.executor.run(held.execution, 1.0)  # sends nothing: all held are declined
            self._finish(held.row, held.execution)

        task = asyncio.create_task(end())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


def _refused(request_id: str, code: ErrorCode, message: str) -> HubReply:
    return HubReply(request_id=request_id, status="error", answer=message,
                    error=CallError(code=code, message=message))


def _first_error(outcomes: list[Any]) -> CallError | None:
    return next((o.error for o in outcomes if o.status != "ok" and o.error is not None), None)


def _forward(request_id: str, progress: Progress | None) -> Callable[[Any], None] | None:
    if progress is None:
        return None
    return lambda outcome: progress(AskProgress(request_id=request_id, call=outcome))
