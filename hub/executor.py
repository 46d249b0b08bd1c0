"""The executor: runs a validated Plan as a DAG (LLMCompiler's task-fetching unit and
executor, in one small module).

    execution = Execution("req-1", plan, device_hint="phone-1")
    await executor.run(execution, timeout_s=30)
    execution.status                  # ok | partial | error | needs_confirmation
    execution.outcomes()              # one CallOutcome per planned call, in plan order

Every call gets its own task at once. A task awaits the futures of the calls it refers
to (no polling), so independent calls go out together and a nested call goes out the
moment its inputs arrive. Then, per call:

1. a failed input skips it, naming the failed call; an input that waits for
   confirmation makes it wait too;
2. the target device is resolved: the one named in the request if it is of the call's
   kind, else the only device of that kind, else the configured default, else the call
   fails `ambiguous_target` listing the candidates (no guessing);
3. each `{"$ref": "cN"}` is replaced by cN's result, coerced to the parameter's JSON
   Schema where that is well defined (see `coerce`), else the call fails `invalid_args`;
4. a call the ConfirmPolicy holds is not sent unless the execution is approved: it ends
   this run as `needs_confirmation` (after the router's checks, so nobody is asked to
   confirm a call that cannot succeed); calls that do not depend on it still run now;
5. the router sends it, with a timeout cut to what is left of the request's deadline.

A held execution is run again after the user answers: approved, the held calls go out
with the results already in hand; declined, they end `declined` and their dependants
`skipped`. Every call ends every run with a final status or `needs_confirmation`.
"""
from __future__ import annotations

import asyncio
import fnmatch
import json
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import structlog

from hub.router import Router
from protocols import CallError, ErrorCode, FunctionSpec
from protocols.messages import CallOutcome
from protocols.plan import Plan, PlannedCall, is_ref

log = structlog.get_logger("octohub.executor")

FINAL = frozenset({"ok", "error", "timeout", "skipped", "declined"})
FAILED = FINAL - {"ok"}
DEADLINE_GRACE_SECONDS = 1.0  # after the deadline, how long router calls get to wind up


class StepError(Exception):
    """A call that cannot be sent: its CallError code and message."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code


# ---- one planned call's progress -------------------------------------------------------

@dataclass
class Step:
    call: PlannedCall
    status: str = "waiting"  # waiting | running | needs_confirmation | a FINAL status
    held: bool = False  # needs_confirmation because the policy holds this very call
    device_id: str | None = None
    args: dict[str, Any] | None = None
    value: Any = None
    error: CallError | None = None
    call_id: uuid.UUID | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    duration_ms: float | None = None

    def end(self, status: str, code: ErrorCode | None = None, message: str = "") -> None:
        self.status = status
        self.error = CallError(code=code, message=message) if code else None

    def outcome(self) -> CallOutcome:
        return CallOutcome(id=self.call.id, function=self.call.function, status=self.status,  # type: ignore[arg-type]
                           device_id=self.device_id, args=self.args, value=self.value,
                           error=self.error, call_id=self.call_id, started_at=self.started_at,
                           finished_at=self.finished_at, duration_ms=self.duration_ms)


@dataclass
class Execution:
    """One ask's plan and the progress of each of its calls."""

    request_id: str
    plan: Plan
    device_hint: str | None = None
    approved: bool = False  # held calls may be sent
    declined: str | None = None  # why held calls are not sent, once the user said no
    on_step: Callable[[CallOutcome], None] | None = None  # each call as it ends or waits
    steps: dict[str, Step] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.steps = {call.id: Step(call) for call in self.plan.calls}

    def outcomes(self) -> list[CallOutcome]:
        return [step.outcome() for step in self.steps.values()]

    def held(self) -> list[Step]:
        return [s for s in self.steps.values() if s.held and s.status == "needs_confirmation"]

    @property
    def status(self) -> str:
        statuses = [s.status for s in self.steps.values()]
        if "needs_confirmation" in statuses:
            return "needs_confirmation"
        if all(s == "ok" for s in statuses):  # also a plan with no calls: nothing applies
            return "ok"
        return "partial" if "ok" in statuses else "error"


# ---- which calls wait for confirmation ---------------------------------------------------

RULE = re.compile(r"^(?P<exempt>!?)(?P<pattern>[a-z0-9_*?.]+)(?P<conds>(\[[^\]=]+=[^\]]*\])*)$")


