"""Tests for claims.parsing: pure functions, no database and no Django import."""

from __future__ import annotations

import datetime
import time
from pathlib import Path

import pytest

from claims.parsing import (
    ArticleTextError,
    Dateline,
    ParsedArticle,
    content_hash,
    normalise_text,
    parse_article,
)

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_575df2c8442f52cd.txt"

SEED_TITLE = "Sheinbaum says she totally rejects Trump's offer to send U.S. troops to Mexico"
SEED_CAPTION = (
    "\"I told him, 'No, President Trump, our territory is inviolable, our sovereignty is "
    "inviolable, our sovereignty is not for sale,' says Mexican President Claudia Sheinbaum"
)
SEED_STANDFIRST = (
    "Mexican president says she told Donald Trump that Mexico \u2018will never accept the "
    "presence of U.S. Army in our territory\u2019."
)
SEED_LAST_PARAGRAPH = (
    "Like the first zone established last month in New Mexico, military personnel are "
    "authorised to take custody of migrants who irregularly cross the border until they are "
    "transferred to civilian authorities in the U.S. Department of Homeland Security."
)
SEED_URL = (
    "https://www.radiohc.cu/en/noticias/internacionales/"
    "382138-sheinbaum-says-she-totally-rejects-trumps-offer-to-send-us-troops-to-mexico"
)


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed(seed_text: str) -> ParsedArticle:
    return parse_article(seed_text)


# ---------------------------------------------------------------------------------------------
# The seed article
# ---------------------------------------------------------------------------------------------


def test_seed_furniture_fields(seed: ParsedArticle) -> None:
    assert seed.title == SEED_TITLE
    assert seed.photo_caption == SEED_CAPTION
    assert seed.photo_credit == "File: Henry Romero/Reuters"
    assert seed.standfirst == SEED_STANDFIRST
    assert seed.source_note == "teleSUR and NEWS AGENCIES"
    assert seed.url == SEED_URL
    assert seed.outlet_name == "Radio Habana Cuba"


def test_seed_dateline(seed: ParsedArticle) -> None:
    assert seed.dateline == Dateline(place="Mexico City", month=5, day=4, agency="RHC")
    assert seed.dateline.resolve(2025) == datetime.date(2025, 5, 4)


def test_seed_body_paragraphs(seed: ParsedArticle) -> None:
    # 16 prose paragraphs in the paste, the last sentence split over two of them: 15.
    assert len(seed.paragraphs) == 15
    assert seed.body == "\n\n".join(seed.paragraphs)
    assert seed.paragraphs[0].startswith(
        "Mexican President Claudia Sheinbaum says she rejected an offer"
    )
    assert seed.paragraphs[1].startswith("Speaking at a public event on Saturday")
    assert seed.paragraphs[-1] == SEED_LAST_PARAGRAPH
    assert seed.body.endswith("civilian authorities in the U.S. Department of Homeland Security.")
    assert all(p == p.strip() and "\n" not in p and "  " not in p for p in seed.paragraphs)


@pytest.mark.parametrize(
    "furniture",
    [
        SEED_CAPTION,
        "says Mexican President Claudia Sheinbaum",
        "Henry Romero",
        "[File",
        "SOURCE",
        "teleSUR",
        "http",
        "radiohc",
        "Radio Habana Cuba",
        "**",
        "#",
        "---",
        "Mexico City, May 4",
        "(RHC)",
        "will never accept the presence of U.S. Army",
        "totally rejects",
    ],
)
def test_seed_body_has_no_furniture(seed: ParsedArticle, furniture: str) -> None:
    assert furniture not in seed.body


def test_seed_keeps_curly_quotes(seed: ParsedArticle) -> None:
    assert "telling Trump, \u201cWe will never accept" in seed.body
    assert "Trump\u2019s administration" in seed.body


