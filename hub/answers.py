"""A short answer in words from an ask's call outcomes, templated per function.

    compose(outcomes)  ->  "Forecast for Paris: 2026-11-30: Sunny, 21°C …; text sent to Mom."

Each function has two templates: what it did (with its result) and what it was asked to
do, for the calls that failed, were skipped or wait for confirmation. `{arg}` is an
argument of the call, `{value}` its result, `{target}` what a home call acts on.
Functions without a template get a generic phrase, so new device kinds still answer.
"""
from __future__ import annotations

import re
from typing import Any

from protocols.messages import CallOutcome

NOTHING_APPLIES = "No device function applies to that request, so nothing was done."

# function -> (what was done, what was asked)
TEMPLATES: dict[str, tuple[str, str]] = {
    "phone.take_a_photo": ("photo saved to {value}", "take a photo"),
    "phone.get_trending_news": ("news about {query}: {value}", "get the news about {query}"),
    "phone.get_weather_forecast": ("forecast for {location}: {value}",
                                   "get the forecast for {location}"),
    "phone.send_email": ("e-mail sent to {recipient}", "send an e-mail to {recipient}"),
    "phone.search_youtube_videos": ("YouTube results for {query}: {value}",
                                    "search YouTube for {query}"),
    "phone.find_route_google_maps": ("{value}", "find a route to {destination}"),
    "phone.check_nest_smoke_detector_status": ("smoke detector: {value}",
                                               "check the smoke detector"),
    "phone.send_text_message": ("text sent to {contact_name}", "send a text to {contact_name}"),
    "phone.make_phone_call": ("calling {phone_number}", "call {phone_number}"),
    "phone.create_contact": ("contact {name} saved", "save the contact {name}"),
    "phone.set_timer_alarm": ("alarm set for {time}", "set an alarm for {time}"),
    "phone.change_screen_brightness": ("brightness set to {level}",
                                       "set the brightness to {level}"),
    "phone.create_calendar_event": ("{title} is on the calendar", "add {title} to the calendar"),
    "phone.set_volume": ("{volume_type} volume set to {level}",
                         "set the {volume_type} volume to {level}"),
    "phone.connect_to_bluetooth_device": ("connected to {device_name}",
                                          "connect to {device_name}"),
    "phone.enable_do_not_disturb": ("Do Not Disturb is {enabled}", "switch Do Not Disturb"),
    "phone.set_nest_temperature": ("Nest set to {temperature}°",
                                   "set the Nest to {temperature}°"),
    "phone.play_music_on_nest_hub": ("playing {music_name} on the Nest Hub",
                                     "play {music_name} on the Nest Hub"),
    "phone.play_video_on_nest_hub": ("playing {video_name} on the Nest Hub",
                                     "play {video_name} on the Nest Hub"),
    "phone.open_or_lock_door": ("door {status}", "{status} the door"),
    "car.lock_doors": ("car locked", "lock the car"),
    "car.unlock_doors": ("car unlocked", "unlock the car"),
    "car.open_trunk": ("trunk open", "open the trunk"),
    "car.honk_horn": ("horn honked", "honk the horn"),
    "car.flash_lights": ("lights flashed", "flash the lights"),
    "car.navigate_to": ("{value}", "navigate to {destination}"),
    "car.get_vehicle_status": ("car: {value}", "get the car's status"),
    "car.set_climate_temperature": ("car climate set to {temperature}°",
                                    "set the car's climate to {temperature}°"),
    "car.start_charging": ("charging started", "start charging"),
    "car.stop_charging": ("charging stopped", "stop charging"),
    "car.set_charge_limit": ("charge limit set to {percent}%", "set the charge limit to {percent}%"),
    "home.turn_on": ("turned on {target}", "turn on {target}"),
    "home.turn_off": ("turned off {target}", "turn off {target}"),
    "home.get_state": ("{state_answer}", "check {target}"),
    "home.light_set": ("{target} set", "set {target}"),
    "home.climate_get_temperature": ("it is {current_temperature}", "read the temperature"),
    "home.climate_set_temperature": ("{target} set to {temperature}°",
                                     "set {target} to {temperature}°"),
    "home.broadcast": ("announced in the house", "announce it in the house"),
    "home.start_timer": ("timer started", "start a timer"),
    "home.shopping_list_add_item": ("{item} is on the shopping list",
                                    "add {item} to the shopping list"),
}


