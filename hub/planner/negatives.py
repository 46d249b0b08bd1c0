"""Generated "irrelevant" requests: things a person might say to the hub that no served
function handles, so the planner learns to answer with NO call.

Octopus v2 trained on about as many negatives as positives. These are built
combinatorially: a category is drawn, then a template from its bank, its {slots} are
filled from SLOTS, and the result is dressed with an optional interjection ("hey",
"um"), a politeness wrapper ("can you ...", "... please"), casing and punctuation.

Two families:

* NEAR_MISS_BANKS (about 40% of draws): requests that sound like device commands but
  need a capability the hub lacks - airplane mode, the oven, TV channels, the radio,
  reading texts or the calendar (we can only send / create), car wipers, the router...
  Every near-miss template contains one of NEAR_MISS_MARKERS.
* GENERAL_BANKS: trivia, math and unit conversion, definitions and spelling,
  translation, jokes and poems, advice, opinions and chit-chat, shopping and bookings,
  finance, sports, coding, and explain-this questions that are not a news search.

Deliberately avoided, because a served function would handle them: weather, news and
headlines, the current time or date, playing/pausing/skipping media, volume,
brightness, timers and alarms, shopping/todo lists, turning named devices on or off
(the coffee maker, sprinkler, TV, lights, fans, blinds, garage door, locks), the
vacuum and mower, thermostats and car climate, directions and navigation, calls,
texts and emails being *sent*, calendar events being *created*, contacts being
*created*, photos being *taken*, Bluetooth and do-not-disturb.

`irrelevant_queries(rng, n)` is reproducible: it draws only from `rng`.
"""
from __future__ import annotations

import random
import re

# --------------------------------------------------------------------------- slots

