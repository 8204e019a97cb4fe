"""Adapters for external APIs and caches."""
