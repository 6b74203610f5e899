"""A quick answer to "is any feed reachable from here?", so the desk can fall back to the demo."""

import socket
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit


def _can_connect(url: str, timeout_s: float) -> bool:
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((parts.hostname or "", port), timeout=timeout_s):
            return True
    except (OSError, ValueError):
        return False


def any_reachable(urls: list[str], timeout_s: float = 3.0) -> bool:
    """Whether a TCP connection opens to at least one of the feeds' hosts."""
    if not urls:
        return False
    with ThreadPoolExecutor(max_workers=min(8, len(urls))) as pool:
        return any(pool.map(lambda url: _can_connect(url, timeout_s), urls))
