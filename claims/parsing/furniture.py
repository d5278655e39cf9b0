"""THE page-furniture recogniser, shared by the article parser and the claim extractor.

A page pasted from a news site carries much more than the article: menus, banners, share and
subscribe widgets, related links, photo captions and credits, bylines and timestamps, contributor
lines, adverts, cookie notices, comment counts and copyright footers. The parser uses this module
to drop such lines and paragraphs and to strip furniture glued to prose; the extractor uses it so
that no claim is ever made of furniture. Each kind of furniture is recognised here and nowhere else.

Every function looks at one line or sentence and is safe on hostile input: a line longer than
``MAX_FURNITURE_CHARS`` is never furniture (checked before any pattern runs), and every pattern is
anchored, bounded, or a plain search over such a short line, so no input can make them backtrack
badly. Prose that merely mentions a photo, an agency or a menu ("Reuters reported…", "the photo
shows…") is prose: the patterns match whole widget lines or labels followed by their link, not
words in sentences.

The data tables (label lists) are at the top; the functions follow.
"""

from __future__ import annotations

import re

from .datelines import Dateline, parse_dateline
from .markdown import clean_inline, structural_kind

__all__ = [
    "ADVERT",
    "BANNER",
    "BYLINE",
    "CAPTION",
    "COMMENTS",
    "CONTRIBUTORS",
    "COOKIE",
    "CREDIT",
    "DATE",
    "FOOTER",
    "KINDS",
    "LABEL",
    "MAX_FURNITURE_CHARS",
    "NAVIGATION",
    "NO_COMMENT",
    "RELATED",
    "SHARE",
    "SOURCE",
    "Dateline",
    "ends_sentence",
    "find_credit",
    "is_author_bio",
    "is_menu_item",
    "line_kind",
    "looks_like_heading",
    "no_comment",
    "parse_dateline",
    "sentence_kind",
    "strip_glued",
]

# --------------------------------------------------------------------------------------------
# Kinds
# --------------------------------------------------------------------------------------------

NAVIGATION = "navigation"  # skip links, menus, breadcrumbs, "Sign in", "Search"
BANNER = "banner"  # "Breaking News", "Live", "Exclusive", section labels ("NATIONAL NEWS")
SHARE = "share"  # share, save, subscribe, newsletter, follow-us, app and tip-line widgets
RELATED = "related"  # "Also read: …", "Related", "More from …", "Read more", "Most read"
CAPTION = "caption"  # a photo or video caption (with or without its credit)
CREDIT = "credit"  # a photo credit on its own ("Jane Roe/Reuters", "Getty Images")
BYLINE = "byline"  # "By Jane Roe", "Jane Roe, Staff Writer", "Published …", "4 min read"
DATE = "date"  # a bare timestamp line ("May 6, 2025", "11:42 BST", "2 hours ago")
CONTRIBUTORS = "contributors"  # "Reporting by … Editing by …", "… contributed to this report."
ADVERT = "advertisement"  # "Advertisement", "Story continues below", "Sponsor Message"
COOKIE = "cookie"  # cookie and consent notices and their buttons
COMMENTS = "comments"  # comment counts and prompts
FOOTER = "footer"  # copyright, terms and privacy links, disclaimers, editorial standards
SOURCE = "source"  # "[ SOURCE: … ]", "Source: …", "via: …"
LABEL = "label"  # (extractor) a short title-case line: a name, an outlet, a section
NO_COMMENT = "no comment"  # (extractor) "did not immediately respond to a request for comment"
KINDS = (
    NAVIGATION, BANNER, SHARE, RELATED, CAPTION, CREDIT, BYLINE, DATE, CONTRIBUTORS, ADVERT,
    COOKIE, COMMENTS, FOOTER, SOURCE, LABEL, NO_COMMENT,
)  # fmt: skip

# Furniture is short. Longer lines are prose and are rejected before any pattern runs.
MAX_FURNITURE_CHARS = 600
_MAX_WIDGET_WORDS = 40  # prefix patterns ("Sign up for our newsletter …") only on short lines

# --------------------------------------------------------------------------------------------
# Data tables
# --------------------------------------------------------------------------------------------