def compose(outcomes: list[CallOutcome]) -> str:
    """One sentence for the whole request, one phrase per call."""
    if not outcomes:
        return NOTHING_APPLIES
    phrases = [phrase(o) for o in outcomes]
    text = "; ".join(p for p in phrases if p)
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def phrase(outcome: CallOutcome) -> str:
    done, asked = TEMPLATES.get(outcome.function, (None, None))
    fields = _fields(outcome)
    if outcome.status == "ok":
        return _fill(done, fields) if done else _generic_done(outcome, fields)
    todo = _fill(asked, fields) if asked else _words(outcome.function)
    reason = outcome.error.message if outcome.error else ""
    if outcome.status == "needs_confirmation":
        return f"waiting for confirmation to {todo}" if outcome.error is None else ""
    if outcome.status == "skipped":
        because = reason.split(": ", 1)[0].removeprefix("not sent ")
        return f"did not {todo} ({because})"
    if outcome.status == "declined":
        return f"did not {todo} (declined)"
    if outcome.status == "timeout":
        return f"could not {todo}: {outcome.device_id or 'the device'} did not answer in time"
    code = outcome.error.code.value if outcome.error else "error"
    return f"could not {todo} ({code}: {_first_clause(reason)})"


# ---- filling templates -------------------------------------------------------------------

class _Fields(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "…"


def _fields(outcome: CallOutcome) -> _Fields:
    args = outcome.args or {}
    fields = _Fields({k: _text(v) for k, v in args.items()})
    fields["value"] = _text(outcome.value)
    fields["target"] = _target(args)
    fields["enabled"] = "on" if args.get("enabled") else "off"
    value = outcome.value if isinstance(outcome.value, dict) else {}
    if "current_temperature" in value:
        fields["current_temperature"] = f"{value['current_temperature']}{value.get('unit', '')}"
    if "answer" in value:
        states = ", ".join(f"{k} {v}" for k, v in (value.get("states") or {}).items())
        fields["state_answer"] = ("yes" if value["answer"] else "no") + (f" ({states})" if states else "")
    elif "states" in value:
        fields["state_answer"] = ", ".join(f"{k} is {v}" for k, v in value["states"].items())
    return fields


def _fill(template: str, fields: _Fields) -> str:
    return " ".join(template.format_map(fields).split())


def _target(args: dict[str, Any]) -> str:
    """What a home call acts on, in words: "Floor Lamp", "the light in Kitchen"."""
    if args.get("name"):
        where = f" in {args['area']}" if args.get("area") else ""
        return f"{args['name']}{where}"
    what = str(args.get("device_class") or args.get("domain") or "devices").replace("_", " ")
    place = args.get("area") or args.get("floor")
    return f"the {what}{'s' if not what.endswith('s') else ''}" + (f" in {place}" if place else "")


def _generic_done(outcome: CallOutcome, fields: _Fields) -> str:
    words = _words(outcome.function)
    if outcome.value in (None, True, ""):
        return f"done: {words}"
    return f"{words}: {fields['value']}"


def _words(function: str) -> str:
    return function.split(".", 1)[-1].replace("_", " ")


def _text(value: Any, limit: int = 240) -> str:
    if isinstance(value, list):
        text = "; ".join(_text(v, limit) for v in value)
    elif isinstance(value, dict):
        text = ", ".join(f"{k}: {_text(v, 60)}" for k, v in value.items())
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    elif value is None:
        text = ""
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _first_clause(message: str) -> str:
    return re.split(r"(?<=[.;])\s", message, maxsplit=1)[0].rstrip(".;")
