"""One training or evaluation example: a request and the calls that serve it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Example:
    """`calls` are Plan calls: {"id": "c1", "function": "kind.name", "args": {...}}.

    A nested call's argument is {"$ref": "c1"} and the referenced call comes first.
    `calls == []` means no function applies. `inventory` is the home inventory the
    request was written against (None: the default one)."""

    query: str
    calls: list[dict[str, Any]]
    context: dict[str, str] = field(default_factory=dict)
    inventory: dict[str, Any] | None = None
    source: str = ""  # which generator or template family made it, for reports
