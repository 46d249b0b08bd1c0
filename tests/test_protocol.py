"""Wire protocol: round trips, generated schemas, and rejection of bad payloads."""
from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from protocols import (
    MAX_PAYLOAD_BYTES,
    CallRequest,
    CallResult,
    DeviceManifest,
    DeviceStatus,
    ErrorCode,
    FunctionSpec,
    HubRequest,
    ProtocolError,
    Topics,
    decode,
    encode,
)
from protocols.messages import CallCommand, DevicesRequest, json_schemas, utcnow


def a_request(**over: object) -> CallRequest:
    fields = dict(hub_id="home", function="take_a_photo", args={"camera": "front"},
                  deadline=utcnow() + timedelta(seconds=5), reply_to="r/t")
    fields.update(over)
    return CallRequest(**fields)  # type: ignore[arg-type]


def test_call_request_round_trip() -> None:
    request = a_request(args={"message": "héllo 👋", "n": 3})
    assert decode(CallRequest, encode(request)) == request


def test_call_result_round_trip_ok_and_error() -> None:
    ok = CallResult(call_id=uuid.uuid4(), device_id="phone-1", status="ok", value=["a", 1])
    bad = CallResult.failure(uuid.uuid4(), "phone-1", ErrorCode.timeout, "late")
    assert decode(CallResult, encode(ok)) == ok
    assert decode(CallResult, encode(bad)).error.code is ErrorCode.timeout  # type: ignore[union-attr]


def test_manifest_version_changes_with_content() -> None:
    spec = FunctionSpec(name="ping", description="Ping.")
    a = DeviceManifest(device_id="d-1", kind="phone", name="P", functions=[spec]).with_version()
    b = DeviceManifest(device_id="d-1", kind="phone", name="P",
                       functions=[spec, FunctionSpec(name="pong", description="Pong.")]).with_version()
    assert a.manifest_version and a.manifest_version != b.manifest_version
    assert decode(DeviceManifest, encode(a)) == a


def test_hub_request_is_a_discriminated_union() -> None:
    devices = decode(HubRequest, b'{"type": "devices", "reply_to": "x"}')
    assert isinstance(devices, DevicesRequest)
    call = decode(HubRequest, b'{"type": "call", "reply_to": "x", "target": "car-1.honk_horn"}')
    assert isinstance(call, CallCommand)
    with pytest.raises(ProtocolError, match="type"):
        decode(HubRequest, b'{"type": "reboot", "reply_to": "x"}')


def test_schemas_are_valid_json_schema() -> None:
    schemas = json_schemas()
    assert {"CallRequest", "CallResult", "DeviceManifest", "HubRequest", "HubReply"} <= set(schemas)
    for schema in schemas.values():
        Draft202012Validator.check_schema(schema)
    # The schema and the model agree on a real message.
    Draft202012Validator(schemas["CallRequest"]).validate(json.loads(encode(a_request())))


@pytest.mark.parametrize("payload, reason", [
    (b"", "Invalid JSON"),
    (b"not json", "Invalid JSON"),
    (b"\xff\xfe{}", "Invalid JSON"),
    (b'{"type":"call","hub_id":"home"}', "Field required"),
    (b'{"s":"\\ud800"}', "Invalid JSON"),  # a lone surrogate
])
def test_bad_payloads_are_rejected_with_a_reason(payload: bytes, reason: str) -> None:
    with pytest.raises(ProtocolError, match=reason):
        decode(CallRequest, payload)


def test_ids_are_checked() -> None:
    with pytest.raises(ProtocolError, match="hub_id"):
        decode(CallRequest, encode(a_request()).replace(b'"home"', b'"Home Hub"'))
    with pytest.raises(ProtocolError, match="device_id"):
        decode(DeviceStatus | CallResult,  # type: ignore[arg-type]
               json.dumps({"type": "result", "call_id": str(uuid.uuid4()),
                           "device_id": "../x", "status": "ok"}).encode())


def test_oversized_payload_is_rejected_before_parsing() -> None:
    big = b'{"pad": "' + b"x" * MAX_PAYLOAD_BYTES + b'"}'
    with pytest.raises(ProtocolError, match="over the"):
        decode(CallRequest, big)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_fuzz_random_bytes_only_raise_protocol_error(payload: bytes) -> None:
    for model in (CallRequest, CallResult, DeviceManifest, DeviceStatus, HubRequest):
        try:
            decode(model, payload)
        except ProtocolError:
            pass


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["type", "call_id", "hub_id", "function", "args",
                                        "deadline", "reply_to", "device_id", "status"]),
                       json_values))
def test_fuzz_json_objects_only_raise_protocol_error(obj: dict[str, object]) -> None:
    for model in (CallRequest, CallResult, HubRequest):
        try:
            decode(model, json.dumps(obj))
        except ProtocolError:
            pass


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_args_round_trip(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates cannot be sent at all
        return
    request = a_request(args={"message": text})
    assert decode(CallRequest, encode(request)).args["message"] == text


def test_topics() -> None:
    topics = Topics("octohub/v1")
    assert topics.device_result("phone-1", "home") == "octohub/v1/devices/phone-1/result/home"
    assert topics.device_id_of("octohub/v1/devices/car-2/status") == "car-2"
    assert topics.device_id_of("octohub/v1/devices/BAD ID/status") is None
    with pytest.raises(ValueError):
        Topics("octohub/#")