# Whole-line widgets, matched in full (case-insensitive), optionally followed by ".", ":" or "!".
_WHOLE_LINE = {
    NAVIGATION: (
        r"(?:skip|jump) to(?: the)?(?: main)? (?:content|navigation|search|footer|menu|article)",
        r"(?:skip|jump) to", r"accessibility(?: help| links| statement| & cc)?",
        r"keyboard shortcuts(?: for [\w ]{1,30})?",
        r"(?:open|close|toggle|main|more|site) (?:navigation )?menu", r"menu",
        r"(?:site )?navigation",
        r"search(?: [\w.]{1,20})?", r"sign (?:in|out)", r"log ?(?:in|out)", r"register",
        r"(?:my|your) account", r"subscribe(?: now| today)?", r"donate", r"e-?edition", r"edition",
        r"home(?:page)?", r"back to top", r"top of (?:the )?page", r"scroll to top", r"refresh",
        r"filter by", r"show (?:latest|oldest|newest) (?:updates|posts) first",
        r"show key events only", r"live feed", r"live tv", r"watch live", r"learn more",
        r"(?:please )?(?:turn on|enable) javascript[\w ,.]{0,80}",
        r"javascript is (?:disabled|required)[\w ,.]{0,80}", r"(?:go )?back", r"next", r"previous",
        r"close", r"more", r"loading(?:\.\.\.)?", r"(?:all|latest) (?:news|stories|sections)",
    ),
    BANNER: (
        r"breaking(?: news)?", r"live(?: updates| coverage| blog| now)?", r"just in",
        r"developing(?: story)?", r"exclusive", r"updated?", r"analysis", r"opinion", r"explainer",
        r"fact ?check", r"watch", r"video", r"listen", r"podcast", r"audio", r"in pictures",
        r"special report", r"news", r"latest", r"top story", r"advertorial",
        r"heard on [\w'\u2019 .&-]{1,40}",
        r"this (?:article|story) is more than \d+ (?:years?|months?|days?) old",
    ),
    SHARE: (
        r"share(?: (?:this|the))?(?: (?:article|story|page|post|link|video))?(?: (?:on|via) \w+)?",
        r"facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|flipboard|telegram|threads",
        r"bluesky|tumblr|messenger|e-?mail|mail|print|copy(?: (?:article )?link)?|link copied",
        r"copied|save(?: (?:article|story))?|saved|bookmark|gift(?: this)? article",
        r"share full article|embed|download|playlist|transcript|read & listen",
        r"listen to (?:this|the) (?:article|story)(?: \d+ min)?",
        r"view \d+ (?:images|photos|pictures)|view (?:gallery|slideshow)|\d+ (?:images|photos)",
        r"open (?:image )?gallery|enlarge (?:this )?image|expand(?: image)?",
    ),
    COMMENTS: (
        r"comments?(?: \(?\d[\d,]*\)?)?", r"\d[\d,]* comments?",
        r"(?:view|show|hide|read|see|load) (?:all )?(?:\d[\d,]* )?comments?",
        r"comments? (?:are|is) (?:closed|open)", r"write a comment(?:\.\.\.|\u2026)?",
        r"discussion about this (?:post|article|story)",
        r"(?:be the first to|leave a|add a|post a) comment",
        r"join the (?:conversation|discussion|debate)",
        r"sign in to (?:comment|join the (?:conversation|discussion))",
        r"have your say(?: in the comments(?: (?:below|section))?)?",
        r"(?:let us know|tell us) (?:what you think )?in the comments(?: below)?",
    ),
    ADVERT: (
        r"advertisements?|adverts?|ads?|ad feedback|report (?:this )?ad|sponsor(?:ed)? message",
        r"sponsored(?: content| links| stories)?|paid (?:content|post|partnership)",
        r"promoted(?: content| stories)?|supported by|remove ads|skip (?:ad|advert)",
        r"(?:story|article|text) continues (?:below|after)"
        r"(?: (?:this )?(?:advertisement|advert|ad))?",
        r"continue reading (?:below|the main story|after (?:the )?(?:advert(?:isement)?|ad))",
        r"scroll to continue(?: with content)?",
        r"(?:advertisement|ad) [\u00b7|\u2022-] scroll to continue(?: with content)?",
    ),
    COOKIE: (
        r"we value your privacy", r"(?:accept|allow|reject|refuse|decline)(?: all)?(?: cookies)?",
        r"(?:manage|customi[sz]e) (?:preferences|cookies|settings|consent|options|choices)",
        r"cookie (?:settings|policy|preferences|notice|consent)", r"privacy settings",
        r"your privacy choices", r"i (?:agree|accept)", r"got it", r"ok(?:ay)?",
        r"agree(?: and (?:close|continue))?", r"more options",
        r"do not sell(?: or share)? my personal information",
    ),
    FOOTER: (
        r"terms(?: of (?:use|service))?(?: (?:and|&) conditions)?",
        r"privacy(?: (?:policy|notice|center|centre))?", r"contact(?: us)?", r"about(?: us)?",
        r"careers", r"advertise(?: with us)?", r"site ?map", r"help", r"faqs?", r"newsletters",
        r"podcasts", r"transcripts", r"rss", r"corrections", r"ethics(?: policy)?", r"ad choices",
        r"do not sell my (?:personal )?info(?:rmation)?", r"powered by [\w .-]{1,40}",
    ),
    CAPTION: (r"(?:hide|show|toggle) caption", r"caption"),
    CREDIT: (
        r"getty images|shutterstock|alamy(?: stock photo)?|(?:afp|ap) via getty images",
        r"reuters|ap|afp|epa(?:-efe)?|pa(?: wire| media)?|anadolu(?: agency)?|xinhua|aap|ansa",
        r"dpa|sipa(?: usa)?|nurphoto|sopa images|zuma (?:press|wire)|(?:the )?associated press",
        r"file(?: photo| picture| image)?|stock (?:image|photo)|\((?:stock image|file photo)\)",
    ),
}  # fmt: skip
_WHOLE_LINE_MAX_CHARS = 120  # the longest of these widgets is far shorter
# One expression for the whole table: a named group per kind says which kind matched.
_WHOLE_LINE_KINDS = tuple(_WHOLE_LINE)
_WHOLE_LINE_RE = re.compile(
    "|".join(f"(?P<k{i}>(?:{'|'.join(ps)})[.:!]?)" for i, ps in enumerate(_WHOLE_LINE.values())),
    re.I,
)

