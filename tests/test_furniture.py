"""claims.parsing.furniture, the page-furniture recogniser: each kind, and prose that looks like
it but is prose. Pure: no database, no Django."""

from __future__ import annotations

import pytest

from claims.parsing import furniture as f
from claims.parsing.furniture import Dateline


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # Navigation and accessibility menus.
        ("Skip to main content", f.NAVIGATION),
        ("Skip to navigation", f.NAVIGATION),
        ("Jump to", f.NAVIGATION),
        ("Accessibility help", f.NAVIGATION),
        ("Keyboard shortcuts for audio player", f.NAVIGATION),
        ("Close menu", f.NAVIGATION),
        ("Search BBC", f.NAVIGATION),
        ("Sign In", f.NAVIGATION),
        ("Home | World | Politics | Business", f.NAVIGATION),
        ("News \u2022 Sport \u2022 Weather", f.NAVIGATION),
        ("Please enable JavaScript to view this content.", f.NAVIGATION),
        # Banners and section labels.
        ("Breaking News", f.BANNER),
        ("LIVE", f.BANNER),
        ("Live updates", f.BANNER),
        ("Updated", f.BANNER),
        ("EXCLUSIVE", f.BANNER),
        ("NATIONAL NEWS", f.BANNER),
        ("WORLD", f.BANNER),
        ("Heard on All Things Considered", f.BANNER),
        ("This article is more than 2 years old", f.BANNER),
        # Share, save and subscribe widgets.
        ("Share this article", f.SHARE),
        ("Share on WhatsApp", f.SHARE),
        ("Copy link", f.SHARE),
        ("Link copied!", f.SHARE),
        ("Save article", f.SHARE),
        ("Gift this article", f.SHARE),
        ("Sign up for our newsletter", f.SHARE),
        ("Subscribe to our daily briefing and never miss a story.", f.SHARE),
        ("Sign up here.", f.SHARE),
        ("Follow us on Instagram", f.SHARE),
        ("Follow her on X @janeroe", f.SHARE),
        ("Get the latest headlines delivered to your inbox every morning.", f.SHARE),
        ("Download our free app", f.SHARE),
        ("Got a news tip? Email tips@example.org", f.SHARE),
        ("View 8 photos", f.SHARE),
        ("Save articles to read later and create your own reading list.", f.SHARE),
        ("Thanks for reading! Subscribe for free to receive new posts.", f.SHARE),
        # Links to other stories.
        ("Also read: Council approves new bus lanes", f.RELATED),
        ("ALSO READ | Minister resigns over expenses", f.RELATED),
        ("Read more: How the tax changes affect you", f.RELATED),
        ("READ MORE:", f.RELATED),
        ("Related", f.RELATED),
        ("Related: Five charts that explain the budget", f.RELATED),
        ("More from Business", f.RELATED),
        ("More on this story", f.RELATED),
        ("Recommended", f.RELATED),
        ("Most read", f.RELATED),
        ("You may also like", f.RELATED),
        ("Watch: Firefighters tackle blaze at warehouse", f.RELATED),
        ("See our full explainer here.", f.RELATED),
        # Captions and credits.
        ("Firefighters at the scene on Tuesday. (AP Photo/Jane Roe)", f.CAPTION),
        ("Firefighters at the scene on Tuesday. (AP Photo/Jane Roe, File)", f.CAPTION),
        ("Firefighters at the scene. Photo: Jane Roe/Reuters", f.CAPTION),
        ("Firefighters at the scene. Photograph: Jane Roe/AFP/Getty Images", f.CAPTION),
        ("Firefighters at the scene (Photo by John Doe / Daily Herald)", f.CAPTION),
        ("Firefighters at the scene in May. REUTERS/Jane Roe", f.CAPTION),
        ("Firefighters at the scene. Credit: PA", f.CAPTION),
        ("Image caption, Firefighters were called at 02:00", f.CAPTION),
        ("hide caption", f.CAPTION),
        ("toggle caption", f.CAPTION),
        ("Getty Images", f.CREDIT),
        ("AFP via Getty Images", f.CREDIT),
        ("Jane Roe/Reuters", f.CREDIT),
        ("Jane Roe/AFP via Getty Images", f.CREDIT),
        ("REUTERS/Jane Roe", f.CREDIT),
        ("Image source, Getty Images", f.CREDIT),
        ("File photo", f.CREDIT),
        ("Photo: Getty Images", f.CREDIT),
        ("Source: Office for National Statistics", f.CREDIT),
        # Bylines, timestamps, reading time, bios.
        ("By Jane Roe", f.BYLINE),
        ("By JANE ROE and JOHN DOE", f.BYLINE),
        ("By Jane Roe, John Doe and Ana de la Cruz, CNN", f.BYLINE),
        ("BY JANE ROE, Political Editor", f.BYLINE),
        ("By Staff and agencies", f.BYLINE),
        ("Jane Roe, Staff Writer", f.BYLINE),
        ("Jane Roe | Senior Correspondent", f.BYLINE),
        ("Political correspondent", f.BYLINE),
        ("Published 3:05 PM EDT, Tue May 6, 2025", f.BYLINE),
        ("Updated 5:10 AM EDT, Tue May 6, 2025", f.BYLINE),
        ("Updated 2 hours ago", f.BYLINE),
        ("Posted on March 3, 2024", f.BYLINE),
        ("Last updated: 14:05 GMT, 3 March 2024", f.BYLINE),
        ("4 min read", f.BYLINE),
        ("5-minute read", f.BYLINE),
        ("Reading time: 6 minutes", f.BYLINE),
        ("March 3, 2024", f.DATE),
        ("Tue 3 Mar 2024 14.05 GMT", f.DATE),
        ("10:42 a.m. ET", f.DATE),
        ("1h ago", f.DATE),
        # Contributors.
        ("Reporting by Jane Roe in Lima; Editing by John Doe", f.CONTRIBUTORS),
        ("(Reporting by Jane Roe; Writing by Ana Ruiz; Editing by John Doe)", f.CONTRIBUTORS),
        ("Additional reporting by John Doe in Quito", f.CONTRIBUTORS),
        ("Associated Press writer Jane Roe in Denver contributed to this report.", f.CONTRIBUTORS),
        ("The Example Times's Jane Roe contributed reporting.", f.CONTRIBUTORS),
        # Adverts.
        ("Advertisement", f.ADVERT),
        ("ADVERTISEMENT", f.ADVERT),
        ("Story continues below advertisement", f.ADVERT),
        ("Article continues after advertisement", f.ADVERT),
        ("Sponsor Message", f.ADVERT),
        ("Advertisement \u00b7 Scroll to continue", f.ADVERT),
        # Cookie notices.
        ("We use cookies to give you the best experience on our website.", f.COOKIE),
        (
            "This site uses cookies. By continuing to browse you agree to our use of cookies.",
            f.COOKIE,
        ),
        ("By using this website, you agree to our use of cookies.", f.COOKIE),
        ("Accept all cookies", f.COOKIE),
        ("Manage preferences", f.COOKIE),
        # Comment counts and prompts.
        ("132 comments", f.COMMENTS),
        ("Comments (45)", f.COMMENTS),
        ("View all comments", f.COMMENTS),
        ("Join the conversation", f.COMMENTS),
        ("Have your say in the comments below.", f.COMMENTS),
        ("Write a comment...", f.COMMENTS),
        # Footers and disclaimers.
        ("\u00a9 2025 Example Media Group", f.FOOTER),
        ("Copyright 2025 The Associated Press. All rights reserved.", f.FOOTER),
        ("Copyright \u00a9 Example News Ltd", f.FOOTER),
        ("All Rights Reserved.", f.FOOTER),
        ("Terms of Service", f.FOOTER),
        ("Privacy Policy", f.FOOTER),
        ("The views expressed in this commentary are solely those of the author.", f.FOOTER),
        ("Our Standards: The Example Trust Principles.", f.FOOTER),
        ("(This story has not been edited by our staff and is auto-generated.)", f.FOOTER),
        # Kinds the held-out pastes showed (the wording invented, not the fixtures').
        ("Please share this article:", f.SHARE),
        ("Join the Daily Beacon Telegram channel for breaking news", f.SHARE),
        ("Join our WhatsApp group", f.SHARE),
        ("Follow The Beacon:", f.SHARE),
        ("Follow us: Facebook | Instagram", f.SHARE),
        ("Subscribe to Morning Brief, the newsletter our editors write each day.", f.SHARE),
        ("Sign up for them here.", f.SHARE),
        ("Sign up", f.SHARE),
        ("Enter your email address", f.SHARE),
        ("Type your email…", f.SHARE),
        ("By subscribing, you accept our terms and acknowledge our privacy notice.", f.SHARE),
        ("You may unsubscribe whenever you like.", f.SHARE),
        ("This essay was included in our Weekend Reads newsletter.", f.SHARE),
        ("Was this article helpful?", f.SHARE),
        ("Thank you for reading the Beacon.", f.SHARE),
        ("Want more stories like this? Sign up for our weekly digest.", f.SHARE),
        ("Member-only story", f.BANNER),
        ("Follow", f.SHARE),
        ("Open in app", f.SHARE),
        ("3.4K followers", f.SHARE),
        ("With files from Example Press", f.CONTRIBUTORS),
        ("Estimated 4 minutes", f.BYLINE),
        ("About the author", f.BYLINE),
        ("Written by Jane Roe", f.BYLINE),
        ("The audio version of this story is produced by an automated voice.", f.SHARE),
        ("This article is narrated by Example Audio.", f.SHARE),
        ("Log in to save this story", f.NAVIGATION),
        ("Upgrade to Beacon Premium", f.ADVERT),
        ("Get unlimited access to every story", f.ADVERT),
        ("Want your event promoted to 20,000 readers?", f.ADVERT),
        ("We may earn a commission when you buy through links in this article.", f.ADVERT),
        ("Comments will be moderated before they appear.", f.COMMENTS),
        ("A version of this story appeared in the March issue of the magazine.", f.FOOTER),
        ("This report originally appeared on Example Wire.", f.FOOTER),
        ("This transcript was generated automatically and may contain errors.", f.FOOTER),
        ("THIS IS A RUSH TRANSCRIPT.", f.FOOTER),
        ("Example Check is a verified signatory of the Example Fact-Checking Code.", f.FOOTER),
        ("Press enquiries", f.FOOTER),
        ("Investor contacts:", f.FOOTER),
        ("press@example.org", f.FOOTER),
        ("Sources", f.RELATED),
        ("Sources and methodology", f.RELATED),
        ("Our verdict", f.BANNER),
        ("What was claimed", f.BANNER),
        ("Safe Harbor Statement", f.FOOTER),
        ("Cautionary Note Regarding Forward-Looking Statements", f.FOOTER),
        # a newsletter box, a contact address, an amendment note
        ("Our morning email breaks down the key stories of the day", f.SHARE),
        ("Privacy Notice: Newsletters may contain info about charities.", f.SHARE),
        ("Contact him at jo.roe@example.com", f.SHARE),
        ("This article was amended on 3 May 2025 to correct a name.", f.FOOTER),
        ("This story has been updated to include a statement from the council.", f.FOOTER),
        ("An earlier version of this article misstated the budget.", f.FOOTER),
        ("Correction: The fund is $4 million, not $40 million.", f.FOOTER),
        # a local TV page: lower-case byline, share bar, gallery counter, tip line, placeholder
        ("by Marisa Duong | KXYZ", f.BYLINE),
        ("Facebook Share", f.SHARE),
        ("Email Share", f.SHARE),
        ("1 of 3", f.SHARE),
        ("Loading ...", f.SHARE),
        ("Have a news tip? Email tips@example.com or call 555-0100.", f.SHARE),
    ],
)
def test_furniture_lines(line: str, kind: str) -> None:
    assert f.line_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        # Prose that mentions what furniture is made of.
        "Reuters reported that the talks had stalled.",
        "The photo, taken by a Reuters photographer, shows the damaged bridge.",
        "A file photo of the minister was shown on state television.",
        "Getty Images said it had licensed the picture to 40 outlets.",
        "By Tuesday, the council had approved the plan.",
        "By contrast, exports fell 4%.",
        "Jane Roe, the health minister, said the plan would work.",
        "Editors at the paper said they had not seen the memo.",
        "Updated figures show unemployment rose to 5.1%.",
        "Published in 2019, the report found that rents had doubled.",
        "Related charges were dropped on Monday.",
        "More from the ministry is expected next week.",
        "Share prices fell 3% after the announcement.",
        "The share of renters rose to 36%.",
        "Follow the money, the investigators said.",
        "Sign-ups for the scheme rose by a third.",
        "The advertisement was banned by the regulator.",
        "Advertising revenue fell 12% last year.",
        "The company said it uses cookies to track shoppers without consent, the regulator found.",
        "He declined to take questions.",
        "Copyright law was changed in 2021.",
        "The rights of workers are reserved in the constitution.",
        "Comments made by the minister on Monday caused outrage.",
        "Live music venues have closed at a rate of two a week.",
        "Breaking the deadlock will take months, officials said.",
        "The minister is a former reporter who covered the war.",
        "The study took 5 minutes to read aloud.",
        "I have Blue Cross/Blue Shield.",
        "More in August than July.",
        "He opened the file: report/2024 was empty.",
        "Watch the video, he told reporters, and you will see the truth.",
        "Prices rose in April. Photo booths were closed.",
        "The U.S. - Mexico border is long.",
        # Prose that opens like the widgets above.
        "Share the cost, the mayor told the other councils.",
        "Join the queue for the vote, officials urged.",
        "Follow the money.",
        "Sign up rates for the scheme doubled.",
        "He asked voters to sign up for the new scheme by Friday.",
        "You can unpack the numbers in several ways.",
        "The agent said we receive a commission on each sale.",
        "Get full access to the data, the judge ordered.",
        "Try the soup.",
        "Want more money for schools? Vote yes, the union says.",
        "With files from the archive, the museum rebuilt the hall.",
        "Written by hand, the letter was signed by 40 MPs.",
        "The audio version was leaked to reporters.",
        "About the authors of the report, little is known.",
        "Was this the worst storm on record?",
        "Sources say the deal is off.",
        "Comments are welcome, the minister said.",
        "This story began in a small town in 2019.",
        "The claim was false, the court found.",
        "Our rating agency downgraded the bonds.",
        "The disclaimer was printed in small type, the regulator said.",
        "Our email system was hacked in May, the council said.",
        "This article was amended by the senate on Tuesday.",
        "The story has been updated many times since 2019.",
        "Contact tracing ended in March.",
        "by the end of the year, prices had doubled.",
        "Have a look at the figures, the minister said.",
        "Loading the trucks took 4 hours.",
        "1 of 3 voters backed the plan.",
        "",
        "x" * 5000,
    ],
)
def test_prose_is_not_furniture(line: str) -> None:
    assert f.line_kind(line) is None


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("Crowds in Lima. (AP Photo/Jane Roe)", "Crowds in Lima.", "AP Photo/Jane Roe"),
        ("Crowds in Lima [File: Jane Roe/AP]", "Crowds in Lima", "File: Jane Roe/AP"),
        ("Crowds in Lima. Photo: Jane Roe/Reuters", "Crowds in Lima.", "Photo: Jane Roe/Reuters"),
        ("Crowds in Lima (Photo by Jane Roe)", "Crowds in Lima", "Photo by Jane Roe"),
        ("Crowds in Lima. Credit: Getty Images", "Crowds in Lima.", "Credit: Getty Images"),
        (
            "Crowds in Lima. REUTERS/Jane Roe Purchase Licensing Rights, opens new tab",
            "Crowds in Lima.",
            "REUTERS/Jane Roe",
        ),
        ("(AP Photo/Jane Roe)", "", "AP Photo/Jane Roe"),
        ("Crowds in Lima. (Jane Roe/Example News)", "Crowds in Lima.", "Jane Roe/Example News"),
    ],
)
def test_find_credit(text: str, caption: str, credit: str) -> None:
    assert f.find_credit(text) == (caption, credit)


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose 4% in April/May.",
        "He said: yes.",
        "The ratio was 3/4 (AP said).",
        "Plain.",
        "Insurers raised premiums (Blue Cross/Blue Shield).",
        "Both plans (Option A/Option B)",  # a one-letter word is not part of a name
    ],
)
def test_no_credit(text: str) -> None:
    assert f.find_credit(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("World", True),
        ("U.S.", True),
        ("Podcasts & Shows", True),
        ("62\u00b0F", True),
        ("Four words are too many", False),
        ("It rained.", False),
        ("A very long single item name here", False),
    ],
)
def test_menu_items(text: str, expected: bool) -> None:
    assert f.is_menu_item(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Policy & Public Interest", True),
        ("Health and Wellbeing", True),
        ("Six words make it too long", False),
        ("It rained all day.", False),
    ],
)
def test_longer_menu_items_between_items(text: str, expected: bool) -> None:
    assert f.is_menu_item(text, between_items=True) is expected