def test_seed_repasted_with_other_spacing_gives_same_body_and_hash(
    seed_text: str, seed: ParsedArticle
) -> None:
    messy = "\ufeff\r\n" + "\r\n".join(
        f"{line}   \t" + ("\r\n\r\n" if not line else "") for line in seed_text.split("\n")
    )
    messy = messy.replace("Mexican President Claudia", "Mexican\u00a0President  Claudia")
    reparsed = parse_article(messy)
    assert reparsed.body == seed.body
    assert reparsed.paragraphs == seed.paragraphs
    assert content_hash(reparsed.body) == content_hash(seed.body)
    assert reparsed.title == seed.title
    assert reparsed.dateline == seed.dateline
    assert reparsed.outlet_name == seed.outlet_name


def test_seed_parses_quickly(seed_text: str) -> None:
    big = "\n\n".join([seed_text] * 50)
    started = time.perf_counter()
    parse_article(big)
    assert time.perf_counter() - started < 2.0


# ---------------------------------------------------------------------------------------------
# Datelines
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "expected", "first_words"),
    [
        (
            "Mexico City, May 4 (RHC)-- Mexican officials said",
            Dateline("Mexico City", 5, 4, "RHC"),
            "Mexican officials said",
        ),
        (
            "WASHINGTON (Reuters) - The White House said",
            Dateline("WASHINGTON", None, None, "Reuters"),
            "The White House said",
        ),
        (
            "LONDON, March 3 (AP) \u2014 Britain said",
            Dateline("LONDON", 3, 3, "AP"),
            "Britain said",
        ),
        (
            "Paris, 12 June 2024 \u2013 France said",
            Dateline("Paris", 6, 12, "", year=2024),
            "France said",
        ),
        (
            "BEIRUT, Lebanon (AP) \u2014 Lebanese officials said",
            Dateline("BEIRUT, Lebanon", None, None, "AP"),
            "Lebanese officials said",
        ),
        (
            "KYIV, Ukraine, Jan. 5, 2023 (Reuters) - Ukraine said",
            Dateline("KYIV, Ukraine", 1, 5, "Reuters", year=2023),
            "Ukraine said",
        ),
        (
            "NEW YORK, Sept. 5th (Reuters)\u2014Markets fell",
            Dateline("NEW YORK", 9, 5, "Reuters"),
            "Markets fell",
        ),
        (
            "Rio de Janeiro, May 4 (AFP) - Brazil said",
            Dateline("Rio de Janeiro", 5, 4, "AFP"),
            "Brazil said",
        ),
        (
            "WASHINGTON \u2014 The president said",
            Dateline("WASHINGTON", None, None, ""),
            "The president said",
        ),
    ],
)
def test_dateline_forms(opening: str, expected: Dateline, first_words: str) -> None:
    article = parse_article(f"{opening} that talks would resume.\n\nA second paragraph.")
    assert article.dateline == expected
    assert article.paragraphs[0] == f"{first_words} that talks would resume."
    assert article.paragraphs[1] == "A second paragraph."


@pytest.mark.parametrize(
    "opening",
    [
        "Mexico-based firms said exports fell.",
        "Trump - who spoke on Saturday - said exports fell.",
        "NATO - the alliance - said exports fell.",
        "On Saturday, May 4, officials said exports fell.",
        "The U.S. - Mexico border is long.",
        "Officials (Reuters reported) - said exports fell.",
    ],
)
def test_prose_that_is_not_a_dateline_is_left_alone(opening: str) -> None:
    article = parse_article(opening)
    assert article.dateline is None
    assert article.paragraphs == (opening,)


def test_dateline_only_recognised_in_first_paragraph() -> None:
    text = "Officials met on Monday.\n\nLONDON, March 3 (AP) \u2014 Britain said no."
    article = parse_article(text)
    assert article.dateline is None
    assert article.paragraphs[1] == "LONDON, March 3 (AP) \u2014 Britain said no."


def test_dateline_on_its_own_line_is_removed() -> None:
    article = parse_article("WASHINGTON (Reuters) -\n\nThe White House said no.")
    assert article.dateline == Dateline("WASHINGTON", None, None, "Reuters")
    assert article.paragraphs == ("The White House said no.",)


