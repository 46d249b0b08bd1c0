"""The device SDK: write typed Python, get a manifest, validation, dedup and MQTT for free.

    class Phone(DeviceAdapter):
        kind = "phone"

        @function(sensitive=False)
        async def take_a_photo(self, camera: Literal["front", "back"] = "back") -> str:
            \"\"\"Captures a photo using the specified camera.\"\"\"

The parameter JSON Schema comes from the signature (Literal -> enum, Annotated[int,
Field(ge=0, le=10)] -> range, defaults), the description from the docstring's first
paragraph, and parameter descriptions from its Google-style `Args:` section.
"""
from __future__ import annotations

import asyncio
import inspect
import random
import re
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, ClassVar, get_type_hints

import structlog
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, create_model

from hub.bus import Bus, Message
from hub.logs import truncate
from protocols import (
    CallRequest,
    CallResult,
    DeviceManifest,
    DeviceStatus,
    ErrorCode,
    FunctionSpec,
    ProtocolError,
    Topics,
    decode,
    encode,
)
from protocols.messages import utcnow

log = structlog.get_logger("octohub.device")

DEDUP_CACHE_SIZE = 4096  # call ids remembered for QoS 1 redelivery
# For a place's "x-ends" (docs/protocol.md): closing words that are never part of a place
# ("navigate to the airport please", "... to Mount Rushmore, start navigation").
PLACE_ENDS = ["please", "thanks", "thank you", "thx", "cheers", "for me", "now", "right now", "start navigation",
              "start the navigation", "start navigating"]


@dataclass(frozen=True)
class FunctionMeta:
    sensitive: bool
    examples: tuple[str, ...]
    cues: tuple[str, ...] = ()


def function(_fn: Callable[..., Any] | None = None, *, sensitive: bool = False,
             examples: tuple[str, ...] | list[str] = (), cues: tuple[str, ...] | list[str] = ()) -> Any:
    """Mark an adapter method as a callable device function. `cues`: words a request must
    say for the planner to pick it (see FunctionSpec.cues)."""
    def mark(fn: Callable[..., Any]) -> Callable[..., Any]:
        fn.__octohub_function__ = FunctionMeta(sensitive, tuple(examples), tuple(cues))  # type: ignore[attr-defined]
        return fn
    return mark(_fn) if _fn is not None else mark


@dataclass(frozen=True)
class DeviceFunction:
    """A function ready to serve: its spec, its args validator and its handler."""

    spec: FunctionSpec
    args_model: type[BaseModel]
    handler: Callable[..., Awaitable[Any]]
    returns: TypeAdapter[Any] | None = None


def strip_titles(schema: Any) -> Any:
    """pydantic adds a `title` to every property; they only repeat the names."""
    if isinstance(schema, dict):
        return {k: strip_titles(v) for k, v in schema.items()
                if not (k == "title" and isinstance(v, str))}
    if isinstance(schema, list):
        return [strip_titles(v) for v in schema]
    return schema


def _docstring_parts(doc: str | None) -> tuple[str, dict[str, str]]:
    text = inspect.cleandoc(doc or "")
    summary, _, rest = text.partition("\n\n")
    params: dict[str, str] = {}
    args_block = re.search(r"^Args:\n((?:[ \t]+.*\n?)+)", rest if rest else text, re.M)
    if args_block:
        for line in args_block.group(1).splitlines():
            match = re.match(r"\s+(\w+)(?:\s*\([^)]*\))?:\s*(.+)", line)
            if match:
                params[match.group(1)] = match.group(2).strip()
    return " ".join(summary.split()), params


def build_function(method: Callable[..., Any], meta: FunctionMeta) -> DeviceFunction:
    """FunctionSpec + validator from a typed method's signature and docstring."""
    name = method.__name__
    hints = get_type_hints(method, include_extras=True)
    description, param_docs = _docstring_parts(method.__doc__)
    fields: dict[str, Any] = {}
    for pname, param in inspect.signature(method).parameters.items():
        if pname == "self" or param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        annotation = hints.get(pname, Any)
        default = ... if param.default is inspect.Parameter.empty else param.default
        fields[pname] = (annotation, Field(default, description=param_docs.get(pname)))
    args_model = create_model(f"{name}_args", __config__=ConfigDict(extra="forbid"), **fields)
    parameters = strip_titles(args_model.model_json_schema())
    return_hint = hints.get("return")
    returns = TypeAdapter(return_hint) if return_hint not in (None, type(None)) else None
    spec = FunctionSpec(
        name=name, description=description or name.replace("_", " "),
        parameters=parameters,
        returns=strip_titles(returns.json_schema()) if returns else {"type": "null"},
        sensitive=meta.sensitive, examples=list(meta.examples), cues=list(meta.cues),
    )
    return DeviceFunction(spec, args_model, method, returns)


