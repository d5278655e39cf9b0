"""News-style attribution, frame by frame: who the extractor records as each claim's claimant.

Every row is an invented article (never corpus text), the start of the claim it must give, the
attribution and the claimant. Pure: no database.
"""

from __future__ import annotations

import pytest

from workers.extraction import EntityRef, extract_claims

OUTLET = "Daily Planet"
ROE = EntityRef("Jane Roe", "person")
OUTLET_REF = EntityRef(OUTLET, "organization")

FRAMES = [
    # Frames of saying, in both orders.
    ("Jane Roe said wages rose 5% in 2024.", "Jane Roe said", "reported_speech", ROE),
    ("Wages rose 5% in 2024, said Jane Roe.", "Wages rose", "reported_speech", ROE),
    ("Wages rose 5% in 2024, according to Jane Roe.", "Wages rose", "according_to", ROE),
    (
        "Jane Roe told reporters that wages rose 5% in 2024.",
        "Jane Roe told",
        "reported_speech",
        ROE,
    ),
    (
        "In a statement, Jane Roe said wages rose 5% in 2024.",
        "In a statement",
        "reported_speech",
        ROE,
    ),
    (
        "Jane Roe estimated that 4,000 jobs were lost in 2024.",
        "Jane Roe estimated",
        "reported_speech",
        ROE,
    ),
    (
        "Jane Roe wrote on social media that 4,000 jobs were lost.",
        "Jane Roe wrote",
        "reported_speech",
        ROE,
    ),
    (
        "Jane Roe expects inflation to fall below 3% next year.",
        "Jane Roe expects",
        "reported_speech",
        ROE,
    ),
    (
        "Jane Roe hit back on Monday, saying 4,000 jobs were lost.",
        "Jane Roe hit back",
        "reported_speech",
        ROE,
    ),
    (
        "Jane Roe is pointing to a 40% rise in rents since 2020.",
        "Jane Roe is pointing",
        "reported_speech",
        ROE,
    ),
    (
        "The former minister earned $11 million in 2014, according to The Washington Post.",
        "The former minister",
        "according_to",
        EntityRef("The Washington Post", "organization"),
    ),
    # Stance frames: a position, a demand or a verdict holds its content as a saying does.
    (
        "Jane Roe has called for the minimum wage to be raised to $15 by 2030.",
        "Jane Roe has called",
        "reported_speech",
        ROE,
    ),
    ("Jane Roe wants the fuel tax cut by 20% next year.", "Jane Roe wants", "reported_speech", ROE),
    (
        "Jane Roe denounced the plan as a $4 billion giveaway.",
        "Jane Roe denounced",
        "reported_speech",
        ROE,
    ),
    (
        "The plan was denounced by Jane Roe as a $4 billion giveaway.",
        "The plan was",
        "reported_speech",
        ROE,
    ),
    (
        "Jane Roe called the plan “a $4 billion giveaway.”",
        "Jane Roe called",
        "reported_speech",
        ROE,
    ),
    (
        "Likewise, Jane Roe criticized the plan and called for 300 clinics to stay open.",
        "Likewise",
        "reported_speech",
        ROE,
    ),
    (
        "Jane Roe issued a statement on Monday saying 300 clinics would close.",
        "Jane Roe issued",
        "reported_speech",
        ROE,
    ),
    # A chain of verbs between the speaker and the cue.
    (
        "Jane Roe is continuing to insist that 300 clinics will close.",
        "Jane Roe is",
        "reported_speech",
        ROE,
    ),
    (
        "Jane Roe went on to say that 300 clinics would close.",
        "Jane Roe went",
        "reported_speech",
        ROE,
    ),
    (
        "Aides have taken to saying that 300 clinics will close.",
        "Aides have",
        "reported_speech",
        EntityRef("aides", "unnamed"),
    ),
    # Documents with a post-modifier, one across "and".
    (
        "Exit polls for the Planet and two networks show 60% of voters back the plan.",
        "Exit polls",
        "reported_speech",
        EntityRef("Exit polls for the Planet and two networks", "unnamed"),
    ),
    # A campaign or an office named through its owner speaks as itself; a person described
    # through someone else is unnamed, not the person named.
    (
        "Roe’s campaign said 300 clinics would close.",
        "Roe’s campaign",
        "reported_speech",
        EntityRef("Roe’s campaign", "organization"),
    ),
    (
        "Jane Roe spoke on Monday. Roe's lawyer said 300 clinics would close.",
        "Roe's lawyer",
        "reported_speech",
        EntityRef("Roe's lawyer", "unnamed"),
    ),
    (
        "Jane Roe's campaign, which has been under fire for months over its spending, said 300 "
        "clinics would close.",
        "Jane Roe's campaign",
        "reported_speech",
        EntityRef("Jane Roe's campaign", "organization"),
    ),
    (
        "Jane Roe made it clear that 300 clinics would close.",
        "Jane Roe made",
        "reported_speech",
        ROE,
    ),
    (
        "Jane Roe is expected to announce that 300 clinics will close.",
        "Jane Roe is",
        "reported_speech",
        ROE,
    ),
    (
        "Experts agree that rents rose 7% in 2024.",
        "Experts agree",
        "reported_speech",
        EntityRef("experts", "unnamed"),
    ),
    (
        "Jane Roe, an economist at Acme Analytics, calculates that 600,000 jobs pay $15 or less.",
        "Jane Roe, an",
        "reported_speech",
        ROE,
    ),
    # A document described in apposition; a share of a named poll's respondents: the poll.
    (
        "The survey, conducted for a rights group, also found that support for Roe rose to 19%.",
        "The survey",
        "reported_speech",
        EntityRef("survey", "unnamed"),
    ),
    (
        "Some 20 percent of people in a recent Acme News poll said they would back Roe.",
        "Some 20 percent",
        "reported_speech",
        EntityRef("recent Acme News poll", "organization"),
    ),
    # A writer named through the paper speaks, not the paper; "even" is not part of a name.
    (
        "The Planet’s Jane Roe writes: “Rents rose 7% in 2024.”",
        "The Planet",
        "direct_quote",
        ROE,
    ),
    (
        "In the end, even a top party strategist said 300 clinics would close.",
        "In the end",
        "reported_speech",
        EntityRef("top party strategist", "unnamed"),
    ),
    # Title-case headlines capitalise the verb; singular roles head a speaker.
    (
        "Former Roe Pollster Says Roe Is Losing Ground In Ohio Primaries.",
        "Former Roe",
        "reported_speech",
        EntityRef("Former Roe Pollster", "unnamed"),
    ),
    (
        "Ohio lawmaker wants Roe banned from the state for 20 years.",
        "Ohio lawmaker",
        "reported_speech",
        EntityRef("Ohio lawmaker", "unnamed"),
    ),
    # "… but did note", "didn't report": the subject of the first verb; negation skipped.
    (
        "Jane Roe did not mention Smith by name but did note that she had won 300 votes.",
        "Jane Roe did",
        "reported_speech",
        ROE,
    ),
    (
        "Jane Roe didn't report that 300 clinics had closed.",
        "Jane Roe didn't",
        "reported_speech",
        ROE,
    ),
    (
        "Two analysts, in fact, insist that Roe will win 60% of the vote.",
        "Two analysts",
        "reported_speech",
        EntityRef("Two analysts", "unnamed"),
    ),
    (
        "Democratic candidates, including Jane Roe and Tom Quill, have proposed spending $4 "
        "billion on clinics.",
        "Democratic candidates",
        "reported_speech",
        EntityRef("democratic candidates", "unnamed"),
    ),
    # Asides set off by dashes.
    (
        "Jane Roe — a former aide, now a critic of the plan — recalled that 300 clinics closed.",
        "Jane Roe —",
        "reported_speech",
        ROE,
    ),
    (
        "A former party candidate -- Jane Roe, who lost the 2008 race -- said the plan would "
        "close 300 clinics.",
        "A former party",
        "reported_speech",
        ROE,
    ),
    (
        "Officials with the Fair Pay Group made clear Monday they have no plans to close 300 "
        "clinics.",
        "Officials with",
        "reported_speech",
        # Officials speaking without a name are not the group's statement.
        EntityRef("officials with the Fair Pay Group", "unnamed"),
    ),
    (
        "Jane Roe called the decision by the board to close 300 clinics “a disgrace.”",
        "Jane Roe called",
        "reported_speech",
        ROE,
    ),
    # A name, a colon and a quotation (headlines, live blogs); a quotation "continued".
    ("Jane Roe: “Rents rose 7% in 2024.”", "Jane Roe:", "direct_quote", ROE),
    ("“Rents rose 7% in 2024,” Jane Roe continued.", "“Rents rose", "direct_quote", ROE),
    # The name after a description wins over an apposition before it; a source described
    # through a pronoun stays a description.
    (
        "Acme built the tool in 2024 to help 300 clinics, a spokeswoman, Ann Lee White, said.",
        "Acme built",
        "reported_speech",
        EntityRef("Ann Lee White", "person"),
    ),
    (
        "According to his longtime physician, Roe had excellent results in 2024.",
        "According to",
        "according_to",
        EntityRef("his longtime physician", "unnamed"),
    ),
    # Apposition, titles and bracketed party tags.
    (
        "Jane Roe, the health minister, said 300 clinics would close.",
        "Jane Roe, the health",
        "reported_speech",
        ROE,
    ),
    (
        "Jane Roe, a founder of the left-leaning think tank Fair Pay, said 300 clinics would "
        "close.",
        "Jane Roe, a founder",
        "reported_speech",
        ROE,
    ),
    (
        "Rep. Jane Roe (D-Md.), chair of the panel, said 300 clinics would close.",
        "Rep. Jane Roe",
        "reported_speech",
        EntityRef("Rep. Jane Roe", "person"),
    ),
    (
        "Jane Roe, Democrat of Ohio, said 300 clinics would close.",
        "Jane Roe, Democrat",
        "reported_speech",
        ROE,
    ),
    (
        "Jane Roe, of Springfield, Ohio, said 300 clinics would close.",
        "Jane Roe, of",
        "reported_speech",
        ROE,
    ),
    ("Jane Roe now says 300 clinics will close.", "Jane Roe now", "reported_speech", ROE),
    (
        "Jane Roe mocked the plan, claiming that it would close 300 clinics.",
        "Jane Roe mocked",
        "reported_speech",
        ROE,
    ),
    (
        "Jane Roe, 56, who has led the panel since 2019, told reporters 300 clinics would close.",
        "Jane Roe, 56",
        "reported_speech",
        ROE,
    ),
    (
        "Jane Roe toured Ohio and said 300 clinics would close.",
        "Jane Roe toured",
        "reported_speech",
        ROE,
    ),
    (
        "The closure of 300 clinics was first reported by The Washington Post.",
        "The closure",
        "reported_speech",
        EntityRef("The Washington Post", "organization"),
    ),
    # Documents: by their author, by their own name, or unnamed.
    (
        "A report by the Fiscal Policy Institute found that 300 clinics closed.",
        "A report by",
        "reported_speech",
        EntityRef("Fiscal Policy Institute", "organization"),
    ),
    (
        "A study by the Fiscal Policy Institute found rents rose 12% in a year.",
        "A study by",
        "reported_speech",
        EntityRef("Fiscal Policy Institute", "organization"),
    ),
    (
        "New polls show Roe leading by 12 points.",
        "New polls show",
        "reported_speech",
        EntityRef("new polls", "unnamed"),
    ),
    (
        "The poll found that 43% of voters back the plan.",
        "The poll found",
        "reported_speech",
        EntityRef("poll", "unnamed"),
    ),
    # Appositions after the speaker's name: an age, a party and state, one after another.
    (
        "Roe, 56, noted that 4,000 jobs were lost in 2024.",
        "Roe, 56",
        "reported_speech",
        EntityRef("Roe", "person"),
    ),
    (
        "Rep. Jane Roe, D-Md., a candidate for governor, said 4,000 jobs were lost.",
        "Rep. Jane Roe",
        "reported_speech",
        EntityRef("Rep. Jane Roe", "person"),
    ),
    # The name set off after a description is the speaker, not the description.
    (
        "A company spokesman, Tom Quill, said 300 clinics would close.",
        "A company spokesman",
        "reported_speech",
        EntityRef("Tom Quill", "person"),
    ),
    # "As reported by X": X is the source.
    (
        "As reported by The Washington Post, 300 clinics closed in 2024.",
        "As reported",
        "according_to",
        EntityRef("The Washington Post", "organization"),
    ),
    # An institution named in full, though the name finder splits it.
    (
        "Wages rose 5% in 2024, according to the Regional Police Agency.",
        "Wages rose",
        "according_to",
        EntityRef("Regional Police Agency", "organization"),
    ),
    # A quoted question "asked" by its speaker; verbs of saying such as "scoffed".
    ("''Did 300 clinics close in 2024?'' asked Jane Roe.", "''Did 300", "direct_quote", ROE),
    ("''Prices rose 5% last year,'' scoffed Jane Roe.", "''Prices rose", "direct_quote", ROE),
    # A time between the speaker and the verb.
    (
        "Jane Roe last month warned that 4,000 jobs were lost.",
        "Jane Roe last",
        "reported_speech",
        ROE,
    ),
    (
        "Jane Roe on Monday said 4,000 jobs were lost in 2024.",
        "Jane Roe on",
        "reported_speech",
        ROE,
    ),
    # A poll the clause opens with reports what follows.
    (
        "In a new Daily Bugle poll, 40% of voters backed the 2024 plan.",
        "In a new",
        "according_to",
        EntityRef("new Daily Bugle poll", "organization"),
    ),
    # A manner adverb between the speaker and the verb.
    (
        "Jane Roe sharply warned that 4,000 jobs were lost in 2024.",
        "Jane Roe sharply",
        "reported_speech",
        ROE,
    ),
    # A share of those surveyed speaks as an unnamed source.
    (
        "Twenty-four percent said wages rose 5% in 2024.",
        "Twenty-four",
        "reported_speech",
        EntityRef("Twenty-four percent", "unnamed"),
    ),
    (
        "About four in 10 said wages rose 5% in 2024.",
        "About four",
        "reported_speech",
        EntityRef("About four in 10", "unnamed"),
    ),
    (
        "A third of independents, 33%, say wages rose 5% in 2024.",
        "A third",
        "reported_speech",
        EntityRef("third of independents", "unnamed"),
    ),
    (
        "If rents keep rising, forecasters say 300 clinics will close.",
        "If rents",
        "reported_speech",
        EntityRef("forecasters", "unnamed"),
    ),
    (
        "A mere 9 percent say wages rose 5% in 2024.",
        "A mere",
        "reported_speech",
        EntityRef("mere 9 percent", "unnamed"),
    ),
    (
        "Two in three said wages rose 5% in 2024.",
        "Two in",
        "reported_speech",
        EntityRef("Two in three", "unnamed"),
    ),
    # A source described, never named: the description, not nobody.
    (
        "The governor claimed that crime fell 20% in 2024.",
        "The governor",
        "reported_speech",
        EntityRef("governor", "unnamed"),
    ),
    (
        "The judges who ruled on Monday said 300 clinics would close.",
        "The judges",
        "reported_speech",
        EntityRef("judges", "unnamed"),
    ),
    (
        "Some candidates said 300 clinics would close.",
        "Some candidates",
        "reported_speech",
        EntityRef("some candidates", "unnamed"),
    ),
    # Unnamed sources: never a person named nearby or inside the phrase, never the outlet.
    (
        "Jane Roe visited Ohio. Officials said 300 clinics would close.",
        "Officials said",
        "reported_speech",
        EntityRef("officials", "unnamed"),
    ),
    (
        "A source familiar with the talks said 300 clinics would close.",
        "A source familiar",
        "reported_speech",
        EntityRef("source familiar with the talks", "unnamed"),
    ),
    (
        "A senior Roe aide said 300 clinics would close.",
        "A senior Roe aide",
        "reported_speech",
        EntityRef("senior Roe aide", "unnamed"),
    ),
    (
        "Many Democratic lawmakers say 300 clinics will close.",
        "Many Democratic",
        "reported_speech",
        EntityRef("Many Democratic lawmakers", "unnamed"),
    ),
    # Staff of a named organisation speak for it.
    (
        "Researchers at the Fiscal Policy Institute said 300 clinics would close.",
        "Researchers at",
        "reported_speech",
        EntityRef("Fiscal Policy Institute", "organization"),
    ),
    (
        "Tom Roe, Jane's father, said 300 clinics would close.",
        "Tom Roe",
        "reported_speech",
        EntityRef("Tom Roe", "person"),
    ),
    (
        "Jo Roe, Ohio Secretary of State, said 300 clinics would close.",
        "Jo Roe",
        "reported_speech",
        EntityRef("Jo Roe", "person"),
    ),
    (
        "“Rents rose 7% in 2024,” said a senior official who was not authorized to speak.",
        "“Rents rose",
        "direct_quote",
        EntityRef("senior official", "unnamed"),
    ),
    # Quotations: ''…'' marks, the speaker named after the first sentence, across paragraphs.
    ("''Prices rose 5% last year,'' said Jane Roe.", "''Prices rose", "direct_quote", ROE),
    (
        "Jane Roe spoke on Monday.\n\n“Prices rose 5% last year. Rents rose 7%,” she said.",
        "“Prices rose",
        "direct_quote",
        ROE,
    ),
    (
        "“Prices rose 5% last year,” Jane Roe said.\n\n“And rents rose 7% on top of that.”",
        "“And rents",
        "direct_quote",
        ROE,
    ),
    # A quotation left open at a paragraph's end runs on into the next, which opens with a
    # mark again: the speaker who opened it, even where that was a partial quotation.
    (
        "Jane Roe told reporters the hall was not “ready for the 300 people who came.\n\n"
        "“It has now moved to a larger hall that holds 2,000 people.”",
        "“It has now",
        "direct_quote",
        ROE,
    ),
    # Every sentence after a mark the paragraph never closes is the quotation's.
    (
        'Jane Roe spoke on Monday. "Wages rose 5% last year," she said. "Rents rose 7% in '
        "the same year. Bread costs doubled since 2020.",
        "Bread costs",
        "direct_quote",
        ROE,
    ),
    # Pronouns: the last subject or speaker that fits, not a name inside a quotation.
    (
        "Jane Roe spoke on Monday. “John Smith spent $100 million and lost,” she said.",
        "“John Smith",
        "direct_quote",
        ROE,
    ),
    (
        "Mr. John Smith spoke first. Jane Roe met him. “Rents rose 7%,” Mr. Smith said. "
        "He said wages rose 2%.",
        "He said",
        "reported_speech",
        EntityRef("John Smith", "person"),
    ),
    # Gender of a name the gazetteer does not know: from a common given name, else from the
    # article's own "she" for it, so a later "he" is someone else.
    (
        "Ada Fisher spoke first. Tom Quill spoke next. “Rents rose 7%,” she said.",
        "“Rents rose",
        "direct_quote",
        EntityRef("Ada Fisher", "person"),
    ),
    (
        "Kim Lu spoke first. Pat Quinn spoke next. “Rents rose 7%,” she said. "
        "“Wages rose 2% in 2024,” he said.",
        "“Wages rose",
        "direct_quote",
        EntityRef("Kim Lu", "person"),
    ),
    # A titled name is a person, so her "she" finds her (the title's "State" made it a place).
    (
        "Some backers have plans of their own. State Rep. Wanda Pellow, a leader of the "
        "coalition, suggested that voters had not looked. “Voters have not done the reading "
        "yet,” she said.",
        "“Voters have",
        "direct_quote",
        EntityRef("State Rep. Wanda Pellow", "person"),
    ),
    # The subject of a clause after a break ("…, but Roe …", "At the briefing, Roe …") is
    # whom the next "he said" means, not the speaker before.
    (
        "“We will move on to taxes,” said Tom Ardley. The panel was ready to close, but "
        "Gus Pemberton was not finished. “Taxes rose 7% under this board,” he said.",
        "“Taxes rose",
        "direct_quote",
        EntityRef("Gus Pemberton", "person"),
    ),
    (
        "“We will move on to taxes,” said Tom Ardley. At the press briefing, Gus Pemberton "
        "pleaded with reporters. “Taxes rose 7% under this board,” he said.",
        "“Taxes rose",
        "direct_quote",
        EntityRef("Gus Pemberton", "person"),
    ),
    # … but a name in an apposition or a list after a comma is no subject.
    (
        "“Rents rose 7%,” said Tom Ardley. His aide, Gus Pemberton, sat beside him. "
        "“Wages rose 2% in 2024,” he said.",
        "“Wages rose",
        "direct_quote",
        EntityRef("Tom Ardley", "person"),
    ),
    # Coordinated subjects: the first named is the claimant.
    (
        "Since March, Mr. Auden and his colleagues have said output must fall by 10%.",
        "Since March",
        "reported_speech",
        EntityRef("Auden", "person"),
    ),
    (
        "Jane Roe and Tom Smith called for a 40% cut in the levy.",
        "Jane Roe",
        "reported_speech",
        EntityRef("Jane Roe", "person"),
    ),
    # A lone capitalised word never given in full ("Democratic") is no "he".
    (
        "The rally heard from Tom Ardley. The crowd cheered for Democratic candidates. "
        "“Taxes rose 7% under this board,” he said.",
        "“Taxes rose",
        "direct_quote",
        EntityRef("Tom Ardley", "person"),
    ),
    # A sentence opening with the bare surname of someone named before is about them.
    (
        "Ada Fisher spoke first. Lia Brandt said 40 clinics had closed. Fisher disagreed. "
        "“Only 12 clinics closed in 2024,” she said.",
        "“Only 12",
        "direct_quote",
        EntityRef("Ada Fisher", "person"),
    ),
    # An aside holding a quotation: the title or phrase it cites is no one's content.
    (
        'Jane Roe, the author of "Dry Fields," about drought on the plains, said wages rose 5%.',
        "Jane Roe, the author",
        "reported_speech",
        ROE,
    ),
    (
        'Jane Roe, citing "the long winter," said wages rose 5% in 2024.',
        "Jane Roe, citing",
        "reported_speech",
        ROE,
    ),
    # A name placed by "of" after a description speaks, not the description.
    (
        "One farmer backing Mr. Doe, Jane Roe of the Grange in Dayton, said wages rose 5%.",
        "One farmer",
        "reported_speech",
        ROE,
    ),
    # A participle after an adverb: ", wrongly suggesting …".
    (
        "Jane Roe has expanded on the charge, wrongly suggesting the levy rose 5% in 2024.",
        "Jane Roe has",
        "reported_speech",
        ROE,
    ),
    # "according to" closing the sentence names the source over an earlier frame.
    (
        "Two delegates pledged to back the 5% levy, according to Jane Roe.",
        "Two delegates",
        "according_to",
        ROE,
    ),
    (
        '"I will vote for the 5% levy," Doe said, according to Jane Roe.',
        '"I will vote',
        "according_to",
        ROE,
    ),
    # "suggested" with a clause and no "that".
    (
        "Jane Roe has also suggested the levy would raise 5% more in 2024.",
        "Jane Roe has",
        "reported_speech",
        ROE,
    ),
    # A transcript: the speaker's name in capitals and a colon; the claim is their words.
    (
        "JANE ROE: Wages rose 5% in 2024 across the county.",
        "Wages rose",
        "direct_quote",
        ROE,
    ),
]