def test_dateline_resolve() -> None:
    assert Dateline("Paris", 6, 12, "", year=2024).resolve(2025) == datetime.date(2024, 6, 12)
    assert Dateline("WASHINGTON", None, None, "Reuters").resolve(2025) is None
    assert Dateline("Rome", 2, 29, "").resolve(2025) is None  # not a leap year
    assert Dateline("Rome", 2, 29, "").resolve(2024) == datetime.date(2024, 2, 29)


# ---------------------------------------------------------------------------------------------
# Plain text, joining and furniture in the body
# ---------------------------------------------------------------------------------------------


def test_plain_text_every_paragraph_is_body() -> None:
    text = (
        "The council approved the budget on Tuesday.\n\n"
        "Opposition members said the increase was too small.\n\n"
        "A final vote is expected next month."
    )
    article = parse_article(text)
    assert article.title == ""
    assert article.standfirst == ""
    assert article.photo_caption == article.photo_credit == ""
    assert article.dateline is None
    assert article.url == article.outlet_name == article.source_note == ""
    assert article.paragraphs == tuple(text.split("\n\n"))
    assert article.body == text


def test_plain_text_with_single_newlines_between_paragraphs() -> None:
    text = "The council approved the budget.\nMembers said it was too small.\nA vote follows."
    assert parse_article(text).paragraphs == tuple(text.split("\n"))


def test_hard_wrapped_paragraph_is_rejoined() -> None:
    text = "The council approved the budget on Tuesday after a long\ndebate that ran late."
    assert parse_article(text).paragraphs == (
        "The council approved the budget on Tuesday after a long debate that ran late.",
    )


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        (
            "The funds will be moved to the\n\nMinistry of Finance next year.",
            "The funds will be moved to the Ministry of Finance next year.",
        ),
        (
            "Spending will rise by\n\n12 percent next year.",
            "Spending will rise by 12 percent next year.",
        ),
        (
            "The minister, speaking in parliament on Tuesday afternoon, said that spending\n\n"
            "would rise.",
            "The minister, speaking in parliament on Tuesday afternoon, said that spending "
            "would rise.",
        ),
        (
            "The minister, speaking in parliament on Tuesday afternoon, told reporters\n\n"
            "Spending will rise.",
            "The minister, speaking in parliament on Tuesday afternoon, told reporters "
            "Spending will rise.",
        ),
    ],
)
def test_paragraph_break_mid_sentence_is_joined(text: str, joined: str) -> None:
    # Preceded by another paragraph, so that the broken one cannot be taken for a headline.
    article = parse_article(f"The session opened at nine.\n\n{text}")
    assert article.paragraphs == ("The session opened at nine.", joined)


def test_seed_sentence_break_is_joined(seed_text: str) -> None:
    assert "civilian authorities in the\n\nU.S. Department" in seed_text  # as received
    assert SEED_LAST_PARAGRAPH in parse_article(seed_text).paragraphs


def test_plain_headline_is_the_title_not_body() -> None:
    headline = "Sheinbaum says she totally rejects Trump's offer to send U.S. troops to Mexico"
    text = (
        f"{headline}\n\n"
        "Mexican President Claudia Sheinbaum says she rejected an offer.\n\n"
        "She spoke on Saturday."
    )
    article = parse_article(text)
    # Not glued to the next paragraph, and not left in the body to be taken for a claim.
    assert article.title == headline
    assert article.paragraphs == tuple(text.split("\n\n")[1:])


@pytest.mark.parametrize(
    "ending",
    [
        "It ended.",
        "Did it end?",
        "It ended!",
        "He said: \u201cIt ended.\u201d",
        "He said \u2018it ended.\u2019",
        '"It ended."',
        "It ended (finally).",
        "He said the following:",
    ],
)
def test_paragraph_ending_a_sentence_is_not_joined(ending: str) -> None:
    article = parse_article(f"{ending}\n\nnext paragraph begins in lower case.")
    assert len(article.paragraphs) == 2