SLOTS: dict[str, list[str]] = {
    # people, places, things
    "name": ["Bob", "Sarah", "Mom", "Dad", "Alex", "Priya", "Jamal", "Grandma", "Tom",
             "Emily", "Carlos", "Mia", "my sister", "my boss", "Kevin", "Aunt Linda",
             "Chen", "Olivia", "Marcus", "the landlord"],
    "country": ["France", "Japan", "Brazil", "Kenya", "Canada", "Australia", "Norway",
                "Peru", "Egypt", "Vietnam", "Mexico", "Iceland", "India", "Portugal",
                "Morocco", "New Zealand", "Chile", "Thailand", "Poland", "Ghana"],
    "city": ["Paris", "Tokyo", "Chicago", "Lisbon", "Denver", "Rome", "Seattle", "Miami",
             "Berlin", "Austin", "Toronto", "Barcelona", "Boston", "Dublin", "Nashville",
             "San Diego", "Vancouver", "Prague", "Atlanta", "Orlando"],
    "person": ["Albert Einstein", "Marie Curie", "Abraham Lincoln", "Cleopatra",
               "Leonardo da Vinci", "Frida Kahlo", "Nikola Tesla", "Ada Lovelace",
               "Napoleon", "Jane Austen", "Martin Luther King Jr.", "Genghis Khan",
               "Isaac Newton", "Amelia Earhart", "Mozart", "Shakespeare",
               "Nelson Mandela", "Galileo", "Julius Caesar", "Rosa Parks"],
    "book": ["Pride and Prejudice", "1984", "Moby Dick", "The Great Gatsby",
             "To Kill a Mockingbird", "War and Peace", "The Hobbit", "Dune", "Beloved",
             "Frankenstein", "The Odyssey", "Don Quixote", "Jane Eyre", "Hamlet",
             "The Catcher in the Rye", "Brave New World"],
    "artwork": ["the Mona Lisa", "Starry Night", "The Scream", "the Sistine Chapel ceiling",
                "Guernica", "The Persistence of Memory", "Girl with a Pearl Earring",
                "The Last Supper", "The Birth of Venus", "American Gothic"],
    "landmark": ["the Eiffel Tower", "Mount Everest", "the Statue of Liberty",
                 "the Burj Khalifa", "the Great Pyramid", "Big Ben", "the Empire State Building",
                 "Mount Kilimanjaro", "the Golden Gate Bridge", "the Leaning Tower of Pisa",
                 "Niagara Falls", "the Colosseum"],
    "invention": ["the telephone", "the printing press", "the light bulb", "the internet",
                  "the airplane", "penicillin", "the radio", "the bicycle", "the microwave",
                  "the steam engine", "the compass", "paper", "the wheel", "vaccines",
                  "the refrigerator", "the camera"],
    "animal": ["octopus", "giraffe", "hummingbird", "blue whale", "cheetah", "platypus",
               "elephant", "penguin", "sloth", "honeybee", "crow", "axolotl", "koala",
               "shark", "tortoise", "bat"],
    "science_q": ["why is the sky blue", "how do magnets work", "what is a black hole",
                  "how far away is the moon", "why do we have leap years",
                  "what causes earthquakes", "how do vaccines work", "what is DNA",
                  "how hot is the sun", "why do cats purr", "how do airplanes stay up",
                  "what is photosynthesis", "how many bones are in the human body",
                  "why is the ocean salty", "what is the speed of light",
                  "how old is the universe", "what's the biggest planet",
                  "how many moons does Jupiter have", "what is quantum physics",
                  "why do leaves change color in the fall", "what are rainbows made of",
                  "how do bees make honey", "what's the tallest tree in the world",
                  "why do we dream"],
    "hist_event": ["World War One", "the French Revolution", "the fall of the Roman Empire",
                   "the Great Depression", "the Cold War", "the Boston Tea Party",
                   "the moon landing", "the Black Death", "the Industrial Revolution",
                   "the American Civil War", "the Renaissance", "the Titanic sinking",
                   "the fall of the Berlin Wall", "the Gold Rush"],
    "concept": ["inflation", "compound interest", "blockchain", "machine learning",
                "the stock market", "how mortgages work", "the electoral college",
                "supply and demand", "climate change", "the theory of relativity",
                "how credit scores work", "index funds", "the placebo effect",
                "how tariffs work", "the Fibonacci sequence", "net neutrality",
                "interest rates", "string theory", "game theory", "carbon offsets"],
    # numbers and units
    "n": ["3", "7", "12", "15", "24", "36", "48", "64", "99", "120", "250", "365",
          "1,000", "2.5", "0.75", "17", "42", "88", "144", "512"],
    "n2": ["4", "6", "8", "9", "11", "13", "19", "21", "25", "32", "50", "75"],
    "pct": ["5", "10", "12", "15", "18", "20", "25", "30", "40", "60", "75", "8.5"],
    "money": ["$20", "$45", "$60", "$87.50", "$120", "$15", "$230", "$9.99", "$300",
              "$1,200", "$64", "$38"],
    "conv": ["inches to centimeters", "miles to kilometers", "pounds to kilograms",
             "cups to milliliters", "fahrenheit to celsius", "celsius to fahrenheit",
             "ounces to grams", "feet to meters", "gallons to liters", "yards to meters",
             "kilograms to pounds", "teaspoons to tablespoons", "acres to square feet",
             "knots to miles per hour", "euros to dollars", "dollars to yen",
             "minutes to seconds", "liters to quarts"],
    "unit_pair": ["ounces in a cup", "teaspoons in a tablespoon", "feet in a mile",
                  "grams in a pound", "centimeters in an inch", "cups in a quart",
                  "seconds in a day", "days in a leap year", "milliliters in a liter",
                  "inches in a yard", "pints in a gallon", "meters in a kilometer",
                  "weeks in a year", "bytes in a kilobyte"],
    # words and languages
    "word": ["ephemeral", "ubiquitous", "serendipity", "quixotic", "cacophony",
             "mellifluous", "pragmatic", "esoteric", "hyperbole", "schadenfreude",
             "onomatopoeia", "petrichor", "gregarious", "sycophant", "ambivalent",
             "juxtaposition", "necessary", "rhythm", "accommodate", "conscientious",
             "bureaucracy", "liaison", "entrepreneur", "definitely"],
    "language": ["Spanish", "French", "German", "Italian", "Japanese", "Mandarin",
                 "Korean", "Portuguese", "Arabic", "Russian", "Hindi", "Dutch", "Greek",
                 "Swedish", "Turkish", "Polish"],
    "phrase": ["thank you very much", "where is the bathroom", "good morning",
               "I love you", "how much does this cost", "nice to meet you",
               "happy birthday", "I'm allergic to peanuts", "see you tomorrow",
               "excuse me", "the check please", "I don't understand", "cheers",
               "I'm lost", "congratulations", "have a nice day"],
    # creative
    "topic": ["cats", "pirates", "the ocean", "a lonely robot", "coffee", "Mondays",
              "dinosaurs", "space travel", "autumn leaves", "a haunted house", "penguins",
              "friendship", "my dog", "pizza", "a dragon who's afraid of fire",
              "the moon", "time travel", "a grumpy wizard", "tacos", "rainy days"],
    # cooking, health, fitness, relationships
    "dish": ["lasagna", "banana bread", "chicken curry", "pad thai", "guacamole",
             "sourdough bread", "beef stew", "pancakes", "risotto", "chocolate chip cookies",
             "french onion soup", "a margarita", "fried rice", "tiramisu", "chili",
             "shakshuka", "mac and cheese", "hummus"],
    "food": ["an egg", "pasta", "rice", "broccoli", "potatoes", "quinoa", "corn on the cob",
             "a hard boiled egg", "salmon", "shrimp", "green beans", "lentils"],
    "ingredient": ["eggs", "butter", "buttermilk", "baking soda", "heavy cream",
                   "brown sugar", "sour cream", "cornstarch", "white wine", "honey",
                   "breadcrumbs", "yogurt"],
    "meat": ["chicken", "pork chops", "a turkey", "salmon", "burgers", "steak", "ham",
             "ribs"],
    "condition": ["the flu", "strep throat", "dehydration", "a concussion", "migraine",
                  "food poisoning", "diabetes", "anemia", "Lyme disease", "burnout",
                  "sleep apnea", "a vitamin D deficiency"],
    "ailment": ["hiccups", "a headache", "a sore throat", "heartburn", "a stiff neck",
                "insomnia", "a sunburn", "a cold", "a stuffy nose", "back pain",
                "jet lag", "bad breath"],
    "habit": ["drink coffee every day", "skip breakfast", "crack my knuckles",
              "sleep with my contacts in", "eat late at night", "run every day",
              "drink diet soda", "sit all day", "take ibuprofen on an empty stomach",
              "nap in the afternoon"],
    "workout": ["ab", "full body", "leg", "yoga", "stretching", "HIIT", "cardio",
                "upper body", "core", "kettlebell"],
    "activity": ["running", "swimming", "walking", "cycling", "jumping rope",
                 "rowing", "hiking", "dancing", "playing tennis", "yoga"],
    "skill": ["posture", "flexibility", "running pace", "sleep", "push-ups", "balance",
              "memory", "focus", "handwriting", "public speaking"],
    "relation": ["wife", "husband", "girlfriend", "boyfriend", "mom", "dad", "best friend",
                 "coworker", "brother", "grandpa", "teenage niece", "boss"],
    "occasion": ["birthday", "anniversary", "Christmas", "Mother's Day", "Valentine's Day",
                 "graduation", "housewarming", "retirement", "Father's Day"],
    "rel_q": ["how do I apologize to my {relation}",
              "how do I tell my {relation} I need space",
              "how do I make friends as an adult",
              "how do I deal with a passive aggressive {relation}",
              "how do I ask for a raise",
              "how do I get over a breakup",
              "how can I be a better listener",
              "how do I say no without feeling guilty",
              "how do I handle an argument with my {relation}"],
    # chit-chat
    "fav": ["color", "movie", "food", "song", "book", "animal", "season", "number",
            "holiday", "ice cream flavor", "word", "band"],
    "mood": ["sad", "tired", "happy", "stressed", "lonely", "anxious", "excited",
             "grumpy", "sick", "bored out of my mind"],
    # shopping, bookings, finance
    "cuisine_order": ["a large pepperoni pizza", "pad thai", "sushi", "a burrito bowl",
                      "Chinese food", "a cheeseburger and fries", "Indian takeout",
                      "two chicken sandwiches", "a poke bowl", "wings", "ramen",
                      "a Caesar salad"],
    "delivery_app": ["DoorDash", "Uber Eats", "Grubhub", "Postmates", "Deliveroo"],
    "restaurant": ["Olive Garden", "the Italian place downtown", "Nobu", "Chipotle",
                   "the sushi place on Main", "Luigi's", "the steakhouse", "Panera",
                   "that Thai restaurant", "the brunch place"],
    "when": ["tonight", "tomorrow", "this Friday", "next weekend", "Saturday night",
             "tomorrow at 7", "on Sunday", "next Tuesday", "this weekend", "in two weeks"],
    "when_past": ["yesterday", "last week", "this morning", "last night", "on Saturday",
                  "last month", "earlier today", "over the weekend"],
    "party": ["two", "four", "six", "3", "5", "8"],
    "event_tix": ["the Taylor Swift concert", "Hamilton", "the Lakers game", "the new Marvel movie",
                  "the comedy show", "the Yankees game", "the jazz festival", "Cirque du Soleil",
                  "the Warriors game", "the ballet"],
    "place": ["the airport", "the train station", "downtown", "the mall", "work",
              "the hospital", "the stadium", "my hotel", "the concert venue"],
    "ride_app": ["an Uber", "a Lyft", "a taxi", "a cab", "a ride"],
    "product": ["AA batteries", "a phone charger", "running shoes", "a yoga mat",
                "a new backpack", "noise cancelling headphones", "a birthday card",
                "sunscreen", "a standing desk", "an air fryer", "a water bottle",
                "vitamins"],
    "bank": ["checking", "savings", "Chase", "Wells Fargo", "credit card",
             "Bank of America", "Capital One", "401k"],
    "stock": ["Apple", "Tesla", "Nvidia", "Amazon", "Microsoft", "Google", "the S&P 500",
              "the Dow", "Netflix", "Disney", "Costco", "the Nasdaq"],
    "crypto": ["Bitcoin", "Ethereum", "Dogecoin", "Solana", "Litecoin", "XRP"],
    "bill": ["electric", "water", "phone", "internet", "gas", "cable", "credit card",
             "car insurance"],
    "pay_app": ["Venmo", "PayPal", "Zelle", "Cash App", "Apple Pay"],
    "spend_cat": ["groceries", "eating out", "gas", "coffee", "Amazon", "clothes",
                  "subscriptions", "travel", "entertainment"],
    # sports
    "team": ["Lakers", "Yankees", "Patriots", "Warriors", "Cowboys", "Red Sox",
             "Chiefs", "Celtics", "Cubs", "Packers", "Rangers", "Raiders",
             "Dodgers", "Bulls", "Eagles", "Seahawks", "Maple Leafs", "Knicks"],
    "league": ["NBA", "NFL", "Premier League", "NHL", "MLB", "La Liga", "Champions League",
               "WNBA", "MLS"],
    "tournament": ["the World Cup", "the Super Bowl", "Wimbledon", "the World Series",
                   "the Stanley Cup", "the Masters", "the Tour de France", "the NBA Finals",
                   "the Kentucky Derby", "the US Open"],
    "year": ["1998", "2004", "2010", "2014", "2016", "2018", "2019", "2021", "1986",
             "2008", "2022", "1994"],
    # coding
    "lang": ["Python", "JavaScript", "Rust", "Java", "Go", "C++", "TypeScript", "SQL",
             "Bash", "Kotlin", "Swift", "Ruby"],
    "code_task": ["reverse a string", "read a file line by line", "sort a dictionary by value",
                  "parse JSON", "make an HTTP request", "remove duplicates from a list",
                  "write a unit test", "handle exceptions", "format a date",
                  "split a string on commas", "connect to a database", "use regular expressions",
                  "create a class", "merge two lists", "get the current directory"],
    "code_pair": [("a list", "a tuple"), ("let", "var"), ("an interface", "an abstract class"),
                  ("a process", "a thread"), ("== ", "===")],
    "code_err": ["null pointer exception", "index out of range error", "syntax error",
                 "segmentation fault", "type error", "stack overflow", "import error",
                 "borrow checker error", "merge conflict", "404 error"],
    "code_fn": ["checks if a number is prime", "counts vowels in a string",
                "finds the largest number in a list", "computes a factorial",
                "validates an email address", "flattens a nested list",
                "converts Roman numerals", "generates a random password"],
    "cmp_a": ["cats", "an iPhone", "Python", "coffee", "summer", "Star Wars", "pizza",
              "renting", "a Mac", "the beach", "books", "running"],
    "cmp_b": ["dogs", "an Android", "Java", "tea", "winter", "Star Trek", "tacos",
              "buying", "a PC", "the mountains", "movies", "cycling"],
    "rhyme": ["orange", "purple", "silver", "love", "moon", "heart", "cat", "night",
              "dream", "fire", "blue", "time"],
    "currency": ["euro", "yen", "British pound", "Canadian dollar", "peso", "rupee",
                 "Swiss franc", "won"],
    "opinion_topic": ["pineapple on pizza", "social media", "remote work", "electric cars",
                      "artificial intelligence", "reality TV", "daylight saving time",
                      "the new Star Wars movies", "tipping culture", "self-driving cars",
                      "modern art", "homework"],
    # ---- near-miss slots
    "app": ["Instagram", "Spotify", "TikTok", "WhatsApp", "Settings", "the camera roll",
            "Snapchat", "Netflix", "Duolingo", "the calculator", "Slack", "Zoom"],
    "gadget": ["watch", "headphones", "tablet", "laptop", "earbuds", "Kindle",
               "smartwatch", "e-reader", "game controller", "electric toothbrush"],
    "appliance": ["dishwasher", "washing machine", "dryer", "microwave", "slow cooker",
                  "rice cooker", "bread maker", "Instant Pot", "air fryer", "ice maker"],
    "oven_temp": ["350", "375", "400", "425", "450", "200 degrees", "180 celsius",
                  "broil", "325", "500"],
    "minutes": ["5", "10", "12", "20", "25", "30", "45", "two", "three", "90"],
    "microwave_food": ["popcorn", "leftovers", "burrito", "soup", "oatmeal",
                       "frozen dinner", "coffee", "pizza"],
    "coffee_drink": ["coffee", "latte", "cappuccino", "espresso", "cup of tea",
                     "flat white", "hot chocolate", "iced coffee", "americano"],
    "pet": ["cat", "dog", "fish", "hamster", "parrot", "rabbit", "turtle", "kitten",
            "puppy", "guinea pig"],
    "supply": ["printer ink", "paper towels", "dish soap", "cat food", "dog food",
               "coffee pods", "laundry detergent", "toilet paper", "printer paper",
               "water filters", "trash bags", "toner"],
    "channel": ["5", "7", "12", "ESPN", "CNN", "HBO", "the Food Network", "channel 4",
                "PBS", "203", "the History Channel", "Fox", "Discovery", "channel 9"],
    "channel_no": ["2", "4", "5", "7", "9", "12", "31", "56", "203", "411"],
    "show": ["the game", "the Oscars", "Jeopardy", "the finale", "the debate",
             "Survivor", "the late show", "Saturday Night Live", "the match", "the race"],
    "freq": ["101.5", "98.7", "104.3", "88.1", "95.5", "107.9", "93.3 FM", "AM 740",
             "89.9", "102.1 FM", "96.5", "AM 1010"],
    "hdmi": ["1", "2", "3", "4"],
    "doc": ["this document", "my boarding pass", "the receipt", "my resume", "this page",
            "the tax form", "two copies of this", "the shipping label", "my ticket"],
    "drive_mode": ["sport", "eco", "comfort", "track", "snow", "chill", "ludicrous",
                   "off-road"],
    "car_service": ["service appointment", "oil change", "tire rotation", "car wash",
                    "brake inspection", "state inspection", "detailing appointment",
                    "tire change", "alignment"],
    "meeting_time": ["3pm", "2 o'clock", "10am", "noon", "4:30", "9am", "11", "1pm"],
    "meeting": ["dentist appointment", "team meeting", "one on one", "lunch with Sarah",
                "standup", "doctor's appointment", "haircut", "board meeting"],
    "photo_subject": ["the beach", "my dog", "Christmas", "the wedding", "my kids",
                      "the trip to Italy", "my birthday", "the hike", "sunsets"],
    "camera_spot": ["front door", "backyard", "driveway", "nursery", "porch", "side gate"],
    # ---- capabilities next to ours
    "missing_device": ["pool heater", "hot tub", "dehumidifier", "humidifier", "air purifier",
                       "water heater", "attic fan", "garage heater", "fireplace", "towel warmer",
                       "electric blanket", "space heater in the den", "pool pump", "sauna",
                       "heated floors", "porch heater", "aquarium light", "wine fridge"],
    "scene": ["movie night", "romantic dinner", "good morning", "party", "reading", "bedtime",
              "focus", "relax", "away"],
    "color": ["purple", "red", "blue", "warm white", "green", "orange", "pink"],
    "clock": ["6 am", "midnight", "7:30", "10 tonight", "5 in the morning", "noon", "8pm"],
    "road": ["the 101", "I-95", "the highway", "Main Street", "the bridge", "the freeway",
             "the interstate", "route 9"],
    "cuisine": ["sushi", "pizza", "thai", "taco", "vegan", "burger", "coffee", "ramen"],
    "place": ["the airport", "downtown", "the stadium", "the mall", "work", "the station"],
    "playlist": ["workout", "road trip", "chill", "party", "sleep", "focus"],
    "door": ["front door", "back door", "side door", "garage"],
}

