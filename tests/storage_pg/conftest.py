"""Fixtures of the shared-desk tests: both backends, and a database filled from the demo sites."""

from tests.backends import backend, backend_engine, backend_url  # noqa: F401  (fixtures, used by name)
