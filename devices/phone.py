"""A simulated Android phone: the 20 functions of Octopus v2, in its token order.

Names, parameters and order follow the released model's android_functions.txt, so the
real Octopus-v2 checkpoint's `<nexa_i>` maps to the i-th function here.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Annotated, Literal

from pydantic import Field

from devices.sdk import PLACE_ENDS, DeviceAdapter, function

E164 = Annotated[str, Field(pattern=r"^\+[1-9]\d{6,14}$", description="E.164, e.g. +12345678900")]
HHMM = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="24 h 'HH:MM'")]
STAMP = Annotated[str, Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])-([01]\d|2[0-3])-[0-5]\d$",
                             description="'YYYY-MM-DD-HH-MM'")]
EMAIL = Annotated[str, Field(pattern=r"^[\w.+'-]+@[\w-]+(\.[\w-]+)*\.[A-Za-z]{2,}$", max_length=254,
                             description="an e-mail address")]
# "x-words": how a request says each value. The planner picks among the values said, and
# leaves an argument with a default to it when none is: "take a picture" keeps the camera's.
Camera = Annotated[Literal["front", "back"], Field(json_schema_extra={"x-words": {
    "front": ["front", "front-facing", "front facing", "selfie", "selfies"],
    "back": ["back", "rear", "rear-facing", "back-facing", "main"]}})]
TravelMode = Annotated[Literal["driving", "walking", "bicycling", "transit"], Field(json_schema_extra={"x-words": {
    "driving": ["driving", "drive", "by car", "in the car"],
    "walking": ["walking", "walk", "on foot"],
    "bicycling": ["bicycling", "bicycle", "bike", "biking", "cycling", "cycle"],
    "transit": ["transit", "public transport", "public transportation", "bus", "train", "subway", "metro"]}})]
# A level said as its end of the scale ("all the way up", "as bright as possible", "max")
LEVEL_WORDS = {**{w: 10 for w in ("max", "maximum", "highest", "brightest", "loudest", "all the way up",
                                  "as bright as possible", "as loud as possible", "as high as possible")},
               **{w: 0 for w in ("minimum", "lowest", "dimmest", "quietest", "all the way down",
                                 "as dim as possible", "as low as possible", "as quiet as possible")}}
Level = Annotated[int, Field(ge=0, le=10, json_schema_extra={"x-number-words": LEVEL_WORDS})]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
# "x-marked": the words a request introduces the value with ("subject ...", "saying ...");
# when it says one, the planner reads the value from there to the next argument's marker
# or the clause's end. "x-result": where "text it to Mom" passes the earlier result.
Subject = Annotated[str, Field(min_length=1, max_length=2000, json_schema_extra={"x-marked": [
    "with the subject line", "with the subject", "with subject line", "with subject", "subject line", "subject", "with the title",
    "the title", "titled", "title"]})]
Body = Annotated[str, Field(min_length=1, max_length=2000, json_schema_extra={"x-marked": [
    "saying", "that says", "which says", "and the body", "the body is", "the body", "body", "and the message",
    "the message is", "the message", "message", "content", "text:",
    "it should say", "with the text", "and say", "and write", "tell them", "tell him", "tell her", ":"],
    "x-result": True})]
Message = Annotated[str, Field(min_length=1, max_length=2000, json_schema_extra={"x-marked": [
    "saying", "that says", "which says", "via text that", "by text that", "know that", ":"],
    "x-follows-name": "contact_name", "x-result": True})]
VolumeType = Annotated[Literal["ring", "media", "alarm"], Field(json_schema_extra={"x-words": {
    "ring": ["ring", "ringer", "ringtone", "ringing"], "media": ["media", "music", "video", "videos", "podcast"],
    "alarm": ["alarm", "alarms"]}})]
# "x-event-title": said after the verb that creates the event, up to the calendar, the day
# or the time ("put Dentist on my calendar on April 9").
EventTitle = Annotated[str, Field(min_length=1, max_length=2000, json_schema_extra={"x-event-title": True})]
# "x-media": what to play ("name") and from where ("service"), read from the request:
# "put The Office on the nest hub from peacock".
MediaName = Annotated[str, Field(min_length=1, max_length=2000, json_schema_extra={"x-media": "name"})]
MediaService = Annotated[str, Field(min_length=1, max_length=2000, json_schema_extra={"x-media": "service"})]
# "x-name-after": a person's name written capitalized right after these words is the
# contact ("text Ray the garage is shut", "send that to Kayla"); its message follows it.
Contact = Annotated[str, Field(min_length=1, max_length=2000, json_schema_extra={"x-name-after": [
    "text", "txt", "message", "sms", "tell", "let", "send", "shoot", "drop", "write", "reply to", "to"]})]
# What to look for: "news about ...", "search YouTube for ...", up to the app or the time.
NewsTopic = Annotated[str, Field(min_length=1, max_length=2000, json_schema_extra={
    "x-marked": ["about", "regarding", "on", "coverage of"],
    "x-ends": ["today", "right now", "now", "this week", "please", "thanks", "thank you", "thx", "subject",
               "news", "headlines"]})]
VideoQuery = Annotated[str, Field(min_length=1, max_length=2000, json_schema_extra={
    "x-marked": ["for", "about", "videos of", "video of", "clips of", "clip of", "videos on", "video on",
                 "youtube of", "yt of", "look up", "pull up", ":"],
    "x-ends": ["youtube", "yt", "search youtube", "search yt", "please", "thx", "subject"]})]  # "Dido Thank You"
# A route's ends: "from ..." and "to ...", up to how one travels ("by bike"), the app ("on
# google maps") or a closing word ("please"), which are never part of a place.
Origin = Annotated[str, Field(min_length=1, max_length=2000, json_schema_extra={
    "x-marked": ["from"], "x-ends": PLACE_ENDS})]
Destination = Annotated[str, Field(min_length=1, max_length=2000, json_schema_extra={
    "x-marked": ["to"], "x-ends": ["google maps", "maps", *PLACE_ENDS]})]
# ISO 639-1 codes a news search takes, and their names; an enum, so the planner chooses
# rather than spells one. Said as "in Spanish" or "Spanish news", never by the bare name,
# which is often the topic ("the French election").
LANGUAGE_NAMES = {"en": ["English"], "es": ["Spanish", "Español"], "fr": ["French"],
                  "de": ["German"], "it": ["Italian"], "pt": ["Portuguese"], "ja": ["Japanese"],
                  "zh": ["Chinese", "Mandarin"], "ko": ["Korean"], "hi": ["Hindi"],
                  "ar": ["Arabic"], "ru": ["Russian"], "nl": ["Dutch"], "sv": ["Swedish"],
                  "pl": ["Polish"], "tr": ["Turkish"], "vi": ["Vietnamese"], "uk": ["Ukrainian"],
                  "el": ["Greek"], "he": ["Hebrew"], "id": ["Indonesian"], "th": ["Thai"]}
Language = Annotated[Literal["en", "es", "fr", "de", "it", "pt", "ja", "zh", "ko", "hi", "ar", "ru", "nl",
                             "sv", "pl", "tr", "vi", "uk", "el", "he", "id", "th"],
                     Field(json_schema_extra={"x-words": {code: [
                         phrase.format(name) for name in names for phrase in (
                             "in {}", "{} news", "{} language", "{} articles", "{} headlines", "{} stories")]
                         for code, names in LANGUAGE_NAMES.items()}})]

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


# How Do Not Disturb is said on or off: a word near its name ("turn do not disturb on";
# "turn off my notifications" says nothing of it, and the model decides).
SWITCHED = {"true": ["on", "enable", "activate", "start"], "false": ["off", "disable", "deactivate", "stop", "exit"]}
DND_NAMES = ["do not disturb", "dnd", "quiet mode", "focus mode", "focus"]

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

    @function(cues=["photo", "picture", "pic", "selfie", "shot", "snap", "snapshot", "photograph", "camera", "cam"], examples=[
        "(take|snap|grab) a selfie [for me] => camera=front",
        "selfie [time|please] => camera=front",
        "(take|snap|grab) a (group selfie|selfie of us) => camera=front",
        "(I want|I need|I'd like) (a|to take a) selfie => camera=front",
        "(take|snap|capture) a (photo|picture|pic|shot) [(with|using) the {camera} camera]",
        "(take|snap) a (photo|picture|pic) with the {camera} camera",
        "(can|could) you (take|snap|grab) a (photo|picture|pic) [for me] [(with|using) the {camera} camera]",
        "use the {camera} camera (to take|and take|and snap) a (photo|picture|pic)",
        "(I want|I need|I'd like) to take a (photo|picture) [with the {camera} camera]",
        "{camera} camera (photo|picture|pic|shot) [please]",
        "open the camera and (take|snap) a (photo|picture)",
        "(photo|picture|pic) please",
        "take a (photo|picture|pic) of (this|that|the view|the whiteboard|the receipt|the menu|my parking spot)",
        "switch to the {camera} camera and (snap|take) a (photo|pic|picture)",
        "(shoot|capture) (a photo|an image|a picture) (with|on|from) the {camera} camera",
        "can I get a (photo|pic|picture) from the {camera} camera",
        "quickly (take|snap) a (pic|photo)",
        "(photo|picture|pic) with [the] {camera} camera",
        "(take|snap) a (photo|picture) of (me|myself) with the front camera => camera=front",
        "(flip|switch) to (selfie mode|the front camera) and take a (photo|picture) => camera=front",
        "take a (photo|picture|pic) using the (back|rear|main) (camera|lens) => camera=back",
        "(capture|take) a (photo|picture) [right now]",
        "[hey] snap a [quick] (pic|photo) [(with|using) the {camera} camera]",
        "I need a (photo|picture|pic) of (this|the parking sign|my receipt|the whiteboard|this page) [for later|for work]",
        "is it possible to (take|snap) a (photo|picture) (with|using) the {camera} camera",
        "would you mind taking a (photo|picture|pic) [for me] [(with|on) the {camera} camera]",
        "{camera} camera, (take|snap|grab) a (photo|pic|picture) [please]",
        "(ok|alright) camera, (snap|take) one [now|real quick]",
        "everyone squeeze in, let's (do|take) a (selfie|group selfie) => camera=front",
        "(photograph|get a snapshot of) (this|that|the view) [(with|using) the {camera} camera]",
        "(could|can) you get a (shot|photo) of me (with|on) the selfie (camera|cam) => camera=front",
        "(take|snap) a (pic|photo), (use|using) the {camera} one [this time]",
        "the (sunset|view|sky) looks (amazing|great) right now, (take|snap) a (picture|photo) [of it]",
        "(could|can) you take a snap [of this] for me",
        "(hold still|smile|say cheese), I'm taking a selfie => camera=front",
    ])
    async def take_a_photo(self, camera: Camera = "back") -> str:
        """Captures a photo using the specified camera and resolution settings.

        Args:
            camera: Which camera to use, 'front' or 'back'.
        """
        stamp = datetime.now().strftime("%Y%m%d_%H%M%S")
        path = f"/storage/emulated/0/Pictures/MyApp/IMG_{stamp}_{len(self.photos):03d}.jpg"
        self.photos.append(path)
        return path

    @function(examples=[
        "what's the latest (news|headlines) (on|about) {query}",
        "(show|give|get) me [the] (trending|latest|top) news (on|about|regarding) {query} [in {language}]",
        "(any|what's the) news (on|about) {query}",
        "news about {query} [in {language}]",
        "{query} news [in {language}]",
        "what's trending (in|about|with) {query} [news]",
        "(search|look up|find) (news|articles|headlines) (about|on) {query} [in {language}]",
        "I want to (read|catch up on) the (latest|trending) news about {query}",
        "(can|could) you (get|find|pull up) [me] [the] (latest|trending|top) (news|stories|articles) (about|on) {query} [in {language}]",
        "(trending|top) {query} (stories|headlines) [in {language}]",
        "(give|show) me {language} news (about|on) {query}",
        "what are people saying about {query} [in the news]",
        "catch me up on {query}",
        "headlines (about|on) {query} [in {language}]",
        "I need the latest on {query}",
        "brief me on [the latest] {query} news",
        "(find|get) me {language} (articles|news|headlines) about {query}",
        "what's happening with {query}",
        "is there any (breaking|new) news (on|about) {query}",
        "(read|tell) me the (top|latest) (stories|news) about {query}",
        "I'd like to (know|hear) what's new (on|about|regarding) {query}",
        "(can you tell me|do you know) what's in the news (about|regarding) {query} [today|this week]",
        "(latest|any) updates on {query} [today|this week]",
        "I've been out of the loop, (what's the latest|what are the headlines|give me the latest) (on|about) {query}",
        "before my (meeting|call), (give me|I need) a quick news (rundown|roundup) (on|about) {query}",
        "would you mind (pulling up|finding) [some] Spanish (articles|headlines|stories) (about|on) {query} => language=es",
        "has there been any news (regarding|about|on) {query} [today|this week]",
        "what are the (papers|news sites|headlines) saying (about|on) {query}",
        "get me up to speed on {query} [today]",
        "{query}: (top stories|trending news|headlines) [right now|today]",
        "I'd like to read (the news|some articles) about {query} in French => language=fr",
        "um, is anything (big|major) happening (with|regarding) {query} [right now]",
    ])
    async def get_trending_news(self, query: NewsTopic, language: Language = "en") -> list[str]:
        """Retrieves trending news articles that match a topic.

        Args:
            query: The topic to search news for.
            language: ISO 639-1 language code of the articles.
        """
        slug = "-".join(query.lower().split())[:60]
        return [f"{query.title()}: story {i + 1} - https://news.example.com/{language}/{slug}/{i + 1}"
                for i in range(3)]

    # A place alone is no weather question ("what is the boiling point of water" read "of" as one).
    @function(cues=["weather", "forecast", "rain", "raining", "rainy", "snow", "snowing", "sunny", "sun", "sunshine",
                    "cloudy", "clouds", "overcast", "temperature", "temp", "hot", "cold", "warm", "cool", "chilly",
                    "freezing", "humid", "humidity", "wind", "windy", "storm", "stormy", "thunder", "hail", "fog",
                    "foggy", "drizzle", "showers", "precipitation", "ice", "icy", "heat", "heatwave", "degrees",
                    "umbrella", "jacket", "coat", "shorts", "t-shirt", "sunscreen", "outside", "like", "conditions",
                    "uv", "nice", "wet", "dry", "muggy", "sticky", "bbq", "picnic", "snowy", "thunderstorm", "colder",
                    "hotter", "warmer", "cooler", "breezy", "gusty", "blizzard", "frost", "frosty", "sleet", "pour",
                    "pouring", "mist", "misty", "hazy", "smog", "pollen", "tornado", "hurricane", "typhoon",
                    "rainfall", "scorcher", "sunrise", "sunset", "air quality"], examples=[
        "what's the weather (like|going to be like) in {location}",
        "weather (in|for) {location}",
        "{location} weather [forecast]",
        "(show|give|get) me the (weather|forecast) for {location}",
        "(is it going to|will it) (rain|snow) in {location} [(today|tomorrow|this week|this weekend)]",
        "what's the forecast (for|in) {location} [(this week|for the weekend|for tomorrow)]",
        "how (hot|cold|warm) is it (going to be|gonna be) in {location}",
        "do I need (an umbrella|a jacket) in {location} [tomorrow]",
        "(can|could) you check the weather (in|for) {location}",
        "I need the (weather|forecast) for {location}",
        "forecast [for] {location}",
        "what's the temperature (in|at) {location} [right now]",
        "tell me the weather forecast (for|in) {location} [for the next few days]",
        "is it (sunny|snowing|cold|raining) in {location} [right now]",
        "I'm (heading|traveling|flying|going) to {location}, what's the weather (like|going to be)",
        "(how's|what's) the weather looking (in|for) {location}",
        "weather forecast (for|in) {location} please",
        "(check|pull up) the (forecast|weather) (in|for) {location}",
        "what should I expect weather-wise in {location}",
        "will it be nice (out|outside) in {location} [this weekend]",
        "packing for {location}, what's the forecast (there|looking like)",
        "would you mind checking the (weather|forecast) (in|for) {location} [for me]",
        "{location}, (weather|forecast) (please|pls)",
        "is it (nice|warm|chilly|rainy|stormy) in {location} (at the moment|these days|right now)",
        "what's it like (outside|out) in {location} [today|right now]",
        "(any|is there) rain (in the forecast|expected) (for|in) {location} [this week|tomorrow]",
        "(hey|so) how's the weather (over|down|up) in {location}",
        "tell me if it's going to be (hot|cold|wet|stormy|freezing) in {location} [tomorrow|this week]",
        "my (flight|train) (lands|gets) in {location} (tomorrow|tonight|on Friday), what's the weather going to be like",
        "I'd like the (weekend|three-day|extended) forecast for {location}",
        "(is it|will it be) (t-shirt|jacket|shorts|coat) weather in {location} [tomorrow|this weekend]",
        "can you tell me what the weather's doing in {location}",
    ])
    async def get_weather_forecast(self, location: Text) -> list[str]:
        """Provides a weather forecast for a specified location over a given number of days.

        Args:
            location: City name, ZIP code or other location.
        """
        today = date.today()
        rng = self.random
        return [f"{(today + timedelta(days=i)).isoformat()}: {rng.choice(WEATHER)}, "
                f"{rng.randint(-5, 32)}°C" for i in range(3)]

    @function(sensitive=True, examples=[
        "(send|write) an (email|e-mail) to {recipient} with the subject {title} (saying|and the body) {content}",
        "email {recipient} (with|using) (the subject|subject line|the subject line) {title} and (say|write|tell them) {content}",
        "(send|shoot|fire off) [an] (email|e-mail) to {recipient}, subject {title}, (saying|body|message) {content}",
        "(can|could) you email {recipient} about {title} and (say|tell them|let them know) {content}",
        "compose an email to {recipient} titled {title} (that says|saying|with the text) {content}",
        "I need to (send|write) an email to {recipient}. (The subject is|Subject:) {title}. (The body is|It should say|Body:) {content}",
        "email to {recipient}: subject \"{title}\", (body|message) \"{content}\"",
        "send {recipient} an email (titled|with the subject|called) \"{title}\" (saying|that says) \"{content}\"",
        "mail {recipient} subject {title}: {content}",
        "draft and send an email to {recipient} with subject {title} and body {content}",
        "[please] email \"{content}\" to {recipient} with the subject \"{title}\"",
        "write to {recipient} with the subject line {title} and tell them {content}",
        "shoot {recipient} an email saying {content}, (subject|title) {title}",
        "I want to email {recipient}. Subject {title}. Message: {content}",
        "new email to {recipient}, subject: {title}, body: {content}",
        "(send|write) an email with the subject {title} to {recipient} (saying|that says) {content}",
        "email {recipient} \"{title}\" - {content}",
        "could you send an e-mail to {recipient}? subject should be {title} and the message {content}",
        "I need to get an email off to {recipient}, subject {title}, and the message is {content}",
        "would you mind emailing {recipient}? (The subject is|Subject) {title}, (and the body is|body) {content}",
        "{recipient} - email them with the subject {title} saying {content}",
        "for work, email {recipient} with the subject {title} and the body {content}",
        "(pop|drop|fire) an email (over|off) to {recipient} with the subject {title} (saying|that says) {content}",
        "um, email for {recipient}, the subject should be {title} and it should say {content}",
        "write up an email (for|to) {recipient}, subject line {title}, and the body {content}",
        "could you (please|kindly) email {recipient} with the subject {title}, and it should say {content}",
        "(hey|ok so) I have to email {recipient} - (title|subject) {title}, (body|message) {content}",
        "(quick|short) email to {recipient} titled {title}, (saying|that says) {content}",
        "before I forget, send an email to {recipient}, subject {title}, (saying|that says) {content}",
        "e-mail {recipient}, subject line {title}, message {content}",
    ])
    async def send_email(self, recipient: EMAIL, title: Subject, content: Body) -> bool:
        """Sends an email to a recipient.

        Args:
            recipient: The recipient's e-mail address.
            title: The subject line.
            content: The body of the e-mail.
        """
        self.outbox.append({"kind": "email", "to": recipient, "title": title, "content": content})
        return True

    @function(cues=["youtube", "yt", "video", "videos", "vid", "vids", "clip", "clips", "tutorial", "tutorials", "watch",
                    "search", "searching", "pull up", "look up"], examples=[
        "search youtube for {query}",
        "(look up|find|search for) {query} on (youtube|yt)",
        "find {query} (videos|clips) on youtube",
        "youtube {query}",
        "(show|find) me {query} videos [on youtube]",
        "(can|could) you (search|check) youtube for {query}",
        "I want to find (a video|videos) (of|on|about) {query} [on youtube]",
        "search for {query} videos [on youtube]",
        "pull up {query} on youtube",
        "any youtube videos (about|on) {query}",
        "find me a (video|youtube video) (on|about) {query}",
        "youtube search {query}",
        "what's on youtube for {query}",
        "I need a youtube (video|tutorial) (on|for) {query}",
        "look for {query} on youtube",
        "search (yt|youtube) {query}",
        "(go to|open) youtube and search [for] {query}",
        "are there any good videos about {query} on youtube",
        "I'm bored, (find|search for) {query} on youtube",
        "would you mind searching youtube for {query}",
        "{query} - look it up on (youtube|yt)",
        "{query} on yt [please]",
        "youtube: {query}",
        "is there a youtube (video|clip) (about|for) {query}",
        "bring up youtube results for {query}",
        "got any good (clips|videos) of {query} on youtube",
        "could you have a look on youtube for {query}",
        "I'd like to see what youtube has (for|about) {query}",
        "my (kid|son|daughter) wants videos of {query}, search youtube",
        "(hey|so) can you check if youtube has anything (on|about|for) {query}",
    ])
    async def search_youtube_videos(self, query: VideoQuery) -> list[str]:
        """Searches YouTube for videos matching a query.

        Args:
            query: What to search for.
        """
        ids = ["".join(self.random.choices("abcdefghijkLMNOPQ0123456789", k=11)) for _ in range(3)]
        return [f"{query} #{i + 1} - https://www.youtube.com/watch?v={vid}" for i, vid in enumerate(ids)]

    # a route needs its start said: "from ...", "I'm at ...", "google maps A to B"
    @function(cues=["from", "i'm at", "im at", "i am at", "google maps"], examples=[
        "(get|give me|show me) [the] directions from {origin} to {destination} [{mode_by}]",
        "how do I get from {origin} to {destination} [{mode_by}]",
        "how do I get to {destination} from {origin} [{mode_by}]",
        "(find|show) [me] (a|the) route (from {origin} to {destination}|to {destination} from {origin}) [on google maps] [{mode_by}]",
        "{mode} directions from {origin} to {destination}",
        "{mode} route (from {origin} to {destination}|to {destination} from {origin})",
        "route from {origin} to {destination} [{mode_by}]",
        "how long (does it take|will it take) to get from {origin} to {destination} [{mode_by}]",
        "I need to get to {destination} from {origin} [{mode_by}]",
        "(can|could) you map (a|the) {mode} route from {origin} to {destination}",
        "google maps {origin} to {destination} [{mode_by}]",
        "what's the (fastest|best|quickest) way to get from {origin} to {destination} [{mode_by}]",
        "I'm at {origin}, how do I get to {destination} [{mode_by}]",
        "I want to walk from {origin} to {destination} => mode=walking",
        "I'm (biking|cycling) from {origin} to {destination}, (what's the|show me the) (route|best route) => mode=bicycling",
        "can I take the (bus|train|subway) from {origin} to {destination} => mode=transit",
        "how do I drive from {origin} to {destination} => mode=driving",
        "plan a {mode} trip from {origin} to {destination}",
        "directions to {destination} from {origin} [{mode_by}] [please]",
        "navigate from {origin} to {destination} [{mode_by}] [on google maps]",
        "(open|use) google maps (for|to get) directions from {origin} to {destination}",
        "I'm at {origin} and need to get to {destination} [{mode_by}]",
        "would you mind finding a route from {origin} to {destination} [{mode_by}]",
        "from {origin} to {destination} [{mode_by}], show me the (quickest|best) way",
        "(starting|leaving) from {origin}, show me the (way|route) to {destination} [{mode_by}]",
        "I'm leaving from {origin}, find me a route to {destination} [{mode_by}]",
        "(hey|um) google maps, (route|directions) from {origin} to {destination} [{mode_by}]",
        "what's the (commute|journey|trip) like from {origin} to {destination} [{mode_by}]",
        "can I walk from {origin} to {destination} => mode=walking",
        "is there a (bus|train|subway) from {origin} to {destination} => mode=transit",
        "(bike|cycling) route (please|pls) from {origin} to {destination} => mode=bicycling",
        "(how far|how long) is the drive from {origin} to {destination} => mode=driving",
        "I'm trying to get from {origin} to {destination} [{mode_by}]",
    ])
    async def find_route_google_maps(
        self, origin: Origin, destination: Destination,
        mode: TravelMode = "driving",
    ) -> str:
        """Computes a route between two locations on Google Maps.

        Args:
            origin: Starting point.
            destination: Where to go.
            mode: Means of travel.
        """
        minutes = self.random.randint(5, 90)
        return f"{mode.title()} route from {origin} to {destination}: about {minutes} min"

    @function(cues=["nest", "smoke", "protect", "detector"], examples=[
        "check [on] the [nest] smoke (detector|alarm) [status]",
        "what's the status of (the|my) [nest] smoke (detector|alarm)",
        "is (the|my) smoke (detector|alarm) (working|ok|okay|online)",
        "how's the battery (on|in) the smoke (detector|alarm)",
        "(run|do) a [quick] (check|status check) on the [nest] smoke detector",
        "smoke detector status",
        "(can|could) you check if the smoke (alarm|detector) is (working|okay|online)",
        "I want to (make sure|check) the [nest] smoke detector is (working|ok|fine)",
        "does the smoke detector need (a new battery|new batteries)",
        "is the nest protect (online|working|ok)",
        "nest protect status",
        "give me a status (report|update) on the smoke (detector|alarm)",
        "is my smoke alarm's battery (low|ok|dead)",
        "any (problems|issues) with the smoke detector",
        "(check|test) the nest protect",
        "the smoke alarm (chirped|beeped), [can you] check (it|its status)",
        "how is the smoke detector doing",
        "before we go (away|on vacation|on holiday), (make sure|check that) the nest protect is (online|working)",
        "would you mind checking on the (smoke detector|nest protect) [for me]",
        "(smoke alarm|smoke detector|nest protect) (ok|all good|working)?",
        "the smoke detector (keeps beeping|is blinking yellow|light is flashing), what's wrong with it",
        "can you tell me if the nest smoke (alarm|detector) has any (alerts|warnings|issues)",
        "I need to know if the smoke detector battery (needs replacing|is running low)",
        "(run|do) a (diagnostic|health check) on the (nest protect|smoke detector)",
        "is the smoke detector (still connected to the wifi|still online)",
        "(hey|um) quick safety check, (smoke detector|nest protect) status",
        "I just want to double-check the smoke (alarm|detector) is (good to go|working properly)",
        "we just had a power (cut|outage), is the smoke detector back online",
        "what does the nest (protect|smoke detector) say about its battery",
    ])
    async def check_nest_smoke_detector_status(self) -> str:
        """Checks the battery, sensor and connectivity status of the Nest smoke detector."""
        return "Battery: OK (87%), Sensor: OK, Connectivity: Online"

    # a message is asked for ("... drive to Lake Tahoe and announce it" texts nobody)
    @function(sensitive=True, cues=["text", "txt", "message", "msg", "sms", "tell", "let", "send", "write", "ping",
                                    "reply", "shoot", "drop", "inform", "notify", "say", "ask", "remind", "imessage",
                                    "whatsapp", "email", "e-mail"], examples=[  # "email Mom": no address, a text
        "(text|message) {contact_name} [saying|that] {message}",
        "send (a text|a message|an sms|a text message) to {contact_name} (saying|that says) {message}",
        "tell {contact_name} {message}",
        "let {contact_name} know [that] {message}",
        "send {contact_name} a (text|message) (saying|that says): {message}",
        "(can|could) you text {contact_name} [and say] {message}",
        "text to {contact_name}: {message}",
        "shoot {contact_name} a text (saying|that says) {message}",
        "I (need|want) to text {contact_name} (saying|that) {message}",
        "message {contact_name}: {message}",
        "send \"{message}\" to {contact_name}",
        "text \"{message}\" to {contact_name}",
        "reply to {contact_name} (with|saying) {message}",
        "drop {contact_name} a (text|line) (saying|that says) {message}",
        "sms {contact_name} {message}",
        "write {contact_name} a (text|message): {message}",
        "send a message to {contact_name}: \"{message}\"",
        "(could|can) you send {contact_name} a text that says {message}",
        "new message to {contact_name} {message}",
        "before I forget, text {contact_name} {message}",
        "if you don't mind, send {contact_name} a (quick|short) text (saying|that says) {message}",
        "{contact_name} - send them a text saying {message}",
        "txt {contact_name}: {message}",
        "ping {contact_name} on (whatsapp|imessage) (saying|that says) {message}",
        "message {contact_name} and say {message}",
        "can you let {contact_name} know (via|by) text that {message}",
        "(shoot|send) a quick (text|message) to {contact_name}: {message}",
        "(type|write) out a (text|message) to {contact_name} (saying|that says) {message}",
        "message for {contact_name}: {message}",
        "can you text {contact_name} for me? here's what to say: {message}",
        "send {contact_name} a (message|text) on whatsapp saying {message}",
    ])
    async def send_text_message(self, contact_name: Contact, message: Message) -> bool:
        """Sends a text message to a contact.

        Args:
            contact_name: The contact to text.
            message: The text to send.
        """
        self.outbox.append({"kind": "sms", "to": contact_name, "content": message})
        return True

    @function(sensitive=True, examples=[
        "call {phone_number}",
        "dial {phone_number}",
        "(make|place) a [phone] call to {phone_number}",
        "(can|could) you (call|dial|ring) {phone_number} [for me]",
        "(phone|ring) {phone_number}",
        "I need to call {phone_number}",
        "call the number {phone_number}",
        "(start|begin) a call (to|with) {phone_number}",
        "give {phone_number} a (call|ring)",
        "please dial {phone_number} [for me]",
        "call this number: {phone_number}",
        "get {phone_number} on the phone",
        "I want to make a call to {phone_number}",
        "dial [up] the number {phone_number}",
        "{phone_number}, call it [please]",
        "could you place a call to {phone_number}",
        "ring up {phone_number}",
        "would you mind (calling|dialing) {phone_number}",
        "here's a number, {phone_number}, (call|ring) it [please]",
        "the (pharmacy|restaurant|plumber|school|front desk)'s number is {phone_number}, (give them a call|call them)",
        "(can|could) you ring this number for me: {phone_number}",
        "I (got|had) a missed call from {phone_number}, (call|ring) (them|it) back",
        "put me through to {phone_number} [please]",
        "is it possible to (call|dial) {phone_number} [now]",
        "call {phone_number} (now|right away), it's urgent",
        "try calling {phone_number} [again]",
        "I have to reach {phone_number}, (can|could) you call (it|them)",
        "make a call, number {phone_number}",
        "(um|hey) dial out to {phone_number} [please]",
    ])
    async def make_phone_call(self, phone_number: E164) -> bool:
        """Makes a phone call to a number.

        Args:
            phone_number: The number to call, in E.164.
        """
        self.calls_made.append(phone_number)
        return True

    @function(examples=[
        "(add|create|save) [a] [new] contact [(named|called)] {name} with (the number|number|phone number|phone) {phone_number}",
        "save {phone_number} as {name}",
        "add {name} to my contacts, (their|her|his) number is {phone_number}",
        "(create|make) a new contact for {name}, {phone_number}",
        "new contact: {name}, {phone_number}",
        "(can|could) you save {name}'s number, it's {phone_number}",
        "store {phone_number} under {name}",
        "I want to add a contact: {name}, phone {phone_number}",
        "put {name} in my phone (with|as) {phone_number}",
        "add {phone_number} to [my] contacts (as|under) {name}",
        "please create a contact called {name} with phone number {phone_number}",
        "{name}'s number is {phone_number}, save it",
        "remember {name}'s (number|phone number): {phone_number}",
        "add contact {name} {phone_number}",
        "save a contact for {name} (at|with) {phone_number}",
        "(make|create) a contact named {name} [and] (set|with) the number [to] {phone_number}",
        "I just met {name}, add (them|her|him) to my contacts with {phone_number}",
        "I'd like to save a new contact: {name}, (number|phone) {phone_number}",
        "would you mind adding {name} to my (contacts|phone book|address book)? the number is {phone_number}",
        "{phone_number} is {name}'s (number|cell|mobile), (store|save|add) it [to my contacts]",
        "before I forget, save {name}'s (number|mobile number) as a contact: {phone_number}",
        "add {name}'s mobile, {phone_number}, to my contacts",
        "I just got {name}'s number, it's {phone_number}, (can|could) you save it",
        "create an entry in my (contacts|address book) for {name} (with|at) {phone_number}",
        "save this number: {phone_number}, (label|file) it (as|under) {name}",
        "program {phone_number} into my phone under {name}",
        "is it possible to add a contact named {name} with {phone_number}",
        "my new (dentist|neighbor|neighbour|babysitter|colleague) is {name}, (number|phone) {phone_number}, (save|add) them to my contacts",
        "new contact please, {name}, {phone_number}",
    ])
    async def create_contact(self, name: Text, phone_number: E164) -> bool:
        """Creates a new contact.

        Args:
            name: The contact's full name.
            phone_number: The contact's number, in E.164.
        """
        self.contacts[name] = phone_number
        return True

    @function(examples=[
        "set an alarm (for|at) {time} [(called|labeled|named) {label}]",
        "wake me up at {time}",
        "(can|could) you set an alarm for {time} [(and call it|labeled|named) {label}]",
        "alarm (at|for) {time}",
        "set [my] alarm (to|for) {time}",
        "set an alarm for {time} for {label}",
        "I need an alarm (at|for) {time} [to remind me to {label_task}]",
        "alarm for {label} at {time}",
        "I want to wake up at {time}",
        "please set the alarm for {time} [called {label}]",
        "(make|create) an alarm (for|at) {time} (called|named|labeled) {label}",
        "create an alarm: {label}, {time}",
        "remind me at {time} to {label_task}",
        "{label} alarm at {time}",
        "get me up at {time}",
        "{time} alarm [please]",
        "set a timer alarm for {time} [with the label {label}]",
        "put an alarm on for {time} [labeled {label}]",
        "could you set an alarm for {time} so I (can|remember to) {label_task}",
        "I have to {label_task} at {time}, set an alarm",
        "new alarm {time} [label {label}]",
        "I've got an early (flight|start|shift) tomorrow, (wake me up|get me up) at {time}",
        "would you mind setting an alarm for {time} [(labeled|called) {label}]",
        "{time}, (alarm|wake-up alarm) please",
        "I need to be up by {time}",
        "don't let me oversleep, (set an alarm for|alarm at) {time}",
        "(could|can) you make sure I'm (up|awake) at {time}",
        "I keep forgetting to {label_task}, (set|put) an alarm (for|at) {time}",
        "alarm at {time} (please|pls), I (have|need) to {label_task} [then]",
        "set my alarm clock for {time}",
        "is it possible to get an alarm (at|for) {time} (called|with the label) {label}",
        "(hey|um) I need an alarm, {time}, [and] label it {label}",
        "sound an alarm at {time} [so I can {label_task}]",
    ])
    async def set_timer_alarm(self, time: HHMM, label: str = "alarm") -> bool:
        """Sets an alarm for a time of day.

        Args:
            time: When the alarm rings, 24 h 'HH:MM'.
            label: A label for the alarm.
        """
        self.alarms.append({"time": time, "label": label})
        return True

    # the phone is said, or its screen: "dim the floor lamp" is no phone
    @function(cues=["brightness", "bright", "brighter", "brighten", "brightest", "screen", "display", "phone"], examples=[
        "set (the|my) [screen] brightness to {level}",
        "(change|adjust) [the] (screen|display) brightness to {level}",
        "brightness (to|at) {level}",
        "make the screen brightness {level}",
        "(can|could) you (turn|put|set) the brightness (to|at) {level}",
        "dim the (screen|display) to {level}",
        "(brighten|turn up) the (screen|display) to {level}",
        "I want the (brightness|screen) at {level}",
        "(max|full) brightness => level=10",
        "turn the brightness all the way up => level=10",
        "turn the brightness all the way down => level=0",
        "(lowest|minimum) brightness => level=0",
        "the screen is too (dark|dim|bright), set (the brightness|it) to {level}",
        "screen brightness {level} [please]",
        "put my (display|screen) (at|on) {level} brightness",
        "turn (the|my) (screen|phone) brightness (up|down) to {level}",
        "(lower|raise) the brightness to {level}",
        "I can't see (my|the) screen, brightness to {level}",
        "it's (really sunny|so bright) out, (put|set) my phone's brightness (to|at) {level}",
        "my eyes hurt, (dim|lower) my (phone|screen) down to {level}",
        "would you mind setting the (screen|display) brightness to {level}",
        "phone brightness {level} [please]",
        "make the (screen|display) (brighter|dimmer), set it to {level}",
        "(turn|put) my (screen|phone) brightness all the way down, I'm in (bed|the cinema|a dark room) => level=0",
        "crank up the (screen|phone) brightness (as high as it goes|to the max) => level=10",
        "is it possible to (change|set) my phone's brightness to {level}",
        "(drop|reduce) the (display|screen) brightness to {level}, it's (too bright|blinding me)",
        "half brightness on my (phone|screen) [please] => level=5",
        "brightness on my phone: {level}",
        "take the screen brightness (down|up) to {level}",
    ])
    async def change_screen_brightness(self, level: Level) -> bool:
        """Sets the screen brightness.

        Args:
            level: 0 (darkest) to 10 (brightest).
        """
        self.brightness = level
        return True

    @function(examples=[
        "(schedule|add|create|put) {title} on {date} from {start_clock} to {end_clock}",
        "add {title} to my calendar (on|for) {date} (from|between) {start_clock} (to|and|until) {end_clock}",
        "create (a calendar event|an event|a new event) (called|named|titled) {title} (on|for) {date} at {start_clock} for {duration}",
        "(book|block off) {date} {start_clock} to {end_clock} for {title}",
        "schedule (a meeting|an event) {title} from {start_time} to {end_time}",
        "put {title} on my calendar from {start_time} until {end_time}",
        "new event: {title}, {date}, {start_clock} - {end_clock}",
        "(can|could) you schedule {title} for {date} at {start_clock}, it (lasts|will last|should take) {duration}",
        "I have {title} on {date} from {start_clock} to {end_clock}, (add|put) it (to|on) my calendar",
        "calendar event {title} starting {start_time} ending {end_time}",
        "create an event titled {title} (starting|from) {start_time} and ending {end_time}",
        "{date} from {start_clock} to {end_clock}: {title}",
        "on {date}, (schedule|add) {title} from {start_clock} to {end_clock}",
        "set up {title} on {date} from {start_clock} (till|until) {end_clock}",
        "I need to block {date} from {start_clock} to {end_clock} for {title}",
        "make a calendar entry for {title} at {start_clock} on {date} lasting {duration}",
        "add an event to my calendar: {title} on {date} from {start_clock} to {end_clock}",
        "(schedule|book) {title} (starting|at) {start_time} for {duration}",
        "put {title} in my calendar for {date}, {start_clock} to {end_clock}",
        "add {title} from {start_clock} to {end_clock} on {date}",
        "would you mind (adding|putting) {title} (in|on) my (calendar|diary) (on|for) {date} from {start_clock} to {end_clock}",
        "pencil in {title} (on|for) {date} at {start_clock} (for|lasting) {duration}",
        "{title}, {date}, {start_clock} (to|until|till) {end_clock} - (add|put) it (in|on) my calendar",
        "block out {start_clock} to {end_clock} on {date} for {title}",
        "set up a meeting called {title} (for|on) {date} at {start_clock} that lasts {duration}",
        "could you slot {title} into my (calendar|diary) for {date} from {start_clock} to {end_clock}",
        "I need {title} (in|on) my calendar (for|on) {date}, {start_clock} (to|till) {end_clock}",
        "make an appointment (for|called) {title} on {date} at {start_clock} for {duration}",
        "schedule {title} between {start_time} and {end_time}",
        "add {title} to my calendar for {date}, (starting|from) {start_clock}, (for|lasting) {duration}",
        "is it possible to (schedule|book) {title} from {start_time} until {end_time}",
        "(hey|ok) new (appointment|event), {title}, {date} (from|at) {start_clock} (to|until) {end_clock}",
    ])
    async def create_calendar_event(self, title: EventTitle, start_time: STAMP, end_time: STAMP) -> bool:
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

    # a volume is said ("play the playlist Sunday Chill" sets no volume)
    @function(cues=["volume", "loud", "louder", "loudest", "quiet", "quieter", "quietest", "sound", "sounds", "ring",
                    "ringer", "ringtone", "ringing", "mute", "silent", "silence", "vibrate", "up", "down", "level", "max",
                    "maximum", "minimum", "percent", "crank", "blast", "hear", "audio", "noise", "noisy", "softer",
                    "soft", "media", "lower", "raise", "increase", "decrease", "reduce", "vol", "loudness"], examples=[
        "set the {volume_type} volume to {level}",
        "(turn|put) the {volume_type} volume (to|at) {level}",
        "{volume_type} volume {level}",
        "change [my] {volume_type} volume to {level}",
        "(can|could) you set [the] {volume_type} volume to {level}",
        "I want the {volume_type} volume at {level}",
        "mute the {volume_type} [volume] => level=0",
        "(max out|maximize) the {volume_type} volume => level=10",
        "turn the {volume_type} volume all the way up => level=10",
        "(set|adjust) {volume_type} volume level to {level}",
        "(lower|raise|turn down|turn up) the {volume_type} volume to {level}",
        "(silence|mute) the (ringer|ringtone) => volume_type=ring, level=0",
        "set volume for [the] {volume_type} to {level}",
        "make the {volume_type} volume {level}",
        "{volume_type} volume to {level} [please]",
        "put my (ringer|ringtone) (on|to|at) {level} => volume_type=ring",
        "(turn|set) the (music|media|video) volume to {level} => volume_type=media",
        "alarm volume (to|at) {level} => volume_type=alarm",
        "my ringer is way too loud, (turn|bring) it down to {level} => volume_type=ring",
        "I can't hear my phone ring, (turn|put) the ringer up to {level} => volume_type=ring",
        "would you mind setting the {volume_type} volume on my phone to {level}",
        "{volume_type} volume on my phone: {level}",
        "(podcast|video) volume on my phone to {level} => volume_type=media",
        "I keep sleeping through my alarm, make it as loud as it goes => volume_type=alarm, level=10",
        "is it possible to (lower|raise|change) the {volume_type} volume to {level}",
        "{level} for the {volume_type} volume [please]",
        "(bump|knock) the {volume_type} volume (up|down) to {level}",
        "change the volume for my (alarm|alarms) to {level} => volume_type=alarm",
        "(media|music) on my phone is too quiet, (turn|bring) it up to {level} => volume_type=media",
        "my alarm (is too loud|scares me awake), set the alarm volume to {level} => volume_type=alarm",
    ])
    async def set_volume(self, level: Level, volume_type: VolumeType) -> bool:
        """Sets the volume of one of the phone's channels.

        Args:
            level: 0 (mute) to 10 (loudest).
            volume_type: Which volume to set.
        """
        self.volume[volume_type] = level
        return True

    @function(cues=["connect", "connecting", "pair", "pairing", "bluetooth", "hook up", "link"], examples=[
        "connect to {device_name} [(via|over|using) bluetooth]",
        "(pair|connect) (with|to) {device_name}",
        "pair {device_name}",
        "(connect|pair) (my phone|the phone) (to|with) {device_name} [and wait (up to|for) {timeout}]",
        "bluetooth connect [to] {device_name}",
        "(can|could) you connect [my phone] to {device_name} [with a timeout of {timeout}]",
        "connect the bluetooth to {device_name}",
        "hook up {device_name} [over bluetooth]",
        "link my phone to {device_name}",
        "try connecting to {device_name} for {timeout}",
        "connect {device_name} (within|in under|in) {timeout}",
        "(switch|send) the (audio|sound) to {device_name} over bluetooth",
        "please pair {device_name} [and time out after {timeout}]",
        "I (need|want) to connect to {device_name}",
        "get {device_name} connected [via bluetooth]",
        "turn on bluetooth and connect to {device_name}",
        "connect to {device_name}, (give it|wait) {timeout}",
        "pair with {device_name} with a timeout of {timeout}",
        "I just turned on {device_name}, (can|could) you pair it [with my phone]",
        "{device_name} (won't connect|isn't connecting), try (pairing|connecting) again",
        "would you mind connecting to {device_name} [over bluetooth]",
        "bluetooth to {device_name} (please|pls)",
        "{device_name} - (connect|pair) (to it|with it) [please]",
        "try to (connect|pair) {device_name} (and give up|but stop trying) after {timeout}",
        "connect to {device_name} but don't wait more than {timeout}",
        "is it possible to pair {device_name} with (my|this) phone",
        "(can|could) you link up with {device_name}",
        "{device_name} is in pairing mode, (connect|pair) (to it|with it|it) [now]",
        "(can|could) you sort out the bluetooth connection (to|with) {device_name}",
        "{device_name} (dropped|disconnected), connect (to it|it) again",
    ])
    async def connect_to_bluetooth_device(
        self, device_name: Text, timeout: Annotated[int, Field(ge=1, le=120, json_schema_extra={"x-units": {
            "second": 1, "seconds": 1, "sec": 1, "secs": 1, "minute": 60, "minutes": 60, "min": 60, "mins": 60}})] = 10,
    ) -> bool:
        """Connects to a Bluetooth device by name.

        Args:
            device_name: The device to pair with.
            timeout: Seconds to wait for the connection.
        """
        self.bluetooth = device_name
        return True

    @function(cues=["disturb", "dnd", "notifications", "interruptions", "quiet mode", "focus"], examples=[
        "turn on do not disturb [mode] => enabled=true",
        "(enable|activate|switch on) (do not disturb|dnd|DND) [mode] => enabled=true",
        "(turn off|disable|deactivate|switch off) (do not disturb|dnd|DND) [mode] => enabled=false",
        "I don't want to be disturbed => enabled=true",
        "(silence|mute) (all|my) notifications => enabled=true",
        "put (my|the) phone on do not disturb => enabled=true",
        "take (my|the) phone off do not disturb => enabled=false",
        "(can|could) you turn on do not disturb [for me] => enabled=true",
        "(can|could) you turn off do not disturb [for me] => enabled=false",
        "(dnd|do not disturb) on => enabled=true",
        "(dnd|do not disturb) off => enabled=false",
        "turn {enabled} do not disturb",
        "set do not disturb to {enabled}",
        "I'm (going into a meeting|going to sleep|going to bed|at the movies), turn on do not disturb => enabled=true",
        "I'm (done with my meeting|awake|back), (turn off|disable) do not disturb => enabled=false",
        "go into do not disturb mode => enabled=true",
        "(exit|leave|get out of) do not disturb [mode] => enabled=false",
        "(allow|let) notifications (through|again) => enabled=false",
        "no (interruptions|calls or notifications) for a while please => enabled=true",
        "is do not disturb on? turn it off => enabled=false",
        "I need to focus for a while, (turn on|switch on) do not disturb => enabled=true",
        "(turn on|enable|start) focus mode => enabled=true",
        "(turn on|switch on|go into) quiet mode => enabled=true",
        "(turn off|exit|switch off) quiet mode => enabled=false",
        "would you mind putting my phone on do not disturb => enabled=true",
        "no more notifications (for now|until I say so)[, please] => enabled=true",
        "(meeting's over|I'm off the call|the baby's awake), (turn|switch) off do not disturb => enabled=false",
        "dnd (please|pls|now) => enabled=true",
        "don't let any notifications through => enabled=true",
        "do not disturb, {enabled} [please]",
        "I'm (in class|at the cinema|in an exam|at a funeral), no (interruptions|notifications) please => enabled=true",
        "why is my phone so quiet? oh, turn off do not disturb => enabled=false",
    ])
    async def enable_do_not_disturb(self, enabled: Annotated[bool, Field(json_schema_extra={"x-words": SWITCHED, "x-near": DND_NAMES})]) -> bool:
        """Turns Do Not Disturb mode on or off.

        Args:
            enabled: True to turn it on, False to turn it off.
        """
        self.do_not_disturb = enabled
        return True

    @function(cues=["nest"], examples=[
        "set the (nest|nest thermostat) to {target_temperature}",
        "(change|adjust) the nest thermostat (to|temperature to) {target_temperature}",
        "(make|set) it {target_temperature} (in here|in the house|at home) on the nest",
        "(turn|crank) the (heat|ac|air) (to|up to|down to) {target_temperature} on the nest",
        "set the (house|home) temperature to {target_temperature} on the nest",
        "(can|could) you set the nest to {target_temperature}",
        "I want the house at {target_temperature} on the nest",
        "nest thermostat (to|at) {target_temperature}",
        "it's (too cold|freezing|too hot|boiling) in here, set the nest thermostat to {target_temperature}",
        "set [the] temperature to {target_temperature} on the nest",
        "change the nest thermostat temperature to {target_temperature}",
        "(heat|cool|warm) the house [up|down] to {target_temperature} on the nest",
        "put the nest thermostat at {target_temperature}",
        "nest target temperature {target_temperature}",
        "(bump|drop) the nest thermostat to {target_temperature}",
        "I'd like it to be {target_temperature} (inside|at home|in the house) on the nest",
        "set the nest at {target_temperature} [please]",
        "we're heading home soon, (set|warm up) the nest to {target_temperature}",
        "would you mind (turning|setting) the nest [thermostat] to {target_temperature}",
        "nest, {target_temperature} [please]",
        "{target_temperature} on the nest [please]",
        "what's the nest set to? (change it to|make it) {target_temperature}",
        "(can|could) you have the nest keep the house at {target_temperature}",
        "(brr|ugh), I'm (freezing|boiling|roasting), nest to {target_temperature}",
        "is it possible to (set|change) the nest [thermostat] to {target_temperature}",
        "before bed, (drop|turn down) the nest to {target_temperature}",
        "(adjust|change) the temp on the nest to {target_temperature}",
        "(whack|turn) the heating up to {target_temperature} on the nest",
        "I'd prefer the nest at {target_temperature}",
    ])
    async def set_nest_temperature(
        self, target_temperature: Annotated[float, Field(ge=50, le=90)],
    ) -> bool:
        """Sets the Nest thermostat's target temperature in degrees Fahrenheit.

        Args:
            target_temperature: 50 to 90 °F.
        """
        self.nest_temperature = target_temperature
        return True

    @function(cues=["nest", "hub"], examples=[
        "play {music_name} on {music_service} on the nest hub",
        "play {music_name} (from|using|via) {music_service} on [the] (nest hub|hub)",
        "(put on|throw on|queue up) {music_name} from {music_service} on the nest hub",
        "(can|could) you play {music_name} on {music_service} on the (nest hub|hub)",
        "I want to (hear|listen to) {music_name} on {music_service} on the nest hub",
        "on the nest hub, play {music_name} from {music_service}",
        "use {music_service} to play {music_name} on the nest hub",
        "stream {music_name} from {music_service} (to|on) the nest hub",
        "nest hub, play {music_name} on {music_service}",
        "open {music_service} and play {music_name} on the nest hub",
        "play some {music_name} on {music_service} on the nest hub",
        "I'd like to listen to {music_name} (on|from) {music_service} on my nest hub",
        "start {music_name} on {music_service} on the hub",
        "listen to {music_name} (on|with) {music_service} on the nest hub",
        "play {music_name} on the nest hub (from|on|using) {music_service}",
        "{music_service}, play {music_name} on the nest hub",
        "can I hear {music_name} from {music_service} on the hub",
        "would you mind playing {music_name} from {music_service} on the nest hub",
        "I'm (cooking|cleaning|working out), put on {music_name} from {music_service} on the nest hub",
        "on the hub, (play|put on) {music_name} (via|using) {music_service}",
        "{music_name} from {music_service} on the nest hub [please]",
        "let's hear {music_name} from {music_service} on the (nest hub|hub)",
        "fire up {music_service} on the nest hub and play {music_name}",
        "I'm in the mood for {music_name}, (stream|play) it from {music_service} on the nest hub",
        "(hey|ok) hub, (play|put on) {music_name} from {music_service}",
        "spin {music_name} (from|on) {music_service} on the nest hub",
        "music on the nest hub (please|pls), {music_name} from {music_service}",
        "(have the nest hub play|get the nest hub to play) {music_name} from {music_service}",
        "could the hub play {music_name} via {music_service}",
    ])
    async def play_music_on_nest_hub(self, music_service: MediaService, music_name: MediaName) -> bool:
        """Plays music on the Nest Hub from a music service.

        Args:
            music_service: e.g. Spotify, YouTube Music.
            music_name: The song, artist, album or playlist.
        """
        self.nest_hub = {"kind": "music", "service": music_service, "name": music_name}
        return True

    @function(cues=["nest", "hub"], examples=[
        "play {video_name} on {video_service} on the nest hub",
        "(put on|stream) {video_name} (from|on) {video_service} on the nest hub",
        "I want to watch {video_name} on {video_service} on the nest hub",
        "(can|could) you (put on|play) {video_name} from {video_service} on the (nest hub|hub|screen)",
        "cast {video_name} from {video_service} to the nest hub",
        "on the nest hub, play {video_name} on {video_service}",
        "let's watch {video_name} on {video_service} on the nest hub",
        "open {video_service} and play {video_name} on the hub",
        "show {video_name} from {video_service} on the nest hub",
        "start {video_name} on {video_service} on the nest hub",
        "stream {video_name} via {video_service} on my nest hub",
        "pull up {video_name} on {video_service} on the nest hub",
        "I'd like to see {video_name} on {video_service} on the nest hub",
        "put {video_service} on the nest hub and play {video_name}",
        "watch {video_name} (on|from) {video_service} on the nest hub",
        "play the video {video_name} from {video_service} on the nest hub",
        "nest hub, put on {video_name} from {video_service}",
        "the kids want to watch {video_name}, put it on the nest hub from {video_service}",
        "would you mind putting on {video_name} (from|on) {video_service} on the nest hub",
        "movie night! (put on|stream) {video_name} from {video_service} on the nest hub",
        "{video_name} on {video_service}, on the nest hub [please]",
        "can I (see|watch) {video_name} (from|on) {video_service} on the hub",
        "bring up {video_name} from {video_service} on the nest hub",
        "use {video_service} to stream {video_name} on the nest hub",
        "(I'm|we're) (bored|in the mood for something), cast {video_name} from {video_service} to the nest hub",
        "is it possible to cast {video_name} from {video_service} onto the nest hub",
        "nest hub, pull up {video_name} (on|from) {video_service}",
        "time for some {video_name}, (stream|play) it (from|on) {video_service} on the nest hub",
        "(have the nest hub|get the nest hub to) (play|show) {video_name} from {video_service}",
    ])
    async def play_video_on_nest_hub(self, video_service: MediaService, video_name: MediaName) -> bool:
        """Plays a video on the Nest Hub from a video service.

        Args:
            video_service: e.g. YouTube, Netflix.
            video_name: The video or show.
        """
        self.nest_hub = {"kind": "video", "service": video_service, "name": video_name}
        return True

    # The phone's door app, for requests that name the phone; a home's own locks serve the rest.
    @function(sensitive=True, cues=["phone", "app"], examples=[
        "(lock|secure) the [front] door (from|with|using|via|through|on) my phone => status=lock",
        "(unlock|open) the [front] door (from|with|using|via|through|on) my phone => status=open",
        "use my phone to (lock|secure) the [front] door => status=lock",
        "use my phone to (unlock|open) the [front] door => status=open",
        "(can|could) you lock the [front] door (with|from) my phone => status=lock",
        "(can|could) you (unlock|open) the [front] door [for me] (with|from|using) the (phone|door) app => status=open",
        "phone, {status} the front door",
        "lock the door with the (phone|door) app [please], I'm (leaving|heading out|going to bed) => status=lock",
        "(use the app to|phone,) let (me|them|the guests|the dog walker|the cleaner) in => status=open",
        "I forgot to lock the [front] door, do it from my phone => status=lock",
        "I'm (at the door|home|outside), (open|unlock) (it|the door) (with|from) my phone => status=open",
        "make sure the front door is locked (using|through) my phone => status=lock",
        "lock up (from|with) the phone => status=lock",
        "(from my phone|with the door app), open the front door for (the delivery|the plumber|my mom|the kids) => status=open",
        "buzz (me|them) in (from|with) my phone => status=open",
        "I want the front door (unlocked|open), use the phone => status=open",
        "phone: I want the front door locked => status=lock",
        "please {status} the door (on|from|with) my phone",
        "(is the front door locked|did I lock the door)? lock it (from|with) my phone => status=lock",
        "door app: {status} the front door",
        "I left my keys (inside|at work), (use the app to|can you use my phone to) (unlock|open) the front door => status=open",
        "would you mind locking the front door (through|with) the app => status=lock",
        "front door, lock it (from|with|using) my phone => status=lock",
        "(the guests are|my sister is|the dog sitter is) here, open up (through|with) the (door app|app) => status=open",
        "is it possible to {status} the front door from my phone",
        "I'm already at work and I think I left the door unlocked, lock it from my phone => status=lock",
        "(open|unlock) the door on the app, I'm walking up [now] => status=open",
        "phone, front door: {status}",
        "(secure|lock up) the front door for the night (via|through) the door app => status=lock",
        "the courier's here, (unlock|open) the door (using|on) the app => status=open",
        "can you (pop|get) the front door open with my phone => status=open",
        "(remotely|from here) (unlock|open) the front door on my phone => status=open",
    ])
    async def open_or_lock_door(self, status: Literal["open", "lock"]) -> bool:
        """Opens or locks the front door.

        Args:
            status: 'open' or 'lock'.
        """
        self.door = status
        return True
