"""Settings from flags, then OCTOHUB_* environment variables, then defaults."""
from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from protocols.topics import DEFAULT_ROOT


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="OCTOHUB_")

    broker: str = "mqtt://127.0.0.1:1883"
    root: str = DEFAULT_ROOT
    hub_id: str = Field(default="home", pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")
    db: str = "octohub.db"
    protocol: str = "auto"  # MQTT version: auto, 5 or 3.1.1
    call_timeout_s: float = 10.0
    log_level: str = "info"
    model: str = "default"  # planner directory; "default": the shipped one; "none": no planner
    retrain: bool = True  # retrain in the background when devices of new kinds appear
    retrain_args: str = ""  # extra `octohub train` flags for those retrains