@pytest.mark.parametrize(
    ("text", "claim_box", "rating", "notice"),
    [
        ("Claim", True, False, False),
        ("The claim:", True, False, False),
        ("What was claimed", True, False, False),
        ("Rating:", False, True, False),
        ("Our verdict", False, True, False),
        ("Forward-Looking Statements", False, False, True),
        ("Disclaimer", False, False, True),
        ("Safe harbour statement", False, False, True),
        ("The claim was false.", False, False, False),
        ("Our ruling", False, False, False),
        ("Disclaimers were added in 2020", False, False, False),
    ],
)
def test_box_and_notice_labels(text: str, claim_box: bool, rating: bool, notice: bool) -> None:
    assert f.is_claim_box_label(text) is claim_box
    assert f.is_rating_label(text) is rating
    assert f.is_notice_label(text) is notice
    assert not f.is_author_label(text)


@pytest.mark.parametrize(
    ("text", "heading", "headline"),
    [
        ("What happens next", True, True),
        ("Why are rents rising so fast?", False, False),  # a question is a sentence
        ("Ferry operator to cut 300 jobs as passenger numbers fall in Wales", False, True),
        ("The council approved the budget.", False, False),
        ("word " * 25, False, False),
    ],
)
def test_heading_shapes(text: str, heading: bool, headline: bool) -> None:
    assert f.looks_like_heading(text) is heading
    assert f.looks_like_heading(text, headline=True) is headline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Roe covers health for The Example Times.", True),
        ("Roe is a reporter based in Denver.", True),
        ("Jane Roe is the Example Review's economics editor. John Doe reports on trade.", True),
        ("Ana Ruiz is a professor of history at Example University.", True),
        ("Jane Roe writes about technology.", True),
        ("Jane Roe said the plan was a reporter's dream.", False),
        ("The minister is a former reporter.", False),
        ("Prices rose 4% in April.", False),
    ],
)
def test_author_bios(text: str, expected: bool) -> None:
    assert f.is_author_bio(text) is expected