def test_short_unpunctuated_line_before_capitalised_paragraph_is_a_subheading() -> None:
    # A subheading is neither glued to the next paragraph nor kept in the prose.
    text = "The budget passed.\n\nWhat happens next\n\nA vote is due in June."
    assert parse_article(text).paragraphs == ("The budget passed.", "A vote is due in June.")


def test_list_items_without_full_stops_are_prose() -> None:
    text = "The report found:\n\n- Inflation at 3.2% in April\n- Rents up 9%\n\nIt was published."
    assert parse_article(text).paragraphs == (
        "The report found:",
        "Inflation at 3.2% in April",
        "Rents up 9%",
        "It was published.",
    )


def test_body_line_that_is_only_a_url() -> None:
    text = (
        "The report was published on Monday.\n\n"
        "https://example.org/report.pdf\n\n"
        "It found that spending rose.\n"
        "<https://example.org/data>\n"
        "Officials disputed the figures."
    )
    article = parse_article(text)
    assert article.paragraphs == (
        "The report was published on Monday.",
        "It found that spending rose.",
        "Officials disputed the figures.",
    )
    assert "http" not in article.body
    assert article.url == "https://example.org/data"  # the last URL line wins


def test_sentence_broken_around_a_url_line_is_joined() -> None:
    article = parse_article("The money went to the\n\nhttps://example.org/x\n\nnational fund.")
    assert article.paragraphs == ("The money went to the national fund.",)


@pytest.mark.parametrize(
    ("paragraph", "caption", "credit"),
    [
        ("Protesters in Lima [File: Jane Doe/AP]", "Protesters in Lima", "File: Jane Doe/AP"),
        ("Protesters in Lima [Photo: Jane Doe/AP]", "Protesters in Lima", "Photo: Jane Doe/AP"),
        ("Protesters in Lima (Photo: Jane Doe/AP)", "Protesters in Lima", "Photo: Jane Doe/AP"),
        ("Protesters in Lima. Photo: Jane Doe/AP", "Protesters in Lima.", "Photo: Jane Doe/AP"),
        (
            "Protesters in Lima. Photograph: Jane Doe/Reuters",
            "Protesters in Lima.",
            "Photograph: Jane Doe/Reuters",
        ),
        ("Protesters in Lima [Jane Doe/Reuters]", "Protesters in Lima", "Jane Doe/Reuters"),
        ("[File: Jane Doe/AP]", "", "File: Jane Doe/AP"),
    ],
)
def test_captions_anywhere_are_not_body(paragraph: str, caption: str, credit: str) -> None:
    text = f"The march began at noon.\n\n{paragraph}\n\nPolice said it was peaceful."
    article = parse_article(text)
    assert article.photo_caption == caption
    assert article.photo_credit == credit
    assert article.paragraphs == ("The march began at noon.", "Police said it was peaceful.")


def test_prose_with_a_colon_and_slash_is_not_a_caption() -> None:
    text = "He opened the file: report/2024 was empty."
    assert parse_article(text).paragraphs == (text,)


def test_markdown_variants() -> None:
    text = (
        "## _Budget passes_ ##\n\n"
        "***\n\n"
        "__A short standfirst that\nwraps over two lines.__\n\n"
        "The **council** approved the [budget](https://example.org/b) on *Tuesday*.\n\n"
        "![chart](https://example.org/c.png)\n\n"
        "> Spending will \\*rise\\*.\n\n"
        "(Source: Council minutes)\n\n"
        "* * *\n\n"
        "[https://example.org/story](https://example.org/story)\n\n"
        "__Example Times__"
    )
    article = parse_article(text)
    assert article.title == "Budget passes"
    assert article.standfirst == "A short standfirst that wraps over two lines."
    assert article.paragraphs == (
        "The council approved the budget on Tuesday.",
        "Spending will *rise*.",
    )
    assert article.source_note == "Council minutes"
    assert article.url == "https://example.org/story"
    assert article.outlet_name == "Example Times"


