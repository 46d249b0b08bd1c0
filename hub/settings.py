"""Settings from flags, then OCTOHUB_* environment variables, then defaults."""
from __future__ import annotations

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from protocols.topics import DEFAULT_ROOT

# Which calls wait for the user's confirmation (hub/executor.py: ConfirmPolicy).
# `sensitive` is every function whose FunctionSpec says sensitive (unlocking, opening the
# trunk, texts, e-mails, calls). The home adapter marks nothing sensitive, since one
# function (turn_off) both switches off a lamp and unlocks a door, so the two home
# rules hold unlocking a lock and opening a garage door; `domain`/`device_class` are
# also looked up from the named entity in the home's inventory.
DEFAULT_CONFIRM = "sensitive, home.turn_off[domain=lock], home.turn_on[device_class=garage]"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="OCTOHUB_")

    broker: str = "mqtt://127.0.0.1:1883"
    root: str = DEFAULT_ROOT
    hub_id: str = Field(default="home", pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")
    db: str = "octohub.db"
    protocol: str = "auto"  # MQTT version: auto, 5 or 3.1.1
    call_timeout_s: float = 10.0  # one device call, at most (an ask's deadline may cut it)
    log_level: str = "info"
    model: str = "default"  # planner directory; "default": the shipped one; "none": no planner
    retrain: bool = True  # retrain in the background when devices of new kinds appear
    retrain_args: str = ""  # extra `octohub train` flags for those retrains
    # Comma-separated rules: `sensitive`, `kind.function` globs, optional `[arg=glob]`
    # conditions, `!rule` to exempt, `none` for no confirmations at all.
    confirm: str = DEFAULT_CONFIRM
    # kind=device_id pairs: the device a call goes to when the hub knows several of its
    # kind and the request names none, e.g. "phone=phone-1,car=car-2".
    default_devices: str = ""
    confirm_ttl_s: float = Field(default=300.0, gt=0)  # how long a held ask waits

    @field_validator("confirm")
    @classmethod
    def _confirm_parses(cls, value: str) -> str:
        from hub.executor import ConfirmPolicy

        ConfirmPolicy(value)  # raises ValueError with the bad rule
        return value

    @field_validator("default_devices")
    @classmethod
    def _pairs(cls, value: str) -> str:
        bad = [p for p in value.split(",") if p.strip() and "=" not in p]
        if bad:
            raise ValueError(f"expected kind=device_id pairs, got {', '.join(bad)}")
        return value

    def defaults_by_kind(self) -> dict[str, str]:
        pairs = (p.partition("=") for p in self.default_devices.split(",") if p.strip())
        return {kind.strip(): device.strip() for kind, _, device in pairs}