class DeviceAdapter:
    """Base class of every adapter. Subclasses set `kind` and define @function methods."""

    kind: ClassVar[str] = "device"
    display_name: ClassVar[str] = "Device"

    def __init__(self, device_id: str, *, seed: int = 0, name: str | None = None) -> None:
        self.device_id = device_id
        self.name = name or self.display_name
        self.random = random.Random(seed)
        self.functions: dict[str, DeviceFunction] = {}
        for attr in dir(type(self)):
            member = getattr(self, attr)
            meta = getattr(member, "__octohub_function__", None)
            if meta is not None:
                built = build_function(member, meta)
                self.functions[built.spec.name] = built
        for extra in self.extra_functions():
            self.functions[extra.spec.name] = extra
        self._results: OrderedDict[Any, asyncio.Future[CallResult]] = OrderedDict()
        self.calls_executed = 0  # how many calls actually ran (dedup shows here)
        self.call_delay_s = 0.0  # simulated latency added to every call

    def extra_functions(self) -> list[DeviceFunction]:
        """Functions built at run time (the home adapter generates its own)."""
        return []

    def inventory(self) -> dict[str, Any] | None:
        return None

    def function_order(self) -> list[str]:
        """Manifest order; adapters whose order matters (phone: Octopus tokens) override."""
        return sorted(self.functions)

    def manifest(self) -> DeviceManifest:
        specs = [self.functions[n].spec for n in self.function_order()]
        return DeviceManifest(device_id=self.device_id, kind=self.kind, name=self.name,
                              functions=specs, inventory=self.inventory()).with_version()

    # ---- calls ---------------------------------------------------------------------------

    async def handle(self, request: CallRequest) -> CallResult:
        """Run one call at most once per call_id; a repeat gets the first result again."""
        cached = self._results.get(request.call_id)
        if cached is not None:
            log.info("device.duplicate_call", call_id=str(request.call_id))
            return await asyncio.shield(cached)
        future: asyncio.Future[CallResult] = asyncio.get_running_loop().create_future()
        self._results[request.call_id] = future
        while len(self._results) > DEDUP_CACHE_SIZE:
            self._results.popitem(last=False)
        result = await self._execute(request)
        future.set_result(result)
        return result

    async def _execute(self, request: CallRequest) -> CallResult:
        started = utcnow()

        def fail(code: ErrorCode, message: str) -> CallResult:
            return CallResult.failure(request.call_id, self.device_id, code, message,
                                      started_at=started, finished_at=utcnow())

        if request.deadline <= started:
            return fail(ErrorCode.rejected, "the call's deadline had passed when it arrived")
        fn = self.functions.get(request.function)
        if fn is None:
            return fail(ErrorCode.unknown_function,
                        f"{self.device_id} has no function {request.function!r}")
        try:
            args = fn.args_model.model_validate(request.args)
        except ValidationError as exc:
            return fail(ErrorCode.invalid_args, _validation_message(exc))
        self.calls_executed += 1
        try:
            if self.call_delay_s:
                await asyncio.sleep(self.call_delay_s)
            value = await fn.handler(**dict(args))
            if fn.returns is not None:
                value = fn.returns.dump_python(value, mode="json")
        except Exception as exc:  # any adapter failure is the caller's device_error
            log.warning("device.function_failed", function=request.function, error=str(exc))
            return fail(ErrorCode.device_error, f"{type(exc).__name__}: {exc}")
        return CallResult(call_id=request.call_id, device_id=self.device_id, status="ok",
                          value=value, started_at=started, finished_at=utcnow())

    # ---- MQTT ----------------------------------------------------------------------------

    async def serve(self, bus_url: str, *, topics: Topics | None = None, protocol: str = "auto",
                    stop: asyncio.Event | None = None) -> None:
        """Connect, announce (retained manifest + online), answer calls until `stop`."""
        topics = topics or Topics()
        offline = encode(DeviceStatus(state="offline"))
        status_topic = topics.device_status(self.device_id)
        bus = Bus(bus_url, client_id=topics.client_id("device", self.device_id), protocol=protocol,
                  will=(status_topic, offline), root=topics.root)
        await bus.connect()
        structlog.contextvars.bind_contextvars(device_id=self.device_id)

        async def announce() -> None:
            await bus.publish_and_wait(topics.device_manifest(self.device_id),
                                       encode(self.manifest()), retain=True)
            await bus.publish_and_wait(status_topic, encode(DeviceStatus(state="online")),
                                       retain=True)

        async def on_call(message: Message) -> None:
            try:
                request = decode(CallRequest, message.payload)
            except ProtocolError as exc:
                log.warning("device.invalid_call_dropped", reason=str(exc),
                            payload=truncate(message.payload))
                return
            with structlog.contextvars.bound_contextvars(call_id=str(request.call_id),
                                                         request_id=request.request_id):
                result = await self.handle(request)
                log.info("device.call", function=request.function, status=result.status)
                reply_to = message.response_topic or request.reply_to
                bus.publish(reply_to, encode(result), correlation=message.correlation)

        await bus.subscribe(topics.device_call(self.device_id), on_call)
        bus.on_reconnect(announce)  # our Last Will may have marked us offline meanwhile
        await announce()
        log.info("device.online", kind=self.kind, functions=len(self.functions))
        try:
            await (stop or asyncio.Event()).wait()
        finally:
            await bus.close(final=[(status_topic, offline)])
            log.info("device.offline")


def _validation_message(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc'])) or 'args'}: {e['msg']}"
                     for e in exc.errors()[:5])