# --------------------------------------------------------------------------- banks
# Each template is (kind, text). kind decides the dressing:
#   "cmd" - an imperative ("start the dishwasher"): may take "can you", "please"...
#   "ask" - a direct question ("what's on my calendar"): ends with "?" mostly.
#   "chat" - a chit-chat question ("how are you"): a lighter set of wrappers.
#   "say" - a statement or greeting ("I'm bored"): only interjections and casing.

NEAR_MISS_BANKS: dict[str, list[tuple[str, str]]] = {
    "phone": [
        ("cmd", "turn on airplane mode"), ("cmd", "turn off airplane mode"),
        ("cmd", "put my phone in airplane mode"), ("cmd", "take a screenshot"),
        ("cmd", "take a screenshot of this screen"), ("cmd", "unlock my phone"),
        ("cmd", "restart my phone"), ("cmd", "turn on the flashlight"),
        ("cmd", "turn on the mobile hotspot"), ("cmd", "turn on location services on my phone"),
        ("cmd", "clear all my notifications"), ("cmd", "update all the apps on my phone"),
        ("cmd", "uninstall {app}"), ("cmd", "open {app}"), ("cmd", "open the {app} app"),
        ("ask", "how much battery does my phone have left"),
        ("cmd", "free up some storage on my phone"), ("cmd", "back up my phone"),
        ("cmd", "change my phone wallpaper"), ("cmd", "turn on dark mode on my phone"),
        ("cmd", "turn on low power mode"), ("cmd", "turn on battery saver"),
        ("cmd", "factory reset my phone"), ("cmd", "find my {gadget}"),
        ("cmd", "charge my {gadget}"), ("ask", "is my {gadget} charged"),
        ("cmd", "update my {gadget}"),
        ("ask", "where did I leave my phone"), ("cmd", "change my phone's passcode"),
    ],
    "messages": [
        ("cmd", "read my last text message"), ("cmd", "read me my texts"),
        ("cmd", "read me the last text from {name}"), ("ask", "what did {name} text me"),
        ("ask", "did {name} text me back"), ("ask", "who called me"),
        ("ask", "who called me {when_past}"), ("ask", "do I have any missed calls"),
        ("cmd", "check my voicemail"), ("cmd", "delete contact {name}"),
        ("cmd", "delete {name} from my contacts"), ("ask", "what's {name}'s phone number"),
        ("cmd", "block {name}'s number"), ("cmd", "delete my text messages from {name}"),
        ("cmd", "check my email"), ("cmd", "read my latest email"),
        ("ask", "do I have any new emails"), ("ask", "how many unread emails do I have"),
        ("ask", "did {name} email me {when_past}"), ("cmd", "delete the email from {name}"),
        ("cmd", "archive all my emails"), ("cmd", "mark all my emails as read"),
        ("cmd", "unsubscribe me from these marketing emails"),
        ("ask", "when did {name} last call me"), ("cmd", "show me my call history"),
    ],
    "calendar": [
        ("ask", "what's on my calendar {when}"), ("ask", "what's on my calendar today"),
        ("ask", "what meetings do I have {when}"), ("ask", "am I free {when}"),
        ("cmd", "cancel my {meeting_time} meeting"),
        ("cmd", "move my {meeting_time} meeting to {when}"),
        ("ask", "when is my next {meeting}"), ("cmd", "delete the {meeting} from my calendar"),
        ("cmd", "read me my calendar for {when}"), ("ask", "do I have anything on my calendar {when}"),
        ("cmd", "cancel my {meeting}"), ("ask", "what time is my {meeting} {when}"),
    ],
    "photos": [
        ("cmd", "show me photos from {when_past}"), ("cmd", "show me pictures of {photo_subject}"),
        ("cmd", "delete the last photo I took"), ("cmd", "make an album of my {photo_subject} photos"),
        ("cmd", "edit the last picture I took"), ("ask", "how many photos do I have"),
        ("cmd", "crop my last photo"), ("cmd", "find the photos I took {when_past}"),
        ("cmd", "put a filter on my last photo"), ("cmd", "make a slideshow of {photo_subject} photos"),
    ],
    "recognize": [
        ("ask", "what song is this"), ("ask", "what's the name of this song"),
        ("ask", "who sings this song"), ("cmd", "identify this song"),
        ("cmd", "translate this"), ("cmd", "translate this sign for me"),
        ("cmd", "scan this document"), ("cmd", "scan this QR code"),
        ("cmd", "scan {doc}"), ("cmd", "print {doc}"), ("cmd", "order more {supply}"),
        ("cmd", "reorder {supply}"), ("ask", "what plant is this"),
        ("ask", "what breed is this dog"), ("cmd", "read this label to me"),
    ],
    "appliances": [
        ("cmd", "arm the alarm system"), ("cmd", "disarm the alarm system"),
        ("cmd", "set the security system to away"), ("cmd", "arm the security system for the night"),
        ("cmd", "start the {appliance}"), ("cmd", "run the {appliance}"),
        ("cmd", "start the dishwasher on the quick cycle"), ("cmd", "empty the dishwasher"),
        ("cmd", "preheat the oven to {oven_temp}"), ("cmd", "preheat the oven"),
        ("cmd", "set the oven to {oven_temp}"), ("cmd", "bake the {dish} for {minutes} minutes"),
        ("cmd", "microwave my {microwave_food} for {minutes} minutes"),
        ("cmd", "make me a {coffee_drink}"), ("cmd", "brew me a {coffee_drink}"),
        ("cmd", "open the fridge"), ("ask", "what's in my fridge"),
        ("ask", "are we out of milk in the fridge"), ("cmd", "make some ice"),
        ("cmd", "feed the {pet}"), ("cmd", "walk the dog"),
        ("cmd", "refill the {pet}'s water bowl"), ("cmd", "take out the trash"),
        ("cmd", "do the laundry"), ("cmd", "fold the laundry"), ("cmd", "load the dishwasher"),
        ("cmd", "make the bed"), ("cmd", "cook dinner"), ("cmd", "make me a sandwich"),
        ("cmd", "ring the doorbell"), ("cmd", "show me the {camera_spot} camera"),
        ("ask", "who's on the {camera_spot} camera"), ("cmd", "check the security cameras"),
        ("cmd", "record the {camera_spot} camera for an hour"),
        ("cmd", "start the washing machine in an hour"), ("cmd", "switch the dryer to delicate"),
        ("cmd", "defrost the freezer"), ("cmd", "descale the espresso machine"),
        ("cmd", "water the houseplants {when}"), ("cmd", "water the indoor plants"),
    ],
    "tv_radio": [
        ("cmd", "change the TV channel to {channel}"), ("cmd", "switch to channel {channel_no}"),
        ("cmd", "change the channel to {channel}"), ("cmd", "record {show} tonight"),
        ("cmd", "record the game tonight"), ("cmd", "turn on subtitles on the TV"),
        ("cmd", "switch the TV input to HDMI {hdmi}"), ("ask", "what's on TV tonight"),
        ("cmd", "tune the radio to {freq}"), ("cmd", "change the radio station to {freq}"),
        ("cmd", "set the DVR to record {show}"), ("cmd", "delete the recordings on the DVR"),
        ("ask", "what channel is {show} on"), ("cmd", "scroll through the TV guide"),
    ],
    "network": [
        ("cmd", "reboot the router"), ("cmd", "restart the modem"),
        ("cmd", "change the wifi password"), ("ask", "what's the wifi password"),
        ("cmd", "run an internet speed test"), ("ask", "why is the wifi so slow"),
        ("cmd", "kick {name} off the wifi"), ("cmd", "turn on the guest wifi network"),
        ("cmd", "update the router firmware"), ("ask", "how many devices are on my wifi"),
        ("cmd", "reset the wifi extender"), ("cmd", "pause the internet for the kids"),
    ],
    "capabilities": [
        # the car's: we can flash the lights, open the trunk, heat seats, not these
        ("cmd", "turn on the headlights"), ("cmd", "switch on the high beams"),
        ("cmd", "open the frunk"), ("cmd", "open the charge port"), ("cmd", "close the charge port"),
        ("cmd", "turn on the seat ventilation"), ("cmd", "turn on the seat massage in the car"),
        ("cmd", "set the car fan to high"), ("cmd", "turn on recirculation in the car"),
        ("cmd", "set the ambient lighting in the car to {color}"), ("cmd", "schedule the car to charge at {clock}"),
        ("cmd", "precondition the car for {clock}"), ("cmd", "turn on the rear defroster"),
        ("cmd", "heat the steering wheel"), ("cmd", "turn on hill descent control"),
        ("cmd", "show me the backup camera"), ("ask", "how fast was the car going"),
        # the phone's: we can send, set, take photos, not these
        ("cmd", "put my phone on vibrate"), ("cmd", "turn off adaptive display on my phone"),
        ("cmd", "change my ringtone"), ("cmd", "record a video on my phone"), ("cmd", "record my screen"),
        ("cmd", "snooze the alarm"), ("cmd", "delete my {clock} alarm"), ("ask", "what alarms do I have set"),
        ("cmd", "schedule a text to {name} for tomorrow morning"), ("cmd", "turn off the wifi on my phone"),
        ("cmd", "disconnect my {gadget}"), ("cmd", "share my location with {name}"),
        ("cmd", "share my ETA with {name}"), ("cmd", "send {name} my live location"),
        ("cmd", "start a video chat with {name}"), ("cmd", "start a FaceTime with {name}"),
        # maps: we route and navigate, not these
        ("ask", "how's the traffic on {road}"), ("ask", "is there traffic on my way to work"),
        ("cmd", "find the cheapest gas near me"), ("cmd", "find a {cuisine} place nearby"),
        ("cmd", "avoid highways on this route"), ("cmd", "avoid tolls on the way"),
        ("ask", "what's the speed limit here"), ("cmd", "find parking near {place}"),
        ("cmd", "find an EV charger near {place}"), ("cmd", "get me an Uber to {place}"),
        ("cmd", "book a Lyft to {place}"),
        # the home's: devices it lacks, and managing what it has
        ("cmd", "turn on the {missing_device}"), ("cmd", "switch off the {missing_device}"),
        ("cmd", "set the {missing_device} to 80"), ("cmd", "activate the {scene} scene"),
        ("cmd", "create an automation that turns on the porch light at sunset"),
        ("cmd", "rename the floor lamp to reading lamp"), ("cmd", "pair the new smart plug"),
        ("cmd", "add a new bulb to the kitchen"), ("ask", "how much energy did we use {when_past}"),
        ("ask", "what's the air quality inside"), ("ask", "who unlocked the {door} last"),
        ("cmd", "give {name} a guest code for the {door}"), ("cmd", "change the code on the {door} lock"),
        ("cmd", "shuffle the music in the kitchen"), ("cmd", "put this song on repeat"),
        ("cmd", "like this song"), ("cmd", "add this song to my {playlist} playlist"),
        ("cmd", "group the kitchen and bedroom speakers"), ("cmd", "turn the bass up on the speaker"),
        ("cmd", "download this video"), ("cmd", "share my grocery list with {name}"),
        ("cmd", "order everything on my grocery list"), ("cmd", "assign the dishes to {name}"),
        ("ask", "how do I reset the router in the garage"), ("ask", "why does the doorbell keep ringing"),
    ],
    "car": [
        ("cmd", "set the car to {drive_mode} mode"), ("cmd", "switch to {drive_mode} mode"),
        ("cmd", "turn on the windshield wipers"), ("cmd", "turn off the windshield wipers"),
        ("cmd", "fill up the gas"), ("cmd", "fill up the gas tank"),
        ("cmd", "book a {car_service} for the car"), ("cmd", "schedule a {car_service} for my car"),
        ("ask", "what's the tire pressure on the car"), ("cmd", "turn on cruise control"),
        ("cmd", "engage autopilot in the car"), ("cmd", "fold in the side mirrors"),
        ("cmd", "adjust the rearview mirror"), ("cmd", "turn on the fog lights"),
        ("cmd", "put the car in park"), ("cmd", "shift the car into reverse"),
        ("cmd", "save the dashcam clip"), ("cmd", "tune the car radio to {freq}"),
        ("cmd", "pay for parking for the car"), ("cmd", "update the car's software"),
        ("cmd", "turn on sentry mode in the car"), ("cmd", "turn on the child lock in the car"),
        ("ask", "when is my car due for an oil change"), ("cmd", "order new wiper blades for the car"),
        ("cmd", "turn on lane assist in the car"), ("ask", "how much is the car insurance"),
        ("cmd", "rotate the tires on the car"), ("cmd", "wash the car"),
    ],
}

