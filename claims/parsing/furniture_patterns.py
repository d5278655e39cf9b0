"""The page-furniture recogniser's data: its kinds, and the labels, patterns and lexicons that
:mod:`claims.parsing.furniture` matches lines and sentences against (the photo-credit patterns
are in :mod:`claims.parsing.furniture_credits`, with the functions that use them).

Every expression here is anchored, bounded or only ever run on a short line
(``MAX_FURNITURE_CHARS``), so that no input can make it backtrack badly.
"""

from __future__ import annotations

import re

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
MAX_WIDGET_WORDS = 40  # prefix patterns ("Sign up for our newsletter …") only on short lines

# --------------------------------------------------------------------------------------------
# Data tables
# --------------------------------------------------------------------------------------------

# The label over a fact-check page's summary box, whose next line is the claim reviewed (not the
# article's prose): "Claim", "What was claimed".
CLAIM_BOX_LABEL = (
    r"(?:the )?claim(?: reviewed| checked)?|what (?:was|is being|we) (?:claimed|checked)"
)
# The heading over a legal notice that closes a press release or a filing: every paragraph under
# it is the notice.
NOTICE_LABEL = (
    r"(?:cautionary (?:note|statement)s?(?: (?:regarding|concerning|about|on))? )?forward-looking"
    r" (?:statements?|information)|safe harbou?r(?: statement)?|(?:legal )?disclaimer|legal notice"
)
RATING_LABEL = r"(?:our |the )?(?:rating|verdict)"
RATING_LABEL_RE = re.compile(f"(?:{RATING_LABEL})[.:]?", re.I)
# The label over the author's box at the foot of a page: "About the author", "Written by Jane Roe".
AUTHOR_LABEL = (
    r"about the authors?(?:$|:)"
    r"|written by (?-i:[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3})$"
)
AUTHOR_LABEL_RE = re.compile(AUTHOR_LABEL, re.I)
# The label over a press release's boilerplate about its issuer: "About Northgate Health
# Systems", "About the Office of the Governor".
ABOUT_LABEL_RE = re.compile(
    r"About (?:the )?[A-Z][\w&.'\u2019-]*(?: (?:[A-Z&][\w&.'\u2019-]*|of|for|and|the|de)){0,8}:?"
)
# The mark a press release ends with ("###", "# # #", "-30-", "ENDS"): what follows is not the
# release.
END_MARK_RE = re.compile(r"#\s*#\s*#|-\s*30\s*-|-?\s*(?:ENDS|Ends)\s*-?")
CLAIM_BOX_LABEL_RE = re.compile(f"(?:{CLAIM_BOX_LABEL})[.:]?", re.I)
NOTICE_LABEL_RE = re.compile(f"(?:{NOTICE_LABEL})[.:]?", re.I)

# Whole-line widgets, matched in full (case-insensitive), optionally followed by ".", ":" or "!".
WHOLE_LINE = {
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
        r"(?:members?|subscribers?|premium)[- ]only(?: story| content| article)?",
        r"heard on [\w'\u2019 .&-]{1,40}",
        r"this (?:article|story) is more than \d+ (?:years?|months?|days?) old",
        RATING_LABEL,
        CLAIM_BOX_LABEL,
    ),
    SHARE: (
        r"(?:please |kindly )?share(?: (?:this|the))?(?: (?:article|story|page|post|link|video))?"
        r"(?: (?:on|via) \w+)?",
        r"sign ?up(?: now| today| for free)?",
        r"(?:(?:enter|type) )?(?:your )?e-?mail(?: address)?(?:\.\.\.|\u2026)?",
        r"facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|flipboard|telegram|threads",
        r"(?:facebook|twitter|x|e-?mail|whatsapp|linkedin|reddit|pinterest|print) share",
        r"bluesky|tumblr|messenger|e-?mail|mail|print|copy(?: (?:article )?link)?|link copied",
        r"copied|save(?: (?:article|story))?|saved|bookmark|gift(?: this)? article",
        r"share full article|embed|download|playlist|transcript|read & listen",
        r"listen to (?:this|the) (?:article|story)(?: \d+ min)?",
        r"view \d+ (?:images|photos|pictures)|view (?:gallery|slideshow)|\d+ (?:images|photos)",
        r"(?:image |photo |slide )?\d{1,2} (?:of|/) \d{1,2}|loading ?(?:\.\.\.|\u2026)?",
        r"open (?:image )?gallery|enlarge (?:this )?image|expand(?: image)?",
        r"follow|open in (?:the )?app",
        r"\d[\d.,]*[km]? (?:followers|subscribers|likes|claps|shares|restacks)",
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
        NOTICE_LABEL,
        r"(?:media|press|investor|news|editorial) (?:contacts?|enquiries|inquiries|relations)",
        r"[\w.+-]{1,40}@[\w-]{1,40}\.[\w.-]{1,40}",
    ),
    CAPTION: (r"(?:hide|show|toggle) caption", r"caption"),
    # The label over a list of the sources a story cites (fact-check and explainer pages).
    RELATED: (
        r"(?:our |article |story )?(?:sources|references)"
        r"(?: (?:and|&) (?:references|methods|methodology))?",
    ),
    CREDIT: (
        r"getty images|shutterstock|alamy(?: stock photo)?|(?:afp|ap) via getty images",
        r"reuters|ap|afp|epa(?:-efe)?|pa(?: wire| media)?|anadolu(?: agency)?|xinhua|aap|ansa",
        r"dpa|sipa(?: usa)?|nurphoto|sopa images|zuma (?:press|wire)|(?:the )?associated press",
        r"file(?: photo| picture| image)?|stock (?:image|photo)|\((?:stock image|file photo)\)",
    ),
}  # fmt: skip
WHOLE_LINE_MAX_CHARS = 120  # the longest of these widgets is far shorter
# One expression for the whole table: a named group per kind says which kind matched.
WHOLE_LINE_KINDS = tuple(WHOLE_LINE)
WHOLE_LINE_RE = re.compile(
    "|".join(f"(?P<k{i}>(?:{'|'.join(ps)})[.:!]?)" for i, ps in enumerate(WHOLE_LINE.values())),
    re.I,
)

