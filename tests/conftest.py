"""Shared fixtures: a real Mosquitto (the machine's on 1883, or our own on a free port),
a fresh topic root per test so retained messages never leak between tests, and helpers
to run the real `octohub` CLI as child processes."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BROKER = os.environ.get("OCTOHUB_TEST_BROKER", "mqtt://127.0.0.1:1883")
OCTOHUB = str(Path(sys.executable).parent / "octohub")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on {port}")


class Mosquitto:
    """Our own broker on a free port, for tests that stop or restart it."""

    def __init__(self, tmp: Path) -> None:
        self.port = free_port()
        self.conf = tmp / f"mosquitto-{self.port}.conf"
        self.conf.write_text(f"listener {self.port} 127.0.0.1\nallow_anonymous true\n"
                             "set_tcp_nodelay true\npersistence false\n")
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"mqtt://127.0.0.1:{self.port}"

    def start(self) -> None:
        binary = shutil.which("mosquitto") or "/usr/sbin/mosquitto"
        self.proc = subprocess.Popen([binary, "-c", str(self.conf)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(self.port)

    def stop(self) -> None:
        if self.proc:
            self.proc.terminate()
            self.proc.wait(5)
            self.proc = None


@pytest.fixture
def broker() -> str:
    return BROKER


@pytest.fixture
def own_broker(tmp_path: Path) -> Iterator[Mosquitto]:
    mosquitto = Mosquitto(tmp_path)
    mosquitto.start()
    yield mosquitto
    mosquitto.stop()


@pytest.fixture
def root() -> str:
    return f"octohub-test/{uuid.uuid4().hex[:10]}"


class Procs:
    """Child `octohub` processes, killed at the end of the test."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.procs: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, name: str, *args: str) -> subprocess.Popen[bytes]:
        log = open(self.tmp / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        proc = subprocess.Popen([OCTOHUB, *args], stdout=log, stderr=log, cwd=REPO)
        self.procs[name] = proc
        return proc

    def log(self, name: str) -> str:
        return (self.tmp / f"{name}.log").read_text(errors="replace")

    def stop(self, name: str, *, kill: bool = False) -> None:
        proc = self.procs.pop(name)
        proc.kill() if kill else proc.terminate()
        proc.wait(10)

    def stop_all(self) -> None:
        for name in list(self.procs):
            self.stop(name)


@pytest.fixture
async def hub(broker: str, root: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A hub in this process, without a planner, on the test's own topic root."""
    from hub.service import Hub
    from hub.settings import Settings

    h = Hub(Settings(broker=broker, root=root, hub_id="home", db=str(tmp_path / "h.db"), model="none"))
    await h.start()
    yield h
    await h.stop()


@pytest.fixture
def procs(tmp_path: Path) -> Iterator[Procs]:
    p = Procs(tmp_path)
    yield p
    p.stop_all()


def run_cli(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run([OCTOHUB, *args], capture_output=True, text=True, timeout=timeout,
                          cwd=REPO)
