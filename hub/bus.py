"""One async MQTT client over paho-mqtt 2.x, shared by the hub, the devices and the CLI.

    async with Bus("mqtt://127.0.0.1:1883") as bus:
        await bus.subscribe("octohub/v1/#", handler)   # handler(Message), sync or async
        bus.publish("octohub/v1/x", b"{}")
        reply = await bus.request(topic, build_payload, timeout=5)

paho's socket is driven by the asyncio loop itself (add_reader/add_writer, as aiomqtt
and paho's loop_asyncio example do), so there is no paho thread: callbacks run on the
loop, a publish goes out without a thread hop, and nothing can deadlock on paho's
locks. Callbacks never block or wait for a publish; they only schedule work (mqtt.md).
After a lost connection we reconnect with backoff (tenacity) and subscribe again, since
we keep no broker session.
"""
from __future__ import annotations

import asyncio
import contextlib
import inspect
import itertools
import socket
import threading
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import paho.mqtt.client as paho
import structlog
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties
from tenacity import AsyncRetrying, retry_if_exception_type, wait_exponential

log = structlog.get_logger("octohub.bus")

CONNECT_TIMEOUT_SECONDS = 5.0
V5_PROBE_SECONDS = 1.5  # with protocol="auto", how long a v5 CONNECT may go unanswered
KEEPALIVE_SECONDS = 15  # the broker sends the Last Will after 1.5x this without traffic
RECONNECT_MIN_DELAY_SECONDS = 0.2
RECONNECT_MAX_DELAY_SECONDS = 5

Handler = Callable[["Message"], Awaitable[None] | None]


class BusError(Exception):
    """The broker cannot be reached, or refused us."""


class RequestTimeout(BusError, TimeoutError):
    """No reply arrived before the timeout."""


@dataclass(frozen=True, slots=True)
class Message:
    topic: str
    payload: bytes
    retain: bool = False
    response_topic: str | None = None
    correlation: bytes | None = None


@dataclass(frozen=True)
class BrokerAddress:
    host: str
    port: int
    username: str | None = None
    password: str | None = None

    @classmethod
    def parse(cls, url: str) -> BrokerAddress:
        parsed = urlparse(url if "://" in url else f"mqtt://{url}")
        if parsed.scheme not in ("mqtt", "tcp"):
            raise BusError(f"unsupported broker URL scheme {parsed.scheme!r} in {url!r} (use mqtt://)")
        return cls(parsed.hostname or "127.0.0.1", parsed.port or 1883, parsed.username, parsed.password)


