"""The refusals of the domain: what services (and the workflow) raise, and every interface shows as
it is — the API as a problem document (`claims.api.errors` maps each class to its status), the
admin as a message, the CLI as an error line.

Each message is written once, here or where the rule lives, so that the API and the admin say the
same thing.
"""

from __future__ import annotations


class ServiceError(Exception):
    """A refusal the caller should show to the user as it is (HTTP 400).

    `field` names the input the refusal is about, when there is one (the API lists it as a field
    error). `reasons` lists every unmet precondition of a refused workflow move.
    """

    def __init__(self, message: str, *, field: str = "", reasons: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.reasons = reasons or []


class InvalidTransition(ServiceError):
    """The move is not in the workflow, one of its preconditions is unmet, or the claim's status
    locks what the caller wants to change (HTTP 409)."""


class TransitionForbidden(ServiceError):
    """The actor's role does not allow this (HTTP 403)."""


class StaleVersion(ServiceError):
    """The caller edited an older version of the claim than the current one (HTTP 412).

    The one message for a stale edit, in the API (If-Match) and in the admin (the version the
    editor's page was loaded with) alike.
    """

    def __init__(self, *, expected: frozenset[int], current: int, changed_by: str = ""):
        had = (
            "you had version " + " or ".join(str(v) for v in sorted(expected))
            if expected
            else "you named no version of it"
        )
        by = f" by {changed_by}" if changed_by else ""
        super().__init__(
            f"this claim was changed{by} since the version you edited ({had}; it is now "
            f"version {current}): nothing was saved — reload the claim, then redo your change"
        )
        self.current = current


class ConcurrentUpdate(ServiceError):
    """Someone else changed the claim between our read and our write (HTTP 409)."""

    def __init__(self) -> None:
        super().__init__(
            "someone else changed this claim at the same moment: nothing was saved — reload the "
            "claim and try again"
        )


class IngestError(ServiceError):
    """The input cannot become an article; nothing was written (HTTP 400)."""


class IdempotencyKeyReused(ServiceError):
    """An API `Idempotency-Key` already used with another request (HTTP 422)."""


class IdempotencyKeyInUse(ServiceError):
    """The first request with this `Idempotency-Key` is still running (HTTP 409)."""


class WebhookError(ServiceError):
    """A webhook endpoint or delivery the service refuses: an unknown event type, a URL that
    cannot receive webhooks, a redelivery to a disabled endpoint (HTTP 400)."""


class UnsupportedLanguage(ServiceError):
    """The article is written in a language the claim extractor cannot read yet: its extract job
    ends with this (no claims read with English rules)."""

    def __init__(self, language: str, message: str) -> None:
        super().__init__(message, field="language")
        self.language = language
