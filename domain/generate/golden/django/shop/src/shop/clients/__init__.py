"""Adapters for the drawn external APIs and caches."""