GENERAL_BANKS: dict[str, list[tuple[str, str]]] = {
    "trivia": [
        ("ask", "who wrote {book}"), ("ask", "who painted {artwork}"),
        ("ask", "what is the capital of {country}"), ("ask", "how tall is {landmark}"),
        ("ask", "when was {invention} invented"), ("ask", "who invented {invention}"),
        ("ask", "what's the population of {country}"), ("ask", "who was {person}"),
        ("cmd", "tell me about {person}"), ("ask", "what language do they speak in {country}"),
        ("ask", "what currency does {country} use"), ("ask", "{science_q}"),
        ("ask", "how long does a {animal} live"), ("cmd", "tell me a fun fact about the {animal}"),
        ("ask", "what do {animal}s eat"), ("ask", "when did {person} die"),
        ("ask", "how old was {person} when they died"), ("ask", "where was {person} born"),
        ("ask", "what is {city} famous for"), ("ask", "what's the oldest city in {country}"),
        ("cmd", "remind me who wrote {book}"), ("cmd", "remind me what the capital of {country} is"),
        ("ask", "what's the national animal of {country}"), ("ask", "is {landmark} taller than {landmark}"),
    ],
    "math": [
        ("ask", "what's {n} times {n2}"), ("ask", "what is {n} plus {n2}"),
        ("ask", "what's {n} divided by {n2}"), ("ask", "what's {pct} percent of {n}"),
        ("ask", "what's the square root of {n}"), ("ask", "is {n} a prime number"),
        ("cmd", "convert {n} {conv}"), ("ask", "how many {unit_pair}"),
        ("ask", "what's a {pct} percent tip on {money}"), ("cmd", "split {money} {party} ways"),
        ("ask", "what's {n2} squared"), ("ask", "what's {n} minus {n2}"),
        ("cmd", "calculate {pct} percent off {money}"), ("ask", "what is {n2} to the power of {n2}"),
        ("cmd", "remind me how many {unit_pair}"), ("ask", "what's {n2} factorial"),
        ("cmd", "solve {n2}x plus {n2} equals {n}"),
    ],
    "words": [
        ("ask", "what does {word} mean"), ("cmd", "define {word}"),
        ("ask", "how do you spell {word}"), ("cmd", "spell {word}"),
        ("ask", "what's a synonym for {word}"), ("ask", "what's the opposite of {word}"),
        ("cmd", "use {word} in a sentence"), ("ask", "how do you pronounce {word}"),
        ("ask", "what's the origin of the word {word}"), ("ask", "is {word} a noun or an adjective"),
        ("ask", "what rhymes with {rhyme}"), ("ask", "how many letters are in {word}"),
    ],
    "translate": [
        ("ask", "how do you say {phrase} in {language}"), ("cmd", "translate {phrase} into {language}"),
        ("ask", "what's {phrase} in {language}"), ("ask", "how do I say {phrase} in {language}"),
        ("cmd", "teach me how to say {phrase} in {language}"),
        ("ask", "what language is spoken in {country}"), ("ask", "is {language} hard to learn"),
    ],
    "creative": [
        ("cmd", "tell me a joke"), ("cmd", "tell me a joke about {topic}"),
        ("cmd", "write a poem about {topic}"), ("cmd", "tell me a story about {topic}"),
        ("cmd", "write a haiku about {topic}"), ("cmd", "write a limerick about {topic}"),
        ("cmd", "give me a riddle"), ("cmd", "tell me a bedtime story about {topic}"),
        ("cmd", "make up a knock knock joke"), ("cmd", "tell me a pun about {topic}"),
        ("cmd", "write a short birthday message for my {relation}"),
        ("cmd", "come up with a name for my new {pet}"), ("cmd", "tell me a scary story"),
    ],
    "advice": [
        ("ask", "how long do I boil {food}"), ("ask", "how do I make {dish}"),
        ("ask", "what can I substitute for {ingredient}"), ("cmd", "give me a recipe for {dish}"),
        ("ask", "what internal temperature should {meat} be cooked to"),
        ("ask", "how long should I cook {meat}"), ("ask", "what goes well with {dish}"),
        ("ask", "what are the symptoms of {condition}"), ("ask", "how do I get rid of {ailment}"),
        ("ask", "is it bad to {habit}"), ("ask", "how much water should I drink a day"),
        ("cmd", "give me a {minutes} minute {workout} workout"),
        ("ask", "how many calories does {activity} burn"), ("ask", "how can I improve my {skill}"),
        ("ask", "{rel_q}"), ("ask", "what should I get my {relation} for {occasion}"),
        ("cmd", "give me gift ideas for my {relation}'s {occasion}"),
        ("ask", "how many hours of sleep do I need"), ("ask", "is {activity} good exercise"),
        ("ask", "what should I make for dinner"), ("ask", "how do I get better at {activity}"),
        ("cmd", "suggest a healthy breakfast"), ("ask", "how do I start meditating"),
    ],
    "chitchat": [
        ("chat", "how are you"), ("chat", "how are you doing today"), ("chat", "what's your name"),
        ("say", "I'm bored"), ("chat", "who made you"), ("chat", "are you a robot"),
        ("chat", "do you dream"), ("chat", "what's your favorite {fav}"),
        ("say", "I'm feeling {mood}"), ("say", "I'm so {mood} today"), ("say", "thank you"),
        ("say", "never mind that"), ("say", "you're awesome"), ("chat", "do you like {cmp_a}"),
        ("cmd", "tell me something interesting"), ("say", "I love you"),
        ("chat", "what do you think about {opinion_topic}"), ("chat", "is {cmp_a} better than {cmp_b}"),
        ("chat", "which is better, {cmp_a} or {cmp_b}"), ("chat", "are you smarter than me"),
        ("chat", "do you have feelings"), ("chat", "what's the meaning of life"),
        ("chat", "can we be friends"), ("say", "good job"), ("say", "that's not what I asked"),
        ("chat", "how old are you"), ("chat", "where do you live"), ("say", "you're funny"),
        ("chat", "what should I do this weekend"), ("say", "I had a rough day at work"),
        ("chat", "do you believe in ghosts"), ("cmd", "say something nice"),
        ("chat", "what can't you do"), ("say", "I can't sleep"), ("cmd", "flip a coin"),
        ("cmd", "roll a die"), ("cmd", "pick a number between 1 and {n}"),
    ],
    "shopping": [
        ("cmd", "order {cuisine_order} from {delivery_app}"), ("cmd", "order me {cuisine_order}"),
        ("cmd", "get {cuisine_order} delivered"), ("cmd", "book {ride_app} to {place}"),
        ("cmd", "get me {ride_app} to {place}"), ("cmd", "book a table for {party} at {restaurant} {when}"),
        ("cmd", "make a reservation at {restaurant} for {party} {when}"),
        ("cmd", "buy {party} tickets for {event_tix}"), ("cmd", "get tickets to {event_tix} {when}"),
        ("cmd", "book a flight to {city} {when}"), ("cmd", "find me a cheap flight to {city}"),
        ("cmd", "find me a hotel in {city} {when}"), ("cmd", "book a hotel room in {city}"),
        ("cmd", "order {product} on Amazon"), ("cmd", "buy {product}"),
        ("cmd", "track my package"), ("ask", "where is my Amazon order"),
        ("ask", "how much is {product}"), ("cmd", "return the {product} I bought"),
        ("ask", "how long will my {delivery_app} order take"), ("cmd", "cancel my {delivery_app} order"),
        ("cmd", "rent a car in {city} {when}"), ("cmd", "find an Airbnb in {city}"),
    ],
    "finance": [
        ("ask", "what's my {bank} balance"), ("ask", "how much money is in my {bank} account"),
        ("ask", "how's {stock} doing today"), ("ask", "what's {stock} stock at"),
        ("ask", "what's the price of {crypto}"), ("cmd", "buy {money} of {crypto}"),
        ("cmd", "sell my {stock} shares"), ("cmd", "pay my {bill} bill"),
        ("cmd", "send {money} to {name} on {pay_app}"), ("cmd", "transfer {money} to savings"),
        ("ask", "how much did I spend on {spend_cat} this month"),
        ("ask", "when is my {bill} bill due"), ("cmd", "request {money} from {name} on {pay_app}"),
        ("ask", "what's my credit score"), ("ask", "did my paycheck come in"),
        ("ask", "what's the exchange rate for the {currency}"),
        ("cmd", "freeze my credit card"), ("ask", "should I invest in {crypto}"),
    ],
    "sports": [
        ("ask", "what was the score of the {team} game"), ("ask", "did the {team} win {when_past}"),
        ("ask", "when do the {team} play next"), ("ask", "who's leading the {league}"),
        ("ask", "who won {tournament} in {year}"), ("ask", "who's the best player on the {team}"),
        ("ask", "what channel is the {team} game on"), ("ask", "how many championships have the {team} won"),
        ("ask", "who's winning the {team} game"), ("ask", "where are the {league} standings"),
        ("ask", "is the {team} game sold out"), ("ask", "who scored for the {team} {when_past}"),
        ("ask", "what's the {team} record this season"),
    ],
    "coding": [
        ("ask", "how do I {code_task} in {lang}"), ("cmd", "show me how to {code_task} in {lang}"),
        ("ask", "why am I getting a {code_err} in {lang}"),
        ("cmd", "write a {lang} function that {code_fn}"),
        ("ask", "what's the difference between {cmp_code} in {lang}"),
        ("ask", "is {lang} good for beginners"),
        ("cmd", "explain recursion in {lang}"), ("ask", "how do I fix a {code_err}"),
        ("cmd", "write a regex that {code_fn}"), ("ask", "what does git rebase do"),
    ],
    "explain": [
        ("cmd", "explain {concept}"), ("cmd", "explain {concept} like I'm five"),
        ("ask", "what caused {hist_event}"), ("ask", "why did {hist_event} happen"),
        ("ask", "what's the deal with {concept}"), ("cmd", "give me a summary of {hist_event}"),
        ("ask", "what's the history of {invention}"), ("ask", "why does {concept} matter"),
        ("cmd", "summarize {book} for me"), ("ask", "what is {concept} in simple terms"),
        ("ask", "how did {hist_event} end"), ("ask", "what were the effects of {hist_event}"),
        ("ask", "how does {concept} affect me"),
    ],
}

