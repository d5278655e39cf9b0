"""The public fact-check pages (`/factchecks/`): read-only, no sign-in, published claims only.

An interface like the API and the admin: it reads through `claims.selectors` and builds the
ClaimReview with `claims.claimreview`. Each published claim has a page at
`/factchecks/<id>-<slug>/` (the address ClaimReview's `url` names unless the desk recorded its own),
the index lists them newest first, and `feed/` (RSS) and `feed/atom/` (Atom) follow it.
"""
