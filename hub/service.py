"""The hub process: registry + router on one bus, serving HubRequests.

It announces itself with a retained `online` status (its Last Will says `offline`) and
answers requests on {root}/hubs/{hub_id}/request at the reply topic each one names.
"""
from __future__ import annotations

import asyncio
from typing import Any

import structlog

from hub.bus import Bus, Message
from hub.logs import truncate
from hub.registry import Registry
from hub.router import Router
from hub.settings import Settings
from protocols import CallError, ErrorCode, HubReply, HubRequest, HubStatus, ProtocolError, Topics, decode, encode
from hub.planning import NotLearnedYet, PlannerService
from protocols.messages import CallCommand, DeviceInfo, DevicesRequest, PlanRequest

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
        await self.bus.connect()
        await self.router.start()
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
        with structlog.contextvars.bound_contextvars(request_id=request.request_id):
            reply = await self.handle(request)
        self.bus.publish(message.response_topic or request.reply_to, encode(reply),
                         correlation=message.correlation)

    async def handle(self, request: Any) -> HubReply:
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