# Share of draws per category; near-miss categories total 0.40.
CATEGORY_WEIGHTS: dict[str, float] = {
    "phone": 0.06, "messages": 0.07, "calendar": 0.04, "photos": 0.03, "recognize": 0.04,
    "appliances": 0.06, "tv_radio": 0.03, "network": 0.02, "car": 0.04, "capabilities": 0.08,
    "trivia": 0.07, "math": 0.05, "words": 0.03, "translate": 0.03, "creative": 0.04,
    "advice": 0.06, "chitchat": 0.06, "shopping": 0.05, "finance": 0.04, "sports": 0.04,
    "coding": 0.03, "explain": 0.02,
}

# Device words: every near-miss template contains at least one (case-insensitive).
NEAR_MISS_MARKERS: list[str] = [
    "airplane mode", "screenshot", "phone", "flashlight", "hotspot", "notifications",
    "app", "battery", "low power", "storage", "wallpaper", "dark mode", "passcode",
    "charge", "find my", "text", "called", "call", "voicemail", "contact", "email",
    "calendar", "meeting", "appointment", "photo", "picture", "album", "slideshow",
    "song", "translate", "scan", "print", "order more", "reorder", "what plant",
    "what breed", "label", "alarm system", "security system", "dishwasher", "oven",
    "microwave", "washing machine", "dryer", "slow cooker", "rice cooker", "bread maker",
    "instant pot", "air fryer", "ice maker", "make me a", "brew me a", "fridge", "ice",
    "uninstall", "open", "block", "bake", "update", "cancel my", "am I free",
    "what time is my", "when is my next",
    "feed the", "walk the dog", "water bowl", "houseplants", "indoor plants", "trash", "laundry", "make the bed",
    "cook dinner", "sandwich", "doorbell", "camera", "freezer", "espresso machine",
    "tv", "channel", "record", "subtitles", "hdmi", "radio", "dvr", "router", "modem",
    "wifi", "speed test", "internet", "car", "mode", "wipers", "gas", "tire",
    "cruise control", "autopilot", "mirror", "fog lights", "park", "reverse", "dashcam",
    "software", "sentry", "child lock", "lane assist",
    "headlights", "high beams", "frunk", "charge port", "seat", "fan", "recirculation",
    "lighting", "defroster", "steering wheel", "hill descent", "vibrate", "ringtone",
    "screen", "snooze", "wifi", "disconnect", "location", "ETA", "video chat", "FaceTime",
    "traffic", "gas", "nearby", "highways", "tolls", "speed limit", "parking", "EV charger",
    "Uber", "Lyft", "turn on", "switch off", "set the", "scene", "automation", "rename",
    "pair", "bulb", "energy", "air quality", "unlocked", "guest code", "lock", "music",
    "song", "speakers", "bass", "download", "grocery list", "dishes", "router", "alarm",
]

