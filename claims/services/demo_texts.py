"""Sentences for the demo data (`demo_data_generate`): claims of every type, as a desk sees them,
composed from attributions, claim shapes and slots (people, places, topics, figures, years), so
that 100,000 claims are mostly distinct sentences that share topics, claimants and wording the
way a year of coverage does. Deterministic for a given `random.Random`."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

FIRST = [
    "Maria",
    "Claudia",
    "James",
    "Ana",
    "Li",
    "Ahmed",
    "Olena",
    "Peter",
    "Grace",
    "Luis",
    "Fatima",
    "Tom",
    "Ingrid",
    "Kwame",
    "Sofia",
    "Raj",
    "Helen",
    "Marco",
    "Yuki",
    "Daniel",
    "Amara",
    "Pierre",
    "Elena",
    "Omar",
    "Sara",
    "Jonas",
    "Lucia",
    "Victor",
    "Nadia",
    "Ben",
]
LAST = [
    "Lopez",
    "Sheinbaum",
    "Carter",
    "Silva",
    "Wei",
    "Khan",
    "Petrenko",
    "Novak",
    "Mensah",
    "Garcia",
    "Haddad",
    "Brown",
    "Larsen",
    "Osei",
    "Rossi",
    "Patel",
    "Morgan",
    "Bianchi",
    "Tanaka",
    "Fischer",
    "Okafor",
    "Dubois",
    "Ivanova",
    "Nasser",
    "Lindqvist",
    "Weber",
    "Moreno",
    "Kowalski",
    "Adeyemi",
    "Hughes",
]
ORGS = [
    "the health ministry",
    "the central bank",
    "the statistics office",
    "the World Bank",
    "the teachers' union",
    "the chamber of commerce",
    "the opposition party",
    "the IMF",
    "the national audit office",
    "the housing association",
    "the farmers' federation",
    "the police federation",
    "Amnesty International",
    "the OECD",
    "the energy regulator",
    "the pensions board",
    "the transport authority",
    "the finance ministry",
    "Oxfam",
    "the medical association",
    "the electoral commission",
    "the employers' federation",
]
PLACES = [
    "Mexico",
    "Texas",
    "Ohio",
    "Brazil",
    "Kenya",
    "Ukraine",
    "Poland",
    "Ghana",
    "Italy",
    "India",
    "California",
    "Florida",
    "Nigeria",
    "France",
    "Germany",
    "Japan",
    "Spain",
    "Canada",
    "Chile",
    "Peru",
    "Egypt",
    "Turkey",
    "Sweden",
    "Norway",
    "Scotland",
    "Wales",
    "Ireland",
    "Arizona",
    "Georgia",
    "Michigan",
    "Bavaria",
    "Quebec",
    "Ontario",
    "Lagos",
    "Nairobi",
    "Manila",
    "Jakarta",
    "Vietnam",
    "Colombia",
    "Argentina",
    "Portugal",
    "Greece",
    "Austria",
    "Denmark",
    "Finland",
    "Romania",
    "Hungary",
    "Morocco",
    "Senegal",
    "Pakistan",
]
TOPICS = [
    "health care",
    "housing",
    "education",
    "immigration",
    "violent crime",
    "defence",
    "childcare",
    "pensions",
    "energy",
    "fuel",
    "food",
    "tuition",
    "public transport",
    "broadband",
    "water",
    "carbon emissions",
    "steel tariffs",
    "farming",
    "tourism",
    "mining",
    "fisheries",
    "vaccination",
    "mental health",
    "drug overdoses",
    "homelessness",
    "wages",
    "income tax",
    "student debt",
    "rents",
    "electricity",
    "policing",
    "prisons",
    "the minimum wage",
    "foreign aid",
    "scientific research",
    "hospital beds",
    "nursing",
    "road safety",
    "unemployment",
    "inflation",
]
GROUPS = [
    "families",
    "pensioners",
    "students",
    "small businesses",
    "farmers",
    "nurses",
    "teachers",
    "young people",
    "low earners",
    "migrants",
    "renters",
    "first-time buyers",
    "veterans",
]
REGIONS = ["Europe", "Latin America", "Africa", "Asia", "the country", "the region", "the G7"]
MOVED = ["rose", "fell", "jumped", "dropped", "climbed", "more than doubled", "was cut"]
SUPERLATIVE = ["highest", "lowest", "fastest-growing", "worst", "best"]
POLICY = [
    "new budget",
    "tax reform",
    "border plan",
    "spending review",
    "trade deal",
    "housing bill",
    "health reform",
    "carbon levy",
    "pension reform",
    "education act",
]
CAUSED = ["drove up", "pushed down", "doubled", "halved", "wiped out", "created"]
EVENT_VERB = ["met", "visited", "sued", "fined", "signed a deal with", "walked out of talks with"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
]

ATTRIBUTIONS = [
    "",
    "",
    "",
    "{person} said ",
    "According to {org}, ",
    "{person} claimed that ",
    "In a speech on {month} {day}, {person} said ",
    "{org} reported that ",
    "Speaking in {place2}, {person} said ",
    "{person} told reporters that ",
]
# (claim type, shape): the shape's own text, its figures and years filled in.
SHAPES = [
    ("statistic", "{place}'s {topic} spending {moved} by {pct} percent in {year}"),
    (
        "statistic",
        "{people} people in {place} depend on {topic} support, up from {people2} in {year}",
    ),
    ("statistic", "the {topic} budget reached ${money} billion last year"),
    ("statistic", "{pct} percent of {group} in {place} cannot afford {topic}"),
    ("statistic", "average {topic} costs for {group} {moved} by ${small} a month since {year}"),
    ("statistic", "{place} recorded {people} cases linked to {topic} in {year}"),
    ("superlative", "{place} has the {sup} {topic} rate in {region}"),
    ("superlative", "this is the {sup} level of {topic} since {year}"),
    ("comparison", "{place} spends more on {topic} than {place2} and {place3} combined"),
    ("comparison", "{topic} costs in {place} are {times} times higher than in {place2}"),
    ("causal", "the {policy} {caused} {topic} costs for {group} in {place}"),
    ("causal", "cuts to {topic} {caused} waiting lists in {place}"),
    ("prediction", "the {policy} will cut {topic} spending by {pct} percent by {year2}"),
    ("prediction", "{topic} prices in {place} will {moveto} by {year2}"),
    ("policy", "the government has frozen {topic} funding for {group} until {year2}"),
    ("policy", "the {policy} scraps {topic} subsidies for {group}"),
    ("event", "{person2} {event} {org} in {month} {year}"),
    ("quote", '"We have never spent more on {topic} in {place}"'),
]


@dataclass
class DemoClaim:
    text: str
    claim_type: str
    claimant: str | None  # a person's name, when the sentence names who says it
    place: str
    year: str | None
    figure: tuple[str, float, str] | None  # (text, value, unit)
    mentions: list[str] = field(default_factory=list)


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def claim_sentence(rng: random.Random, people: list[str]) -> DemoClaim:
    claim_type, shape = rng.choice(SHAPES)
    attribution = rng.choice(ATTRIBUTIONS)
    speaker = rng.choice(people)
    pct = rng.choice([rng.randint(2, 90), round(rng.uniform(0.5, 20), 1)])
    people_n = rng.randint(2, 900) * 1000
    slots: dict[str, object] = {
        "person": speaker,
        "person2": rng.choice(people),
        "org": rng.choice(ORGS),
        "place": rng.choice(PLACES),
        "place2": rng.choice(PLACES),
        "place3": rng.choice(PLACES),
        "topic": rng.choice(TOPICS),
        "group": rng.choice(GROUPS),
        "region": rng.choice(REGIONS),
        "moved": rng.choice(MOVED),
        "moveto": rng.choice(["double", "halve", "fall", "rise sharply"]),
        "sup": rng.choice(SUPERLATIVE),
        "policy": rng.choice(POLICY),
        "caused": rng.choice(CAUSED),
        "event": rng.choice(EVENT_VERB),
        "month": rng.choice(MONTHS),
        "day": rng.randint(1, 28),
        "pct": pct,
        "people": f"{people_n:,}",
        "people2": f"{rng.randint(2, 900) * 1000:,}",
        "money": rng.randint(2, 400),
        "small": rng.randint(20, 900),
        "times": rng.choice(["two", "three", "four", "five", "ten"]),
        "year": rng.randint(1990, 2024),
        "year2": rng.randint(2026, 2040),
    }
    core = shape.format(**slots)
    lead = attribution.format(**slots)
    text = lead + core
    text = text[0].upper() + text[1:]
    if claim_type == "quote":
        text = f"{core}, {speaker} said."
    elif not text.endswith("."):
        text += "."
    said = "{person}" in attribution or claim_type == "quote"
    figure: tuple[str, float, str] | None = None
    if "{pct}" in shape:
        figure = (f"{pct} percent", float(pct), "percent")
    elif "{people}" in shape:
        figure = (f"{people_n:,}", float(people_n), "people")
    year = str(slots["year"]) if "{year}" in shape else None
    place = str(slots["place"])
    mentions = [m for m in (speaker if said else None, place) if m and m in text]
    return DemoClaim(text, claim_type, speaker if said else None, place, year, figure, mentions)


FILLER = [
    "The figures were published on Tuesday.",
    "Officials did not respond to a request for comment.",
    "The debate continued late into the night.",
    "Critics questioned the methodology.",
    "The remarks drew applause from supporters.",
    "Opposition members walked out of the chamber.",
]


def headline(rng: random.Random, claim: DemoClaim) -> str:
    topic = next((t for t in TOPICS if t in claim.text), rng.choice(TOPICS))
    return (
        f"{claim.place}: {rng.choice(['row over', 'new figures on', 'debate on', 'pledge on'])} "
        f"{topic}"
    )
