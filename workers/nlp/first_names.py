"""Given names common in English-language news, by the gender they nearly always mark.

Used only to resolve "he"/"she" to a person the gazetteer does not know ("Ada Fisher
… she said"). A name that is often given to both (Jordan, Taylor, Kelly, Robin) is left
out: no gender is better than a wrong one.
"""

from __future__ import annotations

_MALE = """
aaron adam alan albert alex alexander andrew anthony antonio arthur ben benjamin bernard
bernie bill billy bob bobby brad bradley brandon brent brian bruce bryan carl carlos
charles charlie chris christopher chuck clarence craig dan daniel darren dave david
dennis derek dick don donald doug douglas duncan dylan ed eddie edward eric ernest eugene
frank fred frederick gary george gerald glenn gordon greg gregory harold harry henry
howard ian jack jacob jake james jason jeb jeff jeffrey jeremy jerry jesse jim jimmy joe
joel john johnny jon jonathan jorge jose joseph josh joshua juan justin keith ken kenneth
kevin kyle larry lawrence lee louis luis marco mario mark martin matt matthew michael
mike mitch mitt nathan neil nicholas nick oliver omar patrick paul pete peter phil philip
ralph randy ray raymond reince richard rick rob robert roger ron ronald roy russell ryan
sam samuel scott sean stephen steve steven stuart ted terry thomas tim timothy todd tom
tony travis vincent walter wayne william willie
abraham alejandro barack bret brendan calvin colin corey curt darrell desmond devin dexter
dwight elijah elliot elliott emmanuel enrique ethan felipe fernando geoff geoffrey hakeem hank
hugh isaac ivan jamal jared javier jeffery jerome julian kurt leonard luke malcolm manuel marcus
marvin mikhail miguel mohammed muhammad nathaniel newt pablo rafael rashad reginald ricardo
rodney sebastian sergio seth sheldon tad theodore trevor tyler vladimir wesley woodrow zachary
"""
_FEMALE = """
abigail ada alice alicia amanda amy andrea angela ann anna anne barbara betty beverly
brenda carly carol caroline carolyn catherine cheryl christina christine cindy claire
cynthia debbie deborah debra denise diana diane donna doris dorothy elizabeth ellen emily
emma evelyn frances gloria grace hannah heather heidi helen hillary irene jacqueline jane
janet janice jean jennifer jessica jill joan joyce judith judy julia julie karen kate
katherine kathleen kathryn kathy katie kayla kimberly laura lauren linda lisa lori louise
lucy madeleine margaret maria marie marilyn martha mary megan melania melissa michelle
mildred nancy natalie nicole nikki olivia pamela patricia paula peggy rachel rebecca rita
rose ruth samantha sandra sarah sharon shirley stephanie susan teresa theresa tiffany
valerie victoria virginia wendy
angie annette betsy brianne carole cecelia claudia elaine eva felicia gilda ivanka jillian
kristen loretta marla megyn mindy neera patty polly roberta sara sonia sylvia yasmeen zoe
"""

FIRST_NAME_GENDER: dict[str, str] = {
    **dict.fromkeys(_MALE.split(), "male"),
    **dict.fromkeys(_FEMALE.split(), "female"),
}


_TITLES = frozenset(
    {"senator", "president", "governor", "speaker", "pastor", "judge", "former", "state",
     "secretary", "representative", "mayor", "chairman", "general", "sheriff", "the",
     # A party word before the name ("Democrat Ada Fisher") says nothing of the person.
     "democrat", "democratic", "republican", "gop", "libertarian", "independent"}
)  # fmt: skip


def first_name_gender(name: str) -> str | None:
    """The gender a person's first given name marks, if it marks one ("Sen. Ada Fisher" ->
    female); titles and abbreviations before it are passed over, and so is a title of several
    words ahead of a known given name ("Senate Majority Leader Walter Roe" -> male)."""
    words = [w.lower() for w in name.split()]
    given = next((w for w in words if not w.endswith(".") and w not in _TITLES), "")
    if given in FIRST_NAME_GENDER:
        return FIRST_NAME_GENDER[given]
    # A longer title ahead of the name ("Attorney General Ada Fisher", "House Speaker Walter
    # Roe"): the first given name before the surname.
    return next((FIRST_NAME_GENDER[w] for w in words[:-1] if w in FIRST_NAME_GENDER), None)