_MARKER_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(m) for m in sorted(NEAR_MISS_MARKERS, key=len, reverse=True))
    + r")(?:s|es|d|ed)?\b", re.IGNORECASE)


def has_near_miss_marker(text: str) -> bool:
    """True when text names one of NEAR_MISS_MARKERS as a whole word (plurals allowed)."""
    return _MARKER_RE.search(text) is not None


# --------------------------------------------------------------------------- dressing

INTERJECTIONS = ["hey", "hey there", "um", "uh", "ok", "okay", "hi", "yo", "hmm",
                 "alright", "so", "excuse me", "hey hub", "hey octo", "oh", "well",
                 "quick question", "sorry"]
CMD_WRAPPERS = [  # (template, reads as a question)
    ("{x}", False), ("please {x}", False), ("{x} please", False), ("{x} for me", False),
    ("{x} for me please", False), ("can you {x}", True), ("could you {x}", True),
    ("can you please {x}", True), ("could you please {x}", True), ("would you {x}", True),
    ("I need you to {x}", False), ("I want you to {x}", False), ("go ahead and {x}", False),
    ("I'd like you to {x}", False), ("{x} now", False), ("{x}, thanks", False),
    ("{x} real quick", False), ("is it possible to {x}", True), ("are you able to {x}", True),
    ("I was hoping you could {x}", False), ("{x} when you get a chance", False),
]
ASK_WRAPPERS = [
    ("{x}", True), ("{x}", True), ("so {x}", True), ("tell me, {x}", True),
    ("I was wondering, {x}", True), ("{x}, do you know", True), ("remind me, {x}", True),
    ("quick one: {x}", True), ("hmm, {x}", True), ("ok but {x}", True),
    ("just curious, {x}", True), ("{x}, please", True),
]
CHAT_WRAPPERS = [("{x}", True), ("{x}", True), ("so {x}", True), ("ok but {x}", True),
                 ("so tell me, {x}", True)]