@pytest.mark.parametrize(("body", "prefix", "attribution", "claimant"), FRAMES)
def test_frame(body: str, prefix: str, attribution: str, claimant: EntityRef) -> None:
    claims = extract_claims(body, outlet=OUTLET, threshold=0.0)
    claim = next(c for c in claims if c.text.startswith(prefix))
    assert (claim.attribution, claim.claimant) == (attribution, claimant)


@pytest.mark.parametrize(
    "body",
    [
        "Officials said 300 clinics would close.",
        "Jane Roe arrived. A source close to the talks said 300 clinics would close.",
    ],
)
def test_an_unnamed_source_is_neither_the_outlet_nor_a_person(body: str) -> None:
    claim = extract_claims(body, outlet=OUTLET, threshold=0.0)[-1]
    assert claim.attribution != "author"
    assert claim.claimant is not None and claim.claimant.kind == "unnamed"


@pytest.mark.parametrize(
    "body",
    [
        "Police found the car near the river on Monday.",
        "The think tank Fair Pay counted 300 members in 2024.",
        "Sales are expected to rise 5% next year.",
        # Cue words used as nouns or participles, and verbs of action left out on purpose.
        "A blog, called “The Feed,” published 300 posts in 2024.",
        "His support for the plan cost Jane Roe 300 votes.",
        "Their original call for a ban drew 300 protesters.",
        "The soldiers attacked the base at dawn, killing 300 people.",
        "Jane Roe made it to the final with 300 votes.",
        "Voters agree to a 5% tax in most years.",
        "Clinics In The United States Rose 5% In 2024.",
        "Prices continued to rise by 5% in 2024.",
        "His oft-stated goal is to cut taxes by 5% in 2025.",
        "BREAKING: Wages rose 5% in 2024 across the county.",
        "The suggested price rose 5% in 2024.",
    ],
)
def test_no_attribution_where_there_is_none(body: str) -> None:
    claim = extract_claims(body, outlet=OUTLET, threshold=0.0)[0]
    assert claim.attribution == "author"


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # After a comma, a verb that takes an object: what follows is praised or blamed, not
        # an inverted speaker.
        ("Farmers in the valley, including Jane Roe, praised Kim Doe for the 5% rise.", None),
        ("Two unions, led by Jane Roe, blamed the Harbour Board for 300 job losses.", None),
        ("The mayor, in a letter to 300 residents, accused Kim Doe of fraud.", None),
        # After "said", a pronoun and its verb open the reported clause: no inverted speaker.
        ("The agency, Farm and Harbour Services, said it detained 300 people in 2024.", None),
        ("Rents rose 5% in 2024, says the Harbour Board lost 300 pounds on Kim Doe.", None),
        # An inverted verb of saying still has its speaker after it.
        ("Rents rose 7% in 2024, said Kim Doe, a housing analyst.", "Kim Doe"),
        ("Rents rose 7% in 2024, argued Kim Doe.", "Kim Doe"),
        ("“Rents rose 7% in 2024,” said Harbour-based analyst Kim Doe.", "Kim Doe"),
        # A closing "found" frames the sentence as a closing "said" does.
        ("Rents rose 7% in 2024, Kim Doe found.", "Kim Doe"),
    ],
)
def test_who_speaks_in_a_frame_after_a_comma(body: str, claimant: str | None) -> None:
    claim = extract_claims(body, outlet=OUTLET, threshold=0.0)[0]
    names = {claim.claimant.name, *claim.claimant.aliases} if claim.claimant else set()
    if claimant is None:
        assert not names & {"Kim Doe", "Harbour Board", "the Harbour Board"}, names
        assert not any(name.startswith("it ") for name in names), names
    else:
        assert claimant in names


