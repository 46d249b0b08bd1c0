"""The hub's memory in SQLite (aiosqlite): devices, their manifests and status history,
their functions, every call from request to result, and every ask (its query, plan,
per-call outcomes and answer) for `octohub history`.

Writes never slow a call down: `record_*` queues a row and returns, and one writer task
commits whatever piled up in the last COALESCE_SECONDS in one transaction (executemany
per statement). `flush()` waits until everything queued is committed. A crash can lose
at most that last window of rows.
"""
from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import aiosqlite
import structlog

from protocols import CallRequest, CallResult, DeviceManifest
from protocols.messages import utcnow

log = structlog.get_logger("octohub.registry")

SCHEMA = """
CREATE TABLE IF NOT EXISTS devices (
    device_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    manifest TEXT NOT NULL,
    manifest_version TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'offline',
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS device_status (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    device_id TEXT NOT NULL,
    state TEXT NOT NULL,
    ts TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS functions (
    device_id TEXT NOT NULL,
    name TEXT NOT NULL,
    spec TEXT NOT NULL,
    PRIMARY KEY (device_id, name)
);
CREATE TABLE IF NOT EXISTS calls (
    call_id TEXT PRIMARY KEY,
    request_id TEXT,
    hub_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    function TEXT NOT NULL,
    args TEXT NOT NULL,
    status TEXT NOT NULL,          -- pending | ok | error
    error_code TEXT,
    error_message TEXT,
    value TEXT,
    requested_at TEXT NOT NULL,
    deadline TEXT,
    started_at TEXT,
    finished_at TEXT,
    late_result TEXT               -- a result that arrived after the call timed out
);
CREATE INDEX IF NOT EXISTS calls_by_request ON calls (request_id);
CREATE TABLE IF NOT EXISTS requests (
    request_id TEXT PRIMARY KEY,   -- the ask's id; its calls carry it in calls.request_id
    hub_id TEXT NOT NULL,
    query TEXT NOT NULL,
    context TEXT NOT NULL,         -- JSON object
    device_id TEXT,                -- the device the request named, if any
    plan TEXT,                     -- JSON Plan; null when planning failed
    status TEXT NOT NULL,          -- running | needs_confirmation | ok | partial | error
    calls TEXT NOT NULL,           -- JSON list of CallOutcome, in plan order
    answer TEXT,
    error_code TEXT,               -- when the ask failed before running (e.g. not_learned)
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    expires_at TEXT                -- needs_confirmation: until when it can be confirmed
);
CREATE INDEX IF NOT EXISTS requests_by_time ON requests (created_at);
"""

# Statements in the order a batch runs them, so a call's result always lands after its
# pending row and a device's status after its manifest, whatever order they were queued.
STATEMENTS = {
    "device": "INSERT INTO devices (device_id, kind, name, manifest, manifest_version, updated_at)"
              " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(device_id) DO UPDATE SET kind=excluded.kind,"
              " name=excluded.name, manifest=excluded.manifest,"
              " manifest_version=excluded.manifest_version, updated_at=excluded.updated_at",
    "drop_functions": "DELETE FROM functions WHERE device_id = ?",
    "function": "INSERT OR REPLACE INTO functions (device_id, name, spec) VALUES (?, ?, ?)",
    "status": "INSERT INTO device_status (device_id, state, ts) VALUES (?, ?, ?)",
    "device_state": "UPDATE devices SET state = ? WHERE device_id = ?",
    "call": "INSERT OR IGNORE INTO calls (call_id, request_id, hub_id, device_id, function, args,"
            " status, requested_at, deadline) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
    "result": "UPDATE calls SET status = ?, error_code = ?, error_message = ?, value = ?,"
              " started_at = ?, finished_at = ? WHERE call_id = ?",
    "late_result": "UPDATE calls SET late_result = ? WHERE call_id = ?",
    "request": "INSERT INTO requests (request_id, hub_id, query, context, device_id, plan, status,"
               " calls, answer, error_code, created_at, updated_at, expires_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(request_id) DO UPDATE"
               " SET hub_id=excluded.hub_id, query=excluded.query, context=excluded.context,"
               " device_id=excluded.device_id, plan=excluded.plan, status=excluded.status,"
               " calls=excluded.calls, answer=excluded.answer, error_code=excluded.error_code,"
               " created_at=excluded.created_at, updated_at=excluded.updated_at,"
               " expires_at=excluded.expires_at",
}
REQUEST_JSON_COLUMNS = ("context", "plan", "calls")
COALESCE_SECONDS = 0.05  # how long a write may wait to share a commit with others


