"""The topic tree. Readable with `mosquitto_sub -v -t 'octohub/v1/#'`.

    {root}/devices/{device_id}/status              retained, device -> all
    {root}/devices/{device_id}/manifest            retained, device -> all
    {root}/devices/{device_id}/call                hub -> device
    {root}/devices/{device_id}/result/{hub_id}     device -> hub
    {root}/hubs/{hub_id}/status                    retained, hub -> all
    {root}/hubs/{hub_id}/request                   client -> hub
    {root}/clients/{client_id}/inbox/{corr}        replies to a client's requests
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

DEFAULT_ROOT = "octohub/v1"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


def valid_id(value: str) -> bool:
    return bool(_ID.match(value))


@dataclass(frozen=True)
class Topics:
    root: str = DEFAULT_ROOT

    def __post_init__(self) -> None:
        if not self.root or any(c in self.root for c in "+#\0") or self.root.endswith("/"):
            raise ValueError(f"invalid topic root {self.root!r}")

    def device_status(self, device_id: str) -> str:
        return f"{self.root}/devices/{device_id}/status"

    def device_manifest(self, device_id: str) -> str:
        return f"{self.root}/devices/{device_id}/manifest"

    def device_call(self, device_id: str) -> str:
        return f"{self.root}/devices/{device_id}/call"

    def device_result(self, device_id: str, hub_id: str) -> str:
        return f"{self.root}/devices/{device_id}/result/{hub_id}"

    def hub_status(self, hub_id: str) -> str:
        return f"{self.root}/hubs/{hub_id}/status"

    def hub_request(self, hub_id: str) -> str:
        return f"{self.root}/hubs/{hub_id}/request"

    def client_inbox(self, client_id: str) -> str:
        return f"{self.root}/clients/{client_id}/inbox"

    def client_id(self, role: str, name: str) -> str:
        """An MQTT client id that cannot collide with the same name under another root."""
        tag = hashlib.sha1(self.root.encode()).hexdigest()[:6]
        return f"octohub-{role}-{name}-{tag}"

    # Subscription filters
    def all_device_status(self) -> str:
        return f"{self.root}/devices/+/status"

    def all_device_manifests(self) -> str:
        return f"{self.root}/devices/+/manifest"

    def all_results_for(self, hub_id: str) -> str:
        return f"{self.root}/devices/+/result/{hub_id}"

    def device_id_of(self, topic: str) -> str | None:
        """The device id in a `{root}/devices/{id}/...` topic, or None if it is not one."""
        prefix = f"{self.root}/devices/"
        if not topic.startswith(prefix):
            return None
        device_id = topic[len(prefix):].split("/", 1)[0]
        return device_id if valid_id(device_id) else None