class Bus:
    def __init__(
        self,
        url: str = "mqtt://127.0.0.1:1883",
        *,
        client_id: str | None = None,
        protocol: str = "auto",  # "auto" (5, then 3.1.1), "5" or "3.1.1"
        will: tuple[str, bytes] | None = None,  # retained Last Will (topic, payload)
        root: str = "octohub/v1",  # where this client's reply inbox lives
    ) -> None:
        if protocol not in ("auto", "5", "3.1.1"):
            raise ValueError(f"protocol must be auto, 5 or 3.1.1, not {protocol!r}")
        self.address = BrokerAddress.parse(url)
        self.client_id = client_id or f"octohub-{uuid.uuid4().hex[:12]}"
        self._protocol_choice = protocol
        self._will = will
        self._loop: asyncio.AbstractEventLoop | None = None
        self._client: paho.Client | None = None
        self._connected = asyncio.Event()
        self._connect_result: asyncio.Future[None] | None = None
        self._subscriptions: dict[int, tuple[str, Handler]] = {}
        self._sub_ids = itertools.count(1)
        self._tasks: set[asyncio.Task[None]] = set()
        self._pending: dict[str, asyncio.Future[Message]] = {}
        self._inbox: str | None = None
        self._acks: dict[int, asyncio.Future[None]] = {}
        self.protocol: int = paho.MQTTv5
        self._root = root
        self._reconnect_hooks: list[Callable[[], Awaitable[None] | None]] = []
        self._loop_thread: int | None = None
        self._misc_task: asyncio.Task[None] | None = None
        self._reconnect_task: asyncio.Task[None] | None = None
        self._closing = False
        self._ever_connected = False  # reconnect only what once worked

    # ---- lifecycle ---------------------------------------------------------------------

    async def __aenter__(self) -> Bus:
        await self.connect()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def is_v5(self) -> bool:
        return self.protocol == paho.MQTTv5

    @property
    def connected(self) -> bool:
        return self._connected.is_set()

    async def connect(self, timeout: float = CONNECT_TIMEOUT_SECONDS) -> None:
        self._loop = asyncio.get_running_loop()
        self._loop_thread = threading.get_ident()
        versions = {"auto": [paho.MQTTv5, paho.MQTTv311], "5": [paho.MQTTv5],
                    "3.1.1": [paho.MQTTv311]}[self._protocol_choice]
        last_error: Exception | None = None
        for version in versions:
            # Some 3.1.1-only brokers (amqtt) never answer a v5 CONNECT: don't wait long.
            wait = min(timeout, V5_PROBE_SECONDS) if len(versions) > 1 and version == paho.MQTTv5 else timeout
            try:
                await self._connect_with(version, wait)
                return
            except BusError as exc:  # try the next protocol version
                last_error = exc
                self._stop_client()
        raise BusError(f"cannot connect to {self.address.host}:{self.address.port}: {last_error}")

    async def _connect_with(self, version: int, timeout: float) -> None:
        assert self._loop is not None
        self.protocol = version
        client = paho.Client(paho.CallbackAPIVersion.VERSION2, client_id=self.client_id,
                             protocol=version)
        if self.address.username:
            client.username_pw_set(self.address.username, self.address.password)
        if self._will:
            client.will_set(self._will[0], self._will[1], qos=1, retain=True)
        client.on_connect = self._on_connect
        client.on_disconnect = self._on_disconnect
        client.on_message = self._on_message
        client.on_publish = self._on_ack
        client.on_subscribe = self._on_ack
        client.on_socket_open = self._on_socket_open
        client.on_socket_close = self._on_socket_close
        self._client = client
        self._connect_result = self._loop.create_future()
        try:
            # The TCP connect blocks, so it runs off the loop; paho then lives on the loop.
            await asyncio.wait_for(self._loop.run_in_executor(
                None, client.connect, self.address.host, self.address.port, KEEPALIVE_SECONDS),
                timeout)
            await asyncio.wait_for(asyncio.shield(self._connect_result), timeout)
        except (asyncio.TimeoutError, OSError) as exc:
            raise BusError(f"MQTT {_version_name(version)}: {exc or 'no CONNACK'}") from None
        if self._misc_task is None:
            self._misc_task = asyncio.create_task(self._misc_loop())

    async def _misc_loop(self) -> None:
        """paho's housekeeping: keepalive pings and retries, once a second."""
        while True:
            if self._client is not None:
                self._client.loop_misc()
                self._flush(self._client)
            await asyncio.sleep(1)

    async def close(self, final: list[tuple[str, bytes]] | None = None) -> None:
        """Publish `final` retained messages (e.g. an offline status), then disconnect."""
        if self._client is None:
            return
        for topic, payload in final or []:
            if self.connected:
                try:
                    await self.publish_and_wait(topic, payload, retain=True, timeout=2)
                except (BusError, asyncio.TimeoutError):
                    log.warning("bus.final_publish_lost", topic=topic)
        self._closing = True
        self._stop_client()
        for task in [*self._tasks, self._misc_task, self._reconnect_task]:
            if task is not None:
                task.cancel()
        for fut in self._pending.values():
            if not fut.done():
                fut.set_exception(BusError("bus closed"))

    def _stop_client(self) -> None:
        if self._client is None:
            return
        client, self._client = self._client, None
        client.on_disconnect = None
        client.on_connect = None
        client.disconnect()
        with contextlib.suppress(Exception):
            client.loop_write()  # send DISCONNECT now; the loop won't see this client again
        sock = client.socket()
        if sock is not None:
            self._unwatch(sock)
            with contextlib.suppress(OSError):
                sock.close()
        self._connected.clear()

    # ---- paho socket hooks: hand the socket to the event loop ---------------------------

    def _on_thread(self, fn: Callable[[], None]) -> None:
        assert self._loop is not None
        if self._loop_thread == threading.get_ident():
            fn()
        else:  # paho's connect() ran in an executor thread
            self._loop.call_soon_threadsafe(fn)

    def _on_socket_open(self, client: paho.Client, _ud: Any, sock: Any) -> None:
        with contextlib.suppress(OSError, AttributeError):
            # Nagle would make small request/reply packets wait ~40 ms for delayed ACKs.
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._on_thread(lambda: self._loop.add_reader(sock, self._read, client))  # type: ignore[union-attr]

    def _on_socket_close(self, _c: paho.Client, _ud: Any, sock: Any) -> None:
        self._on_thread(lambda: self._unwatch(sock))

    def _unwatch(self, sock: Any) -> None:
        assert self._loop is not None
        with contextlib.suppress(Exception):
            self._loop.remove_reader(sock)
            self._loop.remove_writer(sock)

    def _read(self, client: paho.Client) -> None:
        if client is self._client:
            client.loop_read()
            self._flush(client)  # PUBACKs and anything handlers queued

    def _flush(self, client: paho.Client) -> None:
        """Write what paho has queued; watch for writability only if the socket is full.

        (paho's register-write hooks would cost two epoll changes per publish.)"""
        if client is not self._client or not client.want_write():
            return
        client.loop_write()
        sock = client.socket()
        if sock is None or self._loop is None:
            return
        if client.want_write():
            self._loop.add_writer(sock, self._flush, client)
        else:
            self._loop.remove_writer(sock)

    # ---- paho callbacks (on the loop's thread, inside paho's callback lock) -------------

    def _on_connect(self, client: paho.Client, _ud: Any, _flags: Any, reason: Any, _p: Any) -> None:
        self._on_thread(lambda: self._connected_in_loop(client, reason))

    def _on_disconnect(self, _c: paho.Client, _ud: Any, _flags: Any, reason: Any, _p: Any) -> None:
        self._on_thread(lambda: self._disconnected_in_loop(str(reason)))

    def _on_message(self, _c: paho.Client, _ud: Any, msg: paho.MQTTMessage) -> None:
        assert self._loop is not None
        props = getattr(msg, "properties", None)
        response_topic = getattr(props, "ResponseTopic", None) if props else None
        correlation = getattr(props, "CorrelationData", None) if props else None
        message = Message(msg.topic, msg.payload, bool(msg.retain), response_topic, correlation)
        # Handlers run on the next loop turn, outside paho's callback lock, so that what
        # they publish is written at once.
        self._loop.call_soon(self._dispatch, message)

    def _on_ack(self, _c: paho.Client, _ud: Any, mid: int, *_rest: Any) -> None:
        assert self._loop is not None
        self._loop.call_soon(self._acked, mid)

    # ---- event-loop side ---------------------------------------------------------------

    def _connected_in_loop(self, client: paho.Client, reason: Any) -> None:
        if client is not self._client:
            return
        failed = getattr(reason, "is_failure", False)
        if failed:
            if self._connect_result and not self._connect_result.done():
                self._connect_result.set_exception(BusError(f"broker refused: {reason}"))
            log.warning("bus.connect_refused", reason=str(reason))
            return
        self._connected.set()
        self._ever_connected = True
        for sub_filter in {f for f, _ in self._subscriptions.values()}:
            client.subscribe(sub_filter, qos=1)
        if self._connect_result and not self._connect_result.done():
            self._connect_result.set_result(None)
        else:
            log.info("bus.reconnected", broker=f"{self.address.host}:{self.address.port}",
                     subscriptions=len(self._subscriptions))
            for hook in self._reconnect_hooks:
                outcome = hook()
                if inspect.isawaitable(outcome):
                    self._spawn(outcome)

    def _disconnected_in_loop(self, reason: str) -> None:
        if self._connected.is_set():
            log.warning("bus.disconnected", reason=reason)
        self._connected.clear()
        if self._client is not None and self._ever_connected and not self._closing and (
                self._reconnect_task is None or self._reconnect_task.done()):
            self._reconnect_task = asyncio.create_task(self._reconnect(self._client))

    async def _reconnect(self, client: paho.Client) -> None:
        assert self._loop is not None
        async for attempt in AsyncRetrying(
                wait=wait_exponential(multiplier=RECONNECT_MIN_DELAY_SECONDS,
                                      max=RECONNECT_MAX_DELAY_SECONDS),
                retry=retry_if_exception_type(OSError), reraise=True):
            with attempt:
                if client is not self._client or self._connected.is_set():
                    return
                await self._loop.run_in_executor(None, client.reconnect)

    def _acked(self, mid: int) -> None:
        fut = self._acks.pop(mid, None)
        if fut and not fut.done():
            fut.set_result(None)

    def _dispatch(self, message: Message) -> None:
        for sub_filter, handler in list(self._subscriptions.values()):
            if not paho.topic_matches_sub(sub_filter, message.topic):
                continue
            try:
                outcome = handler(message)
            except Exception:  # a handler bug must not kill the bus
                log.exception("bus.handler_failed", topic=message.topic)
                continue
            if inspect.isawaitable(outcome):
                self._spawn(outcome)

    def _spawn(self, awaitable: Awaitable[None]) -> None:
        async def guarded() -> None:
            try:
                await awaitable
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("bus.handler_failed")

        task = asyncio.ensure_future(guarded())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # ---- public API --------------------------------------------------------------------

    def on_reconnect(self, hook: Callable[[], Awaitable[None] | None]) -> None:
        """Run `hook` after every reconnect, e.g. to publish retained state again."""
        self._reconnect_hooks.append(hook)

    async def subscribe(self, sub_filter: str, handler: Handler) -> Callable[[], None]:
        """Call `handler` for every message matching `sub_filter`. Returns an unsubscribe."""
        sub_id = next(self._sub_ids)
        already = any(f == sub_filter for f, _ in self._subscriptions.values())
        self._subscriptions[sub_id] = (sub_filter, handler)
        if self._client is not None and not already:
            # Wait for SUBACK, so retained messages and replies cannot race the subscription.
            assert self._loop is not None
            fut: asyncio.Future[None] = self._loop.create_future()
            _, mid = self._client.subscribe(sub_filter, qos=1)
            self._flush(self._client)
            self._acks[mid] = fut
            try:
                await asyncio.wait_for(fut, CONNECT_TIMEOUT_SECONDS)
            except asyncio.TimeoutError:
                raise BusError(f"no SUBACK for {sub_filter}") from None
            finally:
                self._acks.pop(mid, None)

        def unsubscribe() -> None:
            self._subscriptions.pop(sub_id, None)
            if self._client and not any(f == sub_filter for f, _ in self._subscriptions.values()):
                self._client.unsubscribe(sub_filter)
                self._flush(self._client)

        return unsubscribe

    def publish(
        self,
        topic: str,
        payload: bytes,
        *,
        qos: int = 1,
        retain: bool = False,
        response_topic: str | None = None,
        correlation: bytes | None = None,
        expiry_s: float | None = None,
    ) -> int:
        """Queue a publish and return its message id at once (paho sends it)."""
        if self._client is None:
            raise BusError("bus is not connected")
        properties = None
        if self.is_v5 and (response_topic or correlation or expiry_s):
            properties = Properties(PacketTypes.PUBLISH)
            if response_topic:
                properties.ResponseTopic = response_topic
            if correlation:
                properties.CorrelationData = correlation
            if expiry_s:
                properties.MessageExpiryInterval = max(1, int(expiry_s + 0.999))
        info = self._client.publish(topic, payload, qos=qos, retain=retain, properties=properties)
        self._flush(self._client)
        if info.rc == paho.MQTT_ERR_QUEUE_SIZE:
            raise BusError("paho's outgoing queue is full")
        return int(info.mid)

    async def publish_and_wait(self, topic: str, payload: bytes, *, qos: int = 1,
                               retain: bool = False, timeout: float = 5.0) -> None:
        """Publish and wait for the broker's PUBACK."""
        assert self._loop is not None
        fut: asyncio.Future[None] = self._loop.create_future()
        mid = self.publish(topic, payload, qos=qos, retain=retain)
        self._acks[mid] = fut
        try:
            await asyncio.wait_for(fut, timeout)
        finally:
            self._acks.pop(mid, None)

    async def request(
        self,
        topic: str,
        build: Callable[[str], bytes],
        *,
        timeout: float = 10.0,
    ) -> Message:
        """Publish build(reply_to) and await the one reply sent to reply_to.

        The reply topic is unique per request ({inbox}/{corr}), so correlation works on
        MQTT 3.1.1 too; on v5 Response Topic and Correlation Data are set as well.
        """
        assert self._loop is not None
        if self._inbox is None:
            self._inbox = f"{self._root}/clients/{self.client_id}/inbox"
            await self.subscribe(f"{self._inbox}/+", self._on_reply)
        corr = uuid.uuid4().hex
        reply_to = f"{self._inbox}/{corr}"
        fut: asyncio.Future[Message] = self._loop.create_future()
        self._pending[corr] = fut
        try:
            self.publish(topic, build(reply_to), response_topic=reply_to,
                         correlation=corr.encode(), expiry_s=timeout)
            return await asyncio.wait_for(fut, timeout)
        except asyncio.TimeoutError:
            raise RequestTimeout(f"no reply on {topic} within {timeout:g}s") from None
        finally:
            self._pending.pop(corr, None)

    def _on_reply(self, message: Message) -> None:
        corr = message.topic.rsplit("/", 1)[-1]
        fut = self._pending.get(corr)
        if fut and not fut.done():
            fut.set_result(message)


def _version_name(version: int) -> str:
    return {paho.MQTTv5: "5", paho.MQTTv311: "3.1.1"}.get(version, str(version))