@pytest.mark.parametrize(
    "sentence",
    [
        "A spokesperson for the ministry did not immediately respond to a request for comment.",
        "The company did not respond to requests for comment.",
        "Jane Roe could not be reached for comment.",
        "Officials were not immediately available for comment.",
        "The embassy declined to comment.",
        "A bank spokesperson declined to comment on the report.",
        "The Pentagon has been approached for comment.",
        "Lawyers for Doe did not return calls seeking comment on Friday.",
    ],
)
def test_no_comment_sentences(sentence: str) -> None:
    assert f.no_comment(sentence)
    assert f.sentence_kind(sentence) == f.NO_COMMENT


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry said it would respond to the report next week.",
        "She commented that prices had risen 4%.",
        "The report, which the embassy declined to discuss, found that 3,000 people had fled "
        "the region since March and that aid deliveries had fallen by half, according to data "
        "from the United Nations published on Tuesday.",
    ],
)
def test_sentences_about_responses_that_are_claims(sentence: str) -> None:
    assert not f.no_comment(sentence)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("[File: Henry Romero/Reuters]", f.CAPTION),
        ("Protesters marched (AP Photo/Jane Roe) through the city.", f.CAPTION),
        ("Source: Reuters", f.SOURCE),
        ("[ SOURCE: AFP ]", f.SOURCE),
        ("<https://example.org/story>", f.NAVIGATION),
        ("[Skip to content](#main)", f.NAVIGATION),
        ("[Share](https://example.org/s) [Email](mailto:x)", f.NAVIGATION),
        ("**Advertisement**", f.ADVERT),
        ("---", f.LABEL),
        ("# A headline", f.LABEL),
        ("Daily Gazette Of Springfield", f.LABEL),
        (", opens new tab", f.NAVIGATION),
    ],
)
def test_sentence_kinds(sentence: str, kind: str) -> None:
    assert f.sentence_kind(sentence) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Protesters marched (AP Photo/Jane Roe) through the city on Tuesday.", f.CAPTION),
        ("Protesters marched through the city. [File: Jane Roe/Reuters]", f.CAPTION),
        ("Source: Reuters", f.SOURCE),
        ("Reuters reported that protesters marched through the city on Tuesday.", None),
        ("Prices rose 4% in April/May (a record).", None),
    ],
)
def test_credit_or_source(text: str, kind: str | None) -> None:
    assert f.credit_or_source(text) == kind


