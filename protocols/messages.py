"""Every message octohub puts on the bus, as pydantic v2 models.

Each model is the single source of truth for its JSON: the hub, the devices, the CLI and
docs/protocol.md (via `json_schemas()`) all use these. Decoding never raises anything but
ProtocolError, so a bad payload can always be logged and dropped.
"""
from __future__ import annotations

import hashlib
import json
import uuid
from datetime import datetime, timezone
from enum import Enum
from typing import Annotated, Any, Literal, TypeVar

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from protocols.plan import Plan

MAX_PAYLOAD_BYTES = 256 * 1024  # a manifest of ~100 functions is ~60 KB; more is abuse
ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}$"
FUNCTION_NAME_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"

DeviceId = Annotated[str, Field(pattern=ID_PATTERN)]
HubId = Annotated[str, Field(pattern=ID_PATTERN)]
FunctionName = Annotated[str, Field(pattern=FUNCTION_NAME_PATTERN)]


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class ProtocolError(ValueError):
    """A payload that is not a valid message: too big, not UTF-8 JSON, or schema-invalid."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ErrorCode(str, Enum):
    """The closed set of call error codes (docs/protocol.md explains each)."""

    invalid_args = "invalid_args"  # args fail the function's JSON Schema
    unknown_function = "unknown_function"  # the device does not offer it
    unknown_device = "unknown_device"  # no such device id is registered
    device_offline = "device_offline"  # the device's retained status is offline
    timeout = "timeout"  # no result before the deadline
    device_error = "device_error"  # the function raised on the device
    rejected = "rejected"  # the device refused, e.g. the deadline had already passed
    invalid_request = "invalid_request"  # a hub request that does not parse
    ambiguous_target = "ambiguous_target"  # several devices could serve the call
    not_learned = "not_learned"  # the planner has not learned this function yet
    skipped = "skipped"  # a call this one depends on failed
    internal = "internal"  # a bug in the hub; logged with details


class CallError(Strict):
    code: ErrorCode
    message: str


class FunctionSpec(Strict):
    """One function a device offers. `parameters` and `returns` are JSON Schema."""

    name: FunctionName
    description: str
    parameters: dict[str, Any] = Field(default_factory=lambda: {"type": "object", "properties": {}})
    returns: dict[str, Any] = Field(default_factory=dict)
    sensitive: bool = False
    examples: list[str] = Field(default_factory=list)
    # Words a request must say for the planner to choose this function: where another
    # device serves the same request better without them (the phone's door app is for
    # "lock the door from my phone"; "lock the front door" goes to the home's own lock),
    # or where a near opposite would otherwise be chosen ("keep playing" is no pause).
    cues: list[str] = Field(default_factory=list)


class DeviceManifest(Strict):
    type: Literal["manifest"] = "manifest"
    device_id: DeviceId
    kind: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,31}$")]
    name: str
    functions: list[FunctionSpec]
    manifest_version: str = ""
    inventory: dict[str, Any] | None = None

    def with_version(self) -> DeviceManifest:
        """Fill manifest_version with a hash of everything else, so any change shows."""
        body = self.model_dump(mode="json", exclude={"manifest_version"})
        digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:16]
        return self.model_copy(update={"manifest_version": digest})

    def function(self, name: str) -> FunctionSpec | None:
        return next((f for f in self.functions if f.name == name), None)


class DeviceStatus(Strict):
    type: Literal["status"] = "status"
    state: Literal["online", "offline"]
    ts: AwareDatetime = Field(default_factory=utcnow)


class HubStatus(Strict):
    type: Literal["hub_status"] = "hub_status"
    state: Literal["online", "offline"]
    hub_id: HubId
    ts: AwareDatetime = Field(default_factory=utcnow)


class CallRequest(Strict):
    type: Literal["call"] = "call"
    call_id: uuid.UUID = Field(default_factory=uuid.uuid4)
    hub_id: HubId
    function: FunctionName
    args: dict[str, Any] = Field(default_factory=dict)
    deadline: AwareDatetime
    reply_to: str = Field(min_length=1, max_length=512)
    request_id: str | None = None  # the ask request this call belongs to, for logs


class CallResult(Strict):
    type: Literal["result"] = "result"
    call_id: uuid.UUID
    device_id: DeviceId
    status: Literal["ok", "error"]
    value: Any = None
    error: CallError | None = None
    started_at: AwareDatetime | None = None
    finished_at: AwareDatetime | None = None

    @classmethod
    def failure(cls, call_id: uuid.UUID, device_id: str, code: ErrorCode, message: str,
                **times: Any) -> CallResult:
        return cls(call_id=call_id, device_id=device_id, status="error",
                   error=CallError(code=code, message=message), **times)


# ---- client <-> hub -------------------------------------------------------------------

class _HubRequestBase(Strict):
    request_id: str = Field(default_factory=lambda: uuid.uuid4().hex, min_length=1, max_length=64)
    reply_to: str = Field(min_length=1, max_length=512)


class DevicesRequest(_HubRequestBase):
    type: Literal["devices"] = "devices"


class CallCommand(_HubRequestBase):
    type: Literal["call"] = "call"
    target: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,62}\.[a-z][a-z0-9_]{0,63}$")]
    args: dict[str, Any] = Field(default_factory=dict)
    timeout_s: Annotated[float, Field(gt=0, le=3600)] = 10.0


Context = dict[Annotated[str, Field(max_length=64)], Annotated[str, Field(max_length=200)]]


class PlanRequest(_HubRequestBase):
    """Plan a request in words, without running it."""

    type: Literal["plan"] = "plan"
    query: str = Field(min_length=1, max_length=2000)
    context: Context = Field(default_factory=dict)


Timeout = Annotated[float, Field(gt=0, le=3600)]


class AskRequest(_HubRequestBase):
    """Plan a request in words and run it: every call, then one reply with the results.

    `device_id` (or `context["device_id"]`) names the device to use where several of a
    kind could serve a call. `yes` confirms sensitive calls up front. `timeout_s` is the
    whole request's deadline. With `progress`, the hub also sends AskProgress messages to
    the reply topic (the plan, then each call as it ends) before the final HubReply.
    `plan` runs the given plan instead of planning `query` (for clients that plan
    themselves); `query` is still what the history shows.
    """

    type: Literal["ask"] = "ask"
    query: str = Field(min_length=1, max_length=2000)
    context: Context = Field(default_factory=dict)
    device_id: DeviceId | None = None
    yes: bool = False
    timeout_s: Timeout = 30.0
    progress: bool = False
    plan: Plan | None = None


class ConfirmRequest(_HubRequestBase):
    """Confirm (or, with approve=false, decline) the held calls of an ask.

    `request_id` is the ask's own request id, as its `needs_confirmation` reply gave it;
    the reply to this request is the ask's final reply. `timeout_s` is the deadline for
    the calls that run now.
    """

    type: Literal["confirm"] = "confirm"
    request_id: str = Field(min_length=1, max_length=64)
    approve: bool = True
    timeout_s: Timeout = 30.0
    progress: bool = False


HubRequest = Annotated[DevicesRequest | CallCommand | PlanRequest | AskRequest | ConfirmRequest,
                       Field(discriminator="type")]


class DeviceInfo(Strict):
    device_id: DeviceId
    kind: str
    name: str
    state: Literal["online", "offline"]
    functions: int
    manifest_version: str


OutcomeStatus = Literal["ok", "error", "timeout", "skipped", "needs_confirmation", "declined"]


class CallOutcome(Strict):
    """How one planned call of an ask ended (or why it waits), with its timings.

    `args` are the arguments as sent (or to be sent), with every `$ref` already replaced
    by the result it names. `started_at`/`finished_at` are the device's clock;
    `duration_ms` is the hub's, from sending the call to its result.
    """

    id: str  # the plan's call id, e.g. "c2"
    function: str  # kind.function, as planned
    status: OutcomeStatus
    device_id: str | None = None
    args: dict[str, Any] | None = None
    value: Any = None
    error: CallError | None = None
    call_id: uuid.UUID | None = None
    started_at: AwareDatetime | None = None
    finished_at: AwareDatetime | None = None
    duration_ms: float | None = None


class AskProgress(Strict):
    """Sent to an ask's reply topic before the final reply when the ask sets `progress`:
    first the plan, then each call as soon as it ends."""

    type: Literal["progress"] = "progress"
    request_id: str
    plan: dict[str, Any] | None = None
    call: CallOutcome | None = None


class HubReply(Strict):
    type: Literal["reply"] = "reply"
    request_id: str
    # devices, call, plan: ok | error. ask, confirm: also partial | needs_confirmation.
    status: Literal["ok", "partial", "error", "needs_confirmation"]
    devices: list[DeviceInfo] | None = None
    result: CallResult | None = None
    plan: dict[str, Any] | None = None  # a protocols.plan.Plan
    calls: list[CallOutcome] | None = None  # ask, confirm: every planned call, in plan order
    answer: str | None = None  # ask, confirm: a short answer in words
    expires_at: AwareDatetime | None = None  # needs_confirmation: confirm before this
    error: CallError | None = None


HubMessage = Annotated[HubReply | AskProgress, Field(discriminator="type")]


# ---- encoding ---------------------------------------------------------------------------

M = TypeVar("M")
_adapters: dict[Any, TypeAdapter[Any]] = {}


def _adapter(model: Any) -> TypeAdapter[Any]:
    if model not in _adapters:
        _adapters[model] = TypeAdapter(model)
    return _adapters[model]


def decode(model: type[M] | Any, payload: bytes | str) -> M:
    """Validate a payload as `model` (a class or an annotated union). Raises ProtocolError."""
    raw = payload.encode() if isinstance(payload, str) else payload
    if len(raw) > MAX_PAYLOAD_BYTES:
        raise ProtocolError(f"payload is {len(raw)} bytes, over the {MAX_PAYLOAD_BYTES} limit")
    try:
        return _adapter(model).validate_json(raw)  # type: ignore[no-any-return]
    except ValidationError as exc:
        errors = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or '<root>'}: {e['msg']}" for e in exc.errors()[:5]
        )
        raise ProtocolError(errors) from None


def encode(message: BaseModel) -> bytes:
    return message.model_dump_json(exclude_none=True).encode()


def json_schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of every wire message, for docs and for non-Python clients."""
    models: dict[str, Any] = {
        "DeviceManifest": DeviceManifest, "DeviceStatus": DeviceStatus, "HubStatus": HubStatus,
        "CallRequest": CallRequest, "CallResult": CallResult, "HubRequest": HubRequest,
        "HubReply": HubReply, "AskProgress": AskProgress,
    }
    return {name: _adapter(m).json_schema() for name, m in models.items()}
