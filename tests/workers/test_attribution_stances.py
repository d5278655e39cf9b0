"""Frames whose author the extractor used to miss, crediting the outlet instead: a speech act
or a stance in the progressive ("is already claiming"), verbs of verdict ("bashed",
"commended"), a document someone issued ("sent a letter urging …", "unveiled a plan to …"), a
noun naming what someone put forward ("Roe's claim that …"), a roundup's "Name: “…”", a named
poll in mid-sentence, a described source with a long head ("An official familiar with …"), and
an inverted speaker followed by the circumstances ("…,” said Jo Roe in a tweet"). Each rule has
a guard: the narrated action it must leave to the outlet.

Every body is a sentence we wrote (never corpus text). Pure: no database.
"""

from __future__ import annotations

import pytest

from tests.workers.news_claims import last_claim
from tests.workers.news_claims import last_claimant as _claimant


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # The progressive, with an adverb between the auxiliary and the cue.
        ("Jane Roe is already claiming victory in 12 of the 14 districts.", "Jane Roe"),
        ("Jane Roe is suddenly promising free tuition to 3 million students.", "Jane Roe"),
        ("The mayor is praising the deal as the best in 20 years.", "mayor"),
        ("Early results of an exit poll is showing that Roe won 60% of women.", "exit poll"),
        # A document opening the clause, its verb after a long description.
        (
            "Surveys of voters taken as they left the polls showed that Roe won by 20 points.",
            "Surveys",
        ),
        ("Every recent state poll has shown Roe trailing by 8 points.", "poll"),
        # Verbs of verdict, and a threat (a stated intent).
        ("On Wednesday, Jane Roe bashed the plan to close 300 clinics.", "Jane Roe"),
        ("Jane Roe commended the council for its 12 new shelters.", "Jane Roe"),
        ("The university rebutted the charge that 3 of its reports were wrong.", "university"),
        ("Jane Roe has threatened to cut 300 jobs from the budget.", "Jane Roe"),
        # A participle of verdict after the clause.
        ("Jane Roe hit back on Monday, slamming the plan to cut 300 jobs.", "Jane Roe"),
        ("Jane Roe spoke for an hour, criticizing Doe for 12 votes against the bill.", "Jane Roe"),
        # A document issued: its author states what it says or would do.
        (
            "A coalition of 40 charities sent a letter this week urging the council to fund "
            "300 clinics.",
            "coalition",
        ),
        ("Jane Roe started a petition calling on the council to pay a $15 minimum wage.", "Roe"),
        ("Jane Roe unveiled a $275 billion plan to fix 4,000 bridges.", "Jane Roe"),
        # A noun naming what its owner or agent put forward.
        ("Jane Roe's claim that 90 percent of the emails were kept is disputed.", "Jane Roe"),
        ("Perhaps Mr. Doe's most surprising suggestion was that Roe used 3 servers.", "Doe"),
        (
            "The minister hit back at complaints by the treasury secretary, Jacob Lew, that "
            "his country sold 40 tons of steel below cost.",
            "Jacob Lew",
        ),
        # A roundup's names before a colon and a quotation.
        ('Mark Roe and Jon Doe: "The polls were right about 80 percent of the races."', "Roe"),
        ('TURNOUT ROSE IN 12 STATES - Michael P. Doe: "At long last 40 percent came out."', "Doe"),
        # A named poll in mid-sentence, or without a determiner but naming its maker.
        ("Roe's approval rating in the latest Courier-Acme News Poll stands at 53%.", "Poll"),
        ("Roe finished ahead of Doe in recent polls from Acme Research, by 8 points.", "Acme"),
        ("Roe led Doe by 12 points in an Acme News/Daily Courier poll Jan. 17-23.", "poll"),
        # A described source whose head comes late or is followed by a participle.
        (
            "A U.S. law enforcement official familiar with the investigation said that 3 people "
            "were involved.",
            "official familiar with the investigation",
        ),
        ("People briefed on the move said that it followed 3 months of losses.", "briefed"),
        # An inverted speaker, then the circumstances of the saying.
        ('"We can still win 7,000 votes," said Jane Roe as she left the rally.', "Jane Roe"),
        ('"No one has 300 members," said party spokesman John Doe in a Friday tweet.', "John Doe"),
        # A question quoted, the speaker and "asked" closing the sentence.
        ('"Can you really reform 12 banks when they pay you?" Jane Roe asked.', "Jane Roe"),
        # A long introductory phrase before the subject of "… and said".
        (
            "In an interview with The Daily Courier Tribune, Roe doubled down and said the "
            "judge had 12 conflicts.",
            "Roe",
        ),
        # A verdict in quotation marks far after the verb of naming.
        (
            "Jane Roe called the report on the 12 donors and their access to the state "
            'department "outrageous."',
            "Jane Roe",
        ),
        # Stances with their particle, in the progressive too.
        ("Jane Roe is currently pushing for her state to pay a $15 minimum wage.", "Jane Roe"),
        ("Jane Roe has talked about sending 300 troops to the front lines.", "Jane Roe"),
        ("Jane Roe came out against the trade pact and its 12 percent tariff.", "Jane Roe"),
        ("Jewish leaders point to the 3 bans as reminiscent of the 1930s.", "Jewish leaders"),
        ("The campaign attributed her narrow win to the 12 counties in the north.", "campaign"),
        ('And Jane Roe made a point of saying the club "was safe" for 30 years.', "Jane Roe"),
        # Rejecting what someone said is a stance on it.
        ("Jane Roe rejected the allegation that she took 3 million dollars.", "Jane Roe"),
        ("Jane Roe dismissed concerns that she is ignoring 40 percent of voters.", "Jane Roe"),
        # A document sent round with its content.
        ("The party emailed a news article reporting that Roe is 12 points behind.", "party"),
        # A clause ending in a colon that opens a quotation: its subject says it.
        ('Jane Roe resisted: "Governors do not have the power to suspend 12 laws."', "Jane Roe"),
        (
            'Jane Roe, who signed 3 gun laws, interjected to say: "They have both been '
            'inconsistent."',
            "Jane Roe",
        ),
        # More verbs of saying in the progressive; "both" between the subject and the verb.
        ("Jane Roe is declaring that she is 12 delegates closer to the nomination.", "Jane Roe"),
        ("Jane Roe and John Doe both condemned the program for its 300 places.", "Jane Roe"),
        (
            'The campaign, in a Q&A on the emails, worded it more carefully: "90 percent were '
            'kept."',
            "campaign",
        ),
        ('From Jane Roe\'s Facebook post: "We must overcome 3 years of division."', "Jane Roe"),
        # Verbs of saying: "implied", "clarified"; a headline's "Told", "Reveals".
        ("Jane Roe implied a federal judge was biased in 12 rulings.", "Jane Roe"),
        ("Jane Roe Told A Reporter Not To Moan About 3 Rivals.", "Jane Roe"),
        # A verdict on someone with its reason ("… for …").
        (
            'Jo Doe, a former aide, ripped the director for acting as "the judge and the jury" '
            "in 3 cases.",
            "Jo Doe",
        ),
        # A request: what is asked for follows ("to …", "for …").
        ("The committee on Monday asked the police to find out whether 3 aides lied.", "committee"),
        ("Jane Roe requested another inquiry into the 3 contracts.", "Jane Roe"),
        ("Jane Roe has encouraged the department to release 12,000 emails.", "Jane Roe"),
        # A view held "that …": a verb that needs the clause, or a copula and an adjective.
        ('Her campaign protested that 12 aides were being "disingenuous."', "campaign"),
        ("His supporters are optimistic that he will win 3 more states.", "supporters"),
        ("Climate activists were hopeful that the network would drop 12 shows.", "activists"),
    ],
)
def test_the_author_of_the_frame_is_the_claimant(body: str, claimant: str) -> None:
    got = _claimant(body)
    assert got is not None and claimant.lower() in got.lower(), got


