"""The simulated adapters by kind, so the CLI, the demo and the fleet simulator agree."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from devices.sdk import DeviceAdapter

KINDS = ("phone", "car", "home")


def create(kind: str, device_id: str, *, seed: int = 0, inventory: str | Path | None = None,
           **options: Any) -> DeviceAdapter:
    if kind == "phone":
        from devices.phone import Phone
        return Phone(device_id, seed=seed, **options)
    if kind == "car":
        from devices.car import Car
        return Car(device_id, seed=seed, **options)
    if kind == "home":
        from devices.home import Home
        return Home(device_id, seed=seed, inventory_path=inventory, **options)
    raise KeyError(f"unknown device kind {kind!r}; choose one of {', '.join(KINDS)}")