def test_enclosing_line() -> None:
    text = "First line.\nA sentence. Another one.\nLast."
    start = text.index("Another")
    assert f.enclosing_line(text, start, start + 12) == "A sentence. Another one."
    assert f.enclosing_line(text, 0, 5) == "First line."
    assert f.enclosing_line(text, len(text) - 5, len(text)) == "Last."
    huge = "word " * 1000 + "end."
    assert f.enclosing_line(huge, 2000, 2004) == ""  # too long to be furniture: not copied


def test_sentence_kind_outlet_name_and_line_context() -> None:
    assert f.sentence_kind("the daily courier", outlet="The Daily Courier") == f.LABEL
    line = "\u00a9 2025 Example News. All rights reserved. Registered in England No. 123."
    assert f.sentence_kind("Registered in England No.", line=line) == f.FOOTER
    assert f.sentence_kind("Prices rose 4% in April.", line="Prices rose 4% in April.") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Reuters reported that the talks had stalled.",
        "Mexican President Claudia Sheinbaum says she rejected the offer.",
        "A photo published by the ministry showed 40 trucks at the border.",
        "More in August than July.",
        "Prices rose 4% in April.",
    ],
)
def test_sentences_that_are_claims(sentence: str) -> None:
    assert f.sentence_kind(sentence) is None


