"""Writes and business rules: one module per drawn service."""