@dataclass(frozen=True)
class Rule:
    pattern: str  # "sensitive", or a kind.function glob
    conditions: tuple[tuple[str, str], ...] = ()  # (arg, value glob), all must match
    exempt: bool = False

    def matches(self, function: str, spec: FunctionSpec | None, args: dict[str, Any],
                inventory: dict[str, Any] | None) -> bool:
        if self.pattern == "sensitive":
            hit = spec is not None and spec.sensitive
        else:
            hit = fnmatch.fnmatchcase(function, self.pattern)
        return hit and all(fnmatch.fnmatch(str(arg_value(args, key, inventory) or "").casefold(),
                                           value.casefold()) for key, value in self.conditions)


class ConfirmPolicy:
    """Which calls are held for confirmation: `Settings.confirm`, e.g.

        "sensitive, home.turn_off[domain=lock], car.*, !phone.send_email"

    `sensitive` is every FunctionSpec marked sensitive; `kind.function` is a glob;
    `[arg=glob]` conditions match the call's args (case-insensitive); `!rule` exempts
    what it matches, whatever else matches; `none` holds nothing.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.rules: list[Rule] = []
        for item in (part.strip() for part in text.split(",")):
            if not item or item == "none":
                continue
            match = RULE.match(item)
            if match is None:
                raise ValueError(f"bad confirmation rule {item!r} (e.g. sensitive, car.unlock_doors, "
                                 "home.turn_off[domain=lock], !phone.send_email)")
            conds = tuple(tuple(c.split("=", 1)) for c in re.findall(r"\[([^\]]+)\]", match["conds"]))
            self.rules.append(Rule(match["pattern"], conds, bool(match["exempt"])))  # type: ignore[arg-type]

    def holds(self, function: str, spec: FunctionSpec | None, args: dict[str, Any],
              inventory: dict[str, Any] | None = None) -> bool:
        hits = [r for r in self.rules if r.matches(function, spec, args, inventory)]
        return bool(hits) and not any(r.exempt for r in hits)


def arg_value(args: dict[str, Any], key: str, inventory: dict[str, Any] | None) -> Any:
    """An arg, or for `domain`/`device_class` that of the entity the call names, looked up
    in the device's inventory ("unlock the Front Door Lock" names no domain)."""
    if key in args or key not in ("domain", "device_class") or not inventory:
        return args.get(key)
    name = str(args.get("name") or "").casefold()
    for entity in inventory.get("entities") or []:
        if name and str(entity.get("name", "")).casefold() == name:
            if key == "domain":
                return str(entity.get("id", "")).split(".", 1)[0]
            return (entity.get("attributes") or {}).get("device_class")
    return None


# ---- forwarding one call's result into another's argument ------------------------------

class CoercionError(ValueError):
    pass


def coerce(value: Any, schema: dict[str, Any] | None) -> Any:
    """`value` (a call's result) as a value of the parameter `schema`, where that is well
    defined; else CoercionError saying why.

    To a string: a list becomes its items one per line, a number its digits, a bool
    "yes"/"no", an object compact JSON. To an integer or number: a numeric string or a
    whole float. To a boolean: "true"/"false"/"yes"/"no". A one-item list stands for its
    item. No schema (or `{}`): the value as it is.
    """
    if not schema:
        return value
    if value is None:
        raise CoercionError("the result is empty")
    branches = schema.get("anyOf") or schema.get("oneOf")
    if branches:
        reasons = []
        for branch in branches:
            try:
                return coerce(value, branch)
            except CoercionError as exc:
                reasons.append(str(exc))
        raise CoercionError(" / ".join(dict.fromkeys(reasons)))
    types = schema.get("type")
    if isinstance(types, list):
        return coerce(value, {"anyOf": [{**schema, "type": t} for t in types]})
    convert = _CONVERTERS.get(types) if isinstance(types, str) else None
    result = convert(value, schema) if convert else value
    if "enum" in schema and result not in schema["enum"]:
        choices = ", ".join(map(repr, schema["enum"][:8]))
        raise CoercionError(f"{_short(result)} is not one of {choices}")
    return result


