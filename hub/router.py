"""The router: check a call against what the hub knows, send it, await its result.

Nothing is sent for an unknown device or function, schema-invalid args, or an offline
device: those fail at once with a clear error. Otherwise the call goes out on the
device's call topic and the router waits for the CallResult until the deadline. A result
that comes after the timeout is still recorded (as the call's late_result).
"""
from __future__ import annotations

import asyncio
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import structlog
from jsonschema import Draft202012Validator

from hub.bus import Bus, Message
from hub.logs import truncate
from hub.registry import Registry
from protocols import (
    CallRequest,
    CallResult,
    DeviceManifest,
    DeviceStatus,
    ErrorCode,
    ProtocolError,
    Topics,
    decode,
    encode,
)
from protocols.messages import utcnow

log = structlog.get_logger("octohub.router")

TIMED_OUT_MEMORY = 10_000  # call ids whose late results we still expect


@dataclass
class KnownDevice:
    manifest: DeviceManifest
    state: str = "offline"
    validators: dict[str, Draft202012Validator] = field(default_factory=dict)

    def validator(self, function: str) -> Draft202012Validator | None:
        if function not in self.validators:
            spec = self.manifest.function(function)
            if spec is None:
                return None
            self.validators[function] = Draft202012Validator(spec.parameters)
        return self.validators[function]