# Labels that introduce links to other stories: alone ("Related topics", "More from Analysis"),
# or followed by a separator and the linked headline ("Also read: …", "READ MORE: …").
RELATED_LABELS = (
    r"also read|read also|read more|more from|more on this (?:story|topic)|more stories(?: from)?",
    r"more in|more about|more news|recommended(?: for you| stories| reading| articles)?",
    r"related(?: articles?| stor(?:y|ies)| content| topics| coverage| links| reading| video)?",
    r"see also|you (?:may|might) also (?:like|be interested in)",
    r"most (?:read|viewed|popular|shared|watched)", r"top stories", r"trending(?: now| stories)?",
    r"what to read next|read next|up next|further reading|explore more on these topics",
    r"suggested topics|latest (?:news|stories|headlines)|editor'?s picks|key events",
    r"watch|listen|read|in depth",
)  # fmt: skip
RELATED_RE = re.compile(
    rf"(?:{'|'.join(RELATED_LABELS)})"
    r"(?: *[:|\u00bb\u203a\u2022\u2013\u2014] *\S.*| *:|(?: [\w'\u2019&-]+){0,3})",
    re.I,
)
POINTER_RE = re.compile(  # "Check our guide below.", "See our live coverage here."
    r"(?:see|check|read|follow) our (?:full |latest |live )?(?:guide|explainer|coverage|live blog"
    r"|story|report|q&a|analysis)\b[^.!?]{0,60}[.!]?",
    re.I,
)

