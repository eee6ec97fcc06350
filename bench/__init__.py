"""Benchmarks: each prints its figures as one JSON line (never asserted in tests)."""
