"""The words that make or break a capitalised name: words that are never names alone, the
words that mark an organisation, a place, a title or a party, and the test a token passes to
be part of a name. Pure: no Django."""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from workers.nlp import DEMONYMS
from workers.nlp.first_names import first_name_gender
from workers.nlp.world import nationality_words

# Capitalised words that are never names on their own (sentence openers, calendar words,
# titles, demonyms).  The gazetteer handles every name we know; this only limits what
# the fallback invents.
NOT_NAME_WORDS = frozenset(
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her",
        "Its", "Their", "Our", "My", "Your", "This", "That", "These", "Those", "There",
        "But", "And", "Or", "However", "Meanwhile", "In", "On", "At", "As", "After",
        "Before", "When", "While", "Since", "If", "So", "Yet", "Still", "Also", "Like",
        "Earlier", "Later", "Last", "Next", "Some", "Many", "Most", "No", "Not", "For",
        "From", "To", "With", "By", "Of", "Speaking", "Citing", "According", "Despite",
        "Although", "Because", "Thank", "Thanks", "Please", "Yes", "Well", "Now",
        "Today", "Yesterday", "Tomorrow", "Here", "What", "Why", "How", "Who", "Where",
        "Which", "Mr.", "Mrs.", "Ms.", "Dr.", "President", "Pres.", "Prime", "Minister",
        "Senator", "Governor", "Secretary", "Officials", "Police", "Monday", "Tuesday",
        "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
        "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December", "Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.",
        "Dec.", "Photo", "File", "Source", "SOURCE", "Image", "Credit",
        "Let", "Do", "Does", "Did", "Is", "Are", "Was", "Were", "Will", "Would", "Can",
        "Could", "Should", "Every", "All", "Each", "Both", "Such", "Even", "Just", "Only",
        "Then", "Than", "Once", "Again", "Instead", "Indeed", "Already", "Among",
        "Several", "Another", "Others", "Few", "One", "Everybody", "Everyone", "Nobody",
        "Someone", "Anyone",
    }
)  # fmt: skip
# Words that make a name a business's ("Harbor Foods Inc.", "Redstone Minerals"): an
# organisation to the name finder, and "the company" to discourse (``org_heads``).
COMPANY_WORDS = frozenset(
    {
        "Company", "Inc.", "Corp.", "Ltd.", "Co.", "LLC", "Corporation", "Technologies",
        "Industries", "Holdings", "Systems", "Airlines", "Motors", "Communications",
        "Enterprises", "Pharmaceuticals", "Insurance", "Studios", "Brands", "Foods", "Partners",
        "Bancorp", "Labs", "Minerals", "Mining", "Petroleum", "Steel", "Chemicals", "Airways",
        "Shipping", "Construction", "Properties", "Media", "Entertainment", "Footwear",
        "Apparel", "Solutions", "Pharma", "Resorts", "Hotels", "Publishing", "Productions",
        "Ventures", "Investments", "Consulting", "Logistics", "Products", "Stores",
        "Restaurants", "Telecom", "Software", "Networks", "Pictures", "Railways",
        "Therapeutics", "Automotive", "Aerospace", "Capital",
    }
)  # fmt: skip
ORG_WORDS = COMPANY_WORDS | frozenset(
    {
        "Council", "Department", "Ministry", "Agency", "Party", "Bank", "University", "Court",
        "Commission", "Committee", "News", "Times", "Journal", "Post", "Army", "Navy", "Force",
        "Police", "Organization", "Organisation", "Union", "Association", "Institute",
        "Office", "Administration", "Government", "Congress", "Senate", "Parliament", "Group",
        "Foundation", "Service", "Bureau", "Board", "Network", "Press", "Radio", "TV",
        "Federation", "Guard", "Cartel", "Fund", "Authority", "Centre", "Center", "Club",
        "School", "Hospital", "Church", "Tribune", "Herald", "Convention", "Project",
        "Program", "Coalition", "Alliance", "Caucus", "Conference", "Initiative", "League",
        "Society", "Command", "Magazine", "Gazette",
        # sports clubs ("Vessen United", "Tarrow Rovers")
        "United", "Rovers", "Wanderers", "Athletic", "FC", "Albion",
    }
)  # fmt: skip
PLACE_WORDS = frozenset(
    {
        "City", "County", "State", "Province", "River", "Island", "Islands", "Valley",
        "Mountains", "Sea", "Ocean", "Gulf", "Bay", "Lake", "Republic", "Kingdom",
        "Fort", "Port", "Street", "Avenue", "Square", "Mount", "Mt.", "Cape", "Canyon",
    }
)  # fmt: skip
# Titles a name run may carry before a person's name ("State Rep. Wendy Roe", "Senate Majority
# Leader Jo Roe"): after one, the words that follow are the person, whatever came before.
TITLE_WORDS = frozenset(
    {
        "Rep.", "Sen.", "Gov.", "Lt.", "Gen.", "Col.", "Sgt.", "Capt.", "Rev.", "Prof.",
        "Representative", "Congressman", "Congresswoman", "Assemblyman", "Assemblywoman",
        "Mayor", "Judge", "Justice", "Sheriff", "Ambassador", "Commissioner", "Director",
        "Leader", "Speaker", "Chairman", "Chairwoman", "Attorney", "General", "Pastor",
        "Spokesman", "Spokeswoman", "Councilman", "Councilwoman", "Delegate", "Chief",
        "Advocate",
    }
)  # fmt: skip
# Irregular past forms of common verbs ("the … Bureau found", "…, says the fund lost $4 million"):
# after a run of names they end it, inside a would-be speaker they make it a clause.
IRREGULAR_PAST = frozenset(
    {"said", "found", "told", "wrote", "put", "held", "sent", "made", "gave", "took", "saw",
     "set", "cut", "kept", "led", "paid", "spent", "won", "lost", "knew", "ran", "began",
     "chose", "rose", "fell", "grew", "sold", "met", "brought", "thought", "sought", "got"}
)  # fmt: skip
# Past forms no different from the present's base ("the plan cost $4 billion"): kept apart
# from IRREGULAR_PAST, which the scorer's "past event" signal reads as it was trained.
UNMARKED_PAST = frozenset({"cost", "hit", "hurt", "shut", "spread", "quit"})
# Titles that are no name words themselves: a run of names right before one is the title's
# portfolio ("Finance Minister Jo Roe", "Foreign Affairs Secretary"), not a person.
PORTFOLIO_TITLES = frozenset({"Minister", "Secretary", "President", "Senator", "Governor"})
# What an institution is for, ending its name ("Customs and Border Protection", "Disease
# Control and Prevention", "Labor Statistics"): a run of names ending so is no person.
FUNCTION_NOUNS = frozenset(
    {
        "Protection", "Enforcement", "Prevention", "Security", "Services", "Affairs",
        "Development", "Management", "Safety", "Defense", "Defence", "Labor", "Labour",
        "Education", "Energy", "Transportation", "Commerce", "Resources", "Relations",
        "Statistics", "Control", "Research", "Intelligence", "Immigration", "Revenue",
        "Welfare", "Housing", "Planning", "Standards", "Regulation",
    }
)  # fmt: skip
PARTY_WORDS = frozenset(
    {"Democratic", "Democrat", "Democrats", "Republican", "Republicans", "GOP", "Libertarian"}
)
NAME_CONNECTORS = frozenset({"of", "for", "de", "del", "la", "van", "von", "bin", "al"})
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "from", "to", "into", "across", "near", "outside", "inside", "toward"}
)
# Prepositions after which a run of names is a place unless it opens with a given name ("in
# Buena Park", "at Boca Marina"; but "in Jo Roe's view"): "from" and "to" often name people.
PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "into", "toward"}
)
# Compass adjectives: alone they qualify a noun ("Southern states"), never name a person.
COMPASS_WORDS = frozenset({"Northern", "Southern", "Eastern", "Western", "Midwestern"})
# Compass points: before a people's adjective they qualify it ("South Korean", "West German").
COMPASS_POINTS = frozenset(
    {"North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest"}
)