# Widgets that open with a fixed phrase and run on ("Sign up for our newsletter to get …").
WIDGET_PREFIXES = (
    (SHARE, r"(?:sign up|subscribe|register) (?:(?:for|to) [^.!?]{0,80}?\b(?:newsletters?|alerts"
            r"|updates|briefing|digest)\b|(?:for (?:it|them|this|free) )?(?:here|now|today)\b)"),
    (SHARE, r"by (?:signing up|subscribing|registering|clicking|submitting|entering your e-?mail)"
            r"\b[^.!?]{0,80}\b(?:agree|accept|consent|acknowledge)"),
    (SHARE, r"you (?:can|may) (?:unsubscribe|opt out|cancel)\b"),
    (SHARE, r"this (?:article|story|piece|essay) (?:was|is|has been) (?:featured|included"
            r"|recommended)\b[^.!?]{0,80}\bnewsletter"),
    (SHARE, r"join (?:the |our )?[^.!?]{0,50}?\b(?:whatsapp|telegram|signal|discord|viber)\b"
            r"[^.!?]{0,20}?\b(?:channel|group|community)\b"),
    (SHARE, r"follow (?:us|[\w&'.-]+(?: [\w&'.-]+){0,3}) *:(?: *(?:facebook|x|twitter|instagram"
            r"|tiktok|youtube|threads|bluesky|linkedin)\b[^\n]*)?$"),
    (SHARE, r"(?:did you find|was|is|were) (?:this|these) (?:article|story|page|fact[- ]check"
            r"|information|answers?)s? (?:useful|helpful)\b"),
    (SHARE, r"thank you for (?:supporting|reading)\b"),
    (SHARE, r"want (?:more (?:updates|news|stories|from)|the latest (?:news|updates))\b"
            r"[^.!?]{0,40}\?"),
    (NAVIGATION, r"(?:sign|log) ?in (?:to|for) (?:access|see|view|save|read|continue|manage|get"
                 r"|follow|join|your)\b"),
    (ADVERT, r"(?:try|upgrade to|unlock|go) [\w'&. ]{0,40}?\b(?:plus|premium|pro|ad-free)$"),
    (ADVERT, r"get (?:unlimited|full digital|premium)(?: digital)? access\b"),
    (ADVERT, r"want (?:your|to)\b[^.!?]{0,60}\b(?:featured|advertise|promoted|published)\b"),
    (COMMENTS, r"comments (?:are|will be) (?:subject to|moderated|pre-moderated|reviewed)\b"),
    (SHARE, r"follow (?:us|her|him|them|@\w+|[A-Z][\w ]{0,30}) on (?:twitter|x|facebook"
            r"|instagram|tiktok|youtube|threads|bluesky|linkedin|whatsapp|telegram|google news)"),
    (SHARE, r"get (?:the latest|our|breaking|the best)\b[^.!?]{0,100}\b(?:inbox|newsletter|app"
            r"|alerts|notifications)"),
    (SHARE, r"download (?:the|our)\b[^.!?]{0,40} app\b"),
    (SHARE, r"join (?:our|us on) [^.!?]{0,40}\b(?:channel|group|community)\b"),
    (SHARE, r"(?:do you have|have you got|got|have) an? (?:story|news tip|tip|picture|video)\b"
            r"[^.!?]{0,20}\?"),
    (SHARE, r"(?:e-?mail|contact|reach) (?:(?:us|him|her|them|the (?:author|reporter|writer)) )?"
            r"(?:at |on |via )?[\w.+-]+@[\w-]+\.[\w.-]+"),
    # A newsletter box: "Our morning email breaks down …", "Privacy Notice: Newsletters may …".
    (SHARE, r"our (?:\w+ ){0,2}(?:e-?mail|newsletter|briefing|digest) (?:breaks|brings|rounds"
            r"|gives|sends|delivers|takes)\b"),
    (SHARE, r"(?:privacy notice: *)?newsletters? may contain\b"),
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
    (CONTRIBUTORS, r"with (?:files|reporting|additional reporting) from (?-i:[A-Z])"),
    (BYLINE, r"reading time:? \d+|estimated (?:reading time:? )?\d+ min(?:ute)?s?\b"),
    (BYLINE, AUTHOR_LABEL),
    # Audio players: "The audio version of this article is generated by text-to-speech".
    (SHARE, r"(?:the |an )?(?:audio|narrated|spoken) version of this (?:article|story)\b"
            r"|this (?:article|story) (?:is|was|has been) (?:read|narrated|voiced) by\b"),
    (FOOTER, r"(?:\u00a9|\(c\) |copyright (?:\u00a9|\(c\)|\d{4}))"),
    (FOOTER, r"our standards:"),
    # Notes on where the story appeared: "This article appears in the June print edition",
    # "A version of this story appeared in print", "This story originally appeared on …".
    (FOOTER, r"(?:a version of )?this (?:article|story|essay|piece|report) (?:appears|appeared"
             r"|was published|ran)\b[^\n]{0,60}?\b(?:print|issue|edition|magazine)\b"),
    (FOOTER, r"this (?:article|story|essay|piece|report) (?:was )?originally (?:appeared|published"
             r"|ran)\b"),
    # Amendment notes: "This article was amended on 21 November to correct …", "An earlier
    # version of this story misstated …", "Correction: …".
    (FOOTER, r"this (?:article|story|piece|report|post) (?:was|has been) (?:amended|corrected"
             r"|updated)\b[^.!?]{0,60}?\bto (?:correct|clarify|reflect|include|remove|add|amend)\b"
             r"|an earlier version of this (?:article|story|piece|report|post)\b|correction: "),
    # Transcript notices: "THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM…"
    (FOOTER, r"this is a rush transcript\b|this transcript (?:was|has been|is|may be) (?:created"
             r"|produced|generated|edited|updated)\b"),
    # A fact-checker's accreditation: "X is a signatory of the … Code of Principles."
    (FOOTER, r"[\w'&.\u2019 -]{1,60} is a (?:verified )?signatory (?:of|to) the\b"),
    (FOOTER, r"this (?:press |news )?release (?:contains|includes|may contain)\b[^.!?]{0,40}"
             r"\bforward-looking statements\b"),
    (FOOTER, r"\(?this (?:story|article|report) (?:has not been|was not) edited by\b"),
    (FOOTER, r"(?:the )?(?:views|opinions) expressed (?:in this|here|are|by)\b"),
)  # fmt: skip
WIDGET_PREFIX_RE = re.compile(
    "|".join(f"(?P<k{i}>{pattern})" for i, (_, pattern) in enumerate(WIDGET_PREFIXES)), re.I
)
# Searched anywhere in a short line, when the line holds the word that triggers the pattern.
ANYWHERE = (
    (FOOTER, ("reserved", "\u00a9", "responsible"),
     r"all rights reserved|\u00a9|solely responsible for (?:all )?(?:the )?content"),
    (CONTRIBUTORS, ("contributed",),
     r"contributed (?:reporting|to (?:this|the) (?:report|story|article))\b.{0,20}$"),
    # Affiliate disclosures: "When you buy a book using a link on this page, we receive a
    # commission", "We may earn a commission from links on this page".
    (ADVERT, ("commission",),
     r"\b(?:links?|buy|purchases?)\b[^\n]{0,100}\bwe (?:may )?(?:earn|receive|get|make) (?:a |an )?"
     r"(?:small )?(?:affiliate )?commission\b|\bwe (?:may )?(?:earn|receive|get|make) (?:a |an )?"
     r"(?:small )?(?:affiliate )?commission\b[^\n]{0,80}\b(?:links?|purchases?)\b"),
    (BYLINE, (" read", " listen", " watch"),
     r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)[- ]?min(?:ute)?s?\.? "
     r"(?:read|listen|watch)\b"),
)  # fmt: skip
# Each pattern runs only on a line holding one of its (lower-case) trigger words.
ANYWHERE_RES = tuple((kind, words, re.compile(p, re.I)) for kind, words, p in ANYWHERE)
ANYWHERE_MAX_WORDS = 60
# "Published 3:05 PM EDT, Tue May 6, 2025", "Updated 2 hours ago": the keyword, then a date.
PUBLISHED_RE = re.compile(
    r"(?:published|updated|posted|last (?:updated|modified)|first published|modified"
    r"|originally published)(?: on| at)?:? (?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr"
    r"|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b)",
    re.I,
)
PUBLISHED_MAX_WORDS = 16
# Cookie notices run long; they are recognised by how they open, at any length up to the limit.
COOKIE_NOTICE_RE = re.compile(
    r"(?:we(?: and our (?:\d+ )?partners)?|this (?:web)?site|our (?:web)?site|by (?:continuing"
    r"|using))\b[^\n]{0,300}?\b(?:use[sd]?|using|store[sd]?|sets?|place[sd]?) (?:of )?cookies\b",
    re.I,
)