def test_setext_headline() -> None:
    article = parse_article("Budget passes\n=============\n\nThe council approved it.")
    assert article.title == "Budget passes"
    assert article.paragraphs == ("The council approved it.",)


def test_long_bold_paragraph_after_body_is_prose() -> None:
    text = "The council approved it.\n\n**Members will vote again on the final figures in June.**"
    article = parse_article(text)
    assert article.outlet_name == ""
    assert article.paragraphs[-1] == "Members will vote again on the final figures in June."


def test_source_note_glued_to_last_paragraph() -> None:
    article = parse_article("The council approved it. [ SOURCE: AFP ]")
    assert article.paragraphs == ("The council approved it.",)
    assert article.source_note == "AFP"


# ---------------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "\n\n\t \r\n", "\u00a0\u200b\ufeff"])
def test_empty_text_is_rejected(text: str) -> None:
    with pytest.raises(ArticleTextError, match="empty"):
        parse_article(text)


@pytest.mark.parametrize(
    "text",
    [
        "Some text\x00with a NUL byte.",
        "PK\x03\x04\x14\x00\x06\x00\x08\x00",
        "A" * 90 + "\x01\x02",  # 2% control characters
    ],
)
def test_binary_text_is_rejected(text: str) -> None:
    with pytest.raises(ArticleTextError, match="binary"):
        parse_article(text)


def test_a_few_control_characters_are_tolerated_and_removed() -> None:
    article = parse_article("A" * 200 + "\x07 ends here.")
    assert article.body == "A" * 200 + " ends here."


@pytest.mark.parametrize(
    "text",
    [
        "# *A headline*\n\n---\n\n**A standfirst.**",
        "Caption [File: Jane Doe/AP]\n\n[ SOURCE: AFP ]\n\n<https://example.org/x>",
        "---\n\n***\n\n![image](https://example.org/i.png)",
        "https://example.org/x",
        "LONDON (AP) \u2014",
    ],
)
def test_only_furniture_is_rejected(text: str) -> None:
    with pytest.raises(ArticleTextError, match="No article text"):
        parse_article(text)


def test_article_text_error_is_a_value_error() -> None:
    assert issubclass(ArticleTextError, ValueError)


# ---------------------------------------------------------------------------------------------
# Normalisation and hashing
# ---------------------------------------------------------------------------------------------


def test_normalise_text() -> None:
    raw = (
        "\ufeffLine\u00a0one\u200b  has\tspaces   \r\n"
        "Cafe\u0301 \u201cquoted\u201d\u2009text\r"
        "\r\n\r\n\r\n"
        "Last\u202fline\n\n"
    )
    assert normalise_text(raw) == (
        "Line one has spaces\nCaf\u00e9 \u201cquoted\u201d text\n\nLast line"
    )


def test_normalise_keeps_joiners_inside_non_latin_words() -> None:
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # ZWNJ is part of the spelling
    assert normalise_text(persian) == persian
    assert normalise_text("a\u200cb\u200d") == "ab"


def test_content_hash_ignores_spacing_and_case() -> None:
    digest = content_hash("The council approved it.\n\nMembers objected.")
    assert len(digest) == 64
    assert int(digest, 16) >= 0
    assert content_hash("  the COUNCIL approved\u00a0it.\r\nMembers   objected. ") == digest
    assert content_hash("The council approved it. Members objected!") != digest


# ---------------------------------------------------------------------------------------------
# Pages pasted from a browser (the full fixtures are in tests/test_pastes.py)
# ---------------------------------------------------------------------------------------------


def test_menu_and_section_label_are_not_the_title() -> None:
    # What issue 8 saw: the title came out as "NATIONAL NEWS" or as the site menu.
    text = (
        "Skip to content\nHome\nWorld\nPolitics\nBusiness\nNATIONAL NEWS\n"
        "Council approves budget after a long night of debate\n"
        "By Jane Roe\nMay 6, 2025\nShare\n"
        "The council approved a $48 million budget on Monday, officials said.\n\n"
        "The vote was 5-2."
    )
    article = parse_article(text)
    assert article.title == "Council approves budget after a long night of debate"
    assert article.paragraphs == (
        "The council approved a $48 million budget on Monday, officials said.",
        "The vote was 5-2.",
    )


