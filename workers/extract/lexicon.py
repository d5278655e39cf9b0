"""The words of attribution: verbs of saying, thinking and finding, the nouns that head a
speaker or a document, and the shapes of a surveyed share ("About four in 10").

Shared by ``attribution`` (which finds the frames), ``sources``, ``discourse`` and ``clauses``.
Pure: no Django.
"""

from __future__ import annotations

import re

# Finite verbs that introduce reported content.  "asked" is left out on purpose: "Trump had
# asked her how he could help" reports an action, not a statement.  "suggested" is in: a
# person who suggests a clause ("aides suggested the plan would cost …") puts it forward.
SPEECH_VERBS = frozenset(
    {
        "said", "says", "say", "told", "tells", "tell", "reported", "reports", "report",
        "added", "adds", "claimed", "claims", "claim", "announced", "announces",
        "announce", "wrote", "writes", "stated", "states", "noted", "notes", "note", "argued",
        "argues", "insisted", "insists", "warned", "warns", "declared", "declares",
        "alleged", "alleges", "asserted", "asserts", "confirmed", "confirms",
        "acknowledged", "acknowledges", "admitted", "admits", "explained", "explains",
        "tweeted", "posted", "estimated", "estimates", "predicted", "predicts",
        "revealed", "reveals", "disclosed", "testified", "maintained", "maintains",
        "contended", "contends", "stressed", "stresses", "emphasised", "emphasized",
        "underlined", "pointed", "recalled", "recalls", "denied", "denies", "replied",
        "responded", "countered", "boasted", "boasts", "observed", "observes",
        "cautioned", "cautions", "complained", "complains", "conceded", "concedes",
        "projected", "forecast", "forecasts", "promised", "promises", "pledged", "vowed",
        "vows", "urged", "urges", "accused", "accuses", "criticized", "criticised",
        "criticizes", "blamed", "blames", "praised", "described", "describes",
        "reiterated", "repeated", "mentioned", "signaled", "signalled", "hinted", "hints",
        "concluded", "ruled", "agreed", "cited", "cites", "calculated", "charged",
        "contend", "argue", "insist", "warn", "estimate", "predict", "acknowledge",
        "decried", "decries", "touted", "touts", "lamented", "laments", "slammed",
        "slams", "questioned", "disputed", "disputes", "recounted", "proposed", "proposes",
        "demanded", "demands", "defended", "defends", "expressed", "expresses",
        "quipped", "joked", "scoffed", "retorted", "exclaimed", "shouted", "yelled", "mused",
        "snapped", "calculates", "emphasize", "emphasizes", "emphasise", "emphasises",
        "elaborated", "assured", "assures", "suggested", "suggests", "commented", "comments",
        "proclaimed", "proclaims", "clarified", "clarifies", "implied", "implies",
        # Saying as a guess, a hint or a reflection ("Roe speculated the levy would fail",
        # "Doe intimated she would run", "Roe marveled at the turnout"), and saying with a feeling
        # ("“…,” Doe fumed", "Roe bragged that rents fell"): still the subject's words.
        "intimated", "intimates", "posited", "posits", "opined", "opines", "speculated",
        "speculates", "theorized", "theorizes", "theorised", "surmised", "surmises",
        "conjectured", "reasoned", "marveled", "marvelled",
        "marvels", "bragged", "brags", "crowed", "gushed", "fumed", "groused", "grumbled",
        "griped",
        # Base forms after a plural subject ("Critics allege …", "Opponents cite concerns …"),
        # of verbs with no common act sense ("confirm the nominee", "declare war", "recall the
        # mayor", "maintain roads" are acts) nor mostly negated ("did not mention", "does not
        # explain", "would never admit" narrate what was left unsaid) nor mostly embedded ("what
        # critics describe as a giveaway" is the writer's clause).
        "cite", "allege", "assert", "concede", "stress", "reveal", "caution",
        "speculate", "opine", "reiterate", "lament", "boast", "disclose",
    }
)  # fmt: skip
# Verbs of saying whose next noun phrase is their object, never an inverted speaker: in
# "Republicans on the panel, including Jo Roe, praised Doe." Doe is praised, not the speaker.
OBJECT_VERBS = frozenset(
    {
        "accused", "accuses", "criticized", "criticised", "criticizes", "blamed", "blames",
        "praised", "described", "describes", "urged", "urges", "slammed", "slams", "decried",
        "decries", "touted", "touts", "defended", "defends", "questioned", "disputed",
        "disputes", "demanded", "demands", "proposed", "proposes", "cited", "cites",
        "expressed", "expresses", "assured", "assures", "charged", "denied", "denies", "cite",
    }
)  # fmt: skip
# Verbs of thinking, hoping and expecting: their subject holds the view that follows
# ("analysts expect the rains to fail", "she believes wages will rise").
COGNITION_VERBS = frozenset(
    {
        "believe", "believes", "believed", "think", "thinks", "thought", "hope", "hopes",
        "hoped", "expect", "expects", "expected", "fear", "fears", "feared", "worry",
        "worries", "worried", "doubt", "doubts", "doubted",
    }
)  # fmt: skip
# Head nouns of a document or a measurement that speaks for its author ("a report by X
# found", "new polls show"): a finding verb needs no "that" after them.
DOCUMENT_NOUNS = frozenset(
    {
        "report", "reports", "study", "studies", "survey", "surveys", "poll", "polls",
        "data", "figures", "analysis", "review", "audit", "estimate", "estimates",
        "records", "documents", "document", "filings", "returns", "census", "research",
        "investigation", "statement", "release", "letter", "memo", "assessment",
        "statistics", "numbers", "count", "tally", "projections", "projection", "model",
        "index", "forecast", "polling", "results", "emails", "findings", "tallies", "paper",
        "papers", "inquiry", "disclosures",
        # Court and police papers ("the charging affidavit says", "the tax form shows he paid").
        "form", "forms", "affidavit", "affidavits", "indictment", "transcript", "transcripts",
        "filing", "logs",
    }
)  # fmt: skip
# Recordings, whose finding verb states what they show ("the video shows Roe outlining …",
# "footage from the game shows …"); not document heads of a speaker phrase ("a video Roe
# released" names no source).
RECORDING_NOUNS = frozenset(
    {"video", "videos", "footage", "photos", "photographs", "images", "recording", "recordings"}
)  # fmt: skip
# Measurements whose subject position states a finding without a verb of saying: "the poll has
# the mayor ahead", "the party's tally gives her 312 seats", "the rent survey puts the median
# rent at $1,450" (``cues.measure_cue``).
MEASURE_NOUNS = frozenset(
    {"poll", "polls", "survey", "surveys", "count", "tally", "estimate", "estimates", "projection",
     "projections", "forecast", "model", "polling", "tracker", "census"}
)  # fmt: skip
MEASURE_VERBS = frozenset(
    {"has", "had", "puts", "put", "gives", "gave", "places", "placed", "pegs", "pegged"}
)  # fmt: skip
# Instruments whose terms a clause opening "Under …," sets out: "Under Ohio law, …", "Under the
# new rule, salaried workers …" (what the instrument provides, not the writer's own finding).
INSTRUMENT_NOUNS = frozenset(
    {"law", "laws", "act", "regulation", "regulations", "rule", "rules", "contract", "agreement",
     "deal", "bill", "policy", "statute", "constitution", "treaty", "ruling", "order", "plan",
     "proposal", "measure", "legislation", "settlement", "guidelines", "code", "charter"}
)  # fmt: skip
# Verbs that report content only with a "that" clause: "the report found that …"
# ("they found the body" is an event, not an attribution).
FINDING_VERBS = frozenset(
    {"found", "finds", "showed", "shows", "concluded", "concludes", "suggested",
     "suggests", "revealed", "indicated", "indicates", "showing", "finding",
     "show", "find", "suggest", "indicate", "shown", "reveal"}
)  # fmt: skip
# Participles that introduce a direct quotation inside a sentence: "..., telling Trump, “…”".
QUOTE_PARTICIPLES = frozenset(
    {
        "telling", "saying", "adding", "writing", "noting", "declaring", "warning",
        "insisting", "stating", "arguing", "explaining", "stressing", "replying",
    }
)  # fmt: skip
PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you"})
# Subject pronouns that open a clause of their own ("…, said it won", "asked if they would").
CLAUSE_PRONOUNS = PRONOUNS - {"you"}
# People named by the side they take: a group that holds views news reports ("abortion rights
# advocates say", "proponents of the bill argue", "Sanders fans told …"). Unnamed sources.
SIDE_NOUNS = frozenset(
    {
        "advocates", "advocate", "proponents", "proponent", "backers", "fans", "participants",
        "defenders", "detractors", "skeptics", "sceptics", "followers", "protesters",
        "protestors", "attendees", "commentators", "pundits", "conservatives", "liberals",
        "progressives", "campaigners", "champions", "boosters", "loyalists",
    }
)  # fmt: skip
# The press described rather than named: "Turkish media reported", "state television said",
# "a local newspaper reported". The paper or the network speaks, as an unnamed source.
MEDIA_NOUNS = frozenset(
    {"media", "television", "tv", "radio", "press", "newspapers", "tabloid", "tabloids",
     "broadcasters", "outlets", "newspaper", "broadcaster", "outlet"}
)  # fmt: skip
# People named by their work, who speak as unnamed sources as officials do ("federal water
# managers said", "hospital physicians told the Ledger", "regulators estimated"). Plurals only:
# "his physician" is one person's; not "investors", whom an index's fall is read as
# ("…, suggesting investors expect …": the reporter's inference).
WORK_NOUNS = frozenset(
    {
        "managers", "planners", "regulators", "engineers", "teachers", "nurses", "farmers",
        "traders", "owners", "landlords", "tenants", "parents", "students", "physicians",
        "epidemiologists", "meteorologists", "auditors", "negotiators", "rescuers",
        "firefighters", "deputies", "agents", "commanders", "generals", "soldiers", "pilots",
        "bankers", "contractors", "scholars", "academics", "specialists", "clinicians",
    }
)  # fmt: skip
ROLE_NOUNS = SIDE_NOUNS | MEDIA_NOUNS | WORK_NOUNS | frozenset(
    {
        "spokesperson", "spokesman", "spokeswoman", "spokespeople", "official",
        "officials", "representative", "minister", "ministry", "president", "leader",
        "outlet", "newspaper", "paper", "agency", "department", "council", "report",
        "statement", "government", "police", "authorities", "experts", "analysts",
        "sources", "source", "people", "researchers", "study", "survey", "data",
        "figures", "prosecutors", "court", "judge", "lawyers", "lawyer", "aides",
        "aide", "economists", "witnesses", "residents", "activists", "critics",
        "counterpart", "administration", "pentagon", "army", "military", "broadcaster",
        "network", "journal", "company", "firm", "group", "organization",
        "organisation", "secretary", "governor", "senator", "mayor", "chief", "head",
        "director", "ambassador", "envoy", "premier", "chancellor", "commission",
        "committee", "union", "party", "campaign", "office", "house", "lawmakers",
        "voters", "advisers", "advisors", "adviser", "advisor", "strategists", "diplomats",
        "insiders", "observers", "supporters", "opponents", "members", "delegates",
        "officers", "investigators", "scientists", "doctors", "democrats", "republicans",
        "leaders", "authors", "staff", "staffers", "allies", "donors", "pollsters",
        "pollster", "economist", "analyst", "expert", "surveys", "polls", "poll",
        "studies", "estimates", "records", "documents", "analysis", "review", "census",
        "forecasters", "respondents", "consultants", "historians", "executives",
        "operatives", "employees", "workers", "organizers", "attorneys", "lawmaker",
        "strategist", "diplomat", "legislator", "legislators", "congressman",
        "congresswoman", "professor", "pastor", "activist", "prosecutor", "attorney",
        "candidate", "candidates", "nominee", "others",
    }
)  # fmt: skip
# First words of a speaker described by number or quantity ("many lawmakers", "two
# senators present", "some analysts").
QUANTIFIERS = frozenset(
    {"many", "some", "several", "few", "most", "both", "all", "other", "two", "three",
     "four", "five", "dozens", "hundreds", "thousands", "more", "new", "one", "another",
     "these", "those", "our", "your", "my", "multiple", "top", "various", "numerous"}
)  # fmt: skip