class Router:
    def __init__(self, bus: Bus, registry: Registry, topics: Topics, hub_id: str,
                 default_timeout_s: float = 10.0) -> None:
        self.bus = bus
        self.registry = registry
        self.topics = topics
        self.hub_id = hub_id
        self.default_timeout_s = default_timeout_s
        self.devices: dict[str, KnownDevice] = {}
        self._pending: dict[uuid.UUID, tuple[str, asyncio.Future[CallResult]]] = {}
        self._timed_out: OrderedDict[uuid.UUID, None] = OrderedDict()
        self._manifest_listeners: list[Any] = []

    async def start(self) -> None:
        for manifest, _state in await self.registry.manifests():
            # Until the broker's retained status says otherwise, a device is offline.
            self.devices[manifest.device_id] = KnownDevice(manifest)
        await self.bus.subscribe(self.topics.all_device_manifests(), self._on_manifest)
        await self.bus.subscribe(self.topics.all_device_status(), self._on_status)
        await self.bus.subscribe(self.topics.all_results_for(self.hub_id), self._on_result)

    def on_manifest(self, listener: Any) -> None:
        """Call listener(manifest) whenever a device publishes a new manifest."""
        self._manifest_listeners.append(listener)

    # ---- inbound -------------------------------------------------------------------------

    def _on_manifest(self, message: Message) -> None:
        device_id = self.topics.device_id_of(message.topic)
        if not message.payload:  # an empty retained payload deletes the device
            if device_id:
                self.devices.pop(device_id, None)
            return
        try:
            manifest = decode(DeviceManifest, message.payload)
            if manifest.device_id != device_id:
                raise ProtocolError(f"manifest for {manifest.device_id!r} on {device_id!r}'s topic")
        except ProtocolError as exc:
            log.warning("router.invalid_manifest_dropped", topic=message.topic, reason=str(exc),
                        payload=truncate(message.payload))
            return
        known = self.devices.get(manifest.device_id)
        if known and known.manifest.manifest_version == manifest.manifest_version:
            return
        self.devices[manifest.device_id] = KnownDevice(manifest, known.state if known else "offline")
        self.registry.record_manifest(manifest)
        log.info("router.manifest", device_id=manifest.device_id, kind=manifest.kind,
                 functions=len(manifest.functions), version=manifest.manifest_version)
        for listener in self._manifest_listeners:
            listener(manifest)

    def _on_status(self, message: Message) -> None:
        device_id = self.topics.device_id_of(message.topic)
        try:
            status = decode(DeviceStatus, message.payload)
        except ProtocolError as exc:
            log.warning("router.invalid_status_dropped", topic=message.topic, reason=str(exc),
                        payload=truncate(message.payload))
            return
        known = self.devices.get(device_id or "")
        if device_id is None or known is None:
            return  # the manifest comes with its own retained message
        if known.state != status.state:
            known.state = status.state
            self.registry.record_status(device_id, status.state, status.ts)
            log.info("router.device_state", device_id=device_id, state=status.state)
        if status.state == "offline":
            self._fail_pending(device_id, ErrorCode.device_offline, f"{device_id} went offline")

    def _fail_pending(self, device_id: str, code: ErrorCode, message: str) -> None:
        for call_id, (target, fut) in list(self._pending.items()):
            if target == device_id and not fut.done():
                fut.set_result(CallResult.failure(call_id, device_id, code, message))

    def _on_result(self, message: Message) -> None:
        try:
            result = decode(CallResult, message.payload)
        except ProtocolError as exc:
            log.warning("router.invalid_result_dropped", topic=message.topic, reason=str(exc),
                        payload=truncate(message.payload))
            return
        pending = self._pending.get(result.call_id)
        if pending is not None:
            device_id, fut = pending
            if device_id != result.device_id:
                log.warning("router.result_from_wrong_device", call_id=str(result.call_id),
                            expected=device_id, got=result.device_id)
                return
            if not fut.done():
                fut.set_result(result)
        elif result.call_id in self._timed_out:
            self._timed_out.pop(result.call_id)
            self.registry.record_result(result, late=True)
            log.info("router.late_result_recorded", call_id=str(result.call_id),
                     status=result.status)
        # else: a QoS 1 duplicate of a result we already have; nothing to do

    # ---- outbound ------------------------------------------------------------------------

    def check(self, device_id: str, function: str, args: dict[str, Any]) -> tuple[ErrorCode, str] | None:
        """Why this call cannot be sent, or None when it can."""
        known = self.devices.get(device_id)
        if known is None:
            names = ", ".join(sorted(self.devices)) or "none"
            return ErrorCode.unknown_device, f"no device {device_id!r} (known: {names})"
        validator = known.validator(function)
        if validator is None:
            return ErrorCode.unknown_function, f"{device_id} ({known.manifest.kind}) has no function {function!r}"
        errors = sorted(validator.iter_errors(args), key=lambda e: list(e.path))
        if errors:
            reasons = "; ".join(f"{'.'.join(map(str, e.path)) or 'args'}: {e.message}"
                                for e in errors[:5])
            return ErrorCode.invalid_args, reasons
        if known.state != "online":
            return ErrorCode.device_offline, f"{device_id} is offline"
        return None

    async def call(self, device_id: str, function: str, args: dict[str, Any] | None = None, *,
                   timeout_s: float | None = None, request_id: str | None = None) -> CallResult:
        args = args or {}
        timeout_s = timeout_s or self.default_timeout_s
        call_id = uuid.uuid4()
        reply_to = self.topics.device_result(device_id, self.hub_id)
        with structlog.contextvars.bound_contextvars(call_id=str(call_id), request_id=request_id):
            problem = self.check(device_id, function, args)
            request = CallRequest(call_id=call_id, hub_id=self.hub_id, function=function,
                                  args=args, deadline=utcnow() + timedelta(seconds=timeout_s),
                                  reply_to=reply_to, request_id=request_id)
            self.registry.record_call(device_id, request)
            if problem is not None:
                result = CallResult.failure(call_id, device_id, *problem, finished_at=utcnow())
            else:
                result = await self._send(device_id, request, timeout_s)
            self.registry.record_result(result)
            log.info("router.call", device_id=device_id, function=function, status=result.status,
                     error=result.error.code.value if result.error else None)
            return result

    async def _send(self, device_id: str, request: CallRequest, timeout_s: float) -> CallResult:
        fut: asyncio.Future[CallResult] = asyncio.get_running_loop().create_future()
        self._pending[request.call_id] = (device_id, fut)
        try:
            self.bus.publish(self.topics.device_call(device_id), encode(request),
                             response_topic=request.reply_to, correlation=request.call_id.bytes,
                             expiry_s=timeout_s)
            return await asyncio.wait_for(fut, timeout_s)
        except asyncio.TimeoutError:
            self._timed_out[request.call_id] = None
            while len(self._timed_out) > TIMED_OUT_MEMORY:
                self._timed_out.popitem(last=False)
            return CallResult.failure(request.call_id, device_id, ErrorCode.timeout,
                                      f"no result from {device_id} within {timeout_s:g}s",
                                      finished_at=utcnow())
        finally:
            self._pending.pop(request.call_id, None)
