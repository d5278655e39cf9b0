"""Fixtures for the pure worker tests (no database, no Django)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

SEED_PATH = Path(__file__).resolve().parents[2] / "seeds" / "000_575df2c8442f52cd.txt"
SEED_DATE = dt.date(2025, 5, 4)  # Sunday; the article's dateline is "May 4"
SEED_OUTLET = "Radio Habana Cuba"

# The seed article's prose paragraphs, as the parser is expected to deliver them: no
# headline, caption, credit, standfirst, dateline, source line, URL or outlet name, and
# the last sentence (broken across two paragraphs in the pasted page) re-joined.
SEED_PARAGRAPHS = (
    "Mexican President Claudia Sheinbaum says she rejected an offer from her U.S. "
    "counterpart, Donald Trump, to send U.S. Army troops to Mexico to help combat drug "
    "trafficking.",
    "Speaking at a public event on Saturday, Sheinbaum said Trump had asked her during a "
    "call how he could help fight organized crime and suggested sending U.S. troops.",
    "The Mexican leader said she declined, telling Trump, “We will never accept the "
    "presence of the United States army in our territory.” “I told him, ‘No, President "
    "Trump, our territory is inviolable, our sovereignty is inviolable, our sovereignty is "
    "not for sale,’” Sheinbaum said.",
    "Her comments come a day after the Wall Street Journal reported that Trump was "
    "pressuring Mexico to allow “deeper US military involvement” in the fight against drug "
    "cartels.",
    "Citing unnamed people familiar with the matter, the news outlet said “tension rose” "
    "during an April 16th call between the two leaders as Trump “pushed to have U.S. armed "
    "forces take a leading role in battling Mexican drug gangs that produce and smuggle "
    "fentanyl to the United States.”",
    "Since taking office in January, Trump has repeatedly hit out at Mexico and the U.S.’s "
    "other neighbour, Canada, over drug trafficking. He has accused the two countries of "
    "allowing illegal drugs, most notably fentanyl, to flow over their borders into the "
    "United States.",
    "Trump’s administration has also tied its push to impose steep tariffs on Mexican and "
    "Canadian goods to fentanyl trafficking, among other factors.",
    "On Saturday, Sheinbaum said she had offered to collaborate with the US during her "
    "talks with Trump, including through greater information-sharing. At the same time, "
    "the Mexican president said she had urged Trump to stop the cross-border arms "
    "trafficking that has contributed to a wave of violence that has killed more than "
    "450,000 in Mexico over nearly two decades.",
    "She added that Trump issued an order on Friday “to ensure that everything necessary "
    "is in place to prevent weapons from entering our country from the United States”.",
    "A spokesperson for the U.S. National Security Council told the Reuters news agency "
    "that Trump had been “crystal clear that Mexico must do more to combat these gangs and "
    "cartels and the United States stands ready to assist and expand the already close "
    "cooperation between our two countries”.",
    "The spokesperson added that Trump had worked closely with Sheinbaum to achieve the "
    "“most secure southwest border in history”.",
    "But “dangerous foreign terrorist organizations continue to threaten our shared "
    "security and the drugs and crime they spread threaten American communities across the "
    "country”, the spokesperson said.",
    "Meanwhile, Trump has continued to push forward with his plan to carry out the "
    "“largest deportation operation” in U.S. history, despite several legal challenges "
    "against his hardline anti-immigration policies.",
    "The U.S. Department of Defense said earlier this week that it designated a second "
    "stretch on the border with Mexico as a military zone to enforce immigration laws. The "
    "newest area is in the U.S. state of Texas and is attached to the Fort Bliss Army base "
    "in El Paso.",
    "Like the first zone established last month in New Mexico, military personnel are "
    "authorised to take custody of migrants who irregularly cross the border until they "
    "are transferred to civilian authorities in the U.S. Department of Homeland Security.",
)
SEED_BODY = "\n\n".join(SEED_PARAGRAPHS)


@pytest.fixture(scope="session")
def seed_body() -> str:
    return SEED_BODY


@pytest.fixture(scope="session")
def seed_raw() -> str:
    if not SEED_PATH.exists():
        pytest.skip("seed article not present")
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_claims(seed_body):
    from workers.extraction import extract_claims

    return extract_claims(seed_body, outlet=SEED_OUTLET)
