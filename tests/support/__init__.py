"""Helpers shared by the test suites: a local HTTP server, and what else tests reuse."""