# Labels that introduce links to other stories: alone ("Related topics", "More from Analysis"),
# or followed by a separator and the linked headline ("Also read: …", "READ MORE: …").
_RELATED_LABELS = (
    r"also read|read also|read more|more from|more on this (?:story|topic)|more stories(?: from)?",
    r"more in|more about|more news|recommended(?: for you| stories| reading| articles)?",
    r"related(?: articles?| stor(?:y|ies)| content| topics| coverage| links| reading| video)?",
    r"see also|you (?:may|might) also (?:like|be interested in)",
    r"most (?:read|viewed|popular|shared|watched)", r"top stories", r"trending(?: now| stories)?",
    r"what to read next|read next|up next|further reading|explore more on these topics",
    r"suggested topics|latest (?:news|stories|headlines)|editor'?s picks|key events",
    r"watch|listen|read|in depth",
)  # fmt: skip
_RELATED_RE = re.compile(
    rf"(?:{'|'.join(_RELATED_LABELS)})"
    r"(?: *[:|\u00bb\u203a\u2022\u2013\u2014] *\S.*| *:|(?: [\w'\u2019&-]+){0,3})",
    re.I,
)
_POINTER_RE = re.compile(  # "Check our guide below.", "See our live coverage here."
    r"(?:see|check|read|follow) our (?:full |latest |live )?(?:guide|explainer|coverage|live blog"
    r"|story|report|q&a|analysis)\b[^.!?]{0,60}[.!]?",
    re.I,
)

