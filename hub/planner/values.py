"""Slot value samplers: what a person would say for a parameter, and the argument it means.

`sample_value(rng, function, param, schema)` returns `(text, value)`: the words that go into
the generated request and the canonical argument. Free-text slots (names, messages, places,
titles, songs...) return `(s, s)`: the planner copies the span, so the text IS the value.
Everything else is spoken in varied ways and normalised: enum synonyms ("ringer" -> "ring"),
numbers as digits or words, with or without units ("72°F", "level 5", "3 cm" -> 30 mm),
times of day ("half past seven in the evening" -> "19:30"), E.164 phone numbers
("(415) 555-0199" -> "+14155550199") and calendar stamps ("March 3rd 2027 at 2 pm" ->
"2027-03-03-14-00").

`sample_slots(rng, function, slots, parameters)` fills every slot of one template at once,
so that related slots agree (a calendar event's end comes after its start, on the same
day unless the words say otherwise). It returns `(texts, args, context)`.

Pseudo-slots: names a template may use in `{...}` besides the function's parameter names.

    {volume_down}  -> volume_diff (car.adjust_volume): spoken as a magnitude ("5", "five
                      notches"); the argument is NEGATIVE (-5). Use it after "down by",
                      "lower by", "quieter by". `{volume_diff}` itself is always positive.
    {mode_by}      -> mode (phone.find_route_google_maps): the travel mode with its
                      preposition ("by bus", "on foot", "by car", "on my bike").
                      `{mode}` alone is the bare/adjectival form ("walking", "bike", "transit").
    {label_task}   -> label (phone.set_timer_alarm): a verb phrase ("take my meds") for
                      "remind me to {label_task}"; `{label}` is a noun-ish label ("gym").
    {date}         -> start_time and end_time (create_calendar_event): the event's day
                      ("March 3rd", "the 5th of December 2027", "2027-03-03").
    {start_clock}  -> start_time: the start's time of day ("2 pm", "14:00").
    {end_clock}    -> end_time: the end's time of day, same day (next day if it is earlier).
    {duration}     -> end_time: a length ("an hour and a half") added to the start.

A calendar template needs a start ({start_time}, or {date} + {start_clock}) and an end
({end_time}, {end_clock} or {duration}). Dates spoken without a year are the next such
day on or after `context["today"]`, which such examples carry (and only those).
"""
from __future__ import annotations

import random
import re
from datetime import date, datetime, timedelta
from typing import Any

from devices.phone import LANGUAGE_NAMES
from hub.planner.spoken import E164_PATTERN, HHMM_PATTERN, STAMP_PATTERN  # the formats the readers know

# ---- pseudo-slots --------------------------------------------------------------------------

PSEUDO_SLOTS: dict[str, tuple[str, ...]] = {
    "volume_down": ("volume_diff",),
    "mode_by": ("mode",),
    "label_task": ("label",),
    "date": ("start_time", "end_time"),
    "start_clock": ("start_time",),
    "end_clock": ("end_time",),
    "duration": ("end_time",),
}
CALENDAR_SLOTS = ("date", "start_clock", "end_clock", "duration", "start_time", "end_time")


FREE_TEXT_PARAMS = {
    "contact_name", "message", "recipient", "title", "content", "query", "location", "origin",
    "destination", "device_name", "music_name", "music_service", "video_name",
    "video_service", "label", "name",
}


def slot_params(slot: str, parameters: dict[str, Any]) -> tuple[str, ...]:
    """The real parameters a template slot fills; raises KeyError for an unknown slot."""
    props = parameters.get("properties", {})
    if slot in props:
        return (slot,)
    if slot in PSEUDO_SLOTS and all(p in props for p in PSEUDO_SLOTS[slot]):
        return PSEUDO_SLOTS[slot]
    raise KeyError(f"slot {{{slot}}} is neither a parameter nor a pseudo-slot of "
                   f"{sorted(props)}")