def test_summary_between_headline_and_byline_is_the_standfirst() -> None:
    text = (
        "Council approves budget\n"
        "Members backed the plan after a six-hour debate.\n"
        "By Jane Roe, Staff Writer\n"
        "The council approved a $48 million budget on Monday.\n\n"
        "The vote was 5-2."
    )
    article = parse_article(text)
    assert article.title == "Council approves budget"
    assert article.standfirst == "Members backed the plan after a six-hour debate."
    assert article.paragraphs[0] == "The council approved a $48 million budget on Monday."


def test_question_headline_before_the_byline_is_the_title() -> None:
    text = (
        "Can the pact survive its first year?\nBy Jane Roe\n"
        "Trade grew 34% in the first quarter.\n\nOfficials expect more."
    )
    article = parse_article(text)
    assert article.title == "Can the pact survive its first year?"
    assert article.paragraphs == ("Trade grew 34% in the first quarter.", "Officials expect more.")


def test_headline_repeated_at_the_top_of_the_body_is_dropped() -> None:
    text = "# Budget passes\n\nBudget passes\n\nThe council approved it on Monday."
    article = parse_article(text)
    assert article.title == "Budget passes"
    assert article.paragraphs == ("The council approved it on Monday.",)


def test_caption_on_the_line_above_its_credit() -> None:
    text = (
        "The march began at noon.\n\n"
        "Protesters walk through Lima on Tuesday.\nJane Doe/Reuters\n\n"
        "Police said it was peaceful."
    )
    article = parse_article(text)
    assert article.photo_caption == "Protesters walk through Lima on Tuesday."
    assert article.photo_credit == "Jane Doe/Reuters"
    assert article.paragraphs == ("The march began at noon.", "Police said it was peaceful.")


def test_a_reported_paragraph_above_a_credit_is_prose_not_its_caption() -> None:
    """A credit under a paragraph that reports what someone said credits a photo the paste
    lost; the paragraph is the article's and must not be dropped as a caption."""
    text = (
        "Bills will rise by 6% in January.\n\n"
        "The regulator said the rise was driven by network charges of £42 a year.\n"
        "Photograph: Jane Doe/PA\n\n"
        "Charities warned of a hard winter."
    )
    article = parse_article(text)
    assert article.photo_credit.endswith("Jane Doe/PA")
    assert article.photo_caption == ""
    assert article.paragraphs == (
        "Bills will rise by 6% in January.",
        "The regulator said the rise was driven by network charges of £42 a year.",
        "Charities warned of a hard winter.",
    )


@pytest.mark.parametrize("mark", ["###", "# # #", "-30-", "- 30 -", "ENDS", "-ENDS-"])
def test_what_follows_a_press_release_end_mark_is_not_the_release(mark: str) -> None:
    text = (
        "Governor announces grants\n\n"
        "The governor announced $120 million in grants on Tuesday.\n\n"
        "The grants will fund 62 projects in 41 counties.\n\n"
        f"{mark}\n\n"
        "The Office of the Governor leads the executive branch of the state.\n\n"
        "Follow us for more news from the governor's office."
    )
    article = parse_article(text)
    assert article.paragraphs == (
        "The governor announced $120 million in grants on Tuesday.",
        "The grants will fund 62 projects in 41 counties.",
    )


def test_a_markdown_heading_is_no_end_mark() -> None:
    text = "# Grants\n\nThe grants rose 4%.\n\n### Why it matters\n\nRural homes lack broadband."
    assert parse_article(text).paragraphs == ("The grants rose 4%.", "Rural homes lack broadband.")