# Widgets that open with a fixed phrase and run on ("Sign up for our newsletter to get …").
_WIDGET_PREFIXES = (
    (SHARE, r"(?:sign up|subscribe|register) (?:(?:for|to) (?:our|the|a|free|daily|weekly)\b"
            r"[^.!?]{0,80}(?:newsletter|alerts|updates|briefing|digest)|here|now|today)"),
    (SHARE, r"follow (?:us|her|him|them|@\w+|[A-Z][\w ]{0,30}) on (?:twitter|x|facebook"
            r"|instagram|tiktok|youtube|threads|bluesky|linkedin|whatsapp|telegram|google news)"),
    (SHARE, r"get (?:the latest|our|breaking|the best)\b[^.!?]{0,100}\b(?:inbox|newsletter|app"
            r"|alerts|notifications)"),
    (SHARE, r"download (?:the|our)\b[^.!?]{0,40} app\b"),
    (SHARE, r"join (?:our|us on) [^.!?]{0,40}\b(?:channel|group|community)\b"),
    (SHARE, r"(?:do you have|have you got|got) a (?:story|news tip|tip|picture|video)\b"),
    (SHARE, r"(?:e-?mail|contact) (?:us (?:at )?)?[\w.+-]+@[\w-]+\.[\w.-]+"),
    (SHARE, r"(?:click|tap) here\b"),
    (SHARE, r"save (?:articles|this article|stories|this story)\b"),
    (SHARE, r"thanks for reading\b"),
    (SHARE, r"subscribe for free\b"),
    (CAPTION, r"(?:image|media|video|photo) caption\b"),
    (CREDIT, r"(?:image|media|photo) source\b"),
    (CREDIT, r"(?:photo(?:graph)?s?|pictures?|image|credit|photo credit|illustration|graphic"
             r"|file(?: photo)?|sources?|via) *: *[^\n]{1,100}"),
    (CONTRIBUTORS, r"\(?(?:additional )?(?:reporting|writing|editing|compiled|edited|produced"
                   r"|research|graphics|fact-checking|translated|additional reporting) by [A-Z]"),
    (CONTRIBUTORS, r"contributing(?: writers?| reporters?)?: "),
    (BYLINE, r"reading time:? \d+"),
    (FOOTER, r"(?:\u00a9|\(c\) |copyright (?:\u00a9|\(c\)|\d{4}))"),
    (FOOTER, r"our standards:"),
    (FOOTER, r"\(?this (?:story|article|report) (?:has not been|was not) edited by\b"),
    (FOOTER, r"(?:the )?(?:views|opinions) expressed (?:in this|here|are|by)\b"),
)  # fmt: skip
_WIDGET_PREFIX_RE = re.compile(
    "|".join(f"(?P<k{i}>{pattern})" for i, (_, pattern) in enumerate(_WIDGET_PREFIXES)), re.I
)
# Searched anywhere in a short line, when the line holds the word that triggers the pattern.
_ANYWHERE = (
    (FOOTER, ("reserved", "\u00a9", "responsible"),
     r"all rights reserved|\u00a9|solely responsible for (?:all )?(?:the )?content"),
    (CONTRIBUTORS, ("contributed",),
     r"contributed (?:reporting|to (?:this|the) (?:report|story|article))\b.{0,20}$"),
    (BYLINE, tuple(f"{m} {v}" for m in ("min", "minute") for v in ("read", "listen", "watch"))
             + tuple(f"{m}s {v}" for m in ("min", "minute") for v in ("read", "listen", "watch")),
     r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)[- ]?min(?:ute)?s?\.? "
     r"(?:read|listen|watch)\b"),
)  # fmt: skip
_ANYWHERE_RES = tuple((kind, words, re.compile(p, re.I)) for kind, words, p in _ANYWHERE)
_ANYWHERE_MAX_WORDS = 60
# "Published 3:05 PM EDT, Tue May 6, 2025", "Updated 2 hours ago": the keyword, then a date.
_PUBLISHED_RE = re.compile(
    r"(?:published|updated|posted|last (?:updated|modified)|first published|modified"
    r"|originally published)(?: on| at)?:? (?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr"
    r"|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b)",
    re.I,
)
_PUBLISHED_MAX_WORDS = 16
# Cookie notices run long; they are recognised by how they open, at any length up to the limit.
_COOKIE_NOTICE_RE = re.compile(
    r"(?:we(?: and our (?:\d+ )?partners)?|this (?:web)?site|our (?:web)?site|by (?:continuing"
    r"|using))\b[^\n]{0,300}?\b(?:use[sd]?|using|store[sd]?|sets?|place[sd]?) (?:of )?cookies\b",
    re.I,
)

# Bylines: "By Jane Roe and John Doe", "BY KERRY WALSH, Transport Reporter", "Jane Roe, Staff
# Writer".
_BY_RE = re.compile(r"(?:By|BY) (?P<names>\S.{0,200})")
_NAME_CONNECTORS = frozenset(
    ("and", "&", "de", "da", "del", "van", "von", "der", "den", "la", "le", "du", "al", "bin")
)
_ROLE_WORDS = frozenset(
    (
        *("reporter", "correspondent", "writer", "editor", "columnist", "contributor"),
        *("journalist", "producer", "photographer", "photojournalist", "staff", "critic"),
        *("presenter", "anchor", "bureau", "chief", "commentator", "contributing", "reporters"),
        *("writers", "editors", "correspondents", "agencies", "agency", "wires"),
    )
)
_BYLINE_MAX_WORDS = 15

# Timestamps: a short line made only of date and time words, digits and punctuation.
_DATE_WORDS = frozenset(
    (
        *("jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun"),
        *("june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october"),
        *("nov", "november", "dec", "december", "mon", "monday", "tue", "tues", "tuesday"),
        *("wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday", "sat"),
        *("saturday", "sun", "sunday", "am", "pm", "a", "p", "m", "et", "edt", "est", "ct"),
        *("cdt", "cst", "mt", "mdt", "mst", "pt", "pdt", "pst", "gmt", "utc", "bst", "cet"),
        *("cest", "eet", "eest", "ist", "jst", "aest", "aedt", "sast", "wat", "eat", "msk"),
        *("hkt", "sgt", "at", "on", "updated", "published", "posted", "ago", "min", "mins"),
        *("minute", "minutes", "hour", "hours", "hr", "hrs", "h", "day", "days", "week"),
        *("weeks", "yesterday", "today", "st", "nd", "rd", "th", "last", "first"),
    )
)
_DATE_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
_DATE_PUNCT = frozenset(",.:\u00b7|-\u2013\u2014/+()")
_DATE_MAX_CHARS = 80