@pytest.mark.parametrize(
    ("body", "prefix"),
    [
        # An open mark with no speaker anywhere: still the outlet's.
        (
            'The mill reopened on Monday.\n\n"Wages rose 5% last year. Rents rose 7% in 2024.',
            "Rents",
        ),
        # A closing mark the tokenizer leaves inside a word closes the quotation.
        (
            "Jane Roe cited “rising costs”–and 300 closures: “Rents rose 7% in 2024.” "
            "Wages rose 2% in the same year.",
            "Wages",
        ),
    ],
)
def test_an_open_mark_without_its_speaker_carries_nothing(body: str, prefix: str) -> None:
    claims = extract_claims(body, outlet=OUTLET, threshold=0.0)
    claim = next(c for c in claims if c.text.startswith(prefix))
    assert (claim.attribution, claim.claimant) == ("author", OUTLET_REF)


def test_a_closed_quotation_does_not_run_on_into_a_bare_one_after_another_speaker() -> None:
    body = (
        "Jane Roe told reporters the hall was not “ready for the 300 people who came.\n\n"
        "Tom Lee, a rival, said rents rose 7% in 2024.\n\n"
        "“It has now moved to a larger hall that holds 2,000 people.”"
    )
    claims = extract_claims(body, outlet=OUTLET, threshold=0.0)
    claim = next(c for c in claims if c.text.startswith("“It has now"))
    assert claim.claimant != ROE
