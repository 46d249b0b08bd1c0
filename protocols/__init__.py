"""What crosses the wire: one pydantic model per message, plus the topic tree. No I/O."""
from protocols.messages import (
    MAX_PAYLOAD_BYTES,
    CallError,
    CallRequest,
    CallResult,
    DeviceManifest,
    DeviceStatus,
    ErrorCode,
    FunctionSpec,
    HubReply,
    HubRequest,
    HubStatus,
    ProtocolError,
    decode,
    encode,
)
from protocols.topics import Topics

__all__ = [
    "MAX_PAYLOAD_BYTES", "CallError", "CallRequest", "CallResult", "DeviceManifest",
    "DeviceStatus", "ErrorCode", "FunctionSpec", "HubReply", "HubRequest", "HubStatus",
    "ProtocolError", "Topics", "decode", "encode",
]