# Photo credits that end a caption. Bracketed forms may carry any of these labels; an unlabelled
# "[Name/Agency]" is accepted too because that slash form is only ever a credit.
_CREDIT_LABEL = (
    r"(?:file(?: photo)?|photo(?:graph)?s?|photo credit|image|picture|credit|illustration"
    r"|video|graphic)"
)
_AGENCY = (
    r"(?:AP|AFP|Reuters|REUTERS|EPA|EPA-EFE|PA|Getty Images|Getty|Xinhua|Anadolu|Bloomberg|AAP"
    r"|ANSA|dpa|DPA|Shutterstock|Alamy|NurPhoto|Sipa|ZUMA)"
)
_CREDIT_PATTERNS = (
    # "[File: Henry Romero/Reuters]", "(Photo: Jane Doe/AP)"
    re.compile(rf" *\[ *(?P<credit>{_CREDIT_LABEL} *: *[^\[\]\n]{{1,150}}?) *\]$", re.I),
    re.compile(r" *\[ *(?P<credit>[^\[\]\n/]{2,80}/ *[A-Z][^\[\]\n]{0,80}?) *\]$"),
    re.compile(rf" *\( *(?P<credit>{_CREDIT_LABEL} *: *[^()\n]{{1,150}}?) *\)$", re.I),
    # "(AP Photo/Rafael Montes)", "(Photo by Sam Ortiz / Millbrook Ledger)"
    re.compile(rf" *\( *(?P<credit>(?:{_AGENCY} )?Photo(?:/| by )[^()\n]{{1,120}}?) *\)$"),
    re.compile(
        rf" *\( *(?P<credit>{_CREDIT_LABEL}s? (?:by|courtesy of) [^()\n]{{1,120}}?) *\)$", re.I
    ),
    # Unbracketed "Photo: Name/Agency" (Guardian style). Case-sensitive labels and a required
    # slash keep prose such as "...he opened the file: report/2024" from being taken for a credit.
    re.compile(
        r"(?:^|(?<= ))(?P<credit>(?:Photo(?:graph)?|Picture|Image|Photo credit) *: *"
        r"[^\n:]{1,80}?/[^\n/]{1,60})$"
    ),
    # "Credit: Alamy", "Photo: Getty Images" at the end of a caption (tabloid style).
    re.compile(
        rf"(?:^|(?<= ))(?P<credit>(?:Credit|Photo|Picture|Image) *: *(?:{_AGENCY}"
        r"|[A-Z][\w.&'\u2019-]*(?: [A-Z][\w.&'\u2019-]*){0,3}))$"
    ),
    # "REUTERS/Kai Brenner/File Photo Purchase Licensing Rights, opens new tab"
    re.compile(
        r"(?:^|(?<=[ .]))(?P<credit>REUTERS/[A-Z][^\n/]{0,60}?(?:/[^\n/]{1,40}){0,3}?)"
        r"(?: Purchase Licensing Rights(?:, opens new tab)?)?$"
    ),
)  # fmt: skip
_CREDIT_TAIL = 400  # credits are short; only the end of a paragraph is searched for one
# A credit line on its own: "Maya Lindgren/NPR", "Tony Karumba/AFP/Getty Images".
_CREDIT_WORD = r"(?:[A-Z][\w.'\u2019-]*|via|and|for|of|&)"
_SLASH_CREDIT_RE = re.compile(
    rf"[A-Z][\w.'\u2019-]*(?: {_CREDIT_WORD}){{0,4}}"
    rf"(?: ?/ ?[A-Z][\w.'\u2019-]*(?: {_CREDIT_WORD}){{0,4}}){{1,3}}"
)
_SLASH_CREDIT_MAX = 80
# A credit anywhere in a sentence (for the extractor: such a sentence is a caption).
_CREDIT_INSIDE_RE = re.compile(
    rf"[\[(] *(?:(?:{_AGENCY}) )?{_CREDIT_LABEL} *(?::|/| by )[^\[\]()\n]{{1,150}}[\])]"
    rf"|[\[(][^\[\]()\n]{{0,60}}/ *{_AGENCY} *[\])]",
    re.I,
)

# Not a claim: the stock sentences about who did not comment.
_NO_COMMENT_RE = re.compile(
    r"\b(?:did not|didn't|has not|hasn't|have not|haven't|had not|could not|couldn't|would not"
    r"|wouldn't|does not|doesn't|do not|don't)(?: immediately)? (?:respond|reply|return|answer)"
    r"(?:ed)? (?:to )?(?:a |an |our |multiple |repeated |several |the )?(?:requests?|calls?"
    r"|emails?|messages?|inquir(?:y|ies)|queries|questions)"
    r"|\b(?:could not|couldn't|was not|wasn't|were not|weren't|is not|isn't|are not|aren't)"
    r"(?: immediately)?(?: be)? (?:reached|available) for comment"
    r"|\b(?:declined|refused|did not wish|would not|wouldn't) (?:to )?(?:comment|be interviewed)"
    r"|\b(?:has|have|had) been (?:approached|contacted) for comment"
    r"|\bdid not (?:immediately )?comment\b"
    r"|\bno (?:one|spokesperson|spokesman|spokeswoman) (?:was|could be) (?:immediately )?"
    r"(?:available|reached) for comment",
    re.I,
)
_NO_COMMENT_MAX_WORDS = 30
_NO_COMMENT_TRIGGERS = ("comment", "respond", "repl", "return", "answer", "interview")

