"""The Plan: the contract between the planner and the executor.

    {"calls": [
       {"id": "c1", "function": "phone.get_weather_forecast", "args": {"location": "Paris"}},
       {"id": "c2", "function": "phone.send_text_message",
        "args": {"contact_name": "Mom", "message": {"$ref": "c1"}}}],
     "latency_ms": 4.1}

A function is qualified by device kind. {"$ref": "cN"} is the result of an earlier call.
Calls with no refs between them are parallel. "calls": [] means nothing applies.
Unfilled optional args are omitted, so the function's defaults apply.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

CALL_ID_PATTERN = r"^c[1-9][0-9]{0,3}$"
QUALIFIED_PATTERN = r"^[a-z][a-z0-9_]{0,31}\.[a-z][a-z0-9_]{0,63}$"


def is_ref(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"$ref"} and isinstance(value["$ref"], str)


class PlannedCall(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=CALL_ID_PATTERN)
    function: str = Field(pattern=QUALIFIED_PATTERN)
    args: dict[str, Any] = Field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.function.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.function.split(".", 1)[1]

    def refs(self) -> list[str]:
        return [v["$ref"] for v in self.args.values() if is_ref(v)]


class Plan(BaseModel):
    model_config = ConfigDict(extra="forbid")

    calls: list[PlannedCall] = Field(default_factory=list, max_length=32)
    latency_ms: float | None = None

    @model_validator(mode="after")
    def _refs_point_backwards(self) -> Plan:
        """Unique ids, and every $ref names an earlier call: so the plan is a DAG."""
        seen: set[str] = set()
        for call in self.calls:
            if call.id in seen:
                raise ValueError(f"duplicate call id {call.id!r}")
            for ref in call.refs():
                if ref not in seen:
                    raise ValueError(f"{call.id} refers to {ref!r}, which is not an earlier call")
            for key, value in call.args.items():
                if isinstance(value, dict) and "$ref" in value and not is_ref(value):
                    raise ValueError(f"{call.id}.{key}: a reference is exactly {{\"$ref\": \"cN\"}}")
            seen.add(call.id)
        return self

    @property
    def is_empty(self) -> bool:
        return not self.calls

    def dependants(self) -> dict[str, list[str]]:
        """call id -> ids of the calls that use its result."""
        out: dict[str, list[str]] = {c.id: [] for c in self.calls}
        for call in self.calls:
            for ref in call.refs():
                out[ref].append(call.id)
        return out