# ---- numbers -------------------------------------------------------------------------------

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORD_WORDS = {"one": "first", "two": "second", "three": "third", "five": "fifth",
              "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}


def number_words(n: int, hyphen: bool = False) -> str:
    """0..999 in English words: 72 -> "seventy two" (or "seventy-two")."""
    if n < 0:
        return "minus " + number_words(-n, hyphen)
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (("-" if hyphen else " ") + _ONES[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    head = _ONES[hundreds] + " hundred"
    return head + (" " + number_words(rest, hyphen) if rest else "")


def ordinal_words(n: int, hyphen: bool = False) -> str:
    """1..31 -> "first" ... "thirty-first"."""
    words = number_words(n, hyphen)
    sep = "-" if hyphen and n > 20 and n % 10 else " "
    head, _, last = words.rpartition(sep) if n > 20 and n % 10 else ("", "", words)
    if last in _ORD_WORDS:
        last = _ORD_WORDS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return f"{head}{sep}{last}" if head else last


def ordinal_digits(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def say_int(rng: random.Random, n: int, words_p: float = 0.25) -> str:
    """Digits most of the time, words ("twenty one" / "twenty-one") sometimes."""
    if rng.random() < words_p:
        return number_words(n, hyphen=rng.random() < 0.4)
    return str(n)


def say_number(rng: random.Random, x: float, words_p: float = 0.25) -> str:
    """An int or a half: 72.5 -> "72.5" / "seventy two and a half" / "seventy two point five"."""
    if float(x).is_integer():
        return say_int(rng, int(x), words_p)
    whole = int(x)
    if rng.random() < words_p:
        tail = " and a half" if x - whole == 0.5 and rng.random() < 0.6 else \
            " point " + _ONES[round((x - whole) * 10)]
        return number_words(whole, hyphen=rng.random() < 0.4) + tail
    return f"{x:g}"


def _canonical_number(x: float) -> int | float:
    return int(x) if float(x).is_integer() else x


# ---- people ----------------------------------------------------------------------------------

FIRST_NAMES = [
    # English / American
    "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David",
    "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
    "Sarah", "Chris", "Karen", "Daniel", "Emily", "Matthew", "Ashley", "Anthony", "Megan",
    "Mark", "Amanda", "Steven", "Rachel", "Kevin", "Laura", "Brian", "Hannah", "Ryan",
    "Olivia", "Jake", "Emma", "Tyler", "Abby", "Zach", "Chloe", "Ben", "Grace", "Sam", "Lily",
    "Alex", "Taylor", "Jordan", "Casey", "Morgan", "Riley", "Jamie", "Kate", "Nick", "Tom",
    # Hispanic / Latin American
    "Carlos", "Maria", "José", "Lucia", "Diego", "Sofia", "Javier", "Camila", "Luis",
    "Valentina", "Miguel", "Isabella", "Alejandro", "Gabriela", "Mateo", "Ximena", "Pablo",
    "Carmen", "Andrés", "Paula",
    # South Asian
    "Priya", "Arjun", "Ananya", "Rahul", "Divya", "Vikram", "Neha", "Rohan", "Aisha", "Sanjay",
    "Kavya", "Aditya", "Pooja", "Ravi", "Meera", "Nikhil", "Shreya", "Imran", "Fatima", "Zara",
    # East / Southeast Asian
    "Wei", "Mei", "Jun", "Li Na", "Hiroshi", "Yuki", "Kenji", "Sakura", "Min-jun", "Ji-woo",
    "Seo-yeon", "Hana", "Takeshi", "Haruto", "Xin", "Lan", "Minh", "Linh", "Tuan", "Mai",
    # Middle Eastern / African
    "Omar", "Layla", "Yusuf", "Amira", "Hassan", "Noor", "Karim", "Leila", "Tariq", "Yasmin",
    "Kwame", "Amara", "Chidi", "Ngozi", "Tunde", "Zainab", "Kofi", "Abena", "Sipho", "Thandiwe",
    # European
    "Lukas", "Anna", "Matteo", "Giulia", "Pierre", "Camille", "Sven", "Ingrid", "Olga",
    "Dmitri", "Katarzyna", "Piotr", "Niamh", "Siobhan", "Liam", "Aoife", "Jan", "Eva", "Lars",
    "Freya", "Nikos", "Elena", "Björn", "Chiara", "Henrik", "Margot", "Tomás", "Inês",
]

LAST_NAMES = [
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
    "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark",
    "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill",
    "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips",
    "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Murphy", "Cook", "Rogers",
    "O'Brien", "McCarthy", "Sullivan", "Garcia", "Martinez", "Rodriguez", "Hernandez",
    "Lopez", "Gonzalez", "Perez", "Sanchez", "Ramirez", "Torres", "Flores", "Rivera", "Gomez",
    "Diaz", "Castillo", "Morales", "Patel", "Shah", "Sharma", "Singh", "Kumar", "Gupta",
    "Reddy", "Iyer", "Nair", "Khan", "Chowdhury", "Banerjee", "Mehta", "Kapoor", "Nguyen",
    "Tran", "Le", "Pham", "Chen", "Wang", "Li", "Zhang", "Liu", "Huang", "Lin", "Wu", "Kim",
    "Park", "Lee", "Choi", "Jung", "Tanaka", "Suzuki", "Sato", "Takahashi", "Watanabe",
    "Yamamoto", "Nakamura", "Haddad", "Nasser", "Rahman", "Hussein", "Mansour", "Okafor",
    "Adeyemi", "Mensah", "Okoye", "Diallo", "Nkosi", "Mwangi", "Müller", "Schmidt",
    "Schneider", "Fischer", "Weber", "Rossi", "Russo", "Bianchi", "Dubois", "Laurent",
    "Moreau", "Lefebvre", "Jansen", "de Vries", "Nowak", "Kowalski", "Ivanov", "Petrov",
    "Novak", "Horvat", "Larsen", "Nielsen", "Andersson", "Johansson", "Papadopoulos",
    "Silva", "Santos", "Oliveira", "Costa", "Ferreira", "Kowalczyk", "Byrne", "Kelly",
]

RELATIONS = [
    "Mom", "Dad", "Mum", "Mama", "Papa", "Grandma", "Grandpa", "Nana", "Granny", "Pops",
    "my sister", "my brother", "my wife", "my husband", "my mom", "my dad", "my boss",
    "my son", "my daughter", "my partner", "my girlfriend", "my boyfriend", "my roommate",
    "Auntie", "Babe", "Honey", "Sis", "Bro",
]
FAMILY_TITLES = ["Aunt", "Uncle", "Cousin", "Grandma", "Grandpa"]
PRO_TITLES = ["Dr.", "Doctor", "Mr.", "Mrs.", "Ms.", "Professor", "Coach", "Officer", "Pastor"]
NAME_SUFFIX = ["from work", "from the gym", "from school", "from church", "at the office",
               "from soccer", "the plumber", "the landlord", "the babysitter", "the dentist"]
NICKNAMES = ["Mikey", "Lizzie", "Johnny", "Bobby", "Jenny", "Danny", "Katie", "Tommy",
             "Suzie", "Becca", "Maddie", "Teddy", "Charlie", "Frankie", "Izzy", "Gigi"]


def person_name(rng: random.Random, full_p: float = 0.45) -> str:
    """A contact as people say it: "Priya", "Alex Kim", "Mom", "Dr. Patel", "Uncle Ray"."""
    r = rng.random()
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    if r < full_p:
        return f"{first} {last}"
    r = (r - full_p) / (1 - full_p)
    if r < 0.5:
        return rng.choice([first, first, rng.choice(NICKNAMES)])
    if r < 0.68:
        return rng.choice(RELATIONS)
    if r < 0.8:
        return f"{rng.choice(PRO_TITLES)} {last}"
    if r < 0.9:
        return f"{rng.choice(FAMILY_TITLES)} {first}"
    return f"{first} {rng.choice(NAME_SUFFIX)}"


def full_name(rng: random.Random) -> str:
    """A new contact's name: mostly first + last, sometimes a middle initial or a title."""
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    r = rng.random()
    if r < 0.7:
        return f"{first} {last}"
    if r < 0.8:
        return f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {last}"
    if r < 0.88:
        return f"{rng.choice(PRO_TITLES)} {first} {last}"
    if r < 0.95:
        return first
    return f"{first} {last}-{rng.choice(LAST_NAMES)}"


EMAIL_DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com",
                 "proton.me", "aol.com", "live.com", "me.com", "fastmail.com", "acme.com",
                 "contoso.com", "example.org", "company.co", "startup.io", "university.edu",
                 "law-firm.com", "clinic.org", "school.k12.ca.us", "mail.co.uk", "web.de",
                 "orange.fr", "gmx.net", "studio.design", "agency.co"]
EMAIL_ROLES = ["info", "support", "hr", "billing", "sales", "hello", "contact", "team",
               "admin", "careers", "orders", "press", "office", "frontdesk", "noreply-replies"]


def _ascii_slug(s: str) -> str:
    table = str.maketrans("éèêëáàâäíïóöôúüñçøå", "eeeeaaaaiiooouuncoa")
    return re.sub(r"[^a-z]", "", s.lower().translate(table))


def email_address(rng: random.Random) -> str:
    first, last = _ascii_slug(rng.choice(FIRST_NAMES)), _ascii_slug(rng.choice(LAST_NAMES))
    domain = rng.choice(EMAIL_DOMAINS)
    r = rng.random()
    if r < 0.3:
        local = f"{first}.{last}"
    elif r < 0.45:
        local = f"{first[0]}{last}"
    elif r < 0.6:
        local = f"{first}{last}{rng.randint(1, 99)}"
    elif r < 0.7:
        local = f"{first}_{last}"
    elif r < 0.8:
        local = first + str(rng.choice([1985, 1990, 1993, 1999, 2001, 7, 22, 88, 123]))
    elif r < 0.9:
        local = rng.choice(EMAIL_ROLES)
    else:
        local = f"{last}.{first[0]}"
    return f"{local}@{domain}"


# ---- places ----------------------------------------------------------------------------------

US_CITIES = [
    ("New York", "NY"), ("Los Angeles", "CA"), ("Chicago", "IL"), ("Houston", "TX"),
    ("Phoenix", "AZ"), ("Philadelphia", "PA"), ("San Antonio", "TX"), ("San Diego", "CA"),
    ("Dallas", "TX"), ("Austin", "TX"), ("San Jose", "CA"), ("Jacksonville", "FL"),
    ("Columbus", "OH"), ("Charlotte", "NC"), ("Indianapolis", "IN"), ("San Francisco", "CA"),
    ("Seattle", "WA"), ("Denver", "CO"), ("Washington", "DC"), ("Boston", "MA"),
    ("Nashville", "TN"), ("Detroit", "MI"), ("Portland", "OR"), ("Las Vegas", "NV"),
    ("Memphis", "TN"), ("Louisville", "KY"), ("Baltimore", "MD"), ("Milwaukee", "WI"),
    ("Albuquerque", "NM"), ("Tucson", "AZ"), ("Fresno", "CA"), ("Sacramento", "CA"),
    ("Kansas City", "MO"), ("Atlanta", "GA"), ("Miami", "FL"), ("Raleigh", "NC"),
    ("Omaha", "NE"), ("Minneapolis", "MN"), ("Tulsa", "OK"), ("New Orleans", "LA"),
    ("Cleveland", "OH"), ("Tampa", "FL"), ("Honolulu", "HI"), ("Anchorage", "AK"),
    ("Pittsburgh", "PA"), ("Cincinnati", "OH"), ("St. Louis", "MO"), ("Salt Lake City", "UT"),
    ("Boise", "ID"), ("Madison", "WI"), ("Burlington", "VT"), ("Portland", "ME"),
    ("Savannah", "GA"), ("Asheville", "NC"), ("Santa Fe", "NM"), ("Palo Alto", "CA"),
    ("Oakland", "CA"), ("Berkeley", "CA"), ("Ann Arbor", "MI"), ("Boulder", "CO"),
    ("Spokane", "WA"), ("Des Moines", "IA"), ("Buffalo", "NY"), ("Orlando", "FL"),
    ("Charleston", "SC"), ("Richmond", "VA"), ("Providence", "RI"), ("Hartford", "CT"),
]
WORLD_CITIES = [
    ("London", "UK"), ("Paris", "France"), ("Berlin", "Germany"), ("Madrid", "Spain"),
    ("Rome", "Italy"), ("Amsterdam", "Netherlands"), ("Lisbon", "Portugal"),
    ("Dublin", "Ireland"), ("Vienna", "Austria"), ("Prague", "Czech Republic"),
    ("Warsaw", "Poland"), ("Stockholm", "Sweden"), ("Oslo", "Norway"), ("Copenhagen", "Denmark"),
    ("Helsinki", "Finland"), ("Athens", "Greece"), ("Istanbul", "Turkey"), ("Cairo", "Egypt"),
    ("Nairobi", "Kenya"), ("Lagos", "Nigeria"), ("Cape Town", "South Africa"),
    ("Marrakech", "Morocco"), ("Dubai", "UAE"), ("Tel Aviv", "Israel"), ("Mumbai", "India"),
    ("Delhi", "India"), ("Bangalore", "India"), ("Chennai", "India"), ("Karachi", "Pakistan"),
    ("Dhaka", "Bangladesh"), ("Bangkok", "Thailand"), ("Singapore", "Singapore"),
    ("Kuala Lumpur", "Malaysia"), ("Jakarta", "Indonesia"), ("Manila", "Philippines"),
    ("Hanoi", "Vietnam"), ("Ho Chi Minh City", "Vietnam"), ("Hong Kong", "China"),
    ("Shanghai", "China"), ("Beijing", "China"), ("Taipei", "Taiwan"), ("Seoul", "South Korea"),
    ("Busan", "South Korea"), ("Tokyo", "Japan"), ("Osaka", "Japan"), ("Kyoto", "Japan"),
    ("Sydney", "Australia"), ("Melbourne", "Australia"), ("Brisbane", "Australia"),
    ("Auckland", "New Zealand"), ("Toronto", "Canada"), ("Vancouver", "Canada"),
    ("Montreal", "Canada"), ("Calgary", "Canada"), ("Mexico City", "Mexico"),
    ("Guadalajara", "Mexico"), ("Bogotá", "Colombia"), ("Lima", "Peru"),
    ("Santiago", "Chile"), ("Buenos Aires", "Argentina"), ("São Paulo", "Brazil"),
    ("Rio de Janeiro", "Brazil"), ("Reykjavik", "Iceland"), ("Edinburgh", "Scotland"),
    ("Manchester", "UK"), ("Munich", "Germany"), ("Barcelona", "Spain"), ("Zurich", "Switzerland"),
]
LANDMARKS = [
    "Yosemite National Park", "Lake Tahoe", "the Grand Canyon", "Yellowstone", "Mount Rainier",
    "Zion National Park", "Big Sur", "Cape Cod", "the Outer Banks", "Niagara Falls",
    "Central Park", "Golden Gate Park", "Disneyland", "Times Square", "the Jersey Shore",
    "Napa Valley", "the Florida Keys", "Mammoth Mountain", "Joshua Tree", "Acadia National Park",
]
US_ZIPS = ["10001", "94103", "60614", "02139", "98101", "30303", "73301", "33101", "80202",
           "19104", "90210", "94301", "20500", "48201", "55401", "85004", "97205", "84101"]


def city(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.45:
        name, state = rng.choice(US_CITIES)
        return rng.choice([name, name, f"{name}, {state}"])
    if r < 0.85:
        name, country = rng.choice(WORLD_CITIES)
        return rng.choice([name, name, f"{name}, {country}"])
    return rng.choice(LANDMARKS)


def weather_location(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.82:
        return city(rng)
    if r < 0.94:
        return rng.choice(US_ZIPS) if rng.random() < 0.5 else \
            f"{rng.randint(10, 99)}{rng.randint(100, 999)}"
    return rng.choice(["Paris, Texas", "Springfield, Illinois", "Portland, Oregon",
                       "Cambridge, UK", "Vancouver, Washington", "Birmingham, Alabama"])


STREET_NAMES = ["Main", "Oak", "Maple", "Pine", "Cedar", "Elm", "Washington", "Lake", "Hill",
                "Park", "Sunset", "Broadway", "Market", "Mission", "Valencia", "Lincoln",
                "Jefferson", "Madison", "Franklin", "Highland", "Church", "Spring", "River",
                "Willow", "Chestnut", "Walnut", "Mill", "Ocean", "Harbor", "College",
                "University", "5th", "3rd", "42nd", "Forest", "Meadow", "Glenwood", "Kingsley"]
STREET_TYPES = ["Street", "St", "Avenue", "Ave", "Road", "Rd", "Boulevard", "Blvd", "Drive",
                "Dr", "Lane", "Way", "Court", "Place", "Terrace", "Parkway"]
PLACES = [
    "the airport", "the train station", "the office", "the mall", "downtown", "the gym",
    "the hospital", "the library", "the beach", "the stadium", "the university",
    "the nearest gas station", "the closest charging station", "the nearest Starbucks",
    "the nearest Costco", "Target", "Walmart", "Whole Foods", "Trader Joe's", "Home Depot",
    "IKEA", "the zoo", "the museum", "city hall", "the post office", "the pharmacy",
    "the DMV", "the bus station", "the ferry terminal", "the farmers market", "the park",
    "the kids' school", "grandma's house", "the vet", "the dentist", "the movie theater",
    "the convention center", "the pier", "the hotel", "the waterfront",
    "JFK Airport", "LAX", "SFO", "O'Hare", "Heathrow", "Union Station", "Penn Station",
    "Grand Central", "the Golden Gate Bridge", "the Space Needle", "Fisherman's Wharf",
    "Pike Place Market", "the Empire State Building", "Millennium Park", "the Alamo",
    "Stanford University", "UCLA", "Harvard Square", "Dodger Stadium", "Fenway Park",
    "Madison Square Garden", "Navy Pier", "the Louvre", "Shibuya Station", "Oxford Circus",
]
PLACE_TEMPLATES = ["{person}'s house", "{person}'s place", "{business} on {street} {stype}",
                   "the {business} on {street}", "{city} airport", "downtown {city}"]
BUSINESSES = ["Starbucks", "Chipotle", "CVS", "Walgreens", "Safeway", "Kroger", "Costco",
              "Best Buy", "the Shell station", "the Chevron", "McDonald's", "Panera",
              "the public library", "the Hilton", "the Marriott", "Planet Fitness"]


def street_address(rng: random.Random) -> str:
    number = rng.choice([rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 9999)])
    street = f"{number} {rng.choice(STREET_NAMES)} {rng.choice(STREET_TYPES)}"
    r = rng.random()
    if r < 0.35:
        return street
    name, state = rng.choice(US_CITIES)
    if r < 0.75:
        return f"{street}, {name}"
    if r < 0.9:
        return f"{street}, {name}, {state}"
    return f"{street}, {name}, {state} {rng.randint(10000, 99999)}"


def place(rng: random.Random) -> str:
    """A route end: an address, a landmark, a business, a city, "home"."""
    r = rng.random()
    if r < 0.3:
        return street_address(rng)
    if r < 0.55:
        return rng.choice(PLACES)
    if r < 0.7:
        return city(rng)
    if r < 0.82:
        return rng.choice(["home", "work", "my office", "school", "my place", "the house"])
    tpl = rng.choice(PLACE_TEMPLATES)
    return tpl.format(person=rng.choice(FIRST_NAMES), business=rng.choice(BUSINESSES),
                      street=rng.choice(STREET_NAMES), stype=rng.choice(STREET_TYPES),
                      city=rng.choice(US_CITIES)[0])


# ---- messages, mail, events ------------------------------------------------------------------

ITEMS = ["milk", "eggs", "bread", "some coffee", "dog food", "paper towels", "bananas",
         "diapers", "a birthday card", "my prescription", "the dry cleaning", "pizza",
         "some wine", "ice", "batteries", "toilet paper", "a cake", "cat litter", "lemons",
         "tortillas", "rice", "the package", "flowers", "sunscreen"]
MEALS = ["lunch", "dinner", "brunch", "coffee", "drinks", "breakfast", "tacos", "sushi",
         "pizza", "ramen", "a bite"]
DAYS = ["today", "tomorrow", "tonight", "this weekend", "on Monday", "on Tuesday",
        "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday", "next week",
        "later", "this afternoon", "tomorrow night", "Friday night"]
CLOCKS = ["5", "6", "7", "7:30", "8", "noon", "6:15", "9", "10", "3 pm", "4:30", "8 pm",
          "half past six", "around 7", "quarter to 9"]
PEOPLE_REF = ["the kids", "Grandma", "the dog", "your mom", "my parents", "the team",
              "everyone", "Jake", "Sophie", "the neighbors"]
OPENERS = ["", "", "", "", "hey, ", "hi! ", "Hey ", "ok ", "so ", "btw ", "FYI ", "quick q: ",
           "sorry, ", "hey hon, ", "good morning! ", "yo "]
CLOSERS = ["", "", "", "", " :)", " thanks!", " thx", " love you", " xo", " ok?", "!",
           " lol", " 🙂", ".", " see you soon", " no rush"]
MESSAGE_BODIES = [
    "I'm running {n} minutes late", "running late, be there in {n}",
    "stuck in traffic, be there in about {n} minutes", "on my way", "omw",
    "I'm outside", "just landed", "landed safely", "I'm home", "leaving now",
    "can you pick up {item} on your way home?", "please grab {item} from the store",
    "don't forget {item}", "did you remember {item}?", "we're out of {item}",
    "want to get {meal} {day}?", "let's grab {meal} {day}", "are we still on for {meal}?",
    "dinner is ready", "dinner's at {clock}", "I'll be home by {clock}",
    "meet me at {place} at {clock}", "meet you at {place}", "I'm at {place}",
    "the meeting got moved to {clock}", "can we reschedule to {day}?",
    "can you call me when you get a chance?", "call me back please",
    "call me when you land", "text me when you get there", "where are you?",
    "what time should I come over?", "happy birthday!", "happy birthday {first}!",
    "congrats on the new job!", "good luck on your exam today", "thanks for {thanks}",
    "thank you so much for {thanks}", "I love you", "miss you", "good night",
    "did you feed {pet}?", "can you walk the dog {day}?", "I left my {thing} at your place",
    "have you seen my {thing}?", "don't wait up", "I'll call you {day}",
    "the door code is {digits}", "my flight is delayed by {n} minutes",
    "can you pick up {people} at {clock}?", "I can't make it {day}, sorry",
    "see you {day}", "the game starts at {clock}", "I'm at the store, need anything?",
    "just checking in, how are you feeling?", "the package arrived", "ok sounds good",
    "yes that works for me", "no worries", "be careful driving", "I'll be there in {n}",
    "the wifi password is {word}{digits}", "running to the pharmacy, back in {n}",
    "kids are asleep", "I booked the table for {clock}", "bring a jacket, it's cold",
]
PETS = ["the dog", "the cat", "Max", "Luna", "the fish", "Biscuit", "the kittens"]
THINGS = ["keys", "charger", "wallet", "umbrella", "sunglasses", "jacket", "headphones",
          "water bottle", "laptop", "glasses", "blue scarf"]
THANKS = ["dinner", "the ride", "the gift", "your help today", "the flowers",
          "watching the kids", "yesterday", "everything", "the birthday wishes"]
WORDS = ["sunflower", "blueberry", "tiger", "maple", "rocket", "pancake", "ocean"]


def message_text(rng: random.Random) -> str:
    body = rng.choice(MESSAGE_BODIES).format(
        n=rng.choice([5, 10, 15, 20, 25, 30, 45]), item=rng.choice(ITEMS),
        meal=rng.choice(MEALS), day=rng.choice(DAYS), clock=rng.choice(CLOCKS),
        place=rng.choice(PLACES + BUSINESSES), first=rng.choice(FIRST_NAMES),
        thanks=rng.choice(THANKS), pet=rng.choice(PETS), thing=rng.choice(THINGS),
        people=rng.choice(PEOPLE_REF), digits=rng.randint(1000, 9999), word=rng.choice(WORDS))
    text = rng.choice(OPENERS) + body
    closer = rng.choice(CLOSERS)
    if closer and body[-1] in "?!." and closer in ("!", "."):
        closer = ""
    text += closer
    if rng.random() < 0.4:
        text = text[0].upper() + text[1:]
    return text.strip()


SUBJECT_TOPICS = ["the quarterly report", "the budget", "next week's meeting", "the contract",
                  "the project timeline", "the offsite", "the invoice", "the design review",
                  "the lease", "our trip", "the wedding", "the school fundraiser",
                  "the job application", "the presentation", "the launch", "Friday's dinner"]
SUBJECTS = [
    "Meeting notes", "Quick question", "Follow up", "Invoice #{n}", "Re: {topic}",
    "Update on {topic}", "Question about {topic}", "Q{q} report", "Vacation request",
    "Dinner on {weekday}?", "Happy birthday!", "Thank you", "Weekly update",
    "Schedule change", "Project {proj} status", "Draft for review", "Order #{n}",
    "Reminder: {topic}", "Photos from the weekend", "Rent for {month}", "Sick day",
    "Interview follow-up", "Welcome aboard", "Tickets for {weekday}", "Happy anniversary",
    "Lunch {weekday}", "Notes from today's call", "Proposal", "Urgent: {topic}",
    "{month} newsletter", "Can we talk?", "Carpool this week", "Expense report",
]
PROJECTS = ["Apollo", "Phoenix", "Atlas", "Horizon", "Nova", "Falcon", "Orion", "Zephyr"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def email_subject(rng: random.Random) -> str:
    subject = rng.choice(SUBJECTS).format(
        n=rng.randint(1000, 99999), topic=rng.choice(SUBJECT_TOPICS), q=rng.randint(1, 4),
        weekday=rng.choice(WEEKDAYS), proj=rng.choice(PROJECTS), month=rng.choice(MONTHS))
    return subject if rng.random() < 0.7 else subject.lower()


EMAIL_BODIES = [
    "please find the {doc} attached", "can we move our meeting to {weekday} at {clock}?",
    "I'll send the {doc} by end of day", "thanks for your help with {topic}",
    "just following up on {topic}, any updates?", "I won't be in the office {day}",
    "the {doc} looks good to me, let's go ahead", "could you review the {doc} before {weekday}?",
    "running late today, I'll join the call at {clock}", "I'm out sick today",
    "looking forward to seeing you {day}", "let me know if {weekday} works for you",
    "the payment of ${amount} was sent this morning", "can you confirm the order?",
    "we need to reschedule {topic}", "great job on {topic}, thank you",
    "the kids have a half day on {weekday}", "I'd like to request {n} days off in {month}",
    "attached are the photos from the weekend", "here's the link to the {doc}",
]
DOCS = ["report", "slides", "contract", "spreadsheet", "proposal", "draft", "invoice",
        "budget", "agenda", "minutes", "itinerary", "resume"]
GREETINGS = ["", "", "Hi {first}, ", "Hello {first}, ", "Dear {first}, ", "Hey {first}, ",
             "Hi team, ", "Hi all, "]
SIGNOFFS = ["", "", ". Thanks", ". Best, {me}", ". Cheers", ". Regards, {me}",
            ", thanks!", ". Talk soon"]


def email_body(rng: random.Random) -> str:
    fill = dict(doc=rng.choice(DOCS), weekday=rng.choice(WEEKDAYS), clock=rng.choice(CLOCKS),
                topic=rng.choice(SUBJECT_TOPICS), day=rng.choice(DAYS),
                amount=rng.choice([45, 120, 250, 1200, 89.99]), n=rng.randint(2, 10),
                month=rng.choice(MONTHS))
    parts = [rng.choice(EMAIL_BODIES).format(**fill)]
    if rng.random() < 0.3:
        parts.append(rng.choice(EMAIL_BODIES).format(**fill))
    body = parts[0]
    for part in parts[1:]:
        body += (" " if body[-1] in ".?!" else ". ") + part[0].upper() + part[1:]
    greeting = rng.choice(GREETINGS).format(first=rng.choice(FIRST_NAMES))
    if greeting:
        body = greeting + body
    signoff = rng.choice(SIGNOFFS).format(me=rng.choice(FIRST_NAMES))
    if signoff and body[-1] in ".?!":
        signoff = " " + signoff.lstrip(".,").strip()
        signoff = signoff[0] + signoff[1].upper() + signoff[2:]
    body += signoff
    return body[0].upper() + body[1:] if rng.random() < 0.6 else body


EVENT_TITLES = [
    "Dentist appointment", "Doctor's appointment", "Team standup", "Team meeting",
    "Lunch with {first}", "Dinner with {first}", "Coffee with {first}", "1:1 with {first}",
    "{first}'s birthday party", "Parent-teacher conference", "Yoga class", "Haircut",
    "Book club", "Soccer practice", "Piano lesson", "{proj} review", "{proj} kickoff",
    "Flight to {city}", "Date night", "Gym", "Study group", "Job interview",
    "Interview with {first} {last}", "Vet appointment", "Car service", "Oil change",
    "Physical therapy", "Sprint planning", "Quarterly review", "All hands", "Board meeting",
    "Client call with {company}", "Call with {first}", "Pick up {first}", "Movie night",
    "Brunch with the girls", "Poker night", "Wedding rehearsal", "Volunteer shift",
    "Swim lessons", "Therapy", "Date with {first}", "Guitar lesson", "Team lunch",
    "Farmers market", "Budget meeting", "Design review", "Performance review",
    "{first} and {first2}'s wedding", "Concert", "Basketball game", "Open house",
]
COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries", "Wayne Corp",
             "Pied Piper", "Contoso", "Northwind", "Soylent", "Vandelay Industries"]


def event_title(rng: random.Random) -> str:
    title = rng.choice(EVENT_TITLES).format(
        first=rng.choice(FIRST_NAMES), first2=rng.choice(FIRST_NAMES),
        last=rng.choice(LAST_NAMES), proj=rng.choice(PROJECTS),
        city=rng.choice(US_CITIES + WORLD_CITIES)[0], company=rng.choice(COMPANIES))
    return title if rng.random() < 0.65 else title[0].lower() + title[1:]


# ---- topics, media ----------------------------------------------------------------------------

NEWS_TOPICS = [
    "climate change", "the stock market", "AI", "artificial intelligence", "the election",
    "interest rates", "inflation", "electric vehicles", "space exploration", "NASA", "SpaceX",
    "the Olympics", "the World Cup", "the Super Bowl", "the NBA playoffs", "cryptocurrency",
    "Bitcoin", "the housing market", "tech layoffs", "cybersecurity", "renewable energy",
    "the economy", "healthcare", "immigration", "education", "wildfires", "hurricanes",
    "the Federal Reserve", "gas prices", "the job market", "video games", "Hollywood",
    "the Oscars", "Formula 1", "Premier League", "Taylor Swift", "quantum computing",
    "self-driving cars", "the Mars mission", "vaccines", "public health", "the supreme court",
    "student loans", "travel", "college football", "the Grammys", "smartphones", "streaming",
]
NEWS_PATTERNS = ["{company} earnings", "{company} stock", "elections in {country}",
                 "the {country} economy", "{city} local politics", "{city} traffic", "{team}",
                 "{team} game",
                 "{topic} in {country}", "{person}", "{company}'s new {product}",
                 "{topic} policy", "{sport} scores"]
NEWS_COMPANIES = ["Apple", "Google", "Microsoft", "Tesla", "Amazon", "Nvidia", "Meta",
                  "OpenAI", "Netflix", "Boeing", "Samsung", "Toyota", "Disney", "Intel"]
COUNTRIES = ["France", "Germany", "India", "Brazil", "Japan", "Mexico", "Canada", "the UK",
             "Australia", "South Africa", "Nigeria", "Kenya", "Ukraine", "Argentina", "Korea",
             "Italy", "Spain", "Egypt", "Indonesia", "China"]
TEAMS = ["the Lakers", "the Warriors", "the Yankees", "the Dodgers", "the Patriots",
         "the Cowboys", "the 49ers", "the Chiefs", "the Red Sox", "Real Madrid", "Arsenal",
         "Manchester United", "Barcelona", "the Celtics", "the Knicks", "the Packers",
         "the Seahawks", "Liverpool", "the Cubs", "the Eagles"]
PUBLIC_FIGURES = ["Elon Musk", "LeBron James", "Serena Williams", "Beyoncé", "Greta Thunberg",
                  "Lionel Messi", "Jeff Bezos", "Oprah", "the Pope", "Bill Gates"]
PRODUCTS = ["phone", "chip", "headset", "car", "model", "laptop", "console", "app"]
SPORTS = ["NFL", "NBA", "MLB", "NHL", "soccer", "tennis", "cricket", "golf", "MLS"]


def news_topic(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(NEWS_TOPICS)
    return rng.choice(NEWS_PATTERNS).format(
        company=rng.choice(NEWS_COMPANIES), country=rng.choice(COUNTRIES),
        city=rng.choice(US_CITIES + WORLD_CITIES)[0], team=rng.choice(TEAMS),
        topic=rng.choice(NEWS_TOPICS), person=rng.choice(PUBLIC_FIGURES),
        product=rng.choice(PRODUCTS), sport=rng.choice(SPORTS))


ARTISTS = [
    "Taylor Swift", "Ed Sheeran", "Beyoncé", "Drake", "Adele", "The Beatles", "Queen",
    "Billie Eilish", "Kendrick Lamar", "Bad Bunny", "BTS", "Coldplay", "Radiohead",
    "Fleetwood Mac", "Miles Davis", "Norah Jones", "Daft Punk", "Dua Lipa", "Bruno Mars",
    "Harry Styles", "Olivia Rodrigo", "The Weeknd", "SZA", "Rihanna", "Frank Ocean",
    "Arctic Monkeys", "Imagine Dragons", "Led Zeppelin", "Pink Floyd", "Nirvana",
    "Johnny Cash", "Dolly Parton", "Luke Combs", "Morgan Wallen", "Shakira", "Karol G",
    "Rosalía", "Stevie Wonder", "Michael Jackson", "Whitney Houston", "Bob Marley",
    "Elton John", "Lady Gaga", "Sabrina Carpenter", "Chappell Roan", "Hozier", "Lizzo",
    "Post Malone", "Travis Scott", "Eminem", "Kanye West", "Ariana Grande", "Lana Del Rey",
    "Vampire Weekend", "Tame Impala", "Mumford & Sons", "The Rolling Stones", "ABBA",
    "Bach", "Beethoven", "Mozart", "Chopin", "Hans Zimmer", "Ludovico Einaudi", "Yo-Yo Ma",
]
SONGS = [
    "Bohemian Rhapsody", "Shape of You", "Blinding Lights", "Anti-Hero", "Hotel California",
    "Imagine", "Hey Jude", "Billie Jean", "Rolling in the Deep", "Uptown Funk", "Bad Guy",
    "Levitating", "As It Was", "Flowers", "Cruel Summer", "Smells Like Teen Spirit",
    "Sweet Child O' Mine", "Stairway to Heaven", "Wonderwall", "Yesterday", "Let It Be",
    "Dancing Queen", "Hallelujah", "Clair de Lune", "Take Five", "So What", "Jolene",
    "Africa", "Mr. Brightside", "Don't Stop Believin'", "Thriller", "Espresso",
    "Good 4 U", "drivers license", "Watermelon Sugar", "Someone Like You", "Halo",
    "Despacito", "Gasolina", "Single Ladies", "Viva La Vida", "Fix You", "Yellow",
    "Time", "Purple Rain", "Here Comes the Sun", "Moon River", "Fly Me to the Moon",
    "Redbone", "HUMBLE.", "Lose Yourself", "Hey Ya!", "Take On Me", "Creep", "Hurt",
]
SONG_BY = [
    "Bohemian Rhapsody by Queen", "Shape of You by Ed Sheeran", "Blinding Lights by The Weeknd",
    "Anti-Hero by Taylor Swift", "Hotel California by the Eagles", "Imagine by John Lennon",
    "Hey Jude by The Beatles", "Billie Jean by Michael Jackson", "Rolling in the Deep by Adele",
    "Uptown Funk by Bruno Mars", "Bad Guy by Billie Eilish", "Levitating by Dua Lipa",
    "As It Was by Harry Styles", "Flowers by Miley Cyrus", "Cruel Summer by Taylor Swift",
    "Jolene by Dolly Parton", "Espresso by Sabrina Carpenter", "drivers license by Olivia Rodrigo",
    "Halo by Beyoncé", "Despacito by Luis Fonsi", "Viva La Vida by Coldplay",
    "Purple Rain by Prince", "HUMBLE. by Kendrick Lamar", "Lose Yourself by Eminem",
    "Hey Ya! by OutKast", "Take On Me by a-ha", "Creep by Radiohead",
    "Mr. Brightside by The Killers", "Africa by Toto", "Wonderwall by Oasis",
    "Clair de Lune by Debussy", "Take Five by Dave Brubeck", "Dancing Queen by ABBA",
    "Redbone by Childish Gambino", "Hurt by Johnny Cash", "Good 4 U by Olivia Rodrigo",
    "Watermelon Sugar by Harry Styles", "Someone Like You by Adele", "Fix You by Coldplay",
    "Smells Like Teen Spirit by Nirvana", "Stairway to Heaven by Led Zeppelin",
]
ALBUMS = ["Abbey Road", "Thriller", "Rumours", "1989", "Midnights", "Folklore", "25",
          "Random Access Memories", "Kind of Blue", "OK Computer", "Dark Side of the Moon",
          "Back in Black", "Lemonade", "DAMN.", "Un Verano Sin Ti", "Harry's House",
          "Renaissance", "SOUR", "Nevermind", "Blue", "Currents"]
GENRES = ["jazz", "lo-fi", "classical", "country", "hip hop", "indie rock", "k-pop", "reggae",
          "blues", "EDM", "house", "ambient", "bossa nova", "metal", "R&B", "salsa",
          "Latin pop", "80s rock", "90s hip hop", "acoustic", "piano", "soul", "funk", "punk"]
MOODS = ["chill", "relaxing", "upbeat", "workout", "focus", "sleep", "dinner party",
         "rainy day", "road trip", "study", "morning", "feel good", "sad", "party"]
MUSIC_PATTERNS = ["{song}", "{song}", "{artist}", "{artist}", "{song_by}", "{song_by}",
                  "the album {album}", "{album}", "{mood} {genre}",
                  "{genre} music", "{mood} {genre} playlist", "my {mood} playlist",
                  "{artist} radio", "{artist}'s greatest hits", "the latest {artist} album",
                  "Discover Weekly", "Today's Top Hits", "{genre} for {mood2}",
                  "top 40", "my liked songs", "{artist} and {artist2}"]


def music_name(rng: random.Random) -> str:
    return rng.choice(MUSIC_PATTERNS).format(
        song=rng.choice(SONGS), artist=rng.choice(ARTISTS), artist2=rng.choice(ARTISTS),
        song_by=rng.choice(SONG_BY), album=rng.choice(ALBUMS), genre=rng.choice(GENRES),
        mood=rng.choice(MOODS),
        mood2=rng.choice(["studying", "sleeping", "cooking", "running", "working", "relaxing"]))


MUSIC_SERVICES = ["Spotify", "Spotify", "Spotify", "YouTube Music", "YouTube Music",
                  "Apple Music", "Apple Music", "Amazon Music", "Pandora", "Deezer", "Tidal",
                  "SoundCloud", "iHeartRadio", "TuneIn", "Audible", "YouTube", "Qobuz",
                  "Napster", "Google Play Music", "Bandcamp", "SiriusXM", "Plex",
                  "spotify", "youtube music", "Youtube Music", "Amazon Prime Music"]
VIDEO_SERVICES = ["YouTube", "YouTube", "YouTube", "Netflix", "Netflix", "Netflix", "Hulu",
                  "Disney+", "Disney Plus", "Prime Video", "Amazon Prime", "HBO Max", "Max",
                  "Peacock", "Paramount+", "Apple TV+", "Apple TV", "Twitch", "Vimeo", "Plex",
                  "Crunchyroll", "Tubi", "Pluto TV", "YouTube Kids", "YouTube TV", "netflix",
                  "youtube", "PBS Kids", "Sling"]
SHOWS = [
    "Stranger Things", "The Office", "Friends", "Breaking Bad", "The Crown", "Bluey",
    "The Mandalorian", "Ted Lasso", "The Last of Us", "Wednesday", "Squid Game",
    "Bridgerton", "The Bear", "Succession", "Game of Thrones", "House of the Dragon",
    "Planet Earth", "Our Planet", "Cocomelon", "Peppa Pig", "Paw Patrol", "Severance",
    "The Great British Bake Off", "Seinfeld", "Brooklyn Nine-Nine", "Parks and Recreation",
    "The Simpsons", "Rick and Morty", "Avatar: The Last Airbender", "One Piece",
    "Grey's Anatomy", "The Boys", "Only Murders in the Building", "Abbott Elementary",
    "Shōgun", "Fallout", "Arcane", "Yellowstone", "The Witcher", "Queer Eye",
]
MOVIES = [
    "Inception", "The Dark Knight", "Frozen", "Moana", "Toy Story", "Finding Nemo",
    "The Lion King", "Encanto", "Dune", "Dune: Part Two", "Oppenheimer", "Barbie",
    "Top Gun: Maverick", "Everything Everywhere All at Once", "Spirited Away",
    "My Neighbor Totoro", "The Godfather", "Pulp Fiction", "Interstellar", "Coco",
    "Inside Out 2", "Spider-Man: Into the Spider-Verse", "Jurassic Park", "Shrek",
    "The Princess Bride", "Back to the Future", "Home Alone", "Elf", "Mean Girls",
    "The Matrix", "Parasite", "La La Land", "Knives Out", "Black Panther",
]
VIDEO_PATTERNS = ["{show}", "{show}", "{movie}", "{movie}", "{show} season {s}",
                  "{show} season {s} episode {e}", "the latest episode of {show}",
                  "the new season of {show}", "{topic} documentary", "{artist} live",
                  "{artist} concert", "how to {skill}", "{team} highlights",
                  "{dish} recipe", "{mood} music video", "{game} gameplay",
                  "the {movie} trailer", "{exercise} workout"]
SKILLS = ["tie a tie", "make sourdough bread", "change a tire", "fold a fitted sheet",
          "play guitar", "solve a Rubik's cube", "knit a scarf", "fix a leaky faucet",
          "draw a cat", "do a cartwheel", "make pad thai", "jump start a car",
          "braid hair", "paint a room", "meditate", "build a birdhouse", "code in Python",
          "unclog a drain", "make cold brew", "learn Spanish", "do a pull up"]
DISHES = ["lasagna", "chicken tikka masala", "banana bread", "pho", "tacos al pastor",
          "chocolate chip cookie", "ramen", "paella", "pancake", "guacamole", "bibimbap",
          "shakshuka", "butter chicken", "apple pie", "dumpling", "falafel"]
GAMES = ["Minecraft", "Fortnite", "Zelda", "Elden Ring", "Mario Kart", "Roblox",
         "Baldur's Gate 3", "Stardew Valley", "Among Us", "Pokémon", "Call of Duty"]
DOC_TOPICS = ["ocean", "space", "dinosaur", "World War II", "nature", "true crime",
              "food", "wildlife", "climate", "Roman Empire", "volcano", "penguin"]
EXERCISES = ["20 minute HIIT", "yoga", "ab", "beginner pilates", "30 minute cardio",
             "full body", "stretching", "kettlebell", "dance", "zumba", "7 minute"]


def video_name(rng: random.Random) -> str:
    return rng.choice(VIDEO_PATTERNS).format(
        show=rng.choice(SHOWS), movie=rng.choice(MOVIES), s=rng.randint(1, 6),
        e=rng.randint(1, 12), topic=rng.choice(DOC_TOPICS), artist=rng.choice(ARTISTS),
        skill=rng.choice(SKILLS), team=rng.choice(TEAMS), dish=rng.choice(DISHES),
        mood=rng.choice(["relaxing", "funny", "90s", "classic"]), game=rng.choice(GAMES),
        exercise=rng.choice(EXERCISES))


YOUTUBE_PATTERNS = ["how to {skill}", "how to {skill}", "{dish} recipe", "{dish} recipe",
                    "{game} walkthrough", "{game} tips", "{topic} documentary",
                    "{artist} live", "{song_by}", "{song} lyrics", "{song} cover",
                    "{team} highlights", "{exercise} workout", "funny {animal} fails",
                    "{animal} compilation", "{mood} music", "lofi hip hop", "{topic} explained",
                    "{product} review", "{city} travel vlog", "{show} bloopers",
                    "{movie} trailer", "{skill} tutorial", "best of {show}",
                    "{genre} mix", "unboxing the new {brand} {product}",
                    "{news}", "ted talk on {tedtopic}", "{instrument} lessons for beginners"]
ANIMALS = ["cat", "dog", "baby goat", "otter", "panda", "puppy", "parrot", "capybara", "duck"]
BRANDS = ["iPhone", "Pixel", "Galaxy", "MacBook", "Switch", "PS5", "Tesla", "GoPro",
          "Kindle", "Dyson"]
TED_TOPICS = ["procrastination", "happiness", "leadership", "public speaking", "sleep",
              "creativity", "vulnerability", "climate"]
INSTRUMENTS = ["guitar", "piano", "ukulele", "drum", "violin", "saxophone", "bass"]


def youtube_query(rng: random.Random) -> str:
    return rng.choice(YOUTUBE_PATTERNS).format(
        skill=rng.choice(SKILLS), dish=rng.choice(DISHES), game=rng.choice(GAMES),
        topic=rng.choice(DOC_TOPICS + NEWS_TOPICS[:20]), artist=rng.choice(ARTISTS),
        song=rng.choice(SONGS), song_by=rng.choice(SONG_BY).replace(" by ", " "),
        team=rng.choice(TEAMS), exercise=rng.choice(EXERCISES),
        animal=rng.choice(ANIMALS), mood=rng.choice(MOODS), product=rng.choice(BRANDS),
        city=rng.choice(US_CITIES + WORLD_CITIES)[0], show=rng.choice(SHOWS),
        movie=rng.choice(MOVIES), genre=rng.choice(GENRES), brand=rng.choice(NEWS_COMPANIES),
        news=news_topic(rng), tedtopic=rng.choice(TED_TOPICS),
        instrument=rng.choice(INSTRUMENTS))


AUDIO_DEVICES = [
    "AirPods", "AirPods Pro", "AirPods Max", "Galaxy Buds", "Galaxy Buds2 Pro", "Pixel Buds",
    "Sony WH-1000XM5", "Sony WF-1000XM4", "Bose QuietComfort 45", "Bose QC Earbuds",
    "Bose SoundLink", "JBL Flip 6", "JBL Charge 5", "JBL Tune 510BT", "Beats Studio Pro",
    "Powerbeats Pro", "Beats Solo 3", "Jabra Elite 85t", "Sennheiser Momentum 4",
    "Anker Soundcore", "UE Boom 3", "Marshall Emberton", "Sonos Roam", "Skullcandy Crusher",
    "Nothing Ear (2)", "OnePlus Buds", "Apple Watch", "Galaxy Watch", "Fitbit Charge 6",
    "Garmin Forerunner", "Logitech MX Keys", "Magic Keyboard", "Xbox controller",
    "PS5 controller", "Kindle", "Echo Dot", "Nest Audio", "Tile tracker",
]
DEVICE_PLACES = ["Living Room Speaker", "Kitchen Speaker", "Bedroom Speaker", "Car Audio",
                 "Car Kit", "Toyota Camry", "Honda CR-V", "Ford F-150", "Tesla Model 3",
                 "Uconnect", "SYNC", "My Car", "Office Headset", "Shower Speaker", "TV",
                 "Soundbar", "Garage Speaker", "Patio Speaker"]


def device_name(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.55:
        return rng.choice(AUDIO_DEVICES)
    if r < 0.75:
        owner = rng.choice(FIRST_NAMES + NICKNAMES)
        return f"{owner}'s {rng.choice(AUDIO_DEVICES)}"
    if r < 0.9:
        return rng.choice(DEVICE_PLACES)
    base = rng.choice(["JBL", "Bose", "Sony", "BT", "Beats", "LE-Bose", "Soundcore", "WH"])
    if rng.random() < 0.5:
        return f"{base}-{rng.randint(100, 999)}"
    return f"{base} {rng.choice(['Mini', 'Speaker', 'Buds', 'Headset', 'Go'])} {rng.randint(2, 9)}"


ALARM_LABELS = [
    "wake up", "gym", "work", "meds", "medicine", "pills", "school", "school run", "meeting",
    "standup", "nap", "laundry", "pick up the kids", "dentist", "workout", "yoga", "run",
    "bus", "train", "flight", "church", "soccer practice", "piano", "dinner", "bedtime",
    "walk the dog", "feed the cat", "trash day", "call Mom", "lunch", "prayer", "study",
    "morning run", "leave for work", "check the oven", "water the plants", "vitamins",
    "insulin", "pickup", "class", "shift", "coffee", "stretch", "wind down", "meditation",
]
LABEL_PATTERNS = ["{label}", "{label}", "{label}", "{first}'s {thing}", "call {first}",
                  "pick up {first}", "{thing} reminder", "{weekday} {thing}",
                  "leave for {place}"]
LABEL_THINGS = ["practice", "recital", "appointment", "game", "class", "meds", "bus",
                "lesson", "checkup", "playdate", "shift"]
TASKS = [
    "take my meds", "take my pills", "call Mom", "call {first}", "pick up the kids",
    "pick up {first}", "walk the dog", "feed the cat", "take out the trash",
    "check the oven", "move the car", "leave for work", "leave for the airport",
    "water the plants", "start dinner", "take the laundry out", "join the {thing} call",
    "go to the gym", "go for a run", "pay rent", "submit the report", "stretch",
    "drink some water", "take a break", "get ready for {thing}", "switch the laundry",
    "pick up my prescription", "log my hours", "put the kids to bed", "meditate",
]


def alarm_label(rng: random.Random) -> str:
    label = rng.choice(LABEL_PATTERNS).format(
        label=rng.choice(ALARM_LABELS), first=rng.choice(FIRST_NAMES),
        thing=rng.choice(LABEL_THINGS), weekday=rng.choice(WEEKDAYS),
        place=rng.choice(["work", "school", "the airport", "the station", "practice"]))
    return label if rng.random() < 0.8 else label[0].upper() + label[1:]


def alarm_task(rng: random.Random) -> str:
    return rng.choice(TASKS).format(first=rng.choice(FIRST_NAMES),
                                    thing=rng.choice(["team", "client", "budget", "morning",
                                                      "school", "work", "weekly"]))


FREE_TEXT: dict[str, Any] = {
    "contact_name": person_name, "name": full_name, "recipient": email_address,
    "message": message_text, "content": email_body, "location": weather_location,
    "origin": place, "destination": place, "device_name": device_name,
    "music_name": music_name, "music_service": lambda rng: rng.choice(MUSIC_SERVICES),
    "video_name": video_name, "video_service": lambda rng: rng.choice(VIDEO_SERVICES),
    "label": alarm_label, "label_task": alarm_task,
}


def free_text(rng: random.Random, function: str, param: str) -> str:
    """A free-text value for a parameter (function decides the bank where names clash)."""
    if param == "title":
        return email_subject(rng) if "mail" in function else event_title(rng)
    if param == "query":
        return youtube_query(rng) if "youtube" in function or "video" in function \
            else news_topic(rng)
    if param == "destination" and function == "navigate_to":
        return place(rng) if rng.random() < 0.85 else street_address(rng)
    sampler = FREE_TEXT.get(param)
    if sampler is not None:
        return str(sampler(rng))
    # An unknown free-text parameter: a plausible short phrase.
    return rng.choice([news_topic(rng), person_name(rng), place(rng), event_title(rng)])


# ---- enums -----------------------------------------------------------------------------------

# (function or None, param) -> canonical -> ways to say it (the canonical word first).
ENUM_WORDS: dict[tuple[str | None, str], dict[str, list[str]]] = {
    ("take_a_photo", "camera"): {
        "front": ["front", "front", "front-facing", "front facing", "selfie"],
        "back": ["back", "back", "rear", "rear-facing", "main", "back-facing"],
    },
    ("find_route_google_maps", "mode"): {
        "driving": ["driving", "driving", "car", "drive"],
        "walking": ["walking", "walking", "walk", "foot"],
        "bicycling": ["bicycling", "bike", "biking", "cycling", "bicycle", "bike"],
        "transit": ["transit", "transit", "public transit", "public transport", "bus",
                    "train", "subway"],
    },
    ("find_route_google_maps", "mode_by"): {
        "driving": ["by car", "driving", "in the car", "if I drive", "by car"],
        "walking": ["on foot", "walking", "by walking", "if I walk", "on foot"],
        "bicycling": ["by bike", "by bicycle", "cycling", "on my bike", "biking", "by bike"],
        "transit": ["by public transport", "by bus", "by train", "on transit", "by subway",
                    "using public transit", "taking the bus", "by transit"],
    },
    ("set_volume", "volume_type"): {
        "ring": ["ring", "ringer", "ringer", "ringtone", "call", "phone ring"],
        "media": ["media", "media", "music", "media playback", "video", "playback"],
        "alarm": ["alarm", "alarm", "alarms", "alarm clock"],
    },
    ("open_or_lock_door", "status"): {
        "open": ["open", "unlock", "unlock"],
        "lock": ["lock", "lock", "secure"],
    },
    (None, "zone"): {
        "driver": ["driver", "driver's", "driver side", "driver's side", "driver's seat"],
        "passenger": ["passenger", "passenger's", "passenger side", "passenger's side",
                      "front passenger"],
        "rear": ["rear", "back", "back seat", "rear seat", "rear passengers'", "backseat"],
    },
    ("adjust_seat_position", "seat"): {
        "driver": ["driver", "driver's", "driver side", "driver's side"],
        "passenger": ["passenger", "passenger's", "front passenger", "passenger side"],
    },
    ("adjust_seat_position", "position"): {
        "forward": ["forward", "forward", "forwards", "ahead"],
        "backward": ["backward", "back", "backwards", "back"],
        "up": ["up", "up", "upward", "higher"],
        "down": ["down", "down", "downward", "lower"],
    },
    ("control_window", "window"): {
        "front left": ["front left", "front left", "driver's", "driver", "driver side",
                       "left front", "front driver side"],
        "front right": ["front right", "front right", "passenger", "front passenger",
                        "passenger side", "right front", "passenger's"],
        "rear left": ["rear left", "rear left", "back left", "left rear", "left back",
                      "rear driver side"],
        "rear right": ["rear right", "rear right", "back right", "right rear", "right back",
                       "rear passenger side"],
    },
    ("control_window", "position"): {"up": ["up"], "down": ["down"]},
    ("operate_sunroof", "action"): {
        "open": ["open", "open"], "close": ["close", "close", "shut"],
        "tilt": ["tilt", "tilt", "vent"],
    },
    ("set_seat_heating", "seat"): {
        "driver": ["driver", "driver's", "driver side", "driver's side"],
        "passenger": ["passenger", "passenger's", "front passenger", "passenger side"],
        "rear left": ["rear left", "back left", "left rear", "rear driver side"],
        "rear right": ["rear right", "back right", "right rear", "rear passenger side"],
    },
}

LANGUAGES = LANGUAGE_NAMES


def enum_words(function: str, param: str) -> dict[str, list[str]] | None:
    return ENUM_WORDS.get((function, param)) or ENUM_WORDS.get((None, param))


# ---- times of day ----------------------------------------------------------------------------

def _h12(h: int) -> int:
    return h % 12 or 12


def _meridiem(rng: random.Random, h: int) -> str:
    return rng.choice(["am", "am", "a.m.", "AM", "a m"] if h < 12
                      else ["pm", "pm", "p.m.", "PM", "p m"])


def daypart(rng: random.Random, h: int) -> str:
    """"in the morning" / "in the afternoon" / "in the evening" / "at night" for an hour."""
    if 4 <= h < 12:
        return "in the morning"
    if 12 <= h < 17:
        return "in the afternoon"
    if 17 <= h < 21:
        return rng.choice(["in the evening", "in the evening", "tonight"]) if h >= 18 \
            else "in the evening"
    if h >= 21:
        return rng.choice(["at night", "in the evening", "tonight"]) if h == 21 \
            else rng.choice(["at night", "at night", "tonight"])
    return rng.choice(["at night", "in the morning"])  # 0..3


def _minute_words(rng: random.Random, m: int) -> str:
    if m == 0:
        return rng.choice(["", "", "o'clock"])
    if m < 10:
        return rng.choice(["oh ", "o "]) + _ONES[m]
    return number_words(m, hyphen=rng.random() < 0.3)


TIME_STYLES = ("digits", "compact", "h24", "words", "relative", "daypart")


def say_time(rng: random.Random, h: int, m: int, style: str | None = None) -> str:
    """A time of day as people say it; always unambiguous (am/pm, a daypart or 24 h)."""
    if style is None:
        style = rng.choices(TIME_STYLES, weights=[32, 12, 14, 18, 10, 14])[0]
    if (h, m) == (12, 0) and rng.random() < 0.6:
        return rng.choice(["noon", "12 noon", "midday", "12 pm", "twelve noon"])
    if (h, m) == (0, 0) and rng.random() < 0.7:
        return rng.choice(["midnight", "12 midnight", "12 am", "midnight"])
    h12 = _h12(h)
    if style == "h24":
        if rng.random() < 0.06:
            return f"{h:02d}{m:02d} hours"
        return f"{h:02d}:{m:02d}"
    if style == "compact":
        clock = f"{h12}:{m:02d}" if m or rng.random() < 0.3 else str(h12)
        return clock + _meridiem(rng, h).replace(" ", "").replace(".", "").lower()
    if style == "digits":
        clock = f"{h12}:{m:02d}" if m or rng.random() < 0.25 else str(h12)
        return f"{clock} {_meridiem(rng, h)}"
    if style == "daypart":
        if m == 0:
            clock = rng.choice([str(h12), number_words(h12), f"{number_words(h12)} o'clock",
                                f"{h12} o'clock"])
        else:
            clock = rng.choice([f"{h12}:{m:02d}",
                                f"{number_words(h12)} {_minute_words(rng, m)}".strip()])
        return f"{clock} {daypart(rng, h)}"
    if style == "relative" and m % 5 == 0 and m:
        return _say_relative(rng, h, m)
    # words (and relative fallback)
    minutes = _minute_words(rng, m)
    head = f"{number_words(h12)} {minutes}".strip()
    tail = _meridiem(rng, h) if rng.random() < 0.55 else daypart(rng, h)
    return f"{head} {tail}"


def _say_relative(rng: random.Random, h: int, m: int) -> str:
    """"half past seven in the evening", "quarter to six am", "ten past nine pm"."""
    if m <= 30:
        amount = {15: "quarter", 30: "half"}.get(m) or number_words(m)
        if m == 15 and rng.random() < 0.4:
            amount = "a quarter"
        hour_h, rel = h, "past"
    else:
        amount = "quarter" if m == 45 else number_words(60 - m)
        if m == 45 and rng.random() < 0.4:
            amount = "a quarter"
        hour_h, rel = (h + 1) % 24, "to"
    if hour_h == 12:  # "quarter to twelve pm" is ambiguous; "quarter to noon" is not
        hour = "noon"
    elif hour_h == 0:
        hour = "midnight"
    else:
        hour = number_words(_h12(hour_h)) if rng.random() < 0.8 else str(_h12(hour_h))
    text = f"{amount} {rel} {hour}"
    if hour in ("noon", "midnight"):
        return text
    # The part of day of the actual time (quarter to one pm = 12:45).
    tail = _meridiem(rng, h) if rng.random() < 0.45 else daypart(rng, h)
    return f"{text} {tail}"


def sample_clock(rng: random.Random, purpose: str = "alarm") -> tuple[int, int]:
    if purpose == "alarm":
        h = rng.choices(range(24), weights=[2, 1, 1, 1, 3, 8, 12, 12, 8, 5, 4, 3,
                                            4, 3, 3, 3, 3, 3, 4, 4, 4, 4, 3, 3])[0]
    else:  # events
        h = rng.choices(range(24), weights=[0, 0, 0, 0, 0, 0, 1, 3, 6, 8, 8, 7,
                                            7, 7, 7, 7, 6, 5, 6, 6, 4, 2, 1, 0])[0]
    r = rng.random()
    if r < 0.4:
        m = 0
    elif r < 0.6:
        m = 30
    elif r < 0.72:
        m = rng.choice([15, 45])
    elif r < 0.88:
        m = rng.choice(range(5, 60, 5))
    else:
        m = rng.randint(0, 59)
    return h, m


# ---- dates -----------------------------------------------------------------------------------

MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov",
              "Dec"]


def say_year(rng: random.Random, y: int) -> str:
    if rng.random() < 0.12:
        return f"twenty {number_words(y - 2000)}" if y >= 2010 else str(y)
    return str(y)


def say_date(rng: random.Random, d: date, with_year: bool) -> str:
    """A calendar day: "March 3rd", "the 5th of December", "Friday, March 3, 2027", "2027-03-03"."""
    cap = rng.random() < 0.7
    month = MONTHS[d.month - 1] if rng.random() < 0.8 else MONTH_ABBR[d.month - 1] + \
        ("." if rng.random() < 0.2 and d.month != 5 else "")
    if not cap:
        month = month.lower()
    day_forms = [ordinal_digits(d.day), str(d.day), ordinal_digits(d.day),
                 ordinal_words(d.day, hyphen=rng.random() < 0.3)]
    day = rng.choice(day_forms)
    weekday = WEEKDAYS[d.weekday()] if cap else WEEKDAYS[d.weekday()].lower()
    if with_year:
        year = say_year(rng, d.year)
        form = rng.choices(["mdy", "mdy_comma", "dmy", "the_of", "iso", "us_slash", "wd_mdy"],
                           weights=[20, 20, 12, 10, 16, 6, 8])[0]
        if form == "us_slash" and d.day <= 12 and d.day != d.month:
            form = "iso"
        if form == "iso":
            return d.isoformat()
        if form == "us_slash":
            return f"{d.month}/{d.day}/{d.year}"
        if form == "dmy":
            return f"{d.day} {month} {year}"
        if form == "the_of":
            return f"the {rng.choice(day_forms[::2] + day_forms[3:])} of {month} {year}"
        if form == "wd_mdy":
            return f"{weekday}, {month} {day}, {year}"
        sep = ", " if form == "mdy_comma" else " "
        return f"{month} {day}{sep}{year}"
    form = rng.choices(["md", "the_of", "of", "dm", "wd_md"], weights=[40, 18, 8, 14, 20])[0]
    if form == "the_of":
        return f"the {rng.choice([ordinal_digits(d.day), ordinal_words(d.day)])} of {month}"
    if form == "of":
        return f"{ordinal_digits(d.day)} of {month}"
    if form == "dm":
        return f"{d.day} {month}"
    if form == "wd_md":
        return f"{weekday}{rng.choice([', ', ' '])}{month} {day}"
    return f"{month} {day}"


def say_duration(rng: random.Random, minutes: int) -> str:
    hours, mins = divmod(minutes, 60)
    options: list[str] = []
    if minutes == 30:
        options += ["half an hour", "30 minutes", "thirty minutes", "30 min"]
    elif minutes == 90:
        options += ["an hour and a half", "90 minutes", "1.5 hours", "one and a half hours",
                    "an hour and thirty minutes"]
    elif minutes == 60:
        options += ["an hour", "one hour", "1 hour", "60 minutes", "1 hr"]
    elif mins == 0:
        options += [f"{hours} hours", f"{number_words(hours)} hours", f"{hours} hrs"]
    elif hours == 0:
        options += [f"{minutes} minutes", f"{number_words(minutes)} minutes", f"{minutes} min",
                    f"{minutes} mins"]
    else:
        hour_words = "an hour" if hours == 1 else f"{number_words(hours)} hours"
        options += [f"{hour_words} and {number_words(mins)} minutes", f"{minutes} minutes",
                    f"{hours}h{mins:02d}" if rng.random() < 0.2 else f"{minutes} minutes"]
        if mins == 30:
            options.append(f"{hours}.5 hours")
            options.append(f"{number_words(hours)} and a half hours")
    return rng.choice(options)


def stamp(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%d-%H-%M")


def _calendar(rng: random.Random, slots: list[str], with_year: bool | None = None,
              ) -> tuple[dict[str, str], dict[str, Any], dict[str, str]]:
    """Jointly sample the day, start, end and their spoken forms of a calendar event."""
    today = date(2025, 1, 1) + timedelta(days=rng.randint(0, 3 * 365))
    day = today + timedelta(days=rng.choice([rng.randint(0, 30), rng.randint(1, 330)]))
    sh, sm = sample_clock(rng, "event")
    start = datetime(day.year, day.month, day.day, sh, sm)
    full_end = "end_time" in slots
    if full_end and rng.random() < 0.1:  # multi-day: "from March 3rd at 9 to March 5th at 5"
        eh, em = sample_clock(rng, "event")
        end_day = day + timedelta(days=rng.randint(1, 4))
        end = datetime(end_day.year, end_day.month, end_day.day, eh, em)
    else:
        minutes = rng.choice([15, 30, 30, 45, 60, 60, 60, 60, 90, 90, 120, 120, 150, 180, 240])
        end = start + timedelta(minutes=minutes)
    if with_year is None:
        with_year = rng.random() < 0.5
    style = rng.choices(TIME_STYLES, weights=[32, 12, 14, 18, 10, 14])[0]
    same_style = rng.random() < 0.75

    def clock(dt: datetime) -> str:
        return say_time(rng, dt.hour, dt.minute, style if same_style else None)

    yearless = False

    def spoken(d: date) -> str:
        nonlocal yearless
        yearless = yearless or not with_year
        return say_date(rng, d, with_year)

    def full(dt: datetime, date_given: bool) -> str:
        if not date_given:
            return clock(dt)
        r = rng.random()
        if r < 0.12 and style == "h24":
            return f"{dt.date().isoformat()} {dt:%H:%M}"
        spoken_date = spoken(dt.date())
        if r < 0.55:
            return f"{spoken_date} at {clock(dt)}"
        if r < 0.85:
            return f"{clock(dt)} on {spoken_date}"
        return f"{spoken_date}, {clock(dt)}"

    texts: dict[str, str] = {}
    if "date" in slots:
        texts["date"] = spoken(day)
    if "start_clock" in slots:
        texts["start_clock"] = clock(start)
    if "end_clock" in slots:
        texts["end_clock"] = clock(end)
    if "duration" in slots:
        texts["duration"] = say_duration(rng, int((end - start).total_seconds() // 60))
    if "start_time" in slots:
        texts["start_time"] = full(start, "date" not in slots)
    if "end_time" in slots:
        end_needs_date = end.date() != start.date() or (
            "start_time" not in slots and "date" not in slots) or rng.random() < 0.3
        texts["end_time"] = full(end, end_needs_date)
    args = {"start_time": stamp(start), "end_time": stamp(end)}
    # A day said without its year is the next such day on or after today: say which.
    return texts, args, ({"today": today.isoformat()} if yearless else {})


# ---- phone numbers ---------------------------------------------------------------------------

US_AREA_CODES = [201, 202, 206, 212, 213, 214, 215, 303, 305, 310, 312, 313, 323, 404, 408,
                 415, 424, 469, 503, 510, 512, 516, 602, 617, 619, 646, 650, 702, 713, 718,
                 720, 773, 786, 801, 808, 818, 917, 925, 929, 971, 347, 470, 512, 614, 615,
                 704, 720, 754, 919]
DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def _spoken_digits(rng: random.Random, groups: list[str]) -> str:
    oh = rng.random() < 0.5
    sep = rng.choice([" ", ", ", " ", " - "])
    spoken = []
    for g in groups:
        spoken.append(" ".join(("oh" if oh else "zero") if c == "0" else DIGIT_WORDS[int(c)]
                               for c in g))
    return sep.join(spoken)


# country code, digit groups of the national significant number (spoken after the code)
INTERNATIONAL = [
    ("44", [2, 4, 4], "20"), ("44", [4, 6], "7"), ("49", [2, 8], "30"), ("49", [3, 7], "15"),
    ("33", [1, 2, 2, 2, 2], "1"), ("33", [1, 2, 2, 2, 2], "6"), ("91", [5, 5], "9"),
    ("61", [1, 4, 4], "2"), ("61", [3, 3, 3], "4"), ("52", [2, 4, 4], "55"),
    ("81", [1, 4, 4], "3"), ("55", [2, 5, 4], "11"), ("34", [3, 3, 3], "6"),
    ("39", [2, 4, 4], "06"), ("353", [2, 3, 4], "8"), ("31", [1, 8], "6"),
    ("82", [2, 4, 4], "10"), ("86", [3, 4, 4], "13"), ("234", [3, 3, 4], "80"),
    ("971", [2, 3, 4], "50"),
]


def phone_number(rng: random.Random) -> tuple[str, str]:
    """(spoken or written number, E.164)."""
    if rng.random() < 0.8:
        a = str(rng.choice(US_AREA_CODES))
        e = "555" if rng.random() < 0.45 else str(rng.randint(200, 999))
        if e[1:] == "11":
            e = "555"
        line = f"{rng.randint(0, 9999):04d}" if e != "555" else f"01{rng.randint(0, 99):02d}"
        e164 = f"+1{a}{e}{line}"
        form = rng.choices(range(12), weights=[8, 8, 12, 14, 8, 8, 5, 6, 4, 4, 10, 5])[0]
        return [
            f"+1 {a} {e} {line}", f"+1 ({a}) {e}-{line}", f"{a}-{e}-{line}",
            f"({a}) {e}-{line}", f"({a}) {e} {line}", f"{a}{e}{line}", f"{a}.{e}.{line}",
            f"{a} {e} {line}", f"1-{a}-{e}-{line}", f"+1-{a}-{e}-{line}",
            _spoken_digits(rng, [a, e, line]),
            "plus one " + _spoken_digits(rng, [a, e, line]) if rng.random() < 0.5
            else "one " + _spoken_digits(rng, [a, e, line]),
        ][form], e164
    cc, sizes, lead = rng.choice(INTERNATIONAL)
    rest = lead + "".join(str(rng.randint(0, 9)) for _ in range(sum(sizes) - len(lead)))
    groups, i = [], 0
    for size in sizes:
        groups.append(rest[i:i + size])
        i += size
    e164 = f"+{cc}{rest}"
    r = rng.random()
    if r < 0.55:
        return f"+{cc} " + " ".join(groups), e164
    if r < 0.7:
        return f"+{cc}{rest}", e164
    if r < 0.8:
        return f"00{cc} " + " ".join(groups), e164
    if r < 0.88 and cc == "44" and not rest.startswith("0"):
        return f"+44 (0){groups[0]} " + " ".join(groups[1:]), e164
    return "plus " + _spoken_digits(rng, [cc] + groups), e164


# ---- numbers with units ----------------------------------------------------------------------

def _plural(n: int | float, word: str) -> str:
    return word if n == 1 else word + "s"


def _say_level10(rng: random.Random, n: int) -> str:
    r = rng.random()
    if r < 0.55:
        return str(n)
    if r < 0.72:
        return number_words(n)
    if r < 0.82:
        return f"level {say_int(rng, n)}"
    if r < 0.92:
        return f"{say_int(rng, n)} out of 10" if rng.random() < 0.7 else f"{n}/10"
    return f"{n * 10}%" if rng.random() < 0.5 else f"{n * 10} percent"


def _say_temperature(rng: random.Random, x: float) -> str:
    spoken = say_number(rng, x)
    if not spoken[0].isdigit():
        return spoken + rng.choice(["", " degrees", " degrees", " degrees Fahrenheit"])
    return spoken + rng.choice(["", "", " degrees", " degrees", "°", "°F", " °F", "F",
                                " degrees F", " degrees Fahrenheit", " deg"])


def _say_percent(rng: random.Random, n: int) -> str:
    spoken = say_int(rng, n)
    if not spoken[0].isdigit():
        return spoken + rng.choice([" percent", " percent", ""])
    return spoken + rng.choice(["%", "%", " percent", " percent", "", " per cent"])


def _say_distance(rng: random.Random, mm: int) -> str:
    if mm % 10 == 0 and rng.random() < 0.3:
        cm = mm // 10
        return f"{say_int(rng, cm)} " + rng.choice(
            ["cm", _plural(cm, "centimeter"), _plural(cm, "centimetre")])
    unit = rng.choice(["mm", "mm", _plural(mm, "millimeter"), _plural(mm, "millimetre"),
                       _plural(mm, "millimeter")])
    if rng.random() < 0.08:
        return say_int(rng, mm)
    sep = "" if unit == "mm" and rng.random() < 0.4 else " "
    return f"{say_int(rng, mm)}{sep}{unit}"


def _say_seconds(rng: random.Random, s: int) -> str:
    if s == 30 and rng.random() < 0.3:
        return "half a minute"
    if s % 60 == 0 and rng.random() < 0.6:
        mins = s // 60
        if mins == 1 and rng.random() < 0.5:
            return "a minute"
        return f"{say_int(rng, mins)} {_plural(mins, 'minute')}"
    if s == 90 and rng.random() < 0.4:
        return rng.choice(["a minute and a half", "one and a half minutes"])
    unit = rng.choice([_plural(s, "second"), _plural(s, "second"), "secs", "sec", "s"])
    spoken = say_int(rng, s)
    if unit == "s":
        return f"{s}s"
    return f"{spoken} {unit}"


def _say_steps(rng: random.Random, n: int) -> str:
    spoken = say_int(rng, n)
    unit = rng.choice(["", "", "", "notch", "step", "point", "level", "click"])
    if not unit:
        return spoken
    plural = "notches" if unit == "notch" else unit + "s"
    return f"{spoken} {unit if n == 1 else plural}"


SEAT_HEAT_WORDS = {0: ["off", "zero", "0"], 1: ["low", "1", "one", "level 1", "level one"],
                   2: ["medium", "2", "two", "level 2", "level two", "mid"],
                   3: ["high", "3", "three", "level 3", "max", "the highest setting"]}


def _number_range(schema: dict[str, Any]) -> tuple[float, float]:
    lo = schema.get("minimum", schema.get("exclusiveMinimum", 0))
    hi = schema.get("maximum", schema.get("exclusiveMaximum", lo + 100))
    return lo, hi


def _non_null(schema: dict[str, Any]) -> dict[str, Any]:
    for key in ("anyOf", "oneOf"):
        if key in schema:
            options = [s for s in schema[key] if s.get("type") != "null"]
            if options:
                merged = {k: v for k, v in schema.items() if k != key}
                merged.update(options[0])
                return merged
    return schema


def _round_choice(rng: random.Random, lo: int, hi: int, steps: tuple[int, ...]) -> int:
    """Mostly round numbers in [lo, hi], sometimes any."""
    if rng.random() < 0.8:
        step = rng.choice(steps)
        candidates = [n for n in range(lo, hi + 1) if n % step == 0]
        if candidates:
            return rng.choice(candidates)
    return rng.randint(lo, hi)


def _sample_number(rng: random.Random, function: str, param: str,
                   schema: dict[str, Any]) -> tuple[str, Any]:
    lo, hi = _number_range(schema)
    is_int = schema.get("type") == "integer"
    ilo, ihi = int(-(-lo // 1)), int(hi // 1)
    if param in ("temperature", "target_temperature"):
        span = (62, 78) if param == "temperature" else (60, 80)
        a, b = (max(ilo, span[0]), min(ihi, span[1])) if rng.random() < 0.8 else (ilo, ihi)
        x: float = rng.randint(a, b)
        if not is_int and x < hi and rng.random() < 0.12:
            x += 0.5
        return _say_temperature(rng, x), _canonical_number(x)
    if param == "level" and hi == 3:
        # Level 0 is "turn off the seat heater" (a template), not "heat it to off".
        n = rng.randint(max(ilo, 1), ihi)
        return rng.choice(SEAT_HEAT_WORDS.get(n, [str(n)])), n
    if param == "level" and hi == 10:
        n = rng.randint(ilo, ihi)
        return _say_level10(rng, n), n
    if param in ("percent", "intensity"):
        n = _round_choice(rng, max(ilo, 10), ihi, (10, 5, 25))
        return _say_percent(rng, n), n
    if param == "distance":
        n = _round_choice(rng, max(ilo, 5), min(ihi, 300) if rng.random() < 0.85 else ihi,
                          (10, 5, 50, 25))
        return _say_distance(rng, n), n
    if param == "timeout":
        n = rng.choice([5, 10, 15, 20, 30, 30, 45, 60, 60, 90, 120]) if rng.random() < 0.8 \
            else rng.randint(ilo, ihi)
        n = max(ilo, min(ihi, n))
        return _say_seconds(rng, n), n
    if param in ("volume_diff", "volume_down"):
        n = rng.randint(1, 10) if rng.random() < 0.8 else rng.choice([12, 15, 20, 25, 30])
        n = min(n, ihi)
        return _say_steps(rng, n), (-n if param == "volume_down" else n)
    if param == "set_value":
        n = rng.randint(ilo, ihi)
        return say_int(rng, n), n
    if param == "times":
        n = rng.randint(max(ilo, 2), ihi)  # "honk 1 times" is not English; "once" is a template
        return say_int(rng, n, words_p=0.5), n
    # Any other number: digits or words, integral unless the schema says number.
    n = rng.randint(ilo, min(ihi, ilo + 1000))
    return say_int(rng, n), n


def sample_value(rng: random.Random, function: str, param: str,
                 schema: dict[str, Any]) -> tuple[str, Any]:
    """(what a person says, the canonical argument) for one parameter or pseudo-slot."""
    schema = _non_null(schema)
    real = PSEUDO_SLOTS.get(param, (param,))[0]
    if param == "date" or param in ("start_clock", "end_clock", "duration"):
        raise ValueError(f"{{{param}}} only makes sense with the other calendar slots; "
                         "use sample_slots")
    words = ENUM_WORDS.get((function, param)) or (enum_words(function, real) if param == real
                                                  else None)
    codes = [c for c in schema.get("enum", LANGUAGES) if c in LANGUAGES] if param == "language" else []
    if codes:  # an enum of ISO codes, said as the language's name
        code = rng.choice(codes)
        return rng.choice(LANGUAGES[code]), code
    if "enum" in schema:
        canonical = rng.choice(list(schema["enum"]))
        options = (words or {}).get(canonical) or [str(canonical).replace("_", " ")]
        return rng.choice(options), canonical
    kind = schema.get("type")
    if kind == "boolean":
        value = rng.random() < 0.5
        return ("on" if value else "off"), value
    if kind in ("integer", "number"):
        return _sample_number(rng, function, param, schema)
    pattern = schema.get("pattern", "")
    if pattern == E164_PATTERN or param == "phone_number":
        return phone_number(rng)
    if pattern == HHMM_PATTERN or (param == "time" and kind == "string"):
        h, m = sample_clock(rng)
        return say_time(rng, h, m), f"{h:02d}:{m:02d}"
    if pattern == STAMP_PATTERN:
        texts, args, _ = _calendar(rng, ["start_time"], with_year=True)  # no context here
        return texts["start_time"], args["start_time"]
    text = free_text(rng, function, param)
    max_len = schema.get("maxLength")
    if max_len:
        text = text[:max_len].strip() or text[:max_len]
    return text, text


def sample_slots(rng: random.Random, function: str, slots: list[str],
                 parameters: dict[str, Any]) -> tuple[dict[str, str], dict[str, Any],
                                                      dict[str, str]]:
    """Fill all slots of one template: (slot -> text, param -> value, example context)."""
    props = parameters.get("properties", {})
    texts: dict[str, str] = {}
    args: dict[str, Any] = {}
    context: dict[str, str] = {}
    calendar = [s for s in slots if s in CALENDAR_SLOTS]
    if calendar and all(_non_null(props.get(p, {})).get("pattern") == STAMP_PATTERN
                        for p in ("start_time", "end_time")):
        cal_texts, cal_args, context = _calendar(rng, calendar)
        texts.update(cal_texts)
        args.update(cal_args)
    for slot in slots:
        if slot in texts:
            continue
        params = slot_params(slot, parameters)
        text, value = sample_value(rng, function, slot, props[params[0]])
        texts[slot] = text
        args[params[0]] = value
    return texts, args, context