# Author bios that close a page: "Vega covers public health for The Associated Press."
_BIO_RE = re.compile(
    r"(?:[A-Z][\w'\u2019.-]+ ){0,3}[A-Z][\w'\u2019.-]+ (?:"
    r"(?:is|was) (?:a|an|the|[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3}['\u2019]s)\b[^.]{0,160}?\b"
    r"(?:reporter|correspondent|writer|editor|columnist|contributor|journalist|producer"
    r"|photographer|fellow|professor|lecturer|researcher|author|analyst|teacher|economist"
    r"|director|presenter|host|critic)s?\b"
    r"|covers|reports on|reports for|writes about|writes on|writes for)"
)
_BIO_MAX_WORDS = 80

# Glued to prose.
_NEW_TAB_RE = re.compile(r",? *\(?opens (?:in )?(?:a )?new (?:tab|window)\)?", re.I)
_BANNER_PREFIX_RE = re.compile(
    r"(?:BREAKING(?: NEWS)?|UPDATE[D]?|EXCLUSIVE|JUST IN|DEVELOPING) *[:|\u2013\u2014-] *(?=\S)"
)
_SENTENCE_END_RE = re.compile(r"[.!?\u2026][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z])")
_GLUED_TAIL = 300

# Shapes of text.
_TERMINAL = frozenset(".!?:\u2026")  # \u2026 is the ellipsis character
_CLOSERS = "\"'\u201d\u2019\u00bb)]*_ "  # straight and curly closing quotes, brackets, emphasis
# Subheadings are short and unpunctuated; a headline may run longer.
_HEADING_MAX_WORDS = 8
_HEADING_MAX_CHARS = 60
_HEADLINE_MAX_WORDS = 20
_HEADLINE_MAX_CHARS = 150
_NAVIGATION_BAR_MAX_CHARS = 300
_MENU_ITEM_MAX_WORDS = 3
_MENU_ITEM_MAX_CHARS = 32
_CAPS_LABEL_RE = re.compile(r"[A-Z][A-Z&'\u2019-]*(?: [A-Z&][A-Z&'\u2019-]*){0,3}")

# Extractor-only debris (the parser has already taken these out of an article's body).
_RULE_RE = re.compile(r"[-*_=#~ ]{3,}")
_URL_RE = re.compile(r"<?\b(?:https?://|www\.)\S+>?", re.I)
_SOURCE_LINE_RE = re.compile(r"\W*\[?\s*(?:sources?|via)\s*:", re.I)
_MARKDOWN_RE = re.compile(r"[*_#>`]+")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*|\d[\d,.]*")
_LABEL_SMALL_WORDS = frozenset(("of", "the", "and", "de", "for"))
_LABEL_MAX_WORDS = 6


# --------------------------------------------------------------------------------------------
# Shapes
# --------------------------------------------------------------------------------------------


def ends_sentence(text: str) -> bool:
    """Whether the last visible character is terminal punctuation (closing quotes ignored)."""
    stripped = text.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def looks_like_heading(text: str, *, headline: bool = False) -> bool:
    """A short line that is not a sentence: a subheading, or (``headline``) a headline."""
    max_chars = _HEADLINE_MAX_CHARS if headline else _HEADING_MAX_CHARS
    max_words = _HEADLINE_MAX_WORDS if headline else _HEADING_MAX_WORDS
    return not ends_sentence(text) and len(text) <= max_chars and len(text.split()) <= max_words


def is_menu_item(text: str) -> bool:
    """One item of a menu pasted as a run of lines: "World", "U.S.", "Podcasts & Shows"."""
    if len(text) > _MENU_ITEM_MAX_CHARS or not text.strip():
        return False
    words = text.split()
    if len(words) > _MENU_ITEM_MAX_WORDS:
        return False
    last = words[-1]
    # "U.S." ends with a full stop but is an abbreviation, not a sentence.
    return not ends_sentence(text) or (last.endswith(".") and "." in last[:-1])


# --------------------------------------------------------------------------------------------
# Lines
# --------------------------------------------------------------------------------------------


