"""Why a fetch failed, classified for the scheduler and worded for a person."""

from dataclasses import dataclass
from enum import StrEnum


class FailureKind(StrEnum):
    BAD_URL = "bad url"
    DNS = "dns"
    CONNECT = "connect"
    TLS = "tls"
    TIMEOUT = "timeout"
    REDIRECTS = "redirects"
    HTTP = "http"
    BOT_CHALLENGE = "bot challenge"
    TOO_LARGE = "too large"
    CORRUPT = "corrupt"
    EMPTY = "empty"
    NOT_FEED = "not a feed"
    REFUSED = "refused"
    NETWORK = "network"
    INTERNAL = "internal"


NETWORK_KINDS = frozenset({FailureKind.DNS, FailureKind.CONNECT, FailureKind.TIMEOUT, FailureKind.NETWORK})


@dataclass(eq=False)
class FetchError(Exception):
    """A failed fetch or parse. `message` is what the desk shows on the feed.

    Not frozen: the interpreter and asyncio set traceback attributes on exceptions.
    """

    kind: FailureKind
    message: str
    status: int | None = None
    retry_after_s: float | None = None
    temporary: bool = False

    def __str__(self) -> str:
        return self.message

    @property
    def network(self) -> bool:
        """The server was never heard from: when every feed fails like this, the machine is offline."""
        return self.kind in NETWORK_KINDS

    @property
    def soft(self) -> bool:
        """Failures likely to pass by themselves (timeouts, 5xx, 429, DNS try-again): they weigh less."""
        if self.kind == FailureKind.TIMEOUT or self.temporary:
            return True
        return self.status is not None and (self.status == 429 or self.status >= 500)