class Registry:
    def __init__(self, path: str) -> None:
        self.path = path
        self._db: aiosqlite.Connection | None = None
        self._rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in STATEMENTS}
        self._wake = asyncio.Event()
        self._flushed: list[asyncio.Future[None]] = []
        self._writer: asyncio.Task[None] | None = None

    async def open(self) -> Registry:
        self._db = await aiosqlite.connect(self.path)
        self._db.row_factory = aiosqlite.Row
        await self._db.execute("PRAGMA journal_mode=WAL")
        await self._db.execute("PRAGMA synchronous=NORMAL")
        await self._db.executescript(SCHEMA)
        await self._db.commit()
        self._writer = asyncio.create_task(self._write_loop())
        return self

    async def close(self) -> None:
        if self._db is None:
            return
        await self.flush()
        if self._writer:
            self._writer.cancel()
        await self._db.close()
        self._db = None

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise RuntimeError("registry is not open")
        return self._db

    async def _write_loop(self) -> None:
        while True:
            await self._wake.wait()
            if not self._flushed:  # nobody waits: let more writes join this commit
                await asyncio.sleep(COALESCE_SECONDS)
            self._wake.clear()
            batch = {name: rows for name, rows in self._rows.items() if rows}
            self._rows = {name: [] for name in STATEMENTS}
            waiters, self._flushed = self._flushed, []
            try:
                for name, rows in batch.items():
                    await self.db.executemany(STATEMENTS[name], rows)
                await self.db.commit()
            except Exception:  # a failed batch is logged; the hub goes on serving
                log.exception("registry.write_failed", rows=sum(map(len, batch.values())))
            for waiter in waiters:
                if not waiter.done():
                    waiter.set_result(None)

    def _queue(self, statement: str, *rows: tuple[Any, ...]) -> None:
        self._rows[statement].extend(rows)
        self._wake.set()

    async def flush(self) -> None:
        """Wait until every queued write is committed."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._flushed.append(done)
        self._wake.set()
        await done

    # ---- devices -------------------------------------------------------------------------

    def record_manifest(self, manifest: DeviceManifest) -> None:
        self._queue("device", (manifest.device_id, manifest.kind, manifest.name,
                               manifest.model_dump_json(), manifest.manifest_version,
                               utcnow().isoformat()))
        self._queue("drop_functions", (manifest.device_id,))
        self._queue("function", *[(manifest.device_id, f.name, f.model_dump_json())
                                  for f in manifest.functions])

    def record_status(self, device_id: str, state: str, ts: datetime) -> None:
        self._queue("status", (device_id, state, ts.isoformat()))
        self._queue("device_state", (state, device_id))

    async def manifests(self) -> list[tuple[DeviceManifest, str]]:
        """Every known device's last manifest and state (to warm the router at start)."""
        async with self.db.execute("SELECT manifest, state FROM devices") as cursor:
            rows = await cursor.fetchall()
        return [(DeviceManifest.model_validate_json(r["manifest"]), r["state"]) for r in rows]

    async def status_history(self, device_id: str) -> list[tuple[str, str]]:
        async with self.db.execute(
            "SELECT state, ts FROM device_status WHERE device_id = ? ORDER BY id", (device_id,)
        ) as cursor:
            return [(r["state"], r["ts"]) for r in await cursor.fetchall()]

    # ---- calls ---------------------------------------------------------------------------

    def record_call(self, device_id: str, request: CallRequest) -> None:
        self._queue("call", (str(request.call_id), request.request_id, request.hub_id, device_id,
                             request.function, json.dumps(request.args), utcnow().isoformat(),
                             request.deadline.isoformat()))

    def record_result(self, result: CallResult, *, late: bool = False) -> None:
        if late:  # the call keeps its timeout as outcome, with the late result beside it
            self._queue("late_result", (result.model_dump_json(), str(result.call_id)))
            return
        error = result.error
        self._queue("result", (
            result.status, error.code.value if error else None, error.message if error else None,
            json.dumps(result.value) if result.status == "ok" else None,
            result.started_at.isoformat() if result.started_at else None,
            (result.finished_at or utcnow()).isoformat(), str(result.call_id)))

    async def calls(self, limit: int = 100, request_id: str | None = None) -> list[dict[str, Any]]:
        query = "SELECT * FROM calls"
        params: tuple[Any, ...] = ()
        if request_id:
            query += " WHERE request_id = ?"
            params = (request_id,)
        query += " ORDER BY requested_at DESC LIMIT ?"
        async with self.db.execute(query, (*params, limit)) as cursor:
            return [dict(r) for r in await cursor.fetchall()]

    async def call(self, call_id: str) -> dict[str, Any] | None:
        async with self.db.execute("SELECT * FROM calls WHERE call_id = ?", (call_id,)) as cursor:
            row = await cursor.fetchone()
        return dict(row) if row else None

    # ---- asks ----------------------------------------------------------------------------

    def record_request(self, row: RequestRow) -> None:
        """Insert or update an ask's row (each state change writes the whole row)."""
        self._queue("request", (
            row.request_id, row.hub_id, row.query, json.dumps(row.context), row.device_id,
            json.dumps(row.plan) if row.plan is not None else None, row.status,
            json.dumps(row.calls, default=str), row.answer, row.error_code,
            row.created_at.isoformat(), utcnow().isoformat(),
            row.expires_at.isoformat() if row.expires_at else None))

    async def requests(self, limit: int = 20, request_id: str | None = None, *,
                       prefix: bool = False) -> list[dict[str, Any]]:
        """The latest asks first (or those whose id is `request_id`, or starts with it
        when `prefix`), JSON columns decoded."""
        query, params = "SELECT * FROM requests", ()
        if request_id and prefix:
            query, params = query + " WHERE substr(request_id, 1, ?) = ?", (len(request_id), request_id)
        elif request_id:
            query, params = query + " WHERE request_id = ?", (request_id,)
        async with self.db.execute(query + " ORDER BY created_at DESC LIMIT ?",
                                   (*params, limit)) as cursor:
            rows = [dict(r) for r in await cursor.fetchall()]
        for row in rows:
            for column in REQUEST_JSON_COLUMNS:
                row[column] = json.loads(row[column]) if row[column] is not None else None
        return rows

    async def request(self, request_id: str) -> dict[str, Any] | None:
        rows = await self.requests(1, request_id)
        return rows[0] if rows else None

    async def end_interrupted(self, hub_id: str) -> int:
        """Asks a previous run of this hub left running or waiting for confirmation end
        as errors: what was held in memory is gone. Returns how many."""
        cursor = await self.db.execute(
            "UPDATE requests SET status = 'error', updated_at = ?, expires_at = NULL,"
            " answer = 'Interrupted: the hub stopped before this request ended; ask again.'"
            " WHERE hub_id = ? AND status IN ('running', 'needs_confirmation')",
            (utcnow().isoformat(), hub_id))
        await self.db.commit()
        return cursor.rowcount


@dataclass
class RequestRow:
    """One ask as the `requests` table keeps it."""

    request_id: str
    hub_id: str
    query: str
    context: dict[str, str]
    device_id: str | None
    created_at: datetime
    status: str = "running"
    plan: dict[str, Any] | None = None
    calls: list[dict[str, Any]] = field(default_factory=list)
    answer: str | None = None
    error_code: str | None = None
    expires_at: datetime | None = None