def line_kind(line: str) -> str | None:
    """The kind of furniture ``line`` is on its own (markdown already removed), or ``None``.

    Looks only at the line itself; what depends on position (menus as runs of short lines,
    subheadings between paragraphs, the headline repeated at the top, author bios at the foot)
    is for the caller to judge with :func:`is_menu_item`, :func:`looks_like_heading` and
    :func:`is_author_bio`.
    """
    text = line.strip()
    if not text or len(text) > MAX_FURNITURE_CHARS:
        return None
    if len(text) <= _WHOLE_LINE_MAX_CHARS:
        whole = _WHOLE_LINE_RE.fullmatch(text)
        if whole:
            return _WHOLE_LINE_KINDS[int(whole.lastgroup[1:])]
    credit = find_credit(text)
    if credit is not None:
        return CAPTION if credit[0] else CREDIT
    if _RELATED_RE.fullmatch(text) or _POINTER_RE.fullmatch(text):
        return RELATED
    words = text.split()
    if len(words) <= _PUBLISHED_MAX_WORDS and _PUBLISHED_RE.match(text):
        return BYLINE
    if _COOKIE_NOTICE_RE.match(text):
        return COOKIE
    if len(words) <= _MAX_WIDGET_WORDS:
        widget = _WIDGET_PREFIX_RE.match(text)
        if widget:
            return _WIDGET_PREFIXES[int(widget.lastgroup[1:])][0]
    if len(words) <= _ANYWHERE_MAX_WORDS:
        lowered = text.casefold()
        for kind, triggers, pattern in _ANYWHERE_RES:
            if any(t in lowered for t in triggers) and pattern.search(text):
                return kind
    if _is_caps_label(text):
        return BANNER
    if _is_timestamp(text):
        return DATE
    if _is_byline(text, words):
        return BYLINE
    if len(text) <= _SLASH_CREDIT_MAX and _SLASH_CREDIT_RE.fullmatch(text):
        return CREDIT
    if _is_navigation_bar(text):
        return NAVIGATION
    return None


def _is_caps_label(text: str) -> bool:
    """A section label in capitals: "NATIONAL NEWS", "LOCAL NEWS", "OPINION"."""
    return bool(_CAPS_LABEL_RE.fullmatch(text)) and sum(c.isalpha() for c in text) >= 2


def _is_timestamp(text: str) -> bool:
    """A line of nothing but a date, a time or an age: "Tue 6 May 2025 07.00 BST", "2h ago"."""
    if len(text) > _DATE_MAX_CHARS:
        return False
    digits = False
    for token in _DATE_TOKEN_RE.findall(text):
        if token.isdigit():
            digits = True
        elif token.isalpha():
            if token.casefold() not in _DATE_WORDS:
                return False
        elif token not in _DATE_PUNCT:
            return False
    return digits or text.casefold().endswith(("ago", "yesterday"))


def _is_byline(text: str, words: list[str]) -> bool:
    """ "By Jane Roe and John Doe", "By KERRY WALSH, Transport Reporter", "Jane Roe, Staff Writer",
    "Housing correspondent": names, connectors and newsroom roles, and nothing that ends a
    sentence ("By Tuesday, the council had…" has lower-case words and is prose)."""
    if len(words) > _BYLINE_MAX_WORDS or (ends_sentence(text) and not text.endswith(".")):
        return False
    by = _BY_RE.fullmatch(text)
    names = by.group("names").split() if by else words
    roles = 0
    for raw in names:
        word = raw.strip(",;|\u00b7\u2022()")
        if not word:
            continue
        lowered = word.casefold()
        if lowered in _ROLE_WORDS:
            roles += 1
        elif not (word[0].isupper() or lowered in _NAME_CONNECTORS):
            return False
    if text.endswith(".") and not names[-1][:-1].replace(".", "").isupper():
        return False  # a sentence, unless the full stop closes an initial ("Jane Q.")
    if by:
        return True
    # Without "By", a role must be there, and last or after a separator, so that a title-case
    # headline such as "Editor Quits After Scandal" is not taken for a byline.
    last = words[-1].strip(",;|").casefold()
    return roles > 0 and len(words) <= 6 and (last in _ROLE_WORDS or any(s in text for s in ",|"))


def _is_navigation_bar(text: str) -> bool:
    """ "Home | World | Politics", "Terms of Use | Privacy Policy": short items between bars."""
    if len(text) > _NAVIGATION_BAR_MAX_CHARS:
        return False
    for separator in ("|", "\u2022", "\u00b7", "\u203a", "\u00bb", " > "):
        if text.count(separator) >= 2:
            items = [item.strip() for item in text.split(separator)]
            return all(
                item and len(item.split()) <= 4 and not ends_sentence(item) for item in items
            )
    return False


def is_author_bio(text: str) -> bool:
    """An author's bio, as pages print at the foot of an article: "Vega covers public health for
    The Associated Press.", "Ruth Adeyemi is a former teacher and a senior fellow at …".

    Only meaningful at the end of a page (a sentence such as "Ortega is a former reporter" in the
    middle of an article is prose): the caller decides where to ask.
    """
    stripped = text.strip().strip("*_")
    return len(stripped.split()) <= _BIO_MAX_WORDS and bool(_BIO_RE.match(stripped))


# --------------------------------------------------------------------------------------------
# Captions and credits
# --------------------------------------------------------------------------------------------


