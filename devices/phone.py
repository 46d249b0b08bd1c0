"""A simulated Android phone: the 20 functions of Octopus v2, in its token order.

Names, parameters and order follow the released model's android_functions.txt, so the
real Octopus-v2 checkpoint's `<nexa_i>` maps to the i-th function here.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Annotated, Literal

from pydantic import Field

from devices.sdk import DeviceAdapter, function

E164 = Annotated[str, Field(pattern=r"^\+[1-9]\d{6,14}$", description="E.164, e.g. +12345678900")]
HHMM = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="24 h 'HH:MM'")]
STAMP = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}-\d{2}-\d{2}$",
                             description="'YYYY-MM-DD-HH-MM'")]
Level = Annotated[int, Field(ge=0, le=10)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]

WEATHER = ["Sunny", "Partly cloudy", "Cloudy", "Light rain", "Showers", "Thunderstorms",
           "Windy", "Fog", "Snow"]

# Octopus v2 token order (<nexa_0> ... <nexa_19>).
OCTOPUS_ORDER = [
    "take_a_photo", "get_trending_news", "get_weather_forecast", "send_email",
    "search_youtube_videos", "find_route_google_maps", "check_nest_smoke_detector_status",
    "send_text_message", "make_phone_call", "create_contact", "set_timer_alarm",
    "change_screen_brightness", "create_calendar_event", "set_volume",
    "connect_to_bluetooth_device", "enable_do_not_disturb", "set_nest_temperature",
    "play_music_on_nest_hub", "play_video_on_nest_hub", "open_or_lock_door",
]


class Phone(DeviceAdapter):
    kind = "phone"
    display_name = "Phone"

    def __init__(self, device_id: str, *, seed: int = 0, name: str | None = None) -> None:
        super().__init__(device_id, seed=seed, name=name)
        self.photos: list[str] = []
        self.outbox: list[dict[str, str]] = []  # e-mails and texts sent
        self.contacts: dict[str, str] = {"Mom": "+14155550101", "Alex Kim": "+14155550102"}
        self.calls_made: list[str] = []
        self.alarms: list[dict[str, str]] = []
        self.calendar: list[dict[str, str]] = []
        self.brightness = 5
        self.volume = {"ring": 5, "media": 5, "alarm": 7}
        self.bluetooth: str | None = None
        self.do_not_disturb = False
        self.nest_temperature = 68.0
        self.nest_hub: dict[str, str] | None = None
        self.door = "lock"

    def function_order(self) -> list[str]:
        return OCTOPUS_ORDER

    @function
    async def take_a_photo(self, camera: Literal["front", "back"] = "back") -> str:
        """Captures a photo using the specified camera and resolution settings.

        Args:
            camera: Which camera to use, 'front' or 'back'.
        """
        stamp = datetime.now().strftime("%Y%m%d_%H%M%S")
        path = f"/storage/emulated/0/Pictures/MyApp/IMG_{stamp}_{len(self.photos):03d}.jpg"
        self.photos.append(path)
        return path

    @function
    async def get_trending_news(self, query: Text, language: str = "en") -> list[str]:
        """Retrieves trending news articles that match a topic.

        Args:
            query: The topic to search news for.
            language: ISO 639-1 language code of the articles.
        """
        slug = "-".join(query.lower().split())[:60]
        return [f"{query.title()}: story {i + 1} - https://news.example.com/{language}/{slug}/{i + 1}"
                for i in range(3)]

    @function
    async def get_weather_forecast(self, location: Text) -> list[str]:
        """Provides a weather forecast for a specified location over a given number of days.

        Args:
            location: City name, ZIP code or other location.
        """
        today = date.today()
        rng = self.random
        return [f"{(today + timedelta(days=i)).isoformat()}: {rng.choice(WEATHER)}, "
                f"{rng.randint(-5, 32)}°C" for i in range(3)]

    @function(sensitive=True)
    async def send_email(self, recipient: Text, title: Text, content: Text) -> bool:
        """Sends an email to a recipient.

        Args:
            recipient: The recipient's e-mail address.
            title: The subject line.
            content: The body of the e-mail.
        """
        self.outbox.append({"kind": "email", "to": recipient, "title": title, "content": content})
        return True

    @function
    async def search_youtube_videos(self, query: Text) -> list[str]:
        """Searches YouTube for videos matching a query.

        Args:
            query: What to search for.
        """
        ids = ["".join(self.random.choices("abcdefghijkLMNOPQ0123456789", k=11)) for _ in range(3)]
        return [f"{query} #{i + 1} - https://www.youtube.com/watch?v={vid}" for i, vid in enumerate(ids)]

    @function
    async def find_route_google_maps(
        self, origin: Text, destination: Text,
        mode: Literal["driving", "walking", "bicycling", "transit"] = "driving",
    ) -> str:
        """Computes a route between two locations on Google Maps.

        Args:
            origin: Starting point.
            destination: Where to go.
            mode: Means of travel.
        """
        minutes = self.random.randint(5, 90)
        return f"{mode.title()} route from {origin} to {destination}: about {minutes} min"

    @function
    async def check_nest_smoke_detector_status(self) -> str:
        """Checks the battery, sensor and connectivity status of the Nest smoke detector."""
        return "Battery: OK (87%), Sensor: OK, Connectivity: Online"

    @function(sensitive=True)
    async def send_text_message(self, contact_name: Text, message: Text) -> bool:
        """Sends a text message to a contact.

        Args:
            contact_name: The contact to text.
            message: The text to send.
        """
        self.outbox.append({"kind": "sms", "to": contact_name, "content": message})
        return True

    @function(sensitive=True)
    async def make_phone_call(self, phone_number: E164) -> bool:
        """Makes a phone call to a number.

        Args:
            phone_number: The number to call, in E.164.
        """
        self.calls_made.append(phone_number)
        return True

    @function
    async def create_contact(self, name: Text, phone_number: E164) -> bool:
        """Creates a new contact.

        Args:
            name: The contact's full name.
            phone_number: The contact's number, in E.164.
        """
        self.contacts[name] = phone_number
        return True

    @function
    async def set_timer_alarm(self, time: HHMM, label: str = "alarm") -> bool:
        """Sets an alarm for a time of day.

        Args:
            time: When the alarm rings, 24 h 'HH:MM'.
            label: A label for the alarm.
        """
        self.alarms.append({"time": time, "label": label})
        return True

    @function
    async def change_screen_brightness(self, level: Level) -> bool:
        """Sets the screen brightness.

        Args:
            level: 0 (darkest) to 10 (brightest).
        """
        self.brightness = level
        return True

    @function
    async def create_calendar_event(self, title: Text, start_time: STAMP, end_time: STAMP) -> bool:
        """Creates a calendar event.

        Args:
            title: The event's title.
            start_time: Start, 'YYYY-MM-DD-HH-MM'.
            end_time: End, 'YYYY-MM-DD-HH-MM', after the start.
        """
        if end_time <= start_time:
            raise ValueError("end_time must be after start_time")
        self.calendar.append({"title": title, "start_time": start_time, "end_time": end_time})
        return True

    @function
    async def set_volume(self, level: Level, volume_type: Literal["ring", "media", "alarm"]) -> bool:
        """Sets the volume of one of the phone's channels.

        Args:
            level: 0 (mute) to 10 (loudest).
            volume_type: Which volume to set.
        """
        self.volume[volume_type] = level
        return True

    @function
    async def connect_to_bluetooth_device(
        self, device_name: Text, timeout: Annotated[int, Field(ge=1, le=120)] = 10,
    ) -> bool:
        """Connects to a Bluetooth device by name.

        Args:
            device_name: The device to pair with.
            timeout: Seconds to wait for the connection.
        """
        self.bluetooth = device_name
        return True

    @function
    async def enable_do_not_disturb(self, enabled: bool) -> bool:
        """Turns Do Not Disturb mode on or off.

        Args:
            enabled: True to turn it on, False to turn it off.
        """
        self.do_not_disturb = enabled
        return True

    @function
    async def set_nest_temperature(
        self, target_temperature: Annotated[float, Field(ge=50, le=90)],
    ) -> bool:
        """Sets the Nest thermostat's target temperature in degrees Fahrenheit.

        Args:
            target_temperature: 50 to 90 °F.
        """
        self.nest_temperature = target_temperature
        return True

    @function
    async def play_music_on_nest_hub(self, music_service: Text, music_name: Text) -> bool:
        """Plays music on the Nest Hub from a music service.

        Args:
            music_service: e.g. Spotify, YouTube Music.
            music_name: The song, artist, album or playlist.
        """
        self.nest_hub = {"kind": "music", "service": music_service, "name": music_name}
        return True

    @function
    async def play_video_on_nest_hub(self, video_service: Text, video_name: Text) -> bool:
        """Plays a video on the Nest Hub from a video service.

        Args:
            video_service: e.g. YouTube, Netflix.
            video_name: The video or show.
        """
        self.nest_hub = {"kind": "video", "service": video_service, "name": video_name}
        return True

    @function(sensitive=True)
    async def open_or_lock_door(self, status: Literal["open", "lock"]) -> bool:
        """Opens or locks the front door.

        Args:
            status: 'open' or 'lock'.
        """
        self.door = status
        return True