# A share of the people asked, as a survey reports them: "Twenty-four percent said", "About
# four in 10 said", "Almost half of respondents say", "A third of independents, 33%, say".
SHARE_RE = re.compile(
    r"^(?:(?:about|almost|nearly|roughly|some|just|over|under|more|fewer|less|than|fully|"
    r"only|barely|mere|but|and|the|a|well|slightly|shy\s+of)\s+)*"
    r"(?:[\w.,-]+\s*(?:%|percent\b|per\s+cent\b)|"
    r"\w+(?:\s+|-)in(?:\s+|-)(?:10|ten|two|three|four|five|\d)\b|half\b|"
    r"(?:(?:a|one|two)\s+|\w+-)?(?:third|quarter)s?\b|(?:a\s+)?(?:majorit|pluralit|minorit)(?:y|ies)\b)",
    re.IGNORECASE,
)

# Nouns ending in -ly, unlike the adverbs skipped between a speaker and the verb.
_LY_NOUNS = frozenset(
    {"family", "assembly", "supply", "ally", "rally", "anomaly", "monopoly", "reply",
     "july", "italy", "bully", "fly", "belly", "jelly", "lily", "holly", "tally"}
)  # fmt: skip
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)  # fmt: skip


def is_manner_adverb(word: str) -> bool:
    """A manner adverb between speaker and verb ("Gorka similarly warned")."""
    return word.islower() and len(word) > 4 and word.endswith("ly") and word not in _LY_NOUNS


def is_time_phrase(first: str, second: str) -> bool:
    """ "last month", "this week", "on Monday", "earlier Thursday" between a speaker and the
    verb."""
    periods = {"week", "month", "year", "weekend", "night"}
    return (first in {"last", "this"} and second in periods) or (
        first in {"on", "earlier", "later", "early", "late"} and second in _WEEKDAYS
    )