def find_credit(text: str) -> tuple[str, str] | None:
    """Split ``text`` into (caption, credit) if it ends with a photo credit."""
    offset = max(0, len(text) - _CREDIT_TAIL)
    tail = text[offset:]
    # Cheap guard first: this runs for every line of the paste, and almost no line is a credit.
    if tail[-1:] not in ")]" and ("/" not in tail[-80:] and ":" not in tail[-80:]):
        return None
    for pattern in _CREDIT_PATTERNS:
        match = pattern.search(tail)
        if match:
            credit = " ".join(match.group("credit").split())
            return text[: offset + match.start()].rstrip(), credit
    return None


# --------------------------------------------------------------------------------------------
# Prose
# --------------------------------------------------------------------------------------------


def strip_glued(paragraph: str) -> str:
    """``paragraph`` without the furniture glued to its prose.

    Removes "opens new tab" link debris anywhere, a banner prefix ("BREAKING: …") and whole
    sentences of furniture at the end ("… Have your say in the comments below."). The rest of the
    paragraph is returned unchanged.
    """
    if "new tab" in paragraph or "new window" in paragraph:
        paragraph = _NEW_TAB_RE.sub("", paragraph)
    banner = _BANNER_PREFIX_RE.match(paragraph)
    if banner:
        paragraph = paragraph[banner.end() :]
    for _ in range(3):  # a paragraph ends with at most a few furniture sentences
        offset = max(0, len(paragraph) - _GLUED_TAIL)
        ends = [m.end() for m in _SENTENCE_END_RE.finditer(paragraph, offset)]
        if not ends:
            break
        cut = ends[-1]
        if line_kind(paragraph[cut:]) is None:
            break
        paragraph = paragraph[:cut].rstrip()
    return paragraph


def no_comment(sentence: str) -> bool:
    """ "X did not immediately respond to a request for comment", "Y declined to comment": a
    sentence about who did not speak, not a claim."""
    if len(sentence) > MAX_FURNITURE_CHARS or len(sentence.split()) > _NO_COMMENT_MAX_WORDS:
        return False
    lowered = sentence.casefold()
    return any(t in lowered for t in _NO_COMMENT_TRIGGERS) and bool(_NO_COMMENT_RE.search(sentence))


def sentence_kind(text: str, *, line: str = "", outlet: str | None = None) -> str | None:
    """Why the extractor must not make a claim of the sentence ``text``, or ``None``.

    ``line`` is the whole line the sentence stands on, when the sentence is only part of it: a
    line that is furniture ("… All rights reserved. Registered in England.", a caption ending in
    its credit) is furniture in every sentence.

    Everything :func:`line_kind` recognises, a photo credit anywhere in the sentence, markdown
    debris (rules, headings, links, images, bare URLs, source lines) the parser would have
    removed, the outlet's name or another short title-case label on its own, and "no comment"
    boilerplate. Furniture that only its place on the page gives away (a run of menu items, a
    caption above its credit, a subheading, the headline repeated, an author bio at the foot) is
    the parser's to remove: the extractor sees the article's body.
    """
    stripped = text.strip()
    if not stripped or _RULE_RE.fullmatch(stripped) or stripped.startswith("#"):
        return LABEL
    if line and line.strip() != stripped:
        kind = line_kind(clean_inline(line))
        if kind is not None:
            return kind
    if _NEW_TAB_RE.fullmatch(stripped):
        return NAVIGATION
    if _SOURCE_LINE_RE.match(stripped):
        return SOURCE
    if len(stripped) <= MAX_FURNITURE_CHARS and _CREDIT_INSIDE_RE.search(stripped):
        return CAPTION
    structural = structural_kind(stripped)
    if structural is not None:
        return SOURCE if structural[0] == "source" else NAVIGATION
    unmarked = clean_inline(stripped)
    if "://" in unmarked or "www." in unmarked:
        unmarked = _URL_RE.sub("", unmarked)
    unmarked = _MARKDOWN_RE.sub("", unmarked).strip()
    plain = unmarked.strip(" \t[]()<>|:-\u2014\u2013.")
    if not any(c.isalpha() for c in plain):
        return LABEL  # only a URL, or punctuation
    kind = line_kind(unmarked)
    if kind is not None:
        return kind
    if outlet and plain.casefold() == outlet.strip().casefold():
        return LABEL
    words = _WORD_RE.findall(plain)
    if (
        len(words) <= _LABEL_MAX_WORDS
        and not re.search(r"[.!?]\W*$", plain)
        and all(w[:1].isupper() or w.lower() in _LABEL_SMALL_WORDS for w in words)
    ):
        return LABEL  # a name, a byline, a section: a short title-case line, not a sentence
    if no_comment(stripped):
        return NO_COMMENT
    return None
