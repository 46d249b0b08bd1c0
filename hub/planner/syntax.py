"""The planner's answer syntax, and its round trip to a Plan.

    single    <fn_7>(contact_name="Mom", message="on my way")<fn_end>
    parallel  <fn_0>(camera="front");<fn_44>(area="Kitchen", domain="light")<fn_end>
    nested    <fn_7>(contact_name="Mom", message=<fn_2>(location="Paris"))<fn_end>
    no call   <fn_none><fn_end>

Values are JSON literals. A nested call's result feeds the outer argument; in the Plan
the inner call comes first and the argument becomes {"$ref": "cN"}. The parser also
reads Octopus-v2's own output, `<nexa_0>('front')<nexa_end>`: Python literals and
positional arguments, named by the function's parameter order.
"""
from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from typing import Any

from protocols.plan import Plan, PlannedCall, is_ref

FN_END = "<fn_end>"
FN_NONE = "<fn_none>"


@dataclass(frozen=True)
class FunctionTable:
    """Functional token i <-> qualified function name, plus each one's parameter order."""

    functions: tuple[str, ...]  # "kind.name", in token order
    parameters: tuple[tuple[str, ...], ...]  # parameter names per function, schema order

    def token(self, function: str) -> str:
        return f"<fn_{self.functions.index(function)}>"

    def index(self, function: str) -> int:
        return self.functions.index(function)

    @property
    def tokens(self) -> list[str]:
        return [f"<fn_{i}>" for i in range(len(self.functions))] + [FN_NONE, FN_END]


class SyntaxError_(ValueError):
    """Text that is not a valid answer."""


_TOKEN = re.compile(r"""
    (?P<fn><(?P<family>fn|nexa)_(?P<idx>\d+|none|end)>)
  | (?P<punct>[(),;=])
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)(?=\s*=)
  | (?P<literal>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?
                |true|false|null|True|False|None)
  | (?P<space>\s+)
""", re.X)


def _lex(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if not match:
            raise SyntaxError_(f"unexpected text at {pos}: {text[pos:pos + 20]!r}")
        pos = match.end()
        kind = match.lastgroup
        if kind == "space":
            continue
        if kind == "family":  # the named group inside <fn_...>
            kind = "fn"
        tokens.append((kind or "", match.group(0)))
    return tokens


def _literal(text: str) -> Any:
    if text in ("true", "True"):
        return True
    if text in ("false", "False"):
        return False
    if text in ("null", "None"):
        return None
    if text.startswith("'"):
        return ast.literal_eval(text)
    return json.loads(text)


class _Parser:
    def __init__(self, text: str, table: FunctionTable) -> None:
        self.tokens = _lex(text)
        self.pos = 0
        self.table = table
        self.calls: list[PlannedCall] = []

    def peek(self) -> tuple[str, str]:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ("eof", "")

    def take(self, kind: str, value: str | None = None) -> str:
        got_kind, got = self.peek()
        if got_kind != kind or (value is not None and got != value):
            raise SyntaxError_(f"expected {value or kind}, got {got or 'end of text'!r}")
        self.pos += 1
        return got

    def plan(self) -> Plan:
        kind, text = self.peek()
        if text.endswith("_none>"):
            self.pos += 1
        elif not text.endswith("_end>"):
            self.call()
            while self.peek() == ("punct", ";"):
                self.pos += 1
                self.call()
        kind, text = self.peek()
        if kind != "fn" or not text.endswith("_end>"):
            raise SyntaxError_(f"expected the end token, got {text or 'end of text'!r}")
        return Plan(calls=self.calls)

    def call(self) -> str:
        text = self.take("fn")
        index = text[text.index("_") + 1:-1]
        if not index.isdigit() or int(index) >= len(self.table.functions):
            raise SyntaxError_(f"{text} is not a function token of this model")
        function = self.table.functions[int(index)]
        params = self.table.parameters[int(index)]
        self.take("punct", "(")
        args: dict[str, Any] = {}
        position = 0
        while self.peek() != ("punct", ")"):
            if args or position:
                self.take("punct", ",")
            name = None
            if self.peek()[0] == "name":
                name = self.take("name")
                self.take("punct", "=")
            elif position < len(params):
                name = params[position]  # Octopus-v2 passes arguments by position
            else:
                raise SyntaxError_(f"too many arguments for {function}")
            position += 1
            if name in args:
                raise SyntaxError_(f"{function}: argument {name!r} given twice")
            args[name] = self.value()
        self.take("punct", ")")
        call_id = f"c{len(self.calls) + 1}"
        self.calls.append(PlannedCall(id=call_id, function=function, args=args))
        return call_id

    def value(self) -> Any:
        kind, text = self.peek()
        if kind == "fn":
            return {"$ref": self.call()}
        return _literal(self.take("literal"))


def parse(text: str, table: FunctionTable) -> Plan:
    """Answer text -> Plan. Raises SyntaxError_ on anything malformed."""
    try:
        return _Parser(text, table).plan()
    except (ValueError, SyntaxError) as exc:  # json/ast literal errors and Plan's own checks
        if isinstance(exc, SyntaxError_):
            raise
        raise SyntaxError_(str(exc)) from None


def to_text(plan: Plan, table: FunctionTable) -> str:
    """Plan -> answer text. Each result may feed at most one later call (a tree)."""
    if not plan.calls:
        return FN_NONE + FN_END
    by_id = {c.id: c for c in plan.calls}
    consumers = plan.dependants()
    for call_id, users in consumers.items():
        if len(users) > 1:
            raise ValueError(f"{call_id} feeds {len(users)} calls; the syntax writes trees only")

    def render(call: PlannedCall) -> str:
        parts = []
        for key, value in call.args.items():
            text = render(by_id[value["$ref"]]) if is_ref(value) else json.dumps(value, ensure_ascii=False)
            parts.append(f"{key}={text}")
        return f"{table.token(call.function)}({', '.join(parts)})"

    roots = [c for c in plan.calls if not consumers[c.id]]
    return ";".join(render(c) for c in roots) + FN_END


def renumber(plan: Plan) -> Plan:
    """The Plan that parse(to_text(plan)) gives: ids in post-order (inner calls first)."""
    by_id = {c.id: c for c in plan.calls}
    consumers = plan.dependants()
    out: list[PlannedCall] = []

    def visit(call: PlannedCall) -> str:
        args = {k: ({"$ref": visit(by_id[v["$ref"]])} if is_ref(v) else v) for k, v in call.args.items()}
        new_id = f"c{len(out) + 1}"
        out.append(PlannedCall(id=new_id, function=call.function, args=args))
        return new_id

    for call in plan.calls:
        if not consumers[call.id]:
            visit(call)
    return Plan(calls=out, latency_ms=plan.latency_ms)