@pytest.mark.parametrize(
    ("paragraph", "kept"),
    [
        (
            "Should fines be higher? Have your say in the comments below.",
            "Should fines be higher?",
        ),
        (
            "What should you do if the power goes? Check our guide below.",
            "What should you do if the power goes?",
        ),
        (
            "Rents rose 4%, according to figures from the statistics office, opens new tab.",
            "Rents rose 4%, according to figures from the statistics office.",
        ),
        ("BREAKING: The council has approved the budget.", "The council has approved the budget."),
        (
            "The council approved it. Read more: how the budget affects you",
            "The council approved it.",
        ),
        ("Prices rose. Share prices fell.", "Prices rose. Share prices fell."),
        ("He said it was live. Watch this space.", "He said it was live. Watch this space."),
    ],
)
def test_strip_glued(paragraph: str, kept: str) -> None:
    assert f.strip_glued(paragraph) == kept


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("WASHINGTON (AP) \u2014 The", Dateline("WASHINGTON", None, None, "AP")),
        ("LONDON (Reuters) - The", Dateline("LONDON", None, None, "Reuters")),
        ("(Reuters) - The", Dateline("", None, None, "Reuters")),
        ("GENEVA, May 6 (Reuters) - The", Dateline("GENEVA", 5, 6, "Reuters")),
        ("MEXICO CITY \u2014 The", Dateline("MEXICO CITY", None, None, "")),
        ("Nairobi, Kenya (CNN) \u2014 The", Dateline("Nairobi, Kenya", None, None, "CNN")),
        ("New Delhi, May 6 (PTI) The", Dateline("New Delhi", 5, 6, "PTI")),
        # Press-release distributors.
        (
            "DENVER, March 3, 2025 /PRNewswire/ -- The",
            Dateline("DENVER", 3, 3, "PRNewswire", year=2025),
        ),
        (
            "AUSTIN, Texas--(BUSINESS WIRE)--The",
            Dateline("AUSTIN, Texas", None, None, "BUSINESS WIRE"),
        ),
        ("OTTAWA, June 2, 2025 /CNW/ - The", Dateline("OTTAWA", 6, 2, "CNW", year=2025)),
    ],
)
def test_datelines(opening: str, dateline: Dateline) -> None:
    parsed = f.parse_dateline(f"{opening} ministry said no.")
    assert parsed == (dateline, "The ministry said no.")


