"""The one error of the outbound policy, and its codes."""

from __future__ import annotations

from enum import StrEnum


class Refusal(StrEnum):
    """Why an outbound request was refused or failed: the code callers show with the message."""

    INVALID_URL = "invalid_url"
    SCHEME = "scheme_not_allowed"
    DNS = "dns_failed"
    ADDRESS = "address_not_allowed"
    REDIRECTS = "too_many_redirects"
    CONNECTION = "connection_failed"
    TLS = "tls_failed"
    TIMEOUT = "timeout"
    TOO_LARGE = "too_large"
    CONTENT_TYPE = "content_type_not_allowed"
    HTTP_STATUS = "http_status"


class FetchRefused(Exception):
    """The one error of the outbound policy: a `Refusal` code and a message for people."""

    def __init__(self, code: Refusal, message: str):
        super().__init__(message)
        self.code = Refusal(code)
        self.message = message

    def __str__(self) -> str:
        return f"{self.message} ({self.code})"