def test_the_boilerplate_about_the_issuer_is_not_the_release() -> None:
    text = (
        "Northgate reports record quarter\n\n"
        "Northgate reported revenue of $486 million, up 22%, on Tuesday.\n\n"
        "The company expects revenue of $1.9 billion this year.\n\n"
        "About Northgate Health Systems\n"
        "Northgate Health Systems operates surgery centers across the Midwest."
    )
    assert parse_article(text).paragraphs == (
        "Northgate reported revenue of $486 million, up 22%, on Tuesday.",
        "The company expects revenue of $1.9 billion this year.",
    )


def test_furniture_inside_the_body_is_dropped_and_prose_like_it_is_kept() -> None:
    text = (
        "LONDON (Reuters) - The bank held rates at 2.5%, it said on Tuesday.\n\n"
        "Advertisement\n\n"
        "Also read: Five charts that explain the budget\n\n"
        "Reuters reported last week that three policymakers wanted a cut.\n\n"
        "Related article\nWhy rates are stuck\n\n"
        "A photo published by the bank showed its board voting.\n\n"
        "Should rates fall? Have your say in the comments below.\n\n"
        "Reporting by Jane Roe; Editing by John Doe\n\n"
        "Jane Roe covers central banks for Reuters.\n\n"
        "\u00a9 2025 Example News. All rights reserved."
    )
    article = parse_article(text)
    assert article.dateline == Dateline("LONDON", None, None, "Reuters")
    assert article.paragraphs == (
        "The bank held rates at 2.5%, it said on Tuesday.",
        "Reuters reported last week that three policymakers wanted a cut.",
        "A photo published by the bank showed its board voting.",
        "Should rates fall?",
    )


def test_bio_like_sentence_inside_the_article_is_prose() -> None:
    text = (
        "The agency named a new director on Monday.\n\n"
        "Jane Roe is a former reporter who covered the agency for a decade.\n\n"
        "She starts in June."
    )
    assert len(parse_article(text).paragraphs) == 3


def test_cookie_notice_before_the_page() -> None:
    text = (
        "We use cookies to improve your experience. By continuing you agree to our use of "
        "cookies.\nAccept all\nReject all\n"
        "# Budget passes\n\nThe council approved it on Monday."
    )
    article = parse_article(text)
    assert article.title == "Budget passes"
    assert article.paragraphs == ("The council approved it on Monday.",)


def test_a_ticker_headline_above_the_menu_is_not_the_title() -> None:
    text = (
        "Breaking News\nMinister quits over hospital contracts row\n"
        "Home\nWorld\nSport\nBusiness\nCulture\n"
        "Harbour bridge to close for six weeks of repairs\n"
        "By Jane Roe\n"
        "The harbour bridge will close for six weeks from June, the council said on Monday.\n\n"
        "Drivers will be sent along the coast road."
    )
    article = parse_article(text)
    assert article.title == "Harbour bridge to close for six weeks of repairs"
    assert "Minister quits" not in article.standfirst
    assert "Minister quits" not in article.body


def test_a_headline_below_the_menu_stays_the_title_without_a_ticker() -> None:
    text = (
        "Home\nWorld\nSport\nBusiness\nCulture\n\n"
        "Harbour bridge to close for six weeks of repairs\n\n"
        "The harbour bridge will close for six weeks from June, the council said on Monday."
    )
    assert parse_article(text).title == "Harbour bridge to close for six weeks of repairs"


def test_a_lone_widget_under_the_headline_does_not_move_the_title() -> None:
    text = (
        "Home\nWorld\nSport\nBusiness\n\n"
        "Harbour bridge to close for six weeks of repairs\n"
        "Log in to save this story\n"
        "Drivers face long detours on the coast road this summer\n"
        "The harbour bridge will close for six weeks from June, the council said on Monday."
    )
    assert parse_article(text).title == "Harbour bridge to close for six weeks of repairs"


