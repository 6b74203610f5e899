"""Property-based tests of the whole pipeline."""