def _to_text(value: Any, schema: dict[str, Any]) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "\n".join(_to_text(item, schema) for item in value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _to_int(value: Any, schema: dict[str, Any]) -> int:
    value = _single(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d+\s*", value):
        return int(value)
    raise CoercionError(f"{_short(value)} is not a whole number")


def _to_number(value: Any, schema: dict[str, Any]) -> float | int:
    value = _single(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            pass
        else:
            return int(number) if re.fullmatch(r"\s*[+-]?\d+\s*", value) else number
    raise CoercionError(f"{_short(value)} is not a number")


def _to_bool(value: Any, schema: dict[str, Any]) -> bool:
    value = _single(value)
    if isinstance(value, bool):
        return value
    words = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}
    if isinstance(value, str) and value.strip().casefold() in words:
        return words[value.strip().casefold()]
    raise CoercionError(f"{_short(value)} is not true or false")


def _to_list(value: Any, schema: dict[str, Any]) -> list[Any]:
    items = value if isinstance(value, list) else [value]
    return [coerce(item, schema.get("items")) for item in items]


def _to_object(value: Any, schema: dict[str, Any]) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    raise CoercionError(f"{_short(value)} is not an object")


def _to_null(value: Any, schema: dict[str, Any]) -> None:
    raise CoercionError(f"{_short(value)} is not null")


def _single(value: Any) -> Any:
    return value[0] if isinstance(value, list) and len(value) == 1 else value


def _short(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    kind = type(value).__name__
    return f"{kind} {text[:limit]}{'…' if len(text) > limit else ''}"


_CONVERTERS: dict[str, Callable[[Any, dict[str, Any]], Any]] = {
    "string": _to_text, "integer": _to_int, "number": _to_number, "boolean": _to_bool,
    "array": _to_list, "object": _to_object, "null": _to_null,
}


# ---- the executor ------------------------------------------------------------------------

class Executor:
    def __init__(self, router: Router, policy: ConfirmPolicy, *,
                 defaults: dict[str, str] | None = None, call_timeout_s: float = 10.0) -> None:
        self.router = router
        self.policy = policy
        self.defaults = defaults or {}
        self.call_timeout_s = call_timeout_s

    async def run(self, execution: Execution, timeout_s: float) -> Execution:
        """Run every call that can run now; return when each has ended or waits."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout_s
        done: dict[str, asyncio.Future[Step]] = {}
        tasks: list[asyncio.Task[None]] = []
        for step in execution.steps.values():
            done[step.call.id] = loop.create_future()
            if step.status in FINAL:
                done[step.call.id].set_result(step)
            else:
                step.status, step.held = "waiting", False
                tasks.append(asyncio.create_task(self._run_step(execution, step, done, deadline),
                                                 name=f"{execution.request_id}:{step.call.id}"))
        if tasks:
            _, late = await asyncio.wait(tasks, timeout=timeout_s + DEADLINE_GRACE_SECONDS)
            for task in late:  # only if the router outlived its own timeout: never leave one
                task.cancel()
            if late:
                await asyncio.wait(late)
        for step in execution.steps.values():
            if step.status in ("waiting", "running"):
                step.end("timeout", ErrorCode.timeout,
                         f"the request's {timeout_s:g}s deadline passed before {step.call.id} ended")
        return execution

    async def _run_step(self, execution: Execution, step: Step,
                        done: dict[str, asyncio.Future[Step]], deadline: float) -> None:
        with structlog.contextvars.bound_contextvars(step=step.call.id):
            try:
                inputs = {ref: await done[ref] for ref in dict.fromkeys(step.call.refs())}
                await self._advance(execution, step, inputs, deadline)
            except StepError as exc:
                step.end("error", exc.code, str(exc))
            except asyncio.CancelledError:
                step.end("timeout", ErrorCode.timeout, "the request's deadline passed")
                raise
            except Exception as exc:  # a bug here must not leave the call pending
                log.exception("executor.step_failed", function=step.call.function)
                step.end("error", ErrorCode.internal, f"{type(exc).__name__}: {exc}")
            finally:
                if not done[step.call.id].done():
                    done[step.call.id].set_result(step)
                if step.status in FINAL or step.status == "needs_confirmation":
                    log.info("executor.step", function=step.call.function, status=step.status,
                             device_id=step.device_id, call_id=str(step.call_id) if step.call_id else None,
                             error=step.error.code.value if step.error else None)
                    if execution.on_step:
                        execution.on_step(step.outcome())

    async def _advance(self, execution: Execution, step: Step, inputs: dict[str, Step],
                       deadline: float) -> None:
        call = step.call
        failed = next((s for s in inputs.values() if s.status in FAILED), None)
        if failed is not None:
            why = failed.error.message if failed.error else failed.status
            verb = {"error": "failed", "timeout": "timed out", "skipped": "was skipped",
                    "declined": "was declined"}[failed.status]
            step.end("skipped", ErrorCode.skipped,
                     f"not sent because {failed.call.id} ({failed.call.function}) {verb}: {why}")
            return
        waiting = next((s for s in inputs.values() if s.status == "needs_confirmation"), None)
        if waiting is not None:
            step.end("needs_confirmation", ErrorCode.skipped,
                     f"waits for {waiting.call.id} ({waiting.call.function}), which needs confirmation")
            return
        step.device_id = self.resolve(call, execution.device_hint)
        known = self.router.devices[step.device_id]
        spec = known.manifest.function(call.name)
        step.args = self.forward(call, spec, inputs)
        if not execution.approved and self.policy.holds(call.function, spec, step.args,
                                                        known.manifest.inventory):
            if execution.declined:
                step.end("declined", ErrorCode.rejected, f"not sent: {execution.declined}")
                return
            problem = self.router.check(step.device_id, call.name, step.args)
            if problem is not None:
                raise StepError(*problem)
            step.held = True
            step.end("needs_confirmation")  # no error: this is the call to confirm
            return
        await self._send(execution, step, deadline)

    async def _send(self, execution: Execution, step: Step, deadline: float) -> None:
        left = deadline - asyncio.get_running_loop().time()
        if left <= 0:
            step.end("timeout", ErrorCode.timeout, "the request's deadline passed before it was sent")
            return
        assert step.device_id is not None and step.args is not None
        step.status = "running"
        sent = time.perf_counter()
        result = await self.router.call(step.device_id, step.call.name, step.args,
                                        timeout_s=min(self.call_timeout_s, left),
                                        request_id=execution.request_id)
        step.duration_ms = round((time.perf_counter() - sent) * 1e3, 2)
        step.call_id, step.started_at, step.finished_at = (result.call_id, result.started_at,
                                                           result.finished_at)
        if result.status == "ok":
            step.value = result.value
            step.end("ok")
        else:
            assert result.error is not None
            timed_out = result.error.code is ErrorCode.timeout
            step.end("timeout" if timed_out else "error", result.error.code, result.error.message)

    # ---- target and arguments ------------------------------------------------------------

    def resolve(self, call: PlannedCall, hint: str | None) -> str:
        """The device for a call: the one named in the request (if of the call's kind),
        the only one of its kind, or the configured default; never a guess."""
        devices = self.router.devices
        of_kind = sorted(d for d, known in devices.items() if known.manifest.kind == call.kind)
        if hint in of_kind:
            return hint  # type: ignore[return-value]
        if len(of_kind) == 1:
            return of_kind[0]
        default = self.defaults.get(call.kind)
        if default in of_kind:
            return default  # type: ignore[return-value]
        if not of_kind:
            raise StepError(ErrorCode.unknown_device, f"no {call.kind} device is known to the hub")
        listed = ", ".join(f"{d} ({devices[d].state})" for d in of_kind)
        note = f" (the default {default} is not known)" if default else ""
        raise StepError(ErrorCode.ambiguous_target,
                        f"{len(of_kind)} {call.kind} devices could run {call.function}: {listed}; "
                        f"name one with --device / device_id, or set a default with "
                        f"OCTOHUB_DEFAULT_DEVICES={call.kind}=<id>{note}")

    def forward(self, call: PlannedCall, spec: FunctionSpec | None,
                inputs: dict[str, Step]) -> dict[str, Any]:
        """The call's args with each $ref replaced by that call's coerced result."""
        properties = (spec.parameters.get("properties") or {}) if spec else {}
        args: dict[str, Any] = {}
        for key, value in call.args.items():
            if not is_ref(value):
                args[key] = value
                continue
            source = inputs[value["$ref"]]
            try:
                args[key] = coerce(source.value, properties.get(key))
            except CoercionError as exc:
                raise StepError(ErrorCode.invalid_args,
                                f"{key}: cannot use {source.call.id}'s result "
                                f"({source.call.function}): {exc}") from None
        return args