@pytest.mark.parametrize(
    "body",
    [
        "The senator is reading 12 books this summer.",
        "The storm is already costing the county $3 million a day.",
        "Crews have shown 300 visitors around the plant.",
        "The county was threatened by floods that cost $3 million.",
        "The storm hit the coast on Monday, slamming 40 homes in the valley.",
        "Jane Roe filed a lawsuit against the city over 3 parking tickets.",
        "Jane Roe signed the bill into law on Monday, 3 weeks late.",
        "The claim that 90 percent of the emails were kept is disputed.",
        "Jane Roe's campaign raised 3 million dollars last week.",
        'Here is the score: "Roe won 12 of 14 counties."',
        "Roe drew close to Doe in national polls and won 3 states.",
        "He is holding his own in the polls with 12 points.",
        "The judge dismissed the case against the 3 officers.",
        "The council rejected the plan by 12 votes to 3.",
        "At one point to the north, 3 roads were closed.",
        "The bus came out of the tunnel at 3 pm.",
        "The players were happy with the 3 goals.",
        "Protesters marched through 12 streets on Monday.",
        "The river is threatening 40 homes in the valley.",
        'In Paris, the mood was grim: "We lost 3 of 4 games."',
        "Jane Roe had asked her how she could help the 300 families.",
        "Jane Roe was asked to testify about 3 contracts.",
        "The storm ripped the roof off 300 homes.",
    ],
)
def test_a_narrated_action_stays_the_outlets(body: str) -> None:
    assert last_claim(body).attribution == "author"


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # Praise without a verb of saying, and a judgement "as" with a naming verb.
        ("Senator Jane Roe lauded the levy as the biggest win for renters in 20 years.", "Roe"),
        ("The treasurer extolled Jo Doe for cutting the deficit by $2 billion.", "treasurer"),
        ("The Ledger characterized the 3 new towers as a giveaway to developers.", "Ledger"),
        (
            "Critics branded the mayor as a tool of developers after the $40 million deal.",
            "Critics",
        ),
    ],
)
def test_verbs_of_evaluating_credit_their_subject(body: str, claimant: str) -> None:
    name = _claimant(body)
    assert name is not None and claimant.lower() in name.lower()


@pytest.mark.parametrize(
    "body",
    [
        # A label on things and a witness called: acts, no verdict.
        "The agency labeled the 300 crates as food aid.",
        "Jane Roe called him as a witness on the 3rd day of the trial.",
    ],
)
def test_naming_without_a_verdict_stays_the_writers(body: str) -> None:
    assert last_claim(body).attribution == "author"


@pytest.mark.parametrize(
    ("body", "claimant"),
    [
        # Verdicts and expectations in the progressive.
        ("Jane Roe has been criticizing the water board over its 3 rate rises.", "Jane Roe"),
        ("Senator Jo Doe is disavowing a leaflet her volunteers printed in May.", "Doe"),
        (
            "Port officials are expecting 2 million cruise passengers next year.",
            "officials",
        ),
    ],
)
def test_a_verdict_or_an_expectation_in_the_progressive(body: str, claimant: str) -> None:
    name = _claimant(body)
    assert name is not None and claimant.lower() in name.lower()


def test_blasting_rock_is_an_act() -> None:
    assert last_claim("Crews are blasting rock for the 3 new tunnels.").attribution == "author"
