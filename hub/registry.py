"""The hub's memory in SQLite (aiosqlite): devices, their manifests and status history,
their functions, and every call from request to result.

Writes go through one queue drained by one task, so a call is never slowed down by a
commit: `record_*` returns at once, and `flush()` waits until everything is on disk.
"""
from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
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
"""

Write = Callable[[aiosqlite.Connection], Awaitable[None]]


class Registry:
    def __init__(self, path: str) -> None:
        self.path = path
        self._db: aiosqlite.Connection | None = None
        self._queue: asyncio.Queue[Write | asyncio.Future[None]] = asyncio.Queue()
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
            item = await self._queue.get()
            batch = [item]
            while not self._queue.empty():  # commit whatever piled up in one go
                batch.append(self._queue.get_nowait())
            for entry in batch:
                if isinstance(entry, asyncio.Future):
                    continue
                try:
                    await entry(self.db)
                except Exception:  # one bad row must not stop the writer
                    log.exception("registry.write_failed")
            try:
                await self.db.commit()
            except Exception:
                log.exception("registry.commit_failed")
            for entry in batch:
                if isinstance(entry, asyncio.Future) and not entry.done():
                    entry.set_result(None)

    def _enqueue(self, write: Write) -> None:
        self._queue.put_nowait(write)

    async def flush(self) -> None:
        """Wait until every queued write is committed."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._queue.put_nowait(done)
        await done

    # ---- devices -------------------------------------------------------------------------

    def record_manifest(self, manifest: DeviceManifest) -> None:
        now = utcnow().isoformat()

        async def write(db: aiosqlite.Connection) -> None:
            await db.execute(
                "INSERT INTO devices (device_id, kind, name, manifest, manifest_version, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(device_id) DO UPDATE SET kind=excluded.kind,"
                " name=excluded.name, manifest=excluded.manifest,"
                " manifest_version=excluded.manifest_version, updated_at=excluded.updated_at",
                (manifest.device_id, manifest.kind, manifest.name,
                 manifest.model_dump_json(), manifest.manifest_version, now))
            await db.execute("DELETE FROM functions WHERE device_id = ?", (manifest.device_id,))
            await db.executemany(
                "INSERT INTO functions (device_id, name, spec) VALUES (?, ?, ?)",
                [(manifest.device_id, f.name, f.model_dump_json()) for f in manifest.functions])

        self._enqueue(write)

    def record_status(self, device_id: str, state: str, ts: datetime) -> None:
        async def write(db: aiosqlite.Connection) -> None:
            await db.execute("INSERT INTO device_status (device_id, state, ts) VALUES (?, ?, ?)",
                             (device_id, state, ts.isoformat()))
            await db.execute("UPDATE devices SET state = ? WHERE device_id = ?", (state, device_id))

        self._enqueue(write)

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
        requested = utcnow().isoformat()

        async def write(db: aiosqlite.Connection) -> None:
            await db.execute(
                "INSERT OR IGNORE INTO calls (call_id, request_id, hub_id, device_id, function,"
                " args, status, requested_at, deadline) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)",
                (str(request.call_id), request.request_id, request.hub_id, device_id,
                 request.function, json.dumps(request.args), requested,
                 request.deadline.isoformat()))

        self._enqueue(write)

    def record_result(self, result: CallResult, *, late: bool = False) -> None:
        async def write(db: aiosqlite.Connection) -> None:
            if late:  # keep the timeout as the call's outcome, and the late result beside it
                await db.execute("UPDATE calls SET late_result = ? WHERE call_id = ?",
                                 (result.model_dump_json(), str(result.call_id)))
                return
            error = result.error
            await db.execute(
                "UPDATE calls SET status = ?, error_code = ?, error_message = ?, value = ?,"
                " started_at = ?, finished_at = ? WHERE call_id = ?",
                (result.status, error.code.value if error else None,
                 error.message if error else None,
                 json.dumps(result.value) if result.status == "ok" else None,
                 result.started_at.isoformat() if result.started_at else None,
                 (result.finished_at or utcnow()).isoformat(), str(result.call_id)))

        self._enqueue(write)

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
