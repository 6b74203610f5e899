"""Tests of fetchers/: HTTP, feed parsing, extraction, clean-up rules and the poller."""