# Bylines: "By Jane Roe and John Doe", "BY KERRY WALSH, Transport Reporter", "Jane Roe, Staff
# Writer".
BY_RE = re.compile(r"(?:By|BY|by) (?P<names>\S.{0,200})")
NAME_CONNECTORS = frozenset(
    ("and", "&", "de", "da", "del", "van", "von", "der", "den", "la", "le", "du", "al", "bin")
)
ROLE_WORDS = frozenset(
    (
        *("reporter", "correspondent", "writer", "editor", "columnist", "contributor"),
        *("journalist", "producer", "photographer", "photojournalist", "staff", "critic"),
        *("presenter", "anchor", "bureau", "chief", "commentator", "contributing", "reporters"),
        *("writers", "editors", "correspondents", "agencies", "agency", "wires"),
    )
)
BYLINE_MAX_WORDS = 15

# Timestamps: a short line made only of date and time words, digits and punctuation.
DATE_WORDS = frozenset(
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
DATE_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
DATE_PUNCT = frozenset(",.:\u00b7|-\u2013\u2014/+()")
DATE_MAX_CHARS = 80

# Not a claim: the stock sentences about who did not comment.
NO_COMMENT_RE = re.compile(
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
NO_COMMENT_MAX_WORDS = 30
NO_COMMENT_TRIGGERS = ("comment", "respond", "repl", "return", "answer", "interview")

# Author bios that close a page: "Vega covers public health for The Associated Press."
BIO_RE = re.compile(
    r"(?:[A-Z][\w'\u2019.-]+ ){0,3}[A-Z][\w'\u2019.-]+ (?:"
    r"(?:is|was) (?:a|an|the|[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3}['\u2019]s)\b[^.]{0,160}?\b"
    r"(?:reporter|correspondent|writer|editor|columnist|contributor|journalist|producer"
    r"|photographer|fellow|professor|lecturer|researcher|author|analyst|teacher|economist"
    r"|director|presenter|host|critic)s?\b"
    r"|covers|reports on|reports for|writes about|writes on|writes for)"
)
BIO_MAX_WORDS = 80

# Glued to prose.
NEW_TAB_RE = re.compile(r",? *\(?opens (?:in )?(?:a )?new (?:tab|window)\)?", re.I)
BANNER_PREFIX_RE = re.compile(
    r"(?:BREAKING(?: NEWS)?|UPDATE[D]?|EXCLUSIVE|JUST IN|DEVELOPING) *[:|\u2013\u2014-] *(?=\S)"
)
SENTENCE_END_RE = re.compile(r"[.!?\u2026][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z])")
GLUED_TAIL = 300