@pytest.mark.parametrize(
    "opening",
    [
        "(Reuters) - said no.",
        "(with reporting by AP) the ministry",
        "(AP)",
        "New Delhi (PTI) The",  # without a dash, only with a date as well
        "Paris, May 6 The",
        "Our A/B test -- it failed.",
        "Sales rose /fast/ -- The",
    ],
)
def test_not_datelines(opening: str) -> None:
    assert f.parse_dateline(opening) is None


@pytest.mark.parametrize(
    "hostile",
    [
        "By " + "Jane " * 20_000,
        "[a](" * 20_000,
        "(" * 20_000 + "AP Photo/",
        "Photo: " + "a/" * 20_000,
        "REUTERS/" + "Jane/" * 20_000,
        "Also read: " + "x " * 20_000,
        "We use " + "cookie " * 20_000,
        "did not " * 20_000 + "respond",
        "A" * 100_000,
        "| " * 20_000,
        "Join the " + "x " * 20_000 + "channel",
        "Follow " + "x " * 20_000 + ":",
        "By signing up " + "x " * 20_000 + "agree",
        "links " * 20_000 + "we earn a commission",
        "Try " + "x " * 20_000 + "plus",
    ],
)
def test_hostile_lines_are_answered(hostile: str) -> None:
    # Not a timing test (see benchmarks/test_parsing_bench.py for the linear-time figures):
    # these shapes made naive patterns backtrack; here they must simply be answered.
    f.line_kind(hostile)
    f.sentence_kind(hostile, line=hostile)
    f.strip_glued(hostile)
    f.find_credit(hostile)