def test_a_longer_item_between_menu_items_is_the_menu() -> None:
    text = (
        "Home\nMarkets & Money\nScience & Tech\nPolicy & Public Interest\nPeople & Culture\n"
        "Tram line opens two years late\n"
        "The tram line opened on Monday, two years later than planned, the city said."
    )
    article = parse_article(text)
    assert article.title == "Tram line opens two years late"
    assert "Public Interest" not in article.body


def test_a_pull_quote_is_dropped_and_its_source_kept() -> None:
    quoted = '"We closed the library because nobody came," the mayor said at the meeting.'
    text = (
        "# Town closes its last library\n\n"
        "The town closed its last library on Friday after 80 years.\n\n"
        f"{quoted}\n\n"
        "We closed the library because nobody came.\n\n"
        "Visits fell by half in five years, council figures show."
    )
    article = parse_article(text)
    assert article.paragraphs == (
        "The town closed its last library on Friday after 80 years.",
        quoted,
        "Visits fell by half in five years, council figures show.",
    )


def test_short_paragraphs_that_only_share_words_are_not_pull_quotes() -> None:
    text = (
        "The council approved the budget on Monday after a long debate.\n\n"
        "The budget was approved.\n\n"  # its words are in the paragraph above, not as a line
        "Taxes will rise by 4% in April, the council approved in a second vote."
    )
    assert len(parse_article(text).paragraphs) == 3


def test_a_fact_check_claim_box_is_not_the_prose() -> None:
    text = (
        "FACT CHECK\nNo, the port did not double its fees\n"
        "Claim\nThe port doubled its fees in 2024.\nRating\nFalse\n"
        "A post shared widely online says the port doubled its fees last year.\n\n"
        "Port fees rose 6% in 2024, according to the port's annual report.\n\n"
        "The claim\n"
        "The post cites no source for the figure."
    )
    article = parse_article(text)
    assert article.title == "No, the port did not double its fees"
    assert "The port doubled its fees in 2024." not in article.body
    # Without a rating label after it, a "The claim" subheading is just a subheading.
    assert article.paragraphs[-1] == "The post cites no source for the figure."


def test_the_paragraphs_under_a_legal_notice_are_the_notice() -> None:
    notice = "These statements involve risks. " * 40  # longer than any widget line
    text = (
        "# Acme lifts sales forecast\n\n"
        "Acme said on Monday it expects sales of $2 billion this year.\n\n"
        "Forward-Looking Statements\n\n"
        f"{notice.strip()}\n\n"
        "Actual results may differ.\n\n"
        "Media contact\n\n"
        "press@acme.example"
    )
    article = parse_article(text)
    assert article.paragraphs == ("Acme said on Monday it expects sales of $2 billion this year.",)


def test_a_wire_distributor_dateline() -> None:
    text = (
        "# Acme lifts sales forecast\n\n"
        "DENVER, March 3, 2025 /PRNewswire/ -- Acme Corp. said it expects sales of $2 billion."
    )
    article = parse_article(text)
    assert article.dateline == Dateline("DENVER", 3, 3, "PRNewswire", year=2025)
    assert article.paragraphs == ("Acme Corp. said it expects sales of $2 billion.",)


def test_the_author_box_at_the_foot_is_not_the_prose() -> None:
    text = (
        "# Buses are slower than in 1990\n\n"
        "Buses run 14% slower than in 1990, a transit study found.\n\n"
        "Each extra stop costs about 20 seconds.\n\n"
        "Written by Jane Roe\n"
        "Transport planner. Writing about buses and trams.\n"
    )
    assert parse_article(text).paragraphs == (
        "Buses run 14% slower than in 1990, a transit study found.",
        "Each extra stop costs about 20 seconds.",
    )


def test_a_byline_before_the_last_paragraph_does_not_open_an_author_box() -> None:
    text = (
        "# Storm live\n\n"
        "Winds reached 90mph on the coast, the forecaster said.\n\n"
        "By Jane Roe\n"
        "Ferries are cancelled until Friday.\n"
    )
    assert parse_article(text).paragraphs[-1] == "Ferries are cancelled until Friday."