def compass_alone(word: str, next_word: str) -> bool:
    """A compass word that is no name by itself: an adjective ("Southern states") or a point
    before a people's adjective ("a South Korean passport"); "Cornel West" stays a name."""
    if word in COMPASS_WORDS:
        return True
    people = next_word.lower() in DEMONYMS or next_word.casefold() in nationality_words()
    return word in COMPASS_POINTS and people


def is_name_token(text: str) -> bool:
    if text in NOT_NAME_WORDS or text.lower() in DEMONYMS or text.casefold() in nationality_words():
        return False
    stripped = text.replace(".", "").replace("-", "").replace("’", "").replace("'", "")
    if not stripped.isalpha():
        return False
    return text[0].isupper()


def names_institution(words: list[str]) -> bool:
    """Capitalised words joined by "and", "of" or "for" that name one institution ("Immigration
    and Customs Enforcement", "Centers for Disease Control and Prevention"): it ends in an
    organisation or function noun, and what comes before "and" is one word (after a place's
    abbreviation) or holds "of"/"for" ("Jo Roe and Acme Services" is two sources)."""
    links = {"and", "of", "for", "&"}
    if "and" not in words or words[-1] not in (ORG_WORDS | FUNCTION_NOUNS):
        return False
    first = [w for w in words[: words.index("and")] if "." not in w]  # "U.S. Customs and …"
    return (
        (len(first) == 1 or "of" in first or "for" in first)
        and not first_name_gender(first[0] if first else "")
        and all(w in links or (w[:1].isupper() and w.replace(".", "").isalpha()) for w in words)
    )


def noun_after(word: str) -> bool:
    """A lower-case word that is likely a noun the names before it modify: no function word, no
    verb ending in -s/-ed and no irregular past form."""
    if not (word.isalpha() and word.islower()) or word in STOP_WORDS:
        return False
    return not (word.endswith(("s", "ed")) or word in IRREGULAR_PAST)


# A plural title before names is no part of either name ("Senators Jo Roe and Al Doe").
PLURAL_TITLES = frozenset(
    {"Senators", "Sens.", "Reps.", "Representatives", "Governors", "Ministers", "Justices",
     "Judges", "Mayors", "Councillors", "Drs."}
)  # fmt: skip
# A storm is named like a person and is no entity of any kind here ("Hurricane Delia").
STORM_WORDS = frozenset({"Hurricane", "Typhoon", "Cyclone", "Tropical"})