SAY_WRAPPERS = [("{x}", False), ("{x}", False), ("honestly {x}", False),
                ("{x} right now", False), ("man, {x}", False)]
_WRAPPERS = {"cmd": CMD_WRAPPERS, "ask": ASK_WRAPPERS, "chat": CHAT_WRAPPERS,
             "say": SAY_WRAPPERS}

_SLOT = re.compile(r"\{(\w+)\}")


def _fill(template: str, rng: random.Random) -> str:
    """Replace each {slot} with a random value; nested slots ({relation} inside rel_q)
    are filled too."""
    def one(match: re.Match[str]) -> str:
        key = match.group(1)
        if key == "cmp_code":
            a, b = rng.choice(SLOTS["code_pair"])
            return f"{a.strip()} and {b.strip()}"
        return _fill(str(rng.choice(SLOTS[key])), rng)

    return _SLOT.sub(one, template)


def _dress(core: str, kind: str, rng: random.Random) -> str:
    """Wrap a core request in politeness, an interjection, casing and punctuation."""
    wrapper, is_question = rng.choice(_WRAPPERS[kind])
    text = wrapper.format(x=core)
    # An interjection, unless the wrapper already opens with one ("so", "ok but").
    if (kind == "cmd" or wrapper.startswith("{x}")) and rng.random() < 0.3:
        text = f"{rng.choice(INTERJECTIONS)}{rng.choice([', ', ' ', '... ', ' - '])}{text}"
    if is_question:
        end = rng.choices(["?", "", "??", "."], weights=[70, 20, 5, 5])[0]
    else:
        end = rng.choices(["", ".", "!"], weights=[50, 35, 15])[0]
    text += end
    if rng.random() < 0.15:
        text = text.replace("'", "")  # "whats", "dont": how people type
    style = rng.random()
    if style < 0.45:
        text = text[0].upper() + text[1:]
    elif style < 0.50:
        text = text.upper()
    elif style < 0.55:
        text = text.lower()
    return text


def _word_ok(text: str) -> bool:
    return 2 <= len(text.split()) <= 25 and 0 < len(text) <= 200


def near_miss_query(rng: random.Random) -> str:
    """One request that sounds like a device command the hub cannot serve."""
    return _draw(rng, list(NEAR_MISS_BANKS))


def general_query(rng: random.Random) -> str:
    """One off-topic request: trivia, math, chit-chat, shopping, finance..."""
    return _draw(rng, list(GENERAL_BANKS))


def _draw(rng: random.Random, categories: list[str]) -> str:
    weights = [CATEGORY_WEIGHTS[c] for c in categories]
    while True:
        category = rng.choices(categories, weights=weights)[0]
        bank = NEAR_MISS_BANKS.get(category) or GENERAL_BANKS[category]
        kind, template = rng.choice(bank)
        text = _dress(_fill(template, rng), kind, rng)
        if _word_ok(text):
            return text


def irrelevant_queries(rng: random.Random, n: int) -> list[str]:
    """n varied requests that no served function handles (about 40% near-misses)."""
    return [_draw(rng, list(CATEGORY_WEIGHTS)) for _ in range(n)]
